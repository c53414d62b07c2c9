"""The role check: who held an office, or belonged to a party, at a time, against evidence that
names holders with dates. Constructed examples; the people are invented."""

from __future__ import annotations

from datetime import date

import pytest

from agent._checks import check_membership, check_role
from agent._models import Label

S, R, N, NEI = Label.SUPPORTED, Label.REFUTED, None, Label.NOT_ENOUGH_INFO
AS_OF = date(2024, 10, 1)

CASES = [
    # a holder to come, against the one the evidence names for the office to come
    ("Jonas Weber wird Geschäftsführer der neuen Stadtwerke.",
     ["Geschäftsführerin wird Karin Blum, bisher Leiterin der Netzsparte."], AS_OF, R,
     "Karin Blum"),
    ("Jonas Weber wird Geschäftsführer der neuen Stadtwerke.",
     ["Karin Blum will be the sole managing director of the merged utility."], AS_OF, R,
     "Karin Blum"),
    ("Karin Blum will be the managing director of the merged utility.",
     ["Alleinige Geschäftsführerin wird Karin Blum."], AS_OF, S, "Karin Blum"),
    # must not fire: a holder to come against today's holder, and the reverse
    ("Jonas Weber wird Geschäftsführer der Stadtwerke.",
     ["Geschäftsführerin der Stadtwerke ist Karin Blum."], AS_OF, N, ""),
    ("Karin Blum ist Geschäftsführerin der Stadtwerke.",
     ["Geschäftsführer der Stadtwerke wird Jonas Weber."], AS_OF, N, ""),
    # heads of an authority and chief financial officers are offices of one holder
    ("Jonas Weber ist Leiter des Landesamts für Umwelt.",
     ["Leiterin des Landesamts für Umwelt ist seit März 2023 Karin Blum."], AS_OF, R,
     "Karin Blum"),
    ("Mark Hale is the chief financial officer of Severn Grid.",
     ["Ruth Lowe has been chief financial officer of Severn Grid since 2021."], AS_OF, R,
     "Ruth Lowe"),
    ("Chief Constable Ruth Lowe presented the figures.",
     ["Ruth Lowe has been chief constable since 2022."], AS_OF, S, "Ruth Lowe"),
    # another holder at the claim's time
    ("Christine Albers war im Mai 2022 Außenministerin.",
     ["Petra Lindqvist ist seit Dezember 2021 Außenministerin."], None, R, "Petra Lindqvist"),
    ("Jane Doe was mayor of Springfield in 2019.",
     ["John Smith was mayor of Springfield from 2017 to 2022."], None, R, "John Smith"),
    ("Min Ho-jun ist der Präsident Südkoreas.",
     ["Park Seo-yeon ist seit Mai 2022 Präsident Südkoreas."], AS_OF, R, "Park Seo-yeon"),
    ("Der südkoreanische Präsident Min Ho-jun warnte im Oktober 2024 vor der Zusammenarbeit.",
     ["Park Seo-yeon is South Korea's president since May 2022."], None, R, "Park Seo-yeon"),
    ("Lena Vogt ist Bürgermeisterin von Kleinfeld.",
     ["Tom Berger ist seit 2020 Bürgermeister von Kleinfeld."], AS_OF, R, "Tom Berger"),
    ("Marco Rossi was the head coach of FC Nordstadt in March 2023.",
     ["Ines Krüger has been head coach of FC Nordstadt since July 2021."], None, R,
     "Ines Krüger"),
    ("Die Kanzlerin Maria Feld eröffnete am 3. Mai 2023 die Messe.",
     ["Anton Weiß war von 2021 bis 2025 Kanzler."], None, R, "Anton Weiß"),
    ("Oskar Lind is the CEO of Nordwerk.",
     ["Nordwerk CEO Hanna Berg said the plant will expand."], AS_OF, R, "Hanna Berg"),
    # the person's own tenure covers the time
    ("Jane Doe was mayor of Springfield in 2019.",
     ["Jane Doe was mayor of Springfield from 2017 to 2022."], None, S, "Jane Doe"),
    ("Petra Lindqvist war im Mai 2022 Außenministerin.",
     ["Petra Lindqvist ist seit Dezember 2021 Außenministerin."], None, S, "Petra Lindqvist"),
    ("Park Seo-yeon ist Präsident Südkoreas.",
     ["Park Seo-yeon ist seit Mai 2022 Präsident Südkoreas."], AS_OF, S, "Park Seo-yeon"),
    ("Ines Krüger was head coach of FC Nordstadt.",
     ["Ines Krüger was head coach of FC Nordstadt from 2019 to 2021."], None, S,
     "Ines Krüger"),
    ("Tom Berger ist Bürgermeister von Kleinfeld.",
     ["Der Bürgermeister von Kleinfeld, Tom Berger, eröffnete das Fest."], AS_OF, S,
     "Tom Berger"),
    # the evidence calls the person a former holder
    ("Jane Doe is mayor of Springfield.",
     ["The former mayor of Springfield, Jane Doe, opened the fair."], AS_OF, NEI, "Jane Doe"),
    ("Anton Weiß ist Kanzler.", ["Der ehemalige Kanzler Anton Weiß hielt eine Rede."], AS_OF,
     NEI, "Anton Weiß"),
    # must not fire: another country or organisation is another office
    ("Recep Aydın ist der türkische Präsident.",
     ["Park Seo-yeon ist seit Mai 2022 der südkoreanische Präsident."], AS_OF, N, ""),
    ("Lena Vogt ist Bürgermeisterin von Kleinfeld.",
     ["Tom Berger ist seit 2020 Bürgermeister von Großdorf."], AS_OF, N, ""),
    ("Sergej Orlow ist Außenminister.",
     ["Petra Lindqvist ist seit Dezember 2021 Außenministerin.",
      "Sergej Orlow ist seit 2004 russischer Außenminister."], AS_OF, N, ""),
    # must not fire: an office with several holders, an indefinite role, a deputy
    ("Eine Sprecherin der NATO ist Anna Berg.",
     ["Farah Nouri ist seit Februar 2024 Sprecherin der NATO."], AS_OF, N, ""),
    ("Anna Berg is a spokesperson for the ministry.",
     ["Farah Nouri has been the ministry's spokesperson since 2023."], AS_OF, N, ""),
    ("Lena Vogt ist stellvertretende Bürgermeisterin von Kleinfeld.",
     ["Tom Berger ist seit 2020 Bürgermeister von Kleinfeld."], AS_OF, N, ""),
    # must not fire: the other holder's time does not cover the claim's
    ("Jane Doe was mayor of Springfield in 2015.",
     ["John Smith was mayor of Springfield from 2017 to 2022."], None, N, ""),
    ("Christine Albers war im Mai 2021 Außenministerin.",
     ["Petra Lindqvist ist seit Dezember 2021 Außenministerin."], None, N, ""),
    ("Marco Rossi war 2021 Trainer des FC Nordstadt.",
     ["Ines Krüger ist seit Juli 2021 Trainerin des FC Nordstadt."], None, N, ""),
    # must not fire: a name shared only in part, no holder named, no role in the claim
    ("Kim Jae-won ist Präsident Südkoreas.",
     ["Kim Jae-sung ist seit Mai 2022 Präsident Südkoreas."], AS_OF, N, ""),
    ("Lena Vogt ist Bürgermeisterin von Kleinfeld.",
     ["Die Bürgermeisterin von Kleinfeld eröffnete das Fest."], AS_OF, N, ""),
    ("Lena Vogt eröffnete das Fest in Kleinfeld.",
     ["Tom Berger ist seit 2020 Bürgermeister von Kleinfeld."], AS_OF, N, ""),
    # must not fire: a former, future or "damalige" holder named in passing
    ("Der ehemalige Bürgermeister Tom Berger eröffnete das Fest.",
     ["Lena Vogt ist seit 2023 Bürgermeisterin."], AS_OF, N, ""),
    ("Die designierte Bürgermeisterin Lena Vogt stellte ihr Team vor.",
     ["Tom Berger ist seit 2020 Bürgermeister."], AS_OF, N, ""),
    ("The then mayor Jane Doe opened the bridge.",
     ["John Smith has been mayor since 2024."], AS_OF, N, ""),
    # must not fire: a past claim without a date against another holder
    ("Jane Doe was mayor of Springfield.",
     ["John Smith was mayor of Springfield from 2017 to 2022."], None, N, ""),
]

