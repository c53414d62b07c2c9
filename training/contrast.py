"""Contrastive pairs made from reference sentences, German and English.

From one sentence of reference text: the sentence itself or one of its clauses is entailed; the
sentence with one fact swapped (a number, a year, a month, a weekday, a name, a country, a party,
a direction of change, a negation) is contradicted; another sentence of the same document is
neutral. Every swap is a small general rule; none names the content of an eval suite.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

Pair = dict[str, str]

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
}
COUNTRIES = {
    "en": ["France", "Germany", "Italy", "Spain", "Poland", "Japan", "China", "India", "Brazil",
           "Canada", "Mexico", "Egypt", "Kenya", "Turkey", "Norway", "Sweden", "Australia",
           "Argentina", "Nigeria", "Iran", "Ukraine", "Russia", "Britain", "Austria"],
    "de": ["Frankreich", "Deutschland", "Italien", "Spanien", "Polen", "Japan", "China", "Indien",
           "Brasilien", "Kanada", "Mexiko", "Ägypten", "Kenia", "Türkei", "Norwegen", "Schweden",
           "Australien", "Argentinien", "Nigeria", "Iran", "Ukraine", "Russland",
           "Großbritannien", "Österreich"],
}
PARTIES = {
    "en": ["Democrats", "Republicans", "Labour", "Conservatives", "Liberal Democrats", "Greens"],
    "de": ["SPD", "CDU", "CSU", "FDP", "Grünen", "Linken", "AfD", "Freien Wähler"],
}
# Pairs of words whose swap reverses what a sentence says.
OPPOSITES = {
    "en": [("more than", "less than"), ("increased", "decreased"), ("rose", "fell"),
           ("higher", "lower"), ("before", "after"), ("won", "lost"), ("larger", "smaller"),
           ("approved", "rejected"), ("accepted", "refused"), ("first", "last"),
           ("most", "least"), ("above", "below"), ("warmer", "cooler"), ("began", "ended")],
    "de": [("mehr als", "weniger als"), ("stieg", "sank"), ("gestiegen", "gesunken"),
           ("höher", "niedriger"), ("vor", "nach"), ("gewann", "verlor"), ("größer", "kleiner"),
           ("angenommen", "abgelehnt"), ("billigte", "verwarf"), ("erste", "letzte"),
           ("über", "unter"), ("begann", "endete"), ("zugestimmt", "widersprochen")],
}
_AUX = {
    "en": re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|did|does)\b"),
    "de": re.compile(r"\b(ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|"
                     r"kann|können|konnte)\b"),
}
_NEGATED = {
    "en": re.compile(r"\s(not|never)\b"),
    "de": re.compile(r"\s(nicht|nie)\b"),
}
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-4]\d)\b")
_NAME = re.compile(r"(?<=[a-zäöüß,] )([A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)+)")


def _word_swap(sentence: str, options: list[str], rng: random.Random) -> str | None:
    present = [w for w in options if re.search(rf"\b{re.escape(w)}\b", sentence)]
    if not present:
        return None
    old = rng.choice(present)
    new = rng.choice([w for w in options if w != old])
    return re.sub(rf"\b{re.escape(old)}\b", new, sentence, count=1)


def swap_number(sentence: str, lang: str, rng: random.Random) -> str | None:
    """Change one number that is not a year (by a factor or a few units)."""
    numbers = [m for m in _NUMBER.finditer(sentence) if not _YEAR.fullmatch(m.group(0))]
    if not numbers:
        return None
    m = rng.choice(numbers)
    raw = m.group(0)
    digits = re.sub(r"[.,]", "", raw) if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw) else raw
    try:
        value = float(digits.replace(",", "."))
    except ValueError:
        return None
    if value < 10:
        new = str(int(value) + rng.choice([1, 2, 3, 5]))
    else:
        factor = rng.choice([0.5, 0.6, 0.75, 1.3, 1.5, 2.0, 3.0])
        new = str(round(value * factor))
        if new == str(round(value)):
            return None
        if len(raw) > 4 and ("," in raw or "." in raw):
            sep = "," if lang == "en" else "."
            new = f"{int(new):,}".replace(",", sep)
    return sentence[: m.start()] + new + sentence[m.end():]


def swap_year(sentence: str, lang: str, rng: random.Random) -> str | None:
    """Move one year by one to five."""
    years = list(_YEAR.finditer(sentence))
    if not years:
        return None
    m = rng.choice(years)
    new = int(m.group(0)) + rng.choice([-5, -3, -2, -1, 1, 2, 3])
    return sentence[: m.start()] + str(new) + sentence[m.end():]


def swap_month(sentence: str, lang: str, rng: random.Random) -> str | None:
    return _word_swap(sentence, MONTHS[lang], rng)


def swap_weekday(sentence: str, lang: str, rng: random.Random) -> str | None:
    return _word_swap(sentence, WEEKDAYS[lang], rng)


def swap_country(sentence: str, lang: str, rng: random.Random) -> str | None:
    return _word_swap(sentence, COUNTRIES[lang], rng)


def swap_party(sentence: str, lang: str, rng: random.Random) -> str | None:
    return _word_swap(sentence, PARTIES[lang], rng)


def swap_opposite(sentence: str, lang: str, rng: random.Random) -> str | None:
    """Replace a word by its opposite ("rose" -> "fell")."""
    options = [(a, b) for a, b in OPPOSITES[lang] for a, b in ((a, b), (b, a))]
    present = [(a, b) for a, b in options if re.search(rf"\b{re.escape(a)}\b", sentence)]
    if not present:
        return None
    a, b = rng.choice(present)
    return re.sub(rf"\b{re.escape(a)}\b", b, sentence, count=1)


def swap_negation(sentence: str, lang: str, rng: random.Random) -> str | None:
    """Negate the first auxiliary, or remove a negation that is there."""
    negated = _NEGATED[lang].search(sentence)
    if negated:
        return sentence[: negated.start()] + sentence[negated.end():]
    aux = _AUX[lang].search(sentence)
    if not aux:
        return None
    word = "not" if lang == "en" else "nicht"
    return sentence[: aux.end()] + f" {word}" + sentence[aux.end():]


def make_name_swap(names: list[str]) -> Callable[[str, str, random.Random], str | None]:
    """A swap that replaces a multi-word name by another name seen elsewhere in the corpus."""

    def swap_name(sentence: str, lang: str, rng: random.Random) -> str | None:
        found = list(_NAME.finditer(sentence))
        if not found or len(names) < 2:
            return None
        m = rng.choice(found)
        other = rng.choice(names)
        if other == m.group(1):
            return None
        return sentence[: m.start(1)] + other + sentence[m.end(1):]

    return swap_name


SWAPS = [swap_number, swap_year, swap_month, swap_weekday, swap_country, swap_party,
         swap_opposite, swap_negation]


def clause(sentence: str, rng: random.Random) -> str | None:
    """One clause of a sentence that it entails: the part before a comma or a parenthesis."""
    parts = [p.strip() for p in re.split(r",\s|\s\(.*?\)|;\s", sentence) if p.strip()]
    first = parts[0] if parts else ""
    if len(first.split()) >= 5 and first != sentence.strip():
        return first.rstrip(".") + "."
    return None


def contrastive_pairs(
    documents: Iterable[list[str]], lang: str, rng: random.Random, per_sentence: float = 1.0
) -> list[Pair]:
    """Pairs from documents given as lists of sentences: about half contradictions, a quarter
    entailments, a quarter neutrals, shuffled."""
    docs = [[s for s in doc if 6 <= len(s.split()) <= 60] for doc in documents]
    docs = [d for d in docs if d]
    names = sorted({m.group(1) for doc in docs for s in doc for m in _NAME.finditer(s)})
    swaps = [*SWAPS, make_name_swap(names)]
    pairs: list[Pair] = []
    for doc in docs:
        for sentence in doc:
            if rng.random() > per_sentence:
                continue
            hypothesis = clause(sentence, rng) if rng.random() < 0.5 else None
            base = hypothesis or sentence
            roll = rng.random()
            if roll < 0.5:
                order = rng.sample(swaps, len(swaps))
                changed = next((c for f in order if (c := f(base, lang, rng)) and c != base),
                               None)
                if changed:
                    pairs.append(_pair(sentence, changed, "contradiction", lang))
            elif roll < 0.75:
                pairs.append(_pair(sentence, base, "entailment", lang))
            elif len(doc) > 1:
                other = rng.choice([s for s in doc if s != sentence] or [sentence])
                if other != sentence:
                    pairs.append(_pair(sentence, other, "neutral", lang))
    rng.shuffle(pairs)
    return pairs


def _pair(premise: str, hypothesis: str, label: str, lang: str) -> Pair:
    return {"premise": premise, "hypothesis": hypothesis, "label": label, "lang": lang,
            "source": f"generated_{lang}"}
