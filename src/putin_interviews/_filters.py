"""Filter arguments: "not given" (:data:`UNSET`), and how their values are resolved (a
list means any of them; people, topics, articles and episodes by anything their tables' ``get``
takes; enum values by value or name, case- and accent-insensitively)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import ChoiceError, argument, suggest
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._public import public
from ._search import normalize

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = [
    "UNSET",
    "UnsetType",
    "any_in",
    "article_ids",
    "as_values",
    "contains",
    "enums",
    "episode_numbers",
    "hit_limit",
    "is_in",
    "member",
    "person_ids",
    "topic_ids",
]

R = TypeVar("R", Person, Topic, Article, Episode, Quote, Critique)
E = TypeVar("E", bound=enum.Enum)


def hit_limit(limit: object) -> int | None:
    """A search's ``limit``: None (every hit) or a number of hits, 0 or more.

    >>> hit_limit(10), hit_limit(None)
    (10, None)
    >>> hit_limit(-1)
    Traceback (most recent call last):
    ...
    ValueError: limit must be 0 or more, not -1
    """
    if limit is None:
        return None
    argument(limit, "limit", int, "an int or None")
    assert isinstance(limit, int)
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    return limit


def as_values(value: Any) -> tuple[Any, ...]:
    """A tuple, list, set or frozenset of values means OR; anything else is one value.

    >>> as_values("putin"), as_values(["putin", "stone"])
    (('putin',), ('putin', 'stone'))
    """
    if isinstance(value, (tuple, list, set, frozenset)):
        return tuple(value)
    return (value,)


@public
class UnsetType(enum.Enum):
    """The type of :data:`UNSET`, the default of every filter argument: "not given" (where
    ``None`` is a value: "not known").

    >>> import putin_interviews
    >>> putin_interviews.UNSET
    UNSET
    """

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


#: The default of every filter argument: "not given" (None is a value: "not known").
UNSET = UnsetType.UNSET


def member(cls: type[E], value: Any, what: str) -> E:
    """The member of enum ``cls`` that ``value`` names (value or name, case- and
    accent-insensitive)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        folded = normalize(value)
        for member in cls:
            if folded in (normalize(member.value), normalize(member.name)):
                return member
    raise ChoiceError(what, value, suggest(str(value), (m.value for m in cls)) or tuple(m.value for m in cls))


def enums(cls: type[E], value: Any, what: str) -> set[E]:
    return {member(cls, v, what) for v in as_values(value)}


def is_in(values: set[Any], getter: Callable[[R], Any]) -> Callable[[R], bool]:
    return lambda r: getter(r) in values


def any_in(values: set[Any], getter: Callable[[R], Iterable[Any]]) -> Callable[[R], bool]:
    return lambda r: any(v in values for v in getter(r))


def contains(needles: Sequence[Any], getter: Callable[[R], str], parameter: str) -> Callable[[R], bool]:
    """A test: the text ``getter`` reads holds one of ``needles`` (case and accents ignored)."""
    for needle in needles:
        argument(needle, parameter, str, "a string or a list of strings")
    folded = [normalize(n) for n in needles]
    return lambda r: any(n in normalize(getter(r)) for n in folded)


def person_ids(ds: Dataset, value: Any) -> set[str | None]:
    people = ds.people
    return {None if v is None else people.get(v.id if isinstance(v, Person) else v).id for v in as_values(value)}


def episode_numbers(ds: Dataset, value: Any) -> set[int | None]:
    episodes = ds.episodes
    return {
        None if v is None else episodes.get(v.number if isinstance(v, Episode) else v).number for v in as_values(value)
    }


def article_ids(ds: Dataset, value: Any) -> set[str]:
    articles = ds.articles
    return {articles.get(v.id if isinstance(v, Article) else v).id for v in as_values(value)}


def topic_ids(ds: Dataset, value: Any) -> set[str]:
    """The ids of the topics given by id, label or :class:`Topic` (a miss: NotFoundError)."""
    table = ds.topics
    return {table.get(v.id if isinstance(v, Topic) else v).id for v in as_values(value)}
