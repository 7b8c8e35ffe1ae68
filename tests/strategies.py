"""Hypothesis strategies for random valid argument maps, shared by every property test.

``maps()`` draws maps through the public builder API, so every map it makes is one a
user could make: unicode and awkward text (quotes, backslashes, newlines, very long
strings), linked and convergent arguments, cycles of support and of attack, undercuts,
stances, about-edges, anchors, tags, data and same-as links.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError

_ALPHABET = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(0x20) if c not in (9, 10, 13)]
    + ["\ufffe", "\uffff"],
)
_AWKWARD = st.sampled_from(
    [
        '"quoted"',
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "carriage\r\nreturn",
        "<tag>",
        "}{",
        "# not a comment",
        "SELECT * WHERE { ?s ?p ?o }",
        "ünïcödé ✓ 漢字 🙂",
        "' single '",
    ]
)


def texts(min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-blank text: mostly short, sometimes awkward, sometimes very long."""
    plain = st.text(_ALPHABET, min_size=min_size, max_size=max_size)
    long = st.text(_ALPHABET, min_size=500, max_size=2000)
    mixed = st.lists(st.one_of(plain, _AWKWARD), min_size=1, max_size=3).map(" ".join)
    return st.one_of(plain, plain, mixed, long).filter(lambda t: t.strip() != "")


_ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,11}", fullmatch=True)
_json = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(_ALPHABET, max_size=10)
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(_ALPHABET, max_size=5), inner, max_size=3),
    ),
    max_leaves=6,
)


