"""The LLM judge: a chat model reads the claim and the top retrieved passages and answers with a
label, confidence, rationale and quotes; every quote is checked verbatim in code."""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from ._checks import format_checks, run_checks
from ._errors import BackendError
from ._judge import EvidenceSentence, checked_evidence
from ._llm import ChatClient, Ledger
from ._models import CheckResult, Citation, Claim, ClaimVerdict, Label, SearchHit, parse_date
from ._prompts import defuse, load_prompt
from ._retrieval import HybridRetriever

# Characters of each passage shown to the model; long passages are cut at a sentence end.
PASSAGE_CHARS = 900
_QUOTE_CHARS = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'",
                              "–": "-", "—": "-", "\u00a0": " "})


class CitedQuote(BaseModel):
    passage: str = Field(description="passage id as shown, e.g. P1")
    quote: str = Field(description="words copied exactly from that passage")


class JudgeAnswer(BaseModel):
    """What the judging prompt asks the model for; the rationale comes first so the model
    reasons before it labels."""

    rationale: str
    label: Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
    confidence: float = Field(ge=0.0, le=1.0)
    citations: list[CitedQuote] = Field(default_factory=list)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTE_CHARS)).strip()


def locate_quote(quote: str, passage: str) -> str | None:
    """The passage's own words for `quote`, when the quote occurs in it verbatim (ignoring
    differences in whitespace and in the typography of quote marks and dashes); else None."""
    quote = quote.strip().strip('"').strip()
    if len(quote) < 8:
        return None
    if quote in passage:
        return quote
    target = _normalise(quote)
    # map every position of the normalised passage back to the original text
    normalised: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(passage.translate(_QUOTE_CHARS)):
        if char.isspace():
            if normalised and normalised[-1] == " ":
                continue
            char = " "
        normalised.append(char)
        origin.append(index)
    found = "".join(normalised).find(target)
    if found < 0:
        return None
    return passage[origin[found] : origin[found + len(target) - 1] + 1]


