"""Moving an older index's sentence vectors out of Chroma into the sentence store (index/sentence_store.py).

An index written before the sentence store keeps its sentence vectors in the Chroma collection
``<name>_sentences``. The first ingest (or removal) after the upgrade copies them, vectors as stored, nothing
embedded again, then deletes the collection. Readers meanwhile read them from Chroma (index/vectors.py), so an
answer is never worse for it. Safe to kill at any point: the copy is idempotent (an upsert by id) and the
collection goes only once every vector is in SQLite; a run killed before that copies again next time.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

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
        folders = _segment_folders(store._folder, str(col.id))
        store.client.delete_collection(name=col.name)
        # chromadb 1.x deletes a collection's rows but leaves its HNSW files (chroma-core/chroma#5259: the
        # garbage collector meant to remove them does not run in the embedded store): 470 MB at 10,000 articles.
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
    store.legacy = None
    return moved


def _segment_folders(chroma: str | None, collection_id: str) -> list[Path]:
    """The folders an embedded store keeps the collection's segments in (a server's are out of reach: None).
    Chroma names each after its segment's id, which only its own SQLite file lists: read there, read-only."""
    if chroma is None:
        return []
    db = sqlite3.connect(f"{(Path(chroma) / 'chroma.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
    try:
        ids = [r[0] for r in db.execute("SELECT id FROM segments WHERE collection=?", (collection_id,))]
    except sqlite3.Error:  # another layout (a later chromadb): leave the files, as chromadb itself does
        ids = []
    finally:
        db.close()
    # Only folders named by a segment id of this collection, directly in the store's folder.
    return [Path(chroma) / i for i in ids if i and "/" not in i and (Path(chroma) / i).is_dir()]
