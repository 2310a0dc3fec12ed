"""Atomic file writes: a temporary file in the same directory, flushed to disk, renamed over."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

__all__ = ["write_atomic", "write_text_atomic"]


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a fresh temporary path beside ``path``, fsync it, rename it
    over ``path``. An interrupted or failed write leaves ``path`` as it was, and no
    temporary file behind. The new file gets the old one's permissions, or the usual
    ones (0666 less the umask) when there was none."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (no newline translation), atomically."""
    data = text.encode("utf-8")

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write_atomic(path, write)
