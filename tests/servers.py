"""Real triple-store servers for the tests, started on loopback by the test suite itself.

* :class:`OxigraphServer` — ``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` (PyPI
  ``oxigraph``);
* :class:`VirtuosoServer` — ``virtuoso-t +foreground +configfile INI`` (Debian
  ``virtuoso-opensource``) with a test-owned ini: database files in a temporary folder,
  the SQL and HTTP listeners on 127.0.0.1 free ports, ``ResultSetMaxRows`` raised, and a
  fresh random ``dba`` password set with ``isql-vt`` (the packaged default is
  ``dba``/``dba``).

Each server is started on a free port, waited for until it answers a SPARQL query, and
stopped by its PID (SIGTERM, then SIGKILL). :meth:`kill` stops one abruptly and
:meth:`start` brings it back on the same data, for fault tests.

Fixtures (imported by ``tests/conftest.py``): ``oxigraph_server`` and
``virtuoso_server`` (one per test session), ``fresh_oxigraph`` and ``fresh_virtuoso``
(one per test, for tests that kill them), and ``triple_store``, parametrised over
``embedded``, ``oxigraph`` and ``virtuoso``, each an empty store. A missing program
skips with an install hint, or fails under CI (:func:`conftest.require`).

Two hostile servers, in-process and on loopback, for the request deadline and the reply
cap of :class:`argmap.store.RemoteStore`:

* :class:`TrickleServer` — answers every request one byte at a time, a byte every
  ``interval`` seconds (each byte well within any read timeout);
* :class:`FloodServer` — answers every request with ``size`` bytes of SPARQL JSON
  results, as fast as the client reads them.

* :class:`AnswerServer` — answers every request with one fixed reply (a status, a body),
  and keeps what it was asked: a stand-in for a ``SERVICE`` endpoint, or for a store
  that refuses a query.

All serve until :meth:`stop` (or their ``with`` block ends), and each connection stops
by itself: after its whole answer, when the client goes away, or after ``limit`` seconds.
"""

from __future__ import annotations

import contextlib
import secrets
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from argmap.store import RemoteStore, Store, connect, open_store

OXIGRAPH_HOW = "pip install oxigraph (or pip install -e '.[server]')"
VIRTUOSO_HOW = "apt-get install virtuoso-opensource (Debian/Ubuntu)"
START_TIMEOUT = 90.0


def _require(program: str, how: str) -> str:
    from conftest import require  # tests/ is on sys.path when conftest is loaded

    return require(program, how)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerError(RuntimeError):
    """A test server did not start."""


class _Server:
    """A server process on loopback: start, wait until it answers, stop by PID."""

    name = "server"

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log = workdir / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    # the subclass says how
    def command(self) -> list[str]:
        raise NotImplementedError

    def ready_url(self) -> str:
        raise NotImplementedError

    def after_start(self) -> None:
        """Work done once the server answers (Virtuoso: set the password)."""

    def port_clash(self) -> None:
        """Forget ports picked for a start that failed, so the next try picks new ones."""

    @property
    def base_url(self) -> str:
        from conftest import exercised

        exercised(self.name)  # whoever asks for the address talks to this server
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def start(self, *, port: int | None = None) -> None:
        """Start on ``port`` (default: a free one) and wait until it answers queries."""
        for attempt in range(3):
            self.port = port or free_port()
            self._spawn()
            try:
                self._wait()
            except ServerError:
                self.stop()
                if port is not None or attempt == 2:
                    raise
                self.port_clash()
                continue
            self.after_start()
            return

    def _spawn(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                self.command(),
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C of pytest does not reach it first
            )

    def _wait(self) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + START_TIMEOUT
        url = self.ready_url()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerError(
                    f"{self.name} exited with {self.proc.returncode} while starting:\n"
                    + self.log_tail()
                )
            with contextlib.suppress(httpx.HTTPError):
                response = httpx.get(
                    url,
                    params={"query": "ASK {}"},
                    headers={"Accept": "application/sparql-results+json"},
                    timeout=2,
                )
                if response.status_code == 200:
                    return
            time.sleep(0.1)
        raise ServerError(
            f"{self.name} did not answer within {START_TIMEOUT} s:\n" + self.log_tail()
        )

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server by its PID: SIGTERM, then SIGKILL if it lingers."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def kill(self) -> None:
        """Kill the server abruptly (SIGKILL), as a crash or a power cut would."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)


class OxigraphServer(_Server):
    """``oxigraph serve`` on 127.0.0.1 with its database in ``workdir/db``."""

    name = "oxigraph"

    def __init__(self, workdir: Path, program: str = "oxigraph") -> None:
        super().__init__(workdir)
        self.program = program

    def command(self) -> list[str]:
        return [
            self.program,
            "serve",
            "--location",
            str(self.workdir / "db"),
            "--bind",
            f"127.0.0.1:{self.port}",
        ]

    def ready_url(self) -> str:
        return f"{self.base_url}/query"

    def connect(self, **options: Any) -> RemoteStore:
        return connect(self.base_url, dialect="oxigraph", **options)


_VIRTUOSO_INI = """\
; Written by tests/servers.py for one test session: everything in {dir}, loopback only.
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 20
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = .
NumberOfBuffers          = 20000
MaxDirtyBuffers          = 12000
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort               = 127.0.0.1:{http_port}
ServerRoot               = {dir}
MaxClientConnections     = 20
ServerThreads            = 20
Charset                  = UTF-8
KeepAliveTimeout         = 10

