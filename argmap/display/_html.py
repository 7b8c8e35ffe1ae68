"""HTML: a self-contained page that opens offline, notebook fragments, report tables.

The page inlines the SVG, a little CSS and a little JavaScript (zoom, find, click a node to
see its full text and quotes); it loads nothing from anywhere. Notebook fragments carry no
script (notebooks drop it from untrusted output) and style themselves inline.

Examples
--------
>>> svg_fragment(b'<?xml version="1.0"?><!DOCTYPE svg><!-- c --><svg width="1pt"></svg>')
'<svg width="1pt"></svg>'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from argmap.display._view import View
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, Source

__all__ = ["counts_line", "notebook_fragment", "page", "report_table", "svg_fragment"]

_SVG_START = re.compile(rb"<svg[\s>]")


def svg_fragment(svg: bytes) -> str:
    """The ``<svg>`` element of a Graphviz SVG document (no XML prolog, doctype or comments)."""
    match = _SVG_START.search(svg)
    body = svg[match.start() :] if match else svg
    return body.decode("utf-8").strip()


def counts_line(m: ArgumentMap) -> str:
    """What the map holds, in one line.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("c"); _ = m.argue([m.claim("P.")], m.recommendation("R."))
    >>> counts_line(m)
    '1 recommendation · 1 claim · 1 argument'
    """
    counts = m.counts()
    words = [
        ("recommendation", "recommendation", "recommendations"),
        ("claim", "claim", "claims"),
        ("evidence", "evidence", "evidence"),
        ("argument", "argument", "arguments"),
        ("attack", "attack", "attacks"),
        ("actor", "actor", "actors"),
        ("alternative", "alternative", "alternatives"),
        ("issue", "issue", "issues"),
        ("source", "source", "sources"),
    ]
    parts = [
        f"{counts[k]:,} {one if counts[k] == 1 else many}" for k, one, many in words if counts[k]
    ]
    return " · ".join(parts) or "an empty map"


def _node_data(view: View) -> dict[str, dict[str, Any]]:
    """What the page's details panel shows for each drawn node and attack."""
    m = view.map
    data: dict[str, dict[str, Any]] = {}

    def source_name(source_id: str) -> str:
        src = m.get(source_id)
        if isinstance(src, Source):
            return f"{src.text}, {src.date}" if src.date else src.text
        return source_id

    ids = set(view.nodes) | {a.id for a in view.attacks()}
    for node_id in sorted(ids):
        node = m[node_id]
        notes: list[str] = []
        if node_id in m.labels:
            notes.append(f"acceptability: {m.labels[node_id]}" + (
                f" ({m.semantics})" if m.semantics else ""))
        if node_id in m.strengths:
            notes.append(f"strength: {m.strengths[node_id]:.3f}")
        if node_id in view.critical:
            notes.append("critical premise: without it the recommendation loses all support")
        notes += [f"{f.severity}: {f.message}" for f in view.flags.get(node_id, ())]
        if node.kind in STATEMENT_KINDS:
            notes += [
                f"{s.role.replace('_', ' ')}: {m[s.actor].text}" for s in m.stances_on(node_id)
            ]
            notes += [f"about: {m[s].text}" for s in m.about_of(node_id)]
        scheme = getattr(node, "scheme", None)
        if scheme:
            notes.append(f"scheme: {scheme}")
        if node.kind == "argument":
            notes.append("premises: " + ", ".join(getattr(node, "premises", ())))
            notes.append(f"conclusion: {getattr(node, 'conclusion', '')}")
        if node.kind == "attack":
            notes.append(
                f"{m.attack_type(node_id)}: {getattr(node, 'attacker', '')} attacks "
                f"{getattr(node, 'target', '')}"
            )
        data[node_id] = {
            "id": node_id,
            "kind": node.kind,
            "text": node.text,
            "label": node.label,
            "quotes": [[a.exact, source_name(a.source)] for a in node.anchors],
            "notes": notes,
        }
    return data


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #0f172a; }
* { box-sizing: border-box; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh; }
header { padding: 10px 16px; border-bottom: 1px solid #e2e8f0; background: #f8fafc; }
h1 { font-size: 18px; margin: 0 0 2px; }
header p { margin: 2px 0; font-size: 13px; color: #475569; }
.am-bar { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin-top: 6px;
  font-size: 12px; color: #334155; }
.am-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.am-legend span { display: inline-flex; align-items: center; gap: 4px; }
.sw { display: inline-block; width: 18px; height: 11px; border: 1.5px solid #64748b;
  background: #f8fafc; }
.sw.rec { background: #dbeafe; border: 2px solid #1d4ed8; border-radius: 3px; }
.sw.claim { border-radius: 3px; }
.sw.ev { background: #dcfce7; border-color: #15803d; }
.sw.actor { background: #f3e8ff; border-color: #7e22ce; border-radius: 50%; }
.sw.alt { background: #a16207; border: 0; clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%,
  25% 100%, 0 50%); }
.sw.arg { width: 9px; height: 9px; border-radius: 50%; background: #334155; border: 0; }
.sw.att { height: 0; border: 0; border-top: 2px dashed #dc2626; background: none; }
.sw.stance { height: 0; border: 0; border-top: 2px dotted #7e22ce; background: none; }
.sw.crit { border: 3px solid #d97706; }
.am-tools { display: flex; gap: 4px; align-items: center; }
.am-tools input { font: inherit; padding: 2px 6px; width: 14em; }
.am-tools button { font: inherit; padding: 1px 8px; cursor: pointer; }
main { flex: 1; display: flex; min-height: 0; }
#am-diagram { flex: 1; overflow: auto; background: #fff; }
#am-diagram svg { display: block; margin: 0 auto; }
#am-details { width: 330px; flex: none; border-left: 1px solid #e2e8f0; padding: 12px 14px;
  overflow: auto; font-size: 13px; line-height: 1.4; background: #fcfcfd; }
#am-details h2 { font-size: 12px; text-transform: uppercase; color: #64748b; margin: 0 0 4px; }
#am-details blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #cbd5e1;
  color: #334155; }
#am-details .src { display: block; font-size: 11px; color: #64748b; }
#am-details ul { padding-left: 18px; margin: 6px 0; }
#am-details pre { white-space: pre-wrap; font-size: 12px; }
g.node, g.edge { cursor: pointer; }
.am-dim { opacity: 0.2; }
.am-hit > g > a > path, .am-hit > g > a > polygon, .am-hit > g > a > ellipse,
.am-selected > g > a > path, .am-selected > g > a > polygon,
.am-selected > g > a > ellipse { stroke: #f59e0b; stroke-width: 4px; }
table.am-report { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
table.am-report th, table.am-report td { border: 1px solid #e2e8f0; padding: 3px 8px;
  text-align: left; vertical-align: top; }
@media print { .am-tools, #am-details { display: none; } body { height: auto; } }
"""

_JS = """
(function () {
  var data = JSON.parse(document.getElementById("am-data").textContent);
  var box = document.getElementById("am-diagram");
  var svg = box.querySelector("svg");
  var panel = document.getElementById("am-details");
  var zoomLabel = document.getElementById("am-zoom");
  if (!svg) { return; }
  var w0 = svg.width.baseVal.value, h0 = svg.height.baseVal.value, zoom = 1;
  function setZoom(z) {
    zoom = Math.max(0.05, Math.min(4, z));
    svg.setAttribute("width", Math.round(w0 * zoom));
    svg.setAttribute("height", Math.round(h0 * zoom));
    zoomLabel.textContent = Math.round(zoom * 100) + "%";
  }
  function fit(floor) {
    var z = Math.min(1, (box.clientWidth - 8) / w0, (box.clientHeight - 8) / h0);
    setZoom(Math.max(floor, z));
  }
  document.getElementById("am-in").onclick = function () { setZoom(zoom * 1.25); };
  document.getElementById("am-out").onclick = function () { setZoom(zoom / 1.25); };
  document.getElementById("am-fit").onclick = function () { fit(0); };
  document.getElementById("am-full").onclick = function () { setZoom(1); };
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\"": "&quot;"}[c];
    });
  }
  function show(d) {
    var h = "<h2>" + esc(d.kind) + " · " + esc(d.id) + "</h2>";
    if (d.label) { h += "<p><b>" + esc(d.label) + "</b></p>"; }
    if (d.text) { h += "<p>" + esc(d.text) + "</p>"; }
    d.quotes.forEach(function (q) {
      h += "<blockquote>“" + esc(q[0]) + "”<span class=src>— " + esc(q[1]) +
        "</span></blockquote>";
    });
    if (d.notes.length) {
      h += "<ul>" + d.notes.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") +
        "</ul>";
    }
    panel.innerHTML = h;
  }
  var selected = null;
  svg.addEventListener("click", function (ev) {
    var g = ev.target.closest("g.node, g.edge");
    if (!g || !g.id || g.id.indexOf("n-") !== 0) { return; }
    var d = data[g.id.slice(2)];
    if (!d) { return; }
    if (selected) { selected.classList.remove("am-selected"); }
    selected = g; g.classList.add("am-selected");
    show(d);
  });
  var find = document.getElementById("am-find");
  find.addEventListener("input", function () {
    var q = find.value.trim().toLowerCase();
    svg.querySelectorAll("g.node").forEach(function (g) {
      var d = data[g.id.slice(2)];
      var words = d ? (d.text + " " + d.id + " " + (d.label || "")).toLowerCase() : "";
      var hit = q && d && words.indexOf(q) >= 0;
      g.classList.toggle("am-hit", !!hit);
      g.classList.toggle("am-dim", !!q && !hit);
    });
  });
  fit(0.6);
})();
"""

_LEGEND = (
    '<span><i class="sw rec"></i>recommendation</span>'
    '<span><i class="sw claim"></i>claim</span>'
    '<span><i class="sw ev"></i>evidence</span>'
    '<span><i class="sw arg"></i>argument (premises meet here)</span>'
    '<span><i class="sw att"></i>attack</span>'
    '<span><i class="sw actor"></i>actor</span>'
    '<span><i class="sw alt"></i>alternative</span>'
    '<span><i class="sw stance"></i>stance</span>'
)


def page(view: View, svg: bytes, *, extra_html: str = "", intro: str | None = None) -> str:
    """A whole HTML page for a view and its SVG: offline, one file.

    >>> from argmap import ArgumentMap
    >>> from argmap.display._view import map_view
    >>> text = page(map_view(ArgumentMap("p", title="P")), b"<svg></svg>")
    >>> text.startswith("<!DOCTYPE html>"), "<svg></svg>" in text
    (True, True)
    """
    m = view.map
    title = html.escape(view.title)
    legend = _LEGEND + (
        '<span><i class="sw crit"></i>critical premise</span>' if view.critical else ""
    )
    note = f"<p>{html.escape(view.note)}</p>" if view.note else ""
    hint = intro or (
        "Click a box, dot or attack to see its full text and the quotes it was read from. "
        "Hover for a tooltip."
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{title}</h1>\n<p>{html.escape(counts_line(m))}</p>\n{note}\n"
        f'<div class="am-bar"><div class="am-legend">{legend}</div>\n'
        '<div class="am-tools"><input id="am-find" type="search" placeholder="Find text…" '
        'aria-label="Find text">'
        '<button id="am-out" title="Zoom out">−</button><span id="am-zoom">100%</span>'
        '<button id="am-in" title="Zoom in">+</button>'
        '<button id="am-fit" title="Fit to window">fit</button>'
        '<button id="am-full" title="Actual size">1:1</button></div></div>\n</header>\n'
        f'<main>\n<div id="am-diagram">\n{svg_fragment(svg)}\n</div>\n'
        f'<aside id="am-details"><p>{html.escape(hint)}</p>{extra_html}</aside>\n</main>\n'
        f'<script type="application/json" id="am-data">{_json_for_script(_node_data(view))}'
        f"</script>\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


def notebook_fragment(view: View, svg: bytes | None, *, problem: str | None = None) -> str:
    """The HTML a notebook shows for a view: a caption and the SVG (no script).

    Without an SVG (``dot`` missing), the caption and ``problem`` only.

    >>> from argmap import ArgumentMap
    >>> from argmap.display._view import map_view
    >>> "install" in notebook_fragment(map_view(ArgumentMap("n")), None, problem="install dot")
    True
    """
    parts = [
        '<div class="argmap-view" style="font-family: Helvetica, Arial, sans-serif;">',
        f'<div style="font-size: 14px; font-weight: bold;">{html.escape(view.title)}</div>',
        f'<div style="font-size: 12px; color: #475569;">{html.escape(counts_line(view.map))}'
        "</div>",
    ]
    if view.note:
        parts.append(
            f'<div style="font-size: 12px; color: #475569;">{html.escape(view.note)}</div>'
        )
    if svg is not None:
        parts.append(
            '<div style="overflow: auto; max-height: 760px; border: 1px solid #e2e8f0; '
            f'margin-top: 4px;">{svg_fragment(svg)}</div>'
        )
        parts.append(
            '<div style="font-size: 11px; color: #64748b;">Hover a box for its full text and '
            "quotes.</div>"
        )
    if problem:
        parts.append(
            f'<div style="font-size: 12px; color: #b91c1c; margin-top: 4px;">'
            f"{html.escape(problem)}</div>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def report_table(rows: Sequence[dict[str, Any]], *, ok: bool | None = None) -> str:
    """A validation report's findings as an HTML table (with a one-line verdict).

    >>> print(report_table([], ok=True))
    <div class="argmap-report"><p><b>Valid</b>: no findings.</p></div>
    """
    errors = sum(1 for r in rows if r["severity"] == "error")
    others = len(rows) - errors
    if ok is None:
        ok = errors == 0
    if not rows:
        verdict = f"<b>{'Valid' if ok else 'Not valid'}</b>: no findings."
    else:
        verdict = (
            f"<b>{'Valid' if ok else 'Not valid'}</b>: {errors} error{'s' if errors != 1 else ''}"
            f", {others} other finding{'s' if others != 1 else ''}."
        )
    out = [f'<div class="argmap-report"><p>{verdict}</p>']
    if rows:
        colours = {"error": "#b91c1c", "warning": "#b45309"}
        out.append(
            '<table class="am-report" style="border-collapse: collapse;">'
            "<thead><tr><th>severity</th><th>rule</th><th>nodes</th><th>message</th>"
            "<th>quote</th></tr></thead><tbody>"
        )
        for r in rows:
            colour = colours.get(r["severity"], "#334155")
            out.append(
                f'<tr><td style="color: {colour};">{html.escape(r["severity"])}</td>'
                f"<td>{html.escape(r['rule'])}</td>"
                f"<td>{html.escape(', '.join(r['nodes']))}</td>"
                f"<td>{html.escape(r['message'])}</td>"
                f"<td>{html.escape(str(r['quote'] or ''))}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</div>")
    return "".join(out)


def report_page(title: str, table: str) -> str:
    """A whole HTML page holding only a report table (a report without its map)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f'<body style="display: block; height: auto; padding: 16px;">\n'
        f"<h1>{html.escape(title)}</h1>\n{table}\n</body>\n</html>\n"
    )
