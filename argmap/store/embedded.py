"""The embedded default: a persistent pyoxigraph store on disk, no server needed.

:func:`open_store` opens (or creates) a store in a folder. Maps live in it as named
graphs, one per map, exactly as they do in a remote store (see :mod:`argmap.store.push`
for the layout): :meth:`EmbeddedStore.save`, :meth:`~EmbeddedStore.maps`,
:meth:`~EmbeddedStore.load`, :meth:`~EmbeddedStore.delete`; saving a map whose graph
exists replaces it atomically.

Opening one store twice (behaviour of pyoxigraph 0.5, which keeps its data in RocksDB;
checked by ``tests/test_store_embedded.py``):

* **Twice read-write, in one process or in two** — the second open fails: RocksDB locks
  the folder (``IO error: lock hold by current process`` in the same process,
  ``Resource temporarily unavailable`` from another). argmap raises
  :class:`~argmap.errors.StoreUnavailable` saying the store is open for writing
  elsewhere. Share one
  :class:`EmbeddedStore` within a process, or close it (``with`` block or
  :meth:`~EmbeddedStore.close`) before opening again. An ``oxigraph serve`` process
  holds the same lock, so a folder a server is using cannot be opened here.
* **Read-only next to a writer** (``open_store(path, read_only=True)``) — allowed, in the
  same or another process, and it sees the store *as it was when opened*: later writes
  are not visible until it is opened again, and it cannot write. pyoxigraph documents
  a read-only open while *another process* writes as undefined behaviour; use it for
  reading a store nobody is writing, or as a snapshot you may discard. The command
  line's reading commands (``pull``, ``query``, ``graphs`` without ``--gc``) open the
  store this way, so they never hold the lock a ``push`` needs (the choice issue 14 asked
  for: a pull must not refuse a push). The cost is pyoxigraph's caveat above: a reader
  that runs while another process writes reads a snapshot as of its open, and RocksDB
  may report an I/O error if a compaction removed a file the reader had not opened yet;
  argmap turns that into a store error (exit 3), and running the command again reads the
  new state. argmap's own pushes never change a version readers follow (they upload a
  new data graph and swap one pointer, see :mod:`argmap.store.push`).

``SERVICE`` clauses: pyoxigraph answers ``SERVICE <url> {...}`` by an HTTP request to
``url``. argmap contacts only the stores it is told to, so every query and update on an
embedded store is checked (:mod:`argmap.store._service` finds the keyword as a SPARQL
token, not in strings or comments) and refused with
:class:`~argmap.errors.QuerySyntaxError` unless the store was opened with
``allow_service=True`` (or :func:`~argmap.store.run_query` is given it; on the command
line, ``argmap query --allow-service``).

A folder that holds no store is created by a read-write open; ``create=False`` refuses
it instead (the command line creates stores only on ``push``).

Examples
--------
>>> import tempfile
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("demo"); _ = m.claim("A claim.", id="c")
>>> with open_store(tempfile.mkdtemp()) as store:
...     info = store.save(m)
...     [g.graph for g in store.maps()], store.load(info.graph) == m
(['https://w3id.org/argmap/map/demo'], True)
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from argmap.errors import QuerySyntaxError, StoreError, StoreUnavailable
from argmap.store.base import Row
from argmap.store.dialects import DIALECTS, Dialect

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.store.push import GraphInfo

__all__ = ["EmbeddedStore", "is_store", "open_store"]

_SMALL_LOAD = 4 * 1024 * 1024  # bytes: below this, a transactional load is as fast


class EmbeddedStore:
    """A pyoxigraph :class:`pyoxigraph.Store` behind argmap's :class:`~argmap.store.Store`.

    Args:
        path: the folder of the store (created when missing); ``None`` for a store in
            memory that disappears with the object.
        read_only: open a read-only snapshot (see the module docstring).
        create: create a store when the folder holds none (``False``: refuse).
        allow_service: run queries with ``SERVICE`` clauses (HTTP requests to the
            servers they name); refused by default.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        *,
        read_only: bool = False,
        create: bool = True,
        allow_service: bool = False,
    ) -> None:
        self.dialect: Dialect = DIALECTS["embedded"]
        self.path = None if path is None else os.fspath(path)
        self.read_only = read_only
        self.allow_service = allow_service
        self._store: Any = None
        if self.path is not None and (read_only or not create) and not is_store(self.path):
            raise StoreUnavailable(
                f"{self.path}: no store there; check the path (stores are created by "
                "`argmap push`, or open_store without read_only)"
            )
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(self.path)
            else:
                self._store = ox.Store(self.path)
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreUnavailable(
                    f"{self.path}: the store is open elsewhere, for writing (a push or gc, "
                    "a program using it, or an oxigraph server); wait for it to end or "
                    "close it. Reading commands (pull, query, graphs) take no lock. "
                    f"({message})"
                ) from None
            raise StoreUnavailable(f"{self.path}: cannot open the store: {message}") from None

    @property
    def location(self) -> str:
        """The folder of the store (``:memory:`` for an in-memory store)."""
        return self.path or ":memory:"

    @property
    def raw(self) -> Any:
        """The underlying :class:`pyoxigraph.Store` (for what argmap does not wrap)."""
        return self._live()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"EmbeddedStore({self.location!r}{mode})"

    def _live(self) -> Any:
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store

    def flush(self) -> None:
        """Write what the store holds in memory to its folder, freeing that memory.

        Many small pushes (a corpus load) otherwise grow the in-memory write buffers
        of the store to about a gigabyte before it writes them out itself.

        >>> store = open_store(None); store.flush()
        """
        if self.path is not None and not self.read_only:
            self._live().flush()

    def close(self) -> None:
        """Flush and release the folder (its lock) so it can be opened again."""
        store, self._store = getattr(self, "_store", None), None
        if store is not None and not self.read_only and self.path is not None:
            store.flush()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ the protocol

    def _check_service(self, text: str, what: str, allow: bool | None) -> None:
        if self.allow_service if allow is None else allow:
            return
        from argmap.store._service import find_service

        where = find_service(text)
        if where is not None:
            raise QuerySyntaxError(
                f"{what}: SERVICE at line {where[0]}, column {where[1]} would make the "
                f"embedded store {self.location} send a request to another server; argmap "
                "contacts only the stores it is given. Allow it with --allow-service "
                "(argmap query) or allow_service=True (open_store, run_query)"
            )

    def _run(
        self, query: str, default_graph: str | None, what: str, allow_service: bool | None
    ) -> Any:
        self._check_service(query, what, allow_service)
        options: dict[str, Any] = {}
        if default_graph is not None:
            options["default_graph"] = ox.NamedNode(default_graph)
        try:
            return self._live().query(query, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"{what}: {self.location} refused the query: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"{what}: {self.location} failed: {exc}") from None

    def select(
        self, query: str, *, default_graph: str | None = None, allow_service: bool | None = None
    ) -> list[Row]:
        """Run a SELECT query; rows of pyoxigraph terms."""
        solutions = self._run(query, default_graph, "SPARQL query", allow_service)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError(f"SPARQL query: {self.location}: not a SELECT query")
        names = [v.value for v in solutions.variables]
        rows: list[Row] = []
        for solution in solutions:
            rows.append({name: solution[name] for name in names})
        return rows

    def ask(
        self, query: str, *, default_graph: str | None = None, allow_service: bool | None = None
    ) -> bool:
        """Run an ASK query."""
        answer = self._run(query, default_graph, "SPARQL ASK query", allow_service)
        if not isinstance(answer, ox.QueryBoolean):
            raise StoreError(f"SPARQL ASK query: {self.location}: not an ASK query")
        return bool(answer)

    def construct(
        self, query: str, *, default_graph: str | None = None, allow_service: bool | None = None
    ) -> bytes:
        """Run a CONSTRUCT query; N-Triples bytes."""
        triples = self._run(query, default_graph, "SPARQL CONSTRUCT query", allow_service)
        if not isinstance(triples, ox.QueryTriples):
            raise StoreError(f"SPARQL CONSTRUCT query: {self.location}: not a CONSTRUCT query")
        return bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")

    def update(self, update: str, *, allow_service: bool | None = None) -> None:
        """Run a SPARQL Update request (one transaction)."""
        self._check_service(update, "SPARQL update", allow_service)
        try:
            self._live().update(update)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL update: {self.location} refused it: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"SPARQL update: {self.location} failed: {exc}") from None

    def append(self, graph: str, ntriples: bytes) -> None:
        """Add N-Triples to ``graph`` (pyoxigraph's bulk loader for large batches)."""
        store = self._live()
        target = ox.NamedNode(graph)
        try:
            if len(ntriples) < _SMALL_LOAD:
                store.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=target)
            else:
                store.bulk_load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=target)
        except SyntaxError as exc:
            raise StoreError(
                f"upload to <{graph}>: {self.location}: bad N-Triples: {exc}"
            ) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"upload to <{graph}>: {self.location} failed: {exc}") from None

    def append_quads(self, nquads: bytes) -> None:
        """Add N-Quads, each to its named graph (pyoxigraph's bulk loader for large batches).

        Like :meth:`append`, not transactional: for graphs nobody reads yet.
        """
        store = self._live()
        try:
            if len(nquads) < _SMALL_LOAD:
                store.load(nquads, ox.RdfFormat.N_QUADS)
            else:
                store.bulk_load(nquads, ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"upload: {self.location}: bad N-Quads: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"upload: {self.location} failed: {exc}") from None

    def read_graph(self, graph: str) -> bytes:
        """Every triple of ``graph`` as N-Triples."""
        store = self._live()
        try:
            quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            out = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"download of <{graph}>: {self.location} failed: {exc}") from None
        return bytes(out or b"")

    # ------------------------------------------------------------------ maps as graphs

    def save(self, m: ArgumentMap, graph: str | None = None) -> GraphInfo:
        """Save ``m`` as named graph ``graph`` (default: the map's IRI), replacing it."""
        from argmap.store.push import push

        return push(m, self, graph, progress=False)

    def load(self, graph: str) -> ArgumentMap:
        """The map saved as ``graph``."""
        from argmap.store.push import pull

        return pull(self, graph)

    def maps(self) -> list[GraphInfo]:
        """The maps in the store, by graph IRI."""
        from argmap.store.push import graphs

        return graphs(self)

    def delete(self, graph: str) -> bool:
        """Delete the map saved as ``graph``; False when there was none."""
        from argmap.store.push import delete

        return delete(self, graph)


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether folder ``path`` holds an embedded store (RocksDB's ``CURRENT`` file).

    >>> import tempfile
    >>> is_store(tempfile.mkdtemp())
    False
    """
    return os.path.isfile(os.path.join(os.fspath(path), "CURRENT"))


def open_store(
    path: str | os.PathLike[str] | None,
    *,
    read_only: bool = False,
    create: bool = True,
    allow_service: bool = False,
) -> EmbeddedStore:
    """Open (or create) the embedded store in folder ``path`` (``None``: in memory).

    See the module docstring for what happens when a store is opened twice, for
    ``SERVICE`` clauses (``allow_service``) and for ``create``.

    >>> store = open_store(None)
    >>> store.maps()
    []
    >>> store.close()
    """
    return EmbeddedStore(path, read_only=read_only, create=create, allow_service=allow_service)
