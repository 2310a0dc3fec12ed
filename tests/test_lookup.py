"""Lookup, filters, navigation and result collections, against known values from the sources."""

from __future__ import annotations

import html
import json

import pytest

import putin_interviews as pi
from putin_interviews import Dataset, NotFoundError, Quotes


@pytest.mark.parametrize(
    "key", ["putin", "Vladimir Putin", "PUTIN", "vladimir putin", "Putin", "Russian President Vladimir Putin"]
)
def test_get_person_by_id_name_surname_alias(key: str) -> None:
    assert pi.get_person(key).id == "putin"


def test_get_person_is_accent_and_punctuation_insensitive(ds: Dataset) -> None:
    assert ds.get_person("ＳＴＯＮＥ").id == "stone"  # full-width letters fold too
    assert ds.get_person("Colbert's studio audience").id == "studio-audience"
    assert ds.get_person("colbert’s studio audience").id == "studio-audience"
    assert ds.get_person("U.S.").id == "united-states"


def test_a_miss_raises_not_found_with_the_closest_ids() -> None:
    with pytest.raises(NotFoundError) as info:
        pi.get_person("Vladimir Pution")
    err = info.value
    assert isinstance(err, LookupError)
    assert isinstance(err, KeyError)
    assert err.suggestions[0] == "putin"
    assert str(err).startswith("no person 'Vladimir Pution'; did you mean 'putin'")
    with pytest.raises(NotFoundError, match="did you mean 'lz-part-1-hawk'"):
        pi.get_quote("lz-part-1-hawks")
    with pytest.raises(NotFoundError, match="no episode 5"):
        pi.get_episode(5)


def test_get_episode_by_number_id_title() -> None:
    assert pi.get_episode(1) is pi.get_episode("part-1") is pi.get_episode("Part 1") is pi.get_episode("1")


def test_every_record_is_found_by_its_id(ds: Dataset) -> None:
    for q in ds.quotes:
        assert pi.get_quote(q.id) == q
        assert ds.get(q.id) is q
    for c in ds.critiques:
        assert pi.get_critique(c.id) is c
    for a in ds.articles:
        assert pi.get_article(a.id) is a
    with pytest.raises(NotFoundError, match="no record 'part-9'"):
        ds.get("part-9")


# ------------------------------------------------------------------ filters: known values


def test_putin_in_part_1() -> None:
    # The Part 1 review quotes Putin eight times (the pull quote counted once) and reports four
    # more things he said in its own words.
    found = pi.quotes(speaker="putin", episode=1, mode="direct")
    assert len(found) == 8
    assert len(pi.quotes(speaker="putin", episode=1)) == 8 + 4
    assert found[0].text == "I wasn’t sure I wanted to do that,"
    assert found == pi.dataset().quotes.filter(speaker="putin").filter(episode=1).filter(mode=pi.QuoteMode.DIRECT)


def test_critiques_of_stone() -> None:
    found = pi.critiques(target="stone")
    assert len(found) == 22
    assert [c.id for c in found.filter(critic="colbert")] == [
        "deadline-colbert-no-followup-critique",
        "deadline-colbert-dog-joke",
        "deadline-colbert-surprised-respect",
        "deadline-colbert-mild-description-critique",
    ]
    assert {c.stance.value for c in found.filter(topic="conspiracy theories")} == {"negative", "positive"}


def test_or_within_and_across() -> None:
    both = pi.quotes(speaker=["colbert", "Oliver Stone"], article="deadline-colbert", kind="fragment")
    assert [q.id for q in both] == ["deadline-colbert-very-complex", "deadline-colbert-strong-nationalist"]


def test_none_selects_the_unknown() -> None:
    clip = pi.quotes(venue="the-putin-interviews", episode=None)
    assert [q.id for q in clip] == [
        "deadline-colbert-sway-over-election",
        "deadline-colbert-never-interfere",
        "deadline-colbert-principles",
        "deadline-colbert-thank-you-sir",
    ]
    assert [q.id for q in pi.quotes(venue=None, mode="direct")] == ["deadline-colbert-our-partners"]


def test_critic_and_target_kinds() -> None:
    assert len(pi.critiques(critic="article")) == 32
    assert [c.id for c in pi.critiques(critic="unnamed", target="stone")] == [
        "lz-part-1-expected-too-nice",
        "deadline-colbert-too-cozy",
    ]
    assert [c.id for c in pi.critiques(target=4)] == ["lz-part-3-part-4-fiery"]
    assert len(pi.critiques(target="documentary")) == 5


def test_other_tables() -> None:
    assert [a.id for a in pi.articles(kind="news-report")] == ["deadline-colbert"]
    assert [e.number for e in pi.episodes(topic=["election-interference", "Putin's remarks on women"])] == [1, 4]
    assert len(pi.people(kind="individual")) == 12


def test_text_filter_ignores_case_accents_and_apostrophes() -> None:
    assert [q.id for q in pi.quotes(text="DETENTE")] == ["deadline-colbert-detente"]
    assert len(pi.quotes(text="don't")) == len(pi.quotes(text="don’t")) == 7


