"""A trace as indented, readable text: why the map holds a statement, and on what.

Each statement is a line ``kind [id] text``, with its quotes, who asserts or endorses
it and the attacks on it below; then one ``because`` block per argument for it (the
first ``because``, the others ``or because``: convergent support), listing the premises
the argument needs all of (linked support). A statement already explained further up
is only named (``see above``); one that leads back into the chain being explained is
marked as a cycle. Critical premises carry ``(critical)``; incomplete arguments
``(incomplete)``.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.query import trace
>>> m = ArgumentMap("x")
>>> brief = m.source("The brief", id="brief")
>>> r = m.recommendation("Abstain from the vote.", id="abstain")
>>> _ = m.anchor(r, "abstain", source=brief, text="We urge the U.S. to abstain.")
>>> flawed = m.claim("The text is flawed.", id="flawed")
>>> _ = m.argue([flawed], "abstain", id="a1", scheme="practical reasoning")
>>> _ = m.argue([m.evidence("Article 35 is vague.", id="art35")], flawed, id="a2")
>>> _ = m.argue([m.claim("Russia drafted it.", id="russia")], flawed, id="a3")
>>> _ = m.stance(m.actor("The Chamber", id="chamber"), "asserts", "abstain")
>>> _ = m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed", id="t1")
>>> print(explain(trace(m, "abstain")))
recommendation [abstain] Abstain from the vote.
  quote: "abstain" (brief 20-27)
  asserted by: The Chamber [chamber]
  because (argument a1, practical reasoning):
    claim [flawed] The text is flawed. (critical)
      attacked: rebut [t1] by claim [laudable] "Its goals are laudable." (unanswered)
      because (argument a2):
        evidence [art35] Article 35 is vague.
      or because (argument a3):
        claim [russia] Russia drafted it.
summary: 3 premises (2 basic, 1 evidence), 3 arguments, depth 2; critical: flawed; 1 attack (1 unanswered); no cycles
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.query.trace import Trace, TraceAttack

__all__ = ["explain"]

_INDENT = "  "


def _answers(t: Trace, att: TraceAttack) -> str:
    """The attacks answering ``att``: on an attacker, or on the attack itself (so marked)."""
    said = []
    for answer_id in att.answered_by:
        answer = t.node(answer_id)
        target = getattr(answer, "target", None)
        said.append(f"{answer_id} (undercuts the attack)" if target == att.id else answer_id)
    return ", ".join(said)


def _offsets(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return f" {start}-{end}" if end is not None else f" {start}-"


def explain(t: Trace) -> str:
    """The justification of a trace as indented text (see the module docstring).

    :func:`argmap.explain` (from :mod:`argmap.semantics.explain`) adds, on request, which
    proof standards the statement meets.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.query import trace
    >>> m = ArgumentMap("x")
    >>> r = m.recommendation("Abstain.", id="r")
    >>> _ = m.argue([m.evidence("Flawed.", id="e")], r, id="a")
    >>> print(explain(trace(m, "r")))
    recommendation [r] Abstain.
      because (argument a):
        evidence [e] Flawed. (critical)
    summary: 1 premises (1 basic, 1 evidence), 1 arguments, depth 1; critical: e; 0 attacks; no cycles
    """
    lines: list[str] = []
    critical = set(t.critical_premises)
    complete = set(t.complete_arguments)
    anchors: dict[str, list[str]] = {}
    for a in t.anchors:
        anc = a.anchor
        anchors.setdefault(a.node, []).append(
            f'quote: "{anc.exact}" ({anc.source}{_offsets(anc.start, anc.end)})'
        )
    behind: dict[str, dict[str, list[str]]] = {}
    for st in t.stances:
        name = f"{t.node(st.actor).text} [{st.actor}]"
        roles = behind.setdefault(st.node, {})
        if name not in roles.setdefault(st.role, []):
            roles[st.role].append(name)
    attacks: dict[str, list[str]] = {}
    for att in t.attacks:
        attacker = t.node(att.attacker)
        answer = f"answered by {_answers(t, att)}" if att.answered else "unanswered"
        jointly = "".join(
            f' and {t.node(x).kind} [{x}] "{t.node(x).text}"' for x in att.co_attackers
        )
        attacks.setdefault(att.target, []).append(
            f'attacked: {att.type} [{att.id}] by {attacker.kind} [{attacker.id}] '
            f'"{attacker.text}"{jointly} ({answer})'
        )
    args_for: dict[str, list[str]] = {}
    for arg_id in t.arguments:
        args_for.setdefault(getattr(t.node(arg_id), "conclusion", ""), []).append(arg_id)

    def details(node_id: str, depth: int) -> None:
        pad = _INDENT * (depth + 1)
        lines.extend(pad + q for q in anchors.get(node_id, ()))
        roles = behind.get(node_id, {})
        for role, verb in (("asserts", "asserted by"), ("endorses", "endorsed by")):
            if role in roles:
                lines.append(f"{pad}{verb}: {', '.join(roles[role])}")
        lines.extend(pad + a for a in attacks.get(node_id, ()))

    done: set[str] = set()
    # An explicit stack (not recursion): traces can be deeper than Python's call stack.
    # Items: ("stmt", id, depth, chain) or ("arg", id, depth, first, chain).
    stack: list[tuple[str, str, int, bool, frozenset[str]]] = [
        ("stmt", t.root, 0, False, frozenset())
    ]
    while stack:
        what, node_id, depth, first, chain = stack.pop()
        pad = _INDENT * depth
        if what == "arg":
            arg = t.node(node_id)
            scheme = getattr(arg, "scheme", None)
            label = f"argument {node_id}" + (f", {scheme}" if scheme else "")
            state = "" if node_id in complete else " (incomplete)"
            lines.append(f"{pad}{'because' if first else 'or because'} ({label}){state}:")
            if arg.anchors:
                lines.extend(pad + _INDENT + q for q in anchors.get(node_id, ()))
            lines.extend(pad + _INDENT + a for a in attacks.get(node_id, ()))
            for p in reversed(getattr(arg, "premises", ())):
                stack.append(("stmt", p, depth + 1, False, chain))
            continue
        node = t.node(node_id)
        mark = " (critical)" if node_id in critical else ""
        head = f"{pad}{node.kind} [{node_id}] {node.text}{mark}"
        if node_id in chain:
            lines.append(f"{head} (cycle: leads back up this chain)")
            continue
        if node_id in done:
            lines.append(f"{head} (see above)")
            continue
        done.add(node_id)
        lines.append(head)
        details(node_id, depth)
        below = args_for.get(node_id, ())
        for k in range(len(below) - 1, -1, -1):
            stack.append(("arg", below[k], depth + 1, k == 0, chain | {node_id}))

    n_att = len(t.attacks)
    unanswered = sum(1 for a in t.attacks if not a.answered)
    summary = (
        f"summary: {len(t.premises)} premises ({len(t.basic_premises)} basic, "
        f"{len(t.evidence)} evidence), {len(t.arguments)} arguments, depth {t.depth}; "
        f"critical: {', '.join(t.critical_premises) or 'none'}; "
        f"{n_att} attack{'' if n_att == 1 else 's'}"
        + (f" ({unanswered} unanswered)" if n_att else "")
        + "; "
        + (
            "cycles: " + "; ".join(" <-> ".join(c) for c in t.cycles)
            if t.cycles
            else "no cycles"
        )
    )
    if not t.arguments:
        lines.append(f"{_INDENT}(nothing in the map argues for it)")
    lines.append(summary)
    return "\n".join(lines)
