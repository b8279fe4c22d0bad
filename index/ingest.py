"""load -> chunk -> embed -> store, incremental by content hash and safe to kill at any point.

Order of writes for one article version (see index/manifest.py):
  1. its new vector ids go to ``pending``            (a crash now: leftovers are deleted next run)
  2. vectors are upserted (chunks into Chroma, sentences into index/sentence_store.py; not live yet: readers
     only trust the manifest)
  3. one SQLite transaction swaps the manifest rows (the new version is live; the old ids become pending)
  4. the old vectors are deleted, ``pending`` cleared
BM25 catches up with the manifest at the end (one new small segment; a big ingest every BM25_SEGMENT_CHUNKS
chunks too), and readers do whenever it is stale.
"""

from __future__ import annotations

import fcntl
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from index.bm25 import BM25Index
from index.bm25_sync import sync_bm25
from index.chunk import split_article
from index.chunk_delta import COMPACT_DELTA, compact, is_small
from index.partition import finish, split
from index.errors import NewsbotError
from index.home import disk_errors, require_writable
from index.load import load_paths
from index.index_format import check_format, record_done
from index.manifest import Manifest
from index.plan import Plan, plan, prunable
from index.sentence_migration import migrate_sentences
from index.spill import Spill
from index.settings import Settings
from index.types import Article, Chunk, Notice, Sentence, Skip
from index.vectors import VectorStore

Progress = Callable[[int, int], None]
BATCH_VECTORS = 256  # how many vectors to embed before writing (bounded memory, steady progress)
SPLIT_CHECK = 2_000  # articles between two checks of whether a big ingest's main collection is to be split
# A big ingest writes a BM25 segment every this many chunks (about 6,700 articles), so that it never tokenises
# and sorts a whole archive's postings at once at the end (1.5 M chunks at 100,000 articles: gigabytes).
BM25_SEGMENT_CHUNKS = 100_000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    chunks_embedded: int = 0
    vectors_embedded: int = 0
    vectors_restored: int = 0  # live vectors the store had lost (deleted folder, another server), re-embedded
    sentences_moved: int = 0  # sentence vectors of an older index copied out of Chroma (index/sentence_migration.py)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
                f"removed {len(self.removed)}, skipped {len(self.skipped)}; embedded {self.chunks_embedded} chunks "
                f"in {self.seconds:.2f} s" + (f"; re-embedded {self.vectors_restored} missing vectors"
                                              if self.vectors_restored else "")
                + (f"; moved {self.sentences_moved} sentence vectors out of Chroma" if self.sentences_moved else ""))


# index/embed.py imports llama-index (2 s): only an ingest that embeds something loads it, so that
# `newsbot ingest` of an unchanged archive starts as fast as Python does.
def make_embedding(name: str):
    from index.embed import make_embedding as make

    return make(name)


def embed_texts(model, texts: list[str]):
    from index.embed import embed_texts as embed

    return embed(model, texts)


def manifest_path(settings: Settings) -> Path:
    return Path(settings.home) / f"{settings.collection}.manifest.sqlite"


def bm25_path(settings: Settings) -> Path:
    """The BM25 segment list (its segments are in the folder beside it: index/bm25_store.py)."""
    return Path(settings.home) / f"{settings.collection}.bm25.npz"  # arrays + JSON, never a pickle


class _IngestLock:
    """One ingest at a time per index: a second one fails at once with a clear message.

    Reentrant within a thread: ingest() or remove_articles() called inside write_lock() use the lock held."""

    _held = threading.local()  # lock file path -> [open file, depth], for this thread

    def __init__(self, settings: Settings):
        Path(settings.home).mkdir(parents=True, exist_ok=True)
        self.path = Path(settings.home) / f"{settings.collection}.ingest.lock"

    def __enter__(self):
        held = self._held.__dict__.setdefault("locks", {})
        key = str(self.path.resolve())
        if key in held:
            held[key][1] += 1
            return self
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise NewsbotError(f"another ingest is running on {self.path.parent}: wait for it to finish") from None
        held[key] = [fh, 1]
        return self

    def __exit__(self, *exc):
        held = self._held.locks
        key = str(self.path.resolve())
        held[key][1] -= 1
        if held[key][1] == 0:
            fh = held.pop(key)[0]
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()


