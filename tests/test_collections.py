"""Tables behave like the collections users know: ``get`` with a default, ``in`` with an id,
``filter`` with a function, ``subject=``, sorting by a field, ``|`` and ``&`` in document
order; and their notebook HTML stays small however long the table."""

from __future__ import annotations

import datetime
import itertools
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import ChoiceError, Dataset, NotFoundError, Quotes
from putin_interviews._flat import columns
from putin_interviews._kinds import RecordKind
from putin_interviews._order import sortable_fields
from putin_interviews._render import HTML_END_ROWS
from putin_interviews._tables import TABLES

from .test_filter_properties import QUOTE_CRITERIA, criteria

DS = pi.dataset()
TABLE_NAMES = [spec.name for spec in TABLES]
#: Any key: the dataset's ids, names and numbers, near misses, and any text or object.
KEYS = st.one_of(
    st.sampled_from([r.id for t in DS.tables() for r in t]),
    st.sampled_from(["Vladimir Putin", "COLBERT", "Part 2", "surveillance", "putn", "", "part-9"]),
    st.text(max_size=12),
    st.integers(-2, 6),
    st.none(),
)


# ------------------------------------------------------------------ get(key, default)


def test_get_with_a_default_is_dict_get(ds: Dataset) -> None:
    hope = ds.quotes.get("lz-part-3-always-hope")
    assert ds.quotes.get("lz-part-3-always-hope", None) is hope
    assert ds.quotes.get("lz-part-3-always-hop", None) is None
    assert ds.people.get("Vladimir Putin", None) is ds.people.get("putin")  # names too
    assert ds.episodes.get(2, None) is ds.episodes.get("part-2", None) is ds.get_episode(2)
    assert ds.episodes.get(5, "none") == "none"
    assert ds.topics.get(None, 0) == 0  # type: ignore[call-overload]


def test_get_without_a_default_still_raises_with_suggestions(ds: Dataset) -> None:
    with pytest.raises(NotFoundError, match="did you mean 'lz-part-3-always-hope'"):
        ds.quotes.get("lz-part-3-always-hop")
    with pytest.raises(NotFoundError, match="no episode 5; did you mean '1', '2', '3', '4'"):
        ds.episodes.get(5)


@given(st.sampled_from(TABLE_NAMES), KEYS)
def test_get_default_is_returned_exactly_when_get_raises(name: str, key: Any) -> None:
    table = getattr(DS, name)
    default = object()
    try:
        found = table.get(key)
    except NotFoundError:
        assert table.get(key, default) is default
    else:
        assert table.get(key, default) is found


# ------------------------------------------------------------------ in


def test_in_takes_a_record_or_an_id(ds: Dataset) -> None:
    # mypy --strict (strict equality) calls an id in a table of records a "non-overlapping
    # container check": it knows no better; the ignores say so.
    putin = ds.quotes.filter(speaker="putin")
    assert "lz-part-3-always-hope" in putin  # type: ignore[comparison-overlap]
    assert ds.get_quote("lz-part-3-always-hope") in putin
    assert "lz-part-1-hawk" not in putin  # type: ignore[comparison-overlap]  # Stone's
    assert ds.get_quote("lz-part-1-hawk") not in putin
    assert "putin" in ds.people  # type: ignore[comparison-overlap]
    assert "Vladimir Putin" not in ds.people  # type: ignore[comparison-overlap]  # ids only: names are for get
    assert 1 not in ds.episodes  # type: ignore[comparison-overlap]
    assert None not in ds.quotes


@given(criteria(QUOTE_CRITERIA))
def test_an_id_is_in_a_selection_exactly_when_its_record_is(crit: dict[str, Any]) -> None:
    found = DS.quotes.filter(**crit)
    assert all((q.id in found) == (q in found) == (q in set(found)) for q in DS.quotes)  # type: ignore[comparison-overlap]


# ------------------------------------------------------------------ filter(predicate), subject=

PREDICATES: dict[str, typing.Callable[[pi.Quote], object]] = {
    "short": lambda q: len(q.text) < 30,
    "asks": lambda q: q.text.endswith("?"),
    "about someone": lambda q: q.subject_ids,
    "putin": lambda q: q.speaker_id == "putin",
    "none": lambda q: False,
}


