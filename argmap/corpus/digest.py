"""Batch digests: what the whole-corpus questions read, in a few rows.

A store answers slowly in rows (on Oxigraph each row's terms are looked up one by one:
about 0.1 ms a row on the benchmark machine), so a question reading a line per map, or
a line per statement, cannot stay under 100 ms at 10,000 maps. Each batch the corpus
writes (:func:`argmap.corpus.write.write_batch`) therefore also writes one *digest*: a
single literal in the corpus graph, tab-separated lines::

    <urn:argmap:batch:...> cx:digest "m <G> <D> counts base foreign schemes-json
                                      k statement <D> normalised text ..." .
    <D> cx:batch <urn:argmap:batch:...> .

An ``m`` line per map written (graph, data graph, counts by kind, base IRI, whether a
node has an IRI of its own, arguments by scheme), a ``k`` line per (shared key, data
graph) the batch found: each key of the batch held by another map (in the store, or in
the batch) with every data graph holding it. A replaced or removed version gets a
tombstone (``<D> cx:retired true``).

Reading (:func:`read`): the digests, the tombstones, and two counts made in the store
(current maps; current maps with a digest). When the maps the digests list (less the
tombstones) are exactly the current maps, the digests are the answer; otherwise (a map
pushed or deleted outside the corpus) :func:`read` returns ``None`` and the questions
take the slower path, one row per map, which is right in every case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from argmap.corpus.index import CORPUS, COUNTS, CX, MapIndex
from argmap.store import CATALOG, Store
from argmap.store.push import ST

__all__ = ["Digest", "MapLine", "digest_text", "read"]

_PREFIX = f"PREFIX st: <{ST}>\nPREFIX cx: <{CX}>\n"


@dataclass(frozen=True)
class MapLine:
    """One map of a digest."""

    graph: str
    data: str
    counts: dict[str, int]
    base: str
    foreign: bool
    schemes: dict[str, int]


@dataclass
class Digest:
    """The current maps, and the (kind, key text) -> graphs the digests list as shared."""

    maps: dict[str, MapLine] = field(default_factory=dict)  # by graph
    shared: dict[tuple[str, str], set[str]] = field(default_factory=dict)


def digest_text(maps: list[tuple[str, str, MapIndex]], shared: list[tuple[str, str, str]]) -> str:
    """The digest of a batch: (graph, data, index) per map; (kind, text, data) per fact."""
    lines = [
        "\t".join(("m", g, d, ix.counts, ix.base, "1" if ix.foreign else "0", ix.schemes))
        for g, d, ix in maps
    ]
    lines += ["\t".join(("k", kind, d, text)) for kind, text, d in shared]
    return "\n".join(lines)


def _select(store: Store, text: str) -> list[dict[str, object]]:
    return store.select(_PREFIX + text)


def read(store: Store, *, shared: bool = False) -> Digest | None:
    """The digest of the current corpus, or None when it does not describe it exactly.

    ``shared``: also read the shared-key lines.
    """
    current = f"GRAPH <{CATALOG}> {{ ?g st:current ?d }}"
    # one request: the two counts, the tombstones and the digests (no BIND: Virtuoso
    # 7.2 loses rows bound inside a UNION)
    rows = _select(
        store,
        f"SELECT ?total ?digested ?retired ?text WHERE {{ "
        f"{{ SELECT (COUNT(?d) AS ?total) WHERE {{ {current} }} }} "
        f"UNION {{ SELECT (COUNT(?d) AS ?digested) WHERE {{ {current} "
        f"GRAPH <{CORPUS}> {{ ?d cx:batch ?b }} }} }} "
        f"UNION {{ GRAPH <{CORPUS}> {{ ?retired cx:retired ?x }} }} "
        f"UNION {{ GRAPH <{CORPUS}> {{ ?b cx:digest ?text }} }} }}",
    )
    counts = {
        name: int(r[name].value)  # type: ignore[attr-defined]
        for r in rows
        for name in ("total", "digested")
        if r.get(name) is not None
    }
    total = counts.get("total", -1)
    if total != counts.get("digested", -2):
        return None
    retired = {r["retired"].value for r in rows if r.get("retired") is not None}  # type: ignore[attr-defined]
    rows = [r for r in rows if r.get("text") is not None]
    out = Digest()
    graph_of: dict[str, str] = {}
    facts: list[list[str]] = []
    names = list(COUNTS.values())
    for r in rows:
        text = r["text"].value  # type: ignore[attr-defined]
        for line in text.split("\n"):
            parts = line.split("\t")
            if parts[0] == "m":
                _, g, d, counts, base, foreign, schemes = parts
                if d in retired:
                    continue
                if g in out.maps:  # two lines for one graph: the digests are not exact
                    return None
                out.maps[g] = MapLine(
                    g,
                    d,
                    dict(zip(names, map(int, counts.split()), strict=True)),
                    base,
                    foreign == "1",
                    json.loads(schemes) if schemes != "{}" else {},
                )
                graph_of[d] = g
            elif parts[0] == "k" and shared:
                facts.append(parts)
    if len(out.maps) != total:
        return None
    for _, kind, d, text in facts:
        g = graph_of.get(d)
        if g is not None:
            out.shared.setdefault((kind, text), set()).add(g)
    return out
