"""Segmented BM25 (index/bm25*.py): scores equal to a one-shot bm25s build, incremental == rebuilt from scratch
after any sequence of changes, damaged or missing files rebuilt and never trusted, the merge policy.

Real manifests (SQLite) and segment files in tmp dirs; articles are recombined sentences of the sample
corpus, split by the real chunker. Chroma is not involved: BM25 follows the manifest alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import re
from pathlib import Path

import numpy as np
import pytest

import index.bm25_merge as bm25_merge
import index.bm25_sync as bm25_sync
from index.bm25 import build_bm25
from index.bm25_store import folder_of, load_bm25, read_listing
from index.bm25_sync import sync_bm25
from index.chunk import article_of, split_article
from index.manifest import Manifest
from index.sentences import split_sentences
from index.terms import query_terms, terms
from index.types import Article

PROJECT = Path(__file__).resolve().parent.parent
QUESTIONS = [json.loads(line)["question"] for name in ("gold", "natural")
             for line in (PROJECT / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def corpus_sentences() -> list[str]:
    out = []
    for p in sorted((PROJECT / "corpus").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in split_sentences(text)]
    return out


def article(aid: str, rng: random.Random, pool: list[str], n: int | None = None) -> Article:
    text = " ".join(rng.choice(pool) for _ in range(n or rng.randint(2, 9)))
    return Article(aid, aid, f"/x/{aid}.txt", text, hashlib.sha256(text.encode()).hexdigest())


def commit(m: Manifest, a: Article) -> None:
    sentences, chunks = split_article(a)
    m.commit_article(a, sentences, chunks)


def scratch(m: Manifest):
    """The index rebuilt from scratch from the manifest: what every incremental one must equal."""
    texts = {a.id: a.text for a in m.articles()}
    rows = m.chunks()
    return build_bm25(m.generation(), [r[0] for r in rows], [texts[r[1]][r[3]:r[4]] for r in rows])


def assert_same(index, expected, questions=QUESTIONS) -> None:
    """Same chunks, document frequencies and, for every question, bit-identical score of every chunk."""
    assert index.generation == expected.generation
    assert sorted(index.ids) == sorted(expected.ids)
    assert dict(index.df) == dict(expected.df)
    for q in questions:
        got, want = dict(zip(index.ids, index.scores(q).tolist())), dict(zip(expected.ids, expected.scores(q).tolist()))
        assert got == want, q
        for t in terms(q):
            assert index.idf(t) == expected.idf(t)
    # The vocabulary read per segment (bot/answer/unknown.py) is the merged one's.
    vocab = sorted(expected.df)
    for lo in {t[:2] for t in vocab[::3]} | {t[:5] for t in vocab[::7]} | {"zz", "q"}:
        assert index.terms_between(lo, lo + "\uffff") == {t for t in vocab if lo <= t < lo + "\uffff"}, lo
        assert index.has_prefix(lo) == any(t.startswith(lo) for t in vocab), lo
    # An article filter, made per segment, lets exactly those articles' live chunks through.
    articles = sorted({article_of(i) for i in expected.ids})
    for allowed in (set(articles[::2]), {articles[0]} if articles else set(), set()):
        assert index.article_mask(allowed).tolist() == [float(article_of(i) in allowed) for i in index.ids]


@pytest.fixture
def manifest(tmp_path):
    m = Manifest(tmp_path / "home" / "newsbot.manifest.sqlite")
    yield m
    m.close()


@pytest.fixture
def list_path(tmp_path) -> Path:
    return tmp_path / "home" / "newsbot.bm25.npz"


def segment_files(path: Path) -> dict[str, tuple]:
    """Segment file name -> (inode, mtime, bytes): what "left untouched" compares."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in folder_of(path).glob("seg-*")}


# --- scores ----------------------------------------------------------------------------------------------------

