"""What a validation rule reports: a :class:`Finding` about one or more nodes.

A finding names its rule, its severity, the nodes involved (id, kind, IRI and text, as
:class:`NodeRef`), a one-sentence message, and the quote in the source that the first
anchored node was read from.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("f")
>>> src = m.source("The brief", id="brief")
>>> c = m.claim("TBD: say why.", id="todo")
>>> _ = m.anchor(c, "say why", source=src, start=5, end=12)
>>> f = Finding.of(m, "no-tbd", "This statement is still a placeholder.", c)
>>> f.severity, f.node_ids, f.quote, (f.start, f.end)
('warning', ('todo',), 'say why', (5, 12))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

from argmap.errors import MissingDependency, RuleError
from argmap.ids import iri_for

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref
    from argmap.model import Anchor, Node

__all__ = [
    "SEVERITIES",
    "Finding",
    "MissingDependency",
    "NodeRef",
    "RuleError",
    "Severity",
]

Severity: TypeAlias = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


def check_severity(value: str, where: str) -> Severity:
    """``value`` if it is a severity, else :class:`RuleError`.

    >>> check_severity("warning", "x")
    'warning'
    """
    if value not in SEVERITY_RANK:
        raise RuleError(f"{where}: severity {value!r} is not one of error, warning, info")
    return cast(Severity, value)


@dataclass(frozen=True)
class NodeRef:
    """A node named in a finding: its id, kind, IRI and text (any may be empty).

    >>> NodeRef("c1", "claim", "https://w3id.org/argmap/map/x/c1", "A claim.").short()
    "c1 (claim: 'A claim.')"
    """

    id: str
    kind: str = ""
    iri: str = ""
    text: str = ""

    def short(self, width: int = 60) -> str:
        """``id (kind: 'text')``, the text cut to ``width`` characters."""
        text = " ".join(self.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        if self.kind and text:
            return f"{self.id} ({self.kind}: {text!r})"
        if self.kind:
            return f"{self.id} ({self.kind})"
        return self.id

    @classmethod
    def of(cls, m: ArgumentMap, node: Node) -> NodeRef:
        """The reference to a node model of map ``m``."""
        return cls(node.id, node.kind, node.iri or iri_for(m.base, node.id), node.text)


@dataclass(frozen=True)
class Finding:
    """One problem a rule found.

    Attributes
    ----------
    rule:
        The rule's id (``"circular-support"``); a user rule picks its own.
    severity:
        ``"error"``, ``"warning"`` or ``"info"``.
    message:
        One sentence a policy researcher understands.
    nodes:
        The nodes involved, the one the finding is about first.
    quote, source, start, end:
        The quote in the source that the finding's node was read from (anchor text,
        source id and character offsets), when there is one.
    data:
        Anything else a rule wants to attach (not compared, not shown in the table).
    """

    rule: str
    severity: Severity
    message: str
    nodes: tuple[NodeRef, ...] = ()
    quote: str | None = None
    source: str | None = None
    start: int | None = None
    end: int | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def node(self) -> NodeRef | None:
        """The node the finding is about (the first one), or None."""
        return self.nodes[0] if self.nodes else None

    @property
    def node_ids(self) -> tuple[str, ...]:
        """The ids of the nodes involved."""
        return tuple(n.id for n in self.nodes)

    def with_severity(self, severity: Severity) -> Finding:
        """The same finding at another severity.

        >>> Finding("r", "error", "m").with_severity("info").severity
        'info'
        """
        if severity == self.severity:
            return self
        return Finding(
            self.rule, severity, self.message, self.nodes, self.quote, self.source,
            self.start, self.end, self.data,
        )

    def where(self) -> str:
        """The quote and its place in the source, as one line ('' when there is none).

        >>> Finding("r", "error", "m", quote="flawed", source="brief", start=3, end=9).where()
        "'flawed' (brief, 3–9)"
        """
        if self.quote is None:
            return ""
        quote = " ".join(self.quote.split())
        if len(quote) > 80:
            quote = quote[:79] + "…"
        place = self.source or ""
        if self.start is not None or self.end is not None:
            span = f"{'' if self.start is None else self.start}–{'' if self.end is None else self.end}"
            place = f"{place}, {span}" if place else span
        return f"{quote!r} ({place})" if place else repr(quote)

    def to_row(self) -> dict[str, Any]:
        """The finding as one flat row (what :meth:`ValidationReport.to_rows` returns).

        >>> sorted(Finding("r", "error", "m").to_row())[:4]
        ['end', 'message', 'node_id', 'node_iri']
        """
        first = self.node
        return {
            "severity": self.severity,
            "rule": self.rule,
            "node_id": first.id if first else None,
            "node_kind": first.kind if first else None,
            "node_iri": first.iri if first else None,
            "node_text": first.text if first else None,
            "message": self.message,
            "nodes": [n.id for n in self.nodes],
            "quote": self.quote,
            "source": self.source,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def of(
        cls,
        m: ArgumentMap,
        rule: str,
        message: str,
        *refs: Ref,
        severity: Severity = "warning",
        anchor: Anchor | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding about nodes of ``m`` (ids, IRIs, texts or node models).

        The quote is ``anchor`` when given, else the first anchor of the first node that
        has one. This is the easy way for a user rule to make its findings.

        Examples
        --------
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("x"); _ = m.claim("Needs a citation.", id="c")
        >>> Finding.of(m, "my-rule", "Cite something.", "c", severity="info").node_ids
        ('c',)
        """
        check_severity(severity, f"finding of rule {rule!r}")
        nodes = [m[ref] for ref in refs]
        if anchor is None:
            anchor = next((n.anchors[0] for n in nodes if n.anchors), None)
        return cls(
            rule,
            severity,
            message,
            tuple(NodeRef.of(m, n) for n in nodes),
            *quote_of(anchor),
            data=dict(data or {}),
        )


def quote_of(anchor: Anchor | None) -> tuple[str | None, str | None, int | None, int | None]:
    """(quote, source, start, end) of an anchor, or four Nones."""
    if anchor is None:
        return (None, None, None, None)
    return (anchor.exact, anchor.source, anchor.start, anchor.end)
