"""The BM25 index over the same chunks as Chroma, as Lucene keeps one: immutable segments plus deletions.

A BM25Index is one generation of the manifest: a list of Parts (a segment and which of its docs are
deleted). Scores are computed at query time from the segments' term frequencies with the statistics of
the whole index (number of live chunks, their average length, and each term's document frequency summed
over the segments minus what the deleted docs held), by the formula and parameters of bm25s.BM25()'s
default (method "lucene", k1=1.5, b=0.75), in the same float32 / float64 steps: an index built in one go
scores exactly as the bm25s model it replaces, and so does one built by any sequence of changes.

How segments are stored, kept in line with the manifest and merged: index/bm25_store.py,
index/bm25_segment.py, index/bm25_merge.py.
"""

from __future__ import annotations

import bisect
import math
import threading
import weakref
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

import numpy as np

from index.bm25_segment import Segment, build_segment
from index.chunk import article_of
from index.terms import TERMS_VERSION, query_terms, terms

K1, B = 1.5, 0.75  # bm25s.BM25()'s defaults, which the index has always used (method "lucene")
CACHE_POSTINGS = 4_000_000  # term scores an index keeps between questions (12 bytes each: about 48 MB)


@dataclass(frozen=True, eq=False)
class Part:
    """A segment as one generation sees it: ``deleted`` holds its tombstoned doc numbers (sorted)."""

    segment: Segment
    deleted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def live(self) -> int:
        return self.segment.n_docs - len(self.deleted)

    @cached_property
    def mask(self) -> np.ndarray:
        m = np.ones(self.segment.n_docs, dtype=bool)
        m[self.deleted] = False
        return m

    @cached_property
    def live_df(self) -> np.ndarray:
        """Live docs holding each term of the segment: its df minus the deleted docs' terms."""
        df = self.segment.df()
        if len(self.deleted):
            df = np.maximum(df - np.bincount(self.segment.term_rows_of(self.deleted), minlength=len(df)), 0)
        return df

    @cached_property
    def live_len(self) -> int:
        return int(np.asarray(self.segment.doc_len, dtype=np.int64)[self.mask].sum())


