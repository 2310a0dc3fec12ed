"""Plain-text tables that fit a width, wrapping long cells (for ``repr`` and the command line),
and the one rule for writing data to a terminal (:func:`printable`)."""

from __future__ import annotations

import enum
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import argparse

__all__ = [
    "HTML_END_ROWS",
    "HTML_MAX_ROWS",
    "cell_text",
    "format_table",
    "header",
    "help_formatter",
    "html_table",
    "json_lines",
    "json_printable",
    "printable",
    "terminal_width",
]

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
# (Compiled by the re module when first used, as _NUMBER: a table on a terminal needs neither.)
_JSON_UNPRINTABLE = f"[{_LEFT_BY_JSON}]"


def json_printable(text: str) -> str:
    r"""JSON text (from :func:`json.dumps`, which escapes the C0 controls) with DEL, the C1
    controls, the bidi controls and lone surrogates written as ``\uXXXX`` too: the same JSON
    value, safe on a terminal.

    >>> print(json_printable('"\x9b2J\u202e"'))
    "\u009b2J\u202e"
    """
    return re.sub(_JSON_UNPRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", text)


def terminal_width(fallback: int) -> int:
    """The columns of the terminal, as :func:`shutil.get_terminal_size` reckons them (``COLUMNS``
    when it is a positive number, else standard output's terminal), else ``fallback``; without
    importing :mod:`shutil`, which loads the compression modules (a listing's tenth).

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"COLUMNS": "77"}):
    ...     terminal_width(100)
    77
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or fallback


def help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help formatter for ``prog``, as wide as argparse makes it (the terminal's
    width less two, 78 without one), measured by :func:`terminal_width`.

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"COLUMNS": "60"}):
    ...     help_formatter("prog")._width
    58
    """
    import argparse

    return argparse.HelpFormatter(prog, width=terminal_width(80) - 2)


def json_lines(values: Iterable[object], indent: int | None = None) -> str:
    r"""``values`` as JSON text, one to a line (``indent``: each spread over lines so indented),
    UTF-8 characters as they are, safe on a terminal (:func:`json_printable`).

    >>> print(json_lines([{"a": "é"}, ["\x9b"]]))
    {"a": "é"}
    ["\u009b"]
    >>> print(json_lines([[1]], indent=2))
    [
      1
    ]
    """
    import json  # (loaded by what writes JSON: listing quotations as a table loads none)

    return json_printable("\n".join(json.dumps(v, ensure_ascii=False, indent=indent) for v in values))


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


#: A word no table breaks or cuts: an id or a URL (punctuation around it aside).
_WHOLE = re.compile(r"[\W_]*(?:[a-z0-9]+(?:[-_.][a-z0-9]+)+|[a-z][a-z0-9+.-]*://\S+?)[\W_]*", re.I)
#: The narrowest a column of free text gets for its longest word: a longer word (not an id
#: or URL) is cut with "…" rather than widen the column.
_WORD = 16


def _least(header: str, cells: Sequence[str]) -> int:
    """The narrowest a column may be: its header, every id and URL, and its other words up
    to :data:`_WORD` characters, each on one line."""
    least = len(header)
    for cell in cells:
        for word in cell.split():
            least = max(least, len(word) if len(word) <= _WORD or _WHOLE.fullmatch(word) else _WORD)
    return least


def _fit(natural: list[int], least: list[int], width: int) -> list[int]:
    """Shrink the widest columns that can shrink until the row fits ``width``; a column never
    goes below its ``least`` (so a table of long ids may be wider than ``width``)."""
    fitted = list(natural)
    budget = width - len(_GAP) * (len(natural) - 1)
    excess = sum(fitted) - budget
    while excess > 0:
        shrinkable = [i for i in range(len(fitted)) if fitted[i] > least[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: fitted[i])
        fitted[widest] -= 1
        excess -= 1
    return fitted


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width``, broken at spaces only (not at hyphens, never
    inside a word); a word longer than ``width`` (only free text: see :func:`_least`) ends
    in "…"."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
    return [line if len(line) <= width else line[: max(width - 1, 0)] + "…" for line in lines]


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int = 100, max_lines: int | None = None
) -> str:
    """Format ``rows`` under ``headers`` in columns that fit ``width`` characters.

    Long cells wrap at spaces only: an id or URL is never broken, nor cut (its column is as
    wide as it needs, even if the table is then wider than ``width``), nor is a hyphenated
    word. With ``max_lines`` a cell longer than that many lines ends in "…". White space in
    a cell (newlines too) is folded, and what is left is made :func:`printable`, so a table
    is safe to write to a terminal.

    >>> print(format_table(["id", "text"], [["a", "one two three four five six"]], width=16))
    id  text
    --  ------------
    a   one two
        three four
        five six
    >>> print(format_table(["id", "text"], [["lz-part-1-hawk", "a well-known hawk"]], width=20))
    id              text
    --------------  ----------
    lz-part-1-hawk  a
                    well-known
                    hawk
    """
    headers = [printable(h) for h in headers]
    texts = [[printable(" ".join(str(cell).split())) for cell in row] for row in rows]
    columns = [[row[i] for row in texts] for i in range(len(headers))]
    natural = [max([len(h)] + [len(c) for c in column]) for h, column in zip(headers, columns, strict=True)]
    least = [_least(h, column) for h, column in zip(headers, columns, strict=True)]
    widths = _fit(natural, least, width)
    lines = [_GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append(_GAP.join("-" * w for w in widths))
    for row in texts:
        cells = []
        for cell, w in zip(row, widths, strict=True):
            wrapped = _wrap(cell, w)
            if max_lines is not None and len(wrapped) > max_lines:
                wrapped = wrapped[:max_lines]
                wrapped[-1] = wrapped[-1][: max(w - 1, 0)].rstrip() + "…"
            cells.append(wrapped)
        for i in range(max(len(c) for c in cells)):
            lines.append(
                _GAP.join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            )
    return "\n".join(lines)


_PLURALS = {"person": "people"}


def table_text(
    head: str,
    headers: Sequence[str],
    items: Sequence[T],
    rows: Callable[[Sequence[T]], Sequence[Sequence[str]]],
    limit: int | None,
    width: int,
    max_lines: int | None,
) -> str:
    """A collection as text: its ``head`` line, a table of its first ``limit`` items (one row
    each as ``rows`` writes them), and how many more there are.

    >>> print(table_text("Numbers: 3", ["n"], [1, 2, 3], lambda xs: [[str(x)] for x in xs], 2, 40, None))
    Numbers: 3
    n
    -
    1
    2
    … 1 more
    """
    shown = items if limit is None else items[:limit]
    if not shown:
        return head
    body = format_table(list(headers), rows(shown), width=width, max_lines=max_lines)
    more = f"\n… {len(items) - len(shown):,} more" if len(shown) < len(items) else ""
    return f"{head}\n{body}{more}"


def header(name: str, count: int, noun: str) -> str:
    """The first line of a table of records or hits: its name and how many, in all
    (``Quotes: 19 quotes``, ``Hits: 1 hit``); the command line's listings and search share it.

    >>> header("Hits", 1, "hit"), header("Quotes", 100_000, "quote")
    ('Hits: 1 hit', 'Quotes: 100,000 quotes')
    """
    return f"{name}: {count:,} {noun if count == 1 else _PLURALS.get(noun, noun + 's')}"


#: An HTML table of more rows than this shows its first and last ``HTML_END_ROWS`` rows and
#: how many are left out between them, as pandas does (``display.max_rows`` and ``min_rows``).
HTML_MAX_ROWS = 60
HTML_END_ROWS = 5

_NUMBER = r"-?[0-9][0-9,]*(\.[0-9]+)?"


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
    import html  # (HTML only: not for the command line's tables)

    count = len(items)
    if count > HTML_MAX_ROWS:
        first = list(rows(items[:HTML_END_ROWS]))
        last = list(rows(items[count - HTML_END_ROWS :]))
    else:
        first, last = list(rows(items)), []
    shown = first + last
    aligns = [
        "right" if shown and all(re.fullmatch(_NUMBER, row[i]) for row in shown) else "left"
        for i in range(len(headers))
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
