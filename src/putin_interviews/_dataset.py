"""The Dataset: how the bundled data is found, loaded once, checked and saved."""

from __future__ import annotations

import difflib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from . import _convert
from ._errors import DatasetError, Problem
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

__all__ = ["SCHEMA_VERSION", "Dataset", "dataset", "load", "loads"]

#: The schema version this release reads and writes.
SCHEMA_VERSION = 1

_DATA_PACKAGE = "putin_interviews.data"
_DATA_FILE = "putin_interviews.json"
_EPISODE_NUMBERS = range(1, 5)


@attrs.frozen(kw_only=True)
class Dataset:
    """The whole dataset: tables of records in document order, and ``info``.

    The bundled dataset is :func:`putin_interviews.dataset`; a file of the same
    schema is read with :func:`putin_interviews.load`.

    >>> import putin_interviews
    >>> ds = putin_interviews.dataset()
    >>> len(ds.episodes), ds.info.schema_version
    (4, 1)
    """

    info: DatasetInfo
    people: tuple[Person, ...]
    articles: tuple[Article, ...]
    episodes: tuple[Episode, ...]
    quotes: tuple[Quote, ...]
    critiques: tuple[Critique, ...]

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
        target = Path(path)
        data = self.to_json().encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


# ----------------------------------------------------------------------------- loading


def loads(data: str | bytes, *, source: str | None = None) -> Dataset:
    """Load a dataset from JSON text (``str`` or UTF-8 ``bytes``).

    Raises :class:`~putin_interviews.DatasetError` listing every problem, each with
    its JSON path.

    >>> import putin_interviews
    >>> text = putin_interviews.dataset().to_json()
    >>> len(putin_interviews.loads(text).quotes) == len(putin_interviews.dataset().quotes)
    True
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DatasetError(
                [Problem("$", f"not UTF-8: byte {exc.start} cannot be decoded")], source
            ) from None
    else:
        text = data
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem("$", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        raise DatasetError([problem], source) from None
    return _from_raw(raw, source)


def load(path: str | os.PathLike[str]) -> Dataset:
    """Load a dataset file of the package's schema and check its integrity.

    Raises :class:`~putin_interviews.DatasetError` (a ``ValueError``) listing every
    problem with its JSON path; nothing is returned half-loaded.

    >>> import tempfile, pathlib, putin_interviews
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = putin_interviews.dataset().dump(pathlib.Path(tmp) / "mine.json")
    ...     len(putin_interviews.load(path).articles)
    3
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise DatasetError([Problem("$", f"cannot read file: {reason}")], str(p)) from None
    return loads(data, source=str(p))


def _from_raw(raw: Any, source: str | None) -> Dataset:
    if not isinstance(raw, dict):
        kind = _convert._json_type(raw)
        raise DatasetError([Problem("$", f"expected a JSON object, got {kind}")], source)
    version_problem = _check_schema_version(raw)
    if version_problem is not None:
        raise DatasetError([version_problem], source)
    try:
        ds = _convert.structure(raw, Dataset)
    except Exception as exc:  # cattrs raises ClassValidationError groups
        raise DatasetError(_convert.problems_from(exc), source) from None
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
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


class _Checker:
    def __init__(self, ds: Dataset):
        self.ds = ds
        self.problems: list[Problem] = []
        self.people = {p.id for p in ds.people}
        self.articles = {a.id: a for a in ds.articles}
        self.episode_ids = {e.id for e in ds.episodes}
        self.episode_numbers = {e.number for e in ds.episodes}
        self.quotes = {q.id: q for q in ds.quotes}

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def ref(self, path: str, value: str | None, table: set[str], noun: str, owner: str) -> None:
        if value is not None and value not in table:
            self.add(path, f"unknown {noun} {value!r} ({owner}){_suggest(value, table)}")

    def unique(self, table: str, ids: Iterable[str]) -> None:
        seen: dict[str, int] = {}
        for i, rid in enumerate(ids):
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
        ds = self.ds
        self.unique("people", (p.id for p in ds.people))
        self.unique("articles", (a.id for a in ds.articles))
        self.unique("episodes", (e.id for e in ds.episodes))
        self.unique("quotes", (q.id for q in ds.quotes))
        self.unique("critiques", (c.id for c in ds.critiques))
        seen_numbers: set[int] = set()
        for i, e in enumerate(ds.episodes):
            owner = f"episode {e.id!r}"
            if e.number not in _EPISODE_NUMBERS:
                self.add(f"$.episodes[{i}].number", f"episode {e.number} outside 1-4 ({owner})")
            elif e.number in seen_numbers:
                self.add(f"$.episodes[{i}].number", f"duplicate episode number {e.number} ({owner})")
            seen_numbers.add(e.number)
            self.ref(f"$.episodes[{i}].director", e.director, self.people, "person", owner)
            self.fields(f"$.episodes[{i}].basis", (b.field for b in e.basis), Episode, owner)
        for i, a in enumerate(ds.articles):
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
        for i, q in enumerate(ds.quotes):
            self._quote(i, q)
        for i, c in enumerate(ds.critiques):
            self._critique(i, c)
        return self.problems

    def _quote(self, i: int, q: Quote) -> None:
        at, owner = f"$.quotes[{i}]", f"quote {q.id!r}"
        self.ref(f"{at}.speaker_id", q.speaker_id, self.people, "person", owner)
        self.ref(f"{at}.addressee_id", q.addressee_id, self.people, "person", owner)
        self.ref(f"{at}.reported_by_id", q.reported_by_id, self.people, "person", owner)
        for j, s in enumerate(q.subject_ids):
            self.ref(f"{at}.subject_ids[{j}]", s, self.people, "person", owner)
        self.ref(f"{at}.article_id", q.article_id, set(self.articles), "article", owner)
        self.episode(f"{at}.episode", q.episode, owner)
        for path, span in [(f"{at}.span", q.span)] + [
            (f"{at}.other_spans[{j}]", s) for j, s in enumerate(q.other_spans)
        ]:
            if self.span(path, span, q.article_id, owner) and span.length != len(q.text):
                self.add(path, f"span covers {span.length} characters, text has {len(q.text)} ({owner})")
        self.fields(f"{at}.inferred", q.inferred, Quote, owner)

    def _critique(self, i: int, c: Critique) -> None:
        at, owner = f"$.critiques[{i}]", f"critique {c.id!r}"
        self.ref(f"{at}.article_id", c.article_id, set(self.articles), "article", owner)
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
                self.ref(f"{at}.quote_ids[{j}]", qid, set(self.quotes), "quote", owner)
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
    return _Checker(ds).run()


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