@contextmanager
def write_lock(settings: Settings) -> Iterator[None]:
    """Hold the index for writing: refused at once (NewsbotError) while another ingest runs, a read-only or
    file home refused up front, a full disk one HomeError. ingest() and remove_articles() inside reuse it, so a
    caller can do its own file work and the index writes as one step (the chat's uploads, bot/ui/corpus.py)."""
    require_writable(settings)  # a file or a read-only folder: one clear line before anything is read
    with disk_errors(settings), _IngestLock(settings):  # a full disk: the index stays as it was (see above)
        yield


def _open_store(manifest: Manifest, settings: Settings) -> tuple[VectorStore, int]:
    """The writer's vector store, with an older index's sentence vectors moved out of Chroma first (so that
    every later write finds them in one place) and what a killed run left deleted; (store, vectors moved)."""
    store = VectorStore(settings)
    moved = migrate_sentences(store)
    if store.part is not None:
        finish(store)  # a split into parts a killed run did not finish (index/partition.py)
    _delete_pending(manifest, store)
    return store, moved


def _delete_pending(manifest: Manifest, store: VectorStore) -> None:
    """Finish what a killed run left: vectors that are in the store but not live in the manifest."""
    rows = manifest.pending()
    # A pending id may also be live (an article written again after a killed run gets the very same ids):
    # never delete those.
    orphans = manifest.pending_orphans()
    for kind in ("chunk", "sentence"):
        store.delete(kind, [i for i, k in orphans if k == kind])
    manifest.clear_pending([i for i, _ in rows])


def _date_key(article: Article) -> int:
    return int(article.date.replace("-", "")[:8]) if article.date else 0


def _write_batch(batch: list[tuple[Article, list[Sentence], list[Chunk]]], manifest: Manifest,
                 store: VectorStore, embed_model) -> int:
    chunks = [c for _, _, cs in batch for c in cs]
    sents = [s for _, ss, _ in batch for s in ss]
    manifest.mark_pending([(c.id, "chunk") for c in chunks] + [(s.id, "sentence") for s in sents])
    dates = {a.id: _date_key(a) for a, _, _ in batch}
    store.upsert("chunk", [c.id for c in chunks], embed_texts(embed_model, [c.text for c in chunks]),
                 [{"article_id": c.article_id, "ordinal": c.ordinal, "start": c.start, "end": c.end,
                   "date": dates[c.article_id]} for c in chunks])
    store.upsert("sentence", [s.id for s in sents], embed_texts(embed_model, [s.text for s in sents]),
                 [{"article_id": s.article_id, "ordinal": s.ordinal, "start": s.start, "end": s.end}
                  for s in sents])
    for article, ss, cs in batch:
        stale = manifest.commit_article(article, ss, cs)
        for kind in ("chunk", "sentence"):
            store.delete(kind, [i for i, k in stale if k == kind])
        manifest.clear_pending([i for i, _ in stale])
    return len(chunks) + len(sents)


