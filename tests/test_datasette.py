"""The sqlite export in Datasette: a real ``datasette serve`` on a free local port, its
``_search`` answering as the Python search does, and the metadata describing every column."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews._export_sqlite import index_text
from putin_interviews._fielddocs import field_doc
from putin_interviews._kinds import RecordKind
from putin_interviews._search import split_at_apostrophes, tokens

_START_SECONDS = 60  # a cold start imports a lot; two cores shared with other work
_QUERIES = (
    "dont",
    "don't",
    "don’t",
    "DON'T",
    "detente",
    "détente",
    "trust",
    "Kelly’s",
    "kelly's",
    "al-qaida",
    "putin",
    "us foreign",
    "propagandize",
    "interviewing",
    "hawk",
    "women",
    "woman",
    "days",
    "trusts",
    "no-such-word",
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of Datasette serving the export (with its metadata); stopped after."""
    out = tmp_path_factory.mktemp("datasette")
    db, meta = pi.dataset().export(out / "pi.db", format="sqlite")
    for attempt in range(3):  # the free port may be taken between finding it and binding it
        port = _free_port()
        command = [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(meta)]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        log = out / f"datasette-{attempt}.log"
        with open(log, "wb") as sink:
            proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + _START_SECONDS
            while proc.poll() is None and time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    _get(f"{base}/-/versions.json")
                    break
                time.sleep(0.2)
            else:
                if proc.poll() is None:
                    pytest.fail(f"datasette did not answer within {_START_SECONDS} s: {log.read_text()}")
                continue  # it exited: the port was taken; try another
            yield base
            return
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    pytest.fail(f"datasette did not start: {log.read_text()}")


def _searched(base: str, table: str, query: str) -> list[str]:
    params = urllib.parse.urlencode({"_search": query, "_shape": "array", "_size": "max", "_col": "id"})
    return [row["id"] for row in _get(f"{base}/pi/{table}.json?{params}")]


@pytest.mark.parametrize("query", _QUERIES)
@pytest.mark.parametrize(("table", "kind"), [("quotes", "quote"), ("critiques", "critique")])
def test_datasette_search_finds_what_python_finds(server: str, table: str, kind: RecordKind, query: str) -> None:
    # Datasette reads the table's own columns: a record found by its people's names alone
    # (a speaker's, a critic's) is the Python search's only.
    expected = {h.record.id for h in pi.search(query, kind=kind) if set(h.fields) != {"people"}}
    assert set(_searched(server, table, query)) == expected


def test_the_queries_test_something() -> None:
    """The queries above find something in each table, and the apostrophe forms alike."""
    quotes = {q: len(pi.search(q, kind="quote")) for q in _QUERIES}
    assert quotes["dont"] == quotes["don't"] == quotes["don’t"] == 7
    assert quotes["detente"] == quotes["détente"] == 2  # its text, and a context that names it
    assert quotes["women"] == quotes["woman"] > 0
    assert sum(len(pi.search(q, kind="critique")) > 0 for q in _QUERIES) >= 8


def test_datasette_detects_the_search_and_reads_the_metadata(server: str) -> None:
    tables = {t["name"]: t for t in _get(f"{server}/pi.json")["tables"]}
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert tables["critiques"]["fts_table"] == "critiques_fts"
    assert tables["quotes_fts"]["hidden"]
    with urllib.request.urlopen(f"{server}/pi/quotes?_search=dont", timeout=30) as response:
        page = response.read().decode("utf-8")
    assert 'name="_search"' in page  # the search box
    assert "7 rows where search matches" in page
    meta = _get(f"{server}/-/metadata.json")
    assert meta["title"] == pi.dataset().info.title
    assert meta["databases"]["pi"]["tables"]["quotes"]["columns"]["span_start"].startswith("Where text is printed")
    info = _get(f"{server}/pi/info.json?_shape=object")
    assert info["dataset_version"]["value"] == pi.dataset().info.dataset_version


def test_the_metadata_describes_every_table_and_column(tmp_path: Path) -> None:
    import sqlite3

    db, meta_path = pi.dataset().export(tmp_path / "pi.db", format="sqlite")
    meta = json.loads(meta_path.read_text("utf-8"))
    assert meta["license"] == pi.dataset().info.license
    tables = meta["databases"]["pi"]["tables"]
    with contextlib.closing(sqlite3.connect(db)) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        shown = [n for n in names if "_fts" not in n]
        assert sorted(shown) == sorted(n for n, t in tables.items() if not t.get("hidden"))
        for name in shown:
            assert tables[name]["description"]
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({name})")]
            described = tables[name]["columns"]
            assert list(described) == cols, name
            assert all(isinstance(d, str) and len(d) > 8 for d in described.values()), name
    # Taken from the model's docs, not written again here.
    assert tables["quotes"]["columns"]["text"] == field_doc(pi.Quote, "text")
    assert "``" not in json.dumps(tables)  # plain text, no reST markup


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("don’t", "dont dont s don t"),
        ("Kelly's", "kelly kelly s kelly s"),
        ("Détente", "detente detente s"),
        ("al-Qaida", "al qaida al qaida s"),
    ],
)
def test_the_index_holds_folded_and_split_forms(text: str, held: str) -> None:
    assert index_text(text) == held
    assert set(tokens(text)) <= set(index_text(text).split())


@given(st.text(alphabet=st.sampled_from("ab É'’-. s\u00a0"), max_size=30))
def test_the_index_holds_every_word_the_python_search_sees(text: str) -> None:
    """Whatever the text, each of its folded words is in the index, and each of its words with
    an apostrophe is there split at it (as FTS5 splits a quoted search term)."""
    held = index_text(text).split()
    assert set(tokens(text)) <= set(held)
    for chunk in text.split():
        parts = split_at_apostrophes(chunk).split()
        if parts:
            assert any(held[i : i + len(parts)] == parts for i in range(len(held))), chunk
