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
from pathlib import PurePath
from typing import Any

from argmap.ids import slugify
from argmap.io._aif_read import ILLOCUTION_ROLES, Reader, split_speaker
from argmap.io._aif_schema import AifDocument, parse_aif, parse_aif_object
from argmap.io._aif_write import AifExport, dumps, dumps_xaif, map_to_aif
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_count, check_nodes
from argmap.map import ArgumentMap
from argmap.model import Actor, Source
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
    "split_speaker",
]


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
    return read_document(doc, filename=filename, name=name, report=report)


def read_document(
    doc: AifDocument,
    *,
    filename: str | None,
    report: ImportReport,
    name: str | None = None,
    texts_capped: bool = False,
) -> Imported:
    """What :func:`aif_to_map` does with a checked document.

    ``texts_capped``: the document was decoded just now by
    :func:`~argmap.limits.load_json` under the caps in force, which refuses any string
    over ``max_text``; then only the texts the reader composes itself (actor names, the
    document node's title) are measured again, not every node's.
    """
    stem = name if name is not None else (PurePath(filename).stem if filename else "aif")
    reader = Reader(doc, report, stem)
    reader.run()

    def refused(node: Any, exc: Exception) -> None:
        report.add(str(exc), node=getattr(node, "id", None))

    if texts_capped:  # claims, stances and anchors hold strings of the JSON, or parts of one
        check_count(len(reader.nodes), "nodes", file=filename)
        check_nodes([n for n in reader.nodes if isinstance(n, Actor | Source)], file=filename)
    else:
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
        return read_document(doc, filename=filename, report=report, texts_capped=True).map


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
