"""HTML: a self-contained page that opens offline, notebook fragments, report tables.

The page inlines the SVG, the viewer's CSS and script (:mod:`argmap.display._viewer_js`:
a reading view, pan, zoom, fit, find, click a node to see its full text and quotes) and the
JSON they read; it loads nothing from anywhere. A notebook fragment is the same page in an
``<iframe srcdoc>``, followed by a static picture for notebooks that run no scripts.

Examples
--------
>>> svg_fragment(b'<?xml version="1.0"?><!DOCTYPE svg><!-- c --><svg width="1pt"></svg>')
'<svg width="1pt"></svg>'
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Sequence
from typing import Any

from argmap.display._outline import FOLD_DEPTH, outline_roots, outline_shape
from argmap.display._view import View
from argmap.display._viewer_js import CSS, JS, LEGIBLE_PX
from argmap.map import ArgumentMap
from argmap.model import STATEMENT_KINDS, Source

__all__ = ["counts_line", "notebook_fragment", "page", "report_table", "svg_fragment"]

NOTEBOOK_HEIGHT = 560
"""The notebook frame's height before its script fits it to what it shows (pixels)."""
NOTEBOOK_MAX_HEIGHT = 760
"""The tallest the notebook frame grows (pixels); beyond it the view scrolls inside."""
BOX_FONT_PT = 11
"""The diagram's box text size (points), which the viewer keeps legible (argmap.display._dot)."""

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
            "badges": _badges(view, node_id),
            "cls": _classes(view, node_id),
        }
    return data


_LABEL_COLOURS = {"IN": "#15803d", "OUT": "#6b7280", "UNDEC": "#b45309"}


def _badges(view: View, node_id: str) -> list[tuple[str, str]]:
    """The short marks a reading-view box carries: label, strength, critical, findings."""
    m = view.map
    out: list[tuple[str, str]] = []
    accept = []
    if node_id in m.labels:
        accept.append(m.labels[node_id])
    if node_id in m.strengths:
        accept.append(f"strength {m.strengths[node_id]:.2f}")
    if accept:
        out.append((" · ".join(accept), _LABEL_COLOURS.get(m.labels.get(node_id, ""), "#334155")))
    if node_id in view.critical:
        out.append(("critical premise", "#d97706"))
    mark = view.marks.get(node_id)
    if mark:
        out.append((mark, {"added": "#16a34a", "removed": "#dc2626"}.get(mark, "#d97706")))
    for flag in view.flags.get(node_id, ()):
        if flag.severity in ("error", "warning"):
            colour = "#dc2626" if flag.severity == "error" else "#d97706"
            out.append((f"{flag.severity}: {flag.rule}", colour))
    hidden = view.hidden_support.get(node_id)
    if hidden:
        out.append((f"+{hidden} more argument{'s' if hidden != 1 else ''} not drawn", "#334155"))
    return out


def _classes(view: View, node_id: str) -> str:
    """CSS classes of a reading-view box (the diagram's emphasis, in HTML)."""
    classes = []
    if node_id in view.critical:
        classes.append("am-critical")
    if view.map.labels.get(node_id) == "OUT":
        classes.append("am-out")
    severities = {f.severity for f in view.flags.get(node_id, ())}
    for severity in ("error", "warning"):
        if severity in severities:
            classes.append(f"am-flag-{severity}")
            break
    return " ".join(classes)


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


def _viewer_data(view: View, *, embedded: bool, start: str | None) -> dict[str, Any]:
    """The page's JSON: each drawn node's details and tree fields, where the tree starts."""
    nodes = _node_data(view)
    for node_id, fields in outline_shape(view).items():
        nodes.setdefault(node_id, {}).update(fields)
    return {
        "nodes": nodes,
        "roots": outline_roots(view),
        "fold": FOLD_DEPTH,
        "fontPt": float(BOX_FONT_PT),
        "legible": LEGIBLE_PX,
        "embedded": embedded,
        "maxHeight": NOTEBOOK_MAX_HEIGHT,
        "start": start or "",
    }