@given(st.sampled_from(sorted(PREDICATES)), criteria(QUOTE_CRITERIA))
def test_a_predicate_and_keywords_combine_as_and(name: str, crit: dict[str, Any]) -> None:
    predicate = PREDICATES[name]
    both = DS.quotes.filter(predicate, **crit)
    assert list(both) == [q for q in DS.quotes.filter(**crit) if predicate(q)]
    assert both == DS.quotes.filter(**crit).filter(predicate) == DS.quotes.filter(predicate).filter(**crit)
    assert both == DS.quotes.filter(predicate) & DS.quotes.filter(**crit)


def test_predicates_on_every_table_and_the_shortcuts(ds: Dataset) -> None:
    assert [q.id for q in pi.quotes(lambda q: "détente" in q.text, speaker="stone")] == ["deadline-colbert-detente"]
    assert [p.id for p in ds.people.filter(lambda p: "Kelly" in p.name, kind="individual")] == ["kelly"]
    assert [e.number for e in pi.episodes(lambda e: e.number % 2 == 0)] == [2, 4]
    assert [a.id for a in pi.articles(lambda a: a.outlet == "Deadline")] == ["deadline-colbert"]
    assert len(pi.topics(lambda t: True)) == len(ds.topics)
    assert len(pi.critiques(lambda c: c.critic_id == "colbert", target="stone")) == 4


def test_a_predicate_that_is_not_a_function_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"filter\(\) takes a function of a quote .*not str 'putin'"):
        pi.quotes("putin")  # type: ignore[arg-type]


def test_a_predicates_error_is_not_swallowed() -> None:
    with pytest.raises(ZeroDivisionError):
        pi.quotes(lambda q: 1 / 0)


def test_subject_is_quotes_about(ds: Dataset) -> None:
    obama = [
        "lz-part-3-different-assessments",
        "lz-part-3-obama-talks",
        "lz-part-3-cordial",
        "lz-part-3-businesslike",
        "lz-part-3-thinking-man",
    ]
    assert [q.id for q in ds.quotes.filter(subject="obama")] == obama
    assert ds.quotes.filter(subject="Barack Obama") == ds.quotes_about("obama") == pi.quotes(subject="obama")
    assert [q.id for q in pi.quotes(subject=["obama", "clinton"], kind="fragment")] == [
        "lz-part-1-hawk",
        "lz-part-3-cordial",
        "lz-part-3-businesslike",
        "lz-part-3-thinking-man",
    ]
    with pytest.raises(NotFoundError, match="no person 'obma'; did you mean 'obama'"):
        pi.quotes(subject="obma")
    with pytest.raises(TypeError, match="subject must be a person or group"):
        pi.quotes(subject=None)  # type: ignore[arg-type]


@given(st.sampled_from([p.id for p in DS.people]), criteria(QUOTE_CRITERIA))
def test_subject_keeps_the_quotations_about_the_person(person: str, crit: dict[str, Any]) -> None:
    found = DS.quotes.filter(subject=person, **crit)
    assert list(found) == [q for q in DS.quotes.filter(**crit) if person in q.subject_ids]


# ------------------------------------------------------------------ sort_by


def test_sort_by_known_values(ds: Dataset) -> None:
    assert [e.number for e in ds.episodes.sort_by("air_date", reverse=True)] == [4, 3, 2, 1]
    assert [q.kind.value for q in ds.quotes_about("obama").sort_by("kind", reverse=True)] == [
        "fragment",
        "fragment",
        "fragment",
        "partial",
        "full",
    ]
    by_part = ds.quotes.filter(speaker="putin").sort_by("episode")
    assert [q.episode for q in by_part][-4:] == [3, None, None, None]  # no part known: last
    assert isinstance(by_part, Quotes)
    longest = max(ds.quotes, key=lambda q: len(q.text))
    assert ds.quotes.sort_by(lambda q: -len(q.text))[0] is longest


def test_sort_by_a_field_with_no_order_or_no_such_field_says_which(ds: Dataset) -> None:
    with pytest.raises(ChoiceError, match="no quote field to sort by 'speaker'; did you mean 'speaker_id'") as info:
        ds.quotes.sort_by("speaker")
    assert set(info.value.suggestions) == set(sortable_fields(pi.Quote))  # every valid field is named
    with pytest.raises(TypeError, match="cannot sort quotes by 'span': it holds records"):
        ds.quotes.sort_by("span")
    with pytest.raises(TypeError, match="at least one field"):
        ds.quotes.sort_by()
    with pytest.raises(TypeError, match="field names or functions, not int 3"):
        ds.quotes.sort_by(3)  # type: ignore[arg-type]


def _rank(record: Any, field: str) -> Any:
    value = getattr(record, field)
    return list(type(value)).index(value) if isinstance(value, pi.QuoteKind | pi.QuoteMode | pi.Venue) else value


