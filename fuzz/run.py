#!/usr/bin/env python3
"""The long fuzz run: coverage-guided (atheris/libFuzzer) over one parser for minutes.

Usage::

    pip install atheris
    python -m fuzz.run fuzz turtle --minutes 30     # fuzz; findings in fuzz/findings/turtle/
    python -m fuzz.run merge turtle                 # keep the interesting inputs:
                                                    #   tests/data/fuzz/turtle/
    python -m fuzz.run replay [turtle ...]          # run the committed corpus and findings
    python -m fuzz.run list                         # the targets

``fuzz`` writes the seeds from :mod:`fuzz.targets` into a working corpus
(``fuzz/work/TARGET``, not committed), then runs libFuzzer on :func:`fuzz.targets.check`
with argmap's own modules instrumented for coverage. An input that breaks the contract
is saved once per distinct failure (exception type and the innermost argmap line) under
``fuzz/findings/TARGET/`` with a line in its ``log.txt``, and fuzzing goes on. When
libFuzzer stops early (an input over the time limit, or over the memory limit), that
input is saved as a finding too and the run restarts until the minutes are used up.
A summary (inputs tried, corpus size, findings) goes to ``fuzz/findings/TARGET/stats.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "data" / "fuzz"
WORK = ROOT / "fuzz" / "work"
FINDINGS = ROOT / "fuzz" / "findings"
TIME_LIMIT_S = 20  # one input taking longer than this is a hang
RSS_LIMIT_MB = 2048
MAX_LEN = 16384


def _signature(exc: BaseException) -> str:
    """Exception type plus the innermost frame inside argmap (or fuzz), for dedup."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if "/argmap/" in frame.filename or "/fuzz/" in frame.filename:
            where = f"{Path(frame.filename).name}:{frame.lineno}"
    first = (str(exc).splitlines() or [""])[0]
    message = " ".join(
        re.findall(r"[A-Za-z]{3,}", re.sub(r"'[^']*'|\"[^\"]*\"|<[^>]*>", "", first))[:8]
    )
    return f"{type(exc).__name__} at {where}: {message}"


def _libfuzzer_child(name: str) -> None:
    """Inside the libFuzzer process: instrument argmap, then fuzz one target."""
    import atheris

    with atheris.instrument_imports(include=["argmap", "fuzz"]):
        from fuzz.targets import TARGETS, check

    target = TARGETS[name]
    out = FINDINGS / name
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    log = out / "log.txt"
    if log.exists():
        seen.update(line.split("\t", 2)[1] for line in log.read_text().splitlines() if "\t" in line)

    def one_input(data: bytes) -> None:
        try:
            check(target, data)
        except Exception as exc:  # a finding: record it once and go on
            sig = _signature(exc)
            if sig in seen:
                return
            seen.add(sig)
            digest = hashlib.sha1(data).hexdigest()[:16]
            (out / f"{digest}.bin").write_bytes(data)
            with log.open("a") as fh:
                fh.write(f"{digest}\t{sig}\n")

    # libFuzzer re-runs argv[0] for -merge: point it at a script that comes back here
    atheris.Setup([str(_launcher(name)), *sys.argv[3:]], one_input)
    atheris.Fuzz()


def _launcher(name: str) -> Path:
    """An executable that runs this target's libFuzzer child (libFuzzer re-executes it)."""
    WORK.mkdir(parents=True, exist_ok=True)
    script = WORK / f"{name}.sh"
    script.write_text(
        f'#!/bin/sh\ncd "{ROOT}" && exec "{sys.executable}" -m fuzz.run _child {name} "$@"\n'
    )
    script.chmod(0o755)
    return script


