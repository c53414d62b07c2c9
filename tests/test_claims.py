"""Claim extraction on German and English text written for these tests (a town, a swimming pool,
a museum, a football club; nothing from the seed suite): sentences and their spans, what is not a
claim, role and quote claims, resolved pronouns and roles, and split sentences."""

import pytest

from agent._claims import ClaimExtractor, is_statement, split_sentences

ARTICLE = """Neues Hallenbad in Kleinhausen

Das neue Hallenbad in Kleinhausen wurde am Mittwoch, dem 12. Juni 2019, eröffnet. Der Bau kostete
18 Millionen Euro, drei Millionen mehr als geplant.

„Das Bad ist ein Gewinn für die ganze Region“, erklärte Anna Berger, die Bürgermeisterin von
Lindenfeld. Stadtrat Peter Lang kritisierte dagegen die Kosten. Er forderte eine Prüfung durch den
Rechnungshof.

Wie wird die Stadt die Betriebskosten bezahlen? Es bleibt zu hoffen, dass die Besucherzahlen
stimmen.
"""


def test_ordinal_cut_is_repaired():
    text = "Die Messe begann am 3. Oktober in Leipzig. Im 2. Halbjahr kamen weniger Besucher."
    sentences = [s.text for s in split_sentences(text, "de")]
    assert sentences == ["Die Messe begann am 3. Oktober in Leipzig.",
                         "Im 2. Halbjahr kamen weniger Besucher."]


def test_spans_point_into_the_article():
    claims = ClaimExtractor().extract(ARTICLE)
    assert len(claims) >= 4
    for claim in claims:
        assert claim.sentence in ARTICLE
        assert ARTICLE[claim.start:claim.end] in claim.sentence
    statements = [" ".join(c.text.split()) for c in claims if c.kind == "statement"]
    assert "Der Bau kostete 18 Millionen Euro, drei Millionen mehr als geplant." in statements
    assert not any(s.startswith(("Wie wird", "Es bleibt", "Neues Hallenbad")) for s in statements)


@pytest.mark.parametrize(("sentence", "statement"), [
    ("Wie wird die Stadt die Betriebskosten des neuen Bades bezahlen?", False),
    ("Reaktionen aus dem Rathaus:", False),
    ("Das neue Bad", False),
    ("# Kleinhausen bekommt nach zwei Jahren Bauzeit sein neues Hallenbad", False),
    ("Der Verein hat im vergangenen Jahr über 150 neue Mitglieder aufgenommen.", True),
    ("The museum reopened in October 2019 after a two-year renovation.", True),
])
def test_what_has_the_form_of_a_statement(sentence, statement):
    assert is_statement(sentence) is statement


@pytest.mark.parametrize("sentence", [
    "Es bleibt zu hoffen, dass die Besucherzahlen im nächsten Jahr stimmen.",
    "Der Verein könnte in der nächsten Saison in die Regionalliga aufsteigen.",
    "Such a step could change the balance of power in the league.",
    "Diese überraschenden Zahlen werfen ernste Fragen zur Zukunft des Vereins auf.",
    "The decision was a slap in the face for every fan of the club.",
])
def test_opinion_prediction_and_rhetoric_are_not_claims(sentence):
    found = ClaimExtractor().split(sentence)
    assert found.claims == []
    assert [n.text for n in found.not_checked] == [sentence]


def test_headings_are_not_claims():
    claims = ClaimExtractor().extract("Geschichte des Vereins\nDer Verein wurde am 4. Dezember "
                                      "1904 gegründet, wie die Chronik festhält.")
    assert [c.text for c in claims] == [
        "Der Verein wurde am 4. Dezember 1904 gegründet, wie die Chronik festhält."]


def test_attributed_quote_gives_role_and_quote_claims():
    text = ("„Das Bad ist ein Gewinn für die ganze Region“, erklärte Anna Berger, die "
            "Bürgermeisterin von Lindenfeld.")
    claims = ClaimExtractor().extract(text)
    assert [(c.kind, c.text) for c in claims] == [
        ("role", "Anna Berger ist die Bürgermeisterin von Lindenfeld."),
        ("quote", "Anna Berger erklärte: „Das Bad ist ein Gewinn für die ganze Region“"),
    ]