@given(st.sampled_from(sortable_fields(pi.Quote)), st.booleans(), criteria(QUOTE_CRITERIA))
def test_sort_by_is_stable_with_none_last(field: str, reverse: bool, crit: dict[str, Any]) -> None:
    found = DS.quotes.filter(**crit)
    ordered = found.sort_by(field, reverse=reverse)
    assert sorted(ordered, key=found.index) == list(found)  # the same records
    values = [getattr(q, field) for q in ordered]
    known = [v for v in values if v is not None]
    assert values == known + [None] * (len(values) - len(known))  # None last, either way
    for a, b in itertools.pairwise(ordered):
        ra, rb = _rank(a, field), _rank(b, field)
        if ra is None or rb is None:
            continue
        assert (ra >= rb) if reverse else (ra <= rb)
        if ra == rb:
            assert found.index(a) < found.index(b)  # stable


# ------------------------------------------------------------------ | and &


def _in_document_order(table: Quotes) -> bool:
    positions = [DS.quotes.index(q) for q in table]
    return positions == sorted(set(positions))  # increasing: each once, in order


@given(criteria(QUOTE_CRITERIA), criteria(QUOTE_CRITERIA))
def test_or_and_and_are_set_union_and_intersection_in_document_order(a: dict[str, Any], b: dict[str, Any]) -> None:
    left, right = DS.quotes.filter(**a), DS.quotes.filter(**b)
    for combined, expected in ((left | right, set(left) | set(right)), (left & right, set(left) & set(right))):
        assert isinstance(combined, Quotes)
        assert set(combined) == expected
        assert _in_document_order(combined)
    assert left | right == right | left
    assert left & right == right & left
    assert (left | right).filter(mode="direct") == left.filter(mode="direct") | right.filter(mode="direct")


def test_or_and_and_of_sorted_or_sliced_selections_keep_document_order(ds: Dataset) -> None:
    putin = ds.quotes.filter(speaker="putin")
    backwards = putin.sort_by("id", reverse=True)
    assert backwards | putin[:3] == putin
    assert list(backwards & putin[1:2]) == [putin[1]]


def test_or_and_and_of_tables_made_apart_keep_the_left_order(ds: Dataset) -> None:
    a, b, c = ds.quotes[:3]
    assert list(Quotes([c, a]) | Quotes([b, a, b])) == [c, a, b]
    assert list(Quotes([c, a, b]) & Quotes([b, c])) == [c, b]


def test_a_collection_of_two_tables_combines_again_with_either_and_its_own_parts(ds: Dataset) -> None:
    # ``|`` or ``&`` of two tables' collections is a table of its own: combined again with
    # either one, or parts of it with each other, it gives the records (by equality, the left
    # one's order first). Its parts were looked up in the left one's table: KeyError.
    mine = Quotes([ds.get_quote("deadline-colbert-detente")])
    putin = ds.quotes.filter(speaker="putin")
    both = mine | putin
    assert list(both) == [*mine, *putin]
    assert both | mine == both
    assert mine | both == both
    assert list(both & mine) == list(mine)
    assert both & putin == putin
    assert both[1:] | both[:1] == both
    assert list(both.sort_by("id", reverse=True) & both[:2]) == list(both[:2])
    assert (putin | mine).filter(speaker="stone") == mine  # resolved through the left one's dataset


def test_a_loaded_table_combines_its_indexed_selections_by_their_places(ds: Dataset) -> None:
    # A loaded table made each of its records from a row, so the places its indexed selections
    # know are their records, each once: | and & no longer find every record's place first
    # (0.3 to 0.4 s at 1,000,000 quotations), and give the same records.
    loaded = pi.loads(ds.to_json()).quotes
    putin, stone = loaded.filter(speaker="putin"), loaded.filter(speaker="stone")
    direct = loaded.filter(mode="direct")
    hope = loaded.filter(text="hope")  # a scan's selection knows its places too
    combined = [putin | direct, putin & direct, (putin | stone) & direct, loaded | putin, loaded & stone, hope | stone]
    assert loaded._cache.position_of is None
    keeps: list[Callable[[pi.Quote], bool]] = [
        lambda q: q.speaker_id == "putin" or q.mode is pi.QuoteMode.DIRECT,
        lambda q: q.speaker_id == "putin" and q.mode is pi.QuoteMode.DIRECT,
        lambda q: q.speaker_id in ("putin", "stone") and q.mode is pi.QuoteMode.DIRECT,
        lambda q: True,
        lambda q: q.speaker_id == "stone",
        lambda q: q.speaker_id == "stone" or q.id in {h.id for h in ds.quotes.filter(text="hope")},
    ]
    assert [[q.id for q in c] for c in combined] == [[q.id for q in ds.quotes if keep(q)] for keep in keeps]
    assert all(_in_document_order(c) for c in combined)


