"""A small change to a big index goes around its big chunk collection (index/chunk_delta.py): new chunk vectors
go to the delta collection, deleted ones in the main collection are buried, questions see both and never a
buried one, and an ingest folds it all back once enough waits. "Big" is monkeypatched down to the sample
corpus; the real embedded Chroma, embedding model and files are used."""

from __future__ import annotations

import shutil

import chromadb.api.models.Collection as chroma_collection
import pytest

from bot import ask
from index import chunk_delta
from index.ingest import ingest, manifest_path, missing_vectors, remove_articles
from index.manifest import Manifest
from index.vectors import VectorStore

NEW = """Harbour crane strike

Crane drivers at the Eastport harbour walked out on Monday over a new shift rota, halting all container traffic.
The harbour master said talks with the union would resume on Thursday.
"""
NAJAF = "001_7168465226cfb30f"


@pytest.fixture
def big(monkeypatch, settings_factory, corpus_copy):
    """The sample corpus ingested (a big change: into the main collection), every later change of up to 5
    articles small, and compaction only when asked for."""
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    monkeypatch.setattr(chunk_delta, "BIG_INDEX", 1)
    monkeypatch.setattr(chunk_delta, "SMALL_CHANGE", 5)
    monkeypatch.setattr(chunk_delta, "COMPACT_DELTA", 10_000)
    monkeypatch.setattr(chunk_delta, "COMPACT_DEAD", 10_000)
    return settings, corpus_copy


@pytest.fixture
def main_calls(monkeypatch):
    """The calls made on any collection, as (collection name, method)."""
    calls: list[tuple[str, str]] = []
    for method in ("upsert", "delete", "query", "get", "add", "update", "count", "peek"):
        original = getattr(chroma_collection.Collection, method)

        def spy(self, *args, _original=original, _method=method, **kwargs):
            calls.append((self.name, _method))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(chroma_collection.Collection, method, spy)
    return calls


def _live_ok(settings) -> None:
    """Every live chunk has its vector, and the store counts exactly the live ones."""
    manifest = Manifest(manifest_path(settings))
    store = VectorStore(settings)
    try:
        assert missing_vectors(manifest, store) == {"chunk": [], "sentence": []}
        assert store.count("chunk") == manifest.count("chunks")
    finally:
        store.close()
        manifest.close()


def test_adding_and_deleting_leave_the_main_collection_alone(big, main_calls):
    settings, corpus = big
    (corpus / "crane.txt").write_text(NEW, encoding="utf-8")
    assert ingest([corpus], settings).added == ["crane"]
    remove_articles([NAJAF], settings)
    main = f"{settings.collection}_chunks"
    # neither written nor read, not even counted (the count its last writer recorded is read instead): Chroma
    # loads a collection's whole index at its first use in a process, a count too
    assert [c for c in main_calls if c[0] == main] == []
    store = VectorStore(settings)
    assert store.delta_count() > 0 and len(store.dead()) > 0
    store.close()
    _live_ok(settings)
    # the new article answers, the deleted one is never cited, though its vectors are still in the collection
    a = ask("when did the crane drivers walk out", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == "crane", a.answer
    b = ask("what did the cleric agree to in najaf", settings=settings)
    assert all(c.article_id != NAJAF for c in [*b.citations, *b.related]), b.answer


def test_a_buried_vector_is_never_a_nearest_neighbour(big):
    settings, _ = big
    store = VectorStore(settings)
    najaf = [i for i in store.cols["chunk"].get(include=[])["ids"] if i.startswith(NAJAF)]
    vector = store.vectors("chunk", najaf[:1])[najaf[0]]
    assert store.query("chunk", vector, 3)[0][0] == najaf[0]
    store.close()
    remove_articles([NAJAF], settings)
    store = VectorStore(settings)
    hits = store.query("chunk", vector, 50)
    assert hits and not {i for i, _ in hits} & set(najaf)
    assert store.vectors("chunk", najaf) == {}
    assert store.cols["chunk"].get(ids=najaf[:1])["ids"] == najaf[:1]  # still there, buried
    store.close()


def test_a_deleted_article_added_again_is_alive_again(big):
    settings, corpus = big
    saved = corpus.parent / "najaf.txt"
    shutil.move(corpus / f"{NAJAF}.txt", saved)
    ingest([corpus], settings, prune=True)
    shutil.move(saved, corpus / f"{NAJAF}.txt")
    ingest([corpus], settings)  # the very same chunk ids, written to the delta and unburied
    store = VectorStore(settings)
    assert not store.dead()
    store.close()
    _live_ok(settings)
    a = ask("what did the cleric agree to in najaf", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == NAJAF, a.answer


def test_compaction_folds_the_delta_in_and_deletes_the_buried(big, monkeypatch):
    settings, corpus = big
    (corpus / "crane.txt").write_text(NEW, encoding="utf-8")
    ingest([corpus], settings)
    (corpus / f"{NAJAF}.txt").unlink()
    ingest([corpus], settings, prune=True)  # small: buried
    monkeypatch.setattr(chunk_delta, "COMPACT_DEAD", 1)
    (corpus / "crane2.txt").write_text(NEW.replace("Eastport", "Westport"), encoding="utf-8")
    ingest([corpus], settings)  # small, but enough waits: compacted
    store = VectorStore(settings)
    assert store.delta_count() == 0 and not store.dead()
    assert not [i for i in store.cols["chunk"].get(include=[])["ids"] if i.startswith(NAJAF)]
    store.close()
    _live_ok(settings)
    a = ask("when did the crane drivers walk out", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id in {"crane", "crane2"}, a.answer


def test_a_killed_compaction_loses_nothing(big, monkeypatch):
    settings, corpus = big
    (corpus / "crane.txt").write_text(NEW, encoding="utf-8")
    ingest([corpus], settings)
    (corpus / f"{NAJAF}.txt").unlink()
    ingest([corpus], settings, prune=True)
    monkeypatch.setattr(chunk_delta, "COMPACT_DEAD", 1)
    original_drop = VectorStore.drop_delta

    def killed(self, ids):
        raise KeyboardInterrupt  # after the delta's vectors were copied into the main collection

    monkeypatch.setattr(VectorStore, "drop_delta", killed)
    (corpus / "002_66587a816fcca4e1.txt").unlink()
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], settings, prune=True)
    monkeypatch.setattr(VectorStore, "drop_delta", original_drop)  # the next ingest finishes the work
    ingest([corpus], settings)
    store = VectorStore(settings)
    assert store.delta_count() == 0 and not store.dead()
    store.close()
    _live_ok(settings)
    a = ask("when did the crane drivers walk out", settings=settings)
    assert a.status == "answered" and a.citations[0].article_id == "crane", a.answer


def test_status_says_what_waits_to_be_folded_in(big, capsys):
    from bot.status import _print_status

    settings, corpus = big
    (corpus / "crane.txt").write_text(NEW, encoding="utf-8")
    ingest([corpus], settings)
    remove_articles([NAJAF], settings)
    store = VectorStore(settings)
    waiting, buried = store.delta_count(), len(store.dead())
    store.close()
    manifest = Manifest(manifest_path(settings))
    try:
        _print_status(settings, manifest)
    finally:
        manifest.close()
    out = capsys.readouterr().out
    assert f"{waiting:,} new chunk vectors wait in the second collection and {buried:,} deleted ones are buried" in out
