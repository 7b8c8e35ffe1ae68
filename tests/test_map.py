"""ArgumentMap: building, refusing, looking up, removing, copying, merging, comparing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import DuplicateNode, KindError, MergeConflict, ModelError, NodeNotFound

from strategies import maps


@pytest.fixture
def m() -> ArgumentMap:
    m = ArgumentMap("t", title="Test")
    m.actor("Chamber", type="organisation", id="chamber")
    m.actor("Russia", type="state", id="russia")
    m.source("The brief", id="brief", author="chamber", date="2024-08-28")
    m.claim("The draft text is flawed.", id="flawed")
    m.claim("The treaty was commandeered by Russia.", id="commandeered")
    m.evidence("76 nations are party to the Budapest Convention.", id="e76", source="brief")
    m.recommendation("The U.S. should abstain from the vote.", id="abstain")
    m.argue(["commandeered"], "flawed", id="a1")
    m.argue(["flawed", "e76"], "abstain", id="a2", scheme="practical reasoning")
    m.claim("The UN's goals are laudable.", id="laudable")
    m.attack("laudable", "flawed", id="t1")
    m.stance("chamber", "asserts", "abstain", id="s1")
    m.about("commandeered", "russia")
    return m


def test_builder_returns_nodes_and_builds_the_graph(m: ArgumentMap) -> None:
    assert m["a2"].premises == ("e76", "flawed")  # type: ignore[union-attr]
    edges = set(m.graph.edges(keys=True))
    assert ("flawed", "a2", "premise") in edges
    assert ("a2", "abstain", "conclusion") in edges
    assert ("laudable", "t1", "attacker") in edges
    assert ("t1", "flawed", "target") in edges
    assert ("chamber", "s1", "actor") in edges
    assert ("commandeered", "russia", "about") in edges
    assert ("e76", "brief", "source") in edges


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.argue(["flawed"], "russia"), "concludes in a statement"),
        (lambda m: m.argue(["russia"], "flawed"), "premise 'russia' is an actor"),
        (lambda m: m.attack("laudable", "russia"), "target 'russia' is an actor"),
        (lambda m: m.attack("chamber", "flawed"), "attacker 'chamber' is an actor"),
        (lambda m: m.stance("flawed", "asserts", "abstain"), "actor 'flawed' is a claim"),
        (lambda m: m.stance("chamber", "asserts", "russia"), "target 'russia' is an actor"),
        (lambda m: m.about("russia", "flawed"), "statement 'russia' is an actor"),
        (
            lambda m: m.attack("laudable", "a1", type="rebut"),
            "attacks on an argument are undercuts",
        ),
        (
            lambda m: m.attack("laudable", "abstain", type="undercut"),
            "undercut attacks an argument",
        ),
        (lambda m: m.evidence("X.", source="chamber"), "source 'chamber' is an actor"),
    ],
)
def test_wrong_kinds_are_refused(m: ArgumentMap, call: object, message: str) -> None:
    before = m.copy()
    with pytest.raises(KindError, match=message):
        call(m)  # type: ignore[operator]
    assert m == before


def test_bad_values_are_refused_with_argmap_errors(m: ArgumentMap) -> None:
    with pytest.raises(ModelError, match="non-empty text"):
        m.claim("  ")
    with pytest.raises(ModelError, match="role"):
        m.stance("chamber", "likes", "flawed")
    with pytest.raises(NodeNotFound, match="'nowhere'"):
        m.argue(["nowhere"], "flawed")


def test_adding_twice_is_idempotent_but_conflicts_are_refused(m: ArgumentMap) -> None:
    n = len(m)
    m.claim("The draft text is flawed.", id="flawed")
    assert len(m) == n
    with pytest.raises(DuplicateNode, match="already taken"):
        m.claim("Something else.", id="flawed")
    with pytest.raises(DuplicateNode):
        m.evidence("The draft text is flawed.", id="flawed")


def test_lookup_by_id_iri_text_and_substring(m: ArgumentMap) -> None:
    assert m.resolve("abstain") == "abstain"
    assert m.resolve(m.iri_of("abstain")) == "abstain"
    assert m.resolve("The U.S. should abstain from the vote.") == "abstain"
    assert m.resolve("should ABSTAIN") == "abstain"
    assert m.resolve(m["abstain"]) == "abstain"
    assert "abstain" in m and "nothing like it" not in m
    with pytest.raises(NodeNotFound, match="matches 5 statements"):
        m.resolve("the")
    assert m.get("missing") is None


def test_stale_node_objects_still_resolve(m: ArgumentMap) -> None:
    c = m.claim("A fresh claim.", id="fresh")
    m.anchor(c, "fresh", source="brief", start=0, end=5)
    m.argue([c], "abstain", id="a3")
    assert m["a3"].premises == ("fresh",)  # type: ignore[union-attr]


def test_iteration_by_kind(m: ArgumentMap) -> None:
    assert {n.id for n in m.statements()} == {
        "flawed",
        "commandeered",
        "e76",
        "abstain",
        "laudable",
    }
    assert [n.id for n in m.recommendations()] == ["abstain"]
    assert {n.id for n in m.nodes(("actor", "source"))} == {"chamber", "russia", "brief"}
    with pytest.raises(ModelError):
        list(m.nodes("banana"))


def test_neighbourhood_queries(m: ArgumentMap) -> None:
    assert [a.id for a in m.arguments_for("abstain")] == ["a2"]
    assert [a.id for a in m.arguments_using("flawed")] == ["a2"]
    assert [t.id for t in m.attacks_on("flawed")] == ["t1"]
    assert [t.id for t in m.attacks_by("laudable")] == ["t1"]
    assert [s.id for s in m.stances_on("abstain")] == ["s1"]
    assert [s.id for s in m.stances_of("chamber")] == ["s1"]
    assert m.about_of("commandeered") == ["russia"]


def test_attack_types_derived_from_the_target(m: ArgumentMap) -> None:
    assert m.attack_type("t1") == "rebut"  # flawed is a conclusion (of a1)
    t = m.attack("laudable", "e76")
    assert m.attack_type(t) == "undermine"  # e76 is only a premise
    u = m.attack("laudable", "a2")
    assert m.attack_type(u) == "undercut"


def test_remove_cascades(m: ArgumentMap) -> None:
    removed = m.remove("commandeered")
    # a1 had commandeered as its only premise; the about edge goes with the node
    assert removed == ["a1", "commandeered"]
    assert "a1" not in m and not list(m.abouts())
    removed = m.remove("e76")
    assert removed == ["e76"]
    assert m["a2"].premises == ("flawed",)  # type: ignore[union-attr]
    assert m.remove("flawed") == ["a2", "flawed", "t1"]
    assert m.remove("chamber") == ["chamber", "s1"]
    assert m["brief"].author is None  # type: ignore[union-attr]


def test_remove_source_drops_its_anchors(m: ArgumentMap) -> None:
    m.anchor("flawed", "flawed", source="brief", text="The text is flawed.")
    m.remove("brief")
    assert m["flawed"].anchors == ()
    assert m["e76"].source is None  # type: ignore[union-attr]


def test_anchor_finds_quotes(m: ArgumentMap) -> None:
    text = "one flawed two flawed three"
    a = m.anchor("flawed", "flawed", source="brief", text=text, occurrence=2)
    assert (a.start, a.end, a.prefix, a.suffix) == (15, 21, "one flawed two ", " three")
    with pytest.raises(ModelError, match="not in the text"):
        m.anchor("flawed", "absent", source="brief", text=text)


def test_copy_is_independent_and_equal(m: ArgumentMap) -> None:
    c = m.copy()
    assert c == m
    c.claim("Only in the copy.")
    assert c != m
    assert "Only in the copy." not in m


def test_equality_ignores_insertion_order() -> None:
    def build(order: list[int]) -> ArgumentMap:
        m = ArgumentMap("o")
        steps = [
            lambda: m.claim("P.", id="p"),
            lambda: m.claim("Q.", id="q"),
            lambda: m.recommendation("R.", id="r"),
        ]
        for i in order:
            steps[i]()
        m.argue(["q", "p"], "r")
        return m

    a, b = build([0, 1, 2]), build([2, 1, 0])
    assert a == b
    assert argmap.dumps(a, "turtle") == argmap.dumps(b, "turtle")
    assert {n.id for n in a} == {n.id for n in b}


def test_minted_ids_are_deterministic() -> None:
    a = ArgumentMap("d")
    b = ArgumentMap("d")
    for m in (a, b):
        p = m.claim("Premise text.")
        c = m.claim("Conclusion text.")
        m.argue([p], c)
    assert {n.id for n in a} == {n.id for n in b}
    assert any(n.id.startswith("premise-text-") for n in a)


def test_merge_identifies_by_iri(m: ArgumentMap) -> None:
    other = ArgumentMap("t")
    other.claim("The draft text is flawed.", id="flawed")
    other.source("The brief 2", id="brief2")
    other.claim("New claim.", id="new")
    other.anchor("flawed", "flawed", source="brief2", start=1, end=7)
    other.argue(["new"], "flawed", id="a9")
    m.merge(other)
    assert "new" in m and "a9" in m
    assert len(m["flawed"].anchors) == 1


def test_merge_conflict_leaves_map_unchanged(m: ArgumentMap) -> None:
    other = ArgumentMap("t")
    other.claim("A different text.", id="flawed")
    other.claim("Extra.", id="extra")
    before = m.copy()
    with pytest.raises(MergeConflict, match="differs"):
        m.merge(other)
    assert m == before


def test_graph_view_is_read_only(m: ArgumentMap) -> None:
    import networkx as nx

    with pytest.raises(nx.NetworkXError):
        m.graph.add_node("x")
    with pytest.raises(TypeError, match="read-only"):
        m.graph.edges["flawed", "a2", "premise"]["w"] = 1
    g = m.to_networkx()
    g.nodes["flawed"]["w"] = 1  # a copy may be annotated
    assert g.nodes["abstain"]["kind"] == "recommendation"
    assert g.nodes["t1"]["attack_type"] == "rebut"


def test_labels_and_strengths(m: ArgumentMap) -> None:
    m.set_labels({"abstain": "IN", "flawed": "UNDEC"}, semantics="grounded")
    m.set_strengths({"abstain": 0.75})
    back = argmap.loads(argmap.dumps(m, "turtle"), "turtle")
    assert back.labels == {"abstain": "IN", "flawed": "UNDEC"}
    assert back.strengths == {"abstain": 0.75}
    assert back.semantics == "grounded"
    with pytest.raises(ModelError):
        m.set_labels({"abstain": "MAYBE"}, semantics="grounded")
    with pytest.raises(ModelError):
        m.set_strengths({"abstain": 1.5})


def test_repr_and_counts(m: ArgumentMap) -> None:
    assert "3 claim" in repr(m)
    assert m.counts()["argument"] == 2


@settings(max_examples=100)
@given(maps(recursive_attacks=True), st.data())
def test_removal_keeps_the_map_consistent(m: ArgumentMap, data: st.DataObject) -> None:
    ids = sorted(n.id for n in m)
    victim = data.draw(st.sampled_from(ids))
    removed = m.remove(victim)
    assert victim in removed
    # what is left reloads cleanly: no dangling reference survived the cascade
    assert argmap.loads(argmap.dumps(m, "nt"), "nt") == m
    for u, v in m.graph.edges():
        assert u in m._nodes and v in m._nodes


@settings(max_examples=50)
@given(maps(recursive_attacks=True))
def test_copy_equals_and_merge_into_empty_equals(m: ArgumentMap) -> None:
    assert m.copy() == m
    empty = ArgumentMap(m.name, iri=m.iri, title=m.title)
    empty.merge(m)
    assert empty == m
