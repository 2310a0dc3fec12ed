"""What the package's attrs classes are given ready-made: their compared methods, and the
record builders.

attrs makes a class's ``__repr__``, ``__eq__``, ``__ne__`` and ``__hash__`` by writing their
source and compiling it as the class is defined, and the loader wrote and compiled a builder for
each record type on first use: together, most of what a first use of the bundled data cost.

* :func:`premade`, a class decorator placed under attrs', gives a class those four methods as
  closures over its field names, with nothing to compile. attrs then keeps them (it makes no
  method a class defines itself: its ``auto_detect``) and makes the rest as always:
  ``__init__``, slots, frozen-ness, pickling, ``__match_args__``, ``attrs.fields``. It gives
  an ``__attrs_post_init__`` too, :func:`validate_fields`, which runs the fields' checks that
  :func:`._types.validated` gives once attrs has made the class. tests/test_made.py proves
  they behave as the ones attrs makes from the same definitions.
* :func:`premade_builder` gives the builder of a record type's rows, written once, ahead of
  time, into :mod:`._premade` (by :mod:`._premake`, from :mod:`._build`), and used only for
  the fields it was written for (:func:`shape`); the loader compiles one at run time for a
  record type changed since, as before (and tests/test_made.py fails until it is written anew).
"""

from __future__ import annotations

import enum
import inspect
import operator
import threading
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _premade

if TYPE_CHECKING:
    from ._build import Make

__all__ = ["bind_builders", "made_builders", "premade", "premade_builder", "shape"]

C = TypeVar("C", bound=type)

