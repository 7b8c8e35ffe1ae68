"""The ontology, the generated namespace class and the exporter agree term for term."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import rdflib
from hypothesis import given, settings
from rdflib.namespace import OWL, RDF, RDFS

import argmap
from argmap.namespace import AM, NS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import gen_namespace  # noqa: E402
from strategies import maps  # noqa: E402

ONTOLOGY = rdflib.Graph().parse(ROOT / "ontology" / "argmap.ttl")
DECLARED = {
    str(s)
    for s, _, o in ONTOLOGY.triples((None, RDF.type, None))
    if o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
}


def test_namespace_module_is_generated_from_the_ontology() -> None:
    assert (ROOT / "argmap" / "namespace.py").read_text() == gen_namespace.render()


def test_context_is_generated_from_the_ontology() -> None:
    on_disk = json.loads((ROOT / "ontology" / "context.jsonld").read_text())
    assert on_disk == gen_namespace.context()


def test_namespace_class_and_ontology_agree() -> None:
    in_class = {str(getattr(AM, name)) for name in AM.__annotations__}
    assert in_class == {t for t in DECLARED if t.startswith(NS)}


def test_every_term_has_label_and_comment() -> None:
    for term in DECLARED:
        if term.startswith(NS):
            ref = rdflib.URIRef(term)
            assert ONTOLOGY.value(ref, RDFS.label), term
            assert ONTOLOGY.value(ref, RDFS.comment), term


def test_misspelt_terms_fail_loudly() -> None:
    import pytest

    with pytest.raises(AttributeError):
        _ = AM.Clam


def test_alignments_present() -> None:
    sub = {(str(s), str(o)) for s, o in ONTOLOGY.subject_objects(RDFS.subClassOf)}
    assert (NS + "Statement", "http://www.arg.dundee.ac.uk/aif#I-node") in sub
    assert (NS + "Argument", "http://www.arg.dundee.ac.uk/aif#RA-node") in sub
    assert (NS + "Attack", "http://www.arg.dundee.ac.uk/aif#CA-node") in sub
    assert (NS + "Actor", "http://www.w3.org/ns/prov#Agent") in sub
    assert (NS + "Claim", "https://schema.org/Claim") in sub
    assert (NS + "Anchor", "http://www.w3.org/ns/oa#TextQuoteSelector") in sub


@settings(max_examples=100)
@given(maps(recursive_attacks=True))
def test_exporter_writes_only_declared_terms(m: argmap.ArgumentMap) -> None:
    g = m.to_rdflib()  # type: ignore[attr-defined]
    for _, p, o in g:
        if str(p).startswith(NS):
            assert str(p) in DECLARED, p
        if p == RDF.type or (isinstance(o, rdflib.URIRef) and str(o).startswith(NS)):
            assert str(o) in DECLARED, o
