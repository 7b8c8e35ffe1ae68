"""Pictures of argument maps: Graphviz DOT, SVG, PNG, an offline HTML page, notebook views.

A map is drawn as a layered diagram, recommendations on top and evidence at the bottom.
Each argument is a small junction dot where its premises meet (linked premises share one
dot; convergent reasons have a dot each); attacks are red dashed arrows; actors are
ellipses, alternatives hexagons. Text is wrapped, and each node's tooltip holds its full
text and the quotes it was read from. Acceptability labels and strengths are shown when
the map has them. A trace is the same diagram cut to one recommendation's justification,
critical premises outlined in amber. Maps over :data:`DEFAULT_MAX_NODES` boxes are drawn as
their leading recommendations and two levels below, with a note saying so.

The HTML page and the notebook view are one viewer (:mod:`argmap.display._viewer_js`): a
reading view, a top-down tree of the full texts with deep branches folded, and the diagram,
fitted, panned and zoomed; a click shows a node's full text and quotes. In a notebook it sits
in an ``<iframe srcdoc>`` with a static SVG after it for notebooks that run no scripts;
:func:`map_widget` makes it a widget whose clicks set ``w.selected``.

DOT is written in pure Python; SVG, PNG and HTML need Graphviz's ``dot`` program
(``apt-get install graphviz`` / ``brew install graphviz``), and say so when it is missing
(the notebook view then shows the reading view alone, with that hint).

Examples
--------
>>> import argmap, tempfile, pathlib
>>> m = argmap.ArgumentMap("tour")
>>> r = m.recommendation("The U.S. should abstain.", id="abstain")
>>> _ = m.argue([m.claim("The draft is flawed.", id="flawed")], r)
>>> 'rankdir="BT"' in to_dot(m)
True
>>> path = render(m, pathlib.Path(tempfile.mkdtemp()) / "map.dot")
>>> path.suffix
'.dot'
"""

from __future__ import annotations

from argmap.display._dot import dumps_dot, to_dot
from argmap.display._graphviz import has_dot
from argmap.display._render import (
    RENDER_FORMATS,
    render,
    render_bytes,
    repr_html,
    repr_mimebundle,
    to_html,
    to_png,
    to_svg,
)
from argmap.display._view import DEFAULT_MAX_NODES, View, map_view
from argmap.display._widget import map_widget
from argmap.errors import GraphvizNotFound, RenderError

__all__ = [
    "DEFAULT_MAX_NODES",
    "RENDER_FORMATS",
    "GraphvizNotFound",
    "RenderError",
    "View",
    "dumps_dot",
    "has_dot",
    "map_view",
    "map_widget",
    "render",
    "render_bytes",
    "repr_html",
    "repr_mimebundle",
    "to_dot",
    "to_html",
    "to_png",
    "to_svg",
]
