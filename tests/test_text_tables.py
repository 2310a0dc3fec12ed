"""Plain-text tables (:func:`format_table`, the command line's and ``repr``'s): text breaks at
spaces only, and an id or URL is never broken or cut, whatever the width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from putin_interviews._render import format_table

_SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){1,5}", fullmatch=True)
_URL = st.builds(lambda host, path: f"https://{host}.com/{path}/", _SLUG, _SLUG)
_WORD = st.from_regex(r"[A-Za-z’,.]{1,16}", fullmatch=True)
_TEXT = st.lists(st.one_of(_WORD, _SLUG, _URL), min_size=1, max_size=12).map(" ".join)


def _columns(table: str, count: int) -> list[list[str]]:
    """Each row's cells, read back from the table: a cell's lines joined with spaces."""
    lines = table.splitlines()
    widths = [len(dashes) for dashes in lines[1].split("  ")]
    starts = [sum(widths[:i]) + 2 * i for i in range(count)]
    rows: list[list[list[str]]] = []
    for line in lines[2:]:
        cells = [line[s : s + w].strip() for s, w in zip(starts, widths, strict=True)]
        if cells[0]:
            rows.append([[] for _ in range(count)])
        for i, cell in enumerate(cells):
            if cell:
                rows[-1][i].append(cell)
    return [[" ".join(parts) for parts in row] for row in rows]


@given(
    rows=st.lists(st.tuples(_SLUG, _TEXT, _URL), min_size=1, max_size=5),
    width=st.integers(min_value=10, max_value=120),
)
def test_cells_read_back_whole_at_any_width(rows: list[tuple[str, str, str]], width: int) -> None:
    table = format_table(["id", "text", "url"], [list(r) for r in rows], width=width)
    assert _columns(table, 3) == [list(r) for r in rows]
    least = [
        max(2, *(len(r[0]) for r in rows)),
        max(4, *(len(w) for r in rows for w in r[1].split())),
        max(3, *(len(r[2]) for r in rows)),
    ]
    assert max(len(line) for line in table.splitlines()) <= max(width, sum(least) + 4)


def test_known_narrow_table() -> None:
    rows = [["deadline-colbert-no-followup", "You have to be polite, because this was a two-year deal"]]
    assert format_table(["id", "text"], rows, width=50).splitlines() == [
        "id                            text",
        "----------------------------  --------------------",
        "deadline-colbert-no-followup  You have to be",
        "                              polite, because this",
        "                              was a two-year deal",
    ]


def test_a_long_word_of_free_text_is_cut_not_an_id() -> None:
    word = "Supercalifragilisticexpialidocious"
    table = format_table(["id", "text"], [["an-id-that-is-long-enough", f"so {word} it"]], width=30)
    assert "an-id-that-is-long-enough" in table.split()
    assert word not in table
    assert "Supercalifragil…" in table.split()
