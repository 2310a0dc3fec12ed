"""Work over a range of documents, split among worker processes when there is much of it.

Building a search index over a million records is the one job of the package long enough to
share among processors. :func:`over_ranges` splits ``range(size)`` into consecutive ranges and
runs ``work(start, stop)`` on each: the first in this process, each other one in a worker
process forked for it, whose result comes back pickled through a pipe. A forked worker needs
nothing sent to it (it has the parent's memory) and nothing imported. Where forking is not
sound, everything runs here, in one range: on systems without ``fork`` (Windows), on macOS
(whose system libraries may not survive it), and while another thread runs (a fork copies
only the calling thread, and a lock another thread held would stay locked in the worker).
A worker that fails, or cannot be forked, has its range worked here instead: the results are
the same either way, only slower.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

__all__ = ["over_ranges", "parts_for", "processors", "ranges"]

T = TypeVar("T")


def processors() -> int:
    """How many processes :func:`over_ranges` may use: the processors this process may run
    on, or 1 where forking a worker is not sound (see the module's notes).

    >>> processors() >= 1
    True
    """
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return 1
    import threading

    if threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # POSIX without it (the BSDs)
        return os.cpu_count() or 1


def ranges(size: int, parts: int) -> list[tuple[int, int]]:
    """``range(size)`` cut into ``parts`` consecutive ranges as even as can be (the longer
    ones first).

    >>> ranges(10, 3)
    [(0, 4), (4, 7), (7, 10)]
    """
    length, longer = divmod(size, parts)
    cuts = [0]
    for part in range(parts):
        cuts.append(cuts[-1] + length + (part < longer))
    return list(pairwise(cuts))


def parts_for(size: int, per_process: int) -> int:
    """How many ranges :func:`over_ranges` should cut ``size`` into: one for each
    ``per_process``, up to :func:`processors` of them.

    >>> parts_for(10, 100)
    1
    """
    return max(1, min(processors(), size // per_process))


def over_ranges(work: Callable[[int, int], T], size: int, parts: int) -> list[T]:
    """``work(start, stop)`` for ``parts`` consecutive ranges covering ``range(size)``
    (:func:`ranges`), in order, each one but the first worked in a forked process.

    What a worker reads it must not change, not even by taking a reference to it: a page of
    memory shared with this process is copied the moment either writes to it, and CPython
    writes to an object whenever it is referred to (its reference count). A worker reading
    the records themselves would copy most of them, so ``work`` should read a few large
    objects (texts joined beforehand), not many small ones.

    >>> over_ranges(lambda start, stop: (start, stop), 10, 1)
    [(0, 10)]
    """
    if parts == 1:
        return [work(0, size)]
    bounds = ranges(size, parts)
    workers: list[tuple[int, int] | None] = []
    try:
        for start, stop in bounds[1:]:
            workers.append(_fork(work, start, stop))
        results = [work(*bounds[0])]
        for at, (start, stop) in enumerate(bounds[1:]):
            worker, workers[at] = workers[at], None
            found: tuple[T] | None = None if worker is None else _result(*worker)
            results.append(work(start, stop) if found is None else found[0])
        return results
    finally:  # left early (an error, an interrupt): no worker is left behind
        for worker in workers:
            if worker is not None:
                _stop(*worker)


def _fork(work: Callable[[int, int], T], start: int, stop: int) -> tuple[int, int] | None:
    """A worker process computing ``work(start, stop)`` into a pipe: its id and the pipe's
    end to read, or None if none could be started."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the worker: its result, pickled, then gone without running any cleanup
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                pickle.dump((work(start, stop),), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _result(pid: int, read: int) -> tuple[T] | None:
    """What the worker ``pid`` wrote (in a tuple, so that any value is told from none), once
    it has ended well; None if it did not. The worker is ended and waited for in any case."""
    found = None
    try:
        with os.fdopen(read, "rb") as source:
            found = pickle.load(source)
    except Exception:  # cut short: the worker failed or was killed
        pass
    finally:  # also when interrupted: the worker is stopped, not left behind
        code = _reap(pid, kill=found is None)
    return found if code == 0 else None


def _stop(pid: int, read: int) -> None:
    os.close(read)
    _reap(pid, kill=True)


def _reap(pid: int, *, kill: bool) -> int:
    """The exit code of the worker ``pid``, waited for (killed first if ``kill``)."""
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