def _seed(name: str) -> Path:
    from fuzz.targets import TARGETS

    work = WORK / name
    work.mkdir(parents=True, exist_ok=True)
    for data in TARGETS[name].seeds():
        (work / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return work


def _child(name: str) -> list[str]:
    """The command that runs libFuzzer on ``name``, with the limits every run uses."""
    return [
        sys.executable,
        "-m",
        "fuzz.run",
        "_child",
        name,
        f"-timeout={TIME_LIMIT_S}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
    ]


def _env() -> dict[str, str]:
    """Smaller caps while fuzzing, so inputs probe the parsers rather than the caps' size
    (the caps themselves are tested in tests/test_fuzz.py)."""
    env = dict(os.environ)
    env.setdefault("ARGMAP_MAX_NODES", "20000")
    env.setdefault("ARGMAP_MAX_BYTES", str(4 * MAX_LEN))
    return env


def fuzz(name: str, minutes: float) -> dict[str, object]:
    """Fuzz ``name`` for ``minutes`` of wall time; return the summary."""
    work = _seed(name)
    out = FINDINGS / name
    out.mkdir(parents=True, exist_ok=True)
    committed = CORPUS / name
    dirs = [str(work)] + ([str(committed)] if committed.is_dir() else [])
    deadline = time.monotonic() + minutes * 60
    runs = 0
    restarts = 0
    started = time.time()
    log_path = out / "libfuzzer.log"
    while (left := deadline - time.monotonic()) > 5:
        args = [
            *_child(name),
            f"-max_total_time={int(left)}",
            f"-max_len={MAX_LEN}",
            f"-artifact_prefix={out}/libfuzzer-",
            "-print_final_stats=1",
            *dirs,
        ]
        with log_path.open("a") as fh:
            done = subprocess.run(args, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env=_env())
        text = log_path.read_text(errors="replace")
        runs += sum(
            int(n) for n in re.findall(r"stat::number_of_executed_units:\s+(\d+)", text)[-1:]
        )
        log_path.rename(out / f"libfuzzer-{restarts}.log")
        if done.returncode == 0:
            break
        restarts += 1
    findings = (out / "log.txt").read_text().splitlines() if (out / "log.txt").exists() else []
    artifacts = sorted(p.name for p in out.glob("libfuzzer-*") if not p.name.endswith(".log"))
    summary: dict[str, object] = {
        "target": name,
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(started)),
        "minutes": round((time.time() - started) / 60, 1),
        "inputs_tried": runs,
        "restarts": restarts,
        "working_corpus": len(list(work.iterdir())),
        "findings": findings,
        "libfuzzer_artifacts": artifacts,
    }
    (out / "stats.json").write_text(json.dumps(summary, indent=1) + "\n")
    return summary


def merge(name: str) -> int:
    """Minimise the working corpus into the committed one; return its size."""
    target_dir = CORPUS / name
    target_dir.mkdir(parents=True, exist_ok=True)
    args = [
        *_child(name),
        "-merge=1",
        str(target_dir),
        str(WORK / name),
    ]
    subprocess.run(
        args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env()
    )
    log = FINDINGS / name / "log.txt"
    kinds: dict[str, str] = {}  # one input per kind of finding: fixed findings stay as regressions
    for line in log.read_text().splitlines() if log.exists() else []:
        digest, _, sig = line.partition("\t")
        kind = " ".join(re.findall(r"[A-Za-z]{3,}", sig)[:6])
        kinds.setdefault(kind, digest)
    for digest in kinds.values():
        finding = FINDINGS / name / f"{digest}.bin"
        if finding.exists():
            (target_dir / f"finding-{digest}").write_bytes(finding.read_bytes())
    return len(list(target_dir.iterdir()))


def replay(names: list[str]) -> int:
    """Check every committed corpus file and finding; print failures; return their count."""
    from fuzz.targets import TARGETS, check

    failures = 0
    for name in names or sorted(TARGETS):
        files = sorted((CORPUS / name).glob("*")) + sorted((FINDINGS / name).glob("*.bin"))
        outcomes: dict[str, int] = {}
        for path in files:
            try:
                outcome = check(TARGETS[name], path.read_bytes())
            except Exception as exc:
                failures += 1
                outcome = "FAIL"
                print(f"{name}/{path.name}: {_signature(exc)}")
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        print(f"{name}: {len(files)} inputs: {outcomes}")
    return failures


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "_child":
        _libfuzzer_child(argv[1])
        return 0
    from fuzz.targets import TARGETS

    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "list":
        print("\n".join(sorted(TARGETS)))
        return 0
    if command == "replay":
        return 1 if replay(rest) else 0
    if command in {"fuzz", "merge"} and rest and rest[0] in TARGETS:
        if command == "merge":
            print(f"{rest[0]}: {merge(rest[0])} inputs in {CORPUS / rest[0]}")
            return 0
        minutes = float(rest[rest.index("--minutes") + 1]) if "--minutes" in rest else 30.0
        print(json.dumps(fuzz(rest[0], minutes), indent=1))
        return 0
    print(
        f"usage: python -m fuzz.run fuzz|merge|replay|list [TARGET]; targets: {sorted(TARGETS)}",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
