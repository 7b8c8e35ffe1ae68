"""Read and write Kialo discussion exports (the plain-text tree of a pro/con discussion).

Kialo exports a discussion as numbered lines: the title, the thesis ``1.``, and below it
each claim numbered after its parent with its side (``1.2.3. Con: ...``). A claim whose
words run over several lines continues until the next numbered line. A claim placed in
two spots is written once and linked from the other (``1.1.2. Pro: -> See 1.4.2.``).

=====================================  =================================================
Kialo export                           argmap
=====================================  =================================================
``Discussion Title: ...``              the map's title
``1. thesis``                          a :class:`~argmap.Claim` ``c1``
``1.2.3. Pro: words``                  a :class:`~argmap.Claim` ``c1.2.3`` and an
                                       :class:`~argmap.Argument` ``r1.2.3`` for its parent
``1.2.3. Con: words``                  a Claim and an :class:`~argmap.Attack` ``r1.2.3``
``1.1.2. Pro: -> See 1.4.2.``          an argument (or attack) ``r1.1.2`` from ``c1.4.2``
several theses (``1.1. thesis`` with   ``1.`` becomes an :class:`~argmap.Issue`, each
no side, or ``1.1. Thesis: ...``)      thesis a Claim about it
``Sources:`` then one entry a line     a :class:`~argmap.Source` ``s1``, ``s2``, ... each
                                       (its URL when it holds one); a claim citing
                                       ``[1]`` lists ``s1`` in ``data["kialo"]["sources"]``
=====================================  =================================================

The number and side of each claim are kept in ``data["kialo"]``; claim words are kept as
written (markdown links included; their URLs are listed in ``data["kialo"]["links"]``).
Only numbers that start with ``1.`` begin a claim: other lines continue the claim above.

A number whose parent is missing, a number used twice, a link to a missing claim or to a
link, a claim linking to itself or its parent, a claim with no words or no side where a
side is needed are problems: strict mode raises a :class:`~argmap.errors.ParseError`
naming the file and line, lenient mode reports each and keeps what was sound.

The writer gives back the tree part: the thesis (or question and theses), and every
argument or attack with one premise under its conclusion; a statement reached twice is
written once and linked from elsewhere.

Examples
--------
>>> text = '''Discussion Title: Should we walk?
...
... 1. We should walk.
... 1.1. Pro: Walking is healthy.
... 1.2. Con: It rains.
... 1.2.1. Pro: -> See 1.1.
... '''
>>> m = loads(text)
>>> m.title, m["r1.1"].conclusion, m["r1.2"].attacker, m["r1.2.1"].premises
('Should we walk?', 'c1', 'c1.2', ('c1.1',))
>>> dumps(m).decode() == text
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.errors import LimitExceeded, ParseError
from argmap.io._kialo_write import dumps
from argmap.io._report import Imported, ImportReport
from argmap.limits import check_count, check_nodes, current
from argmap.map import ArgumentMap
from argmap.model import Argument, Attack, Claim, Issue, Node, Source

__all__ = ["claim_id", "dumps", "kialo_to_map", "loads", "sniff_kialo"]

KEY = "kialo"
_CLAIM = re.compile(r"(1\.(?:\d+\.)*) (?:(Pro|Con|Thesis): ?)?(.*)")
_LINK = re.compile(r"-> See ((?:\d+\.)+)\s*")
_TITLE = re.compile(r"Discussion Title: ?(.*)")
_SOURCES = re.compile(r"Sources?:\s*", re.I)
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`\]\)]+")
_MD_LINK = re.compile(r"\[[^\]]*\]\((https?://[^)\s]+)\)")
_MARK = re.compile(r"\[\d+\]")


def _cite(node: Node, marks: dict[str, str]) -> Node:
    """The claim with the sources its ``[n]`` marks cite in ``data["kialo"]["sources"]``."""
    cited = sorted({marks[m] for m in _MARK.findall(node.text) if m in marks})
    if not cited or node.kind == "issue":
        return node
    data = {**node.data, KEY: {**node.data[KEY], "sources": cited}}
    return node.model_copy(update={"data": data})


def claim_id(number: str, prefix: str = "c") -> str:
    """The node id of the claim numbered ``number`` (``r`` for its relation).

    Examples
    --------
    >>> claim_id("1.2.3."), claim_id("1.2.3.", "r")
    ('c1.2.3', 'r1.2.3')
    """
    bare = number.rstrip(".")
    if len(bare) < 190:
        return f"{prefix}{bare}"
    return f"{prefix}-{hashlib.sha1(bare.encode()).hexdigest()[:20]}"


@dataclass
class _Entry:
    number: str
    side: str | None
    line: int
    words: list[str] = field(default_factory=list)
    link: str | None = None

    @property
    def parent(self) -> str:
        return self.number[: self.number[:-1].rfind(".") + 1]

    @property
    def text(self) -> str:
        return "\n".join(self.words).strip("\n")


def _decode(data: bytes | str, file: str | None) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=file, line=line
        ) from None


def _split(
    text: str, report: ImportReport
) -> tuple[str | None, list[_Entry], list[tuple[int, str]]]:
    """The title, the claims in file order and the sources section's entries."""
    title: str | None = None
    entries: list[_Entry] = []
    sources: list[tuple[int, str]] = []
    in_sources = False
    depth_cap = current().max_depth
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if in_sources:
            if line.strip():
                sources.append((number, line.strip()))
            continue
        if not entries and title is None and (found := _TITLE.fullmatch(line)):
            title = found.group(1).strip()
            continue
        if entries and _SOURCES.fullmatch(line):
            in_sources = True
            continue
        match = _CLAIM.fullmatch(line)
        if match is None:
            if entries:
                entries[-1].words.append(line)
            elif line.strip():
                report.add(f"text before the thesis ('1. ...'): {line[:40]!r}", line=number)
            continue
        levels = match.group(1).count(".")
        if depth_cap is not None and levels > depth_cap:
            raise LimitExceeded(
                f"claim {match.group(1)} is {levels} levels deep, over the max_depth cap of "
                f"{depth_cap} (raise it with ARGMAP_MAX_DEPTH or argmap.limits(max_depth=...))",
                file=report.file,
                line=number,
            )
        side = match.group(2)
        entries.append(_Entry(match.group(1), side.lower() if side else None, number))
        entries[-1].words.append(match.group(3))
    check_count(len(entries), "claims", file=report.file)
    return title, entries, sources


