"""What the library and the command line write: safe on a terminal, complete or not at all,
and machine formats that a value cannot break (issue 14)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

import putin_interviews as pi
from putin_interviews import _cli, _render
from putin_interviews._render import format_table

SCRIPT = Path(sys.executable).with_name("putin-interviews")

#: An id that tries to set the terminal's title, then clears the screen (8-bit CSI), then reverses the text.
EVIL_ID = "tranquil\x1b]0;pwned\x07\x9b2J\u202eid"
#: An id that a hand-joined CSV line would split into fields and rows.
COMMA_ID = 'optimist,"quoted"\nline2'
EVIL_CONTEXT = "ctx \x1b[31mRED\x1b[0m \x1b]52;c;aGk=\x07 del\x7f c1\x9b2J bidi\u202etxt"
EVIL_NAME = "Vladimir \x1b[5mPutin\x1b[0m"
EVIL_DESCRIPTION = "President\x1b]0;title\x07\r of\x00 Russia"
EVIL_TITLE = "Vladimir Putin Opens Up\x1b[8m"


def unsafe(text: str) -> list[str]:
    """The characters of ``text`` that a terminal acts on: C0 controls but newline, DEL, C1
    controls, bidi embeddings, overrides and isolates, lone surrogates."""
    return sorted(
        {
            c
            for c in text
            if (ord(c) < 0x20 and c != "\n")
            or 0x7F <= ord(c) <= 0x9F
            or 0x202A <= ord(c) <= 0x202E
            or 0x2066 <= ord(c) <= 0x2069
            or 0xD800 <= ord(c) <= 0xDFFF
        }
    )


def evil_dict() -> dict[str, Any]:
    data = pi.dataset().to_dict()
    quotes = {q["id"]: q for q in data["quotes"]}
    quotes["lz-part-3-tranquil"].update(id=EVIL_ID, context=EVIL_CONTEXT)
    quotes["lz-part-3-cautious-optimist"]["id"] = COMMA_ID
    person = next(p for p in data["people"] if p["id"] == "putin")
    person.update(name=EVIL_NAME, description=EVIL_DESCRIPTION)
    data["info"]["title"] += "\x1b[2J"
    data["articles"][0]["title"] = EVIL_TITLE
    return data


@pytest.fixture(scope="module")
def evil_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("evil") / "evil.json"
    path.write_text(json.dumps(evil_dict(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def evil() -> pi.Dataset:
    return pi.loads(json.dumps(evil_dict()))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", errors="strict", env=full, check=False
    )


# ------------------------------------------------------------------ the one escaping function


def test_printable_shows_controls_as_escapes_and_keeps_text() -> None:
    assert _render.printable("a\x1b[31mb\tc\nd\x7f\x9b\u202e’é\r") == "a\\x1b[31mb c\nd\\x7f\\x9b\\u202e’é\\r"
    assert _render.printable("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07"
    assert _render.printable("\ud800 \u2066x\u2069 \x00") == "\\ud800 \\u2066x\\u2069 \\x00"
    plain = "Stone’s “Fair Hearing” — détente, 東京 👨‍👩‍👧"  # ZWJ emoji kept
    assert _render.printable(plain) is plain
    assert _render.printable(_render.printable(EVIL_CONTEXT)) == _render.printable(EVIL_CONTEXT)  # idempotent


def test_format_table_escapes_cells() -> None:
    table = format_table(["id", "text"], [["a\x1b[31m", "x\x9by\tz"], ["b", "one\r\ntwo"]], width=40)
    assert table.splitlines()[2:] == ["a\\x1b[31m  x\\x9by z", "b          one two"]
    assert unsafe(table) == []


def test_reprs_of_tables_hits_and_records_are_terminal_safe(evil: pi.Dataset) -> None:
    shown = [
        repr(evil.people),
        repr(evil.quotes.search("tranquil")),
        repr(evil.search("vladimir")),
        repr(evil.search("tranquil")),
        repr(evil.search("tranquil")[0]),
        repr(evil.get(EVIL_ID)),
        repr(evil.get_person("putin")),
        evil.quotes.search("tranquil")._text(limit=None, width=200, max_lines=None),
    ]
    for text in shown:
        assert unsafe(text) == [], text
    assert "Vladimir \\x1b[5mPutin\\x1b[0m" in repr(evil.people)
    assert "tranquil\\x1b]0;pwned\\x07" in repr(evil.search("tranquil"))


# ------------------------------------------------------------------ the command line, on a terminal


@pytest.mark.parametrize(
    "args",
    [
        ("quotes",),
        ("quotes", "--format", "json"),
        ("quotes", "--format", "jsonl"),
        ("people",),
        ("search", "tranquil"),
        ("search", "vladimir", "--format", "json"),
        ("show", EVIL_ID),
        ("show", EVIL_ID, "--format", "json"),
        ("show", "putin"),
        ("info",),
        ("cite", "lz-part-1", "--style", "csl-json"),
        ("cite", "lz-part-1", "--style", "apa"),
        ("cite", "--all", "--style", "mla", "--markup", "html"),
        ("show", "tranquil\x1b]0;pwned\x07"),  # unknown id, echoed in the error
        ("quotes", "--speaker", "\x1b[31m"),  # unknown value, echoed in the error
    ],
)
def test_command_line_writes_no_control_characters(evil_file: Path, args: tuple[str, ...]) -> None:
    result = run("--data", str(evil_file), *args)
    assert "Traceback" not in result.stderr
    assert unsafe(result.stdout) == []
    assert unsafe(result.stderr) == []


def test_command_line_shows_the_escapes(evil_file: Path) -> None:
    result = run("--data", str(evil_file), "show", EVIL_ID)
    assert result.returncode == 0
    assert "tranquil\\x1b]0;pwned\\x07\\x9b2J\\u202eid" in result.stdout
    assert "\\x1b[31mRED\\x1b[0m" in result.stdout
    people = run("--data", str(evil_file), "people", env={"COLUMNS": "300"}).stdout
    assert "Vladimir \\x1b[5mPutin\\x1b[0m" in people
    assert "President\\x1b]0;title\\x07 of\\x00 Russia" in people  # the \r folded, as white space in a cell


def test_json_output_stays_faithful(evil_file: Path) -> None:
    result = run("--data", str(evil_file), "quotes", "--format", "json")
    records = {q["id"]: q for q in json.loads(result.stdout)}
    assert records[EVIL_ID]["context"] == EVIL_CONTEXT
    shown = run("--data", str(evil_file), "show", "putin", "--format", "json").stdout
    assert json.loads(shown)["name"] == EVIL_NAME
    lines = run("--data", str(evil_file), "quotes", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == list(records)


def test_validate_echoes_the_path_escaped(evil_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "x\x1b[2Jy.json"
    path.write_bytes(evil_file.read_bytes())
    result = run("validate", str(path))
    assert result.returncode == 0
    assert unsafe(result.stdout) == []
    assert "x\\x1b[2Jy.json: valid" in result.stdout


def test_csv_is_faithful_through_a_pipe(evil_file: Path) -> None:
    result = run("--data", str(evil_file), "quotes", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout, newline=""))}
    assert rows[EVIL_ID]["context"] == EVIL_CONTEXT
    assert COMMA_ID in rows


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["quotes", "--format", "csv"], "tranquil\\x1b]0;pwned\\x07\\x9b2J\\u202eid"),
        (["search", "tranquil", "--format", "csv"], "tranquil\\x1b]0;pwned\\x07\\x9b2J\\u202eid"),
        (["cite", "lz-part-1", "--style", "ris"], "TI  - Vladimir Putin Opens Up\\x1b[8m\n"),
        (["cite", "lz-part-1", "--style", "bibtex"], "title = {Vladimir Putin Opens Up\\x1b[8m},"),
    ],
)
def test_csv_bibtex_and_ris_are_escaped_on_a_terminal(
    evil_file: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], shown: str
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert _cli.main(["--data", str(evil_file), *args]) == 0
    assert unsafe(terminal.getvalue()) == []
    assert shown in terminal.getvalue()
    monkeypatch.undo()
    exact = run("--data", str(evil_file), *args).stdout  # through a pipe: the data as it is
    assert shown.encode("ascii").decode("unicode_escape") in exact


# ------------------------------------------------------------------ output that cannot fail half-way


def test_closed_stdout_is_a_one_line_error() -> None:
    result = subprocess.run(
        ["sh", "-c", '"$0" quotes >&-', str(SCRIPT)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == "putin-interviews: error: cannot write the output: standard output is closed\n"


def test_full_disk_is_a_one_line_error() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(SCRIPT), "quotes"], stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == "putin-interviews: error: cannot write the output: [Errno 28] No space left on device\n"


def test_an_ascii_terminal_gets_escapes_not_an_error() -> None:
    result = subprocess.run(
        [str(SCRIPT), "quotes", "--speaker", "putin"],
        capture_output=True,
        env={**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("ascii")
    assert text.startswith("Quotes: 27 quotes\n")
    assert "I wasn\\u2019t sure I wanted to do that," in text
    failing = subprocess.run(
        [str(SCRIPT), "show", "Pütin"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert failing.returncode == 2
    assert failing.stderr.decode("ascii") == "putin-interviews: error: no record 'P\\xfctin'; did you mean 'putin'?\n"


# ------------------------------------------------------------------ CSV written with the csv module


def test_search_csv_survives_commas_quotes_and_newlines(evil_file: Path, evil: pi.Dataset) -> None:
    result = run("--data", str(evil_file), "search", "cautious optimist", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    text = evil.get_quote(COMMA_ID).text
    assert rows == [["kind", "id", "score", "fields", "text"], ["quote", COMMA_ID, rows[1][2], "text", text]]
    assert float(rows[1][2]) > 0
    both = run("--data", str(evil_file), "search", "optimist", "--format", "csv", "--kind", "quote").stdout
    assert [r[1] for r in csv.reader(io.StringIO(both, newline=""))][1:] == [COMMA_ID]


# ------------------------------------------------------------------ machine-readable citations


def _injected(**article: Any) -> tuple[pi.Dataset, Any]:
    """The bundled dataset with the first article's fields changed (as a new article, when its id is)."""
    data = pi.dataset().to_dict()
    changed = {**data["articles"][0], **article}
    if "id" in article:
        data["articles"].append(changed)
    else:
        data["articles"][0] = changed
    ds = pi.loads(json.dumps(data))
    return ds, ds.get_article(changed["id"])


