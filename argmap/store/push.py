"""Maps in a store: :func:`push`, :func:`pull`, :func:`graphs`, :func:`delete`, :func:`gc`.

The layout
----------
A map is stored under a *graph IRI* ``G`` (by default the map's IRI,
``https://w3id.org/argmap/map/<name>``). Its triples live in a *data graph* ``D``, a
named graph of its own, and one triple in the *catalog* graph says which data graph is
the current version of ``G``::

    GRAPH <https://w3id.org/argmap/store/catalog> {
      <G> a st:MapGraph ; st:current <D> .
      <D> st:graph <G> ; st:map <map IRI> ; st:triples 4700000 ;
          st:pushed "2026-11-26T23:40:00Z"^^xsd:dateTime .
    }

with ``st:`` = ``https://w3id.org/argmap/store#``. A data graph is named after ``G``:
``G#argmap-<UTC time>-<random>`` (``G-argmap-...`` when ``G`` already has a fragment).

Why a pointer: the swap must be atomic and cheap. :func:`push` uploads the map into a
fresh data graph, in N-Triples batches, by the server's fastest path (which need not be
transactional: nobody reads that graph yet), checks the server holds every triple, then
changes the pointer with **one** SPARQL Update operation, which every server applies
atomically. Readers (:func:`pull`, the queries of :mod:`argmap.store.query`) follow the
pointer, so they see the old version or the new one, never a mixture. A push that fails
or is interrupted before the swap leaves the previous version current and intact (the
partial data graph is removed, or, when the server went away, left for :func:`gc`).
Moving the data into ``G`` itself instead (``MOVE``/``COPY``, or one Graph Store
``PUT``) is one transaction as large as the map: on Oxigraph 0.5 one ``PUT`` of the
6.75M-triple benchmark map took 850 s and 8 GB of server memory, five times the pointer
push (``benchmarks/RESULTS.md``).

The batches are written from the map while the previous one loads (a thread runs
:func:`argmap.rdf.iter_ntriples_lines` a batch or two ahead), so the client never holds
the map's N-Triples, only a few batches.

Tools other than argmap find a map's triples with::

    SELECT ?d WHERE { GRAPH <https://w3id.org/argmap/store/catalog> {
      <G> <https://w3id.org/argmap/store#current> ?d } }

and :func:`pull` also reads plain named graphs that argmap did not write.

Concurrency: two pushes of one graph at once both succeed and the later swap wins;
neither can leave a mixture, and neither leaves a graph behind. Each swap writes the
new data graph's catalog lines (``st:graph`` ...) together with the pointer, so a data
graph that has catalog lines but no pointer at it has been *displaced*: nobody writes
it or will point at it again, and any push or :func:`gc` may remove it. After its swap
a push removes every displaced version of its graph (the one it replaced, and those
that racing pushes replaced), and when racing first pushes left two pointers it keeps
the latest. Removal drops the data first and the catalog lines last, so a push can
always tell whether its own swap happened (its pointer, its catalog lines, or its data
graph already emptied by whoever displaced it).

A push in progress says so in the catalog: ``<D> st:alive "time"``, refreshed at least
every minute while batches go up (one small update). :func:`gc` removes a data graph no
pointer and no catalog line claims (what a crashed push left) only when its last sign of
life, or the time in its name when it has none, is older than ``older_than`` (1 hour);
displaced versions it removes at once. No request of a remote store outlives its
deadline (15 minutes by default), so a live push is never collected as long as
``older_than`` exceeds the deadline plus a minute, and the clocks of the machines that
push and collect agree to within the difference.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.store import open_store
>>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
>>> store = open_store(None)
>>> info = push(m, store)
>>> info.graph, info.triples
('https://w3id.org/argmap/map/demo', 3)
>>> pull(store, info.graph) == m
True
>>> [g.graph for g in graphs(store)]
['https://w3id.org/argmap/map/demo']
>>> delete(store, info.graph), graphs(store)
(True, [])
"""

from __future__ import annotations

import contextlib
import gc as _gc
import time
import warnings
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pyoxigraph as ox

