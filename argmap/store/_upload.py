"""How :func:`argmap.store.push` uploads a map: N-Triples batches, made a batch ahead in a thread
(:class:`_Prefetch`), sent over several connections at once, with a progress bar.
"""

from __future__ import annotations

import gc as _gc
import queue
import re
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from argmap.errors import ModelError
from argmap.store.base import Store

_BNODE_OBJECT = re.compile(r" _:[^\s\"]+ \.$")

ProgressCallback = Callable[[int, int], None]


def _batches(lines: Iterable[str], size: int) -> Iterator[tuple[bytes, int]]:
    """N-Triples batches of ``size`` lines; lines with blank nodes all in the last one.

    A blank node label is local to one document, so every triple naming blank nodes
    must reach the server in the same request (only foreign triples have them).
    """
    with_bnodes: list[str] = []
    chunks: list[bytes] = []  # the batch so far, encoded a few thousand lines at a time
    pending: list[str] = []
    add = pending.append
    n = 0
    for line in lines:
        if "_:" in line and (line.startswith("_:") or _BNODE_OBJECT.search(line)):
            with_bnodes.append(line)
            continue
        add(line)
        if len(pending) >= _CHUNK_LINES or n + len(pending) >= size:
            chunks.append(_encode(pending))
            n += len(pending)
            pending.clear()
            if n >= size:
                yield b"".join(chunks), n
                chunks.clear()
                n = 0
    pending.extend(with_bnodes)
    if pending:
        chunks.append(_encode(pending))
        n += len(pending)
    if n:
        yield b"".join(chunks), n


_CHUNK_LINES = 4096  # lines encoded at once, so a batch is never held as str objects


def _encode(lines: list[str]) -> bytes:
    try:
        return ("\n".join(lines) + "\n").encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ModelError(f"the map holds text that is not valid Unicode: {exc}") from None


class _Prefetch:
    """The batches of a map, made in a thread one or two batches ahead of the upload.

    Writing N-Triples is Python work and an upload mostly waits on the server, so the
    next batch is made while the current one loads: memory holds at most
    ``ahead`` + 2 batches. An error in the writer is raised where the batch is taken.
    """

    def __init__(self, batches: Iterator[tuple[bytes, int]], ahead: int = 1) -> None:
        self._queue: queue.Queue[tuple[bytes, int] | BaseException | None] = queue.Queue(ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(batches,), name="argmap-push-writer", daemon=True
        )
        self._thread.start()

    def _run(self, batches: Iterator[tuple[bytes, int]]) -> None:
        item: tuple[bytes, int] | BaseException | None
        try:
            for item in batches:
                if not self._put(item):
                    return
            item = None
        except BaseException as exc:  # handed to the consumer, raised there
            item = exc
        self._put(item)

    def _put(self, item: tuple[bytes, int] | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop the writer (after a failure) and wait for it."""
        self._stop.set()
        self._thread.join()


def _upload(
    store: Store,
    data: str,
    batches: Iterable[tuple[bytes, int]],
    connections: int,
    taken: Callable[[int], None],
) -> None:
    """Append every batch to graph ``data``, ``connections`` at once, oldest first.

    ``taken(n)`` is called in this thread, in order, for each batch the store took. On
    any failure (or Ctrl-C) the uploads already under way are waited for, so that none
    lands after the caller has removed the partial graph.
    """
    if connections == 1:
        for body, n in batches:
            store.append(data, body)
            del body
            taken(n)
        return
    # Leaving the block, on success or failure, waits for every upload under way.
    with ThreadPoolExecutor(connections, thread_name_prefix="argmap-push-upload") as pool:
        running: deque[tuple[Future[None], int]] = deque()
        for body, n in batches:
            if len(running) == connections:
                done, k = running.popleft()
                done.result()
                taken(k)
            running.append((pool.submit(store.append, data, body), n))
            del body
        while running:
            done, k = running.popleft()
            done.result()
            taken(k)


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """Let a full garbage collection skip every object that exists now (the map).

    httpx keeps each request, and so its body, in a reference cycle with the response.
    A batch is in flight long enough for that cycle to reach the oldest generation,
    which Python collects only after allocating a fraction of all live objects: with a
    map of a million nodes, about twenty batches (600 MB) waited for it. With the map
    frozen, :func:`gc.collect` after each batch is cheap and frees the batch.
    """
    _gc.freeze()
    try:
        yield
    finally:
        _gc.unfreeze()


@contextmanager
def _progress_bar(enabled: bool | None, total: int, label: str) -> Iterator[ProgressCallback]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("triples"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, markup=False, emoji=False, highlight=False),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done, total: bar.update(task, completed=done)
