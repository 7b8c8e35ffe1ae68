"""Queries answered by a triple store, with the results the in-memory queries give.

One map (scoped to the map's current data graph with the protocol's default graph,
the same as ``FROM``):

* :func:`run_query` — any named query of :mod:`argmap.queries` (or query text), its
  parameters bound safely by :func:`argmap.queries.bind`; rows of plain values, as
  :func:`argmap.query.sparql.run_query` gives for rdflib and pyoxigraph;
* :func:`trace_sets` — the SPARQL twins of the trace, run in the store:
  equal to ``argmap.trace(m, root).to_sets()``;
* :func:`trace` — the full :class:`~argmap.query.Trace` (and so the ``argmap trace``
  JSON contract): the twins find the nodes of the trace, a few ``CONSTRUCT`` rounds
  fetch their triples and the nodes they name, and the in-memory trace runs on that
  small part of the map. Equal to ``argmap.trace(m, root)``;
* :func:`unsupported_sets` — the twin of :func:`argmap.query.unsupported`.

Every map of a store at once, computed in the store (no map is loaded into Python):

* :func:`recommendations_resting_on` — every recommendation resting on a premise that
  an actor asserts (query ``store_recommendations_by_actor``);
* :func:`shared_actors` — actors that appear in more than one map
  (query ``store_shared_actors``).

Both also accept maps instead of a store (``{graph IRI: map}`` or a list of maps, each
under its own IRI) and then answer in memory: the twins the tests hold equal.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.store import open_store, push
>>> a = ArgumentMap("a"); r = a.recommendation("Act.", id="r"); c = a.claim("Because.", id="c")
>>> _ = a.argue([c], r, id="arg")
>>> x = a.actor("Chamber", id="x", iri="https://example.org/chamber")
>>> _ = a.stance(x, "asserts", c)
>>> b = ArgumentMap("b"); _ = b.actor("Chamber", id="x", iri="https://example.org/chamber")
>>> store = open_store(None)
>>> _ = push(a, store); _ = push(b, store)
>>> shared_actors(store)
[SharedActor(actor='https://example.org/chamber', graphs=('https://w3id.org/argmap/map/a', 'https://w3id.org/argmap/map/b'))]
>>> shared_actors(store) == shared_actors([a, b])
True
>>> [r.recommendation for r in recommendations_resting_on(store, "https://example.org/chamber")]
['https://w3id.org/argmap/map/a/r']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from argmap.errors import NodeNotFound, QueryError
from argmap.namespace import NS
from argmap.queries import bind, sparql_term
from argmap.query.sparql import TraceSets, UnsupportedSets
from argmap.store.base import Store
from argmap.store.push import resolve

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.query.trace import Trace

__all__ = [
    "ActorRecommendation",
    "SharedActor",
    "recommendations_resting_on",
    "resolve_node",
    "run_query",
    "shared_actors",
    "trace",
    "trace_sets",
    "unsupported_sets",
]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
# Predicates by which a node names another node the map must hold.
_REFS = {
    NS + p
    for p in (
        "premise",
        "conclusion",
        "attacker",
        "target",
        "actor",
        "source",
        "issue",
        "author",
        "publisher",
        "about",
        "anchor",
    )
}
_VALUES_CHUNK = 200


@dataclass(frozen=True, order=True)
class ActorRecommendation:
    """A recommendation of the map stored as ``graph`` resting on ``premise``, which the
    actor asserts (IRIs)."""

    graph: str
    recommendation: str
    premise: str


@dataclass(frozen=True, order=True)
class SharedActor:
    """An actor IRI and the graph IRIs of the maps it appears in (sorted)."""

    actor: str
    graphs: tuple[str, ...]


def _plain(term: Any) -> Any:
    """A result term as a plain value: IRIs and strings as str, integers, booleans."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTS:
            return int(term.value)
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term.value)


def _data_graph(store: Store, graph: str) -> str:
    info = resolve(store, graph)
    return info.data_graph if info is not None else graph


