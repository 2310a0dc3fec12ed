"""Search fields drawn from keys (the people a record names, its topics): each key's text is
folded once, however many documents hold the key."""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, repeat
from typing import overload

from ._fold import tokens

__all__ = ["Keyed"]


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
                    words = words_of[key] = tokens(self._texts.get(key, key))
                for word in words:
                    parts[word].append(docs_of_key)
        return {
            word: lists[0] if len(lists) == 1 else array("I", sorted(chain.from_iterable(lists)))
            for word, lists in parts.items()
        }
