"""A corpus: many maps in one store, each its own graph, with provenance; loaded in parallel.

:class:`Corpus` wraps a :class:`~argmap.store.Store` (the embedded one in memory by
default). :meth:`Corpus.load` reads every file of a folder (or a glob) in worker
processes, leniently by default, and pushes each map in this process through the atomic
:func:`argmap.store.push`; :meth:`Corpus.add` adds one map or one file. The
:class:`LoadReport` lists, per file, what happened: loaded (with the records the reader
repaired or skipped), unchanged (its content hash is already in the corpus), or refused
(and why). One bad file never stops a load.

Resuming: a file whose SHA-256 is already in the corpus is skipped; a file loaded before
whose content changed replaces its map (same graph). Ctrl-C stops the load between two
steps of a push: every map is either wholly in (pushed, with provenance) or absent, and
the report, marked ``interrupted``, is returned (and written to ``report_path``).

Examples
--------
>>> import tempfile, pathlib, argmap
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> m = argmap.ArgumentMap("one"); _ = m.claim("A claim.", id="c")
>>> argmap.dump(m, folder / "one.ttl")
>>> _ = (folder / "notes.md").write_text("not a map")
>>> corpus = Corpus()
>>> report = corpus.load(folder, workers=1)
>>> [r.file.endswith("one.ttl") for r in report.loaded], len(report.refused)
([True], 1)
>>> corpus.load(folder, workers=1).unchanged == report.loaded
False
>>> len(corpus.load(folder, workers=1).unchanged)
1
"""

from __future__ import annotations

import glob as _glob
import hashlib
import json
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argmap.corpus.index import CORPUS, CX, MapIndex, Provenance, map_index
from argmap.corpus.write import Entry, current_data, marked_keys, retire, sweep, write_batch
from argmap.errors import ArgmapError, StoreError
from argmap.io import collect_reports, guess
from argmap.io import load as load_file
from argmap.map import ArgumentMap
from argmap.store import CATALOG, Store, graphs, open_store, pull
from argmap.store.push import ST

__all__ = ["Corpus", "FileResult", "LoadReport"]

Progress = Callable[[int, int, str], None]
_BATCH_TRIPLES = 200_000  # triples written to the store in one batch (write_batch)
_BATCH_MAPS = 2_000  # and at most so many maps
_IN_FLIGHT = 16  # files parsed ahead per worker while the batch before is written