def run_query(
    store: Store, name_or_text: str, graph: str | None = None, **params: Any
) -> list[dict[str, Any]]:
    """Run a named query (or query text) in ``store``; rows of plain values.

    ``graph`` scopes the query to the map stored under that graph IRI (its default
    graph becomes the map's data graph); without it the query sees the store's default
    graph and may name graphs itself. Parameters are bound by
    :func:`argmap.queries.bind`: IRIs are checked, literals escaped, nothing pasted.

    >>> from argmap import ArgumentMap
    >>> from argmap.store import open_store, push
    >>> m = ArgumentMap("q"); _ = m.recommendation("R.", id="r")
    >>> store = open_store(None); _ = push(m, store)
    >>> run_query(store, "unsupported", m.iri)
    [{'node': 'https://w3id.org/argmap/map/q/r', 'reason': 'no-argument'}]
    """
    text = bind(name_or_text, **params)
    default = _data_graph(store, graph) if graph is not None else None
    rows = store.select(text, default_graph=default)
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def _map_iri(store: Store, graph: str) -> str:
    info = resolve(store, graph)
    if info is not None and info.map_iri:
        return info.map_iri
    rows = run_query(
        store, f"SELECT ?m WHERE {{ ?m a {sparql_term(NS + 'ArgumentMap', iri=True)} }}", graph
    )
    if not rows:
        raise NodeNotFound(f"{store.location} holds no map under <{graph}>")
    return str(rows[0]["m"])


def resolve_node(store: Store, graph: str, ref: str) -> str:
    """The IRI of the node ``ref`` names in the map stored as ``graph``.

    ``ref`` is an IRI, an id, a statement's exact text, or a unique case-insensitive part
    of one statement's text, as :meth:`ArgumentMap.resolve` reads it.

    Raises:
        NodeNotFound: nothing (or more than one statement) answers to ``ref``.
    """
    from argmap.ids import iri_for

    am = f"<{NS}>"
    map_iri = _map_iri(store, graph)
    base = map_iri if map_iri.endswith(("/", "#")) else map_iri + "/"
    candidates = [ref] if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$", ref) else []
    candidates.append(iri_for(base, ref))
    values = " ".join(sparql_term(c, iri=True) for c in candidates if _iri_ok(c))
    literal = sparql_term(ref)
    exact = run_query(
        store,
        f"PREFIX am: {am}\nSELECT DISTINCT ?n WHERE {{\n"
        f"  {{ VALUES ?n {{ {values} }} ?n a ?kind }}\n"
        f"  UNION {{ ?n am:id {literal} }}\n"
        f"  UNION {{ ?n am:text {literal} }}\n}}",
        graph,
    )
    if len(exact) == 1:
        return str(exact[0]["n"])
    if not exact:
        kinds = " ".join(f"am:{k}" for k in ("Claim", "Evidence", "Recommendation"))
        part = run_query(
            store,
            f"PREFIX am: {am}\nSELECT DISTINCT ?n WHERE {{\n"
            f"  VALUES ?kind {{ {kinds} }} ?n a ?kind ; am:text ?text .\n"
            f"  FILTER (CONTAINS(LCASE(?text), LCASE({literal})))\n}}",
            graph,
        )
        if len(part) == 1:
            return str(part[0]["n"])
        exact = part
    if not exact:
        raise NodeNotFound(f"no node of <{graph}> at {store.location} answers to {ref!r}")
    names = ", ".join(sorted(str(r["n"]) for r in exact)[:5])
    raise NodeNotFound(f"{ref!r} names more than one node of <{graph}>: {names}")


def _iri_ok(value: str) -> bool:
    try:
        sparql_term(value, iri=True)
    except QueryError:
        return False
    return True


def _short(iri: str | None) -> str:
    if iri is not None and iri.startswith(NS):
        value = iri[len(NS) :]
        return value[0].lower() + value[1:]
    return iri or ""


_TWINS = (
    "trace_premises",
    "trace_basic_premises",
    "trace_evidence",
    "trace_arguments",
    "trace_actors",
    "trace_attacks",
    "trace_anchors",
)


