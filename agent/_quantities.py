"""Numbers in German and English text, with the comparison they state ("über 14.000", "about nine
million"), the thing they count ("10,000 North Korean soldiers" counts soldiers), and whether a
stated number is compatible with another. Numbers that are part of a name ("Block 2", "Flug 17",
"Gate 7B", "Boeing 737") are not quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_WORD_NUMBERS = {
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "tausend": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12, "dutzend": 12,
}
_SCALES = {
    "tausend": 1e3, "thousand": 1e3, "million": 1e6, "millionen": 1e6, "millions": 1e6,
    "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e9, "billions": 1e9,
    "bn": 1e9, "mn": 1e6,
}
_COMPARATORS = {
    "gt": r"über|mehr als|more than|over|upwards of|in excess of|exceeding|mindestens|at least",
    "lt": r"unter|weniger als|fewer than|less than|under|höchstens|at most|bis zu|up to",
    "approx": r"rund|etwa|ungefähr|circa|ca\.|about|around|approximately|roughly|nearly|almost|"
              r"fast|knapp|some|estimated",
}
_NUMBER = (
    r"\d+(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
)


def wordset(words: str) -> frozenset[str]:
    """The set of the whitespace-separated words of a string."""
    return frozenset(words.split())


# Nouns after which a number names something rather than counting it: units of a plant, gates,
# flights, pads, platforms, legal articles, routes, models and series.
_NAME_NOUNS = wordset(
    "block blocks reaktor reaktorblock reactor unit gate flug flight flugnummer pad startrampe "
    "rampe plattform platform gleis terminal halle hall hangar pier artikel article paragraf "
    "paragraph absatz section abschnitt kapitel chapter seite page zimmer room saal linie line "
    "buslinie route bus tram autobahn bundesstraße highway interstate gruppe group spieltag "
    "matchday etappe stage level stufe phase version generation modell model typ type serie "
    "series nummer number artikelnummer bestellnummer sku kalenderwoche kw kategorie category "
    "sektor sector zone bezirk district ward wahlkreis episode volume boeing airbus falcon "
    "apollo artemis sojus soyuz gemini voyager leopard windows iphone playstation formel "
    "formula"
)
_NAME_BEFORE = re.compile(
    r"(?:(?<![\w.])([^\W\d_]+)\s+|(?<![\w.])(?:nr|no|nº)\.\s*|#\s*)$", re.IGNORECASE
)
# Measures written as symbols, directly after the number ("5km", "3,2 GW", "20 °C").
_SYMBOL_UNITS = (
    r"km²|km2|m²|m2|km/h|mph|km|cm|mm|m|kg|t|GWh|MWh|kWh|TWh|GW|MW|kW|ha|°C|°F|l|€|\$|£"
)
# Words that end a noun phrase: a number is not counting them.
_FUNCTION_WORDS = wordset(
    "der die das den dem des ein eine einen einem einer und oder aber in im an am auf aus bei "
    "mit nach von vom zu zum zur für über unter vor seit bis als wie um pro je ist sind war "
    "waren wurde wurden hat haben hatte hatten wird werden sich nicht auch noch nur schon "
    "the a an and or but in on at to of for from with by as than is are was were be been has "
    "have had will would can could not also only about over under into per each this that "
    "it its their his her hit said say says left came went made took got fell rose "
    "together combined altogether zusammen insgesamt gemeinsam "
    # prepositions after a counted noun: "2,100 jobs across its plants"
    "across among amid within throughout during against between through via including "
    "nationwide worldwide bundesweit weltweit last next previous past"
)
# Capitalised English modifiers before the counted noun ("North Korean soldiers").
_MODIFIER = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Upper|Lower|"
    r"[A-Z][a-z]+(?:an|ean|ian|ese|ish|i))$"
)
_GERMAN_ADJECTIVE = re.compile(r"^[a-zäöüß-]{3,}(?:e|en|er|es|em)$")
_PATTERN = re.compile(
    rf"(?:(?P<cmp>{'|'.join(_COMPARATORS.values())})\s+)?(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<scale>{'|'.join(_SCALES)})\b\.?)?(?P<pct>\s*(?:%|prozent\b|percent\b))?"
    rf"(?:\s*(?-i:(?P<symbol>{_SYMBOL_UNITS}))(?![\w²]))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number stated in text; `comparator` is eq, gt, lt or approx; `unit` the noun it counts or
    the symbol it is measured in; `start` and `end` its span, comparison words included."""

    value: float
    comparator: str
    text: str
    is_year: bool = False
    is_percent: bool = False
    unit: str = ""
    start: int = 0
    end: int = 0


