"""SADFace JSON: the shared example and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.errors import ParseError
from argmap.io import sadface


def test_hangback(shared_dir: Path) -> None:
    path = shared_dir / "corpora" / "sadface" / "hangback_data.json"
    m = argmap.load(path)  # a .json file recognised as SADFace from its content
    assert len(list(m.claims())) == 4  # 4 atoms
    (arg,) = m.arguments()  # 1 support scheme with 2 premises (linked)
    assert len(arg.premises) == 2 and arg.scheme is None
    (attack,) = m.attacks()  # 1 conflict scheme
    assert m.attack_type(attack) == "undermine"  # it targets a premise of the support
    assert m.title == "Hangback Example"
    (source,) = m.sources()
    assert source.data["sadface"]["metadata"]["core"]["analyst_name"] == "Simon Wells"


def test_named_scheme_and_undercut() -> None:
    doc = {
        "metadata": {"core": {"title": "t"}},
        "nodes": [
            {"id": "p", "type": "atom", "text": "P."},
            {"id": "c", "type": "atom", "text": "C."},
            {"id": "u", "type": "atom", "text": "U."},
            {"id": "s", "type": "scheme", "name": "Argument from Expert Opinion"},
            {"id": "x", "type": "scheme", "name": "conflict"},
        ],
        "edges": [
            {"id": "1", "source_id": "p", "target_id": "s"},
            {"id": "2", "source_id": "s", "target_id": "c"},
            {"id": "3", "source_id": "u", "target_id": "x"},
            {"id": "4", "source_id": "x", "target_id": "s"},
        ],
    }
    m = sadface.loads(json.dumps(doc))
    assert m["s"].scheme == "Argument from Expert Opinion"
    assert m.attack_type("x") == "undercut"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{", "not valid JSON"),
        (b'{"nodes": []}', "not SADFace"),
        (b'{"nodes": [{"id": "a", "type": "blob"}], "edges": []}', "unknown node type"),
        (
            b'{"nodes": [], "edges": [{"id": "e", "source_id": "a", "target_id": "b"}]}',
            "missing node",
        ),
    ],
)
def test_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        sadface.loads(data, filename="s.json")


def _doc(nodes: list[dict[str, Any]], edges: list[tuple[str, str]], **top: Any) -> bytes:
    return json.dumps(
        {
            "metadata": {"core": {"title": "t"}},
            "nodes": nodes,
            "edges": [{"id": f"e{i}", "source_id": s, "target_id": t}
                      for i, (s, t) in enumerate(edges)],
            **top,
        }
    ).encode()


_P, _C = {"id": "p", "type": "atom", "text": "P."}, {"id": "c", "type": "atom", "text": "C."}
_S = {"id": "s", "type": "scheme", "name": "support"}


# Found by a mutation fuzzer run over this reader: each of these escaped as AttributeError
# or pydantic's ValidationError, or lost a record without a word.
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_doc([_P], [], metadata="x"), "s.json: metadata is not an object"),
        (_doc([_P], [], metadata={"core": []}), "s.json: metadata.core is not an object"),
        (_doc([_P], [], metadata={"core": {"title": "\u0000"}}), "at metadata.core.title: "),
        (_doc([_P], [], metadata={"core": {"title": 7}}), "the title is not a string"),
        (_doc([_C, {**_P, "text": "P\u0001."}], []), "node p: text holds the character U"),
        (_doc([_P, {**_P, "text": "Q."}], []), "node p, at nodes.1.: a second node"),
        (_doc([_P, _C], [("p", "c")]), "at edges.0.: edge 'p' -> 'c' is part of no"),
        (_doc([_P, _C, _S, {**_P, "id": "q"}], [("p", "s"), ("s", "c"), ("s", "q")]),
         "node s: scheme 'support' needs premises and exactly one target"),
    ],
    ids=["metadata", "core", "title control", "title type", "atom control", "duplicate id",
         "atom to atom", "two targets"],
)
def test_every_bad_record_is_a_located_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        sadface.loads(data, filename="s.json")
    m, report = sadface.sadface_to_map(data, lenient=True)  # lenient: listed, and the rest read
    assert len(report.problems) == 1, report.problems
    assert "c" in m if "P\\u0001" in data.decode() else "p" in m


def test_a_repeated_edge_is_read_once_with_a_note() -> None:
    m, report = sadface.sadface_to_map(_doc([_P, _C, _S], [("p", "s"), ("p", "s"), ("s", "c")]))
    assert m["s"].premises == ("p",)
    assert [str(n) for n in report.notes] == ["edge 'p' -> 's' repeats edges[0]: read once"]
