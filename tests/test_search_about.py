"""Search finds what records are about, folds plurals, and suggests a word for a slip."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews._inflect import _IRREGULAR, _NOT_PLURAL, base_form
from putin_interviews._kinds import RecordKind
from putin_interviews._search import terms, tokens

DS = pi.dataset()


# ------------------------------------------------------------------ what a record is about


def test_a_quotation_is_found_by_its_subject_topic_and_speaker() -> None:
    # Named in the issue: these found nothing while quotes_about("obama") gave its quotations.
    assert {h.record.id for h in pi.search("Obama", kind="quote")} == {q.id for q in DS.quotes_about("obama")}
    assert [h.record.id for h in pi.search("crimea", kind="quote")] == ["lz-part-3-different-assessments"]
    assert [h.record.id for h in pi.search("syria", kind="quote")] == [
        "lz-part-3-syria-stability",
        "lz-part-3-left-boots-on-ground",
        "lz-part-3-tranquil",
        "lz-part-3-cautious-optimist",
    ]
    # A speaker is found by name and by alias; the listing is the speaker's quotations.
    assert set(DS.quotes.search("colbert")) >= set(DS.quotes.filter(speaker="colbert"))


def test_own_words_rank_above_what_a_record_is_about() -> None:
    # "Obama" is in one quotation's words; the others are about him.
    hits = pi.search("Obama", kind="quote")
    assert hits[0].record.id == "lz-part-3-obama-talks"
    assert "text" in hits[0].fields
    assert all("text" not in h.fields for h in hits[1:])
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize("kind", ["quote", "critique"])
def test_for_every_word_the_records_saying_it_come_first(kind: RecordKind) -> None:
    # Over the whole vocabulary of the bundled records' own words: a record holding the word in
    # its own words ranks above every record that is only about it.
    table = DS.quotes if kind == "quote" else DS.critiques
    own = table._search_fields[0][0]
    vocabulary = {w for r in table for w in tokens(getattr(r, own))}
    assert len(vocabulary) > 300
    for word in sorted(vocabulary):
        fields = [own in h.fields for h in pi.search(word, kind=kind)]
        assert fields == sorted(fields, reverse=True), word


def test_a_critique_is_found_by_its_critic_target_and_topic_label() -> None:
    by_topic = {h.record.id for h in pi.search("surveillance", kind="critique")}
    assert {c.id for c in DS.critiques.filter(topic="surveillance")} <= by_topic
    by_target = {h.record.id for h in pi.search("megyn kelly", kind="critique")}
    assert {c.id for c in DS.critiques.filter(target="kelly")} <= by_target


def test_hits_name_the_fields_that_matched() -> None:
    [hit] = list(pi.search("crimea", kind="quote"))
    assert hit.fields == ("context", "topics")


def test_a_table_without_a_dataset_searches_ids_for_people_and_topics() -> None:
    alone = pi.Quotes(DS.quotes)
    quote = DS.get_quote("lz-part-3-cautious-optimist")
    assert list(alone._texts("topics", [quote])) == [" ".join(quote.topics)]
    assert list(DS.quotes._texts("topics", [quote])) == [" ".join(f"{t} {DS.get_topic(t).label}" for t in quote.topics)]
    assert {q.id for q in alone.search("putin")} >= {q.id for q in DS.quotes.filter(speaker="putin")}


# ------------------------------------------------------------------ inflection


def test_plurals_and_irregular_plurals_are_folded() -> None:
    assert "lz-part-1-not-a-woman" in {q.id for q in DS.quotes.search("women")}
    assert "lz-part-1-not-a-woman" in {q.id for q in DS.quotes.search("woman")}
    bad_days = {q.id for q in DS.quotes.search("bad day")}
    assert {"lz-part-1-asked-bad-days", "lz-part-1-bad-days"} <= bad_days
    assert bad_days == {q.id for q in DS.quotes.search("bad days")}
    assert terms("countries wishes echoes days") == ["country", "wish", "echo", "day"]


def test_words_that_only_look_plural_are_kept() -> None:
    # A full stemmer would join these; plural folding must not.
    for word in ["news", "always", "press", "crisis", "status", "series", "its", "his", "was", "politics"]:
        assert base_form(word) == word
    assert base_form("polite") != base_form("political")
    assert base_form("nature") != base_form("natural")


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_base_form_is_idempotent(word: str) -> None:
    assert base_form(base_form(word)) == base_form(word)


@given(st.from_regex(r"[a-z]{2,9}([bdfgklmnprtw]|[bcdfgklmnprtv]e)", fullmatch=True))
def test_a_regular_plural_folds_to_its_singular(word: str) -> None:
    assume(word + "s" not in _IRREGULAR and word + "s" not in _NOT_PLURAL)
    assert base_form(word + "s") == base_form(word)


# ------------------------------------------------------------------ did you mean


def test_a_slip_is_corrected_to_the_closest_indexed_word() -> None:
    assert pi.search("Megyn Kely") == ()
    assert pi.did_you_mean("Megyn Kely") == "megyn kelly"
    assert pi.did_you_mean("vladmir putn") == "vladimir putin"
    assert DS.did_you_mean("detante", kind="quote") == "detente"


def test_nothing_to_correct_is_none() -> None:
    assert pi.did_you_mean("Megyn Kelly") is None  # every word is found
    assert pi.did_you_mean("xqzjw") is None  # nothing near it
    assert pi.did_you_mean("") is None
    # "detente" is found in quotations, never in people.
    assert DS.did_you_mean("detente", kind="person") is None


def test_did_you_mean_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="query"):
        pi.did_you_mean(3)  # type: ignore[arg-type]
    with pytest.raises(LookupError, match="did you mean 'quote'"):
        pi.did_you_mean("kely", kind="quotes")  # type: ignore[arg-type]


@given(st.sampled_from(sorted({w for q in DS.quotes for w in tokens(q.text)})))
def test_every_indexed_word_needs_no_correction(word: str) -> None:
    assert DS.did_you_mean(word, kind="quote") is None


def test_the_command_line_suggests_on_no_match() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "putin_interviews", "search", "Megyn Kely"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout.strip() == "Hits: 0 hits"
    assert run.stderr.strip() == "did you mean: megyn kelly"


def test_every_kind_of_hit_shows_its_text() -> None:
    # A topic's hit shows its label (it showed nothing: the label was not among the fields read).
    [topic] = pi.search("remarks women", kind="topic")
    assert topic.record.id == "remarks-on-women"
    [row] = pi.Hits([topic])._rows()
    assert row[-1] == pi.get_topic("remarks-on-women").label
    for hit in pi.search("putin"):
        assert pi.Hits([hit])._rows()[0][-1], hit
