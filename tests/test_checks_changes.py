"""The quantity check on changes named by a noun or an adverb ("ein Plus von 6 Prozent", "up 9
percent", "6 Prozent mehr als im Vorjahr"), on fractions in words with a qualifier ("knapp zwei
Drittel"), on a part of a whole ("21 of its 38 matches"), on figures in clauses of their own
("der Umsatz auf 612, der Gewinn auf 48 Millionen") and totals stated with a verb ("totalled").
Constructed examples, German and English, with the cases that must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import assert_quantity

from agent._checks import _amounts, check_quantities
from agent._models import Label

S, R, N = Label.SUPPORTED, Label.REFUTED, None

CASES = [
    # a change named by an adverb or a noun is a change, like one named by a verb
    ("Average attendance at the stadium rose by 19 percent to 14,350.",
     ["Average attendance at the stadium rose to 14,350, up 9 percent on the previous season."],
     R, "9 percent"),
    ("Average attendance at the stadium rose by 9 percent to 14,350.",
     ["Average attendance at the stadium rose to 14,350, up 9 percent on the previous season."],
     S, "9 percent"),
    ("Der Umschlag im Hafen stieg um 8 Prozent.",
     ["Der Umschlag im Hafen wuchs im Jahr 2025 um ein Plus von 4,5 Prozent."], R, "4,5 Prozent"),
    ("Der Umschlag im Hafen stieg um 4,5 Prozent.",
     ["Der Umschlag im Hafen stieg auf 41 Millionen Tonnen, 4,5 Prozent mehr als im Vorjahr."],
     S, "4,5 Prozent"),
    ("The bakery's sales fell by 4 percent.",
     ["The bakery's sales fell to 2 million euros, down 4 percent on the year."], S,
     "4 percent"),
    ("The bakery's sales fell by 12 percent.",
     ["The bakery's sales showed an increase of 12 percent on the year."], R, "12 percent"),
    ("Die Reederei steigerte ihren Umsatz 2024 um 12 Prozent auf 214 Millionen Euro.",
     ["Die Reederei erzielte 2024 einen Umsatz von 214 Millionen Euro, ein Plus von 18 Prozent."],
     R, "18 Prozent"),
    # must not fire: a share is no change, nor is "up to"
    ("Police funding made up 22 percent of the budget.",
     ["Police funding rose by 22 percent, the city said."], N, ""),
    ("The bakery's sales rose by 30 percent.",
     ["The bakery's sales could rise up to 30 percent."], N, ""),
    # fractions in words with a qualifier: a few points, and no count of "quarters"
    ("Bei der Wahl erhielt Habeck knapp zwei Drittel der Stimmen.",
     ["Bei der Landratswahl hat sich Miriam Habeck mit 54,3 Prozent der Stimmen durchgesetzt."],
     R, "54,3 Prozent"),
    ("Bei der Wahl erhielt Habeck knapp zwei Drittel der Stimmen.",
     ["Bei der Landratswahl hat sich Miriam Habeck mit 64,1 Prozent der Stimmen durchgesetzt."],
     S, "64,1 Prozent"),
    ("Wages made up more than three quarters of revenue.",
     ["Wages totalled 27.1 million pounds, 70 percent of revenue."], R, "70 percent"),
    ("Wages made up more than three quarters of revenue.",
     ["Wages totalled 27.1 million pounds, 78 percent of revenue."], S, "78 percent"),
    ("Two-thirds of the members backed the merger.",
     ["Some 52 percent of the members backed the merger."], R, "52 percent"),
    ("Nearly three-quarters of the members backed the merger.",
     ["73 percent of the members backed the merger."], S, "73 percent"),
    # a part of a whole: the event is about the part
    ("The club won 21 of its 38 league matches.",
     ["The club won 21 matches, drew 8 and lost 9."], S, "21 matches"),
    ("The club won 23 of its 38 league matches.",
     ["The club won 21 matches, drew 8 and lost 9."], R, "21 matches"),
    ("Die Partei gewann 41 von 60 Sitzen.", ["Die Partei gewann 41 Sitze."], S, "41 Sitze"),
    ("Die Mannschaft gewann 14 ihrer 30 Spiele.",
     ["Die Mannschaft gewann 14 Spiele, spielte sechsmal unentschieden und verlor zehnmal."], S,
     "14 Spiele"),
    # must not fire: the evidence's whole is no count of the event
    ("The club won 21 of its 38 matches.",
     ["Rovers won 21, drew 8 and lost 9 of their 38 league matches."], N, ""),
    # a counted noun before a preposition, a change from a figure without a unit
    ("The company cut 1,200 jobs.", ["The company cut 2,100 jobs across its European plants."],
     R, "2,100 jobs"),
    ("The budget deficit was halved.",
     ["The budget deficit fell from 4.0 billion to 2.9 billion euros."], R, "fold"),
    # figures in clauses of their own: the one of the claim's noun
    ("Der Umsatz der Reederei belief sich auf 652 Millionen Euro.",
     ["Der Umsatz der Reederei belief sich auf 612 Millionen Euro, der Gewinn auf 48 Millionen "
      "Euro."], R, "612 Millionen Euro"),
    ("Der Gewinn der Reederei belief sich auf 48 Millionen Euro.",
     ["Der Umsatz der Reederei belief sich auf 612 Millionen Euro, der Gewinn auf 48 Millionen "
      "Euro."], S, "48 Millionen Euro"),
    ("The ferry line's revenue reached 61 million euros.",
     ["The ferry line's revenue reached 58 million euros and its profit 6 million euros."], R,
     "58 million"),
    # a total with a verb ("totalled"), of figures in several clauses
    ("Spending on transport and parks totalled $251 million.",
     ["Spending on public transport rises to $186 million, and parks receive $55 million."], R,
     "the sum of"),
    ("Spending on transport and parks totalled $241 million.",
     ["Spending on public transport rises to $186 million, and parks receive $55 million."], S,
     "the sum of"),
    # a claim about two of the clauses' subjects: their sum, never one of them
    ("Bund und Land steuerten 75 Millionen Euro bei.",
     ["Das Land hatte den Bau mit 45 Millionen Euro gefördert; der Bund steuerte weitere 30 "
      "Millionen Euro bei."], S, "the sum of"),
    # a month is no name the evidence must give
    ("Wages totalled 29.1 million pounds in the year to June.",
     ["Wages totalled 27.1 million pounds, 70 percent of revenue."], R, "27.1 million"),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome", "value"), CASES)
def test_changes_and_shares(claim: str, evidence: list[str], outcome: Label | None, value: str
                            ) -> None:
    assert_quantity(claim, evidence, outcome, value)


def test_a_loss_or_a_growth_rate_is_no_change() -> None:
    assert [a.unit for a in _amounts("Die Reederei meldete einen Verlust von 4,2 Millionen Euro.")
            ] == ["eur"]
    assert [a.unit for a in _amounts("Economic growth of 5.6% outpaced the region.")] == [
        "percent"]
    assert [a.unit for a in _amounts("Sales were down 4 percent.")] == ["change%:down"]


def test_last_year_is_counted_from_the_time_of_writing() -> None:
    claim = "The museum welcomed 412,000 visitors last year."
    stated = ["The museum welcomed 421,000 visitors in 2024."]
    older = ["The museum welcomed 380,000 visitors in 2019."]
    result = check_quantities(claim, stated, date(2025, 11, 20))
    assert result is not None and result.outcome == R
    assert check_quantities(claim, older, date(2025, 11, 20)) is None
    assert check_quantities(claim, stated) is None  # the time of writing unknown
