"""A trace as indented, readable text: why the map holds a statement, and on what.

Each statement is a line ``kind [id] text``, with its quotes, who asserts or endorses
it and the attacks on it below; then one ``because`` block per argument for it (the
first ``because``, the others ``or because``: convergent support), listing the premises
the argument needs all of (linked support). A statement already explained further up
is only named (``see above``); one that leads back into the chain being explained is
marked as a cycle. Critical premises carry ``(critical)``; incomplete arguments
``(incomplete)``. Under an argument whose scheme the catalogue knows come its critical
questions (:func:`argmap.critical_questions`): each open one with its text and what
answering it against the argument would do (undermine a premise, undercut the inference,
rebut the conclusion), each answered one with the attacks or arguments that answer it.

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
>>> _ = m.attack(m.claim("Abstaining costs influence.", id="cost"), "a1", id="t2",
...              question="side-effects")
>>> print(explain(trace(m, "abstain")))
recommendation [abstain] Abstain from the vote.
  quote: "abstain" (brief 20-27)
  asserted by: The Chamber [chamber]
  because (argument a1, practical reasoning):
    attacked: undercut [t2] by claim [cost] "Abstaining costs influence." (unanswered)
    open question [alternatives] Are there other actions that would reach the goal as well or better? (if answered against it: undercuts the inference)
    open question [best-means] Of the available actions, is this one the most efficient or least costly? (if answered against it: undercuts the inference)
    open question [feasible] Can the agent actually carry out the action? (if answered against it: undermines the means premise)
    open question [other-goals] Does the agent have other goals that this action works against? (if answered against it: undercuts the inference)
    answered question [side-effects] Would the action have costs or side effects that outweigh reaching the goal? (answered by attack t2)
    claim [flawed] The text is flawed. (critical)
      attacked: rebut [t1] by claim [laudable] "Its goals are laudable." (unanswered)
      because (argument a2):
        evidence [art35] Article 35 is vague.
      or because (argument a3):
        claim [russia] Russia drafted it.
summary: 3 premises (2 basic, 1 evidence), 3 arguments, depth 2; critical: flawed; 2 attacks (2 unanswered); no cycles; 4 open critical questions (1 answered)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.query.trace import Trace, TraceAttack
    from argmap.questions import QuestionRow

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


def _meaning(row: QuestionRow) -> str:
    """What answering a question against its argument would do."""
    if row.answer_type == "undermine":
        what = f"undermines the {row.premise_role} premise" if row.premise_role else (
            "undermines a premise"
        )
    elif row.answer_type == "undercut":
        what = "undercuts the inference"
    else:
        what = "rebuts the conclusion"
    return f"if answered against it: {what}"


def _question_lines(t: Trace) -> dict[str, list[str]]:
    """Argument id -> a line per critical question (open, or answered and by what)."""
    out: dict[str, list[str]] = {}
    for row in t.questions:
        if row.status == "open":
            line = f"open question [{row.key}] {row.text} ({_meaning(row)})"
        else:
            by = ", ".join(f"{t.node(x).kind} {x}" for x in row.answered_by)
            line = f"answered question [{row.key}] {row.text} (answered by {by})"
        out.setdefault(row.argument, []).append(line)
    return out


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
    questions = _question_lines(t)
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
            lines.extend(pad + _INDENT + q for q in questions.get(node_id, ()))
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
    n_open = len(t.open_questions)
    asked = (
        f"; {n_open} open critical question{'' if n_open == 1 else 's'} "
        f"({len(t.questions) - n_open} answered)"
        if t.questions
        else ""
    )
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
        + asked
    )
    if not t.arguments:
        lines.append(f"{_INDENT}(nothing in the map argues for it)")
    lines.append(summary)
    return "\n".join(lines)
