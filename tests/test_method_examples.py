"""The examples in the docstrings of public classes' methods and properties run.

pytest's ``--doctest-modules`` misses them: a public class names ``putin_interviews`` as its
module, so the collector of its private module skips the class, and the collector of
``putin_interviews`` skips its methods, which still name the private module. This collects
them from the public classes themselves.
"""

from __future__ import annotations

import doctest
import inspect
import io
import sys
from collections.abc import Callable
from typing import Any

import pytest

import putin_interviews as pi


def _methods() -> list[tuple[str, Callable[..., Any]]]:
    found: list[tuple[str, Callable[..., Any]]] = []
    for name in pi.__all__:
        cls = getattr(pi, name)
        if not inspect.isclass(cls):
            continue
        for attr, member in vars(cls).items():
            function = member.fget if isinstance(member, property) else member
            if isinstance(member, (staticmethod, classmethod)):
                function = member.__func__
            if inspect.isfunction(function) and function.__doc__ and ">>>" in function.__doc__:
                found.append((f"{name}.{attr}", function))
    return found


METHODS = _methods()


def test_the_methods_have_examples() -> None:
    assert len(METHODS) >= 45  # the collector finds them (none found would pass every case)


@pytest.mark.parametrize(("name", "function"), METHODS, ids=[m[0] for m in METHODS])
def test_method_example(name: str, function: Callable[..., Any]) -> None:
    globs = dict(vars(sys.modules[function.__module__]))
    [test] = doctest.DocTestFinder(recurse=False).find(function, name, globs=globs)
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=report.write)
    assert result.failed == 0, report.getvalue()
