"""Building the search index over ranges of documents, in worker processes: the same index
as one range in one process, whatever the ranges, the fields or the failures."""

from __future__ import annotations

import contextlib
import faulthandler
import os
import re
import signal
import threading
import warnings
from array import array
from collections.abc import Iterator
from itertools import pairwise
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from putin_interviews import _occurrences, _workers
from putin_interviews._occurrences import Keyed, Occurrences, joined, of_fields
from putin_interviews._search import InvertedIndex

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked (POSIX)")

# Words of every kind a text holds: plurals, accents, marks, another script, and a lone
# surrogate (which JSON may carry, and the memory shared with workers must too).
_WORDS = [
    *("putin", "the", "the", "wars", "war", "women", "woman", "Kelly’s", "détente", "—", "Путин", "a\ud800b"),
    *("war\nday", "😀 days", "x\r\ny"),  # line breaks inside a text; a character beyond 16 bits
]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join)
_KEYS = ["putin", "stone", "kelly", "us-politics", "syria"]
_NAMES = {"putin": "Vladimir Putin", "stone": "Oliver Stone", "kelly": "Megyn Kelly’s", "syria": "Syria wars"}


@pytest.fixture
def processors() -> Iterator[None]:
    """As if the machine had three processors to fork workers on, whatever it has."""
    with mock.patch.object(_workers, "processors", return_value=3):
        yield


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def _pipes() -> int:
    """The pipes this process has open (Linux)."""
    pipes = 0
    for fd in _open_fds():
        with contextlib.suppress(FileNotFoundError):  # the one the listing itself used
            pipes += os.readlink(f"/proc/self/fd/{fd}").startswith("pipe:")
    return pipes


def _started(workers: list[int]) -> mock._patch[object]:
    """``_workers._fork`` noting the process id of each worker it starts in ``workers``."""
    fork = _workers._fork

    def noted(work: object, start: int, stop: int, listed: list[_workers._Worker[object] | None]) -> None:
        fork(work, start, stop, listed)  # type: ignore[arg-type]
        worker = listed[-1]
        assert worker is not None
        workers.append(worker.pid)

    return mock.patch.object(_workers, "_fork", noted)


