"""Reading and writing maps in every format argmap knows.

``load``/``loads``/``dump``/``dumps`` work like the standard library's ``json``: a path or a
string, a format named or guessed from the extension and content. Reading parses into a
fresh map (so a failure changes nothing you hold); writing is atomic.

>>> import argmap, tempfile, pathlib
>>> m = argmap.ArgumentMap("io"); _ = m.claim("A claim.", id="c")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.ttl"
>>> argmap.dump(m, path)
>>> argmap.load(path) == m
True
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from argmap.errors import FormatError, ParseError

# --- interop formats (issue 7) ---
# --- carneades formats (issue 20) ---
from argmap.io import (
    carneades_formats,  # noqa: F401  (carneades YAML, CAF)
    interop_formats,  # noqa: F401  (aif, xaif, argdown, ...)
    mining_formats,  # noqa: F401  (brat, kialo)
    rdf_formats,  # noqa: F401  (registers the RDF syntaxes)
)
from argmap.io._report import Imported, ImportReport, collect_reports
from argmap.io.atomic import write_bytes
from argmap.io.registry import Format, formats, get, guess, register
from argmap.limits import Limits, check_size, current, read_capped
from argmap.limits import limits as using_limits
from argmap.map import ArgumentMap

# --- iccma formats (issue 8) ---
__all__ = [
    "Format",
    "ImportReport",
    "Imported",
    "collect_reports",
    "dump",
    "dumps",
    "formats",
    "get",
    "guess",
    "load",
    "loads",
    "register",
]


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    **options: Any,
) -> ArgumentMap:
    """Read a map from a file; the format is guessed from the name and content if not given.

    ``limits`` (default: :func:`argmap.limits.current`) caps the file's size, its nodes,
    text lengths and nesting; a file over ``max_bytes`` is refused before it is read, and
    a device, FIFO or ``/proc`` file (whose size the system does not know) once that many
    bytes have been read.
    """
    p = Path(path)
    if p.is_dir():
        raise ParseError("is a folder, not a file", file=str(p))
    with _limits_for(limits, options):
        try:
            data = read_capped(p)
        except FileNotFoundError:
            raise ParseError("no such file", file=str(p)) from None
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror}", file=str(p)) from None
        fmt = get(format) if format else guess(p, data[:4096])
        return _loads(fmt, data, str(p), options)


def loads(
    data: str | bytes, format: str, *, limits: Limits | None = None, **options: Any
) -> ArgumentMap:
    """Read a map from a string or bytes in the named format (under ``limits``, see load)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with _limits_for(limits, options):
        return _loads(get(format), raw, None, options)


def _limits_for(value: Limits | None, options: dict[str, Any]) -> AbstractContextManager[Limits]:
    caps = value if value is not None else current()
    if "max_bytes" in options:  # the keyword argmap 0.1 took
        caps = replace(caps, max_bytes=options.pop("max_bytes"))
    return using_limits(caps)


def _loads(fmt: Format, data: bytes, filename: str | None, options: dict[str, Any]) -> ArgumentMap:
    if fmt.loads is None:
        raise FormatError(f"argmap writes {fmt.name} but cannot read it")
    check_size(len(data), file=filename)
    return fmt.loads(data, filename=filename, **options)


def dumps(m: ArgumentMap, format: str = "turtle") -> str:
    """The map as text in the named format.

    >>> import argmap
    >>> m = argmap.ArgumentMap("s"); _ = m.claim("Claim.", id="c")
    >>> argmap.dumps(m, "nt").count("\\n")
    3
    """
    return dumps_bytes(m, format).decode("utf-8")


def dumps_bytes(m: ArgumentMap, format: str = "turtle") -> bytes:
    """The map as bytes in the named format."""
    fmt = get(format)
    if fmt.dumps is None:
        raise FormatError(f"argmap reads {fmt.name} but cannot write it")
    return fmt.dumps(m)


def dump(m: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a map to a file atomically; the format is guessed from the extension."""
    fmt = get(format) if format else guess(Path(path))
    if fmt.dumps is None:
        raise FormatError(f"argmap reads {fmt.name} but cannot write it")
    if fmt.dump is not None:
        fmt.dump(m, Path(path))
        return
    dumps_fn = fmt.dumps
    write_bytes(path, lambda: dumps_fn(m))
