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
tombstone (``<D> cx:retired true``). A digest of version 2 starts with a ``v`` line.

With a version 2 digest the batch also writes one *answer block* per key it has
answers for (:attr:`argmap.corpus.index.MapIndex.answers`)::

    <urn:argmap:key:actor:5e1c...> cx:rows "=<D>\\t<base>\\n<c4>\\t<c1>\\n..." .

the rows of "what rests on what this actor asserts" (conclusion, premise) or "the
unanswered attacks on this statement" (statement, attack) in each map of the batch,
an ``=`` line naming the map's data graph and base, then one row a line, each IRI
written after the base when it starts with it (``<`` and the whole IRI otherwise). A
question about a name reads the key's blocks (one per batch holding it: one request,
a few rows) and keeps the rows of current data graphs (:func:`block_rows`).

Reading (:func:`read`): one request counts, in the catalog, the current maps, the
versions with catalog lines and the versions the corpus wrote (a ``cx:corpus`` line the
corpus adds to each version's catalog lines in its swap), and lists the batches and the
tombstones; digests not seen before are read and parsed once (they never change). When
the three counts are equal and equal to the maps the digests list (less the
tombstones), the digests describe the corpus exactly; otherwise (a map pushed or
deleted outside the corpus) :func:`read` returns ``None`` and the questions take the
slower path, one row per map, which is right in every case.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from argmap.corpus.index import CORPUS, COUNTS, CX, MapIndex
from argmap.store import CATALOG, Store
from argmap.store.push import ST

__all__ = [
    "VERSION",
    "Digest",
    "MapLine",
    "block_rows",
    "block_text",
    "clear_cache",
    "digest_text",
    "pinned",
    "read",
]

#: The digest format written now: 2 adds the answer blocks.
VERSION = 2

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
    #: data graph -> graph, for the current versions
    graph_of: dict[str, str] = field(default_factory=dict)
    #: every batch wrote answer blocks (version 2): the blocks answer for every map
    blocks: bool = True
    #: answers computed from this state of the corpus (by question), see ``cached``
    answers: dict[tuple[str, ...], Any] = field(default_factory=dict)

    def cached(self, key: tuple[str, ...], compute: Any) -> Any:
        """The answer ``compute()`` gave for ``key`` in this state of the corpus (a
        state never changes: any write makes a new one)."""
        if key not in self.answers:
            if len(self.answers) >= _CACHE_ANSWERS:
                self.answers.clear()
            self.answers[key] = compute()
        return self.answers[key]


def digest_text(maps: list[tuple[str, str, MapIndex]], shared: list[tuple[str, str, str]]) -> str:
    """The digest of a batch: (graph, data, index) per map; (kind, text, data) per fact."""
    lines = [f"v\t{VERSION}"]
    lines += [
        "\t".join(("m", g, d, ix.counts, ix.base, "1" if ix.foreign else "0", ix.schemes))
        for g, d, ix in maps
    ]
    lines += ["\t".join(("k", kind, d, text)) for kind, text, d in shared]
    return "\n".join(lines)


def _relative(iri: str, base: str) -> str:
    """``iri`` after ``base``, or whole after ``<`` (also when what follows the base
    starts with ``=``, which would read as a map's first line)."""
    if base and iri.startswith(base) and not iri.startswith("=", len(base)):
        return iri[len(base) :]
    return "<" + iri


def block_text(maps: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """One key's answer block: (data graph, base, rows) per map of the batch.

    >>> text = block_text([("urn:d", "urn:m/", [("urn:m/c", "urn:x")])])
    >>> text.split("\\n")
    ['=urn:d\\turn:m/', 'c\\t<urn:x']
    >>> block_rows(text, {"urn:d": "urn:g"})
    [('urn:g', 'urn:m/c', 'urn:x')]
    """
    lines: list[str] = []
    for data, base, rows in maps:
        lines.append(f"={data}\t{base}")
        lines.extend(f"{_relative(a, base)}\t{_relative(b, base)}" for a, b in rows)
    return "\n".join(lines)


def block_rows(text: str, graph_of: dict[str, str]) -> list[tuple[str, str, str]]:
    """The rows (graph, first IRI, second IRI) of an answer block whose data graph is
    current (in ``graph_of``, data graph -> graph)."""
    out: list[tuple[str, str, str]] = []
    for section in text.split("\n="):  # a map's rows: "=data\tbase", then a row a line
        head, _, body = section.partition("\n")
        data, _, base = head.removeprefix("=").partition("\t")
        graph = graph_of.get(data)
        if graph is None or not body:
            continue
        cells = body.replace("\n", "\t").split("\t")  # IRIs hold no tab nor newline
        if "<" in body:  # some IRIs written whole
            cells = [c[1:] if c.startswith("<") else base + c for c in cells]
        else:
            cells = [base + c for c in cells]
        out.extend(zip(repeat(graph, len(cells) // 2), cells[0::2], cells[1::2], strict=True))
    return out


def _select(store: Store, text: str) -> list[dict[str, Any]]:
    return store.select(_PREFIX + text)


#: Parsed digests by batch IRI (a digest never changes once written; its IRI is random),
#: and the last Digest assembled, by what it was assembled from.
_PARSED: dict[str, tuple[list[MapLine], list[tuple[str, str, str]], int]] = {}
_ASSEMBLED: dict[tuple[str, frozenset[str], frozenset[str]], Digest] = {}
_CACHE_BATCHES = 100_000
_CACHE_ANSWERS = 256


def clear_cache(*, answers_only: bool = False) -> None:
    """Forget the answers this process keeps (the next question computes its answer
    again) and, unless ``answers_only``, the parsed digests as well (the next question
    reads every digest again, as the first question of a new process does).

    The caches are never stale (a write makes a new corpus state, and an answer is only
    reused in the state it was computed from); clearing them frees memory, or measures
    a question's first call.
    """
    for digest in _ASSEMBLED.values():
        digest.answers.clear()
    if not answers_only:
        _ASSEMBLED.clear()
        _PARSED.clear()


def _parse(text: str) -> tuple[list[MapLine], list[tuple[str, str, str]], int]:
    maps: list[MapLine] = []
    facts: list[tuple[str, str, str]] = []
    names = list(COUNTS.values())
    version = 1
    for line in text.split("\n"):
        parts = line.split("\t")
        if parts[0] == "v":
            version = int(parts[1])
        elif parts[0] == "m":
            _, g, d, counts, base, foreign, schemes = parts
            maps.append(
                MapLine(
                    g,
                    d,
                    dict(zip(names, map(int, counts.split()), strict=True)),
                    base,
                    foreign == "1",
                    json.loads(schemes) if schemes != "{}" else {},
                )
            )
        elif parts[0] == "k":
            facts.append((parts[1], parts[2], parts[3]))
    return maps, facts, version


_PINNED = threading.local()  # .held: (store, digest) while a question computes, see ``pinned``


@contextmanager
def pinned(store: Store, digest: Digest) -> Iterator[None]:
    """While a question computes its answer for ``digest`` (just read), :func:`read` of
    ``store`` (this store object) in this thread returns it without asking again."""
    before = getattr(_PINNED, "held", None)
    _PINNED.held = (store, digest)
    try:
        yield
    finally:
        _PINNED.held = before


def read(store: Store, *, shared: bool = False) -> Digest | None:
    """The digest of the current corpus, or None when it does not describe it exactly.

    One request reads three counts of the catalog (current maps, versions with catalog
    lines, versions the corpus wrote), the batches and the tombstones; digests not seen
    before are then read and parsed once (``shared`` is accepted for clarity: the
    shared-key lines are always read). The digests describe the corpus exactly when the
    three counts are equal (every version in the catalog is current and was written by
    the corpus, so it is listed in a digest and not tombstoned) and equal to the maps
    the digests list, less the tombstones.
    """
    held: tuple[Store, Digest] | None = getattr(_PINNED, "held", None)
    if held is not None and held[0] is store:
        return held[1]
    rows = _select(
        store,
        "SELECT ?current ?versions ?marked ?batch ?retired WHERE { "
        f"{{ SELECT (COUNT(?d) AS ?current) WHERE {{ GRAPH <{CATALOG}> {{ ?g st:current ?d }} }} }} "
        f"UNION {{ SELECT (COUNT(?d) AS ?versions) WHERE {{ GRAPH <{CATALOG}> {{ ?d st:graph ?g }} }} }} "
        f"UNION {{ SELECT (COUNT(?d) AS ?marked) WHERE {{ GRAPH <{CATALOG}> {{ ?d cx:corpus ?x }} }} }} "
        f"UNION {{ GRAPH <{CORPUS}> {{ ?batch cx:digest ?text }} }} "
        f"UNION {{ GRAPH <{CORPUS}> {{ ?retired cx:retired ?x }} }} }}",
    )
    counts = {
        name: int(r[name].value)
        for r in rows
        for name in ("current", "versions", "marked")
        if r.get(name) is not None
    }
    total = counts.get("current", -1)
    if not total == counts.get("versions", -2) == counts.get("marked", -3):
        return None
    batches = frozenset(r["batch"].value for r in rows if r.get("batch") is not None)
    retired = frozenset(r["retired"].value for r in rows if r.get("retired") is not None)
    key = (store.location, batches, retired)
    if key in _ASSEMBLED:
        done = _ASSEMBLED[key]
        return done if len(done.maps) == total else None
    missing = sorted(batches - _PARSED.keys())
    for i in range(0, len(missing), 500):
        values = " ".join(f"<{b}>" for b in missing[i : i + 500])
        for r in _select(
            store,
            f"SELECT ?batch ?text WHERE {{ VALUES ?batch {{ {values} }} "
            f"GRAPH <{CORPUS}> {{ ?batch cx:digest ?text }} }}",
        ):
            if len(_PARSED) >= _CACHE_BATCHES:
                _PARSED.clear()
            _PARSED[r["batch"].value] = _parse(r["text"].value)
    out = Digest()
    facts: list[tuple[str, str, str]] = []
    for b in sorted(batches):
        if b not in _PARSED:  # removed since the first request
            return None
        lines, found, version = _PARSED[b]
        out.blocks = out.blocks and version >= 2
        for line in lines:
            if line.data in retired:
                continue
            if line.graph in out.maps:  # two lines for one graph: not exact
                return None
            out.maps[line.graph] = line
            out.graph_of[line.data] = line.graph
        facts.extend(found)
    for kind, d, text in facts:
        g = out.graph_of.get(d)
        if g is not None:
            out.shared.setdefault((kind, text), set()).add(g)
    _ASSEMBLED.clear()
    _ASSEMBLED[key] = out
    return out if len(out.maps) == total else None
