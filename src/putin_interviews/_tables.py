"""The collection type of every table and every result: tuple-like, immutable, chainable.

``ds.quotes`` is a :class:`Quotes`; ``ds.quotes.filter(speaker="putin")`` is a
:class:`Quotes` too, and so is ``.search("al qaida")``. Indexes (by id, by name, the words
of the search index) are built once per table, on first use, behind a lock.
"""

from __future__ import annotations

import difflib
import enum
import html
import importlib
import json
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from . import _convert, _export
from ._errors import NotFoundError
from ._gc import collector_paused
from ._models import (
    Article,
    ArticleKind,
    CriticKind,
    Critique,
    Episode,
    Person,
    PersonKind,
    Quote,
    QuoteKind,
    Stance,
    TargetKind,
    Venue,
)
from ._render import format_table
from ._search import InvertedIndex, normalize, tokens

if TYPE_CHECKING:
    from typing_extensions import Self

    from ._dataset import Dataset

__all__ = ["Articles", "Critiques", "Episodes", "Hit", "People", "Quotes", "Table"]

R = TypeVar("R", Person, Article, Episode, Quote, Critique)
E = TypeVar("E", bound=enum.Enum)


class _Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


#: The default of every filter argument: "not given" (None is a value: "not known").
UNSET = _Unset.UNSET
_build_lock = threading.RLock()


def _many(value: Any) -> tuple[Any, ...]:
    """A tuple, list, set or frozenset of values means OR; anything else is one value."""
    if isinstance(value, (tuple, list, set, frozenset)):
        return tuple(value)
    return (value,)


