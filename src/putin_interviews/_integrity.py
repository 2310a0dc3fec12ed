"""Where each rule of :mod:`._rules` applies (how, :mod:`._applied`), and the detailed check.

:data:`RULES` says where each rule applies: which field of which record type, checked
against which table. Two readers share them:

* the loader's fast path: :mod:`._codegen` inlines each condition into generated code that
  checks the raw JSON rows of a table in one pass and only answers "sound or not";
* the detailed path, :func:`problems`: each condition, compiled once, is evaluated on the
  same raw rows, and every failure is reported with its JSON path and message.

The structural rules of :mod:`._rules` (JSON types, string length, enum values, dates) serve
the strict converter (:mod:`._convert`) and the generated checks alike. Keys come from the
record types themselves: both paths require exactly the fields of the attrs class.

Rows are JSON-shaped (dicts, lists, strings, numbers): parser output on the fast path, rows
the converter has accepted on the detailed one. Tables are checked in :data:`ORDER`, each
after the tables it refers to; the ids of every table are checked first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._applied import (
    Applied,
    EpisodeNumber,
    EpisodeNumberUnique,
    FieldNames,
    KindedRef,
    NotNegative,
    QuotesOfArticle,
    Ref,
    Report,
    Spans,
    Window,
)
from ._errors import Problem, shown
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._rules import ID_LENGTH, UNIQUE_ID

__all__ = ["ID_SETS", "ORDER", "PROVIDES", "RULES", "Unreadable", "ids_disjoint", "problems"]

_PEOPLE = ("people", "person")
_TOPICS = ("topics", "topic")
#: Where each rule applies, record type by record type, in the order they are reported.
RULES: dict[type, tuple[Applied, ...]] = {
    Person: (FieldNames("basis", Person, inner="field"),),
    Topic: (),
    Episode: (
        EpisodeNumberUnique("number"),
        Ref("director", *_PEOPLE),
        Ref("topics", *_TOPICS, many=True),
        FieldNames("basis", Episode, inner="field"),
        FieldNames("inferred", Episode),
    ),
    Article: (
        NotNegative("text_length"),
        EpisodeNumber("episode_numbers", many=True),
        Spans("claims", many=True, inner="span", own_length=True),
        Window("published_inferred"),
        FieldNames("basis", Article, inner="field"),
    ),
    Quote: (
        KindedRef("mode", "speaker_id", {"direct": _PEOPLE, "scare": None, "indirect": _PEOPLE}),
        Ref("addressee_id", *_PEOPLE),
        Ref("reported_by_id", *_PEOPLE),
        Ref("subject_ids", *_PEOPLE, many=True),
        Ref("article_id", "articles", "article"),
        EpisodeNumber("episode"),
        Spans("span", text="text"),
        Spans("other_spans", many=True, text="text"),
        Spans("cue"),
        Ref("topics", *_TOPICS, many=True),
        FieldNames("inferred", Quote),
    ),
    Critique: (
        Ref("article_id", "articles", "article"),
        KindedRef("critic_kind", "critic_id", {"person": _PEOPLE, "article": None, "unnamed": None}),
        KindedRef(
            "target_kind", "target_id", {"person": _PEOPLE, "episode": ("episode_ids", "episode"), "documentary": None}
        ),
        Ref("topics", *_TOPICS, many=True),
        QuotesOfArticle("quote_ids"),
        EpisodeNumber("episode"),
        Spans("spans", many=True),
        FieldNames("inferred", Critique),
    ),
}

#: The order tables are checked in: each after the tables its records refer to.
ORDER: tuple[type, ...] = (Person, Topic, Episode, Article, Quote, Critique)

#: What each table lends the checks of later ones: name -> (key field, value field or None
#: for a set of keys).
PROVIDES: dict[type, dict[str, tuple[str, str | None]]] = {
    Person: {"people": ("id", None)},
    Topic: {"topics": ("id", None)},
    Episode: {"episode_ids": ("id", None), "episodes": ("number", None)},
    Article: {"articles": ("id", None), "lengths": ("id", "text_length")},
    Quote: {"quotes": ("id", None), "quote_articles": ("id", "article_id")},
    Critique: {"critique_ids": ("id", None)},
}

#: The context names of each table's set of ids.
ID_SETS: tuple[str, ...] = tuple(
    name for provided in PROVIDES.values() for name, (key, value) in provided.items() if key == "id" and value is None
)


def ids_disjoint(context: Mapping[str, Any]) -> bool:
    """Whether no id is in two tables' id sets (the fast path's check of ids unique across
    tables; each table's checker has held them unique within it).

    >>> ids_disjoint({name: set() for name in ID_SETS} | {"quotes": {"a"}, "critique_ids": {"a"}})
    False
    """
    # A table's ids may be held as the keys of a mapping (a dict's keys view is set-like).
    sets = sorted(
        (context[name] if isinstance(context[name], set) else context[name].keys() for name in ID_SETS), key=len
    )
    return all(small.isdisjoint(large) for i, small in enumerate(sets) for large in sets[i + 1 :])


# ------------------------------------------------------------------ the detailed check


@attrs.frozen
class Unreadable:
    """Ids (and episode numbers) of records that could not be structured: they exist, so
    references to them are not reported as dangling."""

    ids: dict[type, set[str]] = attrs.Factory(dict)
    episode_numbers: set[int] = attrs.Factory(set)


def _context(tables: Mapping[type, Sequence[tuple[int, Mapping[str, Any]]]], skip: Unreadable) -> dict[str, Any]:
    context: dict[str, Any] = {"seen_numbers": set()}
    for cls, provided in PROVIDES.items():
        rows = [row for _, row in tables.get(cls, ())]
        for name, (key, value) in provided.items():
            if value is None:
                found: Any = {row[key] for row in rows}
                if key == "id":
                    found |= skip.ids.get(cls, set())
                elif name == "episodes":
                    found |= skip.episode_numbers
            else:
                found = {row[key]: row[value] for row in rows}
            context[name] = found
    return context


def problems(
    tables: Iterable[tuple[str, type, Sequence[tuple[int, Mapping[str, Any]]]]],
    skip: Unreadable | None = None,
    budget: int | None = None,
) -> tuple[list[Problem], int]:
    """The integrity problems of the rows given, with JSON paths, and how many more there
    are beyond ``budget`` (None: no limit). ``tables`` holds, for each table, its name,
    record type and (index in the file, JSON row) pairs of the rows that are structurally
    sound. ``([], 0)`` when the data is sound.

    >>> problems([("people", Person, [(0, {"id": "", "basis": []})])])
    ([Problem(path='$.people[0].id', message='an id must have 1 to 200 characters, not 0')], 0)
    """
    named = {cls: (name, rows) for name, cls, rows in tables}
    report = Report(_context({cls: rows for cls, (_, rows) in named.items()}, skip or Unreadable()), budget)
    first: dict[str, str] = {}  # ids are unique across all tables
    for name, rows in named.values():
        for i, row in rows:
            rid, path = row["id"], f"$.{name}[{i}].id"
            report.check(ID_LENGTH, path, id=rid)
            if report.check(UNIQUE_ID, path, id=rid, seen=first):
                first[rid] = f"$.{name}[{i}]"
    for cls in ORDER:
        if cls not in named:
            continue
        name, rows = named[cls]
        noun = cls.__name__.lower()
        for i, row in rows:
            at, owner = f"$.{name}[{i}]", f"{noun} {shown(row['id'])}"
            for applied in RULES[cls]:
                applied.report(report, row, at, owner)
    return report.problems, report.more
