"""The validator's per-finding path as it was before findings were made lazily (main at
211f1cf), kept only in the tests as the oracle for ``tests/test_validate_fast.py``.

It walks the node models once into a ``MapIndex``, runs every map rule making a full
:class:`~argmap.validate.Finding` (message, node references, quote) for each problem, and
sorts the findings by severity, rule, node ids and message. The new path must give the
same findings, in the same order, with the same messages, table and JSON.

Frozen copy: do not "fix" it to follow the library; when a rule's behaviour changes on
purpose, change it here in the same commit and say why.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import sys
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, cached_property
from typing import cast

from argmap import ArgumentMap
from argmap.model import MODEL_BY_KIND, STATEMENT_KINDS, Anchor, Argument, Attack, Evidence, Node, Stance
from argmap.questions import open_question_keys
from argmap.validate import RULES, Finding, NodeRef
from argmap.validate._finding import SEVERITY_RANK, quote_of

_KIND_OF_TYPE: dict[type, str] = {cls: kind for kind, cls in MODEL_BY_KIND.items()}

POSITIVE_ROLES = frozenset({"asserts", "endorses"})

_KIND_OF_TYPE: dict[type, str] = {cls: kind for kind, cls in MODEL_BY_KIND.items()}


class MapIndex:
    """A map and what the rules need from it, gathered in one pass over the nodes.

    At a million nodes every walk over the node models costs about a second (each model
    sits somewhere else in memory), so one walk collects, while each model is at hand:
    the nodes and ids of each kind, the anchored nodes and the anchors whose offsets do
    not fit, the unanchored statements, the support structure of the arguments, and the
    duplicate-detection keys of the statements (only for the rules asked for).
    """

    def __init__(self, m: ArgumentMap, rules: Iterable[str] | None = None) -> None:
        wanted = None if rules is None else set(rules)
        self.m = m
        self.base = m.base
        of_kind: dict[str, list[Node]] = {k: [] for k in MODEL_BY_KIND}
        ids: dict[str, list[str]] = {k: [] for k in MODEL_BY_KIND}
        anchored: list[Node] = []
        unanchored: list[Node] = []
        bad_anchors: list[tuple[Node, Anchor]] = []
        support_for: dict[str, list[Argument]] = {}
        premise_of: dict[str, list[Argument]] = {}
        edges: dict[str, list[str]] = {}
        children: dict[str, list[str]] = {}
        circular_args: list[Argument] = []
        groups: dict[bytes, list[str]] | None = (
            {} if wanted is None or "duplicate-statement" in wanted else None
        )
        check_anchors = wanted is None or "anchor-offsets" in wanted
        mapping, delete = _ascii_tables()
        kind_of = _KIND_OF_TYPE
        statement_kinds = STATEMENT_KINDS
        for n in m.nodes():
            kind = kind_of.get(type(n)) or n.kind
            of_kind[kind].append(n)
            node_id = n.id
            ids[kind].append(node_id)
            anchors = n.anchors
            if anchors:
                anchored.append(n)
                if check_anchors:
                    for an in anchors:
                        start, end = an.start, an.end
                        if start is None:
                            if end is not None:
                                bad_anchors.append((n, an))
                        elif end is None or end - start != len(an.exact):
                            bad_anchors.append((n, an))
            elif kind in statement_kinds:
                unanchored.append(n)
            if kind == "argument":
                arg = cast(Argument, n)
                c = arg.conclusion
                premises = arg.premises
                found = support_for.get(c)
                if found is None:
                    support_for[c] = [arg]
                    children[c] = list(premises)
                else:
                    found.append(arg)
                    children[c].extend(premises)
                for p in premises:
                    used = premise_of.get(p)
                    if used is None:
                        premise_of[p] = [arg]
                        edges[p] = [c]
                    else:
                        used.append(arg)
                        edges[p].append(c)
                if c in premises:
                    circular_args.append(arg)
            elif groups is not None and kind in statement_kinds:
                text = n.text
                if text.isascii():
                    key = text.encode().translate(mapping, delete).lower()
                    key = b" ".join(key.split()) if b"  " in key else key.strip()
                else:
                    key = normalise(text).encode()
                if key:
                    group = groups.get(key)
                    if group is None:
                        groups[key] = [node_id]
                    else:
                        group.append(node_id)
        self.of_kind = of_kind
        self.ids = ids
        self.anchored = anchored
        self.unanchored = unanchored
        self.bad_anchors = bad_anchors
        self.support_for = support_for
        """conclusion id -> the arguments for it."""
        self.premise_of = premise_of
        """statement id -> the arguments that use it as a premise."""
        self.support_edges = edges
        """premise id -> the conclusions it (helps to) support."""
        self.children = children
        """conclusion id -> the premises of the arguments for it."""
        self.circular_args = circular_args
        self.duplicate_groups = groups

    # ------------------------------------------------------------ helpers

    def node(self, node_id: str) -> Node:
        return self.m[node_id]

    def ref(self, node_id: str) -> NodeRef:
        node = self.m[node_id]
        # ids are letters, digits and "._~-", which iri_for leaves as they are
        return NodeRef(node.id, node.kind, node.iri or self.base + node.id, node.text)

    def finding(
        self, rule: str, message: str, *node_ids: str, anchor: Anchor | None = None
    ) -> Finding:
        refs = []
        for node_id in node_ids:
            node = self.m[node_id]
            if anchor is None and node.anchors:
                anchor = node.anchors[0]
            refs.append(NodeRef(node.id, node.kind, node.iri or self.base + node.id, node.text))
        return Finding(rule, RULES[rule].severity, message, tuple(refs), *quote_of(anchor))

    def by_kind(self, *kinds: str) -> list[Node]:
        if len(kinds) == 1:
            return self.of_kind[kinds[0]]
        return [n for k in kinds for n in self.of_kind[k]]

    @cached_property
    def statements(self) -> list[Node]:
        return self.by_kind("claim", "evidence", "recommendation")

    def name(self, node_id: str) -> str:
        """How a message names a node: ``claim 'flawed'``."""
        return f"{self.m[node_id].kind} {node_id!r}"

    # ------------------------------------------------------------ structure

    @property
    def arguments(self) -> list[Argument]:
        return cast(list[Argument], self.of_kind["argument"])

    @property
    def attacks(self) -> list[Attack]:
        return cast(list[Attack], self.of_kind["attack"])

    @property
    def stances(self) -> list[Stance]:
        return cast(list[Stance], self.of_kind["stance"])

    @cached_property
    def attacks_on(self) -> dict[str, list[Attack]]:
        """target id -> the attacks on it."""
        out: dict[str, list[Attack]] = {}
        for t in self.attacks:
            found = out.get(t.target)
            if found is None:
                out[t.target] = [t]
            else:
                found.append(t)
        return out

    @cached_property
    def argument_ids(self) -> set[str]:
        return set(self.ids["argument"])

    @cached_property
    def asserted_by(self) -> dict[str, set[str]]:
        """target id -> actors that assert or endorse it."""
        out: dict[str, set[str]] = {}
        for s in self.stances:
            if s.role in POSITIVE_ROLES:
                out.setdefault(s.target, set()).add(s.actor)
        return out


# ---------------------------------------------------------------- normalised text


@cache
def _normal_table() -> dict[int, str | None]:
    """A str.translate table: punctuation (Unicode categories P*) goes, whitespace -> " "."""
    table: dict[int, str | None] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.isspace():
            table[cp] = " "
        elif unicodedata.category(ch).startswith("P"):
            table[cp] = None
    return table


@cache
def _ascii_tables() -> tuple[bytes, bytes]:
    """The ASCII part of :func:`_normal_table` as a bytes.translate table and deletions."""
    table = _normal_table()
    mapping = bytearray(range(256))
    for cp in range(128):
        if table.get(cp) == " ":
            mapping[cp] = 32
    delete = bytes(cp for cp in range(128) if cp in table and table[cp] is None)
    return bytes(mapping), delete


def normalise(text: str) -> str:
    """Text with case, spacing and punctuation ignored (what duplicate detection compares).

    >>> normalise("  The U.S. should -- abstain!")
    'the us should abstain'
    """
    key = text.translate(_normal_table()).casefold()
    return " ".join(key.split()) if "  " in key else key.strip()

_SHOWN = 5  # nodes named in a message before "..."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")


# ---------------------------------------------------------------- structural (in memory)


def anchor_offsets(ix: MapIndex) -> Iterator[Finding]:
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
        yield ix.finding("anchor-offsets", message, node.id, anchor=a)


# ---------------------------------------------------------------- logical


def premise_is_conclusion(ix: MapIndex) -> Iterator[Finding]:
    """Arguments that use their conclusion as a premise (refused by the model; kept for
    maps built around it)."""
    for a in ix.circular_args:
        if a.conclusion in a.premises:
            yield ix.finding(
                "premise-is-conclusion",
                f"Argument {a.id!r} uses its own conclusion {a.conclusion!r} as a premise, so "
                "it assumes what it sets out to show.",
                a.id, a.conclusion,
            )


def self_attack(ix: MapIndex) -> Iterator[Finding]:
    """Attacks whose attacker is their own target."""
    for t in ix.attacks:
        if t.attacker == t.target:
            yield ix.finding(
                "self-attack", f"{_cap(ix.name(t.attacker))} attacks itself (attack {t.id!r}).",
                t.attacker, t.id,
            )


def _has_cycle(edges: dict[str, list[str]]) -> bool:
    """Whether the graph has a cycle (iterative depth-first search, three colours)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
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
                    state[w] = 1
                    stack.append((w, iter(edges.get(w, ()))))
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


