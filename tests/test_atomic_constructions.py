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
    # an opening subordinate clause: a claim of its own, and the main clause alone
    ("de", "Während die Einnahmen des Vereins im Jahr 2022 stark stiegen, sanken die Ausgaben "
           "für Personal.",
     ["Die Einnahmen des Vereins stiegen im Jahr 2022 stark.",
      "Die Ausgaben für Personal sanken."]),
    ("de", "Nachdem der Landtag das Gesetz verabschiedet hatte, begann die Stadt mit dem Bau.",
     ["Der Landtag hatte das Gesetz verabschiedet.", "Die Stadt begann mit dem Bau."]),
    ("en", "After the council approved the plan, the company started building the bridge.",
     ["The council approved the plan.", "The company started building the bridge."]),
    # "seit" / "since": the main clause holds only from then, so it stays in the sentence
    ("en", "Since the harbour was dredged in 2020, traffic has risen by 18 percent.",
     ["The harbour was dredged in 2020.",
      "Since the harbour was dredged in 2020, traffic has risen by 18 percent."]),
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
    ("Das Orchester, unter Leitung von Jana Roth, spielte im Mai in der Stadthalle.",
     "Das Orchester wird von Jana Roth geführt."),
    ("Die Regierung unter Kanzler Olaf Scholz beschloss im Juni ein neues Heizungsgesetz.",
     "Die Regierung wird von Olaf Scholz geführt."),
    ("The team, led by Maria Lopez, won the regional title in 2019.",
     "The team is led by Maria Lopez."),
    # an English office without an article, and an office in the speaker of a quotation
    ("Tom Reid, chair of the Port Ellis Harbour Board, warned that the wall came too late.",
     "Tom Reid is chair of the Port Ellis Harbour Board."),
    ("„Das Bad ist ein Gewinn“, sagte Landrätin Mira Hahn (SPD) nach der Eröffnung.",
     "Mira Hahn ist Landrätin."),
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


