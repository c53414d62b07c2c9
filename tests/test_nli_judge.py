"""Parts of the model-first judge that are exact: names, the guards against support, the
warning on contradictory verdicts, and reranking on a small constructed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import Document, Label, Settings, Verifier
from agent._models import CheckResult, Citation, Claim, ClaimVerdict, SearchHit
from agent._nli_judge import (
    EvidenceSentence,
    _absent_speaker,
    _unstated_by_checks,
    _unstated_number,
    names_in,
)
from agent._store import CorpusStore
from agent._verifier import conflicting_verdicts


@pytest.mark.parametrize(("text", "names"), [
    ("Der frühere Präsident François Hollande hat den Plan kritisiert.", ["François Hollande"]),
    ("Recep Tayyip Erdoğan ist der türkische Präsident.", ["Recep Tayyip Erdoğan"]),
    ("Ursula von der Leyen sprach in Brüssel.", ["Ursula von der Leyen"]),
    ("Abu Bakr al-Baghdadi was named.", ["Abu Bakr al-Baghdadi"]),
    ("Sean O’Brien and Nguyễn Phú Trọng met.", ["Sean O’Brien", "Nguyễn Phú Trọng"]),
    ("Die Zukunft der Regierung bleibt ungewiss.", []),
    ("Paris is large.", []),
    ("Der Bau kostete 32 Millionen Euro, sagte Peter Schmidt.", ["Peter Schmidt"]),
    ("Der Hafen schlug 48 Millionen Tonnen Fracht um, sagte Peter Schmidt.", ["Peter Schmidt"]),
    ("In 2021 Angela Merkel left office.", ["Angela Merkel"]),  # a year counts nothing
])
def test_names_are_unicode_with_particles(text: str, names: list[str]) -> None:
    assert names_in(text) == names


def _sentence(text: str, passage: str | None = None) -> EvidenceSentence:
    hit = SearchHit(passage_id="d::0::x", document_id="d", score=1.0, text=passage or text)
    return EvidenceSentence(text=text, hit=hit, similarity=0.9)


def test_a_number_the_sentence_does_not_state_blocks_support() -> None:
    cited = _sentence("The plant produced 420 megawatts in 2022.")
    assert _unstated_number("The plant produced 420 megawatts in 2022.", cited, []) is None
    reason = _unstated_number("The plant produced 600 megawatts in 2022.", cited, [])
    assert reason and "600" in reason


def test_a_statement_needs_a_passage_naming_its_speaker() -> None:
    cited = _sentence("The minister said the budget was final.",
                      "Finance minister Maria Costa spoke on Monday. The minister said the "
                      "budget was final.")
    assert _absent_speaker("Maria Costa said the budget was final.", cited, []) is None
    reason = _absent_speaker("Jan Novak said the budget was final.", cited, [])
    assert reason and "Jan Novak" in reason


def test_an_exact_check_that_finds_the_value_unstated_blocks_support() -> None:
    check = CheckResult(kind="date", claim_value="12 June", evidence_value="", quote="q",
                        outcome=Label.NOT_ENOUGH_INFO, detail="no date given for this event")
    assert _unstated_by_checks("x", _sentence("q"), [check]) == "no date given for this event"
    assert _unstated_by_checks("x", _sentence("q"), []) is None


def _verdict(cid: str, label: Label, quote: str) -> ClaimVerdict:
    claim = Claim(id=cid, text=cid, sentence=cid, start=0, end=1)
    citation = Citation(passage_id="p", document_id="d", quote=quote)
    return ClaimVerdict(claim=claim, label=label, confidence=0.8, rationale="r",
                        citations=[citation])


def test_opposite_verdicts_on_one_sentence_are_warned() -> None:
    warnings = conflicting_verdicts([_verdict("c1", Label.SUPPORTED, "S"),
                                     _verdict("c2", Label.REFUTED, "S"),
                                     _verdict("c3", Label.REFUTED, "T")])
    assert len(warnings) == 1 and "c1" in warnings[0] and "c2" in warnings[0]
    assert not conflicting_verdicts([_verdict("c1", Label.SUPPORTED, "S"),
                                     _verdict("c2", Label.SUPPORTED, "S")])


# Each query's answer is phrased in other words than the query, while decoys repeat its words.
RERANK_CORPUS = [
    Document(id="answer-bridge", lang="en", text="Engineers finished the crossing over the "
             "Tamar estuary in 1961; it carried its first cars that autumn."),
    Document(id="decoy-bridge", lang="en", text="Bridge enthusiasts held a meeting about which "
             "bridge over the Tamar they like. The bridge club meets every year."),
    Document(id="answer-vaccine", lang="de", text="Die Impfquote bei Kindern unter fünf Jahren "
             "lag im Landkreis zuletzt bei 93 Prozent."),
    Document(id="decoy-vaccine", lang="de", text="Wie viele Kinder geimpft sind, fragen sich "
             "viele Eltern im Landkreis. Geimpft, Kinder, Landkreis: Thema beim Elternabend."),
    Document(id="answer-orchestra", lang="en", text="The city's symphony ensemble gave 84 "
             "concerts during its 2022 season, a record."),
    Document(id="decoy-orchestra", lang="en", text="How many concerts did the orchestra give? "
             "Orchestra concerts are popular; the orchestra gives concerts."),
]
QUERIES = {
    "The bridge over the Tamar opened to traffic in 1961.": "answer-bridge",
    "Im Landkreis sind 93 Prozent der Kinder unter fünf geimpft.": "answer-vaccine",
    "The orchestra gave 84 concerts in 2022.": "answer-orchestra",
}


def test_reranking_puts_the_passage_that_bears_on_the_claim_first(tmp_path: Path, embedder):
    settings = Settings(home=tmp_path)
    verifier = Verifier(settings, store=CorpusStore(settings, embedder))
    verifier.ingest_documents(RERANK_CORPUS)
    plain = sum(verifier.search(q, k=1, rerank=False)[0].document_id == doc
                for q, doc in QUERIES.items())
    reranked = sum(verifier.search(q, k=1, rerank=True)[0].document_id == doc
                   for q, doc in QUERIES.items())
    assert reranked == len(QUERIES)
    assert reranked >= plain
