"""A Carneades 4 theory: argument schemes, issue schemes, weighing functions, language.

Carneades 4 constructs arguments from a theory before it evaluates: every argument
scheme is a forward rule (premises => conclusions), applied to the assumptions until
nothing new follows, and every issue scheme gathers matching statements into an issue.
This module does both on a :class:`~argmap.semantics._carneades_graph.CarneadesGraph`.

Examples
--------
>>> from argmap.semantics._carneades_graph import CarneadesGraph, evaluate
>>> t = Theory.from_doc({
...     "argument_schemes": [{"id": "s", "variables": ["X"], "premises": ["bird(X)"],
...                           "conclusions": ["flies(X)"], "exceptions": ["ab(X)"],
...                           "weight": {"constant": 0.7}}],
...     "issue_schemes": {"f": ["flies(X)", "grounded(X)"]}})
>>> g = CarneadesGraph(); g.add_statement("bird(tweety)"); g.assumptions.add("bird(tweety)")
>>> t.apply(g)
>>> [(a.conclusion, a.premises, a.weighing.constant) for a in g.arguments.values()]
[('flies(tweety)', ('bird(tweety)',), 0.7), ('undercut(a1)', ('ab(tweety)',), 1.0)]
>>> str(evaluate(g)["flies(tweety)"])
'IN'
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import SemanticsError
from argmap.semantics._carneades_graph import (
    BASIC_WEIGHINGS,
    CArgument,
    CarneadesGraph,
    CIssue,
    Weighing,
)
from argmap.semantics._carneades_terms import (
    Term,
    _TermSyntaxError,
    functor,
    match,
    normalize,
    parse,
    show,
    substitute,
)

__all__ = ["MAX_RULE_APPLICATIONS", "Scheme", "Theory", "parse_weighing"]

MAX_RULE_APPLICATIONS = 100_000


def parse_weighing(
    spec: Any, named: Mapping[str, Any] | None = None, *, where: str = ""
) -> Weighing:
    """A :class:`Weighing` from its YAML form (a name, or ``constant``/``criteria``/...).

    Raises:
        SemanticsError: a form Carneades 4 does not define, or an unknown name.

    Examples
    --------
    >>> parse_weighing({"constant": 0.4}).constant
    0.4
    >>> parse_weighing("cumulative").kind
    'cumulative'
    >>> parse_weighing({"criteria": {"hard": [0], "soft": {"price": {"factor": 1,
    ...     "values": {"low": 1.0}}}}}).soft
    (('price', 1.0, (('low', 1.0),)),)
    """
    named = named or {}
    at = f"{where}: " if where else ""
    if spec is None:
        return Weighing()
    if isinstance(spec, str):
        key = spec.lower()
        if key in BASIC_WEIGHINGS:
            return Weighing(key)  # type: ignore[arg-type]
        if key in named:
            return parse_weighing(named[key], None, where=where)
        raise SemanticsError(f"{at}weighing function {spec!r} is not defined")
    if isinstance(spec, int | float) and not isinstance(spec, bool):
        return Weighing("constant", constant=_unit(spec, at))
    if not isinstance(spec, Mapping) or len(spec) != 1:
        raise SemanticsError(f"{at}a weight is a name or one of constant/criteria/preference")
    kind, body = next(iter(spec.items()))
    kind = str(kind).lower()
    if kind == "constant":
        return Weighing("constant", constant=_unit(body, at))
    if kind == "criteria":
        if not isinstance(body, Mapping):
            raise SemanticsError(f"{at}criteria: expected 'hard' and 'soft'")
        hard = body.get("hard") or []
        if not isinstance(hard, list) or not all(isinstance(i, int) for i in hard):
            raise SemanticsError(f"{at}criteria hard: expected a list of premise indices")
        soft_in = body.get("soft") or {}
        if not isinstance(soft_in, Mapping):
            raise SemanticsError(f"{at}criteria soft: expected property: {{factor, values}}")
        soft = []
        for prop, c in soft_in.items():
            if not isinstance(c, Mapping) or not isinstance(c.get("values", {}), Mapping):
                raise SemanticsError(f"{at}criteria soft {prop!r}: expected factor and values")
            factor = c.get("factor", 1)
            if not isinstance(factor, int | float) or isinstance(factor, bool) or factor < 0:
                raise SemanticsError(f"{at}criteria soft {prop!r}: factor must be a number >= 0")
            values = tuple(
                (str(k), _unit(v, f"{at}criteria soft {prop!r} value {k!r}: "))
                for k, v in (c.get("values") or {}).items()
            )
            soft.append((str(prop), float(factor), values))
        return Weighing("criteria", hard=tuple(hard), soft=tuple(soft))
    if kind == "preference":
        items = body if isinstance(body, list) else [body]
        orders = []
        for item in items:
            if not isinstance(item, Mapping) or "property" not in item:
                raise SemanticsError(f"{at}preference: expected property and order")
            order = item.get("order", "descending")
            if isinstance(order, list):
                orders.append(
                    (str(item["property"]), "descending", tuple(str(v).lower() for v in order))
                )
            elif str(order).lower() in ("ascending", "descending"):
                orders.append((str(item["property"]), str(order).lower(), ()))
            else:
                raise SemanticsError(
                    f"{at}preference order must be ascending, descending or a list"
                )
        return Weighing("preference", orders=tuple(orders))
    raise SemanticsError(f"{at}weighing {kind!r}: expected constant, criteria or preference")


def _unit(value: Any, at: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise SemanticsError(f"{at}a weight must be a number from 0.0 to 1.0, not {value!r}")
    return float(value)


@dataclass
class Scheme:
    """An argument scheme: a forward rule with a weighing function.

    Examples
    --------
    >>> Scheme("s", premises=("p(X)",), conclusions=("q(X)",)).variables
    ()
    """

    id: str
    variables: tuple[str, ...] = ()
    premises: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    conclusions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    weighing: Weighing = field(default_factory=Weighing)
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Theory:
    """Schemes, issue schemes and the language for texts of new statements."""

    schemes: dict[str, Scheme] = field(default_factory=dict)
    issue_schemes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    language: dict[str, str] = field(default_factory=dict)
    weighing_functions: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Theory:
        """The theory of a Carneades 4 YAML document (its top-level mapping).

        Raises:
            SemanticsError: a malformed scheme, naming it.
        """
        named = {str(k).lower(): v for k, v in (doc.get("weighing_functions") or {}).items()}
        t = cls(language={str(k): str(v) for k, v in (doc.get("language") or {}).items()})
        t.weighing_functions = named
        for i, raw in enumerate(doc.get("argument_schemes") or []):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str):
                raise SemanticsError(f"argument_schemes[{i}]: a scheme needs an id")
            sid = raw["id"]

            def strs(key: str, sid: str = sid, raw: Mapping[str, Any] = raw) -> tuple[str, ...]:
                value = raw.get(key) or []
                if isinstance(value, Mapping):  # role: formula
                    return tuple(str(v) for v in value.values())
                if not isinstance(value, list):
                    raise SemanticsError(f"scheme {sid!r}: {key} must be a list")
                return tuple(str(v) for v in value)

            if raw.get("deletions") or raw.get("guards"):
                raise SemanticsError(
                    f"scheme {sid!r}: deletions and guards (CHR extensions) are not supported"
                )
            premises_raw = raw.get("premises") or []
            roles = tuple(str(k) for k in premises_raw) if isinstance(premises_raw, Mapping) else ()
            t.schemes[sid] = Scheme(
                sid,
                variables=strs("variables"),
                premises=strs("premises"),
                assumptions=strs("assumptions"),
                exceptions=strs("exceptions"),
                conclusions=strs("conclusions"),
                roles=roles,
                weighing=parse_weighing(raw.get("weight"), named, where=f"scheme {sid!r}"),
                meta=dict(raw.get("meta") or {}),
            )
        for name, patterns in (doc.get("issue_schemes") or {}).items():
            if not isinstance(patterns, list):
                raise SemanticsError(f"issue scheme {name!r}: expected a list of patterns")
            t.issue_schemes[str(name)] = tuple(str(p) for p in patterns)
        return t

    def weighing_for(self, scheme: str | None, *, where: str = "") -> Weighing:
        """The weighing of an argument that names ``scheme`` (linked when none)."""
        if scheme is None:
            return Weighing()
        if scheme in self.schemes:
            return self.schemes[scheme].weighing
        return parse_weighing(scheme, self.weighing_functions, where=where)

    def text_of(self, term: Term) -> str:
        """A statement's text from the language templates (``%v`` per argument)."""
        name = functor(term)
        args = term[2] if term[0] == "cmp" else ()
        template = self.language.get(f"{name}/{len(args)}")
        if template is None:
            return show(term)
        out = template
        for a in args:
            out = out.replace("%v", show(a), 1)
        return out

    def apply(self, g: CarneadesGraph) -> None:
        """Construct the arguments the schemes yield, then the issues of the issue schemes."""
        if any(s.conclusions for s in self.schemes.values()):
            self._infer(g)
        for name, patterns in self.issue_schemes.items():
            self._make_issues(g, name, patterns)

    # -- argument construction -----------------------------------------------------------

    def _infer(self, g: CarneadesGraph) -> None:
        facts: list[str] = sorted({normalize(a) for a in g.assumptions})
        known = set(facts)
        fired: set[tuple[str, tuple[str, ...]]] = set()
        order: list[tuple[Scheme, dict[str, Term]]] = []
        rules = [(s, [_parse(p, s.id) for p in s.premises]) for s in self.schemes.values()]
        rules = [(s, ps) for s, ps in rules if s.conclusions]
        applications = 0
        changed = True
        while changed:
            changed = False
            for scheme, premises in rules:
                for bindings in _solutions(premises, [parse_or_atom(f) for f in facts]):
                    key = (
                        scheme.id,
                        tuple(show(bindings.get(v, ("var", v))) for v in scheme.variables),
                    )
                    if key in fired:
                        continue
                    fired.add(key)
                    order.append((scheme, bindings))
                    applications += 1
                    if applications > MAX_RULE_APPLICATIONS:
                        raise SemanticsError(
                            f"more than {MAX_RULE_APPLICATIONS} scheme applications: "
                            "the theory does not terminate"
                        )
                    for text in (*scheme.conclusions, *scheme.assumptions):
                        fact = show(substitute(_parse(text, scheme.id), bindings))
                        if fact not in known:
                            known.add(fact)
                            facts.append(fact)
                            changed = True
        for scheme, bindings in order:
            self._instantiate(g, scheme, bindings)

    def _statement(self, g: CarneadesGraph, term: Term) -> str:
        sid = show(term)
        if sid not in g.statements:
            g.add_statement(sid, self.text_of(term))
        return sid

    def _next_id(self, g: CarneadesGraph) -> str:
        for i in itertools.count(len(g.arguments) + 1):
            if f"a{i}" not in g.arguments:
                return f"a{i}"
        raise AssertionError("unreachable")

    def _instantiate(self, g: CarneadesGraph, scheme: Scheme, bindings: dict[str, Term]) -> None:
        premises: list[str] = []
        for text in scheme.premises:
            term = substitute(_parse(text, scheme.id), bindings)
            if functor(term) == "argument":
                continue
            premises.append(self._statement(g, term))
        for text in scheme.assumptions:
            sid = self._statement(g, substitute(_parse(text, scheme.id), bindings))
            g.assumptions.add(sid)
            premises.append(sid)
        conclusions = [
            self._statement(g, substitute(_parse(c, scheme.id), bindings))
            for c in scheme.conclusions
        ]
        if not conclusions:
            return
        group = self._next_id(g)
        undercutter = f"undercut({group})"
        g.add_statement(undercutter, f"{group} is undercut.")
        for conclusion in conclusions:
            aid = self._next_id(g)
            g.add_argument(
                CArgument(
                    aid,
                    conclusion,
                    tuple(premises),
                    weighing=scheme.weighing,
                    undercutter=undercutter,
                    roles=scheme.roles,
                    scheme_meta=scheme.meta,
                )
            )
        for text in scheme.exceptions:
            exc = self._statement(g, substitute(_parse(text, scheme.id), bindings))
            aid = self._next_id(g)
            g.add_statement(f"undercut({aid})", f"{aid} is undercut.")
            g.add_argument(CArgument(aid, undercutter, (exc,), undercutter=f"undercut({aid})"))

    # -- issues from issue schemes -------------------------------------------------------

    def _make_issues(self, g: CarneadesGraph, name: str, patterns: tuple[str, ...]) -> None:
        if len(patterns) < 2:
            return
        first = _parse(patterns[0], f"issue scheme {name}")
        enumeration = len(patterns) == 3 and patterns[1] == "..."
        rest = [] if enumeration else [_parse(p, f"issue scheme {name}") for p in patterns[1:]]
        terms = {sid: parse_or_atom(sid) for sid in g.statements}
        for sid, term in terms.items():
            bindings = match(first, term, {})
            if bindings is None:
                continue
            candidates = [sid]
            if enumeration:
                fixed = {k: v for k, v in bindings.items() if not k[-1].isdigit()}
                candidates += [
                    o for o, t in terms.items() if o != sid and match(first, t, fixed) is not None
                ]
            else:
                for other, t in terms.items():
                    if other == sid:
                        continue
                    for p in rest:
                        found = match(p, t, bindings)
                        if found is not None:
                            bindings = found
                            candidates.append(other)
                            break
            issue_of = g.issue_of()
            issue: CIssue | None = None
            positions = []
            for c in candidates:
                owner = issue_of.get(c)
                if owner is not None:
                    if issue is None:
                        issue = owner
                    elif owner is not issue:
                        continue
                positions.append(c)
            if len(positions) < 2:
                continue
            if issue is None:
                for i in itertools.count(len(g.issues) + 1):
                    if f"i{i}" not in g.issues:
                        g.issues[f"i{i}"] = CIssue(f"i{i}", positions)
                        break
            else:
                issue.positions.extend(p for p in positions if p not in issue.positions)


def parse_or_atom(text: str) -> Term:
    """The term ``text`` writes, or an opaque atom holding it.

    Examples
    --------
    >>> parse_or_atom("¬x"), parse_or_atom("a b")
    (('cmp', '¬', (('atom', 'x'),)), ('atom', 'a b'))
    """
    try:
        return parse(text)
    except _TermSyntaxError:
        return ("atom", text)


def _parse(text: str, where: str) -> Term:
    try:
        return parse(text)
    except _TermSyntaxError as exc:
        raise SemanticsError(f"{where}: {exc}") from None


def _solutions(premises: list[Term], facts: list[Term]) -> list[dict[str, Term]]:
    """Every binding under which all ``premises`` are among ``facts``, in fact order."""
    found: list[dict[str, Term]] = [{}]
    for premise in premises:
        found = [b2 for b in found for f in facts if (b2 := match(premise, f, b)) is not None]
        if not found:
            return []
    return found
