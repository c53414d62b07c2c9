"""Reported statements, coordinated subjects and objects, opening subordinate clauses and roles in
apposition, on German and English sentences written for these tests (a town council, a football
club, a weather service, a company; nothing from the seed suite), with the cases that stay whole."""

import pytest

from agent._atomic import atomic_pieces
from agent._claims import ClaimExtractor


def _claims(sentence: str, lang: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in atomic_pieces(sentence, lang)]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # an unnamed source: the statement alone
    ("de", "Vereinsangaben zufolge hat der Klub in der Saison 40.000 Dauerkarten verkauft.",
     [("statement", "Der Klub hat in der Saison 40.000 Dauerkarten verkauft.")]),
    ("de", "Laut Schätzungen ist die Zahl der Pendler im Mai deutlich gesunken.",
     [("statement", "Die Zahl der Pendler ist im Mai deutlich gesunken.")]),
    ("en", "Analysts said that the merger would cost about 2,000 jobs.",
     [("statement", "The merger would cost about 2,000 jobs.")]),
    # a named source: that it reported it, and the statement
    ("de", "Nach Angaben von Eurostat ist die Arbeitslosigkeit im Mai auf 6,1 Prozent gesunken.",
     [("quote", "Nach Angaben von Eurostat ist die Arbeitslosigkeit im Mai auf 6,1 Prozent "
                "gesunken."),
      ("statement", "Die Arbeitslosigkeit ist im Mai auf 6,1 Prozent gesunken.")]),
    ("de", "Das Statistische Landesamt meldete, dass die Einwohnerzahl der Stadt erneut stieg.",
     [("quote", "Das Statistische Landesamt meldete, dass die Einwohnerzahl der Stadt erneut "
                "stieg."),
      ("statement", "Die Einwohnerzahl der Stadt stieg erneut.")]),
    ("en", "Unemployment fell to 4.1 percent in May, according to Eurostat.",
     [("quote", "Unemployment fell to 4.1 percent in May, according to Eurostat."),
      ("statement", "Unemployment fell to 4.1 percent in May.")]),
    ("en", "The Met Office said that July was the warmest month on record.",
     [("quote", "The Met Office said that July was the warmest month on record."),
      ("statement", "July was the warmest month on record.")]),
])
def test_reported_statements(lang, sentence, claims):
    assert _claims(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    ("de", "Die Bürgermeisterin und der Landrat zeigten sich mit dem Ergebnis zufrieden.",
     ["Die Bürgermeisterin zeigte sich mit dem Ergebnis zufrieden.",
      "Der Landrat zeigte sich mit dem Ergebnis zufrieden."]),
    ("de", "Der Trainer, der Kapitän und der Präsident des Vereins waren bei der Feier anwesend.",
     ["Der Trainer war bei der Feier anwesend.", "Der Kapitän war bei der Feier anwesend.",
      "Der Präsident des Vereins war bei der Feier anwesend."]),
    ("de", "Die Entscheidung löste Kritik bei den Anwohnern und den örtlichen Händlern aus.",
     ["Die Entscheidung löste Kritik bei den Anwohnern aus.",
      "Die Entscheidung löste Kritik bei den örtlichen Händlern aus."]),
    ("en", "The army, the navy, and the air force reported losses on Monday.",
     ["The army reported losses on Monday.", "The navy reported losses on Monday.",
      "The air force reported losses on Monday."]),
    ("en", "The mayor and the council criticised the ruling of the regional court.",
     ["The mayor criticised the ruling of the regional court.",
      "The council criticised the ruling of the regional court."]),
    # an opening subordinate clause: a claim of its own; after a contrast the main clause alone
    ("de", "Während die Einnahmen des Vereins im Jahr 2022 stark stiegen, sanken die Ausgaben "
           "für Personal.",
     ["Die Einnahmen des Vereins stiegen im Jahr 2022 stark.",
      "Die Ausgaben für Personal sanken."]),
    ("de", "Nachdem der Landtag das Gesetz verabschiedet hatte, begann die Stadt mit dem Bau.",
     ["Der Landtag hatte das Gesetz verabschiedet.",
      "Nachdem der Landtag das Gesetz verabschiedet hatte, begann die Stadt mit dem Bau."]),
    ("en", "After the council approved the plan, the company started building the bridge.",
     ["The council approved the plan.",
      "After the council approved the plan, the company started building the bridge."]),
])
def test_coordination_and_subordinate_clauses(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == claims
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    # said of the two together, between them, or of a number they share
    ("de", "Die Stadt und der Kreis unterzeichneten am Montag einen Vertrag über den Busverkehr."),
    ("de", "Die Stadt und der Kreis zahlen jeweils die Hälfte der Kosten."),
    ("de", "Das Gespräch zwischen der Stadt und dem Verein verlief ohne Ergebnis."),
    ("de", "Die Stadt und der Kreis zahlen 3 Millionen Euro für die neue Brücke."),
    ("en", "The mayor and the council met on Monday to discuss the budget."),
    ("en", "France and Germany signed an agreement on rail transport."),
    # bare nouns: a fixed pair, not two facts
    ("de", "Forschung und Entwicklung bleiben der Schwerpunkt des Konzerns."),
    ("en", "Research and development remain the focus of the company."),
    # the report's subject is no noun phrase, or the statement opens with a pronoun
    ("de", "Die Stadt und der Kreis sagten, dass sie das Projekt gemeinsam finanzieren."),
    ("de", "Der Verein hat lange gezögert und erklärt, dass der Trainer bleibt."),
    # the subordinate clause's subject is a pronoun
    ("de", "Während er in Berlin war, eröffnete die Stadt das neue Bad."),
    ("en", "Although it rained all day, the festival drew 20,000 visitors."),
])
def test_unclear_constructions_stay_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


