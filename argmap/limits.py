"""Caps on what a reader accepts, so hostile input costs bounded time and memory.

Every reader in :mod:`argmap.io` (and the ICCMA readers) checks its input against the
:class:`Limits` in force: the size in bytes before anything is parsed, the nesting depth
of JSON before it is decoded, the number of nodes and the length of every text before a
map is built, and XML entity expansion before an RDF/XML parser sees the document. Going
over a cap raises :class:`~argmap.errors.LimitExceeded` naming the cap and how to raise it.

The defaults suit maps of a few million nodes. Change them per call or for a block::

    argmap.load("huge.nt", limits=argmap.Limits(max_bytes=8 * 2**30, max_nodes=50_000_000))
    with argmap.limits(max_text=10_000):
        argmap.load("scraped.json")

>>> Limits().max_depth
100
>>> with limits(max_nodes=3):
...     current().max_nodes
3
>>> current().max_nodes == Limits().max_nodes
True
"""

from __future__ import annotations

import json
import os
import re
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from argmap.callable_module import make_callable
from argmap.errors import ArgmapError, LimitExceeded, ParseError

__all__ = [
    "Limits",
    "check_nodes",
    "current",
    "from_env",
    "limits",
    "load_json",
    "load_xml",
    "read_capped",
]


@dataclass(frozen=True)
class Limits:
    """The caps one read runs under (``None`` switches a cap off).

    Attributes:
        max_bytes: the input's size (a file is refused from its size, before reading).
        max_nodes: nodes (or framework arguments) one input may declare.
        max_text: characters in any one text, quote, title or name.
        max_depth: nesting of JSON arrays and objects.
    """

    max_bytes: int | None = 1024**3 // 2
    max_nodes: int | None = 5_000_000
    max_text: int | None = 1_000_000
    max_depth: int | None = 100


def from_env(environ: Mapping[str, str] | None = None) -> Limits:
    """The default caps, changed by ``ARGMAP_MAX_BYTES`` / ``_NODES`` / ``_TEXT`` / ``_DEPTH``.

    Each variable holds a whole number or ``none`` (no cap); the command line reads them too.
    They are read when a cap is used, not when argmap is imported, so a bad value breaks
    only what needs the caps, with an :class:`~argmap.errors.ArgmapError` naming it.

    >>> from_env({"ARGMAP_MAX_NODES": "10", "ARGMAP_MAX_DEPTH": "none"}).max_nodes
    10
    >>> from_env({"ARGMAP_MAX_TEXT": "1e3"})
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: ARGMAP_MAX_TEXT='1e3': expected a whole number of at least 0 ...
    """
    environ = os.environ if environ is None else environ
    changes: dict[str, int | None] = {}
    for name in _NAMES:
        raw = environ.get(_env_name(name))
        if raw is None or not raw.strip():
            continue
        value = raw.strip().replace("_", "")
        if value.lower() == "none":
            changes[name] = None
        elif value.isascii() and value.isdigit():
            changes[name] = int(value)
        else:
            raise ArgmapError(
                f"{_env_name(name)}={raw!r}: expected a whole number of at least 0 or 'none' "
                "(unset it or fix it)"
            )
    return replace(Limits(), **changes) if changes else _DEFAULTS


_NAMES = ("max_bytes", "max_nodes", "max_text", "max_depth")
_DEFAULTS = Limits()


def _env_name(cap: str) -> str:
    return "ARGMAP_" + cap.upper()


# None: the caps come from the environment, read each time they are used
_CURRENT: ContextVar[Limits | None] = ContextVar("argmap_limits", default=None)
_FROM_ENV: dict[tuple[str | None, ...], Limits] = {}


def current() -> Limits:
    """The caps in force here (the defaults unless :func:`limits` or ``ARGMAP_MAX_*`` changed them).

    Raises:
        ArgmapError: an ``ARGMAP_MAX_*`` variable that is not a whole number or ``none``.
    """
    value = _CURRENT.get()
    if value is not None:
        return value
    key = tuple(os.environ.get(_env_name(name)) for name in _NAMES)
    cached = _FROM_ENV.get(key)
    if cached is None:  # parsed once per set of values; a bad one raises each time
        cached = from_env()
        _FROM_ENV.clear()
        _FROM_ENV[key] = cached
    return cached


