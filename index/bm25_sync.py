"""Keeping BM25 in line with the manifest: catch up by difference, write one small segment, merge.

The manifest is the truth. Whoever needs the index of the manifest's current generation (a reader starting
or reloading, an ingest finishing) reads the segment list (index/bm25_store.py). When the list is of another
generation, or one of its segments is missing or damaged, it catches up by difference:
- a live doc whose chunk the manifest no longer holds (removed, replaced by a new version, re-split), or
  places at another span, or that an earlier segment already holds, gets a tombstone;
- the manifest's chunks that no segment holds are tokenised into one new segment.
So a change of 10 articles costs tokenising 10 articles plus one pass over the chunk ids, and whatever a
killed run left (a stale list, a segment the list does not name) is repaired by the next sync. A list that
cannot be read (missing, damaged, another format) costs one rebuild from the manifest.

An ingest (writer=True) then merges segments as index/bm25_merge.py decides, writes the new segments and the
list under the BM25 lock, and deletes what the list no longer names. A reader writes its catch-up only if it
gets the lock at once and the list is still the one it started from: otherwise its index lives in memory
until the next generation. Readers never wait for a writer and never undo its work.
"""

from __future__ import annotations

import secrets
from itertools import compress
from pathlib import Path

import numpy as np

from index.bm25 import BM25Index, Part
from index.bm25_merge import merge_segments, pick_merge
from index.bm25_segment import build_segment, write_segment
from index.bm25_store import Listing, collect_garbage, folder_of, load_parts, locked, remember, stamp_of, write_listing
from index.manifest import Manifest


def sync_bm25(path: Path, manifest: Manifest, *, writer: bool = False) -> BM25Index:
    """The BM25 index of the manifest's current generation, saved when it changed (see above)."""
    if writer:
        with locked(path, blocking=True) as held:
            loaded = load_parts(path)
            current = _current(loaded, manifest)
            if current is None:
                return BM25Index(loaded.listing.generation, loaded.parts)
            gen, parts = current
            if held:  # held unless the home cannot hold a lock file (read-only): then in memory only
                parts = _save(path, gen, _merge(parts))
            return BM25Index(gen, parts)
    loaded = load_parts(path)
    current = _current(loaded, manifest)
    if current is None:
        return BM25Index(loaded.listing.generation, loaded.parts)
    gen, parts = current
    if not manifest.readonly:
        with locked(path, blocking=False) as held:
            if held and stamp_of(path) == loaded.stamp:  # nobody wrote the list since we read it
                parts = _save(path, gen, parts)
    return BM25Index(gen, parts)


def _current(loaded, manifest: Manifest) -> tuple[int, list[Part]] | None:
    """None when the list on disk is complete and of the manifest's generation; else the caught-up parts."""
    if loaded.complete and loaded.listing.generation == manifest.generation():
        return None
    return catch_up(loaded.parts, manifest)


def catch_up(parts: list[Part], manifest: Manifest) -> tuple[int, list[Part]]:
    """(generation, parts) for the manifest as it is now: tombstones for the docs it no longer holds, one new
    segment for the chunks no part holds."""
    with manifest.snapshot():  # an ingest may commit meanwhile: generation, chunks and texts read at once
        gen = manifest.generation()
        # A chunk is identified by its id and span (an id names its article version; a changed chunking
        # could place it elsewhere). Set operations over (id, start, end) keys keep this pass at C speed.
        # ``unheld``: the manifest's keys no part holds yet (each part takes its own out of it, in order).
        unheld = manifest.chunk_keys()
        kept = []
        for p in parts:
            dead = _stale_docs(p, unheld)
            if len(dead):
                p = Part(p.segment, np.union1d(p.deleted, dead))
            if p.live:
                kept.append(p)
        # In the manifest's order (article, ordinal): an index built in one go lists chunks as chunks() does.
        missing = manifest.chunk_rows(cid for cid, _, _ in unheld)
        texts = manifest.article_texts(dict.fromkeys(r[1] for r in missing))
    if missing:
        # Tokenised outside the read transaction; texts are sliced one block at a time.
        segment = build_segment([r[0] for r in missing], [(r[3], r[4]) for r in missing],
                                (texts[aid][start:end] for _, aid, _, start, end in missing))
        kept.append(Part(segment))
    return gen, kept


def _stale_docs(part: Part, unheld: set[tuple[str, int, int]]) -> np.ndarray:
    """The part's live docs that are not among the manifest's keys no earlier part holds (removed, replaced,
    moved, or held already); the others' keys are taken out of ``unheld``. map() over set lookups: no
    Python code runs per doc."""
    seg = part.segment
    keys = list(zip(seg.ids, seg.starts.tolist(), seg.ends.tolist()))
    fresh = np.fromiter(map(unheld.__contains__, keys), dtype=bool, count=len(keys)) & part.mask
    stale = part.mask & ~fresh
    n = len(unheld)
    unheld.difference_update(compress(keys, fresh.tolist()))
    if n - len(unheld) != int(fresh.sum()):  # a key twice in this segment (only a damaged file has that)
        seen: set[tuple[str, int, int]] = set()
        for d in np.flatnonzero(fresh).tolist():  # keep the first
            stale[d] = keys[d] in seen
            seen.add(keys[d])
    return np.flatnonzero(stale)


def _merge(parts: list[Part]) -> list[Part]:
    """Merge segments as the tiered policy says, until it says nothing more; merged parts take the place of
    the first of theirs (the order of the others is kept)."""
    while pick := pick_merge([(p.live, p.segment.n_docs) for p in parts]):
        merged = Part(merge_segments([(parts[i].segment, parts[i].mask) for i in pick]))
        parts = [merged if i == pick[0] else p for i, p in enumerate(parts) if i == pick[0] or i not in pick]
    return parts


def _save(path: Path, gen: int, parts: list[Part]) -> list[Part]:
    """Write the parts only in memory as segment files, then the list, then delete what it no longer names
    (BM25 lock held). A full disk or read-only home leaves the old files: the index stays in memory."""
    folder = folder_of(path)
    try:
        for p in parts:
            if not p.segment.name:
                write_segment(p.segment, folder, f"seg-{gen:08d}-{secrets.token_hex(4)}.npz")
                remember(folder, p.segment)  # this process reads it from memory, not from the file again
        write_listing(path, Listing(gen, [(p.segment.name, p.segment.n_docs, p.deleted) for p in parts]))
        collect_garbage(path, {p.segment.name for p in parts})
    except OSError:
        pass
    return parts
