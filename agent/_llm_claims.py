"""The LLM claim extractor: a chat model splits numbered article sentences into atomic,
self-contained claims; which sentence (and so which span) each claim comes from is checked in
code against the article, never taken on trust."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, Field

from ._claims import Sentence, detect_language, split_sentences
from ._errors import BackendError
from ._llm import ChatClient, Ledger
from ._models import Claim
from ._prompts import defuse, load_prompt

# Article sentences sent in one call; a window ends before it passes this many characters.
WINDOW_CHARS = 1200
# Sentences before a window that are shown as context (for names behind pronouns).
CONTEXT_SENTENCES = 2
# Share of a claim's words that must occur in the sentences and context the model was shown;
# below it, the claim says something the article does not, and is dropped.
GROUNDING_OVERLAP = 0.6


class ExtractedClaim(BaseModel):
    sentence: str = Field(description="id of the source sentence, e.g. S3")
    claim: str


class ExtractionAnswer(BaseModel):
    claims: list[ExtractedClaim] = Field(default_factory=list)


def _words(text: str) -> set[str]:
    """Content words: longer than three letters, or holding a digit."""
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3 or re.search(r"\d", w)}


def windows(sentences: list[Sentence], limit: int = WINDOW_CHARS) -> list[list[int]]:
    """Consecutive sentence indexes, grouped so that each group stays under `limit` characters."""
    groups: list[list[int]] = []
    size = 0
    for index, sentence in enumerate(sentences):
        if groups and size + len(sentence.text) <= limit:
            groups[-1].append(index)
            size += len(sentence.text)
        else:
            groups.append([index])
            size = len(sentence.text)
    return groups


def grounding(claim: str, shown: str) -> float:
    """Share of the claim's content words that occur in the text the model was shown."""
    words = _words(claim)
    return len(words & _words(shown)) / len(words) if words else 0.0


class LLMClaimExtractor:
    """Extracts claims with a chat model, a window of sentences per call."""

    def __init__(self, client: ChatClient, prompt: str = "extract-claims.v3") -> None:
        self.client = client
        self.prompt = load_prompt(prompt)
        self.name = f"llm:{client.model}|{self.prompt.ref}"

    @property
    def prompts(self) -> dict[str, str]:
        return {self.prompt.ref: self.prompt.sha256}

    def extract(self, article: str, ledger: Ledger | None = None) -> list[Claim]:
        """The claims of an article, in article order. Raises BackendError when no window could
        be read (a model that is down); a window that fails alone is skipped, and the ledger
        gets a warning naming its sentences, as it does when a readable article yields no
        claim."""
        ledger = ledger or Ledger()
        sentences = split_sentences(article, detect_language(article))
        groups = windows(sentences)
        with ThreadPoolExecutor(self.client.settings.llm_concurrency) as pool:
            results = list(pool.map(lambda g: self._window(sentences, g, ledger), groups))
        failures = [r for r in results if isinstance(r, BackendError)]
        if groups and len(failures) == len(groups):
            raise failures[0]
        for group, result in zip(groups, results, strict=True):
            if isinstance(result, BackendError):
                ledger.warn(f"claim extraction skipped sentences {group[0] + 1} to "
                            f"{group[-1] + 1} of {len(sentences)}: {result}")
        found = [pair for r in results if not isinstance(r, BackendError) for pair in r]
        if sentences and not found:
            dropped = ledger.usage.dropped_claims
            ledger.warn(f"the model extracted no claim from {len(sentences)} sentences"
                        f"{f' ({dropped} dropped as not in the article)' if dropped else ''}; "
                        "if the article states facts, check FACTCHECK_LLM_JSON_MODE and the "
                        "extraction prompt, or use --extractor embedded")
        claims: list[Claim] = []
        for text, sentence in found:
            claims.append(Claim(id=f"c{len(claims) + 1:03d}", text=text, sentence=sentence.text,
                                start=sentence.start, end=sentence.end))
        return claims

    def _window(self, sentences: list[Sentence], group: list[int], ledger: Ledger
                ) -> list[tuple[str, Sentence]] | BackendError:
        first = group[0]
        context_ids = sorted({0, *range(max(0, first - CONTEXT_SENTENCES), first)} - set(group))
        context = " ".join(sentences[i].text for i in context_ids)
        numbered = "\n".join(f"S{n}: {defuse(sentences[i].text)}" for n, i in enumerate(group, 1))
        try:
            answer = self.client.structured(
                self.prompt, {"context": defuse(context) or "(start of the article)",
                              "sentences": numbered}, ExtractionAnswer, ledger)
        except BackendError as exc:
            return exc
        found, dropped = [], 0
        for item in answer.claims:
            text = " ".join(item.claim.split())
            sentence = self._source(item, [sentences[i] for i in group], context)
            if sentence is None or not text:
                dropped += 1
                continue
            found.append((text, sentence))
        if dropped:
            ledger.record(dropped_claims=dropped)
            self.client.lifetime.record(dropped_claims=dropped)
        found.sort(key=lambda pair: pair[1].start)  # stable: keeps the model's order per sentence
        return found

    @staticmethod
    def _source(item: ExtractedClaim, window: list[Sentence], context: str) -> Sentence | None:
        """The window sentence a claim comes from, or None when the claim's words are not in
        what the model was shown. The source is the sentence sharing most numbers, then most
        words, with the claim; the one the model named wins a tie."""
        shown = " ".join([context, *(s.text for s in window)])
        if grounding(item.claim, shown) < GROUNDING_OVERLAP:
            return None
        match = re.fullmatch(r"\s*S?(\d+)\s*", item.sentence, re.IGNORECASE)
        named = int(match.group(1)) - 1 if match else -1
        words = _words(item.claim)
        numbers = {w for w in words if re.search(r"\d", w)}
        shared = [words & _words(s.text) for s in window]
        ranked = sorted(range(len(window)), key=lambda i: (
            -len(shared[i] & numbers), -len(shared[i]), i != named))
        return window[ranked[0]]