@contextmanager
def limits(value: Limits | None = None, /, **changes: int | None) -> Iterator[Limits]:
    """Run a block under other caps: ``with limits(max_nodes=10):`` or ``limits(Limits(...))``."""
    new = replace(value if value is not None else current(), **changes)
    token = _CURRENT.set(new)
    try:
        yield new
    finally:
        _CURRENT.reset(token)


def how_to_raise(cap: str) -> str:
    """How to raise ``cap``, for the command line and for Python: the words every cap error ends with."""
    return (
        f"raise it with the environment variable {_env_name(cap)} (a number or 'none'), "
        f"or in Python with argmap.limits({cap}=...) or limits=argmap.Limits({cap}=...)"
    )


def _over(cap: str, what: str, value: int, limit: int, **where: Any) -> LimitExceeded:
    return LimitExceeded(
        f"{what} is {value:,}, over the {cap} cap of {limit:,} ({how_to_raise(cap)})", **where
    )


def check_size(size: int, *, file: str | None = None) -> None:
    """Refuse an input of ``size`` bytes over ``max_bytes`` (see :func:`read_capped` for streams)."""
    cap = current().max_bytes
    if cap is not None and size > cap:
        raise _over("max_bytes", "the input's size in bytes", size, cap, file=file)


_CHUNK = 1 << 20


