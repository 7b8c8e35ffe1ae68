"""`argmap trace` and the trace JSON contract (argmap.query.contract, docs/trace-json.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import argmap
from argmap import ArgumentMap
from argmap.cli import app
from argmap.query import TRACE_JSON_SCHEMA, check_trace_json, trace

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def sample_map() -> ArgumentMap:
    m = ArgumentMap("cli", title="CLI sample")
    m.source("The brief", id="brief")
    text = "We recommend the U.S. abstain. The draft is flawed. 76 nations are party."
    m.recommendation("The U.S. should abstain.", id="abstain")
    m.recommendation("Fix the flaws.", id="fix")
    m.claim("The draft is flawed.", id="flawed", label="Flawed")
    m.evidence("76 nations are party to Budapest.", id="budapest", source="brief")
    m.claim("There are better options.", id="better")
    m.argue(["flawed", "better"], "abstain", id="a1", scheme="practical reasoning")
    m.argue(["budapest"], "better", id="a2")
    m.argue(["flawed"], "fix", id="a3")
    m.anchor("abstain", "the U.S. abstain", source="brief", text=text)
    m.anchor("flawed", "The draft is flawed", source="brief", text=text)
    m.anchor("budapest", "76 nations are party", source="brief", text=text)
    m.actor("Chamber", id="chamber", type="organisation")
    m.stance("chamber", "asserts", "abstain")
    m.stance("chamber", "endorses", "flawed")
    m.claim("The goals are laudable.", id="laudable")
    m.attack("laudable", "flawed", id="t1")
    m.attack("laudable", "a2", id="t2")
    return m


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.ttl"
    argmap.dump(sample_map(), path)
    return path


def test_json_output_follows_the_contract(map_file: Path) -> None:
    result = runner.invoke(app, ["trace", str(map_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert check_trace_json(data) == []
    assert [d["recommendation"]["id"] for d in data] == ["abstain", "fix"]
    first = data[0]
    assert list(first) == ["recommendation", "premises", "basic_premises", "evidence",
                           "arguments", "attacks", "actors", "anchors", "critical_premises",
                           "depth", "cycles"]
    assert first["recommendation"] == {
        "id": "abstain", "iri": "https://w3id.org/argmap/map/cli/abstain",
        "kind": "recommendation", "text": "The U.S. should abstain.", "label": None,
    }
    assert [p["id"] for p in first["premises"]] == ["better", "flawed", "budapest"]
    assert [p["id"] for p in first["basic_premises"]] == ["flawed", "budapest"]
    assert first["evidence"] == [{
        "id": "budapest", "iri": "https://w3id.org/argmap/map/cli/budapest",
        "kind": "evidence", "text": "76 nations are party to Budapest.", "label": None,
        "level": 2, "source": "brief",
    }]
    assert first["arguments"][0] == {
        "id": "a1", "iri": "https://w3id.org/argmap/map/cli/a1", "kind": "argument",
        "text": "", "label": None, "scheme": "practical reasoning",
        "premises": ["better", "flawed"], "conclusion": "abstain", "complete": True,
        "questions": first["arguments"][0]["questions"],
    }
    assert [(q["key"], q["status"]) for q in first["arguments"][0]["questions"]] == [
        ("alternatives", "open"), ("best-means", "open"), ("feasible", "open"),
        ("other-goals", "open"), ("side-effects", "open"),
    ]
    assert [(a["id"], a["type"], a["target"], a["answered"]) for a in first["attacks"]] == [
        ("t1", "undermine", "flawed", False), ("t2", "undercut", "a2", False),
    ]
    assert first["attacks"][0]["attacker"]["id"] == "laudable"
    assert first["actors"] == [{
        "id": "chamber", "iri": "https://w3id.org/argmap/map/cli/chamber", "kind": "actor",
        "text": "Chamber", "label": None, "actor_type": "organisation",
        "stances": [{"role": "asserts", "node": "abstain"},
                    {"role": "endorses", "node": "flawed"}],
    }]
    assert first["anchors"][0] == {
        "node": "abstain", "source": "brief", "quote": "the U.S. abstain",
        "prefix": "We recommend ", "suffix": ". The draft is flawed. 76 nation", "start": 13,
        "end": 29,
    }
    assert [p["id"] for p in first["critical_premises"]] == ["better", "flawed", "budapest"]
    assert first["depth"] == 2
    assert first["cycles"] == []


def test_one_recommendation_by_text(map_file: Path) -> None:
    result = runner.invoke(app, ["trace", str(map_file), "-r", "Fix the flaws", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["recommendation"]["id"] for d in data] == ["fix"]
    assert data == [trace(sample_map(), "fix").to_dict()]


def test_text_output(map_file: Path) -> None:
    result = runner.invoke(app, ["trace", str(map_file), "--all"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("recommendation [abstain] The U.S. should abstain.\n")
    assert "\n\nrecommendation [fix] Fix the flaws.\n" in result.stdout
    assert result.stdout == "\n\n".join(
        argmap.explain(t) for t in argmap.trace_all(sample_map()).values()
    ) + "\n"


def test_usage_errors(map_file: Path, tmp_path: Path) -> None:
    both = runner.invoke(app, ["trace", str(map_file), "--all", "-r", "fix"])
    assert both.exit_code == 2
    assert "not both" in both.output
    missing = runner.invoke(app, ["trace", str(map_file), "-r", "nothing here"])
    assert missing.exit_code == 2
    assert "no node 'nothing here'" in missing.output
    actor = runner.invoke(app, ["trace", str(map_file), "-r", "chamber"])
    assert actor.exit_code == 2
    assert "is an actor, not a statement" in actor.output
    nofile = runner.invoke(app, ["trace", str(tmp_path / "absent.ttl")])
    assert nofile.exit_code == 2


def test_no_recommendations(tmp_path: Path) -> None:
    path = tmp_path / "empty.ttl"
    m = ArgumentMap("empty")
    m.claim("Just a claim.", id="c")
    argmap.dump(m, path)
    text = runner.invoke(app, ["trace", str(path)])
    assert text.exit_code == 0
    assert "no recommendations to trace" in text.stdout
    js = runner.invoke(app, ["trace", str(path), "--format", "json"])
    assert json.loads(js.stdout) == []


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["trace", "--help"])
    assert result.exit_code == 0
    assert "Example: argmap trace" in result.stdout


# ---------------------------------------------------------------------- the contract


def test_checker_finds_problems() -> None:
    good = trace(sample_map(), "abstain").to_dict()
    assert check_trace_json(good) == []
    bad: dict[str, Any] = json.loads(json.dumps(good))
    bad["depth"] = -1
    del bad["premises"][0]["iri"]
    bad["attacks"][0]["type"] = "refute"
    bad["anchors"][0]["start"] = "13"
    bad["extra"] = True
    bad["recommendation"]["kind"] = "actor"
    assert check_trace_json([bad]) == [
        "$[0].recommendation.kind: 'actor' is not one of ['claim', 'evidence', 'recommendation']",
        "$[0].premises[0]: missing key 'iri'",
        "$[0].attacks[0].type: 'refute' is not one of ['rebut', 'undermine', 'undercut']",
        "$[0].anchors[0].start: '13' is not of type integer or null",
        "$[0].depth: -1 is below 0",
        "$[0]: unexpected key 'extra'",
    ]
    assert check_trace_json([{"depth": True}])[-1] == "$[0].depth: True is not of type integer"


def test_schema_is_valid_json_schema_and_agrees() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(TRACE_JSON_SCHEMA)
    validator = jsonschema.Draft202012Validator(TRACE_JSON_SCHEMA)
    for t in argmap.trace_all(sample_map()).values():
        validator.validate(t.to_dict())


def test_docs_name_every_key() -> None:
    doc = ROOT / "docs" / "trace-json.md"
    if not doc.is_file():
        pytest.skip(f"{doc} is absent")
    text = doc.read_text(encoding="utf-8")
    for key in TRACE_JSON_SCHEMA["properties"]:
        assert f"`{key}`" in text, key
    for name, definition in TRACE_JSON_SCHEMA["$defs"].items():
        for key in definition["properties"]:
            assert f"`{key}`" in text, (name, key)
