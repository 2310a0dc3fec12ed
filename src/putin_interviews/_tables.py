"""The five tables (people, articles, episodes, quotes, critiques), their filters, and
:data:`TABLES`, the one registry of tables that the loader, exports, schema and command
line read."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from . import _convert
from ._errors import NotFoundError, suggest
from ._filters import (
    UNSET,
    UnsetType,
    any_in,
    article_ids,
    as_values,
    contains,
    enums,
    episode_numbers,
    is_in,
    member,
    person_ids,
    topics,
)
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
from ._once import once
from ._public import public
from ._search import normalize
from ._table import Table

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["TABLES", "Articles", "Critiques", "Episodes", "People", "Quotes", "TableSpec"]


@public
class People(Table[Person]):
    """The people and groups of a dataset, or a selection of them.

    :meth:`get` also takes a name, surname or alias, case- and accent-insensitively.

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
            raise NotFoundError(self.kind, key, suggest(str(key), self._keys()))
        return found

    def filter(self, *, kind: PersonKind | str | Iterable[PersonKind | str] | UnsetType = UNSET) -> People:
        """People matching every criterion given (``kind``: ``individual`` or ``group``).

        >>> import putin_interviews
        >>> [p.id for p in putin_interviews.people(kind="group")]
        ['united-states', 'the-left', 'studio-audience']
        """
        tests: list[Callable[[Person], bool]] = []
        if kind is not UNSET:
            tests.append(is_in(enums(PersonKind, kind, "person kind"), lambda p: p.kind))
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
        *,
        outlet: str | Iterable[str] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode] | UnsetType = UNSET,
        kind: ArticleKind | str | Iterable[ArticleKind | str] | UnsetType = UNSET,
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
        raise NotFoundError(self.kind, key, suggest(str(key), self._keys()))

    def filter(
        self,
        *,
        number: int | str | Iterable[int | str] | UnsetType = UNSET,
        topic: str | Iterable[str] | UnsetType = UNSET,
    ) -> Episodes:
        """Episodes matching every criterion given.

        >>> import putin_interviews
        >>> [e.number for e in putin_interviews.episodes(topic="cia")]
        [1, 3]
        """
        tests: list[Callable[[Episode], bool]] = []
        if number is not UNSET:
            tests.append(is_in(episode_numbers(self._ds(), number), lambda e: e.number))
        if topic is not UNSET:
            wanted = topics(topic, (t for e in self._ds().episodes for t in e.topics))
            tests.append(any_in(wanted, lambda e: (normalize(t) for t in e.topics)))
        return self._where(tests)


@public
class Quotes(Table[Quote]):
    """Verbatim quotations, in document order, or a selection of them.

    >>> import putin_interviews
    >>> len(putin_interviews.dataset().quotes)
    57
    """

    __slots__ = ()
    kind = "quote"
    record_type = Quote
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
        speaker: str | Person | Iterable[str | Person] | UnsetType = UNSET,
        addressee: str | Person | Iterable[str | Person | None] | UnsetType | None = UNSET,
        article: str | Article | Iterable[str | Article] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | UnsetType | None = UNSET,
        venue: Venue | str | Iterable[Venue | str | None] | UnsetType | None = UNSET,
        kind: QuoteKind | str | Iterable[QuoteKind | str] | UnsetType = UNSET,
        topic: str | Iterable[str] | UnsetType = UNSET,
        text: str | Iterable[str] | UnsetType = UNSET,
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
            indexed.append(("speaker_id", person_ids(self._ds(), speaker)))
        if addressee is not UNSET:
            indexed.append(("addressee_id", person_ids(self._ds(), addressee)))
        if article is not UNSET:
            indexed.append(("article_id", article_ids(self._ds(), article)))
        if episode is not UNSET:
            indexed.append(("episode", episode_numbers(self._ds(), episode)))
        if venue is not UNSET:
            indexed.append(("venue", {None if v is None else member(Venue, v, "venue") for v in as_values(venue)}))
        if kind is not UNSET:
            indexed.append(("kind", enums(QuoteKind, kind, "quote kind")))
        if topic is not UNSET:
            wanted = topics(topic, (t for q in self._ds().quotes for t in q.topics))
            tests.append(any_in(wanted, lambda q: (normalize(t) for t in q.topics)))
        if text is not UNSET:
            tests.append(contains(as_values(text), lambda q: q.text, "text"))
        return self._select(indexed, tests)


@public
class Critiques(Table[Critique]):
    """Evaluative judgements, in document order, or a selection of them.

    >>> import putin_interviews
    >>> putin_interviews.dataset().critiques.get("lz-part-1-missed-opportunity").aspect
    'follow-up questions'
    """

    __slots__ = ()
    kind = "critique"
    record_type = Critique
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
        for v in as_values(value):
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
                (pid,) = person_ids(self._ds(), v)
            except NotFoundError as exc:
                extra = tuple(k.value for k in kinds)
                raise NotFoundError("critic" if kinds is CriticKind else "target", v, exc.suggestions + extra) from None
            out.add(("person", pid))
        return out

    def filter(
        self,
        *,
        critic: str | Person | CriticKind | Iterable[str | Person | CriticKind] | UnsetType = UNSET,
        target: str
        | int
        | Person
        | Episode
        | TargetKind
        | Iterable[str | int | Person | Episode | TargetKind]
        | UnsetType = UNSET,
        stance: Stance | str | Iterable[Stance | str] | UnsetType = UNSET,
        aspect: str | Iterable[str] | UnsetType = UNSET,
        article: str | Article | Iterable[str | Article] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | UnsetType | None = UNSET,
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
            indexed.append(("stance", enums(Stance, stance, "stance")))
        if aspect is not UNSET:
            tests.append(contains(as_values(aspect), lambda c: c.aspect, "aspect"))
        if article is not UNSET:
            indexed.append(("article_id", article_ids(self._ds(), article)))
        if episode is not UNSET:
            indexed.append(("episode", episode_numbers(self._ds(), episode)))
        return self._select(indexed, tests)


def _is_episode(ds: Dataset, value: str) -> bool:
    try:
        ds.episodes.get(value)
    except NotFoundError:
        return False
    return True


@attrs.frozen
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
    TableSpec("articles", Articles),
    TableSpec("episodes", Episodes),
    TableSpec("quotes", Quotes),
    TableSpec("critiques", Critiques),
)

for _spec in TABLES:
    _convert.register_table(_spec.table, _spec.record)
