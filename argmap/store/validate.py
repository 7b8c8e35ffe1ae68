"""Validation in the store: the structural rules as SPARQL queries, where SHACL is not.

:func:`validate_in_store` checks a map stored in a triple store with the structural rules
of :mod:`argmap.validate` (and the two logical rules stated on triples,
premise-is-conclusion and self-attack), by ``SELECT`` queries the store answers. Only the
findings come back, and then a few triples describing the nodes they name (kind, text,
anchor), fetched by ``CONSTRUCT`` for those nodes alone: the map is never loaded into
Python. The report has the rule ids, severities, node ids, IRIs and quotes that
``argmap.validate(rdf, rules=STORE_RULES)`` gives for the same triples (the tests hold
them equal on all three backends); the messages are argmap's own, some a little shorter.

Each query mirrors one check of :mod:`argmap.validate._structural`, which mirrors
``ontology/shapes.ttl``: the same targets (with the ontology's subclass axioms written
out, since a store holds no ontology), the same value semantics, and one finding per
subject, value or property exactly where the Python check makes one. The tables of which
property holds one value, which reference takes which kinds, and which property is
required are imported from there, not copied.

The queries are plain SPARQL 1.1 that Virtuoso 7.2 answers: no property path, the subject
bound through ``VALUES`` of constant classes first, ``FILTER NOT EXISTS`` and
``OPTIONAL`` with ``!BOUND`` for what is absent, one ``GROUP BY``/``HAVING COUNT`` for
too-many-values. Every IRI and literal goes in through :func:`argmap.queries.sparql_term`.

A store keeps what it was sent up to its own idea of sameness: Oxigraph stores
``"5"^^xsd:int`` as ``"5"^^xsd:integer`` and Virtuoso folds literals of equal value, so a
rule that looks at datatypes (anchor-offsets, too-many-values) judges what the store holds,
not the file it was loaded from. Blank nodes are named by the store's labels and not
described (a pushed map has none).

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.store import open_store, push
>>> m = ArgumentMap("v"); r = m.recommendation("Act.", id="r")
>>> _ = m.argue([m.claim("Because.", id="c")], r, id="a")
>>> store = open_store(None); _ = push(m, store)
>>> validate_in_store(store, m.iri).ok
True

Triples loaded straight into a graph (past the map model, which refuses them):

>>> nt = b"<https://example.org/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap/ns#Argument> .\\n"
>>> store.append("https://example.org/w", nt)
>>> [(f.rule, f.node_ids) for f in validate_in_store(store, "https://example.org/w")]
[('argument-without-conclusion', ('a1',)), ('argument-without-premise', ('a1',))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyoxigraph as ox

from argmap.errors import NodeNotFound
from argmap.namespace import NS
from argmap.queries import sparql_term
from argmap.store.base import Store
from argmap.store.query import _data_graph, _iri_ok
from argmap.validate import RULES, Finding, NodeRef, RuleError, ValidationReport, expand_rules
from argmap.validate.shapes import (
    ALLOWED_WORDS,
    CLOSURE,
    CONCRETE,
    ENUMS,
    FUNCTIONAL,
    REFERENCES,
    REQUIRED,
    TEXTED,
)
from argmap.validate.triples import Term, TripleIndex, show, term_key
from argmap.vocab import RDF_TYPE, XSD

__all__ = ["STORE_RULES", "validate_in_store"]

#: The rules :func:`validate_in_store` checks in the store (catalogue order): every rule
#: checked on RDF triples but not-loadable, which needs the map loaded.
STORE_RULES: tuple[str, ...] = (
    "argument-without-premise",
    "argument-without-conclusion",
    "attack-without-attacker",
    "attack-without-target",
    "stance-incomplete",
    "dangling-reference",
    "wrong-kind",
    "stance-actor-not-actor",
    "too-many-values",
    "unknown-value",
    "missing-text",
    "two-kinds",
    "anchor-source-missing",
    "anchor-without-quote",
    "anchor-offsets",
    "attack-type-mismatch",
    "premise-is-conclusion",
    "self-attack",
)

_WORDS = {"attackType": "attack type", "actorType": "actor type", "role": "role"}
_ANCHOR_FIELDS = ("exact", "source", "start", "end")


# ---------------------------------------------------------------------- query text


def _iri(local: str) -> str:
    """An argmap term as SPARQL text (``<https://w3id.org/argmap/ns#local>``)."""
    return sparql_term(NS + local, iri=True)


def _typed(*classes: str) -> list[str]:
    """The classes a subject may be typed with to be an instance of one of ``classes``
    (the ontology's subclass axioms, written out: a store holds no ontology)."""
    return sorted(t for t, sup in CLOSURE.items() if any(c in sup for c in classes))


def _values(var: str, classes: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(_iri(c) for c in classes)} }}"


