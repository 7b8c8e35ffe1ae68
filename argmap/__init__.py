"""argmap: argument maps of policy briefs as knowledge graphs.

Claims, evidence, recommendations, actors and alternatives, joined by support and
attack, anchored to quotes in their sources; serialized to RDF with argmap's own
ontology; traced from each recommendation down to the premises and evidence that carry it.

>>> import argmap
>>> m = argmap.ArgumentMap("hello")
>>> r = m.recommendation("Adopt the plan.", id="adopt")
>>> _ = m.argue([m.evidence("The plan worked elsewhere.", id="worked")], r)
>>> sorted(n.id for n in m.statements())
['adopt', 'worked']
"""

from __future__ import annotations

from argmap.errors import (
    ArgmapError,
    DuplicateNode,
    FormatError,
    KindError,
    LimitExceeded,
    MergeConflict,
    ModelError,
    NodeNotFound,
    ParseError,
    QueryError,
    SemanticsError,
    StoreAuthError,
    StoreError,
    StoreProtocolError,
    StoreUnavailable,
    ValidationFailed,
)
from argmap.io import dump, dumps, formats, load, loads
from argmap.map import ArgumentMap
from argmap.model import (
    About,
    Actor,
    Alternative,
    Anchor,
    Argument,
    Attack,
    Claim,
    Evidence,
    Issue,
    Recommendation,
    Source,
    Stance,
)
from argmap.namespace import AM
from argmap.rdf import from_rdflib, to_rdflib

# --- query (issue 3) ---
# --- validate (issue 5) ---
# --- display (issue 6) ---
# --- interop (issue 7) ---
# --- semantics (issue 8) ---
# --- store (issue 10) ---
__version__ = "0.1.0"

__all__ = [
    "AM",
    "About",
    "Actor",
    "Alternative",
    "Anchor",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "Attack",
    "Claim",
    "DuplicateNode",
    "Evidence",
    "FormatError",
    "Issue",
    "KindError",
    "LimitExceeded",
    "MergeConflict",
    "ModelError",
    "NodeNotFound",
    "ParseError",
    "QueryError",
    "Recommendation",
    "SemanticsError",
    "Source",
    "Stance",
    "StoreAuthError",
    "StoreError",
    "StoreProtocolError",
    "StoreUnavailable",
    "ValidationFailed",
    "dump",
    "dumps",
    "formats",
    "from_rdflib",
    "load",
    "loads",
    "to_rdflib",
    # --- exports (other issues) ---
]


def _to_rdflib(self: ArgumentMap) -> object:
    """The map as an rdflib Graph (see :func:`argmap.to_rdflib`)."""
    return to_rdflib(self)


ArgumentMap.to_rdflib = _to_rdflib  # type: ignore[attr-defined]
