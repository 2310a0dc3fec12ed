"""Generated code for the loader's fast path: the row checkers (the record builders are
:mod:`._build`'s).

For each record type a function is generated, once, on first use, and compiled under a name
registered in :mod:`linecache` (tracebacks and debuggers show its lines): :func:`checker`
checks a table's raw JSON rows in one pass: exact keys, JSON types, string lengths, enum
values and dates (the structural rules), ids, references, spans and episode numbers (the
integrity rules), every condition inlined from :mod:`._rules`, where each is stated once. It
answers only "sound or not" by raising :class:`Unexpected`; the detailed path then says what
is wrong. It also counts the keys it read, for the duplicate-key proof, and leaves in the
shared context what later tables are checked against (ids, lengths).

A type check that a rule already implies is left out: a value found in a set of id strings is
a string (no other JSON value equals one), so a reference field is checked by membership only.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs

from . import _applied, _integrity, _rules
from ._applied import Emitter
from ._once import once_in
from ._rules import Rule
from ._source import compile_source
from ._types import fields_of as _fields
from ._types import strip_optional

__all__ = ["Check", "Unexpected", "checker"]


#: ``check(rows, context)``: the number of object keys read; raises on anything unsound.
Check = Callable[[Any, dict[str, Any]], int]


#: The context key that says every string is known to be encodable (the parser refused lone
#: surrogates, or the text has none): the checkers then skip that rule.
ENCODABLE_TEXTS = "texts encodable"


class Unexpected(Exception):
    """Anything the fast path does not expect: the detailed path reports it."""


class _Source(Emitter):
    """Lines of generated code, and the names they use."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.lines: list[str] = []
        self.namespace = namespace
        self.indent = ""
        self.counter = 0
        self.fields: dict[str, str] = {}
        self.optional: set[str] = set()

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def constant(self, value: object) -> str:
        name = self.fresh("const")
        self.namespace[name] = value
        return name

    def var(self, field: str) -> str:
        return self.fields[field]

    def nullable(self, field: str) -> bool:
        return field in self.optional

    def line(self, code: str, indent: str = "") -> None:
        self.lines.append(self.indent + indent + code)

    def require(self, rule: Rule, indent: str = "", **names: str) -> None:
        self.line(f"if not {rule.inline(**names)}: raise Unexpected", indent)


def _implied(cls: type) -> tuple[set[str], set[str]]:
    """Fields whose checks the integrity rules imply: strings found in a set of ids (their
    type and limits), and integers the rules bound (a span's ends lie between 0 and the
    article's checked length, a part number in EPISODE_NUMBERS: no 64-bit check needed)."""
    strings: set[str] = set()
    bounded: set[str] = set()
    for applied in _integrity.RULES.get(cls, ()):
        if isinstance(applied, (_applied.Ref, _applied.QuotesOfArticle, _applied.FieldNames)):
            strings.add(applied.field)
        elif isinstance(applied, _applied.KindedRef):
            strings.add(applied.id_field)
        elif isinstance(applied, (_applied.Spans, _applied.EpisodeNumber, _applied.EpisodeNumberUnique)):
            bounded.add(applied.field)
    return strings, bounded


