"""Integrity of the bundled data, round trips, and the errors a bad file gets."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import marshal
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import putin_interviews
from putin_interviews import Dataset, DatasetError, Quote, _check, _convert, _load, _premade

from .conftest import PREMAKE_HINT, no_orjson
from .strategies import datasets


def bundled_text() -> str:
    return resources.files("putin_interviews.data").joinpath("putin_interviews.json").read_text("utf-8")


def bundled_raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_text())
    return data


def problems(raw: Any) -> list[str]:
    with pytest.raises(DatasetError) as info:
        putin_interviews.loads(json.dumps(raw))
    return [str(p) for p in info.value.problems]


# ----------------------------------------------------------------- the bundled data


def test_bundled_dataset_passes_every_check(ds: Dataset) -> None:
    assert _check.problems(ds.to_dict()) == []
    assert ds.info.schema_version == putin_interviews.SCHEMA_VERSION == 2
    assert ds.info.dataset_version == "2.0.0"


def test_bundled_json_is_the_unstructured_records_nothing_dropped(ds: Dataset) -> None:
    assert ds.to_dict() == bundled_raw()
    assert ds.to_json() == bundled_text()  # and it is in canonical form, byte for byte


def test_dump_then_load_is_the_same_dataset(ds: Dataset, tmp_path: Path) -> None:
    out = ds.dump(tmp_path / "copy.json")
    assert out == tmp_path / "copy.json"
    assert putin_interviews.load(out) == ds
    assert out.read_text("utf-8") == bundled_text()
    assert [p.name for p in tmp_path.iterdir()] == ["copy.json"]  # no temporary file left


def test_quotes_are_in_document_order(ds: Dataset) -> None:
    order = {a.id: i for i, a in enumerate(ds.articles)}
    keys = [(order[q.article_id], q.span.start) for q in ds.quotes]
    assert keys == sorted(keys)


def test_records_tables_and_the_dataset_are_immutable(ds: Dataset) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.quotes[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.quotes = ds.quotes[:1]  # type: ignore[misc]
    with pytest.raises(TypeError):
        ds.quotes[0] = ds.quotes[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        ds.quotes._items = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        ds.quotes.extra = 1
    assert isinstance(ds.quotes[0].topics, tuple)
    assert ds.quotes == tuple(ds.quotes)


def test_import_reads_no_data_and_first_use_reads_once() -> None:
    import subprocess
    import sys

    code = (
        "import sys, putin_interviews\n"
        "assert 'putin_interviews._load' not in sys.modules and 'sqlite3' not in sys.modules\n"
        "import putin_interviews._load as d\n"
        "assert d._BUNDLED.built is None\n"
        "a = putin_interviews.dataset(); b = putin_interviews.dataset()\n"
        "assert a is b and d._BUNDLED.built == (a,)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_the_bundled_file_is_the_one_proven_sound() -> None:
    # The loader reads the bundled file without its checks only when its bytes hash to
    # BUNDLED_BLAKE2B. This test is what proves a file with that hash sound: it loads the same
    # bytes through every check first, and fails when the file changes until the hash is
    # updated (which it tells, for a file that passed).
    data = _load._read_bundled()
    checked = putin_interviews.loads(data)
    digest = hashlib.blake2b(data, digest_size=32).hexdigest()
    assert _load.blake2b(data) == digest
    assert digest == _load.BUNDLED_BLAKE2B, f"the bundled file passed every check: set BUNDLED_BLAKE2B = {digest!r}"
    # Read as the first use reads it: from the pre-parsed copy, else by orjson when it is loaded
    # (loads() above loads it when installed), else by the standard library; all three readings
    # are proven here.
    for reading in ("pre-parsed copy", "as loaded", "standard library"):
        with contextlib.ExitStack() as stack:
            if reading != "pre-parsed copy":
                stack.enter_context(_no_preparsed_copy())
            if reading == "standard library":
                stack.enter_context(no_orjson())
            assert (_load._preparsed(digest) is not None) == (reading == "pre-parsed copy"), PREMAKE_HINT
            trusted = _load._trusted(data, digest)
        assert trusted == checked
        for name in ("quotes", "critiques", "people", "topics", "articles", "episodes"):
            assert getattr(trusted, name).to_dicts() == getattr(checked, name).to_dicts()


@contextlib.contextmanager
def _no_preparsed_copy() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_premade, "PREPARSED", ("0" * 64, _premade.PREPARSED[1]))
        yield


def _first_use(monkeypatch: pytest.MonkeyPatch) -> tuple[Dataset, list[bytes]]:
    """The bundled dataset read anew, as a first use reads it, and what JSON was parsed."""
    import sys

    parsed: list[bytes] = []

    class Parser:
        @staticmethod
        def loads(data: bytes) -> Any:
            parsed.append(data)
            return json.loads(data)

    monkeypatch.setitem(sys.modules, "orjson", Parser)
    monkeypatch.setattr(_load._BUNDLED, "built", None)
    return putin_interviews.dataset(), parsed


def test_a_first_use_reads_the_pre_parsed_copy_and_parses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    ds, parsed = _first_use(monkeypatch)
    assert not parsed, PREMAKE_HINT
    assert ds == putin_interviews.loads(_load._read_bundled())
    # Only for the bytes proven sound: the copy's values are no other bytes'.
    assert _load._preparsed(_load.BUNDLED_BLAKE2B) is not None
    assert _load._preparsed(hashlib.blake2b(b"{}", digest_size=32).hexdigest()) is None


def test_other_bytes_trusted_are_read_themselves_not_the_copy() -> None:
    # _trusted reads the copy for the digest it is given, not for any bytes: other bytes (as
    # another version of the bundled file would be) are parsed, and give their own values.
    values = json.loads(_load._read_bundled())
    values["quotes"][0]["context"] = "Another context."
    other = json.dumps(values).encode()
    trusted = _load._trusted(other, _load.blake2b(other))
    assert trusted == putin_interviews.loads(other)
    assert trusted.quotes[0].context == "Another context."


_CHANGES = ["made from other bytes", "another copy", "no copy", "a copy of one value changed", "a copy cut short"]


@pytest.mark.parametrize("change", _CHANGES)
def test_a_pre_parsed_copy_not_proven_the_files_is_not_read(monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    # The copy is read only when made from the bundled file's bytes and hashing to the copy the
    # tests read; else the file itself is parsed, and the dataset is the same.
    real = _load.read_data
    if change == "made from other bytes":
        monkeypatch.setattr(_premade, "PREPARSED", ("0" * 64, _premade.PREPARSED[1]))
    elif change == "another copy":
        monkeypatch.setattr(_premade, "PREPARSED", (_premade.PREPARSED[0], "0" * 64))
    elif change == "no copy":
        monkeypatch.setattr(_load, "PREPARSED_FILE", "no such file.marshal")
    else:
        values = json.loads(_load._read_bundled())
        values["quotes"][0]["text"] += " (not said)"
        other = marshal.dumps(values) if change == "a copy of one value changed" else real(_load.PREPARSED_FILE)[:-9]
        monkeypatch.setattr(_load, "read_data", lambda name: other if name == _load.PREPARSED_FILE else real(name))
    assert _load._preparsed(_load.BUNDLED_BLAKE2B) is None
    ds, parsed = _first_use(monkeypatch)
    assert parsed == [_load._read_bundled()]
    assert ds == putin_interviews.loads(_load._read_bundled())


#: What a first use of the bundled data, and the command line's listing, need not import: the
#: checks and the rules they are made from, the builders' writer (they are made ahead of time),
#: search, "did you mean", paths, HTML, any JSON parser (the file is read pre-parsed), and the
#: pure-Python datetime (see _date).
_NOT_FOR_A_FIRST_USE = [
    "putin_interviews._check", "putin_interviews._codegen", "putin_interviews._convert", "putin_interviews._rules",
    "putin_interviews._integrity", "putin_interviews._build", "putin_interviews._source", "putin_interviews._premake",
    "putin_interviews._cite", "putin_interviews._export", "putin_interviews._fileio", "putin_interviews._hits",
    "putin_interviews._search", "putin_interviews._fold", "putin_interviews._occurrences", "putin_interviews._inflect",
    "putin_interviews._workers", "putin_interviews._corrected", "difflib", "pathlib", "html", "csv", "hashlib",
    "orjson", "json", "datetime",
]  # fmt: skip


def test_every_module_a_first_use_need_not_import_exists() -> None:
    # A name that is no module (one renamed, say) would never be imported: its check would pass.
    import importlib.util

    optional = {"orjson"}  # the fast extra
    assert [
        name for name in _NOT_FOR_A_FIRST_USE if name not in optional and importlib.util.find_spec(name) is None
    ] == []


def test_the_first_use_of_the_bundled_data_imports_no_check() -> None:
    import subprocess
    import sys

    code = (
        "import sys, putin_interviews\n"
        "ds = putin_interviews.dataset()\n"
        "[len(t) and t[0] for t in (ds.quotes, ds.critiques, ds.people, ds.topics, ds.articles, ds.episodes)]\n"
        f"heavy = {[*_NOT_FOR_A_FIRST_USE, 'putin_interviews._render']!r}\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "[]", result.stderr or f"json imported? {PREMAKE_HINT}"


def test_a_python_without_blake2_checks_the_bundled_file_in_full() -> None:
    # hashlib's BLAKE2b is CPython's _blake2 module too (OpenSSL's is no 32-byte BLAKE2b), so a
    # Python built without it (configure --with-builtin-hashlib-hashes) has none: the first use
    # raised ImportError. It checks the file in full, as bytes not proven sound are checked, and
    # imports no hashlib (whose import logs a traceback there, for the BLAKE2 it lacks).
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.modules['_blake2'] = None  # as in a Python built without it\n"
        "import putin_interviews\n"
        "from putin_interviews import _check, _load\n"
        "checked, real = [], _check.fast\n"
        "_check.fast = lambda *args: checked.append(1) or real(*args)\n"
        "ds = putin_interviews.dataset()\n"
        "print(bool(checked), 'hashlib' in sys.modules, ds == putin_interviews.loads(_load._read_bundled()))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.split() == ["True", "False", "True"], result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("change", ["bad reference", "same meaning, other bytes"])
def test_a_bundled_file_of_other_bytes_is_checked_in_full(monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    raw = json.loads(_load._read_bundled())
    if change == "bad reference":
        raw["quotes"][0]["speaker_id"] = "nobody"
    data = json.dumps(raw).encode()
    monkeypatch.setattr(_load._BUNDLED, "built", None)
    monkeypatch.setattr(_load, "_read_bundled", lambda: data)
    checked = []
    real = _check.fast

    def counting(*args: Any) -> int:
        checked.append(1)
        return real(*args)

    monkeypatch.setattr(_check, "fast", counting)
    if change == "bad reference":
        with pytest.raises(DatasetError, match=r"quotes\[0\]\.speaker_id.*nobody"):
            putin_interviews.dataset()
    else:
        assert putin_interviews.dataset() == putin_interviews.loads(data)
    assert checked


def test_sixteen_threads_load_the_bundled_data_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_load._BUNDLED, "built", None)
    calls = []
    real = _load._read_bundled

    def counting() -> bytes:
        calls.append(1)
        return real()

    monkeypatch.setattr(_load, "_read_bundled", counting)
    barrier = threading.Barrier(16)
    seen: list[Dataset] = []

    def worker() -> None:
        barrier.wait()
        seen.append(putin_interviews.dataset())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(seen) == 16
    assert all(d is seen[0] for d in seen)


# ----------------------------------------------------------------- properties


@given(datasets())
def test_generated_datasets_are_sound_and_round_trip(generated: Dataset) -> None:
    import tempfile

    assert _check.problems(generated.to_dict()) == []
    assert putin_interviews.loads(generated.to_json()) == generated
    assert putin_interviews.loads(generated.to_json().encode("utf-8")) == generated
    with tempfile.TemporaryDirectory() as tmp:
        path = generated.dump(Path(tmp) / "generated.json")
        assert putin_interviews.load(path) == generated
        assert path.read_text("utf-8") == generated.to_json()


@given(datasets())
def test_generated_records_round_trip_through_the_converter(generated: Dataset) -> None:
    records = (*generated.people, *generated.articles, *generated.episodes, *generated.quotes, *generated.critiques)
    for record in records:
        assert _convert.structure(_convert.unstructure(record), type(record)) == record


# ----------------------------------------------------------------- bad files


def test_dangling_reference_is_named_with_path_id_and_suggestion() -> None:
    raw = bundled_raw()
    raw["quotes"][3]["speaker_id"] = "putn"
    qid = raw["quotes"][3]["id"]
    assert problems(raw) == [f"$.quotes[3].speaker_id: unknown person 'putn' (quote {qid!r}); did you mean 'putin'?"]


def test_every_problem_is_reported_at_once() -> None:
    raw = bundled_raw()
    raw["quotes"][0]["id"] = raw["quotes"][1]["id"]
    raw["quotes"][2]["episode"] = 5
    raw["quotes"][4]["span"]["end"] = 10**6
    raw["critiques"][0]["quote_ids"] = ["nope"]
    raw["critiques"][2]["critic_id"] = "stone"  # critic_kind is "article"
    found = problems(raw)
    assert found[0] == f"$.quotes[1].id: duplicate id {raw['quotes'][1]['id']!r} (first at $.quotes[0])"
    assert any(p.startswith("$.quotes[2].episode: episode 5 outside 1-4") for p in found)
    assert any(p.startswith("$.quotes[4].span: span ") and "ends after the article's text" in p for p in found)
    assert any(p.startswith("$.critiques[0].quote_ids[0]: unknown quote 'nope'") for p in found)
    assert any(p.startswith("$.critiques[2].critic_id: must be null when critic_kind is 'article'") for p in found)
    assert len(found) == 5


def test_structural_errors_have_json_paths() -> None:
    raw = bundled_raw()
    raw["quotes"][12]["said_on"] = "2017-06-12"
    raw["quotes"][13]["span"]["start"] = "1"
    raw["articles"][0]["published_inferred"]["earliest"] = "12/06/2017"
    raw["episodes"][1]["air_date"] = "2017-02-30"
    raw["people"][0]["kind"] = "person"
    raw["people"][1]["aliases"] = "Stone"
    del raw["critiques"][0]["stance"]
    raw["quotes"][0]["contxt"] = "typo"
    found = problems(raw)
    expected = {
        "$.quotes[12]: unknown key 'said_on'",
        '$.quotes[13].span.start: expected an integer, got a string "1"',
        '$.articles[0].published_inferred.earliest: invalid date "12/06/2017": not in the form YYYY-MM-DD',
        '$.episodes[1].air_date: invalid date "2017-02-30": day is out of range for month',
        "$.people[0].kind: expected one of 'individual', 'group', got \"person\"",
        '$.people[1].aliases: expected a list, got a string "Stone"',
        "$.critiques[0].stance: required key missing",
        "$.quotes[0]: unknown key 'contxt' (did you mean 'context'?)",
    }
    assert set(found) == expected


def test_bytes_json_and_shape_errors() -> None:
    cases: list[tuple[str | bytes, str]] = [
        (b"\xff\xfe{}", "$: not UTF-8: byte 0 (line 1) cannot be decoded"),
        ('{"info": ', "$: invalid JSON: Expecting value (line 1, column 10)"),
        ("[1, 2]", "$: expected a JSON object, got a list"),
        (
            '{"info": {"schema_version": 7}}',
            "$.info.schema_version: unsupported schema_version 7: this release reads 2",
        ),
    ]
    for data, message in cases:
        with pytest.raises(DatasetError) as info:
            putin_interviews.loads(data)
        assert [str(p) for p in info.value.problems] == [message]


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot read file: No such file or directory"):
        putin_interviews.load(tmp_path / "missing.json")
    with pytest.raises(DatasetError, match="is a directory, not a dataset file"):
        putin_interviews.load(tmp_path)


def test_dataset_error_is_a_value_error_with_a_readable_message() -> None:
    raw = bundled_raw()
    raw["quotes"][0]["speaker_id"] = "nobody"
    with pytest.raises(ValueError, match=r"invalid dataset: 1 problem\n  \$\.quotes\[0\]\.speaker_id: unknown"):
        putin_interviews.loads(json.dumps(raw))


def test_mutating_a_loaded_copy_does_not_touch_the_bundle(ds: Dataset) -> None:
    raw = copy.deepcopy(bundled_raw())
    raw["quotes"][0]["context"] = "changed"
    other = putin_interviews.loads(json.dumps(raw))
    assert other.quotes[0].context == "changed"
    assert ds.quotes[0].context != "changed"
    assert isinstance(other.quotes[0], Quote)


def test_a_duplicate_article_id_measures_claims_against_the_last_article_of_that_id() -> None:
    raw = bundled_raw()
    copy_of_first = copy.deepcopy(raw["articles"][0])
    copy_of_first["text_length"] = 5
    raw["articles"].append(copy_of_first)
    found = problems(raw)
    assert found[0] == "$.articles[3].id: duplicate id 'lz-part-1' (first at $.articles[0])"
    claim = raw["articles"][0]["claims"][0]["span"]
    assert (
        f"$.articles[0].claims[0].span: span {claim['start']}-{claim['end']} ends after the article's text "
        "(5 characters) (article 'lz-part-1')"
    ) in found


def test_unknown_keys_are_matched_case_sensitively_with_only_near_misses_suggested() -> None:
    raw = bundled_raw()
    raw["quotes"][0]["ID"] = "x"
    raw["articles"][0]["Text"] = "x"
    raw["quotes"][1]["contxt"] = "x"
    assert set(problems(raw)) == {
        "$.quotes[0]: unknown key 'ID'",
        "$.articles[0]: unknown key 'Text'",
        "$.quotes[1]: unknown key 'contxt' (did you mean 'context'?)",
    }


def test_a_command_line_listing_imports_no_export_citation_or_check() -> None:
    # The command line's choices (export formats, citation styles) are read from light
    # modules, so listing quotations does not load the exports, the citation code or hashlib;
    # nor, for a choice given exactly as its value (the README's --mode direct), the folding.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from putin_interviews._cli import main\n"
        "main(['quotes', '--speaker', 'putin', '--mode', 'direct', '--limit', '1'])\n"
        f"heavy = {[*_NOT_FOR_A_FIRST_USE, 'putin_interviews._export_sqlite', 'putin_interviews._croissant']!r}\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
