"""Attacks on attacks and linked attackers, all the way through (issue 16, item 1).

Model and map, RDF and SHACL, trace and explain, the AFRA-style projection (checked by
brute force against AFRA's own definitions), drawing, AIF (CA -> CA, a CA with several
I-nodes) and ArgMicro (``und`` on ``reb``, ``add`` into an undercut).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import ArgmapError, KindError, ModelError, SemanticsError
from argmap.io import aif, microtext
from argmap.model import Attack, Claim
from argmap.semantics import accept, bipolar_framework, dung_framework, extensions, label_map

RDF_FORMATS = ["turtle", "nt", "jsonld", "trig", "nquads", "xml"]


def _objection_map() -> ArgumentMap:
    """a1 <- c4 (argument from a4); a2 rebuts a1 (c2); a3 and a5 jointly undercut c2 (c3)."""
    m = ArgumentMap("uniforms")
    r = m.recommendation("School uniforms should not be worn.", id="a1")
    m.argue([m.claim("They stand for conformity.", id="a4")], r, id="c4")
    c2 = m.attack(m.claim("They prevent brand competition.", id="a2"), r, id="c2")
    m.attack(
        [m.claim("Hardly anyone wants to wear them.", id="a3"), m.claim("Wishes count.", id="a5")],
        c2,
        id="c3",
    )
    return m


# ---------------------------------------------------------------- model and map


def test_linked_attackers_are_kept_in_one_canonical_order() -> None:
    t = Attack(id="t", attacker="z", co_attackers=("b", "m"), target="c")
    assert (t.attacker, t.co_attackers, t.attackers) == ("b", ("m", "z"), ("b", "m", "z"))
    assert Attack.model_validate(t.model_dump()) == t
    with pytest.raises(ValueError, match="names one attacker twice"):
        Attack(id="t", attacker="b", co_attackers=("b",), target="c")
    with pytest.raises(ValueError, match="attacks itself"):
        Attack(id="t", attacker="b", co_attackers=("c",), target="c")


def test_an_attack_on_an_attack_is_an_undercut() -> None:
    m = _objection_map()
    assert m.attack_type("c3") == "undercut"
    assert [a.id for a in m.attacks_on("c2")] == ["c3"]
    assert [a.id for a in m.attacks_by("a5")] == ["c3"]
    with pytest.raises(KindError, match="attacks on an attack are undercuts"):
        m.attack(m.claim("Another.", id="x"), "c2", type="rebut")
    with pytest.raises(ModelError, match="at least one attacker"):
        m.attack([], "c2")


def test_removal_cascades_through_attacks_on_attacks() -> None:
    m = _objection_map()
    assert m.remove("c2") == ["c2", "c3"]
    m = _objection_map()
    assert m.remove("a5") == ["a5", "c3"]  # one of two linked attackers gone: the attack goes
    assert "c2" in m


def test_nodes_in_any_order_and_a_cycle_of_attacks_is_refused() -> None:
    m = _objection_map()
    nodes = list(m)
    assert ArgumentMap.from_nodes(reversed(nodes), name=m.name) == m
    claims = [Claim(id="p", text="P."), Claim(id="q", text="Q.")]
    loop = [Attack(id="t1", attacker="p", target="t2"), Attack(id="t2", attacker="q", target="t1")]
    with pytest.raises(ArgmapError):
        ArgumentMap.from_nodes([*claims, *loop])


# ---------------------------------------------------------------- RDF and validation


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_round_trip_in_every_syntax(fmt: str) -> None:
    m = _objection_map()
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert back == m
    assert back["c3"].attackers == ("a3", "a5") and back["c3"].target == "c2"


def test_shacl_and_python_rules_accept_attacks_on_attacks() -> None:
    m = _objection_map()
    structural = argmap.validate(m, rules="structural")
    assert not structural.findings
    shacl = argmap.validate_rdf(argmap.to_rdflib(m))
    assert [f for f in shacl.findings if f.severity == "error"] == []


# ---------------------------------------------------------------- trace and explain


def test_trace_counts_an_undercut_objection_as_answered_and_says_by_what() -> None:
    m = _objection_map()
    (att,) = argmap.trace(m, "a1").attacks
    assert (att.id, att.answered, att.answered_by) == ("c2", True, ("c3",))
    text = argmap.explain(argmap.trace(m, "a1"))
    assert "rebut [c2]" in text and "answered by c3 (undercuts the attack)" in text
    linked = argmap.trace(m, "a1").to_dict()["attacks"][0]
    assert linked["answered_by"] == ["c3"]


def test_an_attack_by_linked_attackers_is_answered_through_any_of_them() -> None:
    m = ArgumentMap("x")
    r = m.recommendation("Act.", id="r")
    m.argue([m.claim("It helps.", id="p")], r, id="a")
    m.attack([m.claim("It costs.", id="x"), m.claim("Costs matter.", id="y")], "p", id="t")
    (att,) = argmap.trace(m, "r").attacks
    assert att.co_attackers == ("y",) and not att.answered
    m.attack(m.claim("Costs do not matter here.", id="z"), "y", id="u")
    (att,) = argmap.trace(m, "r").attacks
    assert att.answered and att.answered_by == ("u",)
    assert 'and claim [y] "Costs matter."' in argmap.explain(argmap.trace(m, "r"))


# ---------------------------------------------------------------- semantics: hand derivations


def _shared_microtext(shared_dir: Path, name: str) -> Path:
    path = shared_dir / "corpora" / "microtexts" / "arggraph-en" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def test_undercut_of_a_rebuttal_micro_b030(shared_dir: Path) -> None:
    """micro_b030: a1 (central claim) <-sup- a4 (edge c4); a2 -reb-> a1 (c2); a3 -und-> c2 (c3).

    By hand, from the rules in docs/semantics.md ("Maps as Dung frameworks"): a1 is
    concluded by c4, so a1#unsupported exists, c4 attacks it and it attacks a1. c2 is
    attacked by c3, so c2 is an argument of the framework (rule 5); it attacks a1 and,
    as a rebuttal, c4 (the argument concluding a1). c3 has one attacker and is not
    attacked: compact form, a3 attacks c2. Nothing attacks a2, a3 or a4.
    Grounded: a2, a3, a4 IN (unattacked); c2 OUT (a3 IN attacks it); c4 IN (its only
    attacker c2 is OUT, its premise a4 IN); a1#unsupported OUT (c4 IN); a1 IN (both its
    attackers, a1#unsupported and c2, are OUT). The central claim is IN: its author's
    answer to the objection counts. Without the und edge, c2 would be IN and a1 OUT.
    """
    m = argmap.load(_shared_microtext(shared_dir, "micro_b030.xml"))
    assert accept(m, "grounded").labels["a1"] == "IN"
    assert accept(m, "grounded").labels["c2"] == "OUT"
    m.remove("c3")
    assert accept(m, "grounded").labels["a1"] == "OUT"


ADD_INTO_UNDERCUT = b"""<arggraph id="add-und">
  <edu id="e1">We should ban cars from the centre.</edu>
  <edu id="e2">Shops in the centre would lose customers.</edu>
  <edu id="e3">Most customers come on foot,</edu>
  <edu id="e4">and the others can use the new tram.</edu>
  <edu id="e5">The tram will not be finished for years.</edu>
  <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="pro"/>
  <adu id="a4" type="pro"/><adu id="a5" type="opp"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
  <edge id="s3" src="e3" trg="a3" type="seg"/><edge id="s4" src="e4" trg="a4" type="seg"/>
  <edge id="s5" src="e5" trg="a5" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="reb"/>
  <edge id="c2" src="a3" trg="c1" type="und"/>
  <edge id="c3" src="a4" trg="c2" type="add"/>
  <edge id="c5" src="a5" trg="a4" type="reb"/>
