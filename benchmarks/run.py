"""The benchmark: prints a table of medians, with ratios against the physical limit (orjson
with the collector off), against what a user would write instead (json plus comprehensions),
and against pandas. Not part of the test suite.

    python benchmarks/run.py                  # sizes 1k, 10k, 100k and 1M quotations
    python benchmarks/run.py --sizes 1000 10000 --repeat 3

Needs orjson and pandas (``pip install -e '.[dev,fast]'``). Synthetic files are generated
once into ``--work`` (default: a folder in the temporary directory) and reused.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

ROWS: list[tuple[str, str, str]] = []


def median_time(
    fn: Callable[[], Any], repeat: int, gc_off: bool = False, cleanup: Callable[[], Any] | None = None
) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs (its result freed between runs)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        if gc_off:
            gc.disable()
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        gc.enable()
        del result
        if cleanup is not None:
            cleanup()
        times.append(elapsed)
    return statistics.median(times)


def paired_medians(runs: list[tuple[Callable[[], Any], bool]], repeat: int) -> list[float]:
    """Median wall times of several functions (each with or without the collector), run in
    turn within each repetition, so that a machine getting busier or quieter during the run
    shifts them all alike and their ratio holds. The order flips every repetition: at a
    million quotations, whichever runs second reuses memory the first has just freed."""
    times: list[list[float]] = [[] for _ in runs]
    for i in range(repeat):
        order = list(range(len(runs)))
        if i % 2:
            order.reverse()
        for k in order:
            fn, gc_off = runs[k]
            times[k].append(median_time(fn, 1, gc_off=gc_off))
    return [statistics.median(seen) for seen in times]


def per_call(fn: Callable[[], Any], repeat: int, batch: int = 50) -> float:
    """Median time of one call, timed over batches of calls (quick operations)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        times.append((time.perf_counter() - start) / batch)
    return statistics.median(times)


def shown(what: str, value: str, note: str = "") -> None:
    ROWS.append((what, value, note))
    print(f"  {what:<58} {value:>14}  {note}", flush=True)


def row(what: str, seconds: float, note: str = "") -> None:
    shown(what, f"{seconds * 1e3:,.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:,.1f} µs", note)


def cold(code: str, repeat: int) -> float:
    """Median wall time of ``code`` in a fresh interpreter, measured inside it."""
    script = f"import time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    times = [
        float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(times)


def import_cost(repeat: int) -> float:
    """``import putin_interviews`` on top of ``import attrs, cattrs`` (python -X importtime)."""
    values = []
    for _ in range(repeat):
        code = "import attrs, cattrs, cattrs.preconf.json; import putin_interviews"
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
        )
        out = out.stderr
        line = next(line for line in out.splitlines() if line.rstrip().endswith("| putin_interviews"))
        values.append(int(line.split("|")[1]) / 1e6)
    return statistics.median(values)


