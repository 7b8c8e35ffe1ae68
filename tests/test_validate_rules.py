"""Every rule: its documented example breaks it, and a clean near-miss map does not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap
from argmap.validate import RULES, ValidationReport, rules, validate
from argmap.validate._catalog import TURTLE_HEAD

ROOT = Path(__file__).resolve().parents[1]


def run_source(kind: str, source: str) -> ValidationReport:
    """Validate a catalogue-style example: Turtle text, or Python that builds ``m``."""
    if kind == "turtle":
        return validate(source)
    namespace: dict[str, object] = {"ArgumentMap": ArgumentMap, "argmap": argmap}
    exec(source, namespace)
    m = namespace["m"]
    assert isinstance(m, ArgumentMap)
    return validate(m)


def fired(report: ValidationReport) -> set[str]:
    return {f.rule for f in report}


# A map with every kind of node and relation, all well formed (the clean map for the
# structural rules): anchors with fitting offsets, a declared undercut, stances, abouts.
CLEAN_TTL = TURTLE_HEAD + """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
:chamber a am:Actor ; am:text "U.S. Chamber of Commerce" ; am:actorType am:Organisation .
:brief a am:Source ; am:text "The brief" ; am:author :chamber ; am:publisher :chamber .
:vote a am:Issue ; am:text "How should the U.S. vote?" .
:budapest a am:Alternative ; am:text "Budapest Convention" ; am:issue :vote .
:abstain a am:Recommendation ; am:text "The U.S. should abstain." ; am:anchor :q1 .
:flawed a am:Claim, schema:Claim ; am:text "The draft text is flawed." ; am:about :budapest .
:art35 a am:Evidence ; am:text "Article 35 is vague." ; am:source :brief ; am:anchor :q2 .
:laudable a am:Claim ; am:text "Its goals are laudable?" .
:a1 a am:Argument ; am:premise :flawed, :art35 ; am:conclusion :abstain .
:t1 a am:Attack ; am:attacker :laudable ; am:target :a1 ; am:attackType am:Undercut .
:t2 a am:Attack ; am:attacker :flawed ; am:target :laudable ; am:attackType am:Rebut .
:s1 a am:Stance ; am:actor :chamber ; am:role am:Asserts ; am:target :abstain .
:q1 a am:Anchor ; am:source :brief ; am:exact "should abstain" ; am:start 9 ; am:end 23 .
:q2 a am:Anchor ; am:source :brief ; am:exact "Article 35" .
"""

_CLEAN_PY = """\
m = ArgumentMap("x")
src = m.source("The brief", id="brief")
chamber = m.actor("U.S. Chamber of Commerce", type="organisation", id="chamber")
r = m.recommendation("The U.S. should abstain.", id="abstain")
c = m.claim("The draft text is flawed.", id="flawed")
e = m.evidence("Article 35 is vague.", id="art35", source=src)
m.argue([c], r)
m.argue([e], c)
m.stance(chamber, "asserts", r)
for node, quote, start in ((r, "abstain", 16), (c, "flawed", 5), (e, "Article 35", 30)):
    m.anchor(node, quote, source=src, start=start, end=start + len(quote))
"""

# rule id -> (kind, source) of a map that comes close to breaking the rule but does not.
CLEAN: dict[str, tuple[str, str]] = {
    "argument-without-premise": ("turtle", CLEAN_TTL),
    "argument-without-conclusion": ("turtle", CLEAN_TTL),
    "attack-without-attacker": ("turtle", CLEAN_TTL),
    "attack-without-target": ("turtle", CLEAN_TTL),
    "stance-incomplete": ("turtle", CLEAN_TTL),
    "dangling-reference": ("turtle", CLEAN_TTL),
    "wrong-kind": ("turtle", CLEAN_TTL),
    "stance-actor-not-actor": ("turtle", CLEAN_TTL),
    "too-many-values": ("turtle", CLEAN_TTL),  # two premises: am:premise may repeat
    "unknown-value": ("turtle", CLEAN_TTL),
    "missing-text": ("turtle", CLEAN_TTL),  # "Its goals are laudable?" ends in punctuation
    "two-kinds": ("turtle", CLEAN_TTL),  # am:Claim and schema:Claim: one argmap kind
    "anchor-source-missing": ("turtle", CLEAN_TTL),
    "anchor-without-quote": ("turtle", CLEAN_TTL),
    "anchor-offsets": ("turtle", CLEAN_TTL),  # fitting offsets, and no offsets at all
    "attack-type-mismatch": ("turtle", CLEAN_TTL),  # a declared undercut of an argument
    "not-loadable": ("turtle", CLEAN_TTL),
    "premise-is-conclusion": ("turtle", CLEAN_TTL),
    "self-attack": ("turtle", CLEAN_TTL),  # flawed attacks laudable, not itself
    "circular-support": ("python", """\
