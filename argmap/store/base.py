"""The one interface every triple store backend gives argmap: :class:`Store`.

:func:`~argmap.store.push`, :func:`~argmap.store.pull` and the pushed-down queries are
written once against this protocol; :class:`~argmap.store.embedded.EmbeddedStore` (a
pyoxigraph store on disk) and :class:`~argmap.store.remote.RemoteStore` (any SPARQL 1.1
server over HTTP) implement it. Every method either does what it says or raises an
:class:`~argmap.errors.StoreError` subclass.

Terms in results are pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) whatever
the backend, normalised by the backend's :class:`~argmap.store.dialects.Dialect`, so two
backends holding the same data answer with equal rows.

Examples
--------
>>> from argmap.store import open_store
>>> with open_store(None) as store:
...     isinstance(store, Store)
True
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from argmap.store.dialects import Dialect

__all__ = ["Row", "Store"]

#: One solution of a SELECT query: each variable -> a pyoxigraph term, or None if unbound.
Row = dict[str, Any]


@runtime_checkable
class Store(Protocol):
    """A triple store argmap can push maps to, pull them from and query."""

    dialect: Dialect
    """What the backend is and how it behaves (see :mod:`argmap.store.dialects`)."""

    @property
    def location(self) -> str:
        """Where the store is, for messages (a path, or a URL without credentials)."""
        ...

    def select(self, query: str, *, default_graph: str | None = None) -> list[Row]:
        """Run a SELECT query; ``default_graph`` scopes it to one named graph."""
        ...

    def ask(self, query: str, *, default_graph: str | None = None) -> bool:
        """Run an ASK query."""
        ...

    def construct(self, query: str, *, default_graph: str | None = None) -> bytes:
        """Run a CONSTRUCT query; the triples as N-Triples."""
        ...

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update request (atomic where the server makes it so)."""
        ...

    def append(self, graph: str, ntriples: bytes) -> None:
        """Add N-Triples to named graph ``graph`` (fast path; need not be transactional)."""
        ...

    def read_graph(self, graph: str) -> bytes:
        """Every triple of named graph ``graph`` as N-Triples (empty if there is none)."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
