"""Read and write brat standoff argument annotations: an ``.ann`` file with its ``.txt``.

The persuasive-essays corpus (Stab & Gurevych) and many argument-mining corpora after it
annotate a plain text (``essay.txt``) in brat's standoff format (``essay.ann``), one
annotation a line, fields separated by tabs; offsets count characters of the ``.txt``.

==========================================  ==============================================
brat                                        argmap
==========================================  ==============================================
the ``.txt`` beside the ``.ann``            a :class:`~argmap.Source` (title: the file
                                            name; the full text in ``data["brat"]["text"]``)
``T1<TAB>MajorClaim 10 52<TAB>words``       a :class:`~argmap.Claim` ``T1`` anchored to the
(``Claim``, ``Premise``, any other type)    text with exact offsets, prefix and suffix; the
                                            type in ``data["brat"]["type"]``
``T2<TAB>Claim 0 5;10 20<TAB>...``          one anchor per fragment; the text is the
(discontinuous)                             fragments joined by a space, as brat does
``R1<TAB>supports Arg1:T3 Arg2:T2``         :class:`~argmap.Argument` ``R1`` (T3 -> T2);
(``Support``, ``support``, ``supports``)    the spelling kept in ``data["brat"]["type"]``
``R2<TAB>attacks Arg1:T4 Arg2:T2``          :class:`~argmap.Attack` ``R2`` (T4 against T2)
``A1<TAB>Stance T2 For`` / ``Against``      kept on T2 (``data["brat"]["attributes"]``) and,
                                            as the corpus means it, an argument for (or an
                                            attack on) each ``MajorClaim``: id ``A1`` (or
                                            ``A1.T1``, ``A1.T5``, ... with several)
other attributes (``A``/``M`` lines)        kept on their annotation
``#1<TAB>AnnotatorNotes T2<TAB>note``       kept on T2 (``data["brat"]["notes"]``)
events, normalisations, equivalences,       kept verbatim on the source
relations of other types                    (``data["brat"]["other"]``) and noted
==========================================  ==============================================

Spans that overlap, run backwards, are empty or run past the text, relations and
attributes naming a missing annotation, relations of an annotation to itself and a
``.txt`` that does not hold the quoted words are problems: strict mode stops at the
first with a :class:`~argmap.errors.ParseError` naming the file and line, lenient mode
skips the record and reports it (with its line) in the :class:`ImportReport`.

The writer gives back the ``.ann`` of the map's anchored statements (those anchored with
offsets to one source); linked premises become one relation per premise, and what brat
cannot say (undercuts, stances of actors, unanchored statements) is left out.
:func:`dump` writes the ``.txt`` beside the ``.ann``.

Examples
--------
>>> text = "We should act. It is cheap. It is slow."
>>> ann = ("T1\\tMajorClaim 0 14\\tWe should act.\\nT2\\tPremise 15 27\\tIt is cheap.\\n"
...        "T3\\tPremise 28 39\\tIt is slow.\\n"
...        "R1\\tsupports Arg1:T2 Arg2:T1\\nR2\\tattacks Arg1:T3 Arg2:T1\\n")
>>> m = loads(ann, text=text)
>>> m["T2"].anchors[0].start, m["T2"].anchors[0].end, m["R1"].premises
(15, 27, ('T2',))
>>> dumps(m).decode() == ann
True
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import ParseError
from argmap.io._brat_write import dumps, text_of
from argmap.io._report import Imported, ImportReport
from argmap.io.atomic import write_bytes
from argmap.limits import check_count, check_nodes, check_size
from argmap.map import ArgumentMap
from argmap.model import Anchor, Argument, Attack, Claim, Node, Source

__all__ = ["brat_to_map", "dump", "dumps", "load_text", "loads", "sniff_brat"]

KEY = "brat"
CONTEXT = 32  # characters of prefix and suffix kept with each anchor
SUPPORT = {"supports", "support", "Support", "Supports", "SUPPORTS", "sup"}
ATTACK = {"attacks", "attack", "Attack", "Attacks", "ATTACKS", "att"}
_SPAN = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)")
_ARG = re.compile(r"([^\s:]+):(\S+)")
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _decode(raw: bytes, file: str | None, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"the {what} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=file, line=line
        ) from None


def load_text(ann_file: str | os.PathLike[str]) -> str:
    """The text of the ``.txt`` beside an ``.ann`` file, under the size cap.

    Examples
    --------
    >>> load_text("/nowhere/essay.ann")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: /nowhere/essay.txt: no such file: ...
    """
    path = Path(ann_file).with_suffix(".txt")
    try:
        size = path.stat().st_size
    except OSError:
        raise ParseError(
            "no such file: a brat .ann needs its .txt beside it (same name)", file=str(path)
        ) from None
    check_size(size, file=str(path))
    return _decode(path.read_bytes(), str(path), "text")


class _Reader:
    """One pass over the ``.ann`` lines, collecting records and problems."""

    def __init__(self, text: str, report: ImportReport, source_id: str) -> None:
        self.text = text
        self.report = report
        self.source_id = source_id
        self.lines: dict[str, int] = {}  # annotation id -> line
        self.spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self.relations: list[tuple[int, str, str, list[tuple[str, str]]]] = []
        self.attributes: list[tuple[int, str, str, str, str | None]] = []
        self.notes: list[tuple[int, str, str, str, str]] = []
        self.other: list[dict[str, Any]] = []

    def problem(self, message: str, line: int, node: str | None = None) -> None:
        self.report.add(message, line=line, node=node)

    def claim_id(self, ann_id: str, line: int) -> bool:
        if not ann_id or ann_id in self.lines:
            where = f"line {self.lines[ann_id]}" if ann_id in self.lines else ""
            self.problem(f"annotation id {ann_id!r} is used twice (first on {where})", line)
            return False
        self.lines[ann_id] = line
        return True

    def read(self, ann: str) -> None:
        for number, raw in enumerate(ann.split("\n"), start=1):
            line = raw.rstrip("\r")
            if not line.strip():
                continue
            fields = line.split("\t")
            ann_id = fields[0]
            if len(fields) < 2:
                self.problem(f"no tab after the annotation id {ann_id!r}", number)
                continue
            head = ann_id[:1]
            if head == "T":
                self.read_span(number, fields)
            elif head == "R":
                self.read_relation(number, fields)
            elif head in ("A", "M"):
                self.read_attribute(number, fields)
            elif head == "#":
                self.read_note(number, fields)
            else:
                self.other.append({"line": number, "text": line})
                self.report.note(f"line {number}: {ann_id[:1]!r} annotation kept verbatim")

    def read_span(self, number: int, fields: list[str]) -> None:
        ann_id = fields[0]
        match = _SPAN.fullmatch(fields[1])
        if match is None:
            self.problem(
                f"text-bound annotation needs 'Type start end[;start end...]', got {fields[1]!r}",
                number,
                ann_id,
            )
            return
        fragments = [tuple(int(x) for x in part.split()) for part in match.group(2).split(";")]
        for start, end in fragments:
            if end < start:
                self.problem(
                    f"span {start}-{end} runs backwards (end before start)", number, ann_id
                )
                return
            if end == start:
                self.problem(f"span {start}-{end} is empty", number, ann_id)
                return
            if end > len(self.text):
                self.problem(
                    f"span {start}-{end} runs past the end of the text ({len(self.text)} "
                    "characters)",
                    number,
                    ann_id,
                )
                return
        spans = sorted((s, e) for s, e in fragments)
        if any(b[0] < a[1] for a, b in itertools.pairwise(spans)):
            self.problem("the fragments of this span overlap each other", number, ann_id)
            return
        quoted = " ".join(self.text[s:e] for s, e in spans)
        if len(fields) > 2 and " ".join(fields[2].split()) != " ".join(quoted.split()):
            self.problem(
                f"the words after the offsets ({_short(fields[2])!r}) are not the text at "
                f"{match.group(2)} ({_short(quoted)!r})",
                number,
                ann_id,
            )
            return
        if not quoted.strip():
            self.problem(f"span {match.group(2)} holds only white space", number, ann_id)
            return
        if self.claim_id(ann_id, number):
            self.spans[ann_id] = (match.group(1), spans)

    def read_relation(self, number: int, fields: list[str]) -> None:
        ann_id = fields[0]
        parts = fields[1].split()
        args = [_ARG.fullmatch(p) for p in parts[1:]]
        if len(parts) != 3 or any(a is None for a in args):
            self.problem(
                f"relation needs 'Type Arg1:ID Arg2:ID', got {fields[1]!r}", number, ann_id
            )
            return
        if self.claim_id(ann_id, number):
            roles = [(a.group(1), a.group(2)) for a in args if a is not None]
            self.relations.append((number, ann_id, parts[0], roles))

    def read_attribute(self, number: int, fields: list[str]) -> None:
        ann_id = fields[0]
        parts = fields[1].split()
        if len(parts) not in (2, 3):
            self.problem(f"attribute needs 'Name ID [Value]', got {fields[1]!r}", number, ann_id)
            return
        if self.claim_id(ann_id, number):
            value = parts[2] if len(parts) == 3 else None
            self.attributes.append((number, ann_id, parts[0], parts[1], value))

    def read_note(self, number: int, fields: list[str]) -> None:
        parts = fields[1].split()
        if len(parts) != 2:
            self.problem(f"note needs 'Type ID<TAB>text', got {fields[1]!r}", number, fields[0])
            return
        self.notes.append((number, fields[0], parts[0], parts[1], "\t".join(fields[2:])))

    def drop_overlaps(self) -> None:
        """Spans of two annotations may not overlap: the later one (in the file) is refused."""
        frags = sorted(
            (s, e, self.lines[i], i) for i, (_, spans) in self.spans.items() for s, e in spans
        )
        bad: dict[str, tuple[str, int, int]] = {}
        reach, holder = -1, ""
        for start, end, line, ann_id in frags:
            if ann_id in bad:
                continue
            if start < reach and holder != ann_id:
                later = ann_id if line > self.lines[holder] else holder
                other = holder if later == ann_id else ann_id
                bad[later] = (other, start, end)
                if later == holder:
                    reach, holder = end, ann_id
                continue
            if end > reach:
                reach, holder = end, ann_id
        for ann_id in sorted(bad, key=lambda i: self.lines[i]):
            other, _s, _e = bad[ann_id]
            self.problem(
                f"span overlaps the span of {other} (line {self.lines[other]})",
                self.lines[ann_id],
                ann_id,
            )
            del self.spans[ann_id]


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def brat_to_map(
    data: bytes | str,
    *,
    text: str | bytes | None = None,
    filename: str | None = None,
    lenient: bool = False,
) -> Imported:
    """Read an ``.ann`` (and its text); returns ``(map, report)``.

    ``text`` is the ``.txt``'s content; when it is not given it is read from beside
    ``filename``.

    Examples
    --------
    >>> m, report = brat_to_map("T1\\tClaim 0 99\\tx\\n", text="short", lenient=True)
    >>> print(report)
    line 1, node T1: span 0-99 runs past the end of the text (5 characters)
    >>> len(m), report.ok
    (1, False)
    """
    report = ImportReport(file=filename, lenient=lenient)
    ann = _decode(data, filename, ".ann file") if isinstance(data, bytes) else data
    if text is None:
        if filename is None:
            raise ParseError("a brat .ann needs its text: pass text=... or load the file by path")
        text = load_text(filename)
    elif isinstance(text, bytes):
        text = _decode(text, filename, "text")
    check_count(ann.count("\n") + 1, "lines of the .ann file", file=filename)
    stem = Path(filename).stem if filename else "brat"
    source_id = _safe_id(stem)
    reader = _Reader(text, report, source_id)
    reader.read(ann)
    reader.drop_overlaps()
    if source_id in reader.lines:
        source_id = reader.source_id = _safe_id(stem + "-text")
    nodes = _nodes(reader, filename, stem)
    # the longest text a node can hold: a claim's fragments joined, else the file's stem
    longest = max(
        (sum(e - s + 1 for s, e in spans) for _, spans in reader.spans.values()), default=0
    )
    check_nodes(nodes, file=filename, source_size=max(longest, CONTEXT, len(stem)))
    lines = reader.lines

    def refused(node: Any, exc: Exception) -> None:
        node_id = getattr(node, "id", None)
        report.add(str(exc), node=node_id, line=lines.get(str(node_id).split(".")[0]))

    m = ArgumentMap.from_nodes(nodes, name=source_id, title=stem, on_error=refused)
    return Imported(m, report)


def _nodes(reader: _Reader, filename: str | None, stem: str) -> list[Node]:
    text, source_id = reader.text, reader.source_id
    extra: dict[str, dict[str, Any]] = {i: {"type": t} for i, (t, _) in reader.spans.items()}
    for number, ann_id, name, target, value in reader.attributes:
        if target not in extra:
            reader.problem(f"attribute {name} names {target!r}, which is no span", number, ann_id)
            continue
        extra[target].setdefault("attributes", []).append(
            {"id": ann_id, "name": name, "value": value}
        )
    for number, note_id, kind, target, note in reader.notes:
        if target not in extra:
            reader.problem(f"note names {target!r}, which is no span", number, note_id)
            continue
        extra[target].setdefault("notes", []).append({"id": note_id, "type": kind, "text": note})
    nodes: list[Node] = []
    doc: dict[str, Any] = {"text": text}
    if filename:
        doc["file"] = Path(filename).name
    if reader.other:
        doc["other"] = reader.other
    _add(nodes, reader, 1, Source, id=source_id, text=stem, data={KEY: doc})
    for ann_id, (_kind, spans) in reader.spans.items():
        try:
            anchors = [_anchor(text, source_id, s, e) for s, e in spans]
        except ValidationError as exc:
            reason = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            reader.problem(reason, reader.lines[ann_id], ann_id)
            continue
        words = " ".join(a.exact for a in anchors)
        _add(
            nodes,
            reader,
            reader.lines[ann_id],
            Claim,
            id=ann_id,
            text=words,
            anchors=tuple(anchors),
            data={KEY: extra[ann_id]},
        )
    made = {n.id for n in nodes}
    _relations(nodes, reader, made)
    _stances(nodes, reader, made)
    return nodes


def _anchor(text: str, source_id: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``; prefix and suffix stop at characters RDF cannot hold."""
    prefix = _UNWRITABLE.split(text[max(0, start - CONTEXT) : start])[-1]
    suffix = _UNWRITABLE.split(text[end : end + CONTEXT])[0]
    return Anchor(
        source=source_id, exact=text[start:end], start=start, end=end, prefix=prefix, suffix=suffix
    )


