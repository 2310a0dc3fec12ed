"""Search results: :class:`Hit` (a record, its score, what matched) and :class:`Hits`."""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from ._kinds import RecordKind
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._public import public
from ._render import format_table, header, html_table

__all__ = ["Hit", "Hits", "Record"]

#: A record of any table.
Record = Person | Topic | Article | Episode | Quote | Critique

R_co = TypeVar("R_co", bound=Record, covariant=True)


@public
class Hit(Generic[R_co]):
    """One search result: the record, its kind, its score, and what matched.

    A hit of :meth:`Quotes.hits <putin_interviews.Table.hits>` is a ``Hit[Quote]``; a hit of
    :meth:`Dataset.search` holds a record of any table (its type is the union of the record types; ``kind`` says which).

    >>> import putin_interviews
    >>> hit = putin_interviews.search("detente", kind="quote")[0]
    >>> hit.kind, hit.record.id, hit.fields
    ('quote', 'deadline-colbert-detente', ('text', 'context'))
    """

    __slots__ = ("_fields", "_kind", "_record", "_score", "_terms")

    def __init__(
        self,
        record: R_co,
        kind: RecordKind,
        score: float,
        fields: tuple[str, ...] | Callable[[], tuple[str, ...]],
        terms: tuple[str, ...],
    ):
        self._record = record
        self._kind: RecordKind = kind
        self._score = score
        self._fields = fields
        self._terms = terms

    @property
    def record(self) -> R_co:
        """The record found.

        >>> import putin_interviews
        >>> putin_interviews.dataset().quotes.hits("detente")[0].record.speaker_id
        'stone'
        """
        return self._record

    @property
    def kind(self) -> RecordKind:
        """The record's kind: ``"quote"``, ``"critique"``, ``"article"``, ``"person"``,
        ``"topic"`` or ``"episode"``.

        >>> import putin_interviews
        >>> putin_interviews.search("surveillance")[0].kind
        'topic'
        """
        return self._kind

    @property
    def score(self) -> float:
        """How well the record matches; higher is better (hits are sorted by it).

        >>> import putin_interviews
        >>> hits = putin_interviews.search("putin")
        >>> hits[0].score >= hits[-1].score > 0
        True
        """
        return self._score

    @property
    def terms(self) -> tuple[str, ...]:
        """The normalised query words.

        >>> import putin_interviews
        >>> putin_interviews.search("Détente")[0].terms
        ('detente',)
        """
        return self._terms

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
#: Hits shown by ``repr``.
_REPR_ROWS = 10


@public
class Hits(tuple[Hit[Record], ...]):
    """Search hits, best first: a tuple of :class:`Hit` with a readable ``repr``, HTML and
    a pandas frame. A hit's ``record`` is of any record type (``kind`` says which).

    >>> import putin_interviews
    >>> hits = putin_interviews.search("cautious optimist")
    >>> len(hits), hits[0].record.id
    (1, 'lz-part-3-cautious-optimist')
    """

    __slots__ = ()

    def _rows(self, hits: Sequence[Hit[Record]] | None = None) -> list[list[str]]:
        return [
            [h.kind, h.record.id, f"{h.score:.2f}", ", ".join(h.fields), _hit_text(h)]
            for h in (self if hits is None else hits)
        ]

    def __repr__(self) -> str:
        head = header("Hits", len(self), "hit")
        if not self:
            return head
        more = f"\n… {len(self) - _REPR_ROWS:,} more" if len(self) > _REPR_ROWS else ""
        return f"{head}\n{format_table(_HIT_COLUMNS, self._rows(self[:_REPR_ROWS]), width=100, max_lines=2)}{more}"

    def _repr_html_(self) -> str:
        """An HTML table of the hits, every value escaped (of a long list, the first and last
        hits only).

        >>> import putin_interviews
        >>> '<td style="text-align: left">quote</td>' in putin_interviews.search("hope")._repr_html_()
        True
        """
        return html_table(_HIT_COLUMNS, self, self._rows, caption=header("Hits", len(self), "hit"))

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` of the hits, best first (needs the ``pandas`` extra):
        ``kind`` (a category of every record kind), ``id``, ``score``, ``fields`` (the
        fields matched, a tuple) and ``text`` (the record's text, title, name or summary).

        >>> import putin_interviews
        >>> frame = putin_interviews.search("al qaida").to_pandas()  # doctest: +SKIP
        >>> list(frame.columns), str(frame["kind"].dtype), frame["id"].iloc[-1]  # doctest: +SKIP
        (['kind', 'id', 'score', 'fields', 'text'], 'category', 'part-1')
        """
        from . import _frames

        return _frames.hits_frame(self, typing.get_args(RecordKind), _hit_text)


def _hit_text(hit: Hit[Record]) -> str:
    for name in ("text", "title", "name", "label", "summary"):
        value = getattr(hit.record, name, None)
        if value:
            return str(value)
    return ""
