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
import secrets
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pyoxigraph as ox

from argmap.corpus.digest import block_text, digest_text
from argmap.corpus.index import (
    CORPUS,
    CX,
    KEY_PREFIX,
    MapIndex,
    Provenance,
    corpus_lines,
    index_graph,
    mark_lines,
)
from argmap.errors import StoreCleanupWarning, StoreError, StoreProtocolError
from argmap.queries import sparql_term
from argmap.store import CATALOG, EmbeddedStore, Store
from argmap.store.push import ST, data_graph_name, drop_graph

__all__ = ["Entry", "current_data", "marked_keys", "retire", "sweep", "write_batch"]

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


def _select_own(store: Store, text: str) -> list[dict[str, Any]]:
    """A query argmap wrote (no SERVICE clause in it: the embedded store need not look)."""
    if isinstance(store, EmbeddedStore):
        return store.select(text, allow_service=True)
    return store.select(text)


def marked_keys(store: Store, keys: Iterable[str] | None = None) -> set[str]:
    """The keys marked as held by several maps (of ``keys``, or all)."""
    where = f"GRAPH <{CORPUS}> {{ ?k ?mark ?text }} VALUES ?mark {{ <{CX}actorKey> <{CX}statementKey> }}"
    if keys is None:
        return {r["k"].value for r in _select_own(store, f"SELECT ?k WHERE {{ {where} }}")}
    found: set[str] = set()
    for chunk in _chunks(sorted(set(keys))):
        values = " ".join(f"<{k}>" for k in chunk)
        rows = _select_own(store, f"SELECT ?k WHERE {{ VALUES ?k {{ {values} }} {where} }}")
        found.update(r["k"].value for r in rows)
    return found


def _holders(store: Store, keys: list[str]) -> dict[str, set[str]]:
    """key -> the data graphs whose index graph holds it."""
    found: dict[str, set[str]] = {}
    for chunk in _chunks(keys):
        rows = _select_own(
            store,
            f"SELECT DISTINCT ?k ?ix WHERE {{ VALUES ?k {{ {' '.join(f'<{k}>' for k in chunk)} }} "
            f"GRAPH ?ix {{ ?n <{CX}key> ?k }} }}",
        )
        for r in rows:
            found.setdefault(r["k"].value, set()).add(r["ix"].value.removesuffix("-cx"))
    return found


def _shared_keys(
    store: Store, entries: list[Entry], marked: set[str] | None
) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """The keys of this batch to mark now, and the (kind, text, data graph) facts of
    every key of the batch held by more than one map (see :mod:`argmap.corpus.digest`)."""
    where: dict[str, list[str]] = {}
    text: dict[str, str] = {}
    for e in entries:
        assert e.prov.data is not None
        for k, t in e.ix.keys.items():
            where.setdefault(k, []).append(e.prov.data)
            text[k] = t
    known = marked_keys(store, where) if marked is None else marked & where.keys()
    holders = _holders(store, sorted(where.keys() - known))
    shared = known | holders.keys() | {k for k, ds in where.items() if len(ds) > 1}
    facts: list[tuple[str, str, str]] = []
    for k in sorted(shared):
        kind = k[len(KEY_PREFIX) :].split(":", 1)[0]
        for d in sorted(set(where[k]) | holders.get(k, set())):
            facts.append((kind, text[k], d))
    marks = {k: text[k] for k in sorted(shared - known)}
    return marks, facts


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _blocks(entries: list[Entry]) -> dict[str, str]:
    """The answer blocks of a batch: key IRI -> text (:func:`argmap.corpus.digest.block_text`)."""
    by_key: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {}
    for e in entries:
        for k, rows in e.ix.answers.items():
            by_key.setdefault(k, []).append((e.prov.data or "", e.ix.base, rows))
    return {k: block_text(maps) for k, maps in sorted(by_key.items())}


def _digest_lines(
    batch: str, entries: list[Entry], facts: list[tuple[str, str, str]], blocks: dict[str, str]
) -> str:
    maps = [(e.graph, e.prov.data or "", e.ix) for e in entries]
    b = ox.NamedNode(batch)
    lines = [f"{b} <{CX}digest> {ox.Literal(digest_text(maps, facts))} .\n"]
    lines += [f"<{e.prov.data}> <{CX}batch> {b} .\n" for e in entries]
    lines += [f"<{k}> <{CX}rows> {ox.Literal(text)} .\n" for k, text in blocks.items()]
    return "".join(lines)


def _upload(store: Store, entries: list[Entry], marks: dict[str, str], digest: str) -> None:
    corpus = "".join(corpus_lines(e.prov, e.ix) for e in entries) + mark_lines(marks) + digest
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
        f"st:triples {sparql_term(e.ix.distinct)} ; st:pushed {pushed} ; cx:corpus true .\n"
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