def _in(classes: Iterable[str]) -> str:
    return ", ".join(_iri(c) for c in classes)


def _none_of(var: str, iris: Iterable[str]) -> str:
    """``?var`` is none of ``iris`` (``!sameTerm`` each: Virtuoso 7.2 overflows its stack
    on ``!(?z IN (...))`` inside ``FILTER NOT EXISTS``)."""
    return " && ".join(f"!sameTerm(?{var}, {sparql_term(i, iri=True)})" for i in sorted(iris))


_NODE = tuple(_typed("Node"))


@cache
def _q_two_kinds() -> str:
    kinds = sorted(CONCRETE)
    return f"""SELECT DISTINCT ?s ?c WHERE {{
  {_values("c", kinds)}
  ?s a ?c .
  ?s a ?c2 .
  FILTER (?c2 != ?c && ?c2 IN ({_in(kinds)}))
}}"""


@cache
def _q_too_many() -> str:
    pairs = " ".join(
        f"({_iri(p)} {_iri(t)})" for p, classes in FUNCTIONAL.items() for t in _typed(*classes)
    )
    return f"""SELECT ?s ?p (COUNT(DISTINCT ?o) AS ?n) WHERE {{
  VALUES (?p ?c) {{ {pairs} }}
  ?s a ?c .
  ?s ?p ?o .
}} GROUP BY ?s ?p HAVING (COUNT(DISTINCT ?o) > 1)"""


@cache
def _q_required() -> str:
    pairs = " ".join(
        f"({_iri(t)} {_iri(p)})" for cls, p, _, _ in REQUIRED for t in _typed(cls)
    )
    return f"""SELECT DISTINCT ?s ?c ?p WHERE {{
  VALUES (?c ?p) {{ {pairs} }}
  ?s a ?c .
  FILTER NOT EXISTS {{ ?s ?p ?o }}
}}"""


@cache
def _q_reference(cls: str | None, pred: str, allowed: tuple[str, ...]) -> str:
    """Values of ``pred`` (on instances of ``cls``) that are no instance of ``allowed``;
    ``?k`` is bound to a kind of the value when it is a node of the map."""
    subject = f"{_values('c', _typed(cls))}\n  ?s a ?c .\n  " if cls is not None else ""
    return f"""SELECT DISTINCT ?s ?o ?k WHERE {{
  {subject}?s {_iri(pred)} ?o .
  FILTER NOT EXISTS {{ ?o a ?a . FILTER (?a IN ({_in(_typed(*allowed))})) }}
  OPTIONAL {{ ?o a ?k . FILTER (?k IN ({_in(_NODE)})) }}
}}"""


@cache
def _q_about_subject() -> str:
    return f"""SELECT DISTINCT ?s WHERE {{
  ?s {_iri("about")} ?o .
  FILTER NOT EXISTS {{ ?s a ?c . FILTER (?c IN ({_in(_typed("Statement"))})) }}
}}"""


@cache
def _q_anchor_ref() -> str:
    return f"""SELECT DISTINCT ?s ?o WHERE {{
  {_values("c", _NODE)}
  ?s a ?c .
  ?s {_iri("anchor")} ?o .
  FILTER NOT EXISTS {{ ?o a ?a . FILTER (?a IN ({_in(_typed("Anchor"))})) }}
}}"""


@cache
def _q_missing_text() -> str:
    not_blank = sparql_term(r"\S")  # sh:pattern "\\S"
    return f"""SELECT DISTINCT ?s ?x WHERE {{
  {_values("c", _typed(*TEXTED))}
  ?s a ?c .
  OPTIONAL {{ ?s {_iri("text")} ?x }}
  FILTER (!BOUND(?x) || isBlank(?x) || !REGEX(STR(?x), {not_blank}))
}}"""