from argmap.errors import (
    ArgmapError,
    StoreCleanupWarning,
    StoreError,
    StoreProtocolError,
)
from argmap.queries import sparql_term
from argmap.store._upload import (
    ProgressCallback,
    _batches,
    _frozen_gc,
    _Prefetch,
    _progress_bar,
    _upload,
)
from argmap.store.base import Store
from argmap.store.catalog import (
    _DATA_NAME,
    _PREFIX,
    CATALOG,
    ST,
    GraphInfo,
    _bound,
    _catalog,
    _count,
    _iri,
    _latest,
    _named_graphs,
    _parse_time,
    _value,
    data_graph_name,
    graphs,
    resolve,
)
from argmap.store.traces import TRACES_SUFFIX, companion_name, upload_companion
from argmap.vocab import XSD

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "CATALOG",
    "ST",
    "GraphInfo",
    "StoreCleanupWarning",
    "data_graph_name",
    "delete",
    "drop_graph",
    "gc",
    "graphs",
    "pull",
    "push",
    "resolve",
]

_ALIVE_EVERY = 60.0  # seconds between the "still pushing" marks of a push in progress


# ---------------------------------------------------------------------- push


def push(
    m: ArgumentMap,
    store: Store,
    graph: str | None = None,
    *,
    batch_triples: int | None = None,
    connections: int = 1,
    progress: bool | None = None,
    on_batch: ProgressCallback | None = None,
    traces: bool = True,
) -> GraphInfo:
    """Store ``m`` under graph IRI ``graph`` (default: the map's IRI), replacing it atomically.

    The map goes to a fresh data graph in N-Triples batches of ``batch_triples`` (the
    store dialect's default when ``None``), then one update makes it current (see the
    module docstring). The batches are written from the map as they go
    (:func:`argmap.rdf.iter_ntriples_lines`), the next one while the store loads the
    current one, and ``connections`` batches are uploaded at once (each on an HTTP
    connection of its own for a remote store), so the push needs memory for
    ``connections`` + 3 batches however large the map is (about 150 MB with one
    connection and Oxigraph's default of 200,000 triples). ``progress`` shows a progress
    bar on stderr (default: when it is a terminal); ``on_batch(sent, total)`` is called
    after each batch the store has taken, with the triples it holds so far and the
    map's total.

    ``traces`` (default) also traces every recommendation in memory and stores each
    trace beside the map, in a companion graph swapped in with it, so that
    :func:`argmap.store.trace` reads a recommendation's trace with one request
    (:mod:`argmap.store.traces`; the push takes longer and the store holds more).

    Several pushes of one graph at once all succeed, the last swap wins, and none
    leaves a graph behind (see the module docstring).

    Every error of the store says how far the push got (triples and batches the store
    took, or that the swap itself failed) and what the store holds now: the previous
    version, current and intact, unless the store went away during the swap itself,
    when either version may be current (each whole).

    Raises:
        StoreUnavailable: the store could not be reached or went away; the previous
            version of ``graph`` is still current.
        StoreAuthError: the store refused the credentials.
        StoreProtocolError: the store answered out of protocol or lost triples.
        StoreError: the store refused a request.
        QueryError: ``graph`` is not an absolute IRI.
    """
    from argmap.rdf import iter_ntriples_lines, ntriples_count

    graph = m.iri if graph is None else graph  # an empty IRI is refused, not replaced
    _iri(graph)
    total = ntriples_count(m)
    size = max(1, batch_triples or store.dialect.batch_triples)
    data = data_graph_name(graph)
    what = f"push of map <{m.iri}> to graph <{graph}> at {store.location}"
    try:
        old = resolve(store, graph)
        alive = _mark_alive(store, data, first=True)
    except StoreError as exc:
        raise type(exc)(
            f"{what} failed before any triple was sent: {exc}. The store was not changed"
        ) from exc
    sent = 0
    taken_batches = 0
    stored = 0
    stored_traces: int | None = None
    swapping = False
    last_mark = time.monotonic()
    try:
        batches = _Prefetch(_batches(iter_ntriples_lines(m), size))
        try:
            with _progress_bar(progress, total, f"pushing {m.name}") as bar, _frozen_gc():

                def taken(n: int) -> None:
                    nonlocal sent, taken_batches, last_mark, alive
                    _gc.collect()  # see _frozen_gc
                    sent += n
                    taken_batches += 1
                    if time.monotonic() - last_mark >= _ALIVE_EVERY:
                        alive = _mark_alive(store, data)
                        last_mark = time.monotonic()
                    bar(sent, total)
                    if on_batch is not None:
                        on_batch(sent, total)

                _upload(store, data, batches, max(1, connections), taken)
        finally:
            batches.close()
        if sent != total:
            raise ArgmapError(
                f"{what}: argmap.rdf wrote {sent} triples but counted {total}; this is a "
                "bug in argmap (nothing was swapped)"
            )
        expected = total - (len(m.extra) - len(set(m.extra)))
        stored = _count(store, data)
        if stored > expected or stored < (expected if store.dialect.exact_counts else 1):
            raise StoreProtocolError(
                f"the store holds {stored} triples of the {expected} sent to <{data}>"
            )
        stored_traces = upload_companion(store, m, data) if traces else None
        if time.monotonic() - last_mark >= _ALIVE_EVERY:
            alive = _mark_alive(store, data)
        swapping = True
        pushed, displaced = _swap(store, graph, data, m.iri, stored, old, alive, stored_traces)
    except (StoreError, KeyboardInterrupt) as exc:
        outcome: bool | None = False
        if swapping:
            outcome, displaced = _swap_outcome(store, graph, data)
            if outcome is True:  # the swap happened; only its answer was lost
                _sweep(store, graph, displaced)
                return GraphInfo(graph, data, m.iri, stored, _now_text(), stored_traces)
        cleanup = (
            _cleanup_after_failure(store, data)
            if outcome is False
            else f"`argmap graphs` shows which data graph <{graph}> points at once the store "
            f"answers again (<{data}> is the new one; `argmap graphs --gc` then removes the "
            "one not current)"
        )
        if isinstance(exc, KeyboardInterrupt):
            raise
        if outcome is None:
            state = (
                "Whether the swap happened is unknown: either the previous version "
                + (f"(data graph <{old.data_graph}>)" if old is not None else "(none)")
                + " or the new one is current, whole, never a mixture"
            )
        elif old is not None:
            state = (
                f"Nothing was swapped: the previous version (data graph <{old.data_graph}>) "
                "is still current and intact"
            )
        else:
            state = f"Nothing was swapped: the store holds no version of <{graph}>, as before"
        batches_text = f"{taken_batches} batch{'es' if taken_batches != 1 else ''}"
        step = (
            f"the swap, with all {sent} triples stored ({batches_text})"
            if swapping
            else f"{sent} of {total} triples had reached the store ({batches_text} of up to {size})"
        )
        raise type(exc)(f"{what} failed after {step}: {exc}. {state}; {cleanup}") from exc
    except Exception:  # not the store's fault (a ModelError while writing the map, ...)
        if not swapping or _swap_outcome(store, graph, data)[0] is False:
            _cleanup_after_failure(store, data)
        raise
    _sweep(store, graph, displaced)
    return GraphInfo(graph, data, m.iri, stored, pushed, stored_traces)


