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
import search  # noqa: E402

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


def cold_env(work: Path) -> dict[str, str]:
    """The environment of the fresh interpreters: byte code cached (in the work folder), as an
    installed package has it, even where PYTHONDONTWRITEBYTECODE is set."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def cold(runs: list[tuple[str, str]], repeat: int, env: dict[str, str]) -> list[list[tuple[float, ...]]]:
    """Wall and CPU times of each ``(setup, code)`` of ``runs`` in each of ``repeat`` turns:
    ``code`` in a fresh interpreter after ``setup``, measured inside it, the runs taking turns
    (so that the machine getting busier or quieter shifts them alike); a first, untimed run
    writes the byte code. A run whose setup defines ``reported`` (a list of seconds, filled in
    while its code runs) gives those figures after its two times."""
    scripts = [
        f"import time\nreported = []\n{setup}\nt, c = time.perf_counter(), time.process_time()\n{code}\n"
        "print(time.perf_counter() - t, time.process_time() - c, *reported)"
        for setup, code in runs
    ]

    def once(script: str) -> tuple[float, ...]:
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
        return tuple(map(float, out.stdout.split()))

    for script in scripts:
        once(script)
    return [[once(script) for script in scripts] for _ in range(repeat)]


#: A setup that times, in ``reported[0]``, what ``attrs.frozen`` takes to make each class
#: (called on a class, or with options and then on one): attrs' own part of a first use; and
#: counts, in ``reported[1]``, the classes it made.
_TIMING_ATTRS = """import attrs, cattrs
reported.extend((0.0, 0))
_frozen = attrs.frozen
def _timed(make):
    def made(cls):
        start = time.perf_counter()
        try:
            return make(cls)
        finally:
            reported[0] += time.perf_counter() - start
            reported[1] += 1
    return made
def _frozen_timed(maybe_cls=None, **options):
    make = _timed(lambda cls: _frozen(cls, **options))
    return make if maybe_cls is None else make(maybe_cls)
attrs.frozen = _frozen_timed
"""


def wall(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """Median wall time of running ``command`` (its output discarded)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_use(work: Path, repeat: int) -> None:
    """The first use of the bundled data in a fresh process, and the command line's listing
    against starting Python with attrs and cattrs (taking turns, medians of ``repeat``)."""
    env = cold_env(work)
    code = "ds = pi.dataset()\nfor table in ds.tables(): table[0]"
    source = peer_classes()
    (work / "peer_classes.py").write_text(source, encoding="utf-8")
    ours = ("import attrs, cattrs\nimport putin_interviews as pi", code)
    peers = (f"import attrs, cattrs, sys\nsys.path.insert(0, {str(work)!r})", "import peer_classes")
    timed = (f"{_TIMING_ATTRS}import putin_interviews as pi", code)
    turns = cold([ours, peers, timed], repeat, env)
    took, cpu, peer = (statistics.median(turn[k][j] for turn in turns) for k, j in ((0, 0), (0, 1), (1, 0)))
    ratio = statistics.median(turn[0][0] / turn[1][0] for turn in turns)
    row("first use of the bundled data: dataset() and every table", took, f"beyond the import; CPU {cpu * 1e3:.1f} ms")
    classes = source.count("@attrs.frozen")
    row(
        f"attrs making {classes} classes of the same fields (the peer)",
        peer,
        f"the first use is {ratio:.2f}× this (the median of the turns' ratios)",
    )
    # The same first use, attrs.frozen timed inside it: what is left without attrs' part.
    made = statistics.median(turn[2][2] for turn in turns)
    rest = statistics.median(turn[2][0] - turn[2][2] for turn in turns)
    wrapped = {int(turn[2][3]) for turn in turns}
    row(
        f"of a first use: attrs.frozen making its {'/'.join(map(str, sorted(wrapped)))} classes",
        made,
        "timed inside the first use, a run of its own"
        + ("" if wrapped == {classes} else f"; the peer makes {classes}: not the same classes"),
    )
    row("of a first use: all but attrs.frozen", rest, "the same run, less the line above")
    script = Path(sys.executable).with_name("putin-interviews")  # the installed command
    cli = [str(script) if script.exists() else sys.executable, "quotes", "--speaker", "putin"]
    if not script.exists():
        cli[1:1] = ["-m", "putin_interviews"]
    base = [sys.executable, "-c", "import attrs, cattrs"]
    wall(cli, 1, env)
    pairs = [(wall(cli, 1, env), wall(base, 1, env)) for _ in range(repeat)]
    listing, started = (statistics.median(p[k] for p in pairs) for k in (0, 1))
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    row("putin-interviews quotes --speaker putin (wall)", listing, f"{ratio:.2f}× the line below (the turns' median)")
    row("python -c 'import attrs, cattrs' (wall)", started)


def peer_classes() -> str:
    """The source of a module that makes, with attrs and nothing else, a class of the same name,
    fields, defaults and keyword-only-ness as each attrs class a first use of the bundled data
    makes (found in a fresh process): what attrs takes to make them the usual way (its own
    methods, no validators), a peer for the first use in the same run. The field types are left
    as text, so the module imports nothing else."""
    script = (
        "import sys, attrs, putin_interviews as pi\n"
        "for table in pi.dataset().tables(): table[0]\n"
        "lines = ['from __future__ import annotations', 'import attrs']\n"
        "ours = [m for n, m in sorted(sys.modules.items()) if n.startswith('putin_interviews')]\n"
        "for cls in dict.fromkeys(c for m in ours for c in vars(m).values() if isinstance(c, type)):\n"
        "    if attrs.has(cls) and cls.__module__.startswith('putin_interviews'):\n"
        "        kw_only = all(f.kw_only for f in attrs.fields(cls))\n"
        "        lines += ['', '', f'@attrs.frozen(kw_only={kw_only})', f'class {cls.__name__}:']\n"
        "        for f in attrs.fields(cls):\n"
        "            default = '' if f.default is attrs.NOTHING else f' = {f.default!r}'\n"
        "            if isinstance(f.default, attrs.Factory):  # (a factory of the builtins')\n"
        "                default = f' = attrs.Factory({f.default.factory.__qualname__})'\n"
        "            text = f.type.__name__ if isinstance(f.type, type) else str(f.type)\n"
        "            lines.append(f'    {f.name}: {text!r}{default}')\n"
        "print('\\n'.join(lines))\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout


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


def bench_size(n: int, work: Path, repeat: int, pandas: Any) -> None:
    import orjson

    import putin_interviews as pi

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

    # Before the searches: one that finds the table's places of its records (a reversed
    # selection's) would spare the first | of a table given its records that work.
    by_speaker = quotes.filter(speaker=speaker)
    by_article = quotes.filter(article=article)
    first = median_time(lambda: by_speaker | by_article, 1)
    union = median_time(lambda: by_speaker | by_article, reps)
    what = f"[{n:,}] | of two filters ({len(by_speaker | by_article):,} results)"
    row(what, union, f"first call {first * 1e3:,.1f} ms (a loaded table: the places its filters know)")

    search.bench_search(n, quotes, repeat, row, shown, path)
    if n == 100_000:
        search.bench_bundled_repeated(n, repeat, row)

    page = quotes._repr_html_()
    row(f"[{n:,}] notebook HTML of the quotes ({len(page):,} characters)", median_time(quotes._repr_html_, reps))
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
    first_use(args.work, 10)
    for n in args.sizes:
        bench_size(n, args.work, args.repeat, pandas)
    if args.markdown:
        lines = ["| what | median | note |", "|---|---:|---|"] + [f"| {w} | {t} | {note} |" for w, t, note in ROWS]
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
