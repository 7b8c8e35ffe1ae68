"""`argmap iccma`: argmap as an ICCMA solver (the ICCMA 2023 command-line conventions).

The competition's harness runs a solver as::

    argmap iccma                          # name and version
    argmap iccma --formats                # [i23,apx,tgf]
    argmap iccma --problems               # [DC-CO,DC-PR,...]
    argmap iccma -p DC-PR -f file.af -a 3 # YES or NO
    argmap iccma -p SE-ST -f file.af      # w 1 4 7  (or NO: there is none)

Tasks (ICCMA names): SE one extension, EE every extension (one ``w`` line each; ICCMA
2019 listed them in brackets, ICCMA 2023 has no EE), CE the number of extensions, DC / DS
credulous / sceptical acceptance of ``-a``. Semantics: CO complete, PR preferred, ST
stable, GR grounded, SST semi-stable, STG stage, ID ideal. Arguments are named as in the
file (i23: 1..N). The input format is guessed from the extension or content, or given
with ``-fo``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import fail, run
from argmap.cli.accept import EngineChoice, note
from argmap.semantics import (
    AF_FORMATS,
    ICCMA_SEMANTICS,
    TASKS,
    guess_af_format,
    load_af,
)
from argmap.semantics import tasks as _tasks

__all__ = ["iccma_command", "problems"]

VERSION = "argmap-iccma 0.1 (clingo when installed, else argmap's pure-Python search)"


def problems() -> list[str]:
    """Every TASK-SEM pair ``argmap iccma`` answers.

    Examples:
        >>> problems()[:3]
        ['SE-CO', 'SE-PR', 'SE-ST']
    """
    return [f"{t}-{s}" for t in TASKS for s in ICCMA_SEMANTICS]


def _witness(ext: frozenset[str], order: dict[str, int]) -> str:
    return " ".join(["w", *sorted(ext, key=order.__getitem__)])


def iccma_command(
    problem: Annotated[
        str | None, typer.Option("-p", help="TASK-SEM, e.g. DC-PR (see --problems).")
    ] = None,
    file: Annotated[Path | None, typer.Option("-f", help="The framework file.")] = None,
    argument: Annotated[str | None, typer.Option("-a", help="The query argument (DC, DS).")] = None,
    input_format: Annotated[
        str | None, typer.Option("-fo", help="Input format: i23, apx or tgf (else guessed).")
    ] = None,
    formats: Annotated[
        bool, typer.Option("--formats", help="Print the input formats and exit.")
    ] = False,
    list_problems: Annotated[
        bool, typer.Option("--problems", help="Print the supported problems and exit.")
    ] = False,
    engine: Annotated[
        EngineChoice, typer.Option("--engine", help="solver, python, or auto.")
    ] = EngineChoice.auto,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Give up after this many seconds (exit code 2).", min=0.001),
    ] = None,
) -> None:
    """Answer one ICCMA problem (ICCMA 2023 conventions): YES/NO, a w line, or a count.

    Example: argmap iccma -p DS-PR -f admbuster_1000.af -a 1

    Example: argmap iccma --problems
    """
    if formats:
        typer.echo("[" + ",".join(AF_FORMATS) + "]")
        return
    if list_problems:
        typer.echo("[" + ",".join(problems()) + "]")
        return
    if problem is None and file is None:
        typer.echo(VERSION)
        return
    if problem is None or file is None:
        raise fail("-p TASK-SEM and -f FILE go together (see --problems)", 2)
    task, _, sem = problem.upper().partition("-")
    if task not in TASKS or sem not in ICCMA_SEMANTICS:
        raise fail(f"-p {problem}: unknown problem; argmap iccma --problems lists them", 2)
    if task in ("DC", "DS") and argument is None:
        raise fail(f"-p {problem} needs the query argument: -a ARG", 2)
    if task not in ("DC", "DS") and argument is not None:
        raise fail(f"-p {problem} takes no -a (only DC and DS do)", 2)
    semantics = ICCMA_SEMANTICS[sem]
    if not file.is_file():
        raise fail(f"-f {file}: no such file", 2)
    fmt = input_format
    if fmt is None and file.is_file():
        with file.open("rb") as fh:
            fmt = guess_af_format(file, fh.read(4096))
    if fmt is not None and fmt not in AF_FORMATS:
        raise fail(f"-fo {fmt}: expected one of {', '.join(AF_FORMATS)}", 2)
    af = run(lambda: load_af(file, fmt))
    run(lambda: _tasks.resolve_engine(engine.value, semantics, notify=note))
    if argument is not None and argument not in af:
        raise fail(f"-a {argument}: {file} has no argument named {argument!r}", 2)
    eng = engine.value
    order = {name: i for i, name in enumerate(af.arguments)}
    if task == "DC":
        yes = run(lambda: _tasks.credulous(af, argument, semantics, engine=eng, timeout=timeout))
        typer.echo("YES" if yes else "NO")
    elif task == "DS":
        yes = run(lambda: _tasks.sceptical(af, argument, semantics, engine=eng, timeout=timeout))
        typer.echo("YES" if yes else "NO")
    elif task == "SE":
        one = run(lambda: _tasks.some_extension(af, semantics, engine=eng, timeout=timeout))
        typer.echo("NO" if one is None else _witness(one, order))
    elif task == "CE":
        count = run(lambda: _tasks.count_extensions(af, semantics, engine=eng, timeout=timeout))
        typer.echo(str(count))
    else:
        found = run(lambda: _tasks.all_extensions(af, semantics, engine=eng, timeout=timeout))
        for ext in found:
            typer.echo(_witness(ext, order))
