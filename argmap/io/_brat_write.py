"""The writing side of :mod:`argmap.io.brat`: a map's anchored statements as brat standoff.

Statements anchored with offsets to one source (the source read from brat, else the one
most anchors quote) become ``T`` lines, with their ids kept when they look like brat ids
(``T12``) and fresh ones given otherwise. Arguments between them become ``supports``
relations (one per premise: brat cannot say that premises are linked), attacks between
them ``attacks`` relations; the spelling read from brat is kept. Attributes, notes and
the lines kept verbatim go back as they came. Undercuts, stances of actors and statements
without offsets are left out: brat has no place for them.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap("w"); src = m.source("Essay", id="essay")
>>> c = m.claim("Cats rule.", id="c"); p = m.claim("They purr.", id="p")
>>> _ = m.anchor(c, "Cats rule.", source=src, text="Cats rule. They purr.")
>>> _ = m.anchor(p, "They purr.", source=src, text="Cats rule. They purr.")
>>> _ = m.argue(p, c, id="a")
>>> print(dumps(m).decode(), end="")
T1	MajorClaim 0 10	Cats rule.
T2	Premise 11 21	They purr.
R1	supports Arg1:T2 Arg2:T1
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from argmap.map import ArgumentMap
from argmap.model import Argument, Attack, Node, Source

__all__ = ["dumps", "text_of"]

KEY = "brat"


def _brat(node: Any) -> dict[str, Any]:
    value = node.data.get(KEY)
    return value if isinstance(value, dict) else {}


def _source(m: ArgumentMap) -> Source | None:
    sources = sorted(m.sources(), key=lambda s: s.id)
    for source in sources:
        if isinstance(_brat(source).get("text"), str):
            return source
    counts = Counter(a.source for n in m.statements() for a in n.anchors if a.start is not None)
    if not counts:
        return None
    best = max(sorted(counts), key=lambda s: counts[s])
    found = m[best]
    return found if isinstance(found, Source) else None


def text_of(m: ArgumentMap) -> str:
    """The text the ``.ann`` of :func:`dumps` counts offsets in.

    The text read from brat when the map has it; else one rebuilt from the anchors, with
    spaces where no quote says what stood.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("t"); s = m.source("Doc", id="d"); c = m.claim("C.", id="c")
    >>> _ = m.anchor(c, "flawed", source=s, start=4, end=10)
    >>> text_of(m)
    '    flawed'
    """
    source = _source(m)
    if source is None:
        return ""
    stored = _brat(source).get("text")
    if isinstance(stored, str):
        return stored
    chars: list[str] = []
    for node in m.nodes():
        for a in node.anchors:
            if a.source != source.id or a.start is None or a.end is None:
                continue
            if len(chars) < a.end:
                chars.extend(" " * (a.end - len(chars)))
            if a.end - a.start == len(a.exact):
                chars[a.start : a.end] = list(a.exact)
    return "".join(chars)


class _Ids:
    """Brat ids: a node's own id when it has the right shape and is free, else a new one."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: Counter[str] = Counter()

    def reserve(self, wanted: str | None, prefix: str) -> bool:
        if wanted and re.fullmatch(re.escape(prefix) + r"\d+", wanted) and wanted not in self.taken:
            self.taken.add(wanted)
            return True
        return False

    def fresh(self, prefix: str) -> str:
        while True:
            self.next[prefix] += 1
            candidate = f"{prefix}{self.next[prefix]}"
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate


def _kind(m: ArgumentMap, node: Node) -> str:
    if node.kind == "recommendation":
        return "MajorClaim"
    if node.kind == "evidence":
        return "Premise"
    used = bool(m.arguments_using(node.id) or m.attacks_by(node.id))
    backed = bool(m.arguments_for(node.id) or m.attacks_on(node.id))
    if backed and not used:
        return "MajorClaim"
    return "Premise" if used and not backed else "Claim"


def _clean(text: str) -> str:
    return re.sub(r"[\t\r\n]", " ", text)


def _word(text: str, default: str) -> str:
    return re.sub(r"\s+", "_", text.strip()) or default


