"""The map as RDF, both ways.

Writing goes straight from node models to N-Triples lines (sorted, so two exports of
one map are byte-identical); every other syntax is made from those lines by pyoxigraph,
or by rdflib for compact JSON-LD. Reading goes from pyoxigraph's parser to node models
in one pass over the triples. Triples outside the vocabulary are kept in ``m.extra`` and
written back on export.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("demo")
>>> _ = m.claim("A claim.", id="c")
>>> print("\\n".join(ntriples_lines(m)))
<https://w3id.org/argmap/map/demo/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap/ns#Claim> .
<https://w3id.org/argmap/map/demo/c> <https://w3id.org/argmap/ns#text> "A claim." .
<https://w3id.org/argmap/map/demo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap/ns#ArgumentMap> .
>>> from_ntriples("\\n".join(ntriples_lines(m)).encode()) == m
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox
from pydantic import ValidationError

from argmap._stream_caps import capped
from argmap.errors import ArgmapError, LimitExceeded, ModelError, ParseError
from argmap.ids import id_from_iri, iri_for
from argmap.limits import check_nodes, load_json
from argmap.map import DEFAULT_MAP_BASE, ArgumentMap
from argmap.model import (
    MODEL_BY_KIND,
    Actor,
    Alternative,
    Anchor,
    Argument,
    Attack,
    Evidence,
    Node,
    Source,
    Stance,
)
from argmap.namespace import NS
from argmap.util import no_gc
from argmap.vocab import (
    ACTOR_TYPE_TERM,
    ATTACK_TYPE_TERM,
    CLASS_OF_KIND,
    OWL_SAME_AS,
    PROPERTIES,
    RDF_JSON,
    RDF_TYPE,
    ROLE_TERM,
    SINGLE_REFERENCES,
    XSD,
)

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "SYNTAXES",
    "from_ntriples",
    "from_rdflib",
    "iter_ntriples_lines",
    "ntriples",
    "ntriples_count",
    "ntriples_lines",
    "read",
    "to_rdflib",
]


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _iri(value: str) -> str:
    return f"<{value}>"


def _lit(value: str) -> str:
    return '"' + value.translate(_ESCAPES) + '"'


def _typed(value: str, datatype: str) -> str:
    return f"{_lit(value)}^^<{datatype}>"


def _date_literal(value: str) -> str:
    if len(value) == 4:
        return _typed(value, XSD + "gYear")
    if len(value) == 7:
        return _typed(value, XSD + "gYearMonth")
    return _typed(value, XSD + "date")


#: the RDF syntaxes by their registry names
SYNTAXES: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}

_IRI_TERM = re.compile(r"<[^<>\s]*>")


def _anchor_iri(base: str, node_id: str, key: tuple[Any, ...]) -> str:
    digest = hashlib.sha1(repr((node_id, key)).encode("utf-8")).hexdigest()[:12]
    return f"{base}anchor-{digest}"


# ---------------------------------------------------------------------- writing

_P = {name: _iri(NS + name) for name in PROPERTIES}
_T_TYPE = _iri(RDF_TYPE)
_T_SAME_AS = _iri(OWL_SAME_AS)
_T_CLASS = {k: _iri(NS + c) for k, c in CLASS_OF_KIND.items()}
_T_ANCHOR = _iri(NS + "Anchor")
_T_ATTACK = {k: _iri(NS + v) for k, v in ATTACK_TYPE_TERM.items()}
_T_ROLE = {k: _iri(NS + v) for k, v in ROLE_TERM.items()}
_T_ACTOR = {k: _iri(NS + v) for k, v in ACTOR_TYPE_TERM.items()}
_T_INT = "^^<" + XSD + "integer>"


def ntriples_lines(m: ArgumentMap, *, sort: bool = True) -> list[str]:
    """The map as N-Triples lines (without newlines).

    Nodes come in the order of their IRIs, each with its anchors right after it, then
    the map's own triples and the foreign triples it keeps: the same map always gives
    the same lines. ``sort=False`` keeps insertion order (a little faster).
    :func:`iter_ntriples_lines` gives the same lines one at a time.
    """
    base = m.base
    nodes = m._nodes
    iris = {nid: _iri(n.iri or iri_for(base, nid)) for nid, n in nodes.items()}
    order = sorted(nodes, key=iris.__getitem__) if sort else list(nodes)
    lines: list[str] = []
    write = _NodeWriter(m, iris.__getitem__, lines.append)
    for nid in order:
        write(nid, nodes[nid], iris[nid])
    lines.extend(_map_lines(m))
    lines.extend(sorted(m.extra) if sort else m.extra)
    return lines


def iter_ntriples_lines(m: ArgumentMap) -> Iterator[str]:
    """The lines of :func:`ntriples_lines` ``(m, sort=False)``, made one node at a time.

    Memory stays at one node's lines (plus an index of the map's ``about`` links),
    however large the map: for streaming a big map to a file or a store. The order is
    the map's insertion order, so two maps with equal content may give their lines in
    different orders; compare them as sets, or use :func:`ntriples_lines` for stable
    output.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
    >>> sorted(iter_ntriples_lines(m)) == ntriples_lines(m)
    True
    """
    base = m.base
    nodes = m._nodes

    def iri_of(nid: str) -> str:
        node = nodes[nid]
        return _iri(node.iri or iri_for(base, nid))

    lines: list[str] = []
    write = _NodeWriter(m, iri_of, lines.append)
    for nid, node in nodes.items():
        write(nid, node, iri_of(nid))
        yield from lines
        lines.clear()
    yield from _map_lines(m)
    yield from m.extra


def ntriples_count(m: ArgumentMap) -> int:
    """How many lines :func:`ntriples_lines` gives for ``m``, without writing them.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
    >>> ntriples_count(m) == len(ntriples_lines(m))
    True
    """
    count = 0
    labels, strengths = m.labels, m.strengths
    for nid, node in m._nodes.items():
        count += (
            1
            + bool(node.text)
            + (node.label is not None)
            + (node.iri is not None)
            + len(node.tags)
            + len(node.same_as)
            + bool(node.data)
            + (nid in labels)
            + (nid in strengths)
        )
        kind = node.kind
        if kind == "argument":
            assert isinstance(node, Argument)
            count += len(node.premises) + 1 + (node.scheme is not None)
            count += node.question is not None
        elif kind == "attack":
            assert isinstance(node, Attack)
            count += 3 + len(node.co_attackers) + (node.question is not None)
        elif kind == "stance":
            count += 3
        elif kind == "actor":
            count += 1
        elif kind == "evidence":
            assert isinstance(node, Evidence)
            count += node.source is not None
        elif kind == "alternative":
            assert isinstance(node, Alternative)
            count += node.issue is not None
        elif kind == "source":
            assert isinstance(node, Source)
            count += (
                (node.author is not None)
                + (node.publisher is not None)
                + (node.date is not None)
                + (node.url is not None)
            )
        for anchor in node.anchors:
            count += (
                4
                + bool(anchor.prefix)
                + bool(anchor.suffix)
                + (anchor.start is not None)
                + (anchor.end is not None)
            )
    count += len(m._abouts)
    return count + 1 + bool(m.title) + bool(m.semantics) + len(m.extra)


class _NodeWriter:
    """Writes one node's lines (the node, its ``about`` links, its anchors) to ``add``."""

    def __init__(
        self, m: ArgumentMap, iri_of: Callable[[str], str], add: Callable[[str], None]
    ) -> None:
        self.m = m
        self.iri_of = iri_of
        self.add = add
        self.abouts: dict[str, list[str]] = {}
        for stmt, subject in m._abouts:
            self.abouts.setdefault(stmt, []).append(subject)
        # IRIs a minted anchor IRI must not reuse: those of foreign triples (found by
        # fuzzing: reusing one merged foreign data into the anchor on reading) and of
        # nodes whose id or IRI looks like an anchor's
        self.taken: set[str] = {t for line in m.extra for t in _IRI_TERM.findall(line)}
        self.taken.update(
            iri_of(nid)
            for nid, node in m._nodes.items()
            if nid.startswith("anchor-") or node.iri is not None
        )

    def __call__(self, nid: str, node: Node, s: str) -> None:
        m, add, iri_of, p = self.m, self.add, self.iri_of, _P
        kind = node.kind
        add(f"{s} {_T_TYPE} {_T_CLASS[kind]} .")
        if node.text:
            add(f"{s} {p['text']} {_lit(node.text)} .")
        if node.label is not None:
            add(f"{s} {p['label']} {_lit(node.label)} .")
        if node.iri is not None:
            add(f"{s} {p['id']} {_lit(nid)} .")
        for tag in node.tags:
            add(f"{s} {p['tag']} {_lit(tag)} .")
        for other in node.same_as:
            add(f"{s} {_T_SAME_AS} {_iri(other)} .")
        if node.data:
            add(f"{s} {p['data']} {_typed(_json(node.data), RDF_JSON)} .")
        if nid in m.labels:
            add(f"{s} {p['acceptability']} {_lit(m.labels[nid])} .")
        if nid in m.strengths:
            add(f"{s} {p['strength']} {_typed(repr(float(m.strengths[nid])), XSD + 'double')} .")
        if kind == "argument":
            assert isinstance(node, Argument)
            for premise in node.premises:
                add(f"{s} {p['premise']} {iri_of(premise)} .")
            add(f"{s} {p['conclusion']} {iri_of(node.conclusion)} .")
            if node.scheme is not None:
                add(f"{s} {p['scheme']} {_lit(node.scheme)} .")
            if node.question is not None:
                add(f"{s} {p['question']} {_lit(node.question)} .")
        elif kind == "attack":
            assert isinstance(node, Attack)
            for attacker in node.attackers:
                add(f"{s} {p['attacker']} {iri_of(attacker)} .")
            add(f"{s} {p['target']} {iri_of(node.target)} .")
            attack_type = node.attack_type or m._derive_attack_type(node.target)
            add(f"{s} {p['attackType']} {_T_ATTACK[attack_type]} .")
            if node.question is not None:
                add(f"{s} {p['question']} {_lit(node.question)} .")
        elif kind == "stance":
            assert isinstance(node, Stance)
            add(f"{s} {p['actor']} {iri_of(node.actor)} .")
            add(f"{s} {p['role']} {_T_ROLE[node.role]} .")
            add(f"{s} {p['target']} {iri_of(node.target)} .")
        elif kind == "actor":
            assert isinstance(node, Actor)
            add(f"{s} {p['actorType']} {_T_ACTOR[node.actor_type]} .")
        elif kind == "evidence":
            assert isinstance(node, Evidence)
            if node.source is not None:
                add(f"{s} {p['source']} {iri_of(node.source)} .")
        elif kind == "alternative":
            assert isinstance(node, Alternative)
            if node.issue is not None:
                add(f"{s} {p['issue']} {iri_of(node.issue)} .")
        elif kind == "source":
            assert isinstance(node, Source)
            if node.author is not None:
                add(f"{s} {p['author']} {iri_of(node.author)} .")
            if node.publisher is not None:
                add(f"{s} {p['publisher']} {iri_of(node.publisher)} .")
            if node.date is not None:
                add(f"{s} {p['date']} {_date_literal(node.date)} .")
            if node.url is not None:
                add(f"{s} {p['url']} {_iri(node.url)} .")
        if nid in self.abouts:
            for subject in sorted(self.abouts[nid]):
                add(f"{s} {p['about']} {iri_of(subject)} .")
        for anchor in node.anchors:
            a = _iri(_anchor_iri(m.base, nid, anchor.sort_key()))
            if a in self.taken:
                a = next(
                    f"{a[:-1]}-{i}>" for i in range(2, 10**6) if f"{a[:-1]}-{i}>" not in self.taken
                )
            add(f"{s} {p['anchor']} {a} .")
            add(f"{a} {_T_TYPE} {_T_ANCHOR} .")
            add(f"{a} {p['source']} {iri_of(anchor.source)} .")
            add(f"{a} {p['exact']} {_lit(anchor.exact)} .")
            if anchor.prefix:
                add(f"{a} {p['prefix']} {_lit(anchor.prefix)} .")
            if anchor.suffix:
                add(f"{a} {p['suffix']} {_lit(anchor.suffix)} .")
            if anchor.start is not None:
                add(f'{a} {p["start"]} "{anchor.start}"{_T_INT} .')
            if anchor.end is not None:
                add(f'{a} {p["end"]} "{anchor.end}"{_T_INT} .')