def _parse_number(token: str) -> float | None:
    lowered = token.lower()
    if lowered in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[lowered])
    if re.fullmatch(r"\d+(?:[.,]\d{3})+(?:,\d+)?", token):
        whole, _, fraction = token.partition(",") if token.count(",") == 1 and "." in token else (
            token, "", "")
        digits = re.sub(r"[.,]", "", whole)
        return float(f"{digits}.{fraction}" if fraction else digits)
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


# Nouns after which "über" gives a worth: "ein Vertrag über 12 Millionen Euro".
_WORTH = re.compile(
    r"\b\w*(?:vertrag|verträge|auftrag|aufträge|scheck|rechnung|kredit|darlehen|bürgschaft|"
    r"spende|förderung|zuschuss|summe|betrag|paket|anleihe|vereinbarung|abkommen|vergleich|"
    r"strafe|bußgeld|forderung|klage|deal|budget|etat|haushalt)\s+$",
    re.IGNORECASE,
)


# German verbs that take "über" ("verfügt über 600 Betten"), where "über" is no "more than".
OVER_VERBS = (r"verfüg\w*|berichte\w*|informier\w*|sprach\w*|sprech\w*|spricht|diskutier\w*|"
              r"entschied\w*|entscheid\w*|verhandel\w*|klag\w*|stritt\w*|streit\w*|berat\w*")
