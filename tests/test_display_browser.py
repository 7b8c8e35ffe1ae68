"""A real browser: the brief's map as an HTML page in headless Chromium.

The page argmap writes for ``examples/un_cybercrime_convention/brief.ttl`` is opened twice
in headless Chromium at one window size:

* with ``--dump-dom`` and a probe script appended to a copy of the page, which reports where
  the recommendation, a piece of evidence and an attack are drawn, whether they are inside
  the diagram's viewport, and whether they are the topmost thing at their own centre (so
  nothing covers them);
* with ``--screenshot``, whose PNG (read with zlib and struct) must not be blank and must show
  the recommendation's blue, the evidence's green and the attack's red where the probe
  found them.

Both open the page on its diagram (``map.html#diagram``), fitted to the window.
Pictures are compared only with pictures taken in the same run: a second screenshot of the
same page, taken after the first, must show the same amounts of each colour (the page draws
the same map the same way every time it opens). Nothing is compared with a committed image:
another Chromium build, or other fonts, draw the same page with other pixels. The README's
pictures, taken at laptop size, come from tests/test_display_readable.py
(``ARGMAP_UPDATE_SCREENSHOT=1``).
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.display import render
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "un_cybercrime_convention"
WINDOW = (2760, 1240)
RECOMMENDATION = "abstain"
FIND = "Budapest"  # a word to find on the page

# fill and line colours of argmap's diagrams (argmap.display._dot.STYLES / ATTACK_COLOUR)
REC_FILL = (0xDB, 0xEA, 0xFE)
EVIDENCE_FILL = (0xDC, 0xFC, 0xE7)
ATTACK_RED = (0xDC, 0x26, 0x26)
ACTOR_FILL = (0xF3, 0xE8, 0xFF)

PROBE = """
<script>
(function () {
  function probe(selector, part) {
    var g = document.querySelector(selector);
    if (!g) { return {found: false}; }
    var el = part ? (g.querySelector(part) || g) : g;
    var r = el.getBoundingClientRect(), s = getComputedStyle(g);
    var view = document.getElementById("am-diagram").getBoundingClientRect();
    var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    var top = document.elementFromPoint(cx, cy);
    return {
      found: true, x: r.left, y: r.top, w: r.width, h: r.height,
      inView: r.left >= view.left && r.right <= view.right &&
              r.top >= view.top && r.bottom <= view.bottom,
      onTop: !!top && g.contains(top),
      visibility: s.visibility, display: s.display, opacity: Number(s.opacity),
      cls: g.getAttribute("class"), text: el.textContent
    };
  }
  var svg = document.querySelector("#am-diagram svg").getBoundingClientRect();
  var out = {
    viewport: [window.innerWidth, window.innerHeight],
    svg: {w: svg.width, h: svg.height},
    recommendation: probe("#n-%(rec)s", "path, polygon"),
    evidence: probe("#n-%(ev)s", "path, polygon"),
    attack: probe("#n-%(att)s", "text"),
    attackLine: probe("#n-%(att)s", "path")
  };
  // then use the page: click the recommendation, and find a word
  var target = document.querySelector("#n-%(rec)s path, #n-%(rec)s polygon");
  target.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  out.details = document.getElementById("am-details").textContent;
  out.selected = document.querySelectorAll("#am-diagram .am-selected").length;
  var find = document.getElementById("am-find");
  find.value = "%(word)s";
  find.dispatchEvent(new Event("input"));
  out.hits = Array.prototype.map.call(document.querySelectorAll("g.am-hit"),
                                      function (g) { return g.id; });
  out.dimmed = document.querySelectorAll("g.am-dim").length;
  var pre = document.createElement("pre");
  pre.id = "am-probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


# ---------------------------------------------------------------------- a tiny PNG reader


@dataclass
class Image:
    width: int
    height: int
    rows: list[bytes]  # unfiltered scanlines, ``channels`` bytes a pixel
    channels: int

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        row, i = self.rows[y], x * self.channels
        return row[i], row[i + 1], row[i + 2]

    def count(
        self,
        colour: tuple[int, int, int],
        box: tuple[int, int, int, int] | None = None,
        tol: int = 6,
    ) -> int:
        """Pixels within ``tol`` of ``colour`` on every channel, in ``box`` (x0, y0, x1, y1)."""
        x0, y0, x1, y1 = box or (0, 0, self.width, self.height)
        x0, y0 = max(0, x0), max(0, y0)
        x1, y1 = min(self.width, x1), min(self.height, y1)
        if x1 <= x0 or y1 <= y0:
            return 0
        try:
            import numpy as np
        except ImportError:  # plain Python: slower, same answer
            return sum(
                all(abs(p - c) <= tol for p, c in zip(self.pixel(x, y), colour, strict=True))
                for y in range(y0, y1)
                for x in range(x0, x1)
            )
        data = np.frombuffer(b"".join(self.rows[y0:y1]), dtype=np.uint8)
        pixels = data.reshape(y1 - y0, self.width, self.channels)[:, x0:x1, :3].astype(np.int16)
        near = np.abs(pixels - np.array(colour, dtype=np.int16)) <= tol
        return int(np.count_nonzero(near.all(axis=-1)))

    def non_white(self, step: int = 3) -> float:
        """The share of (sampled) pixels that are not white or near it."""
        seen = dark = 0
        for y in range(0, self.height, step):
            for x in range(0, self.width, step):
                seen += 1
                if sum(self.pixel(x, y)) < 3 * 245:
                    dark += 1
        return dark / seen


def read_png(data: bytes) -> Image:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return Image(width, height, rows, channels)


# ---------------------------------------------------------------------- running Chromium


def chromium(
    exe: str, profile: Path, url: str, *args: str, window: tuple[int, int] = WINDOW
) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on ``url`` with a fresh profile, a window of ``window`` pixels and
    no background networking (this machine refuses it)."""
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={window[0]},{window[1]}",
        *args,
        url,
    ]
    # the timeout only stops a hung browser; nothing here measures time
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


def brief_map() -> argmap.ArgumentMap:
    """The brief's map: ``brief.ttl`` as committed, else as ``build_map.py`` builds it."""
    ttl = EXAMPLE / "brief.ttl"
    if ttl.is_file():
        return argmap.load(ttl)
    spec = importlib.util.spec_from_file_location("build_map", EXAMPLE / "build_map.py")
    assert spec is not None and spec.loader is not None, "examples/.../build_map.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: argmap.ArgumentMap = module.build()
    return built


@dataclass
class Shot:
    map: argmap.ArgumentMap
    evidence: str
    attack: str
    dom: str
    probe: dict[str, Any]
    png: bytes
    image: Image
    again: Image  # a second screenshot of the same page, taken in the same run


def _pick(m: argmap.ArgumentMap) -> tuple[str, str]:
    """A piece of evidence the recommendation rests on, and an attack on it (or any attack)."""
    from argmap.query.trace import trace

    t = trace(m, RECOMMENDATION)
    evidence = sorted(t.evidence)[0]
    on_rec = m.attacks_on(RECOMMENDATION)
    attack = (on_rec or sorted(m.attacks(), key=lambda a: a.id))[0].id
    return evidence, attack


@pytest.fixture(scope="module")
def shot(tmp_path_factory: pytest.TempPathFactory) -> Shot:
    exe = require("chromium", "apt-get install chromium")
    require("dot", "apt-get install graphviz")
    m = brief_map()
    evidence, attack = _pick(m)
    tmp = tmp_path_factory.mktemp("browser")
    page = render(m, tmp / "map.html")
    text = page.read_text(encoding="utf-8")
    probed = tmp / "probed.html"
    script = PROBE % {"rec": RECOMMENDATION, "ev": evidence, "att": attack, "word": FIND}
    probed.write_text(text.replace("</body>", script + "</body>"), encoding="utf-8")

    # "#diagram" opens the viewer on the diagram (the brief's map opens on the reading view
    # at this size: tests/test_display_readable.py checks that one)
    # Some Chromium builds give a --dump-dom page less height than --window-size asks for
    # (the screenshot gets all of it), and the diagram's fit depends on that height: the
    # probe says what it got, and a second run asks for that much more.
    window = WINDOW
    for attempt in range(2):
        dumped = chromium(
            exe,
            tmp / f"profile-dom-{attempt}",
            probed.as_uri() + "#diagram",
            "--dump-dom",
            window=window,
        )
        assert dumped.returncode == 0, dumped.stderr[-2000:]
        found = re.search(r'<pre id="am-probe">(.*?)</pre>', dumped.stdout, re.S)
        assert found, "the probe did not run: " + dumped.stdout[-500:]
        got = tuple(json.loads(html.unescape(found.group(1)))["viewport"])
        if got == WINDOW:
            break
        window = (window[0] + WINDOW[0] - got[0], window[1] + WINDOW[1] - got[1])
    assert got == WINDOW, f"the DOM run's page is {got}, the screenshot's {WINDOW}"

    png, again = (_screenshot(exe, tmp, page, n) for n in (1, 2))
    return Shot(
        m,
        evidence,
        attack,
        dumped.stdout,
        json.loads(html.unescape(found.group(1))),
        png,
        read_png(png),
        read_png(again),
    )


def _screenshot(exe: str, tmp: Path, page: Path, n: int) -> bytes:
    """A screenshot of ``page`` from a fresh browser profile."""
    png_path = tmp / f"map-{n}.png"
    taken = chromium(
        exe, tmp / f"profile-shot-{n}", page.as_uri() + "#diagram", f"--screenshot={png_path}"
    )
    assert taken.returncode == 0 and png_path.is_file(), taken.stderr[-2000:]
    return png_path.read_bytes()


# ---------------------------------------------------------------------- the DOM


def _svg_text(dom: str) -> str:
    start, end = dom.index("<svg"), dom.index("</svg>")
    inner = re.sub(r"<[^>]+>", " ", dom[start:end])
    return " ".join(html.unescape(inner).split())


def test_dom_holds_the_three_in_the_svg(shot: Shot) -> None:
    words = _svg_text(shot.dom)
    rec_text = " ".join(shot.map[RECOMMENDATION].text.split())
    ev_text = " ".join(shot.map[shot.evidence].text.split())
    # wrapped text comes back as lines; the first few words are on the first line
    assert " ".join(rec_text.split()[:4]) in words
    assert " ".join(ev_text.split()[:3]) in words
    attack_type = shot.map.attack_type(shot.attack)
    assert re.search(
        rf'<g id="n-{re.escape(shot.attack)}" class="edge am-attack am-{attack_type}"', shot.dom
    )


def test_svg_has_size(shot: Shot) -> None:
    assert shot.probe["svg"]["w"] > 500 and shot.probe["svg"]["h"] > 300


@pytest.mark.parametrize("part", ["recommendation", "evidence", "attack"])
def test_part_is_visible(shot: Shot, part: str) -> None:
    p = shot.probe[part]
    assert p["found"], part
    assert p["w"] > 2 and p["h"] > 2, p
    assert p["visibility"] == "visible" and p["display"] != "none" and p["opacity"] == 1, p
    assert p["inView"], f"{part} is outside the diagram's viewport: {p}"
    assert p["onTop"], f"something covers the {part}: {p}"


def test_attack_is_drawn_as_an_attack(shot: Shot) -> None:
    assert "am-attack" in shot.probe["attack"]["cls"].split()
    assert shot.probe["attack"]["text"].strip() == shot.map.attack_type(shot.attack)


def test_clicking_a_node_shows_its_text_and_quotes(shot: Shot) -> None:
    rec = shot.map[RECOMMENDATION]
    details = " ".join(shot.probe["details"].split())
    assert " ".join(rec.text.split()) in details
    for anchor in rec.anchors:
        assert " ".join(anchor.exact.split()) in details
    assert shot.probe["selected"] == 1


def test_find_highlights_matching_nodes(shot: Shot) -> None:
    expected = {
        f"n-{n.id}"
        for n in shot.map.nodes()
        if n.kind not in ("attack", "stance")
        and FIND.lower() in (n.text + " " + n.id).lower()
        and f'id="n-{n.id}"' in shot.dom
    }
    assert expected and set(shot.probe["hits"]) == expected
    assert shot.probe["dimmed"] > 0


# ---------------------------------------------------------------------- the screenshot


def _box(p: dict[str, Any], pad: int = 0) -> tuple[int, int, int, int]:
    return (
        int(p["x"]) - pad,
        int(p["y"]) - pad,
        int(p["x"] + p["w"]) + pad,
        int(p["y"] + p["h"]) + pad,
    )


def test_screenshot_is_not_blank(shot: Shot) -> None:
    assert (shot.image.width, shot.image.height) == WINDOW
    assert shot.image.non_white() > 0.03


def test_screenshot_shows_the_three_where_the_dom_puts_them(shot: Shot) -> None:
    img = shot.image
    rec, ev, att = (shot.probe[k] for k in ("recommendation", "evidence", "attack"))
    area = lambda p: p["w"] * p["h"]  # noqa: E731
    assert img.count(REC_FILL, _box(rec)) > 0.3 * area(rec)
    assert img.count(EVIDENCE_FILL, _box(ev)) > 0.3 * area(ev)
    # the attack's dashed line and its label are red
    line = shot.probe["attackLine"]
    assert img.count(ATTACK_RED, _box(line, pad=2), tol=40) > 20
    assert img.count(ATTACK_RED, _box(att, pad=2), tol=60) > 0


def _colour_profile(img: Image) -> dict[str, int]:
    return {
        "recommendation": img.count(REC_FILL),
        "evidence": img.count(EVIDENCE_FILL),
        "actor": img.count(ACTOR_FILL),
        "attack": img.count(ATTACK_RED, tol=30),
    }


def test_screenshots_of_one_page_agree(shot: Shot) -> None:
    """Two screenshots of the page, taken in this run, show the same colours in like amounts."""
    first, second = shot.image, shot.again
    assert (first.width, first.height) == (second.width, second.height)
    now, then = _colour_profile(first), _colour_profile(second)
    assert min(now["recommendation"], now["evidence"], now["attack"]) > 0, now
    for key in now:
        assert abs(now[key] - then[key]) <= 0.02 * max(now[key], then[key]) + 10, (
            f"{key}: {now[key]} pixels in the first screenshot, {then[key]} in the second"
        )
