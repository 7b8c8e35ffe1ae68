"""AIF JSON / xAIF: the shared corpora, exact round trips, bad input, writing native maps.

Counts below were verified twice: node types and edges by counting the raw JSON (and
against ../shared/corpora/SOURCES.md), stances and speakers by a separate raw-JSON script
(L-node -> YA Asserting/Rhetorical Questioning -> I-node, speaker = the L-node's prefix).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, ParseError
from argmap.io import aif
from argmap.io._aif_schema import parse_aif
from argmap.io.registry import guess

from strategies import maps

# file -> (AIF node types, edges, locutions, argmap kinds, notes)
CORPUS: dict[str, tuple[dict[str, int], int, int, dict[str, int], int]] = {
    "aif/araucaria/nodeset545.json": ({"I": 7, "RA": 3}, 9, 0, {"claim": 7, "argument": 3}, 0),
    "aif/araucaria/nodeset70.json": ({"I": 11, "RA": 5}, 15, 16, {"claim": 11, "argument": 5}, 0),
    "aif/dialam2024/test_map10.json": (
        {"I": 11, "L": 22, "MA": 3, "RA": 2, "TA": 11, "YA": 27},
        91,
        11,
        {"claim": 11, "argument": 2, "stance": 11, "actor": 1},
        0,
    ),
    "aif/iac/nodeset8354.json": (
        {"CA": 3, "I": 9, "RA": 2},
        10,
        0,
        {"claim": 9, "argument": 2, "attack": 3},
        0,
    ),
    "aif/qt30/nodeset21459.json": (
        {"CA": 2, "I": 10, "L": 23, "MA": 4, "RA": 2, "TA": 11, "YA": 18},
        74,
        10,
        {"claim": 10, "argument": 2, "attack": 2, "stance": 10, "actor": 2},
        0,
    ),
    "aif/us2016/nodeset10401.json": (
        {"CA": 1, "I": 3, "L": 11, "RA": 1, "TA": 4, "YA": 6},
        24,
        0,
        {"claim": 3, "stance": 3, "actor": 3},
        2,
    ),  # RA and CA target an L-node
    "aif/us2016/nodeset10860.json": (
        {"I": 2, "L": 4, "RA": 1, "TA": 1, "YA": 3},
        10,
        0,
        {"claim": 2, "argument": 1, "stance": 2, "actor": 1},
        0,
    ),
    "microtexts/aif/nodeset6372__micro_b012.json": (
        {"CA": 3, "I": 4},
        6,
        0,
        {"claim": 4, "attack": 3},
        0,
    ),  # I -> CA -> CA: an attack on an attack
    "microtexts/aif/nodeset6398__micro_b038.json": (
        {"CA": 2, "I": 6, "RA": 3},
        10,
        0,
        {"claim": 6, "argument": 3, "attack": 2},
        0,
    ),  # I -> CA -> CA
}
KINDS = ("claim", "argument", "attack", "stance", "actor")


def corpus_file(shared: Path, rel: str) -> Path:
    path = shared / "corpora" / rel
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def test_every_shared_aif_file_is_listed(shared_dir: Path) -> None:
    found = {
        str(p.relative_to(shared_dir / "corpora"))
        for p in (shared_dir / "corpora").rglob("*.json")
        if "/aif/" in f"/{p.relative_to(shared_dir / 'corpora')}"
    }
    assert found == set(CORPUS)


@pytest.mark.parametrize("rel", sorted(CORPUS))
def test_corpus_counts(shared_dir: Path, rel: str) -> None:
    types, edges, locutions, kinds, notes = CORPUS[rel]
    path = corpus_file(shared_dir, rel)
    doc = parse_aif(path.read_bytes(), filename=str(path))
    assert doc.count_types() == types
    assert len(doc.edges) == edges
    assert len(doc.locutions) == locutions
    m, report = aif.aif_to_map(doc, filename=str(path))
    counts = m.counts()
    assert {k: counts[k] for k in KINDS} == {k: kinds.get(k, 0) for k in KINDS}
    assert counts["source"] == 1  # the AIF document node
    assert len(report.notes) == notes and report.ok


@pytest.mark.parametrize("rel", sorted(CORPUS))
def test_corpus_round_trip_is_exact(shared_dir: Path, rel: str) -> None:
    path = corpus_file(shared_dir, rel)
    raw = path.read_bytes()
    m = argmap.load(path)
    assert aif.map_to_aif(m).json == json.loads(raw)
    # through the registry's writer and reader again
    again = aif.loads(argmap.dumps(m, "aif"))
    assert aif.map_to_aif(again).json == json.loads(raw)


def test_round_trip_survives_rdf(shared_dir: Path) -> None:
    path = corpus_file(shared_dir, "aif/qt30/nodeset21459.json")
    m = argmap.load(path)
    back = argmap.loads(argmap.dumps(m, "turtle"), "turtle")
    assert aif.map_to_aif(back).json == json.loads(path.read_bytes())


def test_speakers_and_stances(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "aif/qt30/nodeset21459.json"))
    names = sorted(a.text for a in m.actors())
    assert names == ["Peter Kyle", "Tony Unknown"]  # never the annotator "Zlata"
    by_actor = {a.text: len(m.stances_of(a.id)) for a in m.actors()}
    assert by_actor == {"Peter Kyle": 4, "Tony Unknown": 6}
    stance = m["718723"]
    assert stance.kind == "stance" and stance.role == "asserts" and stance.target == "718724"
    assert stance.anchors[0].exact.startswith("I just ask people to be kind")


def test_schemes_by_name_and_by_text(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "aif/araucaria/nodeset545.json"))
    schemes = sorted((a.id, a.scheme) for a in m.arguments())
    assert schemes == [("5055", None), ("5056", "VerbalClassification"), ("5057", None)]
    assert m["5056"].data["aif"]["schemeID"] == "31"
    m = argmap.load(corpus_file(shared_dir, "aif/us2016/nodeset10860.json"))
    assert [a.scheme for a in m.arguments()] == ["Default Inference"]


def test_attack_types_follow_the_target(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "aif/iac/nodeset8354.json"))
    assert sorted(m.attack_type(a) for a in m.attacks()) == ["rebut", "rebut", "undermine"]


def test_microtext_aif_agrees_with_the_xml(shared_dir: Path) -> None:
    pairs = {
        "nodeset6372__micro_b012.json": "micro_b012.xml",
        "nodeset6398__micro_b038.json": "micro_b038.xml",
    }
    for aif_name, xml_name in pairs.items():
        a = argmap.load(corpus_file(shared_dir, f"microtexts/aif/{aif_name}"))
        x = argmap.load(corpus_file(shared_dir, f"microtexts/arggraph-en/{xml_name}"))
        assert sorted(c.text.strip() for c in a.claims()) == sorted(
            c.text.strip() for c in x.claims()
        )
        assert len(list(a.arguments())) == len(list(x.arguments()))
        assert len(list(a.attacks())) == len(list(x.attacks()))


# ----------------------------------------------------------------------- shapes and ids

XAIF = {
    "AIF": {
        "nodes": [
            {"nodeID": 1, "text": "Bob Smith : We must act.", "type": "L"},
            {"nodeID": 2, "text": "We must act.", "type": "I"},
            {"nodeID": 3, "text": "Asserting", "type": "YA"},
            {"nodeID": 4, "text": "Time is short.", "type": "I"},
            {
                "nodeID": 5,
                "text": "Default Inference",
                "type": "RA",
                "scheme": "Default Inference",
                "schemeID": 72,
            },
            {"nodeID": 6, "text": "Default Preference", "type": "PA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 1, "toID": 3},
            {"edgeID": 2, "fromID": 3, "toID": 2},
            {"edgeID": 3, "fromID": 4, "toID": 5},
            {"edgeID": 4, "fromID": 5, "toID": 2},
            {"edgeID": 5, "fromID": 2, "toID": 6},
            {"edgeID": 6, "fromID": 6, "toID": 4},
        ],
        "locutions": [{"nodeID": 1, "personID": 7, "start": None}],
        "participants": [
            {"participantID": 7, "firstname": "Bob", "surname": "Smith"},
            {"participantID": 8, "firstname": "Ann", "surname": "Lee"},
        ],
        "schemefulfillments": [{"nodeID": 5, "schemeID": 72}],
    },
    "OVA": {"nodes": [{"nodeID": 1, "x": 10, "y": 20}], "edges": []},
    "text": "<span>Bob: We must act.</span>",
}


def test_xaif_int_ids_participants_and_wrapper_round_trip() -> None:
    data = json.dumps(XAIF).encode()
    assert aif.sniff_xaif(data) and not aif.sniff_aif(data)
    assert guess("map.json", data).name == "xaif"
    m = aif.loads(data, filename="x.json")
    assert sorted(a.text for a in m.actors()) == ["Ann Lee", "Bob Smith"]
    (stance,) = m.stances()
    assert m[stance.actor].text == "Bob Smith" and stance.target == "2"
    assert m["2"].data == {"aif": {"nodeID": 2}}
    assert aif.map_to_aif(m).json == XAIF
    # written as plain AIF the wrapper goes, the AIF body stays
    assert json.loads(aif.dumps(m)) == XAIF["AIF"]
    assert json.loads(aif.dumps_xaif(m)) == XAIF


def test_plain_aif_written_as_xaif_gets_a_wrapper(shared_dir: Path) -> None:
    m = argmap.load(corpus_file(shared_dir, "aif/iac/nodeset8354.json"))
    out = json.loads(argmap.dumps(m, "xaif"))
    assert set(out) == {"AIF", "OVA", "text"}
    assert len(out["AIF"]["nodes"]) == 14


def test_ids_that_are_not_argmap_ids_are_kept() -> None:
    doc = {
        "nodes": [
            {"nodeID": "a b", "text": "P.", "type": "I"},
            {"nodeID": "c:d", "text": "C.", "type": "I"},
            {"nodeID": "r/1", "text": "RA", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "e 1", "fromID": "a b", "toID": "r/1"},
            {"edgeID": "e 2", "fromID": "r/1", "toID": "c:d"},
        ],
    }
    m, _ = aif.aif_to_map(doc)
    (arg,) = m.arguments()
    assert m[arg.conclusion].text == "C."
    assert aif.map_to_aif(m).json == {**doc, "locutions": []} or aif.map_to_aif(m).json == doc


# ----------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "not AIF JSON"),
        (b'{"nodes": []}', "no 'edges'"),
        (b'{"AIF": [1]}', "not xAIF"),
        (b'\xff\xfe{"nodes"', "not UTF-8"),
    ],
)
def test_not_aif_at_all(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        aif.loads(data, filename="in.json", lenient=True)
    assert info.value.file == "in.json"


BAD = {
    "nodes": [
        {"nodeID": "1", "text": "P.", "type": "I"},
        {"nodeID": "2", "text": "C.", "type": "I"},
        {"nodeID": "3", "text": "RA", "type": "RA"},  # no conclusion
        {"nodeID": "4", "text": "?", "type": "XA"},  # unknown type
        {"nodeID": "5", "text": "RA", "type": "RA"},
        {"nodeID": "1", "text": "again", "type": "I"},  # duplicate id
    ],
    "edges": [
        {"edgeID": "10", "fromID": "1", "toID": "3"},
        {"edgeID": "11", "fromID": "1", "toID": "5"},
        {"edgeID": "12", "fromID": "5", "toID": "2"},
        {"edgeID": "13", "fromID": "2", "toID": "99"},  # missing node
    ],
}


def test_strict_names_the_file_and_node() -> None:
    with pytest.raises(ParseError) as info:
        aif.loads(json.dumps(BAD), filename="bad.json")
    assert info.value.file == "bad.json" and info.value.node == "4"
    assert "unknown node type 'XA'" in str(info.value)


def test_lenient_lists_every_problem_and_keeps_what_is_sound() -> None:
    m, report = aif.aif_to_map(BAD, filename="bad.json", lenient=True)
    problems = sorted((p.node, p.message.split(" (")[0]) for p in report)
    assert problems == [
        ("1", "nodeID used by two nodes"),
        ("13", "edge 13: toID '99' names no node in the map"),
        ("3", "RA-node has no conclusion"),
        ("4", "unknown node type 'XA'"),
    ]
    assert all(p.file == "bad.json" for p in report)
    assert [(a.premises, a.conclusion) for a in m.arguments()] == [(("1",), "2")]
    # the unsound RA is kept verbatim: writing gives it back
    out = aif.map_to_aif(m).json
    assert {n["nodeID"] for n in out["nodes"]} == {"1", "2", "3", "5"}


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [
        ([("1", "CA")], [], "CA-node has no attacker"),
        ([("1", "I"), ("2", "CA")], [("1", "2")], "CA-node has no target"),
        ([("1", "I"), ("2", "RA")], [("2", "1")], "RA-node has no premise"),
        (
            [("1", "I"), ("2", "I"), ("3", "I"), ("r", "RA")],
            [("1", "r"), ("r", "2"), ("r", "3")],
            "RA-node has 2 conclusions",
        ),
        ([("1", "I"), ("r", "RA")], [("1", "r"), ("r", "1")], "RA-node uses its conclusion"),
        ([("1", "I")], [("1", "9")], "names no node"),
    ],
)
def test_unsound_graphs(nodes: Any, edges: Any, message: str) -> None:
    doc = {
        "nodes": [{"nodeID": i, "text": f"text {i}", "type": t} for i, t in nodes],
        "edges": [{"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)],
    }
    with pytest.raises(ParseError, match=message):
        aif.aif_to_map(doc, filename="f.json")
    _, report = aif.aif_to_map(doc, filename="f.json", lenient=True)
    assert any(message in p.message for p in report)


def _mutations() -> st.SearchStrategy[Any]:
    scalar = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.text(max_size=5),
        st.sampled_from(["I", "RA", "CA", "L", "YA", "TA", "MA", "PA"]),
    )
    return st.lists(
        st.tuples(
            st.sampled_from(["nodes", "edges", "locutions"]),
            st.integers(0, 100),
            st.sampled_from(
                ["nodeID", "text", "type", "fromID", "toID", "edgeID", "personID", "DELETE"]
            ),
            scalar,
        ),
        max_size=4,
    )


@settings(max_examples=150, suppress_health_check=list(HealthCheck))
@given(mutations=_mutations(), lenient=st.booleans())
def test_mutated_files_fail_cleanly(shared_dir: Path, mutations: Any, lenient: bool) -> None:
    base = json.loads((shared_dir / "corpora/aif/qt30/nodeset21459.json").read_bytes())
    doc = copy.deepcopy(base)
    for table, index, key, value in mutations:
        rows = doc[table]
        if not rows:
            continue
        row = rows[index % len(rows)]
        if key == "DELETE":
            rows.remove(row)
        else:
            row[key] = value
    try:
        m, report = aif.aif_to_map(doc, filename="m.json", lenient=lenient)
    except ParseError as exc:
        assert not lenient or exc.node is None
        assert exc.file == "m.json"
        return
    assert lenient or report.ok
    aif.map_to_aif(m)  # whatever was read can be written


# ----------------------------------------------------------------------- native maps


def test_native_map_writes_l_and_ya_for_stances() -> None:
    m = argmap.ArgumentMap("n")
    c = m.claim("The draft is flawed.", id="flawed")
    r = m.recommendation("Abstain.", id="abstain")
    a = m.argue([c], r, scheme="practical reasoning", id="arg")
    chamber = m.actor("U.S. Chamber", type="organisation", id="chamber")
    m.stance(chamber, "asserts", c, id="s1")
    m.attack(m.claim("Its goals are laudable.", id="laudable"), a, id="att")
    out = aif.map_to_aif(m)
    types = sorted(n["type"] for n in out.json["nodes"])
    assert types == ["CA", "I", "I", "I", "L", "RA", "YA"]
    loc = next(n for n in out.json["nodes"] if n["type"] == "L")
    assert loc["text"] == "U.S. Chamber : The draft is flawed."
    ra = next(n for n in out.json["nodes"] if n["type"] == "RA")
    assert ra["scheme"] == "practical reasoning"
    back = aif.loads(json.dumps(out.json))
    assert [m2.text for m2 in back.actors()] == ["U.S. Chamber"]
    assert back.attack_type("att") == "undercut"


@settings(max_examples=40, suppress_health_check=list(HealthCheck))
@given(m=maps())
def test_random_maps_write_and_read_back(m: argmap.ArgumentMap) -> None:
    out = aif.map_to_aif(m)
    back = aif.loads(json.dumps(out.json))
    assert len(list(back.statements())) == len(list(m.statements()))
    assert len(list(back.arguments())) == len(list(m.arguments()))
    assert len(list(back.attacks())) == len(list(m.attacks()))
    again = aif.map_to_aif(back).json
    assert again == out.json  # AIF -> argmap -> AIF is exact for what argmap wrote


def test_errors_are_argmap_errors_not_key_errors() -> None:
    for data in (b"{}", b'{"nodes": [{}], "edges": [{}]}', b'{"nodes": 1, "edges": 2}'):
        with pytest.raises(ArgmapError):
            aif.loads(data)


def _speaker_doc(prefix: str, firstname: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "nodes": [
            {"nodeID": "1", "text": "It is flawed.", "type": "I"},
            {"nodeID": "6", "text": f"{prefix} : It is flawed.", "type": "L"},
            {"nodeID": "7", "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": "5", "fromID": "6", "toID": "7"},
            {"edgeID": "6", "fromID": "7", "toID": "1"},
        ],
    }
    if firstname is not None:  # the speaker comes from the participants table
        doc["locutions"] = [{"nodeID": "6", "personID": "1"}]
        doc["participants"] = [
            {"participantID": "1", "firstname": firstname, "surname": "Chamber"}
        ]
    return doc


@pytest.mark.parametrize(
    ("prefix", "firstname", "where"),
    [("Chamber", "\u0000", "at participants[0]: participant 1"), ("Cham\u0001ber", None, "node 6")],
    ids=["participant name", "speaker prefix"],
)
def test_a_speaker_name_rdf_cannot_carry_is_a_located_error(
    prefix: str, firstname: str | None, where: str
) -> None:
    """Found by hypothesis: the name went into an Actor unchecked, and pydantic's
    ValidationError escaped the reader (a traceback on the command line)."""
    doc = _speaker_doc(prefix, firstname)
    with pytest.raises(ParseError, match=re.escape(where) + r": text holds the character U\+000"):
        argmap.loads(json.dumps(doc), "aif")
    m, report = aif.aif_to_map(doc, lenient=True)
    assert len(report.problems) == 1
    # lenient: the participant row is skipped (the L-node's prefix names the speaker);
    # the L-node whose prefix is bad gives no stance
    assert [a.text for a in m.actors()] == (["Chamber"] if firstname is not None else [])
    assert json.loads(argmap.dumps(m, "aif")) == doc  # the bad record is kept verbatim
