"""What the judge must get right, on a small German and English corpus built here (a town, a
swimming pool, a museum, two football clubs, a harbour; nothing from the seed suite), with a real
store and the real embedding model. Each behaviour comes with the claim that states the evidence
correctly, so that a judge answering NOT_ENOUGH_INFO to everything cannot pass. Cases today's
embedded judge gets wrong are expected failures, each naming the open issue that fixes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import Claim, Document, Label, Settings, Verifier
from agent._calibration import load_calibration
from agent._judge import RuleJudge, specifics, unstated_specifics
from agent._store import CorpusStore

SUPPORTED, REFUTED, NOT_ENOUGH_INFO = Label.SUPPORTED, Label.REFUTED, Label.NOT_ENOUGH_INFO
NOT_SUPPORTED = "not SUPPORTED"

CORPUS = [
    Document(id="lindenfeld-rathaus", lang="de", date="2024-03-01",
             title="Neue Bürgermeisterin in Lindenfeld",
             text="Anna Berger ist seit März 2023 Bürgermeisterin von Lindenfeld. Ihr Vorgänger "
                  "Jonas Keller war von 2015 bis 2023 Bürgermeister der Stadt und ging danach in "
                  "den Ruhestand."),
    Document(id="kleinhausen-hallenbad", lang="de", date="2019-06-13",
             title="Hallenbad in Kleinhausen eröffnet",
             text="Das neue Hallenbad in Kleinhausen wurde am Mittwoch, dem 12. Juni 2019, "
                  "eröffnet. Der Bau kostete 18 Millionen Euro. Bei der Eröffnung sagte "
                  "Bürgermeisterin Anna Berger: „Das Bad ist ein Gewinn für die ganze Region.“ "
                  "Stadtrat Peter Lang kritisierte dagegen die hohen Kosten."),
    Document(id="obertal-derby", lang="de", date="2024-09-16", title="Derbysieg für Obertal",
             text="Der FC Obertal besiegte den SV Unterbach am Sonntag mit 3:1. Der SV Unterbach "
                  "hat nach der Niederlage weder seinen Trainer entlassen noch neue Spieler "
                  "verpflichtet."),
    Document(id="obertal-sporthalle", lang="de", date="2023-05-02",
             title="Neue Sporthalle in Obertal",
             text="Für die neue Sporthalle in Obertal gab der Bund 45 Millionen Euro, das Land "
                  "weitere 30 Millionen Euro."),
    Document(id="harbour-museum", lang="en", date="2022-02-01",
             title="New director at the Harbour City Museum",
             text="Margaret Osei has been the director of the Harbour City Museum since January "
                  "2022. She succeeded David Price, who led the museum from 2010 to 2021. The "
                  "museum reopened on Saturday, 5 October 2019, after a renovation that cost 40 "
                  "million dollars."),
    Document(id="harbour-opening", lang="en", date="2022-02-02",
             title="Museum director speaks at the opening",
             text='At the opening of the new wing, museum director Margaret Osei said: "This '
                  'building belongs to everyone in the city." Council member Tom Reid criticised '
                  "the cost of the new wing."),
    Document(id="lindenfeld-schwimmhalle", lang="de", date="2024-11-06",
             title="Gemeinderat beschließt Schwimmhalle",
             text="Der Gemeinderat von Lindenfeld stimmte am Dienstag in der Festhalle mit 19 zu 8 "
                  "Stimmen für den Bau einer Schwimmhalle. Die Zahl der Schwimmkurse in "
                  "Lindenfeld ist seit Jahren rückläufig: 2022 gab es 40, 2024 nur noch 31. Bei "
                  "der Wahl 2023 war die parteilose Anna Berger die gemeinsame Kandidatin von SPD "
                  "und Grünen."),
    Document(id="port-ellis-harbour", lang="en", date="2024-07-10",
             title="Port Ellis approves harbour wall",
             text="Port Ellis councillors approved the new harbour wall by 23 votes to 9 on "
                  "Tuesday at the Corn Exchange. The council's consultation on the harbour wall "
                  "received a total of 1,846 responses."),
    Document(id="eastport-minutes", lang="en", date="2024-06-20",
             title="Eastport Town Council: minutes",
             text="**Item 7 – Eastport Town Council extends the opening hours of Eastport "
                  "Library**\n\nThe council agreed to extend the opening hours of the library."),
    Document(id="harbour-research", lang="en", date="2024-02-01",
             title="Harbour City Museum opens a research centre",
             text="The museum's new research centre is led by its Director, Dr Lena Fox, with "
                  "Professor Sam Okoro as Deputy Director."),
    Document(id="harbour-lines-terminal", lang="en", date="2024-05-03",
             title="Ferry terminal plan dropped",
             text="Harbour Lines has shelved its plans for a second ferry terminal at Port Ellis, "
                  "citing rising construction costs."),
    Document(id="northfield-match", lang="en", date="2024-04-14", title="Rovers win at home",
             text="Northfield Rovers beat Eastport United 2-0 on Saturday. After the defeat, "
                  "Eastport United neither sacked its coach nor signed new players."),
]


def issue(number: int, what: str):
    """An expected failure of today's embedded judge, fixed by the named open issue."""
    return pytest.mark.xfail(strict=False, reason=f"issue {number}: {what}")


