"""Hostile input, round two (issue 14, classes 1, 2, 6, 8 and 12).

1. the RDF/XML entity guard reads the prolog as XML and spends one expansion budget;
2. every input is read through a counting reader (devices, FIFOs, /proc files);
6. JSON-LD that a processor would drop without a word is refused, located;
8. a bad ``ARGMAP_MAX_*`` value breaks nothing until a cap is used, then says which;
12. text and node caps are met while the input is read, and every cap message names the
    environment variable as well as the Python API.

Tests that could take the machine down if a fix regressed (entity expansion) run in a
child process under a memory rlimit.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import ArgmapError, LimitExceeded, ParseError
from argmap.limits import from_env, read_capped
from argmap.semantics.iccma import load_af

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _rdfxml(prolog: str, body_ref: str = "&lol9;") -> str:
    return (
        prolog + f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:x="http://x/">'
        f'<rdf:Description rdf:about="http://x/a"><x:p>{body_ref}</x:p>'
        "</rdf:Description></rdf:RDF>"
    )


def _laughs(levels: int = 9, keyword: str = "DOCTYPE") -> str:
    ents = "".join(
        f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">\n' for i in range(1, levels + 1)
    )
    return f'<!{keyword} rdf:RDF [\n<!ENTITY lol0 "lol">\n{ents}]>\n'


# each: a prolog that once (or could) let a DOCTYPE reach pyoxigraph unexpanded
HOSTILE_PROLOGS = {
    "comment-before": "<!-- <!DOCTYPE x> -->\n" + _laughs(),
    "xml-decl-and-comment": '<?xml version="1.0"?>\n<!-- <!DOCTYPE x> -->' + _laughs(),
    "pi-holding-doctype": "<?pi <!DOCTYPE x> ?>\n" + _laughs(),
    "lowercase": _laughs(keyword="doctype"),
    "mixed-case": _laughs(keyword="DocType"),
    "bom-and-space": "\ufeff \n\t" + _laughs(),
    "comment-with-bracket": "<!-- ]> -->" + _laughs(),
    "quoted-gt-in-system-id": _laughs().replace("rdf:RDF [", 'rdf:RDF SYSTEM "a>b" [', 1),
    "second-doctype": "<!DOCTYPE rdf:RDF>\n" + _laughs(),
    "cdata-before": "<![CDATA[ <!DOCTYPE x> ]]>" + _laughs(),
}


_CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
import argmap
results = {}
for name, doc in json.loads(sys.stdin.read()).items():
    try:
        if name.startswith("validate:"):
            argmap.validate(doc.encode(), format="xml")
        else:
            argmap.loads(doc, "xml")
        results[name] = ["loaded", None, None]
    except argmap.ParseError as exc:
        results[name] = [type(exc).__name__, exc.line, str(exc)]
print(json.dumps(results))
"""


