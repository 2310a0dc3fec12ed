"""Filter algebra, as Hypothesis properties over the bundled data."""

from __future__ import annotations

import enum
import types
from collections.abc import Callable, Sequence
from typing import Any
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import ArticleKind, PersonKind, QuoteKind, QuoteMode, Stance, Venue, _filters, _search

DS = pi.dataset()
PEOPLE = [p.id for p in DS.people]
QUOTE_CRITERIA: dict[str, st.SearchStrategy[Any]] = {
    "speaker": st.sampled_from(PEOPLE),
    "addressee": st.sampled_from([*PEOPLE, None]),
    "article": st.sampled_from([a.id for a in DS.articles]),
    "episode": st.sampled_from([1, 2, 3, 4, None]),
    "venue": st.sampled_from(["the-putin-interviews", "the-late-show-with-stephen-colbert", None]),
    "kind": st.sampled_from(["full", "partial", "fragment"]),
    "topic": st.sampled_from(sorted({t for q in DS.quotes for t in q.topics})),
    "text": st.sampled_from(["putin", "the", "don’t", "Russia", "zzz"]),
}
CRITIQUE_CRITERIA: dict[str, st.SearchStrategy[Any]] = {
    "critic": st.sampled_from([*PEOPLE, "article", "unnamed"]),
    "target": st.sampled_from([*PEOPLE, "documentary", 1, 4]),
    "stance": st.sampled_from(["positive", "negative", "mixed"]),
    "article": st.sampled_from([a.id for a in DS.articles]),
    "episode": st.sampled_from([1, 3, 4, None]),
}


def criteria(spec: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=spec)


@given(criteria(QUOTE_CRITERIA))
def test_quote_filter_is_a_subset_in_document_order(crit: dict[str, Any]) -> None:
    found = DS.quotes.filter(**crit)
    positions = [DS.quotes.index(q) for q in found]
    assert positions == sorted(positions)


@given(criteria(QUOTE_CRITERIA), criteria(QUOTE_CRITERIA))
def test_quote_filters_combine_as_intersection(a: dict[str, Any], b: dict[str, Any]) -> None:
    b = {k: v for k, v in b.items() if k not in a}
    both = DS.quotes.filter(**a, **b)
    assert set(both) == set(DS.quotes.filter(**a)) & set(DS.quotes.filter(**b))
    assert both == DS.quotes.filter(**a).filter(**b)


@given(st.sampled_from(list(QUOTE_CRITERIA)), st.data())
def test_a_list_means_union(name: str, data: st.DataObject) -> None:
    x, y = data.draw(QUOTE_CRITERIA[name]), data.draw(QUOTE_CRITERIA[name])
    union = DS.quotes.filter(**{name: [x, y]})
    assert set(union) == set(DS.quotes.filter(**{name: x})) | set(DS.quotes.filter(**{name: y}))


#: Each filter whose argument is an enumeration's member: the table's filter, the argument.
ENUM_FILTERS: list[tuple[Callable[..., Any], str, type[enum.Enum]]] = [
    (DS.people.filter, "kind", PersonKind),
    (DS.articles.filter, "kind", ArticleKind),
    (DS.quotes.filter, "kind", QuoteKind),
    (DS.quotes.filter, "mode", QuoteMode),
    (DS.quotes.filter, "venue", Venue),
    (DS.critiques.filter, "stance", Stance),
]


@given(st.sampled_from(ENUM_FILTERS), st.data())
def test_an_enum_choice_is_its_value_or_name_in_any_case_with_or_without_accents(
    chosen: tuple[Callable[..., Any], str, type[enum.Enum]], data: st.DataObject
) -> None:
    # A choice given exactly as its value is looked up without folding; every other spelling
    # of the value or the name is folded, and must find the same member.
    filter_, parameter, kind = chosen
    member = data.draw(st.sampled_from(list(kind)))
    spelling = data.draw(st.sampled_from([member.value, member.name]))
    upper = data.draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    accented = data.draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    varied = "".join(
        (c.upper() if up else c.lower()) + ("\u0301" if acute and c.isalpha() else "")
        for c, up, acute in zip(spelling, upper, accented, strict=True)
    )
    assert _filters.member(kind, varied, parameter) is member  # not only a member with the same records
    assert filter_(**{parameter: varied}) == filter_(**{parameter: member})
    assert filter_(**{parameter: [varied, member.value]}) == filter_(**{parameter: member})


