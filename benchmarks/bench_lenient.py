"""What lenient-capable strict reading, the byte-order-mark check and the self-attack notes
cost (issue 16), beside a baseline checkout in the same run.

Strict reading of AIF now runs the lenient reader and raises what it collected (so it can
name every bad record), every read strips a byte-order mark, and every read notes
self-attacks. This times ``argmap.load`` on a synthetic 100k-node AIF file (strict and
lenient) and on the same map as N-Triples (with and without a byte-order mark), each in a
fresh interpreter per load, the trees taking turns, medians of ``--runs`` runs.

Run::

    git archive BASE | tar -x -C /tmp/base        # the commit before the change
    python benchmarks/bench_lenient.py --baseline /tmp/base --runs 5

It prints Markdown for benchmarks/RESULTS.md. Never part of the test suite's assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r"""
import json, statistics, sys, time
import argmap
path, runs, lenient = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
kw = {"lenient": True} if lenient else {}
times = []
for _ in range(runs):
    t = time.perf_counter(); m = argmap.load(path, **kw); times.append(time.perf_counter() - t)
print(json.dumps({"median": statistics.median(times), "nodes": len(m)}))
"""


def _time(tree: Path, path: Path, runs: int, lenient: bool) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(path), str(runs), "1" if lenient else "0"],
        env=env, capture_output=True, text=True, check=True, cwd=tree,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rdf-nodes", type=int, default=20_000,
                        help="AIF nodes of the map written as N-Triples (pyoxigraph refuses "
                        "to read or write over 16 MiB of N-Triples at once, in both trees)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_aif import synthetic_aif

    import argmap

    tmp = Path(tempfile.mkdtemp())
    aif = tmp / "synthetic.json"
    aif.write_text(json.dumps(synthetic_aif(args.nodes)), encoding="utf-8")
    small = tmp / "small.json"
    small.write_text(json.dumps(synthetic_aif(args.rdf_nodes)), encoding="utf-8")
    ttl = tmp / "synthetic.nt"
    argmap.dump(argmap.load(small), ttl)
    bom = tmp / "bom.nt"
    bom.write_bytes(b"\xef\xbb\xbf" + ttl.read_bytes())

    rows = []
    cases = [("AIF, strict", aif, False, True), ("AIF, lenient", aif, True, True),
             ("N-Triples", ttl, False, True), ("N-Triples with a BOM", bom, False, False)]
    for label, path, lenient, baseline_reads in cases:
        # the trees take turns, one load per fresh interpreter, so that the load of a
        # shared machine falls on both alike
        mine_t: list[float] = []
        base_t: list[float] = []
        nodes = 0
        for _ in range(args.runs):
            got = _time(ROOT, path, 1, lenient)
            mine_t.append(got["median"])
            nodes = int(got["nodes"])
            if baseline_reads:
                base_t.append(_time(args.baseline, path, 1, lenient)["median"])
        mine = statistics.median(mine_t)
        base = statistics.median(base_t) if base_t else None
        ratio = f"{mine / base:.2f}" if base else "-"
        base_txt = f"{base:.2f}" if base else "refused"
        rows.append(f"| {label} | {nodes} | {mine:.2f} | {base_txt} | {ratio} |")
    print(f"Date {date.today()}, {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; medians of {args.runs} loads, each in a fresh "
          "interpreter, the two trees taking turns.\n")
    print("| input | map nodes | this branch (s) | baseline (s) | ratio |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
