"""Registers the Carneades formats with :mod:`argmap.io.registry`.

They are implemented beside Carneades' semantics (:mod:`argmap.semantics.carneades_yaml`,
:mod:`argmap.semantics.carneades_caf`) and imported when first used.

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

from argmap.io.registry import Format, Lazy, register

_YAML = "argmap.semantics.carneades_yaml"
_CAF = "argmap.semantics.carneades_caf"

__all__: list[str] = []

register(
    Format(
        "carneades",
        extensions=("carneades.yml", "carneades.yaml", "yml", "yaml"),
        loads=Lazy(f"{_YAML}:loads"),
        dumps=Lazy(f"{_YAML}:dumps"),
        sniff=Lazy(f"{_YAML}:sniff_carneades"),
        media_type="application/yaml",
        aliases=("carneades-yaml", "caes"),
        description="Carneades 4 argument graph (YAML)",
        imports=Lazy(f"{_YAML}:carneades_to_map"),
    )
)
register(
    Format(
        "caf",
        extensions=("caf.xml", "caf"),
        loads=Lazy(f"{_CAF}:loads"),
        dumps=Lazy(f"{_CAF}:dumps"),
        sniff=Lazy(f"{_CAF}:sniff_caf"),
        media_type="application/xml",
        description="CAF 1.3, the Carneades Argument Format (XML, Carneades 3 / IMPACT)",
        imports=Lazy(f"{_CAF}:caf_to_map"),
    )
)
