"""Deterministic checks of the exact facts that models get wrong: the calendar, the dates of an
event, quantities in figures and in words, and who held a role at a time. German and English.

Each check is a function of the claim and its evidence sentences (best first) that returns one
`CheckResult` or None; `run_checks` runs them all and `format_checks` writes their results for a
judge's prompt. The checks call no model. They stay silent unless they are sure: an evidence
sentence counts only when it speaks of the same event (the claim's predicate and most of its
participants), values are compared only when they are of the same kind, and wording that allows a
tolerance ("rund", "knapp", "more than a third") gets that tolerance.

An outcome is about the compared value: REFUTED, that part of the claim is wrong; SUPPORTED, it
holds (for a role check: the person held the role at that time); NOT_ENOUGH_INFO, the evidence on
the same event does not give the value, so the claim cannot be supported on it alone.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, Protocol, TypeVar

from ._coreference import is_first_name
from ._models import CheckResult, Label
from ._quantities import Quantity, find_quantities, is_worth, numbered_names, tallies, wordset

# --- words --------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without accents, ß as ss: the form all comparisons of words use."""
    text = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c))


_STOPWORDS = wordset(_fold(
    "der die das den dem des ein eine einen einem einer eines und oder aber doch in im ins an am "
    "auf aus bei beim mit nach von vom zu zum zur für über unter vor seit bis als wie um durch "
    "gegen ohne ist sind war waren wird werden wurde wurden worden hat haben hatte hatten habe "
    "sein seine seiner seinen seinem ihr ihre ihren ihrem ihrer es er sie wir man sich nicht auch "
    "noch nur schon so dass dies diese dieser dieses diesem welche welcher wo wann hier dort dann "
    "denn weil wenn ob ab laut sowie etwa rund ca ungefähr knapp gut mehr weniger fast beinahe "
    "mindestens höchstens insgesamt zusammen jeweils damals bereits erst rund neue neuen neuer "
    "the a an and or but of in on at to for from with by as than that this these those is are "
    "was were be been being has have had will would can could it its he she they his her their "
    "him them we our which who whom whose where when while after before about over under into "
    "per also only not no more less most nearly almost around approximately roughly some just "
    "total altogether combined new there here then according said says told us between "
    "zwischen during während within since until till among wieder zurück back nun jetzt now "
    "bislang zuletzt inzwischen mittlerweile meanwhile up"
))


def _stem(word: str) -> str:
    """A crude stem of a folded word: one inflectional ending removed ("signed" -> "sign",
    "Ministerin" -> "minister", "Raketen" -> "raket")."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"  # "capacities" -> "capacity"
    for ending in ("ungen", "innen", "ung", "ing", "ed", "in", "en", "er", "es", "em", "e", "s",
                   "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


_Lexicon = tuple[dict[str, set[str]], list[tuple[str, str]], list[tuple[str, str]]]


def _lexicon(entries: dict[str, str]) -> _Lexicon:
    """Exact forms, prefixes ("unterzeichn*") and heads of German compounds ("*wahl":
    "Bürgermeisterwahl") of a concept table, folded."""
    exact: dict[str, set[str]] = {}
    prefixes: list[tuple[str, str]] = []
    heads: list[tuple[str, str]] = []
    for concept, forms in entries.items():
        for form in _fold(forms).split():
            if form.endswith("*"):
                prefixes.append((form[:-1], concept))
            elif form.startswith("*"):
                heads.append((form[1:], concept))
            else:
                exact.setdefault(form, set()).add(concept)
    return exact, prefixes, heads


# Predicates of news events, German and English, so that "unterzeichnete" and "signed" are the
# same event and "unterzeichnet" and "ratifiziert" are not.
_EVENTS = _lexicon({
    "sign": "unterzeichn* unterschr* sign signs signed signing signature",
    "ratify": "ratifi*",
    "meet": "treffen *treffen trifft traf trafen getroffen treffens meet meets met meeting "
            "meetings gespräch* talks gipfel* summit*",
    "arrive": "ankunft angekommen ankam ankamen eintraf eintrafen eingetroffen eintreffen "
              "arrive arrives arrived arrival landete landeten gelandet landed reach reached "
              "reaches erreichte erreichten",
    "depart": "abreise abgereist abreiste abflug departed departure",
    "visit": "besuch* visit*",
    "elect": "gewählt wählte wählten wahl wahlen *wahl *wahlen elected election elections vote "
             "voted",
    # a body's decision is the vote that took it: "beschloss" and "voted to" are one event
    "vote": "abstimmung* abgestimmt stimmte stimmten vote voted votes voting beschloss "
            "beschlossen beschluss *beschluss approved passed",
    "appoint": "ernannt* ernennung appoint* nominiert* nominat* berufen berief",
    "resign": "rücktritt zurückgetreten zurücktrat zurücktraten zurücktritt zurücktreten resign* "
              "stepped",
    "office": "amtsantritt antrat antraten antritt antreten vereidigt sworn inaugurated",
    "open": "eröffn* geöffnet öffnete opened opening inaugurat* eingeweiht einweihung",
    "close": "geschlossen schloss schließung closed closure",
    "announce": "angekündigt ankündig* ankündigte bekanntgegeben bekanntgab announc* "
                "unveil* vorgestellt vorstellte presented",
    "publish": "veröffentlich* published publishes release released erschien erschienen",
    "launch": "start startete starteten gestartet launch* abgehoben liftoff",
    "begin": "begann begannen begonnen beginn* began begin begins beginning start startete "
             "starteten gestartet started",
    "end": "endete endeten beendet* ende ended ends concluded abgeschlossen abschloss",
    "complete": "completed completes completion fertiggestellt fertigstellung vollendet vollzogen",
    "receive": "erhielt erhielten erhalten bekam bekamen bekommen kam kamen received receives "
               "got gained",
    "promote": "aufstieg aufstiegen aufgestiegen promoted promotion",
    "relegate": "abstieg abstiegen abgestiegen relegated relegation",
    "win": "gewann gewannen gewonnen gewinnt sieg *sieg siegte siegten durchgesetzt won win "
           "wins victory beat prevailed",
    "lose": "verlor verloren verliert niederlage lost loses defeat defeated",
    "die": "starb starben gestorben tod died dies death verstorben",
    "born": "geboren born geburt",
    "found": "gegründet gründete gründung founded established",
    "build": "bau baubeginn gebaut baute errichtet errichtung construction built",
    "attack": "angriff* angegriffen attack* strike strikes struck beschoss beschossen",
    "deliver": "geliefert lieferte lieferten lieferung* deliver* supplied shipped",
    "agree": "vereinbart vereinbarten einigten einigung geeinigt agreed",
    "force": "inkrafttrat inkrafttreten force effect",
    "approve": "beschloss beschlossen beschluss *beschluss verabschiedet* approved approve* passed "
               "adopted genehmigt* billigte zugestimmt zustimmte",
    "reject": "abgelehnt ablehnte rejected reject*",
    "arrest": "festgenommen verhaftet festnahme verhaftung arrested arrest detained",
    "fine": "fined fines fining penalised penalized bestraft verhängte verhängten verhängt",
    "convict": "verurteilt* convicted sentenced urteil",
    "dismiss": "entlassen entließ gefeuert fired dismissed sacked",
    "crash": "absturz abgestürzt abstürzte crash* unfall accident",
    "rise": "stieg stiegen gestiegen anstieg steigerte gesteigert wuchs gewachsen zugenommen "
            "zunahm rose risen increase increased grew grown doubled verdoppelt verdoppelte "
            "tripled verdreifacht plus zuwachs",
    "fall": "sank sanken gesunken fiel fielen gefallen rückgang zurückgegangen zurückging "
            "declined decline fell fallen dropped decreased halved halbiert halbierte minus",
})
# Aspects: the start and the end of the same thing are different events.
_ASPECTS = frozenset({"begin", "end"})

# Frequent nouns of the news in both languages: the participants of an event and the things a
# number counts ("Soldaten" and "troops" count the same).
_NOUNS = _lexicon({
    "treaty": "vertrag verträge vertrages treaty treaties abkommen accord agreement agreements",
    "soldier": "soldat soldaten soldiers soldier troops truppen",
    "missile": "rakete raketen missile missiles rocket rockets marschflugkörper",
    "shell": "granate granaten shell shells artilleriegranaten",
    "tank": "panzer tank tanks kampfpanzer",
    "drone": "drohne drohnen drone drones",
    "person": "menschen personen leute people persons einwohner inhabitants residents",
    "respondent": "befragte befragten umfrageteilnehmer respondents respondent",
    "vote": "stimme stimmen votes vote wählerstimmen",
    "voter": "wähler wählerinnen voters wahlberechtigte",
    "seat": "sitz sitze sitzen mandat mandate mandaten seats",
    "job": "arbeitsplätze stellen jobs",
    "employee": "mitarbeiter mitarbeitende beschäftigte angestellte employees staff workers",
    "visitor": "besucher besucherinnen visitors gäste guests",
    "spectator": "zuschauer fans spectators zuschauerinnen",
    "goal": "tor tore goal goals treffer",
    "point": "punkt punkte points",
    "match": "spiel spiele partie partien match matches game games",
    "case": "fall fälle cases",
    "death": "tote todesopfer todesfälle deaths dead fatalities",
    "household": "haushalt haushalte households",
    "home": "wohnung wohnungen apartments flats homes",
    "student": "studierende studenten students schüler pupils",
    "teacher": "lehrer lehrerinnen lehrkräfte teachers",
    "patient": "patient patienten patients",
    "vehicle": "fahrzeug fahrzeuge vehicles autos cars pkw",
    "passenger": "passagier passagiere fahrgäste passengers",
    "member": "mitglied mitglieder members",
    "country": "land länder staaten countries states",
    "company": "unternehmen firma firmen konzern konzerne companies company firms",
    "plant": "kraftwerk kraftwerke anlage anlagen plant plants station stations",
    "reactor": "reaktor reaktoren reactor reactors",
    "turbine": "windrad windräder windkraftanlagen turbine turbines",
    "year": "jahr jahre jahren year years",
    "month": "monat monate monaten month months",
    "week": "woche wochen week weeks",
    "day": "tag tage tagen day days",
    "city": "stadt städte city cities town",
    "government": "regierung government",
    "parliament": "parlament bundestag landtag parliament",
    "council": "rat stadtrat gemeinderat kreistag council",
    "coalition": "koalition koalitionen coalition coalitions",
    "merger": "fusion fusionen zusammenschluss merger mergers merge",
    "court": "gericht gerichte court courts",
    "regulator": "regulierungsbehörde aufsichtsbehörde aufsicht regulator regulators watchdog",
    "wind-farm": "windpark windparks windfarm windfarms",
    "report": "bericht report",
    "study": "studie studien study studies",
    "vaccine": "impfstoff vaccine",
    "team": "mannschaft team",
    "club": "verein club",
    "season": "saison season",
    "election": "wahl election",
    "party": "partei party",
    "budget": "haushalt etat budget",
    "refugee": "flüchtlinge geflüchtete refugees",
    "euro": "euro euros eur €",
    "dollar": "dollar dollars usd $",
    # common nouns of news in general, German and English, so that figures can be compared
    # across the two languages
    "route": "strecke strecken route routes line lines linie linien",
    "stop": "haltestelle haltestellen stop stops station",
    "tram": "straßenbahn* tram trams streetcar*",
    "train": "zug züge train trains",
    "bus": "bus busse buses",
    "ferry": "fähre fähren ferry ferries",
    "bridge": "brücke brücken bridge bridges",
    "road": "straße straßen road roads",
    "airport": "flughafen flughäfen airport airports",
    "port": "hafen häfen port ports harbour harbours harbor",
    "flight": "flug flüge flight flights",
    "ship": "schiff schiffe ship ships vessel vessels",
    "cargo": "fracht güter cargo freight goods",
    "tonne": "tonne tonnen tonne tonnes ton tons",
    "ridership": "fahrgastzahl* ridership",
    "trip": "fahrt fahrten trip trips journey journeys",
    "construction": "bau baukosten construction building",
    "cost": "kosten kostete kostet cost costs",
    "investment": "investition investitionen investment investments",
    "grant": "fördermittel zuschuss zuschüsse förderung grant grants funding subsidy subsidies",
    "revenue": "umsatz umsätze revenue revenues sales",
    "profit": "gewinn gewinne profit profits",
    "loss": "verlust verluste loss losses",
    "price": "preis preise price prices",
    "tax": "steuer steuern tax taxes",
    "debt": "schulden debt debts",
    "wage": "lohn löhne gehalt gehälter wage wages salary salaries",
    "rent": "miete mieten rent rents",
    "inflation": "inflation teuerung",
    "unemployment": "arbeitslosigkeit arbeitslose unemployment unemployed",
    "worker": "arbeiter arbeitnehmer worker workers",
    "factory": "fabrik fabriken werk werke factory factories",
    "hospital": "krankenhaus krankenhäuser klinik kliniken hospital hospitals",
    "school": "schule schulen school schools",
    "university": "universität universitäten hochschule hochschulen university universities",
    "doctor": "arzt ärzte ärztin ärztinnen doctor doctors physician physicians",
    "nurse": "pflegekraft pflegekräfte krankenschwester nurse nurses",
    "child": "kind kinder child children",
    "pupil": "schülerin schülerinnen pupil pupils",
    "resident": "anwohner anwohnerin bewohner residents resident",
    "tourist": "tourist touristen urlauber tourist tourists",
    "fan": "fan fans anhänger supporters",
    "player": "spieler spielerin spielerinnen player players",
    "coach": "trainer trainerin coach coaches",
    "stadium": "stadion stadien stadium stadiums arena",
    "title": "titel meisterschaft title titles championship",
    "medal": "medaille medaillen medal medals",
    "population": "bevölkerung einwohnerzahl population",
    "turnout": "wahlbeteiligung turnout",
    "law": "gesetz gesetze law laws bill bills act",
    "ruling": "urteil urteile ruling rulings verdict verdicts judgment",
    "fine": "strafe strafen geldstrafe bußgeld fine fines penalty penalties",
    "police": "polizei police",
    "fire": "brand brände feuer fire fires blaze",
    "flood": "hochwasser überschwemmung* flood floods flooding",
    "storm": "sturm stürme unwetter storm storms",
    "earthquake": "erdbeben earthquake earthquakes quake",
    "victim": "opfer verletzte victim victims injured casualties",
    "emission": "emission emissionen ausstoß emission emissions",
    "energy": "energie strom energy electricity power",
    "wind": "windkraft windenergie wind",
    "solar": "solar* photovoltaik* solar",
    "coal": "kohle coal",
    "gas": "gas erdgas gas",
    "oil": "öl erdöl oil crude",
    "water": "wasser water",
    "tree": "baum bäume tree trees",
    "forest": "wald wälder forest forests",
    "animal": "tier tiere animal animals",
    "fish": "fisch fische fish",
    "species": "art arten species",
    "temperature": "temperatur temperaturen temperature temperatures",
    "rain": "regen niederschlag rain rainfall precipitation",
    "area": "fläche flächen area areas",
    "share": "anteil anteile share shares proportion",
    "survey": "umfrage umfragen survey surveys poll polls",
    "museum": "museum museen museum museums",
    "book": "buch bücher book books",
    "film": "film filme film films movie movies",
    "concert": "konzert konzerte concert concerts",
    "ticket": "ticket tickets karte karten eintrittskarte* ticket tickets",
    "armed-forces": "streitkräfte armee army forces military",
    "weapon": "waffe waffen weapon weapons arms",
    "ammunition": "munition geschosse artilleriegeschosse ammunition shells rounds",
    "migrant": "asylbewerber migranten migrants asylum seekers",
    "sanction": "sanktion sanktionen sanction sanctions",
    "session": "sitzung sitzungen session sessions",
})


# Towns and cities, German and English names (places of several words as in _PLACE_PHRASE).
_CITY_NAMES = (
    "berlin", "hamburg", "frankfurt", "stuttgart", "düsseldorf", "leipzig", "dresden",
    "hannover hanover", "bremen", "bonn", "mainz", "paris", "london", "madrid", "barcelona",
    "oslo", "stockholm", "helsinki", "copenhagen kopenhagen", "amsterdam", "budapest",
    "bucharest bukarest", "sofia", "belgrade belgrad", "zagreb", "ljubljana", "bratislava",
    "vilnius wilna", "riga", "tallinn", "minsk", "tbilisi tiflis", "yerevan eriwan", "baku",
    "ankara", "istanbul", "tehran teheran", "baghdad bagdad", "damascus damaskus", "beirut",
    "jerusalem", "cairo kairo", "riyadh riad", "doha", "dubai", "mumbai", "tokyo tokio", "seoul",
    "pyongyang pjöngjang", "shanghai schanghai", "taipei", "bangkok", "hanoi", "jakarta", "manila",
    "sydney", "canberra", "washington", "chicago", "ottawa", "toronto", "brasília brasilia",
    "santiago", "lima", "bogotá bogota", "nairobi", "johannesburg", "pretoria", "lagos",
    "vladivostok wladiwostok", "kharkiv charkiw charkow", "odesa odessa", "lviv lwiw lemberg",
    "kursk", "belgorod", "donetsk donezk", "luhansk lugansk", "mariupol",
    "zaporizhzhia saporischschja", "kherson cherson", "strasbourg straßburg", "zürich zurich",
    "bern", "basel", "salzburg", "graz", "linz", "innsbruck", "krakow kraków krakau",
    "gdansk gdańsk danzig", "marseille", "lyon", "venice venedig", "naples neapel",
    "florence florenz", "turin", "porto", "seville sevilla", "valencia", "dublin", "edinburgh",
    "manchester", "birmingham", "glasgow", "telaviv", "newdelhi", "losangeles", "buenosaires",
    "sanktpetersburg st.petersburg", "denhaag thehague", "mexicocity", "addisabeba addisababa",
    "newyork", "hongkong",
)

# Regions inside countries (states, Länder, nations of the UK): places a town lies in, never
# compared with one.
_REGION_NAMES = (
    "bayern bavaria", "sachsen saxony", "hessen hesse", "niedersachsen", "thüringen thuringia",
    "brandenburg", "nordrhein-westfalen", "rheinland-pfalz", "saarland", "baden-württemberg",
    "sachsen-anhalt", "schleswig-holstein", "mecklenburg-vorpommern", "tirol tyrol", "kärnten",
    "steiermark styria", "vorarlberg", "burgenland", "niederösterreich", "oberösterreich",
    "england", "scotland schottland", "wales", "ulster", "cornwall", "yorkshire", "kent",
    "california kalifornien", "texas", "florida", "ohio", "alaska", "arizona", "nevada",
    "oregon", "georgia", "virginia", "michigan", "illinois", "pennsylvania", "massachusetts",
    "colorado", "wisconsin", "minnesota", "iowa", "kansas", "kentucky", "tennessee", "alabama",
    "louisiana", "missouri", "montana", "utah", "idaho", "maine", "vermont", "ontario",
    "quebec", "alberta", "bretagne brittany", "normandie normandy", "provence", "toskana tuscany",
    "sizilien sicily", "katalonien catalonia", "andalusien andalusia", "flandern flanders",
    "sibirien siberia", "krim crimea", "donbass donbas", "kaschmir kashmir", "tibet", "gaza",
)

# Places and the adjectives of places, in both languages: participants of events, and the
# country or organisation of a role ("portugiesische Außenministerin", "Portugal's").
_PLACES = _lexicon({
    "moscow": "moskau moskauer moscow", "kyiv": "kiew kyjiw kyiv kiev",
    "munich": "münchen munich", "cologne": "köln kölner cologne", "vienna": "wien vienna",
    "rome": "rom rome", "warsaw": "warschau warsaw", "prague": "prag prague",
    "beijing": "peking beijing", "brussels": "brüssel brussels", "geneva": "genf geneva",
    "milan": "mailand milan", "lisbon": "lissabon lisbon", "athens": "athen athens",
    "nuremberg": "nürnberg nuremberg", "russia": "russland russia russisch* russian*",
    "germany": "deutschland* germany deutsch* german*",
    "france": "frankreich* france französisch* french", "north-korea": "nordkorea* northkorea*",
    "south-korea": "südkorea* southkorea*",
    "usa": "usa us vereinigtestaaten vereinigtenstaaten unitedstates amerikanisch* american*",
    "uk": "großbritannien* britain british britisch* uk unitedkingdom",
    "spain": "spanien* spain spanisch* spanish", "italy": "italien* italy italienisch* italian*",
    "poland": "polen* poland polnisch* polish",
    "turkey": "türkei* turkey türkiye türkisch* turkish",
    "china": "china chinas chinesisch* chinese", "japan": "japan japans japanisch* japanese",
    "india": "indien* india indisch* indian*", "ukraine": "ukraine* ukrainisch* ukrainian*",
    "austria": "österreich* austria austrian*", "switzerland": "schweiz* switzerland swiss",
    "netherlands": "niederlande* niederländisch* netherlands dutch",
    "belgium": "belgien* belgium belgisch* belgian*",
    "greece": "griechenland* greece griechisch* greek", "sweden": "schweden* sweden swedish",
    "norway": "norwegen* norway norwegisch* norwegian*",
    "denmark": "dänemark* denmark dänisch* danish", "finland": "finnland* finland finnish",
    "hungary": "ungarn* hungary ungarisch* hungarian*",
    "czechia": "tschechien* czechia czechrepublic tschechisch* czech",
    "brazil": "brasilien* brazil brasilianisch* brazilian*",
    "mexico": "mexiko* mexico mexikanisch* mexican*", "canada": "kanada* canada kanadisch* "
    "canadian*", "australia": "australien* australia australisch* australian*",
    "egypt": "ägypten* egypt ägyptisch* egyptian*", "iraq": "irak* iraq irakisch* iraqi*",
    "syria": "syrien* syria syrisch* syrian*", "saudi-arabia": "saudi-arabien* saudiarabia* "
    "saudi*", "israel": "israel israels israelisch* israeli*", "iran": "iran irans iranisch* "
    "iranian*", "europe": "europa europas europe europäisch* european*", "eu": "eu",
    "nato": "nato", "un": "uno un vereintennationen unitednations",
    **{city.split()[0]: city for city in _CITY_NAMES},
    **{region.split()[0]: region for region in _REGION_NAMES},
})
# The concepts above that are towns and cities; the rest are countries, regions and alliances.
_CITIES = frozenset({"moscow", "kyiv", "munich", "cologne", "vienna", "rome", "warsaw", "prague",
                     "beijing", "brussels", "geneva", "milan", "lisbon", "athens", "nuremberg",
                     *(city.split()[0] for city in _CITY_NAMES)})
_NOT_COUNTRIES = frozenset({"europe", "eu", "nato", "un"})
# Place names of several words, read as one word ("North Korea" as "northkorea").
_PLACE_PHRASE = re.compile(
    r"\b(?:North|South|Nord|Süd)\s+Korea\w*|\bUnited\s+(?:States|Kingdom|Nations)\b|"
    r"\bSaudi\s+Arabia\w*|\bCzech\s+Republic\b|\bVereinigten?\s+Staaten\b|"
    r"\bVereinten\s+Nationen\b|\bNew\s+York\b|\bHong\s+Kong\b|\bTel\s+Aviv\b|"
    r"\bNew\s+Delhi\b|\bLos\s+Angeles\b|\bBuenos\s+Aires\b|\b(?:Sankt|St\.?)\s+Petersburg\b|"
    r"\bDen\s+Haag\b|\bThe\s+Hague\b|\bMexico\s+City\b|\bAddis\s+Abab?e?a\b"
)


def _concepts(word: str, lexicon: _Lexicon) -> set[str]:
    """The concepts a folded word stands for in a lexicon; a compound's head counts after at
    least four letters ("landtagswahl", not "auswahl")."""
    exact, prefixes, heads = lexicon
    found = set(exact.get(word, ()))
    found.update(concept for prefix, concept in prefixes if word.startswith(prefix))
    found.update(concept for head, concept in heads
                 if word.endswith(head) and len(word) - len(head) >= 4)
    return found


# German verbs whose particle stands at the end of the clause: "traf am Freitag in Bremen ein".
_SEPARABLE = re.compile(
    r"\b(?P<verb>traf|trafen|kam|kamen|reiste|reisten|trat|traten|gab|gaben|kündigte|kündigten|"
    r"stieg|stiegen|stellte|stellten|schloss|schlossen|lehnte|lehnten|stimmte|stimmten|"
    r"stürzte|stürzten|nahm|nahmen|tritt|treten)\b"
    # the middle may hold a date in commas: "traf am Freitag, dem 7. Juni 2024, in Bremen ein"
    r"(?P<middle>(?:[^,;:!?]|,\s*(?:dem|den)\s+\d{1,2}\.\s*\w+(?:\s+\d{4})?,)*?)"
    r"\s(?P<particle>ein|an|ab|auf|aus|zurück|bekannt|vor|zu|in Kraft)(?=\s*(?:[.,;:]|$))"
)


# Travel to a named place is arriving there: "flew to Oslo on Monday", "reiste am Montag nach
# Oslo". Verbs of setting off ("left for", "headed to") are not arrivals.
_TRAVEL_TO = re.compile(
    r"\b(?P<verb>travel(?:s|led|ed|ling)?|fl(?:y|ies|ew|own|ying)|continu(?:e|es|ed|ing)|"
    r"proceed(?:s|ed|ing)?|reist|reiste|reisten|gereist|weiterreisen|weiterreiste|flog|flogen|"
    r"geflogen|fliegt)\b(?:[\s,]+[\w.]+){0,10}?\s+(?:to|nach)\s+[A-ZÄÖÜ]"
)


# Offices, German and English; the roles with one holder at a time are all but the last group.
_ROLE_NAMES = {
    "foreign-minister": r"(?:bundes)?außenminister(?:in)?|foreign (?:minister|secretary)|"
                        r"(?:bundes)?minister(?:in)? des auswärtigen|"
                        r"minister (?:of|for) foreign affairs|"
                        r"secretary of state(?!\s+for\b)",  # not "... for Transport" (UK)
    "defence-minister": r"(?:bundes)?verteidigungsminister(?:in)?|"
                        r"(?:bundes)?minister(?:in)? der verteidigung|defen[cs]e (?:minister|"
                        r"secretary)|(?:minister|secretary) of defen[cs]e",
    "interior-minister": r"(?:bundes)?innenminister(?:in)?|interior minister|home secretary|"
                         r"minister of (?:the )?interior",
    "finance-minister": r"(?:bundes)?finanzminister(?:in)?|finance minister|minister of finance|"
                        r"chancellor of the exchequer|treasury secretary",
    "health-minister": r"(?:bundes)?gesundheitsminister(?:in)?|health (?:minister|secretary)|"
                       r"(?:bundes)?minister(?:in)? für gesundheit",
    "economy-minister": r"(?:bundes)?wirtschaftsminister(?:in)?|econom(?:y|ics) minister|"
                        r"(?:bundes)?minister(?:in)? für wirtschaft"
                        r"(?:(?:,\s*[a-zäöüß]+)*\s+und\s+[a-zäöüß]+)?",  # ", Verkehr und Bau"
    "justice-minister": r"(?:bundes)?justizminister(?:in)?|justice minister",
    "transport-minister": r"(?:bundes)?verkehrsminister(?:in)?|transport (?:minister|secretary)|"
                          r"(?:minister|secretary of state) for transport|"
                          r"(?:bundes)?minister(?:in)? für (?:digitales und )?verkehr",
    "environment-minister": r"(?:bundes)?umweltminister(?:in)?|environment (?:minister|secretary)|"
                            r"(?:minister|secretary of state) for (?:the )?environment|"
                            r"(?:bundes)?minister(?:in)? für umwelt",
    "agriculture-minister": r"(?:bundes)?(?:landwirtschafts|agrar)minister(?:in)?|"
                            r"agriculture (?:minister|secretary)|minister (?:of|for) agriculture|"
                            r"(?:bundes)?minister(?:in)? für (?:ernährung und )?landwirtschaft",
    "labour-minister": r"(?:bundes)?arbeitsminister(?:in)?|labou?r minister|"
                       r"minister (?:of|for) labou?r|work and pensions secretary|"
                       r"(?:bundes)?minister(?:in)? für arbeit",
    "culture-minister": r"kultur(?:staats)?minister(?:in)?|culture (?:minister|secretary)|"
                        r"minister (?:of|for) culture",
    "science-minister": r"(?:bundes)?(?:wissenschafts|forschungs)minister(?:in)?|"
                        r"science minister|minister (?:of|for) science",
    "housing-minister": r"(?:bundes)?bauminister(?:in)?|housing (?:minister|secretary)|"
                        r"minister (?:of|for) housing",
    "family-minister": r"(?:bundes)?familienminister(?:in)?|minister(?:in)? für familie",
    "development-minister": r"(?:bundes)?entwicklungsminister(?:in)?|"
                            r"development minister|international development secretary",
    "education-minister": r"(?:bundes)?bildungsminister(?:in)?|kultusminister(?:in)?|"
                          r"education (?:minister|secretary)",
    "prime-minister": r"premierminister(?:in)?|ministerpräsident(?:in)?|prime minister|premier",
    "chancellor": r"(?:bundes)?kanzler(?:in)?|chancellor",
    "vice-president": r"vizepräsident(?:in)?|vice[- ]president",
    "president": r"(?:bundes|staats)?präsident(?:in)?|president",
    "mayor": r"(?:ober)?bürgermeister(?:in)?|(?:lord )?mayor",
    "district-head": r"landr(?:at|ätin)|district administrator",
    "governor": r"gouverneur(?:in)?|governor",
    "ceo": r"vorstandsvorsitzende[rn]?|vorstandschef(?:in)?|konzernchef(?:in)?|"
           r"geschäftsführer(?:in)?|ceo|chief executive(?: officer)?|managing director|"
           r"(?<=-)chef(?:in)?",  # "Nordavia-Chefin", not "Küchenchef"
    "cfo": r"finanzvorstand|finanzchef(?:in)?|chief financial officer|cfo|finance director",
    "head": r"leiter(?:in)?|head(?= of\b)|chief constable|police chief|polizeichef(?:in)?",
    "chair": r"(?:partei)?vorsitzende[rn]?|parteichef(?:in)?|chair(?:man|woman|person)?|"
             r"party leader",
    "secretary-general": r"generalsekretär(?:in)?|secretary[- ]general",
    "coach": r"(?:chef)?trainer(?:in)?|head coach|coach",
    "captain": r"kapitän(?:in)?|spielführer(?:in)?|captain",
    "editor-in-chief": r"chefredakteur(?:in)?|editor[- ]in[- ]chief",
    "director": r"direktor(?:in)?|intendant(?:in)?|director",
    "pope": r"papst|pope",
    "ambassador": r"botschafter(?:in)?|ambassador",
    "spokesperson": r"sprecher(?:in)?|spokes(?:person|man|woman)",
    # a member of a council's cabinet for a portfolio ("Portfolio Holder for Transport",
    # "cabinet member for housing"): which office it is, its portfolios say
    "portfolio-holder": r"portfolio holder|cabinet member|dezernent(?:in)?|beigeordnete[rn]?",
}
# Offices told apart by their portfolios rather than by their name alone.
_BY_PORTFOLIO = frozenset({"portfolio-holder"})
# Taking up an office: "took office", "became chair of", "wurde im Mai Landrätin" (not "wurde
# die Direktorin entlassen", where "wurde" makes a passive).
_TAKE_OFFICE = re.compile(
    r"\b(?P<verb>t(?:ook|akes?|aking|aken)|assum(?:ed|es|ing|e))\s+(?:office\b|over\s+as\b)"
    r"|\b(?P<become>became|becomes|wurde|wird)\s+(?:[\w.]+\s+){0,5}?"
    r"(?=(?:(?:zur|zum|die|der|the|a|an)\s+)?[\w-]*(?:" + "|".join(_ROLE_NAMES.values())
    + r")(?:\s*(?:[.,;]|$)|\s+(?:of|des|der|von|bei|at|for|in)\b))",
    re.IGNORECASE,
)


# Going into service or into force: "in Betrieb genommen", "ging in Betrieb", "tritt in Kraft".
_IN_SERVICE = re.compile(r"\bin\s+(?P<noun>Betrieb|Kraft)\b")
_SERVICE_VERB = re.compile(r"\b(?:ge(?:nommen|gangen|setzt|treten)|gehen|geht|ging|gingen|nehmen|"
                           r"nimmt|nahm|nahmen|treten|tritt|trat|traten)\b")


def _verb_events(text: str) -> dict[int, set[str]]:
    """Events that a verb names only with its context, by the verb's offset: German verbs whose
    particle ends the clause ("traf am Freitag in Bremen ein" is an arrival, not a meeting),
    travel to a named place, and taking up an office."""
    found: dict[int, set[str]] = {m.start("verb"): {"arrive"} for m in _TRAVEL_TO.finditer(text)}
    for match in _IN_SERVICE.finditer(text):
        clause = re.split(r"[,;:]", text[max(0, match.start() - 60) : match.end() + 30])
        if any(_SERVICE_VERB.search(part) for part in clause if match.group(0) in part):
            found[match.start("noun")] = {
                "open" if match.group("noun") == "Betrieb" else "force"}
    for match in _TAKE_OFFICE.finditer(text):
        found[match.start("verb") if match.group("verb") else match.start("become")] = {"office"}
    for match in _SEPARABLE.finditer(text):  # "reiste am Montag nach Oslo ab" sets off
        joined = _fold(match.group("particle").replace(" ", "") + match.group("verb"))
        found[match.start("verb")] = _concepts(joined, _EVENTS)  # "stieg ab" is no rise
    return found


@dataclass(frozen=True)
class _Word:
    """A word of a text with its span, folded stem and the concepts it names."""

    text: str
    start: int
    end: int
    stem: str
    events: frozenset[str]
    nouns: frozenset[str]
    places: frozenset[str]

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[_Word, ...]:
    """The words of a text that are not function words, with the concepts they name; place
    names of several words are one word. Cached: the checks read the same claim, sentences and
    passages many times."""
    separable = _verb_events(text)
    phrases = [(m.start(), m.end()) for m in _PLACE_PHRASE.finditer(text)]
    matches = [(m.start(), m.end()) for m in _WORD.finditer(text)
               if not any(s <= m.start() < e for s, e in phrases)]
    words = []
    for start, end in sorted(matches + phrases):
        original = text[start:end]
        folded = re.sub(r"\s+|['’]s$", "", _fold(original))  # "Norway's": "norway"
        if folded in _STOPWORDS and not (original.isupper() and len(original) > 1):
            continue
        events = separable[start] if start in separable else _concepts(folded, _EVENTS)
        words.append(_Word(original, start, end, _stem(folded), frozenset(events),
                           frozenset(_concepts(folded, _NOUNS)),
                           frozenset(_concepts(folded, _PLACES))))
    return tuple(words)


_GERMAN_NOUN_ENDING = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|tion|tionen|tät|ismus|nahme|werk|werke|anlage|leistung|"
    r"ium|ien|er|en|e)$"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|ins|im|am|zum|zur|vom|beim|"
    r"ans|aufs|kein\w*|jede\w*|diese\w*|"
    r"sein\w*|ihr\w*|unser\w*)\s+(?:[a-zäöüß]\w*\s+)?$",
    re.IGNORECASE,
)


def _is_unit_word(word: _Word) -> bool:
    """Whether a word is a unit of measure or "Prozent": it says what kind a number is, not
    what the sentence is about."""
    folded = _fold(word.text)
    return folded in _MEASURES or folded in ("prozent", "percent", "prozentpunkte",
                                             "basispunkte", "basis")


# A period named relative to the time of writing: "last year", "im vergangenen Jahr".
_RELATIVE_PERIOD = re.compile(
    r"\b(?:last|next|previous|past|coming|this|vergangen\w*|letzt\w*|vorig\w*|kommend\w*|"
    r"nächst\w*|dies\w*)\s+(?:year|month|week|Jahr\w*|Monat\w*|Woche)\b", re.IGNORECASE)


def _is_time_word(word: _Word, text: str) -> bool:
    """Whether a word is a month ("in the year to June"), not part of a name before it
    ("Theresa May"), or names a period relative to the time of writing ("last year")."""
    if any(m.start() <= word.start < m.end() for m in _RELATIVE_PERIOD.finditer(text)):
        return True
    return _fold(word.text) in _MONTHS and not re.search(r"[A-ZÄÖÜ][\w'’-]*\s+$",
                                                          text[: word.start])


def _is_name_like(word: _Word, text: str) -> bool:
    """Whether a word is likely part of a proper name: a place, an acronym, or a capitalised word
    that does not open the sentence and is no known noun or unit; in German, where every noun is
    capitalised, also not a word after an article or with a common noun ending."""
    if word.places:
        return True
    if not word.capital or word.nouns or _is_unit_word(word) or _is_time_word(word, text):
        return False
    if any(c.isupper() for c in word.text[1:]):
        return True
    before = text[: word.start]
    if word.start == 0 or re.search(r"(?:^|[.!?:]\s*|[„\"“]\s*)$", before):
        return False
    if _german_text(text):
        return not (_DETERMINER_BEFORE.search(before) or _GERMAN_NOUN_ENDING.search(
            _fold(word.text)))
    return True


def _similar_names(a: str, b: str) -> bool:
    """Whether two name words are the same across spellings ("Tschaikowski"/"Tchaikovsky",
    "Selenskyj"/"Zelensky")."""
    fa, fb = (_fold(x).replace("w", "v").replace("j", "y") for x in (a, b))
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 4 and SequenceMatcher(None, fa, fb).ratio() >= 0.8


def _compound_head(word: str, stem: str) -> bool:
    """Whether a folded German compound ends in the word whose stem is given, up to an
    inflection: "handelsministerin" and "minist" (of "minister")."""
    at = word.find(stem, 1)
    return len(stem) >= 6 and at > 0 and len(word) - at - len(stem) <= 4


def _word_matches(word: _Word, others: Sequence[_Word]) -> bool:
    """Whether a word of the claim occurs in another text: the same stem, concept or name."""
    for other in others:
        if word.events & other.events or word.nouns & other.nouns or word.places & other.places:
            return True
        a, b = word.stem, other.stem
        if a == b or min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
            return True
        if _compound_head(_fold(word.text), b) or _compound_head(_fold(other.text), a):
            return True
        if word.capital and other.capital and _similar_names(word.text, other.text):
            return True
    return False


_RECURRENCE = re.compile(
    r"\b(?:erneut|wiederum|abermals|nochmals|again|anew|once more|zum zweiten mal|"
    r"for the second time|ein weiteres|eine weitere|another|ein(?:e|en|em|er|es)? andere[nmrs]?|"
    r"(?:an|the) other)\b",
    re.IGNORECASE,
)


def _outside(words: Iterable[_Word], spans: Iterable[tuple[int, int]]) -> list[_Word]:
    """The words that lie outside every span (dates, numbers: the values being compared)."""
    spans = list(spans)
    return [w for w in words if not any(s <= w.start < e for s, e in spans)]


@dataclass(frozen=True)
class SentenceContext:
    """Where an evidence sentence stands: its document's title and passage, where the people and
    things it refers to ("the minister") are named, and the document's date."""

    text: str
    published: date | None = None


