"""Plain-text tables that fit a width, wrapping long cells (for ``repr`` and the command line)."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

__all__ = ["format_table", "html_table"]

_GAP = "  "


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

    >>> print(format_table(["id", "text"], [["a", "one two three four five six"]], width=16))
    id  text
    --  ------------
    a   one two
        three four
        five six
    """
    natural = [
        max([len(h)] + [max((len(x) for x in str(r[i]).splitlines()), default=0) for r in rows])
        for i, h in enumerate(headers)
    ]
    widths = _fit(natural, width)
    lines = [_GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        cells = []
        for cell, w in zip(row, widths, strict=True):
            wrapped = textwrap.wrap(" ".join(str(cell).split()), w, break_long_words=True) or [""]
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
