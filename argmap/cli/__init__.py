"""The ``argmap`` command line: a few lines per command over the public API.

Every command reads any format argmap reads. Exit codes: 0 success, 1 the command found
problems (for example validation errors), 2 unreadable input or bad usage, 3 a store or
network failure.
"""

from __future__ import annotations

import typer

from argmap.cli import core

app = typer.Typer(
    name="argmap",
    help="Argument maps as knowledge graphs: build, trace, validate, render, convert, store.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

app.command(name="info")(core.info)
app.command(name="convert")(core.convert)
app.command(name="formats")(core.list_formats)

# --- query (issue 3) ---
from argmap.cli import query as _query  # noqa: E402

app.command(name="trace")(_query.trace_command)
# --- validate (issue 5) ---
from argmap.cli import validate as _validate  # noqa: E402

app.command(name="validate")(_validate.validate)
# --- display (issue 6) ---
from argmap.cli import display as _display  # noqa: E402

app.command(name="render")(_display.render)
app.command(name="export")(_display.export)
# --- interop (issue 7) ---
# --- semantics (issue 8) ---
from argmap.cli import accept as _accept  # noqa: E402

app.command(name="accept")(_accept.accept_command)
# --- solver (issue 22) ---
from argmap.cli import iccma as _iccma  # noqa: E402

app.command(name="iccma")(_iccma.iccma_command)

# schemes and critical questions
from argmap.cli import questions as _questions  # noqa: E402

app.command(name="questions")(_questions.questions_command)
# --- store (issue 10) ---
from argmap.cli import store as _store  # noqa: E402

app.command(name="push")(_store.push_command)
app.command(name="pull")(_store.pull_command)
app.command(name="query")(_store.query_command)
app.command(name="graphs")(_store.graphs_command)
# compare maps
from argmap.cli import diff as _diff  # noqa: E402

app.command(name="diff")(_diff.diff_command)
from argmap.cli import reanchor as _reanchor  # noqa: E402

app.command(name="reanchor")(_reanchor.reanchor_command)
# many maps in one store
from argmap.cli import corpus as _corpus  # noqa: E402

app.add_typer(_corpus.app, name="corpus")


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    app()