def circular_support(ix: MapIndex) -> Iterator[Finding]:
    """Statements that support themselves through a chain of arguments."""
    edges = ix.support_edges
    if not _has_cycle(edges):
        return
    for comp in _cycles(edges):
        cycle = _cycle_through(comp[0], edges, set(comp))
        rest = [c for c in comp if c not in cycle]
        path = " → ".join(cycle if len(cycle) <= 8 else [*cycle[:7], "…", cycle[-1]])
        others = f" ({len(rest)} more statements are caught in the same circle)" if rest else ""
        yield ix.finding(
            "circular-support",
            f"Statement {comp[0]!r} supports itself through a chain of arguments: "
            f"{path}{others}.",
            *cycle[:-1], *rest,
        )


def premise_attacks_own_argument(ix: MapIndex) -> Iterator[Finding]:
    """A premise of an argument that attacks the argument, its conclusion or a co-premise
    (alone, or as one of several linked attackers)."""
    for t in ix.attacks:
        for x in t.attackers:
            yield from _premise_attacks(ix, t, x)


def _premise_attacks(ix: MapIndex, t: Attack, attacker: str) -> Iterator[Finding]:
    if t.target in ix.argument_ids:
        target = cast(Argument, ix.node(t.target))
        if attacker in target.premises:
            yield ix.finding(
                "premise-attacks-own-argument",
                f"{_cap(ix.name(attacker))} is a premise of argument {target.id!r} and also "
                f"attacks that argument (attack {t.id!r}).",
                attacker, target.id,
            )
        return
    for a in ix.premise_of.get(attacker, ()):
        if t.target == a.conclusion:
            what = f"its conclusion {t.target!r}"
        elif t.target in a.premises:
            what = f"its other premise {t.target!r}"
        else:
            continue
        yield ix.finding(
            "premise-attacks-own-argument",
            f"{_cap(ix.name(attacker))} is a premise of argument {a.id!r} and also attacks "
            f"{what} (attack {t.id!r}).",
            attacker, a.id, t.target,
        )


