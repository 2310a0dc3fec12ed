"""The Dataset: tables of records and ``info``, and the questions asked across tables
(lookup by any id, search, navigation, citations, exports). Loading is :mod:`._load`."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._errors import ChoiceError, NotFoundError, argument, suggest
from ._filters import hit_limit
from ._models import Article, Critique, DatasetInfo, Episode, Person, Quote, Topic
from ._printed import Critiques, Quotes
from ._public import public
from ._tables import TABLES, Articles, Episodes, People, Topics

if TYPE_CHECKING:
    from ._cite import Citable
    from ._hits import Hit, Hits

# Citations, exports, checks and hits are imported by the methods that use them, so that the
# first use of the data does not pay for them.

__all__ = ["Dataset"]


T = TypeVar("T", People, Topics, Articles, Episodes, Quotes, Critiques)


def _own(table_type: type[T], value: Iterable[Any]) -> T:
    """The table a new Dataset keeps: a table of the right type that belongs to no dataset
    yet is kept as it is (a deferred table stays deferred); anything else is copied into a
    new table (sharing the immutable records)."""
    if type(value) is table_type and value._dataset is None and value._root is None:
        return value
    return table_type(value)


# Named converters (the attrs mypy plugin reads their parameter types for __init__).
def _own_people(value: Iterable[Person]) -> People:
    return _own(People, value)


def _own_topics(value: Iterable[Topic]) -> Topics:
    return _own(Topics, value)


def _own_articles(value: Iterable[Article]) -> Articles:
    return _own(Articles, value)


def _own_episodes(value: Iterable[Episode]) -> Episodes:
    return _own(Episodes, value)


def _own_quotes(value: Iterable[Quote]) -> Quotes:
    return _own(Quotes, value)


def _own_critiques(value: Iterable[Critique]) -> Critiques:
    return _own(Critiques, value)


@public
@attrs.frozen(kw_only=True, repr=False)
class Dataset:
    """The whole dataset: tables of records in document order, and ``info``.

    Each table is an immutable, tuple-like collection (:class:`Quotes`, …) with
    ``get``, ``filter`` and ``search``. The bundled dataset is
    :func:`putin_interviews.dataset`; a file of the same schema is read with
    :func:`putin_interviews.load` and has the same API.

    >>> import putin_interviews
    >>> ds = putin_interviews.dataset()
    >>> len(ds.episodes), ds.info.schema_version
    (4, 2)
    >>> len(ds.quotes.filter(speaker="putin").filter(episode=1, mode="direct"))
    8
    """

    info: DatasetInfo = attrs.field(validator=attrs.validators.instance_of(DatasetInfo))
    people: People = attrs.field(converter=_own_people)
    topics: Topics = attrs.field(converter=_own_topics)
    articles: Articles = attrs.field(converter=_own_articles)
    episodes: Episodes = attrs.field(converter=_own_episodes)
    quotes: Quotes = attrs.field(converter=_own_quotes)
    critiques: Critiques = attrs.field(converter=_own_critiques)

    def __attrs_post_init__(self) -> None:
        for table in self.tables():
            table._bind(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{spec.name}={len(getattr(self, spec.name))}" for spec in TABLES)
        return f"<Dataset {self.info.dataset_version!r}: {counts}>"

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt through __init__, which binds the tables to the new dataset.
        tables = {spec.name: getattr(self, spec.name) for spec in TABLES}
        return functools.partial(Dataset, info=self.info, **tables), ()

    def __copy__(self) -> Dataset:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def tables(self) -> tuple[People, Topics, Articles, Episodes, Quotes, Critiques]:
        """The six tables, in the file's order.

        >>> import putin_interviews
        >>> [t.kind for t in putin_interviews.dataset().tables()]
        ['person', 'topic', 'article', 'episode', 'quote', 'critique']
        """
        return tuple(getattr(self, spec.name) for spec in TABLES)

    # ------------------------------------------------------------------ lookup

    def get_person(self, key: str) -> Person:
        """A person or group by id, name, surname or alias (case- and accent-insensitive).

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_person("Colbert").name
        'Stephen Colbert'
        """
        return self.people.get(key)

    def get_topic(self, key: str) -> Topic:
        """A topic by id or label (case- and accent-insensitive).

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_topic("surveillance").label
        'Surveillance'
        """
        return self.topics.get(key)

    def get_article(self, key: str) -> Article:
        """An article by id.

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_article("lz-part-1").section
        'PopZette'
        """
        return self.articles.get(key)

    def get_episode(self, key: int | str) -> Episode:
        """An episode by number (1–4), id (``"part-2"``) or title (``"Part 2"``).

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_episode(2).air_time
        '9 p.m. ET'
        """
        return self.episodes.get(key)

    def get_quote(self, key: str) -> Quote:
        """A quotation by id.

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_quote("deadline-colbert-detente").text
        'What is wrong with détente with Russia?'
        """
        return self.quotes.get(key)

    def get_critique(self, key: str) -> Critique:
        """A critique by id.

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_critique("lz-part-1-missed-opportunity").stance
        <Stance.NEGATIVE: 'negative'>
        """
        return self.critiques.get(key)

    def get(self, key: str) -> Person | Topic | Article | Episode | Quote | Critique:
        """Any record by id, whatever its table (ids are unique across tables).

        >>> import putin_interviews
        >>> type(putin_interviews.dataset().get("part-4")).__name__
        'Episode'
        """
        suggestions: list[str] = []
        for table in self.tables():
            found = table._id_index().get(key) if isinstance(key, str) else None
            if found is not None:
                return found
            suggestions.extend(suggest(str(key), table._id_index().keys(), n=2))
        raise NotFoundError("record", key, suggest(str(key), suggestions, n=3))

    # ------------------------------------------------------------------ search

    def search(self, query: str, kind: str | Iterable[str] | None = None, limit: int | None = None) -> Hits:
        """Full-text search over quotation text, critique summaries and topics, article
        titles and summaries, people's names, topics' labels and definitions and episodes'
        summaries.

        Every word of ``query`` must match (case-, accent- and punctuation-insensitive).
        Hits are ranked best first; each carries the record and the fields that matched.
        ``kind`` limits the search to ``"quote"``, ``"critique"``, ``"article"``,
        ``"person"``, ``"topic"`` or ``"episode"`` (or several).

        >>> import putin_interviews
        >>> [(h.kind, h.record.id) for h in putin_interviews.dataset().search("don't trust")]
        [('quote', 'deadline-colbert-dont-trust-him'), ('quote', 'deadline-colbert-convenient-excuse')]
        """
        argument(query, "query", str, "a string")
        limit = hit_limit(limit)
        tables = {t.kind: t for t in self.tables()}
        if kind is None:
            chosen = list(tables.values())
        else:
            argument(kind, "kind", (str, list, tuple, set, frozenset), "a kind of record or a list of them")
            chosen = []
            for k in [kind] if isinstance(kind, str) else kind:
                if not isinstance(k, str) or k not in tables:
                    raise ChoiceError("search kind", k, suggest(str(k), list(tables)) or tuple(tables))
                chosen.append(tables[k])
        from ._hits import Hits

        hits: list[Hit[Any]] = [h for t in chosen for h in t.hits(query)]
        hits.sort(key=lambda h: -h.score)  # stable: ties keep table and document order
        return Hits(hits[:limit] if limit is not None else hits)

    # ------------------------------------------------------------------ navigation

    def speaker_of(self, quote: Quote) -> Person | None:
        """Who said a quotation; None for a scare quote (the writer's words).

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.speaker_of(ds.get_quote("lz-part-3-always-hope")).name
        'Vladimir Putin'
        """
        argument(quote, "quote", Quote, "a Quote")
        return None if quote.speaker_id is None else self.people.get(quote.speaker_id)

    def addressee_of(self, quote: Quote) -> Person | None:
        """Whom a quotation was said to, or None where not known.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.addressee_of(ds.get_quote("deadline-colbert-why-laughing")).id
        'studio-audience'
        """
        argument(quote, "quote", Quote, "a Quote")
        return None if quote.addressee_id is None else self.people.get(quote.addressee_id)

    def article_of(self, record: Quote | Critique) -> Article:
        """The article a quotation or critique is in.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.article_of(ds.get_quote("deadline-colbert-detente")).outlet
        'Deadline'
        """
        argument(record, "record", (Quote, Critique), "a Quote or a Critique")
        return self.articles.get(record.article_id)

    def episode_of(self, record: Quote | Critique) -> Episode | None:
        """The part a quotation or critique concerns, or None where not known.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.episode_of(ds.get_quote("lz-part-3-always-hope")).title
        'Part 3'
        """
        argument(record, "record", (Quote, Critique), "a Quote or a Critique")
        return None if record.episode is None else self.episodes.get(record.episode)

    def critiques_citing(self, quote: Quote | str) -> Critiques:
        """The critiques that rest on a quotation.

        >>> import putin_interviews
        >>> [c.id for c in putin_interviews.dataset().critiques_citing("lz-part-1-hawk")]
        ['lz-part-1-clinton-hawk']
        """
        argument(quote, "quote", (Quote, str), "a Quote or its id")
        qid = self.quotes.get(quote if isinstance(quote, str) else quote.id).id
        return self.critiques._where([lambda c: qid in c.quote_ids])

    def quotes_in(self, article: Article | str) -> Quotes:
        """The quotations in an article, in document order.

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().quotes_in("lz-part-3"))
        13
        """
        return self.quotes.filter(article=article)

    def critiques_in(self, article: Article | str) -> Critiques:
        """The critiques in an article.

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().critiques_in("deadline-colbert"))
        33
        """
        return self.critiques.filter(article=article)

    def quotes_by(self, person: Person | str) -> Quotes:
        """What a person said (``person`` as :meth:`get_person` accepts).

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().quotes_by("Vladimir Putin"))
        27
        """
        return self.quotes.filter(speaker=person)

    def quotes_about(self, person: Person | str) -> Quotes:
        """The quotations that are about a person or group.

        >>> import putin_interviews
        >>> [q.id for q in putin_interviews.dataset().quotes_about("clinton")]
        ['lz-part-1-hawk']
        """
        pid = self.people.get(person.id if isinstance(person, Person) else person).id
        return self.quotes._where([lambda q: pid in q.subject_ids])

    def critiques_of(self, person: Person | str) -> Critiques:
        """The judgements made of a person or group.

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().critiques_of("stone"))
        22
        """
        return self.critiques.filter(target=person)

    def critiques_by(self, person: Person | str) -> Critiques:
        """The judgements a person or group makes.

        >>> import putin_interviews
        >>> [c.target_id for c in putin_interviews.dataset().critiques_by("studio audience")]
        ['stone', 'stone', 'colbert', 'stone']
        """
        return self.critiques.filter(critic=person)

    # ------------------------------------------------------------------ citations

    def cite(self, record: Citable, style: str = "apa", form: str = "reference", markup: str = "text") -> str:
        """A citation of ``record`` (or of this dataset), resolved in this dataset; see
        :func:`putin_interviews.cite`.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.cite(ds.get_episode(2), style="apa", form="in-text")
        '(Stone, 2017b)'
        """
        from . import _cite

        return _cite.cite_with(self, record, style, form, markup)

    def bibliography(
        self, records: Iterable[Citable] | None = None, style: str = "apa", markup: str = "text"
    ) -> list[str]:
        """Reference-list entries, sorted as ``style`` sorts: for ``records`` (default: every
        article and episode, and the dataset itself).

        >>> import putin_interviews
        >>> putin_interviews.dataset().bibliography(style="chicago", markup="markdown")[0]
        '*Deadline*. n.d. Report on Stone’s appearance on *The Late Show with Stephen Colbert*.'
        """
        chosen: Iterable[Citable] = records if records is not None else [*self.articles, *self.episodes, self]
        from . import _cite

        return _cite.bibliography_with(self, chosen, style, markup)

    # ------------------------------------------------------------------ output

    def to_dict(self) -> dict[str, Any]:
        """The dataset as JSON-shaped data (dicts, lists, strings, numbers, None).

        >>> import putin_interviews
        >>> putin_interviews.dataset().to_dict()["info"]["schema_version"]
        2
        """
        from . import _convert

        data: dict[str, Any] = _convert.unstructure(self)
        return data

    def to_json(self) -> str:
        """The dataset in its canonical JSON form: the schema's key order, two-space
        indent, UTF-8 characters unescaped, and a trailing newline.

        >>> import putin_interviews
        >>> putin_interviews.dataset().to_json().startswith('{\\n  "info": {')
        True
        """
        from . import _export

        return _export.canonical_json(self.to_dict())

    def export(self, path: str | os.PathLike[str], format: str = "json") -> list[Path]:
        """Export to ``path`` and return the files written.

        Formats: ``json`` (one file, the dataset's own form), ``jsonl`` (a directory with
        ``info.json`` and one ``<table>.jsonl`` per table), ``csv`` (a directory, one
        ``<table>.csv`` per table; list fields joined with ``|``) and ``sqlite`` (one file: a
        table per record type with primary and foreign keys, ``critique_quotes`` linking
        critiques to quotations, and an FTS5 index ``quotes_fts`` over quotation text).

        Nothing is ever half-written. A file is written beside ``path`` and renamed over it; a
        directory's whole set of files is written beside it and swapped in, so a reader sees the
        old set or the new one. A directory ``path`` must be new, empty, or a previous export in
        the same format (only the files that format writes): anything else in it is refused
        with :exc:`FileExistsError`, as the export replaces the whole directory. ``-`` writes
        json to standard output (sqlite and the directory formats refuse it: ``ValueError``).
        A symlink is kept and what it points to replaced; a device, FIFO or socket is refused
        (:exc:`FileExistsError`), never replaced; a missing parent directory is named
        (:exc:`FileNotFoundError`). Write errors (a full disk too) are ``OSError`` naming ``path``.

        >>> import sqlite3, tempfile, pathlib, putin_interviews
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [db] = putin_interviews.dataset().export(pathlib.Path(tmp) / "pi.db", format="sqlite")
        ...     con = sqlite3.connect(db)
        ...     con.execute("SELECT count(*) FROM quotes WHERE speaker_id = 'putin' AND mode = 'direct'").fetchone()
        ...     con.close()
        (19,)
        """
        argument(path, "path", (str, os.PathLike), "a path (str or os.PathLike)")
        from . import _export

        return _export.export(self._sound_dict(), path, format)

    def dump(self, path: str | os.PathLike[str]) -> Path:
        """Write the canonical JSON to ``path`` atomically and return the path.

        The text goes to a temporary file in the same directory, is flushed to
        disk, and then renamed over ``path``: an interrupted dump never leaves a
        truncated file behind. ``-`` is standard output. A symlink is kept and the
        file it points to replaced; a device, FIFO or socket is refused
        (:exc:`FileExistsError`), a missing parent directory named
        (:exc:`FileNotFoundError`); write errors are ``OSError`` naming ``path``. A
        dataset that would not load (made in code, with a reference to an id that does not
        exist, say) is refused with :class:`~putin_interviews.DatasetError`, and nothing
        is written.

        >>> import tempfile, pathlib, putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = ds.dump(pathlib.Path(tmp) / "copy.json")
        ...     putin_interviews.load(out) == ds
        True
        """
        argument(path, "path", (str, os.PathLike), "a path (str or os.PathLike)")
        from . import _export
        from ._fileio import write_text_atomic

        return write_text_atomic(Path(path), _export.canonical_json(self._sound_dict()))

    def _sound_dict(self) -> dict[str, Any]:
        """:meth:`to_dict`, checked as the loader checks a file, so that nothing is written
        that would not load: a dataset made in code whose records name ids that do not
        exist, say, raises :class:`~putin_interviews.DatasetError` listing every problem."""
        from . import _check

        raw = self.to_dict()
        try:
            _check.fast(raw, texts_encodable=True)  # its records checked theirs
        except _check.FAILED:
            _check.detailed(raw, None, Dataset)  # raises, saying what is wrong
        return raw