@dataclass
class FileResult:
    """What happened to one file: ``status`` is loaded, unchanged or refused."""

    file: str
    status: str
    graph: str | None = None
    format: str | None = None
    sha256: str | None = None
    triples: int = 0
    problems: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class LoadReport:
    """Every file a load met, in the order they finished.

    ``to_json()`` is the contract of ``argmap corpus load --format json``.
    """

    files: list[FileResult] = field(default_factory=list)
    interrupted: bool = False
    maps: int = 0

    @property
    def loaded(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "loaded"]

    @property
    def unchanged(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "unchanged"]

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "refused"]

    @property
    def repaired_records(self) -> int:
        return sum(len(f.problems) for f in self.loaded)

    @property
    def triples(self) -> int:
        return sum(f.triples for f in self.loaded)

    def to_json(self) -> dict[str, Any]:
        """``{"maps", "loaded", "unchanged", "refused", "repaired_records", "triples", ...}``."""
        return {
            "maps": self.maps,
            "loaded": [f.file for f in self.loaded],
            "unchanged": [f.file for f in self.unchanged],
            "refused": [{"file": f.file, "error": f.error} for f in self.refused],
            "repaired_records": self.repaired_records,
            "triples": self.triples,
            "interrupted": self.interrupted,
            "files": [asdict(f) for f in self.files],
        }

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_json` to ``path`` (atomically)."""
        from argmap.io.atomic import write_bytes

        write_bytes(Path(path), json.dumps(self.to_json(), indent=2).encode("utf-8"))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def parse_file(
    path: str, lenient: bool, format: str | None = None
) -> tuple[ArgumentMap, str, list[str]]:
    """Read one file (in a worker): the map, its format's name, and each repaired or
    skipped record as a message.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.json"
    >>> _ = p.write_text('{"nodes": [], "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}]}')
    >>> m, fmt, problems = parse_file(str(p), lenient=True)
    >>> fmt, len(problems)
    ('aif', 1)
    """
    p = Path(path)
    with p.open("rb") as f:
        head = f.read(4096)
    fmt = format or guess(p, head).name
    with collect_reports() as reports:
        try:
            m = load_file(p, fmt, lenient=lenient)
        except TypeError as exc:  # a reader without a lenient mode (RDF syntaxes)
            if "lenient" not in str(exc):
                raise
            m = load_file(p, fmt)
    return m, fmt, [str(problem) for r in reports for problem in r.problems]


@dataclass
class Prepared:
    """A file read in a worker: its format, repaired records, and the map's data and
    index (:class:`~argmap.corpus.index.MapIndex`), sent back as bytes, not as a map."""

    format: str
    problems: list[str]
    ix: MapIndex


def prepare_file(path: str, lenient: bool, format: str | None = None) -> Prepared:
    """Read one file and write its map's data and index (in a worker)."""
    m, fmt, problems = parse_file(path, lenient, format)
    return Prepared(fmt, problems, map_index(m))


def _files(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if not isinstance(source, (str, os.PathLike)):
        return sorted(Path(s) for s in source)
    p = Path(source)
    if p.is_dir():
        return sorted(
            f
            for f in p.rglob("*")
            if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
        )
    return sorted(Path(s) for s in _glob.glob(str(source), recursive=True) if Path(s).is_file())


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Corpus:
    """Many maps in one store (embedded in memory when ``store`` is None).

    >>> from argmap import ArgumentMap
    >>> c = Corpus(); m = ArgumentMap("x"); _ = m.claim("C.", id="c")
    >>> c.add(m)
    'https://w3id.org/argmap/map/x'
    >>> [p.graph for p in c.provenance()], len(c)
    (['https://w3id.org/argmap/map/x'], 1)
    """

    def __init__(self, store: Store | None = None) -> None:
        self.store: Store = store if store is not None else open_store(None)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.close()

    def __len__(self) -> int:
        return len(graphs(self.store))

    # ------------------------------------------------------------------ reading
    def provenance(self) -> list[Provenance]:
        """The provenance of every map of the corpus (at its current version), by graph."""
        rows = self.store.select(
            f"SELECT ?g ?d ?p ?o WHERE {{ GRAPH <{CATALOG}> {{ ?g <{ST}current> ?d }} "
            f"GRAPH <{CORPUS}> {{ ?d ?p ?o }} }}"
        )
        fields: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            name = r["p"].value.removeprefix(CX)
            if name in ("file", "sha256", "format", "loaded", "problems"):
                fields.setdefault((r["g"].value, r["d"].value), {})[name] = r["o"].value
        return sorted(
            (
                Provenance(
                    graph=g,
                    file=f.get("file"),
                    sha256=f.get("sha256"),
                    format=f.get("format"),
                    loaded=f.get("loaded", ""),
                    problems=int(f.get("problems", 0)),
                    data=d,
                )
                for (g, d), f in fields.items()
            ),
            key=lambda p: p.graph,
        )

    def graphs(self) -> list[str]:
        """The graph IRIs of the maps of the corpus."""
        return sorted(g.graph for g in graphs(self.store))

    def maps(self) -> dict[str, ArgumentMap]:
        """Every map, pulled into memory, by graph IRI (for the in-memory questions)."""
        return {g: pull(self.store, g) for g in self.graphs()}

    def __iter__(self) -> Iterator[str]:
        return iter(self.graphs())

    # ------------------------------------------------------------------ writing
    def _taken(self) -> dict[str, str | None]:
        return {p.graph: p.file for p in self.provenance()}

    @staticmethod
    def _graph_for(iri: str, file: str, sha: str, taken: dict[str, str | None]) -> str:
        """The map's IRI, unless another file of the corpus holds that graph."""
        graph = iri
        if graph in taken and taken[graph] != file:
            graph = f"{iri}/corpus-{sha[:16]}"
        taken[graph] = file
        return graph

    def _put(self, m: ArgumentMap, graph: str, prov: Provenance) -> int:
        entry = Entry(graph, prov, map_index(m))
        write_batch(self.store, [entry], current_data(self.store, [graph]))
        return entry.ix.distinct

    def add(
        self,
        map_or_path: ArgumentMap | str | os.PathLike[str],
        *,
        graph: str | None = None,
        lenient: bool = False,
        format: str | None = None,
    ) -> str:
        """Add one map (or read one file) to the corpus; its graph IRI.

        A file goes in with its provenance; a map whose graph is already in the corpus
        replaces it.
        """
        if isinstance(map_or_path, ArgumentMap):
            m = map_or_path
            g = graph or m.iri
            self._put(m, g, Provenance(g, None, None, None, _now()))
            return g
        path = Path(map_or_path)
        m, fmt, problems = parse_file(str(path), lenient, format)
        sha = _sha256(path)
        g = (
            graph
            or self._by_file().get(str(path))
            or self._graph_for(m.iri, str(path), sha, self._taken())
        )
        self._put(m, g, Provenance(g, str(path), sha, fmt, _now(), len(problems)))
        return g

    def remove(self, graph: str) -> bool:
        """Remove a map, its provenance and its index; whether it was there."""
        from argmap.store import delete

        data = current_data(self.store, [graph]).get(graph)
        gone = delete(self.store, graph)
        if data is not None:
            retire(self.store, [data])
        return gone

    def sweep(self) -> list[str]:
        """Remove the index lines and answer rows of versions no map points at (left by
        a replace or a remove, an interrupted write or a map pushed outside the
        corpus); the data graphs they described. Not while a load is writing."""
        return sweep(self.store)

    def _by_file(self) -> dict[str, str]:
        return {p.file: p.graph for p in self.provenance() if p.file is not None}

    def load(
        self,
        source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        lenient: bool = True,
        workers: int | None = None,
        progress: Progress | None = None,
        format: str | None = None,
        report_path: str | os.PathLike[str] | None = None,
    ) -> LoadReport:
        """Read every file of a folder (recursively), a glob, or a list of paths.

        Files are parsed in ``workers`` processes (default: the CPU count; 1 parses here),
        which send back each map's triples and index as bytes; this process writes them
        to the store in batches (:func:`argmap.corpus.write.write_batch`: each map whole
        or absent). ``progress(done, total, file)`` is called as each file is finished.
        A file whose hash is in the corpus is ``unchanged``; a changed file replaces the
        map it gave before. Never raises for a bad file; Ctrl-C stops the load, the
        batch being written is left out whole, and the report says ``interrupted``.
        """
        files = _files(source)
        report = LoadReport()
        prov = self.provenance()
        known = {p.sha256 for p in prov if p.sha256}
        by_file = {p.file: p.graph for p in prov if p.file is not None}
        taken: dict[str, str | None] = {p.graph: p.file for p in prov}
        old = current_data(self.store)
        marked = marked_keys(self.store)
        todo: list[tuple[Path, str]] = []
        for f in files:
            try:
                sha = _sha256(f)
            except OSError as exc:
                report.files.append(FileResult(str(f), "refused", error=f"{f}: {exc.strerror}"))
                continue
            if sha in known:
                report.files.append(FileResult(str(f), "unchanged", sha256=sha))
            else:
                todo.append((f, sha))
        total = len(files)
        done = len(report.files)
        flush = getattr(self.store, "flush", None)  # an embedded store's write buffers
        pending: list[tuple[Path, str, Prepared]] = []
        pending_triples = 0

        def finished(result: FileResult) -> None:
            nonlocal done
            report.files.append(result)
            done += 1
            if progress is not None:
                progress(done, total, result.file)

        def write(batch: list[tuple[Path, str, Prepared]]) -> None:
            entries: list[Entry] = []
            for path, sha, p in batch:
                g = by_file.get(str(path)) or self._graph_for(p.ix.map_iri, str(path), sha, taken)
                prov = Provenance(g, str(path), sha, p.format, _now(), len(p.problems))
                entries.append(Entry(g, prov, p.ix))
            try:
                written = write_batch(self.store, entries, old, marked)
            except ArgmapError as exc:
                if len(batch) > 1:  # find the map the store refuses: one at a time
                    for one in batch:
                        write([one])
                    return
                path, sha, p = batch[0]
                message = str(exc) if isinstance(exc, StoreError) else f"{path}: {exc}"
                finished(
                    FileResult(str(path), "refused", format=p.format, sha256=sha, error=message)
                )
                return
            if flush is not None:
                flush()
            for (path, sha, p), e in zip(batch, written, strict=True):
                by_file[str(path)] = e.graph
                finished(
                    FileResult(
                        str(path), "loaded", e.graph, p.format, sha, p.ix.distinct, p.problems
                    )
                )

        def store_one(path: Path, sha: str, prepared: Prepared) -> None:
            nonlocal pending, pending_triples
            pending.append((path, sha, prepared))
            pending_triples += prepared.ix.triples
            if pending_triples >= _BATCH_TRIPLES or len(pending) >= _BATCH_MAPS:
                batch, pending, pending_triples = pending, [], 0
                write(batch)

        def refuse(path: Path, sha: str, exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, ArgmapError) else f"{path}: {exc!r}"
            finished(FileResult(str(path), "refused", sha256=sha, error=message))

        try:
            if (workers or os.cpu_count() or 1) <= 1:
                for path, sha in todo:
                    try:
                        prepared = prepare_file(str(path), lenient, format)
                    except Exception as exc:  # one bad file never stops a load
                        refuse(path, sha, exc)
                        continue
                    store_one(path, sha, prepared)
            else:
                self._load_parallel(todo, lenient, format, workers, store_one, refuse)
            batch, pending = pending, []
            write(batch)
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            report.maps = len(self)
            if report_path is not None:
                report.write(report_path)
        return report

    def _load_parallel(
        self,
        todo: list[tuple[Path, str]],
        lenient: bool,
        format: str | None,
        workers: int | None,
        store_one: Callable[[Path, str, Prepared], None],
        refuse: Callable[[Path, str, BaseException], None],
    ) -> None:
        # forkserver: a worker does not inherit this process's memory (the store's)
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
        n = workers or os.cpu_count() or 1
        pool = ProcessPoolExecutor(max_workers=n, initializer=_ignore_sigint, mp_context=context)
        queue = iter(todo)
        running: dict[Future[Prepared], tuple[Path, str]] = {}

        def submit(count: int) -> None:
            for path, sha in queue:
                running[pool.submit(prepare_file, str(path), lenient, format)] = (path, sha)
                count -= 1
                if count <= 0:
                    return

        try:
            submit(_IN_FLIGHT * n)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                # in the order submitted, so that batches (and reports) follow the files
                for fut in sorted(finished, key=lambda f: str(running[f][0])):
                    path, sha = running.pop(fut)
                    submit(1)
                    try:
                        prepared = fut.result()
                    except Exception as exc:  # one bad file never stops a load
                        refuse(path, sha, exc)
                        continue
                    store_one(path, sha, prepared)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
