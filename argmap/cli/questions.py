"""`argmap questions`: the critical questions of a map's arguments, open or answered.

JSON output (the contract in ``docs/questions-json.md``)::

    {"map": name, "recommendation": id | null,
     "summary": {"arguments": n, "questions": n, "open": n, "answered": n},
     "questions": [row, ...]}

where each row is :meth:`argmap.QuestionRow.to_dict`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli._common import load_any, print_json, run
from argmap.cli.core import OutputFormat
from argmap.questions import QuestionTable, critical_questions
from argmap.schemes import default_catalogue

__all__ = ["questions_command", "questions_json"]

#: The version of the JSON contract (docs/questions-json.md).
CONTRACT = "argmap-questions/1"


def questions_json(name: str, rec: str | None, table: QuestionTable) -> dict[str, Any]:
    """The ``--format json`` document for ``table`` (see ``docs/questions-json.md``)."""
    return {
        "contract": CONTRACT,
        "map": name,
        "recommendation": rec,
        "summary": {
            "arguments": len({r.argument for r in table}),
            "questions": len(table),
            "open": len(table.open()),
            "answered": len(table.answered()),
        },
        "questions": table.to_dicts(),
    }


def _text(table: QuestionTable, only_open: bool) -> str:
    if not table:
        return "no argument names a scheme the catalogue knows: no critical questions"
    lines: list[str] = []
    current = None
    for r in table:
        if only_open and r.status == "answered":
            continue
        if r.argument != current:
            current = r.argument
            lines.append(f"{r.argument} ({r.scheme_label}) -> {r.conclusion}")
        mark = "open    " if r.status == "open" else "answered"
        by = f"  by {', '.join(r.answered_by)}" if r.answered_by else ""
        lines.append(f"  [{mark}] {r.question}: {r.text}{by}")
    lines.append(f"{len(table.open())} open, {len(table.answered())} answered")
    return "\n".join(lines)


def questions_command(
    file: Annotated[Path, typer.Argument(help="A map in any format argmap reads.")],
    rec: Annotated[
        str | None,
        typer.Option("--rec", "-r", help="Only the arguments behind this statement (id or IRI)."),
    ] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: from the file).")
    ] = None,
    schemes: Annotated[
        Path | None,
        typer.Option("--schemes", help="Add the schemes of this YAML, TOML or Turtle file."),
    ] = None,
    only_open: Annotated[
        bool, typer.Option("--open", help="Text output: list only the open questions.")
    ] = False,
) -> None:
    """List the critical questions of every argument with a scheme: open or answered.

    Example: argmap questions brief.ttl -r abstain

    Example: argmap questions brief.ttl --format json --schemes my-schemes.yaml

    JSON: {"contract", "map", "recommendation", "summary", "questions": [rows]} as
    docs/questions-json.md describes.
    """
    m = load_any(file, input_format)
    catalogue = default_catalogue()
    if schemes is not None:
        catalogue = run(lambda: catalogue.load(schemes))
    table = run(lambda: critical_questions(m, rec, catalogue=catalogue))
    if format is OutputFormat.json:
        print_json(questions_json(m.name, m.resolve(rec) if rec else None, table))
        return
    typer.echo(_text(table, only_open))
