"""The IRIs and N-Triples spellings the writer and the reader share."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from argmap.namespace import NS
from argmap.vocab import (
    ACTOR_TYPE_TERM,
    ATTACK_TYPE_TERM,
    CLASS_OF_KIND,
    OWL_SAME_AS,
    PROPERTIES,
    RDF_TYPE,
    ROLE_TERM,
    XSD,
)

if TYPE_CHECKING:
    pass


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _iri(value: str) -> str:
    return f"<{value}>"


def _lit(value: str) -> str:
    return '"' + value.translate(_ESCAPES) + '"'


def _typed(value: str, datatype: str) -> str:
    return f"{_lit(value)}^^<{datatype}>"


def _date_literal(value: str) -> str:
    if len(value) == 4:
        return _typed(value, XSD + "gYear")
    if len(value) == 7:
        return _typed(value, XSD + "gYearMonth")
    return _typed(value, XSD + "date")


#: the RDF syntaxes by their registry names
SYNTAXES: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}

_IRI_TERM = re.compile(r"<[^<>\s]*>")


def _anchor_iri(base: str, node_id: str, key: tuple[Any, ...]) -> str:
    digest = hashlib.sha1(repr((node_id, key)).encode("utf-8")).hexdigest()[:12]
    return f"{base}anchor-{digest}"


# ---------------------------------------------------------------------- writing

_P = {name: _iri(NS + name) for name in PROPERTIES}
_T_TYPE = _iri(RDF_TYPE)
_T_SAME_AS = _iri(OWL_SAME_AS)
_T_CLASS = {k: _iri(NS + c) for k, c in CLASS_OF_KIND.items()}
_T_ANCHOR = _iri(NS + "Anchor")
_T_ATTACK = {k: _iri(NS + v) for k, v in ATTACK_TYPE_TERM.items()}
_T_ROLE = {k: _iri(NS + v) for k, v in ROLE_TERM.items()}
_T_ACTOR = {k: _iri(NS + v) for k, v in ACTOR_TYPE_TERM.items()}
_T_INT = "^^<" + XSD + "integer>"