# A place the event happens at or goes to ("in Oslo", "nach Oslo"), as against a place that
# says whose someone is ("Norway's minister"): the sentence itself must name the former.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|im|nach|aus|bei|to|at|into|from|near|vor)\s+(?:der|dem|den|die|das|the)?\s*$",
    re.IGNORECASE,
)


# A relative clause set off by commas ("…, der im Mai eröffnet wurde, …", "…, which …"): it
# says something else about a participant, not the claim's event.
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:der|die|das|deren|dessen|denen|welche[rsmn]?|was|which|who|whom|whose)\b[^,;:]*"
    r"(?=,|[.!?]?$)"
)


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """The spans of the relative clauses of a text."""
    return [(m.start(), m.end()) for m in _RELATIVE_CLAUSE.finditer(text)]


def _same_event(
    claim: str, sentence: str, claim_spans: Iterable[tuple[int, int]] = (),
    sentence_spans: Iterable[tuple[int, int]] = (), *, coverage: float = 0.6,
    without_event: float = 0.75, any_direction: bool = False, context: str = "",
) -> bool:
    """Whether an evidence sentence speaks of the claim's event: it has the claim's predicate
    (when the claim names one the lexicon knows), the same aspect (begin/end), every name of the
    claim and no other number of a numbered name ("Block 2"), and `coverage` of its other
    words; the spans of the values compared are left out.
    Without a known predicate, `without_event` of the words must match; `any_direction`: a rise
    and a fall are the same predicate (for figures, whose sign is compared). `context`: the
    sentence's document title and passage, where a participant it refers to ("the minister")
    may be named; the places where the event happens must be in the sentence itself."""
    named, other_named = numbered_names(claim), numbered_names(sentence)
    if any(noun == n and number != m for noun, number in named - other_named
           for n, m in other_named):
        return False  # "Flug 17" and "Flug 18" are different flights
    claim_spans = list(claim_spans)
    asides = [(s, e) for s, e in _relative_clauses(claim)
              if not any(s <= a < e for a, _ in claim_spans)]
    mine = [w for w in _outside(_words(claim), [*claim_spans, *asides])
            if not _is_unit_word(w) and not _is_time_word(w, claim)]
    theirs = [w for w in _outside(_words(sentence), sentence_spans) if not _is_unit_word(w)]
    if not mine or not theirs:
        return False
    events = set().union(*(w.events for w in mine))
    other_events = set().union(*(w.events for w in theirs))
    if any_direction:
        events, other_events = ({"change" if e in ("rise", "fall") else e for e in found}
                                for found in (events, other_events))
    if events and not events & other_events:
        return False
    if events & _ASPECTS != other_events & _ASPECTS and events & _ASPECTS:
        return False
    around = _words(context) if context else ()

    def found(word: _Word) -> bool:
        if _word_matches(word, theirs):
            return True
        return (_is_name_like(word, claim) and not _LOCATIVE_BEFORE.search(claim[: word.start])
                and _word_matches(word, around))

    if any(_is_name_like(w, claim) and not found(w) for w in mine):
        return False
    if _german_text(claim) != _german_text(sentence):
        # across languages only the words the lexicons or spelling can carry over are compared
        mine = [w for w in mine if w.events or w.nouns or w.places or _is_name_like(w, claim)
                or _word_matches(w, theirs)]
        if len(mine) < 2:
            return False
    matched = sum(found(w) for w in mine)
    return matched / len(mine) >= (coverage if events else max(coverage, without_event))


