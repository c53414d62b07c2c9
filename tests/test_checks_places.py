"""The place check: the town or country a claim gives for an event that happens at one place,
against the one evidence on the same event gives. Constructed examples, German and English,
with the cases that must not fire: regions and towns in them, other occurrences of a recurring
event, another event, the claim's place named too."""

from __future__ import annotations

import pytest

from agent._checks import check_place
from agent._models import Label

R = Label.REFUTED

CASES = [
    # another town or country for an event that happens once
    ("Die Außenminister unterzeichneten das Abkommen in Paris.",
     "The foreign ministers signed the agreement in Brussels on 12 March 2024.", "Brussels"),
    ("The treaty was signed in Vienna.", "Der Vertrag wurde am 3. Mai 1999 in Prag unterzeichnet.",
     "Prag"),
    ("Der Vertrag wurde in Deutschland unterzeichnet.", "The treaty was signed in France in 1963.",
     "France"),
    ("Das Museum eröffnete in Graz.", "Das Museum eröffnete am 5. Mai 2020 in Linz.", "Linz"),
    ("The composer was born in Hamburg.", "The composer was born in Leipzig in 1833.", "Leipzig"),
    ("Die Sängerin starb in Rom.", "Die Sängerin starb 1977 in Paris.", "Paris"),
    ("The parliament ratified the accord in Oslo.",
     "The parliament ratified the accord in Stockholm on 2 June 2021.", "Stockholm"),
    ("Der Satellit startete in Kasachstan.", "The satellite was launched in French Guiana.", None),
    # a recurring event: only when both give the same day
    ("Die Ministerin kam am Dienstag in Moskau an.",
     "On Tuesday, 29 October 2024, the minister's plane landed in Vladivostok.", "Vladivostok"),
    ("The minister arrived in Madrid on 4 June 2024.",
     "The minister arrived in Lisbon on 4 June 2024.", "Lisbon"),
    ("Die Delegation traf sich am 8. Mai 2023 in Genf.",
     "Die Delegation traf sich am 8. Mai 2023 in Wien.", "Wien"),
    # must not fire: a recurring event without the same day
    ("Die Ministerin kam in Moskau an.",
     "On Tuesday, 29 October 2024, the minister's plane landed in Vladivostok.", None),
    ("Die Ministerin kam am Mittwoch in Moskau an.",
     "On Tuesday, 29 October 2024, the minister's plane landed in Vladivostok.", None),
    ("The ministers met in Geneva.", "The ministers met in Vienna on 8 May 2023.", None),
    # must not fire: the same place, or the claim's place named too
    ("Die Außenminister unterzeichneten das Abkommen in Brüssel.",
     "The foreign ministers signed the agreement in Brussels on 12 March 2024.", None),
    ("Die Ministerin kam am Dienstag in Moskau an.",
     "On Tuesday, 29 October 2024, the minister landed in Vladivostok and flew on to Moscow.",
     None),
    # must not fire: a region against a town or country in it (towns the gazetteer lacks:
    # tests/test_checks_towns.py)
    ("The summit was held in Russia on Tuesday.",
     "The leaders met in Moscow on Tuesday, 29 October 2024.", None),
    ("Der Vertrag wurde in Deutschland unterzeichnet.", "The treaty was signed in Paris in 1963.",
     None),
    ("Das Werk eröffnete in Bayern.", "Das Werk eröffnete am 1. Juli 2021 in Regensburg.", None),
    ("The plant opened in Ohio.", "The plant opened in Lakeside on 1 July 2021.", None),
    # must not fire: another event, another museum, another participant
    ("Das Museum eröffnete in Graz.", "Ein anderes Museum eröffnete am 5. Mai 2020 in Linz.",
     None),
    ("Das Museum eröffnete in Graz.", "Der Direktor wurde am 5. Mai 1960 in Linz geboren.", None),
    ("The composer was born in Hamburg.", "The composer died in Vienna in 1897.", None),
    ("Die Sängerin starb in Rom.", "Der Dirigent starb 1977 in Paris.", None),
    # must not fire: no event the lexicon knows, or several places in the claim
    ("Die Firma hat ihren Sitz in Hamburg.", "Die Firma hat ihren Sitz in Bremen.", None),
    ("The minister flew from Berlin to Paris.", "The minister flew to Rome on 3 May 2024.", None),
]


@pytest.mark.parametrize(("claim", "sentence", "place"), CASES)
def test_place(claim: str, sentence: str, place: str | None) -> None:
    result = check_place(claim, [sentence])
    if place is None:
        assert result is None, result
        return
    assert result is not None and result.kind == "place" and result.outcome == R
    assert result.evidence_value == place and result.quote == sentence
    assert place in result.detail


def test_another_sentence_on_the_same_event_with_the_claims_place_wins() -> None:
    claim = "Die Ministerin kam am Dienstag, dem 29. Oktober 2024, in Moskau an."
    landed = "On Tuesday, 29 October 2024, the minister landed in Vladivostok."
    reached = "The minister arrived in Moscow late on Tuesday, 29 October 2024."
    assert check_place(claim, [landed, reached]) is None
