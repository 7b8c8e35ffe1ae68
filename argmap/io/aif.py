"""AIF JSON and xAIF, both directions, without loss.

Reading (:func:`aif_to_map`, :func:`loads`) and writing (:func:`map_to_aif`,
:func:`dumps`, :func:`dumps_xaif`). The outside shape lives in
:mod:`argmap.io._aif_schema`; this module maps it onto argmap's model.

What becomes what
-----------------
=================================  ==============================================
AIF                                argmap
=================================  ==============================================
I-node                             :class:`~argmap.Claim` (id = ``nodeID``)
RA-node, its I-node premises and   :class:`~argmap.Argument` (several premises into
its one I-node conclusion          one RA = linked premises); ``scheme`` from the
                                   ``scheme`` key, else from a non-default text
CA-node from I-nodes to an         :class:`~argmap.Attack`; the map derives rebut /
I-, RA- or CA-node                 undermine (I target) and undercut (RA or CA
                                   target); several I-nodes into one CA attack only
                                   jointly (linked ``co_attackers``)
L-node -> YA -> I-node, speaker    :class:`~argmap.Stance` (id = the YA's id) of an
known                              :class:`~argmap.Actor` (``person``): Asserting,
                                   Assertive/Rhetorical Questioning -> asserts,
                                   Agreeing -> endorses, Disagreeing -> opposes;
                                   anchored to the L-node's words
participants (xAIF)                :class:`~argmap.Actor` per participant
everything else                    kept verbatim (see below)
=================================  ==============================================

Speakers come from ``locutions[].personID`` and the ``participants`` table when there
is one, else from the ``"Name : text"`` prefix of the L-node (AIFdb and DialAM files have
no participants table). Only the L-node that anchors the YA counts: an analyst's copy
(``"Zlata: Peter Kyle : ..."``, linked by an ``Analysing`` YA) never makes an actor.

Kept, not dropped: every AIF node and edge that argmap cannot express natively (L, TA,
MA, PA nodes, YA nodes that are not stances, a CA that attacks an MA, an RA
that supports an S-node, and their edges), the ``locutions`` and ``participants`` tables,
unknown top-level members and the xAIF wrapper (``OVA`` layout, ``text``) go into the
``data["aif"]`` of one :class:`~argmap.Source` node that stands for the AIF document.
Each native node keeps its own AIF leftovers (original ``nodeID`` when it is an int or
not a usable argmap id, ``timestamp``, ``scheme``, ``schemeID``, text of RA/CA nodes,
its edges with their ``edgeID`` and ``formEdgeID``) in its ``data["aif"]``. So
AIF -> argmap -> AIF gives back the same nodes, edges, schemes, locutions and
participants (the tests check it on every shared AIF file).

The critical question an argument or attack answers (``question``, see
:mod:`argmap.schemes`) travels as an extra ``question`` key of its RA- or CA-node (an argmap
extension: AIF has no field for it; other AIF tools ignore the key, and the node's
``scheme`` keeps its AIF meaning).

Writing a map that did not come from AIF: statements become I-nodes (their kind is not
expressible in AIF), arguments RA-nodes, attacks CA-nodes, asserts/endorses/opposes
stances an L-node ``"Actor : text"`` with a YA (Asserting / Agreeing / Disagreeing).
Not written: entities other than speaking actors, ``addressed_by`` stances, about-edges,
anchors, tags. :func:`map_to_aif` lists them in its ``skipped`` result.

Errors: a file that is not AIF, an edge to a missing node, a node of unknown type, an
RA or CA without premise/attacker or conclusion/target raise
:class:`~argmap.errors.ParseError` naming the file and node id; with ``lenient=True``
the map of what was sound comes back with an :class:`~argmap.io._report.ImportReport`
of every problem (unsound S-nodes are still kept verbatim in the document node, so a
lenient load writes back what it read).

Examples
--------
>>> m = loads(b'''{"nodes": [
...   {"nodeID": "1", "text": "It rains.", "type": "I"},
...   {"nodeID": "2", "text": "The street is wet.", "type": "I"},
...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...  "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"},
...            {"edgeID": "2", "fromID": "3", "toID": "2"}]}''')
>>> [(a.premises, a.conclusion) for a in m.arguments()]
[(('1',), '2')]
>>> import json; json.loads(dumps(m))["nodes"][2]["type"]
'RA'
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from argmap.ids import mint_id, slugify
from argmap.io._aif_schema import (
    AifDocument,
    AifNode,
    json_id,
    parse_aif,
    parse_aif_object,
)
from argmap.io._aif_write import (
    _DOC_KEY,
    AifExport,
    dumps,
    dumps_xaif,
    map_to_aif,
)
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_nodes
from argmap.map import ArgumentMap
from argmap.model import (
    ID_PATTERN,
    Actor,
    Anchor,
    Argument,
    Attack,
    Claim,
    Node,
    Source,
    Stance,
    built,
    writable,
)
from argmap.util import no_gc

__all__ = [
    "ILLOCUTION_ROLES",
    "AifExport",
    "aif_to_map",
    "dumps",
    "dumps_xaif",
    "loads",
    "loads_xaif",
    "map_to_aif",
    "sniff_aif",
    "sniff_xaif",
]

ILLOCUTION_ROLES: dict[str, str] = {
    "asserting": "asserts",
    "assertivequestioning": "asserts",
    "rhetoricalquestioning": "asserts",
    "agreeing": "endorses",
    "disagreeing": "opposes",
}
"""YA illocutions (lower case, no spaces) that become a stance, and its role."""

_GENERIC_TEXT = {"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict"}
_SPEAKER_RE = re.compile(r"^\s*([^:\n]{1,80}?)\s*:\s+(\S.*)$", re.S)


def _question(leftovers: dict[str, Any]) -> str | None:
    """The critical question an RA/CA node answers (its ``question`` key, an argmap
    extension), taken out of the leftovers; a non-string value stays there verbatim."""
    value = leftovers.get("question")
    if isinstance(value, str) and value.strip():
        del leftovers["question"]
        return value
    return None


def _illocution(node: AifNode) -> str:
    return _SPACES.sub("", (node.scheme or node.text)).lower()


_SPACES = re.compile(r"\s+")


def split_speaker(text: str) -> tuple[str | None, str]:
    """The ``"Speaker : words"`` prefix of an L-node's text, and the words.

    Examples
    --------
    >>> split_speaker("Peter Kyle : It is a genuine human thing to do")
    ('Peter Kyle', 'It is a genuine human thing to do')
    >>> split_speaker("no speaker here")
    (None, 'no speaker here')
    """
    m = _SPEAKER_RE.match(text)
    if not m or len(m.group(1).split()) > 6:
        return None, text
    return m.group(1).strip(), m.group(2).strip()


# ---------------------------------------------------------------------------- reading


@dataclass
class _Reader:
    doc: AifDocument
    report: ImportReport
    name: str
    nodes: list[Node] = field(default_factory=list)
    native: dict[str, str] = field(default_factory=dict)  # AIF key -> argmap id
    owned_edges: set[int] = field(default_factory=set)  # indexes into doc.edges
    residue_nodes: list[str] = field(default_factory=list)  # AIF keys

    def run(self) -> None:
        doc = self.doc
        ins: dict[str, list[int]] = defaultdict(list)
        outs: dict[str, list[int]] = defaultdict(list)
        for index, edge in enumerate(doc.edges):
            outs[edge.from_id].append(index)
            ins[edge.to_id].append(index)
        self.ins, self.outs = ins, outs
        taken: set[str] = set()
        self.source_id = self._fresh_id("aif-" + (slugify(self.name) or "document"), taken)
        for key, node in doc.nodes.items():
            if node.type == "I":
                self._claim(key, node, taken)
        actors = _Speakers(self)
        for key, node in doc.nodes.items():
            if node.type == "RA":
                self._argument(key, node)
        self._attacks()
        for key, node in doc.nodes.items():
            if node.type == "YA":
                self._stance(key, node, actors)
        self.residue_nodes = [key for key in doc.nodes if key not in self.native]
        self.nodes.extend(actors.actors.values())
        self.nodes.append(self._document_node(actors))

    # -- ids ---------------------------------------------------------------------------
    def _fresh_id(self, wanted: str, taken: set[str]) -> str:
        candidate, n = wanted, 1
        while candidate in taken or candidate in self.doc.nodes:
            n += 1
            candidate = f"{wanted}-{n}"
        taken.add(candidate)
        return candidate

    def _leftovers(self, node: AifNode, node_id: str, *, keep_text: bool) -> dict[str, Any]:
        extra = {k: v for k, v in node.raw.items() if k not in ("nodeID", "text", "type")}
        if node.raw_id != node_id:
            extra["nodeID"] = node.raw_id
        if keep_text:
            extra["text"] = node.text
        return extra

    def _edges(self, indexes: list[int]) -> list[dict[str, Any]]:
        self.owned_edges.update(indexes)
        return [self.doc.edges[i].raw for i in indexes]

    # -- I, RA, CA, YA -----------------------------------------------------------------
    def _writable(self, text: str, key: str) -> bool:
        """Text RDF can carry (the fast paths below skip the models' own check)."""
        try:
            writable(text)
        except ValueError as exc:
            self.report.add(str(exc), node=key)
            return False
        return True

    def _claim(self, key: str, node: AifNode, taken: set[str]) -> None:
        node_id = key if ID_PATTERN.match(key) else self._fresh_id(mint_id("claim", key), taken)
        if not node.text.strip():
            self.report.add("I-node has an empty text", node=key)
            return
        if not self._writable(node.text, key):
            return
        data = self._leftovers(node, node_id, keep_text=False)
        # checked here (id pattern, non-empty, writable text), so built without re-validation
        fields: dict[str, Any] = {
            "id": node_id,
            "text": node.text,
            "data": {"aif": data} if data else {},
        }
        claim = built(Claim, fields) or Claim.model_construct(**fields)
        self.nodes.append(claim)
        self.native[key] = node_id
        taken.add(node_id)

    def _split(self, key: str) -> tuple[list[int], list[int], list[int], list[int]]:
        """Edges in from native I-nodes, out to native I/RA nodes, and the others."""
        i_in = [e for e in self.ins[key] if self.doc.nodes[self.doc.edges[e].from_id].type == "I"]
        s_out = [
            e for e in self.outs[key] if self.doc.nodes[self.doc.edges[e].to_id].type in ("I", "RA")
        ]
        other_in = [e for e in self.ins[key] if e not in i_in]
        other_out = [e for e in self.outs[key] if e not in s_out]
        return i_in, s_out, other_in, other_out

    def _verbatim(self, key: str, what: str, edges: list[int]) -> None:
        kinds = sorted({self.doc.nodes[self.doc.edges[e].to_id].type for e in edges})
        self.report.note(
            f"{what} a {'/'.join(kinds)}-node, which argmap cannot target; kept verbatim "
            "in the document node's data['aif']",
            node=key,
        )

    def _unsound(self, key: str, message: str) -> None:
        self.report.add(message, node=key)

    def _argument(self, key: str, node: AifNode) -> None:
        i_in, s_out, _, other_out = self._split(key)
        premises = [self.doc.edges[e].from_id for e in i_in]
        concl = [self.doc.edges[e].to_id for e in s_out]
        if any(self.doc.nodes[self.doc.edges[e].to_id].type not in ("I",) for e in s_out) or (
            not s_out and other_out
        ):
            return self._verbatim(key, "RA-node concludes in", s_out + other_out)
        if not premises:
            return self._unsound(key, "RA-node has no premise (no edge from an I-node)")
        if not concl:
            return self._unsound(key, "RA-node has no conclusion (no edge to an I-node)")
        if len(concl) > 1:
            return self._unsound(key, f"RA-node has {len(concl)} conclusions; AIF allows one")
        missing = [p for p in [*premises, *concl] if p not in self.native]
        if missing:
            return self._unsound(key, f"RA-node joins I-node {missing[0]!r}, which was not read")
        if len(set(premises)) != len(premises):
            return self._unsound(key, "RA-node has the same premise twice")
        if concl[0] in premises:
            return self._unsound(key, "RA-node uses its conclusion as a premise")
        scheme = node.scheme or (node.text if node.text not in _GENERIC_TEXT else None)
        data = self._leftovers(node, key, keep_text=True)
        data["edges"] = self._edges(i_in + s_out)
        self._add(
            key,
            Argument,
            id=key,
            premises=tuple(self.native[p] for p in premises),
            conclusion=self.native[concl[0]],
            scheme=scheme,
            question=_question(data),
            data={"aif": data},
        )

    def _attacks(self) -> None:
        """Read the CA-nodes, each one that attacks a CA-node after the one it attacks."""
        doc = self.doc
        pending = [key for key, node in doc.nodes.items() if node.type == "CA"]
        while pending:
            waiting = []
            for key in pending:
                targets = [doc.edges[e].to_id for e in self.outs[key]]
                if any(doc.nodes[t].type == "CA" and t in pending and t != key for t in targets):
                    waiting.append(key)
                else:
                    self._attack(key, doc.nodes[key])
            if len(waiting) == len(pending):  # CA-nodes that only attack each other
                for key in waiting:
                    self._unsound(key, "CA-node is in a cycle of CA-nodes attacking each other")
                return
            pending = waiting

    def _attack(self, key: str, node: AifNode) -> None:
        doc = self.doc
        i_in = [e for e in self.ins[key] if doc.nodes[doc.edges[e].from_id].type == "I"]
        s_out = [
            e for e in self.outs[key] if doc.nodes[doc.edges[e].to_id].type in ("I", "RA", "CA")
        ]
        other_out = [e for e in self.outs[key] if e not in s_out]
        if not s_out and other_out:
            return self._verbatim(key, "CA-node targets", other_out)
        if not i_in:
            return self._unsound(key, "CA-node has no attacker (no edge from an I-node)")
        if not s_out:
            return self._unsound(key, "CA-node has no target (no edge to an I-, RA- or CA-node)")
        if len(s_out) > 1:
            return self._unsound(
                key, f"CA-node has {len(s_out)} targets; argmap reads one target an attack"
            )
        attackers = [doc.edges[e].from_id for e in i_in]
        target = doc.edges[s_out[0]].to_id
        missing = [k for k in [*attackers, target] if k not in self.native]
        if missing:
            return self._unsound(key, f"CA-node joins node {missing[0]!r}, which was not read")
        if len(set(attackers)) != len(attackers):
            return self._unsound(key, "CA-node has the same attacker twice")
        data = self._leftovers(node, key, keep_text=True)
        data["edges"] = self._edges(i_in + s_out)
        ids = [self.native[a] for a in attackers]
        self._add(
            key,
            Attack,
            id=key,
            attacker=ids[0],
            co_attackers=tuple(ids[1:]),
            target=self.native[target],
            attack_type="undercut" if doc.nodes[target].type in ("RA", "CA") else None,
            question=_question(data),
            data={"aif": data},
        )

    def _stance(self, key: str, node: AifNode, speakers: _Speakers) -> None:
        role = ILLOCUTION_ROLES.get(_illocution(node))
        ins, outs = self.ins[key], self.outs[key]
        if role is None or len(ins) != 1 or len(outs) != 1:
            return
        loc_key = self.doc.edges[ins[0]].from_id
        target = self.doc.edges[outs[0]].to_id
        loc = self.doc.nodes[loc_key]
        if loc.type != "L" or target not in self.native or self.doc.nodes[target].type != "I":
            return
        actor_id, words = speakers.of(loc_key)
        if actor_id is None:
            return
        if not (self._writable(node.text, key) and self._writable(words, loc_key)):
            return
        data = self._leftovers(node, key, keep_text=False)
        data["L"] = loc.raw_id
        data["edges"] = self._edges([ins[0], outs[0]])
        anchors = (_anchor(self.source_id, words),) if words.strip() else ()
        if not ID_PATTERN.match(key):
            return self._add(
                key,
                Stance,
                id=key,
                text=node.text,
                actor=actor_id,
                role=role,
                target=self.native[target],
                anchors=anchors,
                data={"aif": data},
            )
        # the id, role, actor and target are checked above: built without re-validation
        fields: dict[str, Any] = {
            "id": key,
            "text": node.text,
            "actor": actor_id,
            "role": role,
            "target": self.native[target],
            "anchors": anchors,
            "data": {"aif": data},
        }
        self.nodes.append(built(Stance, fields) or Stance.model_construct(**fields))
        self.native[key] = key

    def _add(self, key: str, cls: type[Node], **fields: Any) -> None:
        if not ID_PATTERN.match(key):
            fields["data"]["aif"]["nodeID"] = self.doc.nodes[key].raw_id
            fields["id"] = mint_id(cls.model_fields["kind"].default, key)
        try:
            model = built(cls, fields) or cls(**fields)
        except ValidationError as exc:
            owned = fields["data"]["aif"].get("edges", [])
            self.owned_edges.difference_update(
                i for i, e in enumerate(self.doc.edges) if any(e.raw is r for r in owned)
            )
            msg = exc.errors()[0]["msg"]
            return self.report.add(f"{self.doc.nodes[key].type}-node: {msg}", node=key)
        self.nodes.append(model)
        self.native[key] = model.id

    # -- the document node -------------------------------------------------------------
    def _document_node(self, speakers: _Speakers) -> Source:
        doc = self.doc
        residue = {
            "keys": list(doc.keys),
            "node_order": list(doc.nodes),
            "edge_order": [e.id for e in doc.edges],
            "nodes": [doc.nodes[k].raw for k in self.residue_nodes],
            "edges": [e.raw for i, e in enumerate(doc.edges) if i not in self.owned_edges],
            "locutions": doc.locutions,
        }
        if doc.participants is not None:
            residue["participants_order"] = [
                speakers.participant_actor.get(i) for i in range(len(doc.participants))
            ]
            residue["participants"] = [
                p for i, p in enumerate(doc.participants) if i not in speakers.participant_actor
            ]
        if doc.other:
            residue["other"] = doc.other
        if doc.wrapper is not None:
            residue["wrapper"] = doc.wrapper
        title = self.name or "AIF document"
        return Source(id=self.source_id, text=title, data={"aif": {_DOC_KEY: residue}})


class _Speakers:
    """Who speaks each L-node: participants table, locutions, or the text prefix."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.actors: dict[str, Actor] = {}
        self.by_name: dict[str, str] = {}
        self.participant_actor: dict[int, str] = {}
        doc = reader.doc
        self.by_person: dict[str, str] = {}
        for index, part in enumerate(doc.participants or []):
            pid = json_id(part.get("participantID"))
            name = " ".join(
                str(part.get(k) or "").strip() for k in ("firstname", "surname")
            ).strip()
            if pid is None or not name:
                continue
            try:
                writable(name)
            except ValueError as exc:  # lenient: the row stays in the document, verbatim
                reader.report.add(f"participant {pid}: {exc}", path=f"participants[{index}]")
                continue
            actor_id = self._actor(name, {"participant": part})
            self.participant_actor[index] = actor_id
            self.by_person[pid] = actor_id
        self.person_of: dict[str, str] = {}
        for loc in doc.locutions:
            node_key = json_id(loc.get("nodeID"))
            person = json_id(loc.get("personID"))
            if node_key is not None and person is not None:
                self.person_of[node_key] = person

    def _actor(self, name: str, data: dict[str, Any] | None = None) -> str:
        cached = self.by_name.get(name)
        if cached is not None and data is None:
            return cached
        actor_id = self.by_name[name] = mint_id("actor", name)
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(
                id=actor_id, text=name, actor_type="person", data={"aif": data} if data else {}
            )
        return actor_id

    def of(self, loc_key: str) -> tuple[str | None, str]:
        """(actor id or None, the words without the speaker prefix)."""
        text = self.reader.doc.nodes[loc_key].text
        name, words = split_speaker(text)
        person = self.person_of.get(loc_key)
        if person is not None and person in self.by_person:
            return self.by_person[person], words
        if name is None:
            return None, text
        if not self.reader._writable(name, loc_key):  # lenient: no stance, L-node kept as is
            return None, text
        return self._actor(name), words


def aif_to_map(
    doc: AifDocument | dict[str, Any],
    *,
    filename: str | None = None,
    name: str | None = None,
    lenient: bool = False,
    report: ImportReport | None = None,
) -> Imported:
    """Convert an AIF document (or its decoded JSON) into an :class:`ArgumentMap`.

    Returns ``(map, report)``; strict mode raises :class:`~argmap.errors.ParseError` on
    the first problem, so its report is always empty.

    Examples
    --------
    >>> m, report = aif_to_map({"nodes": [{"nodeID": 7, "text": "RA", "type": "RA"}],
    ...                         "edges": []}, lenient=True)
    >>> [str(p) for p in report]
    ['node 7: RA-node has no premise (no edge from an I-node)']
    >>> aif_to_map({"nodes": [{"nodeID": 7, "text": "x", "type": "XA"}], "edges": []},
    ...            filename="bad.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: bad.json, node 7, at nodes[0]: unknown node type 'XA' (known: CA, I, L, MA, PA, RA, TA, YA)
    """
    report = report if report is not None else ImportReport(file=filename, lenient=lenient)
    if not isinstance(doc, AifDocument):
        doc = parse_aif_object(doc, report=report)
    stem = name if name is not None else (PurePath(filename).stem if filename else "aif")
    reader = _Reader(doc, report, stem)
    reader.run()

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(reader.nodes, file=filename)
    m = ArgumentMap.from_nodes(
        reader.nodes, name=slugify(stem) or "aif", title=stem, on_error=refused
    )
    return Imported(m, report)


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read AIF JSON or xAIF (strict unless ``lenient``; the registry's reader).

    Examples
    --------
    >>> loads(b'{"nodes": [], "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}]}',
    ...       filename="e.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: e.json, node 1, at edges[0]: edge 1: fromID '1' names no node in the map
    """
    report = ImportReport(file=filename, lenient=lenient)
    with no_gc():  # the decoded JSON and the models hold no reference cycles
        doc = parse_aif(data, filename=filename, report=report)
        return aif_to_map(doc, filename=filename, report=report).map


def loads_xaif(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> ArgumentMap:
    """Read xAIF (the same reader as :func:`loads`: both shapes are recognised).

    Examples
    --------
    >>> len(loads_xaif(b'{"AIF": {"nodes": [], "edges": []}, "OVA": {}, "text": ""}'))
    1
    """
    return loads(data, filename=filename, lenient=lenient)


# ---------------------------------------------------------------------------- writing


def sniff_aif(head: bytes) -> bool:
    """True when ``head`` looks like plain AIF JSON (an object with ``nodes``/``edges``).

    Examples
    --------
    >>> sniff_aif(b'{"nodes": [{"nodeID": "1"'), sniff_aif(b'{"AIF": {}}')
    (True, False)
    """
    text = head.lstrip().decode("utf-8", "ignore")
    return (
        text.startswith("{")
        and not _XAIF_RE.match(text)
        and bool(re.search(r'"(nodes|edges)"\s*:', text[:4096]))
        and (
            '"nodeID"' in text
            or '"fromID"' in text
            or re.search(r'"nodes"\s*:\s*\[\s*\]', text) is not None
        )
    )


_XAIF_RE = re.compile(r'\{\s*"AIF"\s*:')


def sniff_xaif(head: bytes) -> bool:
    """True when ``head`` starts like xAIF / the OVA wrapper (``{"AIF": ...``).

    Examples
    --------
    >>> sniff_xaif(b'  {"AIF": {"nodes": []}}')
    True
    """
    return bool(_XAIF_RE.match(head.lstrip().decode("utf-8", "ignore")))


def _anchor(source: str, words: str) -> Anchor:
    fields: dict[str, Any] = {"source": source, "exact": words}
    return built(Anchor, fields) or Anchor.model_construct(**fields)