def kialo_to_map(
    data: bytes | str, *, filename: str | None = None, lenient: bool = False
) -> Imported:
    """Read a Kialo export; returns ``(map, report)`` (strict mode raises on a problem).

    Examples
    --------
    >>> m, report = kialo_to_map("1. T.\\n1.1. Pro: P.\\n1.3.1. Con: orphan\\n", lenient=True)
    >>> print(report)
    line 3, node c1.3.1: claim 1.3.1. has no parent 1.3. above it
    >>> sorted(n.id for n in m)
    ['c1', 'c1.1', 'r1.1']
    """
    report = ImportReport(file=filename, lenient=lenient)
    title, entries, source_lines = _split(_decode(data, filename), report)
    if not entries:
        report.lenient = False
        report.add("no thesis: a Kialo export has a line '1. ...' with the thesis", path="$")
    builder = _Builder(report)
    nodes = builder.build(entries)
    marks: dict[str, str] = {}
    for index, (_line, entry) in enumerate(source_lines, start=1):
        mark = _MARK.match(entry)
        if mark:
            marks[mark.group()] = f"s{index}"
    if marks:
        nodes = [_cite(n, marks) for n in nodes]
    for index, (line, entry) in enumerate(source_lines, start=1):
        url = _URL.search(entry)
        builder.add(
            nodes,
            line,
            Source,
            id=f"s{index}",
            text=entry,
            url=url.group() if url else None,
            data={KEY: {"entry": entry}},
        )
    longest = max([len(e.text) for e in entries] + [len(x) for _, x in source_lines] + [0])
    check_nodes(nodes, file=filename, source_size=longest)
    lines = builder.lines

    def refused(node: Any, exc: Exception) -> None:
        node_id = getattr(node, "id", None)
        report.add(str(exc), node=node_id, line=lines.get(str(node_id)))

    root_text = entries[0].text if entries else "Kialo discussion"
    m = ArgumentMap.from_nodes(
        nodes, builder.abouts, name="kialo", title=title or root_text, on_error=refused
    )
    return Imported(m, report)


