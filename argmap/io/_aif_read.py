"""The AIF reader's inside: a checked :class:`~argmap.io._aif_schema.AifDocument` to
argmap nodes (what becomes what is told in :mod:`argmap.io.aif`).

Built for files of 1e5 nodes and more. The checks every node's model would make are made
here, once: the text of every node is scanned for characters RDF cannot carry in one pass
over all of them (:func:`~argmap.model.all_writable`), and only when that scan finds one
is each text asked again, to say which node holds it. Claims, stances and their anchors,
whose every field is then known good, are made with :func:`~argmap.model.trusted` (no
second validation); arguments and attacks, whose fields are rearranged by the model,
go through :func:`~argmap.model.built` and validation as before. Node records are copied
once into the node's ``data["aif"]`` (the record minus ``nodeID``, ``text``, ``type``).

>>> split_speaker("Peter Kyle : It is a genuine human thing to do")
('Peter Kyle', 'It is a genuine human thing to do')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.ids import mint_id, slugify
from argmap.io._aif_schema import AifDocument, AifNode, json_id
from argmap.io._aif_write import _DOC_KEY
from argmap.io._report import ImportReport
from argmap.model import (
    ID_PATTERN,
    STANCE_ROLES,
    Actor,
    Anchor,
    Argument,
    Attack,
    Claim,
    Node,
    Source,
    Stance,
    all_writable,
    built,
    trusted,
    writable,
)

__all__ = ["ILLOCUTION_ROLES", "Reader", "split_speaker"]

ILLOCUTION_ROLES: dict[str, str] = {
    "asserting": "asserts",
    "assertivequestioning": "asserts",
    "rhetoricalquestioning": "asserts",
    "agreeing": "endorses",
    "disagreeing": "opposes",
}
"""YA illocutions (lower case, no spaces) that become a stance, and its role."""
assert set(ILLOCUTION_ROLES.values()) <= set(STANCE_ROLES)  # so stances need no role check

_GENERIC_TEXT = {"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict"}
_SPEAKER_RE = re.compile(r"^\s*([^:\n]{1,80}?)\s*:\s+(\S.*)$", re.S)
_SPACES = re.compile(r"\s+")
_CORE = ("nodeID", "text", "type")  # the record members every node model holds itself
_NONE: list[int] = []  # the edges of a node that has none (never appended to)


def _question(leftovers: dict[str, Any]) -> str | None:
    """The critical question an RA/CA node answers (its ``question`` key, an argmap
    extension), taken out of the leftovers; a non-string value stays there verbatim."""
    value = leftovers.get("question")
    if isinstance(value, str) and value.strip():
        del leftovers["question"]
        return value
    return None


def _role(node: AifNode, cache: dict[str, str | None]) -> str | None:
    """The stance role of a YA-node's illocution (scheme, else text), or None."""
    name = node.scheme or node.text
    if name in cache:
        return cache[name]
    role = cache[name] = ILLOCUTION_ROLES.get(_SPACES.sub("", name).lower())
    return role


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


def _leftovers(node: AifNode, node_id: str, *, keep_text: bool) -> dict[str, Any]:
    """The node's record without what its model holds (one copy of the record)."""
    extra = node.raw.copy()
    for key in _CORE:
        extra.pop(key, None)
    if node.raw_id != node_id:
        extra["nodeID"] = node.raw_id
    if keep_text:
        extra["text"] = node.text
    return extra