</arggraph>"""


def test_add_into_an_undercut() -> None:
    """A made-up microtext: a2 rebuts a1 (c1); a3 *and* a4 (add c3) undercut c1 (c2); a5
    rebuts a4 (c5). (No shared file has an add into an undercut.)

    By hand, from docs/semantics.md: c2 has linked attackers, so it is an argument of the
    framework; c1 is attacked (by c2), so it is one too; c5 keeps the compact form (a5
    attacks a4). Attacks: c1 -> a1, c2 -> c1, a5 -> a4, and, since whatever attacks an
    attacker of c2 attacks c2, a5 -> c2. Grounded: a2, a3, a5 IN (unattacked); a4 OUT;
    c2 OUT (a5 IN attacks it); c1 IN (its only attacker c2 is OUT); a1 OUT. The undercut
    needs both its premises, and one of them falls. Without c5, c2 is IN, c1 OUT, a1 IN.
    """
    m = microtext.loads(ADD_INTO_UNDERCUT)
    assert m["c2"].attackers == ("a3", "a4")
    labels = accept(m, "grounded").labels
    assert (labels["a1"], labels["c1"], labels["c2"], labels["a4"]) == ("OUT", "IN", "OUT", "OUT")
    m.remove("c5")
    assert accept(m, "grounded").labels["a1"] == "IN"


def test_every_shared_microtext_keeps_its_central_claim_defended(shared_dir: Path) -> None:
    """In five of the six shared texts the author answers each objection with an undercut
    (or meets none); in micro_b012 one of two rebuttals of a4 is left standing."""
    expected = {"micro_b012.xml": "OUT"}
    folder = shared_dir / "corpora" / "microtexts" / "arggraph-en"
    for path in sorted(folder.glob("*.xml")):
        m = argmap.load(path)
        central = [c.id for c in m.claims() if not m.attacks_by(c) and not m.arguments_using(c)]
        assert len(central) == 1, path.name
        assert accept(m, "grounded").labels[central[0]] == expected.get(path.name, "IN")


def test_label_map_labels_attacks_that_are_arguments_and_leaves_strengths_out() -> None:
    m = _objection_map()
    label_map(m)
    assert m.labels["c2"] == "OUT" and m.labels["a1"] == "IN"
    assert m.strengths == {}
    with pytest.raises(SemanticsError, match="bipolar projection cannot hold"):
        label_map(m, strengths=True)
    with pytest.raises(SemanticsError, match="use the structured projection"):
        bipolar_framework(m)


# ---------------------------------------------------------------- AFRA, by brute force


def _afra_extensions(
    arguments: list[str], attacks: dict[str, tuple[str, str]], semantics: str
) -> set[frozenset[str]]:
    """Extensions of an AFRA (Baroni, Cerutti, Giacomin, Guida 2011), from its definitions.

    ``attacks``: attack id -> (source argument, target argument or attack id). An attack
    alpha defeats V when V is alpha's target (direct defeat), or when alpha's target is
    the source of the attack V (indirect defeat). Arguments defeat nothing.
    """
    elements = [*arguments, *attacks]

    def defeats(alpha: str, v: str) -> bool:
        target = attacks[alpha][1]
        return v == target or (v in attacks and attacks[v][0] == target)

    defeaters = {v: [a for a in attacks if defeats(a, v)] for v in elements}

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(defeats(a, v) for a in s if a in attacks for v in s)

    def acceptable(v: str, s: frozenset[str]) -> bool:
        return all(any(a in attacks and defeats(a, w) for a in s) for w in defeaters[v])

    subsets = [
        frozenset(c) for r in range(len(elements) + 1) for c in itertools.combinations(elements, r)
    ]
    admissible = [s for s in subsets if conflict_free(s) and all(acceptable(v, s) for v in s)]
    complete = [s for s in admissible if all(v in s for v in elements if acceptable(v, s))]
    if semantics == "complete":
        return set(complete)
    if semantics == "grounded":
        return {min(complete, key=len)}
    if semantics == "preferred":
        return {s for s in admissible if not any(s < t for t in admissible)}
    assert semantics == "stable"
    return {
        s
        for s in subsets
        if conflict_free(s) and all(any(defeats(a, v) for a in s if a in attacks) for v in set(elements) - s)
    }


@st.composite
def afra_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps of statements and one-attacker attacks on statements and on attacks."""
    m = ArgumentMap("afra")
    n = draw(st.integers(1, 4))
    statements = [m.claim(f"S{i}.", id=f"s{i}").id for i in range(n)]
    targets = list(statements)
    for k in range(draw(st.integers(0, 5))):
        attacker = draw(st.sampled_from(statements))
        target = draw(st.sampled_from(targets))
        if target == attacker:
            continue
        made = m.attack(attacker, target, id=f"t{k}")
        targets.append(made.id)
    return m


