"""One-pass validation of the two big tables, quotes and critiques, as parsed JSON rows.

Each row is checked completely: its exact key set, every value's JSON type and length, enum
values, references to people, articles, episodes and quotes, and its spans against the
article's text length. The functions only answer "sound or not" (by raising
:class:`Unexpected`); the detailed path says what is wrong. Their records are built later,
on first use, from the same rows (see ``_tables``), without checking anything twice.

The rows must come from a JSON parser, so that every value is exactly a JSON type: then a
value found in a set of id strings is a string (no other JSON value equals one), and the
type checks that membership implies are left out. Episode numbers keep theirs: JSON ``1.0``
equals ``1``.

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


def check_quotes(
    rows: Any, people: Collection[str], lengths: Mapping[str, int], episodes: Collection[int]
) -> tuple[dict[str, str], int]:
    """Check every quotation row. Returns each quotation's article (by id) and the number of
    object keys consumed (for the duplicate-key proof)."""
    if type(rows) is not list:
        raise Unexpected
    articles: dict[str, str] = {}
    keys = 0
    n_keys, max_string, max_id = _QUOTE_KEYS, MAX_STRING, MAX_ID_LENGTH
    kinds, venues, fields = _QUOTE_KINDS, _VENUES, _QUOTE_FIELDS
    for d in rows:
        if type(d) is not dict or len(d) != n_keys:
            raise Unexpected
        qid = d["id"]
        text = d["text"]
        article = d["article_id"]
        if type(qid) is not str or not 0 < len(qid) <= max_id or qid in articles:
            raise Unexpected
        if type(text) is not str or len(text) > max_string:
            raise Unexpected
        length = lengths.get(article)
        if length is None or d["speaker_id"] not in people or d["kind"] not in kinds:
            raise Unexpected
        other = d["addressee_id"]
        if other is not None and other not in people:
            raise Unexpected
        other = d["reported_by_id"]
        if other is not None and other not in people:
            raise Unexpected
        subjects = d["subject_ids"]
        if type(subjects) is not list or (subjects and not people.issuperset(subjects)):  # type: ignore[attr-defined]
            raise Unexpected
        span = d["span"]
        if type(span) is not dict or len(span) != 2:
            raise Unexpected
        start = span["start"]
        end = span["end"]
        if (
            type(start) is not int
            or type(end) is not int
            or not 0 <= start <= end <= length
            or end - start != len(text)
        ):
            raise Unexpected
        others = d["other_spans"]
        if type(others) is not list:
            raise Unexpected
        if others:
            for span in others:
                if type(span) is not dict or len(span) != 2:
                    raise Unexpected
                start = span["start"]
                end = span["end"]
                if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
                    raise Unexpected
                if end - start != len(text):
                    raise Unexpected
        episode = d["episode"]
        if episode is not None and (type(episode) is not int or episode not in episodes):
            raise Unexpected
        venue = d["venue"]
        if venue is not None and venue not in venues:
            raise Unexpected
        context = d["context"]
        if type(context) is not str or len(context) > max_string:
            raise Unexpected
        topics = d["topics"]
        if type(topics) is not list:
            raise Unexpected
        for topic in topics:
            if type(topic) is not str or len(topic) > max_string:
                raise Unexpected
        inferred = d["inferred"]
        if type(inferred) is not list or (inferred and not fields.issuperset(inferred)):
            raise Unexpected
        articles[qid] = article
        keys += n_keys + 2 + 2 * len(others)
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
    n_keys, max_string, max_id = _CRITIQUE_KEYS, MAX_STRING, MAX_ID_LENGTH
    for d in rows:
        if type(d) is not dict or len(d) != n_keys:
            raise Unexpected
        cid = d["id"]
        article = d["article_id"]
        if type(cid) is not str or not 0 < len(cid) <= max_id or cid in seen:
            raise Unexpected
        seen.add(cid)
        length = lengths.get(article)
        if length is None:
            raise Unexpected
        critic_kind = d["critic_kind"]
        critic = d["critic_id"]
        if critic_kind == "person":
            if critic not in people:
                raise Unexpected
        elif critic_kind not in _CRITIC_KINDS or critic is not None:
            raise Unexpected
        target_kind = d["target_kind"]
        target = d["target_id"]
        if target_kind == "person":
            if target not in people:
                raise Unexpected
        elif target_kind == "documentary":
            if target is not None:
                raise Unexpected
        elif target_kind != "episode" or target not in episode_ids:
            raise Unexpected
        if d["stance"] not in _STANCES:
            raise Unexpected
        aspect = d["aspect"]
        summary = d["summary"]
        if type(aspect) is not str or len(aspect) > max_string or type(summary) is not str or len(summary) > max_string:
            raise Unexpected
        quote_ids = d["quote_ids"]
        if type(quote_ids) is not list:
            raise Unexpected
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
            if type(span) is not dict or len(span) != 2:
                raise Unexpected
            start = span["start"]
            end = span["end"]
            if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
                raise Unexpected
        inferred = d["inferred"]
        if type(inferred) is not list or (inferred and not _CRITIQUE_FIELDS.issuperset(inferred)):
            raise Unexpected
        keys += n_keys + 2 * len(spans)
    return keys
