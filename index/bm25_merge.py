"""When and how BM25 segments are merged (a tiered policy, as Lucene's TieredMergePolicy).

Every change to the index adds one small segment. Left alone, a long-lived archive would collect thousands
of them (a query visits each one) and keep its deleted chunks forever. So, after a change, the writer:
- rewrites a segment alone when most of its docs are deleted (it expunges them; the only way the biggest
  segment is ever rewritten, and then its cost is paid for by as many deletions as it held docs);
- merges FACTOR segments of one size tier (everything under FLOOR docs is one tier, then sizes within a
  factor of 10) into one, the smallest first, never into a segment over MAX_MERGED docs or half the index
  (a tier then holds more segments until its smallest FACTOR fit).
A doc is thus rewritten about log10(N / FLOOR) times over its life, never for one small change elsewhere.
Merging reads only the segments' arrays (no text is tokenised again) and drops their deleted docs.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from index.bm25_segment import Segment, assemble

FLOOR = 1_000  # live docs: segments smaller than this are all in the lowest tier
FACTOR = 10  # segments of one tier merged at once (and how many a tier may hold)
MAX_MERGED = 200_000  # a tier merge never makes a bigger segment: the biggest ones stay as they are
DELETES_DOMINATE = 0.5  # share of deleted docs above which a segment is rewritten alone


def pick_merge(sizes: Sequence[tuple[int, int]]) -> list[int]:
    """Positions of the segments to merge next (empty: none), given each segment's (live, total) docs."""
    for i, (live, total) in enumerate(sizes):
        if total and total - live > DELETES_DOMINATE * total:
            return [i]
    tiers: dict[int, list[int]] = {}
    for i, (live, _) in enumerate(sizes):
        tiers.setdefault(_tier(live), []).append(i)
    # Never more than MAX_MERGED docs, nor half the index: a merge is never a rewrite of the whole index.
    cap = min(MAX_MERGED, sum(live for live, _ in sizes) // 2)
    for _, members in sorted(tiers.items()):
        if len(members) >= FACTOR:
            pick = sorted(members, key=lambda i: sizes[i][0])[:FACTOR]
            if sum(sizes[i][0] for i in pick) <= cap:
                return sorted(pick)
    return []


def _tier(live: int) -> int:
    """0 under FLOOR docs, then one tier per factor of 10 (1: FLOOR to 10 * FLOOR, ...)."""
    return 0 if live < FLOOR else 1 + int(math.log10(live / FLOOR))


def merge_segments(parts: Sequence[tuple[Segment, np.ndarray]]) -> Segment:
    """One in-memory segment holding the live docs of these (segment, live mask) parts, in their order."""
    names = sorted(set().union(*(seg.terms for seg, _ in parts)))
    number = {t: i for i, t in enumerate(names)}
    ids: list[str] = []
    cols: dict[str, list[np.ndarray]] = {k: [] for k in ("starts", "ends", "doc_len", "doc", "term", "tf")}
    base = 0
    for seg, live in parts:
        live = np.asarray(live, dtype=bool)
        # New doc numbers: the live docs of each part, one after the other.
        renumber = np.cumsum(live, dtype=np.int64) - 1 + base
        to_global = np.array([number[t] for t in seg.terms], dtype=np.int32)
        row = np.repeat(np.arange(len(seg.terms), dtype=np.int32), np.diff(seg.indptr))  # term row of each posting
        docs = np.asarray(seg.docs, dtype=np.int64)
        keep = live[docs]
        cols["doc"].append(renumber[docs[keep]])
        cols["term"].append(to_global[row[keep]])
        cols["tf"].append(np.asarray(seg.tfs)[keep])
        for k in ("starts", "ends", "doc_len"):
            cols[k].append(np.asarray(getattr(seg, k))[live])
        ids.extend(i for i, alive in zip(seg.ids, live.tolist()) if alive)
        base += int(live.sum())
    doc, term, tf = (np.concatenate(cols[k]) for k in ("doc", "term", "tf"))
    # Terms held only by deleted docs are dropped: renumber the ones left.
    used = np.bincount(term, minlength=len(names)) > 0
    term = (np.cumsum(used) - 1)[term]
    names = [t for t, u in zip(names, used.tolist()) if u]
    order = np.lexsort((term, doc))  # by doc, then term: the order assemble() expects
    return assemble("", ids, *(np.concatenate(cols[k]) for k in ("starts", "ends", "doc_len")), names,
                    doc[order], term[order], tf[order])
