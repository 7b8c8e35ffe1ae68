"""`argmap push`, `argmap pull`, `argmap query` and `argmap graphs`: maps in triple stores.

``--store`` names an embedded store by a folder path, or a SPARQL 1.1 server by an
``http(s)://`` URL (Oxigraph and Virtuoso are recognised; other servers take
``--query-url``/``--update-url``/``--gsp-url``). Credentials: ``--user`` with
``ARGMAP_STORE_PASSWORD`` (asked for on a terminal when unset), or
``ARGMAP_STORE_TOKEN``; they are never printed. Exit code 3 on a store failure; 2 for
bad input, including a query the store refuses as bad SPARQL.

An embedded store is created only by ``push``; the other commands refuse a folder
that holds no store (a mistyped path), and ``pull``, ``query`` and ``graphs`` (without
``--gc``) open it read-only, so they take no lock and never block a ``push``.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli._common import (
    EXIT_INPUT,
    LenientOption,
    ReportOption,
    console,
    fail,
    load_any,
    print_json,
    print_table,
    progress,
    run,
)
from argmap.cli.core import OutputFormat

__all__ = ["graphs_command", "pull_command", "push_command", "query_command"]

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store", "-s", help="A folder (embedded store) or a server URL (http://host:port)."
    ),
]
QueryUrl = Annotated[
    str | None, typer.Option("--query-url", help="The SPARQL query endpoint, if not the usual.")
]
UpdateUrl = Annotated[
    str | None, typer.Option("--update-url", help="The SPARQL update endpoint, if not the usual.")
]
GspUrl = Annotated[
    str | None, typer.Option("--gsp-url", help="The Graph Store endpoint, if not the usual.")
]
User = Annotated[
    str | None,
    typer.Option(
        "--user",
        help="User for HTTP auth (default $ARGMAP_STORE_USER; password from "
        "$ARGMAP_STORE_PASSWORD).",
    ),
]
Dialect = Annotated[
    str,
    typer.Option("--dialect", help="auto (ask the server), oxigraph, virtuoso or generic."),
]
Timeout = Annotated[
    float,
    typer.Option("--timeout", help="Seconds to wait for the server at any one moment."),
]
Deadline = Annotated[
    float,
    typer.Option(
        "--deadline", help="Seconds one request may take in all, retries included (0: none)."
    ),
]
MaxReply = Annotated[
    int,
    typer.Option("--max-reply", help="MiB one answer of the server may hold (0: no cap)."),
]


def _open(
    location: str,
    query_url: str | None,
    update_url: str | None,
    gsp_url: str | None,
    user: str | None,
    dialect: str,
    timeout: float,
    deadline: float = 900.0,
    max_reply: int = 512,
    *,
    writes: bool = False,
    create: bool = False,
    allow_service: bool = False,
) -> Any:
    """The store ``location`` names, with the connection options of the command line.

    An embedded store is opened read-only unless the command ``writes``, and created
    only when ``create`` is asked for (push).
    """
    from argmap.store import connect, open_store
    from argmap.store.embedded import is_store

    if deadline < 0 or max_reply < 0:
        raise fail("--deadline and --max-reply take a positive number, or 0 for none")
    if not location.startswith(("http://", "https://")):
        if any((query_url, update_url, gsp_url, user)):
            raise fail("--query-url, --update-url, --gsp-url and --user need a server URL")
        if not create and not is_store(location):
            what = "no such folder" if not Path(location).exists() else "no store in it"
            raise fail(
                f"--store {location}: {what}; check the path (`argmap push` creates a "
                "store, or name a server with http://host:port)"
            )
        return run(
            lambda: open_store(location, read_only=not writes, allow_service=allow_service)
        )
    password = None
    if user is not None:
        password = os.environ.get("ARGMAP_STORE_PASSWORD")
        if password is None and sys.stdin.isatty():
            password = getpass.getpass(f"password for {user}: ")
    return run(
        lambda: connect(
            location,
            query_url=query_url,
            update_url=update_url,
            gsp_url=gsp_url,
            dialect=dialect,
            user=user,
            password=password,
            timeout=timeout,
            deadline=deadline or None,
            max_reply=max_reply * 2**20 if max_reply else None,
        )
    )


def push_command(
    file: Annotated[Path, typer.Argument(help="The map to push, in any format argmap reads.")],
    store: StoreOpt,
    graph: Annotated[
        str | None, typer.Option("--graph", "-g", help="Graph IRI (default: the map's IRI).")
    ] = None,
    input_format: Annotated[
        str | None, typer.Option("--from", help="Input format (default: guessed).")
    ] = None,
    lenient: LenientOption = False,
    report: ReportOption = None,
    batch: Annotated[
        int | None, typer.Option("--batch", help="Triples per upload (default: the server's).")
    ] = None,
    query_url: QueryUrl = None,
    update_url: UpdateUrl = None,
    gsp_url: GspUrl = None,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 120.0,
    deadline: Deadline = 900.0,
    max_reply: MaxReply = 512,
    no_traces: Annotated[
        bool,
        typer.Option(
            "--no-traces",
            help="Do not store each recommendation's trace beside the map (a faster push; "
            "`argmap trace` against the store then reads the map's triples instead).",
        ),
    ] = False,
) -> None:
    """Push a map into a triple store, replacing its graph atomically.

    Example: argmap push brief.ttl --store http://127.0.0.1:7878

    The map is uploaded into a fresh graph in batches (a progress bar on a terminal),
    then one update makes it current: if the push fails, the previous version stays.
    """
    from argmap.store import push

    m = load_any(file, input_format, lenient=lenient, report=report)
    with _open(
        store,
        query_url,
        update_url,
        gsp_url,
        user,
        dialect,
        timeout,
        deadline,
        max_reply,
        writes=True,
        create=True,
    ) as target:
        info = run(lambda: push(m, target, graph, batch_triples=batch, traces=not no_traces))
    stored = f", {info.traces} traces stored" if info.traces is not None else ""
    console.print(
        f"pushed {file} to <{info.graph}> at {target.location}: {info.triples} triples{stored}",
        highlight=False,
    )


def pull_command(
    store: StoreOpt,
    graph: Annotated[str, typer.Option("--graph", "-g", help="The graph IRI of the map.")],
    output: Annotated[Path, typer.Argument(help="Where to write the map; '-' for stdout.")],
    to: Annotated[
        str | None, typer.Option("--to", help="Output format (default: from OUT's extension).")
    ] = None,
    query_url: QueryUrl = None,
    update_url: UpdateUrl = None,
    gsp_url: GspUrl = None,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 120.0,
    deadline: Deadline = 900.0,
    max_reply: MaxReply = 512,
) -> None:
    """Pull a map out of a triple store into a file.

    Example: argmap pull --store ./maps --graph https://w3id.org/argmap/map/brief brief.ttl
    """
    import argmap
    from argmap.io import dumps_bytes, guess
    from argmap.store import pull

    source = _open(
        store, query_url, update_url, gsp_url, user, dialect, timeout, deadline, max_reply
    )
    with source, progress(f"pulling <{graph}>"):
        m = run(lambda: pull(source, graph))
    if str(output) == "-":
        if to is None:
            raise fail("writing to stdout needs --to FORMAT", EXIT_INPUT)
        typer.echo(run(lambda: dumps_bytes(m, to)).decode("utf-8"), nl=False)
        return
    fmt = run(lambda: argmap.io.get(to) if to else guess(output))
    run(lambda: argmap.dump(m, output, fmt.name))
    console.print(f"wrote {output} ({fmt.name}, {len(m)} nodes)", highlight=False)


def query_command(
    store: StoreOpt,
    trace: Annotated[
        str | None,
        typer.Option("--trace", "-t", help="Trace this statement: its id, IRI or text."),
    ] = None,
    sparql: Annotated[
        Path | None, typer.Option("--sparql", help="Run the SELECT query in this file.")
    ] = None,
    graph: Annotated[
        str | None,
        typer.Option(
            "--graph",
            "-g",
            help="The map's graph IRI (needed for --trace when the store "
            "holds several maps; scopes --sparql to that map).",
        ),
    ] = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Let SERVICE clauses of the --sparql query contact the servers they name "
            "(embedded store; refused by default).",
        ),
    ] = False,
    query_url: QueryUrl = None,
    update_url: UpdateUrl = None,
    gsp_url: GspUrl = None,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 120.0,
    deadline: Deadline = 900.0,
    max_reply: MaxReply = 512,
) -> None:
    """Answer a query in the store: a trace, or a SPARQL SELECT file.

    Example: argmap query --store http://127.0.0.1:7878 --trace abstain --format json

    --trace prints what `argmap trace` prints for the map in the store (the same JSON
    contract). --sparql FILE runs a SELECT over the whole store, or over one map with
    --graph; JSON output is a list of rows. On an embedded store a SERVICE clause
    (a request to another server) is refused unless --allow-service is given.
    """
    from argmap.store import graphs, run_query
    from argmap.store import trace as store_trace

    if (trace is None) == (sparql is None):
        raise fail("give --trace ID_OR_TEXT or --sparql FILE (one of them)")
    text = None
    if sparql is not None:
        try:
            text = sparql.read_text(encoding="utf-8")
        except OSError as exc:
            raise fail(f"{sparql}: cannot read: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise fail(f"{sparql}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    with _open(
        store,
        query_url,
        update_url,
        gsp_url,
        user,
        dialect,
        timeout,
        deadline,
        max_reply,
        allow_service=allow_service,
    ) as source:
        if trace is not None:
            if graph is None:
                maps = run(lambda: graphs(source))
                if len(maps) != 1:
                    names = ", ".join(f"<{g.graph}>" for g in maps) or "none"
                    raise fail(f"the store holds {len(maps)} maps ({names}); name one with --graph")
                graph = maps[0].graph
            target = graph
            with progress("tracing in the store"):
                t = run(lambda: store_trace(source, target, trace))
            if format is OutputFormat.json:
                print_json([t.to_dict(shared=True)])  # only serialised
            else:
                from argmap.query import explain

                typer.echo(explain(t))
            return
        assert text is not None
        query = text
        rows = run(lambda: run_query(source, query, graph, allow_service=allow_service))
    if format is OutputFormat.json:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(show_header=True)
    columns = list(rows[0]) if rows else []
    for name in columns:
        table.add_column(name)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    print_table(table)
    console.print(f"{len(rows)} rows", highlight=False)


def graphs_command(
    store: StoreOpt,
    gc: Annotated[
        bool,
        typer.Option(
            "--gc",
            help="Also remove what failed pushes left: replaced versions at once, "
            "uploads with no sign of life for 1 h.",
        ),
    ] = False,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text or json.")
    ] = OutputFormat.text,
    query_url: QueryUrl = None,
    update_url: UpdateUrl = None,
    gsp_url: GspUrl = None,
    user: User = None,
    dialect: Dialect = "auto",
    timeout: Timeout = 120.0,
    deadline: Deadline = 900.0,
    max_reply: MaxReply = 512,
) -> None:
    """List the maps in a triple store (graph IRI, data graph, triples, when pushed).

    Example: argmap graphs --store http://127.0.0.1:7878 --format json
    """
    from dataclasses import asdict

    from argmap.store import gc as collect
    from argmap.store import graphs

    with _open(
        store,
        query_url,
        update_url,
        gsp_url,
        user,
        dialect,
        timeout,
        deadline,
        max_reply,
        writes=gc,
    ) as source:
        removed = run(lambda: collect(source)) if gc else []
        maps = run(lambda: graphs(source))
    if format is OutputFormat.json:
        print_json({"maps": [asdict(g) for g in maps], "removed": removed})
        return
    from rich.table import Table

    table = Table(show_header=True)
    for name in ("graph", "triples", "pushed", "data graph"):
        table.add_column(name)
    for g in maps:
        table.add_row(g.graph, str(g.triples or ""), g.pushed or "", g.data_graph)
    print_table(table)
    for name in removed:
        console.print(f"removed {name}", highlight=False)
