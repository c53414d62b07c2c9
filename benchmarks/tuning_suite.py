"""Build the threshold-tuning suite from Factcheck-Bench's claim-evidence stances.

    python benchmarks/tuning_suite.py ../shared/data/factcheck-bench .factcheck/tuning/fcb

Factcheck-Bench (Apache-2.0) gives, for 661 English claims, the web passages an annotator read and
the stance of each (completely-support, partially-support, refute, irrelevant). The suite this
writes has every passage as a corpus document and every claim with a label read off its stances:
REFUTED where a passage refutes it, SUPPORTED where one supports it completely, NOT_ENOUGH_INFO
where all are irrelevant; claims with both a supporting and a refuting passage, or only partial
support, are left out. The judge's thresholds are fitted on this suite and on
`evals/tuning/planted-news-dev` (benchmarks/fit_thresholds.py); none of them is reported as a
score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

SOURCE = "subtask3_claim_evidence_stance.jsonl"


def _id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def label_of(stances: set[str]) -> str | None:
    """The claim's label from the stances of its passages; None where they disagree or only
    partly support it."""
    if "refute" in stances:
        return None if "completely-support" in stances else "REFUTED"
    if "completely-support" in stances:
        return "SUPPORTED"
    return "NOT_ENOUGH_INFO" if stances == {"irrelevant"} else None


def build(data: Path, out: Path) -> dict[str, int]:
    """Write suite.toml, corpus/corpus.jsonl and claims.jsonl under `out`; the label counts."""
    rows = [json.loads(line) for line in (data / SOURCE).open(encoding="utf-8") if line.strip()]
    by_claim: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["claim"].strip() and row["evidence"].strip():
            by_claim[row["claim"].strip()].append(row)
    documents: dict[str, str] = {}
    claims: list[dict[str, object]] = []
    for claim, found in by_claim.items():
        label = label_of({r["stance"] for r in found})
        if label is None:
            continue
        deciding = {r["evidence"] for r in found if r["stance"] in ("refute", "completely-support")}
        for r in found:
            documents.setdefault(_id("passage", r["evidence"]), r["evidence"])
        claims.append({"id": _id("claim", claim), "claim": claim, "label": label, "lang": "en",
                       "evidence": sorted(_id("passage", e) for e in deciding)})
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    with (out / "corpus" / "corpus.jsonl").open("w", encoding="utf-8") as f:
        for doc_id, text in documents.items():
            f.write(json.dumps({"id": doc_id, "text": text, "lang": "en"}, ensure_ascii=False)
                    + "\n")
    with (out / "claims.jsonl").open("w", encoding="utf-8") as f:
        for row in claims:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "suite.toml").write_text(
        'name = "factcheck-bench-tuning"\n'
        'description = "Factcheck-Bench claims and their annotated web passages (tuning only)"\n'
        'languages = ["en"]\n'
        'labels = ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]\n\n'
        '[corpus]\npaths = ["corpus"]\n', encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for row in claims:
        counts[str(row["label"])] += 1
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the factcheck-bench data folder")
    parser.add_argument("out", type=Path, help="the suite folder to write")
    args = parser.parse_args()
    counts = build(args.data, args.out)
    print(f"{args.out}: {sum(counts.values())} claims {counts}")


if __name__ == "__main__":
    main()
