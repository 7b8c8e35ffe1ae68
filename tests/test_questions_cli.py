"""`argmap questions`: text and the JSON contract of docs/questions-json.md."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import argmap
from argmap.cli import app

runner = CliRunner()
DOC = Path(__file__).resolve().parents[1] / "docs" / "questions-json.md"
ROW_KEYS = {
    "argument", "conclusion", "scheme", "scheme_label", "question", "key", "text",
    "answer_type", "premise_role", "premises", "status", "answered_by", "quotes",
}


def _map_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap("cli")
    rec = m.recommendation("Abstain.", id="abstain")
    a = m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why",
                scheme="PracticalReasoning")
    m.attack(m.claim("Abstaining costs influence.", id="cost"), a, question="side-effects",
             id="cost-attack")
    m.argue([m.claim("Other.", id="o")], m.claim("Else.", id="else"), scheme="Example")
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    return path


def test_json_contract(tmp_path: Path) -> None:
    result = runner.invoke(app, ["questions", str(_map_file(tmp_path)), "-r", "abstain",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"contract", "map", "recommendation", "summary", "questions"}
    assert data["contract"] == "argmap-questions/1"
    assert data["recommendation"] == "abstain"
    assert data["summary"] == {"arguments": 1, "questions": 5, "open": 4, "answered": 1}
    for row in data["questions"]:
        assert set(row) == ROW_KEYS
    answered = [r for r in data["questions"] if r["status"] == "answered"]
    assert [(r["question"], r["answered_by"]) for r in answered] == [
        ("practical-reasoning.side-effects", ["cost-attack"])
    ]
    # every key the rows carry is documented on the contract page
    doc = DOC.read_text(encoding="utf-8")
    for key in ROW_KEYS | set(data) | {f"summary.{k}" for k in ("arguments", "questions")}:
        assert f"`{key}`" in doc, key


def test_text_and_whole_map(tmp_path: Path) -> None:
    result = runner.invoke(app, ["questions", str(_map_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "why (practical reasoning) -> abstain" in result.stdout
    assert "[answered] practical-reasoning.side-effects" in result.stdout
    assert "argument from example" in result.stdout
    only = runner.invoke(app, ["questions", str(_map_file(tmp_path)), "--open"])
    assert "[answered]" not in only.stdout and "[open    ]" in only.stdout


def test_user_schemes_and_errors(tmp_path: Path) -> None:
    path = _map_file(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("schemes: [{key: Bad Key, label: x}]", encoding="utf-8")
    result = runner.invoke(app, ["questions", str(path), "--schemes", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output
    missing = runner.invoke(app, ["questions", str(path), "-r", "nope"])
    assert missing.exit_code == 2 and "nope" in missing.output
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "schemes: [{key: gut, label: argument from gut feeling, questions: "
        "[{key: why, text: \"Why, really?\", answer: undercut}]}]", encoding="utf-8")
    m = argmap.load(path)
    m.argue(["o"], "abstain", scheme="GutFeeling", id="gut-arg")
    argmap.dump(m, path)
    out = runner.invoke(app, ["questions", str(path), "--schemes", str(mine), "-f", "json"])
    assert out.exit_code == 0, out.output
    assert "gut.why" in {r["question"] for r in json.loads(out.stdout)["questions"]}
