"""SADFace JSON: the shared example and bad input."""

from __future__ import annotations

import json
from pathlib import Path

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
