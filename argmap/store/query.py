"""Queries answered by a triple store, with the results the in-memory queries give.

One map (scoped to the map's current data graph with the protocol's default graph,
the same as ``FROM``):

* :func:`run_query` — any named query of :mod:`argmap.queries` (or query text), its
  parameters bound safely by :func:`argmap.queries.bind`; rows of plain values, as
  :func:`argmap.query.sparql.run_query` gives for rdflib and pyoxigraph;
* :func:`trace_sets` — the SPARQL twins of the trace, run in the store:
  equal to ``argmap.trace(m, root).to_sets()``;
* :func:`trace` — the full :class:`~argmap.query.Trace` (and so the ``argmap trace``
  JSON contract): one walk from the root finds the nodes of the trace, a few
  ``CONSTRUCT`` rounds fetch their triples and the nodes they name, and the in-memory
  trace runs on that small part of the map. Equal to ``argmap.trace(m, root)``;
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
from argmap.queries import bind, load_query, sparql_term
from argmap.query.sparql import TRACE_QUERIES, TraceSets, UnsupportedSets, trace_from_rows
from argmap.store.base import Store
from argmap.store.embedded import EmbeddedStore
from argmap.store.push import GraphInfo, resolve
from argmap.store.traces import stored_trace
from argmap.vocab import INTEGER_TYPES, MULTI_REFERENCES, SINGLE_REFERENCES, XSD

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

# Predicates by which a node names another node the map must hold.
_REFS = {
    NS + p for p in (*SINGLE_REFERENCES.values(), *MULTI_REFERENCES.values(), "about", "anchor")
}


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
        if datatype in INTEGER_TYPES:
            return int(term.value)
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term.value)


@dataclass(frozen=True)
class _Scope:
    """Where the map stored as ``graph`` is: its data graph, and its catalog entry."""

    graph: str
    data: str
    info: GraphInfo | None


def _scope(store: Store, graph: str) -> _Scope:
    info = resolve(store, graph)
    return _Scope(graph, info.data_graph if info is not None else graph, info)


def _data_graph(store: Store, graph: str) -> str:
    return _scope(store, graph).data


def run_query(
    store: Store,
    name_or_text: str,
    graph: str | None = None,
    *,
    allow_service: bool | None = None,
    **params: Any,
) -> list[dict[str, Any]]:
    """Run a named query (or query text) in ``store``; rows of plain values.

    ``graph`` scopes the query to the map stored under that graph IRI (its default
    graph becomes the map's data graph); without it the query sees the store's default
    graph and may name graphs itself. Parameters are bound by
    :func:`argmap.queries.bind`: IRIs are checked, literals escaped, nothing pasted.

    On an embedded store a ``SERVICE`` clause (an HTTP request to another server) is
    refused with :class:`~argmap.errors.QuerySyntaxError` unless ``allow_service=True``
    here or when the store was opened (default: the store's setting). A server store
    decides for itself. Text that is not SPARQL raises
    :class:`~argmap.errors.QuerySyntaxError` too.

    >>> from argmap import ArgumentMap
    >>> from argmap.store import open_store, push
    >>> m = ArgumentMap("q"); _ = m.recommendation("R.", id="r")
    >>> store = open_store(None); _ = push(m, store)
    >>> run_query(store, "unsupported", m.iri)
    [{'node': 'https://w3id.org/argmap/map/q/r', 'reason': 'no-argument'}]
    """
    text = bind(name_or_text, **params)
    default = _data_graph(store, graph) if graph is not None else None
    if allow_service is not None and isinstance(store, EmbeddedStore):
        rows = store.select(text, default_graph=default, allow_service=allow_service)
    else:
        rows = store.select(text, default_graph=default)
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def _map_iri(store: Store, scope: _Scope) -> str:
    if scope.info is not None and scope.info.map_iri:
        return scope.info.map_iri
    rows = store.select(
        f"SELECT ?m WHERE {{ ?m a {sparql_term(NS + 'ArgumentMap', iri=True)} }}",
        default_graph=scope.data,
    )
    if not rows or not isinstance(rows[0].get("m"), ox.NamedNode):
        raise NodeNotFound(f"{store.location} holds no map under <{scope.graph}>")
    return str(rows[0]["m"].value)


def resolve_node(store: Store, graph: str, ref: str) -> str:
    """The IRI of the node ``ref`` names in the map stored as ``graph``.

    ``ref`` is an IRI, an id, a statement's exact text, or a unique case-insensitive part
    of one statement's text, as :meth:`ArgumentMap.resolve` reads it.

    Raises:
        NodeNotFound: nothing (or more than one statement) answers to ``ref``.
    """
    return _resolve_node(store, _scope(store, graph), ref)


def _resolve_node(store: Store, scope: _Scope, ref: str) -> str:
    from argmap.ids import iri_for

    am = f"<{NS}>"
    graph = scope.graph
    map_iri = _map_iri(store, scope)
    base = map_iri if map_iri.endswith(("/", "#")) else map_iri + "/"
    candidates = [ref] if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$", ref) else []
    candidates.append(iri_for(base, ref))
    values = " ".join(sparql_term(c, iri=True) for c in candidates if _iri_ok(c))
    literal = sparql_term(ref)
    exact = _rows(
        store,
        f"PREFIX am: {am}\nSELECT DISTINCT ?n WHERE {{\n"
        f"  {{ VALUES ?n {{ {values} }} ?n a ?kind }}\n"
        f"  UNION {{ ?n am:id {literal} }}\n"
        f"  UNION {{ ?n am:text {literal} }}\n}}",
        scope.data,
    )
    if len(exact) == 1:
        return str(exact[0]["n"])
    if not exact:
        kinds = " ".join(f"am:{k}" for k in ("Claim", "Evidence", "Recommendation"))
        part = _rows(
            store,
            f"PREFIX am: {am}\nSELECT DISTINCT ?n WHERE {{\n"
            f"  VALUES ?kind {{ {kinds} }} ?n a ?kind ; am:text ?text .\n"
            f"  FILTER (CONTAINS(LCASE(?text), LCASE({literal})))\n}}",
            scope.data,
        )
        if len(part) == 1:
            return str(part[0]["n"])
        exact = part
    if not exact:
        raise NodeNotFound(f"no node of <{graph}> at {store.location} answers to {ref!r}")
    names = ", ".join(sorted(str(r["n"]) for r in exact)[:5])
    raise NodeNotFound(f"{ref!r} names more than one node of <{graph}>: {names}")


def _rows(store: Store, text: str, data: str) -> list[dict[str, Any]]:
    return [
        {k: _plain(v) for k, v in row.items()} for row in store.select(text, default_graph=data)
    ]


def _iri_ok(value: str) -> bool:
    try:
        sparql_term(value, iri=True)
    except QueryError:
        return False
    return True


def _twin_rows(store: Store, data: str, root_iri: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name in TRACE_QUERIES:
        rows = store.select(bind(name, root=root_iri), default_graph=data)
        out[name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return out


def trace_sets(store: Store, graph: str, root: str) -> TraceSets:
    """The trace of ``root`` (id, IRI or text) in the map stored as ``graph``, by the twins.

    Seven queries run in the store (``trace_premises``, ``trace_evidence``, ...); the
    result equals ``argmap.trace(m, root).to_sets()`` for the map ``m`` that was pushed.
    Where the dialect says not to (:attr:`~argmap.store.dialects.Dialect.trace_twins`,
    Virtuoso 7.2) the sets come from :func:`trace` instead (plain ``CONSTRUCT`` fetches of
    the part the trace reads; docs/stores.md).

    >>> from argmap import ArgumentMap, trace as trace_in_memory
    >>> from argmap.store import open_store, push
    >>> m = ArgumentMap("t"); r = m.recommendation("R.", id="r")
    >>> _ = m.argue([m.evidence("E.", id="e")], r, id="a")
    >>> store = open_store(None); _ = push(m, store)
    >>> trace_sets(store, m.iri, "r") == trace_in_memory(m, "r").to_sets()
    True
    """
    if not store.dialect.trace_twins:  # see Dialect.trace_twins
        return trace(store, graph, root).to_sets()
    scope = _scope(store, graph)
    return trace_from_rows(_twin_rows(store, scope.data, _resolve_node(store, scope, root)))


def unsupported_sets(store: Store, graph: str) -> UnsupportedSets:
    """The twin of :func:`argmap.query.unsupported` for the map stored as ``graph``.

    The ``unsupported`` query walks the support of every recommendation with a property
    path that starts from a variable. A server whose dialect does not trust its own
    transitive paths (Virtuoso 7.2, see :mod:`argmap.store.dialects`) is asked the
    ``no-evidence`` half one recommendation at a time instead, from the recommendation
    as a constant, so that argmap walks the path in plain joins.
    """
    if store.dialect.transitive_paths:
        rows = run_query(store, "unsupported", graph)
        return UnsupportedSets(
            no_argument=frozenset(r["node"] for r in rows if r["reason"] == "no-argument"),
            no_evidence=frozenset(r["node"] for r in rows if r["reason"] == "no-evidence"),
        )
    rows = run_query(store, _NO_ARGUMENT, graph)
    argued = run_query(store, _ARGUED_RECOMMENDATIONS, graph)
    return UnsupportedSets(
        no_argument=frozenset(r["node"] for r in rows),
        no_evidence=frozenset(
            r["node"]
            for r in argued
            if not run_query(store, _EVIDENCE_UNDER, graph, root=ox.NamedNode(r["node"]))
        ),
    )


# The halves of ``unsupported`` for servers that walk no path from a variable.
_NO_ARGUMENT = f"""PREFIX am: <{NS}>
SELECT DISTINCT ?node WHERE {{
  VALUES ?class {{ am:Claim am:Recommendation }}
  ?node a ?class .
  FILTER NOT EXISTS {{ ?argument am:conclusion ?node }}
}}"""
_ARGUED_RECOMMENDATIONS = f"""PREFIX am: <{NS}>
SELECT DISTINCT ?node WHERE {{ ?node a am:Recommendation . ?argument am:conclusion ?node }}"""
_EVIDENCE_UNDER = f"""PREFIX am: <{NS}>
SELECT DISTINCT ?evidence WHERE {{
  $root (^am:conclusion/am:premise)+ ?evidence . ?evidence a am:Evidence .
}}"""


# ---------------------------------------------------------------------- the full trace

# The part of a map the trace of <root> reads starts with the statements its support
# reaches (the root included) and the arguments concluding in them: one walk, from the
# constant root (a server that cannot be trusted with it gets it done by argmap, see
# argmap.store.dialects).
_TRACE_NODES = """PREFIX am: <{ns}>
SELECT DISTINCT ?x WHERE {{ {root} (^am:conclusion/am:premise)*/(^am:conclusion)? ?x }}"""
# Then the triples of given nodes, and of what targets them: attacks and stances (both
# name what they are about with am:target), or attacks only (``am:attacker``). Each
# branch holds its own VALUES, so no server has to carry bindings into a UNION.
_TRACE_FETCH = """PREFIX am: <{ns}>
CONSTRUCT {{ ?n ?p ?o }} WHERE {{
  {{ VALUES ?n {{ {values} }} ?n ?p ?o }}
  UNION {{ VALUES ?x {{ {values} }} ?n am:target ?x . {attacks}?n ?p ?o }}
}}"""
# The attacks on given attacks (an attack on an attack answers it), without the triples
# of the given attacks themselves (already fetched).
_ATTACKS_ON_FETCH = """PREFIX am: <{ns}>
CONSTRUCT {{ ?n ?p ?o }} WHERE {{
  VALUES ?x {{ {values} }} ?n am:target ?x . ?n am:attacker ?by . ?n ?p ?o
}}"""
_ATTACK_LINE = re.compile(rb"^<([^>]*)>[ \t]+<" + re.escape(NS.encode()) + rb"attacker>[ \t]")
# After a line's subject: an argmap predicate by which a node names another, and that node.
_REF_AFTER_SUBJECT = re.compile(
    rb"[ \t]+<"
    + re.escape(NS.encode())
    + rb"(?:"
    + b"|".join(sorted(p[len(NS) :].encode() for p in _REFS))
    + rb")>[ \t]+<([^>]*)>"
)


def _scan(chunk: bytes) -> tuple[set[str], set[str]]:
    """The subjects of the N-Triples in ``chunk`` (each fetched with all its triples) and
    the nodes they name by argmap's reference predicates."""
    subjects: set[bytes] = set()
    named: set[bytes] = set()
    ref = _REF_AFTER_SUBJECT.match
    for line in chunk.split(b"\n"):
        if line[:1] != b"<":
            continue
        end = line.find(b">")
        subjects.add(line[1:end])
        found = ref(line, end + 1)
        if found is not None:
            named.add(found.group(1))
    if any(b"\\" in iri for iri in subjects | named):
        # an escape in an IRI (rare): let the parser read them all
        triples = list(ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES))
        return (
            {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)},
            {
                t.object.value
                for t in triples
                if t.predicate.value in _REFS and isinstance(t.object, ox.NamedNode)
            },
        )
    return {s.decode() for s in subjects}, {n.decode() for n in named}


