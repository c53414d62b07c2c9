"""Eval suites (see evals/README.md for the format) and the metrics they are scored with."""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ._corpus import expand_paths
from ._errors import InputError
from ._models import ClaimVerdict, Label
from ._settings import Settings

LABELS = [label.value for label in Label]


@dataclass
class GoldClaim:
    id: str
    claim: str
    label: str
    evidence: list[str] = field(default_factory=list)
    article: str = ""
    sentence: str = ""


@dataclass
class Suite:
    """A suite folder: its description, gold claims, corpus files and articles."""

    root: Path
    name: str
    labels: list[str]
    corpus_files: list[Path]
    claims: list[GoldClaim]
    articles: list[Path]

    def corpus_fingerprint(self) -> str:
        """Hash of the corpus files' names and contents: equal fingerprints, equal corpus."""
        digest = hashlib.sha256()
        for path in self.corpus_files:
            digest.update(str(path.relative_to(self.root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()[:16]


def load_suite(root: Path) -> Suite:
    """Read and validate a suite folder; every problem found is listed, with file and line."""
    problems: list[str] = []
    meta_path = root / "suite.toml"
    meta: dict = {}
    if not root.is_dir():
        raise InputError(f"{root}: not a folder")
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{meta_path}: missing")
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{meta_path}: invalid TOML: {exc}")
    name = str(meta.get("name") or root.name)
    labels = list(meta.get("labels") or LABELS)
    unknown = [lab for lab in labels if lab not in LABELS]
    if unknown:
        problems.append(f"{meta_path}: labels not supported: {', '.join(unknown)}")
    corpus_dirs = meta.get("corpus", {}).get("paths", ["corpus"])
    corpus_files: list[Path] = []
    for rel in corpus_dirs:
        folder = root / rel
        if not folder.exists():
            problems.append(f"{meta_path}: corpus path '{rel}' does not exist")
            continue
        corpus_files.extend(expand_paths([folder]))
    if not corpus_files and not problems:
        problems.append(f"{root}: the corpus is empty")

    claims: list[GoldClaim] = []
    claims_path = root / "claims.jsonl"
    seen: set[str] = set()
    if not claims_path.exists():
        problems.append(f"{claims_path}: missing")
    else:
        for number, line in enumerate(claims_path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{claims_path}:{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: invalid JSON: {exc.msg}")
                continue
            missing = [k for k in ("id", "claim", "label") if not row.get(k)]
            if missing:
                problems.append(f"{where}: missing field(s) {', '.join(missing)}")
                continue
            if row["label"] not in labels:
                problems.append(f"{where}: label '{row['label']}' is not one of {labels}")
                continue
            if row["id"] in seen:
                problems.append(f"{where}: duplicate id '{row['id']}'")
                continue
            seen.add(row["id"])
            claims.append(GoldClaim(id=str(row["id"]), claim=str(row["claim"]),
                                    label=row["label"], evidence=list(row.get("evidence") or []),
                                    article=str(row.get("article") or ""),
                                    sentence=str(row.get("sentence") or "")))
    articles = sorted(p for p in (root / "articles").glob("*") if p.suffix in (".txt", ".md"))
    if problems:
        raise InputError(f"invalid suite {root}:\n  " + "\n  ".join(problems))
    return Suite(root, name, labels, corpus_files, claims, articles)


def classification_metrics(gold: list[str], predicted: list[str], labels: list[str]) -> dict:
    """Accuracy, macro-F1 over `labels`, per-label precision/recall/F1/support, confusion."""
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        if g in confusion and p in confusion[g]:
            confusion[g][p] += 1
    per_label = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "support": support}
    present = [label for label in labels if per_label[label]["support"] > 0] or labels
    n = len(gold)
    return {
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / n, 4) if n else 0.0,
        "macro_f1": round(sum(per_label[lab]["f1"] for lab in present) / len(present), 4),
        "per_label": per_label,
        "confusion": confusion,
    }


def evidence_metrics(gold: list[GoldClaim], verdicts: list[ClaimVerdict]) -> dict:
    """evidence_recall and citation_precision as the suite format defines them."""
    with_evidence = hits = cited_total = cited_gold = 0
    for g, v in zip(gold, verdicts, strict=True):
        cited = {c.document_id for c in v.citations}
        if g.evidence:
            with_evidence += 1
            hits += bool(cited & set(g.evidence))
        if v.label != Label.NOT_ENOUGH_INFO:
            cited_total += len(cited)
            cited_gold += len(cited & set(g.evidence))
    return {
        "evidence_recall": round(hits / with_evidence, 4) if with_evidence else None,
        "citation_precision": round(cited_gold / cited_total, 4) if cited_total else None,
    }


def run_claims_mode(
    suite: Suite, settings: Settings, limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Verify every gold claim on its own against the suite's corpus and score the verdicts."""
    from ._verifier import Verifier

    home = settings.home / "suites" / f"{suite.name}-{suite.corpus_fingerprint()}"
    verifier = Verifier(settings.model_copy(update={"home": home}))
    verifier.ingest(suite.corpus_files)
    claims = suite.claims[:limit] if limit else suite.claims
    verdicts: list[ClaimVerdict] = []
    started = time.perf_counter()
    for number, gold in enumerate(claims, 1):
        verdicts.append(verifier.verify_claim(gold.claim))
        if progress:
            progress(number, len(claims))
    seconds = time.perf_counter() - started
    metrics = classification_metrics([g.label for g in claims],
                                     [v.label.value for v in verdicts], suite.labels)
    metrics.update(evidence_metrics(claims, verdicts))
    metrics["seconds_per_claim"] = round(seconds / len(claims), 3) if claims else 0.0
    provenance = verifier._provenance()
    return {
        "suite": suite.name,
        "mode": "claims",
        "n": len(claims),
        "metrics": metrics,
        "config": {
            "backend": "local",
            "models": {"embedding": provenance.embedding_model, "judge": provenance.judge},
            "prompts": {},
            "corpus_fingerprint": provenance.corpus_fingerprint,
        },
        "items": [
            {"id": g.id, "gold": g.label, "predicted": v.label.value,
             "cited": sorted({c.document_id for c in v.citations}),
             "confidence": v.confidence, "rationale": v.rationale}
            for g, v in zip(claims, verdicts, strict=True)
        ],
    }
