"""Every record is traceable to its source: spans, hashes, and nothing but quotations copied."""

from __future__ import annotations

import hashlib
import re

import pytest

import putin_interviews as pi
from putin_interviews import Dataset

from .conftest import SEEDS

# Quoted strings in the seeds that are not quotations of anyone, with the reason.
# Keys are (article id, offset of the first character inside the marks).
NOT_QUOTATIONS = {
    ("lz-part-1", 172): "title of the series",
    ("lz-part-1", 1362): "title of a film (Platoon)",
    ("lz-part-1", 5194): "title of the series",
    ("lz-part-3", 125): "title of the series",
    ("lz-part-3", 828): "title of a film (Snowden)",
    ("lz-part-3", 3485): "title of a film (JFK)",
    ("lz-part-3", 3611): "title of the series",
}
# Double quotation marks (the closing one may be misprinted as an opening one), and single
# marks nested inside them. No single mark in the seeds contains an apostrophe.
QUOTED = (re.compile(r"“([^“”]*)[”“]"), re.compile(r"‘([^‘’]*)’"))


def test_every_span_slices_to_the_quotation(ds: Dataset, seed_texts: dict[str, str]) -> None:
    assert pi.verify(SEEDS, ds) == []  # the same check users run, and below it by hand
    checked = 0
    for q in ds.quotes:
        for span in q.spans:
            assert seed_texts[q.article_id][span.start : span.end] == q.text, q.id
            checked += 1
    assert checked == len(ds.quotes) + 1  # one quotation (a pull quote) is printed twice


def test_every_article_hash_and_length_match_its_file(ds: Dataset, seed_texts: dict[str, str]) -> None:
    for a in ds.articles:
        assert hashlib.sha256((SEEDS / a.source_file).read_bytes()).hexdigest() == a.text_sha256
        assert len(seed_texts[a.id]) == a.text_length


def test_every_quoted_string_in_the_sources_is_a_quotation_or_explained(
    ds: Dataset, seed_texts: dict[str, str]
) -> None:
    starts = {(q.article_id, s.start) for q in ds.quotes for s in q.spans}
    found = set()
    for article_id, text in seed_texts.items():
        for m in (m for pattern in QUOTED for m in pattern.finditer(text)):
            key = (article_id, m.start(1))
            found.add(key)
            assert key in starts or key in NOT_QUOTATIONS, f"unaccounted quoted string {key}: {m.group(1)!r}"
    # Every quotation starts right after a quotation mark, and every exclusion is still real.
    assert starts <= found
    assert set(NOT_QUOTATIONS) <= found


def test_pull_quote_is_one_quotation_with_two_spans(ds: Dataset) -> None:
    repeated = [q for q in ds.quotes if q.other_spans]
    assert [q.id for q in repeated] == ["lz-part-1-not-a-woman"]
    assert [(s.start, s.end) for s in repeated[0].spans] == [(3934, 3976), (4377, 4419)]


def test_verbatim_quirks_are_kept(ds: Dataset) -> None:
    texts = {q.id: q.text for q in ds.quotes}
    # The closing mark printed as an opening mark is not part of the text; the dash is.
    assert texts["deadline-colbert-devoted"].endswith("insulted and abused –")
    assert "’" in texts["lz-part-1-western-people"]  # curly apostrophe, as printed
    assert "…" in texts["lz-part-1-not-trying-to-insult"]
    assert "[Osama]" in texts["lz-part-1-afghanistan"]  # the article's own brackets
    assert "détente" in texts["deadline-colbert-detente"]


def test_critique_and_claim_spans_point_at_the_judgement(ds: Dataset, seed_texts: dict[str, str]) -> None:
    for c in ds.critiques:
        text = seed_texts[c.article_id]
        assert c.spans, c.id
        for s in c.spans:
            piece = text[s.start : s.end]
            assert piece == piece.strip(), (c.id, piece)
            assert len(piece) >= 10, (c.id, piece)
    by_id = {c.id: c for c in ds.critiques}
    pinned = {
        "lz-part-1-missed-opportunity": "missed an opportunity",
        "lz-part-1-remarks-on-women": "eyebrow-raising",
        "lz-part-3-conspiracy-minded": "conspiracy theories",
        "deadline-colbert-most-revealing": "most revealing moment",
    }
    for cid, words in pinned.items():
        first = by_id[cid].spans[0]
        assert words in seed_texts[by_id[cid].article_id][first.start : first.end]
    hours = next(c for a in ds.articles for c in a.claims if a.id == "deadline-colbert" and "hours" in c.topic)
    assert "20 hours" in seed_texts["deadline-colbert"][hours.span.start : hours.span.end]


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_summaries_and_notes_are_in_our_own_words(ds: Dataset, seed_texts: dict[str, str]) -> None:
    """No prose we wrote shares a run of seven words with the articles' own prose.

    Quotations are the data; the articles' prose is not ours to ship.
    """
    prose = set().union(*(_shingles(t) for t in seed_texts.values()))
    quoted = set().union(*(_shingles(q.text) for q in ds.quotes))
    ours: list[tuple[str, str]] = []
    ours += [(a.id, a.summary) for a in ds.articles]
    ours += [(a.id, a.label) for a in ds.articles]
    ours += [(a.id, c.value) for a in ds.articles for c in a.claims]
    ours += [(e.id, e.summary) for e in ds.episodes if e.summary]
    ours += [(q.id, q.context) for q in ds.quotes]
    ours += [(c.id, f"{c.aspect}. {c.summary}") for c in ds.critiques]
    ours += [(p.id, p.description) for p in ds.people]
    for rid, text in ours:
        copied = (_shingles(text) & prose) - quoted
        assert not copied, (rid, sorted(" ".join(s) for s in copied))


@pytest.mark.parametrize("article_id", ["lz-part-1", "lz-part-3", "deadline-colbert"])
def test_the_package_data_does_not_contain_the_articles(article_id: str, seed_texts: dict[str, str]) -> None:
    from importlib import resources

    data = resources.files("putin_interviews.data").joinpath("putin_interviews.json").read_text("utf-8")
    text = seed_texts[article_id]
    # Quotations are shipped without their marks, so no paragraph of an article is shipped whole.
    shipped = [line for line in text.splitlines() if line.strip() and line in data]
    assert shipped == []
