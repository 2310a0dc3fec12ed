"""pandas frames of records and of search hits, with the dtypes an analyst expects.

The columns are those of the csv and sqlite exports (:mod:`._flat`): one per field, in field
order, a nested record's fields each a column of their own (``span_start``, ``span_end``);
lists are the JSON-shaped lists of :meth:`Table.to_dicts`. Whatever the rows selected, a
column has one dtype, read from the record type:

* an ``int`` field (``episode``, ``number`` …) is ``Int64``, pandas' nullable integer, so a
  missing part is ``<NA>`` and not the float ``NaN`` that turns ``1`` into ``1.0``;
* a date field (``published``, ``air_date``) is ``datetime64``, a missing date ``NaT``;
* an enum field (``kind``, ``mode``, ``stance`` …) is ``category`` with every value of the
  enum as a category, in the enum's order, so counts show the values no row holds;
* other fields keep the dtype pandas gives them.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import typing
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

from ._convert import converter
from ._flat import Column
from ._flat import columns as flat_columns
from ._types import fields_of

__all__ = ["frame", "hits_frame", "pandas_module"]


def pandas_module() -> Any:
    """pandas, or an ImportError saying how to install it."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install 'putin-interviews[pandas]'"
        ) from None


def _values(records: Sequence[Any], path: tuple[str, ...]) -> list[Any]:
    """The values at ``path`` (a field, or a nested record's field) of each record."""
    if len(path) == 1:
        get = attrgetter(path[0])
        return [get(r) for r in records]
    outer, inner = attrgetter(path[0]), attrgetter(path[1])
    return [None if (nested := outer(r)) is None else inner(nested) for r in records]


def _column(pandas: Any, column: Column, hint: Any, values: list[Any]) -> Any:
    """A frame's column of one flat column's values (the records' own: dates, enums, lists)."""
    if column.shape != "scalar":  # lists and lists of records: their JSON shape
        hook = converter.get_unstructure_hook(hint)
        return [hook(v) for v in values]
    tp = column.leaf
    if tp is int:
        return pandas.array(values, dtype="Int64")
    if tp is datetime.date:
        return pandas.to_datetime(pandas.Series(values, dtype=object))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return pandas.Categorical([None if v is None else v.value for v in values], categories=[m.value for m in tp])
    return values


def frame(record_type: type, records: Sequence[Any]) -> Any:
    """A DataFrame of records of ``record_type`` (see the module's docs).

    >>> import putin_interviews
    >>> ds = putin_interviews.dataset()
    >>> frame(putin_interviews.Quote, ds.quotes[:3]).dtypes["span_start"]  # doctest: +SKIP
    Int64Dtype()
    """
    pandas = pandas_module()
    hints = dict(fields_of(record_type))
    columns = {
        c.name("_"): _column(pandas, c, hints[c.path[0]], _values(records, c.path)) for c in flat_columns(record_type)
    }
    return pandas.DataFrame(columns, index=pandas.RangeIndex(len(records)))


def hits_frame(hits: Iterable[Any], kinds: Sequence[str], text: typing.Callable[[Any], str]) -> Any:
    """A DataFrame of search hits, best first: ``kind`` (a category of ``kinds``), ``id``,
    ``score``, ``fields`` (the matched fields, a tuple) and ``text`` (what is shown)."""
    pandas = pandas_module()
    hits = list(hits)
    columns = {
        "kind": pandas.Categorical([h.kind for h in hits], categories=list(kinds)),
        "id": [h.record.id for h in hits],
        "score": pandas.array([h.score for h in hits], dtype="float64"),
        "fields": [h.fields for h in hits],
        "text": [text(h) for h in hits],
    }
    return pandas.DataFrame(columns, index=pandas.RangeIndex(len(hits)))
