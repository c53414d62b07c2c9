"""Numbers and their comparisons in German and English."""

import pytest

from agent._quantities import comparable, contradicts, find_quantities, supports


def values(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.comparator) for q in find_quantities(text) if not q.is_year]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("über 14.000 Soldaten", [(14000, "gt")]),
        ("more than 14,000 troops", [(14000, "gt")]),
        ("rund neun Millionen Granaten", [(9_000_000, "approx")]),
        ("about 9 million shells", [(9_000_000, "approx")]),
        ("1,5 Prozent", [(1.5, "eq")]),
        ("weniger als 20 Panzer", [(20, "lt")]),
        ("Raketen vom Typ KN-23", []),
        ("am 3. Oktober kamen 148 Raketen", [(148, "eq")]),
    ],
)
def test_find_quantities(text, expected):
    assert values(text) == expected


def test_years_are_marked():
    (year,) = find_quantities("Im Jahr 2024")
    assert year.is_year and year.value == 2024


def test_unit_is_the_following_words():
    (q,) = find_quantities("148 ballistische Raketen")
    assert q.unit == "ballistische Raketen"


def test_support_and_contradiction_respect_comparators():
    (over_150,) = find_quantities("über 150")
    (exact_148,) = find_quantities("148")
    (about_150,) = find_quantities("rund 150")
    (exact_160,) = find_quantities("160")
    (at_least_60,) = find_quantities("at least 60")
    assert not supports(over_150, exact_148) and contradicts(over_150, exact_148)
    assert not supports(over_150, about_150) and contradicts(over_150, about_150)
    assert supports(over_150, exact_160) and not contradicts(over_150, exact_160)
    assert supports(about_150, exact_148) and not contradicts(about_150, exact_148)
    # a lower bound neither establishes nor rules out a larger exact number
    assert not supports(exact_148, at_least_60) and not contradicts(exact_148, at_least_60)
    (exact_50,) = find_quantities("50")
    assert not contradicts(exact_50, at_least_60)  # bounds in evidence never refute


def test_comparable_needs_same_kind_and_size():
    (a,) = find_quantities("150 Raketen")
    (b,) = find_quantities("9 Millionen Granaten")
    (c,) = find_quantities("120 Geschütze")
    (year,) = find_quantities("2024")
    assert not comparable(a, b)
    assert comparable(a, c)
    assert not comparable(a, year)
