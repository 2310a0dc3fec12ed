"""Exports: each format written, read back with standard tools, and matching the Python API."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

import putin_interviews as pi
from putin_interviews import Dataset


def test_json_export_is_the_canonical_file(ds: Dataset, tmp_path: Path) -> None:
    [out] = ds.export(tmp_path / "pi.json", format="json")
    assert pi.load(out) == ds
    assert out.read_text("utf-8") == ds.to_json()


def test_jsonl_export_one_file_per_table(ds: Dataset, tmp_path: Path) -> None:
    written = ds.export(tmp_path / "jsonl", format="jsonl")
    assert [p.name for p in written] == [
        "info.json",
        "people.jsonl",
        "topics.jsonl",
        "articles.jsonl",
        "episodes.jsonl",
        "quotes.jsonl",
        "critiques.jsonl",
    ]
    lines = (tmp_path / "jsonl" / "quotes.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == ds.quotes.to_dicts()
    assert json.loads((tmp_path / "jsonl" / "info.json").read_text("utf-8"))["schema_version"] == 2


def _unescape_split(cell: str) -> list[str]:
    """Split a CSV list cell on unescaped ``|``, undoing ``\\|`` and ``\\\\``."""
    items, current, i = [], "", 0
    while i < len(cell):
        ch = cell[i]
        if ch == "\\" and i + 1 < len(cell):
            current += cell[i + 1]
            i += 2
            continue
        if ch == "|":
            items.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return [*items, current] if cell else []


def test_csv_export_flattens_as_documented(ds: Dataset, tmp_path: Path) -> None:
    ds.export(tmp_path / "csv", format="csv")
    with open(tmp_path / "csv" / "quotes.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 77
    first = rows[0]
    q = ds.quotes[0]
    assert first["id"] == q.id
    assert first["text"] == q.text
    assert (int(first["span_start"]), int(first["span_end"])) == (q.span.start, q.span.end)
    assert _unescape_split(first["topics"]) == list(q.topics)
    assert first["addressee_id"] == "putin"
    clip = next(r for r in rows if r["id"] == "deadline-colbert-never-interfere")
    assert clip["episode"] == ""  # null is an empty cell
    pull = next(r for r in rows if r["id"] == "lz-part-1-not-a-woman")
    assert json.loads(pull["other_spans"]) == [{"start": 4377, "end": 4419}]
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8", newline="") as handle:
        articles = list(csv.DictReader(handle))
    assert articles[0]["published_inferred_earliest"] == "2017-06-12"
    assert articles[2]["title"] == ""


def test_csv_escapes_the_separator(tmp_path: Path) -> None:
    import attrs

    ds = pi.dataset()
    person = attrs.evolve(ds.people[0], aliases=("a|b", "c\\d"))
    odd = attrs.evolve(ds, people=(person, *ds.people[1:]))
    odd.export(tmp_path / "csv", format="csv")
    with open(tmp_path / "csv" / "people.csv", encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["aliases"] == "a\\|b|c\\\\d"
    assert _unescape_split(row["aliases"]) == ["a|b", "c\\d"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    [path, _] = pi.dataset().export(tmp_path_factory.mktemp("sqlite") / "pi.sqlite", format="sqlite")
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    return con


def test_sqlite_answers_putins_quotes_in_part_1(db: sqlite3.Connection) -> None:
    sql = "SELECT id FROM quotes WHERE speaker_id = 'putin' AND episode = 1 ORDER BY position"
    assert [r[0] for r in db.execute(sql)] == [q.id for q in pi.quotes(speaker="putin", episode=1)]


def test_sqlite_answers_critiques_of_stone(db: sqlite3.Connection) -> None:
    sql = "SELECT id FROM critiques WHERE target_kind = 'person' AND target_id = 'stone' ORDER BY position"
    assert [r[0] for r in db.execute(sql)] == [c.id for c in pi.critiques(target="stone")]
    sql = """SELECT c.id FROM critiques c JOIN people p ON p.id = c.critic_id
             WHERE p.name = 'Stephen Colbert' AND c.target_id = 'stone' ORDER BY c.position"""
    assert [r[0] for r in db.execute(sql)] == [c.id for c in pi.critiques(critic="colbert", target="stone")]


def test_sqlite_keys_links_and_full_text(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(quotes)")}
    assert ("people", "speaker_id") in fks
    assert ("articles", "article_id") in fks
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO critique_quotes VALUES ('lz-part-1-clinton-hawk', 'no-such-quote')")
    sql = "SELECT critique_id FROM critique_quotes WHERE quote_id = 'lz-part-1-hawk'"
    assert [r[0] for r in db.execute(sql)] == [c.id for c in pi.dataset().critiques_citing("lz-part-1-hawk")]
    fts = """SELECT q.id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid
             WHERE quotes_fts MATCH 'detente' ORDER BY q.position"""
    assert [r[0] for r in db.execute(fts)] == ["deadline-colbert-detente", "deadline-colbert-hate-trump"]
    text_only = fts.replace("MATCH 'detente'", "MATCH 'text: detente'")
    assert [r[0] for r in db.execute(text_only)] == ["deadline-colbert-detente"]
    assert json.loads(db.execute("SELECT topics FROM quotes WHERE id = 'lz-part-1-hawk'").fetchone()[0]) == [
        "us-politics"
    ]
    assert db.execute("SELECT label FROM topics WHERE id = 'us-politics'").fetchone()[0] == "American party politics"


def test_sqlite_info_holds_plain_text(db: sqlite3.Connection) -> None:
    info = dict(db.execute("SELECT key, value FROM info"))
    assert info["dataset_version"] == "2.0.0"
    assert info["title"] == pi.dataset().info.title  # not JSON-quoted
    assert info["schema_version"] == "2"
    assert info["url"] is None
    assert json.loads(info["sources"]) == list(pi.dataset().info.sources)  # a list stays a JSON array


def test_export_errors(ds: Dataset, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        ds.export(tmp_path / "file", format="csv")
    with pytest.raises(ValueError, match="no export format 'xml'; did you mean 'json', 'jsonl', 'csv', 'sqlite'"):
        ds.export(tmp_path / "x", format="xml")
    with pytest.raises(FileNotFoundError):
        ds.export(tmp_path / "missing" / "pi.json", format="json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # nothing half-written
