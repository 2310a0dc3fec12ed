"""Normalisation for matching: one folding serves lookup, filters and search alike.

Case-folded, accents removed, a possessive ``’s`` dropped (``Kelly’s`` is ``kelly``), other
apostrophes dropped (``don’t`` and ``don't`` both become ``dont``), every other punctuation
mark (hyphens, dashes, quotation marks) a word break. Search then takes each word to its base
form (:func:`terms`, :mod:`._inflect`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ._inflect import base_form

__all__ = [
    "as_lines",
    "fold_lines",
    "fold_many",
    "normalize",
    "searchable",
    "searchable_all",
    "split_at_apostrophes",
    "terms",
    "tokens",
]

_APOSTROPHE_CHARS = "'’‘ʼ`´"
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


def fold_many(texts: Sequence[str]) -> list[str]:
    """:func:`_fold` of each text, in one pass over the texts joined by line breaks (for
    building indexes): each line's words are those :func:`tokens` finds in its text.

    >>> fold_many(["Kelly’s détente", "", "Al-Qaida"])
    ['kelly detente', '', 'al qaida']
    """
    return fold_lines(as_lines(texts)) if texts else []


def as_lines(texts: Sequence[str]) -> str:
    r"""``texts`` (at least one) joined by line breaks, one a text: a line break inside a
    text becomes a space (a word break either way).

    >>> as_lines(["a", "b\nc"])
    'a\nb c'
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    return joined


def fold_lines(lines: str) -> list[str]:
    r"""Each line of ``lines`` (:func:`as_lines`) folded as :func:`tokens` folds a text.

    >>> fold_lines("Kelly’s\nAl-Qaida")
    ['kelly', 'al qaida']
    """
    return _fold(lines, _MANY).split("\n")


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``, in order.

    >>> tokens("Al-Qaida is not the result")
    ['al', 'qaida', 'is', 'not', 'the', 'result']
    """
    return _fold(text, _ONE).split()


def split_at_apostrophes(text: str) -> str:
    """:func:`normalize` of ``text`` with each apostrophe a word break instead of dropped: the
    words a tool that splits at apostrophes (FTS5) sees; ``""`` when ``text`` has none.

    >>> split_at_apostrophes("Don’t trust Kelly's"), split_at_apostrophes("trust")
    ('don t trust kelly s', '')
    """
    if not any(mark in text for mark in _APOSTROPHE_CHARS):
        return ""
    return normalize("".join(" " if c in _APOSTROPHE_CHARS else c for c in text))


def terms(text: str) -> list[str]:
    """The words of ``text`` as search indexes and matches them: :func:`tokens`, each in
    its base form (:func:`._inflect.base_form`: a plural matches its singular).

    >>> terms("Bad days for Women's rights")
    ['bad', 'day', 'for', 'woman', 'right']
    """
    return [base_form(word) for word in tokens(text)]


def searchable(value: object) -> str:
    """A record's value as search reads it: nothing for None, a list's items joined.

    >>> searchable(None), searchable(("us-politics", "syria")), searchable(3)
    ('', 'us-politics syria', '3')
    """
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(searchable(v) for v in value)
    return str(value)


def searchable_all(values: list[object]) -> list[str]:
    """:func:`searchable` of each value; a list of strings (a text field) as it is, which is
    checked in C.

    >>> searchable_all(["a", "b"]), searchable_all([None, ("x", "y")])
    (['a', 'b'], ['', 'x y'])
    """
    if all(map(str.__instancecheck__, values)):
        return values  # type: ignore[return-value]
    return [searchable(value) for value in values]
