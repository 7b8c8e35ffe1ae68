"""Dung semantics on clingo: enumeration, one extension, credulous and sceptical acceptance.

The optional extra ``pip install 'argmap[solver]'`` installs clingo (Potassco's answer-set
solver, a pip wheel with no system dependency). The encodings in
``argmap/semantics/encodings/*.lp`` are written from the published definitions:

- ``base.lp``: conflict-free sets (Dung 1995, Def. 5), guessing each argument in or out;
- ``admissible.lp``: every in argument defended (Dung 1995, Def. 6);
- ``complete.lp``: and every defended argument in (Dung 1995, Def. 23);
- ``stable.lp``: conflict-free and attacking everything outside (Dung 1995, Def. 13);
- ``maximal.lp``: clingo's domain heuristic deciding ``in`` true first, so a model is
  ⊆-maximal in its in atoms (preferred: maximal complete sets, Dung 1995, Def. 7);
- ``range.lp`` / ``maxrange.lp``: the range S ∪ S⁺ and its maximisation (semi-stable:
  Caminada 2006; stage: Verheij 1996).

How each question is answered (arguments are the integers 0..n-1 inside):

- **enumeration** of complete and stable extensions: every answer set; of preferred
  ones: the domain heuristic with ``--enum-mode=domRec`` (only ⊆-maximal models);
- **credulous** (complete, preferred: the same question, Dung 1995, Thm. 25; stable): is
  there an answer set with ``in(a)``, solved under that assumption; for complete and
  preferred only on the component of undecided arguments holding ``a`` (the grounded
  labelling answers when it decides ``a``);
- **sceptical** stable: no answer set with ``out(a)``; sceptical complete is membership of
  the grounded extension; sceptical preferred is a counterexample-guided loop
  (as in CEGARTIX, Dvořák, Järvisalo, Wallner & Woltran 2014): find a maximal complete
  extension E without ``a``; grow it to a preferred P ⊇ E; if ``a ∉ P`` P is the
  counterexample, else forbid every subset of P and repeat;
- **semi-stable / stage**: the same loop finds each ⊆-maximal range R (a model with
  maximal range among those whose range is no subset of one found before), then every
  complete (semi-stable) or conflict-free (stage) set with range exactly R;
- **ideal** (Dung, Mancarella & Toni 2007): the largest admissible subset of the
  intersection of the preferred extensions.

Every query runs under a deadline: the solve is asynchronous and cancelled when the time
is up, and :class:`~argmap.errors.SolverTimeout` is raised; nothing runs in another
process, so nothing is left behind.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.errors import SemanticsError, SolverTimeout
from argmap.limits import check_count

if TYPE_CHECKING:
    from argmap.semantics.framework import AbstractFramework

__all__ = [
    "SOLVER_SEMANTICS",
    "clingo_available",
    "solver_count",
    "solver_credulous",
    "solver_extensions",
    "solver_sceptical",
    "solver_some_extension",
]

SOLVER_SEMANTICS = ("complete", "preferred", "stable", "semi-stable", "stage", "ideal")
"""The semantics this module answers (grounded is linear and stays in pure Python)."""

_PARTS = {
    "complete": ("base", "admissible", "complete"),
    "preferred": ("base", "admissible", "complete"),
    "stable": ("base", "stable"),
    "semi-stable": ("base", "admissible", "complete", "range"),
    "stage": ("base", "range"),
}


def clingo_available() -> bool:
    """Whether the clingo Python package (the ``solver`` extra) can be imported.

    Examples:
        >>> isinstance(clingo_available(), bool)
        True
    """
    try:
        import clingo  # noqa: F401
    except ImportError:
        return False
    return True


def _clingo() -> Any:
    try:
        import clingo
    except ImportError:
        raise SemanticsError(
            "the solver engine needs clingo: pip install 'argmap[solver]' (or use --engine python)"
        ) from None
    return clingo


def _encoding(name: str) -> str:
    return resources.files("argmap.semantics").joinpath(f"encodings/{name}.lp").read_text("utf-8")


def _facts(af: AbstractFramework) -> str:
    succ = af.successors()
    out = [f"arg(0..{len(af) - 1})." if len(af) else ""]
    out.extend(f"att({a},{b})." for a, row in enumerate(succ) for b in row)
    return "\n".join(out)


def _quiet(code: Any, message: str) -> None:
    """Drop clingo's log messages (warnings are switched off; errors raise anyway)."""


class _Deadline:
    """Seconds left until a query's time limit (None: no limit)."""

    def __init__(self, timeout: float | None) -> None:
        if timeout is not None and timeout <= 0:
            raise SemanticsError(f"a time limit must be positive, got {timeout} s (--timeout)")
        self.timeout = timeout
        self.end = None if timeout is None else time.monotonic() + timeout

    def left(self) -> float | None:
        if self.end is None:
            return None
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired()
        return left

    def expired(self) -> None:
        raise SolverTimeout(f"the solver did not answer within {self.timeout} s (--timeout)")