# Such a verb a few words before "über" ("verfügen die Häuser über 310 Betten").
_OVER_VERB = re.compile(rf"\b(?:{OVER_VERBS})\s+(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE)


def is_worth(text: str, start: int) -> bool:
    """Whether "über" at `start` belongs to a noun or verb, not a lower bound: a worth ("ein
    Vertrag über 12 Millionen Euro") or what a verb takes ("verfügen die Häuser über 310 Betten"),
    unlike "über 12 Millionen Besucher"."""
    before = text[:start]
    return text[start : start + 4].lower() == "über" and bool(
        _WORTH.search(before) or _OVER_VERB.search(before))


def _is_name_number(before: str, token: str, after: str) -> bool:
    """Whether a number is part of a name: "Block 2", "Flug 17", "Nr. 5", "#3" — a plain integer
    after a naming noun, not followed by a noun it could count ("Phase 200 Soldaten")."""
    match = _NAME_BEFORE.search(before)
    if not match or not token.isdigit() or re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", after):
        return False
    return match.group(1) is None or match.group(1).lower() in _NAME_NOUNS


_NUMBERED_NAME = re.compile(r"(?<![\w.])([^\W\d_]+)\.?\s+#?(\d+[A-Za-z]?)(?![\w.,]\d)")


def numbered_names(text: str) -> set[tuple[str, str]]:
    """The names made of a naming noun and a number in a text, as (noun, number) in lower case:
    {("flug", "17"), ("gate", "7b")}."""
    return {(noun.lower(), number.lower()) for noun, number in _NUMBERED_NAME.findall(text)
            if noun.lower() in _NAME_NOUNS}


# Adjectives of size after a measure: the measure, not the adjective, is the unit.
_DIMENSIONS = wordset("long wide high tall deep thick old away lang breit hoch tief dick alt "
                      "entfernt")


def _counted_noun(after: str, percent: bool) -> str:
    """The noun a number counts, from the words after it: the head of the noun phrase, past
    adjectives ("148 ballistische Raketen", "10,000 North Korean soldiers") and, after a
    percentage, past "of the" / "der"."""
    words = re.findall(r"[^\W\d_][\w'’-]*|[^\w\s]", after[:120])
    phrase: list[str] = []
    for word in words:
        if not word[0].isalpha():
            break  # punctuation ends the phrase
        if word.lower() in _FUNCTION_WORDS:
            if percent and not phrase and word.lower() in ("of", "the", "der", "des"):
                continue
            break
        phrase.append(word)
        if len(phrase) == 4:
            break
    for i, word in enumerate(phrase):
        following = phrase[i + 1] if i + 1 < len(phrase) else ""
        if word[0].isupper():
            if following and _MODIFIER.match(word):
                continue  # "North", "Korean" before "soldiers"
            return word  # a German noun, or an English head written with a capital
        if not following:
            return word
        if following[0].isupper():
            if _GERMAN_ADJECTIVE.match(word):
                continue  # "ballistische" before "Raketen"
            return word
        if following.endswith("ed") and len(following) >= 4:
            return word  # "troops deployed"
        if following.lower() in _DIMENSIONS:
            return word  # "8 kilometres long", "12 Meter hoch"
    return ""


_MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")


# Shares written as fractions, as percentages: "three-quarters", "zwei Drittel", "die Hälfte";
# "a majority" is more than half.
_FRACTIONS = {
    "half": 50.0, "hälfte": 50.0, "third": 100 / 3, "drittel": 100 / 3, "quarter": 25.0,
    "viertel": 25.0, "fifth": 20.0, "fünftel": 20.0, "tenth": 10.0, "zehntel": 10.0,
}
_SHARE = re.compile(
    rf"(?:(?P<cmp>(?i:{'|'.join(_COMPARATORS.values())}))\s+)?"
    r"(?P<count>(?i:a|an|one|ein|two|zwei|three|drei|four|vier|nine|neun))?[\s-]*"
    r"(?P<part>(?i:half|hälfte|thirds?|drittel|quarters?|viertel|fifths?|fünftel|tenths?|"
    r"zehntel))\b(?!-)|(?P<majority>\b(?i:(?:a|the|die|eine)\s+majority|(?:die|eine)\s+"
    r"Mehrheit))\b"
)


def _shares(text: str) -> list[Quantity]:
    """Shares a text writes as fractions ("nearly three-quarters of", "zwei Drittel der"), as
    percentages; a majority as more than 50 percent."""
    found = []
    for match in _SHARE.finditer(text):
        if match.group("majority"):
            found.append(Quantity(50.0, "gt", match.group(0), is_percent=True,
                                  unit=_counted_noun(text[match.end() :], True),
                                  start=match.start(), end=match.end()))
            continue
        part = match.group("part").lower().rstrip("s")
        count = match.group("count")
        if part in ("half", "hälfte") and count and count.lower() not in ("a", "one", "ein",
                                                                         "eine"):
            continue
        times = _WORD_NUMBERS.get(count.lower(), 1) if count else 1
        if not count and part not in ("half", "hälfte"):
            continue  # "the third", "Viertel" alone: an ordinal or a district
        comparator = "approx"  # a fraction is a round figure
        if match.group("cmp"):
            comparator = next(name for name, words in _COMPARATORS.items()
                              if re.fullmatch(words, match.group("cmp"), re.IGNORECASE))
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        found.append(Quantity(round(times * _FRACTIONS[part], 1), comparator,
                              match.group(0).strip(), is_percent=True,
                              unit=_counted_noun(text[match.end() :], True), start=start,
                              end=match.end()))
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text`, in order, with the noun or symbol it counts or measures; day numbers
    of dates ("3. Oktober") and numbers that are part of a name ("Block 2") are left out."""
    found = []
    for match in _PATTERN.finditer(text):
        token = match.group("num")
        if token.isalpha() and token.lower() in ("ein", "eine", "einen", "one") and not (
            match.group("scale")
        ):
            continue  # the article "ein"/"one" is rarely a quantity on its own
        before, after = text[: match.start()], text[match.end() :]
        if re.match(r"\w", after) or re.search(r"[\w-]$", before) and not match.group("cmp"):
            continue  # part of a word or identifier such as "KN-23" or "F16"
        if token.isalpha() and re.match(r"[\s-]+(?i:quarters?|thirds?|fifths?|tenths?|drittel|"
                                        r"viertel|fünftel|zehntel)\b", after):
            continue  # "three-quarters", "zwei Drittel": a share, not a count of three
        plain = not (match.group("cmp") or match.group("scale") or match.group("pct")
                     or match.group("symbol"))
        if plain and _is_name_number(before, token, after):
            continue
        value = _parse_number(token)
        if value is None:
            continue
        if re.match(r"\.\s*(?:[A-ZÄÖÜ][a-zäöü]+)", after) and value <= 31 and token.isdigit():
            continue  # a day or ordinal: "am 3. Oktober"
        if token.isdigit() and value <= 31 and (
            re.match(rf"\s*(?:{_MONTH_NAMES})\b", after)
            or re.search(rf"\b(?:{_MONTH_NAMES})\.?\s*$", before)
        ):
            continue  # an English day: "7 September", "September 7"
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower().rstrip(".")]
        comparator = "eq"
        if match.group("cmp") and not is_worth(text, match.start()):
            lowered = match.group("cmp").lower()
            comparator = next(
                name for name, words in _COMPARATORS.items()
                if re.fullmatch(words, lowered, re.IGNORECASE)
            )
        is_year = token.isdigit() and len(token) == 4 and 1800 <= value <= 2100 and not (
            match.group("scale")
        )
        currency = re.search(r"([$€£])\s*$", before)
        unit = match.group("symbol") or (currency.group(1) if currency else "") or (
            _counted_noun(after, bool(match.group("pct"))))
        found.append(Quantity(value, comparator, match.group(0).strip(), is_year,
                              bool(match.group("pct")), unit, match.start(), match.end()))
    shares = [q for q in _shares(text)
              if not any(q.start < f.end and f.start < q.end for f in found)]
    return _tallies(text, sorted([*found, *shares], key=lambda q: q.start))


# A figure given for comparison with an earlier period: "up from €7.1m the year before",
# "nach 41 Millionen im Vorjahr", "compared with 3.2 million in 2022".
_EARLIER_BEFORE = re.compile(r"(?:up from|down from|compared (?:with|to)|nach|gegenüber|"
                             r"verglichen mit)\s+[$€£]?\s*$", re.IGNORECASE)
# The year before the one a figure is of.
YEAR_BEFORE = (r"im Vorjahr|im Jahr zuvor|ein Jahr zuvor|vor einem Jahr|a year earlier|"
               r"the previous year|the year before")
_EARLIER_PERIOD = re.compile(
    rf"^\S*(?:\s+[^\s,;.]+){{0,3}}?\s+(?P<period>{YEAR_BEFORE}|last year|(?:in|im Jahr)\s+"
    r"(?P<year>\d{4}))\b", re.IGNORECASE)


def earlier_period(text: str, quantity: Quantity) -> str | None:
    """The earlier period a figure of a text is given for, in comparison with the text's main
    figure ("up from €7.1m the year before": "the year before"; "nach 41 Millionen im Jahr
    2022": "2022"), else None."""
    if not _EARLIER_BEFORE.search(text[max(0, quantity.start - 25) : quantity.start]):
        return None
    found = _EARLIER_PERIOD.match(text[quantity.end : quantity.end + 60])
    if found is None:
        return None
    return found.group("year") or found.group("period")


# A part of those asked or counted, named before its share: an age group, a sex, a party's
# voters ("unter den 16- bis 29-Jährigen", "bei den über 65-Jährigen", "among women", "among
# Labour voters"). "Unter den Befragten" is the whole sample, not a part of it.
SUBGROUP = re.compile(
    r"\b(?:unter|bei|among|amongst)\s+(?:den|the|those)?\s*[^,;:.]*(?:\d|jährige|year-olds?|"
    r"\baged\b|älter|jünger|older|younger|frauen|männer|women|\bmen\b|anhänger|supporters|"
    r"wähler|voters)[\w-]*",
    re.IGNORECASE,
)


def share_of_subgroup(text: str, quantity: Quantity) -> str | None:
    """The part of a population a percentage of a text is given for ("Unter den 16- bis
    29-Jährigen befürworten 57 Prozent": "Unter den 16- bis 29-Jährigen"), named earlier in the
    same sentence; None for a share of the whole or a figure that is no percentage."""
    if not quantity.is_percent:
        return None
    before = re.split(r"[.;!?]\s", text[: quantity.start])[-1]
    groups = [m.group(0) for m in SUBGROUP.finditer(before)]
    return groups[-1] if groups else None


_TALLY = r"\s+(?:zu|gegen|to|against|auf|bis|und|and|oder|or)\s+"


def _tallies(text: str, found: list[Quantity]) -> list[Quantity]:
    """Two numbers joined as a vote, a change or a range count the same thing: "38 zu 21
    Stimmen", "41 votes to 26", "von 310 auf 270 Betten" give both the unit named once."""
    for i in range(len(found) - 1):
        one, other = found[i], found[i + 1]
        between = text[one.end : other.start]
        if one.is_year or other.is_year:
            continue
        if not one.unit and other.unit and re.fullmatch(_TALLY, between):
            found[i] = replace(one, unit=other.unit)
        elif one.unit and not other.unit and re.fullmatch(
                rf"\s+{re.escape(one.unit)}{_TALLY}", between):
            found[i + 1] = replace(other, unit=one.unit)
    return found


def tallies(text: str, found: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """The pairs of numbers a text joins as a vote, a change or a range ("38 zu 21 Stimmen",
    "41 votes to 26", "von 310 auf 270 Betten"), in order; `found`: the text's quantities, as
    `find_quantities` gives them (years left out)."""
    return [(one, other) for one, other in zip(found, found[1:], strict=False)
            if one.unit == other.unit and re.fullmatch(
                rf"(?:\s+{re.escape(one.unit)})?{_TALLY}", text[one.end : other.start])]


def _close(a: float, b: float, approximate: bool, percent: bool = False) -> bool:
    """Whether two figures agree: within a tenth ("rund") or a fiftieth of the larger; shares
    within 3 or 1 percentage points."""
    if percent:
        return abs(a - b) <= (3.0 if approximate else 1.0)
    tolerance = 0.1 if approximate else 0.02
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def supports(claimed: Quantity, stated: Quantity) -> bool:
    """Whether a number the evidence states establishes the number a claim states."""
    c, e = claimed.value, stated.value
    if claimed.comparator == "gt":
        return e > c or (stated.comparator == "gt" and e >= c)
    if claimed.comparator == "lt":
        return e < c or (stated.comparator == "lt" and e <= c)
    if stated.comparator in ("gt", "lt"):
        return False  # "at least 60" neither establishes nor rules out 148
    return _close(c, e, "approx" in (claimed.comparator, stated.comparator),
                  claimed.is_percent and stated.is_percent)


def contradicts(claimed: Quantity, stated: Quantity) -> bool:
    """Whether a number the evidence states rules out the number a claim states."""
    c, e = claimed.value, stated.value
    if stated.comparator in ("gt", "lt"):
        return False  # bounds in evidence are too often about another count or period
    if claimed.comparator == "gt":
        return e <= c
    if claimed.comparator == "lt":
        return e >= c
    return not _close(c, e, "approx" in (claimed.comparator, stated.comparator),
                      claimed.is_percent and stated.is_percent)


def comparable(claimed: Quantity, stated: Quantity) -> bool:
    """Whether two numbers could count the same thing: same kind and the same order of size."""
    if claimed.is_year != stated.is_year or claimed.is_percent != stated.is_percent:
        return False
    if claimed.is_year:
        return True
    low, high = sorted((abs(claimed.value), abs(stated.value)))
    return low > 0 and high / low <= 5
