"""The sides check: the side of a vote a claim gives parties against the side evidence on the
same vote gives them. Constructed examples, German and English, with the cases that must not
fire."""

from __future__ import annotations

import pytest

from agent._checks import SentenceContext, _sides, check_sides, run_checks
from agent._models import Label

MINUTES = ("Minutes of Tamworth Borough Council. A recorded vote was taken on the library "
           "closure plan.")

CASES = [
    # a coalition's parties, across languages, with the passage naming the place
    ("Der Schulbeschluss im Kreistag von Hameln wurde von einer Koalition aus CDU und Grünen "
     "getragen.",
     "The coalition of the CDU and the FDP backed the school plan, while the Greens and the SPD "
     "opposed it.",
     "Councillors in Hameln voted on Tuesday on the school plan.", "Greens"),
    ("The Labour group on Tamworth Borough Council voted against the library closure plan.",
     "For: 30 (Labour 22, Liberal Democrat 8).", MINUTES, "Labour"),
    ("Die SPD stimmte im Stadtrat von Jena gegen den Haushalt.",
     "Dafür stimmten die Fraktionen von SPD und Linken, dagegen die CDU.",
     "Jena. Der Stadtrat von Jena hat den Haushalt beschlossen.", "SPD"),
    ("Die CDU stimmte im Stadtrat von Jena gegen den Haushalt.",
     "Mit den Stimmen von SPD und CDU beschloss der Stadtrat von Jena den Haushalt.", "", "CDU"),
]


@pytest.mark.parametrize(("claim", "sentence", "passage", "party"), CASES)
def test_a_party_on_the_other_side_refutes(claim: str, sentence: str, passage: str,
                                           party: str) -> None:
    contexts = {sentence: SentenceContext(f"{passage} {sentence}")} if passage else None
    result = check_sides(claim, [sentence], contexts)
    assert result is not None and result.kind == "side" and result.outcome == Label.REFUTED
    assert result.quote == sentence and party in result.evidence_value


NOT_FIRING = [
    # the same parties on the same side
    ("The Labour group on Tamworth Borough Council voted for the library closure plan.",
     "For: 30 (Labour 22, Liberal Democrat 8).", MINUTES),
    # another council's vote: its passage names another place
    ("Der Beschluss im Kreistag von Hameln wurde von einer Koalition aus CDU und SPD getragen.",
     "Dafür stimmten die Fraktionen von CDU und Grünen, dagegen stimmte die SPD.",
     "Kusel. Der Kreistag des Landkreises Kusel hat am Montag den Umbau beschlossen."),
    # a tally and a speech take no side; a denial is no side either
    ("Die SPD stimmte im Kreistag von Hameln für die Fusion.",
     "Der Kreistag von Hameln stimmte mit 38 gegen 21 Stimmen bei SPD-Enthaltungen zu.", ""),
    ("The Labour group on Tamworth Borough Council voted for the library closure plan.",
     "Councillor Ann Hill, leader of the Labour group, spoke against the library closure plan.",
     MINUTES),
    ("The Greens on Tamworth Borough Council backed the library closure plan.",
     "The Greens did not oppose the library closure plan on Tamworth Borough Council.", ""),
]


@pytest.mark.parametrize(("claim", "sentence", "passage"), NOT_FIRING)
def test_must_not_fire(claim: str, sentence: str, passage: str) -> None:
    contexts = {sentence: SentenceContext(f"{passage} {sentence}")} if passage else None
    assert check_sides(claim, [sentence], contexts) is None


def test_sides_of_a_sentence() -> None:
    assert _sides("The CDU and the FDP backed it, while the SPD opposed it.") == {
        "cdu": (True, "CDU"), "fdp": (True, "FDP"), "spd": (False, "SPD")}
    assert _sides("Die SPD stimmte mit 38 gegen 21 Stimmen.") == {}
    assert _sides("Against: 12 (Conservative 9, Independent 3).") == {
        "conservatives": (False, "Conservative")}


def test_run_checks_includes_the_sides() -> None:
    claim = "The Labour group on Tamworth Borough Council voted against the library closure plan."
    sentence = "For: 30 (Labour 22, Liberal Democrat 8)."
    contexts = {sentence: SentenceContext(f"{MINUTES} {sentence}")}
    checks = run_checks(claim, [sentence], None, contexts)
    assert [c.kind for c in checks] == ["side"]