def test_english_attributed_quote_gives_role_and_quote_claims():
    text = ('"This building belongs to everyone in the city," said Margaret Osei, the director '
            "of the Harbour City Museum.")
    claims = ClaimExtractor().extract(text)
    assert [(c.kind, c.text) for c in claims] == [
        ("role", "Margaret Osei is the director of the Harbour City Museum."),
        ("quote", "Margaret Osei said: „This building belongs to everyone in the city“"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ('"The ferries run on time," said transport minister Karen Lee at the harbour.',
     [("role", "Karen Lee is transport minister."),
      ("quote", "Karen Lee said: „The ferries run on time“")]),
    ("„Die Fähren fahren pünktlich“, sagte die Verkehrsministerin Karen Lee.",
     [("role", "Karen Lee ist die Verkehrsministerin."),
      ("quote", "Karen Lee erklärte: „Die Fähren fahren pünktlich“")]),
    ('"We will appeal," said chief executive Martin Hughes.',
     [("role", "Martin Hughes is chief executive."),
      ("quote", "Martin Hughes said: „We will appeal“")]),
    ('"The budget is fair," said council leader Amira Shah, a Labour councillor.',
     [("role", "Amira Shah is council leader."),
      ("role", "Amira Shah is a Labour councillor."),
      ("quote", "Amira Shah said: „The budget is fair“")]),
    ('"This is our best season," said the club\'s long-serving coach Nadia Okafor.',
     [("role", "Nadia Okafor is the club's long-serving coach."),
      ("quote", "Nadia Okafor said: „This is our best season“")]),
    # a verb of criticism, and an office with a party before it
    ("„Das Bad ist zu teuer“, kritisierte der SPD-Fraktionschef Jonas Weber.",
     [("role", "Jonas Weber ist der SPD-Fraktionschef."),
      ("quote", "Jonas Weber erklärte: „Das Bad ist zu teuer“")]),
    ('"The pool is far too expensive," argued opposition politician Ruth Carver.',
     [("role", "Ruth Carver is opposition politician."),
      ("quote", "Ruth Carver said: „The pool is far too expensive“")]),
    # an office without a name after it stays the speaker
    ("„Die Fähren fahren pünktlich“, sagte die Ministerin.",
     [("quote", "die Ministerin erklärte: „Die Fähren fahren pünktlich“")]),
])
def test_an_office_before_the_speakers_name_is_a_role_claim(text, expected):
    claims = ClaimExtractor().extract(text)
    assert [(c.kind, c.text) for c in claims] == expected


def test_a_sentence_opening_with_a_quote_it_cannot_attribute_is_still_read():
    text = "„Kleinhausen“ heißt das neue Hallenbad, das am 12. Juni 2019 eröffnet wurde."
    claims = ClaimExtractor().extract(text)
    assert claims and all(c.kind == "statement" for c in claims)
    assert any("12. Juni 2019" in c.text for c in claims)


def test_a_quotation_that_goes_on_is_attributed_to_the_same_speaker():
    text = ("„Das Bad ist ein Gewinn für die Region“, erklärte Anna Berger, die Bürgermeisterin "
            "von Lindenfeld. „Die Besucherzahlen haben unsere Erwartungen übertroffen.“\n\n"
            "„Das sehen wir anders.“")
    quotes = [c.text for c in ClaimExtractor().extract(text) if c.kind == "quote"]
    assert quotes == [
        "Anna Berger erklärte: „Das Bad ist ein Gewinn für die Region“",
        "Anna Berger erklärte: „Die Besucherzahlen haben unsere Erwartungen übertroffen.“"]


