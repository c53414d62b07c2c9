"""Hybrid retrieval: dense search in the store plus BM25 over the same passages, fused by rank."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import bm25s  # type: ignore[import-untyped]
import numpy as np
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_GERMAN  # type: ignore[import-untyped]

from ._claims import detect_language
from ._models import SearchHit, parse_date
from ._store import CorpusStore

RRF_K = 60
MONOLINGUAL_SHARE = 0.8
# A language needs this many stored sentences before its similarity distribution is trusted.
MIN_LANGUAGE_SENTENCES = 20
STOPWORDS = frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_GERMAN)
_TOKEN = re.compile(r"\d+(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|\w+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens without stop words; '14.000' and '14,000' both become '14000'."""
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        if re.fullmatch(r"\d+(?:[.,]\d{3})+", token):
            token = re.sub(r"[.,]", "", token)
        if token not in STOPWORDS and (len(token) > 1 or token.isdigit()):
            tokens.append(token)
    return tokens


@dataclass(frozen=True)
class SearchFilter:
    """Metadata conditions a passage must meet; None means no condition."""

    lang: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def chroma_where(self) -> dict | None:
        conditions: list[dict] = []
        if self.lang:
            conditions.append({"lang": self.lang})
        if self.source:
            conditions.append({"source": self.source})
        if self.date_from:
            conditions.append({"date_ord": {"$gte": int(self.date_from.strftime("%Y%m%d"))}})
        if self.date_to:
            conditions.append({"date_ord": {"$lte": int(self.date_to.strftime("%Y%m%d"))}})
            conditions.append({"date_ord": {"$gt": 0}})
        if not conditions:
            return None
        return conditions[0] if len(conditions) == 1 else {"$and": conditions}

    def accepts(self, meta: dict) -> bool:
        if self.lang and meta.get("lang") != self.lang:
            return False
        if self.source and meta.get("source") != self.source:
            return False
        when = parse_date(str(meta.get("date", "")))
        if self.date_from and (when is None or when < self.date_from):
            return False
        return not (self.date_to and (when is None or when > self.date_to))


class LexicalIndex:
    """BM25 over every stored passage, saved beside the store and rebuilt when the store changes."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        self.fingerprint = store.fingerprint()
        root = store.settings.home / "lexical"
        folder = root / f"{store.settings.collection}-{self.fingerprint}"
        if (folder / "ids.json").exists():
            self.bm25 = bm25s.BM25.load(str(folder))
            saved = json.loads((folder / "ids.json").read_text())
            self.ids, self.metas = saved["ids"], saved["metas"]
        else:
            self._build(folder, root)

    def _build(self, folder: Path, root: Path) -> None:
        ids, texts, metas = self.store.all_passages()
        self.ids = ids
        self.metas = [
            {k: m.get(k, "") for k in ("lang", "source", "date", "document_id")} for m in metas
        ]
        self.bm25 = bm25s.BM25()
        corpus = [
            tokenize(f"{m.get('title', '')} {t}") or ["∅"]
            for t, m in zip(texts, metas, strict=True)
        ]
        if corpus:
            self.bm25.index(corpus, show_progress=False)
        for old in root.glob(f"{self.store.settings.collection}-*"):
            shutil.rmtree(old, ignore_errors=True)
        if corpus:
            folder.mkdir(parents=True, exist_ok=True)
            self.bm25.save(str(folder))
            (folder / "ids.json").write_text(json.dumps({"ids": self.ids, "metas": self.metas}))

    @functools.cached_property
    def language_of(self) -> dict[str, str]:
        """The language of every passage, by id ("" for unknown)."""
        return {pid: m.get("lang", "") for pid, m in zip(self.ids, self.metas, strict=True)}

    @functools.cached_property
    def language_counts(self) -> Counter[str]:
        """Passages per language ("" for unknown)."""
        return Counter(m.get("lang", "") for m in self.metas)

    def language_share(self, lang: str) -> float:
        """Share of passages in `lang`, counting those of unknown language as matching; for an
        unknown `lang`, the share of the corpus's main language."""
        if not self.metas:
            return 1.0
        counts = self.language_counts.copy()
        unknown = counts.pop("", 0)
        main = counts[lang] if lang else max(counts.values(), default=0)
        return (main + unknown) / len(self.metas)

    def knows(self, token: str) -> bool:
        """Whether a token (as `tokenize` makes them) occurs in any stored passage."""
        return bool(self.ids) and token in self.bm25.vocab_dict

    def search(self, query: str, n: int, where: SearchFilter) -> list[tuple[str, float]]:
        tokens = [t for t in tokenize(query) if self.knows(t)]
        if not tokens:
            return []
        k = min(len(self.ids), n * 4 if where != SearchFilter() else n)
        docs, scores = self.bm25.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        hits = []
        for index, score in zip(docs[0], scores[0], strict=True):
            if score > 0 and where.accepts(self.metas[index]):
                hits.append((self.ids[index], float(score)))
        return hits[:n]


