"""`argmap diff OLD NEW`: what changed between two versions of a map.

Exit codes, like diff(1): 0 the maps are equal, 1 they differ, 2 bad input (an unreadable
file, a bad flag, or ``--format html`` without Graphviz). JSON output is the contract of
``docs/diff-json.md`` (:meth:`argmap.diff.MapDiff.to_dict`).
"""

from __future__ import annotations

import html
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import EXIT_FAILED, EXIT_OK, load_any, print_json, progress, run
from argmap.diff import MapDiff, diff

__all__ = ["diff_command"]


class DiffFormat(StrEnum):
    """What ``argmap diff`` prints."""

    text = "text"
    json = "json"
    html = "html"


class MatchChoice(StrEnum):
    """How nodes of the two maps are paired."""

    id = "id"
    iri = "iri"


def _page(result: MapDiff) -> str:
    from argmap.display import to_html

    page = to_html(result.view())
    report = f"<h2>differences</h2><pre>{html.escape(result.to_text())}</pre>"
    return page.replace("</body>", report + "</body>", 1)


def diff_command(
    old: Annotated[Path, typer.Argument(help="The old version, in any format argmap reads.")],
    new: Annotated[Path, typer.Argument(help="The new version, in any format argmap reads.")],
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text, json or html (the union picture).")
    ] = DiffFormat.text,
    match: Annotated[
        MatchChoice, typer.Option("--match", help="Pair nodes by id (default) or by IRI.")
    ] = MatchChoice.id,
    semantics: Annotated[
        str | None,
        typer.Option("--semantics", help="Compute acceptability labels (grounded, preferred, ...)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format of both files (default: guessed).")
    ] = None,
) -> None:
    """Compare two maps: added, removed and changed nodes, and each recommendation's
    premises, evidence, critical premises and labels before and after.

    Exit 0 when the maps are equal, 1 when they differ, 2 on bad input.

    Example: argmap diff brief-v1.ttl brief-v2.ttl --format json

    Example: argmap diff a.json b.json --match iri --format html > diff.html
    """
    before = load_any(old, input_format)
    # one file under two names (a link and its target) is read once: readers that name
    # the source after the file (AIF, SADFace) would otherwise report a changed source
    after = before if _same_file(old, new) else load_any(new, input_format)
    with progress("comparing"):
        result = run(lambda: diff(before, after, match=match.value, semantics=semantics))
    if format is DiffFormat.json:
        print_json(result.to_dict())
    elif format is DiffFormat.html:
        typer.echo(run(lambda: _page(result)))
    else:
        typer.echo(result.to_text())
    raise typer.Exit(EXIT_OK if result.equal else EXIT_FAILED)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
