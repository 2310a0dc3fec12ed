"""Small shared pieces of every style: rich text (italic runs), punctuation, case, names, dates.

A citation is built as :class:`Rich` text, a sequence of runs that are italic or not, and
rendered once at the end as plain text, HTML (``<i>``, every character escaped) or
Markdown (``*…*``, special characters escaped).
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable

import attrs

__all__ = [
    "MARKUPS",
    "Name",
    "Rich",
    "apa_title_case",
    "headline_case",
    "quoted",
    "sentence_case",
]

MARKUPS = ("text", "html", "markdown")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_SPACES = re.compile(r"\s+")
_CONTENT = re.compile(r"[^\W_]")


@attrs.frozen
class Rich:
    """Text made of runs, each italic or not."""

    runs: tuple[tuple[str, bool], ...] = ()

    @classmethod
    def plain(cls, text: str) -> Rich:
        return cls(((text, False),)) if text else cls()

    @classmethod
    def italic(cls, text: str) -> Rich:
        return cls(((text, True),)) if text else cls()

    @classmethod
    def parse(cls, marked: str) -> Rich:
        """Text in which ``*…*`` marks italics (the dataset's ``label`` field)."""
        runs = [(part, i % 2 == 1) for i, part in enumerate(marked.split("*")) if part]
        return cls(tuple(runs))

    @classmethod
    def join(cls, separator: str, parts: Iterable[Rich]) -> Rich:
        """Join the non-empty ``parts``. A separator that begins with punctuation (", ")
        is added as :meth:`end` adds a mark: never doubled, and not after "?" or "!"."""
        mark, rest = (separator[0], separator[1:]) if separator[:1] in ",.;:" else ("", separator)
        out = Rich()
        for part in (p for p in parts if p):
            out = part if not out else (out.end(mark) if mark else out) + rest + part
        return out

    def __add__(self, other: Rich | str) -> Rich:
        more = Rich.plain(other) if isinstance(other, str) else other
        return Rich(self.runs + more.runs)

    def __radd__(self, other: str) -> Rich:
        return Rich.plain(other) + self

    def __bool__(self) -> bool:
        """True when there is content: a letter or digit (white space or punctuation alone is
        no element of a citation)."""
        return any(_CONTENT.search(text) for text, _ in self.runs)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    def end(self, mark: str) -> Rich:
        """Close with ``mark`` (".", ",", ";" or ":") without doubling punctuation.

        A "?" or "!" replaces any mark (CMOS 6.119-6.120, MLA 6.43). A final "." stands for
        a closing "." but takes a comma after it, being the period of an abbreviation
        ("n.d.,", "U.S.,"). A final ",", ";" or ":" gives way to ``mark``.
        """
        runs = list(self.runs)
        while runs and not runs[-1][0].strip():
            runs.pop()
        if not runs:
            return Rich()
        text, it = runs[-1]
        text = text.rstrip()
        if text and (text[-1] in "?!" or (text[-1] == "." and mark == ".")):
            runs[-1] = (text, it)
            return Rich(tuple(runs))
        runs[-1] = (text.rstrip(",;:"), it)
        if not Rich(tuple(runs)):
            return Rich()  # nothing but punctuation: the element is empty
        return Rich(tuple(runs)) + mark

    def words(self, count: int) -> Rich:
        """The first ``count`` words, keeping their italics, without trailing punctuation."""
        out: list[tuple[str, bool]] = []
        seen = 0
        for text, it in self.runs:
            pieces = re.split(r"(\s+)", text)
            kept = []
            for piece in pieces:
                if piece and not piece.isspace():
                    if seen == count:
                        break
                    seen += 1
                kept.append(piece)
            out.append(("".join(kept), it))
            if seen == count and len(kept) < len(pieces):
                break
        short = Rich(tuple(out))
        return Rich.plain(short.text.rstrip(" ,;:—–-")) if not any(i for _, i in out) else _rstrip(short)

    def render(self, markup: str) -> str:
        merged: list[tuple[str, bool]] = []
        for text, it in self.runs:
            if merged and merged[-1][1] == it:
                merged[-1] = (merged[-1][0] + text, it)
            elif text:
                merged.append((text, it))
        out = []
        for text, it in merged:
            if markup == "html":
                escaped = html.escape(text)
                out.append(_wrap(escaped, "<i>", "</i>") if it else escaped)
            elif markup == "markdown":
                escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
                out.append(_wrap(escaped, "*", "*") if it else escaped)
            else:
                out.append(text)
        return _SPACES.sub(" ", "".join(out)).strip()


def _wrap(text: str, start: str, stop: str) -> str:
    """Put markup around the words only, leaving outer spaces outside."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{start}{core}{stop}{trail}"


def _rstrip(rich: Rich) -> Rich:
    runs = list(rich.runs)
    while runs:
        text, it = runs[-1]
        stripped = text.rstrip(" ,;:—–-")
        if stripped:
            runs[-1] = (stripped, it)
            break
        runs.pop()
    return Rich(tuple(runs))


def quoted(inner: Rich, mark: str = "") -> Rich:
    """In typographic double quotation marks, with ``mark`` ("." or ",") inside the
    closing one as MLA and Chicago place it; quotation marks inside become single."""
    swapped = Rich(tuple((t.replace("“", "‘").replace("”", "’").replace('"', "’"), it) for t, it in inner.runs))
    text = swapped.text.rstrip()
    if mark and text.endswith("’") and "‘" in text:
        # A nested quotation closes the title: the mark goes inside both (CMOS 6.9, MLA 6.43).
        return "“" + _rstrip_quote(swapped).end(mark) + "’”"
    body = swapped.end(mark) if mark else swapped
    return "“" + body + "”"


def _rstrip_quote(rich: Rich) -> Rich:
    """``rich`` without its final closing single quotation mark."""
    runs = list(rich.runs)
    while runs:
        text, it = runs[-1]
        text = text.rstrip()
        if text:
            runs[-1] = (text[:-1] if text.endswith("’") else text, it)
            break
        runs.pop()
    return Rich(tuple(runs))


# ----------------------------------------------------------------------------- case

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
# articles or prepositions.
_APA_MINOR = frozenset(
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
        "off",
        "on",
        "per",
        "to",
        "via",
    ]
)
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


# ----------------------------------------------------------------------------- names, dates


@attrs.frozen
class Name:
    """A personal name split for citing (given names, family name), or a literal name of a
    group or organisation."""

    family: str
    given: str = ""
    literal: bool = False

    @classmethod
    def of(cls, name: str, is_group: bool = False) -> Name:
        parts = name.split()
        if is_group or len(parts) < 2:
            return cls(family=name, literal=True)
        return cls(family=parts[-1], given=" ".join(parts[:-1]))

    @property
    def full(self) -> str:
        return self.family if self.literal else f"{self.given} {self.family}"

    @property
    def inverted(self) -> str:
        return self.family if self.literal else f"{self.family}, {self.given}"

    @property
    def initials(self) -> str:
        """APA: family name and initials, "Stone, O."."""
        if self.literal:
            return self.family
        initials = " ".join(f"{p[0]}." for p in re.split(r"[\s]+", self.given) if p)
        return f"{self.family}, {initials}"


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# MLA 9 abbreviates months longer than four letters.
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def apa_date(day: datetime.date, suffix: str = "") -> str:
    return f"{day.year}{suffix}, {MONTHS[day.month - 1]} {day.day}"


def mla_date(day: datetime.date) -> str:
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


def chicago_date(day: datetime.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_title(title: Rich, drop_article: bool) -> Rich:
    """A short title: the main title (before a colon), up to four words; Chicago also
    drops an initial article (14.30)."""
    runs = []
    for text, it in title.runs:
        if ":" in text:
            runs.append((text.split(":", 1)[0], it))
            break
        runs.append((text, it))
    main = Rich(tuple(runs))
    if drop_article and main.runs:
        first, it = main.runs[0]
        stripped = re.sub(r"^(The|A|An)\s+", "", first)
        if stripped != first and stripped:
            main = Rich(((stripped, it), *main.runs[1:]))
    return main.words(4)
