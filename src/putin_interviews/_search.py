"""Normalisation for matching, and the inverted index behind full-text search.

One normalisation serves lookup, filters and search alike: case-folded, accents removed,
a possessive ``’s`` dropped (``Kelly’s`` is ``kelly``), other apostrophes dropped
(``don’t`` and ``don't`` both become ``dont``), every other punctuation mark (hyphens,
dashes, quotation marks) a word break.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, islice, repeat
from operator import add, eq, mul
from typing import overload

from ._inflect import base_form

__all__ = ["InvertedIndex", "Keyed", "corrected", "normalize", "split_at_apostrophes", "terms", "tokens"]

_APOSTROPHE_CHARS = "'’‘ʼ`´"
# A word in at least one document in this many gets a bitmap too (2% of the documents).
_BITMAP_SHARE = 50
_NONZERO_TO_ONE = bytes([0] + [1] * 255)
_BITS_OF_BYTE = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]
# Intersecting with postings this many times longer than the candidates so far, each
# candidate is looked up instead.
_PROBE_SHARE = 8
# How alike a word must be to an indexed one to be suggested for it (difflib's ratio).
_CLOSE = 0.75
# Documents folded together when an index is built (bounds the memory this takes).
_CHUNK = 50_000
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_WORD_CHAR = re.compile(r"\w")
# After folding, an apostrophe is "'", or "ʼ" (U+02BC, the one that is a letter to regular
# expressions, as it was in the text), and letters are lower case. The apostrophe comes first
# so that the search for it runs in C (a literal one much faster than a class of two); the
# look-behind checks the letter before it.
_POSSESSIVE = re.compile(r"'s\b(?<=\w's)")
_POSSESSIVE_ANY = re.compile(r"['ʼ]s\b(?<=\w['ʼ]s)")
# A long text's non-ASCII characters that fold to ASCII (typographic marks, accented
# letters) are replaced string-wide, one C pass each; which ones, a sample of this length says.
_LONG = 20_000


def _final(folded: str) -> str:
    """Each character of ``folded`` as matching sees it: a word character stays, another
    apostrophe becomes ``'``, anything else a space."""
    return "".join(c if _WORD_CHAR.match(c) else "'" if c in _APOSTROPHE_CHARS else " " for c in folded)


def _ascii_table(*, keep_newline: bool) -> dict[int, str]:
    table = {}
    for code in range(128):
        char = chr(code)
        if not (keep_newline and char == "\n"):
            table[code] = _final(char.lower())
    return table


#: ASCII characters, folded: letters lower case, apostrophes ``'``, punctuation a space.
_ONE = _ascii_table(keep_newline=False)
#: The same, keeping line breaks (which separate the documents folded together).
_MANY = _ascii_table(keep_newline=True)


# The most non-ASCII characters kept folded: a text has few distinct ones, and a text of
# every code point must not grow the cache without bound.
_FOLD_CACHE = 4096


class _Folded(dict[str, str]):
    """Non-ASCII character → its folded form (accents dropped, case folded), computed on
    first sight and kept (up to ``_FOLD_CACHE`` of them, then started afresh)."""

    def __missing__(self, char: str) -> str:
        decomposed = unicodedata.normalize("NFKD", char)
        folded = _final("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())
        if len(self) >= _FOLD_CACHE:
            self.clear()
        self[char] = folded
        return folded


_FOLDED = _Folded()


def _fold_run(match: re.Match[str]) -> str:
    folded = _FOLDED
    return "".join([folded[c] for c in match.group()])


def _fold(text: str, table: dict[int, str]) -> str:
    """``text`` with every character folded and possessives and apostrophes dropped; words
    are separated by spaces (runs of them), and by line breaks if ``table`` keeps them."""
    if not text.isascii():
        if len(text) > _LONG:
            for char in set(text[:_LONG]):
                if not char.isascii() and _FOLDED[char].isascii():
                    text = text.replace(char, _FOLDED[char])
        if not text.isascii():
            # Accents, case and typographic marks of the other non-ASCII characters, run by run.
            text = _NON_ASCII.sub(_fold_run, text)
    # One fast C pass over ASCII; if letters of other scripts remain, only their lines take
    # the slower translation.
    lines = (text,) if text.isascii() else text.split("\n")
    text = "\n".join(line.translate(table) for line in lines)
    if "ʼ" in text:
        text = _POSSESSIVE_ANY.sub("", text).replace("'", "").replace("ʼ", "")
    elif "'" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "")
    return text


def normalize(text: str) -> str:
    """Fold ``text`` for matching: no case, no accents, no apostrophes, single spaces.

    >>> normalize("  Détente — DON’T  Al-Qaida, Kelly's ")
    'detente dont al qaida kelly'
    """
    return " ".join(tokens(text))


