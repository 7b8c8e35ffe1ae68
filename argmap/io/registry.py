"""One place that knows every format: its name, extensions, reader, writer and sniffer.

Each format module registers itself when :mod:`argmap.io` is imported. A format implemented
outside :mod:`argmap.io` (Carneades' formats live with their semantics) is registered by
name, with :class:`Lazy` callables that import their module on first use.

>>> sorted(f.name for f in formats() if "ttl" in f.extensions)
['turtle']
>>> get("ttl").name
'turtle'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import FormatError

if TYPE_CHECKING:
    from argmap.io._report import Imported
    from argmap.map import ArgumentMap

__all__ = ["Format", "Lazy", "formats", "get", "guess", "register"]

class Lazy:
    """A function named ``module:attribute``, imported when it is first called.

    >>> dumps = Lazy("json:dumps")
    >>> dumps([1])
    '[1]'
    """

    __slots__ = ("_function", "target")

    def __init__(self, target: str) -> None:
        self.target = target
        self._function: Callable[..., Any] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._function is None:
            module, _, attribute = self.target.partition(":")
            self._function = getattr(importlib.import_module(module), attribute)
        return self._function(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Lazy({self.target!r})"


Loads = Callable[..., "ArgumentMap"]
Dumps = Callable[["ArgumentMap"], bytes]
Imports = Callable[..., "Imported"]


@dataclass(frozen=True)
class Format:
    """A format argmap reads and/or writes.

    ``loads(data: bytes, *, filename: str | None) -> ArgumentMap`` and
    ``dumps(m) -> bytes``; ``sniff(head: bytes) -> bool`` recognises content.
    ``dump(m, path)``, when given, writes a file together with its companions (brat's
    ``.txt`` beside the ``.ann``); :func:`argmap.dump` then calls it instead of ``dumps``.
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
    dump: Callable[[ArgumentMap, Path], None] | None = None
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
    raise FormatError(
        f"{where}cannot tell the format; name it: --from (input) or --to (output) on the "
        "command line, format= in Python (`argmap formats` lists the names)"
    )


def _other_sniffs(fmt: Format, head: bytes) -> bool:
    return any(f is not fmt and f.sniff is not None and f.sniff(head) for f in _FORMATS.values())
