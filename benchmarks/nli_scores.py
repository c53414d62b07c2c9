"""Accuracy of the shipped verification model on NLI test sets it was not trained on.

    python benchmarks/nli_scores.py --data ../shared/data

- xnli_de test (German, three-way);
- fever_symmetric test (two-way: a neutral answer counts as wrong);
- mnli: the part of MNLI dev that training held out as its test part (same seed split);
- check_covid test (three-way), for a domain far from news.
Also prints throughput (pairs per second) and the expected calibration error (ECE, 10 bins).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from agent._nli import LABELS, NLIModel

# training/ is not installed with the package: take its data split from the checkout
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from training.data import mnli_split, read_jsonl  # noqa: E402


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10
                               ) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > lo) & (confidence <= hi)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


def score(model: NLIModel, name: str, rows: list[dict], two_way: bool = False) -> dict:
    started = time.perf_counter()
    probs = np.array([[p.entailment, p.neutral, p.contradiction] for p in
                      model.predict([(r["hypothesis"], r["premise"]) for r in rows])])
    seconds = time.perf_counter() - started
    gold = np.array([LABELS.index(r["label"]) for r in rows])
    predicted = probs.argmax(1)
    correct = predicted == gold
    result = {"set": name, "pairs": len(rows), "accuracy": round(float(correct.mean()), 4),
              "ece": round(expected_calibration_error(probs.max(1), correct), 4),
              "pairs_per_s": round(len(rows) / seconds, 1)}
    if two_way:
        result["note"] = "neutral answers count as wrong"
    print(json.dumps(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--seed", type=int, default=13, help="the training run's seed")
    parser.add_argument("--limit", type=int, default=0, help="pairs per set (0 = all)")
    args = parser.parse_args()
    model = NLIModel.shared()
    print(f"model {model.name}", flush=True)

    def take(rows: list[dict]) -> list[dict]:
        return rows[: args.limit] if args.limit else rows

    nli = args.data / "nli"
    score(model, "xnli_de/test", take(list(read_jsonl(nli / "xnli_de" / "test.jsonl"))))
    score(model, "fever_symmetric/test",
          take(list(read_jsonl(nli / "fever_symmetric" / "test.jsonl"))), two_way=True)
    score(model, "mnli/dev held out", take(mnli_split(args.data, args.seed)[0]))
    score(model, "check_covid/test", take(list(read_jsonl(nli / "check_covid" / "test.jsonl"))))


if __name__ == "__main__":
    main()
