"""Carneades: weigh pro and con arguments with proof standards (Carneades 4's evaluation).

:func:`carneades` evaluates a map as Carneades 4 does (``docs/semantics.md`` gives the
definitions): assumptions are IN; a statement at no issue is IN when an applicable
argument for it weighs more than 0 and OUT when none can; the positions of an issue are
resolved together once every argument about them is decided, and at most one wins: the
one whose best argument beats every rival's under the issue's proof standard
(PE, CCE, BRD, or DV).

Maps read from Carneades files (:mod:`argmap.semantics.carneades_yaml`, :mod:`argmap.semantics.carneades_caf`) carry
their issues, schemes, weights and standards in ``data["carneades"]``; the labels come
back under the file's own statement ids. Any other map is read this way (so a brief's
recommendations can be weighed too):

- each Argument is a pro argument, of weight ``weights[id]``, else
  ``data["carneades"]["weight"]``, else ``data["weight"]``, else 1.0 (all premises IN);
- each rebut or undermine of a statement ``S`` is an argument for its complement ``¬S``
  (the attacker is its premise), and ``S``, ``¬S`` form an issue under ``S``'s proof
  standard (``standards[S]``, else ``data["proof_standard"]``, else ``standard``);
- an undercut of an argument (or an attack on an attack) is an argument for the
  statement ``undercut(A)``, which is ``A``'s undercutter;
- statements that nothing argues for or attacks are the assumptions.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap("vote")
>>> r = m.recommendation("Abstain from the vote.", id="abstain")
>>> _ = m.argue([m.evidence("The text lacks safeguards.", id="gaps")], r, id="why",
...             data={"weight": 0.9})
>>> _ = m.attack(m.claim("The treaty helps fight crime.", id="helps"), r, id="but",
...              data={"weight": 0.5})
>>> res = carneades(m)
>>> str(res.labels["abstain"]), str(res.labels["¬abstain"])
('IN', 'OUT')
>>> {s: str(label) for s, label in standards_of(m, "abstain").items()}
{'PE': 'IN', 'CCE': 'OUT', 'BRD': 'OUT', 'DV': 'OUT'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.errors import SemanticsError
from argmap.semantics._carneades_graph import (
    ALPHA,
    BETA,
    STANDARDS,
    CArgument,
    CarneadesGraph,
    CIssue,
    Weighing,
    evaluate,
    greater,
    weights,
)
from argmap.semantics._carneades_terms import normalize
from argmap.semantics._carneades_theory import Theory, parse_weighing
from argmap.semantics.labelling import Label

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref

__all__ = [
    "KEY",
    "STANDARDS",
    "CarneadesResult",
    "carneades",
    "carneades_graph",
    "explain_standards",
    "greater",
    "standards_of",
]

KEY = "carneades"
"""The ``data`` key under which Carneades readers keep what a node cannot hold itself."""

_STATEMENTS = ("claim", "evidence", "recommendation")


@dataclass(frozen=True)
class CarneadesResult:
    """Labels of every statement (by Carneades id) and weights of every argument.

    ``ids`` maps Carneades ids back to map node ids (derived statements have none);
    ``texts`` gives every statement's text, derived ones too.

    Examples
    --------
    >>> CarneadesResult({"p": Label.IN}, {}, {}).to_dict()
    {'semantics': 'carneades', 'labels': {'p': 'IN'}}
    """

    labels: dict[str, Label]
    weights: dict[str, float]
    ids: dict[str, str] = field(default_factory=dict)
    standard: str | None = None
    texts: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``argmap accept --semantics carneades``."""
        return {"semantics": "carneades", "labels": {k: str(v) for k, v in self.labels.items()}}


def _cdata(node: Any) -> dict[str, Any]:
    value = node.data.get(KEY) if node.data else None
    return value if isinstance(value, dict) else {}


def document_of(m: ArgumentMap) -> dict[str, Any] | None:
    """The Carneades document kept on the map's source node, if it was read from one.

    Examples
    --------
    >>> import argmap
    >>> document_of(argmap.ArgumentMap("x")) is None
    True
    """
    for src in m.sources():
        doc = _cdata(src).get("document")
        if isinstance(doc, dict):
            return doc
    return None


