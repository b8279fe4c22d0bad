"""The read side of the index: an in-memory snapshot of the manifest, BM25, Chroma and the embedder.

Opened once per settings and reused (warm questions cost no start-up); it reloads by itself when an
ingest (in this process or another) has moved the manifest to a new generation.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from pathlib import Path

from index.bm25 import BM25Index
from index.embed import make_embedding
from index.errors import NoIndexError
from index.home import check_home, disk_errors, writable
from index.ingest import check_embed_model, manifest_path, refresh_bm25
from index.manifest import Manifest
from index.settings import Settings
from index.types import Article
from index.vectors import VectorStore


@dataclass(frozen=True)
class ChunkRow:
    id: str
    article_id: str
    ordinal: int
    start: int
    end: int
    first_sentence: int
    last_sentence: int


@dataclass(frozen=True)
class SentenceRow:
    id: str
    article_id: str
    ordinal: int
    start: int
    end: int
    kind: str = "body"  # "body" is article prose; anything else is never an answer (index/fragments.py)


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity (caches key on the snapshot)
class Snapshot:
    """One generation of the index, never changed once built: a question that holds it reads one consistent
    state (articles, chunks, sentences, BM25 and the vector store of that generation) from start to end."""

    settings: Settings
    generation: int
    articles: dict[str, Article]
    chunks: dict[str, ChunkRow]
    sentences: dict[str, list[SentenceRow]]
    bm25: BM25Index
    store: VectorStore
    embed_model: object


class Library:
    """The shared read side: ``current`` is the latest Snapshot, replaced whole (one reference) by reload()."""

    def __init__(self, settings: Settings):
        self.settings = settings
        path = manifest_path(settings)
        check_home(settings)  # a file: say so, not "no index"
        if not path.exists():
            raise NoIndexError(f"No index at {settings.home}: run `newsbot ingest` (or `make chat`) first")
        # A home we may not write (a read-only mount, another user's index) is read without writing to it.
        self.readonly = not writable(Path(settings.home))
        with disk_errors(settings):
            self.manifest = Manifest(path, readonly=self.readonly)
        try:
            check_embed_model(self.manifest, settings)  # before any query: a foreign model's scores mean nothing
            with disk_errors(settings):
                self.store = VectorStore(settings, readonly=self.readonly)
        except Exception:
            self.manifest.close()
            raise
        self.embed_model = make_embedding(settings.embed_model)
        self.current: Snapshot | None = None
        self._lock = threading.Lock()
        with disk_errors(settings):
            self.reload()

    # The parts of the current snapshot, for callers that read one of them (a question uses .current).
    generation = property(lambda self: self.current.generation if self.current else -1)
    articles = property(lambda self: self.current.articles)
    chunks = property(lambda self: self.current.chunks)
    sentences = property(lambda self: self.current.sentences)
    bm25 = property(lambda self: self.current.bm25)

    def reload(self) -> None:
        """Read the manifest into a new Snapshot (articles, chunks, sentences, current BM25) and swap it in."""
        for _ in range(5):
            # One read transaction: an ingest committing meanwhile cannot give us half of its change.
            with self.manifest.snapshot():
                gen = self.manifest.generation()
                if gen == self.generation:
                    return
                articles = {a.id: a for a in self.manifest.articles()}
                chunks = [ChunkRow(*r) for r in self.manifest.chunks()]
                rows = self.manifest.sentences()
            if not articles:
                raise NoIndexError(f"The index at {self.settings.home} is empty: run `newsbot ingest PATH`")
            bm25 = refresh_bm25(self.settings, self.manifest)
            if bm25.generation == gen:
                break  # otherwise an ingest committed between the two reads: read again
        sentences: dict[str, list[SentenceRow]] = {}
        for r in rows:
            sentences.setdefault(r[1], []).append(SentenceRow(*r))
        if self.current is not None:
            # Another generation: the embedded Chroma caches its index per process and does not see what
            # another process wrote ("Error finding id"): the new snapshot gets a freshly opened store.
            self.store = self.store.reopened()
        # One reference swapped: a question running meanwhile keeps the snapshot it started with.
        self.current = Snapshot(self.settings, gen, articles, {c.id: c for c in chunks}, sentences, bm25,
                                self.store, self.embed_model)

    def refresh(self) -> None:
        if self.manifest.generation() != self.generation:
            with self._lock:
                self.reload()


_OPEN: dict[tuple, Library] = {}
_OPEN_LOCK = threading.Lock()


def sentence_at(lib, article_id: str, start: int) -> SentenceRow:
    """The sentence of the article that starts at `start` (an article's sentences are in text order)."""
    sents = lib.sentences[article_id]
    return sents[bisect.bisect_left(sents, start, key=lambda s: s.start)]


def open_library(settings: Settings) -> Library:
    """The shared Library for these settings, opened on first use."""
    key = (str(Path(settings.home).resolve()), settings.collection, settings.chroma_url, settings.embed_model)
    with _OPEN_LOCK:
        lib = _OPEN.get(key)
        if lib is None:
            lib = _OPEN[key] = Library(settings)
    lib.refresh()
    return lib


def close_libraries() -> None:
    with _OPEN_LOCK:
        for lib in _OPEN.values():
            lib.manifest.close()
        _OPEN.clear()