# (claim, expected verdict); NOT_SUPPORTED: REFUTED or NOT_ENOUGH_INFO, either is right.
CASES = [
    # who holds an office now, and who held it before
    pytest.param("Anna Berger ist die Bürgermeisterin von Lindenfeld.", SUPPORTED,
                 id="de-office-holder"),
    pytest.param("Margaret Osei is the director of the Harbour City Museum.", SUPPORTED,
                 id="en-office-holder"),
    # a politician or member is one of many: another one named refutes nothing
    pytest.param("Karl Brandt ist der SPD-Kommunalpolitiker im Stadtrat.", NOT_ENOUGH_INFO,
                 id="de-one-of-many-politicians"),
    # an office named on the way to saying something else: the office is looked up on its own
    pytest.param("Bei der Einweihung der Festhalle sprach Bürgermeister Jonas Keller von "
                 "einem großen Tag für die Vereine der Stadt Lindenfeld.", REFUTED,
                 id="de-former-holder-in-passing"),
    pytest.param("Jonas Keller war Bürgermeister von Lindenfeld.", SUPPORTED, id="de-past-role"),
    pytest.param("David Price was the director of the Harbour City Museum.", SUPPORTED,
                 id="en-past-role", marks=issue(11, "a past role is not a claim that it is "
                                                    "held now")),
    pytest.param("Jonas Keller ist der Bürgermeister von Lindenfeld.", NOT_SUPPORTED,
                 id="de-former-holder-now"),
    pytest.param("David Price is the director of the Harbour City Museum.", NOT_SUPPORTED,
                 id="en-former-holder-now"),
    pytest.param("Dr Lena Fox is the director of the museum's research centre.", SUPPORTED,
                 id="en-director"),
    pytest.param("Professor Sam Okoro is the director of the museum's research centre.",
                 REFUTED, id="en-deputy-is-no-director"),
    pytest.param("Sabine Hoffmann ist die Bürgermeisterin von Lindenfeld.", REFUTED,
                 id="de-unknown-person-in-a-known-role"),
    pytest.param("Sabine Hoffmann ist eine Stadträtin in Kleinhausen.", NOT_ENOUGH_INFO,
                 id="de-unknown-person-in-a-shared-role"),
    # dates: the right one, and a wrong year, weekday or month
    pytest.param("Das neue Hallenbad in Kleinhausen wurde im Juni 2019 eröffnet.", SUPPORTED,
                 id="de-date"),
    pytest.param("The Harbour City Museum reopened in October 2019.", SUPPORTED, id="en-date",
                 marks=issue(10, "the evidence sentence also gives the cost, so it is not similar "
                                 "enough")),
    pytest.param("Das neue Hallenbad in Kleinhausen wurde im Juni 2017 eröffnet.", NOT_SUPPORTED,
                 id="de-wrong-year"),
    pytest.param("The Harbour City Museum reopened in October 2016.", NOT_SUPPORTED,
                 id="en-wrong-year"),
    pytest.param("Das neue Hallenbad in Kleinhausen wurde an einem Freitag eröffnet.",
                 NOT_SUPPORTED, id="de-wrong-weekday"),
    pytest.param("Das neue Hallenbad in Kleinhausen wurde am 12. Juli 2019 eröffnet.",
                 NOT_SUPPORTED, id="de-wrong-month"),
    # who did what to whom
    pytest.param("Der FC Obertal gewann am Sonntag mit 3:1 gegen den SV Unterbach.", SUPPORTED,
                 id="de-match"),
    pytest.param("Northfield Rovers won 2-0 against Eastport United on Saturday.", SUPPORTED,
                 id="en-match"),
    pytest.param("Der SV Unterbach besiegte den FC Obertal am Sonntag mit 3:1.", NOT_SUPPORTED,
                 id="de-swapped-entity", marks=issue(10, "similarity cannot tell who beat whom")),
    pytest.param("Eastport United beat Northfield Rovers 2-0 on Saturday.", NOT_SUPPORTED,
                 id="en-swapped-entity", marks=issue(10, "similarity cannot tell who beat whom")),
    # who said it
    pytest.param("Anna Berger sagte: „Das Bad ist ein Gewinn für die ganze Region.“", SUPPORTED,
                 id="de-quote"),
    pytest.param('Margaret Osei said: "This building belongs to everyone in the city."',
                 SUPPORTED, id="en-quote"),
    pytest.param("Peter Lang sagte: „Das Bad ist ein Gewinn für die ganze Region.“",
                 NOT_SUPPORTED, id="de-misattributed-quote"),
    pytest.param('Tom Reid said: "This building belongs to everyone in the city."',
                 NOT_SUPPORTED, id="en-misattributed-quote"),
    # a quote the speaker never gave: who spoke is known, what they said is not
    pytest.param("Anna Berger sagte: „Das Bad wird im Jahr 2030 geschlossen.“", NOT_SUPPORTED,
                 id="de-invented-quote"),
    pytest.param('Margaret Osei said: "We will double the number of visitors by 2026."',
                 NOT_SUPPORTED, id="en-invented-quote"),
    pytest.param("Anna Berger erklärte, das Bad werde im nächsten Jahr verkauft.", NOT_SUPPORTED,
                 id="de-invented-reported-speech"),
    pytest.param("Margaret Osei sagte: „Das Gebäude wird 2030 abgerissen.“", NOT_SUPPORTED,
                 id="invented-quote-across-languages"),
    pytest.param('Anna Berger said: "The pool is a gain for the whole region."', SUPPORTED,
                 id="quote-across-languages"),
    pytest.param("Anna Berger sagte bei der Eröffnung, das Bad sei ein Gewinn für die ganze "
                 "Region.", SUPPORTED, id="de-reported-speech"),
    # the same sentence with a word of opposite meaning
    pytest.param("Stadtrat Peter Lang lobte dagegen die hohen Kosten.", REFUTED,
                 id="de-opposite-word"),
    pytest.param("Council member Tom Reid praised the cost of the new wing.", REFUTED,
                 id="en-opposite-word"),
    pytest.param("Council member Tom Reid criticised the cost of the new wing.", SUPPORTED,
                 id="en-same-word"),
    # a plan carried out, against a plan given up
    pytest.param("Harbour Lines has confirmed it will build a second ferry terminal at Port "
                 "Ellis.", REFUTED, id="en-plan-given-up"),
    pytest.param("Harbour Lines has shelved its plans for a second ferry terminal at Port Ellis.",
                 SUPPORTED, id="en-plan-given-up-agrees"),
    # "weder ... noch" and "neither ... nor" deny both parts
    pytest.param("Der SV Unterbach hat nach der Niederlage seinen Trainer entlassen.", REFUTED,
                 id="de-weder-noch"),
    pytest.param("Der SV Unterbach hat seinen Trainer nicht entlassen.", SUPPORTED,
                 id="de-weder-noch-agrees"),
    pytest.param("After the defeat, Eastport United sacked its coach.", REFUTED,
                 id="en-neither-nor"),
    # a short paraphrase of half a sentence, below the support threshold: the model reads it
    pytest.param("Eastport United did not sack its coach.", SUPPORTED,
                 id="en-neither-nor-agrees"),
    # numbers
    pytest.param("Der Bau des Hallenbads in Kleinhausen kostete 18 Millionen Euro.", SUPPORTED,
                 id="de-number"),
    pytest.param("Der Bau des Hallenbads in Kleinhausen kostete über 25 Millionen Euro.", REFUTED,
                 id="de-number-beyond-the-evidence"),
    pytest.param("The renovation of the Harbour City Museum cost 95 million dollars.", REFUTED,
                 id="en-different-number"),
    pytest.param("Der Bau des Hallenbads in Kleinhausen kostete 18 Millionen Dollar.",
                 NOT_SUPPORTED, id="de-other-currency"),
    pytest.param("The renovation of the Harbour City Museum cost 40 million euros.",
                 NOT_SUPPORTED, id="en-other-currency"),
    # a like sentence about another place: its number neither supports nor refutes
    pytest.param("Die Renovierung des Harbour City Museum kostete 18 Millionen Euro.",
                 NOT_SUPPORTED, id="number-of-another-subject"),
    # a figure in a passage that names one of the claim's two subjects is about that one
    pytest.param("The renovation of the Harbour City Museum and the Corn Exchange cost 40 "
                 "million dollars.", NOT_SUPPORTED, id="en-number-of-one-of-two-subjects"),
    # a total whose parts the evidence gives: the exact sum decides, not one part
    pytest.param("Bund und Land steuerten zusammen 75 Millionen Euro für die neue Sporthalle in "
                 "Obertal bei.", SUPPORTED, id="de-sum-of-parts"),
    pytest.param("Bund und Land steuerten zusammen 95 Millionen Euro für die neue Sporthalle in "
                 "Obertal bei.", REFUTED, id="de-wrong-sum-of-parts"),
    # a vote's two sides count the same thing ("19 zu 8 Stimmen", "23 votes to 9")
    pytest.param("Der Gemeinderat von Lindenfeld stimmte mit 19 zu 8 Stimmen für den Bau einer "
                 "Schwimmhalle.", SUPPORTED, id="de-vote-tally"),
    pytest.param("Der Rat von Port Ellis stimmte mit 23 zu 9 Stimmen für die neue Hafenmauer.",
                 SUPPORTED, id="vote-tally-across-languages"),
    pytest.param("Der Rat von Port Ellis stimmte mit 23 zu 7 Stimmen für die neue Hafenmauer.",
                 REFUTED, id="wrong-vote-tally-across-languages"),
    pytest.param("Port Ellis councillors approved the new harbour wall by 23 votes to 9.",
                 SUPPORTED, id="en-vote-tally"),
    # one side of the vote changed: the other side fitting does not save it
    pytest.param("Der Gemeinderat von Lindenfeld stimmte mit 19 zu 12 Stimmen für den Bau einer "
                 "Schwimmhalle.", REFUTED, id="de-vote-tally-one-side-changed"),
    pytest.param("Port Ellis councillors approved the new harbour wall by 23 votes to 14.",
                 REFUTED, id="en-vote-tally-one-side-changed"),
    # a heading's number ("Item 7") counts nothing
    pytest.param("Eastport Town Council agreed by 12 to 3 to extend the opening hours of "
                 "Eastport Library.", NOT_ENOUGH_INFO, id="en-heading-number"),
    # the same exact figure counted by another noun ("people", "responses")
    pytest.param("1,846 people responded to the consultation on the Port Ellis harbour wall.",
                 SUPPORTED, id="en-same-figure-other-noun"),
    # the same event in another place: a close sentence that does not give the place
    pytest.param("Port Ellis councillors approved the new harbour wall at the Town Hall.",
                 NOT_SUPPORTED, id="en-other-venue"),
    pytest.param("Der Gemeinderat von Lindenfeld stimmte in Obertal für den Bau einer "
                 "Schwimmhalle.", NOT_SUPPORTED, id="de-other-town"),
    # of no party: a claimed membership is refuted
    pytest.param("Anna Berger ist Mitglied der SPD.", REFUTED, id="de-no-party"),
    # a change in the other direction, said in other words
    pytest.param("Die Zahl der Schwimmkurse in Lindenfeld ist zuletzt gestiegen.", REFUTED,
                 id="de-opposite-direction"),
    pytest.param("The Harbour City Museum owns 500 paintings.", NOT_ENOUGH_INFO,
                 id="en-number-never-stated"),
    # what the corpus says nothing about
    pytest.param("The Eiffel Tower was repainted in green in 1995.", NOT_ENOUGH_INFO,
                 id="en-unrelated"),
    pytest.param("Das Hallenbad in Kleinhausen hat ein Sprungbecken mit Zehnmeterturm.",
                 NOT_SUPPORTED, id="de-same-topic-other-fact"),
    pytest.param("Emily Carter erklärte: „Das Bad ist viel zu teuer.“", NOT_ENOUGH_INFO,
                 id="de-quote-of-an-unknown-person"),
]


