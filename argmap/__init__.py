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

import importlib
from typing import TYPE_CHECKING, Any

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
    ReadOnlyError,
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

if TYPE_CHECKING:  # at run time each name is imported on first use: see ``__getattr__`` below
    from argmap.align import Alignment
    from argmap.align import align as align
    from argmap.diff import MapDiff
    from argmap.diff import diff as diff
    from argmap.display import render, to_dot, to_html, to_svg
    from argmap.io import dump, dumps, formats, load, loads
    from argmap.limits import Limits
    from argmap.limits import limits as limits
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
    from argmap.questions import QuestionRow, QuestionTable, critical_questions
    from argmap.rdf import from_rdflib, to_rdflib
    from argmap.schemes import CriticalQuestion, Scheme, SchemeCatalogue, default_catalogue
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
    from argmap.semantics.explain import explain
    from argmap.store import connect, open_store, pull, push
    from argmap.validate import Finding, ValidationReport, validate_rdf
    from argmap.validate import validate as validate


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
    "ReadOnlyError",
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

# Where each public name lives. ``import argmap`` loads none of these modules (nor rdflib,
# pyoxigraph, networkx or pydantic); ``argmap.X`` imports X's module on first use and keeps
# the answer. A name mapped to ``None`` is the module itself (``argmap.validate(m)`` calls it).
_HOMES: dict[str, tuple[str, ...]] = {
    "argmap.map": ("ArgumentMap",),
    "argmap.model": (
        "About", "Actor", "Alternative", "Anchor", "Argument", "Attack", "Claim", "Evidence",
        "Issue", "Recommendation", "Source", "Stance",
    ),
    "argmap.namespace": ("AM",),
    "argmap.io": ("dump", "dumps", "formats", "load", "loads"),
    "argmap.limits": ("Limits",),
    "argmap.rdf": ("from_rdflib", "to_rdflib"),
    "argmap.query": (
        "Trace", "Unsupported", "WhatIf", "actors_behind", "basic_premises",
        "critical_premises", "evidence_for", "minimal_cut_sets", "premises", "trace",
        "trace_all", "unsupported", "what_if",
    ),
    "argmap.semantics.explain": ("explain",),
    "argmap.validate": ("Finding", "ValidationReport", "validate_rdf"),
    "argmap.semantics": (
        "AbstractFramework", "Acceptance", "BipolarFramework", "Label", "Labelling", "accept",
        "bipolar_framework", "complete_extensions", "dfquad", "dump_af", "dumps_af",
        "dung_framework", "extensions", "grounded_extension", "is_credulously_accepted",
        "is_sceptically_accepted", "label_map", "load_af", "loads_af", "map_strengths",
        "preferred_extensions", "stable_extensions",
    ),
    "argmap.semantics.carneades": (
        "CarneadesResult", "carneades", "explain_standards", "standards_of",
    ),
    "argmap.questions": ("QuestionRow", "QuestionTable", "critical_questions"),
    "argmap.schemes": ("CriticalQuestion", "Scheme", "SchemeCatalogue", "default_catalogue"),
    "argmap.store": ("connect", "open_store", "pull", "push"),
    "argmap.align": ("Alignment",),
    "argmap.diff": ("MapDiff",),
    "argmap.display": ("render", "to_dot", "to_html", "to_svg"),
}  # fmt: skip
_WHERE: dict[str, str] = {name: home for home, names in _HOMES.items() for name in names}
_MODULES = {"limits": "argmap.limits", "validate": "argmap.validate", "align": "argmap.align",
            "diff": "argmap.diff"}  # fmt: skip


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use (PEP 562)."""
    if name in _MODULES:
        value: Any = importlib.import_module(_MODULES[name])
    elif name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
    else:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