def _mark_alive(store: Store, data: str, *, first: bool = False) -> str:
    """Say in the catalog that the push writing ``data`` is alive now; the mark's term."""
    c, d = _iri(CATALOG), _iri(data)
    when = sparql_term(ox.Literal(_now_text(), datatype=ox.NamedNode(XSD + "dateTime")))
    if first:
        store.update(_PREFIX + f"INSERT DATA {{ GRAPH {c} {{ {d} st:alive {when} }} }}")
    else:
        store.update(
            _PREFIX
            + f"DELETE {{ GRAPH {c} {{ {d} st:alive ?t }} }}\n"
            + f"INSERT {{ GRAPH {c} {{ {d} st:alive {when} }} }}\n"
            + f"WHERE {{ GRAPH {c} {{ {d} st:alive ?t }} }}"
        )
    return when


def _claims(store: Store, graph: str) -> dict[str, int | None]:
    """Data graphs with catalog lines for ``graph`` (current or displaced): their sizes."""
    rows = store.select(
        _PREFIX
        + f"SELECT ?d ?n WHERE {{ GRAPH {_iri(CATALOG)} {{ ?d st:graph {_iri(graph)} ; "
        + "st:triples ?n } }"
    )
    claimed: dict[str, int | None] = {}
    for row in rows:
        n = _value(row.get("n"))
        claimed[_bound(row, "d", "reading the catalog").value] = n if isinstance(n, int) else None
    return claimed


