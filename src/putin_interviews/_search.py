"""Normalisation for matching, and the inverted index behind full-text search.

One normalisation serves lookup, filters and search alike: case-folded, accents removed,
a possessive ``’s`` dropped (``Kelly’s`` is ``kelly``), other apostrophes dropped
(``don’t`` and ``don't`` both become ``dont``), every other punctuation mark (hyphens,
dashes, quotation marks) a word break.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

__all__ = ["InvertedIndex", "normalize", "tokens"]

_APOSTROPHE_CHARS = "'’‘ʼ`´"
_APOSTROPHES = dict.fromkeys(map(ord, _APOSTROPHE_CHARS), None)
_POSSESSIVE = re.compile(rf"(?<=\w)[{_APOSTROPHE_CHARS}][sS]\b")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Fold ``text`` for matching: no case, no accents, no apostrophes, single spaces.

    >>> normalize("  Détente — DON’T  Al-Qaida, Kelly's ")
    'detente dont al qaida kelly'
    """
    # Accents first, so that an accented "’ś" is a possessive too; then apostrophes.
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_WORD.findall(_POSSESSIVE.sub("", stripped).translate(_APOSTROPHES)))


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``, in order.

    >>> tokens("Al-Qaida is not the result")
    ['al', 'qaida', 'is', 'not', 'the', 'result']
    """
    return normalize(text).split()


class InvertedIndex:
    """Word → postings over documents made of weighted fields; AND queries, ranked.

    A document is one record; its fields (e.g. a quotation's text) carry weights.
    The score of a document is the sum over query words of
    ``weight × (1 + log(term count)) × idf``; ties keep document order.
    """

    def __init__(self, documents: Iterable[Sequence[tuple[str, str, float]]]):
        # postings: word -> {doc: {field: count}}
        self._postings: dict[str, dict[int, dict[str, int]]] = defaultdict(dict)
        self._weights: list[dict[str, float]] = []
        for doc, fields in enumerate(documents):
            weights: dict[str, float] = {}
            for name, text, weight in fields:
                weights[name] = weight
                for word in tokens(text):
                    per_doc = self._postings[word].setdefault(doc, {})
                    per_doc[name] = per_doc.get(name, 0) + 1
            self._weights.append(weights)
        self._size = len(self._weights)

    def __len__(self) -> int:
        return self._size

    def query(self, query: str) -> list[tuple[int, float, tuple[str, ...], tuple[str, ...]]]:
        """Documents containing every word of ``query``, best first.

        Each result is ``(document, score, matched fields, query words)``. A query with no
        words matches nothing.
        """
        words = list(dict.fromkeys(tokens(query)))
        if not words:
            return []
        postings = [self._postings.get(w, {}) for w in words]
        if not all(postings):
            return []
        smallest = min(postings, key=len)
        candidates = [d for d in smallest if all(d in p for p in postings)]
        results = []
        for doc in candidates:
            score = 0.0
            matched: dict[str, None] = {}
            for p in postings:
                idf = math.log(1 + self._size / len(p))
                for name, count in p[doc].items():
                    score += self._weights[doc][name] * (1 + math.log(count)) * idf
                    matched[name] = None
            results.append((doc, score, tuple(matched), tuple(words)))
        results.sort(key=lambda r: (-r[1], r[0]))
        return results
