"""AIF benchmark and side-by-side with arguebuf (issue 7).

1. Counts on every shared AIF file, argmap next to arguebuf (``--arguebuf-python``: an
   interpreter with ``arguebuf`` installed; the last release that installs on Python
   3.11 is 2.7.2, and it pins other libraries than argmap does, so keep it in its own
   venv: ``python -m venv /tmp/abvenv && /tmp/abvenv/bin/pip install arguebuf==2.7.2``).
2. Load time of a synthetic 100k-node AIF JSON map (a QT30-like dialogue: L, YA, TA, I,
   RA, CA, MA nodes), median of ``--runs`` runs, argmap and arguebuf in the same run.

Run::

    python benchmarks/bench_aif.py --arguebuf-python /tmp/abvenv/bin/python

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
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"

ARGUEBUF_WORKER = r"""
import json, statistics, sys, time, warnings
warnings.simplefilter("ignore")
import arguebuf
mode, runs, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
out = {"version": arguebuf.__version__ if hasattr(arguebuf, "__version__") else "?"}
if mode == "counts":
    for p in paths:
        try:
            g = arguebuf.load.file(p)
            kinds = {}
            for s in g.scheme_nodes.values():
                k = type(s.scheme).__name__ if s.scheme is not None else "None"
                kinds[k] = kinds.get(k, 0) + 1
            out[p] = {"atoms": len(g.atom_nodes), "schemes": kinds, "edges": len(g.edges),
                      "participants": len(g.participants)}
        except Exception as exc:
            out[p] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
else:
    times = []
    for _ in range(runs):
        t = time.perf_counter(); g = arguebuf.load.file(paths[0])
        times.append(time.perf_counter() - t)
    out["times"] = times
    out["nodes"] = len(g.atom_nodes) + len(g.scheme_nodes)
print(json.dumps(out))
"""


def synthetic_aif(n_nodes: int) -> dict[str, Any]:
    """A deterministic QT30-like dialogue map with about ``n_nodes`` nodes."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    speakers = ["Peter Kyle", "Tony Unknown", "Ann Lee", "Bob Smith"]

    def node(ntype: str, text: str, **extra: Any) -> str:
        nid = str(100000 + len(nodes))
        nodes.append(
            {
                "nodeID": nid,
                "text": text,
                "type": ntype,
                "timestamp": "2021-06-10 20:12:04",
                **extra,
            }
        )
        return nid

    def edge(a: str, b: str) -> None:
        edges.append(
            {"edgeID": str(500000 + len(edges)), "fromID": a, "toID": b, "formEdgeID": None}
        )

    prev_l = prev_i = None
    k = 0
    while len(nodes) < n_nodes:
        who = speakers[k % len(speakers)]
        words = f"statement number {k} about topic {k % 97}"
        loc = node("L", f"{who} : {words}")
        locutions.append(
            {
                "nodeID": loc,
                "personID": str(k % len(speakers)),
                "timestamp": "2021-06-10 20:12:04",
                "start": None,
                "end": None,
                "source": None,
            }
        )
        ya = node("YA", "Asserting", scheme="Asserting", schemeID="74")
        prop = node("I", f"{who} says {words}")
        edge(loc, ya)
        edge(ya, prop)
        if prev_l is not None and prev_i is not None:
            ta = node("TA", "Default Transition", scheme="Default Transition", schemeID="82")
            edge(prev_l, ta)
            edge(ta, loc)
            if k % 3 == 0:
                s = node("RA", "Default Inference", scheme="Default Inference", schemeID="72")
                illoc = "Arguing"
            elif k % 7 == 0:
                s = node("CA", "Default Conflict", scheme="Default Conflict", schemeID="71")
                illoc = "Disagreeing"
            elif k % 11 == 0:
                s = node("MA", "Default Rephrase", scheme="Default Rephrase", schemeID="144")
                illoc = "Restating"
            else:
                s = ""
            if s:
                edge(prop, s)
                edge(s, prev_i)
                y2 = node("YA", illoc, scheme=illoc, schemeID="80")
                edge(ta, y2)
                edge(y2, s)
        prev_l, prev_i = loc, prop
        k += 1
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def argmap_counts(path: Path) -> dict[str, Any]:
    from argmap.io import aif
    from argmap.io._aif_schema import parse_aif

    doc = parse_aif(path.read_bytes(), filename=str(path))
    m, report = aif.aif_to_map(doc, filename=str(path))
    c = m.counts()
    return {
        "types": doc.count_types(),
        "edges": len(doc.edges),
        "claims": c["claim"],
        "arguments": c["argument"],
        "attacks": c["attack"],
        "stances": c["stance"],
        "actors": c["actor"],
        "verbatim_s": len(report.notes),
    }


