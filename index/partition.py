"""A big chunk index in parts by topic, so that a question loads only the parts near it.

Chroma (1.x) loads a collection's whole HNSW index at its first use in a process: at 100,000 articles the
1.5 M chunk vectors are 3 GB and 5-7 s, paid by every fresh `newsbot ask` and held by every answering process.
So once the main chunk collection holds PARTITION_AT vectors, the writer splits it by topic, as an
inverted-file (IVF) index does: spherical k-means over a sample of the vectors gives PARTS centroids, and each
vector goes to the collection ``<name>_chunks_p<j>`` of its nearest centroid, its part recorded in table
``chunk_parts`` of the sentence-vector file. A question searches the PROBES parts whose centroids are nearest
to it, and the delta (VectorStore.query): a few of the parts, each loaded at its first use (a long-lived reader
loads the others when it asks a second question: bot/library.py). The parts hold each vector projected on the
sample's DIMS main directions (half the memory of a whole one). New chunk vectors wait in the delta
(index/chunk_delta.py) and are folded into their parts in bulk, part by part, so a write loads a part once.

The state is the sentence-vector file's meta ``chunk_partition``: absent (one main collection), "building K D"
(the basis and centroids chosen and recorded, the parts being written; readers still read the main collection)
or "ready K D" (readers read the parts; the main collection is deleted next; "ready K": whole vectors). Every step is safe to repeat: a
killed split is done again with the recorded centroids (the same vectors go to the same parts), a killed
deletion of the main collection is finished by the next writer (finish()).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from index.chunk_delta import pages
from index.errors import StoreError

if TYPE_CHECKING:  # index/vectors.py imports this module
    from index.sentence_store import SentenceStore
    from index.vectors import VectorStore

PARTITION_AT = 200_000  # main-collection vectors from which the writer splits it (~13,000 articles)
PARTS = 64  # parts, fixed at the split: ~23,000 vectors each at 100,000 articles
PROBES = 6  # parts a question searches (of PARTS)
SAMPLE = 32_768  # vectors the centroids are fitted on
ROUNDS = 12  # k-means rounds
DIMS = 192  # dimensions the parts keep of each vector (its projection on the sample's main directions)
STATE, CENTROIDS, BASIS = "chunk_partition", "chunk_centroids", "chunk_basis"  # the sentence-vector file's meta


@dataclass(frozen=True)
class Partition:
    centroids: np.ndarray  # PARTS x DIMS, unit rows, in the projected space
    basis: np.ndarray | None = None  # dim x DIMS: the projection (None: the parts hold whole vectors)

    def project(self, vectors) -> np.ndarray:
        """The vectors as the parts hold them: on the basis's directions (cosine is nearly kept: see split())."""
        return _project(vectors, self.basis)

    def part_of(self, projected: np.ndarray) -> np.ndarray:
        """Each projected vector's part: its nearest centroid by cosine (the vectors' own norms do not matter)."""
        return np.argmax(projected @ self.centroids.T, axis=1)

    def nearest(self, projected: np.ndarray, n: int) -> list[int]:
        """The n parts nearest to one projected vector."""
        return [int(j) for j in np.argsort(-(self.centroids @ projected), kind="stable")[:n]]


def _project(vectors, basis: np.ndarray | None) -> np.ndarray:
    x = np.asarray(vectors, dtype=np.float32)
    return x if basis is None else x @ basis


def part_name(collection: str, j: int) -> str:
    return f"{collection}_chunks_p{j:02d}"


def read_partition(sentences: "SentenceStore") -> tuple[str | None, Partition | None]:
    """(state, partition): (None, None) for an index in one collection."""
    state, blob = sentences.recorded(STATE), sentences.recorded(CENTROIDS)
    if not state or not blob:
        return None, None
    try:
        kind, k, *dims = state.split(" ")  # "ready K D" (D: the projection's), or "ready K": whole vectors
        basis = _array(sentences.recorded(BASIS) or "").reshape(-1, int(dims[0])) if dims else None
        part = Partition(_array(blob).reshape(int(k), -1), basis)
        if kind not in ("building", "ready") or (basis is not None and part.centroids.shape[1] != basis.shape[1]):
            raise ValueError(f"state {state!r}")
    except (ValueError, TypeError, binascii.Error) as exc:
        raise StoreError(f"the record of the index's parts in {sentences.path} is damaged ({exc}): delete that "
                         f"file and the chroma folder beside it, then run `newsbot ingest` to embed the index "
                         f"again") from None
    return kind, part


