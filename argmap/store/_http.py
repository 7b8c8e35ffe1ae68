"""HTTP for :class:`argmap.store.remote.RemoteStore`: credentials, a deadline on every request
(retries included), transient failures, and the checks on what a server answered.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from argmap.errors import (
    StoreAuthError,
    StoreProtocolError,
)
from argmap.store.dialects import Dialect

ENV_USER = "ARGMAP_STORE_USER"
ENV_PASSWORD = "ARGMAP_STORE_PASSWORD"
ENV_TOKEN = "ARGMAP_STORE_TOKEN"
DEFAULT_DEADLINE = 900.0
"""Seconds one request may take in all, retries included (``deadline=``, ``--deadline``)."""
DEFAULT_MAX_REPLY = 512 * 2**20
"""Bytes one answer may hold (``max_reply=``, ``--max-reply``)."""
_WRITE_CHUNK = 64 * 1024  # an upload is written in pieces, each within the deadline

_TRANSIENT_STATUS = {429, 502, 503, 504}
_TRANSIENT_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.PoolTimeout,
)
_NT_TYPES = ("application/n-triples", "text/plain")


def redact(url: str) -> str:
    """``url`` without the ``user:password@`` part, for messages.

    >>> redact("https://bob:pw@db.example.org:8890/sparql?x=1")
    'https://db.example.org:8890/sparql?x=1'
    """
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


class _Deadline(threading.local):
    """The monotonic time the request under way in this thread must end by (or None)."""

    at: float | None = None


_DEADLINE = _Deadline()


def _within(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` shortened to what is left of this thread's deadline; raise when none is."""
    at = _DEADLINE.at
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the request deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline of its request."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _within(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        view = memoryview(buffer)
        for start in range(0, len(view), _WRITE_CHUNK):
            chunk = bytes(view[start : start + _WRITE_CHUNK])
            self._inner.write(chunk, _within(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _within(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with :class:`_DeadlineStream` connections."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _within(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, _within(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _deadline_transport() -> httpx.HTTPTransport:
    """An httpx transport whose connections keep to the deadline of each request.

    httpx has per-operation timeouts only; its connection pool takes a network backend,
    which httpx does not expose, so the pool's is wrapped here. Should a later httpx
    build its pool differently, the deadline is still checked between the chunks of an
    answer (see :meth:`~argmap.store.remote.RemoteStore._send`), only not while headers arrive.
    """
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return transport


@dataclass(frozen=True)
class _Answer:
    """An HTTP answer read whole (within the reply cap)."""

    status_code: int
    reason_phrase: str
    headers: httpx.Headers
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class _Bearer(httpx.Auth):
    """``Authorization: Bearer <token>``, with a repr that does not show the token."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "<bearer token>"


def _auth(
    dialect: Dialect, user: str | None, password: str | None, token: str | None
) -> tuple[httpx.Auth | None, str]:
    """The httpx auth object and its scheme name, from arguments or the environment."""
    if user is None and password is None and token is None:
        user = os.environ.get(ENV_USER) or None
        password = os.environ.get(ENV_PASSWORD)
        token = os.environ.get(ENV_TOKEN) or None
    if token is not None and user is not None:
        raise StoreAuthError("give a user and password or a token, not both")
    if token is not None:
        return _Bearer(token), "bearer"
    if user is None:
        if password:
            raise StoreAuthError(f"a password was given but no user (set --user or {ENV_USER})")
        return None, "none"
    if password is None:
        password = os.environ.get(ENV_PASSWORD)
    if password is None:
        raise StoreAuthError(f"user {user!r} was given but no password (set {ENV_PASSWORD})")
    if dialect.auth == "digest":
        return httpx.DigestAuth(user, password), "digest"
    return httpx.BasicAuth(user, password), "basic"


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.split("\n")[0][:200]


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return (text[:limit] + " ...") if len(text) > limit else (text or "(no message)")


def _json_results(response: _Answer, url: str) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        kind = response.headers.get("content-type", "no content type")
        raise StoreProtocolError(
            f"SPARQL query: the store at {url} answered {kind} that is not JSON "
            f"SPARQL results: {_excerpt(response.text, 120)}"
        ) from None


def _check_ntriples(response: _Answer, url: str, what: str) -> None:
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in _NT_TYPES:
        raise StoreProtocolError(f"{what}: the store at {url} answered {kind}, not N-Triples")
