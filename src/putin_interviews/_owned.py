"""The converters of a :class:`~._dataset.Dataset`'s tables: each table it is given becomes
its own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._printed import Critiques, Quotes
from ._tables import Articles, Episodes, People, Topics

__all__ = ["own_articles", "own_critiques", "own_episodes", "own_people", "own_quotes", "own_topics"]

T = TypeVar("T", People, Topics, Articles, Episodes, Quotes, Critiques)


def _own(table_type: type[T], value: Iterable[Any]) -> T:
    """The table a new Dataset keeps: a table of the right type that belongs to no dataset
    yet is kept as it is (a deferred table stays deferred), less its search index if it was
    searched already (which, with no dataset, searched no names of people or topics); anything
    else is copied into a new table (sharing the immutable records)."""
    if type(value) is table_type and value._dataset is None and value._root is None:
        value._cache.search_index = None
        return value
    return table_type(value)


# Named converters (the attrs mypy plugin reads their parameter types for __init__).
def own_people(value: Iterable[Person]) -> People:
    return _own(People, value)


def own_topics(value: Iterable[Topic]) -> Topics:
    return _own(Topics, value)


def own_articles(value: Iterable[Article]) -> Articles:
    return _own(Articles, value)


def own_episodes(value: Iterable[Episode]) -> Episodes:
    return _own(Episodes, value)


def own_quotes(value: Iterable[Quote]) -> Quotes:
    return _own(Quotes, value)


def own_critiques(value: Iterable[Critique]) -> Critiques:
    return _own(Critiques, value)
