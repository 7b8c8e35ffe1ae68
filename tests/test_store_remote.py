"""The HTTP client and the dialects, without a server (httpx's mock transport).

What the real servers do is checked by tests/test_store_contract.py and
tests/test_store_faults.py; here: credentials, endpoints, term normalisation, rewrites, the
transitive paths argmap walks for Virtuoso, and the N-Triples the trace reads.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from argmap import ArgumentMap
from argmap.errors import StoreAuthError, StoreError, StoreProtocolError
from argmap.query import trace as trace_in_memory
from argmap.store import DIALECTS, RemoteStore, connect, open_store, push, trace
from argmap.store.dialects import detect, get_dialect
from argmap.store.remote import redact

_SECRET = "pa55-w0rd-not-to-be-seen"


def _recorder(
    answer: dict[str, Any] | None = None, status: int = 200
) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    body = json.dumps(answer or {"head": {"vars": []}, "results": {"bindings": []}})

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            status, content=body, headers={"Content-Type": "application/sparql-results+json"}
        )

    return httpx.MockTransport(handle), seen


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ARGMAP_STORE_USER", "ARGMAP_STORE_PASSWORD", "ARGMAP_STORE_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_basic_auth_from_arguments_never_shown() -> None:
    transport, seen = _recorder()
    store = RemoteStore(
        "http://h/q", user="alice", password=_SECRET, transport=transport, dialect="generic"
    )
    store.select("SELECT * WHERE { ?s ?p ?o }")
    header = seen[0].headers["authorization"]
    assert base64.b64decode(header.split()[1]).decode() == f"alice:{_SECRET}"
    assert _SECRET not in repr(store) and _SECRET not in store.location
    assert "alice" not in repr(store)


def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_STORE_USER", "bob")
    monkeypatch.setenv("ARGMAP_STORE_PASSWORD", _SECRET)
    transport, seen = _recorder()
    RemoteStore("http://h/q", transport=transport).select("SELECT * {}")
    assert seen[0].headers["authorization"].startswith("Basic ")


def test_bearer_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_STORE_TOKEN", _SECRET)
    transport, seen = _recorder()
    store = RemoteStore("http://h/q", transport=transport)
    store.select("SELECT * {}")
    assert seen[0].headers["authorization"] == f"Bearer {_SECRET}"
    assert "bearer" in repr(store) and _SECRET not in repr(store)


def test_credentials_in_the_url_are_used_and_hidden() -> None:
    store = connect(f"http://carol:{_SECRET}@h:8890/sparql", dialect="virtuoso")
    assert _SECRET not in repr(store)
    assert store.query_url == "http://h:8890/sparql"
    assert "digest" in repr(store)
    store.close()


def test_incomplete_credentials_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreAuthError, match="no password"):
        RemoteStore("http://h/q", user="alice")
    with pytest.raises(StoreAuthError, match="not both"):
        RemoteStore("http://h/q", user="alice", password="x", token="t")
    monkeypatch.setenv("ARGMAP_STORE_PASSWORD", "x")
    with pytest.raises(StoreAuthError, match="no user"):
        RemoteStore("http://h/q")


def test_401_without_credentials_says_how_to_give_them() -> None:
    transport, _ = _recorder(status=401)
    store = RemoteStore("http://h/q", transport=transport, retries=0)
    with pytest.raises(StoreAuthError, match="ARGMAP_STORE_PASSWORD"):
        store.update("CLEAR GRAPH <urn:x>")


def test_requests_follow_the_protocols() -> None:
    transport, seen = _recorder()
    store = RemoteStore(
        "http://h/query",
        update_url="http://h/update",
        gsp_url="http://h/store",
        dialect="oxigraph",
        transport=transport,
    )
    store.select("SELECT * {}", default_graph="urn:g")
    store.update("DROP SILENT GRAPH <urn:g>")
    store.append("urn:g", b"<urn:a> <urn:b> <urn:c> .\n")
    query, update, upload = seen
    assert query.method == "POST" and query.url.path == "/query"
    form = httpx.QueryParams(query.content.decode())
    assert form["query"] == "SELECT * {}" and form["default-graph-uri"] == "urn:g"
    assert query.headers["accept"] == "application/sparql-results+json"
    assert update.url.path == "/update"
    assert update.headers["content-type"].startswith("application/sparql-update")
    assert upload.url.path == "/store"
    assert upload.url.params["graph"] == "urn:g" and "no_transaction" in upload.url.params
    assert upload.headers["content-type"] == "application/n-triples"


@pytest.mark.parametrize(
    ("url", "dialect", "endpoints"),
    [
        ("http://h:7878", "oxigraph", ("/query", "/update", "/store")),
        ("http://h:7878/query", "oxigraph", ("/query", "/update", "/store")),
        (
            "http://h:8890/sparql",
            "virtuoso",
            ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),
        ),
        ("http://h:8890/", "virtuoso", ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth")),
        ("http://h/repositories/r", "generic", ("/repositories/r",) * 3),
    ],
)
def test_endpoints_by_dialect(url: str, dialect: str, endpoints: tuple[str, ...]) -> None:
    store = connect(url, dialect=dialect)
    paths = tuple(httpx.URL(u).path for u in (store.query_url, store.update_url, store.gsp_url))
    assert paths == endpoints
    store.close()


def test_explicit_endpoints_win() -> None:
    store = connect(
        "http://h/repositories/r",
        dialect="generic",
        update_url="http://h/repositories/r/statements",
        gsp_url="http://h/repositories/r/rdf-graphs/service",
    )
    assert store.update_url.endswith("/statements")
    assert store.gsp_url.endswith("/rdf-graphs/service")
    store.close()


def test_not_http() -> None:
    with pytest.raises(StoreError, match="not an http"):
        connect("ftp://h/sparql", dialect="generic")
    with pytest.raises(StoreError, match="unknown store dialect"):
        get_dialect("fuseki")


def test_detect() -> None:
    assert detect("Oxigraph/0.5.13").name == "oxigraph"
    assert detect("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name == "virtuoso"
    assert detect("Apache-Jena-Fuseki").name == "generic"
    assert redact("http://u:p@h/x") == "http://h/x"


def test_virtuoso_terms_are_normalised() -> None:
    v = DIALECTS["virtuoso"]
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert v.term({"type": "typed-literal", "value": "0", "datatype": xsd + "boolean"}) == (
        ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean"))
    )
    assert v.term({"type": "typed-literal", "value": "x", "datatype": xsd + "string"}) == (
        ox.Literal("x")
    )
    assert v.term({"type": "literal", "value": "x", "xml:lang": "en-gb"}) == ox.Literal(
        "x", language="en-gb"
    )
    assert isinstance(v.term({"type": "bnode", "value": "nodeID://b10003"}), ox.BlankNode)
    with pytest.raises(StoreProtocolError):
        v.term({"type": "uri"})


def test_virtuoso_queries_are_sent_as_written() -> None:
    """No pragma any more: forcing Virtuoso's join order made it refuse queries on cost."""
    transport, seen = _recorder()
    store = RemoteStore("http://h/sparql", dialect="virtuoso", transport=transport)
    store.select("SELECT * WHERE { ?s ?p ?o }")
    form = httpx.QueryParams(seen[0].content.decode())
    assert form["query"] == "SELECT * WHERE { ?s ?p ?o }"


