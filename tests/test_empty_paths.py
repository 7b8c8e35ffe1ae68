"""An empty file name is refused as such, never read as the current folder ``.``.

``Path("")`` is ``Path(".")``; an unset shell variable in place of a file name used to be
reported as "``.``: is a folder, not a file".
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import argmap
from argmap.semantics import load_af


@pytest.mark.parametrize(
    "call",
    [
        lambda: argmap.load(""),
        lambda: argmap.io.load_with_report("", lenient=True),
        lambda: argmap.validate(""),
        lambda: load_af(""),
    ],
    ids=["load", "load_with_report", "validate", "load_af"],
)
def test_reading_an_empty_name_says_so(call: object) -> None:
    with pytest.raises(argmap.errors.ParseError, match="empty file name") as info:
        call()  # type: ignore[operator]
    assert "is a folder" not in str(info.value)


def test_writing_to_an_empty_name_says_so_and_writes_nothing(tmp_path: object) -> None:
    with pytest.raises(argmap.errors.WriteError, match="empty file name"):
        argmap.dump(argmap.ArgumentMap(), "")


@pytest.mark.parametrize(
    "args", [["info", ""], ["validate", ""], ["corpus", "load", "", "--store", "x"],
             ["convert", "a.ttl", ""]],
)  # fmt: skip
def test_the_command_line_refuses_an_empty_argument(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "is empty" in done.stderr
    assert f"argument {args.index('') + 1}" in done.stderr
    assert "is a folder" not in done.stderr + done.stdout
