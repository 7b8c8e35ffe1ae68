"""RDF both ways: lossless round trips in every syntax, foreign triples kept, bad input refused."""

from __future__ import annotations

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

import argmap
from argmap import ArgumentMap
from argmap.errors import ParseError
from argmap.rdf import iter_ntriples_lines, ntriples_count, ntriples_lines

from strategies import maps

RDF_FORMATS = ["turtle", "nt", "jsonld", "trig", "nquads", "xml"]


@pytest.mark.parametrize("fmt", RDF_FORMATS)
@settings(max_examples=200)
@given(m=maps(recursive_attacks=True))
def test_round_trip_is_lossless(fmt: str, m: ArgumentMap) -> None:
    back = argmap.loads(argmap.dumps(m, fmt), fmt)
    assert back == m
    assert argmap.dumps(back, "nt") == argmap.dumps(m, "nt")


@settings(max_examples=200)
@given(maps(recursive_attacks=True))
def test_rdf_map_rdf_gives_isomorphic_graphs(m: ArgumentMap) -> None:
    g1 = argmap.to_rdflib(m)
    g2 = argmap.to_rdflib(argmap.from_rdflib(g1))
    assert isomorphic(g1, g2)


def _map() -> ArgumentMap:
    m = ArgumentMap("x", title="X")
    m.source("Doc", id="doc")
    c = m.claim('He said "no"\nthen left.', id="c")
    m.anchor(c, "no", source="doc", start=9, end=11, prefix='He said "', suffix='"')
    m.argue([m.evidence("Fact.", id="e")], c, id="a")
    return m


FOREIGN = """
@prefix ex: <http://example.org/> .
@prefix am: <https://w3id.org/argmap/ns#> .
<https://w3id.org/argmap/map/x/c> ex:confidence 0.9 ; ex:seeAlso <http://example.org/page> .
ex:thing ex:says "hello"@en .
[] ex:blank "node" .
"""


def test_foreign_triples_are_kept_and_written_back() -> None:
    base = argmap.dumps(_map(), "turtle")
    m = argmap.loads(base + FOREIGN, "turtle")
    assert len(m.extra) == 4
    out = rdflib.Graph().parse(data=argmap.dumps(m, "turtle"), format="turtle")
    ex = rdflib.Namespace("http://example.org/")
    assert (rdflib.URIRef("https://w3id.org/argmap/map/x/c"), ex.confidence, None) in out
    assert (ex.thing, ex.says, rdflib.Literal("hello", lang="en")) in out
    assert len(list(out.triples((None, ex.blank, None)))) == 1
    again = argmap.loads(argmap.dumps(m, "trig"), "trig")
    assert len(again.extra) == 4


def test_trig_and_nquads_hold_one_named_graph() -> None:
    m = _map()
    ds = rdflib.Dataset()
    ds.parse(data=argmap.dumps(m, "trig"), format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {m.iri}


def test_two_maps_in_one_dataset_need_a_graph_name() -> None:
    a, b = _map(), ArgumentMap("y")
    b.claim("Other.", id="o")
    data = argmap.dumps(a, "nquads") + argmap.dumps(b, "nquads")
    with pytest.raises(ParseError, match="holds 2 argument maps"):
        argmap.loads(data, "nquads")
    assert argmap.loads(data, "nquads", graph=b.iri) == b


def test_rdflib_both_ways() -> None:
    m = _map()
    g = m.to_rdflib()  # type: ignore[attr-defined]
    assert isinstance(g, rdflib.Graph)
    assert argmap.from_rdflib(g) == m


HEAD = "@prefix am: <https://w3id.org/argmap/ns#> .\n@prefix : <https://w3id.org/argmap/map/x/> .\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + ":c a am:Claim ; am:text 'x' .\n:c a am:Actor .", "two kinds: Claim and Actor"),
        (
            HEAD + ":c a am:Claim ; am:text 'x' .\n:a a am:Argument ; am:premise :c .",
            "argument without am:conclusion",
        ),
        (
            HEAD
            + ":a a am:Argument ; am:premise :c ; am:conclusion :c2 .\n:c a am:Claim ; am:text 'x' .",
            "not a node of the map",
        ),
        (HEAD + ":c a am:Claim .", "needs a non-empty text"),
        (HEAD + ":c a am:Claim ; am:text 'x' ; am:premise :c .", "premise"),
        (
            HEAD
            + ":s a am:Stance ; am:actor :c ; am:role am:Asserts ; am:target :c .\n:c a am:Claim ; am:text 'x' .",
            "actor 'c' is a claim",
        ),
        (HEAD + ":r a am:Actor ; am:text 'R' ; am:actorType am:Martian .", "unknown value"),
        (HEAD + ":c a am:Claim ; am:text 'x', 'y' .", "has two values"),
    ],
)
def test_bad_maps_raise_parse_errors_naming_the_node(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        argmap.loads(text, "turtle")
    assert "https://w3id.org/argmap/map/x/" in str(info.value) or info.value.node


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("turtle", "@prefix : <http://x/> .\n:a :b :c .\n:d :e"),
        ("nt", "<http://a> <http://b> .\n"),
        ("jsonld", '{"@id": "http://a", "http://b": [}'),
        (
            "xml",
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description",
        ),
        ("trig", "<http://g> { <http://a> <http://b> "),
    ],
)
def test_malformed_syntax_names_the_line(fmt: str, text: str) -> None:
    with pytest.raises(ParseError) as info:
        argmap.loads(text, fmt)
    assert "not valid" in str(info.value)