@pytest.fixture(scope="module")
def verifier(tmp_path_factory: pytest.TempPathFactory, embedder) -> Verifier:
    settings = Settings(home=Path(tmp_path_factory.mktemp("behaviour-home")))
    built = Verifier(settings, store=CorpusStore(settings, embedder))
    built.ingest_documents(CORPUS)
    return built


def _verifier_with(home: Path, embedder, documents: list[Document]) -> Verifier:
    """A verifier whose store holds exactly `documents`."""
    settings = Settings(home=home)
    verifier = Verifier(settings, store=CorpusStore(settings, embedder))
    verifier.ingest_documents(documents)
    return verifier


@pytest.mark.parametrize(("claim", "expected"), CASES)
def test_verdict(verifier: Verifier, claim: str, expected: Label | str):
    verdict = verifier.verify_claim(claim)
    if expected == NOT_SUPPORTED:
        assert verdict.label in (REFUTED, NOT_ENOUGH_INFO), verdict.rationale
    else:
        assert verdict.label == expected, verdict.rationale
    if verdict.label != NOT_ENOUGH_INFO:
        assert verdict.citations, "a decided verdict cites its evidence"
    # the confidence is how often the judge's verdicts of this label were right when fitted
    judge = verifier.judge
    assert isinstance(judge, RuleJudge) and judge.reads  # the default: rules and model reading
    assert verdict.confidence == load_calibration(judge.name).confidence(verdict.label)


