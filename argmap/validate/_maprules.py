"""The rules checked on an in-memory map: logical, grounding, hygiene, and anchor offsets.

Each rule is a function of a :class:`~argmap.validate._mapindex.MapIndex` (the map and
what the rules need from it, gathered in one pass) yielding hits
(:data:`~argmap.validate._lazy.Hit`: the nodes, and how to word the message), which the
report turns into :class:`~argmap.validate.Finding` objects when they are read
(:func:`findings` makes them at once). All of them are linear in the size of the map
(circular support runs one depth-first search for any cycle, and Tarjan's strongly
connected components only when there is one).

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("x")
>>> a = m.claim("The convention is flawed.", id="flawed")
>>> b = m.claim("The U.S. should not sign it.", id="nosign")
>>> _ = m.argue([a], b); _ = m.argue([b], a)
>>> [f.message for f in findings(MapIndex(m), "circular-support")]
["Statement 'flawed' supports itself through a chain of arguments: flawed → nosign → flawed."]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import cast

from argmap.model import Argument, Attack, Evidence, Node
from argmap.schemes import default_catalogue
from argmap.validate._catalog import RULES
from argmap.validate._finding import SEVERITY_RANK, Finding
from argmap.validate._lazy import Hit, LazyFindings
from argmap.validate._mapindex import POSITIVE_ROLES, MapIndex, normalise

__all__ = ["MAP_RULES", "MapIndex", "findings", "normalise"]

_SHOWN = 5  # nodes named in a message before "..."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")


def _named(node: Node) -> str:
    """How a message begins with a node: ``Claim 'flawed'``."""
    return f"{_cap(node.kind)} {node.id!r}"


def findings(ix: MapIndex, rule: str) -> list[Finding]:
    """The findings of one rule, made at once (in the order the rule finds them)."""
    rank = SEVERITY_RANK[RULES[rule].severity]
    return list(LazyFindings([(rank, rule, h[0], i, h) for i, h in
                              enumerate(MAP_RULES[rule](ix))], ix.base))


# ---------------------------------------------------------------- structural (in memory)


def anchor_offsets(ix: MapIndex) -> Iterator[Hit]:
    """Anchors whose offsets do not fit their quote (the model allows that)."""
    for node, a in ix.bad_anchors:
        if a.start is not None and a.end is not None:
            message = (
                f"The quote {a.exact!r} of {ix.name(node.id)} is {len(a.exact)} "
                f"characters long, but its offsets {a.start}–{a.end} span {a.end - a.start}."
            )
        elif a.start is not None:
            message = f"The quote {a.exact!r} of {ix.name(node.id)} has a start offset but no end."
        else:
            message = f"The quote {a.exact!r} of {ix.name(node.id)} has an end offset but no start."
        yield ix.hit(message, node.id, anchor=a)


# ---------------------------------------------------------------- logical


def premise_is_conclusion(ix: MapIndex) -> Iterator[Hit]:
    """Arguments that use their conclusion as a premise (refused by the model; kept for
    maps built around it)."""
    for a in ix.circular_args:
        if a.conclusion in a.premises:
            yield ix.hit(
                f"Argument {a.id!r} uses its own conclusion {a.conclusion!r} as a premise, so "
                "it assumes what it sets out to show.",
                a.id, a.conclusion,
            )


def self_attack(ix: MapIndex) -> Iterator[Hit]:
    """Attacks whose attacker is their own target."""
    for t in ix.attacks:
        if t.attacker == t.target:
            yield ix.hit(
                f"{_cap(ix.name(t.attacker))} attacks itself (attack {t.id!r}).",
                t.attacker, t.id,
            )


def _has_cycle(edges: Mapping[str, Sequence[str]]) -> bool:
    """Whether the graph has a cycle (iterative depth-first search, three colours; a node
    with no edges out is never on a cycle, so the search does not step onto one)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    out = edges.get
    for root in edges:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        while stack:
            v, it = stack[-1]
            for w in it:
                seen = state.get(w)
                if seen is None:
                    below = out(w)
                    if not below:
                        continue
                    state[w] = 1
                    stack.append((w, iter(below)))
                    break
                if seen == 1:
                    return True
            else:
                state[v] = 2
                stack.pop()
    return False


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges[root])))]
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    if low[v] < low[u]:
                        low[u] = low[v]
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return sorted(found)


