"""Traces stored beside a map at push time (argmap.store.traces) and the live path.

A trace read from the companion graph must equal the trace of the pushed map in memory,
on every backend; a companion is never read for another version of the map; a failed
push keeps the old map and its companion; a companion that is damaged is not used.
"""

from __future__ import annotations

import base64
import json
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.errors import StoreError, StoreProtocolError
from argmap.query import trace as trace_in_memory
from argmap.store import Store, delete, gc, open_store, pull, push, resolve, trace
from argmap.store._traceread import Unreadable, decode
from argmap.store.push import _named_graphs, data_graph_name
from argmap.store.traces import companion_lines, companion_name, stored_trace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from strategies import maps

SERVER_EXAMPLES = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],
)
LOCAL_EXAMPLES = settings(max_examples=60, deadline=None)


def _root_premise_elsewhere() -> ArgumentMap:
    """A recommendation with no argument that is a premise of another argument, attacked
    with no declared type: the map calls that attack an undermine."""
    m = ArgumentMap("elsewhere")
    r = m.recommendation("Abstain from the vote.", id="r")
    _ = m.argue([r], m.claim("The vote is lost anyway.", id="c"), id="a")
    _ = m.attack(m.claim("Abstaining costs allies.", id="x"), r, id="t")
    _ = m.stance(m.actor("Chamber", id="chamber"), "asserts", r, id="s")
    return m


def _same(ours: Any, theirs: Any) -> None:
    assert ours == theirs
    assert ours.to_dict() == theirs.to_dict()
    assert ours.to_sets() == theirs.to_sets()
    assert list(ours.questions) == list(theirs.questions)
    assert ours.supported == theirs.supported
    assert ours.critical_premises == theirs.critical_premises


# ---------------------------------------------------------------------- every backend


@SERVER_EXAMPLES
@given(m=maps(recursive_attacks=True))
def test_stored_traces_equal_in_memory(triple_store: Store, m: ArgumentMap) -> None:
    info = push(m, triple_store)
    recs = sorted(r.id for r in m.recommendations())
    assert info.traces == len(recs)
    assert resolve(triple_store, m.iri).traces == len(recs)  # type: ignore[union-attr]
    for rec in recs:
        stored = stored_trace(triple_store, m.iri, rec)
        assert stored is not None, rec
        _same(stored, trace_in_memory(m, rec))
        by_iri = stored_trace(triple_store, m.iri, m.iri_of(rec))
        assert by_iri == stored
        _same(trace(triple_store, m.iri, rec), trace_in_memory(m, rec))


@SERVER_EXAMPLES
@given(m=maps(recursive_attacks=True))
def test_live_path_equals_in_memory(triple_store: Store, m: ArgumentMap) -> None:
    push(m, triple_store, traces=False)
    assert resolve(triple_store, m.iri).traces is None  # type: ignore[union-attr]
    for node in m.statements():
        _same(trace(triple_store, m.iri, node.id), trace_in_memory(m, node.id))


def test_live_path_types_an_attack_on_a_root_used_as_a_premise(triple_store: Store) -> None:
    m = _root_premise_elsewhere()
    assert m.attack_type("t") == "undermine"
    push(m, triple_store, traces=False)
    live = trace(triple_store, m.iri, "r")
    assert [a.type for a in live.attacks] == ["undermine"]
    _same(live, trace_in_memory(m, "r"))
    push(m, triple_store)
    stored = stored_trace(triple_store, m.iri, "r")
    assert stored is not None and [a.type for a in stored.attacks] == ["undermine"]
    _same(stored, trace_in_memory(m, "r"))


def test_no_stale_companion_after_a_push_without_traces(triple_store: Store) -> None:
    m = _root_premise_elsewhere()
    push(m, triple_store)
    assert stored_trace(triple_store, m.iri, "r") is not None
    edited = m.copy()
    _ = edited.argue([edited.evidence("Allies abstain too.", id="e")], "r", id="a2")
    info = push(edited, triple_store, traces=False)
    assert info.traces is None
    assert stored_trace(triple_store, m.iri, "r") is None
    _same(trace(triple_store, m.iri, "r"), trace_in_memory(edited, "r"))
    assert trace(triple_store, m.iri, "r") != trace_in_memory(m, "r")
    names = set(_named_graphs(triple_store))
    assert not any(n.endswith("-traces") for n in names)  # the old companion went too
    assert delete(triple_store, m.iri)


def test_delete_and_replace_remove_the_companion(triple_store: Store) -> None:
    m = _root_premise_elsewhere()
    first = push(m, triple_store)
    second = push(m, triple_store)
    names = set(_named_graphs(triple_store))
    assert companion_name(second.data_graph) in names
    assert companion_name(first.data_graph) not in names
    assert delete(triple_store, m.iri)
    assert not [n for n in _named_graphs(triple_store) if n.startswith(m.iri)]


