"""The JSON Schema (draft 2020-12) of the dataset file, derived from the record types.

The shipped copy, ``data/putin_interviews.schema.json``, is what :func:`json_schema`
returns; a test checks that it equals :func:`build_schema`, so the two cannot drift. Write it
anew with ``python -m putin_interviews._schema``.
"""

from __future__ import annotations

import datetime
import enum
import json
import typing
from importlib import resources
from typing import Any

import attrs

from ._applied import QuotesOfArticle
from ._integrity import RULES
from ._limits import EPISODE_NUMBERS, INTEGER_RANGE, MAX_ID_LENGTH, MAX_STRING, SCHEMA_VERSION
from ._models import DatasetInfo
from ._public import public
from ._tables import TABLES
from ._types import strip_optional

__all__ = ["SCHEMA_FILE", "build_schema", "json_schema"]

SCHEMA_FILE = "putin_interviews.schema.json"
# Fields that hold a part number (EPISODE_NUMBERS).
_PART_NUMBER_FIELDS = {
    ("Episode", "number"),
    ("Quote", "episode"),
    ("Critique", "episode"),
    ("Article", "episode_numbers"),
}


def _first_line(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return doc.split("\n\n")[0].replace("\n", " ").strip()


# Lists whose items the integrity rules allow once each.
_LISTED_ONCE = {
    (cls.__name__, applied.field)
    for cls, rules in RULES.items()
    for applied in rules
    if isinstance(applied, QuotesOfArticle)
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of_type(self, tp: Any, owner: str, field: str) -> dict[str, Any]:
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        inner, optional = strip_optional(tp)
        if optional:
            return {"anyOf": [self.of_type(inner, owner, field), {"type": "null"}]}
        if origin is tuple:
            array = {"type": "array", "items": self.of_type(args[0], owner, field)}
            return {**array, "uniqueItems": True} if (owner, field) in _LISTED_ONCE else array
        if tp is str:
            if field == "id":
                return {"type": "string", "minLength": 1, "maxLength": MAX_ID_LENGTH}
            return {"type": "string", "maxLength": MAX_STRING}
        if tp is int:
            if (owner, field) in _PART_NUMBER_FIELDS:
                return {"type": "integer", "minimum": EPISODE_NUMBERS[0], "maximum": EPISODE_NUMBERS[-1]}
            if (owner, field) == ("DatasetInfo", "schema_version"):
                return {"const": SCHEMA_VERSION}
            return {"type": "integer", "minimum": INTEGER_RANGE[0], "maximum": INTEGER_RANGE[-1]}
        if tp is datetime.date:
            return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if attrs.has(tp):
            return {"$ref": f"#/$defs/{self.record(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def record(self, cls: type) -> str:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: breaks cycles
            hints = typing.get_type_hints(cls)
            fields = attrs.fields(cls)
            self.defs[name] = {
                "type": "object",
                "description": _first_line(cls),
                "properties": {f.name: self.of_type(hints[f.name], name, f.name) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return name


def build_schema() -> dict[str, Any]:
    """The schema, built from the record types."""
    builder = _Builder()
    properties: dict[str, Any] = {"info": {"$ref": f"#/$defs/{builder.record(DatasetInfo)}"}}
    for spec in TABLES:
        properties[spec.name] = {"type": "array", "items": {"$ref": f"#/$defs/{builder.record(spec.record)}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"putin-interviews dataset, schema version {SCHEMA_VERSION}",
        "description": (
            "The dataset file of the putin-interviews package. Every key is required; unknown keys are "
            "errors; null means not known. Referential integrity (ids unique, references existing, spans "
            "inside the text) is checked by the loader, not by this schema."
        ),
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


@public
def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dataset file, as shipped with the package.

    >>> import putin_interviews
    >>> schema = putin_interviews.json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Quote"]["properties"]["kind"]
    {'enum': ['full', 'partial', 'fragment']}
    """
    text = resources.files("putin_interviews.data").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text() -> str:
    """The canonical text of the schema file."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintenance command
    from pathlib import Path

    target = Path(__file__).parent / "data" / SCHEMA_FILE
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
