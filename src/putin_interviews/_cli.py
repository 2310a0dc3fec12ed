"""The command line: ``putin-interviews`` and ``python -m putin_interviews``.

Exit status: 0 on success, 1 when a dataset file is bad or a file cannot be written,
2 for a usage error (bad flag, unknown id or value). Errors are one line on stderr,
never a traceback.
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from . import _convert, _export
from ._cite import MARKUPS, STYLES
from ._dataset import Dataset
from ._errors import DatasetError, NotFoundError
from ._hits import Hits
from ._limits import EPISODE_NUMBERS
from ._load import dataset, load
from ._models import ArticleKind, CriticKind, Person, PersonKind, QuoteKind, Stance, Venue
from ._render import format_table
from ._table import Table
from ._tables import TABLES
from ._version import __version__

PROG = "putin-interviews"
LISTING_FORMATS = ("table", "json", "jsonl", "csv")


class UsageError(Exception):
    """A bad command line: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _width() -> int:
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def _maybe_none(value: str) -> str | None:
    """Command-line spelling of "not known": ``unknown`` or ``none``."""
    return None if value.lower() in ("unknown", "none", "null") else value


def _listing(table: Table[Any], fmt: str) -> str:
    if fmt == "json":
        return table.to_json()
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in table.to_dicts())
    if fmt == "csv":
        return table.to_csv().rstrip("\n")
    return table._text(limit=None, width=_width(), max_lines=None)


def _hits_output(hits: Hits, fmt: str) -> str:
    rows = [{"kind": h.kind, "id": h.record.id, "score": round(h.score, 4), "fields": list(h.fields)} for h in hits]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        lines = ["kind,id,score,fields"] + [f"{r['kind']},{r['id']},{r['score']},{'|'.join(r['fields'])}" for r in rows]
        return "\n".join(lines)
    if not hits:
        return "no matches"
    return format_table(["kind", "id", "score", "matched", "text"], hits._rows(), width=_width())


def _add_filters(sub: argparse.ArgumentParser, flags: Sequence[tuple[str, str]]) -> None:
    for flag, help_text in flags:
        sub.add_argument(f"--{flag}", action="append", metavar=flag.upper(), help=help_text + " (repeat for OR)")
    sub.add_argument("--format", choices=LISTING_FORMATS, default="table", help="output format (default: table)")


def _either(kind: type[enum.Enum]) -> str:
    """An enum's values as help text: "full, partial or fragment"."""
    values = [str(m.value) for m in kind]
    return ", ".join(values[:-1]) + " or " + values[-1]


_PART = f"part {EPISODE_NUMBERS[0]}-{EPISODE_NUMBERS[-1]}"
# The filter flags of each table's listing command (named after the table).
_FILTERS: dict[str, list[tuple[str, str]]] = {
    "people": [("kind", _either(PersonKind))],
    "articles": [("outlet", "outlet name"), ("episode", _PART), ("kind", _either(ArticleKind))],
    "episodes": [("number", _PART), ("topic", "topic")],
    "quotes": [
        ("speaker", "person id, name or alias"),
        ("addressee", "person, or 'unknown'"),
        ("article", "article id"),
        ("episode", f"{_PART}, or 'unknown'"),
        ("venue", f"{', '.join(m.value for m in Venue)}, or 'unknown'"),
        ("kind", _either(QuoteKind)),
        ("topic", "topic"),
        ("text", "text the quotation contains (case and accents ignored)"),
    ],
    "critiques": [
        ("critic", "person, " + " or ".join(repr(k.value) for k in CriticKind if k is not CriticKind.PERSON)),
        ("target", "person, episode or 'documentary'"),
        ("stance", _either(Stance)),
        ("aspect", "text the aspect contains"),
        ("article", "article id"),
        ("episode", f"{_PART}, or 'unknown'"),
    ],
}
_NULLABLE = {"addressee", "episode", "venue"}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Browse, search, cite and export the curated dataset of The Putin Interviews and its press.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="PATH", help="use this dataset file instead of the bundled one")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subs.required = True
    for spec in TABLES:
        _add_filters(subs.add_parser(spec.name, help=f"list {spec.name}, filtered"), _FILTERS[spec.name])
    search = subs.add_parser("search", help="full-text search")
    search.add_argument("query", help="words that must all match (case, accents and punctuation ignored)")
    search.add_argument("--kind", action="append", choices=[spec.kind for spec in TABLES])
    search.add_argument("--limit", type=int, metavar="N")
    search.add_argument("--format", choices=LISTING_FORMATS, default="table")
    show = subs.add_parser("show", help="show one record by id")
    show.add_argument("id")
    show.add_argument("--format", choices=("table", "json"), default="table")
    export = subs.add_parser("export", help="export the dataset")
    export.add_argument("--format", required=True, choices=list(_export.FORMATS))
    export.add_argument("out", help="a file (json, sqlite) or a directory (jsonl, csv)")
    cite = subs.add_parser("cite", help="cite a record (or 'dataset'), or with --all the whole bibliography")
    cite.add_argument("id", nargs="?", help="an article, episode, quote or critique id, or 'dataset'")
    cite.add_argument("--all", action="store_true", help="every article and episode and the dataset, sorted")
    cite.add_argument("--style", default="apa", choices=STYLES, help="citation style (default: apa)")
    cite.add_argument(
        "--form", default="reference", help="reference, in-text, narrative; chicago-note: note, short-note"
    )
    cite.add_argument("--markup", default="text", choices=MARKUPS, help="text, html or markdown (default: text)")
    validate = subs.add_parser("validate", help="check a dataset file; one line per problem")
    validate.add_argument("path")
    subs.add_parser("info", help="versions, counts, license and how to cite the dataset")
    return parser


