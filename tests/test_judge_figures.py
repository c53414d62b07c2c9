"""When the exact checks count a claim's figures as stated: its quantities found, or a day that
holds all of them; the rules then do not ask a close sentence to repeat them."""

from __future__ import annotations

from agent._judge import Decision, EvidenceSentence, _figures_fit, overrule
from agent._models import CheckResult, Label
from agent._retrieval import passage_hit


def check(kind: str, value: str, outcome: Label) -> CheckResult:
    return CheckResult(kind=kind, claim_value=value, evidence_value=value, outcome=outcome,
                       quote="", detail="")


DAY = "Der Stadtrat beschloss den Haushalt am Dienstag, dem 4. Juni 2024."


def test_a_day_the_evidence_gives_holds_the_claims_figures() -> None:
    assert _figures_fit(DAY, [check("date", "4. Juni 2024", Label.SUPPORTED)])


def test_a_day_does_not_stand_for_other_figures_or_a_wrong_day() -> None:
    counted = "Der Stadtrat beschloss den Haushalt am 4. Juni 2024 mit 31 Stimmen."
    assert not _figures_fit(counted, [check("date", "4. Juni 2024", Label.SUPPORTED)])
    words = "Between 1989 and 2005, the club won four league titles."
    assert not _figures_fit(words, [check("date", "Between 1989 and 2005", Label.SUPPORTED)])
    assert not _figures_fit(DAY, [check("date", "4. Juni 2024", Label.REFUTED)])
    assert not _figures_fit(DAY, [])


def test_a_year_alone_is_no_day() -> None:
    year = "In 2021 the bridge was opened to traffic."
    assert not _figures_fit(year, [check("date", "2021", Label.SUPPORTED)])


def test_quantities_decide_where_the_checks_compared_them() -> None:
    claim = "The council approved 41 new homes."
    assert _figures_fit(claim, [check("quantity", "41 new homes", Label.SUPPORTED)])
    assert not _figures_fit(claim, [check("quantity", "41", Label.SUPPORTED),
                                    check("quantity", "41", Label.REFUTED)])


SENTENCE = "Der Rat von Harwick stimmte mit 31 zu 12 Stimmen für die Umgehungsstraße."


def evidence() -> list[EvidenceSentence]:
    hit = passage_hit("harwick-1", SENTENCE, {"document_id": "harwick", "title": "Harwick"})
    return [EvidenceSentence(SENTENCE, hit, 0.8)]


def test_every_figure_stated_on_the_same_event_supports_an_undecided_claim() -> None:
    undecided = Decision(Label.NOT_ENOUGH_INFO, "The passages found do not state the claim.")
    figures = CheckResult(kind="quantity", claim_value="31 votes; 12", outcome=Label.SUPPORTED,
                          evidence_value="31 zu 12 Stimmen; 12 Stimmen", quote=SENTENCE,
                          detail="The evidence gives 31 zu 12 Stimmen.")
    decided = overrule([figures], undecided, evidence())
    assert decided.label == Label.SUPPORTED and decided.cited[0].text == SENTENCE
    # another check that finds something unstated, or no quantity check: still undecided
    unstated = CheckResult(kind="date", claim_value="12 May", evidence_value="",
                           outcome=Label.NOT_ENOUGH_INFO, quote=SENTENCE, detail="")
    assert overrule([figures, unstated], undecided, evidence()).label == Label.NOT_ENOUGH_INFO
    dated = CheckResult(kind="date", claim_value="12 May", evidence_value="12 May",
                        outcome=Label.SUPPORTED, quote=SENTENCE, detail="")
    assert overrule([dated], undecided, evidence()).label == Label.NOT_ENOUGH_INFO
