"""ICCMA formats (i23, apx, tgf), and every shared ICCMA instance against known answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import FormatError, ParseError, SemanticsError
from argmap.semantics import (
    AbstractFramework,
    dump_af,
    dumps_af,
    extensions,
    grounded_extension,
    guess_af_format,
    is_sceptically_accepted,
    load_af,
    loads_af,
)

EX1_APX = "arg(a1).\narg(a2).\narg(a3).\natt(a1,a2).\natt(a2,a3).\n"


def test_i23_reads_header_comments_and_attacks() -> None:
    af = loads_af(b"# made by hand\np af 4\n# 1 is a\n1 2\n\n2 3\n3 2\n", "i23")
    assert af.arguments == ("1", "2", "3", "4")
    assert af.attacks == {("1", "2"), ("2", "3"), ("3", "2")}
    assert loads_af("p af 0\n", "i23").arguments == ()
    assert loads_af("p af 2\r\n1 2\r\n", "i23").attacks == {("1", "2")}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("1 2\n", 1, "expected the header"),
        ("", 1, "no 'p af N' header"),
        ("p af 2\n1 2\n1 x\n", 3, "expected an attack"),
        ("p af 2\n1 2 3\n", 2, "expected an attack"),
        ("p af 2\n\n2 0\n", 3, "outside 1..2"),
    ],
)
def test_i23_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        loads_af(text, "i23", filename="bad.af")
    assert info.value.file == "bad.af" and info.value.line == line
    assert str(info.value).startswith(f"bad.af, line {line}: ")


def test_apx_reads_comments_spacing_and_quoted_names() -> None:
    af = loads_af('% a comment\narg(a). arg( "b c" ).\narg(1).\natt(a, "b c").\natt(1,1).', "apx")
    assert af.arguments == ("a", "b c", "1")
    assert af.attacks == {("a", "b c"), ("1", "1")}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("arg(a).\natt(a,b).\n", 2, "which no arg"),
        ("arg(a).\nfoo(a).\n", 2, "expected arg"),
        ("arg(a)\n", 1, "expected arg"),
    ],
)
def test_apx_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        loads_af(text, "apx", filename="bad.apx")
    assert (info.value.file, info.value.line) == ("bad.apx", line)


def test_tgf_reads_labels_and_reports_unknown_names() -> None:
    af = loads_af("a first\nb\n\n#\na b an edge label\n", "tgf")
    assert af.arguments == ("a", "b") and af.attacks == {("a", "b")}
    with pytest.raises(ParseError, match="not listed") as info:
        loads_af("a\n#\na c\n", "tgf", filename="x.tgf")
    assert info.value.line == 3
    with pytest.raises(ParseError, match="expected an attack"):
        loads_af("a\n#\na\n", "tgf")
    with pytest.raises(ParseError, match="UTF-8"):
        loads_af(b"a\n\xff\n", "tgf")


def test_writers_use_the_framework_names() -> None:
    af = AbstractFramework(["x", "Big claim", "y"], [("x", "Big claim"), ("Big claim", "y")])
    assert dumps_af(af, "apx") == (
        'arg(x).\narg("Big claim").\narg(y).\natt(x,"Big claim").\natt("Big claim",y).\n'
    )
    assert dumps_af(af, "i23") == "p af 3\n1 2\n2 3\n"
    assert dumps_af(af, "i23", names=True).splitlines()[1:4] == ["# 1 x", "# 2 Big claim", "# 3 y"]
    with pytest.raises(SemanticsError, match="cannot be written as TGF"):
        dumps_af(af, "tgf")
    with pytest.raises(FormatError, match="unknown ICCMA format"):
        dumps_af(af, "dimacs")
    with pytest.raises(FormatError, match="unknown ICCMA format"):
        loads_af("", "dimacs")


def test_guessing_and_files(tmp_path: Path) -> None:
    assert guess_af_format("a.AF") == "i23"
    assert guess_af_format("a.txt", b"# c\np af 1\n") == "i23"
    assert guess_af_format("a.txt", b"% c\narg(a).\n") == "apx"
    assert guess_af_format("a.txt", b"@prefix am: <x> .") is None
    af = loads_af(EX1_APX, "apx")
    for suffix in (".af", ".apx", ".tgf"):
        path = tmp_path / f"f{suffix}"
        dump_af(af, path)
        back = load_af(path)
        if suffix == ".af":
            assert back == AbstractFramework(["1", "2", "3"], [("1", "2"), ("2", "3")])
        else:
            assert back == af
    odd = tmp_path / "f.txt"
    odd.write_text("a\n#\n")
    with pytest.raises(FormatError, match="cannot tell"):
        load_af(odd)
    assert load_af(odd, "tgf").arguments == ("a",)
    with pytest.raises(FormatError, match="name the ICCMA format"):
        dump_af(af, tmp_path / "f.txt")


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(names, max_size=8, unique=True), st.data())
def test_apx_and_i23_round_trip(arguments: list[str], data: st.DataObject) -> None:
    pairs = (
        data.draw(st.lists(st.tuples(st.sampled_from(arguments), st.sampled_from(arguments))))
        if arguments
        else []
    )
    af = AbstractFramework(arguments, pairs)
    assert loads_af(dumps_af(af, "apx"), "apx") == af
    numbered = loads_af(dumps_af(af, "i23"), "i23")
    assert numbered == AbstractFramework.from_indices(
        len(af),
        [af.index(a) for a, _ in af.iter_attacks()],
        [af.index(b) for _, b in af.iter_attacks()],
    )
    if all(re.fullmatch(r"[^\s#]\S*", a) for a in arguments):
        assert loads_af(dumps_af(af, "tgf"), "tgf") == af


# -- every AF in ../shared/corpora/iccma against its reference answers -------------------------


def _probo(text: str) -> set[frozenset[str]]:
    """Parse a probo solution file: ``[[a1,a2],[a3]]``."""
    return {
        frozenset(x for x in group.split(",") if x)
        for group in re.findall(r"\[([^\[\]]*)\]", text.strip())
    }


def test_every_shared_instance_matches_the_reference_answers(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "iccma"
    answers = json.loads((folder / "reference_answers.json").read_text())
    instances = [a for a in answers["instances"]]
    assert instances, "reference_answers.json lists no instance"
    checked = 0
    for answer in instances:
        for file_name in [answer["instance"], *answer.get("also_applies_to", [])]:
            af = load_af(folder / file_name)
            assert len(af) == answer["n_arguments"], file_name
            assert af.number_of_attacks() == answer["n_attacks"], file_name
            assert grounded_extension(af) == set(answer["grounded"]), file_name
            for semantics in ("complete", "preferred", "stable"):
                known = answer.get(semantics)
                if not known or known.get("enumeration") != "complete":
                    continue
                found = extensions(af, semantics)
                assert len(found) == known["count"], (file_name, semantics)
                if "extensions" in known:
                    assert set(found) == {frozenset(e) for e in known["extensions"]}
                if "skeptically_accepted" in known:
                    sceptical = frozenset.intersection(*found) if found else frozenset()
                    assert sceptical == set(known["skeptically_accepted"])
            checked += 1
    assert checked == len({p.name for p in folder.iterdir() if p.suffix in (".af", ".apx", ".tgf")})


def test_admbuster_sceptical_acceptance(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "iccma"
    af = load_af(folder / "admbuster_1000.af")
    grounded = grounded_extension(af)
    assert len(grounded) == 500
    assert is_sceptically_accepted(af, "1", "preferred")
    assert not is_sceptically_accepted(af, "2", "stable")


def test_probo_solution_files_agree(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "iccma"
    codes = {"CO": "complete", "GR": "grounded", "PR": "preferred", "ST": "stable"}
    solutions = sorted((folder / "probo_solutions").glob("*.EE-*"))
    assert solutions
    for path in solutions:
        instance, _, task = path.name.rpartition(".EE-")
        af = load_af(folder / f"probo_{instance}")
        assert set(extensions(af, codes[task])) == _probo(path.read_text()), path.name