def run_arguebuf(python: str | None, mode: str, runs: int, paths: list[str]) -> dict[str, Any]:
    if not python:
        return {"error": "no --arguebuf-python given"}
    done = subprocess.run(
        [python, "-c", ARGUEBUF_WORKER, mode, str(runs), *paths],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return dict(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arguebuf-python", default=os.environ.get("ARGUEBUF_PYTHON"))
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    files = sorted(SHARED.glob("aif/**/*.json")) + sorted(SHARED.glob("microtexts/aif/*.json"))
    ab = run_arguebuf(args.arguebuf_python, "counts", 1, [str(p) for p in files])
    print(f"arguebuf {ab.get('version', '?')}\n")
    print(
        "| file | AIF nodes by type | edges | argmap: claims / arguments / attacks / "
        "stances / actors / S-nodes kept verbatim | arguebuf: atoms / schemes / edges / "
        "participants |"
    )
    print("|---|---|---|---|---|")
    for p in files:
        mine = argmap_counts(p)
        theirs = ab.get(str(p), ab)
        if "error" in theirs:
            abtxt = f"error: {theirs['error']}"
        else:
            sch = Counter(theirs["schemes"])
            abtxt = (
                f"{theirs['atoms']} / {dict(sch)} / {theirs['edges']} / {theirs['participants']}"
            )
        rel = p.relative_to(SHARED)
        print(
            f"| {rel} | {mine['types']} | {mine['edges']} | {mine['claims']} / "
            f"{mine['arguments']} / {mine['attacks']} / {mine['stances']} / "
            f"{mine['actors']} / {mine['verbatim_s']} | {abtxt} |"
        )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.json"
        doc = synthetic_aif(args.nodes)
        path.write_text(json.dumps(doc), encoding="utf-8")
        print(
            f"\nsynthetic map: {len(doc['nodes'])} nodes, {len(doc['edges'])} edges, "
            f"{Counter(n['type'] for n in doc['nodes'])}, {path.stat().st_size} bytes"
        )
        from argmap.io import aif

        data = path.read_bytes()
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            m = aif.loads(data, filename=str(path))
            times.append(time.perf_counter() - t)
        print(
            f"argmap aif.loads: median {statistics.median(times):.2f} s over {args.runs} runs "
            f"(min {min(times):.2f}, max {max(times):.2f}); map of {len(m)} nodes"
        )
        t = time.perf_counter()
        aif.dumps(m)
        print(f"argmap aif.dumps: {time.perf_counter() - t:.2f} s (one run)")
        ab = run_arguebuf(args.arguebuf_python, "time", args.runs, [str(path)])
        if "times" in ab:
            tt = ab["times"]
            print(
                f"arguebuf load.file: median {statistics.median(tt):.2f} s over {len(tt)} runs "
                f"(min {min(tt):.2f}, max {max(tt):.2f}); {ab['nodes']} nodes kept"
            )
        else:
            print(f"arguebuf: {ab.get('error')}")
    print(
        f"\n{date.today()} · {platform.node()} · {platform.processor() or platform.machine()} "
        f"· {os.cpu_count()} cores · Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
