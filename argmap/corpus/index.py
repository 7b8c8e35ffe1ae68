"""The corpus index: provenance of each map, and what the cross-map questions read.

Every map of a corpus is stored as its own graph ``G`` (argmap's catalog points ``G``
at a data graph ``D``; :mod:`argmap.store.push`). For each data graph the corpus writes,
*before* the catalog points at ``D``, so that a map never becomes visible without it::

    GRAPH <https://w3id.org/argmap/store/corpus> {          # one graph for the corpus
      <D> cx:graph <G> ; cx:file "aif/qt30/nodeset21459.json" ; cx:sha256 "9f2c..." ;
          cx:format "aif" ; cx:problems 0 ; cx:loaded "2026-12-02T14:00:00Z"^^xsd:dateTime ;
          cx:counts "12 0 1 3 0 0 5 2 9" ;                     # nodes by kind (COUNTS)
          cx:schemes "{\\"Default Inference\\": 4}" ;            # arguments by scheme
          cx:base <map base IRI> ; cx:index <IX> .
      <urn:argmap:key:actor:5e1c...> cx:actorKey "speaker 0" .  # only keys in >= 2 maps
    }
    GRAPH <IX> {                                               # one small graph per map
      <actor or statement IRI> cx:key <urn:argmap:key:actor:5e1c...> .
    }

with ``cx:`` = ``https://w3id.org/argmap/corpus#`` and ``IX`` = ``D`` + ``-cx``. A key
IRI names a normalised actor name or statement text (:func:`normalise`, computed here in
Python: SPARQL's ``LCASE`` and regular expressions differ between servers, so keys made
in the store would not match the in-memory answers everywhere). When a map is written,
each of its keys that some other map's index graph already holds (or another map of the
same batch) is *marked* with its text in the corpus graph: the question "which names
occur in several maps" then reads the marked keys only, not every statement of the
corpus. A mark is never removed; it is a hint, and the question counts the current maps
behind each marked key.

Kept right: every question joins ``D`` with the catalog's current data graphs, so the
lines of a replaced or removed version (``D`` no longer current) are ignored until they
are swept; a map whose current data graph has no ``cx:index`` (pushed outside the
corpus, or interrupted before its lines were written) is pulled and answered in memory.

Examples
--------
>>> normalise("  The  U.S. Chamber of Commerce. ")
'the u.s. chamber of commerce'
>>> key_iri("actor", "russia")
'urn:argmap:key:actor:c705264ec3421bf319168aad'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from argmap.rdf import iter_ntriples_lines

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "CORPUS",
    "COUNTS",
    "CX",
    "KEY_PREFIX",
    "MapIndex",
    "Provenance",
    "corpus_lines",
    "index_graph",
    "key_iri",
    "map_index",
    "mark_lines",
    "normalise",
    "conclusions_resting_on",
    "support_up",
]

#: The named graph holding every map's provenance and the marks of shared keys.
CORPUS = "https://w3id.org/argmap/store/corpus"
#: The corpus vocabulary.
CX = "https://w3id.org/argmap/corpus#"
#: Key IRIs start so: ``urn:argmap:key:<actor|statement>:<hash>``.
KEY_PREFIX = "urn:argmap:key:"
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Kinds counted in ``cx:counts``, in order (``m.counts()`` key -> plural).
COUNTS = {
    "claim": "claims",
    "evidence": "evidence",
    "recommendation": "recommendations",
    "actor": "actors",
    "alternative": "alternatives",
    "issue": "issues",
    "argument": "arguments",
    "attack": "attacks",
    "stance": "stances",
}
_TRAILING = re.compile(r"[\s.!?;:,]+$")


def normalise(text: str) -> str:
    """The key two names or texts share when they say the same: case-folded, spaces
    collapsed, trailing punctuation dropped.

    >>> normalise("Russia!") == normalise("russia")
    True
    """
    folded = " ".join(text.casefold().split())
    return _TRAILING.sub("", folded)


def key_iri(kind: str, key: str) -> str:
    """The IRI naming normalised ``key`` among actors or statements (``kind``)."""
    return f"{KEY_PREFIX}{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:24]}"


def index_graph(data: str) -> str:
    """The index graph of data graph ``data``."""
    return data + "-cx"


@dataclass(frozen=True)
class Provenance:
    """Where the map stored as ``graph`` came from (``file`` None for a map added in Python)."""

    graph: str
    file: str | None
    sha256: str | None
    format: str | None
    loaded: str
    problems: int = 0
    data: str | None = None


@dataclass
class MapIndex:
    """What the corpus index says about one map, computed once (in a worker process).

    ``ntriples`` is the map's own data, one triple a line, each ending `` .\\n``.
    """

    map_iri: str
    base: str
    ntriples: bytes
    triples: int
    distinct: int
    counts: str
    schemes: str
    foreign: bool
    keys: dict[str, str] = field(default_factory=dict)  # key IRI -> normalised text
    index: bytes = b""  # the index graph's lines: node IRI cx:key key IRI
    #: The answers by key, within this map (IRIs): actor key -> (conclusion, premise) of
    #: "what rests on what the actor asserts"; statement key -> (statement, attack) of
    #: "the unanswered attacks on the statement". Written as answer blocks
    #: (:mod:`argmap.corpus.digest`), so that a question about a name is one lookup.
    answers: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def _line(line: str) -> str:
    line = line.rstrip()
    return line if line.endswith(" .") else line[:-1].rstrip() + " ."


def map_index(m: ArgumentMap) -> MapIndex:
    """The data and index entries of ``m``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("k"); _ = m.actor("Russia ", id="r"); _ = m.claim("It is.", id="c")
    >>> ix = map_index(m)
    >>> ix.counts, sorted(ix.keys.values()), ix.triples
    ('1 0 0 1 0 0 0 0 0', ['it is', 'russia'], 6)
    """
    lines = list(iter_ntriples_lines(m))
    extra = len(m.extra)
    if extra:
        lines[-extra:] = [_line(x) for x in lines[-extra:]]
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    c = m.counts()
    schemes = Counter(a.scheme for a in m.arguments() if a.scheme is not None)
    keys: dict[str, str] = {}
    nodes: list[tuple[str, str]] = []
    foreign = False
    for kind, found in (("actor", m.actors()), ("statement", m.statements())):
        for n in found:
            foreign = foreign or n.iri is not None
            key = normalise(n.text)
            if key:
                k = key_iri(kind, key)
                keys[k] = key
                nodes.append((m.iri_of(n.id), k))
    lines_ix = [f"<{n}> <{CX}key> <{k}> .\n" for n, k in nodes]
    answers: dict[str, set[tuple[str, str]]] = {}
    lines_ix += _reach_lines(m, answers)
    return MapIndex(
        map_iri=m.iri,
        base=m.base,
        ntriples=data,
        triples=len(lines),
        distinct=len(lines) - (extra - len(set(m.extra))),
        counts=" ".join(str(c[k]) for k in COUNTS),
        schemes=json.dumps(dict(sorted(schemes.items())), ensure_ascii=False),
        foreign=foreign,
        keys=keys,
        index="".join(lines_ix).encode("utf-8"),
        answers={k: sorted(rows) for k, rows in sorted(answers.items())},
    )


def support_up(m: ArgumentMap) -> dict[str, set[str]]:
    """For each premise, the conclusions of the arguments it is a premise of."""
    up: dict[str, set[str]] = {}
    for a in m.arguments():
        for p in a.premises:
            up.setdefault(p, set()).add(a.conclusion)
    return up


def conclusions_resting_on(up: Mapping[str, set[str]], premise: str) -> set[str]:
    """The conclusions resting at any depth on ``premise`` through ``up`` (from
    :func:`support_up`), the premise itself left out."""
    seen: set[str] = set()
    todo = list(up.get(premise, ()))
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(up.get(c, ()))
    return seen - {premise}


def _reach_lines(m: ArgumentMap, answers: dict[str, set[tuple[str, str]]]) -> list[str]:
    """The index lines answering "what rests on what X asserts" and "which attacks on
    this statement are unanswered" within one map, by lookups only (and the same
    answers by the actor's or statement's key, into ``answers``):

    * ``<actor> cx:asserts <target>`` for each asserting stance;
    * ``<premise> cx:supports <conclusion>`` for each conclusion resting at any depth on
      an asserted premise (through arguments; the premise itself left out);
    * ``<statement> cx:unanswered <attack>`` for each attack on the statement that
      nothing attacks, nor any of its attackers.
    """
    iri = m.iri_of
    out: list[str] = []
    up = support_up(m)
    asserted: dict[str, set[str]] = {}  # premise -> the keys of the actors asserting it
    actor_key = {a.id: normalise(a.text) for a in m.actors()}
    for s in m.stances():
        if s.role == "asserts":
            out.append(f"<{iri(s.actor)}> <{CX}asserts> <{iri(s.target)}> .\n")
            who = asserted.setdefault(s.target, set())
            key = actor_key.get(s.actor, "")
            if key:
                who.add(key_iri("actor", key))
    for premise in sorted(asserted):
        p = iri(premise)
        for c in sorted(conclusions_resting_on(up, premise)):
            out.append(f"<{p}> <{CX}supports> <{iri(c)}> .\n")
            for who_key in asserted[premise]:
                answers.setdefault(who_key, set()).add((iri(c), p))
    targets: dict[str, list[str]] = {}
    attackers: dict[str, tuple[str, ...]] = {}
    for k in m.attacks():
        targets.setdefault(k.target, []).append(k.id)
        attackers[k.id] = k.attackers
    for st in m.statements():
        key = normalise(st.text)
        for k_id in targets.get(st.id, ()):
            if k_id not in targets and not any(a in targets for a in attackers[k_id]):
                out.append(f"<{iri(st.id)}> <{CX}unanswered> <{iri(k_id)}> .\n")
                if key:
                    answers.setdefault(key_iri("statement", key), set()).add(
                        (iri(st.id), iri(k_id))
                    )
    return out


def _nt(s: str, p: str, o: ox.NamedNode | ox.Literal) -> str:
    return f"<{s}> <{CX}{p}> {o} .\n"


def corpus_lines(prov: Provenance, ix: MapIndex) -> str:
    """``prov.data``'s lines of the corpus graph (N-Triples)."""
    assert prov.data is not None
    d = prov.data
    out = [
        _nt(d, "graph", ox.NamedNode(prov.graph)),
        _nt(d, "loaded", ox.Literal(prov.loaded, datatype=ox.NamedNode(_XSD + "dateTime"))),
        _nt(
            d,
            "problems",
            ox.Literal(str(int(prov.problems)), datatype=ox.NamedNode(_XSD + "integer")),
        ),
        _nt(d, "counts", ox.Literal(ix.counts)),
        _nt(d, "schemes", ox.Literal(ix.schemes)),
        _nt(d, "base", ox.NamedNode(ix.base)),
        _nt(d, "index", ox.NamedNode(index_graph(d))),
    ]
    for name, value in (("file", prov.file), ("sha256", prov.sha256), ("format", prov.format)):
        if value is not None:
            out.append(_nt(d, name, ox.Literal(value)))
    if ix.foreign:
        out.append(_nt(d, "foreign", ox.Literal("true", datatype=ox.NamedNode(_XSD + "boolean"))))
    return "".join(out)


def mark_lines(keys: dict[str, str]) -> str:
    """Marks of shared keys (key IRI -> text) for the corpus graph."""
    out = []
    for k, text in keys.items():
        kind = k[len(KEY_PREFIX) :].split(":", 1)[0]
        out.append(_nt(k, f"{kind}Key", ox.Literal(text)))
    return "".join(out)
