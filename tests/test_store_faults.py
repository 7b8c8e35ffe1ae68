"""Faults: a server killed mid-push, nothing listening, wrong credentials, bad answers.

Each must end in a clear :class:`argmap.errors.StoreError` subclass and leave the store
as it was: the previous version of a map current and readable, nothing half-swapped.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from argmap import ArgumentMap
from argmap.errors import (
    StoreAuthError,
    StoreError,
    StoreProtocolError,
    StoreUnavailable,
)
from argmap.store import RemoteStore, connect, delete, gc, graphs, pull, push, run_query
from argmap.store.push import _named_graphs
from argmap.store.traces import companion_name

sys.path.insert(
    0, str(Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention")
)


@pytest.fixture(scope="module")
def brief() -> ArgumentMap:
    import build_map

    return build_map.build()


def _bigger(brief: ArgumentMap) -> ArgumentMap:
    """The brief with more claims, so that a push takes many batches."""
    m = brief.copy()
    for i in range(300):
        m.claim(f"Extra claim number {i}.", id=f"extra{i}")
    return m


# ---------------------------------------------------------------------- killed mid-push


@pytest.mark.parametrize(
    ("kind", "connections"), [("oxigraph", 1), ("oxigraph", 2), ("virtuoso", 1)]
)
def test_server_killed_mid_push_keeps_the_old_version(
    kind: str, connections: int, request: pytest.FixtureRequest, brief: ArgumentMap
) -> None:
    server = request.getfixturevalue(f"fresh_{kind}")
    with server.connect(retries=1) as store:
        old = push(brief, store)
        store.backoff = 0.05

        def kill_after_first_batch(sent: int, total: int) -> None:
            if sent < total:
                server.kill()

        with pytest.raises(StoreUnavailable) as caught:
            push(
                _bigger(brief),
                store,
                batch_triples=200,
                connections=connections,
                on_batch=kill_after_first_batch,
            )
    message = str(caught.value)
    assert f"to graph <{brief.iri}>" in message
    # with two connections the second batch may have landed before the kill
    assert f"failed after {200 if connections == 1 else ''}" in message
    from argmap.rdf import ntriples_count

    total = ntriples_count(_bigger(brief))
    assert f"of {total} triples had reached the store" in message
    if connections == 1:
        assert "(1 batch of up to 200)" in message
    assert f"the previous version (data graph <{old.data_graph}>) is still current" in message
    assert "may remain" in message  # the server was gone: the partial upload is left to gc

    server.start()  # the same data folder, a new port
    with server.connect() as store:
        assert [g.data_graph for g in graphs(store)] == [old.data_graph]
        assert pull(store, brief.iri) == brief
        current = {old.data_graph, companion_name(old.data_graph)}  # the map, its traces
        leftovers = [g for g in _named_graphs(store) if "#argmap-" in g and g not in current]
        from datetime import timedelta

        assert gc(store, older_than=timedelta(0)) == sorted(leftovers)
        assert pull(store, brief.iri) == brief


def test_failure_before_the_swap_removes_the_partial_upload(
    oxigraph_server: Any, brief: ArgumentMap
) -> None:
    """A push refused mid-way (server up) cleans up after itself."""
    with oxigraph_server.connect() as store:
        for info in graphs(store):
            delete(store, info.graph)
        old = push(brief, store, "urn:test:refused")
        before = set(_named_graphs(store))
        bad = ArgumentMap("bad")
        bad.claim("C.", id="c")
        bad.extra.append("<urn:test:s> <urn:test:p> not-a-term .")  # the server refuses it
        with pytest.raises(StoreError) as caught:
            push(bad, store, "urn:test:refused", batch_triples=1)
        assert "Nothing was swapped" in str(caught.value)
        assert "was removed" in str(caught.value)
        assert set(_named_graphs(store)) == before
        assert [g.data_graph for g in graphs(store)] == [old.data_graph]
        assert pull(store, "urn:test:refused") == brief


def test_connection_dropped_mid_push_says_how_far_it_got(fake: Any) -> None:
    """A server that takes two batches and then drops every connection unanswered."""
    uploads = {"n": 0}

    def answer(h: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        if h.path.startswith("/store"):
            uploads["n"] += 1
            if uploads["n"] > 2:
                h.close_connection = True
                h.connection.shutdown(2)  # no answer at all
                return
            _reply(h, 204, b"", "text/plain")
        elif h.path.startswith("/query"):
            _reply(h, 200, _EMPTY.encode(), "application/sparql-results+json")
        else:
            _reply(h, 204, b"", "text/plain")

    store, seen = fake(answer)
    m = _many_claims(100, "dropped")
    with pytest.raises(StoreUnavailable) as caught:
        push(m, store, "urn:test:dropped", batch_triples=50)
    message = str(caught.value)
    assert "failed after 100 of 201 triples had reached the store (2 batches of up to 50)" in (
        message
    )
    assert "broke mid-request" in message
    assert "Nothing was swapped: the store holds no version of <urn:test:dropped>" in message
    updates = [body for method, path, body in seen if path.startswith("/update")]
    assert not any(b"st:current" in u for u in updates)  # no swap was ever sent


# ---------------------------------------------------------------------- concurrent pushes

_RACERS = 4


def _race(store: Any, graph: str, maps: list[ArgumentMap]) -> list[Any]:
    """Push ``maps`` to ``graph`` at once, each waiting after its first batch for the rest.

    So every push has read the catalog and started uploading before any swaps: the
    race the outside review ran, made certain.
    """
    barrier = threading.Barrier(len(maps), timeout=120)
    infos: list[Any] = []
    errors: list[BaseException] = []

    def one(m: ArgumentMap) -> None:
        met = False

        def meet(sent: int, total: int) -> None:
            nonlocal met
            if not met:
                met = True
                barrier.wait()

        try:
            infos.append(push(m, store, graph, batch_triples=20, on_batch=meet))
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=one, args=(m,)) for m in maps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert not errors, errors
    return infos


def test_concurrent_pushes_leave_one_map_and_no_orphan(triple_store: Any) -> None:
    """N pushes of different maps to one graph at once, twice (first pushes, then
    replacements): one complete map is current, no other data graph or catalog line
    is left, and gc has nothing to do."""
    from datetime import timedelta

    from argmap.store.push import CATALOG, ST

    graph = "urn:test:race"
    for round_ in range(2):
        maps = [_many_claims(30 + i, f"race{round_}x{i}") for i in range(_RACERS)]
        infos = _race(triple_store, graph, maps)
        assert len(infos) == _RACERS  # every push succeeded (the later swap wins)
        listed = graphs(triple_store)
        assert [g.graph for g in listed] == [graph]
        current = listed[0].data_graph
        assert current in {i.data_graph for i in infos}
        assert pull(triple_store, graph) in maps  # one whole map, never a mixture
        left = [g for g in _named_graphs(triple_store) if g.startswith(graph + "#argmap-")]
        assert left == [current]  # no orphaned data graph
        rows = triple_store.select(
            f"SELECT DISTINCT ?d WHERE {{ GRAPH <{CATALOG}> {{ ?d ?p ?o "
            f"FILTER (?p IN (<{ST}graph>, <{ST}alive>)) }} }}"
        )
        assert [r["d"].value for r in rows] == [current]  # no stale catalog line
        assert gc(triple_store, older_than=timedelta(0)) == []


def test_gc_leaves_a_live_push_alone_and_takes_a_dead_one(triple_store: Any) -> None:
    """An upload with a fresh st:alive mark survives gc; one whose mark is old goes."""
    from datetime import UTC, datetime, timedelta

    from argmap.store.push import CATALOG, ST, data_graph_name

    old = datetime.now(UTC) - timedelta(hours=3)
    stamps = {"live": datetime.now(UTC), "dead": old}
    names = {}
    for kind, when in stamps.items():
        # both named as if started three hours ago; only the mark tells them apart
        name = data_graph_name(f"urn:test:gc-{kind}", old)
        names[kind] = name
        triple_store.append(name, b"<urn:test:s> <urn:test:p> <urn:test:o> .\n")
        triple_store.update(
            f"INSERT DATA {{ GRAPH <{CATALOG}> {{ <{name}> <{ST}alive> "
            f'"{when.strftime("%Y-%m-%dT%H:%M:%SZ")}"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
            " } }"
        )
    assert gc(triple_store) == [names["dead"]]
    assert names["live"] in _named_graphs(triple_store)
    assert gc(triple_store, older_than=timedelta(0)) == [names["live"]]


# ---------------------------------------------------------------------- streamed pushes


def _writers() -> list[threading.Thread]:
    """push's threads still alive (the batch writer, the uploaders)."""
    return [t for t in threading.enumerate() if t.name.startswith("argmap-push-")]