def actor_contradicts_self(ix: MapIndex) -> Iterator[Finding]:
    """Two statements that attack each other, both asserted by one actor."""
    args = ix.argument_ids
    pairs = {(t.attacker, t.target) for t in ix.attacks if t.target not in args}
    asserted = ix.asserted_by
    for x, y in sorted(pairs):
        if x < y and (y, x) in pairs:
            for actor in sorted(asserted.get(x, set()) & asserted.get(y, set())):
                yield ix.finding(
                    "actor-contradicts-self",
                    f"{_cap(ix.name(actor))} asserts both {x!r} and {y!r}, which attack each other, "
                    "so the actor contradicts itself.",
                    actor, x, y,
                )


def endorses_and_opposes(ix: MapIndex) -> Iterator[Finding]:
    """An actor that both asserts or endorses something and opposes it."""
    roles: dict[tuple[str, str], set[str]] = {}
    for s in ix.stances:
        roles.setdefault((s.actor, s.target), set()).add(s.role)
    flagged = [(k, held) for k, held in roles.items() if "opposes" in held and held & POSITIVE_ROLES]
    for (actor, target), held in sorted(flagged, key=lambda kv: kv[0]):
        verb = "endorses" if "endorses" in held else "asserts"
        yield ix.finding(
            "endorses-and-opposes",
            f"{_cap(ix.name(actor))} both {verb} and opposes {ix.name(target)}.",
            actor, target,
        )


# ---------------------------------------------------------------- grounding