m = ArgumentMap("x")
a = m.claim("A holds.", id="a"); b = m.claim("B holds.", id="b"); c = m.claim("C holds.", id="c")
m.argue([a], b); m.argue([b], c); m.argue([a, b], c)
"""),
    "premise-attacks-own-argument": ("python", """\
m = ArgumentMap("x")
p = m.claim("P holds.", id="p"); q = m.claim("Q holds.", id="q"); c = m.claim("C holds.", id="c")
other = m.claim("Other holds.", id="other")
arg = m.argue([p], c)
m.argue([q], other)
m.attack(q, arg)      # q attacks an argument it is not a premise of
m.attack(p, other)    # p attacks a statement outside its own argument
"""),
    "actor-contradicts-self": ("python", """\
m = ArgumentMap("x")
russia = m.actor("Russia", id="russia"); us = m.actor("The U.S.", id="us")
x = m.claim("It protects rights.", id="x"); y = m.claim("It endangers rights.", id="y")
z = m.claim("It is neutral.", id="z")
m.attack(x, y); m.attack(y, x)          # a mutual attack, asserted by two actors
m.stance(russia, "asserts", x); m.stance(us, "asserts", y)
m.attack(z, x)                          # a one-way attack, asserted by one actor
m.stance(russia, "asserts", z); m.stance(russia, "opposes", y)
"""),
    "endorses-and-opposes": ("python", """\
m = ArgumentMap("x")
a = m.actor("The Chamber", id="chamber")
r = m.recommendation("Abstain.", id="abstain"); s = m.recommendation("Vote yes.", id="yes")
m.stance(a, "endorses", r); m.stance(a, "opposes", s); m.stance(a, "addressed_by", s)
"""),
    "unsupported-recommendation": ("python", _CLEAN_PY),
    "ungrounded-recommendation": ("python", _CLEAN_PY),  # evidence two steps down
    "evidence-without-source": ("python", """\
m = ArgumentMap("x")
src = m.source("The brief", id="brief")
m.evidence("76 nations are party.", id="parties", source=src)
e = m.evidence("Article 35 is vague.", id="art35")
m.anchor(e, "Article 35", source=src, start=0, end=10)
"""),
    "unanswered-attack": ("python", """\
m = ArgumentMap("x")
r = m.recommendation("Abstain.", id="abstain"); p = m.claim("It is flawed.", id="flawed")
m.argue([p], r)
fixed = m.claim("It was fixed in July.", id="fixed")
m.attack(fixed, p)
m.attack(m.claim("The July text is the same.", id="same"), fixed)   # answered
loose = m.claim("Unrelated.", id="loose")
m.attack(m.claim("Not so.", id="notso"), loose)   # not behind any recommendation
"""),
    "unanchored-statement": ("python", _CLEAN_PY),
    "open-critical-question": ("python", """\
m = ArgumentMap("x")
r = m.recommendation("The U.S. should abstain.", id="abstain")
p = m.claim("The draft text is flawed.", id="flawed")
a = m.argue([p], r, scheme="argument from sign", id="a1")
for key in ("strength", "other-causes", "observed"):
    m.attack(m.claim(f"Answer to {key}.", id=key), a, question=key)
m.argue([m.claim("Q.", id="q")], p, scheme="astrology")   # no such scheme: no questions
"""),
    "duplicate-statement": ("python", """\
m = ArgumentMap("x")
m.claim("The draft text is flawed.", id="flawed")
m.claim("The draft text is not flawed.", id="not-flawed")
m.claim("The draft-text is flawed", id="hyphen")   # a hyphen joins two words into one
"""),
    "orphan-node": ("python", """\
