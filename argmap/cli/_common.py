"""What every command shares: reading any format, progress on a terminal, exit codes.

Exit codes: 0 success; 1 the command ran and found problems (validation errors, ...);
2 unreadable input or bad usage; 3 a store or network failure.
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
from rich.markup import escape

from argmap.errors import ArgmapError, StoreError
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
    "print_json",
    "progress",
    "run",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_STORE = 3

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``message`` to stderr and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def run(action: Callable[[], T]) -> T:
    """Run ``action``, turning argmap's errors into a message and an exit code."""
    try:
        return action()
    except StoreError as exc:
        raise fail(str(exc), EXIT_STORE) from None
    except ArgmapError as exc:
        raise fail(str(exc), EXIT_INPUT) from None


@contextlib.contextmanager
def progress(description: str) -> Iterator[None]:
    """A spinner with elapsed time on a terminal; nothing when output is piped."""
    if not err_console.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        bar.add_task(description, total=None)
        yield


def load_any(path: Path, format: str | None = None) -> ArgumentMap:
    """Read a map from any format argmap reads, with a progress spinner for big files."""
    import argmap

    big = path.exists() and path.stat().st_size > 5_000_000
    with progress(f"reading {path.name}") if big else contextlib.nullcontext():
        return run(lambda: argmap.load(path, format))


def print_json(value: Any) -> None:
    """Print JSON to stdout, plainly (no colour), so it pipes cleanly."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
