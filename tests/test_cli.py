"""The real console script, run in subprocesses."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews._cli import build_parser, main

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


# ------------------------------------------------------------------ in-process: the parser and the output


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _actions(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        yield path, action
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                yield path, pseudo
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}")


def test_every_command_and_argument_has_a_line_of_help() -> None:
    found = list(_actions(build_parser(), "putin-interviews"))
    assert len(found) > 60
    missing = [(path, a.dest) for path, a in found if not a.help or a.help == argparse.SUPPRESS]
    assert missing == []
    commands = {a.dest for path, a in found if path == "putin-interviews" and not a.option_strings}
    assert {"search", "show", "cite", "verify", "quotes"} <= commands


#: A command line of each command, and its arguments.
_COMMAND_LINES = [
    ["quotes", "--speaker", "putin", "--episode", "unknown", "--limit", "2", "--format", "json"],
    ["people", "--kind", "group"],
    ["topics", "--text", "qaida"],
    ["articles", "--outlet", "deadline", "--data", "x.json"],
    ["episodes", "--number", "2"],
    ["critiques", "--critic", "article", "--stance", "negative"],
    ["search", "al", "qaida", "--kind", "quote", "--kind", "critique"],
    ["show", "lz-part-1", "--format", "json"],
    ["export", "--format", "csv", "out", "--sources", "seeds"],
    ["cite", "--all", "--style", "mla", "--markup", "html"],
    ["validate", "x.json"],
    ["info"],
    ["verify", "--sources", "seeds"],
]


def test_the_command_line_covers_each_command() -> None:
    assert sorted(line[0] for line in _COMMAND_LINES) == sorted(
        name for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices
    )


@pytest.mark.parametrize("line", _COMMAND_LINES, ids=lambda line: line[0])
def test_a_command_whose_arguments_are_added_as_it_is_parsed_is_parsed_and_helped_the_same(
    line: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A run adds the arguments of its own command only (build_parser(later=True)): the same
    # parser, command by command, as the one built whole.
    assert build_parser(later=True).parse_args(line) == build_parser().parse_args(line)
    helped = []
    for parser in (build_parser(later=True), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args([line[0], "--help"])
        helped.append(capsys.readouterr().out)
    assert helped[0] == helped[1]
    assert "options:" in helped[0]
    assert build_parser(later=True).format_help() == build_parser().format_help()


def test_search_takes_several_words_unquoted(capsys: pytest.CaptureFixture[str]) -> None:
    _, quoted, _ = cli(capsys, "search", "al qaida", "--format", "json")
    status, unquoted, err = cli(capsys, "search", "al", "qaida", "--format", "json")
    assert status == 0, err
    assert unquoted == quoted
    ids = [h["id"] for h in json.loads(unquoted)]
    assert ids == [h.record.id for h in pi.search("al qaida")]
    assert {"lz-part-1-blamed-us-al-qaida", "lz-part-1-al-qaida-result", "lz-part-1-afghanistan"} <= set(ids)


def test_search_output_carries_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "search", "cautious", "optimist", "--kind", "quote", "--format", "json")
    [hit] = json.loads(out)
    assert hit["id"] == "lz-part-3-cautious-optimist"
    assert hit["text"] == pi.get_quote("lz-part-3-cautious-optimist").text
    assert list(hit) == ["kind", "id", "score", "fields", "text"]
    _, out, _ = cli(capsys, "search", "detente", "--kind", "quote", "--format", "jsonl")
    assert [json.loads(line)["text"] for line in out.splitlines()] == [
        pi.get_quote(h.record.id).text for h in pi.search("detente", kind="quote")
    ]
    _, out, _ = cli(capsys, "search", "cautious", "optimist", "--kind", "quote", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["kind", "id", "score", "fields", "text"]
    assert rows[1][4] == pi.get_quote("lz-part-3-cautious-optimist").text


def test_listings_and_search_print_the_same_header(capsys: pytest.CaptureFixture[str]) -> None:
    total = len(pi.search("al qaida"))
    _, out, _ = cli(capsys, "search", "al", "qaida")
    assert out.splitlines()[0] == f"Hits: {total} hits"
    _, out, _ = cli(capsys, "search", "al", "qaida", "--limit", "2")
    lines = out.splitlines()
    assert lines[0] == f"Hits: {total} hits"
    assert lines[-1] == f"… {total - 2} more"
    _, out, _ = cli(capsys, "search", "zzzzqqq")
    assert out == "Hits: 0 hits\n"
    _, out, _ = cli(capsys, "search", "cautious", "optimist", "--kind", "quote")
    assert out.splitlines()[0] == "Hits: 1 hit"
    _, out, _ = cli(capsys, "people", "--kind", "group", "--limit", "0")
    assert out == f"People: {len(pi.people(kind='group'))} people\n… {len(pi.people(kind='group'))} more\n"


def test_listings_take_a_limit(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "quotes", "--speaker", "putin", "--limit", "3", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [q.id for q in pi.quotes(speaker="putin")[:3]]
    _, out, _ = cli(capsys, "critiques", "--limit", "2", "--format", "json")
    assert [c["id"] for c in json.loads(out)] == [c.id for c in pi.critiques()[:2]]
    _, out, _ = cli(capsys, "articles", "--limit", "1", "--format", "csv")
    assert len(out.splitlines()) == 2
    _, out, _ = cli(capsys, "quotes", "--limit", "5")
    lines = out.splitlines()
    assert lines[0] == f"Quotes: {len(pi.quotes())} quotes"
    assert lines[-1] == f"… {len(pi.quotes()) - 5} more"
    status, _, err = cli(capsys, "quotes", "--limit", "-1")
    assert status == 2
    assert "expected a whole number, 0 or more, not '-1'" in err


def test_data_goes_before_or_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = pi.dataset().to_dict()
    data["quotes"] = [q for q in data["quotes"] if q["id"] == "lz-part-1-hawk"]
    data["critiques"] = []
    small = tmp_path / "small.json"
    small.write_text(json.dumps(data), "utf-8")
    for args in (["--data", str(small), "quotes"], ["quotes", "--data", str(small)]):
        _, out, _ = cli(capsys, *args, "--format", "jsonl")
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["lz-part-1-hawk"]
    _, out, _ = cli(capsys, "search", "hawk", "--kind", "quote", "--data", str(small), "--format", "json")
    assert [h["id"] for h in json.loads(out)] == ["lz-part-1-hawk"]
    _, out, _ = cli(capsys, "info", "--data", str(small))
    assert "1 quotes, 0 critiques" in out
    status, _, err = cli(capsys, "show", "lz-part-3-always-hope", "--data", str(small))
    assert status == 2
    assert "no record 'lz-part-3-always-hope'" in err
    status, _, err = cli(capsys, "cite", "dataset", "--data", str(tmp_path / "missing.json"))
    assert status == 1
    assert "cannot read file" in err


def test_show_says_what_kind_of_record_it_printed(capsys: pytest.CaptureFixture[str]) -> None:
    expected = {
        "lz-part-1-hawk": "Quote",
        "putin": "Person",
        "us-politics": "Topic",
        "lz-part-1": "Article",
        "part-2": "Episode",
        "lz-part-1-stone-praised-ron-paul": "Critique",
    }
    for record_id, kind in expected.items():
        _, out, _ = cli(capsys, "show", record_id)
        lines = out.splitlines()
        assert lines[0] == f"{kind} {record_id}"
        assert lines[1].split() == ["field", "value"]


def _table_ids(out: str) -> list[str]:
    """The first column of a table's rows: the lines after the dashes that start with a word."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("--")) + 1
    return [line.split()[0] for line in lines[start:] if line[:1].strip() and not line.startswith("…")]


