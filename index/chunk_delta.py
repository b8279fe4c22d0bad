"""Small changes to a big archive without touching its big vector index.

Chroma (1.x) loads a collection's whole HNSW index into memory at its first read or write in a process: at
100,000 articles that is 1.5 M chunk vectors, 7 s and 3 GB, paid by every `newsbot ingest` that adds or deletes
ten articles. So once the main chunk collection is big (BIG_INDEX vectors), a small change (an ingest writing
at most SMALL_CHANGE articles, a deletion from the chat) leaves it alone:

- new chunk vectors go to a small second collection, ``<name>_chunks_new`` (the "delta");
- a deleted chunk that is in the delta is deleted there; one in the main collection is buried: its id goes to
  the table ``dead_chunks`` of the sentence-vector file (index/sentence_store.py), and its vector stays;
- questions search both collections, leave the buried ids out and merge by similarity (VectorStore.query);
- an ingest folds the delta into the main collection and deletes the buried vectors (compact()) once the delta
  holds COMPACT_DELTA vectors or COMPACT_DEAD ids are buried, or whenever it writes to the main collection
  anyway (a big change), paying the big index's load once for many small changes.

Readers trust only the manifest (a buried id is not live there), so a buried vector is never an answer even
before it is left out here. Every step is safe to repeat: a killed compaction is finished by the next ingest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # index/vectors.py imports this module
    from index.vectors import VectorStore

DELTA_SUFFIX = "_chunks_new"
BIG_INDEX = 100_000  # chunk vectors in the main collection from which small changes go around it (~7k articles)
SMALL_CHANGE = 500  # articles an ingest may write for its change to count as small
COMPACT_DELTA = 30_000  # delta vectors from which an ingest folds them into the main collection (~2,000 articles)
COMPACT_DEAD = 5_000  # buried ids from which an ingest deletes their vectors (~330 articles)


def merge(main: list[tuple[str, float]], delta: list[tuple[str, float]], dead: frozenset[str],
          k: int) -> list[tuple[str, float]]:
    """The k best (id, similarity) of both collections' results, buried ids left out, an id once (a vector
    written again sits in both until the next compaction: its best score counts)."""
    best: dict[str, float] = {}
    for i, s in (*main, *delta):
        if i not in dead and s > best.get(i, float("-inf")):
            best[i] = s
    # ties by id: the same order in every process (bot/retrieve.py sorts likewise)
    return sorted(best.items(), key=lambda r: (-r[1], r[0]))[:k]


def is_small(store: "VectorStore", articles: int) -> bool:
    """Does a change of this many articles go around the main collection (it is big, the change small)?"""
    return articles <= SMALL_CHANGE and store.main_count() >= BIG_INDEX


def compact(store: "VectorStore") -> tuple[int, int]:
    """When enough waits, or this change wrote to the main collection anyway, fold the delta into the main
    collection and delete the buried vectors; (moved, deleted). The caller holds the ingest lock. Vectors are
    copied before they are deleted from the delta, and a buried id is unburied only after its vector is
    deleted: a run killed half-way leaves nothing lost, only work to redo."""
    delta, dead_n = store.delta_count(), len(store.dead())
    if not (delta >= COMPACT_DELTA or dead_n >= COMPACT_DEAD or (not store.small and (delta or dead_n))):
        return 0, 0
    moved = deleted = 0
    if store.part is not None:
        moved = _fold_into_parts(store)
    while True:
        got = store.read_delta(store.max_batch)
        if not got["ids"]:
            break
        store.write_main(got["ids"], got["embeddings"], got["metadatas"])
        store.drop_delta(got["ids"])
        moved += len(got["ids"])
    dead = sorted(store.dead())
    for b in range(0, len(dead), store.max_batch):
        batch = dead[b : b + store.max_batch]
        store.drop_main(batch)
        store.sentences.unbury_chunks(batch)
        deleted += len(batch)
    store.forget_dead()
    if store.part is not None and (moved or deleted):
        store.let_go()  # the parts this loaded: the next fold loads them again, a few at a time
    return moved, deleted


def _fold_into_parts(store: "VectorStore") -> int:
    """An index in parts (index/partition.py): the whole delta read first, then written part by part, so each
    part is loaded once (page by page, every page would load every part); then deleted from the delta."""
    ids: list[str] = []
    vectors: list = []
    metadatas: list[dict] = []
    for got in pages(store.read_delta, store.max_batch):
        ids.extend(got["ids"])
        vectors.extend(got["embeddings"])
        metadatas.extend(got["metadatas"])
    store.write_main(ids, vectors, metadatas)
    for b in range(0, len(ids), store.max_batch):
        store.drop_delta(ids[b : b + store.max_batch])
    return len(ids)


def pages(read, size: int) -> Iterator[dict]:
    """Every page of a Chroma collection, read by ``read(size, offset)`` (a VectorStore's read_delta / read_main)."""
    offset = 0
    while True:
        got = read(size, offset)
        if not got["ids"]:
            return
        offset += len(got["ids"])
        yield got
