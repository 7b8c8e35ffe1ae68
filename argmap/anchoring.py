"""Anchors that survive edits: find a quote in a text, and re-find every quote of a source
in its revised text.

An :class:`~argmap.model.Anchor` holds both W3C Web Annotation selectors: the quote with
its prefix and suffix (``oa:TextQuoteSelector``) and its character offsets
(``oa:TextPositionSelector``). :func:`find_anchor` fills in offsets, prefix and suffix from
the quote and the text, so nobody counts characters. :func:`reanchor` re-finds each anchor
into one source in a revised text, trying in turn

1. **kept**: the quote is still at its offsets;
2. **moved**: the quote is found elsewhere (among several occurrences, the one whose
   surroundings best match the stored prefix and suffix, then the nearest);
3. **fuzzy** (with a score, 0-100): the stored prefix and suffix are found with new words
   between them (text inserted or reworded inside the quote), or the closest passage by
   fuzzy matching scores at least ``threshold``;
4. **lost**: none of these; the anchor keeps its quote and loses its offsets.

Fuzzy matching uses `rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_ (``pip install
argmap[compare]``): maintained, MIT, and its ``partial_ratio_alignment`` returns the best
window of the text with its offsets in C++ time. Without it argmap falls back to the
standard library's :mod:`difflib` (slower, on long texts much slower) and
:data:`FUZZY_BACKEND` says ``"difflib"``.

Examples
--------
>>> find_anchor("flawed", "The text is flawed, sadly.")
TextPosition(exact='flawed', start=12, end=18, prefix='The text is ', suffix=', sadly.')
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("x"); s = m.source("Doc", id="doc"); c = m.claim("Flawed.", id="c")
>>> _ = m.anchor(c, "flawed", source=s, text="The text is flawed, sadly.")
>>> [(r.node, r.status, r.anchor.start) for r in m.reanchor(s, "Sadly, the text is flawed.")]
[('c', 'moved', 19)]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from argmap.errors import ModelError
from argmap.model import Anchor

if TYPE_CHECKING:
    from argmap.map import ArgumentMap, Ref

__all__ = [
    "CONTEXT",
    "FUZZY_BACKEND",
    "AnchorResult",
    "ReanchorReport",
    "TextPosition",
    "find_anchor",
    "reanchor",
]

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote."""

try:  # pragma: no cover - which branch runs depends on the environment
    from rapidfuzz import fuzz as _fuzz

    FUZZY_BACKEND = "rapidfuzz"
except ImportError:  # pragma: no cover
    _fuzz = None  # type: ignore[assignment]
    FUZZY_BACKEND = "difflib"

Status = Literal["kept", "moved", "fuzzy", "lost"]


class TextPosition(NamedTuple):
    """Where a quote sits in a text: both Web Annotation selectors' fields."""

    exact: str
    start: int
    end: int
    prefix: str
    suffix: str


def _position(text: str, start: int, end: int, context: int) -> TextPosition:
    return TextPosition(
        text[start:end], start, end, text[max(0, start - context) : start], text[end : end + context]
    )


def find_anchor(
    quote: str, text: str, *, occurrence: int = 1, context: int = CONTEXT
) -> TextPosition | None:
    """The ``occurrence``-th place of ``quote`` in ``text``, with offsets, prefix and
    suffix; None when it is not there.

    >>> find_anchor("a", "banana", occurrence=3).start
    5
    >>> find_anchor("kiwi", "banana") is None
    True
    """
    if not quote:
        raise ModelError("find_anchor: the quote is empty")
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return _position(text, pos, pos + len(quote), context)


@dataclass(frozen=True)
class AnchorResult:
    """One anchor re-found: the node, its old anchor, the new one, how, and a score
    (100 for kept and moved, the similarity for fuzzy, 0 for lost)."""

    node: str
    status: Status
    old: Anchor
    anchor: Anchor
    score: float


