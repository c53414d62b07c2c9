"""The corpus store: passages and their embeddings in ChromaDB, embedded or on a shared server."""

from __future__ import annotations

import contextlib
import fnmatch
import glob
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from ._corpus import (
    LoadProblem,
    PassageSplitter,
    expand_paths,
    load_file,
    split_passage_sentences,
)
from ._embeddings import Embedder
from ._errors import StoreError
from ._models import Document, Passage, parse_date
from ._settings import Settings

BATCH_SIZE = 64
PAGE_SIZE = 5000
# How passages and sentences are laid out in the collections; older stores must be rebuilt.
LAYOUT = "passages+sentences-1"
ProgressCallback = Callable[[int, int], None]


@dataclass
class IngestSummary:
    """What one ingestion did."""

    documents: int = 0
    added_documents: int = 0
    unchanged_documents: int = 0
    passages_added: int = 0
    passages_removed: int = 0
    pruned_documents: int = 0
    failed: list[LoadProblem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.passages_added or self.passages_removed)


def passage_metadata(passage: Passage) -> dict:
    """Chroma metadata for a passage; `date_ord` (YYYYMMDD, 0 if unknown) allows range filters."""
    parsed = parse_date(passage.date)
    return {
        "document_id": passage.document_id,
        "index": passage.index,
        "start": passage.start,
        "end": passage.end,
        "title": passage.title,
        "url": passage.url,
        "date": passage.date,
        "date_ord": int(parsed.strftime("%Y%m%d")) if parsed else 0,
        "lang": passage.lang,
        "source": passage.source,
    }


def stored_path(doc: Document) -> str:
    """Where a document was read from, as its passages record it: an absolute file path, a URL,
    or '' for a document given as an object."""
    if not doc.path or "://" in doc.path:
        return doc.path
    return os.path.abspath(doc.path)


def _glob_match(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether path parts match glob pattern parts, '**' standing for any number of folders."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_glob_match(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _glob_match(
        parts[1:], pattern[1:])


class PruneScope:
    """The files that ingesting `specs` reads or would read: a stored document from one of them
    that this run did not read has been deleted from its folder (or from its file)."""

    def __init__(self, specs: Iterable[str | Path]) -> None:
        self.folders: list[Path] = []
        self.files: set[str] = set()
        self.patterns: list[tuple[str, ...]] = []
        for spec in specs:
            path = Path(os.path.abspath(spec))
            if path.is_dir():
                self.folders.append(path)
            elif path.exists() or not glob.has_magic(str(spec)):
                self.files.add(str(path))
            else:
                self.patterns.append(path.parts)

    def __contains__(self, path: str) -> bool:
        if not path or "://" in path:
            return False
        if path in self.files:
            return True
        candidate = Path(path)
        for folder in self.folders:
            if candidate.is_relative_to(folder) and not any(
                part.startswith(".") for part in candidate.relative_to(folder).parts
            ):
                return True
        return any(_glob_match(candidate.parts, pattern) for pattern in self.patterns)


def with_title(title: str, text: str) -> str:
    """A passage as it is embedded: after its document title, unless the text repeats it."""
    return f"{title}\n{text}" if title and title not in text else text