def unsupported_recommendation(ix: MapIndex) -> Iterator[Finding]:
    """Recommendations no argument supports."""
    support = ix.support_for
    for r in ix.by_kind("recommendation"):
        if r.id not in support:
            yield ix.finding(
                "unsupported-recommendation",
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


def ungrounded_recommendation(ix: MapIndex) -> Iterator[Finding]:
    """Supported recommendations with no evidence anywhere behind them."""
    support = ix.support_for
    evidence = set(ix.ids["evidence"])
    for r in sorted(ix.ids["recommendation"]):
        if r in support and not _has_evidence_behind(ix, r, evidence):
            leaves = _bare_leaves(ix, r)
            ends = f" ({_ids(leaves)})" if leaves else ""
            yield ix.finding(
                "ungrounded-recommendation",
                f"Every chain of reasons behind recommendation {r!r} ends in claims with no "
                f"evidence{ends}.",
                r, *leaves[:_SHOWN],
            )


def evidence_without_source(ix: MapIndex) -> Iterator[Finding]:
    """Evidence that names no source and quotes none."""
    for e in ix.of_kind["evidence"]:
        if cast(Evidence, e).source is None and not e.anchors:
            yield ix.finding(
                "evidence-without-source",
                f"Evidence {e.id!r} names no source and quotes none, so a reader cannot check "
                "it.",
                e.id,
            )


class _Behind:
    """Which recommendation (if any) a statement stands behind as a premise, found by
    searching up the support from that statement only, and remembered."""

    def __init__(self, ix: MapIndex) -> None:
        self.edges = ix.support_edges
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
            for c in edges.get(s, ()):
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


def unanswered_attack(ix: MapIndex) -> Iterator[Finding]:
    """Attacks on a premise behind a recommendation that nothing attacks in turn.

    An attack is answered when one of its attackers is attacked, or the attack itself is
    (an undercut of the objection).
    """
    attacks_on = ix.attacks_on
    behind = _Behind(ix)
    args = ix.argument_ids
    for t in ix.attacks:
        if t.target in args or t.id in attacks_on or any(a in attacks_on for a in t.attackers):
            continue
        rec_id = behind(t.target)
        if rec_id is None:
            continue
        yield ix.finding(
            "unanswered-attack",
            f"{_cap(ix.name(t.attacker))} attacks {t.target!r}, a premise behind "
            f"recommendation {rec_id!r}, and nothing in the map answers it.",
            t.attacker, t.target, rec_id,
        )


def unanchored_statement(ix: MapIndex) -> Iterator[Finding]:
    """Statements with no quote in a source."""
    for n in sorted(ix.unanchored, key=lambda n: n.id):
        yield ix.finding(
            "unanchored-statement",
            f"{_cap(ix.name(n.id))} is not anchored to any quote in a source.",
            n.id,
        )


def open_critical_question(ix: MapIndex) -> Iterator[Finding]:
    """Arguments whose scheme asks critical questions that nothing in the map answers:
    one finding per argument, naming its open questions."""
    for argument, conclusion, label, keys in open_question_keys(ix.m):
        noun = "question" if len(keys) == 1 else "questions"
        yield ix.finding(
            "open-critical-question",
            f"{_cap(ix.name(argument))} ({label}) leaves {len(keys)} "
            f"critical {noun} open: {', '.join(keys)}.",
            argument, conclusion,
        )


# ---------------------------------------------------------------- hygiene


def duplicate_statement(ix: MapIndex) -> Iterator[Finding]:
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
        yield ix.finding(
            "duplicate-statement",
            f"{len(ids)} statements say the same thing ({_ids(ids)}): {text!r}.",
            *ids,
        )


def orphan_node(ix: MapIndex) -> Iterator[Finding]:
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
    for node_id in sorted(loose):
        yield ix.finding(
            "orphan-node",
            f"{_cap(ix.name(node_id))} is tied to nothing: no argument, attack, stance or "
            "about-edge mentions it.",
            node_id,
        )


MAP_RULES: dict[str, Callable[[MapIndex], Iterator[Finding]]] = {
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


def sort_key(f: Finding) -> tuple[int, str, tuple[str, ...], str]:
    return (SEVERITY_RANK.get(f.severity, 3), f.rule, f.node_ids, f.message)


def oracle_findings(
    m: ArgumentMap,
    *,
    only: Iterable[str] | None = None,
    severities: Mapping[str, str] | None = None,
    extra: Iterable[Callable[[ArgumentMap], Iterable[Finding]]] = (),
) -> list[Finding]:
    """The findings the old path gave for a map: every map rule (or ``only`` these), the
    rule ids of ``severities`` set to those severities, ``extra`` rules run after."""
    chosen = set(RULES) if only is None else set(only)
    map_rules = [r for r in RULES.values() if r.on_map and r.id in chosen]
    ix = MapIndex(m, [r.id for r in map_rules])
    found: list[Finding] = []
    for rule in map_rules:
        found.extend(MAP_RULES[rule.id](ix))
    for fn in extra:
        found.extend(fn(m))
    sev = dict(severities or {})
    found = [f.with_severity(sev[f.rule]) if f.rule in sev else f for f in found]
    return sorted(found, key=sort_key)
