"""argmap.corpus: loading a folder into a store, and the questions across maps.

The questions are held equal in memory and in each store (embedded, Oxigraph server,
Virtuoso server, through ``triple_store`` of tests/servers.py) on random corpora.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.corpus import Corpus, digest, normalise
from argmap.corpus import questions as q
from argmap.corpus.write import current_data
from argmap.errors import ArgmapError
from argmap.store import Store, open_store, pull

from servers import empty_store
from strategies import maps

CHAMBER = "https://example.org/actor/chamber"

# ---------------------------------------------------------------------- loading


def _brief(name: str, text: str = "Vote yes.") -> ArgumentMap:
    m = ArgumentMap(name)
    r = m.recommendation(text, id="r")
    e = m.evidence("It works.", id="e")
    m.argue([e], r, id="a", scheme="practical reasoning")
    x = m.actor("U.S. Chamber of Commerce", id="x", same_as=[CHAMBER])
    m.stance(x, "asserts", e)
    return m


BAD_AIF = b'{"nodes": [{"nodeID": "1", "type": "I", "text": "A."}], "edges": [{"edgeID": 1, "fromID": 1, "toID": 9}]}'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    argmap.dump(_brief("one"), d / "one.ttl")
    argmap.dump(_brief("two", "Vote no."), d / "sub" / "two.jsonld")
    (d / "broken.json").write_bytes(BAD_AIF)
    (d / "notes.md").write_text("not a map")
    (d / "cut.ttl").write_text("<a> <b> ")
    return d


def test_load_reports_each_file_and_one_bad_file_never_stops_it(folder: Path) -> None:
    corpus = Corpus()
    report = corpus.load(folder, workers=2)
    loaded = sorted(Path(f.file).name for f in report.loaded)
    refused = sorted(Path(f.file).name for f in report.refused)
    assert loaded == ["broken.json", "one.ttl", "two.jsonld"]
    assert refused == ["cut.ttl", "notes.md"]
    assert all(f.error and Path(f.file).name in f.error for f in report.refused)
    broken = next(f for f in report.loaded if f.file.endswith("broken.json"))
    assert broken.format == "aif" and len(broken.problems) == 1 and "9" in broken.problems[0]
    assert report.repaired_records == 1 and report.maps == 3
    data = report.to_json()
    assert set(data) >= {"maps", "loaded", "refused", "repaired_records", "triples"}
    assert data["triples"] == sum(f.triples for f in report.loaded) > 0
    prov = {Path(p.file).name: p for p in corpus.provenance() if p.file}
    assert prov["one.ttl"].format == "turtle" and prov["broken.json"].problems == 1
    assert len(prov["one.ttl"].sha256 or "") == 64
    assert pull(corpus.store, prov["one.ttl"].graph) == argmap.load(folder / "one.ttl")


def test_strict_load_refuses_what_lenient_repairs(folder: Path) -> None:
    report = Corpus().load(folder, lenient=False, workers=1)
    assert "broken.json" in {Path(f.file).name for f in report.refused}


def test_load_resumes_by_content_hash(folder: Path) -> None:
    corpus = Corpus()
    corpus.load(folder, workers=1)
    again = corpus.load(folder, workers=1)
    assert not again.loaded and len(again.unchanged) == 3
    argmap.dump(_brief("one", "Vote twice."), folder / "one.ttl")
    third = corpus.load(folder, workers=1)
    assert [Path(f.file).name for f in third.loaded] == ["one.ttl"]
    assert len(corpus) == 3  # replaced, not added
    graph = third.loaded[0].graph
    assert graph is not None and pull(corpus.store, graph).get("r").text == "Vote twice."  # type: ignore[union-attr]


def test_same_map_iri_in_two_files_gets_two_graphs(tmp_path: Path) -> None:
    argmap.dump(_brief("same"), tmp_path / "a.ttl")
    argmap.dump(_brief("same", "Other."), tmp_path / "b.ttl")
    corpus = Corpus()
    report = corpus.load(tmp_path, workers=1)
    assert len({f.graph for f in report.loaded}) == 2 and len(corpus) == 2


def test_ctrl_c_leaves_whole_maps_and_returns_the_report(folder: Path, tmp_path: Path) -> None:
    corpus = Corpus()
    calls = []

    def interrupt(done: int, total: int, file: str) -> None:
        calls.append(file)
        if len(calls) == 2:
            raise KeyboardInterrupt

    out = tmp_path / "report.json"
    report = corpus.load(folder, workers=2, progress=interrupt, report_path=out)
    assert report.interrupted
    assert json.loads(out.read_text())["interrupted"] is True
    # every map in the store is whole and has its provenance
    prov = {p.graph: p for p in corpus.provenance()}
    assert set(prov) == set(corpus.graphs())
    for graph, p in prov.items():
        assert p.file is not None
        assert pull(corpus.store, graph) == argmap.load(p.file, lenient=True)
    # resuming finishes the job
    rest = corpus.load(folder, workers=1)
    assert len(corpus) == 3 and not rest.interrupted


@pytest.mark.parametrize("where", ["upload", "count", "swap"])
def test_ctrl_c_inside_a_batch_leaves_its_maps_absent(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Batches of one map; Ctrl-C in the second batch's upload, count check or swap."""
    import argmap.corpus.load as load_module
    from argmap.corpus.index import CORPUS
    from argmap.store.push import _named_graphs

    monkeypatch.setattr(load_module, "_BATCH_MAPS", 1)
    store = open_store(tmp_path / "store")
    calls = {"upload": 0, "count": 0, "swap": 0}
    real = {"upload": store.append_quads, "select": store.select, "update": store.update}

    def trip(step: str) -> None:
        calls[step] += 1
        if step == where and calls[step] == 2:
            raise KeyboardInterrupt

    def append_quads(nquads: bytes) -> None:
        trip("upload")
        real["upload"](nquads)

    def select(query: str, **kw: Any) -> Any:
        if "COUNT(*)" in query:
            trip("count")
        return real["select"](query, **kw)

    def update(text: str) -> None:
        if "INSERT DATA" in text and "MapGraph" in text:
            trip("swap")
        real["update"](text)

    monkeypatch.setattr(store, "append_quads", append_quads)
    monkeypatch.setattr(store, "select", select)
    monkeypatch.setattr(store, "update", update)
    corpus = Corpus(store)
    report = corpus.load(folder, workers=1)
    assert report.interrupted and len(report.loaded) == 1
    assert corpus.graphs() == [report.loaded[0].graph]
    assert [p.graph for p in corpus.provenance()] == corpus.graphs()
    # no half-written data or index graph is left behind, nor corpus lines for one
    current = corpus.provenance()[0].data
    left = [g for g in _named_graphs(store) if "#argmap-" in g]
    assert left == sorted([current, current + "-cx"])  # type: ignore[operator]
    described = store.select(f"SELECT DISTINCT ?d WHERE {{ GRAPH <{CORPUS}> {{ ?d ?p ?o }} }}")
    subjects = {r["d"].value for r in described}
    assert {d for d in subjects if not d.startswith("urn:argmap:")} == {current}
    assert len([d for d in subjects if d.startswith("urn:argmap:batch:")]) == 1
    assert digest.read(store) is not None  # the fast path describes the corpus exactly
    assert q.totals(corpus) == q.totals(corpus.maps())
    rest = corpus.load(folder, workers=1)
    assert len(corpus) == 3 and not rest.interrupted


