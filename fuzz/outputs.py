"""Output paths under fuzzing: what :func:`argmap.dump` does with whatever is at the path.

The promise (issue 14, classes 3 and 7) for every kind of thing at the output path:

* the map is **written through** — it can be read back from where the path leads
  (through symlinks), symlinks are still symlinks to the same place, devices and FIFOs
  are still devices and FIFOs; or
* the write is **refused** with :class:`~argmap.errors.WriteError` (an ``ArgmapError``
  and an ``OSError``) naming the path, and what was there is as it was;

and in both cases no temp file is left in the folder. Any other exception, a lost old
file, a replaced device or link, a leftover temp file is a :class:`Finding`.

:func:`check_output` checks one (kind, map, format); ``python -m fuzz.outputs N`` tries
``N`` random combinations of the kinds, the sample maps and every written format and
prints a count per kind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import socket
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import argmap
from argmap.errors import WriteError

from fuzz.targets import Finding, sample_maps

__all__ = ["KINDS", "check_output", "main"]

KINDS = (
    "missing",
    "regular",
    "symlink",
    "dangling-symlink",
    "symlink-chain",
    "symlink-loop",
    "folder",
    "read-only",
    "parent-is-file",
    "fifo",
    "char-device",
    "socket",
    "full-disk",
)
OLD = b"old content\n"


def _snapshot(path: Path) -> tuple[str, bytes | None]:
    """What is at ``path`` (not following it): its kind, and a regular file's bytes."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "nothing", None
    if stat.S_ISLNK(info.st_mode):
        return "link->" + os.readlink(path), None
    if stat.S_ISREG(info.st_mode):
        return "file", path.read_bytes()
    return stat.filemode(info.st_mode)[0], None


@contextlib.contextmanager
def _prepared(kind: str, folder: Path) -> Iterator[tuple[Path, Path | None]]:
    """Make ``kind`` at an output path; yield (the path, where the map should land)."""
    out = folder / "out.ttl"
    real = folder / "real.ttl"
    if kind == "missing":
        yield out, out
    elif kind == "regular":
        out.write_bytes(OLD)
        yield out, out
    elif kind == "symlink":
        real.write_bytes(OLD)
        out.symlink_to(real.name)
        yield out, real
    elif kind == "dangling-symlink":
        out.symlink_to(folder / "new" / "made.ttl")
        yield out, folder / "new" / "made.ttl"
    elif kind == "symlink-chain":
        real.write_bytes(OLD)
        (folder / "middle").symlink_to(real.name)
        out.symlink_to("middle")
        yield out, real
    elif kind == "symlink-loop":
        out.symlink_to(out.name)
        yield out, None
    elif kind == "folder":
        out.mkdir()
        yield out, None
    elif kind == "read-only":
        out.write_bytes(OLD)
        out.chmod(0o444)
        # root may write a read-only file (as in a shell); anyone else is refused
        yield out, (out if os.geteuid() == 0 else None)
    elif kind == "parent-is-file":
        (folder / "file").write_bytes(OLD)
        yield folder / "file" / "out.ttl", None
    elif kind == "fifo":
        os.mkfifo(out)
        yield out, out
    elif kind == "char-device":
        out.symlink_to("/dev/null")
        yield out, out
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(str(out))
            yield out, None
    elif kind == "full-disk":
        out.write_bytes(OLD)
        yield out, None
    else:
        raise ValueError(f"unknown output kind {kind!r}")


def _full(fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fifo_reader(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def check_output(kind: str, m: argmap.ArgumentMap, fmt: str, folder: Path) -> str:
    """Dump ``m`` as ``fmt`` onto a ``kind`` of output in empty ``folder``.

    Returns ``"written"`` or ``"refused"``; raises :class:`Finding` when the promise
    (module docstring) is broken.
    """
    with _prepared(kind, folder) as (out, lands):
        before = {p: _snapshot(p) for p in folder.iterdir()}
        received: list[bytes] = []
        reader = _fifo_reader(out, received) if kind == "fifo" else None
        patch: Callable[[], contextlib.AbstractContextManager[object]] = (
            (lambda: mock.patch("argmap.io.atomic.os.fsync", _full))
            if kind == "full-disk"
            else contextlib.nullcontext
        )
        try:
            with patch():
                argmap.dump(m, out, fmt)
            outcome = "written"
        except WriteError as exc:
            if not isinstance(exc, OSError) or str(out) not in str(exc):
                raise Finding(f"{kind}: a WriteError that does not name the path: {exc}") from exc
            outcome = "refused"
        if reader is not None:
            reader.join(30)
        leftovers = [p.name for p in folder.rglob("*.tmp")]
        if leftovers:
            raise Finding(f"{kind}: temp files left behind: {leftovers}")
        if outcome == "refused":
            if lands is not None:
                raise Finding(f"{kind}: refused, but a write was expected")
            after = {p: _snapshot(p) for p in folder.iterdir()}
            if after != before:
                raise Finding(f"{kind}: refused, yet the folder changed: {before} -> {after}")
            return outcome
        if lands is None:
            raise Finding(f"{kind}: written, but it should have been refused")
        for path, (what, _) in before.items():
            if what.startswith("link->") and _snapshot(path)[0] != what:
                raise Finding(f"{kind}: the symlink {path.name} was replaced")
        if kind == "fifo":
            if not stat.S_ISFIFO(os.lstat(out).st_mode):
                raise Finding("fifo: the FIFO was replaced by a file")
            data = received[0] if received else b""
        elif kind == "char-device":
            if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
                raise Finding("char-device: /dev/null is no longer a device")
            return outcome
        else:
            data = lands.read_bytes()
        if argmap.loads(data, fmt) != m:
            raise Finding(f"{kind}: what was written does not read back as the map ({fmt})")
        return outcome


def _formats() -> list[str]:
    return [f.name for f in argmap.formats() if f.dumps is not None and f.loads is not None]


def main(argv: list[str]) -> int:
    """Try ``argv[0]`` (default 200) random (kind, map, format) combinations."""
    runs = int(argv[0]) if argv else 200
    rng = random.Random(int(argv[1]) if len(argv) > 1 else 14)
    maps = sample_maps()
    formats = [f for f in _formats() if f in ("turtle", "nt", "jsonld", "xml", "trig")]
    counts: dict[str, dict[str, int]] = {k: {} for k in KINDS}
    findings = 0
    for _ in range(runs):
        kind = rng.choice(KINDS)
        m = rng.choice(maps)
        fmt = rng.choice(formats)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                outcome = check_output(kind, m, fmt, Path(tmp))
            except Finding as exc:
                outcome = "FINDING"
                findings += 1
                print(f"finding: {exc}", file=sys.stderr)
            finally:
                for p in Path(tmp).rglob("*"):
                    with contextlib.suppress(OSError):
                        if not p.is_symlink():
                            p.chmod(0o755)
        counts[kind][outcome] = counts[kind].get(outcome, 0) + 1
    for kind, seen in counts.items():
        print(f"{kind:18} " + ", ".join(f"{k} {v}" for k, v in sorted(seen.items())))
    print(f"{runs} writes, {findings} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
