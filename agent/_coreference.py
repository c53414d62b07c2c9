"""Coreference without a model: pronouns and definite descriptions in a claim replaced by what they
refer to earlier in the article ("Er trat zurück." -> "Karl Brandt trat zurück.", "Das Land
lieferte ..." -> "Portugal lieferte ...", "his plan" -> "Karl Brandt's plan"). German and English.

Resolved: er/sie/ihn/ihm/ihr/ihnen, sein-/ihr- and he/she/him/her/his to a person (gender from a
first name, a form of address, a German office, or a pronoun used of them before); es/it/its and
sein- to a country (in English also a company or organisation); sie/ihnen/they/them to two people
or countries named together; das Land/the country, die Stadt/the city, das Unternehmen/der
Konzern/the company, die Regierung/the government ("die Regierung Norwegens"), die beiden
Länder/the two countries. A quotation said by a pronoun ("„...“, sagte sie") gets its speaker's
name (`Discourse.speaker`).

Every rule is conservative, since a wrong referent makes a false claim: a pronoun or description
is replaced only when the nearest sentence that holds anything it could refer to (gender, number,
kind) holds exactly one such referent with a name, and nothing else there (a noun phrase of the
same grammatical gender, a pronoun left unresolved) could be meant. Quotations are left as they
are: "ich", "wir", "I", "we" and the rest there are the speaker's. Expletive "es"/"it" ("es gibt",
"it is expected") and generic "sie"/"they" are never replaced.

A claim that opens with a role ("Der Präsident ...") or the head noun of an organisation's name
("Die Agentur ...") names the one person or organisation named so before (`resolve_role`,
`resolve_description`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# --- word lists (general resources, written for this module) ------------------------------------


def _word_set(words: str) -> frozenset[str]:
    """The words of a list written one after the other."""
    return frozenset(words.split())


# First names whose gender is unambiguous in German and English news (a name used for both, such
# as Kim, Andrea, Alex or Sascha, is not listed).
_FEMALE = _word_set("""
Ada Agnes Alena Alessandra Alice Alina Amanda Amelie Amy Ana Anastasia Angela Angelika
Angelina Anja Anke Anna Annalena Anne Annegret Annika Antje Ashley Astrid Barbara Beate Bettina
Birgit Brigitte Bärbel Carina Carmen Carolin Caroline Catherine Charlotte Chiara Christiane
Christina Christine Claudia Clara Cornelia Dagmar Daniela Deborah Diana Donna Doris Dorothea
Dorothy Edith
Ekaterina Elena Elisabeth Elizabeth Elke Ella Ellen Emilia Emilie Emily Emma Erika Eva Ewa Fiona
Francesca Franziska Frieda Friederike Gabriela Gisela Giorgia Giulia Grace Greta Gudrun Hanna
Hannah Hannelore Hedwig Heidi Heike Helen Helena Helene Helga Hillary Ida Ilona Ilse Ines Ingrid
Irene Irina Iris Isabel Isabella Isabelle Jacqueline Jana Jane Janet Jasmin Jekaterina Jelena
Jennifer Jessica Joan Joanna Johanna Josephine Joyce Judith Julia Julija Jutta Kamala Karin Karla
Karen Katarzyna Kate Katharina Katherine Kathleen Kathrin Katrin Kerstin Kimberly Kirsten Klara
Kristina Larissa Laura Lea Lena Leonie Lina Linda Lisa Liz Lucia Lucy Luisa Ljudmila Magdalena
Manuela Mareike Maren Margaret Margarete Margot Maria Marianne Marie Marija Marina Marine Marlene
Marta Martina Mary Megan Melanie Melissa Mette Mia Michaela Michelle Miriam Monika Nadia Nadine
Nadja Nancy Natalia Natalie Natascha Nicole Nina Nora Oksana Olga Olivia Pamela Patricia Paula
Petra Pia Pilar Rachel Rebecca Regina Renate Ricarda Rita Romy Rosa Ruth Sabine Sahra Samantha
Sandra Sanna Sara Sarah Saskia Sharon Sigrid Silke Silvia Simone Sofia Sonja Sophie Stefanie
Stephanie Susan Susanne Svenja Svetlana Swetlana Sylvia Tanja Tatiana Tatjana Teresa Thea Theresa
Tina Ulrike Ursula Ute Valentina Vanessa Verena Victoria Viktoria Virginia Wendy Yulia Yvonne Zoe
""")
_MALE = _word_set("""
Aaron Abdullah Achim Adam Ahmed Alexander Alexei Alexej Ali Andreas Andrei Andrej Andrew Andrzej
Anthony Anton Antonio Armin Arnold Barack Benedikt Benjamin Bernd Bernhard Bill Björn Boris Brian
Carlos Carsten Charles Christian Christoph Christopher Daniel David Dennis Detlef Dieter Dirk
Dmitri Dmitrij Dmitry Donald Douglas Edward Egon Elias Emil Emmanuel Erich Erik Ernst Ethan Fabian
Felix Florian Frank Friedrich Fumio Georg George Gerd Gerhard Giorgio Giuseppe Gordon Gregor
Gregory Gustav Hans Harry Hartmut Hassan Heiko Heinz Helmut Henri Henry Hermann Holger Horst
Hubert Hubertus Ibrahim Igor Ingo Ivan Iwan Jacob Jair Jakob James Jan Javier Jeffrey Jens Jeremy
Jochen Joachim Joe Johannes John Jonas Jonathan Jörg José Joseph Joshua Juan Julian Juri Jürgen
Justin Jewgeni Kai Karl Karl-Heinz Keir Kevin Klaus Konrad Kurt Kyle Lars Leon Lothar Ludwig Luis
Lukas Lutz Mahmoud Manfred Marco Mario Mark Markus Martin Matteo Matthew Matthias Max Michael
Michail Miguel Mikhail Mohammed Moritz Muhammad Narendra Nathan Nicholas Nicolas Niklas Nikolai
Norbert Olaf Oleg Oliver Omar Otto Patrick Paul Pavel Pawel Pedro Peter Petro Philipp Pierre
Rainer Ralf Raymond Recep Reinhard Richard Rishi Robert Roland Rolf Ronald Rudolf Ryan Samuel
Scott Sebastian Sergei Sergej Sergey Sergio Siegfried Simon Steffen Stefan Stephan Steve Steven
Sven Taras Thomas Tim Timo Timothy Tobias Tom Tony Torsten Thorsten Ulrich Uwe Viktor Vladimir
Volker Volodymyr Walter Werner Wiktor Wilhelm William Winfried Wladimir Wolfgang Wolodymyr
Yevgeny Yuri
""")

# Countries: German names (the first is the one written), the German article of those that take
# one ("die Schweiz"), English names. German names without an article are neuter.


def is_first_name(word: str) -> bool:
    """Whether a word is a first name of the lists above ("Anna", "Frank")."""
    return word in _FEMALE or word in _MALE


_COUNTRY_TABLE = """
Deutschland||Germany
Russland||Russia
Nordkorea||North Korea
Südkorea||South Korea
China||China
Japan||Japan
Frankreich||France
Großbritannien|Vereinigtes Königreich||Britain|United Kingdom|UK
Italien||Italy
Spanien||Spain
Portugal||Portugal
Polen||Poland
Österreich||Austria
Schweiz|die|Switzerland
Ukraine|die|Ukraine
Belarus|Weißrussland||Belarus
Litauen||Lithuania
Lettland||Latvia
Estland||Estonia
Finnland||Finland
Schweden||Sweden
Norwegen||Norway
Dänemark||Denmark
Irland||Ireland
Niederlande|die|Netherlands
Belgien||Belgium
Tschechien||Czech Republic|Czechia
Slowakei|die|Slovakia
Ungarn||Hungary
Rumänien||Romania
Bulgarien||Bulgaria
Griechenland||Greece
Türkei|die|Turkey
Serbien||Serbia
Kroatien||Croatia
Moldau|Moldawien||Moldova
Armenien||Armenia
Aserbaidschan||Azerbaijan
Kasachstan||Kazakhstan
Iran|der|Iran
Irak|der|Iraq
Syrien||Syria
Israel||Israel
Libanon|der|Lebanon
Saudi-Arabien||Saudi Arabia
Ägypten||Egypt
Libyen||Libya
Marokko||Morocco
Nigeria||Nigeria
Äthiopien||Ethiopia
Kenia||Kenya
Südafrika||South Africa
Sudan|der|Sudan
Indien||India
Pakistan||Pakistan
Afghanistan||Afghanistan
Vietnam||Vietnam
Thailand||Thailand
Indonesien||Indonesia
Philippinen|die|Philippines
Malaysia||Malaysia
Singapur||Singapore
Taiwan||Taiwan
Mongolei|die|Mongolia
Australien||Australia
Neuseeland||New Zealand
Kanada||Canada
USA|Vereinigten Staaten|die|United States|US|U.S.|USA
Mexiko||Mexico
Brasilien||Brazil
Argentinien||Argentina
Chile||Chile
Kolumbien||Colombia
Venezuela||Venezuela
Kuba||Cuba
Katar||Qatar
Jemen|der|Yemen
Myanmar||Myanmar
"""
# English names that take "the".
_EN_THE = frozenset({"United Kingdom", "UK", "Netherlands", "Czech Republic", "Philippines",
                     "United States", "US", "U.S.", "USA"})
_PLURAL_COUNTRIES = frozenset({"Niederlande", "Philippinen", "USA", "Vereinigten Staaten",
                               "Netherlands", "Philippines", "United States", "US", "U.S."})

# Cities (German and English names of the same city are different referents here: an article
# writes one of them).
_CITIES = _word_set("""
Berlin Hamburg München Munich Köln Cologne Frankfurt Stuttgart Düsseldorf Leipzig Dresden Hannover
Nürnberg Bremen Bonn Wien Vienna Zürich Zurich Genf Geneva Bern Paris London Rom Rome Madrid
Barcelona Lissabon Lisbon Brüssel Brussels Amsterdam Warschau Warsaw Prag Prague Budapest Bukarest
Bucharest Athen Athens Istanbul Ankara Moskau Moscow Kiew Kyjiw Kyiv Kiev Charkiw Kharkiv Odessa
Minsk Vilnius Riga Tallinn Helsinki Stockholm Oslo Kopenhagen Copenhagen Peking Beijing Shanghai
Hongkong Tokio Tokyo Seoul Pjöngjang Pyongyang Taipeh Taipei Mumbai Teheran Tehran Bagdad Baghdad
Damaskus Damascus Beirut Jerusalem Kairo Cairo Riad Riyadh Doha Dubai Washington Chicago Toronto
Ottawa Sydney Canberra Wladiwostok Vladivostok Chabarowsk Khabarovsk Donezk Donetsk Luhansk
Mariupol Cherson Kherson Belgorod Kaliningrad Sewastopol Sevastopol Jekaterinburg Yekaterinburg
Nowosibirsk Novosibirsk Odesa Lemberg Lviv Dnipro
""") | {"New York", "Los Angeles", "San Francisco", "Sankt Petersburg", "St. Petersburg",
                "Tel Aviv", "Neu-Delhi", "New Delhi", "Den Haag", "The Hague", "Mexico City"}

# Words in a name that make it an organisation's ("Europäische Kommission", "Security Council").
_ORG_WORDS = re.compile(
    r"(?i:kommission|union|rat\b|council|ministerium|ministry|partei|party|bank|agentur|agency|"
    r"behörde|amt\b|armee|army|gericht|court|verband|institut|universität|university|zeitung|"
    r"news|times|post\b|press|organisation|organization|nationen|nations|staaten|states|forces|"
    r"streitkräfte|dienst|service|office|department|parlament|parliament|kongress|congress|"
    r"senat|senate|regierung|government|haus\b|house|komitee|committee|fonds|fund|stiftung|"
    r"foundation|gruppe|group|konzern|holding|werke|airlines?|motors|systems|kreuz|cross|"
    r"liga|league|club|verein|museum|schule|school|klinik|hospital|watch|international|journal|"
    r"network|netzwerk|alliance|initiative|cent(?:re|er)|zentrum|coalition|koalition|front|"
    r"movement|bewegung|association|federation|föderation|society|gesellschaft|fleet|flotte|"
    r"command|kommando|brigade|division|regiment|corps|korps|guard|garde|navy|marine|police|"
    r"polizei|kreml|kremlin|pentagon|tribunal|assembly|versammlung)"
)
_LEGAL_FORM = r"(?:AG|SE|GmbH|KGaA|Inc\.?|Corp\.?|Corporation|Ltd\.?|plc|PLC|LLC|N\.V\.|S\.A\.)"
_COMPANY_NOUNS = (r"Unternehmen|Konzern|Firma|Hersteller|Autobauer|Rüstungskonzern|company|firm|"
                  r"group|carmaker|manufacturer|maker")
# Capitalised words that open a sentence or stand before a name without being part of it.
_NOT_NAME = _word_set("""
Der Die Das Den Dem Des Ein Eine Einer Einem Einen Eines Am Im In Auf Aus Bei Nach Seit Vor Mit
Für Von Zu Zum Zur Um Unter Über Laut Wie Als Auch Doch Denn Dass Da Dort Damit Danach Dabei Zudem
Zuvor Später Heute Gestern Bereits Noch Nun Jetzt Schon Nachdem Während Obwohl Weil Wenn Ob Und
Oder Aber Sondern Er Sie Es Wir Ich Ihr Sein Seine Ihre Dies Diese Dieser Dieses Man Nicht Kein
Keine Herr Frau Dr Dr. Prof Prof. The A An On At After Before According But And Or While When
Since Because Although Though As If In Of For To From With By He She It They We I His Her Its
Their This That These Those There Mr Mr. Mrs Mrs. Ms Ms. Meanwhile However Also Yet Still Last
Earlier Later Today Yesterday Sir Lady Madam
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday Wednesday Thursday
Friday Saturday Sunday Januar Februar März April Mai Juni Juli August September Oktober November
Dezember January February March May June July October December
""")
# Words before an office that are not part of a name ("Prime Minister", "Vice President").
_MODIFIERS = _word_set("""
Prime Foreign Defence Defense Vice Deputy Former Acting Interior Finance Health Supreme Chief
Senior Top State Federal North South East West Nord Süd Ost West Ex
""")
_WHEN_DE = re.compile(r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                     r"November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
                     r"Sonntag")
_NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|nis|tum|ment|ium|ik|ie)$")
_TITLE_GENDER = {"Herr": "m", "Herrn": "m", "Mr": "m", "Mr.": "m", "Sir": "m", "Frau": "f",
                 "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Lady": "f"}

# Nouns for people, whose noun phrase may be what a pronoun refers to ("ein Sprecher", "the
# official"); German role nouns come from the extractor's list.
_PERSON_NOUNS_EN = re.compile(
    r"(?:spokes(?:man|woman|person)|official|minister|president|leader|chief|director|"
    r"executive|diplomat|ambassador|chancellor|governor|mayor|senator|secretary|admiral|"
    r"officer|soldier|analyst|expert|man|woman|boy|girl|king|queen|prince|princess|father|mother|"
    r"son|daughter|wife|husband|brother|sister|player|coach|captain|manager|lawyer|judge|"
    r"witness|victim|suspect|doctor|teacher|student|author|journalist|reporter|researcher|"
    r"scientist|founder|owner|member|lawmaker|politician|candidate|envoy|commander|chairman|"
    r"chairwoman|aide|adviser|advisor|resident|citizen|worker|driver|pilot|person)s?"
)
_PERSON_NP_EN = re.compile(
    r"\b(?:(?i:the|a|an|this|that|one|his|her|its|their|these|those|two|three|several|many|"
    r"some)\s+(?:[\w-]+\s+){0,2}?)?(?P<noun>" + _PERSON_NOUNS_EN.pattern + r")\b",
    re.IGNORECASE,
)
_PERSON_NOUNS_DE = re.compile(
    r"(?:\w*(?:präsident|minister|sprecher|analyst|diplomat|botschafter|kanzler|chef|leiter|"
    r"direktor|vorsitzend|berater|gouverneur|bürgermeister|senator|general|admiral|offizier|"
    r"soldat|experte|expertin|trainer|spieler|kapitän|autor|journalist|forscher|gründer|"
    r"besitzer|kommandeur|abgeordnete|politiker|kandidat|mitarbeiter|beamte|anwalt|anwältin|"
    r"richter|zeuge|zeugin|täter|opfer|arzt|ärztin|bürger|einwohner|machthaber|führer)\w*|"
    r"Mann|Frau|Junge|Mädchen|Vater|Mutter|Sohn|Tochter|König|Königin)",
    re.IGNORECASE,
)

_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|“[^”“]*”|\"[^\"]*\"|»[^«]*«|«[^»]*»")


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quotations in `text`."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(at: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


# --- referents and mentions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Referent:
    """Something a claim can name: a person, country, city, company, organisation, or a pair of
    them ("Karl Brandt und Anna Berger"). `name` is the form written in a claim; `article`, the
    German article a country takes ("die" Schweiz)."""

    name: str
    kind: str
    article: str = ""
    key: str = ""  # a country's German name, the same whichever language names it


@dataclass
class Mention:
    """A stretch of a sentence that may be what a pronoun refers to: a referent by name, or
    something that cannot be named (a noun phrase, a pronoun left unresolved; referent None)."""

    start: int
    end: int
    genders: frozenset[str]  # grammatical gender and number it fits: m, f, n, pl
    referent: Referent | None
    subject: bool = False  # the sentence opens with it


_ALL = frozenset({"m", "f", "n", "pl"})
_ARTICLE_GENDER = {"": frozenset({"n"}), "die": frozenset({"f"}), "der": frozenset({"m"})}
_DET_GENDER_DE = {
    "der": {"m", "f", "pl"}, "die": {"f", "pl"}, "das": {"n"}, "den": {"m", "pl"},
    "dem": {"m", "n"}, "des": {"m", "n"}, "ein": {"m", "n"}, "eine": {"f"}, "einen": {"m"},
    "einem": {"m", "n"}, "einer": {"f"}, "eines": {"m", "n"}, "dieser": {"m", "f", "pl"},
    "diese": {"f", "pl"}, "dieses": {"n"}, "diesen": {"m", "pl"}, "diesem": {"m", "n"},
}
_NP_DE = re.compile(
    r"\b(?P<det>(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|dieser|diese|"
    r"dieses|diesen|diesem))\s+(?:[a-zäöüß][\w-]*\s+){0,3}(?P<noun>[A-ZÄÖÜ][\w-]*)"
)
_NP_EN = re.compile(
    r"\b(?P<det>(?i:the|a|an|this|that|these|those|its|his|her|their|one|two|three|four|five|"
    r"several|many|some|\d[\d,.]*))\s+(?P<words>(?:(?!(?:of|to|in|on|at|for|and|or|by|with|"
    r"from|is|was|are|were|has|have|had|will|would)\b)[a-z][\w-]*\b\s*){1,3})"
)
# A number of things ("40 Panzer", "zwei neue Fregatten"); not a year ("2019 das Museum").
_COUNTED_DE = re.compile(
    r"\b(?:(?!(?:1[89]|20)\d\d\b)\d[\d.,]*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|"
    r"mehrere|viele|einige)\s+(?:(?!(?:der|die|das|den|dem|des)\b)[a-zäöüß][\w-]*\s+)?"
    r"[A-ZÄÖÜ][\w-]*"
)
_PLURAL_DET_EN = re.compile(r"(?i:these|those|their|two|three|four|five|several|many|some|"
                            r"[\d,.]*\d[\d,.]*)")
_SUBJECT_PREFIX = re.compile(
    r"^[\W_]*(?:(?i:der|die|das|the|a|an|ein|eine)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}"
    r"(?:[A-ZÄÖÜ][\w.'’-]*\s+){0,3}$"
)

# What stands before the speaker of a quotation: „...“, sagte (Ministerin) NAME / "...," NAME said
_AFTER_QUOTE = re.compile(
    r"^\s*[„\"“»«][^„“”\"»«]*[“\"”«»],?\s*(?:[a-zäöüß]+\s+){0,2}(?:[A-ZÄÖÜ][\w.'’-]*\s+){0,3}$"
)

# Records a mention: start, end, genders, referent.
_Add = Callable[[int, int, Iterable[str], Referent | None], None]


def _country_table() -> dict[str, tuple[str, str, str]]:
    """Each written name of a country -> (key, German article, language)."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        fields = line.split("|")
        split = fields.index("") if "" in fields else next(
            i for i, f in enumerate(fields) if f in ("die", "der"))
        article = fields[split]
        german, english = fields[:split], fields[split + 1 :]
        for name in german:
            table[name] = (german[0], article, "de")
        for name in english:
            table.setdefault(name, (german[0], article, "en"))
    return table


