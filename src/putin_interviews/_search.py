"""The inverted index behind full-text search (the words it holds are those of
:func:`._fold.terms`).
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from functools import partial, reduce
from itertools import chain, islice, repeat
from operator import add, eq, mul, or_, sub

from ._bitmaps import bitmap_of, positions
from ._fold import normalize, split_at_apostrophes, terms, tokens
from ._occurrences import Keyed, joined, of_fields
from ._once import once

__all__ = ["Docs", "InvertedIndex", "Keyed", "normalize", "split_at_apostrophes", "terms", "tokens"]

# A word in at least one document in this many gets a bitmap too (2% of the documents).
_BITMAP_SHARE = 50
# Intersecting with postings this many times longer than the candidates so far, each
# candidate is looked up instead.
_PROBE_SHARE = 8
# A query whose rarest word is in this many documents is ranked by tiers of weight (top-k),
# unless its words' tiers make more than ``_MAX_COMBINATIONS`` combinations.
_TIERED_FROM = 64
_MAX_COMBINATIONS = 512
# A word of too many weights for its tiers is ranked by bands (max-score): at most this many
# a word, the heaviest holding up to this many documents, each next one this many times more.
_BANDS = 8
_BAND_FIRST = 64
_BAND_GROWTH = 4
# How alike a word must be to an indexed one to be suggested for it (difflib's ratio).
_CLOSE = 0.75


class _CountWeights(dict[int, float]):
    """The weight of a word said ``count`` times in a field, ``1 + log(count)``, worked out
    once per count."""

    def __missing__(self, count: int) -> float:
        weight = self[count] = 1 + math.log(count)
        return weight


_COUNT_WEIGHTS = _CountWeights()


class Docs:
    """Documents in increasing order (four bytes a document, a document repeated when a word
    is said there more than once), ``count`` of them distinct; a frequent set (at least one
    document in ``_BITMAP_SHARE``) also has a bitmap, made on first use. A selection's records
    are one too, which :meth:`InvertedIndex.ranked` searches among (a table keeps it).

    >>> selection = Docs(array("I", [0, 2, 3]))
    >>> selection.count, selection.frequent(150), selection.frequent(151), selection.distinct()
    (3, True, False, [0, 2, 3])
    """

    __slots__ = ("bits", "count", "docs")

    def __init__(self, docs: array[int]) -> None:
        self.docs = docs
        self.count = len(docs)
        self.bits: int | None = None

    def frequent(self, size: int) -> bool:
        """Whether at least one of ``size`` documents in ``_BITMAP_SHARE`` is in the set."""
        return self.count * _BITMAP_SHARE >= size

    def bitmap(self, size: int) -> int | None:
        """Bit ``doc`` set for each document, for a frequent set (intersections in C)."""
        if not self.frequent(size):
            return None
        return once(self, "bits", lambda: bitmap_of(self.docs, size))

    def distinct(self) -> list[int]:
        """The documents, each once, in increasing order."""
        return self.docs.tolist() if self.count == len(self.docs) else list(dict.fromkeys(self.docs))


_UNREAD = array("I")  # a word's documents until a query first needs them


class _Postings(Docs):
    """The documents holding one word, and the word's weight in each.

    Built from ``parts``: for each field holding the word, the documents of its occurrences
    (repeated for a word said twice) as runs, the field's weight, and whether the runs are
    out of order (:class:`._occurrences.Occurrences`).
    Nothing more is worked out until a query needs the word (:meth:`ready`): then a word of
    one field keeps its occurrences as they are (its weight in a document follows from how
    many times the document is repeated: ``field_weight × (1 + log(count))``, the same for
    all when none is), and a word of several fields gets one document each and an array of
    summed ``weights``.
    """

    __slots__ = ("banded", "field_weight", "layers", "parts", "resolved", "weights")

    def __init__(self, parts: list[tuple[list[array[int]], float, bool]]) -> None:
        super().__init__(_UNREAD)
        self.parts: list[tuple[list[array[int]], float, bool]] | None = parts
        self.field_weight = parts[0][1]
        self.weights: array[float] | None = None
        self.layers: list[tuple[float, Docs]] | None = None
        self.banded: list[tuple[float, Docs]] | None = None
        self.resolved: bool | None = None

    def ready(self) -> _Postings:
        """The postings, with ``count`` (distinct documents) and the weights worked out."""
        once(self, "resolved", self._resolve)
        return self

    def _resolve(self) -> bool:
        parts = self.parts
        assert parts is not None
        if len(parts) == 1:
            self.docs = joined(parts[0][0], parts[0][2])
            self.count = len(self.docs) - sum(map(eq, self.docs, islice(self.docs, 1, None)))
        else:  # the same sum, in the same order, as document by document
            summed: dict[int, float] = {}
            for runs, field_weight, _ in parts:
                for doc, count in Counter(chain.from_iterable(runs)).items():
                    summed[doc] = summed.get(doc, 0.0) + field_weight * _COUNT_WEIGHTS[count]
            ordered = sorted(summed)
            self.docs = array("I", ordered)
            self.count = len(ordered)
            self.weights = array("d", [summed[doc] for doc in ordered])
        self.parts = None
        return True

    def added(self, candidates: list[int], idf: float) -> Iterable[float]:
        """The word's weight times ``idf`` in each of ``candidates`` (documents holding it)."""
        docs = self.docs
        if self.weights is not None:
            at = map(bisect_left, repeat(docs), candidates)
            return map(mul, map(self.weights.__getitem__, at), repeat(idf))
        if self.count == len(docs):  # said once in each document
            return repeat(self.field_weight * _COUNT_WEIGHTS[1] * idf, len(candidates))
        # Said ``count`` times: the document repeated ``count`` times, side by side.
        counts = map(sub, map(bisect_right, repeat(docs), candidates), map(bisect_left, repeat(docs), candidates))
        weights = map(mul, repeat(self.field_weight), map(_COUNT_WEIGHTS.__getitem__, counts))
        return map(mul, weights, repeat(idf))

    def tiers(self) -> list[tuple[float, Docs]]:
        """The documents grouped by the word's weight in them, the heaviest first (made on
        first use): a ranking walks them in that order and stops when it has enough."""
        return once(self.ready(), "layers", self._tiers)

    def bands(self) -> list[tuple[float, Docs]]:
        """The tiers merged into at most ``_BANDS`` bands, heaviest first, each given its
        heaviest weight (made on first use): an upper bound of the word's weight in the band's
        documents, for a top-k ranking of words whose weights are too many to walk tier by
        tier. The bands grow geometrically (``_BAND_FIRST`` documents, then ``_BAND_GROWTH``
        times more each), so the heaviest are few and their bounds tight."""
        return once(self, "banded", self._bands)

    def _bands(self) -> list[tuple[float, Docs]]:
        groups: list[list[tuple[float, Docs]]] = []
        held = 0
        for weight, docs in self.tiers():
            cap = _BAND_FIRST * _BAND_GROWTH ** (len(groups) - 1)
            if groups and (held + docs.count <= cap or len(groups) == _BANDS):
                groups[-1].append((weight, docs))
                held += docs.count
            else:
                groups.append([(weight, docs)])
                held = docs.count
        return [
            group[0]
            if len(group) == 1
            else (group[0][0], Docs(array("I", sorted(chain.from_iterable(d.docs for _, d in group)))))
            for group in groups
        ]

    def _tiers(self) -> list[tuple[float, Docs]]:
        if self.weights is not None:
            weights: Sequence[float] = self.weights
            docs: Sequence[int] = self.docs
        elif self.count == len(self.docs):
            return [(self.field_weight * _COUNT_WEIGHTS[1], self)]
        else:
            counts = Counter(self.docs)
            docs = list(counts)
            weights = [self.field_weight * _COUNT_WEIGHTS[count] for count in counts.values()]
        # Each document appended to its weight's list in one C pass (ascending, as the documents
        # are), however many weights there are.
        tiers: defaultdict[float, array[int]] = defaultdict(partial(array, "I"))
        deque(map(array.append, map(tiers.__getitem__, weights), docs), maxlen=0)
        return [(value, Docs(tiers[value])) for value in sorted(tiers, reverse=True)]


