"""What every command shares: reading any format, progress on a terminal, exit codes.

Exit codes: 0 success; 1 the command ran and found problems (validation errors, ...);
2 unreadable input, an output that cannot be written, bad usage; 3 a store or network
failure.

User text (file names, graph IRIs, node text, server messages) is never read as rich
markup or emoji codes: both consoles have markup, emoji and highlighting off, and the
few styled words are built as :class:`rich.text.Text`.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from argmap.errors import ArgmapError, ImportFailed, ParseError, QuerySyntaxError, StoreError

if TYPE_CHECKING:  # loaded by the commands that read maps, not by `argmap accept F.af`
    from argmap.map import ArgumentMap

__all__ = [
    "EXIT_FAILED",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_STORE",
    "LenientOption",
    "ReportOption",
    "console",
    "err_console",
    "fail",
    "load_any",
    "os_message",
    "print_json",
    "print_table",
    "progress",
    "record_report",
    "run",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_STORE = 3
NOTES_SHOWN = 20  # notes (kept, but worth knowing) printed on stderr; every problem is

console = Console(soft_wrap=True, markup=False, emoji=False, highlight=False)
err_console = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)
T = TypeVar("T")


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``message`` to stderr and return the Exit to raise."""
    from rich.text import Text

    err_console.print(Text("error:", style="bold red"), Text(message))
    return typer.Exit(code)


def os_message(exc: OSError) -> str:
    """An OSError as ``path: reason``, without Python's ``[Errno N]`` decoration."""
    if isinstance(exc, ArgmapError):
        return str(exc)
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def run(action: Callable[[], T]) -> T:
    """Run ``action``, turning argmap's errors into a message and an exit code.

    A query the store refused as bad SPARQL is the user's input (2), not a store
    failure (3); any OSError (unreadable input, an output that cannot be written) is 2.
    """
    try:
        return action()
    except QuerySyntaxError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_STORE) from None
    except ArgmapError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise fail(os_message(exc), EXIT_INPUT) from None


@contextlib.contextmanager
def progress(description: str) -> Iterator[None]:
    """A spinner with elapsed time on a terminal; nothing when output is piped."""
    if not err_console.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        bar.add_task(description, total=None)
        yield


LenientOption = Annotated[
    bool,
    typer.Option(
        "--lenient",
        help="Skip bad records (an RA-node without a premise, an edge to nowhere, an RDF "
        "node the map cannot hold, ...) and keep what is sound; each skipped record is "
        "listed on stderr. ICCMA files are read whole or refused either way.",
    ),
]
ReportOption = Annotated[
    Path | None,
    typer.Option(
        "--report",
        metavar="FILE",
        help="Write what reading skipped or kept verbatim as JSON: {file, format, lenient, ok, "
        "skipped, problems: [{message, file, line, column, node, path}], notes: [same]} "
        "(docs/lenient.md). Written on failure too.",
    ),
]


def load_any(
    path: Path,
    format: str | None = None,
    *,
    lenient: bool = False,
    report: Path | None = None,
) -> ArgumentMap:
    """Read a map from any format argmap reads, with a progress spinner for big files.

    Strict reading refuses a file with bad records, naming every one; ``lenient`` keeps
    what is sound and lists each skipped record on stderr; ``report`` also writes the
    list as JSON.
    """
    from argmap.io import load_with_report

    big = run(lambda: path.exists() and path.stat().st_size > 5_000_000)
    try:
        with progress(f"reading {path.name}") if big else contextlib.nullcontext():
            imported = load_with_report(path, format, lenient=lenient)
    except ParseError as exc:
        if report is not None:
            _write_report(report, _failed(path, format, lenient, exc))
        raise fail(str(exc), EXIT_INPUT) from None
    except StoreError as exc:  # pragma: no cover  (reading a file never reaches a store)
        raise fail(str(exc), EXIT_STORE) from None
    except ArgmapError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise fail(os_message(exc), EXIT_INPUT) from None
    m, found = imported
    if found.problems:
        err_console.print(
            Text("warning:", style="yellow"),
            Text(
                f"{path}: skipped {len(found.problems)} bad record"
                f"{'s' if len(found.problems) != 1 else ''} (--lenient):"
            ),
        )
        for problem in found.problems:
            err_console.print(f"  {_where(problem.to_error(), path)}", highlight=False,
                              markup=False)
    for note in found.notes[:NOTES_SHOWN]:
        err_console.print(f"note: {_where(note.to_error(), path)}", highlight=False,
                          markup=False)
    if len(found.notes) > NOTES_SHOWN:
        err_console.print(f"note: ... and {len(found.notes) - NOTES_SHOWN} more "
                          "(--report FILE lists them all)", highlight=False, markup=False)
    if report is not None:
        data = found.to_dict()
        data.update(file=str(path), format=_format_name(path, format))
        _write_report(report, data)
    return m


def _format_name(path: Path, format: str | None) -> str | None:
    from argmap.io import get, guess, strip_bom

    try:
        with path.open("rb") as fh:
            return (get(format) if format else guess(path, strip_bom(fh.read(4096)))).name
    except (OSError, ArgmapError):  # pragma: no cover  (it was just read)
        return None


def _where(exc: ParseError, path: Path) -> str:
    text = str(exc)
    for prefix in (f"{path}, ", f"{path}: "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _failed(path: Path, format: str | None, lenient: bool, exc: ParseError) -> dict[str, Any]:
    """The --report of a read that failed: every problem the error names."""
    problems = exc.problems if isinstance(exc, ImportFailed) else [exc]
    return {
        "file": str(path), "lenient": lenient, "ok": False, "skipped": 0,
        "problems": [
            {"message": p.message, "file": p.file, "line": p.line, "column": p.column,
             "node": p.node, "path": p.path}
            for p in problems
        ],
        "notes": [], "format": _format_name(path, format),
    }


def record_report(path: Path, format: str | None, lenient: bool, report: Path) -> None:
    """Read ``path`` only to write its --report (for commands that read it their own way).

    Never fails: a file that cannot be read is a report with ``"ok": false``.
    """
    from argmap.io import load_with_report

    try:
        found = load_with_report(path, format, lenient=lenient).report
    except ParseError as exc:
        _write_report(report, _failed(path, format, lenient, exc))
        return
    except ArgmapError:
        from argmap.io import ImportReport

        found = ImportReport(str(path), lenient)
    data = found.to_dict()
    data.update(file=str(path), format=_format_name(path, format))
    _write_report(report, data)


def _write_report(path: Path, value: dict[str, Any]) -> None:
    from argmap.io.atomic import write_bytes

    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    try:
        write_bytes(path, lambda: text.encode("utf-8"))
    except OSError as exc:
        raise fail(f"--report {path}: cannot write: {exc.strerror}", EXIT_INPUT) from None


def print_table(table: Any) -> None:
    """Print a rich table; piped, as wide as its longest row so no value is cut short.

    On a terminal the table fits the window; into a pipe or a file every cell is whole
    (graph IRIs must survive a copy into ``pull --graph``).
    """
    if console.is_terminal:
        console.print(table)
        return
    from rich.measure import Measurement

    widest = Measurement.get(console, console.options.update(width=10**6), table).maximum
    wide = Console(
        width=max(console.width, widest), soft_wrap=True, markup=False, emoji=False,
        highlight=False,
    )
    wide.print(table)


def print_json(value: Any) -> None:
    """Print JSON to stdout, plainly (no colour), so it pipes cleanly."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
