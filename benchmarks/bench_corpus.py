"""Corpus benchmark: load a synthetic AIFdb-like corpus, then ask the cross-map questions.

The corpus is a folder of AIF JSON files (argmap's AIF writer) shaped like AIFdb:
``--maps`` nodesets holding ``--nodes`` nodes in all (default 10,000 and 5 million, the
goal of issue 18), with sizes from a long-tailed (log-normal, sigma 1.5) distribution
scaled to that total: median about a third of the mean, a few maps of tens of thousands
of nodes. Speakers are drawn (Zipf) from a pool of 500 shared across maps, as in debate
corpora where the same people recur; statement texts are the map's own except a few
quoted from a pool shared across maps (Zipf), and each map's root is one of 20
recurring questions. Seeded; written by ``--workers`` processes, kept with ``--corpus``.

It measures, on the embedded store (on disk) and on an Oxigraph server started here:

* load time with ``--workers`` processes (and with 1, the baseline, with ``--baseline``);
* client memory: the peak RSS of this process (``ru_maxrss``) and of the largest worker;
* the median latency of each question of :mod:`argmap.corpus.questions` in the store
  (asked again: the answer kept for the corpus state, checked by one request), with
  ``--uncached`` also computed afresh each call (digests parsed) and cold (digests read
  and parsed, as a new process's first question), and (``--memory``, small corpora
  only) the same question answered in memory.

    python benchmarks/bench_corpus.py --maps 10000 --nodes 5000000 --repeat 5
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
from argmap.corpus import Corpus, digest  # noqa: E402
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
SPEAKERS = 500
QUOTES = 5000


def _zipf(rng: random.Random, n: int) -> int:
    """An index in range(n), index k drawn with weight 1/(k+1)."""
    while True:
        k = int(rng.paretovariate(1.0)) - 1
        if k < n:
            return k


def synthetic_map(name: str, size: int, rng: random.Random) -> ArgumentMap:
    """One nodeset of about ``size`` nodes: claims joined by arguments and attacks, with
    speakers (from the shared pool) asserting some of them."""
    m = ArgumentMap(name)
    # the root is one of a few recurring questions (statements shared across maps)
    root = m.claim(f"Topic {_zipf(rng, 20)} should be decided now.", id="c0")
    claims = [root.id]
    for i in range(1, max(2, size // 2)):
        if rng.random() < 0.02:
            text = f"Quote {_zipf(rng, QUOTES)}: the {rng.choice(WORDS)} must change."
        else:
            words = " ".join(rng.choice(WORDS) for _ in range(6))
            text = f"{words.capitalize()} ({name} {i})."
        claims.append(m.claim(text, id=f"c{i}").id)
    schemes = ["Default Inference", "Argument From Expert Opinion", "Practical Reasoning", None]
    for i in range(1, len(claims)):
        parent = claims[rng.randrange(i)]
        if rng.random() < 0.8:
            m.argue([claims[i]], parent, id=f"ra{i}", scheme=rng.choice(schemes))
        else:
            m.attack([claims[i]], parent, id=f"ca{i}")
    speakers = {_zipf(rng, SPEAKERS) for _ in range(1 + min(5, size // 200))}
    for j, who in enumerate(sorted(speakers)):
        x = m.actor(f"Speaker {who}", id=f"a{j}")
        for c in rng.sample(claims, min(len(claims), 3)):
            m.stance(x, "asserts", c)
    return m


def _write_some(job: tuple[Path, int, list[tuple[int, int]]]) -> int:
    folder, seed, sizes = job
    nodes = 0
    for i, size in sizes:
        m = synthetic_map(f"nodeset{i}", size, random.Random(seed * 1_000_003 + i))
        nodes += len(m)
        argmap.dump(m, folder / f"nodeset{i}.json", "aif")
    return nodes


def write_corpus(folder: Path, maps: int, nodes: int, seed: int, workers: int) -> int:
    """Write the corpus; the nodes it holds."""
    from concurrent.futures import ProcessPoolExecutor

    rng = random.Random(seed)
    raw = [min(rng.lognormvariate(0.0, 1.5), 150.0) for _ in range(maps)]
    scale = nodes / sum(raw)
    sizes = [max(4, round(r * scale)) for r in raw]
    jobs = [(folder, seed, list(enumerate(sizes))[k::64]) for k in range(64)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_write_some, jobs))


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
    (
        "conclusions resting on actor X (name; the most frequent speaker)",
        lambda s: q.resting_on(s, "Speaker 0"),
    ),
    (
        "conclusions resting on actor X (name; a typical speaker)",
        lambda s: q.resting_on(s, "Speaker 40"),
    ),
    (
        "unanswered attacks on statement X (text; the most frequent root)",
        lambda s: q.unanswered_attacks(s, "topic 0 should be decided now"),
    ),
    (
        "unanswered attacks on statement X (text; a quoted statement)",
        lambda s: q.unanswered_attacks(s, "Quote 10: the treaty must change"),
    ),
]


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process and its finished children, or of ``pid``."""
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


SERVER_PIDS: list[int] = []


