"""Findings made when they are read: the sequence a :class:`ValidationReport` holds.

On a large map the rules find hundreds of thousands of problems (every argument with an
open critical question is one), while a report is mostly counted, checked for errors, or
shown a page at a time. So a map rule yields a light :data:`Hit` (the ids and models of
the nodes involved, a function that words the message, its arguments, the anchor to
quote) and :class:`LazyFindings` keeps the hits in report order, making each
:class:`~argmap.validate.Finding` (message, node references, quote) the first time it is
read. What reading gives is what the eager path gave: the same findings, in the same
order (severity, rule, node ids, message), compared, printed and serialised alike
(``tests/test_validate_fast.py`` holds the two paths to that).

A hit holds the node models, not just their ids, so a report read after the map has
changed still describes the map as it was checked.

Examples
--------
>>> from argmap.validate._finding import Finding
>>> seq = LazyFindings.of([Finding("b", "info", "m2"), Finding("a", "error", "m1")])
>>> [f.rule for f in seq], len(seq), seq[0].message
(['a', 'b'], 2, 'm1')
>>> seq == (Finding("a", "error", "m1"), Finding("b", "info", "m2"))
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from operator import eq, itemgetter
from typing import TYPE_CHECKING, Any, TypeAlias, overload

from argmap.validate._finding import SEVERITIES, SEVERITY_RANK, Finding, NodeRef, quote_of

if TYPE_CHECKING:
    from argmap.model import Anchor, Node

__all__ = ["Hit", "LazyFindings", "Record", "records_of", "sort_records"]

Hit: TypeAlias = "tuple[tuple[str, ...], tuple[Node, ...], Callable[..., str], tuple[Any, ...], Anchor | None]"
"""What a map rule yields: ``(node ids, node models, words, args, anchor)``; the message is
``words(node models, *args)``, the quote ``anchor`` or else the first anchor of the nodes."""

Record: TypeAlias = "tuple[int, str, tuple[str, ...], int, Hit | Finding]"
"""``(severity rank, rule id, node ids, sequence number, a hit or a finding made already)``:
sorting records sorts by the report's key up to the message (the numbers are unique, so
the payloads are never compared)."""

_rank_of = itemgetter(0)
_ids_of = itemgetter(2)


def records_of(findings: Iterable[Finding], start: int = 0) -> list[Record]:
    """Records of findings made already, numbered from ``start`` in the order given."""
    return [
        (SEVERITY_RANK.get(f.severity, 3), f.rule, f.node_ids, i, f)
        for i, f in enumerate(findings, start)
    ]


def _message(record: Record) -> str:
    payload = record[4]
    if isinstance(payload, Finding):
        return payload.message
    return payload[2](payload[1], *payload[3])


def sort_records(records: list[Record]) -> None:
    """Put records in report order, in place: severity, rule, node ids, then message, and
    records equal in all four keep the order they came in (as a stable sort by the four
    keys would). Messages are made only for records tied on the first three."""
    records.sort()
    if len(records) < 2:
        return
    ids = list(map(_ids_of, records))
    same = list(map(eq, ids, islice(ids, 1, None)))
    if True not in same:
        return
    i, n = 0, len(records)
    while i < n - 1:
        if not same[i] or records[i][:2] != records[i + 1][:2]:
            i += 1
            continue
        j = i + 1
        while j < n - 1 and same[j] and records[j][:2] == records[j + 1][:2]:
            j += 1
        records[i:j + 1] = sorted(records[i:j + 1], key=_message)
        i = j + 1


def _made(record: Record, base: str) -> Finding:
    """The finding a hit stands for (what ``MapIndex.finding`` made eagerly)."""
    rank, rule, _ids, _seq, payload = record
    assert not isinstance(payload, Finding)
    _, nodes, words, args, anchor = payload
    refs = []
    for node in nodes:
        if anchor is None and node.anchors:
            anchor = node.anchors[0]
        # ids are letters, digits and "._~-", which iri_for leaves as they are
        refs.append(NodeRef(node.id, node.kind, node.iri or base + node.id, node.text))
    return Finding(rule, SEVERITIES[rank], words(nodes, *args), tuple(refs), *quote_of(anchor))


class LazyFindings(Sequence[Finding]):
    """The findings of a report, in report order, each made when first read.

    It behaves as the tuple of findings it stands for: ``len``, iteration, indexing
    (a slice gives a tuple), ``==`` with a tuple or another :class:`LazyFindings`,
    ``hash``, ``repr``, ``in`` and ``+``.

    Parameters
    ----------
    records:
        :data:`Record` s already in report order (see :func:`sort_records`).
    base:
        The map's node IRI prefix, for the IRIs of nodes without an explicit one.
    """

    __slots__ = ("_base", "_made", "_records")

    def __init__(
        self, records: list[Record], base: str = "", made: dict[int, Finding] | None = None
    ) -> None:
        self._records = records
        self._base = base
        self._made: dict[int, Finding] = {} if made is None else made

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> LazyFindings:
        """Findings made already, sorted into report order."""
        records = records_of(findings)
        sort_records(records)
        return cls(records)

    # ------------------------------------------------------------ sequence

    def _make(self, i: int) -> Finding:
        record = self._records[i]
        payload = record[4]
        if isinstance(payload, Finding):
            return payload
        found = self._made.get(record[3])
        if found is None:
            found = self._made[record[3]] = _made(record, self._base)
        return found

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...

    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        positions = range(len(self._records))[index]
        if isinstance(positions, range):
            return tuple(self._make(i) for i in positions)
        return self._make(positions)

    def __iter__(self) -> Iterator[Finding]:
        make = self._make
        return (make(i) for i in range(len(self._records)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LazyFindings | tuple):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[Any, ...]:
        if not isinstance(other, LazyFindings | tuple):
            return NotImplemented
        return (*self, *other)

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if not isinstance(other, tuple):
            return NotImplemented
        return (*other, *self)

    def __repr__(self) -> str:
        return repr(tuple(self))

    # ------------------------------------------------------------ without making findings

    def _severity(self, record: Record) -> str:
        payload = record[4]
        return payload.severity if isinstance(payload, Finding) else SEVERITIES[record[0]]

    def has_errors(self) -> bool:
        """Whether some finding is an error."""
        return 0 in map(_rank_of, self._records)

    def rank_counts(self) -> Counter[int]:
        """How many findings of each severity rank (0 error, 1 warning, 2 info, 3 other)."""
        return Counter(map(_rank_of, self._records))

    def of_rank(self, rank: int) -> list[Finding]:
        """The findings of one severity rank."""
        return [self._make(i) for i, r in enumerate(self._records) if r[0] == rank]

    def select(
        self,
        rules: set[str] | None = None,
        severities: set[str] | None = None,
        node: str | None = None,
    ) -> LazyFindings:
        """The findings of the given rules and severities, about ``node`` (None: any)."""
        kept = [
            r for r in self._records
            if (rules is None or r[1] in rules)
            and (severities is None or self._severity(r) in severities)
            and (node is None or node in r[2])
        ]
        return LazyFindings(kept, self._base, self._made)