def _naive_balance(value: str) -> bool:
    """Braces balance as BibTeX itself counts them (a backslash escapes nothing)."""
    depth = 0
    for c in value:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


URL = "http://x/}, author = {Injected}"


def test_bibtex_url_cannot_inject_a_field() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    ds, article = _injected(url=URL)
    text = ds.cite(article, style="bibtex")
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.key == "lz-part-1"
    assert sorted(entry.fields_dict) == ["note", "organization", "title", "type", "url"]
    assert "author" not in entry.fields_dict
    assert entry.fields_dict["url"].value == "http://x/%7D, author = %7BInjected%7D"
    assert urllib.parse.unquote(entry.fields_dict["url"].value) == URL
    assert all(_naive_balance(f.value) for f in entry.fields)


def test_bibtex_values_and_keys_cannot_break_out() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    title = "Closing} brace, author = {Injected} and a trailing backslash \\"
    ds, article = _injected(id="a, b}{c", title=title, outlet="Out{let", url="http://x/a\\b{c}")
    text = ds.cite(article, style="bibtex")
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert re.fullmatch(r"[A-Za-z0-9_.:-]+", entry.key), entry.key
    assert entry.key == ds.cite(article, style="bibtex").split("{", 1)[1].split(",", 1)[0]
    assert sorted(entry.fields_dict) == ["note", "organization", "title", "type", "url"]
    assert entry.fields_dict["title"].value == (
        r"Closing\textbraceright{} brace, author = \{Injected\} and a trailing backslash"
        r" \textbackslash{}"
    )
    assert entry.fields_dict["organization"].value == r"Out\textbraceleft{}let"
    assert entry.fields_dict["url"].value == "http://x/a%5Cb%7Bc%7D"
    assert all(_naive_balance(f.value) for f in entry.fields)
    # Paired braces keep the plain escape (the golden form for balanced text).
    ds, article = _injected(title="{AT&T} }{")
    value = bibtexparser.parse_string(ds.cite(article, style="bibtex")).entries[0].fields_dict["title"].value
    assert value == r"\{AT\&T\} \textbraceright{}\textbraceleft{}"


