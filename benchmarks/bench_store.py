"""Benchmark triple stores (issue 10): push the synthetic map to Oxigraph, query it there.

Steps, on the seeded map of ``benchmarks/synthetic.py`` (default 1e6 nodes, ~4.7M
triples) and a local Oxigraph server started here (or ``--url`` of a running one):

1. **push** — :func:`argmap.store.push`: N-Triples batches, written from the map while
   the previous one loads, by ``POST /store?graph=D&no_transaction`` (``--connections``
   at once) into a fresh data graph, a count check, then one update swapping the catalog
   pointer. Wall time, triples/s; where the time goes (upload vs count and swap, the
   server's and the client's CPU seconds, the client writing the batches alone); the
   client's resident memory: with the map made (the map itself), and the peak during the
   push over its start (``--tracemalloc``: also Python's own peak). Then the baselines,
   each on a fresh store (``--baseline``): ``load``, ``oxigraph load --file`` of the same
   N-Triples with no server running; ``put``, one transactional Graph Store ``PUT`` of
   them. ``--push-only`` stops here.
2. **trace** — per recommendation (a seeded sample): the full :func:`argmap.store.trace`,
   stored (the trace the push wrote beside the map, one request) and live
   (``precomputed=False``: one walk from the root, the trace's triples fetched by
   ``CONSTRUCT``, traced in memory), each checked equal to the in-memory Trace, with
   their ``to_dict()``, beside the in-memory ``trace(m, rec)`` and ``to_dict()``, wall
   and CPU time; what storing the traces added to the push; then the same rows against
   an embedded store on disk (``--skip-embedded`` leaves them out); the walk alone; the seven SPARQL twins
   run in the server (``twins``: the queries alone; ``trace_sets``: with resolving the
   graph and the root; ``--skip-twins`` leaves them out). Median of the medians of
   ``--repeat`` runs; an empty ``ASK {}`` round trip for scale. ``--trace-only`` with
   ``--url`` of a server already holding the map: no push, only these rows.
3. **cross-map** — two more maps (``--small`` nodes each) whose actors are
   ``owl:sameAs`` actors of the big map; :func:`argmap.store.shared_actors` and
   :func:`argmap.store.recommendations_resting_on` over the whole store.
4. ``--replace``: push the big map again over itself (upload, swap, then the old version
   deleted in batches).

Timings print as Markdown for ``benchmarks/RESULTS.md``; nothing is asserted.

    python benchmarks/bench_store.py                          # full size
    python benchmarks/bench_store.py --nodes 100000 --repeat 5   # quick
    python benchmarks/bench_store.py --push-only --connections 2   # the push alone
    python benchmarks/bench_store.py --url http://127.0.0.1:7878 --trace-only --skip-twins
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from argmap import ArgumentMap  # noqa: E402
from argmap.namespace import NS  # noqa: E402
from argmap.rdf import iter_ntriples_lines  # noqa: E402
from argmap.store import (  # noqa: E402
    connect,
    push,
    recommendations_resting_on,
    shared_actors,
    trace,
    trace_sets,
)
from argmap.store.push import _batches  # noqa: E402
from argmap.store.query import _TRACE_NODES, _twin_rows  # noqa: E402

from synthetic import generate  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process, in MB (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@contextmanager
def peak_rss() -> Iterator[dict[str, float]]:
    """Sample the resident memory every 20 ms; ``out["peak"]`` once the block ends."""
    out = {"peak": rss_mb()}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            out["peak"] = max(out["peak"], rss_mb())
            stop.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield out
    finally:
        stop.set()
        thread.join()
        out["peak"] = max(out["peak"], rss_mb())


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of process ``pid`` (all its threads) so far (Linux)."""
    if pid is None:
        return float("nan")
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _bench_push(
    m: ArgumentMap, store: Any, args: argparse.Namespace, server: Any, before: float
) -> tuple[list[tuple[str, str]], Any, float]:
    """Push rows: the push itself, where its time goes, its memory; and the baselines."""
    rows: list[tuple[str, str]] = []
    size = args.batch or store.dialect.batch_triples
    gc.collect()
    marks: list[float] = []
    pid = server.pid if server is not None else None
    start = rss_mb()
    if args.tracemalloc:
        tracemalloc.start()
    with peak_rss() as mem:
        s0, c0 = cpu_seconds(pid), time.process_time()
        t0 = time.perf_counter()
        info = push(
            m,
            store,
            batch_triples=args.batch,
            connections=args.connections,
            progress=args.progress,
            on_batch=lambda sent, total: marks.append(time.perf_counter()),
        )
        elapsed = time.perf_counter() - t0
        server_cpu, client_cpu = cpu_seconds(pid) - s0, time.process_time() - c0
    traced = ""
    if args.tracemalloc:
        traced = f"; tracemalloc peak {tracemalloc.get_traced_memory()[1] / 1e6:,.0f} MB"
        tracemalloc.stop()
    upload = marks[-1] - t0
    rows.append(
        (
            "push (atomic: stream to a fresh graph, count, swap pointer)",
            f"**{elapsed:.1f} s**, {info.triples:,} triples, {info.triples / elapsed:,.0f} "
            f"triples/s ({len(marks)} batches of {size:,}, {args.connections} "
            f"connection{'s' if args.connections > 1 else ''})",
        )
    )
    gc.collect()
    t1, c1 = time.perf_counter(), time.process_time()
    sum(1 for _ in _batches(iter_ntriples_lines(m), size))
    write, write_cpu = time.perf_counter() - t1, time.process_time() - c1
    rows.append(
        (
            "push: where the time goes",
            f"upload {upload:.1f} s, then count + swap {elapsed - upload:.1f} s; CPU during "
            f"the push: server {server_cpu:.1f} s, client {client_cpu:.1f} s; writing the "
            f"batches, run again alone: {write_cpu:.1f} s CPU ({write:.1f} s wall), which the "
            "push does in a thread while the server loads",
        )
    )
    rows.append(
        (
            "client memory",
            f"{before:,.0f} MB RSS with the map made (the map itself), {start:,.0f} MB when "
            f"the push starts, peak {mem['peak']:,.0f} MB during it: "
            f"**+{mem['peak'] - start:,.0f} MB** for the push{traced}",
        )
    )
    for name in args.baseline.split(",") if args.baseline and server is not None else []:
        rows.append(_baseline(name.strip(), m, args, elapsed))
    return rows, info, elapsed


