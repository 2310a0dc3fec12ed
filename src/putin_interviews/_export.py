"""Exports of a Dataset: json, jsonl, csv and sqlite.

Flat formats (csv, sqlite) take their columns from the record types themselves, as
:mod:`._flat` describes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._fileio import write_atomic, write_text_atomic
from ._flat import Column, columns, csv_text
from ._tables import TABLES

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["FORMATS", "export"]

#: The export formats, and whether each writes one file or a directory of files.
FORMATS = {"json": "file", "jsonl": "directory", "csv": "directory", "sqlite": "file"}

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


def _rows(ds: Dataset) -> Iterator[tuple[str, list[Column], list[dict[str, Any]]]]:
    for spec in TABLES:
        yield spec.name, columns(spec.record), getattr(ds, spec.name).to_dicts()


def _export_jsonl(ds: Dataset, out: Path) -> list[Path]:
    written = [out / "info.json"]
    write_text_atomic(written[0], json.dumps(ds.to_dict()["info"], ensure_ascii=False, indent=2) + "\n")
    for name, _, rows in _rows(ds):
        path = out / f"{name}.jsonl"
        write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        written.append(path)
    return written


def _export_csv(ds: Dataset, out: Path) -> list[Path]:
    written = []
    for spec in TABLES:
        path = out / f"{spec.name}.csv"
        write_text_atomic(path, csv_text(spec.record, getattr(ds, spec.name).to_dicts()))
        written.append(path)
    return written


def _create_statements(name: str, cols: list[Column]) -> list[str]:
    primary = _PRIMARY_KEYS.get(name, "id")
    defs = []
    for c in cols:
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
            for name, cols, rows in _rows(ds):
                for statement in _create_statements(name, cols):
                    con.execute(statement)
                marks = ", ".join("?" * (len(cols) + 1))
                con.executemany(
                    f"INSERT INTO {name} VALUES ({marks})",
                    [[i] + [c.sql_value(c.value(r)) for c in cols] for i, r in enumerate(rows)],
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
        return [write_text_atomic(target, ds.to_json())]
    if format == "sqlite":
        return _export_sqlite(ds, target)
    if format in ("jsonl", "csv"):
        if target.exists() and not target.is_dir():
            raise NotADirectoryError(f"{target} exists and is not a directory; {format} writes one file per table")
        target.mkdir(parents=True, exist_ok=True)
        return _export_jsonl(ds, target) if format == "jsonl" else _export_csv(ds, target)
    raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
