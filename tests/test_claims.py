"""Claim extraction on German and English text, including the seed articles' tricky sentences."""

from pathlib import Path

from agent._claims import ClaimExtractor, is_checkworthy, split_sentences

SEEDS = Path(__file__).parent.parent / "seeds"


def test_ordinal_cut_is_repaired():
    text = "Der Minister kam am 3. Oktober in Moskau an. Im 2. Weltkrieg war das anders."
    sentences = [s.text for s in split_sentences(text, "de")]
    assert sentences == ["Der Minister kam am 3. Oktober in Moskau an.",
                         "Im 2. Weltkrieg war das anders."]


def test_spans_point_into_the_article():
    text = (SEEDS / "000_55ee62cd197b6292.txt").read_text(encoding="utf-8")
    for claim in ClaimExtractor().extract(text):
        assert text[claim.start:claim.end] == claim.sentence


def test_not_checkworthy_sentences_are_dropped():
    assert not is_checkworthy("Wie wird die internationale Gemeinschaft auf diese neue Allianz "
                              "reagieren?")
    assert not is_checkworthy("Es bleibt zu hoffen, dass die Diplomatie der Waffe vorgezogen "
                              "wird, um ein weiteres Blutvergießen zu verhindern.")
    assert not is_checkworthy("Diese alarmierenden Entwicklungen werfen ernsthafte Fragen zur "
                              "regionalen Stabilität und zur globalen Sicherheit auf.")
    assert not is_checkworthy("Such a step could change the balance of the war.")
    assert is_checkworthy("Berichten zufolge hat Nordkorea im Laufe des letzten Jahres über 150 "
                          "ballistische Raketen an Russland geliefert.")


def test_headings_are_not_claims():
    claims = ClaimExtractor().extract("Hintergründe und Kontext\nDer Vertrag trat am 4. Dezember "
                                      "2024 in Kraft, wie die Regierung mitteilte.")
    assert [c.text for c in claims] == [
        "Der Vertrag trat am 4. Dezember 2024 in Kraft, wie die Regierung mitteilte."]


def test_attributed_quote_gives_role_and_quote_claims():
    text = ("„Die NATO ist zutiefst besorgt über die Berichte“, erklärte Admiral Sarah Thompson, "
            "die Sprecherin der NATO.")
    claims = ClaimExtractor().extract(text)
    assert [(c.kind, c.text) for c in claims] == [
        ("role", "Admiral Sarah Thompson ist die Sprecherin der NATO."),
        ("quote", "Admiral Sarah Thompson erklärte: „Die NATO ist zutiefst besorgt über die "
                  "Berichte“"),
    ]


def test_apposition_gives_role_claim_and_short_speaker_is_resolved():
    text = ("Der südkoreanische Präsident Moon Jae-in gab eine ernste Warnung aus. "
            "„Wir stehen an der Seite der Ukraine“, erklärte Moon in Seoul.")
    claims = ClaimExtractor().extract(text)
    kinds = [(c.kind, c.text) for c in claims]
    assert ("role", "Moon Jae-in ist der südkoreanische Präsident.") in kinds
    assert ("quote", "Moon Jae-in erklärte: „Wir stehen an der Seite der Ukraine“") in kinds


def test_pronoun_subject_is_resolved():
    text = ("Der Außenminister Sergej Lawrow traf am Freitag seine Amtskollegin in Moskau. "
            "Er erklärte danach, beide Staaten hätten einen Vertrag unterzeichnet.")
    statements = [c.text for c in ClaimExtractor().extract(text) if c.kind == "statement"]
    assert any(s.startswith("Sergej Lawrow erklärte danach") for s in statements)


def test_english_article():
    text = ("North Korea sent more than 10,000 soldiers to Russia in October 2024, the Pentagon "
            "said. What happens next is anyone's guess? Observers say it could escalate.")
    claims = ClaimExtractor().extract(text)
    assert [c.text for c in claims] == [
        "North Korea sent more than 10,000 soldiers to Russia in October 2024, the Pentagon said."]


def test_seed_article_004_yields_role_claims_for_invented_officials():
    text = (SEEDS / "004_7918f40a88e544d6.txt").read_text(encoding="utf-8")
    roles = [c.text for c in ClaimExtractor().extract(text) if c.kind == "role"]
    assert "Oleksandr Petrenko ist der Verteidigungsminister der Ukraine." in roles
    assert "Admiral Sarah Thompson ist die Sprecherin der NATO." in roles


def test_a_line_without_a_full_stop_is_a_claim():
    for line in ("Nordkorea hat im Oktober 2024 rund 10000 Soldaten nach Russland geschickt\n",
                 "North Korea sent about 10,000 soldiers to Russia in October 2024"):
        assert [c.text for c in ClaimExtractor().extract(line)] == [line.strip()]


def test_a_headline_is_a_claim_and_a_short_heading_is_not():
    article = ("Südkorea meldet 10000 nordkoreanische Soldaten in Kursk\n\n"
               "Reaktionen aus Seoul\n"
               "Der Geheimdienst in Seoul hat die Zahl am Mittwoch bestätigt.")
    assert [c.text for c in ClaimExtractor().extract(article)] == [
        "Südkorea meldet 10000 nordkoreanische Soldaten in Kursk",
        "Der Geheimdienst in Seoul hat die Zahl am Mittwoch bestätigt."]


def test_lines_of_headlines_are_one_claim_each():
    article = ("Nordkorea schickt Soldaten nach Russland\n"
               "Südkorea warnt vor einer Eskalation im Krieg\n"
               "Die NATO berät in Brüssel über die Lage\n")
    assert len(ClaimExtractor().extract(article)) == 3


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
