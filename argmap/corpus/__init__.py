"""Corpora: many maps in one store, read leniently, questioned across maps.

* :class:`Corpus` — a store holding many maps, each its own graph with provenance;
  :meth:`Corpus.load` reads a folder in worker processes (:mod:`argmap.corpus.load`);
* the questions across maps, answered in the store (SPARQL) or in memory with equal
  results (:mod:`argmap.corpus.questions`);
* the corpus graph: provenance and normalised keys (:mod:`argmap.corpus.index`).
"""

from __future__ import annotations

from argmap.corpus.index import CORPUS, Provenance, normalise
from argmap.corpus.load import Corpus, FileResult, LoadReport

__all__ = ["CORPUS", "Corpus", "FileResult", "LoadReport", "Provenance", "normalise"]