@dataclass(frozen=True)
class ReanchorReport:
    """What :func:`reanchor` did to each anchor into one source."""

    source: str
    results: tuple[AnchorResult, ...]
    backend: str = FUZZY_BACKEND

    def __iter__(self) -> Iterator[AnchorResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def count(self, status: str) -> int:
        """How many anchors ended with ``status``."""
        return sum(1 for r in self.results if r.status == status)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: source, backend and one row per anchor."""
        return {
            "source": self.source,
            "backend": self.backend,
            "anchors": [
                {
                    "node": r.node,
                    "status": r.status,
                    "score": round(r.score, 1),
                    "exact": r.old.exact,
                    "new_exact": r.anchor.exact,
                    "old_start": r.old.start,
                    "start": r.anchor.start,
                    "end": r.anchor.end,
                }
                for r in self.results
            ],
        }

    def to_text(self) -> str:
        """One line per anchor: status, node, offsets, quote."""
        lines = [f"source {self.source} (fuzzy matching: {self.backend})"]
        for r in self.results:
            where = "-" if r.anchor.start is None else f"{r.anchor.start}-{r.anchor.end}"
            score = f" score {r.score:.0f}" if r.status == "fuzzy" else ""
            quote = " ".join(r.anchor.exact.split())
            quote = quote if len(quote) <= 60 else quote[:59] + "…"
            lines.append(f"  {r.status:<5}  {r.node}  {where}{score}  {quote!r}")
        return "\n".join(lines)


def _similarity(a: str, b: str) -> float:
    if _fuzz is not None:
        return float(_fuzz.ratio(a, b))
    return 100.0 * difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    score = 0.0
    if anchor.prefix:
        score += _similarity(anchor.prefix, before)
    if anchor.suffix:
        score += _similarity(anchor.suffix, after)
    return score


def _occurrences(quote: str, text: str) -> list[int]:
    out, pos = [], text.find(quote)
    while pos >= 0:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def _by_context(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """The span between the stored prefix and suffix, when both are found close together."""
    if not anchor.prefix or not anchor.suffix:
        return None
    limit = 2 * len(anchor.exact) + 80
    for tail in dict.fromkeys((anchor.prefix, anchor.prefix[-12:])):
        for head in dict.fromkeys((anchor.suffix, anchor.suffix[:12])):
            best: tuple[int, int] | None = None
            for p in _occurrences(tail, text):
                start = p + len(tail)
                s = text.find(head, start)
                if s > start and s - start <= limit:
                    span = (start, s)
                    if best is None or abs(start - (anchor.start or 0)) < abs(
                        best[0] - (anchor.start or 0)
                    ):
                        best = span
            if best is not None:
                return best
    return None


def _fuzzy(quote: str, text: str) -> tuple[float, int, int]:
    """The best approximate place of ``quote`` in ``text``: (score, start, end)."""
    if _fuzz is not None:
        found = _fuzz.partial_ratio_alignment(quote, text)
        if found is None:
            return 0.0, 0, 0
        return float(found.score), found.dest_start, found.dest_end
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    best = (0.0, 0, 0)
    for block in matcher.get_matching_blocks():
        if block.size == 0:
            continue
        start = max(0, block.a - block.b)
        end = min(len(text), start + len(quote))
        score = _similarity(quote, text[start:end])
        if score > best[0]:
            best = (score, start, end)
    return best


def _locate(anchor: Anchor, text: str, threshold: float) -> tuple[Status, int, int, float]:
    exact = anchor.exact
    if anchor.start is not None and text[anchor.start : anchor.start + len(exact)] == exact:
        return "kept", anchor.start, anchor.start + len(exact), 100.0
    places = _occurrences(exact, text)
    if places:
        old = anchor.start or 0
        start = max(
            places, key=lambda p: (_context_score(anchor, text, p, p + len(exact)), -abs(p - old))
        )
        return "moved", start, start + len(exact), 100.0
    span = _by_context(anchor, text)
    if span is not None:
        score = _similarity(exact, text[span[0] : span[1]])
        if score >= threshold / 2:  # the context vouches for the place; the words changed
            return "fuzzy", span[0], span[1], score
    score, start, end = _fuzzy(exact, text)
    if score >= threshold and end > start:
        return "fuzzy", start, end, score
    return "lost", 0, 0, 0.0


def reanchor(
    m: ArgumentMap,
    source: Ref,
    new_text: str,
    *,
    threshold: float = 80.0,
    apply: bool = True,
    context: int = CONTEXT,
) -> ReanchorReport:
    """Re-find every anchor into ``source`` in ``new_text`` (see the module docstring).

    With ``apply`` (the default) the map's anchors are updated: offsets, prefix, suffix
    and (for fuzzy ones) the quote follow the new text; a lost anchor keeps its quote,
    prefix and suffix and loses its offsets. Nothing is changed when any step fails.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x"); s = m.source("Doc", id="doc"); c = m.claim("C.", id="c")
    >>> _ = m.anchor(c, "draft is flawed", source=s, text="The draft is flawed today.")
    >>> r = m.reanchor(s, "The draft text is flawed today.", apply=False)
    >>> r.results[0].status, r.results[0].anchor.exact
    ('fuzzy', 'draft text is flawed')
    """
    source_id = m.resolve(source)
    if m[source_id].kind != "source":
        raise ModelError(f"reanchor: {source_id!r} is a {m[source_id].kind}, not a source")
    results: list[AnchorResult] = []
    updates = {}
    for node in m:
        if not any(a.source == source_id for a in node.anchors):
            continue
        anchors = []
        for old in node.anchors:
            if old.source != source_id:
                anchors.append(old)
                continue
            status, start, end, score = _locate(old, new_text, threshold)
            if status == "lost":
                new = old.model_copy(update={"start": None, "end": None})
            else:
                pos = _position(new_text, start, end, context)
                new = Anchor(
                    source=source_id, exact=pos.exact, prefix=pos.prefix, suffix=pos.suffix,
                    start=pos.start, end=pos.end,
                )
            results.append(AnchorResult(node.id, status, old, new, score))
            anchors.append(new)
        unique = tuple(dict.fromkeys(anchors))
        updates[node.id] = node.model_copy(update={"anchors": unique})
    if apply:
        for fresh in [type(n).model_validate(n.model_dump()) for n in updates.values()]:
            m._replace(fresh)
    return ReanchorReport(source_id, tuple(results))
