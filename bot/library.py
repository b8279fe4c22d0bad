"""The read side of the index: a snapshot of the manifest, BM25, Chroma and the embedder.

Opened once per settings and reused (warm questions cost no start-up); it moves to a new snapshot by itself
when an ingest (in this process or another) has moved the manifest to a new generation. A snapshot reads its
rows from the manifest when a question needs them (Articles, Chunks, Sentences below), in a read transaction
of its own generation (index/manifest_reader.py): nothing is loaded whole at start.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path

from index.bm25 import BM25Index
from index.embed import make_embedding
from index.errors import NoIndexError, StaleSnapshotError
from index.home import check_home, disk_errors, writable
from index.index_format import check_embed_model, embed_format, stored_embed_format
from index.ingest import manifest_path, refresh_bm25
from index.manifest import Manifest
from index.manifest_reader import ManifestReader
from index.settings import Settings
from index.types import Article
from index.vectors import VectorStore
from index.words import WordStats

# -- a snapshot's rows, read by id when first asked for -------------------------------------------------------
# A question reads a few dozen articles and their sentences; a reader used to load every row of the archive at
# start and at each new generation (1.5 GB and most of a cold `newsbot ask` at 10,000 articles). Iterating one
# of these mappings still lists the whole table, for the rare callers that want it (tests, the eval's checks).

# Rows kept per snapshot: well above what one question reads (its passages' articles, up to 40 with
# bot.search), so that questions on the same topic read nothing again; a few MB of article text.
ARTICLES_KEPT, CHUNKS_KEPT = 1024, 8192
READ_ATTEMPTS = 20  # new generations a question may meet while it starts before giving up (each is a commit)


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


class _Rows(Mapping):
    """id -> row, read on first use; a missing id raises KeyError as a dict would."""

    table = ""

    def __init__(self, reader: ManifestReader, kept: int):
        self.reader = reader
        # Thread-safe; a miss (None) is kept too. The cache holds the reader, not this mapping: no reference
        # cycle, so the reader (and its read transaction) goes as soon as the last holder lets go of it.
        self._get = lru_cache(maxsize=kept)(partial(self._load, reader))

    @staticmethod
    def _load(reader: ManifestReader, key: str):
        raise NotImplementedError

    def __getitem__(self, key: str):
        row = self._get(key) if isinstance(key, str) else None
        if row is None:
            raise KeyError(key)
        return row

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.reader.ids(self.table))

    def __len__(self) -> int:
        return self.reader.count(self.table)


class Articles(_Rows):
    table = "articles"

    @staticmethod
    def _load(reader: ManifestReader, article_id: str) -> Article | None:
        return reader.article(article_id)

    def dated(self, date_from: str | None, date_to: str | None) -> set[str]:
        """The ids of the articles dated within [date_from, date_to] (undated ones never are)."""
        return self.reader.dated(date_from, date_to)


class Chunks(_Rows):
    table = "chunks"

    @staticmethod
    def _load(reader: ManifestReader, chunk_id: str) -> ChunkRow | None:
        row = reader.chunk(chunk_id)
        return ChunkRow(*row) if row else None


class Sentences(_Rows):
    """article id -> its sentences in text order (a list; an article without sentences is not a key)."""

    table = "sentences"

    @staticmethod
    def _load(reader: ManifestReader, article_id: str) -> list[SentenceRow] | None:
        return [SentenceRow(*r) for r in reader.sentences(article_id)] or None

    def __iter__(self) -> Iterator[str]:
        return iter(self.reader.sentence_articles())

    def __len__(self) -> int:
        return len(self.reader.sentence_articles())


# -- the snapshot and the library ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity (caches key on the snapshot)
class Snapshot:
    """One generation of the index, never changed once made: a question that reads it (Library.reading())
    reads one consistent state (articles, chunks, sentences, BM25 and the vector store of that generation)
    from start to end. Read after its question, once the index has moved on, a row it had not read yet raises
    StaleSnapshotError (the rows it read are kept)."""

    settings: Settings
    generation: int
    articles: Articles
    chunks: Chunks
    sentences: Sentences
    bm25: BM25Index
    store: VectorStore
    embed_model: object
    reader: ManifestReader  # the manifest at this generation, read by id (index/manifest_reader.py)

    @cached_property  # once per snapshot (cached_property writes the instance dict: allowed when frozen)
    def words(self) -> WordStats:
        """The archive's words (index/words.py), for reading a question as the corpus spells it."""
        return self.reader.words()


