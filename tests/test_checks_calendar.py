"""The calendar check: weekdays against the real calendar, in the claim, against the article's
date and against the date the evidence gives for the same event. Constructed examples."""

from __future__ import annotations

from datetime import date

import pytest

from agent._checks import check_calendar
from agent._models import Label

S, R, N = Label.SUPPORTED, Label.REFUTED, None
ARTICLE_DATE = date(2024, 3, 20)  # a Wednesday

CASES = [
    # a separable verb around a date in commas is still the same event ("kam an" = "traf ein")
    ("Die Ministerin kam am Dienstag in Graz an.",
     ["Die Ministerin traf am Mittwoch, dem 30. Oktober 2024, in Graz ein."], None, R, "Mittwoch"),
    ("Der Trainer kam am Mittwoch in Bremen an.",
     ["Der Trainer traf am Mittwoch, dem 30. Oktober 2024, in Bremen ein."], None, S, "Mittwoch"),
    # a weekday stated with a date in the claim
    ("Am Freitag, dem 9. Juni 2023, eröffnete die Bürgermeisterin das neue Hallenbad.", [],
     None, S, "Freitag"),
    ("On Monday, March 3, 2021, the council approved the budget.", [], None, R, "Wednesday"),
    ("Die Landesregierung beschloss am Mittwoch, 14. Februar 2024, das Klimagesetz.", [],
     None, S, "Mittwoch"),
    ("Der Stadtrat tagte am Montag, dem 14. Februar 2024, bis in die Nacht.", [], None, R,
     "Mittwoch"),
    ("The observatory recorded the flare on Thursday, 29 February 2024.", [], None, S,
     "Thursday"),
    ("The observatory recorded the flare on Friday, 29 February 2024.", [], None, R,
     "Thursday"),
    ("Am Samstag, 24. Dezember 2022, blieben die Geschäfte ab 14 Uhr geschlossen.", [], None, S,
     "Samstag"),
    ("Die Mondlandung gelang am Montag, dem 20. Juli 1969.", [], None, R, "Sonntag"),
    ("The armistice centenary was marked on Sunday, November 11, 2018.", [], None, S,
     "Sunday"),
    ("Der Tag der Deutschen Einheit fiel 1990 auf Donnerstag, den 3. Oktober 1990.", [], None,
     R, "Mittwoch"),
    ("Borussia won the derby on Saturday 7 October 2023 by two goals.", [], None, S,
     "Saturday"),
    ("The merger closed on 15 August 2019 (a Friday).", [], None, R, "Thursday"),
    ("Am 1. Januar 2000, einem Samstag, blieb der befürchtete Computerausfall aus.", [], None,
     S, "Samstag"),
    ("Die Ausstellung öffnete am Dienstagabend, 5. März 2024, ihre Türen.", [], None, S,
     "Dienstag"),
    # the year from the article's date when the claim gives none
    ("Der Vorstand trat am Dienstag, dem 12. März, zurück.", [], ARTICLE_DATE, S, "Dienstag"),
    ("The trial resumed on Friday, March 12.", [], ARTICLE_DATE, R, "Tuesday"),
    # a relative day against the article's date
    ("Am vergangenen Dienstag, dem 19. März, stellte der Verein den neuen Trainer vor.", [],
     ARTICLE_DATE, S, "Dienstag"),
    ("Am vergangenen Dienstag, dem 5. März, stellte der Verein den neuen Trainer vor.", [],
     ARTICLE_DATE, R, "2024-03-19"),
    ("Gestern, am Dienstag, stimmte der Gemeinderat dem Bebauungsplan zu.", [], ARTICLE_DATE,
     S, "Dienstag"),
    ("Yesterday, Monday, the regulator fined the airline.", [], ARTICLE_DATE, R, "Tuesday"),
    ("Der Kreistag stimmte gestern dem Haushalt zu.",
     ["Der Kreistag stimmte am 18. März 2024 dem Haushalt zu."], ARTICLE_DATE, R,
     "2024-03-18"),
    ("The board approved the takeover yesterday.",
     ["The board approved the takeover on 19 March 2024."], ARTICLE_DATE, S, "2024-03-19"),
    # the claim's weekday against the date the evidence gives for the same event
    ("Die Außenministerin traf am Dienstag in Moskau ein.",
     ["Die Außenministerin traf am 4. November 2024 in Moskau ein."], None, R, "Montag"),
    ("The foreign minister arrived in Moscow on Tuesday.",
     ["The foreign minister arrived in Moscow on 5 November 2024, officials said."], None, S,
     "Tuesday"),
    ("Der Minister kam am Dienstag in Moskau an.",
     ["Choe arrived in Moscow on 4 November 2024.",
      "Der Minister kam am 4. November 2024 in Moskau an."], None, R, "Montag"),
    ("The striker signed his new contract on Sunday.",
     ["The striker signed his new contract on 14 July 2024, the club said."], None, S,
     "Sunday"),
    ("Die Raumsonde startete am Freitag vom Weltraumbahnhof.",
     ["Die Raumsonde startete am 1. März 2025 vom Weltraumbahnhof."], None, R, "Samstag"),
    ("Last Tuesday the museum opened its new wing.",
     ["The museum opened its new wing on 12 March 2024."], ARTICLE_DATE, S, "Tuesday"),
    # must not fire: a weekday without any date
    ("Am Dienstag traf der Minister seinen Amtskollegen.", [], ARTICLE_DATE, N, ""),
    ("On Friday the city council met for the last time before the summer break.", [], None, N,
     ""),
    # must not fire: the evidence dates another event
    ("Die Außenministerin traf am Dienstag in Moskau ein.",
     ["Die Außenministerin reiste am 4. November 2024 aus Peking ab."], None, N, ""),
    ("The foreign minister arrived in Moscow on Tuesday.",
     ["The foreign minister met Lavrov in Moscow on 4 November 2024."], None, N, ""),
    ("The museum opened its new wing on Tuesday.",
     ["The museum opened its new wing on 12 March 2024 and closed the old one on 4 April 2024."],
     None, S, "Tuesday"),
    # must not fire: habitual days, bounds, a recurring event
    ("Der Wochenmarkt findet dienstags auf dem Rathausplatz statt.",
     ["Der Wochenmarkt fand am 4. Juni 2024 auf dem Rathausplatz statt."], None, N, ""),
    ("The road has been closed since Tuesday.",
     ["The road has been closed since 4 November 2024."], None, N, ""),
    ("Die Minister trafen sich am Dienstag erneut in Brüssel.",
     ["Die Minister trafen sich am 4. November 2024 in Brüssel."], None, N, ""),
    # must not fire: an impossible or incomplete date, a weekday without a year to place it
    ("Am Freitag, dem 31. Juni 2023, begann das Stadtfest.", [], None, N, ""),
    ("The final was played on Sunday, May 12.", [], None, N, ""),
]


@pytest.mark.parametrize(("claim", "evidence", "as_of", "outcome", "value"), CASES)
def test_calendar(claim: str, evidence: list[str], as_of: date | None, outcome: Label | None,
                  value: str) -> None:
    result = check_calendar(claim, evidence, as_of)
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.kind == "calendar"
    assert result.outcome == outcome
    assert value in result.evidence_value
    assert result.quote in ("", *evidence)


def test_refuted_weekday_names_both_weekdays() -> None:
    result = check_calendar("Die Delegation landete am Montag, dem 3. März 2021, in Wien.", [])
    assert result is not None and result.outcome == R
    assert "Monday" in result.detail and "Wednesday" in result.detail
    assert result.claim_value == "Montag, dem 3. März 2021" and result.quote == ""


def test_evidence_check_quotes_the_sentence() -> None:
    evidence = ["Die Kommission legte ihren Bericht am 4. November 2024 vor."]
    result = check_calendar("Die Kommission legte ihren Bericht am Dienstag vor.", evidence)
    assert result is not None and result.outcome == R and result.quote == evidence[0]
