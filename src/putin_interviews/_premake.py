"""Writes :mod:`._premade`: the record builders (:mod:`._build`), ahead of time, and the copy of
the bundled file's values pre-parsed for its first use (``data/putin_interviews.marshal``).

Run ``python -m putin_interviews._premake`` after changing a record type (its fields, their
types or order), the builders' writer or the bundled file; tests/test_made.py fails until then.
Meanwhile the loader compiles the builder of a changed type at run time (:mod:`._made`), and
parses the bundled file itself when the copy is not of its bytes (:func:`._load._preparsed`).
"""

from __future__ import annotations

import json
import marshal
from pathlib import Path
from typing import Any

from . import _build, _kinds, _load
from ._made import shape
from ._models import DatasetInfo
from ._tables import TABLES

__all__ = ["PREPARSED_COPY", "TARGET", "holds_the_values", "preparse", "source", "write"]

#: The generated module.
TARGET = Path(__file__).with_name("_premade.py")
#: The pre-parsed copy of the bundled file.
PREPARSED_COPY = Path(_load.data_path(_load.PREPARSED_FILE))
#: The version of marshal's format written: every Python from 3.4 on reads it.
_MARSHAL_VERSION = 4

_HEAD = '''\
"""The record builders, written ahead of time: do not edit.

Written by ``python -m putin_interviews._premake`` (:mod:`._build` says what a builder does);
:mod:`._made` makes them ready for the record types of the shapes they were written for.
"""

from typing import Any

from ._date import date
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
        "#: The BLAKE2b digest of the bundled file the pre-parsed copy was made from, and of that copy\n"
        f"#: ({PREPARSED_COPY.parent.name}/{PREPARSED_COPY.name}).\n"
        f"PREPARSED = ({_string(_load.blake2b(_bundled()))}, {_string(_load.blake2b(_read(PREPARSED_COPY)))})",
    ]
    return "\n\n\n".join(text) + "\n"


def _bundled() -> bytes:
    return _load.read_data(_load.DATA_FILE)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def preparse() -> bytes:
    """The pre-parsed copy of the bundled file as it is: its values, by the standard parser.

    >>> import json, marshal
    >>> marshal.loads(preparse()) == json.loads(_bundled())
    True
    """
    return marshal.dumps(json.loads(_bundled()), _MARSHAL_VERSION)


def holds_the_values(copy: bytes) -> bool:
    """Whether ``copy`` (marshal's) holds the bundled file's values as it is, as the standard
    parser reads them (:func:`_same`); False too when it is no marshal data at all.

    >>> holds_the_values(preparse()), holds_the_values(marshal.dumps({})), holds_the_values(b"?")
    (True, False, False)
    """
    try:
        values = marshal.loads(copy)
    except _load.NOT_MARSHAL:
        return False
    return _same(values, json.loads(_bundled()))


def _same(a: Any, b: Any) -> bool:
    """``a`` and ``b`` are the same JSON values to their types, where ``==`` is not enough:
    objects of the same keys in the same order, arrays of the same length, and every key and
    value of the same type and equal (``==`` takes 1 for 1.0 and True, and -0.0 for 0.0, and
    no NaN for itself: a float is compared by its ``repr``).

    >>> _same({"a": [1, None]}, {"a": [1, None]}), _same([1], [True]), _same([1], (1,))
    (True, False, False)
    >>> _same({"a": 1, "b": 2}, {"b": 2, "a": 1}), _same({1: 0}, {"1": 0})
    (False, False)
    >>> _same(float("nan"), float("nan")), _same(-0.0, 0.0)
    (True, False)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            _same(ka, kb) and _same(va, vb) for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=False)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=False))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return bool(a == b)


def write() -> Path:
    """Write the pre-parsed copy of the bundled file (when its values are not the file's) and
    :mod:`._premade` anew; returns the module's path."""
    copy = _read(PREPARSED_COPY)
    if not copy or not holds_the_values(copy):
        PREPARSED_COPY.write_bytes(preparse())
    TARGET.write_text(source(), encoding="utf-8")
    return TARGET


if __name__ == "__main__":  # pragma: no cover - maintenance command
    print(f"wrote {write()}")