def _in_child(docs: dict[str, str]) -> dict[str, list[object]]:
    """Load each document in a child process that may not grow past 3 GB of address space."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(docs),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,  # a safety net for a regression, not a speed assertion
    )
    assert out.returncode == 0, f"the child died (exit {out.returncode}): {out.stderr[-2000:]}"
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_hostile_prologs_are_refused_located_in_a_memory_capped_child() -> None:
    results = _in_child({name: _rdfxml(p) for name, p in HOSTILE_PROLOGS.items()})
    for name, (kind, line, message) in results.items():
        assert kind in ("LimitExceeded", "ParseError"), (name, kind, message)
        assert line is not None, (name, message)


def test_validate_reads_rdfxml_through_the_same_guard() -> None:
    """argmap validate once handed RDF/XML straight to pyoxigraph, entities and all."""
    docs = {
        "validate:laughs": _rdfxml(_laughs()),
        "validate:comment": _rdfxml(HOSTILE_PROLOGS["comment-before"]),
    }
    for name, (kind, line, message) in _in_child(docs).items():
        assert kind in ("LimitExceeded", "ParseError"), (name, kind, message)
        assert line is not None, (name, message)


def test_a_comment_holding_a_doctype_does_not_hide_the_real_one() -> None:
    doc = _rdfxml(HOSTILE_PROLOGS["comment-before"])
    results = _in_child({"it": doc})
    kind, line, message = results["it"]
    # the real DOCTYPE's entities were expanded under the budget, not handed on
    assert kind == "LimitExceeded", message
    assert "entity expansion" in str(message) and line is not None


def test_an_unused_entity_over_the_budget_is_refused() -> None:
    doc = _rdfxml(_laughs(), body_ref="no entity used")
    with pytest.raises(LimitExceeded, match="ARGMAP_MAX_TEXT") as info:
        argmap.loads(doc, "xml")
    assert info.value.line is not None


def test_the_budget_counts_every_reference_in_the_document() -> None:
    """Each use of an entity is small; together they pass the budget."""
    prolog = '<!DOCTYPE rdf:RDF [<!ENTITY e "' + "x" * 1000 + '">]>\n'
    doc = _rdfxml(prolog, body_ref="&e;" * 50)
    with argmap.limits(max_text=20_000), pytest.raises(LimitExceeded, match="budget"):
        argmap.loads(doc, "xml")
    with argmap.limits(max_text=60_000):  # within the budget: expanded, then read as RDF
        m = argmap.loads(doc, "xml")
    assert any("x" * 50_000 in triple for triple in m.extra)


@pytest.mark.parametrize(
    "doc",
    [
        _rdfxml('<!DOCTYPE rdf:RDF [<!ENTITY a "<!DOCTYPE y []>">]>\n', "&a;"),
        _rdfxml("", "ok") + "<!DOCTYPE late [<!ENTITY z 'z'>]>",
        _rdfxml("<!-- <!ENTITY x 'y'> -->\n", "ok"),
    ],
    ids=["entity-inserting-a-doctype", "doctype-after-root", "entity-in-comment"],
)
def test_no_declaration_reaches_the_parser(doc: str) -> None:
    with pytest.raises(ParseError, match="refused") as info:
        argmap.loads(doc, "xml")
    assert info.value.line is not None


def test_namespace_entities_still_expand_after_a_comment_and_pi() -> None:
    doc = (
        '<?xml version="1.0"?>\n<!-- a map -->\n<?style x?>\n<!DOCTYPE rdf:RDF [\n'
        '  <!ENTITY am "https://w3id.org/argmap/ns#">\n'
        '  <!ENTITY m "https://w3id.org/argmap/map/ent">\n]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:am="&am;">\n'
        '<am:ArgumentMap rdf:about="&m;"/>\n'
        '<am:Claim rdf:about="&m;/c"><am:text>It is &amp; was.</am:text></am:Claim>\n'
        "</rdf:RDF>\n"
    )
    assert [c.text for c in argmap.loads(doc, "xml").claims()] == ["It is & was."]


@pytest.mark.parametrize("fmt", ["caf", "microtext"])
def test_xml_readers_refuse_an_entity_however_far_down(fmt: str) -> None:
    root = "caf" if fmt == "caf" else "arggraph"
    doc = "<!--" + "x" * 100_000 + "-->\n" + _laughs().replace("rdf:RDF", root) + f"<{root}/>"
    with pytest.raises(ParseError, match="entity") as info:
        argmap.loads(doc, fmt)
    assert info.value.line == 3  # the first <!ENTITY


# --- 2: the byte cap counts bytes read ---------------------------------------------------


def test_dev_zero_is_refused_at_the_cap() -> None:
    with pytest.raises(LimitExceeded, match="max_bytes") as info:
        argmap.load("/dev/zero", "turtle", limits=argmap.Limits(max_bytes=2**20))
    assert info.value.file == "/dev/zero"
    assert "ARGMAP_MAX_BYTES" in str(info.value)


def test_cli_info_on_dev_zero_exits_2() -> None:
    result = runner.invoke(
        app, ["info", "/dev/zero", "--from", "turtle"], env={"ARGMAP_MAX_BYTES": "4000000"}
    )
    assert result.exit_code == 2, result.output
    assert "max_bytes" in result.output and "ARGMAP_MAX_BYTES" in result.output


def _feed_fifo(path: Path, data: bytes | None) -> threading.Thread:
    """A thread writing ``data`` (or zeros without end) into the FIFO at ``path``."""

    def feed() -> None:
        try:
            with path.open("wb") as fifo:
                if data is not None:
                    fifo.write(data)
                    return
                while True:
                    fifo.write(b"\0" * 65536)
        except BrokenPipeError:
            pass  # the reader stopped at its cap

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def test_an_endless_fifo_is_refused_at_the_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "in.nt"
    os.mkfifo(fifo)
    thread = _feed_fifo(fifo, None)
    with pytest.raises(LimitExceeded, match="max_bytes"):
        argmap.load(fifo, "nt", limits=argmap.Limits(max_bytes=300_000))
    thread.join(timeout=60)
    assert not thread.is_alive()


def test_a_fifo_under_the_cap_is_read(tmp_path: Path) -> None:
    m = argmap.ArgumentMap("fifo")
    m.claim("Read through a pipe.", id="c")
    fifo = tmp_path / "in.nt"
    os.mkfifo(fifo)
    thread = _feed_fifo(fifo, argmap.dumps(m, "nt").encode())
    assert argmap.load(fifo, "nt") == m
    thread.join(timeout=60)


def test_a_proc_file_is_counted_not_sized() -> None:
    proc = Path("/proc/self/status")
    if not proc.exists():
        pytest.skip("no /proc on this system")
    assert proc.stat().st_size == 0  # what the old check trusted
    with pytest.raises(LimitExceeded, match="max_bytes"):
        argmap.load(proc, "turtle", limits=argmap.Limits(max_bytes=16))
    with pytest.raises(ParseError) as info:  # under the cap it is read, and is no Turtle
        argmap.load(proc, "turtle")
    assert not isinstance(info.value, LimitExceeded)


def test_iccma_and_validate_read_through_the_counting_reader() -> None:
    with argmap.limits(max_bytes=2**16):
        with pytest.raises(LimitExceeded):
            load_af("/dev/zero", "i23")
        with pytest.raises(LimitExceeded):
            argmap.validate(Path("/dev/zero"), format="turtle")


def test_read_capped_reads_streams_such_as_stdin() -> None:
    assert read_capped(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    with pytest.raises(LimitExceeded, match="ARGMAP_MAX_BYTES") as info:
        read_capped(io.BytesIO(b"x" * 11), 10, file="<stdin>")
    assert info.value.file == "<stdin>"


# --- 6: JSON-LD that would be dropped without a word -------------------------------------


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"@id": "urn:a b", "http://x/p": "v"}, ["urn:a b", "space"]),
        ({"@id": "urn:a<b", "http://x/p": "v"}, ["urn:a<b", "'<'"]),
        ({"@id": "urn:a", "@type": "urn:t x", "http://x/p": "v"}, ["@type", "urn:t x"]),
        ({"@id": "urn:a", "http://x/p q": "v"}, ["property", "http://x/p q"]),
        ({"@id": "urn:a", "nothing": "v"}, ["nothing", "@vocab"]),
        ({"@id": "relative", "http://x/p": "v"}, ["relative", "@base"]),
        ({"@id": "urn:a", "http://x/p": {"@value": "v", "@language": "e n"}}, ["language"]),
        ({"@id": "urn:a%zz", "http://x/p": "v"}, ["%"]),
    ],
    ids=["space", "angle", "type", "key", "unmapped-key", "no-base", "language", "escape"],
)
def test_jsonld_that_would_be_dropped_is_refused(doc: dict[str, object], words: list[str]) -> None:
    with pytest.raises(ParseError) as info:
        argmap.loads(json.dumps(doc, indent=1), "jsonld")
    message = str(info.value)
    for word in words:
        assert word in message
    assert "node urn:a" in message or info.value.node is not None or "language" in message


def test_a_reference_to_a_bad_node_names_the_referring_node() -> None:
    doc = {
        "@context": {"am": "https://w3id.org/argmap/ns#"},
        "@graph": [{"@id": "urn:a", "am:supports": {"@id": "urn:b c"}}],
    }
    with pytest.raises(ParseError, match="reference") as info:
        argmap.loads(json.dumps(doc, indent=1), "jsonld")
    assert info.value.node == "urn:a"
    assert "urn:b c" in str(info.value)
    assert info.value.line is not None


def test_a_coerced_reference_is_checked_too() -> None:
    doc = {
        "@context": {"p": {"@id": "http://x/p", "@type": "@id"}},
        "@id": "urn:a",
        "p": "urn:not an iri",
    }
    with pytest.raises(ParseError, match="reference"):
        argmap.loads(json.dumps(doc), "jsonld")


def test_argmaps_own_jsonld_still_loads() -> None:
    m = argmap.ArgumentMap("jsonld-ok")
    c = m.claim("A claim with a space in it.", id="c")
    e = m.evidence("Some evidence.", id="e")
    m.argue([e], c, id="a")
    assert argmap.loads(argmap.dumps(m, "jsonld"), "jsonld") == m


# --- 8: a bad ARGMAP_MAX_* value ----------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "-5", "1e3", "5.0"])
def test_a_bad_env_value_does_not_break_import(value: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGMAP_MAX_TEXT": value}
    out = subprocess.run(
        [sys.executable, "-c", "import argmap; print(argmap.ArgumentMap('x').name)"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "x"


@pytest.mark.parametrize("value", ["abc", "-5", "1e3"])
def test_a_bad_env_value_is_named_when_a_cap_is_used(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_MAX_NODES", value)
    with pytest.raises(ArgmapError, match=r"ARGMAP_MAX_NODES") as info:
        argmap.loads('<urn:a> <urn:p> "v" .', "nt")
    assert repr(value) in str(info.value)


def test_cli_reports_a_bad_env_value_with_exit_2(tmp_path: Path) -> None:
    m = argmap.ArgumentMap("env")
    m.claim("A claim.", id="c")
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    result = runner.invoke(app, ["info", str(path)], env={"ARGMAP_MAX_DEPTH": "-5"})
    assert result.exit_code == 2
    assert "ARGMAP_MAX_DEPTH" in result.output and "'-5'" in result.output
    assert "Traceback" not in result.output
    assert runner.invoke(app, ["formats"], env={"ARGMAP_MAX_DEPTH": "-5"}).exit_code == 0


def test_good_env_values_still_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_MAX_NODES", "1_000")
    monkeypatch.setenv("ARGMAP_MAX_TEXT", "none")
    assert from_env().max_nodes == 1000 and from_env().max_text is None


# --- 12: caps met while reading; messages for both audiences ------------------------------


def _claims_nt(n: int, text: str = "A claim.") -> str:
    m = argmap.ArgumentMap("many")
    for i in range(n):
        m.claim(f"{text} {i}", id=f"c{i}")
    return argmap.dumps(m, "nt")


def test_node_cap_stops_the_rdf_read_before_the_map_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argmap.rdf

    def never(*_: object) -> None:
        raise AssertionError("the whole document reached the map builder")

    monkeypatch.setattr(argmap.rdf.NTriplesReader, "read", never)
    with pytest.raises(LimitExceeded, match="max_nodes") as info:
        argmap.loads(_claims_nt(50), "nt", limits=argmap.Limits(max_nodes=10))
    assert "ARGMAP_MAX_NODES" in str(info.value)


def test_text_cap_stops_the_rdf_read_at_the_literal(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.rdf

    monkeypatch.setattr(argmap.rdf.NTriplesReader, "read", lambda *_: pytest.fail("read it all"))
    text = _claims_nt(3, "y" * 500)
    with pytest.raises(LimitExceeded, match="max_text") as info:
        argmap.loads(text, "nt", limits=argmap.Limits(max_text=100))
    assert info.value.node is not None and "ARGMAP_MAX_TEXT" in str(info.value)


@pytest.mark.parametrize("escaped", [False, True], ids=["plain", "escaped-quotes"])
def test_text_cap_stops_json_while_it_is_decoded(
    escaped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.io._aif_schema as schema

    monkeypatch.setattr(schema, "parse_aif_object", lambda *_a, **_k: pytest.fail("decoded"))
    text = ('say \\"x\\" ' if escaped else "say x ") * 100
    doc = '{"nodes": [{"nodeID": "n1", "type": "I", "text": "' + text + '"}], "edges": []}'
    with pytest.raises(LimitExceeded, match="max_text") as info:
        argmap.loads(doc, "aif", limits=argmap.Limits(max_text=50))
    assert info.value.node == "n1"
    assert "ARGMAP_MAX_TEXT" in str(info.value)


def test_aif_node_records_are_counted_before_models_are_built() -> None:
    nodes = [{"nodeID": str(i), "type": "I", "text": f"t{i}"} for i in range(20)]
    doc = json.dumps({"nodes": nodes, "edges": []})
    with pytest.raises(LimitExceeded, match="ARGMAP_MAX_NODES"):
        argmap.loads(doc, "aif", limits=argmap.Limits(max_nodes=5))


@pytest.mark.parametrize(
    ("cap", "env", "load"),
    [
        ("max_bytes", "ARGMAP_MAX_BYTES", lambda: argmap.loads("x" * 100, "nt")),
        ("max_nodes", "ARGMAP_MAX_NODES", lambda: argmap.loads(_claims_nt(30), "nt")),
        ("max_text", "ARGMAP_MAX_TEXT", lambda: argmap.loads(_claims_nt(2, "z" * 99), "nt")),
        ("max_depth", "ARGMAP_MAX_DEPTH", lambda: argmap.loads("[" * 30 + "]" * 30, "aif")),
    ],
)
def test_every_cap_message_names_the_variable_and_the_api(cap: str, env: str, load: object) -> None:
    with argmap.limits(**{cap: 10}), pytest.raises(LimitExceeded) as info:
        load()  # type: ignore[operator]
    message = str(info.value)
    assert env in message
    assert f"argmap.limits({cap}=" in message


def test_the_cli_shows_the_variable_to_set(tmp_path: Path) -> None:
    path = tmp_path / "many.nt"
    path.write_text(_claims_nt(30))
    result = runner.invoke(app, ["info", str(path)], env={"ARGMAP_MAX_NODES": "5"})
    assert result.exit_code == 2
    assert "ARGMAP_MAX_NODES" in result.output


def test_a_term_over_the_rdf_parsers_buffer_is_a_located_refusal() -> None:
    """pyoxigraph holds one term in at most 16 MiB; past that it raised MemoryError."""
    doc = b'<urn:a> <urn:p> "' + b"x" * (17 * 2**20) + b'" .\n'
    with argmap.limits(max_text=None), pytest.raises(LimitExceeded, match="16 MiB"):
        argmap.loads(doc, "nt")


_JSON_CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
import argmap
doc = '{"nodes": [{"nodeID": "1", "type": "I", "text": "' + "y" * (40 * 2**20) + '"}], "edges": []}'
try:
    argmap.loads(doc, "aif")
    print("loaded")
except argmap.LimitExceeded as exc:
    print("LimitExceeded", exc.node)
"""


def test_a_long_json_string_costs_no_backtracking_memory() -> None:
    """The nesting scan once took 4.7 GB on a 40 MB string; now it is refused by max_text."""
    out = subprocess.run(
        [sys.executable, "-c", _JSON_CHILD],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["LimitExceeded", "1"]


# --- the fuzz harness, in a memory-capped child ---------------------------------------------


def test_hostile_fuzz_rows_hold_the_contract() -> None:
    """A fixed-seed sample of every mutation kind and non-regular input (fuzz/hostile.py)."""
    out = subprocess.run(
        [sys.executable, "-m", "fuzz.hostile", "--count", "15", "--seed", "14", "--hang", "120"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=900,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "| prolog/misc-before | xml | 15 |" in out.stdout
    assert "| input/fifo-endless | every reader | 15 |" in out.stdout
