"""The BM25 files under NEWSBOT_HOME: a segment list and the segment files it names.

- ``<collection>.bm25.npz``: the segment list, a small .npz holding one JSON array (generation of the
  manifest it matches, the live segments in order, and each one's deleted doc numbers). Replaced atomically
  (write + fsync + rename); read with ``allow_pickle=False``.
- ``<collection>.bm25-segments/seg-<generation>-<random>.npz``: the segments (index/bm25_segment.py), never
  changed once written. A file the list does not name is garbage (left by a killed run or merged away) and is
  deleted by the next process that writes the list.
- ``<collection>.bm25.lock``: held (flock) by whoever writes segments or the list, so that only one process
  at a time writes and collects garbage.

A segment read once stays in a process-wide cache (keyed by the file's inode, size and mtime) for as long
as an index uses it: a reader moving to a new generation reads only the segments it has not seen.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
import weakref
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from index.bm25 import BM25Index, Part
from index.bm25_segment import FILE_FORMAT, NAME, BadSegment, Segment, read_segment
from index.terms import TERMS_VERSION

_CACHE: weakref.WeakValueDictionary = weakref.WeakValueDictionary()  # (path, inode, size, mtime) -> Segment
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Listing:
    generation: int
    entries: list[tuple[str, int, np.ndarray]]  # (segment file name, its docs, its deleted doc numbers)


@dataclass
class Loaded:
    """What the segment list on disk gave: its parts, and whether every segment it names could be read."""

    listing: Listing | None
    stamp: tuple | None  # the list file's identity when read: another process replaced it if this changed
    parts: list[Part]
    complete: bool


def folder_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".npz") + "-segments")


def stamp_of(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_listing(path: Path) -> Listing | None:
    """The segment list, or None when it is missing, in another format or not a valid list (rebuilt)."""
    try:
        # allow_pickle=False: an array stored as a pickle raises ValueError instead of being unpickled.
        with np.load(path, allow_pickle=False) as saved:
            meta = json.loads(saved["meta"].tobytes().decode("utf-8"))
        if meta.get("format") != FILE_FORMAT or meta.get("version") != TERMS_VERSION:
            return None
        entries = []
        for e in meta["segments"]:
            name, docs = str(e["name"]), int(e["docs"])
            deleted = np.unique(np.asarray(e["deleted"], dtype=np.int64))
            if not NAME.match(name) or (len(deleted) and not 0 <= deleted[0] <= deleted[-1] < docs):
                return None
            entries.append((name, docs, deleted))
        return Listing(int(meta["generation"]), entries)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile, UnicodeDecodeError):
        return None


def write_listing(path: Path, listing: Listing) -> None:
    meta = {"format": FILE_FORMAT, "version": TERMS_VERSION, "generation": listing.generation,
            "segments": [{"name": n, "docs": d, "deleted": dead.tolist()} for n, d, dead in listing.entries]}
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        np.savez(fh, meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    legacy = path.with_name(path.name.removesuffix(".npz") + ".pickle")
    legacy.unlink(missing_ok=True)  # what older versions saved: never to be unpickled


def open_segment(folder: Path, name: str) -> Segment:
    """The segment file, from the cache when this very file was read before (FileNotFoundError if gone)."""
    path = folder / name
    st = os.stat(path)
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        segment = _CACHE.get(key)
    if segment is None:
        segment = read_segment(path)
        with _CACHE_LOCK:
            segment = _CACHE.setdefault(key, segment)
    return segment


def remember(folder: Path, segment: Segment) -> None:
    """Cache a segment this process has just written, under the file it was written to."""
    path = folder / segment.name
    st = os.stat(path)
    with _CACHE_LOCK:
        _CACHE[(str(path), st.st_ino, st.st_size, st.st_mtime_ns)] = segment


def load_parts(path: Path, attempts: int = 3) -> Loaded:
    """Read the segment list and its segments. A segment that vanished meanwhile was merged away by a
    writer: the list is read again. One that stays missing, or is damaged, is left out (complete=False)."""
    for attempt in range(attempts):
        stamp = stamp_of(path)
        listing = read_listing(path)
        if listing is None:
            return Loaded(None, stamp, [], False)
        parts, complete, vanished = [], True, False
        for name, docs, deleted in listing.entries:
            try:
                segment = open_segment(folder_of(path), name)
            except FileNotFoundError:
                vanished, complete = True, False
                continue
            except (BadSegment, OSError):
                complete = False
                continue
            if segment.n_docs != docs:
                complete = False  # not the segment the list meant
                continue
            parts.append(Part(segment, deleted))
        if not vanished or attempt == attempts - 1:
            return Loaded(listing, stamp, parts, complete)
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def load_bm25(path: Path) -> BM25Index | None:
    """The saved index as the list says, or None when the list or one of its segments is missing or invalid."""
    loaded = load_parts(path)
    if loaded.listing is None or not loaded.complete:
        return None
    return BM25Index(loaded.listing.generation, loaded.parts)


@contextmanager
def locked(path: Path, blocking: bool) -> Iterator[bool]:
    """Hold the BM25 write lock; yields False (not held) when not blocking and another process has it, or
    when the home cannot hold a lock file (read-only)."""
    try:
        fh = open(path.with_name(path.name.removesuffix(".npz") + ".lock"), "a+")
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        fh.close()  # closing releases the lock


def collect_garbage(path: Path, keep: set[str]) -> None:
    """Delete segment files the list does not name, and temporary files of killed writers (lock held)."""
    folder = folder_of(path)
    for p in folder.glob("seg-*"):
        if p.name not in keep and (NAME.match(p.name) or ".npz.tmp" in p.name):
            p.unlink(missing_ok=True)
    for p in path.parent.glob(f"{path.name}.tmp*"):
        p.unlink(missing_ok=True)
