"""The embedded store: a pyoxigraph store on disk, and what opening it twice does.

The module docstring of :mod:`argmap.store.embedded` states the behaviour checked here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap import ArgumentMap
from argmap.errors import StoreError, StoreUnavailable
from argmap.store import EmbeddedStore, graphs, open_any, open_store, pull, push


def _map(text: str = "A claim.") -> ArgumentMap:
    m = ArgumentMap("emb")
    m.claim(text, id="c")
    return m


def test_persists_across_opens(tmp_path: Path) -> None:
    m = _map()
    with open_store(tmp_path / "s") as store:
        store.save(m)
    with open_store(tmp_path / "s") as store:
        assert [g.graph for g in store.maps()] == [m.iri]
        assert store.load(m.iri) == m
        assert store.delete(m.iri) is True
        assert store.maps() == []


def test_replace(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.save(_map("First."))
        store.save(_map("Second."))
        assert store.load(_map().iri) == _map("Second.")
        assert len(store.maps()) == 1


def test_second_read_write_open_in_one_process_fails(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreUnavailable, match="open elsewhere"):
        open_store(tmp_path / "s")
    first.close()
    with open_store(tmp_path / "s") as again:  # closing released the lock
        assert again.maps() == []


def test_second_read_write_open_in_another_process_fails(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.save(_map())
        code = (
            "import sys\n"
            "from argmap.store import open_store\n"
            "from argmap.errors import StoreUnavailable\n"
            "try:\n"
            f"    open_store({str(tmp_path / 's')!r})\n"
            "except StoreUnavailable as exc:\n"
            "    print('refused:', exc)\n"
            "    sys.exit(0)\n"
            "sys.exit(1)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "open elsewhere" in result.stdout


def test_read_only_is_a_snapshot(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        push(_map("First."), store)
        store.raw.flush()
        snapshot = open_store(tmp_path / "s", read_only=True)
        push(_map("Second."), store)
        assert pull(snapshot, _map().iri) == _map("First.")  # as it was when opened
        assert pull(store, _map().iri) == _map("Second.")
        with pytest.raises(StoreError):
            push(_map("Third."), snapshot)
        snapshot.close()
    code = (
        "from argmap.store import open_store, pull\n"
        f"s = open_store({str(tmp_path / 's')!r}, read_only=True)\n"
        "print(pull(s, 'https://w3id.org/argmap/map/emb').get('c').text)\n"
    )
    with open_store(tmp_path / "s"):  # a writer holds the lock; a reader still opens
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
    assert result.stdout.strip() == "Second.", result.stderr


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        graphs(store)


def test_in_memory_and_open_any(tmp_path: Path) -> None:
    with open_store(None) as store:
        assert store.location == ":memory:"
        push(_map(), store)
        assert pull(store, _map().iri) == _map()
    store2 = open_any(str(tmp_path / "t"))
    assert isinstance(store2, EmbeddedStore)
    assert repr(store2) == f"EmbeddedStore({str(tmp_path / 't')!r})"
    store2.close()


def test_big_batches_use_the_bulk_loader(tmp_path: Path) -> None:
    m = ArgumentMap("bulk")
    for i in range(20_000):
        m.claim(f"Claim number {i} with a little more text to make it longer.", id=f"c{i}")
    with open_store(tmp_path / "s") as store:
        info = push(m, store, batch_triples=50_000)
        assert info.triples == 40_001
        assert pull(store, m.iri) == m
        small = _map()
        push(small, store, m.iri)  # the old version is deleted in batches
        assert pull(store, m.iri) == small


def test_bad_query_is_a_store_error(tmp_path: Path) -> None:
    with open_store(None) as store:
        with pytest.raises(StoreError, match="refused"):
            store.select("SELEKT nothing")
        with pytest.raises(StoreError, match="not a SELECT"):
            store.select("ASK {}")
        with pytest.raises(StoreError, match="refused"):
            store.update("INSERT NOTHING")
