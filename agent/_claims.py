"""Claim extraction without a model: sentences, roles, attributed quotes, atomic claims, and the
statements the check-worthiness classifier leaves unchecked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentencex import segment  # type: ignore[import-untyped]

from ._atomic import atomic_pieces, carry_date
from ._checkworthiness import CheckworthinessClassifier, rejection_reason
from ._coreference import Discourse, resolve_description, resolve_role
from ._models import Claim, NotChecked

MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "january|february|march|june|july|october|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|"
    "okt|oct|nov|dez|dec"
)
# Words before a day or ordinal number ("am 3.", "im 2.") after which sentencex may cut wrongly.
_ORDINAL_CUT = re.compile(
    r"\b(?:am|im|vom|zum|beim|bis|seit|ab|der|die|das|dem|den|des|zur|ein|eine|dem|bis zum)"
    r"\s+\d{1,2}\.\s*$",
    re.IGNORECASE,
)
_MONTH_START = re.compile(rf"^\s*(?:{MONTHS})\b", re.IGNORECASE)
# A sentence longer than this is not one claim but text without punctuation (a pasted table, a
# transcript); it is left unchecked, with a warning.
MAX_SENTENCE_CHARS = 1000
# How a line that ends a sentence ends; a line ending otherwise may be a heading, a headline, or a
# line of hard-wrapped text that the next line continues.
_LINE_END = re.compile(r"[.!?“\"”»«)\]]\s*$")
_CONTINUES = re.compile(r"^\s*[a-zäöüß0-9]")
_INNER_END = re.compile(r"[.!?][“\"”»«)]?\s+\S")
# Hard-wrapped text has no line longer than this.
WRAP_WIDTH = 100

ROLE_NOUNS = (
    r"(?i:[\w-]*(?:präsident|minister|sprecher|analyst|diplomat|botschafter|kanzler|chef|leiter|"
    r"direktor|vorsitzend|berater|gouverneur|bürgermeister|senator|general|admiral|offizier|"
    r"geschäftsführer|intendant|rektor|landr[aä]t|staatssekretär|dezernent|trainer|politiker|"
    r"abgeordnet)\w*|"
    r"president|minister|spokes\w+|analyst|diplomat|ambassador|chancellor|chief|head|director|"
    r"politician|"
    r"executive|leader|council+or|chair\w*|advis[oe]r|governor|mayor|senator|secretary|general|"
    r"admiral|officer|ceo|coach|captain|manager|commissioner|portfolio holder|dean|rector|"
    r"\bmps?\b)"
)

SPEECH_VERBS = (
    r"erklärte|sagte|bemerkte|warnte|betonte|teilte mit|schrieb|kündigte an|fügte hinzu|"
    r"said|stated|warned|noted|told|added|wrote|declared|announced"
)
# After a quotation, more verbs attribute it than report speech elsewhere ("„...“, kritisierte X";
# "X lobte die Kosten" is no quotation)
QUOTE_VERBS = (
    rf"{SPEECH_VERBS}|kritisierte|meinte|mahnte|ergänzte|unterstrich|bekräftigte|versicherte|"
    r"bestätigte|erläuterte|räumte ein|lobte|klagte|argued|explained|insisted|claimed|admitted|"
    r"confirmed|criticised|criticized|commented|remarked|stressed|emphasised|emphasized|"
    r"complained|acknowledged"
)
TITLES = (
    r"Admiral|General|Dr\.|Prof\.|Botschafterin|Botschafter|Ambassador|Senator|Minister|"
    r"Ministerin|Präsident|Präsidentin|President|Kanzler|Kanzlerin|Herr|Frau|Mr\.|Mrs\.|Ms\."
)
_NAME = (
    r"(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|The|A|An)\b)"
    r"[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){1,3}"
)
_SPEAKER = (
    rf"(?:(?:{TITLES})\s+)*[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){{0,3}}|"
    r"(?:ein|eine|der|die|a|an|the)\s+\w+(?:\s+(?:des|der|of the|of)\s+\w+)?"
)
# „Quote“, erklärte NAME, ROLE.   /   "Quote," said NAME, ROLE.
_QUOTE_THEN_SPEAKER = re.compile(
    rf"^\s*[„\"“](?P<quote>.+?)[“\"”],?\s*(?P<verb>{QUOTE_VERBS})\s+"
    # an office in lower case before the name: "said transport minister Karen Lee"
    rf"(?:(?P<title>(?:[A-ZÄÖÜ][\w'-]+\s+)?(?:[a-zäöü][\w-]+\s+){{0,2}}?(?=[a-zäöü])"
    rf"{ROLE_NOUNS}|(?:der|die|the)\s+(?:[a-zäöü][\w-]+\s+){{0,2}}?{ROLE_NOUNS})"
    r"\s+(?=[A-ZÄÖÜ][\w'-]+\s+[A-ZÄÖÜ]))?"
    rf"(?P<speaker>{_SPEAKER})(?P<rest>.*)$",
    re.DOTALL,
)
# In English, the same with any words between the verb and a name of two or more words ("said
# the club's long-serving coach Nadia Okafor"): those words are the title. (German capitalises
# nouns, so a run of capitalised words there is no name.)
_QUOTE_THEN_NAME = re.compile(
    rf"^\s*[„\"“](?P<quote>.+?)[“\"”],?\s*(?P<verb>{QUOTE_VERBS})\s+"
    r"(?P<title>[^„“\"”.,;]*?)\s*(?P<speaker>[A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){1,3})"
    r"(?P<rest>\s*(?:[.,;]|$).*)$",
    re.DOTALL,
)
# „Quote“, sagte er.   /   "Quote," she said.
_QUOTE_THEN_PRONOUN = re.compile(
    rf"^(?P<head>\s*[„\"“].+?[“\"”],?\s*)(?:(?P<verb>{QUOTE_VERBS})\s+(?P<pronoun>er|sie|he|she)|"
    rf"(?P<pronoun_first>he|she)\s+(?P<verb_after>{QUOTE_VERBS}))(?P<rest>\s*(?:[.,;].*)?)$",
    re.DOTALL,
)
_ROLE_AFTER_SPEAKER = re.compile(r"^,\s*(?P<role>[^,.]+?)\s*[.,]")
# ROLE NAME (apposition before the name): "Der portugiesische Präsident Rui Falcão gab ..."
_ROLE_BEFORE_NAME = re.compile(
    rf"(?P<role>\b(?:[Dd]er|[Dd]ie|[Tt]he)\s+(?:[a-zäöü][\w-]+\s+){{0,2}}{ROLE_NOUNS})"
    rf"\s+(?P<name>{_NAME})"
)
# NAME, ROLE (apposition after the name): "sagte Greta Lind, die Umweltministerin von
# Schweden."
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>(?:(?:{TITLES})\s+)*{_NAME}),\s*(?P<role>(?:(?:der|die|das|the|a|an|eine|ein|"
    rf"[A-ZÄÖÜ][\w-]*(?:s|'s|’s))\s+|(?=[a-z]+\s+of\s+(?:the\s+)?[A-Z]))"
    rf"[^,.;„“\"]+?)\s*(?:[.,;]|$)"
)
# Roles of apposition only: the roles above and leaders' words that are no office ("Machthaber").
_APPOSITION_ROLES = rf"(?:{ROLE_NOUNS}|(?i:machthaber\w*|\w*führer\w*|leader|ruler|coach|captain))"
# OWNER'S ROLE NAME: "Frankreichs Präsident Emmanuel Macron", "Germany's finance minister NAME".
_OWNER_ROLE_NAME = re.compile(
    rf"(?P<owner>\b[A-ZÄÖÜ][\w-]*(?:s|'s|’s|s'))\s+(?P<role>(?:[a-zäöü][\w-]+\s+){{0,2}}"
    rf"{_APPOSITION_ROLES})\s+(?P<name>{_NAME})"
)
# TITLE NAME without an article: "Klinikdirektor Klaus Reuter begrüßte ...", "Mayor Helen Ortiz
# cut ..." (ranks and forms of address are no office).
_TITLE_BEFORE_NAME = re.compile(
    rf"\b(?!(?:Admiral|General|Dr|Prof|Herr|Frau|Mr|Mrs|Ms)\b)"
    rf"(?P<role>[A-ZÄÖÜ][\w-]*(?<=[a-zäöüß])(?:(?<=präsident)|(?<=minister)|(?<=direktor)|"
    rf"(?<=kanzler)|(?<=bürgermeister)|(?<=gouverneur)|(?<=botschafter)|(?<=sprecher)|"
    rf"(?<=vorsitzende)|(?<=chef)|(?<=leiter)|(?<=trainer)|(?<=kapitän)|(?<=andrat)|"
    rf"(?<=andrät)|(?<=bgeordnete)|(?<=President)|"
    rf"(?<=Minister)|(?<=Mayor)|(?<=Governor)|(?<=Chancellor)|(?<=Ambassador)|(?<=Director)|"
    rf"(?<=Secretary)|(?<=Premier)|(?<=Coach)|(?<=Captain))"
    rf"(?:in)?)\s+(?P<name>{_NAME})"
)
# English "Transport secretary NAME", "Council leader NAME", "Local MP NAME": a capitalised
# word before a lower-case office.
_QUALIFIED_TITLE_BEFORE_NAME = re.compile(
    rf"\b(?!(?:The|A|An|This|That|Its|Their|His|Her)\b)(?P<role>[A-Z][a-z]+\s+"
    rf"(?:secretary|leader|minister|mayor|director|commissioner|chief executive|MP))"
    rf"\s+(?P<name>{_NAME})"
)
# ROLE, NAME, at the start of a sentence (the name in apposition after the office): "The museum's
# director, Margaret Osei, said ...", "Der Leiter des Museums, Professor Jan Berg, lobte ...".
_ROLE_THEN_NAME = re.compile(
    rf"^(?P<role>(?:(?i:der|die|the|its|his|her|their|sein|seine|ihr|ihre)|"
    rf"[A-ZÄÖÜ][\w-]*(?:'s|’s))\s+(?:[a-zäöü][\w'’-]+\s+){{0,2}}{_APPOSITION_ROLES}"
    rf"(?:\s+(?:of|for|des|der|von)\s+[^,]+?)?),\s+(?:(?:{TITLES})\s+)*(?P<name>{_NAME}),"
)
# NP, unter (der) Leitung/Führung/Regie von NAME / NP, led by NAME; "das Regime unter NAME" for
# a government.
_LED_BY = re.compile(
    rf"(?P<group>\b(?i:der|die|das|the)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}?[\w-]+|[A-ZÄÖÜ][\w-]+),?\s+"
    rf"(?:unter\s+(?:der\s+)?(?:Führung|Leitung|Regie)\s+von|led by|headed by|"
    rf"under the leadership of)\s+"
    rf"(?:(?:{TITLES})\s+)*(?P<name>{_NAME})|"
    rf"(?P<government>\b(?i:der|die|das|the)\s+(?:[a-zäöü][\w-]*\s+){{0,2}}"
    rf"(?:Regierung|Regime|Koalition|Verwaltung|Mannschaft|government|regime|administration|"
    rf"coalition|team))\s+(?:unter|under)\s+(?:(?:{TITLES})\s+)*(?P<leader>{_NAME})"
)


@dataclass
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(article: str, lang: str) -> list[Sentence]:
    """Sentences with their character spans; repairs cuts after ordinals ("am 3. | Oktober")."""
    pieces: list[Sentence] = []
    cursor = 0
    for raw in segment(lang, article):
        text = raw.strip()
        if not text:
            continue
        start = article.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        previous = pieces[-1] if pieces else None
        if previous and (_ORDINAL_CUT.search(previous.text) or _MONTH_START.match(text) and
                         re.search(r"\b\d{1,2}\.\s*$", previous.text)):
            pieces[-1] = Sentence(article[previous.start : cursor], previous.start, cursor)
            continue
        pieces.append(Sentence(text, start, cursor))
    # A line break ends a sentence even when the segmenter does not see it (headings), unless
    # the next line continues the sentence (hard-wrapped text).
    wrapped = _hard_wrapped(article)
    result: list[Sentence] = []
    for piece in pieces:
        offset, open_end = piece.start, False
        for line in piece.text.split("\n"):
            if not line.strip():
                continue
            begin = article.find(line.strip(), offset)
            offset = begin + len(line.strip())
            if open_end and (wrapped or _CONTINUES.match(line)):
                result[-1] = Sentence(article[result[-1].start : offset], result[-1].start, offset)
            else:
                result.append(Sentence(line.strip(), begin, offset))
            open_end = not _LINE_END.search(line)
    return result


def _hard_wrapped(article: str) -> bool:
    """Whether the article's lines were wrapped at a fixed width (e-mail, plain-text files):
    several lines end without a full stop, none is long, and sentences end inside lines (which
    a list of headlines does not do)."""
    lines = [line.strip() for line in article.split("\n") if line.strip()]
    open_ends = sum(not _LINE_END.search(line) for line in lines[:-1])
    return (open_ends >= 2 and max(map(len, lines)) <= WRAP_WIDTH
            and any(_INNER_END.search(line) for line in lines))


def detect_language(text: str) -> str:
    """'de', 'en', or '' when the text gives no sign, from function words and German letters."""
    words = re.findall(r"\w+", text.lower())
    german = sum(w in {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "sich",
                       "auf", "für", "dass", "wird", "eine", "hat", "im", "zu", "des", "ein"}
                 for w in words) + len(re.findall(r"[äöüß]", text.lower()))
    english = sum(w in {"the", "and", "is", "not", "with", "of", "to", "that", "was", "for",
                        "on", "has", "are", "by", "an", "it", "in", "a", "were", "its"}
                  for w in words)
    if german == english:
        return ""
    return "de" if german > english else "en"


def is_statement(sentence: str) -> bool:
    """Whether a sentence has the form of a statement: not a heading (a Markdown "# ..." line) or
    fragment (fewer than five words, or ending in a colon, comma or dash), not a question, not
    too long to be one claim. Whether the statement is a checkable fact is the classifier's
    question."""
    text = sentence.strip()
    return not (len(text.split()) < 5 or len(text) > MAX_SENTENCE_CHARS or text.startswith("#")
                or re.search(r"[?:,;–-][\s“\"”»«)]*$", text))


def _clean_name(name: str) -> str:
    """The name without leading titles or role words ("Außenministerin Ana Duarte")."""
    words = name.split()
    while len(words) > 2 and re.fullmatch(rf"{TITLES}|{ROLE_NOUNS}", words[0]):
        words.pop(0)
    return re.sub(rf"^(?:(?:{TITLES})\s+)+", "", " ".join(words)).strip()


@dataclass
class Extraction:
    """What the embedded extractor found: the claims, and the statements it left unchecked."""

    claims: list[Claim]
    not_checked: list[NotChecked]


@dataclass
class _Candidate:
    kind: str
    text: str
    sentence: Sentence
    start: int  # offsets in the article
    end: int
    scored: bool  # statements are scored by the classifier; roles and quotes are facts as stated


def _paragraph_start(article: str, offset: int) -> int:
    """Where the paragraph holding `offset` begins (after the last blank line before it)."""
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", article[:offset])]
    return breaks[-1] if breaks else 0


class ClaimExtractor:
    """Splits an article into atomic claims, each tied to the span of the text it comes from, and
    leaves out the statements the check-worthiness classifier rejects, with a reason.

    Attributed quotes give two claims (the speaker holds the stated role; the speaker said it),
    an apposition such as "Präsident Rui Falcão" gives a role claim, compound sentences are split
    (agent/_atomic.py), pronouns and descriptions such as "das Land" name their referent where it
    is clear (agent/_coreference.py), "der Präsident" the one person named with that role, and
    "am selben Tag" the date given earlier in the paragraph.
    """

    name = f"embedded-rules-v3+{CheckworthinessClassifier.name}"

    def __init__(self, classifier: CheckworthinessClassifier | None = None) -> None:
        self._classifier = classifier

    @property
    def classifier(self) -> CheckworthinessClassifier:
        if self._classifier is None:
            self._classifier = CheckworthinessClassifier()
        return self._classifier

    def extract(self, article: str) -> list[Claim]:
        """The claims of an article."""
        return self.split(article).claims

    def split(self, article: str) -> Extraction:
        """The claims of an article and the statements left unchecked."""
        lang = detect_language(article)
        candidates: list[_Candidate] = []
        last_person: str | None = None
        speaker: str | None = None  # of the last attributed quote in this paragraph
        paragraph = -1
        roles: dict[str, set[str]] = {}
        named: set[str] = set()  # names of several words so far ("Europäische Raumfahrtagentur")
        discourse = Discourse(lang)
        for sentence in split_sentences(article, lang):
            if _paragraph_start(article, sentence.start) != paragraph:
                paragraph, speaker = _paragraph_start(article, sentence.start), None
            before = article[paragraph : sentence.start]
            people: list[str] = []  # named with a role or as a speaker in this sentence
            for kind, text, start, end in self._from_sentence(sentence, last_person, speaker,
                                                              lang, discourse):
                if kind == "role":
                    self._remember_role(text, roles)
                    discourse.note_role(text)
                    people.append(re.split(r" (?:ist|is) ", text, maxsplit=1)[0])
                elif kind == "quote" and re.search(r" (?:erklärte|said): ", text):
                    speaker = re.split(r" (?:erklärte|said): ", text, maxsplit=1)[0]
                    discourse.note_person(speaker)
                    people.append(speaker)
                elif kind == "statement":
                    text = discourse.resolve(resolve_role(text, roles), sentence.text[:start])
                    text = carry_date(resolve_description(text, named), before, lang)
                elif kind == "quote":  # a reported statement: "Am Montag sagte er, dass ..."
                    text = discourse.resolve(text, sentence.text[:start])
                candidates.append(_Candidate(kind, " ".join(text.split()), sentence,
                                             sentence.start + start, sentence.start + end,
                                             scored=kind == "statement"))
            discourse.add_sentence(sentence.text)
            named.update(re.findall(_NAME, sentence.text))
            names = people or [_clean_name(n) for n in re.findall(_NAME, sentence.text[1:])][-1:]
            if names:
                last_person = names[0]
        scored = [c for c in candidates if c.scored]
        scores = dict(zip(map(id, scored), self.classifier.scores([c.text for c in scored]),
                          strict=True))
        claims: list[Claim] = []
        not_checked: list[NotChecked] = []
        for candidate in candidates:
            score = float(scores.get(id(candidate), 1.0))
            question = candidate.sentence.text.rstrip(" “\"”»«)").endswith("?")
            if candidate.scored and (question or score < self.classifier.threshold):
                not_checked.append(NotChecked(
                    text=candidate.text, start=candidate.start, end=candidate.end, score=score,
                    reason="question" if question else rejection_reason(candidate.text)))
                continue
            claims.append(Claim(id=f"c{len(claims) + 1:03d}", text=candidate.text,
                                sentence=candidate.sentence.text, start=candidate.start,
                                end=candidate.end, kind=candidate.kind))
        return Extraction(claims, not_checked)

    @staticmethod
    def _remember_role(claim: str, roles: dict[str, set[str]]) -> None:
        """Note who holds which role ("Anna Berger ist die Bürgermeisterin von Lindenfeld.")."""
        found = re.match(r"(?P<name>.+?) (?:ist|is) (?P<role>.+)$", claim)
        if found:
            for word in re.findall(ROLE_NOUNS, found.group("role")):
                roles.setdefault(word.lower(), set()).add(found.group("name"))

    def _from_sentence(
        self, sentence: Sentence, last_person: str | None, speaker: str | None, lang: str,
        discourse: Discourse,
    ) -> list[tuple[str, str, int, int]]:
        """(kind, text, start, end) of the candidate claims of one sentence; offsets in it.
        `speaker` said the quote just before in the paragraph; a pronoun the sentence opens with
        is resolved against `discourse` before the sentence is split."""
        text = sentence.text
        whole = len(text)
        by_pronoun = _QUOTE_THEN_PRONOUN.match(text)
        if by_pronoun:  # the speaker named where the pronoun is clear: "„...“, sagte Anna Berger."
            verb = by_pronoun["verb"] or by_pronoun["verb_after"]
            name = discourse.speaker(by_pronoun["pronoun"] or by_pronoun["pronoun_first"], verb)
            if name:
                text = f"{by_pronoun['head']}{verb} {name}{by_pronoun['rest']}"
        quote = (_QUOTE_THEN_NAME.match(text) if lang == "en" else None) or (
            _QUOTE_THEN_SPEAKER.match(text))
        copula = "ist" if lang == "de" else "is"
        if quote:
            speaker = quote.group("speaker").strip()
            if " " not in speaker and last_person and speaker in last_person.split():
                speaker = last_person  # "erklärte Falcão" after "Präsident Rui Falcão"
            said = "erklärte" if lang == "de" else "said"
            words = quote.group("quote").strip().rstrip(",")
            found = []
            for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", words):
                at = text.find(part)
                found.append(("quote", f"{speaker} {said}: „{part}“", at, at + len(part)))
            apposition = _ROLE_AFTER_SPEAKER.match(quote.group("rest"))
            if apposition and re.search(ROLE_NOUNS, apposition.group("role")):
                role = apposition.group("role").strip()
                at = quote.start("rest") + apposition.start("role")
                found.insert(0, ("role", f"{speaker} {copula} {role}.", at, at + len(role)))
            titled = _TITLE_BEFORE_NAME.match(speaker)
            if quote.group("title") and re.search(ROLE_NOUNS, quote.group("title")):
                title, at = quote.group("title"), quote.start("title")
                found.insert(0, ("role", f"{speaker} {copula} {title}.", at,
                                 quote.end("speaker")))
            elif titled:  # "sagte Landrätin NAME": the office is part of the speaker as matched
                name = _clean_name(titled.group("name"))
                at = quote.start("speaker")
                found.insert(0, ("role", f"{name} {copula} {titled.group('role')}.", at,
                                 quote.end("speaker")))
            return found
        if text.startswith(("„", '"', "“")):
            # a quotation that goes on after an attributed one: the same speaker said it
            whole_quote = re.fullmatch(r"[„\"“](?P<quote>[^„“\"”]+)[“\"”]\.?", text)
            if whole_quote and speaker:
                said = "erklärte" if lang == "de" else "said"
                return [("quote", f"{speaker} {said}: „{whole_quote.group('quote').strip()}“", 0,
                         whole)]
            if whole_quote:
                return []
            # a quote with more after it than the patterns above know: a statement like any other
        if not (is_statement(text) or text.rstrip(" “\"”»«)").endswith("?")
                                        and len(text.split()) >= 5):
            return []
        found = []
        for match in _ROLE_BEFORE_NAME.finditer(text):
            role = match.group("role")
            role = role[0].lower() + role[1:]
            found.append(("role", f"{_clean_name(match.group('name'))} {copula} {role}.",
                          match.start(), match.end()))
        titles = [*_TITLE_BEFORE_NAME.finditer(text),
                  *(_QUALIFIED_TITLE_BEFORE_NAME.finditer(text) if lang == "en" else [])]
        for match in titles:
            taken = any(start < match.end() and match.start() < end for _, _, start, end in found)
            if not taken and not re.search(r"(?i:\b(?:der|die|the|des|dem|den)\s+|s\s+|'s\s+)$",
                                           text[: match.start()]):
                role = match.group("role")
                role = role[0].lower() + role[1:] if lang == "en" else role
                found.append(("role", f"{_clean_name(match.group('name'))} {copula} {role}.",
                              match.start(), match.end()))
        for match in _OWNER_ROLE_NAME.finditer(text):
            role = f"{match.group('owner')} {match.group('role')}"
            found.append(("role", f"{_clean_name(match.group('name'))} {copula} {role}.",
                          match.start(), match.end()))
        for match in _LED_BY.finditer(text):
            group = match.group("group") or match.group("government")
            leader = _clean_name(match.group("name") or match.group("leader"))
            group = group[0].upper() + group[1:]
            claim = (f"{group} wird von {leader} geführt." if lang == "de" else
                     f"{group} is led by {leader}.")
            # "NP, led by NAME": the claim comes from the apposition; the group it is said of
            # stands in for its referent, as a relative clause's antecedent does
            start = match.end("group") if match.group("group") else match.start()
            start += len(text[start:]) - len(text[start:].lstrip(", "))
            found.append(("role", claim, start, match.end()))
        opening = _ROLE_THEN_NAME.match(text)
        if opening:
            # a possessive office ("Its director") names its owner as the article did before
            role = discourse.resolve(opening.group("role"), "", opening_only=True)
            if re.match(r"(?:Der|Die|The|Its|His|Her|Their|Sein|Seine|Ihr|Ihre)\b", role):
                role = role[0].lower() + role[1:]
            found.append(("role", f"{_clean_name(opening.group('name'))} {copula} {role}.",
                          opening.start(), opening.end("name")))
        for match in _NAME_THEN_ROLE.finditer(text):
            role = match.group("role").strip()
            if len(role.split()) <= 8 and re.search(ROLE_NOUNS, role):
                found.append(("role", f"{_clean_name(match.group('name'))} {copula} {role}.",
                              match.start(), match.end("role")))
        statement = discourse.resolve(text, "", opening_only=True)
        shift = len(statement) - len(text)  # offsets of pieces refer to `statement`
        for piece in atomic_pieces(statement, lang):
            start = max(0, piece.start - shift) if piece.start else 0
            end = whole if piece.end >= len(statement) else max(start + 1, piece.end - shift)
            found.append((piece.kind, piece.text, start, end))
        return found
