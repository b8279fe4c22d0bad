"""The vector store: chunk vectors in Chroma, embedded (PersistentClient under NEWSBOT_HOME) or a server
(NEWSBOT_CHROMA_URL), same code; sentence vectors in a SQLite file under NEWSBOT_HOME, in both modes.

Chunks (``<name>_chunks``) are searched by nearest neighbour. Sentences are only ever read by id (what the
extractive answerer scores), so they live in index/sentence_store.py, which reads the rows a question needs
instead of loading a whole HNSW index. An index from before that holds them in a Chroma collection
``<name>_sentences``: readers still read them there (never a degraded answer), and the next ingest moves them
(index/sentence_migration.py). We always pass our own vectors: Chroma's default embedding function would
download a model. Writes go in batches no larger than the client's max batch size.

The clients and the folder lock are index/chroma_client.py's; the main collection's delta and graveyard
(index/vector_delta.py) and a big index's parts (index/vector_parts.py) are this class's two halves.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Sequence

import numpy as np

from index.chroma_client import folder_lock, open_client
from index.chroma_systems import give_back_memory, stop_unused
from index.chunk_delta import DELTA_SUFFIX, merge
from index.errors import StoreError
from index import partition
from index.partition import Partition, part_name, read_partition
from index.sentence_store import SentenceStore, sentence_vectors_path
from index.vector_delta import DeltaOfStore
from index.vector_parts import PartsOfStore
from index.settings import Settings

KINDS = ("chunk", "sentence")
EXTRA = 20  # more nearest neighbours asked of the main collection when some of its vectors are buried


class VectorStore(PartsOfStore, DeltaOfStore):
    def __init__(self, settings: Settings, readonly: bool = False, fresh: bool = False,
                 sentences: SentenceStore | None = None):
        """readonly: the caller only reads (ask, status), so a read-only home is read from a copy.
        fresh: do not reuse this process's cached embedded Chroma (it does not see other processes' writes).
        sentences: the sentence store to share (reopened(): SQLite sees other processes' writes by itself)."""
        self.settings, self.readonly = settings, readonly
        self.sentences = sentences or SentenceStore(sentence_vectors_path(settings.home, settings.collection),
                                                    readonly=readonly)
        self.locked = folder_lock(settings, readonly)
        with self.locked():
            self.client, self._folder, its_uses = open_client(settings, readonly, fresh)
            self._uses = list(its_uses)  # while this store lives, the Chroma instances it reads are not stopped
            self.max_batch = int(self.client.get_max_batch_size())
            # Listed, not asked for: chromadb's NotFoundError holds a reference cycle through its traceback,
            # whose frames keep this store, and so its Chroma instances, until a full garbage collection (with a
            # server: 4 cached Systems more per generation, tests/test_reader_memory.py).
            names = {c.name for c in self.client.list_collections()}
            # a big index in parts (index/partition.py): the parts are opened as questions need them
            state, part = read_partition(self.sentences)
            self.part: Partition | None = part if state == "ready" else None
            self.cols = {} if self.part is not None else {"chunk": self._collection(f"{settings.collection}_chunks")}
            if f"{settings.collection}{DELTA_SUFFIX}" in names:  # made by the first small change (chunk_delta.py)
                self.cols["delta"] = self.client.get_collection(f"{settings.collection}{DELTA_SUFFIX}",
                                                                embedding_function=None)
            self.legacy = self._legacy(self.client, names)
        # small: this writer's change goes around the big main collection (index/chunk_delta.py; ingest sets it)
        self.small = False
        self._dead: frozenset[str] | None = None  # buried chunk ids, read once per store
        self._delta_n: int | None = None  # vectors in the delta, counted once per store

    def _collection(self, name: str):
        return self.client.get_or_create_collection(name=name, embedding_function=None,
                                                    configuration={"hnsw": {"space": "cosine"}})

    def _col(self, key: str):
        """The collection for a key of self.cols: "chunk", "delta", or "p<j>" (part j, opened at first use). The
        caller holds the folder lock."""
        col = self.cols.get(key)
        if col is None and key.startswith("p") and self.part is not None:
            col = self.cols[key] = self._collection(part_name(self.settings.collection, int(key[1:])))
        elif col is None:
            raise _Moved(key)  # the main collection of an index split since this store opened (see _read)
        return col

    def _legacy(self, client, names: set[str]) -> object | None:
        """The Chroma collection of sentence vectors of an index from before the sentence store, or None (the
        caller holds the folder lock). Getting it loads nothing; only a read of it loads its HNSW index."""
        name = f"{self.settings.collection}_sentences"
        if name not in names:
            return None
        return client.get_collection(name=name, embedding_function=None)

    def reopened(self) -> "VectorStore":
        """The same store through a new client that sees what other processes wrote since this one opened."""
        return VectorStore(self.settings, self.readonly, fresh=True, sentences=self.sentences.reopened())

    def let_go(self) -> None:
        """A writer's release of the Chroma collections it has loaded (a whole HNSW index each): a new client
        takes this one's place, and the old one's Chroma instance is stopped and its memory given back to the
        OS. Chroma keeps every collection a client loaded until then (at 100,000 articles the 64 parts of the
        chunk index are 2 GB: index/partition.py); what was written is on disk, the next use loads it again."""
        fresh = VectorStore(self.settings, self.readonly, fresh=True, sentences=self.sentences)
        self.client, self.cols, self.legacy, self.part = fresh.client, fresh.cols, fresh.legacy, fresh.part
        self._folder, self._uses = fresh._folder, fresh._uses  # the old Uses go: nothing holds the old instance
        self.stop_unused()

    def close(self) -> None:
        """Let go of the sentence store's file (a writer's last close folds its write-ahead log in)."""
        self.sentences.close()

    def stop_unused(self) -> int:
        """Stop the Chroma instances of this store's folder that no VectorStore uses any more (the ones older
        generations' stores stood on) and give their memory back; returns how many (index/chroma_systems.py)."""
        with self.locked():
            stopped = stop_unused(self._folder)
        if stopped:
            give_back_memory()  # outside the lock: the other threads' Chroma calls need not wait for it
        return stopped

    def _read(self, call):
        """Run a Chroma read; on a Chroma error retry once through a fresh client, then raise a StoreError."""
        import chromadb.errors

        try:
            with self.locked():
                return call(self)
        except chromadb.errors.ChromaError:
            try:
                fresh = self.reopened()
                if fresh.part is not None and self.part is None:
                    self._adopt(fresh)  # split into parts since this store opened: the caller asks the parts again
                    raise _Moved("chunk")
                with self.locked():
                    result = call(fresh)
            except chromadb.errors.ChromaError as exc:
                raise StoreError(f"the vector store failed ({exc}): run `newsbot ingest` to repair the index, "
                                 "or `newsbot status` to check it") from None
            self._adopt(fresh)  # later reads use the client that worked
            return result

    def _adopt(self, fresh: "VectorStore") -> None:
        """Read through this fresh store's client from now on. Its Uses join this store's, which keeps the old ones
        too: questions retrying at once each assign their own client, and whichever cols win, their System must
        not be stopped while this store lives (index/chroma_systems.py)."""
        self._uses.extend(fresh._uses)  # one C call: no other thread's extend is lost
        self.client, self.cols, self.legacy, self.part = fresh.client, fresh.cols, fresh.legacy, fresh.part

    def count(self, kind: str) -> int:
        if kind == "sentence":
            # Before the next ingest moves them, an older index's sentence vectors count where they are.
            legacy = self.legacy
            with self.locked() if legacy is not None else nullcontext():
                return self.sentences.count() + (legacy.count() if legacy is not None else 0)
        # the live chunk vectors: the main collection's but the buried ones, and the delta's
        return self.main_count() - len(self.dead()) + self.delta_count()

    def missing(self, kind: str, ids: Sequence[str]) -> list[str]:
        """The ids (live in the manifest) that this store does not hold, in their order.

        Cheap when nothing is lost: equal counts mean every id is there, because ingest never leaves vectors
        that are not live (index/ingest.py deletes the pending ones first). Otherwise look the ids up, in
        batches no larger than the client accepts."""
        if self.count(kind) == len(ids):
            return []
        if kind == "sentence":
            ids = self.sentences.missing(ids)
            cols = [self.legacy]
            if self.legacy is None or not ids:
                return ids
        elif self.part is not None:  # every part (only when the counts differ: a repair)
            with self.locked():
                cols = [self._col(f"p{j}") for j in range(len(self.part.centroids))] + (
                    [self.cols["delta"]] if "delta" in self.cols else [])
        else:
            cols = [self.cols[c] for c in ("chunk", "delta") if c in self.cols]
        found: set[str] = set()
        for col in cols:
            for b in range(0, len(ids), self.max_batch):
                with self.locked():
                    found.update(col.get(ids=list(ids[b : b + self.max_batch]), include=[])["ids"])
        dead = self.dead() if kind == "chunk" else frozenset()
        return [i for i in ids if i not in found or i in dead]

    def upsert(self, kind: str, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict]) -> None:
        """Write these vectors. A sentence keeps only its vector (its text and offsets are the manifest's); a
        chunk its vector and metadata (where its text is), not the text: Chroma would index every document
        for full-text search, which nothing here uses, at half the cost of a chunk's write."""
        if kind == "sentence":
            self.sentences.upsert(ids, vectors)
            return
        # A small change writes to the delta, and so does every change to an index in parts (folded into them
        # in bulk: index/partition.py). An id written again is alive again: no longer buried, and when
        # buried its vector is still in the main collection (an id holds its article's content hash: the same
        # text, the same vector), so a small change need not write it at all.
        small = self.small or self.part is not None
        revived = [i for i in ids if i in self.dead()]
        if revived:
            self.sentences.unbury_chunks(revived)
            if small:
                keep = [n for n, i in enumerate(ids) if i not in self.dead()]
                ids, vectors, metadatas = [ids[n] for n in keep], vectors[keep], [metadatas[n] for n in keep]
            self.forget_dead()
        if not len(ids):
            return
        if small and "delta" not in self.cols:
            with self.locked():
                self.cols["delta"] = self._collection(f"{self.settings.collection}{DELTA_SUFFIX}")
        if not small:
            self._main_changed()
        col = self.cols["delta" if small else "chunk"]
        for b in range(0, len(ids), self.max_batch):
            sl = slice(b, b + self.max_batch)
            with self.locked():
                col.upsert(ids=list(ids[sl]), embeddings=vectors[sl], metadatas=list(metadatas[sl]))
        self._delta_n = None

    def delete(self, kind: str, ids: Sequence[str]) -> None:
        if kind == "sentence":
            self.sentences.delete(ids)
            return
        if not len(ids):
            return
        # the delta's own are deleted there; a small change buries the others (their vectors stay in the
        # main collection until an ingest compacts it), a big one deletes them
        in_delta: set[str] = set()
        for b in range(0, len(ids) if self.delta_count() else 0, self.max_batch):
            with self.locked():
                in_delta.update(self.cols["delta"].get(ids=list(ids[b : b + self.max_batch]), include=[])["ids"])
        rest = [i for i in ids if i not in in_delta]
        small = self.small or self.part is not None  # an index in parts: its deleted vectors are buried too
        if rest and not small:
            self._main_changed()
        for col, gone in (("delta", sorted(in_delta)), ("chunk", [] if small else rest)):
            for b in range(0, len(gone), self.max_batch):
                with self.locked():
                    self.cols[col].delete(ids=gone[b : b + self.max_batch])
        if small:
            self.sentences.bury_chunks(rest)
        self.forget_dead()

    def query(self, kind: str, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest ids with cosine similarity (1 - cosine distance); chunks only (sentences are read by id)."""
        # Chroma (1.x) returns what the collection holds when it holds fewer than k (nothing when empty): no
        # count() first, a call of its own (20 ms at 10,000 articles) on every question.
        try:
            return self._query(vector, k, where)
        except _Moved:  # the index was split into parts since this store opened: _read switched to them
            return self._query(vector, k, where)

    def _query(self, vector: np.ndarray, k: int, where: dict | None) -> list[tuple[str, float]]:
        dead = self.dead()
        n = k + min(len(dead), EXTRA)  # buried vectors may take places among the nearest: ask for a few more
        if self.part is not None:  # the parts nearest to the question (index/partition.py)
            projected = self.part.project(np.asarray(vector, dtype=np.float32)[None, :])[0]
            main = [hit for j in self.part.nearest(projected, partition.PROBES)
                    for hit in self._nearest(f"p{j}", projected, n, where)]
        else:
            main = self._nearest("chunk", vector, n, where)
            if len(main) == n and sum(1 for i, _ in main if i not in dead) < k:
                main = self._nearest("chunk", vector, k + len(dead), where)  # many buried near the question
        delta = self._nearest("delta", vector, k, where) if self.delta_count() else []
        return merge(main, delta, dead, k) if dead or delta or self.part is not None else main

    def _nearest(self, col: str, vector: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
        res = self._read(lambda store: store._col(col).query(query_embeddings=[vector], n_results=n, where=where,
                                                              include=["distances"]))
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def vectors(self, kind: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """id -> vector, for the ids stored (the others are left out). A chunk in a part of a big index: the
        vector as the part holds it, projected (index/partition.py)."""
        if not ids:
            return {}
        if kind == "sentence":
            out = self.sentences.vectors(ids)
            if len(out) < len(ids) and self.legacy is not None:
                out.update(self._legacy_vectors([i for i in ids if i not in out]))
            return out
        out: dict[str, np.ndarray] = {}
        for col in ("delta", "chunk"):  # a vector written again: the delta's is the newer
            wanted = [i for i in ids if i not in out and (col == "delta" or i not in self.dead())]
            if col == "delta" and not self.delta_count() or not wanted:
                continue
            groups = self.by_part(wanted) if col == "chunk" and self.part is not None else [(col, wanted)]
            for key, some in groups:  # each chunk of an index in parts from its part
                res = self._read(lambda store: store._col(key).get(ids=some, include=["embeddings"]))
                out.update((i, np.asarray(e, dtype=np.float32)) for i, e in zip(res["ids"], res["embeddings"]))
        return out

    def _legacy_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Sentence vectors an older index still holds in Chroma (until its next ingest moves them). Should the
        ingest move them meanwhile, the retry's fresh client finds no collection: they are read from SQLite."""
        res = self._read(lambda store: store.legacy.get(ids=ids, include=["embeddings"])
                         if store.legacy is not None else None)
        if res is None:
            return self.sentences.vectors(ids)
        return {i: np.asarray(e, dtype=np.float32) for i, e in zip(res["ids"], res["embeddings"])}


class _Moved(Exception):
    """A store opened before its index was split into parts asked for the main collection (index/partition.py)."""
