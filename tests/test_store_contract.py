"""One contract for every triple store backend: embedded, Oxigraph server, Virtuoso server.

Every test takes the ``store`` fixture (tests/servers.py), parametrised over the three
backends, each empty at the start. The same assertions must hold on all three: what is
pushed is pulled back equal, replacing is atomic and leaves no old data, and every query
answered by the store equals its in-memory twin.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import NodeNotFound, QueryError, StoreError
from argmap.query import trace as trace_in_memory
from argmap.query import unsupported
from argmap.query.sparql import unsupported_sets as unsupported_in_memory
from argmap.store import (
    CATALOG,
    Store,
    delete,
    gc,
    graphs,
    pull,
    push,
    recommendations_resting_on,
    resolve,
    resolve_node,
    run_query,
    shared_actors,
    trace,
    trace_sets,
    unsupported_sets,
)
from argmap.store.push import _named_graphs, data_graph_name

sys.path.insert(
    0, str(Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention")
)
from servers import empty_store
from strategies import maps

SERVER_EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# No shrinking: each step is a push to a server, and a shrink can run for many minutes.
NO_SHRINK = settings(SERVER_EXAMPLES, phases=[Phase.explicit, Phase.generate])
# Many pushes into one server. When Virtuoso 7.2.5 still evaluated the trace's transitive
# paths itself, its lost answers showed after some hundred pushes; with that evaluation
# put back, the many-pushes test failed within 200 maps in each of 3 runs (docs/stores.md).
# The other backends never lost an answer; they get 40 random maps each. The hunt runs on
# a Virtuoso server of its own (what it leaves behind must not reach the other tests), 60
# pushes by default; ARGMAP_STORE_EXAMPLES=200 is the long hunt. On 2026-12-02, with maps
# that hold attacks on attacks, the long hunt lost answers in 1 of 3 runs: an open problem.
MANY_PUSHES = settings(NO_SHRINK, max_examples=int(os.environ.get("ARGMAP_STORE_EXAMPLES", "60")))


@pytest.fixture
def store(triple_store: Store) -> Store:
    """An empty store of each kind (``triple_store`` from tests/servers.py)."""
    return triple_store


@pytest.fixture(scope="module")
def brief() -> ArgumentMap:
    """The example map of the U.S. Chamber of Commerce brief."""
    import build_map

    return build_map.build()


def _statement_roots(m: ArgumentMap) -> list[str]:
    return sorted(n.id for n in m.statements())


# ---------------------------------------------------------------------- push and pull


def test_push_pull_round_trip(store: Store, brief: ArgumentMap) -> None:
    info = push(brief, store)
    assert info.graph == brief.iri
    assert info.triples == len(argmap.dumps(brief, "nt").splitlines())
    assert pull(store, brief.iri) == brief
    assert [g.graph for g in graphs(store)] == [brief.iri]


def test_push_in_small_batches_equals_one_batch(store: Store, brief: ArgumentMap) -> None:
    calls: list[tuple[int, int]] = []
    push(
        brief, store, "urn:test:small", batch_triples=37, on_batch=lambda s, t: calls.append((s, t))
    )
    assert len(calls) > 5 and calls[-1][0] == calls[-1][1]
    assert pull(store, "urn:test:small") == brief


@SERVER_EXAMPLES
@given(m=maps(recursive_attacks=True))
def test_random_maps_round_trip(store: Store, m: ArgumentMap) -> None:
    push(m, store, "urn:test:random")
    assert pull(store, "urn:test:random") == m


def test_replace_is_whole_and_leaves_no_old_data(store: Store, brief: ArgumentMap) -> None:
    small = ArgumentMap("small", iri=brief.iri)
    small.claim("Only this.", id="only")
    first = push(brief, store)
    second = push(small, store)
    assert first.data_graph != second.data_graph
    assert pull(store, brief.iri) == small
    named = _named_graphs(store)
    assert first.data_graph not in named
    assert second.data_graph in named
    assert [g.data_graph for g in graphs(store)] == [second.data_graph]
    # and back again
    push(brief, store)
    assert pull(store, brief.iri) == brief


def test_two_maps_under_their_own_graphs(store: Store, brief: ArgumentMap) -> None:
    other = ArgumentMap("other")
    other.claim("Something else.", id="c")
    push(brief, store)
    push(other, store)
    push(other, store, "urn:test:copy")
    assert [g.graph for g in graphs(store)] == sorted([brief.iri, other.iri, "urn:test:copy"])
    assert pull(store, "urn:test:copy") == other
    assert pull(store, brief.iri) == brief


def test_delete(store: Store, brief: ArgumentMap) -> None:
    info = push(brief, store)
    assert delete(store, brief.iri) is True
    assert graphs(store) == []
    assert info.data_graph not in _named_graphs(store)
    assert delete(store, brief.iri) is False
    with pytest.raises(StoreError, match="no map under"):
        pull(store, brief.iri)


def test_pull_missing_graph(store: Store) -> None:
    with pytest.raises(StoreError, match="no map under <urn:test:nothing>"):
        pull(store, "urn:test:nothing")


def test_pull_reads_a_plain_graph(store: Store, brief: ArgumentMap) -> None:
    """A map loaded into a named graph by another tool is read as it is."""
    store.append("urn:test:plain", argmap.dumps(brief, "nt").encode("utf-8"))
    assert resolve(store, "urn:test:plain") is None
    assert pull(store, "urn:test:plain") == brief
    assert (
        trace_sets(store, "urn:test:plain", "abstain")
        == trace_in_memory(brief, "abstain").to_sets()
    )
    assert delete(store, "urn:test:plain") is True
    assert "urn:test:plain" not in _named_graphs(store)


def test_bad_graph_iri_is_refused_before_anything_is_sent(store: Store) -> None:
    m = ArgumentMap("x")
    m.claim("C.", id="c")
    with pytest.raises(QueryError, match="not an IRI"):
        push(m, store, "urn:test:a> } ; DROP ALL ; <urn:x")
    assert graphs(store) == []


def test_gc_removes_only_old_orphans(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    old = data_graph_name(brief.iri, datetime.now(UTC) - timedelta(hours=2))
    recent = data_graph_name(brief.iri)
    for name in (old, recent):
        store.append(name, b"<urn:test:s> <urn:test:p> <urn:test:o> .\n")
    assert gc(store) == [old]
    named = _named_graphs(store)
    assert old not in named and recent in named
    assert gc(store, older_than=timedelta(0)) == [recent]
    assert pull(store, brief.iri) == brief


def test_catalog_is_plain_rdf(store: Store, brief: ArgumentMap) -> None:
    info = push(brief, store)
    rows = run_query(
        store,
        "SELECT ?d WHERE { GRAPH $catalog { $g <https://w3id.org/argmap/store#current> ?d } }",
        catalog=_iri(CATALOG),
        g=_iri(brief.iri),
    )
    assert rows == [{"d": info.data_graph}]


def _iri(value: str) -> object:
    import pyoxigraph as ox

    return ox.NamedNode(value)


# ---------------------------------------------------------------------- queries, one map


def test_trace_sets_equal_in_memory(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    for root in _statement_roots(brief):
        assert trace_sets(store, brief.iri, root) == trace_in_memory(brief, root).to_sets(), root


def test_full_trace_equals_in_memory(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    for rec in brief.recommendations():
        ours = trace(store, brief.iri, rec.id)
        theirs = trace_in_memory(brief, rec.id)
        assert ours.to_dict() == theirs.to_dict()
        assert ours == theirs


def test_unsupported_equals_in_memory(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    assert unsupported_sets(store, brief.iri) == unsupported_in_memory(brief, unsupported(brief))


def _queries_equal_in_memory(store: Store, m: ArgumentMap, data: st.DataObject) -> None:
    push(m, store, "urn:test:q")
    roots = _statement_roots(m)
    root = data.draw(st.sampled_from(roots))
    assert trace_sets(store, "urn:test:q", m.iri_of(root)) == trace_in_memory(m, root).to_sets()
    assert (
        trace(store, "urn:test:q", m.iri_of(root)).to_dict() == trace_in_memory(m, root).to_dict()
    )
    assert unsupported_sets(store, "urn:test:q") == unsupported_in_memory(m, unsupported(m))


@settings(NO_SHRINK, max_examples=40)
@given(m=maps(recursive_attacks=True), data=st.data())
def test_random_map_queries_equal_in_memory(
    store: Store, m: ArgumentMap, data: st.DataObject
) -> None:
    _queries_equal_in_memory(store, m, data)


@pytest.fixture
def virtuoso_store(fresh_virtuoso: Any) -> Iterator[Store]:
    """A Virtuoso server of its own (the backend whose lost answers needed many pushes to
    show, docs/stores.md)."""
    with fresh_virtuoso.connect() as remote:
        yield remote


@MANY_PUSHES
@given(m=maps(recursive_attacks=True), data=st.data())
def test_many_pushes_into_virtuoso_keep_queries_equal(
    virtuoso_store: Store, m: ArgumentMap, data: st.DataObject
) -> None:
    """Hundreds of pushes into one Virtuoso server: its answers stay equal to memory."""
    _queries_equal_in_memory(virtuoso_store, m, data)


def test_resolve_node(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    abstain = brief.iri_of("abstain")
    assert resolve_node(store, brief.iri, "abstain") == abstain
    assert resolve_node(store, brief.iri, abstain) == abstain
    assert resolve_node(store, brief.iri, brief["abstain"].text) == abstain
    assert resolve_node(store, brief.iri, brief.iri_of(brief.resolve("should abstain"))) == abstain
    with pytest.raises(NodeNotFound):
        resolve_node(store, brief.iri, "no such node anywhere")


def test_literal_parameters_cannot_break_out(store: Store, brief: ArgumentMap) -> None:
    push(brief, store)
    evil = '"} } ; DROP ALL ; SELECT * { ?s ?p "'
    rows = run_query(
        store, "SELECT ?n WHERE { ?n <https://w3id.org/argmap/ns#text> $t }", brief.iri, t=evil
    )
    assert rows == []
    assert pull(store, brief.iri) == brief


# ---------------------------------------------------------------------- queries, many maps


def _three_maps() -> dict[str, ArgumentMap]:
    chamber = "https://example.org/actor/chamber"
    a = ArgumentMap("cross-a")
    x = a.actor("U.S. Chamber of Commerce", id="chamber", iri=chamber)
    r = a.recommendation("Abstain.", id="abstain")
    c1 = a.claim("The text is flawed.", id="flawed")
    c2 = a.claim("Flaws invite abuse.", id="abuse")
    e = a.evidence("Article 35 is vague.", id="art35")
    a.argue([c1], r, id="a1")
    a.argue([c2, e], c1, id="a2")
    a.stance(x, "asserts", c2)
    a.stance(x, "asserts", r)  # the recommendation itself is not its own premise
    b = ArgumentMap("cross-b")
    local = b.actor("The Chamber", id="uscc", same_as=(chamber,))
    other = b.actor("Russia", id="russia", iri="https://example.org/actor/russia")
    r2 = b.recommendation("Work on the flaws.", id="work")
    c3 = b.claim("Flaws can be fixed.", id="fixable")
    b.argue([c3], r2, id="b1")
    b.stance(local, "asserts", c3)
    b.stance(other, "opposes", c3)
    c = ArgumentMap("cross-c")
    c.actor("Russia", id="russia", iri="https://example.org/actor/russia")
    c.recommendation("Vote yes.", id="yes")
    return {"urn:test:map-a": a, "urn:test:map-b": b, "urn:test:map-c": c}


def test_cross_map_queries_equal_in_memory(store: Store) -> None:
    maps_by_graph = _three_maps()
    for graph, m in maps_by_graph.items():
        push(m, store, graph)
    chamber = "https://example.org/actor/chamber"
    in_store = recommendations_resting_on(store, chamber)
    assert in_store == recommendations_resting_on(maps_by_graph, chamber)
    assert [(r.graph, r.recommendation.rsplit("/", 1)[1]) for r in in_store] == [
        ("urn:test:map-a", "abstain"),
        ("urn:test:map-b", "work"),
    ]
    assert recommendations_resting_on(store, "https://example.org/actor/russia") == []
    shared = shared_actors(store)
    assert shared == shared_actors(maps_by_graph)
    assert {s.actor for s in shared} == {chamber, "https://example.org/actor/russia"}


def test_cross_map_queries_see_only_current_versions(store: Store) -> None:
    maps_by_graph = _three_maps()
    for graph, m in maps_by_graph.items():
        push(m, store, graph)
    # a failed push's leftovers and a replaced version must not count
    store.append(
        data_graph_name("urn:test:map-c"),
        argmap.dumps(maps_by_graph["urn:test:map-a"], "nt").encode("utf-8"),
    )
    replaced = ArgumentMap("cross-b")
    replaced.claim("Nothing here now.", id="nothing")
    push(replaced, store, "urn:test:map-b")
    maps_by_graph["urn:test:map-b"] = replaced
    chamber = "https://example.org/actor/chamber"
    assert recommendations_resting_on(store, chamber) == recommendations_resting_on(
        maps_by_graph, chamber
    )
    assert shared_actors(store) == shared_actors(maps_by_graph)


@settings(
    SERVER_EXAMPLES,
    suppress_health_check=[*SERVER_EXAMPLES.suppress_health_check, HealthCheck.data_too_large],
)
@given(st.lists(maps(max_statements=6), min_size=1, max_size=3))
def test_resting_on_equals_in_memory_on_random_maps(store: Store, drawn: list[ArgumentMap]) -> None:
    # Virtuoso walks the support from each premise (argmap's steps), the others in one
    # query: both must give what the maps say, for every actor and every alias of one
    empty_store(store)
    maps_by_graph = {f"urn:test:resting-{i}": m for i, m in enumerate(drawn)}
    for graph, m in maps_by_graph.items():
        push(m, store, graph)
    actors = {iri for m in drawn for a in m.actors() for iri in (m.iri_of(a.id), *a.same_as)}
    for actor in sorted(actors):
        expected = recommendations_resting_on(maps_by_graph, actor)
        assert recommendations_resting_on(store, actor) == expected, actor
