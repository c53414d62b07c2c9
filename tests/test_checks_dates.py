"""The date check: the claim's date of an event against the date evidence sentences on the same
event give; dates of other events never fire. Constructed examples."""

from __future__ import annotations

import pytest

from agent._checks import _find_dates, check_dates
from agent._models import Label

S, R, N, NEI = Label.SUPPORTED, Label.REFUTED, None, Label.NOT_ENOUGH_INFO

CASES = [
    # day and month
    ("Der Vertrag wurde am 12. Juni unterzeichnet.",
     ["Der Vertrag wurde am 14. Juni 2023 in Berlin unterzeichnet."], R, "14. Juni 2023"),
    ("Der Vertrag wurde am 14. Juni unterzeichnet.",
     ["Der Vertrag wurde am 14. Juni 2023 in Berlin unterzeichnet."], S, "14. Juni 2023"),
    ("The partnership agreement was signed on 3 May 2022.",
     ["The partnership agreement was signed on May 5, 2022 in Lisbon."], R, "May 5, 2022"),
    ("Die Gemeinde eröffnete die Umgehungsstraße am 2. September 2024.",
     ["Die Umgehungsstraße wurde am 2. September 2024 von der Gemeinde eröffnet."], S,
     "2. September 2024"),
    ("The probe was launched on 14 February 2025.",
     ["The probe was launched on 2025-02-12 from French Guiana."], R, "2025-02-12"),
    ("Die Sonde startete am 12.02.2025 ins All.",
     ["Die Sonde startete am 12. Februar 2025 von Kourou aus."], S, "12. Februar 2025"),
    # a body's vote, across languages: "stimmte" and "voted", "beschloss" and "voted to"
    ("Bexley district council voted on the new library on 12 March 2024.",
     ["Der Rat des Bexley district council stimmte am 19. März 2024 mit 30 zu 12 Stimmen für "
      "die neue Bibliothek."], R, "19. März 2024"),
    ("Der Stadtrat von Leer beschloss den Bau der Brücke am Dienstag, dem 4. Juni 2024.",
     ["Leer city council voted on Tuesday 4 June 2024 to build the bridge."], S, "4 June 2024"),
    # month and year
    ("The club opened its new stadium in 2019.",
     ["The club opened its new stadium in August 2021 after two years of work."], R,
     "August 2021"),
    ("Der Verein eröffnete sein neues Stadion im August 2021.",
     ["Das neue Stadion wurde am 14. August 2021 vom Verein eröffnet."], S, "14. August 2021"),
    ("Die Stadtwerke kündigten die Preiserhöhung im März 2024 an.",
     ["Die Stadtwerke kündigten die Preiserhöhung am 28. Februar 2024 an."], R,
     "28. Februar 2024"),
    ("Der Vertrag wurde 2020 unterzeichnet.",
     ["Der 2019 unterzeichnete Vertrag wurde im Juni 2020 ratifiziert."], R, "2019"),
    ("The treaty was ratified in 2020.",
     ["The treaty signed in 2019 was ratified in June 2020."], S, "June 2020"),
    # ranges
    ("Die Messe fand vom 3. bis 5. Mai statt.",
     ["Die Messe fand vom 3. bis 6. Mai 2024 in Leipzig statt."], R, "3. bis 6. Mai 2024"),
    ("The festival took place from 3 to 6 May.",
     ["The festival took place May 3–6, 2024 in the old town."], S, "May 3–6, 2024"),
    ("Ihre Amtszeit dauerte von 2017 bis 2022.",
     ["Ihre Amtszeit dauerte von 2016 bis 2022."], R, "2016 bis 2022"),
    ("The survey ran between 2017 and 2021.",
     ["The survey ran from 2017 to 2021 in twelve countries."], S, "2017 to 2021"),
    # "seit" and "bis" against their like
    ("Die Brücke ist seit März 2023 gesperrt.",
     ["Die Brücke ist seit Januar 2023 gesperrt."], R, "Januar 2023"),
    ("The bridge has been closed since 2023.",
     ["The bridge has been closed since January 2023."], S, "January 2023"),
    # several events in one evidence sentence: the date of the claim's event decides
    ("Choe traf Lawrow am 6. November in Moskau.",
     ["Choe arrived in Moscow on 4 November; the talks with Lavrov began on 5 November."], R,
     "5 November"),
    ("Choe arrived in Moscow on 4 November.",
     ["Choe arrived in Moscow on 4 November; the talks with Lavrov began on 5 November."], S,
     "4 November"),
    ("The treaty was signed on 12 June 2023.",
     ["The treaty, which entered into force on 12 June 2023, was signed in Paris in 2022."], R,
     "2022"),
    ("Die Astronautin landete am 6. Oktober wieder auf der Erde.",
     ["Die Astronautin startete am 2. März und landete am 8. Oktober 2023 in Kasachstan."], R,
     "8. Oktober 2023"),
    # the evidence on the same event does not give the claim's date
    ("The treaty was signed on 12 June 2023.", ["The treaty was signed in June 2023."], NEI,
     "June 2023"),
    ("Der Bürgermeister weihte die Brücke am 3. Mai 2024 ein.",
     ["Der Bürgermeister weihte die neue Brücke feierlich ein."], NEI, ""),
    # must not fire: another event, another predicate
    ("Der Bürgermeister eröffnete am 3. Mai die Brücke.",
     ["Die Brücke wurde am 5. Mai gesperrt."], N, ""),
    ("The treaty was signed on 12 June 2023.",
     ["The treaty was ratified on 14 June 2023."], N, ""),
    ("Die Partei wählte am 4. Mai ihren Vorsitzenden.",
     ["Die Partei wurde am 2. Mai 1990 gegründet."], N, ""),
    # must not fire: other participants, another period's figures, a recurring event
    ("Der FC Hansa gewann am 4. Mai gegen Eintracht.",
     ["Der FC Hansa gewann am 11. Mai gegen Preußen."], N, ""),
    ("The company hired 300 new employees in 2023.",
     ["The company hired 250 new employees in 2022."], N, ""),
    ("Die Minister trafen sich am 4. Juni erneut in Brüssel.",
     ["Die Minister trafen sich am 2. Juni in Brüssel."], N, ""),
    ("The ministers met again in Brussels on 4 June.",
     ["The ministers met in Brussels on 2 June."], N, ""),
    ("The president visited Kyiv in March 2023.",
     ["The president visited Kyiv in September 2022."], N, ""),
    ("Der Verein stieg 2019 in die Bundesliga auf.", ["Der Verein stieg 2021 wieder ab."], N, ""),
    ("Der Verein stieg 2019 in die zweite Liga ab.",
     ["Der Verein stieg im Mai 2018 in die zweite Liga ab."], R, "Mai 2018"),
    # must not fire: a claim with several dates, a claim without a date, a date "before"
    ("Der 2019 unterzeichnete Vertrag trat am 1. Juli 2020 in Kraft.",
     ["Der Vertrag trat am 1. Januar 2021 in Kraft."], N, ""),
    ("Der Vertrag wurde in Berlin unterzeichnet.",
     ["Der Vertrag wurde am 14. Juni 2023 in Berlin unterzeichnet."], N, ""),
    ("The law must be passed before 1 July 2024.",
     ["The law was passed on 3 July 2024."], N, ""),
    # must not fire: the evidence sentence gives dates, but of other events only
    ("Der Bürgermeister eröffnete die Brücke am 3. Mai 2024.",
     ["Die Brücke, deren Bau am 4. April 2022 begann, wurde vom Bürgermeister eröffnet."], N,
     ""),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome", "value"), CASES)
def test_dates(claim: str, evidence: list[str], outcome: Label | None, value: str) -> None:
    result = check_dates(claim, evidence)
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.kind == "date"
    assert result.outcome == outcome
    assert result.evidence_value == value
    assert result.quote in evidence


def test_another_sentence_giving_the_date_keeps_it_open() -> None:
    evidence = ["The treaty was signed in June 2023.", "On 12 June 2023 the treaty was signed."]
    result = check_dates("The treaty was signed on 12 June 2023.", evidence)
    assert result is not None and result.outcome == S


def test_detail_names_both_dates() -> None:
    result = check_dates("Der Vertrag wurde am 12. Juni unterzeichnet.",
                         ["Der Vertrag wurde am 14. Juni 2023 unterzeichnet."])
    assert result is not None and "14 June 2023" in result.detail and "12 June" in result.detail


@pytest.mark.parametrize(
    ("text", "first", "last", "relation", "weekday"),
    [
        ("am Freitag, dem 9. Juni 2023", (2023, 6, 9), (2023, 6, 9), "at", 4),
        ("on Monday, March 3, 2021", (2021, 3, 3), (2021, 3, 3), "at", 0),
        ("vom 28. April bis 2. Mai 2024", (2024, 4, 28), (2024, 5, 2), "at", None),
        ("between 2017 and 2022", (2017, None, None), (2022, None, None), "at", None),
        ("seit Dezember 2021", (2021, 12, None), (2021, 12, None), "since", None),
        ("bis 2021", (2021, None, None), (2021, None, None), "until", None),
        ("the 9th of June 2023 (a Friday)", (2023, 6, 9), (2023, 6, 9), "at", 4),
        ("09.06.2023", (2023, 6, 9), (2023, 6, 9), "at", None),
        ("im Juni", (None, 6, None), (None, 6, None), "at", None),
    ],
)
def test_find_dates(text, first, last, relation, weekday) -> None:
    (when,) = _find_dates(text)
    assert (when.first, when.last, when.relation, when.weekday) == (first, last, relation,
                                                                    weekday)


@pytest.mark.parametrize("text", ["they may 5 times", "am 31. Juni", "3,2 GW", "Flug 17"])
def test_not_dates(text: str) -> None:
    assert _find_dates(text) == []
