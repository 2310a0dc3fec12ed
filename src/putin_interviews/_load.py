"""Loading: from bytes to records, every problem of a bad file reported at once.

The pipeline, for :func:`loads` (and :func:`load` of a path or bytes)::

    bytes ──_parse──▶ JSON values ──_fast──▶ Dataset (records of every table built on first use)
                          │            └─ anything unexpected, or a key given twice ─┐
                          │                                                          ▼
    a mapping (load) ─────┴────────────────────────────────────────────▶ _detailed ──▶ DatasetError
                                                                          (or the Dataset)

1. **Parse** (:func:`_parse`): the size limit, a byte-order mark, then orjson when installed
   (the ``fast`` extra), else the standard library's parser, which also names a key given
   twice. Every failure is a :class:`~putin_interviews.DatasetError`.
2. **Fast path** (:func:`_fast`), for parser output only: the generated checker of each
   table (:func:`._codegen.checker`) checks its raw rows in one pass against the rules of
   :mod:`._integrity` and counts the keys it read; each table then waits, as a deferred
   table, for its records to be built on first use (:func:`_builder`), checked
   nothing twice. orjson keeps the last value of a key given twice: :func:`_no_key_twice`
   proves from the text that no key was, or the text is parsed again by the standard parser.
3. **Detailed path** (:func:`_detailed`), when the fast path says no, and for mappings: the
   strict cattrs converter reports structural problems with JSON paths, the records it can
   read are checked by :func:`._integrity.problems`, and everything is raised in one
   :class:`~putin_interviews.DatasetError`.

The bundled dataset is loaded once (:func:`dataset`): the same way when its bytes are not the
ones the tests proved sound (:data:`BUNDLED_BLAKE2B`), and otherwise deferred without the
checks, which then are not even imported, its values read from a copy pre-parsed from those
bytes (:func:`_preparsed`), so that no JSON parser is imported either.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import stat
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from . import _premade
from ._dataset import Dataset
from ._errors import DatasetError, Problem, argument
from ._gc import collector_paused
from ._limits import MAX_BYTES
from ._made import premade_builder
from ._models import DatasetInfo
from ._once import Cell, once_in
from ._public import public
from ._tables import TABLES

if TYPE_CHECKING:
    from ._build import Make

# The checks (:mod:`._check`, with the converter and the rules they generate code from) are
# imported when a file is loaded: the bundled one, when proven sound, needs none of them.

__all__ = ["dataset", "load", "loads"]

#: The folder of the package's data.
_DATA = "data"
#: The bundled file, in the package's data.
DATA_FILE = "putin_interviews.json"
#: The bundled file's values, pre-parsed (``marshal``) by :mod:`._premake`.
PREPARSED_FILE = "putin_interviews.marshal"
#: What ``marshal.loads`` raises for bytes that are not its data (cut short, another format).
NOT_MARSHAL = (EOFError, ValueError, TypeError)
_BOM = b"\xef\xbb\xbf"


def _fail(message: str, source: str | None, path: str = "$") -> DatasetError:
    return DatasetError([Problem(path, message)], source)


# ------------------------------------------------------------------ parse


def _find_orjson() -> Any:
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


_ORJSON = Cell(_find_orjson)


def _orjson() -> Any:
    """orjson when installed (the ``fast`` extra) and not blocked (``sys.modules["orjson"]``
    set to None, as tests do); None otherwise."""
    module = sys.modules.get("orjson", _ORJSON)
    return _ORJSON.get() if module is _ORJSON else module


# A colon right after white space: what a key spaced before its colon has (JSON allows it,
# and the count below would not see the key). Searched colon first: colons are rarer than
# quotes, so the scan runs in C between them. (These patterns are compiled on first use, by
# the re module: the bundled file, proven sound, is never searched.)
_SPACED_COLON = rb":(?<=[ \t\r\n]:)"
_SPACED_COLON_TEXT = r":(?<=[ \t\r\n]:)"


def _no_key_twice(data: bytes | str, keys: int) -> bool:
    """True only when no object of the JSON text ``data`` gives a key twice, knowing that
    the parsed objects hold ``keys`` keys in all.

    The proof: a key is a string followed, after optional white space, by a colon. When no
    colon follows white space, each key of the text adds exactly one ``":`` to the count,
    and any other ``":`` lies inside a string. So the count is at least the number of keys
    in the text, which is at least ``keys`` (a key given twice is kept once), and equal to
    ``keys`` only when no key was given twice. A file that fails (a spaced key, a colon
    after white space or ``":`` inside a string) is read again by the standard parser.

    >>> _no_key_twice(b'{"a": 1, "b": 2}', 2), _no_key_twice(b'{"a" : 1, "a": 2}', 1)
    (True, False)
    """
    if isinstance(data, bytes):
        return data.count(b'":') == keys and re.search(_SPACED_COLON, data) is None
    return data.count('":') == keys and re.search(_SPACED_COLON_TEXT, data) is None


# Where a lone surrogate could come from: in bytes an escape (UTF-8 holds none), in text either.
_ESCAPED_SURROGATE = rb"\\u[dD][89a-fA-F]"
_SURROGATE_IN_TEXT = "\\\\u[dD][89a-fA-F]|[\ud800-\udfff]"


def _may_hold_surrogates(data: str | bytes) -> bool:
    """False when the standard parser cannot have made a lone surrogate of ``data``."""
    if isinstance(data, bytes):
        return re.search(_ESCAPED_SURROGATE, data) is not None
    return re.search(_SURROGATE_IN_TEXT, data) is not None


def _parse(data: str | bytes, source: str | None, max_bytes: int) -> tuple[Any, bool]:
    """JSON text to Python values, every failure a DatasetError. Returns the values and
    whether a key given twice may have gone unseen (orjson's reading, to be proven)."""
    if len(data) > max_bytes:
        raise _fail(f"{len(data)} bytes is more than the limit of {max_bytes} (max_bytes)", source)
    if data.startswith(_BOM if isinstance(data, bytes) else "\ufeff"):  # type: ignore[arg-type]
        raise _fail("starts with a byte-order mark (BOM): save the file as UTF-8 without one", source)
    fast = _orjson()
    if fast is not None:
        try:
            return fast.loads(data), True
        except fast.JSONDecodeError:
            pass  # the standard parser below says what is wrong
    return _parse_text(_text(data, source), source), False


def _text(data: str | bytes, source: str | None) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _fail(f"not UTF-8: byte {exc.start} (line {line}) cannot be decoded", source) from None


def _parse_text(text: str, source: str | None) -> Any:
    """The standard library's parser, with a message for every failure and duplicate keys
    reported."""
    if not text.strip():
        raise _fail("empty: no JSON at all", source)
    duplicates: list[tuple[dict[str, Any], str]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((obj, key))
                seen.add(key)
        return obj

    import json  # (a first use of the bundled data reads its pre-parsed copy, and needs none)

    try:
        raw = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise _fail(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source) from None
    except RecursionError:
        raise _fail("invalid JSON: nested too deeply", source) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        detail = "a number with too many digits" if "digits" in str(exc) else str(exc)
        raise _fail(f"invalid JSON: {detail}", source) from None
    if duplicates:
        where = _paths_of(raw, {id(obj) for obj, _ in duplicates})
        problems = [
            Problem(where.get(id(obj), "$"), f"duplicate key {key!r}: JSON would keep only its last value")
            for obj, key in duplicates
        ]
        raise DatasetError(problems, source)
    return raw


def _paths_of(raw: Any, wanted: set[int]) -> dict[int, str]:
    """JSON paths of the objects whose id() is in ``wanted`` (walked only on error)."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(raw, "$")]
    while stack:
        value, path = stack.pop()
        if id(value) in wanted:
            found[id(value)] = path
        if isinstance(value, dict):
            stack.extend((v, f"{path}.{k}") for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(value))
    return found


# ------------------------------------------------------------------ the two paths


def _fast(raw: Any, texts_encodable: bool = False) -> tuple[Dataset, int]:
    """The happy path: check every table's rows and defer their records, or raise
    (anything). Returns the dataset and the number of object keys read."""
    from . import _check

    keys = _check.fast(raw, texts_encodable)
    return _deferred(raw), keys


_builders: dict[type, Make] = {}


def _builder(cls: type) -> Make:
    """The builder of ``cls`` records from checked rows (:mod:`._build`): made ahead of time,
    or compiled now for a record type changed since."""

    def new() -> Make:
        made = premade_builder(cls)
        if made is not None:
            return made
        from ._build import compiled

        return compiled(cls)

    return once_in(_builders, cls, new)


def _deferred(raw: Any) -> Dataset:
    """The dataset of sound rows (checked, or proven), each table's records built on first use."""
    shared: dict[str, str] = {}
    intern = shared.setdefault
    tables = {
        spec.name: spec.table._deferred(len(raw[spec.name]), _builds(spec.record, raw[spec.name], intern))
        for spec in TABLES
    }
    return Dataset(info=_builder(DatasetInfo)(raw["info"], intern), **tables)


def _builds(cls: type, rows: list[Any], intern: Callable[[str, str], str]) -> Callable[[], tuple[Any, ...]]:
    """What builds the records of checked rows, with the collector paused; the rows are let go."""
    pending = [rows]

    def build() -> tuple[Any, ...]:
        make = _builder(cls)
        with collector_paused(promote=True):
            records = tuple([make(row, intern) for row in pending[0]])
        pending.clear()
        return records

    return build


# ------------------------------------------------------------------ public


@public
def loads(data: str | bytes, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load a dataset from JSON text (``str``, or ``bytes`` in UTF-8 without a BOM).

    Raises :class:`~putin_interviews.DatasetError` listing every problem, each with
    its JSON path; no other exception escapes for bad data.

    >>> import putin_interviews
    >>> text = putin_interviews.dataset().to_json()
    >>> len(putin_interviews.loads(text).quotes) == len(putin_interviews.dataset().quotes)
    True
    """
    from . import _check

    what = "str or bytes (load() takes a path or a mapping)" if isinstance(data, Mapping) else "str or bytes"
    argument(data, "data", (str, bytes), what)
    _check_options(source, max_bytes)
    # One pause for the whole load: re-enabling the collector in between would make it walk
    # the freshly parsed tree at the next allocation.
    with collector_paused(promote=True):
        raw, unproven = _parse(data, source, max_bytes)
        # orjson refuses lone surrogates; the standard parser makes them only from a
        # surrogate in the text or a \uD800-\uDFFF escape: otherwise no string need be searched.
        encodable = unproven or not _may_hold_surrogates(data)
        try:
            ds, keys = _fast(raw, encodable)
        except _check.FAILED:  # the detailed path says what
            ds, keys = None, -1
        if unproven and (ds is None or not _no_key_twice(data, keys)):
            # Read again by the standard parser, which names a key given twice; when it
            # finds none, orjson's reading stands.
            raw = _parse_text(_text(data, source), source)
        return ds if ds is not None else _check.detailed(raw, source, Dataset)


@public
def load(source: str | os.PathLike[str] | bytes | Mapping[str, Any], *, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load a dataset of the package's schema and check its integrity.

    ``source`` is a path (``str`` or path-like), the file's ``bytes``, or the parsed JSON
    object (a mapping, as from :func:`json.load`). A file larger than ``max_bytes``
    (default :data:`MAX_BYTES`, 2 GiB) is refused before it is read.

    Raises :class:`~putin_interviews.DatasetError` (a ``ValueError``) listing every
    problem with its JSON path; nothing is returned half-loaded.

    >>> import tempfile, pathlib, putin_interviews
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = putin_interviews.dataset().dump(pathlib.Path(tmp) / "mine.json")
    ...     len(putin_interviews.load(path).articles)
    3
    >>> putin_interviews.load(putin_interviews.dataset().to_dict()) == putin_interviews.dataset()
    True
    """
    argument(source, "source", (str, os.PathLike, bytes, Mapping), "a path, bytes or a mapping")
    _check_options(None, max_bytes)
    if isinstance(source, bytes):
        return loads(source, max_bytes=max_bytes)
    if isinstance(source, Mapping):
        from . import _check

        with collector_paused(promote=True):
            return _check.detailed(source, None, Dataset)
    from pathlib import Path

    path = str(Path(source))
    return loads(_read_file(path, max_bytes), source=path, max_bytes=max_bytes)


def _read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file or a pipe, never more than ``max_bytes`` of them; a
    directory or a device is refused before it is read."""
    try:
        # O_NONBLOCK: opening a FIFO that no one writes to must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _fail(f"cannot read file: {exc.strerror or type(exc).__name__}", path) from None
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):  # a pipe is read
            from ._fileio import file_kind

            raise _fail(f"is {file_kind(info.st_mode)}, not a dataset file", path)
        if info.st_size > max_bytes:
            raise _fail(f"the file is {info.st_size} bytes, more than the limit of {max_bytes} (max_bytes)", path)
        os.set_blocking(fd, True)  # a pipe: read what its writer sends, up to the limit
        chunks, size = [], 0
        step = max(info.st_size + 1, 1 << 16)  # a regular file in one read (and no copy)
        while size <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - size, step))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _fail(f"cannot read file: {exc.strerror or type(exc).__name__}", path) from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise _fail(f"more than the limit of {max_bytes} bytes (max_bytes)", path)
    return b"".join(chunks)


def _check_options(source: object, max_bytes: object) -> None:
    argument(source, "source", (str, type(None)), "a string (a name for messages) or None")
    argument(max_bytes, "max_bytes", int, "a number of bytes")
    assert isinstance(max_bytes, int)
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 or more, not {max_bytes}")


#: The BLAKE2b digest (:func:`blake2b`) of the bundled file as the tests prove it sound,
#: through every check of :func:`loads` (``test_the_bundled_file_is_the_one_proven_sound``,
#: fails until this is updated, and passes only for a file that loads through every check).
#: Only a file with exactly these bytes is read without the checks; any other is checked in full.
BUNDLED_BLAKE2B = "faf93cb5db8311c9ec7c58822ab5582460bc2075edbc56d8f3df4caed996439c"


def _read_bundled() -> bytes:
    return read_data(DATA_FILE)


def data_path(name: str) -> str:
    """The path of the file ``name`` in the package's data, when installed as files.

    >>> os.path.basename(data_path(DATA_FILE))
    'putin_interviews.json'
    """
    return os.path.join(os.path.dirname(__file__), _DATA, name)


def read_data(name: str) -> bytes:
    """The bytes of the file ``name`` in the package's data.

    >>> read_data(DATA_FILE)[:10]
    b'{\\n  "info"'
    """
    try:
        with open(data_path(name), "rb") as file:
            return file.read()
    except OSError:  # not a directory on disk (a zip archive, say): the import system reads it
        from importlib import resources

        return resources.files(__package__).joinpath(_DATA).joinpath(name).read_bytes()


def blake2b(data: bytes) -> str:
    """The BLAKE2b (32-byte) digest of ``data``, in hex: what proves the bundled file and its
    pre-parsed copy the ones the tests read. It is hashed by CPython's own module (importing
    hashlib would load OpenSSL, which costs more than hashing the bundled file), which hashes
    about three times as fast as its SHA-256. hashlib's BLAKE2b is that module too (OpenSSL's
    is no 32-byte BLAKE2b): a Python built without it has none, and this raises ImportError.

    >>> blake2b(b"abc")[:16]
    'bddd813c63423972'
    """
    from _blake2 import blake2b as hasher

    return hasher(data, digest_size=32).hexdigest()


def _trusted(data: bytes, digest: str) -> Dataset:
    """The dataset of the bundled file's bytes, ``data``, whose digest (``digest``, by
    :func:`blake2b`) the caller found to be :data:`BUNDLED_BLAKE2B`: deferred, with no check
    run again (that constant says why it may be). Its values are read from the copy
    pre-parsed from bytes of that hash (:func:`_preparsed`), or else parsed: by orjson when it
    is loaded already, else by the standard library (which costs less to load than orjson saves
    on a file of this size). The test that proves the file sound reads it all three ways."""
    with collector_paused(promote=True):
        raw = _preparsed(digest)
        if raw is None:
            parser = sys.modules.get("orjson")
            if parser is None:
                import json

                parser = json
            raw = parser.loads(data)
        return _deferred(raw)


def _preparsed(digest: str) -> Any:
    """The values of the bundled file whose bytes hash to ``digest``, read from the copy
    :mod:`._premake` pre-parsed from them (by ``marshal``, which is built in: reading it costs a
    fraction of importing and running a JSON parser), or None. The copy is read only for the
    bytes the tests proved sound (:data:`BUNDLED_BLAKE2B`), when it was made from bytes of that
    hash, and when it is, to the byte, the copy the tests read (:data:`._premade.PREPARSED`
    holds both hashes; tests/test_made.py proves its values the file's)."""
    made_from, own_hash = _premade.PREPARSED
    if not digest == made_from == BUNDLED_BLAKE2B:
        return None
    try:
        copy = read_data(PREPARSED_FILE)
    except OSError:
        return None
    if blake2b(copy) != own_hash:
        return None
    try:
        return marshal.loads(copy)
    except NOT_MARSHAL:  # pragma: no cover - a Python whose marshal cannot read it
        return None


def _bundled() -> Dataset:
    data = _read_bundled()
    source = f"<bundled {DATA_FILE}>"
    try:
        digest = blake2b(data)
    except ImportError:  # a Python without BLAKE2b cannot prove the bytes: checked in full
        return loads(data, source=source)
    if digest == BUNDLED_BLAKE2B:
        return _trusted(data, digest)
    return loads(data, source=source)


_BUNDLED = Cell(_bundled)


@public
def dataset() -> Dataset:
    """The bundled dataset, read on first use (once, thread-safely) and cached.

    >>> import putin_interviews
    >>> putin_interviews.dataset() is putin_interviews.dataset()
    True
    >>> [a.outlet for a in putin_interviews.dataset().articles]
    ['LifeZette', 'LifeZette', 'Deadline']
    """
    return _BUNDLED.get()