def input_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`~pathlib.Path`, refusing an empty name.

    ``Path("")`` means the current folder, so an empty argument (an unset shell variable,
    say) would otherwise be reported as "``.``: is a folder".

    >>> input_path("map.ttl")
    PosixPath('map.ttl')
    >>> input_path("")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: '': empty file name
    """
    if not isinstance(path, Path) and os.fspath(path) == "":
        raise ParseError("empty file name", file="''")
    return Path(path)


def read_capped(
    source: str | os.PathLike[str] | IO[bytes], cap: int | None = None, *, file: str | None = None
) -> bytes:
    """Read a file or binary stream whole, refusing it once it passes ``cap`` bytes.

    ``cap`` defaults to ``max_bytes``. The count is of bytes actually read, never the size
    the file system reports, which is 0 for devices, FIFOs and ``/proc`` files: reading
    ``/dev/zero`` stops after ``cap + 1`` bytes with :class:`~argmap.errors.LimitExceeded`.

    >>> import io
    >>> read_capped(io.BytesIO(b"abc"), 3)
    b'abc'
    >>> read_capped(io.BytesIO(b"abcd"), 3, file="x")
    Traceback (most recent call last):
    ...
    argmap.errors.LimitExceeded: x: the input is longer than the max_bytes cap of 3 bytes (...)
    """
    if cap is None:
        cap = current().max_bytes
    if not isinstance(source, str | os.PathLike):
        return _read_stream(source, cap, file)
    name = file if file is not None else os.fspath(source)
    with open(source, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return _read_stream(handle, cap, name)
        if cap is not None and info.st_size > cap:  # refused before reading a byte
            raise _over("max_bytes", "the input's size in bytes", info.st_size, cap, file=name)
        want = info.st_size + 1  # one read, one copy in memory, for the common case
        first = handle.read(want)
        if len(first) < want:
            return first
        return _read_stream(handle, cap, name, first)  # the file grew while we read


def _read_stream(handle: IO[bytes], cap: int | None, file: str | None, first: bytes = b"") -> bytes:
    chunks: list[bytes] = [first] if first else []
    total = len(first)
    while True:
        if cap is not None and total > cap:
            chunks.clear()
            raise LimitExceeded(
                f"the input is longer than the max_bytes cap of {cap:,} bytes "
                f"({how_to_raise('max_bytes')})",
                file=file,
            )
        want = _CHUNK if cap is None else min(_CHUNK, cap + 1 - total)
        chunk = handle.read(want)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        chunks.append(chunk)


def check_count(count: int, what: str, *, file: str | None = None, line: int | None = None) -> None:
    """Refuse ``count`` nodes over ``max_nodes``."""
    cap = current().max_nodes
    if cap is not None and count > cap:
        raise _over("max_nodes", f"the number of {what}", count, cap, file=file, line=line)


def check_text(
    text: str | None, *, file: str | None = None, node: str | None = None, line: int | None = None
) -> None:
    """Refuse one text over ``max_text`` characters."""
    cap = current().max_text
    if cap is not None and text is not None and len(text) > cap:
        raise _over("max_text", "a text's length", len(text), cap, file=file, node=node, line=line)


_TEXT_FIELDS = ("text", "title", "label", "exact", "prefix", "suffix", "note")


def check_nodes(
    nodes: Iterable[Any], *, file: str | None = None, source_size: int | None = None
) -> None:
    """Refuse a list of nodes over ``max_nodes`` or holding a text over ``max_text``.

    ``source_size``, the length of the text the nodes were read from, skips the text scan
    when no text in it can be over the cap.
    """
    nodes = list(nodes)
    check_count(len(nodes), "nodes", file=file)
    cap = current().max_text
    if cap is None or (source_size is not None and source_size <= cap):
        return
    fields: dict[type, tuple[str, ...]] = {}  # the text fields each type has, found once
    for node in nodes:
        for value in _texts(node, fields):
            if len(value) > cap:  # the caps are read once
                node_id = getattr(node, "id", None)
                raise _over("max_text", "a text's length", len(value), cap, file=file, node=node_id)
        for anchor in getattr(node, "anchors", ()) or ():
            for value in _texts(anchor, fields):
                if len(value) > cap:
                    node_id = getattr(node, "id", None)
                    raise _over(
                        "max_text", "a text's length", len(value), cap, file=file, node=node_id
                    )


def _texts(obj: Any, fields: dict[type, tuple[str, ...]]) -> Iterator[str]:
    """The string values of ``obj``'s text fields, read from its ``__dict__`` when it has
    one (a pydantic model's missing attribute costs a slow ``__getattr__``)."""
    kind = type(obj)
    names = fields.get(kind)
    if names is None:
        names = fields[kind] = tuple(n for n in _TEXT_FIELDS if hasattr(obj, n))
    values = getattr(obj, "__dict__", None)
    for name in names:
        value = values[name] if values is not None and name in values else getattr(obj, name, None)
        if isinstance(value, str):
            yield value


_KEEP_QUOTES_AND_BRACKETS = bytes(b for b in range(256) if b not in b'"[]{}')


def json_depth(data: bytes, stop: int) -> int:
    """The nesting depth of JSON ``data`` (strings ignored), counted up to ``stop + 1``.

    Escaped backslashes and quotes go first (left to right, as a decoder pairs them), then
    everything but quotes and brackets; what lies between a pair of quotes is a string's.
    Each step is one pass of a bytes method, with no per-character Python.

    >>> json_depth(b'{"a": [1, {"b": "]]\\\\\\"{"}]}', 10)
    3
    """
    clean = data.replace(b"\\\\", b"").replace(b'\\"', b"") if b"\\" in data else data
    return _depth_of(clean.translate(None, _KEEP_QUOTES_AND_BRACKETS), stop)


def _depth_of(kept: bytes, stop: int) -> int:
    """The depth of the quotes and brackets of a JSON text (escaped quotes gone)."""
    # Most strings hold no bracket: dropping adjacent quote pairs, left to right, pairs them
    # right as long as it meets none; a quote left over means one did (then split)
    brackets = kept.replace(b'""', b"")
    if b'"' in brackets:
        brackets = b"".join(kept.split(b'"')[::2])
    depth = 0
    while brackets and depth <= stop:  # each pass removes the innermost pairs, one level
        shorter = _INNERMOST.sub(b"", brackets)
        if len(shorter) == len(brackets):
            break  # unbalanced: the JSON decoder will say where
        brackets = shorter
        depth += 1
    return depth


_INNERMOST = re.compile(rb"\[\]|\{\}")


def _brackets_over(raw: bytes, cap: int) -> bool:
    return raw.count(b"[") + raw.count(b"{") > cap


_LONG_RUN: dict[int, re.Pattern[bytes]] = {}
_MAX_BLOCKS = 4096  # past this many blocks, the one regex scan is cheaper


def _longest_run_over(raw: bytes, cap: int) -> bool:
    """Whether some run of bytes after a quote and before the next is over ``cap`` long
    (one regex scan: it starts only at quotes, and stops at the next).

    First a cheaper bound: such a run covers a whole block of ``(cap + 1) // 2`` bytes
    (blocks cut at multiples of that size), so when every block holds a quote there is
    none; each block costs one ``find`` that stops at its first quote.

    >>> _longest_run_over(b'"abc" "de"', 3), _longest_run_over(b'"abcd" "de"', 3)
    (False, True)
    """
    block = (cap + 1) // 2
    if block and len(raw) // block <= _MAX_BLOCKS:
        find = raw.find
        if all(find(b'"', i, i + block) >= 0 for i in range(0, len(raw), block)):
            return False
    pattern = _LONG_RUN.get(cap)
    if pattern is None:
        pattern = _LONG_RUN[cap] = re.compile(rb'"[^"]{%d}' % (cap + 1))
    return pattern.search(raw) is not None


def _text_hook(raw: bytes, file: str | None) -> Any:
    """A decoder hook refusing a string over ``max_text`` as it is decoded; None if none can be.

    No string can be over the cap when no run of bytes between two quotes is (escaped
    quotes aside), so the common case decodes at full speed.
    """
    cap = current().max_text
    if cap is None or len(raw) <= cap:
        return None
    if b'\\"' not in raw and not _longest_run_over(raw, cap):
        return None

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        for key, value in pairs:
            if type(value) is str and len(value) > cap:
                node = next((v for k, v in pairs if k in _ID_KEYS and type(v) is str), None)
                raise _over(
                    "max_text", f"the text of {key!r}", len(value), cap, file=file, node=node
                )
        return dict(pairs)

    return hook


_ID_KEYS = ("id", "nodeID", "@id", "edgeID", "ID")


def load_json(data: bytes | str, *, file: str | None = None, what: str = "JSON") -> Any:
    """Decode JSON under the caps; a syntax error or a cap is a located ``ParseError``."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    check_size(len(raw), file=file)
    cap = current().max_depth
    # no text with at most ``cap`` brackets nests deeper than ``cap`` (two quick counts)
    if cap is not None and _brackets_over(raw, cap) and json_depth(raw, cap) > cap:
        raise LimitExceeded(
            f"{what} nested deeper than the max_depth cap of {cap} ({how_to_raise('max_depth')})",
            file=file,
            line=1,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=file, line=line
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_text_hook(raw, file))
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"not valid {what}: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise LimitExceeded(
            f"{what} nested too deeply for Python's JSON decoder", file=file, line=1
        ) from None


def load_xml(data: bytes | str, *, file: str | None = None) -> ET.Element:
    """Parse a plain XML document (no entity declarations) under the size cap.

    Anything the parser refuses is a located ``ParseError``: bad markup, and an encoding
    named in the XML declaration that Python does not know or expat cannot read
    (``encoding="ttf-8"``, ``"utf-32"``), which the standard library raises as
    ``LookupError`` or ``ValueError``. A ``<!ENTITY`` anywhere is refused: expat fetches
    nothing, but internal entities could still expand without bound.

    >>> load_xml(b"<r><a/></r>").tag
    'r'
    >>> load_xml(b'<?xml version="1.0" encoding="ttf-8"?><r/>', file="x.xml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.xml, line 1: not well-formed XML: the declared encoding 'ttf-8' cannot be read (unknown encoding: ttf-8)
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    check_size(len(raw), file=file)
    found = re.search(rb"<!ENTITY", raw, re.I)  # anywhere: comments, CDATA, a late DOCTYPE
    if found is not None:
        raise ParseError(
            "XML entity declarations are refused (they can expand without bound)",
            file=file,
            line=raw.count(b"\n", 0, found.start()) + 1,
        )
    try:
        parser = ET.XMLParser()
        parser.feed(raw)
        return parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        raise ParseError(
            f"not well-formed XML: {exc}", file=file, line=line, column=column + 1
        ) from None
    except (LookupError, ValueError) as exc:  # the encoding of the XML declaration
        declared = re.match(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)""", raw)
        name = declared.group(1).decode("ascii", "replace") if declared else "?"
        raise ParseError(
            f"not well-formed XML: the declared encoding {name!r} cannot be read ({exc})",
            file=file,
            line=1,
        ) from None


make_callable(__name__, limits)  # argmap.limits(max_nodes=...) is the context manager
