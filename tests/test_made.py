"""The methods :func:`._made.premade` gives a class behave exactly as the ones attrs makes from
the same definitions; the record builders written ahead of time are current, used, and replaced
by compiled ones for a record type changed since."""

from __future__ import annotations

import ast
import datetime
import enum
import hashlib
import importlib
import inspect
import json
import marshal
import pickle
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import putin_interviews as pi
from putin_interviews import _build, _load, _made, _models, _premade, _premake, _tables, _types
from putin_interviews._limits import MAX_STRING

from .conftest import PREMAKE_HINT

PACKAGE = Path(pi.__file__).parent

# ------------------------------------------------------------------ the classes, made both ways


def _premade_classes() -> list[tuple[str, str]]:
    """(module, class) of every class of the package decorated with ``premade``."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and any(
                isinstance(d, ast.Name) and d.id == "premade" for d in node.decorator_list
            ):
                found.append((f"putin_interviews.{path.stem}", node.name))
    return found


PREMADE = _premade_classes()


def _checked_by_attrs(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """A field transformer: each field given its check the usual way, before attrs makes the
    class (so attrs' ``__init__`` calls each)."""
    return [field.evolve(validator=_types._FieldCheck(field.name)) for field in fields]


@cache
def _by_attrs_alone(module: str) -> dict[str, Any]:
    """The names ``module`` defines when its source runs again as a module of its own with
    ``premade`` doing nothing, and the checks ``validated`` gives a class given to attrs with
    its fields instead: its classes as attrs makes them from the same definitions. (The
    package's own classes are not touched, nor are the builders bound to these.)"""
    path = PACKAGE / f"{module.rpartition('.')[2]}.py"
    namespace: dict[str, Any] = {"__name__": module, "__package__": "putin_interviews", "__file__": str(path)}
    keep_as_is, bind_nothing = (lambda cls: cls), (lambda namespace: None)
    frozen = attrs.frozen

    def frozen_and_checked(**options: Any) -> Any:  # (every class that ``validated`` decorates)
        return frozen(**options, field_transformer=_checked_by_attrs)

    source = path.read_text("utf-8")
    with (
        mock.patch.object(_made, "premade", keep_as_is),
        mock.patch.object(_made, "bind_builders", bind_nothing),
        mock.patch.object(_types, "validated", keep_as_is),
        mock.patch.object(attrs, "frozen", frozen_and_checked if "\n@validated\n" in source else frozen),
    ):
        exec(compile(source, str(path), "exec", dont_inherit=True), namespace)
    return namespace


def _pair(module: str, name: str) -> tuple[type, type]:
    return getattr(importlib.import_module(module), name), _by_attrs_alone(module)[name]


def _family(made_by_attrs: bool) -> Callable[[str], type]:
    """The class of each name: the package's, or the one attrs makes alone."""

    def family(name: str) -> type:
        module = next(m for m, n in PREMADE if n == name)
        return _pair(module, name)[made_by_attrs]

    return family


def test_the_decorated_classes_are_found() -> None:
    names = {name for _, name in PREMADE}
    assert {"Span", "Quote", "Critique", "DatasetInfo", "Problem", "Dataset", "TableSpec"} <= names
    assert set(_models.__all__) <= names


def _annotation(tp: Any) -> str:
    # Types compared by name: the two families hold different (equal) record classes.
    return _made._text(tp) if not isinstance(tp, str) else tp


@pytest.mark.parametrize(("module", "name"), PREMADE)
def test_the_class_is_what_attrs_makes_but_for_the_methods_it_is_given(module: str, name: str) -> None:
    fast, normal = _pair(module, name)
    assert fast is not normal
    assert attrs.has(fast)
    # The one name more: the check of the fields after __init__, in the place of attrs' calls.
    given = {"__attrs_post_init__"} if vars(fast).get("__attrs_post_init__") is _made.validate_fields else set()
    assert sorted(vars(fast)) == sorted({*vars(normal), *given})
    assert fast.__slots__ == normal.__slots__  # type: ignore[attr-defined]
    assert fast.__match_args__ == normal.__match_args__  # type: ignore[attr-defined]
    assert (fast.__module__, fast.__qualname__) == (normal.__module__, normal.__qualname__)
    assert str(inspect.signature(fast)) == str(inspect.signature(normal))

    def described(cls: type) -> list[tuple[object, ...]]:
        kept = (
            "default",
            "kw_only",
            "eq",
            "order",
            "hash",
            "init",
            "repr",
            "alias",
            "converter",
            "on_setattr",
            "inherited",
        )
        return [
            (a.name, _annotation(a.type), type(a.validator), *(getattr(a, k) for k in kept)) for a in attrs.fields(cls)
        ]

    assert described(fast) == described(normal)
    for dunder in ("__repr__", "__eq__", "__ne__", "__hash__", "__init__", "__setattr__"):
        mine, theirs = vars(fast).get(dunder), vars(normal).get(dunder)
        assert (mine is None) == (theirs is None), dunder
        if mine is not None and theirs is not None:
            assert mine.__name__ == theirs.__name__
            if dunder != "__ne__":  # (attrs' own __ne__ is one function of its module, named as such)
                assert (mine.__qualname__, mine.__module__) == (theirs.__qualname__, theirs.__module__)
    # attrs made none of the four methods given: nothing was compiled for them.
    for dunder in ("__repr__", "__eq__", "__hash__"):
        method = vars(fast).get(dunder)
        if method is not None and vars(normal)[dunder].__code__.co_filename.startswith("<attrs generated"):
            assert method.__code__.co_filename == _made.__file__


# ------------------------------------------------------------------ values, made both ways

#: A value of a field described once and made in each family: a record is (class name, fields).
Tree = Any
_WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.text(max_size=3),
    st.lists(st.integers(), max_size=2),
    st.just(b"x"),
    st.just(Ellipsis),
)


