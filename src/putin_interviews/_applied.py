"""How a rule of :mod:`._rules` is applied to a field of a record type: each application
writes its condition into the generated fast check (:meth:`emit`) and reports its failures
with JSON paths on the detailed path (:meth:`report`). Where each is applied is
:data:`._integrity.RULES`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._errors import Problem
from ._rules import (
    EPISODE_EXISTS,
    EPISODE_RANGE,
    EPISODE_UNIQUE,
    FIELD_NAME,
    ID_NEEDED,
    ID_NULL,
    LISTED_ONCE,
    NOT_NEGATIVE,
    REFERENCE,
    SAME_ARTICLE,
    SPAN_INSIDE,
    SPAN_ORDER,
    SPAN_TEXT,
    WINDOW,
    Rule,
)

__all__ = [
    "Applied",
    "Emitter",
    "EpisodeNumber",
    "EpisodeNumberUnique",
    "FieldNames",
    "KindedRef",
    "NotNegative",
    "QuotesOfArticle",
    "Ref",
    "Report",
    "Spans",
    "Window",
]

# ------------------------------------------------------------------ where the rules apply


class Emitter:
    """What a rule application writes into the generated fast check (see ``_codegen``)."""

    def var(self, field: str) -> str:
        """The local variable holding ``field`` of the current row."""
        raise NotImplementedError  # pragma: no cover - implemented by the generator

    def require(self, rule: Rule, indent: str = "", **names: str) -> None:
        """Write ``if not (condition): raise Unexpected``."""
        raise NotImplementedError  # pragma: no cover

    def line(self, code: str, indent: str = "") -> None:
        """Write one line of code."""
        raise NotImplementedError  # pragma: no cover

    def fresh(self, prefix: str) -> str:
        """A new local name."""
        raise NotImplementedError  # pragma: no cover

    def constant(self, value: object) -> str:
        """The name under which the generated code sees ``value``."""
        raise NotImplementedError  # pragma: no cover

    def nullable(self, field: str) -> bool:
        """True when ``field`` may be None."""
        raise NotImplementedError  # pragma: no cover


class Report:
    """Collects the problems of the detailed check; ``context`` holds the tables' ids. Past
    ``budget`` problems, they are only counted (``more``): no message is made."""

    def __init__(self, context: dict[str, Any], budget: int | None) -> None:
        self.context = context
        self.problems: list[Problem] = []
        self.budget = budget
        self.more = 0

    def check(self, rule: Rule, path: str, **values: Any) -> bool:
        """True when ``rule`` holds for ``values``; otherwise record its message at ``path``."""
        if rule.holds(*(values[n] for n in rule.names)):
            return True
        if self.budget is not None and len(self.problems) >= self.budget:
            self.more += 1
        else:
            self.problems.append(Problem(path, rule.message(**values)))
        return False


class Applied:
    """A rule applied to a field of a record type."""

    def emit(self, g: Emitter) -> None:
        raise NotImplementedError  # pragma: no cover

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        raise NotImplementedError  # pragma: no cover


def _items(value: Any) -> list[tuple[str, Any]]:
    """(path suffix, item) for a list field, or ("", value) for one value."""
    if isinstance(value, list):
        return [(f"[{j}]", v) for j, v in enumerate(value)]
    return [("", value)]


@attrs.frozen
class Ref(Applied):
    """``field`` (one id, None, or a list of ids) names a record of the table ``target``."""

    field: str
    target: str
    noun: str
    many: bool = False

    def emit(self, g: Emitter) -> None:
        value = g.var(self.field)
        if self.many:
            item = g.fresh("item")
            g.line(f"for {item} in {value}:")
            g.require(REFERENCE, "    ", value=item, ids=self.target)
        elif g.nullable(self.field):
            g.line(f"if {value} is not None:")
            g.require(REFERENCE, "    ", value=value, ids=self.target)
        else:
            g.require(REFERENCE, value=value, ids=self.target)

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        ids = r.context[self.target]
        for suffix, value in _items(row[self.field]):
            if value is not None:
                r.check(REFERENCE, f"{at}.{self.field}{suffix}", value=value, ids=ids, noun=self.noun, owner=owner)


@attrs.frozen
class EpisodeNumber(Applied):
    """``field`` (a number, None, or with ``many`` a list of numbers) is a part that exists."""

    field: str
    many: bool = False

    def emit(self, g: Emitter) -> None:
        item = g.var(self.field)
        if self.many:
            item = g.fresh("number")
            g.line(f"for {item} in {g.var(self.field)}:")
        else:
            g.line(f"if {item} is not None:")
        g.require(EPISODE_RANGE, "    ", number=item)
        g.require(EPISODE_EXISTS, "    ", number=item, numbers="episodes")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        for suffix, number in _items(row[self.field]):
            if number is not None and r.check(EPISODE_RANGE, f"{at}.{self.field}{suffix}", number=number, owner=owner):
                r.check(
                    EPISODE_EXISTS,
                    f"{at}.{self.field}{suffix}",
                    number=number,
                    numbers=r.context["episodes"],
                    owner=owner,
                )


@attrs.frozen
class Spans(Applied):
    """``field`` (a span, or a list of spans, or of records holding one in ``inner``) lies
    inside the article's text; with ``text``, each covers as many characters as it."""

    field: str
    many: bool = False
    #: The key of the span in each item (a claim's ``span``), or None for the item itself.
    inner: str | None = None
    #: Where the length comes from: the row's own ``text_length`` (an article) or its article.
    own_length: bool = False
    text: str | None = None

    def emit(self, g: Emitter) -> None:
        value = g.var(self.field)
        length = g.var("text_length") if self.own_length else g.fresh("length")
        if not self.own_length:
            g.line(f"{length} = lengths[{g.var('article_id')}]")  # the article was checked to exist
        indent = ""
        span = value
        if not self.many and g.nullable(self.field):
            g.line(f"if {value} is not None:")
            indent = "    "
        if self.many:
            span = g.fresh("span")
            g.line(f"for {span} in {value}:")
            indent = "    "
        if self.inner is not None:
            g.line(f"{span} = {span}[{self.inner!r}]", indent)
        start, end = f"{span}['start']", f"{span}['end']"
        g.require(SPAN_ORDER, indent, start=start, end=end)
        g.require(SPAN_INSIDE, indent, end=end, length=length)
        if self.text is not None:
            g.require(SPAN_TEXT, indent, start=start, end=end, size=f"len({g.var(self.text)})")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        # An article's own claims are measured against the (last) article of its id.
        length = r.context["lengths"].get(row["id" if self.own_length else "article_id"])
        for suffix, item in _items(row[self.field]):
            if item is None:
                continue
            span, path = item, f"{at}.{self.field}{suffix}"
            if self.inner is not None:
                span, path = item[self.inner], f"{path}.{self.inner}"
            start, end = span["start"], span["end"]
            sound = r.check(SPAN_ORDER, path, start=start, end=end, owner=owner)
            if sound and length is not None:
                sound = r.check(SPAN_INSIDE, path, start=start, end=end, length=length, owner=owner)
            if sound and self.text is not None:
                r.check(SPAN_TEXT, path, start=start, end=end, size=len(row[self.text]), owner=owner)


