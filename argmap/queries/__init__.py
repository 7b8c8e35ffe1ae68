"""argmap's SPARQL queries: named, documented query text, and safe parameter binding.

Each ``*.rq`` file beside this module is one SPARQL 1.1 SELECT query over a map exported
to RDF (:func:`argmap.to_rdflib`, any RDF format, or a triple store). Its header comment
says what it returns, which in-memory function is its twin, and its parameters.

Parameters are written ``$name`` in the query text (``?name`` are result variables). A
``$name`` is a legal SPARQL variable, so every file parses as it is; a parameter is then
given a value in one of two safe ways, never by pasting a string in:

* with rdflib, as ``initBindings`` of a prepared query (:func:`prepared`): the engine
  binds the variable to an rdflib term;
* for engines with no bindings argument (pyoxigraph's ``Store.query``, a SPARQL endpoint),
  :func:`bind` substitutes each ``$name`` token with :func:`sparql_term` of its value: an
  IRI is checked against the SPARQL ``IRIREF`` grammar (and must be absolute) before it is
  written as ``<...>``, a literal is written with every character that could end or
  escape it escaped. The substitution skips string literals, IRIs and comments of the
  query text, so only real parameter tokens are replaced.

Substituting the root IRI as a constant (rather than joining a ``VALUES`` block) also
gives property paths the fixed start some stores need (Virtuoso evaluates a transitive
path only from a bound end).

Examples
--------
>>> [n for n in names() if n.startswith("trace_")][:3]
['trace_actors', 'trace_anchors', 'trace_arguments']
>>> info("trace_premises").parameters
{'root': 'IRI'}
>>> print(bind("trace_premises", root="https://w3id.org/argmap/map/m/r").splitlines()[-3])
  <https://w3id.org/argmap/map/m/r> (^am:conclusion/am:premise)+ ?premise .
>>> sparql_term("https://example.org/a b", iri=True)
Traceback (most recent call last):
...
argmap.errors.QueryError: 'https://example.org/a b' is not an IRI SPARQL can hold: it contains ' '
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from argmap.errors import QueryError
from argmap.vocab import XSD

__all__ = ["QueryInfo", "bind", "info", "load_query", "names", "prepared", "sparql_term"]

_PARAM_LINE = re.compile(r"^#\s+\$([A-Za-z_][A-Za-z0-9_]*)\s+(IRI|literal)\b", re.MULTILINE)
_RETURN_LINE = re.compile(r"^#\s+\?([A-Za-z_][A-Za-z0-9_]*)\s", re.MULTILINE)
# IRIREF of the SPARQL grammar: no <>"{}|^`\ and no control character or space.
_IRI_BAD = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
# Tokens of query text that may hold a '$' which is not a parameter, and parameters.
_TOKENS = re.compile(
    r"""
    (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<str>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<comment>\#[^\n]*)
  | (?P<param>\$[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class QueryInfo:
    """What a query file's header says: its summary, parameters and result variables."""

    name: str
    summary: str
    parameters: dict[str, str]
    returns: tuple[str, ...]
    text: str


def names() -> list[str]:
    """The names of the queries argmap ships, sorted."""
    return sorted(
        p.name[:-3]
        for p in resources.files(__package__).iterdir()
        if p.name.endswith(".rq")
    )


@cache
def load_query(name: str) -> str:
    """The text of the named query (``trace_premises``, ``unsupported``, ...).

    >>> "SELECT DISTINCT ?premise" in load_query("trace_premises")
    True
    >>> load_query("nope")
    Traceback (most recent call last):
    ...
    argmap.errors.QueryError: no query named 'nope'; argmap ships: ...trace_premises, unsupported...
    """
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name not in names():
        raise QueryError(f"no query named {name!r}; argmap ships: {', '.join(names())}")
    return resources.files(__package__).joinpath(f"{name}.rq").read_text("utf-8")


@cache
def info(name: str) -> QueryInfo:
    """The header of the named query, parsed.

    >>> info("trace_attacks").returns
    ('attack', 'attacker', 'target', 'type', 'answered')
    """
    text = load_query(name)
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    first = header.splitlines()[0].lstrip("# ") if header else name
    summary = first.split(":", 1)[1].strip() if ":" in first else first
    return QueryInfo(
        name=name,
        summary=summary,
        parameters={m.group(1): m.group(2) for m in _PARAM_LINE.finditer(header)},
        returns=tuple(m.group(1) for m in _RETURN_LINE.finditer(header)),
        text=text,
    )


def _check_iri(value: str) -> str:
    bad = _IRI_BAD.search(value)
    if bad:
        raise QueryError(
            f"{value!r} is not an IRI SPARQL can hold: it contains {bad.group()!r}"
        )
    if not _IRI_SCHEME.match(value):
        raise QueryError(f"{value!r} is not an absolute IRI (it has no scheme)")
    import pyoxigraph

    try:  # RFC 3987, as the stores read it: '[' outside a host, bad %-escapes, ...
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"{value!r} is not a valid IRI: {exc}") from None
    return value


_ESCAPES = str.maketrans(
    {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
)


def _literal(value: str, suffix: str = "") -> str:
    if re.search(r"\\[uU]", value):
        # SPARQL processes \\u escapes before parsing the query, and engines disagree on
        # whether an escaped backslash shields them (rdflib decodes "\\u0041" to "A").
        raise QueryError(
            f"cannot write the literal {value[:40]!r} into query text safely: it holds a "
            "backslash followed by 'u', which engines read differently; bind it with rdflib "
            "initBindings instead"
        )
    return '"' + value.translate(_ESCAPES) + '"' + suffix


def sparql_term(value: Any, *, iri: bool = False) -> str:
    """``value`` as SPARQL term text, checked or escaped so that it cannot break out.

    * an rdflib ``URIRef`` or pyoxigraph ``NamedNode`` (or a ``str`` with ``iri=True``):
      an IRI, checked against SPARQL's ``IRIREF`` and required to be absolute;
    * a ``str``, rdflib ``Literal`` or pyoxigraph ``Literal``: a string literal, keeping
      its language tag or datatype;
    * ``bool``, ``int``, ``float``, ``Decimal``: typed XSD literals.

    Anything else (blank nodes included: they cannot be named across a query) is refused
    with :class:`~argmap.errors.QueryError`.

    >>> sparql_term("https://example.org/x", iri=True)
    '<https://example.org/x>'
    >>> print(sparql_term('say "hi"\\n} DROP ALL'))
    "say \\"hi\\"\\n} DROP ALL"
    >>> sparql_term(3), sparql_term(True)
    ('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>')
    """
    kind = type(value).__name__
    module = type(value).__module__.split(".")[0]
    if module == "rdflib":
        if kind == "URIRef":
            return f"<{_check_iri(str(value))}>"
        if kind == "Literal":
            if value.language:
                return _literal(str(value), "@" + _check_lang(value.language))
            if value.datatype:
                return _literal(str(value), f"^^<{_check_iri(str(value.datatype))}>")
            return _literal(str(value))
        raise QueryError(f"cannot bind {value!r}: only IRIs and literals can be bound")
    if module == "pyoxigraph":
        if kind == "NamedNode":
            return f"<{_check_iri(value.value)}>"
        if kind == "Literal":
            if value.language:
                return _literal(value.value, "@" + _check_lang(value.language))
            datatype = value.datatype.value
            if datatype == XSD + "string":
                return _literal(value.value)
            return _literal(value.value, f"^^<{_check_iri(datatype)}>")
        raise QueryError(f"cannot bind {value!r}: only IRIs and literals can be bound")
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, float):
        if not math.isfinite(value):
            text = "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
            return f'"{text}"^^<{XSD}double>'
        return f'"{value!r}"^^<{XSD}double>'
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise QueryError(f"cannot bind {value!r}: xsd:decimal has no infinities")
        return f'"{value}"^^<{XSD}decimal>'
    if isinstance(value, str):
        return f"<{_check_iri(value)}>" if iri else _literal(value)
    raise QueryError(f"cannot bind a {kind} ({value!r}) into a SPARQL query")


def _check_lang(tag: str) -> str:
    if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", tag):
        raise QueryError(f"{tag!r} is not a language tag")
    return tag


def bind(name_or_text: str, **params: Any) -> str:
    """The query with each ``$param`` replaced by :func:`sparql_term` of its value.

    ``name_or_text`` is a query name (its header says which parameters are IRIs) or query
    text (then pass IRIs as rdflib ``URIRef``/pyoxigraph ``NamedNode``, or they are bound
    as string literals). Every parameter of the text must be given, and no other.

    >>> bind("SELECT * WHERE { $s ?p $o } # $s in a comment", s=3, o="x")
    'SELECT * WHERE { "3"^^<http://www.w3.org/2001/XMLSchema#integer> ?p "x" } # $s in a comment'
    >>> bind("trace_premises")
    Traceback (most recent call last):
    ...
    argmap.errors.QueryError: query trace_premises needs a value for $root
    """
    if re.fullmatch(r"[a-z][a-z0-9_]*", name_or_text):
        meta = info(name_or_text)
        text, kinds, label = meta.text, meta.parameters, f"query {name_or_text}"
    else:
        text, kinds, label = name_or_text, {}, "the query"
    used = {m.group("param")[1:] for m in _TOKENS.finditer(text) if m.group("param")}
    missing = sorted(used - params.keys())
    if missing:
        raise QueryError(f"{label} needs a value for ${', $'.join(missing)}")
    extra = sorted(params.keys() - used)
    if extra:
        raise QueryError(f"{label} has no parameter ${', $'.join(extra)}")
    terms = {k: sparql_term(v, iri=kinds.get(k) == "IRI") for k, v in params.items()}

    def swap(match: re.Match[str]) -> str:
        param = match.group("param")
        return terms[param[1:]] if param else match.group(0)

    return _TOKENS.sub(swap, text)


@cache
def prepared(name: str) -> Any:
    """The named query parsed once by rdflib, for ``graph.query(q, initBindings=...)``.

    >>> import rdflib
    >>> g = rdflib.Graph()
    >>> list(g.query(prepared("trace_premises"),
    ...              initBindings={"root": rdflib.URIRef("https://example.org/r")}))
    []
    """
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(load_query(name))
