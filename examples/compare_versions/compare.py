"""Compare two versions of the brief's map, and carry its quotes over to a revised text.

A revised brief (made here, from the original): the Russia paragraph is dropped, the
data-security flaw reworded, and an editor's note put before everything. The example

1. diffs the map of the original against the map of the revision (``argmap.diff``), and
   prints what each recommendation lost;
2. re-anchors every quote of the brief in the revised text (``m.reanchor``): kept, moved,
   fuzzy or lost;
3. writes the union picture (added green, removed red, changed amber) to ``diff.html``
   when Graphviz is installed.

    python examples/compare_versions/compare.py [BRIEF_TEXT] [OUT_DIR]

BRIEF_TEXT defaults to ../shared/brief/000_1569a3c29e72f5c1.txt beside the checkout (the
brief's text is not in this repository); without it step 2 is skipped.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import argmap
from argmap.display import has_dot

HERE = Path(__file__).resolve().parent
MAP = HERE.parent / "un_cybercrime_convention" / "brief.ttl"
BRIEF = HERE.parents[2] / "shared" / "brief" / "000_1569a3c29e72f5c1.txt"
NOTE = "Editor's note: revised after the August session.\n\n"
RUSSIA = "First, we should all be concerned that the treaty has been"


def revised_map(m: argmap.ArgumentMap) -> argmap.ArgumentMap:
    """The map of the revision: the Russia flaw gone, the data-security flaw reworded."""
    new = m.copy()
    new.remove("flaw_russia")
    nodes = [
        n.model_copy(update={"text": "The treaty leaves personal data poorly protected."})
        if n.id == "flaw_data_security" else n
        for n in new
    ]
    abouts = [(a.statement, a.subject) for a in new.abouts()]
    return argmap.ArgumentMap.from_nodes(nodes, abouts, name=m.name, iri=m.iri, title=m.title)


def revised_text(text: str) -> str:
    """The revision's text: a note first, the Russia sentence gone."""
    start = text.find(RUSSIA)
    if start >= 0:
        end = text.find("\n", start)
        text = text[:start] + text[end:]
    return NOTE + text


def main(brief: Path = BRIEF, out: Path | None = None) -> argmap.MapDiff:
    old = argmap.load(MAP)
    new = revised_map(old)
    d = argmap.diff(old, new)
    print(d.to_text())
    if brief.is_file():
        report = new.reanchor("brief", revised_text(brief.read_text(encoding="utf-8")))
        print({s: report.count(s) for s in ("kept", "moved", "fuzzy", "lost")})
    out = out or Path(tempfile.mkdtemp())
    if has_dot():
        path = argmap.render(d.view(), out / "diff.html")
        print(f"wrote {path}")
    return d


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else BRIEF, Path(args[1]) if len(args) > 1 else None)