MEMBERSHIPS = [
    ("Max Brandt ist Mitglied der SPD.",
     ["Der CDU-Politiker Max Brandt kritisierte den Haushalt."], R, "CDU"),
    ("Max Brandt (SPD) kritisierte den Haushalt.", ["Max Brandt (SPD) sprach im Landtag."], S,
     "SPD"),
    ("Jane Roe is a member of the Labour Party.",
     ["Conservative MP Jane Roe voted against the bill."], R, "Conservative"),
    ("Labour MP Jane Roe voted for the bill.",
     ["Jane Roe, a member of the Labour Party, spoke first."], S, "Labour"),
    ("Die Grünen-Abgeordnete Sara Yilmaz stimmte gegen den Antrag.",
     ["Sara Yilmaz (FDP) stimmte gegen den Antrag."], R, "FDP"),
    ("Senator Paul Grant is a Republican.",
     ["Democratic senator Paul Grant introduced the bill."], N, ""),
    # must not fire: a former membership, another person, a dated past
    ("Max Brandt ist Mitglied der SPD.",
     ["Der ehemalige CDU-Politiker Max Brandt trat 2019 aus der CDU aus."], N, ""),
    ("Max Brandt ist Mitglied der SPD.", ["Der CDU-Politiker Karl Brandt sprach."], N, ""),
    ("Max Brandt war 2010 Mitglied der SPD.",
     ["Der CDU-Politiker Max Brandt kritisierte den Haushalt."], N, ""),
]