def _weight_of(node: Any, given: Mapping[str, float] | None) -> float | None:
    if given is not None and node.id in given:
        return float(given[node.id])
    c = _cdata(node)
    for value in (c.get("weight"), node.data.get("weight") if node.data else None):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def carneades_graph(
    m: ArgumentMap,
    *,
    weights: Mapping[str, float] | None = None,
    standards: Mapping[str, str] | None = None,
    standard: str = "PE",
    assumptions: Iterable[str] | None = None,
) -> tuple[CarneadesGraph, dict[str, str]]:
    """The Carneades argument graph of a map, and Carneades id -> map id.

    See the module docstring for how a map becomes a graph. ``weights`` (argument or
    attack id -> 0..1), ``standards`` (statement id -> PE/CCE/BRD/DV) and
    ``assumptions`` (statement ids) override what the map says.

    Raises:
        SemanticsError: a weight outside 0..1, an unknown standard, a malformed scheme.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x"); _ = m.claim("P.", id="p")
    >>> g, ids = carneades_graph(m)
    >>> g.statements, sorted(g.assumptions), ids
    ({'p': 'P.'}, ['p'], {'p': 'p'})
    """
    doc = document_of(m)
    theory = Theory.from_doc(doc) if doc is not None else Theory()
    g = CarneadesGraph()
    cid: dict[str, str] = {}  # map id -> carneades id
    for node in m.nodes(_STATEMENTS):
        sid = _cdata(node).get("id")
        cid[node.id] = normalize(sid) if isinstance(sid, str) else node.id
        g.add_statement(cid[node.id], node.text)
    own_standard: dict[str, str] = {}
    for node in m.nodes(_STATEMENTS):
        std = (standards or {}).get(node.id) or _cdata(node).get("standard")
        std = std or (node.data.get("proof_standard") if node.data else None)
        if std is not None:
            own_standard[cid[node.id]] = _standard(std, node.id)
    for issue in m.issues():
        c = _cdata(issue)
        positions = c.get("positions")
        if not isinstance(positions, list):
            continue
        iid = str(c.get("id") or issue.id)
        pos = [normalize(str(p)) for p in positions]
        missing = [p for p in pos if p not in g.statements]
        if missing:
            raise SemanticsError(f"issue {iid!r}: position {missing[0]!r} is not a statement")
        std = (standards or {}).get(issue.id) or c.get("standard") or own_standard.get(pos[0])
        g.issues[iid] = CIssue(iid, pos, _standard(std or standard, issue.id))
    undercutters: dict[str, str] = {}
    for att in m.attacks():
        if _cdata(att).get("undercutter") and att.attacker in cid:
            undercutters[att.target] = cid[att.attacker]
    for arg in m.arguments():
        c = _cdata(arg)
        aid = str(c.get("id") or arg.id)
        order = c.get("premise_order")
        premises = [p for p in order if p in arg.premises] if isinstance(order, list) else []
        premises += [p for p in arg.premises if p not in premises]
        w = _weight_of(arg, weights)
        scheme = c.get("scheme") if isinstance(c.get("scheme"), str) else None
        if w is not None and (scheme is None or (weights is not None and arg.id in weights)):
            weighing = Weighing("constant", constant=_unit(w, arg.id))
        else:
            weighing = theory.weighing_for(scheme, where=f"argument {aid!r}")
        roles = c.get("roles")
        g.add_argument(
            CArgument(
                aid,
                cid[arg.conclusion],
                tuple(cid[p] for p in premises),
                weighing=weighing,
                undercutter=undercutters.get(arg.id),
                roles=tuple(str(r) for r in roles) if isinstance(roles, list) else (),
                scheme_meta=_scheme_meta(theory, scheme),
            )
        )
    for key, raw in ((doc or {}).get("arguments") or {}).items():  # kept: no premises
        uc = raw.get("undercutter")
        g.add_argument(
            CArgument(
                str(key),
                normalize(str(raw.get("conclusion"))),
                (),
                weighing=theory.weighing_for(raw.get("scheme"), where=f"argument {key!r}"),
                undercutter=normalize(uc) if isinstance(uc, str) else None,
                scheme_meta=_scheme_meta(theory, raw.get("scheme")),
            )
        )
    _native_attacks(m, g, cid, weights, own_standard, standard)
    if doc is not None:
        g.assumptions |= {normalize(str(a)) for a in doc.get("assumptions") or []}
        g.assumptions |= {cid[n.id] for n in m.nodes(_STATEMENTS) if _cdata(n).get("assumed")}
        theory.apply(g)
    else:
        concluded = {a.conclusion for a in g.arguments.values()}
        g.assumptions = {s for s in g.statements if s not in concluded and not s.startswith("¬")}
        g.assumptions -= {cid[t] for t in _attacked(m) if t in cid}
    if assumptions is not None:
        g.assumptions = {cid.get(a, a) for a in assumptions}
    unknown = sorted(g.assumptions - set(g.statements))
    if unknown and doc is None:
        raise SemanticsError(f"assumption {unknown[0]!r} is not a statement of the map")
    for a in unknown:  # Carneades 4 allows assumptions that no statement declares
        g.add_statement(a)
    return g, {v: k for k, v in cid.items()}