@cache
def _q_enum(cls: str, pred: str, allowed: frozenset[str]) -> str:
    return f"""SELECT DISTINCT ?s ?o WHERE {{
  {_values("c", _typed(cls))}
  ?s a ?c .
  ?s {_iri(pred)} ?o .
  FILTER ({_none_of("o", allowed)})
}}"""


@cache
def _q_shared(cls: str, first: str, second: str) -> str:
    """Instances of ``cls`` with one value under both properties."""
    return f"""SELECT DISTINCT ?s ?x WHERE {{
  {_values("c", _typed(cls))}
  ?s a ?c .
  ?s {_iri(first)} ?x .
  ?s {_iri(second)} ?x .
}}"""


@cache
def _q_undercut() -> str:
    return f"""SELECT DISTINCT ?s ?t WHERE {{
  {_values("c", _typed("Attack"))}
  ?s a ?c .
  ?s {_iri("attackType")} {_iri("Undercut")} .
  ?s {_iri("target")} ?t .
  ?t a ?k . FILTER (?k IN ({_in(_NODE)}))
  FILTER NOT EXISTS {{ ?t a ?a . FILTER (?a IN ({_in(_typed("Argument", "Attack"))})) }}
}}"""


@cache
def _q_rebut() -> str:
    return f"""SELECT DISTINCT ?s ?t WHERE {{
  {_values("c", _typed("Attack"))}
  ?s a ?c .
  ?s {_iri("attackType")} ?y .
  ?s {_iri("target")} ?t .
  ?t a ?a . FILTER (?a IN ({_in(_typed("Argument", "Attack"))}))
  FILTER NOT EXISTS {{
    ?s {_iri("attackType")} ?z . FILTER ({_none_of("z", (NS + "Rebut", NS + "Undermine"))})
  }}
}}"""


@cache
def _q_anchor_source() -> str:
    anchor = f"{_values('c', _typed('Anchor'))}\n    ?a a ?c ."
    return f"""SELECT DISTINCT ?a ?o WHERE {{
  {{
    {anchor}
    FILTER NOT EXISTS {{ ?a {_iri("source")} ?o0 }}
  }} UNION {{
    {anchor}
    ?a {_iri("source")} ?o .
    FILTER NOT EXISTS {{ ?o a ?k . FILTER (?k IN ({_in(_typed("Source"))})) }}
  }}
}}"""


@cache
def _q_anchor_quote() -> str:
    return f"""SELECT DISTINCT ?a ?x WHERE {{
  {_values("c", _typed("Anchor"))}
  ?a a ?c .
  OPTIONAL {{ ?a {_iri("exact")} ?x }}
  FILTER (!BOUND(?x) || isBlank(?x) || STRLEN(STR(?x)) < 1)
}}"""


@cache
def _q_offset_values() -> str:
    """Offsets that are no non-negative ``xsd:integer`` (``sh:datatype``, ``sh:minInclusive``)."""
    integer = sparql_term(XSD + "integer", iri=True)
    return f"""SELECT DISTINCT ?a ?p ?o WHERE {{
  {_values("c", _typed("Anchor"))}
  ?a a ?c .
  {_values("p", ("start", "end"))}
  ?a ?p ?o .
  FILTER (!(isLiteral(?o) && DATATYPE(?o) = {integer}
            && REGEX(STR(?o), {sparql_term("^[+-]?[0-9]+$")}) && ?o >= 0))
}}"""


@cache
def _q_offsets() -> str:
    """The query of ``amsh:AnchorOffsetsShape``, each branch binding its own variables."""
    start, end, exact = _iri("start"), _iri("end"), _iri("exact")
    return f"""SELECT DISTINCT ?a ?s1 ?e2 ?s3 ?e3 ?s4 ?e4 ?x4 WHERE {{
  {_values("c", _typed("Anchor"))}
  ?a a ?c .
  {{ ?a {start} ?s1 . FILTER NOT EXISTS {{ ?a {end} ?e0 }} }}
  UNION {{ ?a {end} ?e2 . FILTER NOT EXISTS {{ ?a {start} ?s0 }} }}
  UNION {{ ?a {start} ?s3 . ?a {end} ?e3 . FILTER (?e3 < ?s3) }}
  UNION {{ ?a {start} ?s4 . ?a {end} ?e4 . ?a {exact} ?x4 . FILTER (?e4 - ?s4 != STRLEN(?x4)) }}
}}"""