def test_add_a_map_and_a_path(folder: Path) -> None:
    corpus = Corpus()
    assert corpus.add(_brief("x")) == "https://w3id.org/argmap/map/x"
    g = corpus.add(folder / "broken.json", lenient=True)
    assert {p.graph for p in corpus.provenance()} == {g, "https://w3id.org/argmap/map/x"}
    with pytest.raises(ArgmapError):
        corpus.add(folder / "broken.json")
    assert corpus.remove(g) and len(corpus) == 1


def test_normalise() -> None:
    assert normalise("  The U.S.  Chamber. ") == normalise("the u.s. chamber") == "the u.s. chamber"


def test_rows_to_frame_and_json() -> None:
    pytest.importorskip("pandas")
    corpus = Corpus()
    corpus.add(_brief("a"))
    corpus.add(_brief("b"))
    frame = q.shared_actors(corpus).to_frame()
    assert list(frame.columns) == ["key", "by", "graphs"] and len(frame) == 2
    assert json.loads(q.schemes(corpus).to_json()) == [
        {"scheme": "practical reasoning", "arguments": 2, "maps": 2}
    ]
    assert list(q.Rows[q.Ratio]().to_frame(q.Ratio).columns) == [
        "graph",
        "arguments",
        "attacks",
        "ratio",
    ]


