"""``import argmap`` and ``argmap --help`` load none of the heavy libraries; each public name
still answers, and a map loaded by any route keeps its methods (m.trace(), m.to_rdflib()).

Each check runs in a fresh interpreter (this test process has long since imported everything)
and reads ``sys.modules`` there: behaviour, not timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "rdflib", "pyoxigraph", "networkx", "networkx.algorithms", "pydantic", "httpx", "yaml",
    "argmap.map", "argmap.io", "argmap.store", "argmap.display", "argmap.semantics",
    "argmap.validate", "argmap.query",
)  # fmt: skip


def _loaded_after(code: str) -> list[str]:
    """The HEAVY modules present in a fresh interpreter after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_import_argmap_loads_no_heavy_module() -> None:
    assert _loaded_after("import argmap") == []


def test_errors_need_nothing_heavy() -> None:
    assert _loaded_after("import argmap\nassert issubclass(argmap.ParseError, argmap.ArgmapError)") == []


def test_cli_help_loads_no_heavy_module() -> None:
    code = "import contextlib, io\nfrom argmap.cli import app\n"
    code += "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
    code += "    app(['--help'])"
    assert _loaded_after(code) == []


def test_a_name_loads_its_module_on_first_use() -> None:
    loaded = _loaded_after("import argmap\nargmap.Claim")
    assert "pydantic" in loaded
    assert "networkx" not in loaded and "argmap.store" not in loaded


def test_every_public_name_resolves_to_its_home() -> None:
    import argmap

    for name in argmap.__all__:
        value = getattr(argmap, name)
        if name in {"limits", "validate", "align", "diff"}:
            assert value is sys.modules[f"argmap.{name}"], name
        else:
            assert value is not None, name
    assert set(argmap.__all__) <= set(dir(argmap))


def test_unknown_name_is_an_attribute_error() -> None:
    import argmap

    try:
        argmap.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as err:
        assert "no_such_name" in str(err)
    else:  # pragma: no cover
        raise AssertionError("argmap.no_such_name did not raise")


def test_a_map_imported_directly_keeps_its_methods() -> None:
    code = (
        "from argmap.map import ArgumentMap\n"
        "m = ArgumentMap('x'); r = m.recommendation('R.', id='r')\n"
        "_ = m.argue([m.evidence('E.', id='e')], r)\n"
        "assert m.trace('r').premises == ('e',)\n"
        "assert m.what_if(['e']).recommendations == ('r',)\n"
        "assert type(m.to_rdflib()).__name__ == 'Graph'\n"
        "assert 'argmap-view' in m._repr_html_()\n"
    )
    assert "argmap.query" in _loaded_after(code)


def test_the_help_table_matches_each_command() -> None:
    """The one-liners ``argmap --help`` prints without importing a command are its own."""
    from argmap.cli import COMMANDS, command

    for name, (_module, _function, text) in COMMANDS.items():
        built = command(name)
        assert (built.help or "").split("\n\n")[0].replace("\n", " ") == text, name
    from typer.testing import CliRunner

    from argmap.cli import app

    listed = CliRunner().invoke(app, ["--help"]).output
    assert all(f"  {name} " in listed for name in COMMANDS)


def test_accept_on_an_iccma_file_loads_no_map_machinery(tmp_path: Path) -> None:
    """``argmap accept F.af`` needs the framework code only: no rdflib, networkx, maps.

    (pydantic may come in: typer loads it to run a command.)"""
    path = tmp_path / "tiny.af"
    path.write_text("p af 3\n1 2\n2 3\n", encoding="ascii")
    code = "import contextlib, io\nfrom argmap.cli import app\nout = io.StringIO()\n"
    code += "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(out):\n"
    code += f"    app(['accept', {str(path)!r}])\n"
    code += "assert 'IN     1' in out.getvalue(), out.getvalue()"
    loaded = _loaded_after(code)
    assert not {"rdflib", "networkx", "pyoxigraph", "argmap.map", "argmap.io"} & set(loaded), loaded
