"""argmap.query.trace: hand-checked traces (linked, convergent, cycles, attacks, stances)."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap
from argmap.errors import ArgmapError, NodeNotFound, QueryError
from argmap.query import (
    Trace,
    TraceAttack,
    TraceStance,
    actors_behind,
    basic_premises,
    evidence_for,
    premises,
    trace,
    trace_all,
)
from argmap.query._index import support_index


def brief_like() -> ArgumentMap:
    """A small map with two independent chains for one recommendation.

    abstain <= a_flaws(flawed)               flawed <= a_vague(art35 [evidence], vague)
    abstain <= a_alts(better)                better <= a_budapest(budapest [evidence])
    """
    m = ArgumentMap("brief")
    src = m.source("The brief", id="brief")
    m.recommendation("The U.S. should abstain.", id="abstain")
    m.claim("The draft is flawed.", id="flawed")
    m.claim("There are better options.", id="better")
    m.evidence("Article 35 is vague.", id="art35", source=src)
    m.claim("Vague articles invite abuse.", id="vague")
    m.evidence("76 nations are party to Budapest.", id="budapest", source=src)
    m.argue(["flawed"], "abstain", id="a_flaws", scheme="practical reasoning")
    m.argue(["better"], "abstain", id="a_alts", scheme="argument from alternatives")
    m.argue(["art35", "vague"], "flawed", id="a_vague")
    m.argue(["budapest"], "better", id="a_budapest")
    return m


def test_premises_levels_and_order() -> None:
    t = trace(brief_like(), "abstain")
    assert t.root == "abstain"
    assert t.premises == ("better", "flawed", "art35", "budapest", "vague")
    assert t.levels == {"abstain": 0, "better": 1, "flawed": 1, "art35": 2, "budapest": 2,
                        "vague": 2}
    assert t.depth == 2
    assert t.basic_premises == ("art35", "budapest", "vague")
    assert t.evidence == ("art35", "budapest")
    assert t.arguments == ("a_alts", "a_flaws", "a_budapest", "a_vague")
    assert t.schemes == ("argument from alternatives", "practical reasoning")
    assert t.cycles == ()
    assert t.supported


def test_two_independent_chains_paths() -> None:
    t = trace(brief_like(), "abstain")
    assert set(t.paths) == {
        ("budapest", "a_budapest", "better", "a_alts", "abstain"),
        ("art35", "a_vague", "flawed", "a_flaws", "abstain"),
        ("vague", "a_vague", "flawed", "a_flaws", "abstain"),
    }
    assert list(t.iter_paths()) == list(t.paths)
    # neither chain is needed while the other stands
    assert t.critical_premises == ()
    # one premise from each chain; members and sets in trace order (nearest first)
    assert t.minimal_cut_sets(2) == [
        ("better", "flawed"), ("better", "art35"), ("better", "vague"),
        ("flawed", "budapest"), ("art35", "budapest"), ("budapest", "vague"),
    ]


def test_functions_agree_with_trace() -> None:
    m = brief_like()
    t = trace(m, "abstain")
    assert premises(m, "abstain") == t.premises
    assert basic_premises(m, "abstain") == t.basic_premises
    assert evidence_for(m, "abstain") == ("art35", "budapest")
    assert evidence_for(m, "flawed") == ("art35",)
    assert m.trace("abstain") == t  # the method on the map


def test_linked_versus_convergent_support() -> None:
    linked = ArgumentMap("linked")
    linked.recommendation("R.", id="r")
    linked.claim("P.", id="p")
    linked.claim("Q.", id="q")
    linked.argue(["p", "q"], "r", id="a")
    convergent = ArgumentMap("convergent")
    convergent.recommendation("R.", id="r")
    convergent.claim("P.", id="p")
    convergent.claim("Q.", id="q")
    convergent.argue(["p"], "r", id="a1")
    convergent.argue(["q"], "r", id="a2")
    # p holds r up alone when linked, not when an independent reason stands beside it
    assert trace(linked, "r").critical_premises == ("p", "q")
    assert trace(convergent, "r").critical_premises == ()
    assert trace(linked, "r").premises == trace(convergent, "r").premises == ("p", "q")
    assert trace(linked, "r").minimal_cut_sets(2) == [("p",), ("q",)]
    assert trace(convergent, "r").minimal_cut_sets(2) == [("p", "q")]


def test_support_cycle_terminates_and_is_reported() -> None:
    m = ArgumentMap("cycle")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.argue(["a"], "r", id="to_r")
    m.argue(["b"], "a", id="b_to_a")
    m.argue(["a"], "b", id="a_to_b")
    t = trace(m, "r")
    assert t.premises == ("a", "b")
    assert t.basic_premises == ()
    assert t.cycles == (("a", "b"),)
    assert t.paths == ()  # no basic premise to start from
    # a cycle never supports itself
    assert not t.supported
    assert t.critical_premises == ()
    assert t.minimal_cut_sets(2) == [()]
    assert t.complete_arguments == ()
    # an outside reason grounds the whole cycle, and everything on the way is critical
    m.evidence("E.", id="e")
    m.argue(["e"], "b", id="e_to_b")
    t = trace(m, "r")
    assert t.supported
    assert t.basic_premises == ("e",)
    assert t.critical_premises == ("a", "b", "e")
    assert t.cycles == (("a", "b"),)
    assert t.paths == (("e", "e_to_b", "b", "b_to_a", "a", "to_r", "r"),)


def test_cycle_through_the_root() -> None:
    m = ArgumentMap("round")
    m.claim("R.", id="r")
    m.claim("C.", id="c")
    m.argue(["c"], "r", id="c_r")
    m.argue(["r"], "c", id="r_c")
    t = trace(m, "r")
    assert t.premises == ("c",)  # the root is not its own premise
    assert t.arguments == ("c_r", "r_c")
    assert t.cycles == (("c", "r"),)
    assert not t.supported


def attacked_map() -> ArgumentMap:
    m = brief_like()
    m.claim("Its goals are laudable.", id="laudable")
    m.claim("Laudable goals do not fix the text.", id="reply")
    m.claim("Vagueness is normal in treaties.", id="normal")
    m.claim("Budapest is old.", id="old")
    m.claim("Unrelated.", id="unrelated")
    m.claim("Off the trace.", id="off")
    m.attack("laudable", "flawed", id="t_rebut")          # flawed is a conclusion: rebut
    m.attack("reply", "laudable", id="t_reply")           # answers t_rebut
    m.attack("normal", "a_vague", id="t_undercut")        # the inference: undercut
    m.attack("old", "budapest", id="t_undermine")         # a basic premise: undermine
    m.attack("unrelated", "off", id="t_elsewhere")        # not on the trace
    return m


def test_attacks_types_and_answers() -> None:
    t = trace(attacked_map(), "abstain")
    assert t.attacks == (
        TraceAttack("t_rebut", "laudable", "flawed", "rebut", True, ("t_reply",)),
        TraceAttack("t_undercut", "normal", "a_vague", "undercut", False, ()),
        TraceAttack("t_undermine", "old", "budapest", "undermine", False, ()),
    )
    # attacks do not change support: the trace is the same, the attackers are not premises
    assert "laudable" not in t.premises


def test_undercut_declared_and_on_root() -> None:
    m = brief_like()
    m.claim("Abstaining looks weak.", id="weak")
    m.attack("weak", "abstain", id="t_root", type="rebut")
    m.attack("weak", "a_alts", id="t_alts", type="undercut")
    t = trace(m, "abstain")
    assert [(a.id, a.target, a.type) for a in t.attacks] == [
        ("t_alts", "a_alts", "undercut"), ("t_root", "abstain", "rebut"),
    ]


def test_stances_and_actors_behind() -> None:
    m = brief_like()
    m.actor("U.S. Chamber of Commerce", id="chamber", type="organisation")
    m.actor("Jordan Heiber", id="heiber", type="person")
    m.actor("Russia", id="russia", type="state")
    m.stance("chamber", "asserts", "abstain", id="s1")
    m.stance("heiber", "asserts", "flawed", id="s2")
    m.stance("heiber", "endorses", "budapest", id="s3")
    m.stance("russia", "opposes", "flawed", id="s4")       # not behind
    m.stance("chamber", "addressed_by", "better", id="s5")  # not behind
    t = trace(m, "abstain")
    assert t.stances == (
        TraceStance("chamber", "asserts", "abstain", "s1"),
        TraceStance("heiber", "asserts", "flawed", "s2"),
        TraceStance("heiber", "endorses", "budapest", "s3"),
    )
    assert t.actors == ("chamber", "heiber")
    assert actors_behind(m, "abstain") == {"chamber": ("abstain",),
                                           "heiber": ("flawed", "budapest")}
    assert actors_behind(m, "better") == {"heiber": ("budapest",)}


def test_anchors_of_root_premises_and_arguments() -> None:
    m = brief_like()
    text = "We say the U.S. should abstain; the draft is flawed. Article 35 is vague."
    m.anchor("abstain", "should abstain", source="brief", text=text)
    m.anchor("flawed", "the draft is flawed", source="brief", text=text)
    m.anchor("a_vague", "Article 35 is vague", source="brief", text=text)
    m.anchor("brief", "We say", source="brief", text=text)  # the source itself: not traced
    t = trace(m, "abstain")
    got = [(a.node, a.source, a.quote, a.anchor.start, a.anchor.end) for a in t.anchors]
    assert got == [
        ("abstain", "brief", "should abstain", 16, 30),
        ("flawed", "brief", "the draft is flawed", 32, 51),
        ("a_vague", "brief", "Article 35 is vague", 53, 72),
    ]


def test_errors() -> None:
    m = brief_like()
    m.actor("Russia", id="russia")
    with pytest.raises(NodeNotFound, match="trace: no node 'nope'"):
        trace(m, "nope")
    with pytest.raises(KeyError):  # NodeNotFound refines KeyError
        trace(m, "nope")
    with pytest.raises(QueryError, match="'russia' is an actor, not a statement"):
        trace(m, "russia")
    with pytest.raises(QueryError, match="is an argument"):
        trace(m, "a_vague")
    with pytest.raises(QueryError, match="is a source"):
        trace(m, "brief")
    assert issubclass(QueryError, ArgmapError)
    t = trace(m, "abstain")
    with pytest.raises(NodeNotFound, match=r"Trace\.node: no node 'nope'"):
        t.node("nope")


def test_resolves_iri_text_and_node() -> None:
    m = brief_like()
    by_id = trace(m, "abstain")
    assert trace(m, m.iri_of("abstain")) == by_id
    assert trace(m, "should abstain") == by_id
    assert trace(m, m["abstain"]) == by_id


def test_trace_is_a_snapshot_and_the_index_follows_the_map() -> None:
    m = brief_like()
    before = trace(m, "abstain")
    ix = support_index(m)
    m.evidence("New fact.", id="new")
    m.argue(["new"], "flawed", id="a_new")
    m.remove("budapest")
    assert support_index(m) is not ix
    # the old trace still answers for the map as it was, even for views read only now
    assert before.premises == ("better", "flawed", "art35", "budapest", "vague")
    assert before.node("budapest").text == "76 nations are party to Budapest."
    after = trace(m, "abstain")
    assert after.premises == ("better", "flawed", "art35", "new", "vague")
    assert after != before


def test_canonical_whatever_the_building_order() -> None:
    m = brief_like()
    reordered = ArgumentMap.from_nodes(reversed(list(m.nodes())), name="brief")
    assert reordered == m
    assert trace(reordered, "abstain") == trace(m, "abstain")
    assert trace(reordered, "abstain").to_dict() == trace(m, "abstain").to_dict()


def test_repr_equality_and_hash() -> None:
    m = attacked_map()
    t = trace(m, "abstain")
    assert repr(t) == (
        "<Trace of 'abstain': 5 premises (3 basic, 2 evidence), 4 arguments, depth 2, "
        "3 attacks, 0 cycles, 8 open questions>"
    )
    assert t == trace(m, "abstain")
    assert hash(t) == hash(trace(m, "abstain"))
    assert t != trace(m, "flawed")
    assert t != "abstain"
    with pytest.raises(AttributeError):
        t.root = "other"  # type: ignore[misc]


def test_unargued_statement() -> None:
    m = ArgumentMap("bare")
    m.recommendation("Do it.", id="r")
    t = trace(m, "r")
    assert (t.premises, t.arguments, t.depth, t.paths) == ((), (), 0, ())
    assert not t.supported
    assert t.critical_premises == ()


def test_trace_all() -> None:
    m = brief_like()
    m.recommendation("Also this.", id="also")
    m.argue(["better"], "also", id="a_also")
    traces = trace_all(m)
    assert list(traces) == ["abstain", "also"]
    assert traces["also"].premises == ("better", "budapest")
    assert all(isinstance(t, Trace) for t in traces.values())
    assert trace_all(ArgumentMap("empty")) == {}


def test_map_methods() -> None:
    m = brief_like()
    assert m.trace("abstain").premises == trace(m, "abstain").premises  # type: ignore[attr-defined]
    assert m.critical_premises("flawed") == ("art35", "vague")  # type: ignore[attr-defined]
    assert m.what_if(["art35"]).lost == ("flawed",)  # type: ignore[attr-defined]
    assert argmap.trace is trace


def test_to_frame_with_and_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    t = trace(attacked_map(), "abstain")
    pd = pytest.importorskip("pandas")
    frame = t.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["root", "id", "kind", "role", "level", "basic", "evidence",
                                   "critical", "text", "actors", "quotes"]
    assert list(frame["role"]) == ["root"] + ["premise"] * 5 + ["argument"] * 4 + ["attack"] * 3
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    rows = t.to_frame()
    assert isinstance(rows, list)
    assert rows[0] == {"root": "abstain", "id": "abstain", "kind": "recommendation",
                       "role": "root", "level": 0, "basic": False, "evidence": False,
                       "critical": False, "text": "The U.S. should abstain.", "actors": "",
                       "quotes": ""}
    assert [r["id"] for r in rows] == list(frame["id"])


def test_large_chain_does_not_recurse() -> None:
    """A chain deeper than Python's recursion limit traces, explains and cuts."""
    n = sys.getrecursionlimit() + 200
    nodes: list[Any] = [argmap.Claim(id=f"c{i}", text=f"Claim {i}.") for i in range(n)]
    nodes += [argmap.Argument(id=f"a{i}", premises=(f"c{i + 1}",), conclusion=f"c{i}")
              for i in range(n - 1)]
    m = ArgumentMap.from_nodes(nodes, name="deep")
    t = trace(m, "c0")
    assert t.depth == n - 1
    assert len(t.paths) == 1 and len(t.paths[0]) == 2 * n - 1
    assert len(t.critical_premises) == n - 1
    assert argmap.explain(t).count("\n") > n