def test_bibtex_keys_of_distinct_unsafe_ids_differ() -> None:
    keys = set()
    for record_id in ("a,b", "a b", "a{b", "a-b"):
        ds, article = _injected(id=record_id)
        keys.add(ds.cite(article, style="bibtex").split("{", 1)[1].split(",", 1)[0])
    assert len(keys) == 4
    assert "a-b" in keys  # a safe id is its own key


def test_ris_newline_cannot_start_a_tag() -> None:
    rispy = pytest.importorskip("rispy")
    ds, article = _injected(title="Title\nAU  - Injected\r\nER  - ", url=URL)
    text = ds.cite(article, style="ris")
    [record] = rispy.loads(text)
    assert "authors" not in record
    assert record["title"] == "Title AU - Injected ER -"
    assert record["urls"] == [URL]
    assert all(re.match(r"[A-Z][A-Z0-9]  - ", line) for line in text.splitlines())


def test_csl_json_round_trips_any_value() -> None:
    ds, article = _injected(title='a\x1b[31m}"\\', url=URL)
    [item] = json.loads(ds.cite(article, style="csl-json"))
    assert item["title"] == 'a\x1b[31m}"\\'
    assert item["URL"] == URL


def test_json_exported_to_a_terminal_is_escaped_and_exact_through_a_pipe(tmp_path: Path) -> None:
    import pty

    doc = pi.dataset().to_dict()
    doc["quotes"][0]["context"] = "clear \x9b2J screen \u202e reversed"
    data = tmp_path / "hostile.json"
    data.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    script = Path(sys.executable).with_name("putin-interviews")
    command = [str(script), "--data", str(data), "export", "--format", "json", "-"]
    piped = subprocess.run(command, capture_output=True, check=False, timeout=60)
    assert piped.returncode == 0
    assert "clear \x9b2J screen \u202e reversed" in piped.stdout.decode("utf-8")  # exact bytes in a pipe
    main, child = pty.openpty()
    try:
        with subprocess.Popen(command, stdout=child, stderr=subprocess.DEVNULL) as process:
            os.close(child)
            chunks = []
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # the terminal closed
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            assert process.wait(timeout=60) == 0
    finally:
        os.close(main)
    shown = b"".join(chunks).decode("utf-8")
    assert "\x9b" not in shown
    assert "\u202e" not in shown
    assert "clear \\u009b2J screen \\u202e reversed" in shown  # the same JSON value, escaped
