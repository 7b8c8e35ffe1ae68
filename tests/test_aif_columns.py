"""argmap.io._aif_columns: the column-wise checks reject exactly what the record checks
reject, and the document, the map and every located error come out the same.

Each property builds a sound AIF document, mutates a few records (a field set to a value
of another type, an id reused, an edge to a missing node, a record that is not an object,
a text RDF cannot carry, ...), and reads it twice: as the library does (columns first) and
with the column checks switched off (records only, the careful path).
"""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, LimitExceeded
from argmap.io import _aif_columns, _aif_schema, aif
from argmap.io._aif_columns import edges_by_column, nodes_by_column, refs_by_column
from argmap.io._imports import import_aif
from argmap.io._report import ImportReport

ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    7,
    -1,
    1.5,
    "",
    " ",
    "\t",
    "x",
    " 7",
    "I",
    "RA",
    "XA",
    "a\x00b",
    "\ud800",
    [],
    {},
    ["I"],
]


def sound_document(n: int) -> dict[str, Any]:
    """L -> YA -> I for ``n`` speakers' statements, RA-nodes between neighbours, locutions."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def node(ntype: str, text: str) -> str:
        nid = str(100 + len(nodes))
        nodes.append({"nodeID": nid, "text": text, "type": ntype, "timestamp": "t"})
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(900 + len(edges)), "fromID": a, "toID": b})

    claims = []
    for i in range(n):
        loc = node("L", f"Speaker{i % 3} : words {i}")
        ya = node("YA", "Asserting")
        claim = node("I", f"words {i}")
        edge(loc, ya)
        edge(ya, claim)
        locutions.append({"nodeID": loc, "personID": str(i % 3)})
        claims.append(claim)
    for a, b in itertools.pairwise(claims):
        ra = node("RA", "Default Inference")
        edge(a, ra)
        edge(ra, b)
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = sound_document(draw(st.integers(1, 6)))
    for _ in range(draw(st.integers(0, 4))):
        table = draw(st.sampled_from(["nodes", "edges", "locutions"]))
        items = doc[table]
        index = draw(st.integers(0, len(items) - 1))
        record = items[index]
        op = draw(st.sampled_from(["value", "value", "drop", "copy", "replace", "intid"]))
        if op == "replace":
            items[index] = draw(st.sampled_from(ODD_VALUES))
        elif op == "copy":
            items.append(copy.deepcopy(draw(st.sampled_from(items))))
        elif not isinstance(record, dict) or not record:
            continue
        elif op == "drop":
            del record[draw(st.sampled_from(sorted(record)))]
        elif op == "intid" and str(record.get("nodeID")).isdigit():
            record["nodeID"] = int(str(record["nodeID"]))
        else:
            key = draw(st.sampled_from(sorted(record)))
            if key in ("fromID", "toID", "nodeID") and draw(st.booleans()):
                other = draw(st.sampled_from(doc["nodes"]))
                record[key] = other.get("nodeID") if isinstance(other, dict) else 0
            else:
                record[key] = draw(st.sampled_from(ODD_VALUES))
    return doc


def records_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_aif_schema, "nodes_by_column", lambda *args: None)
    monkeypatch.setattr(_aif_schema, "edges_by_column", lambda *args: None)
    monkeypatch.setattr(_aif_schema, "refs_by_column", lambda items, ref, nodes: None)


def outcome(data: bytes, lenient: bool) -> Any:
    """What a load gives: the nodes and the report, or the error's type and words."""
    try:
        m, report = import_aif(data, filename="m.json", lenient=lenient)
    except ArgmapError as exc:
        return (type(exc).__name__, str(exc))
    nodes = sorted(json.dumps(n.model_dump(mode="json"), sort_keys=True) for n in m.nodes())
    return nodes, [str(p) for p in report.problems], [str(p) for p in report.notes]


@given(doc=mutated_documents(), lenient=st.booleans())
def test_a_load_gives_what_the_record_checks_give(doc: dict[str, Any], lenient: bool) -> None:
    data = json.dumps(doc).encode()
    fast = outcome(data, lenient)
    with pytest.MonkeyPatch.context() as mp:
        records_only(mp)
        careful = outcome(data, lenient)
    assert fast == careful


@given(doc=mutated_documents())
def test_a_column_check_passes_exactly_the_tables_with_no_bad_record(doc: dict[str, Any]) -> None:
    checked = _aif_schema.AifDocument()
    report = ImportReport(lenient=True)
    _aif_schema._nodes_by_record(doc["nodes"], checked, report)
    nodes_ok = report.ok
    columns = nodes_by_column(doc["nodes"], _aif_schema.AifNode, _aif_schema.NODE_TYPES)
    assert (columns is not None) == nodes_ok
    if columns is not None:
        assert columns == checked.nodes
    edges = edges_by_column(
        doc["edges"], checked.nodes, _aif_schema.AifEdge, _aif_schema.json_id
    )
    before = len(report.problems)
    _aif_schema._edges_by_record(doc["edges"], checked, report)
    assert (edges is not None) == (len(report.problems) == before)
    if edges is not None:
        assert edges == checked.edges
    refs = refs_by_column(doc["locutions"], "nodeID", checked.nodes)
    before = len(report.problems)
    kept = _aif_schema._table_by_record(doc["locutions"], "locutions", "nodeID", checked, report)
    assert (refs is not None) == (len(report.problems) == before)
    if refs is not None:
        assert refs == kept


@given(doc=mutated_documents())
def test_every_model_the_reader_makes_is_what_validation_makes(doc: dict[str, Any]) -> None:
    try:
        m, _ = import_aif(json.dumps(doc).encode(), lenient=True)
    except ArgmapError:
        return
    for node in m.nodes():
        assert type(node).model_validate(node.model_dump()) == node


def test_column_ids_are_the_json_ids_of_each_value() -> None:
    values: list[Any] = ["a", 7, " b", "c "]
    assert _aif_columns.column_ids(values) == [_aif_schema.json_id(v) for v in values]
    for bad in ([""], ["  "], [True], [None], [1.5], [["a"]]):
        assert _aif_columns.column_ids(bad) is None


def test_a_text_rdf_cannot_carry_is_located_at_its_node() -> None:
    doc = sound_document(3)
    doc["nodes"][5]["text"] = "bad \x07 bell"  # the second claim
    data = json.dumps(doc).encode()
    with pytest.raises(
        argmap.ParseError, match=r"m\.json, node 105: text holds the character U\+0007"
    ):
        aif.loads(data, filename="m.json")
    _, report = import_aif(data, lenient=True)
    first = report.problems[0]  # then the RA-nodes that join the claim left out
    assert (first.node, first.message[:33]) == ("105", "text holds the character U+0007 a")


def test_a_name_made_of_two_capped_strings_is_still_measured() -> None:
    doc = sound_document(1)  # every string in it is at most 12 characters long but one
    doc["nodes"][0]["text"] = "S : w 0"
    doc["participants"] = [{"participantID": 0, "firstname": "A" * 8, "surname": "B" * 8}]
    doc["locutions"][0]["personID"] = 0
    data = json.dumps(doc).encode()
    with argmap.limits(max_text=12), pytest.raises(LimitExceeded, match="length is 17, over"):
        aif.loads(data, filename="m.json")
