"""The RDF syntaxes: Turtle, N-Triples, JSON-LD, TriG, N-Quads and RDF/XML.

Reading: pyoxigraph parses, :mod:`argmap.rdf` makes the map. Writing: :mod:`argmap.rdf`
writes sorted N-Triples, pyoxigraph re-serialises them (rdflib for compact JSON-LD, with
argmap's context inline, so the file reads as plain JSON and parses with no network).
TriG and N-Quads put the map in one named graph, the map's IRI.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
>>> text = dumps_turtle(m).decode()
>>> print(text[text.index(":c a"):])
:c a am:Claim ;
    am:text "A claim." .
<https://w3id.org/argmap/map/demo> a am:ArgumentMap .
<BLANKLINE>
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from importlib import resources
from typing import Any, cast

import pyoxigraph as ox

from argmap.io._rdf_lenient import import_rdf
from argmap.io._xml_entities import expand_entities
from argmap.io.rdf_guard import guard_rdf, refuse_remote_contexts
from argmap.io.registry import Format, register
from argmap.map import ArgumentMap
from argmap.namespace import NS
from argmap.ntriples import same_graph
from argmap.rdf import ntriples, read
from argmap.vocab import OWL_NS, RDF_NS, XSD

__all__ = ["context", "dumps_turtle", "guard_rdf", "refuse_remote_contexts"]  # the last two: rdf_guard

PREFIXES = {
    "am": NS,
    "rdf": RDF_NS,
    "xsd": XSD,
    "owl": OWL_NS,
}


@cache
def context() -> dict[str, Any]:
    """argmap's JSON-LD context (``ontology/context.jsonld``)."""
    text = resources.files("argmap").joinpath("data/context.jsonld").read_text("utf-8")
    value: dict[str, Any] = json.loads(text)
    return value


def _triples(m: ArgumentMap) -> Any:
    return ox.parse(ntriples(m), format=ox.RdfFormat.N_TRIPLES)


def _quads(m: ArgumentMap) -> Any:
    graph = ox.NamedNode(m.iri)
    return (ox.Quad(t.subject, t.predicate, t.object, graph) for t in _triples(m))


def _serialize(items: Any, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    kwargs: dict[str, Any] = {}
    if prefixes is not None:
        kwargs["prefixes"] = prefixes
    data = cast(bytes, ox.serialize(items, format=fmt, **kwargs))
    if prefixes is None or fmt not in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        return data
    # pyoxigraph writes prefixes in hash order; sort them so output is byte-stable
    head, body = [], data.split(b"\n")
    while body and body[0].startswith(b"@prefix"):
        head.append(body.pop(0))
    return b"\n".join(sorted(head) + body)


def _prefixes(m: ArgumentMap) -> dict[str, str]:
    return {**PREFIXES, "": m.base}


def dumps_turtle(m: ArgumentMap) -> bytes:
    """The map as Turtle (node IRIs under the empty prefix, the map's base)."""
    return _serialize(_triples(m), ox.RdfFormat.TURTLE, _prefixes(m))


def _loader(fmt: ox.RdfFormat) -> Any:
    def loads(data: bytes, *, filename: str | None = None, graph: str | None = None) -> ArgumentMap:
        if fmt == ox.RdfFormat.RDF_XML:  # entities expanded here, with caps, or refused
            data = expand_entities(data, file=filename)
        return read(data, fmt, file=filename, graph=graph)

    return loads


_SCHEMES = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*):")


