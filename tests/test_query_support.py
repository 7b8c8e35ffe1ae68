"""argmap.query.support: complete support, critical premises, cut sets, what-if, unsupported.

Hand-checked cases, then properties against a brute-force reference written straight
from the definitions (grounded = least fixpoint; critical = removal alone unsupports).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap
from argmap.errors import NodeNotFound, QueryError
from argmap.query import (
    Unsupported,
    WhatIf,
    critical_premises,
    minimal_cut_sets,
    trace,
    unsupported,
    what_if,
)
from argmap.query.support import _grounded_ids

from strategies import maps


def two_level() -> ArgumentMap:
    """r <= a1(c, d); c <= a2(e1) | a3(e2); d <= a4(e3, x); x has no argument."""
    m = ArgumentMap("two")
    m.recommendation("R.", id="r")
    for i in ("c", "d", "x"):
        m.claim(f"{i.upper()}.", id=i)
    for i in ("e1", "e2", "e3"):
        m.evidence(f"{i}.", id=i)
    m.argue(["c", "d"], "r", id="a1")
    m.argue(["e1"], "c", id="a2")
    m.argue(["e2"], "c", id="a3")
    m.argue(["e3", "x"], "d", id="a4")
    return m


def test_critical_premises_on_and_or() -> None:
    m = two_level()
    # c has two convergent supports, so neither e1 nor e2 is critical; d's are linked
    assert critical_premises(m, "r") == ("c", "d", "e3", "x")
    assert critical_premises(m, "c") == ()
    assert critical_premises(m, "d") == ("e3", "x")
    assert critical_premises(m, "e1") == ()  # a basic premise has no support to lose


def test_minimal_cut_sets() -> None:
    m = two_level()
    assert minimal_cut_sets(m, "r", max_size=1) == [("c",), ("d",), ("e3",), ("x",)]
    assert minimal_cut_sets(m, "r", max_size=2) == [
        ("c",), ("d",), ("e3",), ("x",), ("e1", "e2"),
    ]
    assert minimal_cut_sets(m, "c", max_size=3) == [("e1", "e2")]
    assert minimal_cut_sets(m, "r", max_size=0) == []
    with pytest.raises(QueryError, match="max_size must be 0 or more"):
        minimal_cut_sets(m, "r", max_size=-1)


def test_unsupported_root_has_the_empty_cut() -> None:
    m = ArgumentMap("loop")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.argue(["a"], "r")
    m.argue(["b"], "a")
    m.argue(["a"], "b")
    assert minimal_cut_sets(m, "r") == [()]
    assert critical_premises(m, "r") == ()


def test_grounded_is_a_least_fixpoint() -> None:
    m = ArgumentMap("g")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.claim("C.", id="c")
    m.argue(["a"], "b", id="ab")
    m.argue(["b"], "a", id="ba")
    m.argue(["b"], "c", id="bc")
    assert _grounded_ids(m) == set()  # the a-b cycle grounds nothing
    m.evidence("E.", id="e")
    m.argue(["e"], "a", id="ea")
    assert _grounded_ids(m) == {"a", "b", "c", "e"}
    assert _grounded_ids(m, ["e"]) == set()
    assert _grounded_ids(m, ["ea"]) == {"e"}


def test_what_if() -> None:
    m = two_level()
    assert what_if(m, remove=["e1"]) == WhatIf(("e1",), (), (), ())
    assert what_if(m, remove=["e1", "e2"]) == WhatIf(("e1", "e2"), ("c", "r"), ("r",), ("c",))
    assert what_if(m, remove=["x"]).lost == ("d", "r")
    assert what_if(m, remove="x").lost == ("d", "r")  # one ref on its own
    # an argument can fall too (its inference rejected)
    assert what_if(m, remove=["a4"]).lost == ("d", "r")
    # the removed statements are not listed as lost
    assert what_if(m, remove=["c"]).lost == ("r",)
    assert what_if(m, remove=[]).lost == ()
    assert what_if(m, remove=[m["e3"]]).recommendations == ("r",)
    assert what_if(m, remove=["e1", "e2"]).to_dict() == {
        "removed": ["e1", "e2"], "lost": ["c", "r"], "recommendations": ["r"], "claims": ["c"],
    }


def test_what_if_counts_each_premise_once() -> None:
    """Regression: ev2 rests on cla1 (removed) and cla3 (which survives by arg10)."""
    m = ArgumentMap("regress")
    for i in ("cla1", "cla3", "cla4"):
        m.claim(f"{i}.", id=i)
    m.evidence("e.", id="ev2")
    m.argue(["ev2"], "cla1", id="arg6")
    m.argue(["cla1", "cla3"], "ev2", id="arg7")
    m.argue(["cla3"], "cla1", id="arg8")
    m.argue(["cla1"], "cla3", id="arg9")
    m.argue(["cla4"], "cla3", id="arg10")
    assert what_if(m, remove=["cla1"]).lost == ("ev2",)


def test_what_if_only_reports_what_had_support() -> None:
    m = ArgumentMap("w")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.argue(["a"], "r")
    m.argue(["b"], "a")
    m.argue(["a"], "b")  # r never had complete support
    assert what_if(m, remove=["a"]).lost == ()


def test_what_if_errors() -> None:
    m = two_level()
    m.actor("Russia", id="russia")
    with pytest.raises(NodeNotFound, match="what_if: no node 'nope'"):
        what_if(m, remove=["nope"])
    with pytest.raises(QueryError, match="'russia' is an actor; only statements and arguments can fall"):
        what_if(m, remove=["russia"])


def test_unsupported() -> None:
    m = ArgumentMap("u")
    m.recommendation("Bare recommendation.", id="r_bare")
    m.recommendation("Claims only.", id="r_claims")
    m.recommendation("Evidence below.", id="r_ev")
    m.recommendation("Evidence deep below.", id="r_deep")
    m.claim("Bare claim.", id="c_bare")
    m.claim("Supported claim.", id="c_sup")
    m.evidence("Fact.", id="fact")
    m.argue(["c_bare"], "r_claims")
    m.argue(["fact"], "c_sup")
    m.argue(["c_sup"], "r_deep")
    m.argue(["fact", "c_bare"], "r_ev")
    assert unsupported(m) == Unsupported(
        no_argument=("c_bare", "r_bare"), no_evidence=("r_claims",)
    )
    assert unsupported(m).to_dict() == {"no_argument": ["c_bare", "r_bare"],
                                        "no_evidence": ["r_claims"]}
    assert unsupported(ArgumentMap("empty")) == Unsupported((), ())


def test_unsupported_cycle_of_claims_has_no_evidence() -> None:
    m = ArgumentMap("c")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.argue(["a"], "r")
    m.argue(["b"], "a")
    m.argue(["a"], "b")
    assert unsupported(m) == Unsupported((), ("r",))


# ---------------------------------------------------------------------- properties


def _grounded(m: ArgumentMap, removed: set[str]) -> set[str]:
    """Straight from the definition, by naive iteration to the least fixpoint."""
    grounded: set[str] = set()
    changed = True
    while changed:
        changed = False
        for s in m.statements():
            if s.id in grounded or s.id in removed:
                continue
            args = m.arguments_for(s.id)
            if not args or any(
                a.id not in removed and all(p in grounded for p in a.premises) for a in args
            ):
                grounded.add(s.id)
                changed = True
    return grounded


def _supported(m: ArgumentMap, root: str, removed: set[str]) -> bool:
    g = _grounded(m, removed)
    return any(
        a.id not in removed and all(p in g for p in a.premises) for a in m.arguments_for(root)
    )


@settings(max_examples=150)
@given(maps())
def test_critical_and_cut_sets_match_brute_force(m: ArgumentMap) -> None:
    for s in m.statements():
        t = trace(m, s.id)
        base = _supported(m, s.id, set())
        assert t.supported == base
        critical = {p for p in t.premises if not _supported(m, s.id, {p})} if base else set()
        assert set(t.critical_premises) == critical
        cuts: list[tuple[str, ...]] = [] if base else [()]
        if base:
            for k in (1, 2, 3):
                for combo in itertools.combinations(sorted(t.premises), k):
                    if not _supported(m, s.id, set(combo)) and not any(
                        set(c) <= set(combo) for c in cuts
                    ):
                        cuts.append(combo)
        assert sorted(tuple(sorted(c)) for c in t.minimal_cut_sets(3)) == sorted(cuts)


@settings(max_examples=150)
@given(maps())
def test_what_if_matches_brute_force(m: ArgumentMap) -> None:
    assert _grounded_ids(m) == _grounded(m, set())
    names = [s.id for s in m.statements()] + [a.id for a in m.arguments()]
    before = _grounded(m, set())
    for removed in itertools.islice(itertools.combinations(names, 2), 8):
        after = _grounded(m, set(removed))
        lost = {x for x in before - after if x not in removed and m.arguments_for(x)}
        assert set(what_if(m, remove=list(removed)).lost) == lost


@settings(max_examples=100)
@given(maps())
def test_unsupported_matches_definition(m: ArgumentMap) -> None:
    result = unsupported(m)
    bare = sorted(s.id for s in m.statements()
                  if s.kind != "evidence" and not m.arguments_for(s.id))
    assert list(result.no_argument) == bare
    no_evidence = sorted(
        r.id for r in m.recommendations()
        if m.arguments_for(r.id)
        and not any(m[p].kind == "evidence" for p in trace(m, r.id).premises)
    )
    assert list(result.no_evidence) == no_evidence
