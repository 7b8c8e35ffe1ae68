"""The command line as a whole: every command documented, and `render` / `export` at work.

Completeness: each registered command has help text with an example (``Example: argmap
NAME ...``), help on each of its arguments and options, and a mention in the README's
``## Command line`` section, which also documents the exit codes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
runner = CliRunner()


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)  # typer may ship its own click
    ctx = group.make_context("argmap", ["--help"], resilient_parsing=True)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


COMMANDS = sorted(_commands())


def _section(text: str, heading: str) -> str:
    """The body of the ``## heading`` section of a Markdown text ('' when absent)."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def test_there_are_commands() -> None:
    assert {"info", "convert", "render", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_an_example(name: str) -> None:
    command = _commands()[name]
    text = (command.help or "").strip()
    assert text, f"`argmap {name}` has no help text: give its function a docstring"
    assert re.search(rf"Example: argmap {re.escape(name)}\b", text), (
        f"`argmap {name}`'s help has no line 'Example: argmap {name} ...'"
    )
    for param in command.params:
        if param.name == "help":
            continue
        assert getattr(param, "help", None), f"`argmap {name}`: {param.name} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_runs(name: str) -> None:
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"argmap {name}" in result.output


def test_readme_cli_section_names_every_command() -> None:
    assert README.is_file(), "README.md is missing"
    section = _section(README.read_text(encoding="utf-8"), "Command line")
    assert section, "README.md has no '## Command line' section"
    missing = [n for n in COMMANDS if not re.search(rf"`argmap {re.escape(n)}\b", section)]
    assert not missing, (
        f"README.md's '## Command line' section does not mention: "
        f"{', '.join('argmap ' + n for n in missing)}"
    )
    assert re.search(r"[Ee]xit codes", section) and all(str(c) in section for c in (0, 1, 2))


# ---------------------------------------------------------------------- render and export


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap("cli", title="CLI map")
    rec = m.recommendation("The U.S. should abstain.", id="abstain")
    m.argue([m.evidence("76 nations are party.", id="parties")], rec)
    m.attack(m.claim("Adopt it now.", id="adopt"), rec)
    m.claim("Unrelated.", id="unrelated")
    path = tmp_path / "map.ttl"
    argmap.dump(m, path)
    return path


def test_render_dot_needs_no_graphviz(map_file: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "map.dot"
    result = runner.invoke(app, ["render", str(map_file), str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith('digraph "argmap"')
    assert "wrote" in result.output
    assert not re.search(r"[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]", result.output), "a spinner when piped"


def test_render_recommendation(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.dot"
    result = runner.invoke(app, ["render", str(map_file), str(out), "-r", "abstain"])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert '"parties"' in text and '"unrelated"' not in text


def test_render_svg(map_file: Path, tmp_path: Path) -> None:
    require("dot", "apt-get install graphviz")
    out = tmp_path / "map.svg"
    result = runner.invoke(app, ["render", str(map_file), str(out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text()


def test_render_without_dot_exits_2_saying_how_to_install(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    result = runner.invoke(app, ["render", str(map_file), str(tmp_path / "map.svg")])
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.output
    assert not (tmp_path / "map.svg").exists()


def test_render_bad_input_and_bad_extension(map_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(tmp_path / "nope.ttl"), str(tmp_path / "x.dot")])
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(app, ["render", str(map_file), str(tmp_path / "x.jpeg")])
    assert result.exit_code == 2 and ".svg, .png, .html or .dot" in result.output
    result = runner.invoke(app, ["render", str(map_file), str(tmp_path / "x.dot"), "-r", "zzz9"])
    assert result.exit_code == 2 and "zzz9" in result.output


def test_export_to_stdout_pipes(map_file: Path) -> None:
    result = runner.invoke(app, ["export", str(map_file), "--to", "nt"])
    assert result.exit_code == 0, result.output
    assert argmap.loads(result.stdout, "nt") == argmap.load(map_file)


def test_export_to_file(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.jsonld"
    result = runner.invoke(app, ["export", str(map_file), "--to", "jsonld", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert argmap.load(out) == argmap.load(map_file)
    out = tmp_path / "picture.dot"
    result = runner.invoke(app, ["export", str(map_file), "-t", "dot", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("digraph")


def test_export_html_picture(map_file: Path, tmp_path: Path) -> None:
    require("dot", "apt-get install graphviz")
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["export", str(map_file), "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_export_unknown_format(map_file: Path) -> None:
    result = runner.invoke(app, ["export", str(map_file), "--to", "gif"])
    assert result.exit_code == 2
    assert "unknown format 'gif'" in result.output