def _twin_rows(store: Store, data: str, root_iri: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name in _TWINS:
        rows = store.select(bind(name, root=root_iri), default_graph=data)
        out[name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return out


def _sets(rows: dict[str, list[dict[str, Any]]]) -> TraceSets:
    arguments = rows["trace_arguments"]
    return TraceSets(
        premises=frozenset(r["premise"] for r in rows["trace_premises"]),
        basic_premises=frozenset(r["premise"] for r in rows["trace_basic_premises"]),
        evidence=frozenset(r["evidence"] for r in rows["trace_evidence"]),
        arguments=frozenset(r["argument"] for r in arguments),
        schemes=frozenset(r["scheme"] for r in arguments if r["scheme"] is not None),
        actors=frozenset((r["actor"], _short(r["role"]), r["node"]) for r in rows["trace_actors"]),
        attacks=frozenset(
            (r["attack"], r["attacker"], r["target"], _short(r["type"]), bool(r["answered"]))
            for r in rows["trace_attacks"]
        ),
        anchors=frozenset(
            (r["node"], r["source"], r["exact"], r["start"], r["end"])
            for r in rows["trace_anchors"]
        ),
    )


def trace_sets(store: Store, graph: str, root: str) -> TraceSets:
    """The trace of ``root`` (id, IRI or text) in the map stored as ``graph``, by the twins.

    Seven queries run in the store (``trace_premises``, ``trace_evidence``, ...); the
    result equals ``argmap.trace(m, root).to_sets()`` for the map ``m`` that was pushed.

    >>> from argmap import ArgumentMap, trace as trace_in_memory
    >>> from argmap.store import open_store, push
    >>> m = ArgumentMap("t"); r = m.recommendation("R.", id="r")
    >>> _ = m.argue([m.evidence("E.", id="e")], r, id="a")
    >>> store = open_store(None); _ = push(m, store)
    >>> trace_sets(store, m.iri, "r") == trace_in_memory(m, "r").to_sets()
    True
    """
    data = _data_graph(store, graph)
    return _sets(_twin_rows(store, data, resolve_node(store, graph, root)))


def unsupported_sets(store: Store, graph: str) -> UnsupportedSets:
    """The twin of :func:`argmap.query.unsupported` for the map stored as ``graph``."""
    rows = run_query(store, "unsupported", graph)
    return UnsupportedSets(
        no_argument=frozenset(r["node"] for r in rows if r["reason"] == "no-argument"),
        no_evidence=frozenset(r["node"] for r in rows if r["reason"] == "no-evidence"),
    )


# ---------------------------------------------------------------------- the full trace


def _construct(store: Store, data: str, iris: Iterable[str], pattern: str) -> list[bytes]:
    """``CONSTRUCT { ?n ?p ?o }`` where ``pattern`` binds ``?n`` from ``?x``, in chunks of
    ``VALUES ?x``."""
    out = []
    todo = sorted(iris)
    for i in range(0, len(todo), _VALUES_CHUNK):
        values = " ".join(sparql_term(v, iri=True) for v in todo[i : i + _VALUES_CHUNK])
        query = (
            f"PREFIX am: <{NS}>\nCONSTRUCT {{ ?n ?p ?o }} WHERE {{\n"
            f"  VALUES ?x {{ {values} }}\n  {pattern}\n  ?n ?p ?o .\n}}"
        )
        out.append(store.construct(query, default_graph=data))
    return out


def _refs(chunks: list[bytes]) -> tuple[set[str], set[str]]:
    """The subjects of the triples in ``chunks``, and the nodes they name."""
    subjects: set[str] = set()
    named: set[str] = set()
    for chunk in chunks:
        for t in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES):
            subjects.add(t.subject.value)
            if t.predicate.value in _REFS and isinstance(t.object, ox.NamedNode):
                named.add(t.object.value)
    return subjects, named


def _select_iris(store: Store, data: str, iris: Iterable[str], pattern: str) -> set[str]:
    """``?n`` of ``pattern`` (which binds ``?n`` from ``?x``), for ``?x`` in chunks of VALUES."""
    out: set[str] = set()
    todo = sorted(iris)
    for i in range(0, len(todo), _VALUES_CHUNK):
        values = " ".join(sparql_term(v, iri=True) for v in todo[i : i + _VALUES_CHUNK])
        rows = store.select(
            f"PREFIX am: <{NS}>\nSELECT DISTINCT ?n WHERE {{ VALUES ?x {{ {values} }} {pattern} }}",
            default_graph=data,
        )
        out |= {r["n"].value for r in rows if isinstance(r["n"], ox.NamedNode)}
    return out


def trace(store: Store, graph: str, root: str) -> Trace:
    """The :class:`~argmap.query.Trace` of ``root`` in the map stored as ``graph``.

    Only the part of the map the trace reads comes out of the store: the statements the
    root's support reaches (one property-path query), the arguments for them, the attacks
    and stances on those, the attacks on the attackers, and the nodes all of these name
    (sources, actors, anchors), fetched by ``CONSTRUCT``. The in-memory trace then runs on
    that part, so ``trace(store, g, r).to_dict()`` is the ``argmap trace`` JSON of the
    pushed map. (:func:`trace_sets` runs the SPARQL twins instead; the tests hold both to
    the in-memory answers.)

    Raises:
        NodeNotFound: ``root`` names no node (or several).
        QueryError: ``root`` is not a statement.
    """
    from argmap.query.trace import trace as trace_in_memory
    from argmap.rdf import from_ntriples

    data = _data_graph(store, graph)
    root_iri = resolve_node(store, graph, root)
    term = sparql_term(root_iri, iri=True)
    rows = store.select(
        f"PREFIX am: <{NS}>\nSELECT DISTINCT ?x WHERE {{ {term} (^am:conclusion/am:premise)+ ?x }}",
        default_graph=data,
    )
    statements = {root_iri} | {r["x"].value for r in rows if isinstance(r["x"], ox.NamedNode)}
    arguments = _select_iris(store, data, statements, "?n am:conclusion ?x .")
    # Attacks and stances both name what they are about with am:target.
    on = _select_iris(store, data, statements | arguments, "?n am:target ?x .")
    frontier = statements | arguments | on | {_map_iri(store, graph)}
    chunks: list[bytes] = []
    fetched: set[str] = set()
    attackers_done: set[str] = set()
    while frontier:
        new = _construct(store, data, frontier, "BIND (?x AS ?n)")
        chunks += new
        fetched |= frontier
        _, named = _refs(new)
        attackers = _attackers(new) - attackers_done
        if attackers:  # the attacks on them say whether an attack is answered, and by what
            attackers_done |= attackers
            named |= _select_iris(store, data, attackers, "?n am:target ?x ; a am:Attack .")
        frontier = named - fetched
    part = from_ntriples(b"".join(chunks), file=f"<{graph}> at {store.location}")
    return trace_in_memory(part, root_iri)


def _attackers(chunks: list[bytes]) -> set[str]:
    out: set[str] = set()
    for chunk in chunks:
        for t in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES):
            if t.predicate.value == NS + "attacker" and isinstance(t.object, ox.NamedNode):
                out.add(t.object.value)
    return out