class LanguageCalibration:
    """How similar a query is, on average and in spread, to the stored sentences of each language.

    Multilingual embedding models score a sentence in the query's own language higher than an
    equally relevant one in another language. Standardising each similarity against the
    distribution of the query's similarities to that language's sentences makes languages
    comparable. Mean (q·μ) and variance (qᵀΣq) are exact, from each language's mean vector and
    covariance, which are computed once per store version and saved beside it.
    """

    def __init__(self, store: CorpusStore, fingerprint: str) -> None:
        root = store.settings.home / "calibration"
        path = root / f"{store.settings.collection}-{fingerprint}.npz"
        try:
            with np.load(path) as saved:
                self.languages = [str(lang) for lang in saved["languages"]]
                self.means, self.covariances = saved["means"], saved["covariances"]
                self.counts = saved["counts"]
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):  # none yet, old or damaged
            self._build(store)
            for old in root.glob(f"{store.settings.collection}-*.npz"):
                old.unlink(missing_ok=True)
            root.mkdir(parents=True, exist_ok=True)
            np.savez(path, languages=np.array(self.languages), means=self.means,
                     covariances=self.covariances, counts=self.counts)

    def _build(self, store: CorpusStore) -> None:
        stats = store.sentence_statistics()
        self.languages = sorted(lang for lang, (count, _, _) in stats.items()
                                if lang and count >= MIN_LANGUAGE_SENTENCES)
        # the last entry pools every sentence: it calibrates the languages too rare for their own
        pooled = tuple(sum(parts) for parts in zip(*stats.values(), strict=True)) or (1, 0.0, 0.0)
        means, covariances = [], []
        for count, total, outer in [*(stats[lang] for lang in self.languages), pooled]:
            mean = total / count
            means.append(mean)
            covariances.append(outer / count - np.outer(mean, mean))
        self.means = np.asarray(means, dtype=np.float32)
        self.covariances = np.asarray(covariances, dtype=np.float32)
        # sentences per language; the last entry counts those of the languages too rare to
        # calibrate on their own (or of no known language)
        rare = sum(count for lang, (count, _, _) in stats.items() if lang not in self.languages)
        self.counts = np.array([*(stats[lang][0] for lang in self.languages), rare])

    def group(self, lang: str) -> int:
        """Index of the statistics that calibrate a sentence in `lang`."""
        try:
            return self.languages.index(lang)
        except ValueError:
            return len(self.languages)

    @property
    def applies(self) -> bool:
        """Whether the corpus has two or more languages with enough sentences to calibrate."""
        return len(self.languages) >= 2

    def standardise(self, language: int, query: np.ndarray, similarities: np.ndarray
                    ) -> np.ndarray:
        """Similarities of `query` to sentences of `self.languages[language]` as z-scores;
        `language` = len(self.languages) standardises against the whole corpus."""
        mean = float(query @ self.means[language])
        spread = max(float(query @ self.covariances[language] @ query), 0.0) ** 0.5
        return (similarities - mean) / max(spread, 1e-6)


def _near_duplicate(text: str, kept: list[set[str]]) -> set[str] | None:
    words = set(tokenize(text))
    for other in kept:
        union = words | other
        if union and len(words & other) / len(union) >= 0.9:
            return None
    return words


def passage_hit(passage_id: str, text: str, meta: dict, score: float = 0.0,
                dense_rank: int | None = None, lexical_rank: int | None = None) -> SearchHit:
    """A stored passage (text and metadata) as a search hit."""
    return SearchHit(passage_id=passage_id, document_id=meta.get("document_id", ""), score=score,
                     text=text, title=meta.get("title", ""), url=meta.get("url", ""),
                     date=meta.get("date", ""), lang=meta.get("lang", ""),
                     source=meta.get("source", ""), dense_rank=dense_rank,
                     lexical_rank=lexical_rank)


