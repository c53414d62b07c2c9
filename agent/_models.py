"""Typed records passed between the stages: documents, passages, claims, verdicts, reports."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class Label(StrEnum):
    """The verdict on one claim, judged against the reference corpus (not against the world)."""

    SUPPORTED = "SUPPORTED"
    REFUTED = "REFUTED"
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"


class SourceInfo(BaseModel):
    """Where a text comes from, as the document's front matter or JSON line says."""

    title: str = ""
    url: str = ""
    date: str = Field(default="", description="YYYY-MM-DD, or as precise as known")
    lang: str = ""
    source: str = ""


class Document(SourceInfo):
    """One reference document as loaded from a file, a JSON line, an object or a URL."""

    id: str
    text: str
    path: str = ""


class Passage(SourceInfo):
    """A slice of a document: the unit that is embedded, stored and cited."""

    id: str
    document_id: str
    index: int
    text: str
    start: int = Field(description="character offset of the passage in the document text")
    end: int


class SearchHit(SourceInfo):
    """A passage returned by retrieval, with its fused score and the ranks that made it."""

    passage_id: str
    document_id: str
    score: float
    text: str
    dense_rank: int | None = None
    lexical_rank: int | None = None


class Claim(BaseModel):
    """An atomic, check-worthy statement taken from an article."""

    id: str
    text: str
    sentence: str = Field(description="the article sentence the claim comes from")
    start: int = Field(description="character offset in the article of the text the claim comes "
                       "from: its clause or apposition where it was split off, else its sentence")
    end: int
    kind: str = Field(default="statement", description="statement, role or quote")
    as_of: str = Field(default="", description="ISO date at which the claim is judged; "
                       "'' = today")


class NotChecked(BaseModel):
    """A sentence (or clause) of the article that states no checkable fact and gets no verdict."""

    text: str
    start: int = Field(description="character offset of the text in the article")
    end: int
    reason: Literal["question", "speculation", "prediction", "appeal", "rhetoric", "opinion"] = (
        Field(description="why it is not checked; 'opinion' also covers vague evaluation"))
    score: float = Field(ge=0.0, le=1.0, description="the check-worthiness classifier's "
                         "probability that it states a checkable fact")


class Citation(BaseModel):
    """Evidence that decides a verdict: a passage and a quote occurring verbatim in it."""

    passage_id: str
    document_id: str
    quote: str
    title: str = ""
    url: str = ""
    date: str = ""


class CheckResult(BaseModel):
    """One deterministic check that fired on a claim (agent/_checks.py): the claim's value, the
    evidence's value and what their comparison says about that value. REFUTED: the value is
    wrong; SUPPORTED: the value holds (for a role check, the role at that time); NOT_ENOUGH_INFO:
    the evidence on the same event does not give the value, so it cannot support it."""

    kind: Literal["calendar", "date", "quantity", "role", "place", "side"]
    claim_value: str
    evidence_value: str
    outcome: Label
    quote: str = Field(description="the evidence sentence the check rests on, verbatim; '' for a "
                       "check within the claim")
    detail: str = Field(description="one line naming both values")


class ClaimVerdict(BaseModel):
    """The judgement on one claim, with the evidence that decides it. A claim the backend could
    not judge (invalid model output after one repair, a failed call, a spent budget) has no label
    and says why in `error`."""

    claim: Claim
    label: Label | None
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    citations: list[Citation] = Field(default_factory=list)
    considered: list[str] = Field(
        default_factory=list, description="passage ids looked at, whether or not they decided"
    )
    error: str | None = Field(default=None, description="why the claim has no verdict")
    checks: list[CheckResult] = Field(
        default_factory=list, description="deterministic checks of dates, quantities and roles"
    )

    @property
    def outcome(self) -> str:
        """The label's name, or "ERROR" for a claim that could not be judged."""
        return self.label.value if self.label else "ERROR"


class StageTimes(BaseModel):
    """Seconds spent in each stage of one verification."""

    ingest: float = 0.0
    extract: float = 0.0
    retrieve: float = 0.0
    judge: float = 0.0
    total: float = 0.0


class LLMUsage(BaseModel):
    """What the LLM backend spent: calls made, answers served from the cache, tokens, time and
    the estimated cost (from the configured price table; 0 where the model has no price)."""

    calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost_usd: float = 0.0
    retries: int = Field(default=0, description="calls repeated after a rate limit, 5xx or timeout")
    repairs: int = Field(default=0, description="invalid answers sent back once for repair")
    invalid_outputs: int = Field(default=0, description="answers still invalid after the repair")
    dropped_citations: int = Field(default=0, description="quotes not found verbatim in a passage")
    dropped_claims: int = Field(default=0, description="extracted claims whose sentence was not "
                                "found in the article")
    budget_exhausted: bool = False

    def add(self, other: LLMUsage) -> None:
        """Add another ledger's figures to this one."""
        for name, value in other:
            if isinstance(value, bool):
                setattr(self, name, getattr(self, name) or value)
            else:
                setattr(self, name, round(getattr(self, name) + value, 6))


class Provenance(BaseModel):
    """What produced a report, so two reports can be compared."""

    package_version: str
    embedding_model: str
    judge: str
    extractor: str
    corpus_fingerprint: str
    passages_in_store: int
    created: str
    prompts: dict[str, str] = Field(
        default_factory=dict, description="prompt id@version -> SHA-256 of the template file"
    )
    llm_endpoint: str = Field(default="", description="chat endpoint of the LLM backend, if used")


class ArticleReport(BaseModel):
    """The result of verifying one article."""

    source: str = Field(description="file path, URL or '<text>'")
    article: str
    verdicts: list[ClaimVerdict]
    not_checked: list[NotChecked] = Field(
        default_factory=list, description="sentences that state no checkable fact (opinion, "
        "prediction, question, ...): left out, never given a verdict")
    counts: dict[Label, int]
    summary: str
    usage: StageTimes
    llm: LLMUsage = Field(default_factory=LLMUsage)
    errors: int = Field(default=0, description="claims that could not be judged")
    warnings: list[str] = Field(default_factory=list)
    provenance: Provenance


def parse_date(value: str) -> date | None:
    """Read an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) leniently; None when it is not one."""
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if not numbers:
            return None
        year, month, day = (numbers + [1, 1])[:3]
        return date(year, month, day)
    except ValueError:
        return None
