"""`argmap info` and `argmap convert`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app

runner = CliRunner()
INFO_KEYS = {
    "statements",
    "claims",
    "evidence",
    "recommendations",
    "actors",
    "alternatives",
    "arguments",
    "attacks",
    "stances",
    "anchors",
    "sources",
}


def _file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap("cli")
    m.source("Doc", id="doc")
    c = m.claim("A claim.", id="c")
    m.anchor(c, "claim", source="doc", text="A claim.")
    m.argue([m.evidence("A fact.", id="e")], m.recommendation("Do it.", id="r"))
    m.stance(m.actor("Someone", id="who"), "asserts", "r")
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    return path


def test_info_json_has_the_documented_keys(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(_file(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= INFO_KEYS
    assert data["statements"] == 3 and data["claims"] == 1 and data["evidence"] == 1
    assert data["recommendations"] == 1 and data["arguments"] == 1 and data["anchors"] == 1
    assert data["stances"] == 1 and data["actors"] == 1 and data["sources"] == 1


def test_info_text_is_a_table(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(_file(tmp_path))])
    assert result.exit_code == 0
    assert "recommendations" in result.stdout


def test_convert_between_every_rdf_syntax(tmp_path: Path) -> None:
    src = _file(tmp_path)
    original = argmap.load(src)
    for ext in ("nt", "jsonld", "trig", "nq", "rdf", "ttl"):
        out = tmp_path / f"out.{ext}"
        result = runner.invoke(app, ["convert", str(src), str(out)])
        assert result.exit_code == 0, result.output
        assert argmap.load(out) == original


def test_convert_to_stdout_needs_a_format(tmp_path: Path) -> None:
    src = _file(tmp_path)
    assert runner.invoke(app, ["convert", str(src), "-"]).exit_code == 2
    result = runner.invoke(app, ["convert", str(src), "-", "--to", "nt"])
    assert result.exit_code == 0 and "<https://w3id.org/argmap/map/cli/c>" in result.stdout


def test_unreadable_input_exits_2_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    result = runner.invoke(app, ["info", str(bad)])
    assert result.exit_code == 2
    assert "bad.ttl" in result.output and "not valid" in result.output
    result = runner.invoke(app, ["info", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_formats_lists_rdf_syntaxes() -> None:
    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0 and "turtle" in result.stdout
