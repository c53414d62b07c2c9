"""The place check on towns the gazetteer does not know, recognised by their construction ("in
NAME" without an article): another town for an event that happens once refutes when the evidence
uses the claim's name for a place of its own; a name the evidence never uses leaves the claim
without support. Constructed examples, German and English, with the cases that must not fire:
common nouns after "in", a town named together with the other one, regions."""

from __future__ import annotations

import pytest

from agent._checks import check_place
from agent._models import Label

R, NEI = Label.REFUTED, Label.NOT_ENOUGH_INFO

CASES = [
    # the claim's town is a place of its own in the evidence
    ("Den Vertrag unterzeichneten die Bürgermeister am 1. Oktober 2025 in Dornfeld.",
     ["Den Vertrag unterzeichneten die Bürgermeister am 1. Oktober 2025 in Marlow.",
      "Der Neubau der Klinik in Dornfeld soll 2029 fertig sein."], R, "Marlow"),
    ("The library opened in Ashby on 4 October 2025.",
     ["The library was opened in Kelloway on Saturday, 4 October 2025.",
      "Most of its readers come from Ashby, the council said."], R, "Kelloway"),
    ("Die Rakete startete vom Raumfahrtzentrum in Tromsvik.",
     ["Die Trägerrakete ist am 12. Juni 2025 vom Raumfahrtzentrum in Skarnby gestartet.",
      "Die Bodenstation in Tromsvik verfolgte den Flug."], R, "Skarnby"),
    # a name the evidence never uses for a place: no support
    ("Das Terminal wurde am 19. September 2025 in Halvering eröffnet.",
     ["Das Terminal wurde am Freitag, dem 19. September 2025, in Brennstedt eröffnet."], NEI,
     "Brennstedt"),
    ("The factory opened in Riverton.", ["The factory opened in Lakeside on 1 July 2021."], NEI,
     "Lakeside"),
    # must not fire: the same town, a town named together with the other, a name for something
    # else, a common noun after "in", a recurring event on another day
    ("The library opened in Kelloway on 4 October 2025.",
     ["The library was opened in Kelloway on Saturday, 4 October 2025."], None, ""),
    ("Die Halle wurde in Ostermoor eröffnet.",
     ["Die Halle wurde am 3. Mai 2024 in Brennstedt eröffnet.",
      "Ostermoor ist ein Stadtteil von Brennstedt."], None, ""),
    ("The training centre opened in Harwick.",
     ["Harwick Rovers opened their training centre in Aldenford on 2 August 2025."], None, ""),
    ("Das Werk wurde 2021 in Betrieb genommen.", ["Das Werk wurde 2021 in Regensburg eröffnet."],
     None, ""),
    ("Das Gesetz trat 2021 in Kraft.", ["Das Gesetz trat am 1. Mai 2021 in Kraft."], None, ""),
    ("The delegation met in Ashby.", ["The delegation met in Kelloway on 4 October 2025."], None,
     ""),
    ("Das Werk eröffnete in Bayern.", ["Das Werk eröffnete am 1. Juli 2021 in Talheim."], None,
     ""),
    ("The ship was launched in March.", ["The ship was launched in Kelloway in March 2024."],
     None, ""),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome", "place"), CASES)
def test_unknown_towns(claim: str, evidence: list[str], outcome: Label | None, place: str
                       ) -> None:
    result = check_place(claim, evidence)
    if outcome is None:
        assert result is None, result
        return
    assert result is not None and result.kind == "place" and result.outcome == outcome
    assert result.evidence_value == place and result.quote == evidence[0]
