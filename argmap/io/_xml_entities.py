"""XML entity declarations, made harmless before a parser sees them.

RDF/XML files often declare entities for namespaces (``<!ENTITY owl "http://...#">``),
so refusing every DOCTYPE would refuse real files. Instead argmap expands the internal
general entities itself, with caps, and hands the parser a document with no DOCTYPE:

* an external entity (``SYSTEM``/``PUBLIC``) or a parameter entity (``%``) is refused:
  nothing is ever read from a file or the network through an entity;
* each entity's expansion is capped at ``max_text`` characters and the expanded document
  at ``max_bytes`` — a "billion laughs" file stops after a few kilobytes of work.

>>> doc = b'<!DOCTYPE r [<!ENTITY ex "http://x/">]>\\n<r a="&ex;b"/>'
>>> expand_entities(doc)
b'\\n<r a="http://x/b"/>'
"""

from __future__ import annotations

import re

from argmap.errors import LimitExceeded, ParseError
from argmap.limits import current

__all__ = ["expand_entities"]

_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\[>]*", re.IGNORECASE)
_ITEM = re.compile(
    rb"""\s+
    |<!--.*?-->
    |<\?.*?\?>
    |<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[^\s"'>]+)\s+
        (?:"(?P<v1>[^"]*)"|'(?P<v2>[^']*)'|(?P<ext>SYSTEM|PUBLIC)\b[^>]*)\s*>
    |<!(?:ELEMENT|ATTLIST|NOTATION)\b(?:"[^"]*"|'[^']*'|[^>"'])*>
    """,
    re.VERBOSE | re.DOTALL,
)
_REF = re.compile(rb"&([A-Za-z_:][\w.:-]*);")
_PREDEFINED = {b"lt", b"gt", b"amp", b"quot", b"apos"}


def _line(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def expand_entities(data: bytes, *, file: str | None = None) -> bytes:
    """``data`` with its DOCTYPE removed and internal entities expanded (see module)."""
    start = data.find(b"<!DOCTYPE")
    if start < 0:
        start = data.lower().find(b"<!doctype")
        if start < 0:
            return data
    head = _DOCTYPE.match(data, start)
    if head is None:
        raise ParseError("a malformed DOCTYPE", file=file, line=_line(data, start))
    pos = head.end()
    entities: dict[bytes, bytes] = {}
    cap_text = current().max_text
    if pos < len(data) and data[pos : pos + 1] == b"[":
        pos += 1
        line, counted = _line(data, pos), pos
        while True:
            if pos >= len(data):
                raise ParseError(
                    "the DOCTYPE's internal subset never ends", file=file, line=_line(data, start)
                )
            if data[pos : pos + 1] == b"]":
                pos += 1
                break
            item = _ITEM.match(data, pos)
            if item is None:
                snippet = data[pos : pos + 30].split(b"\n")[0].decode("utf-8", "replace")
                raise ParseError(
                    f"cannot read this DOCTYPE declaration: {snippet!r}",
                    file=file,
                    line=_line(data, pos),
                )
            if item.group("name") is not None:
                name = item.group("name")
                line += data.count(b"\n", counted, pos)  # advanced, not recounted
                counted = pos
                if item.group("ext") is not None:
                    raise ParseError(
                        f"the external entity {name.decode('utf-8', 'replace')!r} is refused: "
                        "argmap never reads files or URLs named inside a document",
                        file=file,
                        line=line,
                    )
                if item.group("pe") is not None:
                    raise ParseError(
                        f"the parameter entity {name.decode('utf-8', 'replace')!r} is refused",
                        file=file,
                        line=line,
                    )
                value = item.group("v1") if item.group("v1") is not None else item.group("v2")
                if name not in entities:  # XML: the first declaration wins
                    entities[name] = _expand(value or b"", entities, cap_text, file=file, line=line)
            pos = item.end()
    end = re.compile(rb"\s*>").match(data, pos)
    if end is None:
        raise ParseError("a malformed DOCTYPE", file=file, line=_line(data, start))
    removed = data[start : end.end()]
    body = data[end.end() :]
    cap_bytes = current().max_bytes
    out = _expand(body, entities, None, file=file, line=_line(data, end.end()), total_cap=cap_bytes)
    return data[:start] + b"\n" * removed.count(b"\n") + out


def _expand(
    value: bytes,
    entities: dict[bytes, bytes],
    cap: int | None,
    *,
    file: str | None,
    line: int,
    total_cap: int | None = None,
) -> bytes:
    limit = cap if cap is not None else total_cap
    size = len(value)

    def one(match: re.Match[bytes]) -> bytes:
        nonlocal size
        name = match.group(1)
        if name in _PREDEFINED or name not in entities:
            return match.group(0)  # left for the XML parser (which knows the five)
        text = entities[name]
        size += len(text) - len(match.group(0))
        if limit is not None and size > limit:
            which = "max_text" if cap is not None else "max_bytes"
            raise LimitExceeded(
                f"entity expansion passes the {which} cap of {limit:,} (entity "
                f"{name.decode('utf-8', 'replace')!r}); a 'billion laughs' file?",
                file=file,
                line=line,
            )
        return text

    expanded = _REF.sub(one, value)
    # quotes in a replacement must not end an attribute value; in content they mean the same
    return expanded if cap is None else expanded.replace(b'"', b"&quot;").replace(b"'", b"&apos;")
