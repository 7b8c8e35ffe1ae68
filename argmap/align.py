"""Several maps on one question: propose correspondences, let the user accept them, merge.

:func:`align` compares the statements (claims, evidence, recommendations), actors and
alternatives of two or more maps and proposes pairs that say the same thing, each with a
score in [0, 1] built from three plain signals (no model weights):

* ``tokens``: the Dice overlap of the two texts' content words (lower-cased, stop words
  dropped, crude suffix stemming);
* ``chars``: the character similarity of the normalised texts (rapidfuzz's
  ``token_set_ratio`` when installed, else :mod:`difflib`);
* ``sources``: 1 when the two nodes quote the same passage of the same source (an anchor
  with the same exact text), or the same source at all, else 0.

``score = 0.55 * tokens + 0.30 * chars + 0.15 * sources``; pairs at or above ``threshold``
are proposed, each node in at most one pair per map pair (greedy, best first). A pair
where one text is negated and the other is not (``not``, ``no``, ``never``, ``hardly``,
...) gets ``relation="opposite"``: the maps part ways there, and :func:`merge` refuses to
link it by ``same_as`` (the others get ``relation="same"``). The
:class:`Alignment` is a table the user edits (``to_frame`` / ``to_csv``, the ``accept``
column) and hands back (``Alignment.from_frame`` / ``from_csv``); :func:`merge` then joins
the maps, linking only the accepted pairs through ``same_as``. Nothing is merged without
acceptance.

In the merged map every node's id is ``<map name>.<id>`` and its IRI the IRI it had in its
own map; ``data["from_map"]`` names the map that said it (provenance).

Examples
--------
>>> from argmap import ArgumentMap
>>> a = ArgumentMap("a"); _ = a.claim("Tuition fees should not be charged.", id="c")
>>> b = ArgumentMap("b"); _ = b.claim("Universities should not charge tuition fees.", id="c")
>>> al = align(a, b)
>>> [(r.left, r.right) for r in al.rows]
[('a.c', 'b.c')]
>>> m = merge([a, b], al.accept_all())
>>> m["a.c"].same_as == (b.iri_of("c"),)
True
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from argmap.callable_module import make_callable
from argmap.errors import MergeConflict, ModelError
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, Node

__all__ = ["Alignment", "Correspondence", "align", "merge"]

try:  # pragma: no cover - depends on the environment
    from rapidfuzz import fuzz as _fuzz
except ImportError:  # pragma: no cover
    _fuzz = None  # type: ignore[assignment]

_GROUPS = {**{k: "statement" for k in STATEMENT_KINDS}, "actor": "actor",
           "alternative": "alternative"}
_STOP_WORDS = (
    "a an the and or but if then so of to in on at by for with from as is are was were be "
    "been being it its this that these those there their they them we our us you your he she "
    "his her not no do does did can could should would will may might must also even only "
    "such than too very which who whom what when where why how all any some more most other "
    "into over under about again further once here just own same both each few rather really "
    "however nevertheless indeed plus already today"
)
_STOP = frozenset(_STOP_WORDS.split())
_NEGATION = frozenset({"not", "no", "never", "nor", "hardly", "t", "cannot", "without"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_COLUMNS = ("left", "right", "kind", "relation", "score", "tokens", "chars", "sources", "left_text",
            "right_text", "accept")


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ness", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _tokens(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOP)


def _negated(text: str) -> bool:
    return bool(_NEGATION & set(_WORD.findall(text.casefold())))


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _chars(a: str, b: str) -> float:
    if _fuzz is not None:
        return float(_fuzz.token_set_ratio(a, b)) / 100.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _sources(x: Node, y: Node) -> float:
    qx = {(a.source, _normal(a.exact)) for a in x.anchors}
    qy = {(a.source, _normal(a.exact)) for a in y.anchors}
    if qx & qy:
        return 1.0
    return 0.5 if {s for s, _ in qx} & {s for s, _ in qy} else 0.0


@dataclass(frozen=True)
class Correspondence:
    """One proposed pair: qualified ids (``<map>.<id>``), kind group, scores, and whether
    the user accepted it."""

    left: str
    right: str
    kind: str
    score: float
    tokens: float
    chars: float
    sources: float
    left_text: str = ""
    right_text: str = ""
    accept: bool = False
    relation: str = "same"


@dataclass(frozen=True)
class Alignment:
    """The proposals of :func:`align`, as a table the user edits."""

    rows: tuple[Correspondence, ...]

    def accepted(self) -> tuple[Correspondence, ...]:
        """The rows the user accepted."""
        return tuple(r for r in self.rows if r.accept)

    def accept_all(self, min_score: float = 0.0) -> Alignment:
        """A copy with every row scoring at least ``min_score`` accepted."""
        return Alignment(tuple(replace(r, accept=r.score >= min_score) for r in self.rows))

    def to_frame(self) -> Any:
        """The table as a pandas DataFrame (columns: left, right, kind, score, tokens, chars,
        sources, left_text, right_text, accept); needs pandas."""
        import pandas as pd

        return pd.DataFrame([[getattr(r, c) for c in _COLUMNS] for r in self.rows],
                            columns=list(_COLUMNS))

    @classmethod
    def from_frame(cls, frame: Any) -> Alignment:
        """Read an edited DataFrame back (the ``accept`` column decides)."""
        return cls._from_records(frame.to_dict("records"), "DataFrame")

    def to_csv(self, path: str | Path) -> None:
        """Write the table as CSV (UTF-8) for editing in a spreadsheet."""
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(_COLUMNS)
            for r in self.rows:
                w.writerow([getattr(r, c) for c in _COLUMNS])

    @classmethod
    def from_csv(cls, path: str | Path) -> Alignment:
        """Read an edited CSV back; ``accept`` is true for true/yes/1/x (any case)."""
        with Path(path).open(encoding="utf-8", newline="") as fh:
            return cls._from_records(list(csv.DictReader(fh)), str(path))

    @classmethod
    def _from_records(cls, records: Iterable[dict[str, Any]], where: str) -> Alignment:
        rows = []
        for line, rec in enumerate(records, start=2):
            try:
                accept = rec.get("accept", False)
                if isinstance(accept, str):
                    accept = accept.strip().casefold() in ("true", "yes", "1", "x", "y")
                rows.append(Correspondence(
                    left=str(rec["left"]), right=str(rec["right"]), kind=str(rec["kind"]),
                    score=float(rec["score"]), tokens=float(rec.get("tokens") or 0),
                    chars=float(rec.get("chars") or 0), sources=float(rec.get("sources") or 0),
                    left_text=str(rec.get("left_text") or ""),
                    right_text=str(rec.get("right_text") or ""), accept=bool(accept),
                    relation=str(rec.get("relation") or "same"),
                ))
            except (KeyError, ValueError, TypeError) as exc:
                raise ModelError(f"{where}: alignment row {line} is unusable: {exc!r}") from None
        return cls(tuple(rows))


def _names(maps: Sequence[ArgumentMap]) -> list[str]:
    names = [m.name for m in maps]
    if len(set(names)) != len(names):
        raise ModelError(f"align: the maps need distinct names, got {names}")
    return names


def align(*maps: ArgumentMap, threshold: float = 0.3) -> Alignment:
    """Propose correspondences between the statements, actors and alternatives of every
    pair of ``maps`` (see the module docstring for the score).

    >>> from argmap import ArgumentMap
    >>> a = ArgumentMap("a"); _ = a.actor("Russia", id="ru")
    >>> b = ArgumentMap("b"); _ = b.actor("Russia", id="rus"); _ = b.claim("Russia lies.")
    >>> [(r.left, r.right, r.kind, r.score) for r in align(a, b).rows]
    [('a.ru', 'b.rus', 'actor', 0.85)]
    """
    if len(maps) < 2:
        raise ModelError("align: give at least two maps")
    names = _names(maps)
    prepared = [
        [(n, _tokens(n.text), _normal(n.text)) for n in m if n.kind in _GROUPS and n.text]
        for m in maps
    ]
    rows: list[Correspondence] = []
    for i in range(len(maps)):
        for j in range(i + 1, len(maps)):
            scored = []
            for x, tx, nx_ in prepared[i]:
                for y, ty, ny in prepared[j]:
                    if _GROUPS[x.kind] != _GROUPS[y.kind]:
                        continue
                    tok = 2 * len(tx & ty) / (len(tx) + len(ty)) if tx and ty else 0.0
                    ch = _chars(nx_, ny)
                    src = _sources(x, y)
                    score = round(0.55 * tok + 0.30 * ch + 0.15 * src, 4)
                    if score >= threshold:
                        scored.append((score, tok, ch, src, x, y))
            used_x: set[str] = set()
            used_y: set[str] = set()
            for score, tok, ch, src, x, y in sorted(scored, key=lambda s: (-s[0], s[4].id,
                                                                           s[5].id)):
                if x.id in used_x or y.id in used_y:
                    continue
                used_x.add(x.id)
                used_y.add(y.id)
                relation = "opposite" if _negated(x.text) != _negated(y.text) else "same"
                rows.append(Correspondence(
                    f"{names[i]}.{x.id}", f"{names[j]}.{y.id}", _GROUPS[x.kind], score,
                    round(tok, 4), round(ch, 4), src, x.text, y.text, relation=relation,
                ))
    return Alignment(tuple(rows))


_REF_FIELDS = ("premises", "conclusion", "attacker", "target", "co_attackers", "actor",
               "source", "issue", "author", "publisher")


def _qualified(node: Node, m: ArgumentMap) -> Node:
    def q(ref: str) -> str:
        return f"{m.name}.{ref}"

    update: dict[str, Any] = {"id": q(node.id), "iri": m.iri_of(node.id),
                              "data": {**node.data, "from_map": m.name}}
    for name in _REF_FIELDS:
        value = getattr(node, name, None)
        if isinstance(value, tuple):
            update[name] = tuple(q(v) for v in value)
        elif isinstance(value, str):
            update[name] = q(value)
    if node.anchors:
        update["anchors"] = tuple(a.model_copy(update={"source": q(a.source)})
                                  for a in node.anchors)
    return node.model_copy(update=update)


def merge(
    maps: Sequence[ArgumentMap], alignment: Alignment, *, name: str = "merged"
) -> ArgumentMap:
    """Join ``maps`` into one, linking the *accepted* pairs of ``alignment`` with
    ``same_as`` both ways; every node keeps its IRI and says which map it came from.

    Raises :class:`~argmap.MergeConflict` when an accepted pair joins nodes of different
    kinds, naming the pair, and :class:`~argmap.ModelError` for an id not in the maps.
    """
    names = _names(maps)
    nodes: dict[str, Node] = {}
    abouts: list[tuple[str, str]] = []
    for m in maps:
        for node in m:
            fresh = _qualified(node, m)
            nodes[fresh.id] = fresh
        abouts += [(f"{m.name}.{a.statement}", f"{m.name}.{a.subject}") for a in m.abouts()]
    for row in alignment.accepted():
        for ref in (row.left, row.right):
            if ref not in nodes:
                raise ModelError(f"merge: alignment names {ref!r}, which is in none of the maps "
                                 f"{names}")
        x, y = nodes[row.left], nodes[row.right]
        if row.relation != "same":
            raise MergeConflict(
                f"merge: accepted pair {row.left!r} and {row.right!r} is marked "
                f"{row.relation!r}, not 'same': statements that part ways are not same_as"
            )
        if x.kind != y.kind:
            raise MergeConflict(
                f"merge: accepted pair {row.left!r} ({x.kind}) and {row.right!r} ({y.kind}) "
                "are of different kinds; accept only pairs of one kind"
            )
        for a, b in ((x, y), (y, x)):
            iri = b.iri or ""
            if iri and iri not in a.same_as:
                nodes[a.id] = a.model_copy(update={"same_as": (*a.same_as, iri)})
    return ArgumentMap.from_nodes(nodes.values(), abouts, name=name)


make_callable(__name__, align)  # argmap.align(a, b) calls align(); the module stays one
