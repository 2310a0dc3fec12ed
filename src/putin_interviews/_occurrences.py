"""Where each word of an index's fields is said: word → documents, built over ranges of
documents (in worker processes when there are many, :mod:`._workers`).

A field is a column of texts (folded a chunk at a time) or a :class:`Keyed` field, drawn from
the keys a record holds (the people it names, its topics), whose texts are folded once a key.
A word's documents come in increasing order, a document once for each time the word is said
there; documents found out of order (the forms of one base form, keys sharing a word) are
put in order when a query first needs the word, not while building.
"""

from __future__ import annotations

import mmap
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, repeat
from typing import overload

from ._fold import as_lines, fold_lines, tokens
from ._inflect import base_form
from ._workers import over_ranges, parts_for

__all__ = ["Keyed", "Occurrences", "by_base_form", "joined", "of_fields"]

# Documents folded together when an index is built (bounds the memory this takes).
_CHUNK = 50_000
# Documents for each process building an index (fewer are built in one process).
_PER_PROCESS = 100_000


class Occurrences(dict[str, "list[array[int]]"]):
    """Word → the documents of its occurrences, a document once for each time the word is
    said there: runs of documents in increasing order, which follow one another in order
    too, except for the words in ``unordered``. A word's runs are joined (and put in order)
    by :func:`joined` when a query first needs it, not while building.

    >>> found = Occurrences()
    >>> found.add("war", array("I", [1, 4])); found.add("war", array("I", [4, 6]))
    >>> found.add("day", array("I", [5])); found.add("day", array("I", [2]))
    >>> found["war"], found["day"], sorted(found.unordered)
    ([array('I', [1, 4]), array('I', [4, 6])], [array('I', [5]), array('I', [2])], ['day'])
    """

    __slots__ = ("unordered",)

    def __init__(self) -> None:
        super().__init__()
        self.unordered: set[str] = set()

    def add(self, word: str, docs: array[int]) -> None:
        """Add the run ``docs`` (in increasing order, not empty) to the documents of ``word``.
        Runs are kept as they are, never changed (one may be shared by several words)."""
        runs = self.get(word)
        if runs is None:
            self[word] = [docs]
            return
        if docs[0] < runs[-1][-1]:
            self.unordered.add(word)
        runs.append(docs)

    def update_from(self, later: Occurrences) -> None:
        """Add the occurrences of ``later``, found in documents after these (its runs out of
        order are found so again, run by run)."""
        for word, runs in later.items():
            for docs in runs:
                self.add(word, docs)


def joined(runs: list[array[int]], unordered: bool) -> array[int]:
    """A word's documents: its ``runs`` (:class:`Occurrences`) joined, in increasing order.

    >>> joined([array("I", [5, 7]), array("I", [2])], True)
    array('I', [2, 5, 7])
    """
    if len(runs) == 1:
        return runs[0]
    docs = array("I")
    for run in runs:
        docs.extend(run)
    return array("I", sorted(docs)) if unordered else docs


def by_base_form(occurrences: Mapping[str, array[int]]) -> Occurrences:
    """``occurrences`` (word → the documents of its occurrences, ascending) with the words
    that share a base form (:func:`._inflect.base_form`) joined under it: the work is per
    distinct word, not per word said.

    >>> found = by_base_form({"day": array("I", [2]), "days": array("I", [0, 2]), "war": array("I", [1])})
    >>> found, found.unordered
    ({'day': [array('I', [2]), array('I', [0, 2])], 'war': [array('I', [1])]}, {'day'})
    """
    merged = Occurrences()
    for word, docs in occurrences.items():
        merged.add(base_form(word), docs)
    return merged