def trace(store: Store, graph: str, root: str, *, precomputed: bool = True) -> Trace:
    """The :class:`~argmap.query.Trace` of ``root`` in the map stored as ``graph``.

    When the current version of ``graph`` was pushed with its traces (the default of
    :func:`argmap.store.push`) and ``root`` is a recommendation named by its id or IRI,
    the trace stored for it is read with one request (:mod:`argmap.store.traces`;
    ``precomputed=False`` skips it). Otherwise, the live path:
    Only the part of the map the trace reads comes out of the store, by ``CONSTRUCT``:
    first the statements the root's support reaches, the arguments for them and the
    attacks and stances on those (one query), then, until nothing new is named, the
    nodes these name (sources, actors, anchors, attackers, the map itself) and the
    attacks on them, and the attacks on the attacks fetched (one query a round, usually
    three rounds). The in-memory trace then
    runs on that part (with the types the whole map gives the attacks on the root), so ``trace(store, g, r).to_dict()`` is the ``argmap trace`` JSON
    of the pushed map. (:func:`trace_sets` runs the SPARQL twins instead; the tests hold
    both to the in-memory answers.)

    Raises:
        NodeNotFound: ``root`` names no node (or several).
        QueryError: ``root`` is not a statement.
    """
    if precomputed:
        stored = stored_trace(store, graph, root)
        if stored is not None:
            return stored
    return _live_trace(store, graph, root)


