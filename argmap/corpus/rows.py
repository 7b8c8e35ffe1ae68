"""The rows the questions across maps answer with (:mod:`argmap.corpus.questions`).

Each row is a frozen dataclass, ordered by its fields; :class:`Rows` is a list of them
that turns into a pandas DataFrame or JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Generic, TypeVar

__all__ = ["MapTotals", "Ratio", "RestingOn", "Rows", "SchemeCount", "Shared", "Unanswered"]

T = TypeVar("T")


class Rows(list[T], Generic[T]):
    """A list of dataclass rows that turns into a DataFrame or JSON.

    >>> Rows([Ratio("g", 2, 1, 2.0)]).to_json()
    '[{"graph": "g", "arguments": 2, "attacks": 1, "ratio": 2.0}]'
    """

    def to_dicts(self) -> list[dict[str, Any]]:
        """Each row as a dict (tuples as lists)."""
        return [
            {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(r).items()}  # type: ignore[call-overload]
            for r in self
        ]

    def to_json(self, **options: Any) -> str:
        """The rows as a JSON array of objects."""
        return json.dumps(self.to_dicts(), **options)

    def to_frame(self, row_type: type | None = None) -> Any:
        """A pandas DataFrame, one column per field (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is optional
            raise ImportError("to_frame() needs pandas: pip install pandas") from exc
        columns = (
            [f.name for f in fields(row_type or type(self[0]))] if (self or row_type) else None
        )
        return pd.DataFrame(self.to_dicts(), columns=columns)


@dataclass(frozen=True, order=True)
class MapTotals:
    """How many nodes of each kind one map holds (the keys of ``argmap info``)."""

    graph: str
    statements: int
    claims: int
    evidence: int
    recommendations: int
    actors: int
    alternatives: int
    issues: int
    arguments: int
    attacks: int
    stances: int


@dataclass(frozen=True, order=True)
class Ratio:
    """Arguments (support) and attacks of one map; ``ratio`` None when it has no attack."""

    graph: str
    arguments: int
    attacks: int
    ratio: float | None


@dataclass(frozen=True, order=True)
class Shared:
    """A name, text or IRI (``key``) found in several maps; ``by`` is name or same_as."""

    key: str
    by: str
    graphs: tuple[str, ...]


@dataclass(frozen=True, order=True)
class SchemeCount:
    """How many arguments, in how many maps, name ``scheme``."""

    scheme: str
    arguments: int
    maps: int


@dataclass(frozen=True, order=True)
class RestingOn:
    """``conclusion`` of the map stored as ``graph`` rests on ``premise`` (IRIs)."""

    graph: str
    conclusion: str
    premise: str


@dataclass(frozen=True, order=True)
class Unanswered:
    """In the map stored as ``graph``, ``attack`` attacks ``statement`` unanswered."""

    graph: str
    statement: str
    attack: str