# --- dates --------------------------------------------------------------------------------------

_MONTHS = {
    _fold(name): number
    for number, names in enumerate(
        ["januar jänner january jan", "februar february feb", "märz maerz march mär mar",
         "april apr", "mai may", "juni june jun", "juli july jul", "august aug",
         "september sept sep", "oktober october okt oct", "november nov",
         "dezember december dez dec"],
        start=1,
    )
    for name in names.split()
}
_WEEKDAYS = {
    _fold(name): number
    for number, names in enumerate(
        ["montag monday", "dienstag tuesday", "mittwoch wednesday", "donnerstag thursday",
         "freitag friday", "samstag sonnabend saturday", "sonntag sunday"]
    )
    for name in names.split()
}
_WEEKDAY_NAMES_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                     "Sonntag"]
_WEEKDAY_NAMES_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday"]
_MONTH = (
    r"(?P<{}>(?:Januar|Jänner|January|Februar|February|März|Maerz|March|April|Mai|May|Juni|June|"
    r"Juli|July|August|September|Oktober|October|November|Dezember|December|"
    r"(?:Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)\.?))(?![\w-])"
)
_WEEKDAY = (
    r"(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)"
)
_DAY = r"(?P<{}>[0-3]?\d)(?:\.|st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:1[89]|20)\d{{2}})(?![\d.,]\d)"
_DASH = r"\s*(?:-|–|—|bis(?: zum)?|to|and|und)\s*"


def _f(pattern: str, *names: str) -> str:
    """A pattern with its placeholders named."""
    return pattern.format(*names)


_DATE_PATTERNS = [
    # 3.–5. Mai 2024, 3 to 5 May, between 3 and 5 May
    re.compile(rf"\b{_f(_DAY, 'd1')}{_DASH}{_f(_DAY, 'd2')}\s+(?:of\s+)?{_f(_MONTH, 'm2')}"
               rf"(?:,?\s+{_f(_YEAR, 'y2')})?"),
    # May 3–5, 2024
    re.compile(rf"\b{_f(_MONTH, 'm2')}\s+{_f(_DAY, 'd1')}{_DASH}{_f(_DAY, 'd2')}\b"
               rf"(?:,?\s+{_f(_YEAR, 'y2')})?"),
    # 2024-06-09
    re.compile(rf"\b{_f(_YEAR, 'y1')}-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\b"),
    # 09.06.2023, 9.6.2023
    re.compile(rf"\b(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)\.{_f(_YEAR, 'y1')}\b"),
    # 9. Juni 2023, 9 June, 9th of June 2023
    re.compile(rf"\b{_f(_DAY, 'd1')}\s+(?:of\s+)?{_f(_MONTH, 'm1')}(?:,?\s+{_f(_YEAR, 'y1')})?"),
    # June 9, 2023; June 9th
    re.compile(rf"\b{_f(_MONTH, 'm1')}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]?\d)"
               rf"(?:,?\s+{_f(_YEAR, 'y1')})?"),
    # Juni 2023, June 2023
    re.compile(rf"\b{_f(_MONTH, 'm1')}\s+{_f(_YEAR, 'y1')}"),
    # im Frühjahr 2024, in the spring of 2024 (winter spans two years: not read)
    re.compile(rf"(?i:\b(?:im|in|the|during|seit|since|bis|until)\s+(?:the\s+|dem\s+|zum\s+)?"
               rf"(?P<season>Frühjahr|Frühling|Sommer|Herbst|spring|summer|autumn|fall)"
               rf"\s+(?:of\s+)?){_f(_YEAR, 'y1')}"),
    # im Juni, in June, Anfang Mai
    re.compile(rf"(?i:\b(?:im|in|anfang|mitte|ende|early|mid|late|during|seit|since|bis|until|"
               rf"vom|from|of)\s+){_f(_MONTH, 'm1')}"),
    # 2023
    re.compile(rf"(?<![\w.,-]){_f(_YEAR, 'y1')}(?![\w-])"),
]
# A part of a period before its date: "seit Anfang 2024", "since early 2023", "bis Ende März".
_PART = r"(?:Anfang|Ende|Mitte|Beginn|early|late|mid-?|the (?:start|beginning|end|middle) of)"
_PART_OF = rf"(?:{_PART}\s*)?"
_RELATIONS = [
    ("since", re.compile(rf"(?i:\b(?:seit|since|ab)\s+(?:dem|den|the)?\s*{_PART_OF})$")),
    ("until", re.compile(
        rf"(?i:\b(?:bis|until|till|through)\s+(?:zum|zur|dem|den|the|end of)?\s*{_PART_OF})$")),
    ("before", re.compile(r"(?i:\b(?:vor|before|prior to|by)\s+(?:dem|den|the)?\s*)$")),
    ("after", re.compile(r"(?i:\b(?:nach|after)\s+(?:dem|den|the)?\s*)$")),
    # the day a decision takes effect is not the day it was taken: "mit Wirkung zum 1. Januar"
    ("effective", re.compile(r"(?i:\b(?:zum|mit wirkung (?:zum|vom|ab)|effective(?: from)?|"
                             r"with effect from)\s+(?:dem|den|the)?\s*)$")),
]
_RANGE_START = re.compile(r"(?i:\b(?:von|vom|from|zwischen|between)\s+(?:dem|den|the)?\s*)$")
_WEEKDAY_BEFORE = re.compile(
    rf"(?i:(?P<rel>vergangenen|letzten|vorigen|last|past)\s+)?(?P<wd>{_WEEKDAY})"
    r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?(?:,\s*|\s+)(?i:(?:dem|den|the)\s+)?$"
)
_WEEKDAY_AFTER = re.compile(rf"^\s*[(,]\s*(?i:(?:ein|einem|a)\s+)?(?P<wd>{_WEEKDAY})\b")


@dataclass(frozen=True)
class _When:
    """A date or period as written, precise to the day, month or year, possibly a range, with
    its relation to the event ("at", "since", "until", "before", "after", "effective") and the
    weekday it is said to fall on."""

    start: int
    end: int
    text: str
    first: tuple[int | None, int | None, int | None]  # year, month, day
    last: tuple[int | None, int | None, int | None]
    relation: str = "at"
    weekday: int | None = None
    relative: bool = False  # "last Tuesday, 5 March"

    @property
    def is_range(self) -> bool:
        return self.first != self.last

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year alone."""
        year, month, day = self.last
        return 3 if day is not None else 2 if month is not None else 1

    @property
    def years(self) -> tuple[int | None, int | None]:
        return self.first[0], self.last[0]


def _month_number(token: str | None) -> int | None:
    if token is None:
        return None
    return int(token) if token.isdigit() else _MONTHS.get(_fold(token.rstrip(".")))


def _number(token: str | None) -> int | None:
    return int(token) if token else None


# The first month of a season of the northern hemisphere.
_SEASONS = {"fruhjahr": 3, "fruhling": 3, "spring": 3, "sommer": 6, "summer": 6, "herbst": 9,
            "autumn": 9, "fall": 9}


def _match_when(match: re.Match[str]) -> _When | None:
    """A `_When` from a match of one of the date patterns; None for impossible dates."""
    groups = match.groupdict()
    if groups.get("season"):  # three months
        year, season = int(groups["y1"]), _SEASONS[_fold(groups["season"])]
        return _When(match.start("season"), match.end(), match.string[
            match.start("season") : match.end()], (year, season, None), (year, season + 2, None))
    month_last = _month_number(groups.get("m2") or groups.get("m1"))
    year_last = _number(groups.get("y2") or groups.get("y1"))
    day_last = _number(groups.get("d2") or groups.get("d1"))
    day_first = _number(groups.get("d1"))
    first = (year_last, month_last, day_first)
    last = (year_last, month_last, day_last)
    if month_last is None and day_last is not None:
        return None
    for in_year, month, day in (first, last):
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and month is not None and not (
            1 <= day <= calendar.monthrange(in_year or 2000, month)[1]
        ):
            return None
    if day_first is not None and day_last is not None and day_first > day_last:
        return None
    start = min(match.start(name) for name, value in groups.items() if value is not None)
    return _When(start, match.end(), match.string[start : match.end()], first, last)


def _find_dates(text: str) -> list[_When]:
    """The dates and periods of a text, in order, ranges joined ("von 2017 bis 2022"), with their
    relation and any weekday stated with them."""
    found: list[_When] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            when = _match_when(match)
            if when is not None:
                found.append(when)
                taken.append((match.start(), match.end()))
    found.sort(key=lambda w: w.start)
    joined: list[_When] = []
    for when in found:
        previous = joined[-1] if joined else None
        between = text[previous.end : when.start] if previous else ""
        if previous and re.fullmatch(_DASH, between) and not previous.is_range and (
            not re.search(r"(?i)\b(?:and|und)\b", between)
            or re.search(r"(?i:zwischen|between)\s*$", text[: previous.start])
        ):
            (y1, m1, d1), (y2, m2, _) = previous.first, when.first
            first = (y1 if y1 is not None else y2, m1 if m1 is not None else m2, d1)
            joined[-1] = _When(previous.start, when.end, text[previous.start : when.end],
                               first, when.last)
            continue
        joined.append(when)
    return [_with_context(text, when) for when in joined]


def _with_context(text: str, when: _When) -> _When:
    """A date with the relation and weekday that the words around it give."""
    before = text[max(0, when.start - 40) : when.start]
    relation = "at"
    if not when.is_range or not _RANGE_START.search(before):
        relation = next((name for name, pattern in _RELATIONS if pattern.search(before)), "at")
    weekday, relative = None, False
    if when.precision == 3 and not when.is_range:
        stated = _WEEKDAY_BEFORE.search(before) or _WEEKDAY_AFTER.match(text[when.end :])
        if stated:
            weekday = _WEEKDAYS[_fold(stated.group("wd"))]
            relative = bool(stated.groupdict().get("rel"))
    part = re.search(rf"(?<!\w){_PART}\s*$", before, re.IGNORECASE) if (
        relation in ("since", "until")) else None
    start = when.start - len(part.group(0)) if part else when.start  # "Anfang 2024"
    return replace(when, start=start, text=text[start : when.end], relation=relation,
                   weekday=weekday, relative=relative)


_MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


def _describe(when: _When) -> str:
    """A date or period in words: "12 June 2023", "June 2023", "3–5 May 2024", "2017–2022"."""
    (y1, m1, d1), (y2, m2, d2) = when.first, when.last
    month_1 = _MONTH_NAMES[m1] if m1 else None
    month_2 = _MONTH_NAMES[m2] if m2 else None
    if not when.is_range:
        return " ".join(str(p) for p in (d2, month_2, y2) if p is not None)
    tail = " ".join(str(p) for p in (d2, month_2, y2) if p is not None)
    if y1 == y2 and m1 == m2 and d1 is not None:
        head = str(d1)
    elif y1 == y2:
        head = " ".join(str(p) for p in (d1, month_1) if p is not None)
    else:
        head = " ".join(str(p) for p in (d1, month_1, y1) if p is not None)
    return f"{head}–{tail}"


def _period(part: tuple[int | None, int | None, int | None], year: int) -> tuple[date, date]:
    """The first and last day of a year, a month or a day."""
    _, month, day = part
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, day), date(year, month, day)


def _span(when: _When, fallback_year: int) -> tuple[date, date] | None:
    """The days a date or period covers; a missing year is `fallback_year`."""
    first_year = when.first[0] or when.last[0] or fallback_year
    last_year = when.last[0] or fallback_year
    try:
        low, high = _period(when.first, first_year)[0], _period(when.last, last_year)[1]
        if low > high:  # "28. Dezember bis 3. Januar 2024"
            low = _period(when.first, first_year - 1)[0]
    except ValueError:  # 29 February of a year that has none
        return None
    return low, high


def _compare_when(claimed: _When, stated: _When) -> str | None:
    """How a date the evidence states bears on the claim's date of the same event: "conflict"
    (no day in common), "match" (the evidence's date lies within the claim's), "coarser" (the
    evidence gives less than the claim says), or None (overlapping, undecided)."""
    leap = 2000  # a year with 29 February, when neither gives one
    claim_span = _span(claimed, stated.last[0] or leap)
    stated_span = _span(stated, claimed.last[0] or leap)
    if claim_span is None or stated_span is None:
        return None
    (c_low, c_high), (s_low, s_high) = claim_span, stated_span
    if c_high < s_low or s_high < c_low:
        return "conflict"
    if claimed.is_range != stated.is_range:
        return None  # one day of a period, or a period around a day: not decided here
    if claimed.is_range:  # two periods: each end against its like
        ends = [
            _compare_when(replace(claimed, first=a, last=a), replace(stated, first=b, last=b))
            for a, b in ((claimed.first, stated.first), (claimed.last, stated.last))
        ]
        for outcome in ("conflict", None, "coarser"):
            if outcome in ends:
                return outcome
        return "match"
    if c_low <= s_low and s_high <= c_high:
        return "match"
    if s_low <= c_low and c_high <= s_high:
        return "coarser"
    return None


_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[–—]\s|\(|\)|,\s+(?=(?:und|aber|während|nachdem|bevor|als|wo|wobei|der|die|das|"
    r"deren|dessen|denen|welche[rs]?|and|but|while|after|before|when|where|whereas|which|"
    r"who)\b)|\b(?:und|and|sowie)\b",
    re.IGNORECASE,
)


def _clauses(text: str, keep: Iterable[tuple[int, int]]) -> list[int]:
    """The offsets where a new clause begins, leaving out breaks inside the spans in `keep`."""
    keep = list(keep)
    return [m.start() for m in _CLAUSE_BREAK.finditer(text)
            if not any(s <= m.start() < e for s, e in keep)]


_PURPOSE_BEFORE = re.compile(r"\b(?:to|zu)\s+$", re.IGNORECASE)


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Item = TypeVar("_Item", bound=_Spanned)


def _event_dates(events: set[str], sentence: str, whens: list[_Item]) -> list[_Item]:
    """The dates (or places) of a sentence that belong to one of `events`: those whose nearest
    event word (in the same clause first) names it. Without known events, the sentence's only
    date."""
    if not events:
        return whens if len(whens) == 1 else []
    # a purpose ("on 5 June to meet the mayor", "um den Bürgermeister zu treffen") is not
    # what the date is of
    words = [w for w in _words(sentence) if not _PURPOSE_BEFORE.search(sentence[: w.start])]
    # "the talks began on 5 November": the talks, not the beginning, name the event
    verbs = [w for w in words if w.events - _ASPECTS] or [w for w in words if w.events]
    breaks = _clauses(sentence, ((w.start, w.end) for w in whens))

    def clause(offset: int) -> int:
        return sum(b <= offset for b in breaks)

    found = []
    for when in whens:
        near = [w for w in verbs if clause(w.start) == clause(when.start)]
        if near:
            nearest = min(near, key=lambda w: max(w.start - when.end, when.start - w.end, 0))
            if nearest.events & events:
                found.append(when)
        elif len(whens) == 1 and verbs and all(w.events & events for w in verbs):
            found.append(when)  # the sentence's one date and one event, in different clauses
    return found


def _claim_events(claim: str, spans: Iterable[tuple[int, int]] = ()) -> set[str]:
    """The event concepts of a claim's words outside `spans`."""
    return set().union(*(w.events for w in _outside(_words(claim), spans)))


_Kind = Literal["calendar", "date", "quantity", "role", "place", "side"]


def _result(kind: _Kind, claim_value: str, evidence_value: str, outcome: Label, quote: str,
            detail: str) -> CheckResult:
    return CheckResult(kind=kind, claim_value=claim_value, evidence_value=evidence_value,
                       outcome=outcome, quote=quote, detail=detail)


def _decisive(results: Iterable[CheckResult | None]) -> CheckResult | None:
    """The first REFUTED result, else the first SUPPORTED, else the first NOT_ENOUGH_INFO."""
    found = [r for r in results if r is not None]
    for label in (Label.REFUTED, Label.SUPPORTED, Label.NOT_ENOUGH_INFO):
        for result in found:
            if result.outcome == label:
                return result
    return None


# --- calendar -----------------------------------------------------------------------------------

_BARE_WEEKDAY = re.compile(
    rf"(?:(?P<pre>\b(?i:am|on|this|diesen|vergangenen|letzten|vorigen|last|past|seit|since|bis|"
    rf"until|ab|by|jeden|every|each|nächsten|kommenden|next|zum|nacht zum|night to|vor|"
    rf"before)\s+))?\b(?P<wd>{_WEEKDAY})(?P<suffix>abend|morgen|nachmittag|vormittag|mittag|"
    rf"nacht|s)?\b"
)
_RELATIVE_PREFIX = wordset("vergangenen letzten vorigen last past")
_NOT_THE_DAY = wordset(
    "seit since bis until ab by jeden every each nächsten kommenden next zum vor before"
)
_RELATIVE_DAY = re.compile(
    r"\b(?P<word>vorgestern|gestern|yesterday|the day before yesterday)\b", re.IGNORECASE
)
_DAYS_BACK = {"vorgestern": 2, "the day before yesterday": 2, "gestern": 1, "yesterday": 1}


@dataclass(frozen=True)
class _Weekday:
    """A weekday named without a date: "am Dienstag", "last Tuesday", "Dienstagabend"."""

    start: int
    end: int
    text: str
    weekday: int
    relative: bool
    german: bool


def _bare_weekdays(text: str, whens: list[_When]) -> list[_Weekday]:
    """Weekdays of a text that name the day of an event but come without a date; habitual
    ("dienstags"), bounding ("seit Dienstag") and next-week days are left out."""
    found = []
    for match in _BARE_WEEKDAY.finditer(text):
        pre = _fold((match.group("pre") or "").strip())
        if match.group("suffix") == "s" or pre in _NOT_THE_DAY or pre.startswith("nacht") or (
            pre.startswith("night")
        ):
            continue
        if any(w.weekday is not None and w.start - 45 <= match.start() <= w.end + 25
               for w in whens):
            continue  # stated with a date: checked against it
        name = _fold(match.group("wd"))
        found.append(_Weekday(match.start(), match.end(), match.group(0).strip(),
                              _WEEKDAYS[name], pre in _RELATIVE_PREFIX,
                              name in _fold(" ".join(_WEEKDAY_NAMES_DE))))
    return found


def _weekday_name(number: int, german: bool) -> str:
    return (_WEEKDAY_NAMES_DE if german else _WEEKDAY_NAMES_EN)[number]


def _day_of(when: _When, year_hint: int | None = None, as_of: date | None = None) -> date | None:
    """The day a single-day date names; a missing year is `year_hint`, else the year that puts
    the day within half a year of `as_of`; None when it stays unknown."""
    year, month, day = when.first
    if month is None or day is None or when.is_range:
        return None
    known = year or year_hint
    years = [known] if known else [as_of.year - 1, as_of.year, as_of.year + 1] if as_of else []
    for candidate in years:
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue
        if known or as_of and abs((found - as_of).days) <= 183:
            return found
    return None


def _german_text(text: str) -> bool:
    """Whether a text reads as German (its weekday and month words, umlauts, articles)."""
    return bool(re.search(r"[äöüß]|\b(?:der|die|das|und|am|im|ist|wurde)\b", text, re.I))


def _weekday_check(claimed: int, actual: date, claim_value: str, quote: str,
                   german: bool) -> CheckResult:
    """A calendar result: the weekday a claim states against the day's real weekday."""
    real = _weekday_name(actual.weekday(), german)
    day = f"{actual.day} {_MONTH_NAMES[actual.month]} {actual.year}"

    def name(number: int) -> str:
        english = _WEEKDAY_NAMES_EN[number]
        return f"{english} ({_WEEKDAY_NAMES_DE[number]})" if german else english

    if actual.weekday() == claimed:
        return _result("calendar", claim_value, real, Label.SUPPORTED, quote,
                       f"{day} was a {name(claimed)}, as the claim says.")
    return _result("calendar", claim_value, real, Label.REFUTED, quote,
                   f"{day} was a {name(actual.weekday())}, not a {name(claimed)} as the claim "
                   "says.")


def _last_weekdays(weekday: int, as_of: date) -> list[date]:
    """The last two days before `as_of` that fall on `weekday` ("last Tuesday" can mean either
    when said early in the week)."""
    back = (as_of.weekday() - weekday - 1) % 7 + 1
    latest = as_of - timedelta(days=back)
    return [latest, latest - timedelta(days=7)]


