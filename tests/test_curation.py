"""The curation rules a machine can hold: document order, evidence for attributions,
one rule for what is marked inferred, the topic vocabulary, ids across tables, and the
quotation without its host sentence's punctuation."""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import Dataset, QuoteKind, QuoteMode


def _position(ds: Dataset, article_id: str, start: int) -> tuple[int, int]:
    return ([a.id for a in ds.articles].index(article_id), start)


def _in_document_order(ds: Dataset) -> list[pi.Quote | pi.Critique]:
    records: list[pi.Quote | pi.Critique] = [*ds.quotes, *ds.critiques]
    return sorted(records, key=lambda r: _position(ds, r.article_id, _first_start(r)))


def _first_start(record: pi.Quote | pi.Critique) -> int:
    return record.span.start if isinstance(record, pi.Quote) else min(s.start for s in record.spans)


def _people_of(record: pi.Quote | pi.Critique) -> list[str]:
    if isinstance(record, pi.Quote):
        ids = [record.speaker_id, record.addressee_id, *record.subject_ids, record.reported_by_id]
    else:
        ids = [record.critic_id, record.target_id if record.target_kind is pi.TargetKind.PERSON else None]
    return [i for i in ids if i is not None]


# ------------------------------------------------------------------ document order


def test_every_table_is_in_document_order(ds: Dataset) -> None:
    assert [a.source_file for a in ds.articles] == sorted(a.source_file for a in ds.articles)
    assert [e.number for e in ds.episodes] == [1, 2, 3, 4]
    quotes = [_position(ds, q.article_id, q.span.start) for q in ds.quotes]
    assert quotes == sorted(quotes)
    critiques = [_position(ds, c.article_id, min(s.start for s in c.spans)) for c in ds.critiques]
    assert critiques == sorted(critiques)
    # People and topics in the order the records, read in document order, first use them.
    ordered = _in_document_order(ds)
    first_people = list(dict.fromkeys(itertools.chain.from_iterable(_people_of(r) for r in ordered)))
    assert [p.id for p in ds.people] == first_people
    first_topics = list(dict.fromkeys(t for r in ordered for t in r.topics))
    assert [t.id for t in ds.topics] == first_topics


def test_every_person_and_topic_is_used(ds: Dataset) -> None:
    used = {t for r in (*ds.quotes, *ds.critiques, *ds.episodes) for t in r.topics}
    assert {t.id for t in ds.topics} == used
    counts = {t.id: sum(t.id in r.topics for r in (*ds.quotes, *ds.critiques, *ds.episodes)) for t in ds.topics}
    assert min(counts.values()) >= 2, counts  # a vocabulary, not a tag used once
    people = {p for r in (*ds.quotes, *ds.critiques) for p in _people_of(r)}
    assert {p.id for p in ds.people} == people


# ------------------------------------------------------------------ evidence and marking


def test_a_speaker_without_a_cue_is_marked_inferred(ds: Dataset) -> None:
    for q in ds.quotes:
        if q.mode is QuoteMode.SCARE:
            assert q.speaker_id is None, q.id
            assert "speaker_id" not in q.inferred, q.id
        elif q.cue is None:
            assert "speaker_id" in q.inferred, q.id
    # With a cue, the speaker is a reading only where the marked words may be the writer's echo.
    assert [q.id for q in ds.quotes if q.cue is not None and "speaker_id" in q.inferred] == ["lz-part-1-bad-days"]


def test_an_addressee_is_stated_only_with_a_cue(ds: Dataset) -> None:
    stated = [q for q in ds.quotes if q.addressee_id is not None and "addressee_id" not in q.inferred]
    assert stated
    for q in stated:
        assert q.cue is not None, q.id


def test_putin_has_a_stated_addressee_only_where_the_article_names_one(ds: Dataset, seed_texts: dict[str, str]) -> None:
    """'said Putin', 'he said', 'Putin added' say nothing of whom he spoke to: only these
    quotations of Putin's have their addressee stated, each on the words shown."""
    stated = {
        q.id: seed_texts[q.article_id][q.cue.start : q.cue.end]
        for q in ds.quotes.filter(speaker="putin")
        if q.addressee_id is not None and "addressee_id" not in q.inferred and q.cue is not None
    }
    assert stated == {
        "lz-part-1-not-a-woman": "Putin responded",  # "Stone asked him if … and Putin responded"
        "lz-part-3-always-hope": "Russian President Vladimir Putin told filmmaker Oliver Stone",
        "lz-part-3-syria-stability": "Putin told Stone",
        "lz-part-3-spied-like-nsa": "Putin all but admitted",  # "Stone did press Putin on … — Putin all but admitted"
        "deadline-colbert-never-interfere": "Putin responds",  # "Stone explains to Putin … and Putin responds"
        "deadline-colbert-principles": "adding",  # the same sentence
    }


