"""Shared fixtures: where ../shared is, and how to ask for an outside component.

A test that needs an outside program calls :func:`require`. Locally a missing program
skips the test with a message that says how to install it; under ``.ci/run``
(``ARGMAP_REQUIRE_COMPONENTS=1``) it fails instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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


def require(program: str, how: str) -> str:
    """Return the path of ``program``, or skip (fail under CI) saying how to install it."""
    path = shutil.which(program)
    if path:
        return path
    message = f"{program} is not installed; {how}"
    if os.environ.get("ARGMAP_REQUIRE_COMPONENTS"):
        pytest.fail(message + " (.ci/run must install it)")
    pytest.skip(message)


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran against each real outside component (CI logs show it)."""
    passed = terminalreporter.stats.get("passed", [])
    components = {
        "Virtuoso": "virtuoso",
        "Oxigraph server": "oxigraph",
        "headless Chromium": "test_display_browser",
        "@argdown/core": "test_io_argdown",
    }
    counts = {
        name: sum(1 for r in passed if key in r.nodeid.lower()) for name, key in components.items()
    }
    terminalreporter.write_line(
        "outside components exercised: "
        + ", ".join(f"{name} {n} passed" for name, n in counts.items())
    )
