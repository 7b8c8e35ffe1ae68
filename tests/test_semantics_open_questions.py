"""accept(..., open_questions="attack"): each open critical question is an unattacked
undercut of its argument, and nothing else changes (brute force on small maps)."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, accept
from argmap.questions import critical_questions
from argmap.semantics import map_framework
from argmap.semantics.open_questions import question_attacks, questioned_framework

SCHEMES = ["sign", "practical reasoning", "Example", None, "astrology"]
KEYS = ["observed", "strength", "other-causes", "side-effects", "alternatives", "typical",
        "true", None]


@st.composite
def small_maps(draw: Any) -> ArgumentMap:
    m = ArgumentMap("oq")
    n = draw(st.integers(2, 4))
    ids = [f"s{i}" for i in range(n)]
    for i in ids:
        m.claim(f"S {i}.", id=i)
    args: list[str] = []
    for k in range(draw(st.integers(1, 3))):
        c = draw(st.sampled_from(ids))
        p = draw(st.sampled_from([i for i in ids if i != c]))
        try:
            m.argue([p], c, id=f"a{k}", scheme=draw(st.sampled_from(SCHEMES)))
        except argmap.ArgmapError:
            continue
        args.append(f"a{k}")
    for k in range(draw(st.integers(0, 3))):
        x = draw(st.sampled_from(ids))
        t = draw(st.sampled_from([i for i in ids + args if i != x]))
        try:
            m.attack(x, t, id=f"t{k}", question=draw(st.sampled_from(KEYS)))
        except argmap.ArgmapError:
            continue
    return m


def brute_grounded(arguments: list[str], attacks: set[tuple[str, str]]) -> frozenset[str]:
    """The least complete extension, by trying every subset."""
    attackers = {a: {x for x, y in attacks if y == a} for a in arguments}

    def defends(s: frozenset[str], a: str) -> bool:
        return all(any((d, b) in attacks for d in s) for b in attackers[a])

    complete = []
    for r in range(len(arguments) + 1):
        for combo in combinations(arguments, r):
            s = frozenset(combo)
            if any((a, b) in attacks for a in s for b in s):
                continue
            if all(defends(s, a) for a in s) and all(a in s for a in arguments if defends(s, a)):
                complete.append(s)
    least = [s for s in complete if all(s <= o for o in complete)]
    assert len(least) == 1
    return least[0]


@settings(max_examples=80, deadline=None)
@given(small_maps())
def test_the_option_adds_exactly_one_unattacked_undercut_per_open_question(
    m: ArgumentMap,
) -> None:
    plain = map_framework(m).framework
    mf = questioned_framework(m, open_questions="attack")
    af = mf.framework
    open_rows = critical_questions(m).open()
    extra = {(f"{r.argument}#cq:{r.question}", r.argument) for r in open_rows}
    assert set(af.attacks) == set(plain.attacks) | extra
    assert set(af.arguments) == set(plain.arguments) | {x for x, _ in extra}
    assert set(question_attacks(m)) == extra
    # the labels of the map's nodes are the brute-force grounded labels of that framework
    grounded = brute_grounded(list(af.arguments), set(af.attacks))
    result = accept(m, "grounded", open_questions="attack")
    assert set(result.extensions[0]) == grounded & set(mf.nodes)
    for node, label in result.labels.items():
        if node in grounded:
            assert str(label) == "IN"
    # every argument with an open question is OUT; with none, nothing changes
    for r in open_rows:
        assert str(result.labels[r.argument]) == "OUT"
    if not open_rows:
        assert result == accept(m, "grounded")


@settings(max_examples=40, deadline=None)
@given(small_maps(), st.sampled_from(["preferred", "stable", "complete"]))
def test_the_option_equals_writing_the_questions_as_attacks(m: ArgumentMap, sem: str) -> None:
    """The definition, as a map: a claim per open question that undercuts its argument."""
    explicit = m.copy()
    for x, target in question_attacks(m):
        explicit.attack(explicit.claim(f"Open: {x}.", id=x.replace("#cq:", "--cq--")), target)
    want = accept(explicit, sem)
    got = accept(m, sem, open_questions="attack")
    assert got.labels == {k: v for k, v in want.labels.items() if k in got.labels}
    assert {tuple(x for x in e if "--cq--" not in x) for e in want.extensions} == set(
        got.extensions
    )


def test_off_by_default_and_a_bad_value_is_refused() -> None:
    m = ArgumentMap("oq")
    r = m.recommendation("Abstain.", id="r")
    a = m.argue([m.claim("Flawed.", id="f")], r, id="a", scheme="practical reasoning")
    assert str(accept(m).labels["r"]) == "IN"
    assert str(accept(m, open_questions="attack").labels["r"]) == "OUT"
    assert str(accept(m, open_questions="attack", projection="bipolar").labels["r"]) == "OUT"
    for q in ("alternatives", "best-means", "feasible", "other-goals", "side-effects"):
        m.argue([m.claim(f"Answer {q}.", id=f"ans-{q}")], "f", question=q, id=f"ans-arg-{q}")
    assert str(accept(m, open_questions="attack").labels["r"]) == "IN"
    assert a.id in accept(m, open_questions="attack").extensions[0]
    with pytest.raises(argmap.SemanticsError, match="open_questions"):
        accept(m, open_questions="maybe")
