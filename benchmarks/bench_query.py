"""Benchmark the query engine (issue 3): in-memory trace vs its SPARQL twins.

Two parts, each on a map from the seeded generator ``benchmarks/synthetic.py``:

* ``--large N`` (default 1e6 nodes): the support index build; one ``trace`` per
  recommendation (median over recommendations of the median of ``--repeat`` runs);
  the same with every view materialised (``to_dict``); ``premises``; every recommendation
  traced (``trace_all``); ``critical_premises`` of one recommendation.
* ``--compare N`` (default 1e5 nodes): side by side, on one map, the in-memory answer
  against rdflib's SPARQL engine and pyoxigraph running the same named queries
  (``argmap/queries/*.rq``): reachability (``premises`` vs ``trace_premises.rq``) and the
  whole trace (``trace(...).to_sets()`` vs :func:`argmap.query.trace_sparql`, seven
  queries).

Timings are printed as a Markdown table for ``benchmarks/RESULTS.md``. Nothing here is
asserted; the targets are in the issue.

    python benchmarks/bench_query.py                       # both parts, full size
    python benchmarks/bench_query.py --large 100000 --compare 20000 --repeat 3   # quick
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from argmap.map import ArgumentMap
from argmap.query import critical_premises, premises, trace, trace_all, trace_sparql
from argmap.query._index import support_index

from synthetic import generate

Row = tuple[str, str, float, str]


def timed(fn: Callable[[], Any], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_rec(recs: list[str], fn: Callable[[str], Any], repeat: int) -> float:
    """Median over recommendations of the median of ``repeat`` runs each, in seconds."""
    return statistics.median(timed(lambda r=r: fn(r), repeat) for r in recs)


def fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def build(n: int) -> tuple[ArgumentMap, float]:
    start = time.perf_counter()
    m = generate(n, 0)
    return m, time.perf_counter() - start


def large(n: int, repeat: int, sample: int) -> list[Row]:
    m, made = build(n)
    gc.collect()
    print(f"# generated {m!r} in {made:.1f} s", file=sys.stderr)
    label = f"{len(m):,} nodes"
    recs = sorted(r.id for r in m.recommendations())
    some = recs[:: max(1, len(recs) // sample)][:sample]
    rows: list[Row] = []
    gc.collect()
    start = time.perf_counter()
    ix = support_index(m)
    ix.cycles()
    rows.append((label, "support index build (once per map version)",
                 time.perf_counter() - start, "1 run"))
    sizes = [len(trace(m, r).premises) for r in some]
    note = (f"{len(some)} recs, median {statistics.median(sizes):.0f} premises each, "
            f"median of {repeat}")
    rows.append((label, "trace(m, rec)", per_rec(some, lambda r: trace(m, r), repeat), note))
    rows.append((label, "premises(m, rec)", per_rec(some, lambda r: premises(m, r), repeat),
                 note))
    rows.append((label, "trace(m, rec).to_dict() (every view, IRIs, JSON-ready)",
                 per_rec(some[:20], lambda r: trace(m, r).to_dict(), max(1, repeat // 2)),
                 f"{min(20, len(some))} recs"))
    rows.append((label, "critical_premises(m, rec)",
                 per_rec(some, lambda r: critical_premises(m, r), repeat), note))

    def every() -> None:
        for t in trace_all(m).values():
            t.premises  # noqa: B018  (materialise the ids)

    rows.append((label, f"every recommendation traced ({len(recs)}), premises materialised",
                 timed(every, max(1, repeat // 2)), f"median of {max(1, repeat // 2)}"))
    return rows


def compare(n: int, repeat: int, sample: int) -> list[Row]:
    import pyoxigraph as ox
    import rdflib

    import argmap
    from argmap.queries import bind, prepared
    from argmap.rdf import ntriples

    m, made = build(n)
    gc.collect()
    print(f"# generated {m!r} in {made:.1f} s", file=sys.stderr)
    label = f"{len(m):,} nodes"
    data = ntriples(m)
    start = time.perf_counter()
    g = argmap.to_rdflib(m)
    print(f"# rdflib graph: {len(g)} triples in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    recs = sorted(r.id for r in m.recommendations())
    some = recs[:: max(1, len(recs) // sample)][:sample]
    iris = {r: m.iri_of(r) for r in some}
    support_index(m)
    # The twins must agree before their timings mean anything.
    for r in some[:3]:
        mine = trace(m, r).to_sets()
        assert mine == trace_sparql(g, iris[r]) == trace_sparql(store, iris[r]), r

    q = prepared("trace_premises")

    def rdflib_reach(r: str) -> Any:
        return list(g.query(q, initBindings={"root": rdflib.URIRef(iris[r])}))

    def oxi_reach(r: str) -> Any:
        return list(store.query(bind("trace_premises", root=iris[r])))

    rows: list[Row] = []
    note = f"{len(some)} recs, median of {repeat}"
    mem = per_rec(some, lambda r: premises(m, r), repeat)
    rdf = per_rec(some, rdflib_reach, repeat)
    oxi = per_rec(some, oxi_reach, repeat)
    rows += [
        (label, "reachability: in-memory premises(m, rec)", mem, note),
        (label, "reachability: rdflib SPARQL trace_premises.rq", rdf,
         f"{note}; in-memory is {rdf / mem:.0f}x faster"),
        (label, "reachability: pyoxigraph SPARQL trace_premises.rq", oxi,
         f"{note}; in-memory is {oxi / mem:.0f}x faster"),
    ]
    few = some[:20]
    slow = max(1, repeat // 2)
    mem_full = per_rec(few, lambda r: trace(m, r).to_sets(), repeat)
    rdf_full = per_rec(few, lambda r: trace_sparql(g, iris[r]), slow)
    oxi_full = per_rec(few, lambda r: trace_sparql(store, iris[r]), slow)
    rows += [
        (label, "whole trace: in-memory trace(m, rec).to_sets()", mem_full,
         f"{len(few)} recs, median of {repeat}; SPARQL rows median of {slow}"),
        (label, "whole trace: rdflib SPARQL trace_sparql (7 queries)", rdf_full,
         f"in-memory is {rdf_full / mem_full:.0f}x faster"),
        (label, "whole trace: pyoxigraph SPARQL trace_sparql (7 queries)", oxi_full,
         f"in-memory is {oxi_full / mem_full:.0f}x faster"),
    ]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=1_000_000, help="nodes (0: skip)")
    parser.add_argument("--compare", type=int, default=100_000, help="nodes (0: skip)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement")
    parser.add_argument("--sample", type=int, default=50, help="recommendations measured")
    args = parser.parse_args()
    rows: list[Row] = []
    if args.compare:
        rows += compare(args.compare, args.repeat, args.sample)
        gc.collect()
    if args.large:
        rows += large(args.large, args.repeat, args.sample)
    cpu = platform.processor() or platform.machine()
    print(f"\n{time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, {cpu}, "
          f"{os.cpu_count()} cores; `python benchmarks/bench_query.py "
          f"--large {args.large} --compare {args.compare} --repeat {args.repeat} "
          f"--sample {args.sample}`\n")
    print("| map | measurement | median | notes |")
    print("|---|---|---|---|")
    for label, what, seconds, note in rows:
        print(f"| {label} | {what} | {fmt(seconds)} | {note} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