@pytest.mark.parametrize("claim", [
    "Der Bau des Hallenbads in Kleinhausen kostete über 25 Millionen Euro.",
    "Margaret Osei is the director of the Harbour City Museum.",
    "Sabine Hoffmann ist die Bürgermeisterin von Lindenfeld.",
])
def test_citations_are_verbatim_quotes_of_passages_considered(verifier: Verifier, claim: str):
    verdict = verifier.verify_claim(claim)
    assert verdict.citations
    for citation in verdict.citations:
        assert citation.passage_id in verdict.considered
        stored, _ = verifier.store.get([citation.passage_id])[citation.passage_id]
        assert citation.quote and citation.quote in stored
        assert citation.passage_id.startswith(citation.document_id + "::")


def test_capitalised_words_at_sentence_start_are_not_unknown_people(verifier: Verifier):
    verdict = verifier.verify_claim("Die Zukunft des Hallenbads in Kleinhausen ist ungewiss.")
    assert "never mentions" not in verdict.rationale


@pytest.mark.parametrize(("claim", "expected"), [
    ("Port Ellis councillors met at the Corn Exchange on 9 July.",
     ["Ellis", "Corn", "Exchange", "9", "July"]),
    # German capitalises nouns: only first names with the next word, places after "in", figures
    ("Der Gemeinderat von Lindenfeld tagte in Obertal mit Anna Berger (SPD).",
     ["Obertal", "Anna", "Berger", "SPD"]),
    ("Das Gesetz trat in Kraft, als die Zahl der Kurse auf 31 sank.", ["31"]),
])
def test_specifics_a_stating_sentence_must_give(claim: str, expected: list[str]) -> None:
    assert specifics(claim) == expected


