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
from typing import Any, TypeVar

import typer
from rich.console import Console

from argmap.errors import ArgmapError, QuerySyntaxError, StoreError
from argmap.map import ArgumentMap

__all__ = [
    "EXIT_FAILED",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_STORE",
    "console",
    "err_console",
    "fail",
    "load_any",
    "os_message",
    "print_json",
    "print_table",
    "progress",
    "run",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_STORE = 3

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


def load_any(path: Path, format: str | None = None) -> ArgumentMap:
    """Read a map from any format argmap reads, with a progress spinner for big files."""
    import argmap

    big = run(lambda: path.exists() and path.stat().st_size > 5_000_000)
    with progress(f"reading {path.name}") if big else contextlib.nullcontext():
        return run(lambda: argmap.load(path, format))


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
