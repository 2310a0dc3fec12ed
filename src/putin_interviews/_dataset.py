"""The Dataset: how the bundled data is found, loaded once, checked and saved."""

from __future__ import annotations

import contextlib
import html
import importlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from . import _cite, _convert, _export, _fast, _rowcheck
from ._cite import Citable
from ._errors import DatasetError, NotFoundError, Problem
from ._fileio import write_text_atomic
from ._gc import collector_paused
from ._models import (
    Article,
    CriticKind,
    Critique,
    DatasetInfo,
    Episode,
    Person,
    Quote,
    Span,
    TargetKind,
)
from ._render import format_table
from ._tables import Articles, Critiques, Episodes, Hit, People, Quotes, _closest

__all__ = ["SCHEMA_VERSION", "Dataset", "Hits", "dataset", "load", "loads"]

#: The schema version this release reads and writes.
SCHEMA_VERSION = 1

_DATA_PACKAGE = "putin_interviews.data"
_DATA_FILE = "putin_interviews.json"
_EPISODE_NUMBERS = range(1, 5)
_TABLE_NAMES = ("people", "articles", "episodes", "quotes", "critiques")

for _table, _record in [
    (People, Person),
    (Articles, Article),
    (Episodes, Episode),
    (Quotes, Quote),
    (Critiques, Critique),
]:
    _convert.register_table(_table, _record)


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
        return (
            head
            + "\n"
            + format_table(["kind", "id", "score", "matched", "text"], self._rows()[:10], width=100, max_lines=2)
        )

    def _repr_html_(self) -> str:
        """An HTML table of the hits, every value escaped.

        >>> import putin_interviews
        >>> "<td>quote</td>" in putin_interviews.search("hope")._repr_html_()
        True
        """
        head = "".join(f"<th>{h}</th>" for h in ["kind", "id", "score", "matched", "text"])
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in self._rows())
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _hit_text(hit: Hit[Any]) -> str:
    record = hit.record
    for name in ("text", "title", "name", "summary"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return ""


T = TypeVar("T", People, Articles, Episodes, Quotes, Critiques)


def _own(table_type: type[T], value: Iterable[Any]) -> T:
    """The table a new Dataset keeps: a table of the right type that belongs to no dataset
    yet is kept as it is (a deferred table stays deferred); anything else is copied into a
    new table (sharing the immutable records)."""
    if type(value) is table_type and value._dataset is None:
        return value
    return table_type(value)


# Named converters (the attrs mypy plugin reads their parameter types for __init__).
def _own_people(value: Iterable[Person]) -> People:
    return _own(People, value)


def _own_articles(value: Iterable[Article]) -> Articles:
    return _own(Articles, value)


def _own_episodes(value: Iterable[Episode]) -> Episodes:
    return _own(Episodes, value)


def _own_quotes(value: Iterable[Quote]) -> Quotes:
    return _own(Quotes, value)


def _own_critiques(value: Iterable[Critique]) -> Critiques:
    return _own(Critiques, value)


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
    (4, 1)
    >>> len(ds.quotes.filter(speaker="putin").filter(episode=1))
    8
    """

    info: DatasetInfo
    people: People = attrs.field(converter=_own_people)
    articles: Articles = attrs.field(converter=_own_articles)
    episodes: Episodes = attrs.field(converter=_own_episodes)
    quotes: Quotes = attrs.field(converter=_own_quotes)
    critiques: Critiques = attrs.field(converter=_own_critiques)

    def __attrs_post_init__(self) -> None:
        for table in self.tables():
            table._bind(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in _TABLE_NAMES)
        return f"<Dataset {self.info.dataset_version!r}: {counts}>"

    def tables(self) -> tuple[People, Articles, Episodes, Quotes, Critiques]:
        """The five tables, in the file's order.

        >>> import putin_interviews
        >>> [t.kind for t in putin_interviews.dataset().tables()]
        ['person', 'article', 'episode', 'quote', 'critique']
        """
        return (self.people, self.articles, self.episodes, self.quotes, self.critiques)

    # ------------------------------------------------------------------ lookup

    def get_person(self, key: str) -> Person:
        """A person or group by id, name, surname or alias (case- and accent-insensitive).

        >>> import putin_interviews
        >>> putin_interviews.dataset().get_person("Colbert").name
        'Stephen Colbert'
        """
        return self.people.get(key)

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

    def get(self, key: str) -> Person | Article | Episode | Quote | Critique:
        """Any record by id, whatever its table.

        >>> import putin_interviews
        >>> type(putin_interviews.dataset().get("part-4")).__name__
        'Episode'
        """
        suggestions: list[str] = []
        for table in self.tables():
            try:
                return table.get(key) if not isinstance(table, People) else table._id_index()[key]
            except (NotFoundError, KeyError):
                suggestions.extend(_closest(key, table._id_index().keys(), n=2))
        raise NotFoundError("record", key, tuple(_closest(key, suggestions, n=3)))

    # ------------------------------------------------------------------ search

    def search(self, query: str, kind: str | Iterable[str] | None = None, limit: int | None = None) -> Hits:
        """Full-text search over quotation text, critique summaries and aspects, article
        titles and summaries, people's names and episodes' summaries.

        Every word of ``query`` must match (case-, accent- and punctuation-insensitive).
        Hits are ranked best first; each carries the record and the fields that matched.
        ``kind`` limits the search to ``"quote"``, ``"critique"``, ``"article"``,
        ``"person"`` or ``"episode"`` (or several).

        >>> import putin_interviews
        >>> [(h.kind, h.record.id) for h in putin_interviews.dataset().search("don't trust")]
        [('quote', 'deadline-colbert-dont-trust-him'), ('quote', 'deadline-colbert-convenient-excuse')]
        """
        tables = {t.kind: t for t in self.tables()}
        if kind is None:
            chosen = list(tables.values())
        else:
            chosen = []
            for k in [kind] if isinstance(kind, str) else kind:
                if k not in tables:
                    raise NotFoundError("search kind", k, _closest(str(k), list(tables)) or tuple(tables))
                chosen.append(tables[k])
        hits: list[Hit[Any]] = [h for t in chosen for h in t.hits(query)]
        hits.sort(key=lambda h: -h.score)  # stable: ties keep table and document order
        return Hits(hits[:limit] if limit is not None else hits)

    # ------------------------------------------------------------------ navigation

    def speaker_of(self, quote: Quote) -> Person:
        """Who said a quotation.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.speaker_of(ds.get_quote("lz-part-3-always-hope")).name
        'Vladimir Putin'
        """
        return self.people.get(quote.speaker_id)

    def addressee_of(self, quote: Quote) -> Person | None:
        """Whom a quotation was said to, or None where not known.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.addressee_of(ds.get_quote("deadline-colbert-why-laughing")).id
        'studio-audience'
        """
        return None if quote.addressee_id is None else self.people.get(quote.addressee_id)

    def article_of(self, record: Quote | Critique) -> Article:
        """The article a quotation or critique is in.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.article_of(ds.get_quote("deadline-colbert-detente")).outlet
        'Deadline'
        """
        return self.articles.get(record.article_id)

    def episode_of(self, record: Quote | Critique) -> Episode | None:
        """The part a quotation or critique concerns, or None where not known.

        >>> import putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> ds.episode_of(ds.get_quote("lz-part-3-always-hope")).title
        'Part 3'
        """
        return None if record.episode is None else self.episodes.get(record.episode)

    def critiques_citing(self, quote: Quote | str) -> Critiques:
        """The critiques that rest on a quotation.

        >>> import putin_interviews
        >>> [c.id for c in putin_interviews.dataset().critiques_citing("lz-part-1-hawk")]
        ['lz-part-1-clinton-hawk']
        """
        qid = self.quotes.get(quote if isinstance(quote, str) else quote.id).id
        return self.critiques._where([lambda c: qid in c.quote_ids])

    def quotes_in(self, article: Article | str) -> Quotes:
        """The quotations in an article, in document order.

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().quotes_in("lz-part-3"))
        8
        """
        return self.quotes.filter(article=article)

    def critiques_in(self, article: Article | str) -> Critiques:
        """The critiques in an article.

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().critiques_in("deadline-colbert"))
        17
        """
        return self.critiques.filter(article=article)

    def quotes_by(self, person: Person | str) -> Quotes:
        """What a person said (``person`` as :meth:`get_person` accepts).

        >>> import putin_interviews
        >>> len(putin_interviews.dataset().quotes_by("Vladimir Putin"))
        19
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
        15
        """
        return self.critiques.filter(target=person)

    def critiques_by(self, person: Person | str) -> Critiques:
        """The judgements a person or group makes.

        >>> import putin_interviews
        >>> [c.target_id for c in putin_interviews.dataset().critiques_by("studio audience")]
        ['stone', 'colbert']
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
        return _cite.bibliography_with(self, chosen, style, markup)

    # ------------------------------------------------------------------ output

    def to_dict(self) -> dict[str, Any]:
        """The dataset as JSON-shaped data (dicts, lists, strings, numbers, None).

        >>> import putin_interviews
        >>> putin_interviews.dataset().to_dict()["info"]["schema_version"]
        1
        """
        data: dict[str, Any] = _convert.unstructure(self)
        return data

    def to_json(self) -> str:
        """The dataset in its canonical JSON form: the schema's key order, two-space
        indent, UTF-8 characters unescaped, and a trailing newline.

        >>> import putin_interviews
        >>> putin_interviews.dataset().to_json().startswith('{\\n  "info": {')
        True
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def export(self, path: str | os.PathLike[str], format: str = "json") -> list[Path]:
        """Export to ``path`` and return the files written.

        Formats: ``json`` (one file, the dataset's own form), ``jsonl`` (a directory with
        ``info.json`` and one ``<table>.jsonl`` per table), ``csv`` (a directory, one
        ``<table>.csv`` per table; list fields joined with ``|``) and ``sqlite`` (one file: a
        table per record type with primary and foreign keys, ``critique_quotes`` linking
        critiques to quotations, and an FTS5 index ``quotes_fts`` over quotation text).

        >>> import sqlite3, tempfile, pathlib, putin_interviews
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [db] = putin_interviews.dataset().export(pathlib.Path(tmp) / "pi.db", format="sqlite")
        ...     con = sqlite3.connect(db)
        ...     con.execute("SELECT count(*) FROM quotes WHERE speaker_id = 'putin'").fetchone()
        ...     con.close()
        (19,)
        """
        return _export.export(self, path, format)

    def dump(self, path: str | os.PathLike[str]) -> Path:
        """Write the canonical JSON to ``path`` atomically and return the path.

        The text goes to a temporary file in the same directory, is flushed to
        disk, and then renamed over ``path``: an interrupted dump never leaves a
        truncated file behind.

        >>> import tempfile, pathlib, putin_interviews
        >>> ds = putin_interviews.dataset()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = ds.dump(pathlib.Path(tmp) / "copy.json")
        ...     putin_interviews.load(out) == ds
        True
        """
        return write_text_atomic(Path(path), self.to_json())


# ----------------------------------------------------------------------------- loading


#: The largest dataset file :func:`load` reads, in bytes, unless told otherwise: a larger file
#: is refused before it is read.
MAX_BYTES = 2 * 1024**3
#: The longest id, and the longest text value, a dataset may hold (characters).
MAX_ID_LENGTH = _convert.MAX_ID_LENGTH
MAX_TEXT_LENGTH = _convert.MAX_STRING
_BOM = b"\xef\xbb\xbf"


def _fail(message: str, source: str | None, path: str = "$") -> DatasetError:
    return DatasetError([Problem(path, message)], source)


def _orjson() -> Any:
    """orjson, when installed (the ``fast`` extra); None otherwise."""
    global _ORJSON
    if _ORJSON is False:
        try:
            _ORJSON = importlib.import_module("orjson")
        except ImportError:
            _ORJSON = None
    return _ORJSON


_ORJSON: Any = False  # not looked for yet


@attrs.frozen
class _Parsed:
    """What a fast parse leaves to check: every key of a JSON object is followed by '":',
    so the count of '":' equals the number of keys the records were built from exactly
    when no key was given twice (and no string holds '":')."""

    data: str | bytes

    @property
    def key_marks(self) -> int:
        return self.data.count(b'":') if isinstance(self.data, bytes) else self.data.count('":')

    def text(self) -> str:
        return self.data.decode("utf-8") if isinstance(self.data, bytes) else self.data


def _parse(data: str | bytes, source: str | None, max_bytes: int) -> tuple[Any, _Parsed | None]:
    """JSON text to Python values, every failure a DatasetError.

    With orjson installed, valid JSON is parsed by orjson (several times faster); anything
    it rejects goes through the standard library's parser, which says what is wrong. Only
    the standard library's parser reports a key given twice in one object.
    """
    if len(data) > max_bytes:
        raise _fail(f"{len(data)} bytes is more than the limit of {max_bytes} (max_bytes)", source)
    fast = _orjson()
    bom = data.startswith(_BOM) if isinstance(data, bytes) else data.startswith("\ufeff")
    if fast is not None and not bom:
        try:
            with collector_paused():
                raw = fast.loads(data)
        except fast.JSONDecodeError:
            pass
        else:
            return raw, _Parsed(data)
    if isinstance(data, bytes):
        if data.startswith(_BOM):
            raise _fail("starts with a byte-order mark (BOM): save the file as UTF-8 without one", source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise _fail(f"not UTF-8: byte {exc.start} (line {line}) cannot be decoded", source) from None
    else:
        text = data
        if text.startswith("\ufeff"):
            raise _fail("starts with a byte-order mark (BOM): save the file as UTF-8 without one", source)
    if not text.strip():
        raise _fail("empty: no JSON at all", source)
    return _parse_text(text, source), None


def _parse_text(text: str, source: str | None) -> Any:
    """The standard library's parser, with a message for every failure and duplicate keys
    reported."""
    duplicates: list[tuple[dict[str, Any], str]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((obj, key))
                seen.add(key)
        return obj

    try:
        raw = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise _fail(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source) from None
    except RecursionError:
        raise _fail("invalid JSON: nested too deeply", source) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        detail = "a number with too many digits" if "digits" in str(exc) else str(exc)
        raise _fail(f"invalid JSON: {detail}", source) from None
    if duplicates:
        where = _paths_of(raw, {id(obj) for obj, _ in duplicates})
        problems = [
            Problem(where.get(id(obj), "$"), f"duplicate key {key!r}: JSON would keep only its last value")
            for obj, key in duplicates
        ]
        raise DatasetError(problems, source)
    return raw


def _paths_of(raw: Any, wanted: set[int]) -> dict[int, str]:
    """JSON paths of the objects whose id() is in ``wanted`` (walked only on error)."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(raw, "$")]
    while stack:
        value, path = stack.pop()
        if id(value) in wanted:
            found[id(value)] = path
        if isinstance(value, dict):
            stack.extend((v, f"{path}.{k}") for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(value))
    return found