class _Program:
    """One clingo control holding a framework and some encodings, grounded once."""

    def __init__(
        self,
        af: AbstractFramework,
        parts: Sequence[str],
        deadline: _Deadline,
        options: Sequence[str] = (),
        show: str = "in",
    ) -> None:
        clingo = _clingo()
        self.clingo = clingo
        self.deadline = deadline
        self.show = show
        # clasp's notes (such as "domRec ignored" when every in atom is a fact) stay quiet
        self.ctl = clingo.Control(["--warn=none", *options], logger=_quiet, message_limit=0)
        text = "\n".join(_encoding(p) for p in parts)
        self.ctl.add("base", [], f"{_facts(af)}\n{text}\n#show {show}/1.")
        deadline.left()
        self.ctl.ground([("base", [])])
        deadline.left()

    def atom(self, name: str, i: int) -> Any:
        return self.clingo.Function(name, [self.clingo.Number(i)])

    def literal(self, name: str, i: int) -> int:
        found = self.ctl.symbolic_atoms[self.atom(name, i)]
        return int(found.literal) if found is not None else 0

    def forbid_subsets(self, name: str, outside: Iterable[int]) -> None:
        """Add the clause "some ``name(x)`` with x in ``outside`` holds"."""
        lits = [self.literal(name, x) for x in outside]
        with self.ctl.backend() as backend:
            backend.add_rule([], [-lit for lit in lits if lit])

    def solve(
        self,
        assumptions: Sequence[tuple[str, int, bool]] = (),
        limit: int = 0,
    ) -> list[frozenset[int]]:
        """The models' shown atoms as index sets (at most ``limit``; 0: all)."""
        self.ctl.configuration.solve.models = str(limit)
        found: list[frozenset[int]] = []

        def on_model(model: Any) -> None:
            found.append(frozenset(s.arguments[0].number for s in model.symbols(shown=True)))

        assume = [(self.atom(name, i), value) for name, i, value in assumptions]
        left = self.deadline.left()
        with self.ctl.solve(assumptions=assume, on_model=on_model, async_=True) as handle:
            if not handle.wait(left):
                handle.cancel()
                handle.wait()
                self.deadline.expired()
            handle.get()
        return found


def _check(af: AbstractFramework, semantics: str) -> None:
    if semantics not in SOLVER_SEMANTICS:
        raise SemanticsError(
            f"the solver does not answer {semantics!r} semantics; "
            f"expected one of {', '.join(SOLVER_SEMANTICS)}"
        )
    check_count(len(af), "framework arguments")
    check_count(af.number_of_attacks(), "framework attacks")


def _maximal_ranges(
    af: AbstractFramework, semantics: str, deadline: _Deadline
) -> list[frozenset[int]]:
    """Every ⊆-maximal range of complete (semi-stable) or conflict-free (stage) sets."""
    prog = _Program(
        af, (*_PARTS[semantics], "maxrange"), deadline, ["--heuristic=Domain"], show="inrange"
    )
    n = len(af)
    ranges: list[frozenset[int]] = []
    while True:
        got = prog.solve(limit=1)
        if not got:
            return ranges
        r = got[-1]
        ranges.append(r)
        if len(r) == n:
            return ranges  # a full range: stable extensions; nothing else is maximal
        prog.forbid_subsets("inrange", (x for x in range(n) if x not in r))


def _range_extensions(
    af: AbstractFramework, semantics: str, deadline: _Deadline, limit: int = 0
) -> list[frozenset[int]]:
    ranges = _maximal_ranges(af, semantics, deadline)
    if not ranges:
        return []
    prog = _Program(af, _PARTS[semantics], deadline)
    n = len(af)
    found: list[frozenset[int]] = []
    for r in ranges:
        assume = [("inrange", x, x in r) for x in range(n)]
        found.extend(prog.solve(assume, limit=0 if not limit else limit - len(found)))
        if limit and len(found) >= limit:
            break
    return found


def _ideal(af: AbstractFramework, deadline: _Deadline) -> frozenset[int]:
    """The largest admissible subset of the intersection of the preferred extensions."""
    prefs = _extensions(af, "preferred", deadline)
    inside = set(range(len(af)))
    for p in prefs:
        inside &= p
    pred = af.predecessors()
    succ = af.successors()
    changed = True
    while changed:  # drop what the rest does not defend, until nothing changes
        changed = False
        hit = {t for x in inside for t in succ[x]}
        for x in sorted(inside):
            if any(y not in hit for y in pred[x]):
                inside.discard(x)
                changed = True
                hit = {t for z in inside for t in succ[z]}
    return frozenset(inside)


def _extensions(
    af: AbstractFramework, semantics: str, deadline: _Deadline, limit: int = 0
) -> list[frozenset[int]]:
    if semantics in ("semi-stable", "stage"):
        return _range_extensions(af, semantics, deadline, limit)
    if semantics == "ideal":
        return [_ideal(af, deadline)]
    if semantics == "preferred":
        parts = (*_PARTS["preferred"], "maximal")
        prog = _Program(af, parts, deadline, ["--heuristic=Domain", "--enum-mode=domRec"])
        return prog.solve(limit=limit)
    return _Program(af, _PARTS[semantics], deadline).solve(limit=limit)


