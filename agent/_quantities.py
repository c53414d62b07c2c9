"""Numbers in German and English text, with the comparison they state ("über 14.000", "about nine
million"), and whether a stated number is compatible with another."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_PATTERN = re.compile(
    rf"(?:(?P<cmp>{'|'.join(_COMPARATORS.values())})\s+)?(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<scale>{'|'.join(_SCALES)})\b)?(?P<pct>\s*(?:%|prozent|percent))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number stated in text; `comparator` is eq, gt, lt or approx."""

    value: float
    comparator: str
    text: str
    is_year: bool = False
    is_percent: bool = False
    unit: str = ""


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


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text`, in order; day numbers of dates ("3. Oktober") are left out."""
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
        value = _parse_number(token)
        if value is None:
            continue
        if re.match(r"\.\s*(?:[A-ZÄÖÜ][a-zäöü]+)", after) and value <= 31 and token.isdigit():
            continue  # a day or ordinal: "am 3. Oktober"
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        comparator = "eq"
        if match.group("cmp"):
            lowered = match.group("cmp").lower()
            comparator = next(
                name for name, words in _COMPARATORS.items()
                if re.fullmatch(words, lowered, re.IGNORECASE)
            )
        is_year = token.isdigit() and len(token) == 4 and 1800 <= value <= 2100 and not (
            match.group("scale")
        )
        unit = re.match(r"\s*((?:[a-zäöüß-]+\s+)?[\wäöüÄÖÜß-]+)", after)
        found.append(Quantity(value, comparator, match.group(0).strip(), is_year,
                              bool(match.group("pct")), unit.group(1) if unit else ""))
    return found


def _close(a: float, b: float, approximate: bool) -> bool:
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
    return _close(c, e, "approx" in (claimed.comparator, stated.comparator))


def contradicts(claimed: Quantity, stated: Quantity) -> bool:
    """Whether a number the evidence states rules out the number a claim states."""
    c, e = claimed.value, stated.value
    if stated.comparator in ("gt", "lt"):
        return False  # bounds in evidence are too often about another count or period
    if claimed.comparator == "gt":
        return e <= c
    if claimed.comparator == "lt":
        return e >= c
    return not _close(c, e, "approx" in (claimed.comparator, stated.comparator))


def comparable(claimed: Quantity, stated: Quantity) -> bool:
    """Whether two numbers could count the same thing: same kind and the same order of size."""
    if claimed.is_year != stated.is_year or claimed.is_percent != stated.is_percent:
        return False
    if claimed.is_year:
        return True
    low, high = sorted((abs(claimed.value), abs(stated.value)))
    return low > 0 and high / low <= 5
