"""Benchmark validation (issue 5): all rules in Python, beside pySHACL on the shapes.

Two parts, each on a map from the seeded generator ``benchmarks/synthetic.py``:

* ``--large N`` (default 1e6 nodes): :func:`argmap.validate.validate` with every rule on
  the in-memory map (target: under 10 s).
* ``--compare N`` (default 1e5 nodes), side by side on one map: ``validate(m)`` on the
  map; ``validate(text)`` on the same map's N-Triples (parsing, the structural rules on
  the triples, loading, then the other rules); and pySHACL running
  ``ontology/shapes.ttl`` (with the ontology as ``ont_graph``) on the same map's rdflib
  graph, already parsed (target: the Python validator at least 20x faster).

Figures are medians of ``--repeat`` runs (pySHACL: ``--shacl-repeat``, it takes minutes
at 1e5). Nothing is asserted; the targets are in the issue. ``--write`` puts the rows
under ``## Validation (issue 5)`` in ``benchmarks/RESULTS.md`` (that section only).

    python benchmarks/bench_validate.py --write                     # both parts, full size
    python benchmarks/bench_validate.py --large 100000 --compare 10000 --repeat 3  # quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import argmap
from argmap.validate import RULES, SHACL_RULES, validate
from argmap.validate.shacl import ontology_graph, run_pyshacl, shapes_graph

from synthetic import generate

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION = "## Validation (issue 5)"
NOTE = (
    "Reading the rows: `validate(m)` is the issue's measure (every rule on the in-memory "
    "map). `validate(text)` adds parsing the N-Triples, the structural rules on the triples, "
    "loading the map with argmap's RDF reader (about half of its CPU time at 1e5) and then "
    "the map rules; with `rules=SHACL_RULES` it does only the first two, which is exactly "
    "what the shapes check. pySHACL runs the shapes (the structural rules and two logical "
    "ones) on a graph rdflib has already parsed, so its figure leaves parsing out. Wall "
    "times are inflated by other jobs on the shared 2-core machine; the CPU time of this "
    "process is the steadier figure."
)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall and CPU (process) time of ``repeat`` calls of ``fn`` (seconds), and the
    last result. On a shared machine the CPU time is the steadier of the two."""
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load {load:.1f}")


def large(n: int, repeat: int) -> list[str]:
    m = generate(n, 0)
    wall, cpu, report = timed(lambda: validate(m), repeat)
    counts = report.counts()
    print(f"validate(m), {len(m)} nodes: {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)",
          flush=True)
    n_rules = sum(1 for r in RULES.values() if r.on_map)
    return [f"| {dt.date.today()} | {machine()} | `validate(m)`, all {n_rules} map rules "
            f"| {len(m):,} | {wall:.2f} s | {cpu:.2f} s | {repeat} |"]


def compare(n: int, repeat: int, shacl_repeat: int) -> list[str]:
    m = generate(n, 0)
    text = argmap.dumps(m, "nt")
    graph = argmap.to_rdflib(m)
    shapes_graph()
    ontology_graph()
    t_map, c_map, _ = timed(lambda: validate(m), repeat)
    print(f"validate(m): {t_map:.2f} s ({c_map:.2f} s CPU)", flush=True)
    t_rdf, c_rdf, _ = timed(lambda: validate(text), repeat)
    print(f"validate(N-Triples text): {t_rdf:.2f} s ({c_rdf:.2f} s CPU)", flush=True)
    t_struct, c_struct, _ = timed(lambda: validate(text, rules=sorted(SHACL_RULES)), repeat)
    print(f"validate(text, shared rules only): {t_struct:.2f} s ({c_struct:.2f} s CPU)",
          flush=True)
    t_shacl, c_shacl, _ = timed(lambda: run_pyshacl(graph), shacl_repeat)
    print(f"pySHACL (shapes.ttl + ontology): {t_shacl:.2f} s ({c_shacl:.2f} s CPU)", flush=True)
    head = f"| {dt.date.today()} | {machine()} | {len(m):,} ({len(graph):,} triples) |"

    def row(what: str, wall: float, cpu: float, runs: int) -> str:
        return (f"{head} {what} | {wall:.2f} s | {cpu:.2f} s | {runs} | "
                f"{t_shacl / wall:.0f}x | {c_shacl / cpu:.0f}x |")

    return [
        row("`validate(m)`, all map rules", t_map, c_map, repeat),
        row("`validate(text)` of the N-Triples, all rules (parse, triples, load, map)",
            t_rdf, c_rdf, repeat),
        row("`validate(text, rules=SHACL_RULES)`, the shapes' rules only", t_struct, c_struct,
            repeat),
        row(f"pySHACL {_pyshacl_version()}: `ontology/shapes.ttl`, ont_graph = the ontology, "
            "graph already parsed", t_shacl, c_shacl, shacl_repeat),
    ]


def _pyshacl_version() -> str:
    import pyshacl

    return str(getattr(pyshacl, "__version__", "?"))


def write(command: str, large_rows: list[str], compare_rows: list[str]) -> None:
    body = [
        SECTION,
        "",
        f"Command: `{command}`",
        "",
        "Maps from `benchmarks/synthetic.py` (seed 0). Figures are medians of the runs "
        "shown, wall-clock and CPU (`time.process_time`) time; the machine is shared with "
        "other jobs, so its load average at the time is given, and the CPU time is the "
        "steadier figure.",
        "",
    ]
    if large_rows:
        body += [
            "### All rules on the large map (target: under 10 s)",
            "",
            "| date | machine | what | nodes | wall (median) | CPU (median) | runs |",
            "|---|---|---|---|---|---|---|",
            *large_rows,
            "",
        ]
    if compare_rows:
        body += [
            "### Side by side with pySHACL (target: at least 20x faster)",
            "",
            "| date | machine | map | what | wall (median) | CPU (median) | runs "
            "| pySHACL / this (wall) | (CPU) |",
            "|---|---|---|---|---|---|---|---|---|",
            *compare_rows,
            "",
        ]
    body += [NOTE, ""]
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else (
        "# Benchmark results\n\nEach issue keeps its own section; figures are medians of "
        "several runs on the machine named.\n")
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + "\n".join(body)
    else:
        end = text.find("\n## ", start + len(SECTION))
        tail = text[end:] if end >= 0 else "\n"
        text = text[:start] + "\n".join(body).rstrip("\n") + "\n" + tail
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", type=int, default=1_000_000, help="nodes (0: skip)")
    parser.add_argument("--compare", type=int, default=100_000, help="nodes (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each Python timing")
    parser.add_argument("--shacl-repeat", type=int, default=1, help="runs of pySHACL")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    large_rows = large(args.large, args.repeat) if args.large else []
    compare_rows = compare(args.compare, args.repeat, args.shacl_repeat) if args.compare else []
    for row in large_rows + compare_rows:
        print(row)
    if args.write:
        command = "python benchmarks/bench_validate.py " + " ".join(sys.argv[1:])
        write(command.strip(), large_rows, compare_rows)


if __name__ == "__main__":
    main()