def _projected(m: ArgumentMap, semantics: str) -> set[frozenset[str]]:
    """The projection's extensions, read back as sets of map statements and attacks."""
    mf = dung_framework(m)
    found = set()
    for ext in extensions(mf.framework, semantics):
        statements = {s for s in ext if s in m and m[s].kind == "claim"}
        attacks = {t for t, carrier in mf.carriers.items() if carrier in ext}
        found.add(frozenset(statements | attacks))
    return found


@settings(max_examples=150, deadline=None)
@given(afra_maps(), st.sampled_from(["grounded", "complete", "preferred", "stable"]))
def test_projection_agrees_with_afra(m: ArgumentMap, semantics: str) -> None:
    arguments = [s.id for s in m.statements()]
    attacks = {t.id: (t.attacker, t.target) for t in m.attacks()}
    assert _projected(m, semantics) == _afra_extensions(arguments, attacks, semantics)


# ---------------------------------------------------------------- drawing


def test_an_attack_on_an_attack_is_drawn_into_the_attack() -> None:
    dot = argmap.to_dot(_objection_map())
    assert '"c2" [class="am-attack am-rebut am-attack-point"' in dot
    assert '"c3" -> "c2"' in dot  # the undercut lands on the rebuttal's point
    assert '"a3" -> "c3"' in dot and '"a5" -> "c3"' in dot  # both linked attackers come in
    assert '"a2" -> "c2"' in dot and '"c2" -> "a1"' in dot