@given(criteria(CRITIQUE_CRITERIA), criteria(CRITIQUE_CRITERIA))
def test_critique_filters_combine_as_intersection(a: dict[str, Any], b: dict[str, Any]) -> None:
    b = {k: v for k, v in b.items() if k not in a}
    assert set(DS.critiques.filter(**a, **b)) == set(DS.critiques.filter(**a)) & set(DS.critiques.filter(**b))


class _Walked(list[int]):
    """A field index's list of positions that counts how often it is walked."""

    walks = 0

    def __iter__(self) -> Any:
        _Walked.walks += 1
        return super().__iter__()


@given(
    st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("xy")), max_size=40),
    st.sets(st.sampled_from("abcd"), min_size=1),
    st.sets(st.sampled_from("xyz"), min_size=1),
    st.booleans(),
    st.data(),
)
def test_indexed_positions_are_the_records_within_that_match(
    rows: list[tuple[str, str]], firsts: set[str], seconds: set[str], both: bool, data: st.DataObject
) -> None:
    # Whichever list answers (a field's positions, or the selection's when it is shorter), the
    # result is the positions, ascending, of the records within the selection that match.
    items: list[Any] = [types.SimpleNamespace(first=f, second=s) for f, s in rows]
    indexes: dict[str, dict[Any, list[int]]] = {"first": {}, "second": {}}
    for position, (f, s) in enumerate(rows):
        indexes["first"].setdefault(f, []).append(position)
        indexes["second"].setdefault(s, []).append(position)
    within: Sequence[int] | None = data.draw(
        st.none() | st.sets(st.integers(0, max(len(rows) - 1, 0))).map(sorted) if rows else st.none()
    )
    if within is not None and data.draw(st.booleans()):
        within = range(len(rows))[data.draw(st.slices(len(rows)).filter(lambda s: (s.step or 1) > 0))]
    indexed = [("first", firsts)] + ([("second", seconds)] if both else [])
    found = _filters.indexed_positions(items, indexes.__getitem__, indexed, within, [])
    assert list(found) == [
        p
        for p, (f, s) in enumerate(rows)
        if f in firsts and (not both or s in seconds) and (within is None or p in within)
    ]


def test_a_small_selection_is_filtered_without_walking_a_long_index_list() -> None:
    # quotes[:3].filter(episode=1) of 100,000 quotations tested the 20,000 of episode 1 (1.1 ms
    # a time, some 50 times the scan it replaced): the selection's 3 places answer instead.
    items: list[Any] = [types.SimpleNamespace(episode=1 + p % 2) for p in range(1000)]
    index: dict[Any, list[int]] = {1: _Walked(range(0, 1000, 2)), 2: _Walked(range(1, 1000, 2))}
    _Walked.walks = 0
    assert list(_filters.indexed_positions(items, lambda field: index, [("episode", {1})], range(3), [])) == [0, 2]
    assert list(_filters.indexed_positions(items, lambda field: index, [("episode", {2})], (1, 7, 500), [])) == [1, 7]
    assert _Walked.walks == 0
    assert list(_filters.indexed_positions(items, lambda field: index, [("episode", {2})], range(1, 1000), [])) == [
        p for p in range(1, 1000) if p % 2
    ]
    assert _Walked.walks == 1  # the field's list (500) is the shorter one there


