"""Formal acceptability: Dung and bipolar frameworks, their semantics, gradual strength.

Does a recommendation survive its objections? Project a map onto an argumentation
framework (:mod:`~argmap.semantics.projection`), run Dung's semantics on it
(:mod:`~argmap.semantics.dung`: grounded, complete, preferred, stable; credulous and
sceptical acceptance), weigh it gradually (:mod:`~argmap.semantics.gradual`: DF-QuAD), and
write the outcome back onto the map (:func:`label_map`). Frameworks travel to and from
other solvers in the ICCMA formats (:mod:`~argmap.semantics.iccma`). The hard semantics
and the ICCMA tasks run on clingo when the ``solver`` extra is installed
(:mod:`~argmap.semantics.solver`, :mod:`~argmap.semantics.tasks`).

Examples:
    >>> from argmap import ArgumentMap
    >>> from argmap.semantics import label_map
    >>> m = ArgumentMap("brief")
    >>> rec = m.recommendation("The U.S. should abstain.", id="abstain")
    >>> _ = m.argue([m.claim("The draft is flawed.", id="flawed")], rec, id="why")
    >>> _ = m.attack(m.claim("Its goals are laudable.", id="laudable"), "flawed")
    >>> _ = m.attack(m.claim("Laudable goals do not fix the text.", id="reply"), "laudable")
    >>> _ = label_map(m)
    >>> m.labels["abstain"], m.labels["laudable"]
    ('IN', 'OUT')
"""

from __future__ import annotations

from argmap.semantics.acceptance import Acceptance, accept, label_map
from argmap.semantics.dung import (
    SEMANTICS,
    Semantics,
    complete_extensions,
    complete_labellings,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_credulously_accepted,
    is_sceptically_accepted,
    labellings,
    preferred_extensions,
    preferred_labellings,
    sceptical_labelling,
    stable_extensions,
    stable_labellings,
    summarise,
)
from argmap.semantics.framework import AbstractFramework, BipolarFramework, DerivedAttack
from argmap.semantics.gradual import BASE_SCORE_KEY, dfquad, map_strengths
from argmap.semantics.iccma import AF_FORMATS, dump_af, dumps_af, guess_af_format, load_af, loads_af
from argmap.semantics.labelling import Label, Labelling
from argmap.semantics.projection import (
    AUX_SUFFIX,
    MapFramework,
    Projection,
    as_framework,
    bipolar_framework,
    dung_framework,
    map_framework,
)
from argmap.semantics.solver import SOLVER_SEMANTICS, clingo_available
from argmap.semantics.tasks import (
    ALL_SEMANTICS,
    ENGINES,
    ICCMA_SEMANTICS,
    TASKS,
    Engine,
    all_extensions,
    count_extensions,
    credulous,
    sceptical,
    some_extension,
)

__all__ = [
    "AF_FORMATS",
    "ALL_SEMANTICS",
    "ENGINES",
    "Engine",
    "ICCMA_SEMANTICS",
    "SOLVER_SEMANTICS",
    "TASKS",
    "all_extensions",
    "clingo_available",
    "count_extensions",
    "credulous",
    "sceptical",
    "some_extension",
    "AUX_SUFFIX",
    "BASE_SCORE_KEY",
    "SEMANTICS",
    "AbstractFramework",
    "Acceptance",
    "BipolarFramework",
    "DerivedAttack",
    "Label",
    "Labelling",
    "MapFramework",
    "Projection",
    "Semantics",
    "accept",
    "as_framework",
    "bipolar_framework",
    "complete_extensions",
    "complete_labellings",
    "dfquad",
    "dump_af",
    "dumps_af",
    "dung_framework",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "guess_af_format",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "label_map",
    "labellings",
    "load_af",
    "loads_af",
    "map_framework",
    "map_strengths",
    "preferred_extensions",
    "preferred_labellings",
    "sceptical_labelling",
    "stable_extensions",
    "stable_labellings",
    "summarise",
]
