"""Full-text search: folding, AND semantics, ranking, and properties."""

from __future__ import annotations

import itertools
import math
import os
import pickle
import re
import unicodedata
from array import array
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import Dataset, Quotes, _bitmaps, _fold, _occurrences, _order, _search, _table_search, _workers
from putin_interviews._fold import fold_many, normalize, terms, tokens
from putin_interviews._search import InvertedIndex
from putin_interviews._tables import TABLES

DS = pi.dataset()


def test_folding_examples_from_the_issue() -> None:
    # The quotation that says it first; then one whose context (our words about it) does.
    assert [(h.record.id, h.fields) for h in pi.search("detente", kind="quote")] == [
        ("deadline-colbert-detente", ("text", "context")),
        ("deadline-colbert-hate-trump", ("context",)),
    ]
    assert {q.id for q in DS.quotes.search("don't")} == {q.id for q in DS.quotes.search("DON’T")}
    assert len(DS.quotes.search("don't")) == 7
    # A possessive folds away, so "kelly" finds "Kelly’s" (and "it’s" is "it" on both sides).
    assert "lz-part-1-stone-shames-kelly" in {h.record.id for h in pi.search("kelly", kind="critique")}
    assert [q.id for q in DS.quotes.search("al qaida")] == [
        "lz-part-1-blamed-us-al-qaida",
        "lz-part-1-al-qaida-result",
        "lz-part-1-afghanistan",
    ]


def test_all_words_must_match() -> None:
    # "trusts" is "trust" to search (a verb's -s, as a plural's, is folded).
    assert [q.id for q in DS.quotes.search("trust him")] == [
        "deadline-colbert-likes-or-trusts",
        "deadline-colbert-dont-trust-him",
        "deadline-colbert-convenient-excuse",
        "deadline-colbert-head-of-state",
    ]
    assert len(DS.quotes.search("trust détente")) == 0
    assert len(DS.quotes.search("")) == 0
    assert len(DS.quotes.search("— …")) == 0


def test_hits_carry_record_kind_and_fields() -> None:
    hits = pi.search("kelly interview")
    assert {h.kind for h in hits} == {"person", "critique", "article", "topic"}
    top = hits[0]
    assert top.terms == ("kelly", "interview")
    assert top.fields
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))  # best first
    assert len(pi.search("kelly interview", limit=2)) == 2


def test_search_results_chain_with_filters() -> None:
    found = DS.quotes.search("putin").filter(speaker="colbert")
    assert isinstance(found, Quotes)
    # Those naming him first (best first), then those about him (he is their addressee or subject).
    assert [q.id for q in found][:2] == ["deadline-colbert-oppressive-leader", "deadline-colbert-likes-or-trusts"]
    assert set(found) == set(DS.quotes.filter(speaker="colbert").filter(addressee="putin")) | {
        q for q in DS.quotes.filter(speaker="colbert") if "putin" in q.subject_ids or "Putin" in q.text + q.context
    }
    assert [q.id for q in DS.quotes.filter(speaker="stone").search("partnership")] == [
        "deadline-colbert-never-badmouth"
    ]


def test_a_collection_of_two_tables_is_searched_among_all_its_records() -> None:
    # A collection made by | or & of collections from two different tables (a table made by
    # hand and the dataset's, or two datasets') is a table of its own: it searches and ranks
    # among its own records, as the same records in a new table would. It searched only the
    # left one's table, and found none of the others.
    other = pi.loads(pi.dataset().to_json())
    mine = Quotes([DS.get_quote("deadline-colbert-detente")])
    for mixed, speakers in (
        (mine | DS.quotes.filter(speaker="putin"), {"putin", "stone"}),
        (DS.quotes.filter(speaker="putin") | other.quotes.filter(speaker="stone"), {"putin", "stone"}),
        (other.quotes.filter(speaker=["putin", "stone"]) & DS.quotes.filter(speaker="stone"), {"stone"}),
    ):
        alone = Quotes(list(mixed))
        if mixed._dataset is not None:  # (whose people's names are searched, as the left one's)
            alone._bind(mixed._dataset)
        found = [(h.record, h.score) for h in mixed.hits("russia")]
        assert found == [(h.record, h.score) for h in alone.hits("russia")]
        assert {record.speaker_id for record, _ in found} == speakers
    assert len((mine | DS.quotes.filter(speaker="putin")).search("russia")) == 17


