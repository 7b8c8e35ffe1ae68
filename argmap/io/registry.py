"""One place that knows every format: its name, extensions, reader, writer and sniffer.

Each format module registers itself when :mod:`argmap.io` is imported.

>>> sorted(f.name for f in formats() if "ttl" in f.extensions)
['turtle']
>>> get("ttl").name
'turtle'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import FormatError

if TYPE_CHECKING:
    from argmap.io._report import Imported
    from argmap.map import ArgumentMap

__all__ = ["Format", "formats", "get", "guess", "register"]

Loads = Callable[..., "ArgumentMap"]
Dumps = Callable[["ArgumentMap"], bytes]
Imports = Callable[..., "Imported"]


@dataclass(frozen=True)
class Format:
    """A format argmap reads and/or writes.

    ``loads(data: bytes, *, filename: str | None) -> ArgumentMap`` and
    ``dumps(m) -> bytes``; ``sniff(head: bytes) -> bool`` recognises content.
    ``imports(data: bytes, *, filename: str | None, lenient: bool) -> Imported`` is the
    reader of a format that can skip bad records and list them (``None``: the format is
    read whole or refused; see ``docs/lenient.md``).
    """

    name: str
    extensions: tuple[str, ...]
    loads: Loads | None = None
    dumps: Dumps | None = None
    sniff: Callable[[bytes], bool] | None = None
    media_type: str = "application/octet-stream"
    aliases: tuple[str, ...] = field(default=())
    description: str = ""
    imports: Imports | None = None


_FORMATS: dict[str, Format] = {}
_ALIASES: dict[str, str] = {}


def register(fmt: Format) -> Format:
    """Add (or replace) a format in the registry."""
    _FORMATS[fmt.name] = fmt
    for alias in (fmt.name, *fmt.aliases, *fmt.extensions):
        _ALIASES[alias.lower()] = fmt.name
    return fmt


def formats() -> list[Format]:
    """Every registered format, by name."""
    return [_FORMATS[k] for k in sorted(_FORMATS)]


def get(name: str) -> Format:
    """The format called ``name`` (or one of its aliases or extensions)."""
    key = _ALIASES.get(name.lower().lstrip("."))
    if key is None:
        known = ", ".join(sorted(_FORMATS))
        raise FormatError(f"unknown format {name!r}; argmap knows: {known}")
    return _FORMATS[key]


def guess(path: str | Path | None, head: bytes = b"") -> Format:
    """The format of a file, from its extension, else from its first bytes."""
    if path is not None:
        name = Path(path).name.lower()
        # longest extension first: "brief.aif.json" before ".json"
        for fmt in sorted(
            _FORMATS.values(), key=lambda f: -max((len(e) for e in f.extensions), default=0)
        ):
            if any(name.endswith("." + ext) for ext in fmt.extensions):
                if fmt.sniff is None or not head or fmt.sniff(head) or not _other_sniffs(fmt, head):
                    return fmt
                break
    if head:
        for fmt in formats():
            if fmt.sniff is not None and fmt.sniff(head):
                return fmt
    where = f"{path}: " if path is not None else ""
    raise FormatError(f"{where}cannot tell the format; name it (e.g. format='turtle')")


def _other_sniffs(fmt: Format, head: bytes) -> bool:
    return any(f is not fmt and f.sniff is not None and f.sniff(head) for f in _FORMATS.values())
