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

from typing import TYPE_CHECKING

# Build a map
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

# isort: split
# Read and write
from argmap.io import dump, dumps, formats, load, loads
from argmap.limits import Limits
from argmap.rdf import from_rdflib, to_rdflib

if TYPE_CHECKING:  # type checkers see the functions; at run time the modules answer the call
    from argmap.limits import limits as limits
    from argmap.validate import validate as validate
else:
    import argmap.limits as limits
    import argmap.validate as validate

# isort: split
# Ask why: trace a recommendation
from argmap.query import (
    Trace,
    Unsupported,
    WhatIf,
    actors_behind,
    basic_premises,
    critical_premises,
    evidence_for,
    minimal_cut_sets,
    premises,
    trace,
    trace_all,
    unsupported,
    what_if,
)
from argmap.query import methods as _query_methods  # noqa: F401  (m.trace(), m.what_if(), ...)
from argmap.semantics.explain import explain

# isort: split
# Check a map
from argmap.validate import Finding, ValidationReport, validate_rdf

# isort: split
# Acceptability
from argmap.semantics import (
    AbstractFramework,
    Acceptance,
    BipolarFramework,
    Label,
    Labelling,
    accept,
    bipolar_framework,
    complete_extensions,
    dfquad,
    dump_af,
    dumps_af,
    dung_framework,
    extensions,
    grounded_extension,
    is_credulously_accepted,
    is_sceptically_accepted,
    label_map,
    load_af,
    loads_af,
    map_strengths,
    preferred_extensions,
    stable_extensions,
)
from argmap.semantics.carneades import (
    CarneadesResult,
    carneades,
    explain_standards,
    standards_of,
)

# isort: split
# Stores
# Schemes and critical questions
from argmap.questions import QuestionRow, QuestionTable, critical_questions
from argmap.schemes import CriticalQuestion, Scheme, SchemeCatalogue, default_catalogue
from argmap.store import connect, open_store, pull, push

# isort: split
# Compare maps
# isort: split
from argmap.align import Alignment
from argmap.diff import MapDiff

if TYPE_CHECKING:  # type checkers see the function; at run time the module answers the call
    from argmap.align import align as align
    from argmap.diff import diff as diff
else:
    import argmap.align as align
    import argmap.diff as diff

# isort: split
# Draw
from argmap.display import attach_reprs as _attach_reprs
from argmap.display import render, to_dot, to_html, to_svg

# isort: split
# Errors
from argmap.errors import (
    ArgmapError,
    DuplicateNode,
    FormatError,
    GraphvizNotFound,
    ImportFailed,
    KindError,
    LimitExceeded,
    MergeConflict,
    MissingDependency,
    ModelError,
    NodeNotFound,
    ParseError,
    QueryError,
    QuerySyntaxError,
    RenderError,
    RuleError,
    SchemeError,
    SemanticsError,
    SolverTimeout,
    StoreAuthError,
    StoreCleanupWarning,
    StoreError,
    StoreProtocolError,
    StoreUnavailable,
    UnknownScheme,
    ValidationFailed,
    WriteError,
)

__version__ = "0.1.0"

__all__ = [
    # build a map
    "AM",
    "About",
    "Actor",
    "Alternative",
    "Anchor",
    "Argument",
    "ArgumentMap",
    "Attack",
    "Claim",
    "Evidence",
    "Issue",
    "Recommendation",
    "Source",
    "Stance",
    # read and write
    "Limits",
    "dump",
    "dumps",
    "formats",
    "from_rdflib",
    "limits",
    "load",
    "loads",
    "to_rdflib",
    # ask why: trace a recommendation
    "Trace",
    "Unsupported",
    "WhatIf",
    "actors_behind",
    "basic_premises",
    "critical_premises",
    "evidence_for",
    "explain",
    "minimal_cut_sets",
    "premises",
    "trace",
    "trace_all",
    "unsupported",
    "what_if",
    # check a map
    "Finding",
    "ValidationReport",
    "validate",
    "validate_rdf",
    # acceptability
    "AbstractFramework",
    "Acceptance",
    "BipolarFramework",
    "CarneadesResult",
    "Label",
    "Labelling",
    "accept",
    "bipolar_framework",
    "carneades",
    "complete_extensions",
    "dfquad",
    "dump_af",
    "dumps_af",
    "dung_framework",
    "explain_standards",
    "extensions",
    "grounded_extension",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "label_map",
    "load_af",
    "loads_af",
    "map_strengths",
    "preferred_extensions",
    "stable_extensions",
    "standards_of",
    # stores
    "connect",
    "open_store",
    "pull",
    "push",
    # schemes and critical questions
    "CriticalQuestion",
    "QuestionRow",
    "QuestionTable",
    "Scheme",
    "SchemeCatalogue",
    "critical_questions",
    "default_catalogue",
    # draw
    "render",
    "to_dot",
    "to_html",
    "to_svg",
    # compare maps
    "Alignment",
    "MapDiff",
    "align",
    "diff",
    # errors
    "ArgmapError",
    "DuplicateNode",
    "FormatError",
    "GraphvizNotFound",
    "ImportFailed",
    "KindError",
    "LimitExceeded",
    "MergeConflict",
    "MissingDependency",
    "ModelError",
    "NodeNotFound",
    "ParseError",
    "QueryError",
    "QuerySyntaxError",
    "RenderError",
    "RuleError",
    "SchemeError",
    "SemanticsError",
    "SolverTimeout",
    "StoreAuthError",
    "StoreCleanupWarning",
    "StoreError",
    "StoreProtocolError",
    "StoreUnavailable",
    "UnknownScheme",
    "ValidationFailed",
    "WriteError",
]

_attach_reprs()  # maps, traces and validation reports draw themselves in notebooks


def _to_rdflib(self: ArgumentMap) -> object:
    """The map as an rdflib Graph (see :func:`argmap.to_rdflib`)."""
    return to_rdflib(self)


ArgumentMap.to_rdflib = _to_rdflib  # type: ignore[attr-defined]
