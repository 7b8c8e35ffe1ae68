"""What differs between SPARQL servers, in one small, documented adapter per server.

argmap sends one query per meaning (the ``.rq`` files of :mod:`argmap.queries`) to every
store and speaks only the W3C protocols: SPARQL 1.1 Query, SPARQL 1.1 Update and the
Graph Store HTTP Protocol. Servers still differ in where those endpoints live, how they
authenticate, how fast each way of loading is, and in a few answers. A :class:`Dialect`
holds those differences as data, so the code that pushes, pulls and queries has no
``if server == ...`` in it.

Three dialects ship:

``oxigraph`` (`Oxigraph server <https://github.com/oxigraph/oxigraph>`_, 0.5)
    Endpoints ``/query``, ``/update``, ``/store``; no authentication (bind it to
    127.0.0.1). Uploads use ``POST /store?graph=G&no_transaction``: the bulk loader,
    measured here at 30-45k triples/s on argmap maps (130k/s on short triples) against
    6k/s for a transactional Graph Store ``PUT`` of 470k triples. A transactional write of a large graph is slow and memory-hungry on
    Oxigraph 0.5 (``MOVE`` of 470k triples: 78 s; of 4.7M: still running after 15 min with
    9 GB of server memory), so argmap never copies or moves a map's data in one
    transaction: a push loads a fresh graph and swaps a one-triple pointer
    (:mod:`argmap.store.push`), and an old version is deleted in batches of
    :attr:`Dialect.delete_batch` triples.
``virtuoso`` (OpenLink Virtuoso open source 7.2)
    Queries at ``/sparql`` (anonymous, read-only), updates at ``/sparql-auth`` and the
    Graph Store at ``/sparql-graph-crud-auth``, both behind HTTP *digest* auth. Seen on
    7.2.5 and handled here: JSON results use the legacy ``typed-literal`` type and write
    ``xsd:boolean`` values as ``1``/``0`` (normalised by :meth:`Dialect.term`); updates
    answer ``200`` with a result set instead of ``204``; ``DROP GRAPH`` without
    ``SILENT`` fails on a graph not made by ``CREATE GRAPH`` (argmap always says
    ``SILENT``); ``CLEAR ALL`` answers 200 and clears nothing and Graph Store ``?default``
    answers 500 (argmap uses neither); results over ``ResultSetMaxRows`` (default 10000)
    are cut silently, which argmap detects (the ``X-SPARQL-MaxRows`` header, and triple
    counts on pull) and reports as :class:`~argmap.errors.StoreProtocolError`; a
    multi-operation update is not atomic (an earlier operation stays applied when a later
    one fails), so every swap argmap makes is a single operation. Transitive property
    paths need a bound start (``transitive start not given`` otherwise), alternatives
    holding a sequence fail inside ``GRAPH <g> {}`` but work with ``FROM <g>``,
    ``path+`` without ``DISTINCT`` repeats rows, and ``<x> path+ ?y`` leaves out ``x``
    even where a cycle leads back to it. Worse, the engine behind transitive paths loses
    answers in some of the plans Virtuoso picks (docs/stores.md), so argmap walks every
    transitive path that starts from a constant itself, one step per request, and sends
    Virtuoso plain joins (:attr:`Dialect.transitive_paths`,
    :meth:`Dialect.expand_paths`). Queries are scoped to one map with the protocol's
    ``default-graph-uri`` (the same as ``FROM``).
``generic``
    Any other SPARQL 1.1 server (GraphDB, Fuseki, Neptune, Stardog, ...): the URL given is
    the query endpoint, and the update and Graph Store URLs default to it (servers that
    split them need ``update_url``/``gsp_url``); HTTP basic or bearer auth; uploads are
    Graph Store ``POST``.

Examples
--------
>>> DIALECTS["virtuoso"].gsp_path
'/sparql-graph-crud-auth'
>>> import pyoxigraph as ox
>>> DIALECTS["virtuoso"].term({"type": "typed-literal", "value": "1",
...     "datatype": "http://www.w3.org/2001/XMLSchema#boolean"})
<Literal value=true datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#boolean>>
>>> detect("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name
'virtuoso'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pyoxigraph as ox

from argmap.errors import StoreError, StoreProtocolError
from argmap.vocab import XSD

__all__ = ["DIALECTS", "Dialect", "Expanded", "SelectFn", "detect", "get_dialect"]

_BNODE_BAD = re.compile(r"[^A-Za-z0-9_\-.]")
_TERM = r"(?:<[^<>\"{}|^`\\\x00-\x20]*>|(?:[A-Za-z][\w\-]*)?:[\w\-]+)"
# FILTER EXISTS holding one triple pattern with one variable: ?x p o (p, o constants).
_EXISTS_ONE = re.compile(
    rf"FILTER\s+EXISTS\s*\{{\s*(?P<s>\?\w+)\s+(?P<p>a|{_TERM})\s+(?P<o>{_TERM})\s*\.?\s*\}}"
)


@dataclass(frozen=True)
class Dialect:
    """How one kind of server is addressed and what its answers need to be read right.

    Attributes:
        name: ``oxigraph``, ``virtuoso`` or ``generic``.
        query_path: the query endpoint, relative to the server's base URL.
        update_path: the update endpoint, relative to the base URL.
        gsp_path: the Graph Store endpoint, relative to the base URL.
        auth: the HTTP auth scheme for a user and password (``basic`` or ``digest``).
        upload_params: extra query parameters of a Graph Store ``POST`` that uploads a
            batch (Oxigraph: ``no_transaction``, its bulk loader).
        batch_triples: triples per uploaded batch by default.
        delete_batch: delete a graph larger than this in batches of this many triples
            (0: one ``DROP``), for servers whose large transactions are slow.
        max_rows_header: the response header that says a result was truncated.
        exact_counts: whether the server keeps every triple it is sent as sent (Virtuoso
            may fold literals of equal value, such as ``"01"^^xsd:integer`` and ``1``).
        query_pragma: text put in front of every query (see :meth:`adapt`).
        exists_as_join: write ``FILTER EXISTS { ?x p <o> }`` as the pattern itself.
        hints: ``(text in an error, advice)`` pairs added to the server's errors.
        graphs_query: a SELECT of ``?g``, every named graph. ``GRAPH ?g {}`` is cheap
            where it works; Virtuoso 7.2 answers it with one empty row, so the safe
            default scans the triples.
        transitive_paths: whether the server's own evaluation of transitive property
            paths (``p+``, ``p*``) is trusted. When not, argmap walks each path that
            starts from a constant itself, one step per request, and sends the nodes it
            reaches as ``VALUES`` (see :meth:`expand_paths`).
        values_batch: the most terms argmap puts in one ``VALUES`` block.
        trace_twins: whether :func:`argmap.store.trace_sets` runs the seven SPARQL twins
            in the server. When not, the sets come from the plain ``CONSTRUCT`` fetches of
            :func:`argmap.store.trace` (Virtuoso 7.2 lost rows of the ``trace_attacks``
            twin, an ``EXISTS`` over a ``UNION``, on servers that had taken many pushes).
    """

    name: str
    query_path: str = ""
    update_path: str = ""
    gsp_path: str = ""
    auth: str = "basic"
    upload_params: dict[str, str] = field(default_factory=dict)
    batch_triples: int = 50_000
    delete_batch: int = 0
    max_rows_header: str | None = None
    exact_counts: bool = True
    query_pragma: str = ""
    exists_as_join: bool = False
    hints: tuple[tuple[str, str], ...] = ()
    graphs_query: str = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    transitive_paths: bool = True
    values_batch: int = 2000
    trace_twins: bool = True

    def term(self, value: dict[str, Any]) -> Any:
        """One term of a SPARQL JSON result as a pyoxigraph term, normalised.

        Accepts the standard types (``uri``, ``literal``, ``bnode``) and the legacy
        ``typed-literal``; writes ``xsd:boolean`` as ``true``/``false``.

        >>> DIALECTS["generic"].term({"type": "uri", "value": "https://example.org/x"})
        <NamedNode value=https://example.org/x>
        >>> DIALECTS["generic"].term({"type": "triple", "value": "x"})
        Traceback (most recent call last):
        ...
        argmap.errors.StoreProtocolError: a SPARQL JSON result holds a term of unknown type 'triple'
        """
        try:
            kind = value["type"]
            text = value["value"]
        except (KeyError, TypeError):
            raise StoreProtocolError(
                f"a SPARQL JSON result holds a malformed term: {str(value)[:80]!r}"
            ) from None
        if not isinstance(text, str):
            raise StoreProtocolError(f"a SPARQL JSON term value is not a string: {text!r}")
        try:
            if kind == "uri":
                return ox.NamedNode(text)
            if kind in ("literal", "typed-literal"):
                lang = value.get("xml:lang")
                if lang:
                    return ox.Literal(text, language=lang)
                datatype = value.get("datatype")
                if datatype is None or datatype == XSD + "string":
                    return ox.Literal(text)
                if datatype == XSD + "boolean":
                    text = {"1": "true", "0": "false"}.get(text, text)
                return ox.Literal(text, datatype=ox.NamedNode(datatype))
            if kind == "bnode":
                return ox.BlankNode(_BNODE_BAD.sub("_", text) or "b")
        except ValueError as exc:
            raise StoreProtocolError(f"a SPARQL JSON result holds a bad term: {exc}") from None
        raise StoreProtocolError(f"a SPARQL JSON result holds a term of unknown type {kind!r}")

    def adapt(self, query: str) -> str:
        """``query`` as this server should receive it (the same meaning).

        :attr:`query_pragma`, when set, is put in front. (Virtuoso's used to be
        ``DEFINE sql:select-option "order"``, a hedge against the lost answers that
        :meth:`expand_paths` now avoids; forcing the written join order made Virtuoso
        7.2.5 estimate a one-row ``trace_anchors`` query at 231961 s and refuse it, 69
        times in 1121 random maps, so no pragma is sent any more.)

        Virtuoso answers ``FILTER EXISTS { ?x p <o> }`` inside ``GRAPH ?g`` with no rows
        at all; a filter holding one triple pattern whose only variable is already bound
        means the same as that pattern joined, which Virtuoso answers right, so the
        adapter writes it so (``exists_as_join``).

        >>> DIALECTS["oxigraph"].adapt("ASK {}")
        'ASK {}'
        >>> DIALECTS["virtuoso"].adapt("ASK { ?p :q ?r FILTER EXISTS { ?r a :R } }")
        'ASK { ?p :q ?r ?r a :R . }'

        The rewrite assumes the filter's variable is bound by the rest of the group, as in
        argmap's queries; a query of your own sent to Virtuoso should not rely on
        ``FILTER EXISTS`` with an unbound variable.
        """
        if self.exists_as_join:
            query = _EXISTS_ONE.sub(r"\g<s> \g<p> \g<o> .", query)
        return f"{self.query_pragma}\n{query}" if self.query_pragma else query

    def expand_paths(self, query: str, select: SelectFn) -> Expanded:
        """``query`` with each transitive path from a constant walked by argmap.

        Only when :attr:`transitive_paths` is false (Virtuoso); otherwise ``query`` goes
        as it is. A triple pattern ``<s> PATH ?o`` whose path holds ``+`` or ``*``
        (sequences, inverses and ``?`` of plain IRIs around them, written without spaces
        as argmap's queries write them) is evaluated by one-step queries: the nodes
        reached so far go out as ``VALUES`` (:attr:`values_batch` at a time) with the
        step as plain triple patterns, until no new node comes back. The pattern is then
        replaced by ``VALUES ?o { the nodes reached }``: the same solutions (each once,
        where a path could repeat one). The step queries run in the dataset of ``query``
        (its ``FROM`` clauses, the enclosing ``GRAPH <g>``, the protocol's default
        graph, all through ``select``). A pattern whose start is a variable, or inside
        ``GRAPH ?g`` or ``SERVICE``, is left to the server.

        When more nodes are reached than one ``VALUES`` block holds, ``query`` is split
        into one query per block, which is sound where the answer is the union of the
        parts: a ``SELECT DISTINCT``, ``ASK`` or ``CONSTRUCT`` with no aggregate,
        ``LIMIT``/``OFFSET``/``ORDER BY``, and the pattern not under ``OPTIONAL``,
        ``MINUS``, ``EXISTS`` or ``UNION``. Otherwise it goes as one block.

        >>> steps = {"<urn:r>": ["<urn:a>"], "<urn:a>": ["<urn:b>"], "<urn:b>": ["<urn:a>"]}
        >>> def select(q):
        ...     starts = re.search(r"VALUES \\?argmap_0 \\{ ([^}]*) \\}", q).group(1).split()
        ...     return [{"argmap_2": ox.NamedNode(n[1:-1])} for s in starts for n in steps.get(s, [])]
        >>> out = DIALECTS["virtuoso"].expand_paths(
        ...     "SELECT DISTINCT ?x WHERE { <urn:r> (^<urn:c>/<urn:p>)+ ?x . }", select)
        >>> out.queries
        ('SELECT DISTINCT ?x WHERE { VALUES ?x { <urn:a> <urn:b> } }',)
        >>> DIALECTS["oxigraph"].expand_paths("ASK { <urn:r> <urn:p>+ ?x }", select).queries
        ('ASK { <urn:r> <urn:p>+ ?x }',)
        """
        if self.transitive_paths:
            return Expanded((query,))
        return _expand(query, select, max(1, self.values_batch))

    def hint(self, message: str) -> str:
        """Advice to add to a server's error ``message`` (empty when there is none).

        >>> DIALECTS["virtuoso"].hint("The estimated execution time 667 (sec) exceeds")[:40]
        ' (Virtuoso refuses queries its optimiser'
        """
        for needle, advice in self.hints:
            if needle in message:
                return f" ({advice})"
        return ""

    def with_options(self, **changes: Any) -> Dialect:
        """A copy with some attributes changed (``batch_triples``, ``delete_batch``, ...).

        >>> DIALECTS["oxigraph"].with_options(batch_triples=10).batch_triples
        10
        """
        return replace(self, **changes)


DIALECTS: dict[str, Dialect] = {
    "oxigraph": Dialect(
        name="oxigraph",
        query_path="/query",
        update_path="/update",
        gsp_path="/store",
        upload_params={"no_transaction": ""},
        batch_triples=200_000,
        delete_batch=20_000,
        graphs_query="SELECT ?g WHERE { GRAPH ?g {} }",
    ),
    "virtuoso": Dialect(
        name="virtuoso",
        query_path="/sparql",
        update_path="/sparql-auth",
        gsp_path="/sparql-graph-crud-auth",
        auth="digest",
        batch_triples=50_000,
        max_rows_header="x-sparql-maxrows",
        exact_counts=False,
        exists_as_join=True,
        transitive_paths=False,
        values_batch=1000,
        trace_twins=False,
        hints=(
            (
                "estimated execution time",
                "Virtuoso refuses queries its optimiser estimates above "
                "[SPARQL] MaxQueryCostEstimationTime (400 s in the packaged virtuoso.ini), "
                "and its estimates can be far off; raise it, or leave it out of "
                "virtuoso.ini as OpenLink advises and bound MaxQueryExecutionTime instead",
            ),
            (
                "Too many arguments for standard built-in function",
                "a VALUES block or IN list of several thousand terms is more than Virtuoso "
                "7.2 compiles; send fewer at a time",
            ),
            (
                "Hash dictionary is full",
                "raise [SPARQL] MaxConstructTriples or ResultSetMaxRows in virtuoso.ini",
            ),
        ),
    ),
    "generic": Dialect(name="generic"),
    # The embedded store: pyoxigraph in this process (see argmap.store.embedded).
    "embedded": Dialect(
        name="embedded",
        batch_triples=200_000,
        delete_batch=20_000,
        graphs_query="SELECT ?g WHERE { GRAPH ?g {} }",
    ),
}


def get_dialect(name: str) -> Dialect:
    """The dialect called ``name``.

    >>> get_dialect("fuseki")
    Traceback (most recent call last):
    ...
    argmap.errors.StoreError: unknown store dialect 'fuseki'; known: embedded, generic, oxigraph, virtuoso
    """
    try:
        return DIALECTS[name]
    except KeyError:
        known = ", ".join(sorted(DIALECTS))
        raise StoreError(f"unknown store dialect {name!r}; known: {known}") from None


def detect(server_header: str | None) -> Dialect:
    """The dialect of a server from its HTTP ``Server`` header (``generic`` if unknown).

    >>> detect("Oxigraph/0.5.13").name, detect(None).name
    ('oxigraph', 'generic')
    """
    header = (server_header or "").lower()
    if header.startswith("oxigraph"):
        return DIALECTS["oxigraph"]
    if header.startswith("virtuoso"):
        return DIALECTS["virtuoso"]
    return DIALECTS["generic"]


# ---------------------------------------------------------------------- transitive paths
#
# Virtuoso 7.2.5 evaluates a transitive path with its own engine, and that engine loses
# answers in some of the plans its optimiser picks (which depend on the data, the rest of
# the query and estimates that drift as a store loads and drops graphs; docs/stores.md).
# Where a dialect says so, argmap walks such paths itself: plain joins, one step per
# request, from the constant start.

#: Runs one SELECT query in the dataset of the query being adapted; rows of terms.
SelectFn = Callable[[str], list[dict[str, Any]]]


@dataclass(frozen=True)
class Expanded:
    """What to send for one query: ``queries``, whose answers together are its answer.

    ``distinct``: rows that more than one of the queries give are one row of the answer.
    """

    queries: tuple[str, ...]
    distinct: bool = False


_IRIREF = r"<[^<>\"{}|^`\\\x00-\x20]*>"
# The insides of strings and comments, which the analysis below must not read.
_LEXICAL = re.compile(
    rf"""(?P<iri>{_IRIREF})
      | (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
      | (?P<str>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
      | (?P<comment>\#[^\n]*)""",
    re.VERBOSE,
)
_STEP = rf"\^?(?:{_TERM}|a\b)"
_ELEMENT = rf"(?:\({_STEP}(?:/{_STEP})*\)|{_STEP})[*+?]?"
_PATH_TRIPLE = re.compile(
    rf"(?<![\w:>\-])(?P<s>{_TERM})\s+(?P<path>{_ELEMENT}(?:/{_ELEMENT})*)\s+"
    rf"(?P<o>[?$][A-Za-z_]\w*)\b(?P<dot>\s*\.)?(?!\s*[;,])"
)
_ELEMENT_PARTS = re.compile(
    rf"\((?P<group>[^()]*)\)(?P<op1>[*+?]?)|(?P<one>{_STEP})(?P<op2>[*+?]?)"
)
_PREFIX = re.compile(rf"\bPREFIX\s+(?P<name>[A-Za-z][\w\-.]*)?:\s*(?P<iri>{_IRIREF})", re.I)
_BASE = re.compile(rf"\bBASE\s+{_IRIREF}", re.I)
_DATASET = re.compile(rf"\bFROM\s+(?:NAMED\s+)?(?:{_TERM})", re.I)
_DEFINE = re.compile(r"^\s*DEFINE\s+[^\n]*\n", re.I | re.M)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b(?:\s+(DISTINCT|REDUCED)\b)?", re.I)
_NOT_A_UNION = re.compile(
    r"\b(?:GROUP\s+BY|HAVING|ORDER\s+BY|LIMIT|OFFSET)\b"
    r"|\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(",
    re.I,
)
_TOKEN = re.compile(rf"{_IRIREF}|[?$]\w+|[A-Za-z_][\w\-]*(?::[\w\-.]*)?|:[\w\-.]*|[{{}}]|\S")


def _masked(query: str) -> str:
    """``query`` with strings and comments blanked, every position kept."""

    def blank(m: re.Match[str]) -> str:
        return m.group() if m.lastgroup == "iri" else re.sub(r"[^\n]", " ", m.group())

    return _LEXICAL.sub(blank, query)


def _groups(masked: str) -> list[tuple[int, int, str]]:
    """``(open, close, kind)`` of each ``{ }`` group: ``optional``, ``minus``, ``exists``,
    ``union`` (an operand of UNION), ``graph <g>``, ``graph ?``, ``service`` or ``group``."""
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(masked)]
    stack: list[tuple[int, str]] = []
    out: list[tuple[int, int, str]] = []
    union_after: set[int] = set()
    for i, (pos, tok) in enumerate(tokens):
        if tok == "{":
            before = [t.upper() for _, t in tokens[max(0, i - 3) : i]]
            prev = before[-1] if before else ""
            if prev in ("OPTIONAL", "MINUS", "EXISTS", "UNION"):
                kind = prev.lower()
            elif len(before) >= 2 and before[-2] == "GRAPH":
                raw = tokens[i - 1][1]
                kind = "graph ?" if raw[0] in "?$" else f"graph {raw}"
            elif "SERVICE" in before:
                kind = "service"
            else:
                kind = "group"
            stack.append((pos, kind))
        elif tok == "}" and stack:
            start, kind = stack.pop()
            out.append((start, pos, kind))
            if i + 1 < len(tokens) and tokens[i + 1][1].upper() == "UNION":
                union_after.add(start)
    return [(o, c, "union" if o in union_after else k) for o, c, k in out]


def _term_text(term: Any) -> str:
    from argmap.queries import sparql_term

    if isinstance(term, ox.BlankNode):
        raise StoreError(
            "a transitive path that argmap walks for this server reached a blank node, "
            "which no query can name again; give the nodes on such paths IRIs"
        )
    return str(sparql_term(term, iri=False))


def _expand(query: str, select: SelectFn, batch: int) -> Expanded:
    masked = _masked(query)
    matches = [
        m
        for m in _PATH_TRIPLE.finditer(masked)
        if any(
            (e.group("op1") or e.group("op2")) in ("*", "+")
            for e in _ELEMENT_PARTS.finditer(m.group("path"))
        )
    ]
    if not matches:
        return Expanded((query,))
    prefixes = {(m.group("name") or ""): m.group("iri")[1:-1] for m in _PREFIX.finditer(masked)}
    prologue = "".join(
        query[m.start() : m.end()] + "\n"
        for m in sorted(
            [*_PREFIX.finditer(masked), *_BASE.finditer(masked)], key=lambda m: m.start()
        )
    )
    defines = "".join(query[m.start() : m.end()] for m in _DEFINE.finditer(masked))
    dataset = " ".join(query[m.start() : m.end()] for m in _DATASET.finditer(masked))
    groups = _groups(masked)
    form = _FORM.search(masked)
    splittable = (
        form is not None
        and (form.group(1).upper() in ("ASK", "CONSTRUCT") or form.group(2) is not None)
        and _NOT_A_UNION.search(masked) is None
    )
    distinct = form is not None and form.group(2) is not None

    parts: list[tuple[int, int, str, list[str], bool]] = []  # start, end, var, values, split ok
    for m in matches:
        enclosing = sorted((g for g in groups if g[0] < m.start() < g[1]), key=lambda g: g[0])
        kinds = [k for _, _, k in enclosing]
        if "graph ?" in kinds or "service" in kinds:
            continue
        start = _resolve(m.group("s"), prefixes)
        if start is None:
            continue
        graphs = [k[6:] for k in kinds if k.startswith("graph ")]
        scope = (defines + prologue, dataset, graphs[-1] if graphs else None)
        reached = _walk(start, m.group("path"), scope, select, batch)
        ok = all(k == "group" or k.startswith("graph ") for k in kinds)
        parts.append((m.start(), m.end(), m.group("o"), sorted(reached), ok))
    if not parts:
        return Expanded((query,))

    # One VALUES block too large for the server is split, where the answer allows it.
    big = [i for i, p in enumerate(parts) if len(p[3]) > batch]
    split = big[0] if len(big) == 1 and splittable and parts[big[0]][4] else -1
    chunks = (
        [parts[split][3][i : i + batch] for i in range(0, len(parts[split][3]), batch)]
        if split >= 0
        else [[]]
    )
    queries = []
    for chunk in chunks:
        text, last = [], 0
        for i, (begin, end, var, values, _) in enumerate(parts):
            shown = chunk if i == split else values
            text.append(query[last:begin] + f"VALUES {var} {{ {' '.join(shown)} }}")
            last = end
        text.append(query[last:])
        queries.append("".join(text))
    return Expanded(tuple(queries), distinct and len(queries) > 1)


def _resolve(term: str, prefixes: dict[str, str]) -> str | None:
    """A constant as ``<IRI>`` text (``None`` when its prefix is not declared)."""
    if term.startswith("<"):
        return term
    prefix, _, local = term.partition(":")
    base = prefixes.get(prefix)
    return None if base is None else f"<{base}{local}>"


def _walk(
    start: str, path: str, scope: tuple[str, str, str | None], select: SelectFn, batch: int
) -> set[str]:
    """The nodes ``path`` reaches from ``start``, walked one step per query."""
    nodes = {start}
    for element in _ELEMENT_PARTS.finditer(path):
        group = element.group("group")
        steps = (
            [s.group() for s in re.finditer(_STEP, group)]
            if group is not None
            else [element.group("one")]
        )
        op = element.group("op1") if group is not None else element.group("op2")
        if op == "":
            nodes = _step(nodes, steps, scope, select, batch)
        elif op == "?":
            nodes = nodes | _step(nodes, steps, scope, select, batch)
        else:  # + or *: until nothing new comes back
            reached = set(nodes) if op == "*" else set()
            frontier = nodes
            while frontier:
                frontier = _step(frontier, steps, scope, select, batch) - reached
                reached |= frontier
            nodes = reached
    return nodes


def _step(
    nodes: set[str],
    steps: list[str],
    scope: tuple[str, str, str | None],
    select: SelectFn,
    batch: int,
) -> set[str]:
    """The nodes one pass of ``steps`` (a sequence, each maybe inverse) leads to from ``nodes``."""
    head, dataset, graph = scope
    patterns = []
    for i, step in enumerate(steps):
        inverse = step.startswith("^")
        a, b = f"?argmap_{i}", f"?argmap_{i + 1}"
        s, o = (b, a) if inverse else (a, b)
        patterns.append(f"{s} {step.lstrip('^')} {o} .")
    body = " ".join(patterns)
    if graph is not None:
        body = f"GRAPH {graph} {{ {body} }}"
    out: set[str] = set()
    todo = sorted(nodes)
    last = f"argmap_{len(steps)}"
    for i in range(0, len(todo), batch):
        values = " ".join(todo[i : i + batch])
        rows = select(
            f"{head}SELECT DISTINCT ?{last} {dataset} WHERE {{ "
            f"VALUES ?argmap_0 {{ {values} }} {body} }}"
        )
        out.update(_term_text(r[last]) for r in rows if r.get(last) is not None)
    return out
