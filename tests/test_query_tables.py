"""argmap/query/_tables.py: Trace.to_sets()/to_dict() read from per-version tables.

The tables must answer exactly what the trace's own views say, computed from scratch (the
code path before the tables, kept below as the oracle), on random maps, after random
edits, whichever traces filled them first; they must never answer for a map that has
changed; and shared entries must refuse changes while owned results are the caller's.
"""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import ArgmapError
from argmap.query import trace
from argmap.query._index import support_index
from argmap.query._tables import Entries, Entry, tables
from argmap.query.sparql import TraceSets
from argmap.query.trace import Trace
from tests.strategies import maps

# ---------------------------------------------------------------------- the oracle
# The conversions as they were computed before the tables: from the trace's views.


def oracle_sets(t: Trace) -> TraceSets:
    ix = t._ix
    iri = ix.iri
    return TraceSets(
        premises=frozenset(map(iri, t.premises)),
        basic_premises=frozenset(map(iri, t.basic_premises)),
        evidence=frozenset(map(iri, t.evidence)),
        arguments=frozenset(map(iri, t.arguments)),
        schemes=frozenset(t.schemes),
        actors=frozenset((iri(s.actor), s.role, iri(s.node)) for s in t.stances),
        attacks=frozenset(
            (iri(a.id), iri(x), iri(a.target), a.type, a.answered)
            for a in t.attacks
            for x in (a.attacker, *a.co_attackers)
        ),
        anchors=frozenset(
            (iri(a.node), iri(a.anchor.source), a.anchor.exact, a.anchor.start, a.anchor.end)
            for a in t.anchors
        ),
    )


