"""The public API is exactly ``__all__``: every name typed and documented, the rest private."""

from __future__ import annotations

import inspect
import pkgutil

import putin_interviews


def test_all_names_exist_and_are_documented() -> None:
    for name in putin_interviews.__all__:
        obj = getattr(putin_interviews, name)
        if name in {"__version__", "SCHEMA_VERSION", "MAX_BYTES", "RecordKind"}:
            continue  # constants, and a Literal type alias: documented in docs/api.md
        assert inspect.getdoc(obj), f"{name} has no docstring"


def test_every_public_function_and_method_has_an_example() -> None:
    for name in putin_interviews.__all__:
        obj = getattr(putin_interviews, name)
        if inspect.isfunction(obj):
            assert ">>>" in (obj.__doc__ or ""), f"{name}() has no example"
        elif inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                func = member.fget if isinstance(member, property) else member
                if inspect.isfunction(func):
                    assert ">>>" in (func.__doc__ or ""), f"{name}.{attr} has no example"


def test_modules_other_than_the_package_are_private() -> None:
    names = [m.name for m in pkgutil.iter_modules(putin_interviews.__path__)]
    assert names, "no submodules found"
    assert all(n.startswith("_") or n == "data" for n in names), names


def test_version_is_single_sourced() -> None:
    from importlib.metadata import version

    assert putin_interviews.__version__ == version("putin-interviews")