def _trees(tp: Any, depth: int = 0) -> st.SearchStrategy[Tree]:
    """Right values of a field of type ``tp``."""
    inner, optional = _strip(tp)
    right: st.SearchStrategy[Tree]
    if inner is str:
        right = st.text(max_size=12)
    elif inner is int:
        right = st.integers(-(2**63), 2**63 - 1)
    elif inner is datetime.date:
        right = st.dates()
    elif isinstance(inner, type) and issubclass(inner, enum.Enum):
        right = st.sampled_from(list(inner))
    elif typing.get_origin(inner) is tuple:
        element = _trees(typing.get_args(inner)[0], depth + 1)
        right = st.lists(element, max_size=2 if depth < 2 else 0).map(tuple)
    elif isinstance(inner, type) and attrs.has(inner):
        right = _records(inner, depth + 1)
    else:  # a class: the table types, say
        right = st.sampled_from([spec.table for spec in _tables.TABLES])
    return st.none() | right if optional else right


def _wrong(tp: Any) -> st.SearchStrategy[Tree]:
    """Wrong values of a field of type ``tp``: of another type, past a limit, or holding one."""
    inner, _ = _strip(tp)
    wrong = [_WRONG]
    if inner is str:
        wrong.append(st.sampled_from(["x" * (MAX_STRING + 1), "lone \ud800"]))
    elif inner is int:
        wrong.append(st.sampled_from([2**63, -(2**63) - 1, True]))
    elif isinstance(inner, type) and issubclass(inner, enum.Enum):
        wrong.append(st.sampled_from([m.value for m in inner]))
    elif typing.get_origin(inner) is tuple:
        element = typing.get_args(inner)[0]
        wrong.append(st.tuples(_trees(element), _wrong(element)))
        wrong.append(st.lists(_trees(element), max_size=1))  # a list, not a tuple
    return st.one_of(wrong)


def _strip(tp: Any) -> tuple[Any, bool]:
    if isinstance(tp, str):  # (a postponed annotation: resolved)
        return tp, False
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        return next(a for a in args if a is not type(None)), True
    return tp, False


def _records(cls: type, depth: int = 0) -> st.SearchStrategy[Tree]:
    hints = typing.get_type_hints(cls)
    fields = {a.name: _trees(hints[a.name], depth) for a in attrs.fields(cls)}
    return st.fixed_dictionaries(fields).map(lambda values: ("record", cls.__name__, values))


def _make(tree: Tree, family: Callable[[str], type]) -> Any:
    if isinstance(tree, tuple) and len(tree) == 3 and tree[0] == "record":
        _, name, values = tree
        return family(name)(**{key: _make(value, family) for key, value in values.items()})
    if isinstance(tree, tuple):
        return tuple(_make(item, family) for item in tree)
    return tree


def _outcome(action: Callable[[], Any]) -> tuple[str, Any]:
    """What ``action`` gives: ("ok", value) or ("raises", (type, message))."""
    try:
        return "ok", action()
    except Exception as exc:  # any exception: compared
        return "raises", (type(exc), str(exc))


