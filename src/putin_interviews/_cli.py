"""The command line: ``putin-interviews`` and ``python -m putin_interviews``.

Exit status: 0 on success, 1 when a dataset file is bad or a file cannot be written,
2 for a usage error (bad flag, unknown id or value). Errors are one line on stderr,
never a traceback; output that cannot be written (standard output closed, disk full) is
such an error, and what the output's encoding cannot show is written as a backslash escape.

Nothing from the data reaches a terminal as a control sequence: tables, listings, messages
and ``info`` pass through :func:`~._render.printable` (ESC shown as the four characters
``\\x1b``); JSON output writes DEL, C1 and bidi controls as ``\\uXXXX`` too
(:func:`~._render.json_printable`: the same JSON value). CSV, BibTeX and RIS output are the
exact data when standard output is a file or a pipe, and escaped like a table when it is a
terminal (as ``ls`` shows control characters as ``?`` only on a terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from ._citable import MARKUPS, STYLES
from ._dataset import Dataset
from ._errors import DatasetError, NotFoundError
from ._kinds import ArticleKind, CriticKind, PersonKind, QuoteKind, QuoteMode, Stance, Venue
from ._limits import EPISODE_NUMBERS, EXPORT_FORMATS
from ._load import dataset, load
from ._models import Person, Topic
from ._render import format_table, header, help_formatter, json_lines, json_printable, printable, terminal_width
from ._table import Table
from ._tables import TABLES
from ._version import __version__

if TYPE_CHECKING:
    from ._hits import Hits

# What only some commands need (search hits, CSV, JSON, file output) is imported by the code
# that needs it: listing quotations loads no more than the data and the table.

PROG = "putin-interviews"
LISTING_FORMATS = ("table", "json", "jsonl", "csv")
#: Output formats written exactly as they are unless standard output is a terminal.
_EXACT_FORMATS = frozenset({"csv", "bibtex", "ris"})


class UsageError(Exception):
    """A bad command line: exit status 2."""


class _OutputError(Exception):
    """Standard output cannot be written (closed, disk full): exit status 1."""


class _Out(Protocol):
    def __call__(self, text: str, *, exact: bool = False) -> None: ...


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Make a failure to write standard output an :class:`_OutputError` (a reader that
    stopped reading, ``BrokenPipeError``, is left to :func:`entry_point`)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(str(exc)) from exc


class _Parser(argparse.ArgumentParser):
    #: What adds the parser's arguments when it first parses (a command's, for a run: argparse
    #: makes a help formatter for each argument added, so a run adds its own command's only).
    later: Callable[[argparse.ArgumentParser], None] | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.later is not None:
            add, self.later = self.later, None
            add(self)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _width() -> int:
    return max(40, terminal_width(100))


def _count(value: str) -> int:
    """An argument that is a number of things, 0 or more (else a usage error)."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not {value!r}")
    return number


def _maybe_none(value: str) -> str | None:
    """Command-line spelling of "not known": ``unknown`` or ``none``."""
    return None if value.lower() in ("unknown", "none", "null") else value


def _csv(rows: Sequence[Sequence[object]]) -> str:
    """CSV text of ``rows`` (written by the csv module, as :meth:`Table.to_csv` is)."""
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().rstrip("\n")


def _more(shown: int, count: int) -> str:
    """The last line of a listing cut short by ``--limit``: ``… 72 more`` (else nothing)."""
    return f"\n… {count - shown} more" if shown < count else ""


def _listing(table: Table[Any], fmt: str, limit: int | None) -> str:
    shown = table if limit is None else table[:limit]
    if fmt == "json":
        return json_printable(shown.to_json())
    if fmt == "jsonl":
        return json_lines(shown.to_dicts())
    if fmt == "csv":
        return shown.to_csv().rstrip("\n")
    head = header(type(table).__name__, len(table), table.kind)
    if not shown:
        return head + _more(0, len(table))
    body = format_table([c[0] for c in table._columns], table._rows(shown), width=_width())
    return f"{head}\n{body}{_more(len(shown), len(table))}"


#: The columns of search results in json, jsonl and csv: the hit and the record's text.
_HIT_FIELDS = ("kind", "id", "score", "fields", "text")


def _hit_rows(hits: Hits) -> list[dict[str, Any]]:
    # The record's text is the last column of the hits' table (one rule for what it is).
    texts = [row[-1] for row in hits._rows()]
    return [
        dict(zip(_HIT_FIELDS, (h.kind, h.record.id, round(h.score, 4), list(h.fields), text), strict=True))
        for h, text in zip(hits, texts, strict=True)
    ]