def test_a_table_searched_before_a_dataset_takes_it_then_searches_the_dataset_s_names() -> None:
    # A table of no dataset searches people and topics by id only. A Dataset made with it
    # keeps it (one made by hand, or by | of two tables, a table of its own) and binds it: it
    # then finds the people by name too, as a copy would. It kept the index it had.
    tables = {spec.name: getattr(DS, spec.name) for spec in TABLES}
    for by_hand in (True, False):
        mine = Quotes(list(DS.quotes)) if by_hand else Quotes(DS.quotes[:1]) | DS.quotes
        assert len(mine.search("vladimir")) == 1  # (the one quotation that says it)
        other = Dataset(info=DS.info, **{**tables, "quotes": mine})
        assert other.quotes is mine
        assert [q.id for q in mine.search("vladimir")] == [q.id for q in DS.quotes.search("vladimir")]
        assert len(mine.search("vladimir")) == 58


def test_unknown_search_kind() -> None:
    import pytest

    with pytest.raises(LookupError, match="no search kind 'quotes'; did you mean 'quote'"):
        pi.search("hope", kind="quotes")  # type: ignore[arg-type]


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


# The first implementation of normalize, character by character: the reference the folded,
# table-driven one must agree with on any text.
_REF_APOSTROPHES = "'’‘ʼ`´"
_REF_POSSESSIVE = re.compile(rf"(?<=\w)[{_REF_APOSTROPHES}][sS]\b")


def reference_normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    stripped = _REF_POSSESSIVE.sub("", folded).translate(dict.fromkeys(map(ord, _REF_APOSTROPHES)))
    return " ".join(re.findall(r"\w+", stripped))


_TYPOGRAPHIC = st.sampled_from(list("’‘ʼ`´'sS…—–“”«»\n\t\u00a0\u0301ßİΣςǅ\u2028ꭰᏸ_"))
_TEXT = st.lists(st.one_of(st.characters(), _TYPOGRAPHIC, st.sampled_from(["’s", "'S", "É", "ö"])), max_size=40).map(
    "".join
)


@given(_TEXT, st.sampled_from([1, 4, 20_000]))
def test_normalize_agrees_with_the_reference(text: str, long: int) -> None:
    # Long texts (here: longer than ``long``) take the string-wide replacements first.
    with mock.patch.object(_fold, "_LONG", long):
        assert normalize(text) == reference_normalize(text)
        assert tokens(text) == reference_normalize(text).split()


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_normalize_agrees_with_the_reference_on_ascii(text: str) -> None:
    assert normalize(text) == reference_normalize(text)


def normalize_many(texts: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in fold_many(texts)]


@given(st.lists(_TEXT, max_size=8), st.sampled_from([1, 4, 20_000]))
def test_folding_many_texts_together_folds_each(texts: list[str], long: int) -> None:
    # Folded together, joined by line breaks (which the texts may hold themselves).
    with mock.patch.object(_fold, "_LONG", long):
        together = normalize_many(texts)
    assert together == [normalize(t) for t in texts]


def test_normalize_examples() -> None:
    assert normalize("Kelly’s KELLY'S kelly´s") == "kelly kelly kelly s"  # ´ is an accent, not an apostrophe
    assert normalize("ΟΔΟΣ Straße İstanbul") == "οδοσ strasse istanbul"
    assert normalize_many(["a\nb", "c’s", ""]) == ["a b", "c", ""]
    assert normalize_many([]) == []