@pytest.mark.parametrize(("claim", "sentence", "missing"), [
    ("The council voted on 23 October.", "Under section 123 of the Act, the council voted.",
     ["23", "October"]),
    ("The hall cost £14.2 million.", "The new hall cost £14.2 million.", []),
    ("1,846 people replied.", "In all 1846 replies came in.", []),
    ("The hall cost £14 million.", "The new hall cost £14.2 million.", ["14"]),
    # across languages words cannot be compared
    ("The council voted on 23 October.", "Der Rat stimmte am 30. Oktober ab.", []),
])
def test_unstated_specifics(claim: str, sentence: str, missing: list[str]) -> None:
    assert unstated_specifics(claim, sentence) == missing


@pytest.mark.parametrize(("rule", "applies", "label", "other"), [
    ("_role_rule", "Margaret Osei is the director of the Harbour City Museum.", SUPPORTED,
     "The renovation of the Harbour City Museum cost 40 million dollars."),
    ("_unknown_people_rule", "Emily Carter opened the Harbour City Museum.", NOT_ENOUGH_INFO,
     "The renovation of the Harbour City Museum cost 40 million dollars."),
    ("_quote_rule", "Emily Carter erklärte: „Das Bad ist viel zu teuer.“", NOT_ENOUGH_INFO,
     "Das neue Hallenbad in Kleinhausen wurde eröffnet."),
    ("_number_rule", "The Harbour City Museum reopened after a renovation that cost 95 million "
                     "dollars.",
     REFUTED, "Margaret Osei is the director of the Harbour City Museum."),
    ("_opposite_rule", "Die Zahl der Schwimmkurse in Lindenfeld ist zuletzt gestiegen.",
     REFUTED, "Der Bau des Hallenbads in Kleinhausen kostete 18 Millionen Euro."),
])
def test_each_rule_decides_its_own_kind_of_claim_and_passes_on_others(
        verifier: Verifier, rule: str, applies: str, label: Label, other: str) -> None:
    judge = verifier.judge
    assert isinstance(judge, RuleJudge)
    decide = getattr(judge, rule)
    evidence = judge.gather(Claim(id="c", text=applies, sentence=applies, start=0,
                                  end=len(applies)))
    decision = decide(applies, evidence, False)
    assert decision is not None and decision.label == label, decision
    evidence = judge.gather(Claim(id="c", text=other, sentence=other, start=0, end=len(other)))
    assert decide(other, evidence, False) is None


