"""Trace a statement (typically a recommendation) to everything its support rests on.

Support is an AND/OR structure: a statement is supported by *any* of its arguments (OR:
convergent support), and an argument holds only if *all* its premises hold (AND: linked
support). :func:`trace` walks it down from the statement (the *root*) and returns a
:class:`Trace`:

* ``premises`` — every statement reached through arguments, transitively (the root
  itself is not its own premise, even when a cycle of support leads back to it), nearest
  first: by level (the number of argument steps on the shortest route from the root),
  then by id;
* ``basic_premises`` — the premises with no argument of their own (the leaves), and
  ``evidence`` — the premises, at any depth, that are evidence;
* ``arguments`` and ``schemes`` — every argument concluding in the root or a premise
  (whether or not it is complete), and the schemes they name;
* ``paths`` — each simple path from a basic premise up to the root;
* ``depth`` — the greatest level of any premise (0 when the root has no argument);
* ``cycles`` — the cycles of support among the root and its premises, each as the
  sorted ids of one strongly connected component; walking stops at them, and a cycle
  never supports itself (see :mod:`argmap.query.support`);
* ``stances`` and ``actors`` — who asserts or endorses the root or a premise;
* ``anchors`` — the quotes (source, exact text, offsets) of the root, the premises and
  the arguments;
* ``attacks`` — every attack landing on the root, a premise or an argument of the trace,
  with its effective type and whether the map *answers* it (one of its attackers is
  itself attacked, or the attack is: an undercut of the objection), and by what;
* ``critical_premises`` — the premises whose loss alone leaves the root with no complete
  support (see :func:`argmap.query.support.critical_premises`);
* ``questions`` — the critical questions of the trace's arguments whose scheme the
  catalogue knows (:func:`argmap.critical_questions`), each open or answered, and by
  what; ``open_questions`` the open ones.

A trace is a snapshot: it keeps reading the map as it was when traced. The support
walk happens at once; the other views are worked out on first access and kept.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("t")
>>> r = m.recommendation("Abstain from the vote.", id="abstain")
>>> flawed = m.claim("The text is flawed.", id="flawed")
>>> _ = m.argue([flawed], r, id="a1", scheme="practical reasoning")
>>> _ = m.argue([m.evidence("Article 35 is vague.", id="art35"),
...              m.claim("Vague articles invite abuse.", id="vague")], flawed, id="a2")
>>> t = trace(m, "abstain")
>>> t
<Trace of 'abstain': 3 premises (2 basic, 1 evidence), 2 arguments, depth 2, 0 attacks, 0 cycles, 5 open questions>
>>> t.premises
('flawed', 'art35', 'vague')
>>> t.basic_premises, t.evidence
(('art35', 'vague'), ('art35',))
>>> t.critical_premises
('flawed', 'art35', 'vague')
>>> [" <- ".join(p) for p in t.paths]
['art35 <- a2 <- flawed <- a1 <- abstain', 'vague <- a2 <- flawed <- a1 <- abstain']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from argmap.errors import NodeNotFound, QueryError
from argmap.model import Anchor, Argument, Attack, Node
from argmap.query._index import SupportIndex, support_index
from argmap.query._local import Local, iter_paths
from argmap.questions import Answerers, QuestionTable, answerers_in, question_rows
from argmap.util import no_gc
from argmap.vocab import KIND_WORDS

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref
    from argmap.query.sparql import TraceSets

__all__ = [
    "SupportIndex",
    "Trace",
    "TraceAnchor",
    "TraceAttack",
    "TraceStance",
    "actors_behind",
    "basic_premises",
    "evidence_for",
    "premises",
    "support_index",
    "trace",
    "trace_all",
    "trace_at",
]



class TraceAttack(NamedTuple):
    """An attack landing on a node of a trace.

    ``type`` is the effective type (declared, or derived from the target); ``answered``
    says whether the map answers the attack, that is, whether one of its attackers is
    itself attacked or the attack itself is (an attack on the attack), and
    ``answered_by`` names the attacks that do so. ``co_attackers`` are the statements
    that attack jointly with ``attacker`` (linked attackers). (The rows of a trace are
    named tuples: immutable, and cheap to make by the thousand.)
    """

    id: str
    attacker: str
    target: str
    type: str
    answered: bool
    answered_by: tuple[str, ...] = ()
    co_attackers: tuple[str, ...] = ()


class TraceStance(NamedTuple):
    """An actor asserting or endorsing ``node`` (the root or a premise), by ``stance``."""

    actor: str
    role: str
    node: str
    stance: str


class TraceAnchor(NamedTuple):
    """A quote anchoring ``node`` (the root, a premise or an argument) in a source."""

    node: str
    anchor: Anchor

    @property
    def source(self) -> str:
        """The id of the quoted source."""
        return self.anchor.source

    @property
    def quote(self) -> str:
        """The exact quoted text."""
        return self.anchor.exact


@dataclass(frozen=True, eq=False, repr=False)
class Trace:
    """The justification of one statement (see the module docstring for each view).

    Made by :func:`trace`; do not build one by hand. Two traces are equal when they trace
    the same statement of the same map to the same premises, arguments, attacks,
    stances and anchors.
    """

    root: str
    """The id of the traced statement."""
    map_iri: str
    """The IRI of the map traced."""
    _ix: SupportIndex = field(repr=False)
    _root: int = field(repr=False)
    _levels: tuple[tuple[int, ...], ...] = field(repr=False)

    # ------------------------------------------------------------------ the support walk

    @cached_property
    def _stmts(self) -> list[int]:
        """Global statement numbers of the root and its premises, in trace order."""
        out = [self._root]
        for level in self._levels:
            out.extend(level)
        return out

    @cached_property
    def premises(self) -> tuple[str, ...]:
        """Every premise reached, transitively, nearest first (by level, then id)."""
        ids = self._ix.stmt_ids
        return tuple(ids[s] for level in self._levels for s in level)

    @cached_property
    def levels(self) -> dict[str, int]:
        """Statement id -> argument steps on the shortest route from the root (root: 0)."""
        ids = self._ix.stmt_ids
        out = {self.root: 0}
        for depth, level in enumerate(self._levels, start=1):
            for s in level:
                out.setdefault(ids[s], depth)
        return out

    @property
    def depth(self) -> int:
        """The greatest level of any premise (0 when the root has no argument)."""
        return len(self._levels)

    @cached_property
    def basic_premises(self) -> tuple[str, ...]:
        """The premises with no argument for them (the leaves of the trace)."""
        ix = self._ix
        args_for, ids = ix.args_for, ix.stmt_ids
        return tuple(ids[s] for s in self._stmts[1:] if not args_for[s])

    @cached_property
    def evidence(self) -> tuple[str, ...]:
        """The premises, at any depth, that are evidence."""
        ix = self._ix
        is_ev, ids = ix.is_evidence, ix.stmt_ids
        return tuple(ids[s] for s in self._stmts[1:] if is_ev[s])

    @cached_property
    def _args(self) -> list[int]:
        return list(chain.from_iterable(map(self._ix.args_for.__getitem__, self._stmts)))

    @cached_property
    def arguments(self) -> tuple[str, ...]:
        """Every argument for the root or a premise: by the level of its conclusion, then id."""
        ids = self._ix.arg_ids
        return tuple(ids[a] for a in self._args)

    @cached_property
    def schemes(self) -> tuple[str, ...]:
        """The distinct schemes the trace's arguments name, sorted."""
        nodes = self._ix.nodes
        found = {getattr(nodes[a], "scheme", None) for a in self.arguments}
        return tuple(sorted(s for s in found if s))

    @cached_property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """The cycles of support in the trace: sorted ids of each strongly connected part."""
        ix = self._ix
        cyc = ix.cycles()
        if not cyc:
            return ()
        parts = {cyc[s] for s in self._stmts if s in cyc}
        ids = ix.stmt_ids
        return tuple(sorted(tuple(ids[s] for s in part) for part in parts))

    @property
    def paths(self) -> tuple[tuple[str, ...], ...]:
        """Each simple path from a basic premise up to the root, as alternating ids.

        ``(basic premise, argument, statement, argument, ..., root)``. A DAG can hold
        exponentially many paths; :meth:`iter_paths` yields them one at a time.
        """
        return tuple(self.iter_paths())

    def iter_paths(self) -> Iterator[tuple[str, ...]]:
        """Yield the paths of :attr:`paths` one at a time (depth first)."""
        ix = self._ix
        sids, aids = ix.stmt_ids, ix.arg_ids
        for path in iter_paths(ix, self._root):
            yield tuple(sids[k] if k >= 0 else aids[~k] for k in path)

    # ------------------------------------------------------------------ around the walk

    @cached_property
    def _node_ids(self) -> list[str]:
        """Ids of the root, the premises and the arguments, in trace order."""
        return [self.root, *self.premises, *self.arguments]

    @cached_property
    def attacks(self) -> tuple[TraceAttack, ...]:
        """Every attack on the root, a premise or an argument of the trace, sorted by id."""
        ix = self._ix
        found: list[Attack] = []
        on_stmt, on_arg = ix.attacks_on_stmt, ix.attacks_on_arg
        if on_stmt:
            for s in on_stmt.keys() & set(self._stmts):
                found.extend(on_stmt[s])
        if on_arg:
            for a in on_arg.keys() & set(self._args):
                found.extend(on_arg[a])
        types = ix.attack_types
        rows = []
        for t in sorted(found, key=lambda t: t.id):
            answers = ix.attack_answers(t)
            rows.append(
                TraceAttack(
                    id=t.id,
                    attacker=t.attacker,
                    target=t.target,
                    type=types[t.id],
                    answered=bool(answers),
                    answered_by=answers,
                    co_attackers=t.co_attackers,
                )
            )
        return tuple(rows)

    @cached_property
    def stances(self) -> tuple[TraceStance, ...]:
        """Who asserts or endorses the root or a premise: in trace order, then by stance id."""
        ix = self._ix
        behind = ix.behind
        if not behind:
            return ()
        ids = ix.stmt_ids
        return tuple(
            TraceStance(actor=st.actor, role=st.role, node=ids[s], stance=st.id)
            for s in self._stmts
            if s in behind
            for st in behind[s]
        )

    @cached_property
    def actors(self) -> tuple[str, ...]:
        """Ids of the actors who assert or endorse the root or a premise, sorted."""
        return tuple(sorted({s.actor for s in self.stances}))

    @cached_property
    def anchors(self) -> tuple[TraceAnchor, ...]:
        """The anchors of the root, the premises and the arguments, in trace order."""
        nodes = self._ix.nodes
        return tuple(
            TraceAnchor(n, a) for n in self._node_ids for a in nodes[n].anchors
        )

    @cached_property
    def _local(self) -> Local:
        return Local(self._ix, self._stmts)

    @cached_property
    def supported(self) -> bool:
        """Whether the root has complete support (see :mod:`argmap.query.support`)."""
        return self._local.supported()

    @cached_property
    def complete_arguments(self) -> tuple[str, ...]:
        """The arguments of the trace whose premises are all grounded, in trace order."""
        _, missing = self._local.ground()
        ids = self._ix.arg_ids
        return tuple(ids[a] for a, gap in zip(self._local.args, missing, strict=True) if not gap)

    @cached_property
    def questions(self) -> QuestionTable:
        """The critical questions of the trace's arguments, open or answered, arguments in
        trace order (see :func:`argmap.critical_questions`; the built-in catalogue).

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("q"); r = m.recommendation("Act.", id="r")
        >>> _ = m.argue([m.claim("A sign.", id="s")], r, id="a", scheme="sign")
        >>> _ = m.attack(m.claim("Other causes.", id="o"), "a", id="t", question="other-causes")
        >>> [(q.key, q.status, q.answered_by) for q in trace(m, "r").questions]
        [('observed', 'open', ()), ('other-causes', 'answered', ('t',)), ('strength', 'open', ())]
        """
        nodes = self._ix.nodes
        args = [nodes[a] for a in self.arguments]
        if not any(getattr(a, "scheme", None) for a in args):
            return QuestionTable()
        memo = self._ix.memo  # one scan of the map per index, not per trace
        if "answerers" not in memo:
            memo["answerers"] = answerers_in(nodes.values())
        answerers = cast("Answerers", memo["answerers"])
        return question_rows([a for a in args if isinstance(a, Argument)], nodes, answerers)

    @property
    def open_questions(self) -> QuestionTable:
        """The open ones among :attr:`questions`."""
        return self.questions.open()

    @cached_property
    def critical_premises(self) -> tuple[str, ...]:
        """The premises whose loss alone leaves the root with no complete support."""
        local = self._local
        ids = self._ix.stmt_ids
        return tuple(ids[local.stmts[i]] for i in local.critical())

    def minimal_cut_sets(self, max_size: int = 2) -> list[tuple[str, ...]]:
        """The minimal sets of premises, of at most ``max_size``, whose joint loss leaves
        the root with no complete support (see :func:`argmap.query.minimal_cut_sets`).

        Smallest first; the members of each set, and sets of one size, in trace order.
        """
        local = self._local
        ids = self._ix.stmt_ids
        return [
            tuple(ids[local.stmts[i]] for i in sorted(cut))
            for cut in local.minimal_cuts(max_size)
        ]

    # ------------------------------------------------------------------ lookups

    def node(self, node_id: str) -> Node:
        """The model of a node as it was when traced.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("n"); _ = m.claim("A claim.", id="c")
        >>> trace(m, "c").node("c").text
        'A claim.'
        """
        try:
            return self._ix.nodes[node_id]
        except KeyError:
            raise NodeNotFound(
                f"Trace.node: no node {node_id!r} in map {self._ix.map_name!r}"
            ) from None

    def iri(self, node_id: str) -> str:
        """The IRI of a node of the traced map."""
        self.node(node_id)
        return self._ix.iri(node_id)

    # ------------------------------------------------------------------ representations

    def to_dict(self, *, shared: bool = False) -> dict[str, Any]:
        """The trace as JSON-able data: exactly the contract of ``docs/trace-json.md``.

        The data is the caller's own to change. With ``shared=True`` the node entries are
        instead the ones argmap keeps per map version (read-only: a change raises
        :class:`~argmap.errors.ReadOnlyError`), which saves copying them: the cheap way to
        serialise a trace (``json.dumps`` reads them as plain dicts and lists).

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("d"); r = m.recommendation("Act.", id="r")
        >>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
        >>> d = trace(m, "r").to_dict()
        >>> list(d)  # doctest: +NORMALIZE_WHITESPACE
        ['recommendation', 'premises', 'basic_premises', 'evidence', 'arguments', 'attacks',
         'actors', 'anchors', 'critical_premises', 'depth', 'cycles']
        >>> d["recommendation"]
        {'id': 'r', 'iri': 'https://w3id.org/argmap/map/d/r', 'kind': 'recommendation', 'text': 'Act.', 'label': None}
        """
        from argmap.query.contract import trace_to_dict

        return trace_to_dict(self, shared)

    def to_frame(self) -> Any:
        """One row per node of the trace: a pandas DataFrame, or a list of dicts without pandas.

        Columns: ``root, id, kind, role`` (root, premise, argument or attack), ``level``,
        ``basic``, ``evidence``, ``critical``, ``text``, ``actors``, ``quotes``.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("f"); r = m.recommendation("Act.", id="r")
        >>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
        >>> frame = trace(m, "r").to_frame()
        >>> list(frame["id"])
        ['r', 'e', 'a']
        """
        from argmap.query.contract import frame_rows

        rows = frame_rows(self)
        try:
            import pandas as pd
        except ImportError:
            return rows
        return pd.DataFrame(rows, columns=list(rows[0]))

    def to_sets(self) -> TraceSets:
        """The trace as the IRI sets that :func:`argmap.query.trace_sparql` returns."""
        from argmap.query._tables import trace_sets

        return trace_sets(self)

    def _repr_html_(self) -> str | None:
        from argmap.display import repr_html  # a higher layer, imported when drawn

        return repr_html(self)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> Any:
        from argmap.display import repr_mimebundle

        return repr_mimebundle(self)

    def __repr__(self) -> str:
        n_att = len(self.attacks)
        n_open = len(self.open_questions)
        return (
            f"<Trace of {self.root!r}: {len(self.premises)} premises "
            f"({len(self.basic_premises)} basic, {len(self.evidence)} evidence), "
            f"{len(self.arguments)} arguments, depth {self.depth}, "
            f"{n_att} attack{'' if n_att == 1 else 's'}, {len(self.cycles)} cycles"
            + (f", {n_open} open question{'' if n_open == 1 else 's'}" if n_open else "")
            + ">"
        )

    def _key(self) -> tuple[Any, ...]:
        return (
            self.root,
            self.map_iri,
            self.premises,
            self.arguments,
            self.attacks,
            self.stances,
            self.anchors,
            tuple(self._ix.nodes[n] for n in self._node_ids),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Trace):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.root, self.map_iri, self.premises, self.arguments))