def _about(ds: Dataset, q: pi.Quote) -> str:
    """What a quotation is about, as words: its context, its people's names and aliases, its
    topics' ids and labels (written out here independently of the index's own code)."""
    people = [ds.get_person(i) for i in (q.speaker_id, q.addressee_id, q.reported_by_id, *q.subject_ids) if i]
    topics = [ds.get_topic(t) for t in q.topics]
    return " ".join(
        [q.context, *(f"{p.name} {' '.join(p.aliases)}" for p in people), *(f"{t.id} {t.label}" for t in topics)]
    )


@pytest.mark.parametrize(
    "query", ["putin", "the", "hope", "russia partners", "al qaida", "détente", "u s", "obama", "syria", "women"]
)
def test_search_matches_a_scan(ds: Dataset, query: str) -> None:
    # The inverted index answers exactly what a scan over the words, in their base forms, of
    # a quotation's text and what it is about would.
    words = set(terms(query))
    scan = {q.id for q in ds.quotes if words <= set(terms(q.text + " " + _about(ds, q)))}
    assert {q.id for q in ds.quotes.search(query)} == scan
    assert scan  # each query finds something


# ----------------------------------------------------------------- the index against a reference

_VOCABULARY = [
    "putin",
    "stone",
    "the",
    "the",
    "the",
    "war",
    "wars",
    "Détente",
    "don’t",
    "Kelly’s",
    "women",
    "woman",
    "—",
]
_FIELD_TEXT = st.lists(st.sampled_from(_VOCABULARY), max_size=8).map(" ".join)


def reference_ranking(
    documents: list[list[str]], weights: list[float], query: str
) -> list[tuple[int, float, tuple[str, ...]]]:
    """Scores worked out document by document, as the first index did."""
    per_doc: list[dict[str, float]] = []
    for fields in documents:
        word_weights: dict[str, float] = {}
        for text, field_weight in zip(fields, weights, strict=True):
            for word in dict.fromkeys(terms(text)):
                count = terms(text).count(word)
                word_weights[word] = word_weights.get(word, 0.0) + field_weight * (1 + math.log(count))
        per_doc.append(word_weights)
    words = list(dict.fromkeys(terms(query)))
    if not words:
        return []
    frequency = {w: sum(w in d for d in per_doc) for w in words}
    if not all(frequency.values()):
        return []
    order = sorted(words, key=lambda w: frequency[w])  # the shortest postings first, stable
    scored = []
    for doc, d in enumerate(per_doc):
        if all(w in d for w in words):
            score = 0.0
            for w in order:
                score += d[w] * math.log(1 + len(documents) / frequency[w])
            scored.append((doc, score))
    scored.sort(key=lambda r: (-r[1], r[0]))
    return [(doc, score, tuple(words)) for doc, score in scored]