# --- reported statements after a longer predicate, evaluative frames, presupposed facts --------


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a named source after a coordinated predicate: that it reported it, and the statement
    ("de", "Der Deutsche Wetterdienst beobachtet die Wolken genau und warnt, dass der Pegel der "
           "Elbe am Sonntag um zwei Meter gestiegen ist.",
     [("quote", "Der Deutsche Wetterdienst warnt, dass der Pegel der Elbe am Sonntag um zwei Meter "
                "gestiegen ist."),
      ("statement", "Der Pegel der Elbe ist am Sonntag um zwei Meter gestiegen.")]),
    ("de", "Die Deutsche Bahn hat die Bilanz vorgelegt und erklärt, dass die Zahl der Fahrgäste "
           "deutlich gestiegen ist.",
     [("quote", "Die Deutsche Bahn hat erklärt, dass die Zahl der Fahrgäste deutlich gestiegen "
                "ist."),
      ("statement", "Die Zahl der Fahrgäste ist deutlich gestiegen.")]),
    ("en", "The National Weather Service reviewed the data and warned that the river rose by two "
           "metres overnight.",
     [("quote", "The National Weather Service warned that the river rose by two metres "
                "overnight."),
      ("statement", "The river rose by two metres overnight.")]),
    # a hedged statement: only that it was reported, a fact as stated
    ("de", "Der Deutsche Wetterdienst beobachtet die Wolken genau und warnt, dass am Wochenende "
           "möglicherweise schwere Gewitter auftreten könnten.",
     [("quote", "Der Deutsche Wetterdienst warnt, dass am Wochenende möglicherweise schwere "
                "Gewitter auftreten könnten.")]),
    ("en", "The National Weather Service said on Monday and warned that the storm could reach the "
           "coast by Friday.",
     [("quote", "The National Weather Service warned that the storm could reach the coast by "
                "Friday.")]),
    ("en", "The Met Office said that the heatwave might last until the end of the month.",
     [("quote", "The Met Office said that the heatwave might last until the end of the month.")]),
    # an auxiliary and adverbials before the report verb
    ("de", "Die Deutsche Bahn hat am Montag erklärt, dass die Zahl der Fahrgäste deutlich "
           "gestiegen ist.",
     [("quote", "Die Deutsche Bahn hat am Montag erklärt, dass die Zahl der Fahrgäste deutlich "
                "gestiegen ist."),
      ("statement", "Die Zahl der Fahrgäste ist deutlich gestiegen.")]),
    # an unnamed source: the statement alone
    ("de", "Die neue Stadträtin prüft den Antrag und betont, dass die Kosten bei rund vier "
           "Millionen Euro liegen.",
     [("statement", "Die Kosten liegen bei rund vier Millionen Euro.")]),
])
def test_reported_after_a_longer_predicate(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [(p.kind, p.text) for p in pieces] == claims
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    # a negation or a modal before the report verb takes the report back
    ("de", "Die Deutsche Bahn kann nicht bestätigen, dass die Zahl der Fahrgäste gestiegen ist."),
    ("en", "The National Weather Service could not confirm that the river rose overnight."),
    # an unnamed source and a hedged statement: left to the classifier
    ("de", "Meteorologen beobachten die Wolken genau und warnen, dass am Wochenende "
           "möglicherweise schwere Gewitter auftreten könnten."),
])
def test_reports_that_stay_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claim"), [
    ("de", "In einem überraschenden Schritt hat der Stadtrat die Gebühren für Kitas um zehn "
           "Prozent gesenkt.", "Der Stadtrat hat die Gebühren für Kitas um zehn Prozent gesenkt."),
    ("de", "Zur Überraschung vieler hat der Verein seinen Trainer nach nur drei Spielen entlassen.",
     "Der Verein hat seinen Trainer nach nur drei Spielen entlassen."),
    ("de", "In einer bemerkenswerten Wendung der langen Debatte hat das Gericht die Klage "
           "abgewiesen.", "Das Gericht hat die Klage abgewiesen."),
    ("de", "In einem Schritt, der viele Beobachter überraschte, hat die Sternwarte ihre Kuppel "
           "geschlossen.", "Die Sternwarte hat ihre Kuppel geschlossen."),
    ("en", "In a stunning turn, the board has dismissed the chief executive after two years.",
     "The board has dismissed the chief executive after two years."),
    ("en", "In a move that surprised investors, the bakery chain closed twelve shops in March.",
     "The bakery chain closed twelve shops in March."),
    ("en", "To the surprise of many, the court has dismissed the lawsuit against the city.",
     "The court has dismissed the lawsuit against the city."),
])
def test_an_evaluative_frame_is_left_out(lang, sentence, claim):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == [claim]
    assert pieces[0].start > 0 and pieces[0].end == len(sentence)  # the frame left out


@pytest.mark.parametrize(("lang", "sentence"), [
    # a place, an event, a source, a date or a number in the frame: it carries facts
    ("de", "In einem kleinen Dorf hat die Feuerwehr drei Menschen aus einem Haus gerettet."),
    ("de", "In einem ausführlichen Interview hat die Ministerin ihre Pläne vorgestellt."),
    ("de", "In einem überraschenden Schritt im März hat der Stadtrat die Gebühren gesenkt."),
    ("de", "Mit einer Entwicklung, die 2.000 Stellen kostet, hat der Konzern die Strategie "
           "geändert."),
    ("en", "In a small village, firefighters rescued three people from a burning house."),
    ("en", "In a letter to shareholders, the chief executive announced his resignation."),
])
def test_frames_with_facts_stay(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "fact"), [
    ("de", "Die Tatsache, dass der Stadtrat den Haushalt einstimmig beschlossen hat, deutet auf "
           "einen breiten Konsens hin.", "Der Stadtrat hat den Haushalt einstimmig beschlossen."),
    ("de", "Die Tatsache, dass der Verein in der Lage ist, jedes Jahr neue Spieler zu "
           "verpflichten, zeigt seine finanzielle Stärke.",
     "Der Verein ist in der Lage, jedes Jahr neue Spieler zu verpflichten."),
    ("de", "Dass die Firma ihre Prognose im Mai gesenkt hat, überrascht Analysten nicht.",
     "Die Firma hat ihre Prognose im Mai gesenkt."),
    ("en", "The fact that the council approved the budget unanimously shows a broad consensus.",
     "The council approved the budget unanimously."),
])
def test_a_presupposed_fact_is_a_claim(lang, sentence, fact):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == [fact, sentence]
    assert pieces[0].start > 0 and pieces[0].end < len(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Die Tatsache, dass er zurücktrat, zeigt den Druck auf die Partei."),
    ("de", "Die Tatsache, dass der Verein Geld verliert, Fans abwandern und Sponsoren gehen, "
           "zeigt die Krise."),
    ("en", "The fact that the new survey shows a rise suggests a trend."),
    ("en", "The fact that it rained all week suggests nothing about the climate."),
])
def test_unclear_facts_stay_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


