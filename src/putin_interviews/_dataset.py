"""The Dataset: tables of records and ``info``, and the questions asked across tables
(lookup by any id, search, navigation, citations, exports). Loading is :mod:`._load`."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ._citable import Citable, Form, Markup, Style
from ._errors import NotFoundError, argument, suggest
from ._filters import hit_limit, of_kinds
from ._kinds import RecordKind  # (at run time too: typing.get_type_hints reads it)
from ._made import premade
from ._models import Article, Critique, DatasetInfo, Episode, Person, Quote, Topic
from ._owned import own_articles, own_critiques, own_episodes, own_people, own_quotes, own_topics
from ._printed import Critiques, Quotes
from ._public import public
from ._table import Table
from ._tables import TABLES, Articles, Episodes, People, Topics

if TYPE_CHECKING:
    import pathlib  # (named in full in signatures: the docs link it)

    from ._hits import Hit, Hits, Record

# Citations, exports, checks, hits and search are imported by the methods that use them.

__all__ = ["Dataset"]


@public
@attrs.frozen(kw_only=True, repr=False)
@premade
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

    #: What the dataset is: versions, sources, license, how to cite it.
    info: DatasetInfo = attrs.field(validator=attrs.validators.instance_of(DatasetInfo))
    #: The people and groups who speak, are addressed or are judged.
    people: People = attrs.field(converter=own_people)
    #: The topic vocabulary.
    topics: Topics = attrs.field(converter=own_topics)
    #: The source articles.
    articles: Articles = attrs.field(converter=own_articles)
    #: The four parts of the documentary.
    episodes: Episodes = attrs.field(converter=own_episodes)
    #: The quotations.
    quotes: Quotes = attrs.field(converter=own_quotes)
    #: The critiques: the judgements the articles make or report.
    critiques: Critiques = attrs.field(converter=own_critiques)

    def __attrs_post_init__(self) -> None:
        for table in self.tables():
            table._bind(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{spec.name}={len(getattr(self, spec.name))}" for spec in TABLES)
        return f"<Dataset {self.info.dataset_version!r}: {counts}>"

    def _repr_html_(self) -> str:
        """An HTML summary for notebooks: the dataset's title and version, and each table with
        its number of records.

        >>> import putin_interviews
        >>> page = putin_interviews.dataset()._repr_html_()
        >>> page.startswith("<table><caption>Dataset: "), '<td style="text-align: right">77</td>' in page
        (True, True)
        """
        info = self.info
        caption = f"Dataset: {info.title}, version {info.dataset_version} (schema {info.schema_version})"
        rows = [[spec.name, spec.kind, f"{len(getattr(self, spec.name)):,}"] for spec in TABLES]
        from ._render import html_table

        return html_table(["table", "kind", "records"], rows, lambda shown: shown, caption=caption)

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

    def search(
        self, query: str, kind: RecordKind | Iterable[RecordKind] | None = None, limit: int | None = None
    ) -> Hits:
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
        from ._hits import Hits

        hits: list[Hit[Record]] = [h for t in self._searched(kind) for h in t.hits(query)]
        hits.sort(key=lambda h: -h.score)  # stable: ties keep table and document order
        return Hits(hits[:limit] if limit is not None else hits)

    def did_you_mean(self, query: str, kind: RecordKind | Iterable[RecordKind] | None = None) -> str | None:
        """``query`` with each word that :meth:`search` finds nowhere replaced by the
        closest word it does find (a typing slip away), or None when there is nothing to
        correct: every word is found somewhere, or one has no close match.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.did_you_mean("Megyn Kely"), ds.did_you_mean("Megyn Kelly")
        ('megyn kelly', None)
        """
        argument(query, "query", str, "a string")
        from ._corrected import corrected

        return corrected(query, [t._index() for t in self._searched(kind)])

    def _searched(self, kind: RecordKind | Iterable[RecordKind] | None) -> list[Table[Any]]:
        """The tables a search of ``kind`` (a kind of record, several, or None for all) covers."""
        return of_kinds(self.tables(), kind)

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
        """The quotations that are about a person or group (``quotes.filter(subject=person)``).

        >>> import putin_interviews
        >>> [q.id for q in putin_interviews.dataset().quotes_about("clinton")]
        ['lz-part-1-hawk']
        """
        return self.quotes.filter(subject=person)

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

    def cite(
        self,
        record: Citable,
        style: Style = "apa",
        form: Form = "reference",
        markup: Markup = "text",
        *,
        among: Iterable[Citable] | None = None,
    ) -> str:
        """A citation of ``record`` (or of this dataset), resolved in this dataset; with
        ``among``, its year letter is the one it has in the bibliography of ``among``. See
        :func:`putin_interviews.cite`.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.cite(ds.get_episode(2), style="apa", form="in-text")
        '(Stone, 2017)'
        >>> ds.cite(ds.get_episode(2), style="apa", form="in-text", among=ds.episodes)
        '(Stone, 2017b)'
        """
        from . import _cite

        return _cite.cite_with(self, record, style, form, markup, among)

    def bibliography(
        self, records: Iterable[Citable] | None = None, style: Style = "apa", markup: Markup = "text"
    ) -> list[str]:
        """Reference-list entries, sorted as ``style`` sorts: for ``records`` (default: every
        article and episode, and the dataset itself). Year letters are assigned among these
        entries.

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

    def to_pandas(self) -> dict[str, Any]:
        """A :class:`pandas.DataFrame` of each table, by the table's name, in the file's order
        (needs the ``pandas`` extra); each frame as :meth:`Table.to_pandas` makes it.

        >>> import putin_interviews
        >>> frames = putin_interviews.dataset().to_pandas()  # doctest: +SKIP
        >>> {name: len(frame) for name, frame in frames.items()}  # doctest: +SKIP
        {'people': 18, 'topics': 18, 'articles': 3, 'episodes': 4, 'quotes': 77, 'critiques': 74}
        """
        from . import _frames

        _frames.pandas_module()  # the error that says how to install it, before any work
        return {spec.name: getattr(self, spec.name).to_pandas() for spec in TABLES}

    def to_json(self) -> str:
        """The dataset in its canonical JSON form: the schema's key order, two-space
        indent, UTF-8 characters unescaped, and a trailing newline.

        >>> import putin_interviews
        >>> putin_interviews.dataset().to_json().startswith('{\\n  "info": {')
        True
        """
        from . import _export

        return _export.canonical_json(self.to_dict())

    def export(
        self, path: str | os.PathLike[str], format: str = "json", sources: str | os.PathLike[str] | None = None
    ) -> list[pathlib.Path]:
        """Export to ``path`` and return the files written.

        Formats: ``json`` (one file, the dataset's own form), ``jsonl`` (a directory with
        ``info.json`` and one ``<table>.jsonl`` per table), ``csv`` (a directory, one
        ``<table>.csv`` per table; list fields joined with ``|``), ``sqlite`` (one file: a
        table per record type with primary and foreign keys, ``critique_quotes`` linking
        critiques to quotations, an FTS5 index ``<table>_fts`` per table that Datasette
        finds, and ``<stem>.metadata.json`` beside it, Datasette's metadata: two paths are
        returned, each file written atomically, the database first), ``datapackage``
        (a directory: the csv tables and ``datapackage.json``, a Frictionless Data Package),
        ``annotations`` (one file: the quotations, cues and critiques as a W3C Web Annotation
        collection; ``sources``, a directory of the source articles, adds quote selectors)
        and ``croissant`` (a directory: the dataset file and its ``croissant.json``).

        Nothing is ever half-written. A file is written beside ``path`` and renamed over it; a
        directory's whole set of files is written beside it and swapped in, so a reader sees the
        old set or the new one. A directory ``path`` must be new, empty, or a previous export in
        the same format (only the files that format writes): anything else in it is refused
        with :exc:`FileExistsError`, as the export replaces the whole directory. ``-`` writes
        json or annotations to standard output (sqlite and the directory formats refuse it:
        ``ValueError``). ``sources`` is for annotations only (``ValueError`` otherwise); a file
        there missing or not the recorded one (SHA-256) is an error naming it.
        A symlink is kept and what it points to replaced; a device, FIFO or socket is refused
        (:exc:`FileExistsError`), never replaced; a missing parent directory is named
        (:exc:`FileNotFoundError`). Write errors (a full disk too) are ``OSError`` naming ``path``.

        >>> import sqlite3, tempfile, pathlib, putin_interviews
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [db, _] = putin_interviews.dataset().export(pathlib.Path(tmp) / "pi.db", format="sqlite")
        ...     con = sqlite3.connect(db)
        ...     con.execute("SELECT count(*) FROM quotes WHERE speaker_id = 'putin' AND mode = 'direct'").fetchone()
        ...     con.close()
        (19,)
        """
        argument(path, "path", (str, os.PathLike), "a path (str or os.PathLike)")
        if sources is not None:
            argument(sources, "sources", (str, os.PathLike), "a directory (str or os.PathLike) or None")
        from . import _export

        return _export.export(self._sound_dict(), path, format, sources, self)

    def dump(self, path: str | os.PathLike[str]) -> pathlib.Path:
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
        import pathlib

        from . import _export
        from ._fileio import write_text_atomic

        return write_text_atomic(pathlib.Path(path), _export.canonical_json(self._sound_dict()))

    def _sound_dict(self) -> dict[str, Any]:
        """:meth:`to_dict`, checked as the loader checks a file, so that nothing is written
        that would not load: a dataset made in code whose records name ids that do not
        exist, say, raises :class:`~putin_interviews.DatasetError` listing every problem."""
        from ._check import sound

        return sound(self.to_dict(), Dataset)