def _hits_output(hits: Hits, fmt: str, limit: int | None) -> str:
    from ._hits import Hits

    shown = Hits(hits if limit is None else hits[:limit])
    rows = _hit_rows(shown)
    if fmt in ("json", "jsonl"):
        return json_lines([rows] if fmt == "json" else rows, indent=2 if fmt == "json" else None)
    if fmt == "csv":
        lists = {"fields"}
        return _csv(
            [list(_HIT_FIELDS), *([("|".join(r[k]) if k in lists else r[k]) for k in _HIT_FIELDS] for r in rows)]
        )
    head = header("Hits", len(hits), "hit")
    if not shown:
        return head + _more(0, len(hits))
    body = format_table(["kind", "id", "score", "matched", "text"], shown._rows(), width=_width())
    return f"{head}\n{body}{_more(len(shown), len(hits))}"


_DATA_HELP = "use this dataset file instead of the bundled one"
_FORMAT_HELP = "output format (default: table)"
_LIMIT_HELP = "print at most N records (the header still counts all of them)"


def _add_data(sub: argparse.ArgumentParser, help_text: str = _DATA_HELP) -> None:
    """``--data`` after the command, as before it (given in both places, this one wins)."""
    sub.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS, help=help_text)


def _add_filters(sub: argparse.ArgumentParser, flags: Sequence[tuple[str, str]]) -> None:
    for flag, help_text in flags:
        sub.add_argument(f"--{flag}", action="append", metavar=flag.upper(), help=help_text + " (repeat for OR)")
    sub.add_argument("--limit", type=_count, metavar="N", help=_LIMIT_HELP)
    sub.add_argument("--format", choices=LISTING_FORMATS, default="table", help=_FORMAT_HELP)
    _add_data(sub)


def _either(kind: type[enum.Enum]) -> str:
    """An enum's values as help text: "full, partial or fragment"."""
    values = [str(m.value) for m in kind]
    return ", ".join(values[:-1]) + " or " + values[-1]


_PART = f"part {EPISODE_NUMBERS[0]}-{EPISODE_NUMBERS[-1]}"
# The filter flags of each table's listing command (named after the table).
_FILTERS: dict[str, list[tuple[str, str]]] = {
    "people": [("kind", _either(PersonKind))],
    "topics": [("text", "text the label or definition contains (case and accents ignored)")],
    "articles": [("outlet", "outlet name"), ("episode", _PART), ("kind", _either(ArticleKind))],
    "episodes": [("number", _PART), ("topic", "topic id or label")],
    "quotes": [
        ("speaker", "person id, name or alias"),
        ("addressee", "person, or 'unknown'"),
        ("subject", "person or group the quotation is about"),
        ("article", "article id"),
        ("episode", f"{_PART}, or 'unknown'"),
        ("venue", f"{', '.join(m.value for m in Venue)}, or 'unknown'"),
        ("kind", _either(QuoteKind)),
        ("mode", _either(QuoteMode) + " (the speaker's words, the writer's, or reported speech)"),
        ("topic", "topic id or label"),
        ("text", "text the quotation contains (case and accents ignored)"),
    ],
    "critiques": [
        ("critic", "person, " + " or ".join(repr(k.value) for k in CriticKind if k is not CriticKind.PERSON)),
        ("target", "person, episode or 'documentary'"),
        ("stance", _either(Stance)),
        ("topic", "topic id or label"),
        ("article", "article id"),
        ("episode", f"{_PART}, or 'unknown'"),
    ],
}
_NULLABLE = {"addressee", "episode", "venue"}


_WORDS = "words that must all match, quoted or not (case, accents and punctuation ignored)"


def _search_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("query", nargs="+", metavar="WORD", help=_WORDS)
    kinds = [spec.kind for spec in TABLES]
    sub.add_argument("--kind", action="append", choices=kinds, help="search only this kind of record (repeat for OR)")
    sub.add_argument("--limit", type=_count, metavar="N", help="print at most N hits, best first")
    sub.add_argument("--format", choices=LISTING_FORMATS, default="table", help=_FORMAT_HELP)
    _add_data(sub)


def _show_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("id", help="the id of a person, topic, article, episode, quote or critique")
    sub.add_argument("--format", choices=("table", "json"), default="table", help=_FORMAT_HELP)
    _add_data(sub)


