"""The sqlite export: one database file, and beside it the Datasette metadata that describes it.

* A table per record type (columns as :mod:`._flat` gives them, ``position`` first: the
  document order), with primary and foreign keys; ``critique_quotes`` links critiques to the
  quotations they rest on; ``info`` holds the dataset's description, a value per key (text;
  a list as a JSON array; NULL for None).
* ``<table>_fts``, an FTS5 index per table over the fields the Python search reads that are
  columns of the table (``Table._search_fields``; a quotation's ``topics`` as the search
  reads them, ids and labels), declared ``content="<table>"`` so that Datasette finds it. The
  index holds each field folded as :func:`._search.normalize` folds it, and beside each word
  that has an apostrophe its parts (``don’t`` is indexed as ``dont don t``): Datasette quotes
  each search term and FTS5 splits a quoted term at an apostrophe, so ``dont``, ``don't``
  and ``don’t`` all find it, as they do in Python. Beside each word are the other forms of
  it the dataset uses (``days`` beside ``day``), so a plural finds its singular as in Python.
* ``<stem>.metadata.json`` beside the database: Datasette's metadata (title, license,
  source, and a description of every table and column, taken from the record types' docs by
  :mod:`._fielddocs`). ``datasette serve pi.db -m pi.metadata.json`` uses it.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._fielddocs import all_column_docs, first_paragraph
from ._fileio import write_atomic, write_text_atomic
from ._flat import Column, columns
from ._inflect import base_form
from ._search import normalize, split_at_apostrophes, tokens
from ._tables import TABLES, TableSpec

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._table import Table

__all__ = [
    "FOREIGN_KEYS",
    "PRIMARY_KEYS",
    "datasette_metadata",
    "export_sqlite",
    "index_text",
    "metadata_path",
    "variants",
]

#: Foreign keys: (table, column) -> (referenced table, column). The sqlite and datapackage
#: exports both declare these.
FOREIGN_KEYS = {
    ("episodes", "director"): ("people", "id"),
    ("quotes", "speaker_id"): ("people", "id"),
    ("quotes", "addressee_id"): ("people", "id"),
    ("quotes", "reported_by_id"): ("people", "id"),
    ("quotes", "article_id"): ("articles", "id"),
    ("quotes", "episode"): ("episodes", "number"),
    ("critiques", "article_id"): ("articles", "id"),
    ("critiques", "critic_id"): ("people", "id"),
    ("critiques", "episode"): ("episodes", "number"),
}
#: Primary keys: every table's is ``id`` but these.
PRIMARY_KEYS = {"episodes": "number"}
_SQLITE_FULL = 13  # sqlite3.SQLITE_FULL from Python 3.11
# As the Python search splits words: letters, digits and "_" (FTS5 would split at "_").
_TOKENIZE = "unicode61 remove_diacritics 2 tokenchars '_'"
_POSITION_DOC = "The record's place in the dataset file (document order), counted from 0."

Raw = dict[str, Any]


def variants(texts: Iterable[str]) -> dict[str, list[str]]:
    """For each word of ``texts`` (folded), the other forms the texts use of its base form
    (:func:`._search.terms`), and the base form itself: indexed beside the word, they let a
    Datasette search for any one of them find all, as the Python search does.

    >>> variants(["Bad days", "a bad day", "women"])["days"], variants(["women"])["women"]
    (['day'], ['woman'])
    """
    forms: dict[str, dict[str, None]] = {}
    for text in texts:
        for word in tokens(text):
            forms.setdefault(base_form(word), {})[word] = None
    out: dict[str, list[str]] = {}
    for base, words in forms.items():
        for word in words:
            out[word] = [w for w in (base, *words) if w != word]
            if base in words:
                out[word] = list(dict.fromkeys(out[word]))
    return out


def index_text(value: object, forms: Mapping[str, list[str]] | None = None) -> str:
    """What the full-text index holds for a field's value, so that Datasette's search (which
    quotes each term, and FTS5 splits a quoted term into a phrase at any punctuation) finds
    what the Python search finds: the words folded as :func:`._search.normalize` folds them;
    then each whitespace-separated piece folded and followed by ``s`` (a query ``Kelly's`` is
    the phrase ``kelly s``, and means ``kelly`` in Python); then each piece with an apostrophe
    split there (``don't`` is the phrase ``don t``, ``dont`` in Python).

    >>> index_text("Don’t trust al-Qaida")
    'dont trust al qaida dont s trust s al qaida s don t'
    >>> index_text(("us-foreign-policy", "syria"))
    'us foreign policy syria us foreign policy s syria s'
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    text = str(value)
    possessive: list[str] = []
    split: list[str] = []
    for chunk in text.split():
        folded = normalize(chunk)
        if folded:
            possessive.append(f"{folded} s")
        parts = split_at_apostrophes(chunk)
        if parts and parts != folded:
            split.append(parts)
    other = [] if forms is None else [w for word in tokens(text) for w in forms.get(word, ())]
    return " ".join(filter(None, [normalize(text), *possessive, *split, *other]))


def metadata_path(database: Path) -> Path:
    """Where the Datasette metadata of a database file goes: ``<stem>.metadata.json`` beside it.

    >>> metadata_path(Path("out/pi.sqlite")).as_posix()
    'out/pi.metadata.json'
    """
    return database.with_name(f"{database.stem}.metadata.json")


def _create(name: str, cols: list[Column]) -> str:
    primary = PRIMARY_KEYS.get(name, "id")
    defs = ["position INTEGER NOT NULL UNIQUE"]  # document order
    for c in cols:
        col = c.name("_")
        kind = "INTEGER" if c.is_int else "TEXT"
        extra = " PRIMARY KEY" if col == primary else ""
        if name == "episodes" and col == "id":
            extra = " NOT NULL UNIQUE"
        ref = FOREIGN_KEYS.get((name, col))
        defs.append(f"{col} {kind}{extra}" + (f" REFERENCES {ref[0]}({ref[1]})" if ref else ""))
    return f"CREATE TABLE {name} (\n  " + ",\n  ".join(defs) + "\n)"


def _info_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _fill(con: sqlite3.Connection, raw: Raw, dataset: Dataset) -> None:
    con.execute("PRAGMA journal_mode = MEMORY")  # no journal file beside it: it is all or nothing anyway
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT)")
    con.executemany("INSERT INTO info VALUES (?, ?)", [(k, _info_value(v)) for k, v in raw["info"].items()])
    for spec in TABLES:
        cols, rows = columns(spec.record), raw[spec.name]
        con.execute(_create(spec.name, cols))
        marks = ", ".join("?" * (len(cols) + 1))
        con.executemany(
            f"INSERT INTO {spec.name} VALUES ({marks})",
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
    texts = {spec.name: _searched(dataset, spec) for spec in TABLES}
    # The forms of a word anywhere in the dataset (a query is one for every table).
    forms = variants(chain.from_iterable(text for fields in texts.values() for text in fields.values()))
    for spec in TABLES:
        searched = texts[spec.name]
        fields = list(searched)
        # The columns are named as the table's, so that reading them (content=) gives the text.
        con.execute(
            f'CREATE VIRTUAL TABLE {spec.name}_fts USING fts5({", ".join(fields)}, content="{spec.name}", '
            f'content_rowid="rowid", tokenize="{_TOKENIZE}")'
        )
        con.executemany(
            f"INSERT INTO {spec.name}_fts(rowid, {', '.join(fields)}) VALUES ({', '.join('?' * (len(fields) + 1))})",
            [
                [rowid] + [index_text(searched[f][position], forms) for f in fields]
                for rowid, position in con.execute(f"SELECT rowid, position FROM {spec.name}")
            ],
        )
    problems = con.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # load() checked integrity, so this is a bug here, not bad data
        raise RuntimeError(f"foreign key violations in the export: {problems[:5]}")
    con.commit()


def _searched(dataset: Dataset, spec: TableSpec) -> dict[str, Sequence[str]]:
    """The texts the Python search reads for each of a table's searchable fields that is a
    column of the table (a quotation's text, context and topics, whose ids and labels are
    searched; not the names of its people, which are no column of its: a search of
    ``<table>_fts`` reads the table's own columns, as Datasette's does)."""
    table: Table[Any] = getattr(dataset, spec.name)
    own = {c.name("_") for c in columns(spec.record)}
    return {name: table._texts(name, table._items) for name, _ in table._search_fields if name in own}


def _tables_metadata(raw: Raw) -> Iterator[tuple[str, dict[str, Any]]]:
    yield (
        "info",
        {
            "description": "What the dataset is: its versions, sources, license and how to cite it.",
            "columns": {
                "key": "The name of a field of the dataset's description.",
                "value": "Its value: text, a JSON array for a list, NULL when not known.",
            },
        },
    )
    for spec in TABLES:
        docs = {"position": _POSITION_DOC, **all_column_docs(spec.record, raw[spec.name])}
        yield spec.name, {"description": first_paragraph(spec.record), "columns": docs}
        yield f"{spec.name}_fts", {"hidden": True}
    yield (
        "critique_quotes",
        {
            "description": "Which quotations each critique rests on (a critique's quote_ids, a row each).",
            "columns": {"critique_id": "The critique.", "quote_id": "A quotation it rests on."},
        },
    )


def datasette_metadata(raw: Raw, database: str) -> dict[str, Any]:
    """Datasette's metadata for the database named ``database`` (the file's stem).

    >>> import putin_interviews
    >>> meta = datasette_metadata(putin_interviews.dataset().to_dict(), "pi")
    >>> meta["databases"]["pi"]["tables"]["quotes"]["columns"]["span_start"][:61]
    'Where text is printed in the article (its first occurrence). '
    """
    info = raw["info"]
    meta: dict[str, Any] = {
        "title": info["title"],
        "description": info["description"],
        "license": info["license"],
        "source": "; ".join(info["sources"]),
    }
    if info.get("url"):
        meta["source_url"] = info["url"]
    meta["databases"] = {database: {"title": info["title"], "tables": dict(_tables_metadata(raw))}}
    return meta


def export_sqlite(raw: Raw, path: Path, dataset: Dataset) -> list[Path]:
    """Write the database to ``path`` and its Datasette metadata beside it; each file is
    written atomically. Return both paths. ``dataset`` is ``raw`` loaded: the full-text
    index holds what its search reads."""
    meta = metadata_path(path)

    def write(tmp: Path) -> None:
        con = sqlite3.connect(tmp)  # the empty temporary file is an empty database
        try:
            _fill(con, raw, dataset)
        except sqlite3.Error as exc:  # not an OSError: made one, so callers see a write error naming the target
            code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
            full = (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in str(exc)
            raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None
        finally:
            con.close()

    write_atomic(path, write)
    text = json.dumps(datasette_metadata(raw, path.stem), ensure_ascii=False, indent=2) + "\n"
    return [path, write_text_atomic(meta, text)]