def test_scores_equal_a_one_shot_bm25s_build_of_the_sample_corpus(sample_home) -> None:
    """What today's index was (bm25s.BM25() over index.terms, "_" for a chunk without terms), bit for bit."""
    import bm25s

    from bot.library import open_library

    lib = open_library(sample_home)
    texts = {aid: a.text for aid, a in lib.articles.items()}
    rows = sorted(lib.chunks.values(), key=lambda c: (c.article_id, c.ordinal))
    assert [c.id for c in rows] == lib.bm25.ids  # one segment, in the manifest's order
    docs = [terms(texts[c.article_id][c.start:c.end]) or ["_"] for c in rows]
    model = bm25s.BM25()
    model.index(docs, show_progress=False)
    for q in QUESTIONS:
        want = np.asarray(model.get_scores(query_terms(q)), dtype=np.float32) if query_terms(q) else np.zeros(len(rows))
        np.testing.assert_array_equal(lib.bm25.scores(q), want, err_msg=q)
    df: dict[str, int] = {}
    for d in docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    assert dict(lib.bm25.df) == df


def test_scores_equal_bm25s_on_a_bigger_synthetic_corpus() -> None:
    import bm25s

    rng, pool = random.Random(3), corpus_sentences()
    texts = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))) for _ in range(400)] + ["", "the of"]
    index = build_bm25(1, [f"c{i}" for i in range(len(texts))], texts)
    model = bm25s.BM25()
    model.index([terms(t) or ["_"] for t in texts], show_progress=False)
    for q in QUESTIONS + ["amnesty amnesty Sadr"]:  # a repeated query term counts twice, as in bm25s
        want = np.asarray(model.get_scores(query_terms(q)), dtype=np.float32) if query_terms(q) else np.zeros(len(texts))
        np.testing.assert_array_equal(index.scores(q), want, err_msg=q)


def test_term_scores_kept_between_questions_change_nothing(monkeypatch) -> None:
    """The per-index cache of term scores, also when it overflows and starts again."""
    import index.bm25 as bm25

    rng, pool = random.Random(4), corpus_sentences()
    texts = [" ".join(rng.choice(pool) for _ in range(3)) for _ in range(200)]
    ids = [f"c{i}" for i in range(len(texts))]
    fresh = build_bm25(1, ids, texts)
    want = []
    for q in QUESTIONS:  # each question with nothing kept from the ones before
        fresh._cache.clear()
        want.append(fresh.scores(q))
    for budget in (bm25.CACHE_POSTINGS, 50):
        monkeypatch.setattr(bm25, "CACHE_POSTINGS", budget)
        index = build_bm25(1, ids, texts)
        for _ in range(2):
            for q, w in zip(QUESTIONS, want):
                np.testing.assert_array_equal(index.scores(q), w)
        assert index._cached <= budget


# --- incremental == rebuilt ------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 2])
def test_any_sequence_of_changes_scores_as_a_rebuild_from_scratch(manifest, list_path, monkeypatch, seed) -> None:
    """Adds, updates (new text under the same id) and deletes, with tiny merge tiers so that merges, deletes
    expunged and merged-away files all happen: every generation equals the index rebuilt from scratch."""
    monkeypatch.setattr(bm25_merge, "FLOOR", 3)
    monkeypatch.setattr(bm25_merge, "FACTOR", 3)
    merged: list[int] = []  # segments in, per merge
    real_merge = bm25_sync.merge_segments
    monkeypatch.setattr(bm25_sync, "merge_segments", lambda parts: merged.append(len(parts)) or real_merge(parts))
    rng, pool = random.Random(seed), corpus_sentences()
    live: list[str] = []
    for step in range(45):
        for _ in range(rng.randint(1, 3)):
            op = rng.choice(["add", "add", "update", "delete"]) if live else "add"
            if op == "add":
                live.append(f"a{step:02d}_{rng.randrange(10 ** 6)}")
                commit(manifest, article(live[-1], rng, pool))
            elif op == "update":
                commit(manifest, article(rng.choice(live), rng, pool))
            else:
                manifest.remove_article(live.pop(rng.randrange(len(live))))
        index = sync_bm25(list_path, manifest, writer=True)
        if step % 5 == 4 or step == 44:
            expected = scratch(manifest)
            assert_same(index, expected, QUESTIONS[::7])
            assert_same(load_bm25(list_path), expected, QUESTIONS[::7])  # what a new process reads
    names = {e[0] for e in read_listing(list_path).entries}
    assert set(segment_files(list_path)) == names  # merged-away files were deleted
    assert len(names) < 3 * bm25_merge.FACTOR  # merges kept the segment count down
    assert merged.count(1) and merged.count(3)  # both kinds happened: deletes expunged, a tier merged


