"""The collection type of every table and every result: tuple-like, immutable, chainable.

``ds.quotes`` is a :class:`~putin_interviews.Quotes`; ``ds.quotes.filter(speaker="putin")``
is one too, and so is ``.search("al qaida")``. What a table computes (its records when
deferred, its indexes by id, by field and by word) lives in one mutable cache, built once
per table on first use (:mod:`._once`), left out of pickles and copies, and recomputed on
demand (as ``packaging.version.Version`` does with its caches).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, overload

from ._errors import NotFoundError, shown, suggest
from ._filters import UNSET, by_index, indexed_positions, is_in
from ._kinds import RecordKind
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._once import Deferred, TableCache, once, once_in
from ._public import public

if TYPE_CHECKING:
    from typing_extensions import Self

    from ._dataset import Dataset
    from ._hits import Hit
    from ._search import InvertedIndex
elif sys.version_info >= (3, 11):  # (so that typing.get_type_hints reads the methods that name it)
    from typing import Self

# Search, rendering, conversion and export modules are imported by the methods that use them:
# the first use of a table (the bundled dataset's, say) does not pay for them.

__all__ = ["Table"]

R = TypeVar("R", Person, Topic, Article, Episode, Quote, Critique)
D = TypeVar("D")


@public
class Table(Sequence[R]):
    """An immutable, tuple-like collection of records of one kind.

    Indexing, slicing, ``len`` and iteration work as on a tuple, and ``in`` tests a record
    or an id; a slice, a filter, a search, a sort, and ``|`` or ``&`` of two collections of
    the same kind give a collection of the same type, so calls chain. It compares
    equal to another collection or a tuple holding the same records in the same order.
    A pickle or copy of a table holds its records; a table unpickled belongs to no
    dataset, so filters that resolve people, articles or episodes need its dataset
    (pickle the :class:`~putin_interviews.Dataset` for those).
    """

    __slots__ = ("_cache", "_dataset", "_positions", "_root", "_source")
    if TYPE_CHECKING:  # the slots, set once by _init (only for the type checker: see _public)
        _source: tuple[R, ...] | Deferred
        _root: Table[R] | None
        _dataset: Dataset | None
        _positions: Sequence[int] | None  # ascending, in the root table, when known (see _places)
        _cache: TableCache

    #: The record kind's name in search hits and messages ("quote", …).
    kind: ClassVar[RecordKind]
    #: The record type of the table's rows.
    record_type: ClassVar[type]
    #: Columns shown by ``repr``, ``_repr_html_`` and the command line's tables.
    _columns: ClassVar[tuple[tuple[str, Callable[[Any], object]], ...]]
    #: The searchable fields of one record: (field name, weight). A field is the record's
    #: attribute of that name, or what :meth:`_texts` says for it.
    _search_fields: ClassVar[tuple[tuple[str, float], ...]]

    def __init__(self, items: Iterable[R] = ()) -> None:
        # Tuples are immutable, so a tuple (or another table's tuple) is shared, not copied.
        if isinstance(items, Table):
            items = items._items
        source: tuple[R, ...] = items if type(items) is tuple else tuple(items)
        wanted: type | None = getattr(type(self), "record_type", None)  # none for a plain Table
        for position, record in enumerate(source if wanted is not None else ()):
            if type(record) is not wanted:
                assert wanted is not None
                raise TypeError(
                    f"{type(self).__name__} holds {wanted.__name__} records, "
                    f"not {type(record).__name__} {shown(record, 40)} (item {position})"
                )
        self._init(source, None)

    def _init(self, source: tuple[R, ...] | Deferred, root: Table[R] | None, dataset: Dataset | None = None) -> None:
        set_slot = object.__setattr__
        set_slot(self, "_source", source)
        set_slot(self, "_root", root)
        set_slot(self, "_dataset", dataset)
        set_slot(self, "_positions", None)
        set_slot(self, "_cache", TableCache())

    # --------------------------------------------------------------- tuple behaviour

    @classmethod
    def _deferred(cls, count: int, build: Callable[[], tuple[R, ...]]) -> Self:
        """A table of ``count`` records that ``build`` makes on first use (once): the
        loader checks big tables completely but builds their records only when needed."""
        table = cls.__new__(cls)
        table._init(Deferred(count, build), None)
        return table

    @property
    def _items(self) -> tuple[R, ...]:
        source = self._source
        if type(source) is tuple:
            return source
        assert isinstance(source, Deferred)
        records: tuple[R, ...] = once(self._cache, "records", source.build)
        object.__setattr__(self, "_source", records)  # lets the builder (and what it holds) go
        return records

    def _built(self) -> bool:
        """True unless the records are deferred and not made yet."""
        return type(self._source) is tuple or self._cache.records is not None

    def __len__(self) -> int:
        source = self._source
        return source.count if isinstance(source, Deferred) else len(source)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: int | slice) -> R | Self:
        if isinstance(index, slice):
            places = self._places()
            if places is not None and (index.step or 1) <= 0:  # not in the table's order
                places = None
            return self._derive(self._items[index], positions=None if places is None else places[index])
        return self._items[index]

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __contains__(self, value: object) -> bool:
        """Whether a record, or a record with this id (a string), is in the collection.

        >>> import putin_interviews
        >>> quotes = putin_interviews.quotes(speaker="putin")
        >>> "lz-part-3-always-hope" in quotes, quotes[0] in quotes, "lz-part-1-hawk" in quotes
        (True, True, False)
        """
        if isinstance(value, str):
            return value in self._id_index()
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
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        # The records only: indexes are recomputed on demand, and a deferred table is built.
        return type(self), (self._items,)

    def __copy__(self) -> Self:
        return self  # immutable, as a tuple of immutable records

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    def __repr__(self) -> str:
        return self._text(limit=10, width=100, max_lines=2)

    def _head(self) -> str:
        from ._render import header

        return header(type(self).__name__, len(self), self.kind)

    def _text(self, limit: int | None, width: int, max_lines: int | None) -> str:
        from ._render import table_text

        return table_text(self._head(), [c[0] for c in self._columns], self._items, self._rows, limit, width, max_lines)

    def _rows(self, records: Iterable[R]) -> list[list[str]]:
        from ._render import cell_text

        return [[cell_text(getter(r)) for _, getter in self._columns] for r in records]

    def _repr_html_(self) -> str:
        """An HTML table for notebooks, every value escaped; of a long collection, the first
        and last rows only, and how many are left out (as pandas shows a frame).

        >>> import putin_interviews
        >>> putin_interviews.quotes(speaker="putin", episode=1)._repr_html_()[:43]
        '<table><caption>Quotes: 12 quotes</caption>'
        """
        from ._render import html_table

        return html_table([name for name, _ in self._columns], self._items, self._rows, caption=self._head())

    # --------------------------------------------------------------- set algebra and order

    def __or__(self, other: Self) -> Self:
        """The records in either collection, each once, in document order: the order of the
        table both come from (collections from two different tables: the left one's
        records, then the right one's that are not equal to one of them, in a table of its
        own, which searches and ranks among them alone).

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> [q.id for q in ds.quotes.filter(text="détente") | ds.quotes.filter(subject="clinton")]
        ['lz-part-1-hawk', 'deadline-colbert-detente']
        """
        if type(other) is not type(self):
            return NotImplemented
        return self._combine(other, union=True)

    def __and__(self, other: Self) -> Self:
        """The records in both collections, each once, in document order (as ``|``).

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> len(ds.quotes.filter(speaker="putin") & ds.quotes.filter(episode=1, mode="direct"))
        8
        """
        if type(other) is not type(self):
            return NotImplemented
        return self._combine(other, union=False)

    def _combine(self, other: Self, union: bool) -> Self:
        from . import _order

        if other._base is not self._base:
            return self._derive(_order.combined(self._items, other._items, union), own=True)
        mine, theirs = self._places(), other._places()
        if mine is None or theirs is None:  # found by identity: a record at its first place
            order = self._position_of()
            mine, theirs = ([order[id(r)] for r in t._items] for t in (self, other))
        return self._at(_order.combined_positions(mine, theirs, union))

    def _places(self) -> Sequence[int] | None:
        """The positions of the records in the root table, when known without finding them
        and each that of a record the table holds once: the root built its records itself
        (a loaded table: a new record a row), and this is the root, an indexed selection, or a
        slice of one of them in order."""
        root = self._base
        if type(root._source) is tuple and root._cache.records is None:  # records given: one may be there twice
            return None
        return range(len(root)) if self is root else self._positions

    def _position_of(self) -> dict[int, int]:
        """The position of each record (by identity) in the root table, found once."""
        from ._order import first_positions

        root = self._base
        return once(root._cache, "position_of", lambda: first_positions(root._items))

    def sort_by(self, *fields: str | Callable[[R], Any], reverse: bool = False) -> Self:
        """The records sorted by one or more fields (names, or functions of a record), each in
        turn; equal keys keep their order (the sort is stable), and a record with no value
        (``None``) comes last, ``reverse`` or not. Enums sort in the order of their
        definition; a field that holds records (``span``, ``basis`` …) has no order.

        >>> import putin_interviews
        >>> [e.number for e in putin_interviews.dataset().episodes.sort_by("air_date", reverse=True)]
        [4, 3, 2, 1]
        >>> stone = putin_interviews.quotes(speaker="stone", article="lz-part-1")
        >>> [q.episode for q in stone], [q.episode for q in stone.sort_by("episode", reverse=True)]
        ([1, None, 1, 1, 1, None, 1], [1, 1, 1, 1, 1, None, None])
        >>> putin_interviews.dataset().quotes.sort_by("date")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        putin_interviews.ChoiceError: no quote field to sort by 'date'; did you mean 'mode', 'text', 'id', ...
        """
        from . import _order

        key = _order.sort_key(self.record_type, self.kind, fields, reverse)
        return self._derive(sorted(self._items, key=key, reverse=reverse))

    # --------------------------------------------------------------- derived collections

    @property
    def _base(self) -> Table[R]:
        """The table this one was derived from (itself for a dataset's own table)."""
        return self._root if self._root is not None else self

    def _derive(self, items: Iterable[R], own: bool = False, positions: Sequence[int] | None = None) -> Self:
        """A table of ``items`` from this one's root (``own``: a table of its own, searched and
        indexed alone), which keeps their ``positions`` in the root when they are known."""
        new = type(self).__new__(type(self))
        new._init(items if type(items) is tuple else tuple(items), None if own else self._base, self._dataset)
        object.__setattr__(new, "_positions", positions)
        return new

    def _bind(self, dataset: Dataset) -> None:
        object.__setattr__(self, "_dataset", dataset)

    def _where(self, tests: list[Callable[[R], bool]]) -> Self:
        """The records that pass every test, in order; with their places when known (:meth:`_places`)."""
        items, places = self._items, self._places()
        passed = [all(t(r) for t in tests) for r in items]
        return self._derive(
            compress(items, passed), positions=None if places is None else tuple(compress(places, passed))
        )

    def _field_index(self, field: str) -> dict[Any, list[int]]:
        """value -> positions of the records holding it, for a field of the root table;
        built once, on first use."""
        root = self._base

        def build() -> dict[Any, list[int]]:
            index: dict[Any, list[int]] = {}
            for position, record in enumerate(root._items):
                index.setdefault(getattr(record, field), []).append(position)
            return index

        return once_in(root._cache.by_field, field, build)

    def _select(self, indexed: list[tuple[str, set[Any]]], tests: list[Callable[[R], bool]]) -> Self:
        """Records whose ``field`` value is in the given set for every (field, values) in
        ``indexed`` (answered from the field indexes, in time proportional to the result,
        when :func:`._filters.by_index` says so) and that pass ``tests``; document order kept."""
        root = self._base
        within = None if self is root else self._positions
        if indexed and (self is root or (within is not None and by_index(within, root, root._cache.by_field, indexed))):
            return self._at(indexed_positions(root._items, self._field_index, indexed, within, tests))
        checks: list[Callable[[R], bool]] = [is_in(values, attrgetter(field)) for field, values in indexed]
        return self._where(checks + tests)

    def _at(self, positions: Sequence[int]) -> Self:
        """The root table's records at ``positions`` (ascending), which the result keeps."""
        return self._derive((self._base._items[p] for p in positions), positions=tuple(positions))

    # --------------------------------------------------------------- lookup

    def _id_index(self) -> dict[str, R]:
        return once(self._cache, "by_id", lambda: {r.id: r for r in self._items})

    def _keys(self) -> Iterable[str] | Mapping[str, str]:
        return self._id_index().keys()

    def _name_index(self) -> Mapping[str, R]:
        """The records by the folded names ``get`` takes besides ids (none here; people and
        topics have names)."""
        return {}

    @overload
    def get(self, key: str) -> R: ...
    @overload
    def get(self, key: str, default: D) -> R | D: ...
    def get(self, key: str, default: object = UNSET) -> object:
        """The record with id ``key`` or, in a table of named records (people, topics), one
        of its names, case- and accent-insensitively. When there is none: ``default`` if
        given (as ``dict.get``), else :class:`~putin_interviews.NotFoundError` naming the
        closest ids.

        >>> import putin_interviews
        >>> putin_interviews.dataset().quotes.get("lz-part-3-always-hope").text
        'There is always hope,'
        >>> putin_interviews.dataset().people.get("VLADIMIR PUTIN").id
        'putin'
        >>> print(putin_interviews.dataset().quotes.get("lz-part-3-always-hop", None))
        None
        """
        return self._get(key, default)

    def _get(self, key: object, default: object) -> Any:
        found = self._find(key)
        if found is not None:
            return found
        if default is not UNSET:
            return default
        raise self._miss(key)

    def _find(self, key: object) -> R | None:
        if not isinstance(key, str):
            return None
        found = self._id_index().get(key)
        if found is None:  # a name (people, topics), folded
            from ._fold import normalize

            found = self._name_index().get(normalize(key))
        return found

    def _miss(self, key: object) -> NotFoundError:
        return NotFoundError(self.kind, key, suggest(str(key), self._keys()))

    # --------------------------------------------------------------- search

    def _index(self) -> InvertedIndex:
        from ._table_search import index

        return index(self)

    def hits(self, query: str, limit: int | None = None) -> list[Hit[R]]:
        """Search hits in this collection, best first, each with what matched.

        >>> import putin_interviews
        >>> [h.record.id for h in putin_interviews.dataset().articles.hits("al qaida")]
        ['lz-part-1']
        """
        from ._hits import Hit
        from ._table_search import found, matched

        records, scores, terms = found(self, query, limit)
        return [
            Hit(record, self.kind, score, partial(matched, self, record, terms), terms)
            for record, score in zip(records, scores, strict=True)
        ]

    def _texts(self, name: str, records: Sequence[R]) -> Sequence[str]:
        """The text of the search field ``name`` in each of ``records``: the record's
        attribute of that name, unless a table draws the field from elsewhere."""
        from ._fold import searchable_all

        return searchable_all(list(map(attrgetter(name), records)))

    def search(self, query: str, limit: int | None = None) -> Self:
        """The records matching every word of ``query``, best first.

        Case-, accent- and punctuation-insensitive: "detente" finds "détente", "don't"
        finds "don’t", "al qaida" finds "Al-Qaida".

        >>> import putin_interviews
        >>> [q.id for q in putin_interviews.dataset().quotes.search("al qaida")]
        ['lz-part-1-blamed-us-al-qaida', 'lz-part-1-al-qaida-result', 'lz-part-1-afghanistan']
        """
        from ._table_search import found

        return self._derive(found(self, query, limit)[0])

    # --------------------------------------------------------------- export

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as JSON-shaped dicts (the dataset file's form).

        >>> import putin_interviews
        >>> putin_interviews.get_quote("lz-part-3-always-hope").span
        Span(start=1, end=22)
        >>> putin_interviews.quotes(text="always hope").to_dicts()[0]["span"]
        {'start': 1, 'end': 22}
        """
        from . import _convert

        hook = _convert.converter.get_unstructure_hook(self.record_type)
        return [hook(r) for r in self._items]

    def to_json(self) -> str:
        """The records as a JSON array (UTF-8 characters unescaped, two-space indent).

        >>> import putin_interviews
        >>> putin_interviews.quotes(text="always hope").to_json().startswith('[\\n  {\\n    "id": ')
        True
        """
        import json  # (loaded by what writes JSON: a first use reads none)

        return json.dumps(self.to_dicts(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """The records as CSV text with a header row; nested fields flattened and lists
        joined as :meth:`Dataset.export` documents.

        >>> import putin_interviews
        >>> print(putin_interviews.people(kind="group").to_csv().splitlines()[0])
        id,name,aliases,description,kind,basis
        """
        from . import _flat

        return _flat.csv_text(self.record_type, self.to_dicts())

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` with one row per record (needs the ``pandas`` extra).
        Its columns are named as the csv and sqlite exports name them: a nested record's
        fields are columns of their own (``span_start``, ``span_end``). Integers are ``Int64``
        (a missing value is ``<NA>``), dates ``datetime64``, enums ``category`` with every
        value of the enum; lists are the lists of :meth:`to_dicts`.

        >>> import putin_interviews
        >>> frame = putin_interviews.quotes(speaker="putin").to_pandas()  # doctest: +SKIP
        >>> frame.shape, str(frame["episode"].dtype), list(frame["kind"].cat.categories)  # doctest: +SKIP
        ((27, 19), 'Int64', ['full', 'partial', 'fragment'])
        """
        from . import _frames

        return _frames.frame(self.record_type, self._items)

    # --------------------------------------------------------------- resolution

    def _ds(self) -> Dataset:
        if self._dataset is None:
            raise TypeError(f"this {type(self).__name__} belongs to no Dataset, so it cannot resolve references")
        return self._dataset