def test_a_table_given_a_record_twice_combines_it_once(ds: Dataset) -> None:
    # Its selections' places are not its records (the record is at two): they are found.
    a, b = ds.quotes.filter(mode="direct")[:2]
    twice = Quotes([a, b, a])
    left = twice.filter(mode="direct")
    assert list(left) == [a, b, a]
    assert list(left | left) == list(left & left) == list(twice | left) == [a, b]


def test_or_of_different_kinds_is_a_type_error(ds: Dataset) -> None:
    with pytest.raises(TypeError, match="unsupported operand"):
        ds.quotes | ds.critiques  # type: ignore[operator]
    with pytest.raises(TypeError, match="unsupported operand"):
        ds.quotes & tuple(ds.quotes)  # type: ignore[operator]


# ------------------------------------------------------------------ reprs that scale


def _big(ds: Dataset, n: int) -> Quotes:
    return Quotes(ds.quotes[i % len(ds.quotes)] for i in range(n))


def test_html_of_a_long_table_shows_its_ends_and_stays_small(ds: Dataset) -> None:
    big = _big(ds, 100_000)
    page = big._repr_html_()
    assert len(page.encode()) < 20_000  # 23 MB before
    assert page.startswith("<table><caption>Quotes: 100,000 quotes</caption>")
    assert page.count("<tr>") == 1 + 2 * HTML_END_ROWS + 1  # header, the ends, "… N more"
    assert f"… {100_000 - 2 * HTML_END_ROWS:,} more" in page
    assert f">{big[0].id}</td>" in page
    assert f">{big[-1].id}</td>" in page
    text = repr(big)
    assert len(text) < 3_000
    assert text.endswith("… 99,990 more")


def test_html_of_a_table_of_up_to_60_rows_shows_every_row(ds: Dataset) -> None:
    page = ds.quotes[:60]._repr_html_()
    assert page.count("<tr>") == 1 + 60
    assert "more</td>" not in page
    page = ds.quotes[:61]._repr_html_()
    assert page.count("<tr>") == 1 + 2 * HTML_END_ROWS + 1
    assert f"… {61 - 2 * HTML_END_ROWS} more</td>" in page


def test_html_aligns_text_left_and_numbers_right(ds: Dataset) -> None:
    page = ds.episodes._repr_html_()
    assert '<th style="text-align: right">part</th>' in page
    assert '<th style="text-align: left">summary</th>' in page
    assert '<td style="text-align: left">part-1</td>' in page
    hits = pi.search("hope")._repr_html_()
    assert '<th style="text-align: right">score</th>' in hits


def test_html_escapes_what_the_data_holds(ds: Dataset) -> None:
    evil = attrs.evolve(ds.quotes[0], text='<script>alert("x")</script> & co')
    page = Quotes([evil])._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page
    info = attrs.evolve(ds.info, title="<b>Bold</b>", dataset_version="1.0 & <i>")
    dataset_page = attrs.evolve(ds, info=info)._repr_html_()
    assert "<b>" not in dataset_page
    assert "<i>" not in dataset_page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in dataset_page


def test_dataset_html_names_each_table_and_its_size(ds: Dataset) -> None:
    page = ds._repr_html_()
    assert f"version {ds.info.dataset_version}" in page
    for spec in TABLES:
        row = (
            f'<tr><td style="text-align: left">{spec.name}</td><td style="text-align: left">{spec.kind}</td>'
            f'<td style="text-align: right">{len(getattr(ds, spec.name))}</td></tr>'
        )
        assert row in page


def test_hits_reprs_scale(ds: Dataset) -> None:
    hits = pi.Hits(h for _ in range(5_000) for h in ds.search("the"))
    assert len(hits._repr_html_()) < 20_000
    text = repr(hits)
    assert len(text.splitlines()) < 40
    assert text.endswith(f"… {len(hits) - 10:,} more")


# ------------------------------------------------------------------ kinds


def test_the_record_kinds_are_the_tables_kinds() -> None:
    assert list(typing.get_args(RecordKind)) == [spec.kind for spec in TABLES]