def _drop(store: Store, data: str, *, tombstone: bool = True) -> None:
    """Remove data graph ``data``, its index graph, its corpus and catalog lines; a
    tombstone tells the digest that listed it (:mod:`argmap.corpus.digest`)."""
    drop_graph(store, data)
    drop_graph(store, index_graph(data))
    d, c = _iri(data), _iri(CORPUS)
    store.update(f"DELETE WHERE {{ GRAPH {c} {{ {d} ?p ?o }} }}")
    store.update(f"DELETE WHERE {{ GRAPH {_iri(CATALOG)} {{ {d} ?p ?o }} }}")
    if tombstone:
        store.update(f"INSERT DATA {{ GRAPH {c} {{ {d} <{CX}retired> true }} }}")


def _abandon(store: Store, entries: list[Entry], batch: str, blocks: dict[str, str]) -> None:
    """Remove what a batch that was never swapped put in the store."""
    for e in entries:
        if e.prov.data is not None:
            _drop(store, e.prov.data, tombstone=False)
    store.update(f"DELETE WHERE {{ GRAPH {_iri(CORPUS)} {{ {_iri(batch)} ?p ?o }} }}")
    _replace_blocks(store, [(k, text, "") for k, text in blocks.items()])


def _replace_blocks(store: Store, changes: list[tuple[str, str, str]]) -> None:
    """Replace answer blocks: (key, old text, new text; empty: none), a few hundred a
    request, each request one update (a question sees a block before or after)."""
    c, rows = _iri(CORPUS), f"<{CX}rows>"
    for i in range(0, len(changes), 200):
        ops = []
        for k, old, new in changes[i : i + 200]:
            ops.append(f"DELETE DATA {{ GRAPH {c} {{ {_iri(k)} {rows} {sparql_term(old)} }} }}")
            if new:
                ops.append(f"INSERT DATA {{ GRAPH {c} {{ {_iri(k)} {rows} {sparql_term(new)} }} }}")
        if ops:
            store.update(" ;\n".join(ops))


def _live_blocks(text: str, live: set[str]) -> str:
    """``text`` (an answer block) without the maps whose data graph is not in ``live``."""
    keep: list[str] = []
    on = False
    for line in text.split("\n"):
        if line.startswith("="):
            on = line[1:].split("\t", 1)[0] in live
        if on:
            keep.append(line)
    return "\n".join(keep)


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
    """Remove the corpus lines and index graphs of data graphs no map points at, and
    tombstone them in the digests; rewrite the answer blocks without their rows (each
    block read, and those that change replaced, a few hundred an update); the data
    graphs swept. Run it when no load is writing: a batch not yet swapped in is not
    current either."""
    current = set(current_data(store).values())
    rows = store.select(
        f"SELECT DISTINCT ?d WHERE {{ GRAPH <{CORPUS}> {{ {{ ?d <{CX}index> ?ix }} "
        f"UNION {{ ?d <{CX}batch> ?b }} }} }}"
    )
    listed = {r["d"].value for r in rows}
    for r in store.select(f"SELECT ?text WHERE {{ GRAPH <{CORPUS}> {{ ?b <{CX}digest> ?text }} }}"):
        for line in r["text"].value.split("\n"):
            parts = line.split("\t")
            if parts[0] == "m":
                listed.add(parts[2])
    retired = {
        r["d"].value
        for r in store.select(f"SELECT ?d WHERE {{ GRAPH <{CORPUS}> {{ ?d <{CX}retired> ?x }} }}")
    }
    stale = sorted(listed - current - retired)
    for d in stale:
        _drop(store, d)
    # answer blocks: the rows of versions no map points at (replaced, removed)
    changes = []
    for r in store.select(f"SELECT ?k ?t WHERE {{ GRAPH <{CORPUS}> {{ ?k <{CX}rows> ?t }} }}"):
        text = r["t"].value
        kept = _live_blocks(text, current)
        if kept != text:
            changes.append((r["k"].value, text, kept))
    _replace_blocks(store, changes)
    return stale


def write_batch(
    store: Store, entries: list[Entry], old: dict[str, str], marked: set[str] | None = None
) -> list[Entry]:
    """Write ``entries`` (see the module docstring); the entries written, data filled in.

    ``old`` maps each graph already in the store to its current data graph (updated
    here); ``marked``, the keys marked shared (read from the store when None; updated).
    Raises the store's error after removing what went up: the batch absent, or (when
    the swap's answer was lost and only some pointers moved) those maps whole.
    """
    if not entries:
        return []
    entries = [replace(e, prov=replace(e.prov, data=data_graph_name(e.graph))) for e in entries]
    batch = f"urn:argmap:batch:{secrets.token_hex(12)}"
    before = dict(old)
    swapping = False
    failure: BaseException | None = None
    blocks = _blocks(entries)
    try:
        marks, facts = _shared_keys(store, entries, None if marked is None else set(marked))
        _upload(store, entries, marks, _digest_lines(batch, entries, facts, blocks))
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
            if done:
                for e in entries:
                    if e not in done and e.prov.data is not None:
                        _drop(store, e.prov.data)
            else:
                _abandon(store, entries, batch, blocks)
    if marked is not None and done:
        marked.update(marks)
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