_COUNTRIES = _country_table()
_COUNTRY_RE = re.compile(
    r"(?<![\w-])(?P<name>"
    + "|".join(re.escape(n) for n in sorted(_COUNTRIES, key=len, reverse=True))
    + r")(?:s|'s|’s|')?(?![\w-])"
)
_CITY_RE = re.compile(
    r"(?<![\w-])(?P<name>" + "|".join(re.escape(n) for n in sorted(_CITIES, key=len, reverse=True))
    + r")(?:s|'s|’s)?(?![\w-])"
)
_COMPANY_RE = re.compile(
    rf"(?P<name>(?!(?:Der|Die|Das|The)\b)[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*){{0,3}})\s+"
    rf"{_LEGAL_FORM}(?![\w])|"
    rf"\b(?:{_COMPANY_NOUNS})\s+(?P<named>[A-ZÄÖÜ][\w&-]*(?:\s+[A-ZÄÖÜ][\w&-]*){{0,2}})|"
    r"\b(?P<compound>[A-ZÄÖÜ][\w&]+)-(?:Konzern|Gruppe|Unternehmen)\b"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_RUN = re.compile(r"[A-ZÄÖÜ][\w'’.-]*(?:\s+[A-ZÄÖÜ][\w'’.-]*)*")


def _display(key: str, lang: str, written: str) -> tuple[str, str]:
    """(name to write, German article) of a country; English keeps the name the article used."""
    if lang == "de":
        return key, _COUNTRIES[key][1]
    return (f"the {written}" if written in _EN_THE else written), ""


class Discourse:
    """What an article has named so far, sentence by sentence, and the pronouns and descriptions
    of a claim resolved against it. `add_sentence` after each sentence; `note_role` for each role
    claim ("Anna Berger ist die Bürgermeisterin von Lindenfeld.")."""

    LOOKBACK = 3  # sentences before the claim's own that may hold the referent

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._sentences: list[list[Mention]] = []
        self._people: dict[str, str | None] = {}  # name -> "m", "f", None (not known)
        self._resolved: list[tuple[frozenset[str], Referent]] = []  # in the current sentence
        self._described: dict[str, Referent] = {}  # description kind -> referent, likewise
        self._known: dict[str, Referent] = {}  # companies and organisations named so far
        self._roles: dict[str, set[str]] = {}  # role noun ("ministerin") -> people so named

    # --- what is known of people ---------------------------------------------------------------

    def _learn(self, name: str, gender: str | None) -> None:
        """Note a person and, where it is known, their gender (conflicting evidence: unknown)."""
        known = self._people.get(name)
        if name not in self._people or known is None:
            self._people[name] = gender
        elif gender and known != gender:
            self._people[name] = None

    def note_person(self, name: str) -> None:
        """A person named as the speaker of a quote."""
        self._learn(name, None)

    def note_role(self, claim: str) -> None:
        """A person named with a role; the role tells the gender in German ("die Ministerin",
        "der Minister") and in English words such as "spokeswoman"."""
        found = re.match(r"(?P<name>.+?) (?:ist|is) (?P<role>.+?)\.?$", claim)
        if not found:
            return
        role = found["role"]
        nouns = _PERSON_NOUNS_DE.findall(role) if self.lang == "de" else []
        gender: str | None = None
        if self.lang == "de" and nouns:
            noun = nouns[-1]
            article = re.match(r"(?i:der|die)\b", role)
            gender = ("f" if noun.endswith("in") or article and article[0].lower() == "die"
                      else "m")
        elif re.search(r"(?i:woman|queen|princess)\b", role):
            gender = "f"
        elif re.search(r"(?i:(?<!wo)man|king|prince)\b", role):
            gender = "m"
        name = found["name"].strip()
        self._learn(name, gender)
        words = (nouns if self.lang == "de" else
                 re.findall(rf"\b(?:{_PERSON_NOUNS_EN.pattern})\b", role.lower()))
        for noun in words:
            self._roles.setdefault(noun.lower(), set()).add(name)

    def _holder(self, noun: str) -> Mention | None:
        """The one person named earlier with this role ("der Bürgermeister"), as a mention
        (without its span), or None."""
        names = self._roles.get(noun.lower(), set())
        if len(names) != 1:
            return None
        name = next(iter(names))
        gender = self._people.get(name)
        return Mention(0, 0, frozenset({gender} if gender else {"m", "f"}),
                       Referent(name, "person"))

    def _person(self, words: list[str],
                title: str | None) -> tuple[str, frozenset[str], bool] | None:
        """(name, genders, sure) when capitalised words may be a person's name: "" as the name
        for a surname of more than one person named before; not sure for words not known as a
        name ("Arvid Brekke", but also "Neue Zahlen")."""
        name = " ".join(words)
        if len(words) == 1 and name not in self._people:
            owners = {n for n in self._people if len(name) >= 3 and name in n.split()}
            if len(owners) > 1:
                return "", frozenset({"m", "f"}), True
            if owners:
                name = next(iter(owners))
            elif not title:
                return None
        if name in self._people:
            gender = self._people[name]
        else:
            gender = ("f" if words[0] in _FEMALE else "m" if words[0] in _MALE else
                      self._title_gender(title))
        genders = frozenset({gender} if gender else {"m", "f"})
        if gender or title or name in self._people:
            return name, genders, True
        if _ORG_WORDS.search(name) or (self.lang == "de" and any(
                _NOUN_SUFFIX.search(w) for w in words)):
            return None
        return name, genders, False

    def _title_gender(self, title: str | None) -> str | None:
        """The gender a form of address or a German office before a name tells ("Frau",
        "Ministerin", "Präsident"); English offices tell none."""
        if title in _TITLE_GENDER:
            return _TITLE_GENDER[title]
        if title and self.lang == "de" and _PERSON_NOUNS_DE.fullmatch(title):
            return "f" if title.endswith("in") else "m"
        return None

    # --- mentions ------------------------------------------------------------------------------

    def _mentions(self, text: str) -> list[Mention]:
        """What `text` names, and the noun phrases it holds, in order."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, genders: Iterable[str], referent: Referent | None) -> None:
            found.append(Mention(start, end, frozenset(genders), referent))
            taken.append((start, end))

        de = self.lang == "de"
        for match in _COUNTRY_RE.finditer(text):
            written = match["name"]
            key, article, lang = _COUNTRIES[written]
            if lang != self.lang and written != key:
                continue  # a name of the other language ("Iran" is both)
            name, article = _display(key, self.lang, written)
            if written in _PLURAL_COUNTRIES:
                genders = {"pl"}
            else:
                genders = set(_ARTICLE_GENDER.get(article, _ALL)) if de else {"n"}
            add(match.start("name"), match.end(), genders,
                Referent(name, "country", article, key))
        for match in _CITY_RE.finditer(text):
            if not _inside(match.start(), taken):
                add(match.start(), match.end(), {"n"}, Referent(match["name"], "city"))
        for match in _COMPANY_RE.finditer(text):
            name = match["name"] or match["named"] or match["compound"]
            group = "name" if match["name"] else "named" if match["named"] else "compound"
            if not _inside(match.start(group), taken):
                add(match.start(group), match.end(group), _ALL if de else {"n"},
                    Referent(name, "company"))
        for referent in self._known.values():  # "Siemens" after "Siemens AG"
            for match in re.finditer(rf"(?<![\w-]){re.escape(referent.name)}(?![\w-])", text):
                if not _inside(match.start(), taken):
                    add(match.start(), match.end(), self._genders(referent), referent)
        masked = "".join("\0" if _inside(i, taken) else c for i, c in enumerate(text))
        for match in _RUN.finditer(masked):
            self._name_mention(text, match, add)
        for match in _ACRONYM.finditer(masked):
            if not _inside(match.start(), taken):
                add(match.start(), match.end(), self._org_genders(text, match.start()),
                    Referent(match[0], "organisation"))
        for match in (_DEMONYM_DE if de else _DEMONYM_EN).finditer(text):
            for key in _demonym_countries(match[0]):
                add(match.start(), match.end(), (), Referent(key, "demonym"))
        self._noun_phrases(text, taken, add)
        found.sort(key=lambda m: m.start)
        self._pairs(text, found)
        quotes = _quoted(text)
        for mention in found:  # the speaker after a quotation is the sentence's subject too
            before = text[: mention.start]
            mention.subject = not _inside(mention.start, quotes) and bool(
                _SUBJECT_PREFIX.match(before) or _AFTER_QUOTE.match(before))
        return found

    def _org_genders(self, text: str, start: int) -> frozenset[str]:
        """The genders an organisation's name fits: in German, its article's, else any."""
        if self.lang != "de":
            return frozenset({"n", "pl"})
        article = re.search(r"\b(\w+)\s+$", text[:start])
        genders = _DET_GENDER_DE.get(article[1].lower(), _ALL) if article else _ALL
        return frozenset(genders)

    def _name_mention(self, text: str, match: re.Match[str], add: _Add) -> None:
        """A run of capitalised words: a person, an organisation, or nothing to note. Words
        that open a sentence, offices and forms of address before the name are not part of it."""
        words = [w.rstrip(".,'’") or w for w in match[0].split()]
        offset = match.start()
        title = None
        while words and (words[0] in _NOT_NAME or words[0] in _MODIFIERS or _is_role(words[0])
                         or _demonym_countries(words[0]) and (
                             _DEMONYM_DE if self.lang == "de" else _DEMONYM_EN).fullmatch(
                                 words[0])):
            title = words[0] if words[0] in _TITLE_GENDER or _is_role(words[0]) else title
            offset = text.index(words[0], offset) + len(words[0])
            words.pop(0)
        while words and self.lang == "de" and _WHEN_DE.fullmatch(words[-1].rstrip(".,")):
            words.pop()  # "Ende Oktober"
        if not words:
            return
        start = text.index(words[0], offset)
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        elif self.lang == "de" and len(words) > 1 and " ".join(words)[:-1] in self._people:
            words[-1] = words[-1][:-1]  # "Karl Brandts"
        name = " ".join(words)
        if len(words) > 1 and (_ORG_WORDS.search(name) or any(
                re.fullmatch(r"[A-Z]{2,}", w) for w in words)):
            add(start, match.end(), self._org_genders(text, start), Referent(name, "organisation"))
            return
        person = self._person(words, title)
        if person is None and len(words) == 1 and self.lang == "de" and words[0].endswith("s"):
            person = self._person([words[0][:-1]], title)  # "Brandts"
        if person is None:
            if (self.lang == "en" and len(words) == 1 and start > 0 and len(words[0]) > 1
                    and not words[0].isupper()):
                add(start, match.end(), {"m", "f"}, None)  # "Okafor" never named in full
            return
        found, genders, sure = person
        if sure:  # a surname of several people: someone a pronoun may mean, but who is unclear
            add(start, match.end(), genders, Referent(found, "person") if found else None)
            return
        # Words that may be a name: not one where an article stands before them ("im Kalten
        # Krieg", "the Cold War"), an adjective opens them ("Neue Zahlen") or every word is
        # capitalised (an English headline); there they are only something a pronoun may mean.
        article = re.search(rf"\b(?i:{_ARTICLES})\s+$", text[:start])
        if re.search(r"(?:\d|\b(?i:zwei|drei|vier|fünf|zehn|hundert|two|three|ten|hundred))\s+$",
                     text[:start]) or _UNITS.match(words[0]):
            return  # "9 Milliarden Euro"
        if article:
            add(start, match.end(), _DET_GENDER_DE.get(article[0].split()[0].lower(), _ALL)
                if self.lang == "de" else {"n", "pl"}, None)
        elif (self.lang == "de" and re.search(r"(?:e|en|er|es|em)$", words[0])
              or self.lang == "en" and _headline(text)):
            add(start, match.end(), genders, None)
        else:
            add(start, match.end(), genders, Referent(found, "person"))

    def _noun_phrases(self, text: str, taken: list[tuple[int, int]], add: _Add) -> None:
        """Noun phrases without a name: what a pronoun of their gender may refer to instead of a
        named referent ("der Vertrag", "ein Sprecher", "the official"). A role named earlier of
        one person only ("der Präsident") counts as that person."""
        if self.lang == "de":
            for match in _NP_DE.finditer(text):
                if _inside(match.start("noun"), taken) or _inside(match.end() + 1, taken):
                    continue  # part of a name, or before one ("der Vorsitzende Karl Brandt")
                holder = (self._holder(match["noun"]) if match["det"].lower() in
                          ("der", "die", "den", "dem", "des") else None)
                if holder:  # "der Bürgermeister": the one named so before
                    add(match.start(), match.end(), holder.genders, holder.referent)
                    continue
                genders = _DET_GENDER_DE[match["det"].lower()]
                if "pl" in genders and match["det"].lower() in ("den", "diesen") and not (
                        match["noun"].endswith(("n", "s"))):
                    genders = {"m"}  # "den Verein": a plural after "den" ends in -n or -s
                add(match.start(), match.end(), genders, None)
            for match in _COUNTED_DE.finditer(text):
                add(match.start(), match.end(), {"pl"}, None)
            return
        for match in _PERSON_NP_EN.finditer(text):
            if _inside(match.start(), taken) or _inside(match.end() + 1, taken):
                continue
            noun = match["noun"].lower()
            holder = self._holder(noun) if match[0].lower().startswith("the ") else None
            if holder:
                add(match.start(), match.end(), holder.genders, holder.referent)
                continue
            if noun.endswith("s") and not noun.endswith(("ss", "us")):
                genders = {"pl"}  # "officials said"
            elif re.search(r"(?:woman|queen|princess|mother|daughter|wife|sister|girl)$", noun):
                genders = {"f"}
            elif re.search(r"(?:man|king|prince|father|son|husband|brother|boy)$", noun):
                genders = {"m"}
            else:
                genders = {"m", "f"}
            add(match.start(), match.end(), genders, None)
        for match in _NP_EN.finditer(text):
            if _inside(match.start(), taken) or _inside(match.end() + 1, taken):
                continue
            plural = _PLURAL_DET_EN.fullmatch(match["det"])
            maybe = any(w.endswith("s") and not w.endswith(("ss", "us", "is"))
                        for w in match["words"].split())
            add(match.start(), match.end(), {"pl"} if plural else {"n", "pl"} if maybe else {"n"},
                None)

    def _pairs(self, text: str, mentions: list[Mention]) -> None:
        """Two named people or countries joined by "und"/"and": a pair "sie"/"they" may refer
        to (not a list of three or more)."""
        named = [m for m in mentions if m.referent and m.referent.kind in ("person", "country")]
        conj = "und" if self.lang == "de" else "and"
        for first, second in zip(named, named[1:], strict=False):
            between = text[first.end : second.start]
            before = text[: first.start].rstrip()
            if (re.fullmatch(rf"\s+{conj}\s+(?:(?i:der|die|the)\s+)?", between)
                    and not before.endswith(",") and first.referent and second.referent
                    and first.referent.kind == second.referent.kind):
                pair = Referent(f"{first.referent.name} {conj} {second.referent.name}", "pair")
                mentions.append(Mention(first.start, second.end, frozenset({"pl"}), pair))
        mentions.sort(key=lambda m: m.start)

    # --- pronouns ------------------------------------------------------------------------------

    def _pronouns(self, text: str) -> list[_Pronoun]:
        """The pronouns of `text` outside quotations whose gender, number and case are clear,
        and those left ambiguous (`genders` only, `case` "")."""
        quotes = _quoted(text)
        found = []
        pattern = _PRONOUN_DE if self.lang == "de" else _PRONOUN_EN
        for match in pattern.finditer(text):
            if _inside(match.start(), quotes):
                continue
            opening = match.start() == 0 or bool(re.search(
                r"(?:^|[,;]\s*|\b(?:und|aber|doch|and|but)\s+)$", text[: match.start()]))
            word = match[0]
            if word[0].isupper() and match.start() > 0:
                continue  # "Sie"/"Ihr" inside a sentence: the polite "you"
            after = text[match.end() :]
            verb = ""
            if self.lang == "de":
                inverted = _INVERTED_DE.search(text[: match.start()])
                if inverted and re.match(r"\s+(?:(?i:der|die|das|ein|eine|dieser|diese|dieses)\b|"
                                         r"[A-ZÄÖÜ])", after):
                    inverted = None  # "Am Montag lobte sie der Minister": the subject may follow
                verb = inverted["verb"] if inverted else ""
                classified = _classify_de(word.lower(), opening, after, verb)
            else:
                classified = _classify_en(word.lower(), opening, after)
            if opening:
                following = _VERB_AFTER.match(after)
                verb = following[1] if following else ""
            if classified:
                found.append(_Pronoun(match.start(), match.end(), *classified, verb=verb))
        return found

    def resolve(self, claim: str, before: str, opening_only: bool = False) -> str:
        """`claim` with its pronouns and descriptions replaced by their referents where these are
        clear. `before`: the text of the claim's sentence before the claim's span (empty when the
        claim starts the sentence); `opening_only`: only a pronoun the claim opens with."""
        levels = [self._mentions(before), *reversed(self._sentences[-self.LOOKBACK :])]
        inside = self._mentions(claim)
        replacements: list[tuple[int, int, str]] = []
        for pronoun in self._pronouns(claim):
            if opening_only and pronoun.start > 0:
                break
            referent = self._referent(pronoun, claim, inside, levels) if pronoun.case else None
            if referent is not None and any(
                    m.referent == referent or m.start > pronoun.start and m.referent
                    and m.genders & pronoun.genders and _cataphora(claim, pronoun, m)
                    for m in inside):
                referent = None  # "Er traf Karl Brandt": not Brandt; "Als er ..., sagte X": X
            # what the pronoun stands for is there for the pronouns after it ("Er ... seinen")
            inside.append(Mention(pronoun.start, pronoun.end, pronoun.genders, referent,
                                  subject=pronoun.start == 0))
            inside.sort(key=lambda m: m.start)
            if referent is None:
                continue
            self._resolved.append((pronoun.genders, referent))
            if referent.kind == "person" and referent.name in self._people:
                gender = "".join(sorted(pronoun.genders & {"m", "f"}))
                if gender in ("m", "f"):
                    self._learn(referent.name, gender)
            replacements.append((pronoun.start, pronoun.end,
                                 self._write(referent, pronoun)))
        if not opening_only:
            replacements += self._descriptions(claim, inside, levels)
        for start, end, words in sorted(replacements, reverse=True):
            if start == 0:
                words = words[0].upper() + words[1:]
            claim = claim[:start] + words + claim[end:]
        return claim

    def speaker(self, pronoun: str, verb: str) -> str | None:
        """The person a pronoun that says a quotation stands for ("„...“, sagte er", "..., he
        said"), where it is clear; else None."""
        classify = _classify_de if self.lang == "de" else _classify_en
        classified = classify(pronoun.lower(), True, f" {verb}")
        if not classified or not classified[1]:
            return None
        found = _Pronoun(0, len(pronoun), *classified)
        referent = self._referent(found, f"{pronoun} {verb}", [],
                                  list(reversed(self._sentences[-self.LOOKBACK :])))
        if referent is None or referent.kind != "person":
            return None
        self._resolved.append((found.genders, referent))
        return referent.name

    def _referent(self, pronoun: _Pronoun, claim: str, inside: list[Mention],
                  levels: list[list[Mention]]) -> Referent | None:
        """The one referent a pronoun can mean, or None."""
        fitting = [m for m in inside if m.start < pronoun.start and m.genders & pronoun.genders]
        excluded: set[Referent] = set()
        if fitting:
            own = fitting[0]
            clause = claim[own.end : pronoun.start]
            if not (pronoun.case in ("acc", "dat") and len(fitting) == 1 and own.start == 0
                    and not re.search(r"[,;]|\b(?:dass|that|und|and)\b", clause)):
                return None  # the claim names what it refers to
            if own.referent:  # "Brandt lobte ihn": not Brandt
                excluded.add(own.referent)
        for mentions in levels:
            candidates = [m for m in mentions if m.genders & pronoun.genders
                          and m.referent not in excluded]
            if not candidates:
                continue
            targets = {m.referent for m in candidates if m.referent
                       and _can_mean(pronoun, m.referent, m.genders)}
            others = [m for m in candidates if m.referent is None or m.referent not in targets]
            if len(targets) != 1:
                return None
            target = next(iter(targets))
            if not others:
                return target
            # The subject of the sentence before goes on as the subject of a clause with a verb
            # of saying or doing ("Er erklärte", "Am Abend dankte sie"); what else fits stood
            # after it.
            subject = next((m for m in candidates if m.subject), None)
            if (pronoun.case == "nom" and _HUMAN_VERB.fullmatch(pronoun.verb)
                    and subject is not None and subject.referent == target
                    and not any(m.subject for m in others)):
                return target
            return None
        return None

    def _write(self, referent: Referent, pronoun: _Pronoun) -> str:
        """The referent in the pronoun's place: its case in German, a genitive for a
        possessive."""
        if pronoun.case == "poss":
            return _genitive(referent.name, self.lang)
        if self.lang == "de" and referent.kind == "country":
            return _case_de(referent.name, referent.article, pronoun.case)
        return referent.name

    # --- definite descriptions -----------------------------------------------------------------

    def _descriptions(self, claim: str, inside: list[Mention],
                      levels: list[list[Mention]]) -> list[tuple[int, int, str]]:
        """"das Land"/"the country", "die Stadt"/"the city", "das Unternehmen"/"the company",
        "die Regierung"/"the government" replaced by the one country, city or company named in
        the nearest sentence that names any; "die beiden Länder"/"the two countries" by the two
        countries named there."""
        quotes = _quoted(claim)
        patterns = _DESCRIPTIONS_DE if self.lang == "de" else _DESCRIPTIONS_EN
        found = []
        for kind, pattern in patterns:
            for match in pattern.finditer(claim):
                if _inside(match.start(), quotes):
                    continue
                if any(m.referent and m.referent.kind == kind.rstrip("s") for m in inside):
                    continue  # "Portugal lieferte dem Land ...": another one
                if kind == "countries":
                    pair = _nearest_pair(levels)
                    if pair is None:
                        continue
                    words = self._describe_pair(pair, match)
                    conj = " und " if self.lang == "de" else " and "
                    referent = Referent(conj.join(r.name for r in pair), "pair")
                else:  # a government only of a country its sentence is about, as subject
                    groups = match.groupdict()
                    found_referent = _nearest(kind, levels, subject=bool(
                        groups.get("gov") or groups.get("gov_oblique")))
                    if found_referent is None:
                        continue
                    referent, words = found_referent, self._describe(found_referent, match)
                self._described[kind] = referent
                found.append((match.start(), match.end(), words))
        return found

    def _describe_pair(self, pair: tuple[Referent, Referent], match: re.Match[str]) -> str:
        """Two countries in the place of "die beiden Länder"/"the two countries"."""
        if self.lang == "en":
            return f"{pair[0].name} and {pair[1].name}"
        case = "gen" if match["gen"] else "dat" if match["dat"] else "nom"
        return " und ".join(_case_de(r.name, r.article, case) for r in pair)

    def _describe(self, referent: Referent, match: re.Match[str]) -> str:
        """The referent in a description's place, in the description's case."""
        groups = match.groupdict()
        case = next(c for c in ("nom", "dat", "gen", "in", "to", "poss", "gov", "gov_oblique")
                    if groups.get(c))
        lead = "" if case in ("gov", "gov_oblique") else (match["lead"] or "")
        if self.lang == "en":
            if case == "poss":
                return lead + _genitive(referent.name, "en")
            if case == "gov":
                return lead + _genitive(referent.name, "en") + " government"
            return lead + referent.name
        article = referent.article
        if case in ("gov", "gov_oblique"):
            noun = "die Regierung" if case == "gov" else "der Regierung"
            if match["gov"] and match["gov"][0].isupper():
                noun = noun[0].upper() + noun[1:]
            return f"{noun} {_case_de(referent.name, article, 'gen')}"
        if case == "in":
            return re.sub(r"^in dem ", "im ", "in " + _case_de(referent.name, article, "dat"))
        if case == "to":
            return (f"nach {referent.name}" if not article else
                    "in " + _case_de(referent.name, article, "acc"))
        written = _case_de(referent.name, article, case)
        if case == "gen" and written.startswith("von "):
            return lead + written
        return lead + written

    def add_sentence(self, text: str) -> None:
        """Note what a sentence named, for the claims after it; a pronoun in it counts as its
        referent where it was resolved or bound in the sentence, else as something unclear."""
        mentions = self._mentions(text)
        for mention in mentions:
            if mention.referent and mention.referent.kind in ("company", "organisation"):
                self._known[mention.referent.name] = mention.referent
            if mention.referent and mention.referent.kind == "person":
                known = mention.genders if len(mention.genders) == 1 else set()
                self._learn(mention.referent.name, next(iter(known), None))
        quotes = _quoted(text)
        for kind, pattern in _DESCRIPTIONS_DE if self.lang == "de" else _DESCRIPTIONS_EN:
            for match in pattern.finditer(text):
                if kind in self._described and not _inside(match.start(), quotes):
                    mentions = [m for m in mentions
                                if m.end <= match.start() or m.start >= match.end()]
                    mentions.append(Mention(match.start(), match.end(),
                                            self._genders(self._described[kind]),
                                            self._described[kind], subject=match.start() == 0))
        resolved = dict(self._resolved)
        for pronoun in self._pronouns(text):
            if pronoun.genders in resolved:
                referent: Referent | None = resolved[pronoun.genders]
            else:
                before = {m.referent for m in mentions if m.start < pronoun.start and m.referent
                          and m.genders & pronoun.genders}
                referent = next(iter(before)) if len(before) == 1 else None
            mentions.append(Mention(pronoun.start, pronoun.end, pronoun.genders, referent,
                                    subject=pronoun.start == 0))
        mentions.sort(key=lambda m: m.start)
        self._sentences.append(mentions)
        self._resolved, self._described = [], {}

    def _genders(self, referent: Referent) -> frozenset[str]:
        """The genders a country, company or organisation fits, as `_mentions` gives them."""
        if referent.kind == "pair":
            return frozenset({"pl"})
        if referent.kind == "country" and referent.name in _PLURAL_COUNTRIES:
            return frozenset({"pl"})
        if self.lang != "de":
            return frozenset({"n", "pl"} if referent.kind == "organisation" else {"n"})
        if referent.kind == "country":
            return _ARTICLE_GENDER.get(referent.article, _ALL)
        return _ALL if referent.kind in ("company", "organisation") else frozenset({"n"})


# --- helpers ------------------------------------------------------------------------------------


@dataclass
class _Pronoun:
    start: int
    end: int
    genders: frozenset[str]
    case: str = ""  # nom, acc, dat, poss; "" when what it refers to cannot be told
    verb: str = ""  # of a subject pronoun that opens its clause or follows a fronted adverbial


_UNITS = re.compile(r"(?:Millionen|Milliarden|Mio|Mrd|Tausend|Euro|Dollar|Prozent|Rubel|Won|Yuan|"
                    r"Pfund|Tonnen|Kilometer|Meter|Stunden|Tage|Wochen|Monate|Jahre)\b")
_ARTICLES = (r"der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|vom|zum|zur|beim|"
             r"the|a|an")


def _headline(text: str) -> bool:
    """Whether most words of an English line are capitalised ("Portugal Opens New Port")."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _is_role(word: str) -> bool:
    """A capitalised word for an office or a form of address before a name ("Außenministerin",
    "Präsident", "Mr.")."""
    return word in _TITLE_GENDER or bool(re.fullmatch(
        r"(?i:\w*(?:präsident|minister|sprecher|kanzler|chef|leiter|direktor|vorsitzend|berater|"
        r"gouverneur|bürgermeister|botschafter|general|admiral|machthaber|führer|trainer|kapitän|"
        r"senator)\w*|president|minister|chancellor|governor|mayor|senator|secretary|general|"
        r"admiral|ambassador|director|chairman|chairwoman|coach|captain|leader|premier|judge|"
        r"dr\.?|prof\.?|sir|lady|king|queen|prince|princess)", word))


_PRONOUN_DE = re.compile(r"\b(?:[Ee]r|[Ss]ie|[Ee]s|ihn|ihm|[Ii]hr|ihnen|[Ss]ein(?:e|en|em|er|es)?|"
                         r"[Ii]hr(?:e|en|em|er|es))\b")
_PRONOUN_EN = re.compile(r"\b(?:[Hh]e|him|[Hh]is|[Ss]he|[Hh]er|[Ii]t|[Ii]ts|[Tt]hey|them|"
                         r"[Tt]heir)\b")
# A finite verb after "sie" that is singular ("sie warf", "sie kündigte", "sie hat"); one in "-en"
# is plural.
_SINGULAR_VERB_DE = re.compile(r"(?:kann|begann|gewann|[a-zäöüß]*[^n\W])$")
_NO_VERB_DE = re.compile(r"(?:und|oder|aber|auch|nicht|noch|selbst|allein|hingegen|jedoch|dagegen|"
                         r"also|zwar|nun|sich)$")
_PLURAL_VERB_DE = re.compile(r"(?:sind|[a-zäöüß]+en)$")
# What follows "ihr" when it is the dative pronoun and not a possessive ("warf ihr vor").
_AFTER_DATIVE_IHR = re.compile(r"\s*(?:[.,;:!?]|$|(?:vor|zu|nach|bei|mit|für|von|aus|an|auf|ab|"
                               r"ein|recht|nicht|auch|noch|am|im|den|die|das|dem|eine|einen|ein|"
                               r"mehr|erneut|dafür|damit)\b)")
# Verbs after "es"/"it" with which these are no referring pronoun ("es gibt", "it is expected").
_EXPLETIVE_DE = re.compile(r"(?:gibt|gab|geht|ging|ist|war|sei|wäre|wird|wurde|würde|bleibt|blieb|"
                           r"kommt|kam|handelt|heißt|hieß|scheint|schien|fehlt|fehlte|gilt|galt|"
                           r"hat\s+sich|hatte\s+sich|lohnt|reicht|stimmt|kann|könnte|dürfte|"
                           r"sollte|soll|muss|müsse|brauche|braucht|geschah|passierte|regnet|"
                           r"wurden|sind|waren|seien)\b")
_EXPLETIVE_EN = re.compile(r"(?:is|was|'s|’s|has\s+been|had\s+been|would|could|might|may|seems|"
                           r"seemed|appears|appeared|remains|remained|became|becomes|takes|took|"
                           r"emerged|turned\s+out|looks|looked|will\s+be|should|must|means|"
                           r"meant|matters|follows|costs?)\b")
# Verbs of saying and doing after a pronoun that opens a claim: said of people and bodies, not of
# a thing that may have been named after the subject.
_HUMAN_VERB = re.compile(
    r"(?:(?:sagte|erklärte|betonte|warnte|forderte|kündigte|kritisierte|reiste|besuchte|lobte|"
    r"dankte|bezeichnete|fügte|antwortete|räumte|drohte|nannte|appellierte|bekräftigte|äußerte|"
    r"teilte|bestätigte|vereinbarte|einigte|unterzeichnete|verhandelte)n?|"
    r"(?:sprach|traf|warf|schrieb|bestritt|versprach|rief|unterstrich|verwies|wies)(?:en)?|"
    r"sagt|erklärt|betont|warnt|fordert|kündigt|kritisiert|spricht|trifft|reist|besucht|lobt|"
    r"dankt|wirft|bezeichnet|schreibt|droht|verspricht|nennt|bestätigt|"
    r"said|says|told|tells|added|warned|warns|called|calls|urged|urges|met|meets|visited|visits|"
    r"travel+ed|praised|accused|denied|denies|stressed|argued|insisted|wrote|spoke|promised|"
    r"vowed|threatened|thanked|admitted|claimed|confirmed|announced|criticised|criticized|"
    r"rejected|demanded|agreed|signed|negotiated)\b")


# The verb after a pronoun that opens a clause, past an adverb ("He also said").
_VERB_AFTER = re.compile(r"\s+(?:(?:also|later|then|again|further|still|auch|zudem|außerdem|dann|"
                         r"später|erneut|jedoch|aber|bereits|schon|nun)\s+)*([a-zäöüß]+)")
# A German main clause that opens with an adverbial and its finite verb, before a pronoun that is
# then its subject ("Am Abend dankte | sie den Spendern").
_INVERTED_DE = re.compile(
    r"^(?:Am|Im|In|Nach|Vor|Seit|Bei|Auf|Mit|Zum|Zur|Danach|Dann|Später|Zudem|Außerdem|Gestern|"
    r"Heute|Damals|Dort|Hier|Daraufhin|Anschließend|Bereits|Nun|Jetzt|Zuvor|Zuletzt|Trotz|Wegen|"
    r"Anfang|Ende|Mitte)\b[^,;„“\"]*?\s(?P<verb>[a-zäöüß]+)\s+$"
)


def _classify_de(word: str, opening: bool, after: str,
                 verb_before: str = "") -> tuple[frozenset[str], str] | None:
    """(genders, case) of a German pronoun; case "" when it is not clear what it refers to.
    `verb_before`: the finite verb right before a pronoun after a fronted adverbial."""
    if verb_before and word == "sie" and not _NO_VERB_DE.match(verb_before):
        if _PLURAL_VERB_DE.search(verb_before):
            return frozenset({"pl"}), "nom"
        if _SINGULAR_VERB_DE.search(verb_before):
            return frozenset({"f"}), "nom"
    verb = re.match(r"\s*([a-zäöüß]+)", after)
    if word == "er":
        return frozenset({"m"}), "nom"
    if word == "ihn":
        return frozenset({"m"}), "acc"
    if word == "ihm":
        return frozenset({"m", "n"}), "dat"
    if word == "ihnen":
        return frozenset({"pl"}), "dat"
    finite = opening and verb is not None and not _NO_VERB_DE.match(verb[1])
    if word == "sie":
        if finite and verb and _PLURAL_VERB_DE.search(verb[1]):
            return frozenset({"pl"}), "nom"
        if finite and verb and _SINGULAR_VERB_DE.search(verb[1]):
            return frozenset({"f"}), "nom"
        return frozenset({"f", "pl"}), ""
    if word == "es":
        if finite and verb and not _EXPLETIVE_DE.match(after.lstrip()) and (
                _SINGULAR_VERB_DE.search(verb[1])) and not _PLURAL_VERB_DE.search(verb[1]):
            return frozenset({"n"}), "nom"
        return None
    if word == "ihr":
        if _AFTER_DATIVE_IHR.match(after):
            return frozenset({"f"}), "dat"
        if opening and re.match(r"\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ]", after):
            return frozenset({"f", "pl"}), "poss"  # "Ihr Vertrag ...", "ihr neuer Vertrag"
        return frozenset({"f", "pl"}), ""
    if word == "sein" and not re.match(r"\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ]", after):
        return None  # the verb: "wird vorbei sein"
    if word.startswith("sein"):
        return frozenset({"m", "n"}), "poss"
    return frozenset({"f", "pl"}), "poss"  # ihre, ihren, ...


_FUNCTION_EN = re.compile(r"\s*(?:[.,;:!?]|$|(?:to|on|in|at|for|with|as|of|from|by|that|and|or|but|"
                          r"the|a|an|this|about|after|before|during|over|again|also|last|"
                          r"yesterday|today|into|off|out|up|down|back|not|if|when|while)\b)")


def _classify_en(word: str, opening: bool, after: str) -> tuple[frozenset[str], str] | None:
    """(genders, case) of an English pronoun; case "" when it is not clear what it refers to."""
    if word in ("he", "she"):
        return frozenset({"m" if word == "he" else "f"}), "nom"
    if word == "him":
        return frozenset({"m"}), "acc"
    if word == "his":
        return frozenset({"m"}), "poss"
    if word == "her":
        if _FUNCTION_EN.match(after):
            return frozenset({"f"}), "acc"
        if re.match(r"\s+[a-z]", after):
            return frozenset({"f"}), "poss"
        return frozenset({"f"}), ""
    if word == "it":
        if opening and not _EXPLETIVE_EN.match(after.lstrip()) and re.match(
                r"\s+(?:also\s+|has\s+|had\s+|will\s+)?[a-z]+(?:ed|s)?\b", after):
            return frozenset({"n"}), "nom"
        return None
    if word == "its":
        return frozenset({"n"}), "poss"
    if word == "they":
        return frozenset({"pl"}), ("nom" if opening else "")
    if word == "them":
        return frozenset({"pl"}), "acc"
    return frozenset({"pl"}), ""  # their


_SUBORDINATOR = re.compile(r"(?i:als|nachdem|während|weil|obwohl|bevor|wenn|seit|sobald|"
                           r"when|after|while|because|although|before|since|as|once|if)\b")


def _cataphora(claim: str, pronoun: _Pronoun, later: Mention) -> bool:
    """Whether a pronoun may refer to a name after it in the claim: a possessive ("In seiner
    Rede sagte X"), or a pronoun in a clause before the name's ("Als er landete, sagte X")."""
    return (pronoun.case == "poss" or "," in claim[pronoun.end : later.start]
            or bool(_SUBORDINATOR.match(claim)))


def _can_mean(pronoun: _Pronoun, referent: Referent, genders: frozenset[str]) -> bool:
    """Whether a pronoun can be replaced by a referent of this kind: people for personal
    pronouns, countries (and in English companies and organisations) for "es"/"it", pairs for
    "sie"/"they"; a possessive only by people and countries without an article."""
    if not genders & pronoun.genders:
        return False
    if pronoun.case == "poss" and (referent.kind == "pair" or referent.article):
        return False
    if referent.kind in ("person", "pair", "country"):
        return True
    return referent.kind in ("company", "organisation") and pronoun.genders == {"n"} and (
        "m" not in genders)  # English "it"/"its"; in German their gender is not known


def _nearest_pair(levels: list[list[Mention]]) -> tuple[Referent, Referent] | None:
    """The two countries named in the nearest sentence that names or speaks of any, when it
    names exactly two and speaks of no other."""
    for mentions in levels:
        named: list[Referent] = []
        for mention in mentions:
            if (mention.referent and mention.referent.kind == "country"
                    and mention.referent not in named):
                named.append(mention.referent)
        spoken = {m.referent.name for m in mentions if m.referent
                  and m.referent.kind == "demonym"}
        if named or spoken:
            keys = {r.key for r in named}
            if len(named) == 2 and len(keys) == 2 and spoken <= keys:
                return named[0], named[1]
            return None
    return None


def _nearest(kind: str, levels: list[list[Mention]], subject: bool = False) -> Referent | None:
    """The one referent of a kind named in the nearest sentence that names any or, for a country,
    speaks of one ("die portugiesische Marine"), else None; with `subject`, only where that sentence
    opens with it."""
    for mentions in levels:
        named = {m.referent for m in mentions if m.referent and m.referent.kind == kind}
        spoken = {m.referent.name for m in mentions if kind == "country" and m.referent
                  and m.referent.kind == "demonym"}
        if named or spoken:
            if len(named) != 1:
                return None
            found = next(iter(named))
            if subject and not any(m.subject and m.referent == found for m in mentions):
                return None
            return found if spoken <= {found.key} else None
    return None


# Adjectives of countries ("portugiesische", "South African"): they speak of a country without
# naming it.
_DEMONYM_DE = re.compile(r"\b(?i:[a-zäöüß-]+?isch(?:e|en|er|es|em)?|deutsch(?:e|en|er|es|em)?)\b")
_DEMONYM_EN = re.compile(r"\b(?:(?:North|South)\s+)?[A-Z][a-z]+(?:an|ese|ish|ch|i|ss)\b")
_DEMONYM_OF = {"deutsch": "Deutschland", "französisch": "Frankreich", "britisch": "Großbritannien",
               "amerikanisch": "USA", "niederländisch": "Niederlande", "schweizerisch": "Schweiz",
               "polnisch": "Polen", "french": "Frankreich", "british": "Großbritannien",
               "american": "USA", "dutch": "Niederlande", "swiss": "Schweiz", "polish": "Polen"}


def _demonym_countries(word: str) -> set[str]:
    """The countries (German names) an adjective of nationality may be of: those with a name
    that it begins with, but for its last three letters ("portugiesische": Portugal)."""
    word = word.lower()
    stem = re.sub(r"(?<=sch)(?:e|en|er|es|em)$", "", word)
    if stem in _DEMONYM_OF:
        return {_DEMONYM_OF[stem]}
    return {key for name, (key, _, _) in _COUNTRIES.items()
            if len(name) >= 4 and word.startswith(name.lower()[: max(4, len(name) - 2)])}


def _genitive(name: str, lang: str) -> str:
    """The name as owner: "Karl Brandts", "Karl Brandt's", "Hans Weiß'"."""
    if lang == "de":
        return name + ("'" if name[-1] in "sßxz" else "s")
    return name + ("'" if name.endswith("s") else "'s")


def _case_de(name: str, article: str, case: str) -> str:
    """A German country's name in a case: "Norwegen", "Norwegens", "der Schweiz", "den USA"."""
    if not article:
        if case == "gen":
            return f"von {name}" if name[-1] in "sßxz" else name + "s"
        return name
    plural = name in _PLURAL_COUNTRIES
    forms = ({"nom": "die", "acc": "die", "dat": "den", "gen": "der"} if plural else
             {"nom": "die", "acc": "die", "dat": "der", "gen": "der"} if article == "die" else
             {"nom": "der", "acc": "den", "dat": "dem", "gen": "des"})
    return f"{forms.get(case, article)} {name}"


_NOT_AFTER_DE = r"(?!\s+(?:[A-ZÄÖÜ]|der\b|des\b|von\b|in\b|unter\b))"
# Prepositions with the dative before "der Stadt" ("in der Stadt"; else it is a genitive).
_DATIVE_DE = (r"(?i:in|mit|aus|von|bei|zu|an|auf|vor|hinter|neben|über|unter|zwischen|seit|nahe|"
              r"gegenüber)")
_DESCRIPTIONS_DE = (
    ("country", re.compile(
        r"(?P<lead>)(?:(?P<nom>\b[Dd]as Land)|(?P<dat>\b(?<!auf )dem Lande?)|"
        r"(?P<gen>\b[Dd]es Landes)|(?P<in>\b[Ii]m Lande?))\b" + _NOT_AFTER_DE)),
    ("city", re.compile(
        rf"(?:(?P<to>\b[Ii]n die Stadt)|(?P<lead>\b{_DATIVE_DE}\s+)(?P<dat>der Stadt)|"
        r"(?P<gen>\bder Stadt)|(?P<nom>\b[Dd]ie Stadt))\b" + _NOT_AFTER_DE)),
    ("company", re.compile(
        r"(?P<lead>)(?:(?P<nom>\b[Dd]as Unternehmen|\b[Dd]er Konzern)|"
        r"(?P<dat>\bdem (?:Unternehmen|Konzern))|(?P<gen>\bdes (?:Unternehmens|Konzerns)))\b"
        + _NOT_AFTER_DE)),
    ("country", re.compile(
        r"(?P<lead>)(?:(?P<gov>\b[Dd]ie Regierung)|(?P<gov_oblique>\bder Regierung))\b(?![-\w])"
        r"(?!\s+(?:[A-ZÄÖÜ]|der\b|des\b|von\b|in\b|unter\b|aus\b|um\b))")),
    ("countries", re.compile(
        r"(?:(?P<nom>\b(?:[Dd]ie beiden|[Bb]eide) Länder)|(?P<dat>\b(?:den beiden|beiden) Ländern)|"
        r"(?P<gen>\b(?:der beiden|beider) Länder))\b")),
)
_DESCRIPTIONS_EN = (
    ("country", re.compile(r"(?P<lead>\b(?:[Ii]n|[Aa]cross|[Ff]rom|[Tt]o|[Oo]f)\s+)?"
                           r"(?:(?P<poss>\b[Tt]he country['’]s)|(?P<nom>\b[Tt]he country))\b"
                           r"(?!\s+of\b)(?!-)")),
    ("city", re.compile(r"(?P<lead>\b(?:[Ii]n|[Aa]cross|[Ff]rom|[Tt]o|[Oo]f)\s+)?"
                        r"(?:(?P<poss>\b[Tt]he city['’]s)|(?P<nom>\b[Tt]he city))\b"
                        r"(?!\s+(?:of|council|hall)\b)(?!-)")),
    ("company", re.compile(r"(?P<lead>)(?:(?P<poss>\b[Tt]he (?:company|firm)['’]s)|"
                           r"(?P<nom>\b[Tt]he (?:company|firm)))\b(?!\s+[A-Z])(?!-)")),
    ("countries", re.compile(r"(?P<nom>\b(?:[Tt]he two|[Bb]oth) (?:countries|nations))\b"
                             r"(?!['’])")),
    ("country", re.compile(r"(?P<lead>)(?P<gov>\b[Tt]he government)\b(?!['’]s)"
                           r"(?!\s+(?:of|in)\b)(?!-)")),
)


# --- a claim that opens with a role or an organisation's head noun -------------------------------


def resolve_role(text: str, roles: dict[str, set[str]]) -> str:
    """A statement opening with "Der Präsident ..." / "The mayor ..." names the person when
    exactly one was named earlier with that role (and the statement does not name them itself,
    as in "Der Leiter des Museums, Jan Berg, ...")."""
    found = re.match(r"(?:Der|Die|The)\s+(?P<role>\w+)\s+(?=[a-zäöüß])", text)
    if found:
        names = roles.get(found.group("role").lower(), set())
        if len(names) == 1 and next(iter(names)) not in text:
            return next(iter(names)) + " " + text[found.end() :]
    return text


def resolve_description(text: str, named: set[str]) -> str:
    """A statement opening with "Die Agentur ..." / "The agency ..." names the organisation
    when exactly one name given earlier ends in that noun ("Europäische Raumfahrtagentur",
    "European Space Agency")."""
    found = re.match(r"(?:Der|Die|Das|The)\s+(?P<noun>\w{4,})\s+(?=[a-zäöüß])", text)
    if not found:
        return text
    noun = found.group("noun").lower()
    names = {n for n in named if n.split()[-1].lower().endswith(noun)}
    if len(names) == 1:  # the determiner stays: the name's head noun is the same
        return text[: found.start("noun")] + next(iter(names)) + " " + text[found.end() :]
    return text
