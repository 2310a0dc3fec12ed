"""The package's source stays in shape: modules import each other without cycles, no module grows past 500
lines, and a module's private names stay in that module."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import attrs

import putin_interviews as pi

PACKAGE = Path(pi.__file__).parent
TOP = "putin_interviews"
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = [TOP, *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: Every module of the package, by name ("putin_interviews._cite" is the package's __init__.py).
MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not _is_dunder(name)


@attrs.frozen
class Import:
    """One import statement's target module, where in the source it is, and whether it runs."""

    source: str
    target: str
    line: int
    runs: bool  # False inside ``if TYPE_CHECKING:``


def _mentions_type_checking(test: ast.expr) -> bool:
    return any(
        (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING")
        or (isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING")
        for node in ast.walk(test)
    )


def _statements(tree: ast.AST, runs: bool = True) -> Iterator[tuple[ast.AST, bool]]:
    """Every node, with False for those inside an ``if TYPE_CHECKING:`` body (they never run)."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _mentions_type_checking(child.test):
            yield child, runs
            for node in child.body:
                yield node, False
                yield from _statements(node, False)
            for node in child.orelse:
                yield node, runs
                yield from _statements(node, runs)
        else:
            yield child, runs
            yield from _statements(child, runs)


def _base(module: str, node: ast.ImportFrom) -> str:
    """The absolute module a ``from X import ...`` reads from."""
    if node.level == 0:
        return node.module or ""
    package = module if _is_package(module) else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _with_parents(source: str, target: str) -> Iterator[str]:
    """``target`` and the packages that importing it runs first, leaving out those ``source`` is inside of
    (already being imported when ``source`` runs)."""
    parts = target.split(".")
    for end in range(1, len(parts) + 1):
        name = ".".join(parts[:end])
        inside = source == name or source.startswith(name + ".")
        if name in MODULES and (name == target or not inside):
            yield name


def _imports(module: str) -> Iterator[tuple[Import, ast.AST]]:
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    for node, runs in _statements(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                for target in _with_parents(module, alias.name):
                    yield Import(module, target, node.lineno, runs), node
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                target = submodule if submodule in MODULES else base
                for name in _with_parents(module, target):
                    yield Import(module, name, node.lineno, runs), node


def _graph() -> dict[str, dict[str, int]]:
    """module -> module it imports (when run) -> line of the first such import."""
    graph: dict[str, dict[str, int]] = {m: {} for m in MODULES}
    for module in MODULES:
        for edge, _ in _imports(module):
            if edge.runs and edge.target != module:
                graph[module].setdefault(edge.target, edge.line)
    return graph


def _tangles(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """Groups of modules that import one another, directly or not (strongly connected, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: set[str] = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _shortest_path(graph: dict[str, dict[str, int]], group: set[str], start: str, end: str) -> list[str]:
    paths: dict[str, list[str]] = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == end:
            return paths[node]
        for target in sorted(graph[node]):
            if target in group and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no path from {start} to {end}")


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """For every import between two modules of a tangle, the shortest cycle through it (each cycle once)."""
    cycles: dict[tuple[str, ...], list[str]] = {}
    for group in _tangles(graph):
        for source in sorted(group):
            for target in sorted(t for t in graph[source] if t in group):
                loop = [source, *_shortest_path(graph, group, target, source)][:-1]
                turn = loop.index(min(loop))
                loop = loop[turn:] + loop[:turn]
                cycles.setdefault(tuple(loop), [*loop, loop[0]])
    return sorted(cycles.values())


def test_the_modules_import_each_other_without_cycles() -> None:
    graph = _graph()
    cycles = _cycles(graph)
    shown = [
        " -> ".join(cycle) + "  (" + ", ".join(f"{a} line {graph[a][b]}" for a, b in itertools.pairwise(cycle)) + ")"
        for cycle in cycles
    ]
    assert shown == [], "import cycles:\n" + "\n".join(shown)


def test_the_import_graph_sees_relative_package_and_function_level_imports() -> None:
    # The checker itself: it must see the kinds of import the package uses, or it proves nothing.
    graph = _graph()
    assert f"{TOP}._errors" in graph[f"{TOP}._cite"]  # from .. import / from .._errors import
    assert f"{TOP}._cite._work" in graph[f"{TOP}._cite"]  # from ._work import ... in a package's __init__
    assert f"{TOP}._cite" not in graph[f"{TOP}._cite._work"]  # a sibling import runs no parent again
    assert sum(len(targets) for targets in graph.values()) > len(MODULES)


def test_no_module_is_longer_than_500_lines() -> None:
    lengths = {m: len(p.read_text("utf-8").splitlines()) for m, p in MODULES.items()}
    long = {m: n for m, n in lengths.items() if n > MAX_LINES}
    assert long == {}, "\n".join(f"{m}: {n} lines" for m, n in sorted(long.items()))


def _module_bindings(module: str, tree: ast.AST) -> dict[str, str]:
    """Names bound to one of the package's modules: ``from . import _x``, ``import putin_interviews._x as x``."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = _base(module, node)
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    bound[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in MODULES:
                    bound[alias.asname] = alias.name
                elif not alias.asname and alias.name.split(".")[0] == TOP:
                    bound[TOP] = TOP
    return bound


def _module_of(expr: ast.expr, bound: dict[str, str]) -> str | None:
    """The package module an expression such as ``_convert`` or ``putin_interviews._cite._rich`` names."""
    if isinstance(expr, ast.Name):
        return bound.get(expr.id)
    if isinstance(expr, ast.Attribute):
        parent = _module_of(expr.value, bound)
        if parent is not None and f"{parent}.{expr.attr}" in MODULES:
            return f"{parent}.{expr.attr}"
    return None


def _private_crossings(module: str) -> list[str]:
    path = MODULES[module]
    tree = ast.parse(path.read_text("utf-8"))
    where = f"{path.relative_to(PACKAGE.parent)}"
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == TOP):
            base = _base(module, node)
            for alias in node.names:
                if _is_private(alias.name) and f"{base}.{alias.name}" not in MODULES:
                    found.append(f"{where}:{node.lineno}: from {base} import {alias.name}")
    bound = _module_bindings(module, tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            owner = _module_of(node.value, bound)
            if owner is not None and owner != module and f"{owner}.{node.attr}" not in MODULES:
                found.append(f"{where}:{node.lineno}: {owner}.{node.attr}")
    return found


def test_no_private_name_is_used_outside_its_module() -> None:
    found = [line for module in MODULES for line in _private_crossings(module)]
    assert found == [], f"{len(found)} private names used across modules:\n" + "\n".join(found)