FAST, NORMAL = _family(False), _family(True)
RECORD_CLASSES = [c for c in PREMADE if c[1] not in ("Dataset",)]


def _both(tree: Tree) -> tuple[tuple[str, Any], tuple[str, Any]]:
    fast, normal = _outcome(lambda: _make(tree, FAST)), _outcome(lambda: _make(tree, NORMAL))
    assert fast[0] == normal[0], (fast, normal)
    if fast[0] == "raises":
        assert fast == normal  # the same exception type and message
    return fast, normal


def _same(fast: Callable[[], Any], normal: Callable[[], Any]) -> None:
    """The two give equal values or the same exception (a value's repr stands for it)."""
    mine, theirs = _outcome(fast), _outcome(normal)
    assert mine[0] == theirs[0], (mine, theirs)
    if mine[0] == "raises":
        assert mine == theirs
    else:
        assert repr(mine[1]) == repr(theirs[1])


def _related(fast: Any, other: Any, normal: Any, normal_other: Any) -> None:
    """``fast`` and ``other`` compare and hash as ``normal`` and ``normal_other`` do."""
    _same(lambda: fast == other, lambda: normal == normal_other)
    _same(lambda: fast != other, lambda: normal != normal_other)
    _same(lambda: other == fast, lambda: normal_other == normal)
    _same(lambda: hash(fast) == hash(other), lambda: hash(normal) == hash(normal_other))


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, Tree, Tree, str, Tree]:
    """A class, two values of its fields (the second often the first; the first wrong in one
    field or more half the time: which one is reported is compared too), and a change of one
    field (right or wrong)."""
    module, name = draw(st.sampled_from(RECORD_CLASSES))
    cls = _pair(module, name)[0]
    hints = typing.get_type_hints(cls)
    first = draw(_records(cls))
    second = draw(st.just(first) | _records(cls))
    if draw(st.booleans()):
        for field in draw(st.lists(st.sampled_from(list(hints)), min_size=1, max_size=3, unique=True)):
            first = ("record", name, {**first[2], field: draw(_wrong(hints[field]))})
    field = draw(st.sampled_from([a.name for a in attrs.fields(cls)]))
    change = draw(_trees(hints[field]) | _wrong(hints[field]))
    return name, first, second, field, change