def _live_trace(store: Store, graph: str, root: str) -> Trace:
    from argmap.query.trace import support_index
    from argmap.query.trace import trace as trace_in_memory
    from argmap.rdf import from_ntriples

    scope = _scope(store, graph)
    root_iri = _resolve_node(store, scope, root)
    rows = store.select(
        _TRACE_NODES.format(ns=NS, root=sparql_term(root_iri, iri=True)),
        default_graph=scope.data,
    )
    frontier = {root_iri} | {r["x"].value for r in rows if isinstance(r["x"], ox.NamedNode)}
    # the nodes of the trace, what targets them; then, until nothing new is named, the
    # nodes named so far and the attacks on them (an attack is answered when its attacker
    # is attacked)
    chunks = _fetch(store, scope.data, frontier, attacks_only=False)
    fetched = set(frontier)
    frontier = {_map_iri(store, scope)}
    new = chunks
    asked: set[str] = set()  # attacks whose own attackers were asked for
    while True:
        attacks: set[str] = set()
        for chunk in new:
            subjects, named = _scan(chunk)
            fetched |= subjects
            frontier |= named
            attacks |= _attack_subjects(chunk)
        frontier -= fetched
        attacks -= asked
        if not frontier and not attacks:
            break
        new = _fetch(store, scope.data, frontier, attacks_only=True) if frontier else []
        if attacks:
            new += _fetch(store, scope.data, attacks, attacks_only=True, own=False)
            asked |= attacks
        chunks += new
        fetched |= frontier
        frontier = set()
    part = from_ntriples(b"".join(chunks), file=f"<{graph}> at {store.location}")
    found = trace_in_memory(part, root_iri)
    ix = support_index(part)
    # An attack on the root whose type the map derives: an undermine when the root, with
    # no argument of its own, is a premise of some argument of the whole map, which the
    # part (the root's support, not what rests on it) does not hold.
    derived = [t.id for t in ix.attacks_on(found.root) if t.attack_type is None]
    if (
        derived
        and not ix.args_for[found._root]
        and store.ask(
            f"ASK {{ ?a {sparql_term(NS + 'premise', iri=True)} {sparql_term(root_iri, iri=True)} }}",
            default_graph=scope.data,
        )
    ):
        for attack_id in derived:
            ix.attack_types[attack_id] = "undermine"
    return found


