"""Plain-text tables that fit a width, wrapping long cells (for ``repr`` and the command line),
and the one rule for writing data to a terminal (:func:`printable`)."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence

__all__ = ["format_table", "html_table", "json_printable", "printable"]

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