def _relations(nodes: list[Node], reader: _Reader, made: set[str]) -> None:
    for number, ann_id, rtype, roles in reader.relations:
        (_r1, src), (_r2, trg) = roles
        missing = [x for x in (src, trg) if x not in made or x not in reader.spans]
        if missing:
            reader.problem(
                f"relation {rtype} names {missing[0]!r}, which is no span (missing or skipped)",
                number,
                ann_id,
            )
            continue
        if src == trg:
            reader.problem(f"relation {rtype} joins {src} to itself", number, ann_id)
            continue
        data: dict[str, Any] = {"type": rtype}
        if [r for r, _ in roles] != ["Arg1", "Arg2"]:
            data["roles"] = [r for r, _ in roles]
        if rtype in SUPPORT:
            _add(
                nodes,
                reader,
                number,
                Argument,
                id=ann_id,
                premises=(src,),
                conclusion=trg,
                data={KEY: data},
            )
        elif rtype in ATTACK:
            _add(
                nodes, reader, number, Attack, id=ann_id, attacker=src, target=trg, data={KEY: data}
            )
        else:
            line = "\t".join((ann_id, f"{rtype} {roles[0][0]}:{src} {roles[1][0]}:{trg}"))
            reader.other.append({"line": number, "text": line})
            reader.report.note(
                f"line {number}: relation type {rtype!r} is neither support nor attack; "
                "kept verbatim",
                node=ann_id,
            )