def test_a_hit_is_read_only(ds: Dataset) -> None:
    hit = ds.search("hope")[0]
    with pytest.raises(AttributeError):
        hit.record = ds.quotes[0]  # type: ignore[misc]


# ------------------------------------------------------------------ pandas frames


def test_frames_have_nullable_ints_dates_and_categories(ds: Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    quotes = ds.quotes.to_pandas()
    assert str(quotes["episode"].dtype) == "Int64"
    assert int(quotes["episode"].isna().sum()) == sum(q.episode is None for q in ds.quotes)
    assert quotes["episode"].dropna().tolist() == [q.episode for q in ds.quotes if q.episode is not None]
    assert list(quotes["kind"].cat.categories) == [k.value for k in pi.QuoteKind]
    assert list(quotes["mode"].cat.categories) == [m.value for m in pi.QuoteMode]
    assert quotes["kind"].tolist() == [q.kind.value for q in ds.quotes]
    assert int(quotes["venue"].isna().sum()) == sum(q.venue is None for q in ds.quotes)
    dicts = ds.quotes.to_dicts()
    for name in ("id", "other_spans", "topics", "subject_ids"):
        assert quotes[name].tolist() == [d[name] for d in dicts], name  # lists: the JSON shape
    # A nested record's fields are columns of their own, named as in the csv and sqlite exports.
    assert quotes["span_start"].tolist() == [q.span.start for q in ds.quotes]
    assert str(quotes["span_end"].dtype) == "Int64"
    assert quotes["cue_start"].isna().tolist() == [q.cue is None for q in ds.quotes]
    assert list(quotes.columns) == [c.name("_") for c in columns(pi.Quote)]
    inferred = ds.articles.to_pandas()["published_inferred_earliest"]
    assert pandas.api.types.is_datetime64_any_dtype(inferred)
    assert quotes["speaker_id"].isna().tolist() == [q.speaker_id is None for q in ds.quotes]
    episodes = ds.episodes.to_pandas()
    assert pandas.api.types.is_datetime64_any_dtype(episodes["air_date"])
    assert episodes["air_date"].dt.date.tolist() == [datetime.date(2017, 6, d) for d in (12, 13, 14, 15)]
    assert str(episodes["number"].dtype) == "Int64"
    articles = ds.articles.to_pandas()
    assert pandas.api.types.is_datetime64_any_dtype(articles["published"])
    assert str(articles["text_length"].dtype) == "Int64"


def test_an_empty_selection_keeps_the_dtypes(ds: Dataset) -> None:
    pytest.importorskip("pandas")
    frame = ds.quotes.filter(speaker="kelly", episode=1).to_pandas()
    assert frame.shape == (0, 19)
    assert str(frame["episode"].dtype) == "Int64"
    assert list(frame["kind"].cat.categories) == ["full", "partial", "fragment"]
    critiques = ds.critiques.filter(lambda c: False).to_pandas()
    assert list(critiques["stance"].cat.categories) == [s.value for s in pi.Stance]


def test_dataset_to_pandas_gives_every_table(ds: Dataset) -> None:
    pytest.importorskip("pandas")
    frames = ds.to_pandas()
    assert list(frames) == TABLE_NAMES
    assert {name: len(frame) for name, frame in frames.items()} == {n: len(getattr(ds, n)) for n in TABLE_NAMES}
    assert frames["critiques"]["id"].tolist() == [c.id for c in ds.critiques]


def test_hits_to_pandas(ds: Dataset) -> None:
    pytest.importorskip("pandas")
    hits = ds.search("al qaida")
    frame = hits.to_pandas()
    assert list(frame.columns) == ["kind", "id", "score", "fields", "text"]
    assert frame["id"].tolist() == [h.record.id for h in hits]
    assert frame["kind"].tolist() == [h.kind for h in hits]
    assert list(frame["kind"].cat.categories) == list(typing.get_args(RecordKind))
    assert frame["score"].tolist() == [h.score for h in hits]
    assert str(frame["score"].dtype) == "float64"
    assert frame["fields"].tolist() == [h.fields for h in hits]
    assert pi.Hits().to_pandas().shape == (0, 5)


def test_every_to_pandas_says_how_to_install_pandas(monkeypatch: pytest.MonkeyPatch, ds: Dataset) -> None:
    import importlib

    real = importlib.import_module

    def no_pandas(name: str, package: str | None = None) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    for call in (ds.to_pandas, ds.search("hope").to_pandas, ds.episodes.to_pandas, ds.quotes.to_pandas):
        with pytest.raises(ImportError, match=r"pip install 'putin-interviews\[pandas\]'"):
            call()