class BM25Index:
    """scores(query, mask) of every live chunk (in ``ids`` order), idf(term) and df for the answerer."""

    def __init__(self, generation: int, parts: Sequence[Part], version: int = TERMS_VERSION):
        self.generation = generation
        self.parts = [p for p in parts if p.live > 0]
        self.version = version
        self.n_docs = sum(p.live for p in self.parts)
        total_len = sum(p.live_len for p in self.parts)
        # As bm25s: the mean of the doc lengths (integers summed exactly, then one division).
        self.avgdl = total_len / self.n_docs if self.n_docs else 1.0
        self.df = DocFreqs(self)
        self._cache: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}  # term -> _contribution()
        self._cached = 0  # postings held by _cache
        self._cache_lock = threading.Lock()

    @cached_property
    def ids(self) -> list[str]:
        """Live chunk ids, in the order of scores()."""
        out: list[str] = []
        for p in self.parts:
            out.extend(p.segment.ids if not len(p.deleted) else
                       [i for i, alive in zip(p.segment.ids, p.mask.tolist()) if alive])
        return out

    @cached_property
    def _norms(self) -> list[np.ndarray]:
        """Per part, k1 * ((1 - b) + b * len / avgdl) of each doc: the length part of BM25's denominator."""
        return [K1 * ((1 - B) + B * np.asarray(p.segment.doc_len, dtype=np.float64) / self.avgdl)
                for p in self.parts]

    @cached_property
    def _positions(self) -> list[np.ndarray | None]:
        """Per part, each doc's position in scores() (-1 when deleted); None when none is: docs follow on."""
        out, base = [], 0
        for p in self.parts:
            out.append(None if not len(p.deleted) else np.where(p.mask, np.cumsum(p.mask) - 1 + base, -1))
            base += p.live
        return out

    def article_mask(self, allowed: Collection[str]) -> np.ndarray:
        """1.0 for the live chunks of these articles, 0.0 for the others, in the order of scores(): a filter
        as scores() takes it, made per segment with numpy instead of a lookup per chunk."""
        out = [np.zeros(0, dtype=bool)]
        for p in self.parts:
            names, codes = _articles_of(p.segment)
            ok = np.fromiter((a in allowed for a in names), dtype=bool, count=len(names))[codes]
            out.append(ok if not len(p.deleted) else ok[p.mask])
        return np.concatenate(out).astype(np.float32)

    def doc_freq(self, term: str) -> int:
        n = 0
        for p in self.parts:
            row = p.segment.vocab.get(term)
            if row is not None:
                n += int(p.live_df[row])
        return n

    def has_prefix(self, prefix: str) -> bool:
        """Does a live chunk hold a term starting with prefix? (Each segment's vocabulary is sorted.)"""
        for p in self.parts:
            ts, df = p.segment.terms, p.live_df
            for row in range(bisect.bisect_left(ts, prefix), len(ts)):
                if not ts[row].startswith(prefix):
                    break
                if df[row]:
                    return True
        return False

    def terms_between(self, lo: str, hi: str) -> set[str]:
        """The terms t with lo <= t < hi that a live chunk holds: a slice of the sorted vocabulary, read from
        each segment's instead of the whole vocabulary merged and sorted."""
        out: set[str] = set()
        for p in self.parts:
            ts, df = p.segment.terms, p.live_df
            a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
            out.update(t for t, n in zip(ts[a:b], df[a:b].tolist()) if n)
        return out

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency; unseen terms get the highest value."""
        n = max(self.n_docs, 1)
        return float(np.log((n + 1) / (self.doc_freq(term) + 0.5)))

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk (zeros where mask is 0)."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        for t in query_terms(query) if self.n_docs else ():
            # In query order, repeats included: each chunk's float32 sum is added up as bm25s adds it.
            hit = self._contribution(t)
            if hit is not None:
                out[hit[0]] += hit[1]
        return out * mask if mask is not None else out

    def _contribution(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(positions, float32 scores) of the live chunks holding the term; kept for the next questions (the
        common terms are the costly ones, and they come back), up to CACHE_POSTINGS in all."""
        hit = self._cache.get(term, False)
        if hit is not False:
            return hit
        df = self.doc_freq(term)
        entry = None
        if df:
            # bm25s keeps the Lucene idf as float32, and multiplies it by a float64 term-frequency part.
            idf = np.float64(np.float32(math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))))
            where, values = [], []
            base = 0
            for p, norm, pos in zip(self.parts, self._norms, self._positions):
                docs, tfs = p.segment.postings(term)
                if len(docs):
                    tf = tfs.astype(np.float64)
                    score = (idf * (tf / (norm[docs] + tf))).astype(np.float32)
                    if pos is None:
                        where.append(docs + base)
                        values.append(score)
                    else:  # deleted docs are left out
                        at = pos[docs]
                        where.append(at[at >= 0])
                        values.append(score[at >= 0])
                base += p.live
            entry = (np.concatenate(where).astype(np.int64), np.concatenate(values))
        with self._cache_lock:
            if self._cached + (len(entry[0]) if entry else 0) > CACHE_POSTINGS:
                self._cache.clear()
                self._cached = 0
            self._cache[term] = entry
            self._cached += len(entry[0]) if entry else 0
        return entry


class DocFreqs(Mapping):
    """term -> number of live chunks holding it, read from the segments on demand (a dict when iterated)."""

    def __init__(self, index: BM25Index):
        self._index = index

    def __getitem__(self, term: str) -> int:
        n = self._index.doc_freq(term)
        if not n:
            raise KeyError(term)
        return n

    @cached_property
    def _all(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self._index.parts:
            for t, n in zip(p.segment.terms, p.live_df.tolist()):
                if n:
                    out[t] = out.get(t, 0) + n
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)


_ARTICLES: "weakref.WeakKeyDictionary[Segment, tuple[list[str], np.ndarray]]" = weakref.WeakKeyDictionary()


def _articles_of(segment: Segment) -> tuple[list[str], np.ndarray]:
    """The segment's distinct article ids and, per doc, the index of its article among them (from the chunk
    ids); worked out once per segment, which never changes."""
    hit = _ARTICLES.get(segment)
    if hit is None:
        names: dict[str, int] = {}
        codes = np.fromiter((names.setdefault(article_of(i), len(names)) for i in segment.ids), dtype=np.int64,
                            count=segment.n_docs)
        hit = _ARTICLES[segment] = (list(names), codes)
    return hit


def build_bm25(generation: int, ids: list[str], texts: list[str]) -> BM25Index:
    """An in-memory index of these chunks in one segment (spans unknown: 0, 0)."""
    return BM25Index(generation, [Part(build_segment(ids, [(0, 0)] * len(ids), texts))] if ids else [])
