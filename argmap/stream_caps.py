"""The text and node caps, checked on RDF as the parser hands over each triple.

The reader in :mod:`argmap.rdf` builds a map from the whole parsed document; a file
over a cap would cost several times its size in memory before :func:`check_nodes`
refused it. :func:`capped` sits between the parser and everything else, so the read
stops at the first literal longer than ``max_text`` or the first node past ``max_nodes``.

It is only put in the way when the input is big enough for a cap to be reached: no
literal can be longer than the document it is in, and no node takes fewer than
:data:`MIN_NODE_BYTES` bytes, so small inputs pay nothing. Two more ways out of the
per-triple check (which costs more than the parse itself): in Turtle, TriG, N-Triples and
N-Quads without long (triple-quoted) strings every literal sits on one line, so when no
line is longer than ``max_text`` no literal can be (:func:`literals_fit`); and the nodes of
N-Triples or N-Quads input can be counted on pyoxigraph's canonical output, which is no
bigger than the input (:func:`check_node_lines`).

>>> import pyoxigraph as ox
>>> from argmap.limits import limits
>>> quads = ox.parse(b'<urn:a> <urn:p> "four" .', format=ox.RdfFormat.N_TRIPLES)
>>> with limits(max_text=3):
...     list(capped(quads, set(), 100, file="f.nt"))
Traceback (most recent call last):
...
argmap.errors.LimitExceeded: f.nt, node urn:a: a text's length is 4, over the max_text cap of 3 ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from argmap.limits import _over, current

__all__ = ["MIN_NODE_BYTES", "capped", "check_node_lines", "literals_fit"]

MIN_NODE_BYTES = 8
"""Fewest bytes one typed node takes in any RDF syntax (``:a a:C.`` is 9)."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def capped(
    quads: Iterable[Any],
    classes: set[str],
    size: int,
    *,
    file: str | None,
    data: bytes | None = None,
    nodes_later: bool = False,
) -> Iterable[Any]:
    """``quads``, refused at the first literal over ``max_text`` or node over ``max_nodes``.

    ``classes`` are the IRIs whose instances count as nodes; ``size`` is the input's length
    in bytes (to skip checks no input that small can fail). ``data``, the input of a
    line-based syntax (Turtle, TriG, N-Triples, N-Quads), lets :func:`literals_fit` skip
    the text check; ``nodes_later`` leaves the node count to :func:`check_node_lines`.
    """
    caps = current()
    text = caps.max_text if caps.max_text is not None and size > caps.max_text else None
    if text is not None and data is not None and literals_fit(data, text):
        text = None
    nodes = caps.max_nodes
    if nodes is not None and (nodes_later or size <= nodes * MIN_NODE_BYTES):
        nodes = None
    if text is None and nodes is None:
        return quads
    return _check(quads, classes, text, nodes, file)


def _check(
    quads: Iterable[Any], classes: set[str], text: int | None, nodes: int | None, file: str | None
) -> Iterator[Any]:
    seen: set[str] = set()
    literal = ox.Literal
    for quad in quads:
        obj = quad.object
        if text is not None and type(obj) is literal and len(obj.value) > text:
            raise _over(
                "max_text", "a text's length", len(obj.value), text, file=file, node=_name(quad)
            )
        if (
            nodes is not None
            and getattr(obj, "value", None) in classes
            and quad.predicate.value == _RDF_TYPE
        ):
            seen.add(_name(quad))
            if len(seen) > nodes:
                raise _over("max_nodes", "the number of nodes", len(seen), nodes, file=file)
        yield quad


def literals_fit(data: bytes, cap: int) -> bool:
    """True when no literal of ``data`` (Turtle, TriG, N-Triples or N-Quads) can be longer
    than ``cap`` characters: without triple-quoted strings a literal sits on one line, its
    value is no longer than the bytes it is written in, and those follow a quote. (False
    may be wrong, and then the caller checks each literal.)

    >>> nt = b'<urn:a> <urn:p> "four" .'
    >>> literals_fit(nt, 10), literals_fit(nt, 5), literals_fit(b"<urn:a> <urn:p> '''4''' .", 10)
    (True, False, False)
    """
    if b'"""' in data or b"'''" in data:
        return False
    pattern = _LONG_LITERAL.get(cap)
    if pattern is None:  # a quote and then more than ``cap`` bytes on its line
        pattern = _LONG_LITERAL[cap] = re.compile(rb"[\"'][^\n]{%d}" % cap)
    return pattern.search(data) is None


_LONG_LITERAL: dict[int, re.Pattern[bytes]] = {}


def check_node_lines(text: str, classes: set[str], *, file: str | None) -> None:
    """Refuse canonical N-Triples ``text`` typing more than ``max_nodes`` subjects with one
    of ``classes`` (counted on the text in one pass when any cap could be reached).

    >>> from argmap.limits import limits
    >>> nt = "".join(f"<urn:n{i}> <{_RDF_TYPE}> <urn:C> .\\n" for i in range(3))
    >>> with limits(max_nodes=2):
    ...     check_node_lines(nt, {"urn:C"}, file="f.nt")
    Traceback (most recent call last):
    ...
    argmap.errors.LimitExceeded: f.nt: the number of nodes is 3, over the max_nodes cap of 2 ...
    """
    cap = current().max_nodes
    typing = f" <{_RDF_TYPE}> <"
    if cap is None or text.count(typing) <= cap:
        return
    seen: set[str] = set()
    for line in text.split("\n"):
        s, _, rest = line.partition(typing)
        if rest and rest[: rest.rfind(">")] in classes:
            seen.add(s)
            if len(seen) > cap:
                raise _over("max_nodes", "the number of nodes", len(seen), cap, file=file)


def _name(quad: Any) -> str:
    subject = quad.subject
    return str(subject.value) if hasattr(subject, "value") else str(subject)
