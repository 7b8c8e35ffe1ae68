"""Core benchmarks: build, export and parse synthetic maps, beside plain rdflib.

    python benchmarks/bench_core.py                       # 1e3 .. 1e6, 3 repeats
    python benchmarks/bench_core.py --sizes 1000 10000 --repeat 5 --no-write

Each measurement runs in a fresh subprocess (so peak memory is that step's own), and is
repeated; the table shows medians. Plain rdflib is measured on the same triples in the
same run: building an rdflib Graph triple by triple then ``serialize``, and
``Graph.parse`` of the same file (parse alone, without converting to a map, so the ratio
is conservative). rdflib is skipped at 1e6 nodes (minutes per step). Results are written
to the "Core (issue 2)" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECTION = "## Core (issue 2)"

STEP = r"""
import gc, json, resource, sys, time
sys.path.insert(0, {here!r})
import argmap, synthetic
from argmap.util import no_gc
from argmap.model import MODEL_BY_KIND
step, n, path = {step!r}, {n}, {path!r}
out = {{}}
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if step == "build":
    with no_gc():
        raw = [(type(x), x.model_dump()) for x in synthetic.synthetic_nodes(n)]
    base = rss()
    t = time.perf_counter()
    with no_gc():
        nodes = [cls.model_validate(d) for cls, d in raw]
    m = argmap.ArgumentMap.from_nodes(nodes)
    out["seconds"] = time.perf_counter() - t
    out["peak_mb"] = rss()
    out["delta_mb"] = rss() - base
    out["nodes"] = len(m)
elif step in ("export-ttl", "export-nt"):
    m = synthetic.generate(n)
    fmt = "turtle" if step == "export-ttl" else "nt"
    t = time.perf_counter()
    argmap.dump(m, path, fmt)
    out["seconds"] = time.perf_counter() - t
    out["triples"] = len(argmap.rdf.ntriples_lines(m, sort=False))
elif step in ("parse-ttl", "parse-nt"):
    fmt = "turtle" if step == "parse-ttl" else "nt"
    base = rss()
    t = time.perf_counter()
    m = argmap.load(path, fmt, limits=argmap.Limits(max_bytes=None))
    out["seconds"] = time.perf_counter() - t
    out["peak_mb"] = rss()
    out["nodes"] = len(m)
elif step in ("rdflib-export-ttl", "rdflib-export-nt"):
    import rdflib
    from rdflib import Literal, URIRef, BNode
    m = synthetic.generate(n)
    lines = argmap.rdf.ntriples_lines(m, sort=False)
    # the same triples as plain Python tuples, so rdflib's part is only its own work
    def term(t):
        if t.startswith("<"):
            return ("u", t[1:-1])
        close = t.rindex('"')
        value = t[1:close].encode().decode("unicode_escape") if "\\" in t else t[1:close]
        dt = t[close + 3:-1] if t[close + 1:close + 3] == "^^" else None
        return ("l", value, dt)
    tuples = []
    for line in lines:
        s, p, rest = line.split(" ", 2)
        tuples.append((s[1:-1], p[1:-1], term(rest[:-2])))
    t = time.perf_counter()
    g = rdflib.Graph()
    g.bind("am", "https://w3id.org/argmap/ns#")
    add = g.add
    for s, p, o in tuples:
        obj = URIRef(o[1]) if o[0] == "u" else Literal(o[1], datatype=URIRef(o[2]) if o[2] else None)
        add((URIRef(s), URIRef(p), obj))
    build = time.perf_counter() - t
    g.serialize(destination=path, format="turtle" if step.endswith("ttl") else "nt", encoding="utf-8")
    out["seconds"] = time.perf_counter() - t
    out["build_seconds"] = build
elif step in ("rdflib-parse-ttl", "rdflib-parse-nt"):
    import rdflib
    t = time.perf_counter()
    g = rdflib.Graph().parse(path, format="turtle" if step.endswith("ttl") else "nt")
    out["seconds"] = time.perf_counter() - t
    out["peak_mb"] = rss()
    out["triples"] = len(g)
