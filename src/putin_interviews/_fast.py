"""The loader's happy path: generated, straight-line structuring of valid data.

For each record type a function is generated (once, on first use) that checks every value's
JSON type, key set, string length and enum value in plain code, and builds the record. It
raises on anything unexpected without saying what; the caller then runs the detailed,
slow path (the cattrs converter with detailed validation) only to report the problems. So a
valid file pays for no error bookkeeping, and an invalid one gets the same messages as ever.

For the two big tables, whose rows ``_rowcheck`` has already checked completely, a second
variant only builds (:func:`builder`): no check is made twice.

Repeated strings of reference fields (speaker ids, article ids, topics, …) are interned
through one table per load, so a million quotations share a few thousand id strings.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._convert import MAX_STRING

__all__ = ["Unexpected", "builder", "structurer"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Fields whose values repeat across records: interned.
_SHARED = {
    "speaker_id", "addressee_id", "article_id", "reported_by_id", "subject_ids", "topics", "critic_id",
    "target_id", "quote_ids", "director", "outlet", "section", "network", "series", "inferred", "field",
}  # fmt: skip


class Unexpected(Exception):
    """Anything the happy path does not expect: report with the detailed path."""


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        return next(a for a in args if a is not type(None)), True
    return tp, False


class _Generator:
    def __init__(self, *, check: bool) -> None:
        #: False: construction only, for rows already checked (by ``_rowcheck``).
        self.check = check
        self.namespace: dict[str, Any] = {
            "MAX": MAX_STRING,
            "Unexpected": Unexpected,
            "str": str,
            "int": int,
            "list": list,
            "dict": dict,
            "tuple": tuple,
            "map": map,
            "len": len,
            "type": type,
            "new": object.__new__,
        }
        self.made: dict[type, str] = {}
        self.counter = 0

    def _name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def value(self, tp: Any, var: str, field: str, lines: list[str], indent: str) -> None:
        """Append code that checks ``var`` (a JSON value) and rebinds it to the record value."""
        inner, optional = _strip_optional(tp)
        if optional:
            body: list[str] = []
            self.value(inner, var, field, body, indent + "    ")
            if body:  # nothing to do for an unchecked int
                lines.append(f"{indent}if {var} is not None:")
                lines.extend(body)
            return
        shared = field in _SHARED
        check = self.check
        if inner is str:
            if check:
                lines.append(f"{indent}if type({var}) is not str or len({var}) > MAX: raise Unexpected")
            if shared:
                lines.append(f"{indent}{var} = intern({var}, {var})")
        elif inner is int:
            if check:
                lines.append(f"{indent}if type({var}) is not int: raise Unexpected")
        elif inner is datetime.date:
            lines.append(f"{indent}{var} = as_date({var})" if check else f"{indent}{var} = from_iso({var})")
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            table = self._name("enum")
            self.namespace[table] = {m.value: m for m in inner}
            lines.append(f"{indent}{var} = {table}[{var}]")  # KeyError, or TypeError if unhashable
        elif attrs.has(inner):
            lines.append(f"{indent}{var} = {self.record(inner)}({var}, intern, tally)")
        elif typing.get_origin(inner) is tuple:
            element = typing.get_args(inner)[0]
            if check:
                lines.append(f"{indent}if type({var}) is not list: raise Unexpected")
            if element is str:
                # map() and tuple() run in C; a comprehension would cost a frame per list.
                if check:
                    lines.append(f"{indent}for item in {var}:")
                    lines.append(f"{indent}    if type(item) is not str or len(item) > MAX: raise Unexpected")
                made = f"tuple(map(intern, {var}, {var})) if {var} else ()" if shared else f"tuple({var})"
                lines.append(f"{indent}{var} = {made}")
            elif element is int:
                if check:
                    lines.append(f"{indent}for item in {var}:")
                    lines.append(f"{indent}    if type(item) is not int: raise Unexpected")
                lines.append(f"{indent}{var} = tuple({var})")
            elif attrs.has(element):
                make = self.record(element)
                lines.append(f"{indent}{var} = tuple([{make}(x, intern, tally) for x in {var}]) if {var} else ()")
            else:  # pragma: no cover - a new field type
                raise TypeError(f"no fast path for {inner!r}")
        else:  # pragma: no cover - a new field type
            raise TypeError(f"no fast path for {inner!r}")

    def record(self, cls: type) -> str:
        if cls in self.made:
            return self.made[cls]
        name = self._name(f"make_{cls.__name__}")
        self.made[cls] = name
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        lines = [f"def {name}(d, intern, tally):"]
        if self.check:
            lines.append(f"    if type(d) is not dict or len(d) != {len(fields)}: raise Unexpected")
            lines.append(f"    tally[0] += {len(fields)}")
        for i, field in enumerate(fields):
            var = f"v{i}"
            lines.append(f"    {var} = d[{field.name!r}]")
            self.value(hints[field.name], var, field.name, lines, "    ")
        # Set the slots directly: what the attrs __init__ of these classes (no validators, no
        # converters, no defaults) does, at a third less cost.
        lines.append(f"    o = new({cls.__name__})")
        for i, field in enumerate(fields):
            setter = f"set_{cls.__name__}_{i}"
            self.namespace[setter] = cls.__dict__[field.name].__set__
            lines.append(f"    {setter}(o, v{i})")
        lines.append("    return o")
        self.namespace[cls.__name__] = cls
        exec("\n".join(lines), self.namespace)
        return name


def _as_date(value: object) -> datetime.date:
    if type(value) is not str or not _DATE.fullmatch(value):
        raise Unexpected
    return datetime.date.fromisoformat(value)


Make = Callable[[Any, Callable[[str, str], str], list[int]], Any]
_generated: dict[tuple[type, bool], Make] = {}


def structurer(cls: type) -> Make:
    """The fast structuring function for ``cls``: ``make(json_value, intern, tally)``, where
    ``intern`` is the ``setdefault`` of a per-load table of shared strings and ``tally[0]``
    counts the object keys consumed (to prove no key was given twice)."""
    return _make(cls, check=True)


def builder(cls: type) -> Make:
    """Like :func:`structurer`, for rows already checked completely (``_rowcheck``): it
    builds the record and checks nothing (``tally`` is left alone)."""
    return _make(cls, check=False)


def _make(cls: type, *, check: bool) -> Make:
    key = (cls, check)
    if key not in _generated:
        gen = _Generator(check=check)
        gen.namespace["as_date"] = _as_date
        gen.namespace["from_iso"] = datetime.date.fromisoformat
        name = gen.record(cls)
        _generated[key] = gen.namespace[name]
    return _generated[key]