def _map_lines(m: ArgumentMap) -> list[str]:
    """The map's own triples."""
    map_iri = _iri(m.iri)
    lines = [f"{map_iri} {_T_TYPE} {_iri(NS + 'ArgumentMap')} ."]
    if m.title:
        lines.append(f"{map_iri} {_P['title']} {_lit(m.title)} .")
    if m.semantics:
        lines.append(f"{map_iri} {_P['semantics']} {_lit(m.semantics)} .")
    return lines


def _json(data: dict[str, Any]) -> str:
    try:
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ModelError(f"node data is not JSON: {exc}") from None


def ntriples(m: ArgumentMap) -> bytes:
    """The map as one N-Triples document (UTF-8)."""
    try:
        return ("\n".join(ntriples_lines(m)) + "\n").encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ModelError(f"the map holds text that is not valid Unicode: {exc}") from None


def to_rdflib(m: ArgumentMap) -> rdflib.Graph:
    """The map as an :class:`rdflib.Graph` (with the ``am:`` prefix bound).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("g"); _ = m.claim("Claim.", id="c")
    >>> len(to_rdflib(m))
    3
    """
    import rdflib

    g = rdflib.Graph()
    g.bind("am", NS)
    g.parse(data=ntriples(m).decode("utf-8"), format="nt")
    return g


