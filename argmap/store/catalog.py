"""The catalog of a store: which data graph holds each map.

:class:`GraphInfo`, :func:`graphs`, :func:`resolve` and :func:`data_graph_name`.

The layout (the ``st:`` vocabulary, the catalog graph, data graph names) is described in
:mod:`argmap.store.push`, which writes it; this module reads it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyoxigraph as ox

from argmap.errors import StoreProtocolError
from argmap.queries import sparql_term
from argmap.store.base import Store
from argmap.vocab import INTEGER_TYPES

CATALOG = "https://w3id.org/argmap/store/catalog"
"""The named graph that says which data graph holds each map."""
ST = "https://w3id.org/argmap/store#"
"""argmap's store vocabulary (catalog terms only; the maps use ``am:``)."""
_PREFIX = f"PREFIX st: <{ST}>\n"
_DATA_NAME = re.compile(r"[#-]argmap-(\d{8}T\d{6})Z?-[0-9a-f]{8}$")


@dataclass(frozen=True)
class GraphInfo:
    """One map in a store.

    Attributes:
        graph: the graph IRI the map is stored under.
        data_graph: the named graph holding its triples now.
        map_iri: the IRI of the map (``None`` when unknown).
        triples: how many triples the push stored (``None`` when unknown).
        pushed: when it was pushed (ISO 8601, UTC), or ``None``.
        traces: how many recommendation traces are stored beside it
            (:mod:`argmap.store.traces`), or ``None`` when it was pushed without them.
    """

    graph: str
    data_graph: str
    map_iri: str | None = None
    triples: int | None = None
    pushed: str | None = None
    traces: int | None = None


def _iri(value: str) -> str:
    """``value`` as a checked SPARQL IRI term (see :func:`argmap.queries.sparql_term`)."""
    return sparql_term(value, iri=True)


def data_graph_name(graph: str, when: datetime | None = None) -> str:
    """A fresh data graph IRI for a version of ``graph``.

    >>> data_graph_name("https://w3id.org/argmap/map/m", datetime(2026, 1, 2, 3, 4, 5))[:-8]
    'https://w3id.org/argmap/map/m#argmap-20260102T030405Z-'
    """
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    sep = "-" if "#" in graph else "#"
    return f"{graph}{sep}argmap-{stamp}-{secrets.token_hex(4)}"


def _value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value in INTEGER_TYPES:
            return int(term.value)
        return term.value
    return term.value


def _count(store: Store, graph: str) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}")
    count = _bound(rows[0], "n", f"counting the triples of <{graph}>") if rows else None
    if len(rows) != 1 or not isinstance(count, ox.Literal) or not count.value.isdigit():
        raise StoreProtocolError(f"counting the triples of <{graph}>: no count in the answer")
    return int(count.value)


def _bound(row: dict[str, Any], name: str, what: str) -> Any:
    """``row[name]``, which the query guarantees is bound; a protocol error if it is not."""
    value = row.get(name)
    if value is None:
        raise StoreProtocolError(f"{what}: the store left ?{name} unbound in an answer")
    return value


def _catalog(store: Store, graph: str | None) -> list[GraphInfo]:
    """Catalog entries: of ``graph``, or of every graph.

    One plain join, no OPTIONAL: Virtuoso 7.2 estimated the OPTIONAL form of this query
    at several times its 400 s cost limit on a store holding two maps.
    """
    subject = _iri(graph) if graph is not None else "?graph"
    rows = store.select(
        _PREFIX
        + "SELECT ?graph ?data ?p ?o WHERE {\n"
        + f"  GRAPH {_iri(CATALOG)} {{ {subject} st:current ?data . ?data ?p ?o }}\n}}"
    )
    fields: dict[tuple[str, str], dict[str, Any]] = {}
    what = "reading the catalog"
    for row in rows:
        data = _bound(row, "data", what).value
        key = (graph or _bound(row, "graph", what).value, data)
        entry = fields.setdefault(key, {})
        predicate = _bound(row, "p", what).value
        if predicate.startswith(ST):
            entry[predicate[len(ST) :]] = _value(row["o"])
    return [
        GraphInfo(
            graph=g,
            data_graph=d,
            map_iri=f.get("map"),
            triples=f["triples"] if isinstance(f.get("triples"), int) else None,
            pushed=f.get("pushed"),
            traces=f["traced"] if isinstance(f.get("traced"), int) else None,
        )
        for (g, d), f in fields.items()
    ]


def _latest(infos: list[GraphInfo]) -> GraphInfo:
    # Two pointers only after two first pushes raced; the later push is the current one.
    return max(infos, key=lambda i: (i.pushed or "", i.data_graph))


def resolve(store: Store, graph: str) -> GraphInfo | None:
    """The catalog entry of ``graph``, or ``None`` when argmap did not push it.

    >>> from argmap.store import open_store
    >>> resolve(open_store(None), "https://example.org/nothing") is None
    True
    """
    infos = _catalog(store, graph)
    return _latest(infos) if infos else None


def graphs(store: Store) -> list[GraphInfo]:
    """Every map argmap pushed to ``store``, sorted by graph IRI."""
    by_graph: dict[str, list[GraphInfo]] = {}
    for info in _catalog(store, None):
        by_graph.setdefault(info.graph, []).append(info)
    return [_latest(by_graph[g]) for g in sorted(by_graph)]


def _parse_time(text: str) -> datetime:
    """An ``xsd:dateTime`` argmap wrote (UTC); the distant past when unreadable."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _named_graphs(store: Store) -> list[str]:
    rows = store.select(store.dialect.graphs_query)
    return sorted(r["g"].value for r in rows if "g" in r and isinstance(r["g"], ox.NamedNode))
