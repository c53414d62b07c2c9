"""The default embedded judge: the verification model reads the claim with each evidence sentence
and its probabilities decide; exact checks overrule it where they apply.

Retrieval's candidates are reranked by the same model (how much each passage's closest sentence
bears on the claim, either way) before the best `k` passages are read. The decision:

- an exact check that refutes (a wrong weekday, another date for the same event, a figure its
  wording cannot cover, another holder of the role at the time) refutes;
- else the sentence with the highest P(entailment) supports the claim when that probability is
  at least DECIDE and not below the best P(contradiction), unless a guard forbids support: a
  person the corpus never mentions, a number no cited sentence states, a statement attributed to
  someone its passage does not name, or an exact check that finds the claim's date unstated;
- else the sentence with the highest P(contradiction) refutes when it is at least DECIDE;
- else there is not enough information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ._checks import run_checks
from ._claims import SPEECH_VERBS
from ._judge import EvidenceSentence as RuleEvidence
from ._judge import _calendar_only, checked_evidence, names_in, sentences_of
from ._models import CheckResult, Citation, Claim, ClaimVerdict, Label, SearchHit, parse_date
from ._nli import Entailment, NLIModel
from ._quantities import find_quantities, supports
from ._retrieval import HybridRetriever, SearchFilter, tokenize

# Calibrated probability above which the model's answer decides: more likely than not. Not
# tuned on any suite (see agent/models/MODEL_CARD.md).
DECIDE = 0.5
# Candidates retrieval hands to the reranker, and evidence sentences the judge reads.
RERANK_CANDIDATES = 30
SENTENCES_READ = 10

_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)


@dataclass
class EvidenceSentence(RuleEvidence):
    """A sentence of a retrieved passage, its similarity to the claim and, once read, the
    model's probabilities."""

    probs: Entailment | None = None


@dataclass
class _Decision:
    label: Label
    confidence: float
    rationale: str
    cited: list[EvidenceSentence] = field(default_factory=list)


