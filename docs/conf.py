"""Sphinx configuration. The dataset card's figures and the published JSON Schema are written
from the data at build time (into _generated/, not committed), never typed by hand."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import putin_interviews as pi

project = "putin-interviews"
author = "putin-interviews contributors"
copyright = "2026, putin-interviews contributors"
release = pi.__version__
version = pi.__version__

# myst_nb reads the Markdown pages (it brings myst_parser) and the notebook, which it runs at
# build time in a Jupyter kernel (ipykernel, from the test extra): the page shows its outputs.
extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx.ext.intersphinx", "_fields"]
exclude_patterns = ["_build", "_generated", "_inventories", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "force"  # the notebook is committed without outputs (tests/test_notebook.py)
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
html_theme = "furo"
html_title = f"putin-interviews {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "separated"
nitpicky = True  # every cross-reference must resolve (``sphinx -n``, as .ci/run builds)

# Links to Python's and pandas' docs. The build is offline, so each inventory is a file kept
# here (docs/_inventories/README.md says which Debian package each was copied from).
INVENTORIES = Path(__file__).parent / "_inventories"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(INVENTORIES / "python.inv")),
    "pandas": ("https://pandas.pydata.org/docs", str(INVENTORIES / "pandas.inv")),
}
intersphinx_timeout = 1
nitpick_ignore_regex = [
    # The type variables of generic signatures (``get(id, default: T)``), which are private
    # names with nothing to document: the signature shows them as they are.
    ("py:(class|obj)", r"putin_interviews\._[a-z_]+\.[A-Z][a-z_]*"),
    ("py:class", r"R|T|R_co"),
]

GENERATED = Path(__file__).parent / "_generated"
sys.path.insert(0, str(Path(__file__).parent))  # the local extension _fields.py


def _table(headers: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_generated() -> None:
    """Counts for the dataset card, and the schema, from the bundled data."""
    ds = pi.dataset()
    GENERATED.mkdir(exist_ok=True)
    out = [f"Dataset version {ds.info.dataset_version}, schema version {ds.info.schema_version}.\n"]
    out.append(_table(["table", "records"], [[type(t).__name__.lower(), len(t)] for t in ds.tables()]))
    out.append("\nPer article:\n\n")
    out.append(_table(
        ["article", "outlet", "headline", "quotations", "critiques"],
        [[a.id, a.outlet, a.title or "(not known)", len(ds.quotes_in(a)), len(ds.critiques_in(a))] for a in ds.articles],
    ))
    speakers = Counter(q.speaker_id for q in ds.quotes)
    out.append("\nQuotations per speaker and part (? = the part is not known):\n\n")
    parts = [1, 2, 3, 4, None]
    by = Counter((q.speaker_id, q.episode) for q in ds.quotes)
    out.append(_table(
        ["speaker", *[f"Part {p}" if p else "?" for p in parts], "all"],
        [[ds.get_person(s).name if s else "(the writers: scare quotes)", *[by[(s, p)] for p in parts], n]
         for s, n in speakers.most_common()],
    ))
    kinds = Counter(q.kind.value for q in ds.quotes)
    out.append("\nQuotations by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".\n")
    modes = Counter(q.mode.value for q in ds.quotes)
    out.append("\nQuotations by mode: " + ", ".join(f"{k} {n}" for k, n in sorted(modes.items())) + ".\n")
    inferred = sum(1 for q in ds.quotes if q.inferred)
    out.append(f"\nQuotations with at least one inferred field: {inferred} of {len(ds.quotes)}.\n")
    stances = Counter((c.target_id or c.target_kind.value, c.stance.value) for c in ds.critiques)
    targets = Counter(c.target_id or c.target_kind.value for c in ds.critiques)
    out.append("\nCritiques per target and stance:\n\n")
    out.append(_table(
        ["target", "positive", "negative", "mixed", "all"],
        [[t, stances[(t, "positive")], stances[(t, "negative")], stances[(t, "mixed")], n] for t, n in targets.most_common()],
    ))
    (GENERATED / "counts.md").write_text("".join(out), encoding="utf-8")
    (GENERATED / "schema.json").write_text(json.dumps(pi.json_schema(), indent=2) + "\n", encoding="utf-8")
    (GENERATED / "citation.md").write_text(
        "\n".join(f"- {style}: {ds.cite(ds, style, markup='markdown')}" for style in ("apa", "mla", "chicago")) + "\n",
        encoding="utf-8",
    )


write_generated()