def _scores(postings: Sequence[_Postings], idfs: Sequence[float], docs: list[int]) -> list[float]:
    """The score of each of ``docs`` (documents holding every word): the words' weights times
    their idfs, added word by word in the order of ``postings`` (shortest first), in C loops
    over the documents; every way of ranking adds them so."""
    scores: list[float] = []
    for number, (posting, idf) in enumerate(zip(postings, idfs, strict=True)):
        added = posting.added(docs, idf)
        scores = list(added) if number == 0 else list(map(add, scores, added))
    return scores


def _count(docs: Docs) -> int:
    return docs.count


def _met(parts: Iterable[Docs], within: list[Docs]) -> list[Docs]:
    """The sets of documents to meet: ``parts`` (a word's, or a tier's or band's of each word)
    and the documents searched when not all (``within``: one more set, without weight),
    shortest first, as :meth:`InvertedIndex._meet` takes them."""
    return sorted([*parts, *within], key=_count)


def _after(
    at: tuple[int, ...], layered: Sequence[Sequence[object]], seen: set[tuple[int, ...]]
) -> Iterator[tuple[int, ...]]:
    """Each combination one step after ``at`` (one word's tier or band the next of ``layered``'s)
    not ``seen`` yet, now seen."""
    for j, layers in enumerate(layered):
        after = (*at[:j], at[j] + 1, *at[j + 1 :])
        if at[j] + 1 < len(layers) and after not in seen:
            seen.add(after)
            yield after


