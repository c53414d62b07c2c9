"""Atomic claims without a model: a sentence split into claims that each state one fact, and made to
stand alone (a role named earlier for "der Minister", a date given earlier for "am selben Tag").

Every rule is conservative: where a split or a referent is not clear, the sentence stays whole.
German and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DET_DE = (r"der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|dieser|diese|dieses|diesem|"
           r"diesen|sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|unser|unsere")
_DET_EN = r"the|a|an|its|their|his|her|this|these|our"
_PRONOUN_DE = r"er|sie|es|wir|man"
_PRONOUN_EN = r"he|she|it|they|we"
# Pronouns that stand for the subject of the clause before ("it" not as in "it is clear").
_PERSONAL = r"(?i:er|sie|he|she|they|it(?!\s+(?:is|was|seems|remains|has been)\b))"
_AUX_DE = (r"hat|haben|hatte|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|"
           r"konnte|konnten")
_AUX_EN = r"has|have|had|is|are|was|were|will|would|can|could|did|does|do"
# A German verb at the end of a subordinate clause that would be split in a main clause
# ("ankam" -> "kam ... an"): such clauses are not rewritten.
_SEPARABLE = re.compile(r"^(?:an|auf|aus|ein|mit|zu|ab|vor|nach|zurück|fest|teil|statt|hin|her|"
                        r"los|weg|bei|dar|fort|vorbei|zusammen|bekannt)[a-zäöüß]{3,}$")
_NUMBER_WORDS = (r"ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|"
                 r"dreißig|hundert|tausend|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"eleven|twelve|twenty|thirty|hundred|thousand|dutzend|dozen")
_QUANTITY = (
    r"(?:(?:über|rund|etwa|fast|knapp|mehr als|weniger als|bis zu|mindestens|about|over|around|"
    r"nearly|almost|more than|fewer than|less than|up to|at least)\s+)?"
    rf"(?:\d[\d.,]*|(?:{_NUMBER_WORDS}))"
    r"(?:\s+(?:Millionen|Milliarden|Tausend|Mio\.|Mrd\.|million|billion|thousand))?"
)
_MONTHS = (r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
           r"january|february|march|may|june|july|october|december")
_STOP_EN = r"to|in|of|from|for|by|at|on|into|with|and|or|as|than|since"


@dataclass
class Piece:
    """One claim from a sentence: its standalone text and the span (offsets in the sentence) of
    the text it comes from."""

    text: str
    start: int
    end: int


def _tidy(text: str) -> str:
    """Whitespace collapsed, no space before punctuation, a capital first letter, a full stop."""
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split())).strip(" ,;")
    text = re.sub(r",\s*,", ",", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if re.search(r"[.!?“\"”»«]$", text) else text + "."


def _words(text: str) -> int:
    return len(text.split())


def _first_constituent(clause: str, lang: str) -> re.Match[str] | None:
    """The subject-like phrase a clause opens with: names joined by und/and, a determiner phrase
    (with a genitive) or a pronoun."""
    det = _DET_DE if lang == "de" else _DET_EN
    name = rf"(?!(?i:{det})\b)[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){{0,3}}"
    pronoun = _PRONOUN_DE if lang == "de" else _PRONOUN_EN
    conj = "und" if lang == "de" else "and"
    if lang == "de":
        phrase = (rf"(?:(?i:{det})\s+(?:[a-zäöüß][\w-]*\s+){{0,3}}[A-ZÄÖÜ][\w-]*"
                  rf"(?:\s+(?:des|der)\s+(?:[a-zäöüß][\w-]*\s+){{0,2}}[A-ZÄÖÜ][\w-]*)?)")
    else:
        phrase = rf"(?:(?i:{det})\s+(?:[\w-]+\s+){{0,3}}?[\w-]+(?=\s+(?:{_AUX_EN}|\w+ed|\w+s)\b))"
    return re.match(rf"(?:{name}(?:\s+{conj}\s+{name})?|{phrase}|(?i:{pronoun})\b)", clause)


def _verb_second(clause: str) -> str | None:
    """A German verb-final clause ("Russland und Norwegen oft im Streit lagen") in main-clause
    order ("Russland und Norwegen lagen oft im Streit"), or None when that is not clear."""
    words = clause.rstrip(" .").split()
    if len(words) < 3 or not re.fullmatch(r"[a-zäöüß]+", words[-1]) or _SEPARABLE.match(words[-1]):
        return None
    first = _first_constituent(clause, "de")
    if first is None or first.end() >= len(clause.rstrip(" .")) - len(words[-1]) - 1:
        return None
    middle = clause[first.end() : len(clause.rstrip(" .")) - len(words[-1])].strip()
    return f"{first.group(0)} {words[-1]} {middle}"


# --- the splits ---------------------------------------------------------------------------------


def split_not_only(piece: Piece, lang: str) -> list[Piece]:
    """"nicht nur X, sondern auch Y" / "not only X but also Y": one claim with X, one with Y."""
    pattern = (r"\bnicht nur\s+(?P<x>[^;]+?),?\s+sondern(?:\s+auch)?(?P<y>[^;]+?)(?=[.;!]?$)"
               if lang == "de" else
               r"\bnot only\s+(?P<x>[^;]+?),?\s+but(?:\s+also)?(?P<y>[^;]+?)(?=[.;!]?$)")
    found = re.search(pattern, piece.text)
    if not found or not found.group("x").split() or not found.group("y").strip(" ,"):
        return [piece]
    x, y = found.group("x").strip(), found.group("y").strip(" ,")
    purpose = found.group("y").lstrip().startswith(",")  # "sondern auch, um ..."
    if _kind(x, lang) != _kind(y, lang) and not (purpose and _kind(x, lang) == "preposition"):
        return [piece]  # the two are not alike ("Fragen über A auf" / "über B"): unclear
    tail = ""
    verbs = re.search(r"(?:\s+[a-zäöüß]+){1,3}$", y) if lang == "de" and not purpose else None
    if verbs and verbs.start() > 0 and not re.search(r"\s[a-zäöüß]+$", x):
        # the verbs after Y belong to both: "nicht nur A, sondern auch B bietet"
        y, tail = y[: verbs.start()], verbs.group(0)
    frame = piece.text[: found.start()], tail + piece.text[found.end() :]
    lead = ", " if purpose else " "
    left = _tidy(f"{frame[0]} {x} {frame[1]}")
    right = _tidy(f"{frame[0].rstrip()}{lead}{y} {frame[1]}")
    return [Piece(left, piece.start, piece.start + found.start("y")),
            Piece(right, piece.start + found.start("y"), piece.end)]


_PREPOSITIONS = (r"an|auf|aus|bei|durch|für|gegen|in|im|mit|nach|über|um|unter|von|vor|zu|zum|"
                 r"zur|zwischen|wegen|at|by|for|from|in|into|of|on|over|to|under|with|between|"
                 r"against|about")


def _kind(phrase: str, lang: str) -> str:
    """What a conjunct opens with: a preposition, a capitalised word (German: a noun or name),
    or another word; conjuncts of different kinds are not split."""
    first = phrase.split()[0].strip(",") if phrase.split() else ""
    if re.fullmatch(rf"(?i:{_PREPOSITIONS})", first):
        return "preposition"
    return "capital" if lang == "de" and first[:1].isupper() else "word"


def split_quantities(piece: Piece, lang: str) -> list[Piece]:
    """Two quantities joined by "sowie", "und", "and", "as well as" ("14 Busse sowie 3 Fähren"):
    one claim for each."""
    if lang == "de":
        noun = r"(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*"
        conj = r"sowie|und"
    else:
        noun = rf"(?:(?!(?:{_STOP_EN})\b)[\w-]+\s+){{0,2}}(?!(?:{_STOP_EN})\b)[\w-]+"
        conj = r"as well as|and"
    found = re.search(rf"(?P<a>{_QUANTITY}\s+{noun})\s+(?:{conj})\s+(?P<b>{_QUANTITY}\s+{noun})\b",
                      piece.text)
    if not found or not (re.search(r"\d", found.group("a")) or re.search(r"\d", found.group("b"))):
        return [piece]
    head, tail = piece.text[: found.start()], piece.text[found.end() :]
    return [Piece(_tidy(f"{head} {found.group('a')} {tail}"), piece.start,
                  piece.start + found.end("a")),
            Piece(_tidy(f"{head} {found.group('b')} {tail}"), piece.start + found.start("b"),
                  piece.end)]


_REL_DE = re.compile(
    rf"(?P<ante>\b(?P<det>(?i:{_DET_DE}))\s+(?P<adj>(?:[a-zäöüß][\w-]*\s+){{0,3}})"
    rf"(?P<noun>[A-ZÄÖÜ][\w-]*)),\s+(?P<rel>der|die|das)\s+"
    r"(?P<body>[^,;:„“\"]+?\s[a-zäöüß]+)(?=\s*(?:[,;]|\.?$))",
)
_REL_EN = re.compile(
    rf"(?P<ante>\b(?i:{_DET_EN})\s+(?:[\w-]+\s+){{0,3}}?[\w-]+|\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+),"
    r"\s+(?P<rel>which|who)\s+(?P<body>[^,;:“\"]+?)(?=\s*(?:[,;]|\.?$))",
)
# (determiner before the noun, relative pronoun): pairs whose antecedent reads as the subject
# with the determiner replaced by the pronoun; other cases (genitives, weak nouns) stay whole.
_CASES = {("der", "der"), ("die", "die"), ("das", "das"), ("den", "die"), ("dem", "das"),
          ("dem", "der"), ("ein", "der"), ("ein", "das"), ("eine", "die"), ("diese", "die"),
          ("dieser", "der"), ("dieses", "das")}


def split_relative(piece: Piece, lang: str) -> list[Piece]:
    """A relative clause between commas ("das Museum, das 1902 eröffnet wurde, ...") becomes a
    claim of its own ("Das Museum wurde 1902 eröffnet."); the rest stays one claim."""
    text = piece.text
    if lang == "de":
        found = _REL_DE.search(text)
        if not found:
            return [piece]
        det, rel = found.group("det").lower(), found.group("rel").lower()
        noun = found.group("noun")
        if (det, rel) not in _CASES or found.group("rel") != rel or (
                det in ("dem", "den") and rel == "der" and noun.endswith("en")):
            return [piece]
        if re.match(rf"(?:[A-ZÄÖÜ]|(?i:{_DET_DE})\s)", found.group("body")):
            return [piece]  # the clause has its own subject: the pronoun is an object
        adjectives = found.group("adj")
        if rel in ("der", "das"):  # "dem neuen Minister" -> "der neue Minister"
            adjectives = re.sub(r"en\b", "e", adjectives)
        subject = f"{rel.capitalize()} {adjectives}{noun}"
        clause = _verb_second(f"{subject} {found.group('body')}")
        if clause is None or not clause.startswith(subject):
            return [piece]
    else:
        found = _REL_EN.search(text)
        if not found or re.match(r"(?:a|an)\b", found.group("ante"), re.IGNORECASE):
            return [piece]
        if found.group("rel") == "who" and not found.group("ante")[0].isupper():
            return [piece]
        clause = f"{found.group('ante')} {found.group('body')}"
    if _words(found.group("body")) < 3:
        return [piece]
    after = text[found.end("body") :].lstrip()
    rest = text[: found.end("ante")] + " " + (after[1:] if after.startswith(",") else after)
    return [Piece(_tidy(rest), piece.start, piece.end),
            Piece(_tidy(clause), piece.start + found.start("rel"),
                  piece.start + found.end("body"))]


def split_clauses(piece: Piece, lang: str) -> list[Piece]:
    """Main clauses joined by ", und", ", aber", ", jedoch", "; " (", and", ", but", ...) and a
    ", während" / ", while" clause: one claim each. A right clause without its own subject
    ("..., jedoch über die Einzelheiten geschwiegen") takes the left clause's subject and
    auxiliary."""
    text = piece.text
    if lang == "de":
        joints = r",\s+(?:und|aber|doch|jedoch|während|wobei)\s+|;\s+"
    else:
        joints = r",\s+(?:and|but|yet|while|whereas)\s+|;\s+"
    for joint in re.finditer(joints, text):
        left, right = text[: joint.start()], text[joint.end() :]
        if _words(left) < 4 or _words(right) < 4 or re.search(r"[„“\"]", right):
            continue
        word = joint.group(0).strip(" ,;")
        second = _right_clause(left, right, word, lang)
        subject = _first_constituent(left, lang)
        if second and subject and not re.fullmatch(_PERSONAL, subject.group(0)):
            # "..., but it declined" -> "The firm declined"
            second = re.sub(rf"^{_PERSONAL}\b", subject.group(0), second, count=1)
        if second is None:
            continue
        first = Piece(_tidy(left), piece.start, piece.start + joint.start())
        rest = split_clauses(Piece(second, piece.start + joint.end(), piece.end), lang)
        return [first, *rest]
    return [piece]


def _right_clause(left: str, right: str, word: str, lang: str) -> str | None:
    """The right conjunct as a standalone clause, or None when it is not clearly one."""
    if lang == "de" and word in ("während", "wobei"):
        clause = _verb_second(right)
        return _tidy(clause) if clause else None
    if lang == "en":
        if not _first_constituent(right, "en") or not re.search(
                rf"\b(?:{_AUX_EN}|said|told|rose|fell|\w+ed)\b", left):
            return None
        return _tidy(right)
    if _first_constituent(right, "de") and not re.match(rf"(?:{_AUX_DE})\b", right):
        return _tidy(right)
    prefix = re.match(rf"(?P<subject>.+?)\s+(?P<aux>{_AUX_DE})\s", left)
    if prefix is None or not re.search(r"\s[a-zäöüß]+\.?$", right) or re.search(
            rf"\b(?:{_AUX_DE})\b", right):
        return None
    subject = _first_constituent(prefix.group("subject"), "de")
    if subject is None or subject.end() != len(prefix.group("subject")):
        return None
    return _tidy(f"{prefix.group('subject')} {prefix.group('aux')} {right}")


def split_consequence(piece: Piece, lang: str) -> list[Piece]:
    """A German main clause with a ", was ..." clause on it ("Der Konzern baute Stellen ab, was
    die Gewerkschaften kritisierten"): the main clause alone, and the whole sentence for what the
    "was" clause says of it."""
    found = re.search(r",\s+was\s+[^,;]+\s[a-zäöüß]+\.?$", piece.text) if lang == "de" else None
    if not found or _words(piece.text[: found.start()]) < 4:
        return [piece]
    return [Piece(_tidy(piece.text[: found.start()]), piece.start, piece.start + found.start()),
            Piece(_tidy(piece.text), piece.start + found.start() + 1, piece.end)]


SPLITS = (split_not_only, split_clauses, split_relative, split_quantities, split_consequence)


def atomic_pieces(sentence: str, lang: str) -> list[Piece]:
    """The claims of one statement sentence, each with the span it comes from; the sentence
    itself when no split applies."""
    pieces = [Piece(sentence, 0, len(sentence))]
    for split in SPLITS:
        pieces = [part for piece in pieces for part in split(piece, lang)]
    seen: set[str] = set()
    unique = []
    for piece in pieces:
        if piece.text not in seen:
            seen.add(piece.text)
            unique.append(piece)
    return unique


# --- standing alone -----------------------------------------------------------------------------

_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\.\s*(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|"
    rf"(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})",
    re.IGNORECASE,
)
_SAME_DAY = re.compile(r"\b(?:am (?:selben|gleichen) Tag|an diesem Tag|on the same day|"
                       r"on that day|the same day)\b", re.IGNORECASE)


def last_date(text: str) -> str | None:
    """The last full date (day, month, year) written in `text`."""
    dates = _DATE.findall(text)
    return dates[-1] if dates else None


def carry_date(claim: str, paragraph_before: str, lang: str) -> str:
    """"am selben Tag" / "on the same day" replaced by the date given earlier in the paragraph."""
    date = last_date(paragraph_before)
    if date is None or not _SAME_DAY.search(claim):
        return claim
    on = "am" if lang == "de" else "on"
    return _SAME_DAY.sub(f"{on} {date}", claim, count=1)