# ---------------------------------------------------------------------- functions



def _statement(m: ArgumentMap, ix: SupportIndex, ref: Ref, call: str) -> int:
    try:
        node_id = m.resolve(ref)
    except NodeNotFound as exc:
        raise NodeNotFound(f"{call}: {exc}") from None
    k = ix.stmt_of.get(node_id)
    if k is None:
        kind = ix.nodes[node_id].kind
        raise QueryError(
            f"{call}: {node_id!r} is {KIND_WORDS.get(kind, kind)}, not a statement; only a "
            "claim, evidence or recommendation has premises to trace"
        )
    return k


def _walk(children: list[tuple[int, ...]], root: int) -> tuple[tuple[int, ...], ...]:
    """Premises by level, breadth first, each level sorted (that is, in id order)."""
    seen = {root}
    levels: list[tuple[int, ...]] = []
    frontier: list[int] | tuple[int, ...] = (root,)
    while True:
        nxt: set[int] = set()
        for s in frontier:
            below = children[s]
            if below:
                nxt.update(below)
        nxt -= seen
        if not nxt:
            return tuple(levels)
        seen |= nxt
        frontier = tuple(sorted(nxt))
        levels.append(frontier)


def trace_at(ix: SupportIndex, k: int, map_iri: str | None = None) -> Trace:
    """The trace of statement number ``k`` of the support index ``ix`` (what :func:`trace`
    returns once it has found the statement), for readers that build an index of their own
    (a stored trace's part of a map); ``map_iri`` defaults to the index's."""
    return Trace(
        root=ix.stmt_ids[k],
        map_iri=ix.map_iri if map_iri is None else map_iri,
        _ix=ix,
        _root=k,
        _levels=_walk(ix.children, k),
    )