class InvertedIndex:
    """Word → postings over documents made of weighted fields; AND queries, ranked.

    A document is one record; its fields (e.g. a quotation's text) carry weights. A word's
    weight in a document is the sum over fields of ``field weight × (1 + log(count))``; a
    document's score is the sum over the query words of ``weight × idf``. Ties keep document
    order. Intersections run over the shortest postings first, in C (set operations, bitmap
    ANDs when every word is frequent, a frequent word's bitmap read for each candidate).

    ``fields`` holds, for each field, its text in every document (``size`` of them) and its
    weight: each word's occurrences are found field by field (:func:`._occurrences.of_fields`,
    over ranges of documents in worker processes when there are many); everything else (distinct counts, summed weights,
    tiers, bitmaps) is worked out for a word when a query first needs it. A query is ranked
    by tiers of weight (:meth:`_tiered`): the best ``limit`` without reading most documents
    of its common words.
    """

    def __init__(self, size: int, fields: Iterable[tuple[Sequence[str] | Keyed, float]]):
        columns, weights = [], []
        for texts, field_weight in fields:
            if len(texts) != size:
                raise ValueError(f"a field has {len(texts)} texts for {size} documents")
            columns.append(texts)
            weights.append(field_weight)
        found = list(zip(of_fields(columns, size), weights, strict=True))
        words = dict.fromkeys(word for occurrences, _ in found for word in occurrences)
        self._postings = {
            word: _Postings([(occ[word], weight, word in occ.unordered) for occ, weight in found if word in occ])
            for word in words
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
        docs, scores, terms = self.ranked(query, limit)
        return list(zip(docs, scores, repeat(terms)))

    def ranked(
        self, query: str, limit: int | None = None, among: Sequence[int] | Docs | None = None
    ) -> tuple[list[int], list[float], tuple[str, ...]]:
        """What :meth:`query` finds, as the documents, their scores and the query words; with
        ``among`` (documents in increasing order, each once, or a :class:`Docs` of them, which
        keeps its bitmap from one search to the next), only those of them, ranked as among all
        (the same scores and order, the others left out).

        >>> index = InvertedIndex(3, [(["the war", "war and the war", "peace"], 1.0)])
        >>> docs, scores, terms = index.ranked("War")
        >>> docs, terms
        ([1, 0], ('war',))
        >>> index.ranked("War", among=[0, 2])[0]
        [0]
        """
        words = list(dict.fromkeys(terms(query)))
        matched = tuple(words)
        found = [self._postings.get(w) for w in words]
        if not words or any(p is None for p in found):
            return [], [], matched
        postings = sorted((p.ready() for p in found if p is not None), key=lambda p: p.count)
        # The documents searched, when not all, are met with each word's as one more word's
        # would be; fewer than one in ``_BITMAP_SHARE``, they are all scored, whatever the words.
        within = [] if among is None else [among if isinstance(among, Docs) else Docs(array("I", among))]
        if postings[0].count >= _TIERED_FROM and all(docs.frequent(self._size) for docs in within):
            # Tier by tier while the combinations are few; by bands when a top-k has many.
            many = math.prod(len(p.tiers()) for p in postings) > _MAX_COMBINATIONS
            tiered = None if many and limit is not None else self._tiered(postings, limit, within)
            if tiered is None and limit is not None:
                tiered = self._banded(postings, limit, within)
            if tiered is not None:
                return tiered[0], tiered[1], matched
        candidates = self._intersection(_met(postings, within))
        if not candidates:
            return [], [], matched
        scores = _scores(postings, self._idfs(postings), candidates)
        # Best first; ties keep document order (both sorts are stable, candidates ascending).
        order = range(len(candidates))
        if limit is not None:
            best = heapq.nlargest(limit, order, key=scores.__getitem__)
        else:
            best = sorted(order, key=scores.__getitem__, reverse=True)
        return list(map(candidates.__getitem__, best)), list(map(scores.__getitem__, best)), matched

    def _tiered(
        self, postings: list[_Postings], limit: int | None, within: list[Docs]
    ) -> tuple[list[int], list[float]] | None:
        """The documents and scores of the best ``limit`` matches (all if None), for words
        found in many documents, or None when their tiers make too many combinations.

        Each word's documents are grouped by its weight in them (:meth:`_Postings.tiers`),
        so that every combination of one tier a word holds documents of one score, worked
        out once, exactly as document by document (same products, added in the same order).
        The combinations are taken best score first, the documents of equal scores merged in
        document order, until ``limit`` are found: nothing is scored one by one, and most
        documents of the common words are never read (top-k by score tiers). When more than
        ``_MAX_COMBINATIONS`` combinations would be taken, None.
        """
        layered = [posting.tiers() for posting in postings]
        if limit is None and math.prod(map(len, layered)) > _MAX_COMBINATIONS:
            return None
        idfs = self._idfs(postings)

        def score(at: tuple[int, ...]) -> float:  # as document by document: same products, same order
            total = layered[0][at[0]][0] * idfs[0]
            for tiers, i, idf in zip(layered[1:], at[1:], idfs[1:], strict=True):
                total += tiers[i][0] * idf
            return total

        # Combinations (a tier for each word) best first, from a heap: a combination's
        # successors (one word a tier lighter) score no more than it does.
        first = (0,) * len(layered)
        heap = [(-score(first), first)]
        seen = {first}
        ranked: list[int] = []
        scores: list[float] = []
        taken = 0
        while heap and (limit is None or len(ranked) < limit):
            best = -heap[0][0]
            group = []
            while heap and -heap[0][0] == best:  # every combination of this score
                at = heapq.heappop(heap)[1]
                group.append(_met((tiers[i][1] for tiers, i in zip(layered, at, strict=True)), within))
                for after in _after(at, layered, seen):
                    heapq.heappush(heap, (-score(after), after))
            taken += len(group)
            if taken > _MAX_COMBINATIONS:  # the best documents are spread too thin: score them
                return None
            wanted = None if limit is None else limit - len(ranked)
            found = self._union([self._meet(docs) for docs in group], wanted)
            ranked.extend(found)
            scores.extend(repeat(best, len(found)))
        return ranked, scores

    def _banded(
        self, postings: list[_Postings], limit: int, within: list[Docs]
    ) -> tuple[list[int], list[float]] | None:
        """The best ``limit`` matches and their scores for words of many weights (max-score
        over bands, :meth:`_Postings.bands`), or None when more than ``_MAX_COMBINATIONS``
        combinations of bands would be read.

        A combination of one band a word bounds the scores of its documents by the sum of its
        bands' heaviest weights times the idfs. Combinations are taken by that bound, best
        first; each one's documents are scored exactly, as document by document (the same
        products added in the same order), and kept if among the best ``limit`` (ties: the
        earlier document). The walk stops once the ``limit``-th best score is above the next
        combination's bound, which no document left can then reach.
        """
        layered = [posting.bands() for posting in postings]
        idfs = self._idfs(postings)

        def bound(at: tuple[int, ...]) -> float:
            return sum(bands[i][0] * idf for bands, i, idf in zip(layered, at, idfs, strict=True))

        first = (0,) * len(layered)
        heap = [(-bound(first), first)]
        seen = {first}
        kept: list[tuple[float, int]] = []  # (score, -document): the root is the worst kept
        taken = 0
        while heap:
            top, at = heapq.heappop(heap)
            if len(kept) == limit and (not kept or kept[0][0] > -top):  # (none wanted: done)
                break
            taken += 1
            if taken > _MAX_COMBINATIONS:
                return None
            for after in _after(at, layered, seen):
                heapq.heappush(heap, (-bound(after), after))
            parts = _met((bands[i][1] for bands, i in zip(layered, at, strict=True)), within)
            found = self._meet(parts)
            docs = positions(found, self._size) if isinstance(found, int) else found
            if not docs:
                continue
            for doc, score in zip(docs, _scores(postings, idfs, docs), strict=True):
                entry = (score, -doc)
                if len(kept) < limit:
                    heapq.heappush(kept, entry)
                elif entry > kept[0]:
                    heapq.heapreplace(kept, entry)
        best = sorted(kept, reverse=True)
        return [-doc for _, doc in best], [score for score, _ in best]

    def _idfs(self, postings: Sequence[_Postings]) -> list[float]:
        """Each word's idf, ``log(1 + documents / documents holding it)``."""
        return [math.log(1 + self._size / posting.count) for posting in postings]

    def _union(self, found: list[int | list[int]], limit: int | None) -> list[int]:
        """The first ``limit`` documents (all if None), in increasing order, of the disjoint
        sets ``found`` (bitmaps or sorted lists)."""
        bitmaps = [f for f in found if isinstance(f, int)]
        lists = [f for f in found if not isinstance(f, int)]
        if bitmaps:
            lists.append(positions(reduce(or_, bitmaps), self._size, limit))
        merged = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        return merged if limit is None else merged[:limit]

    def _meet(self, parts: Sequence[Docs]) -> int | list[int]:
        """The documents in every one of ``parts`` (shortest first): a bitmap when every one
        is frequent, otherwise a list in increasing order."""
        bitmap = parts[0].bitmap(self._size)
        if bitmap is not None:  # every set is frequent (longer than the first): AND the bitmaps
            for other in parts[1:]:
                more = other.bitmap(self._size)
                assert more is not None
                bitmap &= more
            return bitmap
        candidates = parts[0].distinct()
        for other in parts[1:]:
            docs = other.docs
            more = other.bitmap(self._size)
            if more is not None:  # frequent: each candidate's bit, read from the bitmap's bytes
                data = more.to_bytes((self._size + 7) // 8, "little")
                candidates = [doc for doc in candidates if data[doc >> 3] >> (doc & 7) & 1]
            elif len(docs) > _PROBE_SHARE * len(candidates):
                # Much longer: look each candidate up (log time) rather than read it all.
                end = len(docs)
                at = map(bisect_left, repeat(docs), candidates)
                candidates = [doc for doc, i in zip(candidates, at, strict=True) if i < end and docs[i] == doc]
            else:
                candidates = sorted(set(candidates).intersection(docs))
            if not candidates:
                break
        return candidates

    def _intersection(self, postings: Sequence[Docs]) -> list[int]:
        """The documents in every one of ``postings`` (shortest first), in increasing order."""
        found = self._meet(postings)
        return positions(found, self._size) if isinstance(found, int) else found
