"""The brief's walkthrough notebook runs top to bottom, and its committed outputs are fresh."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import require

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


def _texts(nb: object) -> list[str]:
    """Each code cell's text outputs (plain text and streams), addresses masked."""
    out = []
    for cell in nb.cells:  # type: ignore[attr-defined]
        if cell.cell_type != "code":
            continue
        parts = []
        for o in cell.outputs:
            if o.output_type == "stream":
                parts.append(o.text)
            elif o.output_type == "error":
                parts.append(f"ERROR {o.ename}: {o.evalue}")
            elif "data" in o:
                parts.append(str(o.data.get("text/plain", "")))
                parts.append("html" if "text/html" in o.data else "")
        out.append(re.sub(r"0x[0-9a-f]+", "0x", "\n".join(parts)))
    return out


@pytest.mark.slow
def test_walkthrough_runs_and_its_outputs_are_fresh() -> None:
    pytest.importorskip("nbclient", reason="pip install nbclient ipykernel")
    import nbformat
    from make_walkthrough import NOTEBOOK, build, execute

    committed = nbformat.read(NOTEBOOK, as_version=4)
    fresh = execute(build())
    assert [c.source for c in fresh.cells] == [c.source for c in committed.cells], (
        "the notebook's cells changed: run python tools/make_walkthrough.py"
    )
    assert not any("ERROR" in t for t in _texts(fresh))
    assert _texts(fresh) == _texts(committed), "stale outputs: run python tools/make_walkthrough.py"
    # the map and the trace draw themselves as pictures
    html = [
        o.data["text/html"]
        for c in fresh.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "data" in o and "text/html" in o.data
    ]
    if shutil.which("dot") or os.environ.get("ARGMAP_REQUIRE_COMPONENTS"):
        require("dot", "apt-get install graphviz")
        assert sum("<svg" in h for h in html) >= 2
    else:  # without Graphviz each picture says how to get it, and the rest still runs
        assert sum("apt-get install graphviz" in h for h in html) >= 2
