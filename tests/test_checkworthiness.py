"""The check-worthiness classifier on German and English sentences written for these tests (a
bakery chain, a regional airport, a chess club, a hospital; not in the training data, nothing from
the seed suite), its pinned weights, and the reasons given for what it rejects."""

import hashlib
import json
from importlib import resources

import pytest

from agent import _checkworthiness
from agent._checkworthiness import (
    MODEL_FILE,
    MODEL_SHA256,
    CheckworthinessClassifier,
    rejection_reason,
)
from agent._claims import ClaimExtractor
from agent._errors import BackendError

FACTS = [
    "Die Bäckereikette eröffnete im April 2022 ihre zwanzigste Filiale in Erfurt.",
    "Der Regionalflughafen fertigte im vergangenen Jahr 412.000 Fluggäste ab.",
    "Der Schachklub wurde 1921 gegründet und hat heute 140 Mitglieder.",
    "Das Klinikum stellte im Herbst 35 zusätzliche Pflegekräfte ein.",
    "The bakery chain opened its twentieth branch in Leeds in April 2022.",
    "The regional airport handled 412,000 passengers last year.",
    "The chess club was founded in 1921 and now has 140 members.",
    "The hospital hired 35 additional nurses in the autumn.",
]
NOT_FACTS = [
    "Ohne mutige Entscheidungen wird die Innenstadt weiter veröden.",
    "Man muss sich fragen, wem diese Politik eigentlich nützt.",
    "Die Stimmung unter den Beschäftigten ist gedrückt.",
    "Das wäre ein verheerendes Signal für den ganzen Landkreis.",
    "Without bold decisions the town centre will keep declining.",
    "One has to ask who this policy actually serves.",
    "Morale among the staff is low.",
    "That would send a devastating signal to the whole county.",
]


@pytest.fixture(scope="module")
def classifier() -> CheckworthinessClassifier:
    return CheckworthinessClassifier()


def test_facts_score_above_the_threshold_and_the_rest_below(classifier):
    facts = classifier.scores(FACTS)
    others = classifier.scores(NOT_FACTS)
    assert (facts >= classifier.threshold).sum() >= len(FACTS) - 1
    assert (others < classifier.threshold).sum() >= len(NOT_FACTS) - 1
    assert facts.mean() > others.mean() + 0.3


def test_the_shipped_weights_are_the_pinned_ones():
    data = (resources.files("agent") / "models" / MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == MODEL_SHA256
    model = json.loads(data)
    assert len(model["weights"]) == 384 + len(_checkworthiness._REASONS)
    assert 0 < model["threshold"] < 1


def test_weights_that_differ_from_the_pin_are_refused(monkeypatch):
    monkeypatch.setattr(_checkworthiness, "_head", None)
    monkeypatch.setattr(_checkworthiness, "MODEL_SHA256", "0" * 64)
    with pytest.raises(BackendError, match="SHA-256"):
        _checkworthiness.load_head()


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Wann wird die neue Halle endlich fertig?", "question"),
    ("Der Flughafen könnte bald weitere Ziele anbieten.", "speculation"),
    ("The airport will add three routes next spring.", "prediction"),
    ("Der Landkreis muss jetzt endlich handeln.", "appeal"),
    ("This raises serious questions about the club's future.", "rhetoric"),
    ("Die Stimmung unter den Beschäftigten ist gedrückt.", "opinion"),
])
def test_reasons(sentence, reason):
    assert rejection_reason(sentence) == reason


def test_rejected_statements_are_listed_with_a_reason_and_no_claim():
    article = ("Das Klinikum stellte im Herbst 35 zusätzliche Pflegekräfte ein. "
               "Das wäre ein verheerendes Signal für den ganzen Landkreis. "
               "Wann wird die neue Station endlich eröffnet?")
    found = ClaimExtractor().split(article)
    assert [c.text for c in found.claims] == [
        "Das Klinikum stellte im Herbst 35 zusätzliche Pflegekräfte ein."]
    assert [(n.reason, n.text) for n in found.not_checked] == [
        ("speculation", "Das wäre ein verheerendes Signal für den ganzen Landkreis."),
        ("question", "Wann wird die neue Station endlich eröffnet?")]
    for item in found.not_checked:
        assert article[item.start:item.end] == item.text


@pytest.mark.parametrize(("sentence", "prediction"), [
    ("Die Stadt wird im Mai ein neues Hallenbad eröffnen.", True),
    ("Die Preise werden im nächsten Jahr weiter steigen.", True),
    ("In diesem Jahr wird die Firma zu einem wichtigen Lieferanten, der Teile nach Polen liefert.",
     False),
    ("Die Brücke wird seit März 2024 saniert.", False),
])
def test_the_german_future_needs_a_lower_case_infinitive(sentence: str, prediction: bool):
    assert (rejection_reason(sentence) == "prediction") is prediction
