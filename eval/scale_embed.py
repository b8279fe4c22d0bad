"""A fast, deterministic stand-in embedding for the scale benchmark: ``NEWSBOT_EMBED_MODEL=eval.scale_embed:make``.

Feature hashing: each word of a text (lower-cased, stop words dropped) adds +1 or -1 to one of 384 dimensions,
both picked by a hash of the word (blake2b, so every process agrees), and the vector is L2-normalised. Texts
that share words get a high cosine, so dense retrieval still means something, at a few microseconds a text
where MiniLM needs milliseconds: at 10^4-10^5 articles the benchmark measures storage, BM25 and query costs
instead of hours of embedding. Not MockEmbedding: its constant vectors would make every chunk a tie.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

DIM = 384  # MiniLM's: the same Chroma collections and the same memory per vector
NAME = "eval.scale_embed:make"
_WORD = re.compile(r"[a-z0-9]+")
_BUCKETS: dict[str, int] = {}  # word -> signed bucket (dimension + 1, negative for -1); the vocabulary is small


def _stopwords() -> frozenset[str]:
    from index.terms import stopwords

    return stopwords()


def _bucket(word: str) -> int:
    b = _BUCKETS.get(word)
    if b is None:
        h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        b = _BUCKETS[word] = (h % DIM + 1) * (1 if (h >> 32) & 1 else -1)
    return b


def hash_vectors(texts: list[str]) -> np.ndarray:
    """Unit vectors, shape (len(texts), DIM). A text without words gets the first axis (never a zero vector,
    whose cosine is undefined)."""
    stop = _stopwords()
    rows: list[int] = []
    buckets: list[int] = []
    for r, text in enumerate(texts):
        bs = [_bucket(w) for w in _WORD.findall(text.lower()) if w not in stop]
        buckets.extend(bs)
        rows.extend([r] * len(bs))
    signed = np.asarray(buckets, dtype=np.int64)
    # One bincount over (row, dimension) for the whole batch: the counts of every text at once.
    flat = np.asarray(rows, dtype=np.int64) * DIM + np.abs(signed) - 1
    out = np.bincount(flat, weights=np.sign(signed).astype(np.float64), minlength=len(texts) * DIM)
    out = out.reshape(len(texts), DIM).astype(np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    empty = norms[:, 0] == 0
    out[empty, 0], norms[empty] = 1.0, 1.0
    return out / norms


class HashingEmbedding(BaseEmbedding):
    model_name: str = NAME
    embed_batch_size: int = 2048  # the most llama-index allows: few batches, little per-batch overhead

    @classmethod
    def class_name(cls) -> str:
        return "HashingEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return hash_vectors([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return hash_vectors([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return hash_vectors(texts).tolist()


def make() -> HashingEmbedding:
    """The factory NEWSBOT_EMBED_MODEL names."""
    return HashingEmbedding()
