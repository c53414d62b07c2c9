"""When a term of office begins and ends: a successor's start ends the predecessor's term ("Sie
folgt auf NAME", "succeeding NAME"), as does stepping down ("trat als Landrat zurück"); the year a
term began ("seit 2021", "took office in 2024", "trat ihr Amt 2024 an"); an office named less
precisely than the evidence names it; the tense of what a holder said. Constructed examples,
German and English, with the cases that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from agent._checks import SentenceContext, _roles, _tenures, check_dates, check_role
from agent._models import Label

S, R, N = Label.SUPPORTED, Label.REFUTED, None


def _passage(*sentences: str) -> dict[str, SentenceContext]:
    """Each sentence with the passage they form, as the judge gives them."""
    text = "Personalien. " + " ".join(sentences)
    return {s: SentenceContext(text) for s in sentences}


SUCCESSIONS = [
    # the successor named in the sentence before ("Sie", "She")
    ("Marc Haller ist Vorstandschef.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Vorstandsvorsitzende der Nordhafen AG.",
      "Sie folgt auf Marc Haller, der das Unternehmen seit 2016 geführt hatte."],
     date(2026, 2, 1), R),
    ("Geschäftsführer Ulf Kamp will den Verbund neu aufstellen.",
     ["Geschäftsführerin des Klinikverbunds Talheim ist ab dem 1. Januar 2026 Dr. Ina Roth.",
      "Sie löst Ulf Kamp ab, der die Kliniken seit 2018 geleitet hatte."], date(2026, 3, 1), R),
    ("Finance director Omar Reyes said the reserves were healthy.",
     ["Lena Ortiz became finance director of Millbrook on 1 July 2025.",
      "She succeeds Omar Reyes, who held the post from 2017."], date(2026, 1, 5), R),
    # the successor in the same sentence
    ("Chairman Tom Avery said the club would invest in its academy.",
     ["Ruth Kell became chair of Dunmore Athletic on 11 March 2025, succeeding Tom Avery, who "
      "had led the club since 2019."], date(2025, 9, 1), R),
    # "Nachfolger von NAME", "took over as ROLE from NAME", an office after a company's name
    ("Nordavia-Chefin Birgit Sandvik sprach von einem Meilenstein.",
     ["Jonas Ekholm ist seit dem 1. März 2025 Vorstandschef von Nordavia Space.",
      "Er ist Nachfolger von Birgit Sandvik, die das Unternehmen zwölf Jahre lang geführt hatte."],
     date(2025, 6, 20), R),
    ("Chief executive Susan Hale said the trust would not appeal.",
     ["Daniel Okafor took over as chief executive of Westmere Health Trust from Susan Hale on 1 "
      "October 2024."], date(2025, 4, 20), R),
    # leaving an office without a successor named
    ("Prime Minister Ruth Kell visited the plant.",
     ["Ruth Kell stepped down as prime minister on 3 March 2025."], date(2025, 11, 20), R),
    ("Landrat Karl Urban eröffnete die Schule.",
     ["Karl Urban trat am 3. März 2025 als Landrat zurück."], date(2025, 11, 20), R),
    ("Prime Minister Ruth Kell visited the plant.",
     ["Ruth Kell stepped down as prime minister on 3 March 2025."], date(2025, 1, 20), N),
    ("Landrat Karl Urban eröffnete die Schule.",
     ["Karl Urban war als Landrat beliebt."], date(2025, 11, 20), N),
    # must not fire: before the successor's start, another office, a shared office
    ("Finance director Omar Reyes said the reserves were healthy.",
     ["Lena Ortiz became finance director of Millbrook on 1 July 2025.",
      "She succeeds Omar Reyes, who held the post from 2017."], date(2025, 5, 1), N),
    ("Museum director Omar Reyes opened the exhibition.",
     ["Lena Ortiz became finance director of Millbrook on 1 July 2025.",
      "She succeeds Omar Reyes, who held the post from 2017."], date(2026, 1, 5), N),
    ("Sprecher Marc Haller äußerte sich nicht.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Sprecherin der Nordhafen AG.",
      "Sie folgt auf Marc Haller."], date(2026, 2, 1), N),
    # must not fire: the predecessor is the claim's successor, or a past-tense claim
    ("Jana Brandt ist Vorstandsvorsitzende.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Vorstandsvorsitzende der Nordhafen AG.",
      "Sie folgt auf Marc Haller."], date(2026, 2, 1), N),
    ("Marc Haller war Vorstandschef.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Vorstandsvorsitzende der Nordhafen AG.",
      "Sie folgt auf Marc Haller."], date(2026, 2, 1), N),
]


@pytest.mark.parametrize(("claim", "evidence", "as_of", "outcome"), SUCCESSIONS)
def test_a_successor_ends_the_term(claim: str, evidence: list[str], as_of: date,
                                   outcome: Label | None) -> None:
    result = check_role(claim, evidence, as_of, _passage(*evidence))
    assert (result.outcome if result else None) == outcome
    if result is not None:
        assert result.kind == "role" and result.quote in evidence


STARTS = [
    # since when: the person's office named more precisely in the evidence
    ("Jana Brandt ist seit 2024 Vorstandsvorsitzende der Nordhafen AG.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Vorstandsvorsitzende der Nordhafen AG."], R),
    ("Jana Brandt ist seit 2024 Vorstandsvorsitzende der AG.",
     ["Seit dem 1. Juli 2025 ist Jana Brandt Vorstandsvorsitzende der Nordhafen AG."], R),
    ("Alma Reyes has been mayor since January 2021.",
     ["Alma Reyes has been mayor of Port Carrow since January 2022."], R),
    ("Alma Reyes has been mayor since January 2022.",
     ["Alma Reyes has been mayor of Port Carrow since January 2022."], S),
    ("Alma Reyes has been mayor since January 2021.",
     ["Mayor Alma Reyes spoke on 3 May 2025.",
      "Alma Reyes has been mayor of Port Carrow since January 2022."], R),
    ("Jonas Ekholm ist seit Anfang 2024 Vorstandschef von Nordavia Space.",
     ["Jonas Ekholm ist seit dem 1. März 2025 Vorstandschef von Nordavia Space."], R),
    # must not fire: two offices of the kind, so which one is meant is open
    ("Alma Reyes has been chair since 2021.",
     ["Alma Reyes has been chair of the Carrow Trust since 2019.",
      "Alma Reyes has been chair of the Harbour Board since 2022."], N),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome"), STARTS)
def test_since_when(claim: str, evidence: list[str], outcome: Label | None) -> None:
    result = check_role(claim, evidence, date(2026, 2, 1))
    if outcome == S:  # supported by the date check; the role check may stay silent
        result = check_dates(claim, evidence)
    assert (result.outcome if result else None) == outcome


TAKING_OFFICE = [
    ("Helen Voss took office as chair in 2024.",
     ["Helen Voss became chair of Dunmore Athletic on 11 March 2025."], R),
    ("Helen Voss took office as chair in March 2025.",
     ["Helen Voss became chair of Dunmore Athletic on 11 March 2025."], S),
    ("Weber trat ihr Amt im Jahr 2024 an.", ["Weber tritt ihr Amt am 1. Mai 2025 an."], R),
    ("Weber trat ihr Amt im Mai 2025 an.", ["Weber tritt ihr Amt am 1. Mai 2025 an."], S),
    ("Alma Reyes has been the mayor since 2019.",
     ["Alma Reyes has been mayor since March 2021."], R),
    ("Jonas Kern ist seit 2015 Mitglied der SPD.", ["Jonas Kern ist seit 2017 Mitglied der SPD."],
     R),
    ("Daniel Okafor has been chief executive of the trust since 2023.",
     ["Daniel Okafor took over as chief executive of Westmere Health Trust on 1 October 2024."],
     R),
    ("Jonas Ekholm ist seit Anfang 2024 Vorstandschef.",
     ["Jonas Ekholm ist seit dem 1. März 2025 Vorstandschef von Nordavia Space."], R),
    ("Die Anlage soll 2027 in Betrieb gehen.", ["Die Anlage soll 2029 in Betrieb gehen."], R),
    ("Das Gesetz trat 2021 in Kraft.", ["Das Gesetz trat am 1. Mai 2022 in Kraft."], R),
    # must not fire: "wurde" of a passive, a change since another time, a state that is no office
    ("The sun has not been warming since 1970.", ["The sun has not been warming since 1978."],
     N),
    ("Die Direktorin wurde im Mai 2025 entlassen.",
     ["Die Direktorin wurde am 3. Juni 2025 Leiterin der Klinik."], N),
    ("Die Mieten sind seit 2018 gestiegen.",
     ["Die Mieten sind seit 2021 um zwölf Prozent gestiegen."], N),
]


@pytest.mark.parametrize(("claim", "evidence", "outcome"), TAKING_OFFICE)
def test_the_start_of_a_term(claim: str, evidence: list[str], outcome: Label | None) -> None:
    result = check_dates(claim, evidence)
    assert (result.outcome if result else None) == outcome


def test_an_office_before_its_holder_with_a_date_between() -> None:
    [tenure] = _tenures("Direktorin des Museums Talheim ist ab dem 1. Mai 2025 Dr. Ina Roth.")
    assert tenure.name == "Ina Roth" and tenure.held is not None
    assert tenure.held[0] == date(2025, 5, 1)


def test_an_office_after_a_name_with_a_day_between() -> None:
    [tenure] = _tenures("Jonas Ekholm ist seit dem 1. März 2025 Vorstandschef von Nordavia Space.")
    assert tenure.name == "Jonas Ekholm" and tenure.held is not None
    assert tenure.held[0] == date(2025, 3, 1)


@pytest.mark.parametrize(("claim", "evidence", "outcome"), [
    ("Museumsdirektorin Anna Keller eröffnete die Schau.",
     ["Seit 2021 ist Jan Ott Direktor des Museums."], R),
    ("Klinikdirektorin Anna Keller eröffnete die Station.",
     ["Klinikdirektor ist seit 2021 Jan Ott."], R),
    # must not fire: an office of another body ("Polizeipräsidentin", "Präsident")
    ("Polizeipräsidentin Anna Keller stellte die Statistik vor.",
     ["Seit 2022 ist Frank Müller Präsident."], N),
    ("Klinikdirektorin Anna Keller eröffnete die Station.",
     ["Seit 2021 ist Jan Ott Direktor."], N),
])
def test_a_compound_names_what_the_office_is_of(claim: str, evidence: list[str],
                                                outcome: Label | None) -> None:
    result = check_role(claim, evidence, date(2025, 5, 1))
    assert (result.outcome if result else None) == outcome


def test_a_party_chief_is_no_company_chief() -> None:
    assert _tenures("SPD-Chef Lars Klein sprach zuerst.") == []
    [tenure] = _tenures("Nordavia-Chefin Birgit Sandvik sprach zuerst.")
    assert tenure.role.concept == "ceo" and tenure.role.qualifiers == {"nordavia"}


def test_what_a_holder_said_has_its_own_tense() -> None:
    [tenure] = _tenures("Finance director Omar Reyes said the reserves were healthy.")
    assert tenure.present
    [tenure] = _tenures("Omar Reyes was finance director.")
    assert not tenure.present


def test_a_ministry_of_several_portfolios_holds_each_of_them():
    evidence = ["Seit dem 1. März 2025 ist Tobias Kern Minister für Wirtschaft, Verkehr und "
                "Bauen des Landes."]
    result = check_role("Verkehrsministerin Ina Roth stellte den Plan vor.", evidence,
                        date(2025, 9, 1))
    assert result is not None and result.outcome == R and "Tobias Kern" in result.detail
    joined = check_role("Wirtschafts- und Verkehrsministerin Ina Roth stellte den Plan vor.",
                        ["Seit dem 1. März 2025 ist Tobias Kern Verkehrsminister des Landes."],
                        date(2025, 9, 1))
    assert joined is not None and joined.outcome == R
    # a portfolio the ministry does not have is another office
    assert check_role("Umweltministerin Ina Roth stellte den Plan vor.", evidence,
                      date(2025, 9, 1)) is None


def test_a_holder_named_by_a_pronoun_is_read_from_the_documents_title_or_the_sentence_before():
    sentence = "Seit dem 1. März 2025 ist er Verkehrsminister des Landes."
    titled = {sentence: SentenceContext(f"Tobias Kern (Politiker). Tobias Kern ist Jurist. "
                                        f"{sentence}")}
    result = check_role("Ina Roth ist Verkehrsministerin.", [sentence], date(2025, 9, 1), titled)
    assert result is not None and result.outcome == R and "Tobias Kern" in result.detail
    assert result.quote == sentence  # the sentence as the evidence has it
    before = _passage("Die Landesregierung vereidigte am Montag Tobias Kern.", sentence)
    result = check_role("Ina Roth ist Verkehrsministerin.", [sentence], date(2025, 9, 1), before)
    assert result is not None and result.outcome == R
    # nobody to refer to: nothing is said of anyone
    assert check_role("Ina Roth ist Verkehrsministerin.", [sentence], date(2025, 9, 1)) is None


def test_the_newer_of_two_holders_decides():
    old = "Verkehrsministerin Ina Roth besuchte am Mittwoch die Baustelle."
    new = "Seit dem 1. Februar 2025 ist Tobias Kern Verkehrsminister."
    contexts = {old: SentenceContext(f"Besuch. {old}", date(2024, 6, 12)),
                new: SentenceContext(f"Kabinett. {new}", date(2025, 2, 2))}
    result = check_role("Ina Roth ist Verkehrsministerin.", [old, new], date(2025, 9, 1),
                        contexts)
    assert result is not None and result.outcome == R
    # the person's own office known from later than the other's: supported
    later = {old: SentenceContext(f"Besuch. {old}", date(2025, 6, 12)),
             new: SentenceContext(f"Kabinett. {new}", date(2025, 2, 2))}
    result = check_role("Ina Roth ist Verkehrsministerin.", [old, new], date(2025, 9, 1), later)
    assert result is not None and result.outcome == S


def test_a_party_in_parentheses_is_no_organisation_of_the_office():
    result = check_role("Ina Roth (SPD) ist Verkehrsministerin und warb für den Plan.",
                        ["Seit dem 1. März 2025 ist Tobias Kern Verkehrsminister."],
                        date(2025, 9, 1))
    assert result is not None and result.outcome == R


@pytest.mark.parametrize(("claim", "evidence", "expected"), [
    # a council's portfolio holder: the office is the portfolio, named before or after it
    ("Tom Hale is transport portfolio holder.",
     "Since 1 June 2025 Mia Kerr has been Portfolio Holder for Highways and Transport.", R),
    ("Tom Hale is the cabinet member for transport.",
     "Since 1 June 2025 Mia Kerr has been Portfolio Holder for Highways and Transport.", R),
    ("Tom Hale ist Verkehrsdezernent der Stadt.",
     "Seit dem 1. Juni 2025 ist Mia Kerr Dezernentin für Verkehr und Umwelt der Stadt.", R),
    # another portfolio is another office
    ("Tom Hale is finance portfolio holder.",
     "Since 1 June 2025 Mia Kerr has been Portfolio Holder for Highways and Transport.", N),
])
def test_a_portfolio_holder_holds_the_office_of_a_portfolio(claim, evidence, expected):
    result = check_role(claim, [evidence], date(2025, 10, 1))
    assert (result.outcome if result else None) == expected, result


def test_a_profile_titled_with_a_councillors_name_names_the_holder_after_a_fronted_date():
    sentence = "Since 1 June 2025 she has been the Cabinet's Portfolio Holder for Transport."
    contexts = {sentence: SentenceContext("Councillor Mia Kerr. Councillor Mia Kerr represents "
                                          f"the Eastfield division. {sentence}")}
    result = check_role("Tom Hale is Westshire Council's portfolio holder for transport.",
                        [sentence], date(2025, 10, 1), contexts)
    assert result is not None and result.outcome == R and "Mia Kerr" in result.detail


def test_the_previous_holder_is_a_former_one():
    sentence = ("The previous Portfolio Holder for Transport was Councillor Tom Hale, who held "
                "the role until May 2025.")
    found = _roles(sentence)
    assert found and all(r.former for r in found)
