"""Shared fixtures: where ../shared is, and how to ask for an outside component.

A test that needs an outside program calls :func:`require`. Locally a missing program
skips the test with a message that says how to install it; under ``.ci/run``
(``ARGMAP_REQUIRE_COMPONENTS=1``) it fails instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# one module under both names tests import it by, so they share the records below
for _alias in ("conftest", "tests.conftest"):
    sys.modules.setdefault(_alias, sys.modules[__name__])

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the fuzz package (fuzz/) lives beside argmap/
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
BRIEF = SHARED / "brief" / "000_1569a3c29e72f5c1.txt"

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("default")


# program -> the outside component it is, for the summary line of a test run
COMPONENTS = {
    "virtuoso-t": "Virtuoso",
    "isql-vt": "Virtuoso",
    "virtuoso": "Virtuoso",
    "oxigraph": "Oxigraph server",
    "chromium": "headless Chromium",
    "node": "@argdown/core (Node)",
    "dot": "Graphviz",
    "clingo": "clingo (Python package)",
}
# fixtures of wider scope whose value came from a component (a test using it used it)
COMPONENT_FIXTURES = {"shot": "headless Chromium", "readable": "headless Chromium"}
# component -> ids of the tests that really used it (filled while tests run)
EXERCISED: dict[str, set[str]] = {name: set() for name in COMPONENTS.values()}


def exercised(program: str) -> None:
    """Record that the running test uses ``program`` (a name of :data:`COMPONENTS`)."""
    current = os.environ.get("PYTEST_CURRENT_TEST")
    if current:
        nodeid = current.rsplit(" (", 1)[0]
        EXERCISED.setdefault(COMPONENTS.get(program, program), set()).add(nodeid)


def require(program: str, how: str) -> str:
    """Return the path of ``program``, or skip (fail under CI) saying how to install it."""
    path = shutil.which(program)
    if path:
        exercised(program)
        return path
    message = f"{program} is not installed; {how}"
    if os.environ.get("ARGMAP_REQUIRE_COMPONENTS"):
        pytest.fail(message + " (.ci/run must install it)")
    pytest.skip(message)


def require_module(module: str, how: str) -> None:
    """Skip (fail under CI) unless the Python package ``module`` imports; say how to install."""
    try:
        __import__(module)
    except ImportError:
        message = f"the Python package {module} is not installed; {how}"
        if os.environ.get("ARGMAP_REQUIRE_COMPONENTS"):
            pytest.fail(message + " (the test extra must install it)")
        pytest.skip(message)
    exercised(module)


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder beside the checkout (skips when it is absent)."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpora and brief are not here")
    return SHARED


@pytest.fixture
def brief_text() -> str:
    """The brief's text from ../shared (skips when it is absent)."""
    if not BRIEF.is_file():
        pytest.skip(f"{BRIEF} is absent")
    return BRIEF.read_text(encoding="utf-8")


# Real triple-store servers (Oxigraph, Virtuoso) for the store tests: see tests/servers.py.
from servers import (  # noqa: E402
    fresh_oxigraph,
    fresh_virtuoso,
    oxigraph_server,
    triple_store,
    virtuoso_server,
)

__all__ = [
    "fresh_oxigraph",
    "fresh_virtuoso",
    "oxigraph_server",
    "triple_store",
    "virtuoso_server",
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Tests whose wider-scoped fixture came from a component used that component."""
    outcome = yield
    if outcome.excinfo is None:
        for fixture in set(getattr(item, "fixturenames", ())) & COMPONENT_FIXTURES.keys():
            EXERCISED[COMPONENT_FIXTURES[fixture]].add(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests really used each outside component (CI logs show it).

    A test counts for a component only when it asked for the program (:func:`require`),
    talked to a test server of that kind (``tests/servers.py`` records each use), or used a
    fixture made by it, and passed. A machine without the program counts 0.
    """
    passed = {r.nodeid for r in terminalreporter.stats.get("passed", []) if r.when == "call"}
    terminalreporter.write_line(
        "outside components exercised: "
        + ", ".join(f"{name} {len(ids & passed)} passed" for name, ids in EXERCISED.items())
    )