def _gone(pids: list[int]) -> bool:
    """Whether each process has ended and been waited for (no zombie left)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@needs_fork
def test_each_range_but_the_first_is_worked_in_a_worker_process(processors: None) -> None:
    found = _workers.over_ranges(lambda start, stop: (start, stop, os.getpid()), 10, 3)
    assert [(start, stop) for start, stop, _ in found] == [(0, 4), (4, 7), (7, 10)]
    pids = [pid for _, _, pid in found]
    assert pids[0] == os.getpid()
    assert len(set(pids)) == 3


@needs_fork
@pytest.mark.parametrize("failure", ["raises", "killed", "exits"])
def test_a_failed_worker_has_its_range_worked_here(processors: None, failure: str) -> None:
    parent = os.getpid()

    def work(start: int, stop: int) -> tuple[int, int, int]:
        if os.getpid() != parent:  # in a worker
            if failure == "raises":
                raise RuntimeError("worker failed")
            if failure == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(0)  # ended well, but wrote nothing
        return start, stop, os.getpid()

    pids: list[int] = []
    with _started(pids), pytest.warns(RuntimeWarning, match="PUTIN_INTERVIEWS_WORKERS=1") as warned:
        assert _workers.over_ranges(work, 10, 3) == [(0, 4, parent), (4, 7, parent), (7, 10, parent)]
    assert len(warned) == 2  # one for each worker
    assert _gone(pids)


@needs_fork
@pytest.mark.parametrize("where", ["working", "reading"])
def test_no_worker_or_pipe_is_left_behind_when_this_process_is_interrupted(processors: None, where: str) -> None:
    # Interrupted while doing its own range, or while reading a worker's result.
    parent = os.getpid()
    before = _open_fds()

    def work(start: int, stop: int) -> int:
        if os.getpid() == parent and where == "working":
            raise KeyboardInterrupt
        return start

    pids: list[int] = []
    interrupted = mock.patch("pickle.load", side_effect=KeyboardInterrupt) if where == "reading" else mock.MagicMock()
    with _started(pids), interrupted, pytest.raises(KeyboardInterrupt):
        _workers.over_ranges(work, 10, 3)
    assert len(pids) == 2
    assert _gone(pids)
    assert _open_fds() == before


@needs_fork
def test_a_worker_runs_none_of_the_programs_signal_handlers(processors: None) -> None:
    def handler(number: int, frame: object) -> None:
        raise AssertionError("the program's handler")

    def work(start: int, stop: int) -> str:
        return repr(signal.getsignal(signal.SIGTERM))

    was = signal.signal(signal.SIGTERM, handler)
    try:
        found = _workers.over_ranges(work, 10, 3)
    finally:
        signal.signal(signal.SIGTERM, was)
    assert found[0] == repr(handler)  # here, the program's own
    assert found[1:] == [repr(signal.SIG_DFL)] * 2  # in the workers, dropped


@needs_fork
@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc (Linux)")
def test_a_worker_holds_no_other_workers_pipe(processors: None) -> None:
    # Each worker has its own pipe's end to write, and nothing of the pipes before it: a
    # worker holding another's would keep that one's pipe open after this process is gone.
    before = _pipes()
    found = _workers.over_ranges(lambda start, stop: _pipes(), 10, 3)
    assert found[1:] == [before + 1, before + 1]


@needs_fork
def test_nothing_is_forked_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _workers.processors() == 1
        with (
            mock.patch.object(_occurrences, "_PER_PROCESS", 1),
            mock.patch.object(_occurrences, "_CHUNK", 1),
            mock.patch.object(os, "fork", side_effect=AssertionError("forked")),
        ):
            assert _as_lists(of_fields([["war", "wars", "a war"]], 3)) == [{"war": [0, 1, 2], "a": [2]}]
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_a_c_librarys_own_thread_does_not_stop_the_workers() -> None:
    # faulthandler's watchdog is a thread of C, as a numerical library's pool is (importing
    # pandas starts one): it takes no lock a worker needs, and workers are forked beside it,
    # with no warning (Python 3.12 and later warn of any thread when forking).
    faulthandler.dump_traceback_later(3600)
    try:
        assert _workers._threads() == 1  # the threads that count
        with mock.patch.object(_workers, "processors", return_value=2), warnings.catch_warnings():
            warnings.simplefilter("error")
            found = _workers.over_ranges(lambda start, stop: os.getpid(), 10, 2)
        assert found[0] != found[1]
    finally:
        faulthandler.cancel_dump_traceback_later()


@needs_fork
@pytest.mark.parametrize("disposition", ["ignored", "handled"])
def test_nothing_is_forked_when_the_program_reaps_its_children(disposition: str) -> None:
    # A program that ignores SIGCHLD, or waits for ended children in a handler, would take
    # a worker's exit: no worker then, and the index is built here.
    def reap(number: int, frame: object) -> None:
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass

    was = signal.signal(signal.SIGCHLD, signal.SIG_IGN if disposition == "ignored" else reap)
    try:
        assert _workers.processors() == 1
        with mock.patch.object(_occurrences, "_PER_PROCESS", 1), mock.patch.object(_occurrences, "_CHUNK", 1):
            index = InvertedIndex(3, [(["war", "wars", "a war"], 1.0)])
        assert [doc for doc, _, _ in index.query("war")] == [0, 1, 2]
    finally:
        signal.signal(signal.SIGCHLD, was)


def test_the_environment_caps_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_workers.ENVIRONMENT, "1")
    assert _workers.processors() == 1
    monkeypatch.setenv(_workers.ENVIRONMENT, " 1 ")
    assert _workers.processors() == 1
    monkeypatch.setenv(_workers.ENVIRONMENT, "64")
    monkeypatch.delenv(_workers.ENVIRONMENT)
    unset = _workers.processors()
    monkeypatch.setenv(_workers.ENVIRONMENT, "64")
    assert _workers.processors() == unset  # a cap, not more processes than there are
    for wrong in ["0", "two", "-1", "1.5"]:
        monkeypatch.setenv(_workers.ENVIRONMENT, wrong)
        with pytest.raises(
            ValueError, match=rf"PUTIN_INTERVIEWS_WORKERS must be a whole number .*not '{re.escape(wrong)}'"
        ):
            _workers.processors()


@needs_fork
def test_a_keyed_field_alone_forks_no_worker(processors: None) -> None:
    keyed = Keyed([["putin", "stone", None, "putin"]], _NAMES)
    with (
        mock.patch.object(_occurrences, "_PER_PROCESS", 1),
        mock.patch.object(_occurrences, "_CHUNK", 1),
        mock.patch.object(os, "fork", side_effect=AssertionError("forked")),
    ):
        assert _as_lists(of_fields([keyed], 4)) == [{"vladimir": [0, 3], "putin": [0, 3], "oliver": [1], "stone": [1]}]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=64))
def test_ranges_cover_every_document_once_in_order(size: int, parts: int) -> None:
    bounds = _workers.ranges(size, parts)
    assert len(bounds) == parts
    assert bounds[0][0] == 0
    assert bounds[-1][1] == size
    assert all(stop == start for (_, stop), (start, _) in pairwise(bounds))
    lengths = [stop - start for start, stop in bounds]
    assert max(lengths) - min(lengths) <= 1
    assert lengths == sorted(lengths, reverse=True)


def _as_lists(found: list[Occurrences]) -> list[dict[str, list[int]]]:
    """Each word's documents, joined, and checked to be in order."""
    out = []
    for occurrences in found:
        words = {}
        for word, runs in occurrences.items():
            docs = joined(runs, word in occurrences.unordered)
            assert list(docs) == sorted(docs), word  # a word not marked unordered is in order
            words[word] = list(docs)
        out.append(words)
    return out