def test_the_model_reads_what_the_rules_leave_undecided(verifier: Verifier) -> None:
    text = "Eastport United did not sack its coach."
    claim = Claim(id="c", text=text, sentence=text, start=0, end=len(text))
    judge = verifier.judge
    assert isinstance(judge, RuleJudge)
    read = judge.judge(claim)
    assert read.label == SUPPORTED and "verification model" in read.rationale
    assert read.citations, "the sentence the model relied on is quoted"
    rules_alone = RuleJudge(judge.retriever, k=judge.k, reads=False).judge(claim)
    assert rules_alone.label == NOT_ENOUGH_INFO
    assert rules_alone.confidence == load_calibration(RuleJudge.name_for(False)).confidence(
        NOT_ENOUGH_INFO)


def test_an_office_named_in_passing_is_checked_against_evidence_on_the_office(
        tmp_path: Path, embedder) -> None:
    """The claim's closest evidence is about the festival and names the minister of the time
    the reports were written; who holds the office now is only in a document about the office,
    which the claim itself does not retrieve."""
    reports = [
        Document(id=f"hafenfest-{year}", lang="de", date=f"{year}-06-1{n}",
                 title=f"Hafenfest in Port Lenz {year}",
                 text=f"Beim Hafenfest in Port Lenz {year} sprach Verkehrsministerin Ina Roth "
                      f"über die neue Fähre nach Nordholm. Das Hafenfest zog {n + 20}.000 "
                      "Besucher an. Die Fähre nach Nordholm soll ab 2026 fahren.")
        for n, year in enumerate((2019, 2020, 2021, 2022, 2023, 2024))
    ]
    profile = Document(id="kern-profil", lang="de", date="2025-03-02",
                       title="Tobias Kern (Politiker)",
                       text="Tobias Kern ist ein Jurist aus Hafenstadt. Seit dem 1. März 2025 ist "
                            "er Verkehrsminister des Landes.")
    verifier = _verifier_with(tmp_path, embedder, [*reports, profile])
    verdict = verifier.verify_claim("Beim Hafenfest in Port Lenz sprach Verkehrsministerin Ina "
                                    "Roth über die neue Fähre nach Nordholm.", as_of="2025-06-14")
    assert verdict.label == REFUTED, verdict.rationale
    assert "Tobias Kern" in verdict.rationale
    assert any(c.document_id == "kern-profil" for c in verdict.citations)


