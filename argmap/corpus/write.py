"""Writing many maps to a store in one go: :func:`write_batch`, :func:`retire`, :func:`sweep`.

A corpus load writes maps in batches rather than one :func:`argmap.store.push` each (a
push is about ten requests: at 10,000 maps the round trips alone took longer than the
load's budget). A batch keeps the push's layout and its guarantee, each map whole or
absent, in four steps:

1. every map's data graph ``D`` (fresh name), its index graph and its corpus lines
   (:mod:`argmap.corpus.index`) go up together, by the store's fastest path: one N-Quads
   bulk load on the embedded store and on an Oxigraph server, one Graph Store ``POST``
   per graph elsewhere. Nothing points at these graphs yet, so nobody reads them;
2. one count query checks the store holds each data graph's triples;
3. **one** SPARQL update points each graph at its new data graph (``INSERT DATA`` for a
   new graph; for a graph already there, one ``DELETE``/``INSERT`` operation per graph,
   which the server applies atomically, as a push's swap);
4. the versions replaced are removed (data, index, corpus lines), best effort: the
   questions only read current data graphs, and :func:`sweep` removes what is left.

A failure or Ctrl-C before step 3 leaves the batch's maps absent (their previous
versions current) and removes what went up; an interruption inside step 3 is settled by
reading which pointers moved.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pyoxigraph as ox

from argmap.corpus.index import (
    CORPUS,
    CX,
    MapIndex,
    Provenance,
    corpus_lines,
    index_graph,
    mark_lines,
)
from argmap.errors import StoreCleanupWarning, StoreError, StoreProtocolError
from argmap.queries import sparql_term
from argmap.store import CATALOG, Store
from argmap.store.push import ST, data_graph_name, drop_graph

__all__ = ["Entry", "current_data", "retire", "sweep", "write_batch"]

_PREFIX = f"PREFIX st: <{ST}>\nPREFIX cx: <{CX}>\n"
_QUADS = {"embedded", "oxigraph"}  # stores taking one N-Quads upload for many graphs
_VALUES_CHUNK = 5000  # IRIs per VALUES clause


@dataclass
class Entry:
    """One map to write: under ``graph``, with its provenance and index."""

    graph: str
    prov: Provenance
    ix: MapIndex


def _iri(value: str) -> str:
    return sparql_term(value, iri=True)


def _chunks(items: list[str], size: int = _VALUES_CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def current_data(store: Store, graphs: Iterable[str] | None = None) -> dict[str, str]:
    """graph -> current data graph, for ``graphs`` (default: every map of the store)."""
    out: dict[str, str] = {}
    query = "SELECT ?g ?d WHERE {{ {values} GRAPH <{c}> {{ ?g st:current ?d }} }}"
    if graphs is None:
        batches: Iterable[list[str]] = [[]]
    else:
        batches = _chunks(sorted(set(graphs)))
    for chunk in batches:
        if graphs is not None and not chunk:
            continue
        values = f"VALUES ?g {{ {' '.join(_iri(g) for g in chunk)} }}" if chunk else ""
        for r in store.select(_PREFIX + query.format(values=values, c=CATALOG)):
            g, d = r["g"].value, r["d"].value
            out[g] = max(out.get(g, ""), d)
        # two pointers only after racing first pushes; a push keeps the latest
    return out


def _known_keys(store: Store, keys: list[str]) -> set[str]:
    """The keys some map's index graph holds already."""
    found: set[str] = set()
    for chunk in _chunks(keys):
        rows = store.select(
            f"SELECT DISTINCT ?k WHERE {{ VALUES ?k {{ {' '.join(f'<{k}>' for k in chunk)} }} "
            f"GRAPH ?ix {{ ?n <{CX}key> ?k }} }}"
        )
        found.update(r["k"].value for r in rows)
    return found


def _marks(store: Store, entries: list[Entry]) -> dict[str, str]:
    """Keys of this batch held by another map: in the store, or in two maps here."""
    seen: dict[str, int] = {}
    text: dict[str, str] = {}
    for e in entries:
        for k, t in e.ix.keys.items():
            seen[k] = seen.get(k, 0) + 1
            text[k] = t
    shared = {k for k, n in seen.items() if n > 1}
    shared |= _known_keys(store, sorted(set(seen) - shared))
    return {k: text[k] for k in sorted(shared)}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _upload(store: Store, entries: list[Entry], marks: dict[str, str]) -> None:
    corpus = "".join(corpus_lines(e.prov, e.ix) for e in entries) + mark_lines(marks)
    append_quads = getattr(store, "append_quads", None)
    if store.dialect.name in _QUADS and append_quads is not None:
        parts: list[bytes] = []
        for e in entries:
            assert e.prov.data is not None
            d = e.prov.data
            parts.append(e.ix.ntriples.replace(b" .\n", f" <{d}> .\n".encode()))
            parts.append(e.ix.index.replace(b" .\n", f" <{index_graph(d)}> .\n".encode()))
        parts.append(corpus.encode("utf-8").replace(b" .\n", f" <{CORPUS}> .\n".encode()))
        append_quads(b"".join(parts))
        return
    for e in entries:
        assert e.prov.data is not None
        if e.ix.ntriples:
            store.append(e.prov.data, e.ix.ntriples)
        if e.ix.index:
            store.append(index_graph(e.prov.data), e.ix.index)
    store.append(CORPUS, corpus.encode("utf-8"))