def _many_claims(n: int, name: str = "big") -> ArgumentMap:
    m = ArgumentMap(name)
    for i in range(n):
        m.claim(f"Claim number {i}.", id=f"c{i}")
    return m


def test_map_that_cannot_be_written_midway_swaps_nothing(triple_store: Any) -> None:
    """A node whose data is not JSON, met after some batches went out: nothing swapped."""
    from argmap.errors import ModelError

    old = _many_claims(50, "streamed")
    push(old, triple_store, "urn:test:streamed")
    before = set(_named_graphs(triple_store))
    bad = _many_claims(300, "streamed")
    bad.claim("Not JSON.", id="z", data={"a": {1, 2}})  # a set: written last
    with pytest.raises(ModelError, match="not JSON"):
        push(bad, triple_store, "urn:test:streamed", batch_triples=100)
    assert set(_named_graphs(triple_store)) == before  # the partial upload was removed
    assert pull(triple_store, "urn:test:streamed") == old
    assert not _writers()


@pytest.mark.parametrize("connections", [1, 2])
def test_interrupted_push_keeps_the_old_version(triple_store: Any, connections: int) -> None:
    """Ctrl-C during the upload: the previous version stays current, the threads stop."""
    old = _many_claims(50, "interrupted")
    push(old, triple_store, "urn:test:interrupted")
    before = set(_named_graphs(triple_store))

    def interrupt(sent: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        push(
            _many_claims(400, "interrupted"),
            triple_store,
            "urn:test:interrupted",
            batch_triples=50,
            connections=connections,
            on_batch=interrupt,
        )
    assert set(_named_graphs(triple_store)) == before  # no upload landed after the cleanup
    assert pull(triple_store, "urn:test:interrupted") == old
    assert not _writers()


def test_two_connections_upload_the_whole_map(triple_store: Any) -> None:
    m = _many_claims(500, "two")
    calls: list[tuple[int, int]] = []
    info = push(
        m,
        triple_store,
        "urn:test:two",
        batch_triples=64,
        connections=2,
        on_batch=lambda s, t: calls.append((s, t)),
    )
    assert [s for s, _ in calls] == sorted({s for s, _ in calls})  # in order, each once
    assert calls[-1] == (info.triples, info.triples) == (1001, 1001)
    assert pull(triple_store, "urn:test:two") == m
    assert not _writers()


def test_blank_nodes_reach_the_store_in_one_batch(triple_store: Any) -> None:
    """Foreign triples naming blank nodes go out together, however small the batches."""
    m = _many_claims(40, "bnodes")
    m.extra += [
        '_:a <http://example.org/p> "one" .',
        "<http://example.org/s> <http://example.org/q> _:a .",
        '_:a <http://example.org/r> "two" .',
        "<http://example.org/s> <http://example.org/p> <http://example.org/o> .",
    ]
    calls: list[tuple[int, int]] = []
    info = push(
        m,
        triple_store,
        "urn:test:bnodes",
        batch_triples=7,
        on_batch=lambda s, t: calls.append((s, t)),
    )
    assert calls[-1] == (info.triples, info.triples) and len(calls) > 10
    back = pull(triple_store, "urn:test:bnodes")
    mine, theirs = m.canonical(), back.canonical()
    assert mine[:4] + mine[5:] == theirs[:4] + theirs[5:]  # all but the foreign triples
    named = [line for line in back.extra if "_:" not in line]
    assert named == [line for line in sorted(m.extra) if "_:" not in line]
    blank = [line for line in back.extra if "_:" in line]
    labels = {term for line in blank for term in line.split() if term.startswith("_:")}
    assert len(blank) == 3 and len(labels) == 1  # one blank node, not three


def test_batches_are_written_at_most_a_few_ahead() -> None:
    """The writer thread stays within a few batches of the upload (bounded memory)."""
    from argmap.store.push import _Prefetch

    made = 0

    def batches() -> Iterator[tuple[bytes, int]]:
        nonlocal made
        for _ in range(100):
            made += 1
            yield b"<urn:s> <urn:p> <urn:o> .\n", 1

    prefetch = _Prefetch(batches())
    taken = iter(prefetch)
    next(taken)
    threading.Event().wait(0.3)  # let the writer run as far ahead as it can
    assert made <= 3  # one taken, one queued, one waiting to be queued
    assert sum(1 for _ in taken) == 99
    prefetch.close()
    assert not _writers()


# ---------------------------------------------------------------------- nothing listens


def test_nothing_listens() -> None:
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable, match="nothing answered") as caught:
        connect(url, retries=1)
    assert "tried 2 times" in str(caught.value)
    store = connect(url, dialect="oxigraph", retries=0)
    m = ArgumentMap("m")
    m.claim("C.", id="c")
    with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1"):
        push(m, store)
    with pytest.raises(StoreUnavailable):
        pull(store, m.iri)
    assert isinstance(StoreUnavailable("x"), ConnectionError)


