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

from argmap.errors import FormatError, ImportFailed, ParseError, WriteError

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
from argmap.limits import Limits, check_size, current, input_path, read_capped
from argmap.limits import limits as using_limits
from argmap.map import ArgumentMap
from argmap.util import not_text

# --- iccma formats (issue 8) ---
# isort: split
from argmap.io import iccma_formats  # noqa: F401  (i23, apx, tgf)
from argmap.io._bom import strip_bom

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
    "load_with_report",
    "loads",
    "loads_with_report",
    "register",
    "strip_bom",
]


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    lenient: bool = False,
    **options: Any,
) -> ArgumentMap:
    """Read a map from a file; the format is guessed from the name and content if not given.

    ``limits`` (default: :func:`argmap.limits.current`) caps the file's size, its nodes,
    text lengths and nesting; a file over ``max_bytes`` is refused before it is read, and
    a device, FIFO or ``/proc`` file (whose size the system does not know) once that many
    bytes have been read.
    Strict (the default) refuses a file with bad records, listing every one
    (:class:`~argmap.errors.ImportFailed` when there are several); ``lenient=True`` skips
    them and keeps what is sound (:func:`load_with_report` also returns the list).
    A UTF-8 byte-order mark at the start is ignored in every format.
    """
    return load_with_report(path, format, limits=limits, lenient=lenient, **options).map


def load_with_report(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    lenient: bool = False,
    **options: Any,
) -> Imported:
    """Read a map from a file and say what was skipped: ``(map, report)``.

    Formats without record-level leniency (ICCMA) are read whole or refused, lenient or
    not; their report lists no problem.

    Examples
    --------
    >>> import argmap, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.aif.json"
    >>> _ = path.write_text('{"nodes": [{"nodeID": "1", "text": "A.", "type": "I"},'
    ...                     ' {"nodeID": "2", "text": "Default Inference", "type": "RA"}],'
    ...                     ' "edges": [{"edgeID": "3", "fromID": "2", "toID": "1"}]}')
    >>> m, report = load_with_report(path, lenient=True)
    >>> len(list(m.statements())), len(report)
    (1, 1)
    """
    p = input_path(path)
    if p.is_dir():
        raise ParseError("is a folder, not a file", file=str(p))
    with _limits_for(limits, options):
        try:
            data = read_capped(p)
        except FileNotFoundError:
            raise ParseError("no such file", file=str(p)) from None
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror}", file=str(p)) from None
        return _read(format, data, p, options, lenient)


def loads(
    data: str | bytes,
    format: str,
    *,
    limits: Limits | None = None,
    lenient: bool = False,
    **options: Any,
) -> ArgumentMap:
    """Read a map from a string or bytes in the named format (under ``limits``, see load)."""
    return loads_with_report(data, format, limits=limits, lenient=lenient, **options).map


def loads_with_report(
    data: str | bytes,
    format: str,
    *,
    limits: Limits | None = None,
    lenient: bool = False,
    **options: Any,
) -> Imported:
    """Read a map from a string or bytes and say what was skipped: ``(map, report)``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with _limits_for(limits, options):
        return _read(format, raw, None, options, lenient)


def _limits_for(value: Limits | None, options: dict[str, Any]) -> AbstractContextManager[Limits]:
    caps = value if value is not None else current()
    if "max_bytes" in options:  # the keyword argmap 0.1 took
        caps = replace(caps, max_bytes=options.pop("max_bytes"))
    return using_limits(caps)


def _read(
    format: str | None, data: bytes, path: Path | None, options: dict[str, Any], lenient: bool
) -> Imported:
    data = strip_bom(data)
    filename = str(path) if path is not None else None
    binary = not_text(data)
    if binary is not None:
        raise ParseError(f"not a map: {binary}", file=filename, line=1)
    fmt = get(format) if format else guess(path, data[:4096])
    if fmt.loads is None:
        raise FormatError(f"argmap writes {fmt.name} but cannot read it")
    check_size(len(data), file=filename)
    if fmt.imports is None:
        imported = Imported(
            fmt.loads(data, filename=filename, **options), ImportReport(filename, lenient)
        )
    else:
        # strict reading runs the lenient reader too, so that it can name every bad record
        imported = fmt.imports(data, filename=filename, lenient=True, **options)
        imported.report.lenient = lenient
        if not lenient and imported.report.problems:
            problems = [p.to_error() for p in imported.report.problems]
            raise problems[0] if len(problems) == 1 else ImportFailed(problems)
    _note_self_attacks(imported)
    return imported


def _note_self_attacks(imported: Imported) -> None:
    """A self-attack is kept (a map may hold one) but named, so a reader sees it."""
    for attack in imported.map.attacks():
        if attack.attacker == attack.target:
            imported.report.note(
                f"{attack.attacker!r} attacks itself (kept; `argmap validate` warns: rule "
                "self-attack)",
                node=attack.id,
            )


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
    if not isinstance(path, Path) and os.fspath(path) == "":
        raise WriteError("''", "empty file name")
    fmt = get(format) if format else guess(Path(path))
    if fmt.dumps is None:
        raise FormatError(f"argmap reads {fmt.name} but cannot write it")
    if fmt.dump is not None:
        fmt.dump(m, Path(path))
        return
    dumps_fn = fmt.dumps
    write_bytes(path, lambda: dumps_fn(m))
