"""The whole check of JSON-shaped data, fast and detailed, for the loader and for a dataset
about to be written.

* :func:`fast` runs the generated checker of every table (:mod:`._codegen`) and only answers
  "sound or not" (raising :class:`~._codegen.Unexpected` or a data error);
* :func:`detailed` structures with the strict converter and checks integrity
  (:mod:`._integrity`), and raises one :class:`~putin_interviews.DatasetError` with every
  problem (the first ``MAX_PROBLEMS`` listed, the others counted).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any, TypeVar

import cattrs

from . import _convert, _integrity, _rules
from ._codegen import ENCODABLE_TEXTS, Unexpected, checker
from ._errors import DatasetError, Problem
from ._limits import MAX_PROBLEMS, SCHEMA_VERSION
from ._models import DatasetInfo
from ._tables import TABLES

__all__ = ["FAILED", "detailed", "fast", "sound"]

T = TypeVar("T")

#: What a failed fast check raises: anything else is not about the data, and propagates.
FAILED = (Unexpected, *_convert.DATA_ERRORS)
# The tables in the order they are checked: each after those its records refer to.
_CHECK_ORDER = sorted(TABLES, key=lambda spec: _integrity.ORDER.index(spec.record))


def fast(raw: Any, texts_encodable: bool = False) -> int:
    """Check the JSON values of a whole dataset file; return the number of object keys read.
    Raises one of :data:`FAILED` when anything is unsound (without saying what).
    ``texts_encodable``: the strings are known to hold no lone surrogate."""
    if type(raw) is not dict or len(raw) != len(TABLES) + 1:
        raise Unexpected
    info = raw["info"]
    if type(info) is not dict or info.get("schema_version") != SCHEMA_VERSION:
        raise Unexpected
    context: dict[str, Any] = {ENCODABLE_TEXTS: texts_encodable}
    keys = len(raw) + checker(DatasetInfo)([info], context)
    for spec in _CHECK_ORDER:
        keys += checker(spec.record)(raw[spec.name], context)
    if not _integrity.ids_disjoint(context):
        raise Unexpected
    return keys


def detailed(raw: Any, source: str | None, cls: type[T]) -> T:
    """``raw`` structured as ``cls`` (the Dataset) with the strict converter, its integrity
    checked; every problem raised in one DatasetError (``source`` names the data)."""
    if not isinstance(raw, Mapping):
        raise DatasetError([Problem("$", f"expected a JSON object, got {_rules.json_type(raw)}")], source)
    info = raw.get("info")
    version = info.get("schema_version") if isinstance(info, dict) else None
    if type(version) is int and version != SCHEMA_VERSION:
        message = f"unsupported schema_version {version}: this release reads {SCHEMA_VERSION}"
        raise DatasetError([Problem("$.info.schema_version", message)], source)
    try:
        ds = _convert.structure(raw, cls)
    except RecursionError:
        raise DatasetError([Problem("$", "nested too deeply")], source) from None
    except (cattrs.BaseValidationError, *_convert.DATA_ERRORS) as exc:  # others propagate
        problems, more = _convert.problems_from(exc), 0
        with contextlib.suppress(RecursionError):
            found, more = _readable_problems(raw, max(MAX_PROBLEMS - len(problems), 0))
            problems += found
        raise DatasetError(problems, source, more) from None
    rows = _all_rows(raw)
    problems, more = _integrity.problems(rows, budget=MAX_PROBLEMS)
    if problems or more:
        raise DatasetError(problems, source, more)
    return ds


def _readable_problems(raw: Mapping[str, Any], budget: int) -> tuple[list[Problem], int]:
    """After a structural failure: the integrity problems among the records that can be
    read, so that one pass reports everything (beyond ``budget`` of them, only counted)."""
    tables = []
    skip = _integrity.Unreadable()
    for spec in TABLES:
        items = raw.get(spec.name)
        readable: list[tuple[int, Mapping[str, Any]]] = []
        tables.append((spec.name, spec.record, readable))
        if not isinstance(items, list):
            continue
        hook = _convert.converter.get_structure_hook(spec.record)
        for i, item in enumerate(items):
            try:
                hook(item, spec.record)
            except (cattrs.BaseValidationError, *_convert.DATA_ERRORS):  # reported by the whole-file pass
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    skip.ids.setdefault(spec.record, set()).add(item["id"])
                if spec.name == "episodes" and isinstance(item, Mapping) and type(item.get("number")) is int:
                    skip.episode_numbers.add(item["number"])
            else:
                readable.append((i, item))
    return _integrity.problems(tables, skip, budget)


def problems(raw: Mapping[str, Any]) -> list[Problem]:
    """Every integrity problem of a dataset's JSON-shaped data (empty when it is sound)."""
    return _integrity.problems(_all_rows(raw))[0]


def _all_rows(raw: Mapping[str, Any]) -> list[tuple[str, type, list[tuple[int, Any]]]]:
    """Every table's name, record type and (index, row) pairs, for the integrity report."""
    return [(spec.name, spec.record, list(enumerate(raw[spec.name]))) for spec in TABLES]


def sound(raw: dict[str, Any], cls: type[Any]) -> dict[str, Any]:
    """``raw`` (a dataset's JSON-shaped data) once it is checked as the loader checks a file:
    the fast check, and on a failure the detailed one, which raises a
    :class:`~putin_interviews.DatasetError` listing every problem.

    >>> import putin_interviews
    >>> sound(putin_interviews.dataset().to_dict(), putin_interviews.Dataset)["info"]["schema_version"]
    2
    """
    try:
        fast(raw, texts_encodable=True)  # its records checked theirs
    except FAILED:
        detailed(raw, None, cls)  # raises, saying what is wrong
    return raw
