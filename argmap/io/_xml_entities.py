"""XML entity declarations, made harmless before a parser sees them.

RDF/XML files often declare entities for namespaces (``<!ENTITY owl "http://...#">``),
so refusing every DOCTYPE would refuse real files. Instead argmap expands the internal
general entities itself, with caps, and hands the parser a document with no DOCTYPE:

* the DOCTYPE is found by reading the prolog as XML: a byte-order mark, the XML
  declaration, comments, processing instructions and white space are stepped over, so a
  ``<!DOCTYPE`` inside a comment is never taken for the real one (the keyword is matched
  in any case, as lenient parsers do);
* an external entity (``SYSTEM``/``PUBLIC``) or a parameter entity (``%``) is refused:
  nothing is ever read from a file or the network through an entity;
* every byte that entity expansion produces, in the declarations and in the document,
  counts against one budget (:func:`expansion_budget`, ``max_text``): a "billion laughs"
  file stops after that many bytes of work, even when an entity is declared but unused;
* whatever the steps above decided, the document handed on must hold no markup
  declaration at all: a ``<!DOCTYPE`` or ``<!ENTITY`` left anywhere in it (a second
  DOCTYPE, one after the root element, one inside a comment) is refused, so no parser
  ever sees an internal subset argmap did not expand itself.

>>> doc = b'<!DOCTYPE r [<!ENTITY ex "http://x/">]>\\n<r a="&ex;b"/>'
>>> expand_entities(doc)
b'\\n<r a="http://x/b"/>'
"""

from __future__ import annotations

import re

from argmap.errors import LimitExceeded, ParseError
from argmap.limits import current, how_to_raise

__all__ = ["expand_entities", "expansion_budget", "find_doctype"]

ENTITY_BUDGET = 16 * 2**20
"""Bytes entity expansion may produce when ``max_text`` is switched off (``None``)."""

_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(?:\"[^\"]*\"|'[^']*'|[^\[>\"'])*", re.IGNORECASE)
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
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_WHITE = re.compile(rb"[ \t\r\n]*")


def _line(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def expansion_budget() -> int:
    """Bytes all entity expansion in one document may produce: ``max_text``, else 16 MiB."""
    cap = current().max_text
    return cap if cap is not None else ENTITY_BUDGET


def find_doctype(data: bytes, *, file: str | None = None) -> int | None:
    """Where the document's DOCTYPE starts, reading the prolog as XML; None if it has none.

    >>> find_doctype(b'<?xml version="1.0"?><!-- <!DOCTYPE no> --><!doctype yes><r/>')
    43
    >>> find_doctype(b"<r><!DOCTYPE late></r>") is None
    True
    """
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    end = len(data)
    while pos < end:
        white = _WHITE.match(data, pos)
        pos = white.end() if white is not None else pos
        if pos >= end:
            break
        if data.startswith(b"<?", pos):
            close = data.find(b"?>", pos + 2)
            what = "a processing instruction"
            step = 2
        elif data.startswith(b"<!--", pos):
            close = data.find(b"-->", pos + 4)
            what = "a comment"
            step = 3
        elif data.startswith(b"<![CDATA[", pos):  # not XML before the root; stepped over
            close = data.find(b"]]>", pos + 9)
            what = "a CDATA section"
            step = 3
        elif data[pos : pos + 9].upper() == b"<!DOCTYPE":
            return pos
        else:
            return None  # the root element (or text a parser will refuse)
        if close < 0:
            raise ParseError(f"{what} that never ends", file=file, line=_line(data, pos))
        pos = close + step
    return None


def expand_entities(data: bytes, *, file: str | None = None) -> bytes:
    """``data`` with its DOCTYPE removed and internal entities expanded (see module)."""
    if b"<!" not in data:
        return data
    start = find_doctype(data, file=file)
    if start is None:
        return _no_declarations(data, file=file)
    head = _DOCTYPE.match(data, start)
    if head is None:
        raise ParseError("a malformed DOCTYPE", file=file, line=_line(data, start))
    pos = head.end()
    entities: dict[bytes, bytes] = {}
    budget = _Budget(expansion_budget(), file)
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
                _refuse_external(item, name, file, line)
                value = item.group("v1") if item.group("v1") is not None else item.group("v2")
                if name not in entities:  # XML: the first declaration wins
                    entities[name] = _expand(value or b"", entities, budget, line, quote=True)
            pos = item.end()
    end = re.compile(rb"\s*>").match(data, pos)
    if end is None:
        raise ParseError("a malformed DOCTYPE", file=file, line=_line(data, start))
    removed = data[start : end.end()]
    body = data[end.end() :]
    out = _expand(body, entities, budget, _line(data, end.end()), quote=False)
    return _no_declarations(data[:start] + b"\n" * removed.count(b"\n") + out, file=file)


def _refuse_external(item: re.Match[bytes], name: bytes, file: str | None, line: int) -> None:
    shown = name.decode("utf-8", "replace")
    if item.group("ext") is not None:
        raise ParseError(
            f"the external entity {shown!r} is refused: "
            "argmap never reads files or URLs named inside a document",
            file=file,
            line=line,
        )
    if item.group("pe") is not None:
        raise ParseError(f"the parameter entity {shown!r} is refused", file=file, line=line)


def _no_declarations(data: bytes, *, file: str | None) -> bytes:
    """``data``, once it is sure to hold no DOCTYPE or ENTITY declaration anywhere."""
    found = _DECLARATION.search(data)
    if found is not None:
        what = found.group(0)[2:].decode("ascii").upper()
        raise ParseError(
            f"a second or misplaced <!{what} (inside a comment, after the first DOCTYPE or "
            "after the root element) is refused: argmap reads one DOCTYPE, at the head of "
            "the document, and no parser may see another",
            file=file,
            line=_line(data, found.start()),
        )
    return data


class _Budget:
    """The bytes left for entity expansion in one document."""

    def __init__(self, limit: int, file: str | None) -> None:
        self.limit = limit
        self.used = 0
        self.file = file

    def spend(self, size: int, name: bytes, line: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise LimitExceeded(
                f"entity expansion passes the budget of {self.limit:,} bytes (the max_text "
                f"cap) at entity {name.decode('utf-8', 'replace')!r}; a 'billion laughs' "
                f"file? ({how_to_raise('max_text')})",
                file=self.file,
                line=line,
            )


def _expand(
    value: bytes, entities: dict[bytes, bytes], budget: _Budget, line: int, *, quote: bool
) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name in _PREDEFINED or name not in entities:
            return match.group(0)  # left for the XML parser (which knows the five)
        text = entities[name]
        budget.spend(len(text), name, line)
        return text

    expanded = _REF.sub(one, value) if b"&" in value else value
    # quotes in a replacement must not end an attribute value; in content they mean the same
    return expanded.replace(b'"', b"&quot;").replace(b"'", b"&apos;") if quote else expanded
