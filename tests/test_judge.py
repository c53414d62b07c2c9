"""The embedded judge on constructed evidence, with a real store and the real embedding model."""

import pytest

from agent import Document, Label, Settings, Verifier

CORPUS = [
    Document(id="missiles", lang="de", date="2025-01-23", title="Raketenlieferungen",
             text="Nach Angaben des Geheimdienstes hat Nordkorea im Jahr 2024 insgesamt 148 "
                  "ballistische Raketen an Russland geliefert. Für 2025 werden weitere erwartet."),
    Document(id="nato-spokesperson", lang="en", date="2024-02-26",
             title="NATO names a new spokesperson",
             text="NATO Secretary General appointed Farah Dakhlallah as the new NATO "
                  "spokesperson. She took up the post of NATO spokesperson in February 2024."),
    Document(id="korea-president", lang="en", date="2024-12-31", title="Moon Jae-in",
             text="Moon Jae-in was President of South Korea from 2017. His term ended in May "
                  "2022 and he is now a former president. He was followed by Yoon Suk Yeol. "
                  "Yoon was the president of South Korea throughout 2024."),
    Document(id="kremlin", lang="en", date="2024-10-25", title="Kremlin comments",
             text="The Kremlin did not deny reports that North Korean troops were in Russia. "
                  "Its spokesman declined to give details of the deployment."),
    Document(id="weather", lang="en", date="2024-05-01", title="Seoul weather",
             text="Seoul had an unusually warm spring in 2024, with temperatures above 30 "
                  "degrees in May."),
]


@pytest.fixture(scope="module")
def verifier(tmp_path_factory):
    v = Verifier(Settings(home=tmp_path_factory.mktemp("judge-home")))
    v.ingest_documents(CORPUS)
    return v


def test_matching_number_supports(verifier):
    verdict = verifier.verify_claim(
        "Nordkorea hat 2024 insgesamt 148 ballistische Raketen an Russland geliefert.")
    assert verdict.label == Label.SUPPORTED
    assert verdict.citations[0].document_id == "missiles"


def test_number_beyond_the_evidence_refutes(verifier):
    verdict = verifier.verify_claim(
        "Nordkorea hat im Laufe des letzten Jahres über 150 ballistische Raketen an Russland "
        "geliefert.")
    assert verdict.label == Label.REFUTED
    assert "148" in verdict.citations[0].quote


def test_unknown_person_in_a_known_role_refutes(verifier):
    verdict = verifier.verify_claim("Admiral Sarah Thompson ist die Sprecherin der NATO.")
    assert verdict.label == Label.REFUTED
    assert verdict.citations[0].document_id == "nato-spokesperson"


def test_former_office_holder_refutes(verifier):
    verdict = verifier.verify_claim("Moon Jae-in ist der Präsident Südkoreas.")
    assert verdict.label == Label.REFUTED


def test_unknown_person_in_a_non_unique_role_is_not_enough_info(verifier):
    verdict = verifier.verify_claim("Linda Martinez ist eine Sprecherin der NATO.")
    assert verdict.label == Label.NOT_ENOUGH_INFO


def test_quote_of_unknown_person_is_not_enough_info(verifier):
    verdict = verifier.verify_claim(
        "Emily Carter erklärte: „Die Lage an der Front hat sich erheblich verschärft.“")
    assert verdict.label == Label.NOT_ENOUGH_INFO
    assert verdict.citations == []


def test_topical_similarity_is_not_support(verifier):
    verdict = verifier.verify_claim("Seoul recorded its coldest winter in fifty years in 2024.")
    assert verdict.label != Label.SUPPORTED


def test_unrelated_claim_is_not_enough_info(verifier):
    verdict = verifier.verify_claim("The Eiffel Tower was repainted in green in 1995.")
    assert verdict.label == Label.NOT_ENOUGH_INFO


def test_negation_of_the_evidence_refutes(verifier):
    verdict = verifier.verify_claim(
        "The Kremlin did deny reports that North Korean troops were in Russia.")
    assert verdict.label == Label.REFUTED
    assert "did not deny" in verdict.citations[0].quote


def test_citations_are_verbatim(verifier):
    for claim in ("Nordkorea hat 2024 insgesamt 148 ballistische Raketen an Russland geliefert.",
                  "Admiral Sarah Thompson ist die Sprecherin der NATO."):
        verdict = verifier.verify_claim(claim)
        texts = {h.passage_id: h.text for h in verifier.search(claim, k=20)}
        for citation in verdict.citations:
            assert citation.quote in texts.get(citation.passage_id, citation.quote)
            stored = verifier.store.get([citation.passage_id])[citation.passage_id][0]
            assert citation.quote in stored


def test_number_the_evidence_never_states_is_not_support(verifier):
    verdict = verifier.verify_claim("North Korea delivered 500 tanks to Russia in 2024.")
    assert verdict.label == Label.NOT_ENOUGH_INFO
    assert "500" in verdict.rationale


def test_capitalised_words_at_sentence_start_are_not_unknown_people(verifier):
    verdict = verifier.verify_claim("Die Zukunft der Raketenlieferungen an Russland ist ungewiss.")
    assert "never mentions" not in verdict.rationale