@pytest.mark.parametrize(("claim", "expected"), [
    ("Das Land trägt 75 Prozent der förderfähigen Kosten der Umgehungsstraße in Lindau.",
     SUPPORTED),
    ("Das Land trägt 60 Prozent der förderfähigen Kosten der Umgehungsstraße in Lindau.",
     REFUTED),
])
def test_a_share_in_words_answers_a_percentage(tmp_path: Path, embedder, claim: str,
                                               expected: Label) -> None:
    """A share that names no base ("drei Viertel, also ...") is compared with the claim's
    percentage of the same fact."""
    verifier = _verifier_with(tmp_path, embedder, [Document(
        id="lindau-umgehung", lang="de", date="2024-05-02",
        title="Umgehungsstraße Lindau: Finanzierung steht",
        text="Die Umgehungsstraße in Lindau kostet 48 Millionen Euro. Von den förderfähigen "
             "Kosten der Umgehungsstraße in Lindau trägt das Land drei Viertel, also 30 "
             "Millionen Euro. Den Rest zahlt die Stadt.")])
    verdict = verifier.verify_claim(claim)
    assert verdict.label == expected, verdict.rationale


def test_a_document_published_before_the_event_does_not_report_it(tmp_path: Path,
                                                                   embedder) -> None:
    """"Am Mittwoch" in an article of 14 June 2025 is an event of that week: a press release of
    2023 that says the same words speaks of an earlier one; a plan may be announced before."""
    verifier = _verifier_with(tmp_path, embedder, [Document(
        id="gemeinderat-2023", lang="de", date="2023-03-02", title="Gemeinderat Lindau",
        text="Am Mittwoch hat der Gemeinderat von Lindau den Bau eines Hallenbads beschlossen. "
             "Der Bau soll 2026 beginnen.")])
    old = verifier.verify_claim("Am Mittwoch hat der Gemeinderat von Lindau den Bau eines "
                                "Hallenbads beschlossen.", as_of="2025-06-14")
    assert old.label == NOT_ENOUGH_INFO, old.rationale
    same_time = verifier.verify_claim("Am Mittwoch hat der Gemeinderat von Lindau den Bau eines "
                                      "Hallenbads beschlossen.", as_of="2023-03-03")
    assert same_time.label == SUPPORTED, same_time.rationale
    plan = verifier.verify_claim("Der Bau des Hallenbads in Lindau soll 2026 beginnen.",
                                 as_of="2025-06-14")
    assert plan.label == SUPPORTED, plan.rationale


@pytest.mark.parametrize(("claim", "expected"), [
    ("The Lindau and Eastfield clinics lost a combined €7.1m in 2024.", REFUTED),
    ("The Lindau and Eastfield clinics lost a combined €9.4m in 2024.", SUPPORTED),
    ("The Lindau and Eastfield clinics lost a combined €7.1m in 2023.", SUPPORTED),
])
def test_a_figure_given_for_the_year_before_is_no_figure_of_the_year(
        tmp_path: Path, embedder, claim: str, expected: Label) -> None:
    """"up from €7.1m the year before" gives the earlier year's figure: it does not support a
    claim that gives it for the year of the sentence's main figure."""
    verifier = _verifier_with(tmp_path, embedder, [Document(
        id="clinics-2025", lang="en", date="2025-06-30", title="Lindau and Eastfield clinics",
        text="The Lindau and Eastfield clinics lost a combined €9.4m in 2024, up from €7.1m in "
             "2023. The district covers the shortfall.")])
    verdict = verifier.verify_claim(claim, as_of="2025-07-01")
    assert verdict.label == expected, verdict.rationale