# ---------------------------------------------------------------------- credentials


def test_wrong_credentials(virtuoso_server: Any, brief: ArgumentMap) -> None:
    wrong = "not-the-password-" + "x" * 8
    with virtuoso_server.connect(password=wrong, retries=0) as store:
        before = graphs(store)  # reading is anonymous on Virtuoso
        with pytest.raises(StoreAuthError, match="refused the credentials") as caught:
            push(brief, store, "urn:test:denied")
        assert wrong not in str(caught.value) and wrong not in repr(store)
        assert graphs(store) == before
    assert isinstance(caught.value, PermissionError)


def test_no_credentials(virtuoso_server: Any, brief: ArgumentMap, monkeypatch: Any) -> None:
    for name in ("ARGMAP_STORE_USER", "ARGMAP_STORE_PASSWORD", "ARGMAP_STORE_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    store = connect(virtuoso_server.base_url, dialect="virtuoso", retries=0)
    with store, pytest.raises(StoreAuthError, match="needs credentials"):
        push(brief, store, "urn:test:anonymous")


def test_credentials_from_the_environment(
    virtuoso_server: Any, brief: ArgumentMap, monkeypatch: Any
) -> None:
    monkeypatch.setenv("ARGMAP_STORE_USER", virtuoso_server.user)
    monkeypatch.setenv("ARGMAP_STORE_PASSWORD", virtuoso_server.password)
    with connect(virtuoso_server.base_url) as store:  # dialect detected from the server
        assert store.dialect.name == "virtuoso"
        assert virtuoso_server.password not in repr(store)
        push(brief, store, "urn:test:env")
        assert pull(store, "urn:test:env") == brief
        delete(store, "urn:test:env")


# ---------------------------------------------------------------------- truncation


def test_virtuoso_result_limit_is_reported(tmp_path: Path, brief: ArgumentMap) -> None:
    """Virtuoso's ResultSetMaxRows cuts results silently; argmap says so."""
    from servers import VIRTUOSO_HOW, VirtuosoServer, _require

    server = VirtuosoServer(
        tmp_path / "v",
        _require("virtuoso-t", VIRTUOSO_HOW),
        _require("isql-vt", VIRTUOSO_HOW),
        max_rows=50,
    )
    server.start()
    try:
        with server.connect() as store:
            push(brief, store)
            with pytest.raises(StoreProtocolError, match="ResultSetMaxRows"):
                run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", brief.iri)
            try:
                assert pull(store, brief.iri) == brief
            except StoreProtocolError as exc:  # the Graph Store download was cut too
                assert "ResultSetMaxRows" in str(exc)
    finally:
        server.stop()


# ---------------------------------------------------------------------- bad answers


class _Fake(BaseHTTPRequestHandler):
    """A loopback HTTP server whose answers a test scripts (see :func:`fake`)."""

    answer: Callable[[BaseHTTPRequestHandler, str, bytes], None]
    seen: list[tuple[str, str, bytes]]

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append((self.command, self.path, body))
        type(self).answer(self, self.command, body)

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _reply(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str, **headers: str
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def fake() -> Iterator[Callable[..., tuple[RemoteStore, list[tuple[str, str, bytes]]]]]:
    servers: list[ThreadingHTTPServer] = []
    stores: list[RemoteStore] = []

    def start(
        answer: Callable[[BaseHTTPRequestHandler, str, bytes], None], dialect: str = "oxigraph"
    ) -> tuple[RemoteStore, list[tuple[str, str, bytes]]]:
        handler = type("Handler", (_Fake,), {"answer": staticmethod(answer), "seen": []})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        store = connect(f"http://127.0.0.1:{server.server_address[1]}", dialect=dialect, retries=2)
        store.backoff = 0.01
        stores.append(store)
        return store, handler.seen

    yield start
    for store in stores:
        store.close()
    for server in servers:
        server.shutdown()
        server.server_close()


_EMPTY = json.dumps({"head": {"vars": ["graph", "data", "p", "o"]}, "results": {"bindings": []}})


def test_query_answered_with_html(fake: Any) -> None:
    store, _ = fake(lambda h, m, b: _reply(h, 200, b"<html>oops</html>", "text/html"))
    with pytest.raises(StoreProtocolError, match="not JSON SPARQL results"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_query_answered_with_json_that_is_not_results(fake: Any) -> None:
    store, _ = fake(lambda h, m, b: _reply(h, 200, b'{"hello": 1}', "application/json"))
    with pytest.raises(StoreProtocolError, match=r"head\.vars"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(StoreProtocolError, match="no boolean"):
        store.ask("ASK {}")


def test_query_answered_with_a_bad_term(fake: Any) -> None:
    doc = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "weird"}}]}}
    store, _ = fake(lambda h, m, b: _reply(h, 200, json.dumps(doc).encode(), "application/json"))
    with pytest.raises(StoreProtocolError, match="malformed term"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_download_that_is_not_ntriples(fake: Any) -> None:
    store, _ = fake(lambda h, m, b: _reply(h, 200, b"<html/>", "text/html"))
    with pytest.raises(StoreProtocolError, match="not N-Triples"):
        store.read_graph("urn:test:g")


def test_malformed_count_during_push_swaps_nothing(fake: Any) -> None:
    """The store accepts the upload but answers the check nonsense: no swap is sent."""

    def answer(h: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        if h.path.startswith("/query") and b"COUNT" in body:
            _reply(h, 200, b'{"head": {"vars": ["n"]}, "results": {"bindings": [{}]}}', "a/j")
        elif h.path.startswith("/query"):
            _reply(h, 200, _EMPTY.encode(), "application/sparql-results+json")
        else:
            _reply(h, 204, b"", "text/plain")

    store, seen = fake(answer)
    m = ArgumentMap("m")
    m.claim("C.", id="c")
    with pytest.raises(StoreProtocolError, match="Nothing was swapped"):
        push(m, store)
    updates = [body for method, path, body in seen if path.startswith("/update")]
    assert not any(b"st:current" in u and b"INSERT" in u for u in updates)


def test_transient_errors_are_retried(fake: Any) -> None:
    calls = {"n": 0}

    def answer(h: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        calls["n"] += 1
        if calls["n"] < 3:
            _reply(h, 503, b"busy", "text/plain", **{"Retry-After": "0"})
        else:
            _reply(h, 200, b'{"boolean": true}', "application/sparql-results+json")

    store, _ = fake(answer)
    assert store.ask("ASK {}") is True
    assert calls["n"] == 3


def test_transient_errors_give_up(fake: Any) -> None:
    store, seen = fake(lambda h, m, b: _reply(h, 502, b"bad gateway", "text/plain"))
    with pytest.raises(StoreUnavailable, match=r"HTTP 502.*tried 3 times"):
        store.ask("ASK {}")
    assert len(seen) == 3


def test_refusal_carries_the_server_message(fake: Any) -> None:
    store, seen = fake(lambda h, m, b: _reply(h, 400, b"Parse error at line 1", "text/plain"))
    with pytest.raises(StoreError, match=r"HTTP 400.*Parse error at line 1") as caught:
        store.update("NOT SPARQL")
    assert type(caught.value) is StoreError
    assert len(seen) == 1  # a refusal is not retried


def test_connection_dropped_mid_answer(fake: Any) -> None:
    def answer(h: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/sparql-results+json")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b'{"head": ')
        h.close_connection = True
        h.connection.shutdown(2)

    store, seen = fake(answer)
    with pytest.raises(StoreUnavailable, match="broke mid-request"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert len(seen) == 3


def test_truncation_header(fake: Any) -> None:
    body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}}).encode()
    store, _ = fake(
        lambda h, m, b: _reply(
            h, 200, body, "application/sparql-results+json", **{"X-SPARQL-MaxRows": "10000"}
        ),
        dialect="virtuoso",
    )
    with pytest.raises(StoreProtocolError, match=r"cut the result to 10000 rows"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