def _export_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--format", required=True, choices=list(EXPORT_FORMATS), help="what to write")
    sub.add_argument(
        "out",
        help="a file (json, sqlite, annotations), - for standard output (json, annotations), "
        "or a directory (jsonl, csv, datapackage, croissant)",
    )
    sub.add_argument(
        "--sources", metavar="DIR", help="annotations: the source articles, for quote selectors (exact, prefix, suffix)"
    )
    _add_data(sub, "export this dataset file instead of the bundled one")


def _cite_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("id", nargs="?", help="an article, episode, quote or critique id, or 'dataset'")
    sub.add_argument("--all", action="store_true", help="every article and episode and the dataset, sorted")
    sub.add_argument("--style", default="apa", choices=STYLES, help="citation style (default: apa)")
    sub.add_argument(
        "--form", default="reference", help="reference, in-text, narrative; chicago-note: note, short-note"
    )
    sub.add_argument("--markup", default="text", choices=MARKUPS, help="text, html or markdown (default: text)")
    _add_data(sub, "cite from this dataset file instead of the bundled one")


def _validate_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("path", help="the dataset file to check")


def _verify_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--sources", required=True, metavar="DIR", help="the directory holding the article files")
    _add_data(sub, "verify this dataset file instead of the bundled one")


#: Each command: its line of help, and what adds its arguments.
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    **{
        spec.name: (f"list {spec.name}, filtered", functools.partial(_add_filters, flags=_FILTERS[spec.name]))
        for spec in TABLES
    },
    "search": ("full-text search", _search_arguments),
    "show": ("show one record by id, and what kind of record it is", _show_arguments),
    "export": ("export the dataset", _export_arguments),
    "cite": ("cite a record (or 'dataset'), or with --all the whole bibliography", _cite_arguments),
    "validate": ("check a dataset file; one line per problem", _validate_arguments),
    "info": (
        "versions, counts, license and how to cite the dataset",
        functools.partial(_add_data, help_text="describe this dataset file instead of the bundled one"),
    ),
    "verify": ("check every span against copies of the source articles", _verify_arguments),
}


def build_parser(*, later: bool = False) -> argparse.ArgumentParser:
    """The command line's parser; with ``later``, a command's arguments are added as it is parsed."""
    parser = _Parser(
        prog=PROG,
        formatter_class=help_formatter,
        description="Browse, search, cite and export the curated dataset of The Putin Interviews and its press.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="PATH", help=_DATA_HELP + " (also accepted after the command)")
    subs = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, help="what to do ('COMMAND --help' for its flags)"
    )
    subs.required = True
    for name, (help_text, arguments) in _COMMANDS.items():
        sub = subs.add_parser(name, help=help_text, formatter_class=help_formatter)
        if later:
            sub.later = arguments
        else:
            arguments(sub)
    return parser


def _criteria(args: argparse.Namespace, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        values = getattr(args, name)
        if values is not None:
            out[name] = [(_maybe_none(v) if name in _NULLABLE else v) for v in values]
    return out


def _show(ds: Dataset, record_id: str, fmt: str) -> str:
    import json

    from . import _convert  # the converter, for this command only

    record = ds.get(record_id)
    data = _convert.unstructure(record)
    if fmt == "json":
        return json_lines([data], indent=2)
    kind = next(spec.kind for spec in TABLES if isinstance(record, spec.record))
    rows = [
        [key, json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)] for key, v in data.items()
    ]
    return f"{kind.capitalize()} {record_id}\n" + format_table(["field", "value"], rows, width=_width())


def _cite_command(ds: Dataset, args: argparse.Namespace) -> str:
    if args.all == (args.id is not None):
        raise UsageError("cite takes an ID or --all, not both or neither (see 'putin-interviews cite --help')")
    if args.all:
        if args.form != "reference":
            raise UsageError("--all writes reference-list entries: leave out --form")
        separator = "\n" if args.style in ("bibtex", "ris") else ""
        entries = ds.bibliography(style=args.style, markup=args.markup)
        if args.style == "csl-json":
            import json

            items = [json.loads(e)[0] for e in entries]
            return json.dumps(items, ensure_ascii=False, indent=2)
        return ("\n" + separator).join(entries)
    found = ds if args.id in ("dataset", "putin-interviews") else ds.get(args.id)
    if isinstance(found, (Person, Topic)):
        noun = "person" if isinstance(found, Person) else "topic"
        raise UsageError(f"{args.id!r} is a {noun}; cite an article, episode, quote, critique or 'dataset'")
    return ds.cite(found, style=args.style, form=args.form, markup=args.markup)


def _counts(ds: Dataset) -> str:
    return ", ".join(f"{len(getattr(ds, spec.name))} {spec.name}" for spec in TABLES)


