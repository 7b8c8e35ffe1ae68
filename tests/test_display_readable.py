"""Pictures people can read: the brief's page and its walkthrough notebook at laptop size.

Issue 21's done-when, in headless Chromium at 1400 x 900 CSS pixels:

* the HTML page ``argmap.render(m, "map.html")`` writes for
  ``examples/un_cybercrime_convention/brief.ttl``, and
* the walkthrough notebook (``walkthrough.ipynb`` with its committed outputs) exported to
  HTML by nbconvert, where the map and the trace are viewers in ``<iframe srcdoc>``;

in each, a probe script reads the DOM once everything has loaded and reports, for the
recommendation, the piece of evidence drawn nearest the top of the view (the reading view
flows in columns, so that is the first a reader's eye meets) and the attack on the
recommendation: whether each is visible, inside the view (the viewer's area and the window),
the topmost thing at its own centre (nothing covers it; in the notebook, the frame too), and
how high its text is drawn at the zoom the viewer opened at (computed font size times the
element's scale on screen). Nothing is compared with a committed picture.

With ``ARGMAP_UPDATE_SCREENSHOT=1`` the test also writes the README's screenshots, taken at
this laptop size, to ``docs/`` (look at them before committing them).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.display import render
from tests.conftest import require, require_module
from tests.test_display_browser import brief_map, chromium, read_png

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "un_cybercrime_convention" / "walkthrough.ipynb"
DOCS = ROOT / "docs"
WINDOW = (1400, 900)
RECOMMENDATION = "abstain"
MIN_TEXT_PX = 10

PROBE = """
<script>
window.addEventListener("load", function () {
  var REC = %(rec)s, ATTACK = %(attack)s;
  function textOf(el) {
    if (el.tagName.toLowerCase() !== "g") { return el; }
    var best = null, size = 0;  // a diagram node: its largest text
    el.querySelectorAll("text").forEach(function (t) {
      var s = parseFloat(getComputedStyle(t).fontSize);
      if (s > size) { size = s; best = t; }
    });
    return best || el;
  }
  function probe(doc, frame, el) {
    if (!el) { return {found: false}; }
    var win = doc.defaultView;
    var r = el.getBoundingClientRect();
    var off = frame ? frame.getBoundingClientRect() : {left: 0, top: 0};
    var area = doc.getElementById("am-views").getBoundingClientRect();
    var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    var top = doc.elementFromPoint(cx, cy);
    var outer = frame ? document.elementFromPoint(off.left + cx, off.top + cy) : null;
    var t = textOf(el);
    var size = parseFloat(win.getComputedStyle(t).fontSize);
    var scale = t.getScreenCTM ? t.getScreenCTM().a
      : t.getBoundingClientRect().width / (t.offsetWidth || 1);
    var x = off.left + r.left, y = off.top + r.top;
    return {
      found: true, x: x, y: y, w: r.width, h: r.height,
      inView: r.left >= area.left && r.right <= area.right && r.top >= area.top &&
        r.bottom <= area.bottom && x >= 0 && y >= 0 && x + r.width <= window.innerWidth &&
        y + r.height <= window.innerHeight,
      onTop: !!top && el.contains(top) && (!frame || outer === frame),
      visible: el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
      textPx: size * scale, text: t.textContent, mode: doc.body.getAttribute("data-am-ready")
    };
  }
  function three(doc, frame) {
    var reading = doc.body.getAttribute("data-am-ready") === "outline";
    var q = function (s) { return doc.querySelector(s); };
    var rec = reading ? q('.ol-box[data-id="' + REC + '"]:not(.ol-ref)') : q("#n-" + REC);
    var ev = null;
    if (reading) {
      // the evidence box nearest the top of the view: the first a reader's eye meets
      Array.prototype.forEach.call(doc.querySelectorAll(".ol-box.k-evidence:not(.ol-ref)"),
        function (b) {
          if (b.offsetParent === null) { return; }
          var y = b.getBoundingClientRect().top;
          if (!ev || y < ev.getBoundingClientRect().top) { ev = b; }
        });
    } else {
      ev = q("g.am-evidence");
    }
    var att = reading ? q('.ol-why[data-id="' + ATTACK + '"]') : q("#n-" + ATTACK);
    if (!reading && att) { att = att.querySelector("text") || att; }
    return {recommendation: probe(doc, frame, rec), evidence: probe(doc, frame, ev),
            attack: probe(doc, frame, att), evidenceId: ev && (ev.getAttribute("data-id") ||
            ev.id.slice(2))};
  }
  var out = {};
  var frames = document.querySelectorAll(".argmap-view iframe");
  if (frames.length) {
    out.frames = frames.length;
    out.statics = Array.prototype.map.call(document.querySelectorAll(".argmap-static"),
      function (e) { return getComputedStyle(e).display; });
    ["map", "trace"].forEach(function (name, i) {
      var frame = frames[i];
      frame.scrollIntoView({block: "start"});
      out[name] = three(frame.contentDocument, frame);
      out[name].frameHeight = frame.getBoundingClientRect().height;
    });
  } else {
    out.page = three(document, null);
    // use it: click the recommendation, unfold a branch, find a word
    var box = document.querySelector('.ol-box[data-id="' + REC + '"]');
    box.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    out.details = document.getElementById("am-details").textContent;
    out.panelShown = getComputedStyle(document.getElementById("am-details")).display;
    var shown = function () {
      return Array.prototype.filter.call(document.querySelectorAll(".ol-box"),
        function (b) { return b.offsetParent !== null; }).length;
    };
    var before = shown();
    var fold = Array.prototype.find.call(document.querySelectorAll(".ol-fold"),
      function (b) { return b.offsetParent !== null && b.textContent.indexOf("▸") === 0; });
    out.foldLabel = fold ? fold.textContent : "";
    if (fold) { fold.click(); }
    out.unfolded = shown() - before;
    var find = document.getElementById("am-find");
    find.value = "Budapest";
    find.dispatchEvent(new Event("input"));
    out.hits = Array.prototype.map.call(document.querySelectorAll(".ol-box.am-hit"),
      function (b) { return b.getAttribute("data-id"); });
    out.hitsShown = Array.prototype.filter.call(document.querySelectorAll(".ol-box.am-hit"),
      function (b) { return b.offsetParent !== null; }).length;
  }
  var pre = document.createElement("pre");
  pre.id = "am-probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def _chromium(exe: str, profile: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return chromium(exe, profile, url, *args, window=WINDOW)


@dataclass
class Readable:
    map: argmap.ArgumentMap
    attack: str
    page: dict[str, Any]
    notebook: dict[str, Any]
    shots: dict[str, bytes]


def _probe(exe: str, tmp: Path, name: str, text: str, attack: str) -> dict[str, Any]:
    script = PROBE % {"rec": json.dumps(RECOMMENDATION), "attack": json.dumps(attack)}
    probed = tmp / f"{name}-probed.html"
    probed.write_text(text.replace("</body>", script + "</body>", 1), encoding="utf-8")
    dumped = _chromium(exe, tmp / f"profile-{name}", probed.as_uri(), "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    found = re.search(r'<pre id="am-probe">(.*?)</pre>', dumped.stdout, re.S)
    assert found, f"the probe did not run on the {name}: " + dumped.stdout[-500:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def _shot(exe: str, tmp: Path, name: str, url: str) -> bytes:
    target = tmp / f"{name}.png"
    taken = _chromium(exe, tmp / f"profile-shot-{name}", url, f"--screenshot={target}")
    assert taken.returncode == 0 and target.is_file(), taken.stderr[-2000:]
    return target.read_bytes()


def exported_notebook() -> str:
    """The walkthrough notebook, with its committed outputs, as nbconvert's HTML."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(NOTEBOOK, as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    return str(body)


@pytest.fixture(scope="module")
def readable(tmp_path_factory: pytest.TempPathFactory) -> Readable:
    exe = require("chromium", "apt-get install chromium")
    require("dot", "apt-get install graphviz")
    require_module("nbconvert", "pip install nbconvert (in argmap's test extra)")
    m = brief_map()
    attack = m.attacks_on(RECOMMENDATION)[0].id
    tmp = tmp_path_factory.mktemp("readable")
    page = render(m, tmp / "map.html")
    notebook = tmp / "walkthrough.html"
    notebook.write_text(exported_notebook(), encoding="utf-8")
    page_probe = _probe(exe, tmp, "page", page.read_text(encoding="utf-8"), attack)
    nb_probe = _probe(exe, tmp, "notebook", notebook.read_text(encoding="utf-8"), attack)
    shots = {
        "map-reading.png": _shot(exe, tmp, "reading", page.as_uri()),
        "map-diagram.png": _shot(exe, tmp, "diagram", page.as_uri() + "#diagram"),
        "notebook.png": _shot(exe, tmp, "notebook", notebook.as_uri()),
    }
    if os.environ.get("ARGMAP_UPDATE_SCREENSHOT"):
        DOCS.mkdir(exist_ok=True)
        for name, png in shots.items():
            (DOCS / name).write_bytes(png)
    return Readable(m, attack, page_probe, nb_probe, shots)


def _check(part: dict[str, Any], what: str) -> None:
    assert part["found"], f"{what} is not drawn"
    assert part["visible"], f"{what} is hidden: {part}"
    assert part["w"] > 2 and part["h"] > 2, part
    assert part["inView"], f"{what} is outside the view: {part}"
    assert part["onTop"], f"something covers {what}: {part}"
    assert part["textPx"] >= MIN_TEXT_PX, f"{what}'s text is {part['textPx']:.1f} px high: {part}"


@pytest.mark.parametrize("part", ["recommendation", "evidence", "attack"])
def test_page_shows_it_legibly_at_laptop_size(readable: Readable, part: str) -> None:
    _check(readable.page["page"][part], f"the page's {part}")


@pytest.mark.parametrize("output", ["map", "trace"])
@pytest.mark.parametrize("part", ["recommendation", "evidence", "attack"])
def test_notebook_shows_it_legibly(readable: Readable, output: str, part: str) -> None:
    _check(readable.notebook[output][part], f"the notebook {output}'s {part}")


def test_the_parts_are_the_right_nodes(readable: Readable) -> None:
    m = readable.map
    for probe in (readable.page["page"], readable.notebook["map"], readable.notebook["trace"]):
        rec_text = " ".join(m[RECOMMENDATION].text.split())
        assert rec_text in " ".join(probe["recommendation"]["text"].split())
        assert m[probe["evidenceId"]].kind == "evidence"
        assert m.attack_type(readable.attack) in probe["attack"]["text"]


def test_notebook_outputs_are_frames_and_their_static_pictures_hide(readable: Readable) -> None:
    nb = readable.notebook
    assert nb["frames"] >= 2
    assert nb["statics"] and set(nb["statics"]) == {"none"}  # scripts ran: viewer only
    assert nb["map"]["frameHeight"] > 300


def test_page_click_shows_the_full_text_and_quotes(readable: Readable) -> None:
    rec = readable.map[RECOMMENDATION]
    details = " ".join(readable.page["details"].split())
    assert " ".join(rec.text.split()) in details
    for anchor in rec.anchors:
        assert " ".join(anchor.exact.split()) in details
    assert readable.page["panelShown"] != "none"


def test_page_folded_branch_opens_on_click(readable: Readable) -> None:
    label = readable.page["foldLabel"]
    count = int(re.search(r"(\d+) more below", label).group(1))  # type: ignore[union-attr]
    assert 0 < readable.page["unfolded"] <= count


def test_page_find_opens_folded_branches(readable: Readable) -> None:
    m = readable.map
    wanted = {n.id for n in m.statements() if "budapest" in n.text.lower()}
    assert wanted and wanted <= set(readable.page["hits"])
    assert readable.page["hitsShown"] == len(readable.page["hits"])


def test_screenshots_are_not_blank(readable: Readable) -> None:
    for name, png in readable.shots.items():
        image = read_png(png)
        assert (image.width, image.height) == WINDOW, name
        assert image.non_white() > 0.03, name


def test_exported_notebook_loads_nothing_for_the_viewers(readable: Readable) -> None:
    """The viewers are inline: nbconvert's own page may name CDNs, argmap's frames do not."""
    text = exported_notebook()
    frames = re.findall(r'<iframe[^>]*?\ssrcdoc="([^"]*)"', text)
    assert frames
    for frame in frames:
        page = html.unescape(frame)
        assert not re.search(r"""(?:src|href)=["']?https?://""", page)


def test_a_small_map_opens_on_its_diagram(tmp_path: Path) -> None:
    """The viewer opens on the diagram when, fitted, its text stays legible."""
    exe = require("chromium", "apt-get install chromium")
    require("dot", "apt-get install graphviz")
    m = argmap.ArgumentMap("small", title="Small")
    rec = m.recommendation("Adopt the plan.", id="adopt")
    m.argue([m.claim("It is cheap.", id="cheap"), m.evidence("Oslo did it.", id="oslo")], rec)
    page = render(m, tmp_path / "small.html")
    dumped = _chromium(exe, tmp_path / "profile", page.as_uri(), "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert 'data-am-ready="diagram"' in dumped.stdout
    asked = _chromium(exe, tmp_path / "profile-2", page.as_uri() + "#outline", "--dump-dom")
    assert 'data-am-ready="outline"' in asked.stdout
