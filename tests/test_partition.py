"""A big chunk index split into parts by topic (index/partition.py): a question searches only the parts nearest
to it, new and deleted vectors reach the parts through the delta, a killed split loses nothing, and a reader
opened before the split goes on answering after it. "Big" is monkeypatched down to the sample corpus; the real
embedded Chroma, embedding model and files are used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import chromadb.api.models.Collection as chroma_collection
import pytest

from bot import ask
from index import chunk_delta, partition
from index.ingest import ingest, remove_articles
from index.partition import part_name, read_partition
from index.vectors import VectorStore
from tests.test_chunk_delta import NAJAF, NEW, _live_ok

QUESTION, ANSWER = "what did the cleric agree to in najaf", NAJAF


@pytest.fixture
def parts(monkeypatch):
    """Any index is split, into 4 parts of 16-dimensional vectors; questions search 2 parts; every change is
    small-sized."""
    monkeypatch.setattr(partition, "PARTITION_AT", 1)
    monkeypatch.setattr(partition, "DIMS", 16)
    monkeypatch.setattr(partition, "PARTS", 4)
    monkeypatch.setattr(partition, "PROBES", 2)
    monkeypatch.setattr(chunk_delta, "BIG_INDEX", 1)
    monkeypatch.setattr(chunk_delta, "SMALL_CHANGE", 5)


def _names(settings) -> set[str]:
    store = VectorStore(settings)
    try:
        return {c.name for c in store.client.list_collections()}
    finally:
        store.close()


def _part_ids(settings) -> set[str]:
    store = VectorStore(settings)
    try:
        return {i for j in range(4) for i in store._col(f"p{j}").get(include=[])["ids"]}
    finally:
        store.close()


def _vector_folder(settings) -> Path:
    """The folder of the main chunk collection's HNSW files (from Chroma's own SQLite file)."""
    store = VectorStore(settings)
    main_id = str(store.cols["chunk"].id)
    store.close()
    db = sqlite3.connect(Path(settings.home) / "chroma" / "chroma.sqlite3")
    [(segment,)] = db.execute("SELECT id FROM segments WHERE collection=? AND scope='VECTOR'", (main_id,)).fetchall()
    db.close()
    return Path(settings.home) / "chroma" / segment


def test_a_big_index_is_split_and_still_answers(parts, settings_factory, corpus_copy, capsys, monkeypatch):
    settings = settings_factory(corpus=corpus_copy)
    monkeypatch.setattr(partition, "PARTITION_AT", 10**9)
    ingest([corpus_copy], settings)  # one main collection
    folder = _vector_folder(settings)
    assert folder.is_dir()
    monkeypatch.setattr(partition, "PARTITION_AT", 1)
    ingest([corpus_copy], settings)  # split
    assert not folder.exists()  # the main collection's HNSW files are deleted with it
    store = VectorStore(settings)
    state, part = read_partition(store.sentences)
    store.close()
    assert state == "ready" and part.centroids.shape == (4, 16) and part.basis.shape == (384, 16)
    got = VectorStore(settings)._col("p0").get(limit=1, include=["embeddings"])["embeddings"]
    assert len(got[0]) == 16  # the parts hold the vectors' projections
    names = _names(settings)
    assert f"{settings.collection}_chunks" not in names  # the main collection is gone
    assert {part_name(settings.collection, j) for j in range(4)} <= names
    _live_ok(settings)  # every live chunk in its part, and counted
    from bot.status import _print_status
    from index.ingest import manifest_path
    from index.manifest import Manifest

    manifest = Manifest(manifest_path(settings))
    try:
        _print_status(settings, manifest)
    finally:
        manifest.close()
    assert "in 4 parts by topic, a question searching 2 of them" in capsys.readouterr().out
    a = ask(QUESTION, settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == ANSWER, a.answer


def test_a_question_searches_only_the_nearest_parts(parts, settings_factory, corpus_copy, monkeypatch):
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    queried: list[str] = []
    original = chroma_collection.Collection.query

    def spy(self, *args, **kwargs):
        queried.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(chroma_collection.Collection, "query", spy)
    a = ask(QUESTION, settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == ANSWER, a.answer
    assert queried and len(set(queried)) == 2 and all("_chunks_p" in n for n in queried)


def test_changes_reach_the_parts_through_the_delta(parts, settings_factory, corpus_copy, monkeypatch):
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    (corpus_copy / "crane.txt").write_text(NEW, encoding="utf-8")
    ingest([corpus_copy], settings)  # waits in the delta
    remove_articles([NAJAF], settings)  # buried (the chat's Delete)
    (corpus_copy / f"{NAJAF}.txt").unlink()  # (else the next ingest adds it again)
    store = VectorStore(settings)
    assert store.delta_count() > 0 and store.dead()
    store.close()
    assert ask("when did the crane drivers walk out", settings=settings).citations[0].article_id == "crane"
    monkeypatch.setattr(chunk_delta, "COMPACT_DELTA", 1)
    (corpus_copy / "crane2.txt").write_text(NEW.replace("Eastport", "Westport"), encoding="utf-8")
    ingest([corpus_copy], settings)  # enough waits: folded into the parts, the buried deleted from them
    store = VectorStore(settings)
    assert store.delta_count() == 0 and not store.dead()
    store.close()
    ids = _part_ids(settings)
    assert any(i.startswith("crane") for i in ids) and not any(i.startswith(NAJAF) for i in ids)
    _live_ok(settings)
    a = ask("when did the crane drivers walk out", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id in {"crane", "crane2"}, a.answer
    b = ask(QUESTION, settings=settings)
    assert all(c.article_id != NAJAF for c in [*b.citations, *b.related]), b.answer


def test_a_killed_split_loses_nothing(parts, settings_factory, corpus_copy, monkeypatch):
    settings = settings_factory(corpus=corpus_copy)
    monkeypatch.setattr(partition, "PARTITION_AT", 10**9)
    ingest([corpus_copy], settings)  # not split
    original = VectorStore.write_parts

    def killed(self, part, ids, vectors, metadatas):
        original(self, part, ids[:5], vectors[:5], metadatas[:5])
        raise KeyboardInterrupt  # 5 vectors in their parts, the rest not

    monkeypatch.setattr(VectorStore, "write_parts", killed)
    monkeypatch.setattr(partition, "PARTITION_AT", 1)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus_copy], settings)
    store = VectorStore(settings)
    state = read_partition(store.sentences)[0]
    store.close()
    assert state == "building"
    a = ask(QUESTION, settings=settings)  # readers still read the main collection
    assert a.status == "answered" and a.citations[0].article_id == ANSWER, a.answer
    monkeypatch.setattr(VectorStore, "write_parts", original)
    (corpus_copy / "crane.txt").write_text(NEW, encoding="utf-8")
    ingest([corpus_copy], settings)  # the next ingest splits it again, with the recorded centroids
    store = VectorStore(settings)
    assert read_partition(store.sentences)[0] == "ready"
    store.close()
    _live_ok(settings)
    assert ask(QUESTION, settings=settings).citations[0].article_id == ANSWER


def test_a_reader_opened_before_the_split_answers_after_it(settings_factory, corpus_copy, monkeypatch):
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    reader = VectorStore(settings, readonly=True)
    najaf = [i for i in reader.cols["chunk"].get(include=[])["ids"] if i.startswith(NAJAF)]
    vector = reader.vectors("chunk", najaf[:1])[najaf[0]]
    assert reader.query("chunk", vector, 3)[0][0] == najaf[0] and reader.part is None
    monkeypatch.setattr(partition, "PARTITION_AT", 1)
    monkeypatch.setattr(partition, "PARTS", 4)
    ingest([corpus_copy], settings)  # split: the main collection the reader read is deleted
    assert reader.query("chunk", vector, 3)[0][0] == najaf[0]
    assert reader.part is not None
    reader.close()


def test_a_long_lived_reader_loads_every_part_at_its_second_question(parts, settings_factory, corpus_copy,
                                                                     monkeypatch):
    from bot import library

    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    library.close_libraries()
    assert ask(QUESTION, settings=settings).citations[0].article_id == ANSWER
    [lib] = library._OPEN.values()  # (open_library() would be a second use)
    assert not lib._warm and len([k for k in lib.store.cols if k.startswith("p")]) == 2  # the 2 parts it searched
    a = ask("when was the curfew in baghdad lifted", settings=settings)  # a second question: every part loaded
    assert a.status == "answered", a.answer
    assert lib._warm and {f"p{j}" for j in range(4)} <= set(lib.store.cols)
    calls: list[str] = []
    monkeypatch.setattr(VectorStore, "warm_parts", lambda self: calls.append("warm") or 0)
    ask(QUESTION, settings=settings)
    assert calls == []  # once


def test_a_damaged_record_of_the_parts_says_how_to_repair(parts, settings_factory, corpus_copy):
    import shutil

    from index.errors import StoreError
    from tests.test_cli import run_newsbot

    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    home = Path(settings.home)
    path = home / f"{settings.collection}.sentence_vectors.sqlite"
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='AAAA' WHERE key='chunk_centroids'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="parts in .* is damaged .*run `newsbot ingest`"):
        VectorStore(settings)
    asked = run_newsbot(home, "ask", QUESTION)  # the command says so, without a traceback
    assert asked.returncode == 1 and "is damaged" in asked.stderr and "Traceback" not in asked.stderr
    path.unlink()  # the repair the message gives, in new processes as a user would
    shutil.rmtree(home / "chroma")
    assert run_newsbot(home, "ingest", str(corpus_copy)).returncode == 0
    asked = run_newsbot(home, "ask", QUESTION)
    assert asked.returncode == 0 and "Mahdi" in asked.stdout, asked.stdout


def test_the_writer_lets_go_of_the_parts_it_loaded(parts, settings_factory, corpus_copy, monkeypatch):
    """A writer holds at most PARTS_HELD parts (here 1) loaded: between them it stops its Chroma instance (which
    frees their HNSW indexes: 2,177 -> 123 MB at 100,000 articles) and goes on through a new one, losing nothing."""
    from index import chroma_systems, vector_parts

    monkeypatch.setattr(vector_parts, "PARTS_HELD", 1)
    released: list[int] = []
    original = VectorStore.let_go

    def let_go(self):
        original(self)
        released.append(len([h for h in chroma_systems._HELD.values() if h.folder == self._folder]))

    monkeypatch.setattr(VectorStore, "let_go", let_go)
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)  # split: after reading the main collection, between parts, at the end
    assert len(released) >= 4 and max(released) == 1  # each time the old instance is stopped: one is left
    _live_ok(settings)
    (corpus_copy / "crane.txt").write_text(NEW, encoding="utf-8")
    monkeypatch.setattr(chunk_delta, "COMPACT_DELTA", 1)
    remove_articles([NAJAF], settings)
    (corpus_copy / f"{NAJAF}.txt").unlink()
    n = len(released)
    ingest([corpus_copy], settings)  # folded into the parts and the buried deleted from them, a part at a time
    assert len(released) > n
    _live_ok(settings)
    assert _part_ids(settings) and not any(i.startswith(NAJAF) for i in _part_ids(settings))
    a = ask("when did the crane drivers walk out", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == "crane", a.answer
