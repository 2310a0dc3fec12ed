"""Writing files so that a reader sees the old content or the new, never a part.

* One file (:func:`write_atomic`, :func:`write_text_atomic`): the content goes to a temporary
  file beside the target, is flushed to disk and renamed over the target.
* A directory of files (:func:`write_directory_atomic`): the whole set is written to a
  temporary directory beside the target and swapped in (one atomic exchange on Linux; a
  rename aside and a rename in elsewhere), then the old set is removed.

The target is checked first. ``-`` is standard output (text only). A symlink to a regular
file (or directory) is kept and what it points to is replaced. Anything else that exists and
is not a regular file (a device such as ``/dev/null``, a FIFO, a socket) is refused: renaming
over it would replace a device node with a file. A missing parent directory is named as such.

Temporaries are named ``.{target}.putin-interviews-tmp-{random}`` and locked (``flock``)
while in use; one left by a killed process (its lock gone with it) is removed by the next
write to the same target. Errors name the target, never the temporary.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ._render import json_printable

__all__ = ["STDOUT", "is_stdout", "write_atomic", "write_directory_atomic", "write_text_atomic"]

#: The path that means standard output.
STDOUT = "-"

_TAG = ".putin-interviews-"
_RANDOM_HEX = 12
# Opening a leftover to test its lock: never through a symlink, never waiting (a FIFO).
_OPEN_LEFTOVER = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)

if sys.platform == "win32":  # pragma: no cover - no flock: every leftover counts as abandoned

    def _try_lock(fd: int) -> bool:
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """Take an exclusive ``flock`` on ``fd`` without waiting; False when another holds it (or
        the filesystem has no locks: then leftovers are kept, as they might be in use)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``-``, standard output.

    >>> is_stdout("-"), is_stdout(Path("-")), is_stdout("./-x")
    (True, True, False)
    """
    return os.fspath(path) == STDOUT


def _error(kind: type[OSError], code: int, message: str) -> OSError:
    """An ``OSError`` of ``kind`` with ``errno`` ``code`` whose text is just ``message``."""
    error = kind(message)
    error.errno = code
    return error


def _named(exc: OSError, target: Path, note: str = "") -> OSError:
    """``exc`` again, same type and errno, saying ``cannot write <target>: <reason>`` (never the
    temporary's name); one of ours (no ``strerror``, already naming the target) as it is."""
    if exc.strerror is None and str(exc).startswith("cannot write "):
        return exc
    reason = exc.strerror or str(exc)
    message = f"cannot write {target}: {reason}{f' ({note})' if note else ''}"
    try:
        named = type(exc)(message)
    except Exception:  # an OSError subclass with a constructor of its own
        named = OSError(message)
    named.errno = exc.errno
    return named


def file_kind(mode: int) -> str:
    """What a file of ``mode`` is, in words ("a character device", …).

    >>> file_kind(stat.S_IFIFO)
    'a FIFO (named pipe)'
    """
    return next((name for test, name in _FILE_KINDS if test(mode)), "a special file")


_FILE_KINDS = (
    (stat.S_ISREG, "a regular file"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def _existing(path: Path) -> os.stat_result | None:
    """``os.stat(path)``, following symlinks; None when nothing is there (a dangling symlink
    counts as nothing). A missing parent directory, or a file where one should be, is named."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        pass
    except NotADirectoryError as exc:
        for parent in path.parents:
            if parent.exists() and not parent.is_dir():
                message = f"cannot write {path}: {parent} is not a directory"
                raise _error(NotADirectoryError, errno.ENOTDIR, message) from None
        raise _named(exc, path) from None
    except OSError as exc:  # a symlink loop, no permission, a name too long
        raise _named(exc, path) from None
    parent = path.parent if not path.is_symlink() else Path(os.path.realpath(path)).parent
    if not parent.is_dir():
        raise _error(FileNotFoundError, errno.ENOENT, f"cannot write {path}: the directory {parent} does not exist")
    return None


def _refuse(path: Path, mode: int, wanted: str) -> OSError:
    """The error for ``path`` being what ``mode`` says instead of ``wanted`` (``a regular file``
    or ``a directory``)."""
    what = file_kind(mode)
    if stat.S_ISDIR(mode):
        return _error(IsADirectoryError, errno.EISDIR, f"cannot write {path}: it is a directory, not {wanted}")
    if wanted == "a directory":
        return _error(NotADirectoryError, errno.ENOTDIR, f"cannot write {path}: it is {what}, not a directory")
    return _error(
        FileExistsError,
        errno.EEXIST,
        f"cannot write {path}: it is {what}, not a regular file (left as it is; give - for standard output)",
    )


def _stem(real: Path) -> str:
    """The part of a temporary's name that names the target: ``.{name}``, or a digest when long."""
    name = real.name
    if len(os.fsencode(name)) > 200:
        import hashlib  # here: only a long name needs it, and OpenSSL's takes long to load

        name = hashlib.sha256(os.fsencode(name)).hexdigest()[:32]
    return f".{name}{_TAG}"


def _temporary(real: Path, kind: str = "tmp") -> Path:
    return real.with_name(f"{_stem(real)}{kind}-{os.urandom(_RANDOM_HEX // 2).hex()}")


def _clean_leftovers(real: Path) -> None:
    """Remove the temporaries of ``real`` that no live writer holds (killed writes); best effort."""
    pattern = re.compile(re.escape(_stem(real)) + f"(tmp|old)-[0-9a-f]{{{_RANDOM_HEX}}}")
    try:
        entries = [e for e in os.scandir(real.parent) if pattern.fullmatch(e.name)]
    except OSError:
        return
    for entry in entries:
        fd = -1
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            if is_dir or entry.is_file(follow_symlinks=False):  # only these are opened (for the lock)
                fd = os.open(entry.path, _OPEN_LEFTOVER)
                if not _try_lock(fd):
                    continue  # a live writer's: leave it
            if is_dir:
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass
        finally:
            if fd >= 0:
                os.close(fd)


def _fsync_directory(path: Path) -> None:
    """Flush a directory's entries (a rename in it) to disk, where the platform allows."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """Where to write for ``path`` (a symlink resolved), and what is there now."""
    if is_stdout(path):
        raise ValueError("cannot write this to standard output (-); give a file name")
    st = _existing(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _refuse(path, st.st_mode, "a regular file")
    return Path(os.path.realpath(path)), st


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a fresh, empty temporary file beside ``path`` (``write`` fills
    that file, it does not replace it), fsync it, rename it over ``path``; return ``path``.

    An interrupted or failed write leaves ``path`` as it was, and no temporary file behind
    (a killed one is removed by the next write). The new file gets the old one's permissions,
    or the usual ones (0666 less the umask) when there was none. A symlink is kept and its
    target replaced; a device, FIFO or socket is refused (:exc:`FileExistsError`), a directory
    too (:exc:`IsADirectoryError`), and a missing parent directory is named
    (:exc:`FileNotFoundError`). Errors of the write itself come out as the same ``OSError``
    type, naming ``path``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_atomic(Path(tmp) / "a.txt", lambda t: t.write_text("hi"))
    ...     out.read_text(), sorted(p.name for p in Path(tmp).iterdir())
    ('hi', ['a.txt'])
    """
    real, old = _file_target(path)
    _clean_leftovers(real)
    tmp = _temporary(real)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _named(exc, path) from None
    try:
        _try_lock(fd)
        write(tmp)
        os.fsync(fd)
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        os.replace(tmp, real)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _named(exc, path) from None
        raise
    finally:
        os.close(fd)
    _fsync_directory(real.parent)
    return path


def _to_stdout(data: bytes) -> None:
    if sys.stdout is None:  # closed when the program started (``>&-``)
        raise _error(OSError, errno.EBADF, "cannot write the output: standard output is closed")
    if sys.stdout.isatty():  # a terminal acts on control characters: the same JSON, escaped
        data = json_printable(data.decode("utf-8")).encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a notebook's stream: text only
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        buffer.write(data)
        buffer.flush()


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (no newline translation) with :func:`write_atomic`; ``-`` is
    standard output (the bytes as they are). Return ``path``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text_atomic(Path(tmp) / "a.txt", "é\\n").read_bytes()
    b'\\xc3\\xa9\\n'
    """
    data = text.encode("utf-8")
    if is_stdout(path):
        _to_stdout(data)
        return path

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write_atomic(path, write)


def _foreign(directory: Path, names: frozenset[str]) -> list[str]:
    """The entries of ``directory`` that are not regular files named in ``names``, sorted."""
    with os.scandir(directory) as entries:
        return sorted(e.name for e in entries if e.name not in names or not e.is_file(follow_symlinks=False))


def _directory_target(path: Path, names: frozenset[str], what: str) -> tuple[Path, os.stat_result | None]:
    if is_stdout(path):
        raise ValueError(f"{what} writes a directory of files; it cannot go to standard output (-)")
    st = _existing(path)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise _refuse(path, st.st_mode, "a directory")
    real = Path(os.path.realpath(path))
    here = Path(os.path.realpath(os.curdir))
    if real.parent == real or real == here or real in here.parents:
        # Swapping it out would leave this process (and a shell started there) in a deleted directory.
        where = "the root directory" if real.parent == real else "the current directory or one it is in"
        raise ValueError(f"cannot write {what} to {path}: it is {where}; choose a directory of its own")
    if st is not None:
        _check_ours(path, real, names, what)
    return real, st


def _check_ours(path: Path, real: Path, names: frozenset[str], what: str) -> None:
    try:
        foreign = _foreign(real, names)
    except OSError as exc:
        raise _named(exc, path) from None
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise _error(
            FileExistsError,
            errno.EEXIST,
            f"cannot write {path}: it holds {shown}, which a {what} export does not write (the export "
            f"replaces the whole directory: give a new or empty directory, or a previous {what} export)",
        )


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where that
    is not available (another platform, an old kernel or C library, a filesystem without it)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code))


def write_directory_atomic(
    path: Path, files: Iterable[tuple[str, str]], names: frozenset[str], what: str
) -> list[Path]:
    """Write ``files`` (name, text: UTF-8, no newline translation) as the directory ``path``,
    all or nothing, and return the paths written, in order.

    ``path`` must be new, empty, or hold only regular files named in ``names`` (a previous
    export); anything else there is refused (:exc:`FileExistsError`, naming it), because the
    new set replaces the whole directory. The set is written to a temporary directory beside
    ``path`` and swapped in: a reader sees the old set or the new one, never a mix. Each file
    keeps its old permissions, the directory too. ``what`` names the export in messages.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = Path(tmp) / "out"
    ...     [p.name for p in write_directory_atomic(out, [("a.txt", "A")], frozenset({"a.txt"}), "test")]
    ['a.txt']
    """
    real, old = _directory_target(path, names, what)
    _clean_leftovers(real)
    tmp = _temporary(real)
    try:
        os.mkdir(tmp, 0o777)
    except OSError as exc:
        raise _named(exc, path) from None
    try:
        fd = os.open(tmp, os.O_RDONLY)  # to lock it and flush its entries
    except OSError:  # a platform where a directory cannot be opened
        fd = -1
    written: list[Path] = []
    swapped = False
    doing = ""
    try:
        if fd >= 0:
            _try_lock(fd)
        for name, text in files:
            doing = f"writing {name}"
            _write_member(tmp / name, text.encode("utf-8"), real / name if old is not None else None)
            written.append(path / name)
        doing = "replacing it"
        if fd >= 0:
            os.fsync(fd)
        if old is None:
            os.rename(tmp, real)
        else:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            _check_ours(path, real, names, what)  # again: nothing new there while we wrote
            if not _exchange(tmp, real):  # (when it did, tmp holds the old set now)
                aside = _temporary(real, "old")
                os.rename(real, aside)
                try:
                    os.rename(tmp, real)
                except BaseException:
                    os.rename(aside, real)
                    raise
                tmp = aside
        swapped = True
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _named(exc, path, f"{doing}; {path} is as it was" if doing else "") from None
        raise
    finally:
        if fd >= 0:
            os.close(fd)
        if swapped:
            shutil.rmtree(tmp, ignore_errors=True)  # the old set; a leftover is removed next time
    _fsync_directory(real.parent)
    return written


def _write_member(file: Path, data: bytes, previous: Path | None) -> None:
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        if previous is not None:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(fd, stat.S_IMODE(os.stat(previous).st_mode))
    finally:
        os.close(fd)
