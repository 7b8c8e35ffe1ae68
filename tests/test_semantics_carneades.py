"""Carneades evaluation: the definitions, the proof standards, maps, and their properties."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import SemanticsError
from argmap.semantics._carneades_graph import (
    STANDARDS,
    CArgument,
    CarneadesGraph,
    CIssue,
    Weighing,
    evaluate,
    greater,
)
from argmap.semantics.carneades import carneades, explain_standards, standards_of
from argmap.semantics.labelling import Label

from strategies import carneades_graphs

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC
runner = CliRunner()


def _graph(statements: str, assumed: str = "") -> CarneadesGraph:
    g = CarneadesGraph()
    for s in statements.split():
        g.add_statement(s)
    g.assumptions |= set(assumed.split())
    return g


# --- the definitions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("standard", "w1", "w2", "expected"),
    [
        ("PE", 0.51, 0.5, True),
        ("PE", 0.5, 0.5, False),
        ("CCE", 0.9, 0.41, False),  # margin 0.49
        ("CCE", 0.9, 0.39, True),
        ("BRD", 0.9, 0.35, False),  # margin 0.55 but the rival is not below 0.3
        ("BRD", 0.9, 0.29, True),
        ("DV", 0.1, 0.0, True),
        ("DV", 1.0, 0.01, False),
    ],
)
def test_proof_standards_compare_the_best_weights(
    standard: str, w1: float, w2: float, expected: bool
) -> None:
    assert greater(standard, w1, w2) is expected


def test_an_unknown_standard_is_refused() -> None:
    g = _graph("p q")
    g.issues["i"] = CIssue("i", ["p", "q"], "XX")
    with pytest.raises(SemanticsError, match="XX"):
        evaluate(g)


def test_weighing_functions() -> None:
    g = _graph("p q r c1 c2 c3 c4", assumed="p q")
    g.add_argument(CArgument("lin", "c1", ("p", "r")))
    g.add_argument(CArgument("con", "c2", ("p", "r"), Weighing("convergent")))
    g.add_argument(CArgument("cum", "c3", ("p", "q", "r"), Weighing("cumulative")))
    g.add_argument(CArgument("k", "c4", ("p", "q"), Weighing("constant", constant=0.3)))
    res = evaluate(g)
    assert res["r"] is OUT  # no argument, not assumed
    assert (res["c1"], res["c2"], res["c3"], res["c4"]) == (OUT, IN, IN, IN)
    from argmap.semantics._carneades_graph import weights

    assert weights(g, res) == {"lin": 0.0, "con": 1.0, "cum": pytest.approx(2 / 3), "k": 0.3}


def test_an_undercutter_that_is_in_takes_the_argument_s_weight() -> None:
    g = _graph("p c u", assumed="p u")
    g.add_argument(CArgument("a", "c", ("p",), undercutter="u"))
    assert evaluate(g)["c"] is OUT
    g.assumptions.discard("u")
    assert evaluate(g)["c"] is IN


def test_a_support_loop_stays_undecided() -> None:
    g = _graph("p q")
    g.add_argument(CArgument("a", "p", ("q",)))
    g.add_argument(CArgument("b", "q", ("p",)))
    assert evaluate(g) == {"p": UNDEC, "q": UNDEC}


def test_a_tie_leaves_every_position_out() -> None:
    g = _graph("e1 e2 a b", assumed="e1 e2")
    g.add_argument(CArgument("x", "a", ("e1",)))
    g.add_argument(CArgument("y", "b", ("e2",)))
    g.issues["i"] = CIssue("i", ["a", "b"])
    assert (evaluate(g)["a"], evaluate(g)["b"]) == (OUT, OUT)


def test_an_assumed_position_makes_the_others_out() -> None:
    g = _graph("e a b", assumed="e a")
    g.add_argument(CArgument("y", "b", ("e",)))
    g.issues["i"] = CIssue("i", ["a", "b"])
    assert (evaluate(g)["a"], evaluate(g)["b"]) == (IN, OUT)


def test_criteria_weighing_reads_values_from_premises_and_resolved_issues() -> None:
    g = _graph("price(x,low) speed(x,fast) speed(x,slow) buy(x) e", assumed="price(x,low) e")
    g.add_argument(CArgument("s", "speed(x,fast)", ("e",)))
    g.issues["sp"] = CIssue("sp", ["speed(x,fast)", "speed(x,slow)"])
    soft = (("price", 1.0, (("low", 1.0),)), ("speed", 3.0, (("fast", 0.5), ("slow", 0.0))))
    g.add_argument(
        CArgument("b", "buy(x)", ("price(x,low)", "speed(x,slow)"), Weighing("criteria", soft=soft))
    )
    from argmap.semantics._carneades_graph import weights

    res = evaluate(g)
    assert res["speed(x,fast)"] is IN
    # speed(x,slow) is OUT, so the value comes from the issue's IN position: fast
    assert weights(g, res)["b"] == pytest.approx(0.25 * 1.0 + 0.75 * 0.5)


# --- maps ----------------------------------------------------------------------------------


def _brief(pro: float, con: float) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("brief")
    r = m.recommendation("Abstain from the vote.", id="abstain")
    m.argue(
        [m.evidence("The text lacks safeguards.", id="gaps")], r, id="why", data={"weight": pro}
    )
    m.attack(
        m.claim("The treaty helps fight crime.", id="helps"), r, id="but", data={"weight": con}
    )
    return m


def test_a_native_map_is_weighed_under_each_standard() -> None:
    labels = standards_of(_brief(0.9, 0.2), "abstain")
    assert labels == {"PE": IN, "CCE": IN, "BRD": IN, "DV": OUT}
    labels = standards_of(_brief(0.6, 0.5), "abstain")
    assert labels == {"PE": IN, "CCE": OUT, "BRD": OUT, "DV": OUT}
    assert standards_of(_brief(0.4, 0.5), "abstain")["PE"] is OUT


def test_user_weights_override_the_map_and_standards_apply_per_statement() -> None:
    m = _brief(0.9, 0.2)
    res = carneades(m, weights={"why": 0.1})
    assert res.labels["abstain"] is OUT and res.labels["¬abstain"] is IN
    res = carneades(m, standards={"abstain": "DV"})
    assert res.labels["abstain"] is OUT
    with pytest.raises(SemanticsError, match=r"0\.0 to 1\.0"):
        carneades(m, weights={"why": 2.0})
    with pytest.raises(SemanticsError, match="proof standard"):
        carneades(m, standard="MAYBE")


def test_an_undercut_on_a_native_map() -> None:
    m = _brief(0.9, 0.2)
    m.attack(m.claim("The safeguards are in annex 2.", id="annex"), "why", id="cut")
    res = carneades(m)
    assert res.labels["undercut(why)"] is IN
    assert res.labels["abstain"] is OUT and res.labels["¬abstain"] is IN


def test_explain_standards_shows_weights_and_each_standard() -> None:
    text = explain_standards(_brief(0.6, 0.5), "abstain")
    assert "pro: why 0.60; con (¬abstain): but 0.50" in text
    assert [line.split()[:2] for line in text.splitlines()[2:]] == [
        ["PE", "IN"],
        ["CCE", "OUT"],
        ["BRD", "OUT"],
        ["DV", "OUT"],
    ]


# --- properties ----------------------------------------------------------------------------


def _constant_args(g: CarneadesGraph) -> list[str]:
    return [a.id for a in g.arguments.values() if a.weighing.kind == "constant"]


@settings(max_examples=150, deadline=None)
@given(carneades_graphs(), st.data())
def test_raising_a_pro_argument_s_weight_never_turns_its_conclusion_out(
    g: CarneadesGraph, data: st.DataObject
) -> None:
    candidates = _constant_args(g)
    if not candidates:
        return
    aid = data.draw(st.sampled_from(candidates))
    arg = g.arguments[aid]
    before = evaluate(g, standard="PE")[arg.conclusion]
    higher = data.draw(st.floats(arg.weighing.constant, 1.0))
    g.arguments[aid] = dataclasses.replace(
        arg, weighing=dataclasses.replace(arg.weighing, constant=higher)
    )
    after = evaluate(g, standard="PE")[arg.conclusion]
    assert not (before is IN and after is OUT)


@settings(max_examples=150, deadline=None)
@given(carneades_graphs(), st.data(), st.sampled_from(STANDARDS))
def test_more_evidence_never_hurts(g: CarneadesGraph, data: st.DataObject, std: str) -> None:
    """Adding a pro argument never turns its conclusion from IN to OUT (DV and the rest)."""
    order = list(g.statements)
    target = data.draw(st.sampled_from(order))
    earlier = order[: order.index(target)]
    issue = g.issue_of().get(target)
    if issue is not None:  # premises must come from blocks before the issue's
        earlier = order[: min(order.index(p) for p in issue.positions)]
    if not earlier:
        return
    before = evaluate(g, standard=std)[target]
    premise = data.draw(st.sampled_from(earlier))
    w = data.draw(st.floats(0.0, 1.0))
    g.add_argument(CArgument("new", target, (premise,), Weighing("constant", constant=w)))
    after = evaluate(g, standard=std)[target]
    assert not (before is IN and after is OUT)


@settings(max_examples=150, deadline=None)
@given(carneades_graphs())
def test_acyclic_graphs_decide_everything_and_issues_have_one_winner_at_most(
    g: CarneadesGraph,
) -> None:
    for std in (None, *STANDARDS):
        labels = evaluate(g, standard=std)
        assert UNDEC not in labels.values()
        for issue in g.issues.values():
            assert sum(labels[p] is IN for p in issue.positions) <= 1


@settings(max_examples=150, deadline=None)
@given(carneades_graphs(one_issue=True))
def test_the_standards_are_nested(g: CarneadesGraph) -> None:
    """BRD implies CCE implies PE, and DV implies PE, for the positions of an issue."""
    (issue,) = g.issues.values()
    by = {std: evaluate(g, standard=std) for std in STANDARDS}
    for p in issue.positions:
        if by["BRD"][p] is IN:
            assert by["CCE"][p] is IN
        if by["CCE"][p] is IN:
            assert by["PE"][p] is IN
        if by["DV"][p] is IN:
            assert by["PE"][p] is IN


def _to_yaml(g: CarneadesGraph) -> str:
    """A Carneades 4 YAML file for ``g`` (constant weights as schemes without conclusions)."""
    schemes = {}
    arguments = {}
    for a in g.arguments.values():
        entry: dict[str, object] = {"conclusion": a.conclusion, "premises": list(a.premises)}
        if a.weighing.kind == "constant":
            sid = f"w{round(a.weighing.constant * 100)}"
            schemes[sid] = {"id": sid, "weight": {"constant": a.weighing.constant}}
            entry["scheme"] = sid
        elif a.weighing.kind != "linked":
            entry["scheme"] = a.weighing.kind
        if a.undercutter:
            entry["undercutter"] = a.undercutter
        arguments[a.id] = entry
    doc = {
        "argument_schemes": list(schemes.values()),
        "statements": {s: f"Statement {s}." for s in g.statements},
        "issues": {
            i.id: {"positions": i.positions, "standard": i.standard} for i in g.issues.values()
        },
        "arguments": arguments,
        "assumptions": sorted(g.assumptions),
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@settings(max_examples=60, deadline=None)
@given(carneades_graphs())
def test_a_graph_read_from_yaml_and_through_rdf_is_labelled_as_the_engine_labels_it(
    g: CarneadesGraph,
) -> None:
    expected = {s: str(v) for s, v in evaluate(g).items()}
    m = argmap.loads(_to_yaml(g), "carneades")
    assert {s: str(v) for s, v in carneades(m).labels.items()} == expected
    back = argmap.loads(argmap.dumps(m, "turtle"), "turtle")
    assert back == m
    assert {s: str(v) for s, v in carneades(back).labels.items()} == expected


# --- explain and the command line ----------------------------------------------------------


def test_explain_adds_the_proof_standards_when_given_the_map() -> None:
    from argmap.query import trace

    m = _brief(0.6, 0.5)
    plain = argmap.explain(trace(m, "abstain"))
    assert "proof standards" not in plain
    text = argmap.explain(trace(m, "abstain"), standards=m, weights={"but": 0.0})
    assert text.startswith(plain)
    assert text.splitlines()[-4:] == [
        "  PE  IN    preponderance of the evidence",
        "  CCE IN    clear and convincing evidence (margin > 0.5)",
        "  BRD IN    beyond reasonable doubt (margin > 0.5, rival < 0.3)",
        "  DV  IN    dialectical validity (no rival argument weighs anything)",
    ]


def test_trace_cli_shows_standards_and_takes_weights(tmp_path: Path) -> None:
    path = tmp_path / "brief.ttl"
    argmap.dump(_brief(0.6, 0.5), path)
    out = runner.invoke(app, ["trace", str(path), "-r", "abstain", "--standards"])
    assert out.exit_code == 0, out.output
    assert "  CCE OUT" in out.stdout
    out = runner.invoke(app, ["trace", str(path), "-r", "abstain", "-w", "but=0.05"])
    assert out.exit_code == 0 and "  CCE IN" in out.stdout and "  BRD IN" in out.stdout
    bad = runner.invoke(app, ["trace", str(path), "-w", "but=lots"])
    assert bad.exit_code == 2 and "ID=W" in bad.output
    bad = runner.invoke(app, ["trace", str(path), "-r", "abstain", "-w", "but=3"])
    assert bad.exit_code != 0 and "0.0 to 1.0" in bad.output


def test_accept_cli_on_a_native_map_with_carneades(tmp_path: Path) -> None:
    path = tmp_path / "brief.ttl"
    argmap.dump(_brief(0.6, 0.5), path)
    out = runner.invoke(app, ["accept", str(path), "-s", "carneades", "-f", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["labels"]["abstain"] == "IN" and data["labels"]["¬abstain"] == "OUT"
    text = runner.invoke(app, ["accept", str(path), "-s", "carneades"]).stdout
    rows = [line.split(maxsplit=2) for line in text.splitlines()[2:]]
    assert ["IN", "abstain", "Abstain from the vote."] in rows
    assert ["OUT", "¬abstain", "not: Abstain from the vote."] in rows


# --- theories: schemes, exceptions, issue schemes, preference -------------------------------

THEORY = """\
language:
  bird/1: "%v is a bird."
  flies/1: "%v flies."
  penguin/1: "%v is a penguin."
