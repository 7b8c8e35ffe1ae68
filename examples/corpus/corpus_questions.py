"""Load every file of ../shared/corpora into one store and ask the questions across maps.

    python examples/corpus/corpus_questions.py [CORPORA_FOLDER] [STORE_FOLDER]

Files argmap cannot read as maps (texts beside the XML, solution files, notes) are
refused and listed; files with repairable records are read leniently and their repairs
counted. Without STORE_FOLDER the store lives in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from argmap.corpus import Corpus
from argmap.corpus import questions as q
from argmap.store import open_store

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = HERE.parents[1].parent / "shared" / "corpora"


def run(corpora: Path = DEFAULT_CORPORA, store_dir: Path | None = None) -> dict[str, Any]:
    """Load ``corpora`` and answer each question; the answers by name."""
    store_dir = store_dir or Path(tempfile.mkdtemp(prefix="argmap-corpus-"))
    with Corpus(open_store(store_dir)) as corpus:
        report = corpus.load(corpora, lenient=True, workers=2)
        top_actor = next(iter(q.shared_actors(corpus)), None)
        return {
            "report": report,
            "totals": q.totals(corpus),
            "ratios": q.ratios(corpus),
            "schemes": q.schemes(corpus),
            "shared_actors": q.shared_actors(corpus),
            "shared_statements": q.shared_statements(corpus),
            "resting_on": q.resting_on(corpus, top_actor.key) if top_actor else [],
        }


def main() -> None:
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPORA
    store_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    answers = run(corpora, store_dir)
    report = answers.pop("report")
    print(
        f"{len(report.loaded)} maps loaded, {len(report.refused)} files refused, "
        f"{report.repaired_records} records repaired or skipped, {report.triples} triples"
    )
    for f in report.refused:
        print(f"  refused: {f.error}")
    for name, rows in answers.items():
        print(f"\n{name}: {len(rows)} rows")
        for row in list(rows)[:5]:
            print(f"  {row}")


if __name__ == "__main__":
    main()
