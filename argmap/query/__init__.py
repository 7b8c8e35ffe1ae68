"""Queries over an argument map: trace each recommendation to what carries it.

The in-memory engine (plain functions over an :class:`~argmap.ArgumentMap`, on a lean
integer index cached per map version) and its SPARQL twins (the named queries of
:mod:`argmap.queries`, run by :func:`trace_sparql` on rdflib or pyoxigraph):

* :func:`trace` -> :class:`Trace`; :func:`trace_all`; :func:`premises`,
  :func:`basic_premises`, :func:`evidence_for`, :func:`actors_behind`;
* :func:`critical_premises`, :func:`minimal_cut_sets`, :func:`what_if`,
  :func:`unsupported` (complete support is defined in :mod:`argmap.query.support`);
* :func:`explain` (text) and ``Trace.to_dict()`` (the JSON contract of
  :mod:`argmap.query.contract`), ``Trace.to_frame()`` (pandas).

>>> from argmap import ArgumentMap
>>> m = ArgumentMap("q"); r = m.recommendation("R.", id="r")
>>> _ = m.argue([m.claim("C.", id="c")], r)
>>> trace(m, "r").premises, unsupported(m).no_evidence
(('c',), ('r',))
"""

from __future__ import annotations

from argmap.query.contract import TRACE_JSON_SCHEMA, check_trace_json
from argmap.query.explain import explain
from argmap.query.sparql import TraceSets, UnsupportedSets, trace_sparql, unsupported_sparql
from argmap.query.support import (
    Unsupported,
    WhatIf,
    critical_premises,
    minimal_cut_sets,
    unsupported,
    what_if,
)
from argmap.query.trace import (
    Trace,
    TraceAnchor,
    TraceAttack,
    TraceStance,
    actors_behind,
    basic_premises,
    evidence_for,
    premises,
    trace,
    trace_all,
)

__all__ = [
    "TRACE_JSON_SCHEMA",
    "Trace",
    "TraceAnchor",
    "TraceAttack",
    "TraceSets",
    "TraceStance",
    "Unsupported",
    "UnsupportedSets",
    "WhatIf",
    "actors_behind",
    "basic_premises",
    "check_trace_json",
    "critical_premises",
    "evidence_for",
    "explain",
    "minimal_cut_sets",
    "premises",
    "trace",
    "trace_all",
    "trace_sparql",
    "unsupported",
    "unsupported_sparql",
    "what_if",
]
