"""Consistency validation: rules that find real problems in an argument map.

:func:`validate` checks a map (or RDF, or a file) and returns a
:class:`ValidationReport` of :class:`Finding` objects; :func:`validate_rdf` runs the
SHACL shapes (``ontology/shapes.ttl``) with pySHACL and returns the same report type with
the same rule ids. Switch rules off with ``disable=``, change severities with
``severities=``, add your own rules as plain functions with ``extra_rules=``.

The rules (``rules()`` lists them; each :class:`Rule` carries a short example map that
breaks it):

============================= ========== ======== =====================================
rule                          category   severity what it finds
============================= ========== ======== =====================================
argument-without-premise      structural error    an argument with no premise
argument-without-conclusion   structural error    an argument with no conclusion
attack-without-attacker       structural error    an attack with no attacker
attack-without-target         structural error    an attack with no target
stance-incomplete             structural error    a stance without actor, role or target
dangling-reference            structural error    a reference to a node not in the map
wrong-kind                    structural error    a reference to a node of the wrong kind
stance-actor-not-actor        structural error    a stance whose actor is not an actor
too-many-values               structural error    two conclusions, two targets, two texts
unknown-value                 structural error    a role/attack type/actor type not named
missing-text                  structural error    a statement or entity without text
two-kinds                     structural error    one subject typed with two classes
anchor-source-missing         structural error    an anchor without (a real) source
anchor-without-quote          structural error    an anchor without its quoted words
anchor-offsets                structural error    offsets that do not fit the quote
attack-type-mismatch          structural error    an undercut of a statement, ...
not-loadable                  structural error    RDF that does not load as a map
premise-is-conclusion         logical    error    an argument assuming its conclusion
self-attack                   logical    warning  a statement attacking itself
circular-support              logical    error    a statement supporting itself
premise-attacks-own-argument  logical    error    a premise attacking its own argument
actor-contradicts-self        logical    error    an actor asserting mutual attackers
endorses-and-opposes          logical    error    an actor for and against one thing
unsupported-recommendation    grounding  error    a recommendation with no argument
ungrounded-recommendation     grounding  warning  no evidence behind a recommendation
evidence-without-source       grounding  warning  evidence with no source and no quote
unanswered-attack             grounding  warning  an unanswered attack on its premises
unanchored-statement          grounding  info     a statement with no quote
open-critical-question        grounding  info     a scheme's question left open
duplicate-statement           hygiene    warning  the same statement twice
orphan-node                   hygiene    warning  a node tied to nothing
============================= ========== ======== =====================================

The structural rules (and premise-is-conclusion, self-attack) are checked on RDF
triples, before loading; the in-memory :class:`~argmap.ArgumentMap` refuses to hold
what they describe, except a self-attack (a warning: a map may hold one, as abstract
frameworks do), which is also checked in memory, as is anchor-offsets.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("brief")
>>> src = m.source("The brief", id="brief")
>>> r = m.recommendation("The U.S. should abstain.", id="abstain")
>>> e = m.evidence("76 nations are party to the Budapest Convention.", id="parties",
...                source=src)
>>> _ = m.argue([e], r)
>>> report = validate(m)
>>> report.ok
True
>>> sorted({f.rule for f in report})
['unanchored-statement']
>>> validate(m, severities={"unanchored-statement": "error"}).ok
False
"""

from __future__ import annotations

from argmap.callable_module import make_callable
from argmap.validate._catalog import CATEGORIES, RULES, Rule
from argmap.validate._finding import (
    SEVERITIES,
    Finding,
    MissingDependency,
    NodeRef,
    RuleError,
    Severity,
    quote_of,
)
from argmap.validate._report import ValidationReport
from argmap.validate._run import expand_rules, validate
from argmap.validate.shacl import SHACL_RULES, validate_rdf

__all__ = [
    "CATEGORIES",
    "RULES",
    "SEVERITIES",
    "SHACL_RULES",
    "Finding",
    "MissingDependency",
    "NodeRef",
    "Rule",
    "RuleError",
    "Severity",
    "ValidationReport",
    "expand_rules",
    "quote_of",
    "rules",
    "validate",
    "validate_rdf",
]


def rules(category: str | None = None) -> list[Rule]:
    """The built-in rules, optionally of one category.

    >>> [r.id for r in rules("logical")][:3]
    ['premise-is-conclusion', 'self-attack', 'circular-support']
    """
    if category is not None and category not in CATEGORIES:
        raise RuleError(f"rules: no category {category!r}; categories are {', '.join(CATEGORIES)}")
    return [r for r in RULES.values() if category is None or r.category == category]


make_callable(__name__, validate)  # argmap.validate(m) calls validate(m); the module stays one
