"""brat and Kialo readers, side by side with arguebuf 2.7.2 (issue 24).

Synthetic inputs (no corpus text): an essay-like brat pair with ``--spans`` text-bound
spans (a third of them with a Stance, a relation for most of the others), and a Kialo
export with ``--claims`` claims (every tenth one a ``-> See`` link to an earlier claim).
Each reader loads each file ``--runs`` times in one process after a warm-up load; the
table gives medians and the ratio. arguebuf runs in its own venv
(``python -m venv /tmp/abvenv && /tmp/abvenv/bin/pip install arguebuf==2.7.2``).

Run::

    python benchmarks/bench_mining.py --arguebuf-python /tmp/abvenv/bin/python

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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORKER = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
import arguebuf
kind, runs, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def once():
    if kind == "brat":
        return arguebuf.load.file(path)
    with open(path, encoding="utf-8") as fh:
        return arguebuf.load.kialo(fh)
g = once()
times = []
for _ in range(runs):
    t = time.perf_counter(); g = once(); times.append(time.perf_counter() - t)
print(json.dumps({"times": times, "nodes": len(g.atom_nodes) + len(g.scheme_nodes)}))
"""

WORDS = [
    "trees",
    "streets",
    "towns",
    "cool",
    "shade",
    "water",
    "roots",
    "pipes",
    "cost",
    "care",
    "noise",
    "air",
]


def make_brat(folder: Path, spans: int) -> Path:
    text_parts: list[str] = []
    ann: list[str] = []
    relations: list[str] = []  # after the spans, as the corpus has them
    pos = 0
    for i in range(1, spans + 1):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(6))
        sentence = f"Sentence {i}: {words}. "
        start = pos + len(f"Sentence {i}: ")
        end = start + len(words)
        kind = "MajorClaim" if i in (1, spans) else ("Claim" if i % 3 == 0 else "Premise")
        ann.append(f"T{i}\t{kind} {start} {end}\t{words}")
        if kind == "Claim":
            ann.append(f"A{i}\tStance T{i} {'For' if i % 2 else 'Against'}")
        elif kind == "Premise":
            claim = max(3, (i // 3) * 3)
            if claim != i and claim < spans:
                rel = "supports" if i % 4 else "attacks"
                relations.append(f"R{i}\t{rel} Arg1:T{i} Arg2:T{claim}")
        text_parts.append(sentence)
        pos += len(sentence)
    path = folder / f"essay{spans}.ann"
    path.with_suffix(".txt").write_text("".join(text_parts), encoding="utf-8")
    path.write_text("\n".join(ann + relations) + "\n", encoding="utf-8")
    return path


def make_kialo(folder: Path, claims: int) -> Path:
    children: dict[str, list[str]] = {"1.": []}
    queue, count = ["1."], 1
    while count < claims:  # four children a claim, breadth first; every tenth one a link
        parent = queue.pop(0)
        for k in range(1, 5):
            number = f"{parent}{k}."
            children[parent].append(number)
            count += 1
            if count % 10:
                children[number] = []
                queue.append(number)
    lines = ["Discussion Title: A synthetic discussion", "", "1. The thesis."]
    written: list[str] = ["1."]

    def walk(node: str) -> None:  # the export lists claims depth first
        for i, number in enumerate(children[node]):
            side = "Pro" if i % 2 else "Con"
            if number not in children:
                target = next(w for w in (written[len(written) // 2], *written) if w != node)
                lines.append(f"{number} {side}: -> See {target}")
                continue
            lines.append(f"{number} {side}: Claim {number} about {WORDS[len(lines) % 12]}.")
            lines.append("It goes on for a second line.")
            written.append(number)
            walk(number)

    walk("1.")
    path = folder / f"discussion{claims}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def time_argmap(kind: str, path: Path, runs: int) -> tuple[list[float], int]:
    from argmap.io import brat, kialo

    def once() -> int:
        if kind == "brat":
            m = brat.loads(path.read_bytes(), filename=str(path))
        else:
            m = kialo.loads(path.read_bytes(), filename=str(path))
        return len(m)

    once()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        nodes = once()
        times.append(time.perf_counter() - t)
    return times, nodes


def time_arguebuf(python: str, kind: str, path: Path, runs: int) -> tuple[list[float], int]:
    out = subprocess.run(
        [python, "-c", WORKER, kind, str(runs), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["times"], result["nodes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arguebuf-python", default="/tmp/abvenv/bin/python")
    parser.add_argument("--spans", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--claims", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("brat", make_brat(folder, n), n) for n in args.spans]
        cases += [("kialo", make_kialo(folder, n), n) for n in args.claims]
        for kind, path, size in cases:
            ours, our_nodes = time_argmap(kind, path, args.runs)
            theirs, their_nodes = time_arguebuf(args.arguebuf_python, kind, path, args.runs)
            a, b = statistics.median(ours), statistics.median(theirs)
            rows.append((kind, size, path.stat().st_size, our_nodes, their_nodes, a, b))
    load = os.getloadavg()[0]
    print(
        f"## brat and Kialo readers (issue 24)\n\nMeasured {date.today()} on "
        f"{platform.machine()}, {os.cpu_count()} cores (shared; load average {load:.1f}), "
        f"Python {platform.python_version()}; arguebuf 2.7.2 in its own venv. Medians of "
        f"{args.runs} loads in one process after a warm-up load, both readers in the same "
        "run.\nCommand: `python benchmarks/bench_mining.py --arguebuf-python "
        "/tmp/abvenv/bin/python`.\n"
    )
    print(
        "| format | size | file bytes | argmap nodes | arguebuf nodes | argmap s | "
        "arguebuf s | ratio (argmap / arguebuf) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind, size, nbytes, ours_n, theirs_n, a, b in rows:
        unit = "spans" if kind == "brat" else "claims"
        print(
            f"| {kind} | {size} {unit} | {nbytes:,} | {ours_n} | {theirs_n} | {a:.3f} | "
            f"{b:.3f} | {a / b:.2f}x |"
        )


if __name__ == "__main__":
    main()
