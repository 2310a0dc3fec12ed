"""The search rows of the benchmark (imported by ``run.py``): the index's first build, queries
of every selectivity against a scan, the top 10 of the commonest words, and SQLite FTS5 (the
standard library's ``sqlite3``) as the peer, over the same folded texts, with the same
queries, timed in the same run.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import attrs

Row = Callable[..., None]


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """Median time of one call after a first, untimed one (quick queries)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Fts5:
    """An in-memory SQLite FTS5 table over the folded texts (one row a record, rowid its
    position), queried for all the words, best first by its bm25 rank."""

    def __init__(self, folded: list[str]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        with self.db:
            self.db.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", enumerate(folded))

    def search(self, words: list[str], limit: int | None = None) -> list[int]:
        match = " AND ".join(f'"{w}"' for w in words)
        sql = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [rowid for (rowid,) in self.db.execute(sql, (match,))]


def index_memory(path: Path) -> tuple[float, float, float, float]:
    """Resident memory (MB) that the quotations' search index (every field it searches:
    text, context, people, topics) keeps once built, the most it took while being built, and
    what it keeps once every word's bitmaps and tiers (made on first use) are made, in a
    fresh process holding the records already (Linux: /proc/self/status; the peak is reset
    through /proc/self/clear_refs); and the most memory of its own (pages not shared with
    this process, /proc/self/smaps_rollup) that a worker process building part of it had
    when done (0 when built without workers)."""
    with tempfile.TemporaryDirectory() as work:
        script = (
            "import gc, os, pickle, putin_interviews\n"
            "def status(key, where='status'):\n"
            "    return sum(int(line.split()[1]) for line in open(f'/proc/self/{where}') if line.startswith(key))\n"
            "dump = pickle.dump\n"
            "def measured(*args, **kwargs):  # a worker, done: what it has of its own\n"
            f"    with open(os.path.join({work!r}, str(os.getpid())), 'w') as out:\n"
            "        out.write(str(status(('Private_Clean:', 'Private_Dirty:'), 'smaps_rollup')))\n"
            "    dump(*args, **kwargs)\n"
            "pickle.dump = measured\n"
            f"quotes = putin_interviews.load({str(path)!r}).quotes\n"
            "quotes[0]; gc.collect()\n"
            "before = status('VmRSS:')\n"
            "open('/proc/self/clear_refs', 'w').write('5')\n"
            "index = quotes._index()\n"
            "kept, peak = (status('VmRSS:') - before) / 1024, (status('VmHWM:') - before) / 1024\n"
            "for posting in index._postings.values():\n"
            "    posting.ready().bitmap(len(index))\n"
            "    [tier.bitmap(len(index)) for _, tier in posting.tiers()]\n"
            "print(kept, peak, (status('VmRSS:') - before) / 1024)\n"
        )
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
        workers = [int(worker.read_text()) / 1024 for worker in Path(work).iterdir()]
    kept, peak, every = map(float, out.split())
    return kept, peak, every, max(workers, default=0.0)


def _pairs_by_hits(quotes: Any, shares: list[float]) -> list[tuple[str, str, int]]:
    """For each share of the records, a pair of words found together in about that share
    (the closest among pairs of 40 words spread over those each in 1% to 40% of them)."""
    index = quotes._index()
    size = len(index)
    postings = {w: p.ready() for w, p in index._postings.items()}
    middling = sorted(
        (w for w, p in postings.items() if 0.01 * size <= p.count <= 0.4 * size), key=lambda w: postings[w].count
    )
    spread = middling[:: max(1, len(middling) // 40)]
    pairs = []
    for i, a in enumerate(spread):
        for b in spread[i + 1 :]:
            found = index._meet(sorted([postings[a], postings[b]], key=lambda p: p.count))
            pairs.append((a, b, found.bit_count() if isinstance(found, int) else len(found)))
    return [min(pairs, key=lambda p: abs(p[2] - share * size)) for share in shares]


def bench_search(n: int, quotes: Any, repeat: int, row: Row, shown: Row, path: Path) -> None:
    """The search rows for ``n`` quotations (``quotes``, the dataset's table)."""
    from putin_interviews import _occurrences, _workers
    from putin_interviews._fold import fold_many, tokens
    from putin_interviews._gc import collector_paused
    from putin_interviews._search import InvertedIndex

    # The peer indexes what the search reads: every searched field of a record, folded.
    fields = [list(quotes._texts(name, quotes._items)) for name, _ in quotes._search_fields]
    texts = [" ".join(parts) for parts in zip(*fields, strict=True)]
    start = time.perf_counter()
    quotes.search("warm up")
    built = time.perf_counter() - start
    start = time.perf_counter()
    fts = Fts5(fold_many(texts))
    fts_built = time.perf_counter() - start
    processes = _workers.processors()
    used = f"{processes} processes" if n >= 2 * _occurrences._PER_PROCESS and processes > 1 else "one process"
    row(f"[{n:,}] first search (builds the inverted index)", built, f"{used}; FTS5 {fts_built / built:.2f}× this")
    if used != "one process":  # the same build with no worker processes
        with mock.patch.object(_workers, "processors", return_value=1), collector_paused():
            start = time.perf_counter()
            InvertedIndex(len(quotes), [(quotes._texts(name, quotes._items), w) for name, w in quotes._search_fields])
            alone = time.perf_counter() - start
        row(f"[{n:,}] the same build in one process", alone, f"FTS5 {fts_built / alone:.2f}× this")
    row(f"[{n:,}] SQLite FTS5: build over the same folded texts", fts_built)

    share = 10 if n >= 1_000_000 else 1  # the scan, at 1M timed over a tenth and multiplied by ten
    part = quotes[: len(quotes) // share]

    def scanned(words: list[str]) -> float:
        wanted = set(words)
        start = time.perf_counter()
        [q for q in part if wanted.issubset(tokens(q.text))]  # a user's scan, of the text alone
        return (time.perf_counter() - start) * share

    # The common words; a corpus without them, its two commonest.
    postings = quotes._index()._postings
    common = (
        ["the", "of"]
        if "the" in postings and "of" in postings
        else sorted(postings, key=lambda w: -postings[w].ready().count)[:2]
    )
    queries = [(a, b, hits) for a, b, hits in _pairs_by_hits(quotes, [0.001, 0.005, 0.01, 0.02])]
    queries.append((common[0], common[1], len(quotes.search(" ".join(common)))))
    scan = scanned(list(queries[0][:2]))
    for a, b, hits in queries:
        query, words = f"{a} {b}", [a, b]
        frequent = (a, b) == tuple(common)
        took = best_of(lambda q=query: quotes.search(q), 1 if frequent and n >= 100_000 else repeat)
        peer = best_of(lambda w=words: fts.search(w), 1 if frequent and n >= 100_000 else repeat)
        note = f"FTS5 {peer * 1e3:,.2f} ms ({peer / took:,.1f}× this)"
        if not frequent:
            note += f"; scan {scan / took:,.0f}× slower"
        row(f"[{n:,}] search {query!r} ({hits:,} hits, {hits / n:.2%}, all ranked)", took, note)
        top = best_of(lambda q=query: quotes.search(q, limit=10), repeat)
        peer_top = best_of(lambda w=words: fts.search(w, 10), repeat)
        row(f"[{n:,}] search {query!r}, top 10", top, f"FTS5 {peer_top * 1e3:,.2f} ms ({peer_top / top:,.1f}× this)")
    row(f"[{n:,}] scan for two words", scan, "estimated from a tenth" if share > 1 else "")

    # A selection searched: its top 10 among its own records, against ranking every hit of
    # the table and keeping the selection's (what a search of a selection did before). A
    # selection's first search also makes the bitmap of its records' places in the table, and
    # finds those places first when it does not know them (a reversed selection), and keeps
    # them: timed on selections made anew, each searched once.
    query = " ".join(common)
    middle = quotes[len(quotes) // 2]
    selections: list[tuple[str, Callable[[], Any]]] = [
        ("speaker filter", lambda: quotes.filter(speaker=middle.speaker_id)),
        ("kind filter", lambda: quotes.filter(kind="fragment")),
        ("every third record, a slice", lambda: quotes[::3]),  # a slice in order: places known
        ("every third record, reversed", lambda: quotes[::-3]),  # places found by identity
    ]
    for label, select in selections:
        chosen = select()
        members = {id(q) for q in chosen}
        took = best_of(lambda c=chosen: c.search(query, limit=10), repeat)
        fresh = iter([select() for _ in range(repeat + 1)])
        first = best_of(lambda f=fresh: next(f).search(query, limit=10), repeat)
        every = best_of(lambda m=members: [q for q in quotes.search(query) if id(q) in m][:10], 1)
        what = f"{label}, {len(chosen):,} records ({len(chosen) / n:.1%})"
        row(
            f"[{n:,}] search {query!r} in a selection ({what}), top 10",
            took,
            f"its first search {first * 1e3:,.2f} ms; ranking every hit, then keeping the selection's: "
            f"{every / took:,.0f}× this",
        )

    if n >= 1_000_000:
        kept, peak, every, worker = index_memory(path)
        shown(
            f"[{n:,}] memory of the search index",
            f"{kept:,.0f} MB",
            f"at most {peak:,.0f} MB while built ({worker:,.0f} MB more in a worker process); "
            f"{every:,.0f} MB with every word's bitmaps and tiers",
        )


def bench_bundled_repeated(n: int, repeat: int, row: Row) -> None:
    """The bundled quotations repeated to ``n`` records (new ids): a two-word query that
    matches one bundled quotation matches one record in every 77 or so, all ranked, against
    a scan of the short real texts."""
    import putin_interviews as pi
    from putin_interviews._fold import fold_many, tokens

    bundled = pi.dataset().quotes
    repeated = [attrs.evolve(q, id=f"{q.id}-{k}") for k in range(n // len(bundled) + 1) for q in bundled][:n]
    quotes = pi.Quotes(repeated)
    quotes.search("warm up")
    for q in bundled:  # the first pair of words that finds one bundled quotation only
        words = list(dict.fromkeys(tokens(q.text)))
        pair = next(
            ([a, b] for a in words for b in words if a < b and len(pi.dataset().quotes.search(f"{a} {b}")) == 1),
            None,
        )
        if pair:
            break
    assert pair is not None
    query = " ".join(pair)
    hits = len(quotes.search(query))
    took = best_of(lambda: quotes.search(query), repeat)
    wanted = set(pair)
    start = time.perf_counter()
    [q for q in quotes if wanted.issubset(tokens(q.text))]
    scan = time.perf_counter() - start
    # The quickest scan there could be: texts folded beforehand (not timed), each word looked
    # for as a substring between spaces.
    padded = [f" {text} " for text in fold_many([q.text for q in quotes])]
    needles = [f" {word} " for word in pair]
    start = time.perf_counter()
    [i for i, text in enumerate(padded) if all(needle in text for needle in needles)]
    prefolded = time.perf_counter() - start
    row(
        f"[{n:,} bundled, repeated] search {query!r} ({hits:,} hits, {hits / n:.2%}, all ranked)",
        took,
        f"scan {scan * 1e3:,.1f} ms, {scan / took:,.0f}× slower; "
        f"of texts folded beforehand {prefolded * 1e3:,.1f} ms, {prefolded / took:,.0f}× slower",
    )
