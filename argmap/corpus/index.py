"""The corpus graph: provenance of each map and the keys the cross-map questions match on.

Every map of a corpus is pushed as its own graph (:func:`argmap.store.push`). Next to the
store's catalog, the *corpus graph* says where each map came from and holds its
normalised actor names and statement texts::

    GRAPH <https://w3id.org/argmap/store/corpus> {
      <G> a cx:CorpusMap ; cx:file "aif/qt30/nodeset21459.json" ;
          cx:sha256 "9f2c..." ; cx:format "aif" ; cx:problems 0 ;
          cx:loaded "2026-12-02T14:00:00Z"^^xsd:dateTime ;
          cx:data <D> ; cx:claims 12 ; cx:arguments 5 ; ... ;
          cx:actor <urn:argmap:corpus:...:a0> ; cx:statement <urn:argmap:corpus:...:s0> .
      <urn:argmap:corpus:...:a0> cx:key "us chamber of commerce" ; cx:node <actor IRI> .
    }

with ``cx:`` = ``https://w3id.org/argmap/corpus#``. The counts by kind say which data
graph ``D`` they describe: a question uses them only while ``D`` is the map's current
version (a map pushed again outside the corpus is counted in the store instead). The
keys are computed once, in Python, when a map is added (:func:`normalise`): SPARQL's string functions differ from
server to server (``LCASE`` and ``\\s`` are not Unicode-complete everywhere), so a key
computed in the store would not match the in-memory answer on every server. The cost
is a few triples per actor and statement, written with the map's provenance after the
map's own atomic push: one update removes the previous provenance, then the new lines
are appended (N-Triples, which carry any string; update text cannot). A map whose push
finished but whose provenance is missing (Ctrl-C between the two) is read again by the
next load, which replaces it.

Examples
--------
>>> normalise("  The  U.S. Chamber of Commerce. ")
'the u.s. chamber of commerce'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["CORPUS", "COUNTS", "CX", "Provenance", "index_triples", "normalise", "remove_update"]

#: The named graph holding every map's provenance and keys.
CORPUS = "https://w3id.org/argmap/store/corpus"
#: The corpus vocabulary.
CX = "https://w3id.org/argmap/corpus#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DATETIME = ox.NamedNode(_XSD + "dateTime")
_INTEGER = ox.NamedNode(_XSD + "integer")
#: Kinds counted in the corpus graph (``m.counts()`` key -> cx: property).
COUNTS = {
    "claim": "claims",
    "evidence": "evidence",
    "recommendation": "recommendations",
    "actor": "actors",
    "alternative": "alternatives",
    "issue": "issues",
    "argument": "arguments",
    "attack": "attacks",
    "stance": "stances",
}
_TRAILING = re.compile(r"[\s.!?;:,]+$")


def normalise(text: str) -> str:
    """The key two names or texts share when they say the same: case-folded, spaces
    collapsed, trailing punctuation dropped.

    >>> normalise("Russia!") == normalise("russia")
    True
    """
    folded = " ".join(text.casefold().split())
    return _TRAILING.sub("", folded)


@dataclass(frozen=True)
class Provenance:
    """Where the map stored as ``graph`` came from (``file`` None for a map added in Python)."""

    graph: str
    file: str | None
    sha256: str | None
    format: str | None
    loaded: str
    problems: int = 0
    data: str | None = None


def _entry(graph: str, tag: str, n: int) -> str:
    return f"urn:argmap:corpus:{hashlib.sha1(graph.encode()).hexdigest()[:20]}:{tag}{n}"


def map_keys(m: ArgumentMap) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(normalised name, actor IRI) and (normalised text, statement IRI) pairs of ``m``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("k"); _ = m.actor("Russia ", id="r"); _ = m.claim("It is.", id="c")
    >>> map_keys(m)
    ([('russia', 'https://w3id.org/argmap/map/k/r')], [('it is', 'https://w3id.org/argmap/map/k/c')])
    """
    actors = [(normalise(a.text), m.iri_of(a.id)) for a in m.actors() if normalise(a.text)]
    statements = [(normalise(s.text), m.iri_of(s.id)) for s in m.statements() if normalise(s.text)]
    return actors, statements


def _where_old(graph: str) -> str:
    g = f"<{graph}>"
    return (
        f"GRAPH <{CORPUS}> {{ {g} ?p ?o . "
        f"OPTIONAL {{ ?o ?q ?v . FILTER(isIRI(?o) && STRSTARTS(STR(?o), 'urn:argmap:corpus:')) }} }}"
    )


def remove_update(graph: str) -> str:
    """One SPARQL update removing ``graph``'s provenance and keys."""
    g = f"<{graph}>"
    return (
        f"DELETE {{ GRAPH <{CORPUS}> {{ {g} ?p ?o . ?o ?q ?v }} }} WHERE {{ {_where_old(graph)} }}"
    )


def index_triples(prov: Provenance, m: ArgumentMap) -> bytes:
    """``prov.graph``'s provenance and keys as N-Triples, for the corpus graph.

    They are appended (not written into update text, which cannot carry every string
    safely) after :func:`remove_update` removed the previous ones.
    """
    g = ox.NamedNode(prov.graph)
    triples = [
        ox.Triple(g, _RDF_TYPE, ox.NamedNode(CX + "CorpusMap")),
        ox.Triple(g, ox.NamedNode(CX + "loaded"), ox.Literal(prov.loaded, datatype=_DATETIME)),
        ox.Triple(
            g, ox.NamedNode(CX + "problems"), ox.Literal(str(int(prov.problems)), datatype=_INTEGER)
        ),
    ]
    for name, value in (("file", prov.file), ("sha256", prov.sha256), ("format", prov.format)):
        if value is not None:
            triples.append(ox.Triple(g, ox.NamedNode(CX + name), ox.Literal(value)))
    if prov.data is not None:
        triples.append(ox.Triple(g, ox.NamedNode(CX + "data"), ox.NamedNode(prov.data)))
        counts = m.counts()
        for kind, prop in COUNTS.items():
            count = ox.Literal(str(counts[kind]), datatype=_INTEGER)
            triples.append(ox.Triple(g, ox.NamedNode(CX + prop), count))
    actors, statements = map_keys(m)
    for tag, prop, pairs in (("a", "actor", actors), ("s", "statement", statements)):
        for n, (key, iri) in enumerate(pairs):
            e = ox.NamedNode(_entry(prov.graph, tag, n))
            triples.append(ox.Triple(g, ox.NamedNode(CX + prop), e))
            triples.append(ox.Triple(e, ox.NamedNode(CX + "key"), ox.Literal(key)))
            triples.append(ox.Triple(e, ox.NamedNode(CX + "node"), ox.NamedNode(iri)))
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")
