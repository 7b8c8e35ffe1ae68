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

from argmap.errors import (
    ArgmapError,
    DuplicateNode,
    FormatError,
    KindError,
    LimitExceeded,
    MergeConflict,
    MissingDependency,
    ModelError,
    NodeNotFound,
    ParseError,
    QueryError,
    QuerySyntaxError,
    RuleError,
    SchemeError,
    SemanticsError,
    StoreAuthError,
    StoreCleanupWarning,
    StoreError,
    StoreProtocolError,
    StoreUnavailable,
    UnknownScheme,
    ValidationFailed,
    WriteError,
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
# isort: split
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
# --- validate (issue 5) ---
# isort: split
from argmap.validate import Finding, ValidationReport, validate_rdf

if TYPE_CHECKING:  # type checkers see the function; at run time the module answers the call
    from argmap.validate import validate as validate
else:
    import argmap.validate as validate

# isort: split
# --- display (issue 6) ---
# isort: split
from argmap.display import GraphvizNotFound as GraphvizNotFound
from argmap.display import RenderError as RenderError
from argmap.display import attach_reprs as _attach_reprs
from argmap.display import render as render
from argmap.display import to_dot as to_dot
from argmap.display import to_html as to_html
from argmap.display import to_svg as to_svg

_attach_reprs()  # maps, traces and validation reports draw themselves in notebooks
# --- interop (issue 7) ---
# --- semantics (issue 8) ---
# isort: split
from argmap.semantics import (  # noqa: E402  (after the display section's call)
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

# --- carneades (issue 20) ---
from argmap.semantics.carneades import (  # noqa: E402
    CarneadesResult,
    carneades,
    explain_standards,
    standards_of,
)

# isort: split
# --- store (issue 10) ---
# isort: split
from argmap.store import connect, open_store, pull, push  # noqa: E402

# --- schemes and critical questions (issue 23) ---
# isort: split
from argmap.questions import QuestionRow, QuestionTable, critical_questions  # noqa: E402
from argmap.schemes import (  # noqa: E402
    CriticalQuestion,
    Scheme,
    SchemeCatalogue,
    default_catalogue,
)

# --- hostile input (issue 9) ---
# isort: split
from argmap.limits import Limits  # noqa: E402

if TYPE_CHECKING:
    from argmap.limits import limits as limits
else:
    import argmap.limits as limits

# isort: split

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
    "MissingDependency",
    "ModelError",
    "NodeNotFound",
    "ParseError",
    "QueryError",
    "QuerySyntaxError",
    "Recommendation",
    "RuleError",
    "SchemeError",
    "SemanticsError",
    "Source",
    "Stance",
    "StoreAuthError",
    "StoreCleanupWarning",
    "StoreError",
    "StoreProtocolError",
    "StoreUnavailable",
    "UnknownScheme",
    "ValidationFailed",
    "WriteError",
    "dump",
    "dumps",
    "formats",
    "from_rdflib",
    "load",
    "loads",
    "to_rdflib",
    # --- exports (other issues) ---
    # hostile input (issue 9)
    "Limits",
    "limits",
    # query (issue 3)
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
    # validate (issue 5)
    "Finding",
    "ValidationReport",
    "validate",
    "validate_rdf",
    # semantics (issue 8)
    "AbstractFramework",
    "Acceptance",
    "BipolarFramework",
    "Label",
    "Labelling",
    "accept",
    "bipolar_framework",
    "complete_extensions",
    "dfquad",
    "dump_af",
    "dumps_af",
    "dung_framework",
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
    # carneades (issue 20)
    "CarneadesResult",
    "carneades",
    "explain_standards",
    "standards_of",
    # store (issue 10)
    "connect",
    "open_store",
    "pull",
    "push",
    # schemes and critical questions (issue 23)
    "CriticalQuestion",
    "QuestionRow",
    "QuestionTable",
    "Scheme",
    "SchemeCatalogue",
    "critical_questions",
    "default_catalogue",
    # display (issue 6)
    "GraphvizNotFound",
    "RenderError",
    "render",
    "to_dot",
    "to_html",
    "to_svg",
]


def _to_rdflib(self: ArgumentMap) -> object:
    """The map as an rdflib Graph (see :func:`argmap.to_rdflib`)."""
    return to_rdflib(self)


ArgumentMap.to_rdflib = _to_rdflib  # type: ignore[attr-defined]
