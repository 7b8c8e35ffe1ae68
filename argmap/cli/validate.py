"""`argmap validate`: check a map for consistency, with exit codes CI can use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli._common import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_OK,
    LenientOption,
    ReportOption,
    console,
    fail,
    load_any,
    os_message,
    print_json,
    progress,
    record_report,
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
    lenient: LenientOption = False,
    report: ReportOption = None,
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

    # --lenient: the sound part of the file is validated (the skipped records are listed
    # on stderr); else validate reads it itself (RDF triple by triple, so all is reported)
    source: Any = file
    if lenient and not shacl and _skips_records(file, input_format):
        source = load_any(file, input_format, lenient=True, report=report)
    elif report is not None:  # validate reads the file its own way (RDF: triple by triple)
        record_report(file, input_format, lenient, report)
    try:
        big = file.exists() and file.stat().st_size > 5_000_000
        with progress(f"validating {file.name}") if big else _nothing():
            if shacl:
                found = validate_rdf(file, format=input_format, disable=disable or ())
            else:
                found = run_validate(source, format=input_format, disable=disable or ())
    except (ArgmapError, TypeError) as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise fail(os_message(exc), EXIT_INPUT) from None
    failed = not found.ok or (strict and bool(found.warnings))
    if format is OutputFormat.json:
        print_json({"file": str(file), "strict": strict, **found.to_dict()})
    else:
        console.print(found.to_text(width=max(100, console.width)), highlight=False,
                      markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def _skips_records(file: Path, input_format: str | None) -> bool:
    """Whether the file's format has a lenient reader (else validate reads it itself)."""
    from argmap.io import get, guess, strip_bom

    try:
        with file.open("rb") as fh:
            fmt = get(input_format) if input_format else guess(file, strip_bom(fh.read(4096)))
    except (OSError, ArgmapError):
        return False
    return fmt.imports is not None


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None
