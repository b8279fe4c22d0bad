"""One generation of the manifest read on demand (index/manifest_reader.py): a reader looks rows up by id and
keeps seeing its own generation while newer ones are committed. Real manifests (SQLite) in tmp dirs."""

from __future__ import annotations

import hashlib

import pytest

from index.chunk import split_article
from index.errors import StaleSnapshotError
from index.manifest import Manifest
from index.manifest_reader import ManifestReader
from index.types import Article


def make(aid: str, text: str, date: str | None = None) -> Article:
    return Article(aid, aid, f"/x/{aid}.txt", text, hashlib.sha256(text.encode()).hexdigest(), date)


def commit(m: Manifest, a: Article) -> None:
    m.commit_article(a, *split_article(a))


@pytest.fixture
def manifest(tmp_path):
    m = Manifest(tmp_path / "newsbot.manifest.sqlite")
    yield m
    m.close()


def test_a_reader_keeps_its_generation_while_newer_ones_are_committed(manifest) -> None:
    commit(manifest, make("a", "Basra was calm. Officials in Basra said so."))
    reader = ManifestReader(manifest.path)
    gen = reader.generation
    assert reader.article("a") is not None and not reader.db.in_transaction  # a lookup of its own
    reader.acquire()  # a question starts reading
    reader.acquire()  # ... and another one, sharing the transaction
    commit(manifest, make("a", "Najaf was calm. Officials in Najaf said so."))
    commit(manifest, make("b", "Kut was calm."))
    assert manifest.generation() == gen + 2
    # Everything the reader looks up is as it was at its generation, the words too.
    assert "Basra" in reader.article("a").text and reader.article("b") is None
    assert reader.ids("articles") == ["a"] and reader.count("articles") == 1 and reader.has_articles()
    assert reader.words().counts(["basra", "najaf"]) == {"basra": 2}
    assert [r[3] for r in reader.sentences("a")] == [0, 16] and reader.sentence_articles() == ["a"]
    chunk_id = reader.ids("chunks")[0]
    assert reader.chunk(chunk_id)[1] == "a"
    reader.release()
    assert reader.db.in_transaction  # one question still reads
    reader.release()
    assert not reader.db.in_transaction  # nothing held between questions
    # Its generation is gone: it says so instead of reading a newer one.
    with pytest.raises(StaleSnapshotError):
        reader.article("a")
    with pytest.raises(StaleSnapshotError):
        reader.acquire()
    reader.close()
    fresh = ManifestReader(manifest.path)
    assert fresh.generation == gen + 2 and "Najaf" in fresh.article("a").text and fresh.chunk(chunk_id) is None
    fresh.close()


def test_dated_articles(manifest) -> None:
    for aid, date in (("a", "2008-03-01"), ("b", "2008-03-31"), ("c", None), ("d", "2008-04-01")):
        commit(manifest, make(aid, f"Text of {aid}.", date))
    reader = ManifestReader(manifest.path)
    assert reader.dated("2008-03-01", "2008-03-31") == {"a", "b"}
    assert reader.dated(None, "2008-03-31") == {"a", "b"} and reader.dated("2008-03-02", None) == {"b", "d"}
    reader.close()


def test_every_text_in_id_order_a_page_at_a_time(manifest, monkeypatch) -> None:
    import index.manifest_reader as mr

    monkeypatch.setattr(mr, "PAGE", 2)
    for aid in ("d", "b", "a", "c", "e"):
        commit(manifest, make(aid, f"Text of {aid}."))
    reader = ManifestReader(manifest.path)
    assert list(reader.texts()) == [f"Text of {a}." for a in "abcde"]
    reader.close()


def test_a_reader_never_writes(manifest) -> None:
    import sqlite3

    commit(manifest, make("a", "Kut was calm."))
    reader = ManifestReader(manifest.path)
    with pytest.raises(sqlite3.OperationalError):
        reader.db.execute("DELETE FROM articles")
    reader.close()
