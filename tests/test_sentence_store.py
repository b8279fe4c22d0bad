"""Sentence vectors out of Chroma (issue 13): index/sentence_store.py, read by id from a SQLite file under
NEWSBOT_HOME, and index/sentence_migration.py moving an older index's vectors there. Real components: the
embedded Chroma, real files in tmp dirs, the packaged embedding model, `newsbot` in subprocesses."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from index.errors import StoreError
from index.ingest import ingest
from index.sentence_store import BATCH, SentenceStore, sentence_vectors_path
from index.vectors import VectorStore
from test_cli import run_newsbot
from test_faults import read_only  # noqa: F401 - a fixture
from test_ingest import assert_consistent, state

PROJECT = Path(__file__).resolve().parent.parent


def unit_vectors(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def sentence_file(settings) -> Path:
    return sentence_vectors_path(settings.home, settings.collection)


def segment_folders(settings) -> set[str]:
    """The folders of the embedded Chroma (one per segment holding files: the HNSW indexes)."""
    return {p.name for p in (Path(settings.home) / "chroma").iterdir() if p.is_dir()}


def chroma_collections(settings) -> set[str]:
    return {c.name for c in VectorStore(settings).client.list_collections()}


# --- the store itself --------------------------------------------------------------------------------------------

def test_vectors_round_trip_by_id_in_batches(tmp_path) -> None:
    store = SentenceStore(tmp_path / "s.sqlite")
    assert store.count() == 0 and store.vectors(["x"]) == {} and store.missing(["x"]) == ["x"]
    assert not (tmp_path / "s.sqlite").exists()  # reading makes no file
    n = 2 * BATCH + 17  # more ids than one statement may take
    ids = [f"a::{i}" for i in range(n)]
    vecs = unit_vectors(n)
    store.upsert(ids, vecs)
    assert store.count() == n
    wanted = ids[::-1] + ["unknown"]
    got = store.vectors(wanted)
    assert set(got) == set(ids)
    for i, v in zip(ids, vecs):
        assert got[i].dtype == np.float32 and got[i].shape == (384,)
        assert np.abs(got[i] - v).max() < 1e-3 and float(got[i] @ v) > 0.9999
    assert store.missing(["unknown", ids[3], "other"]) == ["unknown", "other"]
    store.upsert(ids[:2], vecs[2:4])  # a second write of an id replaces its vector
    assert float(store.vectors([ids[0]])[ids[0]] @ vecs[2]) > 0.9999 and store.count() == n
    store.delete(ids[: BATCH + 5])
    assert store.count() == n - BATCH - 5 and set(store.ids()) == set(ids[BATCH + 5:])
    # Another process's view (a fresh connection) is the same.
    assert set(SentenceStore(tmp_path / "s.sqlite").vectors(ids)) == set(ids[BATCH + 5:])


def test_threads_share_one_store(tmp_path) -> None:
    store = SentenceStore(tmp_path / "s.sqlite")
    ids = [f"t::{i}" for i in range(400)]
    vecs = unit_vectors(400, seed=1)
    store.upsert(ids, vecs)
    reader = SentenceStore(tmp_path / "s.sqlite")

    def read(k: int) -> bool:
        some = ids[k % 50 :: 7]
        got = reader.vectors(some)
        return set(got) == set(some) and all(float(got[i] @ vecs[ids.index(i)]) > 0.9999 for i in some)

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(read, range(200)))


def test_a_reader_is_not_held_up_by_a_writer_in_another_process(tmp_path) -> None:
    """WAL: while an ingest in another process holds a write transaction open, a reader reads the last
    committed state at once (it neither waits for the writer nor sees its uncommitted rows)."""
    path = tmp_path / "s.sqlite"
    SentenceStore(path).upsert(["old"], unit_vectors(1))
    writer = subprocess.Popen([sys.executable, "-c", f"""
