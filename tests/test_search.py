"""Full-text search: folding, AND semantics, ranking, and properties."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import Dataset, Quotes
from putin_interviews._search import normalize, tokens

DS = pi.dataset()


def test_folding_examples_from_the_issue() -> None:
    assert [h.record.id for h in pi.search("detente", kind="quote")] == ["deadline-colbert-detente"]
    assert {q.id for q in DS.quotes.search("don't")} == {q.id for q in DS.quotes.search("DON’T")}
    assert len(DS.quotes.search("don't")) == 7
    # A possessive folds away, so "kelly" finds "Kelly’s" (and "it’s" is "it" on both sides).
    assert "lz-part-1-stone-shames-kelly" in {h.record.id for h in pi.search("kelly", kind="critique")}
    assert [q.id for q in DS.quotes.search("al qaida")] == ["lz-part-1-al-qaida-result", "lz-part-1-afghanistan"]


def test_all_words_must_match() -> None:
    assert [q.id for q in DS.quotes.search("trust him")] == [
        "deadline-colbert-dont-trust-him",
        "deadline-colbert-convenient-excuse",
    ]
    assert len(DS.quotes.search("trust détente")) == 0
    assert len(DS.quotes.search("")) == 0
    assert len(DS.quotes.search("— …")) == 0


def test_hits_carry_record_kind_and_fields() -> None:
    hits = pi.search("kelly interview")
    assert {h.kind for h in hits} == {"person", "critique", "article"}
    top = hits[0]
    assert top.terms == ("kelly", "interview")
    assert top.fields
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))  # best first
    assert len(pi.search("kelly interview", limit=2)) == 2


def test_search_results_chain_with_filters() -> None:
    found = DS.quotes.search("putin").filter(speaker="colbert")
    assert isinstance(found, Quotes)
    assert [q.id for q in found] == ["deadline-colbert-oppressive-leader"]
    assert [q.id for q in DS.quotes.filter(speaker="stone").search("partnership")] == [
        "deadline-colbert-never-badmouth"
    ]


def test_unknown_search_kind() -> None:
    import pytest

    with pytest.raises(LookupError, match="no search kind 'quotes'; did you mean 'quote'"):
        pi.search("hope", kind="quotes")


# ------------------------------------------------------------------ properties


def _disguise(word: str, upper: list[bool], accent: list[bool]) -> str:
    """The word with some letters upper-cased and some given a combining accent."""
    out = []
    for i, ch in enumerate(word):
        c = ch.upper() if upper[i % len(upper)] else ch
        if accent[i % len(accent)] and ch.isascii() and ch.isalpha():
            c = unicodedata.normalize("NFC", c + "\u0301")
        out.append(c)
    return "".join(out)


@given(
    quote=st.sampled_from(list(DS.quotes)),
    pick=st.integers(min_value=0),
    upper=st.lists(st.booleans(), min_size=1, max_size=5),
    accent=st.lists(st.booleans(), min_size=1, max_size=5),
)
def test_every_quotation_is_found_by_any_of_its_words(
    quote: object, pick: int, upper: list[bool], accent: list[bool]
) -> None:
    assert isinstance(quote, pi.Quote)
    words = quote.text.split()
    word = words[pick % len(words)]
    if not tokens(word):
        return  # a lone dash or ellipsis is not a word
    assert quote in DS.quotes.search(_disguise(word, upper, accent))


@given(st.text(max_size=40))
def test_search_never_fails_and_results_are_a_subset(query: str) -> None:
    found = DS.quotes.search(query)
    assert set(found) <= set(DS.quotes)
    assert len(set(found)) == len(found)


@given(st.text(max_size=30))
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_fast_path_folds_like_the_general_one(text: str) -> None:
    import unicodedata

    from putin_interviews import _search

    general = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    expected = " ".join(_search._WORD.findall(_search._POSSESSIVE.sub("", general).translate(_search._APOSTROPHES)))
    assert normalize(text) == expected


def test_search_matches_a_scan(ds: Dataset) -> None:
    # The inverted index answers exactly what a scan over normalised words would.
    for query in ["putin", "the", "hope", "russia partners", "al qaida", "détente", "u s"]:
        words = set(tokens(query))
        scan = {q.id for q in ds.quotes if words <= set(tokens(q.text))}
        assert {q.id for q in ds.quotes.search(query)} == scan
