"""Exports of a Dataset: json, jsonl, csv and sqlite.

Flat formats (csv, sqlite) take their columns from the record types themselves, as
:mod:`._flat` describes.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._errors import ChoiceError, suggest
from ._fileio import is_stdout, write_atomic, write_directory_atomic, write_text_atomic
from ._flat import Column, columns, csv_text
from ._tables import TABLES

__all__ = ["FORMATS", "canonical_json", "export"]

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
_SQLITE_FULL = 13  # sqlite3.SQLITE_FULL from Python 3.11


Raw = dict[str, Any]


def canonical_json(raw: Raw) -> str:
    """A dataset's JSON-shaped data in the file's canonical form: the schema's key order,
    two-space indent, UTF-8 characters unescaped, and a trailing newline.

    >>> canonical_json({"a": "é"})
    '{\\n  "a": "é"\\n}\\n'
    """
    return json.dumps(raw, ensure_ascii=False, indent=2) + "\n"


def _rows(raw: Raw) -> Iterator[tuple[str, list[Column], list[dict[str, Any]]]]:
    for spec in TABLES:
        yield spec.name, columns(spec.record), raw[spec.name]


#: The files of each directory format, in the order written.
_FILES = {
    "jsonl": ("info.json", *(f"{spec.name}.jsonl" for spec in TABLES)),
    "csv": tuple(f"{spec.name}.csv" for spec in TABLES),
}


def _jsonl_files(raw: Raw) -> Iterator[tuple[str, str]]:
    yield "info.json", json.dumps(raw["info"], ensure_ascii=False, indent=2) + "\n"
    for name, _, rows in _rows(raw):
        yield f"{name}.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _csv_files(raw: Raw) -> Iterator[tuple[str, str]]:
    for spec in TABLES:
        yield f"{spec.name}.csv", csv_text(spec.record, raw[spec.name])


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


def _export_sqlite(raw: Raw, path: Path) -> list[Path]:
    import sqlite3  # here, not at import: most users never export

    def write(tmp: Path) -> None:
        try:
            fill(tmp)
        except sqlite3.Error as exc:  # not an OSError: made one, so callers see a write error naming the target
            code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
            full = (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in str(exc)
            raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None

    def fill(tmp: Path) -> None:
        con = sqlite3.connect(tmp)  # the empty temporary file is an empty database
        try:
            con.execute("PRAGMA journal_mode = MEMORY")  # no journal file beside it: it is all or nothing anyway
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            con.executemany(
                "INSERT INTO info VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in raw["info"].items()],
            )
            for name, cols, rows in _rows(raw):
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
                [(c["id"], q) for c in raw["critiques"] for q in c["quote_ids"]],
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


def export(raw: Raw, path: str | os.PathLike[str], format: str) -> list[Path]:
    """Write a dataset's JSON-shaped data (``Dataset.to_dict()``, checked) to ``path`` in
    ``format``; return the files written (``[Path("-")]`` for standard output). See
    :meth:`Dataset.export` for what may be at ``path``.

    >>> import tempfile, putin_interviews
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(putin_interviews.dataset().to_dict(), Path(tmp) / "csv", "csv")][:2]
    ['people.csv', 'topics.csv']
    """
    if not isinstance(format, str) or format not in FORMATS:
        raise ChoiceError("export format", format, suggest(str(format), FORMATS) or tuple(FORMATS))
    target = Path(path)
    if format == "json":
        return [write_text_atomic(target, canonical_json(raw))]
    if format == "sqlite":
        if is_stdout(path):
            raise ValueError("sqlite writes a database file, which cannot go to standard output (-); give a file name")
        return _export_sqlite(raw, target)
    files = _jsonl_files(raw) if format == "jsonl" else _csv_files(raw)
    return write_directory_atomic(target, files, frozenset(_FILES[format]), format)