class TreeCpu:
    """CPU seconds of this process's descendants (the workers, forked by a forkserver,
    are not this process's children for ``getrusage``): the descendants' /proc entries
    read every second (all of /proc every ten seconds, to find new ones), the last value
    seen of each process kept."""

    def __init__(self, exclude: set[int]) -> None:
        import threading

        self.exclude = exclude | {os.getpid()}
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.stop = threading.Event()
        self.sample()
        self.first = dict(self.last)
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def sample(self, full: bool = True) -> None:
        """Read the CPU time of each descendant: of every process when ``full`` (to find
        new ones; a scan of /proc costs this process about a tenth of a core on a busy
        machine), else of those found before."""
        parent: dict[int, int] = {}
        cpu: dict[int, float] = {}
        tick = os.sysconf("SC_CLK_TCK")
        if not full:
            for pid in list(self.last):
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                self.last[pid] = (int(fields[11]) + int(fields[12])) / tick
            return
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parent[int(entry.name)] = int(fields[1])
                cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
        me = os.getpid()
        for pid in cpu:
            p, seen = pid, 0
            while p in parent and p != me and seen < 50:
                p, seen = parent[p], seen + 1
            if p == me and pid not in self.exclude:
                self.last[pid] = cpu[pid]

    def run(self) -> None:
        ticks = 0
        while not self.stop.wait(1.0):
            ticks += 1
            self.sample(full=ticks % 10 == 0)

    def total(self) -> float:
        self.stop.set()
        self.thread.join()
        self.sample()
        return sum(v - self.first.get(pid, 0.0) for pid, v in self.last.items())


def bench(name: str, make_store: Callable[[], Any], folder: Path, args: argparse.Namespace) -> None:
    for workers in (1, args.workers) if args.baseline else (args.workers,):
        with make_store() as store:
            corpus = Corpus(store)
            if args.questions_only:
                questions(name, corpus, args)
                return
            server = SERVER_PIDS[-1] if SERVER_PIDS and name != "embedded" else None
            cpu0 = cpu_seconds()
            tree = TreeCpu(set(SERVER_PIDS))
            server0 = cpu_seconds(server) if server else 0.0
            load0 = os.getloadavg()[0]
            t0 = time.perf_counter()
            report = corpus.load(folder, workers=workers)
            elapsed = time.perf_counter() - t0
            cpu = cpu_seconds() - cpu0
            workers_cpu = tree.total()
            server_cpu = cpu_seconds(server) - server0 if server else 0.0
            me, kids = rss_mb()
            print(
                f"| {name} | load, {workers} worker(s) | {elapsed:.1f} s | {len(report.loaded)} maps, "
                f"{report.triples:,} triples, {len(report.refused)} refused; CPU: client "
                f"{cpu:.0f} s, workers {workers_cpu:.0f} s, server {server_cpu:.0f} s; peak RSS client "
                f"{me:.0f} MB, largest worker {kids:.0f} MB; load average "
                f"{load0:.1f} before, {os.getloadavg()[0]:.1f} after |",
                flush=True,
            )
            if workers == args.workers:
                questions(name, corpus, args)


def questions(name: str, corpus: Corpus, args: argparse.Namespace) -> None:
    maps = corpus.maps() if args.memory else None
    for label, ask in QUESTIONS:
        t0 = time.perf_counter()
        n = len(ask(corpus))
        first = (time.perf_counter() - t0) * 1e3
        in_store = median_ms(lambda ask=ask, c=corpus: ask(c), args.repeat)
        note = f"{n} rows; first call {first:.0f} ms"
        if args.uncached:

            def fresh(ask: Callable[[Any], Any] = ask, answers_only: bool = True) -> None:
                digest.clear_cache(answers_only=answers_only)
                ask(corpus)

            computed = median_ms(fresh, args.repeat)
            cold = median_ms(lambda fresh=fresh: fresh(answers_only=False), args.repeat)
            note += f"; uncached {computed:.0f} ms; cold {cold:.0f} ms"
        if maps is not None:
            in_memory = median_ms(lambda ask=ask, ms=maps: ask(ms), args.repeat)
            note += f"; in memory {in_memory:.0f} ms"
        print(
            f"| {name} | {label} | {in_store:.0f} ms | {note}; load average "
            f"{os.getloadavg()[0]:.1f} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", type=int, default=10_000)
    parser.add_argument("--nodes", type=int, default=5_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (reused if present)")
    parser.add_argument("--baseline", action="store_true", help="also load with 1 worker")
    parser.add_argument("--memory", action="store_true", help="also answer in memory")
    parser.add_argument("--stores", default="embedded,oxigraph")
    parser.add_argument("--work", type=Path, help="keep the stores here (default: removed)")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="also the median of each question with its cached answer forgotten before "
        "each call (uncached), and with the parsed digests forgotten too (cold: a new "
        "process's first question)",
    )
    parser.add_argument(
        "--questions-only", action="store_true", help="ask the questions of the stores in --work"
    )
    args = parser.parse_args()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, Python "
        f"{platform.python_version()}"
    )
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        folder = args.corpus or work / "corpus"
        if not (folder / "nodeset0.json").exists():
            folder.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            nodes = write_corpus(folder, args.maps, args.nodes, args.seed, args.workers)
            print(
                f"corpus: {args.maps} maps, {nodes:,} nodes, written in "
                f"{time.perf_counter() - t0:.1f} s"
            )
        files = sorted(folder.glob("*.json"))
        print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.0f} MB")
        print("| store | step | median / time | notes |\n|---|---|---:|---|")
        counter = iter(range(100)) if not args.questions_only else iter([0] * 100)
        if "embedded" in args.stores:
            bench("embedded", lambda: open_store(work / f"store{next(counter)}"), folder, args)
        if "oxigraph" in args.stores:
            from servers import OxigraphServer

            servers: list[Any] = []

            def server_store() -> Any:
                server = OxigraphServer(work / f"oxigraph{next(counter)}")
                server.start()
                servers.append(server)
                if server.pid is not None:
                    SERVER_PIDS.append(server.pid)
                return connect(server.base_url, dialect="oxigraph", timeout=600)

            try:
                bench("oxigraph server", server_store, folder, args)
            finally:
                for s in servers:
                    s.stop()
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