def _scheme_meta(theory: Theory, scheme: Any) -> Mapping[str, Any]:
    return theory.schemes[scheme].meta if scheme in theory.schemes else {}


def _marked(att: Any) -> bool:
    """An attack a Carneades reader made (an undercutter, or complements' rebuttals)."""
    c = _cdata(att)
    return bool(c.get("undercutter") or c.get("complement"))


def _attacked(m: ArgumentMap) -> set[str]:
    return {a.target for a in m.attacks() if not _marked(a)}


def _native_attacks(
    m: ArgumentMap,
    g: CarneadesGraph,
    cid: dict[str, str],
    weights: Mapping[str, float] | None,
    own_standard: Mapping[str, str],
    standard: str,
) -> None:
    issue_of = g.issue_of()
    undercut: dict[str, str] = {}
    for att in m.attacks():
        if _marked(att):
            continue
        w = _weight_of(att, weights)
        weighing = Weighing() if w is None else Weighing("constant", constant=_unit(w, att.id))
        attacker = cid[att.attacker]
        if att.target in cid:  # rebut or undermine: an argument for the complement
            target = cid[att.target]
            neg = target[1:] if target.startswith("¬") else "¬" + target
            g.add_statement(neg, f"not: {g.statements[target]}")
            issue = issue_of.get(target)
            if issue is None:
                issue = CIssue(f"issue({target})", [target], own_standard.get(target, standard))
                g.issues[issue.id] = issue
                issue_of[target] = issue
            if neg not in issue.positions:
                issue.positions.append(neg)
                issue_of[neg] = issue
            g.add_argument(CArgument(att.id, neg, (attacker,), weighing=weighing))
        else:  # undercut of an argument, or an attack on an attack
            target = str(_cdata(m[att.target]).get("id") or att.target)
            ucid = f"undercut({target})"
            g.add_statement(ucid, f"{target} is undercut.")
            undercut[target] = ucid
            g.add_argument(CArgument(att.id, ucid, (attacker,), weighing=weighing))
    for target, ucid in undercut.items():  # every argument (attacks too) exists now
        if target in g.arguments:
            g.arguments[target].undercutter = ucid


def _standard(value: Any, where: str) -> str:
    std = str(value).upper()
    if std not in STANDARDS:
        raise SemanticsError(
            f"{where}: unknown proof standard {value!r}; known: {', '.join(STANDARDS)}"
        )
    return std


def _unit(value: float, where: str) -> float:
    if not 0.0 <= value <= 1.0:
        raise SemanticsError(f"{where}: a weight must be from 0.0 to 1.0, not {value!r}")
    return value


