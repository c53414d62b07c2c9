"""Numbers and their comparisons in German and English."""

import pytest

from agent._quantities import (
    comparable,
    contradicts,
    earlier_period,
    find_quantities,
    share_of_subgroup,
    supports,
    tallies,
)


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
        ("ein Vertrag über 12 Millionen Euro", [(12_000_000, "eq")]),  # a worth, not a bound
        ("schickte Russland über 14.000 Soldaten", [(14000, "gt")]),
    ],
)
def test_find_quantities(text, expected):
    assert values(text) == expected


def test_years_are_marked():
    (year,) = find_quantities("Im Jahr 2024")
    assert year.is_year and year.value == 2024


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("148 städtische Wohnungen", "Wohnungen"),
        ("about 10,000 East Frisian volunteers were sent", "volunteers"),
        ("2,500 Russian troops deployed", "troops"),
        ("148 municipal flats to Almsund", "flats"),
        ("200 people died in the floods", "people"),
        ("rund 3 Millionen Euro Schaden", "Euro"),
        ("31 Prozent der Stimmen", "Stimmen"),
        ("31 percent of the vote", "vote"),
        ("3,2 GW Leistung", "GW"),
        ("ein Stau von 5km", "km"),
        ("$10 billion in aid", "$"),
        ("148 an Dänemark", ""),
        ("12 neue Windräder", "Windräder"),
    ],
)
def test_unit_is_the_counted_noun(text, unit):
    (q,) = [q for q in find_quantities(text) if not q.is_year]
    assert q.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Block 2 des Kraftwerks ging vom Netz",
        "Reactor 4 exploded",
        "Der Flug 17 landete verspätet",
        "Passengers of flight 17 waited",
        "boarding at Gate 7B",
        "launched from Pad 39A",
        "eine Boeing 737 MAX",
        "nach Artikel 5 des Vertrags",
        "Article 5 was invoked",
        "Artikelnummer 4711 ist ausverkauft",
        "Nr. 5 der Liste",
        "the Falcon 9 lifted off",
        "Leopard 2 delivered",
        "Gleis 9 in Hamburg",
    ],
)
def test_numbers_in_names_are_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In der ersten Phase 200 Soldaten", 200),  # a noun follows: it counts
        ("in dieser Gruppe 30 Prozent", 30),
        ("last season 30,000 fans", 30000),
    ],
)
def test_numbers_after_naming_nouns_can_still_count(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_span_covers_the_comparison_words():
    text = "Es kamen mehr als 300 Gäste."
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == "mehr als 300"


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


@pytest.mark.parametrize("text", ["signed on 7 September 2023", "on September 7, 2023",
                                  "am 7. September 2023", "on 7 Sept. 2023"])
def test_day_numbers_of_dates_are_no_quantities(text: str) -> None:
    assert [q for q in find_quantities(text) if not q.is_year] == []


@pytest.mark.parametrize(("claim", "evidence", "agree"), [
    ("knapp 60 Prozent", "54,3 Prozent", False),
    ("rund 55 Prozent", "54,3 Prozent", True),
    ("54 Prozent", "54,3 Prozent", True),
    ("52 Prozent", "54,3 Prozent", False),
])
def test_shares_agree_within_percentage_points(claim: str, evidence: str, agree: bool) -> None:
    [c], [e] = find_quantities(claim), find_quantities(evidence)
    assert supports(c, e) is agree and contradicts(c, e) is not agree


@pytest.mark.parametrize(("text", "unit"), [("The line is 8 kilometres long.", "kilometres"),
                                            ("Der Turm ist 30 Meter hoch.", "Meter")])
def test_a_measure_before_an_adjective_of_size_is_the_unit(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Der Rat stimmte mit 38 zu 21 Stimmen zu.", ["Stimmen", "Stimmen"]),
        ("The council approved it by 41 votes to 26.", ["votes", "votes"]),
        ("Die Zahl soll von 310 auf 270 Betten sinken.", ["Betten", "Betten"]),
        ("zwischen 300 und 400 Soldaten", ["Soldaten", "Soldaten"]),
        ("In 2023 und 2024 kamen 5 Kinder.", ["Kinder"]),
        ("3 Männer und 2 Frauen", ["Männer", "Frauen"]),
    ],
)
def test_both_sides_of_a_vote_change_or_range_count_the_same(text: str, units: list[str]) -> None:
    assert [q.unit for q in find_quantities(text) if not q.is_year] == units


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Der Rat stimmte mit 38 zu 21 Stimmen zu.", [("38", "21")]),
        ("The council approved it by 41 votes to 26.", [("41", "26")]),
        ("Die Zahl soll von 310 auf 270 Betten sinken.", [("310", "270")]),
        ("3 Männer und 2 Frauen", []),  # two things counted, not one
        ("Dafür stimmten 41 Mitglieder (Liberale 36, Grüne 5).", []),  # a total and its parts
    ],
)
def test_tallies_are_the_pairs_of_a_vote_change_or_range(
        text: str, pairs: list[tuple[str, str]]) -> None:
    found = [q for q in find_quantities(text) if not q.is_year]
    assert [(a.text, b.text) for a, b in tallies(text, found)] == pairs


