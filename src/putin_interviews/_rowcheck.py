"""One-pass validation of the two big tables, quotes and critiques, as parsed JSON rows.

Each row is checked completely: its exact key set, every value's JSON type and length, enum
values, references to people, articles, episodes and quotes, and its spans against the
article's text length. The functions only answer "sound or not" (by raising
:class:`Unexpected`); the detailed path says what is wrong. Their records are built later,
on first use, from the same rows (see ``_tables``), without checking anything twice.

The checks mirror the integrity checker in ``_dataset`` and the strict converter; the test
suite proves they accept exactly what those accept on generated datasets, on the bundled data
and on every file of the bad-input corpus.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import attrs

from ._convert import MAX_ID_LENGTH, MAX_STRING
from ._fast import Unexpected
from ._models import Critique, Quote

__all__ = ["check_critiques", "check_quotes"]

_QUOTE_KEYS = len(attrs.fields(Quote))
_CRITIQUE_KEYS = len(attrs.fields(Critique))
_QUOTE_FIELDS = frozenset(a.name for a in attrs.fields(Quote))
_CRITIQUE_FIELDS = frozenset(a.name for a in attrs.fields(Critique))
_QUOTE_KINDS = frozenset({"full", "partial", "fragment"})
_VENUES = frozenset({"the-putin-interviews", "the-late-show-with-stephen-colbert"})
_STANCES = frozenset({"positive", "negative", "mixed"})
_CRITIC_KINDS = frozenset({"person", "article", "unnamed"})
_NONE = type(None)


def _strings(values: Any) -> None:
    if type(values) is not list:
        raise Unexpected
    for v in values:
        if type(v) is not str or len(v) > MAX_STRING:
            raise Unexpected


def _span(span: Any, length: int) -> int:
    """Check a span object and return its length."""
    if type(span) is not dict or len(span) != 2:
        raise Unexpected
    start, end = span["start"], span["end"]
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise Unexpected
    return end - start


def check_quotes(
    rows: Any, people: Collection[str], lengths: Mapping[str, int], episodes: Collection[int]
) -> tuple[dict[str, str], int]:
    """Check every quotation row. Returns each quotation's article (by id) and the number of
    object keys consumed (for the duplicate-key proof)."""
    if type(rows) is not list:
        raise Unexpected
    articles: dict[str, str] = {}
    keys = 0
    for d in rows:
        if type(d) is not dict or len(d) != _QUOTE_KEYS:
            raise Unexpected
        qid, text, article = d["id"], d["text"], d["article_id"]
        if type(qid) is not str or not 0 < len(qid) <= MAX_ID_LENGTH or qid in articles:
            raise Unexpected
        if type(text) is not str or len(text) > MAX_STRING:
            raise Unexpected
        length = lengths.get(article) if type(article) is str else None
        if length is None:
            raise Unexpected
        if d["speaker_id"] not in people or type(d["speaker_id"]) is not str:
            raise Unexpected
        for name in ("addressee_id", "reported_by_id"):
            other = d[name]
            if other is not None and (type(other) is not str or other not in people):
                raise Unexpected
        subjects = d["subject_ids"]
        _strings(subjects)
        if subjects and not all(s in people for s in subjects):
            raise Unexpected
        if _span(d["span"], length) != len(text):
            raise Unexpected
        others = d["other_spans"]
        if type(others) is not list:
            raise Unexpected
        for span in others:
            if _span(span, length) != len(text):
                raise Unexpected
        keys += _QUOTE_KEYS + 2 * (1 + len(others))
        if d["kind"] not in _QUOTE_KINDS or type(d["kind"]) is not str:
            raise Unexpected
        episode = d["episode"]
        if episode is not None and (type(episode) is not int or episode not in episodes):
            raise Unexpected
        venue = d["venue"]
        if venue is not None and (type(venue) is not str or venue not in _VENUES):
            raise Unexpected
        context = d["context"]
        if type(context) is not str or len(context) > MAX_STRING:
            raise Unexpected
        _strings(d["topics"])
        inferred = d["inferred"]
        _strings(inferred)
        if inferred and not _QUOTE_FIELDS.issuperset(inferred):
            raise Unexpected
        articles[qid] = article
    return articles, keys


def check_critiques(
    rows: Any,
    people: Collection[str],
    lengths: Mapping[str, int],
    episodes: Collection[int],
    episode_ids: Collection[str],
    quote_articles: Mapping[str, str],
) -> int:
    """Check every critique row; returns the number of object keys consumed."""
    if type(rows) is not list:
        raise Unexpected
    seen: set[str] = set()
    keys = 0
    for d in rows:
        if type(d) is not dict or len(d) != _CRITIQUE_KEYS:
            raise Unexpected
        cid, article = d["id"], d["article_id"]
        if type(cid) is not str or not 0 < len(cid) <= MAX_ID_LENGTH or cid in seen:
            raise Unexpected
        seen.add(cid)
        length = lengths.get(article) if type(article) is str else None
        if length is None:
            raise Unexpected
        critic_kind, critic = d["critic_kind"], d["critic_id"]
        if type(critic_kind) is not str or critic_kind not in _CRITIC_KINDS:
            raise Unexpected
        if critic_kind == "person":
            if type(critic) is not str or critic not in people:
                raise Unexpected
        elif critic is not None:
            raise Unexpected
        target_kind, target = d["target_kind"], d["target_id"]
        if target_kind == "documentary":
            if target is not None:
                raise Unexpected
        elif target_kind == "person":
            if type(target) is not str or target not in people:
                raise Unexpected
        elif target_kind == "episode":
            if type(target) is not str or target not in episode_ids:
                raise Unexpected
        else:
            raise Unexpected
        stance = d["stance"]
        if type(stance) is not str or stance not in _STANCES:
            raise Unexpected
        for name in ("aspect", "summary"):
            value = d[name]
            if type(value) is not str or len(value) > MAX_STRING:
                raise Unexpected
        quote_ids = d["quote_ids"]
        _strings(quote_ids)
        for qid in quote_ids:
            if quote_articles.get(qid) != article:
                raise Unexpected
        episode = d["episode"]
        if episode is not None and (type(episode) is not int or episode not in episodes):
            raise Unexpected
        spans = d["spans"]
        if type(spans) is not list:
            raise Unexpected
        for span in spans:
            _span(span, length)
        inferred = d["inferred"]
        _strings(inferred)
        if inferred and not _CRITIQUE_FIELDS.issuperset(inferred):
            raise Unexpected
        keys += _CRITIQUE_KEYS + 2 * len(spans)
    return keys