m = ArgumentMap("x")
src = m.source("The brief", id="brief")          # tied by the anchor that quotes it
russia = m.actor("Russia", id="russia")
c = m.claim("Russia proposed it.", id="proposed")
m.stance(russia, "asserts", c)
m.anchor(c, "proposed", source=src)
"""),
}


def test_every_rule_has_a_clean_case() -> None:
    assert set(CLEAN) == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_documented_example_breaks_the_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    report = run_source(rule.example_kind, rule.example)
    found = [f for f in report if f.rule == rule_id]
    assert found, f"{rule_id} did not fire on its own example:\n{report}"
    assert found[0].severity == rule.severity
    assert found[0].message.endswith((".", ")")) or rule_id == "not-loadable"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_a_clean_map_does_not_break_the_rule(rule_id: str) -> None:
    kind, source = CLEAN[rule_id]
    report = run_source(kind, source)
    assert rule_id not in fired(report), str(report)


def test_the_clean_map_has_no_findings_at_all() -> None:
    report = validate(CLEAN_TTL, disable=["unanchored-statement"])
    assert list(report) == [], str(report)
    assert report.ok


def test_every_rule_is_documented() -> None:
    for rule in rules():
        assert rule.title and rule.description and rule.example
        assert rule.on_rdf or rule.on_map
        assert rule.severity in ("error", "warning", "info")
    assert [r.id for r in rules("hygiene")] == ["duplicate-statement", "orphan-node"]


# ---------------------------------------------------------------- details of findings


def test_findings_name_their_nodes_and_quote_the_source() -> None:
    m = ArgumentMap("x")
    src = m.source("The brief", id="brief")
    r = m.recommendation("The U.S. should abstain.", id="abstain")
    m.anchor(r, "should abstain", source=src, start=9, end=23)
    (f,) = validate(m, rules=["unsupported-recommendation"])
    assert f.node_ids == ("abstain",)
    assert f.node is not None
    assert f.node.iri == "https://w3id.org/argmap/map/x/abstain"
    assert f.node.text == "The U.S. should abstain."
    assert (f.quote, f.source, f.start, f.end) == ("should abstain", "brief", 9, 23)
    assert "abstain" in f.message


def test_anchor_offsets_are_checked_in_memory() -> None:
    m = ArgumentMap("x")
    src = m.source("The brief", id="brief")
    c = m.claim("The text is flawed.", id="flawed")
    m.anchor(c, "flawed", source=src, start=10, end=12)
    m.anchor(c, "text", source=src, start=4)
    found = [f for f in validate(m) if f.rule == "anchor-offsets"]
    assert len(found) == 2
    assert {f.quote for f in found} == {"flawed", "text"}
    assert any("6 characters long" in f.message for f in found)
    assert any("no end" in f.message for f in found)


def test_circular_support_names_the_cycle() -> None:
    m = ArgumentMap("x")
    a, b, c = (m.claim(f"{x} holds.", id=x) for x in "abc")
    m.argue([a], b)
    m.argue([b], c)
    m.argue([c], a)
    (f,) = [f for f in validate(m) if f.rule == "circular-support"]
    assert set(f.node_ids) == {"a", "b", "c"}
    assert "a → b → c → a" in f.message


def test_circular_support_reports_each_circle_once() -> None:
    m = ArgumentMap("x")
    ids = [m.claim(f"S{i}.", id=f"s{i}").id for i in range(6)]
    for u, v in [(0, 1), (1, 0), (2, 3), (3, 4), (4, 2), (4, 5)]:
        m.argue([ids[u]], ids[v])
    found = [f for f in validate(m) if f.rule == "circular-support"]
    assert sorted(sorted(f.node_ids) for f in found) == [["s0", "s1"], ["s2", "s3", "s4"]]


def test_premise_attacks_its_conclusion_and_its_co_premise() -> None:
    m = ArgumentMap("x")
    p, q, c = (m.claim(f"{x} holds.", id=x) for x in "pqc")
    m.argue([p, q], c)
    m.attack(p, c)
    m.attack(q, p)
    found = [f for f in validate(m) if f.rule == "premise-attacks-own-argument"]
    messages = sorted(f.message for f in found)
    assert len(found) == 2
    assert "its conclusion 'c'" in messages[0]
    assert "its other premise 'p'" in messages[1]


def test_unanswered_attack_reaches_premises_at_any_depth() -> None:
    m = ArgumentMap("x")
    r = m.recommendation("Abstain.", id="r")
    c = m.claim("Flawed.", id="c")
    deep = m.evidence("Article 35.", id="deep")
    m.argue([c], r)
    m.argue([deep], c)
    m.attack(m.claim("Article 35 was amended.", id="amended"), deep)
    (f,) = [f for f in validate(m) if f.rule == "unanswered-attack"]
    assert f.node_ids == ("amended", "deep", "r")


def test_ungrounded_recommendation_lists_the_bare_claims() -> None:
    m = ArgumentMap("x")
    r = m.recommendation("Abstain.", id="r")
    m.argue([m.claim("A.", id="a"), m.claim("B.", id="b")], r)
    (f,) = [f for f in validate(m) if f.rule == "ungrounded-recommendation"]
    assert f.node_ids == ("r", "a", "b")
    assert "(a, b)" in f.message


def test_duplicates_ignore_case_spacing_and_punctuation() -> None:
    m = ArgumentMap("x")
    m.claim("The U.S. should abstain!", id="one")
    m.recommendation("the us  should\tabstain", id="two")
    m.evidence("“The US should abstain”", id="three")
    m.claim("Ünïcode — matters.", id="u1")
    m.claim("ünïcode matters", id="u2")
    found = [f for f in validate(m) if f.rule == "duplicate-statement"]
    assert sorted(f.node_ids for f in found) == [("one", "three", "two"), ("u1", "u2")]


def test_orphans_are_statements_and_entities_only() -> None:
    m = ArgumentMap("x")
    m.actor("Russia", id="russia")
    m.issue("How to vote?", id="vote")
    m.source("Doc", id="doc")
    found = sorted(f.node_ids[0] for f in validate(m) if f.rule == "orphan-node")
    assert found == ["doc", "russia", "vote"]


def test_rdf_findings_carry_iris_and_owner_nodes() -> None:
    report = validate(RULES["anchor-offsets"].example)
    (f,) = [f for f in report if f.rule == "anchor-offsets"]
    assert f.nodes[0].iri == "https://w3id.org/argmap/map/x/q1"
    assert f.nodes[0].kind == "anchor"
    assert f.nodes[1].id == "flawed"
    assert (f.quote, f.start, f.end) == ("fundamentally flawed", 10, 12)


def test_not_loadable_is_an_error_only_when_nothing_else_explains_it() -> None:
    broken = validate(RULES["dangling-reference"].example)
    (note,) = [f for f in broken if f.rule == "not-loadable"]
    assert note.severity == "info"
    two_maps = validate(RULES["not-loadable"].example)
    (error,) = [f for f in two_maps if f.rule == "not-loadable"]
    assert error.severity == "error"
    assert "argument maps" in error.message


def test_the_logical_rules_run_on_rdf_that_loads() -> None:
    m = ArgumentMap("x")
    a = m.claim("A holds.", id="a")
    b = m.claim("B holds.", id="b")
    m.argue([a], b)
    m.argue([b], a)
    report = validate(argmap.dumps(m, "turtle"))
    assert "circular-support" in fired(report)
    assert "not-loadable" not in fired(report)


def test_the_brief_example_validates_with_no_errors() -> None:
    folder = ROOT / "examples" / "un_cybercrime_convention"
    if not (folder / "build_map.py").is_file():
        pytest.skip("the brief example (examples/un_cybercrime_convention) is not here yet")
    sys.path.insert(0, str(folder))
    try:
        import build_map
    finally:
        sys.path.remove(str(folder))
    m = build_map.build()
    report = validate(m)
    assert report.ok, str(report)
    rdf = validate(argmap.dumps(m, "turtle"))
    assert rdf.ok, str(rdf)


def test_every_rule_describes_itself_with_its_example() -> None:
    for rule in rules():
        text = rule.describe()
        assert text.startswith(f"### {rule.id} ({rule.category}, {rule.severity})")
        assert rule.example.strip().splitlines()[-1] in text