class HybridRetriever:
    """Dense and BM25 rankings fused with reciprocal rank fusion, near-duplicates removed."""

    def __init__(self, store: CorpusStore, candidates: int = 30) -> None:
        self.store = store
        self.candidates = candidates
        self._lexical: LexicalIndex | None = None
        self._calibration: LanguageCalibration | None = None
        self._lock = threading.Lock()

    def _indexes(self) -> tuple[LexicalIndex, LanguageCalibration]:
        """The BM25 index and the language calibration of the store as it is now."""
        with self._lock:
            if (self._lexical is None or self._calibration is None
                    or len(self._lexical.ids) != self.store.count()):
                self._lexical = LexicalIndex(self.store)
                self._calibration = LanguageCalibration(self.store, self._lexical.fingerprint)
            return self._lexical, self._calibration

    @property
    def lexical(self) -> LexicalIndex:
        return self._indexes()[0]

    @property
    def calibration(self) -> LanguageCalibration:
        return self._indexes()[1]

    def refresh(self) -> None:
        """Forget the indexes so the next search sees newly ingested passages."""
        with self._lock:
            self._lexical = self._calibration = None

    def _dense_ranking(self, query_vector: np.ndarray, where: SearchFilter) -> list[str]:
        """Passage ids ranked by their best sentence. In a corpus of several languages the
        similarities are standardised per language, over each language's n best sentences."""
        n = 3 * self.candidates
        base = where.chroma_where()
        lexical, calibration = self._indexes()
        if where.lang or not calibration.applies:
            rows = self.store.nearest_sentences(query_vector, n, base)
            return list(dict.fromkeys(pid for pid, _ in rows))[: self.candidates]
        # One wide search usually holds every language's n best sentences (the best of a
        # language among all sentences are its own best); a language short of them gets its own.
        groups = len(calibration.counts)
        rows = self.store.nearest_sentences(query_vector, 4 * n * groups, base)
        by_group: list[list[tuple[str, float]]] = [[] for _ in range(groups)]
        for pid, similarity in rows:
            by_group[calibration.group(lexical.language_of.get(pid, ""))].append((pid, similarity))
        scored: list[tuple[float, str]] = []
        for number, found in enumerate(by_group):
            if len(found) < min(n, calibration.counts[number]):
                condition = ({"lang": calibration.languages[number]} if number < groups - 1
                             else {"lang": {"$nin": calibration.languages}})
                found = self.store.nearest_sentences(
                    query_vector, n, condition if base is None else {"$and": [base, condition]})
            if found:
                similarities = calibration.standardise(
                    number, query_vector, np.array([similarity for _, similarity in found[:n]]))
                scored.extend(zip(similarities.tolist(), [pid for pid, _ in found[:n]],
                                  strict=True))
        scored.sort(key=lambda item: -item[0])
        return list(dict.fromkeys(pid for _, pid in scored))[: self.candidates]

    def search(
        self,
        query: str,
        k: int = 8,
        where: SearchFilter | None = None,
        mode: str = "hybrid",
        query_vector: np.ndarray | None = None,
    ) -> list[SearchHit]:
        """The k passages that best match `query`. `mode` is hybrid, dense or lexical."""
        where = where or SearchFilter()
        fused: dict[str, float] = {}
        dense_rank: dict[str, int] = {}
        lexical_rank: dict[str, int] = {}
        found: dict[str, tuple[str, dict]] = {}
        if mode in ("hybrid", "dense"):
            if query_vector is None:
                query_vector = self.store.embedder.embed_queries([query])[0]
            for rank, pid in enumerate(self._dense_ranking(query_vector, where), start=1):
                dense_rank[pid] = rank
                fused[pid] = fused.get(pid, 0.0) + 1.0 / (RRF_K + rank)
        # BM25 sees only passages in the query's language. In a corpus of several languages it
        # pulls those above better ones in the others, so it votes only where nearly the whole
        # corpus is in the query's language.
        lexical_votes = mode == "lexical" or (
            mode == "hybrid"
            and self.lexical.language_share(detect_language(query)) >= MONOLINGUAL_SHARE
        )
        if lexical_votes:
            for rank, (pid, _score) in enumerate(
                self.lexical.search(query, self.candidates, where), start=1
            ):
                lexical_rank[pid] = rank
                fused[pid] = fused.get(pid, 0.0) + 1.0 / (RRF_K + rank)
        missing = [pid for pid in fused if pid not in found]
        found.update(self.store.get(missing))
        hits: list[SearchHit] = []
        kept: list[set[str]] = []
        for pid in sorted(fused, key=lambda p: -fused[p]):
            if pid not in found:
                continue
            text, meta = found[pid]
            words = _near_duplicate(text, kept)
            if words is None:
                continue
            kept.append(words)
            hits.append(passage_hit(pid, text, meta, round(fused[pid], 6),
                                    dense_rank=dense_rank.get(pid),
                                    lexical_rank=lexical_rank.get(pid)))
            if len(hits) == k:
                break
        return hits
