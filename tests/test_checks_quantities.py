"""The quantity check: figures, fractions and comparisons in words, units and their conversions,
sums and changes, against the figures of evidence on the same fact. Constructed examples."""

from __future__ import annotations

import pytest
from conftest import assert_quantity

from agent._checks import check_quantities
from agent._models import Label

S, R, N = Label.SUPPORTED, Label.REFUTED, None

CASES = [
    # comparisons and fractions in words against a figure
    ("Die SPD erhielt mehr als ein Drittel der Stimmen.",
     ["Die SPD kam auf 31 Prozent der Stimmen, die CDU auf 36 Prozent."], R, "31 Prozent"),
    ("Die CDU erhielt mehr als ein Drittel der Stimmen.",
     ["Die SPD kam auf 31 Prozent der Stimmen, die CDU auf 36 Prozent."], S, "36 Prozent"),
    ("More than half of the members voted for the merger.",
     ["48 percent of the members voted for the merger."], R, "48 percent"),
    ("Knapp die Hälfte der Befragten nutzt das Angebot.",
     ["47 Prozent der Befragten nutzt das Angebot."], S, "47 Prozent"),
    ("The team scored more than half of its goals at home.",
     ["The team scored 31 of its 58 goals at home."], S, "53.4 %"),
    ("Zwei Drittel der Haushalte heizen mit Gas.",
     ["In der Stadt heizen 66 Prozent der Haushalte mit Gas."], S, "66 Prozent"),
    ("Jeder fünfte Schüler fährt mit dem Rad zur Schule.",
     ["31 Prozent der Schüler fahren mit dem Rad zur Schule."], R, "31 Prozent"),
    ("Knapp zehn Prozent der Einwohner sind älter als 80.",
     ["10,3 Prozent der Einwohner sind älter als 80 Jahre."], R, "10,3 Prozent"),
    ("Gut 60 Prozent der Mitglieder stimmten zu.",
     ["63 Prozent der Mitglieder stimmten zu."], S, "63 Prozent"),
    ("Gut 60 Prozent der Mitglieder stimmten zu.",
     ["58 Prozent der Mitglieder stimmten zu."], R, "58 Prozent"),
    ("Almsund hat 2024 über 150 elektrische Busse an Velsund geliefert.",
     ["Almsund hat 2024 insgesamt 148 elektrische Busse an Velsund geliefert."], R,
     "148 elektrische Busse"),
    ("Fewer than 20 tanks were delivered to the army.",
     ["The army received 24 tanks, according to the ministry."], N, ""),
    ("Fewer than 20 tanks were delivered to the army.",
     ["24 tanks were delivered to the army in the spring."], R, "24 tanks"),
    # exact figures, across languages
    ("Almsund hat 2024 insgesamt 148 elektrische Busse an Velsund geliefert.",
     ["Almsund delivered 148 electric buses to Velsund in 2024."], S,
     "148 electric buses"),
    ("The city council approved 1,200 new flats.",
     ["The city council approved 1,500 new flats in the northern district."], R,
     "1,500 new flats"),
    ("Der Stadtrat vergab einen Auftrag über 12 Millionen Euro.",
     ["Der Stadtrat vergab einen Auftrag über 15 Millionen Euro an die Baufirma."], R,
     "15 Millionen Euro"),
    # units and their conversions
    ("The reactor at Block 2 produced 1,300 megawatts.",
     ["Block 2 of the plant produces 1.3 GW."], S, "1.3 GW"),
    ("Die Trasse ist rund 100 Meilen lang.", ["Die Trasse ist 160 Kilometer lang."], S,
     "160 Kilometer"),
    ("Der Tanker verlor 2.000 Tonnen Öl.", ["Der Tanker verlor 2,5 Millionen Kilogramm Öl."],
     R, "2,5 Millionen Kilogramm"),
    # sums and changes of figures the evidence gives
    ("Die drei Kraftwerke haben zusammen rund zehn Gigawatt Leistung.",
     ["Die drei Kraftwerke leisten 3,2 GW, 4,1 GW und 2,5 GW."], S, "9.8 GW"),
    ("The three wind farms have a combined capacity of 12 GW.",
     ["The three wind farms have capacities of 3.2 GW, 4.1 GW and 2.5 GW."], R, "9.8 GW"),
    # a total of parts named in clauses of their own: the written figures add up
    ("Bund und Land gaben zusammen 75 Millionen Euro für die Sporthalle in Obertal.",
     ["Für die Sporthalle in Obertal gab der Bund 45 Millionen Euro, das Land weitere 30 "
      "Millionen Euro."], S, "75,000,000 Euro"),
    ("Bund und Land gaben zusammen 95 Millionen Euro für die Sporthalle in Obertal.",
     ["Für die Sporthalle in Obertal gab der Bund 45 Millionen Euro, das Land weitere 30 "
      "Millionen Euro."], R, "75,000,000 Euro"),
    ("Der Umsatz hat sich fast verdoppelt.",
     ["Der Umsatz stieg von 40 Millionen Euro auf 76 Millionen Euro."], S, "1.9-fold"),
    ("Revenue more than doubled.", ["Revenue rose from 40 million euros to 76 million euros."],
     R, "1.9-fold"),
    ("Die Zahl der Mitglieder ist um 20 Prozent gestiegen.",
     ["Die Zahl der Mitglieder stieg von 500 auf 600."], S, "+20 %"),
    ("The number of visitors fell by 10 percent.",
     ["The number of visitors rose from 20,000 to 22,000."], R, "+10 %"),
    ("Die Arbeitslosenquote ist um 2 Prozentpunkte gestiegen.",
     ["Die Arbeitslosenquote stieg von 5 Prozent auf 7 Prozent."], S, "+2 percentage points"),
    ("Unemployment rose by 2 percentage points.",
     ["Unemployment fell from 7 percent to 5 percent."], R, "-2 percentage points"),
    # a vote's two sides, each against the same side, across languages
    ("Harwick council approved the bypass by 31 votes to 12.",
     ["Der Rat von Harwick stimmte mit 31 zu 12 Stimmen bei zwei Enthaltungen für die "
      "Umgehungsstraße."], S, "31 zu 12 Stimmen"),
    ("Harwick council approved the bypass by 31 votes to 17.",
     ["Der Rat von Harwick stimmte mit 31 zu 12 Stimmen bei zwei Enthaltungen für die "
      "Umgehungsstraße."], R, "12 Stimmen"),
    # a basis point is a hundredth of a percentage point
    ("The central bank cut its key rate by 50 basis points.",
     ["The central bank lowered its key rate by 0.25 percentage points to 3.5%."], R,
     "0.25 percentage points"),
    ("Die Zentralbank senkte den Leitzins um 0,25 Prozentpunkte.",
     ["Die Zentralbank senkte den Leitzins um 25 Basispunkte auf 3,5 Prozent."], S,
     "25 Basispunkte"),
    # must not fire: a figure within the tolerance its wording allows
    ("About 10,000 municipal employees were sent to the flooded districts.",
     ["Rund 11.000 städtische Mitarbeiter wurden in die überfluteten Bezirke geschickt."], N, ""),
    ("Die Stadt hat rund 3 Millionen Euro in Radwege investiert.",
     ["Die Stadt hat 3,3 Millionen Euro in Radwege investiert."], S, "3,3 Millionen Euro"),
    # must not fire: a number inside a name
    ("Block 2 des Kraftwerks ging im Mai vom Netz.",
     ["Block 3 des Kraftwerks ging im Mai vom Netz."], N, ""),
    ("Der Flug 17 landete mit zwei Stunden Verspätung.",
     ["Flug 18 landete mit zwei Stunden Verspätung."], N, ""),
    ("Passengers for flight 4410 boarded at Gate 7B.",
     ["Passengers for flight 4412 boarded at Gate 9."], N, ""),
    # must not fire: another year's figure, another kind of figure, another subject
    ("The company hired 300 new employees in 2023.",
     ["The company hired 250 new employees in 2022."], N, ""),
    ("Die Stadt hat 120.000 Einwohner.", ["Die Stadt hat 45.000 Haushalte."], N, ""),
    ("Die SPD erhielt 31 Prozent der Stimmen.",
     ["Die Grünen erhielten 18 Prozent der Stimmen."], N, ""),
    # must not fire: evidence sentences that disagree with each other
    ("Die Halle bietet 4.000 Plätze.",
     ["Die Halle bietet 4.000 Plätze.", "Die Halle bietet 4.500 Plätze."], N, ""),
    # must not fire: no figure in the claim, a figure with nothing it counts
    ("Die Halle wurde erweitert.", ["Die Halle bietet 4.500 Plätze."], N, ""),
    ("The vote was 7 to 2 in favour.", ["The vote was 6 to 3 in favour."], N, ""),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome", "value"), CASES)
def test_quantities(claim: str, evidence: list[str], outcome: Label | None, value: str
                    ) -> None:
    assert_quantity(claim, evidence, outcome, value)


def test_detail_names_both_values() -> None:
    result = check_quantities("Die SPD erhielt mehr als ein Drittel der Stimmen.",
                              ["Die SPD kam auf 31 Prozent der Stimmen."])
    assert result is not None
    assert result.claim_value == "mehr als ein Drittel"
    assert "31 Prozent" in result.detail and "mehr als ein Drittel" in result.detail


def test_supported_only_when_every_figure_holds() -> None:
    evidence = ["Der Verein hat 1.200 Mitglieder und 14 Mannschaften."]
    assert check_quantities("Der Verein hat 1.200 Mitglieder und 14 Mannschaften.",
                            evidence).outcome == S  # type: ignore[union-attr]
    assert check_quantities("Der Verein hat 1.200 Mitglieder und 30 Trainer.",
                            evidence) is None
