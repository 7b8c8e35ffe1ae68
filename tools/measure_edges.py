"""How much of the brief's diagram's edges run over boxes, for each Graphviz ``splines`` mode.

    PYTHONPATH=$PWD python tools/measure_edges.py

Lays out examples/un_cybercrime_convention/brief.ttl with argmap's DOT, once per mode, reads
the SVG, samples every edge's path (cubic Béziers and straight segments, 20 points a piece)
and counts the samples that fall inside a box (node polygon or ellipse bounding box) other
than the edge's own two ends. Prints, per mode: the drawing's size, edge samples over other
boxes (count and share), and how many edges cross at least one box.

On 2026-12-02 (Graphviz as installed here), for the brief's whole map:

| splines | size | edge samples over other boxes | edges crossing a box |
|---|---|---|---|
| spline | 3236pt x 1345pt | 0 of 2740 (0.0%) | 0 |
| polyline | 3236pt x 1345pt | 0 of 2820 (0.0%) | 0 |
| ortho | 3236pt x 1345pt | 0 of 2780 (0.0%) | 0 |
| curved | 3236pt x 1345pt | 77 of 1760 (4.4%) | 15 |

``dot``'s default router (``spline``) already keeps every edge off other boxes; argmap names
it explicitly. ``ortho`` draws no edge labels where they belong and ``curved`` crosses boxes,
so neither is used. What makes the whole map hard to read at laptop width is its size (about
4,300 x 1,800 CSS pixels at 1:1, so a quarter of that fitted), which is why the viewer opens
such maps on the reading view.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import argmap  # noqa: E402
from argmap.display._dot import dot_source  # noqa: E402
from argmap.display._graphviz import run_dot  # noqa: E402
from argmap.display._view import map_view  # noqa: E402

NS = {"s": "http://www.w3.org/2000/svg"}
MODES = ("spline", "polyline", "ortho", "curved")


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _boxes(root: ElementTree.Element) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if "node" not in (g.get("class") or "").split():
            continue
        title = g.find("s:title", NS)
        xs: list[float] = []
        ys: list[float] = []
        for poly in g.iter("{http://www.w3.org/2000/svg}polygon"):
            nums = _numbers(poly.get("points", ""))
            xs += nums[0::2]
            ys += nums[1::2]
        for path in g.iter("{http://www.w3.org/2000/svg}path"):
            nums = _numbers(path.get("d", ""))
            xs += nums[0::2]
            ys += nums[1::2]
        for ell in g.iter("{http://www.w3.org/2000/svg}ellipse"):
            cx, cy = float(ell.get("cx", 0)), float(ell.get("cy", 0))
            rx, ry = float(ell.get("rx", 0)), float(ell.get("ry", 0))
            if rx < 8:  # junction dots and attack points are not boxes
                continue
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        if xs and title is not None and title.text:
            out[title.text] = (min(xs), min(ys), max(xs), max(ys))
    return out


def _samples(d: str) -> list[tuple[float, float]]:
    nums = _numbers(d)
    pts = list(zip(nums[0::2], nums[1::2], strict=False))
    if not pts:
        return []
    out = []
    if "C" in d and (len(pts) - 1) % 3 == 0:
        for i in range(0, len(pts) - 1, 3):
            p0, p1, p2, p3 = pts[i : i + 4]
            for k in range(20):
                t = k / 20
                a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
                out.append(
                    (
                        a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
                        a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1],
                    )
                )
    else:
        for p, q in itertools.pairwise(pts):
            for k in range(20):
                t = k / 20
                out.append((p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t))
    return out


def measure(splines: str) -> tuple[str, int, int, int, int]:
    m = argmap.load(ROOT / "examples" / "un_cybercrime_convention" / "brief.ttl")
    source = dot_source(map_view(m), heading=False)
    source = source.replace('rankdir="BT"', f'rankdir="BT", splines="{splines}"', 1)
    svg = run_dot(source, "svg")
    root = ElementTree.fromstring(svg)
    size = f"{root.get('width')} x {root.get('height')}"
    boxes = _boxes(root)
    total = over = crossing = 0
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if "edge" not in (g.get("class") or "").split():
            continue
        title = g.find("s:title", NS)
        ends = set(re.split(r"->", title.text or "")) if title is not None else set()
        hit = False
        for path in g.iter("{http://www.w3.org/2000/svg}path"):
            for x, y in _samples(path.get("d", "")):
                total += 1
                for name, (x0, y0, x1, y1) in boxes.items():
                    if name not in ends and x0 < x < x1 and y0 < y < y1:
                        over += 1
                        hit = True
                        break
        crossing += hit
    return size, total, over, crossing, sum(1 for _ in boxes)


def main() -> None:
    print("| splines | size | edge samples over other boxes | edges crossing a box |")
    print("|---|---|---|---|")
    for mode in MODES:
        size, total, over, crossing, _ = measure(mode)
        print(f"| {mode} | {size} | {over} of {total} ({over / max(total, 1):.1%}) | {crossing} |")


if __name__ == "__main__":
    main()