class _CheckWriter:
    def __init__(self, src: _Source) -> None:
        self.src = src

    def value(self, tp: Any, expr: str, implied: bool, bounded: bool = False) -> None:
        """Check one JSON value against its field type (and count the keys of its objects);
        ``implied``: a string the rules check by membership; ``bounded``: integers the rules
        bound, in this value or the records it holds."""
        src = self.src
        inner, optional = strip_optional(tp)
        if optional:
            saved, before = src.indent, len(src.lines)
            src.line(f"if {expr} is not None:")
            src.indent += "    "
            self.value(inner, expr, implied, bounded)
            src.indent = saved
            if len(src.lines) == before + 1:  # nothing to check
                del src.lines[before:]
            return
        if inner in _rules.SCALAR_RULES:
            for rule in _rules.SCALAR_RULES[inner] if not (implied and inner is str) else ():
                if rule is _rules.INTEGER_SIZE and bounded:
                    continue
                if rule is _rules.ENCODABLE:  # only where the parser may have let one through (_load)
                    src.line(f"if check_text and not {rule.inline(value=expr)}: raise Unexpected")
                else:
                    src.require(rule, value=expr)
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            src.require(_rules.ENUM, value=expr, values=src.constant({m.value: m for m in inner}))
        elif attrs.has(inner):
            self.record(inner, expr, bounded)
        elif typing.get_origin(inner) is tuple:
            src.require(_rules.LIST, value=expr)
            item = src.fresh("item")
            saved = src.indent
            before = len(src.lines)
            src.line(f"for {item} in {expr}:")
            src.indent += "    "
            after_for = len(src.lines)
            self.value(typing.get_args(inner)[0], item, implied, bounded)
            src.indent = saved
            if len(src.lines) == after_for:  # nothing to check in the items
                del src.lines[before:]
        else:  # pragma: no cover - a new field type
            raise TypeError(f"no fast path for {inner!r}")

    def record(self, cls: type, expr: str, bounded: bool) -> None:
        """Check a nested record: an object with exactly its fields."""
        src = self.src
        fields = _fields(cls)
        src.line(f"if type({expr}) is not dict or len({expr}) != {len(fields)}: raise Unexpected")
        src.line(f"keys += {len(fields)}")
        for name, tp in fields:
            self.value(tp, f"{expr}[{name!r}]", implied=False, bounded=bounded)


def _checker_source(cls: type, namespace: dict[str, Any]) -> str:
    src = _Source(namespace)
    fields = _fields(cls)
    implied, bounded = _implied(cls)
    provided = _integrity.PROVIDES.get(cls, {})
    names = sorted({n for p in _integrity.PROVIDES.values() for n in p} - set(provided))
    head = [f"def check_{cls.__name__}(rows, context):"]
    head += [f"    {n} = context.get({n!r})" for n in names]
    head.append(f"    check_text = not context.get({ENCODABLE_TEXTS!r})")
    # This table's own containers; a set keyed like a map of the same table is that map.
    maps = {key: name for name, (key, value) in provided.items() if value is not None}
    head += [f"    {name} = {{}}" for name, (_, value) in provided.items() if value is not None]
    head += [f"    {n} = {maps.get(k, 'set()')}" for n, (k, value) in provided.items() if value is None]
    has_id = any(name == "id" for name, _ in fields)
    seen = maps.get("id") or next((n for n, (k, _) in provided.items() if k == "id"), None)
    if has_id and seen is None:
        seen = "seen"
        head.append("    seen = set()")
    head += [
        "    if type(rows) is not list: raise Unexpected",
        "    keys = 0",
        "    for d in rows:",
        f"        if type(d) is not dict or len(d) != {len(fields)}: raise Unexpected",
        f"        keys += {len(fields)}",
    ]
    src.indent = "        "
    for i, (name, tp) in enumerate(fields):
        var = f"v{i}"
        src.fields[name] = var
        if strip_optional(tp)[1]:
            src.optional.add(name)
        src.line(f"{var} = d[{name!r}]")
    writer = _CheckWriter(src)
    for name, tp in fields:
        writer.value(tp, src.var(name), implied=name in implied, bounded=name in bounded)
    if has_id:
        src.require(_rules.ID_LENGTH, id=src.var("id"))
        src.require(_rules.UNIQUE_ID, id=src.var("id"), seen=str(seen))
    for applied in _integrity.RULES.get(cls, ()):
        applied.emit(src)
    for name, (key, value) in provided.items():
        if value is not None:
            src.line(f"{name}[{src.var(key)}] = {src.var(value)}")
        elif key not in maps:
            src.line(f"{name}.add({src.var(key)})")
    if has_id and seen == "seen":
        src.line(f"seen.add({src.var('id')})")
    tail = [f"    context[{n!r}] = {n}" for n in provided] + ["    return keys"]
    return "\n".join(head + src.lines + tail)


def _new_checker(cls: type) -> Check:
    namespace: dict[str, Any] = {**_rules.NAMESPACE, "Unexpected": Unexpected}
    compile_source(_checker_source(cls, namespace), f"check {cls.__name__} rows", namespace)
    check: Check = namespace[f"check_{cls.__name__}"]
    return check


_checkers: dict[type, Check] = {}


def checker(cls: type) -> Check:
    """The generated check of rows of ``cls``: ``check(rows, context)`` reads the ids of
    earlier tables from ``context``, adds its own, and returns the number of keys read."""
    return once_in(_checkers, cls, lambda: _new_checker(cls))
