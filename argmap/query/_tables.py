"""Lookup tables behind :meth:`Trace.to_sets` and :meth:`Trace.to_dict`, one per map version.

A trace's support walk is cheap (a few integer tuples); its conversions used to cost 25 to
70 times as much, because each one worked out per node what does not depend on the trace
at all: the node's IRI, its anchors, the stances and attacks landing on it, an argument's
critical questions and whether it is complete, and the small dicts of the JSON contract.
:class:`Tables` keeps those per node, so a conversion is lookups and C-level building of
frozensets and lists.

* **Per map version.** The tables hang on the :class:`~argmap.query._index.SupportIndex`
  (in its ``memo``), which is rebuilt after any edit of the map (its version counter), so
  they can never answer for a map that has changed; a trace keeps the index, and so the
  tables, of the version it was taken from.
* **Filled on demand.** Nothing is computed for a node until a trace that holds it is
  converted: the first conversion of a trace fills the rows of its nodes (about what the
  conversion cost before), later ones of any trace sharing those nodes only look up.
  Memory therefore grows with the part of the map that has been converted, up to a few
  hundred bytes per node and per anchor, stance and attack (see ``docs/trace-json.md``).
* **Exact.** Every row is what the trace's own views (``anchors``, ``attacks``,
  ``stances``, ``complete_arguments``, ``questions``, ...) say for that node: they depend
  on the node and the map, never on the traced root, except a statement's ``level``
  (rows are kept per level) and the critical premises (kept per root). The tests hold
  the two to the same answers on random maps after random edits.
* **Owned by the caller.** :func:`trace_dict` hands out fresh dicts and lists (copied at
  C speed from the kept ones), so a caller may change what it gets.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.query import trace
>>> m = ArgumentMap("tb"); r = m.recommendation("Act.", id="r")
>>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
>>> t = trace(m, "r")
>>> sorted(trace_sets(t).premises)
['https://w3id.org/argmap/map/tb/e']
>>> d = trace_dict(t); d["premises"][0]["text"] = "changed"
>>> trace_dict(t)["premises"][0]["text"]
'It works.'
"""

from __future__ import annotations

from itertools import chain, compress, islice, repeat
from operator import itemgetter, not_
from typing import TYPE_CHECKING, Any, NoReturn

from argmap.errors import ReadOnlyError
from argmap.model import Argument
from argmap.query._index import SupportIndex, bulk
from argmap.questions import Answerers, answerers_in, question_rows

if TYPE_CHECKING:
    from argmap.query.sparql import TraceSets
    from argmap.query.trace import Trace

__all__ = ["Entries", "Entry", "Tables", "tables", "trace_dict", "trace_sets"]

Row = tuple[Any, ...]

_SHARED = (
    "is shared with the map's tables and read-only (Trace.to_dict(shared=True)); "
    "Trace.to_dict() gives data of your own"
)


def _refuse(what: str) -> NoReturn:
    raise ReadOnlyError(f"{what}: this entry {_SHARED}")


class Entry(dict[str, Any]):
    """A dict of the JSON contract kept in the tables: reads as a dict (``==``, ``json``,
    ``dict(e)``), refuses changes, and copies (``copy``, ``pickle``, ``deepcopy``) as a
    plain dict."""

    __slots__ = ()

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        _refuse(f"setting {key!r}")

    def __delitem__(self, key: str) -> NoReturn:
        _refuse(f"deleting {key!r}")

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        _refuse("|=")

    def clear(self) -> NoReturn:
        _refuse("clear()")

    def pop(self, *args: Any) -> NoReturn:
        _refuse("pop()")

    def popitem(self) -> NoReturn:
        _refuse("popitem()")

    def setdefault(self, *args: Any) -> NoReturn:
        _refuse("setdefault()")

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse("update()")

    def copy(self) -> dict[str, Any]:
        return dict(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


class Entries(list[Any]):
    """A list kept in the tables (an entry's ``premises``, ``questions``, ...): reads as a
    list, refuses changes, copies as a plain list."""

    __slots__ = ()

    def __setitem__(self, key: Any, value: Any) -> NoReturn:
        _refuse("setting an item")

    def __delitem__(self, key: Any) -> NoReturn:
        _refuse("deleting an item")

    def __iadd__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        _refuse("+=")

    def __imul__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        _refuse("*=")

    def append(self, value: Any) -> NoReturn:
        _refuse("append()")

    def extend(self, values: Any) -> NoReturn:
        _refuse("extend()")

    def insert(self, index: Any, value: Any) -> NoReturn:
        _refuse("insert()")

    def pop(self, *args: Any) -> NoReturn:
        _refuse("pop()")

    def remove(self, value: Any) -> NoReturn:
        _refuse("remove()")

    def clear(self) -> NoReturn:
        _refuse("clear()")

    def sort(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse("sort()")

    def reverse(self) -> NoReturn:
        _refuse("reverse()")

    def copy(self) -> list[Any]:
        return list(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))
_NONE: tuple[Any, ...] = ()
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)
_EMPTY_SET: frozenset[Any] = frozenset()