def _stated_weekdays(claim: str, whens: list[_When], as_of: date | None) -> list[CheckResult]:
    """Weekdays stated with a date in the claim, against the calendar; a relative one ("last
    Tuesday, 5 March") also against the article's date."""
    results = []
    german = _german_text(claim)
    for when in whens:
        if when.weekday is None:
            continue
        day = _day_of(when, as_of=as_of)
        if day is None:
            continue
        before = claim[max(0, when.start - 45) : when.start]
        stated = _WEEKDAY_BEFORE.search(before)
        after = _WEEKDAY_AFTER.match(claim[when.end :])
        value = (before[stated.start("rel" if stated.group("rel") else "wd") :] + when.text
                 if stated else
                 when.text + claim[when.end : when.end + after.end()] if after else when.text)
        result = _weekday_check(when.weekday, day, value, "", german)
        if result.outcome == Label.SUPPORTED and when.relative and as_of:
            recent = _last_weekdays(when.weekday, as_of)
            if day not in recent:
                result = _result(
                    "calendar", value, f"{recent[0].isoformat()}", Label.REFUTED, "",
                    f"The last {_WEEKDAY_NAMES_EN[when.weekday]} before the article's date "
                    f"{as_of.isoformat()} was {recent[0].isoformat()}, not "
                    f"{day.isoformat()}.")
        results.append(result)
    return results


def _relative_day_weekday(claim: str, as_of: date | None) -> CheckResult | None:
    """"gestern (Dienstag)" / "yesterday, Tuesday": the weekday against the article's date."""
    relative = _RELATIVE_DAY.search(claim)
    if relative is None or as_of is None:
        return None
    after = re.match(rf"\s*(?:,|\()?\s*(?i:am|on)?\s*(?P<wd>{_WEEKDAY})\b",
                     claim[relative.end() :])
    if after is None:
        return None
    day = as_of - timedelta(days=_DAYS_BACK[relative.group("word").lower()])
    value = relative.group(0) + claim[relative.end() : relative.end() + after.end()]
    return _weekday_check(_WEEKDAYS[_fold(after.group("wd"))], day, value.strip(), "",
                          _german_text(claim))


def _evidence_day(claim: str, spans: list[tuple[int, int]], sentence: str,
                  year_hint: int | None, as_of: date | None,
                  context: SentenceContext | None = None) -> date | None:
    """The one day that an evidence sentence on the claim's event gives for it, if any; a year
    it leaves out is the claim's, else the one nearest its document's date, else `as_of`'s."""
    if _RECURRENCE.search(sentence) or _RECURRENCE.search(claim) or _figures_differ(
        claim, sentence
    ):
        return None
    whens = _find_dates(sentence)
    if not _same_event(claim, sentence, spans, [(w.start, w.end) for w in whens],
                       context=context.text if context else ""):
        return None
    if context and context.published:
        as_of = context.published
    days = {
        _day_of(w, year_hint, as_of)
        for w in _event_dates(_claim_events(claim, spans), sentence, whens)
        if w.relation == "at" and w.precision == 3 and not w.is_range
    }
    return days.pop() if len(days) == 1 else None


