"""The datapackage export: the csv tables and ``datapackage.json``, a Frictionless Data
Package (v2) describing them: field types, enumerations as ``categories``, lists as ``list``
fields, primary and foreign keys (those of the sqlite export), descriptions from the record
types' docs (:mod:`._fielddocs`), licenses and sources.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Iterator
from typing import Any

from ._export_sqlite import FOREIGN_KEYS, PRIMARY_KEYS
from ._fielddocs import column_doc, first_paragraph, inferred_fields
from ._flat import Column, columns, csv_text
from ._tables import TABLES

__all__ = ["DESCRIPTOR", "LICENSES", "datapackage_descriptor", "datapackage_files"]

#: The name of the descriptor file.
DESCRIPTOR = "datapackage.json"
#: The licenses of the data, as ``info.license`` words them: (SPDX id, URL, what it covers).
LICENSES = (
    ("MIT", "https://opensource.org/license/mit", "the code and the curation"),
    ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "the summaries and context notes"),
)
_PROFILE = "https://datapackage.org/profiles/2.0/"
_LIST_ESCAPES = ("|", "\\")

Raw = dict[str, Any]


def _type(column: Column, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The Table Schema type (and its options) of a column's csv cells."""
    if column.shape == "records":
        return {"type": "array"}  # a JSON array in the cell
    leaf = column.leaf
    if column.shape == "list":
        items = [item for r in rows for item in (column.value(r) or ())]
        if any(mark in str(item) for item in items for mark in _LIST_ESCAPES):
            return {"type": "string"}  # escaped in the cell, which a list field cannot say
        return {"type": "list", "delimiter": "|", "itemType": "integer" if leaf is int else "string"}
    if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
        return {"type": "string", "categories": [m.value for m in leaf]}
    if leaf is bool:
        return {"type": "boolean"}
    if leaf is int:
        return {"type": "integer"}
    if leaf is datetime.date:
        return {"type": "date"}
    return {"type": "string"}


def _resource(name: str, record: type, rows: list[dict[str, Any]]) -> dict[str, Any]:
    cols = columns(record)
    inferred = inferred_fields(rows)
    fields = [{"name": c.name("_"), **_type(c, rows), "description": column_doc(record, c, inferred)} for c in cols]
    schema: dict[str, Any] = {
        "$schema": f"{_PROFILE}tableschema.json",
        "fields": fields,
        "missingValues": [""],
        "primaryKey": [PRIMARY_KEYS.get(name, "id")],
    }
    keys = [
        {"fields": [column], "reference": {"resource": target, "fields": [field]}}
        for (table, column), (target, field) in FOREIGN_KEYS.items()
        if table == name
    ]
    if keys:
        schema["foreignKeys"] = keys
    return {
        "$schema": f"{_PROFILE}dataresource.json",
        "name": name,
        "type": "table",
        "path": f"{name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": first_paragraph(record),
        "schema": schema,
    }


def datapackage_descriptor(raw: Raw) -> dict[str, Any]:
    """The ``datapackage.json`` of a dataset's csv tables.

    >>> import putin_interviews
    >>> d = datapackage_descriptor(putin_interviews.dataset().to_dict())
    >>> d["resources"][4]["schema"]["foreignKeys"][0]
    {'fields': ['speaker_id'], 'reference': {'resource': 'people', 'fields': ['id']}}
    """
    info = raw["info"]
    urls = {f"{a['id']}:": a["url"] for a in raw["articles"] if a["url"]}
    sources: list[dict[str, str]] = []
    for line in info["sources"]:  # "<article id>: outlet, headline; source file …"
        url = next((u for prefix, u in urls.items() if line.startswith(prefix)), None)
        sources.append({"title": line, "path": url} if url else {"title": line})
    return {
        "$schema": f"{_PROFILE}datapackage.json",
        "name": "putin-interviews",
        "title": info["title"],
        "description": info["description"],
        "version": info["dataset_version"],
        "licenses": [{"name": spdx, "path": url, "title": f"{spdx}: {what}"} for spdx, url, what in LICENSES],
        "sources": sources,
        "contributors": [{"title": author, "roles": ["creator"]} for author in info["authors"]],
        "keywords": ["The Putin Interviews", "quotations", "press", "media studies"],
        "resources": [_resource(spec.name, spec.record, raw[spec.name]) for spec in TABLES],
    }


#: The files the export writes, in order.
FILES = (*(f"{spec.name}.csv" for spec in TABLES), DESCRIPTOR)


def datapackage_files(raw: Raw) -> Iterator[tuple[str, str]]:
    """(name, text) of each file of the export."""
    for spec in TABLES:
        yield f"{spec.name}.csv", csv_text(spec.record, raw[spec.name])
    yield DESCRIPTOR, json.dumps(datapackage_descriptor(raw), ensure_ascii=False, indent=2) + "\n"
