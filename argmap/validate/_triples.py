"""RDF triples indexed for the structural rules, and the term tests the rules share.

:class:`TripleIndex` reads pyoxigraph triples (or quads, every graph taken together) in
one pass: which argmap classes each subject is an instance of (with the ontology's
subclass axioms, as SHACL's ``sh:class`` sees them), and the distinct objects of each
argmap property by subject. The helpers below test terms the way the shapes do
(``sh:datatype``, ``sh:pattern``, SPARQL's arithmetic and ``STRLEN``).

Examples
--------
>>> import pyoxigraph as ox
>>> ttl = b'@prefix am: <https://w3id.org/argmap/ns#> . <http://ex.org/c> a am:Claim ; am:text "C." .'
>>> ix = TripleIndex(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
>>> sorted(ix.closure["http://ex.org/c"]), ix.text("http://ex.org/c")
(['Claim', 'Node', 'Statement'], 'C.')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from argmap.ids import id_from_iri
from argmap.map import DEFAULT_MAP_BASE
from argmap.namespace import NS
from argmap.validate._finding import NodeRef

__all__ = ["RDF_TYPE", "Term", "TripleIndex"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# The ontology's subclass axioms, as far as the shapes use them.
_CLOSURE: dict[str, frozenset[str]] = {
    **{c: frozenset({c, "Statement", "Node"}) for c in ("Claim", "Evidence", "Recommendation")},
    **{
        c: frozenset({c, "Node"})
        for c in ("Actor", "Alternative", "Issue", "Source", "Argument", "Attack", "Stance")
    },
    "Anchor": frozenset({"Anchor"}),
    "Statement": frozenset({"Statement", "Node"}),
    "Node": frozenset({"Node"}),
}
_CONCRETE = frozenset(
    {"Claim", "Evidence", "Recommendation", "Actor", "Alternative", "Issue", "Source",
     "Argument", "Attack", "Stance", "Anchor"}
)
_TEXTED = frozenset({"Statement", "Actor", "Alternative", "Issue", "Source"})
_PREDICATES = frozenset(
    {"text", "label", "id", "data", "premise", "conclusion", "scheme", "question", "attacker",
     "target",
     "attackType", "actor", "role", "about", "anchor", "source", "exact", "prefix", "suffix",
     "start", "end", "author", "publisher", "date", "url", "actorType", "issue"}
)
_ATTACK_TYPES = frozenset(NS + x for x in ("Rebut", "Undermine", "Undercut"))
_ROLES = frozenset(NS + x for x in ("Asserts", "Endorses", "Opposes", "AddressedBy"))
_ACTOR_TYPES = frozenset(
    NS + x for x in ("Person", "Organisation", "State", "Body", "Group", "OtherActor")
)
_INTEGER_TYPES = frozenset(
    XSD + t for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
)
_INTEGER_LEXICAL = re.compile(r"^[+-]?[0-9]+$")
_NOT_BLANK = re.compile(r"\S")
_KIND_WORD = {
    "Claim": "claim", "Evidence": "evidence", "Recommendation": "recommendation",
    "Actor": "actor", "Alternative": "alternative", "Issue": "issue", "Source": "source",
    "Argument": "argument", "Attack": "attack", "Stance": "stance", "Anchor": "anchor",
}
_ALLOWED_WORDS = {
    "Statement": "a statement (claim, evidence or recommendation)",
    "Statement|Argument": "a statement or an argument",
    "Statement|Argument|Attack": "a statement, an argument or an attack",
    "Statement|Alternative|Issue": "a statement, an alternative or an issue",
    "Source": "a source",
    "Issue": "an issue",
    "Actor": "an actor",
    "Actor|Alternative|Issue|Source": "an actor, an alternative, an issue or a source",
}

Term = Any  # a pyoxigraph NamedNode, BlankNode or Literal


def _key(term: Term) -> str | None:
    """The node key of a subject or object: the IRI, ``_:label``, or None for a literal."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return None