def trace(m: ArgumentMap, statement: Ref) -> Trace:
    """Trace ``statement`` (an id, IRI, text or node) down to what its support rests on.

    Raises :class:`~argmap.errors.NodeNotFound` when nothing in the map answers to
    ``statement`` and :class:`~argmap.errors.QueryError` when it is not a statement.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x")
    >>> _ = m.argue([m.evidence("Evidence.", id="e")], m.recommendation("Do it.", id="r"))
    >>> trace(m, "r").premises
    ('e',)
    >>> trace(m, "nothing")
    Traceback (most recent call last):
    ...
    argmap.errors.NodeNotFound: trace: no node 'nothing' in map 'x': it is not the id, IRI or text of any node
    >>> _ = m.actor("Russia", id="russia")
    >>> trace(m, "russia")
    Traceback (most recent call last):
    ...
    argmap.errors.QueryError: trace: 'russia' is an actor, not a statement; only a claim, evidence or recommendation has premises to trace
    """
    ix = support_index(m)
    root = _statement(m, ix, statement, "trace")
    return Trace(
        root=ix.stmt_ids[root], map_iri=ix.map_iri, _ix=ix, _root=root,
        _levels=_walk(ix.children, root),
    )


def trace_all(m: ArgumentMap) -> dict[str, Trace]:
    """The trace of every recommendation of the map, by id (in id order).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("all"); _ = m.recommendation("B.", id="b"); _ = m.recommendation("A.", id="a")
    >>> list(trace_all(m))
    ['a', 'b']
    """
    ix = support_index(m)
    ids, children = ix.stmt_ids, ix.children
    with no_gc():  # many small tuples at once: spare the collector a walk of the map
        return {
            ids[k]: Trace(root=ids[k], map_iri=ix.map_iri, _ix=ix, _root=k,
                          _levels=_walk(children, k))
            for k in ix.recommendations
        }