def test_apposition_gives_role_claim_and_short_speaker_is_resolved():
    text = ("Die parteilose Bürgermeisterin Anna Berger eröffnete am Mittwoch das neue Bad. "
            "„Das Bad ist ein Gewinn für die Region“, erklärte Berger bei der Feier.")
    kinds = [(c.kind, c.text) for c in ClaimExtractor().extract(text)]
    assert ("role", "Anna Berger ist die parteilose Bürgermeisterin.") in kinds
    assert ("quote", "Anna Berger erklärte: „Das Bad ist ein Gewinn für die Region“") in kinds


@pytest.mark.parametrize(("text", "expected"), [
    # the office first, the name in apposition after it, at the start of a sentence
    ("The museum's director, Margaret Osei, said the wing would open in May.",
     [("role", "Margaret Osei is the museum's director."),
      ("statement", "The museum's director, Margaret Osei, said the wing would open in May.")]),
    ("Der Leiter des Museums, Professor Jan Berg, lobte die Eröffnung.",
     [("role", "Professor Jan Berg ist der Leiter des Museums."),
      ("statement", "Der Leiter des Museums, Professor Jan Berg, lobte die Eröffnung.")]),
    # a possessive office names its owner from the sentence before
    ("The Harbour City Museum reopened in May. Its director, Margaret Osei, hailed the opening.",
     [("statement", "The Harbour City Museum reopened in May."),
      ("role", "Margaret Osei is Harbour City Museum's director."),
      ("statement", "Harbour City Museum's director, Margaret Osei, hailed the opening.")]),
    # a list is no apposition
    ("The council, Labour and the Greens agreed.",
     [("statement", "The council, Labour and the Greens agreed.")]),
])
def test_an_office_then_the_name_in_apposition_is_a_role_claim(text, expected):
    claims = ClaimExtractor().extract(text)
    assert [(c.kind, c.text) for c in claims] == expected


def test_a_role_named_earlier_stands_for_the_person():
    text = ("Die Bürgermeisterin Anna Berger eröffnete am Mittwoch das neue Bad. Die "
            "Bürgermeisterin nannte Baukosten von 18 Millionen Euro.")
    statements = [c.text for c in ClaimExtractor().extract(text) if c.kind == "statement"]
    assert "Anna Berger nannte Baukosten von 18 Millionen Euro." in statements


def test_a_compound_sentence_gives_one_claim_per_fact_with_its_span():
    text = ("Das Stadion, das 1974 eröffnet wurde, bietet Platz für 24.000 Zuschauer. Der Verein "
            "verkaufte 9.000 Dauerkarten sowie 300 Logenplätze.")
    claims = ClaimExtractor().extract(text)
    assert [c.text for c in claims] == [
        "Das Stadion bietet Platz für 24.000 Zuschauer.",
        "Das Stadion wurde 1974 eröffnet.",
        "Der Verein verkaufte 9.000 Dauerkarten.",
        "Der Verein verkaufte 300 Logenplätze."]
    assert text[claims[1].start:claims[1].end] == "das 1974 eröffnet wurde"
    assert text[claims[3].start:claims[3].end] == "300 Logenplätze."


@pytest.mark.parametrize("first", [
    "Der Vorsitzende Karl Brandt stellte am Montag einen neuen Trainer vor.",
    "Der Vorsitzende Karl Brandt stellte am Montag den neuen Trainer des FC Obertal vor.",
])
def test_pronoun_subject_is_resolved(first):
    text = f"{first} Er erklärte danach, der Verein werde zwei neue Spieler verpflichten."
    statements = [c.text for c in ClaimExtractor().extract(text) if c.kind == "statement"]
    assert any(s.startswith("Karl Brandt erklärte danach") for s in statements)


def test_english_article():
    text = ("The city council approved a budget of more than 40 million dollars in March 2024, "
            "the mayor said. What happens next is anyone's guess? Observers say it could "
            "change the city.")
    claims = ClaimExtractor().extract(text)
    assert [c.text for c in claims] == [
        "The city council approved a budget of more than 40 million dollars in March 2024, the "
        "mayor said."]


