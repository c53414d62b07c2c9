"""Typed results of eval runs: what `factcheck eval` prints, writes as JSON, records in the
history and compares between runs."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# The prediction of a gold claim that no extracted claim covers (articles mode): always wrong.
MISSED = "MISSED"


class LabelScores(BaseModel):
    """Precision, recall, F1 and gold support of one label."""

    precision: float
    recall: float
    f1: float
    support: int


class Intervals(BaseModel):
    """Percentile-bootstrap 95% intervals, [low, high]."""

    accuracy: tuple[float, float] = (0.0, 0.0)
    macro_f1: tuple[float, float] = (0.0, 0.0)


class Classification(BaseModel):
    """Predicted labels scored against gold labels."""

    accuracy: float
    macro_f1: float = Field(description="mean F1 of the labels that have gold claims")
    per_label: dict[str, LabelScores] = Field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="gold label -> predicted label -> claims")


class EvalUsage(BaseModel):
    """What a run cost: time, and what the chat model spent (all 0 for the embedded backend)."""

    seconds: float = 0.0
    claims: int = 0
    model_calls: int = 0
    tokens: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    cost: float = 0.0
    model_seconds: float = 0.0
    repairs: int = 0
    invalid_outputs: int = 0
    dropped_citations: int = 0
    dropped_claims: int = 0


class Coverage(BaseModel):
    """Articles mode: how the extracted claims cover the gold claims, and the verdicts of the
    covered (matched) gold claims alone, a secondary figure."""

    claim_recall: float = Field(description="share of gold claims an extracted claim covers")
    claim_precision: float = Field(description="share of extracted claims matched to a gold claim")
    matched: int
    extracted: int
    missed: int = Field(description="gold claims no extracted claim covers")
    matched_accuracy: float
    matched_macro_f1: float
    not_checkworthy: int = Field(default=0, description="the suite's not-check-worthy sentences "
                                 "(not_checkworthy.jsonl) in the articles run")
    not_checkworthy_decided: float | None = Field(
        default=None, description="share of them that got a SUPPORTED or REFUTED verdict (an "
        "extracted claim from their text was decided); null when the suite has none")


class Metrics(Classification):
    """Every metric of one run. In articles mode accuracy, macro-F1, their intervals, the
    per-label scores and the confusion matrix are over all gold claims, a missed one predicted
    MISSED; `coverage` has the rest."""

    ci95: Intervals = Field(default_factory=Intervals)
    ece: float = 0.0
    evidence_recall: float | None = None
    citation_precision: float | None = None
    seconds_per_claim: float = 0.0
    errors: int = Field(default=0, description="claims the model could not judge")
    usage: EvalUsage = Field(default_factory=EvalUsage)
    coverage: Coverage | None = None


class EvalItem(BaseModel):
    """One gold claim and the verdict it got."""

    id: str
    claim: str
    gold: str
    predicted: str | None = Field(
        description="the label, ERROR for a claim the model could not judge, or null in articles "
                    "mode for a gold claim no extracted claim covers")
    error: str | None = None
    cited: list[str] = Field(default_factory=list)
    confidence: float | None = None
    rationale: str = ""
    as_of: str = Field(default="", description="the date the claim was judged at; '' = today")
    article: str | None = None
    extracted: str | None = Field(default=None, description="articles mode: the matched claim")
    similarity: float | None = None

    @property
    def outcome(self) -> str:
        """The prediction as scored: the label, ERROR, or MISSED."""
        return self.predicted if self.predicted is not None else MISSED

    @property
    def correct(self) -> bool:
        return self.predicted == self.gold


class ExtraClaim(BaseModel):
    """Articles mode: an extracted claim that covers no gold claim."""

    article: str
    claim: str
    predicted: str
    confidence: float


class NotCheckworthyResult(BaseModel):
    """Articles mode: a sentence the suite marks as not check-worthy, and the verdict the claims
    taken from it got: the most decided one (SUPPORTED or REFUTED), else NOT_ENOUGH_INFO, else
    null (no claim was taken from it, as it should be)."""

    id: str
    article: str
    sentence: str
    predicted: str | None = None
    claim: str | None = Field(default=None, description="the claim that got `predicted`")


class StageModels(BaseModel):
    embedding: str
    judge: str
    extractor: str


class RunConfig(BaseModel):
    """What produced a run, so that two runs can be compared."""

    backend: str
    llm_endpoint: str = ""
    models: StageModels
    prompt_hashes: dict[str, str] = Field(default_factory=dict)
    package_version: str = ""
    git_commit: str = ""
    corpus_fingerprint: str = ""

    @property
    def family(self) -> str:
        """Runs of one family are comparable: same embedding model and same judge."""
        return f"{self.models.embedding} | {self.models.judge}"


class EvalRun(BaseModel):
    """One suite run in one mode."""

    suite: str
    mode: Literal["claims", "articles"]
    timestamp: str
    n: int = Field(description="gold claims scored")
    as_of: str = Field(default="", description="the suite's as_of date")
    metrics: Metrics
    config: RunConfig
    items: list[EvalItem]
    unmatched_extracted: list[ExtraClaim] = Field(default_factory=list)
    not_checkworthy: list[NotCheckworthyResult] = Field(default_factory=list)


class RecordedRun(EvalRun):
    """A run as the history database holds it."""

    id: int
    gate: str = Field(description="first, passed, failed or accepted; unchecked for runs "
                                  "recorded before the gate existed")
