"""The one converter between JSON-shaped data and records, and its error formatting.

The converter is strict: unknown keys, wrong JSON types (a number where a string is
expected, a string where a list is expected, ``true`` where a number is expected) and
dates not written ``YYYY-MM-DD`` are errors, reported with JSON paths such as
``$.quotes[12].span.end``.
"""

from __future__ import annotations

import datetime
import enum
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.preconf.json import make_converter

from . import _kinds
from . import _rules as rules
from ._errors import Problem, suggest
from ._rules import Rule
from ._types import strip_optional

__all__ = ["converter", "problems_from", "structure", "unstructure"]

T = TypeVar("T")

# Every enum of the record types.
_ENUMS = tuple(
    t for t in (getattr(_kinds, name) for name in _kinds.__all__) if isinstance(t, type) and issubclass(t, enum.Enum)
)


class _StrictError(TypeError):
    """Raised by the strict hooks; its message is shown as it is."""


def _hook(*checks: Rule, convert: Callable[[Any], Any] | None = None) -> Callable[[Any, Any], Any]:
    """A structure hook that applies the structural rules ``checks`` (the same the fast
    path inlines) and raises the first one's message that fails."""

    def structure(value: Any, _: Any) -> Any:
        for rule in checks:
            if not rule.holds(value):
                raise _StrictError(rule.message(value=value))
        return value if convert is None else convert(value)

    return structure


def _is_optional(tp: Any) -> bool:
    return strip_optional(tp)[1] and len(typing.get_args(tp)) == 2


def _optional_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = strip_optional(tp)[0]
    hook = conv.get_structure_hook(inner)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    base = homogenous_tuple_structure_factory(tp, conv)
    check = _hook(rules.LIST)

    def structure_tuple(value: Any, _: Any) -> Any:
        return base(check(value, tp), tp)

    return structure_tuple


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _enum_hook(tp: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    values = {m.value: m for m in tp}

    def structure_enum(value: Any, _: Any) -> Any:
        # Only a string is a JSON enum value (an enum member is a str subclass: not one).
        if not (rules.STRING.holds(value) and rules.ENUM.holds(value, values)):
            raise _StrictError(rules.ENUM.message(value=value, values=values))
        return values[value]

    return structure_enum


def _is_table(tp: Any) -> bool:
    """A collection type (:class:`~putin_interviews.Quotes`, …): a class naming the attrs
    class of its records (``record_type``)."""
    record = getattr(tp, "record_type", None) if isinstance(tp, type) else None
    return isinstance(record, type) and attrs.has(record)


def _table_structure(table: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A collection type from a JSON list of its record objects, strictly."""
    as_tuple = conv.get_structure_hook(tuple[table.record_type, ...])
    return lambda value, _: table(as_tuple(value, tuple))


def _table_unstructure(table: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    as_dict = conv.get_unstructure_hook(table.record_type)
    return lambda rows: [as_dict(r) for r in rows]


def _make() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults singledispatch first, so these replace its lenient str(x)/int(x).
    for scalar, checks in rules.SCALAR_RULES.items():
        convert = datetime.date.fromisoformat if scalar is datetime.date else None
        conv.register_structure_hook(scalar, _hook(*checks, convert=convert))
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    # A str-valued Enum is a str subclass: register each one exactly, or the str
    # hook above would take it.
    for cls in _ENUMS:
        conv.register_structure_hook(cls, _enum_hook(cls))
        conv.register_unstructure_hook(cls, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_factory)
    conv.register_structure_hook_factory(_is_table, _table_structure)
    conv.register_unstructure_hook_factory(_is_table, _table_unstructure)
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
            close = suggest(key, known, n=1, cutoff=0.6, fold=False)  # a key: case counts, a near miss only
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{hint}")
        return "; ".join(parts)
    if isinstance(exc, KeyError):
        return "required key missing"
    name = getattr(tp, "__name__", None) or repr(tp)
    if isinstance(exc, (TypeError, AttributeError)):
        return f"invalid value, expected {name}"
    return f"invalid value for {name}: {exc}"


#: What structuring raises for bad data: the strict hooks' errors, cattrs' own (an unknown
#: or missing key, a value of the wrong shape). Anything else (a signal handler's exception,
#: say) is not a problem of the data, and is raised as it is.
DATA_ERRORS = (TypeError, ValueError, KeyError, AttributeError, ForbiddenExtraKeysError)


def _leaves(exc: BaseException) -> list[BaseException]:
    group = getattr(exc, "exceptions", None)  # cattrs' validation errors are exception groups
    if isinstance(group, (list, tuple)) and isinstance(exc, cattrs.BaseValidationError):
        return [leaf for inner in group for leaf in _leaves(inner)]
    return [exc]


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Turn a cattrs structuring error into problems with JSON paths; an exception that is
    not about the data is raised instead."""
    for leaf in _leaves(exc):
        if not isinstance(leaf, DATA_ERRORS):
            raise leaf
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
