"""Misuse and hostile input around the library (issue 14): each case failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

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
            os._exit(0 if len(pi.dataset().quotes) == 77 else 3)
        release.set()
        thread.join()
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "0", result.stderr


def test_the_fold_cache_stays_bounded_after_every_code_point() -> None:
    from putin_interviews import _fold

    text = "".join(chr(c) for c in range(0x100, 0x100 + 3 * _fold._FOLD_CACHE) if chr(c).isprintable())
    first = _fold.normalize(text)
    assert len(_fold._FOLDED) <= _fold._FOLD_CACHE
    assert _fold.normalize(text) == first  # folding is the same, cached or not
    assert _fold.normalize("Détente") == "detente"


# ------------------------------------------------------------------ reading

DATA = Path(__file__).parent / "data"


def test_a_fifo_no_one_writes_to_is_read_as_empty_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # In a child with a timeout: this used to block forever, waiting for a writer.
    code = (
        "import putin_interviews as pi\n"
        f"try:\n    pi.load({str(fifo)!r})\n"
        "except pi.DatasetError as e:\n"
        "    print(e.problems)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False)
    assert result.stdout.strip() == "(Problem(path='$', message='empty: no JSON at all'),)", result.stderr


def test_a_fifo_is_read_to_its_end_like_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    data = (DATA / "good.json").read_bytes()
    import threading

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(0.05)  # the writer is waiting on the FIFO, or about to
        loaded = _load_when_written(fifo)
    finally:
        writer.join(timeout=10)
    assert loaded == pi.load(DATA / "good.json")


def _load_when_written(fifo: Path) -> pi.Dataset:
    # Opening the FIFO before the writer has it open reads nothing: try again briefly.
    for _ in range(100):
        try:
            return pi.load(fifo)
        except pi.DatasetError:
            time.sleep(0.02)
    raise AssertionError("the FIFO never delivered the data")


def test_a_device_is_refused_before_anything_is_read() -> None:
    # In a child limited to 1 GiB and 30 s: this used to read /dev/zero until memory ran out.
    code = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "import putin_interviews as pi\n"
        "try:\n"
        "    pi.load('/dev/zero')\n"
        "except pi.DatasetError as e:\n"
        "    print(e.source, e.problems)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False)
    expected = "/dev/zero (Problem(path='$', message='is a character device, not a dataset file'),)"
    assert result.stdout.strip() == expected, result.stderr[-500:]


def test_a_pipe_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    code = (
        "import putin_interviews as pi\n"
        "try:\n"
        "    pi.load('/dev/stdin', max_bytes=1000)\n"
        "except pi.DatasetError as e:\n"
        "    print(e.problems[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=b"x" * 50_000, capture_output=True, timeout=60, check=False
    )
    assert result.stdout.decode().strip() == "$: more than the limit of 1000 bytes (max_bytes)"


def test_the_data_flag_refuses_a_device_in_one_line() -> None:
    script = Path(sys.executable).with_name("putin-interviews")
    result = subprocess.run(
        [str(script), "--data", "/dev/zero", "quotes"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr == "putin-interviews: error: /dev/zero: $: is a character device, not a dataset file\n"


# ------------------------------------------------------------------ what the exports must write


@pytest.mark.parametrize("name", ["lone-surrogate.json", "huge-integer.json", "quote-listed-twice.json"])
def test_what_an_export_cannot_write_is_refused_at_load_on_both_parsers(name: str) -> None:
    from .conftest import no_orjson

    expected = json.loads((DATA / "bad" / "expected.json").read_text("utf-8"))[name]
    data = (DATA / "bad" / name).read_bytes()
    with pytest.raises(pi.DatasetError) as default:
        pi.loads(data)
    with no_orjson(), pytest.raises(pi.DatasetError) as stdlib:
        pi.loads(data)
    assert [str(p) for p in default.value.problems] == [str(p) for p in stdlib.value.problems] == expected


def test_the_fast_path_refuses_what_the_exports_cannot_write() -> None:
    from putin_interviews import _codegen, _load

    for name in ("lone-surrogate.json", "huge-integer.json", "quote-listed-twice.json"):
        raw = json.loads((DATA / "bad" / name).read_text("utf-8", errors="surrogatepass"))
        with pytest.raises((_codegen.Unexpected, KeyError, TypeError)):
            _load._fast(raw)


# ------------------------------------------------------------------ bounded work on bad input


def _many_dangling_quotes(n: int) -> dict[str, Any]:
    good: dict[str, Any] = json.loads((DATA / "good.json").read_text("utf-8"))
    quote = good["quotes"][0]
    good["quotes"] = [{**quote, "id": f"q{i}", "speaker_id": f"nobody-{i}"} for i in range(n)]
    good["critiques"] = []
    return good


def test_a_thousand_problems_list_the_first_hundred_and_count_the_rest() -> None:
    with pytest.raises(pi.DatasetError) as info:
        pi.loads(json.dumps(_many_dangling_quotes(1000)))
    error = info.value
    assert len(error.problems) == 100
    assert error.more == 900
    assert str(error.problems[0]) == "$.quotes[0].speaker_id: unknown person 'nobody-0' (quote 'q0')"
    lines = str(error).splitlines()
    assert lines[0] == "invalid dataset: 1000 problems"
    assert lines[-1] == "  … and 900 more"
    assert len(lines) == 102


def test_the_count_of_unlisted_problems_survives_pickling() -> None:
    import pickle

    with pytest.raises(pi.DatasetError) as info:
        pi.loads(json.dumps(_many_dangling_quotes(150)))
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.more, str(copy)) == (50, str(info.value))


def test_validate_says_how_many_problems_it_did_not_list(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_many_dangling_quotes(120)), "utf-8")
    script = Path(sys.executable).with_name("putin-interviews")
    result = subprocess.run([str(script), "validate", str(path)], capture_output=True, text=True, check=False)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert len(lines) == 101
    assert lines[-1] == f"{path}: … and 20 more"


def test_a_huge_key_is_cut_in_the_message_and_gets_no_suggestions() -> None:
    key = "putin" + "x" * 1_000_000
    with pytest.raises(pi.NotFoundError) as info:
        pi.get_person(key)
    assert info.value.suggestions == ()
    assert len(str(info.value)) < 100
    assert str(info.value).startswith("no person 'putinxxx")
    assert info.value.key == key  # the key itself is kept whole


def test_a_long_value_is_cut_in_a_problem_message() -> None:
    doc = _many_dangling_quotes(1)
    doc["quotes"][0]["speaker_id"] = "nobody" * 10_000
    with pytest.raises(pi.DatasetError) as info:
        pi.loads(json.dumps(doc))
    (problem,) = info.value.problems
    assert problem.message.startswith("unknown person 'nobodynobody")
    assert len(problem.message) < 120


def test_the_collector_is_paused_while_a_mapping_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from putin_interviews import _convert

    seen: list[bool] = []
    real = _convert.structure

    def spy(data: object, cls: type) -> object:
        seen.append(gc.isenabled())
        return real(data, cls)

    monkeypatch.setattr(_convert, "structure", spy)
    assert gc.isenabled()
    pi.load(json.loads((DATA / "good.json").read_text("utf-8")))
    assert seen == [False]
    assert gc.isenabled()


# ------------------------------------------------------------------ only data problems are data problems


class Watchdog(Exception):
    """What a program's signal handler might raise in the middle of a load."""