# ---------------------------------------------------------------------- questions


@st.composite
def corpora(draw: Any) -> dict[str, ArgumentMap]:
    """Random maps under graphs of their own, some naming one actor and one statement."""
    out: dict[str, ArgumentMap] = {}
    for i in range(draw(st.integers(1, 3))):
        m = draw(maps(max_statements=5, recursive_attacks=True))
        if draw(st.booleans()):
            spelling = draw(st.sampled_from(["U.S. Chamber", "u.s.  chamber", "U.S. CHAMBER."]))
            same = (CHAMBER,) if draw(st.booleans()) else ()
            x = m.actor(spelling, id="xchamber", same_as=same)
            statements = sorted(s.id for s in m.statements())
            for target in (
                draw(st.lists(st.sampled_from(statements), max_size=2)) if statements else []
            ):
                with contextlib.suppress(ArgmapError):
                    m.stance(x, "asserts", target)
            if draw(st.booleans()):
                vote = m.claim(draw(st.sampled_from(["Vote yes.", "vote  YES"])), id="xvote")
                if statements:
                    with contextlib.suppress(ArgmapError):
                        m.attack([statements[0]], vote, id="xattack")
        if draw(st.booleans()):  # names and texts that look like IRIs are names
            note = m.actor(draw(st.sampled_from(LIKE_IRIS)), id="xnote")
            said = m.claim(draw(st.sampled_from(LIKE_IRIS)), id="xsaid")
            m.stance(note, "asserts", said)
            for target in sorted(s.id for s in m.statements() if s.id != said.id)[:1]:
                with contextlib.suppress(ArgmapError):
                    m.argue([said], target, id="xargue")
                    m.attack([said], target, id="xnoted")
        out[f"urn:test:corpus-{i}"] = m
    return out


#: Names that contain a colon but are no IRI a store can hold (``Note:``), or are one.
LIKE_IRIS = ["Note:", "note :", "a:<b>", 'Re:"vote"', "urn:x"]


QUESTIONS = [
    ("totals", lambda s: q.totals(s)),
    (
        "totals scanned",
        lambda s: q.totals(s, scan=True) if not isinstance(s, dict) else q.totals(s),
    ),
    ("ratios", lambda s: q.ratios(s)),
    ("shared_actors", lambda s: q.shared_actors(s)),
    ("shared_statements", lambda s: q.shared_statements(s)),
    ("schemes", lambda s: q.schemes(s)),
    ("resting_on name", lambda s: q.resting_on(s, "The U.S. chamber")),
    ("resting_on iri", lambda s: q.resting_on(s, CHAMBER)),
    ("unanswered text", lambda s: q.unanswered_attacks(s, "vote yes")),
    *(
        (
            f"questions about {name!r}",
            lambda s, name=name: (q.resting_on(s, name), q.unanswered_attacks(s, name)),
        )
        for name in LIKE_IRIS
    ),
]


