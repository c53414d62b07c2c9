"""The Verifier: article -> claims -> evidence -> verdicts -> report."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ._claims import ClaimExtractor
from ._corpus import fetch_url
from ._embeddings import make_embedder
from ._errors import InputError
from ._judge import EmbeddedJudge
from ._models import (
    ArticleReport,
    Claim,
    ClaimVerdict,
    Document,
    Label,
    Provenance,
    SearchHit,
    StageTimes,
)
from ._retrieval import HybridRetriever, SearchFilter
from ._settings import Settings
from ._store import CorpusStore, IngestSummary


def package_version() -> str:
    try:
        return version("factcheck-agent")
    except PackageNotFoundError:
        return "unknown"


def build_store(settings: Settings) -> CorpusStore:
    """The corpus store the settings describe, with their embedding model."""
    return CorpusStore(settings, make_embedder(settings))


def check_article(text: str, max_chars: int) -> str:
    """The article text, or an InputError saying why it cannot be verified."""
    if "\x00" in text[:8192]:
        raise InputError("the article is binary data, not text")
    if not text.strip():
        raise InputError("the article is empty")
    if len(text) > max_chars:
        raise InputError(
            f"the article has {len(text):,} characters, over the limit of {max_chars:,} "
            "(FACTCHECK_MAX_ARTICLE_CHARS)"
        )
    return text


def summarise(counts: dict[Label, int]) -> str:
    """One sentence on the article as a whole."""
    total = sum(counts.values())
    if total == 0:
        return "No check-worthy claims were found."
    refuted, supported = counts[Label.REFUTED], counts[Label.SUPPORTED]
    unknown = counts[Label.NOT_ENOUGH_INFO]
    head = f"{total} claims: {supported} supported, {refuted} refuted, {unknown} not decidable."
    if refuted:
        return head + " The article contains statements the reference documents contradict."
    if unknown > total / 2:
        return head + " Most of the article cannot be checked against the reference documents."
    return head + " No statement is contradicted by the reference documents."


class Verifier:
    """Verifies articles and single claims against the corpus store.

    Build it from settings (`Verifier(Settings(home=...))`) or from explicit parts. One instance
    can be shared between threads; embedding runs one call at a time inside, as two at once on a
    small CPU only slow each other down.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: CorpusStore | None = None,
        extractor: ClaimExtractor | None = None,
        judge: EmbeddedJudge | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.store = store or build_store(self.settings)
        self.retriever = HybridRetriever(self.store)
        self.extractor = extractor or ClaimExtractor()
        self.judge = judge or EmbeddedJudge(self.retriever, k=self.settings.retrieval_k)
        self._fingerprint: str | None = None
        self._lock = threading.Lock()

    def ingest(self, paths: list[str | Path], progress=None) -> IngestSummary:
        """Add reference documents; the next verification sees them."""
        summary = self.store.ingest_paths(paths, progress=progress)
        if summary.changed:
            self.retriever.refresh()
            self._fingerprint = None
        return summary

    def ingest_documents(self, documents: list[Document]) -> IngestSummary:
        """Add documents given as objects (e.g. from another service)."""
        summary = self.store.ingest(documents)
        if summary.changed:
            self.retriever.refresh()
            self._fingerprint = None
        return summary

    def ingest_urls(self, urls: list[str]) -> IngestSummary:
        """Fetch pages or text files by URL (httpx) and add them."""
        return self.ingest_documents(
            [fetch_url(url, timeout_s=self.settings.timeout_s) for url in urls]
        )

    def search(self, query: str, k: int = 5, where: SearchFilter | None = None) -> list[SearchHit]:
        """The k passages that best match `query` (hybrid dense + BM25)."""
        return self.retriever.search(query, k=k, where=where)

    def _provenance(self) -> Provenance:
        with self._lock:
            if self._fingerprint is None:
                self._fingerprint = self.store.fingerprint()
        return Provenance(
            package_version=package_version(),
            embedding_model=self.store.embedder.name,
            judge=self.judge.name,
            extractor=self.extractor.name,
            corpus_fingerprint=self._fingerprint,
            passages_in_store=self.store.count(),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def verify_claim(self, text: str) -> ClaimVerdict:
        """Judge one self-contained claim."""
        text = check_article(text, self.settings.max_article_chars).strip()
        claim = Claim(id="c001", text=text, sentence=text, start=0, end=len(text))
        return self.judge.judge(claim)

    def verify(self, text: str, source: str = "<text>") -> ArticleReport:
        """Extract the check-worthy claims of an article and judge each."""
        started = time.perf_counter()
        text = check_article(text, self.settings.max_article_chars)
        claims = self.extractor.extract(text)
        extracted = time.perf_counter()
        verdicts, retrieving = [], 0.0
        for claim in claims:
            before = time.perf_counter()
            evidence = self.judge.gather(claim)
            retrieving += time.perf_counter() - before
            verdicts.append(self.judge.judge(claim, evidence))
        judged = time.perf_counter()
        counts = Counter(v.label for v in verdicts)
        return ArticleReport(
            source=source,
            article=text,
            verdicts=verdicts,
            counts={label: counts.get(label, 0) for label in Label},
            summary=summarise(counts),
            usage=StageTimes(
                extract=round(extracted - started, 3),
                retrieve=round(retrieving, 3),
                judge=round(judged - extracted - retrieving, 3),
                total=round(judged - started, 3),
            ),
            provenance=self._provenance(),
        )

    def verify_batch(self, texts: list[str]) -> list[ArticleReport]:
        """Verify many articles, in order."""
        return [self.verify(text, source=f"<text {i}>") for i, text in enumerate(texts, 1)]

    async def averify(self, text: str, source: str = "<text>") -> ArticleReport:
        """`verify` without blocking the event loop."""
        return await asyncio.to_thread(self.verify, text, source)

    async def averify_claim(self, text: str) -> ClaimVerdict:
        """`verify_claim` without blocking the event loop."""
        return await asyncio.to_thread(self.verify_claim, text)

    async def averify_batch(self, texts: list[str]) -> list[ArticleReport]:
        """`verify_batch` without blocking the event loop."""
        return await asyncio.to_thread(self.verify_batch, texts)
