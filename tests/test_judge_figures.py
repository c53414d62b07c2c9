"""When the exact checks count a claim's figures as stated: its quantities found, or a day that
holds all of them; the rules then do not ask a close sentence to repeat them."""

from __future__ import annotations

from agent._judge import _figures_fit
from agent._models import CheckResult, Label


def check(kind: str, value: str, outcome: Label) -> CheckResult:
    return CheckResult(kind=kind, claim_value=value, evidence_value=value, outcome=outcome,
                       quote="", detail="")


DAY = "Der Stadtrat beschloss den Haushalt am Dienstag, dem 4. Juni 2024."


def test_a_day_the_evidence_gives_holds_the_claims_figures() -> None:
    assert _figures_fit(DAY, [check("date", "4. Juni 2024", Label.SUPPORTED)])


def test_a_day_does_not_stand_for_other_figures_or_a_wrong_day() -> None:
    counted = "Der Stadtrat beschloss den Haushalt am 4. Juni 2024 mit 31 Stimmen."
    assert not _figures_fit(counted, [check("date", "4. Juni 2024", Label.SUPPORTED)])
    words = "Between 1989 and 2005, the club won four league titles."
    assert not _figures_fit(words, [check("date", "Between 1989 and 2005", Label.SUPPORTED)])
    assert not _figures_fit(DAY, [check("date", "4. Juni 2024", Label.REFUTED)])
    assert not _figures_fit(DAY, [])


def test_a_year_alone_is_no_day() -> None:
    year = "In 2021 the bridge was opened to traffic."
    assert not _figures_fit(year, [check("date", "2021", Label.SUPPORTED)])


def test_quantities_decide_where_the_checks_compared_them() -> None:
    claim = "The council approved 41 new homes."
    assert _figures_fit(claim, [check("quantity", "41 new homes", Label.SUPPORTED)])
    assert not _figures_fit(claim, [check("quantity", "41", Label.SUPPORTED),
                                    check("quantity", "41", Label.REFUTED)])
