"""Any SPARQL 1.1 server over HTTP: :class:`RemoteStore` and :func:`connect`.

Only the W3C protocols are used: SPARQL 1.1 Query (``POST`` form, JSON results), SPARQL
1.1 Update (``POST application/sparql-update``) and the Graph Store HTTP Protocol
(``GET``/``POST ?graph=``). The three endpoint URLs may differ, as they do between
servers; :func:`connect` finds them from one base URL for the servers it knows
(:mod:`argmap.store.dialects`) and takes explicit URLs for the rest.

Credentials
    HTTP basic (or digest, for Virtuoso) with a user and password, or a bearer token;
    from the arguments, else from the environment: ``ARGMAP_STORE_USER`` and
    ``ARGMAP_STORE_PASSWORD``, or ``ARGMAP_STORE_TOKEN``. They are held only by the
    HTTP auth object: never logged, printed, put in a ``repr`` or an error message
    (URLs are shown without their ``user:password@`` part).
Transitive paths
    A dialect that does not trust its server with transitive property paths (Virtuoso)
    has argmap walk each path that starts from a constant, one step per request, and
    send the server plain joins instead (:meth:`Dialect.expand_paths`); one
    :meth:`RemoteStore.select` may then send several requests.
Timeouts, deadlines, retries and reply sizes
    ``timeout`` (seconds) bounds each wait for the server: connecting (at most 10 s) and
    every read or write on the connection. ``deadline`` (seconds, default 900) bounds a
    whole request, retries and their pauses included: a server that trickles its answer
    a byte at a time, each byte well within ``timeout``, is cut off when the deadline
    passes (:class:`~argmap.errors.StoreUnavailable` naming the store and the deadline).
    ``max_reply`` (bytes, default 512 MiB, the default cap on an input file of
    :mod:`argmap.limits`) bounds what one answer may hold: the answer is read in chunks
    and refused with :class:`~argmap.errors.StoreError` naming the cap as soon as it is
    larger (or announces a larger ``Content-Length``), so memory stays bounded whatever
    the server sends. ``None`` switches either off. A request that fails in a way that
    may pass (nothing answered, the connection dropped, HTTP 429/502/503/504) is retried
    ``retries`` times with exponential backoff; argmap only sends requests that are safe
    to repeat (queries, idempotent updates, uploads of ground triples).
Errors
    :class:`~argmap.errors.StoreUnavailable` when nothing answers or the server goes
    away mid-request, :class:`~argmap.errors.StoreAuthError` on 401/403,
    :class:`~argmap.errors.StoreProtocolError` when an answer is not what the protocol
    says (not JSON results, truncated, wrong type), and
    :class:`~argmap.errors.StoreError` with the server's own message when it refuses a
    request.

Examples
--------
>>> store = RemoteStore("http://127.0.0.1:7878/query", dialect="oxigraph",
...                     user="alice", password="s3cret")
>>> store
RemoteStore(query_url='http://127.0.0.1:7878/query', dialect='oxigraph', auth='basic')
>>> "s3cret" in repr(store) + store.location
False
>>> store.close()
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from argmap.errors import (
    QuerySyntaxError,
    StoreAuthError,
    StoreError,
    StoreProtocolError,
    StoreUnavailable,
)
from argmap.store._http import (
    _DEADLINE,
    _TRANSIENT_ERRORS,
    _TRANSIENT_STATUS,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_REPLY,
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    _Answer,
    _auth,
    _check_ntriples,
    _deadline_transport,
    _excerpt,
    _json_results,
    _reason,
    redact,
)
from argmap.store.base import Row
from argmap.store.dialects import DIALECTS, Dialect, Expanded, detect, get_dialect

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_REPLY",
    "ENV_PASSWORD",
    "ENV_TOKEN",
    "ENV_USER",
    "RemoteStore",
    "connect",
    "redact",
]


class RemoteStore:
    """A SPARQL 1.1 server reached over HTTP (see the module docstring).

    Args:
        query_url: the SPARQL query endpoint.
        update_url: the SPARQL update endpoint (default: ``query_url``).
        gsp_url: the Graph Store endpoint (default: ``query_url``).
        dialect: a :class:`~argmap.store.dialects.Dialect` or its name (default generic).
        user: user for HTTP basic/digest auth (default ``$ARGMAP_STORE_USER``).
        password: its password (default ``$ARGMAP_STORE_PASSWORD``).
        token: a bearer token instead (default ``$ARGMAP_STORE_TOKEN``).
        timeout: seconds to wait for the server at any one moment (connect, each read
            or write).
        deadline: seconds one request may take in all, retries included (``None``: no
            deadline).
        max_reply: bytes one answer may hold (``None``: no cap).
        retries: how many times a request that failed transiently is sent again.
        backoff: seconds before the first retry (doubling after each).
        transport: an httpx transport (tests).
        anonymous: send no credentials, and read none from the environment.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        dialect: Dialect | str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: float = 60.0,
        deadline: float | None = DEFAULT_DEADLINE,
        max_reply: int | None = DEFAULT_MAX_REPLY,
        retries: int = 3,
        backoff: float = 0.25,
        transport: httpx.BaseTransport | None = None,
        anonymous: bool = False,
    ) -> None:
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        self.dialect: Dialect = dialect or DIALECTS["generic"]
        for url in (query_url, update_url, gsp_url):
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise StoreError(f"{redact(url)!r} is not an http(s) URL")
        self.query_url = redact(query_url)
        self.update_url = redact(update_url or query_url)
        self.gsp_url = redact(gsp_url or query_url)
        parts = urlsplit(query_url)
        if user is None and parts.username is not None:
            user, password = parts.username, parts.password
        auth, self._scheme = (
            (None, "none") if anonymous else _auth(self.dialect, user, password, token)
        )
        self.retries = max(0, retries)
        self.backoff = backoff
        if deadline is not None and deadline <= 0:
            raise StoreError(f"deadline={deadline!r}: expected a positive number of seconds")
        if max_reply is not None and max_reply <= 0:
            raise StoreError(f"max_reply={max_reply!r}: expected a positive number of bytes")
        self.deadline = deadline
        self.max_reply = max_reply
        self._client = httpx.Client(
            auth=auth,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport or _deadline_transport(),
            headers={"User-Agent": "argmap"},
        )
        self._timeout = timeout

    # ------------------------------------------------------------------ plumbing

    @property
    def location(self) -> str:
        """The query URL (without credentials)."""
        return self.query_url

    def __repr__(self) -> str:
        return (
            f"RemoteStore(query_url={self.query_url!r}, dialect={self.dialect.name!r}, "
            f"auth={self._scheme!r})"
        )

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send(
        self,
        method: str,
        url: str,
        what: str,
        *,
        params: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok_missing: bool = False,
        any_status: bool = False,
    ) -> _Answer:
        """Send one request with retries, within the deadline; read the answer, within the cap.

        Every failure becomes a StoreError subclass.
        """
        outer = _DEADLINE.at
        _DEADLINE.at = None if self.deadline is None else time.monotonic() + self.deadline
        try:
            return self._attempts(
                method,
                url,
                what,
                params=params,
                data=data,
                content=content,
                headers=headers,
                ok_missing=ok_missing,
                any_status=any_status,
            )
        finally:
            _DEADLINE.at = outer

    def _past_deadline(self, what: str, url: str) -> StoreUnavailable:
        return StoreUnavailable(
            f"{what}: the store at {url} did not finish within the deadline of "
            f"{self.deadline:g} s for one request (deadline=, --deadline)"
        )

    def _attempts(
        self,
        method: str,
        url: str,
        what: str,
        *,
        params: Mapping[str, str] | None,
        data: Mapping[str, str] | None,
        content: bytes | None,
        headers: Mapping[str, str] | None,
        ok_missing: bool,
        any_status: bool,
    ) -> _Answer:
        attempts = self.retries + 1
        last: str = ""
        for attempt in range(attempts):
            if attempt:
                pause = min(self.backoff * 2 ** (attempt - 1), 5.0)
                at = _DEADLINE.at
                if at is not None and time.monotonic() + pause >= at:
                    raise self._past_deadline(what, url)
                time.sleep(pause)
            try:
                response = self._receive(
                    method, url, what, params=params, data=data, content=content, headers=headers
                )
            except httpx.TimeoutException as exc:
                at = _DEADLINE.at
                if at is not None and time.monotonic() >= at:
                    raise self._past_deadline(what, url) from None
                if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                    last = f"could not connect within {self._timeout:g} s"
                    continue
                raise StoreUnavailable(
                    f"{what}: the store at {url} gave no answer within {self._timeout:g} s"
                ) from None
            except httpx.ConnectError as exc:
                last = f"nothing answered ({_reason(exc)})"
                continue
            except _TRANSIENT_ERRORS as exc:
                last = f"the connection broke mid-request ({_reason(exc)})"
                continue
            except httpx.HTTPError as exc:
                raise StoreError(f"{what}: request to {url} failed: {_reason(exc)}") from None
            status = response.status_code
            if status in _TRANSIENT_STATUS:
                last = f"HTTP {status} {response.reason_phrase}"
                retry_after = response.headers.get("retry-after", "")
                if retry_after.isdigit() and attempt + 1 < attempts:
                    time.sleep(min(int(retry_after), 10))
                continue
            if any_status:
                return response
            if status in (401, 403):
                raise StoreAuthError(
                    f"{what}: the store at {url} refused "
                    + (
                        "the credentials"
                        if self._scheme != "none"
                        else "the request and needs credentials (--user and "
                        f"{ENV_PASSWORD}, or {ENV_TOKEN})"
                    )
                    + f" (HTTP {status})"
                )
            if status == 404 and ok_missing:
                return response
            if status >= 400:
                text = response.text
                if status == 400 and what.endswith("query"):
                    # the server read the query and refused it: the query's fault
                    raise QuerySyntaxError(
                        f"{what}: the store at {url} refused the query (HTTP 400 "
                        f"{response.reason_phrase}): {_excerpt(text)}{self.dialect.hint(text)}"
                    )
                raise StoreError(
                    f"{what}: the store at {url} answered HTTP {status} "
                    f"{response.reason_phrase}: {_excerpt(text)}{self.dialect.hint(text)}"
                )
            return response
        raise StoreUnavailable(
            f"{what}: the store at {url} is unavailable: {last}"
            + (f" (tried {attempts} times)" if attempts > 1 else "")
        )

    def _receive(
        self,
        method: str,
        url: str,
        what: str,
        *,
        params: Mapping[str, str] | None,
        data: Mapping[str, str] | None,
        content: bytes | None,
        headers: Mapping[str, str] | None,
    ) -> _Answer:
        """One request; its answer read in chunks, refused once over :attr:`max_reply`."""
        cap = self.max_reply
        with self._client.stream(
            method, url, params=params, data=data, content=content, headers=headers
        ) as response:
            announced = response.headers.get("content-length", "")
            if cap is not None and announced.isdigit() and int(announced) > cap:
                raise self._too_big(what, url, f"announced {int(announced):,} bytes")
            chunks: list[bytes] = []
            size = 0
            at = _DEADLINE.at
            for chunk in response.iter_bytes():
                size += len(chunk)
                if cap is not None and size > cap:
                    raise self._too_big(what, url, f"sent more than {cap:,} bytes")
                chunks.append(chunk)
                if at is not None and time.monotonic() >= at:
                    raise self._past_deadline(what, url)
            return _Answer(
                response.status_code, response.reason_phrase, response.headers, b"".join(chunks)
            )

    def _too_big(self, what: str, url: str, how: str) -> StoreError:
        return StoreError(
            f"{what}: the store at {url} {how}, over the cap of {self.max_reply:,} bytes on "
            "one answer (max_reply=, --max-reply); nothing of it was used"
        )

    def _query(self, query: str, accept: str, default_graph: str | None, what: str) -> _Answer:
        form = {"query": self.dialect.adapt(query)}
        if default_graph is not None:
            form["default-graph-uri"] = default_graph
        response = self._send("POST", self.query_url, what, data=form, headers={"Accept": accept})
        header = self.dialect.max_rows_header
        if header and header in response.headers:
            raise StoreProtocolError(
                f"{what}: the store at {self.query_url} cut the result to "
                f"{response.headers[header]} rows (Virtuoso's [SPARQL] ResultSetMaxRows); "
                "raise that limit in virtuoso.ini to get every row"
            )
        return response

    # ------------------------------------------------------------------ the protocol

    def _expanded(self, query: str, default_graph: str | None) -> Expanded:
        """The queries to send for ``query`` (see :meth:`Dialect.expand_paths`)."""
        return self.dialect.expand_paths(
            query, lambda text: self._select(text, default_graph=default_graph)
        )

    def select(self, query: str, *, default_graph: str | None = None) -> list[Row]:
        """Run a SELECT query; rows of pyoxigraph terms."""
        plan = self._expanded(query, default_graph)
        if len(plan.queries) == 1:
            return self._select(plan.queries[0], default_graph=default_graph)
        rows: list[Row] = []
        seen: set[tuple[tuple[str, Any], ...]] = set()
        for part in plan.queries:
            for row in self._select(part, default_graph=default_graph):
                if plan.distinct:
                    key = tuple(row.items())
                    if key in seen:
                        continue
                    seen.add(key)
                rows.append(row)
        return rows

    def _select(self, query: str, *, default_graph: str | None = None) -> list[Row]:
        response = self._query(
            query, "application/sparql-results+json", default_graph, "SPARQL query"
        )
        doc = _json_results(response, self.query_url)
        try:
            names = doc["head"]["vars"]
            bindings = doc["results"]["bindings"]
        except (KeyError, TypeError):
            raise StoreProtocolError(
                f"SPARQL query: the store at {self.query_url} answered JSON without "
                "head.vars and results.bindings: not SPARQL results"
            ) from None
        if (
            not isinstance(bindings, list)
            or not isinstance(names, list)
            or not all(isinstance(n, str) for n in names)
        ):
            raise StoreProtocolError(
                f"SPARQL query: the store at {self.query_url} answered malformed results"
            )
        term = self.dialect.term
        rows: list[Row] = []
        for binding in bindings:
            if not isinstance(binding, dict):
                raise StoreProtocolError(
                    f"SPARQL query: the store at {self.query_url} answered a malformed row"
                )
            rows.append({n: term(binding[n]) if n in binding else None for n in names})
        return rows

    def ask(self, query: str, *, default_graph: str | None = None) -> bool:
        """Run an ASK query."""
        return any(
            self._ask(part, default_graph) for part in self._expanded(query, default_graph).queries
        )

    def _ask(self, query: str, default_graph: str | None) -> bool:
        response = self._query(
            query, "application/sparql-results+json", default_graph, "SPARQL ASK query"
        )
        doc = _json_results(response, self.query_url)
        value = doc.get("boolean") if isinstance(doc, dict) else None
        if value in (True, False, 1, 0):
            return bool(value)
        raise StoreProtocolError(
            f"SPARQL ASK query: the store at {self.query_url} answered no boolean"
        )

    def construct(self, query: str, *, default_graph: str | None = None) -> bytes:
        """Run a CONSTRUCT query; the triples as N-Triples bytes."""
        out = []
        for part in self._expanded(query, default_graph).queries:
            response = self._query(
                part, "application/n-triples", default_graph, "SPARQL CONSTRUCT query"
            )
            _check_ntriples(response, self.query_url, "SPARQL CONSTRUCT query")
            out.append(response.content)
        return (
            out[0]
            if len(out) == 1
            else b"".join(
                chunk if chunk.endswith(b"\n") or not chunk else chunk + b"\n" for chunk in out
            )
        )

    def update(self, update: str) -> None:
        """Run a SPARQL Update request."""
        self._send(
            "POST",
            self.update_url,
            "SPARQL update",
            content=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def append(self, graph: str, ntriples: bytes) -> None:
        """Add N-Triples to ``graph`` with one Graph Store ``POST``."""
        self._send(
            "POST",
            self.gsp_url,
            f"upload to <{graph}>",
            params={"graph": graph, **self.dialect.upload_params},
            content=ntriples,
            headers={"Content-Type": "application/n-triples"},
        )

    def append_quads(self, nquads: bytes) -> None:
        """Add N-Quads, each to its named graph, with one ``POST`` of the whole store.

        Only servers whose Graph Store endpoint takes N-Quads (Oxigraph) accept it.
        """
        self._send(
            "POST",
            self.gsp_url,
            "upload of N-Quads",
            params=self.dialect.upload_params,
            content=nquads,
            headers={"Content-Type": "application/n-quads"},
        )

    def read_graph(self, graph: str) -> bytes:
        """The triples of ``graph`` by Graph Store ``GET`` (empty when there is none)."""
        response = self._send(
            "GET",
            self.gsp_url,
            f"download of <{graph}>",
            params={"graph": graph},
            headers={"Accept": "application/n-triples"},
            ok_missing=True,
        )
        if response.status_code == 404:
            return b""
        _check_ntriples(response, self.gsp_url, f"download of <{graph}>")
        return response.content


def connect(
    url: str,
    *,
    query_url: str | None = None,
    update_url: str | None = None,
    gsp_url: str | None = None,
    dialect: Dialect | str = "auto",
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    timeout: float = 60.0,
    deadline: float | None = DEFAULT_DEADLINE,
    max_reply: int | None = DEFAULT_MAX_REPLY,
    retries: int = 3,
) -> RemoteStore:
    """A :class:`RemoteStore` for the server at ``url``.

    ``url`` is the server's base URL (``http://127.0.0.1:7878``) or one of its endpoints
    (``http://host:8890/sparql``). With ``dialect="auto"`` one request reads the
    server's ``Server`` header to tell Oxigraph and Virtuoso from the rest; their
    endpoints are then known. For any other server ``url`` is the query endpoint and
    ``update_url``/``gsp_url`` default to it. Explicit endpoint URLs always win.
    ``timeout``, ``deadline`` and ``max_reply`` bound each wait, each request and each
    answer (see the module docstring).

    >>> store = connect("http://127.0.0.1:8890/sparql", dialect="virtuoso")
    >>> store.update_url, store.gsp_url
    ('http://127.0.0.1:8890/sparql-auth', 'http://127.0.0.1:8890/sparql-graph-crud-auth')
    >>> store.close()
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise StoreError(f"{redact(url)!r} is not an http(s) URL")
    if user is None and parts.username is not None:
        user, password = parts.username, parts.password
    clean = redact(url).rstrip("/")
    if isinstance(dialect, str) and dialect == "auto":
        dialect = _probe(clean, timeout, deadline, max_reply, retries)
    elif isinstance(dialect, str):
        dialect = get_dialect(dialect)
    if dialect.query_path:
        base = clean
        for path in (dialect.query_path, dialect.update_path, dialect.gsp_path):
            if base.endswith(path):
                base = base[: -len(path)]
                break
        query_url = query_url or base + dialect.query_path
        update_url = update_url or base + dialect.update_path
        gsp_url = gsp_url or base + dialect.gsp_path
    return RemoteStore(
        query_url or clean,
        update_url=update_url,
        gsp_url=gsp_url,
        dialect=dialect,
        user=user,
        password=password,
        token=token,
        timeout=timeout,
        deadline=deadline,
        max_reply=max_reply,
        retries=retries,
    )


def _probe(
    url: str, timeout: float, deadline: float | None, max_reply: int | None, retries: int
) -> Dialect:
    """The dialect of the server at ``url``, from the ``Server`` header of one GET."""
    with RemoteStore(
        url,
        timeout=timeout,
        deadline=deadline,
        max_reply=max_reply,
        retries=retries,
        anonymous=True,
    ) as probe:
        response = probe._send("GET", url, "connecting", any_status=True)
    return detect(response.headers.get("server"))
