"""The BM25 index over the same chunks as Chroma, rebuilt from the manifest whenever it changes.

Saved as one pickle stamped with the manifest generation and replaced atomically (write + rename);
a reader that finds a stale or missing file rebuilds in memory, so BM25 can never disagree with
what the manifest says is live.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.terms import TERMS_VERSION, terms


@dataclass
class BM25Index:
    generation: int
    ids: list[str]  # chunk ids, in the order of the model's documents
    model: object | None  # bm25s.BM25, None when there are no chunks
    df: dict[str, int]  # term -> number of chunks holding it (idf for the answerer)
    version: int = TERMS_VERSION  # how the terms were made: an index of other terms is rebuilt

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency; unseen terms get the highest value."""
        n = max(len(self.ids), 1)
        return float(np.log((n + 1) / (self.df.get(term, 0) + 0.5)))

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk (zeros where mask is 0)."""
        q = terms(query)
        if self.model is None or not q:
            return np.zeros(len(self.ids), dtype=np.float32)
        s = np.asarray(self.model.get_scores(q), dtype=np.float32)
        return s * mask if mask is not None else s


def build_bm25(generation: int, ids: list[str], texts: list[str]) -> BM25Index:
    import bm25s

    if not ids:
        return BM25Index(generation, [], None, {})
    docs = [terms(t) or ["_"] for t in texts]  # bm25s needs at least one token per document
    model = bm25s.BM25()
    model.index(docs, show_progress=False)
    df: dict[str, int] = {}
    for doc in docs:
        for term in set(doc):
            df[term] = df.get(term, 0) + 1
    return BM25Index(generation, list(ids), model, df)


def save_bm25(index: BM25Index, path: Path) -> None:
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def load_bm25(path: Path) -> BM25Index | None:
    try:
        with open(path, "rb") as fh:
            index = pickle.load(fh)
        if isinstance(index, BM25Index) and getattr(index, "version", None) == TERMS_VERSION:
            return index
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
