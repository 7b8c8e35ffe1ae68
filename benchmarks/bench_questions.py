"""Critical questions (issue 23): what they cost ordinary maps, and what they cost to ask.

    git archive <base-commit> argmap | tar -x -C /tmp/base
    python benchmarks/bench_questions.py /tmp/base --size 20000 --repeat 5

On the seeded synthetic map (benchmarks/synthetic.py: about a third of its arguments name
"practical reasoning" or "from consequences"), each step runs in a fresh process,
alternating the baseline checkout given and this one; prints medians and ratios as a
Markdown table. ``validate`` now also runs the ``open-critical-question`` rule
(``validate_no_schemes``: the same map with every scheme name removed, as most corpora);
``parse_nt`` reads one more optional literal (``am:question``). Then, this branch only:
``critical_questions`` (in memory, whole map) and ``critical_questions_sparql`` (the
SPARQL twin on an embedded pyoxigraph store holding the map). ``trace_to_dict`` (the
trace JSON of 20 recommendations, which now lists each argument's questions) and
``to_dot`` (the DOT text of the map's view, which now marks open questions) were added
with branch schemes2.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COMPARED = ("validate", "validate_no_schemes", "parse_nt", "trace_to_dict", "to_dot")
OURS = ("critical_questions", "critical_questions_sparql")

STEP = r"""
import sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {here!r})
import argmap, synthetic
from argmap.map import ArgumentMap
nodes = synthetic.synthetic_nodes({n}, 0)
step = {step!r}
if step == "validate_no_schemes":
    nodes = [x.model_copy(update={{"scheme": None}}) if x.kind == "argument" else x for x in nodes]
m = ArgumentMap.from_nodes(nodes, name="syn")
if step.startswith("validate"):
    t = time.perf_counter(); argmap.validate(m)
elif step == "parse_nt":
    data = argmap.dumps(m, "nt")
    t = time.perf_counter(); argmap.loads(data, "nt")
elif step == "trace_to_dict":  # the trace JSON of 20 recommendations
    from argmap.query import trace
    recs = sorted(r.id for r in m.recommendations())[:20]
    traces = [trace(m, r) for r in recs]
    t = time.perf_counter()
    for tr in traces:
        tr.to_dict()
elif step == "to_dot":  # the DOT text of the map's default view
    from argmap.display import to_dot
    t = time.perf_counter(); to_dot(m)
elif step == "critical_questions":
    t = time.perf_counter(); rows = argmap.critical_questions(m)
else:
    import pyoxigraph as ox
    from argmap.questions import critical_questions_sparql
    from argmap.rdf import ntriples
    store = ox.Store(); store.bulk_load(ntriples(m), format=ox.RdfFormat.N_TRIPLES)
    t = time.perf_counter(); critical_questions_sparql(store)
print(time.perf_counter() - t)
"""


def run(root: Path, step: str, n: int) -> float:
    code = STEP.format(root=str(root), here=str(HERE), n=n, step=step)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path, help="a directory holding the baseline argmap/")
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--steps", default="", help="comma-separated steps (default: all)")
    args = parser.parse_args()
    chosen = set(args.steps.split(",")) if args.steps else set(COMPARED + OURS)
    print("| step | runs | baseline s | this branch s | ratio |")
    print("|---|---|---|---|---|")
    for step in (s for s in COMPARED if s in chosen):
        base, here = [], []
        for _ in range(args.repeat):  # alternate, so both see the same machine load
            base.append(run(args.baseline, step, args.size))
            here.append(run(ROOT, step, args.size))
        mb, mh = statistics.median(base), statistics.median(here)
        print(f"| {step} | {args.repeat} | {mb:.2f} | {mh:.2f} | {mh / mb:.2f} |")
    for step in (s for s in OURS if s in chosen):
        here = [run(ROOT, step, args.size) for _ in range(args.repeat)]
        print(f"| {step} | {args.repeat} | - | {statistics.median(here):.2f} | - |")


if __name__ == "__main__":
    main()
