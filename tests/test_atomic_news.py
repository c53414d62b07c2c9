"""Atomic claims of constructions common in news reports, on German and English sentences written
for these tests (a hospital, a ferry company, a flood, a rail strike, a harbour; nothing from the
seed suite): two predicates of one subject, bare subjects, "über" after a verb, and the cases
that stay whole."""

import pytest

from agent._atomic import atomic_pieces


def _split(sentence: str, lang: str) -> list[str]:
    pieces = atomic_pieces(sentence, lang)
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(sentence)
    return [p.text for p in pieces]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    ("de", "Die Reederei verkaufte im Frühjahr zwei Fähren und bestellte 2023 drei neue Schiffe.",
     ["Die Reederei verkaufte im Frühjahr zwei Fähren.",
      "Die Reederei bestellte 2023 drei neue Schiffe."]),
    ("de", "Bürgermeister Jan Ohlsen eröffnete am Freitag die Brücke und kündigte 14 weitere "
           "Radwege an.",
     ["Bürgermeister Jan Ohlsen eröffnete am Freitag die Brücke.",
      "Bürgermeister Jan Ohlsen kündigte 14 weitere Radwege an."]),
    ("de", "Der Fluss stieg bis Mittag auf 6,20 Meter und überschritt damit die Marke von 1999.",
     ["Der Fluss stieg bis Mittag auf 6,20 Meter.",
      "Der Fluss überschritt damit die Marke von 1999."]),
    ("en", "The harbour authority closed two piers and moved 300 boats to the north basin.",
     ["The harbour authority closed two piers.",
      "The harbour authority moved 300 boats to the north basin."]),
    ("en", "Health minister Lena Park visited the clinic on Friday and met staff in Dover.",
     ["Health minister Lena Park visited the clinic on Friday.",
      "Health minister Lena Park met staff in Dover."]),
    ("en", "The bridge had been due to open in May and was to cost 40 million pounds.",
     ["The bridge had been due to open in May.", "The bridge was to cost 40 million pounds."]),
])
def test_two_predicates_of_one_subject(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # "und" joins objects, adjectives or numbers, not verbs
    ("de", "Die Firma kaufte 12 Busse und neue Bahnen für den Nahverkehr."),
    ("de", "Die Klinik sucht 40 Pfleger und gut ausgebildete Ärzte."),
    ("de", "Die Stadt kaufte drei Busse und zwölf Bahnen."),
    # the second participle shares the auxiliary
    ("de", "Die Stadt hat 2022 Geld gespart und viel investiert."),
    # no subject at the start: a fronted adverbial, an inverted subject
    ("de", "Am Montag besuchte der Minister die Klinik und sagte 3 Millionen Euro zu."),
    ("de", "Inzwischen hat die Stadt die Halle gebaut und eröffnete sie im Mai."),
    ("en", "Yesterday the council met and approved 12 new homes."),
    # a clause inside the first predicate: which verbs "and" joins is not clear
    ("en", "The company expects sales to rise and fell 12 percent in 2023."),
    ("en", "The dealer sold new and used cars in 2022."),
    # a report: left to the rules for reported statements
    ("de", "Meteorologen beobachten die Wolken und warnen, dass es bis zu 80 Liter regnen könnte."),
    # the second predicate adds no figure, date or name
    ("de", "Die Feuerwehr rückte mit 40 Kräften aus und löschte den Brand schnell."),
    # after "ist": a predicate adjective, not a verb
    ("de", "Der See ist 40 Meter tief und bekannt für seine 12 Inseln."),
    ("de", "Die Stadt ist groß und reich an 3 Seen."),
])
def test_predicates_that_stay_together(lang, sentence):
    assert _split(sentence, lang) == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # "über" after a verb that takes it is no "more than"
    ("de", "Die Reederei verfügt über 14 Fähren sowie eine eigene Werft.",
     ["Die Reederei verfügt über 14 Fähren.", "Die Reederei verfügt über eine eigene Werft."]),
    ("de", "Die Reederei hat über 14 Fähren sowie eine eigene Werft.",
     ["Die Reederei hat über 14 Fähren.", "Die Reederei hat eine eigene Werft."]),
    # a genitive of "beider", "aller" stays with its noun
    ("de", "Nachdem die Räte beider Gemeinden im März zugestimmt hatten, begann der Bau.",
     ["Die Räte beider Gemeinden hatten im März zugestimmt.", "Der Bau begann."]),
    # English subjects without a determiner
    ("en", "Because ferry operators added extra crossings, traffic on the coast road fell by "
           "20 percent.",
     ["Ferry operators added extra crossings.", "Traffic on the coast road fell by 20 percent."]),
    # an adverb after the verb stays after it once the subject comes first
    ("de", "Weil ein Deich bei Wilster brach, wurden jedoch zwölf Höfe überflutet.",
     ["Ein Deich brach bei Wilster.", "Zwölf Höfe wurden jedoch überflutet."]),
    ("en", "Two schools in the valley closed early, and several clinics reported flooding.",
     ["Two schools in the valley closed early.", "Several clinics reported flooding."]),
])
def test_subjects_and_quantities(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "After years of decline, the harbour has grown again."),
    ("en", "When asked about the plan, the mayor declined to comment."),
])
def test_subordinate_phrases_without_a_clause_stay_whole(lang, sentence):
    assert _split(sentence, lang) == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a name as the antecedent, with an office before it or after a noun
    ("de", "Klinikdirektorin Eva Stahl, die seit 2015 im Amt ist, stellte am Montag die Bilanz "
           "vor.",
     ["Klinikdirektorin Eva Stahl stellte am Montag die Bilanz vor.",
      "Klinikdirektorin Eva Stahl ist seit 2015 im Amt."]),
    ("de", "Die Gemeinde Uhlstedt, die seit 2018 von einem Zweckverband versorgt wird, zahlt "
           "weniger für Wasser.",
     ["Die Gemeinde Uhlstedt zahlt weniger für Wasser.",
      "Die Gemeinde Uhlstedt wird seit 2018 von einem Zweckverband versorgt."]),
    ("en", "Ferrolink, which operates 14 ships, cancelled all crossings on Friday.",
     ["Ferrolink cancelled all crossings on Friday.", "Ferrolink operates 14 ships."]),
    ("en", "The port's budget for new cranes, which totals 12 million pounds, was cut in May.",
     ["The port's budget for new cranes was cut in May.",
      "The port's budget for new cranes totals 12 million pounds."]),
    # "whose": the antecedent's
    ("en", "Harbour master Tom Reyes, whose team has run the port since 2016, praised the crews.",
     ["Harbour master Tom Reyes praised the crews.",
      "Tom Reyes's team has run the port since 2016."]),
    # the antecedent is the noun before the comma, not a clause with a verb
    ("en", "The storm hit the marina, which was built in 1990, on Monday night.",
     ["The storm hit the marina on Monday night.", "The marina was built in 1990."]),
])
def test_relative_clauses_on_names(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # a name after a noun that is not the subject: which words are the antecedent is not clear
    ("de", "Die Stadt gab dem Verein Geld, das aus dem Haushalt stammt, für den Umbau."),
    # the relative pronoun is an object: the clause has its own subject
    ("de", "Eva Stahl, der man 2020 den Preis verlieh, sprach am Montag."),
    ("de", "Eva Stahl, die das Land 2020 ehrte, sprach am Montag."),
    # a fronted adverbial is no antecedent
    ("de", "Am Montag, der ein Feiertag war, blieb die Klinik geschlossen."),
])
def test_relative_clauses_without_a_clear_antecedent(lang, sentence):
    assert _split(sentence, lang) == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # an apposition to the subject, in the nominative or after a preposition in the dative
    ("de", "Der Hafen, einer der größten Umschlagplätze der Ostsee, meldete 2023 einen Rekord.",
     ["Der Hafen meldete 2023 einen Rekord.",
      "Der Hafen ist einer der größten Umschlagplätze der Ostsee."]),
    ("de", "In Kellinghusen, einer kleinen Stadt an der Stör, stand das Wasser zwei Meter hoch.",
     ["In Kellinghusen stand das Wasser zwei Meter hoch.",
      "Kellinghusen ist eine kleine Stadt an der Stör."]),
    ("en", "The lighthouse, one of the oldest on the coast, was closed in 2019.",
     ["The lighthouse was closed in 2019.", "The lighthouse is one of the oldest on the coast."]),
    ("en", "In Selby, a town of 15,000 people, 800 homes lost power.",
     ["In Selby, 800 homes lost power.", "Selby is a town of 15,000 people."]),
    # an age after a name
    ("en", "Skipper Anna Holt, 52, was rescued on Sunday.",
     ["Skipper Anna Holt was rescued on Sunday.", "Skipper Anna Holt is 52 years old."]),
    # a participle in apposition: done by someone, or stative
    ("en", "The festival, organised by the Harbour Trust, drew 40,000 visitors.",
     ["The festival drew 40,000 visitors.", "The festival was organised by the Harbour Trust."]),
    ("en", "Ferrolink, a ferry company based in Hull, cancelled 30 crossings.",
     ["Ferrolink cancelled 30 crossings.", "Ferrolink is a ferry company based in Hull."]),
    # an apposition to a name at the end of the sentence
    ("en", "The appeal was lodged by the Marsh Society, a charity with 9,000 members.",
     ["The appeal was lodged by the Marsh Society.",
      "The Marsh Society is a charity with 9,000 members."]),
    # a German participle attribute with a date, a number or an agent
    ("de", "Die 2017 eröffnete Brücke über die Stör trägt 20.000 Autos am Tag.",
     ["Die Brücke über die Stör trägt 20.000 Autos am Tag.",
      "Die Brücke über die Stör wurde 2017 eröffnet."]),
    ("de", "Der 1998 von Fischern gegründete Verein zählt 300 Mitglieder.",
     ["Der Verein zählt 300 Mitglieder.", "Der Verein wurde 1998 von Fischern gegründet."]),
    ("de", "Die im Jahr 2021 sanierten Schleusen sind wieder in Betrieb.",
     ["Die Schleusen sind wieder in Betrieb.", "Die Schleusen wurden im Jahr 2021 saniert."]),
])
def test_appositions_and_participles(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # what the writer says the event means: the event alone, and the whole for the comment
    ("en", "The council raised fees by 5 percent, a decision that angered residents.",
     ["The council raised fees by 5 percent.",
      "The council raised fees by 5 percent, a decision that angered residents."]),
    ("en", "The ferry operator cut 40 jobs on Monday, signalling a shift in its strategy.",
     ["The ferry operator cut 40 jobs on Monday.",
      "The ferry operator cut 40 jobs on Monday, signalling a shift in its strategy."]),
    ("en", "The board approved the merger in March, marking the end of a long dispute.",
     ["The board approved the merger in March.",
      "The board approved the merger in March, marking the end of a long dispute."]),
    # a comment on what might follow is no fact: the event alone
    ("en", "The council rejected the plan, in a move that could delay the bypass by years.",
     ["The council rejected the plan."]),
    # a fronted frame of how the writer sees it, left out
    ("en", "In a dramatic escalation for the region, the union called a strike for 3 May.",
     ["The union called a strike for 3 May."]),
    ("de", "In einem bemerkenswerten Wendepunkt hat der Verein seinen Trainer entlassen.",
     ["Der Verein hat seinen Trainer entlassen."]),
    # an apposition that says what something is stays a claim of its own
    ("en", "The river rose to 6.2 metres, a level not seen since 1999.",
     ["The river rose to 6.2 metres, a level not seen since 1999."]),
])
def test_comments_and_frames_around_an_event(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # offices are roles, stated by the extractor
    ("de", "Anna Berg, die Bürgermeisterin der Stadt, eröffnete 2023 die Brücke."),
    ("en", "Karen Doyle, the union's general secretary, said 300 members were angry."),
    # a relative clause, a list, an adverbial, an apposition on an event
    ("de", "Eva Stahl, der man 2020 den Preis verlieh, sprach am Montag."),
    ("en", "The mayor, the council, and the police met on Monday."),
    ("en", "Meanwhile, a court in Leeds, which heard the case, ruled for the union."),
    # a participle that says since when, or of a verb whose perfect takes "sein"
    ("de", "Die seit 2019 geschlossene Halle bleibt bis Mai zu."),
    ("de", "Die 2019 gescheiterte Fusion wird neu verhandelt."),
    # no date, number or agent: an adjective, not an event
    ("de", "Die neu eröffnete Brücke trägt viele Autos."),
])
def test_appositions_and_participles_that_stay(lang, sentence):
    assert _split(sentence, lang) == [sentence]


