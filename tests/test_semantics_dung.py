"""Dung semantics: hand-made frameworks with worked answers, and a brute-force differential."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import SemanticsError
from argmap.semantics import (
    AbstractFramework,
    Label,
    Labelling,
    complete_extensions,
    complete_labellings,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_credulously_accepted,
    is_sceptically_accepted,
    preferred_extensions,
    sceptical_labelling,
    stable_extensions,
    stable_labellings,
)


def sets(*groups: str) -> set[frozenset[str]]:
    """``sets("ab", "")`` is {{"a", "b"}, {}} (one-letter argument names)."""
    return {frozenset(g) for g in groups}


# -- hand-made frameworks, answers worked out by hand ------------------------------------------


def test_chain_is_decided_by_its_unattacked_end() -> None:
    # a -> b -> c -> d: a is unattacked, so IN; b OUT; c defended by a, IN; d OUT.
    af = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("c", "d")])
    assert grounded_extension(af) == {"a", "c"}
    assert grounded_labelling(af).out == {"b", "d"}
    for semantics in ("complete", "preferred", "stable"):
        assert set(extensions(af, semantics)) == sets("ac")


def test_even_cycle_splits_the_credulous_from_the_sceptical() -> None:
    # a <-> b: grounded is empty; {a} and {b} are both stable; complete adds {}.
    af = AbstractFramework(attacks=[("a", "b"), ("b", "a")])
    assert grounded_extension(af) == frozenset()
    assert set(complete_extensions(af)) == sets("", "a", "b")
    assert set(preferred_extensions(af)) == sets("a", "b")
    assert set(stable_extensions(af)) == sets("a", "b")
    assert is_credulously_accepted(af, "a", "preferred")
    assert not is_sceptically_accepted(af, "a", "preferred")


def test_odd_cycle_has_no_stable_extension() -> None:
    # a -> b -> c -> a: every argument UNDEC; the only complete (so preferred) set is {}.
    af = AbstractFramework(attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    assert set(preferred_extensions(af)) == sets("")
    assert stable_extensions(af) == []
    assert not is_credulously_accepted(af, "a", "stable")
    assert is_sceptically_accepted(af, "a", "stable")  # vacuously: no stable extension
    assert sceptical_labelling(af, "stable").undec == {"a", "b", "c"}


def test_floating_reinstatement() -> None:
    # a <-> b, both attack c, c attacks d. Every preferred extension has a or b, so c is
    # OUT in both and d IN in both: sceptically preferred, but not grounded.
    af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert set(preferred_extensions(af)) == sets("ad", "bd")
    assert grounded_extension(af) == frozenset()
    assert is_sceptically_accepted(af, "d", "preferred")
    assert is_sceptically_accepted(af, "d", "stable")
    assert not is_sceptically_accepted(af, "d", "grounded")
    assert not is_sceptically_accepted(af, "d", "complete")
    summary = sceptical_labelling(af, "preferred")
    assert (summary["c"], summary["d"], summary["a"]) == (Label.OUT, Label.IN, Label.UNDEC)


def test_self_attack_and_preferred_differs_from_stable() -> None:
    # a <-> b, b -> c, c -> c: {a} is stable? a attacks b, c is attacked only by b and c.
    # c is not attacked by {a}, so {a} is not stable; {b} attacks a and c: stable.
    af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    assert set(preferred_extensions(af)) == sets("a", "b")
    assert set(stable_extensions(af)) == sets("b")
    assert not is_credulously_accepted(af, "c", "preferred")
    assert is_credulously_accepted(af, "a", "complete")
    assert not is_credulously_accepted(af, "a", "stable")


def test_independent_disputes_multiply() -> None:
    # k disjoint 2-cycles: 2^k preferred (= stable) extensions and 3^k complete ones
    pairs = []
    for i in range(10):
        pairs += [(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")]
    af = AbstractFramework(["z"], [*pairs, ("z", "w")])
    assert len(preferred_extensions(af)) == 1024
    assert all({"z"} <= e and "w" not in e for e in stable_extensions(af))
    assert len(complete_extensions(af.restrict([f"{c}{i}" for i in range(6) for c in "ab"]))) == 729
    assert is_credulously_accepted(af, "a3", "stable")
    assert not is_sceptically_accepted(af, "a3", "stable")
    assert is_sceptically_accepted(af, "z", "stable")
    # add an odd cycle elsewhere: no stable extension at all, whatever the 2-cycles do
    odd = AbstractFramework(af.arguments, [*af.attacks, ("x", "y"), ("y", "v"), ("v", "x")])
    assert stable_extensions(odd) == []
    assert not is_credulously_accepted(odd, "a3", "stable")
    assert not is_credulously_accepted(odd, "z", "stable")
    assert is_sceptically_accepted(odd, "w", "stable")  # vacuously
    assert len(preferred_extensions(odd)) == 1024


def test_empty_and_unattacked_frameworks() -> None:
    empty = AbstractFramework()
    assert extensions(empty, "grounded") == [frozenset()]
    assert extensions(empty, "stable") == [frozenset()]
    alone = AbstractFramework(["x", "y"])
    for semantics in ("grounded", "complete", "preferred", "stable"):
        assert extensions(alone, semantics) == [frozenset({"x", "y"})]


def test_labellings_are_complete_and_ordered() -> None:
    af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("b", "c")])
    labs = complete_labellings(af)
    assert [sorted(lab.in_) for lab in labs] == [[], ["a", "c"], ["b"]]
    assert labs[2].to_dict() == {"a": "OUT", "b": "IN", "c": "OUT"}
    assert labs[0] == Labelling.from_mapping(af, {"a": "UNDEC", "b": "UNDEC", "c": "UNDEC"})
    assert stable_labellings(af)[0].count("OUT") == 1


def test_unknown_semantics_and_arguments() -> None:
    af = AbstractFramework(["a"])
    with pytest.raises(SemanticsError, match="unknown semantics 'ideal'"):
        extensions(af, "ideal")
    with pytest.raises(SemanticsError, match="no argument named 'b'"):
        is_credulously_accepted(af, "b")
    with pytest.raises(SemanticsError, match="no argument named"):
        is_sceptically_accepted(af, 3)


def test_labelling_mapping_behaviour() -> None:
    af = AbstractFramework(attacks=[("a", "b")])
    lab = grounded_labelling(af)
    assert dict(lab) == {"a": Label.IN, "b": Label.OUT}
    assert lab.codes == b"\x01\x02"
    assert lab == {"a": "IN", "b": "OUT"}
    with pytest.raises(KeyError):
        lab["z"]
    with pytest.raises(ValueError, match="has no label"):
        Labelling.from_mapping(af, {"a": "IN"})


def test_grounded_on_a_long_chain_needs_no_recursion() -> None:
    n = 50_000
    af = AbstractFramework.from_indices(n, list(range(n - 1)), list(range(1, n)))
    lab = grounded_labelling(af)
    assert lab.count("IN") == n // 2 and lab["1"] is Label.IN and lab["2"] is Label.OUT


# -- differential test against a brute-force enumerator ----------------------------------------


def brute_force(af: AbstractFramework) -> dict[str, set[frozenset[str]]]:
    """Every semantics straight from Dung's definitions, by trying every subset.

    S is conflict-free when no member attacks a member; S defends a when S attacks every
    attacker of a; complete = conflict-free and exactly the arguments S defends; grounded
    = the least complete; preferred = the ⊆-maximal complete (= maximal admissible);
    stable = conflict-free and attacking every argument outside.
    """
    names = af.arguments
    n = len(names)
    succ = [sum(1 << j for j in row) for row in af.successors()]
    pred = [sum(1 << j for j in row) for row in af.predecessors()]
    everyone = (1 << n) - 1
    complete: list[int] = []
    stable: list[int] = []
    for s in range(1 << n):
        attacked = 0
        for i in range(n):
            if s >> i & 1:
                attacked |= succ[i]
        if attacked & s:
            continue  # not conflict-free
        defended = sum(1 << a for a in range(n) if pred[a] & ~attacked == 0)
        if defended == s:
            complete.append(s)
        if attacked == everyone & ~s:
            stable.append(s)
    grounded = min(complete, key=int.bit_count)
    assert all(grounded & ~c == 0 for c in complete)  # the least complete extension

    def named(m: int) -> frozenset[str]:
        return frozenset(names[i] for i in range(n) if m >> i & 1)

    return {
        "grounded": {named(grounded)},
        "complete": {named(c) for c in complete},
        "preferred": {
            named(c) for c in complete if not any(c != d and c & ~d == 0 for d in complete)
        },
        "stable": {named(c) for c in stable},
    }


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 12) -> AbstractFramework:
    """Random frameworks of up to ``max_arguments``, sparse to dense, self-attacks included."""
    n = draw(st.integers(0, max_arguments))
    names = [f"a{i}" for i in range(n)]
    if not n:
        return AbstractFramework()
    index = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(index, index), max_size=max(3 * n, n * n // 2)))
    return AbstractFramework(names, [(names[i], names[j]) for i, j in pairs])


@settings(max_examples=500, deadline=None)
@given(frameworks(), st.data())
def test_every_semantics_matches_brute_force(af: AbstractFramework, data: st.DataObject) -> None:
    expected = brute_force(af)
    for semantics, wanted in expected.items():
        found = extensions(af, semantics)
        assert len(found) == len(set(found))
        assert set(found) == wanted, semantics
    if not len(af):
        return
    # acceptance and the sceptical summary, for a few arguments of each framework
    picks = data.draw(st.lists(st.sampled_from(af.arguments), min_size=1, max_size=3))
    labs = complete_labellings(af)
    for semantics in ("grounded", "complete", "preferred", "stable"):
        wanted = expected[semantics]
        summary = sceptical_labelling(af, semantics)
        for a in picks:
            assert is_credulously_accepted(af, a, semantics) == any(a in e for e in wanted)
            assert is_sceptically_accepted(af, a, semantics) == all(a in e for e in wanted)
            seen = {lab[a] for lab in labs if lab.in_ in wanted}
            assert summary[a] == (seen.pop() if len(seen) == 1 else Label.UNDEC)
