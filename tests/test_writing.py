"""Writing files (dump and export): never half-written, never over a device, errors that name the target.

Issue 14, "Writing". Every export and dump is written beside its target and renamed (a file)
or swapped (a directory) in; what is at the target is checked first.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import putin_interviews as pi
from putin_interviews import Dataset
from putin_interviews._cli import main

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX devices, FIFOs and flock")

DATA = Path(__file__).parent / "data"
SCRIPT = Path(sys.executable).with_name("putin-interviews")
DIRECTORY_FORMATS = ("csv", "jsonl")
TEMPORARY = re.compile(r"\.(.+)\.putin-interviews-(tmp|old)-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def old() -> Dataset:
    """A dataset different from the bundled one: the "previous export" in these tests."""
    return pi.load(DATA / "good.json")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, env=env, cwd=cwd, timeout=60, check=False)


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], *texts: str) -> None:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1, result
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    for text in texts:
        assert text in stderr
    assert "putin-interviews-tmp" not in stderr
    assert result.stdout == b""


def contents(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if TEMPORARY.fullmatch(p.name))


def reference(ds: Dataset, fmt: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of a fresh export of ``ds`` in ``fmt``, by name."""
    out = tmp_path_factory.mktemp("reference") / fmt
    ds.export(out, format=fmt)
    return contents(out)