@attrs.frozen
class FieldNames(Applied):
    """Each item of ``field`` (or its ``inner`` key) names a field of ``cls``."""

    field: str
    cls: type
    inner: str | None = None

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(a.name for a in attrs.fields(self.cls))

    def emit(self, g: Emitter) -> None:
        item = g.fresh("name")
        names = g.constant(self.fields)
        g.line(f"for {item} in {g.var(self.field)}:")
        if self.inner is not None:
            g.line(f"{item} = {item}[{self.inner!r}]", "    ")
        g.require(FIELD_NAME, "    ", name=item, fields=names)

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        for suffix, item in _items(row[self.field]):
            name, path = item, f"{at}.{self.field}{suffix}"
            if self.inner is not None:
                name = item[self.inner]
            r.check(FIELD_NAME, path, name=name, fields=self.fields, cls=self.cls.__name__, owner=owner)


@attrs.frozen
class NotNegative(Applied):
    field: str

    def emit(self, g: Emitter) -> None:
        g.require(NOT_NEGATIVE, value=g.var(self.field))

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        r.check(NOT_NEGATIVE, f"{at}.{self.field}", value=row[self.field], field=self.field, owner=owner)


@attrs.frozen
class Window(Applied):
    """An inferred date window (or None) ends no earlier than it starts."""

    field: str

    def emit(self, g: Emitter) -> None:
        w = g.var(self.field)
        g.line(f"if {w} is not None:")
        g.require(WINDOW, "    ", earliest=f"{w}['earliest']", latest=f"{w}['latest']")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        w = row[self.field]
        if w is not None:  # dates written YYYY-MM-DD compare as their text
            r.check(WINDOW, f"{at}.{self.field}", earliest=w["earliest"], latest=w["latest"], owner=owner)