# ---------------------------------------------------------------- AIF


CA_ON_CA = {
    "nodes": [
        {"nodeID": "1", "text": "We should ban cars.", "type": "I"},
        {"nodeID": "2", "text": "Shops would lose customers.", "type": "I"},
        {"nodeID": "3", "text": "Most come on foot.", "type": "I"},
        {"nodeID": "4", "text": "The others can take the tram.", "type": "I"},
        {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "2", "toID": "5"},
        {"edgeID": "2", "fromID": "5", "toID": "1"},
        {"edgeID": "3", "fromID": "6", "toID": "5"},
        {"edgeID": "4", "fromID": "3", "toID": "6"},
        {"edgeID": "5", "fromID": "4", "toID": "6"},
    ],
    "locutions": [],
}


def test_aif_ca_on_ca_with_two_i_nodes_both_ways() -> None:
    m, report = aif.aif_to_map(json.loads(json.dumps(CA_ON_CA)))
    assert report.ok and not report.notes
    assert (m["5"].attackers, m["5"].target) == (("2",), "1")
    assert (m["6"].attackers, m["6"].target, m.attack_type("6")) == (("3", "4"), "5", "undercut")
    assert aif.map_to_aif(m).json == CA_ON_CA
    built = _objection_map()
    back = aif.loads(aif.dumps(built))
    assert [(t.id, t.attackers, t.target) for t in back.attacks()] == [
        (t.id, t.attackers, t.target) for t in built.attacks()
    ]


def _aif_files(shared_dir: Path) -> Iterable[Path]:
    corpora = shared_dir / "corpora"
    return sorted(p for p in corpora.rglob("*.json") if "/aif/" in f"/{p.relative_to(corpora)}")


