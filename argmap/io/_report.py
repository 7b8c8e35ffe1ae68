"""Problems met while importing a file: raise at once (strict) or collect them (lenient).

Every importer in :mod:`argmap.io` takes ``lenient``. Strict (the default) stops at the
first problem with a :class:`~argmap.errors.ParseError` naming the file and the node,
line or column. Lenient collects every problem in an :class:`ImportReport` and returns
the map of what was sound next to it, so nothing is ever dropped silently.

Examples
--------
>>> report = ImportReport(file="x.json", lenient=True)
>>> report.add("edge to a missing node 'n9'", node="e1")
>>> report.ok, len(report)
(False, 1)
>>> print(report)
x.json, node e1: edge to a missing node 'n9'
>>> ImportReport(file="x.json").add("bad", node="n1")
Traceback (most recent call last):
...
argmap.errors.ParseError: x.json, node n1: bad
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.errors import ParseError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["ImportReport", "Imported", "Problem", "collect_reports"]

_COLLECTING: ContextVar[list[ImportReport] | None] = ContextVar("_COLLECTING", default=None)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with where it was found.

    Examples
    --------
    >>> str(Problem("unknown node type 'XA'", file="f.json", node="7"))
    "f.json, node 7: unknown node type 'XA'"
    """

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    node: str | None = None
    path: str | None = None

    def to_error(self) -> ParseError:
        """The :class:`ParseError` that strict mode raises for this problem.

        Examples
        --------
        >>> Problem("bad", line=3).to_error().line
        3
        """
        return ParseError(
            self.message,
            file=self.file,
            line=self.line,
            column=self.column,
            node=self.node,
            path=self.path,
        )

    def __str__(self) -> str:
        return str(self.to_error())

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON: ``message`` and where (``null`` when not known).

        Examples
        --------
        >>> Problem("bad", file="f.json", node="7").to_dict()["node"]
        '7'
        """
        return {
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "node": self.node,
            "path": self.path,
        }


@dataclass
class ImportReport:
    """Every problem an import met; strict reports raise on the first one.

    Examples
    --------
    >>> r = ImportReport(lenient=True)
    >>> r.ok
    True
    """

    file: str | None = None
    lenient: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        collecting = _COLLECTING.get()
        if collecting is not None:
            collecting.append(self)

    def add(
        self,
        message: str,
        *,
        node: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        """Record a problem, or raise it as a :class:`ParseError` when not lenient.

        Examples
        --------
        >>> r = ImportReport(lenient=True)
        >>> r.add("oops", line=2, column=5)
        >>> r.problems[0].column
        5
        """
        problem = Problem(message, file=self.file, line=line, column=column, node=node, path=path)
        if not self.lenient:
            raise problem.to_error()
        self.problems.append(problem)

    def note(self, message: str, *, node: str | None = None) -> None:
        """Record something read but kept verbatim rather than mapped (never raises).

        Examples
        --------
        >>> r = ImportReport()
        >>> r.note("CA-node attacks a CA-node: kept verbatim", node="9")
        >>> r.ok, len(r.notes)
        (True, 1)
        """
        self.notes.append(Problem(message, file=self.file, node=node))

    @property
    def ok(self) -> bool:
        """True when nothing was wrong."""
        return not self.problems

    def __len__(self) -> int:
        return len(self.problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) if self.problems else "no problems"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON (what ``--report FILE`` writes; ``docs/lenient.md``).

        Examples
        --------
        >>> r = ImportReport(file="x.json", lenient=True)
        >>> r.add("RA-node without a premise", node="7")
        >>> d = r.to_dict()
        >>> d["ok"], d["skipped"], d["problems"][0]["node"]
        (False, 1, '7')
        """
        return {
            "file": self.file,
            "lenient": self.lenient,
            "ok": self.ok,
            "skipped": len(self.problems),
            "problems": [p.to_dict() for p in self.problems],
            "notes": [p.to_dict() for p in self.notes],
        }


@contextmanager
def collect_reports() -> Iterator[list[ImportReport]]:
    """Every :class:`ImportReport` made inside the block, for callers of :func:`argmap.io.load`.

    The registry's readers return only the map; a lenient reader's report (what it
    repaired or skipped) is in the list this yields.

    Examples
    --------
    >>> import argmap
    >>> with collect_reports() as reports:
    ...     m = argmap.loads(b'{"nodes": [], "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}]}',
    ...                      "aif", lenient=True)
    >>> sum(len(r) for r in reports)
    1
    """
    reports: list[ImportReport] = []
    token = _COLLECTING.set(reports)
    try:
        yield reports
    finally:
        _COLLECTING.reset(token)


class Imported(NamedTuple):
    """What a converter returns: the map of what was sound and the report of the rest.

    Unpack it: ``m, report = aif_to_map(doc, lenient=True)``.
    """

    map: ArgumentMap
    report: ImportReport
