"""Dense retrieval across languages: similarities standardised per language, on a real store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import CachingEmbedder

from agent import Document, Settings
from agent._retrieval import HybridRetriever, LanguageCalibration, SearchFilter
from agent._store import CorpusStore

# Two languages with more sentences each than calibration needs (MIN_LANGUAGE_SENTENCES = 20).
GERMAN = [
 "Der Stadtrat von Bremen hat den Haushalt für das kommende Jahr beschlossen.",
 "In Hamburg wurde ein neues Hafenterminal für Containerschiffe eröffnet.",
 "Die Bundesregierung plant eine Reform der Pflegeversicherung.",
 "Die Reederei in Brennholm hat am Montag erneut einen Frachter nach Velsund geschickt.",
 "Velsund und Brennholm haben einen Vertrag über gegenseitige Hafenhilfe unterzeichnet.",
 "Das Rathaus von Velsund äußerte sich nicht zu Berichten über Kranlieferungen aus Brennholm.",
 "Im Schwarzwald hat ein Sturm zahlreiche Bäume entwurzelt.",
 "Die Deutsche Bahn kündigte neue Verbindungen zwischen Berlin und München an.",
 "Ein Museum in Köln zeigt eine Ausstellung über römische Mosaike.",
 "Die Inflation in der Eurozone ist im Oktober leicht gesunken.",
 "Bayern München gewann das Spiel gegen Dortmund mit drei zu eins.",
 "Forscher in Heidelberg entwickelten einen neuen Impfstoff gegen Grippe.",
 "Die Lufthansa streicht wegen eines Streiks zahlreiche Flüge.",
 "In Sachsen wurde ein neuer Landtag gewählt.",
 "Der Rhein führt nach starken Regenfällen Hochwasser.",
 "Ein Großbrand zerstörte eine Lagerhalle in Dresden.",
 "Die Preise für Heizöl sind im Winter gestiegen.",
 "Ein neuer Radweg verbindet Potsdam und Berlin.",
 "Die Universität Leipzig feiert ihr Jubiläum.",
 "Der Bundestag debattierte über das Bürgergeld.",
 "Osterwiek bestellte den Hafendirektor von Velsund ins Rathaus ein.",
 "Der Bürgermeister von Brennholm besuchte eine Werft am Nordkai.",
]

ENGLISH = [
 "The port office said about 11,000 dock workers from Brennholm had been sent to Velsund.",
 "The city of Leeds opened a new public library on Saturday.",
 "Heavy snow closed several roads in the Scottish Highlands.",
 "A tech company in California announced layoffs of 2,000 workers.",
 "The Australian cricket team won the test series against India.",
 "Scientists discovered a new species of frog in the Amazon rainforest.",
 "The Bank of England kept interest rates unchanged.",
 "A wildfire in Greece forced thousands of tourists to leave their hotels.",
 "The Louvre reported a record number of visitors last year.",
 "Canada announced new rules for international students.",
 "A ferry capsized off the coast of Indonesia.",
 "The Tokyo stock exchange closed higher on Friday.",
 "Kenya's marathon runners dominated the Boston race.",
 "A new high-speed rail line links Madrid and Barcelona.",
 "The World Health Organization warned of a rise in measles cases.",
 "Farmers in France protested against fuel taxes.",
 "Amazon shares fell after weak quarterly results.",
 "A solar farm in Texas became the largest in the United States.",
 "NASA postponed the launch of its moon rocket.",
 "The European Parliament approved a new law on artificial intelligence.",
 "Ireland's government announced a housing plan.",
 "The harbour office confirmed that dock workers from Brennholm were training in eastern Velsund.",
]

QUERY = "Wie viele Hafenarbeiter aus Brennholm wurden nach Velsund geschickt?"


def documents() -> list[Document]:
    return [Document(id=f"de{i}", text=t, lang="de", source=("wire", "archive")[i % 2])
            for i, t in enumerate(GERMAN)] + [
        Document(id=f"en{i}", text=t, lang="en", source=("wire", "archive")[i % 2])
        for i, t in enumerate(ENGLISH)]


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory, embedder: CachingEmbedder
              ) -> HybridRetriever:
    store = CorpusStore(Settings(home=tmp_path_factory.mktemp("bilingual")), embedder)
    store.ingest(documents())
    return HybridRetriever(store)


def test_standardised_similarity_is_exact(bilingual: HybridRetriever) -> None:
    calibration = bilingual.calibration
    assert calibration.applies and calibration.languages == ["de", "en"]
    stored = bilingual.store.sentences.get(include=["embeddings", "metadatas"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float64)
    langs = np.array([meta["lang"] for meta in stored["metadatas"]])
    query = bilingual.store.embedder.embed_queries([QUERY])[0]
    for number, lang in enumerate(calibration.languages):
        similarities = vectors[langs == lang] @ query
        expected = (similarities - similarities.mean()) / similarities.std()
        got = calibration.standardise(number, query, similarities)
        assert np.allclose(got, expected, atol=1e-4)
    pooled = vectors @ query
    assert np.allclose(calibration.standardise(2, query, pooled),
                       (pooled - pooled.mean()) / pooled.std(), atol=1e-4)


def test_passage_in_another_language_is_not_outranked_for_its_language(
    bilingual: HybridRetriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    """en21 (dock workers from Brennholm in Velsund) answers the German query better than de3 (a
    freighter from Brennholm), but raw similarity prefers the query's own language."""
    ranked = [h.document_id for h in bilingual.search(QUERY, k=10, mode="dense")]
    assert ranked[0] == "en0"
    assert ranked.index("en21") < ranked.index("de3")

    monkeypatch.setattr(LanguageCalibration, "applies", property(lambda self: False))
    raw = [h.document_id for h in bilingual.search(QUERY, k=10, mode="dense")]
    assert raw.index("de3") < raw.index("en21")