def _cycle_through(start: str, edges: dict[str, list[str]], comp: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to itself inside ``comp`` (BFS)."""
    parent: dict[str, str] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        u = queue.popleft()
        for v in sorted(edges.get(u, ())):
            if v not in comp:
                continue
            if v == start:
                path = [u]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if v not in seen:
                seen.add(v)
                parent[v] = u
                queue.append(v)
    return [start, start]  # unreachable for a strongly connected component


def circular_support(ix: MapIndex) -> Iterator[Hit]:
    """Statements that support themselves through a chain of arguments."""
    # a cycle of support is one down the premises too, and only conclusions lead on
    if not _has_cycle(ix.children):
        return
    edges = ix.support_edges
    for comp in _cycles(edges):
        cycle = _cycle_through(comp[0], edges, set(comp))
        rest = [c for c in comp if c not in cycle]
        path = " → ".join(cycle if len(cycle) <= 8 else [*cycle[:7], "…", cycle[-1]])
        others = f" ({len(rest)} more statements are caught in the same circle)" if rest else ""
        yield ix.hit(
            f"Statement {comp[0]!r} supports itself through a chain of arguments: "
            f"{path}{others}.",
            *cycle[:-1], *rest,
        )


def premise_attacks_own_argument(ix: MapIndex) -> Iterator[Hit]:
    """A premise of an argument that attacks the argument, its conclusion or a co-premise
    (alone, or as one of several linked attackers)."""
    for t in ix.attacks:
        for x in t.attackers:
            yield from _premise_attacks(ix, t, x)


def _premise_attacks(ix: MapIndex, t: Attack, attacker: str) -> Iterator[Hit]:
    if t.target in ix.argument_ids:
        target = cast(Argument, ix.node(t.target))
        if attacker in target.premises:
            yield ix.hit(
                f"{_cap(ix.name(attacker))} is a premise of argument {target.id!r} and also "
                f"attacks that argument (attack {t.id!r}).",
                attacker, target.id,
            )
        return
    for a in ix.arguments_using(attacker):
        if t.target == a.conclusion:
            what = f"its conclusion {t.target!r}"
        elif t.target in a.premises:
            what = f"its other premise {t.target!r}"
        else:
            continue
        yield ix.hit(
            f"{_cap(ix.name(attacker))} is a premise of argument {a.id!r} and also attacks "
            f"{what} (attack {t.id!r}).",
            attacker, a.id, t.target,
        )


def actor_contradicts_self(ix: MapIndex) -> Iterator[Hit]:
    """Two statements that attack each other, both asserted by one actor."""
    args = ix.argument_ids
    pairs = {(t.attacker, t.target) for t in ix.attacks if t.target not in args}
    asserted = ix.asserted_by
    for x, y in sorted(pairs):
        if x < y and (y, x) in pairs:
            for actor in sorted(asserted.get(x, set()) & asserted.get(y, set())):
                yield ix.hit(
                    f"{_cap(ix.name(actor))} asserts both {x!r} and {y!r}, which attack each other, "
                    "so the actor contradicts itself.",
                    actor, x, y,
                )


def endorses_and_opposes(ix: MapIndex) -> Iterator[Hit]:
    """An actor that both asserts or endorses something and opposes it."""
    roles: dict[tuple[str, str], set[str]] = {}
    for s in ix.stances:
        roles.setdefault((s.actor, s.target), set()).add(s.role)
    flagged = [(k, held) for k, held in roles.items() if "opposes" in held and held & POSITIVE_ROLES]
    for (actor, target), held in sorted(flagged, key=lambda kv: kv[0]):
        verb = "endorses" if "endorses" in held else "asserts"
        yield ix.hit(
            f"{_cap(ix.name(actor))} both {verb} and opposes {ix.name(target)}.",
            actor, target,
        )


# ---------------------------------------------------------------- grounding


def unsupported_recommendation(ix: MapIndex) -> Iterator[Hit]:
    """Recommendations no argument supports."""
    support = ix.children
    for r in ix.by_kind("recommendation"):
        if r.id not in support:
            yield ix.hit(
                f"Recommendation {r.id!r} has no argument for it: the map does not say why it "
                "should be done.",
                r.id,
            )


def _bare_leaves(ix: MapIndex, start: str, budget: int = 500) -> list[str]:
    """Statements behind ``start`` that nothing supports (a bounded search)."""
    children = ix.children
    seen = {start}
    queue = deque([start])
    leaves: list[str] = []
    while queue and len(seen) < budget:
        s = queue.popleft()
        below = children.get(s)
        if not below:
            if s != start:
                leaves.append(s)
            continue
        for p in below:
            if p not in seen:
                seen.add(p)
                queue.append(p)
    return sorted(leaves)


def _has_evidence_behind(ix: MapIndex, start: str, evidence: set[str]) -> bool:
    """Whether some premise behind ``start``, at any depth, is evidence (a breadth-first
    search down the support that stops at the first piece of evidence)."""
    children = ix.children
    seen = {start}
    queue = deque([start])
    while queue:
        for p in children.get(queue.popleft(), ()):
            if p in evidence:
                return True
            if p not in seen:
                seen.add(p)
                queue.append(p)
    return False


def ungrounded_recommendation(ix: MapIndex) -> Iterator[Hit]:
    """Supported recommendations with no evidence anywhere behind them."""
    support = ix.children
    evidence = set(ix.ids["evidence"])
    for r in sorted(ix.ids["recommendation"]):
        if r in support and not _has_evidence_behind(ix, r, evidence):
            leaves = _bare_leaves(ix, r)
            ends = f" ({_ids(leaves)})" if leaves else ""
            yield ix.hit(
                f"Every chain of reasons behind recommendation {r!r} ends in claims with no "
                f"evidence{ends}.",
                r, *leaves[:_SHOWN],
            )


def _no_source(nodes: tuple[Node, ...]) -> str:
    return (f"Evidence {nodes[0].id!r} names no source and quotes none, so a reader cannot "
            "check it.")


def evidence_without_source(ix: MapIndex) -> Iterator[Hit]:
    """Evidence that names no source and quotes none."""
    for e in ix.of_kind["evidence"]:
        if cast(Evidence, e).source is None and not e.anchors:
            yield (e.id,), (e,), _no_source, (), None


class _Behind:
    """Which recommendation (if any) a statement stands behind as a premise, found by
    searching up the support from that statement only, and remembered."""

    def __init__(self, ix: MapIndex) -> None:
        self.edges = ix.conclusions_of
        self.recs = set(ix.ids["recommendation"])
        self.known: dict[str, str | None] = {}

    def __call__(self, start: str) -> str | None:
        known = self.known
        if start in known:
            return known[start]
        edges, recs = self.edges, self.recs
        parent: dict[str, str] = {}
        stack = [start]
        seen = {start}
        hit: str | None = None
        last = start
        while stack and hit is None:
            s = stack.pop()
            for c in edges(s):
                if c in recs:
                    hit, last = c, s
                    break
                if c in known:
                    if known[c] is not None:
                        hit, last = known[c], s
                        break
                    continue
                if c not in seen:
                    seen.add(c)
                    parent[c] = s
                    stack.append(c)
        if hit is None:
            # nothing above start leads to a recommendation: nor from anything on the way
            for s in seen:
                known[s] = None
            return None
        node: str | None = last
        while node is not None:  # the path from start up to the hit stands behind it too
            known[node] = hit
            node = parent.get(node)
        return hit


def _unanswered(nodes: tuple[Node, ...]) -> str:
    attacker, target, rec = nodes
    return (f"{_named(attacker)} attacks {target.id!r}, a premise behind recommendation "
            f"{rec.id!r}, and nothing in the map answers it.")


def unanswered_attack(ix: MapIndex) -> Iterator[Hit]:
    """Attacks on a premise behind a recommendation that nothing attacks in turn.

    An attack is answered when one of its attackers is attacked, or the attack itself is
    (an undercut of the objection).
    """
    attacks_on = ix.attacks_on
    behind = _Behind(ix)
    args = ix.argument_ids
    nodes = ix.nodes
    for t in ix.attacks:
        if t.target in args or t.id in attacks_on or any(a in attacks_on for a in t.attackers):
            continue
        rec_id = behind(t.target)
        if rec_id is None:
            continue
        ids = (t.attacker, t.target, rec_id)
        yield ids, (nodes[ids[0]], nodes[ids[1]], nodes[rec_id]), _unanswered, (), None


def _unanchored(nodes: tuple[Node, ...]) -> str:
    return f"{_named(nodes[0])} is not anchored to any quote in a source."


def unanchored_statement(ix: MapIndex) -> Iterator[Hit]:
    """Statements with no quote in a source."""
    for n in ix.unanchored:
        yield (n.id,), (n,), _unanchored, (), None


def _open_questions(nodes: tuple[Node, ...], tail: str) -> str:
    return _named(nodes[0]) + tail


def _tail(label: str, keys: list[str]) -> str:
    noun = "question" if len(keys) == 1 else "questions"
    return f" ({label}) leaves {len(keys)} critical {noun} open: {', '.join(keys)}."


def open_critical_question(ix: MapIndex) -> Iterator[Hit]:
    """Arguments whose scheme asks critical questions that nothing in the map answers:
    one finding per argument, naming its open questions.

    The same answer as :func:`argmap.questions.open_question_keys` (an attack answers a
    question of argument ``A`` when it names the question and targets ``A``, a premise of
    ``A`` or ``A``'s conclusion; an argument, when it names it and concludes in a premise),
    from the index: the scheme of each name is looked up once, and an argument's answerers
    are looked for only when some attack or argument of the map names a question.
    """
    if not ix.schemed:
        return
    catalogue = default_catalogue()
    by_attack, by_argument = ix.answerers
    asked = bool(by_attack or by_argument)
    # scheme name -> (its questions as (id, key), its label, the message tail when all
    # are open), or None for a name the catalogue does not know or a scheme with no questions
    schemes: dict[str, tuple[tuple[tuple[str, str], ...], str, str] | None] = {}
    nodes = ix.nodes
    for a in ix.schemed:
        name = cast(str, a.scheme)
        if name not in schemes:
            scheme = catalogue.resolve(name)
            schemes[name] = None if scheme is None or not scheme.questions else (
                tuple((q.id, q.key) for q in scheme.questions),
                scheme.label,
                _tail(scheme.label, [q.key for q in scheme.questions]),
            )
        known = schemes[name]
        if known is None:
            continue
        questions, label, tail = known
        if asked:
            near = [
                *(p for n in (a.id, a.conclusion, *a.premises) for p in by_attack.get(n, ())),
                *(p for n in a.premises for p in by_argument.get(n, ())),
            ]
            if near:
                named = {q for _, q in near}
                keys = [key for qid, key in questions if qid not in named and key not in named]
                if not keys:
                    continue
                if len(keys) < len(questions):
                    tail = _tail(label, keys)
        ids = (a.id, a.conclusion)
        yield ids, (a, nodes[a.conclusion]), _open_questions, (tail,), None


# ---------------------------------------------------------------- hygiene


def duplicate_statement(ix: MapIndex) -> Iterator[Hit]:
    """Statements with the same normalised text."""
    groups = ix.duplicate_groups
    if groups is None:  # the index was built without this rule
        groups = {}
        for n in ix.statements:
            key = normalise(n.text).encode()
            if key:
                groups.setdefault(key, []).append(n.id)
    for ids in sorted(sorted(g) for g in groups.values() if len(g) > 1):
        text = " ".join(ix.node(ids[0]).text.split())
        if len(text) > 60:
            text = text[:59] + "…"
        yield ix.hit(
            f"{len(ids)} statements say the same thing ({_ids(ids)}): {text!r}.",
            *ids,
        )


def _orphan(nodes: tuple[Node, ...]) -> str:
    return (f"{_named(nodes[0])} is tied to nothing: no argument, attack, stance or "
            "about-edge mentions it.")


def orphan_node(ix: MapIndex) -> Iterator[Hit]:
    """Statements and entities that nothing in the map mentions.

    Every tie a node can have (premise, conclusion, attacker, target, actor, about, a
    piece of evidence's source, an alternative's issue, a source's author or publisher)
    is an edge of the map's graph, so a node is tied when it has an edge; a source is
    also tied by the anchors that quote it.
    """
    g = ix.m.graph
    succ, pred = g._succ, g._pred
    loose = [
        i for k in ("claim", "evidence", "recommendation", "actor", "alternative", "issue",
                    "source")
        for i in ix.ids[k] if not succ[i] and not pred[i]
    ]
    if loose:
        quoted = {a.source for n in ix.anchored for a in n.anchors}
        loose = [i for i in loose if i not in quoted]
    nodes = ix.nodes
    for node_id in loose:
        yield (node_id,), (nodes[node_id],), _orphan, (), None


MAP_RULES: dict[str, Callable[[MapIndex], Iterator[Hit]]] = {
    "anchor-offsets": anchor_offsets,
    "premise-is-conclusion": premise_is_conclusion,
    "self-attack": self_attack,
    "circular-support": circular_support,
    "premise-attacks-own-argument": premise_attacks_own_argument,
    "actor-contradicts-self": actor_contradicts_self,
    "endorses-and-opposes": endorses_and_opposes,
    "unsupported-recommendation": unsupported_recommendation,
    "ungrounded-recommendation": ungrounded_recommendation,
    "evidence-without-source": evidence_without_source,
    "unanswered-attack": unanswered_attack,
    "unanchored-statement": unanchored_statement,
    "open-critical-question": open_critical_question,
    "duplicate-statement": duplicate_statement,
    "orphan-node": orphan_node,
}
