"""Solver benchmark (issue 22): argmap's clingo engine beside its pure-Python search and
beside plain ASPARTIX-style encodings run by clingo directly, in the same run.

Three families:

1. ``afgen``: 100-argument AFGen-like frameworks (a ring where each argument meets its 4
   nearest neighbours on each side, each edge rewired to a random argument with
   probability 0.2, given a random direction, and made mutual with probability 0.3;
   seeded). Tasks: EE-ST and EE-PR.
2. ``random``: 200 arguments, each ordered pair an attack with probability p, at the
   densities where the pure-Python search was slowest (p = 0.05, 0.07, 0.1; see the
   issue 8 section of RESULTS.md). Task: EE-PR.
3. ``sparse``: 10,000 arguments, 2 attacks per argument drawn uniformly. Tasks: DC-PR and
   DS-PR for query arguments the grounded labelling leaves undecided (up to 5) and 5 more
   drawn at random.

Contenders, all in this process:

- ``solver``: :mod:`argmap.semantics.tasks` with ``engine="solver"`` (argmap's encodings,
  the grounded shortcut for acceptance, the CEGAR loop for DS-PR);
- ``python``: the same calls with ``engine="python"``, cut off at ``--python-limit``
  seconds per call (a forked child that is killed; reported as "> limit");
- ``plain``: the framework written as apx (which is ASP facts), one of the plain
  encodings below appended, grounded and solved by clingo's Python API with nothing
  else: stable = every answer set; preferred = complete + domain heuristic with
  ``--enum-mode=domRec``; DC-PR = complete with ``:- not in(a).``; DS-PR = preferred
  enumeration until an extension without ``a`` turns up.

Answers of the three are compared whenever they finish. Medians of ``--runs`` runs per
framework (python: one run), then the median over the frameworks of a row.

Run::

    python benchmarks/bench_solver.py --runs 3

It prints Markdown for benchmarks/RESULTS.md. Never part of the test suite's assertions.
"""

# ruff: noqa: B023  (every lambda is called before its loop variable changes)
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import clingo

from argmap.errors import SolverTimeout
from argmap.semantics import AbstractFramework, dumps_af, tasks
from argmap.semantics.dung import grounded_labelling

PLAIN_BASE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
PLAIN_STABLE = PLAIN_BASE + ":- out(X), not defeated(X).\n#show in/1.\n"
PLAIN_COMPLETE = (
    PLAIN_BASE
    + """
not_defended(X) :- att(Y,X), not defeated(Y).
:- in(X), not_defended(X).
:- out(X), not not_defended(X).
#show in/1.
"""
)
PLAIN_PREFERRED = PLAIN_COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n"


