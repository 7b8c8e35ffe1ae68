"""Hostile outputs and command-line rough edges (issue 14, classes 3, 7, 9, 10, 11, 14).

* 3 — writes follow symlinks to their target, atomically, and never rename over a
  device, a FIFO or a socket;
* 7 — every OSError on output (and on input) is a clean error, exit 2, the old file intact
  and no temp file left;
* 9 — ``SERVICE`` is refused on the embedded store unless allowed;
* 10 — user text is never read as rich markup or emoji codes;
* 11 — reading commands do not take the embedded store's lock;
* 14 — exit codes, mistyped store paths, whole IRIs in piped tables, flag names in
  messages, help text with brackets, odd graph IRIs.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.errors import QuerySyntaxError, WriteError
from argmap.io.atomic import write_bytes
from argmap.store import open_store, push, run_query

from fuzz.outputs import KINDS, check_output
from fuzz.outputs import main as outputs_main
from strategies import maps

runner = CliRunner()
ROOT = os.geteuid() == 0


def _map(title: str = "A map", text: str = "A claim.") -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("hostile", title=title)
    r = m.recommendation("Do it.", id="r")
    m.argue([m.claim(text, id="c")], r, id="a")
    return m


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.ttl"
    argmap.dump(_map(), path)
    return path


def _invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"traceback: {result.exception!r}\n{result.output}"
    )
    return result


def _flat(text: str) -> str:
    return " ".join(text.split())


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ----------------------------------------------------------------- 3: symlinks, devices


def test_symlink_output_is_written_through(map_file: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.nt"
    real.write_text("old\n")
    link = tmp_path / "link.nt"
    link.symlink_to(real.name)
    result = _invoke("convert", str(map_file), str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == real.name
    assert argmap.load(real) == _map()
    assert _leftovers(tmp_path) == []


def test_dangling_symlink_creates_its_target(map_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.ttl"
    link.symlink_to(tmp_path / "sub" / "made.ttl")
    result = _invoke("convert", str(map_file), str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert argmap.load(tmp_path / "sub" / "made.ttl") == _map()


def test_chain_of_symlinks_and_the_target_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    real.chmod(0o640)
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("real.txt")
    write_bytes(tmp_path / "a", b"new")
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(WriteError, match="symbolic links"):
        write_bytes(tmp_path / "loop", b"x")
    assert (tmp_path / "loop").is_symlink()


def test_dev_null_stays_a_device(map_file: Path) -> None:
    """`argmap convert m.ttl /dev/null --to nt` writes into the device (root or not)."""
    before = os.stat("/dev/null")
    result = _invoke("convert", str(map_file), "/dev/null", "--to", "nt")
    assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_symlink_to_dev_null(map_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "sink.nt"
    link.symlink_to("/dev/null")
    result = _invoke("convert", str(map_file), str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("into", ["pipe", "file"])
def test_dev_stdout_is_written_into(into: str, map_file: Path, tmp_path: Path) -> None:
    """/dev/stdout is a link into /proc/PID/fd: write to the open file, whatever it is."""
    import sys

    code = "import sys; sys.argv[0] = 'argmap'; from argmap.cli import main; main()"
    command = [sys.executable, "-c", code, "convert", str(map_file), "/dev/stdout", "--to", "nt"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    if into == "pipe":
        done = subprocess.run(command, capture_output=True, timeout=300, env=env)
        written = done.stdout
    else:
        out = tmp_path / "redirected.nt"
        with open(out, "wb") as handle:
            done = subprocess.run(
                command, stdout=handle, stderr=subprocess.PIPE, timeout=300, env=env
            )
        written = out.read_bytes()
    assert done.returncode == 0, done.stderr
    assert argmap.loads(written.split(b"wrote ")[0], "nt") == _map()


def test_fifo_is_written_into(map_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = _invoke("convert", str(map_file), str(fifo))
    reader.join(60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert argmap.loads(got[0], "nt") == _map()


def test_socket_is_not_replaced(map_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.nt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(path))
        result = _invoke("convert", str(map_file), str(path))
        assert result.exit_code == 2
        assert "is a socket, not a regular file" in _flat(result.output)
        assert stat.S_ISSOCK(path.stat().st_mode)


# --------------------------------------------------------- 7: OSErrors on output, input


def test_output_is_a_folder(map_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out.ttl"
    folder.mkdir()
    for args in (
        ["convert", str(map_file), str(folder)],
        ["export", str(map_file), "--to", "nt", "-o", str(folder)],
        ["render", str(map_file), str(tmp_path / "out.dot"), "--format", "dot"],
    ):
        if args[0] == "render":
            (tmp_path / "out.dot").mkdir()
        result = _invoke(*args)
        assert result.exit_code == 2, result.output
        assert "cannot write: is a folder" in _flat(result.output)
        assert "Traceback" not in result.output


def test_a_parent_is_a_file(map_file: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = _invoke("convert", str(map_file), str(tmp_path / "file" / "out.ttl"))
    assert result.exit_code == 2
    assert "Not a directory" in _flat(result.output) or "File exists" in _flat(result.output)
    assert (tmp_path / "file").read_text() == "x"


@pytest.mark.skipif(ROOT, reason="root may write a read-only file, as in a shell")
def test_read_only_file_is_refused_and_kept(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ro.ttl"
    out.write_text("old")
    out.chmod(0o444)
    result = _invoke("convert", str(map_file), str(out))
    assert result.exit_code == 2
    assert "permission denied" in _flat(result.output).lower()
    assert out.read_text() == "old"


@pytest.mark.skipif(ROOT, reason="root passes permission checks")
def test_folder_without_write_permission(map_file: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = _invoke("convert", str(map_file), str(locked / "m.nt"))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert "Permission denied" in _flat(result.output)


def test_disk_full_keeps_the_old_file(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An injected ENOSPC at fsync: exit 2, a message, the old file, no temp file."""
    out = tmp_path / "out.nt"
    out.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("argmap.io.atomic.os.fsync", full)
    result = _invoke("convert", str(map_file), str(out))
    assert result.exit_code == 2
    assert f"{out}: cannot write: No space left on device" in _flat(result.output)
    assert out.read_text() == "old\n"
    assert _leftovers(tmp_path) == []
    with pytest.raises(WriteError) as caught:
        argmap.dump(_map(), out)
    assert caught.value.errno == errno.ENOSPC and isinstance(caught.value, OSError)
    assert caught.value.filename == str(out)


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    if not ROOT or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _big_map(n: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("big")
    for i in range(n):
        m.claim(f"Claim number {i} with some words to make it longer.", id=f"c{i}")
    return m


def test_real_full_disk_and_read_only_fs(tmp_path: Path) -> None:
    """A 64 KiB tmpfs: a map that does not fit fails cleanly; a read-only remount too."""
    with _tmpfs(tmp_path / "mnt", "64k") as mnt:
        out = mnt / "out.nt"
        out.write_text("old\n")
        big = tmp_path / "big.ttl"
        argmap.dump(_big_map(800), big)
        result = _invoke("convert", str(big), str(out))
        assert result.exit_code == 2, result.output
        assert "No space left on device" in _flat(result.output)
        assert out.read_text() == "old\n"
        assert _leftovers(mnt) == []
        remount = subprocess.run(
            ["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True
        )
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        small = tmp_path / "small.ttl"
        argmap.dump(_map(), small)
        result = _invoke("convert", str(small), str(out))
        assert result.exit_code == 2
        assert "Read-only file system" in _flat(result.output)
        assert out.read_text() == "old\n"


def test_input_oserrors_exit_2(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _invoke("info", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.output
    result = _invoke("query", "--store", str(tmp_path / "s"), "--sparql", str(tmp_path))
    assert result.exit_code == 2 and "cannot read" in result.output
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == map_file.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read(self)

    real_open = builtins.open

    def denied_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and Path(file).name == map_file.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(builtins, "open", denied_open)  # the capped reader opens the file
    for command in ("info", "trace", "validate"):
        result = _invoke(command, str(map_file))
        assert result.exit_code == 2, (command, result.output)
        assert f"{map_file}" in _flat(result.output) and "Permission denied" in result.output
    monkeypatch.undo()
    real_stat = Path.stat

    def no_stat(self: Path, **kwargs: Any) -> os.stat_result:
        if self.name == map_file.name:  # as in a folder the user may not search
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", no_stat)
    for command in ("info", "trace", "validate"):
        result = _invoke(command, str(map_file))
        assert result.exit_code == 2, (command, result.output)
        assert "Permission denied" in result.output


# ------------------------------------------------------------------ 9: SERVICE


def _service_query(url: str, extra: str = "") -> str:
    return f"SELECT ?s WHERE {{ {extra} SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"


def test_service_is_refused_by_default_and_allowed_when_asked() -> None:
    from servers import AnswerServer

    with AnswerServer() as remote, open_store(None) as store:
        with pytest.raises(QuerySyntaxError, match="--allow-service"):
            run_query(store, _service_query(remote.base_url))
        with pytest.raises(QuerySyntaxError, match="SERVICE at line 1"):
            store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{remote.base_url}/> {{}} }}")
        with pytest.raises(QuerySyntaxError):  # codepoint escapes are read first
            run_query(store, _service_query(remote.base_url).replace("SERVICE", "\\u0053ERVICE"))
        assert remote.requests == 0
        rows = run_query(store, _service_query(remote.base_url), allow_service=True)
        assert rows == [{"s": "from-service"}] and remote.requests == 1
    with AnswerServer() as remote, open_store(None, allow_service=True) as store:
        assert run_query(store, _service_query(remote.base_url)) == [{"s": "from-service"}]
        assert remote.requests == 1


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?s WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/> { }" }',
        "SELECT ?s WHERE { ?s ?p '''a\nSERVICE <http://127.0.0.1:1/> {}''' }",
        "SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/> { }",
        "SELECT ?service WHERE { ?service ?p <http://example.org/SERVICE> }",
        "PREFIX service: <http://example.org/> SELECT ?s WHERE { ?s a service:SERVICE }",
        'SELECT ?s WHERE { ?s ?p "x"@service }',
    ],
)
def test_service_in_strings_comments_and_names_is_not_refused(query: str) -> None:
    with open_store(None) as store:
        push(_map(), store)
        assert run_query(store, query) == []


