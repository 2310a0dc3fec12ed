"""Misuse of the API gets a TypeError or ValueError naming the parameter (or a LookupError
for a lookup that finds nothing), never an AttributeError or IndexError from inside."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import putin_interviews as pi

# Typed Any: every call below is wrong on purpose, as a user might get it wrong.
api: Any = pi
DS: Any = pi.dataset()
Q = DS.get_quote("lz-part-1-hawk")
C = DS.critiques[0]


def _calls() -> list[tuple[str, Callable[[], object], str | None]]:
    """(label, the call, the parameter its error must name, or None for a lookup miss)."""
    d, q = DS, DS.quotes
    calls: list[tuple[str, Callable[[], object], str | None]] = []

    def add(label: str, call: Callable[[], object], names: str | None) -> None:
        calls.append((label, call, names))

    bad: Any

    for bad in (None, 5, b"hope", ["hope"]):
        add(f"search({bad!r})", partial(api.search, bad), "query")
        add(f"quotes.search({bad!r})", partial(q.search, bad), "query")
        add(f"quotes.hits({bad!r})", partial(q.hits, bad), "query")
    add("search(kind=5)", lambda: api.search("hope", kind=5), "kind")
    add("search(kind=[None])", lambda: api.search("hope", kind=[None]), "kind")
    for bad in (None, 5, [None], object()):
        add(f"quotes(text={bad!r})", partial(api.quotes, text=bad), "text")
        add(f"critiques(aspect={bad!r})", partial(api.critiques, aspect=bad), "aspect")
        add(f"quotes(topic={bad!r})", partial(api.quotes, topic=bad), None)
        add(f"articles(outlet={bad!r})", partial(api.articles, outlet=bad), None)
        if bad is not None and bad != [None]:  # None is a value: "not known"
            add(f"quotes(speaker={bad!r})", partial(api.quotes, speaker=bad), None)
            add(f"critiques(target={bad!r})", partial(api.critiques, target=bad), None)
            add(f"critiques(critic={bad!r})", partial(api.critiques, critic=bad), None)
    for bad in ("positve", 5, None):
        add(f"critiques(stance={bad!r})", partial(api.critiques, stance=bad), "stance")
        add(f"quotes(kind={bad!r})", partial(api.quotes, kind=bad), "quote kind")
        add(f"people(kind={bad!r})", partial(api.people, kind=bad), "person kind")
    add("quotes(episode=[[]])", lambda: api.quotes(episode=[[]]), None)
    add("quotes(venue=[{}])", lambda: api.quotes(venue=[{}]), "venue")
    for method in ("speaker_of", "addressee_of"):
        for bad in ("lz-part-1-hawk", 5, None, C):
            add(f"{method}({bad!r})", partial(getattr(d, method), bad), "quote")
    for method in ("article_of", "episode_of"):
        for bad in ("lz-part-1-hawk", 5, None):
            add(f"{method}({bad!r})", partial(getattr(d, method), bad), "record")
    for method in ("critiques_citing", "quotes_in", "critiques_in", "quotes_by", "quotes_about", "critiques_of"):
        for bad in (5, object()):
            add(f"{method}({bad!r})", partial(getattr(d, method), bad), None)
    for method in ("get", "get_person", "get_article", "get_quote", "get_critique", "get_episode"):
        for bad in (None, 5.5, ["x"]):
            add(f"{method}({bad!r})", partial(getattr(d, method), bad), None)
    for bad in ([], None, 5, {"info": 1}):
        add(f"loads({bad!r})", partial(api.loads, bad), "data")
    for bad in (5, None, [1]):
        add(f"load({bad!r})", partial(api.load, bad), "source")
    add("loads(max_bytes='x')", lambda: api.loads("{}", max_bytes="x"), "max_bytes")
    add("loads(max_bytes=-1)", lambda: api.loads("{}", max_bytes=-1), "max_bytes")
    add("load(max_bytes=None)", lambda: api.load(b"{}", max_bytes=None), "max_bytes")
    add("loads(source=5)", lambda: api.loads("{}", source=5), "source")
    add("cite(dataset=5)", lambda: api.cite(Q, dataset=5), "dataset")
    add("bibliography(dataset='x')", lambda: api.bibliography([Q], dataset="x"), "dataset")
    add("cite(5)", lambda: api.cite(5), "record")
    add("cite(person)", lambda: api.cite(DS.people[0]), "record")
    add("bibliography(5)", lambda: api.bibliography(5), "records")
    add("bibliography([5])", lambda: api.bibliography([5]), "record")
    add("bibliography(None)", lambda: api.bibliography(None), "records")
    for key, bad in (("style", 5), ("style", None), ("form", 5), ("markup", None)):
        add(f"cite({key}={bad!r})", partial(api.cite, Q, **{key: bad}), key)
    add("export(format=5)", lambda: DS.export(Path("/nonexistent/x"), format=5), "format")
    add("export(format='xml')", lambda: DS.export(Path("/nonexistent/x"), format="xml"), "format")
    add("export(None)", lambda: DS.export(None), "path")
    add("export(format=['json'])", lambda: DS.export(Path("/nonexistent/x"), format=["json"]), "export format")
    add("cite(style=[1])", lambda: api.cite(Q, style=[1]), "style")
    add("cite(form=['note'])", lambda: api.cite(Q, form=["note"]), "form")
    add(
        "Dataset(info=None)",
        lambda: api.Dataset(info=None, people=(), topics=(), articles=(), episodes=(), quotes=(), critiques=()),
        "info",
    )
    add("dump(5.5)", lambda: DS.dump(5.5), "path")
    return calls


CALLS = _calls()


@pytest.mark.parametrize(("label", "call", "names"), CALLS, ids=[c[0] for c in CALLS])
def test_misuse_is_a_type_or_value_error_naming_the_parameter(
    label: str, call: Callable[[], object], names: str | None
) -> None:
    with pytest.raises((TypeError, ValueError, LookupError, AttributeError, IndexError)) as info:
        call()
    error: Any = info.value
    assert not isinstance(error, (AttributeError, IndexError)), f"{label}: {type(error).__name__}: {error}"
    if names is None:
        assert isinstance(error, (TypeError, ValueError, LookupError)), f"{label}: {type(error).__name__}: {error}"
    else:
        assert isinstance(error, (TypeError, ValueError)), f"{label}: {type(error).__name__}: {error}"
        assert names in str(error), f"{label}: {error}"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: api.critiques(stance="positve"), "no stance 'positve'; did you mean 'positive'?"),
        (lambda: api.search("hope", kind="quotes"), "no search kind 'quotes'; did you mean 'quote'?"),
        (lambda: api.cite(Q, style="chicgo"), "no citation style 'chicgo'; did you mean 'chicago'?"),
    ],
)
def test_a_value_outside_the_choices_is_a_value_error_that_still_suggests(
    call: Callable[[], object], expected: str
) -> None:
    with pytest.raises(pi.ChoiceError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, pi.NotFoundError)  # as before, for code that catches it
    assert str(info.value) == expected
    assert info.value.suggestions[0] in expected


def test_none_as_a_filter_value_means_not_known() -> None:
    # A quotation without a speaker is a scare quote: the writer's words.
    scare = [q for q in DS.quotes if q.mode is pi.QuoteMode.SCARE]
    assert scare
    assert list(api.quotes(speaker=None)) == scare
    assert len(api.quotes(addressee=None)) == len([q for q in DS.quotes if q.addressee_id is None])
