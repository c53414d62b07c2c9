"""The Verifier: article -> claims -> evidence -> verdicts -> report."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ._claims import ClaimExtractor, Extraction
from ._corpus import fetch_url
from ._embeddings import make_embedder
from ._errors import BackendError, InputError
from ._judge import RuleJudge
from ._language import require_supported, screen
from ._llm import ChatClient, Ledger
from ._llm_claims import LLMClaimExtractor
from ._llm_judge import LLMJudge
from ._models import (
    ArticleReport,
    Claim,
    ClaimVerdict,
    Document,
    Label,
    LLMUsage,
    Provenance,
    SearchHit,
    StageTimes,
)
from ._nli_judge import ModelJudge
from ._retrieval import HybridRetriever, SearchFilter
from ._settings import Settings
from ._store import CorpusStore, IngestSummary

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


def package_version() -> str:
    try:
        return version("factcheck-agent")
    except PackageNotFoundError:
        return "unknown"


def build_store(settings: Settings) -> CorpusStore:
    """The corpus store the settings describe, with their embedding model."""
    return CorpusStore(settings, make_embedder(settings))


def check_text(value: object, what: str) -> str:
    """`value` if it is a str, else an InputError naming what it should have been."""
    if isinstance(value, bytes | bytearray):
        raise InputError(f"{what} must be text (a str), not bytes: decode it first, "
                         "e.g. data.decode('utf-8')")
    if not isinstance(value, str):
        raise InputError(f"{what} must be text (a str), not "
                         f"{'None' if value is None else type(value).__name__}")
    return value


def check_article(text: object, max_chars: int, what: str = "the article") -> str:
    """The article (or claim) text, or an InputError saying why it cannot be verified."""
    text = check_text(text, what)
    if "\x00" in text[:8192]:
        raise InputError(f"{what} is binary data, not text")
    if not text.strip():
        raise InputError(f"{what} is empty")
    if len(text) > max_chars:
        raise InputError(
            f"{what} has {len(text):,} characters, over the limit of {max_chars:,} "
            "(FACTCHECK_MAX_ARTICLE_CHARS)"
        )
    return text


def check_paths(paths: object, what: str) -> list:
    """A list of the paths (or URLs) given: one str or Path, or a list of them."""
    if isinstance(paths, str | Path):
        return [paths]
    if not isinstance(paths, list | tuple):
        raise InputError(f"{what} must be a list of str or Path, not {type(paths).__name__}")
    for path in paths:
        if not isinstance(path, str | Path):
            raise InputError(f"{what} must be str or Path, not {type(path).__name__}")
    return list(paths)


def conflicting_verdicts(verdicts: list[ClaimVerdict]) -> list[str]:
    """Warnings for claims of one article that cite the same evidence sentence, one SUPPORTED and
    another REFUTED: the report must not contradict itself without saying so."""
    by_quote: dict[str, dict[Label, list[str]]] = {}
    for verdict in verdicts:
        if verdict.label in (Label.SUPPORTED, Label.REFUTED):
            for citation in verdict.citations:
                by_quote.setdefault(citation.quote, {}).setdefault(verdict.label, []).append(
                    verdict.claim.id)
    return [
        f"claims {', '.join(labels[Label.SUPPORTED])} (SUPPORTED) and "
        f"{', '.join(labels[Label.REFUTED])} (REFUTED) cite the same evidence sentence: "
        f"read them together ({quote[:80]!r})"
        for quote, labels in by_quote.items()
        if Label.SUPPORTED in labels and Label.REFUTED in labels
    ]


class Judge(Protocol):
    """What every judge offers: `gather` retrieves a claim's evidence (its own kind), `judge`
    decides the claim from it (retrieving it when None); `parallel` says whether claims are
    best judged concurrently."""

    name: str
    parallel: bool

    def gather(self, claim: Claim) -> Any: ...

    def judge(self, claim: Claim, evidence: Any = None, ledger: Ledger | None = None
              ) -> ClaimVerdict: ...


class ExtractionFailed(BackendError):
    """No claim could be extracted because the model failed; `report` states it."""

    def __init__(self, message: str, report: ArticleReport) -> None:
        super().__init__(message)
        self.report = report


def summarise(counts: dict[Label, int], errors: int = 0, not_checked: int = 0) -> str:
    """One sentence on the article as a whole, and how many statements were left unchecked
    (opinion, prediction, question, ...)."""
    total = sum(counts.values()) + errors
    unchecked = (f" {not_checked} statement{'' if not_checked == 1 else 's'} not checked "
                 "(opinion, prediction, question or rhetoric; see the list)." if not_checked
                 else "")
    if total == 0:
        return "No check-worthy claims were found." + unchecked
    refuted, supported = counts[Label.REFUTED], counts[Label.SUPPORTED]
    unknown = counts[Label.NOT_ENOUGH_INFO]
    head = (f"{total} claim{'' if total == 1 else 's'}: {supported} supported, {refuted} "
            f"refuted, {unknown} not decidable.")
    if errors:
        head = head[:-1] + f", {errors} not judged (see their errors)."
    if refuted:
        head += " The article contains statements the reference documents contradict."
    elif unknown > total / 2:
        head += " Most of the article cannot be checked against the reference documents."
    else:
        head += " No statement is contradicted by the reference documents."
    return head + unchecked


class Verifier:
    """Verifies articles and single claims against the corpus store.

    Build it from settings (`Verifier(Settings(home=...))`) or from explicit parts. Each stage
    (extraction, judging) runs embedded or on a chat model as `Settings.stage_backend` says;
    `chat_model` plugs in any LangChain chat model for the stages left on "auto". One instance
    can be shared between threads; embedding runs one call at a time inside, as two at once on a
    small CPU only slow each other down, and at most `llm_concurrency` model calls are in flight.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: CorpusStore | None = None,
        extractor: ClaimExtractor | LLMClaimExtractor | None = None,
        judge: Judge | None = None,
        chat_model: BaseChatModel | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.store = store or build_store(self.settings)
        self.retriever = HybridRetriever(self.store)
        self._chat_model = chat_model
        self._clients: dict[str, ChatClient] = {}
        self.extractor = extractor or (
            LLMClaimExtractor(self._client("extractor"), prompt=self.settings.extract_prompt)
            if self._uses_llm("extractor")
            else ClaimExtractor()
        )
        k = self.settings.retrieval_k
        self.judge = judge or (
            LLMJudge(self.retriever, self._client("judge"), k=k,
                     passages=self.settings.judge_passages,
                     sentences=self.settings.judge_sentences,
                     prompt=self.settings.judge_prompt)
            if self._uses_llm("judge")
            else ModelJudge(self.retriever, k=k, rerank=self.settings.rerank)
            if self.settings.judge == "model"
            else RuleJudge(self.retriever, k=k, reads=self.settings.judge_reads)
        )
        self._fingerprint: str | None = None
        self._lock = threading.Lock()
        self._model_reranker: ModelJudge | None = None

    def _uses_llm(self, stage: Literal["extractor", "judge"]) -> bool:
        if self._chat_model is not None and getattr(self.settings, stage) == "auto":
            return True
        return self.settings.stage_backend(stage) == "llm"

    def _client(self, stage: Literal["extractor", "judge"]) -> ChatClient:
        """The chat client of a stage; stages on the same model share one."""
        model = None if self._chat_model is not None else self.settings.stage_model(stage)
        key = model or "<chat_model>"
        if key not in self._clients:
            self._clients[key] = ChatClient(self.settings, model=model,
                                            chat_model=self._chat_model)
        return self._clients[key]

    @property
    def uses_llm(self) -> bool:
        """Whether any stage calls a chat model."""
        return bool(self._clients)

    def llm_usage(self) -> LLMUsage:
        """What the chat models cost since this Verifier was made, all articles together."""
        total = LLMUsage()
        for client in self._clients.values():
            total.add(client.lifetime.usage)
        return total

    def prompts(self) -> dict[str, str]:
        """id@version -> SHA-256 of every prompt template the stages use."""
        found: dict[str, str] = {}
        for stage in (self.extractor, self.judge):
            found.update(getattr(stage, "prompts", {}))
        return found

    def _ledger(self) -> Ledger:
        return Ledger(budget_tokens=self.settings.llm_budget_tokens,
                      budget_usd=self.settings.llm_budget_usd)

    def ingest(self, paths: Sequence[str | Path], progress=None, prune: bool = False
               ) -> IngestSummary:
        """Add reference documents (files, folders, globs; one or a list); the next verification
        sees them. `prune` also removes the documents of files deleted from these folders."""
        paths = check_paths(paths, "paths")
        summary = self.store.ingest_paths(paths, progress=progress, prune=prune)
        if summary.changed:
            self.retriever.refresh()
            self._fingerprint = None
        return summary

    def ingest_documents(self, documents: list[Document]) -> IngestSummary:
        """Add documents given as objects (e.g. from another service)."""
        if isinstance(documents, Document):
            documents = [documents]
        for document in documents:
            if not isinstance(document, Document):
                raise InputError(f"documents must be Document objects, not "
                                 f"{type(document).__name__}")
        summary = self.store.ingest(documents)
        if summary.changed:
            self.retriever.refresh()
            self._fingerprint = None
        return summary

    def ingest_urls(self, urls: list[str]) -> IngestSummary:
        """Fetch pages or text files by URL (httpx) and add them."""
        return self.ingest_documents(
            [fetch_url(url, timeout_s=self.settings.timeout_s)
             for url in map(str, check_paths(urls, "urls"))]
        )

    def search(self, query: str, k: int = 5, where: SearchFilter | None = None,
               rerank: bool | None = None) -> list[SearchHit]:
        """The k passages that best match `query`: hybrid dense + BM25, the candidates reranked
        by the verification model unless `rerank` (default: the `rerank` setting) is False."""
        if not check_text(query, "the query").strip():
            raise InputError("the query is empty")
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise InputError(f"k must be a whole number of at least 1, not {k!r}")
        if where is not None and not isinstance(where, SearchFilter):
            raise InputError(f"where must be a SearchFilter, not {type(where).__name__}")
        if self.settings.rerank if rerank is None else rerank:
            return self._reranker().search(query, k=k, where=where)
        return self.retriever.search(query, k=k, where=where)

    def _reranker(self) -> ModelJudge:
        with self._lock:
            if isinstance(self.judge, ModelJudge):
                return self.judge
            if self._model_reranker is None:
                self._model_reranker = ModelJudge(self.retriever, k=self.settings.retrieval_k)
            return self._model_reranker

    def provenance(self) -> Provenance:
        """What produces this verifier's reports: versions, models, prompts, corpus."""
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
            prompts=self.prompts(),
            llm_endpoint=", ".join(sorted({c.endpoint for c in self._clients.values()})),
        )

    def _judge(self, claim: Claim, ledger: Ledger, evidence: Any = None) -> ClaimVerdict:
        return self.judge.judge(claim, evidence, ledger=ledger)

    def verify_claim(self, text: str, as_of: str = "") -> ClaimVerdict:
        """Judge one self-contained claim, at the ISO date `as_of` ('' = today)."""
        text = check_article(text, self.settings.max_article_chars, "the claim").strip()
        require_supported(text, "the claim")
        claim = Claim(id="c001", text=text, sentence=text, start=0, end=len(text), as_of=as_of)
        return self._judge(claim, self._ledger())

    def verify(self, text: str, source: str = "<text>",
               progress: Callable[[int, int], None] | None = None,
               as_of: str = "") -> ArticleReport:
        """Extract the check-worthy claims of an article and judge each, at the ISO date `as_of`
        ('' = today). Claims the model could not judge carry an error; the report says so,
        nothing else is lost. `progress(done, total)` is called as claims are judged. When the
        model could not extract claims at all, raises ExtractionFailed, whose report says so."""
        started = time.perf_counter()
        text = check_article(text, self.settings.max_article_chars)
        check_text(source, "source")
        if progress is not None and not callable(progress):
            raise InputError("progress must be a function of (done, total), or None")
        screening = screen(text)  # sentences in other languages, or too long, are not checked
        visible = screening.visible(text)
        ledger = self._ledger()
        failure = None
        extraction = Extraction([], [])
        if isinstance(self.extractor, LLMClaimExtractor):
            try:
                claims = self.extractor.extract(visible, ledger)
            except BackendError as exc:
                failure, claims = f"claim extraction failed: {exc}", []
                ledger.warn(failure)
        else:
            extraction = self.extractor.split(visible)
            claims = extraction.claims
        for claim in claims:
            claim.as_of = as_of
        extracted = time.perf_counter()
        retrieving = [0.0]
        done = [0]

        def judge_one(claim: Claim) -> ClaimVerdict:
            before = time.perf_counter()
            evidence = self.judge.gather(claim)
            with self._lock:
                retrieving[0] += time.perf_counter() - before
            verdict = self._judge(claim, ledger, evidence)
            with self._lock:
                done[0] += 1
                if progress:
                    progress(done[0], len(claims))
            return verdict

        if self.judge.parallel:
            with ThreadPoolExecutor(self.settings.llm_concurrency) as pool:
                verdicts = list(pool.map(judge_one, claims))
        else:
            verdicts = [judge_one(claim) for claim in claims]
        judged = time.perf_counter()
        counts = Counter(v.label for v in verdicts if v.label is not None)
        errors = sum(v.label is None for v in verdicts)
        warnings = [*ledger.warnings, *filter(None, [ledger.budget_warning()])]
        warnings += screening.warnings
        if unfinished := self.store.unfinished():
            warnings.append(unfinished)
        if errors:
            warnings.append(f"{errors} of {len(verdicts)} claims could not be judged")
        warnings += conflicting_verdicts(verdicts)
        report = ArticleReport(
            source=source,
            article=text,
            verdicts=verdicts,
            not_checked=extraction.not_checked,
            counts={label: counts.get(label, 0) for label in Label},
            summary=f"No claim was judged: {failure}." if failure else summarise(
                counts, errors, len(extraction.not_checked)),
            usage=StageTimes(
                extract=round(extracted - started, 3),
                retrieve=round(retrieving[0], 3),
                judge=round(max(0.0, judged - extracted - retrieving[0]), 3),
                total=round(judged - started, 3),
            ),
            llm=ledger.usage,
            errors=errors,
            warnings=warnings,
            provenance=self.provenance(),
        )
        if failure:
            raise ExtractionFailed(failure, report)
        return report

    def verify_batch(self, texts: list[str]) -> list[ArticleReport]:
        """Verify many articles, in order; with a chat model several run at once, within the
        shared limit of `llm_concurrency` calls in flight."""
        if isinstance(texts, str | bytes) or not isinstance(texts, list | tuple):
            raise InputError(f"verify_batch takes a list of articles, not {type(texts).__name__}"
                             " (for one article, use verify)")
        jobs = [(text, f"<text {i}>") for i, text in enumerate(texts, 1)]
        if not self.uses_llm:
            return [self.verify(text, source) for text, source in jobs]
        with ThreadPoolExecutor(self.settings.llm_concurrency) as pool:
            return list(pool.map(lambda job: self.verify(*job), jobs))

    async def averify(self, text: str, source: str = "<text>") -> ArticleReport:
        """`verify` without blocking the event loop."""
        return await asyncio.to_thread(self.verify, text, source)

    async def averify_claim(self, text: str) -> ClaimVerdict:
        """`verify_claim` without blocking the event loop."""
        return await asyncio.to_thread(self.verify_claim, text)

    async def averify_batch(self, texts: list[str]) -> list[ArticleReport]:
        """`verify_batch` without blocking the event loop."""
        return await asyncio.to_thread(self.verify_batch, texts)
