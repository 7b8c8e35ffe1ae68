"""The outside shape of AIF JSON and xAIF, apart from argmap's model.

Two layers:

* ``TypedDict`` classes that describe the JSON as AIFdb, OVA and the arg-tech xAIF
  tools write it (:class:`AifJSON`, :class:`XaifJSON`, ...). They document the format
  and type the writer's output.
* :class:`AifDocument`, a neutral, checked structure the reader builds from the JSON and
  the writer turns back into JSON. It keeps every record verbatim (``raw``), so that
  nothing the converter does not understand is lost, and it knows each id's original
  JSON type (AIFdb writes string ids, xAIF integer ids, DialAM both in one file).

Checks made here are structural (a JSON object with ``nodes`` and ``edges``, ids present
and unique, edges between existing nodes, known node types). What the graph *means*
(an RA without a conclusion, a CA with two targets) is checked by the converter in
:mod:`argmap.io.aif`. Each table is checked a column at a time first
(:mod:`argmap.io._aif_columns`); only when a column fails are its records checked one by
one, which locates the bad record and words the error.

Examples
--------
>>> doc = parse_aif(b'{"nodes": [{"nodeID": 1, "text": "p", "type": "I"}], "edges": []}')
>>> doc.nodes["1"].type, doc.nodes["1"].raw_id, doc.xaif
('I', 1, False)
>>> aif_document_to_json(doc)
{'nodes': [{'nodeID': 1, 'text': 'p', 'type': 'I'}], 'edges': []}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NoReturn, TypeAlias, TypedDict

from argmap.io._aif_columns import edges_by_column, nodes_by_column, refs_by_column
from argmap.io._report import ImportReport, Problem
from argmap.limits import check_count, load_json

__all__ = [
    "DIALOGUE_TYPES",
    "NODE_TYPES",
    "S_NODE_TYPES",
    "AifDocument",
    "AifEdge",
    "AifEdgeJSON",
    "AifJSON",
    "AifLocutionJSON",
    "AifNode",
    "AifNodeJSON",
    "AifParticipantJSON",
    "XaifJSON",
    "aif_document_to_json",
    "json_id",
    "parse_aif",
    "parse_aif_object",
]

JsonId: TypeAlias = str | int
NodeType: TypeAlias = Literal["I", "L", "RA", "CA", "MA", "PA", "YA", "TA"]

NODE_TYPES: frozenset[str] = frozenset({"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"})
"""Every node type argmap reads: information, locution, and the scheme (S-) nodes."""
S_NODE_TYPES: frozenset[str] = frozenset({"RA", "CA", "MA", "PA", "YA", "TA"})
DIALOGUE_TYPES: frozenset[str] = frozenset({"L", "YA", "TA"})


class AifNodeJSON(TypedDict, total=False):
    """A node: ``nodeID``, ``text``, ``type``; AIFdb adds ``timestamp``; scheme nodes of
    newer maps add ``scheme`` (a name) and ``schemeID`` (a string or an int)."""

    nodeID: JsonId
    text: str
    type: NodeType
    timestamp: str
    scheme: str
    schemeID: JsonId


class AifEdgeJSON(TypedDict, total=False):
    """An edge from ``fromID`` to ``toID``; AIFdb adds ``formEdgeID: null``."""

    edgeID: JsonId
    fromID: JsonId
    toID: JsonId
    formEdgeID: JsonId | None


class AifLocutionJSON(TypedDict, total=False):
    """Who said an L-node, and when (``start``/``end``/``source`` are often null)."""

    nodeID: JsonId
    personID: JsonId
    timestamp: str
    start: str | None
    end: str | None
    source: str | None


class AifParticipantJSON(TypedDict, total=False):
    """A debate participant (xAIF): ``participantID``, ``firstname``, ``surname``."""

    participantID: JsonId
    firstname: str
    surname: str


class AifJSON(TypedDict, total=False):
    """An AIF JSON map (AIFdb nodeset), also the ``AIF`` member of xAIF."""

    nodes: list[AifNodeJSON]
    edges: list[AifEdgeJSON]
    locutions: list[AifLocutionJSON]
    participants: list[AifParticipantJSON]
    schemefulfillments: list[dict[str, Any]]


class XaifJSON(TypedDict, total=False):
    AIF: AifJSON
    OVA: dict[str, Any]
    text: Any
    dialog: bool


"""xAIF / the OVA wrapper: ``{"AIF": {...}, "OVA": {...layout...}, "text": ...}``."""


def json_id(value: Any) -> str | None:
    """The id as a string key, or None when ``value`` is not a usable JSON id.

    Examples
    --------
    >>> json_id(12), json_id("12"), json_id(True), json_id(None)
    ('12', '12', None, None)
    """
    if type(value) is str:
        return value if value and not value[0].isspace() else (value.strip() and value) or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return None


@dataclass(slots=True)
class AifNode:
    """One AIF node: its string key, its id as written, type, text, scheme and raw record."""

    id: str
    raw_id: JsonId
    type: str
    text: str
    raw: dict[str, Any]

    @property
    def scheme(self) -> str | None:
        """The scheme name (``scheme`` key), if the node names one."""
        value = self.raw.get("scheme")
        return value if isinstance(value, str) and value else None

    @property
    def scheme_id(self) -> JsonId | None:
        """The ``schemeID`` as written (string or int), if present."""
        value = self.raw.get("schemeID")
        return value if isinstance(value, str | int) and not isinstance(value, bool) else None


@dataclass(slots=True)
class AifEdge:
    """One AIF edge, with string keys for its ends and its raw record."""

    id: str | None
    from_id: str
    to_id: str
    raw: dict[str, Any]


@dataclass
class AifDocument:
    """A checked AIF or xAIF document, every record kept verbatim.

    ``keys`` is the order of the members of the AIF object as read (so a writer can
    reproduce which optional tables were present); ``wrapper`` holds the xAIF members
    other than ``AIF`` (``OVA`` layout, ``text``, ...), ``None`` for plain AIF.
    """

    nodes: dict[str, AifNode] = field(default_factory=dict)
    edges: list[AifEdge] = field(default_factory=list)
    locutions: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] | None = None
    other: dict[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = ("nodes", "edges", "locutions")
    wrapper: dict[str, Any] | None = None

    @property
    def xaif(self) -> bool:
        """True when the document came in (or goes out in) the xAIF wrapper."""
        return self.wrapper is not None

    def count_types(self) -> dict[str, int]:
        """Nodes per type.

        Examples
        --------
        >>> parse_aif(b'{"nodes": [], "edges": []}').count_types()
        {}
        """
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            counts[node.type] = counts.get(node.type, 0) + 1
        return dict(sorted(counts.items()))


def parse_aif(
    data: bytes | str,
    *,
    filename: str | None = None,
    report: ImportReport | None = None,
) -> AifDocument:
    """Read AIF JSON or xAIF text into an :class:`AifDocument`.

    Strict unless ``report`` is lenient: then bad records are listed in the report and
    left out of the document, and everything sound is kept.

    Examples
    --------
    >>> parse_aif(b'{"AIF": {"nodes": [], "edges": []}, "text": "hi"}').wrapper
    {'text': 'hi'}
    >>> parse_aif(b'[1, 2]', filename="x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.json: not AIF JSON: the top level is a list, not an object ...
    """
    report = report if report is not None else ImportReport(file=filename)
    obj = load_json(data, file=filename, what="JSON")
    return parse_aif_object(obj, report=report)


def parse_aif_object(obj: Any, *, report: ImportReport | None = None) -> AifDocument:
    """Check an already decoded JSON value and build an :class:`AifDocument`.

    A value that is not AIF at all (not an object, no ``nodes``/``edges`` and no
    ``AIF`` member) is always an error, lenient or not: there is no sound part to keep.

    Examples
    --------
    >>> doc = parse_aif_object({"nodes": [{"nodeID": "a", "text": "x", "type": "I"}],
    ...                         "edges": [{"edgeID": 1, "fromID": "a", "toID": "b"}]},
    ...                        report=ImportReport(lenient=True))
    >>> len(doc.edges)
    0
    """
    report = report if report is not None else ImportReport()
    if not isinstance(obj, dict):
        _fatal(
            report,
            f"not AIF JSON: the top level is a {_json_type(obj)}, not an object with "
            "'nodes' and 'edges' (AIF) or 'AIF' (xAIF)",
        )
    wrapper: dict[str, Any] | None = None
    body: Any = obj
    if "AIF" in obj:
        wrapper = {k: v for k, v in obj.items() if k != "AIF"}
        body = obj["AIF"]
        if not isinstance(body, dict):
            _fatal(
                report,
                f"not xAIF: the 'AIF' member is a {_json_type(body)}, not an object",
                path="AIF",
            )
    if not ("nodes" in body and "edges" in body):
        missing = [k for k in ("nodes", "edges") if k not in body]
        _fatal(
            report,
            "not AIF JSON: the object has no "
            + " and no ".join(repr(k) for k in missing)
            + " member (expected AIF {'nodes', 'edges', ...} or xAIF {'AIF': {...}})",
        )
    doc = AifDocument(wrapper=wrapper, keys=tuple(body))
    for key, value in body.items():
        if key not in ("nodes", "edges", "locutions", "participants"):
            doc.other[key] = value
    if isinstance(body["nodes"], list):  # before a model is built for any of them
        check_count(len(body["nodes"]), "nodes", file=report.file)
    _read_nodes(body["nodes"], doc, report)
    _read_edges(body["edges"], doc, report)
    doc.locutions = _read_table(body, "locutions", "nodeID", doc, report)
    if "participants" in body:
        doc.participants = _read_table(body, "participants", None, doc, report)
    return doc


def _fatal(
    report: ImportReport,
    message: str,
    *,
    line: int | None = None,
    column: int | None = None,
    path: str | None = "$",
) -> NoReturn:
    raise Problem(message, file=report.file, line=line, column=column, path=path).to_error()


def _json_type(value: Any) -> str:
    return {
        dict: "object",
        list: "list",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _read_nodes(items: Any, doc: AifDocument, report: ImportReport) -> None:
    if not isinstance(items, list):
        _fatal(report, f"'nodes' is a {_json_type(items)}, not a list", path="nodes")
    fast = nodes_by_column(items, AifNode, NODE_TYPES)
    if fast is not None:
        doc.nodes = fast
        return
    _nodes_by_record(items, doc, report)


def _nodes_by_record(items: list[Any], doc: AifDocument, report: ImportReport) -> None:
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            report.add(
                f"nodes[{index}] is a {_json_type(raw)}, not an object", path=f"nodes[{index}]"
            )
            continue
        key = json_id(raw.get("nodeID"))
        if key is None:
            report.add(
                f"nodes[{index}] has no usable 'nodeID' (got {raw.get('nodeID')!r})",
                path=f"nodes[{index}]",
            )
            continue
        ntype = raw.get("type")
        if not isinstance(ntype, str) or ntype not in NODE_TYPES:
            report.add(
                f"unknown node type {ntype!r} (known: {', '.join(sorted(NODE_TYPES))})",
                node=key,
                path=f"nodes[{index}]",
            )
            continue
        text = raw.get("text")
        if not isinstance(text, str):
            report.add(f"{ntype}-node has no text (got {text!r})", node=key, path=f"nodes[{index}]")
            continue
        if key in doc.nodes:
            report.add("nodeID used by two nodes", node=key, path=f"nodes[{index}]")
            continue
        doc.nodes[key] = AifNode(key, raw["nodeID"], ntype, text, raw)


def _read_edges(items: Any, doc: AifDocument, report: ImportReport) -> None:
    if not isinstance(items, list):
        _fatal(report, f"'edges' is a {_json_type(items)}, not a list", path="edges")
    fast = edges_by_column(items, doc.nodes, AifEdge, json_id)
    if fast is not None:
        doc.edges = fast
        return
    _edges_by_record(items, doc, report)


def _edges_by_record(items: list[Any], doc: AifDocument, report: ImportReport) -> None:
    seen: set[str] = set()
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            report.add(
                f"edges[{index}] is a {_json_type(raw)}, not an object", path=f"edges[{index}]"
            )
            continue
        eid = json_id(raw.get("edgeID"))
        name = eid if eid is not None else f"edges[{index}]"
        ends = []
        for end in ("fromID", "toID"):
            key = json_id(raw.get(end))
            if key is None:
                report.add(f"edge {name} has no usable {end!r}", node=eid, path=f"edges[{index}]")
                break
            if key not in doc.nodes:
                report.add(
                    f"edge {name}: {end} {key!r} names no node in the map",
                    node=eid,
                    path=f"edges[{index}]",
                )
                break
            ends.append(key)
        else:
            if eid is not None:
                if eid in seen:
                    report.add("edgeID used by two edges", node=eid, path=f"edges[{index}]")
                    continue
                seen.add(eid)
            doc.edges.append(AifEdge(eid, ends[0], ends[1], raw))


def _read_table(
    body: dict[str, Any],
    key: str,
    ref: str | None,
    doc: AifDocument,
    report: ImportReport,
) -> list[dict[str, Any]]:
    items = body.get(key, [])
    if items is None:
        return []
    if not isinstance(items, list):
        _fatal(report, f"{key!r} is a {_json_type(items)}, not a list", path=key)
    fast = refs_by_column(items, ref, doc.nodes)
    if fast is not None:
        return fast
    return _table_by_record(items, key, ref, doc, report)


def _table_by_record(
    items: list[Any], key: str, ref: str | None, doc: AifDocument, report: ImportReport
) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            report.add(
                f"{key}[{index}] is a {_json_type(raw)}, not an object", path=f"{key}[{index}]"
            )
            continue
        if ref is not None:
            target = json_id(raw.get(ref))
            if target is None or target not in doc.nodes:
                report.add(
                    f"{key}[{index}]: {ref} {raw.get(ref)!r} names no node in the map",
                    node=target,
                    path=f"{key}[{index}]",
                )
                continue
        kept.append(raw)
    return kept


def aif_document_to_json(doc: AifDocument) -> dict[str, Any]:
    """The JSON value of ``doc``: plain AIF, or xAIF when it has a wrapper.

    Examples
    --------
    >>> doc = AifDocument(wrapper={"text": "t"})
    >>> aif_document_to_json(doc)
    {'AIF': {'nodes': [], 'edges': [], 'locutions': []}, 'text': 't'}
    """
    body: dict[str, Any] = {}
    tables: dict[str, Any] = {
        "nodes": [n.raw for n in doc.nodes.values()],
        "edges": [e.raw for e in doc.edges],
    }
    if "locutions" in doc.keys or doc.locutions:
        tables["locutions"] = doc.locutions
    if doc.participants is not None:
        tables["participants"] = doc.participants
    for key in doc.keys:
        if key in tables:
            body[key] = tables.pop(key)
        elif key in doc.other:
            body[key] = doc.other[key]
    body.update(tables)
    for key, value in doc.other.items():
        body.setdefault(key, value)
    if doc.wrapper is None:
        return body
    out: dict[str, Any] = {"AIF": body}
    out.update(doc.wrapper)
    return out
