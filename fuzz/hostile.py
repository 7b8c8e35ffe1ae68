"""Run the structure-aware hostile-input fuzzers for a bounded time (issue 14).

    python -m fuzz.hostile --seconds 60      # each mutation kind x each parser

For each XML prolog mutation kind (:data:`fuzz.prolog.MUTATION_KINDS`) and each XML
reader (RDF/XML, CAF, arggraph), and for each non-regular input kind
(:data:`fuzz.nonregular.KINDS`), documents are generated and read for ``--seconds``;
the run records how many inputs each tried and what broke the contract of
:func:`fuzz.targets.check` (a crash, an unlocated or non-ParseError error, a
MemoryError, or an input that takes longer than ``--hang`` seconds). The process runs
under a 3 GB address-space limit, so a regression shows up as a MemoryError finding
instead of taking the machine down. Findings go to ``fuzz/findings/hostile/``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import signal
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import argmap

from fuzz.nonregular import KINDS, nonregular_case, run_case
from fuzz.prolog import MUTATION_KINDS, hostile_xml
from fuzz.targets import TARGETS, Finding, Target, check

OUT = Path(__file__).resolve().parent / "findings" / "hostile"
XML_READERS = {"xml": "rdf:RDF", "caf": "caf", "microtext": "arggraph"}


class Hang(Exception):
    """One input took longer than the hang limit."""


def _target(name: str) -> Target:
    if name in TARGETS:
        return TARGETS[name]
    return Target(
        name=name, parse=lambda d: argmap.loads(d, name), verify=lambda m: None, seeds=list
    )


def _alarm(signum: int, frame: Any) -> None:
    raise Hang()


def _one(label: str, data: bytes, run: Callable[[], str], hang: int, found: list[str]) -> str:
    signal.alarm(hang)
    try:
        return run()
    except (Finding, MemoryError, Hang, Exception) as exc:  # every one is a finding
        digest = hashlib.sha1(data).hexdigest()[:12]
        OUT.mkdir(parents=True, exist_ok=True)
        # not *.bin: tests/test_fuzz.py replays those, one folder per target
        (OUT / f"{label}-{digest}.input").write_bytes(data)
        line = f"{label}: {type(exc).__name__}: {str(exc)[:300]}"
        with (OUT / "log.txt").open("a") as log:
            log.write(line + "\n")
        found.append(line)
        return "finding"
    finally:
        signal.alarm(0)


def _more(tried: int, end: float, count: int | None) -> bool:
    return tried < count if count is not None else time.monotonic() < end


def fuzz(seconds: float, hang: int, seed: int, count: int | None = None) -> list[dict[str, Any]]:
    """Each row for ``seconds`` (or ``count`` inputs); the rows, with their findings."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for kind in MUTATION_KINDS:
        for reader, root in XML_READERS.items():
            target = _target(reader)
            tried, outcomes, found = 0, {"ok": 0, "error": 0, "finding": 0}, list[str]()
            end = time.monotonic() + seconds
            while _more(tried, end, count):
                data, _ = hostile_xml(rng, root, only=kind)
                run = partial(check, target, data)
                outcomes[_one(f"{kind}-{reader}", data, run, hang, found)] += 1
                tried += 1
            rows.append(
                {"kind": f"prolog/{kind}", "parser": reader, "tried": tried, **outcomes}
                | {"findings": found}
            )
    seeds = [s for name in ("turtle", "nt", "xml", "aif") for s in TARGETS[name].seeds()]
    for kind in KINDS:
        tried, outcomes, found = 0, {"ok": 0, "error": 0, "finding": 0}, list[str]()
        end = time.monotonic() + seconds
        while _more(tried, end, count):
            _, reader, fed = nonregular_case(rng, seeds, kind=kind)
            run = partial(run_case, kind, reader, fed, rng)
            outcomes[_one(f"{kind}-{reader}", fed or b"", run, hang, found)] += 1
            tried += 1
        rows.append(
            {"kind": f"input/{kind}", "parser": "every reader", "tried": tried, **outcomes}
            | {"findings": found}
        )
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--hang", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=None, help="inputs per row, not time")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
    signal.signal(signal.SIGALRM, _alarm)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows = fuzz(args.seconds, args.hang, args.seed, args.count)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "stats.json").write_text(
        json.dumps({"started": started, "seconds": args.seconds, "rows": rows}, indent=1) + "\n"
    )
    print(f"started {started}, {args.seconds:g} s per row")
    print("| mutation kind | parser | inputs tried | read | refused (located) | findings |")
    print("|---|---|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['kind']} | {row['parser']} | {row['tried']} | {row['ok']} | {row['error']} | {row['finding']} |"
        )
    for row in rows:
        for line in row["findings"][:5]:
            print("finding:", line)
    return 1 if any(row["finding"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