# What attrs reads as a class variable, not a field (its ``_is_class_var``).
_CLASS_VAR = ("typing.ClassVar", "t.ClassVar", "ClassVar", "typing_extensions.ClassVar")
# The objects being shown, per thread: a record shown inside itself is "..." (as attrs does).
_showing = threading.local()
_texts: dict[Any, str] = {}
_builders: dict[str, tuple[type, Make]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    """The names of the fields attrs makes of ``cls``'s own annotations, in order."""
    names = []
    for name, annotation in inspect.get_annotations(cls).items():
        text = str(annotation).strip("'\"")
        if not text.startswith(_CLASS_VAR):
            names.append(name)
    return tuple(names)


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function from an object to the tuple of its ``names`` attributes (in C)."""
    if len(names) == 1:
        only = operator.attrgetter(names[0])
        return lambda obj: (only(obj),)
    return operator.attrgetter(*names) if names else lambda obj: ()


def _methods(cls: type, names: tuple[str, ...]) -> dict[str, Callable[..., Any]]:
    values = _values(names)
    seed = hash(f"{cls.__module__}.{cls.__qualname__}")  # attrs': a per-class string's hash

    def __repr__(self: Any) -> str:
        try:
            showing = _showing.ids
        except AttributeError:
            showing = _showing.ids = {id(self)}
        else:
            if id(self) in showing:
                return "..."
            showing.add(id(self))
        try:
            shown = ", ".join([f"{name}={value!r}" for name, value in zip(names, values(self), strict=True)])
            return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({shown})"
        finally:
            showing.remove(id(self))

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        # Field by field, in order, as attrs compares (``a == b and …``: the first false
        # result, else the last), even a value with itself, as a tuple's == would not.
        result: Any = True
        for mine, theirs in zip(values(self), values(other), strict=True):
            result = mine == theirs
            if not result:
                return result
        return result

    def __ne__(self: Any, other: Any) -> Any:
        result = self.__eq__(other)
        if result is NotImplemented:
            return NotImplemented
        return not result

    def __hash__(self: Any) -> int:
        return hash((seed, *values(self)))

    return {"__repr__": __repr__, "__eq__": __eq__, "__ne__": __ne__, "__hash__": __hash__}


def validate_fields(self: Any) -> None:
    """Run the validators of ``self``'s fields in order, unless validators are disabled
    (``attrs.validate``), as attrs' ``__init__`` runs them once it has set the fields: for
    validators given once attrs has made the class (:func:`._types.validated`). (A subclass
    that attrs makes is given them with the fields it inherits, and its ``__init__`` runs
    them, and then this, inherited: twice.)

    >>> import attrs, putin_interviews
    >>> span = putin_interviews.Span(start=1, end=2)
    >>> object.__setattr__(span, "end", "2")
    >>> validate_fields(span)
    Traceback (most recent call last):
    ...
    TypeError: Span.end must be an int, not str '2'
    >>> with attrs.validators.disabled():
    ...     validate_fields(span)
    """
    attrs.validate(self)


def premade(cls: C) -> C:
    """Give ``cls`` the ``__repr__``, ``__eq__``, ``__ne__`` and ``__hash__`` that attrs would
    make for it (a frozen class whose fields are all shown, compared and hashed, attrs'
    defaults, and not inherited), before attrs makes it a class; a method the class defines
    itself is kept, as attrs keeps it. And, unless it has its own, ``__attrs_post_init__``:
    :func:`validate_fields`, so that attrs compiles no call per validator into ``__init__``."""
    if cls.__bases__ != (object,):  # fields inherited from an attrs base: left to attrs
        return cls
    own = cls.__dict__
    if "__attrs_post_init__" not in own:
        cls.__attrs_post_init__ = validate_fields  # type: ignore[attr-defined]
    methods = _methods(cls, _fields(cls))
    if "__repr__" in own:
        del methods["__repr__"]
    if "__eq__" in own or "__ne__" in own:
        del methods["__eq__"], methods["__ne__"], methods["__hash__"]
    elif "__hash__" in own:
        del methods["__hash__"]
    for dunder, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{dunder}"
        method.__module__ = cls.__module__
        method.__doc__ = f"Method made for class {cls.__qualname__}, as attrs makes it."
        setattr(cls, dunder, method)
    return cls


def shape(cls: type) -> str:
    """The fields ``cls`` defines, in order, each with its annotation as text.

    >>> Example = type("Example", (), {"__annotations__": {"size": int, "names": tuple[str, ...] | None}})
    >>> shape(Example)
    'size: int; names: tuple[str, ...] | None'
    >>> Example.__annotations__["parent"] = "Example"  # postponed: as written
    >>> shape(Example)
    'size: int; names: tuple[str, ...] | None; parent: Example'
    """
    own = inspect.get_annotations(cls)
    return "; ".join(f"{name}: {_text(annotation)}" for name, annotation in own.items())


def _text(annotation: Any) -> str:
    try:
        return _texts[annotation]
    except (KeyError, TypeError):  # not seen yet, or not hashable
        pass
    text = _texts[annotation] = _new_text(annotation)
    return text


def _new_text(annotation: Any) -> str:
    if isinstance(annotation, str):  # as written (a module with postponed annotations)
        return annotation
    if annotation is type(None):
        return "None"
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(map(_text, args))
    if origin is not None:
        return f"{_text(origin)}[{', '.join('...' if a is Ellipsis else _text(a) for a in args)}]"
    return str(getattr(annotation, "__qualname__", annotation))


def made_builders(
    classes: Mapping[str, type], factories: Mapping[str, tuple[Callable[..., Make], tuple[str, ...]]]
) -> dict[str, tuple[type, Make]]:
    """The builders that ``factories`` (name → the factory, and the names of the classes whose
    records it holds, those first) make for ``classes`` (by name), each given its class, the
    setters of its slots in field order and the builders of the records it holds. A class not
    given, or holding records of one not made, gets none."""
    made: dict[str, tuple[type, Make]] = {}
    for name, (factory, held) in factories.items():
        cls = classes.get(name)
        if cls is not None and all(h in made for h in held):
            setters = tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))
            made[name] = (cls, factory(cls, setters, *(made[h][1] for h in held)))
    return made


def bind_builders(namespace: Mapping[str, object]) -> None:
    """Make ready the premade builders of the record types in ``namespace`` (a module's names)
    that they were written for (of the same shape)."""
    classes = {}
    for name in _premade.FACTORIES:
        cls = namespace.get(name)
        if isinstance(cls, type) and shape(cls) == _premade.SHAPES[name]:
            classes[name] = cls
    # The same names are not enough: each field's enumeration must be the one the builders
    # read, and each record type held the one they are made for (not another of its name).
    classes = {name: cls for name, cls in classes.items() if _types_known(cls, classes)}
    _builders.update(made_builders(classes, _premade.FACTORIES))


def _types_known(cls: type, classes: Mapping[str, type]) -> bool:
    """Whether the types of ``cls``'s fields are those the premade builders were written
    with: its enumerations the ones :mod:`._premade` reads, its record types in ``classes``.

    >>> import putin_interviews
    >>> _types_known(putin_interviews.Span, {})
    True
    """
    for annotation in inspect.get_annotations(cls).values():
        for tp in _types_in(annotation):
            if isinstance(tp, type) and issubclass(tp, enum.Enum) and getattr(_premade, tp.__name__, None) is not tp:
                return False
            if isinstance(tp, type) and tp.__name__ in _premade.FACTORIES and classes.get(tp.__name__) is not tp:
                return False
    return True


def _types_in(annotation: Any) -> Iterator[Any]:
    """``annotation`` and every type within it (``tuple[Basis, ...] | None``: Basis too)."""
    yield annotation
    for inner in typing.get_args(annotation):
        yield from _types_in(inner)


def premade_builder(cls: type) -> Make | None:
    """The builder of ``cls`` records made ahead of time: ``make(row, intern)`` (see
    :mod:`._build`); None when it was not written for ``cls`` as it is."""
    found = _builders.get(cls.__name__)
    return found[1] if found is not None and found[0] is cls else None
