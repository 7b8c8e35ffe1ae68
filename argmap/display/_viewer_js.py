"""The viewer's stylesheet and script, as strings the page inlines (nothing is fetched).

One viewer serves the HTML page and the notebook (where the page sits in an ``<iframe
srcdoc>``, so two outputs in one notebook never share ids, names or styles). It shows a view
two ways: the *reading view*, a top-down tree of wrapped boxes built from the page's JSON
(legible at any width; branches deeper than the fold start folded, with a count, and open on
click), and the *diagram*, Graphviz's SVG, which pans (drag), zooms (buttons, or Ctrl and
the wheel) and fits the visible area. It opens on the diagram when the diagram, fitted to
the window, keeps its text at least ``LEGIBLE_PX`` high, else on the reading view. Clicking
a box, dot or attack shows its full text and quotes in the side panel, which takes its own
column (it never covers the map) and folds away.

Without the script the page still shows the diagram, as a static picture. In a frame, a
selection is posted to the parent window (``{argmap: "select", id}``) and a ``{argmap:
"show", id}`` message from the parent selects a node: :func:`argmap.display.map_widget`
syncs both with ``w.selected``.
"""

from __future__ import annotations

__all__ = ["CSS", "JS", "LEGIBLE_PX"]

LEGIBLE_PX = 10
"""The smallest text height, in CSS pixels, the viewer opens a diagram at."""

CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #0f172a; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; display: flex; flex-direction: column; }
header { padding: 8px 14px; border-bottom: 1px solid #e2e8f0; background: #f8fafc; }
h1 { font-size: 17px; margin: 0 0 2px; }
header p { margin: 2px 0; font-size: 13px; color: #475569; }
body.am-embedded h1 { font-size: 15px; }
body.am-embedded header p { font-size: 12px; }
.am-bar { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin-top: 4px;
  font-size: 12px; color: #334155; }
.am-legend { display: flex; flex-wrap: wrap; gap: 3px 11px; align-items: center; }
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
.am-tools { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.am-tools input { font: inherit; padding: 2px 6px; width: 12em; }
.am-tools button { font: inherit; padding: 1px 8px; cursor: pointer; border: 1px solid #cbd5e1;
  background: #fff; border-radius: 4px; }
.am-tools button[aria-pressed="true"] { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
.am-tools .am-sep { width: 8px; }
main { flex: 1; display: flex; min-height: 0; }
#am-views { flex: 1; min-width: 0; position: relative; display: flex; }
#am-diagram, #am-outline { flex: 1; min-width: 0; overflow: auto; background: #fff; }
#am-diagram svg { display: block; margin: 0 auto; }
#am-diagram.am-grab { cursor: grab; }
#am-diagram.am-grabbing { cursor: grabbing; user-select: none; }
[hidden] { display: none !important; }
#am-details { width: 320px; flex: none; border-left: 1px solid #e2e8f0; padding: 10px 14px;
  overflow: auto; font-size: 13px; line-height: 1.4; background: #fcfcfd; }
body.am-panel-closed #am-details { display: none; }
#am-details h2 { font-size: 12px; text-transform: uppercase; color: #64748b; margin: 0 0 4px; }
#am-details blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #cbd5e1;
  color: #334155; }
#am-details .src { display: block; font-size: 11px; color: #64748b; }
#am-details ul { padding-left: 18px; margin: 6px 0; }
#am-details pre { white-space: pre-wrap; font-size: 12px; }
.am-problem { color: #b91c1c; font-size: 12px; }
g.node, g.edge { cursor: pointer; }
.am-dim { opacity: 0.25; }
.am-hit > g > a > path, .am-hit > g > a > polygon, .am-hit > g > a > ellipse,
.am-selected > g > a > path, .am-selected > g > a > polygon,
.am-selected > g > a > ellipse { stroke: #f59e0b; stroke-width: 4px; }
#am-outline { padding: 10px 14px 24px; font-size: 14px; line-height: 1.35; }
.ol-node { margin: 5px 0; }
#am-outline > .ol-node > .ol-box { max-width: 60em; }
.ol-box { display: block; padding: 5px 9px; border: 1.5px solid #64748b;
  border-radius: 5px; background: #f8fafc; cursor: pointer; }
.ol-box:hover { box-shadow: 0 0 0 2px #cbd5e1; }
.ol-box .ol-kind { font-size: 10.5px; letter-spacing: 0.04em; text-transform: uppercase;
  color: #64748b; margin-right: 6px; }
.ol-box .ol-badge { display: inline-block; margin: 0 0 0 6px; font-size: 12px;
  font-weight: bold; }
.ol-box.k-recommendation { background: #dbeafe; border: 2.5px solid #1d4ed8; font-weight: 600; }
.ol-box.k-evidence { background: #dcfce7; border-color: #15803d; border-radius: 0 10px 0 0; }
.ol-box.am-critical { border: 3px solid #d97706; }
.ol-box.am-flag-error { border: 3px solid #dc2626; }
.ol-box.am-flag-warning { border: 3px solid #d97706; }
.ol-box.am-out { border-style: dashed; color: #6b7280; }
.ol-box.ol-ref { background: #fff; border-style: dotted; color: #475569; font-size: 13px; }
.ol-box.am-selected, .ol-box.am-hit { box-shadow: 0 0 0 3px #f59e0b; }
.ol-box.am-dim { opacity: 0.35; }
.ol-kids { margin-left: 10px; padding-left: 12px; border-left: 2px solid #cbd5e1;
  display: flex; flex-wrap: wrap; gap: 0 18px; align-items: flex-start; }
.ol-kids > .ol-group { flex: 1 1 300px; min-width: 0; }
#am-outline > .ol-node > .ol-kids { display: block; column-width: 330px; column-gap: 22px;
  column-rule: 1px solid #f1f5f9; }
#am-outline > .ol-node > .ol-kids .ol-box, #am-outline .ol-why { break-inside: avoid; }
.ol-prem { display: flex; flex-wrap: wrap; gap: 0 14px; align-items: flex-start; }
.ol-prem > .ol-node { flex: 1 1 280px; min-width: 0; max-width: 48em; }
.ol-folded > .ol-kids { display: none; }
.ol-group { margin: 2px 0 4px; }
.ol-why { font-size: 12px; color: #334155; margin: 5px 0 1px; cursor: pointer; }
.ol-why b { color: #0f172a; }
.ol-group.ol-attack > .ol-why { color: #b91c1c; }
.ol-group.ol-attack > .ol-why b { color: #dc2626; }
.ol-group.ol-attack { border-left: 2px dashed #dc2626; padding-left: 8px; }
.ol-fold { font: inherit; font-size: 11.5px; font-weight: normal; margin: 0 0 0 8px;
  padding: 0 7px; cursor: pointer; border: 1px solid #cbd5e1; background: #fff;
  border-radius: 10px; color: #334155; white-space: nowrap; }
.ol-more { font-size: 12px; color: #64748b; margin: 10px 0 4px; }
table.am-report { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
table.am-report th, table.am-report td { border: 1px solid #e2e8f0; padding: 3px 8px;
  text-align: left; vertical-align: top; }
@media print { .am-tools, #am-details { display: none; } body { height: auto; } }
"""

JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("am-data").textContent);
  var nodes = data.nodes, embedded = !!data.embedded;
  var diagram = document.getElementById("am-diagram");
  var outline = document.getElementById("am-outline");
  var svg = diagram ? diagram.querySelector("svg") : null;
  var panel = document.getElementById("am-details");
  var zoomLabel = document.getElementById("am-zoom");
  var header = document.querySelector("header");
  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c];
    });
  }
  // ------------------------------------------------------------ the side panel
  function setPanel(open) {
    document.body.classList.toggle("am-panel-closed", !open);
    $("am-panel").setAttribute("aria-pressed", open ? "true" : "false");
  }
  $("am-panel").onclick = function () {
    setPanel(document.body.classList.contains("am-panel-closed"));
    if (mode === "diagram" && fitted) { fit(); }
  };
  setPanel(!embedded && window.innerWidth >= 1000);
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
    if (document.body.classList.contains("am-panel-closed")) { setPanel(true); }
  }
  var selectedId = null;
  function select(id) {
    var d = nodes[id];
    if (!d) { return; }
    document.querySelectorAll(".am-selected").forEach(function (e) {
      e.classList.remove("am-selected");
    });
    selectedId = id;
    var g = $("n-" + id);
    if (g) { g.classList.add("am-selected"); }
    var boxes = outline ? outline.querySelectorAll('.ol-box[data-id="' + CSS.escape(id) + '"]') : [];
    boxes.forEach(function (b) { b.classList.add("am-selected"); });
    show(d);
    resize();
    if (!quiet && window.parent !== window) {  // a widget's frame: tell it (w.selected)
      try { window.parent.postMessage({argmap: "select", id: id}, "*"); } catch (e) { /* */ }
    }
  }
  var quiet = false;
  window.addEventListener("message", function (ev) {  // the widget selects from Python
    var m = ev.data;
    if (ev.source !== window.parent || !m || m.argmap !== "show" || !nodes[m.id]) { return; }
    quiet = true;
    try {
      select(m.id);
      var b = outline && outline.querySelector('.ol-box[data-id="' + CSS.escape(m.id) + '"]');
      if (b && mode === "outline") { unfold(b); b.scrollIntoView({block: "nearest"}); }
    } finally { quiet = false; }
  });
  // ------------------------------------------------------------ the diagram
  var w0 = 0, h0 = 0, zoom = 1, fitted = true, unit = 1;
  function setZoom(z) {
    zoom = Math.max(0.05, Math.min(4, z));
    svg.setAttribute("width", Math.round(w0 * zoom));
    svg.setAttribute("height", Math.round(h0 * zoom));
    zoomLabel.textContent = Math.round(zoom * 100) + "%";
  }
  function fitZoom() {
    var w = diagram.clientWidth || (window.innerWidth - (panelOpen() ? 320 : 0));
    var h = embedded ? data.maxHeight - header.offsetHeight - 8
      : diagram.clientHeight || (window.innerHeight - header.offsetHeight);
    return Math.min(1.25, (w - 12) / w0, (h - 12) / h0);
  }
  function panelOpen() { return !document.body.classList.contains("am-panel-closed"); }
  function fit() { setZoom(fitZoom()); fitted = true; }
  function textPx(z) { return z * unit * data.fontPt; }
  if (svg) {
    w0 = svg.width.baseVal.value; h0 = svg.height.baseVal.value;
    var vb = svg.viewBox && svg.viewBox.baseVal;
    unit = vb && vb.width ? w0 / vb.width : 4 / 3;
    $("am-in").onclick = function () { setZoom(zoom * 1.25); fitted = false; };
    $("am-out").onclick = function () { setZoom(zoom / 1.25); fitted = false; };
    $("am-fit").onclick = fit;
    $("am-full").onclick = function () { setZoom(1); fitted = false; };
    diagram.addEventListener("wheel", function (ev) {
      if (!ev.ctrlKey && !ev.metaKey) { return; }
      ev.preventDefault();
      var r = diagram.getBoundingClientRect();
      var fx = (diagram.scrollLeft + ev.clientX - r.left) / zoom;
      var fy = (diagram.scrollTop + ev.clientY - r.top) / zoom;
      setZoom(zoom * (ev.deltaY < 0 ? 1.1 : 1 / 1.1)); fitted = false;
      diagram.scrollLeft = fx * zoom - (ev.clientX - r.left);
      diagram.scrollTop = fy * zoom - (ev.clientY - r.top);
    }, {passive: false});
    var drag = null, moved = false;
    diagram.classList.add("am-grab");
    diagram.addEventListener("mousedown", function (ev) {
      if (ev.button !== 0) { return; }
      drag = {x: ev.clientX, y: ev.clientY, l: diagram.scrollLeft, t: diagram.scrollTop};
      moved = false;
    });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) { return; }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 5) { return; }
      moved = true; diagram.classList.add("am-grabbing");
      diagram.scrollLeft = drag.l - dx; diagram.scrollTop = drag.t - dy;
    });
    window.addEventListener("mouseup", function () {
      drag = null; diagram.classList.remove("am-grabbing");
    });
    svg.addEventListener("click", function (ev) {
      if (moved) { moved = false; return; }
      var g = ev.target.closest("g.node, g.edge");
      if (!g || !g.id || g.id.indexOf("n-") !== 0) { return; }
      select(g.id.slice(2));
    });
  }
  // ------------------------------------------------------------ the reading view
  var first = {}, later = [], relabel = [];
  function kindWord(d) { return d.kind === "attack" ? d.type : d.kind; }
  function box(id, ref) {
    var d = nodes[id];
    var el = document.createElement("div");
    el.className = "ol-box k-" + d.kind + (d.cls ? " " + d.cls : "") + (ref ? " ol-ref" : "");
    el.setAttribute("data-id", id);
    el.tabIndex = 0;
    if (ref) {
      el.innerHTML = "<span class=ol-kind>" + esc(d.kind) + " · shown elsewhere</span>" +
        esc(d.text.length > 90 ? d.text.slice(0, 89) + "…" : d.text);
      el.title = "Show it where it first appears";
      return el;
    }
    var h = "<span class=ol-kind>" + esc(d.kind) + (d.label ? " · " + esc(d.label) : "") +
      "</span>" + esc(d.text);
    (d.badges || []).forEach(function (b) {
      h += " <span class=ol-badge style=\"color:" + esc(b[1]) + "\">" + esc(b[0]) + "</span>";
    });
    el.innerHTML = h;
    return el;
  }
  function statement(id, depth) {
    var d = nodes[id];
    var wrap = document.createElement("div");
    wrap.className = "ol-node";
    if (!d) { return wrap; }
    if (first[id]) { wrap.appendChild(box(id, true)); return wrap; }
    var b = box(id, false);
    first[id] = b;
    wrap.appendChild(b);
    var kids = document.createElement("div");
    kids.className = "ol-kids";
    (d.attackedBy || []).forEach(function (a) { kids.appendChild(attackGroup(a, depth)); });
    var args = d.args || [];
    args.forEach(function (a, i) { kids.appendChild(argGroup(a, depth, i, args.length)); });
    var n = 0, label = null;
    if (kids.childNodes.length) {
      wrap.appendChild(kids);
      var btn = document.createElement("button");
      btn.className = "ol-fold";
      btn.type = "button";
      var folded = depth >= data.fold;
      label = function () {
        btn.textContent = wrap.classList.contains("ol-folded")
          ? "▸ " + n + " more below" : "▾ fold";
      };
      wrap.classList.toggle("ol-folded", folded);
      btn.onclick = function (ev) {
        ev.stopPropagation(); wrap.classList.toggle("ol-folded"); label(); resize();
      };
      relabel.push(function () { n = kids.querySelectorAll(".ol-box").length; label(); });
      b.appendChild(btn);
    }
    return wrap;
  }
  function argGroup(id, depth, i, count) {
    var d = nodes[id];
    var g = document.createElement("div");
    g.className = "ol-group";
    var why = document.createElement("div");
    why.className = "ol-why";
    why.setAttribute("data-id", id);
    why.innerHTML = "<b>" + (i === 0 ? "because" : "or because") + "</b>" +
      (d.scheme ? " · " + esc(d.scheme.replace(/_/g, " ")) : "") +
      (d.linked ? " · these hold only together" : "");
    why.onclick = function () { select(id); };
    g.appendChild(why);
    (d.attackedBy || []).forEach(function (a) { g.appendChild(attackGroup(a, depth)); });
    var prem = document.createElement("div");
    prem.className = "ol-prem";
    (d.premises || []).forEach(function (p) { prem.appendChild(statement(p, depth + 1)); });
    g.appendChild(prem);
    return g;
  }
  function attackGroup(id, depth) {
    var d = nodes[id];
    var g = document.createElement("div");
    g.className = "ol-group ol-attack";
    if (!d) { return g; }
    var why = document.createElement("div");
    why.className = "ol-why am-attack-label";
    why.setAttribute("data-id", id);
    var by = (d.attackers || []).length > 1 ? "jointly by" : "by";
    why.innerHTML = "<b>⚔ " + esc(d.type || "attack") + "</b> · attacked " + by;
    why.onclick = function () { select(id); };
    g.appendChild(why);
    var prem = document.createElement("div");
    prem.className = "ol-prem";
    g.appendChild(prem);
    // filled once the support is drawn, so a statement appears first where it supports
    later.push(function () {
      (d.attackers || []).forEach(function (p) {
        prem.appendChild(statement(p, Math.max(depth + 1, data.fold)));
      });
      (d.attackedBy || []).forEach(function (a) { g.appendChild(attackGroup(a, depth)); });
    });
    return g;
  }
  function drain() { while (later.length) { later.shift()(); } }
  function buildOutline() {
    data.roots.forEach(function (id) { outline.appendChild(statement(id, 0)); });
    drain();
    var rest = Object.keys(nodes).filter(function (id) {
      var k = nodes[id].kind;
      return !first[id] && k !== "argument" && k !== "attack" && nodes[id].args;
    });
    if (rest.length) {
      var more = document.createElement("div");
      more.className = "ol-more";
      more.textContent = "Not reached from the above:";
      outline.appendChild(more);
      rest.forEach(function (id) {
        if (!first[id]) { outline.appendChild(statement(id, data.fold)); }
      });
      drain();
    }
    relabel.forEach(function (f) { f(); });
    outline.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.classList.contains("ol-box")) { ev.target.click(); }
    });
    outline.addEventListener("click", function (ev) {
      var b = ev.target.closest(".ol-box");
      if (!b) { return; }
      var id = b.getAttribute("data-id");
      if (b.classList.contains("ol-ref") && first[id]) {
        unfold(first[id]);
        first[id].scrollIntoView({block: "center"});
      }
      select(id);
    });
  }
  function unfold(el) {
    for (var p = el.parentElement; p && p !== outline; p = p.parentElement) {
      if (p.classList.contains("ol-folded")) {
        p.classList.remove("ol-folded");
        var btn = p.querySelector(":scope > .ol-box > .ol-fold");
        if (btn) { btn.textContent = "▾ fold"; }
      }
    }
  }
  // ------------------------------------------------------------ switching, finding, size
  var mode = "outline";
  function setMode(m) {
    mode = m;
    if (outline) { outline.hidden = m !== "outline"; }
    if (diagram) { diagram.hidden = m !== "diagram"; }
    $("am-mode-outline").setAttribute("aria-pressed", m === "outline" ? "true" : "false");
    var dm = $("am-mode-diagram");
    if (dm) { dm.setAttribute("aria-pressed", m === "diagram" ? "true" : "false"); }
    document.querySelectorAll(".am-zoomtools").forEach(function (e) {
      e.hidden = m !== "diagram";
    });
    if (m === "diagram" && fitted) { fit(); }
    resize();
  }
  $("am-mode-outline").onclick = function () { setMode("outline"); };
  if ($("am-mode-diagram")) { $("am-mode-diagram").onclick = function () { setMode("diagram"); }; }
  var find = $("am-find");
  find.addEventListener("input", function () {
    var q = find.value.trim().toLowerCase();
    function match(id) {
      var d = nodes[id];
      return !!d && (d.text + " " + d.id + " " + (d.label || "")).toLowerCase().indexOf(q) >= 0;
    }
    if (svg) {
      svg.querySelectorAll("g.node").forEach(function (g) {
        var hit = q && match(g.id.slice(2));
        g.classList.toggle("am-hit", !!hit);
        g.classList.toggle("am-dim", !!q && !hit);
      });
    }
    outline.querySelectorAll(".ol-box").forEach(function (b) {
      var hit = q && match(b.getAttribute("data-id"));
      b.classList.toggle("am-hit", !!hit);
      b.classList.toggle("am-dim", !!q && !hit);
      if (hit) { unfold(b); }
    });
    resize();
  });
  function resize() {
    if (!embedded) { return; }
    try {
      var frame = window.frameElement;
      if (!frame) { return; }
      var body = mode === "outline" ? outline.scrollHeight : Math.round(h0 * zoom) + 16;
      var want = Math.max(240, Math.min(data.maxHeight, header.offsetHeight + body + 4));
      frame.style.height = want + "px";
    } catch (e) { /* a cross-origin frame keeps its height */ }
  }
  buildOutline();
  var start = "outline", asked = (window.location.hash || "").slice(1);
  if (svg && (asked === "diagram" || asked === "outline")) {
    start = asked;
  } else if (svg) {
    var z = fitZoom();
    if (data.start === "diagram" || (data.start !== "outline" && textPx(z) >= data.legible)) {
      start = "diagram";
    }
  }
  setMode(start);
  try {  // in a notebook: the static picture below the frame is for when scripts do not run
    var fallback = window.frameElement && window.frameElement.nextElementSibling;
    if (fallback && fallback.classList.contains("argmap-static")) {
      fallback.style.display = "none";
    }
  } catch (e) { /* not ours to change */ }
  window.addEventListener("resize", function () { if (mode === "diagram" && fitted) { fit(); } });
  document.body.setAttribute("data-am-ready", start);
})();
"""