@given(_cases())
def test_the_methods_given_behave_as_the_ones_attrs_makes(case: tuple[str, Tree, Tree, str, Tree]) -> None:
    _name, first, second, field, change = case
    (made, fast), (_, normal) = _both(first)
    event(f"{_name} {'made' if made == 'ok' else 'refused'}")
    # With validators disabled, made alike unchecked; then checked alike by attrs.validate.
    with attrs.validators.disabled():
        (unchecked, unchecked_fast), (_, unchecked_normal) = _both(first)
    if unchecked == "ok":
        assert repr(unchecked_fast) == repr(unchecked_normal)
        validated = _outcome(lambda: attrs.validate(unchecked_fast))
        assert validated == _outcome(lambda: attrs.validate(unchecked_normal))
        assert validated[0] == made  # (checked as when it was made)
    if made == "raises":
        return
    _same(lambda: repr(fast), lambda: repr(normal))
    _same(lambda: str(fast), lambda: str(normal))
    _same(lambda: attrs.asdict(fast), lambda: attrs.asdict(normal))
    _same(lambda: attrs.astuple(fast), lambda: attrs.astuple(normal))
    # A copy with one field changed is checked the same way, and made the same.
    changed_fast = _outcome(lambda: attrs.evolve(fast, **{field: _make(change, FAST)}))
    changed_normal = _outcome(lambda: attrs.evolve(normal, **{field: _make(change, NORMAL)}))
    assert changed_fast[0] == changed_normal[0]
    if changed_fast[0] == "raises":
        assert changed_fast == changed_normal
    else:
        assert repr(changed_fast[1]) == repr(changed_normal[1])
    # Equality and hashing: the same relations (the hashes themselves differ from process to
    # process, as attrs' do), with itself, an equal record, one other in a field or in all,
    # and other objects.
    others = [(fast, normal), (1, 1), (None, None), (_make(first, FAST), _make(first, NORMAL))]
    second_fast, second_normal = _both(second)
    for found, normal_found in ((second_fast, second_normal), (changed_fast, changed_normal)):
        if found[0] == "ok":
            others.append((found[1], normal_found[1]))
    _same(lambda: type(hash(fast)), lambda: type(hash(normal)))
    for other, normal_other in others:
        _related(fast, other, normal, normal_other)
    # Immutable, and the same after a pickle round trip (the package's classes are picklable).
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(fast, field, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(normal, field, None)
    copied = _outcome(lambda: pickle.loads(pickle.dumps(fast)))
    hashable = _outcome(lambda: hash(fast))[0] == "ok"
    if copied[0] == "ok":
        assert type(copied[1]) is type(fast)
        assert repr(copied[1]) == repr(fast)
        assert copied[1] == fast or not hashable  # (a value that is not equal to itself)


@pytest.mark.parametrize(
    "arguments", [{"start": 1}, {"start": 1, "end": 2, "width": 3}, {"start": "1", "end": 2}, {}], ids=repr
)
def test_a_record_made_with_wrong_arguments_fails_as_attrs_makes_it_fail(arguments: dict[str, Any]) -> None:
    fast, normal = _pair("putin_interviews._models", "Span")
    assert _outcome(lambda: fast(**arguments)) == _outcome(lambda: normal(**arguments))
    assert _outcome(lambda: fast(**arguments))[0] == "raises"


def test_a_subclass_checks_its_fields_as_a_subclass_of_the_class_attrs_makes() -> None:
    # A subclass made by attrs checks the inherited fields in its own __init__ (attrs is given
    # the checks with them), one made without attrs in its base's; both as when the base
    # is made by attrs alone, on construction and by evolve and validate.
    def outcomes(cls: Any) -> list[tuple[str, Any]]:
        good, forced = cls(start=1, end=2), cls(start=1, end=2)
        object.__setattr__(forced, "end", "x")
        return [
            _outcome(lambda: repr(cls(start="1", end=None))),
            _outcome(lambda: repr(attrs.evolve(good, start=-1, end=True))),
            _outcome(lambda: attrs.validate(forced)),
        ]

    found = []
    for made_by_attrs in (False, True):
        span = _family(made_by_attrs)("Span")
        wider = attrs.frozen(kw_only=True)(type("Wider", (span,), {"__annotations__": {"width": "int"}, "width": 0}))
        found.append(outcomes(wider) + outcomes(type("Plain", (span,), {})))
    assert found[0] == found[1]
    assert [kind for kind, _ in found[0]] == ["raises"] * 6
    assert found[0][0] == ("raises", (TypeError, "Wider.start must be an int, not str '1'"))
    # One made without attrs that has an __attrs_post_init__ (which __init__ calls) checks its
    # fields when it calls the record type's.

    class Noted(pi.Span):
        def __attrs_post_init__(self) -> None:
            super().__attrs_post_init__()  # type: ignore[misc]

    with pytest.raises(TypeError, match=r"^Noted\.end must be an int, not str 'x'$"):
        Noted(start=1, end="x")  # type: ignore[arg-type]


def test_a_record_shown_inside_itself_is_shown_as_attrs_shows_it() -> None:
    # attrs shows a record met again while showing it as "...": a frozen record can hold
    # itself only when forced, but shown it must still be.
    for made_by_attrs in (False, True):
        basis = _family(made_by_attrs)("Basis")
        record = basis(field="note", note="x")
        object.__setattr__(record, "note", record)
        assert repr(record) == "Basis(field='note', note=...)"


def test_the_dataset_compares_and_hashes_as_attrs_makes_it(ds: pi.Dataset) -> None:
    fast, normal = _pair("putin_interviews._dataset", "Dataset")
    tables = {spec.name: getattr(ds, spec.name) for spec in _tables.TABLES}
    mine, theirs = fast(info=ds.info, **tables), normal(info=ds.info, **tables)
    assert (mine == ds, mine != ds, hash(mine) == hash(ds)) == (True, False, True)
    assert (theirs == normal(info=ds.info, **tables), hash(theirs) == hash(normal(info=ds.info, **tables))) == (
        True,
        True,
    )
    assert attrs.asdict(mine, recurse=False).keys() == attrs.asdict(theirs, recurse=False).keys()
    assert mine != attrs.evolve(mine, quotes=ds.quotes[:1])
    assert _outcome(lambda: fast(info=1, **tables)) == _outcome(lambda: normal(info=1, **tables))


# ------------------------------------------------------------------ the builders


def test_the_premade_builders_are_current() -> None:
    written = _premake.TARGET.read_text("utf-8")
    assert written == _premake.source(), (
        "src/putin_interviews/_premade.py is out of date: write it anew with python -m putin_interviews._premake"
    )


def test_the_pre_parsed_copy_is_the_bundled_files_values() -> None:
    # What the first use reads in place of the bundled file (_load._preparsed): its values,
    # each of the same type (where == takes 1 for 1.0 and True), in the same order, made from
    # the file's bytes as they are and proven here to the byte.
    assert _premake.PREPARSED_COPY.is_file(), PREMAKE_HINT
    copy = _premake.PREPARSED_COPY.read_bytes()
    data = _load._read_bundled()
    assert _premake.holds_the_values(copy), PREMAKE_HINT
    assert marshal.loads(copy) == json.loads(data)
    digests = tuple(hashlib.blake2b(b, digest_size=32).hexdigest() for b in (data, copy))
    assert digests == _premade.PREPARSED, PREMAKE_HINT


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_same_json_values_are_the_same_through_marshal(value: Any) -> None:
    assert _premake._same(marshal.loads(marshal.dumps(value)), value)


@given(_JSON_VALUES, _JSON_VALUES)
def test_same_json_values_are_those_of_the_same_json_text(a: Any, b: Any) -> None:
    # For values a parser can give (no NaN, no infinity), _same is: the same JSON text (which
    # tells 1 from 1.0 and true, -0.0 from 0.0, and keys in another order).
    try:
        texts = json.dumps(a, allow_nan=False), json.dumps(b, allow_nan=False)
    except ValueError:  # not JSON
        return
    assert _premake._same(a, b) == (texts[0] == texts[1])
    assert _premake._same(a, json.loads(texts[0]))


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v["info"].update(schema_version=float(v["info"]["schema_version"])),  # == the int
        lambda v: v.update(quotes=tuple(v["quotes"])),  # == no list
        lambda v: v.update(info=dict(reversed(v["info"].items()))),  # == in any order
        lambda v: v["quotes"][0].update(text=v["quotes"][0]["text"] + "."),
        lambda v: v["quotes"].pop(),
    ],
    ids=["a float for an int", "a tuple for a list", "keys reordered", "a text changed", "a quotation less"],
)
def test_a_copy_of_other_values_does_not_hold_the_files(change: Callable[[dict[str, Any]], object]) -> None:
    values = json.loads(_load._read_bundled())
    change(values)
    assert not _premake.holds_the_values(marshal.dumps(values))


