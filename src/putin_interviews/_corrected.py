"""Did you mean: a search query with each word no index holds replaced by the closest one that
an index holds (:meth:`._search.InvertedIndex.closest`)."""

from __future__ import annotations

from collections.abc import Sequence

from ._fold import tokens
from ._inflect import base_form
from ._search import InvertedIndex

__all__ = ["corrected"]


def corrected(query: str, indexes: Sequence[InvertedIndex]) -> str | None:
    """``query`` with each word that none of ``indexes`` holds replaced by the closest word
    one of them holds (:meth:`._search.InvertedIndex.closest`), or None when there is nothing to
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
