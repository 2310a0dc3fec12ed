"""Exports of a Dataset: json, jsonl, csv and sqlite.

Flat formats (csv, sqlite) take their columns from the record types themselves:

* a scalar field is one column (``null`` is an empty cell in CSV, NULL in SQLite);
* a nested record (``span``, ``published_inferred``) becomes one column per sub-field,
  named ``span.start`` in CSV and ``span_start`` in SQLite;
* a list of strings or numbers (``topics``, ``aliases``, ``quote_ids`` …) is, in CSV, its
  items joined with ``|`` (a ``|`` or ``\\`` inside an item is escaped with ``\\``), and
  in SQLite a JSON array;
* a list of records (``other_spans``, ``claims``, ``basis``, critique ``spans``) is a JSON
  array in both.
"""

from __future__ import annotations

import enum
import json
import os
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._fileio import write_atomic, write_text_atomic
from ._models import Article, Critique, Episode, Person, Quote

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["FORMATS", "csv_text", "export"]

#: The export formats, and whether each writes one file or a directory of files.
FORMATS = {"json": "file", "jsonl": "directory", "csv": "directory", "sqlite": "file"}

_TABLES: tuple[tuple[str, type], ...] = (
    ("people", Person),
    ("articles", Article),
    ("episodes", Episode),
    ("quotes", Quote),
    ("critiques", Critique),
)
# SQLite foreign keys: (table, column) -> referenced table(column).
_FOREIGN_KEYS = {
    ("episodes", "director"): "people(id)",
    ("quotes", "speaker_id"): "people(id)",
    ("quotes", "addressee_id"): "people(id)",
    ("quotes", "reported_by_id"): "people(id)",
    ("quotes", "article_id"): "articles(id)",
    ("quotes", "episode"): "episodes(number)",
    ("critiques", "article_id"): "articles(id)",
    ("critiques", "critic_id"): "people(id)",
    ("critiques", "episode"): "episodes(number)",
}
_PRIMARY_KEYS = {"episodes": "number"}  # every other table: id


@attrs.frozen
class _Column:
    path: tuple[str, ...]
    shape: str  # "scalar", "list" (of scalars) or "records" (list of records)
    is_int: bool

    def name(self, sep: str) -> str:
        return sep.join(self.path)

    def value(self, row: dict[str, Any]) -> Any:
        value: Any = row
        for key in self.path:
            value = None if value is None else value[key]
        return value


def _strip_optional(tp: Any) -> Any:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        return next(a for a in args if a is not type(None))
    return tp


def _columns(cls: type) -> list[_Column]:
    hints = typing.get_type_hints(cls)
    out: list[_Column] = []
    for field in attrs.fields(cls):
        tp = _strip_optional(hints[field.name])
        if attrs.has(tp):
            sub_hints = typing.get_type_hints(tp)
            for sub in attrs.fields(tp):
                out.append(_Column((field.name, sub.name), "scalar", _strip_optional(sub_hints[sub.name]) is int))
        elif typing.get_origin(tp) is tuple:
            shape = "records" if attrs.has(typing.get_args(tp)[0]) else "list"
            out.append(_Column((field.name,), shape, False))
        else:
            out.append(_Column((field.name,), "scalar", tp is int or (isinstance(tp, type) and issubclass(tp, bool))))
    return out


def _escape(item: object) -> str:
    return str(item).replace("\\", "\\\\").replace("|", "\\|")


def _csv_cell(column: _Column, value: Any) -> str:
    if value is None:
        return ""
    if column.shape == "list":
        return "|".join(_escape(v) for v in value)
    if column.shape == "records":
        return json.dumps(value, ensure_ascii=False)
    return str(value.value if isinstance(value, enum.Enum) else value)


def _sql_value(column: _Column, value: Any) -> Any:
    if value is None or column.shape == "scalar":
        return value
    return json.dumps(value, ensure_ascii=False)


def _rows(ds: Dataset) -> Iterator[tuple[str, list[_Column], list[dict[str, Any]]]]:
    for name, cls in _TABLES:
        yield name, _columns(cls), getattr(ds, name).to_dicts()