def of_fields(fields: Sequence[Sequence[str] | Keyed], size: int) -> list[Occurrences]:
    """The occurrences of each of ``fields`` (``size`` documents each), by base form.

    The texts are folded a chunk of documents at a time. With many documents, the chunks are
    shared among worker processes (:func:`._workers.over_ranges`), through memory holding
    every chunk's texts, written beforehand (:func:`_shared`): a worker reads that, not the
    records. A keyed field is found here, before any worker starts, as it reads the records'
    own keys.

    >>> of_fields([["Bad days", "a day"]], 2)
    [{'bad': [array('I', [0])], 'day': [array('I', [0]), array('I', [1])], 'a': [array('I', [1])]}]
    """
    found: list[Occurrences | None] = [field.occurrences() if isinstance(field, Keyed) else None for field in fields]
    columns = [(at, field) for at, field in enumerate(fields) if not isinstance(field, Keyed)]
    begins = range(0, size, _CHUNK)
    parts = min(parts_for(size, _PER_PROCESS), len(begins)) if columns else 1
    shared = _shared([texts for _, texts in columns], begins) if parts > 1 else None
    if shared is None:  # in this process, a chunk joined at a time
        for at, texts in columns:
            found[at] = _said((begin, as_lines(texts[begin : begin + _CHUNK])) for begin in begins)
    else:
        memory, places = shared

        def work(first: int, last: int) -> list[Occurrences]:
            return [
                _said(
                    (begin, str(memory[start:stop], "utf-8", "surrogatepass"))
                    for begin, (start, stop) in zip(begins[first:last], chunks[first:last], strict=True)
                )
                for chunks in places
            ]

        with memory:
            first, *later = over_ranges(work, len(begins), parts)
        for part in later:
            for occurrences, more in zip(first, part, strict=True):
                occurrences.update_from(more)
        for (at, _), occurrences in zip(columns, first, strict=True):
            found[at] = occurrences
    return [occurrences for occurrences in found if occurrences is not None]


def _shared(columns: list[Sequence[str]], begins: range) -> tuple[mmap.mmap, list[list[tuple[int, int]]]] | None:
    """The texts of each chunk of each of ``columns`` (:func:`._fold.as_lines`), in UTF-8, one
    after another in a shared memory map, and where each chunk's are; None if no map could
    be made. Worker processes read the map, whose pages none of them copies (none writes to
    it), where reading the records would copy every page that holds one (CPython writes to
    an object each time it is referred to); and closing the map gives its memory back, which
    memory freed among other objects might not be."""
    # Enough room: a character is one byte in ASCII, at most four otherwise (the pages of the
    # map not written to are never allocated).
    room = sum((sum(map(len, texts)) + len(texts)) * (1 if all(map(str.isascii, texts)) else 4) for texts in columns)
    try:
        memory = mmap.mmap(-1, max(room, 1))
    except OSError:  # no memory to map (a strict limit): one process does it all
        return None
    places = []
    end = 0
    for texts in columns:
        chunks = []
        for begin in begins:
            data = as_lines(texts[begin : begin + _CHUNK]).encode("utf-8", "surrogatepass")
            memory[end : end + len(data)] = data
            chunks.append((end, end + len(data)))
            end += len(data)
        places.append(chunks)
    return memory, places


def _said(chunks: Iterable[tuple[int, str]]) -> Occurrences:
    """The occurrences of the words of ``chunks``: each, the number of its first document and
    the texts of its documents (:func:`._fold.as_lines`)."""
    occurrences: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
    for begin, lines in chunks:
        # A plain loop: faster here than C iterators chained (measured at 1,000,000 documents).
        for doc, line in enumerate(fold_lines(lines), begin):
            for word in line.split():
                occurrences[word].append(doc)
    return by_base_form(occurrences)


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

    def occurrences(self) -> Occurrences:
        """The occurrences of the words of every document, by base form, as if each
        document's text had been folded.

        >>> Keyed([["putin", None, "putin"]], {"putin": "Vladimir Putin"}).occurrences()
        {'vladimir': [array('I', [0, 2])], 'putin': [array('I', [0, 2])]}
        """
        found = Occurrences()
        words_of: dict[str, list[str]] = {}
        for column in self._columns:
            # Each key's documents in this column, appended in C loops (ascending).
            docs_of: defaultdict[str | None, array[int]] = defaultdict(partial(array, "I"))
            keys: Iterator[str | None]
            docs: Iterator[int]
            if any(map(tuple.__instancecheck__, column)):  # a column of tuples (checked in C)
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
                    words = words_of[key] = [base_form(word) for word in tokens(self._texts.get(key, key))]
                for word in words:
                    found.add(word, docs_of_key)
        return found
