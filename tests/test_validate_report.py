"""The report (table, rows, frame, HTML, JSON), the options of validate, and its inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

import argmap
from argmap import ArgumentMap
from argmap.errors import ArgmapError, FormatError, ParseError
from argmap.validate import (
    Finding,
    MissingDependency,
    NodeRef,
    RuleError,
    ValidationReport,
    validate,
)
from argmap.validate._catalog import RULES


def small_map() -> ArgumentMap:
    m = ArgumentMap("small")
    src = m.source("The brief", id="brief")
    r = m.recommendation("The U.S. should abstain.", id="abstain")
    m.anchor(r, "should abstain", source=src, start=9, end=23)
    m.actor("Russia", type="state", id="russia")
    m.claim("A <b>bold</b> & loose claim.", id="loose")
    return m


# ---------------------------------------------------------------- the report


def test_report_selections() -> None:
    report = validate(small_map())
    assert not report.ok
    assert [f.rule for f in report.errors] == ["unsupported-recommendation"]
    assert {f.rule for f in report.warnings} == {"orphan-node"}
    assert {f.rule for f in report.infos} == {"unanchored-statement"}
    assert report.counts() == {"error": 1, "warning": 3, "info": 1}
    assert len(report) == 5
    # errors first, then warnings, then info
    assert [f.severity for f in report] == ["error", "warning", "warning", "warning", "info"]
    assert report.filter(rule="orphan-node").counts()["warning"] == 3
    assert len(report.filter(node="russia")) == 1
    assert report.filter(severity=["error", "info"]).counts()["warning"] == 0
    assert set(report.by_rule()) == {"unsupported-recommendation", "orphan-node",
                                     "unanchored-statement"}
    assert report.map is not None and report.map.name == "small"
    assert "1 errors" in repr(report)


def test_report_rows_and_json() -> None:
    report = validate(small_map())
    rows = report.to_rows()
    first = rows[0]
    assert first["rule"] == "unsupported-recommendation"
    assert first["node_id"] == "abstain"
    assert first["node_iri"] == "https://w3id.org/argmap/map/small/abstain"
    assert (first["quote"], first["source"], first["start"], first["end"]) == (
        "should abstain", "brief", 9, 23)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ok"] is False
    assert data["counts"]["error"] == 1
    assert len(data["findings"]) == 5
    assert "circular-support" in data["rules"]


def test_report_frame() -> None:
    pytest.importorskip("pandas")
    frame = validate(small_map()).to_frame()
    assert list(frame.columns[:3]) == ["severity", "rule", "node_id"]
    assert len(frame) == 5
    empty = ValidationReport([]).to_frame()
    assert len(empty) == 0 and "message" in empty.columns


def test_report_frame_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingDependency, match="pip install"):
        ValidationReport([]).to_frame()


def test_report_text_table() -> None:
    text = str(validate(small_map()))
    lines = text.splitlines()
    assert lines[0].startswith("map 'small': 1 error, 3 warnings, 1 info")
    assert "severity" in lines[2] and "message" in lines[2] and "quote" in lines[2]
    assert "unsupported-recommendation" in text
    assert "'should abstain' (brief, 9–23)" in text
    assert "ArgumentMap" not in text  # a table, not a repr
    clean = ValidationReport([], rules=("a",), subject="map 'x'")
    assert str(clean) == "map 'x': no problems found (1 rule checked)"


def test_report_text_is_cut_at_max_rows() -> None:
    findings = [Finding("r", "warning", f"message {i}", (NodeRef(f"n{i:02}"),))
                for i in range(30)]
    text = ValidationReport(findings).to_text(max_rows=10)
    assert "message 9" in text and "message 10" not in text
    assert "... and 20 more" in text


def test_report_html_is_escaped() -> None:
    html = validate(small_map())._repr_html_()
    assert html.startswith('<div class="argmap-validation">')
    assert "<table>" in html and "unsupported-recommendation" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "✘" in html
    assert "✔" in ValidationReport([])._repr_html_()


# ---------------------------------------------------------------- options


def test_rules_and_disable_take_ids_and_categories() -> None:
    m = small_map()
    assert {f.rule for f in validate(m, rules="hygiene")} == {"orphan-node"}
    assert {f.rule for f in validate(m, rules=["orphan-node", "grounding"])} == {
        "orphan-node", "unsupported-recommendation", "unanchored-statement"}
    assert {f.rule for f in validate(m, disable=["grounding"])} == {"orphan-node"}
    assert list(validate(m, disable=["grounding", "orphan-node"])) == []
    assert validate(m, rules=[]).rules == ()


def test_severities_change_rules_and_categories() -> None:
    m = small_map()
    report = validate(m, severities={"unsupported-recommendation": "warning"})
    assert report.ok
    report = validate(m, severities={"hygiene": "error", "grounding": "info"})
    assert {f.severity for f in report.filter(rule="orphan-node")} == {"error"}
    assert {f.severity for f in report.filter(rule="unsupported-recommendation")} == {"info"}
    # a rule named on its own wins over its category
    report = validate(m, severities={"grounding": "info", "unanchored-statement": "error"})
    assert {f.severity for f in report.filter(rule="unanchored-statement")} == {"error"}


def test_unknown_rules_and_severities_are_refused() -> None:
    m = small_map()
    with pytest.raises(RuleError, match="no rule or category 'orphan'"):
        validate(m, disable=["orphan"])
    with pytest.raises(RuleError, match="no rule or category"):
        validate(m, rules="nonsense")
    with pytest.raises(RuleError, match="severity 'fatal'"):
        validate(m, severities={"orphan-node": "fatal"})
    assert issubclass(RuleError, ArgmapError) and issubclass(RuleError, ValueError)


def test_extra_rules_are_plain_functions() -> None:
    m = small_map()

    def no_html(m: ArgumentMap):  # type: ignore[no-untyped-def]
        for s in m.statements():
            if "<" in s.text:
                yield Finding.of(m, "no-html", "This statement holds HTML.", s,
                                 severity="error")

    report = validate(m, rules=[], extra_rules=[no_html])
    (f,) = report
    assert (f.rule, f.severity, f.node_ids) == ("no-html", "error", ("loose",))
    assert report.rules == ("no_html",)
    # severities and disable apply to user rules too
    assert validate(m, rules=[], extra_rules=[no_html], severities={"no-html": "info"}).ok
    assert list(validate(m, rules=[], extra_rules=[no_html], disable=["no-html"])) == []


def test_extra_rules_must_yield_findings() -> None:
    with pytest.raises(RuleError, match="not a Finding"):
        validate(small_map(), extra_rules=[lambda m: ["oops"]])
    with pytest.raises(RuleError, match="not a function"):
        validate(small_map(), extra_rules=["oops"])  # type: ignore[list-item]


def test_finding_of_builds_node_refs_and_quotes() -> None:
    m = small_map()
    f = Finding.of(m, "r", "msg", "abstain", "russia", severity="info")
    assert f.node_ids == ("abstain", "russia")
    assert f.quote == "should abstain"
    assert f.node is not None and f.node.kind == "recommendation"
    with pytest.raises(RuleError):
        Finding.of(m, "r", "msg", "abstain", severity="bad")  # type: ignore[arg-type]
    assert Finding("r", "error", "m").where() == ""


# ---------------------------------------------------------------- inputs


def test_inputs_map_graph_path_text(tmp_path: Path) -> None:
    m = small_map()
    expected = {(f.rule, f.node_ids) for f in validate(m)}
    graph = argmap.to_rdflib(m)
    assert isinstance(graph, rdflib.Graph)
    assert {(f.rule, f.node_ids) for f in validate(graph)} == expected
    for fmt, name in [("turtle", "m.ttl"), ("nt", "m.nt"), ("jsonld", "m.jsonld"),
                      ("trig", "m.trig"), ("nquads", "m.nq"), ("xml", "m.rdf")]:
        path = tmp_path / name
        argmap.dump(m, path, fmt)
        assert {(f.rule, f.node_ids) for f in validate(path)} == expected, fmt
        assert {(f.rule, f.node_ids) for f in validate(str(path))} == expected, fmt
        assert validate(path).subject == name
    assert {(f.rule, f.node_ids) for f in validate(argmap.dumps(m, "turtle"))} == expected
    assert {(f.rule, f.node_ids) for f in validate(argmap.dumps(m, "nt"))} == expected
    assert {(f.rule, f.node_ids) for f in validate(argmap.dumps(m, "jsonld"))} == expected
    text = argmap.dumps(m, "nquads").encode()
    assert {(f.rule, f.node_ids) for f in validate(text)} == expected


def test_non_rdf_formats_are_loaded_as_maps(tmp_path: Path) -> None:
    m = small_map()
    writable = [f for f in argmap.formats()
                if f.dumps is not None and f.loads is not None
                and f.name not in ("turtle", "nt", "jsonld", "trig", "nquads", "xml")]
    assert writable, "no non-RDF format that both reads and writes is registered"
    for fmt in writable:
        path = tmp_path / f"m.{fmt.extensions[0]}"
        argmap.dump(m, path, fmt.name)
        report = validate(path)
        assert report.map is not None, fmt.name
        assert report.map == argmap.load(path, fmt.name), fmt.name


def test_unreadable_input_raises(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no such file"):
        validate(tmp_path / "missing.ttl")
    with pytest.raises(ParseError, match="folder"):
        validate(tmp_path)
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix am: <x> . this is not turtle", encoding="utf-8")
    with pytest.raises(ParseError) as exc:
        validate(bad)
    assert exc.value.file == str(bad)
    with pytest.raises(ParseError):
        validate("<a> <b> .\nnot rdf at all")
    with pytest.raises(ParseError, match="remote context"):
        validate('{"@context": "https://example.org/ctx.jsonld", "@id": "x"}')
    with pytest.raises(FormatError):
        validate("<a> <b> <c> .", format="no-such-format")
    with pytest.raises(TypeError):
        validate(42)


def test_rdf_structural_findings_do_not_need_a_loadable_map() -> None:
    ttl = RULES["argument-without-conclusion"].example
    report = validate(ttl)
    assert report.map is None
    assert {f.rule for f in report} == {"argument-without-conclusion", "not-loadable"}
