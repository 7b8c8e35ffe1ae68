"""Client memory for a flooding server's answer, with and without the reply cap (issue 14).

Each case runs in a fresh process: a loopback :class:`FloodServer` (tests/servers.py)
answers one SELECT with ``--size`` MB of SPARQL JSON results, and the client's peak RSS
growth and tracemalloc peak are recorded. Medians of ``--runs`` runs.

    python benchmarks/bench_store_limits.py --size 100 --runs 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, tracemalloc
sys.path.insert(0, {tests!r})
from servers import FloodServer
from argmap.store import RemoteStore
size, cap = {size}, {cap}
with FloodServer(size=size) as server:
    store = RemoteStore(server.base_url, max_reply=cap, retries=0, deadline=None)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    outcome = "read"
    try:
        rows = store.select("SELECT ?s WHERE {{ ?s ?p ?o }}")
        outcome = f"read {{len(rows)}} rows"
    except Exception as exc:
        outcome = type(exc).__name__
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store.close()
print(json.dumps({{"rss_mb": (after - before) / 1024, "traced_mb": peak / 2**20,
                  "outcome": outcome}}))
"""


def _case(size_mb: int, cap: int | None) -> dict[str, object]:
    code = _CHILD.format(tests=str(ROOT / "tests"), size=size_mb * 2**20, cap=cap)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100, help="MB the server sends")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| reply | cap | outcome | client peak RSS growth MB | tracemalloc peak MB |")
    print("|---:|---|---|---:|---:|")
    for label, cap in (("none", None), ("default 512 MiB", 512 * 2**20), ("1 MiB", 2**20)):
        runs = [_case(args.size, cap) for _ in range(args.runs)]
        rss = statistics.median(float(r["rss_mb"]) for r in runs)  # type: ignore[arg-type]
        traced = statistics.median(float(r["traced_mb"]) for r in runs)  # type: ignore[arg-type]
        print(f"| {args.size} MB | {label} | {runs[0]['outcome']} | {rss:.0f} | {traced:.0f} |")


if __name__ == "__main__":
    main()
