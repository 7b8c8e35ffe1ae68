"""Read and write CAF 1.3, the Carneades Argument Format (XML, Carneades 3 / IMPACT).

A CAF document holds Dublin Core ``metadata``, ``statements`` (each with a weight, a
proof standard, an optional formal ``atom`` and natural-language ``descriptions``),
``arguments`` (pro or con one conclusion, with positive or negative premises, a scheme
and a weight) and bibliographic ``references``.

=============================  ============================================================
CAF 1.3                        argmap
=============================  ============================================================
``caf/metadata``               a :class:`~argmap.Source` (the document), metadata verbatim
``statement``                  :class:`~argmap.Claim` (text: the English description, else
                               the first, else the atom); weight, value, standard, atom,
                               main, metadata and descriptions in ``data["carneades"]``
con argument, negative         the complement statement ``¬S``: a Claim, an
premise, weight < 0.5          :class:`~argmap.Issue` with positions ``S``, ``¬S`` under
                               ``S``'s standard, and rebuttals both ways (marked, so the
                               Carneades evaluation does not count them twice)
``argument``                   :class:`~argmap.Argument` (pro: for ``S``; con: for ``¬S``);
                               scheme as ``scheme``, weight (default 0.5) and the rest in
                               ``data["carneades"]``
metadata ``creator``,          stakeholders: an :class:`~argmap.Actor` per name (``;``
``contributor``                separates names); a Stance ``asserts`` for a statement they
                               made, ``endorses`` the conclusion of an argument they made
``references/metadata``        a :class:`~argmap.Source` each (id from ``key``)
=============================  ============================================================

Statement weights follow CAF: above 0.5 the statement is assumed true, below 0.5 assumed
false (its complement is assumed), 0.5 questioned. Entity declarations are refused.

Examples
--------
>>> m = loads(b'''<caf version="1.3"><metadata title="Toy"/>
... <statements>
...   <statement id="s1" weight="0.5" standard="PE"><descriptions>
...     <description lang="en">Adopt the directive.</description></descriptions></statement>
...   <statement id="s2" weight="1.0"><metadata creator="Industry"/><descriptions>
...     <description lang="en">It lowers costs.</description></descriptions></statement>
... </statements>
... <arguments><argument id="a1" pro="true" weight="0.7"><metadata creator="Industry"/>
...   <conclusion statement="s1"/><premises><premise statement="s2"/></premises></argument>
... </arguments><references/></caf>''')
>>> [a.text for a in m.actors()], [(s.role, s.target) for s in m.stances()]
(['Industry'], [('asserts', 's2'), ('endorses', 's1')])
>>> from argmap.semantics.carneades import carneades
>>> {k: str(v) for k, v in carneades(m).labels.items()}
{'s1': 'IN', 's2': 'IN'}
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from argmap.errors import ParseError
from argmap.ids import mint_id, slugify
from argmap.io import Imported, ImportReport
from argmap.limits import check_nodes, load_xml
from argmap.map import ArgumentMap
from argmap.model import ID_PATTERN, Actor, Argument, Attack, Claim, Issue, Node, Source, Stance
from argmap.semantics.carneades import KEY

__all__ = ["caf_to_map", "dumps", "loads", "sniff_caf"]

_DC = (
    "key",
    "contributor",
    "coverage",
    "creator",
    "date",
    "format",
    "identifier",
    "language",
    "publisher",
    "relation",
    "rights",
    "source",
    "subject",
    "title",
    "type",
)
_STANDARDS = ("DV", "PE", "CCE", "BRD")
_TRUE = {"true": True, "1": True, "false": False, "0": False}


def _metadata(el: ET.Element | None) -> dict[str, Any]:
    if el is None:
        return {}
    out: dict[str, Any] = {k: v for k, v in el.attrib.items() if k in _DC}
    descriptions = _descriptions(el.find("descriptions"))
    if descriptions:
        out["descriptions"] = descriptions
    return out


def _descriptions(el: ET.Element | None) -> dict[str, str]:
    if el is None:
        return {}
    return {d.get("lang", ""): (d.text or "").strip() for d in el.findall("description")}


def _line(data: bytes, el_id: str) -> int | None:
    found = re.search(rb"\bid\s*=\s*[\"']" + re.escape(el_id.encode()) + rb"[\"']", data)
    return data[: found.start()].count(b"\n") + 1 if found else None


class _Reader:
    def __init__(self, data: bytes, report: ImportReport) -> None:
        self.data = data
        self.report = report
        self.nodes: list[Node] = []
        self.abouts: list[tuple[str, str]] = []
        self.taken: set[str] = set()
        self.sid: dict[str, str] = {}  # CAF statement id -> node id
        self.std: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.neg: dict[str, str] = {}  # CAF statement id -> node id of its complement
        self.actors: dict[str, str] = {}
        self.stances: set[tuple[str, str, str]] = set()

    def add(self, message: str, el_id: str | None, path: str | None = None) -> None:
        line = _line(self.data, el_id) if el_id else None
        self.report.add(message, node=el_id, line=line, path=path if line is None else None)

    def new_id(self, raw: str, kind: str) -> str:
        nid = raw if ID_PATTERN.match(raw) and raw not in self.taken else mint_id(kind, raw)
        self.taken.add(nid)
        return nid

    def stakeholders(self, meta: dict[str, Any], role: str, target: str, via: str) -> None:
        names = [
            n.strip()
            for field in ("creator", "contributor")
            for n in str(meta.get(field, "")).split(";")
            if n.strip()
        ]
        for name in names:
            if name not in self.actors:
                aid = self.new_id(slugify(name) or mint_id("actor", name), "actor")
                self.actors[name] = aid
                self.nodes.append(Actor(id=aid, text=name))
            key = (self.actors[name], role, target)
            if key not in self.stances:
                self.stances.add(key)
                self.nodes.append(
                    Stance(
                        id=mint_id("stance", *key),
                        actor=key[0],
                        role=role,
                        target=target,
                        data={KEY: {"via": via}},
                    )
                )

    def complement(self, caf_id: str, *, assumed: bool = False) -> str:
        if caf_id in self.neg:
            return self.neg[caf_id]
        pos = self.sid[caf_id]
        nid = self.new_id(mint_id("claim", "¬" + caf_id), "claim")
        self.neg[caf_id] = nid
        c: dict[str, Any] = {"id": "¬" + caf_id, "complement_of": caf_id}
        if assumed:
            c["assumed"] = True
        self.nodes.append(Claim(id=nid, text=f"not: {self.texts[caf_id]}", data={KEY: c}))
        iid = self.new_id(mint_id("issue", caf_id), "issue")
        self.nodes.append(
            Issue(
                id=iid,
                text=f"Is it so? {self.texts[caf_id]}",
                data={
                    KEY: {
                        "id": f"issue({caf_id})",
                        "positions": [caf_id, "¬" + caf_id],
                        "standard": self.std.get(caf_id, "PE"),
                        "derived": True,
                    }
                },
            )
        )
        self.abouts += [(pos, iid), (nid, iid)]
        for a, b in ((nid, pos), (pos, nid)):
            self.nodes.append(
                Attack(
                    id=mint_id("attack", a, b),
                    attacker=a,
                    target=b,
                    attack_type="rebut",
                    data={KEY: {"complement": True}},
                )
            )
        return nid

    def statement(self, el: ET.Element, path: str) -> None:
        raw = el.get("id")
        if not raw:
            self.add("a statement has no id", None, path)
            return
        if raw in self.sid:
            self.add(f"statement {raw!r} is declared twice", raw)
            return
        c: dict[str, Any] = {"id": raw}
        for attr in ("weight", "value"):
            if el.get(attr) is not None:
                value = _float(el.get(attr))
                if value is None or not 0 <= value <= 1:
                    self.add(f"{attr} {el.get(attr)!r} is not a number from 0 to 1", raw)
                    return
                c["caf_" + attr] = value
        std = el.get("standard")
        if std is not None and std not in _STANDARDS:
            self.add(f"standard {std!r} is not one of {', '.join(_STANDARDS)}", raw)
            return
        if std is not None:
            c["standard"] = std
        for attr in ("atom", "main"):
            if el.get(attr) is not None:
                c[attr] = el.get(attr)
        meta = _metadata(el.find("metadata"))
        if el.find("metadata") is not None:
            c["metadata"] = meta
        descriptions = _descriptions(el.find("descriptions"))
        if descriptions:
            c["descriptions"] = descriptions
        text = descriptions.get("en") or next(iter(descriptions.values()), "") or el.get("atom", "")
        text = text or raw
        weight = c.get("caf_weight", 0.5)
        if weight > 0.5:
            c["assumed"] = True
        nid = self.new_id(raw, "claim")
        self.sid[raw] = nid
        self.std[raw] = std or "PE"
        self.texts[raw] = text
        self.nodes.append(Claim(id=nid, text=text, data={KEY: c}))
        self.stakeholders(meta, "asserts", nid, raw)

    def argument(self, el: ET.Element, path: str) -> None:
        raw = el.get("id")
        if not raw:
            self.add("an argument has no id", None, path)
            return
        conclusion = el.find("conclusion")
        target = conclusion.get("statement") if conclusion is not None else None
        if target not in self.sid:
            self.add(f"the conclusion {target!r} is not a statement", raw)
            return
        flags: dict[str, bool] = {}
        for attr, default in (("pro", True), ("strict", False)):
            value = el.get(attr)
            if value is not None and value not in _TRUE:
                self.add(f"{attr}={value!r} is not a boolean", raw)
                return
            flags[attr] = default if value is None else _TRUE[value]
        weight = _float(el.get("weight", "0.5"))
        if weight is None or not 0 <= weight <= 1:
            self.add(f"weight {el.get('weight')!r} is not a number from 0 to 1", raw)
            return
        premises: list[str] = []
        details: list[dict[str, Any]] = []
        for p in el.findall("premises/premise"):
            ref = p.get("statement")
            if ref not in self.sid:
                self.add(f"premise {ref!r} is not a statement", raw)
                return
            positive = _TRUE.get(p.get("positive", "true"), True)
            premises.append(self.sid[ref] if positive else self.complement(ref))
            details.append({k: v for k, v in p.attrib.items()})
        pro = flags["pro"]
        concl = self.sid[target] if pro else self.complement(target)
        if concl in premises:
            self.add("the argument's conclusion is one of its premises (a cycle)", raw)
            return
        if len(set(premises)) != len(premises) or not premises:
            self.add("an argument needs distinct premises", raw)
            return
        meta = _metadata(el.find("metadata"))
        c: dict[str, Any] = {
            "id": raw,
            "weight": weight,
            "premise_order": premises,
            "premises": details,
            "conclusion": target,
        }
        c.update({k: el.get(k) for k in ("pro", "strict", "weight", "value") if el.get(k)})
        c["weight"] = weight
        c["weight_given"] = el.get("weight") is not None
        if el.find("metadata") is not None:
            c["metadata"] = meta
        nid = self.new_id(raw, "argument")
        self.nodes.append(
            Argument(
                id=nid,
                premises=tuple(premises),
                conclusion=concl,
                scheme=el.get("scheme") or None,
                data={KEY: c},
            )
        )
        self.stakeholders(meta, "endorses", concl, raw)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def caf_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read a CAF 1.3 document; returns ``(map, report)``.

    Raises:
        ParseError: not well-formed XML, not CAF, entity declarations, or (strict) the
            first bad record, located by file, line and id.

    Examples
    --------
    >>> caf_to_map(b"<caf><statements/><arguments><argument id='a'>"
    ...            b"<conclusion statement='x'/></argument></arguments></caf>", filename="c.xml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: c.xml, line 1, node a: the conclusion 'x' is not a statement
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    root = load_xml(raw, file=filename)
    if root.tag != "caf":
        raise ParseError(f"not CAF: the root element is <{root.tag}>, not <caf>", file=filename)
    report = ImportReport(file=filename, lenient=lenient)
    r = _Reader(raw, report)
    meta = _metadata(root.find("metadata"))
    title = str(meta.get("title") or meta.get("key") or filename or "caf")
    src_id = r.new_id(slugify(title) or "caf", "source")
    document = {"format": "caf", "version": root.get("version"), "metadata": meta}
    nodes_before: list[Node] = [
        Source(id=src_id, text=title, data={KEY: {"format": "caf", "document": document}})
    ]
    for i, el in enumerate(root.findall("statements/statement")):  # paths: XPath, from 1
        r.statement(el, f"statements/statement[{i + 1}]")
    for stmt in root.findall("statements/statement"):  # weight < 0.5: the complement holds
        raw_id = stmt.get("id")
        weight = _float(stmt.get("weight"))
        if raw_id in r.sid and weight is not None and weight < 0.5:
            r.complement(raw_id, assumed=True)
    for i, el in enumerate(root.findall("arguments/argument")):
        r.argument(el, f"arguments/argument[{i + 1}]")
    for i, el in enumerate(root.findall("references/metadata")):
        ref = _metadata(el)
        key = str(ref.get("key") or f"reference-{i + 1}")
        nodes_before.append(
            Source(
                id=r.new_id(slugify(key) or mint_id("source", key), "source"),
                text=str(ref.get("title") or key),
                data={KEY: {"reference": ref}},
            )
        )
    nodes = nodes_before + r.nodes

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    check_nodes(nodes, file=filename)
    m = ArgumentMap.from_nodes(nodes, r.abouts, name=src_id, title=title, on_error=refused)
    return Imported(m, report)


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read CAF XML into a map (the registry's reader).

    Examples
    --------
    >>> len(loads(b"<caf><statements><statement id='s'/></statements></caf>"))
    2
    """
    return caf_to_map(data, filename=filename, lenient=lenient).map