def dumps(m: ArgumentMap) -> bytes:
    """The map's anchored statements and their relations as a brat ``.ann``.

    Examples
    --------
    >>> import argmap
    >>> dumps(argmap.ArgumentMap("empty"))
    b''
    """
    source = _source(m)
    if source is None:
        return b""
    spans: list[tuple[Node, list[tuple[int, int, str]]]] = []
    for stmt in m.statements():
        frags = sorted(
            {
                (a.start, a.end, a.exact)
                for a in stmt.anchors
                if a.source == source.id and a.start is not None and a.end is not None
            }
        )
        if frags:
            spans.append((stmt, frags))
    spans.sort(key=lambda item: (item[1][0][0], item[1][0][1], item[0].id))
    ids = _Ids()
    own = {node.id for node, _ in spans if ids.reserve(node.id, "T")}
    tid = {node.id: node.id if node.id in own else "" for node, _ in spans}
    for node, _ in spans:
        if not tid[node.id]:
            tid[node.id] = ids.fresh("T")
    lines: list[str] = []
    for node, frags in spans:
        kind = _word(str(_brat(node).get("type") or _kind(m, node)), "Claim")
        offsets = ";".join(f"{s} {e}" for s, e, _ in frags)
        words = _clean(" ".join(x for _, _, x in frags))
        lines.append(f"{tid[node.id]}\t{kind} {offsets}\t{words}")
    lines.extend(_attributes(spans, tid, ids))
    lines.extend(_relations(m, tid, ids))
    lines.extend(_notes(spans, tid, ids))
    for kept in _brat(source).get("other") or ():
        if isinstance(kept, dict) and isinstance(kept.get("text"), str):
            lines.append(re.sub(r"[\r\n]", " ", kept["text"]))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _attributes(
    spans: list[tuple[Node, list[tuple[int, int, str]]]], tid: dict[str, str], ids: _Ids
) -> Iterator[str]:
    wanted = [
        (node.id, attr)
        for node, _ in spans
        for attr in _brat(node).get("attributes") or ()
        if isinstance(attr, dict) and attr.get("name")
    ]
    reserved = [
        ids.reserve(str(attr.get("id")), str(attr.get("id", "A"))[:1]) for _, attr in wanted
    ]
    for (node_id, attr), mine in zip(wanted, reserved, strict=True):
        aid = str(attr["id"]) if mine else ids.fresh("A")
        value = attr.get("value")
        tail = "" if value is None else f" {_word(str(value), 'true')}"
        yield f"{aid}\t{_word(str(attr['name']), 'Attribute')} {tid[node_id]}{tail}"


def _relations(m: ArgumentMap, tid: dict[str, str], ids: _Ids) -> Iterator[str]:
    rows: list[tuple[Node, str, str, str]] = []
    for rel in [*m.arguments(), *m.attacks()]:
        if "stance" in _brat(rel):
            continue  # written as the Stance attribute of its premise
        if isinstance(rel, Argument) and rel.conclusion in tid:
            kind = str(_brat(rel).get("type") or "supports")
            rows.extend((rel, kind, p, rel.conclusion) for p in rel.premises if p in tid)
        elif isinstance(rel, Attack) and rel.attacker in tid and rel.target in tid:
            rows.append((rel, str(_brat(rel).get("type") or "attacks"), rel.attacker, rel.target))
    counts = Counter(rel.id for rel, *_ in rows)
    mine = {rel.id for rel, *_ in rows if counts[rel.id] == 1 and ids.reserve(rel.id, "R")}
    for rel, kind, src, trg in rows:
        rid = rel.id if rel.id in mine else ids.fresh("R")
        roles = _brat(rel).get("roles") or ["Arg1", "Arg2"]
        yield f"{rid}\t{_word(kind, 'supports')} {roles[0]}:{tid[src]} {roles[1]}:{tid[trg]}"


def _notes(
    spans: list[tuple[Node, list[tuple[int, int, str]]]], tid: dict[str, str], ids: _Ids
) -> Iterator[str]:
    for node, _ in spans:
        for note in _brat(node).get("notes") or ():
            if not isinstance(note, dict):
                continue
            nid = str(note.get("id") or "")
            nid = nid if ids.reserve(nid, "#") else ids.fresh("#")
            kind = _word(str(note.get("type") or "AnnotatorNotes"), "AnnotatorNotes")
            yield f"{nid}\t{kind} {tid[node.id]}\t{_clean(str(note.get('text', '')))}"