[SPARQL]
; The default 10000 silently truncates larger results.
ResultSetMaxRows           = {max_rows}
; The default 400 s refuses some property-path queries of tiny maps on the optimiser's
; estimate alone ("The estimated execution time 667 (sec) exceeds the limit").
MaxQueryCostEstimationTime = 100000
MaxQueryExecutionTime      = 120
"""


class VirtuosoServer(_Server):
    """``virtuoso-t +foreground`` with a test-owned ini, listening on 127.0.0.1 only."""

    name = "virtuoso"
    user = "dba"

    def __init__(
        self,
        workdir: Path,
        program: str = "virtuoso-t",
        isql: str = "isql-vt",
        max_rows: int = 1_000_000,
    ) -> None:
        super().__init__(workdir)
        self.program = program
        self.isql = isql
        self.max_rows = max_rows
        self.sql_port = 0
        self.password = "dba"  # the packaged default, replaced in after_start

    @property
    def ini(self) -> Path:
        return self.workdir / "virtuoso.ini"

    def command(self) -> list[str]:
        if not self.sql_port:
            self.sql_port = free_port()
        self.ini.write_text(
            _VIRTUOSO_INI.format(
                dir=self.workdir,
                sql_port=self.sql_port,
                http_port=self.port,
                max_rows=self.max_rows,
            )
        )
        return [self.program, "+foreground", "+configfile", str(self.ini)]

    def ready_url(self) -> str:
        return f"{self.base_url}/sparql"

    def port_clash(self) -> None:
        self.sql_port = 0

    def after_start(self) -> None:
        if self.password != "dba":
            return  # a restart keeps the password already set
        new = "t" + secrets.token_hex(12)
        # CHECKPOINT makes the change durable: a server killed later (fault tests) comes
        # back with this password, not the packaged one.
        self._isql(f"SET PASSWORD dba {new};", password="dba")
        self._isql("CHECKPOINT;", password=new)
        self.password = new

    def _isql(self, sql: str, password: str) -> str:
        """Run SQL through ``isql-vt`` (statements on stdin, so no secret in ``ps``)."""
        last = ""
        for _ in range(40):  # the SQL listener comes up just after the HTTP one
            result = subprocess.run(
                [self.isql, f"127.0.0.1:{self.sql_port}", self.user, password],
                input=sql + "\nEXIT;\n",
                capture_output=True,
                text=True,
                timeout=60,
            )
            last = result.stdout + result.stderr
            if result.returncode == 0 and "Error" not in last:
                return result.stdout
            time.sleep(0.25)
        raise ServerError(f"isql-vt failed: {last[-500:]}")

    def connect(self, **options: Any) -> RemoteStore:
        options.setdefault("user", self.user)
        options.setdefault("password", self.password)
        return connect(self.base_url, dialect="virtuoso", **options)


# ---------------------------------------------------------------------- hostile servers


class _LoopbackServer:
    """A bare HTTP/1.1 server on 127.0.0.1: one thread per connection, all bounded."""

    def __init__(self, limit: float = 60.0) -> None:
        self.limit = limit
        self.requests = 0
        self.seen: list[bytes] = []  # each request's first line and body
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        ends = time.monotonic() + self.limit
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5.0)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                piece = conn.recv(4096)
                if not piece:
                    return
                head += piece
            headers, _, body = head.partition(b"\r\n\r\n")
            length = 0
            for line in headers.split(b"\r\n")[1:]:
                key, _, value = line.partition(b":")
                if key.strip().lower() == b"content-length" and value.strip().isdigit():
                    length = int(value.strip())
            while len(body) < length and len(body) < 2**26:
                piece = conn.recv(65536)
                if not piece:
                    return
                body += piece
            self.requests += 1
            self.seen.append(head.split(b"\r\n", 1)[0] + b"\n" + body)
            self.answer(conn, ends)

    def running(self, ends: float) -> bool:
        return not self._stop.is_set() and time.monotonic() < ends

    def answer(self, conn: socket.socket, ends: float) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        self._acceptor.join(5)
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> _LoopbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class TrickleServer(_LoopbackServer):
    """Answers ``ASK`` results one byte every ``interval`` s, from the status line on.

    ``head_first`` sends the status line and headers at once and trickles the body only.
    """

    def __init__(self, interval: float = 0.2, head_first: bool = False, limit: float = 60.0):
        self.interval = interval
        self.head_first = head_first
        super().__init__(limit)

    def answer(self, conn: socket.socket, ends: float) -> None:
        body = b'{"head": {}, "boolean": true}' + b" " * 200
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        data = body if self.head_first else head + body
        if self.head_first:
            conn.sendall(head)
        for i in range(len(data)):
            if not self.running(ends):
                return
            conn.sendall(data[i : i + 1])
            self._stop.wait(self.interval)


class FloodServer(_LoopbackServer):
    """Answers a SELECT result of ``size`` bytes, in 64 KiB writes.

    ``announce`` sends its ``Content-Length``; without it the answer ends when the
    connection closes, so the client cannot know its size beforehand.
    """

    def __init__(self, size: int = 100 * 2**20, announce: bool = False, limit: float = 60.0):
        self.size = size
        self.announce = announce
        self.sent = 0
        super().__init__(limit)

    def answer(self, conn: socket.socket, ends: float) -> None:
        row = b'{"s": {"type": "literal", "value": "' + b"x" * 200 + b'"}},'
        start = b'{"head": {"vars": ["s"]}, "results": {"bindings": ['
        end = b'{"s": {"type": "literal", "value": "y"}}]}}'
        rows = max(0, (self.size - len(start) - len(end)) // len(row))
        length = len(start) + rows * len(row) + len(end)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        head += (
            f"Content-Length: {length}\r\n".encode() if self.announce else b"Connection: close\r\n"
        )
        conn.sendall(head + b"\r\n" + start)
        chunk = row * max(1, 65536 // len(row))
        per_chunk = 65536 // len(row)
        left = rows
        while left > 0 and self.running(ends):
            n = min(left, per_chunk)
            conn.sendall(chunk if n == per_chunk else row * n)
            self.sent += n * len(row)
            left -= n
        if left == 0:
            conn.sendall(end)


class AnswerServer(_LoopbackServer):
    """Answers every request with ``status`` and ``body`` (SPARQL JSON results by default).

    The default body is one row binding ``?s`` to the literal ``from-service``.
    """

    ROW = (
        b'{"head": {"vars": ["s"]}, "results": {"bindings": '
        b'[{"s": {"type": "literal", "value": "from-service"}}]}}'
    )

    def __init__(
        self,
        status: str = "200 OK",
        body: bytes = ROW,
        content_type: str = "application/sparql-results+json",
        limit: float = 60.0,
    ) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        super().__init__(limit)

    def answer(self, conn: socket.socket, ends: float) -> None:
        head = (
            f"HTTP/1.1 {self.status}\r\nContent-Type: {self.content_type}\r\n"
            f"Content-Length: {len(self.body)}\r\nConnection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + self.body)


# ---------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """One Oxigraph server for the session (its data in a temporary folder)."""
    program = _require("oxigraph", OXIGRAPH_HOW)
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), program)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_oxigraph(tmp_path: Path) -> Iterator[OxigraphServer]:
    """An Oxigraph server of its own for one test (which may kill and restart it)."""
    program = _require("oxigraph", OXIGRAPH_HOW)
    server = OxigraphServer(tmp_path / "oxigraph", program)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """One Virtuoso server for the session (database in a temporary folder)."""
    program = _require("virtuoso-t", VIRTUOSO_HOW)
    isql = _require("isql-vt", VIRTUOSO_HOW)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"), program, isql)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_virtuoso(tmp_path: Path) -> Iterator[VirtuosoServer]:
    """A Virtuoso server of its own for one test (which may kill and restart it)."""
    program = _require("virtuoso-t", VIRTUOSO_HOW)
    isql = _require("isql-vt", VIRTUOSO_HOW)
    server = VirtuosoServer(tmp_path / "virtuoso", program, isql)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def empty_store(store: Store) -> None:
    """Remove every graph argmap made, so each test starts from an empty store."""
    from argmap.store.push import _named_graphs, drop_graph

    for name in _named_graphs(store):
        if name.startswith(("https://w3id.org/argmap/", "https://example.org/", "urn:test:")):
            drop_graph(store, name)


@pytest.fixture(params=["embedded", "oxigraph", "virtuoso"])
def triple_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each kind: embedded (on disk), Oxigraph server, Virtuoso server."""
    kind = request.param
    if kind == "embedded":
        with open_store(tmp_path / "store") as embedded:
            yield embedded
        return
    server = request.getfixturevalue(f"{kind}_server")
    with server.connect() as remote:
        empty_store(remote)
        yield remote
        with contextlib.suppress(Exception):
            empty_store(remote)


__all__ = [
    "FloodServer",
    "OxigraphServer",
    "TrickleServer",
    "VirtuosoServer",
    "free_port",
    "fresh_oxigraph",
    "fresh_virtuoso",
    "oxigraph_server",
    "triple_store",
    "virtuoso_server",
]
