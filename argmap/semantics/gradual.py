"""Gradual strength: DF-QuAD on bipolar frameworks.

DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016, "Discontinuity-free decision support with
quantitative argumentation debates", KR 2016) gives every argument ``a`` with base score
``τ(a) ∈ [0, 1]`` a strength

    σ(a) = C(τ(a), F(σ(attackers of a)), F(σ(supporters of a)))

with the aggregation ``F(v₁, …, vₙ) = 1 − (1 − v₁)(1 − v₂)…(1 − vₙ)`` (``F() = 0``) and the
combination

    C(τ, vₐ, vₛ) = τ − τ·(vₐ − vₛ)          if vₐ ≥ vₛ
    C(τ, vₐ, vₛ) = τ + (1 − τ)·(vₛ − vₐ)    if vₐ < vₛ

so attackers pull the strength towards 0 and supporters towards 1, in proportion to the
room left. On an acyclic framework the strengths are computed once each, in topological
order. With cycles they are the fixpoint of the equations, found by iterating them from
the base scores (Jacobi); if that does not settle within ``max_iter`` rounds, the
iteration is damped (each round moves half-way to the new values), and if that does not
settle either a :class:`~argmap.errors.SemanticsError` says so.

For a map, the bipolar framework is :func:`~argmap.semantics.projection.bipolar_framework`
(statements and Arguments; premises support their Argument, an Argument supports its
conclusion; attacks as drawn), and a node's base score is its ``data["base_score"]``,
else the ``default`` (0.5).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.errors import SemanticsError
from argmap.semantics.framework import BipolarFramework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["BASE_SCORE_KEY", "dfquad", "map_strengths"]

BASE_SCORE_KEY = "base_score"
"""The key in a node's ``data`` that sets its base score."""


def _aggregate(values: list[float]) -> float:
    rest = 1.0
    for v in values:
        rest *= 1.0 - v
    return 1.0 - rest


def _combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _check_score(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SemanticsError(f"the base score of {name!r} is {value!r}, not a number")
    score = float(value)
    if not 0.0 <= score <= 1.0:
        raise SemanticsError(f"the base score of {name!r} is {score}, not in [0, 1]")
    return score


def dfquad(
    baf: BipolarFramework,
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
    max_iter: int = 10_000,
    tol: float = 1e-12,
) -> dict[str, float]:
    """The DF-QuAD strength of every argument of ``baf`` (formula in the module docstring).

    Args:
        baf: the bipolar framework.
        base_scores: base scores by argument name; others get ``default``.
        default: the base score of arguments not in ``base_scores``.
        max_iter: rounds of iteration allowed on a cyclic framework (undamped, then damped).
        tol: the largest change between two rounds that counts as settled.

    Raises:
        SemanticsError: a base score outside [0, 1], a name not in the framework, or
            strengths that do not settle on a cyclic framework.

    Examples:
        >>> baf = BipolarFramework(attacks=[("b", "a")], supports=[("c", "a")])
        >>> dfquad(baf)
        {'b': 0.5, 'a': 0.5, 'c': 0.5}
        >>> dfquad(baf, {"c": 1.0})["a"]
        0.75
        >>> dfquad(BipolarFramework(attacks=[("a", "b"), ("b", "a")]))["a"]  # doctest: +ELLIPSIS
        0.333333333...
    """
    names = baf.arguments
    index = {name: i for i, name in enumerate(names)}
    default = _check_score("default", default)
    base = [default] * len(names)
    for name, value in (base_scores or {}).items():
        if name not in index:
            raise SemanticsError(f"base score given for {name!r}, which is not an argument")
        base[index[name]] = _check_score(name, value)
    attackers: list[list[int]] = [[] for _ in names]
    supporters: list[list[int]] = [[] for _ in names]
    for a, b in baf.attacks:
        attackers[index[b]].append(index[a])
    for a, b in baf.supports:
        supporters[index[b]].append(index[a])
    order = _topological(attackers, supporters)
    strength = list(base)
    if order is not None:
        for i in order:
            strength[i] = _combine(
                base[i],
                _aggregate([strength[j] for j in attackers[i]]),
                _aggregate([strength[j] for j in supporters[i]]),
            )
        return dict(zip(names, strength, strict=True))
    for damping in (1.0, 0.5):
        current = list(base)
        for _ in range(max_iter):
            new = [
                _combine(
                    base[i],
                    _aggregate([current[j] for j in attackers[i]]),
                    _aggregate([current[j] for j in supporters[i]]),
                )
                for i in range(len(names))
            ]
            if damping != 1.0:
                new = [c + damping * (v - c) for c, v in zip(current, new, strict=True)]
            change = max((abs(v - c) for v, c in zip(new, current, strict=True)), default=0.0)
            current = new
            if change <= tol:
                return dict(zip(names, current, strict=True))
    raise SemanticsError(
        f"DF-QuAD strengths did not settle in {max_iter} rounds (plain and damped) on this "
        "cyclic framework; raise max_iter or tol"
    )


def _topological(attackers: list[list[int]], supporters: list[list[int]]) -> list[int] | None:
    """An order in which every argument comes after its attackers and supporters, or None."""
    n = len(attackers)
    waiting = [len(attackers[i]) + len(supporters[i]) for i in range(n)]
    after: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        for j in attackers[i]:
            after[j].append(i)
        for j in supporters[i]:
            after[j].append(i)
    order = [i for i in range(n) if not waiting[i]]
    for i in order:  # grows while we walk it
        for k in after[i]:
            waiting[k] -= 1
            if not waiting[k]:
                order.append(k)
    return order if len(order) == n else None


def map_strengths(
    m: ArgumentMap,
    base_scores: Mapping[str, float] | None = None,
    *,
    default: float = 0.5,
) -> dict[str, float]:
    """DF-QuAD strengths of a map's statements and Arguments.

    A node's base score is ``base_scores[id]`` if given, else its ``data["base_score"]``,
    else ``default``. Keys of ``base_scores`` may be ids, IRIs or exact texts.

    Raises:
        SemanticsError: a base score that is not a number in [0, 1].
        NodeNotFound: a key of ``base_scores`` that names no node.

    Examples:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x")
        >>> r = m.recommendation("Abstain.", id="r")
        >>> _ = m.argue([m.evidence("It is flawed.", id="e")], r, id="a")
        >>> _ = m.attack(m.claim("Its goals are laudable.", id="g"), "e")
        >>> {k: round(v, 4) for k, v in sorted(map_strengths(m).items())}
        {'a': 0.625, 'e': 0.25, 'g': 0.5, 'r': 0.8125}
    """
    from argmap.semantics.projection import bipolar_framework

    baf = bipolar_framework(m)
    scores: dict[str, float] = {}
    for name in baf.arguments:
        value = m[name].data.get(BASE_SCORE_KEY)
        if value is not None:
            scores[name] = _check_score(name, value)
    for ref, value in (base_scores or {}).items():
        scores[m.resolve(ref)] = _check_score(str(ref), value)
    return dfquad(baf, scores, default=default)
