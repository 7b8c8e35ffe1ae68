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
from pathlib import Path
from typing import Any

from argmap.errors import FormatError, ParseError

# --- interop formats (issue 7) ---
from argmap.io import (
    interop_formats,  # noqa: F401  (aif, xaif, argdown, ...)
    rdf_formats,  # noqa: F401  (registers the RDF syntaxes)
)
from argmap.io.atomic import write_bytes
from argmap.io.registry import Format, formats, get, guess, register
from argmap.map import ArgumentMap

# --- iccma formats (issue 8) ---
__all__ = ["Format", "dump", "dumps", "formats", "get", "guess", "load", "loads", "register"]

MAX_INPUT_BYTES = 2 * 1024**3


def load(path: str | os.PathLike[str], format: str | None = None, **options: Any) -> ArgumentMap:
    """Read a map from a file; the format is guessed from the name and content if not given."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ParseError("no such file", file=str(p)) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror}", file=str(p)) from None
    if p.is_dir():
        raise ParseError("is a folder, not a file", file=str(p))
    limit = int(options.pop("max_bytes", MAX_INPUT_BYTES))
    if size > limit:
        from argmap.errors import LimitExceeded

        raise LimitExceeded(f"the file is {size} bytes, over the limit of {limit}", file=str(p))
    data = p.read_bytes()
    fmt = get(format) if format else guess(p, data[:4096])
    return _loads(fmt, data, str(p), options)


def loads(data: str | bytes, format: str, **options: Any) -> ArgumentMap:
    """Read a map from a string or bytes in the named format."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return _loads(get(format), raw, None, options)


def _loads(fmt: Format, data: bytes, filename: str | None, options: dict[str, Any]) -> ArgumentMap:
    if fmt.loads is None:
        raise FormatError(f"argmap writes {fmt.name} but cannot read it")
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
    dumps_fn = fmt.dumps
    write_bytes(path, lambda: dumps_fn(m))
