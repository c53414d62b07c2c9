"""Atomic claims on German and English sentences written for these tests (a football club, a
museum, a town council, a ferry line; nothing from the seed suite): what is split, into what, with
which spans, and what stays whole."""

import pytest

from agent._atomic import atomic_pieces, carry_date


@pytest.mark.parametrize(("lang", "sentence", "claims"), [
    ("de", "Der Verein hat in der Saison 12 Spieler sowie drei Trainer neu verpflichtet.",
     ["Der Verein hat in der Saison 12 Spieler neu verpflichtet.",
      "Der Verein hat in der Saison drei Trainer neu verpflichtet."]),
    ("en", "The council approved 14 new buses and three ferries for the harbour.",
     ["The council approved 14 new buses for the harbour.",
      "The council approved three ferries for the harbour."]),
    ("de", "Die Stadt nutzt das Gelände nicht nur für Konzerte, sondern auch für Märkte.",
     ["Die Stadt nutzt das Gelände für Konzerte.", "Die Stadt nutzt das Gelände für Märkte."]),
    ("en", "The club signed not only two strikers but also a new goalkeeper.",
     ["The club signed two strikers.", "The club signed a new goalkeeper."]),
    ("de", "Der Bürgermeister eröffnete am Montag das Bad, und die Stadträte besichtigten die "
           "Halle.",
     ["Der Bürgermeister eröffnete am Montag das Bad.", "Die Stadträte besichtigten die Halle."]),
    ("de", "Die Firma hat die Vorwürfe nicht bestritten, jedoch über die Höhe der Zahlungen "
           "geschwiegen.",
     ["Die Firma hat die Vorwürfe nicht bestritten.",
      "Die Firma hat über die Höhe der Zahlungen geschwiegen."]),
    ("de", "Nach dem Umbau zogen viele Mieter weg, während die Stadtwerke die Preise kräftig "
           "erhöhten.",
     ["Nach dem Umbau zogen viele Mieter weg.", "Die Stadtwerke erhöhten die Preise kräftig."]),
    ("en", "The firm did not deny the allegations, but it declined to give figures.",
     ["The firm did not deny the allegations.", "The firm declined to give figures."]),
    ("de", "Das Museum, das 1902 eröffnet wurde, zählte im Mai 30.000 Besucher.",
     ["Das Museum zählte im Mai 30.000 Besucher.", "Das Museum wurde 1902 eröffnet."]),
    ("de", "Die Stadt verwies auf die Zuschüsse, die im vergangenen Jahr vom Land gezahlt wurden.",
     ["Die Stadt verwies auf die Zuschüsse.",
      "Die Zuschüsse wurden im vergangenen Jahr vom Land gezahlt."]),
    ("en", "The museum, which opened in 1902, received 30,000 visitors in May.",
     ["The museum received 30,000 visitors in May.", "The museum opened in 1902."]),
    ("de", "Der Konzern baute 2.000 Stellen ab, was die Gewerkschaften scharf kritisierten.",
     ["Der Konzern baute 2.000 Stellen ab.",
      "Der Konzern baute 2.000 Stellen ab, was die Gewerkschaften scharf kritisierten."]),
])
def test_compound_sentences_are_split(lang, sentence, claims):
    pieces = atomic_pieces(sentence, lang)
    assert [p.text for p in pieces] == claims
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    # the relative clause does not follow its noun: which noun it belongs to is not clear
    ("de", "Die Polizei nahm den Mann fest, der seit Jahren gesucht wurde."),
    # a separable verb at the end of the clause ("ankam") cannot simply be moved
    ("de", "Die Fähre legte pünktlich ab, während der Bus erst am Abend ankam."),
    # no numbers: which words the "und" joins is not clear
    ("de", "Der Verein sucht Trainer und Betreuer für die Jugend."),
    ("en", "The ferry line between the two islands carried 80,000 passengers last year."),
])
def test_unclear_sentences_stay_whole(lang, sentence):
    assert [p.text for p in atomic_pieces(sentence, lang)] == [sentence]


def test_split_spans_point_at_the_clause():
    sentence = "Das Museum, das 1902 eröffnet wurde, zählte im Mai 30.000 Besucher."
    main, relative = atomic_pieces(sentence, "de")
    assert sentence[relative.start:relative.end] == "das 1902 eröffnet wurde"
    assert (main.start, main.end) == (0, len(sentence))


def test_same_day_takes_the_date_from_earlier_in_the_paragraph():
    before = "Der Stadtrat tagte am 12. Mai 2023 im Rathaus. "
    assert carry_date("Am selben Tag wurde der Haushalt beschlossen.", before, "de") == (
        "am 12. Mai 2023 wurde der Haushalt beschlossen.")
    assert carry_date("The budget was passed on the same day.", "The council met on 3 June "
                      "2021. ", "en") == "The budget was passed on 3 June 2021."
    # without a date before it, the claim stays as it is
    assert carry_date("Am selben Tag wurde gewählt.", "Der Rat tagte.", "de") == (
        "Am selben Tag wurde gewählt.")
