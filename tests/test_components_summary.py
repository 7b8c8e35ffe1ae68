"""The summary line counts a component only for tests that really used it.

A run of a few tiny tests in a subprocess, under this suite's conftest: a test whose name
mentions Virtuoso but never asks for it must not count; a test that asks for a program
(here a stand-in ``oxigraph`` on PATH) counts once it passes; a failing user counts nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

CONFTEST = f"""
import importlib.util, sys
sys.path.insert(0, {str(TESTS)!r})
spec = importlib.util.spec_from_file_location("suite_conftest", {str(TESTS / "conftest.py")!r})
suite = importlib.util.module_from_spec(spec)
sys.modules["suite_conftest"] = suite
spec.loader.exec_module(suite)
pytest_runtest_setup = suite.pytest_runtest_setup
pytest_terminal_summary = suite.pytest_terminal_summary
"""

TESTS_FILE = """
from suite_conftest import require

def test_virtuoso_named_but_never_used():
    assert True

def test_oxigraph_used_and_passing():
    require("oxigraph", "a stand-in")

def test_oxigraph_used_and_failing():
    require("oxigraph", "a stand-in")
    assert False

def test_program_missing_skips():
    require("argmap-no-such-program", "install it with: nothing")
"""


def test_summary_counts_only_tests_that_used_the_component(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_tiny.py").write_text(TESTS_FILE)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "oxigraph"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_REQUIRE_COMPONENTS"}
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = run.stdout
    assert "1 failed, 2 passed, 1 skipped" in out, out
    summary = next(line for line in out.splitlines() if "outside components exercised" in line)
    assert "Oxigraph server 1 passed" in summary
    assert "Virtuoso 0 passed" in summary
    assert "argmap-no-such-program is not installed; install it with: nothing" in out
