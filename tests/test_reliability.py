"""Misuse and hostile input around the library (issue 14): each case failed before its fix."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import putin_interviews as pi


@pytest.mark.parametrize("limit", [-1, -5])
def test_a_negative_search_limit_is_refused_naming_the_parameter(limit: int) -> None:
    # limit=-1 used to drop the last hit.
    for search in (pi.search, pi.dataset().quotes.search, pi.dataset().quotes.hits):
        with pytest.raises(ValueError, match=f"limit must be 0 or more, not {limit}"):
            search("hope", limit=limit)


@pytest.mark.parametrize("limit", [True, 1.5, "3"])
def test_a_search_limit_that_is_not_a_count_is_a_type_error(limit: object) -> None:
    # limit=True used to mean 1.
    with pytest.raises(TypeError, match="limit must be an int or None"):
        pi.search("hope", limit=limit)  # type: ignore[arg-type]


def test_search_limits_zero_and_more_keep_their_meaning() -> None:
    every = pi.search("putin")
    assert len(every) > 3
    assert pi.search("putin", limit=0) == ()
    assert [h.record.id for h in pi.search("putin", limit=3)] == [h.record.id for h in every[:3]]


def test_a_child_forked_while_a_thread_builds_a_cache_can_load_the_data() -> None:
    # The lock of the caches is held by a thread (as while the bundled data loads) when the
    # process forks: the child must not wait for a thread it does not have.
    code = textwrap.dedent(
        """
        import os, threading
        import putin_interviews as pi
        from putin_interviews import _once
        held, release = threading.Event(), threading.Event()
        def build():
            with _once._LOCK:
                held.set()
                release.wait()
        thread = threading.Thread(target=build)
        thread.start()
        held.wait()
        pid = os.fork()
        if pid == 0:
            os._exit(0 if len(pi.dataset().quotes) == 57 else 3)
        release.set()
        thread.join()
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "0", result.stderr


def test_the_fold_cache_stays_bounded_after_every_code_point() -> None:
    from putin_interviews import _search

    text = "".join(chr(c) for c in range(0x100, 0x100 + 3 * _search._FOLD_CACHE) if chr(c).isprintable())
    first = _search.normalize(text)
    assert len(_search._FOLDED) <= _search._FOLD_CACHE
    assert _search.normalize(text) == first  # folding is the same, cached or not
    assert _search.normalize("Détente") == "detente"