@cache
def _q_maps() -> str:
    return f"SELECT DISTINCT ?m WHERE {{ ?m a {_iri('ArgumentMap')} }} LIMIT 2"


def _q_owners(values: str) -> str:
    return f"SELECT DISTINCT ?a ?w WHERE {{ VALUES ?a {{ {values} }} ?w {_iri('anchor')} ?a }}"


def _q_describe(values: str) -> str:
    """The kinds, texts and anchors of given nodes, and the fields of those anchors."""
    rdf_type = sparql_term(RDF_TYPE, iri=True)
    return f"""CONSTRUCT {{ ?x ?p ?o . ?n ?q ?v }} WHERE {{
  {{
    VALUES ?x {{ {values} }}
    ?x ?p ?o . FILTER (?p IN ({rdf_type}, {_in(("text", "anchor", *_ANCHOR_FIELDS))}))
  }} UNION {{
    VALUES ?x {{ {values} }}
    ?x {_iri("anchor")} ?n .
    ?n ?q ?v . FILTER (?q IN ({rdf_type}, {_in(_ANCHOR_FIELDS)}))
  }}
}}"""


# ---------------------------------------------------------------------- findings


@dataclass(frozen=True)
class _N:
    """A node named in a message, written once the nodes are described: ``id`` (its id,
    quoted), ``name`` (``claim 'flawed'``), ``Name`` (capitalised), ``quote`` (an anchor's
    quote, id and the node holding it) or ``holder`` (`` of`` the node holding an anchor)."""

    term: Term
    style: str = "id"


@dataclass(frozen=True)
class _Hit:
    """A finding before the nodes it names are described: the rule, the node it is about,
    the other nodes it names, and its message in parts."""

    rule: str
    focus: Term
    also: tuple[Term, ...]
    message: tuple[str | _N, ...]
    anchor: bool = False  # the focus is an anchor: the node holding it is named too


class _Described:
    """What the findings need to know of the nodes they name: a :class:`TripleIndex` of
    their descriptions, and the node that holds each anchor."""

    def __init__(self, ix: TripleIndex, owners: dict[str, str]) -> None:
        self.ix = ix
        self.owners = owners

    def refs(self, hit: _Hit) -> tuple[NodeRef, ...]:
        """The nodes a finding names: its focus, the others, and an anchor's holder."""
        keys = [term_key(t) for t in (hit.focus, *hit.also)]
        if hit.anchor:
            keys.append(self.owners.get(keys[0] or ""))
        return tuple(self.ix.ref(k) for k in keys if k is not None)

    def quote(self, term: Term) -> tuple[str | None, str | None, int | None, int | None]:
        key = term_key(term)
        return self.ix.quote(key) if key is not None else (None, None, None, None)

    def show(self, n: _N) -> str:
        key = term_key(n.term)
        if key is None:
            return show(n.term)
        if n.style == "id":
            return repr(self.ix.node_id(key))
        owner = self.owners.get(key)
        holder = f" of {self.ix.name(owner)}" if owner is not None else ""
        if n.style == "holder":  # `` of claim 'c'``
            return holder
        if n.style == "quote":  # `` 'the words' (anchor 'q1') of claim 'c'``
            exact = self.ix.anchor_fields(key)[0]
            shown = f" {exact!r}" if exact else ""
            return f"{shown} (anchor {self.ix.node_id(key)!r}){holder}"
        name = self.ix.name(key)
        return name[:1].upper() + name[1:] if n.style == "Name" else name

    def message(self, hit: _Hit) -> str:
        return "".join(p if isinstance(p, str) else self.show(p) for p in hit.message)


def _group(rows: list[dict[str, Any]], *names: str) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    out: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(tuple(row[n] for n in names), []).append(row)
    return out


def _local(term: Any) -> str:
    return str(term.value)[len(NS) :]


