"""Work over a range of documents, split among worker processes when there is much of it.

Building a search index over a million records is the one job of the package long enough to
share among processors. :func:`over_ranges` splits ``range(size)`` into consecutive ranges and
runs ``work(start, stop)`` on each: the first in this process, each other one in a worker
process forked for it, whose result comes back pickled through a pipe. A forked worker needs
nothing sent to it (it has the parent's memory) and nothing imported.

Where forking is not sound, everything runs here, in one range (:func:`processors`): on
systems without ``fork`` (Windows), on macOS (whose system libraries may not survive it),
while another Python thread runs (a fork copies only the calling thread, and a lock another
thread held would stay locked in the worker), and when the program has its own way with ended
child processes (``SIGCHLD`` not left as it was), which could take a worker's exit from us.
Threads a C library started for itself (a numerical library's pool, say: importing pandas
starts one) are let be: a worker takes none of their locks (the interpreter makes its own
anew in a forked child, the C library its memory allocator's), and Python's multiprocessing,
forking by default on Linux until Python 3.14, has always forked beside them. The
environment variable ``PUTIN_INTERVIEWS_WORKERS`` caps the number of processes (1: none
forked).

A worker runs none of the program's code: signals are held while it is forked, and it
drops the program's signal handlers before taking any; it ends with ``os._exit``, running no
clean-up of the program's. A worker that fails, or cannot be forked, has its range worked
here instead, with a :class:`RuntimeWarning`: the results are the same either way, only
slower. A worker is ended and waited for on every way out (an error, an interrupt).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Generic, NoReturn, TypeVar

__all__ = ["ENVIRONMENT", "over_ranges", "parts_for", "processors", "ranges"]

T = TypeVar("T")

#: The environment variable capping the processes building an index (1: no worker forked).
ENVIRONMENT = "PUTIN_INTERVIEWS_WORKERS"


def processors() -> int:
    """How many processes :func:`over_ranges` may use: the processors this process may run
    on (at most ``PUTIN_INTERVIEWS_WORKERS`` if set), or 1 where forking a worker is not
    sound (see the module's notes).

    >>> processors() >= 1
    True
    """
    cap = _cap()
    if cap == 1 or not hasattr(os, "fork") or sys.platform == "darwin" or _threads() > 1:
        return 1
    if signal.getsignal(signal.SIGCHLD) is not signal.SIG_DFL:
        return 1
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # POSIX without it (the BSDs)
        available = os.cpu_count() or 1
    return available if cap is None else min(cap, available)


def _cap() -> int | None:
    value = os.environ.get(ENVIRONMENT, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(
            f"the environment variable {ENVIRONMENT} must be a whole number of processes, "
            f"at least 1 (1: build search indexes in this process only), not {value!r}"
        )
    return int(value)


def _threads() -> int:
    """The threads of this process that run Python code (:mod:`threading`'s)."""
    import threading

    return threading.active_count()


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
    workers: list[_Worker[T] | None] = []
    try:
        for start, stop in bounds[1:]:
            _fork(work, start, stop, workers)
        results = [work(*bounds[0])]
        for worker, (start, stop) in zip(workers, bounds[1:], strict=True):
            found = None if worker is None else worker.result()
            if found is None:
                warnings.warn(
                    f"a worker process building part of a search index failed; this process did its part "
                    f"(set {ENVIRONMENT}=1 to build in one process)",
                    RuntimeWarning,
                    stacklevel=2,
                )
            results.append(work(start, stop) if found is None else found[0])
        return results
    finally:  # every way out: no worker left running, unwaited for, or with a pipe open
        for worker in workers:
            if worker is not None:
                worker.end()


@contextlib.contextmanager
def _signals_held() -> Iterator[set[int | signal.Signals]]:
    """Signals held (delivered once this ends), so that no handler of the program's runs
    in between; gives the signals held before."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    try:
        yield before
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class _Worker(Generic[T]):
    """A forked worker: its process and the end of its pipe this process reads."""

    __slots__ = ("pid", "read")

    def __init__(self, pid: int, read: int) -> None:
        self.pid = pid
        self.read: int | None = read

    def result(self) -> tuple[T] | None:
        """What the worker wrote (in a tuple, so that any value is told from none), or None
        if it failed. The worker is then ended and waited for."""
        assert self.read is not None
        try:
            with os.fdopen(self.read, "rb", closefd=False) as source:
                found: tuple[T] | None = pickle.load(source)
        except Exception:  # cut short: the worker failed or was killed
            found = None
        self.end(kill=found is None)
        return found

    def end(self, *, kill: bool = True) -> None:
        """End the worker (killed if ``kill``), wait for it and close its pipe, unless done
        already; with signals held, so that a second interrupt cannot leave it behind."""
        with _signals_held():
            if self.read is None:
                return
            os.close(self.read)
            self.read = None
            with contextlib.suppress(ProcessLookupError, ChildProcessError):  # taken by the program
                if kill:
                    os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)


def _fork(work: Callable[[int, int], T], start: int, stop: int, workers: list[_Worker[T] | None]) -> None:
    """Fork a worker computing ``work(start, stop)`` into a pipe, and add it to ``workers``
    (None if it could not be started). Signals are held meanwhile, so that the worker is
    listed before anything can interrupt this process, and none reaches the worker before it
    has dropped the program's handlers."""
    with _signals_held() as before:
        try:
            read, write = os.pipe()
        except OSError:  # no file descriptor left
            workers.append(None)
            return
        try:
            with warnings.catch_warnings():  # no other Python thread runs (processors())
                # Python 3.12 and later warn of any thread, a C library's too: see the module's notes.
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            workers.append(None)
            return
        if pid == 0:
            others = [worker.read for worker in workers if worker is not None and worker.read is not None]
            _in_worker(work, start, stop, write, before, [read, *others])
        os.close(write)
        workers.append(_Worker(pid, read))


def _in_worker(
    work: Callable[[int, int], T], start: int, stop: int, write: int, mask: set[int | signal.Signals], others: list[int]
) -> NoReturn:
    """The forked worker, signals held: the program's signal handlers dropped (a signal now
    ends the worker, which this process sees), the other pipes closed, the signals held
    before restored, the result pickled into ``write``, then gone without running any
    clean-up of the program's."""
    code = 1
    try:
        for number in signal.valid_signals():
            if callable(signal.getsignal(number)):
                signal.signal(number, signal.SIG_DFL)
        with contextlib.suppress(ValueError):  # not the main thread: there is none to drop
            signal.set_wakeup_fd(-1)
        for fd in others:
            os.close(fd)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        with os.fdopen(write, "wb") as out:
            pickle.dump((work(start, stop),), out, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)