def loads(data: str | bytes, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load a dataset from JSON text (``str``, or ``bytes`` in UTF-8 without a BOM).

    Raises :class:`~putin_interviews.DatasetError` listing every problem, each with
    its JSON path; no other exception escapes for bad data.

    >>> import putin_interviews
    >>> text = putin_interviews.dataset().to_json()
    >>> len(putin_interviews.loads(text).quotes) == len(putin_interviews.dataset().quotes)
    True
    """
    # One pause for the whole load: re-enabling the collector in between would make it walk
    # the freshly parsed tree at the next allocation.
    with collector_paused(promote=True):
        raw, parsed = _parse(data, source, max_bytes)
        return _from_raw(raw, source, parsed)


def load(source: str | os.PathLike[str] | bytes | Mapping[str, Any], *, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load a dataset of the package's schema and check its integrity.

    ``source`` is a path (``str`` or path-like), the file's ``bytes``, or the parsed JSON
    object (a mapping, as from :func:`json.load`). A file larger than ``max_bytes``
    (default :data:`MAX_BYTES`, 2 GiB) is refused before it is read.

    Raises :class:`~putin_interviews.DatasetError` (a ``ValueError``) listing every
    problem with its JSON path; nothing is returned half-loaded.

    >>> import tempfile, pathlib, putin_interviews
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = putin_interviews.dataset().dump(pathlib.Path(tmp) / "mine.json")
    ...     len(putin_interviews.load(path).articles)
    3
    >>> putin_interviews.load(putin_interviews.dataset().to_dict()) == putin_interviews.dataset()
    True
    """
    if isinstance(source, bytes):
        return loads(source, max_bytes=max_bytes)
    if isinstance(source, Mapping):
        return _from_raw(source, None, from_parser=False)
    p = Path(source)
    try:
        if p.is_dir():
            raise _fail("is a directory, not a dataset file", str(p))
        size = p.stat().st_size
        if size > max_bytes:
            raise _fail(f"the file is {size} bytes, more than the limit of {max_bytes} (max_bytes)", str(p))
        data = p.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise _fail(f"cannot read file: {reason}", str(p)) from None
    return loads(data, source=str(p), max_bytes=max_bytes)


def _fast_structure(raw: dict[str, Any]) -> tuple[Dataset, int]:
    """The happy path: check everything and build the dataset, or raise (anything).

    People, articles and episodes are built and checked at once. Quotes and critiques, the
    big tables, are checked row by row as parsed (types, keys, references, spans) and built
    on first use. Returns the dataset and the number of object keys read."""
    if len(raw) != len(_TABLE_NAMES) + 1:
        raise _fast.Unexpected
    info = raw["info"]
    if type(info) is not dict or info.get("schema_version") != SCHEMA_VERSION:
        raise _fast.Unexpected
    shared: dict[str, str] = {}
    intern = shared.setdefault
    tally = [len(raw)]
    small: list[Any] = []
    for name, table_type in (("people", People), ("articles", Articles), ("episodes", Episodes)):
        items = raw[name]
        if type(items) is not list:
            raise _fast.Unexpected
        make = _fast.structurer(_RECORD_TYPES[name])
        small.append(table_type(tuple([make(item, intern, tally) for item in items])))
    people, articles, episodes = small
    context = _small_tables_sound(people, articles, episodes)
    if context is None:
        raise _fast.Unexpected
    quote_rows, critique_rows = raw["quotes"], raw["critiques"]
    quote_articles, quote_keys = _rowcheck.check_quotes(quote_rows, context.people, context.lengths, context.episodes)
    critique_keys = _rowcheck.check_critiques(
        critique_rows, context.people, context.lengths, context.episodes, context.episode_ids, quote_articles
    )
    ds = Dataset(
        info=_fast.structurer(DatasetInfo)(info, intern, tally),
        people=people,
        articles=articles,
        episodes=episodes,
        quotes=Quotes._deferred(len(quote_rows), _builder(Quote, quote_rows, intern)),
        critiques=Critiques._deferred(len(critique_rows), _builder(Critique, critique_rows, intern)),
    )
    return ds, tally[0] + quote_keys + critique_keys


def _builder(cls: type, rows: list[Any], intern: Callable[[str, str], str]) -> Callable[[], tuple[Any, ...]]:
    """Build the records of checked rows, with the collector paused; the rows are let go."""
    pending = [rows]

    def build() -> tuple[Any, ...]:
        make = _fast.builder(cls)
        tally = [0]
        with collector_paused(promote=True):
            return tuple([make(row, intern, tally) for row in pending.pop()])

    return build


def _from_raw(raw: Any, source: str | None, parsed: _Parsed | None = None, from_parser: bool = True) -> Dataset:
    # The happy path takes parser output only: its values are exactly JSON types.
    if from_parser and type(raw) is dict:
        try:
            with collector_paused():
                ds, keys = _fast_structure(raw)
        except Exception:  # anything unexpected: the detailed path below says what
            ds, keys = None, -1
        if parsed is not None and (ds is None or parsed.key_marks != keys):
            # Reported from the standard parser's reading, which names a key given twice
            # (orjson keeps the last value); also when '":' inside a string upset the count.
            return _from_raw(_parse_text(parsed.text(), source), source)
        if ds is not None:
            return ds
    if not isinstance(raw, Mapping):
        kind = _convert._json_type(raw)
        raise DatasetError([Problem("$", f"expected a JSON object, got {kind}")], source)
    version_problem = _check_schema_version(raw)
    if version_problem is not None:
        raise DatasetError([version_problem], source)
    try:
        ds = _convert.structure(raw, Dataset)
    except RecursionError:
        raise _fail("nested too deeply", source) from None
    except Exception as exc:  # cattrs raises ClassValidationError groups
        problems = _convert.problems_from(exc)
        with contextlib.suppress(RecursionError):
            problems += _check_readable_part(raw)
        raise DatasetError(problems, source) from None
    problems = check(ds)
    if problems:
        raise DatasetError(problems, source)
    return ds


def _check_schema_version(raw: Mapping[str, Any]) -> Problem | None:
    info = raw.get("info")
    if not isinstance(info, dict) or "schema_version" not in info:
        return None  # reported by the converter with the right path
    version = info["schema_version"]
    if type(version) is int and version != SCHEMA_VERSION:
        return Problem(
            "$.info.schema_version",
            f"unsupported schema_version {version}: this release reads {SCHEMA_VERSION}",
        )
    return None


# ----------------------------------------------------------------------------- integrity


def _suggest(value: str, choices: Iterable[str]) -> str:
    close = _closest(value, choices)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


@attrs.frozen
class _Rows:
    """The records to check, each with its index in the file (paths stay true when some
    records could not be read at all)."""

    people: list[tuple[int, Person]]
    articles: list[tuple[int, Article]]
    episodes: list[tuple[int, Episode]]
    quotes: list[tuple[int, Quote]]
    critiques: list[tuple[int, Critique]]

    @classmethod
    def of(cls, ds: Dataset) -> _Rows:
        return cls(*(list(enumerate(getattr(ds, name))) for name in _TABLE_NAMES))


@attrs.frozen
class _Unreadable:
    """Ids (and episode numbers) of records that could not be structured: they exist, so
    references to them are not reported as dangling."""

    ids: dict[str, set[str]] = attrs.Factory(dict)
    episode_numbers: set[int] = attrs.Factory(set)


class _Checker:
    def __init__(self, rows: _Rows, unreadable: _Unreadable | None = None):
        skip = unreadable or _Unreadable()
        self.rows = rows
        self.problems: list[Problem] = []
        self.people = {p.id for _, p in rows.people} | skip.ids.get("people", set())
        self.articles = {a.id: a for _, a in rows.articles}
        self.article_ids = set(self.articles) | skip.ids.get("articles", set())
        self.episode_ids = {e.id for _, e in rows.episodes} | skip.ids.get("episodes", set())
        self.episode_numbers = {e.number for _, e in rows.episodes} | skip.episode_numbers
        self.quotes = {q.id: q for _, q in rows.quotes}
        self.quote_ids = set(self.quotes) | skip.ids.get("quotes", set())

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def ref(self, path: str, value: str | None, table: set[str], noun: str, owner: str) -> None:
        if value is not None and value not in table:
            self.add(path, f"unknown {noun} {value!r} ({owner}){_suggest(value, table)}")

    def unique(self, table: str, ids: Iterable[tuple[int, str]]) -> None:
        seen: dict[str, int] = {}
        for i, rid in ids:
            if len(rid) > MAX_ID_LENGTH or not rid:
                self.add(f"$.{table}[{i}].id", f"an id must have 1 to {MAX_ID_LENGTH} characters, not {len(rid)}")
            if rid in seen:
                self.add(f"$.{table}[{i}].id", f"duplicate id {rid!r} (first at $.{table}[{seen[rid]}])")
            else:
                seen[rid] = i

    def episode(self, path: str, number: int | None, owner: str) -> None:
        if number is None:
            return
        if number not in _EPISODE_NUMBERS:
            self.add(path, f"episode {number} outside 1-4 ({owner})")
        elif number not in self.episode_numbers:
            self.add(path, f"episode {number} not in episodes ({owner})")

    def span(self, path: str, span: Span, article_id: str, owner: str) -> bool:
        """Check one span; True when it lies inside the article's text."""
        article = self.articles.get(article_id)
        if span.start < 0 or span.end < span.start:
            self.add(path, f"bad span {span.start}-{span.end}: need 0 <= start <= end ({owner})")
            return False
        if article is not None and span.end > article.text_length:
            self.add(
                path,
                f"span {span.start}-{span.end} ends after the article's text "
                f"({article.text_length} characters) ({owner})",
            )
            return False
        return True

    def fields(self, path: str, names: Iterable[str], cls: type, owner: str) -> None:
        known = {a.name for a in attrs.fields(cls)}
        for i, name in enumerate(names):
            if name not in known:
                self.add(
                    f"{path}[{i}]",
                    f"{name!r} is not a field of {cls.__name__} ({owner}){_suggest(name, known)}",
                )

    def run(self) -> list[Problem]:
        rows = self.rows
        self.unique("people", ((i, p.id) for i, p in rows.people))
        self.unique("articles", ((i, a.id) for i, a in rows.articles))
        self.unique("episodes", ((i, e.id) for i, e in rows.episodes))
        self.unique("quotes", ((i, q.id) for i, q in rows.quotes))
        self.unique("critiques", ((i, c.id) for i, c in rows.critiques))
        seen_numbers: set[int] = set()
        for i, e in rows.episodes:
            owner = f"episode {e.id!r}"
            if e.number not in _EPISODE_NUMBERS:
                self.add(f"$.episodes[{i}].number", f"episode {e.number} outside 1-4 ({owner})")
            elif e.number in seen_numbers:
                self.add(f"$.episodes[{i}].number", f"duplicate episode number {e.number} ({owner})")
            seen_numbers.add(e.number)
            self.ref(f"$.episodes[{i}].director", e.director, self.people, "person", owner)
            self.fields(f"$.episodes[{i}].basis", (b.field for b in e.basis), Episode, owner)
        for i, a in rows.articles:
            owner = f"article {a.id!r}"
            if a.text_length < 0:
                self.add(f"$.articles[{i}].text_length", f"negative text_length ({owner})")
            for j, n in enumerate(a.episode_numbers):
                self.episode(f"$.articles[{i}].episode_numbers[{j}]", n, owner)
            for j, claim in enumerate(a.claims):
                self.span(f"$.articles[{i}].claims[{j}].span", claim.span, a.id, owner)
            w = a.published_inferred
            if w is not None and w.latest < w.earliest:
                self.add(f"$.articles[{i}].published_inferred", f"latest before earliest ({owner})")
            self.fields(f"$.articles[{i}].basis", (b.field for b in a.basis), Article, owner)
        for i, q in rows.quotes:
            self._quote(i, q)
        for i, c in rows.critiques:
            self._critique(i, c)
        return self.problems

    def _quote(self, i: int, q: Quote) -> None:
        at, owner = f"$.quotes[{i}]", f"quote {q.id!r}"
        self.ref(f"{at}.speaker_id", q.speaker_id, self.people, "person", owner)
        self.ref(f"{at}.addressee_id", q.addressee_id, self.people, "person", owner)
        self.ref(f"{at}.reported_by_id", q.reported_by_id, self.people, "person", owner)
        for j, s in enumerate(q.subject_ids):
            self.ref(f"{at}.subject_ids[{j}]", s, self.people, "person", owner)
        self.ref(f"{at}.article_id", q.article_id, self.article_ids, "article", owner)
        self.episode(f"{at}.episode", q.episode, owner)
        for path, span in [(f"{at}.span", q.span)] + [
            (f"{at}.other_spans[{j}]", s) for j, s in enumerate(q.other_spans)
        ]:
            if self.span(path, span, q.article_id, owner) and span.length != len(q.text):
                self.add(path, f"span covers {span.length} characters, text has {len(q.text)} ({owner})")
        self.fields(f"{at}.inferred", q.inferred, Quote, owner)

    def _critique(self, i: int, c: Critique) -> None:
        at, owner = f"$.critiques[{i}]", f"critique {c.id!r}"
        self.ref(f"{at}.article_id", c.article_id, self.article_ids, "article", owner)
        if c.critic_kind is CriticKind.PERSON:
            if c.critic_id is None:
                self.add(f"{at}.critic_id", f"critic_kind 'person' needs a critic_id ({owner})")
            self.ref(f"{at}.critic_id", c.critic_id, self.people, "person", owner)
        elif c.critic_id is not None:
            self.add(f"{at}.critic_id", f"must be null when critic_kind is {c.critic_kind.value!r} ({owner})")
        if c.target_kind is TargetKind.DOCUMENTARY:
            if c.target_id is not None:
                self.add(f"{at}.target_id", f"must be null when target_kind is 'documentary' ({owner})")
        elif c.target_id is None:
            self.add(f"{at}.target_id", f"target_kind {c.target_kind.value!r} needs a target_id ({owner})")
        elif c.target_kind is TargetKind.PERSON:
            self.ref(f"{at}.target_id", c.target_id, self.people, "person", owner)
        else:
            self.ref(f"{at}.target_id", c.target_id, self.episode_ids, "episode", owner)
        for j, qid in enumerate(c.quote_ids):
            quote = self.quotes.get(qid)
            if quote is None:
                self.ref(f"{at}.quote_ids[{j}]", qid, self.quote_ids, "quote", owner)
            elif quote.article_id != c.article_id:
                self.add(
                    f"{at}.quote_ids[{j}]",
                    f"quote {qid!r} is in article {quote.article_id!r}, not {c.article_id!r} ({owner})",
                )
        self.episode(f"{at}.episode", c.episode, owner)
        for j, s in enumerate(c.spans):
            self.span(f"{at}.spans[{j}]", s, c.article_id, owner)
        self.fields(f"{at}.inferred", c.inferred, Critique, owner)


def check(ds: Dataset) -> list[Problem]:
    """Every referential-integrity problem of ``ds`` (empty when it is sound)."""
    if _sound(ds):
        return []
    return _Checker(_Rows.of(ds)).run()


_QUOTE_FIELDS = frozenset(a.name for a in attrs.fields(Quote))
_CRITIQUE_FIELDS = frozenset(a.name for a in attrs.fields(Critique))
_ARTICLE_FIELDS = frozenset(a.name for a in attrs.fields(Article))
_EPISODE_FIELDS = frozenset(a.name for a in attrs.fields(Episode))


def _ids_ok(records: Iterable[Any]) -> bool:
    ids = [r.id for r in records]
    if not ids:
        return True
    return len(set(ids)) == len(ids) and min(map(len, ids)) > 0 and max(map(len, ids)) <= MAX_ID_LENGTH


def _span_ok(span: Span, length: int) -> bool:
    return 0 <= span.start <= span.end <= length


@attrs.frozen
class _Context:
    """What the records of the big tables are checked against."""

    people: set[str]
    lengths: dict[str, int]
    episodes: set[int]
    episode_ids: set[str]


def _small_tables_sound(people_t: People, articles_t: Articles, episodes_t: Episodes) -> _Context | None:
    """Check people, articles and episodes (all but references into the big tables);
    returns what quotes and critiques are checked against, or None when unsound."""
    if not all(_ids_ok(t) for t in (people_t, articles_t, episodes_t)):
        return None
    people = {p.id for p in people_t}
    numbers = [e.number for e in episodes_t]
    episodes = set(numbers)
    if len(episodes) != len(numbers) or not episodes <= set(_EPISODE_NUMBERS):
        return None
    for e in episodes_t:
        if e.director not in people or not _EPISODE_FIELDS.issuperset(b.field for b in e.basis):
            return None
    for a in articles_t:
        w = a.published_inferred
        if (
            a.text_length < 0
            or not episodes.issuperset(a.episode_numbers)
            or not all(_span_ok(c.span, a.text_length) for c in a.claims)
            or (w is not None and w.latest < w.earliest)
            or not _ARTICLE_FIELDS.issuperset(b.field for b in a.basis)
        ):
            return None
    return _Context(people, {a.id: a.text_length for a in articles_t}, episodes, {e.id for e in episodes_t})


def _sound(ds: Dataset) -> bool:
    """True when ``ds`` passes every integrity check: the same conditions as the checker,
    answered without building any message (the checker runs only when this says no)."""
    context = _small_tables_sound(ds.people, ds.articles, ds.episodes)
    if context is None or not _ids_ok(ds.quotes) or not _ids_ok(ds.critiques):
        return False
    people, lengths, episodes = context.people, context.lengths, context.episodes
    quote_articles: dict[str, str] = {}
    for q in ds.quotes:
        length = lengths.get(q.article_id)
        span = q.span
        if (
            length is None
            or q.speaker_id not in people
            or (q.addressee_id is not None and q.addressee_id not in people)
            or (q.reported_by_id is not None and q.reported_by_id not in people)
            or (q.episode is not None and q.episode not in episodes)
            or not 0 <= span.start <= span.end <= length
            or span.end - span.start != len(q.text)
        ):
            return False
        if q.subject_ids and not people.issuperset(q.subject_ids):
            return False
        if q.inferred and not _QUOTE_FIELDS.issuperset(q.inferred):
            return False
        for other in q.other_spans:
            if not _span_ok(other, length) or other.end - other.start != len(q.text):
                return False
        quote_articles[q.id] = q.article_id
    episode_ids = context.episode_ids
    person, documentary = TargetKind.PERSON, TargetKind.DOCUMENTARY
    for c in ds.critiques:
        length = lengths.get(c.article_id)
        if length is None or (c.episode is not None and c.episode not in episodes):
            return False
        if (c.critic_kind is CriticKind.PERSON) != (c.critic_id is not None):
            return False
        if c.critic_id is not None and c.critic_id not in people:
            return False
        if c.target_kind is documentary:
            if c.target_id is not None:
                return False
        elif c.target_id not in (people if c.target_kind is person else episode_ids):
            return False
        for qid in c.quote_ids:
            if quote_articles.get(qid) != c.article_id:
                return False
        for span in c.spans:
            if not 0 <= span.start <= span.end <= length:
                return False
        if c.inferred and not _CRITIQUE_FIELDS.issuperset(c.inferred):
            return False
    return True


_RECORD_TYPES = {"people": Person, "articles": Article, "episodes": Episode, "quotes": Quote, "critiques": Critique}


def _check_readable_part(raw: Mapping[str, Any]) -> list[Problem]:
    """After a structural failure: the integrity problems among the records that can be
    read, so that one pass reports everything."""
    tables: dict[str, list[tuple[int, Any]]] = {}
    skip = _Unreadable()
    for name, cls in _RECORD_TYPES.items():
        items = raw.get(name)
        tables[name] = []
        if not isinstance(items, list):
            continue
        hook = _convert.converter.get_structure_hook(cls)
        for i, item in enumerate(items):
            try:
                tables[name].append((i, hook(item, cls)))
            except Exception:  # reported already, with its path, by the whole-file pass
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    skip.ids.setdefault(name, set()).add(item["id"])
                if name == "episodes" and isinstance(item, Mapping) and type(item.get("number")) is int:
                    skip.episode_numbers.add(item["number"])
    return _Checker(_Rows(**tables), skip).run()


# ----------------------------------------------------------------------------- bundled


_lock = threading.Lock()
_bundled: Dataset | None = None


def _read_bundled() -> bytes:
    return resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_bytes()


def _cached(build: Callable[[], Dataset]) -> Dataset:
    global _bundled
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = build()
    return _bundled


def dataset() -> Dataset:
    """The bundled dataset, read on first use (once, thread-safely) and cached.

    >>> import putin_interviews
    >>> putin_interviews.dataset() is putin_interviews.dataset()
    True
    >>> [a.outlet for a in putin_interviews.dataset().articles]
    ['LifeZette', 'LifeZette', 'Deadline']
    """
    return _cached(lambda: loads(_read_bundled(), source=f"<bundled {_DATA_FILE}>"))
