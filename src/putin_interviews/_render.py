"""Plain-text tables that fit a width, wrapping long cells (for ``repr`` and the command line),
and the one rule for writing data to a terminal (:func:`printable`)."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence

__all__ = ["format_table", "header", "html_table", "json_printable", "printable"]

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


def header(name: str, count: int, noun: str) -> str:
    """The first line of a table of records or hits: its name and how many, in all
    (``Quotes: 19 quotes``, ``Hits: 1 hit``); the command line's listings and search share it.

    >>> header("Hits", 1, "hit"), header("People", 18, "person")
    ('Hits: 1 hit', 'People: 18 persons')
    """
    return f"{name}: {count} {noun}{'' if count == 1 else 's'}"


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None = None) -> str:
    """An HTML table (for notebooks), every header, cell and the caption escaped.

    >>> print(html_table(["id"], [["<b>"]], caption="1 row").replace("><", ">\\n<"))
    <table>
    <caption>1 row</caption>
    <thead>
    <tr>
    <th>id</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td>&lt;b&gt;</td>
    </tr>
    </tbody>
    </table>
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    top = f"<caption>{html.escape(caption)}</caption>" if caption is not None else ""
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
