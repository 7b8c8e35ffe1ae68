"""The :class:`ValidationReport`: findings as a table, rows, a frame, or JSON.

Examples
--------
>>> from argmap.validate._finding import Finding, NodeRef
>>> report = ValidationReport(
...     [Finding("orphan-node", "warning", "Actor 'russia' is tied to nothing.",
...              (NodeRef("russia", "actor", "https://w3id.org/argmap/map/x/russia", "Russia"),))],
...     rules=("orphan-node",), subject="map 'x'")
>>> report.ok, len(report.warnings)
(True, 1)
>>> print(report)
map 'x': 1 warning (1 rule checked)
┏━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ severity ┃ rule        ┃ node                     ┃ message                            ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ warning  │ orphan-node │ russia (actor: 'Russia') │ Actor 'russia' is tied to nothing. │
└──────────┴─────────────┴──────────────────────────┴────────────────────────────────────┘
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from argmap.validate._finding import SEVERITY_RANK, Finding, MissingDependency
from argmap.validate._lazy import LazyFindings

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["LazyFindings", "ValidationReport"]

_MAX_TEXT_ROWS = 200
_MAX_HTML_ROWS = 500
_COLOURS = {"error": "#b00020", "warning": "#9a6700", "info": "#0b5cad"}


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}{'' if n == 1 else 's'}"


class ValidationReport:
    """What :func:`argmap.validate.validate` found: a sorted list of findings.

    Iterating gives the findings (errors first); ``.ok`` is True when there is no error.
    In a notebook the report shows itself as a table; ``print(report)`` gives a text
    table; ``to_rows()``, ``to_frame()`` and ``to_dict()`` give the data.

    Parameters
    ----------
    findings:
        The findings, in any order.
    rules:
        The ids of the rules that ran.
    subject:
        What was validated, for the summary line (``"map 'brief'"``, a file name).
    engine:
        ``"python"`` (argmap's validator) or ``"shacl"`` (pySHACL on the shapes).
    map:
        The map that was checked, when there is one (so a drawing can flag its nodes).
    """

    def __init__(
        self,
        findings: Iterable[Finding],
        *,
        rules: Sequence[str] = (),
        subject: str = "map",
        engine: str = "python",
        map: ArgumentMap | None = None,
    ) -> None:
        # a LazyFindings is in report order already (validate makes one); anything else is
        # sorted here: severity, rule, node ids, message
        self.findings: LazyFindings = (
            findings if isinstance(findings, LazyFindings) else LazyFindings.of(findings)
        )
        self.rules: tuple[str, ...] = tuple(rules)
        self.subject = subject
        self.engine = engine
        self.map = map

    # ------------------------------------------------------------ selection

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.findings.has_errors()

    @property
    def errors(self) -> list[Finding]:
        """The findings of severity error."""
        return self.findings.of_rank(SEVERITY_RANK["error"])

    @property
    def warnings(self) -> list[Finding]:
        """The findings of severity warning."""
        return self.findings.of_rank(SEVERITY_RANK["warning"])

    @property
    def infos(self) -> list[Finding]:
        """The findings of severity info."""
        return self.findings.of_rank(SEVERITY_RANK["info"])

    def counts(self) -> dict[str, int]:
        """How many findings of each severity.

        >>> ValidationReport([]).counts()
        {'error': 0, 'warning': 0, 'info': 0}
        """
        c = self.findings.rank_counts()
        return {s: c[SEVERITY_RANK[s]] for s in ("error", "warning", "info")}

    def by_rule(self) -> dict[str, list[Finding]]:
        """The findings grouped by rule id."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.rule, []).append(f)
        return out

    def filter(
        self,
        *,
        rule: str | Iterable[str] | None = None,
        severity: str | Iterable[str] | None = None,
        node: str | None = None,
    ) -> ValidationReport:
        """A report with only the findings of the given rule(s), severity(ies) or node id.

        >>> ValidationReport([]).filter(severity="error").ok
        True
        """
        rules = {rule} if isinstance(rule, str) else set(rule) if rule is not None else None
        sevs = ({severity} if isinstance(severity, str)
                else set(severity) if severity is not None else None)
        kept = self.findings.select(rules, sevs, node)
        return ValidationReport(kept, rules=self.rules, subject=self.subject, engine=self.engine,
                                map=self.map)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        c = self.counts()
        return (f"<ValidationReport {self.subject}: {c['error']} errors, {c['warning']} "
                f"warnings, {c['info']} info>")

    # ------------------------------------------------------------ data

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat dict per finding: severity, rule, node_id, node_kind, node_iri,
        node_text, message, nodes (ids), quote, source, start, end.

        >>> ValidationReport([Finding("r", "info", "m")]).to_rows()[0]["severity"]
        'info'
        """
        return [f.to_row() for f in self.findings]

    def to_frame(self) -> Any:
        """The rows as a :class:`pandas.DataFrame` (needs pandas).

        >>> ValidationReport([Finding("r", "info", "m")]).to_frame().shape[0]
        1
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependency(
                "ValidationReport.to_frame needs pandas: pip install 'argmap[pandas]'"
            ) from None
        columns = ["severity", "rule", "node_id", "node_kind", "node_iri", "node_text",
                   "message", "nodes", "quote", "source", "start", "end"]
        return pd.DataFrame(self.to_rows(), columns=columns)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data (what ``argmap validate --format json`` prints).

        >>> ValidationReport([]).to_dict()["ok"]
        True
        """
        return {
            "subject": self.subject,
            "engine": self.engine,
            "ok": self.ok,
            "counts": self.counts(),
            "rules": list(self.rules),
            "findings": self.to_rows(),
        }

    # ------------------------------------------------------------ display

    def summary(self) -> str:
        """One line: what was checked and how many findings of each severity.

        >>> ValidationReport([], rules=("a", "b"), subject="map 'x'").summary()
        "map 'x': no problems found (2 rules checked)"
        """
        c = self.counts()
        parts = [_plural(c[s], s) for s in ("error", "warning", "info") if c[s]]
        found = ", ".join(parts) if parts else "no problems found"
        n = len(self.rules)
        checked = f" ({n} rule{'' if n == 1 else 's'} checked)" if n else ""
        return f"{self.subject}: {found}{checked}"

    def to_text(self, *, width: int | None = None, max_rows: int | None = _MAX_TEXT_ROWS) -> str:
        """The report as a text table (what ``str(report)`` gives).

        ``width`` defaults to what the rows need (at most 240 columns), so messages
        rarely wrap.
        """
        from rich.console import Console
        from rich.table import Table

        lines = [self.summary()]
        if not self.findings:
            return lines[0]
        shown = self.findings if max_rows is None else self.findings[:max_rows]
        quotes = any(f.quote is not None for f in shown)
        table = Table(show_header=True, show_lines=False)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule", no_wrap=True)
        table.add_column("node", max_width=40)
        table.add_column("message", ratio=3)
        if quotes:
            table.add_column("quote", ratio=2)
        for f in shown:
            cells = [f.severity, f.rule, _node_cell(f), f.message]
            if quotes:
                cells.append(f.where())
            table.add_row(*cells)
        if width is None:
            width = _text_width(shown, quotes)
        buffer = io.StringIO()
        console = Console(file=buffer, width=width, color_system=None, force_terminal=False,
                          force_jupyter=False, soft_wrap=False, highlight=False,
                          markup=False, emoji=False)
        console.print(table, crop=False)
        lines.append(buffer.getvalue().rstrip("\n"))
        hidden = len(self.findings) - len(shown)
        if hidden:
            lines.append(f"... and {hidden} more (report.to_rows() has them all)")
        text = "\n".join(lines)
        return "\n".join(line.rstrip() for line in text.splitlines())

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = []
        for f in self.findings[:_MAX_HTML_ROWS]:
            colour = _COLOURS.get(f.severity, "inherit")
            node = f.node
            node_cell = ""
            if node is not None:
                title = esc(node.iri, quote=True)
                text = " ".join(node.text.split())
                text = text if len(text) <= 80 else text[:79] + "…"
                node_cell = (f'<span title="{title}"><code>{esc(node.id)}</code></span> '
                             f"<small>{esc(node.kind)}</small>"
                             + (f"<br><small>{esc(text)}</small>" if text else ""))
                if len(f.nodes) > 1:
                    more = ", ".join(esc(n.id) for n in f.nodes[1:6])
                    node_cell += f"<br><small>with {more}</small>"
            rows.append(
                "<tr>"
                f'<td style="color:{colour};font-weight:bold">{esc(f.severity)}</td>'
                f"<td><code>{esc(f.rule)}</code></td>"
                f"<td>{node_cell}</td>"
                f'<td style="text-align:left">{esc(f.message)}</td>'
                f'<td style="text-align:left"><i>{esc(f.where())}</i></td>'
                "</tr>"
            )
        hidden = len(self.findings) - len(rows)
        more = (f'<tr><td colspan="5">… and {hidden} more (report.to_frame() has them '
                "all)</td></tr>") if hidden else ""
        head = "".join(f"<th>{h}</th>" for h in ("severity", "rule", "node", "message", "quote"))
        table = (f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}{more}</tbody>"
                 "</table>") if self.findings else ""
        status = "✔" if self.ok else "✘"
        return (f'<div class="argmap-validation"><p><b>{status} {esc(self.summary())}</b></p>'
                f"{table}</div>")


def _node_cell(f: Finding) -> str:
    """The first node, and the ids of the others."""
    if not f.nodes:
        return ""
    cell = f.nodes[0].short(40)
    if len(f.nodes) > 1:
        rest = [n.id for n in f.nodes[1:]]
        more = ", ".join(rest[:3]) + (f" +{len(rest) - 3}" if len(rest) > 3 else "")
        cell += f"\nwith {more}"
    return cell


def _text_width(findings: Sequence[Finding], quotes: bool) -> int:
    """A table width that fits the rows without wrapping (between 100 and 240 columns)."""
    if not findings:
        return 100

    def longest(cells: Iterable[str]) -> int:
        return max((max(map(len, c.split("\n"))) for c in cells), default=0)

    widths = [
        8,
        longest(f.rule for f in findings),
        min(40, longest(_node_cell(f) for f in findings)),
        longest(f.message for f in findings),
    ]
    if quotes:
        widths.append(longest(f.where() for f in findings))
    natural = sum(widths) + 3 * len(widths) + 1
    return max(100, min(240, natural))