# ---------------------------------------------------------------------- paths walked by argmap

_AM = "https://w3id.org/argmap/ns#"
_PATH_OP = re.compile(r"\)[*+]|[\w>][*+]\s")


def _pyoxigraph_server(
    store: ox.Store,
) -> tuple[httpx.MockTransport, list[str]]:
    """A SPARQL endpoint answered by ``store`` (pyoxigraph); records each query's text."""
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        form = httpx.QueryParams(request.content.decode())
        seen.append(form["query"])
        graph = form.get("default-graph-uri")
        result = store.query(form["query"], default_graph=ox.NamedNode(graph) if graph else None)
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=ox.RdfFormat.N_TRIPLES)
            kind = "application/n-triples"
        else:
            body = result.serialize(format=ox.QueryResultsFormat.JSON)
            kind = "application/sparql-results+json"
        return httpx.Response(200, content=body, headers={"Content-Type": kind})

    return httpx.MockTransport(handle), seen


def _chain_store(graph: str = "urn:test:g") -> ox.Store:
    """r <- a1 [e1, c1]; e1 <- a2 [e2]; e2 <- a3 [e3, r] (a cycle back to r); c1 unrelated."""
    store = ox.Store()
    am = lambda t: ox.NamedNode(_AM + t)  # noqa: E731
    n = lambda t: ox.NamedNode("urn:n:" + t)  # noqa: E731
    g = ox.NamedNode(graph)
    triples = [(n("r"), am("text"), ox.Literal("R"))]
    for arg, conclusion, premises in [
        ("a1", "r", ["e1", "c1"]),
        ("a2", "e1", ["e2"]),
        ("a3", "e2", ["e3", "r"]),
    ]:
        triples.append((n(arg), am("conclusion"), n(conclusion)))
        triples += [(n(arg), am("premise"), n(p)) for p in premises]
    for e in ("e1", "e2", "e3"):
        triples.append((n(e), ox.NamedNode(_RDF_TYPE), am("Evidence")))
    store.extend(ox.Quad(s, p, o, g) for s, p, o in triples)
    return store


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.mark.parametrize("batch", [1000, 2])
@pytest.mark.parametrize(
    "query",
    [
        # the shapes argmap's trace queries use, the start a constant
        "SELECT DISTINCT ?x WHERE { <urn:n:r> (^am:conclusion/am:premise)+ ?x . }",
        "SELECT DISTINCT ?x WHERE { <urn:n:r> (^am:conclusion/am:premise)* ?x }",
        "SELECT DISTINCT ?x WHERE { <urn:n:r> (^am:conclusion/am:premise)*/(^am:conclusion)? ?x }",
        "SELECT DISTINCT ?x ?s WHERE { { SELECT ?x WHERE { <urn:n:r> (^am:conclusion/am:premise)* "
        "?x } } ?x a am:Evidence . OPTIONAL { ?x am:source ?s } }",
        "SELECT DISTINCT ?x WHERE { am:none (^am:conclusion/am:premise)+ ?x }",
        # not split (under OPTIONAL, or no DISTINCT): one VALUES block whatever its size
        "SELECT ?y WHERE { VALUES ?y { 1 } OPTIONAL { <urn:n:r> (^am:conclusion/am:premise)+ ?x } }",
        "SELECT ?x WHERE { <urn:n:r> (^am:conclusion/am:premise)+ ?x }",
        "ASK { <urn:n:r> (^am:conclusion/am:premise)+ ?x . ?x a am:Evidence }",
        "CONSTRUCT { ?x a am:Reached } WHERE { <urn:n:r> (^am:conclusion/am:premise)+ ?x }",
        # a path in GRAPH <g> (the walk runs there), and with a prefixed start
        "SELECT DISTINCT ?x WHERE { GRAPH <urn:test:g> { n:r (^am:conclusion/am:premise)+ ?x } }",
    ],
)
def test_virtuoso_paths_are_walked_by_argmap(query: str, batch: int) -> None:
    """The same answers as the server's own evaluation, and no transitive path sent."""
    data = _chain_store()
    transport, seen = _pyoxigraph_server(data)
    dialect = DIALECTS["virtuoso"].with_options(values_batch=batch)
    store = RemoteStore("http://h/sparql", dialect=dialect, transport=transport)
    text = f"PREFIX am: <{_AM}>\nPREFIX n: <urn:n:>\n{query}"
    direct = data.query(text, default_graph=ox.NamedNode("urn:test:g"))
    if query.startswith("ASK"):
        assert store.ask(text, default_graph="urn:test:g") is bool(direct)
    elif query.startswith("CONSTRUCT"):
        got = store.construct(text, default_graph="urn:test:g")
        assert {q.triple for q in ox.parse(got, format=ox.RdfFormat.N_TRIPLES)} == set(direct)
    else:
        rows = store.select(text, default_graph="urn:test:g")
        expected = [{v.value: s[v] for v in direct.variables} for s in direct]
        assert sorted(map(repr, rows)) == sorted(map(repr, expected))
    assert seen and not any(_PATH_OP.search(q) for q in seen), seen