_COLUMN = st.sampled_from([None, *_KEYS])
_TUPLE = st.lists(st.sampled_from(_KEYS), max_size=3).map(tuple)


@given(
    st.lists(st.tuples(_TEXT, _TEXT, _COLUMN, _COLUMN, _TUPLE), max_size=40),
    st.sampled_from([1, 2, 7, 10**6]),
    st.sampled_from([1, 3, 50_000]),
)
def test_fields_over_ranges_are_found_as_in_one(
    rows: list[tuple[str, str, str | None, str | None, tuple[str, ...]]], per_process: int, chunk: int
) -> None:
    # Two text columns and a keyed field (two columns of one key, one of several), built in
    # one range, or in up to three forked workers, folded in chunks of any size: the same
    # words, each with the same documents; and a keyed field finds what its texts would.
    # Every worker succeeds (a failed one would be made up for here, unseen).
    texts = [[row[0] for row in rows], [row[1] for row in rows]]
    keyed = Keyed([[row[2] for row in rows], [row[3] for row in rows], [row[4] for row in rows]], _NAMES)
    fields: list[list[str] | Keyed] = [*texts, keyed]
    expected = _as_lists(of_fields([*texts, list(keyed)], len(rows)))
    with (
        mock.patch.object(_workers, "processors", return_value=3 if hasattr(os, "fork") else 1),
        mock.patch.object(_occurrences, "_PER_PROCESS", per_process),
        mock.patch.object(_occurrences, "_CHUNK", chunk),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("error", RuntimeWarning)  # a worker failing (and made up for here)
        assert _as_lists(of_fields(fields, len(rows))) == expected


@given(st.lists(st.tuples(_COLUMN, _TUPLE), max_size=30), st.sampled_from([*_WORDS, "syria war", "putin stone"]))
def test_a_keyed_field_ranks_as_its_texts(rows: list[tuple[str | None, tuple[str, ...]]], query: str) -> None:
    keyed = Keyed([[row[0] for row in rows], [row[1] for row in rows]], _NAMES)
    by_keys = InvertedIndex(len(rows), [(keyed, 0.25)])
    by_texts = InvertedIndex(len(rows), [(list(keyed), 0.25)])
    assert by_keys.query(query) == by_texts.query(query)
    assert by_keys.query(query, 2) == by_texts.query(query, 2)


@needs_fork
def test_without_memory_to_share_one_process_does_it_all(processors: None) -> None:
    texts = ["the war", "a day", "the days"] * 4
    with (
        mock.patch.object(_occurrences, "_PER_PROCESS", 2),
        mock.patch.object(_occurrences, "_CHUNK", 3),
        mock.patch("mmap.mmap", side_effect=OSError("no memory")),
        mock.patch.object(_workers, "_fork", side_effect=AssertionError("forked")),
    ):
        found = of_fields([texts], len(texts))
    assert _as_lists(found) == [
        {"the": [0, 2, 3, 5, 6, 8, 9, 11], "war": [0, 3, 6, 9], "a": [1, 4, 7, 10], "day": [1, 2, 4, 5, 7, 8, 10, 11]}
    ]


def test_runs_out_of_order_are_marked_and_joined_in_order() -> None:
    found = Occurrences()
    found.add("war", array("I", [1, 4]))
    found.add("war", array("I", [4, 6]))  # after: still in order (a document said twice)
    found.add("day", array("I", [5]))
    found.add("day", array("I", [2, 3]))
    assert found.unordered == {"day"}
    assert joined(found["war"], False) == array("I", [1, 4, 4, 6])
    assert joined(found["day"], True) == array("I", [2, 3, 5])
