"""Seasons as periods of three months ("im Frühjahr 2024", "in the spring of 2024") and completion
as an event that happens once. Constructed examples, with the cases that must not fire."""

from __future__ import annotations

import pytest

from agent._checks import _find_dates, check_dates
from agent._models import Label

R, N = Label.REFUTED, None


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Die Fusion soll im Herbst 2025 abgeschlossen sein.", (2025, 9, None), (2025, 11, None)),
    ("The merger was completed in the spring of 2024.", (2024, 3, None), (2024, 5, None)),
    ("Seit dem Sommer 2023 steigen die Preise.", (2023, 6, None), (2023, 8, None)),
])
def test_a_season_is_three_months(text: str, first: tuple[int, int, None],
                                  last: tuple[int, int, None]) -> None:
    [when] = _find_dates(text)
    assert (when.first, when.last) == (first, last)


def test_a_fall_is_no_season_without_its_preposition() -> None:
    [when] = _find_dates("The report counted a fall of 2024 jobs.")
    assert when.first == (2024, None, None)


@pytest.mark.parametrize(("claim", "evidence", "outcome"), [
    ("The merger was completed in the spring of 2024.",
     ["The merger was completed on 1 October 2024."], R),
    ("Der Umbau wurde im Sommer 2023 fertiggestellt.",
     ["Der Umbau wurde im Februar 2024 fertiggestellt."], R),
    # must not fire: a day within the season
    ("The merger was completed in the autumn of 2024.",
     ["The merger was completed on 1 October 2024."], N),
])
def test_the_season_of_a_completion(claim: str, evidence: list[str], outcome: Label | None
                                    ) -> None:
    result = check_dates(claim, evidence)
    assert (result.outcome if result else None) == outcome