class Tables:
    """The per-node rows of one :class:`SupportIndex` (see the module docstring).

    For :func:`trace_sets`, by statement / argument number: the IRI, and the tuples of set
    rows (stances, attacks, anchors) the node contributes; an argument's scheme. For
    :func:`trace_dict`, by statement number and level, argument number, attack, actor and
    stance id: the entries of the JSON contract (kept privately, handed out as copies), and
    the critical premises per traced root.
    """

    __slots__ = (
        "actor_entry",
        "anchor_entries_arg",
        "anchor_entries_stmt",
        "arg_entry",
        "arg_iri",
        "arg_rows",
        "attack_entry",
        "attack_ids_arg",
        "attack_ids_stmt",
        "critical",
        "evidence",
        "evidence_entry",
        "evidence_iris",
        "ix",
        "leaf",
        "leaf_iris",
        "node_entry",
        "question_entry",
        "stance_entry",
        "statement_entry",
        "stmt_iri",
        "stmt_rows",
    )

    def __init__(self, ix: SupportIndex) -> None:
        self.ix = ix
        # per statement number: a basic premise (no argument of its own)? evidence? (lists:
        # their __getitem__ is a fast method, where a bytearray's is a slot wrapper)
        self.leaf: list[bool] = list(map(not_, ix.args_for))
        self.evidence: list[int] = list(ix.is_evidence)
        # IRIs by number, and of the basic premises and the evidence (made on first use)
        self.stmt_iri: list[str] = []
        self.arg_iri: list[str] = []
        self.leaf_iris: frozenset[str] = frozenset()
        self.evidence_iris: frozenset[str] = frozenset()
        # number -> (stance rows, attack rows, anchor rows); arguments: (attack rows,
        # anchor rows, scheme)
        Rows = frozenset[Row]
        self.stmt_rows: dict[int, tuple[Rows, Rows, Rows]] = {}
        self.arg_rows: dict[int, tuple[Rows, Rows, str | None]] = {}
        self.attack_ids_stmt: dict[int, tuple[str, ...]] = {
            k: tuple(t.id for t in v) for k, v in ix.attacks_on_stmt.items()
        }
        self.attack_ids_arg: dict[int, tuple[str, ...]] = {
            k: tuple(t.id for t in v) for k, v in ix.attacks_on_arg.items()
        }
        self.node_entry: dict[str, Entry] = {}
        self.statement_entry: dict[int, dict[int, Entry]] = {}  # level -> number -> entry
        self.evidence_entry: dict[int, dict[int, Entry]] = {}
        self.arg_entry: dict[int, Entry] = {}
        self.attack_entry: dict[str, Entry] = {}
        self.anchor_entries_stmt: dict[int, tuple[Entry, ...]] = {}
        self.anchor_entries_arg: dict[int, tuple[Entry, ...]] = {}
        self.actor_entry: dict[str, Entry] = {}
        self.stance_entry: dict[str, tuple[str, Entry]] = {}
        self.critical: dict[int, tuple[int, ...]] = {}
        self.question_entry: dict[tuple[str, str, tuple[str, ...]], Entry] = {}

    # ------------------------------------------------------------------ to_sets rows

    def _iris(self) -> None:
        ix = self.ix

        def iris(ids: list[str]) -> list[str]:
            if not ix.explicit_iris and "".join(ids).isascii():  # (isascii is O(1))
                return list(map(ix.base.__add__, ids))  # what ix.iri answers, in C
            return list(map(ix.iri, ids))

        self.stmt_iri = iris(ix.stmt_ids)
        self.arg_iri = iris(ix.arg_ids)
        self.leaf_iris = frozenset(compress(self.stmt_iri, self.leaf))
        self.evidence_iris = frozenset(compress(self.stmt_iri, ix.is_evidence))

    @bulk
    def fill_sets(self, stmts: list[int], args: list[int]) -> None:
        """Work out the set rows of the given statements and arguments not yet known."""
        ix = self.ix
        if not self.stmt_iri and ix.stmt_ids:
            self._iris()
        iri, ids, nodes = ix.iri, ix.stmt_ids, ix.nodes
        behind, on_stmt, on_arg = ix.behind, ix.attacks_on_stmt, ix.attacks_on_arg
        types = ix.attack_types

        def attack_rows(found: tuple[Any, ...] | None) -> frozenset[Row]:
            if not found:
                return _EMPTY_SET  # most nodes: one shared empty set
            return frozenset(
                (iri(t.id), iri(x), iri(t.target), types[t.id], bool(ix.attack_answers(t)))
                for t in found
                for x in (t.attacker, *t.co_attackers)
            )

        def anchor_rows(node_iri: str, node_id: str) -> frozenset[Row]:
            anchors = nodes[node_id].anchors
            if not anchors:
                return _EMPTY_SET
            return frozenset((node_iri, iri(a.source), a.exact, a.start, a.end) for a in anchors)

        stmt_iri = self.stmt_iri
        for s in stmts:
            if s not in self.stmt_rows:
                node_iri = stmt_iri[s]
                stances = behind.get(s)
                self.stmt_rows[s] = (
                    frozenset((iri(st.actor), st.role, node_iri) for st in stances)
                    if stances
                    else _EMPTY_SET,
                    attack_rows(on_stmt.get(s)),
                    anchor_rows(node_iri, ids[s]),
                )
        arg_ids, arg_iri = ix.arg_ids, self.arg_iri
        for a in args:
            if a not in self.arg_rows:
                node_id = arg_ids[a]
                self.arg_rows[a] = (
                    attack_rows(on_arg.get(a)),
                    anchor_rows(arg_iri[a], node_id),
                    getattr(nodes[node_id], "scheme", None),
                )

    def sets(self, t: Trace) -> TraceSets:
        """The sets of ``t`` from rows already known (KeyError when some row is not)."""
        from argmap.query.sparql import TraceSets

        stmts, args = t._stmts, t._args
        # the rows first: a KeyError here (a node not converted before) leaves nothing half done
        stmt_rows = list(map(self.stmt_rows.__getitem__, stmts))
        arg_rows = list(map(self.arg_rows.__getitem__, args))
        premises = frozenset(map(self.stmt_iri.__getitem__, islice(stmts, 1, None)))
        # unions of kept frozensets reuse their elements' stored hashes: no tuple is hashed
        return TraceSets(
            premises=premises,
            basic_premises=premises & self.leaf_iris,
            evidence=premises & self.evidence_iris,
            arguments=frozenset(map(self.arg_iri.__getitem__, args)),
            schemes=frozenset(filter(None, map(_THIRD, arg_rows))),
            actors=_EMPTY_SET.union(*map(_FIRST, stmt_rows)),
            attacks=_EMPTY_SET.union(*map(_SECOND, stmt_rows), *map(_FIRST, arg_rows)),
            anchors=_EMPTY_SET.union(*map(_THIRD, stmt_rows), *map(_SECOND, arg_rows)),
        )

    # ------------------------------------------------------------------ to_dict entries

    def _node(self, node_id: str) -> Entry:
        entry = self.node_entry.get(node_id)
        if entry is None:
            n = self.ix.nodes[node_id]
            entry = self.node_entry[node_id] = Entry({
                "id": node_id, "iri": self.ix.iri(node_id), "kind": n.kind, "text": n.text,
                "label": n.label,
            })  # fmt: skip
        return entry

    @bulk
    def fill_dict(self, t: Trace) -> None:
        """Work out the entries of ``t``'s nodes not yet known, and its critical premises."""
        ix = self.ix
        nodes, ids, is_ev = ix.nodes, ix.stmt_ids, ix.is_evidence
        node = self._node
        node(t.root)
        for depth, level in enumerate(t._levels, start=1):
            at = self.statement_entry.setdefault(depth, {})
            ev_at = self.evidence_entry.setdefault(depth, {})
            for s in level:
                if s in at:
                    continue
                node_id = ids[s]
                n = nodes[node_id]
                entry = Entry(id=node_id, iri=self.stmt_iri[s] if self.stmt_iri else ix.iri(node_id),
                              kind=n.kind, text=n.text, label=n.label, level=depth)  # fmt: skip
                if is_ev[s]:
                    ev_at[s] = Entry(entry, source=getattr(nodes[node_id], "source", None))
                at[s] = entry
        stmts, args = t._stmts, t._args
        self._fill_anchors(stmts, args)
        self._fill_arguments(t, args)
        self._fill_attacks(stmts, args)
        for s in stmts:
            for st in ix.behind.get(s, _NONE):
                if st.id not in self.stance_entry:
                    if st.actor not in self.actor_entry:
                        self.actor_entry[st.actor] = Entry(
                            node(st.actor), actor_type=getattr(nodes[st.actor], "actor_type", None)
                        )
                    self.stance_entry[st.id] = (st.actor, Entry(role=st.role, node=st.target))
        if t._root not in self.critical:
            self.critical[t._root] = tuple(i - 1 for i in t._local.critical())

    def _fill_anchors(self, stmts: list[int], args: list[int]) -> None:
        ix = self.ix

        def entries(node_id: str) -> tuple[Entry, ...]:
            return tuple(
                Entry(node=node_id, source=a.source, quote=a.exact, prefix=a.prefix,
                      suffix=a.suffix, start=a.start, end=a.end)
                for a in ix.nodes[node_id].anchors
            )  # fmt: skip

        for s in stmts:
            if s not in self.anchor_entries_stmt:
                self.anchor_entries_stmt[s] = entries(ix.stmt_ids[s])
        for a in args:
            if a not in self.anchor_entries_arg:
                self.anchor_entries_arg[a] = entries(ix.arg_ids[a])

    def _fill_arguments(self, t: Trace, args: list[int]) -> None:
        ix = self.ix
        nodes, arg_ids = ix.nodes, ix.arg_ids
        todo = [a for a in args if a not in self.arg_entry]
        if not todo:
            return
        # An argument is complete when its premises are grounded; below the trace's root
        # that is the same as in the whole map (grounding only looks down), so the
        # trace's own answer fills the table for every trace.
        complete = set(t.complete_arguments)
        models = [nodes[arg_ids[a]] for a in todo]
        questions: dict[str, list[Entry]] = {}
        if any(getattr(a, "scheme", None) for a in models):
            if "answerers" not in ix.memo:
                ix.memo["answerers"] = answerers_in(nodes.values())
            answerers: Answerers = ix.memo["answerers"]  # type: ignore[assignment]
            asked = self.question_entry
            for q in question_rows([a for a in models if isinstance(a, Argument)], nodes, answerers):
                # a question's entry does not name its argument: one entry per question,
                # status and answerers serves every argument that asks it
                key = (q.question, q.status, q.answered_by)
                entry = asked.get(key)
                if entry is None:
                    entry = asked[key] = Entry(
                        question=q.question, key=q.key, text=q.text, answer_type=q.answer_type,
                        premise_role=q.premise_role, status=q.status,
                        answered_by=Entries(q.answered_by),
                    )  # fmt: skip
                questions.setdefault(q.argument, []).append(entry)
        for a, model in zip(todo, models, strict=True):
            node_id = arg_ids[a]
            self.arg_entry[a] = Entry(
                id=node_id, iri=ix.iri(node_id), kind=model.kind, text=model.text,
                label=model.label,
                scheme=getattr(model, "scheme", None),
                premises=Entries(getattr(model, "premises", ())),
                conclusion=getattr(model, "conclusion", None),
                complete=node_id in complete,
                questions=Entries(questions.get(node_id, ())),
            )

    def _fill_attacks(self, stmts: list[int], args: list[int]) -> None:
        ix = self.ix
        found = chain(
            chain.from_iterable(map(ix.attacks_on_stmt.get, stmts, repeat(_NONE))),
            chain.from_iterable(map(ix.attacks_on_arg.get, args, repeat(_NONE))),
        )
        node = self._node
        for att in found:
            if att.id not in self.attack_entry:
                answers = ix.attack_answers(att)
                self.attack_entry[att.id] = Entry(
                    node(att.id), type=ix.attack_types[att.id], target=att.target,
                    attacker=node(att.attacker),
                    co_attackers=Entries(node(x) for x in att.co_attackers),
                    answered=bool(answers), answered_by=Entries(answers),
                )  # fmt: skip

    def as_dict(self, t: Trace, shared: bool) -> dict[str, Any]:
        """The JSON contract of ``t`` from entries already known (KeyError when some entry
        is not): the kept entries themselves when ``shared``, else copies."""
        stmts, args, levels = t._stmts, t._args, t._levels
        critical = self.critical[t._root]
        premises: list[Entry] = []
        evidence: list[Entry] = []
        is_ev = self.evidence.__getitem__
        for depth, level in enumerate(levels, start=1):
            premises.extend(map(self.statement_entry[depth].__getitem__, level))
            evidence.extend(
                map(self.evidence_entry[depth].__getitem__, compress(level, map(is_ev, level)))
            )
        ids = sorted(
            chain(
                chain.from_iterable(map(self.attack_ids_stmt.get, stmts, repeat(_NONE))),
                chain.from_iterable(map(self.attack_ids_arg.get, args, repeat(_NONE))),
            )
        )
        actors: dict[str, dict[str, Any]] = {}
        stance_entry, actor_entry = self.stance_entry, self.actor_entry
        for found in filter(None, map(self.ix.behind.get, stmts)):
            for st in found:
                actor, said = stance_entry[st.id]
                row = actors.get(actor)
                if row is None:
                    row = actors[actor] = dict(actor_entry[actor], stances=[])
                row["stances"].append(said if shared else dict(said))
        out = {
            "recommendation": self.node_entry[t.root],
            "premises": premises,
            "basic_premises": list(compress(premises, map(self.leaf.__getitem__, stmts[1:]))),
            "evidence": evidence,
            "arguments": list(map(self.arg_entry.__getitem__, args)),
            "attacks": list(map(self.attack_entry.__getitem__, ids)),
            "actors": [actors[a] for a in sorted(actors)],
            "anchors": list(
                chain(
                    chain.from_iterable(map(self.anchor_entries_stmt.__getitem__, stmts)),
                    chain.from_iterable(map(self.anchor_entries_arg.__getitem__, args)),
                )
            ),
            "critical_premises": list(map(premises.__getitem__, critical)),
            "depth": len(levels),
            "cycles": [list(c) for c in t.cycles],
        }
        return out if shared else _owned(out)


