"""Backtracking search for complete labellings, with constraint propagation.

Each argument has a domain, a bit set over IN (1), OUT (2) and UNDEC (4). A complete
labelling is an assignment in which every argument ``a`` satisfies

- ``a`` is IN iff every attacker of ``a`` is OUT,
- ``a`` is OUT iff some attacker of ``a`` is IN,
- ``a`` is UNDEC iff no attacker is IN and some attacker is UNDEC.

Propagation keeps, per argument, counters over its attackers (how many may still be IN, OUT or UNDEC,
how many are certainly IN, how many may be other than OUT), so checking an argument's
constraint costs O(1) and narrowing a domain costs O(out-degree). The rules are the unit
propagation of the usual SAT encoding of complete labellings (Cerutti et al. 2013,
"Computing preferred extensions in abstract argumentation: a SAT-based approach", TAFA):
propagation alone already yields the grounded labelling.

The search branches on one argument that may still be IN at a time, first "IN", then
"not IN", choosing arguments in a fixed order that favours those that attack much and are
attacked little; once every argument is IN or certainly not IN, propagation settles OUT
against UNDEC by itself. Everything is undone through a trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.semantics.framework import AbstractFramework

IN, OUT, UND = 1, 2, 4
_TO_CODES = bytes.maketrans(b"\x01\x02\x04", b"\x01\x02\x03")


class Search:
    """Propagation state plus a depth-first search over the labellings of one framework."""

    def __init__(self, af: AbstractFramework) -> None:
        n = len(af)
        succ = af.successors()
        pred = af.predecessors()
        deg = [len(p) for p in pred]
        self.n = n
        self.succ = succ
        self.pred = pred
        self.deg = deg
        self.dom = [IN | OUT | UND] * n
        self.c_in = list(deg)
        self.c_out = list(deg)
        self.c_und = list(deg)
        self.c_fix_in = [0] * n
        self.c_not_out = list(deg)
        self.trail_arg: list[int] = []
        self.trail_old: list[int] = []
        self.queue: list[int] = []
        out_deg = [len(s) for s in succ]
        self.order = sorted(range(n), key=lambda i: (-(out_deg[i] + 1) / (deg[i] + 1), i))
        self.queue.extend(range(n))
        self.consistent = self.propagate()

    # -- domains ----------------------------------------------------------------------------

    def narrow(self, x: int, new: int) -> bool:
        """Restrict ``x``'s domain to ``new`` (a subset of it); False when it becomes empty."""
        dom = self.dom
        old = dom[x]
        if new == old:
            return True
        if not new:
            return False
        dom[x] = new
        self.trail_arg.append(x)
        self.trail_old.append(old)
        removed = old & ~new
        s = self.succ[x]
        if removed & IN:
            c = self.c_in
            for t in s:
                c[t] -= 1
        if removed & OUT:
            c = self.c_out
            for t in s:
                c[t] -= 1
        if removed & UND:
            c = self.c_und
            for t in s:
                c[t] -= 1
        if new == IN:
            c = self.c_fix_in
            for t in s:
                c[t] += 1
        if old & 5 and not new & 5:
            c = self.c_not_out
            for t in s:
                c[t] -= 1
        q = self.queue
        q.append(x)
        q.extend(s)
        return True

    def undo(self, mark: int) -> None:
        """Undo every narrowing after trail position ``mark``."""
        trail_arg = self.trail_arg
        trail_old = self.trail_old
        dom = self.dom
        succ = self.succ
        while len(trail_arg) > mark:
            x = trail_arg.pop()
            old = trail_old.pop()
            cur = dom[x]
            added = old & ~cur
            s = succ[x]
            if added & IN:
                c = self.c_in
                for t in s:
                    c[t] += 1
            if added & OUT:
                c = self.c_out
                for t in s:
                    c[t] += 1
            if added & UND:
                c = self.c_und
                for t in s:
                    c[t] += 1
            if cur == IN:
                c = self.c_fix_in
                for t in s:
                    c[t] -= 1
            if old & 5 and not cur & 5:
                c = self.c_not_out
                for t in s:
                    c[t] += 1
            dom[x] = old
        self.queue.clear()

    # -- propagation ------------------------------------------------------------------------

    def _revise(self, a: int) -> bool:
        """Enforce the complete-labelling constraint of argument ``a`` (see module doc)."""
        dom = self.dom
        d = dom[a]
        allowed = 0
        if self.c_out[a] == self.deg[a]:
            allowed = IN
        if self.c_in[a]:
            allowed |= OUT
        if self.c_und[a] and not self.c_fix_in[a]:
            allowed |= UND
        nd = d & allowed
        if nd != d and not self.narrow(a, nd):
            return False
        narrow = self.narrow
        p = self.pred[a]
        if nd == IN:
            for q in p:
                dq = dom[q]
                if dq != OUT and not narrow(q, dq & OUT):
                    return False
            return True
        if not nd & OUT:  # no attacker may be IN
            for q in p:
                dq = dom[q]
                if dq & IN and not narrow(q, dq & 6):
                    return False
        if nd == OUT:
            if self.c_in[a] == 1:
                for q in p:
                    dq = dom[q]
                    if dq & IN:
                        if dq != IN and not narrow(q, IN):
                            return False
                        break
        elif nd == UND and self.c_und[a] == 1:
            for q in p:
                dq = dom[q]
                if dq & UND:
                    if dq != UND and not narrow(q, UND):
                        return False
                    break
        if not nd & IN and self.c_not_out[a] == 1:  # some attacker must be other than OUT
            for q in p:
                dq = dom[q]
                if dq & 5:
                    if dq & OUT and not narrow(q, dq & 5):
                        return False
                    break
        return True

    def propagate(self) -> bool:
        """Run the queued checks to a fixpoint; False (queues cleared) on a contradiction."""
        queue = self.queue
        revise = self._revise
        while queue:
            if not revise(queue.pop()):
                queue.clear()
                return False
        return True

    # -- search -----------------------------------------------------------------------------

    def codes(self) -> bytes:
        """The current (fully decided) domains as labelling codes 1/2/3."""
        return bytes(self.dom).translate(_TO_CODES)

    def _choose(self) -> int:
        """An argument that may be IN but is not decided yet; failing that, any undecided one.

        Once every argument is IN or certainly not IN, propagation settles OUT against
        UNDEC by itself, so the fallback is a safety net rather than a branching rule.
        """
        dom = self.dom
        for x in self.order:
            d = dom[x]
            if d & IN and d != IN:
                return x
        for x in self.order:
            d = dom[x]
            if d & (d - 1):
                return x
        return -1

    def solutions(self, assume: Iterable[tuple[int, int]] = ()) -> Iterator[bytes]:
        """Yield every labelling (as codes) that satisfies the constraints and assumptions.

        ``assume`` narrows domains first: ``(argument, allowed bits)``. The state is
        restored when the generator finishes or is closed.
        """
        base = len(self.trail_arg)
        try:
            if not self.consistent:
                return
            ok = all(self.narrow(x, self.dom[x] & bits) for x, bits in assume)
            if not (ok and self.propagate()):
                return
            stack: list[tuple[int, int, int]] = []
            narrow = self.narrow
            propagate = self.propagate
            while True:
                x = self._choose()
                if x < 0:
                    yield self.codes()
                    ok = False
                else:
                    d = self.dom[x]
                    first = d & -d
                    stack.append((x, d & ~first, len(self.trail_arg)))
                    ok = narrow(x, first) and propagate()
                while not ok:
                    if not stack:
                        return
                    x, rest, mark = stack.pop()
                    self.undo(mark)
                    if rest:
                        ok = narrow(x, rest) and propagate()
        finally:
            self.undo(base)