class _Checks:
    """The checks, each one or a few queries, in the order of ``_structural._Checker``."""

    def __init__(self, store: Store, data: str, enabled: set[str]) -> None:
        self.store = store
        self.data = data
        self.enabled = enabled

    def rows(self, query: str) -> list[dict[str, Any]]:
        return self.store.select(query, default_graph=self.data)

    def run(self) -> list[_Hit]:
        checks: list[tuple[tuple[str, ...], Callable[[], Iterator[_Hit]]]] = [
            (("two-kinds",), self.two_kinds),
            (("too-many-values",), self.cardinalities),
            (("argument-without-premise", "argument-without-conclusion",
              "attack-without-attacker", "attack-without-target", "stance-incomplete"),
             self.required),
            (("dangling-reference", "wrong-kind", "stance-actor-not-actor"), self.references),
            (("missing-text",), self.texts),
            (("unknown-value",), self.enums),
            (("premise-is-conclusion",), self.premise_is_conclusion),
            (("self-attack",), self.self_attack),
            (("attack-type-mismatch",), self.attack_types),
            (("anchor-source-missing",), self.anchor_sources),
            (("anchor-without-quote",), self.anchor_quotes),
            (("anchor-offsets",), self.offsets),
        ]
        hits: list[_Hit] = []
        for rules, check in checks:
            if self.enabled.intersection(rules):
                hits.extend(h for h in check() if h.rule in self.enabled)
        return hits

    # ------------------------------------------------------------ the checks

    def two_kinds(self) -> Iterator[_Hit]:
        for (s,), rows in _group(self.rows(_q_two_kinds()), "s").items():
            kinds = " and ".join(sorted(f"am:{_local(r['c'])}" for r in rows))
            yield _Hit("two-kinds", s, (), (
                _N(s), f" is typed both as {kinds}; a node has exactly one kind."))

    def cardinalities(self) -> Iterator[_Hit]:
        for row in self.rows(_q_too_many()):
            s = row["s"]
            yield _Hit("too-many-values", s, (), (
                _N(s, "Name"), f" has {row['n'].value} values for am:{_local(row['p'])} where "
                "one is allowed."))

    def required(self) -> Iterator[_Hit]:
        seen: set[tuple[Any, str, str]] = set()
        for row in self.rows(_q_required()):
            s, typed, pred = row["s"], _local(row["c"]), _local(row["p"])
            for cls, p, rule, template in REQUIRED:
                if p == pred and cls in CLOSURE[typed] and (s, cls, p) not in seen:
                    seen.add((s, cls, p))
                    before, _, after = template.partition("{name!r}")
                    yield _Hit(rule, s, (), (before, _N(s), after))

    def references(self) -> Iterator[_Hit]:
        entries: list[tuple[str | None, str, tuple[str, ...], str, str]] = [*REFERENCES]
        entries.append((None, "about", ("Actor", "Alternative", "Issue", "Source"), "subject",
                        "wrong-kind"))
        for cls, pred, allowed, role, kind_rule in entries:
            rows = self.rows(_q_reference(cls, pred, allowed))
            for (s, o), found in _group(rows, "s", "o").items():
                if not any(r["k"] is not None for r in found):
                    yield _Hit("dangling-reference", s, (), (
                        f"The {role} of ", _N(s, "name"), f" is {show(o)}, which is not a "
                        "node of the map."))
                elif kind_rule == "stance-actor-not-actor":
                    yield _Hit(kind_rule, s, (o,), (
                        "Stance ", _N(s), " is taken by ", _N(o, "name"), ", which is not an "
                        "actor."))
                else:
                    yield _Hit(kind_rule, s, (o,), (
                        f"The {role} of ", _N(s, "name"), " is ", _N(o, "name"), ", but it "
                        f"must be {ALLOWED_WORDS['|'.join(allowed)]}."))
        for row in self.rows(_q_about_subject()):
            s = row["s"]
            yield _Hit("wrong-kind", s, (), (
                _N(s, "Name"), " is said to be about something, but only a statement can be "
                "about something."))
        for row in self.rows(_q_anchor_ref()):
            s = row["s"]
            yield _Hit("dangling-reference", s, (), (
                _N(s, "Name"), f" points with am:anchor at {show(row['o'])}, which is not an "
                "anchor of the map."))

    def texts(self) -> Iterator[_Hit]:
        for (s,), rows in _group(self.rows(_q_missing_text()), "s").items():
            what = "no text" if any(r["x"] is None for r in rows) else "a blank text"
            yield _Hit("missing-text", s, (), (_N(s, "Name"), f" has {what}."))

    def enums(self) -> Iterator[_Hit]:
        for cls, pred, allowed, words in ENUMS:
            for row in self.rows(_q_enum(cls, pred, allowed)):
                s = row["s"]
                yield _Hit("unknown-value", s, (), (
                    _N(s, "Name"), f" has the {_WORDS[pred]} {show(row['o'])}; it must be "
                    f"{words}."))

    def premise_is_conclusion(self) -> Iterator[_Hit]:
        for row in self.rows(_q_shared("Argument", "premise", "conclusion")):
            s, x = row["s"], row["x"]
            yield _Hit("premise-is-conclusion", s, (x,), (
                "Argument ", _N(s), f" uses its own conclusion {show(x)} as a premise, so it "
                "assumes what it sets out to show."))

    def self_attack(self) -> Iterator[_Hit]:
        for row in self.rows(_q_shared("Attack", "attacker", "target")):
            s, x = row["s"], row["x"]
            yield _Hit("self-attack", s, (x,), (
                f"{show(x)} attacks itself (attack ", _N(s), ")."))

    def attack_types(self) -> Iterator[_Hit]:
        # one finding an attack, naming one of its targets (the Python check names the
        # first it meets; an attack with two targets is also too-many-values)
        for query, declared, but in (
            (_q_undercut(), "an undercut", "is neither an argument nor an attack; an undercut "
             "attacks an inference or an objection"),
            (_q_rebut(), "a rebut or undermine", "is an argument or an attack; attacks on "
             "those are undercuts"),
        ):
            for (s,), rows in _group(self.rows(query), "s").items():
                t = min((r["t"] for r in rows), key=str)
                yield _Hit("attack-type-mismatch", s, (t,), (
                    "Attack ", _N(s), f" is declared {declared}, but its target ",
                    _N(t, "name"), f" {but}."))

    def anchor_sources(self) -> Iterator[_Hit]:
        for row in self.rows(_q_anchor_source()):
            a, o = row["a"], row["o"]
            said = ("names no source, so nobody can look it up" if o is None else
                    f"names {show(o)} as its source, which is not a source of the map")
            yield _Hit("anchor-source-missing", a, (), ("The quote", _N(a, "quote"),
                                                       f" {said}."), anchor=True)

    def anchor_quotes(self) -> Iterator[_Hit]:
        for (a,), rows in _group(self.rows(_q_anchor_quote()), "a").items():
            what = ("holds no quote (am:exact)" if any(r["x"] is None for r in rows)
                    else "quotes nothing")
            yield _Hit("anchor-without-quote", a, (), ("Anchor ", _N(a), _N(a, "holder"),
                                                      f" {what}."), anchor=True)

    def offsets(self) -> Iterator[_Hit]:
        for row in self.rows(_q_offset_values()):
            a = row["a"]
            yield _Hit("anchor-offsets", a, (), (
                "The quote", _N(a, "quote"), f" has the {_local(row['p'])} offset "
                f"{show(row['o'])}, which is not a whole number of characters."), anchor=True)
        for (a,), rows in _group(self.rows(_q_offsets()), "a").items():
            yield _Hit("anchor-offsets", a, (), (
                "The quote", _N(a, "quote"), f" {_offsets_problem(rows)}."), anchor=True)


