"""Peak memory spent on an over-cap input before it is refused, old code beside new (issue 14).

Each case runs in a fresh process that imports argmap from ``--before`` (a checkout of the
code before streaming caps) or from this worktree, loads one over-cap file and reports
the growth of its peak RSS and the time to the refusal. Medians of ``--runs`` runs.

    git archive <base-commit> --prefix=h14-base/ | tar -x -C /tmp
    python benchmarks/bench_input_caps.py --before /tmp/h14-base --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
import argmap
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    argmap.load(sys.argv[1], sys.argv[2])
    outcome = "loaded"
except Exception as exc:
    outcome = type(exc).__name__
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "grown_mb": (after - before) / 1024, "s": seconds}))
"""


def _nt_nodes(path: Path, n: int) -> None:
    am = "https://w3id.org/argmap/ns#"
    base = "https://w3id.org/argmap/map/big/"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"<{base}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{am}ArgumentMap> .\n"
        )
        for i in range(n):
            s = f"<{base}c{i}>"
            out.write(f"{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{am}Claim> .\n")
            out.write(f'{s} <{am}text> "Claim number {i}, with some words to read." .\n')


def _nt_text(path: Path, size: int) -> None:
    am = "https://w3id.org/argmap/ns#"
    base = "https://w3id.org/argmap/map/big/"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"<{base}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{am}ArgumentMap> .\n"
        )
        out.write(f"<{base}c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{am}Claim> .\n")
        out.write(f'<{base}c> <{am}text> "' + "x" * size + '" .\n')


def _aif_text(path: Path, size: int) -> None:
    doc = {
        "nodes": [{"nodeID": "1", "type": "I", "text": "y" * size}],
        "edges": [],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")


def _run(code_root: Path, path: Path, fmt: str, env: dict[str, str]) -> dict[str, object]:
    environ = {**os.environ, **env, "PYTHONPATH": str(code_root)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), fmt],
        capture_output=True,
        text=True,
        env=environ,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--jsonld-nodes", type=int, default=20_000)
    parser.add_argument("--text-mb", type=int, default=12)  # pyoxigraph: 16 MiB a term
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [
            ("N-Triples, max_nodes", folder / "nodes.nt", "nt", {"ARGMAP_MAX_NODES": "1000"}),
            ("N-Triples, max_text", folder / "text.nt", "nt", {}),
            ("AIF JSON, max_text", folder / "text.json", "aif", {}),
        ]
        _nt_nodes(cases[0][1], args.nodes)
        _nt_text(cases[1][1], args.text_mb * 2**20)
        _aif_text(cases[2][1], args.text_mb * 2**20)
        print("| input | size MB | code | outcome | peak RSS growth MB | s to refusal |")
        print("|---|---:|---|---|---:|---:|")
        for name, path, fmt, env in cases:
            size = path.stat().st_size / 2**20
            for label, root in (("before", args.before), ("after", ROOT)):
                runs = [_run(root, path, fmt, env) for _ in range(args.runs)]
                grown = statistics.median(float(str(r["grown_mb"])) for r in runs)
                secs = statistics.median(float(str(r["s"])) for r in runs)
                print(
                    f"| {name} | {size:.0f} | {label} | {runs[0]['outcome']} | "
                    f"{grown:.0f} | {secs:.2f} |"
                )
        _speed(folder, cases[0][1], args)


def _speed(folder: Path, nodes_nt: Path, args: argparse.Namespace) -> None:
    """Loads under the caps (nothing refused): what the new checks cost, before vs after."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import argmap

    from synthetic import generate

    jsonld = folder / "map.jsonld"
    jsonld.write_text(argmap.dumps(generate(args.jsonld_nodes), "jsonld"), encoding="utf-8")
    print()
    print("| load (under the caps) | size MB | before s | after s | after/before |")
    print("|---|---:|---:|---:|---:|")
    for name, path, fmt in (
        (f"N-Triples, {args.nodes:,} claims", nodes_nt, "nt"),
        (f"JSON-LD, synthetic {args.jsonld_nodes:,} nodes", jsonld, "jsonld"),
    ):
        secs = {}
        for label, root in (("before", args.before), ("after", ROOT)):
            runs = [_run(root, path, fmt, {}) for _ in range(args.runs)]
            assert all(r["outcome"] == "loaded" for r in runs), runs
            secs[label] = statistics.median(float(str(r["s"])) for r in runs)
        size = path.stat().st_size / 2**20
        ratio = secs["after"] / secs["before"]
        print(
            f"| {name} | {size:.0f} | {secs['before']:.2f} | {secs['after']:.2f} | {ratio:.2f}x |"
        )


if __name__ == "__main__":
    main()
