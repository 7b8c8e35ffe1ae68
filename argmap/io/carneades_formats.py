"""Registers the Carneades formats (issue 20) with :mod:`argmap.io.registry`.

========= ============================== ===== ===== =====================================
name      extensions                     read  write sniffed from
========= ============================== ===== ===== =====================================
carneades carneades.yml, yml, yaml       yes   yes   top-level ``statements:``, ``issues:``
caf       caf.xml, caf                   yes   yes   a ``<caf>`` root element
========= ============================== ===== ===== =====================================

A ``.xml`` file whose root is ``<caf>`` is CAF, not RDF/XML.

Examples
--------
>>> from argmap.io.registry import guess
>>> guess("g.xml", b"<?xml version='1.0'?>\\n<caf version='1.3'>").name
'caf'
>>> guess("g.rdf", b"<?xml version='1.0'?>\\n<rdf:RDF>").name
'xml'
>>> guess("vacation.yml", b"statements:\\n  italy: Italy.\\n").name
'carneades'
"""

from __future__ import annotations

from argmap.io import caf, carneades
from argmap.io.registry import Format, register

__all__: list[str] = []

register(
    Format(
        "carneades",
        extensions=("carneades.yml", "carneades.yaml", "yml", "yaml"),
        loads=carneades.loads,
        dumps=carneades.dumps,
        sniff=carneades.sniff_carneades,
        media_type="application/yaml",
        aliases=("carneades-yaml", "caes"),
        description="Carneades 4 argument graph (YAML)",
        imports=carneades.carneades_to_map,
    )
)
register(
    Format(
        "caf",
        extensions=("caf.xml", "caf"),
        loads=caf.loads,
        dumps=caf.dumps,
        sniff=caf.sniff_caf,
        media_type="application/xml",
        description="CAF 1.3, the Carneades Argument Format (XML, Carneades 3 / IMPACT)",
        imports=caf.caf_to_map,
    )
)