def afgen(
    n: int, seed: int, k: int = 8, beta: float = 0.2, mutual: float = 0.3
) -> AbstractFramework:
    rng = random.Random(seed)
    att: set[tuple[int, int]] = set()
    for i in range(n):
        for d in range(1, k // 2 + 1):
            j = (i + d) % n
            if rng.random() < beta:
                j = rng.randrange(n)
            if j == i:
                continue
            a, b = (i, j) if rng.random() < 0.5 else (j, i)
            att.add((a, b))
            if rng.random() < mutual:
                att.add((b, a))
    pairs = sorted(att)
    return AbstractFramework.from_indices(n, [a for a, _ in pairs], [b for _, b in pairs])


def erdos(n: int, p: float, seed: int) -> AbstractFramework:
    rng = random.Random(seed)
    pairs = [(a, b) for a in range(n) for b in range(n) if rng.random() < p]
    return AbstractFramework.from_indices(n, [a for a, _ in pairs], [b for _, b in pairs])


def sparse(n: int, per: float, seed: int) -> AbstractFramework:
    rng = random.Random(seed)
    m = int(n * per)
    seen: set[int] = set()
    while len(seen) < m:
        seen.add(rng.randrange(n * n))
    codes = sorted(seen)
    return AbstractFramework.from_indices(n, [c // n for c in codes], [c % n for c in codes])


# -- the plain baseline -----------------------------------------------------------------------


def _names(model: clingo.Model) -> frozenset[str]:
    return frozenset(str(s.arguments[0]) for s in model.symbols(shown=True))


def plain_models(
    facts: str,
    program: str,
    options: list[str],
    stop: Callable[[frozenset[str]], bool] | None = None,
) -> list[frozenset[str]]:
    models = [] if any(o.isdigit() for o in options) else ["0"]
    ctl = clingo.Control(["--warn=none", *models, *options], logger=lambda c, m: None)
    ctl.add("base", [], facts + program)
    ctl.ground([("base", [])])
    found: list[frozenset[str]] = []

    def on_model(model: clingo.Model) -> bool:
        ext = _names(model)
        found.append(ext)
        return not (stop and stop(ext))

    ctl.solve(on_model=on_model)
    return found


def plain_ee(af: AbstractFramework, semantics: str) -> list[frozenset[str]]:
    facts = dumps_af(af, "apx")
    if semantics == "stable":
        return plain_models(facts, PLAIN_STABLE, [])
    return plain_models(facts, PLAIN_PREFERRED, ["--heuristic=Domain", "--enum-mode=domRec"])


def plain_dc(af: AbstractFramework, a: str) -> bool:
    facts = dumps_af(af, "apx")
    return bool(plain_models(facts, PLAIN_COMPLETE + f":- not in({a}).\n", ["1"]))


def plain_ds(af: AbstractFramework, a: str) -> bool:
    facts = dumps_af(af, "apx")
    found = plain_models(
        facts,
        PLAIN_PREFERRED,
        ["--heuristic=Domain", "--enum-mode=domRec"],
        stop=lambda e: a not in e,
    )
    return all(a in e for e in found)


# -- timing -----------------------------------------------------------------------------------


def median_time(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def python_time(action: Callable[[], Any]) -> tuple[float | None, Any]:
    start = time.perf_counter()
    try:
        result = action()
    except SolverTimeout:
        return None, None
    return time.perf_counter() - start, result


def fmt(t: float | None, limit: float) -> str:
    if t is None:
        return f"> {limit:.0f} s"
    return f"{t:.3f} s" if t < 10 else f"{t:.1f} s"


def med(values: list[float | None]) -> float | None:
    """Median, counting a time-out as larger than anything (None if it is a time-out)."""
    key = sorted(values, key=lambda v: float("inf") if v is None else v)
    return key[(len(key) - 1) // 2] if key else None


def ratio(a: float | None, b: float, limit: float) -> str:
    """a / b, or "> limit / b" when a timed out."""
    if a is None:
        return f"> {limit / b:,.0f}x"
    return f"{a / b:,.1f}x"


# -- families ---------------------------------------------------------------------------------


def bench_ee(
    rows: list[str],
    label: str,
    frameworks: list[AbstractFramework],
    semantics: str,
    args: argparse.Namespace,
) -> None:
    s_times, p_times, py_times, counts = [], [], [], []
    for af in frameworks:
        ts, got = median_time(
            lambda: tasks.all_extensions(af, semantics, engine="solver"), args.runs
        )
        tp, plain = median_time(lambda: plain_ee(af, semantics), args.runs)
        assert set(got) == set(plain) and len(got) == len(plain), (label, semantics)
        tpy, py = python_time(
            lambda: tasks.all_extensions(af, semantics, engine="python", timeout=args.python_limit)
        )
        if py is not None:
            assert set(py) == set(got), (label, semantics)
        s_times.append(ts)
        p_times.append(tp)
        py_times.append(tpy)
        counts.append(len(got))
        print(
            f"  {label} {semantics}: n={len(af)} ext={len(got)} solver={ts:.3f} plain={tp:.3f} "
            f"python={tpy}",
            file=sys.stderr,
            flush=True,
        )
    ms, mp, mpy = statistics.median(s_times), statistics.median(p_times), med(py_times)
    atts = statistics.mean(af.number_of_attacks() for af in frameworks)
    timeouts = sum(t is None for t in py_times)
    rows.append(
        f"| {label} | EE-{semantics[:2].upper()} | {len(frameworks[0])} | {atts:,.0f} | "
        f"{statistics.median(counts):,.0f} ({max(counts):,}) | {ms:.3f} s ({max(s_times):.3f} s) | "
        f"{mp:.3f} s | {fmt(mpy, args.python_limit)}"
        f"{f' ({timeouts} cut off)' if timeouts else ''} | "
        f"{ratio(mpy, ms, args.python_limit)} | "
        f"{mp / ms:.2f}x |"
    )


def bench_sparse(rows: list[str], args: argparse.Namespace) -> None:
    af = sparse(args.sparse_n, 2.0, seed=7)
    lab = grounded_labelling(af)
    undec = sorted(lab.undec, key=af.index)[:5]
    rng = random.Random(3)
    queries = undec + rng.sample(af.arguments, 10 - len(undec))
    for task in ("DC", "DS"):
        s_times, p_times, py_times = [], [], []
        yes = 0
        for a in queries:
            fn = tasks.credulous if task == "DC" else tasks.sceptical
            plain_fn = plain_dc if task == "DC" else plain_ds
            ts, got = median_time(lambda: fn(af, a, "preferred", engine="solver"), args.runs)
            tp, plain = median_time(lambda: plain_fn(af, a), args.runs)
            assert got == plain, (task, a)
            tpy, py = python_time(
                lambda: fn(af, a, "preferred", engine="python", timeout=args.python_limit)
            )
            if py is not None:
                assert py == got, (task, a)
            yes += got
            s_times.append(ts)
            p_times.append(tp)
            py_times.append(tpy)
            print(
                f"  sparse {task} {a}: {got} solver={ts:.3f} plain={tp:.3f} python={tpy}",
                file=sys.stderr,
                flush=True,
            )
        ms, mp, mpy = statistics.median(s_times), statistics.median(p_times), med(py_times)
        rows.append(
            f"| sparse | {task}-PR ({len(undec)} undecided + {10 - len(undec)} random queries, "
            f"{yes} YES) | {len(af):,} | {af.number_of_attacks():,} | - | "
            f"{ms:.3f} s ({max(s_times):.3f} s) | {mp:.3f} s | {fmt(mpy, args.python_limit)} | "
            f"{ratio(mpy, ms, args.python_limit)} | {mp / ms:.2f}x |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--python-limit", type=float, default=60.0)
    parser.add_argument("--sparse-n", type=int, default=10_000)
    parser.add_argument("--part", choices=("all", "afgen", "random", "sparse"), default="all")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(
        f"Date: {date.today()}; machine: {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}, clingo {clingo.__version__}, {platform.system()}; "
        f"load average at start {load:.1f}.\n"
    )
    rows: list[str] = []
    if args.part in ("all", "afgen"):
        fws = [afgen(100, seed) for seed in range(args.seeds)]
        bench_ee(rows, "afgen", fws, "stable", args)
        bench_ee(rows, "afgen", fws, "preferred", args)
    if args.part in ("all", "random"):
        for p in (0.05, 0.07, 0.1):
            fws = [erdos(200, p, seed) for seed in range(args.seeds)]
            bench_ee(rows, f"random p={p}", fws, "preferred", args)
    if args.part in ("all", "sparse"):
        bench_sparse(rows, args)
    print(
        "| family | task | arguments | attacks (mean) | extensions median (max) | "
        "solver median (max) | plain clingo median | python median | python / solver | "
        "plain / solver |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
