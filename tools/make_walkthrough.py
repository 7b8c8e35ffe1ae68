"""Write and execute examples/un_cybercrime_convention/walkthrough.ipynb.

    python tools/make_walkthrough.py          # rebuild the notebook with fresh outputs

tests/test_example_notebook.py runs the notebook top to bottom and checks that the
committed outputs are what a fresh run gives.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "un_cybercrime_convention"
NOTEBOOK = FOLDER / "walkthrough.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "md",
        """# Why does the U.S. Chamber say "abstain"?

A walk through the argument map of the U.S. Chamber of Commerce's brief on the UN
Cybercrime Convention (28 August 2024): load it, look at it, trace each recommendation down
to its evidence and the brief's own words, find what it cannot lose, ask what happens if one
premise falls, check the map's consistency, weigh the objections, and export it.""",
    ),
    (
        "code",
        """import argmap

m = argmap.load("brief.ttl")
m""",
    ),
    (
        "md",
        """The map draws itself in the viewer of argmap's HTML page. The *reading view* is a
top-down tree of the full texts: each recommendation, the reasons it rests on ("because";
"these hold only together" when premises are linked), attacks in red; deeper branches are
folded, with a count, and open on a click. The *diagram* is the whole map, fitted to the
cell: drag to pan, Ctrl and the wheel (or the buttons) to zoom. Click any box for its full
text and the quotes it was read from; type in the box to find text. Where the notebook runs
no scripts (an untrusted notebook), a static picture shows instead. What it holds, by kind:""",
    ),
    ("code", """{kind: n for kind, n in m.counts().items() if n}"""),
    (
        "md",
        """## The justification of "abstain"

`trace` follows every argument down from the recommendation: which premises carry it, which
of them rest on nothing further (basic premises), which are evidence, who asserts them, and
every attack on the way, with whether the map answers it, and under each argument the
critical questions of its scheme, open or answered.""",
    ),
    (
        "code",
        """t = m.trace("abstain")
t""",
    ),
    ("code", """print(argmap.explain(t))"""),
    ("md", """As a table, one row per premise (a pandas frame when pandas is installed):"""),
    ("code", """t.to_frame()[["id", "kind", "text"]].head(12)"""),
    (
        "md",
        """## What can it not lose?

A premise is *critical* when losing it alone leaves the recommendation with no complete
chain of support. The four flaws support the thesis convergently (each suffices alone), so
none of them is critical by itself; `minimal_cut_sets` lists the smallest sets of premises
whose joint loss would.""",
    ),
    ("code", """m.critical_premises("abstain")"""),
    ("code", """argmap.minimal_cut_sets(m, "abstain", max_size=2)"""),
    (
        "md",
        """## What if the Russia premise falls?

Suppose a reader rejects the claim that Russia commandeered the treaty. Does the
recommendation still stand?""",
    ),
    (
        "code",
        """w = m.what_if(remove=["flaw_russia"])
w""",
    ),
    ("code", """"abstain" in w.lost, "focus_on_flaws" in w.lost"""),
    (
        "md",
        """It does: the thesis still rests on the data-security, privacy and human-rights flaws.
Drop all four flaws and the alternatives-based argument fails too:""",
    ),
    (
        "code",
        """sorted(m.what_if(remove=["flaw_russia", "flaw_data_security", "flaw_privacy", "flaw_rights"]).lost)""",
    ),
    ("md", """## The second recommendation"""),
    ("code", """print(argmap.explain(m.trace("focus_on_flaws")))"""),
    (
        "md",
        """## Is the map consistent?

`validate` runs argmap's rules (structure, logic, grounding, hygiene) and names each node
it finds something about, with the quote it came from.""",
    ),
    (
        "code",
        """report = argmap.validate(m)
report""",
    ),
    (
        "md",
        """## Does the recommendation survive its objections?

Formal argumentation semantics weigh every attack and counter-attack: under grounded
semantics a node is IN when everything attacking it is OUT. Gradual (DF-QuAD) strengths
start every node at 0.5 and let supports raise and attacks lower it.""",
    ),
    (
        "code",
        """from argmap.semantics import label_map

result = label_map(m, semantics="grounded")
{rec.id: (m.labels[rec.id], round(m.strengths[rec.id], 3)) for rec in m.recommendations()}""",
    ),
    (
        "md",
        """Both recommendations are IN under grounded semantics: the one objection to "abstain"
(that the convention should be adopted as it stands) is itself rebutted by the thesis that
the text is fundamentally flawed, and both concessions are undercut. In the gradual
reckoning "abstain" stays below 1 because that objection still counts against it, while
"focus_on_flaws", which nothing attacks, reaches 1. The labels travel with the map: they
are in its RDF export and in the picture.""",
    ),
    (
        "code",
        """t = m.trace("abstain")
t""",
    ),
    (
        "md",
        """## What the brief leaves unanswered

Each argument that names a scheme inherits the scheme's critical questions. The brief
answers some (its "However..." answers the concessions' practical reasoning; the Budapest
and OECD records show the alternatives are acceptable); the rest stay open. The open
questions behind "abstain", such as the cost of abstaining (`side-effects`):""",
    ),
    (
        "code",
        """questions = argmap.critical_questions(m, "abstain")
print(len(questions.open()), "open,", len(questions.answered()), "answered")
questions.open().to_frame()[["argument", "scheme", "key", "text"]]""",
    ),
    (
        "md",
        """If every open question counted against its argument (`open_questions="attack"`,
off by default; see docs/semantics.md), would the recommendations survive?""",
    ),
    (
        "code",
        """strict = argmap.accept(m, open_questions="attack")
{rec.id: str(strict.labels[rec.id]) for rec in m.recommendations()}""",
    ),
    (
        "md",
        """## Export

The map is RDF with argmap's ontology; any syntax argmap writes is a call away:""",
    ),
    ("code", """print("\\n".join(argmap.dumps(m, "turtle").splitlines()[:20]))"""),
]


def build() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for kind, source in CELLS:
        cell = (
            nbformat.v4.new_markdown_cell(source)
            if kind == "md"
            else nbformat.v4.new_code_cell(source)
        )
        nb.cells.append(cell)
    return nb


def execute(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(FOLDER)}}
    )
    client.execute()
    return nb


if __name__ == "__main__":
    notebook = execute(build())
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i:02d}"
    nbformat.write(notebook, NOTEBOOK)
    print(f"wrote {NOTEBOOK}")
