"""Pausing the cyclic garbage collector during bulk construction."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Bulk construction makes millions of objects the cyclic collector would scan again and
    again to no purpose (they hold no cycles): pause it, and restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