class ModelJudge:
    """Judges claims with the verification model over reranked evidence. Safe to share between
    threads."""

    parallel = False  # the model already uses every core

    def __init__(self, retriever: HybridRetriever, k: int = 8, model: NLIModel | None = None,
                 rerank: bool = True) -> None:
        self.retriever = retriever
        self.embedder = retriever.store.embedder
        self.k = k
        self.model = model or NLIModel.shared()
        self.rerank_enabled = rerank
        self.name = f"model:{self.model.name}"

    # -- retrieval and reranking ------------------------------------------------------------

    def rerank(self, query: str, hits: list[SearchHit], query_vector: np.ndarray,
               k: int) -> tuple[list[SearchHit], list[EvidenceSentence]]:
        """The k hits whose closest sentence bears most on the query (either way), and those
        sentences with the model's probabilities."""
        sentences = sentences_of(self.retriever, hits, query_vector, EvidenceSentence)
        best: dict[str, EvidenceSentence] = {}
        for e in sentences:
            best.setdefault(e.hit.passage_id, e)
        read = list(best.values())
        for e, p in zip(read, self.model.predict([(query, e.text) for e in read]), strict=True):
            e.probs = p
        rank = {h.passage_id: i for i, h in enumerate(hits)}

        def relevance(hit: SearchHit) -> float:
            e = best.get(hit.passage_id)
            return round(e.probs.relevance, 6) if e and e.probs else 0.0

        ordered = sorted(hits, key=lambda h: (-relevance(h), rank[h.passage_id]))[:k]
        # a reranked hit's score is the model's relevance of its closest sentence
        return [h.model_copy(update={"score": relevance(h)}) for h in ordered], sentences

    def search(self, query: str, k: int = 8, where: SearchFilter | None = None) -> list[SearchHit]:
        """Hybrid search whose candidates are reranked by the model."""
        query_vector = self.embedder.embed_queries([query])[0]
        hits = self.retriever.search(query, k=max(k, RERANK_CANDIDATES), where=where,
                                     query_vector=query_vector)
        return self.rerank(query, hits, query_vector, k)[0]

    def gather(self, claim: Claim) -> list[EvidenceSentence]:
        """The evidence sentences of the best k passages after reranking, most similar first;
        those the reranker read carry the model's probabilities."""
        query_vector = self.embedder.embed_queries([claim.text])[0]
        if not self.rerank_enabled:
            hits = self.retriever.search(claim.text, k=self.k, query_vector=query_vector)
            return sentences_of(self.retriever, hits, query_vector, EvidenceSentence)
        hits = self.retriever.search(claim.text, k=RERANK_CANDIDATES, query_vector=query_vector)
        kept, sentences = self.rerank(claim.text, hits, query_vector, self.k)
        ids = {h.passage_id for h in kept}
        return [e for e in sentences if e.hit.passage_id in ids]

    # -- decision ---------------------------------------------------------------------------

    def judge(self, claim: Claim, evidence: list[EvidenceSentence] | None = None,
              ledger: object = None) -> ClaimVerdict:
        """The verdict on one claim; `evidence` from `gather` saves retrieving it again."""
        if evidence is None:
            evidence = self.gather(claim)
        read = self._read(claim.text, evidence)
        checked, contexts = checked_evidence(self.retriever, read, EvidenceSentence)
        considered = list(dict.fromkeys(e.hit.passage_id for e in [*evidence, *checked]))
        checks = run_checks(claim.text, [e.text for e in checked], _as_of(claim), contexts)
        decision = self._decide(claim, read, checks, checked)
        citations = [
            Citation(passage_id=e.hit.passage_id, document_id=e.hit.document_id, quote=e.text,
                     title=e.hit.title, url=e.hit.url, date=e.hit.date)
            for e in decision.cited
            if e.text in e.hit.text  # the quote must occur verbatim in the cited passage
        ]
        if (decision.label != Label.NOT_ENOUGH_INFO and not citations
                and not _calendar_only(checks, decision.label)):
            decision = _Decision(Label.NOT_ENOUGH_INFO, 0.5,
                                 "No verbatim evidence could be cited.")
        return ClaimVerdict(claim=claim, label=decision.label,
                            confidence=round(decision.confidence, 3),
                            rationale=decision.rationale, citations=citations,
                            considered=considered, checks=checks)

    def _read(self, claim: str, evidence: list[EvidenceSentence]) -> list[EvidenceSentence]:
        """The sentences the model reads: the most similar, and those the reranker read that
        bear on the claim; ordered by relevance, the most relevant first."""
        chosen = list(evidence[:SENTENCES_READ])
        chosen += [e for e in evidence[SENTENCES_READ:]
                   if e.probs is not None and e.probs.relevance >= DECIDE]
        todo = [e for e in chosen if e.probs is None]
        for e, p in zip(todo, self.model.predict([(claim, e.text) for e in todo]), strict=True):
            e.probs = p
        return sorted(chosen, key=lambda e: -(e.probs.relevance if e.probs else 0.0))

    def _decide(self, claim: Claim, read: list[EvidenceSentence], checks: list[CheckResult],
                checked: list[EvidenceSentence]) -> _Decision:
        """The decision from the model's reading and the exact checks (over `checked`)."""
        if not read:
            return _Decision(Label.NOT_ENOUGH_INFO, 0.9, "The corpus has no passage on this claim.")
        by_quote = {e.text: e for e in checked}
        for check in checks:
            if check.outcome == Label.REFUTED:
                cited = [by_quote[check.quote]] if check.quote in by_quote else []
                return _Decision(Label.REFUTED, 0.95, check.detail, cited)
        entail = max(read, key=lambda e: e.probs.entailment if e.probs else 0.0)
        contra = max(read, key=lambda e: e.probs.contradiction if e.probs else 0.0)
        p_e = entail.probs.entailment if entail.probs else 0.0
        p_c = contra.probs.contradiction if contra.probs else 0.0
        if p_e >= DECIDE and p_e >= p_c:
            guard = self._support_guard(claim.text, entail, checks)
            if guard is None:
                return _Decision(Label.SUPPORTED, p_e,
                                 "The model finds that an evidence sentence states the claim.",
                                 [entail])
            if p_c < DECIDE:
                return _Decision(Label.NOT_ENOUGH_INFO, max(0.5, 1 - p_c), guard)
        if p_c >= DECIDE:
            return _Decision(Label.REFUTED, p_c,
                             "The model finds that an evidence sentence contradicts the claim.",
                             [contra])
        return _Decision(Label.NOT_ENOUGH_INFO, max(0.5, 1 - max(p_e, p_c)),
                         "The passages found do not state or contradict the claim.")

    def _support_guard(self, claim: str, cited: EvidenceSentence,
                       checks: list[CheckResult]) -> str | None:
        """Why the claim cannot be SUPPORTED by this sentence, or None when nothing forbids it."""
        for guard in (self._unknown_person, _unstated_by_checks, _unstated_number,
                      _absent_speaker):
            reason = guard(claim, cited, checks)
            if reason:
                return reason
        return None

    def _unknown_person(self, claim: str, cited: EvidenceSentence,
                        checks: list[CheckResult]) -> str | None:
        """A person the corpus never mentions cannot be confirmed by it."""
        unknown = [n for n in names_in(claim) if not any(self._known(w) for w in n.split())]
        return f"The corpus never mentions {', '.join(unknown)}." if unknown else None

    def _known(self, word: str) -> bool:
        """Whether a word occurs anywhere in the corpus."""
        tokens = tokenize(word)
        return bool(tokens) and all(self.retriever.lexical.knows(t) for t in tokens)


def _unstated_by_checks(claim: str, cited: EvidenceSentence, checks: list[CheckResult]
                        ) -> str | None:
    """An exact check found that the evidence on the same event does not give the claim's
    value (a date, a figure)."""
    return next((c.detail for c in checks if c.outcome == Label.NOT_ENOUGH_INFO), None)


def _unstated_number(claim: str, cited: EvidenceSentence, checks: list[CheckResult]
                     ) -> str | None:
    """A claim resting on a number needs a cited sentence that states a number fitting it."""
    stated = find_quantities(cited.text)
    missing = [c.text for c in find_quantities(claim)
               if not c.is_year and not any(supports(c, s) for s in stated)]
    return (f"No evidence sentence found states {', '.join(repr(m) for m in missing)}."
            if missing else None)


def _absent_speaker(claim: str, cited: EvidenceSentence, checks: list[CheckResult]
                    ) -> str | None:
    """A statement attributed to someone needs a passage that names them."""
    speech = _SPEECH.search(claim)
    speakers = names_in(claim[: speech.start()]) if speech else []
    absent = [s for s in speakers if s.split()[-1] not in cited.hit.text]
    return f"No passage found attributes this statement to {absent[0]}." if absent else None


def _as_of(claim: Claim) -> date | None:
    return parse_date(claim.as_of) if claim.as_of else None
