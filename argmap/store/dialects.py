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
    holding a sequence fail inside ``GRAPH <g> {}`` but work with ``FROM <g>``, and
    ``path+`` without ``DISTINCT`` repeats rows: argmap's queries start their paths from a
    constant or a variable bound by an earlier pattern, say ``DISTINCT``, and are scoped
    to one map with the protocol's ``default-graph-uri`` (the same as ``FROM``).
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
from dataclasses import dataclass, field, replace
from typing import Any

import pyoxigraph as ox

from argmap.errors import StoreError, StoreProtocolError

__all__ = ["DIALECTS", "Dialect", "detect", "get_dialect"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
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
                if datatype is None or datatype == _XSD + "string":
                    return ox.Literal(text)
                if datatype == _XSD + "boolean":
                    text = {"1": "true", "0": "false"}.get(text, text)
                return ox.Literal(text, datatype=ox.NamedNode(datatype))
            if kind == "bnode":
                return ox.BlankNode(_BNODE_BAD.sub("_", text) or "b")
        except ValueError as exc:
            raise StoreProtocolError(f"a SPARQL JSON result holds a bad term: {exc}") from None
        raise StoreProtocolError(f"a SPARQL JSON result holds a term of unknown type {kind!r}")

    def adapt(self, query: str) -> str:
        """``query`` as this server should receive it (the same meaning).

        Virtuoso: ``DEFINE sql:select-option "order"`` is put in front, so its optimiser
        joins the patterns in the order written (argmap's queries start from the bound
        end). Virtuoso 7.2.5 gave incomplete answers to argmap's trace queries on a store
        that had seen many loads and drops, for 20-40% of random maps after a
        hundred pushes, and half as often with this pragma (see docs/stores.md);
        rewriting the property paths made no difference.

        Virtuoso also answers ``FILTER EXISTS { ?x p <o> }`` inside ``GRAPH ?g`` with no
        rows at all; a filter holding one triple pattern whose only variable is already
        bound means the same as that pattern joined, which Virtuoso answers right, so the
        adapter writes it so (``exists_as_join``).

        >>> print(DIALECTS["virtuoso"].adapt("SELECT * WHERE { ?s ?p ?o }"))
        DEFINE sql:select-option "order"
        SELECT * WHERE { ?s ?p ?o }
        >>> DIALECTS["oxigraph"].adapt("ASK {}")
        'ASK {}'
        >>> DIALECTS["virtuoso"].adapt("ASK { ?p :q ?r FILTER EXISTS { ?r a :R } }")[33:]
        'ASK { ?p :q ?r ?r a :R . }'

        The rewrite assumes the filter's variable is bound by the rest of the group, as in
        argmap's queries; a query of your own sent to Virtuoso should not rely on
        ``FILTER EXISTS`` with an unbound variable.
        """
        if self.exists_as_join:
            query = _EXISTS_ONE.sub(r"\g<s> \g<p> \g<o> .", query)
        return f"{self.query_pragma}\n{query}" if self.query_pragma else query

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
        query_pragma='DEFINE sql:select-option "order"',
        exists_as_join=True,
        hints=(
            (
                "estimated execution time",
                "Virtuoso refuses queries its optimiser estimates above "
                "[SPARQL] MaxQueryCostEstimationTime (default 400 s), even on tiny data; "
                "raise it in virtuoso.ini",
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
