"""Hybrid retrieval: dense (Chroma, MiniLM) and BM25 over the same chunks, fused by a weighted sum of
their min-max normalised scores (BM25 reads a word no article uses as its indexed synonyms: bot/expand.py;
measured against reciprocal rank fusion by eval/fusion.py: better
article hit@1 on SQuAD 2.0, 0.823 vs 0.778, and on the gold set, 0.969 vs 0.862).

Also a llama-index BaseRetriever over the same function, so the query engine (bot/engine.py) and any
llama-index tooling can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.expand import keyword_query
from bot.library import Library
from bot.types import Passage
from index.embed import embed_query
from index.errors import UsageError

DENSE_WEIGHT = 0.3  # share of the dense score in the fusion (eval/fusion.py: 0.3-0.5 best, 0.7 worse)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    article_ids: tuple[str, ...] | None = None
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None

    def __post_init__(self):
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v is not None and not DATE.match(v):
                raise UsageError(f"{name} must be a date like 2008-03-30, got {v!r}")

    @property
    def empty(self) -> bool:
        return not self.article_ids and not self.date_from and not self.date_to

    def where(self) -> dict | None:
        """The same filter as a Chroma `where` clause."""
        parts: list[dict] = []
        if self.article_ids:
            parts.append({"article_id": {"$in": list(self.article_ids)}})
        if self.date_from:
            parts.append({"date": {"$gte": int(self.date_from.replace("-", ""))}})
        if self.date_to:
            parts.append({"date": {"$lte": int(self.date_to.replace("-", ""))}})
        if self.date_to and not self.date_from:
            parts.append({"date": {"$gt": 0}})  # undated articles (stored as 0) never match a date range
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else {"$and": parts}


def _normalise(scores: dict[str, float], floor: float | None = None) -> dict[str, float]:
    """Min-max to [0, 1] over one retriever's candidates (a lone candidate gets 1); with `floor`, that is the
    minimum instead of the lowest candidate's score."""
    if not scores:
        return {}
    lo, hi = min(scores.values()) if floor is None else floor, max(scores.values())
    return {k: (v - lo) / (hi - lo) if hi > lo else 1.0 for k, v in scores.items()}


def fuse(dense: dict[str, float], sparse: dict[str, float], weight: float = DENSE_WEIGHT) -> dict[str, float]:
    """Weighted sum of normalised scores; a chunk one retriever did not return gets 0 from it."""
    # BM25 scores are relative to 0, not to the weakest match: with min-max, the lowest of three chunks that
    # all hold every query term (1.68 against 1.70) would get nothing from BM25.
    nd, ns = _normalise(dense), _normalise(sparse, floor=0.0)
    return {k: weight * nd.get(k, 0.0) + (1 - weight) * ns.get(k, 0.0) for k in nd.keys() | ns.keys()}


def allowed_articles(lib, filters: Filters) -> set[str]:
    """The ids of the articles the filters let through (the manifest's dated articles, for a date range)."""
    allowed = set(filters.article_ids) if filters.article_ids else None
    if filters.date_from or filters.date_to:
        dated = lib.articles.dated(filters.date_from, filters.date_to)
        allowed = dated if allowed is None else allowed & dated
    return allowed or set()


def top_positions(scores: np.ndarray, depth: int) -> np.ndarray:
    """Where the `depth` highest positive scores are, best first; equal scores in the order of their positions.
    Only the positive scores are ordered, and of those only the ones that can reach the first `depth`."""
    pos = np.flatnonzero(scores > 0)
    if len(pos) > depth:
        s = scores[pos]
        kth = np.partition(s, len(s) - depth)[len(s) - depth]  # the depth-th highest
        pos = pos[s >= kth]  # ties with it included: which of them come first is decided by position below
    return pos[np.lexsort((pos, -scores[pos]))][:depth]


def retrieve(lib: Library, question: str, top_k: int, filters: Filters | None = None,
             query_vector: np.ndarray | None = None, depth: int | None = None) -> list[Passage]:
    """The top_k chunks for question, best first. ``depth``: how deep each retriever looks before
    fusion (default max(20, 4 * top_k)); up to 2 * depth chunks come out of the fusion."""
    filters = filters or Filters()
    depth = depth or max(20, 4 * top_k)
    qv = embed_query(lib.embed_model, question) if query_vector is None else query_vector
    dense = [(i, s) for i, s in lib.store.query("chunk", qv, depth, filters.where()) if i in lib.chunks]

    mask = None if filters.empty else lib.bm25.article_mask(allowed_articles(lib, filters))
    scores = lib.bm25.scores(keyword_query(lib.bm25, question, lib.words), mask)
    ids = lib.bm25.ids
    sparse = [(ids[j], float(scores[j])) for j in top_positions(scores, depth) if ids[j] in lib.chunks]

    dense_rank = {cid: r for r, (cid, _) in enumerate(dense)}
    bm25_rank = {cid: r for r, (cid, _) in enumerate(sparse)}
    fused = fuse(dict(dense), dict(sparse))
    # equal scores in the order of the chunk ids, not of a set's (which Python's hash seed decides per process)
    best = sorted(fused, key=lambda c: (-fused[c], c))[:top_k]
    out = []
    for cid in best:
        row = lib.chunks[cid]
        text = lib.articles[row.article_id].text[row.start:row.end]
        out.append(Passage(cid, row.article_id, row.start, row.end, text, fused[cid],
                           dense_rank.get(cid), bm25_rank.get(cid), dict(dense).get(cid, 0.0)))
    return out