class CorpusStore:
    """Passages of the user's reference documents in a ChromaDB collection.

    The collection records the embedding model that built it; opening it with another model is
    refused, since vectors of two models cannot be compared. Writes take a lock file, so a second
    process ingesting into the same embedded store is told so instead of corrupting it.
    """

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self._collection = None
        self._sentences = None
        self.splitter = PassageSplitter(settings.chunk_size, settings.chunk_overlap)

    @property
    def location(self) -> str:
        if self.settings.chroma_host:
            return f"http://{self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.home / "chroma")

    def _client(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.settings.chroma_host:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host,
                    port=self.settings.chroma_port,
                    settings=chroma_settings,
                )
            path = self.settings.home / "chroma"
            self._check_folder(path)
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except StoreError:
            raise
        except Exception as exc:  # chromadb raises many unrelated types for the same problem
            raise StoreError(f"cannot open the store at {self.location}: {exc}") from None

    @staticmethod
    def _check_folder(path: Path) -> None:
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store folder")
        if path.is_dir() and any(path.iterdir()) and not (path / "chroma.sqlite3").exists():
            raise StoreError(
                f"{path} is not empty and holds no ChromaDB store; point FACTCHECK_HOME elsewhere"
            )
        sqlite = path / "chroma.sqlite3"
        if sqlite.exists():
            with sqlite.open("rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{sqlite} is corrupt (not an SQLite database)")

    def _open(self, client, name: str):
        try:
            collection = client.get_or_create_collection(
                name,
                embedding_function=None,
                metadata={"embedding_model": self.embedder.name, "layout": LAYOUT},
                configuration={"hnsw": {"space": "cosine"}},
            )
        except Exception as exc:
            raise StoreError(f"cannot open collection {name} at {self.location}: {exc}") from None
        built_with = (collection.metadata or {}).get("embedding_model")
        if built_with != self.embedder.name:
            raise StoreError(
                f"the store at {self.location} was built with the embedding model "
                f"'{built_with}', not '{self.embedder.name}'; use another FACTCHECK_HOME or "
                "collection, or rebuild it with `factcheck ingest --rebuild`"
            )
        if (collection.metadata or {}).get("layout") != LAYOUT:
            raise StoreError(
                f"the store at {self.location} was built by an older version of factcheck; "
                "rebuild it with `factcheck ingest --rebuild PATH...`"
            )
        return collection

    @property
    def collection(self):
        """Passages; each vector is the normalised mean of its sentences' vectors."""
        if self._collection is None:
            client = self._client()
            self._collection = self._open(client, self.settings.collection)
            self._sentences = self._open(client, f"{self.settings.collection}-sentences")
        return self._collection

    @property
    def sentences(self):
        """Sentences of the passages, each embedded on its own: the unit of dense search."""
        if self._sentences is None:
            _ = self.collection
        return self._sentences

    def _state_file(self, suffix: str) -> Path:
        """A file beside the store that belongs to this collection (its lock, its marker)."""
        name = f"{self.settings.collection}.{suffix}"
        if self.settings.chroma_host:
            name = f"{self.settings.chroma_host}-{self.settings.chroma_port}-{name}"
        return self.settings.home / name

    def lock(self) -> FileLock:
        """The write lock of this store; raises StoreError at once if another process holds it."""
        try:
            self.settings.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot use {self.settings.home} as store folder: {exc}") from None
        return FileLock(self._state_file("lock"), timeout=0)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock while the store changes. A marker file says that a write is under
        way; it is removed when the write completes, so a killed or interrupted ingest leaves it
        behind (see `unfinished`)."""
        marker = self._state_file("ingesting")
        try:
            with self.lock():
                marker.write_text(datetime.now(UTC).isoformat(timespec="seconds"),
                                  encoding="utf-8")
                yield
                marker.unlink(missing_ok=True)
        except Timeout:
            raise StoreError(
                f"the store at {self.location} is locked by another process that is writing to it; "
                "try again when it has finished"
            ) from None

    def unfinished(self) -> str:
        """Why the store may be incomplete: another process is writing to it, or the last ingest
        did not finish; '' when neither."""
        if not self._state_file("ingesting").exists():
            return ""
        try:
            with self.lock():
                pass
        except Timeout:
            return (f"another process is writing to the store at {self.location} (an ingest or "
                    "a rebuild); until it has finished, the store may be incomplete or empty")
        return (f"the last ingest into the store at {self.location} did not finish, so the store "
                "may be incomplete; run `factcheck ingest` with the same paths to complete it")

    def _get_all(self, include: list[str]) -> dict[str, list]:
        """Every passage record, read in pages (one large read exceeds SQLite's limits)."""
        found: dict[str, list] = {"ids": [], **{key: [] for key in include}}
        collection = self.collection
        while True:
            page = collection.get(include=include, limit=PAGE_SIZE, offset=len(found["ids"]))
            for key in found:
                found[key].extend(page[key] or [])
            if len(page["ids"]) < PAGE_SIZE:
                return found

    def sentence_statistics(self) -> dict[str, tuple[int, np.ndarray, np.ndarray]]:
        """Per language of the stored sentences: count, sum of vectors and sum of their outer
        products, read in pages so a large store is never held in memory at once."""
        stats: dict[str, tuple[int, np.ndarray, np.ndarray]] = {}
        collection, offset = self.sentences, 0
        while True:
            page = collection.get(include=["embeddings", "metadatas"], limit=PAGE_SIZE,
                                  offset=offset)
            vectors = np.asarray(page["embeddings"], dtype=np.float64)
            langs = np.array([(meta or {}).get("lang", "") for meta in page["metadatas"]])
            for lang in set(langs.tolist()):
                part = vectors[langs == lang]
                count, total, outer = stats.get(lang, (0, 0.0, 0.0))
                stats[lang] = (count + len(part), total + part.sum(axis=0),
                               outer + part.T @ part)
            offset += len(page["ids"])
            if len(page["ids"]) < PAGE_SIZE:
                return stats

    def count(self) -> int:
        return self.collection.count()

    def passage_ids(self) -> list[str]:
        """All passage ids, sorted."""
        return sorted(self._get_all([])["ids"])

    def fingerprint(self) -> str:
        """A short hash of the stored passage ids; it changes whenever any passage changes."""
        digest = hashlib.sha256("\n".join(self.passage_ids()).encode()).hexdigest()
        return digest[:16]

    def reset(self) -> None:
        """Drop the whole collection (for a rebuild with another model or splitting)."""
        client = self._client()
        # chromadb raises NotFoundError or ValueError when there is nothing to drop
        for name in (self.settings.collection, f"{self.settings.collection}-sentences"):
            with contextlib.suppress(Exception):
                client.delete_collection(name)
        self._collection = self._sentences = None

    def ingest_paths(
        self, specs: Iterable[str | Path], progress: ProgressCallback | None = None, *,
        prune: bool = False, rebuild: bool = False,
    ) -> IngestSummary:
        """Load every supported file under `specs` and ingest it; unreadable files are reported.

        `prune` also removes the stored documents that came from these folders or files but
        were not read now (their file was deleted, or no longer holds them); a file that could
        not be read keeps its documents. `rebuild` empties the store first."""
        specs = list(specs)
        files = expand_paths(specs)
        max_bytes = int(self.settings.max_file_mb * 1_000_000)
        documents: list[Document] = []
        problems: list[LoadProblem] = []
        unreadable: set[str] = set()
        for path in files:
            for item in load_file(path, max_bytes):
                if isinstance(item, LoadProblem):
                    problems.append(item)
                    unreadable.add(os.path.abspath(path))
                else:
                    documents.append(item)
        scope = PruneScope(specs) if prune else None
        summary = self.ingest(documents, progress, rebuild=rebuild, prune=scope, keep=unreadable)
        summary.failed[:0] = problems
        return summary

    def ingest(
        self, documents: Iterable[Document], progress: ProgressCallback | None = None, *,
        rebuild: bool = False, prune: PruneScope | None = None, keep: Iterable[str] = (),
    ) -> IngestSummary:
        """Add documents; unchanged ones cost nothing, changed ones replace their old passages.

        Passages are written in batches as they are embedded, so an interrupted ingestion keeps
        what it wrote and the next run embeds only what is missing. `rebuild` empties the store
        first; with `prune`, stored documents from a file in that scope that are not among
        `documents` are removed, unless their file is in `keep`.
        """
        import time

        started = time.perf_counter()
        documents = list(documents)
        summary = IngestSummary(documents=len(documents))
        with self.writing():
            if rebuild:
                self.reset()
            self._ingest_locked(documents, summary, progress, prune, set(keep))
        summary.seconds = time.perf_counter() - started
        return summary

    def _ingest_locked(
        self, documents: list[Document], summary: IngestSummary, progress: ProgressCallback | None,
        prune: PruneScope | None = None, keep: set[str] | None = None,
    ) -> None:
        stored = self._get_all(["metadatas"])
        existing: dict[str, set[str]] = defaultdict(set)
        paths: dict[str, str] = {}
        for pid, meta in zip(stored["ids"], stored["metadatas"] or [], strict=False):
            existing[(meta or {}).get("document_id", "")].add(pid)
            paths[(meta or {}).get("document_id", "")] = (meta or {}).get("path", "")

        seen: dict[str, str] = {}
        sources: dict[str, str] = {}
        pending: list[Passage] = []
        stale_ids: list[str] = []
        for number, doc in enumerate(documents, start=1):
            if doc.id in seen:
                summary.failed.append(
                    LoadProblem(doc.path or doc.id, f"duplicate document id '{doc.id}' "
                                f"(already read from {seen[doc.id]}); skipped")
                )
            else:
                seen[doc.id] = doc.path or "input"
                passages = self.splitter.split(doc)
                new_ids = {p.id for p in passages}
                old_ids = existing.get(doc.id, set())
                path = stored_path(doc)
                sources[doc.id] = path
                if new_ids == old_ids:
                    summary.unchanged_documents += 1
                    if paths.get(doc.id) != path:  # moved, or stored before paths were kept
                        self.collection.update(ids=list(old_ids),
                                               metadatas=[{"path": path}] * len(old_ids))
                else:
                    summary.added_documents += 1
                    pending.extend(p for p in passages if p.id not in old_ids)
                    stale_ids.extend(old_ids - new_ids)
            while len(pending) >= BATCH_SIZE:
                self._write(pending[:BATCH_SIZE], sources)
                summary.passages_added += BATCH_SIZE
                del pending[:BATCH_SIZE]
            if progress:
                progress(number, len(documents))
        if pending:
            self._write(pending, sources)
            summary.passages_added += len(pending)
        if prune is not None:
            gone = [doc_id for doc_id, path in paths.items()
                    if doc_id not in seen and path in prune and path not in (keep or set())]
            summary.pruned_documents = len(gone)
            stale_ids.extend(pid for doc_id in gone for pid in existing[doc_id])
        # Old passages go only after their replacements are in, so nothing is lost on a crash.
        for start in range(0, len(stale_ids), 500):
            batch = stale_ids[start : start + 500]
            self.sentences.delete(where={"passage_id": {"$in": batch}})
            self.collection.delete(ids=batch)
        summary.passages_removed = len(stale_ids)

    def _write(self, passages: list[Passage], sources: dict[str, str]) -> None:
        """Embed and store the passages' sentences, then the passages themselves.

        Each sentence is embedded on its own, so one precise sentence is not drowned by its
        neighbours; a passage that is a single sentence is embedded after its document title,
        which gives such a fragment its topic. A passage's vector is the normalised mean of its
        sentences'. Passages are written last, so a stored passage means its sentences are there
        too, and an interrupted run resumes cleanly. `sources` gives each document's
        `stored_path`, which only the passages record.
        """
        sentences = [split_passage_sentences(p.text, p.lang) for p in passages]
        texts = [
            with_title(passage.title, parts[0]) if len(parts) == 1 else sentence
            for passage, parts in zip(passages, sentences, strict=True)
            for sentence in parts
        ]
        vectors = self.embedder.embed_passages(texts)
        ids, metas, means, at = [], [], [], 0
        for passage, parts in zip(passages, sentences, strict=True):
            for number in range(len(parts)):
                meta = passage_metadata(passage)
                meta.update(passage_id=passage.id, sentence=number)
                ids.append(f"{passage.id}#{number}")
                metas.append(meta)
            mean = vectors[at : at + len(parts)].mean(axis=0)
            means.append(mean / (np.linalg.norm(mean) or 1.0))
            at += len(parts)
        documents = [sentence for parts in sentences for sentence in parts]
        self.sentences.upsert(ids=ids, embeddings=vectors, documents=documents, metadatas=metas)
        self.collection.upsert(
            ids=[p.id for p in passages],
            embeddings=np.asarray(means),
            documents=[p.text for p in passages],
            metadatas=[{**passage_metadata(p), "path": sources.get(p.document_id, "")}
                       for p in passages],
        )

    def nearest_sentences(self, query_vector: np.ndarray, n: int, where: dict | None
                          ) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) of the n stored sentences nearest to the query, best
        first. Only ids and distances are read, which keeps wide searches cheap."""
        total = self.sentences.count()
        if total == 0:
            return []
        result = self.sentences.query(
            query_embeddings=[query_vector],
            n_results=min(n, total),
            where=where or None,
            include=["distances"],
        )
        # a sentence id is "<passage id>#<sentence number>"
        return [(sid.rsplit("#", 1)[0], 1.0 - dist)
                for sid, dist in zip(result["ids"][0], result["distances"][0], strict=True)]

    def passage_sentences(self, passage_ids: list[str]) -> dict[str, tuple[list[str], np.ndarray]]:
        """Each passage's sentences, in order, with their stored vectors."""
        if not passage_ids:
            return {}
        result = self.sentences.get(
            where={"passage_id": {"$in": list(passage_ids)}},
            include=["documents", "metadatas", "embeddings"],
        )
        rows: dict[str, list[tuple[int, str, np.ndarray]]] = defaultdict(list)
        for text, meta, vector in zip(result["documents"], result["metadatas"],
                                      result["embeddings"], strict=True):
            rows[meta["passage_id"]].append((meta["sentence"], text, vector))
        found = {}
        for pid, items in rows.items():
            items.sort(key=lambda item: item[0])
            found[pid] = ([t for _, t, _ in items],
                          np.asarray([v for _, _, v in items], dtype=np.float32))
        return found

    def document_passages(self, document_ids: list[str]) -> dict[str, tuple[str, dict]]:
        """Text and metadata of every passage of the given documents, by id."""
        if not document_ids:
            return {}
        result = self.collection.get(where={"document_id": {"$in": list(document_ids)}},
                                     include=["documents", "metadatas"])
        return {pid: (text, meta) for pid, text, meta in zip(
            result["ids"], result["documents"], result["metadatas"], strict=True)}

    def get(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        """Text and metadata of the given passages, by id."""
        if not ids:
            return {}
        result = self.collection.get(ids=ids, include=["documents", "metadatas"])
        return {
            pid: (text, meta)
            for pid, text, meta in zip(
                result["ids"], result["documents"], result["metadatas"], strict=True
            )
        }

    def all_passages(self) -> tuple[list[str], list[str], list[dict]]:
        """Every stored passage: ids, texts, metadata, in id order."""
        result = self._get_all(["documents", "metadatas"])
        order = sorted(range(len(result["ids"])), key=lambda i: result["ids"][i])
        return (
            [result["ids"][i] for i in order],
            [result["documents"][i] for i in order],
            [result["metadatas"][i] for i in order],
        )
