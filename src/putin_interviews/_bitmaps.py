"""Sets of documents as bitmaps: Python integers, bit ``doc`` set for each document, so that
intersections and unions run in C (``&``, ``|``)."""

from __future__ import annotations

from array import array
from collections import deque
from itertools import repeat

__all__ = ["bitmap_of", "positions"]

_NONZERO_TO_ONE = bytes([0] + [1] * 255)
_BITS_OF_BYTE = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]


def positions(bitmap: int, size: int, limit: int | None = None) -> list[int]:
    """The set bits of ``bitmap``, in increasing order (the first ``limit`` of them if not
    None): its nonzero bytes are found in C (``bytes.find``), and each one's bits read from a
    table.

    >>> positions(0b1010_0001, 8), positions(1 << 20 | 1 << 9 | 1, 21, limit=2)
    ([0, 5, 7], [0, 9])
    """
    data = bitmap.to_bytes((size + 7) // 8, "little")
    find = data.translate(_NONZERO_TO_ONE).find
    out: list[int] = []
    append = out.append
    at = find(1)
    while at >= 0:
        base = at << 3
        for bit in _BITS_OF_BYTE[data[at]]:
            append(base + bit)
        if limit is not None and len(out) >= limit:
            return out[:limit]
        at = find(1, at + 1)
    return out


def bitmap_of(docs: array[int], size: int) -> int:
    """Bit ``doc`` set for each of ``docs``: a character a document, "1" where one is, read
    as a binary number (all in C).

    >>> bin(bitmap_of(array("I", [0, 5, 7]), 8))
    '0b10100001'
    >>> positions(bitmap_of(array("I", [3, 3, 64]), 65), 65)
    [3, 64]
    """
    digits = bytearray(b"0") * size
    deque(map(digits.__setitem__, docs, repeat(ord("1"))), maxlen=0)
    digits.reverse()
    return int(digits, 2)