def _export_jsonl(ds: Dataset, out: Path) -> list[Path]:
    written = [out / "info.json"]
    write_text_atomic(written[0], json.dumps(ds.to_dict()["info"], ensure_ascii=False, indent=2) + "\n")
    for name, _, rows in _rows(ds):
        path = out / f"{name}.jsonl"
        write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        written.append(path)
    return written


def csv_text(record_type: type, rows: list[dict[str, Any]]) -> str:
    """CSV (header row first) of unstructured records of ``record_type``."""
    import csv
    import io

    columns = _columns(record_type)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name(".") for c in columns])
    for row in rows:
        writer.writerow([_csv_cell(c, c.value(row)) for c in columns])
    return buffer.getvalue()


def _export_csv(ds: Dataset, out: Path) -> list[Path]:
    written = []
    for name, cls in _TABLES:
        path = out / f"{name}.csv"
        write_text_atomic(path, csv_text(cls, getattr(ds, name).to_dicts()))
        written.append(path)
    return written


def _create_statements(name: str, columns: list[_Column]) -> list[str]:
    primary = _PRIMARY_KEYS.get(name, "id")
    defs = []
    for c in columns:
        col = c.name("_")
        kind = "INTEGER" if c.is_int else "TEXT"
        extra = " PRIMARY KEY" if col == primary else ""
        if name == "episodes" and col == "id":
            extra = " NOT NULL UNIQUE"
        ref = _FOREIGN_KEYS.get((name, col))
        defs.append(f"{col} {kind}{extra}" + (f" REFERENCES {ref}" if ref else ""))
    defs.insert(0, "position INTEGER NOT NULL UNIQUE")  # document order
    return [f"CREATE TABLE {name} (\n  " + ",\n  ".join(defs) + "\n)"]


def _export_sqlite(ds: Dataset, path: Path) -> list[Path]:
    import sqlite3  # here, not at import: most users never export

    def write(tmp: Path) -> None:
        tmp.unlink()  # sqlite3 creates the file itself
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            con.executemany(
                "INSERT INTO info VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in ds.to_dict()["info"].items()],
            )
            for name, columns, rows in _rows(ds):
                for statement in _create_statements(name, columns):
                    con.execute(statement)
                marks = ", ".join("?" * (len(columns) + 1))
                con.executemany(
                    f"INSERT INTO {name} VALUES ({marks})",
                    [[i] + [_sql_value(c, c.value(r)) for c in columns] for i, r in enumerate(rows)],
                )
            con.execute(
                "CREATE TABLE critique_quotes (\n"
                "  critique_id TEXT NOT NULL REFERENCES critiques(id),\n"
                "  quote_id TEXT NOT NULL REFERENCES quotes(id),\n"
                "  PRIMARY KEY (critique_id, quote_id)\n)"
            )
            con.executemany(
                "INSERT INTO critique_quotes VALUES (?, ?)",
                [(c.id, q) for c in ds.critiques for q in c.quote_ids],
            )
            con.execute(
                "CREATE VIRTUAL TABLE quotes_fts USING fts5("
                "text, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
            )
            con.execute("INSERT INTO quotes_fts(rowid, text) SELECT rowid, text FROM quotes")
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:  # load() checked integrity, so this is a bug here, not bad data
                raise RuntimeError(f"foreign key violations in the export: {problems[:5]}")
            con.commit()
        finally:
            con.close()

    write_atomic(path, write)
    return [path]


def export(ds: Dataset, path: str | os.PathLike[str], format: str) -> list[Path]:
    """Write ``ds`` to ``path`` in ``format``; return the files written."""
    target = Path(path)
    if format == "json":
        return [ds.dump(target)]
    if format == "sqlite":
        return _export_sqlite(ds, target)
    if format in ("jsonl", "csv"):
        if target.exists() and not target.is_dir():
            raise NotADirectoryError(f"{target} exists and is not a directory; {format} writes one file per table")
        target.mkdir(parents=True, exist_ok=True)
        return _export_jsonl(ds, target) if format == "jsonl" else _export_csv(ds, target)
    raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