def _offsets_problem(rows: list[dict[str, Any]]) -> str:
    """What the rows of the offsets query say is wrong (the first problem, as Python's
    check orders them)."""
    if any(r["s1"] is not None for r in rows):
        return "has a start offset but no end"
    if any(r["e2"] is not None for r in rows):
        return "has an end offset but no start"
    for r in rows:
        if r["s3"] is not None:
            return f"ends (at {r['e3'].value}) before it starts (at {r['s3'].value})"
    r = next(r for r in rows if r["x4"] is not None)
    return (f"is {len(r['x4'].value)} characters long, but its offsets "
            f"{r['s4'].value}–{r['e4'].value} do not span that")


# ---------------------------------------------------------------------- the function


def _chosen(rules: str | Iterable[str] | None) -> list[str]:
    if rules is None:
        return list(STORE_RULES)
    names = [rules] if isinstance(rules, str) else list(rules)
    wanted = expand_rules(names, "validate_in_store: rules", False)
    elsewhere = sorted(n for n in names if n in RULES and n not in STORE_RULES)
    if elsewhere:
        raise RuleError(
            f"validate_in_store: {', '.join(elsewhere)} cannot be checked by queries in the "
            f"store (it checks {', '.join(STORE_RULES)}); pull the map "
            "(argmap.store.pull) and run argmap.validate on it"
        )
    return [r for r in STORE_RULES if r in wanted]