def _info(ds: Dataset) -> str:
    lines = [
        f"putin-interviews {__version__}",
        f"dataset {ds.info.dataset_version} (schema {ds.info.schema_version}): {ds.info.title}",
        "records: " + _counts(ds),
        "sources:",
        *(f"  {s}" for s in ds.info.sources),
        f"license: {ds.info.license}",
        f"cite as: {ds.info.citation}",
    ]
    return "\n".join(lines)


def _error(message: str) -> None:
    """Write ``message`` on its own line to stderr, made printable (nothing when stderr is closed)."""
    if sys.stderr is not None:
        print(printable(message), file=sys.stderr)


def _run(args: argparse.Namespace, out: _Out) -> int:
    if args.command == "validate":
        try:
            checked = load(args.path)
        except DatasetError as exc:
            for problem in exc.problems:
                _error(f"{args.path}: {problem}")
            if exc.more:
                _error(f"{args.path}: … and {exc.more} more")
            return 1
        out(f"{args.path}: valid ({_counts(checked)})")
        return 0
    ds = load(args.data) if args.data else dataset()
    if args.command in _FILTERS:
        table: Table[Any] = getattr(ds, args.command)
        names = [flag for flag, _ in _FILTERS[args.command]]
        found = table.filter(**_criteria(args, names))  # type: ignore[attr-defined]
        out(_listing(found, args.format, args.limit), exact=args.format in _EXACT_FORMATS)
    elif args.command == "search":
        query = " ".join(args.query)
        hits = ds.search(query, kind=args.kind)
        out(_hits_output(hits, args.format, args.limit), exact=args.format in _EXACT_FORMATS)
        if not hits and (closest := ds.did_you_mean(query, kind=args.kind)) is not None:
            print(f"did you mean: {printable(closest)}", file=sys.stderr)
    elif args.command == "show":
        out(_show(ds, args.id, args.format))
    elif args.command == "export":
        written = ds.export(args.out, format=args.format, sources=args.sources)
        from ._fileio import is_stdout

        if not is_stdout(args.out):  # with -, standard output is the export itself
            out("\n".join(str(p) for p in written))
    elif args.command == "cite":
        cited = _cite_command(ds, args)
        out(json_printable(cited) if args.style == "csl-json" else cited, exact=args.style in _EXACT_FORMATS)
    elif args.command == "info":
        out(_info(ds))
    elif args.command == "verify":
        from ._verify import verify

        problems = verify(args.sources, ds)
        for problem in problems:
            _error(f"{args.sources}: {problem}")
        if problems:
            return 1
        spans = sum(len(q.spans) for q in ds.quotes) + sum(len(c.spans) for c in ds.critiques)
        spans += sum(len(a.claims) for a in ds.articles)
        out(f"{args.sources}: {len(ds.articles)} articles and {spans} spans verified")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser(later=True)

    def out(text: str, *, exact: bool = False) -> None:
        """Write ``text`` and a newline: made printable unless ``exact`` and not to a terminal."""
        stream = sys.stdout
        if stream is None:  # started with standard output closed
            raise _OutputError("standard output is closed")
        with _writing():
            stream.write((text if exact and not stream.isatty() else printable(text)) + "\n")

    try:
        args = parser.parse_args(argv)
        status = _run(args, out)
        if sys.stdout is not None:
            with _writing():
                sys.stdout.flush()
        return status
    except _OutputError as exc:
        _error(f"{PROG}: error: cannot write the output: {exc}")
        return 1
    except UsageError as exc:
        _error(f"{PROG}: error: {exc}")
        return 2
    except NotFoundError as exc:
        _error(f"{PROG}: error: {exc}")
        return 2
    except DatasetError as exc:
        first = exc.problems[0] if exc.problems else "invalid dataset"
        others = len(exc.problems) - 1 + exc.more
        more = f" (and {others} more; run 'validate' for all)" if others > 0 else ""
        _error(f"{PROG}: error: {exc.source or 'dataset'}: {first}{more}")
        return 1
    except (OSError, ValueError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        _error(f"{PROG}: error: {exc}")
        return 1
    except KeyboardInterrupt:
        _error(f"{PROG}: interrupted")
        return 130


def entry_point() -> NoReturn:
    """The console script: run :func:`main` and exit with its status; a reader that stops
    reading (``| head``) ends it quietly. Characters the terminal's encoding cannot show
    (``PYTHONIOENCODING=ascii``) are written as backslash escapes (``\\u2019``)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = main()
    except BrokenPipeError:
        # Python flushes stdout at exit; point it at devnull so that does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    sys.exit(status)