def _check_counts(store: Store, entries: list[Entry]) -> None:
    expected = {e.prov.data: e.ix.distinct for e in entries if e.prov.data}
    stored: dict[str, int] = {}
    for chunk in _chunks(sorted(expected)):
        rows = store.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {' '.join(_iri(g) for g in chunk)} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        stored.update((r["g"].value, int(r["n"].value)) for r in rows)
    exact = store.dialect.exact_counts
    for d, n in expected.items():
        got = stored.get(d, 0)
        if got > n or got < (n if exact else min(n, 1)):
            raise StoreProtocolError(f"the store holds {got} triples of the {n} sent to <{d}>")


def _meta(e: Entry, when: str) -> str:
    assert e.prov.data is not None
    g, d = _iri(e.graph), _iri(e.prov.data)
    pushed = sparql_term(
        ox.Literal(when, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"))
    )
    return (
        f"{g} a st:MapGraph ; st:current {d} .\n"
        f"{d} st:graph {g} ; st:map {_iri(e.ix.map_iri)} ; "
        f"st:triples {sparql_term(e.ix.distinct)} ; st:pushed {pushed} .\n"
    )


def _swap(store: Store, entries: list[Entry], old: dict[str, str]) -> None:
    """Point every graph of the batch at its new data graph (one request)."""
    c = _iri(CATALOG)
    when = _now()
    fresh = [e for e in entries if e.graph not in old]
    ops = []
    if fresh:
        ops.append(f"INSERT DATA {{ GRAPH {c} {{\n{''.join(_meta(e, when) for e in fresh)}}} }}")
    for e in entries:
        if e.graph in old:
            g = _iri(e.graph)
            ops.append(
                f"DELETE {{ GRAPH {c} {{ {g} st:current ?old }} }}\n"
                f"INSERT {{ GRAPH {c} {{\n{_meta(e, when)}}} }}\n"
                f"WHERE {{ GRAPH {c} {{ {g} st:current ?old }} }}"
            )
    store.update(_PREFIX + " ;\n".join(ops))


def _settle(store: Store, entries: list[Entry], old: dict[str, str]) -> list[Entry]:
    """After the swap: the entries now current; a pointer that vanished meanwhile (a
    concurrent delete matched nothing) is inserted afresh."""
    now = current_data(store, [e.graph for e in entries])
    missing = [e for e in entries if now.get(e.graph) != e.prov.data]
    if missing:
        _swap(store, missing, {})
        now = current_data(store, [e.graph for e in entries])
    return [e for e in entries if now.get(e.graph) == e.prov.data]


def _drop(store: Store, data: str) -> None:
    """Remove data graph ``data``, its index graph, its corpus and catalog lines."""
    drop_graph(store, data)
    drop_graph(store, index_graph(data))
    d = _iri(data)
    store.update(f"DELETE WHERE {{ GRAPH {_iri(CORPUS)} {{ {d} ?p ?o }} }}")
    store.update(f"DELETE WHERE {{ GRAPH {_iri(CATALOG)} {{ {d} ?p ?o }} }}")


def retire(store: Store, data: Iterable[str]) -> None:
    """Remove replaced versions (warn when the store does not let us; :func:`sweep`
    catches up)."""
    for d in data:
        try:
            _drop(store, d)
        except StoreError as exc:
            warnings.warn(
                f"the replaced version <{d}> could not be removed ({exc}); "
                "Corpus.sweep() removes it later",
                StoreCleanupWarning,
                stacklevel=3,
            )


def sweep(store: Store) -> list[str]:
    """Remove the corpus lines and index graphs of data graphs no map points at."""
    rows = store.select(f"SELECT DISTINCT ?d WHERE {{ GRAPH <{CORPUS}> {{ ?d <{CX}index> ?ix }} }}")
    indexed = {r["d"].value for r in rows}
    stale = sorted(indexed - set(current_data(store).values()))
    for d in stale:
        drop_graph(store, index_graph(d))
        store.update(f"DELETE WHERE {{ GRAPH {_iri(CORPUS)} {{ {_iri(d)} ?p ?o }} }}")
    return stale


def write_batch(store: Store, entries: list[Entry], old: dict[str, str]) -> list[Entry]:
    """Write ``entries`` (see the module docstring); the entries written, data filled in.

    ``old`` maps each graph already in the store to its current data graph (updated
    here). Raises the store's error after removing what went up: the batch absent, or
    (when the swap's answer was lost and only some pointers moved) those maps whole.
    """
    if not entries:
        return []
    entries = [replace(e, prov=replace(e.prov, data=data_graph_name(e.graph))) for e in entries]
    before = dict(old)
    swapping = False
    failure: BaseException | None = None
    try:
        marks = _marks(store, entries)
        _upload(store, entries, marks)
        _check_counts(store, entries)
        swapping = True
        _swap(store, entries, old)
        done = _settle(store, entries, old)
    except (StoreError, KeyboardInterrupt) as exc:
        failure = exc
        done = []
        if swapping:
            with contextlib.suppress(StoreError):
                done = _settle_after_failure(store, entries)
        with contextlib.suppress(StoreError):
            for e in entries:
                if e not in done and e.prov.data is not None:
                    _drop(store, e.prov.data)
    for e in done:
        assert e.prov.data is not None
        old[e.graph] = e.prov.data
    if failure is not None and (
        len(done) != len(entries) or isinstance(failure, KeyboardInterrupt)
    ):
        if isinstance(failure, KeyboardInterrupt):
            retire(store, [before[e.graph] for e in done if e.graph in before])
        raise failure
    retire(store, [before[e.graph] for e in done if e.graph in before])
    return done


def _settle_after_failure(store: Store, entries: list[Entry]) -> list[Entry]:
    now = current_data(store, [e.graph for e in entries])
    return [e for e in entries if now.get(e.graph) == e.prov.data]