def _settle(store: Store, graph: str, data: str | None) -> tuple[bool, list[GraphInfo]]:
    """After a swap to ``data``: whether it happened, and the versions it leaves displaced.

    Racing first pushes each insert a pointer; every push then keeps the latest one (the
    same for all), so one pointer remains. The catalog lines are read before the
    pointers: a swap writes both at once, so a data graph seen with lines and then
    without a pointer was displaced for good. The swap happened if ``data`` is current,
    or was displaced since by a later push (its catalog lines are there, or its data
    graph was already removed: removal empties the data before the lines).
    """
    c, g = _iri(CATALOG), _iri(graph)
    claimed = _claims(store, graph)
    infos = _catalog(store, graph)
    current = {i.data_graph for i in infos}
    if len(infos) > 1:
        keep = _latest(infos)
        for info in infos:
            if info.data_graph != keep.data_graph:
                store.update(
                    _PREFIX
                    + f"DELETE DATA {{ GRAPH {c} {{ {g} st:current {_iri(info.data_graph)} }} }}"
                )
        current = {keep.data_graph}
    displaced = [
        GraphInfo(graph, d, triples=n) for d, n in sorted(claimed.items()) if d not in current
    ]
    if data is None:
        return True, displaced
    swapped = (
        any(i.data_graph == data for i in infos)
        or data in claimed
        or not store.ask(f"ASK {{ GRAPH {_iri(data)} {{ ?s ?p ?o }} }}")
    )
    return swapped, displaced


def _sweep(store: Store, graph: str, displaced: list[GraphInfo] | None = None) -> None:
    """Remove the displaced versions of ``graph`` (warn on failure; gc catches up)."""
    if displaced is None:
        try:
            displaced = _settle(store, graph, None)[1]
        except StoreError as exc:
            warnings.warn(
                f"the replaced versions of <{graph}> could not be listed ({exc}); "
                "argmap.store.gc(store) removes them later",
                StoreCleanupWarning,
                stacklevel=3,
            )
            return
    for info in displaced:
        _retire(store, info)


def _swap_outcome(store: Store, graph: str, data: str) -> tuple[bool | None, list[GraphInfo]]:
    """After a failed swap: True if it happened anyway, False if not, None if unknown."""
    try:
        return _settle(store, graph, data)
    except StoreError:
        return None, []


