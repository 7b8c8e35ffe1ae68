"""`argmap accept`: which arguments and statements survive their objections?

FILE is an argument map in any format argmap reads, or an abstract framework in an ICCMA
format (i23 ``.af``, ``.apx``, ``.tgf``; told by extension or content, or by ``--from``).

JSON output is the contract of :meth:`argmap.semantics.Acceptance.to_dict`::

    {"semantics": "grounded" | "complete" | "preferred" | "stable" | "semi-stable"
                  | "stage" | "ideal",
     "extensions": [[name, ...], ...],
     "labels": {name: "IN" | "OUT" | "UNDEC"}}

``--semantics carneades`` weighs arguments with proof standards as Carneades 4 does
(:mod:`argmap.semantics.carneades`) and prints ``{"semantics": "carneades", "labels":
{statement id: "IN" | "OUT" | "UNDEC"}}`` with a Carneades file's own statement ids.

``--engine auto`` (default) answers complete, preferred and stable semantics with clingo
when the ``solver`` extra is installed, else with the pure-Python search (and says so once
on stderr); semi-stable, stage and ideal need the solver. ``--timeout S`` stops the
search after S seconds with exit code 2.

``--open-questions-attack`` (maps only) counts every critical question the map leaves
open as an unattacked undercut of its argument (``accept(m, open_questions="attack")``,
:mod:`argmap.semantics.open_questions`): which recommendations survive if every open
question counts against them? The implicit attackers are not reported.

Grounded semantics gives exactly one extension. A label is IN (OUT) when the argument is
IN (OUT) in every labelling of the semantics, UNDEC otherwise. Names are the file's names
for ICCMA input (i23: 1..N) and node ids for a map (statements and Arguments).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli._common import (
    LenientOption,
    ReportOption,
    fail,
    load_any,
    print_json,
    progress,
    record_report,
    run,
)
from argmap.cli.core import OutputFormat
from argmap.semantics import AF_FORMATS, Acceptance, Label, accept, guess_af_format, load_af
from argmap.semantics.tasks import resolve_engine

__all__ = ["accept_command"]


class SemanticsChoice(StrEnum):
    """The semantics ``argmap accept`` offers."""

    grounded = "grounded"
    complete = "complete"
    preferred = "preferred"
    stable = "stable"
    semi_stable = "semi-stable"
    stage = "stage"
    ideal = "ideal"
    carneades = "carneades"


class EngineChoice(StrEnum):
    """Who computes the hard semantics (see :mod:`argmap.semantics.tasks`)."""

    auto = "auto"
    solver = "solver"
    python = "python"


class ProjectionChoice(StrEnum):
    """How a map becomes a framework."""

    structured = "structured"
    bipolar = "bipolar"


def note(message: str) -> None:
    """Say once on stderr that the pure-Python search stands in for the solver."""
    typer.echo(f"argmap: note: {message}", err=True)


def _text(result: Acceptance, texts: dict[str, str]) -> str:
    lines = [f"semantics: {result.semantics}"]
    if not result.extensions:
        lines.append("extensions: none")
    for i, ext in enumerate(result.extensions, 1):
        lines.append(f"extension {i}: {{{', '.join(ext)}}}")
    lines.append("labels:")
    if not texts:  # an abstract framework: no texts, so no padding survives the rstrip
        prefix = {label: f"  {label.value:<5}  " for label in Label}
        labels = result.labels
        lines.extend(map(str.rstrip, map(str.__add__, map(prefix.__getitem__, labels.values()), labels)))
        return "\n".join(lines)
    width = max((len(name) for name in result.labels), default=0)
    for name, label in result.labels.items():
        text = texts.get(name, "")
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"  {label.value:<5}  {name:<{width}}  {text}".rstrip())
    return "\n".join(lines)


def accept_command(
    file: Annotated[
        Path, typer.Argument(help="A map in any format argmap reads, or an ICCMA .af/.apx/.tgf.")
    ],
    semantics: Annotated[
        SemanticsChoice, typer.Option("--semantics", "-s", help="The semantics to apply.")
    ] = SemanticsChoice.grounded,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    input_format: Annotated[
        str | None,
        typer.Option("--from", help="Input format: a map format, or i23, apx, tgf."),
    ] = None,
    projection: Annotated[
        ProjectionChoice,
        typer.Option("--projection", help="How a map becomes a framework (maps only)."),
    ] = ProjectionChoice.structured,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            help="solver (clingo, the 'solver' extra), python (built-in search), or auto: "
            "the solver when installed.",
        ),
    ] = EngineChoice.auto,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Give up after this many seconds (exit code 2).", min=0.001),
    ] = None,
    open_questions_attack: Annotated[
        bool,
        typer.Option(
            "--open-questions-attack",
            help="Count every open critical question as an unattacked undercut of its "
            "argument (maps only; see docs/schemes.md).",
        ),
    ] = False,
    lenient: LenientOption = False,
    report: ReportOption = None,
) -> None:
    """Apply an argumentation semantics: extensions and an IN/OUT/UNDEC label per argument.

    Example: argmap accept brief.ttl --semantics preferred --format json

    Example: argmap accept admbuster_1000.af --semantics grounded

    Example: argmap accept framework.af --semantics stable --engine solver --timeout 10

    Example: argmap accept brief.ttl --open-questions-attack

    JSON: an object with "semantics", "extensions" (a list of lists of names) and
    "labels" (each name to IN, OUT or UNDEC).
    """
    iccma = input_format if input_format in AF_FORMATS else None
    if input_format is None and file.is_file():
        with file.open("rb") as fh:
            iccma = guess_af_format(file, fh.read(4096))
    texts: dict[str, str] = {}
    if open_questions_attack and (iccma is not None or semantics is SemanticsChoice.carneades):
        raise fail(
            "--open-questions-attack needs an argument map and a Dung semantics "
            "(not an ICCMA framework, not carneades)"
        )
    if semantics is SemanticsChoice.carneades and iccma is None:
        _carneades(file, input_format, format, lenient, report)
        return
    run(lambda: resolve_engine(engine.value, semantics.value, notify=note))
    kwargs: dict[str, Any] = {"engine": engine.value, "timeout": timeout}
    if iccma is not None:
        af = run(lambda: load_af(file, iccma))
        if report is not None:  # a framework is read whole or refused: nothing skipped
            record_report(file, iccma, lenient, report)
        with progress(f"{semantics.value} semantics"):
            result = run(lambda: accept(af, semantics.value, **kwargs))
    else:
        m = load_any(file, input_format, lenient=lenient, report=report)
        texts = {node.id: node.text for node in m.nodes(("claim", "evidence", "recommendation"))}
        kwargs["projection"] = projection.value
        if open_questions_attack:
            kwargs["open_questions"] = "attack"
        with progress(f"{semantics.value} semantics"):
            result = run(lambda: accept(m, semantics.value, **kwargs))
    if format is OutputFormat.json:
        print_json(result.to_dict())
        return
    typer.echo(_text(result, texts))


def _carneades(
    file: Path,
    input_format: str | None,
    format: OutputFormat,
    lenient: bool,
    report: Path | None,
) -> None:
    """Carneades 4 evaluation: labels by the file's own statement ids, no extensions."""
    from argmap.semantics.carneades import carneades

    m = load_any(file, input_format, lenient=lenient, report=report)
    with progress("carneades semantics"):
        result = run(lambda: carneades(m))
    if format is OutputFormat.json:
        print_json(result.to_dict())
        return
    lines = ["semantics: carneades", "labels:"]
    width = max((len(name) for name in result.labels), default=0)
    for name, label in result.labels.items():
        text = result.texts.get(name, "")
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"  {label.value:<5}  {name:<{width}}  {text}".rstrip())
    typer.echo("\n".join(lines))