def _block_graphs(store: Store) -> set[str]:
    """The data graphs the answer blocks hold rows of."""
    from argmap.corpus.index import CORPUS, CX

    rows = store.select(f"SELECT ?t WHERE {{ GRAPH <{CORPUS}> {{ ?k <{CX}rows> ?t }} }}")
    return {
        line[1:].split("\t", 1)[0]
        for r in rows
        for line in r["t"].value.split("\n")
        if line.startswith("=")
    }


def _check_equal(store: Store, maps_by_graph: dict[str, ArgumentMap]) -> None:
    empty_store(store)
    corpus = Corpus(store)
    for graph, m in maps_by_graph.items():
        corpus.add(m, graph=graph)
    d = digest.read(store)
    assert d is not None and d.blocks  # the answers by name come from the answer blocks
    assert q._from_blocks(store, "actor", "The U.S. chamber") is not None
    for name, ask in QUESTIONS:
        assert ask(corpus) == ask(maps_by_graph), name
    for m in maps_by_graph.values():
        for s in list(m.statements())[:2]:
            iri = m.iri_of(s.id)
            assert q.unanswered_attacks(corpus, iri) == q.unanswered_attacks(maps_by_graph, iri)
            break


SERVER = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@SERVER
@given(corpora())
def test_questions_equal_in_memory_and_in_each_store(
    triple_store: Store, maps_by_graph: dict[str, ArgumentMap]
) -> None:
    _check_equal(triple_store, maps_by_graph)


@settings(SERVER, max_examples=40)
@given(corpora())
def test_questions_equal_in_memory_and_in_memory_store(
    maps_by_graph: dict[str, ArgumentMap],
) -> None:
    with open_store(None) as store:
        _check_equal(store, maps_by_graph)


def _check_replace_remove(
    store: Store, maps_by_graph: dict[str, ArgumentMap], other: ArgumentMap
) -> None:
    """Replace a map, remove one, push one outside the corpus, sweep: the questions
    agree with memory after each step, through the digests while the corpus wrote
    every change and through the per-map path after the outside push."""
    from argmap.store import push

    empty_store(store)
    corpus = Corpus(store)
    for graph, m in maps_by_graph.items():
        corpus.add(m, graph=graph)
    expected = dict(maps_by_graph)
    graphs = sorted(expected)
    corpus.add(other, graph=graphs[0])  # replaced
    expected[graphs[0]] = other
    if len(graphs) > 1:
        assert corpus.remove(graphs[-1])
        del expected[graphs[-1]]
    assert digest.read(store) is not None
    for name, ask in QUESTIONS:
        assert ask(corpus) == ask(expected), f"after replace and remove: {name}"
    push(maps_by_graph[graphs[0]], store, graphs[0])  # outside the corpus
    expected[graphs[0]] = maps_by_graph[graphs[0]]
    assert digest.read(store) is None
    for name, ask in QUESTIONS:
        assert ask(corpus) == ask(expected), f"after a push outside the corpus: {name}"
    corpus.sweep()
    assert _block_graphs(store) <= set(current_data(store).values())  # and now removed
    for name, ask in QUESTIONS:
        assert ask(corpus) == ask(expected), f"after the sweep: {name}"
    corpus.add(maps_by_graph[graphs[0]], graph=graphs[0])  # the corpus indexes it again
    assert digest.read(store) is not None
    for name, ask in QUESTIONS:
        assert ask(corpus) == ask(expected), f"after adding it again: {name}"


@settings(SERVER, max_examples=8)
@given(corpora(), maps(max_statements=5, recursive_attacks=True))
def test_questions_equal_after_replace_and_remove_in_each_store(
    triple_store: Store, maps_by_graph: dict[str, ArgumentMap], other: ArgumentMap
) -> None:
    _check_replace_remove(triple_store, maps_by_graph, other)


@settings(SERVER, max_examples=30)
@given(corpora(), maps(max_statements=5, recursive_attacks=True))
def test_questions_equal_after_replace_and_remove_in_memory_store(
    maps_by_graph: dict[str, ArgumentMap], other: ArgumentMap
) -> None:
    with open_store(None) as store:
        _check_replace_remove(store, maps_by_graph, other)


