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
4. **trace** (``--trace-nodes``, this tree only): on the synthetic map, per sampled
   recommendation, the walk (``trace(m, r).premises``), ``to_sets()``, ``to_dict()``;
   process CPU time, median over recommendations of the best of 5.

Run::

    python benchmarks/bench_start.py --runs 7
    python benchmarks/bench_start.py --runs 5 --skip-accept --trace-nodes 100000

Prints Markdown rows for benchmarks/RESULTS.md; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def trace_rows(nodes: int) -> list[str]:
    from argmap.query import trace

    from synthetic import generate

    m = generate(nodes, 0)
    recs = sorted(r.id for r in m.recommendations())
    some = recs[:: max(1, len(recs) // 10)][:10]
    for r in some:
        trace(m, r).to_dict()  # the support index, once per map version

    def best(action: object) -> float:
        times = []
        for r in some:
            one = []
            for _ in range(5):
                start = time.process_time()
                action(r)  # type: ignore[operator]
                one.append(time.process_time() - start)
            times.append(min(one))
        return statistics.median(times)

    walk = best(lambda r: trace(m, r).premises)
    sets = best(lambda r: trace(m, r).to_sets())
    as_dict = best(lambda r: trace(m, r).to_dict())
    size = statistics.median(len(trace(m, r).premises) for r in some)
    return [
        "| step | CPU, median | ratio to the walk |",
        "|---|---|---|",
        f"| walk: `trace(m, r).premises` ({nodes:,} nodes, {size:,.0f} premises) "
        f"| {walk * 1e3:.3f} ms | 1 |",
        f"| `trace(m, r).to_sets()` | {sets * 1e3:.2f} ms | {sets / walk:.0f}x |",
        f"| `trace(m, r).to_dict()` | {as_dict * 1e3:.2f} ms | {as_dict / walk:.0f}x |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("/work/main"))
    parser.add_argument("--tree", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-accept", action="store_true")
    parser.add_argument("--trace-nodes", type=int, default=0, help="0: no trace rows")
    args = parser.parse_args()
    py = sys.executable
    print(f"# {time.strftime('%Y-%m-%d')}, load average {os.getloadavg()[0]:.1f}, "
          f"{args.runs} runs each, interleaved", flush=True)  # fmt: skip
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
    if not args.skip_accept:
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
    if args.trace_nodes:
        print("\n".join(trace_rows(args.trace_nodes)), flush=True)


if __name__ == "__main__":
    main()