print(json.dumps(out))
"""


def run_step(step: str, n: int, path: str) -> dict[str, float]:
    code = STEP.format(here=str(HERE), step=step, n=n, path=path)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=3600
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{step} n={n} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def median_of(step: str, n: int, path: str, repeat: int) -> dict[str, float]:
    runs = [run_step(step, n, path) for _ in range(repeat)]
    keys = runs[0].keys()
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def write_section(text: str) -> None:
    path = HERE / "RESULTS.md"
    current = path.read_text() if path.exists() else "# Benchmark results\n"
    if SECTION in current:
        before, rest = current.split(SECTION, 1)
        after = rest.split("\n## ", 1)
        tail = ("\n## " + after[1]) if len(after) > 1 else ""
        current = before + text + tail
    else:
        current = current.rstrip() + "\n\n" + text
    path.write_text(current.rstrip() + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-max", type=int, default=100000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            ttl, nt = f"{tmp}/m{n}.ttl", f"{tmp}/m{n}.nt"
            repeat = args.repeat if n < 100_000 else max(1, args.repeat - (1 if n < 1_000_000 else 2))
            row: dict[str, object] = {"n": n}
            build = median_of("build", n, ttl, repeat)
            row.update(nodes=build["nodes"], build_s=build["seconds"], build_peak_mb=build["peak_mb"],
                       build_delta_mb=build["delta_mb"])
            for kind, path in (("ttl", ttl), ("nt", nt)):
                ex = median_of(f"export-{kind}", n, path, repeat)
                pa = median_of(f"parse-{kind}", n, path, repeat)
                row[f"export_{kind}_s"] = ex["seconds"]
                row["triples"] = ex["triples"]
                row[f"parse_{kind}_s"] = pa["seconds"]
                row[f"parse_{kind}_peak_mb"] = pa["peak_mb"]
                if n <= args.rdflib_max:
                    rex = median_of(f"rdflib-export-{kind}", n, f"{tmp}/r{n}.{kind}", repeat)
                    rpa = median_of(f"rdflib-parse-{kind}", n, path, repeat)
                    row[f"rdflib_export_{kind}_s"] = rex["seconds"]
                    row[f"rdflib_serialize_only_{kind}_s"] = rex["seconds"] - rex["build_seconds"]
                    row[f"rdflib_parse_{kind}_s"] = rpa["seconds"]
            rows.append(row)
            print(json.dumps(row), flush=True)
    table = render(rows, args.repeat)
    print(table)
    if not args.no_write:
        write_section(table)


def _f(value: object, digits: int = 2) -> str:
    return "-" if value is None else f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def _ratio(a: object, b: object) -> str:
    if a is None or b is None or not b:
        return "-"
    return f"{float(a) / float(b):.1f}x"  # type: ignore[arg-type]


def render(rows: list[dict[str, object]], repeat: int) -> str:
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}; the machine is shared, so each",
        f"figure is the median of {repeat} runs ({max(1, repeat - 1)} at 1e5, {max(1, repeat - 2)} at 1e6), each in a fresh process.",
        "Command: `python benchmarks/bench_core.py`.",
        "",
        "Build (pydantic models validated from plain dicts, then `ArgumentMap.from_nodes`):",
        "",
        "| nodes | triples | build s | peak RSS MB | of which the map MB |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['nodes']:.0f} | {r['triples']:.0f} | {_f(r['build_s'])} | "
            f"{_f(r['build_peak_mb'], 0)} | {_f(r['build_delta_mb'], 0)} |"
        )
    lines += [
        "",
        "Export (map to file) and parse (file to map), argmap beside plain rdflib on the same",
        "triples. rdflib export = build a Graph triple by triple + `serialize`; the ratio is",
        "also given against `serialize` alone. rdflib parse = `Graph.parse` alone.",
        "",
        "| nodes | syntax | argmap export s | rdflib export s | ratio | vs serialize only | argmap parse s | rdflib parse s | ratio |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        for kind, name in (("ttl", "Turtle"), ("nt", "N-Triples")):
            rex = r.get(f"rdflib_export_{kind}_s")
            rser = r.get(f"rdflib_serialize_only_{kind}_s")
            rpa = r.get(f"rdflib_parse_{kind}_s")
            lines.append(
                f"| {r['nodes']:.0f} | {name} | {_f(r[f'export_{kind}_s'])} | {_f(rex)} | "
                f"{_ratio(rex, r[f'export_{kind}_s'])} | {_ratio(rser, r[f'export_{kind}_s'])} | "
                f"{_f(r[f'parse_{kind}_s'])} | {_f(rpa)} | {_ratio(rpa, r[f'parse_{kind}_s'])} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