def page(
    view: View,
    svg: bytes | None,
    *,
    extra_html: str = "",
    intro: str | None = None,
    embedded: bool = False,
    problem: str | None = None,
    start: str | None = None,
) -> str:
    """A whole HTML page for a view and its SVG: offline, one file, the viewer inlined.

    ``svg`` None (no Graphviz): the reading view only, and ``problem`` says why.
    ``embedded``: the page goes in a notebook's frame (smaller heading, panel folded,
    the frame grows to its content). ``start``: ``"outline"`` or ``"diagram"`` to open on
    one view whatever the window (default: the diagram when its text is legible fitted).

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
    if problem:
        note += f'<p class="am-problem">{html.escape(problem)}</p>'
    hint = intro or (
        "Click a box, dot or attack to see its full text and the quotes it was read from."
    )
    zoom = (
        '<span class="am-zoomtools am-tools"><button id="am-out" title="Zoom out (or Ctrl '
        'and the wheel)">−</button><span id="am-zoom">100%</span>'
        '<button id="am-in" title="Zoom in">+</button>'
        '<button id="am-fit" title="Fit to the visible area">fit</button>'
        '<button id="am-full" title="Actual size">1:1</button></span>'
    )
    modes = (
        '<button id="am-mode-outline" title="A tree of the full texts, top-down">reading '
        "view</button>"
        + (
            '<button id="am-mode-diagram" title="The whole diagram: drag to pan">diagram'
            "</button>"
            if svg is not None
            else ""
        )
    )
    views = '<div id="am-outline" hidden></div>'
    if svg is not None:
        views += f'<div id="am-diagram">\n{svg_fragment(svg)}\n</div>'
    data = _viewer_data(view, embedded=embedded, start=start)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body class="{"am-embedded" if embedded else "am-page"}">\n'
        f"<header>\n<h1>{title}</h1>\n<p>{html.escape(counts_line(m))}</p>\n{note}\n"
        f'<div class="am-bar"><div class="am-tools">{modes}<span class="am-sep"></span>'
        '<input id="am-find" type="search" placeholder="Find text…" aria-label="Find text">'
        f"{zoom if svg is not None else ''}"
        '<button id="am-panel" title="Show or hide the details panel">details</button></div>\n'
        f'<div class="am-legend">{legend}</div></div>\n</header>\n'
        f'<main>\n<section id="am-views">{views}</section>\n'
        f'<aside id="am-details"><p>{html.escape(hint)}</p>{extra_html}</aside>\n</main>\n'
        f'<script type="application/json" id="am-data">{_json_for_script(data)}'
        f"</script>\n<script>{JS}</script>\n</body>\n</html>\n"
    )


def notebook_fragment(
    view: View,
    svg: bytes | None,
    *,
    problem: str | None = None,
    extra_html: str = "",
) -> str:
    """The HTML a notebook shows for a view: the viewer in a frame, a static picture after it.

    The viewer page goes in an ``<iframe srcdoc>``: its script and styles stay inside, so
    outputs never clash, and it runs wherever the notebook shows HTML with frames
    (JupyterLab, Notebook, VS Code, nbconvert's HTML). Its script hides the static picture
    that follows the frame; where scripts or frames are stripped (an untrusted notebook),
    that picture stays: the caption, the SVG (hover for full texts), and how to get the
    viewer. Without an SVG (``dot`` missing) the viewer shows the reading view and
    ``problem`` says how to install Graphviz.

    >>> from argmap import ArgumentMap
    >>> from argmap.display._view import map_view
    >>> out = notebook_fragment(map_view(ArgumentMap("n")), None, problem="install dot")
    >>> "install dot" in out, out.count("<iframe")
    (True, 1)
    """
    viewer = page(view, svg, embedded=True, problem=problem, extra_html=extra_html)
    frame_id = "argmap-" + uuid.uuid4().hex[:12]
    parts = [
        f'<div class="argmap-view" id="{frame_id}">',
        f'<iframe srcdoc="{html.escape(viewer, quote=True)}" title="{html.escape(view.title)}"'
        f' style="width: 100%; height: {NOTEBOOK_HEIGHT}px; border: 1px solid #e2e8f0; '
        'display: block;" loading="eager"></iframe>',
        '<div class="argmap-static" style="font-family: Helvetica, Arial, sans-serif;">',
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
    if problem:
        parts.append(
            f'<div style="font-size: 12px; color: #b91c1c; margin-top: 4px;">'
            f"{html.escape(problem)}</div>"
        )
    parts.append(
        '<div style="font-size: 11px; color: #64748b;">A static picture: hover a box for its '
        "full text. For the viewer (reading view, zoom, find, quotes on click), let the "
        "notebook run its outputs' scripts (File ▸ Trust Notebook), or open argmap's HTML "
        "page (argmap.render(x, 'map.html')).</div>"
    )
    parts.append("</div></div>")
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
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body style="display: block; height: auto; padding: 16px;">\n'
        f"<h1>{html.escape(title)}</h1>\n{table}\n</body>\n</html>\n"
    )