def test_language_filter_searches_one_language(bilingual: HybridRetriever) -> None:
    hits = bilingual.search(QUERY, k=5, mode="dense", where=SearchFilter(lang="de"))
    assert hits and {h.lang for h in hits} == {"de"}


def test_other_filters_apply_to_every_language(bilingual: HybridRetriever) -> None:
    hits = bilingual.search(QUERY, k=40, mode="dense", where=SearchFilter(source="archive"))
    assert {h.source for h in hits} == {"archive"} and {h.lang for h in hits} == {"de", "en"}
    assert hits[0].document_id == "en21"  # en0, the best match, is from the wire


def test_calibration_is_saved_and_follows_the_store(tmp_path: Path,
                                                    embedder: CachingEmbedder) -> None:
    store = CorpusStore(Settings(home=tmp_path / "home"), embedder)
    store.ingest(documents()[:25])  # 22 German sentences, only 3 English ones
    retriever = HybridRetriever(store)
    assert retriever.calibration.languages == ["de"] and not retriever.calibration.applies
    saved = list((tmp_path / "home" / "calibration").glob("*.npz"))
    assert len(saved) == 1
    assert HybridRetriever(store).calibration.languages == ["de"]  # read back from the file
    saved[0].write_bytes(b"not a numpy archive")
    assert HybridRetriever(store).calibration.languages == ["de"]  # a damaged file is rebuilt
    assert saved[0].read_bytes().startswith(b"PK")

    store.ingest(documents()[25:])
    assert retriever.calibration.languages == ["de", "en"]  # the store changed: rebuilt
    assert list((tmp_path / "home" / "calibration").glob("*.npz")) != saved


@pytest.mark.parametrize("candidates", [1, 3])  # with 1 the first, wide search sees 36 of 44
@pytest.mark.parametrize("query", [
    QUERY, "dock workers from Brennholm in Velsund", "Hochwasser am Rhein",
    "interest rates in England",
])
def test_ranking_equals_per_language_standardisation_over_all_sentences(
    bilingual: HybridRetriever, query: str, candidates: int
) -> None:
    """The dense ranking is the one brute force gives: every sentence's similarity standardised
    within its language, passages by their best sentence."""
    retriever = HybridRetriever(bilingual.store, candidates=candidates)
    calibration = retriever.calibration
    stored = bilingual.store.sentences.get(include=["embeddings", "metadatas"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float64)
    langs = [meta["lang"] for meta in stored["metadatas"]]
    pids = [meta["passage_id"] for meta in stored["metadatas"]]
    vector = bilingual.store.embedder.embed_queries([query])[0]
    z = np.empty(len(pids))
    for lang in set(langs):
        mask = np.array([x == lang for x in langs])
        z[mask] = calibration.standardise(calibration.group(lang), vector, vectors[mask] @ vector)
    expected = list(dict.fromkeys(pids[i] for i in np.argsort(-z)))[:candidates]
    assert retriever._dense_ranking(vector, SearchFilter()) == expected
