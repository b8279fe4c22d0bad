"""Issue 13 at small scale: an archive of 2,000 articles (the stand-in embedding, small synthetic articles)
where adding, replacing or deleting one article does not rebuild the BM25 index, and answers stay right.

End to end: real files in a tmp dir, ingest() with the embedded Chroma, bot.ask. The 2,000-article index is
built once for the module (about 20 s); every test changes it a little and checks what was written.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import index.bm25_sync as bm25_sync
from index.bm25_store import folder_of, read_listing
from index.ingest import bm25_path, ingest, manifest_path, remove_articles
from index.manifest import Manifest
from test_bm25 import assert_same, scratch, segment_files

N = 2000
WORDS = ("harbour railway council budget school hospital river bridge election market police court farm "
         "factory museum airport library stadium tunnel orchard").split()


def story(i: int, rng: random.Random) -> str:
    a, b, c = rng.sample(WORDS, 3)
    return (f"Report {i}\n\nThe {a} board met on day {i} to discuss the {b}. "
            f"After a long debate it approved plan {i}{c} by a narrow vote.\n")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    docs = root / "docs"
    docs.mkdir()
    rng = random.Random(13)
    for i in range(N):
        (docs / f"a{i:04d}.txt").write_text(story(i, rng), encoding="utf-8")
    from index.settings import Settings

    settings = Settings.from_env({}, home=root / "home", embed_model="fake_embedding:make")
    assert len(ingest([docs], settings).added) == N
    return settings, docs


@pytest.fixture
def tokenised(monkeypatch) -> list[list[str]]:
    """The chunk ids of every segment built from text (merges are not: they reuse the segments' arrays)."""
    calls: list[list[str]] = []
    real = bm25_sync.build_segment

    def spy(ids, spans, texts):
        calls.append(list(ids))
        return real(ids, spans, texts)

    monkeypatch.setattr(bm25_sync, "build_segment", spy)
    return calls


def cites(settings, question: str) -> set[str]:
    from bot import ask

    answer = ask(question, settings=settings)
    assert not answer.abstained, (question, answer.answer)
    return {c.article_id for c in answer.citations}


def assert_rebuilt_equal(settings) -> None:
    from bot.library import open_library

    m = Manifest(manifest_path(settings))
    try:
        assert_same(open_library(settings).bm25, scratch(m),
                    ["What did the board approve on day 77?", "harbour railway plan", "zebra crossing Quokka"])
    finally:
        m.close()


def test_adding_one_article_writes_one_small_segment_and_answers_stay_right(archive, tokenised) -> None:
    settings, docs = archive
    before = segment_files(bm25_path(settings))
    (docs / "zebra.txt").write_text("Zebra news\n\nVolunteers repainted the zebra crossing on Quokka Street on "
                                    "Sunday morning.\n", encoding="utf-8")
    assert ingest([docs], settings).added == ["zebra"]
    after = segment_files(bm25_path(settings))
    assert {n: after[n] for n in before} == before  # every existing segment file untouched (inode, mtime, bytes)
    assert len(after) == len(before) + 1
    assert len(tokenised) == 1 and all(i.startswith("zebra::") for i in tokenised[0])  # no rebuild
    assert cites(settings, "Who repainted the zebra crossing on Quokka Street?") == {"zebra"}
    assert cites(settings, "What did the board approve on day 1234?") == {"a1234"}
    assert_rebuilt_equal(settings)


def test_replacing_one_article_tombstones_its_old_chunks(archive, tokenised) -> None:
    settings, docs = archive
    before = segment_files(bm25_path(settings))
    (docs / "a0042.txt").write_text("Report 42\n\nThe ferry board met on day 42 and approved plan 42ferry after "
                                    "a short debate about the pier.\n", encoding="utf-8")
    assert ingest([docs], settings).updated == ["a0042"]
    after = segment_files(bm25_path(settings))
    assert {n: after[n] for n in before} == before and len(after) == len(before) + 1
    assert len(tokenised) == 1 and all(i.startswith("a0042::") for i in tokenised[0])
    listing = read_listing(bm25_path(settings))
    assert sum(len(dead) for _, _, dead in listing.entries) >= 1  # the old version's chunk: a tombstone
    assert cites(settings, "What did the ferry board approve on day 42?") == {"a0042"}
    assert_rebuilt_equal(settings)


def test_deleting_one_article_writes_no_segment(archive, tokenised) -> None:
    settings, docs = archive
    before = segment_files(bm25_path(settings))
    assert remove_articles(["a0777"], settings) == ["a0777"]
    (docs / "a0777.txt").unlink()
    assert segment_files(bm25_path(settings)) == before and tokenised == []
    assert cites(settings, "What did the board approve on day 778?") == {"a0778"}
    assert_rebuilt_equal(settings)
    from bot.library import open_library

    assert not [i for i in open_library(settings).bm25.ids if i.startswith("a0777::")]


def test_the_segment_folder_holds_only_listed_segments(archive) -> None:
    settings, _ = archive
    listed = {name for name, _, _ in read_listing(bm25_path(settings)).entries}
    assert {p.name for p in Path(folder_of(bm25_path(settings))).iterdir()} == listed


def test_a_big_fresh_ingest_writes_bm25_segments_as_it_goes(tmp_path, monkeypatch, tokenised) -> None:
    """A fresh ingest tokenises BM25 a bounded block at a time (every BM25_SEGMENT_CHUNKS chunks, here 40),
    not the whole archive at the end (1.5 M chunks at 100,000 articles), and the index is the one-go one."""
    import index.ingest as ingest_module
    from index.settings import Settings

    monkeypatch.setattr(ingest_module, "BM25_SEGMENT_CHUNKS", 40)
    docs = tmp_path / "docs"
    docs.mkdir()
    rng = random.Random(7)
    for i in range(150):
        (docs / f"b{i:03d}.txt").write_text(story(i, rng), encoding="utf-8")
    settings = Settings.from_env({}, home=tmp_path / "home", embed_model="fake_embedding:make")
    assert len(ingest([docs], settings).added) == 150
    chunks = sum(len(ids) for ids in tokenised)
    assert chunks == 150 and len(tokenised) >= 3  # every chunk tokenised once, in several segments
    # each segment: what was written since the last (at most 40 chunks and one embedding batch more)
    assert max(len(ids) for ids in tokenised) <= 40 + ingest_module.BATCH_VECTORS
    assert len(read_listing(bm25_path(settings)).entries) == len(tokenised)
    assert cites(settings, "What did the board approve on day 123?") == {"b123"}
    assert_rebuilt_equal(settings)
