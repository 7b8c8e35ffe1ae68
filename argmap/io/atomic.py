"""Atomic file writes: a temp file beside the target, fsync, then rename.

A crash or an error mid-write never leaves a half file where a good one was.

What is at the output path decides how it is written:

* nothing, or a regular file: a temp file in the same folder, renamed over it;
* a symlink (also one whose target does not exist yet): followed to its final target,
  which is written as above, so the link stays a link and its target gets the map;
* a character device (``/dev/null``, a terminal) or a FIFO: written directly, as a
  shell's ``>`` would, because a device cannot be replaced by a file and a rename over
  it would destroy it (run as root);
* ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` (links into ``/proc/PID/fd``, handles on
  files a process holds open: a pipe, a terminal, the file a shell redirected to):
  written directly too;
* a folder, a socket, a block device, a symlink loop: refused with :class:`WriteError`;
* a file without write permission for the caller: refused too, as a shell's ``>`` would
  refuse (root may write anything, as in the shell).

Every failure of the file system (disk full, read-only file system, no permission, a
parent that is a file) is a :class:`~argmap.errors.WriteError` naming the path and the
reason; the old file is intact and no temp file is left.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
>>> write_bytes(p, b"hello"); p.read_bytes()
b'hello'
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from argmap.errors import ArgmapError, WriteError

__all__ = ["open_atomic", "resolve_target", "write_bytes"]


def _fail(path: object, exc: OSError) -> WriteError:
    return WriteError(str(path), exc.strerror or str(exc), exc.errno)


def resolve_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """Where a write to ``path`` lands: the final target of any symlinks, and its stat.

    The stat is ``None`` when nothing is there yet. Raises :class:`WriteError` for a
    symlink loop.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "link").symlink_to("real.txt")
    >>> resolve_target(d / "link")[0].name, resolve_target(d / "link")[1]
    ('real.txt', None)
    """
    given = Path(path)
    target = Path(os.path.realpath(given))
    try:
        info: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _fail(given, exc) from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        # realpath stops at a loop and leaves a link behind
        raise WriteError(str(given), "too many levels of symbolic links", errno.ELOOP)
    return target, info


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open the output for writing; on clean exit it replaces ``path``, else it vanishes.

    See the module docstring for symlinks and devices. OSErrors become
    :class:`~argmap.errors.WriteError`.
    """
    if not isinstance(path, Path) and os.fspath(path) == "":
        raise WriteError("''", "empty file name")
    given = Path(path)
    target, info = resolve_target(given)
    if _is_handle(target):
        # /dev/stdout, /dev/fd/N, /proc/self/fd/N: a file some process holds open (a
        # pipe, a terminal, the file a shell's `>` opened); write into it, as `>` would
        with _direct(given, given) as handle:
            yield handle
        return
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            with _direct(given, target) as handle:
                yield handle
            return
        raise WriteError(str(given), _kind(info.st_mode) + ", not a regular file")
    try:
        if info is not None:
            # as a shell's `>` would: a file the caller may not write (read-only by its
            # mode, or on a read-only file system) is not replaced. Opening for writing
            # without O_TRUNC changes nothing.
            os.close(os.open(target, os.O_WRONLY))
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _fail(given, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, info.st_mode & 0o777 if info is not None else 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, ArgmapError):
            raise _fail(given, exc) from None
        raise


@contextlib.contextmanager
def _direct(given: Path, target: Path) -> Iterator[IO[bytes]]:
    """Write straight into a character device or a FIFO (there is nothing to replace)."""
    try:
        with open(target, "wb") as handle:
            yield handle
            handle.flush()
    except OSError as exc:
        if isinstance(exc, ArgmapError):
            raise
        raise _fail(given, exc) from None


def _is_handle(target: Path) -> bool:
    """Whether a resolved path is one of /proc's links to an open file."""
    parts = target.parts
    return len(parts) > 3 and parts[1] == "proc" and parts[3] == "fd"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    if stat.S_ISBLK(mode):
        return "is a block device"
    return "is a special file"


def write_bytes(path: str | os.PathLike[str], data: bytes | Callable[[], bytes]) -> None:
    """Write ``data`` (or what the callable returns) to ``path`` atomically.

    The callable runs before anything is opened, so a failure to produce the data
    leaves no trace on disk.
    """
    payload = data() if callable(data) else data
    with open_atomic(path) as handle:
        handle.write(payload)