def _excerpt(text: str, limit: int = PASSAGE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut + " …"


def focus(sentences: list[str], similarities: np.ndarray, keep: int) -> str:
    """The `keep` sentences most similar to the claim, in their passage order, "…" marking
    what was left out between them."""
    chosen = sorted(np.argsort(-similarities)[:keep].tolist())
    parts, previous = [], -1
    for index in chosen:
        if index != previous + 1:
            parts.append("…")
        parts.append(sentences[index])
        previous = index
    if previous != len(sentences) - 1:
        parts.append("…")
    return " ".join(parts)


class LLMJudge:
    """Judges a claim with a chat model over the top `passages` retrieved passages. With
    `sentences` > 0 the model sees only that many sentences of each passage, those closest to
    the claim: a much shorter prompt, for small or slow models."""

    parallel = True  # claims are judged concurrently: the time goes into waiting for the server

    def __init__(self, retriever: HybridRetriever, client: ChatClient, k: int = 8,
                 passages: int = 4, sentences: int = 0, prompt: str = "judge-claim.v3"
                 ) -> None:
        self.retriever = retriever
        self.client = client
        self.k = k
        self.passages = passages
        self.sentences = sentences
        self.prompt = load_prompt(prompt)
        shown = f"|{sentences} sentences" if sentences else ""
        self.name = f"llm:{client.model}|{self.prompt.ref}{shown}"

    @property
    def prompts(self) -> dict[str, str]:
        return {self.prompt.ref: self.prompt.sha256}

    def gather(self, claim: Claim) -> list[SearchHit]:
        """The passages the model will read, best first; with `sentences`, each hit's text is
        cut down to the sentences closest to the claim."""
        query = self.retriever.store.embedder.embed_queries([claim.text])[0]
        hits = self.retriever.search(claim.text, k=self.k, query_vector=query)[: self.passages]
        if not self.sentences:
            return hits
        by_passage = self.retriever.store.passage_sentences([h.passage_id for h in hits])
        focused = []
        for hit in hits:
            sentences, vectors = by_passage.get(hit.passage_id, ([], None))
            if len(sentences) > self.sentences:
                hit = hit.model_copy(update={"text": focus(sentences, vectors @ query,
                                                           self.sentences)})
            focused.append(hit)
        return focused

    def judge(self, claim: Claim, evidence: list[SearchHit] | None = None,
              ledger: Ledger | None = None) -> ClaimVerdict:
        """The verdict on one claim. A failed call, an answer that stays invalid after its
        repair, or a spent budget gives a verdict without a label that says why."""
        hits = self.gather(claim) if evidence is None else evidence
        ledger = ledger or Ledger()
        considered = [h.passage_id for h in hits]
        if not hits:
            return ClaimVerdict(claim=claim, label=Label.NOT_ENOUGH_INFO, confidence=1.0,
                                rationale="The reference corpus holds no passage on this claim.")
        shown = {f"P{n}": hit for n, hit in enumerate(hits, 1)}
        passages = "\n\n".join(
            f'<passage id="{pid}" source="{defuse(hit.title or hit.document_id)}"'
            f' date="{hit.date}">\n{defuse(_excerpt(hit.text))}\n</passage>'
            for pid, hit in shown.items()
        )
        checks, checked = self._checks(claim, hits)
        considered = list(dict.fromkeys([*considered, *(e.hit.passage_id for e in checked)]))
        shown_checks = defuse(format_checks(checks)) or "Exact checks: none applied."
        try:
            answer = self.client.structured(
                self.prompt,
                {"claim": defuse(claim.text), "passages": passages, "checks": shown_checks},
                JudgeAnswer, ledger)
        except BackendError as exc:
            return ClaimVerdict(claim=claim, label=None, confidence=0.0,
                                rationale=f"Not judged: {exc}", considered=considered,
                                error=str(exc))
        # quotes are checked against the stored passages, not against what the model was shown
        stored = self.retriever.store.get([h.passage_id for h in hits])
        citations, dropped = [], 0
        for cited in answer.citations:
            hit = shown.get(cited.passage.strip().upper())
            passage = stored.get(hit.passage_id, (hit.text, {}))[0] if hit else ""
            quote = locate_quote(cited.quote, passage) if hit else None
            if hit is None or quote is None:
                dropped += 1
                continue
            citations.append(Citation(passage_id=hit.passage_id, document_id=hit.document_id,
                                      quote=quote, title=hit.title, url=hit.url, date=hit.date))
        if dropped:
            ledger.record(dropped_citations=dropped)
            self.client.lifetime.record(dropped_citations=dropped)
        label, rationale = Label(answer.label), answer.rationale.strip()
        confidence = answer.confidence
        if label != Label.NOT_ENOUGH_INFO and not citations:
            # a verdict must rest on words that are really in the corpus
            rationale = (f"The model answered {label.value}, but none of its quotes occurs "
                         f"verbatim in the passages it cited. Its reasoning: {rationale}")
            label, confidence = Label.NOT_ENOUGH_INFO, 0.5
        refuting = next((c for c in checks if c.outcome == Label.REFUTED), None)
        if refuting is not None and label != Label.REFUTED:
            # an exact check overrides the model
            label, confidence, rationale = Label.REFUTED, 0.95, refuting.detail
            citations = [
                Citation(passage_id=e.hit.passage_id, document_id=e.hit.document_id,
                         quote=e.text, title=e.hit.title, url=e.hit.url, date=e.hit.date)
                for e in checked
                if e.text == refuting.quote
                and e.text in stored.get(e.hit.passage_id, (e.hit.text, {}))[0]
            ][:1]
        return ClaimVerdict(claim=claim, label=label, confidence=round(confidence, 3),
                            rationale=rationale, citations=citations, considered=considered,
                            checks=checks)

    def _checks(self, claim: Claim, hits: list[SearchHit]
                ) -> tuple[list[CheckResult], list[EvidenceSentence]]:
        """The exact checks of the claim against the sentences of the passages shown and the
        rest of their documents, and the sentences they read."""
        by_passage = self.retriever.store.passage_sentences([h.passage_id for h in hits])
        shown = [EvidenceSentence(s, h, 0.0) for h in hits
                 for s in (by_passage[h.passage_id][0] if h.passage_id in by_passage
                           else [h.text])]
        checked, contexts = checked_evidence(self.retriever, shown, EvidenceSentence,
                                             best=len(shown))
        as_of = parse_date(claim.as_of) if claim.as_of else None
        return run_checks(claim.text, [e.text for e in checked], as_of, contexts), checked
