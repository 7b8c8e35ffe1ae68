"""Find the JSON-LD a processor would drop without a word, before it is parsed.

A JSON-LD processor (pyoxigraph's among them, as the JSON-LD 1.1 algorithms say) drops a
node whose ``@id`` is not an IRI, a ``@type`` or property that does not expand to one,
and a value with an ill-formed ``@language``, and reports nothing. argmap never drops a
record silently, so :func:`check_jsonld` walks the document first and raises a located
:class:`~argmap.errors.ParseError` naming the node, the key and the bad value.

The check is of the characters and shape an IRI may have (RFC 3987): no white space,
control characters or ``<>"{}|^`\\``, a well-formed ``%`` escape, and either a scheme, a
prefix or term the document's contexts define, or a ``@base``/``@vocab`` to resolve
against. Terms are taken from every context in the document, wherever it sits.

>>> check_jsonld({"@id": "urn:a b", "http://x/p": "v"}, "m.jsonld")
Traceback (most recent call last):
...
argmap.errors.ParseError: m.jsonld, node urn:a b, at $.@id: @id 'urn:a b' is not a valid IRI: ...
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import ParseError

__all__ = ["check_jsonld"]

_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]|%(?![0-9A-Fa-f]{2})')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*$")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
_CONTAINERS = {"@graph", "@list", "@set", "@included", "@nest", "@reverse"}


@dataclass
class _Context:
    terms: set[str] = field(default_factory=set)
    iri_terms: dict[str, bool] = field(default_factory=dict)  # term -> vocab-relative?
    base: bool = False
    vocab: bool = False


def _collect(doc: Any, ctx: _Context, depth: int = 0) -> None:
    if depth > 1000:
        return  # nesting is capped before this runs (load_json)
    if isinstance(doc, dict):
        if "@context" in doc:
            _read_context(doc["@context"], ctx)
        for key, value in doc.items():
            if key != "@context":
                _collect(value, ctx, depth + 1)
    elif isinstance(doc, list):
        for value in doc:
            _collect(value, ctx, depth + 1)


def _read_context(value: Any, ctx: _Context) -> None:
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict):
            continue
        if item.get("@base"):
            ctx.base = True
        if item.get("@vocab"):
            ctx.vocab = True
        for term, definition in item.items():
            if term.startswith("@"):
                continue
            ctx.terms.add(term)
            if isinstance(definition, dict):
                if definition.get("@type") in ("@id", "@vocab"):
                    ctx.iri_terms[term] = definition["@type"] == "@vocab"
                if "@context" in definition:
                    _read_context(definition["@context"], ctx)


def _problem(value: str, ctx: _Context, *, vocab: bool) -> str | None:
    """Why ``value`` does not expand to an IRI, or None when it does."""
    if vocab and value in ctx.terms:
        return None
    bad = _BAD.search(value)
    if bad is not None:
        char = bad.group(0)
        shown = {" ": "a space", "%": "a '%' not followed by two hex digits"}.get(
            char[0], f"the character {char[0]!r}"
        )
        return f"it holds {shown}"
    if value.startswith("_:"):
        return None if len(value) > 2 else "a blank node label cannot be empty"
    prefix, colon, _ = value.partition(":")
    if colon and (prefix in ctx.terms or _SCHEME.match(prefix)):
        return None
    if (vocab and ctx.vocab) or ctx.base:
        return None
    if colon:
        return f"{prefix!r} is neither a URI scheme nor a prefix the context defines"
    if vocab:
        return "it is not a term the context defines, and the context sets no @vocab"
    return "it is a relative IRI and the document sets no @base"


class _Walker:
    def __init__(self, ctx: _Context, file: str | None, source: bytes | None) -> None:
        self.ctx = ctx
        self.file = file
        self.source = source

    def fail(self, what: str, value: str, why: str, node: str | None, path: str) -> ParseError:
        line = None
        if self.source is not None:
            where = self.source.find(json.dumps(value, ensure_ascii=False).encode("utf-8"))
            if where < 0:
                where = self.source.find(json.dumps(value).encode("utf-8"))
            line = self.source.count(b"\n", 0, where) + 1 if where >= 0 else None
        return ParseError(
            f"{what} {value!r} is not a valid IRI: {why}; a JSON-LD processor would drop it "
            "without a word, so argmap refuses the document",
            file=self.file,
            line=line,
            node=node or None,
            path=path,
        )

    def check(self, what: str, value: Any, node: str | None, path: str, *, vocab: bool) -> None:
        if isinstance(value, str):
            why = _problem(value, self.ctx, vocab=vocab)
            if why is not None:
                raise self.fail(what, value, why, node, path)

    def walk(self, doc: Any, node: str | None, path: str, depth: int = 0) -> None:
        if depth > 1000:
            return
        if isinstance(doc, list):
            for i, value in enumerate(doc):
                self.walk(value, node, f"{path}[{i}]", depth + 1)
            return
        if not isinstance(doc, dict):
            return
        if "@value" in doc:
            self._value(doc, node, path)
            return
        own = doc.get("@id")
        if isinstance(own, str):
            where = "a reference to a node" if node is not None and len(doc) == 1 else "@id"
            self.check(where, own, own if where == "@id" else node, f"{path}.@id", vocab=False)
            node = own
        for key, value in doc.items():
            here = f"{path}.{key}"
            if key in ("@context", "@id"):
                continue
            if key == "@type":
                for i, item in enumerate(value if isinstance(value, list) else [value]):
                    self.check("@type", item, node, f"{here}[{i}]", vocab=True)
            elif key in _CONTAINERS:
                self.walk(value, node, here, depth + 1)
            elif key.startswith("@"):
                continue
            else:
                self.check("the property", key, node, here, vocab=True)
                vocab = self.ctx.iri_terms.get(key)
                if vocab is not None:
                    for i, item in enumerate(value if isinstance(value, list) else [value]):
                        self.check("the reference", item, node, f"{here}[{i}]", vocab=vocab)
                self.walk(value, node, here, depth + 1)

    def _value(self, doc: dict[str, Any], node: str | None, path: str) -> None:
        kind = doc.get("@type")
        if isinstance(kind, str) and kind != "@json":
            self.check("the datatype", kind, node, f"{path}.@type", vocab=True)
        lang = doc.get("@language")
        if isinstance(lang, str) and not _LANGUAGE.match(lang):
            raise ParseError(
                f"the language tag {lang!r} is not well-formed (BCP 47); a JSON-LD processor "
                "would drop the value without a word, so argmap refuses the document",
                file=self.file,
                node=node,
                path=f"{path}.@language",
            )


def check_jsonld(doc: Any, file: str | None, *, source: bytes | None = None) -> None:
    """Refuse a JSON-LD document holding an @id, @type, property or reference that is no IRI.

    ``source`` (the raw JSON) lets the error give the line of the bad value.
    """
    ctx = _Context()
    _collect(doc, ctx)
    _Walker(ctx, file, source).walk(doc, None, "$")