class TripleIndex:
    """The triples of a map, indexed for the structural rules.

    ``closure[key]`` holds the argmap classes a subject is a SHACL instance of (its
    declared classes and their superclasses), ``members[cls]`` the subjects of each class;
    ``values[pred][key]`` the distinct objects of each argmap predicate.
    """

    def __init__(self, triples: Iterable[Any]) -> None:
        self.closure: dict[str, set[str]] = {}
        self.concrete: dict[str, set[str]] = {}
        self.values: dict[str, dict[str, dict[Term, None]]] = {p: {} for p in _PREDICATES}
        self.maps: set[str] = set()
        ns_len = len(NS)
        values = self.values
        closure = self.closure
        concrete = self.concrete
        tables = {NS + name: table for name, table in values.items()}
        named = ox.NamedNode
        for t in triples:
            subject = t.subject
            if type(subject) is named:
                s = subject.value
            elif isinstance(subject, ox.BlankNode):
                s = "_:" + subject.value
            else:
                continue
            p = t.predicate.value
            table = tables.get(p)
            if table is not None:
                found = table.get(s)
                if found is None:
                    table[s] = {t.object: None}
                else:
                    found[t.object] = None
            elif p == RDF_TYPE:
                o = t.object
                if type(o) is named and o.value.startswith(NS):
                    local = o.value[ns_len:]
                    sup = _CLOSURE.get(local)
                    if sup is not None:
                        closure.setdefault(s, set()).update(sup)
                        if local in _CONCRETE:
                            concrete.setdefault(s, set()).add(local)
                    elif local == "ArgumentMap":
                        self.maps.add(s)
        members: dict[str, list[str]] = {c: [] for c in _CLOSURE}
        for key in sorted(closure):
            for c in closure[key]:
                members[c].append(key)
        self.members = members
        base = None
        if len(self.maps) == 1:
            iri = next(iter(self.maps))
            base = iri if iri.endswith(("/", "#")) else iri + "/"
        self.base = base or DEFAULT_MAP_BASE

    # ---------------------------------------------------------------- lookups

    def get(self, pred: str, subject: str) -> list[Term]:
        """The distinct objects of ``subject pred ?o`` (in a stable order)."""
        found = self.values[pred].get(subject)
        if not found:
            return []
        if len(found) == 1:
            return list(found)
        return sorted(found, key=str)

    def count(self, pred: str, subject: str) -> int:
        found = self.values[pred].get(subject)
        return len(found) if found else 0

    def is_a(self, term: Term, cls: str) -> bool:
        """Whether ``term`` is a SHACL instance of ``am:cls``."""
        key = _key(term)
        return key is not None and cls in self.closure.get(key, ())

    def kind(self, key: str) -> str:
        kinds = sorted(self.concrete.get(key, ()))
        return _KIND_WORD[kinds[0]] if kinds else ""

    def text(self, key: str) -> str:
        for o in self.get("text", key):
            if isinstance(o, ox.Literal):
                return str(o.value)
        return ""

    def node_id(self, key: str) -> str:
        if key.startswith("_:"):
            return key
        found = id_from_iri(self.base, key)
        if found:
            return found
        return re.split(r"[/#:]", key.rstrip("/#"))[-1] or key

    def ref(self, key: str) -> NodeRef:
        return NodeRef(self.node_id(key), self.kind(key), "" if key.startswith("_:") else key,
                       self.text(key))

    def ref_of(self, term: Term) -> NodeRef | None:
        key = _key(term)
        return None if key is None else self.ref(key)

    def name(self, key: str) -> str:
        """How a message names a node: ``claim 'flawed'`` or ``<iri>``."""
        kind = self.kind(key)
        node_id = self.node_id(key)
        if kind:
            return f"{kind} {node_id!r}"
        return key if key.startswith("_:") else f"<{key}>"

    def anchor_fields(self, key: str) -> tuple[str | None, str | None, int | None, int | None]:
        exact = next((str(o.value) for o in self.get("exact", key) if isinstance(o, ox.Literal)),
                     None)
        source = next((self.node_id(k) for o in self.get("source", key)
                       if (k := _key(o)) is not None), None)
        return (exact, source, _as_int(self.get("start", key)), _as_int(self.get("end", key)))

    def quote(self, key: str) -> tuple[str | None, str | None, int | None, int | None]:
        """The first anchor of a node, as (quote, source id, start, end)."""
        if "Anchor" in self.closure.get(key, ()):
            return self.anchor_fields(key)
        for o in self.get("anchor", key):
            k = _key(o)
            if k is not None and "Anchor" in self.closure.get(k, ()):
                fields = self.anchor_fields(k)
                if fields[0] is not None:
                    return fields
        return (None, None, None, None)

    def owners(self) -> dict[str, str]:
        """anchor key -> the node that points at it with am:anchor (the first, by key)."""
        owner: dict[str, str] = {}
        table = self.values["anchor"]
        for s in sorted(table):
            for o in table[s]:
                k = _key(o)
                if k is not None:
                    owner.setdefault(k, s)
        return owner


def _as_int(terms: list[Term]) -> int | None:
    for o in terms:
        n = _number(o)
        if isinstance(n, Decimal) and n == n.to_integral_value():
            return int(n)
    return None


def _number(term: Term) -> Decimal | float | None:
    """The numeric value of a literal the way SPARQL sees it (exact for integers and
    decimals, binary for doubles), or None."""
    if not isinstance(term, ox.Literal):
        return None
    dt = term.datatype.value
    text = term.value.strip()
    if dt in _INTEGER_TYPES:
        return Decimal(int(text)) if _INTEGER_LEXICAL.match(text) else None
    if dt == XSD + "decimal":
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    if dt in (XSD + "double", XSD + "float"):
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _span(start: Decimal | float, end: Decimal | float) -> Decimal | float:
    """``end - start``, promoted to a double when either is one (as SPARQL does)."""
    if isinstance(start, Decimal) and isinstance(end, Decimal):
        return end - start
    return float(end) - float(start)


def _plain_int(term: Term) -> int | None:
    """The value of an ``xsd:integer`` literal written with ASCII digits only, else None."""
    if type(term) is not ox.Literal:
        return None
    text = term.value
    if not (text.isascii() and text.isdigit()) or term.datatype.value != XSD + "integer":
        return None
    return int(text)


def _strlen(term: Term) -> int | None:
    if not isinstance(term, ox.Literal):
        return None
    if term.language is None and term.datatype.value not in (XSD + "string", _RDF_LANG_STRING):
        return None
    return len(term.value)


def _pattern_ok(term: Term) -> bool:
    if isinstance(term, ox.BlankNode):
        return False
    return _NOT_BLANK.search(term.value) is not None


def _lexical_len(term: Term) -> int | None:
    if isinstance(term, ox.BlankNode):
        return None
    return len(term.value)


def _integer_ok(term: Term) -> bool:
    """sh:datatype xsd:integer and sh:minInclusive 0."""
    if _plain_int(term) is not None:
        return True
    if not isinstance(term, ox.Literal) or term.datatype.value != XSD + "integer":
        return False
    text = term.value
    return bool(_INTEGER_LEXICAL.match(text)) and int(text) >= 0


def _show(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = str(term.value)
    return repr(value if len(value) <= 40 else value[:39] + "…")
