"""Questions across the maps of a corpus, answered in the store or in memory, equally.

Each question takes a *source*: a :class:`~argmap.corpus.Corpus` or a
:class:`~argmap.store.Store` (answered by SPARQL in the store, over each map's current
graph and the corpus graph), or maps in memory (``{graph IRI: map}``, or maps under
their own IRIs). The tests hold the two answers equal on random corpora. Results are
:class:`Rows`: lists of frozen dataclass rows, sorted, with ``to_frame()`` (pandas) and
``to_json()``.

* :func:`totals` — nodes by kind, per map;
* :func:`ratios` — arguments (support) against attacks, per map;
* :func:`shared_actors` — actors in more than one map, by normalised name and by IRI
  (``same_as``);
* :func:`shared_statements` — statements in more than one map, the same two ways;
* :func:`schemes` — argument schemes by frequency;
* :func:`resting_on` — every conclusion (recommendations included), in any map, resting
  at any depth on a premise that an actor (an IRI, or a name) asserts;
* :func:`unanswered_attacks` — where a statement (an IRI, or a text) is attacked and
  the attack is unanswered: nothing attacks the attack or any of its attackers.

Names and texts match by :func:`~argmap.corpus.index.normalise`; in a store through the
corpus index written when a map is added (:mod:`argmap.corpus.index`): per-map counts
and schemes, each actor's and statement's key, and marks on the keys found in several
maps, so that no question scans every node of the corpus. A map whose current version
has no index (pushed outside the corpus) is pulled and answered in memory.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.corpus import Corpus
>>> a = ArgumentMap("a"); _ = a.actor("Russia", id="r"); _ = a.claim("It is.", id="c")
>>> b = ArgumentMap("b"); _ = b.actor("russia ", id="x"); _ = b.claim("it is", id="d")
>>> corpus = Corpus(); _ = corpus.add(a); _ = corpus.add(b)
>>> [(s.key, s.by, len(s.graphs)) for s in shared_actors(corpus)]
[('russia', 'name', 2)]
>>> shared_statements(corpus) == shared_statements([a, b])
True
>>> totals(corpus)[0].actors
1
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from argmap.corpus import digest as _digest
from argmap.corpus.index import (
    CORPUS,
    COUNTS,
    CX,
    conclusions_resting_on,
    key_iri,
    normalise,
    support_up,
)
from argmap.corpus.load import Corpus
from argmap.corpus.rows import (
    MapTotals,
    Ratio,
    RestingOn,
    Rows,
    SchemeCount,
    Shared,
    Unanswered,
)
from argmap.corpus.write import current_data
from argmap.errors import QueryError
from argmap.queries import sparql_term
from argmap.store import CATALOG, Store, pull, run_query
from argmap.util import no_gc

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "MapTotals",
    "Ratio",
    "RestingOn",
    "Rows",
    "SchemeCount",
    "Shared",
    "Source",
    "Unanswered",
    "ratios",
    "resting_on",
    "schemes",
    "shared_actors",
    "shared_statements",
    "totals",
    "unanswered_attacks",
]

T = TypeVar("T")
Source = Corpus | Store | Mapping[str, "ArgumentMap"] | Iterable["ArgumentMap"]

_AM = "https://w3id.org/argmap/ns#"
_ST = "https://w3id.org/argmap/store#"
_OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
_PREFIXES = f"PREFIX am: <{_AM}>\nPREFIX st: <{_ST}>\nPREFIX cx: <{CX}>\nPREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
_CURRENT = f"GRAPH <{CATALOG}> {{ ?graph st:current ?data }}"
_STATEMENT_TYPES = "VALUES ?type { am:Claim am:Evidence am:Recommendation }"


def _store(source: Source) -> Store | None:
    if isinstance(source, Corpus):
        return source.store
    if isinstance(source, Store):
        return source
    return None


def _maps(source: Source) -> dict[str, ArgumentMap]:
    if isinstance(source, Mapping):
        return dict(source)
    return {m.iri: m for m in cast("Iterable[ArgumentMap]", source)}


def _select(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    return run_query(store, _PREFIXES + text, **params)


def _raw(store: Store, text: str) -> list[dict[str, Any]]:
    """Rows of pyoxigraph terms (no conversion: the large answers)."""
    return store.select(_PREFIXES + text)


def _is_iri(ref: str) -> bool:
    """Whether a question reads ``ref`` as an IRI: a scheme, a colon, something after it,
    no spaces, and nothing a store cannot hold (``Note:`` or ``a:<b>`` are names)."""
    scheme, colon, rest = ref.partition(":")
    if not (colon and rest and scheme.isalpha()) or any(c.isspace() for c in ref):
        return False
    try:
        sparql_term(ref, iri=True)
    except QueryError:
        return False
    return True


_INDEXED = f"{_CURRENT} GRAPH <{CORPUS}> {{ ?data cx:index ?ix }}"


def _unindexed(store: Store) -> dict[str, ArgumentMap]:
    """The maps whose current version has no corpus index (pulled), usually none."""
    if _digest.read(store) is not None:  # the digests list every current map
        return {}
    rows = _raw(
        store,
        f"SELECT ?total ?indexed WHERE {{ {{ SELECT (COUNT(?data) AS ?total) WHERE {{ {_CURRENT} }} }} "
        f"UNION {{ SELECT (COUNT(?data) AS ?indexed) WHERE {{ {_INDEXED} }} }} }}",
    )
    counts = {
        k: int(r[k].value) for r in rows for k in ("total", "indexed") if r.get(k) is not None
    }
    if counts.get("total", -1) == counts.get("indexed", -2):
        return {}
    rows = _raw(store, f"SELECT ?graph ?data WHERE {{ {_INDEXED} }}")
    have = {(r["graph"].value, r["data"].value) for r in rows}
    return {g: pull(store, g) for g, d in current_data(store).items() if (g, d) not in have}


# ------------------------------------------------------------------ totals and ratios

_KINDS = {
    "Claim": "claims",
    "Evidence": "evidence",
    "Recommendation": "recommendations",
    "Actor": "actors",
    "Alternative": "alternatives",
    "Issue": "issues",
    "Argument": "arguments",
    "Attack": "attacks",
    "Stance": "stances",
}


def _totals_row(graph: str, c: Mapping[str, int]) -> MapTotals:
    return MapTotals(
        graph,
        c["claims"] + c["evidence"] + c["recommendations"],
        *(c[k] for k in _KINDS.values()),
    )


def _memory_counts(maps: Mapping[str, ArgumentMap]) -> dict[str, dict[str, int]]:
    out = {}
    for graph, m in maps.items():
        c = m.counts()
        out[graph] = {plural: c[kind.lower()] for kind, plural in _KINDS.items()}
    return out


def totals(source: Source, *, scan: bool = False) -> Rows[MapTotals]:
    """Nodes by kind in each map, sorted by graph (every map, even an empty one).

    In a store, each map's counts come from the corpus index (one small line a map);
    a map without an index, or every map with ``scan=True``, is counted in its graph.
    """
    store = _store(source)
    if store is None:
        counts = _memory_counts(_maps(source))
    elif scan:
        counts = _scan_counts(store)
    elif (d := _digest.read(store)) is not None:
        digest = d
        return Rows(
            digest.cached(
                ("totals",),
                lambda: [_totals_row(g, digest.maps[g].counts) for g in sorted(digest.maps)],
            )
        )
    else:
        rows = _raw(
            store,
            f"SELECT ?graph ?counts WHERE {{ {_CURRENT} GRAPH <{CORPUS}> {{ ?data cx:counts ?counts }} }}",
        )
        counts = {}
        for r in rows:
            values = r["counts"].value.split()
            counts[r["graph"].value] = dict(
                zip(list(COUNTS.values()), map(int, values), strict=True)
            )
        counts.update(_memory_counts(_unindexed(store)))
    return Rows(_totals_row(g, counts[g]) for g in sorted(counts))


def _scan_counts(store: Store) -> dict[str, dict[str, int]]:
    zero = dict.fromkeys(_KINDS.values(), 0)
    counts = {g: dict(zero) for g in current_data(store)}
    values = " ".join(f"am:{k}" for k in _KINDS)
    rows = _select(
        store,
        f"SELECT ?graph ?type (COUNT(DISTINCT ?n) AS ?count) WHERE {{ {_CURRENT} "
        f"GRAPH ?data {{ ?n a ?type . VALUES ?type {{ {values} }} }} }} GROUP BY ?graph ?type",
    )
    for r in rows:
        counts[r["graph"]][_KINDS[r["type"].removeprefix(_AM)]] = int(r["count"])
    return counts


def ratios(source: Source) -> Rows[Ratio]:
    """Arguments against attacks in each map (ratio = arguments / attacks)."""

    def compute() -> list[Ratio]:
        return [
            Ratio(t.graph, t.arguments, t.attacks, t.arguments / t.attacks if t.attacks else None)
            for t in totals(source)
        ]

    return Rows(_cached(source, ("ratios",), compute))


def _cached(source: Source, key: tuple[str, ...], compute: Callable[[], list[T]]) -> list[T]:
    """``compute()``, kept with the corpus's digest while the corpus does not change (in
    a store the digests describe exactly; computed afresh otherwise)."""
    store = _store(source)
    d = _digest.read(store) if store is not None else None
    with no_gc():  # tens of thousands of rows, no cycles: the collector's passes cost a third
        if store is None or d is None:
            return compute()
        with _digest.pinned(store, d):  # the digest is read once a question
            return cast("list[T]", d.cached(key, compute))


def schemes(source: Source) -> Rows[SchemeCount]:
    """Argument schemes, most frequent first (then by name); arguments without one left out."""
    return Rows(_cached(source, ("schemes",), lambda: _schemes(source)))


def _schemes(source: Source) -> list[SchemeCount]:
    store = _store(source)
    count: dict[str, tuple[int, set[str]]] = {}

    def add(graph: str, scheme: str, n: int) -> None:
        total, gs = count.get(scheme, (0, set()))
        gs.add(graph)
        count[scheme] = (total + n, gs)

    maps = _maps(source) if store is None else {}
    d = _digest.read(store) if store is not None else None
    if d is not None:
        for graph, line in d.maps.items():
            for scheme, n in line.schemes.items():
                add(graph, scheme, n)
    elif store is not None:
        rows = _raw(
            store,
            f"SELECT ?graph ?schemes WHERE {{ {_CURRENT} GRAPH <{CORPUS}> {{ ?data cx:schemes ?schemes }} }}",
        )
        for r in rows:
            text = r["schemes"].value
            if text != "{}":
                for scheme, n in json.loads(text).items():
                    add(r["graph"].value, scheme, n)
        maps = _unindexed(store)
    for graph, m in maps.items():
        for a in m.arguments():
            if a.scheme is not None:
                add(graph, a.scheme, 1)
    out = [SchemeCount(s, n, len(gs)) for s, (n, gs) in count.items()]
    return sorted(out, key=lambda r: (-r.arguments, r.scheme))


# ------------------------------------------------------------------ shared across maps


def _shared(where: dict[tuple[str, str], set[str]]) -> Rows[Shared]:
    return Rows(
        sorted(Shared(k, by, tuple(sorted(gs))) for (k, by), gs in where.items() if len(gs) > 1)
    )


def _nodes_of(m: ArgumentMap, statements: bool) -> list[Any]:
    return list(m.statements()) if statements else list(m.actors())


def _shared_in_memory(maps: Mapping[str, ArgumentMap], statements: bool) -> Rows[Shared]:
    where: dict[tuple[str, str], set[str]] = {}
    for graph, m in maps.items():
        for n in _nodes_of(m, statements):
            key = normalise(n.text)
            if key:
                where.setdefault((key, "name"), set()).add(graph)
            for iri in (m.iri_of(n.id), *n.same_as):
                where.setdefault((iri, "same_as"), set()).add(graph)
    return _shared(where)


def _iris(values: Iterable[str]) -> str:
    return " ".join(sparql_term(v, iri=True) for v in sorted(set(values)))


def _risky(store: Store) -> list[str]:
    """Maps whose nodes may share IRIs with another map's: two maps with one base, and
    maps where a node has an IRI of its own."""
    rows = _raw(
        store,
        f"SELECT ?graph WHERE {{ {{ SELECT ?base WHERE {{ {_CURRENT} GRAPH <{CORPUS}> "
        "{ ?data cx:base ?base } } GROUP BY ?base HAVING (COUNT(?data) > 1) } "
        f"{_CURRENT} GRAPH <{CORPUS}> {{ ?data cx:base ?base }} }}",
    )
    foreign = _raw(
        store, f"SELECT ?graph WHERE {{ {_CURRENT} GRAPH <{CORPUS}> {{ ?data cx:foreign true }} }}"
    )
    return [r["graph"].value for r in rows + foreign]


def _shared_in_store(store: Store, statements: bool) -> Rows[Shared]:
    kind = "statement" if statements else "actor"
    return Rows(_cached(store, ("shared", kind), lambda: _shared_scan(store, statements)))


def _shared_scan(store: Store, statements: bool) -> Rows[Shared]:
    kind = "statement" if statements else "actor"
    types = _STATEMENT_TYPES if statements else "VALUES ?type { am:Actor }"
    where: dict[tuple[str, str], set[str]] = {}
    d = _digest.read(store, shared=True)
    unindexed = _unindexed(store) if d is None else {}
    if d is not None:  # by name: the digests' shared keys
        for (k, text), gs in d.shared.items():
            if k == kind:
                where[(text, "name")] = set(gs)
    else:  # by name: the keys marked as held by several maps, in the current indexed maps
        rows = _raw(
            store,
            f"SELECT ?key ?graph WHERE {{ GRAPH <{CORPUS}> {{ ?k cx:{kind}Key ?key }} "
            f"GRAPH ?ix {{ ?n cx:key ?k }} {_INDEXED} }}",
        )
        for r in rows:
            where.setdefault((r["key"].value, "name"), set()).add(r["graph"].value)
    # by IRI: each node's IRI and its owl:sameAs; nodes of two maps share an IRI only
    # when both maps have one base, a node has an IRI of its own, or through sameAs
    # the sameAs links first (few), then which of their subjects are of the kind asked
    rows = _raw(
        store,
        "SELECT DISTINCT ?iri ?local ?graph WHERE { GRAPH ?data { ?local owl:sameAs ?iri } "
        f"{_CURRENT} }}",
    )
    pairs: set[tuple[str, str]] = set()
    if rows:
        typed = _raw(
            store,
            f"SELECT DISTINCT ?local ?graph WHERE {{ "
            f"VALUES ?local {{ {_iris(r['local'].value for r in rows)} }} {_CURRENT} "
            f"GRAPH ?data {{ ?local a ?type . {types} }} }}",
        )
        ok = {(r["local"].value, r["graph"].value) for r in typed}
        pairs = {
            (r["iri"].value, r["graph"].value)
            for r in rows
            if (r["local"].value, r["graph"].value) in ok
        }
    lookup = {iri for iri, _ in pairs}
    if d is not None:
        bases: dict[str, list[str]] = {}
        for line in d.maps.values():
            bases.setdefault(line.base, []).append(line.graph)
        risky = [g for gs in bases.values() if len(gs) > 1 for g in gs]
        risky += [line.graph for line in d.maps.values() if line.foreign]
    else:
        risky = _risky(store)
    if risky:
        rows = _raw(
            store,
            f"SELECT DISTINCT ?iri WHERE {{ VALUES ?graph {{ {_iris(risky)} }} {_CURRENT} "
            f"GRAPH ?data {{ ?iri a ?type . {types} }} }}",
        )
        lookup.update(r["iri"].value for r in rows)
    names: dict[str, str] = {}
    for graph, m in unindexed.items():
        for n in _nodes_of(m, statements):
            key = normalise(n.text)
            if key:
                names[key_iri(kind, key)] = key
                where.setdefault((key, "name"), set()).add(graph)
            lookup.add(m.iri_of(n.id))
            for iri in n.same_as:
                pairs.add((iri, graph))
                lookup.add(iri)
    if lookup:
        rows = _raw(
            store,
            f"SELECT DISTINCT ?iri ?graph WHERE {{ VALUES ?iri {{ {_iris(lookup)} }} {_CURRENT} "
            f"GRAPH ?data {{ ?iri a ?type . {types} }} }}",
        )
        pairs.update((r["iri"].value, r["graph"].value) for r in rows)
    if names:
        rows = _raw(
            store,
            f"SELECT DISTINCT ?k ?graph WHERE {{ VALUES ?k {{ {' '.join(f'<{k}>' for k in sorted(names))} }} "
            f"GRAPH ?ix {{ ?n cx:key ?k }} {_INDEXED} }}",
        )
        for r in rows:
            where.setdefault((names[r["k"].value], "name"), set()).add(r["graph"].value)
    for iri, graph in pairs:
        where.setdefault((iri, "same_as"), set()).add(graph)
    return _shared(where)


def shared_actors(source: Source) -> Rows[Shared]:
    """Actors in more than one map: by normalised name, and by IRI or ``same_as``."""
    store = _store(source)
    if store is not None:
        return _shared_in_store(store, statements=False)
    return _shared_in_memory(_maps(source), statements=False)


def shared_statements(source: Source) -> Rows[Shared]:
    """Statements in more than one map: by normalised text, and by IRI or ``same_as``."""
    store = _store(source)
    if store is not None:
        return _shared_in_store(store, statements=True)
    return _shared_in_memory(_maps(source), statements=True)


# ------------------------------------------------------------------ one actor, one statement


def _who_rows(
    store: Store, ref: str, kind: str, variables: str, where: str, by_key: str
) -> tuple[list[dict[str, Any]], dict[str, ArgumentMap]]:
    """Rows of ``where`` (a pattern inside ``GRAPH ?data`` using ?who) for every node
    ``ref`` names, with ?graph and ?who bound; and the maps to answer in memory.

    A name is looked up by its key in the maps' index graphs, where ``by_key`` (a
    pattern inside the index graph using ?who) gives the same rows by lookups (maps
    without an index are returned, to be answered in memory). An IRI names itself in every map and the
    nodes declared ``owl:sameAs`` it (either way) in a map; the query then runs once
    per node with ?who bound as a constant (Virtuoso 7.2 loses rows when ?who comes
    from a ``BIND`` or ``VALUES`` inside a ``UNION`` here).
    """
    import pyoxigraph as ox

    if not _is_iri(ref):
        key = normalise(ref)
        if not key:
            return [], {}
        rows = _select(
            store,
            f"SELECT DISTINCT ?graph ?who {variables} WHERE {{ "
            f"GRAPH ?ix {{ ?who cx:key <{key_iri(kind, key)}> . {by_key} }} {_INDEXED} }}",
        )
        return rows, _unindexed(store)
    sparql_term(ref, iri=True)  # refuses what is not an absolute IRI
    linked = _select(
        store,
        f"SELECT DISTINCT ?graph ?who WHERE {{ {_CURRENT} GRAPH ?data {{ "
        "{ ?who owl:sameAs $ref } UNION { $ref owl:sameAs ?who } } }",
        ref=ox.NamedNode(ref),
    )
    pairs = {(r["graph"], r["who"]) for r in linked}
    out: list[dict[str, Any]] = []
    for who in sorted({ref} | {w for _, w in pairs}):
        rows = _select(
            store,
            f"SELECT DISTINCT ?graph {variables} WHERE {{ {_CURRENT} "
            f"GRAPH ?data {{ {where.replace('?who', '$who')} }} }}",
            who=ox.NamedNode(who),
        )
        out.extend({**r, "who": who} for r in rows if who == ref or (r["graph"], who) in pairs)
    return out, {}


def _who_in_memory(m: ArgumentMap, ref: str, nodes: Iterable[Any]) -> set[str]:
    found: set[str] = set()
    for n in nodes:
        iri = m.iri_of(n.id)
        if _is_iri(ref):
            linked = m.get(ref)
            if iri == ref or ref in n.same_as or (linked is not None and iri in linked.same_as):
                found.add(n.id)
        elif normalise(n.text) == normalise(ref) and normalise(ref):
            found.add(n.id)
    return found


def _resting_in_memory(maps: Mapping[str, ArgumentMap], actor: str) -> set[RestingOn]:
    out: set[RestingOn] = set()
    for graph, m in maps.items():
        who = _who_in_memory(m, actor, m.actors())
        asserted = {s.target for s in m.stances() if s.role == "asserts" and s.actor in who}
        up = support_up(m)
        for premise in asserted:
            for c in conclusions_resting_on(up, premise):
                out.add(RestingOn(graph, m.iri_of(c), m.iri_of(premise)))
    return out


def resting_on(source: Source, actor: str) -> Rows[RestingOn]:
    """Every conclusion, in any map, resting at any depth on a premise ``actor`` asserts.

    ``actor`` is an IRI (matching the actor's IRI or ``same_as``, either way) or a name
    (matching actors by normalised name). Sorted.
    """
    store = _store(source)
    if store is None:
        return Rows(_ordered(_resting_in_memory(_maps(source), actor)))
    return Rows(_cached(store, ("resting_on", actor), lambda: _resting_in_store(store, actor)))


def _ordered(rows: Iterable[T]) -> list[T]:
    """Rows in their order (the dataclass's fields), sorted as tuples (faster)."""
    return sorted(rows, key=_row_key)


def _row_key(row: Any) -> tuple[Any, ...]:
    return tuple(row.__dict__.values())


def _from_blocks(store: Store, kind: str, ref: str) -> list[tuple[str, str, str]] | None:
    """The rows for a name from the answer blocks (:mod:`argmap.corpus.digest`), sorted;
    None when the digests do not describe the corpus, or some batch wrote no blocks."""
    if _is_iri(ref):
        return None
    d = _digest.read(store)
    if d is None or not d.blocks:
        return None
    key = normalise(ref)
    if not key:
        return []
    found = _raw(
        store, f"SELECT ?t WHERE {{ GRAPH <{CORPUS}> {{ <{key_iri(kind, key)}> cx:rows ?t }} }}"
    )
    parts = [p for r in found if (p := _digest.block_rows(r["t"].value, d.graph_of))]
    parts.sort(key=lambda p: p[0])  # blocks follow the files' order: nearly sorted already
    rows = [t for p in parts for t in p]
    rows.sort()
    return [t for i, t in enumerate(rows) if i == 0 or t != rows[i - 1]]


def _resting_in_store(store: Store, actor: str) -> list[RestingOn]:
    blocks = _from_blocks(store, "actor", actor)
    if blocks is not None:
        return [RestingOn(*t) for t in blocks]
    rows, rest = _who_rows(
        store,
        actor,
        "actor",
        "?conclusion ?premise",
        "?stance am:actor ?who ; am:role am:Asserts ; am:target ?premise . "
        "?premise (^am:premise/am:conclusion)+ ?conclusion . "
        "FILTER (?premise != ?conclusion)",
        "?who cx:asserts ?premise . ?premise cx:supports ?conclusion",
    )
    out = {RestingOn(r["graph"], r["conclusion"], r["premise"]) for r in rows}
    return _ordered(out | _resting_in_memory(rest, actor))


def _unanswered_in_memory(maps: Mapping[str, ArgumentMap], statement: str) -> set[Unanswered]:
    out: set[Unanswered] = set()
    for graph, m in maps.items():
        targets: dict[str, list[str]] = {}
        attackers: dict[str, tuple[str, ...]] = {}
        for k in m.attacks():
            targets.setdefault(k.target, []).append(k.id)
            attackers[k.id] = k.attackers
        for s in _who_in_memory(m, statement, m.statements()):
            for k_id in targets.get(s, ()):
                if k_id in targets or any(a in targets for a in attackers[k_id]):
                    continue
                out.add(Unanswered(graph, m.iri_of(s), m.iri_of(k_id)))
    return out


def unanswered_attacks(source: Source, statement: str) -> Rows[Unanswered]:
    """Where ``statement`` (an IRI, or a text matched normalised) is attacked, and
    nothing attacks that attack or any of its attackers. Sorted."""
    store = _store(source)
    if store is None:
        return Rows(_ordered(_unanswered_in_memory(_maps(source), statement)))
    return Rows(
        _cached(store, ("unanswered", statement), lambda: _unanswered_in_store(store, statement))
    )


def _unanswered_in_store(store: Store, statement: str) -> list[Unanswered]:
    blocks = _from_blocks(store, "statement", statement)
    if blocks is not None:
        return [Unanswered(*t) for t in blocks]
    # Two queries (the attacks, then those answered) rather than FILTER NOT EXISTS,
    # which Virtuoso 7.2 evaluates wrongly in this shape.
    head = (
        "?who a ?type . FILTER (?type IN (am:Claim, am:Evidence, am:Recommendation)) "
        "?attack a am:Attack ; am:target ?who . "
    )
    unanswered = "?who cx:unanswered ?attack"
    rows, rest = _who_rows(store, statement, "statement", "?attack", head, unanswered)
    if _is_iri(statement):
        answered, _ = _who_rows(
            store,
            statement,
            "statement",
            "?attack",
            head + "{ ?answer a am:Attack ; am:target ?attack } UNION "
            "{ ?attack am:attacker ?by . ?answer a am:Attack ; am:target ?by }",
            unanswered,
        )
        done = {(r["graph"], r["attack"]) for r in answered}
    else:  # the index holds only the unanswered attacks
        done = set()
    out = {
        Unanswered(r["graph"], r["who"], r["attack"])
        for r in rows
        if (r["graph"], r["attack"]) not in done
    }
    return _ordered(out | _unanswered_in_memory(rest, statement))
