"""Reading the record types: their fields and field types, for code derived from them
(the converter, the generated checks and builders, flat exports, the JSON Schema)."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

__all__ = ["fields_of", "strip_optional"]


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
