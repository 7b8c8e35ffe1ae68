"""Map -> framework projections: the documented rules, and their meaning on random maps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import argmap
from argmap.errors import NodeNotFound, SemanticsError
from argmap.semantics import (
    AUX_SUFFIX,
    Label,
    Labelling,
    bipolar_framework,
    dung_framework,
    grounded_labelling,
    is_credulously_accepted,
    is_sceptically_accepted,
    map_framework,
    preferred_labellings,
)
from tests.strategies import maps


def chain() -> argmap.ArgumentMap:
    """e -> (a1) -> c -> (a2) -> r, with a second, convergent argument a3: f -> c."""
    m = argmap.ArgumentMap("chain")
    e = m.evidence("E.", id="e")
    c = m.claim("C.", id="c")
    r = m.recommendation("R.", id="r")
    m.argue([e], c, id="a1")
    m.argue([c], r, id="a2")
    m.argue([m.evidence("F.", id="f")], c, id="a3")
    return m


def labels(m: argmap.ArgumentMap) -> dict[str, str]:
    mf = dung_framework(m)
    lab = grounded_labelling(mf.framework)
    return {n: str(lab[n]) for n in mf.nodes}


def test_rules_on_a_chain() -> None:
    mf = dung_framework(chain())
    assert mf.auxiliary == {"c#unsupported": "c", "r#unsupported": "r"}
    assert mf.framework.attacks == {
        ("a1", "c#unsupported"),
        ("a3", "c#unsupported"),
        ("c#unsupported", "c"),
        ("c#unsupported", "a2"),
        ("a2", "r#unsupported"),
        ("r#unsupported", "r"),
    }
    assert set(labels(chain()).values()) == {"IN"}


def test_undermining_a_premise_defeats_what_rests_on_it() -> None:
    m = chain()
    m.attack(m.claim("E is false.", id="x"), "e")
    got = labels(m)
    # a1 falls with e, but the convergent a3 still carries c, so r stands
    assert (got["e"], got["a1"], got["c"], got["r"]) == ("OUT", "OUT", "IN", "IN")
    m.attack("x", "f")
    got = labels(m)
    assert (got["a3"], got["c"], got["a2"], got["r"]) == ("OUT", "OUT", "OUT", "OUT")


def test_rebut_and_undercut() -> None:
    m = chain()
    m.attack(m.claim("C is false.", id="x"), "c")
    got = labels(m)
    assert (got["c"], got["a1"], got["a3"], got["a2"], got["r"]) == ("OUT",) * 5
    assert got["e"] == got["f"] == "IN"
    m2 = chain()
    m2.attack(m2.claim("C does not lead to R.", id="u"), "a2")
    got = labels(m2)
    assert (got["a2"], got["r"], got["c"]) == ("OUT", "OUT", "IN")


def test_counter_attack_reinstates() -> None:
    m = chain()
    m.attack(m.claim("C is false.", id="x"), "c")
    m.attack(m.claim("X misreads the data.", id="y"), "x")
    assert labels(m)["r"] == "IN"
    m.attack("x", "y")  # now x and y attack each other: undecided under grounded
    got = labels(m)
    assert (got["x"], got["y"], got["r"]) == ("UNDEC", "UNDEC", "UNDEC")
    assert is_credulously_accepted(m, "r", "preferred")
    assert not is_sceptically_accepted(m, "R.", "preferred")  # refs may be texts too


def test_circular_support_is_undecided_under_grounded() -> None:
    m = argmap.ArgumentMap("loop")
    p, q = m.claim("P.", id="p"), m.claim("Q.", id="q")
    m.argue([p], q, id="pq")
    m.argue([q], p, id="qp")
    assert set(labels(m).values()) == {"UNDEC"}
    assert is_credulously_accepted(m, "p", "stable")


def test_projection_errors_and_refs() -> None:
    m = chain()
    m.actor("Someone", id="who")
    with pytest.raises(SemanticsError, match="not a statement or argument"):
        is_credulously_accepted(m, "who")
    with pytest.raises(NodeNotFound):
        is_credulously_accepted(m, "nowhere")
    with pytest.raises(SemanticsError, match="unknown projection"):
        map_framework(m, "flat")
    assert all(AUX_SUFFIX in aux for aux in dung_framework(m).auxiliary)


def test_bipolar_projection() -> None:
    m = chain()
    m.attack(m.claim("E is false.", id="x"), "e")
    baf = bipolar_framework(m)
    assert ("e", "a1") in baf.supports and ("a1", "c") in baf.supports
    assert baf.attacks == (("x", "e"),)
    mf = map_framework(m, "bipolar")
    assert mf.auxiliary == {}
    # secondary attacks reach everything e supports, even c which a3 also carries
    assert {("x", "a1"), ("x", "c"), ("x", "a2"), ("x", "r")} <= mf.framework.attacks
    assert grounded_labelling(mf.framework)["r"] is Label.OUT


def _expected(m: argmap.ArgumentMap, lab: Labelling, node: str) -> Label:
    """The label the module docstring promises, from the labels of the neighbours."""
    statement = m[node].kind != "argument"
    if statement:
        blockers = [lab[t.attacker] for t in m.attacks_on(node)]
        supports = [lab[a.id] for a in m.arguments_for(node)]
        if Label.IN in blockers or (supports and all(s is Label.OUT for s in supports)):
            return Label.OUT
        if all(b is Label.OUT for b in blockers) and (not supports or Label.IN in supports):
            return Label.IN
        return Label.UNDEC
    arg = m[node]
    assert isinstance(arg, argmap.Argument)
    premises = [lab[p] for p in arg.premises]
    attackers = [lab[t.attacker] for t in [*m.attacks_on(node), *m.attacks_on(arg.conclusion)]]
    if Label.OUT in premises or Label.IN in attackers:
        return Label.OUT
    if all(p is Label.IN for p in premises) and all(a is Label.OUT for a in attackers):
        return Label.IN
    return Label.UNDEC


@settings(max_examples=80, deadline=None)
@given(maps())
def test_labels_mean_what_the_docstring_says(m: argmap.ArgumentMap) -> None:
    mf = dung_framework(m)
    assert set(mf.nodes) == {n.id for n in m.statements()} | {a.id for a in m.arguments()}
    for lab in [grounded_labelling(mf.framework), *preferred_labellings(mf.framework)[:3]]:
        for node in mf.nodes:
            assert lab[node] is _expected(m, lab, node), node