def _big_valid_document(copies: int) -> dict[str, Any]:
    doc: dict[str, Any] = pi.dataset().to_dict()
    doc["quotes"] = [{**q, "id": f"{q['id']}~{i}" if i else q["id"]} for i in range(copies) for q in doc["quotes"]]
    return doc


def test_an_exception_from_a_signal_handler_during_a_load_propagates() -> None:
    import signal

    source = _big_valid_document(400)

    def fire(signum: int, frame: object) -> None:
        raise Watchdog("watchdog fired")

    previous = signal.signal(signal.SIGALRM, fire)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        # It used to be reported as a problem of the data ("invalid value for None: watchdog
        # fired"), or swallowed by the fast path, which then loaded the file again.
        with pytest.raises(Watchdog):
            pi.load(source)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_fast_path_lets_an_exception_that_is_not_about_the_data_through(monkeypatch: pytest.MonkeyPatch) -> None:
    from putin_interviews import _check

    def interrupted(cls: type) -> Any:
        def check(rows: object, context: object) -> int:
            raise Watchdog("watchdog fired")

        return check

    monkeypatch.setattr(_check, "checker", interrupted)
    # It used to be swallowed: the detailed path then loaded the file as if nothing happened.
    with pytest.raises(Watchdog):
        pi.loads((DATA / "good.json").read_bytes())


