"""The weekday check: a weekday the claim names (with a date or without) against the weekday
that evidence on the same event names without a date. Constructed examples, German and English, with
the cases that must not fire."""

from __future__ import annotations

import pytest

from agent._checks import check_weekday
from agent._models import Label

CASES = [
    # another day for the same event refutes
    ("Der FC Obertal besiegte den SV Unterbach am Samstag mit 3:1.",
     ["Der FC Obertal besiegte den SV Unterbach am Sonntag mit 3:1."], Label.REFUTED),
    ("The council approved the harbour budget on Tuesday.",
     ["The council approved the harbour budget on Thursday after a long debate."],
     Label.REFUTED),
    ("Die Northfield Rovers schlugen Eastport United am Sonntag mit 2:0.",
     ["Northfield Rovers beat Eastport United 2-0 on Saturday."], Label.REFUTED),
    # a fine imposed by a regulator, across languages
    ("The regulator fined Harwick Water on Tuesday.",
     ["Die Aufsichtsbehörde verhängte am Donnerstag eine Strafe gegen Harwick Water."],
     Label.REFUTED),
    # the claim's weekday stands beside a date; the evidence names another day without one
    ("The council approved the harbour budget on Tuesday, 2 May 2023.",
     ["The council approved the harbour budget on Thursday after a long debate."],
     Label.REFUTED),
    # must not fire: the same day, another event, a recurring event, a dated sentence
    ("Der FC Obertal besiegte den SV Unterbach am Sonntag mit 3:1.",
     ["Der FC Obertal besiegte den SV Unterbach am Sonntag mit 3:1."], None),
    ("The council approved the harbour budget on Tuesday.",
     ["The mayor opened the new ferry terminal on Thursday."], None),
    ("The regulator fined Harwick Water on Tuesday.",
     ["Harwick Water appealed against the regulator on Thursday."], None),
    ("Der Wochenmarkt in Obertal findet jeden Samstag statt.",
     ["Der Wochenmarkt in Obertal findet am Sonntag statt."], None),
    ("The council approved the harbour budget on Tuesday.",
     ["The council approved the harbour budget on Thursday, 4 May 2023."], None),
    # must not fire: one sentence gives the claim's day, another a different one
    ("The council approved the harbour budget on Tuesday.",
     ["The council approved the harbour budget on Thursday.",
      "The council approved the harbour budget on Tuesday."], None),
    # must not fire: last week's day, or two days in the claim
    ("The council approved the harbour budget last Tuesday.",
     ["The council approved the harbour budget on Thursday."], None),
    ("The council met on Monday and approved the harbour budget on Tuesday.",
     ["The council approved the harbour budget on Thursday."], None),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome"), CASES)
def test_weekday(claim: str, evidence: list[str], outcome: Label | None) -> None:
    result = check_weekday(claim, evidence)
    assert (result.outcome if result else None) == outcome


def test_detail_names_both_days_and_quotes_the_sentence() -> None:
    evidence = "Northfield Rovers beat Eastport United 2-0 on Saturday."
    result = check_weekday("Northfield Rovers beat Eastport United 2-0 on Sunday.", [evidence])
    assert result is not None
    assert "Saturday" in result.detail and "Sunday" in result.detail
    assert result.quote == evidence
