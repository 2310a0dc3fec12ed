"""How a collection is searched: by its root table's index (built once, on first use), among
the collection's own records when it is a selection (found once, and kept with their bitmap
from one search to the next), and which of a hit's fields matched.

Imported by the first search, not by a first use of the data: :class:`~._table.Table`'s
``hits`` and ``search`` call these.
"""

from __future__ import annotations

from array import array
from functools import partial
from typing import TYPE_CHECKING, Any

from ._errors import argument
from ._filters import hit_limit
from ._fold import terms
from ._gc import collector_paused
from ._once import once
from ._order import positions_in
from ._search import Docs, InvertedIndex

if TYPE_CHECKING:
    from ._table import Table

__all__ = ["found", "index", "matched"]


def index(table: Table[Any]) -> InvertedIndex:
    """The search index of ``table``'s root table (the table a selection comes from): its
    records' search fields, weighted, built once.

    >>> import putin_interviews
    >>> quotes = putin_interviews.dataset().quotes
    >>> index(quotes) is index(quotes.filter(speaker="putin")), len(index(quotes).ranked("hope")[0])
    (True, 1)
    """
    root = table._base

    def build() -> InvertedIndex:
        records = root._items
        with collector_paused():
            fields = [(root._texts(name, records), weight) for name, weight in table._search_fields]
            return InvertedIndex(len(records), fields)

    return once(root._cache, "search_index", build)


def found(table: Table[Any], query: str, limit: int | None) -> tuple[list[Any], list[float], tuple[str, ...]]:
    """``table``'s matches for ``query``, best first, their scores, and the query words:
    ranked in the root table, among the collection's records only (as many times as it
    holds each); a ``limit`` is checked before any index is built.

    >>> import putin_interviews
    >>> records, scores, words = found(putin_interviews.quotes(speaker="putin"), "always hope", None)
    >>> [r.id for r in records], words
    (['lz-part-3-always-hope'], ('always', 'hope'))
    """
    argument(query, "query", str, "a string")
    limit, root = hit_limit(limit), table._base
    among = None if root is table else once(table._cache, "among", partial(_among, table))
    docs, scores, words = index(table).ranked(query, limit, among)
    return list(map(root._items.__getitem__, docs)), scores, words


def _among(table: Table[Any]) -> Docs:
    """The positions in the root table of a selection's records, as the documents its search
    looks among: kept by the selection when it knows them (:meth:`.Table._places`), else found
    by identity."""
    positions = table._positions
    if positions is None:
        positions = positions_in(table._position_of(), table._items, table._base._items)
    return Docs(array("I", positions))


def matched(table: Table[Any], record: Any, words: tuple[str, ...]) -> tuple[str, ...]:
    """The search fields of ``record`` (of ``table``) that hold one of the query ``words``:
    what a hit shows.

    >>> import putin_interviews
    >>> quotes = putin_interviews.dataset().quotes
    >>> matched(quotes, quotes.get("lz-part-3-always-hope"), ("hope", "russia"))
    ('text', 'topics')
    """
    wanted, root = set(words), table._base
    return tuple(
        name for name, _ in table._search_fields if wanted.intersection(terms(root._texts(name, (record,))[0]))
    )