def premises(m: ArgumentMap, statement: Ref) -> tuple[str, ...]:
    """Ids of every premise ``statement`` rests on, transitively, nearest first.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("p"); c = m.claim("C.", id="c")
    >>> _ = m.argue([c], m.recommendation("R.", id="r")); _ = m.argue([m.evidence("E.", id="e")], c)
    >>> premises(m, "r")
    ('c', 'e')
    """
    return trace(m, statement).premises


def basic_premises(m: ArgumentMap, statement: Ref) -> tuple[str, ...]:
    """Ids of the premises of ``statement`` that have no argument of their own.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("b"); c = m.claim("C.", id="c")
    >>> _ = m.argue([c], m.recommendation("R.", id="r")); _ = m.argue([m.evidence("E.", id="e")], c)
    >>> basic_premises(m, "r")
    ('e',)
    """
    return trace(m, statement).basic_premises


def evidence_for(m: ArgumentMap, statement: Ref) -> tuple[str, ...]:
    """Ids of the evidence among the premises of ``statement``, at any depth.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("e"); r = m.recommendation("R.", id="r")
    >>> _ = m.argue([m.evidence("E.", id="e"), m.claim("C.", id="c")], r)
    >>> evidence_for(m, "r")
    ('e',)
    """
    return trace(m, statement).evidence


def actors_behind(m: ArgumentMap, statement: Ref) -> dict[str, tuple[str, ...]]:
    """Who stands behind ``statement``: actor id -> the statements (it or its premises)
    through which the actor asserts or endorses it, in trace order.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("a"); r = m.recommendation("R.", id="r"); c = m.claim("C.", id="c")
    >>> _ = m.argue([c], r); x = m.actor("Chamber", id="chamber")
    >>> _ = m.stance(x, "asserts", r); _ = m.stance(x, "endorses", c)
    >>> _ = m.stance(m.actor("Critic", id="critic"), "opposes", c)
    >>> actors_behind(m, "r")
    {'chamber': ('r', 'c')}
    """
    out: dict[str, list[str]] = {}
    for st in trace(m, statement).stances:
        nodes = out.setdefault(st.actor, [])
        if st.node not in nodes:
            nodes.append(st.node)
    return {actor: tuple(nodes) for actor, nodes in sorted(out.items())}
