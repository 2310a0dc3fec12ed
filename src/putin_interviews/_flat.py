"""Records as flat rows: the columns of a record type, and CSV text (csv and sqlite exports,
``Table.to_csv``).

* a scalar field is one column (``null`` is an empty cell in CSV, NULL in SQLite);
* a nested record (``span``, ``published_inferred``) becomes one column per sub-field,
  named ``span_start`` (the same name in CSV, SQLite and ``Table.to_pandas``);
* a list of strings or numbers (``topics``, ``aliases``, ``quote_ids`` …) is, in CSV, its
  items joined with ``|`` (a ``|`` or ``\\`` inside an item is escaped with ``\\``), and
  in SQLite a JSON array;
* a list of records (``other_spans``, ``claims``, ``basis``, critique ``spans``) is a JSON
  array in both.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import typing
from typing import Any

import attrs

from ._types import fields_of, strip_optional

__all__ = ["Column", "columns", "csv_text"]


@attrs.frozen
class Column:
    """One flat column: the path of keys to its value in an unstructured record."""

    path: tuple[str, ...]
    shape: str  # "scalar", "list" (of scalars) or "records" (list of records)
    is_int: bool
    #: The value's type (for a list, its items'), None made optional: ``str``, ``int``,
    #: ``datetime.date``, an enumeration, a record type.
    leaf: Any = None
    #: The nested record type a two-key path goes through (``Span`` for ``span_start``).
    nested: Any = None

    def name(self, sep: str) -> str:
        return sep.join(self.path)

    def value(self, row: dict[str, Any]) -> Any:
        value: Any = row
        for key in self.path:
            value = None if value is None else value[key]
        return value

    def csv_cell(self, value: Any) -> str:
        if value is None:
            return ""
        if self.shape == "list":
            return "|".join(_escape(v) for v in value)
        if self.shape == "records":
            return json.dumps(value, ensure_ascii=False)
        return str(value.value if isinstance(value, enum.Enum) else value)

    def sql_value(self, value: Any) -> Any:
        if value is None or self.shape == "scalar":
            return value
        return json.dumps(value, ensure_ascii=False)


def columns(cls: type) -> list[Column]:
    """The flat columns of a record type, in field order.

    >>> from putin_interviews._models import Quote
    >>> [c.name("_") for c in columns(Quote)][:7]
    ['id', 'text', 'speaker_id', 'addressee_id', 'article_id', 'span_start', 'span_end']
    """
    out: list[Column] = []
    for name, hint in fields_of(cls):
        tp = strip_optional(hint)[0]
        if attrs.has(tp):
            for sub, sub_hint in fields_of(tp):
                leaf = strip_optional(sub_hint)[0]
                out.append(Column((name, sub), "scalar", leaf is int, leaf, tp))
        elif typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            out.append(Column((name,), "records" if attrs.has(item) else "list", False, item))
        else:
            is_int = tp is int or (isinstance(tp, type) and issubclass(tp, bool))
            out.append(Column((name,), "scalar", is_int, tp))
    return out


def _escape(item: object) -> str:
    return str(item).replace("\\", "\\\\").replace("|", "\\|")


def csv_text(record_type: type, rows: list[dict[str, Any]]) -> str:
    """CSV (header row first) of unstructured records of ``record_type``."""
    cols = columns(record_type)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name("_") for c in cols])
    for row in rows:
        writer.writerow([c.csv_cell(c.value(row)) for c in cols])
    return buffer.getvalue()
