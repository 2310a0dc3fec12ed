"""The one converter between JSON-shaped data and records, and its error formatting.

The converter is strict: unknown keys, wrong JSON types (a number where a string is
expected, a string where a list is expected, ``true`` where a number is expected) and
dates not written ``YYYY-MM-DD`` are errors, reported with JSON paths such as
``$.quotes[12].span.end``.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import json
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.preconf.json import make_converter

from ._errors import Problem
from ._models import ArticleKind, CriticKind, PersonKind, QuoteKind, Stance, TargetKind, Venue

__all__ = ["converter", "structure", "unstructure"]

T = TypeVar("T")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_JSON_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    float: "a number",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


_ENUMS = (ArticleKind, CriticKind, PersonKind, QuoteKind, Stance, TargetKind, Venue)


class _StrictError(TypeError):
    """Raised by the strict hooks; its message is shown as it is."""


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _brief(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


def _expect(expected: type, value: object) -> _StrictError:
    return _StrictError(f"expected {_JSON_TYPE_NAMES[expected]}, got {_json_type(value)} {_brief(value)}")


#: The longest string value a dataset may hold (characters); see MAX_TEXT_LENGTH.
MAX_STRING = 100_000
#: The longest id a dataset may hold (characters).
MAX_ID_LENGTH = 200


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expect(str, value)
    if len(value) > MAX_STRING:
        raise _StrictError(f"a string of {len(value)} characters: the limit is {MAX_STRING}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _expect(int, value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expect(bool, value)
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str:
        raise _StrictError(f"expected a date string YYYY-MM-DD, got {_json_type(value)} {_brief(value)}")
    try:
        if not _DATE.fullmatch(value):
            raise ValueError("not in the form YYYY-MM-DD")
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise _StrictError(f"invalid date {_brief(value)}: {exc}") from None


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = next(a for a in typing.get_args(tp) if a is not type(None))
    hook = conv.get_structure_hook(inner)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    base = homogenous_tuple_structure_factory(tp, conv)

    def structure_tuple(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise _expect(list, value)
        return base(value, tp)

    return structure_tuple


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _enum_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    choices = ", ".join(repr(m.value) for m in tp)

    def structure_enum(value: Any, _: Any) -> Any:
        if type(value) is not str:
            raise _StrictError(f"expected one of {choices}, got {_json_type(value)} {_brief(value)}")
        try:
            return tp(value)
        except ValueError:
            raise _StrictError(f"expected one of {choices}, got {_brief(value)}") from None

    return structure_enum


def _make() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults singledispatch first, so these replace its lenient str(x)/int(x).
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    # A str-valued Enum is a str subclass: register each one exactly, or the str
    # hook above would take it.
    for cls in _ENUMS:
        conv.register_structure_hook(cls, _enum_factory(cls, conv))
        conv.register_unstructure_hook(cls, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_factory)
    return conv


#: The package's private converter. Not public: use :func:`putin_interviews.load`.
converter = _make()


def _format(exc: BaseException, tp: type | None) -> str:
    if isinstance(exc, _StrictError):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        parts = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{hint}")
        return "; ".join(parts)
    if isinstance(exc, KeyError):
        return "required key missing"
    name = getattr(tp, "__name__", None) or repr(tp)
    if isinstance(exc, (TypeError, AttributeError)):
        return f"invalid value, expected {name}"
    return f"invalid value for {name}: {exc}"


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Turn a cattrs structuring error into problems with JSON paths."""
    out = []
    for line in cattrs.transform_error(exc, path=path, format_exception=_format):
        message, _, where = line.rpartition(" @ ")
        out.append(Problem(where or path, message or line))
    return out


def structure(data: Any, cls: type[T]) -> T:
    """Structure JSON-shaped ``data`` into ``cls`` with the strict converter."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Unstructure a record into JSON-shaped data (dicts, lists, str, int, None)."""
    return converter.unstructure(obj)


def field_names(cls: type) -> list[str]:
    """The JSON keys of a record type, in the schema's order."""
    return [a.name for a in attrs.fields(cls)]


def register_table(table: type[Any], record: type[Any]) -> None:
    """Teach the converter a collection type: a JSON list of ``record`` objects, strictly."""
    as_tuple = converter.get_structure_hook(tuple[record, ...])  # type: ignore[valid-type]
    as_dict = converter.get_unstructure_hook(record)
    converter.register_structure_hook(table, lambda value, _: table(as_tuple(value, tuple)))
    converter.register_unstructure_hook(table, lambda rows: [as_dict(r) for r in rows])
