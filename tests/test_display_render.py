"""Files and notebook views: SVG/PNG through Graphviz, the offline HTML page, missing ``dot``."""

from __future__ import annotations

import html as html_module
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

import argmap
from argmap import ArgumentMap
from argmap.display import GraphvizNotFound, RenderError, render, render_bytes, repr_html, to_html
from argmap.errors import ArgmapError, FormatError
from tests.conftest import require


@pytest.fixture
def m() -> ArgumentMap:
    m = ArgumentMap("render", title="Render test")
    src = m.source("The brief", id="brief", url="https://example.org/brief")
    rec = m.recommendation("The U.S. should abstain from the vote.", id="abstain")
    flawed = m.claim("The draft is flawed.", id="flawed")
    m.argue([flawed, m.evidence("76 nations are party.", id="parties")], rec, id="a1")
    m.attack(m.claim("Adopt it as it stands.", id="adopt"), rec, id="att")
    m.anchor(flawed, "fundamentally flawed", source=src, start=0, end=20)
    return m


@pytest.fixture
def dot() -> str:
    return require("dot", "apt-get install graphviz (or brew install graphviz)")


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)


# ---------------------------------------------------------------------- with dot


def test_svg_has_the_nodes_and_attack(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    out = render(m, tmp_path / "map.svg")
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert 'class="node am&#45;node am&#45;recommendation' in svg
    assert 'class="edge am&#45;attack am&#45;rebut"' in svg
    assert "abstain from the vote." in svg
    assert "“fundamentally flawed” — The brief" in svg  # the quote, as a tooltip


def test_png(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    out = render(m, tmp_path / "map.png")
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_format_named_explicitly(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    out = render(m, tmp_path / "picture", format="svg")
    assert b"<svg" in out.read_bytes()


def test_trace_renders_as_a_picture(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    from argmap.query.trace import trace

    svg = render(trace(m, "abstain"), tmp_path / "trace.svg").read_text(encoding="utf-8")
    assert "am&#45;critical" in svg and "critical premise" in svg


class _Fetches(HTMLParser):
    """Collects every URL a browser would fetch from a page."""

    ATTRS = frozenset(
        {"src", "href", "xlink:href", "data", "poster", "action", "srcset", "background"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in self.ATTRS and value:
                self.urls.append(value)


def test_html_is_self_contained(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    text = render(m, tmp_path / "map.html").read_text(encoding="utf-8")
    parser = _Fetches()
    parser.feed(text)
    assert parser.urls == []  # nothing to load: no src, href, ...
    assert "link" not in parser.tags and "iframe" not in parser.tags
    assert not re.search(r"@import|url\(", text)
    # the only http(s) strings are XML namespace names, which nothing fetches
    others = [
        u
        for u in re.findall(r"https?://[^\s\"'<>)]+", text)
        if u not in ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")
    ]
    assert others == []
    assert text.count("<svg") == 1 and "<script>" in text


def test_html_script_data_cannot_break_out(tmp_path: Path, dot: str) -> None:
    m = ArgumentMap("xss")
    m.claim("</script><script>alert(1)</script> & <b>bold</b>", id="c")
    text = to_html(m)
    assert text.count("<script") == 2  # the data and the page's own script
    assert "<script>alert(1)" not in text


def _srcdoc(fragment: str) -> str:
    """The viewer page inside a notebook fragment's ``<iframe srcdoc>``."""
    found = re.search(r'<iframe srcdoc="([^"]*)"', fragment)
    assert found, fragment[:300]
    return html_module.unescape(found.group(1))


def test_notebook_repr_is_the_viewer_in_a_frame(m: ArgumentMap, dot: str) -> None:
    html = m._repr_html_()  # type: ignore[attr-defined]
    assert "Render test" in html
    # the script lives only inside the frame's document, never in the notebook's page
    outside = re.sub(r'<iframe srcdoc="[^"]*"', "<iframe", html)
    assert "<script" not in outside
    viewer = _srcdoc(html)
    assert viewer.startswith("<!DOCTYPE html>") and 'id="am-data"' in viewer
    assert viewer.count("<svg") == 1 and '"embedded": true' in viewer
    # after the frame, the static picture its script hides (shown where scripts do not run)
    static = outside.split('class="argmap-static"', 1)[1]
    assert "<svg" in static and "Trust Notebook" in static
    from argmap.query.trace import trace

    t_html = trace(m, "abstain")._repr_html_()  # type: ignore[attr-defined]
    assert '"roots": ["abstain"]' in _srcdoc(t_html)


def test_two_outputs_do_not_share_an_id(m: ArgumentMap, dot: str) -> None:
    ids = [re.search(r'class="argmap-view" id="([^"]+)"', repr_html(m) or "") for _ in range(2)]
    assert all(ids) and ids[0].group(1) != ids[1].group(1)  # type: ignore[union-attr]


def test_notebook_bundle_has_html_and_a_static_svg(m: ArgumentMap, dot: str) -> None:
    bundle = m._repr_mimebundle_()  # type: ignore[attr-defined]
    assert set(bundle) == {"text/html", "image/svg+xml"}
    assert bundle["image/svg+xml"].startswith("<svg")
    assert "<iframe" in bundle["text/html"]


def test_reading_view_data_has_the_tree(m: ArgumentMap, dot: str) -> None:
    data = re.search(
        r'<script type="application/json" id="am-data">(.*?)</script>', to_html(m), re.S
    )
    assert data
    tree = json.loads(data.group(1))
    assert tree["roots"] == ["abstain"]
    nodes = tree["nodes"]
    assert nodes["abstain"]["args"] == ["a1"] and nodes["abstain"]["attackedBy"] == ["att"]
    assert nodes["a1"]["premises"] == ["flawed", "parties"] and nodes["a1"]["linked"]
    assert nodes["att"]["attackers"] == ["adopt"] and nodes["att"]["type"] == "rebut"


def test_report_repr_and_page(m: ArgumentMap, tmp_path: Path, dot: str) -> None:
    finding = SimpleNamespace(
        rule="grounding",
        severity="error",
        message="No <evidence>.",
        nodes=("flawed",),
        quote="fundamentally flawed",
    )
    bare = SimpleNamespace(findings=[finding], ok=False)
    table = repr_html(bare)
    assert table is not None and "<table" in table and "No &lt;evidence&gt;." in table
    page = render(bare, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<table" in page and "Not valid" in page
    with pytest.raises(RenderError, match="does not hold its map"):
        render(bare, tmp_path / "report.svg")
    with_map = SimpleNamespace(findings=[finding], ok=False, map=m)
    page = to_html(with_map)
    assert "<svg" in page and "<table" in page and "am&#45;error" in page


def test_big_map_repr_is_a_summary(dot: str) -> None:
    m = ArgumentMap("big")
    for i in range(400):
        m.argue([m.claim(f"Reason {i}.", id=f"c{i}")], m.recommendation(f"Do {i}.", id=f"r{i}"))
    html = m._repr_html_()  # type: ignore[attr-defined]
    assert "Showing" in html and "800" in html
    assert html.count('class="node am&#45;node am&#45;recommendation') == 5


# ---------------------------------------------------------------------- without dot


def test_missing_dot_says_how_to_install(m: ArgumentMap, tmp_path: Path, no_dot: None) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old")
    for name in ("map.svg", "map.png", "map.html"):
        with pytest.raises(GraphvizNotFound) as info:
            render(m, tmp_path / name)
        message = str(info.value)
        assert "apt-get install graphviz" in message and "brew install graphviz" in message
        assert "dot" in message
    assert isinstance(info.value, ArgmapError) and isinstance(info.value, FileNotFoundError)
    assert target.read_text() == "old"  # untouched: nothing half-written
    assert not (tmp_path / "map.png").exists()


def test_dot_output_needs_no_graphviz(m: ArgumentMap, tmp_path: Path, no_dot: None) -> None:
    out = render(m, tmp_path / "map.dot")
    assert out.read_text().startswith('digraph "argmap" {')
    assert render_bytes(m, "dot").startswith(b"digraph")


def test_notebook_repr_without_dot_explains(m: ArgumentMap, no_dot: None) -> None:
    html = m._repr_html_()  # type: ignore[attr-defined]
    assert "<svg" not in html and "apt-get install graphviz" in html
    assert "Render test" in html
    viewer = _srcdoc(html)  # the reading view works without Graphviz
    assert 'id="am-outline"' in viewer and 'id="am-diagram"' not in viewer
    assert "apt-get install graphviz" in viewer
    assert set(m._repr_mimebundle_()) == {"text/html"}  # type: ignore[attr-defined]


def test_unknown_format(m: ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.svg, \.png, \.html or \.dot"):
        render(m, tmp_path / "map.jpeg")
    with pytest.raises(FormatError, match="unknown format 'gif'"):
        render(m, tmp_path / "map.svg", format="gif")


def test_top_level_exports() -> None:
    assert argmap.render is render
    assert issubclass(argmap.GraphvizNotFound, argmap.RenderError)
    assert hasattr(ArgumentMap, "_repr_html_")


def test_real_report_keeps_its_own_table_and_gets_a_diagram(m: ArgumentMap, dot: str) -> None:
    from argmap.validate import ValidationReport, validate

    report = validate(m)
    assert isinstance(report, ValidationReport)
    assert "argmap-validation" in report._repr_html_()  # its own notebook table, untouched
    page = to_html(report)
    assert "<svg" in page and "argmap-validation" in page
