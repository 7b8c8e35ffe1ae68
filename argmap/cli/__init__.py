"""The ``argmap`` command line: a few lines per command over the public API.

Every command reads any format argmap reads. Exit codes: 0 success, 1 the command found
problems (for example validation errors), 2 unreadable input or bad usage, 3 a store or
network failure.

Each command's module is imported only when that command runs (or shows its own help):
``argmap --help`` lists the commands from the table below without loading rdflib, networkx
or pydantic.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer
from typer.core import TyperGroup

__all__ = ["app", "main"]

# name -> (module in argmap.cli, function, or None for a sub-app, the first paragraph of its
# help). tests/test_lazy_import.py checks each line against the command's own docstring.
COMMANDS: dict[str, tuple[str, str | None, str]] = {
    "info": ("core", "info", "Count what a map holds, by kind."),
    "convert": ("core", "convert", "Convert a map between formats (turtle, nt, jsonld, trig, "
                "nquads, xml, and more)."),
    "formats": ("core", "list_formats", "List the formats argmap reads and writes."),
    # --- query (issue 3) ---
    "trace": ("query", "trace_command", "Trace recommendations to the premises, evidence and "
              "actors that carry them."),
    # --- validate (issue 5) ---
    "validate": ("validate", "validate", "Check a map for consistency: structural, logical, "
                 "grounding and hygiene rules."),
    # --- display (issue 6) ---
    "render": ("display", "render", "Draw a map, or one recommendation's justification, as "
               "SVG, PNG, HTML or DOT."),
    "export": ("display", "export", "Write a map in a format named by --to, to standard output "
               "or to a file."),
    # --- semantics (issue 8) ---
    "accept": ("accept", "accept_command", "Apply an argumentation semantics: extensions and "
               "an IN/OUT/UNDEC label per argument."),
    # --- solver (issue 22) ---
    "iccma": ("iccma", "iccma_command", "Answer one ICCMA problem (ICCMA 2023 conventions): "
              "YES/NO, a w line, or a count."),
    # schemes and critical questions
    "questions": ("questions", "questions_command", "List the critical questions of every "
                  "argument with a scheme: open or answered."),
    # --- store (issue 10) ---
    "push": ("store", "push_command", "Push a map into a triple store, replacing its graph "
             "atomically."),
    "pull": ("store", "pull_command", "Pull a map out of a triple store into a file."),
    "query": ("store", "query_command", "Answer a query in the store: a trace, or a SPARQL "
              "SELECT file."),
    "graphs": ("store", "graphs_command", "List the maps in a triple store (graph IRI, data "
               "graph, triples, when pushed)."),
    # compare maps
    "diff": ("diff", "diff_command", "Compare two maps: added, removed and changed nodes, and "
             "each recommendation's premises, evidence, critical premises and labels before "
             "and after."),
    "reanchor": ("reanchor", "reanchor_command", "Re-find every quote of SOURCE in its revised "
                 "text: kept, moved, fuzzy (with a score) or lost each; with -o, write the map "
                 "with the updated anchors."),
    # many maps in one store
    "corpus": ("corpus", None, "Many maps in one store: load a folder, count, ask questions "
               "across maps."),
}  # fmt: skip


def command(name: str) -> Any:
    """The click command behind ``argmap NAME``, its module imported now."""
    module_name, function, _help = COMMANDS[name]
    module = importlib.import_module(f"argmap.cli.{module_name}")
    if function is None:
        return typer.main.get_command(module.app)
    one = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    one.command(name=name)(getattr(module, function))
    return typer.main.get_command(one)


def _short_help(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut at a word to at most ``limit`` characters.

    >>> _short_help("Trace a recommendation. Then more.", 40)
    'Trace a recommendation.'
    >>> _short_help("Push a map into a triple store over SPARQL", 20)
    'Push a map into...'
    """
    whole = " ".join(text.split())
    first = whole.split(". ")[0]
    first = first if first == whole else first + "."
    if len(first) <= limit:
        return first
    cut = first[: max(limit - 3, 1)].rsplit(" ", 1)[0]
    return cut + "..."


class _LazyGroup(TyperGroup):
    """Lists the commands from :data:`COMMANDS`; builds one only when it is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = command(cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, _short_help(text, limit))
                for name, (_m, _f, text) in COMMANDS.items()]  # fmt: skip
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="argmap",
    help="Argument maps as knowledge graphs: build, trace, validate, render, convert, store.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_LazyGroup,
)


@app.callback()
def _group() -> None:
    """Argument maps as knowledge graphs: build, trace, validate, render, convert, store."""


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    _refuse_empty_arguments(sys.argv[1:])
    app()


def _refuse_empty_arguments(args: list[str]) -> None:
    """Exit 2 on an empty argument: no argmap command or option takes one.

    ``Path("")`` is the current folder, so an unset shell variable in place of a file name
    would otherwise be read as ``.`` and reported as "is a folder".
    """
    for number, arg in enumerate(args, 1):
        if arg == "":
            after = f" (after {args[number - 2]!r})" if number > 1 else ""
            sys.stderr.write(f"error: argument {number}{after} is empty; "
                             "give a file name, a store address or a value\n")  # fmt: skip
            raise SystemExit(2)
