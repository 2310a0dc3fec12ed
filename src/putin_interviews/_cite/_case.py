"""Titles: capitalisation (headline style, APA title case, sentence case) and the short
title of in-text citations and short notes, one rule for every style."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._rich import Rich

__all__ = ["apa_title_case", "headline_case", "sentence_case", "short_title"]

# Minor words kept lower case inside a headline-style title (MLA 9 and Chicago 17 8.159:
# articles, prepositions whatever their length, coordinating conjunctions, "to", "as").
# "up", "down", "out", "off" and "over" are left alone: they are as often adverbs in
# phrasal verbs ("Opens Up"), which both manuals capitalise.
_HEADLINE_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "in",
        "of",
        "on",
        "per",
        "to",
        "via",
        "vs",
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "despite",
        "during",
        "except",
        "from",
        "inside",
        "into",
        "like",
        "near",
        "onto",
        "outside",
        "past",
        "since",
        "than",
        "through",
        "throughout",
        "toward",
        "towards",
        "under",
        "underneath",
        "unlike",
        "until",
        "upon",
        "with",
        "within",
        "without",
    ]
)
# APA 7 (6.17): lower-case only words of three letters or fewer that are conjunctions,
# articles or prepositions: those of the list above, with "off" (which APA lower-cases as a
# preposition; the list above leaves it alone, as a phrasal verb's adverb), not "vs".
_APA_MINOR = frozenset({word for word in _HEADLINE_MINOR if len(word) <= 3} - {"vs"} | {"off"})
_WORD = re.compile(r"[^\s]+")


def _recase(title: str, keep: Iterable[str], word_case: object) -> str:
    """Apply ``word_case(word, index, after_colon, is_last)`` to each word outside the
    protected phrases in ``keep`` (titles of works, proper nouns)."""
    protected: list[tuple[int, int]] = []
    for phrase in sorted(set(keep), key=len, reverse=True):
        for m in re.finditer(re.escape(phrase), title):
            if not any(s < m.end() and m.start() < e for s, e in protected):
                protected.append((m.start(), m.end()))
    words = list(_WORD.finditer(title))
    out = []
    last = 0
    after_colon = False
    for i, m in enumerate(words):
        out.append(title[last : m.start()])
        word = m.group()
        # Judge by the word's letters, so "America," is inside a protected "America".
        core = re.search(r"\w(.*\w)?", word)
        start = m.start() + (core.start() if core else 0)
        stop = m.start() + (core.end() if core else len(word))
        inside = any(s <= start and stop <= e for s, e in protected)
        out.append(word if inside else word_case(word, i, after_colon, i == len(words) - 1))  # type: ignore[operator]
        after_colon = word.endswith((":", "?", "!", "—"))
        last = m.end()
    out.append(title[last:])
    return "".join(out)


def _letters(word: str) -> str:
    return re.sub(r"[^\w]", "", word)


def _has_inner_capital(word: str) -> bool:
    core = _letters(word)
    return any(c.isupper() for c in core[1:]) or (len(core) > 1 and core.isupper())


def _cap_first(word: str) -> str:
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.upper() + word[i + 1 :]
    return word


def _lower_first(word: str) -> str:
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.lower() + word[i + 1 :]
    return word


def headline_case(title: str, keep: Iterable[str] = ()) -> str:
    """Headline-style capitalisation (MLA 9, Chicago 17 8.159).

    >>> headline_case("Vladimir Putin Opens Up to Oliver Stone About America, al-Qaida, and More")
    'Vladimir Putin Opens Up to Oliver Stone about America, al-Qaida, and More'
    """

    def case(word: str, i: int, after_colon: bool, is_last: bool) -> str:
        bare = _letters(word).lower()
        if i == 0 or after_colon or is_last:
            return word if _has_inner_capital(word) or word[:1].isupper() else _cap_first(word)
        if bare in _HEADLINE_MINOR:
            return word.lower() if not _has_inner_capital(word) else word
        if word[:1].islower() and _has_inner_capital(word):
            return word  # "al-Qaida", "iPhone": as printed
        return _cap_first(word)

    return _recase(title, keep, case)


def apa_title_case(title: str, keep: Iterable[str] = ()) -> str:
    """APA 7 title case (6.17), used for titles in the text and in-text citations.

    >>> apa_title_case("Vladimir Putin opens up to Oliver Stone about America")
    'Vladimir Putin Opens Up to Oliver Stone About America'
    """

    def case(word: str, i: int, after_colon: bool, is_last: bool) -> str:
        bare = _letters(word).lower()
        if i > 0 and not after_colon and bare in _APA_MINOR and not _has_inner_capital(word):
            return word.lower()
        if word[:1].islower() and _has_inner_capital(word):
            return word
        return _cap_first(word)

    return _recase(title, keep, case)


def sentence_case(title: str, keep: Iterable[str] = ()) -> str:
    """APA 7 sentence case (6.17): capitals only for the first word, the first word after a
    colon, proper nouns and titles of works (``keep``), and words printed with inner
    capitals or in capitals (acronyms, "al-Qaida").

    >>> sentence_case("Vladimir Putin Opens Up to Oliver Stone About America, al-Qaida, and More",
    ...               keep=["Vladimir Putin", "Oliver Stone", "America"])
    'Vladimir Putin opens up to Oliver Stone about America, al-Qaida, and more'
    """

    def case(word: str, i: int, after_colon: bool, is_last: bool) -> str:
        if i == 0 or after_colon:
            return _cap_first(word)
        if _has_inner_capital(word):
            return word
        return _lower_first(word)

    return _recase(title, keep, case)


def short_title(title: Rich, drop_article: bool) -> Rich:
    """A short title, the one rule of the three styles: the main title (before a colon),
    up to four words, not ending on an article, preposition or conjunction (APA 8.14,
    MLA 6.7, CMOS 14.30); Chicago also drops an initial article (14.30).

    >>> short_title(Rich.plain("Vladimir Putin Opens Up to Oliver Stone"), drop_article=False).text
    'Vladimir Putin Opens Up'
    >>> short_title(Rich.plain("The Putin Interviews: Quotations"), drop_article=True).text
    'Putin Interviews'
    >>> short_title(Rich.plain("Putin Talks to the Press"), drop_article=False).text
    'Putin Talks'

    A title with nothing before its colon is its own main title:

    >>> short_title(Rich.plain(": Putin Talks"), drop_article=False).text
    ': Putin Talks'
    """
    runs = []
    for text, it in title.runs:
        if ":" in text:
            runs.append((text.split(":", 1)[0], it))
            break
        runs.append((text, it))
    main = Rich(tuple(runs))
    if not main.text.strip():
        main = title
    if drop_article and main.runs:
        first, it = main.runs[0]
        stripped = re.sub(r"^(The|A|An)\s+", "", first)
        if stripped != first and stripped:
            main = Rich(((stripped, it), *main.runs[1:]))
    count = 4
    short = main.words(count)
    while count > 1 and _letters(short.text.split()[-1] if short.text.split() else "").lower() in _HEADLINE_MINOR:
        count -= 1
        short = main.words(count)
    return short