@pytest.mark.parametrize(("claim", "evidence", "as_of", "outcome", "value"), CASES)
def test_roles(claim: str, evidence: list[str], as_of: date | None, outcome: Label | None,
               value: str) -> None:
    result = check_role(claim, evidence, as_of)
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.kind == "role"
    assert result.outcome == outcome
    assert value in result.evidence_value
    assert result.quote in evidence


@pytest.mark.parametrize(("claim", "evidence", "outcome", "value"), MEMBERSHIPS)
def test_memberships(claim: str, evidence: list[str], outcome: Label | None, value: str) -> None:
    result = check_membership(claim, evidence, AS_OF)
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.kind == "role"
    assert result.outcome == outcome
    assert value in result.evidence_value
    assert result.quote in evidence


def test_refuted_role_names_both_people_and_the_dates() -> None:
    result = check_role("Christine Albers war im Mai 2022 Außenministerin.",
                        ["Petra Lindqvist ist seit Dezember 2021 Außenministerin."])
    assert result is not None
    assert "Christine Albers" in result.claim_value and "Mai 2022" in result.claim_value
    assert result.evidence_value == "Petra Lindqvist (seit Dezember 2021)"
    assert "Petra Lindqvist" in result.detail and "Christine Albers" in result.detail


def test_present_claim_without_as_of_uses_present_evidence() -> None:
    result = check_role("Min Ho-jun ist der Präsident Südkoreas.",
                        ["Park Seo-yeon ist seit Mai 2022 Präsident Südkoreas."])
    assert result is not None and result.outcome == R


@pytest.mark.parametrize(("claim", "evidence", "outcome"), [
    # a German compound names its office by its head; the office may come first
    ("Klaus Reuter ist Klinikdirektor.",
     ["Klinikdirektorin ist seit April 2021 Dr. Miriam Vogt."], Label.REFUTED),
    ("Miriam Vogt ist Klinikdirektorin.",
     ["Klinikdirektorin ist seit April 2021 Dr. Miriam Vogt."], Label.SUPPORTED),
    ("Jonas Kurz ist Schuldirektor.",
     ["Schuldirektor ist seit 2019 Peter Brandt."], Label.REFUTED),
])
def test_compound_offices_and_the_office_first(claim: str, evidence: list[str],
                                               outcome: Label) -> None:
    result = check_role(claim, evidence, date(2024, 11, 11))
    assert result is not None and result.outcome == outcome, result