# ------------------------------------------------------------------ records stay valid


def test_a_record_refuses_a_value_of_the_wrong_type_or_beyond_the_limits() -> None:
    import attrs

    quote = pi.get_quote("lz-part-1-hawk")
    cases: list[tuple[dict[str, Any], type[Exception], str]] = [
        ({"text": 5}, TypeError, "Quote.text must be a str, not int 5"),
        ({"episode": "1"}, TypeError, "Quote.episode must be None or an int, not str '1'"),
        ({"topics": ["cia"]}, TypeError, "Quote.topics must be a tuple, not list ['cia']"),
        ({"kind": "full"}, TypeError, "Quote.kind must be a QuoteKind, not str 'full'"),
        ({"context": "\ud800"}, ValueError, "Quote.context: a lone surrogate U+D800 at character 0"),
        ({"episode": 2**64}, ValueError, "Quote.episode: the integer 18446744073709551616 does not fit in 64 bits"),
    ]
    for change, kind, message in cases:
        with pytest.raises(kind) as info:
            attrs.evolve(quote, **change)  # used to be accepted, and to fail later in search or export
        assert str(info.value).startswith(message)
    assert attrs.evolve(quote, episode=None).episode is None


def test_a_table_refuses_what_is_not_its_records() -> None:
    ds = pi.dataset()
    with pytest.raises(TypeError, match=r"Quotes holds Quote records, not int 1 \(item 0\)"):
        pi.Dataset(
            info=ds.info,
            people=ds.people,
            topics=ds.topics,
            articles=ds.articles,
            episodes=ds.episodes,
            quotes=[1, 2, 3],  # type: ignore[list-item]
            critiques=ds.critiques,
        )
    with pytest.raises(TypeError, match="People holds Person records, not Quote"):
        pi.People([ds.quotes[0]])  # type: ignore[list-item]


def _dangling_dataset() -> pi.Dataset:
    import attrs

    ds = pi.dataset()
    quotes = pi.Quotes([attrs.evolve(ds.quotes[0], speaker_id="nobody"), *ds.quotes[1:]])
    return attrs.evolve(ds, quotes=quotes)


def test_a_dataset_that_would_not_load_is_not_written(tmp_path: Path) -> None:
    ds = _dangling_dataset()
    target = tmp_path / "mine.json"
    target.write_text("the old content", "utf-8")
    expected = f"$.quotes[0].speaker_id: unknown person 'nobody' (quote {ds.quotes[0].id!r})"
    with pytest.raises(pi.DatasetError) as info:
        ds.dump(target)  # used to write a file that load() refuses
    assert [str(p) for p in info.value.problems] == [expected]
    assert target.read_text("utf-8") == "the old content"
    for form in ("json", "csv", "sqlite"):
        out = tmp_path / f"export-{form}"
        with pytest.raises(pi.DatasetError):
            ds.export(out, format=form)
        assert not out.exists()


# ------------------------------------------------------------------ found in review


@pytest.mark.parametrize("form", ["csv", "jsonl"])
def test_a_directory_export_to_the_current_directory_is_refused(tmp_path: Path, form: str) -> None:
    # It used to swap the current directory out, leaving the process in a deleted directory.
    here = tmp_path / "here"
    here.mkdir()
    code = (
        "import os, putin_interviews as pi\n"
        f"os.chdir({str(here)!r})\n"
        "try:\n"
        f"    pi.dataset().export('.', format={form!r})\n"
        "except ValueError as e:\n"
        "    print(e)\n"
        "print(os.getcwd())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.splitlines() == [
        f"cannot write {form} to .: it is the current directory or one it is in; choose a directory of its own",
        str(here),
    ], result.stderr
    assert here.is_dir()
    assert list(here.iterdir()) == []


def test_json_to_a_closed_stdout_is_one_line() -> None:
    script = Path(sys.executable).with_name("putin-interviews")
    result = subprocess.run(
        ["sh", "-c", f"'{script}' export --format json - >&-"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr == "putin-interviews: error: cannot write the output: standard output is closed\n"


def test_a_negative_limit_on_the_command_line_is_a_usage_error() -> None:
    script = Path(sys.executable).with_name("putin-interviews")
    result = subprocess.run(
        [str(script), "search", "hope", "--limit", "-1"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "expected a whole number, 0 or more, not '-1'" in result.stderr
    assert "Traceback" not in result.stderr
