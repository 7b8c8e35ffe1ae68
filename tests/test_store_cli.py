"""`argmap push | pull | query | graphs` against an embedded store and an Oxigraph server."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app

sys.path.insert(
    0, str(Path(__file__).resolve().parents[1] / "examples" / "un_cybercrime_convention")
)

runner = CliRunner()


@pytest.fixture(scope="module")
def brief_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import build_map

    path = tmp_path_factory.mktemp("cli") / "brief.ttl"
    argmap.dump(build_map.build(), path)
    return path


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(params=["embedded", "oxigraph"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "embedded":
        return str(tmp_path / "store")
    server = request.getfixturevalue("oxigraph_server")
    with server.connect() as store:
        from argmap.store import delete, graphs

        for info in graphs(store):
            delete(store, info.graph)
    return str(server.base_url)


def test_push_graphs_query_pull(location: str, brief_file: Path, tmp_path: Path) -> None:
    m = argmap.load(brief_file)
    out = _ok("push", str(brief_file), "--store", location)
    assert f"<{m.iri}>" in out
    listed = json.loads(_ok("graphs", "--store", location, "--format", "json"))
    assert [g["graph"] for g in listed["maps"]] == [m.iri]
    ours = json.loads(_ok("query", "--store", location, "--trace", "abstain", "--format", "json"))
    theirs = json.loads(
        _ok("trace", str(brief_file), "--recommendation", "abstain", "--format", "json")
    )
    assert ours == theirs
    text = _ok("query", "--store", location, "--trace", "abstain")
    assert "abstain" in text.lower()
    query = tmp_path / "q.rq"
    query.write_text(
        "SELECT ?r WHERE { ?r a <https://w3id.org/argmap/ns#Recommendation> } ORDER BY ?r"
    )
    rows = json.loads(
        _ok("query", "--store", location, "--sparql", str(query), "--graph", m.iri, "-f", "json")
    )
    assert rows == [
        {"r": m.iri_of(r.id)} for r in sorted(m.recommendations(), key=lambda r: m.iri_of(r.id))
    ]
    pulled = tmp_path / "pulled.jsonld"
    _ok("pull", "--store", location, "--graph", m.iri, str(pulled))
    assert argmap.load(pulled) == m


def test_query_needs_one_of_trace_or_sparql(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "--trace" in result.output


def test_unreachable_store_exits_3(brief_file: Path) -> None:
    from servers import free_port

    result = runner.invoke(
        app,
        [
            "push",
            str(brief_file),
            "--store",
            f"http://127.0.0.1:{free_port()}",
            "--dialect",
            "oxigraph",
            "--timeout",
            "2",
        ],
    )
    assert result.exit_code == 3
    assert "unavailable" in result.output


def test_server_options_need_a_url(brief_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["push", str(brief_file), "--store", str(tmp_path / "s"), "--user", "x"]
    )
    assert result.exit_code == 2


def test_password_is_never_printed(
    virtuoso_server: Any, brief_file: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("ARGMAP_STORE_PASSWORD", "wrong-" + virtuoso_server.password)
    result = runner.invoke(
        app,
        [
            "push",
            str(brief_file),
            "--store",
            virtuoso_server.base_url,
            "--user",
            "dba",
            "--graph",
            "urn:test:cli-denied",
        ],
    )
    assert result.exit_code == 3
    assert "refused the credentials" in result.output
    assert virtuoso_server.password not in result.output


@pytest.mark.parametrize("command", ["push", "pull", "query", "graphs"])
def test_help(command: str) -> None:
    out = _ok(command, "--help")
    assert "Example:" in out


def test_deadline_and_reply_cap_on_the_command_line(tmp_path: Path) -> None:
    """--deadline cuts off a trickling server, --max-reply a flooding one: exit 3."""
    from servers import FloodServer, TrickleServer

    query = tmp_path / "q.rq"
    query.write_text("SELECT ?s WHERE { ?s ?p ?o }")
    base = ["query", "--sparql", str(query), "--dialect", "generic", "--store"]
    with TrickleServer(interval=0.2) as slow:
        result = runner.invoke(app, [*base, slow.base_url, "--deadline", "1", "--timeout", "5"])
    assert result.exit_code == 3
    assert "deadline of 1 s" in " ".join(result.output.split())
    with FloodServer(size=8 * 2**20) as flood:
        result = runner.invoke(app, [*base, flood.base_url, "--max-reply", "1"])
    assert result.exit_code == 3
    assert "cap of 1,048,576 bytes" in " ".join(result.output.split())
    result = runner.invoke(app, [*base, "http://127.0.0.1:1", "--deadline", "-1"])
    assert result.exit_code == 2
