"""Find a ``SERVICE`` clause in SPARQL text, by the SPARQL 1.1 lexical grammar.

The embedded store (pyoxigraph) answers ``SERVICE <url> { ... }`` by sending an HTTP
request to ``url``: a query file could make argmap contact any server. argmap refuses
such queries unless the caller allows them (:class:`~argmap.store.EmbeddedStore`,
``allow_service``); this module finds the keyword.

It is found as a token, not by a text search: the query is split into the terminals
of the SPARQL 1.1 grammar (section 19.8) — comments, string literals (all four
quotings), IRI references, variables, language tags, prefixed names and blank nodes,
keywords — after the codepoint escapes ``\\uXXXX``/``\\UXXXXXXXX`` are replaced, as the
grammar says they must be before parsing (section 19.2). So ``"SERVICE"`` in a string,
``# SERVICE`` in a comment, ``?service`` and ``ex:service`` are not the keyword, and
``\\u0053ERVICE`` is.

>>> find_service('SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }')
(1, 18)
>>> find_service('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } # SERVICE')
>>> find_service('PREFIX ex: <http://e/> SELECT ?service WHERE { ?service a ex:SERVICE }')
"""

from __future__ import annotations

import re

__all__ = ["find_service"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# One alternative per terminal; the first that matches at a position wins. A
# construct that does not close (an unterminated string) falls through to the
# single-character alternative, and the rest is read as tokens: at worst a query that
# is not SPARQL anyway is refused.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<long1>'''(?:(?:'|'')?(?:[^'\\]|\\.))*''')
  | (?P<long2>\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\")
  | (?P<short1>'(?:[^'\\\n\r]|\\.)*')
  | (?P<short2>"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>[\w.\-\u00B7]*:(?:[\w.\-:%\u00B7]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[A-Za-z_][\w]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(one, text)


def find_service(text: str) -> tuple[int, int] | None:
    """Where the first ``SERVICE`` keyword of ``text`` is: (line, column), 1-based.

    ``None`` when the query has none. Lines and columns count in the text after its
    codepoint escapes are replaced.

    >>> find_service("ASK {\\n  service silent ?where { } }")
    (2, 3)
    """
    source = _unescape(text)
    for match in _TOKEN.finditer(source):
        if match.lastgroup == "word" and match.group().upper() == "SERVICE":
            start = match.start()
            line = source.count("\n", 0, start) + 1
            column = start - (source.rfind("\n", 0, start) + 1) + 1
            return line, column
    return None
