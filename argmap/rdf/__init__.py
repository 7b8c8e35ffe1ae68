"""The map as RDF, both ways.

Writing goes straight from node models to N-Triples lines (sorted, so two exports of
one map are byte-identical); every other syntax is made from those lines by pyoxigraph,
or by rdflib for compact JSON-LD. Reading goes from pyoxigraph's parser to node models
in one pass over the triples. Triples outside the vocabulary are kept in ``m.extra`` and
written back on export.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("demo")
>>> _ = m.claim("A claim.", id="c")
>>> print("\\n".join(ntriples_lines(m)))
<https://w3id.org/argmap/map/demo/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap/ns#Claim> .
<https://w3id.org/argmap/map/demo/c> <https://w3id.org/argmap/ns#text> "A claim." .
<https://w3id.org/argmap/map/demo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap/ns#ArgumentMap> .
>>> from_ntriples("\\n".join(ntriples_lines(m)).encode()) == m
True
"""

from __future__ import annotations

from argmap.rdf._read import (
    NTriplesReader,
    from_ntriples,
    from_rdflib,
    read,
    to_ntriples_text,
)
from argmap.rdf._terms import SYNTAXES
from argmap.rdf._terms import _anchor_iri as _anchor_iri  # tests/test_fuzz.py
from argmap.rdf._write import (
    iter_ntriples_lines,
    ntriples,
    ntriples_count,
    ntriples_lines,
    to_rdflib,
)

__all__ = [
    "NTriplesReader",
    "SYNTAXES",
    "from_ntriples",
    "from_rdflib",
    "iter_ntriples_lines",
    "ntriples",
    "ntriples_count",
    "ntriples_lines",
    "read",
    "to_ntriples_text",
    "to_rdflib",
]