def _named(af: AbstractFramework, ext: frozenset[int]) -> frozenset[str]:
    names = af.arguments
    return frozenset(names[i] for i in ext)


def _order(af: AbstractFramework, exts: list[frozenset[int]]) -> list[frozenset[str]]:
    return [_named(af, e) for e in sorted(exts, key=sorted)]


def solver_extensions(
    af: AbstractFramework, semantics: str, *, timeout: float | None = None, limit: int = 0
) -> list[frozenset[str]]:
    """Every extension of ``semantics`` (at most ``limit``; 0 = all), in a stable order.

    Raises:
        SemanticsError: clingo missing, an unknown semantics, or a non-positive timeout.
        SolverTimeout: no answer within ``timeout`` seconds.
        LimitExceeded: a framework over ``ARGMAP_MAX_NODES`` arguments or attacks.

    Examples:
        >>> from argmap.semantics import AbstractFramework
        >>> af = AbstractFramework(attacks=[("a", "b"), ("b", "a"), ("b", "c")])
        >>> [sorted(e) for e in solver_extensions(af, "preferred")]  # doctest: +SKIP
        [['a', 'c'], ['b']]
    """
    _check(af, semantics)
    return _order(af, _extensions(af, semantics, _Deadline(timeout), limit))


def solver_some_extension(
    af: AbstractFramework, semantics: str, *, timeout: float | None = None
) -> frozenset[str] | None:
    """One extension of ``semantics``, or None when there is none (stable only).

    Preferred: the first model under the domain heuristic is a maximal complete extension.
    """
    _check(af, semantics)
    deadline = _Deadline(timeout)
    if semantics == "preferred":
        parts = (*_PARTS["preferred"], "maximal")
        got = _Program(af, parts, deadline, ["--heuristic=Domain"]).solve(limit=1)
    else:
        got = _extensions(af, semantics, deadline, limit=1)
    return _named(af, got[0]) if got else None


def solver_count(af: AbstractFramework, semantics: str, *, timeout: float | None = None) -> int:
    """The number of extensions of ``semantics``."""
    _check(af, semantics)
    return len(_extensions(af, semantics, _Deadline(timeout)))


def _grounded(af: AbstractFramework) -> bytes:
    from argmap.semantics.dung import _grounded_codes

    return bytes(_grounded_codes(af))


def _component(af: AbstractFramework, i: int) -> tuple[int, tuple[AbstractFramework, int] | None]:
    """The grounded label of ``i`` and, when it is UNDEC, its component (see dung._local).

    Complete and preferred acceptance of an undecided argument depends only on the weakly
    connected component of undecided arguments holding it (Baroni, Giacomin & Guida 2005),
    so only that part is grounded.
    """
    from argmap.semantics.dung import _local

    grounded, mine, _ = _local(af, i)
    return grounded[i], mine


def solver_credulous(
    af: AbstractFramework, argument: str, semantics: str, *, timeout: float | None = None
) -> bool:
    """Whether ``argument`` is in some extension of ``semantics``."""
    _check(af, semantics)
    i = af.index(argument)
    deadline = _Deadline(timeout)
    if semantics in ("complete", "preferred"):
        g, mine = _component(af, i)
        if mine is None:
            return g == 1  # grounded OUT: in no complete set; grounded IN: in all
        sub, j = mine
        return bool(_Program(sub, _PARTS["complete"], deadline).solve([("in", j, True)], limit=1))
    if semantics == "stable":
        if _grounded(af)[i] == 2:
            return False
        return bool(_Program(af, _PARTS[semantics], deadline).solve([("in", i, True)], limit=1))
    return any(i in e for e in _extensions(af, semantics, deadline))


def solver_sceptical(
    af: AbstractFramework, argument: str, semantics: str, *, timeout: float | None = None
) -> bool:
    """Whether ``argument`` is in every extension of ``semantics`` (true if there is none)."""
    _check(af, semantics)
    i = af.index(argument)
    deadline = _Deadline(timeout)
    if semantics in ("complete", "preferred", "stable"):
        g = _grounded(af)[i]
        if g == 1:
            return True
        if semantics == "complete":
            return False
        if semantics == "stable":
            return not _Program(af, _PARTS["stable"], deadline).solve([("in", i, False)], limit=1)
        if g == 2:
            return False  # a preferred extension exists and every one leaves it out
        _, mine = _component(af, i)
        assert mine is not None
        return _sceptical_preferred(*mine, deadline)
    return all(i in e for e in _extensions(af, semantics, deadline))


def _sceptical_preferred(af: AbstractFramework, i: int, deadline: _Deadline) -> bool:
    """The counterexample-guided loop of the module docstring."""
    parts = (*_PARTS["preferred"], "maximal")
    prog = _Program(af, parts, deadline, ["--heuristic=Domain"])
    n = len(af)
    while True:
        got = prog.solve([("in", i, False)], limit=1)
        if not got:
            return True  # every complete extension without i lies inside a preferred with i
        grown = prog.solve([("in", x, True) for x in got[0]], limit=1)
        p = grown[0]
        if i not in p:
            return False
        prog.forbid_subsets("in", (x for x in range(n) if x not in p))
