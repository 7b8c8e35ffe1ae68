"""The README starts with exactly two commands, and .ci/run runs the second one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    first_section = text.split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", first_section, re.S)


def test_readme_opens_with_two_commands() -> None:
    commands = _commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].startswith("pip install") and "examples/" in commands[0]
    assert commands[1].startswith("pip install") and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = _commands()[1]
    assert any(
        line.strip().endswith(test_command.split("&&", 1)[1].strip()) for line in ci.splitlines()
    )