def test_an_office_keeps_its_country_in_the_genitive():
    sentence = ("In einem überraschenden Schritt kam der Außenminister Portugals am Dienstag in "
                "Madrid an.")
    assert [p.text for p in atomic_pieces(sentence, "de")] == [
        "Der Außenminister Portugals kam am Dienstag in Madrid an."]


# --- relative clauses at the end, generic sources, sources as ordinary noun phrases -----------


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a speculative or hedged relative clause: the main clause alone
    ("de", "Der Plan hat Unmut bei Anwohnern und Händlern ausgelöst, die befürchten, dass die "
           "Mieten steigen könnten.", ["Der Plan hat Unmut bei Anwohnern und Händlern ausgelöst."]),
    ("de", "Der Konzern hat Sorgen bei den Beschäftigten ausgelöst, die erwarten, dass weitere "
           "Werke schließen.", ["Der Konzern hat Sorgen bei den Beschäftigten ausgelöst."]),
    ("de", "Die Stadt ehrte am Montag die Feuerwehrleute, welche den Brand womöglich zu spät "
           "bemerkt haben.", ["Die Stadt ehrte am Montag die Feuerwehrleute."]),
    ("en", "The decision angered residents, who fear that rents could rise.",
     ["The decision angered residents."]),
    ("en", "The council raised parking fees, which shop owners say could hurt the high street.",
     ["The council raised parking fees."]),
    # a factual relative clause: a claim of its own with its antecedent
    ("en", "The decision angered residents, who have protested for years.",
     ["The decision angered residents.", "Residents have protested for years."]),
    ("en", "The club signed Anna Weber, who scored twelve goals last season.",
     ["The club signed Anna Weber.", "Anna Weber scored twelve goals last season."]),
    ("de", "Die Stadt ehrte die Feuerwehrleute, die den Brand gelöscht hatten.",
     ["Die Stadt ehrte die Feuerwehrleute.", "Die Feuerwehrleute hatten den Brand gelöscht."]),
    # "which" may be said of the whole event: the main clause, and the whole sentence
    ("en", "The storm flooded the old harbour, which caused damage worth millions.",
     ["The storm flooded the old harbour.",
      "The storm flooded the old harbour, which caused damage worth millions."]),
])
def test_a_relative_clause_at_the_end(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == claims
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    # a German relative clause after the verb: which noun it is said of is not clear
    ("de", "Der Stadtrat hat den Plan gebilligt, der den Bau von 200 Wohnungen vorsieht."),
    # no relative clause: "das heißt", two main clauses side by side
    ("de", "Die Stadt spart drei Millionen Euro, das heißt, die Stadt spart viel."),
    ("de", "Die Preise stiegen im Mai deutlich, die Löhne sanken dagegen leicht."),
    # a subordinate clause before the comma, no main clause
    ("en", "When the court ruled against the landlords, which surprised nobody."),
])
def test_relative_clauses_that_stay_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # generic sources: the statement alone, subject first, a coordinated clause on its own
    ("de", "Laut Analysen sind die Preise für Bauland im Mai gestiegen, und die Nachfrage nach "
           "Wohnungen ist größer denn je.",
     [("statement", "Die Preise für Bauland sind im Mai gestiegen."),
      ("statement", "Die Nachfrage nach Wohnungen ist größer denn je.")]),
    ("de", "Berichten zufolge hat der Verein den Vertrag mit dem Trainer verlängert.",
     [("statement", "Der Verein hat den Vertrag mit dem Trainer verlängert.")]),
    ("de", "Laut Experten zeigt die Studie, dass der Meeresspiegel schneller steigt.",
     [("statement", "Die Studie zeigt, dass der Meeresspiegel schneller steigt.")]),
    ("en", "According to analysts, the company lost market share in Asia last year.",
     [("statement", "The company lost market share in Asia last year.")]),
    # ordinary noun phrases as sources: that they reported it, and the statement
    ("en", "The city council said that the bridge will close in March.",
     [("quote", "The city council said that the bridge will close in March."),
      ("statement", "The bridge will close in March.")]),
    ("en", "The state's health department warned that flu cases rose sharply in January.",
     [("quote", "The state's health department warned that flu cases rose sharply in January."),
      ("statement", "Flu cases rose sharply in January.")]),
    ("en", "Police in Leeds said that three men were arrested on Friday.",
     [("quote", "Police in Leeds said that three men were arrested on Friday."),
      ("statement", "Three men were arrested on Friday.")]),
    ("de", "Die Polizei in Köln teilte mit, dass der Täter seit Montag flüchtig ist.",
     [("quote", "Die Polizei in Köln teilte mit, dass der Täter seit Montag flüchtig ist."),
      ("statement", "Der Täter ist seit Montag flüchtig.")]),
    ("de", "Die Polizei in Köln hat die Ermittlungen aufgenommen und mitgeteilt, dass der Täter "
           "seit Montag flüchtig ist.",
     [("quote", "Die Polizei in Köln hat mitgeteilt, dass der Täter seit Montag flüchtig ist."),
      ("statement", "Der Täter ist seit Montag flüchtig.")]),
    # a named source: a hedged coordinated clause gives no claim, the factual one does
    ("de", "Nach Angaben von Eurostat ist die Arbeitslosigkeit im Mai gesunken, und die Löhne "
           "könnten bald steigen.",
     [("quote", "Nach Angaben von Eurostat ist die Arbeitslosigkeit im Mai gesunken, und die "
                "Löhne könnten bald steigen."),
      ("statement", "Die Arbeitslosigkeit ist im Mai gesunken.")]),
])
def test_generic_and_noun_phrase_sources(lang, sentence, claims):
    assert _claims(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # a person described, not an institution; a generic source with a hedged statement
    ("en", "Local experts said that the river might flood the valley again."),
    ("de", "Die neue Stadträtin sagte, dass die Kosten möglicherweise steigen könnten."),
])
def test_sources_that_give_no_quote(lang, sentence):
    assert "quote" not in [kind for kind, _ in _claims(sentence, lang)]


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("The bakery, which employs more than 2,000 people in the region, opened a plant on "
     "3 May 2024.", "en",
     ["The bakery opened a plant on 3 May 2024.",
      "The bakery employs more than 2,000 people in the region."]),
    ("Die Bäckerei, die mehr als 2,5 Millionen Euro Umsatz macht, eröffnete am 3. Mai 2024 ein "
     "Werk.", "de",
     ["Die Bäckerei eröffnete am 3. Mai 2024 ein Werk.",
      "Die Bäckerei macht mehr als 2,5 Millionen Euro Umsatz."]),
])
def test_a_comma_inside_a_number_ends_no_clause(sentence: str, lang: str,
                                               expected: list[str]) -> None:
    assert [p.text for p in atomic_pieces(sentence, lang)] == expected