class _Builder:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.lines: dict[str, int] = {}
        self.abouts: list[tuple[str, str]] = []

    def add(self, nodes: list[Node], line: int, cls: Callable[..., Node], **fields: Any) -> bool:
        try:
            nodes.append(cls(**fields))
        except ValidationError as exc:
            reason = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            self.report.add(reason, line=line, node=fields.get("id"))
            return False
        self.lines[str(fields.get("id"))] = line
        return True

    def build(self, entries: list[_Entry]) -> list[Node]:
        report = self.report
        by_number: dict[str, _Entry] = {}
        kept: list[_Entry] = []
        for entry in entries:
            node = claim_id(entry.number)
            if entry.number in by_number:
                first = by_number[entry.number].line
                report.add(
                    f"claim {entry.number} is numbered twice (first on line {first})",
                    line=entry.line,
                    node=node,
                )
                continue
            if entry.number != "1." and entry.parent not in by_number:
                report.add(
                    f"claim {entry.number} has no parent {entry.parent} above it",
                    line=entry.line,
                    node=node,
                )
                continue
            if entry.number == "1." and entry.side is not None:
                report.add("the thesis '1.' has no side (Pro:/Con:)", line=entry.line, node=node)
            link = _LINK.fullmatch(entry.text)
            if link:
                entry.link = link.group(1)
            elif not entry.text.strip():
                report.add(f"claim {entry.number} has no words", line=entry.line, node=node)
                continue
            by_number[entry.number] = entry
            kept.append(entry)
        root = by_number.get("1.")
        theses = {
            e.number
            for e in kept
            if e.parent == "1." and e.link is None and e.side in (None, "thesis")
        }
        question = bool(theses)
        nodes: list[Node] = []
        for entry in kept:
            if entry.link is not None:
                continue
            data: dict[str, Any] = {"number": entry.number}
            if entry.side:
                data["side"] = entry.side
            links = _MD_LINK.findall(entry.text)
            if links:
                data["links"] = links
            cls: Callable[..., Node] = Issue if question and entry is root else Claim
            self.add(
                nodes, entry.line, cls, id=claim_id(entry.number), text=entry.text, data={KEY: data}
            )
        made = {n.id for n in nodes}
        for entry in kept:
            if entry is root:
                continue
            self.relate(nodes, entry, by_number, made, question, theses)
        return nodes

    def target_of(self, number: str, by_number: dict[str, _Entry]) -> str:
        """The claim a number stands for (a link line stands for the claim it links to)."""
        entry = by_number[number]
        return entry.link if entry.link is not None and entry.link in by_number else number

    def relate(
        self,
        nodes: list[Node],
        entry: _Entry,
        by_number: dict[str, _Entry],
        made: set[str],
        question: bool,
        theses: set[str],
    ) -> None:
        report, rel = self.report, claim_id(entry.number, "r")
        parent = self.target_of(entry.parent, by_number)
        premise = entry.number
        data: dict[str, Any] = {"number": entry.number}
        if entry.link is not None:
            data["link"] = entry.link
            target = by_number.get(entry.link)
            if target is None:
                report.add(
                    f"link to {entry.link}, which is no claim of this discussion",
                    line=entry.line,
                    node=rel,
                )
                return
            if target.link is not None:
                report.add(
                    f"link to {entry.link}, which is itself a link", line=entry.line, node=rel
                )
                return
            premise = entry.link
        if entry.parent != parent:
            report.note(
                f"line {entry.line}: claim {entry.number} sits under a link; it is "
                f"put under the linked claim {parent}",
                node=rel,
            )
        src, trg = claim_id(premise), claim_id(parent)
        if src == trg and entry.side == "con":  # Kialo cannot say this: a claim against itself
            report.add(
                f"claim {entry.number} links to {premise}, so {premise} attacks itself",
                line=entry.line,
                node=rel,
            )
            return
        if entry.number in theses:
            self.abouts.append((src, trg))
            return
        if question and parent == "1.":
            report.add(
                f"claim {entry.number} argues for or against the question '1.', "
                "which has theses; kept without a relation",
                line=entry.line,
                node=rel,
            )
            return
        if entry.side not in ("pro", "con"):
            report.add(
                f"claim {entry.number} has no side (Pro: or Con:); kept without a relation",
                line=entry.line,
                node=rel,
            )
            return
        if src not in made or trg not in made:
            missing = src if src not in made else trg
            report.add(
                f"claim {missing[1:]}. was not read, so this relation cannot be made",
                line=entry.line,
                node=rel,
            )
            return
        if entry.side == "pro":
            self.add(
                nodes,
                entry.line,
                Argument,
                id=rel,
                premises=(src,),
                conclusion=trg,
                data={KEY: data},
            )
        else:
            self.add(nodes, entry.line, Attack, id=rel, attacker=src, target=trg, data={KEY: data})


def loads(data: bytes | str, *, filename: str | None = None, lenient: bool = False) -> ArgumentMap:
    """Read a Kialo export into a map (the registry's reader); see :func:`kialo_to_map`.

    Examples
    --------
    >>> loads("1. T.\\n1.1. Pro: -> See 1.\\n", filename="d.txt")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: d.txt, line 2, node r1.1: argument 'r1.1' uses its own ...
    """
    return kialo_to_map(data, filename=filename, lenient=lenient).map


def sniff_kialo(head: bytes) -> bool:
    """True when ``head`` starts like a Kialo export (and not like any other text).

    Examples
    --------
    >>> sniff_kialo(b"Discussion Title: Cars?\\n\\n1. Ban cars.\\n")
    True
    >>> sniff_kialo(b"1. Ban cars.\\n1.1. Pro: Clean air.\\n"), sniff_kialo(b"1. A list\\n2. B\\n")
    (True, False)
    """
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("Discussion Title:"):
        return True
    return text.startswith("1. ") and re.search(r"\n1\.\d+\. (Pro|Con): ", text) is not None