@dataclass
class Reader:
    """One pass of the reader over a document: ``run()`` fills ``nodes`` and the report."""

    doc: AifDocument
    report: ImportReport
    name: str
    nodes: list[Node] = field(default_factory=list)
    native: dict[str, str] = field(default_factory=dict)  # AIF key -> argmap id
    owned_edges: set[int] = field(default_factory=set)  # indexes into doc.edges
    residue_nodes: list[str] = field(default_factory=list)  # AIF keys
    texts_ok: bool = False  # every node text is writable (checked in one scan)

    def run(self) -> None:
        doc = self.doc
        ins: dict[str, list[int]] = {}
        outs: dict[str, list[int]] = {}
        for index, edge in enumerate(doc.edges):
            end = edge.from_id
            got = outs.get(end)
            if got is None:
                outs[end] = [index]
            else:
                got.append(index)
            end = edge.to_id
            got = ins.get(end)
            if got is None:
                ins[end] = [index]
            else:
                got.append(index)
        self.ins, self.outs = ins, outs
        by_type: dict[str, list[str]] = defaultdict(list)
        for key, node in doc.nodes.items():
            by_type[node.type].append(key)
        self.texts_ok = all_writable([node.text for node in doc.nodes.values()])
        taken: set[str] = set()
        self.source_id = self._fresh_id("aif-" + (slugify(self.name) or "document"), taken)
        self._claims(by_type["I"], taken)
        actors = _Speakers(self)
        for key in by_type["RA"]:
            self._argument(key, doc.nodes[key])
        self._attacks(by_type["CA"])
        self._stances(by_type["YA"], actors)
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

    def _edges(self, indexes: list[int]) -> list[dict[str, Any]]:
        self.owned_edges.update(indexes)
        return [self.doc.edges[i].raw for i in indexes]

    # -- I, RA, CA, YA -----------------------------------------------------------------
    def _writable(self, text: str, key: str) -> bool:
        """Text RDF can carry (when the one scan found a text that is not, it says which)."""
        if self.texts_ok:
            return True
        try:
            writable(text)
        except ValueError as exc:
            self.report.add(str(exc), node=key)
            return False
        return True

    def _claims(self, keys: list[str], taken: set[str]) -> None:
        nodes, native, report, out = self.doc.nodes, self.native, self.report, self.nodes
        match = ID_PATTERN.match
        for key in keys:
            node = nodes[key]
            node_id = key if match(key) else self._fresh_id(mint_id("claim", key), taken)
            text = node.text
            if not text.strip():
                report.add("I-node has an empty text", node=key)
                continue
            if not self._writable(text, key):
                continue
            data = _leftovers(node, node_id, keep_text=False)
            # checked here: a usable id (the key's or a minted one), a non-empty text RDF
            # can carry, data a dict with a str key: what ``built`` would check
            fields = {"id": node_id, "text": text, "data": {"aif": data} if data else {}}
            out.append(trusted(Claim, fields))
            native[key] = node_id
            taken.add(node_id)

    def _split(self, key: str) -> tuple[list[int], list[int], list[int], list[int]]:
        """Edges in from native I-nodes, out to native I/RA nodes, and the others."""
        nodes, edges = self.doc.nodes, self.doc.edges
        into, out_of = self.ins.get(key, _NONE), self.outs.get(key, _NONE)
        i_in = [e for e in into if nodes[edges[e].from_id].type == "I"]
        s_out = [e for e in out_of if nodes[edges[e].to_id].type in ("I", "RA")]
        other_in = [e for e in into if e not in i_in]
        other_out = [e for e in out_of if e not in s_out]
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
        nodes, edges = self.doc.nodes, self.doc.edges
        i_in, s_out, _, other_out = self._split(key)
        premises = [edges[e].from_id for e in i_in]
        concl = [edges[e].to_id for e in s_out]
        if any(nodes[edges[e].to_id].type not in ("I",) for e in s_out) or (
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
        data = _leftovers(node, key, keep_text=True)
        data["edges"] = self._edges(i_in + s_out)
        question = _question(data)
        fields: dict[str, Any] = {
            "id": key,
            "premises": tuple(sorted(self.native[p] for p in premises)),
            "conclusion": self.native[concl[0]],
            "scheme": scheme,
            "question": question,
            "data": {"aif": data},
        }
        # the premises are distinct claims, the conclusion another (checked above): with a
        # usable id and a scheme and question RDF can carry, nothing is left to check
        if ID_PATTERN.match(key) and all_writable([scheme or "", question or ""]):
            self.nodes.append(trusted(Argument, fields))
            self.native[key] = key
            return None
        self._add(key, Argument, **fields)

    def _attacks(self, pending: list[str]) -> None:
        """Read the CA-nodes, each one that attacks a CA-node after the one it attacks."""
        doc = self.doc
        while pending:
            waiting, unread = [], set(pending)
            for key in pending:
                targets = [doc.edges[e].to_id for e in self.outs.get(key, _NONE)]
                if any(doc.nodes[t].type == "CA" and t in unread and t != key for t in targets):
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
        out_of = self.outs.get(key, _NONE)
        i_in = [e for e in self.ins.get(key, _NONE) if doc.nodes[doc.edges[e].from_id].type == "I"]
        s_out = [e for e in out_of if doc.nodes[doc.edges[e].to_id].type in ("I", "RA", "CA")]
        other_out = [e for e in out_of if e not in s_out]
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
        data = _leftovers(node, key, keep_text=True)
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

    def _stances(self, keys: list[str], speakers: _Speakers) -> None:
        nodes, edges, native, out = self.doc.nodes, self.doc.edges, self.native, self.nodes
        ins, outs, owned = self.ins, self.outs, self.owned_edges
        roles: dict[str, str | None] = {}
        match, texts_ok = ID_PATTERN.match, self.texts_ok
        source_ok = match(self.source_id) is not None
        for key in keys:
            node = nodes[key]
            role = _role(node, roles)
            into, out_of = ins.get(key, _NONE), outs.get(key, _NONE)
            if role is None or len(into) != 1 or len(out_of) != 1:
                continue
            e_in, e_out = into[0], out_of[0]
            loc_key = edges[e_in].from_id
            target = edges[e_out].to_id
            loc = nodes[loc_key]
            if loc.type != "L" or target not in native or nodes[target].type != "I":
                continue
            actor_id, words = speakers.of(loc_key)
            if actor_id is None:
                continue
            if not texts_ok and not (
                self._writable(node.text, key) and self._writable(words, loc_key)
            ):
                continue
            data = _leftovers(node, key, keep_text=False)
            data["L"] = loc.raw_id
            owned.add(e_in)
            owned.add(e_out)
            data["edges"] = [edges[e_in].raw, edges[e_out].raw]
            anchors: tuple[Anchor, ...] = ()
            if words.strip():
                fields = {"source": self.source_id, "exact": words}
                # the source id is usable and the words a non-empty text RDF can carry
                anchors = (trusted(Anchor, fields) if source_ok else _anchor(fields),)
            if not match(key):
                self._add(
                    key,
                    Stance,
                    id=key,
                    text=node.text,
                    actor=actor_id,
                    role=role,
                    target=native[target],
                    anchors=anchors,
                    data={"aif": data},
                )
                continue
            # checked above: a usable id, a text RDF can carry, a known role, str ends
            stance: dict[str, Any] = {
                "id": key,
                "text": node.text,
                "actor": actor_id,
                "role": role,
                "target": native[target],
                "anchors": anchors,
                "data": {"aif": data},
            }
            out.append(trusted(Stance, stance))
            native[key] = key

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
        doc, owned = self.doc, self.owned_edges
        residue = {
            "keys": list(doc.keys),
            "node_order": list(doc.nodes),
            "edge_order": [e.id for e in doc.edges],
            "nodes": [doc.nodes[k].raw for k in self.residue_nodes],
            "edges": [e.raw for i, e in enumerate(doc.edges) if i not in owned],
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

    def __init__(self, reader: Reader) -> None:
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


def _anchor(fields: dict[str, Any]) -> Anchor:
    return built(Anchor, fields) or Anchor.model_construct(**fields)