def _fetch(
    store: Store, data: str, nodes: set[str], *, attacks_only: bool, own: bool = True
) -> list[bytes]:
    """N-Triples of ``nodes`` (unless not ``own``) and of the attacks (and stances) on
    them, in batches."""
    todo = sorted(nodes)
    batch = max(1, store.dialect.values_batch)
    out = []
    for i in range(0, len(todo), batch):
        values = " ".join(sparql_term(v, iri=True) for v in todo[i : i + batch])
        if own:
            query = _TRACE_FETCH.format(
                ns=NS, values=values, attacks="?n am:attacker ?by . " if attacks_only else ""
            )
        else:
            query = _ATTACKS_ON_FETCH.format(ns=NS, values=values)
        out.append(store.construct(query, default_graph=data))
    return out


def _attack_subjects(chunk: bytes) -> set[str]:
    """The subjects of ``chunk`` that name an attacker: the attacks fetched."""
    found = set()
    for line in chunk.split(b"\n"):
        hit = _ATTACK_LINE.match(line)
        if hit is not None:
            found.add(hit.group(1).decode())
    return found


# ---------------------------------------------------------------------- across maps


MapsOrStore = Store | Mapping[str, "ArgumentMap"] | Iterable["ArgumentMap"]


def _maps(source: Mapping[str, ArgumentMap] | Iterable[ArgumentMap]) -> dict[str, ArgumentMap]:
    if isinstance(source, Mapping):
        return dict(source)
    return {m.iri: m for m in source}