def test_every_shared_aif_file_keeps_its_ca_and_ra_nodes(shared_dir: Path) -> None:
    """Each RA-node from I-nodes to an I-node is an argument with those premises, each
    CA-node from I-nodes to an I-, RA- or CA-node an attack on it. The only others, an RA
    and a CA of us2016/nodeset10401 that end in an L-node (a locution, not a
    proposition), are kept verbatim in the document node and noted in the report."""
    for path in _aif_files(shared_dir):
        raw = json.loads(path.read_bytes())
        doc = raw.get("AIF", raw)
        types = {str(n["nodeID"]): n["type"] for n in doc["nodes"]}
        ins: dict[str, list[str]] = {}
        outs: dict[str, list[str]] = {}
        for e in doc["edges"]:
            outs.setdefault(str(e["toID"]), [])
            ins.setdefault(str(e["toID"]), []).append(str(e["fromID"]))
            outs.setdefault(str(e["fromID"]), []).append(str(e["toID"]))
        m, report = aif.aif_to_map(raw, filename=str(path))
        held = {n.data.get("aif", {}).get("nodeID", n.id): n for n in m.nodes(("argument", "attack"))}
        for key, kind in types.items():
            if kind not in ("RA", "CA"):
                continue
            sources = sorted(i for i in ins.get(key, []) if types[i] == "I")
            (target,) = outs[key]
            if types[target] == "L":
                assert key not in {str(k) for k in held} and report.notes, (path.name, key)
                continue
            node = held[key] if key in held else held[int(key)]
            if kind == "RA":
                assert sorted(node.premises) == sources and node.conclusion == target
            else:
                assert sorted(node.attackers) == sources and node.target == target


# ---------------------------------------------------------------- Argdown cannot say it


def test_argdown_lists_the_attacks_it_cannot_write() -> None:
    m = _objection_map()
    m.attack(m.claim("Rebuttals need evidence.", id="a6"), "c2", id="c6")
    export = argmap.io.argdown.map_to_argdown(m)
    assert "attack 'c3' (linked attackers)" in export.skipped
    assert "attack 'c6' (an attack on an attack)" in export.skipped
    assert "c2" not in export.text.replace("[a2]", "")  # no claim made up from an attack id


def test_a_linked_attacker_that_is_a_premise_of_the_argument_it_undercuts_is_flagged() -> None:
    m = ArgumentMap("x")
    r = m.recommendation("Act.", id="r")
    m.argue([m.claim("It helps.", id="p"), m.claim("Help matters.", id="q")], r, id="a")
    m.attack([m.claim("It costs.", id="x"), "q"], "a", id="t")
    found = [f for f in argmap.validate(m).findings if f.rule == "premise-attacks-own-argument"]
    assert [[n.id for n in f.nodes] for f in found] == [["q", "a"]]


def test_an_attack_on_a_stance_is_still_the_wrong_kind_for_both_validators() -> None:
    ttl = """@prefix am: <https://w3id.org/argmap/ns#> . @prefix : <https://example.org/m/> .
    :c a am:Claim ; am:text "C." . :x a am:Actor ; am:text "X" .
    :s a am:Stance ; am:actor :x ; am:role am:Asserts ; am:target :c .
    :t a am:Attack ; am:attacker :c ; am:target :s ."""
    python = [f for f in argmap.validate(ttl, format="turtle").findings if f.rule == "wrong-kind"]
    assert "must be a statement, an argument or an attack" in python[0].message
    shacl = argmap.validate_rdf(ttl, format="turtle").findings
    assert [f.rule for f in shacl] == ["wrong-kind"]


def test_argdown_undercut_of_an_argument_without_a_pcs_reads_back_as_an_undercut() -> None:
    """Issue 16, Argdown (d): the undercut argument is written with a PCS and a title, so
    the target reads back as that argument, not as a new claim named by an internal id."""
    from argmap.io import argdown

    m = argdown.loads("[A]: Cars pollute.\n  +> [B]: Ban cars.\n")
    (arg,) = m.arguments()
    m.attack(m.claim("Pollution is falling anyway.", id="u"), arg, type="undercut")
    back = argdown.loads(argdown.dumps(m))
    assert sorted(c.text for c in back.claims()) == sorted(c.text for c in m.claims())
    (again,) = back.arguments()
    assert (back[again.premises[0]].text, back[again.conclusion].text) == (
        "Cars pollute.",
        "Ban cars.",
    )
    (undercut,) = back.attacks()
    assert undercut.target == again.id and back.attack_type(undercut) == "undercut"
