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
    marked = [q for q in ds.quotes if q.mode is not pi.QuoteMode.INDIRECT]  # reported speech has no marks
    starts = {(q.article_id, s.start) for q in marked for s in q.spans}
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


#: A passage in quotation marks inside our own prose: quoted words, allowed.
_QUOTED_IN_OURS = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    shingles: set[tuple[str, ...]] = set()
    for piece in _QUOTED_IN_OURS.split(text):  # a quoted passage ends a run of our words
        words = re.findall(r"[\w']+", piece.lower().replace("’", "'"))
        shingles |= {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    return shingles


def _own_words(ds: Dataset) -> list[tuple[str, str, str]]:
    """Every field we write: (record id, field, text)."""
    ours: list[tuple[str, str, str]] = []
    for a in ds.articles:
        ours += [(a.id, "summary", a.summary), (a.id, "label", a.label)]
        ours += [(a.id, "claims.value", c.value) for c in a.claims]
        ours += [(a.id, "basis.note", b.note) for b in a.basis]
        if a.published_inferred is not None:
            ours.append((a.id, "published_inferred.basis", a.published_inferred.basis))
    for e in ds.episodes:
        ours += [(e.id, "summary", e.summary or "")] + [(e.id, "basis.note", b.note) for b in e.basis]
    for p in ds.people:
        ours += [(p.id, "description", p.description)] + [(p.id, "basis.note", b.note) for b in p.basis]
    ours += [(t.id, "label", t.label) for t in ds.topics] + [(t.id, "definition", t.definition) for t in ds.topics]
    ours += [(q.id, "context", q.context) for q in ds.quotes]
    ours += [(c.id, "summary", c.summary) for c in ds.critiques]
    return ours


def test_summaries_and_notes_are_in_our_own_words(ds: Dataset, seed_texts: dict[str, str]) -> None:
    """No prose we wrote shares a run of six words with an article, quotations included,
    unless the words stand in quotation marks. The articles are not ours to ship."""
    source = set().union(*(_shingles(t.replace("“", " ").replace("”", " ")) for t in seed_texts.values()))
    copied = {
        (rid, field): sorted(" ".join(s) for s in _shingles(text) & source)
        for rid, field, text in _own_words(ds)
        if _shingles(text) & source
    }
    assert copied == {}


def test_the_own_words_check_finds_a_copied_run() -> None:
    article = "Stone was clearly more knowledgeable of Russia’s economics and had an interest"
    source = _shingles(article)
    assert _shingles("He was clearly more knowledgeable of Russia's economics, we read.") & source
    assert not _shingles("He was, “clearly more knowledgeable of Russia’s economics,” we read.") & source
    assert not _shingles("clearly more knowledgeable of Russia's") & source  # five words


@pytest.mark.parametrize("article_id", ["lz-part-1", "lz-part-3", "deadline-colbert"])
def test_the_package_data_does_not_contain_the_articles(article_id: str, seed_texts: dict[str, str]) -> None:
    from importlib import resources

    data = resources.files("putin_interviews.data").joinpath("putin_interviews.json").read_text("utf-8")
    text = seed_texts[article_id]
    # Quotations are shipped without their marks, so no paragraph of an article is shipped whole.
    shipped = [line for line in text.splitlines() if line.strip() and line in data]
    assert shipped == []
