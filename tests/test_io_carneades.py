"""Carneades 4 YAML and CAF 1.3: the shared corpora, round trips, detection, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import LimitExceeded, ParseError
from argmap.io.registry import guess
from argmap.semantics.carneades import carneades
from argmap.semantics.carneades_caf import caf_to_map
from argmap.semantics.carneades_yaml import carneades_to_map

DATA = Path(__file__).parent / "data" / "carneades"
CAF = DATA / "consultation.caf.xml"
CORPUS = ("mcda-porsche.yml", "risky-operation.yml", "vacation.yml")
runner = CliRunner()


def corpus_file(shared: Path, name: str) -> Path:
    path = shared / "corpora" / "carneades" / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


# --- the shared corpus -------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS)
def test_every_label_of_the_file_s_tests_section_agrees(shared_dir: Path, name: str) -> None:
    path = corpus_file(shared_dir, name)
    expected = yaml.safe_load(path.read_text("utf-8"))["tests"]
    result = runner.invoke(app, ["accept", str(path), "--semantics", "carneades", "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["semantics"] == "carneades" and set(out) == {"semantics", "labels"}
    checked = 0
    for key, label in (("in", "IN"), ("out", "OUT"), ("undecided", "UNDEC")):
        for sid in expected.get(key) or []:
            assert out["labels"][sid] == label, sid
            checked += 1
    assert checked == sum(len(v or []) for v in expected.values())


@pytest.mark.parametrize("name", CORPUS)
def test_the_corpus_round_trips_through_yaml_and_rdf(shared_dir: Path, name: str) -> None:
    m = argmap.load(corpus_file(shared_dir, name))
    labels = carneades(m).labels
    for fmt in ("carneades", "turtle", "xml", "jsonld"):
        back = argmap.loads(argmap.dumps(m, fmt), fmt)
        assert back == m, fmt
        assert carneades(back).labels == labels, fmt


def test_unicode_ids_and_statements_are_kept(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "risky-operation.yml"))
    ids = {c.data["carneades"]["id"]: c for c in m.claims()}
    assert ids["¬riskyOperation"].text == "¬risky operation"
    issue = next(i for i in m.issues() if i.data["carneades"]["id"] == "i2")
    assert issue.data["carneades"]["positions"] == ["riskyOperation", "¬riskyOperation"]
    assert set(m.statements_about(issue.id)) == {
        ids["riskyOperation"].id,
        ids["¬riskyOperation"].id,
    }
    assert "¬riskyOperation:" in argmap.dumps(m, "carneades")


def test_schemes_and_criteria_survive_rdf(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "mcda-porsche.yml"))
    back = argmap.loads(argmap.dumps(m, "nt"), "nt")
    (src,) = [s for s in back.sources() if "carneades" in s.data]
    schemes = src.data["carneades"]["document"]["argument_schemes"]
    assert schemes[0]["weight"] == {"constant": 0.8}
    assert schemes[2]["weight"]["criteria"]["soft"]["safety"]["factor"] == 4
    assert str(carneades(back).labels["buy(volvo)"]) == "IN"


# --- YAML: reading, writing, refusing ------------------------------------------------------

SMALL = """\
meta: {title: Small}
statements:
  p: P.
  q: {text: Q., meta: {by: me}}
  r: R.
issues:
  i1: {positions: [q, r], standard: BRD}
arguments:
  a1: {conclusion: q, premises: {minor: p}, weight: 0.9}
  a2: {conclusion: r, premises: [p], scheme: cumulative}
