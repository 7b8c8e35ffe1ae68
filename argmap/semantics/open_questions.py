"""Open critical questions as implicit attacks: an option of :func:`argmap.accept`.

With ``open_questions="attack"``, every critical question that a map leaves open (see
:func:`argmap.critical_questions`) counts against its argument: the framework gets one
extra argument per open question, named ``<argument id>#cq:<question id>``, unattacked,
which attacks the argument (an undercut). Nothing else changes: answered questions add
nothing, arguments without a known scheme are untouched, and the extra arguments never
appear in the labels or extensions reported for the map.

An open question undercuts its argument whatever its answer type. The map does not say
which of an argument's premises plays which role of the scheme, and striking a premise
or the conclusion as a statement would also strike every other argument that uses it;
the question is about this argument as an instance of its scheme, so it is this argument
that it puts in doubt. Since the extra argument is unattacked, an argument with an open
question is OUT under every semantics, and a statement then stands only on arguments
whose questions are all answered (or that name no scheme).

Under the ``bipolar`` projection the extra attacks are added to the bipolar framework
before it is flattened, so supported and secondary attacks follow from them as from any
other attack.

Examples
--------
>>> from argmap import ArgumentMap, accept
>>> m = ArgumentMap("x")
>>> r = m.recommendation("Abstain.", id="r")
>>> _ = m.argue([m.claim("The text is flawed.", id="f")], r, id="a", scheme="sign")
>>> str(accept(m).labels["r"]), str(accept(m, open_questions="attack").labels["r"])
('IN', 'OUT')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from argmap.errors import SemanticsError
from argmap.questions import critical_questions
from argmap.schemes import SchemeCatalogue
from argmap.semantics.framework import AbstractFramework, BipolarFramework
from argmap.semantics.projection import MapFramework, bipolar_framework, map_framework

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["QUESTION_MARK", "OpenQuestions", "question_attacks", "questioned_framework"]

OpenQuestions = Literal["ignore", "attack"]
#: Between an argument id and a question id in the name of an implicit attacker.
QUESTION_MARK = "#cq:"


def question_attacks(
    m: ArgumentMap, catalogue: SchemeCatalogue | None = None
) -> list[tuple[str, str]]:
    """``(implicit attacker, argument id)`` for every open critical question of ``m``.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("x")
    >>> _ = m.argue([m.claim("P.", id="p")], m.claim("C.", id="c"), id="a", scheme="sign")
    >>> question_attacks(m)[0]
    ('a#cq:sign.observed', 'a')
    """
    return [
        (f"{row.argument}{QUESTION_MARK}{row.question}", row.argument)
        for row in critical_questions(m, catalogue=catalogue).open()
    ]


def questioned_framework(
    m: ArgumentMap,
    projection: str = "structured",
    open_questions: OpenQuestions | str = "ignore",
    catalogue: SchemeCatalogue | None = None,
) -> MapFramework:
    """:func:`~argmap.semantics.map_framework`, with open questions as attacks when
    ``open_questions`` is ``"attack"`` (``"ignore"``: the plain projection)."""
    if open_questions == "ignore":
        return map_framework(m, projection)
    if open_questions != "attack":
        raise SemanticsError(
            f"unknown open_questions {open_questions!r}; expected 'ignore' or 'attack'"
        )
    extra = question_attacks(m, catalogue)
    if projection == "bipolar":
        plain = bipolar_framework(m)
        baf = BipolarFramework(
            arguments=[*plain.arguments, *(x for x, _ in extra)],
            attacks=[*plain.attacks, *extra],
            supports=plain.supports,
        )
        return MapFramework(baf.to_dung(("supported", "secondary")), plain.arguments)
    mf = map_framework(m, projection)
    af = mf.framework
    return MapFramework(
        AbstractFramework(
            arguments=[*af.arguments, *(x for x, _ in extra)],
            attacks=[*af.attacks, *extra],
        ),
        mf.nodes,
        mf.auxiliary,
        mf.carriers,
    )
