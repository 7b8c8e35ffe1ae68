"""Seeded synthetic argument maps for benchmarks.

``generate(n_nodes, seed)`` makes a forest of recommendations, each justified by a tree
of arguments 8-12 levels deep: every statement above the leaves has one or two
(convergent) arguments of one to three linked premises; leaves are evidence; about a
fifth of the arguments draw an attack (on a premise, the conclusion, or the inference);
a pool of actors takes stances on a tenth of the statements; every statement carries an
anchor into its tree's source. The same ``(n_nodes, seed)`` gives the same map.

    python benchmarks/synthetic.py 100000 out.ttl    # write one to a file
"""

from __future__ import annotations

import random
import sys
from collections import deque

from argmap import ArgumentMap
from argmap.model import (
    Actor,
    Anchor,
    Argument,
    Attack,
    Claim,
    Evidence,
    Node,
    Recommendation,
    Source,
    Stance,
)

__all__ = ["generate", "synthetic_nodes"]

_WORDS = [
    "treaty",
    "data",
    "privacy",
    "security",
    "rights",
    "access",
    "cooperation",
    "states",
    "convention",
    "safeguards",
    "surveillance",
    "evidence",
    "policy",
    "court",
    "treaty",
    "crime",
    "network",
    "court",
    "report",
    "members",
    "vote",
    "governments",
    "industry",
    "standards",
    "oversight",
    "transparency",
    "accountability",
    "risk",
    "cost",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + f" ({n})."


def synthetic_nodes(n_nodes: int, seed: int = 0) -> list[Node]:
    """The node models of a synthetic map of about ``n_nodes`` nodes."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    n_actors = max(3, n_nodes // 1000)
    actors = [
        Actor(
            id=f"actor{i}",
            text=f"Actor {i}",
            actor_type=rng.choice(("state", "organisation", "person", "group")),
        )
        for i in range(n_actors)
    ]
    nodes.extend(actors)
    counter = 0
    tree = 0
    while len(nodes) < n_nodes:
        depth_limit = rng.randint(8, 12)
        budget = min(rng.randint(1500, 2500), n_nodes - len(nodes))
        start = len(nodes)
        src_id = f"src{tree}"
        nodes.append(
            Source(
                id=src_id,
                text=f"Source document {tree}",
                date="2024-08-28",
                author=rng.choice(actors).id,
            )
        )
        offset = 0

        def anchor(text: str, src_id: str = src_id) -> tuple[Anchor, ...]:
            nonlocal offset
            quote = text[:24]
            a = Anchor(
                source=src_id,
                exact=quote,
                start=offset,
                end=offset + len(quote),
                prefix="",
                suffix="",
            )
            offset += len(quote) + 7
            return (a,)

        root_id = f"rec{tree}"
        text = "Should " + _text(rng, 6)
        nodes.append(Recommendation(id=root_id, text=text, anchors=anchor(text)))
        queue: deque[tuple[str, int]] = deque([(root_id, 0)])
        while queue and len(nodes) - start < budget:
            stmt, depth = queue.popleft()
            if depth >= depth_limit:
                continue
            for _ in range(rng.choice((1, 1, 2))):
                premises = []
                for _ in range(rng.randint(1, 3)):
                    counter += 1
                    leaf = depth + 1 >= depth_limit or rng.random() < 0.15
                    pid = f"s{counter}"
                    text = _text(rng, rng.randint(5, 12))
                    if leaf:
                        nodes.append(
                            Evidence(id=pid, text=text, source=src_id, anchors=anchor(text))
                        )
                    else:
                        nodes.append(Claim(id=pid, text=text, anchors=anchor(text)))
                        queue.append((pid, depth + 1))
                    premises.append(pid)
                    if rng.random() < 0.1:
                        counter += 1
                        nodes.append(
                            Stance(
                                id=f"st{counter}",
                                actor=rng.choice(actors).id,
                                role=rng.choice(("asserts", "endorses")),
                                target=pid,
                            )
                        )
                counter += 1
                arg_id = f"a{counter}"
                nodes.append(
                    Argument(
                        id=arg_id,
                        premises=tuple(premises),
                        conclusion=stmt,
                        scheme=rng.choice((None, "practical reasoning", "from consequences")),
                    )
                )
                if rng.random() < 0.2:
                    counter += 1
                    att_id = f"x{counter}"
                    text = "However " + _text(rng, 6)
                    nodes.append(Claim(id=att_id, text=text, anchors=anchor(text)))
                    target = rng.choice((stmt, arg_id, premises[0]))
                    counter += 1
                    nodes.append(Attack(id=f"t{counter}", attacker=att_id, target=target))
        tree += 1
    return nodes


def generate(n_nodes: int, seed: int = 0) -> ArgumentMap:
    """A synthetic map of about ``n_nodes`` nodes (see the module docstring)."""
    return ArgumentMap.from_nodes(
        synthetic_nodes(n_nodes, seed), name=f"synthetic-{n_nodes}-{seed}"
    )


if __name__ == "__main__":
    import argmap

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    m = generate(size)
    if len(sys.argv) > 2:
        argmap.dump(m, sys.argv[2])
    sys.stdout.write(f"{m!r}\n")