def test_spans_of_a_rewritten_sentence_point_at_their_words():
    sentence = "Die 2017 eröffnete Halle bietet 400 Plätze sowie 20 Logen."
    spans = [sentence[p.start:p.end] for p in atomic_pieces(sentence, "de")]
    assert spans == ["Die 2017 eröffnete Halle bietet 400 Plätze", "20 Logen.",
                     "2017 eröffnete Halle"]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a complaint takes what it complains of as a fact
    ("de", "Anwohner bemängeln, dass viele alte Deiche noch immer nicht erhöht sind.",
     ["Viele alte Deiche sind noch immer nicht erhöht."]),
    ("en", "Residents complained that the ferry was cancelled for six weeks.",
     ["The ferry was cancelled for six weeks."]),
    # "sagte ... zu" (promised) is no report
    ("de", "Landrat Jan Ohlsen besuchte die Deiche und sagte den Gemeinden 5 Millionen Euro zu.",
     ["Landrat Jan Ohlsen besuchte die Deiche.",
      "Landrat Jan Ohlsen sagte den Gemeinden 5 Millionen Euro zu."]),
])
def test_complaints_and_promises(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # the earlier figure in the same sentence, with its period
    ("de", "Der Hafen schlug im vergangenen Jahr 8,4 Millionen Tonnen um, nach 7,9 Millionen "
           "Tonnen im Vorjahr.",
     ["Der Hafen schlug im vergangenen Jahr 8,4 Millionen Tonnen um.",
      "Der Hafen schlug im vorletzten Jahr 7,9 Millionen Tonnen um."]),
    # the year before a year named
    ("en", "The yard built 14 ships in 2023, up from 11 a year earlier.",
     ["The yard built 14 ships in 2023.", "The yard built 11 ships in 2022."]),
    ("de", "Die Quote lag im Mai bei 5,1 Prozent, nach 5,3 Prozent im April.",
     ["Die Quote lag im Mai bei 5,1 Prozent.", "Die Quote lag im April bei 5,3 Prozent."]),
    ("en", "Wind farms supplied 14 percent of the county's power in 2023, up from 9 percent in "
           "2020.",
     ["Wind farms supplied 14 percent of the county's power in 2023.",
      "Wind farms supplied 9 percent of the county's power in 2020."]),
    # after a change to a level, the earlier level
    ("de", "Der Umsatz der Werft stieg 2023 um 5 Prozent auf 3 Milliarden Euro, nach 2,8 "
           "Milliarden im Vorjahr.",
     ["Der Umsatz der Werft stieg 2023 um 5 Prozent auf 3 Milliarden Euro.",
      "Der Umsatz der Werft lag im Jahr 2022 bei 2,8 Milliarden Euro."]),
    ("en", "The ferry line's revenue fell to 80 million pounds last year, down from 95 million in "
           "2022.",
     ["The ferry line's revenue fell to 80 million pounds last year.",
      "The ferry line's revenue was 95 million pounds in 2022."]),
    ("en", "Ticket sales rose to 2 million in 2023, compared with 1.7 million in 2022.",
     ["Ticket sales rose to 2 million in 2023.", "Ticket sales were 1.7 million in 2022."]),
])
def test_an_earlier_figure_is_a_claim(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # two figures: which one the earlier figure is of is not clear
    ("en", "The port handled 3.2 million containers on 12 routes in 2023, up from 2.9 million in "
           "2022."),
    # no period for the earlier figure
    ("en", "Only 12 percent of trains ran, down from 38 percent during the last strike."),
    # another unit
    ("de", "Die Werft baute 2023 zwölf Schiffe für 3 Milliarden Euro, nach 40 Prozent im "
           "Vorjahr."),
])
def test_comparisons_that_stay_whole(lang, sentence):
    assert _split(sentence, lang) == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    ("de", "Die Reederei modernisierte im Winter die Fähre sowie das alte Terminal.",
     ["Die Reederei modernisierte im Winter die Fähre.",
      "Die Reederei modernisierte im Winter das alte Terminal."]),
    ("de", "Der Verband hat die Schleuse sowie den neuen Kai im Sommer besichtigt.",
     ["Der Verband hat die Schleuse besichtigt.",
      "Der Verband hat den neuen Kai im Sommer besichtigt."]),
    ("de", "Der Verband fordert niedrigere Hafengebühren sowie schnellere Genehmigungen.",
     ["Der Verband fordert niedrigere Hafengebühren.",
      "Der Verband fordert schnellere Genehmigungen."]),
    ("en", "The society welcomed the ruling as well as the court's call for a new survey.",
     ["The society welcomed the ruling.",
      "The society welcomed the court's call for a new survey."]),
])
def test_two_objects_joined_by_sowie_or_as_well_as(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence"), [
    # after a preposition: which noun the second goes with is not clear
    ("en", "The council approved the plan for the marina as well as the budget."),
    # said of the two together
    ("de", "Die Polizei sperrte die Straße zwischen dem Bahnhof sowie dem Hafen."),
    # a German present plural has no regular singular ("zahlen" -> "zahlt", "liegen" -> "liegt")
    ("de", "Die Reederei sowie der Hafen tragen die Kosten für die Reparatur."),
    ("de", "Die Reederei und der Hafen fordern mehr Geld sowie neue Stellen."),
])
def test_objects_and_subjects_that_stay_whole(lang, sentence):
    assert _split(sentence, lang) == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # the feminine dative after a preposition: "der zweitgrößten Stadt" -> "die zweitgrößte Stadt"
    ("de", "In Kiel, der größten Stadt des Landes, fielen 80 Liter Regen.",
     ["In Kiel fielen 80 Liter Regen.", "Kiel ist die größte Stadt des Landes."]),
    # a possessive apposition; a present verb before its object
    ("en", "In Hull, England's largest fishing port, 300 boats stayed ashore.",
     ["In Hull, 300 boats stayed ashore.", "Hull is England's largest fishing port."]),
    ("en", "The yard employs 900 people and built 12 ships in 2023.",
     ["The yard employs 900 people.", "The yard built 12 ships in 2023."]),
])
def test_more_appositions_and_predicates(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("sentence", "claims"), [
    ("The ferry company sold its oldest ship and moved to a new terminal.",
     ["The ferry company sold its oldest ship.", "The ferry company moved to a new terminal."]),
    ("The harbour police questioned the skipper and released him without charge.",
     ["The harbour police questioned the skipper.",
      "The harbour police released him without charge."]),
])
def test_english_predicates_without_a_figure(sentence, claims):
    assert _split(sentence, "en") == claims


