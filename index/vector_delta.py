"""The main chunk collection and its delta and graveyard (index/chunk_delta.py says what they are), as the
vector store handles them: counting the main collection without loading it, reading and writing it (or its
parts: index/vector_parts.py), and the delta's reads, writes and counts the compaction uses.

DeltaOfStore is VectorStore's (index/vectors.py) delta-specific half: its methods use the store's collections,
folder lock and sentence store.
"""

from __future__ import annotations

from typing import Sequence

from index.vector_parts import PARTS_HELD

MAIN_COUNT = "main_chunk_count"  # the sentence file's meta key: "<collection id> <count>" (main_count())


class DeltaOfStore:
    def main_count(self) -> int:
        """The main collection's vectors. The first use of a big collection in a process loads its whole index,
        counting too (6.6 s at 1.5 M vectors), so the count the last writer recorded is read instead when it is
        of this very collection (its Chroma id: a deleted folder or another server makes a new one). An index in
        parts counts the rows that say which part holds a vector (each written once the vector is there)."""
        if self.part is not None:
            return self.sentences.count_parts()
        cid = str(self.cols["chunk"].id)
        recorded = self.sentences.recorded(MAIN_COUNT)
        if recorded and recorded.split(" ")[0] == cid:
            return int(recorded.split(" ")[1])
        with self.locked():
            n = self.cols["chunk"].count()
        if not self.readonly:
            self.sentences.record(MAIN_COUNT, f"{cid} {n}")
        return n

    def _main_changed(self) -> None:
        """Forget the recorded count (the main collection was just written): the next count counts."""
        if not self.readonly:
            self.sentences.record(MAIN_COUNT, None)

    # -- the delta and the graveyard --------------------------------------------------------------------------
    def dead(self) -> frozenset[str]:
        if self._dead is None:
            self._dead = self.sentences.dead_chunks()
        return self._dead

    def forget_dead(self) -> None:
        self._dead, self._delta_n = None, None

    def delta_count(self) -> int:
        if self._delta_n is None:
            with self.locked():
                self._delta_n = self.cols["delta"].count() if "delta" in self.cols else 0
        return self._delta_n

    def read_delta(self, n: int, offset: int = 0) -> dict:
        if "delta" not in self.cols:
            return {"ids": []}
        with self.locked():
            return self.cols["delta"].get(limit=n, offset=offset, include=["embeddings", "metadatas"])

    def read_main(self, n: int, offset: int) -> dict:
        with self.locked():
            return self._col("chunk").get(limit=n, offset=offset, include=["embeddings", "metadatas"])

    def write_main(self, ids: Sequence[str], vectors, metadatas: Sequence[dict]) -> None:
        if self.part is not None:
            self.write_parts(self.part, ids, vectors, metadatas)
            return
        self._main_changed()
        with self.locked():
            self.cols["chunk"].upsert(ids=list(ids), embeddings=vectors, metadatas=list(metadatas))

    def drop_delta(self, ids: Sequence[str]) -> None:
        with self.locked():
            self.cols["delta"].delete(ids=list(ids))
        self._delta_n = None

    def drop_main(self, ids: Sequence[str]) -> None:
        if self.part is not None:
            groups = self.by_part(ids)
            for n, (key, some) in enumerate(groups):
                if n and n % PARTS_HELD == 0:
                    self.let_go()  # a few parts loaded at a time, as write_parts does
                with self.locked():
                    self._col(key).delete(ids=some)
            self.sentences.drop_parts([i for _, some in groups for i in some])
            return
        self._main_changed()
        with self.locked():
            self.cols["chunk"].delete(ids=list(ids))
