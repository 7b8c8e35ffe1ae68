"""argmap.store.validate: the structural rules as SPARQL queries run in the store.

Against every backend of ``triple_store`` (embedded, Oxigraph server, Virtuoso): a valid
map pushed with ``argmap.push`` gives no finding; broken RDF, loaded into a graph directly
(the map model refuses it, so it cannot be pushed), gives the findings that the in-memory
validator, ``argmap.validate(rdf, rules=STORE_RULES)``, gives for the same text: the same
rules, severities, nodes (id, kind, IRI, text) and quotes, one for one. The defects are
applied alone, all at once, and in random subsets (hypothesis).
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import NodeNotFound, QueryError
from argmap.store import Store, open_store, push, resolve
from argmap.store.push import drop_graph
from argmap.store.validate import STORE_RULES, validate_in_store
from argmap.validate import RULES, RuleError, ValidationReport

from strategies import maps

sys.path.insert(
    0, str(Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention")
)

# Each example loads a graph into a server and drops it; no shrinking (a shrink of a
# server test can run for minutes), and the fixture's store is reused across examples.
SERVER_EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_HEAD = """\
@prefix am: <https://w3id.org/argmap/ns#> .
@prefix : <https://w3id.org/argmap/map/x/> .
"""

# A small valid map that touches every kind of node and reference the rules look at.
BASE = _HEAD + """\
<https://w3id.org/argmap/map/x> a am:ArgumentMap .
:brief a am:Source ; am:text "The brief" .
:flawed a am:Claim ; am:text "The draft text is flawed." ; am:anchor :q1 ; am:about :chamber .
:q1 a am:Anchor ; am:source :brief ; am:exact "fundamentally flawed" ; am:start 10 ; am:end 30 .
:parties a am:Evidence ; am:text "76 nations are party." ; am:source :brief .
:abstain a am:Recommendation ; am:text "The U.S. should abstain." .
:a1 a am:Argument ; am:premise :flawed, :parties ; am:conclusion :abstain .
:laudable a am:Claim ; am:text "The goals are laudable." .
:t1 a am:Attack ; am:attacker :laudable ; am:target :flawed ; am:attackType am:Undermine .
:chamber a am:Actor ; am:text "U.S. Chamber" ; am:actorType am:Organisation .
:s1 a am:Stance ; am:actor :chamber ; am:role am:Endorses ; am:target :abstain .
:issue a am:Issue ; am:text "What should the U.S. do?" .
:sign a am:Alternative ; am:text "Sign it." ; am:issue :issue .
"""

_X = "https://w3id.org/argmap/map/x/"
_AM = "https://w3id.org/argmap/ns#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# name -> (triples of BASE to remove, as (subject id, predicate IRI); Turtle to add)
DEFECTS: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    "no-premise": ((("a1", _AM + "premise"),), ""),
    "no-conclusion": ((("a1", _AM + "conclusion"),), ""),
    "no-attacker": ((("t1", _AM + "attacker"),), ""),
    "no-target": ((("t1", _AM + "target"),), ""),
    "stance-no-role": ((("s1", _AM + "role"),), ""),
    "stance-no-actor": ((("s1", _AM + "actor"),), ""),
    "untyped-evidence": ((("parties", _RDF_TYPE),), ""),
    "no-text": ((("abstain", _AM + "text"),), ""),
    "dangling-premise": ((), ":a2 a am:Argument ; am:premise :ghost ; am:conclusion :abstain ."),
    "literal-premise": ((), ':a3 a am:Argument ; am:premise "text" ; am:conclusion :abstain .'),
    "actor-conclusion": ((), ":a4 a am:Argument ; am:premise :laudable ; am:conclusion :chamber ."),
    "attack-on-stance": ((), ":t2 a am:Attack ; am:attacker :laudable ; am:target :s1 ."),
    "claim-takes-stance": (
        (), ":s2 a am:Stance ; am:actor :laudable ; am:role am:Asserts ; am:target :abstain ."),
    "claim-as-source": ((), ':e2 a am:Evidence ; am:text "E2." ; am:source :flawed .'),
    "claim-as-issue": ((), ':alt2 a am:Alternative ; am:text "Wait." ; am:issue :flawed .'),
    "two-texts": ((), ':laudable am:text "The aims are laudable." .'),
    "two-conclusions": (
        (), ":a6 a am:Argument ; am:premise :laudable ; am:conclusion :abstain, :parties ."),
    "two-actor-types": ((), ":chamber am:actorType am:State ."),
    "unknown-role": (
        (), ":s3 a am:Stance ; am:actor :chamber ; am:role am:Likes ; am:target :abstain ."),
    "literal-actor-type": ((), ':x1 a am:Actor ; am:text "X" ; am:actorType "company" .'),
    "blank-text": ((), ':c3 a am:Claim ; am:text " \\t\\n " .'),
    "nameless-actor": ((), ":x2 a am:Actor ."),
    "iri-text": ((), ":c4 a am:Claim ; am:text <https://example.org/text> ."),
    "two-kinds": ((), ":chamber a am:Claim ."),
    "anchor-no-source": ((), ':flawed am:anchor :q2 . :q2 a am:Anchor ; am:exact "draft" .'),
    "anchor-source-claim": (
        (), ':laudable am:anchor :q3 . :q3 a am:Anchor ; am:source :flawed ; am:exact "goals" .'),
    "anchor-empty-quote": (
        (), ':parties am:anchor :q4 . :q4 a am:Anchor ; am:source :brief ; am:exact "" .'),
    "anchor-no-quote": (
        (), ":abstain am:anchor :q5 . :q5 a am:Anchor ; am:source :brief ; am:start 1 ; am:end 3 ."),
    "offsets-too-short": (
        (), ':laudable am:anchor :q6 . :q6 a am:Anchor ; am:source :brief ; am:exact "laudable" ; '
        "am:start 10 ; am:end 12 ."),
    "offsets-start-only": (
        (), ':abstain am:anchor :q7 . :q7 a am:Anchor ; am:source :brief ; am:exact "x" ; '
        "am:start 5 ."),
    "offsets-backwards": (
        (), ':sign am:anchor :q8 . :q8 a am:Anchor ; am:source :brief ; am:exact "ab" ; '
        "am:start 9 ; am:end 7 ."),
    "offsets-negative": (
        (), ':issue am:anchor :q9 . :q9 a am:Anchor ; am:source :brief ; am:exact "abc" ; '
        "am:start -3 ; am:end 0 ."),
    # characters, not bytes: 8 characters, 13 bytes of UTF-8
    "offsets-unicode-ok": (
        (), ':chamber am:anchor :q10 . :q10 a am:Anchor ; am:source :brief ; '
        'am:exact "café “x”" ; am:start 0 ; am:end 8 .'),
    "offsets-unicode-bytes": (
        (), ':brief am:anchor :q11 . :q11 a am:Anchor ; am:source :brief ; '
        'am:exact "café “x”" ; am:start 0 ; am:end 13 .'),
    "dangling-anchor": ((), ":laudable am:anchor :nowhere ."),
    "self-attack": ((), ":t3 a am:Attack ; am:attacker :laudable ; am:target :laudable ."),
    "premise-is-conclusion": (
        (), ":a5 a am:Argument ; am:premise :flawed ; am:conclusion :flawed ."),
    "undercut-of-statement": (
        (), ":t4 a am:Attack ; am:attacker :laudable ; am:target :flawed ; "
        "am:attackType am:Undercut ."),
    "rebut-of-argument": (
        (), ":t5 a am:Attack ; am:attacker :laudable ; am:target :a1 ; am:attackType am:Rebut ."),
    "actor-about": ((), ":chamber am:about :issue ."),
    "about-literal": ((), ':abstain am:about "the chamber" .'),
    "about-claim": ((), ":abstain am:about :laudable ."),
}
# Defects that break nothing the rules check (they hold the store to the same "no").
HARMLESS = {"iri-text", "offsets-unicode-ok"}

_COUNTER = itertools.count()


def broken(names: tuple[str, ...] | list[str]) -> bytes:
    """BASE with the named defects, as N-Triples."""
    triples = list(ox.parse(BASE.encode(), format=ox.RdfFormat.TURTLE))
    drop = {(ox.NamedNode(_X + s), ox.NamedNode(p)) for n in names for s, p in DEFECTS[n][0]}
    kept = [t for t in triples if (t.subject, t.predicate) not in drop]
    added = _HEAD + "\n".join(DEFECTS[n][1] for n in names)
    kept += ox.parse(added.encode(), format=ox.RdfFormat.TURTLE)
    return bytes(ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b"")


def key(report: ValidationReport) -> Counter[tuple[Any, ...]]:
    """What two reports must agree on: everything a finding holds but its message."""
    return Counter(
        (f.rule, f.severity, tuple((n.id, n.kind, n.iri, n.text) for n in f.nodes),
         f.quote, f.source, f.start, f.end)
        for f in report
    )


def in_memory(nt: bytes) -> ValidationReport:
    return argmap.validate(nt.decode(), format="nt", rules=list(STORE_RULES))


def check(store: Store, nt: bytes) -> ValidationReport:
    """Load ``nt`` into a fresh graph of ``store`` and hold the two validators equal."""
    graph = f"urn:test:validate:{next(_COUNTER)}"
    store.append(graph, nt)
    try:
        report = validate_in_store(store, graph)
    finally:
        drop_graph(store, graph)
    expected = in_memory(nt)
    assert key(report) == key(expected), (
        "\nin the store:\n" + report.to_text(max_rows=None)
        + "\nin memory:\n" + expected.to_text(max_rows=None)
    )
    for f in report:
        assert f.message and (not f.nodes or f.nodes[0].id in f.message or f.quote), f
    return report


@pytest.fixture
def store(triple_store: Store) -> Store:
    """An empty store of each kind (``triple_store`` from tests/servers.py)."""
    return triple_store


@pytest.fixture(scope="module")
def brief() -> ArgumentMap:
    """The example map of the U.S. Chamber of Commerce brief."""
    import build_map

    built: ArgumentMap = build_map.build()
    return built


# ---------------------------------------------------------------------- valid maps


def test_pushed_valid_map_has_no_findings(store: Store, brief: ArgumentMap) -> None:
    push(brief, store, graph="urn:test:validate:brief")
    report = validate_in_store(store, "urn:test:validate:brief")
    assert list(report) == []
    assert report.rules == STORE_RULES and report.engine == "sparql"
    assert report.ok


def test_pushed_map_is_read_from_its_current_data_graph(store: Store, brief: ArgumentMap) -> None:
    """The graph IRI names the map; its triples are in the data graph the catalog names."""
    push(brief, store, graph="urn:test:validate:brief")
    info = resolve(store, "urn:test:validate:brief")
    assert info is not None and info.data_graph != info.graph
    nt = f"<{_X}a9> <{_RDF_TYPE}> <{_AM}Argument> .\n".encode()
    store.append(info.data_graph, nt)
    report = validate_in_store(store, "urn:test:validate:brief")
    assert sorted(f.rule for f in report) == [
        "argument-without-conclusion", "argument-without-premise"]
    assert {f.nodes[0].iri for f in report} == {_X + "a9"}


def test_base_is_valid(store: Store) -> None:
    assert not in_memory(broken([])).findings
    check(store, broken([]))


@SERVER_EXAMPLES
@given(m=maps())
def test_random_valid_maps_agree(store: Store, m: ArgumentMap) -> None:
    check(store, argmap.dumps(m, "nt").encode())


# ---------------------------------------------------------------------- broken RDF


def test_each_defect_alone(store: Store) -> None:
    for name in DEFECTS:
        report = check(store, broken([name]))
        assert bool(report.findings) == (name not in HARMLESS), name


def test_all_defects_at_once(store: Store) -> None:
    report = check(store, broken(list(DEFECTS)))
    assert {f.rule for f in report} == set(STORE_RULES)


@SERVER_EXAMPLES
@given(names=st.lists(st.sampled_from(sorted(DEFECTS)), min_size=1, max_size=8, unique=True))
def test_random_defects_agree(store: Store, names: list[str]) -> None:
    check(store, broken(names))


def test_blank_nodes_give_the_same_rules(store: Store) -> None:
    """Blank nodes cannot be named back to the store; the rules still agree."""
    nt = broken([]) + (
        f"<{_X}laudable> <{_AM}anchor> _:q .\n"
        f"_:q <{_RDF_TYPE}> <{_AM}Anchor> .\n"
        f'_:q <{_AM}exact> "goals" .\n'
        f"_:t <{_RDF_TYPE}> <{_AM}Attack> .\n"
        f"_:t <{_AM}attacker> <{_X}laudable> .\n"
    ).encode()
    graph = "urn:test:validate:bnodes"
    store.append(graph, nt)
    report = validate_in_store(store, graph)
    assert sorted(f.rule for f in report) == sorted(f.rule for f in in_memory(nt))
    assert {f.rule for f in report} == {"anchor-source-missing", "attack-without-target"}


# ---------------------------------------------------------------------- the interface


def test_store_rules_are_the_rdf_rules_but_not_loadable() -> None:
    assert set(STORE_RULES) == {r.id for r in RULES.values() if r.on_rdf} - {"not-loadable"}
    assert list(STORE_RULES) == [r for r in RULES if r in STORE_RULES]


def test_rules_select_what_runs() -> None:
    store = open_store(None)
    nt = broken(["no-premise", "self-attack", "two-kinds"])
    store.append("urn:test:validate:r", nt)
    assert [f.rule for f in validate_in_store(store, "urn:test:validate:r", rules="self-attack")
            ] == ["self-attack"]
    logical = validate_in_store(store, "urn:test:validate:r", rules=["logical"])
    assert logical.rules == ("premise-is-conclusion", "self-attack")
    assert [f.rule for f in logical] == ["self-attack"]
    structural = validate_in_store(store, "urn:test:validate:r", rules="structural")
    assert {f.rule for f in structural} == {"argument-without-premise", "two-kinds"}
    assert validate_in_store(store, "urn:test:validate:r", rules=[]).rules == ()


def test_rules_the_store_cannot_check_are_refused() -> None:
    store = open_store(None)
    store.append("urn:test:validate:r", broken([]))
    with pytest.raises(RuleError, match="circular-support cannot be checked"):
        validate_in_store(store, "urn:test:validate:r", rules=["self-attack", "circular-support"])
    with pytest.raises(RuleError, match="no rule or category 'nope'"):
        validate_in_store(store, "urn:test:validate:r", rules="nope")


def test_missing_graph_and_bad_iri(store: Store) -> None:
    with pytest.raises(NodeNotFound, match="holds no triple under <urn:test:nothing>"):
        validate_in_store(store, "urn:test:nothing")
    with pytest.raises(QueryError):
        validate_in_store(store, "urn:test:a> } DROP ALL ; INSERT DATA { <a")