import sys, time, numpy as np
from index.sentence_store import SentenceStore
s = SentenceStore({str(path)!r})
db = s._run(True, lambda db: db, None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO vectors(id, vec) VALUES('new', ?)", (np.ones(384, dtype='<f2').tobytes(),))
print("holding", flush=True)
time.sleep(30)
"""], cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        reader = SentenceStore(path)
        t0 = time.monotonic()
        assert set(reader.vectors(["old", "new"])) == {"old"} and reader.count() == 1
        assert time.monotonic() - t0 < 1.0
    finally:
        writer.kill()
        writer.wait()


def test_a_replaced_file_is_read_anew_by_a_long_lived_reader(tmp_path) -> None:
    """A connection keeps reading the file it opened even once deleted: at a new generation the reader
    (VectorStore.reopened()) opens the file an ingest made again."""
    path = tmp_path / "s.sqlite"
    SentenceStore(path).upsert(["a"], unit_vectors(1))
    reader = SentenceStore(path)
    assert set(reader.vectors(["a", "b"])) == {"a"}
    assert reader.reopened() is reader  # nothing changed: the same connection
    for p in tmp_path.glob("s.sqlite*"):
        p.unlink()
    SentenceStore(path).upsert(["b"], unit_vectors(1, seed=2))
    again = reader.reopened()
    assert again is not reader and set(again.vectors(["a", "b"])) == {"b"}


def test_a_damaged_file_is_one_store_error_saying_what_to_do(tmp_path) -> None:
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is no database" * 100)
    with pytest.raises(StoreError, match="delete that file and run `newsbot ingest`"):
        SentenceStore(path).vectors(["a"])


# --- in the index ------------------------------------------------------------------------------------------------

def test_ingest_keeps_sentence_vectors_out_of_chroma_and_a_question_reads_none_there(
        settings_factory, corpus_copy, monkeypatch, assert_answers) -> None:
    """The old code made a Chroma collection <name>_sentences and read it by id on every question, which made a
    fresh process load its whole HNSW index (1.18 s and +563 MB at 10,000 articles)."""
    from chromadb.api.models.Collection import Collection

    settings = settings_factory()
    ingest([corpus_copy], settings)
    assert chroma_collections(settings) == {f"{settings.collection}_chunks"}
    st = assert_consistent(settings)  # every live sentence has its vector, of its own text
    assert sentence_file(settings).exists() and len(st["sentence_vectors"]) == len(st["sentences"]) > 0

    def no_get(self, *args, **kwargs):
        raise AssertionError(f"a question read {self.name} by id")

    monkeypatch.setattr(Collection, "get", no_get)  # the chunks are searched (query), never read by id
    assert_answers(settings)


def test_lost_sentence_vectors_file_is_noticed_by_status_and_rebuilt_by_ingest(tmp_path, probe) -> None:
    home = tmp_path / "home"
    assert run_newsbot(home, "ingest").returncode == 0
    files = list(home.glob("newsbot.sentence_vectors.sqlite*"))
    assert files
    for p in files:
        p.unlink()  # the sentence vectors are gone; the manifest still says every article is live
    st = run_newsbot(home, "status")
    assert st.returncode == 0, st.stderr
    line = next(ln for ln in st.stdout.splitlines() if ln.startswith("vectors:"))
    from index.settings import Settings

    n_sentences = len(state(Settings.from_env({}, home=home))["sentences"])
    assert re.search(rf"\b{n_sentences} vectors missing: run `newsbot ingest`", line), line

    again = run_newsbot(home, "ingest")
    assert again.returncode == 0, again.stderr
    assert f"re-embedded {n_sentences} missing vectors" in again.stdout, again.stdout  # the sentences, no chunk
    after = run_newsbot(home, "status")
    assert after.returncode == 0 and "vectors:      all present" in after.stdout, after.stdout
    answer = run_newsbot(home, "ask", probe[0])
    assert answer.returncode == 0 and probe[1] in answer.stdout, answer.stdout
    assert_consistent(Settings.from_env({}, home=home))


@pytest.mark.parametrize("wal", [False, True], ids=["closed cleanly", "write-ahead log left"])
def test_read_only_home_reads_the_sentence_vectors_without_writing(  # noqa: F811 - read_only: the fixture
        settings_factory, corpus_copy, read_only, probe, wal) -> None:
    """A read-only NEWSBOT_HOME: the file is opened read-only (mode=ro, or immutable when SQLite cannot share
    its WAL index there); nothing is written next to it. With "write-ahead log left", another connection kept
    the log from being folded in: its rows must be read too."""
    import sqlite3

    settings = settings_factory()
    ingest([corpus_copy], settings)
    before = state(settings)
    keep = None
    if wal:
        keep = sqlite3.connect(sentence_file(settings))
        keep.execute("SELECT COUNT(*) FROM vectors").fetchone()
        ingest([corpus_copy], settings, prune=True)  # opens and closes a writer: the log stays, held by `keep`
    assert Path(f"{sentence_file(settings)}-wal").exists() == wal
    listing = sorted(p.name for p in Path(settings.home).iterdir())
    try:
        view = read_only(settings.home)
        store = VectorStore(settings.with_(home=view), readonly=True)
        got = store.vectors("sentence", sorted(before["sentences"]))
        assert {i: v.tobytes() for i, v in got.items()} == before["sentence_vectors"]
        status = run_newsbot(view, "status")
        assert status.returncode == 0 and "vectors:      all present" in status.stdout, status.stdout + status.stderr
        answer = run_newsbot(view, "ask", probe[0])
        assert answer.returncode == 0 and probe[1] in answer.stdout, answer.stderr
        assert sorted(p.name for p in Path(settings.home).iterdir()) == listing
    finally:
        if keep is not None:
            keep.close()


# --- an index from before: sentence vectors in Chroma ---------------------------------------------------------------

def make_old_format(settings) -> dict[str, bytes]:
    """Turn an index into one the previous newsbot wrote: its sentence vectors (with their texts and offsets, as
    it stored them) in the Chroma collection <name>_sentences, and no sentence vectors file. Returns them."""
    from index.ingest import manifest_path
    from index.manifest import Manifest

    st = state(settings)
    m = Manifest(manifest_path(settings))
    rows = m.sentences()
    m.close()
    store = VectorStore(settings)
    col = store.client.get_or_create_collection(name=f"{settings.collection}_sentences", embedding_function=None,
                                                configuration={"hnsw": {"space": "cosine"}})
    ids = [r[0] for r in rows]
    vecs = np.stack([np.frombuffer(st["sentence_vectors"][i], dtype=np.float32) for i in ids])
    texts = [st["articles"][r[1]].text[r[3]:r[4]] for r in rows]
    metas = [{"article_id": r[1], "ordinal": r[2], "start": r[3], "end": r[4]} for r in rows]
    for b in range(0, len(ids), store.max_batch):
        col.upsert(ids=ids[b : b + store.max_batch], embeddings=vecs[b : b + store.max_batch],
                   metadatas=metas[b : b + store.max_batch], documents=texts[b : b + store.max_batch])
    store.close()
    for p in Path(settings.home).glob(f"{settings.collection}.sentence_vectors.sqlite*"):
        p.unlink()
    assert col.count() == len(ids)
    return {i: vecs[n].tobytes() for n, i in enumerate(ids)}


def test_an_old_index_answers_and_the_next_ingest_moves_its_sentence_vectors(settings_factory, corpus_copy,
                                                                              monkeypatch, assert_answers) -> None:
    import index.ingest as ingest_module
    from bot.library import close_libraries, open_library

    settings = settings_factory()
    ingest([corpus_copy], settings)
    chunk_folders = segment_folders(settings)
    old = make_old_format(settings)
    legacy = f"{settings.collection}_sentences"
    assert legacy in chroma_collections(settings) and not sentence_file(settings).exists()
    assert len(segment_folders(settings)) > len(chunk_folders)  # the sentences' HNSW files

    # Before the next ingest a reader reads them in Chroma: the same vectors, the same answers, status content.
    lib_store = open_library(settings).store
    got = lib_store.vectors("sentence", sorted(old))
    assert set(got) == set(old)  # as stored (Chroma's cosine space normalises them again: to within 1e-6)
    assert all(np.abs(v - np.frombuffer(old[i], dtype=np.float32)).max() < 1e-6 for i, v in got.items())
    assert_answers(settings)
    status = run_newsbot(Path(settings.home), "status")
    assert "vectors:      all present" in status.stdout, status.stdout
    close_libraries()

    # The next ingest copies them (in pages no larger than Chroma takes; small here to make several) without
    # embedding anything, then deletes the collection.
    real_init = VectorStore.__init__

    def small_batches(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.max_batch = 16

    monkeypatch.setattr(VectorStore, "__init__", small_batches)
    monkeypatch.setattr(ingest_module, "make_embedding",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("nothing is to be embedded")))
    report = ingest([corpus_copy], settings)
    monkeypatch.undo()
    assert report.sentences_moved == len(old) > 16 and report.vectors_restored == 0
    assert f"moved {len(old)} sentence vectors out of Chroma" in report.summary()
    assert legacy not in chroma_collections(settings)
    # chromadb leaves a deleted collection's HNSW files on disk (chroma-core/chroma#5259): the move removes them.
    assert segment_folders(settings) == chunk_folders
    st = assert_consistent(settings)
    for i, v in st["sentence_vectors"].items():  # float16 in the file: the same vector to within 1e-3
        assert np.abs(np.frombuffer(v, dtype=np.float32) - np.frombuffer(old[i], dtype=np.float32)).max() < 1e-3
    assert_answers(settings)
    assert ingest([corpus_copy], settings).sentences_moved == 0  # done once


def test_an_interrupted_move_loses_nothing_and_the_next_ingest_finishes_it(settings_factory, corpus_copy,
                                                                            monkeypatch, assert_answers) -> None:
    settings = settings_factory()
    ingest([corpus_copy], settings)
    old = make_old_format(settings)
    real_upsert, pages = SentenceStore.upsert, []

    def dies_on_the_second_page(self, ids, vectors):
        if pages:
            raise KeyboardInterrupt  # as a kill would: mid-way, the first page copied
        pages.append(len(ids))
        real_upsert(self, ids, vectors)

    real_init = VectorStore.__init__

    def small_batches(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.max_batch = 16

    monkeypatch.setattr(VectorStore, "__init__", small_batches)
    monkeypatch.setattr(SentenceStore, "upsert", dies_on_the_second_page)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus_copy], settings)
    monkeypatch.undo()
    assert pages == [16] and f"{settings.collection}_sentences" in chroma_collections(settings)
    # Half in SQLite, half in Chroma: a reader finds every vector, and answers.
    store = VectorStore(settings)
    assert len(store.sentences.ids()) == 16
    assert store.missing("sentence", sorted(old)) == [] and set(store.vectors("sentence", sorted(old))) == set(old)
    assert_answers(settings)
    report = ingest([corpus_copy], settings)
    assert report.sentences_moved == len(old) and report.vectors_restored == 0
    assert f"{settings.collection}_sentences" not in chroma_collections(settings)
    assert_consistent(settings)
