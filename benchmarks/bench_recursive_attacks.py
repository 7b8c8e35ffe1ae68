"""Attacks on attacks (issue 16): does the new code cost ordinary maps anything?

    git archive <base-commit> argmap | tar -x -C /tmp/base
    python benchmarks/bench_recursive_attacks.py /tmp/base --size 100000 --repeat 5

Runs each step on the seeded synthetic map (benchmarks/synthetic.py, which has no attacks
on attacks) in a fresh process, alternating the baseline checkout given and this one, and
prints the medians and their ratio as a Markdown table: ``from_nodes`` (bulk insert,
which now orders attacks on attacks after their targets), ``parse_nt`` (the RDF reader,
which now collects several ``am:attacker``), ``grounded`` (the structured projection and
grounded labelling) and ``trace_all`` (every recommendation's trace).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STEPS = ("from_nodes", "parse_nt", "grounded", "trace_all")

STEP = r"""
import sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {here!r})
import argmap, synthetic
from argmap.map import ArgumentMap
nodes = synthetic.synthetic_nodes({n}, 0)
step = {step!r}
if step == "from_nodes":
    t = time.perf_counter(); ArgumentMap.from_nodes(nodes, name="syn")
else:
    m = ArgumentMap.from_nodes(nodes, name="syn")
    if step == "parse_nt":
        data = argmap.dumps(m, "nt")
        t = time.perf_counter(); argmap.loads(data, "nt")
    elif step == "grounded":
        from argmap.semantics import accept
        t = time.perf_counter(); accept(m, "grounded")
    else:
        t = time.perf_counter(); [argmap.trace(m, r) for r in m.recommendations()]
print(time.perf_counter() - t)
"""


def run(root: Path, step: str, n: int) -> float:
    code = STEP.format(root=str(root), here=str(HERE), n=n, step=step)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path, help="a directory holding the baseline argmap/")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| step | runs | baseline s | this branch s | ratio |")
    print("|---|---|---|---|---|")
    for step in STEPS:
        base, here = [], []
        for _ in range(args.repeat):  # alternate, so both see the same machine load
            base.append(run(args.baseline, step, args.size))
            here.append(run(ROOT, step, args.size))
        mb, mh = statistics.median(base), statistics.median(here)
        print(f"| {step} | {args.repeat} | {mb:.2f} | {mh:.2f} | {mh / mb:.2f} |")


if __name__ == "__main__":
    main()
