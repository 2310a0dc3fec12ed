"""The source of the record builders: for rows already checked (by :mod:`._codegen`'s checkers,
or rows of the bundled file, proven sound by the tests), construction only.

A builder, ``make_X(row, intern)``, makes the record of a checked row and checks nothing again.
Repeated strings of reference fields are interned through one table per load (``intern``), so a
million quotations share a few thousand id strings. The builders are written here once, ahead of
time, into :mod:`._premade` (by :mod:`._premake`), and made ready by :mod:`._made`;
:func:`compiled` compiles them at run time only for a record type changed since (which
tests/test_made.py reports). This module imports no rule or checker.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._date import date
from ._made import made_builders
from ._source import compile_source
from ._types import fields_of as _fields
from ._types import strip_optional

__all__ = ["PRELUDE", "BuildWriter", "Make", "compiled"]

# Fields whose values repeat across records: interned.
_SHARED = {
    "speaker_id", "addressee_id", "article_id", "reported_by_id", "subject_ids", "topics", "critic_id",
    "target_id", "quote_ids", "director", "outlet", "section", "network", "series", "inferred", "field",
}  # fmt: skip

#: ``make(row, intern)``: the record of a checked row.
Make = Callable[[Any, Callable[[str, str], str]], Any]

#: What every builder reads besides its factory's arguments.
PRELUDE = "new = object.__new__\nfrom_iso = date.fromisoformat"


class BuildWriter:
    """Writes, for a record class (and each class of the records it holds, first), a factory
    ``for_X(X, setters, make_Y, ...)`` that returns the builder ``make_X``, given the class,
    its slots' setters in field order, and the builders of the records it holds."""

    def __init__(self) -> None:
        #: The classes written, the records they hold first.
        self.order: list[type] = []
        #: Each factory's source, in that order.
        self.sources: list[str] = []
        #: The classes of the records each class holds.
        self.held: dict[str, tuple[str, ...]] = {}
        #: The enums read: the name of the table of each (value → member).
        self.enums: dict[str, type[enum.Enum]] = {}

    def value(self, tp: Any, var: str, field: str, lines: list[str], indent: str, held: list[str]) -> None:
        """Append code that rebinds ``var`` (a checked JSON value) to the record value."""
        inner, optional = strip_optional(tp)
        if optional:
            body: list[str] = []
            self.value(inner, var, field, body, indent + "    ", held)
            if body:
                lines.append(f"{indent}if {var} is not None:")
                lines.extend(body)
            return
        shared = field in _SHARED
        if inner is str:
            if shared:
                lines.append(f"{indent}{var} = intern({var}, {var})")
        elif inner is date:
            lines.append(f"{indent}{var} = from_iso({var})")
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            table = f"enum_{inner.__name__}"
            self.enums[table] = inner
            lines.append(f"{indent}{var} = {table}[{var}]")
        elif attrs.has(inner):
            lines.append(f"{indent}{var} = {self._held(inner, held)}({var}, intern)")
        elif typing.get_origin(inner) is tuple:
            element = typing.get_args(inner)[0]
            if attrs.has(element):
                make = self._held(element, held)
                lines.append(f"{indent}{var} = tuple([{make}(x, intern) for x in {var}]) if {var} else ()")
            elif element is str and shared:
                # map() and tuple() run in C; a comprehension would cost a frame per list.
                lines.append(f"{indent}{var} = tuple(map(intern, {var}, {var})) if {var} else ()")
            else:
                lines.append(f"{indent}{var} = tuple({var})")
        elif inner not in (int, bool):  # pragma: no cover - a new field type
            raise TypeError(f"no fast path for {inner!r}")

    def _held(self, cls: type, held: list[str]) -> str:
        self.record(cls)
        if cls.__name__ not in held:
            held.append(cls.__name__)
        return f"make_{cls.__name__}"

    def record(self, cls: type) -> None:
        """Write the factory of ``cls``'s builder, unless it is written."""
        name = cls.__name__
        if name in self.held:
            if cls not in self.order:  # pragma: no cover - no record type holds its own kind
                raise TypeError(f"{name} holds records of its own type: no builder is written for it")
            return
        self.held[name] = ()
        fields = _fields(cls)
        held: list[str] = []
        body = []
        for i, (field, tp) in enumerate(fields):
            body.append(f'        v{i} = d["{field}"]')
            self.value(tp, f"v{i}", field, body, "        ", held)
        self.held[name] = tuple(held)
        setters = [f"set_{i}" for i in range(len(fields))]
        parameters = ", ".join([f"{name}: Any", "setters: tuple[Any, ...]", *(f"make_{h}: Any" for h in held)])
        lines = [
            f"def for_{name}({parameters}) -> Any:",
            *_wrapped("    (", setters, ") = setters"),
            "",
            f"    def make_{name}(d: Any, intern: Any) -> Any:",
            *body,
            # Set the slots directly: what the attrs __init__ of these classes (no validators,
            # no converters, no defaults) does, at a third less cost.
            f"        o = new({name})",
            *(f"        {setter}(o, v{i})" for i, setter in enumerate(setters)),
            "        return o",
            "",
            f"    return make_{name}",
        ]
        self.order.append(cls)
        self.sources.append("\n".join(lines))


def _wrapped(head: str, items: list[str], tail: str) -> list[str]:
    """``head`` + the items, comma-separated, + ``tail``, in lines of at most 100 characters."""
    lines, line = [], head
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 or len(items) == 1 else "")
        if len(line) + len(piece) > 100:
            lines.append(line.rstrip())
            line = "     "
        line += piece + " "
    lines.append(line.rstrip() + tail)
    return lines


def compiled(cls: type) -> Make:
    """The builder of ``cls`` records, compiled now: for a record type whose premade builder
    is out of date (:func:`._made.premade_builder` gives the premade one otherwise)."""
    writer = BuildWriter()
    writer.record(cls)
    namespace: dict[str, Any] = {"Any": Any, "date": date}
    namespace.update({table: {m.value: m for m in kind} for table, kind in writer.enums.items()})
    compile_source("\n\n\n".join([PRELUDE, *writer.sources]), f"build {cls.__name__} records", namespace)
    made = made_builders(
        {c.__name__: c for c in writer.order},
        {c.__name__: (namespace[f"for_{c.__name__}"], writer.held[c.__name__]) for c in writer.order},
    )
    return made[cls.__name__][1]