def dumps(m: ArgumentMap) -> bytes:
    """The map as CAF 1.3 XML: kept attributes written back; complements as con/negative.

    A map not read from CAF gives its statements and its arguments (pro, weight from
    ``data["weight"]`` when set).

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("x"); p = m.claim("P.", id="p")
    >>> _ = m.argue([p], m.claim("Q.", id="q"), id="a")
    >>> print(dumps(m).decode())  # doctest: +ELLIPSIS
    <?xml version='1.0' encoding='utf-8'?>
    <caf version="1.3"><metadata title="x" /><statements><statement id="p">...
    """
    root = ET.Element("caf", version="1.3")
    doc: dict[str, Any] = {}
    for src in m.sources():
        c = (src.data or {}).get(KEY) or {}
        if isinstance(c.get("document"), dict) and c["document"].get("format") == "caf":
            doc = c["document"]
    meta = dict(doc.get("metadata") or {"title": m.title or m.name})
    _write_meta(root, meta)
    statements = ET.SubElement(root, "statements")
    caf_id: dict[str, str] = {}
    negated: dict[str, str] = {}
    for node in m.nodes(("claim", "evidence", "recommendation")):
        c = (node.data or {}).get(KEY) or {}
        if "complement_of" in c:
            negated[node.id] = str(c["complement_of"])
            continue
        caf_id[node.id] = str(c.get("id", node.id))
        el = ET.SubElement(statements, "statement", id=caf_id[node.id])
        for attr in ("weight", "value"):
            if "caf_" + attr in c:
                el.set(attr, _num(c["caf_" + attr]))
        for attr in ("standard", "atom", "main"):
            if attr in c:
                el.set(attr, str(c[attr]))
        if "metadata" in c:
            _write_meta(el, c["metadata"])
        descs = ET.SubElement(el, "descriptions")
        for lang, text in (c.get("descriptions") or {"en": node.text}).items():
            ET.SubElement(descs, "description", lang=lang).text = text
    arguments = ET.SubElement(root, "arguments")
    for arg in m.arguments():
        c = (arg.data or {}).get(KEY) or {}
        el = ET.SubElement(arguments, "argument", id=str(c.get("id", arg.id)))
        pro = arg.conclusion not in negated
        if "pro" in c or not pro:
            el.set("pro", "true" if pro else "false")
        if "strict" in c:
            el.set("strict", str(c["strict"]))
        if arg.scheme:
            el.set("scheme", arg.scheme)
        weight = c.get("weight") if c.get("weight_given", True) else None
        weight = weight if weight is not None else (arg.data or {}).get("weight")
        if weight is not None:
            el.set("weight", _num(weight))
        if "value" in c:
            el.set("value", str(c["value"]))
        if "metadata" in c:
            _write_meta(el, c["metadata"])
        target = negated.get(arg.conclusion) or caf_id[arg.conclusion]
        ET.SubElement(el, "conclusion", statement=target)
        prem = ET.SubElement(el, "premises")
        order = c.get("premise_order") or list(arg.premises)
        details_raw = c.get("premises")
        details: list[Any] = details_raw if isinstance(details_raw, list) else []
        for i, p in enumerate(order):
            attrs = dict(details[i]) if i < len(details) else {}
            if p in negated:
                attrs.update(statement=negated[p], positive="false")
            else:
                attrs["statement"] = caf_id[p]
            ET.SubElement(prem, "premise", {k: str(v) for k, v in attrs.items()})
    refs = ET.SubElement(root, "references")
    for src in m.sources():
        ref = ((src.data or {}).get(KEY) or {}).get("reference")
        if isinstance(ref, dict):
            _write_meta(refs, ref)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def _num(value: Any) -> str:
    return repr(float(value))


def _write_meta(parent: ET.Element, meta: dict[str, Any]) -> None:
    el = ET.SubElement(parent, "metadata", {k: str(v) for k, v in meta.items() if k in _DC})
    if meta.get("descriptions"):
        descs = ET.SubElement(el, "descriptions")
        for lang, text in meta["descriptions"].items():
            ET.SubElement(descs, "description", lang=lang).text = text


def sniff_caf(head: bytes) -> bool:
    """True when the root element of ``head`` is ``<caf>`` (RDF/XML's is ``<rdf:RDF>``).

    Examples
    --------
    >>> sniff_caf(b"<?xml version='1.0'?>\\n<!-- x -->\\n<caf version='1.3'>")
    True
    >>> sniff_caf(b"<?xml version='1.0'?>\\n<rdf:RDF xmlns:rdf='...'>")
    False
    """
    text = head[:4096].lstrip()
    while True:
        lead = re.match(rb"(<\?.*?\?>|<!--.*?-->)\s*", text, re.DOTALL)
        if lead is None:
            break
        text = text[lead.end() :]
    return re.match(rb"<caf[\s>/]", text) is not None