def test_totals_count_a_map_pushed_outside_the_corpus() -> None:
    from argmap.store import push

    corpus = Corpus()
    corpus.add(_brief("a"))
    newer = _brief("a")
    newer.claim("One more.", id="more")
    push(newer, corpus.store)  # the corpus graph's counts now describe an old version
    assert q.totals(corpus) == q.totals([newer]) == q.totals(corpus, scan=True)
    assert q.totals(corpus)[0].claims == 1


def test_questions_on_known_maps() -> None:
    a, b = _brief("a"), _brief("b", "vote yes")
    k = b.claim("It does not.", id="k")
    b.attack([k], "r", id="t")
    corpus = Corpus()
    corpus.add(a)
    corpus.add(b)
    shared = {(s.key, s.by) for s in q.shared_actors(corpus)}
    assert shared == {("u.s. chamber of commerce", "name"), (CHAMBER, "same_as")}
    assert [s.key for s in q.shared_statements(corpus) if s.by == "name"] == [
        "it works",
        "vote yes",
    ]
    resting = q.resting_on(corpus, "U.S. Chamber of Commerce")
    assert [(r.graph.rsplit("/", 1)[1], r.conclusion.rsplit("/", 1)[1]) for r in resting] == [
        ("a", "r"),
        ("b", "r"),
    ]
    assert q.resting_on(corpus, CHAMBER) == resting
    assert [u.attack.rsplit("/", 1)[1] for u in q.unanswered_attacks(corpus, "Vote yes")] == ["t"]
    b.attack([b.claim("It does.", id="kk")], k, id="answer")
    corpus.add(b)
    assert q.unanswered_attacks(corpus, "Vote yes") == []
    assert [(t.arguments, t.attacks) for t in q.totals(corpus)] == [(1, 0), (1, 2)]
    assert q.ratios(corpus)[1].ratio == 0.5


def test_clear_cache_makes_the_next_question_compute_again(monkeypatch: Any) -> None:
    """An answer is kept for its corpus state; clear_cache forgets it (and, unless
    answers_only, the parsed digests), and the answer computed again is the same."""
    corpus = Corpus()
    corpus.add(_brief("a"))
    corpus.add(_brief("b", "vote yes"))
    first = q.shared_statements(corpus)
    reads: list[str] = []
    real = digest._parse

    def counting(text: str) -> Any:
        reads.append(text)
        return real(text)

    monkeypatch.setattr(digest, "_parse", counting)
    state = digest.read(corpus.store)
    assert state is not None and state.answers  # the answer is kept
    assert q.shared_statements(corpus) == first and reads == []
    digest.clear_cache(answers_only=True)
    assert not state.answers
    assert q.shared_statements(corpus) == first and reads == []  # digests still parsed
    assert state.answers
    digest.clear_cache()
    assert q.shared_statements(corpus) == first
    assert len(reads) == 2  # both batches' digests read again


def test_a_question_validates_the_corpus_once(monkeypatch: Any) -> None:
    """Asked again: one request (the digests' check). Computed afresh from the answer
    blocks: that check once (the digest is pinned while the answer is computed), then
    the key's blocks."""
    corpus = Corpus()
    corpus.add(_brief("a"))
    corpus.add(_brief("b"))
    requests: list[str] = []
    real = corpus.store.select

    def counting(query: str, *args: Any, **kwargs: Any) -> Any:
        requests.append(query)
        return real(query, *args, **kwargs)

    q.totals(corpus)  # the digests read and parsed
    monkeypatch.setattr(corpus.store, "select", counting)
    digest.clear_cache(answers_only=True)
    first = q.resting_on(corpus, "U.S. Chamber of Commerce")
    assert len(first) == 2 and len(requests) == 2
    assert "cx:rows" in requests[1]
    requests.clear()
    assert q.resting_on(corpus, "U.S. Chamber of Commerce") == first
    assert len(requests) == 1


