"""Public names live at ``putin_interviews``: for users, pickles, tracebacks and docs."""

from __future__ import annotations

import inspect
import typing
from typing import TypeVar

import attrs

__all__ = ["PACKAGE", "public"]

T = TypeVar("T")

#: The package every public class and function names as its module.
PACKAGE = "putin_interviews"


def public(obj: T) -> T:
    """Name ``PACKAGE`` as ``obj``'s module (a class or function exported by the package),
    so that ``repr``, tracebacks and pickles say ``putin_interviews.Quote``, not the private
    module that defines it.

    A class's own annotations written as text (postponed: ``from __future__ import
    annotations``) are evaluated first, in the module that defines it, and kept as objects:
    ``typing.get_type_hints`` (cattrs, the docs, users) would otherwise look their names up in
    the package, which defines them lazily. (The record types' module evaluates its own, which
    costs less.)

    >>> @public
    ... class Example:
    ...     size: int
    >>> Example.__module__, typing.get_type_hints(Example)
    ('putin_interviews', {'size': <class 'int'>})
    """
    if isinstance(obj, type):
        own = inspect.get_annotations(obj)
        if any(isinstance(annotation, str) for annotation in own.values()):
            hints = typing.get_type_hints(obj)
            obj.__annotations__ = {name: hints[name] for name in own}
            if attrs.has(obj):
                attrs.resolve_types(obj)
    obj.__module__ = PACKAGE
    return obj
