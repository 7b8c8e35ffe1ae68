"""The SPARQL twins: named queries, safe binding, and in-memory == rdflib == pyoxigraph.

The differential tests export a map to RDF, run argmap's named queries on rdflib and on
pyoxigraph, and hold the answers equal to the in-memory trace's, on random maps from
``strategies.maps()`` and on every example map.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.errors import QueryError
from argmap.namespace import NS
from argmap.queries import bind, info, load_query, names, prepared, sparql_term
from argmap.query import trace, trace_sparql, unsupported, unsupported_sparql
from argmap.query.sparql import run_query, unsupported_sets
from argmap.rdf import ntriples

from strategies import maps

ROOT = Path(__file__).resolve().parents[1]
OURS = [
    "trace_actors", "trace_anchors", "trace_arguments", "trace_attacks", "trace_basic_premises",
    "trace_evidence", "trace_premises", "unsupported",
]


def oxigraph_store(m: ArgumentMap, *, named: bool = False) -> ox.Store:
    store = ox.Store()
    if named:  # the way a TriG export lays it out: in the map's own named graph
        store.bulk_load(argmap.dumps(m, "trig").encode(), format=ox.RdfFormat.TRIG)
    else:
        store.bulk_load(ntriples(m), format=ox.RdfFormat.N_TRIPLES)
    return store


def assert_twins_agree(m: ArgumentMap, statements: list[str] | None = None) -> None:
    graph = argmap.to_rdflib(m)
    store = oxigraph_store(m)
    ids = statements if statements is not None else sorted(s.id for s in m.statements())
    for sid in ids:
        mine = trace(m, sid).to_sets()
        iri = m.iri_of(sid)
        assert trace_sparql(graph, iri) == mine, sid
        assert trace_sparql(store, iri) == mine, sid
    expected = unsupported_sets(m, unsupported(m))
    assert unsupported_sparql(graph) == expected
    assert unsupported_sparql(store) == expected


# ---------------------------------------------------------------------- differential


@settings(max_examples=200)
@given(maps(recursive_attacks=True), st.data())
def test_in_memory_equals_rdflib_equals_pyoxigraph(m: ArgumentMap, data: st.DataObject) -> None:
    statements = sorted(s.id for s in m.statements())
    recs = sorted(r.id for r in m.recommendations())
    picked = data.draw(st.lists(st.sampled_from(statements), max_size=2, unique=True))
    assert_twins_agree(m, sorted(set(recs[:2]) | set(picked)))


def _example_maps() -> Iterator[tuple[str, ArgumentMap]]:
    examples = ROOT / "examples"
    for script in sorted(examples.glob("*/build_map.py")):
        name = f"argmap_example_{script.parent.name}_for_query_tests"
        spec = importlib.util.spec_from_file_location(name, script)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        yield script.parent.name, module.build()
    for path in sorted(examples.rglob("*")):
        if path.suffix in (".ttl", ".jsonld", ".nt", ".trig", ".nq"):
            yield str(path.relative_to(examples)), argmap.load(path)


def test_every_example_map() -> None:
    found = list(_example_maps())
    if not found:
        pytest.skip("no example maps under examples/")
    for _name, m in found:
        assert_twins_agree(m)


def test_map_in_a_named_graph() -> None:
    m = ArgumentMap("named")
    m.recommendation("R.", id="r")
    m.argue([m.evidence("E.", id="e"), m.claim("C.", id="c")], "r", id="a")
    store = oxigraph_store(m, named=True)
    assert trace_sparql(store, m.iri_of("r")) == trace(m, "r").to_sets()


def test_twins_on_cycles_attacks_and_stances() -> None:
    m = ArgumentMap("hand")
    m.source("Doc", id="doc")
    m.recommendation("R.", id="r")
    m.claim("A.", id="a")
    m.claim("B.", id="b")
    m.evidence("E.", id="e", source="doc")
    m.argue(["a"], "r", id="ar", scheme="practical reasoning")
    m.argue(["b"], "a", id="ba")
    m.argue(["a"], "b", id="ab")
    m.argue(["e", "b"], "a", id="eba")
    m.argue(["a"], "r", id="ar2")  # a second argument with the same premise
    m.claim("X.", id="x")
    m.claim("Y.", id="y")
    m.attack("x", "a", id="t1")
    m.attack("y", "x", id="t2")
    m.attack("x", "eba", id="t3")
    m.attack("y", "r", id="t4", type="rebut")
    m.actor("Someone", id="someone")
    m.stance("someone", "asserts", "r")
    m.stance("someone", "endorses", "e")
    m.stance("someone", "opposes", "a")
    m.anchor("e", "E", source="doc", start=0, end=1)
    m.anchor("eba", "because", source="doc")
    assert_twins_agree(m)
    sets = trace(m, "r").to_sets()
    assert len(sets.attacks) == 3 and len(sets.actors) == 2 and len(sets.anchors) == 2


# ---------------------------------------------------------------------- query files


def test_the_queries_ship_with_headers() -> None:
    assert set(OURS) <= set(names())
    for name in OURS:
        meta = info(name)
        text = load_query(name)
        assert meta.summary, name
        assert "In-memory twin:" in text, name
        # the vocabulary comes from the ontology, so the prefix must be argmap's namespace
        assert f"PREFIX am: <{NS}>" in text, name
        # every parameter used is declared, every declared one used
        used = set(re.findall(r"\$([A-Za-z_]\w*)", text.split("PREFIX", 1)[1]))
        assert used == set(meta.parameters), name
        # every declared result is projected, and only those
        select = re.search(r"SELECT DISTINCT (.*)", text)
        assert select is not None, name
        assert re.findall(r"\?(\w+)", select.group(1)) == list(meta.returns), name
        prepared(name)  # parses


def test_load_query_refuses_unknown_and_odd_names() -> None:
    with pytest.raises(QueryError, match="no query named 'nope'"):
        load_query("nope")
    with pytest.raises(QueryError, match=r"no query named '\.\./x'"):
        load_query("../x")


def test_run_query_refuses_other_sources() -> None:
    with pytest.raises(QueryError, match="cannot query a dict"):
        run_query({}, "trace_premises", root="https://example.org/r")


# ---------------------------------------------------------------------- safe binding


@pytest.mark.parametrize(
    "iri",
    [
        "https://example.org/a> } ; DROP ALL ; SELECT * { <x",
        "https://example.org/a b",
        'https://example.org/"quoted"',
        "https://example.org/{x}",
        "https://example.org/back\\slash",
        "https://example.org/new\nline",
        "no-scheme-at-all",
        "",
    ],
)
def test_bad_iris_are_refused(iri: str) -> None:
    with pytest.raises(QueryError):
        bind("trace_premises", root=iri)
    with pytest.raises(QueryError):
        run_query(rdflib.Graph(), "trace_premises", root=iri)


def test_parameter_names_are_checked() -> None:
    with pytest.raises(QueryError, match=r"needs a value for \$root"):
        bind("trace_premises")
    with pytest.raises(QueryError, match=r"has no parameter \$other"):
        bind("trace_premises", root="https://example.org/r", other="x")
    with pytest.raises(QueryError, match=r"has no parameter \$root"):
        bind("unsupported", root="https://example.org/r")


def test_only_parameter_tokens_are_substituted() -> None:
    text = (
        'SELECT ?x WHERE { ?x ?p "$root in a string" . ?x ?q <http://e.org/$root> . '
        "?x ?r $root }  # $root in a comment\n"
    )
    bound = bind(text, root=rdflib.URIRef("https://example.org/r"))
    assert bound == (
        'SELECT ?x WHERE { ?x ?p "$root in a string" . ?x ?q <http://e.org/$root> . '
        "?x ?r <https://example.org/r> }  # $root in a comment\n"
    )


@settings(max_examples=200)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_literals_round_trip_through_both_engines(value: str) -> None:
    """Whatever the text, a bound literal matches exactly itself (no injection)."""
    subject, predicate = "http://example.org/s", "http://example.org/p"
    query = "SELECT ?s WHERE { ?s <http://example.org/p> $value }"
    try:
        bound = bind(query, value=value)
    except QueryError:
        assert re.search(r"\\[uU]", value)  # the one case refused, on purpose
        return
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), ox.Literal(value)))
    other = "x" if value != "x" else "y"
    store.add(ox.Quad(ox.NamedNode(subject + "2"), ox.NamedNode(predicate), ox.Literal(other)))
    assert [s["s"].value for s in store.query(bound)] == [subject]
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef(subject), rdflib.URIRef(predicate), rdflib.Literal(value)))
    assert [str(r[0]) for r in graph.query(bound)] == [subject]


def test_sparql_term_kinds() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert sparql_term(rdflib.URIRef("https://e.org/x")) == "<https://e.org/x>"
    assert sparql_term(ox.NamedNode("https://e.org/x")) == "<https://e.org/x>"
    assert sparql_term(rdflib.Literal("chat", lang="fr")) == '"chat"@fr'
    assert sparql_term(ox.Literal("chat", language="fr")) == '"chat"@fr'
    assert sparql_term(rdflib.Literal(5)) == f'"5"^^<{xsd}integer>'
    assert sparql_term(ox.Literal("5", datatype=ox.NamedNode(xsd + "integer"))) == (
        f'"5"^^<{xsd}integer>'
    )
    assert sparql_term(ox.Literal("plain")) == '"plain"'
    assert sparql_term(1.5) == f'"1.5"^^<{xsd}double>'
    assert sparql_term(float("inf")) == f'"INF"^^<{xsd}double>'
    assert sparql_term(False) == f'"false"^^<{xsd}boolean>'
    with pytest.raises(QueryError, match="only IRIs and literals"):
        sparql_term(rdflib.BNode())
    with pytest.raises(QueryError, match="only IRIs and literals"):
        sparql_term(ox.BlankNode())
    with pytest.raises(QueryError, match="cannot bind a list"):
        sparql_term([1])
    with pytest.raises(QueryError, match="backslash followed by 'u'"):
        sparql_term("\\u0022")
