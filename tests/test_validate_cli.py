"""`argmap validate`: exit codes 0 / 1 / 2, --strict, --format json, --disable, --shacl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.validate._catalog import RULES

runner = CliRunner()


def write_map(tmp_path: Path, *, warning: bool = False, error: bool = False) -> Path:
    m = argmap.ArgumentMap("cli")
    src = m.source("The brief", id="brief")
    r = m.recommendation("The U.S. should abstain.", id="abstain")
    e = m.evidence("76 nations are party.", id="parties", source=src)
    m.argue([e], r)
    if warning:
        m.actor("Russia", id="russia")  # an orphan: a warning
    if error:
        m.recommendation("Lead a new treaty.", id="lead")  # unsupported: an error
    path = tmp_path / "map.ttl"
    argmap.dump(m, path)
    return path


def test_a_valid_map_exits_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(write_map(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "map.ttl: 2 info" in result.output  # two unanchored statements


def test_errors_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(write_map(tmp_path, error=True))])
    assert result.exit_code == 1, result.output
    assert "unsupported-recommendation" in result.output
    assert "lead" in result.output


def test_warnings_exit_1_only_with_strict(tmp_path: Path) -> None:
    path = write_map(tmp_path, warning=True)
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(path), "--strict"])
    assert result.exit_code == 1, result.output
    assert "orphan-node" in result.output
    relaxed = runner.invoke(app, ["validate", str(path), "--strict", "-d", "orphan-node"])
    assert relaxed.exit_code == 0, relaxed.output


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["validate", str(tmp_path / "missing.ttl")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix am: <x> . not turtle", encoding="utf-8")
    broken = runner.invoke(app, ["validate", str(bad)])
    assert broken.exit_code == 2
    assert "bad.ttl" in broken.output
    unknown = runner.invoke(app, ["validate", str(write_map(tmp_path)), "--from", "nope"])
    assert unknown.exit_code == 2
    bad_rule = runner.invoke(app, ["validate", str(write_map(tmp_path)), "-d", "no-such-rule"])
    assert bad_rule.exit_code == 2
    assert "no-such-rule" in bad_rule.output


def test_structurally_broken_rdf_is_reported_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(RULES["dangling-reference"].example, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert "dangling-reference" in result.output


def test_json_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(write_map(tmp_path, error=True)),
                                 "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["file"].endswith("map.ttl")
    assert data["counts"]["error"] == 1
    (row,) = [r for r in data["findings"] if r["severity"] == "error"]
    assert row["rule"] == "unsupported-recommendation"
    assert row["node_id"] == "lead"


def test_shacl_engine(tmp_path: Path) -> None:
    pytest.importorskip("pyshacl", reason="pip install pyshacl (the 'shacl' extra)")
    path = tmp_path / "broken.ttl"
    path.write_text(RULES["stance-actor-not-actor"].example, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--shacl", "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["engine"] == "shacl"
    assert [r["rule"] for r in data["findings"]] == ["stance-actor-not-actor"]
    clean = runner.invoke(app, ["validate", str(write_map(tmp_path)), "--shacl"])
    assert clean.exit_code == 0, clean.output


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example: argmap validate" in result.output
