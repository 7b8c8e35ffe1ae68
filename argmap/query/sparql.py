"""The trace, answered by a SPARQL engine over the map's RDF: the in-memory trace's twin.

:func:`trace_sparql` runs argmap's named queries (:mod:`argmap.queries`) for one root
against an rdflib graph or a pyoxigraph store holding an exported map, and returns a
:class:`TraceSets`: the trace as sets of IRIs. :meth:`Trace.to_sets` gives the same
sets from the in-memory trace, so the two can be compared with ``==`` (the tests do, on
random maps and on every example map). :func:`unsupported_sparql` is the twin of
:func:`argmap.query.unsupported`.

rdflib gets the query prepared once, with the root bound through ``initBindings``;
pyoxigraph, which has no bindings argument, gets the root substituted as a checked IRI
constant (see :func:`argmap.queries.bind`). A pyoxigraph store is queried with its
default graph as the union of its named graphs, so a map loaded from TriG or N-Quads
(in its own named graph) answers the same as one loaded into the default graph.

Examples
--------
>>> from argmap import ArgumentMap, to_rdflib
>>> from argmap.query import trace
>>> m = ArgumentMap("s"); r = m.recommendation("R.", id="r")
>>> _ = m.argue([m.evidence("E.", id="e")], r, id="a")
>>> sets = trace_sparql(to_rdflib(m), m.iri_of("r"))
>>> sorted(sets.evidence)
['https://w3id.org/argmap/map/s/e']
>>> sets == trace(m, "r").to_sets()
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.errors import QueryError
from argmap.namespace import NS
from argmap.queries import bind, prepared
from argmap.vocab import INTEGER_TYPES, XSD

if TYPE_CHECKING:
    from argmap.query.support import Unsupported
    from argmap.query.trace import Trace

__all__ = [
    "TRACE_QUERIES",
    "TraceSets",
    "UnsupportedSets",
    "run_query",
    "trace_from_rows",
    "trace_sets",
    "trace_sparql",
    "unsupported_sets",
    "unsupported_sparql",
]



@dataclass(frozen=True)
class TraceSets:
    """A trace as sets of IRIs (and plain values), comparable across engines.

    ``actors`` holds ``(actor, role, node)`` with role ``asserts``/``endorses``;
    ``attacks`` holds ``(attack, attacker, target, type, answered)``; ``anchors`` holds
    ``(node, source, exact, start, end)``.
    """

    premises: frozenset[str]
    basic_premises: frozenset[str]
    evidence: frozenset[str]
    arguments: frozenset[str]
    schemes: frozenset[str]
    actors: frozenset[tuple[str, str, str]]
    attacks: frozenset[tuple[str, str, str, str, bool]]
    anchors: frozenset[tuple[str, str, str, int | None, int | None]]


@dataclass(frozen=True)
class UnsupportedSets:
    """:class:`~argmap.query.Unsupported` as sets of IRIs."""

    no_argument: frozenset[str]
    no_evidence: frozenset[str]


def _value(term: Any) -> Any:
    """A result term as a plain Python value: IRIs and strings as str, numbers, booleans."""
    if term is None:
        return None
    module = type(term).__module__.split(".")[0]
    kind = type(term).__name__
    if module == "rdflib":
        if kind == "Literal":
            datatype = str(term.datatype) if term.datatype else None
            text = str(term)
        else:
            return str(term)
    elif module == "pyoxigraph":
        if kind == "Literal":
            datatype = term.datatype.value
            text = term.value
        else:
            return str(term.value)
    else:
        return term
    if datatype in INTEGER_TYPES:
        return int(text)
    if datatype == XSD + "boolean":
        return text in ("true", "1")
    return text


def run_query(source: Any, name: str, **params: str) -> list[dict[str, Any]]:
    """Run a named query on an rdflib graph or a pyoxigraph store; rows of plain values.

    Parameters declared as IRIs in the query's header are given as IRI strings.

    >>> import pyoxigraph as ox
    >>> run_query(ox.Store(), "trace_premises", root="https://example.org/r")
    []
    """
    module = type(source).__module__.split(".")[0]
    if module == "rdflib" and hasattr(source, "query"):
        import rdflib

        bind(name, **params)  # checks the IRIs and the parameter names, as for any engine
        bindings = {k: rdflib.URIRef(v) for k, v in params.items()}
        result = source.query(prepared(name), initBindings=bindings)
        variables = [str(v) for v in result.vars or ()]
        return [{v: _value(row[i]) for i, v in enumerate(variables)} for row in result]
    if module == "pyoxigraph" and hasattr(source, "query"):
        text = bind(name, **params)
        solutions = source.query(text, use_default_graph_as_union=True)
        variables = [v.value for v in solutions.variables]
        return [{v: _value(sol[v]) for v in variables} for sol in solutions]
    raise QueryError(
        f"run_query: cannot query a {type(source).__name__}; give an rdflib Graph or a "
        "pyoxigraph Store (for a SPARQL endpoint, send argmap.queries.bind(...) text)"
    )


def _short(iri: str | None) -> str | None:
    if iri is not None and iri.startswith(NS):
        value = iri[len(NS) :]
        return value[0].lower() + value[1:]
    return iri


#: the queries (argmap/queries/*.rq) whose rows make a trace's sets, in the order they run
TRACE_QUERIES: tuple[str, ...] = (
    "trace_premises",
    "trace_basic_premises",
    "trace_evidence",
    "trace_arguments",
    "trace_actors",
    "trace_attacks",
    "trace_anchors",
)


def trace_from_rows(rows: Mapping[str, list[dict[str, Any]]]) -> TraceSets:
    """The sets of a trace from the rows of :data:`TRACE_QUERIES` (plain Python values), as
    any SPARQL engine answers them: rdflib, pyoxigraph, or a store."""
    arguments = rows["trace_arguments"]
    return TraceSets(
        premises=frozenset(r["premise"] for r in rows["trace_premises"]),
        basic_premises=frozenset(r["premise"] for r in rows["trace_basic_premises"]),
        evidence=frozenset(r["evidence"] for r in rows["trace_evidence"]),
        arguments=frozenset(r["argument"] for r in arguments),
        schemes=frozenset(r["scheme"] for r in arguments if r["scheme"] is not None),
        actors=frozenset(
            (r["actor"], _short(r["role"]) or "", r["node"]) for r in rows["trace_actors"]
        ),
        attacks=frozenset(
            (r["attack"], r["attacker"], r["target"], _short(r["type"]) or "", bool(r["answered"]))
            for r in rows["trace_attacks"]
        ),
        anchors=frozenset(
            (r["node"], r["source"], r["exact"], r["start"], r["end"])
            for r in rows["trace_anchors"]
        ),
    )


def trace_sparql(source: Any, root_iri: str) -> TraceSets:
    """The trace of ``root_iri`` computed by SPARQL over ``source`` (rdflib or pyoxigraph).

    Returns the same sets as ``trace(m, root).to_sets()`` on the map that was exported.
    """
    return trace_from_rows({name: run_query(source, name, root=root_iri) for name in TRACE_QUERIES})


def trace_sets(t: Trace) -> TraceSets:
    """The in-memory trace as :class:`TraceSets` (what :meth:`Trace.to_sets` returns).

    Read from the per-version tables of :mod:`argmap.query._tables`: the first conversion
    of a node works out its rows, later ones look them up.
    """
    return t.to_sets()


def unsupported_sparql(source: Any) -> UnsupportedSets:
    """The twin of :func:`argmap.query.unsupported`, as IRI sets, by SPARQL over ``source``.

    >>> from argmap import ArgumentMap, to_rdflib
    >>> m = ArgumentMap("u"); _ = m.recommendation("R.", id="r")
    >>> sorted(unsupported_sparql(to_rdflib(m)).no_argument)
    ['https://w3id.org/argmap/map/u/r']
    """
    rows = run_query(source, "unsupported")
    return UnsupportedSets(
        no_argument=frozenset(r["node"] for r in rows if r["reason"] == "no-argument"),
        no_evidence=frozenset(r["node"] for r in rows if r["reason"] == "no-evidence"),
    )


def unsupported_sets(m: Any, result: Unsupported) -> UnsupportedSets:
    """An in-memory :class:`~argmap.query.Unsupported` as IRI sets of map ``m``."""
    return UnsupportedSets(
        no_argument=frozenset(m.iri_of(i) for i in result.no_argument),
        no_evidence=frozenset(m.iri_of(i) for i in result.no_evidence),
    )
