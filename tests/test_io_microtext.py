"""Potsdam microtext arggraph XML: the shared files, undercuts of edges, safe parsing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SHARED

import argmap
from argmap.errors import ParseError
from argmap.io import microtext

# file -> (ADUs = claims, arguments (sup/exa), attacks (reb + und), und on reb or und
#          (attacks on attacks), argument schemes); verified against the XML by hand and
#          SOURCES.md
CORPUS = {
    "micro_b012.xml": (4, 0, 3, 1, []),
    "micro_b021.xml": (4, 3, 0, 0, [None, None, None]),
    "micro_b030.xml": (4, 1, 2, 1, [None]),
    "micro_b038.xml": (6, 3, 2, 1, [None, None, None]),
    "micro_b048.xml": (5, 2, 2, 1, [None, None]),
    "micro_d02.xml": (5, 2, 2, 1, [None, "example"]),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_counts(shared_dir: Path, name: str) -> None:
    path = shared_dir / "corpora" / "microtexts" / "arggraph-en" / name
    claims, arguments, attacks, on_attacks, schemes = CORPUS[name]
    m, report = microtext.microtext_to_map(path.read_bytes(), filename=str(path))
    assert report.ok and not report.notes
    assert len(list(m.claims())) == claims
    assert len(list(m.arguments())) == arguments
    assert len(list(m.attacks())) == attacks
    assert sorted(a.scheme or "" for a in m.arguments()) == sorted(s or "" for s in schemes)
    assert sum(1 for a in m.attacks() if m[a.target].kind == "attack") == on_attacks
    assert argmap.load(path) == m  # found by the registry from its content


def test_topic_stance_and_anchors(shared_dir: Path) -> None:
    m = argmap.load(shared_dir / "corpora/microtexts/arggraph-en/micro_b038.xml")
    source = m["micro_b038"]
    assert source.data["microtext"] == {"topic_id": "school_uniforms", "stance": "pro"}
    assert m["a5"].data["microtext"]["type"] == "opp"
    assert m["a1"].anchors[0].exact.startswith("School uniforms should be introduced")
    reb = m["c5"]
    assert m.attack_type(reb) == "rebut"
    assert [a.id for a in m.attacks_on(reb)] == ["c6"]
    assert m.attack_type("c6") == "undercut" and m["c6"].attacker == "a6"


def test_undercut_of_support_and_linked_premises() -> None:
    xml = b"""<arggraph id="t">
      <edu id="e1">C.</edu><edu id="e2">P1.</edu><edu id="e3">P2.</edu><edu id="e4">U.</edu>
      <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
      <adu id="a4" type="opp"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
      <edge id="s3" src="e3" trg="a3" type="seg"/><edge id="s4" src="e4" trg="a4" type="seg"/>
      <edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="c1" type="add"/>
      <edge id="c3" src="a4" trg="c1" type="und"/></arggraph>"""
    m = microtext.loads(xml)
    assert m["c1"].premises == ("a2", "a3")
    assert m.attack_type("c3") == "undercut" and m["c3"].target == "c1"


@pytest.mark.parametrize(
    "path",
    sorted((SHARED / "corpora" / "microtexts" / "arggraph-en").glob("*.xml")),
    ids=lambda p: p.name,
)
def test_every_relation_is_kept(path: Path) -> None:
    """Attacks = reb + und edges, arguments = sup + exa edges, add = linked premises."""
    root = ET.fromstring(path.read_bytes())
    edges = {e.get("id"): e.attrib for e in root if e.tag == "edge"}
    adds: dict[str, set[str]] = {}
    for e in edges.values():
        if e["type"] == "add":
            adds.setdefault(e["trg"], set()).add(e["src"])
    m = argmap.load(path)
    assert {a.id for a in m.arguments()} == {
        k for k, e in edges.items() if e["type"] in ("sup", "exa")
    }
    assert {a.id for a in m.attacks()} == {
        k for k, e in edges.items() if e["type"] in ("reb", "und")
    }
    for k, e in edges.items():
        joint = {e.get("src")} | adds.get(k, set())
        if e["type"] in ("sup", "exa"):
            assert (set(m[k].premises), m[k].conclusion) == (joint, e["trg"])
        elif e["type"] in ("reb", "und"):
            assert (set(m[k].attackers), m[k].target) == (joint, e["trg"])


def test_add_into_an_undercut_is_a_linked_attacker() -> None:
    xml = b"""<arggraph id="t">
      <edu id="e1">C.</edu><edu id="e2">R.</edu><edu id="e3">U1.</edu><edu id="e4">U2.</edu>
      <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="pro"/>
      <adu id="a4" type="pro"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
      <edge id="s3" src="e3" trg="a3" type="seg"/><edge id="s4" src="e4" trg="a4" type="seg"/>
      <edge id="c1" src="a2" trg="a1" type="reb"/><edge id="c2" src="a3" trg="c1" type="und"/>
      <edge id="c3" src="a4" trg="c2" type="add"/></arggraph>"""
    m, report = microtext.microtext_to_map(xml)
    assert report.ok and not report.notes
    assert m["c2"].attackers == ("a3", "a4") and m["c2"].target == "c1"
    assert m.attack_type("c2") == "undercut"
    assert m["c2"].data["microtext"] == {"type": "und", "add": ["c3"]}


def test_an_add_into_nothing_read_is_reported() -> None:
    xml = b"""<arggraph id="t"><edu id="e1">C.</edu><adu id="a1" type="pro"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="c9" src="a1" trg="c7" type="add"/>
      </arggraph>"""
    _, report = microtext.microtext_to_map(xml, lenient=True)
    assert [p.node for p in report.problems] == ["c9"]
    with pytest.raises(ParseError, match="add edge into 'c7'"):
        microtext.loads(xml)


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"<arggraph", "not well-formed XML"),
        (b"<other/>", "not an arggraph document"),
        (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><arggraph/>', "entity"),
        (b'<arggraph><adu id="a1" type="pro"/></arggraph>', "ADU has no text"),
        (b'<arggraph><edge id="c1" src="a" trg="b" type="zzz"/></arggraph>', "unknown type"),
    ],
)
def test_bad_input(xml: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        microtext.loads(xml, filename="bad.xml")
    assert info.value.file == "bad.xml"