argument_schemes:
  - id: birds_fly
    variables: [X]
    premises: [bird(X)]
    exceptions: [penguin(X)]
    conclusions: [flies(X)]
statements:
  bird(tweety): Tweety is a bird.
  bird(pingu): Pingu is a bird.
  penguin(pingu): Pingu is a penguin.
assumptions: [bird(tweety), bird(pingu), penguin(pingu)]
"""


def test_schemes_build_arguments_and_exceptions_undercut_them() -> None:
    res = carneades(argmap.loads(THEORY, "carneades"))
    assert res.labels["flies(tweety)"] is IN
    assert res.labels["flies(pingu)"] is OUT
    assert res.texts["flies(tweety)"] == "tweety flies."
    assert sum(1 for s in res.labels if s.startswith("undercut(")) == 4


def test_issue_schemes_without_an_enumeration_match_in_turn() -> None:
    text = THEORY + "issue_schemes:\n  fly: [flies(X), grounded(X)]\n"
    text = text.replace("statements:\n", "statements:\n  grounded(tweety): Tweety is grounded.\n")
    res = carneades(argmap.loads(text, "carneades"))
    # flies(tweety) and grounded(tweety) became one issue: one argument against none
    assert (res.labels["flies(tweety)"], res.labels["grounded(tweety)"]) == (IN, OUT)


def test_chr_guards_are_refused_with_the_scheme_named() -> None:
    text = "argument_schemes:\n  - id: g\n    premises: [p(X)]\n    guards: [X > 1]\n"
    text += "    conclusions: [q(X)]\nstatements: {p(2): P.}\n"
    with pytest.raises(argmap.ParseError, match="scheme 'g'"):
        argmap.loads(text, "carneades")


PREFERENCE = """\
weighing_functions:
  rank:
    preference:
      - property: level
        order: [municipal, national]    # weakest first
      - property: enacted
        order: ascending                # the later, the stronger
argument_schemes:
  - {id: national_old, meta: {level: national, enacted: 1990-01-01}, weight: rank}
  - {id: municipal_new, meta: {level: municipal, enacted: 2020-01-01}, weight: rank}
  - {id: municipal_old, meta: {level: municipal, enacted: 2001-01-01}, weight: rank}
statements: {ban: Ban it., allow: Allow it., e: E.}
issues: {i: {positions: [ban, allow]}}
arguments:
  a1: {scheme: national_old, conclusion: ban, premises: [e]}
  a2: {scheme: municipal_new, conclusion: allow, premises: [e]}
assumptions: [e]
"""


def test_preference_weighing_orders_by_scheme_properties() -> None:
    res = carneades(argmap.loads(PREFERENCE, "carneades"))
    assert (res.labels["ban"], res.labels["allow"]) == (IN, OUT)
    assert res.weights == {"a1": 1.0, "a2": 0.5}
    # among municipal laws, the later one wins
    text = PREFERENCE.replace("scheme: national_old", "scheme: municipal_old")
    res = carneades(argmap.loads(text, "carneades"))
    assert (res.labels["ban"], res.labels["allow"]) == (OUT, IN)