@pytest.mark.parametrize(("text", "phrase"), [
    ("Die Koalition, unter der Führung von Anna Berger, stellte am Montag den Haushalt vor.",
     "unter der Führung von Anna Berger"),
    ("The team, led by Maria Lopez, won the regional title in 2019.", "led by Maria Lopez"),
    ("Die Regierung unter Kanzler Olaf Scholz beschloss im Juni ein neues Heizungsgesetz.",
     "Die Regierung unter Kanzler Olaf Scholz"),
])
def test_a_leader_claim_spans_the_phrase_that_names_the_leader(text, phrase):
    role = next(c for c in ClaimExtractor().extract(text) if c.kind == "role")
    assert text[role.start:role.end] == phrase


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # the event, then when, where and by what vote: one claim for each, so that each can be wrong
    # on its own and the event be confirmed apart from them
    ("de", "Mit 19 zu 8 Stimmen hat der Gemeinderat am Dienstag in der Festhalle Lindenfeld "
           "den Bau einer Schwimmhalle beschlossen.",
     ["Der Gemeinderat hat den Bau einer Schwimmhalle beschlossen.",
      "Der Gemeinderat hat am Dienstag den Bau einer Schwimmhalle beschlossen.",
      "Der Gemeinderat hat in der Festhalle Lindenfeld den Bau einer Schwimmhalle beschlossen.",
      "Mit 19 zu 8 Stimmen hat der Gemeinderat den Bau einer Schwimmhalle beschlossen."]),
    ("de", "Am Freitag hat der Sächsische Landtag mit 70 Ja-Stimmen das Schulgesetz geändert.",
     ["Der Sächsische Landtag hat das Schulgesetz geändert.",
      "Am Freitag hat der Sächsische Landtag das Schulgesetz geändert.",
      "Der Sächsische Landtag hat mit 70 Ja-Stimmen das Schulgesetz geändert."]),
    ("en", "On 4 March, Port Ellis councillors approved the harbour wall by 23 votes to 9.",
     ["Port Ellis councillors approved the harbour wall.",
      "On 4 March, Port Ellis councillors approved the harbour wall.",
      "Port Ellis councillors approved the harbour wall by 23 votes to 9."]),
    ("en", "The plan was approved at the Corn Exchange in Port Ellis on Tuesday.",
     ["The plan was approved.",
      "The plan was approved on Tuesday.",
      "The plan was approved at the Corn Exchange in Port Ellis."]),
])
def test_the_event_then_when_where_and_by_what_vote(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == claims
    assert all(p.start == 0 and p.end == len(sentence) for p in pieces)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Der Gemeinderat hat am Dienstag den Bau einer Schwimmhalle beschlossen."),
    ("en", "Port Ellis councillors approved the harbour wall by 23 votes to 9."),
    ("en", "On Tuesday, in Port Ellis, the mayor said: \"We will build it.\""),  # a quotation
])
def test_one_adjunct_or_a_quotation_stays_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("sentence", "claims"), [
    # ", with X doing Y": the main clause, and what X does as a claim of its own
    ("The new stand cost £12 million, with £4 million coming from a lottery grant.",
     ["The new stand cost £12 million.", "£4 million is coming from a lottery grant."]),
    ("The council approved the budget, with two councillors abstaining.",
     ["The council approved the budget.", "Two councillors are abstaining."]),
    ("Buses will run in Eastport from May, with the rest of the county following by 2027.",
     ["Buses will run in Eastport from May.", "The rest of the county is following by 2027."]),
])
def test_an_english_absolute_with_clause_is_a_claim_of_its_own(sentence, claims):
    assert [p.text for p in atomic_pieces(sentence, "en")] == claims


