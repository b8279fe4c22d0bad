"""Moving an older index's sentence vectors out of Chroma into the sentence store (index/sentence_store.py).

An index written before the sentence store keeps its sentence vectors in the Chroma collection
``<name>_sentences``. The first ingest (or removal) after the upgrade copies them, vectors as stored, nothing
embedded again, then deletes the collection. Readers meanwhile read them from Chroma (index/vectors.py), so an
answer is never worse for it. Safe to kill at any point: the copy is idempotent (an upsert by id) and the
collection goes only once every vector is in SQLite; a run killed before that copies again next time.
"""

from __future__ import annotations

import numpy as np

from index.vectors import VectorStore


def migrate_sentences(store: VectorStore) -> int:
    """Copy the legacy sentence vectors into the sentence store and delete their collection; how many were
    copied (0 when there is no such collection). The caller holds the ingest lock: nothing else writes."""
    col = store.legacy
    if col is None:
        return 0
    moved = 0
    while True:
        # A page no larger than the client accepts. The offset is what was already copied: nothing writes
        # the collection meanwhile, so its order holds from page to page.
        with store.locked():
            page = col.get(include=["embeddings"], limit=store.max_batch, offset=moved)
        if not page["ids"]:
            break
        store.sentences.upsert(page["ids"], np.asarray(page["embeddings"], dtype=np.float32))
        moved += len(page["ids"])
    with store.locked():
        store.client.delete_collection(name=col.name)
    store.legacy = None
    return moved
