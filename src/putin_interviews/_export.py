"""Exports of a Dataset: json, jsonl, csv, sqlite (:mod:`._export_sqlite`), datapackage
(:mod:`._export_datapackage`), annotations (:mod:`._export_annotations`) and croissant
(:mod:`._croissant`).

Flat formats (csv, sqlite, datapackage) take their columns from the record types themselves,
as :mod:`._flat` describes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._croissant import CROISSANT_FILE, DATA_FILE, croissant_text
from ._errors import ChoiceError, suggest
from ._export_annotations import annotation_collection
from ._export_datapackage import FILES as DATAPACKAGE_FILES
from ._export_datapackage import datapackage_files
from ._export_sqlite import export_sqlite
from ._fileio import is_stdout, write_directory_atomic, write_text_atomic
from ._flat import Column, columns, csv_text
from ._limits import EXPORT_FORMATS
from ._tables import TABLES

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["FORMATS", "canonical_json", "export"]

#: The export formats, and whether each writes one file or a directory of files.
FORMATS = EXPORT_FORMATS

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
    "datapackage": DATAPACKAGE_FILES,
    "croissant": (DATA_FILE, CROISSANT_FILE),
}


def _jsonl_files(raw: Raw) -> Iterator[tuple[str, str]]:
    yield "info.json", json.dumps(raw["info"], ensure_ascii=False, indent=2) + "\n"
    for name, _, rows in _rows(raw):
        yield f"{name}.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _csv_files(raw: Raw) -> Iterator[tuple[str, str]]:
    for spec in TABLES:
        yield f"{spec.name}.csv", csv_text(spec.record, raw[spec.name])


def _croissant_files(raw: Raw) -> Iterator[tuple[str, str]]:
    data = canonical_json(raw)
    yield DATA_FILE, data
    yield CROISSANT_FILE, croissant_text(raw, data)


def export(
    raw: Raw,
    path: str | os.PathLike[str],
    format: str,
    sources: str | os.PathLike[str] | None = None,
    dataset: Dataset | None = None,
) -> list[Path]:
    """Write a dataset's JSON-shaped data (``Dataset.to_dict()``, checked) to ``path`` in
    ``format``; return the files written (``[Path("-")]`` for standard output). See
    :meth:`Dataset.export` for what may be at ``path``. ``dataset`` is the Dataset ``raw``
    came from, which the sqlite export needs (its full-text index holds what the search reads).

    >>> import tempfile, putin_interviews
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(putin_interviews.dataset().to_dict(), Path(tmp) / "csv", "csv")][:2]
    ['people.csv', 'topics.csv']
    """
    if not isinstance(format, str) or format not in FORMATS:
        raise ChoiceError("export format", format, suggest(str(format), FORMATS) or tuple(FORMATS))
    if sources is not None and format != "annotations":
        raise ValueError(f"sources is for the annotations export, not {format}")
    target = Path(path)
    if format == "json":
        return [write_text_atomic(target, canonical_json(raw))]
    if format == "sqlite":
        if is_stdout(path):
            raise ValueError("sqlite writes a database file, which cannot go to standard output (-); give a file name")
        if dataset is None:
            raise TypeError("the sqlite export needs the Dataset of raw, for what its search reads")
        return export_sqlite(raw, target, dataset)
    if format == "annotations":
        return [write_text_atomic(target, canonical_json(annotation_collection(raw, sources)))]
    writers = {
        "jsonl": _jsonl_files,
        "csv": _csv_files,
        "datapackage": datapackage_files,
        "croissant": _croissant_files,
    }
    files = writers[format](raw)
    return write_directory_atomic(target, files, frozenset(_FILES[format]), format)