def _bench_embedded(m: ArgumentMap, args: argparse.Namespace) -> list[tuple[str, str]]:
    """The trace rows against an embedded store on disk holding the same map."""
    from argmap.store import open_store

    where = Path(tempfile.mkdtemp(prefix="bench-embedded-", dir=args.embedded_dir))
    try:
        with open_store(where / "store") as store:
            t0 = time.perf_counter()
            info = push(m, store, progress=False)
            elapsed = time.perf_counter() - t0
            rows = [
                (
                    "embedded (on disk): push with traces",
                    f"{elapsed:.1f} s, {info.triples:,} triples, {info.traces} traces",
                )
            ]
            return rows + _bench_trace(m, store, info.graph, info.data_graph, args, "embedded")
    finally:
        shutil.rmtree(where, ignore_errors=True)


def _baseline(
    name: str, m: ArgumentMap, args: argparse.Namespace, push_s: float
) -> tuple[str, str]:
    """One baseline on a fresh server or store: ``put`` (one Graph Store PUT) or ``load``."""
    import subprocess

    import httpx

    from servers import OxigraphServer

    graph = m.iri + "#baseline"
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    try:
        if name == "put":
            server = OxigraphServer(workdir)
            server.start()
            try:

                def body() -> Iterator[bytes]:
                    for chunk, _ in _batches(iter_ntriples_lines(m), 50_000):
                        yield chunk

                c0 = cpu_seconds(server.pid)
                t0 = time.perf_counter()
                try:
                    response = httpx.put(
                        f"{server.base_url}/store",
                        params={"graph": graph},
                        content=body(),
                        headers={"Content-Type": "application/n-triples"},
                        timeout=args.put_timeout,
                    )
                    response.raise_for_status()
                except httpx.TimeoutException:
                    return (
                        "baseline: one Graph Store PUT (transactional)",
                        f"not finished after {args.put_timeout:.0f} s "
                        f"(push is < {push_s / args.put_timeout:.2f}x of it)",
                    )
                elapsed = time.perf_counter() - t0
                cpu = cpu_seconds(server.pid) - c0
            finally:
                server.stop()
            n = sum(1 for _ in iter_ntriples_lines(m))
            return (
                "baseline: one Graph Store PUT of the same N-Triples (transactional)",
                f"{elapsed:.1f} s, {n / elapsed:,.0f} triples/s, server CPU {cpu:.1f} s; "
                f"push takes **{push_s / elapsed:.2f}x** its time",
            )
        if name == "load":
            path = workdir / "map.nt"
            t0 = time.perf_counter()
            with open(path, "wb") as f:
                for chunk, _ in _batches(iter_ntriples_lines(m), 50_000):
                    f.write(chunk)
            written = time.perf_counter() - t0
            before = os.times()
            t0 = time.perf_counter()
            subprocess.run(
                [
                    "oxigraph",
                    "load",
                    "--location",
                    str(workdir / "db"),
                    "--file",
                    str(path),
                    "--graph",
                    graph,
                ],
                check=True,
                capture_output=True,
            )
            elapsed = time.perf_counter() - t0
            after = os.times()
            cpu = (after.children_user - before.children_user) + (
                after.children_system - before.children_system
            )
            return (
                "baseline: `oxigraph load --file` offline (needs the server stopped)",
                f"{elapsed:.1f} s load ({cpu:.1f} s CPU) + {written:.1f} s writing the file; "
                f"push takes **{push_s / elapsed:.2f}x** the load",
            )
        raise SystemExit(f"unknown baseline {name!r} (put, load)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ---------------------------------------------------------------------- trace rows


def _times(fns: list[Callable[[], Any]], repeat: int) -> list[tuple[float, float]]:
    """(median wall, median CPU) seconds of each of ``fns``, run interleaved ``repeat`` times."""
    walls: list[list[float]] = [[] for _ in fns]
    cpus: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            walls[i].append(time.perf_counter() - t0)
            cpus[i].append(time.process_time() - c0)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def _per_root(
    roots: list[str], fns: list[Callable[[str], Any]], repeat: int
) -> list[tuple[float, float]]:
    """Median over ``roots`` of the (wall, CPU) medians of each of ``fns`` (interleaved)."""
    per = [_times([lambda f=f, r=r: f(r) for f in fns], repeat) for r in roots]
    return [
        (statistics.median(p[i][0] for p in per), statistics.median(p[i][1] for p in per))
        for i in range(len(fns))
    ]


def _ms(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1e3:.1f} ms wall / {pair[1] * 1e3:.1f} ms CPU"


def _bench_trace(
    m: ArgumentMap, store: Any, graph: str, data_graph: str, args: argparse.Namespace,
    where: str = "server",
) -> list[tuple[str, str]]:
    """Trace rows: the store's trace, stored and live, beside the in-memory trace.

    Each figure is the median, over ``--traces`` sampled recommendations, of the median
    of ``--repeat`` runs, the stored and the live trace interleaved. ``trace(store, ...)``
    is :func:`argmap.store.trace`: with the map pushed with its traces it reads the
    recommendation's stored trace with one request (``stored``); ``precomputed=False``
    takes the live path (resolve the graph and the root, fetch the trace's part of the map
    by CONSTRUCT, trace it in memory), which is what main does (the baseline). Both return
    a Trace equal to the in-memory one (checked here for every sampled root, not timed).
    The in-memory rows trace ``m`` with its support index already built, as a notebook
    holding the map would. ``--skip-twins`` leaves out the twin rows.
    """
    from argmap.query import trace as trace_in_memory
    from argmap.store.traces import stored_trace

    rng = random.Random(args.seed)
    recs = sorted(r.id for r in m.recommendations())
    roots = [m.iri_of(r) for r in rng.sample(recs, min(args.traces, len(recs)))]

    def live(r: str) -> Any:
        return trace(store, graph, r, precomputed=False)

    def stored(r: str) -> Any:
        return trace(store, graph, r)

    sizes: list[int] = []
    equal = {"stored": True, "live": True}
    traffic: dict[str, list[int]] = {"stored": [], "live": []}
    client = getattr(store, "_client", None)
    for r in roots:
        theirs = trace_in_memory(m, r)
        sizes.append(len(theirs.premises))
        for name, fn in (("stored", stored), ("live", live)):
            got: list[int] = []
            hook = lambda response, got=got: got.append(len(response.read()))  # noqa: E731
            if client is not None:
                client.event_hooks["response"].append(hook)
            try:
                ours = fn(r)
            finally:
                if client is not None:
                    client.event_hooks["response"].remove(hook)
            traffic[name].append(sum(got))
            traffic[name].append(len(got))
            equal[name] = equal[name] and ours == theirs and ours.to_dict() == theirs.to_dict()
        assert stored_trace(store, graph, r) is not None, "no stored trace: push with traces"

    def answers(name: str) -> str:
        if client is None:
            return "in process"
        data = traffic[name]
        n, kb = sum(data[1::2]) / len(roots), sum(data[0::2]) / len(roots) / 1e3
        return f"{n:.0f} requests, {kb:,.0f} kB of answers per trace"

    mem, mem_dict = _per_root(
        roots, [lambda r: trace_in_memory(m, r), lambda r: trace_in_memory(m, r).to_dict()],
        args.repeat,
    )
    st_t, lv_t = _per_root(roots, [stored, live], args.repeat)
    st_d, lv_d = _per_root(roots, [lambda r: stored(r).to_dict(), lambda r: live(r).to_dict()],
                           args.repeat)
    walk = _per_root(
        roots,
        [lambda r: store.select(_TRACE_NODES.format(ns=NS, root=f"<{r}>"),
                                default_graph=data_graph)],
        args.repeat,
    )[0]
    empty = _times([lambda: store.ask("ASK {}")], args.repeat * 5)[0]
    n = f"{len(roots)} recommendations, {statistics.median(sizes):.0f} premises median"
    goal = 50 if where == "server" else 20
    rows = [
        (f"{where}: empty request (`ASK {{}}`)", _ms(empty)),
        (f"{where}: in memory `trace(m, rec)`", f"{_ms(mem)} ({n})"),
        (f"{where}: in memory `trace(m, rec).to_dict()`", _ms(mem_dict)),
        (f"{where}: the walk alone (one SELECT of the trace's statements and arguments)",
         _ms(walk)),
        (
            f"{where}: `trace(store, g, rec)`, stored trace (goal < {goal} ms)",
            f"**{_ms(st_t)}** ({answers('stored')}; equal to the in-memory Trace: "
            f"{'yes' if equal['stored'] else 'NO'})",
        ),
        (
            f"{where}: `trace(store, g, rec, precomputed=False)`, live path (baseline: main's way)",
            f"{_ms(lv_t)} ({answers('live')}; equal: {'yes' if equal['live'] else 'NO'}); "
            f"live / stored = **{lv_t[0] / st_t[0]:.1f}x** wall, {lv_t[1] / st_t[1]:.1f}x CPU",
        ),
        (f"{where}: `.to_dict()` of the stored trace (the `argmap trace` JSON)", _ms(st_d)),
        (f"{where}: `.to_dict()` of the live trace", f"{_ms(lv_d)}; live / stored = "
         f"{lv_d[0] / st_d[0]:.1f}x wall"),
    ]
    if not args.skip_twins and where == "server":
        twins = per_root_wall(roots, lambda r: _twin_rows(store, data_graph, r), args.repeat)
        sets = per_root_wall(roots, lambda r: trace_sets(store, graph, r), args.repeat)
        rows.append(("the 7 SPARQL twins, run in the server", f"{twins * 1e3:,.0f} ms"))
        rows.append(("`trace_sets` (twins + resolving graph and root)", f"{sets * 1e3:,.0f} ms"))
    return rows


def per_root_wall(roots: list[str], fn: Callable[[str], Any], repeat: int) -> float:
    return _per_root(roots, [fn], repeat)[0][0]


def _bench_companion(m: ArgumentMap, store: Any, push_s: float) -> tuple[str, str]:
    """What storing the traces adds to a push: the companion written and uploaded alone."""
    from argmap.store.push import data_graph_name
    from argmap.store.traces import companion_lines, companion_name, upload_companion

    data = data_graph_name(m.iri)
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    size = sum(len(line.encode()) + 1 for line in companion_lines(m, data))
    write_cpu, write = time.process_time() - c0, time.perf_counter() - t0
    gc.collect()
    start = rss_mb()
    with peak_rss() as mem:
        c0, t0 = time.process_time(), time.perf_counter()
        n = upload_companion(store, m, data)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    store.update(f"DROP SILENT GRAPH <{companion_name(data)}>")
    return (
        "push: what storing the traces adds (the companion alone, into a scratch graph)",
        f"{elapsed:.1f} s wall, {cpu:.1f} s client CPU ({elapsed / (push_s - elapsed) * 100:.0f}% "
        f"of a push without it); {n:,} traces, {2 * n:,} triples, {size / 1e6:,.0f} MB of "
        f"N-Triples; writing them alone {write_cpu:.1f} s CPU ({write:.1f} s wall); client "
        f"memory +{mem['peak'] - start:,.0f} MB over {start:,.0f} MB",
    )


def _stored(store: Any, m: ArgumentMap) -> Any:
    """The catalog entry of ``m`` at ``store`` (``--trace-only``)."""
    from argmap.store import resolve

    info = resolve(store, m.iri)
    if info is None:
        raise SystemExit(f"{store.location} holds no map under <{m.iri}>; push it first")
    return info


def _linked_map(name: str, big: ArgumentMap, n: int, seed: int) -> ArgumentMap:
    """A small synthetic map whose actors are owl:sameAs actors of ``big``."""
    small = generate(n, seed)
    m = ArgumentMap(name, title=f"linked to {big.name}")
    for node in small.nodes():
        if node.kind == "actor":
            node = node.model_copy(update={"same_as": (big.iri_of(node.id),)})
        m.add(node)
    return m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--small", type=int, default=10_000, help="nodes of each linked map")
    parser.add_argument("--traces", type=int, default=20, help="recommendations traced")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--batch", type=int, default=None, help="triples per upload")
    parser.add_argument("--url", default=None, help="a running Oxigraph server instead")
    parser.add_argument("--replace", action="store_true", help="also time a re-push")
    parser.add_argument("--push-only", action="store_true", help="stop after the push rows")
    parser.add_argument("--connections", type=int, default=1, help="uploads at once")
    parser.add_argument("--progress", action="store_true", help="show push's progress bar")
    parser.add_argument(
        "--baseline",
        default="load,put",
        help="baselines run on fresh servers after the push: load (`oxigraph load`), "
        "put (one Graph Store PUT); empty for none",
    )
    parser.add_argument("--put-timeout", type=float, default=1800.0, help="seconds")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also trace the push's Python allocations"
    )
    parser.add_argument(
        "--trace-only",
        action="store_true",
        help="with --url of a server that already holds this map: no push, only the trace rows",
    )
    parser.add_argument("--skip-twins", action="store_true", help="leave out the twin rows")
    parser.add_argument(
        "--skip-embedded", action="store_true", help="leave out the embedded store's rows"
    )
    parser.add_argument(
        "--embedded-dir", default=None, help="where the embedded store goes (default: a temp dir)"
    )
    args = parser.parse_args()
    if args.trace_only and args.url is None:
        parser.error("--trace-only needs --url of a server holding the map")

    rows: list[tuple[str, str]] = _Rows()
    t0 = time.perf_counter()
    m = generate(args.nodes, args.seed)
    rows.append(("generate map", f"{time.perf_counter() - t0:.1f} s ({len(m)} nodes)"))
    gc.collect()
    before = rss_mb()

    server = None
    url = args.url
    if url is None:
        from servers import OxigraphServer

        server = OxigraphServer(Path(tempfile.mkdtemp(prefix="bench-oxigraph-")))
        server.start()
        url = server.base_url
    try:
        with connect(url, dialect="oxigraph", timeout=600) as store:
            if args.trace_only:
                info = _stored(store, m)
            else:
                push_rows, info, push_s = _bench_push(m, store, args, server, before)
                rows += push_rows
            if args.push_only:
                _print(rows)
                return

            if not args.trace_only:
                rows.append(_bench_companion(m, store, push_s))
            rows += _bench_trace(m, store, info.graph, info.data_graph, args)
            if not args.skip_embedded:
                rows += _bench_embedded(m, args)
            if args.trace_only:
                _print(rows)
                return

            for i in (1, 2):
                linked = _linked_map(f"linked-{i}", m, args.small, args.seed + i)
                push(linked, store, progress=False)
            actor = m.iri_of(sorted(a.id for a in m.actors())[0])
            shared = median_time(lambda: shared_actors(store), args.repeat)
            resting = median_time(lambda: recommendations_resting_on(store, actor), args.repeat)
            n_shared = len(shared_actors(store))
            n_resting = len(recommendations_resting_on(store, actor))
            rows.append(
                (
                    "cross-map: actors in more than one map",
                    f"{shared * 1e3:.0f} ms median ({n_shared} actors, 3 maps)",
                )
            )
            rows.append(
                (
                    "cross-map: recommendations resting on an actor's premises",
                    f"{resting * 1e3:.0f} ms median ({n_resting} rows)",
                )
            )
            if args.replace:
                with peak_rss() as mem:
                    t0 = time.perf_counter()
                    push(m, store, batch_triples=args.batch, progress=False)
                    elapsed = time.perf_counter() - t0
                rows.append(
                    (
                        "re-push over itself (upload, swap, old version deleted)",
                        f"{elapsed:.1f} s, peak {mem['peak']:,.0f} MB",
                    )
                )
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.workdir, ignore_errors=True)

    _print(rows)


class _Rows(list[tuple[str, str]]):
    """Rows that are also printed (to stderr) as they come, so a run cut short keeps them."""

    def append(self, row: tuple[str, str]) -> None:
        print(f"| {row[0]} | {row[1]} |", file=sys.stderr, flush=True)
        super().append(row)

    def __iadd__(self, rows: Any) -> _Rows:
        for row in rows:
            self.append(row)
        return self


def _print(rows: list[tuple[str, str]]) -> None:
    print(
        f"\n{time.strftime('%Y-%m-%d')}, {platform.node() or 'machine'}: "
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n"
    )
    print("| step | result |\n|---|---|")
    for step, result in rows:
        print(f"| {step} | {result} |")


if __name__ == "__main__":
    main()