@st.composite
def maps(draw: Any, max_statements: int = 8, recursive_attacks: bool = False) -> argmap.ArgumentMap:
    """A random valid map (see the module docstring).

    ``recursive_attacks`` also draws attacks on attacks and attacks by several linked
    attackers (formats that cannot say these leave it off).
    """
    m = argmap.ArgumentMap(draw(_ids), title=draw(st.none() | texts(max_size=20)))
    explicit_ids = draw(st.booleans())
    counter = iter(range(10_000))

    def node_id(prefix: str) -> str | None:
        return f"{prefix}{next(counter)}" if explicit_ids else None

    def extras() -> dict[str, Any]:
        out: dict[str, Any] = {}
        if draw(st.integers(0, 4)) == 0:
            out["tags"] = tuple(draw(st.lists(texts(max_size=8), max_size=2)))
        if draw(st.integers(0, 5)) == 0:
            out["data"] = draw(st.dictionaries(st.text(_ALPHABET, max_size=6), _json, max_size=2))
        if draw(st.integers(0, 6)) == 0:
            out["label"] = draw(texts(max_size=12))
        if draw(st.integers(0, 8)) == 0:
            out["same_as"] = (f"http://example.org/same/{draw(_ids)}",)
        return out

    def safely(call: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except ArgmapError:  # a drawn duplicate or a self-reference: skip that move
            return None

    actors = [
        a
        for a in (
            safely(
                m.actor,
                draw(texts(max_size=20)),
                id=node_id("actor"),
                type=draw(st.sampled_from(argmap.model.ACTOR_TYPES)),
                **extras(),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        if a is not None
    ]
    sources = [
        s
        for s in (
            safely(
                m.source,
                draw(texts(max_size=20)),
                id=node_id("src"),
                author=draw(st.sampled_from(actors)) if actors and draw(st.booleans()) else None,
                date=draw(st.none() | st.sampled_from(["2024", "2024-08", "2024-08-28"])),
                url=draw(st.none() | st.just("https://example.org/doc")),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        if s is not None
    ]
    issue = (
        safely(m.issue, draw(texts(max_size=20)), id=node_id("issue"))
        if draw(st.booleans())
        else None
    )
    alternatives = [
        a
        for a in (
            safely(
                m.alternative,
                draw(texts(max_size=20)),
                id=node_id("alt"),
                issue=issue if issue is not None and draw(st.booleans()) else None,
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        if a is not None
    ]
    statements = []
    for _ in range(draw(st.integers(1, max_statements))):
        kind = draw(st.sampled_from(["claim", "claim", "evidence", "recommendation"]))
        text = draw(texts())
        if kind == "evidence":
            src = draw(st.sampled_from(sources)) if sources and draw(st.booleans()) else None
            node = safely(m.evidence, text, id=node_id("ev"), source=src, **extras())
        else:
            node = safely(getattr(m, kind), text, id=node_id(kind[:3]), **extras())
        if node is not None and all(node.id != other.id for other in statements):
            statements.append(node)
    arguments = []
    if len(statements) >= 2:
        for _ in range(draw(st.integers(0, len(statements) + 1))):
            conclusion = draw(st.sampled_from(statements))
            others = [s for s in statements if s.id != conclusion.id]
            if not others:
                continue
            premises = draw(
                st.lists(st.sampled_from(others), min_size=1, max_size=3, unique_by=lambda s: s.id)
            )
            scheme = draw(
                st.none()
                | st.sampled_from(
                    ["practical reasoning", "from alternatives", "from expert opinion"]
                )
            )
            arg = safely(m.argue, premises, conclusion, scheme=scheme, id=node_id("arg"))
            if arg is not None:
                arguments.append(arg)
    targets: list[Any] = statements + arguments
    for _ in range(draw(st.integers(0, 5 if recursive_attacks else 3))):
        attacker: Any = draw(st.sampled_from(statements))
        if recursive_attacks and len(statements) > 2 and draw(st.integers(0, 3)) == 0:
            attacker = draw(
                st.lists(
                    st.sampled_from(statements), min_size=2, max_size=3, unique_by=lambda s: s.id
                )
            )
        target = draw(st.sampled_from(targets))
        attacker_ids = {a.id for a in attacker} if isinstance(attacker, list) else {attacker.id}
        if target.id in attacker_ids:
            continue
        declared = None
        if draw(st.booleans()):
            declared = (
                "undercut"
                if target.kind in ("argument", "attack")
                else draw(st.sampled_from(["rebut", "undermine"]))
            )
        made = safely(m.attack, attacker, target, type=declared, id=node_id("att"))
        if recursive_attacks and made is not None:
            targets.append(made)
    stance_targets = statements + alternatives + ([issue] if issue is not None else [])
    for actor in actors:
        for _ in range(draw(st.integers(0, 2))):
            safely(
                m.stance,
                actor,
                draw(st.sampled_from(argmap.model.STANCE_ROLES)),
                draw(st.sampled_from(stance_targets)),
                id=node_id("st"),
            )
    subjects = actors + alternatives + sources + ([issue] if issue is not None else [])
    if subjects:
        for stmt in statements:
            if draw(st.integers(0, 3)) == 0:
                m.about(stmt, draw(st.sampled_from(subjects)))
    if sources:
        anchorable = statements + actors + alternatives
        for node in anchorable:
            if draw(st.integers(0, 2)) == 0:
                exact = draw(texts(max_size=30))
                start = draw(st.integers(0, 5000))
                m.anchor(
                    node,
                    exact,
                    source=draw(st.sampled_from(sources)),
                    prefix=draw(st.text(_ALPHABET, max_size=32)),
                    suffix=draw(st.text(_ALPHABET, max_size=32)),
                    start=start,
                    end=start + len(exact),
                )
    return m


# --- Carneades argument graphs (issue 20) ---


@st.composite
def carneades_graphs(draw: Any, max_blocks: int = 6, one_issue: bool = False) -> Any:
    """Acyclic Carneades graphs, drawn in blocks: a block is one statement or an issue.

    Block 0 holds the assumptions (one to three statements). Every argument for a
    statement of block k takes its premises (and its undercutter) from blocks before k,
    so no statement depends on itself, even through an issue. With ``one_issue``, only
    the last block is an issue.
    """
    from argmap.semantics._carneades_graph import (
        STANDARDS,
        CArgument,
        CarneadesGraph,
        CIssue,
        Weighing,
    )

    g = CarneadesGraph()
    earlier: list[str] = []
    for i in range(draw(st.integers(1, 3))):
        g.add_statement(f"s{i}")
        g.assumptions.add(f"s{i}")
        earlier.append(f"s{i}")
    n = len(earlier)
    weights = st.sampled_from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
    n_blocks = draw(st.integers(1, max_blocks))
    for b in range(n_blocks):
        last = b == n_blocks - 1
        size = (draw(st.integers(2, 3)) if last else 1) if one_issue else draw(
            st.sampled_from([1, 1, 2, 3])
        )
        ids = [f"s{n + j}" for j in range(size)]
        n += size
        for s in ids:
            g.add_statement(s)
        if size > 1:
            g.issues[f"i{b}"] = CIssue(f"i{b}", ids, draw(st.sampled_from(STANDARDS)))
        for s in ids:
            for _ in range(draw(st.integers(0, 2))):
                k = draw(st.integers(1, min(3, len(earlier))))
                premises = tuple(draw(st.permutations(earlier))[:k])
                kind = draw(st.sampled_from(["constant", "constant", "linked", "cumulative"]))
                weighing = Weighing(kind, constant=draw(weights))  # type: ignore[arg-type]
                cut = draw(st.none() | st.sampled_from(earlier)) if not one_issue else None
                if cut in premises:
                    cut = None
                g.add_argument(
                    CArgument(f"a{len(g.arguments) + 1}", s, premises, weighing, undercutter=cut)
                )
        earlier += ids
    return g
