"""The documentation of the record types, as data: each class's first paragraph and each
field's ``#:`` comment (the ones Sphinx shows in the API reference).

The exports that describe their columns (the Datasette metadata, the Frictionless Data
Package, Croissant) take their descriptions from here, so they say what the model says.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from . import _models
from ._flat import Column, columns

__all__ = ["all_column_docs", "column_doc", "field_doc", "first_paragraph"]


def first_paragraph(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line.

    >>> from putin_interviews._models import Span
    >>> first_paragraph(Span)
    "A character range in an article's source text: source_text[start:end]."
    """
    doc = (cls.__doc__ or "").strip()
    return plain(" ".join(doc.split("\n\n")[0].split()))


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """Each field's ``#:`` comment (the lines just above it), joined into one line."""
    try:  # the record types are defined in _models (their __module__ names the package)
        source = inspect.getsource(_models)
    except (OSError, TypeError) as exc:  # pragma: no cover - installed without its source
        raise RuntimeError(f"the field documentation of {cls.__name__} needs the package's source files") from exc
    lines = source.splitlines()
    node = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    docs: dict[str, str] = {}
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            comment: list[str] = []
            at = statement.lineno - 2  # the line above, 0-based
            while at >= 0 and lines[at].strip().startswith("#:"):
                comment.insert(0, lines[at].strip()[2:].strip())
                at -= 1
            if comment:
                docs[statement.target.id] = " ".join(comment)
    return docs


_ROLE = re.compile(r":[a-z]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`")
_LITERAL = re.compile(r"``(.*?)``")
_NONE = re.compile(r"\bNone\b")  # a value not known is null in every export


def plain(text: str) -> str:
    """reST markup of a doc comment made plain text, for the exports' descriptions: a
    cross-reference is its title (or the target's last name), a literal its text.

    >>> plain("Where ``text`` is printed; see :meth:`People.get <putin_interviews.Table.get>` and :class:`~x.Span`.")
    'Where text is printed; see People.get and Span.'
    >>> plain("None where not known.")
    'null where not known.'
    """
    text = _ROLE.sub(lambda m: m.group(1).rsplit(".", 1)[-1] if "<" not in m.group(0) else m.group(1), text)
    return _NONE.sub("null", _LITERAL.sub(r"\1", text))


def field_doc(cls: type, name: str) -> str:
    """The ``#:`` documentation of field ``name`` of record type ``cls``.

    >>> from putin_interviews._models import Quote
    >>> field_doc(Quote, "mode")[:40]
    "Whose words they are: the speaker's own "

    A field without one is an error (every field is documented; a test checks it).
    """
    if name not in attrs.fields_dict(cls):
        raise KeyError(f"{cls.__name__} has no field {name!r}")
    try:
        return plain(_field_docs(cls)[name])
    except KeyError:
        raise LookupError(f"{cls.__name__}.{name} has no #: documentation comment") from None


#: Said of a column whose field some record lists in its ``inferred`` field.
INFERRED_NOTE = (
    "Some values are the curators' inferences, not the article's statement: the record's inferred list names them."
)


def inferred_fields(rows: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The fields that some record of ``rows`` (JSON-shaped) lists as inferred.

    >>> sorted(inferred_fields([{"inferred": ["episode"]}, {"inferred": []}, {"id": "x"}]))
    ['episode']
    """
    return frozenset(name for row in rows for name in row.get("inferred", ()))


def column_doc(cls: type, column: Column, inferred: frozenset[str] = frozenset()) -> str:
    """The description of a flat column (:mod:`._flat`) of ``cls``: its field's
    documentation, and for a nested record's sub-field that of the sub-field too; if its
    field is among ``inferred`` (:func:`inferred_fields` of the table's rows), a note
    saying that some values are inferences.

    >>> from putin_interviews._models import Quote
    >>> span_start = next(c for c in columns(Quote) if c.path == ("span", "start"))
    >>> for part in column_doc(Quote, span_start).split(". start: "):
    ...     print(part)
    Where text is printed in the article (its first occurrence)
    The index of the first character (0 is the text's first).
    """
    text = field_doc(cls, column.path[0])
    if len(column.path) == 2:
        text += f" {column.path[1]}: {field_doc(column.nested, column.path[1])}"
    if column.path[0] in inferred:
        text += f" {INFERRED_NOTE}"
    return text


def all_column_docs(cls: type, rows: Iterable[Mapping[str, Any]] = ()) -> dict[str, str]:
    """Every flat column of ``cls`` (named with ``_``) and its description (``rows``, the
    table's records, say which fields are sometimes inferred)."""
    inferred = inferred_fields(rows)
    return {c.name("_"): column_doc(cls, c, inferred) for c in columns(cls)}