def test_turtle_error_has_line_and_column(tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "bad.ttl"
    p.write_text("@prefix : <http://x/> .\n:a :b :c .\n:d :e .\n")
    with pytest.raises(ParseError) as info:
        argmap.load(p)
    err = info.value
    assert err.file == str(p) and err.line == 3
    assert f"{p}, line 3" in str(err)


def test_jsonld_remote_context_is_never_fetched() -> None:
    doc = '{"@context": "http://example.org/context.jsonld", "@id": "http://a"}'
    with pytest.raises(ParseError, match="never fetches"):
        argmap.loads(doc, "jsonld")


def test_jsonld_uses_argmap_context_and_reads_plainly() -> None:
    import json

    doc = json.loads(argmap.dumps(_map(), "jsonld"))
    assert doc["@context"]["premise"]["@id"] == "am:premise"
    kinds = {node.get("@type") for node in doc["@graph"]}
    assert {"Claim", "Evidence", "Argument", "Source", "Anchor"} <= kinds


def test_exports_are_byte_stable() -> None:
    for fmt in RDF_FORMATS:
        assert argmap.dumps(_map(), fmt) == argmap.dumps(_map(), fmt)


def test_foreign_rdf_without_a_map_node_gets_local_ids() -> None:
    text = (
        "@prefix am: <https://w3id.org/argmap/ns#> .\n"
        "<http://other.org/claims#c1> a am:Claim ; am:text 'One.' .\n"
        "<http://other.org/claims/c1> a am:Claim ; am:text 'Two.' .\n"
    )
    m = argmap.loads(text, "turtle")
    assert sorted(n.id for n in m) == ["c1", "c1-2"]
    assert {m.iri_of(n) for n in m} == {"http://other.org/claims#c1", "http://other.org/claims/c1"}
    assert argmap.loads(argmap.dumps(m, "turtle"), "turtle") == m


# ---------------------------------------------------------------------- streamed writing


@settings(max_examples=200)
@given(m=maps(recursive_attacks=True), data=st.data())
def test_streamed_lines_equal_the_listed_lines(m: ArgumentMap, data: st.DataObject) -> None:
    """iter_ntriples_lines gives the lines of ntriples_lines, and ntriples_count counts them."""
    ids = sorted(n.id for n in m)
    if ids and data.draw(st.booleans()):
        picked = data.draw(st.lists(st.sampled_from(ids), unique=True))
        m.set_labels(
            {i: data.draw(st.sampled_from(["IN", "OUT", "UNDEC"])) for i in picked},
            semantics="grounded",
        )
        m.set_strengths({i: data.draw(st.floats(0, 1)) for i in picked})
    if data.draw(st.booleans()):
        foreign = "<http://example.org/s> <http://example.org/p> "
        m.extra += [foreign + '"x" .', foreign + '"x" .', "_:b <http://example.org/p> _:c ."]
    listed = ntriples_lines(m)
    streamed = list(iter_ntriples_lines(m))
    assert set(streamed) == set(listed)
    assert sorted(streamed) == sorted(listed)  # the same lines, duplicates included
    assert streamed == ntriples_lines(m, sort=False)  # in insertion order
    assert ntriples_count(m) == len(listed)
