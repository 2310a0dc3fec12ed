"""Values built once, on first use, under one lock: the one home of the package's laziness.

Every cache (a table's indexes and deferred records, the bundled dataset, generated code) is
built by :func:`once` or held in a :class:`Cell`, so double-checked locking is written here
only. The lock is re-entrant: building one value may need another (a search index needs the
table's records, which may themselves be deferred).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ._search import Docs, InvertedIndex

__all__ = ["Cell", "Deferred", "TableCache", "once", "once_in"]

T = TypeVar("T")
K = TypeVar("K")

_LOCK = threading.RLock()


def _new_lock_after_fork() -> None:
    # A child forked while another thread held the lock (building the bundled dataset, say)
    # would wait for it forever: that thread does not exist in the child.
    global _LOCK
    _LOCK = threading.RLock()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_new_lock_after_fork)


def once(owner: Any, slot: str, build: Callable[[], T]) -> T:
    """``owner.slot``, set to ``build()`` the first time it is None (once, even when
    threads race); the slot is set with ``object.__setattr__``, so immutable owners work."""
    value: T | None = getattr(owner, slot)
    if value is None:
        with _LOCK:
            value = getattr(owner, slot)
            if value is None:
                value = build()
                object.__setattr__(owner, slot, value)
    return value


def once_in(mapping: MutableMapping[K, T], key: K, build: Callable[[], T]) -> T:
    """``mapping[key]``, set to ``build()`` the first time it is missing (once)."""
    value = mapping.get(key)
    if value is None:
        with _LOCK:
            value = mapping.get(key)
            if value is None:
                value = mapping[key] = build()
    return value


class Cell(Generic[T]):
    """A module-level value built by ``build`` on first :meth:`get`, once (None included).

    >>> cell = Cell(lambda: [1, 2])
    >>> cell.get() is cell.get()
    True
    """

    __slots__ = ("_build", "built")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        #: ``(value,)`` once built; None before (tests may reset it).
        self.built: tuple[T] | None = None

    def get(self) -> T:
        """The value, built on first use.

        >>> Cell(lambda: None).get() is None
        True
        """
        return once(self, "built", lambda: (self._build(),))[0]


class Deferred:
    """Records made on first use: ``count`` of them, by ``build``. (A plain class: an attrs
    one would compile its methods when a first use of the data imports this module.)"""

    __slots__ = ("build", "count")

    def __init__(self, count: int, build: Callable[[], tuple[Any, ...]]) -> None:
        self.count = count
        self.build = build


class TableCache:
    """What a table computes once, on first use; never pickled or copied."""

    __slots__ = ("among", "by_field", "by_id", "by_name", "position_of", "records", "search_index")

    def __init__(self) -> None:
        self.records: tuple[Any, ...] | None = None
        self.by_id: dict[str, Any] | None = None
        #: Per-field position indexes of a root table: field -> value -> positions.
        self.by_field: dict[str, dict[Any, list[int]]] = {}
        self.search_index: InvertedIndex | None = None
        self.by_name: dict[str, Any] | None = None
        #: id(record) -> its first position, in a root table (for ``|`` and ``&``).
        self.position_of: dict[int, int] | None = None
        #: A selection's records as the documents its searches look among (``_table_search``).
        self.among: Docs | None = None