def test_trace_lists_the_critical_questions_of_its_arguments() -> None:
    from argmap.query import check_trace_json

    m = ArgumentMap("cq")
    m.recommendation("Act.", id="r")
    m.claim("A sign.", id="s")
    m.argue(["s"], "r", id="a", scheme="Sign")
    m.attack(m.claim("Other causes.", id="o"), "s", id="t", question="sign.other-causes")
    m.argue([m.claim("Unrelated.", id="u")], m.claim("Elsewhere.", id="e"), id="far",
            scheme="sign")
    t = trace(m, "r")
    assert [(q.argument, q.key, q.status, q.answered_by) for q in t.questions] == [
        ("a", "observed", "open", ()),
        ("a", "other-causes", "answered", ("t",)),
        ("a", "strength", "open", ()),
    ]  # only the trace's own arguments
    assert [q.key for q in t.open_questions] == ["observed", "strength"]
    assert repr(t).endswith(", 2 open questions>")
    d = t.to_dict()
    assert check_trace_json([d]) == []
    (arg,) = d["arguments"]
    assert arg["questions"][1] == {
        "question": "sign.other-causes", "key": "other-causes",
        "text": "Could the sign be explained by something else?", "answer_type": "undercut",
        "premise_role": None, "status": "answered", "answered_by": ["t"],
    }
    # a trace written before the key existed still conforms; a wrong status does not
    del arg["questions"]
    assert check_trace_json([d]) == []
    bad = t.to_dict()
    bad["arguments"][0]["questions"][0]["status"] = "maybe"
    assert check_trace_json([bad]) != []
    # no scheme: no questions, and the repr says nothing of them
    plain = ArgumentMap("p")
    plain.argue([plain.claim("P.", id="p")], plain.recommendation("R.", id="r"))
    assert trace(plain, "r").questions == []
    assert trace(plain, "r").to_dict()["arguments"][0]["questions"] == []
    assert "question" not in repr(trace(plain, "r"))


def test_trace_questions_are_a_snapshot() -> None:
    m = ArgumentMap("snap")
    m.argue([m.claim("P.", id="p")], m.recommendation("R.", id="r"), id="a", scheme="sign")
    t = trace(m, "r")
    m.attack(m.claim("Not seen.", id="n"), "p", id="t", question="observed")
    assert len(t.open_questions) == 3
    assert len(trace(m, "r").open_questions) == 2
