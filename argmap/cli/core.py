"""`argmap info` and `argmap convert`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli._common import (
    EXIT_INPUT,
    LenientOption,
    ReportOption,
    console,
    fail,
    load_any,
    print_json,
    print_table,
    progress,
    run,
)

if TYPE_CHECKING:
    from argmap.map import ArgumentMap


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def info_counts(m: ArgumentMap) -> dict[str, int]:
    """The documented keys of ``argmap info --format json``."""
    c = m.counts()
    return {
        "statements": c["claim"] + c["evidence"] + c["recommendation"],
        "claims": c["claim"],
        "evidence": c["evidence"],
        "recommendations": c["recommendation"],
        "actors": c["actor"],
        "alternatives": c["alternative"],
        "issues": c["issue"],
        "arguments": c["argument"],
        "attacks": c["attack"],
        "stances": c["stance"],
        "anchors": c["anchors"],
        "sources": c["source"],
        "abouts": c["abouts"],
        "extra_triples": len(m.extra),
    }


def info(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
) -> None:
    """Count what a map holds, by kind.

    Example: argmap info brief.ttl --format json

    The JSON keys: statements (claims, evidence and recommendations together), claims,
    evidence, recommendations, actors, alternatives, issues, arguments, attacks, stances,
    anchors, sources, abouts, extra_triples.
    """
    m = load_any(file, input_format, lenient=lenient, report=report)
    counts = info_counts(m)
    if format is OutputFormat.json:
        print_json({"file": str(file), "iri": m.iri, "title": m.title, **counts})
        return
    from rich.table import Table
    from rich.text import Text

    console.print(Text(f"{file.name}: {m.title or m.iri}", style="italic"))
    table = Table(show_header=True)
    table.add_column("kind")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    print_table(table)


def convert(
    input: Annotated[Path, typer.Argument(help="The map to read.")],
    output: Annotated[Path, typer.Argument(help="Where to write; '-' for stdout.")],
    from_: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Output format (default: from OUT's extension).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
) -> None:
    """Convert a map between formats (turtle, nt, jsonld, trig, nquads, xml, and more).

    Example: argmap convert brief.ttl brief.jsonld

    Formats are guessed from file extensions and content; name them with --from/--to.
    `argmap formats` lists them. The output file is replaced atomically.
    """
    import argmap
    from argmap.io import dumps_bytes, get, guess

    m = load_any(input, from_, lenient=lenient, report=report)
    if str(output) == "-":
        if to is None:
            raise fail("writing to stdout needs --to FORMAT", EXIT_INPUT)
        data = run(lambda: dumps_bytes(m, to))
        typer.echo(data.decode("utf-8"), nl=False)
        return
    fmt = run(lambda: get(to) if to else guess(output))
    with progress(f"writing {output.name}"):
        run(lambda: argmap.dump(m, output, fmt.name))
    console.print(f"wrote {output} ({fmt.name}, {len(m)} nodes)", highlight=False)


def list_formats(
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
) -> None:
    """List the formats argmap reads and writes.

    Example: argmap formats --format json

    JSON: a list of {name, extensions, read, write, lenient, description}; "lenient" says
    whether --lenient can skip bad records in it (else a file is read whole or refused).
    """
    from argmap.io import formats

    if format is OutputFormat.json:
        print_json([
            {
                "name": f.name,
                "extensions": list(f.extensions),
                "read": f.loads is not None,
                "write": f.dumps is not None,
                "lenient": f.imports is not None,
                "description": f.description,
            }
            for f in formats()
        ])
        return
    from rich.table import Table

    table = Table(show_header=True)
    for col in ("name", "extensions", "read", "write", "what"):
        table.add_column(col)
    for f in formats():
        table.add_row(
            f.name,
            ", ".join(f.extensions),
            "yes" if f.loads else "-",
            "yes" if f.dumps else "-",
            f.description,
        )
    print_table(table)