def test_a_change_writes_one_small_segment_and_reuses_the_loaded_ones(manifest, list_path) -> None:
    rng, pool = random.Random(5), corpus_sentences()
    for i in range(30):
        commit(manifest, article(f"a{i:02d}", rng, pool))
    first = sync_bm25(list_path, manifest, writer=True)
    before = segment_files(list_path)
    commit(manifest, article("new", rng, pool, n=3))
    index = sync_bm25(list_path, manifest, writer=True)
    after = segment_files(list_path)
    assert {n: after[n] for n in before} == before  # untouched: same inode, mtime and bytes
    [new] = set(after) - set(before)
    assert index.parts[-1].segment.name == new and index.parts[-1].segment.ids[0].startswith("new::")
    assert all(i.startswith("new::") for i in index.parts[-1].segment.ids)
    assert index.parts[0].segment is first.parts[0].segment  # read once, shared by the new generation
    manifest.remove_article("a03")
    index = sync_bm25(list_path, manifest, writer=True)
    assert segment_files(list_path) == after  # a deletion is a tombstone in the list: no segment written
    assert_same(index, scratch(manifest))


def test_a_chunk_moved_under_the_same_id_is_indexed_again(manifest, list_path) -> None:
    """A new sentence splitting (manifest FORMAT) re-splits an article under the same chunk ids: the span
    tells the versions apart, so BM25 does not keep the old text's terms."""
    from dataclasses import replace

    rng, pool = random.Random(11), corpus_sentences()
    a = article("moved", rng, pool, n=6)
    sentences, chunks = split_article(a)
    manifest.commit_article(a, sentences, chunks)
    commit(manifest, article("other", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    first = chunks[0]
    shifted = [replace(first, end=chunks[-1].end, text=a.text[first.start:chunks[-1].end])] + chunks[1:]
    manifest.commit_article(a, sentences, shifted)  # same ids, the first chunk now spans the whole text
    assert_same(sync_bm25(list_path, manifest, writer=True), scratch(manifest))


def test_a_stale_list_left_by_a_killed_ingest_is_caught_up_by_a_reader(manifest, list_path) -> None:
    rng, pool = random.Random(6), corpus_sentences()
    for i in range(10):
        commit(manifest, article(f"a{i}", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    commit(manifest, article("b", rng, pool))  # committed, then killed before BM25 caught up
    manifest.remove_article("a1")
    assert read_listing(list_path).generation == manifest.generation() - 2
    index = sync_bm25(list_path, manifest)  # a reader: catches up and, the lock being free, saves it
    assert_same(index, scratch(manifest))
    assert read_listing(list_path).generation == manifest.generation()


def test_a_reader_never_overwrites_a_list_written_after_it_started(manifest, list_path) -> None:
    rng, pool = random.Random(7), corpus_sentences()
    for i in range(5):
        commit(manifest, article(f"a{i}", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    commit(manifest, article("b", rng, pool))
    real = manifest.article_texts
    writer = Manifest(manifest.path)

    def texts_then_ingest(ids):  # while the reader catches up, an ingest commits and saves its own list
        out = real(ids)
        commit(writer, article("c", rng, pool))
        sync_bm25(list_path, writer, writer=True)
        return out

    manifest.article_texts = texts_then_ingest
    try:
        stale = sync_bm25(list_path, manifest)
    finally:
        manifest.article_texts = real
        writer.close()
    assert not any(i.startswith("c::") for i in stale.ids)  # the reader's index: its own snapshot
    assert read_listing(list_path).generation == manifest.generation()  # the newer list was kept
    assert_same(load_bm25(list_path), scratch(manifest))


# --- damaged, missing, foreign files ---------------------------------------------------------------------------

class _Payload:
    def __init__(self, path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return os.mkdir, (self.path,)


def _flip_in_member(path: Path, member: str) -> None:
    """Flip the last byte of one .npz member's data (the zip still parses; its checksum no longer holds)."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member + ".npy")
    data = bytearray(path.read_bytes())
    off = info.header_offset
    start = off + 30 + int.from_bytes(data[off + 26:off + 28], "little") + int.from_bytes(data[off + 28:off + 30], "little")
    data[start + info.file_size - 1] ^= 0xFF
    path.write_bytes(bytes(data))


def _object_array(path: Path, marker: Path) -> None:
    """A .npz whose array is pickled: np.load(allow_pickle=True) would run it."""
    with open(path, "wb") as fh:
        np.savez(fh, meta=np.array([_Payload(marker)], dtype=object))


DAMAGE = {
    "missing": lambda p, marker: p.unlink(),
    "truncated": lambda p, marker: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "garbage": lambda p, marker: p.write_bytes(os.urandom(4096)),
    "pickle": lambda p, marker: p.write_bytes(pickle.dumps(_Payload(marker))),
    "object array": _object_array,
    "flipped ids": lambda p, marker: _flip_in_member(p, "meta"),
    "flipped lengths": lambda p, marker: _flip_in_member(p, "doc_len"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_missing_segment_is_rebuilt_never_trusted(manifest, list_path, tmp_path, damage) -> None:
    rng, pool = random.Random(8), corpus_sentences()
    for i in range(12):
        commit(manifest, article(f"a{i:02d}", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    commit(manifest, article("b", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    names = [e[0] for e in read_listing(list_path).entries]
    assert len(names) == 2
    marker = tmp_path / "payload-ran"
    bad = folder_of(list_path) / names[0]
    DAMAGE[damage](bad, marker)
    index = sync_bm25(list_path, manifest)  # a reader: the big segment's chunks are rebuilt from the manifest
    assert_same(index, scratch(manifest))
    assert not marker.exists()
    assert names[0] not in {e[0] for e in read_listing(list_path).entries} and not bad.exists()
    assert names[1] in {e[0] for e in read_listing(list_path).entries}  # the good one is kept


@pytest.mark.parametrize("damage", ["missing", "garbage", "pickle", "object array", "old format"])
def test_a_damaged_missing_or_old_format_list_is_rebuilt_once(manifest, list_path, tmp_path, damage) -> None:
    rng, pool = random.Random(9), corpus_sentences()
    for i in range(8):
        commit(manifest, article(f"a{i}", rng, pool))
    sync_bm25(list_path, manifest, writer=True)
    marker = tmp_path / "payload-ran"
    if damage == "old format":  # what FILE_FORMAT 1 saved: one bm25s model in one file
        meta = {"format": 1, "generation": manifest.generation(), "version": 3, "ids": [], "df": {}, "vocab": None}
        with open(list_path, "wb") as fh:
            np.savez(fh, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
    else:
        DAMAGE[damage](list_path, marker)
    index = sync_bm25(list_path, manifest, writer=True)
    assert_same(index, scratch(manifest))
    assert not marker.exists()
    assert read_listing(list_path) is not None
    assert len(segment_files(list_path)) == 1  # the orphaned segment was collected
    stamp = list_path.stat().st_mtime_ns
    sync_bm25(list_path, manifest, writer=True)
    assert list_path.stat().st_mtime_ns == stamp  # once: nothing to do the next time


def test_only_segment_files_are_ever_deleted(manifest, list_path) -> None:
    rng, pool = random.Random(10), corpus_sentences()
    commit(manifest, article("a", rng, pool))
    folder_of(list_path).mkdir(parents=True)
    mine = folder_of(list_path) / "notes.txt"
    mine.write_text("keep me")
    sync_bm25(list_path, manifest, writer=True)
    assert mine.exists() and all(re.match(r"seg-\d+-[0-9a-f]+\.npz$", n) for n in segment_files(list_path))


# --- merge policy ----------------------------------------------------------------------------------------------

def test_merge_policy_merges_a_full_tier_and_spares_the_big_segment() -> None:
    pick = bm25_merge.pick_merge
    assert pick([(400_000, 400_000)] + [(60, 60)] * 9) == []  # nine small ones: not yet
    assert pick([(400_000, 400_000)] + [(60, 60)] * 10) == list(range(1, 11))  # ten: merged, the big one not
    assert pick([(400_000, 400_010)] + [(60, 60)] * 3) == []  # a few deletions: a tombstone is enough
    assert pick([(100, 400_000), (60, 60)]) == [0]  # mostly deleted: expunged (the only whole rewrite)
    assert pick([(50_000, 50_000)] * 30) == []  # a merge never makes a segment over MAX_MERGED
    assert pick([(5_000, 5_000)] * 9 + [(10, 10)] * 3) == []  # tiers: 9 of ~5k and 3 small ones
    assert pick([(60, 60)] * 10) == []  # a merge is never the whole index (nor over half of it)...
    assert pick([(60, 60)] * 20) == list(range(10))  # ...so a tier may hold more segments until it fits