# ---------------------------------------------------------------------- reading
#
# Every syntax is first turned into canonical N-Triples by pyoxigraph (fast, and it
# checks the syntax), then read line by line as strings: much faster than touching
# pyoxigraph's term objects from Python, and a foreign triple is kept as its own line.

_LIT_FIELDS = {
    _P["text"]: "text",
    _P["label"]: "label",
    _P["scheme"]: "scheme",
    _P["question"]: "question",
    _P["date"]: "date",
}
_REF_FIELDS = {_P[prop]: field for field, prop in SINGLE_REFERENCES.items()}
_ENUM_FIELDS = {
    _P["attackType"]: ("attack_type", {v: k for k, v in _T_ATTACK.items()}),
    _P["role"]: ("role", {v: k for k, v in _T_ROLE.items()}),
    _P["actorType"]: ("actor_type", {v: k for k, v in _T_ACTOR.items()}),
}
_ANCHOR_FIELDS = {
    _P["source"]: "source",
    _P["exact"]: "exact",
    _P["prefix"]: "prefix",
    _P["suffix"]: "suffix",
    _P["start"]: "start",
    _P["end"]: "end",
}
_KIND_OF_TERM = {v: k for k, v in _T_CLASS.items()}
_CLASS_IRIS = {NS + c for c in CLASS_OF_KIND.values()}
_P_ID = _P["id"]
_REQUIRED = {
    kind: tuple(name for name, info in model.model_fields.items() if info.is_required())
    for kind, model in MODEL_BY_KIND.items()
}
_T_MAP = _iri(NS + "ArgumentMap")
_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(1) or match.group(2):
            return chr(int(match.group(1) or match.group(2), 16))
        return _SIMPLE.get(match.group(3), match.group(0))

    return _UNESCAPE.sub(one, text) if "\\" in text else text