@bulk
def _owned(d: dict[str, Any]) -> dict[str, Any]:
    """A copy of a shared contract the caller owns: fresh dicts and lists throughout."""
    for key in ("premises", "basic_premises", "evidence", "anchors", "critical_premises"):
        d[key] = list(map(dict, d[key]))  # flat entries: a C-level copy each
    d["recommendation"] = dict(d["recommendation"])
    arguments = []
    for entry in d["arguments"]:
        arg = dict(entry)
        arg["premises"] = list(entry["premises"])
        if entry["questions"]:
            qs = list(map(dict, entry["questions"]))
            for q in qs:
                q["answered_by"] = list(q["answered_by"])
            arg["questions"] = qs
        else:
            arg["questions"] = []
        arguments.append(arg)
    d["arguments"] = arguments
    attacks = []
    for entry in d["attacks"]:
        att = dict(entry)
        att["attacker"] = dict(entry["attacker"])
        att["co_attackers"] = list(map(dict, entry["co_attackers"]))
        att["answered_by"] = list(entry["answered_by"])
        attacks.append(att)
    d["attacks"] = attacks
    return d


def tables(ix: SupportIndex) -> Tables:
    """The tables of ``ix`` (made empty on first use, then kept with the index)."""
    found = ix.memo.get("tables")
    if found is None:
        found = ix.memo["tables"] = bulk(Tables)(ix)
    return found  # type: ignore[return-value]


def trace_sets(t: Trace) -> TraceSets:
    """What :meth:`Trace.to_sets` returns, from the tables (filled first where needed)."""
    tb = tables(t._ix)
    try:
        return tb.sets(t)
    except KeyError:  # some node of the trace not converted before: fill its rows
        tb.fill_sets(t._stmts, t._args)
        return tb.sets(t)


def trace_dict(t: Trace, shared: bool = False) -> dict[str, Any]:
    """What :meth:`Trace.to_dict` returns, from the tables (filled first where needed)."""
    tb = tables(t._ix)
    try:
        return tb.as_dict(t, shared)
    except KeyError:
        tb.fill_dict(t)
        return tb.as_dict(t, shared)