@given(
    st.integers(min_value=1, max_value=3).flatmap(
        lambda n_fields: st.tuples(
            st.lists(st.lists(_FIELD_TEXT, min_size=n_fields, max_size=n_fields), max_size=60),
            st.lists(st.sampled_from([1.0, 2.0, 3.0]), min_size=n_fields, max_size=n_fields),
        )
    ),
    st.lists(st.sampled_from([*_VOCABULARY, "absent"]), min_size=0, max_size=3).map(" ".join),
    st.one_of(st.none(), st.integers(min_value=0, max_value=5)),
    st.sampled_from([1, 3, 50, 10**6]),
    st.sampled_from([0, 2, 8, 10**6]),
    st.sampled_from([1, 7, 50_000]),
    st.sampled_from([0, 10**9]),
    st.sampled_from([1, 2, 8]),
    st.sampled_from([1, 3, 10**6]),
    st.sampled_from([1, 10**6]),
    st.sets(st.integers(min_value=0, max_value=60)),
)
def test_the_index_ranks_as_a_document_by_document_reference(
    table: tuple[list[list[str]], list[float]],
    query: str,
    limit: int | None,
    bitmap_share: int,
    probe_share: int,
    chunk: int,
    tiered_from: int,
    bands: int,
    band_first: int,
    per_process: int,
    chosen: set[int],
) -> None:
    # Folded column by column, counted in bulk, with uniform weights and bitmaps for frequent
    # words: the scores and the order are exactly those worked out record by record.
    documents, weights = table
    columns = [([doc[i] for doc in documents], w) for i, w in enumerate(weights)]
    # Bitmaps for no word, for some, for every word; long postings probed or intersected as
    # sets: each way of intersecting is taken. Texts folded in chunks of every size. Ranked
    # document by document, or by tiers of weight (the top-k path, which stops early), ties
    # included: the first ``limit`` of the full ranking either way. Built in one process, or
    # by worker processes (where they can be forked), a range of chunks each.
    with (
        mock.patch.object(_workers, "processors", return_value=2 if hasattr(os, "fork") else 1),
        mock.patch.object(_occurrences, "_PER_PROCESS", per_process),
        mock.patch.object(_search, "_BITMAP_SHARE", bitmap_share),
        mock.patch.object(_occurrences, "_CHUNK", chunk),
        mock.patch.object(_search, "_PROBE_SHARE", probe_share),
        mock.patch.object(_search, "_TIERED_FROM", tiered_from),
    ):
        index = InvertedIndex(len(documents), columns)
        expected = reference_ranking(documents, weights, query)
        assert index.query(query, limit) == (expected if limit is None else expected[:limit])
        assert index.query(query) == expected
        # Among some documents only (a filtered collection's): the full ranking's, in its
        # order, the others left out; any share of them, none or all, on every path.
        among = sorted(chosen & set(range(len(documents))))
        kept = [(doc, score) for doc, score, _ in expected if doc in chosen]
        docs, scores, _ = index.ranked(query, limit, among)
        assert list(zip(docs, scores, strict=True)) == (kept if limit is None else kept[:limit])
    # The top-k path by bands of weights (max-score), taken directly: any number of bands, of
    # any width, gives the first ``limit`` of the full ranking, ties included.
    found = [index._postings.get(w) for w in dict.fromkeys(terms(query))]
    if limit is not None and found and all(p is not None for p in found):
        postings = sorted((p.ready() for p in found if p is not None), key=lambda p: p.count)
        with mock.patch.object(_search, "_BANDS", bands), mock.patch.object(_search, "_BAND_FIRST", band_first):
            for posting in postings:
                posting.banded = None  # made afresh with these bands
            banded = index._banded(postings, limit, [])
            within = index._banded(postings, limit, [_search.Docs(array("I", among))])
        assert banded is not None  # a few bands, few combinations
        assert list(zip(*banded, strict=True)) == [(doc, score) for doc, score, _ in expected[:limit]]
        assert within is not None
        assert list(zip(*within, strict=True)) == kept[:limit]


def test_the_tiered_ranking_merges_equal_scores_in_document_order() -> None:
    # "a" twice and "b" once scores as "a" once and "b" twice (both words in every document,
    # so the same idf): two combinations of tiers with one score, whose documents interleave.
    texts = ["a a b", "a b b", "a b b", "a a b", "a b"]
    expected = reference_ranking([[text] for text in texts], [1.0], "a b")
    assert [doc for doc, _, _ in expected] == [0, 1, 2, 3, 4]
    for share in (1, 10**6):  # the combinations found as bitmaps, or as lists
        with mock.patch.object(_search, "_TIERED_FROM", 0), mock.patch.object(_search, "_BITMAP_SHARE", share):
            index = InvertedIndex(len(texts), [(texts, 1.0)])
            assert index.query("a b") == expected
            assert index.query("a b", 3) == expected[:3]


