"""Every bad input gets a DatasetError naming each problem with its JSON path, and nothing else.

``tests/data/bad/`` holds one hand-made file per case, each a small change to
``tests/data/good.json``; ``expected.json`` there gives the exact problems expected of each.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import DatasetError

from .conftest import no_orjson

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
EXPECTED: dict[str, list[str]] = json.loads((BAD / "expected.json").read_text("utf-8"))
GOOD: dict[str, Any] = json.loads((DATA / "good.json").read_text("utf-8"))
GOOD_TEXT = (DATA / "good.json").read_text("utf-8")
HAVE_ORJSON = importlib.util.find_spec("orjson") is not None
#: The JSON parsers a load may go through: orjson (when installed, the default) and the standard library's.
BACKENDS = ["orjson", "stdlib"]


@contextlib.contextmanager
def _using(backend: str) -> Iterator[None]:
    """Load with one parser; with orjson, check that the loader did use it (else the case tests nothing)."""
    if backend == "stdlib":
        with no_orjson():
            yield
        return
    if not HAVE_ORJSON:
        pytest.skip("orjson is not installed")
    import orjson

    real = orjson.loads
    calls: list[object] = []

    def spy(data: Any) -> Any:
        calls.append(data)
        return real(data)

    with mock.patch.object(orjson, "loads", spy):
        yield
    assert calls, "the loader did not parse with orjson"


def _backends() -> list[str]:
    return BACKENDS if HAVE_ORJSON else ["stdlib"]


def test_no_orjson_keeps_the_loader_off_orjson() -> None:
    if not HAVE_ORJSON:
        pytest.skip("orjson is not installed")
    import orjson

    raw = (DATA / "good.json").read_bytes()
    expected = pi.loads(raw)
    calls: list[object] = []
    real = orjson.loads

    def spy(data: Any) -> Any:
        calls.append(data)
        return real(data)

    with mock.patch.object(orjson, "loads", spy), no_orjson():
        assert pi.loads(raw) == expected
    assert calls == [], "orjson parsed the file inside no_orjson()"


def test_the_good_file_loads() -> None:
    ds = pi.load(DATA / "good.json")
    assert [len(t) for t in ds.tables()] == [2, 1, 1, 1, 1, 1]


def test_every_bad_file_is_in_the_corpus() -> None:
    files = sorted(p.name for p in BAD.glob("*.json") if p.name != "expected.json")
    assert files == sorted(EXPECTED)
    assert len(files) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_exactly_the_expected_problems(name: str) -> None:
    with pytest.raises(DatasetError) as info:
        pi.load(BAD / name)
    assert [str(p) for p in info.value.problems] == EXPECTED[name]
    assert info.value.source == str(BAD / name)
    assert str(info.value).startswith(f"invalid dataset {BAD / name}: {len(EXPECTED[name])} problem")


@pytest.mark.parametrize("backend", BACKENDS)
def test_structural_and_integrity_problems_are_reported_together_in_one_pass(backend: str) -> None:
    with _using(backend), pytest.raises(DatasetError) as info:
        pi.loads((BAD / "several-problems.json").read_bytes())
    assert [str(p) for p in info.value.problems] == EXPECTED["several-problems.json"]
    messages = [p.message for p in info.value.problems]
    # Structural: a value the converter cannot read. Integrity: a readable value that does not fit the rest.
    assert [m for m in messages if m.startswith("expected one of")], messages
    assert [m for m in messages if m.startswith(("unknown person", "episode ", "span "))], messages


def test_missing_file_directory_and_size_limit(tmp_path: Path) -> None:
    cases = [
        (tmp_path / "missing.json", {}, "$: cannot read file: No such file or directory"),
        (tmp_path, {}, "$: is a directory, not a dataset file"),
        (DATA / "good.json", {"max_bytes": 100}, "$: the file is"),
    ]
    for path, options, message in cases:
        with pytest.raises(DatasetError) as info:
            pi.load(path, **options)
        assert str(info.value.problems[0]).startswith(message)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(pi.MAX_BYTES + 1)  # sparse: takes no disk space

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(DatasetError, match=f"more than the limit of {pi.MAX_BYTES}"):
        pi.load(huge)


def test_load_takes_bytes_and_mappings() -> None:
    raw = (DATA / "good.json").read_bytes()
    assert pi.load(raw) == pi.load(DATA / "good.json") == pi.load(GOOD)
    with pytest.raises(DatasetError, match="starts with a byte-order mark"):
        pi.load(b"\xef\xbb\xbf" + raw)
    with pytest.raises(DatasetError, match="starts with a byte-order mark"):
        pi.loads("\ufeff" + raw.decode())
    with pytest.raises(DatasetError, match="more than the limit"):
        pi.loads(raw, max_bytes=10)


# ------------------------------------------------------------------ properties

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_arbitrary_json_values_give_dataset_error(value: Any) -> None:
    with pytest.raises(DatasetError):
        pi.loads(json.dumps(value))


@given(
    st.dictionaries(
        st.sampled_from(["info", "people", "articles", "episodes", "quotes", "critiques", "x"]), json_values
    )
)
def test_arbitrary_top_level_objects_give_dataset_error(value: dict[str, Any]) -> None:
    with pytest.raises(DatasetError):
        pi.load(value)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_dataset_error(data: bytes) -> None:
    with pytest.raises(DatasetError):
        pi.loads(data)


def _walk(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _walk(v, (*path, i))
    return out


PATHS = [p for p in _walk(GOOD) if p]
REFERENCES = [
    p for p in PATHS if str(p[-1]).endswith("_id") or p[-1] in ("director",) or (len(p) > 1 and p[-2] == "quote_ids")
]
WRONG_TYPES: list[Any] = [None, True, 12345, 1.5, "x", [], {}]


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_one_mutation_of_a_valid_dataset_gives_dataset_error(data: st.DataObject) -> None:
    doc = copy.deepcopy(GOOD)
    kind = data.draw(st.sampled_from(["drop", "retype", "dangle"]))
    if kind == "dangle":
        path = data.draw(st.sampled_from([p for p in REFERENCES if _at(GOOD, p) is not None]))
        _at(doc, path[:-1])[path[-1]] = "no-such-id"
    else:
        path = data.draw(st.sampled_from([p for p in PATHS if isinstance(p[-1], str)]))
        parent = _at(doc, path[:-1])
        if kind == "drop":
            del parent[path[-1]]
        else:
            old = parent[path[-1]]
            choices = [v for v in WRONG_TYPES if type(v) is not type(old) and not (old is None and v is None)]
            # A nullable field accepts null, and a string-valued field a string: skip those.
            parent[path[-1]] = data.draw(st.sampled_from(choices))
            if _accepts(path, parent[path[-1]]):
                return
    # As bytes, as from a file: the loader's fast path (and orjson's, when installed) sees the mutation.
    raw = json.dumps(doc).encode()
    found: dict[str, list[str]] = {}
    for backend in _backends():
        with _using(backend), pytest.raises(DatasetError) as info:
            pi.loads(raw)
        assert info.value.problems
        assert all(p.path.startswith("$") for p in info.value.problems)
        found[backend] = [str(p) for p in info.value.problems]
    assert len({tuple(v) for v in found.values()}) == 1, found


def _accepts(path: tuple[Any, ...], value: Any) -> bool:
    """True when the retyped value is still valid (null for a field that is nullable), with every parser."""
    doc = copy.deepcopy(GOOD)
    _at(doc, path[:-1])[path[-1]] = value
    raw = json.dumps(doc).encode()
    accepted: dict[str, bool] = {}
    for backend in _backends():
        with _using(backend):
            try:
                pi.loads(raw)
            except DatasetError:
                accepted[backend] = False
            else:
                accepted[backend] = True
    assert len(set(accepted.values())) == 1, (path, value, accepted)
    return all(accepted.values())


# ------------------------------------------------------------------ duplicate keys

# Replacements of the first '"context":' (or '"speaker_id":') in good.json: the key given twice, with JSON
# whitespace before a colon, where a count of '":' does not see the key.
SPACED_DUPLICATES = {
    "space-before-the-first-colon": ('"context":', '"context" : "FIRST", "context":'),
    "tab-before-the-first-colon": ('"context":', '"context"\t: "FIRST", "context":'),
    "newline-before-the-first-colon": ('"context":', '"context"\n: "FIRST", "context":'),
    "crlf-before-the-first-colon": ('"context":', '"context"\r\n: "FIRST", "context":'),
    "space-before-the-second-colon": ('"context":', '"context": "FIRST", "context" :'),
    "space-before-both-colons": ('"context":', '"context" : "FIRST", "context" :'),
    "speaker-spaced-first": ('"speaker_id":', '"speaker_id" : "stone", "speaker_id":'),
    "speaker-spaced-second": ('"speaker_id":', '"speaker_id": "stone", "speaker_id" :'),
}


def _refused_for_duplicate_key(data: bytes, key: str, path: str) -> None:
    with pytest.raises(DatasetError) as info:
        pi.loads(data)
    problems = [(p.path, p.message) for p in info.value.problems]
    assert [pm for pm in problems if pm[0] == path and pm[1].startswith(f"duplicate key {key!r}")], problems


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", sorted(SPACED_DUPLICATES))
def test_a_spaced_duplicate_key_is_refused(case: str, backend: str) -> None:
    old, new = SPACED_DUPLICATES[case]
    assert old in GOOD_TEXT
    data = GOOD_TEXT.replace(old, new, 1).encode()
    with _using(backend):
        _refused_for_duplicate_key(data, old.strip('":'), "$.quotes[0]")


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)


def _emit(value: Any, path: tuple[Any, ...], target: tuple[Any, ...], pair: tuple[tuple[str, str], ...]) -> str:
    """JSON text of ``value``; the key at ``target`` is written once per (whitespace before the colon, value
    text) in ``pair``, where a value text of "" stands for the key's own value."""
    if isinstance(value, dict):
        items: list[str] = []
        for k, v in value.items():
            key = json.dumps(k, ensure_ascii=False)
            child = _emit(v, (*path, k), target, pair)
            if (*path, k) == target:
                items += [f"{key}{space}: {text or child}" for space, text in pair]
            else:
                items.append(f"{key}: {child}")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_emit(v, (*path, i), target, pair) for i, v in enumerate(value)) + "]"
    return json.dumps(value, ensure_ascii=False)


