"""Pausing the cyclic garbage collector during bulk construction."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused(*, promote: bool = False) -> Iterator[None]:
    """Bulk construction makes millions of objects the cyclic collector would scan again and
    again to no purpose (they hold no cycles): pause it, and restore it as it was.

    With ``promote``, the objects made are then moved to the oldest generation at once, as
    if they had survived the young collections: otherwise the next two would each walk all
    of them (a second per million records). Moving is what ``gc.freeze()`` followed by
    ``gc.unfreeze()`` does, without a walk; it is skipped when the program has frozen objects
    of its own, which must stay frozen.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
