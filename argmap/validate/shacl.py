"""``validate_rdf``: run ``ontology/shapes.ttl`` with pySHACL and report argmap findings.

The shapes state the structural rules (and the two logical ones SHACL can state:
an argument using its own conclusion as a premise, and a self-attack). Every shape names
its argmap rule with ``dcterms:identifier``, so the SHACL results map onto the same
:class:`~argmap.validate.Finding` type, rule ids and severities as :func:`validate` gives.
This is what a triple-store user runs; :func:`validate` is the fast way to the same
answer (``tests/test_validate_shacl.py`` holds the two to it).

Examples
--------
>>> ttl = '''@prefix am: <https://w3id.org/argmap/ns#> .
... <http://ex.org/a> a am:Argument ; am:premise <http://ex.org/nowhere> .'''
>>> report = validate_rdf(ttl)
>>> sorted(f.rule for f in report)
['argument-without-conclusion', 'dangling-reference']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, cast

import pyoxigraph as ox

from argmap.errors import ArgmapError
from argmap.map import ArgumentMap
from argmap.validate._catalog import RULES
from argmap.validate._finding import Finding, MissingDependency, NodeRef
from argmap.validate._report import ValidationReport
from argmap.validate._run import _severity_map, expand_rules, read_input
from argmap.validate.triples import TripleIndex

__all__ = ["SHACL_RULES", "ontology_graph", "run_pyshacl", "shapes_graph", "validate_rdf"]

SH = "http://www.w3.org/ns/shacl#"
DCTERMS_IDENTIFIER = "http://purl.org/dc/terms/identifier"
MISSING_NODE_RULE = "https://w3id.org/argmap/shapes#missingNodeRule"
#: The rules ``ontology/shapes.ttl`` states (and the Python validator shares).
SHACL_RULES: frozenset[str] = frozenset(r.id for r in RULES.values() if r.shacl)


def _pyshacl() -> Any:
    try:
        import pyshacl
    except ImportError:
        raise MissingDependency(
            "validate_rdf needs pySHACL: pip install 'argmap[shacl]'"
        ) from None
    return pyshacl


def _data_file(name: str) -> str:
    return resources.files("argmap").joinpath(f"data/{name}").read_text("utf-8")


@cache
def shapes_graph() -> Any:
    """``ontology/shapes.ttl`` as an rdflib Graph (parsed once)."""
    import rdflib

    return rdflib.Graph().parse(data=_data_file("shapes.ttl"), format="turtle")


@cache
def ontology_graph() -> Any:
    """``ontology/argmap.ttl`` as an rdflib Graph (its subclass axioms serve sh:class)."""
    import rdflib

    return rdflib.Graph().parse(data=_data_file("argmap.ttl"), format="turtle")


def _rdflib_graph(source: Any, format: str | None) -> tuple[Any, str]:
    import rdflib

    if isinstance(source, ArgumentMap):
        from argmap.rdf import to_rdflib

        return to_rdflib(source), f"map {source.name!r}"
    if hasattr(source, "serialize") and hasattr(source, "triples"):
        return source, "rdflib graph"
    data = read_input(source, format)
    if isinstance(data, ArgumentMap):
        from argmap.rdf import to_rdflib

        return to_rdflib(data), f"map {data.name!r}"
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in data.quads)
    nt = cast(bytes, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    graph = rdflib.Graph()
    graph.parse(data=nt.decode("utf-8"), format="nt")
    return graph, data.subject


def _index(graph: Any) -> TripleIndex:
    data = graph.serialize(format="nt", encoding="utf-8")
    return TripleIndex(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def _key(term: Any) -> str | None:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return str(term)
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    return None


def run_pyshacl(graph: Any) -> Any:
    """pySHACL's results graph for ``graph`` against the shapes and the ontology."""
    pyshacl = _pyshacl()
    _conforms, results, _text = pyshacl.validate(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
        advanced=False,
    )
    if not hasattr(results, "subjects"):  # pySHACL returns its failure instead of raising
        raise ArgmapError(f"validate_rdf: pySHACL could not run the shapes: {results}")
    return results


def validate_rdf(
    graph_or_file: Any,
    *,
    format: str | None = None,
    disable: str | Iterable[str] = (),
    severities: Mapping[str, str] | None = None,
) -> ValidationReport:
    """Validate RDF against ``ontology/shapes.ttl`` with pySHACL.

    Parameters
    ----------
    graph_or_file:
        An :class:`rdflib.Graph`, a path, RDF text, or an :class:`~argmap.ArgumentMap`
        (exported to RDF first).
    format:
        The input format, when a path or text does not tell.
    disable, severities:
        As for :func:`validate`.

    Returns
    -------
    ValidationReport
        With ``engine == "shacl"``; rule ids are those of the built-in rules.

    Raises
    ------
    MissingDependency
        pySHACL is not installed (``pip install 'argmap[shacl]'``).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); _ = m.claim("A claim.", id="c")
    >>> validate_rdf(m).ok
    True
    """
    import rdflib

    graph, subject = _rdflib_graph(graph_or_file, format)
    disabled = expand_rules(disable, "disable", False)
    sev = _severity_map(severities, False)
    results = run_pyshacl(graph)
    shapes = shapes_graph()
    sh = rdflib.Namespace(SH)
    ident = rdflib.URIRef(DCTERMS_IDENTIFIER)
    ix: TripleIndex | None = None
    owners: dict[str, str] = {}
    findings: list[Finding] = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        shape = results.value(result, sh.sourceShape)
        rule_lit = shapes.value(shape, ident) if shape is not None else None
        rule = str(rule_lit) if rule_lit is not None else "shacl"
        focus = _key(results.value(result, sh.focusNode))
        value = results.value(result, sh.value)
        if focus is not None and focus == _key(shape):
            # a whole-graph SPARQL check: the shape is its own focus, the value the node
            focus = _key(value)
            value = None
        if focus is None:
            continue
        if ix is None:
            ix = _index(graph)
            owners = ix.owners()
        missing_rule = shapes.value(shape, rdflib.URIRef(MISSING_NODE_RULE))
        if missing_rule is not None and value is not None:
            vkey = _key(value)
            if vkey is None or "Node" not in ix.closure.get(vkey, ()):
                rule = str(missing_rule)
        if rule in disabled:
            continue
        nodes: list[NodeRef] = [ix.ref(focus)]
        owner = owners.get(focus)
        if owner is not None:
            nodes.append(ix.ref(owner))
        value_key = _key(value) if value is not None else None
        if value_key is not None and value_key != focus:
            nodes.append(ix.ref(value_key))
        message = results.value(result, sh.resultMessage)
        text = str(message) if message is not None else "violates a shape"
        shown = f" (value {value.n3()})" if value is not None and value_key != focus else ""
        name = ix.name(focus)
        severity = sev.get(rule, RULES[rule].severity if rule in RULES else "error")
        findings.append(Finding(
            rule, severity, f"{name[:1].upper()}{name[1:]}: {text}{shown}.",
            tuple(nodes), *ix.quote(focus),
        ))
    rules = sorted(SHACL_RULES - disabled)
    return ValidationReport(findings, rules=rules, subject=subject, engine="shacl")

