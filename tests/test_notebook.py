"""The notebook tour runs top to bottom in a real Jupyter kernel, and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebooks" / "tour.ipynb"


def test_the_notebook_is_committed_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_the_notebook_runs_in_a_kernel(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    assert any(h.startswith("<table><caption>Quotes: 8 quotes</caption>") for h in html)
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
    # The chart's table names the speakers (its rows are the chart's labels), not their ids.
    [pivot] = [h for h in html if "<th>speaker</th>" in h and "<th>Part 1</th>" in h]
    assert "<th>Vladimir Putin</th>" in pivot
    assert "<th>putin</th>" not in pivot
    assert not [o for o in outputs if o.get("output_type") == "error"]
