"""The real console script, run in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import putin_interviews as pi

SCRIPT = Path(sys.executable).with_name("putin-interviews")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", env=env, input=stdin, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], status: int, text: str) -> None:
    assert result.returncode == status, result
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert text in result.stderr
    assert result.stdout == ""


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), f"console script not found at {SCRIPT}"


def test_quotes_as_json_match_the_api() -> None:
    result = run("quotes", "--speaker", "putin", "--episode", "1", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == pi.quotes(speaker="putin", episode=1).to_dicts()


def test_or_and_unknown_on_the_command_line() -> None:
    result = run("quotes", "--venue", "the-putin-interviews", "--episode", "unknown", "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [
        "deadline-colbert-sway-over-election",
        "deadline-colbert-never-interfere",
        "deadline-colbert-principles",
        "deadline-colbert-thank-you-sir",
    ]
    result = run("critiques", "--target", "kelly", "--target", "documentary", "--format", "csv")
    assert result.stdout.splitlines()[0].startswith("id,article_id,critic_kind")
    assert len(result.stdout.splitlines()) == 1 + 4 + 5


def test_table_fits_the_terminal_and_wraps() -> None:
    result = run("quotes", "--speaker", "putin", "--mode", "direct")
    lines = result.stdout.splitlines()
    assert lines[0] == "Quotes: 19 quotes"
    assert max(len(line) for line in lines) <= 100
    assert "spun out of control." in result.stdout  # long text wraps, not truncated


def test_search_show_info() -> None:
    result = run("search", "al qaida", "--kind", "quote", "--format", "json")
    assert [h["id"] for h in json.loads(result.stdout)] == [
        "lz-part-1-blamed-us-al-qaida",
        "lz-part-1-al-qaida-result",
        "lz-part-1-afghanistan",
    ]
    shown = json.loads(run("show", "lz-part-1-hawk", "--format", "json").stdout)
    assert shown["id"] == "lz-part-1-hawk"
    assert shown["text"] == "hawk."
    assert shown["span"] == {"start": 5185, "end": 5190}
    info = run("info").stdout
    assert f"putin-interviews {pi.__version__}" in info
    assert "dataset 2.0.0 (schema 2)" in info
    assert "18 topics, 3 articles, 4 episodes, 77 quotes, 74 critiques" in info


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "putin_interviews", "episodes", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert [e["number"] for e in json.loads(result.stdout)] == [1, 2, 3, 4]


def test_usage_errors_exit_2_with_one_line() -> None:
    assert_one_line_error(run("quotes", "--bogus"), 2, "unrecognized arguments: --bogus")
    assert_one_line_error(run("quotes", "--speaker", "putn"), 2, "no person 'putn'; did you mean 'putin'?")
    assert_one_line_error(run("show", "nope"), 2, "no record 'nope'")
    assert_one_line_error(run(), 2, "required: COMMAND")
    assert_one_line_error(run("quotes", "--format", "xml"), 2, "invalid choice: 'xml'")


def test_data_flag_and_validate(tmp_path: Path) -> None:
    good = pi.dataset().dump(tmp_path / "good.json")
    result = run("--data", str(good), "quotes", "--speaker", "colbert", "--mode", "direct", "--format", "jsonl")
    assert len(result.stdout.splitlines()) == 11
    ok = run("validate", str(good))
    assert ok.returncode == 0
    assert ok.stdout.strip() == f"{good}: valid (18 people, 18 topics, 3 articles, 4 episodes, 77 quotes, 74 critiques)"
    raw = json.loads(good.read_text("utf-8"))
    raw["quotes"][0]["speaker_id"] = "nobody"
    raw["quotes"][1]["episode"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), "utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{bad}: $.quotes[0].speaker_id: unknown person 'nobody' (quote 'lz-part-1-western-people')",
        f"{bad}: $.quotes[1].episode: episode 9 outside 1-4 (quote 'lz-part-1-interviewed-two-years')",
    ]
    assert_one_line_error(run("--data", str(bad), "quotes"), 1, "(and 1 more; run 'validate' for all)")
    assert_one_line_error(run("--data", str(tmp_path / "missing.json"), "info"), 1, "cannot read file")


def test_export_command(tmp_path: Path) -> None:
    result = run("export", "--format", "sqlite", str(tmp_path / "pi.db"))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [str(tmp_path / "pi.db"), str(tmp_path / "pi.metadata.json")]
    missing = tmp_path / "no"
    assert_one_line_error(
        run("export", "--format", "json", str(missing / "pi.json")), 1, f"the directory {missing} does not exist"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_closed_stdout_is_a_clean_exit() -> None:
    # The reader is gone before the script writes a byte: its first write hits a closed pipe.
    with subprocess.Popen([str(SCRIPT), "quotes"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8")
        status = proc.wait(timeout=60)
    assert status == 0
    assert stderr == ""


def test_head_takes_the_first_line() -> None:
    result = subprocess.run(f"'{SCRIPT}' quotes | head -n 1", shell=True, capture_output=True, text=True, check=False)
    assert result.stdout == "Quotes: 77 quotes\n"
    assert result.stderr == ""
