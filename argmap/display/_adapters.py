"""Views of the objects other parts of argmap return: traces and validation reports.

These read the objects through their public attributes (a trace-shaped or report-shaped
object from elsewhere draws too); :func:`as_view` turns anything drawable into a view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.display._view import DEFAULT_MAX_NODES, Flag, View, _ids, map_view, trace_view_of
from argmap.errors import RenderError
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, Evidence, Node, Source
from argmap.query.trace import Trace

_DRAWN = STATEMENT_KINDS | {"actor", "alternative", "issue", "argument"}

__all__ = [
    "as_view",
    "findings_of",
    "is_report",
    "is_trace",
    "report_view",
    "trace_map",
    "trace_view",
]


def _map_of(obj: object) -> ArgumentMap | None:
    for name in ("map", "argument_map"):
        value = getattr(obj, name, None)
        if isinstance(value, ArgumentMap):
            return value
    return None


def is_trace(obj: object) -> bool:
    """Whether ``obj`` is a trace (:class:`argmap.query.trace.Trace`, or one shaped like it:
    ``root``, ``premises``, ``arguments``, ``attacks`` and ``node(id)``)."""
    if isinstance(obj, Trace):
        return True
    return all(hasattr(obj, a) for a in ("root", "premises", "arguments", "attacks")) and callable(
        getattr(obj, "node", None)
    )


def is_report(obj: object) -> bool:
    """Whether ``obj`` looks like a validation report: ``findings`` and ``ok``."""
    return hasattr(obj, "findings") and hasattr(obj, "ok")


def trace_map(t: Any) -> ArgumentMap:
    """A map holding just what a trace holds: its root, premises, arguments, the attacks on
    them and their attackers, the stances behind them and their actors, and the sources
    their quotes come from (a trace is a snapshot, so it is drawn from its own nodes).

    >>> from argmap import ArgumentMap
    >>> from argmap.query.trace import trace
    >>> m = ArgumentMap("t"); r = m.recommendation("Act.", id="r")
    >>> _ = m.argue([m.claim("Because.", id="c")], r); _ = m.claim("Unrelated.", id="u")
    >>> sorted(n.kind for n in trace_map(trace(m, "r")))
    ['argument', 'claim', 'recommendation']
    """
    ids: list[str] = [t.root, *t.premises, *t.arguments]
    for attack in t.attacks:
        ids += [attack.id, attack.attacker, *getattr(attack, "co_attackers", ())]
        for answer in getattr(attack, "answered_by", ()):  # on an attacker, or on the attack
            answering = t.node(answer)
            ids += [answer, *getattr(answering, "attackers", ())]
    for stance in getattr(t, "stances", ()):
        ids += [stance.stance, stance.actor]
    nodes: dict[str, Node] = {}
    for node_id in ids:
        nodes.setdefault(node_id, t.node(node_id))
    for node in list(nodes.values()):
        wanted = [a.source for a in node.anchors]
        if isinstance(node, Evidence) and node.source:
            wanted.append(node.source)
        for source_id in wanted:
            if source_id not in nodes:
                src = t.node(source_id)
                if isinstance(src, Source):  # its author and publisher are not drawn
                    src = src.model_copy(update={"author": None, "publisher": None})
                nodes[source_id] = src
    iri = str(getattr(t, "map_iri", "")) or None
    name = iri.rstrip("/#").rsplit("/", 1)[-1] if iri else "trace"
    return ArgumentMap.from_nodes(
        nodes.values(), name=name or "trace", iri=iri, title=f"Trace of {t.root!r}"
    )


def trace_view(obj: object, *, max_nodes: int = DEFAULT_MAX_NODES) -> View | None:
    """The view of a trace (None when ``obj`` is not one)."""
    if not is_trace(obj):
        return None
    m = _map_of(obj) or trace_map(obj)
    root = str(getattr(obj, "root", "")) or _id_of(m, getattr(obj, "recommendation", None))
    critical = _ids(m, getattr(obj, "critical_premises", ()) or ())
    return trace_view_of(m, root, max_nodes=max_nodes, critical=critical)


def _id_of(m: ArgumentMap, value: Any) -> str:
    if isinstance(value, Mapping):
        return m.resolve(str(value["id"]))
    return m.resolve(str(getattr(value, "id", value)))


def findings_of(report: object) -> list[dict[str, Any]]:
    """A report's findings as plain dicts: severity, rule, message, nodes, quote."""
    rows: list[dict[str, Any]] = []
    for f in getattr(report, "findings", ()) or ():
        get = f.get if isinstance(f, Mapping) else (lambda k, f=f: getattr(f, k, None))
        nodes = get("nodes") or ()
        if isinstance(nodes, str):
            nodes = (nodes,)
        ids = []
        for n in nodes:
            if isinstance(n, str):
                ids.append(n)
            elif isinstance(n, Mapping):
                ids.append(str(n.get("id")))
            else:
                ids.append(str(getattr(n, "id", n)))
        rows.append(
            {
                "severity": str(get("severity") or ""),
                "rule": str(get("rule") or get("rule_id") or ""),
                "message": str(get("message") or ""),
                "nodes": ids,
                "quote": get("quote") or "",
            }
        )
    return rows


def report_view(obj: object, *, max_nodes: int = DEFAULT_MAX_NODES) -> View | None:
    """The view of a validation report that knows its map (None otherwise)."""
    if not is_report(obj):
        return None
    m = _map_of(obj)
    if m is None:
        return None
    base = map_view(m, max_nodes=max_nodes)
    flags: dict[str, list[Flag]] = {}
    for row in findings_of(obj):
        for node_id in row["nodes"]:
            if node_id in m:
                flag = Flag(row["severity"], row["rule"], row["message"])
                flags.setdefault(m.resolve(node_id), []).append(flag)
    errors = sum(1 for row in findings_of(obj) if row["severity"] == "error")
    note = f"Validation: {errors} error{'s' if errors != 1 else ''}, " + (
        f"{len(findings_of(obj)) - errors} other finding(s); flagged nodes are outlined."
    )
    if base.note:
        note = base.note + " " + note
    return View(
        m,
        base.nodes | frozenset(k for k in flags if m[k].kind in _DRAWN),
        base.title,
        note=note,
        flags={k: tuple(v) for k, v in flags.items()},
        hidden_support=base.hidden_support,
        total_boxes=base.total_boxes,
    )


def as_view(
    obj: object,
    *,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> View:
    """The view of anything argmap draws: a map, a trace, a validation report, or a view.

    >>> as_view(42)
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: render: cannot draw int; pass an ArgumentMap, a Trace ...
    """
    if isinstance(obj, View):
        return obj
    if isinstance(obj, ArgumentMap):
        return map_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    view = trace_view(obj, max_nodes=max_nodes)
    if view is None:
        view = report_view(obj, max_nodes=max_nodes)
    if view is None:
        raise RenderError(
            f"render: cannot draw {type(obj).__name__}; pass an ArgumentMap, a Trace or a "
            "ValidationReport"
        )
    return view