def _batches(keys: list[str], size: int) -> Iterator[str]:
    for i in range(0, len(keys), size):
        yield " ".join(sparql_term(k, iri=True) for k in keys[i : i + size])


def _describe(store: Store, data: str, hits: list[_Hit]) -> _Described:
    """The descriptions of the nodes the hits name (by IRI), fetched for them alone."""
    batch = max(1, store.dialect.values_batch)
    anchors = sorted({k for h in hits if h.rule.startswith("anchor-")
                      if (k := term_key(h.focus)) is not None and _iri_ok(k)})
    owners: dict[str, str] = {}
    for values in _batches(anchors, batch):
        for row in store.select(_q_owners(values), default_graph=data):
            w = term_key(row["w"])
            if w is not None:
                a = row["a"].value
                owners[a] = min(owners.get(a, w), w)
    named = {term_key(t) for h in hits for t in (h.focus, *h.also)} | set(owners.values())
    keys = sorted(k for k in named if k is not None and not k.startswith("_:") and _iri_ok(k))
    rdf_type = ox.NamedNode(RDF_TYPE)
    triples: list[Any] = [
        ox.Triple(row["m"], rdf_type, ox.NamedNode(NS + "ArgumentMap"))
        for row in store.select(_q_maps(), default_graph=data)
    ]
    for values in _batches(keys, batch):
        chunk = store.construct(_q_describe(values), default_graph=data)
        triples.extend(ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES))
    return _Described(TripleIndex(triples), owners)


def validate_in_store(
    store: Store, graph: str, *, rules: str | Iterable[str] | None = None
) -> ValidationReport:
    """Check the map stored as ``graph`` with SPARQL queries run in ``store``.

    The structural rules (:data:`STORE_RULES`) run where the map lives, for stores that
    have no SHACL engine; the report is the one ``argmap.validate`` gives for the same
    triples with ``rules=STORE_RULES`` (same rule ids, severities, nodes and quotes).
    ``graph`` is a graph IRI that :func:`~argmap.store.push` wrote (its current data
    graph is checked) or any named graph holding argmap triples.

    Parameters
    ----------
    store:
        An embedded store or a SPARQL server (:func:`argmap.store.open_any`).
    graph:
        The map's graph IRI.
    rules:
        Only these rule ids or categories (``"structural"``, ``"logical"``, ...); default
        every rule of :data:`STORE_RULES`. A category runs the rules of it that the store
        can check.

    Returns
    -------
    ValidationReport
        Its ``engine`` is ``"sparql"``, its ``rules`` the rules that ran.

    Raises
    ------
    RuleError
        An unknown rule or category, or a rule that needs the map loaded (circular-support,
        orphan-node, ...): pull the map and use :func:`argmap.validate`.
    NodeNotFound
        The store holds no triple under ``graph``.
    QueryError
        ``graph`` is not an IRI a query can hold.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.store import open_store, push
    >>> m = ArgumentMap("e"); r = m.recommendation("Act.", id="r")
    >>> _ = m.argue([m.claim("Because.", id="c")], r, id="a")
    >>> store = open_store(None); _ = push(m, store)
    >>> report = validate_in_store(store, m.iri, rules="logical")
    >>> report.rules, report.engine, len(report)
    (('premise-is-conclusion', 'self-attack'), 'sparql', 0)
    >>> validate_in_store(store, m.iri, rules="orphan-node")
    Traceback (most recent call last):
    ...
    argmap.errors.RuleError: validate_in_store: orphan-node cannot be checked by queries in the store ...
    """
    chosen = _chosen(rules)
    sparql_term(graph, iri=True)
    data = _data_graph(store, graph)
    if not store.ask("ASK { ?s ?p ?o }", default_graph=data):
        raise NodeNotFound(f"validate_in_store: {store.location} holds no triple under <{graph}>")
    hits = _Checks(store, data, set(chosen)).run()
    described = _describe(store, data, hits)
    findings = []
    for h in hits:
        findings.append(Finding(
            h.rule, RULES[h.rule].severity, described.message(h), described.refs(h),
            *described.quote(h.focus),
        ))
    return ValidationReport(findings, rules=chosen, subject=f"<{graph}> at {store.location}",
                            engine="sparql")