@pytest.mark.parametrize("sentence", [
    "He met the minister, with whom he discussed the plan.",  # a relative clause
    "The plan passed, with support including the Greens.",  # a preposition in -ing
    "Der Rat stimmte zu, with two councillors abstaining.",  # not English
])
def test_with_clauses_that_stay_whole(sentence):
    lang = "de" if sentence.startswith("Der") else "en"
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a trailing clause of reason, contrast or time states a fact of its own
    ("de", "Der Rat lehnte den Antrag ab, weil die Kosten auf 12 Millionen Euro gestiegen waren.",
     ["Der Rat lehnte den Antrag ab.", "Die Kosten waren auf 12 Millionen Euro gestiegen."]),
    ("de", "Umstritten ist die Schließung der Station, zumal die Zahl der Patienten in Obertal "
           "zuletzt gestiegen war.",
     ["Umstritten ist die Schließung der Station.",
      "Die Zahl der Patienten war in Obertal zuletzt gestiegen."]),
    ("en", "The plant will close, although the company made a profit of 3 million euros in 2023.",
     ["The plant will close.", "The company made a profit of 3 million euros in 2023."]),
])
def test_a_trailing_clause_of_reason_or_contrast_is_a_claim_of_its_own(lang, sentence, claims):
    assert [p.text for p in atomic_pieces(sentence, lang)] == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Die Stadt baut eine Brücke, damit die Schüler sicher zur Schule kommen."),  # purpose
    ("de", "Der Bürgermeister warnte, während der Sitzung."),  # a preposition, no clause
    ("en", "The club sacked its coach, after it lost five games in a row."),  # a pronoun
])
def test_trailing_clauses_that_stay(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # an amount said of a thing before its noun is one more adjunct: the thing without it, and
    # the amount with the event
    ("en", "On Monday, Lindenfeld Council opened its new £3.5 million Riverside Pool on the "
           "Mill Lane Estate.",
     ["Lindenfeld Council opened its new Riverside Pool.",
      "On Monday, Lindenfeld Council opened its new Riverside Pool.",
      "Lindenfeld Council opened its new Riverside Pool on the Mill Lane Estate.",
      "Lindenfeld Council opened its new £3.5 million Riverside Pool."]),
    ("de", "Im Mai hat der Gemeinderat die 2,4 Kilometer lange Umgehungsstraße im Rathaus "
           "beschlossen.",
     ["Der Gemeinderat hat die Umgehungsstraße beschlossen.",
      "Im Mai hat der Gemeinderat die Umgehungsstraße beschlossen.",
      "Der Gemeinderat hat die Umgehungsstraße im Rathaus beschlossen.",
      "Der Gemeinderat hat die 2,4 Kilometer lange Umgehungsstraße beschlossen."]),
])
def test_an_attributive_amount_is_an_adjunct_of_its_own(lang, sentence, claims):
    assert [p.text for p in atomic_pieces(sentence, lang)] == claims


