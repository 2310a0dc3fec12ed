"""Generated code, compiled under a file name registered in :mod:`linecache`.

As attrs and cattrs do: tracebacks, ``inspect.getsource`` and debuggers then show the
generated lines instead of ``<string>``.
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["compile_source"]

_serial = itertools.count(1)


def compile_source(source: str, what: str, namespace: dict[str, Any]) -> None:
    """Run ``source`` (function definitions) in ``namespace``, registered in linecache under
    a unique name such as ``<putin_interviews generated 3: check Quote rows>``.

    >>> ns: dict = {}
    >>> compile_source("def f():\\n    return 1\\n", "example", ns)
    >>> import inspect
    >>> inspect.getsource(ns["f"])
    'def f():\\n    return 1\\n'
    """
    filename = f"<putin_interviews generated {next(_serial)}: {what}>"
    if not source.endswith("\n"):
        source += "\n"
    lines = source.splitlines(keepends=True)
    # The entry never expires: (size, mtime None, lines, name), as attrs registers its code.
    linecache.cache[filename] = (len(source), None, lines, filename)
    exec(compile(source, filename, "exec"), namespace)