def test_a_valid_filter_that_matches_nothing_is_empty() -> None:
    empty = pi.quotes(speaker="kelly")
    assert len(empty) == 0
    assert isinstance(empty, Quotes)
    assert repr(empty) == "Quotes: 0 quotes"
    assert empty.to_dicts() == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pi.quotes(speaker="putn"), "no person 'putn'; did you mean 'putin'?"),
        (lambda: pi.quotes(kind="ful"), "no quote kind 'ful'; did you mean 'full'?"),
        (lambda: pi.quotes(topic="surveilance"), "no topic 'surveilance'; did you mean 'surveillance'?"),
        (lambda: pi.quotes(venue="late show"), "no venue 'late show'"),
        (lambda: pi.articles(outlet="Deadlin"), "no outlet 'Deadlin'; did you mean 'Deadline'?"),
        (lambda: pi.critiques(stance="negativ"), "no stance 'negativ'; did you mean 'negative'?"),
        (lambda: pi.critiques(target="documentry"), "no target 'documentry'; did you mean"),
        (lambda: pi.quotes(episode=7), "no episode 7"),
    ],
)
def test_values_that_name_nothing_raise_with_suggestions(call: object, message: str) -> None:
    with pytest.raises(NotFoundError) as info:
        call()  # type: ignore[operator]
    assert str(info.value).startswith(message)


def test_unknown_criterion_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="speakr"):
        pi.quotes(speakr="putin")  # type: ignore[call-arg]


# ------------------------------------------------------------------ navigation


def test_navigation(ds: Dataset) -> None:
    q = ds.get_quote("lz-part-1-hawk")
    speaker = ds.speaker_of(q)
    assert speaker is not None
    assert speaker.name == "Oliver Stone"
    assert ds.article_of(q).id == "lz-part-1"
    assert ds.episode_of(q) is ds.get_episode(1)
    assert [c.id for c in ds.critiques_citing(q)] == ["lz-part-1-clinton-hawk"]
    assert ds.addressee_of(q) is None
    assert len(ds.quotes_in("lz-part-1")) == 11 + 8  # quoted, and reported in the review's words
    assert len(ds.critiques_in(ds.get_article("lz-part-3"))) == 19
    assert len(ds.quotes_by("colbert")) == 11 + 2
    assert [q.id for q in ds.quotes_about("obama")] == [
        "lz-part-3-different-assessments",
        "lz-part-3-obama-talks",
        "lz-part-3-cordial",
        "lz-part-3-businesslike",
        "lz-part-3-thinking-man",
    ]
    assert len(ds.critiques_of("kelly")) == 4
    assert {c.target_id for c in ds.critiques_by("putin")} == {"united-states", "soros", "mccain", "obama", "women"}


# ------------------------------------------------------------------ result collections


def test_results_are_tuple_like_and_immutable(ds: Dataset) -> None:
    result = ds.quotes.filter(speaker="putin")
    assert result[0] is ds.quotes[2]
    assert isinstance(result[1:3], Quotes)
    assert len(result[1:3]) == 2
    assert next(reversed(result)) == result[-1]
    assert result.count(result[0]) == 1
    assert result.index(result[2]) == 2
    assert ds.quotes[2] in result
    assert hash(result) == hash(tuple(result))
    with pytest.raises(TypeError):
        result[0] = result[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        result._items = ()  # type: ignore[misc]


def test_repr_and_html(ds: Dataset) -> None:
    text = repr(pi.quotes(speaker="putin", episode=3, mode="direct"))
    assert text.startswith("Quotes: 8 quotes\nid")
    assert "lz-part-3-always-hope" in text
    page = pi.quotes(text="détente")._repr_html_()
    assert page.startswith("<table><caption>Quotes: 1 quote</caption>")
    assert html.escape("What is wrong with détente with Russia?") in page
    assert "Russia?</td>" in page


def test_to_dicts_and_to_json() -> None:
    result = pi.quotes(speaker="putin", episode=1)
    assert [d["id"] for d in result.to_dicts()] == [q.id for q in result]
    assert json.loads(result.to_json()) == result.to_dicts()
    assert (result.to_dicts()[0]["kind"], result.to_dicts()[0]["mode"]) == ("partial", "indirect")
    assert result.to_dicts()[1]["kind"] == "full"


def test_to_pandas_with_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pi.quotes(speaker="putin", mode="direct").to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert frame.shape == (19, 19)
    assert list(frame["id"][:1]) == ["lz-part-1-not-sure"]
    # The same column names as the csv and sqlite exports.
    assert list(frame.columns) == pi.quotes().to_csv().splitlines()[0].split(",")
    q = pi.get_quote("lz-part-1-not-sure")
    assert (frame["span_start"][0], frame["span_end"][0]) == (q.span.start, q.span.end)


def test_a_dataset_built_from_a_slice_of_another_table_filters_in_chains(ds: Dataset) -> None:
    part = pi.Quotes(ds.quotes)[:40]
    other = pi.Dataset(
        info=ds.info,
        people=ds.people,
        topics=ds.topics,
        articles=ds.articles,
        episodes=ds.episodes,
        quotes=part,
        critiques=ds.critiques,
    )
    chained = other.quotes.filter(speaker="putin").filter(episode=1)
    assert [q.id for q in chained] == [q.id for q in ds.quotes[:40] if q.speaker_id == "putin" and q.episode == 1]
    assert len(chained) == 12