@pytest.mark.parametrize("width", ["40", "60", "80"])
def test_no_id_or_url_is_split_across_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    for table in ("people", "topics", "articles", "episodes", "quotes", "critiques"):
        _, out, _ = cli(capsys, table)
        first = [str(r.number) if table == "episodes" else r.id for r in getattr(pi, table)()]
        assert _table_ids(out) == first, table
    _, out, _ = cli(capsys, "search", "al", "qaida")
    assert _table_ids(out) == [h.kind for h in pi.search("al qaida")]
    assert all(re.search(rf"\b{re.escape(h.record.id)}\b", out) for h in pi.search("al qaida"))
    for article in pi.articles():
        _, out, _ = cli(capsys, "show", article.id)
        if article.url is not None:
            assert f" {article.url}\n" in out
    _, out, _ = cli(capsys, "quotes", "--article", "deadline-colbert")
    assert "deadline-colbert-no-followup" in out.split()
    assert "two-year" in out.split()  # nor at a hyphen in the text
    joined = " ".join(out.split())
    assert all(" ".join(q.text.split()) in joined for q in pi.quotes(article="deadline-colbert"))  # nothing cut


def test_a_narrow_terminal_still_gets_all_the_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    _, out, _ = cli(capsys, "quotes", "--speaker", "putin", "--mode", "direct")
    words = out.split()
    for quote in pi.quotes(speaker="putin", mode="direct"):
        assert " ".join(quote.text.split()) in " ".join(words)


def test_quotes_about_a_subject(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "quotes", "--subject", "obama", "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [q.id for q in pi.dataset().quotes_about("obama")]
    assert len(ids) == 5


_COLUMNS = st.one_of(
    st.none(),
    st.integers(-5, 400).map(str),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0")),
)


@given(_COLUMNS, st.integers(1, 300))
def test_the_terminal_width_is_shutils_without_shutil(columns: str | None, fallback: int) -> None:
    # (Standard output is no terminal under pytest: where COLUMNS says nothing, the fallback.)
    import shutil

    from putin_interviews._render import help_formatter, terminal_width

    with mock.patch.dict(os.environ, {} if columns is None else {"COLUMNS": columns}):
        if columns is None:
            os.environ.pop("COLUMNS", None)
        assert terminal_width(fallback) == shutil.get_terminal_size((fallback, 24)).columns
        ours, theirs = help_formatter("prog"), argparse.HelpFormatter("prog")
        assert (ours._width, ours._max_help_position) == (theirs._width, theirs._max_help_position)


def test_the_listing_imports_no_shutil() -> None:
    code = (
        "import sys\n"
        "from putin_interviews._cli import main\n"
        "main(['quotes', '--speaker', 'putin', '--limit', '1'])\n"
        "print(sorted(m for m in ('shutil', 'bz2', 'lzma') if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
