"""Exact checks that need the evidence sentence's surroundings: travel to a place as an arrival,
a participant named only earlier in the document ("the minister"), a year taken from the
document's date, and, with a real store, a date that stands in another passage of the same
document than the one retrieval ranked first. Constructed examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agent import Document, Label, Settings, Verifier
from agent._checks import (
    _EVENTS,
    SentenceContext,
    _concepts,
    check_calendar,
    check_dates,
    check_quantities,
    run_checks,
    unstated_days,
)
from agent._store import CorpusStore

S, R = Label.SUPPORTED, Label.REFUTED

TRAVEL = [
    ("The trade minister arrived in Oslo on Tuesday.",
     "The trade minister flew to Oslo on Wednesday, 5 June 2024.", R, "Wednesday"),
    ("The trade minister arrived in Oslo on Wednesday.",
     "The trade minister flew to Oslo on Wednesday, 5 June 2024.", S, "Wednesday"),
    ("The delegation reached Lisbon on Friday.",
     "The delegation travelled on to Lisbon on 7 June 2024.", S, "Friday"),
    ("Die Delegation kam am Donnerstag in Lissabon an.",
     "Die Delegation reiste am 7. Juni 2024 nach Lissabon weiter.", R, "Freitag"),
    ("Die Sängerin traf am Samstag in Wien ein.",
     "Die Sängerin flog am 8. Juni 2024 nach Wien.", S, "Samstag"),
]

NOT_ARRIVALS = [
    # setting off is not arriving: the day of departure says nothing of the arrival
    ("The trade minister arrived in Oslo on Tuesday.",
     "The trade minister left for Oslo on 5 June 2024."),
    ("The trade minister arrived in Oslo on Tuesday.",
     "The trade minister headed to Oslo on 5 June 2024."),
    # travel to another place
    ("The trade minister arrived in Oslo on Tuesday.",
     "The trade minister flew to Bergen on 5 June 2024."),
    # "continued to" a verb, not a place
    ("The trade minister arrived in Oslo on Tuesday.",
     "The trade minister continued to negotiate in Oslo on 5 June 2024."),
]


@pytest.mark.parametrize(("claim", "sentence", "outcome", "weekday"), TRAVEL)
def test_travel_to_a_place_is_arriving_there(claim: str, sentence: str, outcome: Label,
                                             weekday: str) -> None:
    result = check_calendar(claim, [sentence])
    assert result is not None and result.outcome == outcome
    assert weekday in result.detail


@pytest.mark.parametrize(("claim", "sentence"), NOT_ARRIVALS)
def test_departures_and_other_places_are_not_arrivals(claim: str, sentence: str) -> None:
    assert check_calendar(claim, [sentence]) is None


CLAIM = "Norwegens Handelsministerin kam am Dienstag in Bergen an."
SENTENCE = "Officials said the minister would continue to Bergen the next day, Wednesday, 5 June."
CONTEXT = SentenceContext(
    "Norway's trade minister tours the west coast. On Tuesday, 4 June 2024, Ingrid Dahl "
    f"opened a port terminal in Stavanger. {SENTENCE}", date(2024, 6, 4))


def test_a_participant_named_earlier_in_the_document_counts() -> None:
    assert check_calendar(CLAIM, [SENTENCE]) is None  # "Norwegens" is not in the sentence
    result = check_calendar(CLAIM, [SENTENCE], contexts={SENTENCE: CONTEXT})
    assert result is not None and result.outcome == R
    assert "Wednesday" in result.detail and "Tuesday" in result.detail
    assert "2024" in result.detail  # the year from the document's date


def test_the_place_of_the_event_must_be_in_the_sentence_itself() -> None:
    sentence = "On Tuesday, 4 June 2024, Ingrid Dahl opened a port terminal in Stavanger."
    context = SentenceContext(f"Norway's trade minister tours the west coast. {sentence} "
                              "She arrived in Bergen a day later.", date(2024, 6, 4))
    claim = "Norwegens Handelsministerin kam am Dienstag in Bergen an."
    assert check_calendar(claim, [sentence], contexts={sentence: context}) is None


def test_same_event_date_with_a_participant_from_the_context() -> None:
    claim = "Norway's trade minister signed the agreement on 3 June 2024."
    sentence = "The minister signed the agreement on 5 June 2024 in Bergen."
    context = SentenceContext("Norway's trade minister tours the west coast. " + sentence,
                              date(2024, 6, 5))
    assert check_dates(claim, [sentence]) is None
    result = check_dates(claim, [sentence], contexts={sentence: context})
    assert result is not None and result.outcome == R


def test_same_fact_figure_with_a_participant_from_the_context() -> None:
    claim = "According to a survey by the Harwick Courier, a majority of residents back the bypass."
    sentence = "In the survey, 41 percent of residents backed the bypass."
    context = SentenceContext("Harwick Courier poll: town divided. " + sentence, date(2024, 6, 5))
    assert check_quantities(claim, [sentence]) is None
    result = check_quantities(claim, [sentence], contexts={sentence: context})
    assert result is not None and result.outcome == R and result.evidence_value == "41 percent"


# A document whose date sits two paragraphs after the sentence most like the claim.
TOUR = Document(
    id="dahl-west-coast-tour", lang="en", date="2024-06-04",
    title="Norway's trade minister Ingrid Dahl tours the west coast",
    text="Trade minister Ingrid Dahl has begun a tour of Norway's west coast to promote the "
         "country's new port strategy, her ministry said. She is to meet shipping companies "
         "and local mayors during the visit.\n\n"
         "The strategy, presented in April, sets aside money for electric ferries and shore "
         "power in ten ports. Industry groups welcomed it, while environmental groups called "
         "it too slow.\n\n"
         "On Tuesday, 4 June 2024, Dahl opened a port terminal in Stavanger. According to her "
         "ministry, she would continue to Bergen the following day, Wednesday, 5 June, to meet "
         "the city's mayor.",
)
OTHER = Document(
    id="bergen-ferries", lang="en", date="2024-05-20", title="Bergen orders electric ferries",
    text="The city of Bergen has ordered four electric ferries for its harbour routes. The "
         "first is due to enter service in 2026.",
)


@pytest.fixture(scope="module")
def verifier(tmp_path_factory: pytest.TempPathFactory, embedder) -> Verifier:
    settings = Settings(home=Path(tmp_path_factory.mktemp("context-home")))
    built = Verifier(settings, store=CorpusStore(settings, embedder))
    built.ingest_documents([TOUR, OTHER])
    return built


@pytest.mark.parametrize("claim", [
    "Norwegens Handelsministerin kam am Dienstag in Bergen an.",
    "Norway's trade minister arrived in Bergen on Tuesday.",
])
def test_the_judge_reads_the_rest_of_the_document(verifier: Verifier, claim: str) -> None:
    verdict = verifier.verify_claim(claim)
    assert verdict.label == R, verdict.rationale
    assert "Wednesday" in verdict.rationale
    [citation] = verdict.citations
    assert "Wednesday, 5 June" in citation.quote
    assert citation.passage_id in verdict.considered
    stored, _ = verifier.store.get([citation.passage_id])[citation.passage_id]
    assert citation.quote in stored


def test_an_arrival_on_the_right_day_is_not_refuted(verifier: Verifier) -> None:
    verdict = verifier.verify_claim("Norway's trade minister arrived in Bergen on Wednesday.")
    assert verdict.label != R, verdict.rationale
    assert any(c.kind == "calendar" and c.outcome == S for c in verdict.checks)


@pytest.mark.parametrize(("claim", "outcome"), [
    # a relative clause about a participant does not make the sentence another event
    ("Die Handelsministerin, die seit Jahren für eine neue Hafenstrategie mit mehr Fähren und "
     "Landstrom wirbt, kam am Dienstag in Bergen an.", R),
    ("The trade minister, who has long argued for cleaner ferries and shore power in every "
     "port, arrived in Bergen on Wednesday.", S),
    # a relative clause that holds the weekday is what is compared
    ("Die Ministerin, die am Dienstag in Bergen ankam, traf dort den Bürgermeister.", R),
])
def test_relative_clauses_are_set_aside(claim: str, outcome: Label | None) -> None:
    sentence = "The trade minister arrived in Bergen on Wednesday, 5 June 2024."
    result = check_calendar(claim, [sentence])
    assert (result.outcome if result else None) == outcome


CROSS_LANGUAGE = [
    # German claims against English evidence, one kind of check each
    ("Die Umweltminister beider Länder unterzeichneten das Abkommen am Montag in Brüssel.",
     "The environment ministers of both countries signed the agreement in Brussels on Tuesday, "
     "12 March 2024.", "calendar", R),
    ("Das Abkommen wurde am 14. März 2024 unterzeichnet.",
     "The agreement was signed in Brussels on 12 March 2024.", "date", R),
    ("Das Abkommen wurde am 12. März 2024 unterzeichnet.",
     "The agreement was signed in Brussels on 12 March 2024.", "date", S),
    ("Im Mai 2022 war Lena Fischer Gesundheitsministerin des Landes.",
     "Jonas Brandt has been the country's health minister since December 2021.", "role", R),
    ("Jonas Brandt war im Mai 2022 Gesundheitsminister des Landes.",
     "Jonas Brandt has been the country's health minister since December 2021.", "role", S),
]


@pytest.mark.parametrize(("claim", "sentence", "kind", "outcome"), CROSS_LANGUAGE)
def test_german_claims_against_english_evidence(claim: str, sentence: str, kind: str,
                                                outcome: Label) -> None:
    [result] = run_checks(claim, [sentence], date(2024, 3, 20))
    assert (result.kind, result.outcome) == (kind, outcome), result.detail


@pytest.mark.parametrize(("claim", "sentence", "outcome"), [
    ("Die drei Kraftwerke leisten zusammen rund zehn Gigawatt.",
     "Die drei Kraftwerke leisten 2,1, 3,4 und 2,0 Gigawatt.", R),
    ("The three plants together have about 7.5 gigawatts of capacity.",
     "The three plants have capacities of 2.1, 3.4 and 2.0 gigawatts.", S),
    ("The three plants together have about ten gigawatts of capacity.",
     "The three plants have capacities of 2.1, 3.4 and 2.0 gigawatts.", R),
])
def test_listed_figures_share_the_last_ones_unit(claim: str, sentence: str,
                                                 outcome: Label) -> None:
    [result] = run_checks(claim, [sentence])
    assert result.kind == "quantity" and result.outcome == outcome
    assert "7.5" in result.evidence_value


def test_across_languages_only_words_that_carry_over_are_compared() -> None:
    # "Befragten"/"respondents" carries over, the rest of the wording does not: too little to
    # say that the two sentences speak of the same event
    assert run_checks("Mehr als die Hälfte der Befragten unterstützt ein Tempolimit.",
                      ["In the survey, 48 percent of respondents backed a speed limit."]) == []
    [result] = run_checks("Die Delegation traf am Montag in Wien ein.",
                          ["The delegation arrived in Vienna on Tuesday, 12 March 2024."])
    assert result.outcome == R


ELECTION = ("Bei der Bürgermeisterwahl in Talheim am Sonntag, dem 10. März 2024, hat sich Jana "
            "Roth (SPD) mit 54,3 Prozent der Stimmen durchgesetzt.")


def test_an_office_and_a_party_are_both_checked() -> None:
    results = run_checks("Bürgermeisterin Jana Roth (CDU) eröffnete das Fest.",
                         [ELECTION, "Mayor Jana Roth opened the festival."], date(2024, 6, 8))
    assert {(r.kind, r.outcome) for r in results} >= {("role", R)}
    assert any("SPD" in r.detail for r in results if r.outcome == R)


@pytest.mark.parametrize(("claim", "kind", "outcome"), [
    # the head of a German compound names the event: "Bürgermeisterwahl" is an election
    ("Roth gewann die Wahl am 3. März 2024.", "date", R),
    ("Roth gewann die Wahl am 10. März 2024.", "date", S),
    # a share in words allows a few percentage points, not a tenth of the figure
    ("Roth gewann die Wahl im März 2024 mit knapp 65 Prozent der Stimmen.", "quantity", R),
    ("Roth gewann die Wahl im März 2024 mit rund 54 Prozent der Stimmen.", "quantity", S),
    ("Roth gewann die Wahl im März 2024 mit knapp 60 Prozent der Stimmen.", "quantity", None),
])
def test_elections_and_shares_in_words(claim: str, kind: str, outcome: Label | None) -> None:
    found = [r for r in run_checks(claim, [ELECTION], date(2024, 6, 8)) if r.kind == kind]
    assert [r.outcome for r in found] == ([outcome] if outcome else [])


def test_a_compound_needs_four_letters_before_its_head() -> None:
    assert "elect" in _concepts("landtagswahl", _EVENTS)
    assert "elect" not in _concepts("auswahl", _EVENTS)  # a selection is no election


@pytest.mark.parametrize(("claim", "evidence", "missing"), [
    ("The act was introduced on Jan. 24, 2019.", ["The act was introduced on 24 January 2020."],
     ["Jan. 24, 2019"]),
    ("The act was introduced on Jan. 24, 2019.", ["It was introduced on 24 January 2019."], []),
    ("Das Bad wurde am 7. Juni 2024 eröffnet.", ["The pool opened on Friday, 7 June 2024."], []),
    ("Das Bad wurde im Juni 2024 eröffnet.", ["Das Bad ist neu."], []),  # no day: not asked
])
def test_days_no_evidence_gives(claim: str, evidence: list[str], missing: list[str]) -> None:
    assert unstated_days(claim, evidence) == missing


def test_the_judge_does_not_support_a_day_no_passage_gives(verifier: Verifier) -> None:
    verdict = verifier.verify_claim("Bergen ordered four electric ferries on 3 March 2024.")
    assert verdict.label != S, verdict.rationale


@pytest.mark.parametrize(("claim", "sentence", "outcome"), [
    # common nouns of news carry over between the languages, so figures can be compared
    ("Die Strecke ist 12 Kilometer lang und hat 14 Haltestellen.",
     "The line is 8 kilometres long and has 14 stops.", R),
    ("Die Strecke ist 8 Kilometer lang und hat 14 Haltestellen.",
     "The line is 8 kilometres long and has 14 stops.", S),
    ("Der Hafen schlug 2023 rund 48 Millionen Tonnen Fracht um.",
     "The port handled 48.2 million tonnes of cargo in 2023.", S),
    ("Der Hafen schlug 2023 rund 68 Millionen Tonnen Fracht um.",
     "The port handled 48.2 million tonnes of cargo in 2023.", R),
])
def test_figures_across_languages(claim: str, sentence: str, outcome: Label) -> None:
    [result] = [r for r in run_checks(claim, [sentence]) if r.kind == "quantity"]
    assert result.outcome == outcome, result.detail