def test_cli_service_refused_then_allowed(map_file: Path, tmp_path: Path) -> None:
    from servers import AnswerServer

    store = str(tmp_path / "store")
    assert _invoke("push", str(map_file), "--store", store).exit_code == 0
    with AnswerServer() as remote:
        query = tmp_path / "q.rq"
        query.write_text(_service_query(remote.base_url))
        result = _invoke("query", "--store", store, "--sparql", str(query))
        assert result.exit_code == 2
        assert "--allow-service" in _flat(result.output)
        assert remote.requests == 0
        result = _invoke(
            "query", "--store", store, "--sparql", str(query), "--allow-service", "-f", "json"
        )
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == [{"s": "from-service"}]
        assert remote.requests == 1


# ------------------------------------------------------------------ 10: no markup


def test_file_names_with_markup_print_literally(tmp_path: Path) -> None:
    weird = tmp_path / "[bold]m[i] :smile:.ttl"
    argmap.dump(_map(title="[red]Title[/] :smile:"), weird)
    result = _invoke("info", str(weird))
    assert result.exit_code == 0, result.output
    assert "[bold]m[i] :smile:.ttl: [red]Title[/] :smile:" in result.output
    out = tmp_path / "[bold]" / "[/]out :x:.nt"  # "[/]" in a path, as the review had it
    result = _invoke("convert", str(weird), str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in _flat(result.output)
    picture = tmp_path / "[i]" / "[/i]pic.dot"
    result = _invoke("render", str(weird), str(picture))
    assert result.exit_code == 0, result.output
    assert f"wrote {picture}" in _flat(result.output)
    missing = tmp_path / "[bold]" / "[/]missing.ttl"
    for command in ("info", "trace", "validate"):
        result = _invoke(command, str(missing))
        assert result.exit_code == 2
        assert "[bold]/[/]missing.ttl" in _flat(result.output), command
    result = _invoke("export", str(weird), "--to", "nt", "-o", str(tmp_path / "[x]e.nt"))
    assert result.exit_code == 0 and "[x]e.nt" in result.output
    result = _invoke("info", str(weird), "--format", "[bold]x[/] :smile:")
    assert result.exit_code == 2  # the usage error quotes the value as given
    assert "'[bold]x[/] :smile:'" in result.output


def test_node_text_with_markup_in_validate_and_trace(tmp_path: Path) -> None:
    m = _map(text="[bold]Loud[/] claim :smile: [/]")
    m.claim("[red]Orphan[/] :x:", id="orphan")
    path = tmp_path / "m.ttl"
    argmap.dump(m, path)
    result = _invoke("validate", str(path))
    assert "Traceback" not in result.output and result.exit_code in (0, 1)
    assert "[red]Orphan[/] :x:" in result.output
    result = _invoke("trace", str(path))
    assert result.exit_code == 0
    assert "[bold]Loud[/] claim :smile: [/]" in result.output


def test_graph_iris_with_emoji_codes_print_literally(map_file: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    result = _invoke("push", str(map_file), "--store", store, "--graph", "urn:x:smile:")
    assert result.exit_code == 0, result.output
    assert "<urn:x:smile:>" in result.output
    result = _invoke("graphs", "--store", store)
    assert "urn:x:smile:" in result.output and "\N{SMILING FACE WITH SMILING EYES}" not in (
        result.output
    )
    result = _invoke("push", str(map_file), "--store", store, "--graph", 'urn:x:"q')
    assert result.exit_code == 2
    assert "'urn:x:\"q'" in result.output


# ------------------------------------------------------------------ 11: shared reads


def test_push_succeeds_while_a_reader_is_open(map_file: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert _invoke("push", str(map_file), "--store", str(store)).exit_code == 0
    reader = open_store(store, read_only=True)
    try:
        result = _invoke("push", str(map_file), "--store", str(store), "--graph", "urn:x:two")
        assert result.exit_code == 0, result.output
    finally:
        reader.close()


def test_reading_commands_work_while_a_writer_holds_the_lock(
    map_file: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    assert _invoke("push", str(map_file), "--store", str(store)).exit_code == 0
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    with open_store(store):  # a writer (another push, a notebook) holds the lock
        assert _invoke("graphs", "--store", str(store)).exit_code == 0
        assert _invoke("query", "--store", str(store), "--sparql", str(query)).exit_code == 0
        assert _invoke("query", "--store", str(store), "--trace", "r").exit_code == 0
        out = tmp_path / "pulled.ttl"
        result = _invoke("pull", "--store", str(store), "--graph", _map().iri, str(out))
        assert result.exit_code == 0, result.output
        assert argmap.load(out) == _map()
        result = _invoke("push", str(map_file), "--store", str(store))
        assert result.exit_code == 3
        assert "open elsewhere" in _flat(result.output)
        assert "read_only" not in result.output


# ------------------------------------------------------------------ 14: rough edges


def test_sparql_syntax_error_exits_2(map_file: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert _invoke("push", str(map_file), "--store", store).exit_code == 0
    query = tmp_path / "bad.rq"
    query.write_text("SELEC ?s WHERE { ?s ?p ?o }")
    result = _invoke("query", "--store", store, "--sparql", str(query))
    assert result.exit_code == 2
    assert "refused the query" in _flat(result.output)


def test_server_refusing_a_query_exits_2(tmp_path: Path) -> None:
    from servers import AnswerServer

    query = tmp_path / "bad.rq"
    query.write_text("SELEC ?s WHERE { ?s ?p ?o }")
    with AnswerServer("400 Bad Request", b"Parser error at 1:1", "text/plain") as server:
        result = _invoke(
            "query", "--store", server.base_url, "--dialect", "generic", "--sparql", str(query)
        )
    assert result.exit_code == 2, result.output
    assert "Parser error at 1:1" in _flat(result.output)


@pytest.mark.parametrize("command", ["graphs", "pull", "query"])
def test_mistyped_store_path_is_an_error(command: str, tmp_path: Path) -> None:
    typo = tmp_path / "typo"
    args = {
        "graphs": ["graphs", "--store", str(typo)],
        "pull": ["pull", "--store", str(typo), "--graph", "urn:x:m", str(tmp_path / "o.ttl")],
        "query": ["query", "--store", str(typo), "--trace", "r"],
    }[command]
    result = _invoke(*args)
    assert result.exit_code == 2
    assert "no such folder" in _flat(result.output)
    assert not typo.exists()
    typo.mkdir()  # an empty folder is no store either
    result = _invoke(*args)
    assert result.exit_code == 2 and "no store in it" in _flat(result.output)
    assert list(typo.iterdir()) == []
    result = _invoke("graphs", "--store", str(typo), "--gc")
    assert result.exit_code == 2


def test_piped_tables_keep_whole_iris(map_file: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    graph = "https://example.org/" + "/".join(f"segment{i}" for i in range(20)) + "/map"
    assert _invoke("push", str(map_file), "--store", store, "--graph", graph).exit_code == 0
    result = _invoke("graphs", "--store", store)
    assert result.exit_code == 0
    assert graph in result.output and "…" not in result.output
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    result = _invoke("query", "--store", store, "--sparql", str(query))
    assert graph in result.output and "…" not in result.output


def test_messages_name_command_line_flags(tmp_path: Path) -> None:
    odd = tmp_path / "m.data"
    odd.write_bytes(b"nothing anyone can read\n")
    result = _invoke("info", str(odd))
    assert result.exit_code == 2
    assert "--from" in result.output and "format='turtle'" not in result.output


def test_validate_help_keeps_brackets() -> None:
    result = _invoke("validate", "--help")
    assert result.exit_code == 0
    assert "findings: [rows]" in _flat(result.output)


@pytest.mark.parametrize(
    "graph", ["urn:x:q[b]", "not an iri", "urn:x:\"q", "urn:x:q>", "relative/path", ""]
)
def test_odd_graph_iris_are_refused(graph: str, map_file: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = _invoke("push", str(map_file), "--store", str(store), "--graph", graph)
    assert result.exit_code == 2, result.output
    assert "IRI" in result.output
    with open_store(store) as s:
        assert s.maps() == []


# ------------------------------------------------------------------ fuzzing the outputs


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    m=maps(max_statements=4),
    fmt=st.sampled_from(["turtle", "nt", "jsonld", "xml", "trig"]),
)
def test_every_output_kind_is_written_through_or_refused(
    kind: str, m: argmap.ArgumentMap, fmt: str
) -> None:
    """fuzz/outputs.py: written through, or refused with the old content intact."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            assert check_output(kind, m, fmt, Path(tmp)) in {"written", "refused"}
        finally:
            for p in Path(tmp).rglob("*"):
                if not p.is_symlink():
                    with contextlib.suppress(OSError):
                        p.chmod(0o755)


def test_output_fuzz_driver_runs() -> None:
    assert outputs_main(["40", "7"]) == 0
