"""Start-up, `argmap accept` end to end, and Trace conversions (issue 17), side by side.

Each row runs two trees of argmap in the same loop, interleaved run by run, so machine
load falls on both alike: ``--base`` (default /work/main, the code before this change) and
``--tree`` (default this checkout). Every process gets ``PYTHONPATH`` set to its tree.

1. **import**: ``python -c "import argmap"`` beside ``python -c "import rdflib"`` and a bare
   ``python -c pass``; CPU (user + system) and wall of the child, median of ``--runs``.
   Also ``import argmap`` and a first map built (what loading the names on use costs).
2. **help**: ``argmap --help`` (as ``python -c 'from argmap.cli import main; main()'``).
3. **accept**: ``argmap accept FILE`` (grounded, text output to /dev/null) on i23 files of
   1e6 arguments / 1.5e6 attacks (``random`` and ``ladder``, the families of
   ``bench_semantics.py``), CPU of the whole process: start, imports, read, label, print.
4. **trace** (``--trace-nodes``; with ``--trace-base`` the base tree too, each tree in its
   own child process, interleaved run by run): on the synthetic map, per sampled
   recommendation, the walk (``trace(m, r).premises``), ``to_sets()``, ``to_dict()`` (and
   ``to_dict(shared=True)`` where the tree has it) in steady state, the first conversion
   after an edit, the index rebuild, and the memory kept for conversions; process CPU
   time, median over recommendations of the best of 5, median over ``--runs``.

Run::

    python benchmarks/bench_start.py --runs 7
    python benchmarks/bench_start.py --runs 3 --skip-accept --trace-nodes 100000 --trace-base

Prints Markdown rows for benchmarks/RESULTS.md; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIRST_MAP = "import argmap; m = argmap.ArgumentMap('x'); m.claim('C.', id='c')"
CLI = "import sys; sys.argv[0] = 'argmap'; from argmap.cli import main; main()"


def child(tree: Path, argv: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process run with ``tree`` on its path (from
    a neutral folder: ``python -c`` puts the working folder ahead of ``PYTHONPATH``)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def side_by_side(
    commands: dict[str, tuple[Path, list[str]]], runs: int
) -> dict[str, tuple[float, float]]:
    """Median (CPU, wall) per named command, the commands interleaved run by run."""
    seen: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for tree, argv in commands.values():  # warm the file cache once
        child(tree, argv)
    for _ in range(runs):
        for name, (tree, argv) in commands.items():
            seen[name].append(child(tree, argv))
    return {
        name: (statistics.median(c for c, _ in got), statistics.median(w for _, w in got))
        for name, got in seen.items()
    }


def table(results: dict[str, tuple[float, float]], against: str) -> list[str]:
    rows = ["| command | CPU (user+sys), median | wall, median | CPU ratio to " + against + " |",
            "|---|---|---|---|"]  # fmt: skip
    ref = results[against][0]
    for name, (cpu, wall) in results.items():
        rows.append(f"| {name} | {cpu * 1e3:,.0f} ms | {wall * 1e3:,.0f} ms | {cpu / ref:.2f} |")
    return rows


def make_frameworks(folder: Path) -> dict[str, Path]:
    from bench_semantics import ladder_pairs, random_pairs

    from argmap.semantics import AbstractFramework, dump_af

    n = 1_000_000
    out = {}
    for family in ("random", "ladder"):
        path = folder / f"{family}.af"
        src, dst = random_pairs(n, n * 3 // 2, seed=1) if family == "random" else ladder_pairs(n)
        dump_af(AbstractFramework.from_indices(n, src, dst), path)
        out[family] = path
    return out


def trace_measure(nodes: int, shared: bool) -> dict[str, float]:
    """The trace figures of the argmap on ``sys.path`` (run in a child, one per tree).

    CPU seconds: the walk and each conversion in steady state (per recommendation the best
    of 5, median over 10 recommendations); the first conversion after an edit of the map
    (3 recommendations, an edit before each, the index rebuilt outside the timing, median);
    the index rebuild itself; and the memory the map keeps for conversions (tracemalloc,
    after converting every recommendation once with ``to_sets`` and ``to_dict``).
    """
    import gc
    import tracemalloc

    import argmap
    from argmap.query import trace

    tree = os.environ.get("PYTHONPATH", "")
    assert argmap.__file__.startswith(tree), f"argmap from {argmap.__file__}, not from {tree}"

    from synthetic import generate

    m = generate(nodes, 0)
    recs = sorted(r.id for r in m.recommendations())
    some = recs[:: max(1, len(recs) // 10)][:10]
    out: dict[str, float] = {"premises": statistics.median(len(trace(m, r).premises) for r in some)}
    for r in some:
        trace(m, r).to_dict()
        trace(m, r).to_sets()

    def best(action: Any) -> float:
        times = []
        for r in some:
            one = []
            for _ in range(5):
                start = time.process_time()
                action(r)
                one.append(time.process_time() - start)
            times.append(min(one))
        return statistics.median(times)

    out["walk"] = best(lambda r: trace(m, r).premises)
    out["to_sets"] = best(lambda r: trace(m, r).to_sets())
    out["to_dict"] = best(lambda r: trace(m, r).to_dict())
    if shared:
        out["to_dict_shared"] = best(lambda r: trace(m, r).to_dict(shared=True))
    edits = iter(range(1_000_000))

    def after_edit(action: Any) -> float:
        times, rebuild = [], []
        for r in some[:3]:
            m.claim(f"An edit {next(edits)}.")  # a new map version: index and tables go
            start = time.process_time()
            trace(m, r).premises  # noqa: B018  (the index, outside the conversion's timing)
            rebuild.append(time.process_time() - start)
            start = time.process_time()
            action(r)
            times.append(time.process_time() - start)
        out["index_rebuild"] = statistics.median(rebuild)
        return statistics.median(times)

    out["first_to_sets"] = after_edit(lambda r: trace(m, r).to_sets())
    out["first_to_dict"] = after_edit(lambda r: trace(m, r).to_dict())
    m.claim("A last edit.")
    trace(m, recs[0]).premises  # noqa: B018
    gc.collect()
    tracemalloc.start()
    for r in recs:
        trace(m, r).to_sets()
        trace(m, r).to_dict()
    gc.collect()
    out["kept_bytes"] = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return out


def trace_rows(args: argparse.Namespace) -> list[str]:
    """Trace rows, this tree beside ``--base`` when ``--trace-base`` (children, interleaved)."""
    trees = [("after", args.tree)] + ([("before", args.base)] if args.trace_base else [])
    seen: dict[str, list[dict[str, float]]] = {name: [] for name, _ in trees}
    for _ in range(args.runs):
        for name, tree in trees:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--trace-child",
                 str(args.trace_nodes), "--shared", str(int(name == "after"))],
                env=env, check=True, capture_output=True, text=True, cwd=tempfile.gettempdir(),
            )  # fmt: skip
            seen[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    med = {
        name: {k: statistics.median(run[k] for run in got) for k in got[0]}
        for name, got in seen.items()
    }
    after = med["after"]
    before = med.get("before")
    rows = [
        f"Trace conversions, {args.trace_nodes:,}-node synthetic map, {after['premises']:,.0f} "
        f"premises per trace (median); CPU, medians of {args.runs} runs per tree"
        + (" (interleaved with the base tree)" if before else ""),
        "",
        "| step | after | after / walk | before (base) | before / walk | before / after |",
        "|---|---|---|---|---|---|",
    ]
    labels = [
        ("walk", "walk: `trace(m, r).premises`", 1e3, "ms"),
        ("to_sets", "`to_sets()`, steady state", 1e3, "ms"),
        ("to_dict", "`to_dict()`, steady state", 1e3, "ms"),
        ("to_dict_shared", "`to_dict(shared=True)`, steady state", 1e3, "ms"),
        ("first_to_sets", "`to_sets()`, first after an edit (index built)", 1e3, "ms"),
        ("first_to_dict", "`to_dict()`, first after an edit (index built)", 1e3, "ms"),
        ("index_rebuild", "support index rebuild after an edit", 1e3, "ms"),
        ("kept_bytes", "memory kept after converting every recommendation", 1e-6, "MB"),
    ]
    for key, label, scale, unit in labels:
        if key not in after:
            continue
        a = after[key]
        cells = [f"{a * scale:,.3f} {unit}", f"{a / after['walk']:.1f}x" if unit == "ms" else ""]
        if before is not None and key in before:
            b = before[key]
            cells += [
                f"{b * scale:,.3f} {unit}",
                f"{b / before['walk']:.1f}x" if unit == "ms" else "",
                f"{b / a:.1f}x" if a else "",
            ]
        else:
            cells += ["n/a", "", ""]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("/work/main"))
    parser.add_argument("--tree", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-accept", action="store_true")
    parser.add_argument("--trace-nodes", type=int, default=0, help="0: no trace rows")
    parser.add_argument(
        "--trace-base", action="store_true",
        help="trace rows for --base too, in the same run (children interleaved)",
    )  # fmt: skip
    parser.add_argument("--skip-start", action="store_true", help="no import/help rows")
    parser.add_argument("--trace-child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--shared", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trace_child:
        print(json.dumps(trace_measure(args.trace_child, bool(args.shared))), flush=True)
        return
    py = sys.executable
    print(f"# {time.strftime('%Y-%m-%d')}, load average {os.getloadavg()[0]:.1f}, "
          f"{args.runs} runs each, interleaved", flush=True)  # fmt: skip
    if not args.skip_start:
        start_rows(args, py)
    if not args.skip_accept:
        accept_rows(args, py)
    if args.trace_nodes:
        print("\n".join(trace_rows(args)), flush=True)


def start_rows(args: argparse.Namespace, py: str) -> None:
    start = side_by_side(
        {
            "python -c pass": (args.tree, [py, "-c", "pass"]),
            "import rdflib": (args.tree, [py, "-c", "import rdflib"]),
            "import argmap (before)": (args.base, [py, "-c", "import argmap"]),
            "import argmap (after)": (args.tree, [py, "-c", "import argmap"]),
            "import argmap + first map (before)": (args.base, [py, "-c", FIRST_MAP]),
            "import argmap + first map (after)": (args.tree, [py, "-c", FIRST_MAP]),
            "argmap --help (before)": (args.base, [py, "-c", CLI, "--help"]),
            "argmap --help (after)": (args.tree, [py, "-c", CLI, "--help"]),
        },
        args.runs,
    )
    print("\n".join(table(start, "import rdflib")), flush=True)


def accept_rows(args: argparse.Namespace, py: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = make_frameworks(Path(tmp))
        commands = {}
        for family, path in files.items():
            for when, tree in (("before", args.base), ("after", args.tree)):
                commands[f"argmap accept {family}.af ({when})"] = (
                    tree, [py, "-c", CLI, "accept", str(path)]
                )
        accepted = side_by_side(commands, args.runs)
    print("\n".join(table(accepted, "argmap accept random.af (before)")), flush=True)


if __name__ == "__main__":
    main()