def test_speculative_consequence_gives_no_claim():
    sentence = "Der Konzern schloss zwei Werke, was zu weiteren Entlassungen führen könnte."
    assert [p.text for p in atomic_pieces(sentence, "de")] == ["Der Konzern schloss zwei Werke."]


@pytest.mark.parametrize(("text", "role"), [
    ("Frankreichs Präsident Emmanuel Macron eröffnete am Montag die Messe in Lyon.",
     "Emmanuel Macron ist Frankreichs Präsident."),
    ("Germany's finance minister Christian Lindner presented the budget on Tuesday.",
     "Christian Lindner is Germany's finance minister."),
    ("Der Vertrag wurde von Jan Novak, Tschechiens Außenminister, in Prag unterzeichnet.",
     "Jan Novak ist Tschechiens Außenminister."),
    ("Die Koalition, unter der Führung von Anna Berger, stellte am Montag den Haushalt vor.",
     "Die Koalition wird von Anna Berger geführt."),
    ("Die Regierung unter Kanzler Olaf Scholz beschloss im Juni ein neues Heizungsgesetz.",
     "Die Regierung wird von Olaf Scholz geführt."),
    ("The team, led by Maria Lopez, won the regional title in 2019.",
     "The team is led by Maria Lopez."),
])
def test_roles_in_apposition(text, role):
    claims = ClaimExtractor().extract(text)
    found = [c for c in claims if c.kind == "role"]
    assert [c.text for c in found] == [role]
    assert text[found[0].start:found[0].end] in text


def test_years_under_a_leader_are_no_role():
    text = "In den Jahren unter Helmut Kohl wuchs die Wirtschaft des Landes kräftig."
    assert [c.kind for c in ClaimExtractor().extract(text)] in ([], ["statement"])


@pytest.mark.parametrize(("text", "claim"), [
    ("Die Europäische Raumfahrtagentur hat am Montag einen Wettersatelliten gestartet. Die "
     "Agentur meldete einen erfolgreichen Start.",
     "Die Europäische Raumfahrtagentur meldete einen erfolgreichen Start."),
    ("The European Space Agency launched a weather satellite on Monday. The agency reported a "
     "successful launch.", "The European Space Agency reported a successful launch."),
])
def test_a_definite_description_names_the_organisation(text, claim):
    assert claim in [c.text for c in ClaimExtractor().extract(text)]


def test_two_names_with_that_noun_leave_the_description_as_it_is():
    text = ("Die Europäische Raumfahrtagentur und die Japanische Raumfahrtagentur planen eine "
            "Sonde. Die Agentur meldete am Montag einen erfolgreichen Test.")
    assert "Die Agentur meldete am Montag einen erfolgreichen Test." in [
        c.text for c in ClaimExtractor().extract(text)]


def test_a_quotation_of_two_sentences_gives_two_quote_claims():
    text = "„Wir bauen die Brücke. Die Arbeiten beginnen im Mai“, sagte Tom Weber am Montag."
    quotes = [c for c in ClaimExtractor().extract(text) if c.kind == "quote"]
    assert [c.text for c in quotes] == ["Tom Weber erklärte: „Wir bauen die Brücke.“",
                                        "Tom Weber erklärte: „Die Arbeiten beginnen im Mai“"]
    assert text[quotes[1].start:quotes[1].end] == "Die Arbeiten beginnen im Mai"