def check_calendar(claim: str, evidence: Sequence[str], as_of: date | None = None,
                   contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """Weekdays against the real calendar: a weekday stated with a date in the claim ("am Freitag,
    dem 9. Juni 2023"); a relative day against the article's date `as_of` ("gestern, Dienstag",
    "last Tuesday, 5 March"); a weekday or relative day without a date against the date that the
    evidence gives for the same event. A weekday without any date is left alone. `contexts`:
    each evidence sentence's document title and passage (see `_same_event`)."""
    whens = _find_dates(claim)
    results: list[CheckResult | None] = [*_stated_weekdays(claim, whens, as_of),
                                         _relative_day_weekday(claim, as_of)]
    bare = _bare_weekdays(claim, whens)
    relative = _RELATIVE_DAY.search(claim)
    if (bare or relative) and not any(w.precision == 3 for w in whens):
        spans = [(w.start, w.end) for w in bare] + [(w.start, w.end) for w in whens]
        if relative:
            spans.append((relative.start(), relative.end()))
        year_hint = next((w.last[0] for w in whens if w.last[0]), None)
        for sentence in evidence:
            day = _evidence_day(claim, spans, sentence, year_hint, as_of,
                                (contexts or {}).get(sentence))
            if day is None:
                continue
            if bare:
                results.append(_weekday_check(bare[0].weekday, day, bare[0].text, sentence,
                                              bare[0].german))
            elif relative and as_of:
                said = as_of - timedelta(days=_DAYS_BACK[relative.group("word").lower()])
                outcome = Label.SUPPORTED if said == day else Label.REFUTED
                results.append(_result(
                    "calendar", relative.group(0), day.isoformat(), outcome, sentence,
                    f"'{relative.group(0)}' from the article's date {as_of.isoformat()} is "
                    f"{said.isoformat()}; the evidence dates the event {day.isoformat()}."))
            break
    return _decisive(results)


# --- dates of the same event --------------------------------------------------------------------


def _sentence_dates(claimed: _When, claim: str, spans: list[tuple[int, int]], sentence: str,
                    context: SentenceContext | None = None
                    ) -> tuple[bool, str | None, _When | None]:
    """Whether a sentence speaks of the claim's event, and if so how the date it gives for the
    event bears on the claim's ("conflict", "match", "coarser", or None) and which date it is."""
    whens = _find_dates(sentence)
    if _RECURRENCE.search(sentence) or _figures_differ(claim, sentence) or not _same_event(
        claim, sentence, spans, [(w.start, w.end) for w in whens],
        context=context.text if context else ""
    ):
        return False, None, None
    events = _claim_events(claim, spans)
    stated = [w for w in _event_dates(events, sentence, whens) if w.relation == claimed.relation]
    term = claimed.relation == "since" and bool(_roles(claim) or _PARTY.search(claim))
    if term and not stated:  # "ist seit 2023 Chefin" and "übernahm am 1. Mai 2024 als Chefin"
        stated = [w for w in _event_dates({"office"}, sentence, whens) if w.relation == "at"]
    elif "office" in events and claimed.relation == "at" and not stated and _roles(sentence):
        stated = [w for w in whens if w.relation == "since"]  # "took office in 2024", "seit 2025"
    if not stated:  # the same event: without any date, or with dates of other events
        return True, None if whens else "coarser", None
    verdicts = [_compare_when(claimed, w) for w in stated]
    # the start of a term of office or a membership ("ist seit 2024 Vorsitzende") is one time,
    # like an event that happens once; a change since a time ("seit 2021 gestiegen") may be
    # measured from any
    if "conflict" in verdicts and not term and not events & _ONCE and any(
        _months_apart(claimed, w) > 1 for w in stated
    ):
        return True, None, None  # a visit, a vote, a match: maybe another time it happened
    for outcome in ("conflict", "match", "coarser"):
        if all(v == outcome for v in verdicts):
            return True, outcome, stated[0]
    return True, None, None


# Events that happen once to the same participants: a different date for them is a wrong date.
# Others (visits, meetings, votes, matches) recur, so a date months away may be another one.
_ONCE = frozenset({"sign", "ratify", "found", "born", "die", "open", "launch", "force", "build",
                   "resign", "office", "agree", "promote", "relegate", "complete"})


def _months_apart(claimed: _When, stated: _When) -> float:
    """How far apart two dates are, in months (0 when either lacks a year: same year then)."""
    a, b = _span(claimed, stated.last[0] or 2000), _span(stated, claimed.last[0] or 2000)
    if a is None or b is None:
        return 0.0
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    return gap / 30.4


def check_dates(claim: str, evidence: Sequence[str],
                contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """The claim's date of an event (day, month, year or range; "seit" and "bis" dates against
    their like) against the date that evidence sentences on the same event give: a different date
    refutes, the same date supports, and same-event evidence that never gives the claim's date
    leaves it NOT_ENOUGH_INFO. Dates of other events, and claims with several dates, are left
    alone."""
    whens = [w for w in _find_dates(claim) if w.relation in ("at", "since", "until")]
    if len(_find_dates(claim)) != 1 or len(whens) != 1 or _RECURRENCE.search(claim):
        return None
    claimed = whens[0]
    spans = [(claimed.start, claimed.end)] + [(w.start, w.end)
                                             for w in _bare_weekdays(claim, whens)]
    found: dict[str, tuple[str, _When | None]] = {}
    for sentence in evidence:
        same, outcome, stated = _sentence_dates(claimed, claim, spans, sentence,
                                                (contexts or {}).get(sentence))
        if same and outcome and outcome not in found:
            found[outcome] = (sentence, stated)
    value = _describe(claimed)
    if "conflict" in found and "match" not in found:
        sentence, stated = found["conflict"]
        assert stated is not None
        return _result("date", claimed.text, stated.text, Label.REFUTED, sentence,
                       f"The evidence dates this event {_describe(stated)}, the claim {value}.")
    if "match" in found and "conflict" not in found:
        sentence, stated = found["match"]
        assert stated is not None
        return _result("date", claimed.text, stated.text, Label.SUPPORTED, sentence,
                       f"The evidence dates this event {_describe(stated)}, as the claim does "
                       f"({value}).")
    if "coarser" in found and not found.keys() & {"match", "conflict"} and not any(
        _compare_when(claimed, w) == "match" for e in evidence for w in _find_dates(e)
    ):
        sentence, stated = found["coarser"]
        given = f"only {_describe(stated)}" if stated else "no date"
        return _result("date", claimed.text, stated.text if stated else "",
                       Label.NOT_ENOUGH_INFO, sentence,
                       f"The evidence on this event gives {given}, not the claim's {value}.")
    return None


def check_weekday(claim: str, evidence: Sequence[str],
                  contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """The weekday of a claim's event ("am Samstag", "on Saturday, 5 May") against the weekday
    that evidence sentences on the same event name without a date: another day refutes when no
    such sentence names the claim's (dated sentences are `check_dates`' to compare). Claims with
    several weekdays or a recurring event are left alone."""
    if _RECURRENCE.search(claim):
        return None
    days = _bare_weekdays(claim, [])
    if len(days) != 1 or days[0].relative:
        return None
    claimed = days[0]
    other: tuple[str, _Weekday] | None = None
    for sentence in evidence:
        if _find_dates(sentence):
            continue  # a dated sentence: `check_dates` compares it
        stated = _bare_weekdays(sentence, [])
        if len(stated) != 1 or stated[0].relative:
            continue
        context = (contexts or {}).get(sentence)
        if not _same_event(claim, sentence, [(claimed.start, claimed.end)],
                           [(stated[0].start, stated[0].end)],
                           context=context.text if context else ""):
            continue
        if stated[0].weekday == claimed.weekday:
            return None  # the claim's day is given
        other = other or (sentence, stated[0])
    if other is None:
        return None
    sentence, day = other
    return _result("date", claimed.text, day.text, Label.REFUTED, sentence,
                   f"The evidence has this event on {_weekday_name(day.weekday, day.german)}, "
                   f"not on {_weekday_name(claimed.weekday, claimed.german)} as the claim says.")


def earliest_day(claim: str, as_of: date | None) -> date | None:
    """The first day on which the event a claim dates can have happened: its date ("am 3. März
    2025", "im Jahr 2024"; a missing year is `as_of`'s), "gestern" from the article's date
    `as_of`, or a weekday without a date as one of the six days before it; None where the claim
    dates nothing or more than one thing, or where that needs the article's date and there is
    none."""
    whens = [w for w in _find_dates(claim) if w.relation == "at"]
    relative = _RELATIVE_DAY.search(claim)
    weekdays = _bare_weekdays(claim, whens)
    if len(whens) + len(weekdays) + bool(relative) != 1:
        return None
    if whens:
        year = whens[0].first[0] or whens[0].last[0] or (as_of.year if as_of else None)
        span = _span(whens[0], year) if year else None
        return span[0] if span else None
    if as_of is None:
        return None
    if relative:
        return as_of - timedelta(days=_DAYS_BACK[relative.group("word").lower()])
    return as_of - timedelta(days=6)


def unstated_days(claim: str, evidence: Sequence[str]) -> list[str]:
    """The days a claim names ("on 24 January 2019", "am 3. März") that no evidence sentence
    gives: a claim that rests on such a day is not supported by evidence without it."""
    stated = [w for sentence in evidence for w in _find_dates(sentence)]
    return [w.text for w in _find_dates(claim)
            if w.precision == 3 and not w.is_range
            and not any(_compare_when(w, s) == "match" for s in stated)]


# --- places of the same event -------------------------------------------------------------------

# Events that happen at one place at a time: another town for the same one is a wrong town.
_AT_ONE_PLACE = frozenset({"arrive", "sign", "meet", "open", "found", "born", "die", "crash",
                           "launch", "ratify"})
_AT_PLACE = re.compile(
    r"\b(?:in|im|nach|to|at)\s+(?:(?:der|dem|den|die|the)\s+)?"
    r"(?:(?:Stadt|Hauptstadt|city of|town of|capital)\s+)?$",
    re.IGNORECASE,
)


def _place_kind(word: _Word) -> str | None:
    """"city" or "country" for a place the gazetteer knows; None for others (regions,
    alliances, unknown names), which are never compared: one may lie inside the other."""
    if not word.places or len(word.places) != 1:
        return None
    [concept] = word.places
    return "city" if concept in _CITIES else None if concept in _NOT_COUNTRIES else "country"


def _places_at(text: str) -> list[_Word]:
    """The known towns and countries that a text says something happens in or goes to ("in
    Oslo", "nach Wien", "at Lisbon")."""
    return [w for w in _words(text) if _place_kind(w) and _AT_PLACE.search(text[: w.start])]


# A town the gazetteer does not know, by its construction: one capitalised word right after "in"
# without an article ("in Marlow"), that is no month, weekday, office, party or known noun, and in
# German no common noun ("in Betrieb", "in Kraft").
_BARE_IN = re.compile(r"\bin\s+$", re.IGNORECASE)
_NOT_TOWNS = wordset(_fold(
    "betrieb kraft höhe folge richtung zukunft summe frage ordnung sicht kürze haft anspruch "
    "ruhe wirklichkeit verbindung zusammenarbeit absprache abstimmung anwesenheit gegenwart "
    "vertretung planung arbeit auftrag erinnerung gefahr not sorge aussicht besitz bewegung eile "
    "kontakt person teilen anbetracht bezug erwartung zeiten gedenken "
    "parliament congress court office government power charge person total detail general "
    "particular practice public private english german french spanish russian italian"
))


def _towns_at(text: str) -> list[_Word]:
    """The words of a text that name a town the gazetteer does not know where something
    happens: "in NAME", one capitalised word after "in" (see _BARE_IN)."""
    found = []
    for word in _words(text):
        folded = _fold(word.text)
        if not word.capital or word.places or word.nouns or word.events or not _BARE_IN.search(
            text[: word.start]) or re.match(r"\s*[A-ZÄÖÜ]", text[word.end :]):
            continue
        if folded in _MONTHS or folded in _WEEKDAYS or folded in _NOT_TOWNS or _ROLE.fullmatch(
            word.text) or _PARTY.fullmatch(word.text) or word.text.isupper():
            continue
        if _german_text(text) and _GERMAN_NOUN_ENDING.search(folded):
            continue  # "in Planung", "in Sachen": German nouns are capitalised too
        found.append(word)
    return found


def _named(name: _Word, text: str) -> bool:
    """Whether a text names a place word ("Marlow", "Marlows")."""
    return any(w.capital and _similar_names(w.text, name.text) for w in _words(text))


def _other_place(claim: str, place: _Word, evidence: Sequence[str],
                 contexts: Mapping[str, SentenceContext] | None,
                 places_in: Callable[[str], list[_Word]], names_it: Callable[[str], bool],
                 comparable: Callable[[_Word], bool]) -> tuple[str, _Word] | None:
    """The first evidence sentence on the claim's event (one that happens at one place) with the
    other place it gives, where `places_in` finds the places of a text and `comparable` keeps
    those of the claimed place's kind; None when there is none, when the event is not one that
    happens at one place, or when a sentence on the event names the claim's place (`names_it`).
    A recurring event, or one that happens more than once, counts only on the claim's day."""
    whens = _find_dates(claim)
    spans = [(place.start, place.end), *((w.start, w.end) for w in whens),
             *((w.start, w.end) for w in _bare_weekdays(claim, whens))]
    events = _claim_events(claim, spans) & _AT_ONE_PLACE
    if not events:
        return None
    wrong: tuple[str, _Word] | None = None
    for sentence in evidence:
        stated = [] if _RECURRENCE.search(sentence) else places_in(sentence)
        context = (contexts or {}).get(sentence)
        if not stated or not _same_event(claim, sentence, spans, [(p.start, p.end) for p in stated],
                                         context=context.text if context else ""):
            continue
        if names_it(sentence):
            return None  # the sentence names the claim's place too
        of_event = [p for p in _event_dates(events, sentence, stated) if comparable(p)]
        if of_event and wrong is None and (not events - _ONCE or _same_time(claim, sentence)):
            wrong = sentence, of_event[0]
    return wrong


def _check_town(claim: str, evidence: Sequence[str],
                contexts: Mapping[str, SentenceContext] | None) -> CheckResult | None:
    """A town the gazetteer does not know, where an event that happens at one place happened
    ("eröffnet in Marlow"), against the town an evidence sentence on the same event gives in the
    same construction: REFUTED when the evidence uses the claim's name elsewhere for a place of
    its own ("in NAME", "aus NAME") and never together with the other town (a district of it, a
    town in it); NOT_ENOUGH_INFO when the evidence never uses it for a place."""
    claimed = _towns_at(claim)
    if len(claimed) != 1 or _places_at(claim) or _RECURRENCE.search(claim):
        return None
    town = claimed[0]
    wrong = _other_place(claim, town, evidence, contexts, _towns_at,
                         lambda sentence: _named(town, sentence), lambda place: True)
    if wrong is None:
        return None
    sentence, other = wrong
    if any(_named(town, e) and _named(other, e) for e in evidence):
        return None  # the two named together: one may lie in the other
    if any(_similar_names(w.text, town.text) for e in evidence for w in _towns_at(e)) or any(
        re.search(rf"\b(?:aus|nach|bei|near|from)\s+{re.escape(town.text)}\b", e)
        for e in evidence
    ):
        return _result("place", town.text, other.text, Label.REFUTED, sentence,
                       f"The evidence places this event in {other.text}, not in {town.text} as "
                       f"the claim says; it names {town.text} as another place.")
    if any(_named(town, e) for e in evidence):
        return None  # the name stands for something else there ("the Marlow Rovers")
    return _result("place", town.text, other.text, Label.NOT_ENOUGH_INFO, sentence,
                   f"The evidence places this event in {other.text} and never names "
                   f"{town.text}.")


def _same_time(claim: str, sentence: str) -> bool:
    """Whether a claim and a sentence give the same day: the same date, or the claim's weekday
    that the sentence's date falls on."""
    whens = [w for w in _find_dates(sentence) if w.precision == 3 and not w.is_range]
    claimed = [w for w in _find_dates(claim) if w.precision == 3 and not w.is_range]
    if claimed:
        return any(_compare_when(c, w) == "match" for c in claimed for w in whens)
    weekdays = _bare_weekdays(claim, [])
    days = [_day_of(w) for w in whens if w.first[0]]
    return bool(weekdays) and any(d and d.weekday() == weekdays[0].weekday for d in days)


def check_place(claim: str, evidence: Sequence[str],
                contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """The town or country a claim gives for an event that happens at one place ("traf in Wien
    ein", "signed in Paris") against the one an evidence sentence on the same event gives: another
    town for a town, or another country for a country, refutes. Only places the gazetteer knows
    are compared, so a region is never taken for a town in it; a recurring event (a meeting, an
    arrival) only when both give the same day; and a sentence that also names the claim's place,
    or another sentence on the same event that gives it, leaves the claim alone."""
    claimed = _places_at(claim)
    if not claimed:
        return _check_town(claim, evidence, contexts)
    if len(claimed) != 1 or _RECURRENCE.search(claim):
        return None
    place = claimed[0]
    wrong = _other_place(claim, place, evidence, contexts, _places_at,
                         lambda sentence: any(w.places & place.places for w in _words(sentence)),
                         lambda other: _place_kind(other) == _place_kind(place))
    if wrong is None:
        return None
    sentence, other = wrong
    return _result("place", place.text, other.text, Label.REFUTED, sentence,
                   f"The evidence places this event in {other.text}, not in {place.text} as the "
                   "claim says.")


# --- quantities ---------------------------------------------------------------------------------

# Units of measure with their dimension and factor to the dimension's base unit ("names:factor"
# groups); currencies are dimensions of their own, without exchange rates.
_MEASURE_TABLE = {
    "power": "w watt watts:1 kw kilowatt kilowatts:1e3 mw megawatt megawatts:1e6 "
             "gw gigawatt gigawatts:1e9 tw terawatt terawatts:1e12",
    "energy": "kwh kilowattstunden:1e3 mwh megawattstunden:1e6 gwh gigawattstunden:1e9 "
              "twh terawattstunden:1e12",
    "length": "m meter metern metre metres meters:1 km kilometer kilometern kilometre "
              "kilometres kilometers:1e3 cm zentimeter centimetres centimeters:1e-2 "
              "mm millimeter millimetres millimeters:1e-3 meile meilen mile miles:1609.344 "
              "fuss feet foot:0.3048",
    "mass": "kg kilogramm kilogram kilograms:1 g gramm grams:1e-3 t tonne tonnen tonnes:1e3",
    "area": "m² m2 quadratmeter:1 km² km2 quadratkilometer quadratkilometern:1e6 "
            "ha hektar hectares hectare:1e4 acres acre:4046.8564224",
    "volume": "l liter litern litre litres liters:1 ml milliliter:1e-3 kubikmeter:1e3 "
              "barrel barrels:158.987294928",
    "speed": "km/h:1 mph:1.609344 knoten knots:1.852",
    "time": "sekunden seconds:1 minuten minutes:60 stunden hours:3600 tage tagen days:86400 "
            "wochen weeks:604800 monate monaten months:2629800 jahre jahren years:31557600",
    "eur": "euro euros eur €:1", "usd": "dollar dollars usd $:1", "gbp": "£ gbp:1",
}
_MEASURES = {
    name: (dimension, float(factor))
    for dimension, table in _MEASURE_TABLE.items()
    for names, factor in re.findall(r"([^:]+):(\S+)", table)
    for name in names.split()
}
_TEMPERATURE = {"°c": (1.0, 0.0), "°f": (5 / 9, -32 * 5 / 9)}

_QUALIFIER = re.compile(
    r"(?:(?P<well_over>deutlich mehr als|weit mehr als|weit über|deutlich über|well over|"
    r"far more than|significantly more than|well above)"
    r"|(?P<just_over>knapp über|knapp mehr als|etwas mehr als|etwas über|gut|gute|guten|"
    r"just over|slightly more than|a little more than|little more than|a good|just above)"
    r"|(?P<just_under>knapp unter|knapp weniger als|etwas weniger als|just under|"
    r"slightly less than|a little less than|slightly fewer than|just below)"
    r"|(?P<over>mehr als|über|more than|over|upwards of|in excess of|exceeding|above)"
    r"|(?P<at_least>mindestens|wenigstens|at least|no fewer than|no less than)"
    r"|(?P<under>weniger als|unter|less than|fewer than|under|below)"
    r"|(?P<at_most>höchstens|maximal|bis zu|at most|up to|no more than)"
    r"|(?P<nearly>knapp|fast|beinahe|nahezu|nearly|almost|close to|just shy of)"
    r"|(?P<about>rund|etwa|ungefähr|circa|ca\.|zirka|about|around|approximately|roughly|some|"
    r"an estimated|estimated))"
    r"\s+(?:(?:die|the|a|an|ein|eine|einem|einer|einen)\s+)?$",
    re.IGNORECASE,
)


def _folded_keys(table: dict[str, float]) -> dict[str, float]:
    """A table of words with its keys folded like every word compared."""
    return {_fold(word): value for word, value in table.items()}


_FRACTIONS = _folded_keys({
    "hälfte": 1 / 2, "half": 1 / 2, "drittel": 1 / 3, "third": 1 / 3, "thirds": 1 / 3,
    "viertel": 1 / 4, "quarter": 1 / 4, "quarters": 1 / 4, "fünftel": 1 / 5, "fifth": 1 / 5,
    "fifths": 1 / 5, "zehntel": 1 / 10, "tenth": 1 / 10, "tenths": 1 / 10,
})
_ORDINALS = _folded_keys({"zweite": 2, "second": 2, "dritte": 3, "third": 3, "vierte": 4,
                          "fourth": 4, "fünfte": 5, "fifth": 5, "zehnte": 10, "tenth": 10})
_SMALL = _folded_keys({"zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
                       "fünf": 5, "five": 5, "zehn": 10, "ten": 10})
_FRACTION = re.compile(
    r"(?P<count>\b(?:ein|eine|einem|einer|einen|a|an|one|zwei|drei|vier|two|three|four)[\s-]+)"
    r"(?P<frac>Hälfte|half|Drittel|thirds?|Viertel|quarters?|Fünftel|fifths?|Zehntel|tenths?)\b"
    r"|\b(?:die|the)\s+(?P<half>Hälfte|half)\b|\b(?P<half2>half)(?=\s+(?:of|the)\b)"
    r"|\b(?:jede[rsn]?|every)\s+(?P<nth>zweite|dritte|vierte|fünfte|zehnte|second|third|fourth|"
    r"fifth|tenth)\b"
    r"|\b(?:one|eine[rn]?|einer)\s+(?:in|von|out of)\s+(?P<den>two|three|four|five|ten|zwei|"
    r"drei|vier|fünf|zehn|\d+)\b"
    r"|\b(?:die|the|eine|a)\s+(?:absolute\s+)?(?P<majority>Mehrheit|majority)\b",
    re.IGNORECASE,
)
_FACTORS = re.compile(
    r"\b(?P<word>verdoppel\w*|doubled|doubling|verdreifach\w*|tripled|vervierfach\w*|quadrupled|"
    r"verzehnfach\w*|halbiert\w*|halved)\b",
    re.IGNORECASE,
)
_FACTOR_VALUES = {"verdoppel": 2.0, "doubl": 2.0, "verdreifach": 3.0, "tripl": 3.0,
                  "vervierfach": 4.0, "quadrupl": 4.0, "verzehnfach": 10.0, "halbiert": 0.5,
                  "halved": 0.5}
_CHANGE = re.compile(
    r"\b(?P<verb>stieg\w*|gestiegen|wuchs|gewachsen|zugenommen|nahm\w*|steigerte\w*|"
    r"gesteigert|erhöht\w*|sank\w*|gesunken|fiel\w*|gefallen|zurückgegangen|ging\w*|"
    r"verringert\w*|"
    r"rose|risen|increased|grew|grown|climbed|fell|fallen|dropped|declined|decreased|shrank)"
    r"\b[^.;]{0,40}?\b(?:um|by)\s+$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:gestiegen|gewachsen|zugenommen|gesunken|gefallen|zurückgegangen|erhöht|"
    r"verringert|gesteigert)\b)",
    re.IGNORECASE,
)
# A change named by a noun or an adverb before its size ("ein Plus von 6 Prozent", "an increase of
# 4 percent", "attendance was up 9 percent") or by a comparative after it ("6 Prozent mehr als im
# Vorjahr"); "made up 22 percent" is a share, not a change, a loss or a growth rate of a year
# ("Verlust von 4 Millionen", "growth of 3 %") an amount or a rate.
_CHANGE_NOUN = re.compile(
    r"(?:\b(?P<noun>\w*(?:plus|minus|anstieg|zuwachs|rückgang|steigerung)\s+(?:von|um)|"
    r"(?:increase|rise|decrease|decline|drop|fall|jump|gain)\s+of)"
    r"|(?:[,;(]|\b(?:is|are|was|were|be|been))\s+(?P<adverb>up|down))\s+$",
    re.IGNORECASE,
)
_CHANGE_COMPARED = re.compile(
    r"^\s*(?P<word>mehr|weniger|höher|niedriger|more|less|fewer|higher|lower)\s+(?:als|than)\b"
    r"(?!\s*\d)",
    re.IGNORECASE)
_FALLING = re.compile(r"sank|gesunken|fiel|gefallen|zurück|ging|verringert|fell|fallen|dropped|"
                      r"declined|decreased|shrank|weniger|less", re.IGNORECASE)
_FALLING_WORD = re.compile(r"(?:minus|rückgang|decrease|decline|drop|fall|down|weniger|niedriger|"
                           r"less|fewer|lower)$", re.IGNORECASE)
_TOTAL = re.compile(r"\b(?:insgesamt|zusammen|zusammengenommen|gemeinsam|in summe|addiert|"
                    r"summiert\w*|in total|combined|together|altogether|total|totals|"
                    r"total(?:l)?(?:ed|ing))\b", re.IGNORECASE)
_FROM_TO = re.compile(r"\b(?:von|from)\s+$", re.IGNORECASE)
_OF_TOTAL = re.compile(
    r"^\s+(?:(?:von|of|out of|der|aus)\s+(?:den|the|insgesamt|its|their|his|her|seinen|ihren|"
    r"seiner|ihrer|allen|all)?|ihrer|seiner|unserer)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Amount:
    """A quantity as the range of values its wording allows, in the base unit of its kind:
    `low`-`high` what it asserts, `outer_low`-`outer_high` beyond which it is wrong. `per` base
    units make one `label` unit, for showing it."""

    low: float
    high: float
    outer_low: float
    outer_high: float
    unit: str  # "percent", "change%:up", "factor", "power", "noun:soldier", "stem:haus", ...
    text: str
    start: int
    end: int
    per: float = 1.0
    label: str = ""
    written: str = ""  # a figure as the evidence gives it, with its unit

    def shown(self) -> str:
        """The value in words for a rationale: as written, else "9.8 GW", "31 %", "1.9-fold",
        "-2 percentage points"."""
        if self.written:
            return self.written
        value = (self.low + self.high) / 2 / self.per
        if self.unit.startswith(("change%", "delta:")) and self.unit.endswith("down"):
            value = -value  # a fall, written with its sign
        sign = "+" if self.unit.startswith(("change%", "delta:")) and value > 0 else ""
        number = sign + (f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}")
        if self.unit == "factor":
            return f"{number}-fold"
        return f"{number} {'%' if self.unit.startswith('change%') else self.label}".strip()


def _unit_key(unit: str, percent: bool) -> tuple[str, float, float] | None:
    """The kind of a number's unit with the factor and offset to the kind's base unit; None when
    the number has no unit it can be compared by."""
    if percent:
        return "percent", 1.0, 0.0
    folded = _fold(unit)
    if folded in ("prozentpunkte", "prozentpunkten", "percentage"):
        return "points", 1.0, 0.0
    if folded in ("basispunkte", "basispunkten", "basis", "bp", "bps"):
        return "points", 0.01, 0.0
    if folded in _TEMPERATURE:
        return "temperature", *_TEMPERATURE[folded]
    if folded in _MEASURES:
        return _MEASURES[folded][0], _MEASURES[folded][1], 0.0
    nouns = _concepts(folded, _NOUNS)
    if len(nouns) == 1:
        return f"noun:{nouns.pop()}", 1.0, 0.0
    if len(folded) >= 3 and unit[:1].isalpha():
        return f"stem:{_stem(folded)}", 1.0, 0.0
    return None


def _rounding(q: Quantity, rounded: bool, claimed: bool) -> float:
    """Half a unit of the last digit written, for numbers that are `rounded` (percentages,
    measures) or written with decimals or a scale word ("3 Millionen"); 0 for whole counts. A
    `claimed` round number ("1,300", "10.000") is taken as rounded to its last digit that is not
    zero, by at most 5 %."""
    digits = re.search(r"\d+(?:[.,]\d+)*", q.text)
    if digits is None:
        return 0.5 if rounded else 0.0
    token = digits.group(0)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        decimals, written = 0, float(re.sub(r"[.,]", "", token))
    else:
        decimals = len(token.split(",")[-1].split(".")[-1]) if re.search(r"[.,]", token) else 0
        written = float(token.replace(",", "."))
    scale = q.value / written if written else 1.0
    zeros = len(token) - len(token.rstrip("0")) if claimed and not decimals else 0
    if zeros and written:
        return min(0.5 * 10**zeros * scale, 0.05 * q.value)
    if decimals or abs(scale - 1) > 1e-9 or rounded:
        return 0.5 * 10**-decimals * scale
    return 0.0


def _bands(kind: str, value: float, rounding: float, stated: bool = False
           ) -> tuple[float, float, float, float]:
    """What a wording asserts and where it turns wrong, around a positive `value`; for a figure
    the evidence `stated` exactly, just its rounding."""
    tiny = 1e-9 * max(1.0, value)
    inf = float("inf")
    if kind == "exact" and stated:
        return value - rounding, value + rounding, value - rounding, value + rounding
    if kind == "exact":
        inner, outer = max(rounding, 0.005 * value), max(rounding, 0.01 * value)
        return value - inner, value + inner, value - outer, value + outer
    if kind == "about":
        return 0.9 * value - rounding, 1.1 * value + rounding, 0.8 * value, 1.2 * value
    if kind == "fraction":  # "ein Drittel": percentage points either side
        return value - 1.5, value + 1.5, value - 5, value + 5
    if kind == "factor":  # "verdoppelt"
        return 0.95 * value, 1.05 * value, 0.85 * value, 1.15 * value
    return {
        "nearly": (0.9 * value, value, 0.75 * value, value),
        "just_over": (value, 1.1 * value, value, 1.25 * value),
        "just_under": (0.9 * value, value - tiny, 0.75 * value, value - tiny),
        "well_over": (1.1 * value, inf, value + tiny, inf),
        "over": (value + tiny, inf, value + tiny, inf),
        "at_least": (value, inf, value, inf),
        "under": (-inf, value - tiny, -inf, value - tiny),
        "at_most": (-inf, value, -inf, value),
    }[kind]


# A share in words ("knapp 60 Prozent", "rund 40 %") allows a few percentage points, not a share of
# the figure: asserted and outer distance in points.
_POINT_BANDS = {"nearly": (4.0, 8.0), "just_under": (4.0, 8.0), "just_over": (4.0, 8.0),
                "about": (3.0, 6.0)}


def _point_bands(kind: str, value: float, bands: tuple[float, float, float, float]
                 ) -> tuple[float, float, float, float]:
    """The bands of a share in words in percentage points, never wider than those in shares."""
    inner, outer = _POINT_BANDS[kind]
    low, high, outer_low, outer_high = bands
    if kind in ("nearly", "just_under"):
        return max(low, value - inner), high, max(outer_low, value - outer), outer_high
    if kind == "just_over":
        return low, min(high, value + inner), outer_low, min(outer_high, value + outer)
    return (max(low, value - inner), min(high, value + inner), max(outer_low, value - outer),
            min(outer_high, value + outer))


def _wording(text: str, start: int) -> tuple[str, int]:
    """The qualifier that the words before `start` give a number ("mehr als", "knapp", "rund")
    and where it begins; ("exact", start) without one."""
    offset = max(0, start - 40)
    match = _QUALIFIER.search(text[offset:start])
    if match is None or is_worth(text, offset + match.start()):
        return "exact", start
    return next(name for name, value in match.groupdict().items() if value), offset + (
        match.start())


def _number_start(q: Quantity, text: str) -> int:
    """Where the number itself begins, after any comparison words in its span."""
    digits = re.search(r"\d|\b(?:ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|"
                       r"zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                       r"fifty|hundred|thousand|dozen|dutzend)\b",
                       text[q.start : q.end], re.IGNORECASE)
    return q.start + (digits.start() if digits else 0)


def _figure(text: str, q: Quantity, stated: bool) -> _Amount:
    """One figure of a text as an amount: its unit, any change it is the size of ("um 12 Prozent
    gestiegen"), and the range its wording allows."""
    unit, factor, offset = _unit_key(q.unit, q.is_percent) or ("", 1.0, 0.0)
    points = re.match(r"\s*(?:Prozentpunkt\w*|percentage points?|(?P<basis>Basispunkt\w*|"
                      r"basis points?|bps?))\b", text[q.end :], re.IGNORECASE)
    if points:  # basis points: 100 of them make one point of a percentage
        unit, factor, offset = "points", 0.01 if points.group("basis") else 1.0, 0.0
    label = "%" if q.is_percent else q.unit
    measured = unit in ("percent", "temperature", "points") or unit in _MEASURE_TABLE
    follows = points or (re.match(rf"(?:\s+[\w-]+){{0,2}}?\s*{re.escape(q.unit)}",
                                  text[q.end :]) if q.unit and not q.is_percent else None)
    unit_end = q.end + (follows.end() if follows else 0)
    begin = _number_start(q, text)
    change = _CHANGE.search(text[max(0, begin - 60) : begin]) or (
        re.search(r"\b(?:um|by)\s+$", text[max(0, begin - 5) : begin])
        and _CHANGE_AFTER.match(text[unit_end:]))
    named = _CHANGE_NOUN.search(text[max(0, begin - 40) : begin]) or _CHANGE_COMPARED.match(
        text[unit_end:])
    if change or named:
        falling = _FALLING.search(change.group(0)) if change else named and _FALLING_WORD.search(
            next(w for w in named.groups() if w).split()[0])
        direction = "down" if falling else "up"
        unit = f"change%:{direction}" if unit == "percent" else f"delta:{unit}:{direction}"
    rounding = _rounding(q, measured, claimed=not stated)
    kind, begins = _wording(text, begin)
    bands = _bands(kind, q.value * factor + offset, rounding * factor, stated)
    if unit in ("percent", "points") and kind in _POINT_BANDS:
        bands = _point_bands(kind, q.value, bands)
    written = text[begins:unit_end]
    # a measure's words are part of the figure; a counted noun ("Soldaten") says what it is about
    return _Amount(*bands, unit, written, begins, unit_end if measured else q.end, factor, label,
                   written if stated else "")


def _amounts(text: str, stated: bool = False) -> list[_Amount]:
    """The quantities of a text as ranges: figures with their units and wording, fractions in
    words as percentages, and factors ("verdoppelt"); `stated`: as evidence states them. Years,
    dates and numbers in names are not quantities."""
    dates = [(w.start, w.end) for w in _find_dates(text)]
    fractions = list(_FRACTION.finditer(text))
    found = [
        _figure(text, q, stated) for q in find_quantities(text)
        if not q.is_year and not any(s < q.end and q.start < e for s, e in dates)
        and not any(m.start() < q.end and q.start < m.end() for m in fractions)  # "zwei Drittel"
    ]
    for m in fractions:
        share, (kind, begins) = _fraction_value(m), _wording(text, m.start())
        if m.group("majority"):
            kind, share = "over", 0.5
        bands = _bands("fraction" if kind == "exact" else kind, 100 * share, 0.0)
        if kind in _POINT_BANDS:  # "knapp zwei Drittel": a few points below, not a quarter
            bands = _point_bands(kind, 100 * share, bands)
        found.append(_Amount(*bands, "percent", text[begins : m.end()], begins, m.end(),
                             label="%"))
    for m in _FACTORS.finditer(text):
        value = next(v for k, v in _FACTOR_VALUES.items()
                     if _fold(m.group("word")).startswith(_fold(k)))
        kind, begins = _wording(text, m.start())
        bands = _bands("factor" if kind == "exact" else kind, value, 0.0)
        found.append(_Amount(*bands, "factor", text[begins : m.end()], begins, m.end()))
    return _shared_units(text, found)


_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:und|and|or|oder|sowie)?\s*")


def _shared_units(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """Bare numbers listed before a figure with a unit take its unit: "2.1, 3.4 and 2.0 GW"."""
    ordered = sorted(amounts, key=lambda a: a.start)
    for i in range(len(ordered) - 2, -1, -1):
        bare, after = ordered[i], ordered[i + 1]
        if (not bare.unit and after.unit and _LIST_GAP.fullmatch(text[bare.end : after.start])):
            ordered[i] = replace(
                bare, unit=after.unit, per=after.per, label=after.label,
                low=bare.low * after.per, high=bare.high * after.per,
                outer_low=bare.outer_low * after.per, outer_high=bare.outer_high * after.per,
                written=f"{bare.text} {after.label}".strip() if after.label else "")
    return ordered


def _wholes(text: str, amounts: list[_Amount]) -> set[int]:
    """The starts of the figures that are the whole of a part before them ("21 of its 38
    matches", "14 ihrer 30 Spiele"): the event is about the part, not the whole."""
    ordered = sorted(amounts, key=lambda a: a.start)
    return {whole.start for part, whole in zip(ordered, ordered[1:], strict=False)
            if _OF_TOTAL.match(text[part.end : whole.start]) and part.unit in ("", whole.unit)
            and not whole.unit.startswith(("percent", "change", "delta:", "factor"))}


def _parts(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """A claim's figures without the wholes it gives a part of; a part without a unit counts
    what its whole counts."""
    ordered = sorted(amounts, key=lambda a: a.start)
    wholes = _wholes(text, ordered)
    nexts = [*ordered[1:], None] if ordered else []
    return [replace(a, unit=after.unit, label=after.label)
            if after is not None and after.start in wholes and not a.unit else a
            for a, after in zip(ordered, nexts, strict=True) if a.start not in wholes]


def _fraction_value(m: re.Match[str]) -> float:
    """The share that a fraction in words names ("zwei Drittel" = 2/3, "jeder fünfte" = 1/5)."""
    if m.group("frac"):
        count = _SMALL.get(_fold(m.group("count").strip().rstrip("-")), 1)
        return count * _FRACTIONS[_fold(m.group("frac"))]
    if m.group("nth"):
        return 1 / _ORDINALS[_fold(m.group("nth"))]
    if m.group("den"):
        den = m.group("den")
        return 1 / (int(den) if den.isdigit() else _SMALL[_fold(den)])
    return 0.5  # "die Hälfte", "half of"


def _derived(sentence: str, amounts: list[_Amount]) -> list[_Amount]:
    """Figures the evidence gives only implicitly: the change from one figure to another ("von
    40 auf 60": 1.5-fold, +50 %, +20) and a share of a whole ("312 von 900": 34.7 %)."""
    found: list[_Amount] = []
    plain = [a for a in amounts if not a.unit.startswith(("delta:", "change", "factor"))]
    for first in plain:
        for b in plain:
            if b.start <= first.end or b.start - first.end > 60 or first.low <= 0:
                continue
            between = sentence[first.end : b.start]
            text = sentence[first.start : b.end]
            a = first if first.unit or not b.unit else replace(  # "von 40 auf 60 Millionen Euro"
                first, unit=b.unit, per=b.per, low=first.low * b.per, high=first.high * b.per,
                outer_low=first.outer_low * b.per, outer_high=first.outer_high * b.per)
            if a.unit == b.unit and _FROM_TO.search(sentence[max(0, a.start - 8) : a.start]) and (
                re.search(r"\s(?:auf|to)\s+$", between) and len(between.split()) <= 6
            ):
                # from the middle of each figure, as uncertain as the less precise of the two
                a_mid, b_mid = (a.low + a.high) / 2, (b.low + b.high) / 2
                spread = max((a.high - a.low) / 2 / a_mid, (b.high - b.low) / 2 / b_mid)
                ratio = b_mid / a_mid
                low, high = ratio * (1 - spread), ratio * (1 + spread)
                found.append(_Amount(low, high, low, high, "factor", text, a.start, b.end))
                direction = "up" if b_mid > a_mid else "down" if b_mid < a_mid else ""
                if direction:
                    size = abs(ratio - 1) * 100
                    low, high = size - 100 * ratio * spread, size + 100 * ratio * spread
                    found.append(_Amount(low, high, low, high, f"change%:{direction}", text,
                                         a.start, b.end))
                    size = abs(b_mid - a_mid)
                    half = max(a.high - a.low, b.high - b.low) / 2
                    unit, label = ("points", "percentage points") if a.unit == "percent" else (
                        a.unit, b.label)
                    found.append(_Amount(size - half, size + half, size - half, size + half,
                                         f"delta:{unit}:{direction}", text, a.start, b.end,
                                         a.per, label))
            elif _OF_TOTAL.match(between) and a.high < b.low and a.unit in ("", b.unit):
                share = (100 * a.low / b.high, 100 * a.high / b.low)
                found.append(_Amount(*share, *share, "percent", text, a.start, b.end,
                                     label="%"))
    return found


def _figures_differ(claim: str, sentence: str) -> bool:
    """Whether a sentence gives other figures of the claim's kinds (another year's hiring,
    another match's score): then it speaks of another event."""
    stated = _amounts(sentence, stated=True)
    for claimed in _amounts(claim):
        verdicts = [_judge_amount(claimed, s) for s in stated if s.unit and s.unit == claimed.unit]
        if verdicts and all(v == Label.REFUTED for v in verdicts):
            return True
    return False


def _in_unit(amount: _Amount, unit: str) -> _Amount | None:
    """An amount in the claim's kind where the two convert (a factor and a change in percent,
    a rise and a fall), else None."""
    if amount.unit == unit:
        return amount
    kinds = {amount.unit.rsplit(":", 1)[0] if amount.unit.startswith(("change%", "delta:")) else
             amount.unit, unit.rsplit(":", 1)[0] if unit.startswith(("change%", "delta:")) else
             unit}
    if len(kinds) == 1:  # a rise against a fall: the same size with the other sign
        return replace(amount, unit=unit, low=-amount.high, high=-amount.low,
                       outer_low=-amount.outer_high, outer_high=-amount.outer_low)
    if kinds != {"factor", "change%"}:
        return None

    def convert(x: float) -> float:
        if unit == "factor":
            return 1 + (x if amount.unit.endswith("up") else -x) / 100
        return 100 * (x - 1) if unit.endswith("up") else 100 * (1 - x)

    low, high = sorted((convert(amount.low), convert(amount.high)))
    return replace(amount, unit=unit, low=low, high=high, outer_low=low, outer_high=high)


def _judge_amount(claimed: _Amount, stated: _Amount) -> Label | None:
    """SUPPORTED when everything the evidence allows lies within what the claim asserts, REFUTED
    when all of it lies beyond where the claim's wording turns wrong, else None."""
    if claimed.low <= stated.low and stated.high <= claimed.high:
        return Label.SUPPORTED
    if stated.high < claimed.outer_low or stated.low > claimed.outer_high:
        return Label.REFUTED
    return None


def _names_near(sentence: str, amount: _Amount, names: list[_Word]) -> list[_Word]:
    """The name-like words of a sentence nearest to an amount, within its clause."""
    breaks = _clauses(sentence, ())
    same = [w for w in names if not any(
        min(w.start, amount.start) < b <= max(w.start, amount.start) for b in breaks)]
    if not same:
        return []
    nearest = min(abs(w.start - amount.start) for w in same)
    return [w for w in same if abs(w.start - amount.start) == nearest]


def _years(text: str) -> set[int]:
    return {y for w in _find_dates(text) for y in w.years if y}


def _from_list(claimed: _Amount, claim: str, candidates: list[_Amount]
               ) -> tuple[Label, str] | None:
    """Several figures of the claim's kind in one sentence: all agreeing decide; otherwise the
    claim's figure may be their sum ("rund zehn Gigawatt" from 3.2, 4.1 and 2.5 GW), which
    supports, or refutes a claim that says it is a total ("insgesamt", "combined")."""
    verdicts = [_judge_amount(claimed, c) for c in candidates]
    if len(set(verdicts)) == 1 and verdicts[0] == Label.SUPPORTED:
        return Label.SUPPORTED, ", ".join(c.shown() for c in candidates)
    if Label.SUPPORTED in verdicts:
        return None  # one figure fits: the claim may mean that one
    listed = [c for c in candidates if not c.unit.startswith(("delta:", "change", "factor"))]
    if len(listed) < 2:
        return None
    total = replace(listed[0], low=sum(c.low for c in listed), high=sum(c.high for c in listed),
                    written="")
    # the written figures add up to the claim's (45 + 30 = 75), though their roundings widen
    middle = sum((c.low + c.high) / 2 for c in listed)
    summed = (Label.SUPPORTED if claimed.low <= middle <= claimed.high
              else _judge_amount(claimed, total))
    shown = f"{total.shown()} (the sum of {', '.join(c.text for c in listed)})"
    if summed == Label.SUPPORTED or summed == Label.REFUTED and _TOTAL.search(claim):
        return summed, shown
    return None


def _of_claims_clause(claim: str, claim_spans: list[tuple[int, int]], sentence: str,
                      stated: list[_Amount], candidates: list[_Amount]) -> list[_Amount]:
    """Of figures in clauses of their own, each with a word of its own ("der Umsatz auf 612
    Millionen, der Gewinn auf 48 Millionen"), those in the one clause that has a noun or name of
    the claim; all of them when none or several do (the claim may be about their sum) or a
    figure has no word of its own (a list: "3,2, 4,1 und 2,5 GW")."""
    mine = [w for w in _outside(_words(claim), claim_spans) if not _is_unit_word(w)
            and (w.nouns or _is_name_like(w, claim))]
    spans = [(a.start, a.end) for a in stated]
    breaks = [0, *_clauses(sentence, spans), len(sentence)]

    def clause(amount: _Amount) -> tuple[int, int]:
        return (max(b for b in breaks if b <= amount.start),
                min(b for b in breaks if b > amount.start))

    matching: set[tuple[int, int]] = set()
    for amount in candidates:
        start, end = clause(amount)
        words = [w for w in _outside(_words(sentence), spans)
                 if start <= w.start < end and not _is_unit_word(w)]
        if not words:
            return candidates  # a figure without a word of its own: a list
        if any(_word_matches(w, words) for w in mine):
            matching.add((start, end))
    if len(matching) != 1 or len({clause(a) for a in candidates}) < 2:
        return candidates
    return [a for a in candidates if clause(a) in matching]


def _sentence_amount(claimed: _Amount, claim: str, claim_spans: list[tuple[int, int]],
                     sentence: str, years: set[int], context: str = ""
                     ) -> tuple[Label, str] | None:
    """The outcome for one claimed amount from one evidence sentence on the same fact, with the
    evidence's value: the one figure of the claim's kind, or what several of them say."""
    if years and _years(sentence) and not years & _years(sentence):
        return None  # another year's figure
    if _RELATIVE_PERIOD.search(claim) and not years and _years(sentence):
        return None  # "last year", when the time of writing is not known
    stated = _amounts(sentence, stated=True)
    wholes = _wholes(sentence, stated)
    stated += _derived(sentence, stated)
    if not _same_event(claim, sentence, claim_spans, [(a.start, a.end) for a in stated],
                       coverage=0.5, without_event=0.6, any_direction=True, context=context):
        return None
    candidates = list({(f"{c.low:.6g}", f"{c.high:.6g}"): c for a in stated
                       if (c := _in_unit(a, claimed.unit)) is not None
                       and not (a.start in wholes and a.unit == c.unit and a.text == c.text)
                       }.values())
    candidates = _same_side(claimed, claim, sentence, candidates)
    claim_names = [w for w in _words(claim) if _is_name_like(w, claim)]
    # "die SPD auf 31 %, die CDU auf 36 %"; not for a total of several ("zusammen", "combined")
    if len(candidates) > 1 and claim_names and not _TOTAL.search(claim):
        names = _outside([w for w in _words(sentence) if _is_name_like(w, sentence)],
                         [(a.start, a.end) for a in stated])
        near = [c for c in candidates
                if any(_word_matches(n, claim_names) for n in _names_near(sentence, c, names))]
        candidates = near or candidates
    if len(candidates) > 1 and not _TOTAL.search(claim) and not re.search(
        r"\b(?:und|and|sowie|as well as)\b|&", claim
    ):  # "der Umsatz auf 612 Millionen Euro, der Gewinn auf 48 Millionen"; not "A und B"
        candidates = _of_claims_clause(claim, claim_spans, sentence, stated, candidates)
    if len(candidates) == 1:
        verdict = _judge_amount(claimed, candidates[0])
        return (verdict, candidates[0].shown()) if verdict else None
    return _from_list(claimed, claim, candidates) if candidates else None


def _tally_sides(text: str) -> list[tuple[Quantity, Quantity]]:
    """The pairs a text joins as a vote, a change or a range ("41 votes to 26")."""
    return tallies(text, [q for q in find_quantities(text) if not q.is_year])


def _side_of(amount: _Amount, pairs: list[tuple[Quantity, Quantity]]) -> int | None:
    """Which side (0 or 1) of one of the pairs an amount is; None for none."""
    for pair in pairs:
        for side, q in enumerate(pair):
            if q.start < amount.end and amount.start < q.end:
                return side
    return None


def _same_side(claimed: _Amount, claim: str, sentence: str, candidates: list[_Amount]
               ) -> list[_Amount]:
    """Of a sentence's figures, the side of its one vote, change or range that the claimed
    figure is of the claim's ("41 votes to 26" against "41 zu 26 Stimmen": 41 with 41, 26
    with 26); all of them where either text has no such pair or the sentence several."""
    mine, theirs = _tally_sides(claim), _tally_sides(sentence)
    side = _side_of(claimed, mine)
    if side is None or len(theirs) != 1:
        return candidates
    other = theirs[0][side]
    holding = [c for c in candidates if c.start <= other.start < c.end]
    return [max(holding, key=lambda c: c.start)] if holding else candidates


def _claim_years(claim: str, as_of: date | None) -> set[int]:
    """The years a claim's figures are of: those it names, and "last year", "this year", "im
    vergangenen Jahr" counted from the time of writing."""
    years = _years(claim)
    for match in _RELATIVE_PERIOD.finditer(claim):
        if as_of is not None and re.search(r"(?i)\b(?:year|jahr\w*)$", match.group(0)):
            back = re.match(r"(?i)last|previous|past|vergangen|letzt|vorig", match.group(0))
            ahead = re.match(r"(?i)next|coming|kommend|nächst", match.group(0))
            years.add(as_of.year - 1 if back else as_of.year + 1 if ahead else as_of.year)
    return years


def check_quantities(claim: str, evidence: Sequence[str], as_of: date | None = None,
                     contexts: Mapping[str, SentenceContext] | None = None
                     ) -> CheckResult | None:
    """The claim's quantities against the figures of evidence sentences on the same fact, of the
    same kind (unit, with conversions; percentages and fractions in words; changes and factors),
    with the tolerance the claim's wording allows ("rund", "knapp", "gut", "mehr als ein
    Drittel"); a figure can be the sum of figures the evidence lists. REFUTED when one figure is
    wrong, SUPPORTED only when every figure of the claim holds. Numbers in names are not
    quantities; evidence sentences that disagree leave a figure alone."""
    claimed_all = [a for a in _parts(claim, _amounts(claim)) if a.unit]
    years = _claim_years(claim, as_of)
    spans = [(a.start, a.end) for a in claimed_all]
    results: list[CheckResult] = []
    for claimed in claimed_all:
        outcomes: dict[Label, tuple[str, str]] = {}
        for sentence in evidence:
            context = (contexts or {}).get(sentence)
            found = _sentence_amount(claimed, claim, spans, sentence, years,
                                     context.text if context else "")
            if found and found[0] not in outcomes:
                outcomes[found[0]] = (sentence, found[1])
        if len(outcomes) != 1:
            continue
        label, (sentence, value) = outcomes.popitem()
        verb = "fits" if label == Label.SUPPORTED else "does not fit"
        results.append(_result("quantity", claimed.text, value, label, sentence,
                               f"The evidence gives {value}, which {verb} the claim's "
                               f"'{claimed.text}'."))
    refuted = [r for r in results if r.outcome == Label.REFUTED]
    if refuted:
        return refuted[0]
    if results and len(results) == len(claimed_all):  # every figure of the claim holds
        return results[-1] if len(results) == 1 else _result(
            "quantity", "; ".join(r.claim_value for r in results),
            "; ".join(r.evidence_value for r in results), Label.SUPPORTED, results[-1].quote,
            " ".join(r.detail for r in results))
    return None


# --- roles and memberships at a time ------------------------------------------------------------

_SHARED_ROLES = frozenset({"ambassador", "spokesperson"})
_ROLE = re.compile(
    r"(?<![\w-])(?P<prefix>[\w.]+-)?(?P<deputy>stellvertretende[rn]?\s+|vize-?|deputy\s+|"
    r"vice[- ](?!president)|acting\s+|kommissarische[rn]?\s+|interim\s+)?"
    r"(?P<role>" + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(_ROLE_NAMES.values()))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:ehemalige[rnms]?|frühere[rnms]?|einstige[rnms]?|former|one-time|"
                     r"previous|ex-)\s*$", re.IGNORECASE)
_DESIGNATED = re.compile(r"\b(?:designierte[rnms]?|künftige[rnms]?|incoming|future|"
                         r"zukünftige[rnms]?)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_THEN = re.compile(r"\b(?:damalige[rnms]?|then|then-)\s*(?:[\w-]+\s+)?$", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:eine?|einer|einem|einen|a|an|one of the|einer der|eine der)\s+"
                         r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PARTICLES = wordset("de da di van von der den al bin ibn le la du del dos")
_NAME = re.compile(
    r"(?:[^\W\d_][\w'’.-]*|(?:de|da|di|van|von|der|den|al|bin|ibn|le|la|du|del|dos)(?=\s))"
    r"(?:\s+(?:[^\W\d_][\w'’.-]*|(?:de|da|di|van|von|der|den|al|bin|ibn|le|la|du|del|dos)"
    r"(?=\s)))*"
)
_COPULA = (r"(?:ist|war|is|was|wurde|wird|became|will be|will become|serves as|served as|"
           r"has been|had been|bleibt|"
           r"remains|amtiert als|amtierte als|t(?:ook|akes) over as|(?:was|has been) "
           r"(?:appointed|named|elected)(?: as)?)")
# A holder named for an office to come ("NAME wird Geschäftsführerin", "Leiterin wird NAME",
# "NAME will be the sole managing director"): compared only with other holders to come.
_FUTURE = re.compile(r"\b(?:wird|will be|will become)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:ist|is|are|sind|bleibt|remains|serves|amtiert|seit|since|"
                      r"derzeit|currently|current|amtierende\w*|incumbent)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:war|was|were|waren|wurde|became|served|had been|amtierte)\b",
                   re.IGNORECASE)
# Verbs of saying: what follows them is what was said, in a tense of its own.
_REPORTED = re.compile(r"\b(?:said|says|told|added|warned|sagte|sagt|erklärte|betonte|warnte|"
                       r"fügte)\b", re.IGNORECASE)

# Parties, by the forms German and English text names them.
_PARTIES = {
    "spd": r"SPD|Sozialdemokrat(?:en|in|innen)?|Social Democrats?",
    "cdu": r"CDU|Christdemokrat(?:en|in|innen)?|Christian Democrats?", "csu": r"CSU",
    "fdp": r"FDP|Liberalen|Free Democrats?", "afd": r"AfD|Alternative für Deutschland",
    "greens": r"Grünen?|Bündnis 90/Die Grünen|Greens?|Green Party",
    "left": r"Linken?|Linkspartei|Die Linke|Left Party", "bsw": r"BSW",
    "labour": r"Labour(?: Party)?", "conservatives": r"Conservatives?(?: Party)?|Tory|Tories",
    "libdem": r"Liberal Democrats?|Lib Dems?", "snp": r"SNP",
    "democrats": r"Democrats?|Democratic Party|Demokraten",
    "republicans": r"Republicans?|Republican Party|GOP|Republikaner(?:in)?",
    "övp": r"ÖVP", "spö": r"SPÖ", "fpö": r"FPÖ",
    "independent": r"parteilos(?:e[rn]?)?|Independent",  # of no party
}
_PARTY = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{key.replace('ö', 'oe')}>{p})" for key, p in
                                _PARTIES.items()) + r")(?![\w])"
)
# A party's name that names one of its members: "der Sozialdemokrat NAME", "the Democrat NAME",
# "der parteilose NAME" (with the article: without it, "US Republican NAME" may be an adjective).
_PARTY_MEMBER = re.compile(r"(?:Sozial|Christ)demokrat(?:in)?|Democrat|Republican|"
                           r"Republikaner(?:in)?|Conservative|Liberal Democrat|parteilose[rn]?")
_MEMBER_WORDS = (r"(?:Politiker(?:in)?|Abgeordnete[rn]?|Chef(?:in)?|Minister(?:in)?|"
                 r"Kandidat(?:in)?|Mitglied|Fraktionschef(?:in)?|politician|MP|lawmaker|"
                 r"senator|congressman|congresswoman|representative|candidate|member|leader|"
                 r"council+or|Stadtrat|Stadträtin|Ratsmitglied)")


@dataclass(frozen=True)
class _Role:
    """An office as a text names it: what it is, where (country or organisation) and whether
    the person is a deputy."""

    concept: str
    qualifiers: frozenset[str]
    start: int
    end: int
    former: bool
    indefinite: bool
    # the other portfolios of a ministry that has several ("Minister für Wirtschaft, Verkehr und
    # Bauen": economy, also transport and housing); all of a portfolio holder's
    also: frozenset[str] = frozenset()

    def same_kind(self, other: _Role) -> bool:
        """The same kind of office: a portfolio in common for ministers and portfolio holders."""
        if self.concept in _BY_PORTFOLIO or other.concept in _BY_PORTFOLIO:
            return self.concept == other.concept and bool(self.also & other.also)
        return bool(({self.concept} | self.also) & ({other.concept} | other.also))

    def same_office(self, other: _Role) -> bool:
        """The same office in the same country or organisation, or both without saying which."""
        return self.same_kind(other) and self.qualifiers == other.qualifiers


_NOT_QUALIFIERS = wordset(_fold(
    "former ehemalige ehemaliger früherer frühere current acting deputy new neue neuer then "
    "designated designierte designierter amtierende amtierender mr mrs ms dr prof herr frau "
    # words that refer back to a place named elsewhere ("des Landes", "the country's")
    "land landes staat staates stadt country state city region "
    # words that say how or how long someone holds it
    "longtime long-serving outgoing incumbent veteran interim sitting previous sole "
    "alleinige alleiniger "
    # bodies that stand for the one named elsewhere ("the council's portfolio holder")
    "council cabinet"
))
# English verbs that stand before an office without saying what it is of: "became chair".
_NOT_MODIFIERS = wordset("became become becomes remain remains serve serves named names make "
                         "makes being")


def _qualifiers(text: str, start: int, end: int, prefix: str | None) -> frozenset[str]:
    """The country or organisation of an office from the words around it: adjectives and
    possessives before it ("portugiesische", "Germany's", "US-"), a complement after it ("of
    South Korea", "Südkoreas", "der NATO")."""
    found: set[str] = set()
    if prefix:
        folded = _fold(prefix.rstrip("-"))
        found |= _concepts(folded, _PLACES) or {folded}
    left = re.search(r"(?:^|[,;:(]|\b(?:der|die|das|den|dem|des|the|a|an|ein|eine|einer|einem)\b)"
                     r"(?P<left>[^,;:()]*)$", text[:start])
    window = left.group("left") if left else text[max(0, start - 40) : start]
    words = _words(window)
    for word in words:
        if word.places:
            found |= word.places
        elif word.text.endswith(("'s", "’s")) and word.capital:
            found.add(_fold(word.text[:-2]))
        elif word.text.isupper() and len(word.text) > 1 and not _PARTY.fullmatch(word.text):
            found.add(_fold(word.text))  # "US-", "NATO", but a party is no one's office
    adjacent = re.search(r"(?<![\w-])([A-ZÄÖÜ][\w.&-]*)\s+$", text[:start])
    modifier = re.search(r"(?<![\w-])([a-z][a-z-]+)\s+$", text[:start])
    if modifier and not prefix and not _german_text(text) and not (
        _fold(modifier.group(1)) in _STOPWORDS | _NOT_QUALIFIERS | _NOT_MODIFIERS
        or modifier.group(1).endswith("ed")
    ):
        found.add(modifier.group(1))  # what an office is of: "finance director", "museum director"
    if adjacent and not prefix and _fold(adjacent.group(1)) not in _STOPWORDS | _NOT_QUALIFIERS:
        places = _concepts(_fold(adjacent.group(1)), _PLACES)
        # in German a plain word before the office is a name ("war Lena Fischer Ministerin");
        # in English it may be the organisation ("Acme chief executive")
        found |= places or (set() if _german_text(text) else {_fold(adjacent.group(1))})
    after = text[end:]
    complement = re.match(
        r"\s+(?:(?:of|von|des|der|für|for|at|bei)\s+(?:the\s+|dem\s+|den\s+)?)?"
        r"(?P<words>(?:[A-ZÄÖÜ][\w.'’-]*\s*){1,3})", after)
    if complement:
        preposition = not complement.group(0).lstrip()[:1].isupper()
        for word in _words(complement.group("words")):
            if word.places:
                found |= word.places
            elif preposition and word.capital and _fold(word.text) not in _NOT_QUALIFIERS:
                found.add(_fold(word.text))
            else:
                break  # a name follows the office: "Präsidentin Ana Duarte"
    return frozenset(_stem(word) for word in found  # "des Museums" as "Museumsdirektor"
                     if word not in _NOT_QUALIFIERS)


# The portfolio a word of a ministry's or a council portfolio's name stands for ("Minister für
# Wirtschaft, Verkehr und Bauen", "Wirtschafts- und Verkehrsministerin", "Portfolio Holder for
# Highways and Transport"), folded.
_PORTFOLIOS = {
    "verkehr": "transport-minister", "transport": "transport-minister",
    "bau": "housing-minister", "bauen": "housing-minister", "wohnen": "housing-minister",
    "housing": "housing-minister", "arbeit": "labour-minister", "labour": "labour-minister",
    "umwelt": "environment-minister", "environment": "environment-minister",
    "wirtschaft": "economy-minister", "economy": "economy-minister",
    "gesundheit": "health-minister", "health": "health-minister",
    "finanzen": "finance-minister", "finance": "finance-minister",
    "justiz": "justice-minister", "justice": "justice-minister",
    "kultur": "culture-minister", "culture": "culture-minister",
    "wissenschaft": "science-minister", "forschung": "science-minister",
    "science": "science-minister", "familie": "family-minister",
    "landwirtschaft": "agriculture-minister", "agriculture": "agriculture-minister",
    "bildung": "education-minister", "education": "education-minister",
    "highways": "transport-minister", "roads": "transport-minister",
    "planning": "housing-minister",
}


# The portfolio words as `_qualifiers` may give them: folded, stemmed or not.
_PORTFOLIO_STEMS = frozenset(_PORTFOLIOS) | {_stem(word) for word in _PORTFOLIOS}


def _portfolios(text: str, start: int, end: int) -> frozenset[str]:
    """The portfolios a minister's office names besides its first: those listed in it ("für
    Wirtschaft, Verkehr und Bauen") and those joined before it ("Wirtschafts- und
    Verkehrsministerin")."""
    words = re.findall(r"[a-zäöüß]+", _fold(text[start:end]))
    joined = re.search(r"([A-ZÄÖÜ][a-zäöüß]+?)s?-\s+(?:und|and)\s+$",
                       text[max(0, start - 40) : start])
    if joined:
        words.append(_fold(joined.group(1)))
    return frozenset(_PORTFOLIOS[w] for w in words if w in _PORTFOLIOS)


def _held_portfolios(text: str, start: int, end: int) -> frozenset[str]:
    """The portfolios of a council's portfolio holder: the words before the office ("transport
    portfolio holder") and the complement after it ("for Highways and Transport"), a German
    compound's first part ("Verkehrsdezernent")."""
    before = re.search(r"((?:[a-z]+\s+(?:and\s+)?){1,3})$", text[max(0, start - 40) : start])
    after = re.match(r"\s+(?:for|für)\s+((?:[A-ZÄÖÜa-zäöü][\w-]*(?:,\s*|\s+(?:and|und)\s+|"
                     r"\s+)?){1,4})", text[end:])
    words = re.findall(r"[a-zäöüß]+", _fold(" ".join(
        [before.group(1) if before else "", after.group(1) if after else "",
         text[start:end]])))
    compound = re.match(r"(?i)([a-zäöüß]+?)s?(?:dezernent|beigeordnete)", text[start:end])
    if compound:
        words.append(_fold(compound.group(1)))
    return frozenset(_PORTFOLIOS[w] for w in words if w in _PORTFOLIOS)


def _roles(text: str) -> list[_Role]:
    """The offices a text names, German compounds of an office by its head ("Klinikdirektor"
    is a director) where the whole word is no office of its own."""
    spans = [(m, m.start(), m.end(), "") for m in _ROLE.finditer(text)]
    for word in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{3,}(?![\w-])", text):
        if any(s < word.end() and word.start() < e for _, s, e, _ in spans):
            continue
        head = next(((i, m) for i in range(3, len(word.group(0)) - 3)
                     if (m := _ROLE.fullmatch(word.group(0)[i:]))), None)
        if head is not None and not head[1].group("prefix") and not head[1].group("deputy"):
            # what the office is of: "Polizeipräsidentin", "Museumsdirektor"
            spans.append((head[1], word.start(), word.end(), _fold(word.group(0)[: head[0]])))
    found = []
    for match, start, end, modifier in sorted(spans, key=lambda item: item[1]):
        concept = next(name for i, name in enumerate(_ROLE_NAMES) if match.group(f"r{i}"))
        if concept == "ceo" and _PARTY.fullmatch((match.group("prefix") or "").rstrip("-")):
            continue  # "SPD-Chef" leads a party, no company
        if match.group("deputy"):
            concept = f"deputy-{concept}"
        before = text[:start]
        qualifiers = _qualifiers(text, start, end, match.group("prefix"))
        if modifier and modifier not in _NOT_QUALIFIERS:
            qualifiers |= {_stem(modifier)}
        if concept in _BY_PORTFOLIO:
            also = _held_portfolios(text, start, end)
            if not also:
                continue  # a portfolio holder for what: not an office to compare
            qualifiers -= _PORTFOLIO_STEMS  # "transport portfolio holder": the portfolio
        elif concept.endswith("-minister"):
            also = _portfolios(text, start, end) - {concept}
        else:
            also = frozenset()
        found.append(_Role(concept, qualifiers, start, end, bool(_FORMER.search(before)),
                           bool(_INDEFINITE.search(before)), also))
    return found


def _clean_name(raw: str) -> str:
    """A person's name from a run of words: capitalised words and name particles, without
    function words, offices, months and weekdays; "" when none is left."""
    words: list[str] = []
    tokens = raw.split()
    for at, token in enumerate(tokens):
        folded = _fold(token.strip(".,"))
        if folded in _PARTICLES and words:
            words.append(token)
            continue
        following = tokens[at + 1] if at + 1 < len(tokens) and token[-1:] not in ".," else ""
        # a month's name is a first name before a surname ("Jan Ott") or a surname after a
        # first name ("Theresa May"), else a date's month
        month = folded in _MONTHS and not (following[:1].isupper() and _fold(following.strip(
            ".,")) not in _MONTHS | _WEEKDAYS.keys() | {"dr", "prof"}) and not (
            words and not re.match(r"\d", following))
        if not token[:1].isupper() or folded in _STOPWORDS or month or (
            folded in _WEEKDAYS or _ROLE.fullmatch(token) or _PARTY.fullmatch(token)
            or _concepts(folded, _PLACES)
        ):
            break
        words.append(token.strip(".,"))
    while words and _fold(words[-1]) in _PARTICLES:
        words.pop()
    return " ".join(words)


def _name_after(text: str, end: int) -> str:
    """The name right after an office ("Außenministerin Annalena Baerbock"), past a complement
    ("Präsident Südkoreas Yoon Suk Yeol", "mayor of Springfield, Jane Doe")."""
    rest = text[end:]
    # the office first: "Klinikdirektorin ist seit April 2021 Dr. Miriam Vogt", "Leiterin des
    # Museums ist ab dem 1. Mai Dr. NAME"
    inverted = re.match(r"(?:\s+(?:des|der|von|of)\s+(?:the\s+)?[\w-]+(?:\s+[A-ZÄÖÜ][\w-]*)*?)?"
                        rf"\s+{_COPULA}\s+(?:(?:seit|since|ab|bis|until)\s+(?:[\w.]+\s+){{0,3}}"
                        r"\d{4},?\s+)?"
                        r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)*(?=[A-ZÄÖÜ])", rest, re.IGNORECASE)
    if inverted:
        rest = rest[inverted.end() :]
    then = re.match(r"\s*,?\s+(?:at the time|then|damals|zu dieser zeit),\s*", rest, re.IGNORECASE)
    if then:
        rest = rest[then.end() - 1 :]
    complement = re.match(r"\s+(?:of|von|des|der|for|für)\s+[^,;()]{1,40}?,\s*", rest) or (
        re.match(r"\s+(?:[A-ZÄÖÜ][\w-]*\s+)(?=[A-ZÄÖÜ])", rest))
    if complement and (complement.group(0).rstrip().endswith(",") or any(
        w.places for w in _words(complement.group(0)))):
        rest = rest[complement.end() :]
    match = _NAME.match(rest.lstrip(" ,"))
    return _clean_name(match.group(0)) if match else ""


# A capitalised German adjective of a place before an office ("Bayerischer", "Niedersächsische").
_PLACE_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][\w-]{3,}isch(?:e|er|en|es|em)")


def _name_before(text: str, start: int) -> str:
    """The name of a clause's subject before an office: "NAME, die Außenministerin" or "NAME
    ist/war ... Außenministerin"."""
    # an aside between the subject and its verb is left out: "NAME, a member of P, has been"
    head = re.sub(rf",[^,;]*,\s*(?=(?:{_COPULA})\s)", " ", text[:start], flags=re.IGNORECASE)
    apposition = re.search(r"(?P<name>(?:[^\W\d_][\w'’.-]*\s+){0,3}[^\W\d_][\w'’.-]*)"
                           r"(?:\s+\([^)]*\))?,\s+"  # "NAME (SPD), Ministerin für ..."
                           r"(?:(?:der|die|the|a|an|ein|eine)\s+)?(?:[\w'’-]+\s+){0,3}$", head)
    copula = re.search(rf"(?P<name>(?:[^\W\d_][\w'’.-]*\s+){{0,3}}[^\W\d_][\w'’.-]*)\s+"
                       rf"(?:\([^)]*\)\s+)?{_COPULA}\s+(?:(?:[^,;.]|(?<=\d)\.)*?\s)?$", head,
                       re.IGNORECASE)  # "NAME ist seit dem 1. März 2025 Chefin"
    inverted = re.search(rf"\b{_COPULA}\s+(?P<name>(?:[^\W\d_][\w'’.-]*\s+){{1,4}})"
                         r"(?:[\w'’-]+\s+){0,3}$", head, re.IGNORECASE)
    for match in (apposition, copula, inverted):
        if match:
            words = match.group("name").split()
            while words and _clean_name(" ".join(words)) != " ".join(words):
                words.pop(0)  # drop the words before the name: "Seit 2021 ist ..."
            while len(words) > 1 and _PLACE_ADJECTIVE.fullmatch(words[-1]):
                words.pop()  # "ist NAME Niedersächsischer Minister": the office's, not the name's
            if words:
                return " ".join(words)
    return ""


def _person(a: str, b: str) -> str:
    """Whether two names are the "same" person, "different" people, or "unknown"."""

    def tokens(name: str) -> list[str]:
        return [_fold(t).replace("w", "v").replace("j", "y") for t in re.split(r"[\s-]+", name)
                if t and _fold(t) not in _PARTICLES]

    def similar(x: str, y: str) -> bool:
        return x == y or min(len(x), len(y)) >= 6 and SequenceMatcher(None, x, y).ratio() >= 0.85

    mine, theirs = tokens(a), tokens(b)
    if not mine or not theirs:
        return "unknown"
    shorter, longer = sorted((mine, theirs), key=len)
    matched = sum(any(similar(x, y) for y in longer) for x in shorter)
    if matched == 0:
        return "different"
    return "same" if matched == len(shorter) else "unknown"


@dataclass(frozen=True)
class _Tenure:
    """What a sentence says about a person in an office: the days on which they certainly held
    it (`held`, None when no date is given), or that they held it at the time of writing
    (`present`), or no longer do (`former`)."""

    name: str
    role: _Role
    held: tuple[date, date] | None
    present: bool
    quote: str
    interval: str
    future: bool = False


def _tenure_dates(sentence: str, role: _Role, name_at: int) -> tuple[tuple[date, date] | None,
                                                                      str, bool]:
    """The days a sentence's dates say an office was certainly held, the dates as written, and
    whether they leave it open ("seit")."""
    low, high = min(role.start, name_at), max(role.end, name_at)
    breaks = _clauses(sentence, [(w.start, w.end) for w in _find_dates(sentence)])
    start = max([b for b in breaks if b <= low], default=0)
    end = min([b for b in breaks if b > high], default=len(sentence))
    whens = [w for w in _find_dates(sentence) if start <= w.start < end or (
        sentence[w.start - 1 : w.start] == "(" and w.start - high < 20)]
    since = next((w for w in whens if w.relation == "since"), None)
    until = next((w for w in whens if w.relation == "until"), None)
    ranges = [w for w in whens if w.relation == "at" and w.is_range]
    points = [w for w in whens if w.relation == "at" and not w.is_range]
    text = ", ".join(_with_preposition(sentence, w) for w in whens)
    if ranges:
        span = _span(ranges[0], 0) if ranges[0].first[0] and ranges[0].last[0] else None
        if span:  # certainly held from the end of the first period to the start of the last
            first = _span(replace(ranges[0], last=ranges[0].first), 0)
            last = _span(replace(ranges[0], first=ranges[0].last), 0)
            if first and last and first[1] <= last[0]:
                return (first[1], last[0]), text, False
        return None, text, False
    if since and since.last[0]:
        opened = _span(since, 0)
        closed = _span(until, 0) if until and until.last[0] else None
        if opened and closed:
            return (opened[1], closed[0]), text, False
        if opened:
            return (opened[1], date.max), text, True
    if points and not since and not until and points[0].last[0] and points[0].precision >= 2:
        return _span(points[0], 0), text, False
    return None, text, bool(since)


def _with_preposition(text: str, when: _When) -> str:
    """A date as written with the word that relates it ("seit Dezember 2021", "from 2017 to
    2022")."""
    before = re.search(r"\b(?:seit|since|bis|until|von|vom|from|zwischen|between|ab)\s+$",
                       text[max(0, when.start - 12) : when.start], re.IGNORECASE)
    return (before.group(0) if before else "") + when.text


def _tenures(sentence: str) -> list[_Tenure]:
    """Who holds which office when, as a sentence says it."""
    found = []
    for role in _roles(sentence):
        for name, name_at in ((_name_after(sentence, role.end), role.end),
                              (_name_before(sentence, role.start), role.start)):
            if not name:
                continue
            held, written, open_end = _tenure_dates(sentence, role, name_at)
            clause = sentence[max(0, role.start - 60) : role.end + 60]
            reported = _REPORTED.search(sentence, role.end, role.end + 60)
            if reported:  # "NAME said the reserves were healthy": not the office's tense
                clause = sentence[max(0, role.start - 60) : reported.start()]
            present = not role.former and (open_end or held is None and (
                bool(_PRESENT.search(clause)) or not _PAST.search(clause)))
            at = sentence.find(name, role.end) if name_at == role.end else sentence.rfind(
                name, 0, role.start)
            between = sentence[min(at, role.end) : max(at, role.start)] if at >= 0 else ""
            found.append(_Tenure(name, role, held, present, sentence, written,
                                 bool(_FUTURE.search(between))))
            break
    return found


def office_phrase(claim: str) -> str | None:
    """The words that name one person in an office, where a claim says more than that ("Im
    Plenum warb Verkehrsministerin NAME um Zustimmung" -> "Verkehrsministerin NAME"), so that
    evidence on the office can be looked up on its own; None for no such office or several."""
    tenures = _tenures(claim)
    if len(tenures) != 1:
        return None
    role, name = tenures[0].role, tenures[0].name
    at = claim.find(name)
    if at < 0:
        return None
    start, end = min(role.start, at), max(role.end, at + len(name))
    phrase = claim[start:end].strip(" ,.;")
    return phrase if phrase != claim.strip(" ,.;") else None


@dataclass(frozen=True)
class _RoleClaim:
    """A claim that a person held an office at a time: `when` the days in question, or None
    for the present (the date `as_of`) or, `ever`, for some time in the past."""

    name: str
    role: _Role
    when: tuple[date, date] | None
    ever: bool
    text: str
    future: bool = False


def _role_claim(claim: str, as_of: date | None) -> _RoleClaim | None:
    """The office a claim says someone holds, with the time it says so for."""
    tenures = _tenures(claim)
    if len(tenures) != 1:
        return None
    tenure = tenures[0]
    before = claim[max(0, tenure.role.start - 30) : tenure.role.start]
    if tenure.role.former or _DESIGNATED.search(before):
        return None  # a former or future holder: no claim about the time in question
    whens = [w for w in _find_dates(claim) if w.relation == "at" and w.last[0]]
    when = _span(whens[0], 0) if len(whens) == 1 else tenure.held
    ever = when is None and (not tenure.present and bool(_PAST.search(claim)) or bool(
        _THEN.search(before)))
    if when is None and not ever and as_of is not None:
        when = (as_of, as_of)
    time = f" ({', '.join(w.text for w in whens)})" if len(whens) == 1 else ""
    text = f"{tenure.name} as {claim[tenure.role.start : tenure.role.end]}{time}"
    return _RoleClaim(tenure.name, tenure.role, when, ever, text, tenure.future)


_OPEN_END = date(9999, 12, 31)


def _other_start(tenure: _Tenure, claimed: _RoleClaim) -> bool:
    """Whether the claim and the evidence both say since when someone holds an office ("seit
    2018", "since 2020") and name different years."""
    return (claimed.when is not None and claimed.when[1] == _OPEN_END
            and tenure.held is not None and tenure.held[1] == _OPEN_END
            and claimed.when[0].year != tenure.held[0].year)


def _covers(tenure: _Tenure, claimed: _RoleClaim) -> bool:
    """Whether a tenure certainly covers the time the claim is about."""
    if claimed.ever:
        return True
    if claimed.when is None:
        return tenure.present
    if tenure.held is None:
        return tenure.present and claimed.when[0] == claimed.when[1]  # the present, as_of
    return tenure.held[0] <= claimed.when[0] and claimed.when[1] <= tenure.held[1]


def _describe_tenure(tenure: _Tenure) -> str:
    return f"{tenure.name}{f' ({tenure.interval})' if tenure.interval else ''}"


def _within(role: _Role, claimed: _Role) -> bool:
    """Whether an office the evidence names is one the claim names less precisely: the same
    kind, with the claim's qualifiers among its own ("der Hafengesellschaft" within "der
    Brennstedter Hafengesellschaft")."""
    return role.same_kind(claimed) and claimed.qualifiers <= role.qualifiers


# Taking over an office from someone: "folgt auf NAME", "löst NAME ab", "Nachfolgerin von NAME",
# "succeeding NAME", "replaces NAME", "took over from NAME".
_SUCCEEDS = re.compile(
    r"\b(?:folgt(?:e)?\s+(?:damit\s+|nun\s+)?auf|löst(?:e)?|Nachfolger(?:in)?\s+(?:von|des|der)|"
    r"succeed(?:s|ed|ing)|replac(?:es|ed|ing)|t(?:ook|akes|aking)\s+over\s+"
    r"(?:as\s+[^,;]{1,60}?\s+)?from|"
    r"successor\s+to)\s+(?:(?:the|den|dem|die|der)\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Succession:
    """A person who held an office until `successor` held it (from `successor.held[0]` on)."""

    predecessor: str
    successor: _Tenure


# The end of a sentence: not a day ("am 1. Juli") or a title ("Dr. NAME").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][.!?])(?<!\bDr\.)(?<!\bProf\.)(?<!\bSt\.)\s+"
                           r"(?=[„\"“«]?[A-ZÄÖÜ])")


def _sentence_before(sentence: str, context: SentenceContext | None) -> str:
    """The sentence before `sentence` in its passage, where "she" or "er" is named."""
    at = context.text.find(sentence) if context else -1
    if at <= 0 or context is None:
        return ""
    return _SENTENCE_END.split(context.text[:at].rstrip())[-1]


def _successions(sentence: str, context: SentenceContext | None) -> list[_Succession]:
    """Who took over an office from whom, as a sentence says it, with the dated tenure of the
    successor in the sentence itself or, when a pronoun names the successor ("Sie folgt auf
    NAME", "She succeeds NAME"), in the sentence before."""
    found = []
    for match in _SUCCEEDS.finditer(sentence):
        rest = sentence[match.end() :]
        office = _ROLE.match(rest)  # "folgt auf Geschäftsführer NAME"
        words = _NAME.match(rest[office.end() :].lstrip() if office else rest)
        name = _clean_name(words.group(0)) if words else ""
        if not name:
            continue
        holders = [t for t in _tenures(sentence) if t.role.start < match.end()]
        if not holders and re.match(r"\s*(?:Sie|Er|She|He)\b", sentence):
            holders = _tenures(_sentence_before(sentence, context))
        holders = [t for t in holders if t.held and _person(t.name, name) == "different"]
        if len(holders) == 1:
            found.append(_Succession(name, holders[0]))
    return found


def check_role(claim: str, evidence: Sequence[str], as_of: date | None = None,
               contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """An office a claim says someone held at a time (from the claim's date, else `as_of`, else
    any time for a past-tense claim) against evidence that names holders of the same office, in
    the same country or organisation, with dates: REFUTED when another person certainly held an
    office that has one holder at a time then, or had taken it over from the person before then;
    SUPPORTED when the person's own tenure covers the time, NOT_ENOUGH_INFO when the evidence
    calls the person a former holder of it. The person's own office may be named more precisely
    in the evidence ("Vorsitzende der Stiftung" of "Vorsitzende der Stiftung Hafenkultur"), and
    for the year it began ("since 2021") also without saying of what ("mayor" of "mayor of
    Springfield"), when it is the only office of its kind the evidence gives them."""
    claimed = _role_claim(claim, as_of)
    if claimed is None:
        return None
    found = [(sentence, replace(tenure, quote=sentence)) for sentence in evidence
             for tenure in _tenures(_with_referent(sentence, contexts))
             if tenure.future == claimed.future]
    kinds = {t.role.qualifiers for _, t in found if t.role.qualifiers
             and t.role.same_kind(claimed.role) and _person(t.name, claimed.name) == "same"}
    own: _Tenure | None = None  # the person's own tenure that covers the claim's time
    own_former: _Tenure | None = None
    other: _Tenure | None = None  # the newest one of another person that does
    elsewhere = False  # the person in an office of this kind in a named country or organisation
    for sentence, tenure in found:
        relation = _person(tenure.name, claimed.name)
        same_office = tenure.role.same_office(claimed.role)
        only_one = relation == "same" and len(kinds) <= 1 and _within(tenure.role, claimed.role)
        if relation == "same" and not same_office:
            elsewhere = elsewhere or tenure.role.same_kind(claimed.role)
            same_office = bool(claimed.role.qualifiers) and _within(tenure.role, claimed.role)
        if (same_office or only_one) and relation == "same" and claimed.when and _other_start(
            tenure, claimed
        ):
            return _result("role", claimed.text, _describe_tenure(tenure), Label.REFUTED,
                           sentence, f"The evidence has {tenure.name} in this office "
                           f"{tenure.interval}, not since {claimed.when[0].year}.")
        if not same_office:
            continue
        if relation == "same" and not tenure.role.former and _covers(tenure, claimed):
            own = own or tenure
        if relation == "same" and tenure.role.former:
            own_former = own_former or tenure
        unique = claimed.role.concept not in _SHARED_ROLES and not claimed.role.indefinite
        if relation == "different" and unique and not tenure.role.former and (
            not claimed.ever and _covers(tenure, claimed)
        ) and (other is None or _newer(tenure, other, contexts)):
            other = tenure
    if elsewhere and not claimed.role.qualifiers:
        other = None  # the person holds such an office elsewhere: the other may hold another
    if own is not None and not (other is not None and _newer(other, own, contexts)):
        return _result("role", claimed.text, _describe_tenure(own), Label.SUPPORTED,
                       own.quote, f"The evidence names {own.name} in this office "
                       f"{_when_words(own)}, which covers the claim's time.")
    if other is not None and other.future:
        return _result("role", claimed.text, _describe_tenure(other), Label.REFUTED, other.quote,
                       f"The evidence names {other.name} as the one to take this office, not "
                       f"{claimed.name}.")
    if other is not None:
        return _result("role", claimed.text, _describe_tenure(other), Label.REFUTED, other.quote,
                       f"The evidence names {other.name} in this office "
                       f"{_when_words(other)}, at the claim's time, not {claimed.name}.")
    succeeded = _succeeded(claimed, evidence, contexts)
    if succeeded is not None:
        return succeeded
    if own_former is not None and claimed.when is not None and not claimed.ever:
        return _result("role", claimed.text, _describe_tenure(own_former), Label.NOT_ENOUGH_INFO,
                       own_former.quote, f"The evidence calls {claimed.name} a former holder of "
                       "this office.")
    return None


# A pronoun for the subject: "Er ist seit 2025 Minister", "Seit 2025 ist sie Ministerin".
_PRONOUN_SUBJECT = re.compile(r"^(?P<first>Er|Sie|He|She)(?=\s)|"
                              r"\b(?:ist|war|wurde|bleibt)\s+(?P<after>er|sie)\b|"
                              r"(?<=[\d,]\s)(?P<fronted>he|she)(?=\s+(?:has|is|was|became)\b)")


def _with_referent(sentence: str, contexts: Mapping[str, SentenceContext] | None) -> str:
    """An evidence sentence whose subject is "er"/"she" with the person it refers to in its
    place, where its context names one: a document titled with a person's name ("Jens Brockmann
    (Politiker)"), else the one person named in full in the sentence before; else as it is."""
    pronoun = _PRONOUN_SUBJECT.search(sentence)
    context = contexts.get(sentence) if contexts else None
    if pronoun is None or context is None:
        return sentence
    title = re.sub(r"\s*\([^)]*\)", "", context.text.split(". ", 1)[0]).strip()
    words = re.split(r"\s+[–-]\s+", title)[0].split()  # "Dr Priya Raman – staff profile"
    while len(words) > 2 and not is_first_name(words[0]):
        words.pop(0)  # "Councillor", "Dr", "Prof."
    named = " ".join(words)
    people = [named] if 2 <= len(words) <= 3 and _clean_name(named) == named and (
        is_first_name(words[0])) else []
    if not people:
        before = _sentence_before(sentence, context)
        people = list(dict.fromkeys(m.group(1) for m in re.finditer(
            r"(?=\b([A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][\w-]+))", before)
            if is_first_name(m.group(1).split()[0])))
    if len(people) != 1:
        return sentence
    group = next(g for g in ("first", "after", "fronted") if pronoun.group(g))
    return sentence[: pronoun.start(group)] + people[0] + sentence[pronoun.end(group) :]


def _known_since(tenure: _Tenure, contexts: Mapping[str, SentenceContext] | None
                 ) -> date | None:
    """Since when the evidence knows of a tenure: the day it began where a date is given, else,
    for an office held at the time of writing, the day its document was published."""
    if tenure.held is not None:
        return tenure.held[0]
    context = contexts.get(tenure.quote) if contexts else None
    return context.published if tenure.present and context else None


def _newer(first: _Tenure, second: _Tenure, contexts: Mapping[str, SentenceContext] | None
           ) -> bool:
    """Whether the evidence knows of `first` from a later day than of `second` (both known)."""
    a, b = _known_since(first, contexts), _known_since(second, contexts)
    return a is not None and b is not None and a > b


def _succeeded(claimed: _RoleClaim, evidence: Sequence[str],
               contexts: Mapping[str, SentenceContext] | None) -> CheckResult | None:
    """REFUTED when the evidence has someone take over the claimed office from the person before
    the claim's time; the claim may name the office less precisely than the evidence."""
    if claimed.when is None or claimed.ever or claimed.role.concept in _SHARED_ROLES:
        return None
    for sentence in evidence:
        for succession in _successions(sentence, (contexts or {}).get(sentence)):
            successor = succession.successor
            if (successor.held and successor.held[0] <= claimed.when[0]
                    and _person(succession.predecessor, claimed.name) == "same"
                    and _within(successor.role, claimed.role)):
                return _result("role", claimed.text, _describe_tenure(successor), Label.REFUTED,
                               sentence, f"The evidence has {successor.name} take over this "
                               f"office from {claimed.name} ({successor.interval}), before the "
                               "claim's time.")
        for name, role, ended, written in _endings(sentence):
            if (ended < claimed.when[0] and _person(name, claimed.name) == "same"
                    and _within(role, claimed.role)):
                return _result("role", claimed.text, f"{name} (until {written})", Label.REFUTED,
                               sentence, f"The evidence has {name} leave this office "
                               f"({written}), before the claim's time.")
    return None


# Leaving an office: "NAME stepped down as ROLE", "NAME resigned as ROLE", "NAME trat am DATE als
# ROLE zurück", "NAME legte sein Amt als ROLE nieder" (the particle after the office).
_LEFT_AS = re.compile(
    r"(?P<name>(?:[A-ZÄÖÜ][\w'’.-]*\s+){1,3})(?:has\s+|had\s+)?(?:stepped down|stood down|"
    r"resigned|retired|quit)\s+as\s+(?:the\s+|its\s+)?$"
    r"|(?P<name2>(?:[A-ZÄÖÜ][\w'’.-]*\s+){1,3})(?:trat|tritt|ist|war|legte)\s+"
    r"(?:[\w.]+\s+){0,8}?als\s+$"
)


def _endings(sentence: str) -> list[tuple[str, _Role, date, str]]:
    """Who left which office by when, as a sentence says it: the person, the office, the last
    day they may still have held it, and the date as written."""
    found = []
    for role in _roles(sentence):
        match = _LEFT_AS.search(sentence[: role.start])
        if match is None:
            continue
        rest = sentence[role.end : role.end + 80]
        if match.group("name2") and not re.match(
                r"[^,;.]*?\b(?:zurück(?:getreten)?|nieder(?:gelegt)?|ausgeschieden|aus)\b", rest):
            continue  # "war ... als Ministerin" without leaving it
        name = _clean_name(match.group("name") or match.group("name2"))
        whens = [w for w in _find_dates(sentence) if w.relation == "at" and not w.is_range]
        span = _span(whens[0], 0) if len(whens) == 1 and whens[0].last[0] else None
        if name and span:
            found.append((name, role, span[1], whens[0].text))
    return found


def _when_words(tenure: _Tenure) -> str:
    if tenure.interval:
        return f"({tenure.interval})"
    return "at the time of writing" if tenure.present else "(undated)"


# The words before a party that make a person its member: "NAME ist Mitglied der", "NAME is a
# member of the", "NAME gehört der", "NAME von der", "NAME, a member of the".
_MEMBER_BEFORE = re.compile(
    rf"(?P<name>(?:[^\W\d_][\w'’.-]*\s+){{1,4}})(?:{_COPULA}\s+|gehört\s+|belongs to\s+)"
    r"(?:(?:ein|eine|a|an)\s+)?(?:Mitglied|member)?\s*(?:der|des|of|the|of the|to the)?\s*$"
    r"|(?P<name2>(?:[^\W\d_][\w'’.-]*\s+){1,4})(?:von der|von den|of the|from the)\s+$"
    r"|(?P<name3>(?:[^\W\d_][\w'’.-]*\s+){0,3}[^\W\d_][\w'’.-]*),\s+"
    r"(?:ein|eine|a|an)\s+(?:Mitglied|member)\s+(?:der|des|of the|of)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Membership:
    """A person named with a party."""

    name: str
    party: str
    party_text: str
    former: bool


def _memberships(text: str) -> list[_Membership]:
    """People named with their party: "SPD-Politiker NAME", "NAME (SPD)", "NAME ist Mitglied der
    SPD", "Labour MP NAME", "NAME of the Labour Party"."""
    found = []
    for match in _PARTY.finditer(text):
        party = next(k for k, v in match.groupdict().items() if v).replace("oe", "ö")
        before, after = text[: match.start()], text[match.end() :]
        former = bool(re.search(r"\b(?:ehemalige[rnms]?|frühere[rnms]?|former|ex-)\s*"
                                r"(?:[\w-]+\s+)?$", before, re.IGNORECASE)) or bool(
            re.search(r"\b(?:aus|left|quit|verließ|austrat|ausgetreten)\b",
                      text[max(0, match.start() - 30) : match.end() + 30], re.IGNORECASE))
        name = ""
        # "SPD-Politikerin", "Republican Senator", and in German any office after the party's
        # name and a hyphen ("CDU-Landrätin")
        title = re.match(rf"(?:-|\s+)(?i:{_MEMBER_WORDS})\b\s*|-[A-ZÄÖÜ][a-zäöüß]+\s+", after)
        aside = re.search(r"(?P<name>(?:[^\W\d_][\w'’.-]*\s+){0,3}[^\W\d_][\w'’.-]*),\s+"
                          r"(?:a|an|ein|eine|einer|der|die)\s+$", before)
        member = _MEMBER_BEFORE.search(before)
        if title and _name_after(after, title.end()):
            name = _name_after(after, title.end())  # "SPD-Politikerin NAME"
        elif title and aside:
            name = _name_before_paren(aside.group("name"))  # "NAME, a Labour councillor"
        elif aside and re.match(r"\s*(?:[,;)]|$)", after):
            name = _name_before_paren(aside.group("name"))  # "NAME, a Democrat, said"
        elif _PARTY_MEMBER.fullmatch(match.group(0)) and _name_after(after, 0) and re.search(
            r"\b(?:der|die|dem|den|the)\s+$", before, re.IGNORECASE
        ):
            name = _name_after(after, 0)  # "der Sozialdemokrat NAME", "the Democrat NAME"
        elif re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
            name = _name_before_paren(before)
        elif member:
            # the name after an office that opens the subject ("Bürgermeister Jan Ott ist")
            words = next(g for g in member.groups() if g).split()
            offices = [at for at, word in enumerate(words) if _ROLE.fullmatch(word)]
            name = _clean_name(" ".join(words[offices[-1] + 1 :] if offices else words))
        if name:
            found.append(_Membership(name, party, match.group(0), former))
    return found


def _name_before_paren(before: str) -> str:
    """The name before "(SPD)"."""
    words = before.rstrip(" (").split()[-4:]
    while words and _clean_name(" ".join(words)) != " ".join(words):
        words.pop(0)
    return " ".join(words)


def check_membership(claim: str, evidence: Sequence[str], as_of: date | None = None
                     ) -> CheckResult | None:
    """A party a claim gives a person, for the present (as_of) or without a date, against the
    party the evidence names the person with: another party refutes, the same supports. Former
    memberships and claims about a dated past are left alone."""
    claimed = _memberships(claim)
    if len(claimed) != 1 or claimed[0].former or any(  # "since 2021" reaches the present
        w.last[0] for w in _find_dates(claim)
        if w.relation != "since" and (as_of is None or w.last[0] != as_of.year)
    ):
        return None
    mine = claimed[0]
    outcomes: dict[Label, _Membership] = {}
    quotes: dict[Label, str] = {}
    for sentence in evidence:
        for stated in _memberships(sentence):
            if stated.former or _person(stated.name, mine.name) != "same":
                continue
            label = Label.SUPPORTED if stated.party == mine.party else Label.REFUTED
            outcomes.setdefault(label, stated)
            quotes.setdefault(label, sentence)
    if len(outcomes) != 1:
        return None
    label, stated = outcomes.popitem()
    verb = "as" if label == Label.SUPPORTED else "not"
    return _result("role", f"{mine.name} ({mine.party_text})",
                   f"{stated.name} ({stated.party_text})", label, quotes[label],
                   f"The evidence names {stated.name} with the party {stated.party_text}, "
                   f"{verb} the claim's {mine.party_text}.")


# --- the sides parties took in a vote -----------------------------------------------------------

# Words that put the parties of a clause on one side of a vote or decision: backing it ("backed",
# "stimmten für", "getragen von", "For:") or opposing it ("opposed", "dagegen", "Against:").
# Tallies ("38 gegen 21 Stimmen") and speeches ("spoke against") take no side.
_VOTE_FOR = re.compile(
    r"\b(?:backed|back|backing|supported|voted (?:for|in favou?r)|in favou?r of|for:|dafür|"
    r"(?:stimmte|stimmten|votierte|votierten) (?:\w+ ){0,4}?für|unterstützt\w*|getragen|"
    r"befürwort\w*|mit den Stimmen)(?!\w)",
    re.IGNORECASE,
)
_VOTE_AGAINST = re.compile(
    r"\b(?:opposed|opposing|voted against|against:|dagegen|abgelehnt|lehnte|lehnten|"
    r"(?:stimmte|stimmten|votierte|votierten) (?:\w+ ){0,4}?gegen(?! \d))(?!\w)",
    re.IGNORECASE,
)
_SIDE_BREAK = re.compile(r";|,?\s+(?:while|whereas|but|während|aber|wohingegen|doch)\s+|"
                         r",\s+(?=(?:dafür|dagegen)\b)|\.\s+(?=[A-ZÄÖÜ])", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|nicht|kein\w*|never|nie)\b", re.IGNORECASE)


def _sides(text: str) -> dict[str, tuple[bool, str]]:
    """The parties a text puts on one side of a vote, each with True for backing and False for
    opposing, and the party's name as written; a clause with both or neither side, or a denial,
    puts none."""
    found: dict[str, tuple[bool, str]] = {}
    for clause in _SIDE_BREAK.split(text):
        backs, opposes = _VOTE_FOR.search(clause), _VOTE_AGAINST.search(clause)
        if bool(backs) == bool(opposes) or _DENIED.search(clause):
            continue
        for match in _PARTY.finditer(clause):
            party = next(k for k, v in match.groupdict().items() if v)
            if party != "independent":
                found.setdefault(party, (bool(backs), match.group(0)))
    return found


def check_sides(claim: str, evidence: Sequence[str],
                contexts: Mapping[str, SentenceContext] | None = None) -> CheckResult | None:
    """The side a claim gives parties in a vote ("von einer Koalition aus CDU und SPD getragen",
    "the Conservatives voted against") against the side evidence on the same vote gives them:
    a party on the other side refutes. The evidence sentence, with its document's title and
    passage, must name the claim's participants and speak of its event."""
    claimed = _sides(claim)
    if not claimed:
        return None
    spans = [(m.start(), m.end()) for pattern in (_PARTY, _VOTE_FOR, _VOTE_AGAINST)
             for m in pattern.finditer(claim)]
    for sentence in evidence:
        stated = _sides(sentence)
        context = (contexts or {}).get(sentence)
        if not stated.keys() & claimed.keys() or not _same_event(
                claim, context.text if context else sentence, spans):
            continue
        for party, (backs, name) in claimed.items():
            if party in stated and stated[party][0] != backs:
                other = stated[party][1]
                said = "backing" if stated[party][0] else "opposing"
                return _result("side", f"{name} {'for' if backs else 'against'}",
                               f"{other} {'for' if not backs else 'against'}", Label.REFUTED,
                               sentence, f"The evidence has {other} {said} it, the claim "
                               f"{'backing' if backs else 'opposing'} it.")
    return None


# --- all checks ---------------------------------------------------------------------------------


def run_checks(claim: str, evidence: Sequence[str], as_of: date | None = None,
               contexts: Mapping[str, SentenceContext] | None = None) -> list[CheckResult]:
    """Every check that fires on a claim, given its evidence sentences (best first), the date
    the claim is judged at (the article's date; relative days and the present tense use it) and
    each sentence's document title and passage, where the participants it refers to are named."""
    checks: list[Callable[[], CheckResult | None]] = [
        lambda: check_calendar(claim, evidence, as_of, contexts),
        lambda: check_dates(claim, evidence, contexts),
        lambda: check_weekday(claim, evidence, contexts),
        lambda: check_place(claim, evidence, contexts),
        lambda: check_quantities(claim, evidence, as_of, contexts),
        lambda: check_role(claim, evidence, as_of, contexts),
        lambda: check_membership(claim, evidence, as_of),
        lambda: check_sides(claim, evidence, contexts),
    ]
    return [result for check in checks if (result := check()) is not None]


def format_checks(results: Sequence[CheckResult]) -> str:
    """The results as a short plain-text block for a judge's prompt; "" when none fired."""
    if not results:
        return ""
    lines = ["Exact checks (computed, not guessed; a REFUTED check means that part of the claim "
             "is wrong):"]
    for r in results:
        line = f"- {r.kind}: {r.outcome.value}. {r.detail}"
        if r.quote:
            line += f' Evidence: "{r.quote}"'
        lines.append(line)
    return "\n".join(lines)
