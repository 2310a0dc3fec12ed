"""Small shared pieces of every style: rich text (italic runs), punctuation, names, dates.

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

from .._citable import MARKUPS, Form, Markup

__all__ = [
    "MARKUPS",
    "Form",
    "Markup",
    "Name",
    "Rich",
    "comma_after",
    "quoted",
]

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
        runs = _trimmed(self)
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


def _trimmed(rich: Rich) -> list[tuple[str, bool]]:
    """The runs of ``rich`` without the blank ones at its end."""
    runs = list(rich.runs)
    while runs and not runs[-1][0].strip():
        runs.pop()
    return runs


def comma_after(rich: Rich) -> Rich:
    """``rich`` followed by a comma, which goes inside closing quotation marks (APA 6.10,
    CMOS 6.9, MLA 6.43: American style).

    >>> comma_after(quoted(Rich.plain("Part 1"))).text
    '“Part 1,”'
    >>> comma_after(Rich.italic("Vladimir Putin Opens Up")).runs
    (('Vladimir Putin Opens Up', True), (',', False))
    """
    runs = _trimmed(rich)
    if not runs:
        return Rich()
    text, it = runs[-1]
    text = text.rstrip()
    body = text.rstrip("”’")
    if body.endswith(("?", "!")):
        return Rich(tuple(runs))  # a "?" or "!" takes the comma's place, as in Rich.end
    if body != text:
        runs[-1] = (body + "," + text[len(body) :], it)
        return Rich(tuple(runs))
    return rich.end(",")


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
