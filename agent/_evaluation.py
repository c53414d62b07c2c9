"""Eval suites (see evals/README.md for the format), the two ways of running them (claims mode and
articles mode) and the metrics they are scored with."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ._corpus import LoadProblem, expand_paths, load_file
from ._errors import InputError
from ._eval_models import (
    MISSED,
    Classification,
    Coverage,
    EvalItem,
    EvalRun,
    EvalUsage,
    ExtraClaim,
    Intervals,
    LabelScores,
    Metrics,
    NotCheckworthyResult,
    RunConfig,
    StageModels,
)
from ._models import ClaimVerdict, Label, LLMUsage
from ._settings import Settings

if TYPE_CHECKING:
    from ._verifier import Verifier

LABELS = [label.value for label in Label]
MODES = ("claims", "articles", "both")
Progress = Callable[[int, int], None]

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 0
ECE_BINS = 10
# Articles larger than this are refused when the suite is loaded.
ARTICLE_MAX_BYTES = 20_000_000


@dataclass
class GoldClaim:
    id: str
    claim: str
    label: str
    evidence: list[str] = field(default_factory=list)
    article: str = ""
    sentence: str = ""


@dataclass
class Article:
    """An article of a suite: the text that is verified, and its date from the front matter."""

    text: str
    date: str = ""


@dataclass
class NotCheckworthy:
    """A sentence of an article that states no checkable fact (not_checkworthy.jsonl); `sentence`
    may leave words out with "..." ."""

    id: str
    article: str
    sentence: str


@dataclass
class Suite:
    """A suite folder: its description, gold claims, corpus files and the articles claims name."""

    root: Path
    name: str
    labels: list[str]
    corpus_files: list[Path]
    claims: list[GoldClaim]
    articles: dict[str, Article] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    as_of: str = ""
    not_checkworthy: list[NotCheckworthy] = field(default_factory=list)

    def corpus_fingerprint(self) -> str:
        """Hash of the corpus files' names and contents: equal fingerprints, equal corpus."""
        digest = hashlib.sha256()
        for path in self.corpus_files:
            digest.update(str(path.relative_to(self.root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()[:16]

    def as_of_for(self, claim: GoldClaim) -> str:
        """The date a claim is judged at: its article's date, else the suite's as_of, else ''
        (today)."""
        article = self.articles.get(claim.article)
        return (article.date if article else "") or self.as_of


def sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` stands in `text`, whitespace aside; None when it does not occur."""
    words = sentence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return (found.start(), found.end()) if found else None


def excerpt_parts(text: str, excerpt: str) -> list[tuple[int, int]] | None:
    """Where the parts of an excerpt stand in `text`, whitespace aside, with words left out
    between them by "..." or "…" (within one sentence); None when it does not occur."""
    parts = [p.split() for p in re.split(r"\.\.\.|…", excerpt) if p.split()]
    if not parts:
        return None
    gap = r"(?:(?![.!?]\s)[^\n]){0,400}?"
    phrases = [r"\s+".join(map(re.escape, words)) for words in parts]
    pattern = re.compile(gap.join(f"({phrase})" for phrase in phrases))
    first = phrases[0]
    found = [m for m in (pattern.match(text, m.start()) for m in re.finditer(first, text)) if m]
    if not found:
        return None
    best = min(found, key=lambda m: m.end() - m.start())
    return [best.span(group) for group in range(1, len(parts) + 1)]


def excerpt_span(text: str, excerpt: str) -> tuple[int, int] | None:
    """Where an excerpt stands in `text`, from its first word to its last, words left out with
    "..." or "…" allowed (within one sentence); None when it does not occur."""
    parts = excerpt_parts(text, excerpt)
    return (parts[0][0], parts[-1][1]) if parts else None


def _json_lines(path: Path, problems: list[str]) -> Iterator[tuple[int, Any]]:
    """The line number and value of each non-blank line of a JSON Lines file; a line that is no
    JSON is a problem, with file and line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: invalid JSON: {exc.msg}")


def _read_not_checkworthy(path: Path, root: Path, articles: dict[str, Article]
                          ) -> tuple[list[NotCheckworthy], list[str]]:
    """The suite's not-check-worthy sentences and the problems found, with file and line; the
    articles they name are read into `articles`."""
    found: list[NotCheckworthy] = []
    problems: list[str] = []
    for number, row in _json_lines(path, problems):
        if not isinstance(row, dict) or not all(row.get(k) for k in ("id", "article",
                                                                      "sentence")):
            problems.append(f"{path}:{number}: needs the fields id, article and sentence")
            continue
        name = str(row["article"])
        if name not in articles:
            article = read_article(root / name) if (root / name).is_file() else (
                f"article '{name}' does not exist")
            if isinstance(article, str):
                problems.append(f"{path}:{number}: {article}")
                continue
            articles[name] = article
        if excerpt_span(articles[name].text, str(row["sentence"])) is None:
            problems.append(f"{path}:{number}: its sentence does not occur in {name}")
            continue
        found.append(NotCheckworthy(str(row["id"]), name, str(row["sentence"])))
    return found, problems


def read_article(path: Path) -> Article | str:
    """An article file (text, Markdown or HTML, optional front matter), or what is wrong with
    it."""
    loaded = list(load_file(path, ARTICLE_MAX_BYTES))
    if len(loaded) != 1:
        return f"{path}: holds {len(loaded)} documents; an article file holds one"
    if isinstance(loaded[0], LoadProblem):
        return f"{loaded[0].where}: {loaded[0].reason}"
    doc = loaded[0]
    return Article(text=doc.text, date=doc.date)


def _check_row(row: object, labels: list[str], seen: set[str]) -> str | None:
    """What is wrong with the fields of one line of claims.jsonl, or None."""
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
    return None


def _check_article(claim: GoldClaim, root: Path, articles: dict[str, Article | str]
                   ) -> str | None:
    """What is wrong with a gold claim's article or source sentence, or None; articles are read
    once into `articles`."""
    if not claim.article:
        return None
    if claim.article not in articles:
        path = root / claim.article
        articles[claim.article] = (read_article(path) if path.is_file()
                                   else f"article '{claim.article}' does not exist")
    article = articles[claim.article]
    if isinstance(article, str):
        return article
    if not claim.sentence.strip():
        return "a claim with an article needs its source sentence (field `sentence`)"
    if sentence_span(article.text, claim.sentence) is None:
        return f"its sentence does not occur in {claim.article}"
    return None


def _read_claims(path: Path, labels: list[str], root: Path
                 ) -> tuple[list[GoldClaim], dict[str, Article], list[str], list[str]]:
    """The gold claims of claims.jsonl, the articles they name, the problems found, and the
    claims skipped because their text is empty (nothing to verify, but no reason to refuse the
    suite); each with file and line."""
    claims: list[GoldClaim] = []
    articles: dict[str, Article | str] = {}
    problems: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for number, row in _json_lines(path, problems):
        if isinstance(row, dict) and row.get("id") and not str(row.get("claim") or "").strip():
            skipped.append(f"{path}:{number}: claim '{row['id']}' has no text; skipped")
            seen.add(str(row["id"]))
            continue
        problem = _check_row(row, labels, seen)
        if problem is None:
            seen.add(str(row["id"]))
            claim = GoldClaim(id=str(row["id"]), claim=str(row["claim"]), label=row["label"],
                              evidence=list(row.get("evidence") or []),
                              article=str(row.get("article") or ""),
                              sentence=str(row.get("sentence") or ""))
            problem = _check_article(claim, root, articles)
            if problem is None:
                claims.append(claim)
        if problem:
            problems.append(f"{path}:{number}: {problem}")
    if not claims and not problems:
        problems.append(f"{path}: no gold claims")
    read = {name: a for name, a in articles.items() if isinstance(a, Article)}
    return claims, read, problems, skipped


def _read_as_of(value: object, where: Path) -> tuple[str, str | None]:
    """suite.toml's as_of as YYYY-MM-DD ('' when not given), and what is wrong with it or None.
    TOML may give it as a date, a date and time, or a string."""
    if isinstance(value, date):
        return value.isoformat()[:10], None
    if not value:
        return "", None
    try:
        return date.fromisoformat(str(value)).isoformat(), None
    except ValueError:
        return "", f"{where}: as_of must be a date (YYYY-MM-DD), not '{value}'"


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
    as_of, problem = _read_as_of(meta.get("as_of"), meta_path)
    if problem:
        problems.append(problem)
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
    articles: dict[str, Article] = {}
    skipped: list[str] = []
    claims_path = root / "claims.jsonl"
    if claims_path.exists():
        claims, articles, claim_problems, skipped = _read_claims(claims_path, labels, root)
        problems += claim_problems
    else:
        problems.append(f"{claims_path}: missing")
    not_checkworthy: list[NotCheckworthy] = []
    if (root / "not_checkworthy.jsonl").exists():
        not_checkworthy, more = _read_not_checkworthy(root / "not_checkworthy.jsonl", root,
                                                      articles)
        problems += more
    if problems:
        raise InputError(f"invalid suite {root}:\n  " + "\n  ".join(problems))
    return Suite(root, name, labels, corpus_files, claims, articles, skipped, as_of=as_of,
                 not_checkworthy=not_checkworthy)


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


def package_commit() -> str:
    """The commit the running agent package comes from, where that is known: the HEAD of the
    repository whose files these are (a checkout or an editable install), else the commit pip
    recorded when it installed the package from a repository; "" otherwise. The folder eval runs
    in plays no part."""
    from importlib.metadata import PackageNotFoundError, distribution

    package = Path(__file__).resolve().parent
    try:
        # the package's own file must be tracked there, or the repository is another one
        for command in (["ls-files", "--error-unmatch", Path(__file__).name],
                        ["rev-parse", "HEAD"]):
            done = subprocess.run(["git", "-C", str(package), *command], capture_output=True,
                                  text=True, timeout=10, check=True)
        return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        installed = json.loads(distribution("factcheck-agent").read_text("direct_url.json")
                               or "{}")
    except (PackageNotFoundError, json.JSONDecodeError):
        return ""
    return str(installed.get("vcs_info", {}).get("commit_id", ""))


def run_config(verifier: Verifier) -> RunConfig:
    """What produced a run, so that two runs can be compared."""
    provenance = verifier.provenance()
    return RunConfig(
        backend="llm" if verifier.uses_llm else "local",
        llm_endpoint=provenance.llm_endpoint,
        models=StageModels(embedding=provenance.embedding_model, judge=provenance.judge,
                           extractor=provenance.extractor),
        prompt_hashes=verifier.prompts(),
        package_version=provenance.package_version,
        git_commit=package_commit(),
        corpus_fingerprint=provenance.corpus_fingerprint,
    )


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


def classification_metrics(gold: list[str], predicted: list[str], labels: list[str]
                           ) -> Classification:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix.

    Precision of a label never predicted is 0.0; a label without gold support has recall 0.0 and is
    left out of macro-F1. With no claims, accuracy and macro-F1 are 0.0 and all counts 0.
    """
    space = _label_space(labels, gold, predicted)
    index = {label: i for i, label in enumerate(space)}
    matrix = np.zeros((len(space), len(space)), dtype=int)
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g], index[p]] += 1
    # per-label scores and confusion rows for the labels a gold claim can have, not for
    # predictions such as ERROR and MISSED
    rows = [label for label in space if label in labels or label in gold]
    per_label = {}
    for label in rows:
        i = index[label]
        tp, predicted_n, support = matrix[i, i], matrix[:, i].sum(), matrix[i].sum()
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * tp / (predicted_n + support) if tp else 0.0
        per_label[label] = LabelScores(precision=round(float(precision), 4),
                                       recall=round(float(recall), 4),
                                       f1=round(float(f1), 4), support=int(support))
    n = len(gold)
    return Classification(
        accuracy=round(float(np.trace(matrix)) / n, 4) if n else 0.0,
        macro_f1=round(float(_macro_f1(matrix)), 4),
        per_label=per_label,
        confusion={g: {p: int(matrix[index[g], j]) for j, p in enumerate(space)} for g in rows},
    )


def bootstrap_ci(gold: list[str], predicted: list[str], labels: list[str],
                 resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> Intervals:
    """Percentile bootstrap 95% intervals of accuracy and macro-F1 (claims resampled with
    replacement, fixed seed, so the same predictions always give the same interval)."""
    n = len(gold)
    if n == 0:
        return Intervals()
    space = _label_space(labels, gold, predicted)
    k = len(space)
    index = {label: i for i, label in enumerate(space)}
    codes = np.array([index[g] * k + index[p] for g, p in zip(gold, predicted, strict=True)])
    sample = codes[np.random.default_rng(seed).integers(0, n, size=(resamples, n))]
    offsets = np.arange(resamples)[:, None] * k * k
    confusion = np.bincount((sample + offsets).ravel(), minlength=resamples * k * k)
    confusion = confusion.reshape(resamples, k, k)
    accuracy = np.trace(confusion, axis1=1, axis2=2) / n

    def interval(values: np.ndarray) -> tuple[float, float]:
        low, high = np.percentile(values, [2.5, 97.5])
        return round(float(low), 4), round(float(high), 4)

    return Intervals(accuracy=interval(accuracy), macro_f1=interval(_macro_f1(confusion)))


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


def evidence_metrics(gold: list[GoldClaim], verdicts: Sequence[ClaimVerdict | None]
                     ) -> tuple[float | None, float | None]:
    """evidence_recall and citation_precision as the suite format defines them; a gold claim
    without a verdict (missed in articles mode) cited nothing. Both are None (n/a) when no gold
    claim names its evidence."""
    with_evidence = hits = cited_total = cited_gold = 0
    for g, v in zip(gold, verdicts, strict=True):
        cited = {c.document_id for c in v.citations} if v else set()
        if g.evidence:
            with_evidence += 1
            hits += bool(cited & set(g.evidence))
        if v and v.label != Label.NOT_ENOUGH_INFO:
            cited_total += len(cited)
            cited_gold += len(cited & set(g.evidence))
    return (round(hits / with_evidence, 4) if with_evidence else None,
            round(cited_gold / cited_total, 4) if cited_total and with_evidence else None)


def usage(seconds: float, claims: int, llm: LLMUsage | None = None) -> EvalUsage:
    """Cost of a run: time, and what the chat model spent (nothing for the embedded backend)."""
    llm = llm or LLMUsage()
    return EvalUsage(seconds=round(seconds, 3), claims=claims, model_calls=llm.calls,
                     tokens=llm.prompt_tokens + llm.completion_tokens,
                     prompt_tokens=llm.prompt_tokens, completion_tokens=llm.completion_tokens,
                     cache_hits=llm.cache_hits, cost=round(llm.cost_usd, 6),
                     model_seconds=round(llm.seconds, 3), repairs=llm.repairs,
                     invalid_outputs=llm.invalid_outputs,
                     dropped_citations=llm.dropped_citations, dropped_claims=llm.dropped_claims)


def spent_since(verifier: Verifier, before: LLMUsage) -> LLMUsage:
    """What the verifier's chat models spent since `before` was taken."""
    now = verifier.llm_usage()
    return LLMUsage(**{name: (value - getattr(before, name) if not isinstance(value, bool)
                              else value) for name, value in now})


def score(gold: list[GoldClaim], verdicts: Sequence[ClaimVerdict | None], labels: list[str],
          seconds: float, verified: int, llm: LLMUsage | None = None) -> Metrics:
    """Every metric of verdicts against their gold claims; `verified` claims took `seconds`.
    A claim the model could not judge counts as the prediction ERROR, a gold claim without a
    verdict (articles mode: no extracted claim covers it) as MISSED; both are wrong. ECE is over
    the claims that have a verdict."""
    gold_labels = [g.label for g in gold]
    predicted = [v.outcome if v else MISSED for v in verdicts]
    judged = [(g, v) for g, v in zip(gold_labels, verdicts, strict=True) if v]
    evidence_recall, citation_precision = evidence_metrics(gold, verdicts)
    return Metrics(
        **dict(classification_metrics(gold_labels, predicted, labels)),
        ci95=bootstrap_ci(gold_labels, predicted, labels),
        ece=expected_calibration_error([v.confidence for _, v in judged],
                                       [g == v.outcome for g, v in judged]),
        evidence_recall=evidence_recall,
        citation_precision=citation_precision,
        seconds_per_claim=round(seconds / verified, 3) if verified else 0.0,
        errors=predicted.count("ERROR"),
        usage=usage(seconds, verified, llm),
    )


def _item(gold: GoldClaim, verdict: ClaimVerdict | None, as_of: str) -> EvalItem:
    """One gold claim and the verdict it got (None: no extracted claim covered it)."""
    return EvalItem(
        id=gold.id, claim=gold.claim, gold=gold.label,
        predicted=verdict.outcome if verdict else None,
        error=verdict.error if verdict else None,
        cited=sorted({c.document_id for c in verdict.citations}) if verdict else [],
        confidence=verdict.confidence if verdict else None,
        rationale=verdict.rationale if verdict else "",
        as_of=as_of,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_claims_mode(suite: Suite, verifier: Verifier, limit: int | None = None,
                    progress: Progress | None = None) -> EvalRun:
    """Verify every gold claim on its own against the suite's corpus and score the verdicts.
    Each claim is judged at its article's date, else at the suite's as_of."""
    claims = suite.claims[:limit] if limit else suite.claims
    timestamp = _now()
    verdicts: list[ClaimVerdict] = []
    started = time.perf_counter()
    before = verifier.llm_usage()
    for number, gold in enumerate(claims, 1):
        verdicts.append(verifier.verify_claim(gold.claim, as_of=suite.as_of_for(gold)))
        if progress:
            progress(number, len(claims))
    seconds = time.perf_counter() - started
    return EvalRun(
        suite=suite.name, mode="claims", timestamp=timestamp, n=len(claims), as_of=suite.as_of,
        metrics=score(claims, verdicts, suite.labels, seconds, len(claims),
                      spent_since(verifier, before)),
        config=run_config(verifier),
        items=[_item(g, v, suite.as_of_for(g)) for g, v in zip(claims, verdicts, strict=True)],
    )


# --- articles mode ------------------------------------------------------------------------------


def cosine_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of `a` with every row of `b`."""
    def unit(m: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms == 0, 1, norms)

    return unit(np.asarray(a, dtype=float)) @ unit(np.asarray(b, dtype=float)).T


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_claims(gold_spans: list[tuple[int, int]], extracted_spans: list[tuple[int, int]],
                 similarity: np.ndarray) -> list[tuple[int, int, float]]:
    """One-to-one matches (gold index, extracted index, similarity) of an article's claims.

    An extracted claim can cover a gold claim only when the article sentence it comes from
    overlaps the gold claim's source sentence; there is no similarity threshold to tune. Among
    such pairs, the most similar texts pair up first (greedy), so where one sentence holds several
    gold claims each gets the extracted claim closest to it, and gold claims left over are missed.
    """
    pairs = [(g, e) for g, gold in enumerate(gold_spans)
             for e, extracted in enumerate(extracted_spans) if _overlap(gold, extracted)]
    pairs.sort(key=lambda ge: (-similarity[ge], ge))
    used_gold: set[int] = set()
    used_extracted: set[int] = set()
    matches = []
    for g, e in pairs:
        if g not in used_gold and e not in used_extracted:
            used_gold.add(g)
            used_extracted.add(e)
            matches.append((g, e, round(float(similarity[g, e]), 4)))
    return matches


def _match_article(verifier: Verifier, article: Article, gold: list[GoldClaim],
                   verdicts: list[ClaimVerdict]) -> list[tuple[int, int, float]]:
    """Matches of one article's gold claims to the claims the verifier extracted from it."""
    if not gold or not verdicts:
        return []
    spans = [sentence_span(article.text, g.sentence) or (0, 0) for g in gold]
    embed = verifier.store.embedder.embed_queries
    similarity = cosine_similarity(embed([g.claim for g in gold]),
                                   embed([v.claim.text for v in verdicts]))
    return match_claims(spans, [(v.claim.start, v.claim.end) for v in verdicts], similarity)


DECIDED = (Label.SUPPORTED.value, Label.REFUTED.value)


def not_checkworthy_result(entry: NotCheckworthy, article: Article,
                           verdicts: list[ClaimVerdict]) -> NotCheckworthyResult:
    """The verdict a not-check-worthy sentence got: that of the claims taken from its text (their
    spans overlap its words; words it leaves out with "..." are not its text), the most decided
    one first."""
    parts = excerpt_parts(article.text, entry.sentence) or [(0, 0)]
    taken = [v for v in verdicts
             if any(_overlap(part, (v.claim.start, v.claim.end)) for part in parts)]
    taken.sort(key=lambda v: (v.outcome not in DECIDED, v.outcome != Label.NOT_ENOUGH_INFO.value))
    first = taken[0] if taken else None
    return NotCheckworthyResult(id=entry.id, article=entry.article, sentence=entry.sentence,
                                predicted=first.outcome if first else None,
                                claim=first.claim.text if first else None)


def run_articles_mode(suite: Suite, verifier: Verifier, limit: int | None = None,
                      progress: Progress | None = None) -> EvalRun:
    """Verify each article end to end (at its date, else the suite's as_of), match its extracted
    claims to its gold claims, and score every gold claim, one no extracted claim covers as
    MISSED; the matched pairs alone and claim recall and precision go into `coverage`.
    `limit`: first N articles."""
    if not suite.articles:
        raise InputError(f"{suite.root}: no gold claim names an article")
    names = list(suite.articles)[:limit] if limit else list(suite.articles)
    timestamp = _now()
    items: list[EvalItem] = []
    unmatched: list[ExtraClaim] = []
    not_checkworthy: list[NotCheckworthyResult] = []
    scored: list[tuple[GoldClaim, ClaimVerdict | None]] = []
    extracted = 0
    seconds = 0.0
    before = verifier.llm_usage()
    for number, name in enumerate(names, 1):
        article = suite.articles[name]
        gold = [c for c in suite.claims if c.article == name]
        as_of = article.date or suite.as_of
        started = time.perf_counter()
        verdicts = verifier.verify(article.text, source=name, as_of=as_of).verdicts
        seconds += time.perf_counter() - started
        extracted += len(verdicts)
        found = {g: (e, s) for g, e, s in _match_article(verifier, article, gold, verdicts)}
        for g, claim in enumerate(gold):
            e, similarity = found.get(g, (None, None))
            verdict = verdicts[e] if e is not None else None
            items.append(_item(claim, verdict, as_of).model_copy(update={
                "article": name, "extracted": verdict.claim.text if verdict else None,
                "similarity": similarity}))
            scored.append((claim, verdict))
        not_checkworthy += [not_checkworthy_result(entry, article, verdicts)
                            for entry in suite.not_checkworthy if entry.article == name]
        matched = {e for e, _ in found.values()}
        unmatched += [ExtraClaim(article=name, claim=v.claim.text, predicted=v.outcome,
                                 confidence=v.confidence)
                      for e, v in enumerate(verdicts) if e not in matched]
        if progress:
            progress(number, len(names))
    metrics = score([g for g, _ in scored], [v for _, v in scored], suite.labels, seconds,
                    extracted, spent_since(verifier, before))
    pairs = [(g.label, v.outcome) for g, v in scored if v]
    only_matched = classification_metrics([g for g, _ in pairs], [p for _, p in pairs],
                                          suite.labels)
    metrics.coverage = Coverage(
        claim_recall=round(len(pairs) / len(items), 4) if items else 0.0,
        claim_precision=round(len(pairs) / extracted, 4) if extracted else 0.0,
        matched=len(pairs), extracted=extracted, missed=len(items) - len(pairs),
        matched_accuracy=only_matched.accuracy, matched_macro_f1=only_matched.macro_f1,
        not_checkworthy=len(not_checkworthy),
        not_checkworthy_decided=round(sum(r.predicted in DECIDED for r in not_checkworthy)
                                      / len(not_checkworthy), 4) if not_checkworthy else None,
    )
    return EvalRun(
        suite=suite.name, mode="articles", timestamp=timestamp, n=len(items), as_of=suite.as_of,
        metrics=metrics, config=run_config(verifier), items=items,
        unmatched_extracted=unmatched, not_checkworthy=not_checkworthy,
    )


def run_mode(mode: str, suite: Suite, verifier: Verifier, limit: int | None = None,
             progress: Progress | None = None) -> EvalRun:
    """Run `suite` in claims or articles mode."""
    run = run_articles_mode if mode == "articles" else run_claims_mode
    return run(suite, verifier, limit=limit, progress=progress)
