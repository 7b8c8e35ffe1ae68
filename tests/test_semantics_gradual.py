"""DF-QuAD strengths: worked examples, cycles, base scores from maps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import argmap
from argmap.errors import NodeNotFound, SemanticsError
from argmap.semantics import BipolarFramework, dfquad, map_strengths
from tests.strategies import maps


def test_worked_example() -> None:
    # d attacks c; c and e support b; b attacks a. All base scores 0.5 except e (0.8).
    # σ(d)=0.5, σ(e)=0.8; σ(c)=0.5-0.5*0.5=0.25
    # σ(b): attack 0, support F(0.25, 0.8)=1-0.75*0.2=0.85 -> 0.5+0.5*0.85=0.925
    # σ(a): attack 0.925, support 0 -> 0.5-0.5*0.925=0.0375
    baf = BipolarFramework(attacks=[("d", "c"), ("b", "a")], supports=[("c", "b"), ("e", "b")])
    s = dfquad(baf, {"e": 0.8})
    assert s["c"] == pytest.approx(0.25)
    assert s["b"] == pytest.approx(0.925)
    assert s["a"] == pytest.approx(0.0375)
    assert s["d"] == 0.5 and s["e"] == 0.8


def test_balanced_attack_and_support_leave_the_base_score() -> None:
    baf = BipolarFramework(attacks=[("x", "a")], supports=[("y", "a")])
    assert dfquad(baf, default=0.3)["a"] == pytest.approx(0.3)


def test_cycles_settle_on_the_fixpoint() -> None:
    # a <-> b with base 0.5: s = 0.5(1 - s), s = 1/3
    s = dfquad(BipolarFramework(attacks=[("a", "b"), ("b", "a")]))
    assert s["a"] == pytest.approx(1 / 3) and s["b"] == pytest.approx(1 / 3)
    # a 3-cycle of attacks with base 1 oscillates undamped (1,1,1 -> 0,0,0 -> ...);
    # the damped iteration finds the fixpoint 1/2
    odd = BipolarFramework(attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    s = dfquad(odd, default=1.0)
    assert all(v == pytest.approx(0.5) for v in s.values())
    uneven = {"a": 1.0, "b": 0.9, "c": 0.8}
    s = dfquad(odd, uneven)
    for x, y in (("a", "c"), ("b", "a"), ("c", "b")):  # each is its base times (1 - attacker)
        assert s[x] == pytest.approx(uneven[x] * (1 - s[y]))
    with pytest.raises(SemanticsError, match="did not settle"):
        dfquad(odd, uneven, max_iter=3)


def test_bad_base_scores() -> None:
    baf = BipolarFramework(["a"])
    with pytest.raises(SemanticsError, match="not in \\[0, 1\\]"):
        dfquad(baf, {"a": 1.5})
    with pytest.raises(SemanticsError, match="not a number"):
        dfquad(baf, {"a": "high"})  # type: ignore[dict-item]
    with pytest.raises(SemanticsError, match="not an argument"):
        dfquad(baf, {"b": 0.1})
    with pytest.raises(SemanticsError, match="default"):
        dfquad(baf, default=-1)


def test_map_strengths_read_base_scores_from_data_and_arguments() -> None:
    m = argmap.ArgumentMap("g")
    r = m.recommendation("Abstain.", id="r")
    m.argue([m.evidence("It is flawed.", id="e", data={"base_score": 0.9})], r, id="a")
    m.attack(m.claim("Its goals are laudable.", id="g"), "e")
    s = map_strengths(m)
    assert s["e"] == pytest.approx(0.9 - 0.9 * 0.5)
    assert s["a"] == pytest.approx(0.5 + 0.5 * s["e"])
    assert s["r"] == pytest.approx(0.5 + 0.5 * s["a"])
    stronger = map_strengths(m, {"g": 0.0, "It is flawed.": 1.0})
    assert stronger["e"] == 1.0
    with pytest.raises(NodeNotFound):
        map_strengths(m, {"nowhere": 0.2})
    bad = argmap.ArgumentMap("b")
    bad.claim("x", id="x", data={"base_score": "0.7"})
    with pytest.raises(SemanticsError, match="'x'"):
        map_strengths(bad)


@settings(max_examples=60, deadline=None)
@given(maps())
def test_map_strengths_are_in_the_unit_interval(m: argmap.ArgumentMap) -> None:
    s = map_strengths(m)
    assert set(s) == {n.id for n in m.nodes(("claim", "evidence", "recommendation", "argument"))}
    assert all(0.0 <= v <= 1.0 for v in s.values())
