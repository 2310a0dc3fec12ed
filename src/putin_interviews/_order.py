"""The order of records: sort keys for :meth:`Table.sort_by` (which fields a table sorts by,
and how), and the document order that ``|`` and ``&`` keep.

A field sorts by its values: text by code point, numbers and dates as such, an enum in
the order of its definition (the order of the categories of :meth:`Table.to_pandas`), a
list of text or numbers item by item. A record with no value (``None``) sorts last,
in either direction. A field holding records (``span``, ``basis`` …) has no order.
"""

from __future__ import annotations

import datetime
import enum
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from ._errors import ChoiceError, suggest
from ._types import fields_of, strip_optional

__all__ = ["combined", "combined_positions", "first_positions", "positions_in", "sort_key", "sortable_fields"]

T = TypeVar("T")

_SCALARS = (str, int, float, datetime.date)


def _orderable(hint: Any) -> bool:
    tp = strip_optional(hint)[0]
    if tp in _SCALARS or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return True
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in _SCALARS


def sortable_fields(record_type: type) -> list[str]:
    """The fields a table of ``record_type`` sorts by, in field order.

    >>> from putin_interviews._models import Episode
    >>> sortable_fields(Episode)
    ['number', 'id', 'title', 'series', 'network', 'air_date', 'air_time', 'director', 'topics', 'summary', 'inferred']
    """
    return [name for name, hint in fields_of(record_type) if _orderable(hint)]


def _field_key(record_type: type, kind: str, name: object) -> Callable[[Any], Any]:
    if callable(name):
        return name
    valid = sortable_fields(record_type)
    if not isinstance(name, str):
        raise TypeError(f"sort_by takes field names or functions, not {type(name).__name__} {name!r}")
    if name not in valid:
        hints = dict(fields_of(record_type))
        if name in hints:
            raise TypeError(f"cannot sort {kind}s by {name!r}: it holds records, which have no order")
        raise ChoiceError(f"{kind} field to sort by", name, (*suggest(name, valid), *valid))  # close ones first
    tp = strip_optional(dict(fields_of(record_type))[name])[0]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        rank = {member: i for i, member in enumerate(tp)}
        return lambda r: None if (v := getattr(r, name)) is None else rank[v]
    return lambda r: getattr(r, name)


def sort_key(record_type: type, kind: str, fields: Sequence[object], reverse: bool) -> Callable[[Any], Any]:
    """A key for ``sorted(records, key=..., reverse=reverse)`` that orders by ``fields`` (names
    or functions of a record), each in turn, with ``None`` last either way; a
    :class:`~putin_interviews.ChoiceError` naming the fields there are for a name that is
    not one.

    >>> from putin_interviews._models import Episode
    >>> sort_key(Episode, "episode", ["air_dte"], False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    putin_interviews.ChoiceError: no episode field to sort by 'air_dte'; did you mean 'air_date', 'number', ...
    """
    if not fields:
        raise TypeError("sort_by needs at least one field name (or function of a record)")
    keys = [_field_key(record_type, kind, f) for f in fields]
    # (True, 0) for a missing value: after every (False, value), or before when reversed.
    last = not reverse

    def key(record: Any) -> tuple[tuple[bool, Any], ...]:
        out = []
        for get in keys:
            value = get(record)
            out.append((last, 0) if value is None else (not last, value))
        return tuple(out)

    return key


def first_positions(records: Iterable[object]) -> dict[int, int]:
    """The position of each record (by identity) in a table: its first, if it is there twice."""
    order: dict[int, int] = {}
    for position, record in enumerate(records):
        order.setdefault(id(record), position)
    return order


def positions_in(order: Mapping[int, int], records: Iterable[object], table: Sequence[object]) -> tuple[int, ...]:
    """The positions in ``table`` (``order``: its records' first positions, of
    :func:`first_positions`) of a selection's ``records``, in the table's order, each once; a
    record not in the table is left out. A record the table holds more than once (a table made
    with the same record twice) is at its first positions, as many as ``records`` hold it.

    >>> table = list("abcdefghij")
    >>> positions_in(first_positions(table), [table[9], table[2], table[9], "elsewhere"], table)
    (2, 9)
    >>> a, b, c = ["a"], ["b"], ["c"]
    >>> twice = [a, b, a, c]
    >>> positions_in(first_positions(twice), [c, a], twice), positions_in(first_positions(twice), [a, b, a], twice)
    ((0, 3), (0, 1, 2))
    """
    if len(order) == len(table):  # each record once in the table (so in the selection): in C
        found: set[int | None] = set(map(order.get, map(id, records)))
        found.discard(None)
        return tuple(sorted(typing.cast("set[int]", found)))
    every: dict[int, list[int]] = {}
    for position, record in enumerate(table):
        every.setdefault(id(record), []).append(position)
    held = Counter(map(id, records))
    return tuple(sorted(p for key, count in held.items() for p in every.get(key, [])[:count]))


def combined_positions(left: Iterable[int], right: Iterable[int], union: bool) -> tuple[int, ...]:
    """The positions in their table of the records of either (``union``) or both of two
    selections from it, given as their positions (a record at one only), each once, in order.

    >>> combined_positions([2, 3], [0], True), combined_positions([2, 3], [3, 0], False)
    ((0, 2, 3), (3,))
    """
    mine, theirs = set(left), set(right)
    return tuple(sorted(mine | theirs if union else mine & theirs))


def combined(left: Iterable[T], right: Iterable[T], union: bool) -> list[T]:
    """The records (equal ones once) of either (``union``) or both of two collections that
    come from different tables: the left one's order, then the right one's.

    >>> combined("abca", "dcd", True), combined("abca", "dcd", False)
    (['a', 'b', 'c', 'd'], ['c'])
    """
    mine, theirs = dict.fromkeys(left), dict.fromkeys(right)
    return [*mine, *(r for r in theirs if r not in mine)] if union else [r for r in mine if r in theirs]
