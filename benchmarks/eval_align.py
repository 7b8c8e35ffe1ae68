"""Alignment quality (issue 19): precision and recall of argmap.align on two ArgMicro topics.

The gold alignment (``tests/data/align_gold_argmicro.csv``) was written by hand from the
texts: a pair is gold when the two statements make the same point (a paraphrase, perhaps
weaker or stronger); a statement and its negation are not a pair, and only rows that
``align`` marks ``relation="same"`` count as proposed. Topics:
``school_uniforms`` (micro_b012, micro_b030, micro_b038) and ``charge_tuition_fees``
(micro_b021, micro_b048) from ``../shared/corpora/microtexts/arggraph-en``.

    python benchmarks/eval_align.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import argmap
from argmap.align import align

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "microtexts" / "arggraph-en"
GOLD = ROOT / "tests" / "data" / "align_gold_argmicro.csv"
TOPICS = {
    "school_uniforms": ["micro_b012", "micro_b030", "micro_b038"],
    "charge_tuition_fees": ["micro_b021", "micro_b048"],
}


def gold() -> set[frozenset[str]]:
    with GOLD.open(encoding="utf-8") as fh:
        return {frozenset((r["left"], r["right"])) for r in csv.DictReader(fh)}


def evaluate(threshold: float, corpus: Path = CORPUS) -> tuple[float, float, int, int, int]:
    """(precision, recall, true positives, proposed, gold) over both topics."""
    want = gold()
    proposed: set[frozenset[str]] = set()
    for names in TOPICS.values():
        maps = [argmap.load(corpus / f"{n}.xml") for n in names]
        rows = align(*maps, threshold=threshold).rows
        proposed |= {frozenset((r.left, r.right)) for r in rows if r.relation == "same"}
    tp = len(proposed & want)
    precision = tp / len(proposed) if proposed else 1.0
    return precision, tp / len(want), tp, len(proposed), len(want)


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    print("| threshold | proposed | correct | gold | precision | recall |")
    print("|---:|---:|---:|---:|---:|---:|")
    for t in (0.2, 0.25, 0.3, 0.4, 0.5):
        p, r, tp, n, g = evaluate(t, corpus)
        print(f"| {t} | {n} | {tp} | {g} | {p:.2f} | {r:.2f} |")


if __name__ == "__main__":
    main()
