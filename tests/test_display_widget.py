"""map_widget: a click in the picture selects the node in Python, and back.

The Python side is tested with anywidget's traitlets; the front end (``WIDGET_ESM``) in
headless Chromium, with a stand-in for the widget model (the few calls anywidget's ``render``
makes: ``get``, ``set``, ``save_changes``, ``on``, ``off``), so no Jupyter is needed: a click
on a box inside the widget's frame must reach ``model.set("selected", id)``, and a changed
``selected`` must select the box in the frame.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.display import map_widget
from argmap.display._widget import WIDGET_ESM, _widget_class
from tests.conftest import require, require_module


def small() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap("w", title="Widget test")
    rec = m.recommendation("Adopt the plan.", id="adopt")
    m.argue([m.claim("It is cheap.", id="cheap"), m.evidence("Oslo did it.", id="oslo")], rec)
    return m


def test_widget_selects_and_traces() -> None:
    require_module("anywidget", "pip install 'argmap[widget]'")
    m = small()
    w = map_widget(m)
    assert w.selected is None
    assert "am-data" in w._page and '"embedded": true' in w._page
    with pytest.raises(argmap.RenderError, match="nothing is selected"):
        w.trace()
    w.selected = "adopt"  # what a click does, through the front end
    t = w.trace()
    assert t.root == "adopt" and set(t.premises) == {"cheap", "oslo"}
    assert map_widget(m, selected="Adopt the plan.").selected == "adopt"  # text resolves


def test_widget_without_anywidget_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _widget_class.cache_clear()
    monkeypatch.setitem(sys.modules, "anywidget", None)
    try:
        with pytest.raises(argmap.MissingDependency, match=r"pip install 'argmap\[widget\]'"):
            map_widget(small())
    finally:
        _widget_class.cache_clear()


HARNESS = """<!DOCTYPE html>
<html><body><div id="el"></div>
<script type="module">
%(esm)s
const state = {_page: %(page)s, height: 400, selected: null};
const handlers = {};
const log = [];
const model = {
  get: (k) => state[k],
  set: (k, v) => { state[k] = v; log.push([k, v]); (handlers["change:" + k] || []).forEach((f) => f()); },
  save_changes: () => log.push(["save"]),
  on: (ev, f) => { (handlers[ev] = handlers[ev] || []).push(f); },
  off: (ev, f) => { handlers[ev] = (handlers[ev] || []).filter((g) => g !== f); },
};
render({model, el: document.getElementById("el")});
const frame = document.querySelector("iframe");
frame.addEventListener("load", () => {
  const doc = frame.contentDocument;
  const box = doc.querySelector('.ol-box[data-id="cheap"]') || doc.querySelector("#n-cheap path");
  box.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  setTimeout(() => {
    const afterClick = state.selected;
    model.set("selected", "oslo");  // Python assigns w.selected
    setTimeout(() => {
      const marked = Array.from(doc.querySelectorAll(".am-selected")).map(
        (e) => e.getAttribute("data-id") || e.id);
      const pre = document.createElement("pre");
      pre.id = "probe";
      pre.textContent = JSON.stringify({afterClick, log, marked,
        details: doc.getElementById("am-details").textContent});
      document.body.appendChild(pre);
    }, 200);
  }, 200);
});
</script></body></html>
"""


def test_widget_front_end_round_trip(tmp_path: Path) -> None:
    require_module("anywidget", "pip install 'argmap[widget]'")
    exe = require("chromium", "apt-get install chromium")
    w = map_widget(small())
    esm = WIDGET_ESM.replace("export default { render };", "")
    page = tmp_path / "harness.html"
    page.write_text(HARNESS % {"esm": esm, "page": json.dumps(w._page).replace("</", "<\\/")})
    done = subprocess.run(
        [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,800",
            "--virtual-time-budget=5000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=300, check=False,
    )  # the timeout only stops a hung browser; nothing here measures time
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-800:] + done.stderr[-800:]
    probe = json.loads(html.unescape(found.group(1)))
    assert probe["afterClick"] == "cheap"  # the click reached the model
    assert ["save"] in probe["log"]
    assert "oslo" in probe["marked"] or "n-oslo" in probe["marked"]  # and Python's choice came back
    assert "Oslo did it." in probe["details"]
