"""Lenient reading of RDF: skip each node the map cannot hold, and say so.

The RDF reader (:mod:`argmap.rdf`) stops at the first node it cannot place and names it.
Here that node's triples (those with it as subject) are set aside, the problem is
recorded, and the rest is read again, until it loads; a node that referred to a skipped
one then fails in its turn and is skipped and reported too, so nothing leaves the map
unreported. Triples pointing *at* a skipped node are never removed on their own. A file
that is not valid syntax is refused whole (there is no record to skip), and so is one
with more than :data:`MAX_SKIPPED` bad nodes (reading again per node would be slow).

Strict reading uses the same loop and raises every problem it found.

Examples
--------
>>> ttl = b'''@prefix am: <https://w3id.org/argmap/ns#> .
... <http://ex.org/c> a am:Claim ; am:text "C." .
... <http://ex.org/a> a am:Argument ; am:conclusion <http://ex.org/c> .'''
>>> m, report = import_rdf("turtle")(ttl, lenient=True)
>>> [n.id for n in m.nodes()], [p.node for p in report]
(['c'], ['<http://ex.org/a>'])
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.errors import ParseError
from argmap.io._report import Imported, ImportReport
from argmap.io.rdf_guard import guard_rdf
from argmap.rdf import SYNTAXES

__all__ = ["MAX_SKIPPED", "import_rdf"]

MAX_SKIPPED = 100
"""Bad nodes skipped before a lenient read gives up (each costs one more pass)."""

_SYNTAX = SYNTAXES


def import_rdf(name: str) -> Callable[..., Imported]:
    """The lenient-capable reader of the RDF syntax ``name`` (a registry name)."""
    fmt = _SYNTAX[name]

    def imports(
        data: bytes, *, filename: str | None = None, lenient: bool = False, graph: str | None = None
    ) -> Imported:
        from argmap.rdf import to_ntriples_text

        data = guard_rdf(data, name, filename)  # entities, remote contexts, silent drops
        text = to_ntriples_text(data, fmt, filename, graph)
        return _read(text, filename, lenient)

    return imports


def _read(text: str, filename: str | None, lenient: bool) -> Imported:
    from argmap.rdf import NTriplesReader
    from argmap.util import no_gc

    report = ImportReport(file=filename, lenient=True)
    lines: list[str] | None = None  # split only once a node has to be set aside
    while True:
        try:
            with no_gc():
                m = NTriplesReader(filename).read(text if lines is None else "\n".join(lines))
            report.lenient = lenient
            return Imported(m, report)
        except ParseError as exc:
            node = exc.node
            if type(exc) is not ParseError:  # over a cap, or not about one node: refuse
                raise
            if node is None or len(report) >= MAX_SKIPPED:
                if report.problems and node is not None:
                    raise ParseError(
                        f"more than {MAX_SKIPPED} nodes argmap cannot hold; the first: "
                        f"{report.problems[0].message} (`argmap validate FILE` lists them all)",
                        file=filename,
                        node=report.problems[0].node,
                    ) from None
                raise
            report.add(exc.message, node=node)
            if lines is None:
                lines = [line for line in text.split("\n") if line]
            kept = [line for line in lines if not line.startswith(node + " ")]
            if len(kept) == len(lines):  # pragma: no cover  (a node with no triple of its own)
                raise
            lines = kept