def test_inferred_names_only_fields_that_hold_a_value(ds: Dataset) -> None:
    for r in (*ds.quotes, *ds.critiques, *ds.episodes):
        for name in r.inferred:
            assert getattr(r, name) not in (None, ()), (r.id, name)


def test_reported_speech_of_every_article_is_recorded(ds: Dataset) -> None:
    indirect = ds.quotes.filter(mode="indirect")
    assert {q.article_id for q in indirect} == {a.id for a in ds.articles}
    assert all(q.speaker_id is not None for q in indirect)
    scare = ds.quotes.filter(mode="scare")
    assert "deadline-colbert-abuse" in [q.id for q in scare]


def test_ids_are_unique_across_tables(ds: Dataset) -> None:
    ids = [r.id for table in ds.tables() for r in table]
    assert len(ids) == len(set(ids))
    for c in ds.critiques:
        assert ds.get(c.id) is c


# ------------------------------------------------------------------ topics


def test_topics_resolve_by_id_or_label_and_filter_every_table(ds: Dataset) -> None:
    topic = ds.topics[0]
    assert ds.get_topic(topic.label.upper()) is topic
    assert ds.get(topic.id) is topic
    tagged = [q.id for q in ds.quotes if topic.id in q.topics]
    assert [q.id for q in ds.quotes.filter(topic=topic.label)] == tagged
    assert [q.id for q in ds.quotes.filter(topic=topic)] == tagged
    assert [c.id for c in ds.critiques.filter(topic=topic.id)] == [c.id for c in ds.critiques if topic.id in c.topics]
    with pytest.raises(pi.NotFoundError, match="no topic"):
        ds.quotes.filter(topic="no such topic at all")


# ------------------------------------------------------------------ clean text


def test_clean_text_drops_only_the_host_sentences_punctuation(ds: Dataset) -> None:
    q = ds.quotes.get
    assert q("lz-part-3-always-hope").clean_text == "There is always hope"  # comma: always goes
    assert q("lz-part-1-hawk").clean_text == "hawk"  # full stop of a fragment goes
    assert q("lz-part-1-not-a-woman").clean_text.endswith("bad days.")  # a full sentence keeps its stop
    assert q("deadline-colbert-detente").clean_text.endswith("Russia?")  # the speaker's question mark stays
    assert q("deadline-colbert-devoted").clean_text.endswith("abused –")  # and the speaker's dash


def test_clean_span_slices_to_clean_text(ds: Dataset, seed_texts: dict[str, str]) -> None:
    for q in ds.quotes:
        assert seed_texts[q.article_id][q.clean_span.start : q.clean_span.end] == q.clean_text, q.id


@given(
    st.text(min_size=1, max_size=12),
    st.sampled_from([",", ".", "?", "!", "–", "—", "…", ";", ""]),
    st.sampled_from(QuoteKind),
)
def test_clean_text_rule(body: str, last: str, kind: QuoteKind) -> None:
    base = pi.Quote(
        id="q", text="x", speaker_id="p", addressee_id=None, article_id="a", span=pi.Span(start=0, end=1),
        other_spans=(), cue=None, mode=QuoteMode.DIRECT, kind=kind, episode=None, venue=None, topics=(),
        context="c", subject_ids=(), reported_by_id=None, inferred=("speaker_id",),
    )  # fmt: skip
    text = body + last
    quote = attrs.evolve(base, text=text, span=pi.Span(start=10, end=10 + len(text)))
    cut = text.endswith(",") or (text.endswith(".") and kind is not QuoteKind.FULL)
    assert quote.clean_text == (text[:-1] if cut else text)
    assert quote.clean_span == pi.Span(start=10, end=10 + len(quote.clean_text))
    assert quote.text == text  # verbatim stays