def carneades(
    m: ArgumentMap,
    *,
    standard: str | None = None,
    weights: Mapping[str, float] | None = None,
    standards: Mapping[str, str] | None = None,
    assumptions: Iterable[str] | None = None,
    alpha: float = ALPHA,
    beta: float = BETA,
) -> CarneadesResult:
    """Evaluate ``m`` as Carneades 4 does; labels by Carneades statement id.

    ``standard`` replaces every issue's proof standard (PE, CCE, BRD or DV); the other
    keywords are those of :func:`carneades_graph`.

    Raises:
        SemanticsError: see :func:`carneades_graph`.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x"); p = m.claim("P.", id="p")
    >>> _ = m.argue([p], m.claim("Q.", id="q"), id="a")
    >>> {k: str(v) for k, v in carneades(m).labels.items()}
    {'p': 'IN', 'q': 'IN'}
    """
    if standard is not None:
        standard = _standard(standard, "standard")
    g, ids = carneades_graph(m, weights=weights, standards=standards, assumptions=assumptions)
    labels = evaluate(g, standard=standard, alpha=alpha, beta=beta)
    own = {}  # the file's own spelling of each statement id
    for node in m.nodes(_STATEMENTS):
        raw = _cdata(node).get("id")
        if isinstance(raw, str):
            own[normalize(raw)] = raw
    shown = {own.get(k, k): v for k, v in labels.items()}
    texts = {own.get(k, k): t for k, t in g.statements.items()}
    ids = {own.get(k, k): v for k, v in ids.items()}
    return CarneadesResult(shown, _weights(g, labels, alpha, beta), ids, standard, texts)


def _weights(
    g: CarneadesGraph, labels: dict[str, Label], alpha: float, beta: float
) -> dict[str, float]:
    return weights(g, labels, alpha=alpha, beta=beta)


def standards_of(
    m: ArgumentMap,
    statement: Ref,
    *,
    weights: Mapping[str, float] | None = None,
    assumptions: Iterable[str] | None = None,
) -> dict[str, Label]:
    """The label of ``statement`` under each proof standard (applied to every issue).

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x")
    >>> _ = m.argue([m.claim("P.", id="p")], m.claim("Q.", id="q"), id="a")
    >>> {k: str(v) for k, v in standards_of(m, "q").items()}
    {'PE': 'IN', 'CCE': 'IN', 'BRD': 'IN', 'DV': 'IN'}
    """
    node_id = m.resolve(statement)
    key = str(_cdata(m[node_id]).get("id") or node_id)
    out = {}
    for std in STANDARDS:
        res = carneades(m, standard=std, weights=weights, assumptions=assumptions)
        out[std] = res.labels[key]
    return out


def explain_standards(
    m: ArgumentMap,
    statement: Ref,
    *,
    weights: Mapping[str, float] | None = None,
    assumptions: Iterable[str] | None = None,
) -> str:
    """Which proof standards ``statement`` meets, with the weights that decide it.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x")
    >>> r = m.recommendation("Abstain.", id="r")
    >>> _ = m.argue([m.evidence("Flawed.", id="e")], r, id="a", data={"weight": 0.7})
    >>> _ = m.attack(m.claim("Laudable goals.", id="g"), r, id="t", data={"weight": 0.3})
    >>> print(explain_standards(m, "r"))
    proof standards for [r] Abstain.
      pro: a 0.70; con (¬r): t 0.30
      PE  IN    preponderance of the evidence
      CCE OUT   clear and convincing evidence (margin > 0.5)
      BRD OUT   beyond reasonable doubt (margin > 0.5, rival < 0.3)
      DV  OUT   dialectical validity (no rival argument weighs anything)
    """
    node_id = m.resolve(statement)
    node = m[node_id]
    key = str(_cdata(node).get("id") or node_id)
    res = carneades(m, weights=weights, assumptions=assumptions)
    g, _ = carneades_graph(m, weights=weights, assumptions=assumptions)
    issue = g.issue_of().get(normalize(key))
    positions = issue.positions if issue is not None else [normalize(key)]

    def args(p: str) -> str:
        found = [a for a in g.arguments.values() if a.conclusion == p]
        return ", ".join(f"{a.id} {res.weights.get(a.id, 0.0):.2f}" for a in found) or "none"

    lines = [f"proof standards for [{node_id}] {node.text}"]
    parts = [f"pro: {args(normalize(key))}"]
    parts += [f"con ({p}): {args(p)}" for p in positions if p != normalize(key)]
    lines.append("  " + "; ".join(parts))
    names = {
        "PE": "preponderance of the evidence",
        "CCE": f"clear and convincing evidence (margin > {ALPHA})",
        "BRD": f"beyond reasonable doubt (margin > {ALPHA}, rival < {BETA})",
        "DV": "dialectical validity (no rival argument weighs anything)",
    }
    for std, label in standards_of(m, node_id, weights=weights, assumptions=assumptions).items():
        lines.append(f"  {std:<3} {label.value:<5} {names[std]}")
    return "\n".join(lines)


__all__ += ["document_of", "parse_weighing"]
