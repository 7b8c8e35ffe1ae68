"""`argmap trace`: why does a map recommend what it does, and on what does that rest?

Text output is :func:`argmap.explain` for each traced statement. JSON output is an array
with one object per traced statement, each exactly the contract documented in
``docs/trace-json.md`` and :mod:`argmap.query.contract` (keys ``recommendation``,
``premises``, ``basic_premises``, ``evidence``, ``arguments``, ``attacks``, ``actors``,
``anchors``, ``critical_premises``, ``depth``, ``cycles``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import (
    EXIT_INPUT,
    LenientOption,
    ReportOption,
    fail,
    load_any,
    print_json,
    progress,
    run,
)
from argmap.cli.core import OutputFormat
from argmap.query import Trace, trace, trace_all
from argmap.semantics.explain import explain

__all__ = ["trace_command"]


def trace_command(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    recommendation: Annotated[
        str | None,
        typer.Option(
            "--recommendation", "-r",
            help="Trace this statement only: its id, IRI or (part of) its text.",
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Trace every recommendation (the default).")
    ] = False,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
    standards: Annotated[
        bool,
        typer.Option(
            "--standards",
            help="Add which proof standards (PE, CCE, BRD, DV) each statement meets (text).",
        ),
    ] = False,
    weight: Annotated[
        list[str] | None,
        typer.Option("--weight", "-w", help="ID=W: weigh argument or attack ID at W (0..1)."),
    ] = None,
) -> None:
    """Trace recommendations to the premises, evidence and actors that carry them.

    Example: argmap trace brief.ttl --recommendation abstain --format json

    With neither --recommendation nor --all, every recommendation is traced.

    Text: each justification as an indented tree, with quotes, actors and attacks.

    JSON: a list with one object per recommendation (the contract in docs/trace-json.md).
    """
    if recommendation is not None and all_:
        raise fail("give --recommendation or --all, not both", EXIT_INPUT)
    m = load_any(file, input_format, lenient=lenient, report=report)
    traces: list[Trace]
    if recommendation is not None:
        traces = [run(lambda: trace(m, recommendation))]
    else:
        with progress("tracing"):
            traces = list(run(lambda: trace_all(m)).values())
    if format is OutputFormat.json:
        with progress("writing JSON"):
            print_json([t.to_dict(shared=True) for t in traces])  # only serialised
        return
    if not traces:
        typer.echo(f"{file}: the map has no recommendations to trace")
        return
    weights = _weights(weight or [])
    shown = m if standards or weights else None
    texts = run(lambda: [explain(t, standards=shown, weights=weights) for t in traces])
    typer.echo("\n\n".join(texts))


def _weights(items: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        key, _, value = item.rpartition("=")
        try:
            out[key] = float(value)
        except ValueError:
            raise fail(f"--weight {item!r}: expected ID=W with W a number", EXIT_INPUT) from None
        if not key:
            raise fail(f"--weight {item!r}: expected ID=W", EXIT_INPUT)
    return out