def peak_memory(path: Path, what: str) -> float:
    """Peak resident memory (MB) that parsing ``path`` with orjson and keeping the result, or
    loading it with putin_interviews and building every record, adds to a process that has
    already read the file and imported the modules (Linux: /proc/self/status)."""
    work = {
        "parsed": "raw = orjson.loads(data)",
        "loaded": "ds = pi.loads(data); ds.quotes[0]; ds.critiques[0]",
    }[what]
    script = (
        "import orjson, putin_interviews as pi\n"
        "pi.dataset()\n"
        "def status(key):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith(key): return int(line.split()[1])\n"
        f"data = open({str(path)!r}, 'rb').read()\n"
        "before = status('VmRSS:')\n"
        f"{work}\n"
        "print((status('VmHWM:') - before) / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return float(out)


def index_memory(path: Path) -> tuple[float, float]:
    """Resident memory (MB) that the search index over the quotations' texts keeps, and the
    most it took while being built, in a process holding the texts already (Linux: the peak
    is reset through /proc/self/clear_refs just before the build)."""
    script = (
        "import gc, orjson\n"
        "from putin_interviews._search import InvertedIndex\n"
        "def status(key):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith(key): return int(line.split()[1])\n"
        f"raw = orjson.loads(open({str(path)!r}, 'rb').read())\n"
        "texts = [q['text'] for q in raw['quotes']]\n"
        "del raw; gc.collect()\n"
        "before = status('VmRSS:')\n"
        "open('/proc/self/clear_refs', 'w').write('5')\n"
        "index = InvertedIndex(len(texts), [(texts, 1.0)])\n"
        "print((status('VmRSS:') - before) / 1024, (status('VmHWM:') - before) / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    kept, peak = map(float, out.split())
    return kept, peak


def bench_size(n: int, work: Path, repeat: int, pandas: Any) -> None:
    import orjson

    import putin_interviews as pi
    from putin_interviews._search import tokens

    # Named after the generator's source, so a file written by an older generator (an older
    # schema) is never reused.
    version = hashlib.sha256(Path(generate.__file__).read_bytes()).hexdigest()[:12]
    path = work / f"synthetic-{n}-{version}.json"
    if not path.exists():
        generate.write(n, path)
    data = path.read_bytes()
    print(f"\n{n:,} quotations ({len(data) / 1e6:,.1f} MB)", flush=True)
    reps = max(1, repeat if n <= 100_000 else repeat // 3)
    # The limit and the loader, timed in turn in each repetition (their ratio is the target;
    # at least twice, so that each goes first once).
    pair = [(lambda: orjson.loads(data), True), (lambda: pi.loads(data), False)]
    limit, load = paired_medians(pair, max(2, reps))
    row(f"[{n:,}] orjson.loads, collector off (the limit)", limit)
    row(f"[{n:,}] orjson.loads, collector on", median_time(lambda: orjson.loads(data), reps))
    row(f"[{n:,}] json.loads", median_time(lambda: json.loads(data), reps))
    row(f"[{n:,}] putin_interviews.loads (full validation)", load, f"{load / limit:.2f}× the limit")
    if n < 1_000_000:
        row(f"[{n:,}] putin_interviews.load(path)", median_time(lambda: pi.load(path), reps))

    ds = pi.loads(data)
    start = time.perf_counter()
    quotes = ds.quotes
    quotes[0]
    row(f"[{n:,}] first use of the quotes: build the records", time.perf_counter() - start, "deferred from load")
    # Python's collector walks every new record a few times after a load, whoever loads them.
    start = time.perf_counter()
    gc.collect()
    row(f"[{n:,}] one full collection, every record alive", time.perf_counter() - start, "CPython's gc")
    speaker = quotes[len(quotes) // 2].speaker_id
    article = quotes[len(quotes) // 2].article_id

    def user_way() -> list[dict[str, Any]]:
        raw = json.loads(data)
        return [q for q in raw["quotes"] if q["speaker_id"] == speaker]

    user = median_time(user_way, reps)
    row(f"[{n:,}] a user's json.load + comprehension (one filter)", user, f"load is {load / user:.2f}× this")
    if pandas is not None and n < 1_000_000:  # a minute at 1M: measured up to 100,000

        def with_pandas() -> Any:
            frame = pandas.json_normalize(json.loads(data)["quotes"])
            return frame[frame["speaker_id"] == speaker]

        row(f"[{n:,}] pandas json_normalize + boolean filter", median_time(with_pandas, 1))

    start = time.perf_counter()
    pi_id = quotes[n // 3].id
    quotes.get(pi_id)
    row(f"[{n:,}] first lookup by id (builds the id index)", time.perf_counter() - start)
    ids = [quotes[random.Random(1).randrange(len(quotes))].id for _ in range(1000)]
    per = per_call(lambda: [quotes.get(i) for i in ids], repeat, batch=5) / len(ids)
    row(f"[{n:,}] lookup by id", per, "O(1)")
    name = ds.people[3].name
    row(f"[{n:,}] get_person by name", per_call(lambda: ds.get_person(name), repeat))

    filters = {
        "speaker": {"speaker": speaker},
        "episode": {"episode": 2},
        "article": {"article": article},
        "kind": {"kind": "fragment"},
        "speaker + episode": {"speaker": speaker, "episode": 1},
    }
    for label, criteria in filters.items():
        start = time.perf_counter()
        first = quotes.filter(**criteria)
        built = time.perf_counter() - start
        took = per_call(lambda c=criteria: quotes.filter(**c), repeat, batch=10)
        row(f"[{n:,}] filter {label} ({len(first):,} results)", took, f"first call {built * 1e3:,.1f} ms (index)")
    if n < 1_000_000:  # a scan: measured up to 100,000
        row(f"[{n:,}] filter text (a scan)", median_time(lambda: quotes.filter(text="optimist"), 1))

    start = time.perf_counter()
    quotes.search("warm up")
    row(f"[{n:,}] first search (builds the inverted index)", time.perf_counter() - start)
    words = _query_words(quotes)
    query = " ".join(words)
    found = quotes.search(query)
    took = per_call(lambda: quotes.search(query), repeat, batch=10)
    top = per_call(lambda: quotes.search(query, limit=10), repeat, batch=10)
    wanted = set(words)

    # The scan a user would write; at 1M timed over the first tenth and multiplied by ten.
    share = 10 if n >= 1_000_000 else 1
    part = quotes[: len(quotes) // share]

    def scan() -> list[Any]:
        return [q for q in part if wanted.issubset(tokens(q.text))]

    scanned = median_time(scan, 1) * share
    row(f"[{n:,}] search {query!r} ({len(found):,} hits, all ranked)", took, f"scan {scanned / took:,.0f}× slower")
    row(f"[{n:,}] search, top 10", top, f"scan {scanned / top:,.0f}× slower")
    row(f"[{n:,}] scan for the same words", scanned, "estimated from a tenth" if share > 1 else "")
    if n <= 100_000:  # the cost of a query grows with its hits: two of the commonest words
        common = " ".join(_common_words(quotes))
        hits = len(quotes.search(common))
        took = median_time(lambda: quotes.search(common), 3)
        row(f"[{n:,}] search {common!r} ({hits:,} hits, all ranked)", took, f"{took / max(hits, 1) * 1e6:.1f} µs a hit")

    page = quotes._repr_html_()
    row(f"[{n:,}] notebook HTML of the quotes ({len(page):,} characters)", median_time(quotes._repr_html_, reps))
    by_speaker = quotes.filter(speaker=speaker)
    by_article = quotes.filter(article=article)
    union = median_time(lambda: by_speaker | by_article, reps)
    row(f"[{n:,}] | of two filters ({len(by_speaker | by_article):,} results)", union)
    row(f"[{n:,}] sort_by episode, then id", median_time(lambda: quotes.sort_by("episode", "id"), 1))
    if pandas is not None and n < 1_000_000:
        row(f"[{n:,}] to_pandas of the quotes (typed columns)", median_time(quotes.to_pandas, 1))

    if n >= 1_000_000:
        parsed = peak_memory(path, "parsed")
        loaded = peak_memory(path, "loaded")
        shown(f"[{n:,}] peak memory: orjson parse, kept", f"{parsed:,.0f} MB", "added to the file's bytes")
        shown(
            f"[{n:,}] peak memory: load, then build every record", f"{loaded:,.0f} MB", f"{loaded / parsed:.2f}× parsed"
        )
        kept, peak = index_memory(path)
        shown(f"[{n:,}] memory of the search index", f"{kept:,.0f} MB", f"at most {peak:,.0f} MB while built")


def _query_words(quotes: Any) -> list[str]:
    """Two content words that occur together in some quotation: each in between 0.1% and 5%
    of the quotations (no word as common as "the")."""
    from putin_interviews._search import tokens

    index = quotes._index()
    size = len(index)
    for i in range(len(quotes) // 2, len(quotes)):
        words = [w for w in dict.fromkeys(tokens(quotes[i].text)) if w in index._postings]
        middling = [w for w in words if 0.001 * size <= len(index._postings[w].docs) <= 0.05 * size]
        if len(middling) >= 2:
            return middling[:2]
    return tokens(quotes[0].text)[:2]


def _common_words(quotes: Any) -> list[str]:
    """The two words found in the most quotations."""
    postings = quotes._index()._postings
    return sorted(postings, key=lambda w: -len(postings[w].docs))[:2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "putin-interviews-bench")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    try:
        import pandas
    except ImportError:
        pandas = None
    import platform

    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs", flush=True)
    row("import putin_interviews, on top of attrs and cattrs", import_cost(max(5, args.repeat)), "python -X importtime")
    first = cold("import putin_interviews as pi\npi.dataset()", max(3, args.repeat))
    row("first access of the bundled data (cold process)", first)
    for n in args.sizes:
        bench_size(n, args.work, args.repeat, pandas)
    if args.markdown:
        lines = ["| what | median | note |", "|---|---:|---|"] + [f"| {w} | {t} | {note} |" for w, t, note in ROWS]
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
