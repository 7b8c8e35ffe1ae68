"""The scheme catalogue: it loads, validates with SHACL, round-trips through RDF, takes
users' schemes, and resolves the scheme names of the shared AIF corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from conftest import SHARED
from rdflib.compare import isomorphic

import argmap
from argmap.schemes import (
    CriticalQuestion,
    PremiseRole,
    SchemeCatalogue,
    default_catalogue,
    normalize_scheme_name,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMES_TTL = ROOT / "argmap" / "data" / "schemes.ttl"
REQUIRED = [
    "practical reasoning", "argument from alternatives", "argument from expert opinion",
    "argument from positive consequences", "argument from negative consequences",
    "argument from analogy", "argument from example", "argument from values",
    "argument from cause to effect", "argument from sign", "argument from popular opinion",
]
AIF_FILES = sorted((SHARED / "corpora" / "aif").glob("*/*.json"))


def test_catalogue_loads_with_every_required_scheme() -> None:
    cat = default_catalogue()
    for name in REQUIRED:
        scheme = cat.resolve(name)
        assert scheme is not None, name
        assert scheme.questions, name
        assert scheme.premises, name
    # every question is typed, and an undermining names a premise role of its scheme
    for scheme in cat:
        roles = {r.key for r in scheme.premises}
        for q in scheme.questions:
            assert q.answer in ("rebut", "undermine", "undercut")
            assert q.scheme == scheme.key
            if q.answer == "undermine":
                assert q.premise in roles, q.id


def test_catalogue_validates_with_shacl() -> None:
    pyshacl = pytest.importorskip("pyshacl", reason="pip install pyshacl (the 'shacl' extra)")
    from argmap.validate.shacl import ontology_graph, shapes_graph

    data = rdflib.Graph().parse(SCHEMES_TTL)
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none"
    )
    assert conforms, text


def test_shacl_refuses_a_broken_catalogue() -> None:
    pyshacl = pytest.importorskip("pyshacl", reason="pip install pyshacl (the 'shacl' extra)")
    from argmap.validate.shacl import ontology_graph, shapes_graph

    bad = """
@prefix am: <https://w3id.org/argmap/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:s> a am:Scheme ; am:key "Bad Key" ; rdfs:label "x" ; am:criticalQuestion <urn:q> .
<urn:q> a am:CriticalQuestion ; am:key "q" ; am:answerType am:Asserts .
"""
    conforms, _, _ = pyshacl.validate(
        rdflib.Graph().parse(data=bad, format="turtle"),
        shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
    )
    assert not conforms


def test_catalogue_round_trips_through_rdf() -> None:
    cat = default_catalogue()
    g = cat.to_graph()
    assert isomorphic(g, rdflib.Graph().parse(SCHEMES_TTL))
    again = SchemeCatalogue.from_graph(rdflib.Graph().parse(data=g.serialize(format="turtle")))
    assert list(again) == list(cat)


def test_catalogue_uses_only_declared_terms() -> None:
    from argmap.namespace import NS

    onto = rdflib.Graph().parse(ROOT / "ontology" / "argmap.ttl")
    declared = set(onto.subjects())
    for triple in rdflib.Graph().parse(SCHEMES_TTL):
        for term in triple:
            if isinstance(term, rdflib.URIRef) and str(term).startswith(NS):
                assert term in declared, term


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Argument from Expert Opinion", "expert-opinion"),
        ("appeal to expert opinion", "expert-opinion"),
        ("ExpertOpinion", "expert-opinion"),
        ("PRACTICAL_REASONING", "practical-reasoning"),
        ("VerbalClassification", "verbal-classification"),
        ("Example", "example"),
        ("Default Inference", "default-inference"),
        ("AlternativesArgument", "alternatives"),
        ("argument from negative consequences", "negative-consequences"),
        ("argument from consequences", "consequences"),
        ("cause to effect", "cause-to-effect"),
        ("  argument   from  sign ", "sign"),
        ("from consequences", "consequences"),
    ],
)
def test_resolve_spelling_variants(name: str, key: str) -> None:
    scheme = default_catalogue().resolve(name)
    assert scheme is not None and scheme.key == key


def test_unknown_scheme_raises_named_error() -> None:
    with pytest.raises(argmap.UnknownScheme, match="no scheme"):
        default_catalogue()["argument from astrology"]
    assert default_catalogue().resolve("argument from astrology") is None


def test_normalize() -> None:
    assert normalize_scheme_name("Argument_from-Analogy") == "analogy"
    assert normalize_scheme_name("the sign scheme") == "sign"


YAML = """
schemes:
  - key: precedent
    label: argument from precedent
    aliases: [PrecedentArgument, from past cases]
    premises:
      - {key: case, label: precedent case}
    questions:
      - {key: differs, text: "Does this case differ from the precedent?", answer: undercut}
      - {key: decided, text: "Was the precedent really decided so?", answer: undermine,
         premise: case}
"""
TOML = """
[[schemes]]
key = "precedent"
label = "argument from precedent"
aliases = ["PrecedentArgument", "from past cases"]
premises = [{key = "case", label = "precedent case"}]