def _now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _swap(
    store: Store,
    graph: str,
    data: str,
    map_iri: str,
    triples: int,
    old: GraphInfo | None,
    alive: str,
    traces: int | None = None,
) -> tuple[str, list[GraphInfo]]:
    """Point ``graph`` at ``data`` with one update operation, check it did.

    Returns the time of the swap and the versions now displaced. ``alive`` is the
    push's last alive mark, removed with the swap. ``traces``: how many traces the
    companion graph of ``data`` holds (None: there is none), named with the swap.
    """
    g, d, c = _iri(graph), _iri(data), _iri(CATALOG)
    when = _now_text()
    pushed = sparql_term(ox.Literal(when, datatype=ox.NamedNode(XSD + "dateTime")))
    meta = (
        f"{g} a st:MapGraph ; st:current {d} .\n"
        f"{d} st:graph {g} ; st:map {_iri(map_iri)} ; st:triples {sparql_term(triples)} ; "
        f"st:pushed {pushed} ."
    )
    if traces is not None:
        meta = meta[:-1] + (
            f"; st:traces {_iri(companion_name(data))} ; st:traced {sparql_term(traces)} ."
        )
    mark = f"DELETE DATA {{ GRAPH {c} {{ {d} st:alive {alive} }} }}"
    # One operation either way. (DELETE/INSERT with an OPTIONAL match would cover both
    # cases, but Virtuoso 7.2 inserts nothing when the OPTIONAL does not match.)
    if old is None:
        store.update(_PREFIX + f"INSERT DATA {{ GRAPH {c} {{\n{meta}\n}} }}")
        with contextlib.suppress(StoreError):  # a stale mark on a current graph is harmless
            store.update(mark)
    else:
        store.update(
            _PREFIX
            + f"DELETE {{ GRAPH {c} {{ {g} st:current ?old . {d} st:alive {alive} }} }}\n"
            + f"INSERT {{ GRAPH {c} {{\n{meta}\n}} }}\n"
            + f"WHERE {{ GRAPH {c} {{ {g} st:current ?old }} }}"
        )
    swapped, displaced = _settle(store, graph, data)
    if not swapped:
        # The pointer vanished between reading and swapping (a concurrent delete), so
        # the swap matched nothing: point at the new version afresh.
        store.update(_PREFIX + f"INSERT DATA {{ GRAPH {c} {{\n{meta}\n}} }}")
        with contextlib.suppress(StoreError):
            store.update(mark)
        swapped, displaced = _settle(store, graph, data)
        if not swapped:
            raise StoreProtocolError(
                f"the store accepted the swap to <{data}> but <{graph}> does not point at it"
            )
    return when, displaced


def _cleanup_after_failure(store: Store, data: str) -> str:
    try:
        _drop_version(store, data)
    except StoreError:
        return (
            f"the partial upload <{data}> may remain; argmap.store.gc(store) or "
            "`argmap graphs --gc` removes it"
        )
    return f"the partial upload <{data}> was removed"


def _drop_version(store: Store, data: str, size: int | None = None) -> None:
    """Remove data graph ``data``: its triples first, then its catalog lines.

    Its companion graph of stored traces goes first of all (:mod:`argmap.store.traces`).
    In that order, a push can tell that a data graph without catalog lines was displaced
    and removed (it is empty) from one whose swap never happened (it still holds data).
    """
    store.update(f"DROP SILENT GRAPH {_iri(companion_name(data))}")
    drop_graph(store, data, size=size)
    store.update(f"DELETE WHERE {{ GRAPH {_iri(CATALOG)} {{ {_iri(data)} ?p ?o }} }}")


def _retire(store: Store, old: GraphInfo) -> None:
    """Remove a replaced version (warn when the store does not let us)."""
    try:
        _drop_version(store, old.data_graph, old.triples)
    except StoreError as exc:
        warnings.warn(
            f"the previous version <{old.data_graph}> of <{old.graph}> could not be removed "
            f"({exc}); argmap.store.gc(store) removes it later",
            StoreCleanupWarning,
            stacklevel=3,
        )


def drop_graph(store: Store, graph: str, *, size: int | None = None) -> None:
    """Delete named graph ``graph`` and every triple in it.

    Where the dialect says large transactions are slow (``delete_batch``), a graph with
    more triples than that is emptied in batches first; each batch is a transaction of
    its own, so use this only on graphs nobody reads (replaced versions).
    """
    g = _iri(graph)
    step = store.dialect.delete_batch
    if step:
        remaining = _count(store, graph) if size is None else size
        while remaining > step:
            store.update(
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o WHERE "
                f"{{ GRAPH {g} {{ ?s ?p ?o }} }} LIMIT {step} }} }}"
            )
            remaining = _count(store, graph)
    store.update(f"DROP SILENT GRAPH {g}")


# ---------------------------------------------------------------------- pull, delete, gc


