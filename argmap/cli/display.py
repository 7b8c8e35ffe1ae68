"""`argmap render` and `argmap export`: pictures of a map, and a map in a format named."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import (
    EXIT_INPUT,
    LenientOption,
    ReportOption,
    console,
    fail,
    load_any,
    progress,
    run,
)
from argmap.display import DEFAULT_MAX_NODES, RENDER_FORMATS, render_bytes
from argmap.display import render as render_file

__all__ = ["export", "render"]


def render(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    out: Annotated[
        Path, typer.Argument(help="The picture to write: a .svg, .png, .html or .dot file.")
    ],
    recommendation: Annotated[
        str | None,
        typer.Option(
            "--recommendation", "-r",
            help="Draw only the justification of this recommendation (id, IRI or text).",
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="svg, png, html or dot (default: OUT's extension)."),
    ] = None,
    max_nodes: Annotated[
        int,
        typer.Option(
            "--max-nodes", min=1,
            help="Bigger maps are drawn as their leading recommendations and two levels below.",
        ),
    ] = DEFAULT_MAX_NODES,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
) -> None:
    """Draw a map, or one recommendation's justification, as SVG, PNG, HTML or DOT.

    Example: argmap render brief.ttl brief.html --recommendation abstain

    The HTML page is one file that opens offline (click a node for its quotes). SVG, PNG
    and HTML need Graphviz's `dot` (apt-get install graphviz / brew install graphviz);
    DOT does not. Exit codes: 0 written, 2 unreadable input, bad usage or no `dot`.
    """
    m = load_any(file, input_format, lenient=lenient, report=report)
    with progress(f"drawing {out.name}"):
        path = run(
            lambda: render_file(
                m, out, format=format, recommendation=recommendation, max_nodes=max_nodes
            )
        )
    console.print(f"wrote {path}", highlight=False)


def export(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    to: Annotated[
        str,
        typer.Option(
            "--to", "-t",
            help="The format's name: any of `argmap formats`, or svg, png, html, dot.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write (default: standard output)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
) -> None:
    """Write a map in a format named by --to, to standard output or to a file.

    Example: argmap export brief.ttl --to jsonld -o brief.jsonld

    Formats are those `argmap formats` lists, then the pictures svg, png, html and dot
    (as `argmap render` draws them). Without -o the result goes to standard output, so it
    pipes: `argmap export brief.ttl --to nt | sort`. A file is replaced atomically.
    Exit codes: 0 written, 2 unreadable input, an unknown format, or bad usage.
    """
    from argmap.errors import FormatError
    from argmap.io import dumps_bytes, get
    from argmap.io.atomic import write_bytes

    m = load_any(file, input_format, lenient=lenient, report=report)
    try:
        fmt_name: str | None = get(to).name
    except FormatError:
        fmt_name = None
    picture = to.lower().lstrip(".")
    if fmt_name is None and picture not in RENDER_FORMATS:
        raise fail(
            f"unknown format {to!r}: `argmap formats` lists the map formats; the pictures "
            f"are {', '.join(RENDER_FORMATS)}",
            EXIT_INPUT,
        )

    def produce() -> bytes:
        if fmt_name is not None:
            return dumps_bytes(m, fmt_name)
        return render_bytes(m, picture)

    with progress(f"exporting {fmt_name or picture}"):
        data = run(produce)
    if output is None or str(output) == "-":
        if picture == "png" and fmt_name is None and sys.stdout.isatty():
            raise fail("PNG is binary; write it to a file with -o FILE", EXIT_INPUT)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    run(lambda: write_bytes(output, data))
    console.print(f"wrote {output} ({fmt_name or picture}, {len(m)} nodes)", highlight=False)