def test_a_party_in_an_aside_after_the_name() -> None:
    evidence = ["Council leader Amira Shah, a Labour councillor who has led the council since May "
                "2022, said the budget protects frontline services."]
    result = check_membership("Amira Shah is a Conservative councillor.", evidence,
                              date(2024, 12, 9))
    assert result is not None and result.outcome == Label.REFUTED
    assert "Labour" in result.detail


@pytest.mark.parametrize(("claim", "evidence", "outcome"), [
    # ministries beyond the classic ones, German and English, in their short and formal names
    ("Karin Seeger ist Verkehrsministerin.",
     ["Ole Brandt ist seit Februar 2024 Verkehrsminister."], Label.REFUTED),
    ("Karin Seeger ist Umweltministerin.",
     ["Umweltministerin Karin Seeger eröffnete die Messe."], Label.SUPPORTED),
    ("Tom Hale is the transport secretary.",
     ["Ann Lee has been Secretary of State for Transport since July 2023."], Label.REFUTED),
    ("Ruth Adler ist Landwirtschaftsministerin.",
     ["Jan Moll ist seit 2022 Bundesminister für Ernährung und Landwirtschaft."],
     Label.REFUTED),
])
def test_more_ministries(claim: str, evidence: list[str], outcome: Label) -> None:
    result = check_role(claim, evidence, date(2024, 11, 11))
    assert result is not None and result.outcome == outcome, result


def test_a_ministry_of_several_portfolios_after_a_name_and_party() -> None:
    # the portfolios after "für" are the office's, not the holder's name
    result = check_role("Tina Falk ist Wirtschaftsministerin.",
                        ["Für die Landesregierung sprach Ole Brandt (SPD), Minister für "
                         "Wirtschaft, Verkehr und Bauen, im Landtag."], date(2024, 11, 11))
    assert result is not None and result.outcome == Label.REFUTED, result
    assert result.evidence_value == "Ole Brandt"


@pytest.mark.parametrize(("claim", "evidence"), [
    # the formal German title of a ministry
    ("Peter Altmaier ist Bundeswirtschaftsminister.",
     ["Robert Habeck (Grüne) ist seit Dezember 2021 Bundesminister für Wirtschaft und "
      "Klimaschutz."]),
    # "at the time" between the office and the name
    ("Peter Altmaier was Germany's economy minister on 21 May 2024.",
     ["Germany's economy minister at the time, Robert Habeck, attended the ceremony in Emden "
      "on 21 May 2024."]),
])
def test_formal_titles_and_the_office_at_the_time(claim: str, evidence: list[str]) -> None:
    result = check_role(claim, evidence, date(2024, 5, 22))
    assert result is not None and result.outcome == Label.REFUTED, result
    assert "Robert Habeck" in result.detail


@pytest.mark.parametrize(("claim", "outcome"), [
    ("Miriam Vogt ist seit 2019 Klinikdirektorin.", Label.REFUTED),  # another start
    ("Miriam Vogt ist seit 2021 Klinikdirektorin.", Label.SUPPORTED),
    ("Miriam Vogt ist Klinikdirektorin.", Label.SUPPORTED),
])
def test_since_when_someone_holds_an_office(claim: str, outcome: Label) -> None:
    evidence = ["Klinikdirektorin ist seit April 2021 Dr. Miriam Vogt."]
    result = check_role(claim, evidence, date(2024, 11, 11))
    assert result is not None and result.outcome == outcome


@pytest.mark.parametrize(("holder", "name"), [
    ("Jens Brockmann Bayerischer", "Jens Brockmann"),  # the adjective belongs to the office
    ("Jens Fischer", "Jens Fischer"),  # a surname that ends like one stays
])
def test_an_adjective_of_place_before_the_office_is_not_part_of_the_name(holder: str,
                                                                         name: str) -> None:
    result = check_role("Lena Vogt ist Wirtschaftsministerin.",
                        [f"Seit dem 3. Februar 2025 ist {holder} Wirtschaftsminister."],
                        date(2025, 9, 1))
    assert result is not None and result.outcome == Label.REFUTED
    assert result.evidence_value.startswith(f"{name} (")