def test_the_tiered_ranking_gives_way_to_scoring_when_tiers_multiply() -> None:
    # Three words, each said once, twice or three times: 27 combinations of tiers. Ranking
    # all of them takes every one; the top 5 take the two best (one document each), then the
    # next ones. Beyond the bound the documents are scored one by one, and rank the same.
    texts = [" ".join(["a"] * (1 + i % 3) + ["b"] * (1 + i // 3 % 3) + ["c"] * (1 + i // 9 % 3)) for i in range(60)]
    expected = reference_ranking([[text] for text in texts], [1.0], "c b a")
    for most, limit, tiered in [(26, None, False), (27, None, True), (1, 5, False), (27, 5, True)]:
        with mock.patch.object(_search, "_TIERED_FROM", 0), mock.patch.object(_search, "_MAX_COMBINATIONS", most):
            index = InvertedIndex(len(texts), [(texts, 1.0)])
            postings = sorted(index._postings.values(), key=lambda p: p.ready().count)
            assert (index._tiered(postings, limit, []) is not None) == tiered
            assert index.query("c b a", limit) == (expected if limit is None else expected[:limit])


def test_the_banded_ranking_reads_on_while_a_later_band_can_tie() -> None:
    # Bands of two documents, then more. "a": said 4 and 2 times (2.39, 1.69) in the first
    # band, bounded by 2.39; once (1.0) in the second. "b": 4 times twice (2.39), then 2 and 1
    # (1.69, 1.0). "a a b b" (3.39) is found in the second combination; "a b b b b" (1.0 +
    # 2.39 = 3.39) ties with it in the third, bounded by 3.39: the earlier document wins the
    # tie, so the walk must read on though the bound is no more than the best kept.
    texts = ["a b b b b", "a a a a b b b b", "a a b b", "a b"]
    expected = reference_ranking([[text] for text in texts], [1.0], "a b")
    assert [doc for doc, _, _ in expected] == [1, 0, 2, 3]
    with mock.patch.object(_search, "_BAND_FIRST", 2):
        index = InvertedIndex(len(texts), [(texts, 1.0)])
        postings = sorted((p.ready() for p in index._postings.values()), key=lambda p: p.count)
        assert [[docs.count for _, docs in p.bands()] for p in postings] == [[2, 2], [2, 2]]
        assert index._banded(postings, 2, []) == ([1, 0], [score for _, score, _ in expected[:2]])


def test_the_banded_ranking_of_none_wanted_is_empty() -> None:
    # limit=0 on the banded path (words of many weights, as at 100,000 records) raised
    # IndexError, for a table and, once selections passed their limit on, for a selection.
    texts = ["a " * (i % 9 + 1) + "b " * (i % 7 + 1) for i in range(80)]
    with mock.patch.object(_search, "_MAX_COMBINATIONS", 4):
        index = InvertedIndex(len(texts), [(texts, 1.0)])
        postings = sorted((p.ready() for p in index._postings.values()), key=lambda p: p.count)
        assert math.prod(len(p.tiers()) for p in postings) > _search._MAX_COMBINATIONS  # banded
        assert index._banded(postings, 0, []) == ([], [])
        assert index.ranked("a b", 0) == ([], [], ("a", "b"))
        assert index.ranked("a b", 0, among=range(0, 80, 2)) == ([], [], ("a", "b"))
        assert (
            index.ranked("a b", 1, among=range(1, 80, 2))[0]
            == [doc for doc, _, _ in reference_ranking([[text] for text in texts], [1.0], "a b") if doc % 2][:1]
        )


def test_a_selection_of_a_table_holding_a_record_twice_finds_it_as_often_as_it_holds_it() -> None:
    # Each record of the selection as many times as the selection holds it, scored as the
    # table scores it: a sliced, sorted or scanned selection gave it as many times as the
    # table held it (ranking the table's hits) or, later, once; a selection by an indexed
    # filter, as many times as it held it.
    hope, russia = DS.quotes.get("lz-part-3-always-hope"), DS.quotes.get("lz-part-3-called-out")
    table = Quotes([hope, russia, hope])
    scores = {(h.record.id, h.score) for h in table.hits("hope")}
    assert [h.record for h in table.hits("hope")] == [hope, hope]
    assert len(scores) == 1
    for selection, times in [
        (table[1:], 1),
        (table[:1], 1),
        (table.sort_by("id"), 2),
        (table[::-1], 2),
        (table.filter(kind=hope.kind), 2),
        (table.filter(text="always hope"), 2),
        (table[:2] | table[2:], 1),
        (table.filter(text="called out"), 0),
    ]:
        assert [(h.record.id, h.score) for h in selection.hits("hope")] == [*scores] * times
        assert list(selection.search("hope", limit=1)) == [hope] * min(times, 1)


@pytest.mark.parametrize("limit", [-1, 1.5, True])
def test_a_selection_refuses_a_bad_limit_before_it_searches(limit: object) -> None:
    # The limit was checked after the table's index and the selection's positions were made
    # (the whole index, seconds for a million records, for an error).
    table = Quotes(DS.quotes)
    with pytest.raises((ValueError, TypeError), match="limit must be"):
        table.filter(text="hope").search("hope", limit=limit)  # type: ignore[arg-type]
    with pytest.raises((ValueError, TypeError), match="limit must be"):
        table[::-1].hits("hope", limit=limit)  # type: ignore[arg-type]
    assert table._cache.search_index is None
    assert table._cache.position_of is None


def test_a_selection_finds_its_documents_once_and_keeps_them_for_its_searches() -> None:
    # A selection's records, as positions in its table and their bitmap, were found again for
    # every search (26 ms of a top 10 among 333,469 of 1,000,000 quotations); now once, kept
    # with the selection, not in its pickle.
    table = Quotes(DS.quotes)
    for selection, scanned in [(table.filter(kind=["full", "partial"]), 0), (table[::-1], 1), (table[5:], 1)]:
        with (
            mock.patch.object(_search, "_BITMAP_SHARE", 10**6),  # every set frequent: bitmaps for all
            mock.patch.object(_table_search, "positions_in", wraps=_order.positions_in) as scans,
            mock.patch("putin_interviews._search.bitmap_of", wraps=_bitmaps.bitmap_of) as bitmaps,
        ):
            first = [(h.record, h.score) for h in selection.hits("the putin")]
            made = bitmaps.call_count
            assert made
            assert first
            assert [(h.record, h.score) for h in selection.hits("the putin")] == first
            assert list(selection.search("putin the", limit=2)) == [record for record, _ in first[:2]]
            assert bitmaps.call_count == made  # the words' kept by the index, the selection's by it
            assert scans.call_count == scanned
        kept = selection._cache.among
        assert kept is not None
        assert kept.docs.tolist() == sorted(map(table.index, selection))
        again = pickle.loads(pickle.dumps(selection))
        assert again == selection
        assert again._cache.among is None


def test_a_loaded_tables_selections_in_order_know_their_places() -> None:
    # A loaded table made each record from a row, so its selections in order (a slice, or a
    # scan's result, of it or of an indexed selection) hold the records at the places they
    # came from: a first search no longer finds them by identity (0.16 s for every third of
    # 1,000,000 quotations), and a filter answers from the field indexes. A reversed slice,
    # not in order, still finds them.
    loaded = pi.loads(DS.to_json()).quotes
    direct = loaded.filter(mode="direct")
    ranked = [(h.record, h.score) for h in loaded.hits("the putin")]
    for selection, scanned in [
        (loaded[5:], 0),
        (loaded[::3], 0),
        (direct[1::2], 0),
        (loaded.filter(text="the"), 0),
        (direct[2:].filter(lambda q: q.episode != 2), 0),
        (loaded[::-2], 1),
    ]:
        with mock.patch.object(_table_search, "positions_in", wraps=_order.positions_in) as scans:
            hits = [(h.record, h.score) for h in selection.hits("the putin")]
        assert scans.call_count == scanned
        assert hits == [(record, score) for record, score in ranked if record in selection]
        assert selection._cache.among is not None
        assert selection._cache.among.docs.tolist() == sorted(map(loaded.index, selection))
        putin = selection.filter(speaker="putin")
        assert list(putin) == [q for q in selection if q.speaker_id == "putin"]
        assert (putin._positions is not None) == (scanned == 0)  # its places known too
        assert (loaded._cache.position_of is None) == (scanned == 0)  # no record's place found


def test_the_index_refuses_a_ragged_column() -> None:
    with pytest.raises(ValueError, match="a field has 1 texts for 2 documents"):
        InvertedIndex(2, [(["a"], 1.0)])
