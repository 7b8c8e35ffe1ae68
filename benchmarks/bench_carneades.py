"""Carneades benchmark: argmap beside Carneades 4 on the same random YAML graphs (issue 20).

Graphs are acyclic and drawn in blocks (a block is one statement or an issue of two or
three positions under PE, CCE or BRD); each statement gets up to two arguments whose
premises come from the 50 statements before its block, with constant, linked or
cumulative weights and an occasional undercutter. Sizes: 1e2, 1e3, 1e4 statements.

Timed, each in a fresh process, median of ``--runs`` runs:

- argmap: ``argmap accept FILE --semantics carneades --format json`` (start-up, YAML
  read, map build, evaluation, JSON out) and, inside one process, the evaluation alone;
- Carneades 4: ``carneades eval -t yaml FILE`` (start-up, read, validate, evaluate, YAML
  out). Build it from github.com/carneades/carneades-4 and pass ``--carneades BINARY``.

Both programs' labels are compared on every graph. Run::

    python benchmarks/bench_carneades.py --carneades /path/to/carneades --runs 5

It prints Markdown for benchmarks/RESULTS.md. Never part of the test suite's assertions.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from carneades4_compare import compare  # noqa: E402

import argmap  # noqa: E402
from argmap.semantics.carneades import carneades  # noqa: E402


def graph(n: int, seed: int) -> dict[str, Any]:
    """A random acyclic Carneades 4 document with about ``n`` statements."""
    rng = random.Random(seed)
    statements: dict[str, str] = {}
    issues: dict[str, Any] = {}
    arguments: dict[str, Any] = {}
    schemes: dict[str, Any] = {}
    order = [f"s{i}" for i in range(10)]
    for s in order:
        statements[s] = f"Statement {s}."
    assumptions = list(order)
    b = 0
    while len(statements) < n:
        size = rng.choice([1, 1, 2, 3])
        ids = [f"s{len(statements) + j}" for j in range(size)]
        window = order[-50:]
        for s in ids:
            statements[s] = f"Statement {s}."
        if size > 1:
            issues[f"i{b}"] = {"positions": ids, "standard": rng.choice(["PE", "CCE", "BRD"])}
        for s in ids:
            for _ in range(rng.randint(0, 2)):
                premises = rng.sample(window, rng.randint(1, min(3, len(window))))
                entry: dict[str, Any] = {"conclusion": s, "premises": premises}
                kind = rng.choice(["constant", "constant", "linked", "cumulative"])
                if kind == "constant":
                    w = rng.choice([0.2, 0.4, 0.6, 0.8, 1.0])
                    sid = f"w{round(w * 100)}"
                    schemes[sid] = {"id": sid, "weight": {"constant": w}}
                    entry["scheme"] = sid
                elif kind == "cumulative":
                    entry["scheme"] = "cumulative"
                if rng.random() < 0.1:
                    cut = rng.choice(window)
                    if cut not in premises:
                        entry["undercutter"] = cut
                arguments[f"a{len(arguments) + 1}"] = entry
        order += ids
        b += 1
    return {
        "argument_schemes": list(schemes.values()),
        "statements": statements,
        "issues": issues,
        "arguments": arguments,
        "assumptions": assumptions,
    }


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--carneades", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = []
    argmap_cli = str(Path(sys.executable).with_name("argmap"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in (100, 1_000, 10_000):
            path = Path(tmp) / f"g{n}.yml"
            path.write_text(yaml.safe_dump(graph(n, seed=n), sort_keys=False), "utf-8")
            diffs = compare(args.carneades, path)
            m = argmap.load(path)
            ours_eval = []
            for _ in range(args.runs):
                start = time.perf_counter()
                carneades(m)
                ours_eval.append(time.perf_counter() - start)
            ours = [
                timed([argmap_cli, "accept", str(path), "-s", "carneades", "-f", "json"])
                for _ in range(args.runs)
            ]
            theirs = [
                timed([args.carneades, "eval", "-t", "yaml", str(path)]) for _ in range(args.runs)
            ]
            doc = yaml.safe_load(path.read_text("utf-8"))
            rows.append(
                (
                    len(doc["statements"]),
                    len(doc["arguments"]),
                    len(doc["issues"]),
                    statistics.median(ours),
                    statistics.median(ours_eval),
                    statistics.median(theirs),
                    len(diffs),
                )
            )
    load = os.getloadavg()[0]
    print("## Carneades (issue 20)\n")
    print(
        f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {load:.1f} (shared machine). "
        f"Medians of {args.runs} runs, each command in a fresh process.\n"
        f"Command: `python benchmarks/bench_carneades.py --carneades BINARY --runs {args.runs}`"
        " (Carneades 4 built from github.com/carneades/carneades-4 at d19d543, Go 1.19).\n"
    )
    print(
        "| statements | arguments | issues | argmap accept s | of which evaluation s "
        "| Carneades 4 eval s | ratio (argmap / Carneades 4) | labels that differ |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, a, i, ours_s, ev, theirs_s, d in rows:
        print(
            f"| {s} | {a} | {i} | {ours_s:.2f} | {ev:.3f} | {theirs_s:.2f} "
            f"| {ours_s / theirs_s:.1f}x | {d} |"
        )


if __name__ == "__main__":
    main()