def _write_work(work: Spill, manifest: Manifest, store: VectorStore, embed_model, settings: Settings,
                progress: Progress | None) -> tuple[int, int]:
    """Split, embed and commit the articles to write, a batch of about BATCH_VECTORS vectors at a time; return
    (chunks, vectors) written. Each article is split only when its batch is made, so memory holds one batch's
    chunks and sentences, not the whole archive's (100,000 articles: millions of them); and ``work`` is on disk
    (index/spill.py), each article read back when its batch is made."""
    chunks = done = checked = unsearched = 0  # unsearched: chunks written that no BM25 segment holds yet
    batch: list[tuple[Article, list[Sentence], list[Chunk]]] = []
    size = 0
    for n in range(1, len(work) + 1):
        art = work[n - 1]  # read back from the spill file (index/spill.py): the batch holds it until written
        ss, cs = split_article(art, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
        batch.append((art, ss, cs))
        size += len(ss) + len(cs)
        chunks += len(cs)
        unsearched += len(cs)
        if size >= BATCH_VECTORS or n == len(work):
            done += _write_batch(batch, manifest, store, embed_model)
            batch, size = [], 0
            if unsearched >= BM25_SEGMENT_CHUNKS:
                refresh_bm25(settings, manifest, writer=True)  # one segment of what was written since the last
                unsearched = 0
            if store.part is None and not store.small and n - checked >= SPLIT_CHECK:
                checked = n
                split(store)  # once the main collection is big enough (index/partition.py)
            elif store.part is not None and store.delta_count() >= COMPACT_DELTA:
                compact(store)  # into the parts, whenever enough waits: the delta never grows whole
            if progress:
                progress(n, len(work))  # in articles: the total of vectors is known only once all are split
    return chunks, done


def missing_vectors(manifest: Manifest, store: VectorStore) -> dict[str, list[str]]:
    """Kind -> the live chunk / sentence ids whose vectors the store lacks (the Chroma folder or the sentence
    vectors file was deleted, or NEWSBOT_CHROMA_URL points at another server). Retrieval would silently fall
    back to BM25 for the chunks, the answerer would score the sentences without their meaning."""
    out = {}
    for kind, table in (("chunk", "chunks"), ("sentence", "sentences")):
        # Equal counts: nothing is missing (VectorStore.missing), known without listing every live id.
        if store.count(kind) == manifest.count(table):
            out[kind] = []
            continue
        rows = manifest.chunks() if kind == "chunk" else manifest.sentences()
        out[kind] = store.missing(kind, [r[0] for r in rows])
    return out


def _restore_missing(manifest: Manifest, store: VectorStore, embed_model, settings: Settings) -> int:
    """Re-embed the live vectors the store has lost, from the manifest's texts; return how many.

    The manifest does not change (the ids are live already), so no pending bookkeeping is needed: a run
    killed half-way leaves some still missing, and the next run finds them again."""
    missing = missing_vectors(manifest, store)
    if not any(missing.values()):
        return 0
    embed_model = embed_model or make_embedding(settings.embed_model)
    articles = {a.id: a for a in manifest.articles()}
    rows = {"chunk": {r[0]: r for r in manifest.chunks()}, "sentence": {r[0]: r for r in manifest.sentences()}}
    done = 0
    for kind, ids in missing.items():
        for b in range(0, len(ids), BATCH_VECTORS):  # bounded memory, as for new articles
            batch = [rows[kind][i] for i in ids[b : b + BATCH_VECTORS]]
            # Rows are (id, article_id, ordinal, start, end, ...): the text is the article's span.
            texts = [articles[r[1]].text[r[3]:r[4]] for r in batch]
            metas = [{"article_id": r[1], "ordinal": r[2], "start": r[3], "end": r[4]} for r in batch]
            if kind == "chunk":  # chunks carry the article date for the date filters, as in _write_batch
                for m in metas:
                    m["date"] = _date_key(articles[m["article_id"]])
            store.upsert(kind, [r[0] for r in batch], embed_texts(embed_model, texts), metas)
            done += len(batch)
    return done


def refresh_bm25(settings: Settings, manifest: Manifest, *, writer: bool = False) -> BM25Index:
    """The BM25 index of the manifest's current generation, caught up and saved if the saved one is older
    (index/bm25_sync.py). ``writer``: the caller holds the ingest lock (ingest, remove_articles), so it waits
    for the BM25 lock, merges segments and always saves; a reader saves only when nobody else is writing."""
    return sync_bm25(bm25_path(settings), manifest, writer=writer)


def ingest(paths: Sequence[str | Path] | None, settings: Settings, *, prune: bool = False,
           progress: Progress | None = None, embed_model=None, keep_twins: bool = False) -> IngestReport:
    """Bring the index in line with the articles under ``paths`` (default: the sample corpus).

    A stored article whose file now holds another article's text is removed (its old text is no longer in
    its file); with ``keep_twins`` it keeps its stored version instead, and the skip says so (the chat's
    uploads, which put the earlier file back)."""
    t0 = time.perf_counter()
    paths = list(paths) if paths else [settings.corpus]
    report = IngestReport()
    with write_lock(settings):
        manifest = Manifest(manifest_path(settings))
        try:
            rechunk, reembed = check_format(manifest, settings)  # reembed: a Notice when the vectors' format changed
            report.notices.extend([reembed] if reembed else [])
            manifest.sync_words()  # an index from before the archive's word tables: counted once, here
            store, report.sentences_moved = _open_store(manifest, settings)
            loaded = load_paths(paths, max_bytes=settings.max_file_bytes, stored=manifest.article_sources())
            # the articles to write wait on disk, not in memory (index/spill.py)
            todo = plan(loaded, manifest, rechunk, keep_twins=keep_twins, spill=Path(settings.home))
            for name in ("added", "updated", "unchanged", "skipped", "notices"):
                getattr(report, name).extend(getattr(todo, name))
            if todo.work:
                embed_model = embed_model or make_embedding(settings.embed_model)
            # a few articles added to a big archive: around its big vector index (index/chunk_delta.py)
            store.small = is_small(store, len(todo.work) + len(todo.twins))
            report.chunks_embedded, report.vectors_embedded = _write_work(todo.work, manifest, store, embed_model,
                                                                          settings, progress)
            todo.work.close()
            if rechunk:
                record_done(manifest, settings)  # every article now has this chunking and embedding format
            for aid in todo.twins:  # edited into a copy of another article: its old version must not stay live
                _remove_article(manifest, store, aid)
                report.removed.append(aid)
            if prune:
                _prune(manifest, store, report, todo)
            # Last, once the manifest is final: live vectors the store lost are embedded again.
            report.vectors_restored = _restore_missing(manifest, store, embed_model, settings)
            compact(store)  # when enough waits (index/chunk_delta.py)
            if store.part is None:
                split(store)  # once the main collection is big (index/partition.py)
            refresh_bm25(settings, manifest, writer=True)
            store.close()
        finally:
            manifest.close()
    report.seconds = time.perf_counter() - t0
    return report


def _prune(manifest: Manifest, store: VectorStore, report: IngestReport, todo: Plan) -> None:
    """Remove articles whose file is gone, or whose record vanished from a file read again (index/plan.py)."""
    gone, notices = prunable(todo, manifest.article_sources())
    for aid in gone:
        _remove_article(manifest, store, aid)
        report.removed.append(aid)
    report.notices.extend(notices)


def _remove_article(manifest: Manifest, store: VectorStore, article_id: str) -> None:
    """Take the article out of the manifest (one transaction), then delete its vectors, then clear pending."""
    stale = manifest.remove_article(article_id)
    for kind in ("chunk", "sentence"):
        store.delete(kind, [i for i, k in stale if k == kind])
    manifest.clear_pending([i for i, _ in stale])


def remove_articles(ids: Iterable[str], settings: Settings) -> list[str]:
    """Remove these articles from the index; return the ids removed (unknown ids are ignored).

    Takes the ingest lock (fails at once while an ingest runs), and leaves BM25 up to date."""
    ids = [ids] if isinstance(ids, str) else list(ids)
    removed: list[str] = []
    with write_lock(settings):
        if not manifest_path(settings).exists():
            return removed
        manifest = Manifest(manifest_path(settings))
        try:
            known = manifest.article_hashes()
            wanted = [aid for aid in dict.fromkeys(ids) if aid in known]
            if not wanted:
                return removed
            manifest.sync_words()
            store, _ = _open_store(manifest, settings)
            store.small = is_small(store, len(wanted))
            for aid in wanted:
                _remove_article(manifest, store, aid)
                removed.append(aid)
            compact(store)  # when enough waits (index/chunk_delta.py)
            refresh_bm25(settings, manifest, writer=True)
            store.close()
        finally:
            manifest.close()
    return removed