def _literal(term: str) -> tuple[str, str | None] | None:
    """(lexical value, datatype or ``@lang``) of an N-Triples literal; None for other terms."""
    if not term.startswith('"'):
        return None
    close = term.rindex('"')
    value = _unescape(term[1:close])
    rest = term[close + 1 :]
    if rest.startswith("^^<"):
        return value, rest[3:-1]
    if rest.startswith("@"):
        return value, rest
    return value, None


def to_ntriples_text(data: bytes, fmt: ox.RdfFormat, file: str | None, graph: str | None) -> str:
    """Any RDF syntax -> canonical N-Triples text (one named graph, or all merged)."""
    try:
        parsed: Any = capped(ox.parse(data, format=fmt), _CLASS_IRIS, len(data), file=file)
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            if graph is None:
                parsed = (q.triple for q in parsed)
            else:
                wanted = ox.NamedNode(graph)
                parsed = (q.triple for q in parsed if q.graph_name == wanted)
        out = ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES)
    except ParseError:  # a cap, met while the parser read (argmap._stream_caps)
        raise
    except MemoryError as exc:
        if "buffer maximal size" not in str(exc):
            raise
        # pyoxigraph holds one term (an IRI, a literal) in a buffer of at most 16 MiB
        raise LimitExceeded(
            f"not valid {fmt.name} for argmap: one term is longer than the RDF parser's "
            "buffer of 16 MiB (pyoxigraph); split the text",
            file=file,
            path="$",
        ) from None
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ column \d+: ", "", str(exc))
        line, path = exc.lineno, None
        if line is None and "end of" in message:  # "... before end of input"
            line = data.count(b"\n") + 1
        elif line is None:  # the parser gave no position: the error is about the document
            message += " (the parser gave no position)"
            path = "$"
        raise ParseError(
            f"not valid {fmt.name}: {message}", file=file, line=line, column=exc.offset, path=path
        ) from None
    except ValueError as exc:
        raise ParseError(
            f"not valid {fmt.name}: {exc} (the parser gave no position)", file=file, path="$"
        ) from None
    return cast(bytes, out).decode("utf-8")


