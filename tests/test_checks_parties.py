"""The membership check on more ways news names a person's party: an aside ("NAME, a Democrat,"),
a member's noun ("der Sozialdemokrat NAME", "Republican Senator NAME"), an office after the party's
name ("CDU-Landrätin NAME") and "von den Grünen". Constructed examples, German and English, with
the cases that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from agent._checks import _memberships, check_membership
from agent._models import Label

S, R, N = Label.SUPPORTED, Label.REFUTED, None

CASES = [
    ("Health Secretary Mark Ellis, a Conservative, announced the funding.",
     ["Health Secretary Mark Ellis (Labour) announced 60 million pounds."], R, "Labour"),
    ("The Democrat Alma Reyes presented the budget.",
     ["Mayor Alma Reyes (Democrat) presented the draft."], S, "Democrat"),
    ("Der Sozialdemokrat Jörg Stenzel unterlag knapp.",
     ["Die CDU-Politikerin Mira Hahn setzte sich gegen Jörg Stenzel (FDP) durch."], R, "FDP"),
    ("CDU-Landrätin Mira Hahn unterzeichnete den Vertrag.",
     ["Landrätin Mira Hahn (SPD) unterzeichnete den Vertrag."], R, "SPD"),
    ("Paul Fink von den Grünen stimmte zu.", ["Der Grünen-Abgeordnete Paul Fink stimmte zu."], S,
     "Grünen"),
    ("Republican Senator John Hale voted against the bill.",
     ["John Hale, a Democrat, voted against the bill."], R, "Democrat"),
    ("Bürgermeisterin Jana Roth (parteilos) eröffnete die Messe.",
     ["Bürgermeisterin Jana Roth (SPD) eröffnete die Messe am Freitag."], R, "SPD"),
    ("Der Marlower Bürgermeister Tim Vosse ist Mitglied der SPD.",
     ["Bei der Wahl trat der parteilose Vosse als Kandidat von SPD und Grünen an."], R,
     "parteilose"),
    # must not fire: another person, a party that names no person
    ("The Democrat Alma Reyes presented the budget.",
     ["The Republican Tom Reyes spoke against it."], N, ""),
    ("Die Sozialdemokraten Berlins feierten den Sieg.", ["Die CDU gewann die Wahl in Berlin."],
     N, ""),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome", "value"), CASES)
def test_party_of_a_person(claim: str, evidence: list[str], outcome: Label | None, value: str
                           ) -> None:
    result = check_membership(claim, evidence, date(2025, 6, 1))
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.outcome == outcome
    assert value in result.evidence_value


@pytest.mark.parametrize("text", [
    "US Republican Jane Hale opposed the bill.",  # without an article: maybe an adjective
    "The bill, a Republican priority, passed.", "Die SPD-Fraktion im Landtag stimmte zu.",
    "The Conservative Party Conference opened.", "Die Republikaner im Senat stimmten dagegen.",
])
def test_no_person_named(text: str) -> None:
    assert _memberships(text) == []
