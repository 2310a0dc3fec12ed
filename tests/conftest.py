"""Shared fixtures: the bundled dataset and the curation seeds in ``../shared/seeds/``."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, settings

import putin_interviews
from putin_interviews import Dataset

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]
#: Where the source articles are: ``PUTIN_INTERVIEWS_SEEDS`` or ``../shared/seeds`` beside the checkout.
SEEDS = Path(os.environ.get("PUTIN_INTERVIEWS_SEEDS", ROOT.parent / "shared" / "seeds"))
#: What a test of the bundled file's pre-parsed copy says when it fails.
PREMAKE_HINT = (
    "is data/putin_interviews.marshal (or _premade.py) out of date? "
    "write them anew with python -m putin_interviews._premake"
)


@pytest.fixture(scope="session")
def ds() -> Dataset:
    return putin_interviews.dataset()


@pytest.fixture(scope="session")
def seed_texts(ds: Dataset) -> dict[str, str]:
    """Each article's source text, by article id, read exactly as SOURCES.md says (UTF-8, as is)."""
    if not SEEDS.is_dir():
        message = f"source articles not found at {SEEDS} (set PUTIN_INTERVIEWS_SEEDS)"
        if os.environ.get("PUTIN_INTERVIEWS_REQUIRE_SEEDS"):
            pytest.fail(message)
        pytest.skip(message)
    return {a.id: (SEEDS / a.source_file).read_text(encoding="utf-8") for a in ds.articles}


def _reset_json_backend() -> None:
    """Have the loader look for orjson again, where it offers a way to (``_load._json_backend_reset``)."""
    try:
        loader = importlib.import_module("putin_interviews._load")
    except ImportError:
        return
    reset = getattr(loader, "_json_backend_reset", None)
    if reset is not None:
        reset()


@contextlib.contextmanager
def no_orjson() -> Iterator[None]:
    """Load as if orjson were not installed: ``import orjson`` fails inside the block.

    The loader re-reads ``sys.modules`` for orjson on every load, so a ``None`` entry there
    (what ``import`` reads as "not installed") makes it use the standard library's parser.
    """
    try:
        with mock.patch.dict(sys.modules, {"orjson": None}):
            _reset_json_backend()
            yield
    finally:
        _reset_json_backend()
