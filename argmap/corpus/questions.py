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
keys the corpus graph holds (written when a map is added).

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
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from argmap.corpus.index import CORPUS, COUNTS, CX, normalise
from argmap.corpus.load import Corpus
from argmap.queries import sparql_term
from argmap.store import CATALOG, Store, run_query

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


class Rows(list[T], Generic[T]):
    """A list of dataclass rows that turns into a DataFrame or JSON.

    >>> Rows([Ratio("g", 2, 1, 2.0)]).to_json()
    '[{"graph": "g", "arguments": 2, "attacks": 1, "ratio": 2.0}]'
    """

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each row as a dict (tuples as lists)."""
        return [
            {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(r).items()}  # type: ignore[call-overload]
            for r in self
        ]

    def to_json(self, **options: Any) -> str:
        """The rows as a JSON array of objects."""
        return json.dumps(self.to_dicts(), **options)

    def to_frame(self, row_type: type | None = None) -> Any:
        """A pandas DataFrame, one column per field (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is optional
            raise ImportError("to_frame() needs pandas: pip install pandas") from exc
        columns = (
            [f.name for f in fields(row_type or type(self[0]))] if (self or row_type) else None
        )
        return pd.DataFrame(self.to_dicts(), columns=columns)


@dataclass(frozen=True, order=True)
class MapTotals:
    """How many nodes of each kind one map holds (the keys of ``argmap info``)."""

    graph: str
    statements: int
    claims: int
    evidence: int
    recommendations: int
    actors: int
    alternatives: int
    issues: int
    arguments: int
    attacks: int
    stances: int


@dataclass(frozen=True, order=True)
class Ratio:
    """Arguments (support) and attacks of one map; ``ratio`` None when it has no attack."""

    graph: str
    arguments: int
    attacks: int
    ratio: float | None


@dataclass(frozen=True, order=True)
class Shared:
    """A name, text or IRI (``key``) found in several maps; ``by`` is name or same_as."""

    key: str
    by: str
    graphs: tuple[str, ...]


@dataclass(frozen=True, order=True)
class SchemeCount:
    """How many arguments, in how many maps, name ``scheme``."""

    scheme: str
    arguments: int
    maps: int


@dataclass(frozen=True, order=True)
class RestingOn:
    """``conclusion`` of the map stored as ``graph`` rests on ``premise`` (IRIs)."""

    graph: str
    conclusion: str
    premise: str


@dataclass(frozen=True, order=True)
class Unanswered:
    """In the map stored as ``graph``, ``attack`` attacks ``statement`` unanswered."""

    graph: str
    statement: str
    attack: str


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


def _is_iri(ref: str) -> bool:
    return ":" in ref and not any(c.isspace() for c in ref) and ref.split(":", 1)[0].isalpha()


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


def totals(source: Source, *, scan: bool = False) -> Rows[MapTotals]:
    """Nodes by kind in each map, sorted by graph (every map, even an empty one).

    In a store, a map's counts come from the corpus graph when they describe its current
    version (written when it was added: one small read for the whole corpus); other maps,
    or all with ``scan=True``, are counted in their graphs (a scan of every node).
    """
    store = _store(source)
    counts: dict[str, dict[str, int]] = {}
    if store is not None:
        zero = dict.fromkeys(_KINDS.values(), 0)
        todo = {r["graph"] for r in _select(store, f"SELECT ?graph WHERE {{ {_CURRENT} }}")}
        if not scan:
            props = " ".join(f"cx:{p}" for p in COUNTS.values())
            indexed = _select(
                store,
                f"SELECT ?graph ?p ?n WHERE {{ {_CURRENT} GRAPH <{CORPUS}> "
                f"{{ ?graph cx:data ?data ; ?p ?n . VALUES ?p {{ {props} }} }} }}",
            )
            for r in indexed:
                counts.setdefault(r["graph"], dict(zero))[r["p"].removeprefix(CX)] = int(r["n"])
            todo -= counts.keys()
        for graph in todo:
            counts[graph] = dict(zero)
        if todo:
            values = " ".join(f"am:{k}" for k in _KINDS)
            only = " ".join(sparql_term(g, iri=True) for g in sorted(todo))
            rows = _select(
                store,
                f"SELECT ?graph ?type (COUNT(DISTINCT ?n) AS ?count) WHERE {{ "
                f"VALUES ?graph {{ {only} }} {_CURRENT} "
                f"GRAPH ?data {{ ?n a ?type . VALUES ?type {{ {values} }} }} }} "
                "GROUP BY ?graph ?type",
            )
            for r in rows:
                counts[r["graph"]][_KINDS[r["type"].removeprefix(_AM)]] = int(r["count"])
    else:
        for graph, m in _maps(source).items():
            c = m.counts()
            counts[graph] = {plural: c[kind.lower()] for kind, plural in _KINDS.items()}
    return Rows(sorted(_totals_row(g, c) for g, c in counts.items()))


def ratios(source: Source) -> Rows[Ratio]:
    """Arguments against attacks in each map (ratio = arguments / attacks)."""
    return Rows(
        Ratio(t.graph, t.arguments, t.attacks, t.arguments / t.attacks if t.attacks else None)
        for t in totals(source)
    )


# ------------------------------------------------------------------ shared across maps


def _shared(where: dict[tuple[str, str], set[str]]) -> Rows[Shared]:
    return Rows(
        sorted(Shared(k, by, tuple(sorted(gs))) for (k, by), gs in where.items() if len(gs) > 1)
    )


def _shared_in_store(store: Store, prop: str, types: str) -> Rows[Shared]:
    """Grouped and counted in the store; ?graphs lists graph IRIs (which hold no space)."""
    out: list[Shared] = []
    agg = '(GROUP_CONCAT(DISTINCT STR(?graph); separator=" ") AS ?graphs)'
    having = "HAVING (COUNT(DISTINCT ?graph) > 1)"
    by_name = _select(
        store,
        f"SELECT ?key {agg} WHERE {{ {_CURRENT} "
        f"GRAPH <{CORPUS}> {{ ?graph cx:{prop} ?e . ?e cx:key ?key }} }} GROUP BY ?key {having}",
    )
    out.extend(Shared(r["key"], "name", tuple(sorted(r["graphs"].split()))) for r in by_name)
    by_iri = _select(
        store,
        f"SELECT ?iri {agg} WHERE {{ {_CURRENT} GRAPH ?data {{ {types} "
        f"{{ ?iri a ?type }} UNION {{ ?local a ?type ; owl:sameAs ?iri }} }} }} "
        f"GROUP BY ?iri {having}",
    )
    out.extend(Shared(r["iri"], "same_as", tuple(sorted(r["graphs"].split()))) for r in by_iri)
    return Rows(sorted(out))


def _shared_in_memory(source: Source, statements: bool) -> Rows[Shared]:
    where: dict[tuple[str, str], set[str]] = {}
    for graph, m in _maps(source).items():
        nodes = list(m.statements()) if statements else list(m.actors())
        for n in nodes:
            key = normalise(n.text)
            if key:
                where.setdefault((key, "name"), set()).add(graph)
            for iri in (m.iri_of(n.id), *n.same_as):
                where.setdefault((iri, "same_as"), set()).add(graph)
    return _shared(where)


def shared_actors(source: Source) -> Rows[Shared]:
    """Actors in more than one map: by normalised name, and by IRI or ``same_as``."""
    store = _store(source)
    if store is not None:
        return _shared_in_store(store, "actor", "VALUES ?type { am:Actor }")
    return _shared_in_memory(source, statements=False)


def shared_statements(source: Source) -> Rows[Shared]:
    """Statements in more than one map: by normalised text, and by IRI or ``same_as``."""
    store = _store(source)
    if store is not None:
        return _shared_in_store(store, "statement", _STATEMENT_TYPES)
    return _shared_in_memory(source, statements=True)


def schemes(source: Source) -> Rows[SchemeCount]:
    """Argument schemes, most frequent first (then by name); arguments without one left out."""
    store = _store(source)
    count: dict[str, tuple[int, set[str]]] = {}
    if store is not None:
        rows = _select(
            store,
            f"SELECT ?graph ?scheme (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {_CURRENT} "
            f"GRAPH ?data {{ ?a a am:Argument ; am:scheme ?scheme }} }} GROUP BY ?graph ?scheme",
        )
        for r in rows:
            n, gs = count.get(str(r["scheme"]), (0, set()))
            count[str(r["scheme"])] = (n + int(r["n"]), gs | {r["graph"]})
    else:
        for graph, m in _maps(source).items():
            for a in m.arguments():
                if a.scheme is not None:
                    n, gs = count.get(a.scheme, (0, set()))
                    count[a.scheme] = (n + 1, gs | {graph})
    out = [SchemeCount(s, n, len(gs)) for s, (n, gs) in count.items()]
    return Rows(sorted(out, key=lambda r: (-r.arguments, r.scheme)))


# ------------------------------------------------------------------ one actor, one statement


def _who_rows(
    store: Store, ref: str, prop: str, variables: str, where: str
) -> list[dict[str, Any]]:
    """Rows of ``where`` (a pattern inside ``GRAPH ?data`` using ?who) for every node
    ``ref`` names, with ?graph and ?who bound.

    A name is looked up by its key in the corpus graph. An IRI names itself in every map
    and the nodes declared ``owl:sameAs`` it (either way) in a map; the query then runs
    once per node with ?who bound as a constant (Virtuoso 7.2 loses rows when ?who comes
    from a ``BIND`` or ``VALUES`` inside a ``UNION`` here).
    """
    import pyoxigraph as ox

    if not _is_iri(ref):
        return _select(
            store,
            f"SELECT DISTINCT ?graph ?who {variables} WHERE {{ {_CURRENT} "
            f"GRAPH <{CORPUS}> {{ ?graph cx:{prop} ?e . ?e cx:key $key ; cx:node ?who }} "
            f"GRAPH ?data {{ {where} }} }}",
            key=normalise(ref),
        )
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
    return out


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


def resting_on(source: Source, actor: str) -> Rows[RestingOn]:
    """Every conclusion, in any map, resting at any depth on a premise ``actor`` asserts.

    ``actor`` is an IRI (matching the actor's IRI or ``same_as``, either way) or a name
    (matching actors by normalised name). Sorted.
    """
    store = _store(source)
    if store is not None:
        rows = _who_rows(
            store,
            actor,
            "actor",
            "?conclusion ?premise",
            "?stance am:actor ?who ; am:role am:Asserts ; am:target ?premise . "
            "?premise (^am:premise/am:conclusion)+ ?conclusion . "
            "FILTER (?premise != ?conclusion)",
        )
        return Rows(sorted({RestingOn(r["graph"], r["conclusion"], r["premise"]) for r in rows}))
    out: set[RestingOn] = set()
    for graph, m in _maps(source).items():
        who = _who_in_memory(m, actor, m.actors())
        asserted = {s.target for s in m.stances() if s.role == "asserts" and s.actor in who}
        up: dict[str, set[str]] = {}
        for a in m.arguments():
            for p in a.premises:
                up.setdefault(p, set()).add(a.conclusion)
        for premise in asserted:
            seen: set[str] = set()
            todo = list(up.get(premise, ()))
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(up.get(c, ()))
            for c in seen - {premise}:
                out.add(RestingOn(graph, m.iri_of(c), m.iri_of(premise)))
    return Rows(sorted(out))


def unanswered_attacks(source: Source, statement: str) -> Rows[Unanswered]:
    """Where ``statement`` (an IRI, or a text matched normalised) is attacked, and
    nothing attacks that attack or any of its attackers. Sorted."""
    store = _store(source)
    if store is not None:
        # Two queries (the attacks, then those answered) rather than FILTER NOT EXISTS,
        # which Virtuoso 7.2 evaluates wrongly in this shape.
        head = (
            "?who a ?type . FILTER (?type IN (am:Claim, am:Evidence, am:Recommendation)) "
            "?attack a am:Attack ; am:target ?who . "
        )
        rows = _who_rows(store, statement, "statement", "?attack", head)
        answered = _who_rows(
            store,
            statement,
            "statement",
            "?attack",
            head + "{ ?answer a am:Attack ; am:target ?attack } UNION "
            "{ ?attack am:attacker ?by . ?answer a am:Attack ; am:target ?by }",
        )
        done = {(r["graph"], r["attack"]) for r in answered}
        return Rows(
            sorted(
                {
                    Unanswered(r["graph"], r["who"], r["attack"])
                    for r in rows
                    if (r["graph"], r["attack"]) not in done
                }
            )
        )
    out: set[Unanswered] = set()
    for graph, m in _maps(source).items():
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
    return Rows(sorted(out))
