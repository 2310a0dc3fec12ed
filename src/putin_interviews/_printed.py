"""The tables of what the articles print: quotations and critiques, with their filters."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._errors import NotFoundError
from ._filters import (
    UNSET,
    UnsetType,
    any_in,
    article_ids,
    as_values,
    contains,
    enums,
    episode_numbers,
    member,
    person_ids,
    predicate_tests,
    topic_ids,
)
from ._kinds import CriticKind, QuoteKind, QuoteMode, Stance, TargetKind, Venue
from ._models import Article, Critique, Episode, Person, Quote, Topic
from ._public import public
from ._table import Table

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["Critiques", "Quotes"]

#: The weight of what a record is about (its context, people, topics) beside its own words.
_ABOUT = 0.25


def _names(dataset: Dataset | None, table: str) -> dict[str, str]:
    """id → the searchable words for it: a person's name and aliases; a topic's id and
    label. Without a dataset, ids stand for themselves."""
    if dataset is None:
        return {}
    if table == "people":
        return {p.id: " ".join((p.name, *p.aliases)) for p in dataset.people}
    return {t.id: f"{t.id} {t.label}" for t in dataset.topics}


@public
class Quotes(Table[Quote]):
    """Quotations (the speakers' own words, scare quotes and reported speech), in
    document order, or a selection of them.

    >>> import putin_interviews
    >>> len(putin_interviews.dataset().quotes), len(putin_interviews.quotes(mode="direct"))
    (77, 56)
    """

    __slots__ = ()
    kind = "quote"
    record_type = Quote
    _columns = (
        ("id", lambda q: q.id),
        ("speaker", lambda q: q.speaker_id or "(writer)"),
        ("part", lambda q: q.episode if q.episode is not None else "?"),
        ("kind", lambda q: q.kind),
        ("text", lambda q: q.text),
    )
    # Own words first; what the record is about (the context, the people named by it, the
    # topics) is searched too, weighted below them.
    _search_fields = (("text", 1.0), ("context", _ABOUT), ("people", _ABOUT), ("topics", _ABOUT))

    def _texts(self, name: str, records: Sequence[Quote]) -> Sequence[str]:
        from ._occurrences import Keyed  # search only

        if name == "people":
            return Keyed(
                [
                    [q.speaker_id for q in records],
                    [q.addressee_id for q in records],
                    [q.reported_by_id for q in records],
                    [q.subject_ids for q in records],
                ],
                _names(self._dataset, "people"),
            )
        if name == "topics":
            return Keyed([[q.topics for q in records]], _names(self._dataset, "topics"))
        return super()._texts(name, records)

    def filter(
        self,
        predicate: Callable[[Quote], object] | None = None,
        /,
        *,
        speaker: str | Person | Iterable[str | Person | None] | UnsetType | None = UNSET,
        addressee: str | Person | Iterable[str | Person | None] | UnsetType | None = UNSET,
        article: str | Article | Iterable[str | Article] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | UnsetType | None = UNSET,
        venue: Venue | str | Iterable[Venue | str | None] | UnsetType | None = UNSET,
        kind: QuoteKind | str | Iterable[QuoteKind | str] | UnsetType = UNSET,
        mode: QuoteMode | str | Iterable[QuoteMode | str] | UnsetType = UNSET,
        topic: str | Topic | Iterable[str | Topic] | UnsetType = UNSET,
        subject: str | Person | Iterable[str | Person] | UnsetType = UNSET,
        text: str | Iterable[str] | UnsetType = UNSET,
    ) -> Quotes:
        """Quotations matching every criterion given (AND); a list or tuple for one
        criterion means any of its values (OR). ``None`` for ``episode``, ``venue`` or
        ``addressee`` selects the quotations where it is not known, and for ``speaker`` the
        scare quotes (the writer's words). People are given by anything
        :meth:`People.get <putin_interviews.Table.get>` accepts, topics by id or label;
        ``subject`` keeps the quotations about a person or group
        (:meth:`Dataset.quotes_about`); ``mode`` keeps to the speakers' own words
        (``"direct"``) or to what the press reports they said (``"indirect"``); ``text`` is
        a case- and accent-insensitive substring. A function of a quotation, given first,
        keeps the quotations for which it is true, along with the criteria.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> len(ds.quotes.filter(speaker="putin").filter(episode=1, mode="direct"))
        8
        >>> [q.id for q in ds.quotes.filter(speaker=["Colbert", "putin"], episode=None, kind="partial", mode="direct")]
        ['deadline-colbert-mild-description']
        >>> [q.id for q in ds.quotes.filter(lambda q: len(q.text) > 100, subject="obama")]
        ['lz-part-3-different-assessments']
        """
        indexed: list[tuple[str, set[Any]]] = []
        tests = predicate_tests(self.kind, predicate)
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
        if mode is not UNSET:
            indexed.append(("mode", enums(QuoteMode, mode, "quote mode")))
        if topic is not UNSET:
            tests.append(any_in(topic_ids(self._ds(), topic), lambda q: q.topics))
        if subject is not UNSET:
            if None in as_values(subject):
                raise TypeError("subject must be a person or group (or a list of them), not None")
            tests.append(any_in(person_ids(self._ds(), subject), lambda q: q.subject_ids))
        if text is not UNSET:
            tests.append(contains(as_values(text), lambda q: q.text, "text"))
        return self._select(indexed, tests)


@public
class Critiques(Table[Critique]):
    """Evaluative judgements, in document order, or a selection of them.

    >>> import putin_interviews
    >>> putin_interviews.dataset().critiques.get("lz-part-1-missed-opportunity").topics
    ('interviewing',)
    """

    __slots__ = ()
    kind = "critique"
    record_type = Critique
    _columns = (
        ("id", lambda c: c.id),
        ("critic", lambda c: c.critic_id or f"({c.critic_kind.value})"),
        ("target", lambda c: c.target_id or f"({c.target_kind.value})"),
        ("stance", lambda c: c.stance),
        ("topics", lambda c: c.topics),
        ("summary", lambda c: c.summary),
    )
    _search_fields = (("summary", 1.0), ("people", _ABOUT), ("topics", _ABOUT))

    def _texts(self, name: str, records: Sequence[Critique]) -> Sequence[str]:
        from ._occurrences import Keyed  # search only

        if name == "people":
            names = _names(self._dataset, "people")
            return Keyed([[c.critic_id for c in records], [c.target_id for c in records]], names)
        if name == "topics":
            return Keyed([[c.topics for c in records]], _names(self._dataset, "topics"))
        return super()._texts(name, records)

    def _parties(self, value: Any, kinds: type[CriticKind] | type[TargetKind]) -> set[Hashable]:
        """Resolve critic/target values: a kind (e.g. "article", "documentary"), a person,
        or (targets only) an episode."""
        from ._fold import normalize

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
        predicate: Callable[[Critique], object] | None = None,
        /,
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
        topic: str | Topic | Iterable[str | Topic] | UnsetType = UNSET,
        article: str | Article | Iterable[str | Article] | UnsetType = UNSET,
        episode: int | str | Episode | Iterable[int | str | Episode | None] | UnsetType | None = UNSET,
    ) -> Critiques:
        """Critiques matching every criterion given (AND; a list or tuple means OR).

        ``critic`` is a person, ``"article"`` (the article's own voice) or ``"unnamed"``;
        ``target`` is a person, an episode (number or id), or ``"documentary"``; ``topic``
        is a topic's id or label. A function of a critique, given first, keeps the critiques
        for which it is true, along with the criteria.

        >>> import putin_interviews
        >>> [c.id for c in putin_interviews.critiques(critic="colbert", target="stone")]
        ['deadline-colbert-no-followup-critique', 'deadline-colbert-dog-joke',
         'deadline-colbert-surprised-respect', 'deadline-colbert-mild-description-critique']
        >>> [c.id for c in putin_interviews.critiques(lambda c: len(c.quote_ids) > 2, target="stone")]
        ['lz-part-1-missed-opportunity', 'deadline-colbert-no-followup-critique']
        """
        tests = predicate_tests(self.kind, predicate)
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
        if topic is not UNSET:
            tests.append(any_in(topic_ids(self._ds(), topic), lambda c: c.topics))
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
