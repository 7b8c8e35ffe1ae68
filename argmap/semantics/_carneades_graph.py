"""The argument graph Carneades 4 evaluates, its weighing functions and proof standards.

This is the evaluation structure only (no map, no files): statements with texts, issues
whose positions compete under a proof standard, arguments with a weighing function and
an optional undercutter, and the assumptions. :mod:`argmap.semantics.carneades` builds
one from a map and evaluates it; ``docs/semantics.md`` states the definitions.

Examples
--------
>>> g = CarneadesGraph()
>>> for s in ("p", "q", "r"):
...     g.add_statement(s)
>>> g.assumptions.add("p")
>>> g.add_argument(CArgument("a1", "q", ("p",)))
>>> g.add_argument(CArgument("a2", "r", ("p",), weighing=Weighing("constant", constant=0.4)))
>>> g.issues["i1"] = CIssue("i1", ["q", "r"], "PE")
>>> {k: str(v) for k, v in evaluate(g).items()}
{'p': 'IN', 'q': 'IN', 'r': 'OUT'}
>>> {k: str(v) for k, v in evaluate(g, standard="CCE").items()}
{'p': 'IN', 'q': 'IN', 'r': 'OUT'}
>>> {k: str(v) for k, v in evaluate(g, standard="BRD").items()}
{'p': 'IN', 'q': 'OUT', 'r': 'OUT'}
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.errors import SemanticsError
from argmap.semantics._carneades_terms import _TermSyntaxError, args_of, functor, parse, show
from argmap.semantics.labelling import Label

__all__ = [
    "ALPHA",
    "BETA",
    "STANDARDS",
    "CArgument",
    "CIssue",
    "CarneadesGraph",
    "Weighing",
    "evaluate",
    "greater",
]

STANDARDS: tuple[str, ...] = ("PE", "CCE", "BRD", "DV")
"""Proof standards: preponderance of the evidence, clear and convincing evidence, beyond
reasonable doubt (as Carneades 4 defines them) and dialectical validity (Carneades 2007)."""

ALPHA = 0.5  # CCE/BRD: the winning weight must exceed the best rival by more than ALPHA
BETA = 0.3  # BRD: the best rival must weigh less than BETA

WeighingKind = Literal[
    "linked", "convergent", "cumulative", "factorized", "constant", "criteria", "preference"
]
BASIC_WEIGHINGS: tuple[str, ...] = ("linked", "convergent", "cumulative", "factorized")


@dataclass(frozen=True)
class Weighing:
    """A weighing function: how much an argument weighs, given its premises' labels.

    ``constant`` is the weight of a ``constant`` function; ``hard`` (premise indices) and
    ``soft`` (property -> (factor, value -> score)) define ``criteria``; ``orders``
    (property, "ascending" | "descending", explicit values best first) define
    ``preference``.

    Examples
    --------
    >>> Weighing("constant", constant=0.8).constant
    0.8
    """

    kind: WeighingKind = "linked"
    constant: float = 1.0
    hard: tuple[int, ...] = ()
    soft: tuple[tuple[str, float, tuple[tuple[str, float], ...]], ...] = ()
    orders: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


@dataclass
class CArgument:
    """An argument: premises (in order, with roles) to one conclusion.

    Examples
    --------
    >>> CArgument("a1", "c", ("p", "q")).weighing.kind
    'linked'
    """

    id: str
    conclusion: str
    premises: tuple[str, ...]
    weighing: Weighing = field(default_factory=Weighing)
    undercutter: str | None = None
    roles: tuple[str, ...] = ()
    scheme_meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class CIssue:
    """An issue: positions (statement ids) of which at most one is accepted.

    Examples
    --------
    >>> CIssue("i1", ["a", "b"]).standard
    'PE'
    """

    id: str
    positions: list[str]
    standard: str = "PE"


@dataclass
class CarneadesGraph:
    """Statements (id -> text), issues, arguments and assumptions.

    Examples
    --------
    >>> g = CarneadesGraph(); g.add_statement("p", "P."); g.statements
    {'p': 'P.'}
    """

    statements: dict[str, str] = field(default_factory=dict)
    issues: dict[str, CIssue] = field(default_factory=dict)
    arguments: dict[str, CArgument] = field(default_factory=dict)
    assumptions: set[str] = field(default_factory=set)

    def add_statement(self, sid: str, text: str | None = None) -> None:
        """Declare ``sid`` (keeping an existing text)."""
        if sid not in self.statements or (text and not self.statements[sid]):
            self.statements[sid] = text if text is not None else sid

    def add_argument(self, arg: CArgument) -> None:
        """Add ``arg``; every statement it names must already be declared."""
        for sid in (arg.conclusion, *arg.premises, *([arg.undercutter] if arg.undercutter else [])):
            if sid not in self.statements:
                raise SemanticsError(f"argument {arg.id!r} names an unknown statement {sid!r}")
        self.arguments[arg.id] = arg

    def issue_of(self) -> dict[str, CIssue]:
        """Statement id -> the issue it is a position of."""
        return {p: issue for issue in self.issues.values() for p in issue.positions}

    def args_for(self) -> dict[str, list[CArgument]]:
        """Statement id -> the arguments concluding in it (in argument order)."""
        out: dict[str, list[CArgument]] = {s: [] for s in self.statements}
        for arg in self.arguments.values():
            out[arg.conclusion].append(arg)
        return out


def greater(
    standard: str, w1: float, w2: float, *, alpha: float = ALPHA, beta: float = BETA
) -> bool:
    """Does weight ``w1`` beat ``w2`` under ``standard``? (``w1`` > 0 is checked by the caller.)

    Examples
    --------
    >>> greater("PE", 0.6, 0.5), greater("CCE", 0.6, 0.5), greater("CCE", 1.0, 0.4)
    (True, False, True)
    >>> greater("BRD", 1.0, 0.4), greater("DV", 0.1, 0.0), greater("DV", 1.0, 0.1)
    (False, True, False)
    """
    if standard == "PE":
        return w1 > w2
    if standard == "CCE":
        return w1 > w2 and w1 - w2 > alpha
    if standard == "BRD":
        return w1 > w2 and w1 - w2 > alpha and w2 < beta
    if standard == "DV":
        return w2 == 0.0
    raise SemanticsError(f"unknown proof standard {standard!r}; known: {', '.join(STANDARDS)}")


class _Eval:
    """One grounded evaluation (the fixpoint of Carneades 4's labelling loop)."""

    def __init__(self, g: CarneadesGraph, standard: str | None, alpha: float, beta: float):
        self.g = g
        self.standard = standard
        self.alpha = alpha
        self.beta = beta
        self.issue_of = g.issue_of()
        self.args_for = g.args_for()
        self.labels: dict[str, Label] = {s: Label.UNDEC for s in g.statements}

    def undercut(self, arg: CArgument) -> Label:
        return Label.OUT if arg.undercutter is None else self.labels[arg.undercutter]

    def applicable(self, arg: CArgument) -> bool:
        cut = self.undercut(arg)
        if cut is Label.IN:
            return True
        if cut is Label.UNDEC:
            return False
        return all(self.labels[p] is not Label.UNDEC for p in arg.premises)

    def weight(self, arg: CArgument) -> float:
        if self.undercut(arg) is Label.IN or not self.applicable(arg):
            return 0.0
        return self.weigh(arg)

    def weigh(self, arg: CArgument) -> float:
        w = arg.weighing
        labels = [self.labels[p] for p in arg.premises]
        if w.kind in ("linked", "constant"):
            ok = all(lab is Label.IN for lab in labels)
            return (w.constant if w.kind == "constant" else 1.0) if ok else 0.0
        if w.kind == "convergent":
            return 1.0 if any(lab is Label.IN for lab in labels) else 0.0
        if w.kind == "cumulative":
            return sum(lab is Label.IN for lab in labels) / len(labels) if labels else 0.0
        if w.kind == "factorized":
            if any(lab is Label.OUT for lab in labels):
                return 0.0
            issue = self.issue_of.get(arg.conclusion)
            if issue is None:
                n = len(arg.premises)
            else:
                texts = {
                    self.g.statements[p]
                    for pos in issue.positions
                    for a in self.args_for[pos]
                    for p in a.premises
                }
                n = len(texts)
            return sum(lab is Label.IN for lab in labels) / n if n else 0.0
        if w.kind == "criteria":
            return self.criteria(arg)
        return self.preference(arg)

    def criteria(self, arg: CArgument) -> float:
        w = arg.weighing
        for index in w.hard:
            if index < len(arg.premises) and self.labels[arg.premises[index]] is Label.OUT:
                return 0.0
        total = sum(factor for _, factor, _ in w.soft)
        weight = 0.0
        for prop, factor, values in w.soft:
            value = self.property_value(arg, prop)
            if value is None:
                return 0.0
            weight += (factor / total if total else 0.0) * dict(values).get(value, 0.0)
        return weight

    def property_value(self, arg: CArgument, prop: str) -> str | None:
        """The value a premise gives ``prop`` (Carneades 4's PropertyValue)."""
        for p in arg.premises:
            term = _term_or_none(p)
            if term is None or functor(term) != prop:
                continue
            if self.labels[p] is Label.IN:
                return _object(term)
            issue = self.issue_of.get(p)
            if issue is not None:
                for pos in issue.positions:
                    if self.labels[pos] is Label.IN:
                        other = _term_or_none(pos)
                        return None if other is None else _object(other)
        return None

    def preference(self, arg: CArgument) -> float:
        w = arg.weighing
        linked = 1.0 if all(self.labels[p] is Label.IN for p in arg.premises) else 0.0
        issue = self.issue_of.get(arg.conclusion)
        if issue is None or linked == 0.0:
            return linked
        rivals = [a for pos in issue.positions for a in self.args_for[pos]]

        def key(a: CArgument) -> tuple[Any, ...]:
            # weakest first: an explicit list runs from weakest to strongest; dates and
            # numbers rise with "ascending" and fall with "descending"
            parts: list[Any] = []
            for prop, order, values in w.orders:
                v = a.scheme_meta.get(prop)
                if values:
                    text = str(v).lower()
                    parts.append((1, values.index(text) if text in values else -1))
                    continue
                number = _ordinal(v)
                if number is not None:
                    parts.append((1, number if order == "ascending" else -number))
                else:
                    parts.append((0, "") if v is None else (2, str(v)))
            return tuple(parts)

        groups = sorted({key(a) for a in rivals})
        return (groups.index(key(arg)) + 1) / len(groups)

    def supported(self, sid: str) -> bool:
        return any(self.applicable(a) and self.weight(a) > 0 for a in self.args_for[sid])

    def unsupported(self, sid: str) -> bool:
        return all(self.applicable(a) and self.weight(a) <= 0 for a in self.args_for[sid])

    def ready(self, issue: CIssue) -> bool:
        return all(
            self.undercut(a) is Label.IN or self.applicable(a)
            for pos in issue.positions
            for a in self.args_for[pos]
        )

    def resolve(self, issue: CIssue) -> None:
        standard = self.standard or issue.standard
        best = {p: max([0.0, *(self.weight(a) for a in self.args_for[p])]) for p in issue.positions}
        winner = None
        for p1 in issue.positions:
            if best[p1] == 0.0:
                continue
            if all(
                greater(standard, best[p1], best[p2], alpha=self.alpha, beta=self.beta)
                for p2 in issue.positions
                if p2 != p1
            ):
                winner = p1
                break
        for p in issue.positions:
            self.labels[p] = Label.IN if p == winner else Label.OUT

    def run(self) -> dict[str, Label]:
        for s in self.g.statements:
            if s in self.g.assumptions:
                self.labels[s] = Label.IN
        for issue in self.g.issues.values():
            if any(self.labels[p] is Label.IN for p in issue.positions):
                for p in issue.positions:
                    if self.labels[p] is Label.UNDEC:
                        self.labels[p] = Label.OUT
        changed = True
        while changed:
            changed = False
            for s in self.g.statements:
                if self.labels[s] is not Label.UNDEC:
                    continue
                at = self.issue_of.get(s)
                if self.unsupported(s):
                    self.labels[s] = Label.OUT
                    changed = True
                elif at is None and self.supported(s):
                    self.labels[s] = Label.IN
                    changed = True
                elif at is not None and self.ready(at):
                    self.resolve(at)
                    changed = True
        return self.labels


def _ordinal(value: Any) -> float | None:
    """A number for a number or a date (ISO text too), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, _dt.date):
        return float(value.toordinal())
    if isinstance(value, str):
        try:
            return float(_dt.date.fromisoformat(value).toordinal())
        except ValueError:
            return None
    return None


def _term_or_none(text: str) -> Any:
    try:
        return parse(text)
    except _TermSyntaxError:
        return None


def _object(term: Any) -> str | None:
    args = args_of(term)
    return show(args[1]) if len(args) == 2 else None


def evaluate(
    g: CarneadesGraph,
    *,
    standard: str | None = None,
    alpha: float = ALPHA,
    beta: float = BETA,
) -> dict[str, Label]:
    """Label every statement IN, OUT or UNDEC (Carneades 4's grounded labelling).

    ``standard`` replaces every issue's own proof standard (to ask "what holds under
    BRD?"); ``alpha`` and ``beta`` are the thresholds of CCE and BRD.

    Raises:
        SemanticsError: an unknown proof standard.

    Examples
    --------
    >>> g = CarneadesGraph(); g.add_statement("a"); g.add_statement("b")
    >>> g.issues["i"] = CIssue("i", ["a", "b"])
    >>> {k: str(v) for k, v in evaluate(g).items()}
    {'a': 'OUT', 'b': 'OUT'}
    """
    for s in (standard, *(i.standard for i in g.issues.values())):
        if s is not None and s not in STANDARDS:
            raise SemanticsError(f"unknown proof standard {s!r}; known: {', '.join(STANDARDS)}")
    return _Eval(g, standard, alpha, beta).run()


def weights(
    g: CarneadesGraph, labels: Mapping[str, Label], *, alpha: float = ALPHA, beta: float = BETA
) -> dict[str, float]:
    """Each argument's weight under ``labels`` (0.0 when undercut or not applicable).

    Examples
    --------
    >>> g = CarneadesGraph(); g.add_statement("p"); g.add_statement("c")
    >>> g.assumptions.add("p"); g.add_argument(CArgument("a", "c", ("p",)))
    >>> weights(g, evaluate(g))
    {'a': 1.0}
    """
    ev = _Eval(g, None, alpha, beta)
    ev.labels = dict(labels)
    return {a.id: ev.weight(a) for a in g.arguments.values()}
