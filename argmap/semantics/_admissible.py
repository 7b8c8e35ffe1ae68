"""Goal-directed search for admissible sets, over bit sets.

A set ``S`` is admissible when it is conflict-free and attacks every attacker of its
members. The search keeps ``S`` conflict-free at every step and treats each attacker of a
member that ``S`` does not attack yet as an open *obligation*: some argument attacking it
must join ``S``. It branches only on obligations (and on clauses "one of these must be in
``S``"), so it never looks at arguments that do not bear on the question, in the manner of
the dialectical proof procedures for credulous acceptance (Dung, Kowalski & Toni 2006,
"Dialectic proof procedures for assumption-based, admissible argumentation", AIJ 170(2);
Modgil & Caminada 2009, "Proof theories and algorithms for abstract argumentation
frameworks").

Sets of arguments are Python integers used as bit sets (bit ``i`` = argument ``i``), so a
search state is four integers: ``S``, the arguments ``S`` attacks, the arguments attacking
``S``, and the arguments excluded on this branch. Backtracking restores them in O(1).

Propagation:

- an argument can join ``S`` (is in the *pool*) unless it is in ``S``, excluded, attacks
  itself, is attacked by ``S``, or attacks ``S``;
- an open obligation with no attacker in the pool is a dead end; with exactly one, that
  attacker joins ``S`` at once;
- a clause with no member in ``S`` and none in the pool is a dead end; with exactly one
  member in the pool, that member joins at once.

The obligation with the fewest candidates is branched on first ("join" before "exclude").
A failed "join" at the top of a query that assumes nothing beyond the grounded extension
proves the argument is in no admissible set at all; such arguments are remembered (in
:attr:`AdmissibleSearch.never`, closed under "attacked by an argument that only
never-arguments attack") and left out of later queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.semantics.framework import AbstractFramework
from argmap.util import bits

__all__ = ["AdmissibleSearch", "bits", "mask"]


def mask(indices: Iterable[int]) -> int:
    """The bit set of ``indices``."""
    m = 0
    for i in indices:
        m |= 1 << i
    return m


class AdmissibleSearch:
    """Find admissible sets that contain given arguments and meet given clauses."""

    def __init__(self, af: AbstractFramework) -> None:
        n = len(af)
        succ = af.successors()
        pred = af.predecessors()
        self.n = n
        self.succ_mask = [mask(s) for s in succ]
        self.pred_mask = [mask(p) for p in pred]
        self.self_attack = mask(i for i in range(n) if i in succ[i])
        self.never = self.self_attack
        out_deg = [len(s) for s in succ]
        score = [(out_deg[i] + 1) / (len(pred[i]) + 1) for i in range(n)]
        self.score = score
        self.nodes = 0  # branches taken so far (a statistic for benchmarks)
        self._learn(0)

    # -- learning ---------------------------------------------------------------------------

    def _learn(self, new: int) -> None:
        """Add ``new`` to :attr:`never` and close it: whatever an unanswerable argument
        (one attacked only by never-arguments) attacks is never admissible either."""
        never = self.never | new
        pred_mask = self.pred_mask
        succ_mask = self.succ_mask
        changed = True
        while changed:
            changed = False
            for y in range(self.n):
                if not pred_mask[y] & ~never:  # nothing admissible can attack y
                    hit = succ_mask[y] & ~never
                    if hit:
                        never |= hit
                        changed = True
        self.never = never

    # -- search -----------------------------------------------------------------------------

    def _cover(self, candidates: int, open_: int) -> int:
        """The candidate that answers the most open obligations (ties: best rank)."""
        if not candidates & (candidates - 1):
            return candidates.bit_length() - 1
        succ_mask = self.succ_mask
        score = self.score
        best, best_key = -1, (-1, -1.0)
        while candidates:
            low = candidates & -candidates
            candidates ^= low
            i = low.bit_length() - 1
            key = ((succ_mask[i] & open_).bit_count(), score[i])
            if key > best_key:
                best, best_key = i, key
        return best

    def find(
        self,
        must_in: Iterable[int] = (),
        clauses: Sequence[Iterable[int]] = (),
        *,
        learn: bool = False,
    ) -> list[int] | None:
        """An admissible set (sorted indices) containing ``must_in`` and meeting ``clauses``.

        Returns None when there is none. With ``learn``, the caller promises that
        ``must_in`` lies inside every complete extension (the grounded extension does), so
        a clause member that cannot join on the first branch is in no admissible set and
        is added to :attr:`never`.
        """
        succ_mask = self.succ_mask
        pred_mask = self.pred_mask
        clause_masks = [mask(c) for c in clauses]
        all_clauses = -1
        for c in clause_masks:
            all_clauses &= c
        s = plus = minus = 0
        excl = self.never
        for x in must_in:
            b = 1 << x
            if s & b:
                continue
            if (excl | plus | minus) & b:
                return None
            s |= b
            plus |= succ_mask[x]
            minus |= pred_mask[x]
        learning = learn and not (minus & ~plus)  # must_in admissible on its own
        # stack entries: (argument, S, plus, minus, excl, learnable) before the join
        stack: list[tuple[int, int, int, int, int, bool]] = []
        while True:
            # -- propagate to a fixpoint, then pick a branch ---------------------------------
            ok = True
            choice = -1
            while True:
                from_clause = False
                pool = ~(s | plus | minus | excl)
                open_ = minus & ~plus
                forced = 0
                best_cands = 0
                best_count = -1
                while open_:
                    low = open_ & -open_
                    open_ ^= low
                    cands = pred_mask[low.bit_length() - 1] & pool
                    if not cands & (cands - 1):  # none or exactly one candidate
                        if not cands:
                            ok = False
                            break
                        forced |= cands
                    elif not forced:
                        count = cands.bit_count()
                        if best_count < 0 or count < best_count:
                            best_count, best_cands = count, cands
                if ok and not forced and best_count < 0:  # obligations all answered
                    for c in clause_masks:
                        if not c & s:
                            cands = c & pool
                            if not cands & (cands - 1):
                                if not cands:
                                    ok = False
                                    break
                                forced |= cands
                            elif not forced:
                                count = cands.bit_count()
                                if best_count < 0 or count < best_count:
                                    best_count, best_cands = count, cands
                                    from_clause = True
                if not ok:
                    break
                if forced:  # join every forced argument at once, unless two conflict
                    f = forced
                    while f:
                        low = f & -f
                        f ^= low
                        x = low.bit_length() - 1
                        if succ_mask[x] & forced:
                            ok = False
                            break
                        plus |= succ_mask[x]
                        minus |= pred_mask[x]
                    if not ok:
                        break
                    s |= forced
                    continue
                if best_count >= 0:
                    choice = self._cover(best_cands, minus & ~plus)
                break
            if ok and choice < 0:
                return bits(s)
            if ok:
                first = from_clause and not stack and learning and (1 << choice) & all_clauses
                stack.append((choice, s, plus, minus, excl, bool(first)))
                self.nodes += 1
                s |= 1 << choice
                plus |= succ_mask[choice]
                minus |= pred_mask[choice]
                continue
            # -- dead end: backtrack ---------------------------------------------------------
            if not stack:
                return None
            x, s, plus, minus, excl, first = stack.pop()
            if first:
                self._learn(1 << x)
                excl |= self.never
            excl |= 1 << x
