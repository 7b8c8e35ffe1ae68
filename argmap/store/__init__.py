"""Triple stores: an embedded store by default, any SPARQL 1.1 server at scale.

* :func:`open_store` — a persistent pyoxigraph store in a folder, no server
  (:mod:`argmap.store.embedded`);
* :func:`connect` — any SPARQL 1.1 server over HTTP: Oxigraph, Virtuoso, GraphDB,
  Fuseki, Neptune, ... (:mod:`argmap.store.remote`, :mod:`argmap.store.dialects`);
* :func:`push` / :func:`pull` / :func:`graphs` / :func:`delete` / :func:`gc` — maps as
  named graphs, replaced atomically (:mod:`argmap.store.push`);
* :func:`trace`, :func:`trace_sets`, :func:`run_query`, :func:`unsupported_sets`,
  :func:`recommendations_resting_on`, :func:`shared_actors` — queries answered by the
  store, with the same results as the in-memory queries (:mod:`argmap.store.query`);
* :func:`validate_in_store` — the structural validation rules as SPARQL run in the store,
  for servers without SHACL (:mod:`argmap.store.validate`).

Both kinds of store implement one protocol, :class:`Store`; :func:`open_any` picks one
from a path or a URL, as the command line does.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap("s"); r = m.recommendation("Act.", id="r")
>>> _ = m.argue([m.evidence("It works.", id="e")], r, id="a")
>>> with open_store(None) as store:
...     _ = push(m, store)
...     trace(store, m.iri, "r").evidence
('e',)
"""

from __future__ import annotations

from argmap.store.base import Row, Store
from argmap.store.dialects import DIALECTS, Dialect
from argmap.store.embedded import EmbeddedStore, open_store
from argmap.store.push import (
    CATALOG,
    GraphInfo,
    StoreCleanupWarning,
    delete,
    gc,
    graphs,
    pull,
    push,
    resolve,
)
from argmap.store.query import (
    ActorRecommendation,
    SharedActor,
    recommendations_resting_on,
    resolve_node,
    run_query,
    shared_actors,
    trace,
    trace_sets,
    unsupported_sets,
)
from argmap.store.remote import RemoteStore, connect
from argmap.store.validate import STORE_RULES, validate_in_store

__all__ = [
    "CATALOG",
    "DIALECTS",
    "STORE_RULES",
    "ActorRecommendation",
    "Dialect",
    "EmbeddedStore",
    "GraphInfo",
    "RemoteStore",
    "Row",
    "SharedActor",
    "Store",
    "StoreCleanupWarning",
    "connect",
    "delete",
    "gc",
    "graphs",
    "open_any",
    "open_store",
    "pull",
    "push",
    "recommendations_resting_on",
    "resolve",
    "resolve_node",
    "run_query",
    "shared_actors",
    "trace",
    "trace_sets",
    "unsupported_sets",
    "validate_in_store",
]


def open_any(location: str, **options: object) -> Store:
    """A store from a path (embedded) or an ``http(s)://`` URL (remote, via :func:`connect`).

    ``options`` go to :func:`connect` for a URL (``query_url``, ``user``, ...).

    >>> import tempfile
    >>> open_any(tempfile.mkdtemp()).dialect.name
    'embedded'
    """
    if location.startswith(("http://", "https://")):
        return connect(location, **options)  # type: ignore[arg-type]
    return open_store(location)
