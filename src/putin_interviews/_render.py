"""Plain-text tables that fit a width, wrapping long cells (for ``repr`` and the command line),
and the one rule for writing data to a terminal (:func:`printable`)."""

from __future__ import annotations

import enum
import html
import re
import textwrap
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["HTML_END_ROWS", "HTML_MAX_ROWS", "cell_text", "format_table", "html_table", "json_printable", "printable"]

T = TypeVar("T")

_GAP = "  "

# What a terminal acts on rather than shows: C0 controls but newline (tab is made a space),
# DEL and C1 controls (8-bit CSI, OSC, …), the bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069: they reorder what follows), and lone surrogates (which no
# encoding can write). Other format characters (zero-width joiners of emoji, soft hyphens)
# are ordinary text. JSON escapes the C0 controls itself; the rest it leaves as they are.
_LEFT_BY_JSON = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[\x00-\x09\x0b-\x1f{_LEFT_BY_JSON}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\t" else repr(char)[1:-1]


def printable(text: str) -> str:
    r"""``text`` safe to write to a terminal: every character a terminal would act on is shown
    as its Python escape (``\x1b``, ``\r``, ``\x9b``, ``\u202e``); a tab becomes a space,
    newlines and all other text are kept. The one rule for the command line and ``repr``.

    The escapes are for reading: a backslash in the data is shown as it is, so ``\x1b`` may
    also be those four characters; the command line's JSON output has the exact value.

    >>> print(printable("\x1b]0;title\x07 red\x1b[31m\tdone\r"))
    \x1b]0;title\x07 red\x1b[31m done\r
    >>> printable("Stone’s “détente”\n")
    'Stone’s “détente”\n'
    """
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


# In JSON text these characters can only be inside strings, where \uXXXX means the same.
_JSON_UNPRINTABLE = re.compile(f"[{_LEFT_BY_JSON}]")


def json_printable(text: str) -> str:
    r"""JSON text (from :func:`json.dumps`, which escapes the C0 controls) with DEL, the C1
    controls, the bidi controls and lone surrogates written as ``\uXXXX`` too: the same JSON
    value, safe on a terminal.

    >>> print(json_printable('"\x9b2J\u202e"'))
    "\u009b2J\u202e"
    """
    return _JSON_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def cell_text(value: object) -> str:
    """A record's value as a table shows it: nothing for None, an enum's value, a list's
    items joined with commas.

    >>> cell_text(None), cell_text(("a", 1)), cell_text(3)
    ('', 'a, 1', '3')
    """
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def _fit(widths: list[int], width: int) -> list[int]:
    """Shrink the widest columns until the row fits ``width`` (each keeps at least 4)."""
    fitted = list(widths)
    budget = width - len(_GAP) * (len(widths) - 1)
    while sum(fitted) > budget:
        widest = max(range(len(fitted)), key=lambda i: fitted[i])
        if fitted[widest] <= 4:
            break
        fitted[widest] -= 1
    return fitted


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int = 100, max_lines: int | None = None
) -> str:
    """Format ``rows`` under ``headers`` in columns that fit ``width`` characters.

    Long cells wrap; with ``max_lines`` a cell longer than that many lines ends in "…".
    White space in a cell (newlines too) is folded, and what is left is made
    :func:`printable`, so a table is safe to write to a terminal.

    >>> print(format_table(["id", "text"], [["a", "one two three four five six"]], width=16))
    id  text
    --  ------------
    a   one two
        three four
        five six
    """
    headers = [printable(h) for h in headers]
    natural = [
        max([len(h)] + [max((len(printable(x)) for x in str(r[i]).splitlines()), default=0) for r in rows])
        for i, h in enumerate(headers)
    ]
    widths = _fit(natural, width)
    lines = [_GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        cells = []
        for cell, w in zip(row, widths, strict=True):
            wrapped = textwrap.wrap(printable(" ".join(str(cell).split())), w, break_long_words=True) or [""]
            if max_lines is not None and len(wrapped) > max_lines:
                wrapped = wrapped[:max_lines]
                wrapped[-1] = wrapped[-1][: max(w - 1, 0)].rstrip() + "…"
            cells.append(wrapped)
        for i in range(max(len(c) for c in cells)):
            lines.append(
                _GAP.join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            )
    return "\n".join(lines)


#: An HTML table of more rows than this shows its first and last ``HTML_END_ROWS`` rows and
#: how many are left out between them, as pandas does (``display.max_rows`` and ``min_rows``).
HTML_MAX_ROWS = 60
HTML_END_ROWS = 5

_NUMBER = re.compile(r"-?[0-9][0-9,]*(\.[0-9]+)?")


def html_table(
    headers: Sequence[str],
    items: Sequence[T],
    rows: Callable[[Sequence[T]], Sequence[Sequence[str]]],
    caption: str | None = None,
) -> str:
    """An HTML table (for notebooks) of ``items``, one row each as ``rows`` writes them.

    Every header, cell and the caption is escaped. Past :data:`HTML_MAX_ROWS` items, only
    the first and last :data:`HTML_END_ROWS` are written (``rows`` is called with them
    only), with a row saying how many are left out: the size of the HTML does not grow with
    the table. A column whose shown cells are all numbers is right-aligned, every other
    column left-aligned (whatever the notebook's style sheet says).

    >>> page = html_table(["id", "n"], ["<b>"], lambda xs: [[x, "1"] for x in xs], caption="1 row")
    >>> print(page.replace("><", ">\\n<"))
    <table>
    <caption>1 row</caption>
    <thead>
    <tr>
    <th style="text-align: left">id</th>
    <th style="text-align: right">n</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td style="text-align: left">&lt;b&gt;</td>
    <td style="text-align: right">1</td>
    </tr>
    </tbody>
    </table>
    >>> page = html_table(["n"], range(100_000), lambda xs: [[str(x)] for x in xs])
    >>> len(page) < 2_000, "… 99,990 more" in page, ">99999</td>" in page
    (True, True, True)
    """
    count = len(items)
    if count > HTML_MAX_ROWS:
        first = list(rows(items[:HTML_END_ROWS]))
        last = list(rows(items[count - HTML_END_ROWS :]))
    else:
        first, last = list(rows(items)), []
    shown = first + last
    aligns = [
        "right" if shown and all(_NUMBER.fullmatch(row[i]) for row in shown) else "left" for i in range(len(headers))
    ]
    styles = [f' style="text-align: {a}"' for a in aligns]

    def write(row: Sequence[str]) -> str:
        return "<tr>" + "".join(f"<td{s}>{html.escape(c)}</td>" for s, c in zip(styles, row, strict=True)) + "</tr>"

    head = "".join(f"<th{s}>{html.escape(h)}</th>" for s, h in zip(styles, headers, strict=True))
    body = "".join(write(row) for row in first)
    if last:
        more = f"… {count - len(shown):,} more"
        body += f'<tr><td colspan="{len(headers)}" style="text-align: left">{more}</td></tr>'
        body += "".join(write(row) for row in last)
    top = f"<caption>{html.escape(caption)}</caption>" if caption is not None else ""
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
