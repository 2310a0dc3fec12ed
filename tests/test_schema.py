"""The JSON Schema shipped with the package: in step with the model, and as strict as the loader."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import putin_interviews as pi
from putin_interviews import _schema

from .strategies import datasets

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = pi.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
DATA = Path(__file__).parent / "data"


def test_the_shipped_schema_is_the_one_the_model_gives() -> None:
    # After a model change, write the file anew: python -m putin_interviews._schema
    assert _schema.build_schema() == SCHEMA
    from importlib import resources

    shipped = resources.files("putin_interviews.data").joinpath(_schema.SCHEMA_FILE).read_text("utf-8")
    assert shipped == _schema.schema_text()


def test_it_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert sorted(SCHEMA["$defs"]) == [
        "Article", "Basis", "Claim", "Critique", "DatasetInfo", "DateWindow", "Episode", "Person", "Quote", "Span",
        "Topic",
    ]  # fmt: skip


def test_the_bundled_data_and_the_test_data_validate() -> None:
    assert list(VALIDATOR.iter_errors(pi.dataset().to_dict())) == []
    assert list(VALIDATOR.iter_errors(json.loads((DATA / "good.json").read_text("utf-8")))) == []


@given(datasets())
def test_generated_valid_datasets_validate(generated: pi.Dataset) -> None:
    assert list(VALIDATOR.iter_errors(generated.to_dict())) == []


STRUCTURAL = [
    "unknown-key.json",
    "missing-field.json",
    "wrong-type.json",
    "bad-date.json",
    "episode-range.json",
    "schema-version.json",
    "long-value.json",
    "long-id.json",
    "several-problems.json",
]


@pytest.mark.parametrize("name", STRUCTURAL)
def test_what_the_loader_rejects_for_its_form_the_schema_rejects(name: str) -> None:
    doc = json.loads((DATA / "bad" / name).read_text("utf-8"))
    with pytest.raises(pi.DatasetError):
        pi.load(doc)
    assert list(VALIDATOR.iter_errors(doc)), name


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("quotes", 0, "kind"), "whole"),
        (("quotes", 0, "span", "end"), 1.5),
        (("quotes", 0, "topics"), "t"),
        (("people", 0, "aliases"), ["a", 1]),
        (("articles", 0, "published"), "13/06/2017"),
        (("articles", 0, "published"), "2017-02-30"),
        (("critiques", 0, "episode"), 0),
        (("info", "year"), True),
    ],
)
def test_single_wrong_values_are_rejected_by_both(path: tuple[Any, ...], value: Any) -> None:
    doc = copy.deepcopy(json.loads((DATA / "good.json").read_text("utf-8")))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(pi.DatasetError):
        pi.load(doc)
    assert list(VALIDATOR.iter_errors(doc))
