"""Croissant 1.1 metadata (JSON-LD) of the dataset file: what it is, its license, how to cite
it, the responsible-AI notes, and a ``RecordSet`` per table whose fields read the JSON file.

The shipped copy, ``data/croissant.json``, describes the bundled ``putin_interviews.json``
beside it; a test checks that it equals :func:`croissant_text` of the bundled data. Write it
anew with ``putin-interviews export --format croissant DIR`` (which writes the dataset file and
its ``croissant.json`` together) and copy ``DIR/croissant.json`` to ``data/``.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from ._export_datapackage import LICENSES
from ._fielddocs import column_doc, first_paragraph, inferred_fields
from ._flat import columns
from ._tables import TABLES

__all__ = ["CROISSANT_FILE", "DATA_FILE", "croissant", "croissant_text"]

CROISSANT_FILE = "croissant.json"
DATA_FILE = "putin_interviews.json"
_PACKAGE_PAGE = "https://pypi.org/project/putin-interviews/"
#: The JSON-LD context of Croissant 1.1, as its specification gives it.
_CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "equivalentProperty": "cr:equivalentProperty",
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
# Responsible-AI notes, in our words (SOURCES.md and the dataset card give the facts).
_COLLECTION = (
    "Curated by hand from three English-language press articles about Oliver Stone's documentary The Putin "
    "Interviews, published (by inference from their texts; the exact dates are not known) around the June "
    "2017 broadcast: two LifeZette reviews (of Parts 1 and 3) and a Deadline report on Stone's appearance on "
    "The Late Show with Stephen Colbert. Every quotation is recorded verbatim with its character offsets in "
    "the article's text, and checked against the source files by the test suite; summaries and notes are "
    "written afresh; facts from outside the articles are limited to a confirmed list, each with its basis "
    "recorded; inferences are marked as such, in each record's inferred list. The articles' text is not "
    "distributed, and the quotations' own words remain their publishers' and speakers'."
)
_BIASES = (
    "Two of the three articles come from one outlet, LifeZette, whose reviews write from an evident political "
    "stance (both speak of 'the Left' as the other side), so its framing of the documentary and of its critics "
    "weighs twice; the third is a Deadline report on Stone's talk-show appearance. Which judgements count as "
    "critiques, and their stance, are curators' readings."
)
_LIMITATIONS = (
    "Three articles are not a sample of the documentary's reception: the data supports no claim about how the "
    "series was received, nor about the documentary beyond what these articles say. No article's author is "
    "known, nor any exact publication date; two of the three headlines are unknown; no article reviews Part 2 "
    "(which part the clip shown on the Late Show comes from is not known). Values that are inferences rather "
    "than the articles' statements (a quotation's part, addressee or speaker, a critique's stance or target) "
    "are listed in each record's inferred field, which only the JSON file holds."
)


def _data_type(leaf: Any) -> str:
    if leaf is int:
        return "sc:Integer"
    if leaf is bool:
        return "sc:Boolean"
    if leaf is datetime.date:
        return "sc:Date"
    return "sc:Text"  # text, ids, enumerations


def _record_sets(raw: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for spec in TABLES:
        inferred = inferred_fields(raw[spec.name])
        fields = []
        for c in columns(spec.record):
            if c.shape != "scalar" or len(c.path) != 1:
                continue  # nested records and lists: in the JSON file, not as fields here
            name = c.name("_")
            leaf = c.leaf
            description = column_doc(spec.record, c, inferred)
            if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
                description += " One of: " + ", ".join(m.value for m in leaf) + "."
            fields.append(
                {
                    "@type": "cr:Field",
                    "@id": f"{spec.name}/{name}",
                    "name": name,
                    "description": description,
                    "dataType": _data_type(leaf),
                    "source": {
                        "fileObject": {"@id": f"{spec.name}-file"},
                        "extract": {"jsonPath": f"$.{spec.name}[*].{name}"},
                    },
                }
            )
        yield {
            "@type": "cr:RecordSet",
            "@id": spec.name,
            "name": spec.name,
            "description": first_paragraph(spec.record),
            "field": fields,
        }


def croissant(raw: dict[str, Any], data_text: str) -> dict[str, Any]:
    """The Croissant metadata of a dataset whose file (``putin_interviews.json``) holds ``data_text``.

    >>> import putin_interviews
    >>> ds = putin_interviews.dataset()
    >>> meta = croissant(ds.to_dict(), ds.to_json())
    >>> meta["conformsTo"], [r["name"] for r in meta["recordSet"]][:2]
    ('http://mlcommons.org/croissant/1.1', ['people', 'topics'])
    """
    info = raw["info"]
    digest = hashlib.sha256(data_text.encode("utf-8")).hexdigest()
    # One FileObject per RecordSet, all the same file: mlcroissant 1.1 cannot read several
    # RecordSets from one JSON FileObject.
    files = [
        {
            "@type": "cr:FileObject",
            "@id": f"{spec.name}-file",
            "name": f"{spec.name}-file",
            "description": f"The dataset file, read for its {spec.name}.",
            "contentUrl": DATA_FILE,
            "encodingFormat": "application/json",
            "sha256": digest,
        }
        for spec in TABLES
    ]
    return {
        "@context": _CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": "putin-interviews",
        "alternateName": info["title"],
        "description": info["description"],
        "license": [url for _, url, _ in LICENSES],
        "url": info["url"] or _PACKAGE_PAGE,
        "creator": [{"@type": "sc:Organization", "name": author} for author in info["authors"]],
        "datePublished": str(info["year"]),
        "version": info["dataset_version"],
        "citeAs": info["citation"],
        "keywords": ["The Putin Interviews", "quotations", "press coverage", "media studies"],
        "isAccessibleForFree": True,
        "rai:dataCollection": _COLLECTION,
        "rai:dataBiases": _BIASES,
        "rai:dataLimitations": _LIMITATIONS,
        "distribution": files,
        "recordSet": list(_record_sets(raw)),
    }


def croissant_text(raw: dict[str, Any], data_text: str) -> str:
    """The text of ``croissant.json`` for a dataset whose file holds ``data_text`` (its
    canonical JSON)."""
    return json.dumps(croissant(raw, data_text), ensure_ascii=False, indent=2) + "\n"
