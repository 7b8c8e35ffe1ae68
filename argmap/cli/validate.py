"""`argmap validate`: check a map for consistency, with exit codes CI can use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_OK,
    console,
    fail,
    os_message,
    print_json,
    progress,
)
from argmap.cli.core import OutputFormat
from argmap.errors import ArgmapError

__all__ = ["validate"]


def validate(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text (a table) or json.")
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    disable: Annotated[
        list[str] | None,
        typer.Option("--disable", "-d", help="A rule id or category to skip (repeatable)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    shacl: Annotated[
        bool,
        typer.Option("--shacl", help="Run ontology/shapes.ttl with pySHACL instead "
                     "(structural rules only; needs pySHACL)."),
    ] = False,
) -> None:
    """Check a map for consistency: structural, logical, grounding and hygiene rules.

    Example: argmap validate brief.ttl --strict --disable orphan-node

    Exit codes: 0 valid; 1 errors (or warnings, with --strict); 2 unreadable input.

    RDF input is checked triple by triple first, so a file the reader refuses is reported.

    JSON: {file, strict, subject, engine, ok, counts, rules, findings: [rows]}.
    """
    from argmap.validate import validate as run_validate
    from argmap.validate import validate_rdf

    try:
        big = file.exists() and file.stat().st_size > 5_000_000
        with progress(f"validating {file.name}") if big else _nothing():
            if shacl:
                report = validate_rdf(file, format=input_format, disable=disable or ())
            else:
                report = run_validate(file, format=input_format, disable=disable or ())
    except (ArgmapError, TypeError) as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise fail(os_message(exc), EXIT_INPUT) from None
    failed = not report.ok or (strict and bool(report.warnings))
    if format is OutputFormat.json:
        print_json({"file": str(file), "strict": strict, **report.to_dict()})
    else:
        console.print(report.to_text(width=max(100, console.width)), highlight=False,
                      markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None