def test_premake_writes_the_copy_only_when_the_files_values_changed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(_premake, "TARGET", tmp_path / "_premade.py")
    monkeypatch.setattr(_premake, "PREPARSED_COPY", tmp_path / "copy.marshal")
    _premake.write()
    first = _premake.PREPARSED_COPY.read_bytes()
    assert _premake.holds_the_values(first)
    assert _load.blake2b(first) in _premake.TARGET.read_text("utf-8")
    for garbage in (b"", b"?", first[:-9]):  # not marshal data: written anew, not a crash
        _premake.PREPARSED_COPY.write_bytes(garbage)
        _premake.write()
        assert _premake.PREPARSED_COPY.read_bytes() == first
    made: list[bytes] = []
    real_preparse = _premake.preparse

    def preparse() -> bytes:
        made.append(real_preparse())
        return made[-1]

    monkeypatch.setattr(_premake, "preparse", preparse)
    _premake.write()  # the same values: the copy is left as it is
    assert made == []
    assert _premake.PREPARSED_COPY.read_bytes() == first
    values = json.loads(_load._read_bundled())
    values["quotes"][0]["text"] += "."
    changed = json.dumps(values).encode()
    real = _load.read_data
    monkeypatch.setattr(_load, "read_data", lambda name: changed if name == _load.DATA_FILE else real(name))
    _premake.write()
    assert len(made) == 1
    assert marshal.loads(_premake.PREPARSED_COPY.read_bytes()) == values
    assert f"({_load.blake2b(changed)!r}".replace("'", '"') in _premake.TARGET.read_text("utf-8")


def _record_types() -> Iterator[type]:
    yield pi.DatasetInfo
    for spec in _tables.TABLES:
        yield spec.record


@pytest.mark.parametrize("cls", list(_record_types()), ids=lambda c: c.__name__)
def test_the_loader_builds_with_the_premade_builders(cls: type) -> None:
    made = _made.premade_builder(cls)
    assert made is not None
    assert made.__code__.co_filename == _premade.__file__
    assert _load._builder(cls) is made