_WHO_UNION = """    { BIND ($actor AS ?who) }
    UNION
    { ?who owl:sameAs $actor }
    UNION
    { $actor owl:sameAs ?who }
"""


def _actor_branches() -> list[str]:
    """``store_recommendations_by_actor`` as three queries, one per way the actor matches.

    Virtuoso 7.2 loses rows when the actor is bound inside a UNION (seen after a few
    hundred pushes, and by the corpus questions); each branch alone is a plain join. The
    rows of the three are the rows of the one query.
    """
    text = load_query("store_recommendations_by_actor")
    assert _WHO_UNION in text, "store_recommendations_by_actor.rq changed its actor block"
    by_iri = text.replace(_WHO_UNION, "").replace(
        "?stance am:actor ?who", "?stance am:actor $actor"
    )
    return [
        by_iri,
        text.replace(_WHO_UNION, "    ?who owl:sameAs $actor .\n"),
        text.replace(_WHO_UNION, "    $actor owl:sameAs ?who .\n"),
    ]


_ASSERTED_BY = """PREFIX am: <https://w3id.org/argmap/ns#>
PREFIX st: <https://w3id.org/argmap/store#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?graph ?premise WHERE {{
  GRAPH <https://w3id.org/argmap/store/catalog> {{ ?graph st:current ?data }}
  GRAPH ?data {{
    {alias}
    ?stance am:actor {who} ; am:role am:Asserts ; am:target ?premise .
  }}
}}"""
# the three ways an actor matches in a map, each a query of its own (see _actor_branches)
_WHO = (("", "$actor"), ("?who owl:sameAs $actor .", "?who"), ("$actor owl:sameAs ?who .", "?who"))
_RECOMMENDATIONS_ABOVE = """PREFIX am: <https://w3id.org/argmap/ns#>
SELECT DISTINCT ?recommendation WHERE {
  $premise (^am:premise/am:conclusion)+ ?recommendation .
  ?recommendation a am:Recommendation .
  FILTER (?recommendation != $premise)
}"""


def _resting_on_by_steps(store: Store, actor: str) -> list[ActorRecommendation]:
    """:func:`recommendations_resting_on` for a server whose transitive paths argmap walks
    itself (Virtuoso 7.2): the premises the actor asserts in each map (by IRI, or through
    ``owl:sameAs`` declared in that map), by plain joins; then the recommendations above
    each premise, walked from the premise as a constant in its own map. (The one-query
    form starts the path from a variable, and Virtuoso's path engine loses rows of it in
    some of the plans it picks.)"""
    asserted = {
        (r["graph"], r["premise"])
        for alias, who in _WHO
        for r in run_query(
            store, _ASSERTED_BY.format(alias=alias, who=who), actor=ox.NamedNode(actor)
        )
    }
    out: set[ActorRecommendation] = set()
    for graph, premise in sorted(asserted):
        for r in run_query(store, _RECOMMENDATIONS_ABOVE, graph, premise=ox.NamedNode(premise)):
            out.add(ActorRecommendation(graph, r["recommendation"], premise))
    return sorted(out)


def recommendations_resting_on(source: MapsOrStore, actor: str) -> list[ActorRecommendation]:
    """Every recommendation, in every map, resting on a premise that ``actor`` asserts.

    ``source`` is a store (the query ``store_recommendations_by_actor`` runs there) or
    maps (``{graph IRI: map}``, or maps stored under their own IRIs), answered in memory.
    The actor matches by IRI or through ``owl:sameAs`` declared in the map. Sorted.
    """
    sparql_term(actor, iri=True)
    if isinstance(source, Store):
        if not source.dialect.transitive_paths:
            return _resting_on_by_steps(source, actor)
        rows = [
            row
            for text in _actor_branches()
            for row in run_query(source, text, actor=ox.NamedNode(actor))
        ]
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