@pytest.mark.parametrize(("sentence", "claims"), [
    # a relative clause of possession: the owner after "von", the clause in main-clause order
    ("Die Gemeinde zahlt zwei Millionen Euro für das Hallenbad, dessen Baukosten inzwischen auf "
     "18 Millionen Euro geschätzt werden.",
     ["Die Gemeinde zahlt zwei Millionen Euro für das Hallenbad.",
      "Baukosten von dem Hallenbad werden inzwischen auf 18 Millionen Euro geschätzt."]),
    ("Die Gemeinde, deren Bürgermeisterin seit 2019 Anna Berger ist, hat 12.000 Einwohner.",
     ["Die Gemeinde hat 12.000 Einwohner.",
      "Bürgermeisterin von der Gemeinde ist seit 2019 Anna Berger."]),
    # "die" before a noun that may be a plural: the case is not clear, the sentence stays whole
    ("Die Kliniken, deren Defizit 2024 bei neun Millionen Euro lag, fusionieren zum Jahresende.",
     ["Die Kliniken, deren Defizit 2024 bei neun Millionen Euro lag, fusionieren zum "
      "Jahresende."]),
])
def test_a_german_relative_clause_of_possession_is_a_claim_of_its_own(sentence, claims):
    assert [p.text for p in atomic_pieces(sentence, "de")] == claims


@pytest.mark.parametrize(("sentence", "claims"), [
    # a count given in a relative clause is a claim of its own, beside the sentence
    ("In a survey, nearly two-thirds of the 1,204 residents who replied backed the pool.",
     ["In a survey, nearly two-thirds of the 1,204 residents who replied backed the pool.",
      "1,204 residents replied."]),
    ("Half of the 300 workers who struck returned on Monday.",
     ["Half of the 300 workers who struck returned on Monday.", "300 workers struck."]),
    # a year is no count; a relative clause of more than its verb stays in the sentence
    ("Few of the 2019 entrants who finished came back.",
     ["Few of the 2019 entrants who finished came back."]),
    ("Most of the 40 pupils who took the test passed it.",
     ["Most of the 40 pupils who took the test passed it."]),
])
def test_a_count_in_a_relative_clause_is_a_claim_of_its_own(sentence, claims):
    assert [p.text for p in atomic_pieces(sentence, "en")] == claims