def test_virtuoso_walk_follows_the_cycle_and_keeps_the_start_out_of_plus() -> None:
    transport, seen = _pyoxigraph_server(_chain_store())
    store = RemoteStore("http://h/sparql", dialect="virtuoso", transport=transport)
    rows = store.select(
        f"PREFIX am: <{_AM}>\nSELECT ?x WHERE {{ <urn:n:r> (^am:conclusion/am:premise)+ ?x }}",
        default_graph="urn:test:g",
    )
    # r is reached again through e2 <- a3 [r]: SPARQL's + includes it then
    assert sorted(r["x"].value for r in rows) == [
        f"urn:n:{x}" for x in ("c1", "e1", "e2", "e3", "r")
    ]
    # one query per step down (4 levels, the last finding nothing new) and the final one
    assert len(seen) == 5
    assert seen[-1].endswith(
        "VALUES ?x { <urn:n:c1> <urn:n:e1> <urn:n:e2> <urn:n:e3> <urn:n:r> } }"
    )


def test_virtuoso_large_walks_are_split_into_several_queries() -> None:
    transport, seen = _pyoxigraph_server(_chain_store())
    store = RemoteStore(
        "http://h/sparql",
        dialect=DIALECTS["virtuoso"].with_options(values_batch=2),
        transport=transport,
    )
    query = f"PREFIX am: <{_AM}>\nSELECT DISTINCT ?x WHERE {{ <urn:n:r> (^am:conclusion/am:premise)+ ?x }}"
    rows = store.select(query, default_graph="urn:test:g")
    assert len(rows) == 5
    finals = [q for q in seen if "argmap_" not in q]
    assert len(finals) == 3  # five nodes, two per VALUES block


