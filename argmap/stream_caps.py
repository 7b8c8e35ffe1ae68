"""The text and node caps, checked on RDF as the parser hands over each triple.

The reader in :mod:`argmap.rdf` builds a map from the whole parsed document; a file
over a cap would cost several times its size in memory before :func:`check_nodes`
refused it. :func:`capped` sits between the parser and everything else, so the read
stops at the first literal longer than ``max_text`` or the first node past ``max_nodes``.

It is only put in the way when the input is big enough for a cap to be reached: no
literal can be longer than the document it is in, and no node takes fewer than
:data:`MIN_NODE_BYTES` bytes, so small inputs pay nothing.

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

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from argmap.limits import _over, current

__all__ = ["MIN_NODE_BYTES", "capped"]

MIN_NODE_BYTES = 8
"""Fewest bytes one typed node takes in any RDF syntax (``:a a:C.`` is 9)."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def capped(
    quads: Iterable[Any], classes: set[str], size: int, *, file: str | None
) -> Iterable[Any]:
    """``quads``, refused at the first literal over ``max_text`` or node over ``max_nodes``.

    ``classes`` are the IRIs whose instances count as nodes; ``size`` is the input's length
    in bytes (to skip checks no input that small can fail).
    """
    caps = current()
    text = caps.max_text if caps.max_text is not None and size > caps.max_text else None
    nodes = caps.max_nodes
    if nodes is not None and size <= nodes * MIN_NODE_BYTES:
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


def _name(quad: Any) -> str:
    subject = quad.subject
    return str(subject.value) if hasattr(subject, "value") else str(subject)
