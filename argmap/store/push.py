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
import queue
import re
import secrets
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from argmap.errors import (
    ArgmapError,
    ModelError,
    StoreCleanupWarning,
    StoreError,
    StoreProtocolError,
)
from argmap.queries import sparql_term
from argmap.store.base import Store
from argmap.vocab import INTEGER_TYPES, XSD

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

CATALOG = "https://w3id.org/argmap/store/catalog"
"""The named graph that says which data graph holds each map."""
ST = "https://w3id.org/argmap/store#"
"""argmap's store vocabulary (catalog terms only; the maps use ``am:``)."""
_PREFIX = f"PREFIX st: <{ST}>\n"
_DATA_NAME = re.compile(r"[#-]argmap-(\d{8}T\d{6})Z?-[0-9a-f]{8}$")
_BNODE_OBJECT = re.compile(r" _:[^\s\"]+ \.$")

ProgressCallback = Callable[[int, int], None]
_ALIVE_EVERY = 60.0  # seconds between the "still pushing" marks of a push in progress


@dataclass(frozen=True)
class GraphInfo:
    """One map in a store.

    Attributes:
        graph: the graph IRI the map is stored under.
        data_graph: the named graph holding its triples now.
        map_iri: the IRI of the map (``None`` when unknown).
        triples: how many triples the push stored (``None`` when unknown).
        pushed: when it was pushed (ISO 8601, UTC), or ``None``.
    """

    graph: str
    data_graph: str
    map_iri: str | None = None
    triples: int | None = None
    pushed: str | None = None


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


# ---------------------------------------------------------------------- push


def _batches(lines: Iterable[str], size: int) -> Iterator[tuple[bytes, int]]:
    """N-Triples batches of ``size`` lines; lines with blank nodes all in the last one.

    A blank node label is local to one document, so every triple naming blank nodes
    must reach the server in the same request (only foreign triples have them).
    """
    with_bnodes: list[str] = []
    chunks: list[bytes] = []  # the batch so far, encoded a few thousand lines at a time
    pending: list[str] = []
    add = pending.append
    n = 0
    for line in lines:
        if "_:" in line and (line.startswith("_:") or _BNODE_OBJECT.search(line)):
            with_bnodes.append(line)
            continue
        add(line)
        if len(pending) >= _CHUNK_LINES or n + len(pending) >= size:
            chunks.append(_encode(pending))
            n += len(pending)
            pending.clear()
            if n >= size:
                yield b"".join(chunks), n
                chunks.clear()
                n = 0
    pending.extend(with_bnodes)
    if pending:
        chunks.append(_encode(pending))
        n += len(pending)
    if n:
        yield b"".join(chunks), n


_CHUNK_LINES = 4096  # lines encoded at once, so a batch is never held as str objects


def _encode(lines: list[str]) -> bytes:
    try:
        return ("\n".join(lines) + "\n").encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ModelError(f"the map holds text that is not valid Unicode: {exc}") from None


class _Prefetch:
    """The batches of a map, made in a thread one or two batches ahead of the upload.

    Writing N-Triples is Python work and an upload mostly waits on the server, so the
    next batch is made while the current one loads: memory holds at most
    ``ahead`` + 2 batches. An error in the writer is raised where the batch is taken.
    """

    def __init__(self, batches: Iterator[tuple[bytes, int]], ahead: int = 1) -> None:
        self._queue: queue.Queue[tuple[bytes, int] | BaseException | None] = queue.Queue(ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(batches,), name="argmap-push-writer", daemon=True
        )
        self._thread.start()

    def _run(self, batches: Iterator[tuple[bytes, int]]) -> None:
        item: tuple[bytes, int] | BaseException | None
        try:
            for item in batches:
                if not self._put(item):
                    return
            item = None
        except BaseException as exc:  # handed to the consumer, raised there
            item = exc
        self._put(item)

    def _put(self, item: tuple[bytes, int] | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop the writer (after a failure) and wait for it."""
        self._stop.set()
        self._thread.join()


def _upload(
    store: Store,
    data: str,
    batches: Iterable[tuple[bytes, int]],
    connections: int,
    taken: Callable[[int], None],
) -> None:
    """Append every batch to graph ``data``, ``connections`` at once, oldest first.

    ``taken(n)`` is called in this thread, in order, for each batch the store took. On
    any failure (or Ctrl-C) the uploads already under way are waited for, so that none
    lands after the caller has removed the partial graph.
    """
    if connections == 1:
        for body, n in batches:
            store.append(data, body)
            del body
            taken(n)
        return
    # Leaving the block, on success or failure, waits for every upload under way.
    with ThreadPoolExecutor(connections, thread_name_prefix="argmap-push-upload") as pool:
        running: deque[tuple[Future[None], int]] = deque()
        for body, n in batches:
            if len(running) == connections:
                done, k = running.popleft()
                done.result()
                taken(k)
            running.append((pool.submit(store.append, data, body), n))
            del body
        while running:
            done, k = running.popleft()
            done.result()
            taken(k)


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """Let a full garbage collection skip every object that exists now (the map).

    httpx keeps each request, and so its body, in a reference cycle with the response.
    A batch is in flight long enough for that cycle to reach the oldest generation,
    which Python collects only after allocating a fraction of all live objects: with a
    map of a million nodes, about twenty batches (600 MB) waited for it. With the map
    frozen, :func:`gc.collect` after each batch is cheap and frees the batch.
    """
    _gc.freeze()
    try:
        yield
    finally:
        _gc.unfreeze()


@contextmanager
def _progress_bar(enabled: bool | None, total: int, label: str) -> Iterator[ProgressCallback]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("triples"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, markup=False, emoji=False, highlight=False),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done, total: bar.update(task, completed=done)


def push(
    m: ArgumentMap,
    store: Store,
    graph: str | None = None,
    *,
    batch_triples: int | None = None,
    connections: int = 1,
    progress: bool | None = None,
    on_batch: ProgressCallback | None = None,
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
        if time.monotonic() - last_mark >= _ALIVE_EVERY:
            alive = _mark_alive(store, data)
        swapping = True
        pushed, displaced = _swap(store, graph, data, m.iri, stored, old, alive)
    except (StoreError, KeyboardInterrupt) as exc:
        outcome: bool | None = False
        if swapping:
            outcome, displaced = _swap_outcome(store, graph, data)
            if outcome is True:  # the swap happened; only its answer was lost
                _sweep(store, graph, displaced)
                return GraphInfo(graph, data, m.iri, stored, _now_text())
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
    return GraphInfo(graph, data, m.iri, stored, pushed)


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
) -> tuple[str, list[GraphInfo]]:
    """Point ``graph`` at ``data`` with one update operation, check it did.

    Returns the time of the swap and the versions now displaced. ``alive`` is the
    push's last alive mark, removed with the swap.
    """
    g, d, c = _iri(graph), _iri(data), _iri(CATALOG)
    when = _now_text()
    pushed = sparql_term(ox.Literal(when, datatype=ox.NamedNode(XSD + "dateTime")))
    meta = (
        f"{g} a st:MapGraph ; st:current {d} .\n"
        f"{d} st:graph {g} ; st:map {_iri(map_iri)} ; st:triples {sparql_term(triples)} ; "
        f"st:pushed {pushed} ."
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

    In that order, a push can tell that a data graph without catalog lines was displaced
    and removed (it is empty) from one whose swap never happened (it still holds data).
    """
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
