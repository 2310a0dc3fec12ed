"""Tables, datasets, hits and errors survive pickle and copy; they cross process boundaries; public objects
are known by the package's name, not a private module's."""

from __future__ import annotations

import copy
import inspect
import multiprocessing
import pickle
import typing
from collections.abc import Callable
from typing import Any

import pytest

import putin_interviews as pi

#: Seconds a process pool may take before a test gives up on it (a hang fails; it does not stall the suite).
POOL_TIMEOUT = 60

#: Ways to make a copy: each must give back an equal object of the same type.
ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda value: pickle.loads(pickle.dumps(value)),
    "pickle-protocol-2": lambda value: pickle.loads(pickle.dumps(value, protocol=2)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def _bundled_json() -> bytes:
    return pi.dataset().to_json().encode()


def _fresh() -> pi.Dataset:
    """A freshly loaded dataset: its big tables are not built until used."""
    return pi.loads(_bundled_json())


#: Objects to copy, each made anew by its factory (a fresh dataset's quotes are not touched before the copy).
VALUES: dict[str, Callable[[], object]] = {
    "filtered-quotes": lambda: pi.quotes(speaker="putin"),
    "people": lambda: pi.dataset().people,
    "bundled-quotes": lambda: pi.dataset().quotes,
    "unbuilt-quotes-of-a-fresh-load": lambda: _fresh().quotes,
    "unbuilt-critiques-of-a-fresh-load": lambda: _fresh().critiques,
    "fresh-dataset-with-unbuilt-tables": _fresh,
    "bundled-dataset": pi.dataset,
    "quote": lambda: pi.get_quote("lz-part-1-hawk"),
}


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
@pytest.mark.parametrize("name", sorted(VALUES))
def test_a_copy_compares_equal_and_keeps_its_type(name: str, trip: str) -> None:
    value = VALUES[name]()
    copied = ROUND_TRIPS[trip](value)  # before anything touches the value
    assert type(copied) is type(value)
    assert copied == value


def _hit_rows(hits: pi.Hits) -> list[tuple[str, str, float, tuple[str, ...]]]:
    return [(h.kind, h.record.id, h.score, h.fields) for h in hits]


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
def test_search_hits_survive_a_copy(trip: str) -> None:
    hits = pi.search("hope")
    assert hits
    copied = ROUND_TRIPS[trip](hits)
    assert type(copied) is pi.Hits
    assert _hit_rows(copied) == _hit_rows(pi.search("hope"))


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
def test_lookups_filters_and_search_work_on_a_copy(trip: str) -> None:
    # A table on its own holds its records only; its lookups by id work.
    quotes = ROUND_TRIPS[trip](pi.dataset().quotes)
    assert quotes.get("lz-part-1-hawk") == pi.get_quote("lz-part-1-hawk")
    assert [q.id for q in quotes.search("hope")] == [q.id for q in pi.dataset().quotes.search("hope")]

    copied = ROUND_TRIPS[trip](_fresh())  # copied before its big tables are built
    putin = copied.quotes.filter(speaker="putin")
    assert len(putin) == 27
    assert putin == pi.quotes(speaker="putin")
    assert copied.quotes.get("lz-part-1-hawk") == pi.get_quote("lz-part-1-hawk")
    assert copied.get_person("Colbert") == pi.get_person("Colbert")
    assert _hit_rows(copied.search("hope")) == _hit_rows(pi.search("hope"))


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
def test_a_copy_of_the_bundled_dataset_has_working_indexes(trip: str) -> None:
    ds = pi.dataset()
    ds.quotes.filter(speaker="putin")
    ds.search("hope")  # the original's indexes exist: the copy rebuilds or shares them, never breaks them
    copied = ROUND_TRIPS[trip](ds)
    assert copied.quotes.filter(speaker="putin", episode=1) == ds.quotes.filter(speaker="putin", episode=1)
    assert _hit_rows(copied.search("hope")) == _hit_rows(ds.search("hope"))
    with pytest.raises(pi.NotFoundError) as info:
        copied.get_person("putn")
    assert info.value.suggestions == ("putin",)


def test_a_pickled_table_holds_its_records_not_its_indexes() -> None:
    quotes = pi.dataset().quotes
    quotes.search("x")
    quotes.filter(speaker="putin")  # the search and filter indexes are built
    records_only = len(pickle.dumps(tuple(quotes)))
    assert len(pickle.dumps(quotes)) < 2 * records_only


# ------------------------------------------------------------------ errors


def _not_found() -> pi.NotFoundError:
    with pytest.raises(pi.NotFoundError) as info:
        pi.get_person("putn")
    return info.value


def _dataset_error() -> pi.DatasetError:
    with pytest.raises(pi.DatasetError) as info:
        pi.loads('{"info": 1}')
    return info.value


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
def test_a_not_found_error_survives_a_copy_with_its_message_and_attributes(trip: str) -> None:
    error = _not_found()
    copied = ROUND_TRIPS[trip](error)
    assert type(copied) is pi.NotFoundError
    assert str(copied) == str(error) == "no person 'putn'; did you mean 'putin'?"
    assert (copied.kind, copied.key, copied.suggestions) == (error.kind, error.key, error.suggestions)


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
def test_a_dataset_error_survives_a_copy_with_its_message_and_problems(trip: str) -> None:
    error = _dataset_error()
    copied = ROUND_TRIPS[trip](error)
    assert type(copied) is pi.DatasetError
    assert str(copied) == str(error)
    assert str(copied).splitlines()[0].startswith("invalid dataset: ")
    assert copied.problems == error.problems
    assert copied.source == error.source
    assert copied.args == error.args


# ------------------------------------------------------------------ processes
# Module-level, so that a "spawn" worker can import them (as tests.test_pickling.<name>).


def find_person_in_worker(key: str) -> pi.Person:
    return pi.get_person(key)


def putin_quotes_in_worker(_: int) -> pi.Quotes:
    return pi.quotes(speaker="putin")


def test_a_not_found_error_in_a_spawned_worker_is_raised_in_the_parent() -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result = pool.map_async(find_person_in_worker, ["putn"])
        with pytest.raises(pi.NotFoundError) as info:
            result.get(timeout=POOL_TIMEOUT)
    assert info.value.suggestions == ("putin",)
    assert str(info.value) == "no person 'putn'; did you mean 'putin'?"


def test_a_spawned_worker_returns_an_equal_quotes_table() -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        [quotes] = pool.map_async(putin_quotes_in_worker, [0]).get(timeout=POOL_TIMEOUT)
    assert type(quotes) is pi.Quotes
    assert quotes == pi.quotes(speaker="putin")
    assert quotes.get(quotes[-1].id) == quotes[-1]


# ------------------------------------------------------------------ public names


def test_every_public_class_and_function_belongs_to_the_package() -> None:
    misplaced = {
        name: obj.__module__
        for name in pi.__all__
        if (inspect.isclass(obj := getattr(pi, name)) or inspect.isfunction(obj))
        and obj.__module__ != "putin_interviews"
    }
    assert misplaced == {}


def test_a_pickled_record_names_the_package_not_a_private_module() -> None:
    quote = pi.get_quote("lz-part-1-hawk")
    assert b"_models" not in pickle.dumps(quote)
    assert b"cputin_interviews\nQuote\n" in pickle.dumps(quote, protocol=0)


def test_dir_shows_the_public_names_and_no_implementation_details() -> None:
    names = dir(pi)
    assert [n for n in ("Any", "TYPE_CHECKING", "annotations", "importlib") if n in names] == []
    assert [n for n in pi.__all__ if n not in names] == []


def test_filter_annotations_name_no_private_module() -> None:
    hints = typing.get_type_hints(pi.Quotes.filter)
    assert "speaker" in hints
    private = {name: repr(hint) for name, hint in hints.items() if "putin_interviews._" in repr(hint)}
    assert private == {}
