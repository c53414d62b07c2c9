"""Atomic claims without a model: a sentence split into claims that each state one fact, and made to
stand alone (a role named earlier for "der Minister", a date given earlier for "am selben Tag").

Every rule is conservative: where a split or a referent is not clear, the sentence stays whole.
German and English.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ._quantities import OVER_VERBS, YEAR_BEFORE

_DET_DE = (r"der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|dieser|diese|dieses|diesem|"
           r"diesen|sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|unser|unsere")
_DET_EN = r"the|a|an|its|their|his|her|this|these|our"
_PRONOUN_DE = r"er|sie|es|wir|man"
_PRONOUN_EN = r"he|she|it|they|we"
# Pronouns that stand for the subject of the clause before ("it" not as in "it is clear").
_PERSONAL = r"(?i:er|sie|he|she|they|it(?!\s+(?:is|was|seems|remains|has been)\b))"
_AUX_DE = (r"hat|haben|hatte|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|"
           r"konnte|konnten")
# A German adjective with an ending ("neue", "großen").
_ADJ_DE = r"[a-zäöüß][\w-]*(?:e|en|er|es|em)"
_AUX_EN = r"has|have|had|is|are|was|were|will|would|can|could|did|does|do"
# A German verb at the end of a subordinate clause that would be split in a main clause
# ("ankam" -> "kam ... an"): such clauses are not rewritten.
_SEPARABLE_PARTICLES = (r"an|auf|aus|ein|mit|zu|ab|vor|nach|zurück|fest|teil|statt|hin|her|los|"
                        r"weg|bei|dar|fort|vorbei|zusammen|bekannt")
_SEPARABLE = re.compile(rf"^(?:{_SEPARABLE_PARTICLES})[a-zäöüß]{{3,}}$")
_NUMBER_WORDS = (r"ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|"
                 r"dreißig|hundert|tausend|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"eleven|twelve|twenty|thirty|hundred|thousand|dutzend|dozen")
_QUANTITY = (
    r"(?:(?:über|rund|etwa|fast|knapp|mehr als|weniger als|bis zu|mindestens|about|over|around|"
    r"nearly|almost|more than|fewer than|less than|up to|at least)\s+)?"
    rf"(?:\d[\d.,\ue000]*|(?:{_NUMBER_WORDS}))"
    r"(?:\s+(?:Millionen|Milliarden|Tausend|Mio\.|Mrd\.|million|billion|thousand))?"
)
_MONTHS = (r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
           r"january|february|march|may|june|july|october|december")
# Words that open a noun phrase as a determiner does ("viele Becken", "several hospitals").
_QUANTIFIER_DE = r"viele|einige|mehrere|zahlreiche|manche|wenige|alle|beide"
_QUANTIFIER_EN = r"several|many|some|most|both|few|other|all"
_STOP_EN = r"to|in|of|from|for|by|at|on|into|with|and|or|as|than|since"
# An office with the country or body after it in the genitive: "die Finanzministerin Portugals",
# "die Regierung Frankreichs".
_OFFICE_OF = (r"(?=[A-ZÄÖÜ])[\w-]*?(?i:minister|präsident|regierung|botschafter|kanzler|chef|"
              r"sprecher|armee|hauptstadt|parlament|notenbank|zentralbank)(?:in)?"
              r"\s+[A-ZÄÖÜ][\w-]*s\b")


@dataclass
class Piece:
    """One claim from a sentence: its standalone text and the span (offsets in the sentence) of
    the text it comes from."""

    text: str
    start: int
    end: int
    kind: str = "statement"  # "quote": who reported or said it, a fact as stated


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
        phrase = (rf"(?:(?i:{det}|{_QUANTIFIER_DE}|{_NUMBER_WORDS}|\d[\d.\ue000]*)\s+"
                  rf"(?:[a-zäöüß][\w-]*\s+|[A-ZÄÖÜ][\w-]*sche[nrs]?\s+(?=[A-ZÄÖÜ])){{0,3}}"
                  rf"(?:{_OFFICE_OF}|[A-ZÄÖÜ][\w-]*)"
                  rf"(?:\s+(?:des|der|beider|aller|mehrerer)\s+(?:[a-zäöüß][\w-]*\s+){{0,2}}"
                  r"[A-ZÄÖÜ][\w-]*)?)")
    else:
        verb = rf"(?=\s+(?:{_AUX_EN}|\w+ed|\w+s)\b)"
        phrase = (rf"(?:(?i:{det}|{_QUANTIFIER_EN})\s+(?:[\w-]+\s+){{0,3}}?[\w-]+{verb}|"
                  rf"(?:(?!(?:{_STOP_EN}|{_PREPOSITIONS}|{_SUBORDINATORS})\b)[a-z][\w-]*\s+)?"
                  rf"(?!(?:{_SUBORDINATORS})\b)[a-z][\w-]*s(?=\s+(?:{_AUX_EN}|\w+ed)\b))")
    return re.match(rf"(?:{name}(?:\s+{conj}\s+{name})?|{phrase}|(?i:{pronoun})\b)", clause)


def _verb_second(clause: str) -> str | None:
    """A German verb-final clause ("Russland und Norwegen oft im Streit lagen") in main-clause
    order ("Russland und Norwegen lagen oft im Streit"), or None when that is not clear."""
    words = clause.rstrip(" .").split()
    if len(words) < 3 or not re.fullmatch(r"[a-zäöüß]+", words[-1]) or _SEPARABLE.match(words[-1]):
        return None
    first = _first_constituent(clause, "de")
    if first is None or first.end() >= len(clause.rstrip(" .")) - len(words[-1]) - 1 or re.match(
            r"\s+(?:und|oder|sowie)\b", clause[first.end() :]):
        return None  # the subject goes on ("die Stadt und der Kreis"): not clear where it ends
    middle = clause[first.end() : len(clause.rstrip(" .")) - len(words[-1])].strip()
    return f"{first.group(0)} {words[-1]} {middle}"


def _subject_first(clause: str) -> str | None:
    """A German clause that opens with its finite verb after a fronted phrase was cut off
    ("hat die Stadt 2019 ... gebaut") in subject-first order ("die Stadt hat 2019 ... gebaut"),
    or None when its subject is not clear."""
    found = re.match(r"(?P<verb>[a-zäöüß]+)\s+(?P<sich>(?:sich\s+)?(?:(?:jedoch|zudem|auch|"
                     r"allerdings|dennoch|trotzdem|bereits|inzwischen|erneut)\s+)?)", clause)
    if not found or re.fullmatch(rf"(?:{_PREPOSITIONS}|{_DET_DE}|und|oder|nicht)", found["verb"]):
        return None
    subject = _first_constituent(clause[found.end() :], "de")
    rest = clause[found.end() + subject.end() :] if subject else ""
    attribute = re.match(rf"\s+(?:für|von|über|zur|zum)\s+(?:(?:{_DET_DE})\s+)?(?:{_ADJ_DE}\s+)*"
                         r"[A-ZÄÖÜ][\w-]*", rest)
    if subject and attribute:  # "die Ausgaben für Personal": the noun's attribute stays with it
        words = f"{subject.group(0)}{attribute.group(0)}"
        rest = rest[attribute.end() :]
        return f"{words} {found['verb']} {found['sich'] or ''}{rest.lstrip()}".rstrip()
    if subject is None or not rest.strip() or re.match(
            r"\s*,(?!\s+dass\b)|\s+(?:und|oder|sowie)\b", rest):
        return None  # the subject goes on; a "dass" clause is the verb's object ("zeigt, dass")
    return f"{subject.group(0)} {found['verb']} {found['sich'] or ''}{rest.lstrip()}"


# --- the splits ---------------------------------------------------------------------------------


# A figure: a number with its magnitude ("2,8 Milliarden", "1.3 billion").
_FIGURE = (r"\d[\d.,\ue000]*(?:\s+(?:Millionen|Milliarden|Mio\.|Mrd\.|Tausend|million|billion|"
           r"thousand))?")
_UNIT = r"Prozent|percent|per cent|%|Euro|Dollar|Franken|Pfund|euros|dollars|pounds"
# What a figure counts: a unit, a German noun, an English plural ("Tonnen", "containers").
_COUNTED = {"de": rf"{_UNIT}|[A-ZÄÖÜ][a-zäöüß-]+", "en": rf"{_UNIT}|[a-z]+s\b"}
# When a figure holds: a year, a month, the year or period before.
_PERIOD_DE = (rf"im Vorjahr|im Vorjahreszeitraum|im Vorjahresmonat|im Vorjahresquartal|"
              rf"im Vormonat|im Vorquartal|im Jahr zuvor|ein Jahr zuvor|im vergangenen Jahr|"
              rf"vor einem Jahr|"
              rf"(?:im Jahr|in|im)\s+\d{{4}}|\d{{4}}|im (?i:{_MONTHS})(?:\s+\d{{4}})?")
_PERIOD_EN = (rf"a year earlier|a year ago|last year|the previous year|the year before|"
              rf"a month earlier|the previous month|the previous quarter|"
              rf"in \d{{4}}|in (?i:{_MONTHS})(?:\s+\d{{4}})?")
_COMPARED = {
    "de": re.compile(rf",\s+(?P<cmp>(?:nach|gegenüber|verglichen mit)\s+(?P<figure>{_FIGURE})"
                     rf"(?:\s+(?P<unit>{_COUNTED['de']}))?\s+(?P<period>{_PERIOD_DE}))\.?$"),
    "en": re.compile(rf",\s+(?P<cmp>(?:up from|down from|compared with|compared to)\s+"
                     rf"(?P<figure>{_FIGURE})(?:\s+(?P<unit>{_COUNTED['en']}))?\s+"
                     rf"(?P<period>{_PERIOD_EN}))\.?$"),
}
# Words for a figure that is an aim, a plan or a forecast, not a count.
_AIMS = (r"\b(?:prognose\w*|prognostiz\w*|rechne[nt]|plan\w*|will|wollen|soll|sollen|ziel\w*|"
         r"forecast\w*|aim\w*|target\w*|intend\w*)\b")
_APPROXIMATE = (r"rund|etwa|circa|fast|knapp|über|mehr als|weniger als|about|around|nearly|"
                r"almost|roughly|some|over|more than|less than")
# Verbs of change to a level ("stieg auf", "fell to"): the earlier level is no change to it.
_CHANGE_TO = {"de": r"(?:stieg|stiegen|sank|sanken|fiel|fielen|wuchs|wuchsen|kletterte|kletterten|"
                    r"erhöhte sich|erhöhten sich|verringerte sich|verringerten sich)"
                    r"\b[^,;]*?\s+auf",
              "en": r"(?:rose|fell|grew|dropped|climbed|increased|decreased|declined|jumped|"
                    r"slipped|went up|went down)\b[^,;]*?\s+to"}


def split_comparison(piece: Piece, lang: str) -> list[Piece]:
    """A figure compared with an earlier one at the end of the sentence ("X schrieb 2023 ein
    Defizit von 23 Millionen Euro, nach 17 Millionen Euro im Vorjahr", "Revenue fell to 1.1
    billion pounds, down from 1.3 billion in 2022"): the sentence up to the comparison, and the
    earlier figure as a claim of its own: the same sentence with that figure and its period, or,
    after a change to a level, "X lag im Vorjahr bei ..." / "X was 1.3 billion pounds in 2022".
    Only where the sentence holds one figure, or one after "auf" / "to"."""
    found = _COMPARED[lang].search(piece.text) if lang in _COMPARED else None
    if not found:
        return [piece]
    main = piece.text[: found.start()]
    period_re = _PERIOD_DE if lang == "de" else _PERIOD_EN
    figure_re = rf"(?P<figure>{_FIGURE})(?P<unit>\s+(?:{_COUNTED[lang]}))?"
    change = re.search(rf"^(?P<subject>[^,;]+?)\s+{_CHANGE_TO[lang]}\s+{figure_re}", main)
    figures = [f for f in re.finditer(figure_re, main)
               if f["unit"] or not re.fullmatch(r"(?:19|20)\d\d", f["figure"])]
    unit = found["unit"]
    target = change if change else figures[0] if len(figures) == 1 else None
    if target is None or unit and target["unit"] and unit.lower() != target["unit"].strip().lower():
        return [piece]
    if _HEDGED.search(main) or _SPECULATIVE.search(main) or re.search(_AIMS, main, re.IGNORECASE):
        return [piece]  # "erwarten 130.000 Besucher, nach 115.000": the earlier figure was no aim
    amount = f"{found['figure']}{' ' + unit if unit else target['unit'] or ''}"
    period = found["period"]
    years = re.findall(r"\b(?:19|20)\d\d\b", main)  # "2023, nach ... im Vorjahr": 2022
    if re.fullmatch(YEAR_BEFORE, period, re.IGNORECASE) and len(years) == 1:
        period = f"{'im Jahr' if lang == 'de' else 'in'} {int(years[0]) - 1}"
    elif re.fullmatch(YEAR_BEFORE, period, re.IGNORECASE) and re.search(
            r"\b(?:im vergangenen Jahr|im letzten Jahr|last year)\b", main):
        period = "im vorletzten Jahr" if lang == "de" else "the year before last"
    if change:
        subject = change["subject"]
        if not _noun_phrase(subject, lang) or re.search(r"\d", subject):
            return [piece]
        head = subject.split(" of ")[0].split()[-1]  # "the number of visitors": "number"
        was = "were" if re.search(r"[^s']s$", head) else "was"
        earlier = (f"{subject} lag {period} bei {amount}" if lang == "de" else
                   f"{subject} {was} {amount} {period}")
    else:  # the earlier figure, without the "rund" / "about" of the later one
        before = re.sub(rf"\b(?i:{_APPROXIMATE})\s+$", "", main[: target.start()])
        earlier = before + amount + main[target.end() :]
        periods = list(re.finditer(rf"\b(?:{period_re})\b", earlier, re.IGNORECASE))
        if len(periods) > 1 or not periods and re.search(
                rf"\b(?:{_MONTHS}|\d{{4}})\b", earlier, re.IGNORECASE):
            return [piece]  # another date in the sentence: which one the figure was of is unclear
        earlier = (earlier[: periods[0].start()] + period + earlier[periods[0].end() :]
                   if periods else f"{earlier} {period}")
    return [Piece(_tidy(main), piece.start, piece.start + found.start()),
            Piece(_tidy(earlier), piece.start + found.start("cmp"), piece.end)]


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
    if verbs and verbs.start() > 0 and "," not in y and not re.search(r"\s[a-zäöüß]+$", x):
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
    a = found.group("a")
    preposition = re.match(r"über\s+", a) if lang == "de" else None
    if preposition and re.search(rf"\b(?:{OVER_VERBS})\s*$", head):
        # "verfügt über 620 Betten sowie eine Kinderklinik": "über" belongs to the verb
        head, a = head + preposition.group(0), a[preposition.end() :]
    # a genitive after the second noun is its own: "600 Helfer sowie 40 Soldaten der Armee"
    genitive = re.match(rf"\s+(?:(?:des|der)\s+(?:{_ADJ_DE}\s+)*[A-ZÄÖÜ][\w-]*|of\s+(?:the\s+)?"
                        r"[\w'’-]+)", tail)
    return [Piece(_tidy(f"{head} {a} {tail[genitive.end() :] if genitive else tail}"), piece.start,
                  piece.start + found.end("a")),
            Piece(_tidy(f"{head} {found.group('b')} {tail}"), piece.start + found.start("b"),
                  piece.end)]


# English past forms without "-ed".
_IRREGULAR_EN = (r"left|put|cut|hit|set|kept|held|led|brought|built|began|became|told|sent|went|"
                 r"came|found|got|grew|drew|threw|ran|won|lost|made|took|gave|saw|met|rose|fell|"
                 r"spent|paid|sold|said|called|urged|warned|broke|struck|spoke|chose|drove|wrote|"
                 r"stood|sank|shut|fought|caught|bought|fled|sought|swept|withdrew|overtook")
_REL_DE = re.compile(
    rf"(?P<ante>\b(?P<det>(?i:{_DET_DE}))\s+(?P<adj>(?:[a-zäöüß][\w-]*\s+){{0,3}})"
    rf"(?P<noun>[A-ZÄÖÜ][\w-]*)(?P<name>(?:\s+[A-ZÄÖÜ][\w-]*){{0,2}})|"
    r"^(?P<person>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3})),\s+(?P<rel>der|die|das)\s+"
    r"(?P<body>[^,;:„“\"]+?\s[a-zäöüß]+)(?=\s*(?:[,;]|\.?$))",
)
_REL_EN = re.compile(
    rf"(?P<ante>\b(?i:{_DET_EN})\s+(?:(?!(?:{_AUX_EN}|{_DET_EN}|{_IRREGULAR_EN})\b)[\w'’-]+(?<!ed)"
    rf"\s+){{0,5}}?[\w'’-]+|\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+|^[A-Z][\w'-]+),"
    r"\s+(?P<rel>which|who|whose)\s+(?P<body>[^,;:“\"]+?)(?=\s*(?:[,;]|\.?$))",
)
# "an dem Vorhaben, dessen Gesamtkosten auf 412 Millionen Euro geschätzt werden"
_GENITIVE_REL_DE = re.compile(
    rf"(?P<ante>\b(?P<det>(?i:{_DET_DE}))\s+(?P<adj>(?:[a-zäöüß][\w-]*\s+){{0,3}})"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*)),\s+(?P<rel>dessen|deren)\s+"
    r"(?P<owned>(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)\s+"
    r"(?P<body>[^,;:„“\"]+?\s[a-zäöüß]+)(?=\s*(?:[,;]|\.?$))",
)
# The dative of the antecedent's determiner after "von", by the relative pronoun ("dessen": a
# masculine or neuter noun, "deren": a feminine one or a plural); where the case cannot be read
# off the determiner ("die" before a noun that may be a plural) the sentence stays whole.
_DATIVE = {("dem", "dessen"): "dem", ("das", "dessen"): "dem", ("den", "dessen"): "dem",
           ("der", "dessen"): "dem", ("des", "dessen"): "dem", ("einem", "dessen"): "einem",
           ("ein", "dessen"): "einem", ("einen", "dessen"): "einem", ("eines", "dessen"): "einem",
           ("der", "deren"): "der", ("einer", "deren"): "der", ("eine", "deren"): "einer",
           ("den", "deren"): "den"}
# (determiner before the noun, relative pronoun): pairs whose antecedent reads as the subject
# with the determiner replaced by the pronoun; other cases (genitives, weak nouns) stay whole.
_CASES = {("der", "der"), ("die", "die"), ("das", "das"), ("den", "die"), ("dem", "das"),
          ("dem", "der"), ("ein", "der"), ("ein", "das"), ("eine", "die"), ("diese", "die"),
          ("dieser", "der"), ("dieses", "das")}


# What a relative clause may say instead of a fact: a fear, a hope, an expectation.
_SPECULATIVE = re.compile(
    r"\b(?:befürcht\w*|fürcht\w*|hoff\w*|erwart\w*|glaub\w*|vermut\w*|spekulier\w*|"
    r"fear\w*|hope\w*|expect\w*|believe\w*|worr\w*|predict\w*|speculat\w*)\b",
    re.IGNORECASE)
_TRAILING_DE = re.compile(
    r"^(?P<main>[^,;:„“\"]+?),\s+(?P<rel>die|der|das|welche|welcher|welches)\s+(?!heißt\b)"
    rf"(?P<body>(?:(?!(?:{_DET_DE}|{_PRONOUN_DE})\b)[a-zäöüß]|(?:den|dem|des|einen|einem)\s)"
    r"[^;„“\"]*?\s?[a-zäöüß]+(?:,\s+[^;„“\"]+)?)\.?$")
_TRAILING_EN = re.compile(
    r"^(?P<main>[^,;:“\"]+?),\s+(?P<rel>who|which|that)\s+"
    rf"(?P<body>(?!(?:{_DET_EN}|{_PRONOUN_EN}|this|there)\b)[^,;“\"]+?)\.?$")
_SUBORDINATORS = (r"während|obwohl|weil|da|als|wenn|nachdem|dass|ob|wie|bevor|seit|sobald|"
                  r"while|although|because|since|when|after|before|if|as|though")


def _trailing_relative(piece: Piece, lang: str) -> list[Piece] | None:
    """A relative clause that ends the sentence after its verb or object ("Der Plan hat Kritik
    bei Anwohnern geweckt, die fürchten, dass ...", "The plan angered residents, who fear ..."):
    the main clause alone when the relative clause is hedged or speculative; else the main clause
    and the relative clause with its antecedent ("Residents have protested for years.") after "who",
    or with the whole sentence after "which"/"that" (perhaps said of the whole event); a German
    one after the verb leaves the sentence whole (which noun it is said of is not clear). None
    where the construction is not this one or a German clause follows a noun."""
    found = (_TRAILING_DE if lang == "de" else _TRAILING_EN).match(piece.text)
    if not found or _words(found["main"]) < 4 or _words(found["body"]) < 1 or re.match(
            rf"(?i:{_SUBORDINATORS})\b", found["main"]):
        return None
    main = found["main"]
    if not re.search(r"\s[a-zäöüß]+\b", main):
        return None  # no verb before the comma: no main clause
    first = Piece(_tidy(main), piece.start, piece.start + len(main))
    body = found["body"]
    if _HEDGED.search(body) or _SPECULATIVE.search(body.split(",")[0]):
        return [first]
    if lang == "de":  # after a noun the rule for an antecedent with a determiner decides
        return None if re.search(r"\s[A-ZÄÖÜ][\w-]*$", main) else [piece]
    noun = rf"(?!{_VERB_EN}\b)[a-z][\w-]*"
    ante = re.search(rf"(?:\b(?i:the|its|their)\s+(?:{noun}\s+){{0,2}}[\w-]+|"
                     rf"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}}|"
                     rf"(?<=\s)(?:(?!(?:{_PREPOSITIONS}|{_DET_EN})\b){noun}\s+)?{noun}s)$", main)
    if found["rel"] != "who" or ante is None:
        return [first, piece]
    clause = f"{ante.group(0)} {body}"
    return [first, Piece(_tidy(clause), piece.start + found.start("rel"), piece.end)]


# Offices: an apposition that names one is a role, which the extractor states on its own.
_OFFICE = re.compile(
    r"(?i:\w*(?:minister|präsident|president|kanzler|chancellor|sprecher|spokes|leiter|direktor|"
    r"director|chef|chief|head|leader|vorsitzend|chair|bürgermeister|mayor|gouverneur|governor|"
    r"botschafter|ambassador|secretary|senator|general|executive|ceo|officer|manager|coach|"
    r"trainer|kapitän|captain)\w*)")
_NAME_DE = r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}"
_APPOSITION_DE = re.compile(
    rf"^(?P<prep>(?:In|Aus|Bei|Nach|Von)\s+)?(?P<ante>(?:(?:Der|Die|Das)\s+"
    rf"(?:{_ADJ_DE}\s+){{0,2}})?(?!(?:{_DET_DE})\b){_NAME_DE}),\s+"
    r"(?P<app>(?P<det>ein|eine|einer|einem|eines|der|die|das)\s+"
    r"(?P<words>(?:[^,;:„“\"]*\s)?(?:[A-ZÄÖÜ][\w-]*|\d[\d.\ue000]*))),\s+"  # no clause
    rf"(?P<rest>(?P<verb>(?!(?:und|oder|sowie|{_DET_DE}|{_PRONOUN_DE})\b)[a-zäöüß]+)\s[^;]+)$")
_APPOSITION_EN = re.compile(
    rf"^(?P<prep>(?:In|At|From|Near)\s+)?(?P<ante>(?i:the|its|their)\s+"
    rf"(?:(?!(?:{_AUX_EN}|{_DET_EN}|{_IRREGULAR_EN})\b)[\w'’-]+(?<!ed)\s+){{0,4}}?[\w'’-]+|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+"
    r"(?P<app>(?P<participle>(?:[a-z]+ly\s+)?(?:[a-z]+ed|built|run|held|led|made|set|known|"
    r"founded|owned)\s+(?:by|in|on|at|for|from|with|as|to|under|near)\s)?[^,;:“\"]+?),\s+"
    r"(?P<rest>(?!(?:and|or|but|who|which|that|whose)\b)(?(prep)[\w\ue000]|[a-z])[^;]*)$")
_TRAILING_APPOSITION_EN = re.compile(
    r"^(?P<main>[^,;:“\"]+?\s(?P<ante>(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})),\s+"
    r"(?P<app>(?:a|an|one of)\s[^,;:“\"]+?)\.?$")
# Participles that say what something is, not what was done to it ("based in Leeds").
_STATIVE_EN = r"based|located|headquartered|owned|known|listed|registered|named|called"
_SENTENCE_ADVERBS_EN = (r"however|meanwhile|today|yesterday|now|then|still|instead|also|overall|"
                        r"separately|earlier|later|nevertheless|moreover|finally|first|second|"
                        r"third|last|this|that|it|there|here")


def split_apposition(piece: Piece, lang: str) -> list[Piece]:
    """A noun phrase in apposition to the subject that opens the sentence ("Grimmstedt, eine
    Kleinstadt mit 9.000 Einwohnern, liegt ...", "In Grimmstedt, einer Kleinstadt ..., mussten",
    "The colony, one of the largest on the coast, numbers ...", "The walkout, organised by the
    union, halted ...") or to a name that ends it ("... by the Coastal Trust, a charity with
    18,000 members."): a claim that the name is what the apposition says ("ist", "is"; "was
    organised by" for a participle), and the sentence without it. Not for offices (the
    extractor states those as roles), nor where the apposition holds a clause."""
    if lang == "de":
        found = _APPOSITION_DE.match(piece.text)
        claim = _apposition_de(found) if found else None
    elif lang == "en":
        found = _APPOSITION_EN.match(piece.text)
        claim = _apposition_en(found) if found else None
        if found is None:
            found = _TRAILING_APPOSITION_EN.match(piece.text)
            if found and not re.search(rf"\b(?:{_AUX_EN}|{_IRREGULAR_EN}|that|which|who|whose)\b",
                                       found["app"]) and not _OFFICE.search(found["app"]):
                ante = found["ante"][0].upper() + found["ante"][1:]
                app = Piece(_tidy(f"{ante} is {found['app']}"), piece.start + found.start("app"),
                            piece.end)
                return [Piece(_tidy(found["main"]), piece.start, piece.start + found.end("main")),
                        app]
            return [piece]
    else:
        return [piece]
    if found is None or claim is None or _OFFICE.search(found["app"]) or found["prep"] and (
            re.match(rf"(?i:{_DET_DE if lang == 'de' else _DET_EN})\s", found["ante"])):
        return [piece]  # after a preposition a name only: "In Grimmstedt, einer Kleinstadt"
    comma = "," if lang == "en" and found["prep"] else ""  # "In Leeds, 300 people ..."
    main = f"{piece.text[: found.end('ante')]}{comma} {found['rest']}"
    return [Piece(_tidy(main), piece.start, piece.end),
            Piece(_tidy(claim), piece.start + found.start("app"), piece.start + found.end("app"))]


def _apposition_de(found: re.Match[str]) -> str | None:
    """"ANTE ist APP" for a German apposition in the nominative, or in the dative after a
    preposition ("einer Kleinstadt" -> "eine Kleinstadt"); None where the case is unclear."""
    det, words, ante = found["det"], found["words"], found["ante"]
    if re.match(rf"(?i:{_ADVERB_DE}|{_PREPOSITIONS})\b", ante.split()[-1] if not found["prep"]
                else ante) or re.search(rf"\s(?:{_SUBORDINATORS}|{_AUX_DE})\s", f" {words} "):
        return None
    if found["prep"]:  # the dative: "einer" (feminine) and "einem" without an adjective only
        if det in ("einer", "der") and not re.match(r"(?:der|des)\b", words):
            # the feminine dative: "einer kleinen Stadt" -> "eine kleine Stadt"
            words = re.sub(r"^((?:[a-zäöüß]+en\s+)*)", lambda m: re.sub(r"en\b", "e", m[1]),
                           words)
            det = "eine" if det == "einer" else "die"
        elif det == "einem" and re.match(r"[A-ZÄÖÜ]", words):
            det = "ein"
        else:
            return None
    elif det in ("einer", "eines") and not re.match(r"(?:der|des)\s", words) or det == "einem":
        return None  # "einer der größten" is nominative; "einer Stadt" is not
    plural = not found["prep"] and re.fullmatch(r"[a-zäöüß]+en|sind", found["verb"])
    verb = "sind" if plural else "ist"  # as the verb of the sentence, whose subject it is
    return f"{ante} {verb} {det} {words}"


def _apposition_en(found: re.Match[str]) -> str | None:
    """"ANTE is APP" (or "ANTE was organised by ...") for an English apposition; None where the
    apposition holds a clause or the phrase before it is no noun phrase."""
    ante, app = found["ante"], found["app"]
    first = ante.split()[0]
    if re.fullmatch(rf"(?i:{_SENTENCE_ADVERBS_EN}|{_PREPOSITIONS}|{_SUBORDINATORS})|\w+ly", first):
        return None
    ante = ante[0].upper() + ante[1:]
    if re.fullmatch(r"\d{1,3}", app) and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+", ante):
        return f"{ante} is {app} years old"  # "John Reed, 45, was charged ..."
    plural = re.match(r"(?i:the|its|their)\s", ante) and re.search(r"[^s']s$", ante)
    if found["participle"]:
        stative = re.match(rf"(?:[a-z]+ly\s+)?(?:{_STATIVE_EN})\b", app)
        verb = ("are" if plural else "is") if stative else ("were" if plural else "was")
        return f"{ante} {verb} {app}"
    if not re.match(r"(?:a|an|one of|the|[A-Z][\w'’-]*['’]s)\s", app) or re.search(
            rf"\b(?:{_AUX_EN}|{_IRREGULAR_EN}|that|which|who|whose)\b", app):
        return None
    return f"{ante} {'are' if plural else 'is'} {app}"


# A German weak participle as an attribute ("eröffnete", "gegründeten", "sanierte").
_PARTICIPLE_DE = (r"(?:[a-zäöüß]*ge|be|er|ver|ent|zer|über|unter)[a-zäöüß]+t(?:e|en)|"
                  r"[a-zäöüß]+iert(?:e|en)")
# Participles of verbs whose perfect takes "sein" ("die 2019 gescheiterte Fusion"): no passive.
_NO_PASSIVE_DE = re.compile(r"(?:landet|reist|wandert|strandet|flüchtet|scheitert|stürzt|"
                            r"unglückt|glückt|folgt|startet|eilt|rückt|kehrt)(?:e|en)$")
_ATTRIBUTE_DE = re.compile(
    rf"^(?P<det>Der|Die|Das)\s+(?P<mods>(?:[^\s,;:„“\"]+\s+){{1,5}}?)(?P<part>{_PARTICIPLE_DE})\s+"
    rf"(?P<noun>{_NAME_DE}(?:\s+(?:an|in|am|im|bei|aus|von|vom|über|nach|für|zum|zur)\s+"
    r"(?:(?:der|die|das|dem|den)\s+)?"
    r"[A-ZÄÖÜ][\w-]*)?)(?=\s+[a-zäöüß])")


def split_participle(piece: Piece, lang: str) -> list[Piece]:
    """A German subject with a participle attribute that gives a date, a number or an agent
    ("Das 2019 eröffnete Klinikum verfügt ...", "Die im Jahr 2013 errichtete Mauer hielt ..."):
    a passive claim of its own ("Das Klinikum wurde 2019 eröffnet."), and the sentence without
    the attribute."""
    found = _ATTRIBUTE_DE.match(piece.text) if lang == "de" else None
    if not found:
        return [piece]
    mods, part, det = found["mods"].strip(), found["part"], found["det"]
    plural = part.endswith("en")
    if not re.search(rf"\d|\b(?:{_MONTHS}|von|vom|durch)\b", mods, re.IGNORECASE) or re.search(
            rf"\b(?:seit|bis|ab|{_AUX_DE}|{_DET_DE})$|^(?:seit|bis|ab)\b|[a-zäöüß]+(?:te|ten)\b",
            mods) or _NO_PASSIVE_DE.search(part) or plural and det != "Die":
        return [piece]  # a participle that says when, by whom, how many; no "seit"-state
    base = part[: -2] if plural else part[:-1]
    claim = f"{det} {found['noun']} {'wurden' if plural else 'wurde'} {mods} {base}"
    main = f"{det} {found['noun']}{piece.text[found.end() :]}"
    return [Piece(_tidy(main), piece.start, piece.end),
            Piece(_tidy(claim), piece.start + found.start("mods"),
                  piece.start + found.end("noun"))]


def split_relative(piece: Piece, lang: str) -> list[Piece]:
    """A relative clause between commas ("das Museum, das 1902 eröffnet wurde, ...") becomes a
    claim of its own ("Das Museum wurde 1902 eröffnet."); the rest stays one claim. A relative
    clause at the end of the sentence: see `_trailing_relative`."""
    text = piece.text
    trailing = _trailing_relative(piece, lang)
    if trailing is not None:
        return trailing
    if lang == "de":
        genitive = _genitive_relative_de(piece)
        if genitive is not None:
            return genitive
        found = _REL_DE.search(text)
        if not found:
            return [piece]
        rel = found.group("rel").lower()
        if re.match(rf"(?:[A-ZÄÖÜ]|(?!(?:den|dem|des)\s)(?i:{_DET_DE}|{_PRONOUN_DE})\s)",
                    found.group("body")):
            return [piece]  # the clause has its own subject: the pronoun is an object
        if found.group("person"):  # a name opens the sentence: "Landrat Anna Berg, die ..."
            subject = found.group("person")
            if re.match(rf"(?i:{_DET_DE}|{_PREPOSITIONS}|am|im|{_ADVERB_DE})\b", subject):
                return [piece]
        else:
            det, noun = found.group("det").lower(), found.group("noun")
            if (det, rel) not in _CASES or found.group("rel") != rel or (
                    det in ("dem", "den") and rel == "der" and noun.endswith("en")) or (
                    found.group("name") and found.start("ante") > 0):
                return [piece]  # a name after the noun only in the subject: "Die Stadt Hallberg"
            adjectives = found.group("adj")
            if rel in ("der", "das"):  # "dem neuen Minister" -> "der neue Minister"
                adjectives = re.sub(r"en\b", "e", adjectives)
            subject = f"{rel.capitalize()} {adjectives}{noun}{found.group('name')}"
        # in main-clause order with a pronoun for the subject, which may hold a name
        clause = _verb_second(f"Er {found.group('body')}")
        if clause is None or not clause.startswith("Er "):
            return [piece]
        clause = subject + clause[2:]
    else:
        found = _REL_EN.search(text)
        if not found or re.match(r"(?:a|an)\b", found.group("ante"), re.IGNORECASE):
            return [piece]
        ante = found.group("ante")
        if found.group("rel") == "who" and not ante[0].isupper() or re.fullmatch(
                rf"(?i:{_DET_EN}|{_PRONOUN_EN}|{_SUBORDINATORS}|however|yet|meanwhile)", ante):
            return [piece]
        if found.group("rel") == "whose":  # "Mark Ellis, whose party ..." -> "Mark Ellis's party"
            ante += "'" if re.search(r"\s[a-z]+s$", ante) else "'s"  # "the residents'"
        clause = f"{ante} {found.group('body')}"
    if _words(found.group("body")) < 3:
        return [piece]
    return _relative_split(piece, found, clause)


def _relative_split(piece: Piece, found: re.Match[str], clause: str) -> list[Piece]:
    """The sentence without the relative clause `found` (groups "ante", "rel", "body"), and the
    clause as `clause` says it, with the span it comes from."""
    text = piece.text
    after = text[found.end("body") :].lstrip()
    rest = text[: found.end("ante")] + " " + (after[1:] if after.startswith(",") else after)
    return [Piece(_tidy(rest), piece.start, piece.end),
            Piece(_tidy(clause), piece.start + found.start("rel"),
                  piece.start + found.end("body"))]


def _genitive_relative_de(piece: Piece) -> list[Piece] | None:
    """A German relative clause of possession ("an dem Vorhaben, dessen Gesamtkosten auf 412
    Millionen Euro geschätzt werden"): the sentence without it, and the clause in main-clause order
    with the owner after "von" ("Gesamtkosten von dem Vorhaben werden auf 412 Millionen Euro
    geschätzt"). None where this is not the construction or the owner's case is not clear."""
    found = _GENITIVE_REL_DE.search(piece.text)
    if not found or _words(found["body"]) < 2:
        return None
    det = _DATIVE.get((found["det"].lower(), found["rel"]))
    if found["det"].lower() == "die" and found["rel"] == "deren" and not re.search(
            r"(?:en|er|s)$", found["noun"]):
        det = "der"  # "die Stadt, deren ...": a feminine noun, no plural form
    if det is None or det == "den" and not found["noun"].endswith("n"):
        return None
    clause = _verb_second(f"Er {found['body']}")
    if clause is None or not clause.startswith("Er "):
        return None
    adjectives = re.sub(r"(?:e|es|er|em)\b", "en", found["adj"])
    owned = found["owned"][0].upper() + found["owned"][1:]
    clause = f"{owned} von {det} {adjectives}{found['noun']}{clause[2:]}"
    return _relative_split(piece, found, clause)


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


# German words that open a sentence or follow "und" without being its subject or a verb.
_ADVERB_DE = (r"zuletzt|inzwischen|mittlerweile|bislang|bisher|zudem|außerdem|auch|dann|danach|"
              r"damit|dabei|deshalb|daher|darum|dennoch|trotzdem|jedoch|allerdings|gestern|heute|"
              r"morgen|jetzt|nun|zuvor|später|erst|noch|schon|bereits|zunächst|anschließend|"
              r"insgesamt|derzeit|aktuell|damals|dort|hier|so|zwar|immerhin|stattdessen|vielmehr|"
              r"seitdem|künftig|ebenfalls|gleichzeitig|zugleich|hingegen|dagegen|offenbar|"
              r"tatsächlich|kürzlich|erneut|wieder|vorerst|zuerst|schließlich|nicht|nie|kaum|"
              r"mehr|weniger|viele|vielen|alle|allen|andere|anderen|einige|mehrere|wenige|beide|"
              r"beiden|sich|ihm|ihn|ihnen|uns|zwar|etwa|rund|fast|knapp|gut|sehr|weit")
# English words after which a verb after "and" has an object or adverbial, not a bare noun
# ("and urged both sides", not "new and used cars").
_AFTER_VERB_EN = (rf"{_DET_EN}|{_QUANTIFIER_EN}|{_PREPOSITIONS}|it|them|him|us|that|to|up|out|"
                  rf"down|off|back|\d[\w.,\ue000]*|{_NUMBER_WORDS}|tens|hundreds|thousands|"
                  r"dozens|millions|\w+ly")


def _predicate_subject(text: str, lang: str) -> str | None:
    """The subject a German or English main clause opens with, right before its finite verb
    ("Ministerpräsident Jörg Keller", "Transport secretary Ian Marsh"), or None where the clause
    opens with a preposition or an adverb, or the subject is not a clear noun phrase."""
    # a present verb before its object: "employs 300", "owns the"
    present = rf"[a-z]+s\s+(?:(?i:{_DET_EN}|{_QUANTIFIER_EN}|{_NUMBER_WORDS})\b|\d)"
    found = _SOURCE_DE.match(text) if lang == "de" else re.match(
        rf"(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+(?=\s+(?:(?:{_VERB_EN}|{_IRREGULAR_EN})\b|{present}))",
        text)
    if not found or not _noun_phrase(found.group(0), lang) or lang == "en" and re.search(
            rf"(?<!\bof)\s(?i:{_DET_EN})\s", found.group(0)):
        return None  # "Yesterday the council met": no determiner inside the subject
    subject = found.group(0)
    first = subject.split()[0]
    stop = rf"{_PREPOSITIONS}|am|im|vom|beim|zum|zur|{_ADVERB_DE}|{_SUBORDINATORS}"
    if re.fullmatch(rf"(?i:{stop})", first) or re.search(r"\d", subject):
        return None
    return subject


def split_predicates(piece: Piece, lang: str) -> list[Piece]:
    """Two predicates of one subject joined by "und" / "and" ("Die Feuerwehr evakuierte ein Heim
    und brachte 85 Bewohner in eine Halle", "The minister met the union and urged both sides to
    talk"): one claim each, the second with the subject. Only where the subject opens
    the sentence, nothing before the "und" is set off by a comma, the word after it reads as a
    finite verb (in English a known verb form), and a German second predicate gives a figure or
    a date."""
    text = piece.text
    subject = _predicate_subject(text, lang) if lang in ("de", "en") else None
    if subject is None:
        return [piece]
    conj = "und" if lang == "de" else "and"
    for joint in re.finditer(rf"\s+{conj}\s+(?P<verb>[\w-]+)(?P<next>\s+[^\s,.;]+)?", text):
        left, right = text[len(subject) : joint.start()], text[joint.start("verb") :]
        if re.search(r"[,;:„“\"]", left) or _words(left) < 2 or _words(right) < (
                2 if lang == "de" else 3):
            return [piece]
        if re.fullmatch(_REPORT_VERBS_EN, joint["verb"]) if lang == "en" else re.fullmatch(
                _REPORT_VERBS_DE, joint["verb"]) and re.match(r"\S+\s*(?:,|dass\b)", right):
            return [piece]  # a report: `split_reported` decides what of it is a claim
        if lang == "de" and not re.search(
                rf"\d|\b(?i:{_NUMBER_WORDS}|{_MONTHS}|hunderte|tausende|dutzende)\b", right):
            continue  # German: no figure or date, no fact of its own where the verb is a guess
        if _finite_after_and(left, joint["verb"], (joint["next"] or "").strip(), right, lang):
            first = Piece(_tidy(text[: joint.start()]), piece.start, piece.start + joint.start())
            second = Piece(_tidy(f"{subject} {right}"), piece.start + joint.start("verb"),
                           piece.end)
            return [first, *split_predicates(second, lang)]
    return [piece]


# A German participle or infinitive that ends a clause after "hat" or a modal.
_VERB_END_DE = re.compile(r"(?:[a-zäöüß]*ge[a-zäöüß]+(?:t|en)|[a-zäöüß]+iert|"
                          r"(?:be|er|ver|ent|zer|über|unter|miss)[a-zäöüß]+(?:t|en)|"
                          r"[a-zäöüß]+(?:en|ern|eln))$")


def split_shared_auxiliary(piece: Piece, lang: str) -> list[Piece]:
    """Two German clauses that share the subject and "hat" or a modal ("Die Polizei hat drei
    Männer festgenommen und 40 Kilo Kokain sichergestellt", "Die Stadt will 2025 eine Schule
    bauen und 2026 ein Bad eröffnen"): one claim each, where the second gives a figure or a date
    (as `split_predicates` asks). Not with "ist", "wird", "wurde", whose second part may have a
    subject of its own ("wurden gesperrt und 300 Häuser evakuiert")."""
    text = piece.text
    subject = _predicate_subject(text, lang) if lang == "de" else None
    if subject is None:
        return [piece]
    found = re.match(
        r"\s+(?P<aux>hat|haben|hatte|hatten|will|wollen|wollte|wollten|soll|sollen|sollte|"
        r"sollten|muss|müssen|musste|mussten|kann|können|konnte|konnten)\s+"
        r"(?P<left>[^,;:„“\"]+?\s(?P<end1>[a-zäöüß]+))\s+und\s+"
        r"(?P<right>(?!(?:und|oder|sowie|dann|danach|damit)\b)[^,;:„“\"]+?\s"
        r"(?P<end2>[a-zäöüß]+))\.?$", text[len(subject) :])
    if not found or not _VERB_END_DE.match(found["end1"]) or not _VERB_END_DE.match(
            found["end2"]) or re.match(rf"(?:{_AUX_DE}|[a-zäöüß]+te)\s", found["right"]) or (
            _words(found["left"]) < 2 or _words(found["right"]) < 3) or not re.search(
            rf"\d|\b(?i:{_NUMBER_WORDS}|{_MONTHS}|hunderte|tausende|dutzende)\b", found["right"]):
        return [piece]  # a finite verb of its own (`split_predicates`), or no figure or date
    at = len(subject)
    head = f"{subject} {found['aux']}"
    return [Piece(_tidy(text[: at + found.end("left")]), piece.start,
                  piece.start + at + found.end("left")),
            Piece(_tidy(f"{head} {found['right']}"), piece.start + at + found.start("right"),
                  piece.end)]


def _finite_after_and(left: str, verb: str, after: str, right: str, lang: str) -> bool:
    """Whether the word after "und"/"and" is a finite verb with the subject of the clause before
    (`left`: that clause after its subject; `after`: the word after the verb)."""
    if lang == "en":
        words = left.split()
        inside = " ".join(words[2 if re.fullmatch(_AUX_EN, words[0]) else 1 :])
        if re.search(rf"\b(?:{_AUX_EN}|{_IRREGULAR_EN}|that|which|who|says)\b", inside):
            return False  # a clause inside the first predicate: which verb "and" joins is unclear
        if re.fullmatch(rf"{_AUX_EN}", verb):
            return True
        if re.fullmatch(r"is|are|was|were", words[0]):
            return False  # "were evacuated and told to ...": the participle shares "were"
        if re.fullmatch(r"\w+ed|left|set|cut|put|hit", verb):  # also adjectives ("used cars")
            return bool(re.fullmatch(rf"(?i:{_AFTER_VERB_EN})", after))
        return bool(re.fullmatch(_IRREGULAR_EN, verb))
    last = left.split()[-1]
    adjective = r"[a-zäöüß]+(?:e|en|er|es|em)"
    if not re.fullmatch(r"[a-zäöüß]+", verb) or re.fullmatch(
            rf"{_PREPOSITIONS}|{_DET_DE}|{_PRONOUN_DE}|{_ADVERB_DE}|{_NUMBER_WORDS}|"
            rf"sowie|oder|ge[a-zäöüß]+(?:t|en)", verb) or re.fullmatch(adjective, last):
        return False
    if re.fullmatch(adjective, verb) and re.match(r"[A-ZÄÖÜ]", after):
        return False  # "und neue Schulden": an adjective, not a verb
    if re.fullmatch(adjective, after) and not re.fullmatch(_DET_DE, after):
        return False  # "und gut ausgebildete Fachkräfte"
    if re.fullmatch(r"ist|sind|war|waren|bleibt|bleiben|blieb|blieben|gilt|galt",
                    left.split()[0]) and not re.fullmatch(r"[a-zäöüß]+ten?", verb):
        return False  # "ist 40 Meter tief und bekannt für ...": an adjective, not a verb
    # "hat gespart und viel investiert": a verb at the end shares the auxiliary before it
    auxiliary = re.fullmatch(rf"{_AUX_DE}|soll|sollen|muss|müssen|will|wollen", left.split()[0])
    return not (auxiliary and re.search(r"\s[a-zäöüß]+\.?$", right) and not re.search(
        rf"\s(?:{_SEPARABLE_PARTICLES})\.?$", right))


def split_objects(piece: Piece, lang: str) -> list[Piece]:
    """Two objects of one verb joined by "sowie" / "as well as" ("Die Stadt sanierte die Schule
    sowie das Rathaus", "The trust welcomed the ruling as well as the court's call for ..."): one
    claim each, with the words after the second that end a German clause ("... saniert"). Only
    where both open with a determiner (in German or an adjective: "niedrigere Entgelte"), the
    first follows the verb (not a preposition), and the predicate is not said of the two
    together."""
    text = piece.text
    subject = _predicate_subject(text, lang) if lang in ("de", "en") else None
    conj = r"\s+sowie\s+" if lang == "de" else r"\s+as well as\s+"
    joint = re.search(conj, text)
    if subject is None or joint is None or joint.start() <= len(subject) or _TOGETHER.search(
            text) or re.search(r"\d|[„“\"]", text):
        return [piece]
    det = _DET_DE if lang == "de" else _DET_EN
    # an English possessive; a German adjective before a plural noun ("niedrigere Entgelte")
    owner = rf"|{_ADJ_DE}(?=\s+[A-ZÄÖÜ])" if lang == "de" else r"|[A-Z][\w'’-]*['’]s"
    before = [m for m in re.finditer(rf"\s(?:(?i:{det}){owner})\s",
                                     text[len(subject) : joint.start()])
              if not re.search(rf"\b(?i:{det})\s*$", text[: len(subject) + m.start()])]
    second = re.match(rf"(?:(?i:{det}){owner})\s", text[joint.end() :])
    if not before or not second or re.search(r"[,;:]", text[len(subject) : joint.start()]):
        return [piece]
    at = len(subject) + before[-1].start() + 1  # where the first object opens
    head, first = text[:at], text[at : joint.start()]
    if re.search(rf"\b(?i:{_PREPOSITIONS}|of)\s*$", head) or _words(head) <= _words(subject):
        return [piece]  # "the plan for A as well as B": which noun the second goes with is unclear
    rest = text[joint.end() :]
    if re.search(r"[,;:]", rest):
        return [piece]
    verbs = re.search(r"(?:\s+[a-zäöüß]+){1,2}\.?$", rest) if lang == "de" else None
    tail = verbs.group(0) if verbs and verbs.start() > 0 else ""
    objects = rest[: len(rest) - len(tail)] if tail else rest
    return [Piece(_tidy(f"{head}{first}{tail}"), piece.start, piece.start + joint.start()),
            Piece(_tidy(f"{head}{objects}{tail}"), piece.start + joint.end(), piece.end)]


# What an English writer says the event means, after its clause: ", signalling a shift in ...",
# ", marking the first ...", ", a move critics called reckless", ", in a step that ...".
_COMMENTARY_EN = re.compile(
    r",\s+(?:(?:signall?ing|marking|underscoring|underlining|highlighting|raising|sparking|"
    r"reflecting|prompting|fuell?ing|deepening|heightening|adding to|dealing|casting|sending|"
    r"triggering|setting the stage|paving the way|drawing)\s|"
    r"(?:in\s+)?(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:move|step|decision|development|shift|blow|"
    r"sign|signal|turn|escalation)\s+(?:that|which|seen|widely|critics|observers|analysts)\b)"
    r"[^;]*$"
)


def split_consequence(piece: Piece, lang: str) -> list[Piece]:
    """A main clause with what the writer says it leads to or means after it: a German ", was
    ..." clause ("Der Konzern baute Stellen ab, was die Gewerkschaften kritisierten"), an English
    participle or apposition of comment (", signalling a shift", ", a move critics called
    reckless"). The main clause alone, and the whole sentence for what the rest says of it."""
    pattern = (r",\s+was\s+[^,;]+\s[a-zäöüß]+\.?$" if lang == "de" else _COMMENTARY_EN)
    found = re.search(pattern, piece.text)
    if not found or _words(piece.text[: found.start()]) < 4:
        return [piece]
    main = Piece(_tidy(piece.text[: found.start()]), piece.start, piece.start + found.start())
    if re.search(r"\b(?:könnten?|dürften?|würden?|sollten?|could|might|may|would)\b",
                 found.group(0)):
        return [main]  # what it might lead to is no fact to check
    return [main, Piece(_tidy(piece.text), piece.start + found.start() + 1, piece.end)]


# An English absolute construction at the end of a sentence: ", with X doing Y" ("..., with
# £21.4 million coming from a government grant"); prepositions in -ing are not its verb.
_WITH_ABSOLUTE_EN = re.compile(
    r",\s+with\s+(?P<subject>(?:[\w£$€%.,'’-]+\s+){0,6}?)"
    r"(?P<verb>(?!(?:including|according|regarding|concerning|excluding)\b)"
    r"[a-z]+ing)\b(?P<rest>[^,;]*)\.?$")


def split_with_absolute(piece: Piece, lang: str) -> list[Piece]:
    """An English sentence that ends in ", with X doing Y": the main clause, and "X is doing Y"
    as a claim of its own, so that a wrong figure in either part is a claim of its own."""
    found = _WITH_ABSOLUTE_EN.search(piece.text) if lang == "en" else None
    if not found or not found["subject"].strip() or _words(piece.text[: found.start()]) < 4:
        return [piece]
    subject = found["subject"].strip()
    plural = re.search(r"(?<!s)s$", subject) and not re.search(r"\d", subject)
    clause = f"{subject} {'are' if plural else 'is'} {found['verb']}{found['rest']}"
    return [Piece(_tidy(piece.text[: found.start()]), piece.start, piece.start + found.start()),
            Piece(_tidy(clause), piece.start + found.start("subject"), piece.end)]


# "of the 1,846 people who responded backed ...": a count with a one-verb relative clause, inside
# a sentence whose own verb follows.
_COUNTED_RELATIVE_EN = re.compile(
    r"\bthe\s+(?!(?:1[89]|20)\d\d\b)(?P<count>\d[\d,.\ue000]*)\s+"
    r"(?P<noun>(?:[a-z]+\s+)?[a-z]+)\s+(?:who|that)\s+"
    rf"(?P<verb>[a-z]+ed|{_IRREGULAR_EN})\s+(?=(?:[a-z]+ed|{_IRREGULAR_EN})\b)"
)


def split_counted_relative(piece: Piece, lang: str) -> list[Piece]:
    """A count given in a relative clause ("nearly three-quarters of the 1,846 people who
    responded backed it"): the sentence, and the count as a claim of its own ("1,846 people
    responded."), so that a wrong count and a wrong share are claims of their own."""
    found = _COUNTED_RELATIVE_EN.search(piece.text) if lang == "en" else None
    if not found:
        return [piece]
    clause = f"{found['count']} {found['noun']} {found['verb']}."
    return [piece, Piece(_tidy(clause), piece.start + found.start("count"),
                         piece.start + found.end("verb"))]


_REPORT_VERBS_DE = (r"berichtete|berichteten|berichtet|berichten|meldete|meldeten|meldet|melden|"
                    r"erklärte|erklärten|erklärt|erklären|sagte|sagten|sagt|sagen|betonte|"
                    r"betonten|betont|betonen|warnte|warnten|warnt|warnen|bestätigte|bestätigten|"
                    r"bestätigt|bestätigen|schätzte|schätzten|schätzt|schätzen|analysieren|"
                    r"analysiert|schrieb|schrieben|schreibt|teilte mit|teilten mit|"
                    # complaints that take what they complain of as a fact
                    r"kritisierte|kritisierten|kritisiert|kritisieren|bemängelte|bemängelten|"
                    r"bemängelt|bemängeln|beklagte|beklagten|beklagt|beklagen|räumte ein|"
                    r"räumten ein|"
                    # findings of a court or a study
                    r"entschied|entschieden|urteilte|urteilten|befand|befanden|ergab")
_REPORT_VERBS_EN = (r"said|says|reported|reports|stated|states|announced|confirmed|warned|warn|"
                    r"warns|estimated|estimate|estimates|wrote|noted|added|told reporters|"
                    r"complained|complain|criticised|criticized|acknowledged|admitted|"
                    r"ruled|concluded|found")
# "Laut X VERB ...", "X zufolge VERB ...": the source, then the reported clause in verb-first order.
_SOURCE_FIRST_DE = re.compile(
    r"^(?:(?:Laut|Nach Angaben)\s+(?P<a>[^,;„“\"]*?[A-ZÄÖÜ][\w-]*)|"
    r"(?P<b>[^,;„“\"]+?)\s+zufolge),?\s+"
    rf"(?=(?!(?:{_PREPOSITIONS}|{_DET_DE}|und|oder)\b)[a-zäöüß]+\s)")
_SAYS_THAT_DE = re.compile(rf"^(?P<source>[^,;„“\"]+?)\s+(?:{_REPORT_VERBS_DE})"
                           r"(?:\s+(?:am|im|in)\s+[^,;]+?)?,\s+dass\s+(?P<clause>.+?)\.?$")
_ACCORDING_EN = re.compile(r"^According to (?P<source>[^,;“\"]+),\s+(?P<clause>.+)$|"
                           r"^(?P<clause2>[^“\"]+),\s+according to (?P<source2>[^,;“\"]+?)\.?$")
_SAYS_THAT_EN = re.compile(rf"^(?P<source>[^,;“\"]+?)\s+(?:{_REPORT_VERBS_EN})"
                           r"(?:\s+on\s+\w+)?\s+that\s+(?P<clause>.+)$")
# A source inside the sentence: "... hat nach eigenen Angaben ...", "..., according to X, ...".
# A German noun with its adjectives, one of them perhaps part of a name ("Statistischen Amt").
_NAMED_ADJ_DE = rf"(?:{_ADJ_DE}\s+)*(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+)?"
_NOUN_DE = (rf"{_NAMED_ADJ_DE}[A-ZÄÖÜ][\w-]*"
            rf"(?:\s+(?:des|der)\s+{_NAMED_ADJ_DE}[A-ZÄÖÜ][\w-]*)?")
_SOURCE_INSIDE = {
    "de": re.compile(rf"(?<=\S)\s+(?P<phrase>(?:nach\s+(?:eigenen\s+)?(?:Angaben|Einschätzung|"
                     rf"Schätzungen?|Berechnungen)(?:\s+(?P<of>(?:des|der|von)\s+{_NOUN_DE}))?)|"
                     rf"laut\s+(?P<laut>(?:(?:dem|der|den)\s+)?{_NOUN_DE}))"
                     # the source ends here: no genitive or place of it after ("der Polizei in X")
                     r"(?!\s+(?:des|der|von|in|aus|bei)\b)(?=\s+[a-zäöüß\d])"),
    "en": re.compile(r"(?<=\S),\s+(?P<phrase>according to (?P<to>[^,;“\"]+)),(?=\s+[a-z\d])"),
}
# "X said P" without "that"; "P, X said." / "P, said X." / "P, teilte X mit." after the statement.
_SAYS_EN = re.compile(r"^(?P<source>[^,;“\"]+?)\s+(?:said|says|told reporters)"
                      r"(?:\s+on\s+\w+)?\s+(?P<clause>(?!that\b).+)$")
_SAID_AFTER = {
    "en": re.compile(r"^(?P<clause2>[^“\"]+),\s+(?:(?P<source2>[^,;“\"]+?)\s+(?:said|says|added|"
                     r"reported|confirmed|estimated)|(?:said|says)\s+(?P<source3>[^,;“\"]+?))"
                     r"(?:\s+on\s+\w+)?\.?$"),
    "de": re.compile(r"^(?P<clause2>[^„“\"]+),\s+(?:(?P<teilte>teilten?)|sagten?|erklärten?|"
                     r"betonten?|berichteten?|meldeten?|bestätigten?|schätzten?)\s+"
                     r"(?P<source2>[^,;„“\"]+?)(?:\s+(?:am|im)\s+\w+)?(?(teilte)\s+mit)\.?$"),
}


# A place or body after the head of a source: "Die Polizei in Köln", "Police in Leeds".
_ATTRIBUTE = re.compile(r"\s+(?:in|aus|bei|of|at|from)\s+(?:(?:der|die|dem|des|the)\s+)?"
                        r"[A-ZÄÖÜ][\w'’-]*(?:\s+[A-ZÄÖÜ][\w'’-]*){0,2}$")
# Heads of an institution: with a determiner it is a source one can check ("the city council said",
# "das Gesundheitsamt meldete"), unlike "Experten" or "analysts".
_INSTITUTION = re.compile(
    r"(?i:\w*(?:rat|amt|ministerium|gericht|regierung|behörde|polizei|verwaltung|kommission|"
    r"ausschuss|verein|verband|konzern|unternehmen|staatsanwaltschaft|feuerwehr|dienst|institut|"
    r"council|department|ministry|court|government|agency|authority|police|commission|"
    r"committee|club|company|board|service|office|institute|university))$")


def _noun_phrase(phrase: str, lang: str) -> bool:
    """Whether a phrase of up to six words reads as a noun phrase (the subject of a report):
    names, determiners, adjectives, genitives and possessives, a place after the head
    ("Police in Leeds"), no verb."""
    det = _DET_DE if lang == "de" else _DET_EN
    phrase = _ATTRIBUTE.sub("", phrase)
    words = phrase.split()
    modifier = (rf"(?i:{det})|[a-zäöüß-]+(?:e|en|er|es|em)|[a-z-]+(?:al|an|ic|ish|ese)|of|des|der|"
                r"von|vom|and|und|[A-ZÄÖÜ][\w'’-]*")
    if lang == "en":  # nouns as modifiers ("the city council", "the state's health department")
        modifier += (rf"|(?!(?:{_AUX_EN}|{_PRONOUN_EN}|who|which|that|not)\b)[a-z][\w-]*(?<!ed)|"
                     r"[a-z][\w-]*['’]s")
    head = r"[A-ZÄÖÜ][\w'’-]*" if lang == "de" else rf"(?!(?:{_AUX_EN})\b)[\w'’-]+(?<!ed)"
    return 0 < len(words) <= 6 and re.fullmatch(head, words[-1]) is not None and all(
        re.fullmatch(modifier, w) for w in words[:-1])


def _named_source(source: str, lang: str) -> bool:
    """Whether the source of a report is named (an agency, an office, a person, an institution
    with a determiner or a place: "the city council", "Die Polizei in Köln"), so that it
    reported this is a fact to check; "Experten", "Berichten", "analysts" are not."""
    if re.search(r"\b[A-ZÄÖÜ]{2,}\b", source) or _ATTRIBUTE.search(source):  # an acronym, a place
        return True
    det = _DET_DE if lang == "de" else _DET_EN
    if re.match(rf"(?i:{det})\s", source) and _INSTITUTION.search(source):
        return True
    if lang == "en":
        return bool(re.search(r"(?<!^)\b[A-Z][a-z]", source)) or bool(
            re.match(r"[A-Z][\w'-]+\s+[A-Z]", source))
    if re.search(r"(?<!^)\b[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es|en)\s+[A-ZÄÖÜ]", source):
        return True  # a capitalised adjective inside a name: "das Statistische Bundesamt"
    return bool(re.search(r"\b(?:von|vom)\s+[A-ZÄÖÜ]|^[A-ZÄÖÜ][\w-]*s\s+[A-ZÄÖÜ]", source)) or (
        bool(re.match(r"[A-ZÄÖÜ][a-zäöüß]+(?<![em])(?<!e[nrs])\s+[A-ZÄÖÜ][a-zäöüß]+$", source)))


# Participles of report verbs after "hat"/"haben" ("hat ... erklärt, dass").
_REPORT_PARTICIPLES_DE = (r"berichtet|gemeldet|erklärt|gesagt|betont|gewarnt|bestätigt|geschätzt|"
                          r"mitgeteilt|angekündigt|geschrieben")
# What makes a reported clause no fact of its own: a hedge, a modal, a conditional.
_HEDGED = re.compile(  # case-sensitive: "May" is a month
    r"\b(?:(?i:möglicherweise|vielleicht|eventuell|vermutlich|wahrscheinlich|womöglich|possibly|"
    r"perhaps|probably)|könnte|könnten|dürfte|dürften|würde|würden|sollte|sollten|may|might|"
    r"could|would|likely)\b")
# A predicate before a report verb that takes nothing back from the report: no negation, no modal.
_DOUBT = re.compile(r"\b(?:nicht|kein\w*|nie|niemals|not|never|no|cannot|\w+n't|kann|könnte|"
                    r"will|wollte|muss|soll|can|could|would|may|might|must)\b", re.IGNORECASE)
_VERB_EN = rf"(?:{_AUX_EN}|\w+ed|said|won|lost|made|took|gave|saw|met|rose|fell|spent|paid|sold)"
# An English subject before its verb: the source of "X said on Monday and warned that ...".
_SOURCE_EN = re.compile(rf"(?:(?i:{_DET_EN})\s+(?:[\w-]+\s+){{0,3}}?[\w-]+|"
                        rf"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}})(?=\s+{_VERB_EN}\b)")
# A German subject up to its finite verb, the first lowercase word after a noun or name that is
# no determiner, preposition or conjunction ("Die Deutsche Bahn hat", "Der Rat der Stadt prüft").
_SOURCE_DE = re.compile(
    r"[^,;„“\"]*?\b(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Einem|Einen)\b)[A-ZÄÖÜ][\w'-]*"
    rf"(?=\s+(?!(?:{_PREPOSITIONS}|{_DET_DE}|und|oder|sowie)\b)[a-zäöüß]+\b)")
# Adverbials between an auxiliary and a report verb ("hat am Montag erklärt", "has also said").
_ADVERBIAL = re.compile(
    r"(?:\s+(?:bereits|schon|nun|jetzt|erneut|zuvor|mehrfach|wiederholt|auch|inzwischen|"
    r"already|now|again|earlier|repeatedly|also|since)\b)*"
    r"(?:\s+(?:am|im|in|an|on|at)\s+[^\s,;]+(?:\s+[^\s,;]+){0,3})?")


def _main_order(clause: str) -> str | None:
    """A German "dass" clause in main-clause order; what follows its first comma (an infinitive
    clause: "die Firma in der Lage ist, X zu liefern") stays as it is."""
    head, comma, tail = clause.partition(",")
    main = _verb_second(head)
    return main and main + comma + tail


def _reported_after_predicate(text: str, lang: str) -> tuple[str, str, int, str] | None:
    """(source, attribution, start of the reported clause, clause) of a report whose verb follows
    a longer predicate ("X beobachten die Lage und warnen, dass P", "X hat am Montag erklärt,
    dass P", "X reviewed the data and warned that P"); the attribution is "X warnen, dass P"
    after a coordinated predicate, else the whole sentence. None where it is not clear."""
    if lang == "de":
        subject = _SOURCE_DE.match(text)
        verbs, that = rf"{_REPORT_VERBS_DE}|{_REPORT_PARTICIPLES_DE}", r",\s+dass\s+"
        aux, det = _AUX_DE, _DET_DE
    else:
        subject = _SOURCE_EN.match(text)
        verbs, that, aux, det = _REPORT_VERBS_EN, r",?\s+that\s+", _AUX_EN, _DET_EN
    if subject is None or not _noun_phrase(subject.group(0), lang):
        return None
    found = re.match(
        rf"\s+(?P<pred>(?P<first>[a-zäöüß]+)(?P<more>(?:\s+[^\s,;„“\"]+){{0,7}}?))"
        rf"\s+(?P<und>(?:und|and)\s+)?(?P<verb>{verbs})"
        rf"(?P<when>\s+(?:am|im|on|in)\s+[^,;„“\"]+?)?{that}(?P<clause>.+?)\.?$",
        text[subject.end() :])
    if not found or _DOUBT.search(found["pred"]) or re.fullmatch(
            rf"(?:{_PREPOSITIONS}|{det}|und|and)", found["first"]):
        return None
    auxiliary = re.fullmatch(rf"(?:{aux})", found["first"]) is not None
    at = subject.end() + found.start("clause")
    if not found["und"]:  # "X hat (am Montag) erklärt, dass": an auxiliary and adverbials only
        adverbial = _ADVERBIAL.match(found["more"])
        if not auxiliary or adverbial is None or adverbial.end() != len(found["more"]):
            return None
        return subject.group(0), text, at, found["clause"]
    shared = f" {found['first']}" if auxiliary and re.fullmatch(
        rf"(?:{_REPORT_PARTICIPLES_DE})|\w+ed", found["verb"]) else ""
    joint = ", dass " if lang == "de" else " that "
    return (subject.group(0), f"{subject.group(0)}{shared} {found['verb']}{joint}{found['clause']}",
            at, found["clause"])


def split_reported(piece: Piece, lang: str) -> list[Piece]:
    """A reported statement ("Laut X ...", "X zufolge ...", "X berichtete, dass ...", "X hat ...
    und warnt, dass ...", "P, teilte X mit", "according to X, ...", "X said (that) ...", "P, X
    said"): the statement itself as a
    claim unless it is hedged, and, where the source is named, that it reported it (kind
    "quote", a fact as stated even when the statement is hedged)."""
    text = piece.text.rstrip()
    clause: str | None = None
    said = piece.text
    inside: re.Match[str] | None = None
    if lang == "de":
        fronted = _SOURCE_FIRST_DE.match(text)
        says = _SAYS_THAT_DE.match(text)
        if says and not _noun_phrase(says["source"], lang):
            says = None
        after = None if fronted or says else _SAID_AFTER["de"].match(text)
        if after and not (_named_source(after["source2"], lang) and _noun_phrase(
                after["source2"], lang) and _first_constituent(after["clause2"], lang)):
            after = None  # an unnamed source after the statement: the sentence stays whole
        later = None if fronted or says or after else _reported_after_predicate(text, lang)
        if not (fronted or says or after or later):
            inside = _SOURCE_INSIDE["de"].search(text)
        if inside:
            source = re.sub(r"^(?:des|der|von)\s+", "", inside["of"] or inside["laut"] or "")
            at, clause = 0, text[: inside.start()] + text[inside.end() :]
        elif after:
            source, at, clause = after["source2"], 0, after["clause2"]
        elif fronted:
            source, at = fronted.group("a") or fronted.group("b"), fronted.end()
            clause = _subject_first(text[at:])
        elif says:
            source, at = says["source"], says.start("clause")
            clause = _main_order(says["clause"])
        elif later:
            source, said, at, reported = later
            clause = _main_order(reported)
            if clause is None and _HEDGED.search(reported) and _named_source(source, lang):
                clause = reported  # no claim of its own: only the quote needs it
    else:
        found = _ACCORDING_EN.match(text) or _SAYS_THAT_EN.match(text)
        if found is None:
            found = _SAYS_EN.match(text)
            if found and not _english_clause(found["clause"]):
                found = None
        if found is None:
            found = _SAID_AFTER["en"].match(text)
            who = found["source2"] or found["source3"] if found else ""
            if found and not (_named_source(who, lang) and _noun_phrase(who, lang) and
                              _english_clause(found["clause2"])):
                found = None  # an unnamed source after the statement: the sentence stays whole
        if found and found.groupdict().get("source") and not found.group(0).startswith(
                "According") and not _noun_phrase(found["source"], lang):
            found = None
        later = None if found else _reported_after_predicate(text, lang)
        if not (found or later):
            inside = _SOURCE_INSIDE["en"].search(text)
        if inside:
            source, at = inside["to"], 0
            clause = text[: inside.start()] + text[inside.end() :]
        elif found and found.groupdict().get("clause2"):
            source = found["source2"] or found.groupdict().get("source3") or ""
            at, clause = 0, found["clause2"]
        elif found:
            source, at, clause = found["source"], found.start("clause"), found["clause"]
        elif later:
            source, said, at, clause = later
    pronoun = _PRONOUN_DE if lang == "de" else _PRONOUN_EN
    if not clause or _words(clause) < 4 or re.match(rf"(?i:{pronoun}|this|that|dies)\b", clause):
        return [piece]
    end = piece.start + (len(text) if at or inside else len(clause))
    claim = Piece(_tidy(clause), piece.start + at, end)
    according = lang == "en" and re.search(r"\b[Aa]ccording to\b", text)
    named = _named_source(source, lang) or according and re.search(r"[A-Z]", source)
    hedged = _HEDGED.search(clause) is not None
    if named:  # each coordinated clause of the statement is a claim unless it is hedged
        quote = Piece(said if said == piece.text else _tidy(said), piece.start, piece.end, "quote")
        return [quote, *(part for part in split_clauses(claim, lang)
                         if not _HEDGED.search(part.text))]
    if hedged and said != piece.text:
        return [piece]  # an unnamed source after a coordinated predicate: left to the classifier
    return [claim]


_NP_DE = (rf"(?:(?i:{_DET_DE})\s+)?(?:{_ADJ_DE}\s+){{0,2}}"
          r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}"
          rf"(?:\s+(?:des|der)\s+(?:{_ADJ_DE}\s+){{0,2}}[A-ZÄÖÜ][\w-]*)?")
_NP_EN = (rf"(?:(?i:{_DET_EN})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+|"
          r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})")
# What is said of two together, or of one against the other: conjuncts of these are not split.
_TOGETHER = re.compile(
    r"\b(?:\w*einander|gemeinsam\w*|zusammen\w*|beide\w*|zwischen|sowohl|jeweils|insgesamt|"
    r"vereinbarten|unterzeichneten|schlossen|trafen|einigten|verhandelten|fusionierten|stritten|"
    r"each other|one another|together|jointly|both|between|among|total|combined|met|agreed|"
    r"signed|merged|negotiated)\b",
    re.IGNORECASE,
)
# Joint undertakings: two subjects of these ("A und B führen Gespräche") are not split.
_JOINT = re.compile(
    r"\b\w*(?:abkommen|vertrag|vereinbarung|partnerschaft|bündnis|allianz|beziehung|beziehungen|"
    r"verhandlungen|gespräche|treffen|streit|fusion|agreement|treaty|deal|pact|alliance|"
    r"partnership|relations|talks|dispute|merger)\b",
    re.IGNORECASE,
)
_SINGULAR_AUX = {"sind": "ist", "waren": "war", "haben": "hat", "hatten": "hatte", "werden": "wird",
                 "wurden": "wurde", "are": "is", "were": "was", "have": "has"}


def _singular(conjunct: str, verb: str, lang: str) -> str:
    """The finite verb after a coordinated subject, made to agree with one singular conjunct."""
    feminine = r"(?i:die)\s.*(?:in|ung|heit|keit|schaft|ion|tät)$"  # "die Ministerin"
    singular = (re.match(rf"(?i:der|das|ein|eine)\s|{feminine}", conjunct) if lang == "de" else
                re.match(r"(?i:the|a|an)\s.*[^s]$", conjunct) or re.fullmatch(r"[A-Z][\w'-]+",
                                                                                 conjunct))
    if not singular:
        return verb
    if lang == "de" and verb.endswith("ten") and verb not in _SINGULAR_AUX:
        return verb[:-1]  # "zahlten" -> "zahlte"
    return _SINGULAR_AUX.get(verb, verb)


def split_coordination(piece: Piece, lang: str) -> list[Piece]:
    """Noun phrases joined by "und", "sowie", "and", "as well as" (a list "A, B und C" too) as the
    subject of one predicate, or after a German preposition ("Alarm bei A und B"): one claim
    for each. Not where the predicate is said of them together, between them, or of a number."""
    text = piece.text
    if _TOGETHER.search(text) or re.search(r"\d|[„“\"]", text):
        return [piece]
    np, conj = (_NP_DE, r"und|sowie") if lang == "de" else (_NP_EN, r"and|as well as")
    listed = rf"(?P<list>(?:{np})(?:,\s+(?:{np}))*,?\s+(?:{conj})\s+(?:{np}))"
    if lang == "de":
        finite = rf"\s+(?!(?:{_PREPOSITIONS}|{_DET_DE}|und|oder|sowie)\b)[a-zäöüß]+\b"
        found = re.match(rf"{listed}(?={finite})", text) or re.search(
            rf"\b(?!zwischen\b)(?:{_PREPOSITIONS})\s+{listed}(?!\s+(?:des|der)\b)(?=[\s.,;]|$)",
            text)
    else:
        found = re.match(rf"{listed}(?=\s+{_VERB_EN}\b)", text)
    if not found:
        return [piece]
    listed = found["list"]
    cuts = [0, *(i for m in re.finditer(rf",?\s+(?:{conj})\s+|,\s+", listed)
                 for i in (m.start(), m.end())), len(listed)]
    conjuncts = [(cuts[i], listed[cuts[i] : cuts[i + 1]]) for i in range(0, len(cuts), 2)]
    if not any(" " in words for _, words in conjuncts):
        return [piece]  # bare nouns ("Trainer und Betreuer"): what the "und" joins is not clear
    subject = found.start("list") == 0
    head, tail = text[: found.start("list")], text[found.end("list") :]
    if subject and _JOINT.search(tail):
        return [piece]
    verb = re.match(r"\s+(\S+)", tail)
    if subject and lang == "de" and verb and verb.group(1) not in _SINGULAR_AUX and re.fullmatch(
            r"[a-zäöüß]+(?<!t)(?:en|rn|ln)", verb.group(1)):
        return [piece]  # "zahlen", "fordern": the singular is not regular ("zahlt", "liegt")
    pieces = []
    for number, (at, words) in enumerate(conjuncts):
        rest = tail
        if subject and verb:
            rest = tail.replace(verb.group(1), _singular(words, verb.group(1), lang), 1)
        start = piece.start + found.start("list") + at
        end = (piece.start + found.start("list") + conjuncts[number + 1][0]
               if number + 1 < len(conjuncts) else piece.end)
        pieces.append(Piece(_tidy(f"{head}{words}{rest}"), piece.start if number == 0 else start,
                            end))
    return pieces


def _english_clause(clause: str) -> bool:
    """Whether an English clause opens with its subject: a clear subject, or up to eight words
    that are no verb and open with no preposition, before a verb."""
    words = (rf"(?!(?:{_PREPOSITIONS}|{_SUBORDINATORS}|{_VERB_EN}|which|who|whose|that)\b|"
             r"\w+ing\b)[\w'-]+")
    verb = rf"(?:{_VERB_EN}|{_IRREGULAR_EN})\b"
    return bool(_first_constituent(clause, "en") or re.match(
        rf"{words}(?:\s+(?!{verb})[\w'-]+){{0,7}}?\s+{verb}", clause))


def split_subordinate(piece: Piece, lang: str) -> list[Piece]:
    """A sentence that opens with a subordinate clause ("Während/Obwohl/Nachdem/Weil X ..., ...",
    "While/Although/After/Because X ..., ..."): the subordinate clause as a claim of its own, and
    the main clause alone; after "since" / "seit" the whole sentence, whose main clause holds
    only from then."""
    conjunctions = (r"Während|Obwohl|Nachdem|Weil|Da|Als" if lang == "de" else
                    r"While|Whereas|Although|Though|After|Because|Since|When")
    found = re.match(rf"(?P<word>{conjunctions})\s+(?P<sub>[^,;„“\"]+?),\s+(?P<main>[^;„“\"]+)$",
                     piece.text)
    if not found or _words(found["sub"]) < 3 or _words(found["main"]) < 3:
        return [piece]
    contrast = found["word"] in ("Während", "Obwohl", "While", "Whereas", "Although", "Though")
    if lang == "de":
        sub, main = _verb_second(found["sub"]), _subject_first(found["main"])
    else:
        sub, main = found["sub"], found["main"]
        if not _english_clause(sub) or not _english_clause(main):
            return [piece]
    pronoun = _PRONOUN_DE if lang == "de" else _PRONOUN_EN
    if sub is None or re.match(rf"(?i:{pronoun})\b", sub):
        return [piece]
    clause = Piece(_tidy(sub), piece.start + found.start("sub"), piece.start + found.end("sub"))
    alone = contrast or found["word"] not in ("Since", "Seit")
    if alone and main and not main.lstrip().startswith(","):
        return [clause, Piece(_tidy(main), piece.start + found.start("main"), piece.end)]
    return [clause, Piece(piece.text, piece.start, piece.end)]


_TRAILING_SUB = {
    "de": re.compile(r",\s+(?P<word>zumal|weil|da|obwohl|nachdem|während)\s+"
                     r"(?P<sub>[^,;„“\"]+?)\s*\.?$"),
    "en": re.compile(r",\s+(?P<word>because|although|though|whereas|while|after)\s+"
                     r"(?P<sub>[^,;“\"]+?)\s*\.?$"),
}


def split_trailing_subordinate(piece: Piece, lang: str) -> list[Piece]:
    """A sentence that ends in a clause of reason, contrast or time (", zumal X ...", ", weil X
    ...", ", because X ..."), which states a fact of its own: the main clause alone, and the
    clause (in German in main-clause order). Conditions and purposes ("wenn", "damit", "if") are
    no facts and stay."""
    found = _TRAILING_SUB[lang].search(piece.text) if lang in _TRAILING_SUB else None
    if not found or _words(piece.text[: found.start()]) < 4 or _words(found["sub"]) < 3:
        return [piece]
    sub = _verb_second(found["sub"]) if lang == "de" else found["sub"]
    if sub is None or lang == "en" and not _english_clause(sub):
        return [piece]
    pronoun = _PRONOUN_DE if lang == "de" else _PRONOUN_EN
    if re.match(rf"(?i:{pronoun})\b", sub):
        return [piece]  # "weil sie ...": who is meant is for the reader of the whole sentence
    return [Piece(_tidy(piece.text[: found.start()]), piece.start, piece.start + found.start()),
            Piece(_tidy(sub), piece.start + found.start("sub"), piece.end)]


# Head nouns of an evaluative frame: what the writer makes of the event, not when or where.
_FRAME_NOUNS = (r"Schritt|Wendung|Wende|Kehrtwende|Wendepunkt|Zug|Entwicklung|Überraschung|Coup|"
                r"Schlag|Eskalation|Meilenstein|Durchbruch|Kurswechsel|move|turn|turning point|"
                r"twist|step|development|surprise|reversal|shift|blow|escalation|milestone|"
                r"breakthrough|u-turn")
_FRAME_DE = re.compile(
    rf"^(?:(?:In|Mit)\s+(?:einem|einer)\s+(?:{_ADJ_DE}\s+){{0,3}}(?:{_FRAME_NOUNS})"
    rf"(?:\s+(?:des|der)\s+(?:{_ADJ_DE}\s+){{0,3}}[A-ZÄÖÜ][\w-]*|"
    r",\s+(?:der|die|das)\s+[^,;„“\"]+\s[a-zäöüß]+,)?|"
    rf"Zur\s+(?:{_ADJ_DE}\s+)?Überraschung(?:\s+(?:vieler|aller|der\s+[A-ZÄÖÜ][\w-]*))?)"
    r"\s+(?=[a-zäöüß]+\s)")
_FRAME_EN = re.compile(
    rf"^(?:In|With)\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_FRAME_NOUNS})"
    r"(?:\s+(?:of|for|in)\s+[a-z]+(?:\s+[a-z]+){0,2}|\s+(?:that|which)\s+[^,;“\"]+)?,\s+|"
    r"^To\s+the\s+(?:[a-z]+\s+)?surprise\s+of\s+(?:many|most|all|observers|analysts),\s+")


def split_frame(piece: Piece, lang: str) -> list[Piece]:
    """A fronted evaluative frame ("In einem überraschenden Schritt hat X ...", "Zur Überraschung
    vieler hat X ...", "In a stunning turn, X has ...") left out: the claim is the clause after
    it. Only where the frame holds no number, date or name, and its head noun says how the
    writer sees the event, not when or where it happened."""
    found = (_FRAME_DE if lang == "de" else _FRAME_EN).match(piece.text)
    if not found or re.search(rf"\d|(?i:\b(?:{_MONTHS})\b)", found.group(0)):
        return [piece]
    rest = piece.text[found.end() :]
    if lang == "de":
        clause = _subject_first(rest)
    else:
        clause = rest if _first_constituent(rest, "en") else None
    if clause is None or _words(clause) < 4:
        return [piece]
    return [Piece(_tidy(clause), piece.start + found.end(), piece.end)]


_FACT_DE = re.compile(r"^(?:(?:Die Tatsache|Der Umstand),\s+dass|Dass)\s+")
_INFINITIVE = re.compile(r"(?:\bzu\s+[a-zäöüß]+|[a-zäöüß]+zu[a-zäöüß]+en)$")
_FACT_EN = re.compile(r"^The fact that\s+")
# Verbs with which a sentence says what a fact shows ("The fact that P shows ...").
_SHOWS_EN = (r"shows|showed|suggests|suggested|indicates|indicated|means|meant|underlines|"
             r"underscores|underscored|highlights|highlighted|proves|proved|reflects|reflected|"
             r"demonstrates|demonstrated|points|pointed|raises|raised")


def split_fact(piece: Piece, lang: str) -> list[Piece]:
    """A presupposed fact ("Die Tatsache, dass P, zeigt ...", "Dass P, deutet ...", "The fact
    that P shows ..."): P as a claim of its own, and the whole sentence for what it makes of P."""
    text = piece.text
    if lang == "de":
        opening = _FACT_DE.match(text)
        at = opening.end() if opening else 0
        parts = re.split(r",\s+", text[at:]) if opening and not re.search(r"[;„“\"]", text) else []
        taken = 1  # the "dass" clause, with the infinitive clauses that go with it
        while taken < len(parts) - 1 and _INFINITIVE.search(parts[taken]):
            taken += 1
        fact = ", ".join(parts[:taken])
        main = re.match(r"[a-zäöüß]+\b", parts[taken]) if taken < len(parts) else None
        clause = _main_order(fact) if main else None
        end = at + len(fact)
    else:
        opening = _FACT_EN.match(text)
        clause, at, end = None, opening.end() if opening else 0, 0
        for verb in re.finditer(rf"\s+(?:{_SHOWS_EN})\b", text[at:] if opening else ""):
            candidate = text[at : at + verb.start()].rstrip(",")
            if re.search(rf"\s{_VERB_EN}\b", candidate) and _first_constituent(candidate, "en"):
                clause, end = candidate, at + verb.start()
                break
    pronoun = _PRONOUN_DE if lang == "de" else _PRONOUN_EN
    if not clause or _words(clause) < 3 or re.match(rf"(?i:{pronoun})\b", clause):
        return [piece]
    return [Piece(_tidy(clause), piece.start + at, piece.start + end), piece]


_WEEKDAYS = (r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|"
             r"wednesday|thursday|friday|saturday|sunday")
_DAY_DATE = (rf"\d{{1,2}}\.?\s+(?:{_MONTHS})(?:\s+\d{{4}})?|"
             rf"(?:{_MONTHS})\s+\d{{1,2}}(?:,\s+\d{{4}})?")
# When, where and by what vote an event happened: "am Montag", "on 23 October", "im März 2025";
# "im Kreishaus in Mainz", "in der Stadthalle Worms", "at the Guildhall in Bath"; "mit 38 zu
# 21 Stimmen", "by 41 votes to 26".
_ADJUNCTS = {
    "de": {
        "time": rf"\b(?i:am|an diesem)\s+(?i:(?:{_WEEKDAYS})\w*(?:,\s+(?:dem\s+)?(?:{_DAY_DATE}))?|"
                rf"(?:{_DAY_DATE}))|\b(?i:im)\s+(?i:{_MONTHS})(?:\s+\d{{4}})?",
        "place": r"\b(?:im|in der|in dem|auf dem)\s+[A-ZÄÖÜ][\w-]*(?:halle|saal|haus|rathaus|"
                 r"arena|zentrum|kirche|stadion|gebäude|hotel|messe|forum)\b"
                 r"(?:\s+in\s+[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?|\s+[A-ZÄÖÜ][\w-]+"
                 rf"(?=\s*[,.;]|\s+(?:{_DET_DE}|{_PREPOSITIONS})\s))?",
        "vote": r"\b(?i:mit)\s+\d+\s+(?:zu|gegen)\s+\d+(?:\s+Stimmen)?|\b(?i:mit)\s+\d+\s+"
                r"(?:Ja-|Gegen)?[Ss]timmen",
        # an amount said of a thing before its noun: "das 412 Millionen Euro teure Projekt"
        "amount": rf"(?<=\s)(?:{_FIGURE})\s+(?:{_UNIT}|Kilometer|Meter|Tonnen)\s+"
                  r"(?:teur|lang|hoch|breit|schwer|groß|tief)e[nrsm]?\s+(?=[A-ZÄÖÜ])",
    },
    "en": {
        "time": rf"\b(?i:on)\s+(?i:(?:{_WEEKDAYS})(?:,?\s+(?:the\s+)?(?:{_DAY_DATE}))?|"
                rf"(?:{_DAY_DATE}))|\b(?i:in)\s+(?i:{_MONTHS})(?:\s+\d{{4}})?",
        "place": r"\b(?:at|in|on)\s+the\s+[A-Z][\w'-]*(?:\s+(?:and\s+|of\s+|for\s+)?[A-Z][\w'-]*)"
                 r"{0,4}(?:\s+in\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)?",
        "vote": r"\b(?i:by)\s+\d+\s+(?:votes\s+)?to\s+\d+(?:\s+votes)?|\bby\s+\d+\s+votes",
        # an amount of money said of a thing before its noun: "its new £14.2 million laboratory"
        "amount": r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bits\s)|(?<=\bher\s)|"
                  r"(?<=\bhis\s)|(?<=\btheir\s)|(?<=\bnew\s))"
                  r"[£$€]\s?\d[\d.,\ue000]*(?:\s+(?:million|billion|bn|m)\b)?,?\s+(?=[A-Za-z])",
    },
}


def split_adjuncts(piece: Piece, lang: str) -> list[Piece]:
    """An event with two or more of when, where and by what vote it happened ("Mit 38 zu 21
    Stimmen hat der Kreistag am Montag im Kreishaus in Mainz die Fusion beschlossen"): the event
    itself, then one claim for each of them with the others left out, so that a wrong day, place
    or count is a claim of its own and the event can be confirmed apart from them. With one of
    them the sentence stays whole: "fell to 4.1 percent in May" says little without its month."""
    text = piece.text
    found: dict[str, re.Match[str]] = {}
    for kind, pattern in _ADJUNCTS.get(lang, {}).items():
        match = re.search(pattern, text)
        if match and not any(match.start() < m.end() and m.start() < match.end()
                             for m in found.values()):
            found[kind] = match
    if len(found) < 2 or re.search(r"[„“\"]", text):
        return [piece]
    parts = []
    for kept in [None, *found]:
        rest = text
        for kind, match in sorted(found.items(), key=lambda item: -item[1].start()):
            if kind != kept:
                rest = rest[: match.start()] + rest[match.end() :]
        rest = re.sub(r"^\s*,\s*", "", rest).strip()
        opens_with_kept = kept is not None and found[kept].start() == 0
        if lang == "de" and not opens_with_kept and any(
                m.start() == 0 for k, m in found.items() if k != kept):
            rest = _subject_first(rest) or ""  # "hat der Kreistag ... beschlossen"
        if not rest or _words(rest) < 4:
            return [piece]
        parts.append(Piece(_tidy(rest), piece.start, piece.end))
    return parts


SPLITS = (split_frame, split_fact, split_reported, split_subordinate, split_comparison,
          split_not_only,
          split_clauses, split_relative, split_apposition, split_reported, split_participle,
          split_predicates, split_shared_auxiliary,
          split_quantities, split_coordination, split_objects, split_consequence,
          split_with_absolute, split_trailing_subordinate, split_adjuncts, split_counted_relative)


# A comma inside a number ("2,000", "2,5 Millionen") stands in for this character while the
# sentence is split, so that no split takes it for the end of a clause; offsets stay the same.
_NUMBER_COMMA = "\ue000"


def _realigned(parent: Piece, parts: list[Piece], sentence: str) -> list[Piece]:
    """The parts of a piece whose text was rewritten ("Das Klinikum verfügt ..." from "Das 2019
    eröffnete Klinikum verfügt ..."), with the offsets a split counted in that text moved to the
    sentence, through the characters the text shares with the span it comes from."""
    source = sentence[parent.start : parent.end]
    if parent.text == source or parts == [parent]:
        return parts
    matcher = difflib.SequenceMatcher(None, parent.text, source, autojunk=False)
    blocks = matcher.get_matching_blocks()

    def moved(at: int) -> int:
        after = 0  # where the block before ends in the source
        for a, b, size in blocks:
            if at < a + size:  # in the block, or in the unmatched stretch before it
                return parent.start + (max(after, b + at - a) if size else len(source))
            after = b + size
        return parent.end

    realigned = []
    for part in parts:  # a split ends a part at the piece's end to say "to the end"
        start = moved(part.start - parent.start)
        end = parent.end if part.end == parent.end else moved(part.end - parent.start - 1) + 1
        realigned.append(Piece(part.text, start, max(start + 1, end), part.kind))
    return realigned


def atomic_pieces(sentence: str, lang: str) -> list[Piece]:
    """The claims of one statement sentence, each with the span it comes from; the sentence
    itself when no split applies."""
    protected = re.sub(r"(?<=\d),(?=\d)", _NUMBER_COMMA, sentence)
    pieces = [Piece(protected, 0, len(protected))]
    for split in SPLITS:
        pieces = [part for piece in pieces
                  for part in (_realigned(piece, split(piece, lang), protected)
                               if piece.kind == "statement" else [piece])]
    seen: set[str] = set()
    unique = []
    for piece in pieces:
        text = piece.text.replace(_NUMBER_COMMA, ",")
        if text not in seen:
            seen.add(text)
            unique.append(Piece(text, piece.start, piece.end, piece.kind))
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