def test_a_line_without_a_full_stop_is_a_claim():
    for line in ("Almsund hat im Oktober 2024 rund 10000 Tonnen Getreide nach Velsund geschickt\n",
                 "Almsund sent about 10,000 tonnes of grain to Velsund in October 2024"):
        assert [c.text for c in ClaimExtractor().extract(line)] == [line.strip()]


def test_a_headline_is_a_claim_and_a_short_heading_is_not():
    article = ("Osterwiek meldet 10000 neue Übernachtungsgäste in Brennholm\n\n"
               "Reaktionen aus Osterwiek\n"
               "Das Rathaus in Osterwiek hat die Zahl am Mittwoch bestätigt.")
    assert [c.text for c in ClaimExtractor().extract(article)] == [
        "Osterwiek meldet 10000 neue Übernachtungsgäste in Brennholm",
        "Das Rathaus in Osterwiek hat die Zahl am Mittwoch bestätigt."]


def test_lines_of_headlines_are_one_claim_each():
    article = ("Brennholm schickt Hafenarbeiter nach Velsund\n"
               "Osterwiek warnt vor einem Streik im Hafen\n"
               "Der Kreistag berät in Almsund über die Lage\n")
    found = ClaimExtractor().split(article)
    assert len(found.claims) + len(found.not_checked) == 3  # whether each is a fact or not
    for item in [*found.claims, *found.not_checked]:
        assert "\n" not in article[item.start:item.end]


def test_hard_wrapped_text_gives_whole_sentences():
    article = ("Die Leipziger Verkehrsbetriebe haben am Mittwoch eine neue\n"
               "Straßenbahnlinie eröffnet. Die Linie 17 verbindet den Hauptbahnhof mit dem\n"
               "Stadtteil Grünau und fährt alle zehn Minuten. Die Baukosten lagen bei 48\n"
               "Millionen Euro.\n")
    claims = ClaimExtractor().extract(article)
    assert [c.text for c in claims] == [
        "Die Leipziger Verkehrsbetriebe haben am Mittwoch eine neue Straßenbahnlinie eröffnet.",
        "Die Linie 17 verbindet den Hauptbahnhof mit dem Stadtteil Grünau und fährt alle zehn "
        "Minuten.",
        "Die Baukosten lagen bei 48 Millionen Euro."]
    for claim in claims:
        assert article[claim.start:claim.end] == claim.sentence


def test_a_line_that_goes_on_in_lower_case_continues_the_sentence():
    article = "The ministry said on Tuesday that about 10,000 soldiers\nhad crossed the border."
    assert [c.text for c in ClaimExtractor().extract(article)] == [
        "The ministry said on Tuesday that about 10,000 soldiers had crossed the border."]


def test_text_without_any_punctuation_is_not_one_huge_claim():
    assert ClaimExtractor().extract("Raketen Soldaten Munition " * 3000) == []


@pytest.mark.parametrize(("text", "role"), [
    ("Klinikdirektor Klaus Reuter begrüßte am Montag die Gäste des neuen Anbaus.",
     "Klaus Reuter ist Klinikdirektor."),
    ("Mayor Helen Ortiz cut the ribbon at the new harbour bridge on Thursday.",
     "Helen Ortiz is mayor."),
    ("Landrätin Anna Weber eröffnete am Dienstag die neue Kreisstraße bei Wettin.",
     "Anna Weber ist Landrätin."),
    ("Transport secretary Ian Marsh opened the new station in Leeds on Monday.",
     "Ian Marsh is transport secretary."),
    ("Local MP Sarah Cole visited the ward in March. The hospital trust said it would close.",
     "Sarah Cole is local MP."),
])
def test_an_office_before_a_name_without_an_article_is_a_role_claim(text, role):
    claims = ClaimExtractor().extract(text)
    assert ("role", role) in [(c.kind, c.text) for c in claims]


def test_ranks_and_forms_of_address_are_no_office():
    claims = ClaimExtractor().extract("Admiral Sarah Holm and Dr. Jonas Lind visited the port "
                                      "of Kiel on Monday, 3 June 2024.")
    assert [c for c in claims if c.kind == "role"] == []
