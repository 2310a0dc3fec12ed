"""Building the search index over ranges of documents, in worker processes: the same index
as one range in one process, whatever the ranges, the fields or the failures."""

from __future__ import annotations

import os
import signal
import threading
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
_WORDS = ["putin", "the", "the", "wars", "war", "women", "woman", "Kelly’s", "détente", "—", "Путин", "a\ud800b"]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join)
_KEYS = ["putin", "stone", "kelly", "us-politics", "syria"]
_NAMES = {"putin": "Vladimir Putin", "stone": "Oliver Stone", "kelly": "Megyn Kelly’s", "syria": "Syria wars"}


@pytest.fixture
def processors() -> Iterator[None]:
    """As if the machine had three processors to fork workers on, whatever it has."""
    with mock.patch.object(_workers, "processors", return_value=3):
        yield


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

    assert _workers.over_ranges(work, 10, 3) == [(0, 4, parent), (4, 7, parent), (7, 10, parent)]


@needs_fork
def test_no_worker_is_left_behind_when_this_process_fails(processors: None) -> None:
    started: list[int] = []
    fork = _workers._fork

    def counted(*args: object) -> tuple[int, int] | None:
        worker = fork(*args)  # type: ignore[arg-type]
        assert worker is not None
        started.append(worker[0])
        return worker

    parent = os.getpid()

    def work(start: int, stop: int) -> int:
        if os.getpid() == parent:
            raise KeyboardInterrupt
        return start

    with mock.patch.object(_workers, "_fork", counted), pytest.raises(KeyboardInterrupt):
        _workers.over_ranges(work, 10, 3)
    assert len(started) == 2
    for pid in started:  # ended and waited for: no such process, not even a zombie
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_nothing_is_forked_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _workers.processors() == 1
        with mock.patch.object(os, "fork", side_effect=AssertionError("forked")):
            assert _workers.over_ranges(lambda start, stop: (start, stop), 10**6, 1) == [(0, 10**6)]
    finally:
        stop.set()
        thread.join()


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
        mock.patch.object(_workers, "_result", side_effect=_succeeded),
    ):
        assert _as_lists(of_fields(fields, len(rows))) == expected


_RESULT = _workers._result


def _succeeded(pid: int, read: int) -> object:
    found: object = _RESULT(pid, read)
    assert found is not None, "a worker failed"
    return found


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