def test_failed_push_keeps_the_old_map_and_its_companion(triple_store: Store) -> None:
    m = _root_premise_elsewhere()
    old = push(m, triple_store)
    edited = m.copy()
    _ = edited.claim("Another claim.", id="z")

    class Failing:
        """The store, refusing the swap (the companion is uploaded by then)."""

        def __init__(self, inner: Store) -> None:
            self.inner = inner

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

        def update(self, text: str) -> None:
            if "st:current" in text and "INSERT" in text:
                raise StoreError("refused for the test")
            self.inner.update(text)

    with pytest.raises(StoreError, match="refused for the test"):
        push(edited, Failing(triple_store))  # type: ignore[arg-type]
    info = resolve(triple_store, m.iri)
    assert info is not None and info.data_graph == old.data_graph and info.traces == 1
    assert pull(triple_store, m.iri) == m
    _same(stored_trace(triple_store, m.iri, "r"), trace_in_memory(m, "r"))
    names = set(_named_graphs(triple_store))
    assert {n for n in names if n.endswith("-traces")} == {companion_name(old.data_graph)}


# ---------------------------------------------------------------------- embedded only


def test_damaged_companion_is_not_used() -> None:
    m = _root_premise_elsewhere()
    store = open_store(None)
    info = push(m, store)
    target = companion_name(info.data_graph)
    store.update(
        f"DELETE {{ GRAPH <{target}> {{ ?r <https://w3id.org/argmap/store#trace> ?t }} }}\n"
        f"INSERT {{ GRAPH <{target}> {{ ?r <https://w3id.org/argmap/store#trace> \"bm90\" }} }}\n"
        f"WHERE {{ GRAPH <{target}> {{ ?r <https://w3id.org/argmap/store#trace> ?t }} }}"
    )
    with pytest.warns(UserWarning, match="not a stored trace"):
        assert stored_trace(store, m.iri, "r") is None
    with pytest.warns(UserWarning):
        _same(trace(store, m.iri, "r"), trace_in_memory(m, "r"))


def _small() -> ArgumentMap:
    m = ArgumentMap("small")
    r = m.recommendation("Abstain from the vote.", id="r")
    _ = m.argue([m.claim("The text is flawed.", id="c"), m.evidence("Article 35.", id="e")], r,
                id="a")
    return m


def _doc(m: ArgumentMap, data: str = "urn:d") -> dict[str, Any]:
    """A stored trace's two parts: the structure read at once, ``nodes`` made on first use."""
    payload = list(companion_lines(m, data))[1].split('"')[1]
    head, _, rest = zlib.decompress(base64.b64decode(payload)).partition(b"\n")
    doc: dict[str, Any] = json.loads(head)
    doc["nodes"] = json.loads(rest)
    return doc


def _encode(doc: dict[str, Any]) -> str:
    doc = dict(doc)
    nodes = doc.pop("nodes")
    text = (json.dumps(doc) + "\n" + json.dumps(nodes)).encode()
    return base64.b64encode(zlib.compress(text)).decode()


def test_a_trace_for_another_version_is_refused() -> None:
    doc = _doc(_root_premise_elsewhere())
    with pytest.raises(Unreadable, match="written for data graph"):
        decode(_encode(doc), "urn:other", "here")


@pytest.mark.parametrize(
    ("kind", "field", "bad"),
    [
        ("claim", "id", "not an id"),
        ("claim", "text", "   "),
        ("claim", "text", "bad \x01 character"),
        ("recommendation", "anchors", [["not an id", "q", None, None, "", ""]]),
        ("recommendation", "anchors", [["src", "q", 5, 2, "", ""]]),
        ("evidence", "source", 3),
        ("argument", "premises", ["c", "c"]),
        ("argument", "premises", ["e", "c"]),
        ("argument", "conclusion", "c"),
        ("argument", "scheme", "bad \x02"),
    ],
)
def test_invalid_stored_nodes_are_refused(kind: str, field: str, bad: Any) -> None:
    doc = _doc(_small())
    row = doc["nodes"][kind][0]
    row[field] = bad
    t = decode(_encode(doc), "urn:d", "the stored trace")
    with pytest.raises(StoreProtocolError, match="the stored trace"):
        t.to_dict()


@LOCAL_EXAMPLES
@given(m=maps(recursive_attacks=True), data=st.just("urn:test:d"))
def test_decoded_traces_equal_in_memory(m: ArgumentMap, data: str) -> None:
    lines = list(companion_lines(m, data))
    assert len(lines) == 2 * len(list(m.recommendations()))
    for line in lines[1::2]:
        t = decode(line.split('"')[1], data, "here")
        _same(t, trace_in_memory(m, t.root))


def test_gc_takes_a_companion_left_by_a_dead_push() -> None:
    store = open_store(None)
    m = _root_premise_elsewhere()
    push(m, store)
    from datetime import UTC, datetime, timedelta

    dead = data_graph_name(m.iri, datetime.now(UTC) - timedelta(hours=3))
    store.append(companion_name(dead), b"<urn:x> <urn:p> <urn:o> .\n")
    assert gc(store) == [companion_name(dead)]
    assert stored_trace(store, m.iri, "r") is not None


def test_cli_push_no_traces(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import argmap
    from argmap.cli import app

    m = _root_premise_elsewhere()
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    location = str(tmp_path / "store")
    runner = CliRunner()
    result = runner.invoke(app, ["push", str(path), "--store", location, "--no-traces"])
    assert result.exit_code == 0, result.output
    assert "traces stored" not in result.stdout
    with open_store(location) as store:
        assert resolve(store, m.iri).traces is None  # type: ignore[union-attr]
    result = runner.invoke(app, ["push", str(path), "--store", location])
    assert result.exit_code == 0, result.output
    assert "1 traces stored" in result.stdout
    with open_store(location) as store:
        assert resolve(store, m.iri).traces == 1  # type: ignore[union-attr]
