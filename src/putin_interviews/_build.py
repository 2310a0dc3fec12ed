"""Generated record builders for rows already checked (by :mod:`._codegen`'s checkers, or
rows of the bundled file, proven sound by the tests): construction only.

:func:`builder` builds the record of a checked row and checks nothing again. Repeated
strings of reference fields are interned through one table per load, so a million quotations
share a few thousand id strings. This module imports no rule or checker, so that the first
use of the bundled dataset pays for construction only.
"""

from __future__ import annotations

import datetime
import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._once import once_in
from ._source import compile_source
from ._types import fields_of as _fields
from ._types import strip_optional

__all__ = ["Make", "builder"]

# Fields whose values repeat across records: interned.
_SHARED = {
    "speaker_id", "addressee_id", "article_id", "reported_by_id", "subject_ids", "topics", "critic_id",
    "target_id", "quote_ids", "director", "outlet", "section", "network", "series", "inferred", "field",
}  # fmt: skip

#: ``make(row, intern)``: the record of a checked row.
Make = Callable[[Any, Callable[[str, str], str]], Any]


class _BuildWriter:
    """Construction only, for rows already checked."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.made: dict[type, str] = {}
        self.sources: list[str] = []

    def value(self, tp: Any, var: str, field: str, lines: list[str], indent: str) -> None:
        """Append code that rebinds ``var`` (a checked JSON value) to the record value."""
        inner, optional = strip_optional(tp)
        if optional:
            body: list[str] = []
            self.value(inner, var, field, body, indent + "    ")
            if body:
                lines.append(f"{indent}if {var} is not None:")
                lines.extend(body)
            return
        shared = field in _SHARED
        if inner is str:
            if shared:
                lines.append(f"{indent}{var} = intern({var}, {var})")
        elif inner is datetime.date:
            lines.append(f"{indent}{var} = from_iso({var})")
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            table = f"enum_{inner.__name__}"
            self.namespace[table] = {m.value: m for m in inner}
            lines.append(f"{indent}{var} = {table}[{var}]")
        elif attrs.has(inner):
            lines.append(f"{indent}{var} = {self.record(inner)}({var}, intern)")
        elif typing.get_origin(inner) is tuple:
            element = typing.get_args(inner)[0]
            if attrs.has(element):
                make = self.record(element)
                lines.append(f"{indent}{var} = tuple([{make}(x, intern) for x in {var}]) if {var} else ()")
            elif element is str and shared:
                # map() and tuple() run in C; a comprehension would cost a frame per list.
                lines.append(f"{indent}{var} = tuple(map(intern, {var}, {var})) if {var} else ()")
            else:
                lines.append(f"{indent}{var} = tuple({var})")
        elif inner not in (int, bool):  # pragma: no cover - a new field type
            raise TypeError(f"no fast path for {inner!r}")

    def record(self, cls: type) -> str:
        if cls in self.made:
            return self.made[cls]
        name = f"make_{cls.__name__}"
        self.made[cls] = name
        fields = _fields(cls)
        lines = [f"def {name}(d, intern):"]
        for i, (field, tp) in enumerate(fields):
            lines.append(f"    v{i} = d[{field!r}]")
            self.value(tp, f"v{i}", field, lines, "    ")
        # Set the slots directly: what the attrs __init__ of these classes (no validators, no
        # converters, no defaults) does, at a third less cost.
        lines.append(f"    o = new({cls.__name__})")
        for i, (field, _) in enumerate(fields):
            setter = f"set_{cls.__name__}_{i}"
            self.namespace[setter] = cls.__dict__[field].__set__
            lines.append(f"    {setter}(o, v{i})")
        lines.append("    return o")
        self.namespace[cls.__name__] = cls
        self.sources.append("\n".join(lines))
        return name


def _new_builder(cls: type) -> Make:
    namespace: dict[str, Any] = {"new": object.__new__, "from_iso": datetime.date.fromisoformat}
    writer = _BuildWriter(namespace)
    name = writer.record(cls)
    compile_source("\n\n".join(writer.sources), f"build {cls.__name__} records", namespace)
    make: Make = namespace[name]
    return make


_builders: dict[type, Make] = {}


def builder(cls: type) -> Make:
    """The generated builder of ``cls`` records from checked rows: ``make(row, intern)``,
    where ``intern`` is the ``setdefault`` of a per-load table of shared strings."""
    return once_in(_builders, cls, lambda: _new_builder(cls))
