"""Assertions for your own test suite: is the map consistent, does a recommendation rest on
what you think it rests on, is there evidence behind it.

Each helper raises :class:`~argmap.errors.ValidationFailed` (an ``AssertionError``, so
pytest reports it as a test failure) whose message is a table: which claim, what is wrong,
and where in the source the claim came from (its quote and character offsets).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("brief")
>>> src = m.source("The brief", id="brief")
>>> r = m.recommendation("The U.S. should abstain.", id="abstain")
>>> e = m.evidence("Russia proposed the treaty.", id="russia-proposed", source=src)
>>> flawed = m.claim("The draft text is flawed.", id="flawed")
>>> _ = m.argue([flawed], r); _ = m.argue([e], flawed)
>>> _ = assert_consistent(m, allow=["unanchored-statement"])
>>> assert_traces_to(m, "abstain", "russia-proposed")
>>> assert_supported_by_evidence(m, "abstain")
>>> assert_traces_to(m, "russia-proposed", "abstain")
Traceback (most recent call last):
...
argmap.errors.ValidationFailed: 'abstain' is not a premise of 'russia-proposed' in map 'brief'
...
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from argmap.errors import ValidationFailed
from argmap.validate import (
    CATEGORIES,
    RULES,
    Finding,
    NodeRef,
    Severity,
    ValidationReport,
    quote_of,
    validate,
)

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref

__all__ = ["assert_consistent", "assert_supported_by_evidence", "assert_traces_to"]

_SHOWN = 12  # premises listed in a failure before "..."


def _allowed(f: Finding, allow: list[str]) -> bool:
    """Whether an ``allow`` entry (rule, category, or ``rule:node``) covers the finding."""
    for entry in allow:
        rule, _, node = entry.partition(":")
        if rule in CATEGORIES:
            matches = f.rule in RULES and RULES[f.rule].category == rule
        else:
            matches = f.rule == rule
        if matches and (not node or node in f.node_ids):
            return True
    return False


def assert_consistent(
    m: ArgumentMap | Any,
    allow: str | Iterable[str] = (),
    *,
    strict: bool = False,
    **options: Any,
) -> ValidationReport:
    """Fail unless the map validates with no errors (and, with ``strict``, no warnings).

    Parameters
    ----------
    m:
        The map (or anything :func:`~argmap.validate.validate` reads: a path, RDF text).
    allow:
        Findings to tolerate: a rule id (``"orphan-node"``), a category (``"hygiene"``),
        or ``"rule:node-id"`` for one rule on one node (``"duplicate-statement:c7"``).
    strict:
        Fail on warnings too.
    **options:
        Passed to :func:`~argmap.validate.validate` (``disable=``, ``severities=``,
        ``extra_rules=``).

    Returns
    -------
    ValidationReport
        The full report, when the assertion holds.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); _ = m.recommendation("Abstain.", id="abstain")
    >>> assert_consistent(m)
    Traceback (most recent call last):
    ...
    argmap.errors.ValidationFailed: map 'x' is not consistent: 1 error
    ...
    >>> assert_consistent(m, allow=["unsupported-recommendation"]).ok
    False
    """
    allowed = [allow] if isinstance(allow, str) else list(allow)
    report = validate(m, **options)
    failing: list[Severity] = ["error", "warning"] if strict else ["error"]
    bad = [f for f in report if f.severity in failing and not _allowed(f, allowed)]
    if bad:
        shown = ValidationReport(bad, rules=report.rules, subject=report.subject)
        counts = shown.counts()
        what = ", ".join(
            f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}" for s in failing if counts[s]
        )
        tolerated = f" (allowed: {', '.join(allowed)})" if allowed else ""
        table = shown.to_text(max_rows=50).split("\n", 1)[1]
        raise ValidationFailed(f"{report.subject} is not consistent: {what}{tolerated}\n{table}")
    return report


# ---------------------------------------------------------------- support


def _support(m: ArgumentMap, statement: str) -> tuple[list[str], list[str], list[str]]:
    """(premises, evidence, basic premises) behind ``statement``, nearest first.

    Uses :func:`argmap.query.trace` when it is there, else a local walk over
    :meth:`~argmap.ArgumentMap.arguments_for`.
    """
    try:
        from argmap.query import trace
    except ImportError:  # pragma: no cover - the query package is part of argmap
        return _local_support(m, statement)
    t = trace(m, statement)
    return list(t.premises), list(t.evidence), list(t.basic_premises)


def _local_support(m: ArgumentMap, statement: str) -> tuple[list[str], list[str], list[str]]:
    """What :func:`_support` gives, by a breadth-first walk over ``m.arguments_for``."""
    seen = {statement}
    order: list[str] = []
    queue = deque([statement])
    while queue:
        s = queue.popleft()
        for a in m.arguments_for(s):
            for p in a.premises:
                if p not in seen:
                    seen.add(p)
                    order.append(p)
                    queue.append(p)
    evidence = [p for p in order if m[p].kind == "evidence"]
    basic = [p for p in order if not m.arguments_for(p)]
    return order, evidence, basic


def _row(m: ArgumentMap, rule: str, severity: Severity, message: str, node_id: str) -> Finding:
    node = m[node_id]
    anchor = node.anchors[0] if node.anchors else None
    return Finding(rule, severity, message, (NodeRef.of(m, node),), *quote_of(anchor))


def _fail(title: str, rows: list[Finding]) -> ValidationFailed:
    report = ValidationReport(rows, subject="x")
    table = report.to_text(max_rows=50).split("\n", 1)[1]
    return ValidationFailed(f"{title}\n{table}")


def _ids(ids: list[str]) -> str:
    shown = ", ".join(repr(i) for i in ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")


def assert_traces_to(m: ArgumentMap, recommendation: Ref, premise: Ref) -> None:
    """Fail unless ``premise`` is among the premises ``recommendation`` rests on.

    The premise may sit at any depth: a chain of arguments must lead from it to the
    recommendation. ``recommendation`` may be any statement; both may be given as ids,
    IRIs, texts or nodes.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); r = m.recommendation("Abstain.", id="abstain")
    >>> _ = m.argue([m.claim("The text is flawed.", id="flawed")], r)
    >>> assert_traces_to(m, "abstain", "flawed")
    >>> _ = m.claim("Budapest works.", id="budapest")
    >>> assert_traces_to(m, "abstain", "budapest")
    Traceback (most recent call last):
    ...
    argmap.errors.ValidationFailed: 'budapest' is not a premise of 'abstain' in map 'x'
    ...
    """
    rec = m.resolve(recommendation)
    prem = m.resolve(premise)
    order, _evidence, _basic = _support(m, rec)
    if prem in order:
        return
    rows = [_row(m, "traces-to", "error",
                 f"{prem!r} is not behind {rec!r}: no chain of arguments leads from it to "
                 f"{rec!r}.", prem)]
    uses = sorted({a.conclusion for a in m.arguments_using(prem)})
    if uses:
        rows.append(_row(m, "traces-to", "info",
                         f"{prem!r} supports {_ids(uses)}, which do not lead to {rec!r}.", prem))
    if order:
        direct = sorted({p for a in m.arguments_for(rec) for p in a.premises})
        rows.append(_row(m, "traces-to", "info",
                         f"{rec!r} rests on {len(order)} premise(s), directly on "
                         f"{_ids(direct)}.", rec))
    else:
        rows.append(_row(m, "traces-to", "info", f"{rec!r} has no argument for it at all.", rec))
    raise _fail(f"{prem!r} is not a premise of {rec!r} in map {m.name!r}", rows)


def assert_supported_by_evidence(
    m: ArgumentMap, recommendation: Ref, *, every_chain: bool = False
) -> None:
    """Fail unless some piece of evidence stands behind ``recommendation``.

    With ``every_chain``, every chain of reasons must end in evidence: each premise that
    nothing supports must itself be evidence.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); r = m.recommendation("Abstain.", id="abstain")
    >>> _ = m.argue([m.claim("The text is flawed.", id="flawed")], r)
    >>> assert_supported_by_evidence(m, "abstain")
    Traceback (most recent call last):
    ...
    argmap.errors.ValidationFailed: no evidence stands behind 'abstain' in map 'x'
    ...
    """
    rec = m.resolve(recommendation)
    order, evidence, basic = _support(m, rec)
    bare = [b for b in basic if m[b].kind != "evidence"]
    if evidence and not (every_chain and bare):
        return
    if not order:
        rows = [_row(m, "supported-by-evidence", "error",
                     f"{rec!r} has no argument for it, so nothing supports it.", rec)]
        raise _fail(f"no evidence stands behind {rec!r} in map {m.name!r}", rows)
    if not evidence:
        title = f"no evidence stands behind {rec!r} in map {m.name!r}"
        rows = [_row(m, "supported-by-evidence", "error",
                     f"{rec!r} rests on {len(order)} premise(s), none of them evidence.", rec)]
    else:
        title = f"not every chain behind {rec!r} ends in evidence in map {m.name!r}"
        rows = [_row(m, "supported-by-evidence", "error",
                     f"{len(bare)} chain(s) behind {rec!r} end in a bare {m[b].kind}.", rec)
                for b in bare[:1]]
    for b in bare[:50]:
        rows.append(_row(m, "supported-by-evidence", "info",
                         f"{b!r} is a {m[b].kind} that nothing supports and that is not "
                         "evidence.", b))
    raise _fail(title, rows)
