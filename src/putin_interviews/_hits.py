"""Search results: :class:`Hit` (a record, its score, what matched) and :class:`Hits`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._public import public
from ._render import format_table, html_table

__all__ = ["Hit", "Hits"]

R = TypeVar("R", Person, Topic, Article, Episode, Quote, Critique)


@public
class Hit(Generic[R]):
    """One search result: the record, its score, and what matched.

    >>> import putin_interviews
    >>> hit = putin_interviews.search("detente", kind="quote")[0]
    >>> hit.kind, hit.record.id, hit.fields
    ('quote', 'deadline-colbert-detente', ('text', 'context'))
    """

    __slots__ = ("_fields", "kind", "record", "score", "terms")

    def __init__(
        self,
        record: R,
        kind: str,
        score: float,
        fields: tuple[str, ...] | Callable[[], tuple[str, ...]],
        terms: tuple[str, ...],
    ):
        self.record: R = record
        self.kind = kind
        self.score = score
        self._fields = fields
        #: The normalised query words.
        self.terms = terms

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of the record in which the query words were found (worked out when
        first asked for).

        >>> import putin_interviews
        >>> putin_interviews.search("cautious optimist")[0].fields
        ('text',)
        """
        if callable(self._fields):
            self._fields = self._fields()
        return self._fields

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.record, self.kind, self.score, self.fields, self.terms)

    def __repr__(self) -> str:
        return f"Hit({self.kind} {self.record.id!r}, score={self.score:.2f}, fields={self.fields})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.record, self.kind, self.fields, self.terms) == (
            other.record,
            other.kind,
            other.fields,
            other.terms,
        )

    def __hash__(self) -> int:
        return hash((self.record, self.kind, self.fields, self.terms))


_HIT_COLUMNS = ["kind", "id", "score", "matched", "text"]


@public
class Hits(tuple[Hit[Any], ...]):
    """Search hits, best first: a tuple of :class:`Hit` with a readable ``repr`` and HTML.

    >>> import putin_interviews
    >>> hits = putin_interviews.search("cautious optimist")
    >>> len(hits), hits[0].record.id
    (1, 'lz-part-3-cautious-optimist')
    """

    __slots__ = ()

    def _rows(self) -> list[list[str]]:
        return [[h.kind, h.record.id, f"{h.score:.2f}", ", ".join(h.fields), _hit_text(h)] for h in self]

    def __repr__(self) -> str:
        head = f"Hits: {len(self)}"
        if not self:
            return head
        return head + "\n" + format_table(_HIT_COLUMNS, self._rows()[:10], width=100, max_lines=2)

    def _repr_html_(self) -> str:
        """An HTML table of the hits, every value escaped.

        >>> import putin_interviews
        >>> "<td>quote</td>" in putin_interviews.search("hope")._repr_html_()
        True
        """
        return html_table(_HIT_COLUMNS, self._rows())


def _hit_text(hit: Hit[Any]) -> str:
    for name in ("text", "title", "name", "summary"):
        value = getattr(hit.record, name, None)
        if value:
            return str(value)
    return ""
