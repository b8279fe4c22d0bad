"""The read side of the index: an in-memory snapshot of the manifest, BM25, Chroma and the embedder.

Opened once per settings and reused (warm questions cost no start-up); it reloads by itself when an
ingest (in this process or another) has moved the manifest to a new generation.
"""

from __future__ import annotations

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


class Library:
    def __init__(self, settings: Settings):
        self.settings = settings
        path = manifest_path(settings)
        check_home(settings)  # a file: say so, not "no index"
        if not path.exists():
            raise NoIndexError(f"No index at {settings.home}: run `newsbot ingest` (or `make chat`) first")
        # A home we may not write (a read-only mount, another user's index) is read without writing to it.
        readonly = not writable(Path(settings.home))
        with disk_errors(settings):
            self.manifest = Manifest(path, readonly=readonly)
        try:
            check_embed_model(self.manifest, settings)  # before any query: a foreign model's scores mean nothing
            with disk_errors(settings):
                self.store = VectorStore(settings, readonly=readonly)
        except Exception:
            self.manifest.close()
            raise
        self.embed_model = make_embedding(settings.embed_model)
        self.generation = -1
        self._lock = threading.Lock()
        with disk_errors(settings):
            self.reload()

    def reload(self) -> None:
        """Read the manifest into memory (articles, chunks, sentences) and bring BM25 up to date."""
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
        # Swap everything at once so a concurrent question never sees half a snapshot.
        self.articles: dict[str, Article] = articles
        self.chunks: dict[str, ChunkRow] = {c.id: c for c in chunks}
        self.sentences = sentences
        self.bm25: BM25Index = bm25
        self.generation = gen

    def refresh(self) -> None:
        if self.manifest.generation() != self.generation:
            with self._lock:
                self.reload()


_OPEN: dict[tuple, Library] = {}
_OPEN_LOCK = threading.Lock()


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