@pytest.mark.parametrize(("text", "value", "comparator"), [
    ("Nearly three-quarters of respondents backed the plan.", 75.0, "approx"),
    ("Two-thirds of members voted for it.", 66.7, "approx"),
    ("Zwei Drittel der Befragten waren dafür.", 66.7, "approx"),
    ("More than half of the pupils passed.", 50.0, "gt"),
    ("Die Mehrheit der Einwohner ist dafür.", 50.0, "gt"),
    ("A quarter of the budget goes to schools.", 25.0, "approx"),
])
def test_a_share_in_words_is_a_percentage_not_a_count(text: str, value: float,
                                                      comparator: str) -> None:
    [share] = find_quantities(text)
    assert (share.value, share.comparator, share.is_percent) == (value, comparator, True)


@pytest.mark.parametrize("text", ["In the third quarter of 2024 sales rose.",
                                  "Im Viertel wohnen viele Familien."])
def test_an_ordinal_or_a_district_is_no_share(text: str) -> None:
    assert all(not q.is_percent for q in find_quantities(text))


def test_a_share_in_words_is_compared_with_a_percentage() -> None:
    [claimed] = find_quantities("Nearly three-quarters of respondents backed the plan.")
    [stated] = find_quantities("61% of respondents backed the plan.")
    [close] = find_quantities("74% of respondents backed the plan.")
    assert comparable(claimed, stated) and contradicts(claimed, stated)
    assert supports(claimed, close)
    [majority] = find_quantities("Die Mehrheit der Einwohner ist dafür.")
    [minority] = find_quantities("Nur 38 Prozent der Einwohner sind dafür.")
    assert contradicts(majority, minority)


@pytest.mark.parametrize(("text", "comparator"), [
    ("Heute verfügen die Häuser über 310 Betten.", "eq"),  # what the verb takes
    ("Ein Vertrag über 12 Millionen Euro wurde unterzeichnet.", "eq"),  # a worth
    ("Es kamen über 600 Besucher.", "gt"),  # more than
])
def test_ueber_after_a_verb_or_noun_is_no_lower_bound(text: str, comparator: str) -> None:
    (q,) = find_quantities(text)
    assert q.comparator == comparator


@pytest.mark.parametrize(("text", "figure", "period"), [
    ("The clinics lost €9.4m in 2024, up from €7.1m the year before.", "7.1m", "the year before"),
    ("Der Umsatz stieg auf 48 Millionen Euro, nach 41 Millionen im Jahr 2022.", "41 Millionen",
     "2022"),
    ("Sales rose to 3.9 million, compared with 3.2 million in 2022.", "3.2 million", "2022"),
    ("The clinics lost €9.4m in 2024, up from €7.1m the year before.", "9.4m", None),
    ("Die Zahl der Betten sinkt von 310 auf 270.", "310", None),
])
def test_a_figure_given_for_an_earlier_period(text: str, figure: str,
                                              period: str | None) -> None:
    [found] = [q for q in find_quantities(text) if q.text == figure]
    assert earlier_period(text, found) == period


@pytest.mark.parametrize(("text", "figure", "group"), [
    ("Unter den 18- bis 24-Jährigen befürworten 61 Prozent den Neubau, bei den über 70-Jährigen "
     "sind es nur 22 Prozent.", "61 Prozent", "Unter den 18- bis 24-Jährigen"),
    ("Unter den 18- bis 24-Jährigen befürworten 61 Prozent den Neubau, bei den über 70-Jährigen "
     "sind es nur 22 Prozent.", "22 Prozent", "bei den über 70-Jährigen"),
    ("Among women, 44% backed the ban.", "44%", "Among women"),
    ("Among Green voters, support stood at 71%.", "71%", "Among Green voters"),
    # the whole sample, and a count, are no part of a population
    ("Unter den Befragten sprachen sich 38 Prozent für den Neubau aus.", "38 Prozent", None),
    ("Of the 1,204 residents who replied, 64% backed the plan.", "64%", None),
    ("Among those aged over 65, 300 people replied.", "300", None),
])
def test_a_share_given_for_a_part_of_the_population(text: str, figure: str,
                                                     group: str | None) -> None:
    [found] = [q for q in find_quantities(text) if q.text == figure]
    assert share_of_subgroup(text, found) == group
