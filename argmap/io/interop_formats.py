"""Registers the field's interchange formats (issue 7) with :mod:`argmap.io.registry`.

======== ======================== ===== ===== ==========================================
name     extensions               read  write sniffed from
======== ======================== ===== ===== ==========================================
aif      aif.json, aif            yes   yes   a JSON object with ``nodes`` and ``edges``
xaif     xaif.json, xaif          yes   yes   ``{"AIF": ...`` (xAIF / the OVA wrapper)
argdown  argdown, ad              yes   yes   (extension only)
microtxt xml (arggraph)           yes   no    ``<arggraph``
sadface  sadface.json, sadface    yes   no    ``"metadata"`` with ``"core"`` / ``"atom"``
graphml  graphml                  no    yes
gexf     gexf                     no    yes
dot      dot, gv                  no    yes
======== ======================== ===== ===== ==========================================

A plain ``.json`` file goes to whichever sniffer recognises its first bytes.

Examples
--------
>>> from argmap.io.registry import get, guess
>>> get("xaif").name, guess("map.json", b'{"AIF": {"nodes": []}}').name
('xaif', 'xaif')
>>> guess("x.json", b'{"nodes": [{"nodeID": "1", "text": "a", "type": "I"}]}').name
'aif'
"""

from __future__ import annotations

from argmap.io import aif
from argmap.io._imports import import_aif, import_argdown
from argmap.io.registry import Format, Lazy, register

__all__: list[str] = []

register(
    Format(
        "aif",
        extensions=("aif.json", "aif", "json"),
        loads=aif.loads,
        dumps=aif.dumps,
        sniff=aif.sniff_aif,
        media_type="application/json",
        description="AIF JSON (AIFdb nodesets, OVA): I/RA/CA/MA/PA/L/YA/TA nodes",
        imports=import_aif,
    )
)
register(
    Format(
        "xaif",
        extensions=("xaif.json", "xaif"),
        loads=aif.loads_xaif,
        dumps=aif.dumps_xaif,
        sniff=aif.sniff_xaif,
        media_type="application/json",
        aliases=("ova",),
        description="xAIF / OVA: {'AIF': ..., 'OVA': ..., 'text': ...}",
        imports=import_aif,
    )
)

from argmap.io import microtext, sadface  # noqa: E402

register(
    Format(
        "microtext",
        extensions=("arggraph.xml", "arggraph"),
        loads=microtext.loads,
        sniff=microtext.sniff_microtext,
        media_type="application/xml",
        aliases=("arggraph",),
        description="Potsdam argumentative microtext XML (arggraph); read only",
        imports=microtext.microtext_to_map,
    )
)
register(
    Format(
        "sadface",
        extensions=("sadface.json", "sadface"),
        loads=sadface.loads,
        sniff=sadface.sniff_sadface,
        media_type="application/json",
        description="SADFace JSON; read only",
        imports=sadface.sadface_to_map,
    )
)

from argmap.io import argdown, graphs  # noqa: E402

register(
    Format(
        "argdown",
        extensions=("argdown", "ad"),
        loads=argdown.loads,
        dumps=argdown.dumps,
        media_type="text/x-argdown",
        description="Argdown text (the subset in argmap.io.argdown)",
        imports=import_argdown,
    )
)
register(
    Format(
        "graphml",
        extensions=("graphml",),
        dumps=graphs.dumps_graphml,
        media_type="application/graphml+xml",
        description="GraphML via networkx; write only",
    )
)
register(
    Format(
        "gexf",
        extensions=("gexf",),
        dumps=graphs.dumps_gexf,
        media_type="application/gexf+xml",
        description="GEXF 1.2 via networkx; write only",
    )
)
register(
    Format(
        "dot",
        extensions=("dot", "gv"),
        dumps=Lazy("argmap.display:dumps_dot"),  # the picture argmap render draws
        media_type="text/vnd.graphviz",
        aliases=("graphviz",),
        description="Graphviz DOT text; write only",
    )
)
