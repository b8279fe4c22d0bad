"""The parts of a big chunk index, as the vector store handles them (index/partition.py says what they are).

PartsOfStore is VectorStore's (index/vectors.py) part-specific half: writing vectors to their parts, loading the
parts a long-lived reader has not loaded yet, and deleting the main collection once split. Its methods use the
store's client, folder lock, collections and sentence store.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Sequence

import numpy as np

from index.partition import Partition, part_name

PARTS_HELD = 8  # parts a writer loads before it lets go of them (an eighth of the index in memory at most)


class PartsOfStore:
    def has_main_collection(self) -> bool:
        with self.locked():
            return self._has_main()

    def _has_main(self) -> bool:
        return f"{self.settings.collection}_chunks" in {c.name for c in self.client.list_collections()}

    def drop_main_collection(self) -> None:
        """Delete the main chunk collection (its vectors are in the parts now: index/partition.py)."""
        self._main_changed()
        name = f"{self.settings.collection}_chunks"
        with self.locked():
            if self._has_main():
                folders = _vector_folders(self._folder, self.client.get_collection(name, embedding_function=None).id)
                self.client.delete_collection(name)
                for folder in folders:  # chromadb 1.5.9 leaves a deleted collection's HNSW files (2.6 GB at 100k)
                    shutil.rmtree(folder, ignore_errors=True)
        self.cols.pop("chunk", None)

    def write_parts(self, part: Partition, ids: Sequence[str], vectors, metadatas: Sequence[dict]) -> None:
        """Write each vector to its part, part by part (each part loaded once), and record its part after. Every
        PARTS_HELD parts the writer lets go of the ones it loaded (VectorStore.let_go): it never holds them all."""
        vectors = part.project(vectors)  # as the parts hold them (index/partition.py)
        where = part.part_of(vectors) if len(ids) else np.zeros(0, dtype=int)
        for n, j in enumerate(np.unique(where)):
            if n and n % PARTS_HELD == 0:
                self.let_go()
            rows = np.flatnonzero(where == j)
            for b in range(0, len(rows), self.max_batch):
                r = rows[b : b + self.max_batch]
                with self.locked():
                    self._part_col(part, int(j)).upsert(ids=[ids[n] for n in r], embeddings=vectors[r],
                                                        metadatas=[metadatas[n] for n in r])
            self.sentences.set_parts([(ids[n], int(j)) for n in rows])

    def by_part(self, ids: Sequence[str]) -> list[tuple[str, list[str]]]:
        """(the key of a part in self.cols, its ids) for the ids some part holds, by the recorded parts."""
        where = self.sentences.parts_of(ids)
        return [(f"p{j}", [i for i in ids if where.get(i) == j]) for j in sorted(set(where.values()))]

    def warm_parts(self) -> int:
        """Load the parts no question has loaded yet, one at a time (a question waits for one load at most);
        returns how many were loaded. For a long-lived reader (bot/library.py): its later questions then find
        every part in memory."""
        loaded = 0
        for j, centroid in enumerate(self.part.centroids if self.part is not None else ()):
            if f"p{j}" in self.cols:  # opened by a question: loaded
                continue
            self._read(lambda store: store._col(f"p{j}").query(query_embeddings=[centroid], n_results=1, include=[]))
            loaded += 1
        return loaded

    def _part_col(self, part: Partition, j: int):
        """Part j's collection (the caller holds the folder lock), also while a split writes them (index/partition.py)
        before the store reads them."""
        return self._col(f"p{j}") if self.part is part else self._collection(part_name(self.settings.collection, j))


def _vector_folders(folder: str | None, collection_id) -> list[Path]:
    """The folders of an embedded collection's HNSW files: <folder>/<its vector segment's id>, read from Chroma's
    own SQLite file (its private schema: should it change, nothing is found and the folder stays)."""
    if folder is None:
        return []
    try:
        db = sqlite3.connect(f"file:{Path(folder) / 'chroma.sqlite3'}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT id FROM segments WHERE collection=? AND scope='VECTOR'",
                              (str(collection_id),)).fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return []
    return [Path(folder) / r[0] for r in rows if r[0] and (Path(folder) / r[0]).is_dir()]
