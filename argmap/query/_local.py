"""The AND/OR support structure below one statement, and the algorithms that run on it.

Statements are OR nodes (any one complete argument suffices: convergent support) and
arguments are AND nodes (every premise is needed: linked support). Everything here
works on small local integers: the traced statement (the root) is 0, its premises
follow in trace order. Sets of statements are Python ints used as bitsets.

Definitions (also in :mod:`argmap.query.support`, the public face of these):

* **grounded** (given a set of removed premises): the least fixpoint of "a statement is
  grounded if it is not removed and either has no argument for it (a basic premise,
  taken as given) or some argument for it has every premise grounded". Being a least
  fixpoint, a cycle of support never grounds itself.
* an argument is **complete** when all its premises are grounded; a statement has
  **complete support** when some argument for it is complete.
* a **landmark** of the root is a statement in every derivation of it: removing it
  alone leaves the root with no complete support. The landmarks are the greatest
  fixpoint of ``LM(s) = {s}`` for a basic premise and
  ``LM(s) = {s} ∪ ⋂_{complete a for s} ⋃_{p premise of a} LM(p)`` otherwise, which on an
  AND/OR graph is exactly the set of necessary nodes (Keyder, Richter and Helmert, 2010,
  "Sound and complete landmarks for and/or graphs").
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.query._index import SupportIndex
from argmap.util import bits

__all__ = ["Local", "bits", "iter_paths"]


class Local:
    """The support structure below ``stmts[0]`` (the root), numbered locally.

    ``stmts`` are the global statement numbers of the root and its premises; every
    argument for any of them is part of the structure.
    """

    __slots__ = ("arg_concl", "arg_prem", "args", "args_for", "stmts", "uses")

    def __init__(self, ix: SupportIndex, stmts: list[int]) -> None:
        pos = {s: i for i, s in enumerate(stmts)}
        ix_args_for = ix.args_for
        ix_prem = ix.arg_premises
        args: list[int] = []
        arg_prem: list[tuple[int, ...]] = []
        arg_concl: list[int] = []
        args_for: list[list[int]] = []
        uses: list[list[int]] = [[] for _ in stmts]
        for i, s in enumerate(stmts):
            mine = []
            for a in ix_args_for[s]:
                k = len(args)
                local = tuple(pos[p] for p in ix_prem[a])
                args.append(a)
                arg_prem.append(local)
                arg_concl.append(i)
                mine.append(k)
                for p in local:
                    uses[p].append(k)
            args_for.append(mine)
        self.stmts = stmts
        self.args = args
        self.arg_prem = arg_prem
        self.arg_concl = arg_concl
        self.args_for = args_for
        self.uses = uses

    def ground(self, removed: int = 0) -> tuple[list[int], list[int]]:
        """The grounded statements (in the order they ground) and each argument's count of
        ungrounded premises (0 = complete), with the statements in bitset ``removed`` gone.
        """
        n = len(self.stmts)
        args_for = self.args_for
        missing = [len(p) for p in self.arg_prem]
        uses = self.uses
        concl = self.arg_concl
        done = removed
        order = []
        for i in range(n):
            if not args_for[i] and not (removed >> i) & 1:
                order.append(i)
                done |= 1 << i
        k = 0
        while k < len(order):
            s = order[k]
            k += 1
            for a in uses[s]:
                missing[a] -= 1
                if missing[a] == 0:
                    c = concl[a]
                    if not (done >> c) & 1:
                        done |= 1 << c
                        order.append(c)
        return order, missing

    def supported(self, removed: int = 0) -> bool:
        """Whether the root keeps complete support with the premises in ``removed`` gone."""
        _, missing = self.ground(removed)
        return any(missing[a] == 0 for a in self.args_for[0])

    def landmarks(self, removed: int = 0) -> int | None:
        """The root's landmarks as a bitset (root included), or None if it has no complete
        support (with the premises in bitset ``removed`` gone)."""
        order, missing = self.ground(removed)
        args_for = self.args_for
        if not any(missing[a] == 0 for a in args_for[0]):
            return None
        arg_prem = self.arg_prem
        lm: list[int | None] = [None] * len(self.stmts)  # None: not yet known (the top)
        for i in order:
            if not args_for[i]:
                lm[i] = 1 << i
        changed = True
        while changed:
            changed = False
            for i in order:
                afs = args_for[i]
                if not afs:
                    continue
                meet: int | None = None
                for a in afs:
                    if missing[a]:
                        continue
                    join = 0
                    for p in arg_prem[a]:
                        lp = lm[p]
                        if lp is None:
                            break
                        join |= lp
                    else:
                        meet = join if meet is None else meet & join
                new = None if meet is None else meet | (1 << i)
                if new != lm[i]:
                    lm[i] = new
                    changed = True
        return lm[0]

    def critical(self) -> list[int]:
        """Local numbers of the premises whose loss alone leaves the root unsupported."""
        lm = self.landmarks()
        return [] if lm is None else bits(lm & ~1)

    def minimal_cuts(self, max_size: int) -> list[frozenset[int]]:
        """Every minimal set of premises (local numbers), of at most ``max_size``, whose
        joint loss leaves the root with no complete support.

        When the root has no complete support to begin with, the empty set is the one
        minimal cut. The search extends non-cut sets in increasing order of their members
        and closes each with a landmark of what is left, so every minimal cut is found;
        its cost grows as (number of premises) ** (max_size - 1).
        """
        if max_size < 0:
            return []
        base = self.landmarks()
        if base is None:
            return [frozenset()]
        found: set[frozenset[int]] = set()

        def extend(removed: int, members: tuple[int, ...], lm: int) -> None:
            for q in bits(lm & ~1):
                cut = frozenset((*members, q))
                if cut in found:
                    continue
                with_q = removed | (1 << q)
                if all(self.supported(with_q & ~(1 << r)) for r in members):
                    found.add(cut)
            if len(members) + 1 >= max_size:
                return
            order, _ = self.ground(removed)
            last = members[-1] if members else 0
            for q in sorted(order):
                if q <= last or (lm >> q) & 1:
                    continue
                sub = self.landmarks(removed | (1 << q))
                if sub is not None:
                    extend(removed | (1 << q), (*members, q), sub)

        if max_size >= 1:
            extend(0, (), base)
        return sorted(found, key=lambda c: (len(c), sorted(c)))


def iter_paths(ix: SupportIndex, root: int) -> Iterator[tuple[int, ...]]:
    """Every simple support path from a basic premise up to ``root``.

    A path alternates statement and argument numbers, encoded as ``(stmt, ~arg, stmt,
    ..., root)`` (arguments bit-inverted so the two kinds can share one tuple). Paths
    that would revisit a statement (support cycles) are not followed; a premise with no
    basic premise below it ends no path.
    """
    args_for = ix.args_for
    prem = ix.arg_premises
    if not args_for[root]:
        return

    def steps(s: int) -> Iterator[tuple[int, int]]:
        return ((a, p) for a in args_for[s] for p in prem[a])

    frames: list[Iterator[tuple[int, int]]] = [steps(root)]
    down: list[tuple[int, int]] = []  # (arg, stmt) from the root down to the current frame
    on_path = {root}
    while frames:
        step = next(frames[-1], None)
        if step is None:
            frames.pop()
            if down:
                on_path.discard(down.pop()[1])
            continue
        a, p = step
        if p in on_path:
            continue
        if not args_for[p]:
            path = [p, ~a]
            for a2, p2 in reversed(down):
                path += (p2, ~a2)
            path.append(root)
            yield tuple(path)
            continue
        on_path.add(p)
        down.append((a, p))
        frames.append(steps(p))


