"""The rules a sound dataset meets, each stated once.

A :class:`Rule` is one condition, written once as a Python expression over named values
(``"{end} <= {length}"``), and the message given when it fails. The same statement serves
both readers of a rule: the loader's fast path inlines the condition into generated code
(:mod:`._codegen`), and the detailed path evaluates it, compiled once, to say what is wrong
(:mod:`._integrity`, and the strict converter for the structural rules). Where each rule
applies is :data:`._integrity.RULES`.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import string
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._errors import did_you_mean, shown, suggest
from ._limits import EPISODE_NUMBERS, INTEGER_RANGE, MAX_ID_LENGTH, MAX_STRING
from ._source import compile_source

__all__ = ["NAMESPACE", "Rule", "brief", "is_date", "json_type"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A surrogate code point: a lone one cannot be written as UTF-8 (a valid pair is one character).
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    float: "a number",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def json_type(value: object) -> str:
    """How a JSON value's type is named in messages: "a string", "null", ….

    >>> json_type([1])
    'a list'
    """
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def brief(value: object) -> str:
    """A value as JSON, cut to 40 characters, for messages.

    >>> brief("x" * 50)
    '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
    """
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


def is_date(value: object) -> bool:
    """True for a valid date written ``YYYY-MM-DD``."""
    if type(value) is not str or not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _date_message(value: object) -> str:
    if type(value) is not str:
        return f"expected a date string YYYY-MM-DD, got {json_type(value)} {brief(value)}"
    if not _DATE.fullmatch(value):
        return f"invalid date {brief(value)}: not in the form YYYY-MM-DD"
    try:
        datetime.date.fromisoformat(value)
    except ValueError as exc:
        return f"invalid date {brief(value)}: {exc}"
    raise AssertionError("a valid date has no message")  # pragma: no cover


def _enum_message(value: object, values: Mapping[str, enum.Enum]) -> str:
    choices = ", ".join(repr(v) for v in values)
    got = brief(value) if type(value) is str else f"{json_type(value)} {brief(value)}"
    return f"expected one of {choices}, got {got}"


def _surrogate_at(text: str) -> str:
    found = _SURROGATE.search(text)
    return f"U+{ord(found.group()):04X} at character {found.start()}" if found else "(none)"


def _first_last(numbers: range) -> str:
    return f"{numbers[0]}-{numbers[-1]}"


#: Names a rule's condition may use besides its own values.
NAMESPACE: dict[str, Any] = {
    "MAX_ID_LENGTH": MAX_ID_LENGTH,
    "MAX_STRING": MAX_STRING,
    "EPISODE_NUMBERS": EPISODE_NUMBERS,
    "is_date": is_date,
    "INTEGER_RANGE": INTEGER_RANGE,
    "surrogate": _SURROGATE.search,
}


@attrs.frozen
class Rule:
    """One condition and its message.

    ``test`` is a Python expression with ``{name}`` placeholders for the values it reads;
    ``message`` takes the same values (and any context the report adds) by keyword.

    >>> SPAN_INSIDE.holds(end=5, length=4)
    False
    >>> SPAN_INSIDE.message(start=1, end=5, length=4, owner="quote 'q'")
    "span 1-5 ends after the article's text (4 characters) (quote 'q')"
    """

    test: str
    message: Callable[..., str]
    #: The placeholders of ``test``, in order of appearance.
    names: tuple[str, ...] = attrs.field(init=False)
    #: ``test`` compiled: a function of the placeholders, by keyword or in order.
    holds: Callable[..., bool] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        names = tuple(dict.fromkeys(n for _, n, _, _ in string.Formatter().parse(self.test) if n))
        object.__setattr__(self, "names", names)
        namespace = dict(NAMESPACE)
        compile_source(f"def holds({', '.join(names)}):\n    return {self.inline()}\n", self.test, namespace)
        object.__setattr__(self, "holds", namespace["holds"])

    def inline(self, **names: str) -> str:
        """The condition as code, each placeholder replaced by the given expression (by its
        own name when not given), for generated code.

        >>> SPAN_INSIDE.inline(end="v3['end']", length="n")
        "(v3['end'] <= n)"
        """
        return "(" + self.test.format(**{n: names.get(n, n) for n in self.names}) + ")"


# ------------------------------------------------------------------ structural rules

STRING = Rule("type({value}) is str", lambda value, **_: f"expected a string, got {json_type(value)} {brief(value)}")
STRING_LIMIT = Rule(
    "len({value}) <= MAX_STRING", lambda value, **_: f"a string of {len(value)} characters: the limit is {MAX_STRING}"
)
#: Text that UTF-8 can hold: every export writes it (tested only when not ASCII, the rare case).
ENCODABLE = Rule(
    "{value}.isascii() or surrogate({value}) is None",
    lambda value, **_: f"a lone surrogate {_surrogate_at(value)}: not text that UTF-8 can hold",
)
INTEGER = Rule("type({value}) is int", lambda value, **_: f"expected an integer, got {json_type(value)} {brief(value)}")
INTEGER_SIZE = Rule(
    "{value} in INTEGER_RANGE",
    lambda value, **_: f"the integer {brief(value)} does not fit in 64 bits (-2**63 to 2**63 - 1)",
)
BOOLEAN = Rule("type({value}) is bool", lambda value, **_: f"expected a boolean, got {json_type(value)} {brief(value)}")
LIST = Rule("type({value}) is list", lambda value, **_: f"expected a list, got {json_type(value)} {brief(value)}")
OBJECT = Rule("type({value}) is dict", lambda value, **_: f"expected an object, got {json_type(value)} {brief(value)}")
#: ``values`` maps each enum value to its member.
ENUM = Rule("{value} in {values}", lambda value, values, **_: _enum_message(value, values))
DATE = Rule("is_date({value})", lambda value, **_: _date_message(value))

#: The structural rules of each JSON scalar a record field holds: its type first, then its
#: limits. The strict converter, the generated checks and the records' validators read them.
SCALAR_RULES: dict[type, tuple[Rule, ...]] = {
    str: (STRING, STRING_LIMIT, ENCODABLE),
    int: (INTEGER, INTEGER_SIZE),
    bool: (BOOLEAN,),
    datetime.date: (DATE,),
}

# ------------------------------------------------------------------ integrity rules

ID_LENGTH = Rule(
    "0 < len({id}) <= MAX_ID_LENGTH",
    lambda id, **_: f"an id must have 1 to {MAX_ID_LENGTH} characters, not {len(id)}",
)
UNIQUE_ID = Rule("{id} not in {seen}", lambda id, seen, **_: f"duplicate id {shown(id)} (first at {seen[id]})")
REFERENCE = Rule(
    "{value} in {ids}",
    lambda value, ids, noun, owner, **_: f"unknown {noun} {shown(value)} ({owner}){did_you_mean(suggest(value, ids))}",
)
EPISODE_RANGE = Rule(
    "{number} in EPISODE_NUMBERS",
    lambda number, owner, **_: f"episode {number} outside {_first_last(EPISODE_NUMBERS)} ({owner})",
)
EPISODE_EXISTS = Rule("{number} in {numbers}", lambda number, owner, **_: f"episode {number} not in episodes ({owner})")
EPISODE_UNIQUE = Rule(
    "{number} not in {numbers}", lambda number, owner, **_: f"duplicate episode number {number} ({owner})"
)
NOT_NEGATIVE = Rule("{value} >= 0", lambda field, owner, **_: f"negative {field} ({owner})")
WINDOW = Rule("{earliest} <= {latest}", lambda owner, **_: f"latest before earliest ({owner})")
FIELD_NAME = Rule(
    "{name} in {fields}",
    lambda name, fields, cls, owner, **_: (
        f"{shown(name)} is not a field of {cls} ({owner}){did_you_mean(suggest(name, sorted(fields)))}"
    ),
)
SPAN_ORDER = Rule(
    "0 <= {start} <= {end}", lambda start, end, owner, **_: f"bad span {start}-{end}: need 0 <= start <= end ({owner})"
)
SPAN_INSIDE = Rule(
    "{end} <= {length}",
    lambda start, end, length, owner, **_: (
        f"span {start}-{end} ends after the article's text ({length} characters) ({owner})"
    ),
)
SPAN_TEXT = Rule(
    "{end} - {start} == {size}",
    lambda start, end, size, owner, **_: f"span covers {end - start} characters, text has {size} ({owner})",
)
ID_NEEDED = Rule(
    "{value} is not None",
    lambda kind_field, kind, field, owner, **_: f"{kind_field} {shown(kind)} needs a {field} ({owner})",
)
ID_NULL = Rule(
    "{value} is None", lambda kind_field, kind, owner, **_: f"must be null when {kind_field} is {shown(kind)} ({owner})"
)
LISTED_ONCE = Rule(
    "{value} not in {seen}", lambda value, noun, owner, **_: f"{noun} {shown(value)} listed twice ({owner})"
)
SAME_ARTICLE = Rule(
    "{quote_article} == {article}",
    lambda value, quote_article, article, owner, **_: (
        f"quote {shown(value)} is in article {shown(quote_article)}, not {shown(article)} ({owner})"
    ),
)
