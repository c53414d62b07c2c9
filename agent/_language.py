"""The languages the agent checks, and the parts of an article it leaves unchecked.

Claim extraction, the embedded judge's checks and the prompts are written and evaluated for German
and English. Text in another language is recognised (py3langid: a naive Bayes model over byte
n-grams that ships inside its wheel) and left unjudged with a warning, never judged by the rules
of another language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ._claims import MAX_SENTENCE_CHARS, Sentence, detect_language, split_sentences
from ._errors import InputError

SUPPORTED = {"de": "German", "en": "English"}
# The languages the identifier chooses among: widely written ones. Left out are small languages
# close to German or English (Luxembourgish, Frisian, Afrikaans, Nigerian Pidgin) that short German
# or English sentences are easily taken for.
LANGUAGES = {
    **SUPPORTED, "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ca": "Catalan", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sl": "Slovenian", "hr": "Croatian", "sr": "Serbian", "hu": "Hungarian", "ro": "Romanian",
    "bg": "Bulgarian", "el": "Greek", "ru": "Russian", "uk": "Ukrainian", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "et": "Estonian", "lv": "Latvian",
    "lt": "Lithuanian", "tr": "Turkish", "ar": "Arabic", "he": "Hebrew", "fa": "Persian",
    "hi": "Hindi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "id": "Indonesian",
    "vi": "Vietnamese", "th": "Thai",
}
# Text counts as written in another language when the identifier gives that language at least this
# probability and the text has at least MIN_WORDS words; shorter text (a name, a number) is too
# ambiguous to tell. On the German and English sentences of the seeds and of the eval suites
# (1,924 of at least four words), no sentence reached 0.8 for another language.
CONFIDENCE = 0.8
MIN_WORDS = 4
SUPPORTED_NAMES = " and ".join(SUPPORTED.values())


@functools.cache
def _identifier():
    from py3langid.langid import (  # type: ignore[import-untyped]
        MODEL_FILE,
        LanguageIdentifier,
    )

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def identify(text: str) -> tuple[str, float]:
    """The most likely language of `text` (ISO 639-1 code, among LANGUAGES) and its probability."""
    language, probability = _identifier().classify(text)
    return language, probability


def other_language(text: str) -> str:
    """The code of the language `text` is written in when it is one the agent does not check;
    '' for German, English, or text too short or too mixed to tell."""
    if len(text.split()) < MIN_WORDS:
        return ""
    language, probability = identify(text)
    return language if language not in SUPPORTED and probability >= CONFIDENCE else ""


def require_supported(text: str, what: str) -> None:
    """Raise InputError when `text` ("the article", "the claim") is in a language the agent does
    not check."""
    language = other_language(text)
    if language:
        raise InputError(f"{what} is in {LANGUAGES[language]}; factcheck checks "
                         f"{SUPPORTED_NAMES} text only")


@dataclass
class Screening:
    """The sentences of an article that are not checked, and a warning for each kind."""

    skipped: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def visible(self, article: str) -> str:
        """The article with the skipped sentences blanked out; every offset stays as it was."""
        parts, cursor = [], 0
        for sentence in self.skipped:
            parts += [article[cursor:sentence.start], " " * (sentence.end - sentence.start)]
            cursor = sentence.end
        return "".join(parts) + article[cursor:]


def _sentences(count: int) -> str:
    return f"{count} sentence{'' if count == 1 else 's'}"


def screen(article: str) -> Screening:
    """What of an article can be checked. An article in another language is refused
    (InputError); sentences in another language, and sentences too long to be one claim (text
    without punctuation), are left out with a warning."""
    require_supported(article, "the article")
    screening = Screening()
    foreign: dict[str, int] = {}
    overlong: list[Sentence] = []
    for sentence in split_sentences(article, detect_language(article)):
        if len(sentence.text) > MAX_SENTENCE_CHARS:
            overlong.append(sentence)
        elif language := other_language(sentence.text):
            foreign[language] = foreign.get(language, 0) + 1
        else:
            continue
        screening.skipped.append(sentence)
    for language, count in foreign.items():
        screening.warnings.append(
            f"{_sentences(count)} in {LANGUAGES[language]} not checked: factcheck checks "
            f"{SUPPORTED_NAMES} text only")
    if overlong:
        longest = max(s.end - s.start for s in overlong)
        screening.warnings.append(
            f"{_sentences(len(overlong))} not checked: {longest:,} characters without a full "
            f"stop, too long to be one claim (at most {MAX_SENTENCE_CHARS:,})")
    return screening
