"""The parsed Argdown document (:class:`ArgdownDocument`) and its parts.

Statements, arguments with their premise-conclusion structure, relations and sections, shaped like ``@argdown/core``'s JSON export (made by
:mod:`argmap.io._argdown_parse`, which re-exports these classes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Member:
    """One occurrence of a statement: its text as written, role, place, tags and data."""

    text: str
    role: str
    line: int
    column: int
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] | None = None
    is_reference: bool = False


@dataclass
class EquivalenceClass:
    """All statements sharing one title (Argdown treats them as logically equivalent)."""

    title: str
    members: list[Member] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None

    @property
    def text(self) -> str:
        """The first non-empty member text ("" when the class is only referenced)."""
        return next((m.text for m in self.members if m.text.strip()), "")


@dataclass
class Inference:
    """The inference line(s) ``--`` before a conclusion: rules and data."""

    rules: list[str] = field(default_factory=list)
    data: dict[str, Any] | None = None
    line: int = 0


@dataclass
class PcsItem:
    """A numbered statement in a premise-conclusion structure."""

    title: str
    role: str  # premise | intermediary-conclusion | main-conclusion
    number: int
    line: int
    inference: Inference | None = None


@dataclass
class ArgdownArgument:
    """An argument: descriptions (``<T>: text``), tags, data and its PCS, if any."""

    title: str
    members: list[Member] = field(default_factory=list)
    pcs: list[PcsItem] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None

    @property
    def description(self) -> str:
        """The first non-empty description ("" when there is none)."""
        return next((m.text for m in self.members if m.text.strip()), "")


@dataclass(frozen=True)
class ArgdownRelation:
    """``source`` relates to ``target``; the types are statement / argument / inference."""

    source: str
    source_type: str
    target: str
    target_type: str
    type: str
    line: int = field(default=0, compare=False)  # where it was first written (0: unknown)


@dataclass(frozen=True)
class Dropped:
    """A relation ``@argdown/core``'s model step drops as redundant, and why."""

    relation: ArgdownRelation  # as written, before the model step rewrote relations
    reason: str


@dataclass
class Section:
    """A Markdown heading; ``id`` is ``s1``, ``s2``... in document order, like the tool."""

    id: str
    title: str
    level: int
    line: int
    parent: str | None = None


@dataclass
class ArgdownDocument:
    """Everything an Argdown file defines (see the module docstring)."""

    front_matter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, ArgdownArgument] = field(default_factory=dict)
    relations: list[ArgdownRelation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # see _argdown_model
