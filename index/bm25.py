"""The BM25 index over the same chunks as Chroma, rebuilt from the manifest whenever it changes.

Saved as one .npz file stamped with the manifest generation and replaced atomically (write + rename);
a reader that finds a stale, missing or unreadable file rebuilds in memory, so BM25 can never disagree
with what the manifest says is live.

The file holds plain arrays (the score matrix) and JSON (ids, vocabulary, document frequencies) and is
read with ``allow_pickle=False``: whoever can write NEWSBOT_HOME can spoil the ranking at worst, never
run code in a reader (a pickle would let them). A pickle left by older versions is deleted, never read.
"""

from __future__ import annotations

import json
import os
import zipfile
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


FILE_FORMAT = 1  # bump when the saved layout changes: a file in another layout is rebuilt
_PARAMS = ("k1", "b", "delta", "method", "idf_method", "dtype", "int_dtype")  # bm25s.BM25's scoring settings


def save_bm25(index: BM25Index, path: Path) -> None:
    model = index.model
    meta = {"format": FILE_FORMAT, "generation": index.generation, "version": index.version, "ids": index.ids,
            "df": index.df, "vocab": model.vocab_dict if model else None,
            "num_docs": model.scores["num_docs"] if model else 0,
            "params": {k: getattr(model, k) for k in _PARAMS} if model else None}
    arrays = {"meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)}
    if model is not None:
        arrays.update({k: np.asarray(model.scores[k]) for k in ("data", "indices", "indptr")})
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as fh:  # a file object: np.savez would append ".npz" to a name
        np.savez(fh, **arrays)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    legacy = path.with_name(path.name.removesuffix(".npz") + ".pickle")
    legacy.unlink(missing_ok=True)  # what older versions saved: never to be unpickled


def load_bm25(path: Path) -> BM25Index | None:
    """The saved index, or None when it is missing or not a valid index file (the caller rebuilds)."""
    try:
        # allow_pickle=False: an array stored as a pickle raises ValueError instead of being unpickled.
        with np.load(path, allow_pickle=False) as saved:
            meta = json.loads(saved["meta"].tobytes().decode("utf-8"))
            if meta.get("format") != FILE_FORMAT or meta.get("version") != TERMS_VERSION:
                return None
            model = None
            if meta["vocab"] is not None:
                model = _model(meta, {k: saved[k] for k in ("data", "indices", "indptr")})
        return BM25Index(int(meta["generation"]), [str(i) for i in meta["ids"]], model,
                         {str(t): int(n) for t, n in meta["df"].items()}, TERMS_VERSION)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile, UnicodeDecodeError):
        return None


def _model(meta: dict, scores: dict[str, np.ndarray]):
    """A bm25s.BM25 from its saved parts (the attributes bm25s.BM25.load sets)."""
    import bm25s

    vocab = {str(t): int(i) for t, i in meta["vocab"].items()}
    num_docs, indptr, indices = int(meta["num_docs"]), scores["indptr"], scores["indices"]
    # A matrix that does not fit its vocabulary and documents would fail at query time: rebuild instead.
    n_terms = len(indptr) - 1
    if (num_docs != len(meta["ids"]) or n_terms < 0 or any(not 0 <= i < n_terms for t, i in vocab.items() if t)
            or indptr[0] != 0 or indptr[-1] != len(indices) or len(indices) != len(scores["data"])
            or np.any(np.diff(indptr) < 0) or (len(indices) and not 0 <= indices.min() <= indices.max() < num_docs)):
        raise ValueError("inconsistent BM25 file")
    model = bm25s.BM25(**meta["params"])
    model.scores = {**scores, "num_docs": num_docs}
    model.vocab_dict = vocab
    model.unique_token_ids_set = set(vocab.values())
    model.nonoccurrence_array = None  # only BM25L / BM25+ have one; we use the default (lucene)
    return model
