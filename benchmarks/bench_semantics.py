"""Semantics benchmark, argmap beside python-argumentation (py_arg) (issue 8).

1. Grounded labelling of 1e6-argument frameworks with 1.5e6 attacks, two families:
   ``random`` (attacks drawn uniformly, no duplicates) and ``ladder`` (``i -> i+1`` for
   every ``i`` and ``i -> i+2`` for even ``i``: deep, so the labelling cannot finish in a
   few rounds). Timed separately: the labelling of a built framework, building the
   framework from index lists plus labelling, and reading the i23 file plus labelling.
   py_arg computes the grounded extension as a least fixpoint whose steps scan the whole
   attack list per argument, so it is run on the same ``random`` family at 1e3 and 2e3
   arguments for a side-by-side ratio (1e6 is out of its reach).
2. Preferred extensions of random frameworks (each ordered pair an attack with probability
   ``p``; seeds fixed), argmap up to 200 arguments, py_arg on the same frameworks with a
   time limit per instance. Answers are compared whenever both finish.

py_arg runs in a child process (``--peer-python``, default this interpreter) so a time-out
can stop it: ``pip install python-argumentation==2.0.2``. Medians of ``--runs`` runs
(py_arg: at most 3 runs per instance, one at 2e3 arguments for grounded).

Run::

    python benchmarks/bench_semantics.py --runs 5

It prints Markdown for benchmarks/RESULTS.md. Never part of the test suite's assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.semantics import (  # noqa: E402
    AbstractFramework,
    dump_af,
    grounded_labelling,
    load_af,
    preferred_extensions,
)

PEER_WORKER = r"""
import json, statistics, sys, time
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
    AbstractArgumentationFramework)
from py_arg.abstract_argumentation_classes.argument import Argument
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
task, runs, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
spec = json.load(open(path))
n, pairs = spec["n"], spec["pairs"]
times, answer = [], None
for _ in range(runs):
    args = [Argument(str(i)) for i in range(n)]
    af = AbstractArgumentationFramework("af", args, [Defeat(args[a], args[b]) for a, b in pairs])
    t = time.perf_counter()
    if task == "grounded":
        answer = [sorted(int(a.name) for a in get_grounded_extension(af))]
    else:
        answer = sorted(sorted(int(a.name) for a in e) for e in get_preferred_extensions(af))
    times.append(time.perf_counter() - t)
print(json.dumps({"median": statistics.median(times), "answer": answer,
                  "version": __import__("importlib.metadata").metadata.version(
                      "python-argumentation")}))
"""


CPU: dict[str, float] = {}  # the CPU-time median of the last median_time call


def median_time(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median wall time of ``runs`` calls, and the last result (CPU median in ``CPU``)."""
    times = []
    cpu = []
    result = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU["last"] = statistics.median(cpu)
    return statistics.median(times), result


def both(wall: float) -> str:
    """``wall s (cpu s)`` for the last measurement."""
    return f"{wall:.2f} s ({CPU['last']:.2f} s)"


