"""A notebook widget: the viewer, and the node a click selects, in Python as ``w.selected``.

:func:`map_widget` wraps the viewer page (:func:`argmap.display._html.page`) in an
`anywidget <https://anywidget.dev>`_ widget (``pip install 'argmap[widget]'``): a click on a
box, dot or attack in the reading view or the diagram sets ``w.selected`` to its id, and
setting ``w.selected`` from Python selects that node in the picture (and opens the branch
that holds it). ``w.trace()`` is the trace of the selected statement, so a reader goes from
the picture to :func:`argmap.trace` without typing ids.

The page runs in an ``<iframe srcdoc>`` inside the widget, as in the plain notebook view; the
two talk with ``postMessage`` (``{argmap: "select", id}`` up, ``{argmap: "show", id}`` down),
each side checking the message comes from the other.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from argmap.display._adapters import as_view
from argmap.display._dot import dot_source
from argmap.display._graphviz import run_dot
from argmap.display._html import NOTEBOOK_HEIGHT, page
from argmap.display._view import DEFAULT_MAX_NODES
from argmap.errors import MissingDependency, RenderError

__all__ = ["WIDGET_ESM", "map_widget"]

WIDGET_ESM = """
function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.title = "argmap";
  frame.style.cssText = "width: 100%; border: 1px solid #e2e8f0; display: block; height: " +
    model.get("height") + "px";
  frame.srcdoc = model.get("_page");
  el.appendChild(frame);
  function onMessage(ev) {
    const m = ev.data;
    if (ev.source !== frame.contentWindow || !m || m.argmap !== "select") { return; }
    if (model.get("selected") !== m.id) {
      model.set("selected", m.id);
      model.save_changes();
    }
  }
  function push() {
    const id = model.get("selected");
    if (id && frame.contentWindow) {
      frame.contentWindow.postMessage({ argmap: "show", id: id }, "*");
    }
  }
  function reload() { frame.srcdoc = model.get("_page"); }
  window.addEventListener("message", onMessage);
  frame.addEventListener("load", push);
  model.on("change:selected", push);
  model.on("change:_page", reload);
  return () => {
    window.removeEventListener("message", onMessage);
    model.off("change:selected", push);
    model.off("change:_page", reload);
  };
}
export default { render };
"""
"""The widget's front-end module (anywidget's ``_esm``)."""


@cache
def _widget_class() -> type:
    try:
        import anywidget
        import traitlets
    except ImportError:
        raise MissingDependency(
            "map_widget needs anywidget: pip install 'argmap[widget]' (or pip install "
            "anywidget); argmap's notebook view works without it"
        ) from None

    class MapWidget(anywidget.AnyWidget):  # type: ignore[misc,unused-ignore]
        """The viewer as a widget; ``selected`` is the id of the node last clicked."""

        _esm = WIDGET_ESM
        _page = traitlets.Unicode("").tag(sync=True)
        height = traitlets.Int(NOTEBOOK_HEIGHT).tag(sync=True)
        selected = traitlets.Unicode(None, allow_none=True).tag(sync=True)

        def __init__(self, source: object, map_: Any, text: str, **kwargs: Any) -> None:
            super().__init__(_page=text, **kwargs)
            self.source = source
            self.map = map_

        def trace(self) -> Any:
            """The trace of the selected statement (``argmap.trace(map, w.selected)``)."""
            from argmap.query.trace import trace

            if not self.selected:
                raise RenderError("map_widget: nothing is selected; click a box first")
            return trace(self.map, self.selected)

    return MapWidget


def map_widget(
    obj: object,
    *,
    recommendation: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    selected: str | None = None,
) -> Any:
    """The viewer of a map, trace or report as a notebook widget (needs ``anywidget``).

    A click in the picture sets ``w.selected`` to the node's id; assigning ``w.selected``
    selects the node in the picture; ``w.trace()`` traces the selected statement. Without
    Graphviz the widget shows the reading view and says how to install it.

    Parameters
    ----------
    obj:
        An :class:`~argmap.ArgumentMap`, a trace, or a validation report that holds its map.
    recommendation:
        For a map: show only this statement's justification.
    max_nodes:
        Above this many boxes a map is shown as its leading part, with a note.
    selected:
        A node id to select at the start.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap("w")
    >>> _ = m.argue([m.claim("It is cheap.", id="cheap")], m.recommendation("Do.", id="do"))
    >>> try:
    ...     w = map_widget(m, selected="do")
    ... except argmap.MissingDependency:
    ...     print("do")  # anywidget is not installed
    ... else:
    ...     print(w.selected)
    do
    """
    view = as_view(obj, recommendation=recommendation, max_nodes=max_nodes)
    cls = _widget_class()
    problem = None
    try:
        svg: bytes | None = run_dot(dot_source(view, heading=False), "svg")
    except RenderError as exc:  # GraphvizNotFound is one
        svg, problem = None, str(exc)
    text = page(view, svg, embedded=True, problem=problem)
    if selected is not None:
        selected = view.map.resolve(selected)
    return cls(obj, view.map, text, selected=selected)
