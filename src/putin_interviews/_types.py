"""Reading the record types: their fields and field types, for code derived from them
(the converter, the generated checks and builders, flat exports, the JSON Schema, and the
records' own validators)."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ._date import date

# The rules and the messages are imported when a record is first checked: a first use of the
# bundled data makes its records without checking them again, and does not load them.

__all__ = ["fields_of", "strip_optional", "validated"]


def strip_optional(tp: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None``, else ``(tp, False)``.

    >>> strip_optional(int | None)
    (<class 'int'>, True)
    >>> strip_optional(str)
    (<class 'str'>, False)
    """
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        return next(a for a in args if a is not type(None)), True
    return tp, False


def fields_of(cls: type) -> list[tuple[str, Any]]:
    """(name, type) of each field of an attrs class, in order.

    >>> from putin_interviews._models import Span
    >>> fields_of(Span)
    [('start', <class 'int'>), ('end', <class 'int'>)]
    """
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in attrs.fields(cls)]


C = TypeVar("C", bound=type)
Check = Callable[[Any], "tuple[type[Exception], str] | None"]


def _value_check(hint: Any) -> Check:
    """What a field of type ``hint`` accepts: a function from a value to None (fine) or the
    exception type and message to raise. Limits come from the structural rules."""
    from ._errors import shown

    from_rules = _rules_checks()
    inner, optional = strip_optional(hint)
    name = getattr(inner, "__name__", repr(inner))

    def wrong(value: Any) -> tuple[type[Exception], str]:
        return (
            TypeError,
            f"must be {'None or ' if optional else ''}{_a(name)}, not {type(value).__name__} {shown(value, 40)}",
        )

    if typing.get_origin(inner) is tuple:
        item = _value_check(typing.get_args(inner)[0])

        def check_items(value: Any) -> tuple[type[Exception], str] | None:
            if not isinstance(value, tuple):
                return wrong(value)
            for i, element in enumerate(value):
                found = item(element)
                if found is not None:
                    return found[0], f"item {i} {found[1]}"
            return None

        base: Check = check_items
    else:
        limits = from_rules.get(inner, ())

        def check_one(value: Any) -> tuple[type[Exception], str] | None:
            if not isinstance(value, inner) or (inner in (str, int) and isinstance(value, (bool, enum.Enum))):
                return wrong(value)
            for rule in limits:
                if not rule.holds(value):
                    return ValueError, rule.message(value=value)
            return None

        base = check_one
    if optional:
        return lambda value: None if value is None else base(value)
    return base


def _a(name: str) -> str:
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def _rules_checks() -> dict[Any, tuple[Any, ...]]:
    from . import _rules

    # A record holds a scalar's value (a date, not its text): the limits apply, past the type.
    return {scalar: checks[1:] for scalar, checks in _rules.SCALAR_RULES.items() if scalar is not date}


class _FieldCheck:
    """An attrs validator: the field's value fits the field's type (resolved on first use)."""

    __slots__ = ("check", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self.check: Check | None = None

    def __call__(self, instance: Any, attribute: Any, value: Any) -> None:
        check = self.check
        if check is None:
            check = self.check = _value_check(typing.get_type_hints(type(instance))[self.name])
        found = check(value)
        if found is not None:
            kind, message = found
            where = f"{type(instance).__name__}.{self.name}"
            raise kind(f"{where} {message}" if kind is TypeError else f"{where}: {message}")


def validated(cls: C) -> C:
    """Give each field of ``cls``, an attrs class that attrs has just made (this decorator goes
    above attrs', and :func:`._made.premade` under it), the check that its value fits its type
    and the dataset's limits: run on construction and by ``attrs.evolve`` and ``attrs.validate``.
    (The loader builds records from rows it has checked, without calling ``__init__``, so
    loading pays nothing for it.)

    The checks run after ``__init__`` has set the fields, in field order, from the
    ``__attrs_post_init__`` that ``premade`` gives (``attrs.validate``), as attrs' ``__init__``
    runs the validators it is given: given before, they cost a first use of the bundled data
    about 0.7 ms, attrs compiling a call to each into every ``__init__``.

    >>> from putin_interviews import Span
    >>> Span(start=3, end="10")
    Traceback (most recent call last):
    ...
    TypeError: Span.end must be an int, not str '10'
    """
    from ._made import validate_fields

    if getattr(cls, "__attrs_post_init__", None) is not validate_fields:
        raise TypeError(f"{cls.__name__} would not run its fields' checks: premade gives it none")
    for field in attrs.fields(cls):
        object.__setattr__(field, "validator", _FieldCheck(field.name))
    return cls
