"""The rule judge, the default: decides a claim from retrieved passages by rules, each a unit that
decides or passes (the verification model's own judge, agent/_nli_judge.py, is selected with
`--judge model` and is experimental). The rules reason about how closely an evidence sentence
says the same thing (multilingual embeddings) and whether it gives the claim's figures and names,
whether the numbers agree, whether a named person is known to the corpus at all, who holds a
role, negation and words of opposite meaning; the exact checks of agent/_checks.py overrule them.
What they leave undecided, the verification model may confirm by reading the claim with a close
sentence; it never refutes. Topical similarity alone never counts as support. The confidence of
a verdict is calibrated per label (agent/_calibration.py).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import numpy as np

from ._calibration import load_calibration
from ._checks import (
    SentenceContext,
    check_role,
    earliest_day,
    office_phrase,
    run_checks,
    unstated_days,
)
from ._claims import ROLE_NOUNS, SPEECH_VERBS, TITLES, detect_language
from ._coreference import is_first_name
from ._models import CheckResult, Citation, Claim, ClaimVerdict, Label, SearchHit, parse_date
from ._nli import NLIModel, model_name
from ._quantities import (
    SUBGROUP,
    Quantity,
    comparable,
    contradicts,
    earlier_period,
    find_quantities,
    share_of_subgroup,
    supports,
    tallies,
)
from ._retrieval import HybridRetriever, passage_hit, tokenize

# Similarity of claim and best evidence sentence (multilingual-e5-small, cosine) above which the
# sentence may state the claim (if it also gives the claim's figures and names).
# Above SAME_FACT_THRESHOLD, an evidence sentence may be about the same fact, so a number that
# differs from the claim's contradicts it (where its passage names the claim's names).
# Both fitted by benchmarks/fit_thresholds.py (grid 0.80-0.90) on the tuning suites, never
# reported: Factcheck-Bench in claims mode and evals/tuning/planted-news-dev in claims and
# articles mode; on 2026-12-02 mean macro-F1 0.491 at 0.89 (0.462 at 0.86, the value set on the
# seed suite before) and 0.495 on the plateau 0.80-0.84 of SAME_FACT_THRESHOLD (0.491 at 0.83).
SUPPORT_THRESHOLD = 0.89
SAME_FACT_THRESHOLD = 0.82
# Across languages, a sentence may state a claim (or two statements are one translated) above
# this similarity: a multilingual model scores a translation lower than a paraphrase in the
# same language. Kept at the value it had before the fit (0.86): the tuning suites hold too few
# claims whose evidence is in another language to fit it.
TRANSLATION_THRESHOLD = 0.86
# The verification model's calibrated P(entailment) from which it may support a claim the rules
# leave undecided: more likely than not (a decision rule, not tuned; as DECIDE in _nli_judge.py).
READ_DECIDE = 0.5


def support_threshold(claim: str, sentence: str) -> float:
    """The similarity above which a sentence may state a claim: lower across languages."""
    same = detect_language(claim) == detect_language(sentence)
    return SUPPORT_THRESHOLD if same else TRANSLATION_THRESHOLD


# Two unit words ("Raketen", "missiles") name the same thing above this similarity.
UNIT_THRESHOLD = 0.9
_NEGATION = re.compile(
    r"\b(?:nicht|nichts|kein|keine|keinen|keinem|keiner|keines|nie|niemals|niemand|weder|"
    r"not|no|never|none|nobody|nothing|neither|nor)\b|n't\b",
    re.IGNORECASE,
)
# Above this similarity, a sentence that says the same with opposite polarity contradicts.
NEGATION_THRESHOLD = 0.92
# Words of opposite meaning (German and English forms): a sentence that says the claim with the
# other side's word says the opposite. Only pairs whose subject stays the subject: "A beat B" and
# "B lost to A" say the same, so winning and losing, and comparatives, are not here.
_OPPOSITES = (
    ("rose rise rises risen rising increased increase increases grew grown grows climbed "
     "stieg stiegen steigt steigen gestiegen steigend steigende wuchs wuchsen gewachsen "
     "wachsend zugenommen zunehmend",
     "fell fall falls fallen falling decreased decrease decreases declined declines declining "
     "dropped shrank shrunk sank sanken sinkt sinken gesunken sinkend fiel fielen schrumpfte "
     "geschrumpft abgenommen abnehmend rückläufig rückläufige"),
    ("approved approve approves accepted accept accepts billigte billigten gebilligt genehmigte "
     "genehmigten genehmigt angenommen",
     "rejected reject rejects refused refuse refuses vetoed lehnte lehnten abgelehnt verwarf "
     "verwarfen verworfen"),
    ("praised praise praises lobte lobten gelobt",
     "criticised criticized criticise criticize criticises criticizes condemned kritisierte "
     "kritisierten kritisiert verurteilte verurteilten"),
    ("confirmed confirm confirms bestätigte bestätigten bestätigt",
     "denied deny denies bestritt bestritten dementierte dementierten dementiert"),
    ("allowed allow allows permitted legalised legalized erlaubte erlaubten erlaubt",
     "banned ban bans prohibited verbot verboten untersagte untersagt"),
    ("raised erhöhte erhöhten erhöht", "lowered cut senkte senkten gesenkt"),
    # a plan carried out or kept, against a plan given up
    ("build builds building proceed proceeds baut bauen errichtet errichten",
     "shelved shelves scrapped scraps abandoned abandons cancelled canceled axed gestoppt "
     "gestrichen aufgegeben abgesagt"),
)
_OPPOSITE_SIDES = [(frozenset(a.split()), frozenset(b.split())) for a, b in _OPPOSITES]
_OPPOSITE_WORDS = frozenset().union(*(a | b for a, b in _OPPOSITE_SIDES))


def opposite_words(claim: str, evidence: str) -> tuple[str, str] | None:
    """A word of the claim and its opposite in the evidence ("rose", "fell"), where the claim
    has only one side of a pair and the evidence only the other; else None."""
    said, stated = set(tokenize(claim)), set(tokenize(evidence))
    for one, other in _OPPOSITE_SIDES:
        for mine, theirs in ((one, other), (other, one)):
            if said & mine and not said & theirs and stated & theirs and not stated & mine:
                return min(said & mine), min(stated & theirs)
    return None


# Share of a quotation's words that a same-language sentence must give to report it: at least
# half (a decision rule; quotations are verbatim, reported speech keeps most words).
QUOTE_WORDS = 0.5
# Share of words (Jaccard) above which a same-language sentence restates the claim.
RESTATE_OVERLAP = 0.6
# German noun endings that person names rarely have ("Bewegung", "Regierung", "Sicherheit").
_COMMON_NOUN = re.compile(r"(?:ung|ungen|heit|keit|schaft|tion|tionen|ität|ismus|nahme)$")
_PERSON = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß'-]+)(?:\s+(?:[A-ZÄÖÜ][a-zäöüß'-]+|[A-Z][a-z]+-[a-z]+)){1,2}"
)
_INDEFINITE_ROLE = re.compile(r"^(?:eine?|einer|einem|a|an|one of)\s", re.IGNORECASE)
# Roles that many hold at once, whatever the article: a politician, a member of a body.
_ONE_OF_MANY = re.compile(r"politiker|politician|abgeordnete|mitglied|member|\bmps?\b",
                          re.IGNORECASE)
_ROLE_CLAIM = re.compile(
    rf"^(?:(?:{TITLES})\s+)*(?P<name>[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){{1,3}})\s+"
    rf"(?:\(.*?\)\s+)?(?:ist|war|is|was|wird|has been)\s+(?:\(.*?\)\s+)?"
    rf"(?P<role>.*{ROLE_NOUNS}.*)$",
)
# Where a role claim's second predicate starts: "ist Ministerin und warb ...", "is the director
# and steered ...": the office ends there.
_SECOND_PREDICATE = re.compile(
    r"\s+und\s+(?=[a-zäöüß]+\s)|\s+and\s+(?=(?:\w+ed|is|was|has|had|said|led|took|won|made|"
    r"leads|runs|oversees)\s)")
_QUOTE_CLAIM = re.compile(
    rf"^(?P<speaker>.+?)\s+(?:\(.*?\)\s+)?(?:{SPEECH_VERBS}|bezeichnete|called)\b(?P<said>.+)$",
    re.DOTALL,
)
_FORMER = re.compile(
    r"\b(?:former|ehemalig\w*|früher\w*|ex-|until|bis zum|ended|endete|successor|nachfolge\w*|"
    r"followed by|took over|replaced|abgelöst)\b",
    re.IGNORECASE,
)


# Words of amounts that German capitalises ("32 Millionen Euro"): never part of a name.
_AMOUNT_WORDS = {"tausend", "million", "millionen", "milliarde", "milliarden", "billion",
                 "billionen", "euro", "dollar", "pfund", "franken", "rubel", "yen", "prozent",
                 "prozentpunkte"}
# Currencies by symbol, code and name (German and English): two amounts in different currencies
# never count the same thing.
_CURRENCIES = {
    "EUR": ("€", "eur", "euro", "euros"),
    "USD": ("$", "usd", "dollar", "dollars", "us-dollar"),
    "GBP": ("£", "gbp", "pfund", "pound", "pounds"),
    "CHF": ("chf", "franken", "swiss francs"),
    "JPY": ("¥", "jpy", "yen"),
    "RUB": ("rub", "rubel", "rouble", "roubles", "ruble", "rubles"),
    "CNY": ("cny", "yuan", "renminbi"),
}
_CURRENCY_OF = {name: code for code, names in _CURRENCIES.items() for name in names}


def _currency(unit: str) -> str | None:
    """The code of the currency a unit names ("Euro", "€", "dollars"), else None."""
    return _CURRENCY_OF.get(unit.lower().strip())


# Lower-case particles inside names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
_PARTICLES = {"de", "da", "del", "der", "den", "di", "du", "van", "von", "zu", "bin", "ibn",
              "al", "el", "le", "la", "y"}
_PREFIXED = re.compile(r"(?:al|el|ad|ar|as|at|an|ibn|bin)-[A-ZÀ-ÖØ-Þ]")  # "al-Baghdadi"
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\S")


def names_in(text: str) -> list[str]:
    """Runs of two or more capitalised words in any script, titles, stop words and common-noun
    endings left out, particles kept inside: e.g. ["François Hollande"]. The word after a number
    or an amount word is what is counted ("48 Millionen Tonnen Fracht"), not a name."""
    found: list[str] = []
    current: list[str] = []
    counted, digits = False, ""

    def flush() -> None:
        while current and current[-1].lower() in _PARTICLES:
            current.pop()
        if sum(w[:1].isupper() for w in current) >= 2:
            found.append(" ".join(current))
        current.clear()

    for word in _WORD.findall(text):
        capitalised = (word[:1].isupper() and word[:1].isalpha() and tokenize(word)
                       and not re.fullmatch(TITLES, word) and not _COMMON_NOUN.search(word)
                       and word.lower() not in _AMOUNT_WORDS and not counted)
        digits = digits + word if word.isdigit() else digits if word in ".," else ""
        year = len(digits) == 4 and 1800 <= int(digits) <= 2100
        counted = bool(digits) and not year or word.lower() in _AMOUNT_WORDS
        particle = bool(current) and (word.lower() in _PARTICLES
                                      or bool(_PREFIXED.match(word)))
        if capitalised or particle:
            current.append(word)
        else:
            flush()
    flush()
    return found


@dataclass
class EvidenceSentence:
    """A sentence of a retrieved passage and its similarity to the claim."""

    text: str
    hit: SearchHit
    similarity: float


# Reference documents are trusted for facts, never for instructions: a sentence that tells the
# reader how to judge (it names a verdict label, or asks to ignore instructions) is no evidence.
_INSTRUCTION = re.compile(
    r"\b(?:SUPPORTED|REFUTED|NOT_ENOUGH_INFO)\b|"
    r"\b(?:ignore|disregard|ignoriere|ignorieren|missachte)\w*\b.{0,40}?"
    r"\b(?:instructions?|prompts?|rules|anweisungen|regeln|vorgaben)\b",
    re.IGNORECASE,
)


def is_instruction(sentence: str) -> bool:
    """Whether a sentence addresses the checker instead of stating a fact."""
    return bool(_INSTRUCTION.search(sentence))


Evidence = TypeVar("Evidence", bound=EvidenceSentence)


def sentences_of(retriever: HybridRetriever, hits: list[SearchHit], query_vector: np.ndarray,
                 kind: type[Evidence]) -> list[Evidence]:
    """The stored sentences of the hits as `kind`, with their similarity to the query, most
    similar first; sentences that address the checker are left out."""
    by_passage = retriever.store.passage_sentences([h.passage_id for h in hits])
    found: list[Evidence] = []
    for hit in hits:
        sentences, vectors = by_passage.get(hit.passage_id, ([], np.zeros((0, 1))))
        sims = vectors @ query_vector if len(sentences) else []
        found.extend(kind(s, hit, float(v)) for s, v in zip(sentences, sims, strict=True)
                     if not is_instruction(s))
    return sorted(found, key=lambda e: -e.similarity)


@dataclass(frozen=True)
class Decision:
    """A rule's verdict on a claim: the label, why, and the evidence sentences it rests on. How
    sure the judge is of it comes from agent/_calibration.py, by label."""

    label: Label
    rationale: str
    cited: list[EvidenceSentence] = field(default_factory=list)


# One rule of the judge: the claim, its evidence sentences (most similar first) and whether the
# exact checks found its figures stated, to a decision, or None where the rule does not apply.
Rule = Callable[[str, list[EvidenceSentence], bool], Decision | None]
# Evidence sentences the exact checks read: the most similar to the claim, then the rest of the
# documents of the most similar `CHECKED_DOCUMENTS` (up to `CHECKED_LIMIT` sentences in all).
CHECKED_SENTENCES = 12
CHECKED_DOCUMENTS = 5
CHECKED_LIMIT = 80


def checked_evidence(retriever: HybridRetriever, evidence: list[Evidence], kind: type[Evidence],
                     best: int = CHECKED_SENTENCES
                     ) -> tuple[list[Evidence], dict[str, SentenceContext]]:
    """The sentences the exact checks read, with each one's context: the `best` evidence
    sentences (the most similar to the claim), then the other sentences of their documents, which
    often hold the date or the participants of the same event ("the minister would continue to
    Oslo the next day")."""
    first = evidence[:best]
    documents = list(dict.fromkeys(e.hit.document_id for e in first))[:CHECKED_DOCUMENTS]
    passages = retriever.store.document_passages(documents)
    by_passage = retriever.store.passage_sentences(list(passages))
    order = sorted(passages, key=lambda pid: (documents.index(passages[pid][1]["document_id"]),
                                              passages[pid][1].get("index", 0)))
    read, seen = list(first), {e.text for e in first}
    for pid in order:
        hit = passage_hit(pid, *passages[pid])
        for sentence in by_passage.get(pid, ([], None))[0]:
            if len(read) < CHECKED_LIMIT and sentence not in seen and not is_instruction(sentence):
                read.append(kind(sentence, hit, 0.0))
                seen.add(sentence)
    contexts = {e.text: SentenceContext(f"{e.hit.title}. {e.hit.text}", parse_date(e.hit.date))
                for e in reversed(read)}
    return read, contexts


def _not_before(claim: Claim, evidence: list[EvidenceSentence], as_of: date | None
                ) -> list[EvidenceSentence]:
    """The evidence without the documents published before the past event the claim dates could
    have happened ("am Mittwoch" in an article of 19 September 2025 is no event that a press
    release of June 2024 reports): they speak of an earlier one. A planned event, after the
    article's date, may be announced before it."""
    since = earliest_day(claim.text, as_of)
    if since is None or since > (as_of or date.today()):
        return evidence
    return [e for e in evidence if not ((last := _last_day(e.hit.date)) and last < since)]


def _last_day(published: str) -> date | None:
    """The last day a document's date can stand for ("2024" for 31 December 2024)."""
    first = parse_date(published)
    if first is None:
        return None
    precision = len(published.strip()[:10].split("-"))
    if precision == 1:
        return date(first.year, 12, 31)
    if precision == 2:
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def overrule(checks: list[CheckResult], decision: Decision, evidence: list[EvidenceSentence]
             ) -> Decision:
    """The exact checks over a judge's decision: one that refutes decides, citing the sentence
    it rests on; one that finds the claim's value unstated forbids support; where the judge
    finds no sentence stating the claim but the quantity check finds every figure of it in a
    sentence on the same event, and no check disagrees, that sentence supports it."""
    for check in checks:
        if check.outcome == Label.REFUTED:
            cited = [e for e in evidence if e.text == check.quote][:1]
            return Decision(Label.REFUTED, check.detail, cited)
    if decision.label == Label.SUPPORTED:
        unstated = next((c for c in checks if c.outcome == Label.NOT_ENOUGH_INFO), None)
        if unstated is not None:
            return Decision(Label.NOT_ENOUGH_INFO, unstated.detail)
    figures = next((c for c in checks if c.kind == "quantity"), None)
    if decision.label == Label.NOT_ENOUGH_INFO and figures is not None and all(
            c.outcome == Label.SUPPORTED for c in checks):
        cited = [e for e in evidence if e.text == figures.quote][:1]
        if cited:
            return Decision(Label.SUPPORTED, figures.detail, cited)
    return decision


_QUOTATION = re.compile(r"[„\"“»«]([^„\"“”»«]+)[“\"”«»]")


def _statement_of(said: str) -> str:
    """What a quote claim says was said: the quotation, else the reported clause ("warnte,
    dass ..."); "" when there is none."""
    quoted = _QUOTATION.search(said)
    if quoted:
        return quoted.group(1).strip()
    return re.sub(r"^[\s,:]*(?:(?:dass|that)\s+)?", "", said).strip(" .")


_SPEAKER = re.compile(rf"^.*?\b(?i:{SPEECH_VERBS}|says|sagt|wrote)\b|"
                      r"\b(?i:according to|laut)\s+(?:(?i:the|dem|der|des)\s+)?"
                      r"(?:[A-ZÄÖÜ][\w.'-]*\s*)+,?")


def _said_of(text: str) -> str:
    """A claim without who said or wrote it ("NAME says ...", "(NAME)"): the names left are
    those of what it is about."""
    return _SPEAKER.sub(" ", re.sub(r"\([^)]*\)", " ", text), count=1)


def _names_any(names: list[str], text: str) -> bool:
    """Whether a text names one of `names` (by any word of it, its first five letters for an
    inflection: "Sydney" stands for "Sydney Harbour", "Trump" for "Trumps"), or there are no
    names to look for: a passage that names none of a claim's names is about something else,
    however alike its sentences."""
    lowered = text.lower()
    return not names or any(word[:5].lower() in lowered for name in names
                            for word in name.split() if len(word) > 3)


def _figures_fit(claim: str, checks: list[CheckResult]) -> bool:
    """Whether the exact checks found the claim's figures stated: its quantities, or, for a
    claim with no quantity, a day that holds all its figures ("am Montag, dem 20. Oktober
    2025" where the evidence dates the event so); none of them refuted."""
    quantities = {c.outcome for c in checks if c.kind == "quantity"}
    if quantities:
        return Label.SUPPORTED in quantities and Label.REFUTED not in quantities
    if any(not q.is_year for q in find_quantities(claim)):
        return False
    days = [c for c in checks if c.kind == "date" and re.search(r"(?<!\d)[0-3]?\d(?!\d)",
                                                                 c.claim_value)]
    figures = [w for w in specifics(claim) if _is_figure(w)]
    return bool(days) and all(c.outcome == Label.SUPPORTED for c in days) and all(
        any(_gives(w, c.claim_value) for c in days) for w in figures)


def _calendar_only(checks: list[CheckResult], label: Label) -> bool:
    """Whether a REFUTED verdict rests on a check within the claim itself (a weekday and a date
    that do not match), which needs no quote from the corpus."""
    return label == Label.REFUTED and any(
        c.outcome == Label.REFUTED and not c.quote for c in checks)


# German prepositions after which a capitalised word with no article is a place's name
# ("in Kassel", "nach Lyon"; "im Saal" has one).
_GERMAN_PLACE = re.compile(r"(?:in|aus|nach|bei)", re.IGNORECASE)
# Nouns of set phrases with those prepositions ("in Kraft", "in Höhe von", "bei Bedarf").
_GERMAN_PHRASE_NOUNS = frozenset({
    "Betracht", "Kraft", "Frage", "Gang", "Ordnung", "Richtung", "Höhe", "Zukunft", "Anspruch",
    "Kauf", "Folge", "Form", "Haft", "Teilen", "Summe", "Aussicht", "Sicht", "Not", "Gefahr",
    "Bezug", "Kürze", "Erwägung", "Zusammenarbeit", "Abstimmung", "Absprache", "Vorbereitung",
    "Planung", "Betrieb", "Bau", "Arbeit", "Auftrag", "Bedarf", "Ende", "Anfang", "Mitte",
    "Verbindung", "Zeiten", "Wirklichkeit", "Wahrheit", "Kritik", "Sorge",
})


def specifics(claim: str) -> list[str]:
    """The words of a claim that a sentence must give to state it: figures, abbreviations and
    names. In English a name is a capitalised word that does not open the claim; German
    capitalises every noun, so there only a known first name and the word after it ("Anna
    Berger") and a capitalised word right after a preposition of place ("in Kassel") count."""
    words = re.findall(r"[\w'’.-]*\w", claim)
    german = detect_language(claim) == "de"
    found = []
    for i, word in enumerate(words):
        figure = _is_figure(word) or (len(word) > 1 and word.isupper())
        named = i > 0 and word[:1].isupper() and (
            not german or is_first_name(word) or is_first_name(words[i - 1])
            or (bool(_GERMAN_PLACE.fullmatch(words[i - 1]))
                and word not in _GERMAN_PHRASE_NOUNS))
        if figure or named:
            found.append(word)
    return found


def _is_figure(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _gives(word: str, sentence: str) -> bool:
    """Whether a sentence gives a word: a figure as written (separators aside), else the word's
    first five letters or, for a compound, its last six ("Fusionsbeschluss": "Beschluss")."""
    if _is_figure(word):
        def plain(text: str) -> str:  # "1,846" and "1.846" as "1846"; "14.2" stays
            return re.sub(r"(?<=\d)[.,’'](?=\d{3}(?!\d))", "", text)

        figure = re.escape(plain(word))
        return bool(re.search(rf"(?<![\d.,]){figure}(?!\d|[.,]\d)", plain(sentence)))
    lowered, word = sentence.lower(), word.lower()
    return word[:5] in lowered or (len(word) >= 9 and word[-6:] in lowered)


def _heading(hit: SearchHit) -> str:
    """What a passage says of every sentence in it: its title and its date."""
    return f"{hit.title} {hit.date}"


def unstated_specifics(claim: str, sentence: str, heading: str = "", passage: str = ""
                       ) -> list[str]:
    """The specifics of a claim that an evidence sentence of its language does not give: a
    figure must be in the sentence (or the passage's heading), a name may be anywhere in the
    passage ("he" in the sentence). Across languages words cannot be compared; none is
    missing."""
    if detect_language(claim) != detect_language(sentence):
        return []
    return [w for w in specifics(claim)
            if not _gives(w, f"{heading} {sentence if _is_figure(w) else passage or sentence}")]


# A heading of a document ("# ...", "**Item 9 – ...**"): it names a topic and counts nothing.
_HEADING_LINE = re.compile(r"#{1,6}\s.*|\*\*[^*]+\*\*|__[^_]+__")


def _missing(claim: str, e: EvidenceSentence, numbers_fit: bool) -> list[str]:
    """The claim's specifics an evidence sentence (its passage, for names) does not give; the
    figures the exact checks found stated count as given."""
    return [w for w in unstated_specifics(claim, e.text, _heading(e.hit), e.hit.text)
            if not (numbers_fit and _is_figure(w))]


# Share of a claim's words that a same-language sentence must give to speak of the same thing
# (three of four; a decision rule, like QUOTE_WORDS).
COVER_SHARE = 0.75


def _covers(claim: str, sentence: str) -> bool:
    """Whether a sentence of the claim's language gives most of its words (first five letters),
    negations and words of opposite meaning aside: it speaks of the same thing, in other
    words perhaps ("ist seit Jahren rückläufig" for "ist gestiegen")."""
    if detect_language(claim) != detect_language(sentence):
        return False
    words = [w for w in tokenize(claim)
             if not _NEGATION.fullmatch(w) and w not in _OPPOSITE_WORDS]
    return _share_given(words, sentence) >= COVER_SHARE


def _share_given(words: list[str], sentence: str) -> float:
    """The share of `words` a sentence gives, each by its first five letters (0.0 for none)."""
    lowered = sentence.lower()
    return sum(w[:5] in lowered for w in words) / len(words) if words else 0.0


# Words with which a claim speaks of the period before another.
_EARLIER_WORDS = re.compile(r"\b(?:Vorjahr\w*|zuvor|year before|a year earlier|previous year|"
                            r"up from|down from|nach|gegenüber|compared)\b", re.IGNORECASE)


def _of_another_period(claim: str, sentence: str, stated: Quantity) -> bool:
    """Whether a figure of a sentence is given for an earlier period than its main figure ("up
    from €7.1m the year before") that the claim does not speak of: the claim's figure is then
    to be compared with the main one."""
    period = earlier_period(sentence, stated)
    if period is None:
        return False
    return not (_EARLIER_WORDS.search(claim) or (period.isdigit() and period in claim))


def _of_a_subgroup(claim: str, sentence: str, stated: Quantity) -> bool:
    """Whether a share of a sentence is given for a part of the population ("unter den 16- bis
    29-Jährigen") that the claim does not restrict itself to: it says nothing of the whole."""
    return share_of_subgroup(sentence, stated) is not None and not SUBGROUP.search(claim)


def _same_distinct_figure(claimed: Quantity, stated: Quantity) -> bool:
    """The same exact figure of three or more significant digits ("1,846 people", "1,846
    responses"): too particular to be another count, whatever noun each text counts it by."""
    digits = re.sub(r"\D", "", f"{claimed.value:f}").strip("0")
    currencies = _currency(claimed.unit), _currency(stated.unit)
    return (claimed.value == stated.value and claimed.comparator == stated.comparator == "eq"
            and claimed.is_percent == stated.is_percent and len(digits) >= 3
            and currencies[0] == currencies[1])


def _first_upper(token: str) -> bool:
    return token[:1].isupper()


def _states_role(role: str, sentence: str, every_word: bool = True) -> bool:
    """Whether a sentence names every content word of a role ("türkische", "Präsident"), or
    only its role nouns, each matched by its first five letters so that inflections and
    compounds count. Words are compared only within one language: across languages any
    sentence passes."""
    if detect_language(role) != detect_language(sentence):
        return True
    lowered = sentence.lower()
    words = [w for w in tokenize(role) if not w.isdigit()
             and (every_word or re.fullmatch(ROLE_NOUNS, w))]
    return bool(words) and all(w[:5] in lowered for w in words)


_DEPUTY = re.compile(r"\b(?:deputy|vice|acting|interim|assistant|associate|stellvertretende[rn]?|"
                     r"kommissarische[rn]?|vize)\b|\bvize-?\w|stellvertret", re.IGNORECASE)
_ROLE_WORD = re.compile(ROLE_NOUNS)


def _deputy(surname: str, sentence: str) -> bool:
    """Whether the office named closest to a person in a sentence is a deputy's ("NAME as
    Deputy Director", "stellvertretende Leiterin NAME")."""
    at = sentence.find(surname)
    offices = list(_ROLE_WORD.finditer(sentence))
    if at < 0 or not offices:
        return False
    office = min(offices, key=lambda m: min(abs(m.start() - at), abs(m.end() - at)))
    return bool(_DEPUTY.search(sentence[max(0, office.start() - 25) : office.end()]))


# v5: the sides parties took in a vote, holders of an office to come, a council's vote as one
# event across languages, shares of a part of those asked, a day the date check found stated,
# plans given up (v4: an office named in passing looked up on its own, shares as percentages,
# figures of an earlier period and documents older than the event left out; v3: rules as units,
# confidence calibrated per label, the verification model reads what the rules leave
# undecided; v2: the exact checks of agent/_checks.py overrule the rules)
RULES = "embedded-rules-v5"


class RuleJudge:
    """Judges claims with retrieval, the stored sentence embeddings and checks of numbers,
    people and negation; with `reads`, the verification model reads a close sentence the rules
    leave undecided. Safe to share between threads."""

    parallel = False

    def __init__(self, retriever: HybridRetriever, k: int = 8, reads: bool = True,
                 reader: NLIModel | None = None) -> None:
        self.retriever = retriever
        self.embedder = retriever.store.embedder
        self.k = k
        self.reads = reads
        self._reader = reader
        self._unit_cache: dict[tuple[str, str], bool] = {}
        self.name = self.name_for(reads)
        self.calibration = load_calibration(self.name)

    @staticmethod
    def name_for(reads: bool) -> str:
        """The judge's name: the rules' version, and the model's when it reads pairs."""
        return f"{RULES}+{model_name()}" if reads else RULES

    @property
    def reader(self) -> NLIModel:
        """The verification model, loaded on first use."""
        if self._reader is None:
            self._reader = NLIModel.shared()
        return self._reader

    # -- evidence ---------------------------------------------------------------------------

    def evidence(self, claim_text: str, query_vector: np.ndarray) -> list[EvidenceSentence]:
        """Sentences of the retrieved passages, most similar to the claim first."""
        hits = self.retriever.search(claim_text, k=self.k, query_vector=query_vector)
        return sentences_of(self.retriever, hits, query_vector, EvidenceSentence)

    def _known(self, word: str) -> bool:
        """Whether a word occurs anywhere in the corpus (via the BM25 vocabulary)."""
        tokens = tokenize(word)
        return bool(tokens) and all(self.retriever.lexical.knows(t) for t in tokens)

    def _unknown_people(self, text: str) -> list[str]:
        """Multi-word names none of whose words occur in the corpus: people it knows nothing of."""
        return [name for name in names_in(text)
                if not any(self._known(w) for w in name.split() if w[:1].isupper())]

    # -- decision ---------------------------------------------------------------------------

    def gather(self, claim: Claim) -> list[EvidenceSentence]:
        """Retrieve the evidence sentences for a claim, most similar first."""
        query_vector = self.embedder.embed_queries([claim.text])[0]
        return self.evidence(claim.text, query_vector)

    def judge(self, claim: Claim, evidence: list[EvidenceSentence] | None = None,
              ledger: object = None) -> ClaimVerdict:
        """The verdict on one claim; `evidence` from `gather` saves retrieving it again."""
        if evidence is None:
            evidence = self.gather(claim)
        checked, contexts = checked_evidence(self.retriever, evidence, EvidenceSentence)
        considered = list(dict.fromkeys(e.hit.passage_id for e in [*evidence, *checked]))
        as_of = parse_date(claim.as_of) if claim.as_of else None
        checks = run_checks(claim.text, [e.text for e in checked], as_of, contexts)
        office, office_evidence = self._office_check(claim.text, checks, as_of)
        if office is not None:
            checks.append(office)
            checked = [*checked, *office_evidence]
        numbers_fit = _figures_fit(claim.text, checks)
        decision = overrule(checks, self._decide(claim, _not_before(claim, evidence, as_of),
                                                 numbers_fit), checked)
        label, rationale, cited = decision.label, decision.rationale, decision.cited
        missing = unstated_days(claim.text, [e.text for e in checked])
        if label == Label.SUPPORTED and missing:
            label, cited = Label.NOT_ENOUGH_INFO, []
            rationale = f"No passage found gives the date {', '.join(missing)}."
        citations = [
            Citation(passage_id=e.hit.passage_id, document_id=e.hit.document_id, quote=e.text,
                     title=e.hit.title, url=e.hit.url, date=e.hit.date)
            for e in cited
            if e.text in e.hit.text  # the quote must occur verbatim in the cited passage
        ]
        if label != Label.NOT_ENOUGH_INFO and not citations and not _calendar_only(checks, label):
            label, rationale = Label.NOT_ENOUGH_INFO, "No verbatim evidence could be cited."
        return ClaimVerdict(claim=claim, label=label,
                            confidence=self.calibration.confidence(label),
                            rationale=rationale, citations=citations, considered=considered,
                            checks=checks)

    def _office_check(self, text: str, checks: list[CheckResult], as_of: date | None
                      ) -> tuple[CheckResult | None, list[EvidenceSentence]]:
        """A claim that names someone in an office on the way to saying something else ("Im
        Plenum warb Verkehrsministerin NAME ..."): the office is looked up on its own, as the
        claim's own evidence is about the rest. A wrong holder refutes the claim: the check
        that says so, with the evidence it cites from; else (None, [])."""
        phrase = office_phrase(text)
        if phrase is None or any(c.kind == "role" and c.outcome == Label.REFUTED for c in checks):
            return None, []
        evidence = self.evidence(phrase, self.embedder.embed_queries([phrase])[0])
        checked, contexts = checked_evidence(self.retriever, evidence, EvidenceSentence)
        found = check_role(text, [e.text for e in checked], as_of, contexts)
        if found is None or found.outcome != Label.REFUTED:
            return None, []
        return found, checked

    def _decide(self, claim: Claim, evidence: list[EvidenceSentence],
                numbers_fit: bool = False) -> Decision:
        """The rules' verdict: the first of the rules below that decides, else whether a close
        sentence states the claim. `numbers_fit`: the exact quantity checks found the claim's
        figures stated, so the rougher number rule may support but not doubt them."""
        if not evidence:
            return Decision(Label.NOT_ENOUGH_INFO, "The corpus has no passage on this claim.")
        text = claim.text.strip()
        rules: tuple[Rule, ...] = (self._role_rule, self._unknown_people_rule, self._quote_rule,
                                   self._number_rule, self._opposite_rule)
        for rule in rules:
            decision = rule(text, evidence, numbers_fit)
            if decision is not None:
                return decision
        stated = self._stated_rule(text, evidence, numbers_fit)
        if stated.label == Label.NOT_ENOUGH_INFO and self.reads:
            return self._read_rule(text, evidence, numbers_fit) or stated
        return stated

    def _role_rule(self, text: str, evidence: list[EvidenceSentence],
                   numbers_fit: bool) -> Decision | None:
        """A claim that a person holds an office: who the corpus names in it."""
        role = _ROLE_CLAIM.match(text)
        if not role:
            return None
        office = _SECOND_PREDICATE.split(role.group("role"), maxsplit=1)[0]
        return self._decide_role(role.group("name"), office, evidence)

    def _unknown_people_rule(self, text: str, evidence: list[EvidenceSentence],
                             numbers_fit: bool) -> Decision | None:
        """A person the corpus never mentions: nothing in it can confirm the claim."""
        unknown = self._unknown_people(text)
        if not unknown:
            return None
        return Decision(Label.NOT_ENOUGH_INFO,
                        f"The corpus never mentions {', '.join(unknown)}.")

    def _quote_rule(self, text: str, evidence: list[EvidenceSentence],
                    numbers_fit: bool) -> Decision | None:
        """A statement attributed to someone: a passage must report it of them."""
        quote = _QUOTE_CLAIM.match(text)
        if not quote or not (re.search(r"[„\"“]", text) or names_in(quote.group("speaker"))):
            return None
        return self._decide_quote(quote.group("speaker"), quote.group("said"), evidence)

    def _number_rule(self, text: str, evidence: list[EvidenceSentence],
                     numbers_fit: bool) -> Decision | None:
        """A claim's figures against those of sentences on the same fact; where the exact checks
        found them stated, this rougher rule may only support."""
        conflict = self._number_conflict(text, evidence)
        if conflict and (not numbers_fit or conflict.label == Label.SUPPORTED):
            return conflict
        return None

    def _opposite_rule(self, text: str, evidence: list[EvidenceSentence],
                       numbers_fit: bool) -> Decision | None:
        """A close sentence that says the claim with the opposite polarity or a word of opposite
        meaning refutes it."""
        for e in evidence[:3]:
            if self._restates(text, e) and (
                bool(_NEGATION.search(text)) != bool(_NEGATION.search(e.text))
            ):
                return Decision(
                    Label.REFUTED,
                    "The closest evidence states the same fact with the opposite polarity.", [e])
            opposite = opposite_words(text, e.text)
            if opposite and (self._restates(text, e) or _covers(text, e.text)):
                return Decision(Label.REFUTED,
                                f"The closest evidence says '{opposite[1]}' where the claim says "
                                f"'{opposite[0]}'.", [e])
        return None

    @staticmethod
    def _stated_rule(text: str, evidence: list[EvidenceSentence], numbers_fit: bool) -> Decision:
        """A close sentence states the claim only when it gives the claim's figures and names:
        the same event with another place, party or holder is as close as the event itself
        (figures the exact checks found stated, such as a sum of parts, count as given)."""
        stating = [e for e in evidence[:3] if e.similarity >= support_threshold(text, e.text)
                   and not _missing(text, e, numbers_fit)]
        if stating:
            return Decision(Label.SUPPORTED, "An evidence sentence states what the claim says.",
                            [stating[0]])
        best = evidence[0]
        if best.similarity >= support_threshold(text, best.text):
            return Decision(Label.NOT_ENOUGH_INFO,
                            f"The closest evidence is on the same subject but does not give "
                            f"{', '.join(repr(w) for w in _missing(text, best, numbers_fit))}.")
        return Decision(Label.NOT_ENOUGH_INFO,
                        "The passages found are on the topic but do not state the claim.")

    def _read_rule(self, text: str, evidence: list[EvidenceSentence],
                   numbers_fit: bool) -> Decision | None:
        """What the rules leave undecided, the verification model reads: a sentence about the
        same fact (of the three closest) that gives the claim's figures and names supports it
        when the model takes it to state the claim, more likely than not and more likely than
        the opposite. It only supports: its contradictions are not reliable enough to refute."""
        close = [e for e in evidence[:3] if e.similarity >= SAME_FACT_THRESHOLD
                 and not _missing(text, e, numbers_fit)]
        if not close:
            return None
        read = self.reader.predict([(text, e.text) for e in close])
        e, p = max(zip(close, read, strict=True), key=lambda pair: pair[1].entailment)
        if p.entailment < READ_DECIDE or p.entailment <= p.contradiction:
            return None
        return Decision(Label.SUPPORTED, f"The verification model reads an evidence sentence as "
                        f"stating the claim (P(entailment) {p.entailment:.2f}).", [e])

    def _number_conflict(
        self, text: str, evidence: list[EvidenceSentence]
    ) -> Decision | None:
        claimed = [q for q in find_quantities(text) if not q.is_year]
        if not claimed:
            return None
        names = names_in(_said_of(text))
        # a number supports or refutes only where the passage names all the claim's names: the
        # same count in another town or body is another fact
        same_fact = [e for e in evidence[:8] if e.similarity >= SAME_FACT_THRESHOLD and all(
            _names_any([name], f"{e.hit.title} {e.hit.text}") for name in names)
            and not _HEADING_LINE.fullmatch(e.text.strip())]
        claimed_tallies = tallies(text, claimed)
        other_number = "The evidence on the same fact gives a different number."
        # the closest sentence on the same fact that gives a comparable number decides
        for e in same_fact:
            stated = [q for q in find_quantities(e.text) if not q.is_year
                      and not _of_another_period(text, e.text, q)
                      and not _of_a_subgroup(text, e.text, q)]
            # the same vote, change or range with one side changed ("38 zu 21" against "38 gegen
            # 25"): the side that fits does not make the sentence support the claim
            if self._tally_changed(claimed_tallies, tallies(e.text, stated)):
                return Decision(Label.REFUTED, other_number, [e])
            for c in claimed:
                relevant = [s for s in stated if comparable(c, s) and (
                    self._same_unit(c, s) or _same_distinct_figure(c, s))]
                if any(supports(c, s) for s in relevant):
                    return Decision(Label.SUPPORTED,
                                    f"The evidence gives a number that fits '{c.text}'.", [e])
                if any(contradicts(c, s) for s in relevant):
                    return Decision(Label.REFUTED, other_number, [e])
        # A claim that rests on a number is not supported by evidence that never states it.
        return Decision(Label.NOT_ENOUGH_INFO,
                        f"No passage found states the number{'s' if len(claimed) > 1 else ''} "
                        f"{', '.join(repr(c.text) for c in claimed)}.")

    def _tally_changed(self, claimed: list[tuple[Quantity, Quantity]],
                       stated: list[tuple[Quantity, Quantity]]) -> bool:
        """Whether a stated pair has one side of a claimed pair and a different other side."""
        def fits(c: Quantity, s: Quantity) -> bool:
            return comparable(c, s) and self._same_unit(c, s) and supports(c, s)

        def differs(c: Quantity, s: Quantity) -> bool:
            return comparable(c, s) and self._same_unit(c, s) and contradicts(c, s)

        return any((fits(a, x) and differs(b, y)) or (differs(a, x) and fits(b, y))
                   for a, b in claimed for x, y in stated)

    def _stating(self, statement: str, sentences: list[EvidenceSentence]
                 ) -> list[EvidenceSentence]:
        """The sentences that state what was said, not just who spoke. In the same language they
        give at least `QUOTE_WORDS` of its words (a quotation is verbatim; reported speech keeps
        most words). Across languages the statement and the sentence's own quotation (else the
        sentence) are compared by embedding, the speakers' names and verbs left out, as they are
        shared by any two quotes of one person."""
        if not statement or not sentences:
            return sentences
        lang, words = detect_language(statement), tokenize(statement)
        found, other = [], []
        for e in sentences:
            if detect_language(e.text) != lang:
                other.append(e)
            elif words and _share_given(words, e.text) >= QUOTE_WORDS:
                found.append(e)
        if other:
            parts = [_statement_of(e.text) if _QUOTATION.search(e.text) else e.text
                     for e in other]
            vectors = self.embedder.embed_passages(parts)
            similar = vectors @ self.embedder.embed_queries([statement])[0]
            found += [e for e, sim in zip(other, similar, strict=True)
                      if sim >= TRANSLATION_THRESHOLD]
        return [e for e in sentences if e in found]

    @staticmethod
    def _restates(claim: str, e: EvidenceSentence) -> bool:
        """Whether an evidence sentence says nearly what the claim says, negation and words of
        opposite meaning aside: most words shared, or (across languages) a very close
        embedding."""
        words = {w for w in tokenize(claim)
                 if not _NEGATION.fullmatch(w) and w not in _OPPOSITE_WORDS}
        other = {w for w in tokenize(e.text)
                 if not _NEGATION.fullmatch(w) and w not in _OPPOSITE_WORDS}
        overlap = len(words & other) / len(words | other) if words | other else 0.0
        return overlap >= RESTATE_OVERLAP or e.similarity >= NEGATION_THRESHOLD

    def _same_unit(self, claimed: Quantity, stated: Quantity) -> bool:
        """Whether two numbers count the same kind of thing ("Raketen" and "missiles" do). A
        share that names no base ("drei Viertel, also ...") is a share of whatever the sentence
        on the same fact speaks of."""
        if claimed.is_percent and stated.is_percent and not (claimed.unit and stated.unit):
            return True
        if not claimed.unit or not stated.unit:
            return claimed.unit == stated.unit
        currencies = _currency(claimed.unit), _currency(stated.unit)
        if all(currencies):
            return currencies[0] == currencies[1]  # euros are not dollars, however alike
        if claimed.unit.lower()[:5] == stated.unit.lower()[:5]:
            return True
        key = (claimed.unit, stated.unit)
        if key not in self._unit_cache:
            a, b = self.embedder.embed_passages(list(key))
            self._unit_cache[key] = float(a @ b) >= UNIT_THRESHOLD
        return self._unit_cache[key]

    def _decide_role(
        self, name: str, role: str, evidence: list[EvidenceSentence]
    ) -> Decision:
        words = [w for w in name.split() if not re.fullmatch(TITLES, w)]
        surname = words[-1]
        role_vector = self.embedder.embed_queries([role])[0]
        role_evidence = [
            e for e in self.evidence(role, role_vector)[:6] if e.similarity >= SAME_FACT_THRESHOLD
        ]
        # A role with a definite article ("der Verteidigungsminister") has one holder at a time;
        # "eine Analystin" has many, so naming another holder refutes nothing.
        unique_role = not _INDEFINITE_ROLE.match(role) and not _ONE_OF_MANY.search(role)
        # a role in another country or organisation is another role: the holder's sentence
        # must name the role with all its words
        holders = [
            e for e in role_evidence
            if unique_role and surname not in e.text and _states_role(role, e.text)
            and any(m.group(0) not in role for m in _PERSON.finditer(e.text))
        ]
        if not any(self._known(w) for w in words):
            if holders:
                return Decision(
                    Label.REFUTED,
                    f"The corpus names someone else in this role and never mentions {name}.",
                    [holders[0]])
            return Decision(Label.NOT_ENOUGH_INFO, f"The corpus never mentions {name}.")
        about_person = [e for e in evidence + role_evidence if surname in e.hit.text]
        ended = [e for e in about_person if _FORMER.search(e.text) and e.similarity >= 0.8]
        if ended and holders:
            return Decision(
                Label.REFUTED,
                f"The corpus says {name}'s time in this role ended and names another holder.",
                [ended[0], holders[0]])
        # a sentence that names the person without stating the role confirms nothing
        confirming = [
            e for e in about_person
            if surname in e.text and e.similarity >= SAME_FACT_THRESHOLD
            and _states_role(role, e.text, every_word=False)
        ]
        # "NAME as Deputy Director" names a deputy, who does not hold the office itself
        deputy = [e for e in confirming if not _DEPUTY.search(role) and _deputy(surname, e.text)]
        if deputy:
            return Decision(Label.REFUTED, f"The corpus names {name} as a deputy in this role.",
                            [deputy[0]])
        if confirming:
            return Decision(Label.SUPPORTED, f"The corpus names {name} in this role.",
                            [confirming[0]])
        return Decision(Label.NOT_ENOUGH_INFO, f"The corpus does not say {name} holds this role.")

    def _decide_quote(
        self, speaker: str, said: str, evidence: list[EvidenceSentence]
    ) -> Decision:
        names = [w for w in speaker.split() if _first_upper(w) and not re.fullmatch(TITLES, w)]
        # the statement must be reported in a sentence that names its speaker, or in a passage
        # that names them when the sentence names nobody else
        attributed = [
            e for e in evidence[:5]
            if e.similarity >= support_threshold(said, e.text) and (
                not names or names[-1] in e.text
                or (names[-1] in e.hit.text and not names_in(e.text)))
        ]
        attributed = self._stating(_statement_of(said), attributed)
        if attributed and names:
            return Decision(Label.SUPPORTED,
                            f"A passage mentioning {speaker} reports this statement.",
                            [attributed[0]])
        return Decision(Label.NOT_ENOUGH_INFO,
                        f"No passage attributes this statement to {speaker}.")