def split_at_apostrophes(text: str) -> str:
    """:func:`normalize` of ``text`` with each apostrophe a word break instead of dropped: the
    words a tool that splits at apostrophes (FTS5) sees; ``""`` when ``text`` has none.

    >>> split_at_apostrophes("Don’t trust Kelly's"), split_at_apostrophes("trust")
    ('don t trust kelly s', '')
    """
    if not any(mark in text for mark in _APOSTROPHE_CHARS):
        return ""
    return normalize("".join(" " if c in _APOSTROPHE_CHARS else c for c in text))


def _fold_many(texts: Sequence[str]) -> list[str]:
    """:func:`_fold` of each text, in one pass over the texts joined by line breaks (for
    building indexes): each line's words are those :func:`tokens` finds in its text.

    >>> _fold_many(["Kelly’s détente", "", "Al-Qaida"])
    ['kelly detente', '', 'al qaida']
    """
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a line break inside a text is a word break
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    return _fold(joined, _MANY).split("\n")


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``, in order.

    >>> tokens("Al-Qaida is not the result")
    ['al', 'qaida', 'is', 'not', 'the', 'result']
    """
    return _fold(text, _ONE).split()


def terms(text: str) -> list[str]:
    """The words of ``text`` as search indexes and matches them: :func:`tokens`, each in
    its base form (:func:`._inflect.base_form`: a plural matches its singular).

    >>> terms("Bad days for Women's rights")
    ['bad', 'day', 'for', 'woman', 'right']
    """
    return [base_form(word) for word in tokens(text)]


def _base_forms(occurrences: dict[str, array[int]]) -> dict[str, array[int]]:
    """``occurrences`` (word → the documents of its occurrences, ascending) with the words
    that share a base form merged under it: the work is per distinct word, not per word said."""
    merged: dict[str, array[int]] = {}
    for word, docs in occurrences.items():
        base = base_form(word)
        held = merged.get(base)
        if held is None:
            merged[base] = docs
        else:
            merged[base] = array("I", sorted(chain(held, docs)))
    return merged


def corrected(query: str, indexes: Sequence[InvertedIndex]) -> str | None:
    """``query`` with each word that none of ``indexes`` holds replaced by the closest word
    one of them holds (:meth:`InvertedIndex.closest`), or None when there is nothing to
    correct: every word is held, or one has no close match.

    >>> corrected("Megyn Kely", [InvertedIndex(1, [(["Megyn Kelly"], 1.0)])])
    'megyn kelly'
    """
    words, changed = [], False
    for word in tokens(query):
        term = base_form(word)
        if any(index.holds(term) for index in indexes):
            words.append(word)
            continue
        found = [near for near in (index.closest(term) for index in indexes) if near is not None]
        if not found:
            return None
        words.append(max(found, key=lambda near: near[0])[1])
        changed = True
    return " ".join(words) if changed else None


def _positions(bitmap: int, size: int) -> list[int]:
    """The set bits of ``bitmap``, in increasing order: its nonzero bytes are found in C
    (``bytes.find``), and each one's bits read from a table."""
    data = bitmap.to_bytes((size + 7) // 8, "little")
    find = data.translate(_NONZERO_TO_ONE).find
    out: list[int] = []
    append = out.append
    at = find(1)
    while at >= 0:
        base = at << 3
        for bit in _BITS_OF_BYTE[data[at]]:
            append(base + bit)
        at = find(1, at + 1)
    return out


class _CountWeights(dict[int, float]):
    """The weight of a word said ``count`` times in a field, ``1 + log(count)``, worked out
    once per count."""

    def __missing__(self, count: int) -> float:
        weight = self[count] = 1 + math.log(count)
        return weight


_COUNT_WEIGHTS = _CountWeights()


class _Postings:
    """The documents holding one word, in increasing order (four bytes a document), with the
    word's weight in each: one ``uniform`` weight when it is the same in all (the word said
    once, in one field), otherwise an array of them (eight bytes a document)."""

    __slots__ = ("bitmap", "docs", "uniform", "weights")

    def __init__(self, parts: Sequence[tuple[array[int], float]], size: int) -> None:
        """``parts``: for each field holding the word, the documents of its occurrences
        (repeated for a word said twice, so repeats are side by side) and the field's weight."""
        self.uniform = 0.0
        self.docs: array[int]
        self.weights: array[float] | None = None
        if len(parts) == 1:
            occurrences, field_weight = parts[0]
            if not any(map(eq, occurrences, islice(occurrences, 1, None))):  # each said once
                self.docs = occurrences
                self.uniform = field_weight * _COUNT_WEIGHTS[1]
            else:
                counts = Counter(occurrences)
                self.docs = array("I", counts)
                weights = map(_COUNT_WEIGHTS.__getitem__, counts.values())
                self.weights = array("d", map(mul, repeat(field_weight), weights))
        else:  # the same sum, in the same order, as document by document
            summed: dict[int, float] = {}
            for occurrences, field_weight in parts:
                for doc, count in Counter(occurrences).items():
                    summed[doc] = summed.get(doc, 0.0) + field_weight * _COUNT_WEIGHTS[count]
            ordered = sorted(summed)
            self.docs = array("I", ordered)
            self.weights = array("d", [summed[doc] for doc in ordered])
        #: For a frequent word: bit ``doc`` set for each document (intersections in C).
        self.bitmap: int | None = None
        if len(self.docs) * _BITMAP_SHARE >= size:
            # A character a document, "1" where the word is, read as a binary number (all in C).
            digits = bytearray(b"0") * size
            deque(map(digits.__setitem__, self.docs, repeat(ord("1"))), maxlen=0)
            digits.reverse()
            self.bitmap = int(digits, 2)


class Keyed(Sequence[str]):
    """A field whose text in a document is that of the keys it holds, joined: the names of
    the people a quotation names, the labels of its topics. Each key's text is folded once,
    and its documents are found in one pass, however many documents share it.

    ``columns`` are the keys of each document, side by side: a column holds one key (or
    None) per document, or a tuple of keys per document. ``texts`` gives a key's text (a key
    not in it stands for itself).

    >>> field = Keyed([["putin", None], [("obama",), ("putin", "obama")]], {"putin": "Vladimir Putin"})
    >>> list(field)
    ['Vladimir Putin obama', 'Vladimir Putin obama']
    """

    __slots__ = ("_columns", "_size", "_texts")

    def __init__(self, columns: Sequence[Sequence[str | None] | Sequence[tuple[str, ...]]], texts: Mapping[str, str]):
        sizes = {len(column) for column in columns}
        if len(sizes) != 1:
            raise ValueError(f"the columns of a keyed field differ in length: {sorted(sizes)}")
        self._columns = columns
        self._size = sizes.pop()
        self._texts = texts

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        keys: list[str] = []
        for column in self._columns:
            value = column[index]
            keys.extend(value if isinstance(value, tuple) else () if value is None else (value,))
        return " ".join(self._texts.get(key, key) for key in keys)

    def occurrences(self) -> dict[str, array[int]]:
        """Word → the documents of its occurrences, ascending (a document once for each time
        its text says the word), as if each document's text had been folded."""
        parts: defaultdict[str, list[array[int]]] = defaultdict(list)
        words_of: dict[str, list[str]] = {}
        for column in self._columns:
            # Each key's documents in this column, appended in C loops as the index's texts are
            # (ascending: a key's documents from several columns are merged below).
            docs_of: defaultdict[str | None, array[int]] = defaultdict(partial(array, "I"))
            keys: Iterator[str | None]
            docs: Iterator[int]
            if any(isinstance(value, tuple) for value in column):
                keys = chain.from_iterable(column)  # type: ignore[arg-type]
                docs = chain.from_iterable(map(repeat, range(self._size), map(len, column)))  # type: ignore[arg-type]
            else:
                keys, docs = iter(column), iter(range(self._size))  # type: ignore[arg-type]
            deque(map(array.append, map(docs_of.__getitem__, keys), docs), maxlen=0)
            docs_of.pop(None, None)
            for key, docs_of_key in docs_of.items():
                assert key is not None
                words = words_of.get(key)
                if words is None:
                    words = words_of[key] = tokens(self._texts.get(key, key))
                for word in words:
                    parts[word].append(docs_of_key)
        return {
            word: lists[0] if len(lists) == 1 else array("I", sorted(chain.from_iterable(lists)))
            for word, lists in parts.items()
        }


class InvertedIndex:
    """Word → postings over documents made of weighted fields; AND queries, ranked.

    A document is one record; its fields (e.g. a quotation's text) carry weights. A word's
    weight in a document is the sum over fields of ``field weight × (1 + log(count))``; a
    document's score is the sum over the query words of ``weight × idf``. Ties keep document
    order. Intersections run over the shortest postings first, in C (set operations, or one
    AND of bitmaps when every word is frequent).

    ``fields`` holds, for each field, its text in every document (``size`` of them) and its
    weight: the texts are folded together, column by column, in one pass.
    """

    def __init__(self, size: int, fields: Iterable[tuple[Sequence[str] | Keyed, float]]):
        per_field: list[tuple[dict[str, array[int]], float]] = []
        for texts, field_weight in fields:
            if len(texts) != size:
                raise ValueError(f"a field has {len(texts)} texts for {size} documents")
            if isinstance(texts, Keyed):
                per_field.append((_base_forms(texts.occurrences()), field_weight))
                continue
            occurrences: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
            for start in range(0, size, _CHUNK):
                # Folded a chunk at a time; every word's documents appended to its list by C
                # loops (map over the words and their documents, drained by a deque).
                said = list(map(str.split, _fold_many(texts[start : start + _CHUNK])))
                docs = chain.from_iterable(map(repeat, range(start, start + len(said)), map(len, said)))
                lists = map(occurrences.__getitem__, chain.from_iterable(said))
                deque(map(array.append, lists, docs), maxlen=0)
            per_field.append((_base_forms(occurrences), field_weight))
        words = dict.fromkeys(word for occurrences, _ in per_field for word in occurrences)
        self._postings = {
            word: _Postings([(occ[word], fw) for occ, fw in per_field if word in occ], size) for word in words
        }
        self._size = size

    def __len__(self) -> int:
        return self._size

    def holds(self, term: str) -> bool:
        """Whether some document holds ``term`` (a word in its base form, as :func:`terms`
        gives it)."""
        return term in self._postings

    def closest(self, term: str) -> tuple[float, str] | None:
        """The indexed word most like ``term`` (a typing slip away), with how alike they are
        (:class:`difflib.SequenceMatcher`'s ratio, at least 0.75), or None.

        >>> InvertedIndex(2, [(["Megyn Kelly", "Vladimir Putin"], 1.0)]).closest("kely")  # doctest: +ELLIPSIS
        (0.888..., 'kelly')
        """
        import difflib  # only on a miss

        near = [word for word in self._postings if abs(len(word) - len(term)) <= 2]
        best = difflib.get_close_matches(term, near, n=1, cutoff=_CLOSE)
        if not best:
            return None
        return difflib.SequenceMatcher(None, term, best[0]).ratio(), best[0]

    def query(self, query: str, limit: int | None = None) -> list[tuple[int, float, tuple[str, ...]]]:
        """Documents containing every word of ``query``, best first (at most ``limit``).

        Each result is ``(document, score, query words)``. A query with no words matches
        nothing.
        """
        words = list(dict.fromkeys(terms(query)))
        if not words:
            return []
        found = [self._postings.get(w) for w in words]
        if any(p is None for p in found):
            return []
        postings = sorted((p for p in found if p is not None), key=lambda p: len(p.docs))
        candidates = self._intersection(postings)
        if not candidates:
            return []
        # Scores, added word by word (shortest postings first) in C loops over the candidates:
        # a word's weight is its uniform one, or found by bisection in its sorted documents.
        scores: list[float] = []
        for number, posting in enumerate(postings):
            idf = math.log(1 + self._size / len(posting.docs))
            added: Iterable[float]
            if posting.weights is None:
                added = repeat(posting.uniform * idf, len(candidates))
            else:
                at = map(bisect_left, repeat(posting.docs), candidates)
                added = map(mul, map(posting.weights.__getitem__, at), repeat(idf))
            scores = list(added) if number == 0 else list(map(add, scores, added))
        # Best first; ties keep document order (both sorts are stable, candidates ascending).
        order = range(len(candidates))
        if limit is not None:
            best = heapq.nlargest(limit, order, key=scores.__getitem__)
        else:
            best = sorted(order, key=scores.__getitem__, reverse=True)
        matched = tuple(words)
        return [(candidates[i], scores[i], matched) for i in best]

    def _intersection(self, postings: list[_Postings]) -> list[int]:
        """The documents in every one of ``postings`` (shortest first), in increasing order."""
        first = postings[0]
        if first.bitmap is not None:  # every word is frequent: AND the bitmaps
            bitmap = first.bitmap
            for other in postings[1:]:
                assert other.bitmap is not None  # longer than the first: frequent too
                bitmap &= other.bitmap
            return _positions(bitmap, self._size)
        candidates = first.docs.tolist()
        for other in postings[1:]:
            docs = other.docs
            if len(docs) > _PROBE_SHARE * len(candidates):
                # Much longer: look each candidate up (log time) rather than read it all.
                end = len(docs)
                at = map(bisect_left, repeat(docs), candidates)
                candidates = [doc for doc, i in zip(candidates, at, strict=True) if i < end and docs[i] == doc]
            else:
                candidates = sorted(set(candidates).intersection(docs))
            if not candidates:
                break
        return candidates
