"""The tables the printed records refer to (people, topics, articles, episodes), their filters, and
:data:`TABLES`, the one registry of tables that the loader, exports, schema and command
line read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, overload

import attrs

from ._errors import NotFoundError, suggest
from ._filters import (
    UNSET,
    UnsetType,
    any_in,
    as_values,
    contains,
    enums,
    episode_numbers,
    is_in,
    predicate_tests,
    topic_ids,
)
from ._kinds import ArticleKind, PersonKind
from ._made import premade
from ._models import Article, Episode, Person, Topic
from ._once import once
from ._printed import Critiques, Quotes
from ._public import public
from ._table import Table

# Text is folded (:func:`._fold.normalize`) by the methods that need it: a first use of the
# data does not import the search modules.

__all__ = ["TABLES", "Articles", "Critiques", "Episodes", "People", "Quotes", "TableSpec", "Topics"]

D = TypeVar("D")


@public
class People(Table[Person]):
    """The people and groups of a dataset, or a selection of them.

    :meth:`~putin_interviews.Table.get` also takes a name, surname or alias, case- and accent-insensitively.

    >>> import putin_interviews
    >>> putin_interviews.dataset().people.get("vladimir putin").id
    'putin'
    """

    __slots__ = ()
    kind = "person"
    record_type = Person
    _columns = (
        ("id", lambda p: p.id),
        ("name", lambda p: p.name),
        ("kind", lambda p: p.kind),
        ("description", lambda p: p.description),
    )
    _search_fields = (("name", 3.0), ("aliases", 2.0), ("description", 1.0))

    def _name_index(self) -> dict[str, Person]:
        def build() -> dict[str, Person]:
            from ._fold import normalize

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
            return exact

        return once(self._cache, "by_name", build)

    def _keys(self) -> Mapping[str, str]:
        keys = {p.id: p.id for p in self._items}
        for p in self._items:
            for text in (p.name, *p.aliases):
                keys.setdefault(text, p.id)
        return keys

    def filter(
        self,
        predicate: Callable[[Person], object] | None = None,
        /,
        *,
        kind: PersonKind | str | Iterable[PersonKind | str] | UnsetType = UNSET,
    ) -> People:
        """People matching every criterion given (``kind``: ``individual`` or ``group``), and
        the function of a person given first, if any.

        >>> import putin_interviews
        >>> [p.id for p in putin_interviews.people(kind="group")]
        ['united-states', 'women', 'the-left', 'russia', 'the-press', 'studio-audience']
        >>> [p.id for p in putin_interviews.people(lambda p: p.name.startswith("Megyn"))]
        ['kelly']
        """
        tests = predicate_tests(self.kind, predicate)
        if kind is not UNSET:
            tests.append(is_in(enums(PersonKind, kind, "person kind"), lambda p: p.kind))
        return self._where(tests)


@public
class Topics(Table[Topic]):
    """The topic vocabulary of a dataset, or a selection of it. :meth:`~putin_interviews.Table.get` also takes a
    label, case- and accent-insensitively; the ``topic`` filters of the other tables take
    what it takes.

    >>> import putin_interviews
    >>> putin_interviews.dataset().topics.get("surveillance").label
    'Surveillance'
    >>> putin_interviews.dataset().topics.get("UKRAINE AND CRIMEA").id
    'ukraine-and-crimea'
    """

    __slots__ = ()
    kind = "topic"
    record_type = Topic
    _columns = (
        ("id", lambda t: t.id),
        ("label", lambda t: t.label),
        ("definition", lambda t: t.definition),
    )
    _search_fields = (("label", 2.0), ("definition", 1.0))

    def _keys(self) -> Mapping[str, str]:
        return {**{t.label: t.id for t in self._items}, **{t.id: t.id for t in self._items}}

    def _name_index(self) -> dict[str, Topic]:
        def build() -> dict[str, Topic]:
            from ._fold import normalize

            index: dict[str, Topic] = {}
            for t in self._items:
                for key in (t.id, t.label):
                    index.setdefault(normalize(key), t)
            return index

        return once(self._cache, "by_name", build)

    def filter(
        self, predicate: Callable[[Topic], object] | None = None, /, *, text: str | Iterable[str] | UnsetType = UNSET
    ) -> Topics:
        """Topics whose label or definition contains ``text`` (case and accents ignored), and
        for which the function of a topic given first, if any, is true.

        >>> import putin_interviews
        >>> [t.id for t in putin_interviews.topics(text="afghanistan")]
        ['us-foreign-policy']
        >>> [t.id for t in putin_interviews.topics(lambda t: t.id.startswith("us-"))]
        ['us-politics', 'us-foreign-policy', 'us-russia-relations']
        """
        tests = predicate_tests(self.kind, predicate)
        if text is not UNSET:
            tests.append(contains(as_values(text), lambda t: f"{t.label}\n{t.definition}", "text"))
        return self._where(tests)


@public
class Articles(Table[Article]):
    """The source articles of a dataset, or a selection of them.

    >>> import putin_interviews
    >>> putin_interviews.dataset().articles.get("deadline-colbert").outlet
    'Deadline'
    """

    __slots__ = ()
    kind = "article"
    record_type = Article
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
        predicate: Callable[[Article], object] | None = None,
        /,
        *,
        outlet: str | Iterable[str] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode] | UnsetType = UNSET,
        kind: ArticleKind | str | Iterable[ArticleKind | str] | UnsetType = UNSET,
    ) -> Articles:
        """Articles matching every criterion given (a list or tuple for one means any of them),
        and the function of an article given first, if any.

        >>> import putin_interviews
        >>> [a.id for a in putin_interviews.articles(outlet="lifezette", episode=3)]
        ['lz-part-3']
        >>> [a.id for a in putin_interviews.articles(lambda a: a.url is None)]
        ['deadline-colbert']
        """
        tests = predicate_tests(self.kind, predicate)
        if outlet is not UNSET:
            from ._fold import normalize

            known = {normalize(a.outlet): a.outlet for a in self._ds().articles}
            wanted = set()
            for v in as_values(outlet):
                if not isinstance(v, str) or normalize(v) not in known:
                    raise NotFoundError("outlet", v, suggest(str(v), known.values()))
                wanted.add(normalize(v))
            tests.append(lambda a: normalize(a.outlet) in wanted)
        if episode is not UNSET:
            tests.append(any_in(episode_numbers(self._ds(), episode), lambda a: a.episode_numbers))
        if kind is not UNSET:
            tests.append(is_in(enums(ArticleKind, kind, "article kind"), lambda a: a.kind))
        return self._where(tests)


@public
class Episodes(Table[Episode]):
    """The parts of the documentary, or a selection of them. :meth:`get` takes a number
    (1–4), an id (``"part-1"``) or a title (``"Part 1"``).

    >>> import putin_interviews
    >>> putin_interviews.dataset().episodes.get(3).air_date
    datetime.date(2017, 6, 14)
    """

    __slots__ = ()
    kind = "episode"
    record_type = Episode
    _columns = (
        ("part", lambda e: e.number),
        ("id", lambda e: e.id),
        ("aired", lambda e: e.air_date),
        ("network", lambda e: e.network),
        ("summary", lambda e: e.summary or "(no article covers this part)"),
    )
    _search_fields = (("title", 2.0), ("summary", 1.0), ("topics", 1.0))

    @overload
    def get(self, key: int | str) -> Episode: ...
    @overload
    def get(self, key: int | str, default: D) -> Episode | D: ...
    def get(self, key: int | str, default: object = UNSET) -> object:
        """The episode with this number, id or title; ``default`` if given and there is none.

        >>> import putin_interviews
        >>> eps = putin_interviews.dataset().episodes
        >>> eps.get(1) == eps.get("part-1") == eps.get("Part 1")
        True
        >>> eps.get(5, "not aired")
        'not aired'
        """
        return self._get(key, default)

    def _find(self, key: object) -> Episode | None:
        if isinstance(key, int) and not isinstance(key, bool):
            return next((e for e in self._items if e.number == key), None)
        if isinstance(key, str):
            found = self._id_index().get(key)
            if found is not None:
                return found
            from ._fold import normalize

            folded = normalize(key)
            return next((e for e in self._items if folded in (normalize(e.title), normalize(str(e.number)))), None)
        return None

    def _miss(self, key: object) -> NotFoundError:
        if isinstance(key, int) and not isinstance(key, bool):
            return NotFoundError(self.kind, key, tuple(str(e.number) for e in self._items))
        return super()._miss(key)

    def filter(
        self,
        predicate: Callable[[Episode], object] | None = None,
        /,
        *,
        number: int | str | Iterable[int | str] | UnsetType = UNSET,
        topic: str | Topic | Iterable[str | Topic] | UnsetType = UNSET,
    ) -> Episodes:
        """Episodes matching every criterion given, and the function of an episode given
        first, if any.

        >>> import putin_interviews
        >>> [e.number for e in putin_interviews.episodes(topic="us-foreign-policy")]
        [1, 3]
        >>> [e.number for e in putin_interviews.episodes(lambda e: e.air_date.day > 13)]
        [3, 4]
        """
        tests = predicate_tests(self.kind, predicate)
        if number is not UNSET:
            tests.append(is_in(episode_numbers(self._ds(), number), lambda e: e.number))
        if topic is not UNSET:
            tests.append(any_in(topic_ids(self._ds(), topic), lambda e: e.topics))
        return self._where(tests)


@attrs.frozen
@premade
class TableSpec:
    """One table of a dataset: its key in the file, its record kind and types."""

    #: The table's key in the dataset file and its attribute on a Dataset ("quotes").
    name: str
    #: The table type (:class:`Quotes`).
    table: type[Table[Any]]

    @property
    def kind(self) -> str:
        """The record kind's name ("quote")."""
        return self.table.kind

    @property
    def record(self) -> type:
        """The record type (:class:`~putin_interviews.Quote`)."""
        return self.table.record_type


#: Every table of a dataset, in the file's order.
TABLES: tuple[TableSpec, ...] = (
    TableSpec("people", People),
    TableSpec("topics", Topics),
    TableSpec("articles", Articles),
    TableSpec("episodes", Episodes),
    TableSpec("quotes", Quotes),
    TableSpec("critiques", Critiques),
)
