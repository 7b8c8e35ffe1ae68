"""Structure-aware XML prologs: what an entity guard must read as XML, not as text.

:func:`hostile_xml` builds a document from the pieces a prolog is made of, chosen by a
:class:`random.Random` (so the long run and hypothesis, through ``st.randoms()``, share
it): a byte-order mark, XML declarations, comments, processing instructions and CDATA
sections (some holding ``<!DOCTYPE``, ``<!ENTITY`` or ``]>``), white space of every
kind, a DOCTYPE keyword in any case, external ids (with ``>`` or ``[`` inside quotes),
internal subsets with chains of nested entities, parameter entities, external entities,
other declarations, a second DOCTYPE or one after the root element, and a body that
uses the entities in text and attributes.
"""

from __future__ import annotations

import random

__all__ = ["MUTATION_KINDS", "hostile_xml"]

MUTATION_KINDS = (
    "misc-before",  # comments / PIs / CDATA / white space before the DOCTYPE
    "keyword-case",
    "external-id",
    "nested-entities",
    "parameter-entity",
    "external-entity",
    "extra-doctype",
)

_FAKE = [
    "",
    " <!DOCTYPE x> ",
    " ]> ",
    " <!ENTITY a 'b'> ",
    " <!DOCTYPE r [<!ENTITY x 'y'>]> ",
    "--",
    "?>",
    "]]>",
]
_SPACE = [" ", "\n", "\t", "\r\n", "  \n  "]
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _misc(rng: random.Random) -> str:
    fake = rng.choice(_FAKE)
    return rng.choice(
        [
            f"<!--{fake.replace('--', '')}-->",
            f"<?pi {fake.replace('?>', '')}?>",
            '<?xml version="1.0"?>',
            f"<![CDATA[{fake.replace(']]>', '')}]]>",
            rng.choice(_SPACE),
        ]
    )


def _keyword(rng: random.Random, word: str = "DOCTYPE") -> str:
    if rng.random() < 0.5:
        return word
    return "".join(c.lower() if rng.random() < 0.5 else c for c in word)


def _external_id(rng: random.Random) -> str:
    return rng.choice(
        [
            "",
            ' SYSTEM "file:///etc/passwd"',
            ' PUBLIC "-//x//y" "http://127.0.0.1:9/x.dtd"',
            ' SYSTEM "a>b"',
            " SYSTEM 'a[b'",
        ]
    )


def _entities(rng: random.Random, kinds: set[str]) -> tuple[str, list[str]]:
    decls, names = [], []
    depth = rng.randint(1, 12) if "nested-entities" in kinds else rng.randint(0, 2)
    fan = rng.choice([1, 2, 10, 50])
    decls.append('<!ENTITY e0 "lol">')
    names.append("e0")
    for i in range(1, depth + 1):
        refs = "".join(f"&{rng.choice(names)};" for _ in range(fan))
        quote = rng.choice(['"', "'"])
        decls.append(f"<!ENTITY e{i} {quote}{refs}{quote}>")
        names.append(f"e{i}")
        if rng.random() < 0.2:
            decls.append(rng.choice(_SPACE) + _misc(rng).replace("<![CDATA[", "<!--x"))
    if "parameter-entity" in kinds:
        decls.append(rng.choice(['<!ENTITY % p "x">', '<!ENTITY % p "x"> %p;', "%p;"]))
    if "external-entity" in kinds:
        decls.append(
            rng.choice(
                [
                    '<!ENTITY x SYSTEM "file:///etc/passwd">',
                    '<!ENTITY x PUBLIC "-//x" "http://127.0.0.1:9/">',
                ]
            )
        )
        names.append("x")
    if rng.random() < 0.3:
        decls.append("<!ELEMENT r ANY><!ATTLIST r a CDATA #IMPLIED>")
    if rng.random() < 0.1:
        rng.shuffle(decls)  # a use before its declaration
    return "".join(rng.choice(_SPACE) + d for d in decls), names


def hostile_xml(
    rng: random.Random, root: str = "rdf:RDF", only: str | None = None
) -> tuple[bytes, set[str]]:
    """One hostile document with ``root`` as its root element, and the kinds it mixes.

    ``only`` names one of :data:`MUTATION_KINDS` that every document then holds (others
    join it at random, less often).
    """
    if only is not None:
        kinds = {only} | {k for k in MUTATION_KINDS if rng.random() < 0.15}
    else:
        kinds = {k for k in MUTATION_KINDS if rng.random() < 0.4} or {rng.choice(MUTATION_KINDS)}
    head = "\ufeff" if rng.random() < 0.1 else ""
    if rng.random() < 0.5:
        head += '<?xml version="1.0" encoding="utf-8"?>'
    if "misc-before" in kinds:
        head += "".join(_misc(rng) for _ in range(rng.randint(1, 4)))
    subset, names = _entities(rng, kinds)
    keyword = _keyword(rng) if "keyword-case" in kinds else "DOCTYPE"
    external = _external_id(rng) if "external-id" in kinds else ""
    doctype = f"<!{keyword} {root}{external} [{subset}\n]>"
    extra = ""
    if "extra-doctype" in kinds:
        extra = f"<!{_keyword(rng)} {root} [<!ENTITY z 'z'>]>"
    uses = "".join(f"&{rng.choice(names)};" for _ in range(rng.randint(0, 5)))
    attr = f"&{rng.choice(names)};" if rng.random() < 0.3 else "a"
    late = extra if extra and rng.random() < 0.5 else ""
    body = (
        f'<{root} xmlns:rdf="{_RDF}" xmlns:x="http://x/">{late}'
        f'<rdf:Description rdf:about="http://x/{attr}"><x:p>{uses}</x:p></rdf:Description>'
        f"</{root}>"
    )
    before = extra if extra and not late else ""
    order = [head, doctype, before] if rng.random() < 0.7 else [head, before, doctype]
    return ("".join(order) + rng.choice(_SPACE) + body).encode("utf-8"), kinds
