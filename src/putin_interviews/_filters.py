"""Filter arguments: "not given" (:data:`UNSET`), and how their values are resolved (a
list means any of them; people, topics, articles and episodes by anything their tables' ``get``
takes; enum values by value or name, case- and accent-insensitively)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Container, Iterable, Sequence, Sized
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import ChoiceError, argument, shown, suggest
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._public import public

# Text is folded (:func:`._fold.normalize`) by the functions that need it: the search modules
# are not imported by a first use of the data.

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._table import Table

__all__ = [
    "UNSET",
    "UnsetType",
    "any_in",
    "article_ids",
    "as_values",
    "by_index",
    "contains",
    "enums",
    "episode_numbers",
    "hit_limit",
    "indexed_positions",
    "is_in",
    "member",
    "of_kinds",
    "person_ids",
    "predicate_tests",
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
    accent-insensitive; a value given exactly is found without folding)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
        from ._fold import normalize

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
    from ._fold import normalize

    for needle in needles:
        argument(needle, parameter, str, "a string or a list of strings")
    folded = [normalize(n) for n in needles]
    return lambda r: any(n in normalize(getter(r)) for n in folded)


def predicate_tests(kind: str, predicate: Callable[[R], object] | None) -> list[Callable[[R], bool]]:
    """The test of a filter's positional argument: a function of a ``kind`` record, or None."""
    if predicate is None:
        return []
    if not callable(predicate):
        raise TypeError(
            f"filter() takes a function of a {kind} (criteria are keywords, e.g. filter(episode=1)), "
            f"not {type(predicate).__name__} {shown(predicate)}"
        )
    return [lambda r: bool(predicate(r))]


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


def by_index(selection: Sized, table: Sized, built: Container[str], indexed: list[tuple[str, set[Any]]]) -> bool:
    """Whether a filter on ``indexed`` fields of a ``selection`` of ``table`` whose places are
    known is answered from the field indexes: when they are ``built`` already, or when the
    selection holds at least half the table (building an index takes about a scan of the
    table); otherwise the selection's records are tested, in time proportional to it.

    >>> asked = [("episode", {1})]
    >>> by_index(range(10), range(100), {"episode"}, asked), by_index(range(10), range(100), {}, asked)
    (True, False)
    >>> by_index(range(50), range(100), {}, asked)
    True
    """
    return 2 * len(selection) >= len(table) or all(field in built for field, _ in indexed)


def indexed_positions(
    items: Sequence[R],
    index_of: Callable[[str], dict[Any, list[int]]],
    indexed: list[tuple[str, set[Any]]],
    within: Sequence[int] | None,
    tests: list[Callable[[R], bool]],
) -> Sequence[int]:
    """The positions in ``items`` (a root table) of the records whose ``field`` value is in
    the given set for every (field, values) in ``indexed`` (``index_of(field)``: value ->
    positions), that are at one of the positions ``within`` (if given: ascending), and that
    pass ``tests``; in order.

    The shortest position list (a field's, or ``within``) answers; the other criteria are
    tested on its records only: time proportional to the smallest result, not the largest.

    >>> from types import SimpleNamespace
    >>> words = [SimpleNamespace(word=w) for w in ["a", "bb", "a", "cc", "a"]]
    >>> by_value = {"a": [0, 2, 4], "bb": [1], "cc": [3]}
    >>> indexed_positions(words, lambda field: by_value, [("word", {"a", "cc"})], [2, 3, 4], [])
    [2, 3, 4]
    >>> indexed_positions(words, lambda field: by_value, [("word", {"a"})], [1, 2], [])
    [2]
    """
    candidates: list[tuple[Sequence[int], str, set[Any]]] = []
    for field, values in indexed:
        index = index_of(field)
        found = [index.get(v, []) for v in values]
        candidates.append((found[0] if len(found) == 1 else sorted(p for f in found for p in f), field, values))
    candidates.sort(key=lambda c: len(c[0]))
    positions: Sequence[int] = candidates[0][0]
    rest = candidates[1:]
    if within is not None and len(within) < len(positions):  # the selection's list is the shortest
        positions, rest = within, candidates
    elif within is not None:
        mine = within if isinstance(within, range) else set(within)
        positions = [p for p in positions if p in mine]
    for _, field, values in rest:
        get = attrgetter(field)
        positions = [p for p in positions if get(items[p]) in values]
    if tests:
        positions = [p for p in positions if all(t(items[p]) for t in tests)]
    return positions


def of_kinds(tables: Iterable[Table[Any]], kind: object) -> list[Table[Any]]:
    """The ``tables`` a search of ``kind`` covers: a kind of record, several (a list, tuple
    or set), or None for all; an unknown kind is a :class:`ChoiceError`.

    >>> import putin_interviews
    >>> [t.kind for t in of_kinds(putin_interviews.dataset().tables(), ["quote", "topic"])]
    ['quote', 'topic']
    """
    by_kind = {t.kind: t for t in tables}
    if kind is None:
        return list(by_kind.values())
    argument(kind, "kind", (str, list, tuple, set, frozenset), "a kind of record or a list of them")
    chosen = []
    for k in [kind] if isinstance(kind, str) else kind:  # type: ignore[attr-defined]
        if not isinstance(k, str) or k not in by_kind:
            raise ChoiceError("search kind", k, suggest(str(k), list(by_kind)) or tuple(by_kind))
        chosen.append(by_kind[k])
    return chosen