def test_a_slice_of_a_loaded_table_filters_as_it_did_and_in_order() -> None:
    loaded = pi.loads(DS.to_json()).quotes
    wanted: list[dict[str, Any]] = [
        {"episode": 1},
        {"speaker": "putin", "mode": "direct"},
        {"kind": ["full", "partial"]},
    ]
    for selection in [loaded[:3], loaded[5:60:4], loaded.filter(text="hope"), loaded[::-1]]:
        for crit in wanted:
            assert list(selection.filter(**crit)) == [q for q in selection if q in DS.quotes.filter(**crit)]


def test_a_small_selection_tests_its_records_rather_than_build_an_index() -> None:
    # Since slices and scans of a loaded table know their places, quotes[:10].filter(episode=1)
    # built the episode index of the whole table (15 ms at 100,000 quotations) to answer for 10
    # records. A selection of half the table or more builds it (testing its records would take
    # about as long), and an index built is used.
    loaded = pi.loads(DS.to_json()).quotes
    assert list(loaded[:10].filter(episode=1)) == [q for q in loaded[:10] if q.episode == 1]
    assert "episode" not in loaded._cache.by_field
    half = loaded[: (len(loaded) + 1) // 2]
    assert list(half.filter(episode=1)) == [q for q in half if q.episode == 1]
    assert "episode" in loaded._cache.by_field
    with mock.patch.object(pi.Quotes, "_where", side_effect=AssertionError("tested its records")):
        assert list(loaded[:10].filter(episode=1)) == [q for q in loaded[:10] if q.episode == 1]


def test_get_quote_round_trips_every_quote() -> None:
    assert all(pi.get_quote(q.id) == q for q in DS.quotes)


_SEARCHED = st.sampled_from(["the", "putin", "of the", "russia war", "hope", "stone putin", "the a", "zzz"])


@given(
    # None or one criterion: selections of every size (several criteria leave few records).
    st.one_of(st.just({}), *(st.fixed_dictionaries({name: values}) for name, values in QUOTE_CRITERIA.items())),
    st.sampled_from(["as is", "sorted", "reversed", "union", "intersection", "sliced", "stepped", "back", "searched"]),
    _SEARCHED,
    st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
    st.sampled_from([0, 64, 10**9]),
    st.sampled_from([0, 8, 10**6]),
    st.sampled_from([1, 50, 10**6]),
)
def test_searching_a_selection_ranks_as_the_table_does(
    crit: dict[str, Any], shape: str, query: str, limit: int | None, tiered_from: int, probe: int, bitmap: int
) -> None:
    # A selection (filtered by an index or a scan, sorted, reversed, combined, sliced in order
    # or not, or a search's best first) is searched among its own records: the table's ranking of them,
    # with the same scores, the others left out, its first ``limit``; by every path (the top-k
    # ones from any number of documents, long postings probed or met as sets, bitmaps for no
    # word, some or all), which each take the selection's documents in the table's order.
    chosen = DS.quotes.filter(**crit)
    chosen = {
        "as is": chosen,
        "sorted": chosen.sort_by("episode", "id"),
        "reversed": chosen[::-1],
        "union": chosen | DS.quotes.filter(kind="fragment"),
        "intersection": chosen & DS.quotes.filter(kind=["full", "partial"]),
        "sliced": DS.quotes[3:40],
        "stepped": chosen[1::2],  # a slice in order knows its places when the selection does
        "back": chosen[-2::-3],
        "searched": chosen.search("the"),
    }[shape]
    with (
        mock.patch.object(_search, "_TIERED_FROM", tiered_from),
        mock.patch.object(_search, "_PROBE_SHARE", probe),
        mock.patch.object(_search, "_BITMAP_SHARE", bitmap),
    ):
        members = {id(q) for q in chosen}
        kept = [(h.record, h.score) for h in DS.quotes.hits(query) if id(h.record) in members]
        expected = kept if limit is None else kept[:limit]
        assert [(h.record, h.score) for h in chosen.hits(query, limit)] == expected
        assert list(chosen.search(query, limit)) == [record for record, _ in expected]