def pull(store: Store, graph: str) -> ArgumentMap:
    """The map stored under ``graph``, equal to the one pushed.

    ``graph`` may also name a plain named graph holding a map that argmap did not push.

    Raises:
        StoreError: the store has no such graph (or it is empty).
        StoreProtocolError: the store returned fewer triples than the push stored
            (a server limit cut the download).
        ParseError: the graph does not hold an argument map.
    """
    from argmap.rdf import from_ntriples

    _iri(graph)
    info = resolve(store, graph)
    source = info.data_graph if info is not None else graph
    data = store.read_graph(source)
    lines = data.count(b"\n") - data.count(b"\n#") - (1 if data.startswith(b"#") else 0)
    if data and not data.endswith(b"\n"):
        lines += 1
    if lines <= 0:
        raise StoreError(
            f"{store.location} has no map under <{graph}> (`argmap graphs` lists the maps)"
        )
    if info is not None and info.triples is not None and lines < info.triples:
        raise StoreProtocolError(
            f"pull of <{graph}> from {store.location}: received {lines} of the "
            f"{info.triples} triples pushed; the server cut the download (for Virtuoso, "
            "raise [SPARQL] ResultSetMaxRows)"
        )
    return from_ntriples(data, file=f"<{graph}> at {store.location}")


def delete(store: Store, graph: str) -> bool:
    """Delete the map stored under ``graph``; ``False`` when there was none.

    The catalog entry goes first, in one update, so the map disappears at once; its
    data graph is removed after.
    """
    c, g = _iri(CATALOG), _iri(graph)
    info = resolve(store, graph)
    if info is None:
        if store.ask(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}"):
            drop_graph(store, graph)
            return True
        return False
    store.update(f"DELETE WHERE {{ GRAPH {c} {{ {g} ?p ?o }} }}")
    _sweep(store, graph)  # every version, also one a racing first push pointed at
    return True


def gc(store: Store, *, older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Remove what failed or crashed pushes left; the data graphs removed, sorted.

    * A displaced version (catalog lines, no pointer: a push replaced it but could not
      remove it) goes at once: nothing writes or reads it any more.
    * The stored traces of a data graph (:mod:`argmap.store.traces`) go with it, and
      when their data graph is gone, under the same rule as an upload.
    * A data graph named like argmap's that neither a pointer nor catalog lines claim is
      an upload: a push in progress or one that died. It goes when its last sign of life
      (the ``st:alive`` mark a push refreshes every minute, else the time in its name)
      is more than ``older_than`` ago, so a live push is left alone (see the module
      docstring for the rule and what it assumes).

    >>> from argmap.store import open_store
    >>> gc(open_store(None))
    []
    """
    c = _iri(CATALOG)
    rows = store.select(_PREFIX + f"SELECT ?d ?p ?o WHERE {{ GRAPH {c} {{ ?d ?p ?o }} }}")
    claimed: dict[str, int | None] = {}
    alive: dict[str, str] = {}
    current: set[str] = set()
    for row in rows:
        d, p, o = (_bound(row, k, "reading the catalog") for k in ("d", "p", "o"))
        if p.value == ST + "graph":
            claimed.setdefault(d.value, None)
        elif p.value == ST + "triples":
            n = _value(o)
            claimed[d.value] = n if isinstance(n, int) else None
        elif p.value == ST + "alive":
            alive[d.value] = max(alive.get(d.value, ""), o.value)
        elif p.value == ST + "current":
            current.add(o.value)
    cutoff = datetime.now(UTC) - older_than
    removed = []
    for name in sorted(set(_named_graphs(store)) | set(claimed) | set(alive)):
        if name in current or name == CATALOG:
            continue
        if name.endswith(TRACES_SUFFIX):  # stored traces: they go with their data graph
            version = name[: -len(TRACES_SUFFIX)]
            match = _DATA_NAME.search(version)
            if version in current or version in claimed or not match:
                continue
            made = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            if (_parse_time(alive[version]) if version in alive else made) <= cutoff:
                store.update(f"DROP SILENT GRAPH {_iri(name)}")
                removed.append(name)
            continue
        if name in claimed:
            _drop_version(store, name, claimed[name])
            removed.append(name)
            continue
        match = _DATA_NAME.search(name)
        if not match:
            continue
        made = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        last = _parse_time(alive[name]) if name in alive else made
        if last <= cutoff:
            _drop_version(store, name)
            removed.append(name)
    return sorted(removed)