def test_names_that_look_like_iris_are_asked_as_names() -> None:
    """``Note:`` or ``a:<b>`` cannot be IRIs in a store: they are names, in the answer
    blocks, the per-map path and memory alike; ``urn:x`` is an IRI."""
    m = ArgumentMap("n")
    note = m.actor("Note:", id="x")
    premise = m.claim("a:<b>", id="p")
    top = m.recommendation("Do it.", id="r")
    m.argue([premise], top, id="arg")
    m.attack([m.claim("No.", id="no")], premise, id="k")
    m.stance(note, "asserts", premise)
    corpus = Corpus()
    corpus.add(m)
    resting = q.resting_on(corpus, "Note:")
    assert [(r.conclusion, r.premise) for r in resting] == [(m.iri_of("r"), m.iri_of("p"))]
    assert q.resting_on(corpus, "note") == resting == q.resting_on([m], "Note:")
    unanswered = q.unanswered_attacks(corpus, "a:<b>")
    assert [u.attack for u in unanswered] == [m.iri_of("k")]
    assert unanswered == q.unanswered_attacks([m], "a:<b>")
    assert q.resting_on(corpus, "urn:x") == [] == q.resting_on([m], "urn:x")
    from argmap.store import push

    push(m, corpus.store, "urn:test:outside")  # the digests no longer describe the corpus
    assert digest.read(corpus.store) is None
    assert len(q.resting_on(corpus, "Note:")) == 2
    assert len(q.unanswered_attacks(corpus, "a:<b>")) == 2


def test_shared_corpora_folder_loads(shared_dir: Path, tmp_path: Path) -> None:
    """Every kind of file of ../shared/corpora, copied to a temporary folder."""
    src = shared_dir / "corpora"
    for sub in ("aif/qt30", "argdown", "microtexts/arggraph-en", "carneades"):
        shutil.copytree(src / sub, tmp_path / sub, dirs_exist_ok=True)
    report = Corpus().load(tmp_path, workers=2)
    kinds = {f.format for f in report.loaded}
    assert {"aif", "argdown", "microtext", "carneades"} <= kinds
    assert all(f.error for f in report.refused)


# ---------------------------------------------------------------------- command line


def _cli(*args: str, code: int = 0) -> Any:
    from typer.testing import CliRunner

    from argmap.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result


def _mixed_folder(shared_dir: Path, tmp_path: Path) -> Path:
    src, d = shared_dir / "corpora", tmp_path / "mixed"
    for sub in ("aif/araucaria", "aif/qt30", "argdown", "microtexts/arggraph-en", "sadface"):
        shutil.copytree(src / sub, d / sub, dirs_exist_ok=True)
    shutil.copy(src / "carneades" / "vacation.yml", d / "vacation.yml")
    (d / "broken.json").write_bytes(BAD_AIF)
    return d


def test_cli_stats_equal_the_sum_of_info(shared_dir: Path, tmp_path: Path) -> None:
    from argmap.cli.core import info_counts

    d = _mixed_folder(shared_dir, tmp_path)
    store = str(tmp_path / "store")
    # some files are not maps (texts beside the XML, Argdown JSON exports): refused, exit 1
    out = json.loads(
        _cli(
            "corpus", "load", str(d), "--store", store, "--lenient", "-w", "2", "-f", "json", code=1
        ).stdout
    )
    assert set(out) >= {"maps", "loaded", "refused", "repaired_records", "triples"}
    assert out["refused"] and all(set(r) == {"file", "error"} for r in out["refused"])
    assert out["repaired_records"] >= 1 and out["maps"] == len(out["loaded"])
    stats = json.loads(_cli("corpus", "stats", "--store", store, "-f", "json").stdout)
    expected: dict[str, int] = {"maps": len(out["loaded"])}
    for f in out["loaded"]:
        for k, v in info_counts(argmap.load(f, lenient=True)).items():
            expected[k] = expected.get(k, 0) + v
    for key in ("maps", "statements", "arguments", "attacks", "actors", "stances", "claims"):
        assert stats[key] == expected[key], key
    again = json.loads(
        _cli("corpus", "load", str(d), "--store", store, "--lenient", "-f", "json", code=1).stdout
    )
    assert again["loaded"] == [] and sorted(again["unchanged"]) == sorted(out["loaded"])