def _stances(nodes: list[Node], reader: _Reader, made: set[str]) -> None:
    majors = sorted(
        (i for i, (t, _) in reader.spans.items() if t == "MajorClaim" and i in made),
        key=lambda i: reader.spans[i][1][0],
    )
    for number, ann_id, name, target, value in reader.attributes:
        if name != "Stance" or target not in made or target not in reader.spans:
            continue
        if value not in ("For", "Against"):
            reader.report.note(f"line {number}: stance {value!r} is neither For nor Against")
            continue
        goals = [m for m in majors if m != target]
        if not goals:
            reader.report.note(
                f"line {number}: stance {value} of {target} has no other MajorClaim to relate "
                "to; kept as an attribute",
                node=ann_id,
            )
            continue
        for goal in goals:
            node_id = ann_id if len(goals) == 1 else f"{ann_id}.{goal}"
            data = {KEY: {"stance": value, "attribute": ann_id}}
            if value == "For":
                _add(
                    nodes,
                    reader,
                    number,
                    Argument,
                    id=node_id,
                    premises=(target,),
                    conclusion=goal,
                    data=data,
                )
            else:
                _add(
                    nodes,
                    reader,
                    number,
                    Attack,
                    id=node_id,
                    attacker=target,
                    target=goal,
                    data=data,
                )


