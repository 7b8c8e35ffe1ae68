"""`argmap corpus load | stats | query`: many maps in one store.

``load`` reads a folder (every format argmap reads) in worker processes into a store,
each map its own graph with provenance, and resumes: unchanged files are skipped.
Exit code 1 when a file was refused, 130 when interrupted (the report is printed
first), 3 on a store failure.
"""

from __future__ import annotations

import csv
import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli._common import EXIT_FAILED, console, err_console, fail, print_json, run
from argmap.cli.store import Dialect, StoreOpt, Timeout, User, _open

__all__ = ["app"]

app = typer.Typer(
    name="corpus",
    help="Many maps in one store: load a folder, count, ask questions across maps.\n\n"
    "Example: argmap corpus load corpora/ --store ./corpus --lenient",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Out(StrEnum):
    text = "text"
    json = "json"


class Table(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Question(StrEnum):
    totals = "totals"
    ratios = "ratios"
    actors = "actors"
    statements = "statements"
    schemes = "schemes"
    resting_on = "resting-on"
    unanswered = "unanswered"


def _corpus(store: str, user: str | None, dialect: str, timeout: float, *, writes: bool) -> Any:
    from argmap.corpus import Corpus

    return Corpus(
        _open(store, None, None, None, user, dialect, timeout, writes=writes, create=writes)
    )


@app.command("load")
def load_command(
    folder: Annotated[Path, typer.Argument(help="A folder of maps (read recursively) or a glob.")],
    store: StoreOpt,
    lenient: Annotated[
        bool, typer.Option("--lenient/--strict", help="Repair or skip bad records, reporting each.")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parsing processes.")] = 2,
    format: Annotated[Out, typer.Option("--format", "-f", help="text or json.")] = Out.text,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 60.0,
) -> None:
    """Load every map of a folder into a store; files already in it are skipped.

    Example: argmap corpus load corpora/ --store ./corpus --lenient --workers 2 --format json

    The JSON: maps (in the store now), loaded (files), unchanged (files skipped by
    content hash), refused ([{file, error}]), repaired_records, triples, interrupted.
    """
    if workers < 1:
        raise fail("--workers takes 1 or more")
    if not folder.exists() and not any(c in str(folder) for c in "*?["):
        raise fail(f"{folder}: no such folder or file")
    with _corpus(store, user, dialect, timeout, writes=True) as corpus, _bar() as tick:
        report = run(lambda: corpus.load(folder, lenient=lenient, workers=workers, progress=tick))
    data = report.to_json()
    if format is Out.json:
        del data["files"]
        print_json(data)
    else:
        for f in report.refused:
            err_console.print(f"refused: {f.error}")
        console.print(
            f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, "
            f"{len(report.refused)} refused; {report.repaired_records} records repaired or "
            f"skipped; {report.triples} triples; {report.maps} maps in the store"
        )
    if report.interrupted:
        raise typer.Exit(130)
    if report.refused:
        raise typer.Exit(EXIT_FAILED)


class _bar:
    """A progress bar on a terminal; nothing when stderr is piped."""

    def __enter__(self) -> Any:
        if not err_console.is_terminal:
            self.bar = None
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self.bar = Progress(
            BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console
        )
        self.bar.start()
        task = self.bar.add_task("files", total=None)

        def tick(done: int, total: int, file: str) -> None:
            assert self.bar is not None
            self.bar.update(task, completed=done, total=total)

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("stats")
def stats_command(
    store: StoreOpt,
    format: Annotated[Out, typer.Option("--format", "-f", help="text or json.")] = Out.text,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 60.0,
) -> None:
    """Totals over every map of the corpus: the sums of `argmap info` over its files.

    Example: argmap corpus stats --store ./corpus --format json

    The JSON: maps, statements, claims, evidence, recommendations, actors, alternatives,
    issues, arguments, attacks, stances.
    """
    from argmap.corpus import questions

    with _corpus(store, user, dialect, timeout, writes=False) as corpus:
        rows = run(lambda: questions.totals(corpus))
    keys = [k for k in questions.MapTotals.__dataclass_fields__ if k != "graph"]
    totals: dict[str, int] = {"maps": len(rows)}
    for k in keys:
        totals[k] = sum(getattr(r, k) for r in rows)
    if format is Out.json:
        print_json(totals)
        return
    for k, v in totals.items():
        console.print(f"{k:16} {v}")


@app.command("query")
def query_command(
    question: Annotated[
        Question,
        typer.Argument(
            help="totals, ratios, actors, statements, schemes, resting-on ACTOR, "
            "unanswered STATEMENT."
        ),
    ],
    subject: Annotated[
        str | None,
        typer.Argument(help="The actor (resting-on) or statement (unanswered): an IRI or a text."),
    ] = None,
    store: StoreOpt = "",
    format: Annotated[
        Table, typer.Option("--format", "-f", help="table, json or csv.")
    ] = Table.table,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 60.0,
) -> None:
    """Ask a question across every map of the corpus.

    Example: argmap corpus query resting-on "U.S. Chamber of Commerce" --store ./corpus -f json

    actors/statements: in more than one map, by normalised name or text (by = name) and
    by IRI or same_as (by = same_as). resting-on: every conclusion resting on a premise
    the actor asserts. unanswered: maps where the statement is attacked and nothing
    answers the attack. JSON: an array of row objects.
    """
    from argmap.corpus import questions as q

    if not store:
        raise fail("--store is required")
    needs = question in (Question.resting_on, Question.unanswered)
    if needs and not subject:
        raise fail(f"{question.value} needs an actor or statement after it")
    if not needs and subject:
        raise fail(f"{question.value} takes no argument ({subject!r} given)")
    ask: dict[Question, Any] = {
        Question.totals: q.totals,
        Question.ratios: q.ratios,
        Question.actors: q.shared_actors,
        Question.statements: q.shared_statements,
        Question.schemes: q.schemes,
        Question.resting_on: lambda c: q.resting_on(c, subject or ""),
        Question.unanswered: lambda c: q.unanswered_attacks(c, subject or ""),
    }
    with _corpus(store, user, dialect, timeout, writes=False) as corpus:
        rows = run(lambda: ask[question](corpus))
    dicts = [
        {k: " ".join(v) if isinstance(v, list) else v for k, v in d.items()}
        for d in rows.to_dicts()
    ]
    if format is Table.json:
        print_json(rows.to_dicts())
        return
    if not dicts:
        if format is Table.table:
            console.print("no rows")
        return
    if format is Table.csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(dicts[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(dicts)
        sys.stdout.write(out.getvalue())
        return
    from rich.table import Table as RichTable

    from argmap.cli._common import print_table

    table = RichTable(show_header=True)
    for k in dicts[0]:
        table.add_column(k)
    for d in dicts:
        table.add_row(*("" if v is None else str(v) for v in d.values()))
    print_table(table)