def _closest(key: str, candidates: Iterable[str] | Mapping[str, str], n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` candidates close to ``key`` after normalisation: similar enough (ratio
    0.5 or more) and nearly as close as the best (within 0.1 of it), best first. A mapping's
    keys are matched and its values suggested (names matched, ids suggested)."""
    pairs = candidates.items() if isinstance(candidates, Mapping) else ((c, c) for c in candidates)
    wanted = normalize(str(key))
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    scored: dict[str, float] = {}
    for text, suggestion in pairs:
        matcher.set_seq1(normalize(text))
        if matcher.real_quick_ratio() >= 0.5 and matcher.quick_ratio() >= 0.5:
            ratio = matcher.ratio()
            if ratio >= 0.5 and ratio > scored.get(suggestion, 0.0):
                scored[suggestion] = ratio
    if not scored:
        return ()
    best = max(scored.values())
    ranked = sorted((s for s, r in scored.items() if r >= best - 0.1), key=lambda s: (-scored[s], s))
    return tuple(ranked[:n])


def _enum_value(cls: type[E], value: Any, what: str) -> E:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        folded = normalize(value)
        for member in cls:
            if folded in (normalize(member.value), normalize(member.name)):
                return member
    raise NotFoundError(what, value, _closest(str(value), (m.value for m in cls)) or tuple(m.value for m in cls))


class Hit(Generic[R]):
    """One search result: the record, its score, and what matched.

    >>> import putin_interviews
    >>> hit = putin_interviews.search("detente", kind="quote")[0]
    >>> hit.kind, hit.record.id, hit.fields
    ('quote', 'deadline-colbert-detente', ('text',))
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


class Table(Sequence[R]):
    """An immutable, tuple-like collection of records of one kind.

    Indexing, slicing, ``len``, iteration and ``in`` work as on a tuple; a slice, a
    filter or a search gives a collection of the same type, so calls chain. It compares
    equal to another collection or a tuple holding the same records in the same order.
    """

    __slots__ = ("_by_field", "_by_id", "_dataset", "_pending", "_positions", "_records", "_root", "_search_index")

    #: The record kind's name in search hits and messages ("quote", …).
    kind: ClassVar[str]
    #: Columns shown by ``repr``, ``_repr_html_`` and the command line's tables.
    _columns: ClassVar[tuple[tuple[str, Callable[[Any], object]], ...]]
    #: The searchable fields of one record: (field name, weight).
    _search_fields: ClassVar[tuple[tuple[str, float], ...]]

    def __init__(self, items: Iterable[R] = ()) -> None:
        # Tuples are immutable, so a tuple (or another table's tuple) is shared, not copied.
        if isinstance(items, Table):
            items = items._items
        self._records: tuple[R, ...] | None = items if type(items) is tuple else tuple(items)
        self._pending: tuple[int, Callable[[], tuple[R, ...]]] | None = None
        self._dataset: Dataset | None = None
        self._root: Table[R] | None = None
        self._by_id: dict[str, R] | None = None
        self._search_index: InvertedIndex | None = None
        #: Positions of the records in the root table, when known (results of indexed filters).
        self._positions: tuple[int, ...] | None = None
        #: Per-field position indexes of a root table: field -> value -> positions.
        self._by_field: dict[str, dict[Any, list[int]]] = {}

    # --------------------------------------------------------------- tuple behaviour

    @classmethod
    def _deferred(cls, count: int, build: Callable[[], tuple[R, ...]]) -> Self:
        """A table of ``count`` records that ``build`` makes on first use (once, under a
        lock): the loader checks big tables completely but builds their records only when
        they are needed."""
        table = cls()
        object.__setattr__(table, "_records", None)
        object.__setattr__(table, "_pending", (count, build))
        return table

    @property
    def _items(self) -> tuple[R, ...]:
        records = self._records
        if records is None:
            with _build_lock:
                if self._records is None:
                    assert self._pending is not None
                    object.__setattr__(self, "_records", self._pending[1]())
                    object.__setattr__(self, "_pending", None)
                records = self._records
                assert records is not None
        return records

    def __len__(self) -> int:
        pending = self._pending
        return pending[0] if pending is not None else len(self._items)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: int | slice) -> R | Self:
        if isinstance(index, slice):
            return self._derive(self._items[index])
        return self._items[index]

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __contains__(self, value: object) -> bool:
        return value in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return type(self) is type(other) and self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __setattr__(self, name: str, value: object) -> None:
        if name in Table.__slots__ and (name not in ("_records", "_pending") or not hasattr(self, name)):
            object.__setattr__(self, name, value)  # construction and lazily built caches
            return
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return self._text(limit=10, width=100, max_lines=2)

    def _text(self, limit: int | None, width: int, max_lines: int | None) -> str:
        shown = self._items if limit is None else self._items[:limit]
        head = f"{type(self).__name__}: {len(self)} {self.kind}{'' if len(self) == 1 else 's'}"
        if not shown:
            return head
        body = format_table([c[0] for c in self._columns], self._rows(shown), width=width, max_lines=max_lines)
        more = f"\n… {len(self) - len(shown)} more" if len(shown) < len(self) else ""
        return f"{head}\n{body}{more}"

    def _rows(self, records: Iterable[R]) -> list[list[str]]:
        return [[_cell(getter(r)) for _, getter in self._columns] for r in records]

    def _repr_html_(self) -> str:
        """An HTML table for notebooks; every value is escaped.

        >>> import putin_interviews
        >>> putin_interviews.quotes(speaker="putin", episode=1)._repr_html_()[:7]
        '<table>'
        """
        head = "".join(f"<th>{html.escape(name)}</th>" for name, _ in self._columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self._rows(self._items)
        )
        caption = html.escape(f"{type(self).__name__}: {len(self)} {self.kind}{'' if len(self) == 1 else 's'}")
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    # --------------------------------------------------------------- derived collections

    def _derive(self, items: Iterable[R]) -> Self:
        new = type(self)(items)
        new._dataset = self._dataset
        new._root = self._root if self._root is not None else self
        return new

    def _bind(self, dataset: Dataset) -> None:
        self._dataset = dataset

    def _where(self, tests: list[Callable[[R], bool]]) -> Self:
        return self._derive(r for r in self._items if all(t(r) for t in tests))

    def _field_index(self, field: str) -> dict[Any, list[int]]:
        """value -> positions of the records holding it, for a field of the root table;
        built once, on first use."""
        root = self._root if self._root is not None else self
        index = root._by_field.get(field)
        if index is None:
            with _build_lock:
                index = root._by_field.get(field)
                if index is None:
                    index = {}
                    for position, record in enumerate(root._items):
                        index.setdefault(getattr(record, field), []).append(position)
                    root._by_field[field] = index
        return index

    def _select(self, indexed: list[tuple[str, set[Any]]], tests: list[Callable[[R], bool]]) -> Self:
        """Records whose ``field`` value is in the given set for every (field, values) in
        ``indexed`` (answered from the field indexes, in time proportional to the result)
        and that pass ``tests``; document order kept."""
        root = self._root if self._root is not None else self
        if not indexed or (self is not root and self._positions is None):
            checks: list[Callable[[R], bool]] = [_field_in(field, values) for field, values in indexed]
            return self._where(checks + tests)
        # The shortest position list answers; the other criteria are tested on its records
        # only: time proportional to the smallest result, not the largest.
        candidates: list[tuple[list[int], str, set[Any]]] = []
        for field, values in indexed:
            index = self._field_index(field)
            found = [index.get(v, []) for v in values]
            candidates.append((found[0] if len(found) == 1 else sorted(p for f in found for p in f), field, values))
        candidates.sort(key=lambda c: len(c[0]))
        positions = candidates[0][0]
        items = root._items
        for _, field, values in candidates[1:]:
            get = attrgetter(field)
            positions = [p for p in positions if get(items[p]) in values]
        if self is not root:
            assert self._positions is not None
            mine = set(self._positions)
            positions = [p for p in positions if p in mine]
        if tests:
            positions = [p for p in positions if all(t(items[p]) for t in tests)]
        result = self._derive(items[p] for p in positions)
        result._positions = tuple(positions)
        return result

    # --------------------------------------------------------------- lookup

    def _id_index(self) -> dict[str, R]:
        if self._by_id is None:
            with _build_lock:
                if self._by_id is None:
                    self._by_id = {r.id: r for r in self._items}
        return self._by_id

    def _keys(self) -> Iterable[str] | Mapping[str, str]:
        return self._id_index().keys()

    def get(self, key: str) -> R:
        """The record with id ``key``; :class:`~putin_interviews.NotFoundError` naming the
        closest ids when there is none.

        >>> import putin_interviews
        >>> putin_interviews.dataset().quotes.get("lz-part-3-always-hope").text
        'There is always hope,'
        """
        found = self._id_index().get(key) if isinstance(key, str) else None
        if found is None:
            raise NotFoundError(self.kind, key, _closest(str(key), self._keys()))
        return found

    # --------------------------------------------------------------- search

    def _index(self) -> InvertedIndex:
        root = self._root if self._root is not None else self
        if root._search_index is None:
            with _build_lock:
                if root._search_index is None:
                    records = root._items
                    with collector_paused():
                        root._search_index = InvertedIndex(
                            len(records),
                            [
                                ([_searchable(getattr(r, name)) for r in records], weight)
                                for name, weight in self._search_fields
                            ],
                        )
        return root._search_index

    def hits(self, query: str, limit: int | None = None) -> list[Hit[R]]:
        """Search hits in this collection, best first, each with what matched.

        >>> import putin_interviews
        >>> [h.record.id for h in putin_interviews.dataset().articles.hits("al qaida")]
        ['lz-part-1']
        """
        return [
            Hit(record, self.kind, score, partial(self._matched, record, terms), terms)
            for record, score, terms in self._ranked(query, limit)
        ]

    def _ranked(self, query: str, limit: int | None) -> list[tuple[R, float, tuple[str, ...]]]:
        """(record, score, query words) of this collection's matches, best first."""
        root = self._root if self._root is not None else self
        members = None if root is self else {id(r) for r in self._items}
        found = self._index().query(query, limit if members is None else None)
        items = root._items
        if members is None:
            return [(items[doc], score, terms) for doc, score, terms in found]
        ranked = [(items[doc], score, terms) for doc, score, terms in found if id(items[doc]) in members]
        return ranked if limit is None else ranked[:limit]

    def _matched(self, record: R, terms: tuple[str, ...]) -> tuple[str, ...]:
        """The searchable fields of ``record`` that hold a query word (for the hits shown)."""
        wanted = set(terms)
        return tuple(
            name for name, _ in self._search_fields if wanted.intersection(tokens(_searchable(getattr(record, name))))
        )

    def search(self, query: str, limit: int | None = None) -> Self:
        """The records matching every word of ``query``, best first.

        Case-, accent- and punctuation-insensitive: "detente" finds "détente", "don't"
        finds "don’t", "al qaida" finds "Al-Qaida".

        >>> import putin_interviews
        >>> [q.id for q in putin_interviews.dataset().quotes.search("al qaida")]
        ['lz-part-1-al-qaida-result', 'lz-part-1-afghanistan']
        """
        return self._derive(record for record, _, _ in self._ranked(query, limit))

    # --------------------------------------------------------------- export

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as JSON-shaped dicts (the dataset file's form).

        >>> import putin_interviews
        >>> putin_interviews.get_quote("lz-part-3-always-hope").span
        Span(start=1, end=22)
        >>> putin_interviews.quotes(text="always hope").to_dicts()[0]["span"]
        {'start': 1, 'end': 22}
        """
        hook = _convert.converter.get_unstructure_hook(self._record_type())
        return [hook(r) for r in self._items]

    def to_json(self) -> str:
        """The records as a JSON array (UTF-8 characters unescaped, two-space indent).

        >>> import putin_interviews
        >>> putin_interviews.quotes(text="always hope").to_json().startswith('[\\n  {\\n    "id": ')
        True
        """
        return json.dumps(self.to_dicts(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """The records as CSV text with a header row; nested fields flattened and lists
        joined as :meth:`Dataset.export` documents.

        >>> import putin_interviews
        >>> print(putin_interviews.people(kind="group").to_csv().splitlines()[0])
        id,name,aliases,description,kind
        """
        return _export.csv_text(self._record_type(), self.to_dicts())

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` with one row per record (needs the ``pandas`` extra).

        >>> import putin_interviews
        >>> frame = putin_interviews.quotes(speaker="putin").to_pandas()  # doctest: +SKIP
        >>> frame.shape  # doctest: +SKIP
        (19, 15)
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError(
                "to_pandas() needs pandas, which is not installed: pip install 'putin-interviews[pandas]'"
            ) from None
        return pandas.DataFrame(self.to_dicts(), columns=_convert.field_names(self._record_type()))

    @classmethod
    def _record_type(cls) -> type:
        return _RECORD_TYPES[cls]

    # --------------------------------------------------------------- resolution helpers

    def _ds(self) -> Dataset:
        if self._dataset is None:
            raise TypeError(f"this {type(self).__name__} belongs to no Dataset, so it cannot resolve references")
        return self._dataset

    def _person_ids(self, value: Any) -> set[str | None]:
        people = self._ds().people
        return {None if v is None else people.get(v.id if isinstance(v, Person) else v).id for v in _many(value)}

    def _episode_numbers(self, value: Any) -> set[int | None]:
        episodes = self._ds().episodes
        return {
            None if v is None else episodes.get(v.number if isinstance(v, Episode) else v).number for v in _many(value)
        }

    def _article_ids(self, value: Any) -> set[str]:
        articles = self._ds().articles
        return {articles.get(v.id if isinstance(v, Article) else v).id for v in _many(value)}

    def _topics(self, value: Any, known: Iterable[str]) -> set[str]:
        pool = {normalize(t): t for t in known}
        out = set()
        for v in _many(value):
            if not isinstance(v, str) or normalize(v) not in pool:
                raise NotFoundError("topic", v, _closest(str(v), pool.values()))
            out.add(normalize(v))
        return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _searchable(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(_searchable(v) for v in value)
    return str(value)


def _in(values: set[Any], getter: Callable[[R], Any]) -> Callable[[R], bool]:
    return lambda r: getter(r) in values


def _field_in(field: str, values: set[Any]) -> Callable[[Any], bool]:
    get = attrgetter(field)
    return lambda r: get(r) in values


def _any_in(values: set[Any], getter: Callable[[R], Iterable[Any]]) -> Callable[[R], bool]:
    return lambda r: any(v in values for v in getter(r))


def _contains(needles: Sequence[str], getter: Callable[[R], str]) -> Callable[[R], bool]:
    folded = [normalize(n) for n in needles]
    return lambda r: any(n in normalize(getter(r)) for n in folded)


def _enums(cls: type[E], value: Any, what: str) -> set[E]:
    return {_enum_value(cls, v, what) for v in _many(value)}


class People(Table[Person]):
    """The people and groups of a dataset, or a selection of them.

    :meth:`get` also takes a name, surname or alias, case- and accent-insensitively.

    >>> import putin_interviews
    >>> putin_interviews.dataset().people.get("vladimir putin").id
    'putin'
    """

    __slots__ = ("_by_name",)
    _by_name: dict[str, Person] | None
    kind = "person"
    _columns = (
        ("id", lambda p: p.id),
        ("name", lambda p: p.name),
        ("kind", lambda p: p.kind),
        ("description", lambda p: p.description),
    )
    _search_fields = (("name", 3.0), ("aliases", 2.0), ("description", 1.0))

    def __init__(self, items: Iterable[Person] = ()) -> None:
        super().__init__(items)
        object.__setattr__(self, "_by_name", None)

    def _name_index(self) -> dict[str, Person]:
        if self._by_name is None:
            with _build_lock:
                if self._by_name is None:
                    exact: dict[str, Person] = {}
                    surnames: dict[str, list[Person]] = {}
                    for p in self._items:
                        for key in (p.id, p.name, *p.aliases):
                            exact.setdefault(normalize(key), p)
                        words = normalize(p.name).split()
                        if len(words) > 1:
                            surnames.setdefault(words[-1], []).append(p)
                    for surname, found in surnames.items():
                        if len(found) == 1:  # an ambiguous surname names nobody
                            exact.setdefault(surname, found[0])
                    object.__setattr__(self, "_by_name", exact)
                    return exact
        return self._by_name

    def _keys(self) -> Mapping[str, str]:
        keys = {p.id: p.id for p in self._items}
        for p in self._items:
            for text in (p.name, *p.aliases):
                keys.setdefault(text, p.id)
        return keys

    def get(self, key: str) -> Person:
        """The person or group with this id, name, surname or alias.

        >>> import putin_interviews
        >>> people = putin_interviews.dataset().people
        >>> {people.get(k).id for k in ["putin", "Vladimir Putin", "PUTIN", "vladimir putin"]}
        {'putin'}
        """
        found = self._id_index().get(key) if isinstance(key, str) else None
        if found is None and isinstance(key, str):
            found = self._name_index().get(normalize(key))
        if found is None:
            raise NotFoundError(self.kind, key, _closest(str(key), self._keys()))
        return found

    def filter(self, *, kind: PersonKind | str | Iterable[PersonKind | str] | _Unset = UNSET) -> People:
        """People matching every criterion given (``kind``: ``individual`` or ``group``).

        >>> import putin_interviews
        >>> [p.id for p in putin_interviews.people(kind="group")]
        ['united-states', 'the-left', 'studio-audience']
        """
        tests: list[Callable[[Person], bool]] = []
        if kind is not UNSET:
            tests.append(_in(_enums(PersonKind, kind, "person kind"), lambda p: p.kind))
        return self._where(tests)


class Articles(Table[Article]):
    """The source articles of a dataset, or a selection of them.

    >>> import putin_interviews
    >>> putin_interviews.dataset().articles.get("deadline-colbert").outlet
    'Deadline'
    """

    __slots__ = ()
    kind = "article"
    _columns = (
        ("id", lambda a: a.id),
        ("outlet", lambda a: a.outlet),
        ("kind", lambda a: a.kind),
        ("parts", lambda a: a.episode_numbers),
        ("title", lambda a: a.title or "(headline unknown)"),
    )
    _search_fields = (("title", 2.0), ("summary", 1.0))

    def filter(
        self,
        *,
        outlet: str | Iterable[str] | _Unset = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode] | _Unset = UNSET,
        kind: ArticleKind | str | Iterable[ArticleKind | str] | _Unset = UNSET,
    ) -> Articles:
        """Articles matching every criterion given; a list or tuple for one means any of them.

        >>> import putin_interviews
        >>> [a.id for a in putin_interviews.articles(outlet="lifezette", episode=3)]
        ['lz-part-3']
        """
        tests: list[Callable[[Article], bool]] = []
        if outlet is not UNSET:
            known = {normalize(a.outlet): a.outlet for a in self._ds().articles}
            wanted = set()
            for v in _many(outlet):
                if not isinstance(v, str) or normalize(v) not in known:
                    raise NotFoundError("outlet", v, _closest(str(v), known.values()))
                wanted.add(normalize(v))
            tests.append(lambda a: normalize(a.outlet) in wanted)
        if episode is not UNSET:
            tests.append(_any_in(self._episode_numbers(episode), lambda a: a.episode_numbers))
        if kind is not UNSET:
            tests.append(_in(_enums(ArticleKind, kind, "article kind"), lambda a: a.kind))
        return self._where(tests)


class Episodes(Table[Episode]):
    """The parts of the documentary, or a selection of them. :meth:`get` takes a number
    (1–4), an id (``"part-1"``) or a title (``"Part 1"``).

    >>> import putin_interviews
    >>> putin_interviews.dataset().episodes.get(3).air_date
    datetime.date(2017, 6, 14)
    """

    __slots__ = ()
    kind = "episode"
    _columns = (
        ("part", lambda e: e.number),
        ("id", lambda e: e.id),
        ("aired", lambda e: e.air_date),
        ("network", lambda e: e.network),
        ("summary", lambda e: e.summary or "(no article covers this part)"),
    )
    _search_fields = (("title", 2.0), ("summary", 1.0), ("topics", 1.0))

    def get(self, key: int | str) -> Episode:
        """The episode with this number, id or title.

        >>> import putin_interviews
        >>> eps = putin_interviews.dataset().episodes
        >>> eps.get(1) == eps.get("part-1") == eps.get("Part 1")
        True
        """
        if isinstance(key, int) and not isinstance(key, bool):
            for e in self._items:
                if e.number == key:
                    return e
            raise NotFoundError(self.kind, key, tuple(str(e.number) for e in self._items))
        if isinstance(key, str):
            found = self._id_index().get(key)
            if found is not None:
                return found
            folded = normalize(key)
            for e in self._items:
                if folded in (normalize(e.title), normalize(str(e.number))):
                    return e
        raise NotFoundError(self.kind, key, _closest(str(key), self._keys()))

    def filter(
        self,
        *,
        number: int | str | Iterable[int | str] | _Unset = UNSET,
        topic: str | Iterable[str] | _Unset = UNSET,
    ) -> Episodes:
        """Episodes matching every criterion given.

        >>> import putin_interviews
        >>> [e.number for e in putin_interviews.episodes(topic="cia")]
        [1, 3]
        """
        tests: list[Callable[[Episode], bool]] = []
        if number is not UNSET:
            tests.append(_in(self._episode_numbers(number), lambda e: e.number))
        if topic is not UNSET:
            wanted = self._topics(topic, (t for e in self._ds().episodes for t in e.topics))
            tests.append(_any_in(wanted, lambda e: (normalize(t) for t in e.topics)))
        return self._where(tests)


class Quotes(Table[Quote]):
    """Verbatim quotations, in document order, or a selection of them.

    >>> import putin_interviews
    >>> len(putin_interviews.dataset().quotes)
    57
    """

    __slots__ = ()
    kind = "quote"
    _columns = (
        ("id", lambda q: q.id),
        ("speaker", lambda q: q.speaker_id),
        ("part", lambda q: q.episode if q.episode is not None else "?"),
        ("kind", lambda q: q.kind),
        ("text", lambda q: q.text),
    )
    _search_fields = (("text", 1.0),)

    def filter(
        self,
        *,
        speaker: str | Person | Iterable[str | Person] | _Unset = UNSET,
        addressee: str | Person | Iterable[str | Person | None] | _Unset | None = UNSET,
        article: str | Article | Iterable[str | Article] | _Unset = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | _Unset | None = UNSET,
        venue: Venue | str | Iterable[Venue | str | None] | _Unset | None = UNSET,
        kind: QuoteKind | str | Iterable[QuoteKind | str] | _Unset = UNSET,
        topic: str | Iterable[str] | _Unset = UNSET,
        text: str | Iterable[str] | _Unset = UNSET,
    ) -> Quotes:
        """Quotations matching every criterion given (AND); a list or tuple for one
        criterion means any of its values (OR). ``None`` for ``episode``, ``venue`` or
        ``addressee`` selects the quotations where it is not known. People are given by
        anything :meth:`People.get` accepts; ``text`` is a case- and accent-insensitive
        substring.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> len(ds.quotes.filter(speaker="putin").filter(episode=1))
        8
        >>> [q.id for q in ds.quotes.filter(speaker=["Colbert", "putin"], episode=None, kind="partial")]
        ['deadline-colbert-mild-description']
        """
        indexed: list[tuple[str, set[Any]]] = []
        tests: list[Callable[[Quote], bool]] = []
        if speaker is not UNSET:
            indexed.append(("speaker_id", self._person_ids(speaker)))
        if addressee is not UNSET:
            indexed.append(("addressee_id", self._person_ids(addressee)))
        if article is not UNSET:
            indexed.append(("article_id", self._article_ids(article)))
        if episode is not UNSET:
            indexed.append(("episode", self._episode_numbers(episode)))
        if venue is not UNSET:
            indexed.append(("venue", {None if v is None else _enum_value(Venue, v, "venue") for v in _many(venue)}))
        if kind is not UNSET:
            indexed.append(("kind", _enums(QuoteKind, kind, "quote kind")))
        if topic is not UNSET:
            wanted = self._topics(topic, (t for q in self._ds().quotes for t in q.topics))
            tests.append(_any_in(wanted, lambda q: (normalize(t) for t in q.topics)))
        if text is not UNSET:
            tests.append(_contains(_many(text), lambda q: q.text))
        return self._select(indexed, tests)


class Critiques(Table[Critique]):
    """Evaluative judgements, in document order, or a selection of them.

    >>> import putin_interviews
    >>> putin_interviews.dataset().critiques.get("lz-part-1-missed-opportunity").aspect
    'follow-up questions'
    """

    __slots__ = ()
    kind = "critique"
    _columns = (
        ("id", lambda c: c.id),
        ("critic", lambda c: c.critic_id or f"({c.critic_kind.value})"),
        ("target", lambda c: c.target_id or f"({c.target_kind.value})"),
        ("stance", lambda c: c.stance),
        ("aspect", lambda c: c.aspect),
        ("summary", lambda c: c.summary),
    )
    _search_fields = (("summary", 1.0), ("aspect", 1.0))

    def _parties(self, value: Any, kinds: type[CriticKind] | type[TargetKind]) -> set[Hashable]:
        """Resolve critic/target values: a kind (e.g. "article", "documentary"), a person,
        or (targets only) an episode."""
        out: set[Hashable] = set()
        for v in _many(value):
            if isinstance(v, (CriticKind, TargetKind)):
                out.add(("kind", v.value))
                continue
            if isinstance(v, str) and normalize(v) in {normalize(k.value) for k in kinds}:
                out.add(("kind", normalize(v)))
                continue
            if kinds is TargetKind and (
                isinstance(v, (int, Episode)) or (isinstance(v, str) and _is_episode(self._ds(), v))
            ):
                out.add(("episode", self._ds().episodes.get(v.number if isinstance(v, Episode) else v).id))
                continue
            try:
                (pid,) = self._person_ids(v)
            except NotFoundError as exc:
                extra = tuple(k.value for k in kinds)
                raise NotFoundError("critic" if kinds is CriticKind else "target", v, exc.suggestions + extra) from None
            out.add(("person", pid))
        return out

    def filter(
        self,
        *,
        critic: str | Person | CriticKind | Iterable[str | Person | CriticKind] | _Unset = UNSET,
        target: str
        | int
        | Person
        | Episode
        | TargetKind
        | Iterable[str | int | Person | Episode | TargetKind]
        | _Unset = UNSET,
        stance: Stance | str | Iterable[Stance | str] | _Unset = UNSET,
        aspect: str | Iterable[str] | _Unset = UNSET,
        article: str | Article | Iterable[str | Article] | _Unset = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | _Unset | None = UNSET,
    ) -> Critiques:
        """Critiques matching every criterion given (AND; a list or tuple means OR).

        ``critic`` is a person, ``"article"`` (the article's own voice) or ``"unnamed"``;
        ``target`` is a person, an episode (number or id), or ``"documentary"``; ``aspect``
        is a case- and accent-insensitive substring.

        >>> import putin_interviews
        >>> [c.id for c in putin_interviews.critiques(critic="colbert", target="stone")]
        ['deadline-colbert-no-followup', 'deadline-colbert-surprised-respect',
         'deadline-colbert-mild-description']
        """
        tests: list[Callable[[Critique], bool]] = []
        if critic is not UNSET:
            critics = self._parties(critic, CriticKind)
            tests.append(lambda c: ("kind", c.critic_kind.value) in critics or ("person", c.critic_id) in critics)
        if target is not UNSET:
            targets = self._parties(target, TargetKind)
            tests.append(
                lambda c: (
                    ("kind", c.target_kind.value) in targets
                    or ("person" if c.target_kind is TargetKind.PERSON else "episode", c.target_id) in targets
                )
            )
        indexed: list[tuple[str, set[Any]]] = []
        if stance is not UNSET:
            indexed.append(("stance", _enums(Stance, stance, "stance")))
        if aspect is not UNSET:
            tests.append(_contains(_many(aspect), lambda c: c.aspect))
        if article is not UNSET:
            indexed.append(("article_id", self._article_ids(article)))
        if episode is not UNSET:
            indexed.append(("episode", self._episode_numbers(episode)))
        return self._select(indexed, tests)


def _is_episode(ds: Dataset, value: str) -> bool:
    try:
        ds.episodes.get(value)
    except NotFoundError:
        return False
    return True


_RECORD_TYPES: dict[type, type] = {
    People: Person,
    Articles: Article,
    Episodes: Episode,
    Quotes: Quote,
    Critiques: Critique,
}