assumptions: [p]
"""


def test_yaml_fields_are_mapped_and_written_back() -> None:
    m = argmap.loads(SMALL, "carneades")
    a1 = m["a1"]
    assert a1.premises == ("p",) and a1.conclusion == "q"
    assert a1.data["carneades"]["roles"] == ["minor"]
    assert m["a2"].scheme == "cumulative"
    assert m["q"].data["carneades"]["meta"] == {"by": "me"}
    issue = next(iter(m.issues()))
    assert issue.data["carneades"]["standard"] == "BRD"
    again = yaml.safe_load(argmap.dumps(m, "carneades"))
    assert again == yaml.safe_load(SMALL)


def test_an_unsafe_tag_is_a_located_error() -> None:
    bad = "statements:\n  p: !!python/object/apply:os.system ['true']\n"
    with pytest.raises(ParseError) as info:
        argmap.loads(bad, "carneades")
    assert info.value.line == 2


def test_a_recursive_alias_is_a_located_cycle() -> None:
    bad = "statements: {p: P.}\nmeta: &m\n  self: *m\n"
    with pytest.raises(ParseError, match="cycle") as info:
        argmap.loads(bad, "carneades")
    assert info.value.line == 2  # where the anchored value starts


def test_an_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1},"
        f" *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 9)
    ]
    with pytest.raises(LimitExceeded):
        argmap.loads("\n".join(lines) + "\nstatements: {p: P.}\n", "carneades")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("statements: {p: P.}\nissues:\n  i1: {positions: [p, x]}\n", 3, "'x' is not a statement"),
        ("statements: {p: P.}\narguments:\n  a: {conclusion: p, premises: [p]}\n", 3, "cycle"),
        (
            "statements: {p: P., q: Q.}\narguments:\n  a: {conclusion: q, premises: [z]}\n",
            3,
            "'z' is not a statement",
        ),
        (
            "statements: {p: P., q: Q.}\narguments:\n  a: {conclusion: q, premises: [p],"
            " scheme: nope}\n",
            3,
            "scheme 'nope'",
        ),
        (
            "statements: {p: P., q: Q.}\narguments:\n  a: {conclusion: q, premises: [p],"
            " undercutter: u}\n",
            3,
            "undercutter 'u'",
        ),
        (
            "statements: {p: P., q: Q.}\nissues:\n  i: {positions: [p, q], standard: XX}\n",
            3,
            "proof standard",
        ),
        ("statements: {p: P.}\nassumptions: [nope]\n", 2, "'nope' is not a statement"),
        ("statements: {p: P.}\ntests: {in: [nope]}\n", 2, "'nope' is not a statement"),
        (
            "statements:\n  p: P.\n  q: Q.\nissues:\n  i: {positions: [p, q]}\n"
            "  j: {positions: [q, p]}\n",
            6,
            "already a position",
        ),
    ],
)
def test_bad_references_are_located_errors(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        argmap.loads(text, "carneades")
    assert info.value.line == line


def test_lenient_reading_reports_every_problem_and_keeps_the_rest() -> None:
    text = (
        "statements: {p: P., q: Q.}\n"
        "arguments:\n"
        "  good: {conclusion: q, premises: [p]}\n"
        "  bad1: {conclusion: x, premises: [p]}\n"
        "  bad2: {conclusion: q, premises: [q]}\n"
    )
    m, report = carneades_to_map(text, filename="g.yml", lenient=True)
    assert [a.id for a in m.arguments()] == ["good"]
    assert [(p.node, p.line) for p in report] == [("bad1", 4), ("bad2", 5)]
    assert all(p.file == "g.yml" for p in report)


def test_an_argument_without_premises_is_kept_and_evaluated() -> None:
    m, report = carneades_to_map(
        "statements: {p: P.}\narguments:\n  a: {conclusion: p}\n", lenient=True
    )
    assert report.ok and report.notes
    assert str(carneades(m).labels["p"]) == "IN"
    assert yaml.safe_load(argmap.dumps(m, "carneades"))["arguments"] == {"a": {"conclusion": "p"}}


def test_not_utf8_and_not_a_mapping() -> None:
    with pytest.raises(ParseError, match="UTF-8"):
        argmap.loads(b"statements: {p: \xff}", "carneades")
    with pytest.raises(ParseError, match="mapping"):
        argmap.loads("- a\n- b\n", "carneades")


def test_detection_of_carneades_yaml(tmp_path: Path) -> None:
    path = tmp_path / "graph.yaml"
    path.write_text(SMALL, "utf-8")
    assert guess(path, SMALL.encode()).name == "carneades"
    assert guess(None, SMALL.encode()).name == "carneades"
    assert argmap.load(path) == argmap.loads(SMALL, "carneades")


def test_a_native_map_writes_as_carneades_yaml() -> None:
    m = argmap.ArgumentMap("n")
    p = m.claim("P.", id="p")
    m.argue([p], m.recommendation("Do R.", id="r"), id="a", data={"weight": 0.4})
    doc = yaml.safe_load(argmap.dumps(m, "carneades"))
    assert doc["statements"] == {"p": "P.", "r": "Do R."}
    assert doc["arguments"]["a"]["weight"] == 0.4
    assert doc["assumptions"] == ["p"]
    back = argmap.loads(argmap.dumps(m, "carneades"), "carneades")
    assert carneades(back).labels == carneades(m).labels


# --- CAF ---------------------------------------------------------------------------------


def test_caf_statements_arguments_and_stakeholders() -> None:
    m = argmap.load(CAF)
    assert m.title == "Consultation on a levy on single-use cups"
    levy = m["levy"]
    assert levy.data["carneades"]["standard"] == "PE"
    assert levy.data["carneades"]["descriptions"]["de"].startswith("Die Stadt")
    assert {a.text for a in m.actors()} == {
        "Green Streets Association",
        "Cafe Owners Guild",
        "Chamber of Commerce",
    }
    by = {(m[s.actor].text, s.role, s.target) for s in m.stances()}
    assert ("Green Streets Association", "endorses", "levy") in by
    assert ("Chamber of Commerce", "asserts", "poll") in by
    costs = m["a-costs"]
    assert costs.data["carneades"]["pro"] == "false" and costs.data["carneades"]["weight"] == 0.4
    assert m[costs.conclusion].data["carneades"]["id"] == "¬levy"
    negated = [m[p].data["carneades"]["id"] for p in costs.premises]
    assert sorted(negated) == ["cafe-costs", "¬reusable-cheap"]
    assert m["a-litter"].scheme == "http://carneades.github.io/schemes#practical-reasoning"
    ref = next(s for s in m.sources() if s.id == "waste2012")
    assert ref.data["carneades"]["reference"]["publisher"] == "City council"


def test_caf_weights_and_standards_decide_the_main_issue() -> None:
    m = argmap.load(CAF)
    labels = {k: str(v) for k, v in carneades(m).labels.items()}
    assert labels["levy"] == "IN" and labels["¬levy"] == "OUT"  # 0.8 against 0.4
    assert labels["¬reusable-cheap"] == "IN" and labels["¬poll"] == "IN"  # weights < 0.5
    assert str(carneades(m, standard="CCE").labels["levy"]) == "OUT"  # margin 0.4


def test_caf_round_trips_through_caf_and_rdf() -> None:
    m = argmap.load(CAF)
    labels = carneades(m).labels
    for fmt in ("caf", "turtle", "xml"):
        back = argmap.loads(argmap.dumps(m, fmt), fmt)
        assert back == m, fmt
        assert carneades(back).labels == labels


def test_caf_is_told_from_rdf_xml(tmp_path: Path) -> None:
    caf = tmp_path / "consultation.xml"
    caf.write_bytes(CAF.read_bytes())
    assert guess(caf, CAF.read_bytes()[:4096]).name == "caf"
    m = argmap.ArgumentMap("r")
    m.claim("A claim.", id="c")
    rdf = tmp_path / "map.xml"
    rdf.write_text(argmap.dumps(m, "xml"), "utf-8")
    assert guess(rdf, rdf.read_bytes()[:4096]).name == "xml"
    assert argmap.load(rdf) == m
    assert argmap.load(caf) == argmap.load(CAF)


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            b"<caf><statements><statement id='s'/></statements><arguments>"
            b"<argument id='a'><conclusion statement='s'/><premises>"
            b"<premise statement='t'/></premises></argument></arguments></caf>",
            "premise 't' is not a statement",
        ),
        (b"<caf><statements><statement id='s' weight='2'/></statements></caf>", "weight"),
        (b"<caf><statements><statement id='s' standard='XX'/></statements></caf>", "standard"),
        (
            b"<caf><statements><statement id='s'/><statement id='t'/></statements><arguments>"
            b"<argument id='a' pro='maybe'><conclusion statement='s'/></argument></arguments></caf>",
            "boolean",
        ),
        (
            b"<caf><statements><statement id='s'/></statements><arguments>"
            b"<argument id='a'><conclusion statement='s'/><premises>"
            b"<premise statement='s'/></premises></argument></arguments></caf>",
            "cycle",
        ),
        (b'<!DOCTYPE caf [<!ENTITY x "y">]><caf/>', "entity"),
        (b"<caf><statements>", "well-formed"),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>", "not CAF"),
    ],
)
def test_bad_caf_is_a_located_error(xml: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        argmap.loads(xml, "caf")


def test_lenient_caf_reports_and_keeps_the_rest() -> None:
    xml = (
        b"<caf><statements><statement id='s'/><statement id='t'/></statements>\n<arguments>"
        b"<argument id='good'><conclusion statement='s'/><premises>"
        b"<premise statement='t'/></premises></argument>\n"
        b"<argument id='bad'><conclusion statement='x'/></argument></arguments></caf>"
    )
    m, report = caf_to_map(xml, filename="c.xml", lenient=True)
    assert [a.id for a in m.arguments()] == ["good"]
    assert [(p.node, p.line) for p in report] == [("bad", 3)]
