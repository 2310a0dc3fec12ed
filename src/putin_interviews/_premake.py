"""Writes :mod:`._premade`: the record builders (:mod:`._build`), ahead of time.

Run ``python -m putin_interviews._premake`` after changing a record type (its fields, their
types or order) or the builders' writer; tests/test_made.py fails until then, and meanwhile the
loader compiles the builder of a changed type at run time (:mod:`._made`).
"""

from __future__ import annotations

import json
from pathlib import Path

from . import _build, _kinds
from ._made import shape
from ._models import DatasetInfo
from ._tables import TABLES

__all__ = ["TARGET", "source", "write"]

#: The generated module.
TARGET = Path(__file__).with_name("_premade.py")

_HEAD = '''\
"""The record builders, written ahead of time: do not edit.

Written by ``python -m putin_interviews._premake`` (:mod:`._build` says what a builder does);
:mod:`._made` makes them ready for the record types of the shapes they were written for.
"""

import datetime
from typing import Any

from ._kinds import {kinds}'''


def _table(name: str, value_type: str, entries: list[str]) -> str:
    return "\n".join([f"{name}: dict[str, {value_type}] = {{", *(f"    {e}," for e in entries), "}"])


def _string(text: str) -> str:
    """A Python string literal of ``text``, in double quotes."""
    return json.dumps(text, ensure_ascii=False)


def _strings(names: tuple[str, ...]) -> str:
    return "(" + ", ".join(map(_string, names)) + ("," if len(names) == 1 else "") + ")"


def source() -> str:
    """The text of :mod:`._premade` for the record types as they are."""
    writer = _build.BuildWriter()
    for record in (DatasetInfo, *(spec.record for spec in TABLES)):
        writer.record(record)
    for kind in writer.enums.values():
        if getattr(_kinds, kind.__name__, None) is not kind:  # pragma: no cover - a new enum module
            raise TypeError(f"{kind.__name__} is not defined in _kinds")
    kinds = ", ".join(sorted(kind.__name__ for kind in writer.enums.values()))
    tables = [f"{table} = {{m.value: m for m in {kind.__name__}}}" for table, kind in writer.enums.items()]
    shapes = [f"{_string(cls.__name__)}: {_string(shape(cls))}" for cls in writer.order]
    factories = [
        f"{_string(c.__name__)}: (for_{c.__name__}, {_strings(writer.held[c.__name__])})" for c in writer.order
    ]
    text = [
        _HEAD.format(kinds=kinds) + "\n\n" + "\n".join([_build.PRELUDE, *tables]),
        *writer.sources,
        "#: What each builder was written for: the fields of its record type, with their types.\n"
        + _table("SHAPES", "str", shapes),
        "#: Each record type's factory, and the types of the records it holds (before it here).\n"
        + _table("FACTORIES", "tuple[Any, tuple[str, ...]]", factories),
    ]
    return "\n\n\n".join(text) + "\n"


def write() -> Path:
    """Write :mod:`._premade` anew; returns its path."""
    TARGET.write_text(source(), encoding="utf-8")
    return TARGET


if __name__ == "__main__":  # pragma: no cover - maintenance command
    print(f"wrote {write()}")