def fsync_failing_at(call: int, error: BaseException) -> Callable[[int], None]:
    """A stand-in for ``os.fsync`` that raises ``error`` on its ``call``-th call."""
    real = os.fsync
    calls = 0

    def fsync(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == call:
            raise error
        real(fd)

    return fsync


# ------------------------------------------------------------ directories: all or nothing


@pytest.mark.parametrize("fmt", DIRECTORY_FORMATS)
def test_a_directory_export_replaces_the_whole_set(
    fmt: str, old: Dataset, ds: Dataset, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path / "out"
    old.export(out, format=fmt)
    first = sorted(out.iterdir())[0]
    first.chmod(0o600)
    written = ds.export(out, format=fmt)
    assert contents(out) == reference(ds, fmt, tmp_path_factory)
    assert sorted(written) == sorted(out / name for name in reference(ds, fmt, tmp_path_factory))
    assert stat.S_IMODE(first.stat().st_mode) == 0o600  # a file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("fmt", DIRECTORY_FORMATS)
def test_a_killed_directory_export_leaves_the_old_set_and_the_next_cleans_up(
    fmt: str, old: Dataset, ds: Dataset, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path / "out"
    old.export(out, format=fmt)
    before = contents(out)
    # Each file is flushed to disk once it is whole: die at the third flush, with two files written.
    code = (
        "import os, signal, putin_interviews as pi\n"
        "real, calls = os.fsync, []\n"
        "def fsync(fd):\n"
        "    calls.append(fd)\n"
        "    if len(calls) == 3:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        f"pi.dataset().export({str(out)!r}, format={fmt!r})\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=False)
    assert result.returncode == -9, result.stderr
    assert contents(out) == before  # the old set, whole and byte for byte
    [left] = leftovers(tmp_path)
    assert left.startswith(".out.putin-interviews-tmp-")
    assert 2 <= len(list((tmp_path / left).iterdir())) < len(before)  # it did die in the middle
    ds.export(out, format=fmt)
    assert contents(out) == reference(ds, fmt, tmp_path_factory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("fmt", DIRECTORY_FORMATS)
def test_a_failed_directory_export_leaves_the_old_set_and_no_temporary(
    fmt: str, old: Dataset, ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    old.export(out, format=fmt)
    before = contents(out)
    # The disk fills up at the last file of the set.
    monkeypatch.setattr(os, "fsync", fsync_failing_at(len(before), OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OSError, match="No space left on device") as caught:
        ds.export(out, format=fmt)
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value).startswith(f"cannot write {out}: No space left on device")
    assert "putin-interviews-tmp" not in str(caught.value)
    assert contents(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_directory_with_other_files_is_refused_and_left_alone(ds: Dataset, tmp_path: Path) -> None:
    # The export replaces the whole directory, so it must be new, empty, or a previous export of that format.
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", "utf-8")
    (out / "quotes.csv").write_text("old", "utf-8")
    with pytest.raises(FileExistsError) as caught:
        ds.export(out, format="csv")
    assert str(caught.value).startswith(f"cannot write {out}: it holds notes.txt, which a csv export does not write")
    assert contents(out) == {"notes.txt": b"mine", "quotes.csv": b"old"}
    # A csv export is not a jsonl export: its files would be lost.
    csv_dir = tmp_path / "csv"
    ds.export(csv_dir, format="csv")
    with pytest.raises(FileExistsError, match=r"it holds articles\.csv, critiques\.csv, episodes\.csv, people\.csv"):
        ds.export(csv_dir, format="jsonl")
    (out / "notes.txt").unlink()
    (out / "sub").mkdir()  # a directory, even by one of our names, is not ours
    with pytest.raises(FileExistsError, match="it holds sub,"):
        ds.export(out, format="csv")
    (out / "sub").rmdir()
    ds.export(out, format="csv")  # only our own files: a previous export, replaced
    assert (out / "quotes.csv").read_text("utf-8").startswith("id,")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert len(ds.export(empty, format="jsonl")) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "empty", "out"]


# ------------------------------------------------------------ targets that are not regular files


def _private_null(tmp_path: Path) -> Path:
    """A character device like /dev/null of our own, or a skip where one cannot be made."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


def _write_each_way(ds: Dataset, target: Path) -> list[tuple[str, Callable[[], object]]]:
    ways: list[tuple[str, Callable[[], object]]] = [("dump", functools.partial(ds.dump, target))]
    ways += [(fmt, functools.partial(ds.export, target, format=fmt)) for fmt in ("json", "sqlite", "csv", "jsonl")]
    return ways


def _assert_refused(ds: Dataset, target: Path, kind: str, is_kind: Callable[[int], bool]) -> None:
    for how, write in _write_each_way(ds, target):
        with pytest.raises((FileExistsError, NotADirectoryError)) as caught:
            write()
        message = str(caught.value)
        assert message.startswith(f"cannot write {target}: it is {kind}, not a "), (how, message)
        assert is_kind(os.stat(target).st_mode), how  # still there, untouched
    assert leftovers(target.parent) == []


def test_a_device_is_refused_and_left_alone(ds: Dataset, tmp_path: Path) -> None:
    # Our own device node first: should a regression replace devices, it fails here, before /dev/null.
    if os.geteuid() == 0:
        _assert_refused(ds, _private_null(tmp_path), "a character device", stat.S_ISCHR)
    before = os.stat("/dev/null")
    _assert_refused(ds, Path("/dev/null"), "a character device", stat.S_ISCHR)
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_is_refused_and_left_alone(ds: Dataset, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _assert_refused(ds, fifo, "a FIFO (named pipe)", stat.S_ISFIFO)  # never opened: nothing blocks


def test_a_symlink_to_a_device_is_refused_and_left_alone(ds: Dataset, tmp_path: Path) -> None:
    link = tmp_path / "out"
    if os.geteuid() == 0:
        link.symlink_to(_private_null(tmp_path))
        _assert_refused(ds, link, "a character device", stat.S_ISCHR)
        link.unlink()
    link.symlink_to("/dev/null")
    _assert_refused(ds, link, "a character device", stat.S_ISCHR)
    assert os.readlink(link) == "/dev/null"


def test_the_command_line_refuses_a_device_in_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_one_line_error(run("export", "--format", "json", str(fifo)), f"cannot write {fifo}: it is a FIFO")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_symlink_to_a_file_is_kept_and_its_file_replaced(ds: Dataset, tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "data.json"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert ds.dump(link) == link
    assert os.readlink(link) == str(real)
    assert real.read_text("utf-8") == ds.to_json()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    [db, _] = ds.export(link, format="sqlite")
    assert db == link
    assert link.is_symlink()
    with contextlib.closing(sqlite3.connect(real)) as con:
        assert con.execute("SELECT count(*) FROM quotes").fetchone() == (77,)
    # A directory export through a symlink: the link stays, the directory it names is replaced.
    real_out = real_dir / "csv"
    ds.export(real_out, format="csv")
    link_out = tmp_path / "csv"
    link_out.symlink_to(real_out, target_is_directory=True)
    assert ds.export(link_out, format="csv")[0] == link_out / "people.csv"
    assert link_out.is_symlink()
    assert len(list(real_out.iterdir())) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "link.json", "link.metadata.json", "real"]
    assert sorted(p.name for p in real_dir.iterdir()) == ["csv", "data.json"]


# ------------------------------------------------------------ standard output


def test_dash_writes_json_to_standard_output(ds: Dataset, tmp_path: Path) -> None:
    result = run("export", "--format", "json", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout == ds.to_json().encode("utf-8")
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("sqlite", "sqlite writes a database file, which cannot go to standard output (-)"),
        ("csv", "csv writes a directory of files; it cannot go to standard output (-)"),
        ("jsonl", "jsonl writes a directory of files; it cannot go to standard output (-)"),
    ],
)
def test_dash_is_refused_where_it_makes_no_sense(fmt: str, text: str, tmp_path: Path) -> None:
    assert_one_line_error(run("export", "--format", fmt, "-", cwd=tmp_path), text)
    assert list(tmp_path.iterdir()) == []


def test_dump_and_export_to_dash_in_python(
    ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert ds.dump("-") == Path("-")
    assert ds.export("-", format="json") == [Path("-")]
    assert capfdbinary.readouterr().out == ds.to_json().encode("utf-8") * 2
    with pytest.raises(ValueError, match="standard output"):
        ds.export("-", format="sqlite")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------ errors name the target


def test_a_missing_parent_directory_is_named(ds: Dataset, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    for fmt in ("json", "sqlite", "csv", "jsonl"):
        with pytest.raises(FileNotFoundError) as caught:
            ds.export(missing / "out", format=fmt)
        assert str(caught.value) == f"cannot write {missing / 'out'}: the directory {missing} does not exist"
    with pytest.raises(FileNotFoundError, match=f"the directory {re.escape(str(missing))} does not exist"):
        ds.dump(missing / "data.json")
    (tmp_path / "file").write_text("x", "utf-8")
    with pytest.raises(NotADirectoryError, match=f"{re.escape(str(tmp_path / 'file'))} is not a directory"):
        ds.dump(tmp_path / "file" / "data.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # no directory made
    assert_one_line_error(
        run("export", "--format", "csv", str(missing / "out")), f"the directory {missing} does not exist"
    )


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_write_errors_name_the_target_not_the_temporary(
    step: str, ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "data.json"
    target.write_text("old", "utf-8")

    def fail(*args: Any) -> None:
        names = [a for a in args if isinstance(a, (str, os.PathLike))]
        raise OSError(errno.EIO, "Input/output error", *names[:1], None, *names[1:2])

    monkeypatch.setattr(os, step, fail)
    for write in (lambda: ds.dump(target), lambda: ds.export(target, format="sqlite")):
        with pytest.raises(OSError, match="Input/output error") as caught:
            write()
        assert str(caught.value) == f"cannot write {target}: Input/output error"
        assert caught.value.errno == errno.EIO
    monkeypatch.undo()
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


class _TinyDatabase(sqlite3.Connection):
    """A connection whose database may not grow past two pages: SQLite's own "database or disk is full"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.execute("PRAGMA max_page_count = 2")


def test_a_full_disk_in_sqlite_is_an_oserror_naming_the_target(
    ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pi.sqlite"
    target.write_text("old", "utf-8")
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda path, **kw: real_connect(path, factory=_TinyDatabase, **kw))
    with pytest.raises(OSError, match="database or disk is full") as caught:
        ds.export(target, format="sqlite")
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == f"cannot write {target}: database or disk is full"
    assert main(["export", "--format", "sqlite", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"putin-interviews: error: cannot write {target}: database or disk is full\n"
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pi.sqlite"]


# ------------------------------------------------------------ a real full disk (root, tmpfs)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mount a tmpfs of the given size in KiB; skip where that is not possible (not root, no mount)."""
    mounted: list[Path] = []

    def mount(kib: int) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("mounting a small tmpfs needs root and mount(8)")
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(point)],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30, check=False)


def test_a_real_full_disk(
    old: Dataset, ds: Dataset, small_disk: Callable[[int], Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    # 8 pages: the old csv set takes 5, the new one needs 13.
    disk = small_disk(32)
    out = disk / "csv"
    old.export(out, format="csv")
    before = contents(out)
    with pytest.raises(OSError, match="No space left on device") as caught:
        ds.export(out, format="csv")
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value).startswith(f"cannot write {out}: No space left on device (writing ")
    assert contents(out) == before
    assert sorted(p.name for p in disk.iterdir()) == ["csv"]
    # A json dump and a sqlite export (about 84 and 150 kB) on 64 kB, the latter from the command line.
    disk = small_disk(64)
    target = disk / "pi.json"
    target.write_text("old", "utf-8")
    with pytest.raises(OSError, match=f"^cannot write {re.escape(str(target))}: No space left on device$"):
        ds.dump(target)
    result = run("export", "--format", "sqlite", str(disk / "pi.db"))
    assert_one_line_error(result, f"cannot write {disk / 'pi.db'}: ")
    assert any(reason in result.stderr.decode() for reason in ("database or disk is full", "No space left"))
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in disk.iterdir()) == ["pi.json"]


# ------------------------------------------------------------ temporaries: recognisable, cleaned up


def test_a_killed_dump_leaves_a_recognisable_temporary_that_the_next_dump_removes(ds: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "data.json"
    code = (
        "import os, signal, putin_interviews as pi\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"pi.dataset().dump({str(target)!r})\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=False)
    assert result.returncode == -9, result.stderr
    [left] = leftovers(tmp_path)
    assert left.startswith(".data.json.putin-interviews-tmp-")
    ds.dump(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_only_our_abandoned_temporaries_of_that_target_are_removed(ds: Dataset, tmp_path: Path) -> None:
    ours_file = tmp_path / ".data.json.putin-interviews-tmp-0123456789ab"
    ours_dir = tmp_path / ".csv.putin-interviews-old-0123456789ab"
    others = [
        tmp_path / ".other.json.putin-interviews-tmp-0123456789ab",  # another target's
        tmp_path / ".data.json.putin-interviews-tmp-0123456789abc",  # not our pattern
        tmp_path / ".data.json.0123456789ab.tmp",  # not our pattern
        tmp_path / "data.json.putin-interviews-tmp-0123456789ab",  # not hidden: not ours
    ]
    live = tmp_path / ".data.json.putin-interviews-tmp-ba9876543210"  # a writer still at work
    for path in [ours_file, *others, live]:
        path.write_text("x", "utf-8")
    ours_dir.mkdir()
    (ours_dir / "quotes.csv").write_text("x", "utf-8")
    import fcntl

    with open(live, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        ds.dump(tmp_path / "data.json")
        assert live.exists()
    assert not ours_file.exists()
    assert all(p.exists() for p in others)
    ds.export(tmp_path / "csv", format="csv")
    assert not ours_dir.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["data.json", "csv", live.name, *(p.name for p in others)]
    )


def test_where_directories_cannot_be_exchanged_the_old_set_is_renamed_aside(
    old: Dataset, ds: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from putin_interviews import _fileio

    out = tmp_path / "out"
    old.export(out, format="csv")
    monkeypatch.setattr(_fileio, "_exchange", lambda a, b: False)  # another platform, or an old kernel
    ds.export(out, format="csv")
    assert contents(out) == reference(ds, "csv", tmp_path_factory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    # The new set cannot be renamed in: the old one is put back.
    real_rename = os.rename

    def rename(src: Any, dst: Any) -> None:
        if Path(dst) == out and "putin-interviews-tmp-" in str(src):  # not the old set coming back
            raise OSError(errno.EIO, "Input/output error")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match=f"^cannot write {re.escape(str(out))}: Input/output error"):
        old.export(out, format="csv")
    monkeypatch.undo()
    assert contents(out) == reference(ds, "csv", tmp_path_factory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