def _dumps_jsonld(m: ArgumentMap) -> bytes:
    import rdflib

    g = rdflib.Graph()
    nt = ntriples(m).decode("utf-8")
    quiet = logging.getLogger("rdflib.term")  # it logs a traceback per ill-typed literal
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        g.parse(data=nt, format="nt")
    finally:
        quiet.setLevel(level)
    ctx = context()["@context"]
    if set(_SCHEMES.findall(nt)) & set(ctx) or any(
        isinstance(o, rdflib.Literal) and o.ill_typed for o in g.objects()
    ):
        # Two things rdflib's compaction gets wrong, so such maps are written expanded
        # (by pyoxigraph), unambiguously: an IRI like <am:Claim> (scheme "am") compacts to
        # "am:Claim", which reads back through the context's am: prefix; and an ill-typed
        # literal ("x"^^xsd:integer) loses its datatype.
        text = cast(bytes, ox.serialize(_triples(m), format=ox.RdfFormat.JSON_LD)).decode()
    else:
        text = g.serialize(
            format="json-ld", context=ctx, auto_compact=True, indent=2, sort_keys=True
        )
        # rdflib also rewrites non-canonical literals ("05"^^xsd:integer -> 5): check the
        # compact form reads back as the same triples, else write it expanded
        if not _same_triples(nt, text.encode("utf-8")):
            text = cast(bytes, ox.serialize(_triples(m), format=ox.RdfFormat.JSON_LD)).decode()
    doc = _stable(json.loads(text))
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _same_triples(nt: str, jsonld: bytes) -> bool:
    back = cast(
        bytes,
        ox.serialize(ox.parse(jsonld, format=ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_TRIPLES),
    ).decode("utf-8")
    # split on "\n" only: str.splitlines() also splits inside literals (U+2028, U+0085...)
    return same_graph(
        [line for line in nt.split("\n") if line], [line for line in back.split("\n") if line]
    )


def _stable(value: Any) -> Any:
    """Sort what rdflib leaves in hash order: node objects by @id, sets by content."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_stable(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _loads_jsonld(
    data: bytes, *, filename: str | None = None, graph: str | None = None
) -> ArgumentMap:
    data = guard_rdf(data, "jsonld", filename)  # caps, remote contexts, silent drops
    return read(data, ox.RdfFormat.JSON_LD, file=filename, graph=graph)


def _sniff_text(*starts: bytes) -> Any:
    def sniff(head: bytes) -> bool:
        text = head.lstrip()
        return any(text.startswith(s) for s in starts)

    return sniff


register(
    Format(
        "turtle",
        ("ttl", "turtle"),
        loads=_loader(ox.RdfFormat.TURTLE),
        dumps=dumps_turtle,
        sniff=_sniff_text(b"@prefix", b"PREFIX", b"@base", b"BASE"),
        media_type="text/turtle",
        aliases=("ttl",),
        description="Turtle (RDF)",
        imports=import_rdf("turtle"),
    )
)
register(
    Format(
        "nt",
        ("nt",),
        loads=_loader(ox.RdfFormat.N_TRIPLES),
        dumps=ntriples,
        media_type="application/n-triples",
        aliases=("ntriples", "n-triples"),
        description="N-Triples (RDF)",
        imports=import_rdf("nt"),
    )
)
register(
    Format(
        "jsonld",
        ("jsonld",),
        loads=_loads_jsonld,
        dumps=_dumps_jsonld,
        sniff=lambda head: b'"@context"' in head[:4096] or b'"@graph"' in head[:4096],
        media_type="application/ld+json",
        aliases=("json-ld",),
        description="JSON-LD (RDF), compact with argmap's context",
        imports=import_rdf("jsonld"),
    )
)
register(
    Format(
        "trig",
        ("trig",),
        loads=_loader(ox.RdfFormat.TRIG),
        dumps=lambda m: _serialize(_quads(m), ox.RdfFormat.TRIG, _prefixes(m)),
        media_type="application/trig",
        description="TriG (RDF dataset; the map is one named graph)",
        imports=import_rdf("trig"),
    )
)
register(
    Format(
        "nquads",
        ("nq", "nquads"),
        loads=_loader(ox.RdfFormat.N_QUADS),
        dumps=lambda m: _serialize(_quads(m), ox.RdfFormat.N_QUADS),
        media_type="application/n-quads",
        aliases=("n-quads",),
        description="N-Quads (RDF dataset; the map is one named graph)",
        imports=import_rdf("nquads"),
    )
)
register(
    Format(
        "xml",
        ("rdf", "owl", "rdfxml"),
        loads=_loader(ox.RdfFormat.RDF_XML),
        dumps=lambda m: _serialize(_triples(m), ox.RdfFormat.RDF_XML, PREFIXES),
        sniff=_sniff_text(b"<?xml", b"<rdf:RDF"),
        media_type="application/rdf+xml",
        aliases=("rdfxml", "rdf/xml", "rdf-xml"),
        description="RDF/XML",
        imports=import_rdf("xml"),
    )
)