def _rows(ds: pi.Dataset, cls: type) -> tuple[list[Any], list[Any]]:
    """The rows of ``cls`` records in the bundled file, and the records."""
    raw = ds.to_dict()
    table = next((spec.name for spec in _tables.TABLES if spec.record is cls), None)
    if table is None:
        return [raw["info"]], [ds.info]
    return raw[table], list(getattr(ds, table))


@pytest.mark.parametrize("cls", list(_record_types()), ids=lambda c: c.__name__)
def test_a_record_type_changed_since_gets_a_builder_compiled_now(
    cls: type, ds: pi.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if every record type had changed since the builders were written: none is made ready,
    # and the loader compiles each, which builds the same records.
    monkeypatch.setattr(_premade, "SHAPES", dict.fromkeys(_premade.SHAPES, "changed"))
    monkeypatch.setattr(_made, "_builders", {})
    monkeypatch.setattr(_load, "_builders", {})
    _made.bind_builders(vars(_models))
    assert _made.premade_builder(cls) is None
    compiled = _load._builder(cls)
    assert compiled.__code__.co_filename.startswith("<putin_interviews generated ")
    shared: dict[str, str] = {}
    rows, expected = _rows(ds, cls)
    built = [compiled(row, shared.setdefault) for row in rows]
    assert built == expected
    assert [type(r) for r in built] == [cls] * len(built)


def test_a_builder_is_made_only_for_the_class_it_was_written_for(ds: pi.Dataset) -> None:
    # A class of the same name made elsewhere (attrs alone, here) gets no premade builder; the
    # one compiled for it makes its own records.
    normal = _by_attrs_alone("putin_interviews._models")["Quote"]
    assert _made.premade_builder(normal) is None
    assert _made.premade_builder(pi.Quote) is not None
    make = _build.compiled(normal)
    shared: dict[str, str] = {}
    record = make(ds.to_dict()["quotes"][0], shared.setdefault)
    assert type(record) is normal
    assert attrs.asdict(record) == attrs.asdict(ds.quotes[0])


def test_the_shape_of_a_class_is_its_fields_and_their_types() -> None:
    assert _made.shape(pi.Span) == "start: int; end: int"
    assert _premade.SHAPES["Quote"] == _made.shape(pi.Quote)
    assert "cue: Span | None" in _premade.SHAPES["Quote"]
    assert "published: date | None" in _premade.SHAPES["Article"]


def test_a_field_of_another_type_of_the_same_name_gets_no_premade_builder() -> None:
    # A record type given a new enumeration of the old one's name, or holding a record type of
    # the same name from elsewhere, has the same shape, but must not get the builder written
    # for the old one: it would make values of the old type, failing the record's own checks.
    class PersonKind(enum.Enum):
        INDIVIDUAL = "individual"

    PersonKind.__qualname__ = "PersonKind"  # as if defined at the top of a module
    alone = _by_attrs_alone("putin_interviews._models")
    person = type("Person", (), {"__annotations__": {**inspect.get_annotations(pi.Person), "kind": PersonKind}})
    quote = type("Quote", (), {"__annotations__": {**inspect.get_annotations(pi.Quote), "cue": alone["Span"] | None}})
    classes = {"Basis": pi.Basis, "Span": pi.Span, "Person": person, "Quote": quote}
    for cls in (person, quote):
        assert _made.shape(cls) == _premade.SHAPES[cls.__name__]
        assert not _made._types_known(cls, classes)
    assert _made._types_known(pi.Person, {"Basis": pi.Basis})
    assert _made._types_known(pi.Quote, {"Span": pi.Span})
    builders = dict(_made._builders)
    try:
        _made.bind_builders(classes)
        assert _made.premade_builder(person) is None
        assert _made.premade_builder(quote) is None
    finally:
        _made._builders.clear()
        _made._builders.update(builders)


def test_records_compare_field_by_field_as_attrs_makes_them() -> None:
    # attrs compares ``a == b and …``: a value unequal to itself makes records unequal, as a
    # comparison of tuples (which takes a value as equal to itself) would not.
    class Odd(str):
        def __eq__(self, other: object) -> bool:
            return False

        __hash__ = str.__hash__

    value = Odd("note")
    for made_by_attrs in (False, True):
        basis = _family(made_by_attrs)("Basis")
        first, second = basis(field=value, note="x"), basis(field=value, note="x")
        assert not first == second  # noqa: SIM201
        assert first != second
