"""The lean support index every query runs on: integer arrays, built once per map version.

An :class:`~argmap.ArgumentMap` keeps a networkx multigraph of string ids, which is
flexible but slow to walk (a dict of dicts of dicts per step). The queries only need the
support structure (which arguments conclude in a statement, which premises an argument
has), the attacks and stances that land on it, and the node models. :func:`support_index`
builds that once, as plain Python lists indexed by small integers, and caches it keyed by
the map and :attr:`ArgumentMap.version`, so a notebook that traces every recommendation
pays for it once; any mutation of the map bumps the version and the next query rebuilds.

Statements are numbered in the sorted order of their ids and arguments likewise, so an
integer order *is* the id order and query results come out canonical (two equal maps
built in different orders give identical traces) without sorting strings per query.

The index is an immutable snapshot: it holds the node models (themselves frozen) as they
were at build time, so a :class:`~argmap.query.Trace` that reads it lazily stays true to
the map it was taken from even after that map changes.

Whole-map analyses that only some queries need (the arguments using each statement, the
grounded statements, the support cycles, the statements resting on evidence) are
computed on first use and kept with the index.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("ix")
>>> _ = m.argue([m.claim("P.", id="p")], m.recommendation("R.", id="r"), id="a")
>>> ix = support_index(m)
>>> ix.stmt_ids, ix.arg_ids
(['p', 'r'], ['a'])
>>> support_index(m) is ix
True
>>> _ = m.claim("Q.", id="q")
>>> support_index(m) is ix
False
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar

from argmap.ids import iri_for
from argmap.model import STATEMENT_KINDS, Argument, Attack, Stance
from argmap.util import no_gc

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.model import Node

__all__ = ["BEHIND_ROLES", "SupportIndex", "bulk", "ground", "support_index"]

#: Stance roles by which an actor stands behind a statement.
BEHIND_ROLES: Final = ("asserts", "endorses")

_EMPTY: tuple[int, ...] = ()
P = ParamSpec("P")
R = TypeVar("R")


def bulk(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` with the garbage collector paused (see :func:`argmap.util.no_gc`)."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with no_gc():
            return fn(*args, **kwargs)

    return run


def _node_id(node: Node) -> str:
    return node.id


class SupportIndex:
    """Integer-indexed support structure of one version of a map (see the module docstring).

    Attributes
    ----------
    version:
        The map version this index was built from.
    base:
        The prefix of minted node IRIs (``m.base``).
    stmt_ids, stmt_of:
        Statement number -> id, and back. Numbers follow the sorted ids.
    is_evidence:
        Per statement number: 1 for evidence, else 0.
    recommendations:
        The numbers of the recommendations, in order.
    args_for:
        Per statement number: the numbers of the arguments concluding in it (sorted).
    children:
        Per statement number: the distinct premises of those arguments (sorted).
    arg_ids, arg_of, arg_premises, arg_conclusion:
        Argument number -> id, back, its premise numbers, its conclusion number.
    attacks_on_stmt, attacks_on_arg:
        Statement / argument number -> the attacks landing on it (sorted by id).
    attacked:
        Ids of the statements, arguments and attacks that some attack targets (an attack
        is answered when it, or one of its attackers, is among them).
    attack_types:
        Attack id -> its effective type (declared, or derived from its target as
        :meth:`ArgumentMap.attack_type` does).
    behind:
        Statement number -> the stances by which actors assert or endorse it.
    nodes:
        A snapshot of every node model by id.
    explicit_iris:
        Id -> IRI of the nodes that carry an explicit IRI (the others' is ``base + id``).
    memo:
        What views over the index work out once and keep (name -> value), e.g. which
        attacks and arguments answer critical questions.
    """

    __slots__ = (
        "_cycles",
        "_evidence_below",
        "_grounded",
        "_uses",
        "arg_conclusion",
        "arg_ids",
        "arg_of",
        "arg_premises",
        "args_for",
        "attack_types",
        "attacked",
        "attacks_on_arg",
        "attacks_on_attack",
        "attacks_on_stmt",
        "base",
        "behind",
        "children",
        "explicit_iris",
        "is_evidence",
        "map_iri",
        "map_name",
        "memo",
        "nodes",
        "recommendations",
        "stmt_ids",
        "stmt_of",
        "version",
    )

    @bulk
    def __init__(self, m: ArgumentMap) -> None:
        self.version: int = m.version
        self.base: str = m.base
        self.map_iri: str = m.iri
        self.map_name: str = m.name
        # A shallow copy of the map's own id -> model dict: the snapshot, at C speed. (On a
        # map of a million nodes every pass that touches each model costs about a second
        # in memory traffic, so the models are read in one pass below.)
        nodes: dict[str, Node] = dict(m._nodes)
        self.nodes = nodes
        self.explicit_iris: dict[str, str] = {}
        explicit = self.explicit_iris
        statements: list[str] = []
        evidence: set[str] = set()
        recommendations: list[str] = []
        arguments: list[Argument] = []
        relations: list[Attack | Stance] = []
        for node_id, node in nodes.items():
            if node.iri:
                explicit[node_id] = node.iri
            kind = node.kind
            if kind in STATEMENT_KINDS:
                statements.append(node_id)
                if kind == "evidence":
                    evidence.add(node_id)
                elif kind == "recommendation":
                    recommendations.append(node_id)
            elif kind == "argument":
                arguments.append(node)  # type: ignore[arg-type]
            elif kind == "attack" or kind == "stance":
                relations.append(node)  # type: ignore[arg-type]
        statements.sort()
        stmt_ids = statements
        stmt_of = {s: k for k, s in enumerate(stmt_ids)}
        arguments.sort(key=_node_id)
        n_stmt = len(stmt_ids)
        self.stmt_ids: list[str] = stmt_ids
        self.stmt_of: dict[str, int] = stmt_of
        self.is_evidence = bytearray(s in evidence for s in stmt_ids)
        self.recommendations: list[int] = sorted(stmt_of[r] for r in recommendations)
        self.arg_ids: list[str] = [a.id for a in arguments]
        self.arg_of: dict[str, int] = {a: k for k, a in enumerate(self.arg_ids)}
        index_of = stmt_of.__getitem__
        self.arg_premises: list[tuple[int, ...]] = [
            tuple(map(index_of, a.premises)) for a in arguments
        ]
        self.arg_conclusion: list[int] = [stmt_of[a.conclusion] for a in arguments]
        args_for: dict[int, list[int]] = {}
        for k, c in enumerate(self.arg_conclusion):
            # arguments come in id order, so each list is sorted
            found = args_for.get(c)
            if found is None:
                args_for[c] = [k]
            else:
                found.append(k)
        self.args_for: list[tuple[int, ...]] = [
            tuple(args_for[s]) if s in args_for else _EMPTY for s in range(n_stmt)
        ]
        premises = self.arg_premises
        children: list[tuple[int, ...]] = []
        for afs in self.args_for:
            if not afs:
                children.append(_EMPTY)
            elif len(afs) == 1:
                children.append(premises[afs[0]])
            else:
                children.append(tuple(sorted({p for a in afs for p in premises[a]})))
        self.children = children

        is_premise = bytearray(n_stmt)
        for premise_tuple in premises:
            for p in premise_tuple:
                is_premise[p] = 1
        attack_types: dict[str, str] = {}
        attacks_on_stmt: dict[int, list[Attack]] = {}
        attacks_on_arg: dict[int, list[Attack]] = {}
        attacks_on_attack: dict[str, list[Attack]] = {}
        behind: dict[int, list[Stance]] = {}
        attacked: set[str] = set()
        relations.sort(key=_node_id)
        for node in relations:
            if isinstance(node, Attack):
                attacked.add(node.target)
                target = stmt_of.get(node.target)
                if target is not None:
                    attacks_on_stmt.setdefault(target, []).append(node)
                    undermines = is_premise[target] and not self.args_for[target]
                    derived = "undermine" if undermines else "rebut"
                elif node.target in self.arg_of:
                    attacks_on_arg.setdefault(self.arg_of[node.target], []).append(node)
                    derived = "undercut"
                else:  # an attack on an attack
                    attacks_on_attack.setdefault(node.target, []).append(node)
                    derived = "undercut"
                attack_types[node.id] = node.attack_type or derived
            elif isinstance(node, Stance) and node.role in BEHIND_ROLES and node.target in stmt_of:
                behind.setdefault(stmt_of[node.target], []).append(node)
        self.attacks_on_stmt: dict[int, tuple[Attack, ...]] = {
            k: tuple(v) for k, v in attacks_on_stmt.items()
        }
        self.attacks_on_arg: dict[int, tuple[Attack, ...]] = {
            k: tuple(v) for k, v in attacks_on_arg.items()
        }
        self.attacks_on_attack: dict[str, tuple[Attack, ...]] = {
            k: tuple(v) for k, v in attacks_on_attack.items()
        }
        self.behind: dict[int, tuple[Stance, ...]] = {k: tuple(v) for k, v in behind.items()}
        self.attacked: frozenset[str] = frozenset(attacked)
        self.attack_types: dict[str, str] = attack_types
        self._uses: list[tuple[int, ...]] | None = None
        self._grounded: bytearray | None = None
        self._cycles: dict[int, tuple[int, ...]] | None = None
        self._evidence_below: bytearray | None = None
        self.memo: dict[str, object] = {}

    def __repr__(self) -> str:
        return (
            f"<SupportIndex of {self.map_name!r} v{self.version}: "
            f"{len(self.stmt_ids)} statements, {len(self.arg_ids)} arguments>"
        )

    # ------------------------------------------------------------------ small helpers

    def iri(self, node_id: str) -> str:
        """The IRI of a node of the snapshot (its explicit IRI, or the minted one)."""
        explicit = self.explicit_iris.get(node_id)
        if explicit:
            return explicit
        # Ids are letters, digits and '._~-' (the model checks), all of which iri_for
        # leaves as they are: the concatenation is its answer, without its cost.
        return self.base + node_id if node_id.isascii() else iri_for(self.base, node_id)

    def attacks_on(self, node_id: str) -> tuple[Attack, ...]:
        """The attacks landing on a statement, an argument or an attack (by id), by id."""
        k = self.stmt_of.get(node_id)
        if k is not None:
            return self.attacks_on_stmt.get(k, ())
        a = self.arg_of.get(node_id)
        if a is not None:
            return self.attacks_on_arg.get(a, ())
        return self.attacks_on_attack.get(node_id, ())

    def answered_by(self, statement_id: str) -> tuple[str, ...]:
        """Ids of the attacks on ``statement_id`` (an attacker so attacked is answered)."""
        if statement_id not in self.attacked:
            return ()
        return tuple(t.id for t in self.attacks_on(statement_id))

    def answers(self, attack: Attack) -> tuple[str, ...]:
        """Ids of the attacks that answer ``attack``: on one of its attackers, or on it."""
        attacked = self.attacked
        found = [
            t.id
            for node_id in (*attack.attackers, attack.id)
            if node_id in attacked
            for t in self.attacks_on(node_id)
        ]
        return tuple(sorted(set(found)))

    def attack_answers(self, attack: Attack) -> tuple[str, ...]:
        """Ids of the attacks that answer ``attack`` (what a trace reports as ``answered_by``)."""
        if attack.co_attackers or attack.id in self.attacked:
            return self.answers(attack)
        return self.answered_by(attack.attacker)  # the common case: one attacker, not attacked

    # ------------------------------------------------------------------ whole-map analyses

    def uses(self) -> list[tuple[int, ...]]:
        """Per statement number: the arguments that use it as a premise (sorted)."""
        if self._uses is None:
            self._uses = self._build_uses()
        return self._uses

    @bulk
    def _build_uses(self) -> list[tuple[int, ...]]:
        uses: dict[int, list[int]] = {}
        for a, premises in enumerate(self.arg_premises):
            for p in premises:
                found = uses.get(p)
                if found is None:
                    uses[p] = [a]
                else:
                    found.append(a)
        return [tuple(uses[s]) if s in uses else _EMPTY for s in range(len(self.stmt_ids))]

    def grounded(self) -> bytearray:
        """Per statement number: 1 if it is grounded in the whole map (nothing removed).

        See :mod:`argmap.query.support` for the definition (a least fixpoint).
        """
        if self._grounded is None:
            self._grounded = ground(self, (), ())
        return self._grounded

    def cycles(self) -> dict[int, tuple[int, ...]]:
        """Statement number -> its support cycle (a strongly connected component, sorted).

        Only statements on a cycle of support are keys; most maps have none.
        """
        if self._cycles is None:
            self._cycles = bulk(_support_cycles)(
                self.children, self.uses(), self.arg_conclusion
            )
        return self._cycles

    def evidence_below(self) -> bytearray:
        """Per statement number: 1 if some premise of it, at any depth, is evidence."""
        if self._evidence_below is None:
            uses = self.uses()
            conclusion = self.arg_conclusion
            below = bytearray(len(self.stmt_ids))
            stack = [s for s, ev in enumerate(self.is_evidence) if ev]
            seen_args = bytearray(len(self.arg_ids))
            while stack:
                s = stack.pop()
                for a in uses[s]:
                    if not seen_args[a]:
                        seen_args[a] = 1
                        c = conclusion[a]
                        if not below[c]:
                            below[c] = 1
                            stack.append(c)
            self._evidence_below = below
        return self._evidence_below


@bulk
def ground(
    ix: SupportIndex, removed_stmts: Iterable[int], removed_args: Iterable[int]
) -> bytearray:
    """The grounded statements of the whole map with some statements/arguments removed.

    The least fixpoint of: a statement is grounded if it is not removed and either has no
    argument for it (a basic premise, taken as given) or some argument for it, not
    removed, has every premise grounded.
    """
    n = len(ix.stmt_ids)
    gone = bytearray(n)
    for s in removed_stmts:
        gone[s] = 1
    arg_gone = bytearray(len(ix.arg_ids))
    for a in removed_args:
        arg_gone[a] = 1
    uses = ix.uses()
    conclusion = ix.arg_conclusion
    missing = [len(p) for p in ix.arg_premises]
    grounded = bytearray(n)
    stack = [s for s in range(n) if not ix.args_for[s] and not gone[s]]
    for s in stack:
        grounded[s] = 1
    while stack:
        s = stack.pop()
        for a in uses[s]:
            missing[a] -= 1
            if missing[a] == 0 and not arg_gone[a]:
                c = conclusion[a]
                if not grounded[c] and not gone[c]:
                    grounded[c] = 1
                    stack.append(c)
    return grounded


def _support_cycles(
    children: list[tuple[int, ...]], uses: list[tuple[int, ...]], conclusion: list[int]
) -> dict[int, tuple[int, ...]]:
    """Strongly connected components (size > 1) of the statement support graph.

    First peel off, Kahn-style, every statement that rests only on peeled statements (on
    a map without cycles that is all of them, in linear time); then run Tarjan's
    algorithm (iteratively) on what is left.
    """
    n = len(children)
    out = [len(c) for c in children]
    stack = [s for s in range(n) if out[s] == 0]
    peeled = bytearray(n)
    while stack:
        s = stack.pop()
        peeled[s] = 1
        # each parent counts s once, however many of its arguments use s
        for c in {conclusion[a] for a in uses[s]}:
            out[c] -= 1
            if out[c] == 0:
                stack.append(c)
    rest = [s for s in range(n) if not peeled[s]]
    if not rest:
        return {}
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    scc_stack: list[int] = []
    found: dict[int, tuple[int, ...]] = {}
    counter = 0
    for start in rest:
        if start in index:
            continue
        work: list[tuple[int, int]] = [(start, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                scc_stack.append(v)
                on_stack.add(v)
            succ = children[v]
            recurse = False
            while i < len(succ):
                w = succ[i]
                i += 1
                if peeled[w]:
                    continue
                if w not in index:
                    work.append((v, i))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                component = []
                while True:
                    w = scc_stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    members = tuple(sorted(component))
                    for w in members:
                        found[w] = members
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return found


# One index per live map, dropped when the map is garbage-collected. Keyed by id(m) with
# a weak reference to check identity (maps are unhashable: they compare by content).
_CACHE: dict[int, tuple[weakref.ref[ArgumentMap], SupportIndex]] = {}


def support_index(m: ArgumentMap) -> SupportIndex:
    """The support index of ``m`` at its current version (built on first use, then cached)."""
    key = id(m)
    hit = _CACHE.get(key)
    if hit is not None:
        ref, ix = hit
        if ref() is m and ix.version == m.version:
            return ix
    ix = SupportIndex(m)

    def _drop(_: object, key: int = key) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0]() is None:
            del _CACHE[key]

    _CACHE[key] = (weakref.ref(m, _drop), ix)
    return ix
