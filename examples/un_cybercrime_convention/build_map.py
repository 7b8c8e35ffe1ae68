"""The argument map of the U.S. Chamber of Commerce brief on the UN Cybercrime Convention.

The brief (Jordan G. Heiber, U.S. Chamber of Commerce, published 28 August 2024) argues
that the U.S. should abstain from the vote on the UN Cybercrimes Convention and work on
its flaws instead. This script rebuilds the brief's argument, move by move, with the
public argmap API, one section per part of the brief:

1. byline and metadata             5. the four flaws
2. background                      6. the alternatives (Budapest Convention, OECD Declaration)
3. the concession and its answer   7. the bottom line (restatements)
4. thesis and recommendation

Every statement, actor and alternative is anchored to a short exact quote from the brief.
Node texts are our paraphrases; the quotes are the brief's own words. The brief's text is
not stored here: each anchor's offsets, prefix and suffix were precomputed against it and
are kept in ``_POSITIONS`` at the end of this file, so the map is identical whether or not
the brief is at hand. When it is (``../shared/brief/...`` beside the checkout, or the file
named by ``$ARGMAP_BRIEF``), every anchor is re-found in it and checked.

Conventions used throughout:

* *Linked* premises (one ``m.argue([p1, p2], c)`` call) hold only jointly; *convergent*
  support (several ``m.argue`` calls for one conclusion) means each reason stands alone.
  The comment above each call says which and why.
* Statements and relations the brief implies but does not state are tagged
  ``interpretive`` (and carry a ``data["note"]``), so a reviewer can filter them.
* Variables hold node *ids* (``m.claim(...).id``): models are frozen, so anchoring a
  node replaces its model in the map with an updated copy, and the id is what stays put.
* Stances: the author (Heiber) asserts the claims made in the brief's own voice; the
  Chamber asserts the two recommendations ("the Chamber recommends ...").

Run from the repository root::

    python examples/un_cybercrime_convention/build_map.py

It writes ``brief.ttl`` and ``brief.jsonld`` beside this file and prints the trace of
each recommendation.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import argmap
from argmap import Anchor, ArgumentMap
from argmap.model import Node

HERE = Path(__file__).resolve().parent
BRIEF_NAME = "000_1569a3c29e72f5c1.txt"
BRIEF_ENV = "ARGMAP_BRIEF"
CONTEXT = 32  # characters of prefix / suffix kept with each quote

INTERPRETIVE = ("interpretive",)
KINDS = ("claim", "evidence", "recommendation", "actor", "alternative", "issue", "source",
         "argument", "attack", "stance")

# Scheme names (Walton-style argumentation schemes) used in this map.
PRACTICAL = "practical reasoning"
ALTERNATIVES = "argument from alternatives"
CONSEQUENCES = "argument from consequences"
NEGATIVE_CONSEQUENCES = "argument from negative consequences"
EXPERT_OPINION = "argument from expert opinion"
VALUES = "argument from values"
EXAMPLE = "argument from example"
ANALOGY = "argument from analogy"


def brief_path() -> Path:
    """Where the brief's text is expected: ``$ARGMAP_BRIEF`` or ``<root>/shared/brief/...``."""
    override = os.environ.get(BRIEF_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "shared" / "brief" / BRIEF_NAME


def read_brief() -> str | None:
    """The brief's text, or None when it is not at hand (the map is built all the same)."""
    path = brief_path()
    return path.read_text(encoding="utf-8") if path.is_file() else None


class AnchorMismatch(ValueError):
    """A stored anchor does not match the brief's text (the brief or the table changed)."""


class Quoter:
    """Anchors nodes to quotes from the brief, using the precomputed ``_POSITIONS`` table.

    With the brief's text at hand, each quote is also found by ``m.anchor(text=...)`` and
    the result must equal the stored anchor exactly; without it, the stored offsets,
    prefix and suffix are used as they are. Either way the map is the same.
    """

    def __init__(self, m: ArgumentMap, text: str | None) -> None:
        self.m = m
        self.text = text

    def __call__(self, node: str | Node, exact: str, occurrence: int = 1) -> Anchor:
        node_id = node if isinstance(node, str) else node.id
        try:
            start, end, prefix, suffix = _POSITIONS[(exact, occurrence)]
        except KeyError:
            raise AnchorMismatch(
                f"no stored position for quote {exact!r} (occurrence {occurrence})"
            ) from None
        if len(prefix) > CONTEXT or len(suffix) > CONTEXT:
            raise AnchorMismatch(f"stored context of quote {exact!r} exceeds {CONTEXT} characters")
        if end - start != len(exact):
            raise AnchorMismatch(f"stored offsets {start}..{end} do not fit quote {exact!r}")
        if self.text is None:
            return self.m.anchor(
                node_id, exact, source="brief", start=start, end=end, prefix=prefix, suffix=suffix
            )
        found = self.m.anchor(node_id, exact, source="brief", text=self.text, occurrence=occurrence)
        stored = (start, end, prefix, suffix)
        if (found.start, found.end, found.prefix, found.suffix) != stored:
            raise AnchorMismatch(
                f"quote {exact!r} (occurrence {occurrence}) is at "
                f"{(found.start, found.end, found.prefix, found.suffix)!r} in "
                f"{brief_path()}, but the script stores {stored!r}"
            )
        return found


def build(text: str | None = None) -> ArgumentMap:
    """Build the map of the brief.

    Args:
        text: the brief's text, to double-check every anchor against; by default it is
            read from :func:`brief_path` when present. The map is the same either way.

    Returns:
        The argument map.

    Examples:
        >>> m = build()
        >>> sorted(r.id for r in m.recommendations())
        ['abstain', 'focus_on_flaws']
    """
    if text is None:
        text = read_brief()
    m = ArgumentMap("un-cybercrime-convention", title="U.S. Chamber of Commerce on the UN "
                    "Cybercrime Convention (28 August 2024)")
    q = Quoter(m, text)
    _byline(m, q)
    _background(m, q)
    _concession_and_answer(m, q)
    _thesis_and_recommendation(m, q)
    _flaws(m, q)
    _alternatives(m, q)
    _bottom_line(m, q)
    return m


# --------------------------------------------------------------------------------------
# 1. Byline and metadata
#    "Jordan G. Heiber / Vice President, International Digital Economy Policy,
#     U.S. Chamber of Commerce / Published August 28, 2024"
# --------------------------------------------------------------------------------------
def _byline(m: ArgumentMap, q: Quoter) -> None:
    heiber = m.actor(
        "Jordan G. Heiber",
        type="person",
        id="heiber",
        data={
            "position": "Vice President, International Digital Economy Policy, "
            "U.S. Chamber of Commerce"
        },
    ).id
    chamber = m.actor("U.S. Chamber of Commerce", type="organisation", id="chamber").id

    # The source comes first: every anchor points into it. The brief carries no title
    # line of its own, so the source title below is descriptive.
    brief = m.source(
        "U.S. Chamber of Commerce brief on the UN Cybercrimes Convention",
        id="brief",
        author=heiber,
        publisher=chamber,
        date="2024-08-28",
    ).id
    q(brief, "August 28, 2024")

    q(heiber, "Jordan G. Heiber")
    q(heiber, "Vice President, International Digital Economy Policy")
    # The "About the authors" note: his portfolio at the Chamber.
    q(heiber, "leads the Chamber’s international privacy and data flow policy portfolio")
    q(chamber, "U.S. Chamber of Commerce")


# --------------------------------------------------------------------------------------
# 2. Background: what the Convention is (stated as fact, no argument attached)
#    "The United Nations is on the cusp of finalizing the UN Cybercrimes Convention. It is
#     a first-of-its-kind treaty that establishes a global framework to combat cybercrimes,
#     ranging from unauthorized access ... to ... non-consensual explicit content."
# --------------------------------------------------------------------------------------
def _background(m: ArgumentMap, q: Quoter) -> None:
    un = m.actor("United Nations", type="organisation", id="un").id
    q(un, "The United Nations")

    # The question the brief's options answer: the UN treaty, or the other approaches
    # its "Alternative Approaches" section offers.
    framework = m.issue(
        "Which international framework should carry cooperation against cybercrime?",
        id="framework",
    ).id
    q(framework, "a global framework to combat cybercrimes")
    q(framework, "Alternative Approaches")

    un_convention = m.alternative(
        "UN Cybercrimes Convention (the draft treaty the UN is finalising)",
        id="un_convention",
        issue=framework,
    ).id
    q(un_convention, "UN Cybercrimes Convention")
    q(un_convention, "the draft text of the Cybercrime Convention")

    finalizing = m.evidence(
        "The UN is close to finalising the UN Cybercrimes Convention.",
        id="un_finalizing",
        source="brief",
        tags=("background",),
    ).id
    q(finalizing, "on the cusp of finalizing")

    first = m.evidence(
        "The Convention is the first treaty of its kind: it sets up a global framework "
        "for fighting cybercrime.",
        id="first_of_kind",
        source="brief",
        tags=("background",),
    ).id
    q(first, "a first-of-its-kind treaty")
    q(first, "establishes a global framework to combat cybercrimes")

    scope = m.evidence(
        "The crimes it covers run from unauthorised access to information systems to "
        "online child exploitation and the spreading of non-consensual explicit content.",
        id="scope",
        source="brief",
        tags=("background",),
    ).id
    q(scope, "ranging from unauthorized access to information systems")
    q(scope, "online child exploitation and the distribution of non-consensual explicit content")

    for fact in (finalizing, first, scope):
        m.about(fact, un_convention)
    m.about(finalizing, un)

    # The UN is finalising its own treaty: it stands behind that option.
    s = m.stance(un, "endorses", un_convention)
    q(s, "on the cusp of finalizing")


# --------------------------------------------------------------------------------------
# 3. The concession and its answer
#    "With its emphasis on international collaboration to address threats to vulnerable
#     populations and curb the spread of malicious software, ransomware, and explicit
#     content-related offenses, the UN’s goals are laudable ... However, the UN’s approach
#     and the draft text of the Cybercrime Convention are fundamentally flawed."
#
#    The concession is a reason for the other side: laudable goals make the treaty worth
#    adopting. The brief never states that conclusion, so we add it as an interpretive
#    claim (``adopt_convention``) and let the concession argue for it. The author grants
#    the premise and denies that it carries the conclusion: the thesis *undercuts* that
#    inference ("However, ... fundamentally flawed"). The thesis also rebuts adopting the
#    text unchanged ("Absent important changes").
# --------------------------------------------------------------------------------------
def _concession_and_answer(m: ArgumentMap, q: Quoter) -> None:
    vulnerable = m.actor("Vulnerable populations", type="group", id="vulnerable_populations").id
    q(vulnerable, "vulnerable populations")

    emphasis = m.evidence(
        "The Convention stresses international collaboration to counter threats to "
        "vulnerable populations and to curb the spread of malicious software, ransomware "
        "and explicit-content offences.",
        id="un_emphasis",
        source="brief",
    ).id
    q(emphasis, "its emphasis on international collaboration")
    q(emphasis, "curb the spread of malicious software, ransomware")
    m.about(emphasis, "un_convention")
    m.about(emphasis, vulnerable)

    laudable = m.claim(
        "The UN's aims for the treaty are commendable and show a sincere commitment to some "
        "of the most pressing problems of the digital age.",
        id="goals_laudable",
    ).id
    q(laudable, "the UN’s goals are laudable")
    q(laudable, "a genuine commitment to address some of the most pressing challenges")
    m.about(laudable, "un")
    m.about(laudable, "un_convention")
    # The goals are laudable *because of* what they aim at: protecting vulnerable people,
    # curbing malware and ransomware. One premise, scheme: argument from values.
    m.argue([emphasis], laudable, scheme=VALUES, id="arg_goals_laudable")
    m.stance("heiber", "asserts", laudable)

    # The other side's position, implied by the concession and named by the February
    # letter as what it opposes ("the adoption of such a flawed treaty").
    adopt = m.claim(
        "The UN Cybercrimes Convention should be adopted without major changes.",
        id="adopt_convention",
        tags=INTERPRETIVE,
        data={"note": "the other side's position; implied by the concessions, never "
                      "asserted in the brief"},
    ).id
    q(adopt, "finalizing the UN Cybercrimes Convention")
    q(adopt, "the adoption of such a flawed treaty")
    m.about(adopt, "un_convention")
    # The UN, finalising the treaty, is the side that seeks its adoption.
    m.stance("un", "endorses", adopt, tags=INTERPRETIVE)

    # The other side's reasoning: a treaty with laudable goals is worth adopting.
    pro_goals = m.argue(
        [laudable],
        adopt,
        scheme=PRACTICAL,
        id="pro_goals",
        tags=INTERPRETIVE,
        data={"note": "the other side's argument from the brief's first concession"},
    ).id

    # The answer: the thesis.
    flawed = m.claim(
        "Both the UN's approach and the Convention's draft text have fundamental flaws.",
        id="flawed",
    ).id
    q(flawed, "the UN’s approach and the draft text")
    q(flawed, "are fundamentally flawed")
    m.about(flawed, "un")
    m.about(flawed, "un_convention")
    m.stance("heiber", "asserts", flawed)

    # "However, ...": granted, the goals are laudable, but that does not make this
    # treaty worth adopting, since its approach and text are flawed. An undercut: it
    # attacks the inference from goals to adoption, not the goals.
    # Of practical reasoning's critical questions it answers "is this action the best
    # means to the goal?": adopting a flawed text is a poor way to serve laudable goals.
    answer = m.attack(flawed, pro_goals, type="undercut", id="answer_goals",
                      question="practical-reasoning.best-means").id
    q(answer, "However, the UN’s approach")
    # "Absent important changes": the flawed text should not be adopted as it stands.
    rebut = m.attack(flawed, adopt, type="rebut", id="flawed_vs_adoption").id
    q(rebut, "Absent important changes")


# --------------------------------------------------------------------------------------
# 4. Thesis and recommendation
#    "Absent important changes, the U.S. Chamber recommends the U.S. abstain from the UN
#     Cybercrimes Convention vote."
# --------------------------------------------------------------------------------------
def _thesis_and_recommendation(m: ArgumentMap, q: Quoter) -> None:
    us = m.actor("United States (the U.S. government, \"Washington\")", type="state", id="us").id
    q(us, "The U.S.")
    q(us, "Washington")

    abstain = m.recommendation(
        "Unless important changes are made, the United States should abstain in the vote "
        "on the UN Cybercrimes Convention.",
        id="abstain",
    ).id
    q(abstain, "Absent important changes")
    q(abstain, "recommends the U.S. abstain from the UN Cybercrimes Convention vote", 1)
    m.about(abstain, "un_convention")

    # Practical reasoning: the treaty is fundamentally flawed, so (absent changes) the
    # U.S. should not lend it its vote. One premise; the flaws of section 5 support it.
    m.argue(["flawed"], abstain, scheme=PRACTICAL, id="arg_abstain_flawed")

    # The other side's position counts against abstaining.
    m.attack("adopt_convention", abstain, type="rebut", id="adoption_vs_abstain",
             tags=INTERPRETIVE)

    s = m.stance("chamber", "asserts", abstain)
    q(s, "the U.S. Chamber recommends")
    s = m.stance(us, "addressed_by", abstain)
    q(s, "the U.S. abstain", 1)


# --------------------------------------------------------------------------------------
# 5. The four flaws ("Flaws in the Treaty")
#    Each flaw is a separate reason for the thesis ("First ... Second ... Third ...
#    Finally"), so each gets its own argument: convergent support. Dropping one (say,
#    the Russia flaw) leaves the thesis standing on the others.
# --------------------------------------------------------------------------------------
def _flaws(m: ArgumentMap, q: Quoter) -> None:
    _flaw_russia(m, q)
    _flaw_data_security(m, q)
    _flaw_privacy(m, q)
    _flaw_rights(m, q)


def _flaw_russia(m: ArgumentMap, q: Quoter) -> None:
    # "First, we should all be concerned that the treaty has been “commandeered” by
    #  Russia, warranting skepticism among democratic countries and stakeholders alike."
    russia = m.actor("Russia", type="state", id="russia").id
    q(russia, "Russia")
    democracies = m.actor("Democratic countries", type="group", id="democratic_countries").id
    q(democracies, "democratic countries")
    stakeholders = m.actor("Stakeholders", type="group", id="stakeholders").id
    q(stakeholders, "stakeholders")

    flaw = m.claim(
        "Russia has taken control of the treaty (\"commandeered\" it), which should worry "
        "everyone and gives democratic countries and stakeholders reason to be skeptical "
        "of it.",
        id="flaw_russia",
    ).id
    q(flaw, "we should all be concerned")
    q(flaw, "the treaty has been “commandeered” by Russia")
    q(flaw, "warranting skepticism among democratic countries and stakeholders alike")
    m.about(flaw, russia)
    m.about(flaw, "un_convention")
    # No scheme named: the brief leaves implicit why Russian control is a reason for
    # skepticism, and we do not supply the missing premise.
    m.argue([flaw], "flawed", id="arg_flaw_russia")
    m.stance("heiber", "asserts", flaw)
    for group in (democracies, stakeholders):
        s = m.stance(group, "addressed_by", flaw)
        q(s, "warranting skepticism among democratic countries and stakeholders alike")


def _flaw_data_security(m: ArgumentMap, q: Quoter) -> None:
    # "Second, it does not adequately address data security issues, leaving significant
    #  gaps in the protection of personal and sensitive information."
    flaw = m.claim(
        "The treaty does not deal adequately with data security, leaving large gaps in the "
        "protection of personal and sensitive information.",
        id="flaw_data_security",
    ).id
    q(flaw, "does not adequately address data security issues")
    q(flaw, "leaving significant gaps in the protection of personal and sensitive information")
    m.about(flaw, "un_convention")
    # The flaw is the harm that would follow (unprotected information).
    m.argue([flaw], "flawed", scheme=NEGATIVE_CONSEQUENCES, id="arg_flaw_data_security")
    m.stance("heiber", "asserts", flaw)


def _flaw_privacy(m: ArgumentMap, q: Quoter) -> None:
    # "Third, the agreement fails to provide the robust privacy safeguards needed to avoid
    #  government overreach, unchecked surveillance, and unauthorized access to sensitive
    #  data."
    governments = m.actor("Governments", type="group", id="governments").id
    q(governments, "government overreach", 1)

    flaw = m.claim(
        "The treaty lacks the strong privacy safeguards needed to prevent government "
        "overreach, unchecked surveillance and unauthorised access to sensitive data.",
        id="flaw_privacy",
    ).id
    q(flaw, "fails to provide the robust privacy safeguards")
    q(flaw, "avoid government overreach, unchecked surveillance")
    q(flaw, "unauthorized access to sensitive data")
    m.about(flaw, "un_convention")
    m.about(flaw, governments)
    # Without the safeguards, overreach and surveillance follow: negative consequences.
    m.argue([flaw], "flawed", scheme=NEGATIVE_CONSEQUENCES, id="arg_flaw_privacy")
    m.stance("heiber", "asserts", flaw)


def _flaw_rights(m: ArgumentMap, q: Quoter) -> None:
    # "Finally, throughout the negotiation process, civil society groups have also raised
    #  concerns about government overreach and the balance between security and human
    #  rights. In a letter this past February to the Chair of the UN’s Ad Hoc Committee on
    #  Cybercrime, these organizations partnered with business groups to highlight their
    #  deep concern over “the adoption of such a flawed treaty without major changes.” The
    #  U.S. has experienced its own challenges in this space, reflected in Washington
    #  ultimately scaling back the extent of commitments agreed upon by some 60 countries
    #  when the U.S.-led Declaration for the Future of the Internet was launched in 2022."
    civil = m.actor("Civil society groups", type="group", id="civil_society").id
    q(civil, "civil society groups", 1)
    q(civil, "civil society groups", 2)
    business = m.actor("Business groups", type="group", id="business_groups").id
    q(business, "business groups")
    committee = m.actor("UN Ad Hoc Committee on Cybercrime", type="body", id="ad_hoc_committee").id
    q(committee, "Ad Hoc Committee on Cybercrime")
    chair = m.actor("Chair of the UN Ad Hoc Committee on Cybercrime", type="person",
                    id="committee_chair").id
    q(chair, "the Chair")

    letter = m.source(
        "Letter from civil society and business groups to the Chair of the UN Ad Hoc "
        "Committee on Cybercrime",
        id="letter_feb",
        author=civil,
        date="2024-02",
        data={"co_authors": ["business_groups"],
              "date_note": "\"this past February\", counted back from the brief's date"},
    ).id
    q(letter, "a letter this past February")

    flaw = m.claim(
        "The treaty raises concerns about government overreach and about the balance it "
        "strikes between security and human rights.",
        id="flaw_rights",
    ).id
    q(flaw, "concerns about government overreach and the balance between security and human rights")
    m.about(flaw, "un_convention")
    m.about(flaw, "governments")

    concerns = m.evidence(
        "Throughout the negotiations, civil society groups have raised concerns about "
        "government overreach and the balance between security and human rights.",
        id="civil_society_concerns",
        source="brief",
    ).id
    q(concerns, "throughout the negotiation process, civil society groups have also raised")
    m.about(concerns, civil)

    letter_concern = m.evidence(
        "In a letter last February to the Chair of the UN Ad Hoc Committee on Cybercrime, "
        "these organisations and business groups together voiced deep concern about "
        "adopting such a flawed treaty without major changes.",
        id="letter_concern",
        source=letter,
    ).id
    q(letter_concern, "In a letter this past February to the Chair")
    q(letter_concern, "partnered with business groups to highlight their deep concern")
    q(letter_concern, "the adoption of such a flawed treaty without major changes")
    for who in (civil, business, committee):
        m.about(letter_concern, who)

    # Group opinion: the groups' concerns and their joint verdict in the letter make one
    # appeal to the judgement of those who followed the negotiations. Linked: the brief
    # presents the letter as the same groups ("these organizations") saying what their
    # concerns amount to.
    m.argue([concerns, letter_concern], flaw, scheme=EXPERT_OPINION, id="arg_rights_opinion")

    # The aside about the U.S.'s own record in "this space".
    own = m.claim(
        "The United States has had difficulties of its own in this area.",
        id="us_own_challenges",
    ).id
    q(own, "The U.S. has experienced its own challenges in this space")
    m.about(own, "us")

    dfi_countries = m.actor(
        "Some 60 countries that agreed the Declaration for the Future of the Internet",
        type="group",
        id="dfi_countries",
    ).id
    q(dfi_countries, "some 60 countries")

    dfi = m.source(
        "Declaration for the Future of the Internet",
        id="dfi",
        date="2022",
        data={"led_by": "us"},
    ).id
    q(dfi, "Declaration for the Future of the Internet")

    scaled_back = m.evidence(
        "When the U.S.-led Declaration for the Future of the Internet was launched in 2022, "
        "Washington ended up scaling back the commitments that some 60 countries agreed.",
        id="dfi_scaled_back",
        source=dfi,
    ).id
    q(scaled_back, "Washington ultimately scaling back the extent of commitments")
    q(scaled_back, "agreed upon by some 60 countries")
    q(scaled_back, "the U.S.-led Declaration for the Future of the Internet was launched in 2022")
    m.about(scaled_back, "us")
    m.about(scaled_back, dfi_countries)

    # "reflected in": the DFI episode is the example that shows the U.S.'s own challenges.
    m.argue([scaled_back], own, scheme=EXAMPLE, id="arg_us_own_challenges")
    # How the aside bears on the flaw is left implicit; we read "its own challenges in
    # this space" as a parallel: even the U.S. has struggled to strike this balance.
    m.argue(
        [own],
        flaw,
        scheme=ANALOGY,
        id="arg_rights_analogy",
        tags=INTERPRETIVE,
        data={"note": "the brief does not say what the aside supports; read as a parallel"},
    )

    # The fourth flaw counts toward the thesis: overreach and an unsettled balance
    # between security and rights are harms the treaty risks.
    m.argue([flaw], "flawed", scheme=NEGATIVE_CONSEQUENCES, id="arg_flaw_rights")

    m.stance("heiber", "asserts", flaw)
    m.stance("heiber", "asserts", own)
    s = m.stance(civil, "asserts", flaw)
    q(s, "civil society groups have also raised concerns")
    s = m.stance(civil, "opposes", "adopt_convention")
    q(s, "the adoption of such a flawed treaty without major changes")
    s = m.stance(business, "opposes", "adopt_convention")
    q(s, "partnered with business groups to highlight their deep concern")
    s = m.stance(chair, "addressed_by", letter_concern)
    q(s, "In a letter this past February to the Chair")


# --------------------------------------------------------------------------------------
# 6. Alternative approaches
#    "There are other options that don’t face the same challenges as the UN Cybercrimes
#     Convention." Then the Budapest Convention and, "similarly", the OECD Declaration.
#
#    Each alternative's case is one *linked* argument for "there are other options": the
#    claim that it does better (rights-respecting / more balanced) together with the facts
#    that show it is a working, agreed instrument (in effect 20 years, 76 parties, 17
#    candidates; adopted December 2022). The two alternatives converge: either one alone
#    shows that other options exist.
# --------------------------------------------------------------------------------------
def _alternatives(m: ArgumentMap, q: Quoter) -> None:
    other = m.claim(
        "There are other options that avoid the problems the UN Cybercrimes Convention has.",
        id="other_options",
    ).id
    q(other, "There are other options that don’t face the same challenges")
    m.about(other, "un_convention")
    m.stance("heiber", "asserts", other)

    _budapest(m, q, other)
    _oecd(m, q, other)

    # Argument from alternatives: the treaty is flawed AND better options exist, so the
    # U.S. should not back it. Linked: "options that don't face the same challenges" only
    # counts against the treaty if the treaty has those challenges.
    m.argue(["flawed", other], "abstain", scheme=ALTERNATIVES, id="arg_abstain_alternatives")


def _budapest(m: ArgumentMap, q: Quoter, other: str) -> None:
    # "The Budapest Convention offers a rights-respecting approach to international
    #  cooperation and capacity building to investigate and fight cybercrimes. It has been
    #  in effect for 20 years, 76 nations are party to it, and another 17 countries
    #  eligible to and interested in acceding."
    budapest = m.alternative("Budapest Convention", id="budapest", issue="framework").id
    q(budapest, "The Budapest Convention")

    rights = m.claim(
        "The Budapest Convention gives a rights-respecting way to cooperate internationally "
        "and build capacity to investigate and fight cybercrime.",
        id="budapest_rights_respecting",
    ).id
    q(rights, "offers a rights-respecting approach to international cooperation")
    q(rights, "capacity building to investigate and fight cybercrimes")

    years = m.evidence(
        "The Budapest Convention has been in force for 20 years.",
        id="budapest_20_years",
        source="brief",
        data={"years_in_effect": 20},
    ).id
    q(years, "in effect for 20 years")

    parties = m.actor("The 76 nations party to the Budapest Convention", type="group",
                      id="budapest_parties").id
    q(parties, "76 nations")
    n_parties = m.evidence(
        "76 nations are party to the Budapest Convention.",
        id="budapest_76_parties",
        source="brief",
        data={"parties": 76},
    ).id
    q(n_parties, "76 nations are party to it")

    candidates = m.actor(
        "17 more countries eligible and interested in acceding to the Budapest Convention",
        type="group",
        id="budapest_candidates",
    ).id
    q(candidates, "another 17 countries")
    n_candidates = m.evidence(
        "Another 17 countries are eligible to accede to the Budapest Convention and "
        "interested in doing so.",
        id="budapest_17_acceding",
        source="brief",
        data={"countries": 17},
    ).id
    q(n_candidates, "another 17 countries eligible to and interested in acceding")

    for stmt in (rights, years, n_parties, n_candidates):
        m.about(stmt, budapest)
    m.about(n_parties, parties)
    m.about(n_candidates, candidates)

    # Linked (see the section note): its approach plus its record make the Budapest case.
    # It also answers a critical question of the argument from alternatives for abstaining
    # (section 6 end): is the remaining option acceptable in its own right? Yes: it
    # respects rights and has a long, wide record.
    m.argue([rights, years, n_parties, n_candidates], other, scheme=ALTERNATIVES,
            id="arg_alt_budapest", question="alternatives.acceptable")

    m.stance("heiber", "asserts", rights)
    m.stance("heiber", "endorses", budapest)
    s = m.stance(parties, "endorses", budapest)
    q(s, "76 nations are party to it")
    s = m.stance(candidates, "endorses", budapest)
    q(s, "interested in acceding")


def _oecd(m: ArgumentMap, q: Quoter, other: str) -> None:
    # "Similarly, the OECD’s Declaration on Government Access to Personal Data Held by
    #  Private Sector Entities, adopted in December 2022, offers a more balanced and
    #  effective approach to addressing cybercrime." Three features follow, each with what
    #  it achieves.
    oecd = m.actor("OECD", type="organisation", id="oecd").id
    q(oecd, "OECD", 1)
    q(oecd, "OECD", 2)

    declaration = m.alternative(
        "OECD Declaration on Government Access to Personal Data Held by Private Sector "
        "Entities",
        id="oecd_declaration",
        issue="framework",
    ).id
    q(
        declaration,
        "Declaration on Government Access to Personal Data Held by Private Sector Entities",
    )
    q(declaration, "the OECD agreement")

    text = m.source(
        "OECD Declaration on Government Access to Personal Data Held by Private Sector "
        "Entities",
        id="oecd_declaration_text",
        publisher=oecd,
        date="2022-12",
    ).id
    q(text, "the OECD’s Declaration")

    adopted = m.evidence(
        "The OECD Declaration was adopted in December 2022.",
        id="oecd_adopted",
        source=text,
        data={"adopted": "2022-12"},
    ).id
    q(adopted, "adopted in December 2022")

    balanced = m.claim(
        "The OECD Declaration takes a more balanced and effective approach to cybercrime "
        "than the UN Convention.",
        id="oecd_balanced",
    ).id
    q(balanced, "offers a more balanced and effective approach to addressing cybercrime")

    # Each feature (a fact about the Declaration's content) with what the brief says it
    # achieves ("helping to ensure", "thereby enhancing", "providing"): argument from
    # consequences, one premise each.
    safeguards = m.evidence(
        "The Declaration stresses strong safeguards for data privacy and data protection.",
        id="oecd_safeguards",
        source=text,
    ).id
    q(safeguards, "emphasizes robust data privacy and data protection safeguards")
    transparency = m.claim(
        "Those safeguards help make government access to data transparent and accountable.",
        id="oecd_transparency",
    ).id
    q(transparency, "government access to data is transparent and accountable")
    m.argue([safeguards], transparency, scheme=CONSEQUENCES, id="arg_oecd_transparency")

    mlats = m.evidence(
        "The Declaration promotes mutual legal assistance treaties (MLATs) as the channel "
        "for cross-border data requests.",
        id="oecd_mlats",
        source=text,
    ).id
    q(mlats, "promotes the use of mutual legal assistance treaties (MLATs)")
    q(mlats, "to facilitate cross-border data requests")
    cooperation = m.claim(
        "Working through MLATs strengthens international cooperation without compromising "
        "individual rights.",
        id="oecd_cooperation",
    ).id
    q(cooperation, "enhancing international cooperation without compromising individual rights")
    m.argue([mlats], cooperation, scheme=CONSEQUENCES, id="arg_oecd_cooperation")

    practices = m.evidence(
        "The Declaration encourages the adoption of best practices and standards for data "
        "security.",
        id="oecd_best_practices",
        source=text,
    ).id
    q(practices, "encourages the adoption of best practices and standards for data security")
    worldwide = m.actor("Countries worldwide", type="group", id="countries_worldwide").id
    q(worldwide, "countries worldwide")
    framework = m.claim(
        "That gives a comprehensive framework that countries anywhere can put into practice.",
        id="oecd_framework",
    ).id
    q(framework, "a comprehensive framework that can be operationalized by countries worldwide")
    m.about(framework, worldwide)
    m.argue([practices], framework, scheme=CONSEQUENCES, id="arg_oecd_framework")

    # The three results are separate reasons ("This agreement ... It promotes ...
    # Finally, ...") for calling the approach more balanced and effective: convergent.
    # No scheme is named; each is simply a feature that counts toward the verdict.
    m.argue([transparency], balanced, id="arg_oecd_balanced_transparency")
    m.argue([cooperation], balanced, id="arg_oecd_balanced_cooperation")
    m.argue([framework], balanced, id="arg_oecd_balanced_framework")

    for stmt in (adopted, balanced, safeguards, transparency, mlats, cooperation, practices,
                 framework):
        m.about(stmt, declaration)
    m.about(adopted, oecd)
    m.about(transparency, "governments")

    # Linked (see the section note): a better approach, in an instrument actually adopted.
    m.argue([balanced, adopted], other, scheme=ALTERNATIVES, id="arg_alt_oecd",
            question="alternatives.acceptable")  # as arg_alt_budapest: an acceptable option

    for stmt in (balanced, transparency, cooperation, framework):
        m.stance("heiber", "asserts", stmt)
    m.stance("heiber", "endorses", declaration)
    s = m.stance(oecd, "endorses", declaration)
    q(s, "the OECD’s Declaration")


# --------------------------------------------------------------------------------------
# 7. Bottom line
#    "While the UN Cybercrimes Convention rightfully focuses on tackling global cybercrime,
#     its shortcomings in data security, privacy and procedural safeguards, and the human
#     rights concerns raised by civil society groups cannot be easily overlooked. The
#     Chamber recommends the U.S. abstain from the UN Cybercrimes Convention vote and focus
#     instead on addressing its flaws."
#
#    A second concession ("rightfully focuses"), answered like the first: the shortcomings
#    undercut the step from a right focus to adoption. The abstention is restated (a
#    second anchor on the same recommendation) and a second recommendation is added.
# --------------------------------------------------------------------------------------
def _bottom_line(m: ArgumentMap, q: Quoter) -> None:
    focus = m.claim(
        "The Convention is right to concentrate on tackling cybercrime worldwide.",
        id="rightful_focus",
    ).id
    q(focus, "rightfully focuses on tackling global cybercrime")
    m.about(focus, "un_convention")
    m.stance("heiber", "asserts", focus)

    pro_focus = m.argue(
        [focus],
        "adopt_convention",
        scheme=PRACTICAL,
        id="pro_focus",
        tags=INTERPRETIVE,
        data={"note": "the other side's argument from the brief's second concession"},
    ).id

    shortcomings = m.claim(
        "The Convention's weaknesses in data security, privacy and procedural safeguards, "
        "and the human-rights concerns civil society groups have raised, are too serious to "
        "be set aside easily.",
        id="shortcomings",
    ).id
    q(shortcomings, "its shortcomings in data security, privacy and procedural safeguards")
    q(shortcomings, "the human rights concerns raised by civil society groups")
    q(shortcomings, "cannot be easily overlooked")
    m.about(shortcomings, "un_convention")
    m.about(shortcomings, "civil_society")
    m.stance("heiber", "asserts", shortcomings)
    # The bottom line gathers flaws two, three and four (Russia is not repeated) into one
    # verdict about them all: linked. No scheme: it is a summary.
    m.argue(["flaw_data_security", "flaw_privacy", "flaw_rights"], shortcomings,
            id="arg_shortcomings")

    # "While ..., ... cannot be easily overlooked": the answer to the second concession.
    # Of practical reasoning's critical questions it answers "would the action have costs
    # or side effects that outweigh the goal?": the shortcomings are those costs.
    answer = m.attack(shortcomings, pro_focus, type="undercut", id="answer_focus",
                      question="practical-reasoning.side-effects").id
    q(answer, "While the UN Cybercrimes Convention")

    # The recommendation, restated.
    q("abstain", "recommends the U.S. abstain from the UN Cybercrimes Convention vote", 2)
    # Practical reasoning again, now from the bottom line's verdict: convergent with the
    # argument from the thesis (section 4), since the brief gives each on its own.
    m.argue([shortcomings], "abstain", scheme=PRACTICAL, id="arg_abstain_bottom_line")

    fix = m.recommendation(
        "Instead, the United States should concentrate on getting the Convention's flaws "
        "addressed.",
        id="focus_on_flaws",
    ).id
    q(fix, "focus instead on addressing its flaws")
    m.about(fix, "un_convention")
    # Practical reasoning, linked: working to fix the treaty (rather than simply walking
    # away) needs both an aim worth keeping (the conceded right focus) and flaws that
    # block it. Reading the concession into this argument is ours: tagged interpretive.
    m.argue(
        [focus, shortcomings],
        fix,
        scheme=PRACTICAL,
        id="arg_focus_on_flaws",
        tags=INTERPRETIVE,
        data={"note": "the conceded right focus read as the goal the fix serves"},
    )

    s = m.stance("chamber", "asserts", fix)
    q(s, "The Chamber recommends")
    s = m.stance("us", "addressed_by", fix)
    q(s, "the U.S.", 4)


# --------------------------------------------------------------------------------------
# Running the example
# --------------------------------------------------------------------------------------
def main() -> int:
    """Build the map, write brief.ttl and brief.jsonld, print each recommendation's trace."""
    text = read_brief()
    if text is None:
        print(f"note: {brief_path()} is absent; using the stored anchors unchecked")
    m = build(text)
    for name in ("brief.ttl", "brief.jsonld"):
        argmap.dump(m, HERE / name)
        print(f"wrote {HERE / name}")
    counts = m.counts()
    print(", ".join(f"{counts.get(kind, 0)} {kind}" for kind in KINDS))

    trace = getattr(argmap, "trace", None)
    explain = getattr(argmap, "explain", None)
    if trace is None or explain is None:
        print("argmap.trace / argmap.explain are not available yet (the trace issue adds "
              "them); skipping the traces")
        return 0
    for rec in sorted(m.recommendations(), key=lambda r: r.id):
        print()
        print(explain(trace(m, rec)))
    return 0


# --------------------------------------------------------------------------------------
# Precomputed anchor positions in the brief: (quote, occurrence) -> (start, end, prefix,
# suffix), prefix and suffix being up to 32 characters either side. Generated once from
# the brief and checked against it on every run where it is present.
# --------------------------------------------------------------------------------------
_POSITIONS: dict[tuple[str, int], tuple[int, int, str, str]] = {
    ("Jordan G. Heiber", 1): (0, 16, "", " Jordan G. Heiber\nVice President"),
    ("Vice President, International Digital Economy Policy", 1): (
        34,
        86,
        "rdan G. Heiber Jordan G. Heiber\n",
        ", U.S. Chamber of Commerce\n\nPubl",
    ),
    ("U.S. Chamber of Commerce", 1): (
        88,
        112,
        "ational Digital Economy Policy, ",
        "\n\nPublished\n\nAugust 28, 2024\n\nSh",
    ),
    ("August 28, 2024", 1): (
        125,
        140,
        "Chamber of Commerce\n\nPublished\n\n",
        "\n\nShare\n\nThe United Nations is o",
    ),
    ("The United Nations", 1): (
        149,
        167,
        "lished\n\nAugust 28, 2024\n\nShare\n\n",
        " is on the cusp of finalizing th",
    ),
    ("on the cusp of finalizing", 1): (
        171,
        196,
        "4\n\nShare\n\nThe United Nations is ",
        " the UN Cybercrimes Convention. ",
    ),
    ("finalizing the UN Cybercrimes Convention", 1): (
        186,
        226,
        "nited Nations is on the cusp of ",
        ". It is a first-of-its-kind trea",
    ),
    ("UN Cybercrimes Convention", 1): (
        201,
        226,
        "s on the cusp of finalizing the ",
        ". It is a first-of-its-kind trea",
    ),
    ("a first-of-its-kind treaty", 1): (
        234,
        260,
        "N Cybercrimes Convention. It is ",
        " that establishes a global frame",
    ),
    ("establishes a global framework to combat cybercrimes", 1): (
        266,
        318,
        "a first-of-its-kind treaty that ",
        ", ranging from unauthorized acce",
    ),
    ("a global framework to combat cybercrimes", 1): (
        278,
        318,
        "ts-kind treaty that establishes ",
        ", ranging from unauthorized acce",
    ),
    ("ranging from unauthorized access to information systems", 1): (
        320,
        375,
        "ramework to combat cybercrimes, ",
        " to online child exploitation an",
    ),
    ("online child exploitation and the distribution of non-consensual explicit content", 1): (
        379,
        460,
        "ccess to information systems to ",
        ".\n\nWith its emphasis on internat",
    ),
    ("its emphasis on international collaboration", 1): (
        468,
        511,
        "sensual explicit content.\n\nWith ",
        " to address threats to vulnerabl",
    ),
    ("vulnerable populations", 1): (
        534,
        556,
        "aboration to address threats to ",
        " and curb the spread of maliciou",
    ),
    ("curb the spread of malicious software, ransomware", 1): (
        561,
        610,
        "s to vulnerable populations and ",
        ", and explicit content-related o",
    ),
    ("the UN’s goals are laudable", 1): (
        651,
        678,
        "licit content-related offenses, ",
        ", reflecting a genuine commitmen",
    ),
    ("a genuine commitment to address some of the most pressing challenges", 1): (
        691,
        759,
        " goals are laudable, reflecting ",
        " in the digital age.\n\nHowever, t",
    ),
    ("However, the UN’s approach", 1): (
        781,
        807,
        "challenges in the digital age.\n\n",
        " and the draft text of the Cyber",
    ),
    ("the UN’s approach and the draft text", 1): (
        790,
        826,
        "s in the digital age.\n\nHowever, ",
        " of the Cybercrime Convention ar",
    ),
    ("the draft text of the Cybercrime Convention", 1): (
        812,
        855,
        "\nHowever, the UN’s approach and ",
        " are fundamentally flawed. Absen",
    ),
    ("are fundamentally flawed", 1): (
        856,
        880,
        "xt of the Cybercrime Convention ",
        ". Absent important changes, the ",
    ),
    ("Absent important changes", 1): (
        882,
        906,
        "ntion are fundamentally flawed. ",
        ", the U.S. Chamber recommends th",
    ),
    ("the U.S. Chamber recommends", 1): (
        908,
        935,
        "awed. Absent important changes, ",
        " the U.S. abstain from the UN Cy",
    ),
    ("recommends the U.S. abstain from the UN Cybercrimes Convention vote", 1): (
        925,
        992,
        "rtant changes, the U.S. Chamber ",
        ".\xa0\n\nFlaws in the Treaty\n\nFirst, ",
    ),
    ("the U.S. abstain", 1): (
        936,
        952,
        "es, the U.S. Chamber recommends ",
        " from the UN Cybercrimes Convent",
    ),
    ("we should all be concerned", 1): (
        1024,
        1050,
        ".\xa0\n\nFlaws in the Treaty\n\nFirst, ",
        " that the treaty has been “comma",
    ),
    ("the treaty has been “commandeered” by Russia", 1): (
        1056,
        1100,
        "we should all be concerned that ",
        ", warranting skepticism among de",
    ),
    ("Russia", 1): (
        1094,
        1100,
        "eaty has been “commandeered” by ",
        ", warranting skepticism among de",
    ),
    ("warranting skepticism among democratic countries and stakeholders alike", 1): (
        1102,
        1173,
        " been “commandeered” by Russia, ",
        ".\xa0\xa0\n\nSecond, it does not adequat",
    ),
    ("democratic countries", 1): (
        1130,
        1150,
        "ia, warranting skepticism among ",
        " and stakeholders alike.\xa0\xa0\n\nSeco",
    ),
    ("stakeholders", 1): (
        1155,
        1167,
        " among democratic countries and ",
        " alike.\xa0\xa0\n\nSecond, it does not a",
    ),
    ("does not adequately address data security issues", 1): (
        1189,
        1237,
        "akeholders alike.\xa0\xa0\n\nSecond, it ",
        ", leaving significant gaps in th",
    ),
    ("leaving significant gaps in the protection of personal and sensitive information", 1): (
        1239,
        1319,
        "y address data security issues, ",
        ".\n\nThird, the agreement fails to",
    ),
    ("fails to provide the robust privacy safeguards", 1): (
        1343,
        1389,
        "ormation.\n\nThird, the agreement ",
        " needed to avoid government over",
    ),
    ("avoid government overreach, unchecked surveillance", 1): (
        1400,
        1450,
        "st privacy safeguards needed to ",
        ", and unauthorized access to sen",
    ),
    ("government overreach", 1): (
        1406,
        1426,
        "vacy safeguards needed to avoid ",
        ", unchecked surveillance, and un",
    ),
    ("unauthorized access to sensitive data", 1): (
        1456,
        1493,
        "ch, unchecked surveillance, and ",
        ".\xa0\xa0\n\nFinally, throughout the neg",
    ),
    ("throughout the negotiation process, civil society groups have also raised", 1): (
        1507,
        1580,
        " to sensitive data.\xa0\xa0\n\nFinally, ",
        " concerns about government overr",
    ),
    ("civil society groups", 1): (
        1543,
        1563,
        "ughout the negotiation process, ",
        " have also raised concerns about",
    ),
    ("civil society groups have also raised concerns", 1): (
        1543,
        1589,
        "ughout the negotiation process, ",
        " about government overreach and ",
    ),
    ("concerns about government overreach and the balance between security and human rights", 1): (
        1581,
        1666,
        "society groups have also raised ",
        ". In a letter this past February",
    ),
    ("In a letter this past February to the Chair", 1): (
        1668,
        1711,
        "ween security and human rights. ",
        " of the UN’s Ad Hoc Committee on",
    ),
    ("a letter this past February", 1): (
        1671,
        1698,
        "n security and human rights. In ",
        " to the Chair of the UN’s Ad Hoc",
    ),
    ("the Chair", 1): (
        1702,
        1711,
        " a letter this past February to ",
        " of the UN’s Ad Hoc Committee on",
    ),
    ("Ad Hoc Committee on Cybercrime", 1): (
        1724,
        1754,
        "bruary to the Chair of the UN’s ",
        ", these organizations partnered ",
    ),
    ("partnered with business groups to highlight their deep concern", 1): (
        1776,
        1838,
        "Cybercrime, these organizations ",
        " over “the adoption of such a fl",
    ),
    ("business groups", 1): (
        1791,
        1806,
        "se organizations partnered with ",
        " to highlight their deep concern",
    ),
    ("the adoption of such a flawed treaty", 1): (
        1845,
        1881,
        "hlight their deep concern over “",
        " without major changes.” The U.S",
    ),
    ("the adoption of such a flawed treaty without major changes", 1): (
        1845,
        1903,
        "hlight their deep concern over “",
        ".” The U.S. has experienced its ",
    ),
    ("The U.S.", 1): (
        1906,
        1914,
        " treaty without major changes.” ",
        " has experienced its own challen",
    ),
    ("The U.S. has experienced its own challenges in this space", 1): (
        1906,
        1963,
        " treaty without major changes.” ",
        ", reflected in Washington ultima",
    ),
    ("Washington", 1): (
        1978,
        1988,
        "ges in this space, reflected in ",
        " ultimately scaling back the ext",
    ),
    ("Washington ultimately scaling back the extent of commitments", 1): (
        1978,
        2038,
        "ges in this space, reflected in ",
        " agreed upon by some 60 countrie",
    ),
    ("agreed upon by some 60 countries", 1): (
        2039,
        2071,
        " back the extent of commitments ",
        " when the U.S.-led Declaration f",
    ),
    ("some 60 countries", 1): (
        2054,
        2071,
        "t of commitments agreed upon by ",
        " when the U.S.-led Declaration f",
    ),
    ("the U.S.-led Declaration for the Future of the Internet was launched in 2022", 1): (
        2077,
        2153,
        " upon by some 60 countries when ",
        ".\n\nAlternative Approaches\n\nThere",
    ),
    ("Declaration for the Future of the Internet", 1): (
        2090,
        2132,
        " 60 countries when the U.S.-led ",
        " was launched in 2022.\n\nAlternat",
    ),
    ("Alternative Approaches", 1): (
        2156,
        2178,
        "Internet was launched in 2022.\n\n",
        "\n\nThere are other options that d",
    ),
    ("There are other options that don’t face the same challenges", 1): (
        2180,
        2239,
        " 2022.\n\nAlternative Approaches\n\n",
        " as the UN Cybercrimes Conventio",
    ),
    ("The Budapest Convention", 1): (
        2274,
        2297,
        " the UN Cybercrimes Convention. ",
        " offers a rights-respecting appr",
    ),
    ("offers a rights-respecting approach to international cooperation", 1): (
        2298,
        2362,
        "ention. The Budapest Convention ",
        " and capacity building to invest",
    ),
    ("capacity building to investigate and fight cybercrimes", 1): (
        2367,
        2421,
        "o international cooperation and ",
        ". It has been in effect for 20 y",
    ),
    ("in effect for 20 years", 1): (
        2435,
        2457,
        " fight cybercrimes. It has been ",
        ", 76 nations are party to it, an",
    ),
    ("76 nations", 1): (
        2459,
        2469,
        "as been in effect for 20 years, ",
        " are party to it, and another 17",
    ),
    ("76 nations are party to it", 1): (
        2459,
        2485,
        "as been in effect for 20 years, ",
        ", and another 17 countries eligi",
    ),
    ("another 17 countries", 1): (
        2491,
        2511,
        "76 nations are party to it, and ",
        " eligible to and interested in a",
    ),
    ("another 17 countries eligible to and interested in acceding", 1): (
        2491,
        2550,
        "76 nations are party to it, and ",
        ".\xa0\xa0\n\nSimilarly, the OECD’s Decla",
    ),
    ("interested in acceding", 1): (
        2528,
        2550,
        "er 17 countries eligible to and ",
        ".\xa0\xa0\n\nSimilarly, the OECD’s Decla",
    ),
    ("the OECD’s Declaration", 1): (
        2566,
        2588,
        "sted in acceding.\xa0\xa0\n\nSimilarly, ",
        " on Government Access to Persona",
    ),
    ("OECD", 1): (
        2570,
        2574,
        " in acceding.\xa0\xa0\n\nSimilarly, the ",
        "’s Declaration on Government Acc",
    ),
    ("Declaration on Government Access to Personal Data Held by Private Sector Entities", 1): (
        2577,
        2658,
        "eding.\xa0\xa0\n\nSimilarly, the OECD’s ",
        ", adopted in December 2022, offe",
    ),
    ("adopted in December 2022", 1): (
        2660,
        2684,
        "eld by Private Sector Entities, ",
        ", offers a more balanced and eff",
    ),
    ("offers a more balanced and effective approach to addressing cybercrime", 1): (
        2686,
        2756,
        "ties, adopted in December 2022, ",
        ". This agreement emphasizes robu",
    ),
    ("emphasizes robust data privacy and data protection safeguards", 1): (
        2773,
        2834,
        "sing cybercrime. This agreement ",
        ", helping to ensure that governm",
    ),
    ("government access to data is transparent and accountable", 1): (
        2859,
        2915,
        "eguards, helping to ensure that ",
        ". It promotes the use of mutual ",
    ),
    ("promotes the use of mutual legal assistance treaties (MLATs)", 1): (
        2920,
        2980,
        "transparent and accountable. It ",
        " to facilitate cross-border data",
    ),
    ("to facilitate cross-border data requests", 1): (
        2981,
        3021,
        "gal assistance treaties (MLATs) ",
        ", thereby enhancing internationa",
    ),
    ("enhancing international cooperation without compromising individual rights", 1): (
        3031,
        3105,
        "s-border data requests, thereby ",
        ". Finally, the OECD agreement en",
    ),
    ("the OECD agreement", 1): (
        3116,
        3134,
        "ing individual rights. Finally, ",
        " encourages the adoption of best",
    ),
    ("OECD", 2): (
        3120,
        3124,
        "individual rights. Finally, the ",
        " agreement encourages the adopti",
    ),
    ("encourages the adoption of best practices and standards for data security", 1): (
        3135,
        3208,
        "ts. Finally, the OECD agreement ",
        ", providing a comprehensive fram",
    ),
    ("a comprehensive framework that can be operationalized by countries worldwide", 1): (
        3220,
        3296,
        "ds for data security, providing ",
        ".\n\nBottom Line\n\nWhile the UN Cyb",
    ),
    ("countries worldwide", 1): (
        3277,
        3296,
        " that can be operationalized by ",
        ".\n\nBottom Line\n\nWhile the UN Cyb",
    ),
    ("While the UN Cybercrimes Convention", 1): (
        3312,
        3347,
        "ntries worldwide.\n\nBottom Line\n\n",
        " rightfully focuses on tackling ",
    ),
    ("rightfully focuses on tackling global cybercrime", 1): (
        3348,
        3396,
        "e the UN Cybercrimes Convention ",
        ", its shortcomings in data secur",
    ),
    ("its shortcomings in data security, privacy and procedural safeguards", 1): (
        3398,
        3466,
        " on tackling global cybercrime, ",
        ", and the human rights concerns ",
    ),
    ("the human rights concerns raised by civil society groups", 1): (
        3472,
        3528,
        " and procedural safeguards, and ",
        " cannot be easily overlooked. Th",
    ),
    ("civil society groups", 2): (
        3508,
        3528,
        "human rights concerns raised by ",
        " cannot be easily overlooked. Th",
    ),
    ("cannot be easily overlooked", 1): (
        3529,
        3556,
        " raised by civil society groups ",
        ". The Chamber recommends the U.S",
    ),
    ("The Chamber recommends", 1): (
        3558,
        3580,
        "ps cannot be easily overlooked. ",
        " the U.S. abstain from the UN Cy",
    ),
    ("recommends the U.S. abstain from the UN Cybercrimes Convention vote", 2): (
        3570,
        3637,
        " easily overlooked. The Chamber ",
        " and focus instead on addressing",
    ),
    ("the U.S.", 4): (
        3581,
        3589,
        "rlooked. The Chamber recommends ",
        " abstain from the UN Cybercrimes",
    ),
    ("focus instead on addressing its flaws", 1): (
        3642,
        3679,
        "Cybercrimes Convention vote and ",
        ".\n\nAbout the authors\n\nJordan G. ",
    ),
    ("leads the Chamber’s international privacy and data flow policy portfolio", 1): (
        3751,
        3823,
        "Jordan G. Heiber\n\nJordan Heiber ",
        " and manages a team responsible ",
    ),
}


if __name__ == "__main__":
    sys.exit(main())