def test_paths_from_a_variable_and_other_servers_are_left_alone() -> None:
    transport, seen = _pyoxigraph_server(_chain_store())
    query = f"PREFIX am: <{_AM}>\nSELECT ?s ?x WHERE {{ ?s am:text ?t . ?s (^am:conclusion/am:premise)+ ?x }}"
    virtuoso = RemoteStore("http://h/sparql", dialect="virtuoso", transport=transport)
    assert len(virtuoso.select(query, default_graph="urn:test:g")) == 5
    oxigraph = RemoteStore("http://h/query", dialect="oxigraph", transport=transport)
    constant = (
        f"PREFIX am: <{_AM}>\nSELECT ?x WHERE {{ <urn:n:r> (^am:conclusion/am:premise)+ ?x }}"
    )
    oxigraph.select(constant, default_graph="urn:test:g")
    assert seen == [query, constant]


def test_virtuoso_walk_refuses_blank_nodes() -> None:
    data = ox.Store()
    g = ox.NamedNode("urn:test:g")
    data.add(ox.Quad(ox.NamedNode("urn:n:r"), ox.NamedNode("urn:p"), ox.BlankNode("b"), g))
    transport, _ = _pyoxigraph_server(data)
    store = RemoteStore("http://h/sparql", dialect="virtuoso", transport=transport)
    with pytest.raises(StoreError, match="blank node"):
        store.select("SELECT ?x WHERE { <urn:n:r> <urn:p>+ ?x }", default_graph="urn:test:g")


