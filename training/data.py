"""Training, calibration and test pairs for the verification model.

Only sets whose licence allows training a shipped model are trained on (see the data folder's
README): MNLI dev (English, the part not held out), MNLI train machine-translated to German,
Check-COVID train, Factcheck-Bench stances, RTE-3 German (two-way), and contrastive pairs
generated from reference text (the climate-fever corpus, RTE-3 German texts, MNLI premises).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from sentencex import segment

from .contrast import Pair, contrastive_pairs

# Pairs of MNLI dev held out (at most a fifth and a tenth of a smaller set): the first part is
# reported as a test score, the second calibrates.
MNLI_TEST = 3000
MNLI_CALIBRATION = 1000
CALIBRATION_SHARE = 0.05


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _nli(data: Path, name: str, split: str) -> list[Pair]:
    return [
        {k: str(row[k]) for k in ("premise", "hypothesis", "label", "lang", "source")}
        for row in read_jsonl(data / "nli" / name / f"{split}.jsonl")
    ]


def mnli_split(data: Path, seed: int) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """MNLI dev shuffled with the seed: (test, calibration, train)."""
    rows = _nli(data, "mnli", "dev")
    random.Random(seed).shuffle(rows)
    n_test, n_cal = min(MNLI_TEST, len(rows) // 5), min(MNLI_CALIBRATION, len(rows) // 10)
    return rows[:n_test], rows[n_test : n_test + n_cal], rows[n_test + n_cal :]


def factcheck_bench(data: Path) -> list[Pair]:
    """Factcheck-Bench stances: full support -> entailment, refute -> contradiction,
    irrelevant -> neutral (partial support is ambiguous and left out)."""
    labels = {"completely-support": "entailment", "refute": "contradiction",
              "irrelevant": "neutral"}
    pairs = []
    for row in read_jsonl(data / "factcheck-bench" / "subtask3_claim_evidence_stance.jsonl"):
        label = labels.get(str(row.get("stance", row.get("label", ""))))
        if label:
            pairs.append({"premise": row["evidence"], "hypothesis": row["claim"], "label": label,
                          "lang": "en", "source": "factcheck_bench"})
    return pairs


def _documents(texts: list[str], lang: str) -> list[list[str]]:
    return [[s.strip() for s in segment(lang, t) if s.strip()] for t in texts]


def generated(data: Path, corpus: Path, mnli_train: list[Pair], seed: int) -> list[Pair]:
    """Contrastive pairs from reference text, English and German."""
    rng = random.Random(seed)
    by_title: dict[str, list[str]] = {}
    for row in read_jsonl(corpus):
        by_title.setdefault(str(row.get("title", "")), []).append(str(row["text"]))
    english = [*by_title.values(),
               *_documents(sorted({p["premise"] for p in mnli_train}), "en")]
    german_texts = sorted(
        {p["premise"] for split in ("dev", "test") for p in _nli(data, "binary/rte3_de", split)}
        | {p["premise"] for p in _nli(data, "mnli_de_mt", "train")}
    )
    german = _documents(german_texts, "de")
    return [*contrastive_pairs(english, "en", rng, 0.8), *contrastive_pairs(german, "de", rng)]


def random_pairs(pairs: list[Pair], count: int, seed: int) -> list[Pair]:
    """Claims paired with the evidence of another pair: unrelated, so neutral."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        a, b = rng.sample(pairs, 2)
        out.append({"premise": b["premise"], "hypothesis": a["hypothesis"], "label": "neutral",
                    "lang": a["lang"], "source": "random_pair"})
    return out


def build(data: Path, corpus: Path, seed: int) -> dict[str, list[Pair]]:
    """All splits: train, calibration, and the MNLI test part."""
    test, calibration, mnli_train = mnli_split(data, seed)
    german = _nli(data, "mnli_de_mt", "train")
    rte_de = [
        {**p, "label": "entailment" if p["label"] == "entailment" else "not_entailment"}
        for split in ("dev", "test") for p in _nli(data, "binary/rte3_de", split)
    ]
    pool = [
        *mnli_train, *german, *_nli(data, "check_covid", "train"), *factcheck_bench(data),
        *rte_de, *generated(data, corpus, mnli_train, seed),
    ]
    pool += random_pairs(pool, len(pool) // 12, seed)
    rng = random.Random(seed)
    rng.shuffle(pool)
    cut = int(len(pool) * CALIBRATION_SHARE)
    held = [p for p in pool[:cut] if p["label"] != "not_entailment"]
    return {"train": pool[cut:], "calibration": calibration + held, "mnli_test": test}