[[schemes.questions]]
key = "differs"
text = "Does this case differ from the precedent?"
answer = "undercut"

[[schemes.questions]]
key = "decided"
text = "Was the precedent really decided so?"
answer = "undermine"
premise = "case"
"""


@pytest.mark.parametrize("fmt", ["yaml", "toml", "turtle"])
def test_user_schemes_from_files(tmp_path: Path, fmt: str) -> None:
    base = default_catalogue()
    if fmt == "turtle":
        text = SchemeCatalogue.loads(SchemeCatalogue(), YAML, format="yaml").to_graph()
        path = tmp_path / "mine.ttl"
        path.write_text(text.serialize(format="turtle"), encoding="utf-8")
    else:
        path = tmp_path / f"mine.{fmt}"
        path.write_text(YAML if fmt == "yaml" else TOML, encoding="utf-8")
    cat = base.load(path)
    scheme = cat.resolve("Precedent")
    assert scheme is not None and scheme.key == "precedent"
    assert cat.resolve("from past cases") is scheme
    assert {q.id for q in scheme.questions} == {"precedent.differs", "precedent.decided"}
    assert scheme.question("decided") == CriticalQuestion(
        "precedent", "decided", "Was the precedent really decided so?", "undermine", "case"
    )
    assert scheme.premises == (PremiseRole("case", "precedent case"),)
    assert base.resolve("Precedent") is None  # the base catalogue is untouched
    assert len(cat) == len(base) + 1


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("schemes: [{key: x, label: y, colour: red}]", "colour"),
        ("schemes: [{key: Bad Key, label: y}]", "lower-case"),
        ("schemes: [{key: x, label: y, questions: [{key: q, text: t, answer: maybe}]}]",
         "answer"),
        ("schemes: [{key: x, label: y, questions: [{key: q, text: t, answer: undermine,"
         " premise: nope}]}]", "nope"),
        ("schemes: [{key: x, label: argument from analogy}]", "already belongs"),
        ("schemes: [{key: analogy, label: y}]", "already in the catalogue"),
        ("schemes: [", "not valid YAML"),
    ],
)
def test_bad_scheme_files_are_refused_by_name(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    base = default_catalogue()
    before = list(base)
    with pytest.raises(argmap.SchemeError, match=match) as info:
        base.load(path)
    assert "bad.yaml" in str(info.value)
    assert list(base) == before


def test_replace_a_scheme() -> None:
    cat = default_catalogue().loads(
        "schemes: [{key: analogy, label: argument from analogy}]", format="yaml", replace=True
    )
    assert cat["analogy"].questions == ()


def _raw_ra_names(path: Path) -> list[str]:
    """The scheme names RA-nodes carry in one AIF file (``scheme`` key, else a text that
    is not the generic ``RA``)."""
    nodes = json.loads(path.read_text(encoding="utf-8"))["nodes"]
    names = {
        n.get("scheme") or n.get("text") for n in nodes if n.get("type") == "RA"
    } - {None, "RA", ""}
    return sorted(str(x) for x in names)


# What the shared AIF files call their inference schemes, and which of those names the
# catalogue does not map (every one maps: VerbalClassification, Example and Default
# Inference have entries or aliases).
EXPECTED_AIF = {
    "araucaria/nodeset545.json": (["VerbalClassification"], []),
    "araucaria/nodeset70.json": ([], []),
    "dialam2024/test_map10.json": (["Default Inference"], []),
    "iac/nodeset8354.json": (["Default Inference"], []),
    "qt30/nodeset21459.json": (["Default Inference"], []),
    "us2016/nodeset10401.json": (["Example"], []),
    "us2016/nodeset10860.json": (["Default Inference"], []),
}


@pytest.mark.skipif(not AIF_FILES, reason="the shared AIF corpora are not here")
def test_every_shared_aif_file_maps_onto_the_catalogue() -> None:
    cat = default_catalogue()
    found = {}
    for path in AIF_FILES:
        names = _raw_ra_names(path)
        loaded = {a.scheme for a in argmap.load(path).arguments() if a.scheme}
        assert loaded <= set(names)
        found[f"{path.parent.name}/{path.name}"] = (
            names, [n for n in names if cat.resolve(n) is None]
        )
    assert found == EXPECTED_AIF


def test_the_schemes_page_lists_every_catalogue_scheme_and_question() -> None:
    page = (ROOT / "docs" / "schemes.md").read_text(encoding="utf-8")
    for scheme in default_catalogue():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{scheme.key}` |"))
        for q in scheme.questions:
            assert f"`{q.key}` ({q.answer}" in row, q.id


def test_the_schemes_page_yaml_example_loads() -> None:
    page = (ROOT / "docs" / "schemes.md").read_text(encoding="utf-8")
    block = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    cat = default_catalogue().loads(block, format="yaml", where="docs/schemes.md")
    assert {q.id for q in cat["precedent"].questions} == {"precedent.decided", "precedent.differs"}
