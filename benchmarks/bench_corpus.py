"""Corpus benchmark: load a synthetic AIFdb-like corpus, then ask the cross-map questions.

The corpus is a folder of AIF JSON files (argmap's AIF writer) shaped like AIFdb:
``--maps`` nodesets whose sizes follow a long-tailed (Pareto) distribution with median
about 40 nodes and a few thousand-node maps, and actors drawn (Zipf-like) from a pool
shared across maps, as in debate corpora where the same speakers recur. Seeded.

It measures, on the embedded store (on disk) and on an Oxigraph server started here:

* load time with ``--workers`` processes, beside the same load with 1 worker (the
  baseline: reading the files one by one in this process);
* client memory: peak RSS of this process and of the workers;
* the median latency of each question of :mod:`argmap.corpus.questions` in the store,
  beside the same question answered in memory over the maps.

    python benchmarks/bench_corpus.py --maps 500 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import argmap  # noqa: E402
from argmap import ArgumentMap  # noqa: E402
from argmap.corpus import Corpus  # noqa: E402
from argmap.corpus import questions as q  # noqa: E402
from argmap.store import connect, open_store  # noqa: E402

WORDS = [
    "treaty",
    "data",
    "privacy",
    "security",
    "rights",
    "state",
    "court",
    "vote",
    "tax",
    "trade",
    "health",
    "law",
]


def _text(rng: random.Random, n: int = 6) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_map(name: str, size: int, actors: list[str], rng: random.Random) -> ArgumentMap:
    """One nodeset of about ``size`` nodes: claims joined by arguments and attacks, with
    speakers (actors from the shared pool) asserting some of them."""
    m = ArgumentMap(name)
    # the root is one of a few recurring questions (statements shared across maps)
    root = m.claim(
        f"Topic {min(int(rng.paretovariate(1.0)) - 1, 19)} should be decided now.", id="c0"
    )
    claims = [root.id] + [m.claim(_text(rng), id=f"c{i}").id for i in range(1, max(2, size // 2))]
    schemes = ["Default Inference", "Argument From Expert Opinion", "Practical Reasoning", None]
    for i in range(1, len(claims)):
        parent = claims[rng.randrange(i)]
        if rng.random() < 0.8:
            m.argue([claims[i]], parent, id=f"ra{i}", scheme=rng.choice(schemes))
        else:
            m.attack([claims[i]], parent, id=f"ca{i}")
    speakers = {rng.choice(actors[: rng.randint(1, len(actors))]) for _ in range(3)}
    for j, who in enumerate(sorted(speakers)):
        x = m.actor(who, id=f"a{j}")
        for c in rng.sample(claims, min(len(claims), 3)):
            m.stance(x, "asserts", c)
    return m


def write_corpus(folder: Path, maps: int, seed: int) -> int:
    rng = random.Random(seed)
    actors = [f"Speaker {i}" for i in range(200)]
    nodes = 0
    for i in range(maps):
        size = min(3000, int(20 * rng.paretovariate(1.2)))
        m = synthetic_map(f"nodeset{i}", size, actors, rng)
        nodes += len(m)
        argmap.dump(m, folder / f"nodeset{i}.json", "aif")
    return nodes


def rss_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


QUESTIONS: list[tuple[str, Callable[[Any], Any]]] = [
    ("totals by kind per map", q.totals),
    ("support/attack ratios", q.ratios),
    ("actors in several maps", q.shared_actors),
    ("statements in several maps", q.shared_statements),
    ("schemes by frequency", q.schemes),
    ("conclusions resting on actor X (name)", lambda s: q.resting_on(s, "Speaker 0")),
    (
        "unanswered attacks on statement X (text)",
        lambda s: q.unanswered_attacks(s, "topic 0 should be decided now"),
    ),
]


def bench(name: str, make_store: Callable[[], Any], folder: Path, args: argparse.Namespace) -> None:
    for workers in (1, args.workers):
        with make_store() as store:
            corpus = Corpus(store)
            t0 = time.perf_counter()
            report = corpus.load(folder, workers=workers)
            elapsed = time.perf_counter() - t0
            me, kids = rss_mb()
            print(
                f"| {name} | load, {workers} worker(s) | {elapsed:.1f} s | {len(report.loaded)} maps, "
                f"{report.triples:,} triples, {len(report.refused)} refused; peak RSS client "
                f"{me:.0f} MB, workers {kids:.0f} MB |",
                flush=True,
            )
            if workers == 1:
                continue
            maps = corpus.maps()
            for label, ask in QUESTIONS:
                in_store = median_ms(lambda ask=ask, c=corpus: ask(c), args.repeat)
                in_memory = median_ms(lambda ask=ask, ms=maps: ask(ms), args.repeat)
                n = len(ask(corpus))
                print(
                    f"| {name} | {label} | {in_store:.0f} ms | {n} rows; in memory "
                    f"{in_memory:.0f} ms |",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--no-server", action="store_true")
    args = parser.parse_args()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, Python "
        f"{platform.python_version()}"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        folder = work / "corpus"
        folder.mkdir()
        t0 = time.perf_counter()
        nodes = write_corpus(folder, args.maps, args.seed)
        print(
            f"corpus: {args.maps} maps, {nodes:,} nodes, written in {time.perf_counter() - t0:.1f} s"
        )
        print("| store | step | median / time | notes |\n|---|---|---:|---|")
        counter = iter(range(100))
        bench("embedded", lambda: open_store(work / f"store{next(counter)}"), folder, args)
        if not args.no_server:
            from servers import OxigraphServer

            servers: list[Any] = []

            def server_store() -> Any:
                server = OxigraphServer(work / f"oxigraph{next(counter)}")
                server.start()
                servers.append(server)
                return connect(server.base_url, dialect="oxigraph", timeout=600)

            try:
                bench("oxigraph server", server_store, folder, args)
            finally:
                for s in servers:
                    s.stop()
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
