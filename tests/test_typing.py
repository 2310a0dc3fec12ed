"""Type checkers see every public name of the package, and only those: the names imported for them, the
names defined on first access, and ``__all__`` are one list."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import putin_interviews as pi

ROOT = Path(__file__).resolve().parents[1]
INIT = Path(pi.__file__)


def _mypy(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(code, "utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache")]
    return subprocess.run(
        [*command, str(snippet)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_mypy_reports_a_misspelt_public_name(tmp_path: Path) -> None:
    result = _mypy(tmp_path, 'import putin_interviews as pi\n\npi.qoutes(speaker="putin")\n')
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'has no attribute "qoutes"' in result.stdout, result.stdout


def test_mypy_accepts_correct_use_of_the_public_names(tmp_path: Path) -> None:
    code = (
        "import putin_interviews as pi\n"
        "\n"
        'quotes: pi.Quotes = pi.quotes(speaker="putin")\n'
        "first: pi.Quote = quotes[0]\n"
        "everything: pi.Quotes = pi.dataset().quotes\n"
        "kind: type[pi.Quote] = pi.Quote\n"
        'hits: pi.Hits = pi.search("hope")\n'
        "print(first.text, len(everything), kind, hits, pi.__version__)\n"
    )
    result = _mypy(tmp_path, code)
    assert result.returncode == 0, result.stdout + result.stderr


def _mentions_type_checking(test: ast.expr) -> bool:
    return any(
        (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING")
        or (isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING")
        for node in ast.walk(test)
    )


def _names_imported_for_type_checkers() -> list[str]:
    tree = ast.parse(INIT.read_text("utf-8"))
    names: list[str] = []
    for block in tree.body:
        if isinstance(block, ast.If) and _mentions_type_checking(block.test):
            for node in ast.walk(block):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names += [alias.asname or alias.name for alias in node.names]
    return names


def test_type_checking_imports_lazy_names_and_all_are_the_same_list() -> None:
    for_checkers = _names_imported_for_type_checkers()
    assert len(for_checkers) == len(set(for_checkers)), "a name is imported twice for type checkers"
    lazy = sorted(pi._LAZY)
    public = sorted(n for n in pi.__all__ if n != "__version__")
    assert sorted(n for n in for_checkers if n != "__version__") == public
    assert lazy == public


def test_every_lazy_name_resolves() -> None:
    missing = []
    for name in pi._LAZY:
        try:
            getattr(pi, name)
        except AttributeError as exc:
            missing.append(f"{name}: {exc}")
    assert missing == []


def test_mypy_sees_the_record_types_of_hits_lookups_and_collections(tmp_path: Path) -> None:
    code = (
        "import putin_interviews as pi\n"
        "\n"
        "ds = pi.dataset()\n"
        'reveal_type(ds.quotes.hits("hope")[0])\n'
        'reveal_type(ds.quotes.hits("hope")[0].record)\n'
        'reveal_type(ds.search("hope")[0].record)\n'
        'reveal_type(ds.search("hope")[0].kind)\n'
        'reveal_type(ds.quotes.get("x", None))\n'
        'reveal_type(ds.episodes.get(2, "none"))\n'
        'reveal_type(ds.quotes.filter(lambda q: q.episode == 1, subject="obama") | ds.quotes)\n'
        'reveal_type(ds.critiques.sort_by("stance") & ds.critiques)\n'
        "reveal_type(ds.to_pandas())\n"
        'ds.search("hope", kind="qoute")\n'
        "ds.quotes.filter(lambda c: c.stance)\n"
        "ds.quotes | ds.critiques\n"
    )
    result = _mypy(tmp_path, code)
    out = result.stdout
    # mypy versions differ in naming builtins.
    notes = [line.split("Revealed type is ", 1) for line in out.splitlines()]
    revealed = [note[1].replace("builtins.", "") for note in notes if len(note) == 2]
    union = (
        "putin_interviews._models.Person | putin_interviews._models.Topic | putin_interviews._models.Article"
        " | putin_interviews._models.Episode | putin_interviews._models.Quote | putin_interviews._models.Critique"
    )
    assert revealed == [
        '"putin_interviews._hits.Hit[putin_interviews._models.Quote]"',
        '"putin_interviews._models.Quote"',
        f'"{union}"',
        "\"Literal['person'] | Literal['topic'] | Literal['article'] | Literal['episode'] | Literal['quote']"
        " | Literal['critique']\"",
        '"putin_interviews._models.Quote | None"',
        '"putin_interviews._models.Episode | str"',
        '"putin_interviews._printed.Quotes"',
        '"putin_interviews._printed.Critiques"',
        '"dict[str, Any]"',
    ], out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 3, out
    assert 'Argument "kind" to "search" of "Dataset" has incompatible type "Literal[\'qoute\']"' in errors[0]
    assert '"Quote" has no attribute "stance"' in errors[1]
    assert 'Unsupported operand types for | ("Quotes" and "Critiques")' in errors[2]


#: The public functions and methods whose hints name what a first use of the data does not
#: import, so that typing.get_type_hints cannot read them (the search hits, pathlib), and why;
#: every other one's hints are read. On Python 3.10 typing has no Self either.
_HINTS_NOT_READ = {
    "Dataset.search": "Hits",
    "Dataset.export": "pathlib",
    "Dataset.dump": "pathlib",
    "Table.hits": "Hit",
    **({} if sys.version_info >= (3, 11) else {"Table.sort_by": "Self", "Table.search": "Self"}),
}


def test_typing_reads_the_hints_of_every_public_function_but_those_listed() -> None:
    import inspect
    import typing

    unread = {}
    for name in pi.__all__:
        obj = getattr(pi, name)
        functions = [(name, obj)] if inspect.isfunction(obj) else []
        if inspect.isclass(obj):
            functions += [(f"{name}.{n}", f) for n, f in vars(obj).items() if inspect.isfunction(f) and n[0] != "_"]
        for label, function in functions:
            try:
                typing.get_type_hints(function)
            except NameError as exc:
                unread[label] = exc.name
    assert unread == _HINTS_NOT_READ