def random_pairs(n: int, m: int, seed: int) -> tuple[list[int], list[int]]:
    """``m`` distinct attacks drawn uniformly over ``n`` arguments."""
    rnd = random.Random(seed)
    seen: set[int] = set()
    while len(seen) < m:
        seen.update(rnd.randrange(n * n) for _ in range(m - len(seen)))
    codes = sorted(seen)
    return [c // n for c in codes], [c % n for c in codes]


def ladder_pairs(n: int) -> tuple[list[int], list[int]]:
    """``i -> i+1`` for all i, ``i -> i+2`` for even i (about 1.5 n attacks)."""
    src = list(range(n - 1)) + list(range(0, n - 2, 2))
    dst = list(range(1, n)) + list(range(2, n, 2))
    return src, dst


def er_pairs(n: int, p: float, seed: int) -> list[tuple[int, int]]:
    rnd = random.Random(seed)
    return [(a, b) for a in range(n) for b in range(n) if rnd.random() < p]


def run_peer(
    python: str, task: str, n: int, pairs: list[tuple[int, int]], runs: int, limit: float
) -> dict[str, Any] | None:
    """py_arg's median time and answer, or None on a time-out."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({"n": n, "pairs": pairs}, fh)
    try:
        done = subprocess.run(
            [python, "-c", PEER_WORKER, task, str(runs), fh.name],
            capture_output=True,
            text=True,
            timeout=limit,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(fh.name)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def bench_grounded(args: argparse.Namespace) -> list[str]:
    rows = [
        "| family | arguments | attacks | IN / OUT / UNDEC | label (built framework), wall (CPU) "
        "| build + label | read i23 + label | py_arg grounded | ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    n = args.grounded_n
    for family in ("random", "ladder"):
        src, dst = random_pairs(n, n * 3 // 2, seed=1) if family == "random" else ladder_pairs(n)
        af = AbstractFramework.from_indices(n, src, dst)
        t_label, lab = median_time(lambda af=af: grounded_labelling(af), args.runs)
        label_cell = both(t_label)
        t_build, _ = median_time(
            lambda s=src, d=dst: grounded_labelling(AbstractFramework.from_indices(n, s, d)),
            args.runs,
        )
        build_cell = both(t_build)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{family}.af"
            dump_af(af, path)
            t_read, _ = median_time(lambda p=path: grounded_labelling(load_af(p)), args.runs)
        read_cell = both(t_read)
        counts = f"{lab.count('IN')} / {lab.count('OUT')} / {lab.count('UNDEC')}"
        rows.append(
            f"| {family} | {n:,} | {af.number_of_attacks():,} | {counts} | {label_cell} "
            f"| {build_cell} | {read_cell} | out of reach | - |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    for small in (1000, 2000):
        src, dst = random_pairs(small, small * 3 // 2, seed=1)
        af = AbstractFramework.from_indices(small, src, dst)
        t_label, lab = median_time(lambda af=af: grounded_labelling(af), args.runs)
        peer_runs = 3 if small <= 1000 else 1
        pairs = list(zip(src, dst, strict=True))
        peer = run_peer(args.peer_python, "grounded", small, pairs, peer_runs, args.limit)
        ours = sorted(af.index(a) for a in lab.in_)
        if peer is None:
            peer_cell, ratio = f"> {args.limit:.0f} s", "-"
        else:
            assert peer["answer"] == [ours], "py_arg disagrees on the grounded extension"
            peer_cell, ratio = f"{peer['median']:.3f} s", f"{peer['median'] / t_label:,.0f}x"
        counts = f"{lab.count('IN')} / {lab.count('OUT')} / {lab.count('UNDEC')}"
        rows.append(
            f"| random | {small:,} | {af.number_of_attacks():,} | {counts} | "
            f"{t_label * 1000:.2f} ms | - | - | {peer_cell} | {ratio} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def bench_preferred(args: argparse.Namespace) -> list[str]:
    rows = [
        "| arguments | p | frameworks | attacks (mean) | preferred ext. (max) "
        "| argmap median / max, wall (CPU) | py_arg median / max | ratio (medians) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    grid = [(12, 0.2), (20, 0.2), (30, 0.2), (40, 0.2), (50, 0.1)]
    grid += [(200, p) for p in (0.02, 0.05, 0.07, 0.1, 0.2)]
    for n, p in grid:
        ours_t: list[float] = []
        ours_cpu: list[float] = []
        peer_t: list[float] = []
        timeouts = 0
        attacks = []
        most = 0
        for seed in range(args.frameworks):
            pairs = er_pairs(n, p, seed=seed * 7919 + n)
            attacks.append(len(pairs))
            af = AbstractFramework.from_indices(
                n, [a for a, _ in pairs], [b for _, b in pairs], names=[str(i) for i in range(n)]
            )
            t, exts = median_time(lambda af=af: preferred_extensions(af), args.runs)
            ours_t.append(t)
            ours_cpu.append(CPU["last"])
            most = max(most, len(exts))
            if n > args.peer_max:
                continue
            peer_runs = min(args.runs, 3)
            peer = run_peer(args.peer_python, "preferred", n, pairs, peer_runs, args.limit)
            if peer is None:
                timeouts += 1
                continue
            ours = sorted(sorted(int(a) for a in e) for e in exts)
            assert peer["answer"] == ours, f"py_arg disagrees on preferred ({n}, {p}, {seed})"
            peer_t.append(peer["median"])
        ours_cell = (
            f"{statistics.median(ours_t):.3f} / {max(ours_t):.3f} s "
            f"({statistics.median(ours_cpu):.3f} / {max(ours_cpu):.3f} s)"
        )
        if n > args.peer_max:
            peer_cell, ratio = "not run", "-"
        elif timeouts == args.frameworks:
            peer_cell, ratio = f"all > {args.limit:.0f} s", "-"
        else:
            peer_cell = f"{statistics.median(peer_t):.3f} / {max(peer_t):.3f} s"
            if timeouts:
                peer_cell += f" ({timeouts} > {args.limit:.0f} s)"
            ratio = f"{statistics.median(peer_t) / statistics.median(ours_t):,.1f}x"
        rows.append(
            f"| {n} | {p} | {args.frameworks} | {statistics.mean(attacks):.0f} | {most} "
            f"| {ours_cell} | {peer_cell} | {ratio} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--part", choices=["all", "grounded", "preferred"], default="all")
    parser.add_argument("--frameworks", type=int, default=5, help="random frameworks per row")
    parser.add_argument("--grounded-n", type=int, default=1_000_000)
    parser.add_argument("--peer-python", default=sys.executable)
    parser.add_argument("--peer-max", type=int, default=50, help="largest n given to py_arg")
    parser.add_argument("--limit", type=float, default=30.0, help="py_arg time limit (s)")
    args = parser.parse_args()
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
        f"{platform.python_version()}, {platform.system()}"
    )
    load = os.getloadavg()[0]
    print(
        f"Date: {date.today().isoformat()}; machine: {machine}; load average at start {load:.1f}."
    )
    if args.part in ("all", "grounded"):
        print("\n### Grounded labelling\n")
        print("\n".join(bench_grounded(args)))
    if args.part in ("all", "preferred"):
        print("\n### Preferred extensions (random frameworks)\n")
        print("\n".join(bench_preferred(args)))
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
