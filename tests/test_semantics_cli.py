"""`argmap accept` on maps and on ICCMA files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app

runner = CliRunner()


def _map_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap("cli")
    rec = m.recommendation("Abstain.", id="abstain")
    m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why")
    m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed")
    m.attack("flawed", "laudable")
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    return path


def test_accept_a_map_as_json(tmp_path: Path) -> None:
    path = _map_file(tmp_path)
    result = runner.invoke(app, ["accept", str(path), "--semantics", "preferred", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"semantics", "extensions", "labels"}
    assert data["semantics"] == "preferred"
    assert sorted(map(sorted, data["extensions"])) == [
        ["abstain", "flawed", "why"],
        ["laudable"],
    ]
    assert data["labels"]["abstain"] == "UNDEC"
    grounded = json.loads(runner.invoke(app, ["accept", str(path), "-f", "json"]).stdout)
    assert grounded["extensions"] == [[]]


def test_accept_a_map_as_text(tmp_path: Path) -> None:
    result = runner.invoke(app, ["accept", str(_map_file(tmp_path)), "-s", "stable"])
    assert result.exit_code == 0, result.output
    assert "semantics: stable" in result.stdout
    assert "extension 2:" in result.stdout
    assert "UNDEC  abstain" in result.stdout and "Abstain." in result.stdout


def test_accept_iccma_files(tmp_path: Path) -> None:
    af = tmp_path / "x.af"
    af.write_text("p af 3\n1 2\n2 3\n")
    result = runner.invoke(app, ["accept", str(af), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "semantics": "grounded",
        "extensions": [["1", "3"]],
        "labels": {"1": "IN", "2": "OUT", "3": "IN"},
    }
    tgf = tmp_path / "x.txt"
    tgf.write_text("a\nb\n#\na b\nb a\n")
    result = runner.invoke(app, ["accept", str(tgf), "--from", "tgf", "-s", "preferred"])
    assert result.exit_code == 0, result.output
    assert "extension 1: {a}" in result.stdout and "extension 2: {b}" in result.stdout
    none = tmp_path / "odd.apx"
    none.write_text("arg(a).\natt(a,a).\n")
    result = runner.invoke(app, ["accept", str(none), "-s", "stable"])
    assert "extensions: none" in result.stdout


def test_bad_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 5\n")
    result = runner.invoke(app, ["accept", str(bad)])
    assert result.exit_code == 2
    assert "line 2" in result.output
    result = runner.invoke(app, ["accept", str(bad), "-s", "ideal"])
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["accept", "--help"])
    assert result.exit_code == 0 and "Example: argmap accept" in result.stdout
