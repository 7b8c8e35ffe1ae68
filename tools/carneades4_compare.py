"""Compare argmap's Carneades labels with Carneades 4's own, file by file.

Carneades 4 (github.com/carneades/carneades-4, Go) is not part of argmap and is not
installed by it; build it yourself and pass the binary::

    python tools/carneades4_compare.py --carneades /path/to/carneades FILE.yml ...
    python tools/carneades4_compare.py --carneades /path/to/carneades --random 300 --seed 1

For each YAML file, both programs evaluate it (``carneades eval -t yaml FILE``); the
statements whose labels differ are printed, and a summary line at the end. ``--random N``
also draws N acyclic random graphs (blocks of statements and issues, constant, linked and
cumulative weights, undercutters, all four proof standards but DV, which Carneades 4 does
not have) and compares them the same way. Exit status 1 when any label differs.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import argmap
from argmap.semantics._carneades_terms import normalize
from argmap.semantics.carneades import carneades

_LABEL = {"in": "IN", "out": "OUT", "undecided": "UNDEC"}


def theirs(binary: str, path: Path) -> dict[str, str]:
    """Carneades 4's labels for the YAML file ``path``."""
    out = subprocess.run(
        [binary, "eval", "-t", "yaml", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"carneades failed on {path}: {out.stderr.strip()[:300]}")
    doc = yaml.safe_load(out.stdout) or {}
    labels = {}
    for sid, value in (doc.get("statements") or {}).items():
        # Carneades 4 writes "id: text" (no label) for an undecided statement; its
        # "labels:" section echoes the file's tests, not what it computed
        label = value.get("label", "undecided") if isinstance(value, dict) else "undecided"
        labels[str(sid)] = _LABEL[str(label).lower()]
    return labels


def ours(path: Path) -> dict[str, str]:
    """argmap's labels for ``path``."""
    return {k: str(v) for k, v in carneades(argmap.load(path)).labels.items()}


def random_graph(rng: random.Random) -> dict[str, Any]:
    """One acyclic Carneades 4 YAML document (see the module docstring)."""
    statements: dict[str, str] = {}
    issues: dict[str, Any] = {}
    arguments: dict[str, Any] = {}
    schemes: dict[str, Any] = {}
    earlier = [f"s{i}" for i in range(rng.randint(1, 3))]
    assumptions = list(earlier)
    for s in earlier:
        statements[s] = f"Statement {s}."
    n = len(earlier)
    for b in range(rng.randint(1, 6)):
        size = rng.choice([1, 1, 2, 3])
        ids = [f"s{n + j}" for j in range(size)]
        n += size
        for s in ids:
            statements[s] = f"Statement {s}."
        if size > 1:
            issues[f"i{b}"] = {"positions": ids, "standard": rng.choice(["PE", "CCE", "BRD"])}
        for s in ids:
            for _ in range(rng.randint(0, 2)):
                premises = rng.sample(earlier, rng.randint(1, min(3, len(earlier))))
                entry: dict[str, Any] = {"conclusion": s, "premises": premises}
                kind = rng.choice(["constant", "constant", "linked", "cumulative"])
                if kind == "constant":
                    w = rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
                    sid = f"w{round(w * 100)}"
                    schemes[sid] = {"id": sid, "weight": {"constant": w}}
                    entry["scheme"] = sid
                elif kind == "cumulative":
                    entry["scheme"] = "cumulative"
                cut = rng.choice([None, None, *earlier])
                if cut is not None and cut not in premises:
                    entry["undercutter"] = cut
                arguments[f"a{len(arguments) + 1}"] = entry
        earlier += ids
    doc: dict[str, Any] = {"argument_schemes": list(schemes.values())}
    doc.update(statements=statements, issues=issues, arguments=arguments)
    doc["assumptions"] = assumptions
    return doc


def compare(binary: str, path: Path) -> list[str]:
    """The statements whose labels differ, as readable lines."""
    a = {normalize(k): v for k, v in ours(path).items()}
    b = {normalize(k): v for k, v in theirs(binary, path).items()}
    return [
        f"{path.name}: {sid}: argmap {a.get(sid)} / carneades {b.get(sid)}"
        for sid in sorted(set(a) | set(b))
        if a.get(sid) != b.get(sid)
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the comparison (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--carneades", required=True, help="the Carneades 4 binary")
    ap.add_argument("--random", type=int, default=0, help="also compare N random graphs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args(argv)
    diffs: list[str] = []
    checked = 0
    for path in args.files:
        diffs += compare(args.carneades, path)
        checked += 1
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.random):
            path = Path(tmp) / f"random{i}.yml"
            path.write_text(yaml.safe_dump(random_graph(rng), sort_keys=False), "utf-8")
            found = compare(args.carneades, path)
            if found:
                keep = Path(tempfile.gettempdir()) / f"carneades-diff-{args.seed}-{i}.yml"
                keep.write_text(path.read_text("utf-8"), "utf-8")
                found.append(f"  (graph kept in {keep})")
            diffs += found
            checked += 1
    for line in diffs:
        print(line)
    print(f"{checked} graphs compared, {len([d for d in diffs if d[:2] != '  '])} labels differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
