"""Complete support: what a statement needs, what breaks it, what stands on nothing.

Definitions, used by every function here and by :class:`argmap.query.Trace`:

* A statement is **grounded** if it has not been removed and either

  - it has no argument for it (a *basic premise*: the map takes it as given), or
  - some argument for it, not removed, has every premise grounded.

  Grounded is the *least* fixpoint of that rule: start from the basic premises and add
  conclusions whose arguments become complete, until nothing changes. So a cycle of
  support (``a`` for ``b``, ``b`` for ``a``) grounds neither statement unless some
  argument from outside the cycle does.
* An argument is **complete** when every one of its premises is grounded. A statement
  has **complete support** when some argument for it is complete. (A basic premise is
  grounded but has no complete support: nothing in the map argues for it.)
* A premise ``p`` of ``r`` is **critical** when removing ``p`` alone leaves ``r`` with
  no complete support; a **cut set** is a set of premises whose joint removal does so,
  and it is *minimal* when no proper subset of it is a cut set. Linked premises (one
  argument) are each critical unless some other complete chain survives without them;
  convergent arguments (several for one conclusion) protect each other's premises.

When ``r`` has no complete support to begin with, it has no critical premises, and the
empty set is its one minimal cut set.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("s")
>>> r = m.recommendation("Abstain.", id="r")
>>> _ = m.argue([m.claim("Flawed.", id="p"), m.claim("Rushed.", id="q")], r, id="linked")
>>> critical_premises(m, "r")
('p', 'q')
>>> _ = m.argue([m.evidence("Budapest works.", id="e")], r, id="convergent")
>>> critical_premises(m, "r")
()
>>> minimal_cut_sets(m, "r", max_size=2)
[('e', 'p'), ('e', 'q')]
>>> what_if(m, remove=["e", "p"]).recommendations
('r',)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.errors import NodeNotFound, QueryError
from argmap.query._index import SupportIndex, ground, support_index
from argmap.query.trace import trace
from argmap.vocab import KIND_WORDS

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref

__all__ = [
    "Unsupported",
    "WhatIf",
    "critical_premises",
    "minimal_cut_sets",
    "unsupported",
    "what_if",
]


def critical_premises(m: ArgumentMap, statement: Ref) -> tuple[str, ...]:
    """The premises of ``statement`` whose loss alone leaves it with no complete support.

    Computed on the AND/OR structure as the statement's landmarks (a greatest fixpoint;
    see :mod:`argmap.query._local`), in trace order. Empty when the statement has no
    complete support to begin with.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("c"); r = m.recommendation("R.", id="r"); c = m.claim("C.", id="c")
    >>> _ = m.argue([c], r); _ = m.argue([m.evidence("E1.", id="e1")], c)
    >>> _ = m.argue([m.evidence("E2.", id="e2")], c)
    >>> critical_premises(m, "r")
    ('c',)
    """
    return trace(m, statement).critical_premises


def minimal_cut_sets(m: ArgumentMap, statement: Ref, max_size: int = 2) -> list[tuple[str, ...]]:
    """Every minimal set of at most ``max_size`` premises whose joint loss leaves
    ``statement`` with no complete support, smallest first.

    The cost grows as (number of premises) ** (max_size - 1): fine for a brief, slow for
    ``max_size`` above 2 on a trace of thousands of premises.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("m"); r = m.recommendation("R.", id="r")
    >>> _ = m.argue([m.claim("A.", id="a")], r); _ = m.argue([m.claim("B.", id="b")], r)
    >>> minimal_cut_sets(m, "r")
    [('a', 'b')]
    >>> minimal_cut_sets(m, "r", max_size=1)
    []
    """
    if max_size < 0:
        raise QueryError(f"minimal_cut_sets: max_size must be 0 or more, not {max_size}")
    return trace(m, statement).minimal_cut_sets(max_size)


@dataclass(frozen=True)
class WhatIf:
    """What loses complete support when some premises (or arguments) fall.

    ``lost`` holds every statement that had complete support and has none once
    ``removed`` is gone (the removed nodes themselves are not listed); ``recommendations``
    and ``claims`` are the recommendations and claims among them.
    """

    removed: tuple[str, ...]
    lost: tuple[str, ...]
    recommendations: tuple[str, ...]
    claims: tuple[str, ...]

    def to_dict(self) -> dict[str, list[str]]:
        """The result as JSON-able data.

        >>> WhatIf(("e",), ("r",), ("r",), ()).to_dict()
        {'removed': ['e'], 'lost': ['r'], 'recommendations': ['r'], 'claims': []}
        """
        return {
            "removed": list(self.removed),
            "lost": list(self.lost),
            "recommendations": list(self.recommendations),
            "claims": list(self.claims),
        }


def what_if(m: ArgumentMap, remove: Iterable[Ref]) -> WhatIf:
    """Which statements lose all complete support if the named statements or arguments fall.

    ``remove`` names statements (premises, evidence, any claim) or arguments (an
    inference rejected) by id, IRI, text or node. Only what lies downstream of them is
    recomputed, against the map's baseline (kept with the support index).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("w"); r = m.recommendation("R.", id="r"); c = m.claim("C.", id="c")
    >>> _ = m.argue([c], r, id="a1"); _ = m.argue([m.evidence("E.", id="e")], c, id="a2")
    >>> what_if(m, remove=["e"])
    WhatIf(removed=('e',), lost=('c', 'r'), recommendations=('r',), claims=('c',))
    >>> what_if(m, remove=["a1"]).lost
    ('r',)
    >>> what_if(m, remove=["nothing"])
    Traceback (most recent call last):
    ...
    argmap.errors.NodeNotFound: what_if: no node 'nothing' in map 'w': it is not the id, IRI or text of any node
    """
    ix = support_index(m)
    if isinstance(remove, str):
        remove = [remove]
    stmts: set[int] = set()
    args: set[int] = set()
    names: set[str] = set()
    for ref in remove:
        try:
            node_id = m.resolve(ref)
        except NodeNotFound as exc:
            raise NodeNotFound(f"what_if: {exc}") from None
        names.add(node_id)
        if node_id in ix.stmt_of:
            stmts.add(ix.stmt_of[node_id])
        elif node_id in ix.arg_of:
            args.add(ix.arg_of[node_id])
        else:
            kind = ix.nodes[node_id].kind
            raise QueryError(
                f"what_if: {node_id!r} is {KIND_WORDS.get(kind, kind)}; only statements "
                "and arguments can fall"
            )
    before = ix.grounded()
    uses, conclusion = ix.uses(), ix.arg_conclusion
    # Everything downstream of what falls may change; nothing else can.
    down: set[int] = set()
    stack = [conclusion[a] for a in args] + list(stmts)
    while stack:
        s = stack.pop()
        for a in uses[s]:
            c = conclusion[a]
            if c not in down:
                down.add(c)
                stack.append(c)
    for a in args:
        down.add(conclusion[a])
    down -= stmts
    after = _reground(ix, before, down, stmts, args)
    ids, nodes = ix.stmt_ids, ix.nodes
    lost = sorted(ids[s] for s in down if before[s] and not after.get(s, False))
    return WhatIf(
        removed=tuple(sorted(names)),
        lost=tuple(lost),
        recommendations=tuple(i for i in lost if nodes[i].kind == "recommendation"),
        claims=tuple(i for i in lost if nodes[i].kind == "claim"),
    )


def _reground(
    ix: SupportIndex, before: bytearray, down: set[int], gone: set[int], gone_args: set[int]
) -> dict[int, bool]:
    """Grounded status of the statements in ``down`` once ``gone``/``gone_args`` fall.

    Statements outside ``down`` keep their baseline status; those inside start
    ungrounded and ground as their arguments complete (a least fixpoint again).
    """
    premises, conclusion = ix.arg_premises, ix.arg_conclusion
    uses, args_for = ix.uses(), ix.args_for
    now: dict[int, bool] = dict.fromkeys(down, False)

    def holds(s: int) -> bool:
        if s in gone:
            return False
        return now[s] if s in now else bool(before[s])

    # First count, for every argument into ``down``, its premises that do not hold while
    # all of ``down`` is still ungrounded; only then propagate (counting and propagating
    # in one pass would count a premise twice).
    missing: dict[int, int] = {}
    complete: list[int] = []
    for c in down:
        for a in args_for[c]:
            if a in gone_args:
                continue
            missing[a] = count = sum(1 for p in premises[a] if not holds(p))
            if count == 0:
                complete.append(c)
    stack: list[int] = []
    for c in complete:
        if not now[c]:
            now[c] = True
            stack.append(c)
    while stack:
        s = stack.pop()
        for a in uses[s]:
            if a in missing:
                missing[a] -= 1
                c = conclusion[a]
                if missing[a] == 0 and not now[c]:
                    now[c] = True
                    stack.append(c)
    return now


@dataclass(frozen=True)
class Unsupported:
    """Statements that stand on nothing, or on nothing but bare claims.

    ``no_argument``: the claims and recommendations that no argument concludes in (the
    map's bare claims and unargued recommendations). ``no_evidence``: the
    recommendations that have at least one argument but no evidence among their
    premises at any depth, so every chain of support ends in bare claims.
    """

    no_argument: tuple[str, ...]
    no_evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, list[str]]:
        """The result as JSON-able data.

        >>> Unsupported(("c",), ("r",)).to_dict()
        {'no_argument': ['c'], 'no_evidence': ['r']}
        """
        return {"no_argument": list(self.no_argument), "no_evidence": list(self.no_evidence)}


def unsupported(m: ArgumentMap) -> Unsupported:
    """Claims and recommendations with no argument; recommendations with no evidence below.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("u")
    >>> _ = m.argue([m.claim("Bare.", id="bare")], m.recommendation("R1.", id="r1"))
    >>> _ = m.argue([m.evidence("Fact.", id="fact")], m.recommendation("R2.", id="r2"))
    >>> _ = m.recommendation("R3.", id="r3")
    >>> unsupported(m)
    Unsupported(no_argument=('bare', 'r3'), no_evidence=('r1',))
    """
    ix = support_index(m)
    below = ix.evidence_below()
    no_argument = []
    no_evidence = []
    for k, sid in enumerate(ix.stmt_ids):
        kind = ix.nodes[sid].kind
        if kind == "evidence":
            continue
        if not ix.args_for[k]:
            no_argument.append(sid)
        elif kind == "recommendation" and not below[k]:
            no_evidence.append(sid)
    return Unsupported(no_argument=tuple(no_argument), no_evidence=tuple(no_evidence))


def _grounded_ids(m: ArgumentMap, remove: Iterable[str] = ()) -> set[str]:
    """Ids of the grounded statements with ``remove`` (ids) gone (for tests)."""
    ix = support_index(m)
    stmts = [ix.stmt_of[r] for r in remove if r in ix.stmt_of]
    args = [ix.arg_of[r] for r in remove if r in ix.arg_of]
    g = ground(ix, stmts, args)
    return {ix.stmt_ids[k] for k, v in enumerate(g) if v}
