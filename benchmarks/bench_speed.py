"""Load speed beside the peers, in the same run (issue 17): RDF parse against rdflib, AIF
against arguebuf, validation of the 1e6-node map.

    python benchmarks/bench_speed.py                                  # all, 5 rounds
    python benchmarks/bench_speed.py --rounds 3 --only nt ttl aif     # a part
    python benchmarks/bench_speed.py --arguebuf-python /tmp/abvenv/bin/python

Every measurement runs in a fresh process (so no step warms another's caches), and the
steps are interleaved round by round (argmap, then the peer, on the same file), so a
burst of load from other jobs on the shared machine hits both sides alike. Each child
reports its wall time and its CPU time (``time.process_time``: the steadier figure when
the machine is busy); the table gives medians and the ratio peer / argmap of each.

* ``nt``, ``ttl``: ``argmap.load(file, fmt)`` (parse, checks, the map) beside
  ``rdflib.Graph().parse(file)`` (parse alone), on the 1e5-node map of
  ``benchmarks/synthetic.py`` (seed 0).
* ``aif``: ``argmap.io.aif.loads`` on the file's bytes beside arguebuf's
  ``load.file`` on the file (the synthetic QT30-like map of ``bench_aif.py``, 100k nodes).
  arguebuf 2.7.2 (``pip install arguebuf==2.7.2``; ``--arguebuf-python`` names another
  interpreter if it lives in its own venv).
* ``validate``: ``argmap.validate.validate(m)`` (every rule) on the 1e6-node map, timed
  in the child after the map is built; no peer.

Nothing here is asserted; rows go to benchmarks/RESULTS.md by hand.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {here!r})
step, path = {step!r}, {path!r}
if step in ("argmap-nt", "argmap-ttl"):
    import argmap
    c, t = time.process_time(), time.perf_counter()
    m = argmap.load(path, "nt" if step == "argmap-nt" else "turtle",
                    limits=argmap.Limits(max_bytes=None))
    n = len(m)
elif step in ("rdflib-nt", "rdflib-ttl"):
    import rdflib
    c, t = time.process_time(), time.perf_counter()
    g = rdflib.Graph(); g.parse(path, format="nt" if step == "rdflib-nt" else "turtle")
    n = len(g)
elif step == "argmap-aif":
    from argmap.io import aif
    c, t = time.process_time(), time.perf_counter()
    with open(path, "rb") as handle:
        m = aif.loads(handle.read(), filename=path)
    n = len(m)
elif step == "arguebuf-aif":
    import arguebuf
    c, t = time.process_time(), time.perf_counter()
    g = arguebuf.load.file(path)
    n = len(g.atom_nodes) + len(g.scheme_nodes)
elif step == "argmap-validate":
    import synthetic
    from argmap.validate import validate
    m = synthetic.generate(int(path))
    c, t = time.process_time(), time.perf_counter()
    report = validate(m)
    n = len(m)
print(json.dumps({{"wall": time.perf_counter() - t, "cpu": time.process_time() - c, "n": n}}))
"""

PAIRS = {
    "nt": ("argmap-nt", "rdflib-nt"),
    "ttl": ("argmap-ttl", "rdflib-ttl"),
    "aif": ("argmap-aif", "arguebuf-aif"),
    "validate": ("argmap-validate", None),
}


def run(step: str, path: str, python: str, root: Path = ROOT) -> dict[str, float]:
    code = CHILD.format(here=str(HERE), step=step, path=path)
    env = {**os.environ, "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # run from the checkout's root: ``python -c`` puts the working folder first on the path
    out = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, cwd=str(root)
    )
    if out.returncode != 0:
        raise SystemExit(f"{step} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def make_data(folder: Path, nodes: int, aif_nodes: int) -> dict[str, str]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from bench_aif import synthetic_aif

    import argmap

    import synthetic

    files = {
        "nt": folder / f"map{nodes}.nt",
        "ttl": folder / f"map{nodes}.ttl",
        "aif": folder / f"aif{aif_nodes}.json",
    }
    if not files["nt"].exists() or not files["ttl"].exists():
        m = synthetic.generate(nodes)
        argmap.dump(m, files["nt"], "nt")
        argmap.dump(m, files["ttl"], "turtle")
    if not files["aif"].exists():
        files["aif"].write_text(json.dumps(synthetic_aif(aif_nodes)), encoding="utf-8")
    return {k: str(v) for k, v in files.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=list(PAIRS), choices=list(PAIRS))
    parser.add_argument("--nodes", type=int, default=100_000, help="RDF map size")
    parser.add_argument("--aif-nodes", type=int, default=100_000)
    parser.add_argument("--validate-nodes", type=int, default=1_000_000)
    parser.add_argument("--data", help="folder for the generated files (kept between runs)")
    parser.add_argument("--arguebuf-python", default=os.environ.get("ARGUEBUF_PYTHON"))
    parser.add_argument("--baseline", help="another checkout whose argmap is timed too")
    args = parser.parse_args()
    folder = Path(args.data or tempfile.mkdtemp(prefix="argmap-speed-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = make_data(folder, args.nodes, args.aif_nodes)
    files["validate"] = str(args.validate_nodes)
    times: dict[str, list[dict[str, float]]] = {}
    for round_no in range(args.rounds):
        for part in args.only:
            for step in PAIRS[part]:
                if step is None:
                    continue
                python = (
                    args.arguebuf_python or sys.executable
                    if step.startswith("arguebuf")
                    else sys.executable
                )
                got = run(step, files[part], python)
                times.setdefault(step, []).append(got)
                print(f"round {round_no + 1} {step}: {got}", file=sys.stderr, flush=True)
                if args.baseline and step.startswith("argmap"):
                    got = run(step, files[part], python, Path(args.baseline))
                    times.setdefault("base-" + step, []).append(got)
                    print(f"round {round_no + 1} baseline {step}: {got}", file=sys.stderr)
    print(f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"load average at the end: {os.getloadavg()}\n")
    print(
        "| what | argmap wall / CPU s | peer wall / CPU s | peer ÷ argmap (wall / CPU) "
        "| baseline argmap wall / CPU s | runs |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for part in args.only:
        mine, peer = PAIRS[part]
        a = times[mine]
        aw = statistics.median(x["wall"] for x in a)
        ac = statistics.median(x["cpu"] for x in a)
        b = times.get("base-" + mine)
        base = (
            f"{statistics.median(x['wall'] for x in b):.2f} / "
            f"{statistics.median(x['cpu'] for x in b):.2f}"
            if b
            else "-"
        )
        if peer is None:
            print(
                f"| {part} ({a[0]['n']:.0f} nodes) | {aw:.2f} / {ac:.2f} | - | - | {base} "
                f"| {len(a)} |"
            )
            continue
        p = times[peer]
        pw = statistics.median(x["wall"] for x in p)
        pc = statistics.median(x["cpu"] for x in p)
        print(
            f"| {part} ({a[0]['n']:.0f} nodes; peer {p[0]['n']:.0f}) | {aw:.2f} / {ac:.2f} | "
            f"{pw:.2f} / {pc:.2f} | {pw / aw:.1f}x / {pc / ac:.1f}x | {base} | {len(a)} |"
        )


if __name__ == "__main__":
    main()