def _snapshot(settings: Settings, reader: ManifestReader, bm25: BM25Index, store: VectorStore,
              embed_model) -> Snapshot:
    return Snapshot(settings, reader.generation, Articles(reader, ARTICLES_KEPT), Chunks(reader, CHUNKS_KEPT),
                    Sentences(reader, ARTICLES_KEPT), bm25, store, embed_model, reader)


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
        # What ingest embeds with (this code's format), and what questions are embedded with: the pipeline that
        # made the index's vectors (an older index keeps float32 vectors until the next ingest re-embeds it).
        self.ingest_embedder = make_embedding(settings.embed_model)
        self.embed_model = self.ingest_embedder
        self._vectors: str | None = None
        self.current: Snapshot | None = None
        self._lock = threading.Lock()
        self._warm = False  # the parts of a big index loaded (warm())
        with disk_errors(settings):
            self.reload()

    generation = property(lambda self: self.current.generation if self.current else -1)

    # The parts of the current snapshot, for callers that read one of them now and then (tests, the eval's
    # checks): the library is brought up to date first. A question reads one snapshot: reading() below.
    articles = property(lambda self: self._now().articles)
    chunks = property(lambda self: self._now().chunks)
    sentences = property(lambda self: self._now().sentences)
    bm25 = property(lambda self: self._now().bm25)
    words = property(lambda self: self._now().words)

    def _now(self) -> Snapshot:
        self.refresh()
        return self.current

    @contextmanager
    def reading(self) -> Iterator[Snapshot]:
        """The current snapshot, its generation held for the caller's reads (a question) and let go after."""
        snap = self._acquire()
        try:
            yield snap
        finally:
            snap.reader.release()

    def _acquire(self) -> Snapshot:
        for _ in range(READ_ATTEMPTS):
            snap = self.current
            try:
                snap.reader.acquire()
                return snap
            except StaleSnapshotError:  # an ingest committed since this snapshot was made: read the new one
                with self._lock:
                    if self.current is snap:
                        self.reload()
        raise StaleSnapshotError(f"the index at {self.settings.home} changed {READ_ATTEMPTS} times while a "
                                 "question started: ask again")

    def reload(self) -> None:
        """Open the manifest's current generation as a new Snapshot (with that generation's BM25) and swap it in."""
        for attempt in range(READ_ATTEMPTS):
            reader = ManifestReader(manifest_path(self.settings), readonly=self.readonly)  # the generation now
            if reader.generation == self.generation:
                reader.close()
                return
            try:
                empty = not reader.has_articles()
            except StaleSnapshotError:  # an ingest committed since: open the newer generation
                reader.close()
                continue
            if empty:
                reader.close()
                raise NoIndexError(f"The index at {self.settings.home} is empty: run `newsbot ingest PATH`")
            bm25 = refresh_bm25(self.settings, self.manifest)
            if bm25.generation == reader.generation or attempt >= 4:
                break  # otherwise an ingest committed between the two reads: read again (5 times at most)
            reader.close()
        else:
            raise StaleSnapshotError(f"the index at {self.settings.home} changed {READ_ATTEMPTS} times while it "
                                     "was being opened: ask again")
        if self.current is not None:
            # Another generation: the embedded Chroma caches its index per process and does not see what
            # another process wrote ("Error finding id"): the new snapshot gets a freshly opened store.
            self.store = self.store.reopened()
        self._follow_vectors()
        # One reference swapped: a question running meanwhile keeps the snapshot it started with.
        self.current = _snapshot(self.settings, reader, bm25, self.store, self.embed_model)
        # The Chroma instances of older snapshots no question reads any more are stopped now and their memory
        # given back: left to the garbage collector, they piled up and the RSS grew for as long as another
        # process kept changing the index (issue 12; index/chroma_systems.py).
        self.store.stop_unused()

    def _follow_vectors(self) -> None:
        """Embed questions as the index's vectors were made: a question's vector from another pipeline (float32
        against int8) moves every score a little, silently."""
        vectors = stored_embed_format(self.manifest)
        if vectors != self._vectors:
            self._vectors = vectors
            same = vectors in (None, embed_format(self.settings.embed_model))  # one model loaded, not two
            self.embed_model = self.ingest_embedder if same else make_embedding(self.settings.embed_model, vectors)

    def refresh(self) -> None:
        if self.manifest.generation() != self.generation:
            with self._lock:
                self.reload()

    def warm(self) -> None:
        """Once this process asks a second question it is long-lived (the chat, the eval, a program): the parts of
        a big index (index/partition.py) no question has loaded yet are loaded now, once, so that every later
        question finds them in memory, as it found the one main collection before (whose whole index the first
        question loaded). A one-shot `newsbot ask` never pays for it. Loaded in this thread, before this
        question: loaded beside the questions, they made the questions wait for the lock (p95 0.7-0.9 s)."""
        with self._lock:
            if self._warm or self.store.part is None:
                return
            self._warm = True
        self.store.warm_parts()


_OPEN: dict[tuple, Library] = {}
_OPEN_LOCK = threading.Lock()


def sentence_at(lib, article_id: str, start: int) -> SentenceRow:
    """The sentence of the article that starts at `start` (an article's sentences are in text order)."""
    sents = lib.sentences[article_id]
    return sents[bisect.bisect_left(sents, start, key=lambda s: s.start)]


def prose_before(lib, row: SentenceRow) -> SentenceRow | None:
    """The sentence before `row` that it goes on from: the one before it, past a pull quote and its attribution
    between them (a pull quote's "Abu Faris, militia commander in Najaf" says nothing of the sentence after it;
    a heading, "Tense truce", does); None at the article's start."""
    sents = lib.sentences[row.article_id]
    i = row.ordinal - 1
    # (an attribution is a short line right after the pull quote, read as a heading: index/fragments.py)
    while i >= 0 and (sents[i].kind == "pull_quote" or (sents[i].kind == "heading" and i > 0
                                                         and sents[i - 1].kind == "pull_quote")):
        i -= 1
    return sents[i] if i >= 0 else None


def open_library(settings: Settings) -> Library:
    """The shared Library for these settings, opened on first use."""
    key = (str(Path(settings.home).resolve()), settings.collection, settings.chroma_url, settings.embed_model)
    with _OPEN_LOCK:
        lib = _OPEN.get(key)
        again = lib is not None
        if lib is None:
            lib = _OPEN[key] = Library(settings)
    lib.refresh()
    if again:
        lib.warm()  # (a big index in parts only)
    return lib


def close_libraries() -> None:
    with _OPEN_LOCK:
        for lib in _OPEN.values():
            lib.manifest.close()
            if lib.current is not None:
                lib.current.reader.close()
        _OPEN.clear()