def read(
    data: bytes, fmt: ox.RdfFormat, *, file: str | None = None, graph: str | None = None
) -> ArgumentMap:
    """Read a map from RDF ``data`` in syntax ``fmt`` (``graph`` picks one named graph)."""
    text = to_ntriples_text(data, fmt, file, graph)
    with no_gc():
        return NTriplesReader(file).read(text)


def from_ntriples(data: bytes, *, file: str | None = None) -> ArgumentMap:
    """Read a map from N-Triples bytes."""
    return read(data, ox.RdfFormat.N_TRIPLES, file=file)


class NTriplesReader:
    """One pass over canonical N-Triples lines: group by subject, then make models."""

    def __init__(self, file: str | None) -> None:
        self.file = file

    def fail(self, message: str, node: str | None = None) -> ParseError:
        # a problem with no one node at fault is about the whole document ("$")
        return ParseError(message, file=self.file, node=node, path=None if node else "$")

    def read(self, text: str) -> ArgumentMap:
        by_subject: dict[str, list[tuple[str, str]]] = {}
        kinds: dict[str, str] = {}
        anchors: set[str] = set()
        maps: set[str] = set()
        explicit: dict[str, str] = {}
        extra: list[str] = []
        for line in text.split("\n"):
            if not line:
                continue
            s, p, rest = line.split(" ", 2)
            o = rest[:-2]
            if s[0] != "<":
                extra.append(line)
                continue
            if p == _P_ID:
                lit = _literal(o)
                if lit is None:
                    raise self.fail("am:id must be a literal", s)
                explicit[s] = lit[0]
                continue
            if p == _T_TYPE:
                kind = _KIND_OF_TERM.get(o)
                if kind is not None:
                    previous = kinds.get(s)
                    if previous is not None and previous != kind:
                        raise self.fail(
                            f"node has two kinds: {CLASS_OF_KIND[previous]} and {CLASS_OF_KIND[kind]}", s
                        )
                    kinds[s] = kind
                    continue
                if o == _T_ANCHOR:
                    anchors.add(s)
                    continue
                if o == _T_MAP:
                    maps.add(s)
                    continue
            by_subject.setdefault(s, []).append((p, o))
        clash = anchors & kinds.keys()
        if clash:
            node = min(clash)
            raise self.fail(f"node has two kinds: Anchor and {CLASS_OF_KIND[kinds[node]]}", node)
        if len(maps) > 1:
            shown = ", ".join(sorted(maps)[:3])
            raise ParseError(
                f"the input holds {len(maps)} argument maps ({shown}); load one at a time "
                "(for TriG or N-Quads, name its graph)",
                file=self.file,
                path="$",
            )
        map_term = next(iter(maps), None)
        title = semantics = None
        if map_term is not None:
            rest_pairs = []
            for p, o in by_subject.pop(map_term, []):
                lit = _literal(o)
                if p == _P["title"] and lit is not None:
                    title = lit[0]
                elif p == _P["semantics"] and lit is not None:
                    semantics = lit[0]
                else:
                    rest_pairs.append((p, o))
            if rest_pairs:
                by_subject[map_term] = rest_pairs
        if map_term is None:
            name, iri = "imported", None
        else:
            iri = map_term[1:-1]
            name = iri.rstrip("/#").rsplit("/", 1)[-1] or "map"
            if iri.startswith(DEFAULT_MAP_BASE):
                name = iri[len(DEFAULT_MAP_BASE) :] or name
        m = ArgumentMap(name, iri=iri, title=title)
        base = m.base

        ids: dict[str, str] = {}
        for s in explicit:
            if s not in kinds:
                raise self.fail("am:id on something that is not a node of the map", s)
        taken: set[str] = set()
        pending: list[str] = []
        minted: dict[str, str | None] = {}
        for s in kinds:
            minted[s] = id_from_iri(base, s[1:-1])
            node_id = explicit.get(s) or minted[s]
            if node_id is None or node_id in taken:
                pending.append(s)
                continue
            taken.add(node_id)
            ids[s] = node_id
        for s in sorted(pending):
            ids[s] = _local_id(s[1:-1], taken)
            taken.add(ids[s])

        anchor_models = {a: self._anchor(a, by_subject.pop(a, []), ids) for a in anchors}
        nodes: list[Node] = []
        abouts: list[tuple[str, str]] = []
        labels: dict[str, str] = {}
        strengths: dict[str, float] = {}
        used_anchors: set[str] = set()
        for s, kind in kinds.items():
            node_id = ids[s]
            fields: dict[str, Any] = {"id": node_id, "kind": kind}
            if explicit.get(s) is not None or node_id != minted[s]:
                fields["iri"] = s[1:-1]
            premises: list[str] = []
            attackers: list[str] = []
            tags: list[str] = []
            same_as: list[str] = []
            node_anchors = []
            for p, o in by_subject.pop(s, ()):
                field = _LIT_FIELDS.get(p)
                if field is not None:
                    lit = _literal(o)
                    if lit is None:
                        raise self.fail(f"{_short(p)} must be a literal, not {o}", s)
                    self._set_once(fields, field, lit[0], s, p)
                    continue
                field = _REF_FIELDS.get(p)
                if field is not None:
                    ref = ids.get(o)
                    if ref is None:
                        raise self.fail(
                            f"{_short(p)} points at {o}, which is not a node of the map", s
                        )
                    self._set_once(fields, field, ref, s, p)
                    continue
                if p == _P["premise"] or p == _P["attacker"]:
                    ref = ids.get(o)
                    if ref is None:
                        raise self.fail(
                            f"{_short(p)} points at {o}, which is not a node of the map", s
                        )
                    (premises if p == _P["premise"] else attackers).append(ref)
                elif p == _P["about"]:
                    ref = ids.get(o)
                    if ref is None:
                        raise self.fail(
                            f"am:about points at {o}, which is not a node of the map", s
                        )
                    abouts.append((node_id, ref))
                elif p == _P["anchor"]:
                    if o not in anchor_models:
                        raise self.fail(f"am:anchor points at {o}, which is not an am:Anchor", s)
                    node_anchors.append(anchor_models[o])
                    used_anchors.add(o)
                elif p in _ENUM_FIELDS:
                    field, values = _ENUM_FIELDS[p]
                    if o not in values:
                        raise self.fail(f"{_short(p)} has the unknown value {o}", s)
                    self._set_once(fields, field, values[o], s, p)
                elif p == _P["tag"]:
                    lit = _literal(o)
                    if lit is None:
                        raise self.fail(f"am:tag must be a literal, not {o}", s)
                    tags.append(lit[0])
                elif p == _T_SAME_AS:
                    if o[0] != "<":
                        raise self.fail(f"owl:sameAs must be an IRI, not {o}", s)
                    same_as.append(o[1:-1])
                elif p == _P["url"]:
                    if o[0] != "<":
                        raise self.fail(f"am:url must be an IRI, not {o}", s)
                    self._set_once(fields, "url", o[1:-1], s, p)
                elif p == _P["data"]:
                    lit = _literal(o)
                    try:
                        value = load_json(lit[0], what="JSON") if lit is not None else None
                    except ParseError as exc:
                        raise self.fail(f"am:data: {exc}", s) from None
                    if not isinstance(value, dict):
                        raise self.fail("am:data must be a JSON object literal", s)
                    self._set_once(fields, "data", value, s, p)
                elif p == _P["acceptability"]:
                    lit = _literal(o)
                    if lit is None:
                        raise self.fail("am:acceptability must be a literal", s)
                    labels[node_id] = lit[0]
                elif p == _P["strength"]:
                    lit = _literal(o)
                    try:
                        strengths[node_id] = float(lit[0]) if lit is not None else float("nan")
                    except ValueError:
                        raise self.fail(f"am:strength {o} is not a number", s) from None
                elif p == _P["id"]:
                    continue
                elif p.startswith("<" + NS):
                    raise self.fail(f"{_short(p)} does not apply to {_kind_an(kind)}", s)
                else:
                    extra.append(f"{s} {p} {o} .")
            if premises:
                fields["premises"] = tuple(premises)
            if attackers:  # linked attackers: the model puts them in canonical order
                fields["attacker"] = attackers[0]
                if len(attackers) > 1:
                    fields["co_attackers"] = tuple(attackers[1:])
            if tags:
                fields["tags"] = tuple(tags)
            if same_as:
                fields["same_as"] = tuple(same_as)
            if node_anchors:
                fields["anchors"] = tuple(node_anchors)
            model = MODEL_BY_KIND[kind]
            missing = [name for name in _REQUIRED[kind] if name not in fields]
            if missing:
                wanted = ", ".join(_pred_for(name) for name in missing)
                raise self.fail(f"{_kind_an(kind)} without {wanted}", s)
            try:
                nodes.append(cast(Node, model.model_validate(fields)))
            except ValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(x) for x in e['loc']) or kind}: {e['msg']}"
                    for e in exc.errors()
                )
                raise self.fail(f"invalid {kind}: {problems}", s) from None
        for a in sorted(anchors - used_anchors):
            raise self.fail("an am:Anchor that no node points at with am:anchor", a)
        for s, pairs in by_subject.items():
            for p, o in pairs:
                if p.startswith("<" + NS) and s in ids:
                    raise self.fail(f"{_short(p)} on a node argmap cannot place", s)
                extra.append(f"{s} {p} {o} .")
        iri_of_id = {v: k for k, v in ids.items()}

        def refuse(node: Any, exc: Exception) -> None:
            key = str(getattr(node, "id", None) or getattr(node, "statement", ""))
            where = iri_of_id.get(key)
            raise self.fail(str(exc).removeprefix("load: "), where)

        check_nodes(nodes, file=self.file, source_size=len(text))
        try:
            loaded = ArgumentMap.from_nodes(
                nodes, abouts, name=name, iri=iri, title=title, on_error=refuse
            )
            loaded.extra = sorted(set(extra))
            if labels:
                loaded.set_labels(labels, semantics=semantics or "unknown")
            if strengths:
                loaded.set_strengths(strengths)
        except ParseError:
            raise
        except ArgmapError as exc:
            raise ParseError(str(exc), file=self.file, path="$") from None
        loaded.semantics = semantics
        return loaded

    def _set_once(self, fields: dict[str, Any], field: str, value: Any, s: str, p: str) -> None:
        if field in fields and fields[field] != value:
            raise self.fail(f"{_short(p)} has two values", s)
        fields[field] = value

    def _anchor(self, a: str, pairs: list[tuple[str, str]], ids: dict[str, str]) -> Anchor:
        fields: dict[str, Any] = {}
        for p, o in pairs:
            field = _ANCHOR_FIELDS.get(p)
            if field is None:
                if p.startswith("<" + NS):
                    raise self.fail(f"{_short(p)} does not apply to an am:Anchor", a)
                raise self.fail(f"{p} on an am:Anchor: argmap cannot keep it", a)
            value: Any
            if field == "source":
                value = ids.get(o)
                if value is None:
                    raise self.fail(f"am:source points at {o}, which is not a node of the map", a)
            else:
                lit = _literal(o)
                if lit is None:
                    raise self.fail(f"{_short(p)} must be a literal", a)
                value = lit[0]
                if field in ("start", "end"):
                    try:
                        value = int(value)
                    except ValueError:
                        raise self.fail(f"{_short(p)} {o} is not an integer", a) from None
            self._set_once(fields, field, value, a, p)
        for need in ("source", "exact"):
            if need not in fields:
                raise self.fail(f"an anchor without am:{need}", a)
        start, end = fields.get("start"), fields.get("end")
        if (start is None) != (end is None):
            have, lack = ("start", "end") if end is None else ("end", "start")
            raise self.fail(f"an anchor with am:{have} but no am:{lack}", a)
        if start is not None and end is not None and end - start != len(fields["exact"]):
            raise self.fail(
                f"the anchor's offsets {start}-{end} span {end - start} characters, but its "
                f"quote is {len(fields['exact'])} long",
                a,
            )
        try:
            return Anchor.model_validate(fields)
        except ValidationError as exc:
            raise self.fail(f"invalid anchor: {exc.errors()[0]['msg']}", a) from None


def _short(term: str) -> str:
    if term.startswith("<" + NS):
        return "am:" + term[len(NS) + 1 : -1]
    return term


def _kind_an(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _pred_for(field: str) -> str:
    names = {"premises": "am:premise", "attack_type": "am:attackType", "actor_type": "am:actorType"}
    return names.get(field, "am:" + field)


def _local_id(iri: str, taken: set[str]) -> str:
    local = re.split(r"[/#:]", iri.rstrip("/#"))[-1]
    local = re.sub(r"[^A-Za-z0-9._~\-]", "_", local)[:180] or "node"
    if not re.match(r"[A-Za-z0-9_]", local):
        local = "_" + local
    candidate = local
    n = 2
    while candidate in taken:
        candidate = f"{local}-{n}"
        n += 1
    return candidate


def from_rdflib(g: rdflib.Graph) -> ArgumentMap:
    """Read a map from an :class:`rdflib.Graph`.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("g"); _ = m.claim("Claim.", id="c")
    >>> from_rdflib(to_rdflib(m)) == m
    True
    """
    data = g.serialize(format="nt", encoding="utf-8")
    return from_ntriples(data)
