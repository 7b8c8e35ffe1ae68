"""The HTTP client and the dialects, without a server (httpx's mock transport).

What the real servers do is checked by tests/test_store_contract.py and
tests/test_store_faults.py; here: credentials, endpoints, term normalisation, rewrites.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from argmap.errors import StoreAuthError, StoreError, StoreProtocolError
from argmap.store import DIALECTS, RemoteStore, connect
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


def test_virtuoso_queries_keep_their_join_order() -> None:
    transport, seen = _recorder()
    store = RemoteStore("http://h/sparql", dialect="virtuoso", transport=transport)
    store.select("SELECT * WHERE { ?s ?p ?o }")
    form = httpx.QueryParams(seen[0].content.decode())
    assert form["query"].startswith('DEFINE sql:select-option "order"\n')


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
