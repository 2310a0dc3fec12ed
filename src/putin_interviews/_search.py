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
from collections import Counter
from collections.abc import Iterable, Sequence

__all__ = ["InvertedIndex", "normalize", "tokens"]

_APOSTROPHE_CHARS = "'’‘ʼ`´"
_APOSTROPHES = dict.fromkeys(map(ord, _APOSTROPHE_CHARS), None)
_POSSESSIVE = re.compile(rf"(?<=\w)[{_APOSTROPHE_CHARS}][sS]\b")
_WORD = re.compile(r"\w+")
# A word in at least one document in this many gets a bitmap too (2% of the documents).
_BITMAP_SHARE = 50
_NONZERO = re.compile(rb"[^\x00]")


def _positions(bitmap: int, size: int) -> list[int]:
    """The set bits of ``bitmap``, in increasing order (the nonzero bytes found in C)."""
    data = bitmap.to_bytes((size + 7) // 8, "little")
    out: list[int] = []
    for match in _NONZERO.finditer(data):
        base = match.start() << 3
        byte = data[match.start()]
        out.extend(base + bit for bit in range(8) if byte >> bit & 1)
    return out


def normalize(text: str) -> str:
    """Fold ``text`` for matching: no case, no accents, no apostrophes, single spaces.

    >>> normalize("  Détente — DON’T  Al-Qaida, Kelly's ")
    'detente dont al qaida kelly'
    """
    if text.isascii():  # no accents, nothing to decompose: the common case, fast
        folded = text.lower()
    else:
        # Accents first, so that an accented "’ś" is a possessive too; then apostrophes.
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_WORD.findall(_POSSESSIVE.sub("", folded).translate(_APOSTROPHES)))


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``, in order.

    >>> tokens("Al-Qaida is not the result")
    ['al', 'qaida', 'is', 'not', 'the', 'result']
    """
    return normalize(text).split()


class _Postings:
    """The documents holding one word, in increasing order, with the word's weight in each
    (compact arrays: four bytes a document, eight a weight)."""

    __slots__ = ("bitmap", "docs", "weights")

    def __init__(self) -> None:
        self.docs: array[int] | list[int] = []
        self.weights: array[float] | list[float] = []
        #: For a frequent word: bit ``doc`` set for each document (intersections in C).
        self.bitmap: int | None = None

    def freeze(self, size: int) -> None:
        self.docs = array("I", self.docs)
        self.weights = array("d", self.weights)
        if len(self.docs) * _BITMAP_SHARE >= size:
            bits = bytearray((size + 7) // 8)
            for doc in self.docs:
                bits[doc >> 3] |= 1 << (doc & 7)
            self.bitmap = int.from_bytes(bits, "little")

    def weight(self, doc: int) -> float:
        return self.weights[bisect_left(self.docs, doc)]


class InvertedIndex:
    """Word → postings over documents made of weighted fields; AND queries, ranked.

    A document is one record; its fields (e.g. a quotation's text) carry weights. A word's
    weight in a document is the sum over fields of ``field weight × (1 + log(count))``; a
    document's score is the sum over the query words of ``weight × idf``. Ties keep document
    order. Intersections run over the shortest postings first, in C (set operations).
    """

    def __init__(self, documents: Iterable[Sequence[tuple[str, str, float]]]):
        postings: dict[str, _Postings] = {}
        size = 0
        for doc, fields in enumerate(documents):
            size += 1
            weights: dict[str, float] = {}
            for _name, text, field_weight in fields:
                for word, count in Counter(tokens(text)).items():
                    weights[word] = weights.get(word, 0.0) + field_weight * (1 + math.log(count))
            for word, weight in weights.items():
                entry = postings.get(word)
                if entry is None:
                    entry = postings[word] = _Postings()
                entry.docs.append(doc)
                entry.weights.append(weight)
        for entry in postings.values():
            entry.freeze(size)
        self._postings = postings
        self._size = size

    def __len__(self) -> int:
        return self._size

    def query(self, query: str, limit: int | None = None) -> list[tuple[int, float, tuple[str, ...]]]:
        """Documents containing every word of ``query``, best first (at most ``limit``).

        Each result is ``(document, score, query words)``. A query with no words matches
        nothing.
        """
        words = list(dict.fromkeys(tokens(query)))
        if not words:
            return []
        found = [self._postings.get(w) for w in words]
        if any(p is None for p in found):
            return []
        postings = sorted((p for p in found if p is not None), key=lambda p: len(p.docs))
        candidates: Iterable[int]
        if postings[0].bitmap is not None:  # every word is frequent: AND the bitmaps
            bitmap = postings[0].bitmap
            for other in postings[1:]:
                assert other.bitmap is not None  # longer than the first: frequent too
                bitmap &= other.bitmap
            candidates = _positions(bitmap, self._size)
        else:
            found_docs = set(postings[0].docs)
            for other in postings[1:]:
                found_docs.intersection_update(other.docs)
                if not found_docs:
                    return []
            candidates = found_docs
        idfs = [math.log(1 + self._size / len(p.docs)) for p in postings]
        scored = [(doc, sum(p.weight(doc) * idf for p, idf in zip(postings, idfs, strict=True))) for doc in candidates]
        terms = tuple(words)
        if limit is not None:
            best = heapq.nsmallest(limit, scored, key=lambda r: (-r[1], r[0]))
        else:
            best = sorted(scored, key=lambda r: (-r[1], r[0]))
        return [(doc, score, terms) for doc, score in best]
