"""Write argmap/namespace.py from ontology/argmap.ttl (run after editing the ontology).

    python tools/gen_namespace.py

tests/test_ontology.py fails when the two disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF

ROOT = Path(__file__).resolve().parents[1]
NS = "https://w3id.org/argmap/ns#"


def terms() -> list[tuple[str, str]]:
    """(local name, comment) for every term the ontology declares, sorted by name."""
    g = rdflib.Graph().parse(ROOT / "ontology" / "argmap.ttl")
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    found = {}
    for s, _, o in g.triples((None, RDF.type, None)):
        if o in kinds and str(s).startswith(NS):
            comment = g.value(s, rdflib.RDFS.comment)
            found[str(s)[len(NS) :]] = str(comment or "")
    return sorted(found.items())


def render() -> str:
    lines = [
        '"""The argmap vocabulary as a closed rdflib namespace.',
        "",
        "Generated from ontology/argmap.ttl by tools/gen_namespace.py: do not edit by hand.",
        "A misspelt term fails loudly (``_fail = True``).",
        "",
        ">>> str(AM.Claim)",
        f"'{NS}Claim'",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        '__all__ = ["AM", "NS"]',
        "",
        f'NS = "{NS}"',
        "",
        "",
        "class AM(DefinedNamespace):",
        '    """Terms of the argmap ontology (https://w3id.org/argmap/ns#)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NS}")',
        "",
    ]
    for name, comment in terms():
        lines.append(f"    {name}: URIRef  # {comment[:70]}".rstrip())
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = ROOT / "argmap" / "namespace.py"
    out.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n")


def context() -> dict[str, object]:
    """The JSON-LD context: one short term per ontology term."""
    g = rdflib.Graph().parse(ROOT / "ontology" / "argmap.ttl")
    ctx: dict[str, object] = {
        "am": NS,
        "owl": "http://www.w3.org/2002/07/owl#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "sameAs": {"@id": "owl:sameAs", "@type": "@id", "@container": "@set"},
    }
    multi = {"premise", "tag", "anchor", "about"}
    typed = {
        "start": "xsd:integer",
        "end": "xsd:integer",
        "strength": "xsd:double",
        "data": "rdf:JSON",
    }
    for s, _, o in sorted(g.triples((None, RDF.type, None))):
        if not str(s).startswith(NS):
            continue
        name = str(s)[len(NS) :]
        if o in (OWL.Class, OWL.NamedIndividual):
            ctx[name] = f"am:{name}"
        elif o == OWL.ObjectProperty:
            term: dict[str, str] = {"@id": f"am:{name}", "@type": "@id"}
            if name in ("attackType", "role", "actorType"):
                term["@type"] = "@vocab"
            if name in multi:
                term["@container"] = "@set"
            ctx[name] = term
        elif o == OWL.DatatypeProperty:
            entry: dict[str, str] = {"@id": f"am:{name}"}
            if name in typed:
                entry["@type"] = typed[name]
            if name in multi:
                entry["@container"] = "@set"
            ctx[name] = entry if len(entry) > 1 else f"am:{name}"
    return {"@context": ctx}


def write_context() -> None:
    import json

    out = ROOT / "ontology" / "context.jsonld"
    out.write_text(json.dumps(context(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n")


if __name__ == "__main__":
    write_context()
