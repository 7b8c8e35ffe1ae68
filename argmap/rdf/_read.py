"""Reading: pyoxigraph's parser to canonical N-Triples, then one pass to node models."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox
from pydantic import ValidationError

from argmap.errors import ArgmapError, LimitExceeded, ParseError
from argmap.ids import id_from_iri
from argmap.limits import check_nodes, load_json
from argmap.map import DEFAULT_MAP_BASE, ArgumentMap
from argmap.model import (
    MODEL_BY_KIND,
    Anchor,
    Node,
    built,
)
from argmap.namespace import NS
from argmap.stream_caps import capped, check_node_lines
from argmap.util import no_gc
from argmap.vocab import (
    CLASS_OF_KIND,
    SINGLE_REFERENCES,
)

if TYPE_CHECKING:
    import rdflib
from argmap.rdf._terms import (
    _P,
    _T_ACTOR,
    _T_ANCHOR,
    _T_ATTACK,
    _T_CLASS,
    _T_ROLE,
    _T_SAME_AS,
    _T_TYPE,
    _iri,
)

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
# syntaxes whose canonical N-Triples is no bigger than the input, and those whose literals
# sit on one line unless triple-quoted (see argmap.stream_caps)
_LINE_BASED = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
_LITERALS_ON_LINES = (*_LINE_BASED, ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
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
    line_based = fmt in _LINE_BASED
    try:
        parsed: Any = capped(
            ox.parse(data, format=fmt),
            _CLASS_IRIS,
            len(data),
            file=file,
            data=data if fmt in _LITERALS_ON_LINES else None,
            nodes_later=line_based,
        )
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            if graph is None:
                parsed = (q.triple for q in parsed)
            else:
                wanted = ox.NamedNode(graph)
                parsed = (q.triple for q in parsed if q.graph_name == wanted)
        out = ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES)
    except ParseError:  # a cap, met while the parser read (argmap.stream_caps)
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
    text = cast(bytes, out).decode("utf-8")
    if line_based:  # the canonical text is no bigger than the input: count its nodes now
        check_node_lines(text, _CLASS_IRIS, file=file)
    return text


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
                            f"node has two kinds: {CLASS_OF_KIND[previous]} and {CLASS_OF_KIND[kind]}",
                            s,
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
                nodes.append(cast(Node, built(model, fields) or model.model_validate(fields)))
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
            return built(Anchor, fields) or Anchor.model_validate(fields)
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
    >>> from argmap.rdf import to_rdflib
    >>> from_rdflib(to_rdflib(m)) == m
    True
    """
    data = g.serialize(format="nt", encoding="utf-8")
    return from_ntriples(data)