KEY_PATHS = [p for p in PATHS if isinstance(p[-1], str)]
JSON_WHITESPACE = st.text(alphabet=" \t\r\n", max_size=4)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.sampled_from(KEY_PATHS),
    other=st.sampled_from(['"FIRST"', '"stone"', "0", "-1.5", "null", "true", "[]", "{}", '["x"]']),
    spaces=st.tuples(JSON_WHITESPACE, JSON_WHITESPACE),
    duplicate_first=st.booleans(),
)
def test_a_key_given_twice_with_any_whitespace_before_its_colon_is_refused(
    target: tuple[Any, ...], other: str, spaces: tuple[str, str], duplicate_first: bool
) -> None:
    assume(json.loads(other) != _at(GOOD, target))
    pair = ((spaces[0], other), (spaces[1], "")) if duplicate_first else ((spaces[0], ""), (spaces[1], other))
    data = _emit(GOOD, (), target, pair).encode()
    for backend in _backends():
        with _using(backend):
            _refused_for_duplicate_key(data, target[-1], _json_path(target[:-1]))


# ------------------------------------------------------------------ saving


def test_an_interrupted_dump_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ds = pi.load(DATA / "good.json")
    target = tmp_path / "data.json"
    target.write_text("the old content", "utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ds.dump(target)
    assert target.read_text("utf-8") == "the old content"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_a_killed_dump_process_leaves_a_whole_file(tmp_path: Path) -> None:
    # A process killed in the middle of writing: the target is the old file or the new one, never a part.
    target = tmp_path / "data.json"
    pi.dataset().dump(target)
    before = target.read_bytes()
    code = (
        "import os, signal, putin_interviews as pi, putin_interviews._fileio as f\n"
        "real = f.os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "f.os.fsync = die\n"
        f"pi.dataset().dump({str(target)!r})\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == -9
    assert target.read_bytes() == before
    assert pi.load(target) == pi.dataset()


def test_the_bundled_dataset_dumps_to_its_canonical_bytes(tmp_path: Path) -> None:
    from importlib import resources

    bundled = resources.files("putin_interviews.data").joinpath("putin_interviews.json").read_bytes()
    out = pi.dataset().dump(tmp_path / "copy.json")
    assert out.read_bytes() == bundled
    assert bundled.endswith(b"\n")
    assert b"\\u" not in bundled  # UTF-8, not escapes


# ------------------------------------------------------------------ command line

SCRIPT = Path(sys.executable).with_name("putin-interviews")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", check=False)


def test_validate_prints_one_line_per_problem_for_every_bad_file() -> None:
    for name, problems in EXPECTED.items():
        result = _run("validate", str(BAD / name))
        assert result.returncode == 1, name
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [f"{BAD / name}: {p}" for p in problems], name
        assert result.stdout == ""


def test_data_flag_with_unreadable_or_bad_files(tmp_path: Path) -> None:
    for path in (tmp_path, BAD / "bom.json", BAD / "several-problems.json"):
        result = _run("--data", str(path), "quotes")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1