def _add(
    nodes: list[Node], reader: _Reader, line: int, cls: Callable[..., Node], **fields: Any
) -> None:
    try:
        nodes.append(cls(**fields))
    except ValidationError as exc:
        reason = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        reader.problem(reason, line, fields.get("id"))


def _safe_id(value: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._~\-]", "-", value).strip("-.~") or "brat"
    return cleaned[:200]


def loads(
    data: bytes | str,
    *,
    filename: str | None = None,
    lenient: bool = False,
    text: str | bytes | None = None,
) -> ArgumentMap:
    """Read an ``.ann`` into a map (the registry's reader); see :func:`brat_to_map`.

    Examples
    --------
    >>> loads("R1\\tsupports Arg1:T1 Arg2:T2\\n", text="", filename="x.ann")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.ann, line 1, node R1: relation supports names 'T1', ...
    """
    return brat_to_map(data, text=text, filename=filename, lenient=lenient).map


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the map's ``.ann`` to ``path`` and its text to the ``.txt`` beside it.

    Both are made before either is written, and each is replaced atomically.

    Examples
    --------
    >>> import tempfile
    >>> m = loads("T1\\tClaim 0 3\\tYes\\n", text="Yes.")
    >>> p = Path(tempfile.mkdtemp()) / "out.ann"
    >>> dump(m, p); p.with_suffix(".txt").read_text()
    'Yes.'
    """
    target = Path(path)
    ann, text = dumps(m), text_of(m).encode("utf-8")
    write_bytes(target.with_suffix(".txt"), text)
    write_bytes(target, ann)


def sniff_brat(head: bytes) -> bool:
    """True when ``head`` starts like a brat ``.ann`` (a text-bound ``T`` line).

    Examples
    --------
    >>> sniff_brat(b"T1\\tClaim 0 4\\tYes.\\n"), sniff_brat(b"Title: T1 and more")
    (True, False)
    """
    first = head.lstrip().split(b"\n", 1)[0]
    return re.match(rb"T\w*\t\S+ \d+ \d+(;\d+ \d+)*(\t|\r?$)", first) is not None