# ---------------------------------------------------------------------- across maps


MapsOrStore = Store | Mapping[str, "ArgumentMap"] | Iterable["ArgumentMap"]


def _maps(source: Mapping[str, ArgumentMap] | Iterable[ArgumentMap]) -> dict[str, ArgumentMap]:
    if isinstance(source, Mapping):
        return dict(source)
    return {m.iri: m for m in source}


def recommendations_resting_on(source: MapsOrStore, actor: str) -> list[ActorRecommendation]:
    """Every recommendation, in every map, resting on a premise that ``actor`` asserts.

    ``source`` is a store (the query ``store_recommendations_by_actor`` runs there) or
    maps (``{graph IRI: map}``, or maps stored under their own IRIs), answered in memory.
    The actor matches by IRI or through ``owl:sameAs`` declared in the map. Sorted.
    """
    sparql_term(actor, iri=True)
    if isinstance(source, Store):
        rows = run_query(source, "store_recommendations_by_actor", actor=actor)
        return sorted(
            {ActorRecommendation(r["graph"], r["recommendation"], r["premise"]) for r in rows}
        )
    from argmap.query.trace import premises

    out: set[ActorRecommendation] = set()
    for graph, m in _maps(source).items():
        linked = m.get(actor)
        same = set(getattr(linked, "same_as", ())) if linked is not None else set()
        asserted: set[str] = set()
        for st in m.stances():
            if st.role != "asserts":
                continue
            who = m[st.actor]
            who_iri = m.iri_of(st.actor)
            if who_iri == actor or actor in who.same_as or who_iri in same:
                asserted.add(st.target)
        if not asserted:
            continue
        for rec in m.recommendations():
            for premise in set(premises(m, rec.id)) & asserted:
                out.add(ActorRecommendation(graph, m.iri_of(rec.id), m.iri_of(premise)))
    return sorted(out)


def shared_actors(source: MapsOrStore) -> list[SharedActor]:
    """Actors that appear in more than one map, with the graphs of those maps.

    ``source`` is a store (the query ``store_shared_actors`` runs there) or maps,
    answered in memory. An actor appears in a map under its IRI and under every IRI it
    is ``owl:sameAs``. Sorted by actor IRI.
    """
    if isinstance(source, Store):
        rows = run_query(source, "store_shared_actors")
        return sorted(
            SharedActor(r["actor"], tuple(sorted(str(r["graphs"]).split()))) for r in rows
        )
    where: dict[str, set[str]] = {}
    for graph, m in _maps(source).items():
        for a in m.actors():
            for iri in (m.iri_of(a.id), *a.same_as):
                where.setdefault(iri, set()).add(graph)
    return sorted(SharedActor(iri, tuple(sorted(gs))) for iri, gs in where.items() if len(gs) > 1)
