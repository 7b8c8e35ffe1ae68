"""Inputs that are not regular files: devices, FIFOs and /proc files.

Their size, as the file system reports it, is 0, so a cap that trusts ``st_size`` lets
them through. :func:`nonregular_case` picks one such input and a reader; :func:`run_case`
reads it under a small byte cap and returns the outcome (``"ok"`` or ``"error"``) or
raises :class:`~fuzz.targets.Finding`.
"""

from __future__ import annotations

import os
import random
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import argmap
from argmap.semantics.iccma import load_af

from fuzz.targets import Finding, _located

__all__ = ["KINDS", "nonregular_case", "run_case"]

KINDS = ("dev-zero", "dev-urandom", "fifo-endless", "fifo-seed", "proc-file")
_PROC = ["/proc/self/status", "/proc/self/maps", "/proc/self/environ", "/proc/cpuinfo"]
CAP = 256 * 1024


def _readers() -> dict[str, Callable[[Path], Any]]:
    readers: dict[str, Callable[[Path], Any]] = {
        f.name: partial(_load, fmt=f.name) for f in argmap.formats() if f.loads
    }
    for fmt in ("i23", "apx", "tgf"):
        readers["iccma-" + fmt] = partial(_load_af, fmt=fmt)
    return readers


def _load(path: Path, fmt: str) -> Any:
    return argmap.load(path, fmt)


def _load_af(path: Path, fmt: str) -> Any:
    return load_af(path, fmt)


def nonregular_case(
    rng: random.Random, seeds: list[bytes], kind: str | None = None
) -> tuple[str, str, bytes | None]:
    """(kind, reader, bytes a FIFO is fed or None for endless/other)."""
    kind = kind or rng.choice(KINDS)
    reader = rng.choice(sorted(_readers()))
    data = None
    if kind == "fifo-seed" and seeds:
        data = rng.choice(seeds)
        cut = rng.randint(0, len(data))
        data = data[:cut] + bytes(rng.randrange(256) for _ in range(rng.randint(0, 8))) + data[cut:]
    return kind, reader, data


def _feed(path: Path, data: bytes | None) -> threading.Thread:
    def feed() -> None:
        try:
            with path.open("wb") as fifo:
                if data is not None:
                    fifo.write(data)
                    return
                while True:
                    fifo.write(b"<urn:a> <urn:b> <urn:c> .\n" * 4096)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def run_case(kind: str, reader: str, data: bytes | None, rng: random.Random) -> str:
    """Read one non-regular input with ``reader`` under a 256 KiB cap."""
    read = _readers()[reader]
    with tempfile.TemporaryDirectory() as tmp:
        thread = None
        if kind.startswith("fifo"):
            path = Path(tmp) / "in"
            os.mkfifo(path)
            thread = _feed(path, data if kind == "fifo-seed" else None)
        elif kind == "proc-file":
            path = Path(rng.choice([p for p in _PROC if Path(p).exists()] or ["/dev/zero"]))
        else:
            path = Path("/dev/zero" if kind == "dev-zero" else "/dev/urandom")
        try:
            with argmap.limits(max_bytes=CAP):
                read(path)
            outcome = "ok"
        except argmap.ParseError as exc:
            if not _located(exc) and exc.file is None:
                raise Finding(f"{kind}/{reader}: an error without a location: {exc}") from exc
            outcome = "error"
        except argmap.ArgmapError as exc:
            raise Finding(f"{kind}/{reader}: {type(exc).__name__}: {exc}") from exc
        finally:
            if thread is not None:
                if thread.is_alive():  # the reader never opened it: let the writer go
                    try:
                        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                        os.close(fd)
                    except OSError:
                        pass
                thread.join(timeout=30)
                if thread.is_alive():
                    raise Finding(f"{kind}/{reader}: the FIFO writer never finished")
    return outcome
