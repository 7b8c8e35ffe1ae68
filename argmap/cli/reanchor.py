"""`argmap reanchor MAP SOURCE NEW_TEXT`: re-find a source's quotes in its revised text.

Exit codes: 0 every anchor kept, moved or found fuzzily; 1 some anchor lost; 2 bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import EXIT_FAILED, EXIT_OK, fail, load_any, print_json, run
from argmap.cli.core import OutputFormat

__all__ = ["reanchor_command"]


def reanchor_command(
    file: Annotated[Path, typer.Argument(help="The map, in any format argmap reads.")],
    source: Annotated[str, typer.Argument(help="The id (or IRI) of the source that was revised.")],
    new_text: Annotated[Path, typer.Argument(help="A UTF-8 text file: the revised source text.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the re-anchored map here (any format)."),
    ] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", help="Lowest fuzzy score (0-100) that counts as found.")
    ] = 80.0,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format of FILE (default: guessed).")
    ] = None,
) -> None:
    """Re-find every quote of SOURCE in its revised text: kept, moved, fuzzy (with a score)
    or lost each; with -o, write the map with the updated anchors.

    Exit 0 when no anchor is lost, 1 when some is, 2 on bad input.

    Example: argmap reanchor brief.ttl brief brief-v2.txt -o brief-v2.ttl
    """
    import argmap

    m = load_any(file, input_format)
    try:
        text = run(lambda: new_text.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise fail(f"{new_text}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    report = run(lambda: m.reanchor(source, text, threshold=threshold))
    if output is not None:
        run(lambda: argmap.dump(m, output))
    if format is OutputFormat.json:
        print_json(report.to_dict())
    else:
        typer.echo(report.to_text())
    raise typer.Exit(EXIT_FAILED if report.count("lost") else EXIT_OK)