def oracle_dict(t: Trace) -> dict[str, Any]:
    levels = t.levels
    nodes, iri = t._ix.nodes, t._ix.iri

    def node(node_id: str) -> dict[str, Any]:
        n = nodes[node_id]
        return {"id": node_id, "iri": iri(node_id), "kind": n.kind, "text": n.text,
                "label": n.label}  # fmt: skip

    def statement(node_id: str) -> dict[str, Any]:
        return {**node(node_id), "level": levels[node_id]}

    def evidence(node_id: str) -> dict[str, Any]:
        return {**statement(node_id), "source": getattr(nodes[node_id], "source", None)}

    complete = set(t.complete_arguments)
    questions: dict[str, list[dict[str, Any]]] = {}
    for q in t.questions:
        questions.setdefault(q.argument, []).append(
            {"question": q.question, "key": q.key, "text": q.text, "answer_type": q.answer_type,
             "premise_role": q.premise_role, "status": q.status,
             "answered_by": list(q.answered_by)}
        )  # fmt: skip
    arguments = []
    for arg_id in t.arguments:
        arg = nodes[arg_id]
        arguments.append({
            **node(arg_id), "scheme": getattr(arg, "scheme", None),
            "premises": list(getattr(arg, "premises", ())),
            "conclusion": getattr(arg, "conclusion", None), "complete": arg_id in complete,
            "questions": questions.get(arg_id, []),
        })  # fmt: skip
    attacks = [
        {**node(a.id), "type": a.type, "target": a.target, "attacker": node(a.attacker),
         "co_attackers": [node(x) for x in a.co_attackers], "answered": a.answered,
         "answered_by": list(a.answered_by)}
        for a in t.attacks
    ]  # fmt: skip
    actors: dict[str, dict[str, Any]] = {}
    for st_ in t.stances:
        if st_.actor not in actors:
            actors[st_.actor] = {
                **node(st_.actor), "actor_type": getattr(nodes[st_.actor], "actor_type", None),
                "stances": [],
            }  # fmt: skip
        actors[st_.actor]["stances"].append({"role": st_.role, "node": st_.node})
    return {
        "recommendation": node(t.root),
        "premises": [statement(p) for p in t.premises],
        "basic_premises": [statement(p) for p in t.basic_premises],
        "evidence": [evidence(p) for p in t.evidence],
        "arguments": arguments,
        "attacks": attacks,
        "actors": [actors[a] for a in sorted(actors)],
        "anchors": [
            {"node": a.node, "source": a.anchor.source, "quote": a.anchor.exact,
             "prefix": a.anchor.prefix, "suffix": a.anchor.suffix, "start": a.anchor.start,
             "end": a.anchor.end}
            for a in t.anchors
        ],
        "critical_premises": [statement(p) for p in t.critical_premises],
        "depth": t.depth,
        "cycles": [list(c) for c in t.cycles],
    }


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal, key order included (the contract fixes the order of the keys)."""
    return json.dumps(a) == json.dumps(b)


def check_all(m: ArgumentMap, order: list[str]) -> list[Trace]:
    """Convert the trace of every statement, in ``order``, against the oracle."""
    out = []
    for s in order:
        t = trace(m, s)
        assert t.to_sets() == oracle_sets(t), s
        assert same(t.to_dict(), oracle_dict(t)), s
        assert same(t.to_dict(shared=True), oracle_dict(t)), s
        out.append(t)
    return out


# ---------------------------------------------------------------------- random edits


@st.composite
def edits(draw: Any, m: ArgumentMap) -> list[tuple[str, Any]]:
    """A few random edits of ``m``: new claims argued for or against existing nodes,
    attacks, stances, anchors, removals."""
    out: list[tuple[str, Any]] = []
    for _ in range(draw(st.integers(1, 4))):
        out.append((draw(st.sampled_from(["argue", "attack", "stance", "anchor", "remove"])),
                    draw(st.integers(0, 10_000))))  # fmt: skip
    return out


def apply(m: ArgumentMap, op: str, seed: int) -> None:
    statements = sorted(s.id for s in m.statements())
    nodes = sorted(n.id for n in m.nodes())
    pick = lambda xs: xs[seed % len(xs)]  # noqa: E731
    try:
        if op == "argue" and statements:
            kind = ("claim", "evidence")[seed % 2]
            new = getattr(m, kind)(f"New {kind} {seed}.")
            m.argue([new], pick(statements), scheme=("practical reasoning", None)[seed % 2])
        elif op == "attack" and statements:
            m.attack(m.claim(f"Objection {seed}."), pick(nodes))
        elif op == "stance" and statements:
            actors = sorted(a.id for a in m.actors()) or [m.actor(f"Actor {seed}").id]
            m.stance(pick(actors), ("asserts", "endorses", "opposes")[seed % 3], pick(statements))
        elif op == "anchor" and statements:
            sources = sorted(s.id for s in m.sources()) or [m.source(f"Source {seed}").id]
            m.anchor(pick(statements), f"quote {seed}", source=pick(sources), start=seed,
                     end=seed + 7)  # fmt: skip
        elif op == "remove" and nodes:
            m.remove(pick(nodes))
    except ArgmapError:
        pass  # a drawn move the map refuses (a self-attack, say): the map is unchanged


@settings(max_examples=120)
@given(data=st.data())
def test_conversions_equal_the_oracle_after_random_edits(data: st.DataObject) -> None:
    m = data.draw(maps(recursive_attacks=True))
    statements = sorted(s.id for s in m.statements())
    order = data.draw(st.permutations(statements))
    before = check_all(m, order)  # fills the tables, each trace on what others left
    expected = [(oracle_sets(t), oracle_dict(t)) for t in before]
    for op, seed in data.draw(edits(m)):
        old_ix = support_index(m)
        apply(m, op, seed)
        if m.version != old_ix.version:
            assert support_index(m) is not old_ix
            assert tables(support_index(m)) is not tables(old_ix)
        statements = sorted(s.id for s in m.statements())
        check_all(m, data.draw(st.permutations(statements)))
    # traces taken before the edits still answer for the map as it was then
    for t, (sets, as_dict) in zip(before, expected, strict=True):
        assert t.to_sets() == sets
        assert same(t.to_dict(), as_dict)


@settings(max_examples=60)
@given(m=maps(recursive_attacks=True))
def test_a_result_changed_by_its_caller_changes_nothing_else(m: ArgumentMap) -> None:
    for s in sorted(x.id for x in m.statements()):
        t = trace(m, s)
        mine = t.to_dict()
        for key in ("premises", "arguments", "attacks", "anchors", "actors", "evidence"):
            for entry in mine[key]:
                entry["id"] = "changed"
                for value in entry.values():
                    if isinstance(value, list):
                        value.append("changed")
        mine["recommendation"]["text"] = "changed"
        assert same(t.to_dict(), oracle_dict(t))
        assert same(trace(m, s).to_dict(shared=True), oracle_dict(t))


# ---------------------------------------------------------------------- read-only entries


def small() -> ArgumentMap:
    m = ArgumentMap("ro")
    r = m.recommendation("Act.", id="r")
    e = m.evidence("It works.", id="e")
    _ = m.argue([e], r, id="a", scheme="practical reasoning")
    _ = m.attack(m.claim("It does not.", id="no"), "a", id="t")
    src = m.source("Report", id="src")
    m.anchor("e", "works", source=src, start=3, end=8)
    m.stance(m.actor("Chamber", id="ch"), "asserts", "r")
    return m


def test_shared_entries_refuse_changes_with_a_located_error() -> None:
    d = trace(small(), "r").to_dict(shared=True)
    arg = d["arguments"][0]
    assert isinstance(arg, Entry) and isinstance(arg["premises"], Entries)
    changes = [
        lambda: arg.__setitem__("complete", True),
        lambda: arg.__delitem__("questions"),
        lambda: arg.update(x=1),
        lambda: arg.pop("id"),
        lambda: arg.setdefault("x", 1),
        lambda: arg.clear(),
        lambda: arg.popitem(),
        lambda: arg["premises"].append("x"),
        lambda: arg["premises"].extend(["x"]),
        lambda: arg["premises"].__setitem__(0, "x"),
        lambda: arg["premises"].sort(),
        lambda: arg["questions"][0].__setitem__("status", "maybe"),
        lambda: d["premises"][0].__setitem__("level", 9),
        lambda: d["attacks"][0]["attacker"].__setitem__("text", "x"),
    ]
    for change in changes:
        with pytest.raises(argmap.ReadOnlyError, match="shared with the map's tables"):
            change()
    assert issubclass(argmap.ReadOnlyError, TypeError)
    assert same(d, oracle_dict(trace(small(), "r")))
    # the lists of a shared result are the caller's own; only the kept entries refuse
    d["premises"].append("mine")


def test_shared_entries_copy_and_serialise_as_plain_data() -> None:
    m = small()
    shared = trace(m, "r").to_dict(shared=True)
    owned = trace(m, "r").to_dict()
    assert shared == owned
    assert json.dumps(shared) == json.dumps(owned)
    assert json.dumps(shared, indent=2) == json.dumps(owned, indent=2)
    for plain in (copy.deepcopy(shared), pickle.loads(pickle.dumps(shared))):
        assert plain == owned
        arg = plain["arguments"][0]
        assert type(arg) is dict and type(arg["premises"]) is list
        arg["premises"].append("x")  # a copy is the caller's to change
    entry = shared["premises"][0]
    assert type(entry.copy()) is dict and type(dict(entry)) is dict
    assert type(shared["arguments"][0]["premises"].copy()) is list
    assert repr(entry) == repr(owned["premises"][0])


def test_owned_results_are_plain_dicts_and_lists() -> None:
    d = trace(small(), "r").to_dict()

    def walk(value: Any) -> None:
        assert type(value) in (dict, list, str, int, bool, type(None)), type(value)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(d)


def test_tables_fill_on_demand_and_belong_to_one_map_version() -> None:
    m = small()
    ix = support_index(m)
    tb = tables(ix)
    assert tables(ix) is tb
    assert not tb.stmt_rows and not tb.arg_entry  # nothing until a conversion
    trace(m, "e").to_sets()
    assert set(tb.stmt_rows) == {ix.stmt_of["e"]}  # the trace of "e" holds only "e"
    trace(m, "r").to_dict()
    assert set(tb.arg_entry) == {ix.arg_of["a"]}
    m.anchor("r", "Act", source="src", start=0, end=3)  # an edit: a new version
    assert support_index(m) is not ix
    assert tables(support_index(m)) is not tb
    new = trace(m, "r").to_dict()
    assert [a["node"] for a in new["anchors"]] == ["r", "e"]
    assert same(new, oracle_dict(trace(m, "r")))