@attrs.frozen
class KindedRef(Applied):
    """``id_field`` names a record of the table its ``kind_field`` calls for, or is None
    when the kind calls for none (``targets`` maps each kind to (table, noun) or None)."""

    kind_field: str
    id_field: str
    targets: Mapping[str, tuple[str, str] | None]

    def emit(self, g: Emitter) -> None:
        kind, value = g.var(self.kind_field), g.var(self.id_field)
        first = True
        for name, target in self.targets.items():
            g.line(f"{'if' if first else 'elif'} {kind} == {name!r}:")
            first = False
            if target is None:
                g.require(ID_NULL, "    ", value=value)
            else:
                g.require(ID_NEEDED, "    ", value=value)
                g.require(REFERENCE, "    ", value=value, ids=target[0])
        g.line("else: raise Unexpected")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        kind, value, path = row[self.kind_field], row[self.id_field], f"{at}.{self.id_field}"
        target = self.targets[kind]
        about = {"kind_field": self.kind_field, "kind": kind, "field": self.id_field, "owner": owner}
        if target is None:
            r.check(ID_NULL, path, value=value, **about)
        elif r.check(ID_NEEDED, path, value=value, **about):
            r.check(REFERENCE, path, value=value, ids=r.context[target[0]], noun=target[1], owner=owner)


@attrs.frozen
class QuotesOfArticle(Applied):
    """Each id in ``field`` names a quotation of the same article."""

    field: str

    def emit(self, g: Emitter) -> None:
        item, seen = g.fresh("qid"), g.fresh("listed")
        g.line(f"{seen} = set()")
        g.line(f"for {item} in {g.var(self.field)}:")
        g.require(REFERENCE, "    ", value=item, ids="quotes")
        g.require(SAME_ARTICLE, "    ", quote_article=f"quote_articles[{item}]", article=g.var("article_id"))
        g.require(LISTED_ONCE, "    ", value=item, seen=seen)
        g.line(f"{seen}.add({item})", "    ")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        articles = r.context["quote_articles"]
        seen: set[str] = set()
        for j, qid in enumerate(row[self.field]):
            path = f"{at}.{self.field}[{j}]"
            listed_once = r.check(LISTED_ONCE, path, value=qid, seen=seen, noun="quote", owner=owner)
            seen.add(qid)
            if not listed_once:
                continue
            if qid in articles:
                r.check(
                    SAME_ARTICLE, path, value=qid, quote_article=articles[qid], article=row["article_id"], owner=owner
                )
            else:
                r.check(REFERENCE, path, value=qid, ids=r.context["quotes"], noun="quote", owner=owner)


@attrs.frozen
class EpisodeNumberUnique(Applied):
    """An episode's number is a part, given to no other episode."""

    field: str

    def emit(self, g: Emitter) -> None:
        number = g.var(self.field)
        g.require(EPISODE_RANGE, number=number)
        g.require(EPISODE_UNIQUE, number=number, numbers="episodes")

    def report(self, r: Report, row: Mapping[str, Any], at: str, owner: str) -> None:
        number, path = row[self.field], f"{at}.{self.field}"
        if r.check(EPISODE_RANGE, path, number=number, owner=owner):
            r.check(EPISODE_UNIQUE, path, number=number, numbers=r.context["seen_numbers"], owner=owner)
        r.context["seen_numbers"].add(number)
