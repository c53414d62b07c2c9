"""Eval suites (see evals/README.md for the format), the two ways of running them (claims mode and
articles mode) and the metrics they are scored with."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ._corpus import decode_text, expand_paths
from ._errors import InputError
from ._models import ClaimVerdict, Label, LLMUsage
from ._settings import Settings

if TYPE_CHECKING:
    from ._verifier import Verifier

LABELS = [label.value for label in Label]
MODES = ("claims", "articles", "both")
Progress = Callable[[int, int], None]

# Cosine similarity (query embeddings of both texts) at or above which an extracted claim is matched
# to a gold claim of the same article. Tuned on seed-nk-russia (multilingual-e5-small, 56 gold and
# 48 extracted claims): a match counted as correct when the extracted claim comes from the gold
# claim's `sentence`; one-to-one, at most 30 such matches exist. Thresholds 0.80-0.95 in steps of
# 0.005 were scored by the F1 of correct matches; 0.895 scored best (34 matches, 28 correct:
# precision 0.82, recall 0.93 of the 30), inside a plateau from 0.89 to 0.905. Below it, claims
# that are only on the same topic start to pair up (e5 rates most sentences about North Korea and
# Russia above 0.85); above 0.91, true pairs drop out quickly.
MATCH_THRESHOLD = 0.895
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 0
ECE_BINS = 10


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
    """A suite folder: its description, gold claims, corpus files and the articles claims name."""

    root: Path
    name: str
    labels: list[str]
    corpus_files: list[Path]
    claims: list[GoldClaim]
    articles: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def corpus_fingerprint(self) -> str:
        """Hash of the corpus files' names and contents: equal fingerprints, equal corpus."""
        digest = hashlib.sha256()
        for path in self.corpus_files:
            digest.update(str(path.relative_to(self.root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()[:16]


def _check_row(row: object, labels: list[str], root: Path, seen: set[str]) -> str | None:
    """What is wrong with one line of claims.jsonl, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    missing = [k for k in ("id", "claim", "label") if not row.get(k)]
    if missing:
        return f"missing field(s) {', '.join(missing)}"
    if row["label"] not in labels:
        return f"label '{row['label']}' is not one of {labels}"
    if str(row["id"]) in seen:
        return f"duplicate id '{row['id']}'"
    if not isinstance(row.get("evidence") or [], list):
        return "evidence must be a list of document ids"
    article = row.get("article")
    if article and not (root / str(article)).is_file():
        return f"article '{article}' does not exist"
    return None


def _read_claims(
    path: Path, labels: list[str], root: Path
) -> tuple[list[GoldClaim], list[str], list[str]]:
    """The gold claims of claims.jsonl, the problems found, and the claims skipped because
    their text is empty (nothing to verify, but no reason to refuse the suite); each with
    file and line."""
    claims: list[GoldClaim] = []
    problems: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: invalid JSON: {exc.msg}")
            continue
        if isinstance(row, dict) and row.get("id") and not str(row.get("claim") or "").strip():
            skipped.append(f"{path}:{number}: claim '{row['id']}' has no text; skipped")
            seen.add(str(row["id"]))
            continue
        problem = _check_row(row, labels, root, seen)
        if problem:
            problems.append(f"{path}:{number}: {problem}")
            continue
        seen.add(str(row["id"]))
        claims.append(GoldClaim(id=str(row["id"]), claim=str(row["claim"]), label=row["label"],
                                evidence=list(row.get("evidence") or []),
                                article=str(row.get("article") or ""),
                                sentence=str(row.get("sentence") or "")))
    if not claims and not problems:
        problems.append(f"{path}: no gold claims")
    return claims, problems, skipped


def load_suite(root: Path) -> Suite:
    """Read and validate a suite folder; every problem found is listed, with file and line."""
    if not root.is_dir():
        raise InputError(f"{root}: not a folder")
    problems: list[str] = []
    meta_path = root / "suite.toml"
    meta: dict = {}
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
    corpus_files: list[Path] = []
    for rel in meta.get("corpus", {}).get("paths", ["corpus"]):
        folder = root / rel
        if not folder.exists():
            problems.append(f"{meta_path}: corpus path '{rel}' does not exist")
            continue
        corpus_files.extend(expand_paths([folder]))
    if not corpus_files and not problems:
        problems.append(f"{root}: the corpus is empty")
    claims: list[GoldClaim] = []
    skipped: list[str] = []
    claims_path = root / "claims.jsonl"
    if claims_path.exists():
        claims, claim_problems, skipped = _read_claims(claims_path, labels, root)
        problems += claim_problems
    else:
        problems.append(f"{claims_path}: missing")
    if problems:
        raise InputError(f"invalid suite {root}:\n  " + "\n  ".join(problems))
    articles = list(dict.fromkeys(c.article for c in claims if c.article))
    return Suite(root, name, labels, corpus_files, claims, articles, skipped)


def load_suites(roots: Sequence[Path]) -> list[Suite]:
    """Every suite, validated; the problems of all of them are reported together."""
    suites: list[Suite] = []
    problems: list[str] = []
    for root in roots:
        try:
            suites.append(load_suite(root))
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        raise InputError("\n".join(problems))
    return suites


def suite_modes(suite: Suite, mode: str) -> list[str]:
    """The modes to run on `suite`: `both` is claims, then articles where the suite has any."""
    if mode not in MODES:
        raise InputError(f"--mode must be one of {', '.join(MODES)}, not '{mode}'")
    if mode == "articles" and not suite.articles:
        raise InputError(f"{suite.root}: articles mode needs gold claims whose `article` field "
                         "names an article of the suite; this suite has none")
    if mode == "both":
        return ["claims", "articles"] if suite.articles else ["claims"]
    return [mode]


# --- the verifier of a suite --------------------------------------------------------------------


def suite_store_home(settings: Settings, suite: Suite, embedding_model: str) -> Path:
    """The store folder of a suite: one per corpus fingerprint and embedding model."""
    model = hashlib.sha256(embedding_model.encode()).hexdigest()[:8]
    return settings.home / "suites" / f"{suite.name}-{suite.corpus_fingerprint()}-{model}"


def open_suite_verifier(suite: Suite, settings: Settings, progress: Progress | None = None
                        ) -> Verifier:
    """A verifier over the suite's corpus; an unchanged corpus is reused, not embedded again."""
    from ._embeddings import make_embedder
    from ._store import LAYOUT, CorpusStore
    from ._verifier import Verifier

    embedder = make_embedder(settings)
    # the store layout is part of the key, so a store of an older layout is never reused
    home = suite_store_home(settings, suite, f"{embedder.name}|{LAYOUT}")
    suite_settings = settings.model_copy(update={"home": home})
    verifier = Verifier(suite_settings, store=CorpusStore(suite_settings, embedder))
    verifier.ingest(suite.corpus_files, progress=progress)
    return verifier


def git_commit(cwd: Path | None = None) -> str:
    """`git rev-parse HEAD` in the working directory, or "" where that does not work."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True,
                              text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def run_config(verifier: Verifier) -> dict:
    """What produced a run, so that two runs can be compared."""
    provenance = verifier._provenance()
    return {
        "backend": "llm" if verifier.uses_llm else "local",
        "llm_endpoint": provenance.llm_endpoint,
        "models": {"embedding": provenance.embedding_model, "judge": provenance.judge,
                   "extractor": provenance.extractor},
        "prompt_hashes": verifier.prompts(),
        "package_version": provenance.package_version,
        "git_commit": git_commit(),
        "corpus_fingerprint": provenance.corpus_fingerprint,
    }


# --- metrics ------------------------------------------------------------------------------------


def _label_space(labels: list[str], gold: list[str], predicted: list[str]) -> list[str]:
    """The suite's labels, then any other label that occurs (kept so no prediction is lost)."""
    extra = sorted({*gold, *predicted} - set(labels))
    return list(labels) + extra


def _macro_f1(confusion: np.ndarray) -> np.ndarray:
    """Macro-F1 of confusion matrices (..., gold, predicted), averaged over the labels with gold
    support; 0.0 where no label has any."""
    tp = np.diagonal(confusion, axis1=-2, axis2=-1).astype(float)
    support = confusion.sum(axis=-1)
    denominator = support + confusion.sum(axis=-2)
    f1 = np.divide(2 * tp, denominator, out=np.zeros_like(tp), where=denominator > 0)
    present = support > 0
    count = present.sum(axis=-1)
    return np.where(count > 0, (f1 * present).sum(axis=-1) / np.maximum(count, 1), 0.0)


def classification_metrics(gold: list[str], predicted: list[str], labels: list[str]) -> dict:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix.

    Precision of a label never predicted is 0.0; a label without gold support has recall 0.0 and is
    left out of macro-F1. With no claims, accuracy and macro-F1 are 0.0 and all counts 0.
    """
    space = _label_space(labels, gold, predicted)
    index = {label: i for i, label in enumerate(space)}
    matrix = np.zeros((len(space), len(space)), dtype=int)
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g], index[p]] += 1
    per_label = {}
    for i, label in enumerate(space):
        tp, predicted_n, support = matrix[i, i], matrix[:, i].sum(), matrix[i].sum()
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * tp / (predicted_n + support) if tp else 0.0
        per_label[label] = {"precision": round(float(precision), 4),
                            "recall": round(float(recall), 4),
                            "f1": round(float(f1), 4), "support": int(support)}
    n = len(gold)
    return {
        "accuracy": round(float(np.trace(matrix)) / n, 4) if n else 0.0,
        "macro_f1": round(float(_macro_f1(matrix)), 4),
        "per_label": per_label,
        "confusion": {g: {p: int(matrix[i, j]) for j, p in enumerate(space)}
                      for i, g in enumerate(space)},
    }


def bootstrap_ci(gold: list[str], predicted: list[str], labels: list[str],
                 resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> dict:
    """Percentile bootstrap 95% intervals of accuracy and macro-F1 (claims resampled with
    replacement, fixed seed, so the same predictions always give the same interval)."""
    n = len(gold)
    if n == 0:
        return {"accuracy": [0.0, 0.0], "macro_f1": [0.0, 0.0]}
    space = _label_space(labels, gold, predicted)
    k = len(space)
    index = {label: i for i, label in enumerate(space)}
    codes = np.array([index[g] * k + index[p] for g, p in zip(gold, predicted, strict=True)])
    sample = codes[np.random.default_rng(seed).integers(0, n, size=(resamples, n))]
    offsets = np.arange(resamples)[:, None] * k * k
    confusion = np.bincount((sample + offsets).ravel(), minlength=resamples * k * k)
    confusion = confusion.reshape(resamples, k, k)
    accuracy = np.trace(confusion, axis1=1, axis2=2) / n

    def interval(values: np.ndarray) -> list[float]:
        low, high = np.percentile(values, [2.5, 97.5])
        return [round(float(low), 4), round(float(high), 4)]

    return {"accuracy": interval(accuracy), "macro_f1": interval(_macro_f1(confusion))}


def expected_calibration_error(confidences: list[float], correct: list[bool],
                               bins: int = ECE_BINS) -> float:
    """ECE: over equal-width confidence bins [0, 0.1), [0.1, 0.2), ... [0.9, 1.0], the
    share-weighted mean of |accuracy - mean confidence|. 0.0 with no claims."""
    if not confidences:
        return 0.0
    confidence = np.asarray(confidences, dtype=float)
    hit = np.asarray(correct, dtype=float)
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = sum(
        int(mask.sum()) * abs(hit[mask].mean() - confidence[mask].mean())
        for mask in (which == b for b in range(bins)) if mask.any()
    )
    return round(float(total) / len(confidence), 4)


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


def usage(seconds: float, claims: int, llm: LLMUsage | None = None) -> dict:
    """Cost of a run: time, and what the chat model spent (nothing for the embedded backend)."""
    llm = llm or LLMUsage()
    return {"seconds": round(seconds, 3), "claims": claims, "model_calls": llm.calls,
            "tokens": llm.prompt_tokens + llm.completion_tokens,
            "prompt_tokens": llm.prompt_tokens, "completion_tokens": llm.completion_tokens,
            "cache_hits": llm.cache_hits, "cost": round(llm.cost_usd, 6),
            "model_seconds": round(llm.seconds, 3), "repairs": llm.repairs,
            "invalid_outputs": llm.invalid_outputs, "dropped_citations": llm.dropped_citations,
            "dropped_claims": llm.dropped_claims}


def spent_since(verifier: Verifier, before: LLMUsage) -> LLMUsage:
    """What the verifier's chat models spent since `before` was taken."""
    now = verifier.llm_usage()
    return LLMUsage(**{name: (value - getattr(before, name) if not isinstance(value, bool)
                              else value) for name, value in now})


def score(gold: list[GoldClaim], verdicts: list[ClaimVerdict], labels: list[str],
          seconds: float, verified: int, llm: LLMUsage | None = None) -> dict:
    """Every metric of verdicts against their gold claims; `verified` claims took `seconds`.
    A claim the model could not judge counts as the prediction "ERROR"."""
    gold_labels = [g.label for g in gold]
    predicted = [v.outcome for v in verdicts]
    metrics = classification_metrics(gold_labels, predicted, labels)
    metrics["ci95"] = bootstrap_ci(gold_labels, predicted, labels)
    correct = [g == p for g, p in zip(gold_labels, predicted, strict=True)]
    metrics["ece"] = expected_calibration_error([v.confidence for v in verdicts], correct)
    metrics.update(evidence_metrics(gold, verdicts))
    metrics["seconds_per_claim"] = round(seconds / verified, 3) if verified else 0.0
    metrics["errors"] = predicted.count("ERROR")
    metrics["usage"] = usage(seconds, verified, llm)
    return metrics


def _item(gold: GoldClaim, verdict: ClaimVerdict | None) -> dict:
    """One gold claim and the verdict it got (None: no extracted claim matched it)."""
    return {
        "id": gold.id, "claim": gold.claim, "gold": gold.label,
        "predicted": verdict.outcome if verdict else None,
        "error": verdict.error if verdict else None,
        "cited": sorted({c.document_id for c in verdict.citations}) if verdict else [],
        "confidence": verdict.confidence if verdict else None,
        "rationale": verdict.rationale if verdict else "",
    }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_claims_mode(suite: Suite, verifier: Verifier, limit: int | None = None,
                    progress: Progress | None = None) -> dict:
    """Verify every gold claim on its own against the suite's corpus and score the verdicts."""
    claims = suite.claims[:limit] if limit else suite.claims
    timestamp = _now()
    verdicts: list[ClaimVerdict] = []
    started = time.perf_counter()
    before = verifier.llm_usage()
    for number, gold in enumerate(claims, 1):
        verdicts.append(verifier.verify_claim(gold.claim))
        if progress:
            progress(number, len(claims))
    seconds = time.perf_counter() - started
    return {
        "suite": suite.name,
        "mode": "claims",
        "timestamp": timestamp,
        "n": len(claims),
        "metrics": score(claims, verdicts, suite.labels, seconds, len(claims),
                         spent_since(verifier, before)),
        "config": run_config(verifier),
        "items": [_item(g, v) for g, v in zip(claims, verdicts, strict=True)],
    }


# --- articles mode ------------------------------------------------------------------------------


def cosine_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of `a` with every row of `b`."""
    def unit(m: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms == 0, 1, norms)

    return unit(np.asarray(a, dtype=float)) @ unit(np.asarray(b, dtype=float)).T


def match_claims(similarity: np.ndarray, threshold: float = MATCH_THRESHOLD
                 ) -> list[tuple[int, int, float]]:
    """One-to-one matches (gold row, extracted column, similarity) of a similarity matrix.

    Greedy: pairs at or above `threshold` are taken in order of descending similarity, skipping a
    pair whose gold or extracted claim is already matched. Not always the assignment with the
    largest total, but each match is the best left for both of its claims.
    """
    rows, cols = np.nonzero(similarity >= threshold)
    order = sorted(zip(rows.tolist(), cols.tolist(), strict=True),
                   key=lambda rc: (-similarity[rc], rc))
    used_gold: set[int] = set()
    used_extracted: set[int] = set()
    matches = []
    for g, e in order:
        if g not in used_gold and e not in used_extracted:
            used_gold.add(g)
            used_extracted.add(e)
            matches.append((g, e, round(float(similarity[g, e]), 4)))
    return matches


def _match_article(verifier: Verifier, gold: list[GoldClaim], verdicts: list[ClaimVerdict],
                   threshold: float) -> list[tuple[int, int, float]]:
    """Matches of one article's gold claims to the claims the verifier extracted from it."""
    if not gold or not verdicts:
        return []
    embed = verifier.store.embedder.embed_queries
    similarity = cosine_similarity(embed([g.claim for g in gold]),
                                   embed([v.claim.text for v in verdicts]))
    return match_claims(similarity, threshold)


def run_articles_mode(suite: Suite, verifier: Verifier, limit: int | None = None,
                      progress: Progress | None = None, threshold: float = MATCH_THRESHOLD
                      ) -> dict:
    """Verify each article end to end, match its extracted claims to its gold claims, and score
    claim recall and precision, and the verdicts of the matched pairs. `limit`: first N articles."""
    if not suite.articles:
        raise InputError(f"{suite.root}: no gold claim names an article")
    articles = suite.articles[:limit] if limit else suite.articles
    timestamp = _now()
    items: list[dict] = []
    unmatched: list[dict] = []
    pairs: list[tuple[GoldClaim, ClaimVerdict]] = []
    extracted = 0
    seconds = 0.0
    before = verifier.llm_usage()
    for number, name in enumerate(articles, 1):
        gold = [c for c in suite.claims if c.article == name]
        text = decode_text((suite.root / name).read_bytes(), str(suite.root / name))
        started = time.perf_counter()
        verdicts = verifier.verify(text, source=name).verdicts
        seconds += time.perf_counter() - started
        extracted += len(verdicts)
        found = {g: (e, s) for g, e, s in _match_article(verifier, gold, verdicts, threshold)}
        for g, claim in enumerate(gold):
            e, similarity = found.get(g, (None, None))
            verdict = verdicts[e] if e is not None else None
            items.append({**_item(claim, verdict), "article": name,
                          "extracted": verdict.claim.text if verdict else None,
                          "similarity": similarity})
            if verdict:
                pairs.append((claim, verdict))
        matched = {e for e, _ in found.values()}
        unmatched += [{"article": name, "claim": v.claim.text, "predicted": v.outcome,
                       "confidence": v.confidence}
                      for e, v in enumerate(verdicts) if e not in matched]
        if progress:
            progress(number, len(articles))
    metrics = score([g for g, _ in pairs], [v for _, v in pairs], suite.labels, seconds, extracted,
                    spent_since(verifier, before))
    metrics = {
        "claim_recall": round(len(pairs) / len(items), 4) if items else 0.0,
        "claim_precision": round(len(pairs) / extracted, 4) if extracted else 0.0,
        "matched_accuracy": metrics["accuracy"],
        "matched": len(pairs),
        "extracted": extracted,
        "match_threshold": threshold,
        **metrics,
    }
    return {
        "suite": suite.name,
        "mode": "articles",
        "timestamp": timestamp,
        "n": len(items),
        "metrics": metrics,
        "config": run_config(verifier),
        "items": items,
        "unmatched_extracted": unmatched,
    }


def run_mode(mode: str, suite: Suite, verifier: Verifier, limit: int | None = None,
             progress: Progress | None = None) -> dict:
    """Run `suite` in claims or articles mode."""
    run = run_articles_mode if mode == "articles" else run_claims_mode
    return run(suite, verifier, limit=limit, progress=progress)
