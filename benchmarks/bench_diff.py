"""Benchmark map comparison (issue 19): argmap.diff on two 1e5-node maps, against baselines.

Two seeded synthetic maps of ``--size`` nodes (``benchmarks/synthetic.py``): the second is
the first after an edit of ``--edits`` changes of each sort (statements removed with their
cascade, evidence reworded, attacks added). Side by side, in the same run:

* ``old == new`` (the map equality argmap had: a yes/no, no detail);
* the set difference of the two maps' N-Triples (``argmap.dumps(m, "nt")``, lines as sets):
  which triples differ, with no idea of nodes or recommendations;
* ``argmap.diff(old, new)``: added/removed/changed nodes and every recommendation's effect;
* ``argmap.diff(old, old.copy())``: the equal case;
* ``argmap.diff(old, new, match="iri")``.

Medians of ``--repeat`` runs. Nothing is asserted; the goal (< 5 s for 1e5 nodes) is in
the issue.

    python benchmarks/bench_diff.py --size 100000 --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import argmap
from argmap.map import ArgumentMap

from synthetic import generate


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` calls of ``fn`` (seconds) and its last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def edited(m: ArgumentMap, edits: int, seed: int = 1) -> ArgumentMap:
    """``m`` after ``edits`` removals, rewordings and added attacks each."""
    rng = random.Random(seed)
    new = m.copy()
    claims = sorted(c.id for c in new.claims())
    for node_id in rng.sample(claims, edits):
        if node_id in new:
            new.remove(node_id)
    evidence = sorted(e.id for e in new.evidence_nodes())
    nodes = {n.id: n for n in new}
    for node_id in rng.sample(evidence, edits):
        nodes[node_id] = nodes[node_id].model_copy(update={"text": nodes[node_id].text + " (rev.)"})
    out = ArgumentMap.from_nodes(
        nodes.values(), [(a.statement, a.subject) for a in new.abouts()], name=m.name, check=False
    )
    statements = sorted(s.id for s in out.statements())
    for i in range(edits):
        attacker = out.claim(f"New objection {i}.", id=f"new-objection-{i}")
        out.attack(attacker, rng.choice(statements), id=f"new-attack-{i}")
    return out


def ntriples_difference(old: ArgumentMap, new: ArgumentMap) -> tuple[int, int]:
    a = set(argmap.dumps(old, "nt").splitlines())
    b = set(argmap.dumps(new, "nt").splitlines())
    return len(a - b), len(b - a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    old = generate(args.size, 0)
    new = edited(old, args.edits)
    same = old.copy()
    print(f"# {old!r} and its edit made in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    rows = []
    t_eq, _ = timed(lambda: old == new, args.repeat)
    rows.append(("baseline: old == new (yes/no)", t_eq, "differ" if old != new else "equal"))
    t_nt, (lost, gained) = timed(lambda: ntriples_difference(old, new), args.repeat)
    rows.append(("baseline: N-Triples set difference", t_nt, f"-{lost} +{gained} triples"))
    t_diff, d = timed(lambda: argmap.diff(old, new), args.repeat)
    summary = (
        f"+{len(d.added)} -{len(d.removed)} ~{len(d.changed)} nodes, "
        f"{len(d.recommendations)} recommendations affected"
    )
    rows.append(("argmap.diff(old, new)", t_diff, summary))
    t_same, e = timed(lambda: argmap.diff(old, same), args.repeat)
    rows.append(("argmap.diff(old, old.copy())", t_same, "equal" if e.equal else "differ"))
    t_iri, f = timed(lambda: argmap.diff(old, new, match="iri"), args.repeat)
    rows.append(("argmap.diff(old, new, match='iri')", t_iri, f"~{len(f.changed)} changed"))
    print(f"{len(old):,} vs {len(new):,} nodes; {platform.machine()}, Python "
          f"{platform.python_version()}; medians of {args.repeat} runs\n")
    print("| step | median s | vs old == new | vs N-Triples diff | result |")
    print("|---|---:|---:|---:|---|")
    for name, t, result in rows:
        print(f"| {name} | {t:.2f} | {t / t_eq:.1f}x | {t / t_nt:.2f}x | {result} |")


if __name__ == "__main__":
    main()