def test_virtuoso_cost_limit_error_says_what_to_change() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, text="Virtuoso 42000 Error The estimated execution time 667")

    store = RemoteStore(
        "http://h/sparql", dialect="virtuoso", transport=httpx.MockTransport(handle)
    )
    with pytest.raises(StoreError, match="MaxQueryCostEstimationTime"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_ask_accepts_virtuoso_style_numbers() -> None:
    transport, _ = _recorder({"head": {"link": []}, "boolean": 1})
    assert RemoteStore("http://h/q", transport=transport).ask("ASK {}") is True


def _escape_iris(ntriples: bytes) -> bytes:
    """N-Triples as some servers write them: tabs between terms, IRIs with \\u escapes."""

    def escape(m: re.Match[str]) -> str:
        return "<" + "".join(c if c.isascii() else f"\\u{ord(c):04X}" for c in m.group(1)) + ">"

    text = re.sub(r"<([^>]*)>", escape, ntriples.decode())
    return re.sub(r"> (?=[<\"_])", ">\t", text).encode()


@pytest.mark.parametrize("escaped", [False, True])
def test_trace_reads_server_ntriples_with_tabs_and_escapes(escaped: bool) -> None:
    m = ArgumentMap("esc")
    r = m.recommendation("R.", id="r")
    c = m.claim("C.", id="c", iri="https://example.org/claim/ü")
    x = m.actor("X", id="x", iri="https://example.org/actor/ö")
    m.argue([c], r, id="a")
    m.stance(x, "asserts", c)
    m.attack(m.claim("No.", id="no"), c, id="att")
    embedded = open_store(None)
    push(m, embedded)
    transport, _ = _pyoxigraph_server(embedded._store)

    def handle(request: httpx.Request) -> httpx.Response:
        response = transport.handle_request(request)
        response.read()
        if escaped and response.headers["content-type"] == "application/n-triples":
            return httpx.Response(
                200, content=_escape_iris(response.content), headers=response.headers
            )
        return response

    store = RemoteStore("http://h/query", dialect="oxigraph", transport=httpx.MockTransport(handle))
    assert trace(store, m.iri, "r").to_dict() == trace_in_memory(m, "r").to_dict()


# ---------------------------------------------------------------------- deadline, reply cap
# Hostile servers on loopback (tests/servers.py): one that trickles its answer a byte at a
# time, one that floods. Nothing here asserts how long a call took, only how it ended.


@pytest.mark.parametrize("head_first", [False, True], ids=["whole-answer", "body-only"])
def test_trickling_server_is_cut_off_at_the_deadline(head_first: bool) -> None:
    """Each byte arrives well within the read timeout; the deadline ends the request."""
    from argmap.errors import StoreUnavailable

    from servers import TrickleServer

    with TrickleServer(interval=0.2, head_first=head_first) as server:
        store = RemoteStore(server.base_url, timeout=5.0, deadline=1.0, retries=2, backoff=0.01)
        with store, pytest.raises(StoreUnavailable) as caught:
            store.ask("ASK {}")
    message = str(caught.value)
    assert "deadline of 1 s" in message and server.base_url in message
    assert "--deadline" in message
    assert server.requests == 1  # the deadline covers retries: no second attempt


def test_without_a_deadline_a_trickle_is_read_to_the_end() -> None:
    """The same server, a short answer, no deadline: the answer is whole (the control)."""
    from servers import TrickleServer

    with (
        TrickleServer(interval=0.001, head_first=True) as server,
        RemoteStore(server.base_url, timeout=5.0, deadline=None) as store,
    ):
        assert store.ask("ASK {}") is True


@pytest.mark.parametrize("announce", [False, True], ids=["unannounced", "content-length"])
def test_oversized_reply_is_refused_in_bounded_memory(announce: bool) -> None:
    """A 100 MB answer against a 1 MiB cap: refused, and the client never holds it."""
    import tracemalloc

    from servers import FloodServer

    cap = 2**20
    with FloodServer(size=100 * 2**20, announce=announce) as server:
        store = RemoteStore(server.base_url, max_reply=cap, retries=0)
        tracemalloc.start()
        try:
            with store, pytest.raises(StoreError) as caught:
                store.select("SELECT ?s WHERE { ?s ?p ?o }")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    message = str(caught.value)
    assert f"cap of {cap:,} bytes" in message and server.base_url in message
    assert "--max-reply" in message
    assert peak < 16 * cap  # the answer was 100 times the cap
    assert server.sent < 100 * 2**20  # the client stopped reading


def test_reply_within_the_cap_is_read() -> None:
    from servers import FloodServer

    with (
        FloodServer(size=300_000) as server,
        RemoteStore(server.base_url, max_reply=2**20) as store,
    ):
        rows = store.select("SELECT ?s WHERE { ?s ?p ?o }")
    assert len(rows) > 1000 and rows[-1]["s"] == ox.Literal("y")


def test_deadline_and_cap_must_be_positive() -> None:
    with pytest.raises(StoreError, match="deadline"):
        RemoteStore("http://127.0.0.1:1/q", deadline=0)
    with pytest.raises(StoreError, match="max_reply"):
        RemoteStore("http://127.0.0.1:1/q", max_reply=-1)
    store = connect("http://127.0.0.1:1/q", dialect="generic", deadline=5, max_reply=10)
    assert (store.deadline, store.max_reply) == (5, 10)
    store.close()
