"""Benchmark triple stores (issue 10): push the synthetic map to Oxigraph, query it there.

Steps, on the seeded map of ``benchmarks/synthetic.py`` (default 1e6 nodes, ~4.7M
triples) and a local Oxigraph server started here (or ``--url`` of a running one):

1. **push** — :func:`argmap.store.push`: N-Triples batches by ``POST
   /store?graph=D&no_transaction`` into a fresh data graph, a count check, then one
   update swapping the catalog pointer. Wall time, triples/s, and the client's resident
   memory: before the push (the map itself) and the peak during it.
2. **trace** — per recommendation (a seeded sample): the seven SPARQL twins of the trace
   run in the server (``twins``: the queries alone; ``trace_sets``: with resolving the
   graph and the root), and the full :func:`argmap.store.trace` (twins, then the trace's
   triples fetched by ``CONSTRUCT`` and traced in memory). Median of the medians of
   ``--repeat`` runs; an empty ``ASK {}`` round trip for scale.
3. **cross-map** — two more maps (``--small`` nodes each) whose actors are
   ``owl:sameAs`` actors of the big map; :func:`argmap.store.shared_actors` and
   :func:`argmap.store.recommendations_resting_on` over the whole store.
4. ``--replace``: push the big map again over itself (upload, swap, then the old version
   deleted in batches).

Timings print as Markdown for ``benchmarks/RESULTS.md``; nothing is asserted.

    python benchmarks/bench_store.py                          # full size
    python benchmarks/bench_store.py --nodes 100000 --repeat 5   # quick
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from argmap import ArgumentMap  # noqa: E402
from argmap.store import (  # noqa: E402
    connect,
    push,
    recommendations_resting_on,
    shared_actors,
    trace,
    trace_sets,
)
from argmap.store.query import _twin_rows  # noqa: E402

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


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
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
            with peak_rss() as mem:
                t0 = time.perf_counter()
                info = push(m, store, batch_triples=args.batch, progress=False)
                elapsed = time.perf_counter() - t0
            rows.append(
                (
                    "push (atomic, new graph)",
                    f"{elapsed:.1f} s, {info.triples} triples, {info.triples / elapsed:,.0f} triples/s",
                )
            )
            rows.append(
                (
                    "client memory",
                    f"{before:,.0f} MB before push (the map), peak {mem['peak']:,.0f} MB during "
                    f"(+{mem['peak'] - before:,.0f} MB)",
                )
            )

            rng = random.Random(args.seed)
            recs = sorted(r.id for r in m.recommendations())
            sample = rng.sample(recs, min(args.traces, len(recs)))
            roots = [m.iri_of(r) for r in sample]
            empty = median_time(lambda: store.ask("ASK {}"), args.repeat * 5)
            twins = statistics.median(
                median_time(lambda r=r: _twin_rows(store, info.data_graph, r), args.repeat)
                for r in roots
            )
            sets = statistics.median(
                median_time(lambda r=r: trace_sets(store, info.graph, r), args.repeat)
                for r in roots
            )
            full = statistics.median(
                median_time(lambda r=r: trace(store, info.graph, r), args.repeat) for r in roots
            )
            sizes = [len(trace_sets(store, info.graph, r).premises) for r in roots]
            rows.append(("empty request (ASK {})", f"{empty * 1e3:.2f} ms"))
            rows.append(
                (
                    "trace: the 7 twin queries",
                    f"{twins * 1e3:.1f} ms median ({len(roots)} recommendations, "
                    f"{statistics.median(sizes):.0f} premises median)",
                )
            )
            rows.append(("trace_sets (+ resolve graph and root)", f"{sets * 1e3:.1f} ms median"))
            rows.append(("trace (full Trace / JSON contract)", f"{full * 1e3:.1f} ms median"))

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

    print(
        f"\n{time.strftime('%Y-%m-%d')}, {platform.node() or 'machine'}: "
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores\n"
    )
    print("| step | result |\n|---|---|")
    for step, result in rows:
        print(f"| {step} | {result} |")


if __name__ == "__main__":
    main()