@pytest.mark.parametrize("sentence", [
    # a participle after "were" shares it: "Residents told to ..." would be no sentence
    "Residents were evacuated and told to stay away from the river.",
    # nouns joined by "and"
    "The yard builds ferries and tugs for the North Sea.",
])
def test_english_predicates_that_stay_whole(sentence):
    assert _split(sentence, "en") == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a genitive after the second noun is its own
    ("de", "Am Deich halfen 300 Freiwillige sowie 40 Soldaten der Marine.",
     ["Am Deich halfen 300 Freiwillige.", "Am Deich halfen 40 Soldaten der Marine."]),
    ("en", "The search involved 300 volunteers and 40 sailors of the navy on Sunday.",
     ["The search involved 300 volunteers on Sunday.",
      "The search involved 40 sailors of the navy on Sunday."]),
])
def test_a_genitive_after_the_second_quantity(lang, sentence, claims):
    assert _split(sentence, lang) == claims


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # "said" without "that"
    ("en", "Harbour master Tom Reyes said 12 boats were damaged in the storm.",
     [("quote", "Harbour master Tom Reyes said 12 boats were damaged in the storm."),
      ("statement", "12 boats were damaged in the storm.")]),
    ("en", "Local traders said sales rose and fell again in 2023.",
     [("statement", "Sales rose and fell again in 2023.")]),
    # a named source after the statement
    ("en", "The ferry will not run until May, said the city council.",
     [("quote", "The ferry will not run until May, said the city council."),
      ("statement", "The ferry will not run until May.")]),
    ("de", "Die Fähre fährt erst ab Mai wieder, teilte das Landratsamt am Montag mit.",
     [("quote", "Die Fähre fährt erst ab Mai wieder, teilte das Landratsamt am Montag mit."),
      ("statement", "Die Fähre fährt erst ab Mai wieder.")]),
    # an unnamed one: the sentence stays whole; "said goodbye" is no report
    ("en", "A second strike is planned for next week, the union said.",
     [("statement", "A second strike is planned for next week, the union said.")]),
    ("en", "The harbour master said goodbye to the crews on Friday.",
     [("statement", "The harbour master said goodbye to the crews on Friday.")]),
    # "said" after a relative clause: the words after it are no source
    ("en", "The harbour master, who took office in May, said the quay would reopen in July.",
     [("statement", "The quay would reopen in July."),
      ("statement", "The harbour master took office in May.")]),
    # a report once a relative clause is taken out; the finding of a court or a study
    ("en", "Harbour master Tom Reyes, who took office in May, said 12 boats sank at sea.",
     [("quote", "Harbour master Tom Reyes said 12 boats sank at sea."),
      ("statement", "12 boats sank at sea."),
      ("statement", "Tom Reyes took office in May.")]),
    ("en", "The survey found that 40 percent of piers were in poor condition.",
     [("statement", "40 percent of piers were in poor condition.")]),
    ("de", "Das Gericht entschied, dass die Reederei 2 Millionen Euro zahlen muss.",
     [("quote", "Das Gericht entschied, dass die Reederei 2 Millionen Euro zahlen muss."),
      ("statement", "Die Reederei muss 2 Millionen Euro zahlen.")]),
    # a relative clause on a plural with its modifier
    ("en", "The ruling was welcomed by fishing crews, who had opposed the wind farm since 2019.",
     [("statement", "The ruling was welcomed by fishing crews."),
      ("statement", "Fishing crews had opposed the wind farm since 2019.")]),
])
def test_reports_without_that(lang, sentence, claims):
    assert [(p.kind, p.text) for p in atomic_pieces(sentence, lang)] == claims


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # a source inside the sentence: the statement without it, and the report when it is named
    ("de", "Der Sturm kostete die Reederei nach eigenen Angaben 4 Millionen Euro.",
     [("statement", "Der Sturm kostete die Reederei 4 Millionen Euro.")]),
    ("de", "Im Jahr 2023 liefen laut dem Statistischen Landesamt 9.000 Schiffe den Hafen an.",
     [("quote", "Im Jahr 2023 liefen laut dem Statistischen Landesamt 9.000 Schiffe den Hafen "
                "an."),
      ("statement", "Im Jahr 2023 liefen 9.000 Schiffe den Hafen an.")]),
    ("de", "Die Reparatur wird nach Einschätzung der Werften mehrere Wochen dauern.",
     [("statement", "Die Reparatur wird mehrere Wochen dauern.")]),
    ("en", "Prices rose, according to the statistics office, by 5 percent in May.",
     [("quote", "Prices rose, according to the statistics office, by 5 percent in May."),
      ("statement", "Prices rose by 5 percent in May.")]),
])
def test_a_source_inside_the_sentence(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [(p.kind, p.text) for p in pieces] == claims
    assert all((p.start, p.end) == (0, len(sentence)) for p in pieces)


@pytest.mark.parametrize("sentence", [
    # "nach Angaben" as what a verb takes; a place after the source (whose is it?)
    "Die Reederei richtet ihre Preise nach Angaben der Händler.",
    "Bei dem Unfall wurden nach Angaben der Polizei in Kiel drei Menschen verletzt.",
])
def test_sources_inside_that_stay(sentence):
    assert _split(sentence, "de") == [sentence]


@pytest.mark.parametrize(("sentence", "claims"), [
    ("Die Küstenwache hat zwei Segler gerettet und 14 Boote in den Hafen geschleppt.",
     ["Die Küstenwache hat zwei Segler gerettet.",
      "Die Küstenwache hat 14 Boote in den Hafen geschleppt."]),
    ("Die Reederei will 2025 eine Fähre kaufen und 2026 zwei Linien eröffnen.",
     ["Die Reederei will 2025 eine Fähre kaufen.", "Die Reederei will 2026 zwei Linien eröffnen."]),
])
def test_two_clauses_sharing_hat_or_a_modal(sentence, claims):
    assert _split(sentence, "de") == claims


@pytest.mark.parametrize("sentence", [
    # a passive "wurden": the second part has a subject of its own
    "Die Deiche wurden verstärkt und 300 Häuser evakuiert.",
    # too short to stand alone; a second subject; no figure
    "Der Hafen hat Kräne verkauft und 2 gekauft.",
    "Die Reederei hat die Preise erhöht und die Kunden dagegen protestiert.",
    "Die Ministerin hat den Hafen besucht und mit den Lotsen gesprochen.",
])
def test_clauses_sharing_an_auxiliary_that_stay(sentence):
    assert _split(sentence, "de") == [sentence]


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    # an expected or planned figure: the earlier one was no expectation
    ("de", "Die Veranstalter erwarten rund 90.000 Besucher, nach 80.000 im Vorjahr.",
     ["Die Veranstalter erwarten rund 90.000 Besucher, nach 80.000 im Vorjahr."]),
    ("en", "The port expects 3 million passengers, up from 2.5 million in 2023.",
     ["The port expects 3 million passengers, up from 2.5 million in 2023."]),
    # the earlier figure without the "rund" / "about" of the later one
    ("de", "Die Messe zählte rund 90.000 Besucher, nach 80.000 im Vorjahr.",
     ["Die Messe zählte rund 90.000 Besucher.", "Die Messe zählte 80.000 Besucher im Vorjahr."]),
    ("en", "The fair drew about 90,000 visitors, up from 80,000 a year earlier.",
     ["The fair drew about 90,000 visitors.", "The fair drew 80,000 visitors a year earlier."]),
])
def test_comparisons_of_aims_and_rounded_figures(lang, sentence, claims):
    assert _split(sentence, lang) == claims