def test_cli_query_formats(tmp_path: Path) -> None:
    d = tmp_path / "two"
    d.mkdir()
    argmap.dump(_brief("a"), d / "a.ttl")
    argmap.dump(_brief("b"), d / "b.ttl")
    store = str(tmp_path / "store")
    _cli("corpus", "load", str(d), "--store", store, "-w", "1")
    rows = json.loads(_cli("corpus", "query", "actors", "--store", store, "-f", "json").stdout)
    assert {(r["key"], r["by"]) for r in rows} == {
        ("u.s. chamber of commerce", "name"),
        (CHAMBER, "same_as"),
    }
    csv_out = _cli("corpus", "query", "schemes", "--store", store, "-f", "csv").stdout
    assert csv_out.splitlines() == ["scheme,arguments,maps", "practical reasoning,2,2"]
    table = _cli("corpus", "query", "resting-on", "U.S. Chamber of Commerce", "--store", store)
    assert "map/a/r" in table.stdout and "map/b/r" in table.stdout
    _cli("corpus", "query", "resting-on", "--store", store, code=2)
    _cli("corpus", "stats", "--store", str(tmp_path / "nothing"), code=2)


# ---------------------------------------------------------------------- the example

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_example_script_loads_every_kind_of_file(shared_dir: Path, tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "corpus_questions", EXAMPLE / "corpus_questions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    answers = module.run(shared_dir / "corpora", tmp_path / "store")
    formats = {f.format for f in answers["report"].loaded}
    assert {"aif", "argdown", "microtext", "sadface", "carneades"} <= formats
    # the ArgMicro texts are in the corpora twice (XML and AIF): their statements are shared
    assert any(s.by == "name" for s in answers["shared_statements"])
    assert len(answers["totals"]) == len(answers["report"].loaded)


def test_example_notebook_runs(shared_dir: Path) -> None:
    pytest.importorskip("nbclient", reason="pip install nbclient ipykernel")
    pytest.importorskip("pandas", reason="pip install pandas")
    import os

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(EXAMPLE / "corpus.ipynb", as_version=4)
    os.environ["ARGMAP_CORPORA"] = str(shared_dir / "corpora")
    try:
        NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(EXAMPLE)}}).execute()
    finally:
        del os.environ["ARGMAP_CORPORA"]
    text = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert "maps loaded" in text and "Default Inference" in text


_IRI_TAIL = st.text(alphabet="ab=/#:.-_~", max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["urn:m/", "https://e.org/x/", ""]),
            st.lists(
                st.tuples(
                    st.sampled_from(["urn:m/", "https://e.org/x/", "urn:z:"]),
                    _IRI_TAIL,
                    st.sampled_from(["urn:m/", "https://e.org/x/", "urn:z:"]),
                    _IRI_TAIL,
                ),
                max_size=5,
            ),
            st.booleans(),
        ),
        max_size=4,
    )
)
def test_answer_blocks_round_trip(parts: list[Any]) -> None:
    """block_rows reads back what block_text wrote, for the current maps only, whatever
    the IRIs hold after the base (``=`` included, which starts a map's line)."""
    maps, graph_of, expected = [], {}, []
    for i, (base, rows, current) in enumerate(parts):
        pairs = [(p1 + t1, p2 + t2) for p1, t1, p2, t2 in rows]
        maps.append((f"urn:d{i}", base, pairs))
        if current:
            graph_of[f"urn:d{i}"] = f"urn:g{i}"
            expected += [(f"urn:g{i}", a, b) for a, b in pairs]
    assert digest.block_rows(digest.block_text(maps), graph_of) == expected