def _criteria(args: argparse.Namespace, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        values = getattr(args, name)
        if values is not None:
            out[name] = [(_maybe_none(v) if name in _NULLABLE else v) for v in values]
    return out


def _show(ds: Dataset, record_id: str, fmt: str) -> str:
    data = _convert.unstructure(ds.get(record_id))
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    rows = [
        [key, json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)] for key, v in data.items()
    ]
    return format_table(["field", "value"], rows, width=_width())


def _cite_command(ds: Dataset, args: argparse.Namespace) -> str:
    if args.all == (args.id is not None):
        raise UsageError("cite takes an ID or --all, not both or neither (see 'putin-interviews cite --help')")
    if args.all:
        if args.form != "reference":
            raise UsageError("--all writes reference-list entries: leave out --form")
        separator = "\n" if args.style in ("bibtex", "ris") else ""
        entries = ds.bibliography(style=args.style, markup=args.markup)
        if args.style == "csl-json":
            items = [json.loads(e)[0] for e in entries]
            return json.dumps(items, ensure_ascii=False, indent=2)
        return ("\n" + separator).join(entries)
    found = ds if args.id in ("dataset", "putin-interviews") else ds.get(args.id)
    if isinstance(found, Person):
        raise UsageError(f"{args.id!r} is a person; cite an article, episode, quote, critique or 'dataset'")
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


def _run(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    if args.command == "validate":
        try:
            checked = load(args.path)
        except DatasetError as exc:
            for problem in exc.problems:
                print(f"{args.path}: {problem}", file=sys.stderr)
            return 1
        out(f"{args.path}: valid ({_counts(checked)})")
        return 0
    ds = load(args.data) if args.data else dataset()
    if args.command in _FILTERS:
        table: Table[Any] = getattr(ds, args.command)
        names = [flag for flag, _ in _FILTERS[args.command]]
        out(_listing(table.filter(**_criteria(args, names)), args.format))  # type: ignore[attr-defined]
    elif args.command == "search":
        out(_hits_output(ds.search(args.query, kind=args.kind, limit=args.limit), args.format))
    elif args.command == "show":
        out(_show(ds, args.id, args.format))
    elif args.command == "export":
        written = ds.export(args.out, format=args.format)
        out("\n".join(str(p) for p in written))
    elif args.command == "cite":
        out(_cite_command(ds, args))
    elif args.command == "info":
        out(_info(ds))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()

    def out(text: str) -> None:
        sys.stdout.write(text + "\n")

    try:
        args = parser.parse_args(argv)
        status = _run(args, out)
        sys.stdout.flush()
        return status
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except NotFoundError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except DatasetError as exc:
        first = exc.problems[0] if exc.problems else "invalid dataset"
        more = f" (and {len(exc.problems) - 1} more; run 'validate' for all)" if len(exc.problems) > 1 else ""
        print(f"{PROG}: error: {exc.source or 'dataset'}: {first}{more}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def entry_point() -> NoReturn:
    """The console script: run :func:`main` and exit with its status; a closed stdout
    (``| head``) ends quietly."""
    try:
        status = main()
    except BrokenPipeError:
        # Python flushes stdout at exit; point it at devnull so that does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    sys.exit(status)