def _array(blob: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(blob), dtype="<f4")


def _blob(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f4").tobytes()).decode()


def fit_basis(sample: np.ndarray, dims: int) -> np.ndarray | None:
    """The sample's dims main directions (the right singular vectors of the unit sample, not centred: cosine
    between projections is then closest to cosine between the vectors); None when there are not more
    dimensions than that."""
    x = _unit(np.asarray(sample, dtype=np.float32))
    if x.shape[1] <= dims:
        return None
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    return np.ascontiguousarray(vt[:dims].T, dtype=np.float32)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def fit_centroids(sample: np.ndarray, k: int, rounds: int = ROUNDS, seed: int = 0) -> np.ndarray:
    """Spherical k-means: k unit centroids, each the normalised mean of the sample vectors nearest to it.
    Seeded, so the same sample gives the same centroids."""
    x = _unit(np.asarray(sample, dtype=np.float32))
    k = min(k, len(x))
    c = x[np.random.default_rng(seed).choice(len(x), size=k, replace=False)].copy()
    for _ in range(rounds):
        nearest = np.argmax(x @ c.T, axis=1)
        sums = np.zeros_like(c)
        np.add.at(sums, nearest, x)  # sum of each centroid's members
        filled = np.bincount(nearest, minlength=k) > 0  # an empty part keeps its centroid
        c[filled] = _unit(sums[filled])
    return c.astype(np.float32)


def split(store: "VectorStore") -> int:
    """Split the main chunk collection into parts once it holds PARTITION_AT vectors (or finish a split a
    killed run began); returns the vectors moved. The caller holds the ingest lock.

    The whole collection is read once (a one-time cost: at 1.5 M vectors the writer holds them, float16, beside
    the main index it loads to read them), then written part by part, so that each part is loaded once."""
    state, part = read_partition(store.sentences)
    if state == "ready":
        finish(store)
        return 0
    if state is None and store.main_count() < PARTITION_AT:
        return 0
    ids, vectors, metadatas = _read_main(store)
    store.let_go()  # the main collection's index, loaded to read it: its vectors are in `vectors` now
    if part is None:
        rng = np.random.default_rng(0)
        sample = vectors[np.sort(rng.choice(len(ids), size=min(SAMPLE, len(ids)), replace=False))]
        basis = fit_basis(sample, DIMS)
        part = Partition(fit_centroids(_project(sample, basis), PARTS), basis)
        # the basis and centroids first, then the state that points at them
        if basis is not None:
            store.sentences.record(BASIS, _blob(basis))
        store.sentences.record(CENTROIDS, _blob(part.centroids))
        store.sentences.record(STATE, f"building {_shape(part)}")
    store.write_parts(part, ids, vectors, metadatas)
    store.sentences.record(STATE, f"ready {_shape(part)}")
    store.part = part
    finish(store)
    store.let_go()  # the last parts written, and the deleted main collection's memory
    return len(ids)


def _shape(part: Partition) -> str:
    return f"{len(part.centroids)}" + ("" if part.basis is None else f" {part.basis.shape[1]}")


def _read_main(store: "VectorStore") -> tuple[list[str], np.ndarray, list[dict]]:
    """The main collection's live vectors (buried ones left out), float16, in pages the client accepts."""
    dead = store.dead()
    ids: list[str] = []
    chunks: list[np.ndarray] = []
    metadatas: list[dict] = []
    for got in pages(store.read_main, store.max_batch):
        keep = [n for n, i in enumerate(got["ids"]) if i not in dead]
        ids.extend(got["ids"][n] for n in keep)
        chunks.append(np.asarray(got["embeddings"], dtype=np.float16)[keep])
        metadatas.extend(got["metadatas"][n] for n in keep)
    return ids, (np.concatenate(chunks) if chunks else np.zeros((0, 0), np.float16)), metadatas


def finish(store: "VectorStore") -> None:
    """The parts are ready: forget the ids buried in the main collection, then delete it. Run before any write
    to the parts (split(), and a writer's first step), so every id buried then is the main collection's."""
    if not store.has_main_collection():
        return
    store.sentences.unbury_chunks(sorted(store.sentences.dead_chunks()))
    store.forget_dead()
    store.drop_main_collection()
