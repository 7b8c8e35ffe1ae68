"""The Python validator and pySHACL (ontology/shapes.ttl) report the same violations.

For every rule the shapes state, on every documented example, on a clean map, and on
hypothesis-drawn maps broken deliberately at the RDF level (a conclusion dropped, a
premise pointed at a missing IRI, an actor retyped, anchor offsets shifted, ...), the set
of (rule, focus node) pairs from :func:`validate` equals the one from :func:`validate_rdf`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.namespace import NS
from argmap.validate import RULES, SHACL_RULES, ValidationReport, validate, validate_rdf
from tests.strategies import maps
from tests.test_validate_rules import CLEAN_TTL

pytest.importorskip("pyshacl", reason="pip install pyshacl (the 'shacl' extra)")

T = TypeVar("T")
Pick = Callable[[Sequence[T]], T]
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def am(name: str) -> ox.NamedNode:
    return ox.NamedNode(NS + name)


def keys(report: ValidationReport) -> set[tuple[str, str]]:
    """(rule, focus node) of every finding of a shared rule."""
    out = set()
    for f in report:
        if f.rule in SHACL_RULES:
            assert f.nodes, f
            out.add((f.rule, f.nodes[0].iri or f.nodes[0].id))
    return out


def both(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    return keys(validate(text, rules=sorted(SHACL_RULES))), keys(validate_rdf(text))


# ---------------------------------------------------------------- breaking maps


def of_type(triples: list[Any], cls: str) -> list[Any]:
    return sorted({t.subject for t in triples if t.predicate == RDF_TYPE
                   and t.object == am(cls)}, key=str)


def with_pred(triples: list[Any], pred: str, subject: Any = None) -> list[Any]:
    return [t for t in triples if t.predicate == am(pred)
            and (subject is None or t.subject == subject)]


def replace(triples: list[Any], old: Any, new: Any | None) -> list[Any]:
    out = [t for t in triples if t != old]
    if new is not None:
        out.append(new)
    return out


def drop(triples: list[Any], pick: Pick[Any], cls: str, pred: str) -> list[Any]:
    subjects = of_type(triples, cls)
    if not subjects:
        return triples
    s = pick(subjects)
    return [t for t in triples if not (t.subject == s and t.predicate == am(pred))]


def repoint(triples: list[Any], pick: Pick[Any], pred: str, value: Callable[[Any], Any]) -> list[Any]:
    found = with_pred(triples, pred)
    if not found:
        return triples
    t = pick(found)
    return replace(triples, t, ox.Triple(t.subject, t.predicate, value(t)))


def _statements(triples: list[Any]) -> list[Any]:
    return [s for c in ("Claim", "Evidence", "Recommendation") for s in of_type(triples, c)]


def mutations(pick: Pick[Any], number: Callable[[int, int], int]) -> dict[str, Callable[[list[Any]], list[Any]]]:
    """Every way of breaking a map, given a way to choose (hypothesis draws, or first)."""

    def missing(t: Any) -> Any:
        return ox.NamedNode(f"https://w3id.org/argmap/map/missing/n{number(0, 9)}")

    def retype_actor(triples: list[Any]) -> list[Any]:
        actors = of_type(triples, "Actor")
        if not actors:
            return triples
        a = pick(actors)
        new_class = pick(["Claim", "Source", "Argument"])
        return replace(triples, ox.Triple(a, RDF_TYPE, am("Actor")),
                       ox.Triple(a, RDF_TYPE, am(new_class)))

    def second_kind(triples: list[Any]) -> list[Any]:
        typed = sorted({t.subject for t in triples if t.predicate == RDF_TYPE}, key=str)
        if not typed:
            return triples
        return [*triples, ox.Triple(pick(typed), RDF_TYPE, am(pick(["Claim", "Actor", "Anchor"])))]

    def shift_offsets(triples: list[Any]) -> list[Any]:
        pred = pick(["start", "end"])

        def shifted(t: Any) -> Any:
            value = int(t.object.value) + pick([-40, -3, -1, 1, 2, 7])
            return ox.Literal(str(value), datatype=XSD_INTEGER)

        return repoint(triples, pick, pred, shifted)

    def self_attack(triples: list[Any]) -> list[Any]:
        attacks = of_type(triples, "Attack")
        if not attacks:
            return triples
        a = pick(attacks)
        attacker = with_pred(triples, "attacker", a)
        if not attacker:
            return triples
        rest = [t for t in triples if not (t.subject == a and t.predicate == am("target"))]
        return [*rest, ox.Triple(a, am("target"), attacker[0].object)]

    def premise_is_conclusion(triples: list[Any]) -> list[Any]:
        found = with_pred(triples, "conclusion")
        if not found:
            return triples
        t = pick(found)
        return [*triples, ox.Triple(t.subject, am("premise"), t.object)]

    def second_conclusion(triples: list[Any]) -> list[Any]:
        args, stmts = of_type(triples, "Argument"), _statements(triples)
        if not args or not stmts:
            return triples
        return [*triples, ox.Triple(pick(args), am("conclusion"), pick(stmts))]

    def stance_actor_is_statement(triples: list[Any]) -> list[Any]:
        stmts = _statements(triples)
        if not stmts:
            return triples
        return repoint(triples, pick, "actor", lambda t: pick(stmts))

    def text_gone(triples: list[Any]) -> list[Any]:
        stmts = _statements(triples)
        if not stmts:
            return triples
        s = pick(stmts)
        rest = [t for t in triples if not (t.subject == s and t.predicate == am("text"))]
        if pick([True, False]):
            rest.append(ox.Triple(s, am("text"), ox.Literal(" \t ")))
        return rest

    def mismatched_attack_type(triples: list[Any]) -> list[Any]:
        arguments = set(of_type(triples, "Argument"))

        def wrong(t: Any) -> Any:
            targets = [x.object for x in with_pred(triples, "target", t.subject)]
            mismatch = am("Rebut") if any(x in arguments for x in targets) else am("Undercut")
            return pick([mismatch, am("Smash")])

        return repoint(triples, pick, "attackType", wrong)

    def about_an_argument(triples: list[Any]) -> list[Any]:
        stmts, args = _statements(triples), of_type(triples, "Argument")
        if not stmts or not args:
            return triples
        return [*triples, ox.Triple(pick(stmts), am("about"), pick(args))]

    def anchor_not_an_anchor(triples: list[Any]) -> list[Any]:
        stmts = _statements(triples)
        if not stmts:
            return triples
        return repoint(triples, pick, "anchor", lambda t: pick(stmts))

    return {
        "drop a conclusion": lambda ts: drop(ts, pick, "Argument", "conclusion"),
        "drop the premises": lambda ts: drop(ts, pick, "Argument", "premise"),
        "premise to a missing IRI": lambda ts: repoint(ts, pick, "premise", missing),
        "premise to a literal": lambda ts: repoint(ts, pick, "premise",
                                                   lambda t: ox.Literal("oops")),
        "conclusion to a missing IRI": lambda ts: repoint(ts, pick, "conclusion", missing),
        "retype an actor": retype_actor,
        "a second kind": second_kind,
        "shift anchor offsets": shift_offsets,
        "drop an end offset": lambda ts: drop(ts, pick, "Anchor", "end"),
        "drop an anchor source": lambda ts: drop(ts, pick, "Anchor", "source"),
        "drop a quote": lambda ts: drop(ts, pick, "Anchor", "exact"),
        "anchor source to a claim": lambda ts: repoint(
            ts, pick, "source", lambda t: pick(_statements(ts) or [missing(t)])),
        "drop an attacker": lambda ts: drop(ts, pick, "Attack", "attacker"),
        "drop a target": lambda ts: drop(ts, pick, "Attack", "target"),
        "self-attack": self_attack,
        "premise is the conclusion": premise_is_conclusion,
        "a second conclusion": second_conclusion,
        "unknown stance role": lambda ts: repoint(ts, pick, "role", lambda t: am("Likes")),
        "drop a stance role": lambda ts: drop(ts, pick, "Stance", "role"),
        "stance actor is a statement": stance_actor_is_statement,
        "stance actor missing": lambda ts: repoint(ts, pick, "actor", missing),
        "statement without text": text_gone,
        "mismatched attack type": mismatched_attack_type,
        "about an argument": about_an_argument,
        "anchor is not an anchor": anchor_not_an_anchor,
        "author is a claim": lambda ts: repoint(
            ts, pick, "author", lambda t: pick(_statements(ts) or [missing(t)])),
    }


def triples_of(m: argmap.ArgumentMap) -> list[Any]:
    return list(ox.parse(argmap.dumps(m, "nt").encode(), format=ox.RdfFormat.N_TRIPLES))


def to_text(triples: list[Any]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


@st.composite
def broken_rdf(draw: Any) -> str:
    """A random valid map as N-Triples, then broken by zero to three mutations."""
    triples = triples_of(draw(maps(max_statements=6, recursive_attacks=True)))
    table = mutations(lambda xs: draw(st.sampled_from(list(xs))),
                      lambda lo, hi: draw(st.integers(lo, hi)))
    for name in draw(st.lists(st.sampled_from(sorted(table)), max_size=3)):
        triples = table[name](triples)
    return to_text(triples)


# ---------------------------------------------------------------- the tests


def test_the_shared_rules_are_the_structural_ones_and_two_logical_ones() -> None:
    assert {r.id for r in RULES.values() if r.category == "structural"} - SHACL_RULES == {
        "not-loadable"}
    assert {r.id for r in RULES.values() if r.category == "logical"} & SHACL_RULES == {
        "premise-is-conclusion", "self-attack"}


@pytest.mark.parametrize("rule_id", sorted(SHACL_RULES))
def test_both_report_the_documented_example(rule_id: str) -> None:
    python, shacl = both(RULES[rule_id].example)
    assert rule_id in {rule for rule, _ in shacl}
    assert python == shacl


def test_both_accept_the_clean_map() -> None:
    assert both(CLEAN_TTL) == (set(), set())
    assert validate_rdf(CLEAN_TTL).ok


def rich_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("rich")
    chamber = m.actor("U.S. Chamber", type="organisation", id="chamber")
    src = m.source("The brief", id="brief", author=chamber)
    vote = m.issue("How to vote?", id="vote")
    alt = m.alternative("Budapest Convention", id="budapest", issue=vote)
    r = m.recommendation("Abstain.", id="abstain")
    c = m.claim("The draft is flawed.", id="flawed")
    e = m.evidence("Article 35 is vague.", id="art35", source=src)
    arg = m.argue([c, e], r, id="a1")
    m.attack(m.claim("Goals are laudable.", id="laudable"), arg, id="t1")
    m.attack(m.claim("It was amended.", id="amended"), c, id="t2", type="undermine")
    m.stance(chamber, "asserts", r, id="s1")
    m.stance(chamber, "endorses", alt, id="s2")
    m.about(c, alt)
    m.anchor(r, "Abstain", source=src, start=0, end=7)
    m.anchor(c, "flawed", source=src, start=14, end=20)
    return m


@pytest.mark.parametrize("name", sorted(mutations(lambda xs: xs[0], lambda lo, hi: lo)))
def test_both_report_each_kind_of_breakage(name: str) -> None:
    table = mutations(lambda xs: xs[0], lambda lo, hi: lo)
    text = to_text(table[name](triples_of(rich_map())))
    python, shacl = both(text)
    assert python, f"{name}: nothing found"
    assert python == shacl


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(broken_rdf())
def test_python_and_shacl_agree_on_random_broken_maps(text: str) -> None:
    python, shacl = both(text)
    assert python == shacl


def test_validate_rdf_reports_like_validate() -> None:
    report = validate_rdf(RULES["stance-actor-not-actor"].example)
    assert report.engine == "shacl"
    assert not report.ok
    (f,) = report
    assert f.rule == "stance-actor-not-actor"
    assert f.severity == "error"
    assert f.node is not None and f.node.id == "s1"
    assert [n.id for n in f.nodes] == ["s1", "flawed"]
    assert validate_rdf(RULES["stance-actor-not-actor"].example,
                        severities={"stance-actor-not-actor": "warning"}).ok
    assert list(validate_rdf(RULES["stance-actor-not-actor"].example,
                             disable=["structural"])) == []


def test_validate_rdf_reads_maps_graphs_and_files(tmp_path: Any) -> None:
    m = rich_map()
    assert validate_rdf(m).ok
    assert validate_rdf(argmap.to_rdflib(m)).ok
    path = tmp_path / "rich.ttl"
    argmap.dump(m, path)
    assert validate_rdf(path).ok
    assert validate_rdf(path).subject == "rich.ttl"
