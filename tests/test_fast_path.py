"""The loader's happy path gives exactly what the detailed path gives, and is really taken.

The bad-input corpus and the mutation properties (test_bad_input) prove that it never accepts
what the detailed path rejects: a wrongly accepted file would load instead of raising there.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import putin_interviews as pi
from putin_interviews import Dataset, _convert, _load

from .strategies import datasets

DATA = Path(__file__).parent / "data"


def _both(raw: dict[str, Any]) -> tuple[Dataset, Dataset]:
    fast, _keys = _load._fast(raw)
    slow = _convert.structure(raw, Dataset)
    return fast, slow


def test_the_bundled_data_takes_the_fast_path_and_matches(ds: Dataset) -> None:
    fast, slow = _both(ds.to_dict())
    assert fast == slow == ds


@given(datasets())
def test_generated_datasets_take_the_fast_path_and_match(generated: Dataset) -> None:
    raw = json.loads(generated.to_json())
    fast, slow = _both(raw)
    assert fast == slow == generated
    # Every '":' in the text ends a key, or lies inside a string value: the key count
    # accounts for the first exactly (so a key given twice would show).
    inside = sum(json.dumps(v, ensure_ascii=False).count('":') for v in _strings(raw))
    assert _load._fast(raw)[1] + inside == generated.to_json().count('":')


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_big_tables_are_built_on_first_use_once() -> None:
    ds = pi.loads((DATA / "good.json").read_bytes())
    assert not ds.quotes._built()  # checked, not yet built
    assert len(ds.quotes) == 1  # the length is known without building
    assert not ds.quotes._built()
    first = ds.quotes[0]
    assert ds.quotes._built()
    assert ds.quotes[0] is first


def test_sixteen_threads_building_a_table_build_it_once() -> None:
    raw = pi.dataset().to_json().encode()
    ds = pi.loads(raw)
    barrier = threading.Barrier(16)
    seen: list[object] = []

    def touch() -> None:
        barrier.wait()
        seen.append(ds.quotes._items)

    threads = [threading.Thread(target=touch) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 16
    assert all(s is seen[0] for s in seen)
    assert ds == pi.dataset()


def test_the_collector_is_restored_after_a_load() -> None:
    import gc

    assert gc.isenabled()
    pi.loads((DATA / "good.json").read_bytes())
    assert gc.isenabled()
    gc.disable()
    try:
        pi.loads((DATA / "good.json").read_bytes())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_load_leaves_nothing_frozen_and_keeps_what_the_program_froze() -> None:
    import gc

    data = (DATA / "good.json").read_bytes()
    assert gc.get_freeze_count() == 0
    pi.loads(data).quotes[0]  # the load and the deferred build both promote what they made
    assert gc.get_freeze_count() == 0
    keep = [[1], [2]]  # a program's own frozen objects (say, before forking) stay frozen
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen >= len(keep)
        pi.loads(data).quotes[0]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("name", ["duplicate-key.json", "span-outside.json", "dangling-critique.json"])
def test_bad_files_are_reported_the_same_with_or_without_orjson(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DATA / "bad" / name).read_bytes()
    with pytest.raises(pi.DatasetError) as with_default:
        pi.loads(data)
    monkeypatch.setitem(sys.modules, "orjson", None)
    with pytest.raises(pi.DatasetError) as stdlib_only:
        pi.loads(data)
    assert [str(p) for p in with_default.value.problems] == [str(p) for p in stdlib_only.value.problems]


def test_a_built_table_lets_its_builder_go() -> None:
    ds = pi.loads((DATA / "good.json").read_bytes())
    assert not ds.quotes._built()
    ds.quotes[0]
    assert type(ds.quotes._source) is tuple  # the builder, and the rows it held, are released


def test_a_value_built_once_may_be_none() -> None:
    from putin_interviews._once import Cell

    calls: list[int] = []
    cell: Cell[None] = Cell(lambda: calls.append(1))
    assert cell.get() is None
    assert cell.get() is None
    assert calls == [1]


def test_generated_code_shows_in_tracebacks_and_inspect() -> None:
    import inspect
    import traceback

    from putin_interviews import _codegen
    from putin_interviews._models import Quote

    check = _codegen.checker(Quote)
    source = inspect.getsource(check)
    assert source.startswith("def check_Quote(rows, context):")
    assert "if not (v2 in people): raise Unexpected" in source  # a reference rule, inlined
    with pytest.raises(_codegen.Unexpected) as info:
        check([{"id": "q"}], {})  # a row with one key
    last = traceback.extract_tb(info.value.__traceback__)[-1]
    assert last.filename.startswith("<putin_interviews generated ")
    assert "check Quote rows" in last.filename
    assert last.line == "if type(d) is not dict or len(d) != 17: raise Unexpected"
