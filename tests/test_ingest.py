"""index.ingest.ingest() end to end: real files in tmp dirs, the embedded Chroma, the manifest, BM25."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest

from index.bm25_store import load_bm25
from index.errors import NewsbotError
from index.ingest import bm25_path, ingest, manifest_path
from index.manifest import Manifest
from index.static import count_tokens
from index.types import Skip
from index.vectors import VectorStore

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SAMPLE_FILES = sorted(CORPUS.glob("*.txt"))
SAMPLE_IDS = [p.stem for p in SAMPLE_FILES]
AMNESTY_ID = "000_26083794b4a1b5c3"
NAJAF_ID = "001_7168465226cfb30f"
BASRA_ID = "002_66587a816fcca4e1"


# --- helpers -------------------------------------------------------------------------------------------------

def state(settings) -> dict:
    """What the manifest and the vector store hold, by id: "chroma_chunks" id -> (the text its Chroma metadata
    points at, metadata), "chunk_vectors" and "sentence_vectors" id -> the stored vector's float32 bytes (Chroma
    keeps no chunk text, the sentence store none at all: the texts are the manifest's articles')."""
    m = Manifest(manifest_path(settings))
    try:
        out = {
            "articles": {a.id: a for a in m.articles()},
            "chunks": {r[0]: r for r in m.chunks()},
            "sentences": {r[0]: r for r in m.sentences()},
            "pending": m.pending(),
            "generation": m.generation(),
        }
    finally:
        m.close()
    store = VectorStore(settings)
    got = store.cols["chunk"].get(include=["embeddings", "metadatas"])
    texts = {aid: a.text for aid, a in out["articles"].items()}
    out["chroma_chunks"] = {i: (texts[md["article_id"]][md["start"]:md["end"]] if md["article_id"] in texts
                                else None, md) for i, md in zip(got["ids"], got["metadatas"])}
    out["chunk_vectors"] = {i: np.asarray(v, dtype=np.float32).tobytes()
                            for i, v in zip(got["ids"], got["embeddings"])}
    vectors = store.sentences.vectors(store.sentences.ids())
    out["sentence_vectors"] = {i: v.tobytes() for i, v in vectors.items()}
    store.close()
    return out


@lru_cache(maxsize=1)
def _model():
    from index.embed import make_embedding

    return make_embedding("minilm-int8")


def assert_vectors_of(texts: dict[str, str], vectors: dict[str, bytes]) -> None:
    """Each stored vector is its text's, embedded again (float16 storage keeps the cosine above 0.999)."""
    from index.embed import embed_texts

    ids = sorted(texts)
    again = embed_texts(_model(), [texts[i] for i in ids])
    for i, v in zip(ids, again):
        assert float(np.dot(v, np.frombuffer(vectors[i], dtype=np.float32))) > 0.999, (i, texts[i])


def assert_consistent(settings) -> dict:
    """Manifest == vector store exactly (no orphans, nothing missing), offsets exact, BM25 current."""
    st = state(settings)
    assert st["pending"] == []
    rows, chroma = st["chunks"], st["chroma_chunks"]
    assert set(rows) == set(chroma), "chunks: manifest and Chroma differ"
    for cid, row in rows.items():
        article = st["articles"][row[1]]
        start, end = row[3], row[4]
        doc, md = chroma[cid]
        assert article.text[start:end] == doc, cid
        assert (md["article_id"], md["start"], md["end"]) == (row[1], start, end)
    assert_vectors_of({cid: text for cid, (text, _) in chroma.items()}, st["chunk_vectors"])
    assert set(st["sentences"]) == set(st["sentence_vectors"]), "sentences: manifest and sentence store differ"
    assert_vectors_of({i: st["articles"][r[1]].text[r[3]:r[4]] for i, r in st["sentences"].items()},
                      st["sentence_vectors"])
    for aid in st["articles"]:
        assert any(r[1] == aid for r in st["chunks"].values()), f"{aid} has no chunks"
        assert any(r[1] == aid for r in st["sentences"].values()), f"{aid} has no sentences"
    bm = load_bm25(bm25_path(settings))
    assert bm is not None and bm.generation == st["generation"]
    assert sorted(bm.ids) == sorted(st["chunks"])
    return st


def article_vector_ids(st: dict, article_id: str) -> set[str]:
    return {i for kind in ("chunks", "sentences") for i, r in st[kind].items() if r[1] == article_id}


def cited_ids(answer) -> set[str]:
    return {c.article_id for c in answer.citations + answer.related} | {p.article_id for p in answer.passages}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def story(n: int, topic: str) -> str:
    return (f"Story {n} about {topic}\n\n"
            f"The {topic} committee met on Monday to discuss item {n}. Members agreed on a plan for {topic}.\n\n"
            f"A spokesman said the {topic} plan would start next month.\n")


# --- first and repeated ingests ------------------------------------------------------------------------------

def test_first_ingest_adds_every_article(sample_home, sample_report) -> None:
    assert sorted(sample_report.added) == SAMPLE_IDS
    assert sample_report.updated == sample_report.unchanged == sample_report.removed == []
    assert sample_report.skipped == [] and sample_report.notices == []
    assert sample_report.chunks_embedded > 0
    st = assert_consistent(sample_home)
    assert sorted(st["articles"]) == SAMPLE_IDS
    assert sample_report.chunks_embedded == len(st["chunks"])
    assert sample_report.vectors_embedded == len(st["chunks"]) + len(st["sentences"])
    for path in SAMPLE_FILES:  # stored byte for byte
        assert st["articles"][path.stem].text == path.read_text(encoding="utf-8")


def test_reingest_of_unchanged_corpus_embeds_nothing(sample_home, monkeypatch) -> None:
    before = state(sample_home)
    import index.ingest as ingest_module

    def no_model(*args, **kwargs):
        raise AssertionError("an unchanged corpus must not even load the embedding model")

    monkeypatch.setattr(ingest_module, "make_embedding", no_model)
    report = ingest([CORPUS], sample_home)
    assert report.chunks_embedded == 0 and report.vectors_embedded == 0
    assert sorted(report.unchanged) == SAMPLE_IDS
    assert report.added == report.updated == report.removed == report.skipped == []
    after = assert_consistent(sample_home)
    assert after["generation"] == before["generation"]
    assert set(after["chunks"]) == set(before["chunks"])


def test_every_chunk_and_sentence_points_at_its_exact_text(sample_home) -> None:
    st = state(sample_home)
    for cid, (_, aid, ordinal, start, end, first, last) in st["chunks"].items():
        text = st["articles"][aid].text
        assert text[start:end] == st["chroma_chunks"][cid][0]
        sents = sorted((r for r in st["sentences"].values() if r[1] == aid), key=lambda r: r[2])
        assert sents[first][3] == start and sents[last][4] == end
    for sid, (_, aid, _, start, end, kind) in st["sentences"].items():
        piece = st["articles"][aid].text[start:end]
        assert sid in st["sentence_vectors"] and piece == piece.strip() and piece
        assert kind in ("body", "heading", "repeated", "pull_quote", "boilerplate")
    # the truce article's teaser list after "SOURCE: Agencies" is stored as boilerplate, its prose as body
    kinds = {st["articles"][r[1]].text[r[3]:r[4]]: r[5] for r in st["sentences"].values()}
    assert kinds["SOURCE: Agencies"] == "boilerplate" and kinds["Tense truce"] == "heading"


def test_chunks_fit_the_token_budget(sample_home) -> None:
    st = state(sample_home)
    sizes = [count_tokens(doc) for doc, _ in st["chroma_chunks"].values()]
    assert sizes and max(sizes) <= sample_home.chunk_tokens


def test_changing_chunk_size_resplits_everything(settings_factory, corpus_copy) -> None:
    settings = settings_factory()
    ingest([corpus_copy], settings)
    old = state(settings)
    small = settings.with_(chunk_tokens=48)
    report = ingest([corpus_copy], small)
    assert sorted(report.updated) == SAMPLE_IDS
    st = assert_consistent(small)
    assert len(st["chunks"]) > len(old["chunks"])
    assert not set(st["chunks"]) & set(old["chunks"])  # every old chunk is gone, in both stores
    assert max(count_tokens(doc) for doc, _ in st["chroma_chunks"].values()) <= 48
    assert ingest([corpus_copy], small).chunks_embedded == 0


# --- edits, deletions, renames, duplicates -------------------------------------------------------------------

def test_edited_article_is_updated_and_its_old_vectors_are_gone(settings_factory, corpus_copy, monkeypatch,
                                                                assert_answers) -> None:
    from bot import ask

    settings = settings_factory()
    ingest([corpus_copy], settings)
    before = state(settings)
    old_ids = article_vector_ids(before, BASRA_ID)
    path = corpus_copy / f"{BASRA_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nThe zebra parade in Basra was cancelled because of "
                    "the fighting, organisers said.", encoding="utf-8")

    import index.ingest as ingest_module

    embedded: list[str] = []
    real_embed = ingest_module.embed_texts
    monkeypatch.setattr(ingest_module, "embed_texts",
                        lambda model, texts: (embedded.extend(texts), real_embed(model, texts))[1])
    report = ingest([corpus_copy], settings)
    assert report.updated == [BASRA_ID] and sorted(report.unchanged) == [AMNESTY_ID, NAJAF_ID]
    new_text = path.read_text(encoding="utf-8")
    # Only the edited article was embedded: every embedded text is a piece of it.
    assert embedded and all(t in new_text for t in embedded)
    st = assert_consistent(settings)
    assert report.chunks_embedded == sum(1 for r in st["chunks"].values() if r[1] == BASRA_ID)
    # The old version's ids are gone from the manifest and from the vector store.
    assert not old_ids & set(st["chunks"]) and not old_ids & set(st["sentences"])
    store = VectorStore(settings)
    assert store.cols["chunk"].get(ids=sorted(old_ids))["ids"] == []
    assert store.vectors("sentence", sorted(old_ids)) == {}
    # The other articles kept their very ids (nothing re-embedded for them).
    for aid in (AMNESTY_ID, NAJAF_ID):
        assert article_vector_ids(st, aid) == article_vector_ids(before, aid)
    answer = ask("Why was the zebra parade in Basra cancelled?", settings=settings)
    assert any("zebra parade" in c.quote for c in answer.citations), answer.answer
    assert_answers(settings)


def test_deleted_file_stays_without_prune_and_goes_with_prune(settings_factory, corpus_copy, assert_answers) -> None:
    from bot import ask
    from bot.library import close_libraries

    question = "What did the US agree to suspend?"  # only article 001 (Najaf) says
    settings = settings_factory()
    ingest([corpus_copy], settings)
    assert NAJAF_ID in {c.article_id for c in ask(question, settings=settings).citations}
    (corpus_copy / f"{NAJAF_ID}.txt").unlink()

    report = ingest([corpus_copy], settings)
    assert report.removed == [] and sorted(report.unchanged) == [AMNESTY_ID, BASRA_ID]
    assert NAJAF_ID in assert_consistent(settings)["articles"]

    before = state(settings)
    report = ingest([corpus_copy], settings, prune=True)
    assert report.removed == [NAJAF_ID]
    st = assert_consistent(settings)
    assert NAJAF_ID not in st["articles"]
    assert not article_vector_ids(st, NAJAF_ID)
    store = VectorStore(settings)
    assert store.cols["chunk"].get(where={"article_id": NAJAF_ID})["ids"] == []
    assert store.cols["chunk"].get(ids=sorted(article_vector_ids(before, NAJAF_ID)))["ids"] == []
    assert not [i for i in store.sentences.ids() if i.startswith(f"{NAJAF_ID}::")]
    assert not [i for i in load_bm25(bm25_path(settings)).ids if i.startswith(NAJAF_ID)]
    close_libraries()
    assert NAJAF_ID not in cited_ids(ask(question, settings=settings))
    assert_answers(settings)


def test_remove_articles_drops_manifest_rows_vectors_and_bm25(settings_factory, corpus_copy, assert_answers) -> None:
    from bot import ask
    from bot.library import open_library
    from index.ingest import remove_articles

    question = "What did the US agree to suspend?"  # only article 001 (Najaf) says
    settings = settings_factory()
    ingest([corpus_copy], settings)
    assert NAJAF_ID in cited_ids(ask(question, settings=settings))  # the library is open and warm
    before = state(settings)
    assert remove_articles([NAJAF_ID, "no-such-article", NAJAF_ID], settings) == [NAJAF_ID]
    st = assert_consistent(settings)
    assert sorted(st["articles"]) == [AMNESTY_ID, BASRA_ID]
    assert not article_vector_ids(st, NAJAF_ID)
    store = VectorStore(settings)
    assert store.cols["chunk"].get(ids=sorted(article_vector_ids(before, NAJAF_ID)))["ids"] == []
    assert store.vectors("sentence", sorted(article_vector_ids(before, NAJAF_ID))) == {}
    assert not [i for i in load_bm25(bm25_path(settings)).ids if i.startswith(NAJAF_ID)]
    assert (corpus_copy / f"{NAJAF_ID}.txt").exists()  # the file is not ours to delete
    assert NAJAF_ID not in open_library(settings).articles  # the open library reloads by itself
    assert NAJAF_ID not in cited_ids(ask(question, settings=settings))
    assert remove_articles([], settings) == [] and remove_articles(["nothing"], settings) == []
    assert_answers(settings)


def test_same_text_under_two_names_is_stored_once(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    write(folder / "a.txt", story(1, "water"))
    write(folder / "b.txt", story(1, "water"))  # the same text, another name
    write(folder / "c.txt", story(2, "bread"))
    settings = settings_factory()
    report = ingest([folder], settings)
    assert sorted(report.added) == ["a", "c"]
    [skip] = report.skipped
    assert skip.source == str(folder / "b.txt") and "same text as" in skip.reason and "'a'" in skip.reason
    # A later copy of an already stored article is refused the same way.
    shutil.copyfile(folder / "c.txt", folder / "d.txt")
    report = ingest([folder], settings)
    assert report.added == [] and sorted(report.unchanged) == ["a", "c"]
    assert {(s.source, "same text as" in s.reason) for s in report.skipped} == {
        (str(folder / "b.txt"), True), (str(folder / "d.txt"), True)}
    assert sorted(assert_consistent(settings)["articles"]) == ["a", "c"]


def test_article_edited_into_a_copy_of_another_is_removed(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    write(folder / "a.txt", story(5, "river"))
    write(folder / "b.txt", story(6, "field"))
    settings = settings_factory()
    ingest([folder], settings)
    shutil.copyfile(folder / "a.txt", folder / "b.txt")  # b now holds a's text
    report = ingest([folder], settings)
    assert report.removed == ["b"] and report.unchanged == ["a"]
    assert any(s.source == str(folder / "b.txt") and "same text as article 'a'" in s.reason for s in report.skipped)
    assert sorted(assert_consistent(settings)["articles"]) == ["a"]  # b's old version is not left live


def test_renamed_file_is_added_under_its_new_id_and_prune_drops_the_old(settings_factory, tmp_path) -> None:
    folder = tmp_path / "docs"
    write(folder / "old_name.txt", story(3, "bridge"))
    write(folder / "other.txt", story(4, "school"))
    settings = settings_factory()
    ingest([folder], settings)
    old_ids = article_vector_ids(state(settings), "old_name")
    (folder / "old_name.txt").rename(folder / "new_name.txt")

    report = ingest([folder], settings)  # not "same text as": the old file is gone
    assert report.added == ["new_name"] and report.skipped == [] and report.removed == []
    assert set(assert_consistent(settings)["articles"]) == {"old_name", "new_name", "other"}

    report = ingest([folder], settings, prune=True)
    assert report.removed == ["old_name"] and report.added == []
    st = assert_consistent(settings)
    assert set(st["articles"]) == {"new_name", "other"}
    assert not old_ids & (set(st["chroma_chunks"]) | set(st["sentence_vectors"]))


def test_chroma_never_gets_more_than_max_batch_per_call(settings_factory, corpus_copy, monkeypatch) -> None:
    calls: list[tuple[str, str, int]] = []

    class Recording:
        def __init__(self, col, kind):
            self._col, self._kind = col, kind

        def __getattr__(self, name):
            attr = getattr(self._col, name)
            if name in ("add", "upsert", "update", "delete"):
                def wrapped(*args, ids=None, **kwargs):
                    calls.append((self._kind, name, len(ids) if ids is not None else -1))
                    return attr(*args, ids=ids, **kwargs)
                return wrapped
            return attr

    real_init = VectorStore.__init__

    def init(self, settings):
        real_init(self, settings)
        assert self.max_batch == self.client.get_max_batch_size()
        self.max_batch = 7
        self.cols = {k: Recording(c, k) for k, c in self.cols.items()}

    monkeypatch.setattr(VectorStore, "__init__", init)
    settings = settings_factory()
    report = ingest([corpus_copy], settings)
    assert len(report.added) == 3
    upserts = [n for _, op, n in calls if op in ("add", "upsert")]
    assert sum(upserts) == report.chunks_embedded and len(upserts) > 3  # sentences go to SQLite
    # An edit deletes the old version's vectors: in batches too.
    path = corpus_copy / f"{AMNESTY_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nOne more sentence at the end.", encoding="utf-8")
    calls.clear()
    ingest([corpus_copy], settings)
    deletes = [n for _, op, n in calls if op == "delete"]
    assert sum(deletes) > 1
    assert all(0 <= n <= 7 for _, _, n in calls), calls
    monkeypatch.undo()
    assert_consistent(settings)


def test_articles_are_split_as_their_batch_is_written(settings_factory, tmp_path, monkeypatch) -> None:
    """An ingest never holds the whole archive's chunks and sentences: an article is split only when its batch
    is written (after the articles before it are committed) and let go of once written; progress counts
    articles, and Chroma gets no chunk text (the manifest has it; Chroma would index it for a full-text search
    nothing uses)."""
    import gc
    import weakref

    import index.ingest as ingest_module

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):  # each article about 20 vectors: several batches of BATCH_VECTORS (made small here)
        (corpus / f"a{i:02d}.txt").write_text(
            f"Headline number {i}\n\n" + " ".join(f"Town {i} built bridge number {j} in the year 19{j:02d}."
                                                   for j in range(12)), encoding="utf-8")
    monkeypatch.setattr(ingest_module, "BATCH_VECTORS", 40)
    settings = settings_factory()
    events: list[tuple] = []
    real_split, real_commit = ingest_module.split_article, Manifest.commit_article
    refs: list = []  # weak references to the articles split so far
    alive_at_last_split: list[int] = []  # how many of the written articles were still held then

    def split(art, **kw):
        if len(refs) == 11:
            gc.collect()
            alive_at_last_split.append(sum(r() is not None for r in refs[:8]))
        refs.append(weakref.ref(art))
        events.append(("split", art.id))
        return real_split(art, **kw)

    monkeypatch.setattr(ingest_module, "split_article", split)
    monkeypatch.setattr(Manifest, "commit_article",
                        lambda self, art, *a: (events.append(("commit", art.id)), real_commit(self, art, *a))[1])
    progress: list[tuple[int, int]] = []
    report = ingest([corpus], settings, progress=lambda done, total: progress.append((done, total)))
    assert len(report.added) == 12
    splits = [i for i, (what, _) in enumerate(events) if what == "split"]
    commits = [i for i, (what, _) in enumerate(events) if what == "commit"]
    assert len(splits) == len(commits) == 12
    assert commits[0] < splits[-1], "every article was split before the first was committed"
    # the first 8 articles were committed before the last is split (batches of 2): none is held any more
    assert commits[7] < splits[-1] and alive_at_last_split == [0]
    assert len(progress) > 2 and progress[-1] == (12, 12)
    assert [d for d, _ in progress] == sorted({d for d, _ in progress}) and {t for _, t in progress} == {12}
    store = VectorStore(settings)
    got = store.cols["chunk"].get(include=["documents"])
    store.close()
    assert len(got["ids"]) == report.chunks_embedded and not any(got["documents"])
    monkeypatch.undo()
    assert_consistent(settings)


# --- bad inputs next to an existing index --------------------------------------------------------------------

@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A module-wide index of a copy of the sample corpus; bad inputs are ingested next to it."""
    from index.settings import Settings

    root = tmp_path_factory.mktemp("base")
    corpus = root / "corpus"
    corpus.mkdir()
    for p in SAMPLE_FILES:
        shutil.copyfile(p, corpus / p.name)
    settings = Settings.from_env({}, home=root / "home")
    ingest([corpus], settings)
    return settings, corpus


def ingest_beside(base, bad, assert_answers, settings=None, added: int = 0):
    """Ingest the corpus plus the bad input; the existing index must be untouched and still answer."""
    base_settings, corpus = base
    settings = settings or base_settings
    before = state(settings)
    report = ingest([corpus, *bad], settings)
    assert sorted(report.unchanged) == SAMPLE_IDS
    after = assert_consistent(settings)
    assert len(after["articles"]) == len(before["articles"]) + added
    assert set(before["chunks"]) <= set(after["chunks"])
    assert_answers(settings)
    return report


def only_skip(report) -> Skip:
    [skip] = report.skipped
    return skip


def test_empty_files_are_skipped(base, tmp_path, assert_answers) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.md", " \n\n\t \n")
    report = ingest_beside(base, [empty, blank], assert_answers)
    assert [(s.source, s.reason) for s in report.skipped] == [(str(empty), "empty file"), (str(blank), "empty file")]
    assert report.chunks_embedded == 0


def test_binary_file_is_skipped(base, tmp_path, assert_answers) -> None:
    blob = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    skip = only_skip(ingest_beside(base, [blob], assert_answers))
    assert skip.source == str(blob) and skip.reason.startswith("binary file")


def test_cp1252_file_is_ingested_with_a_notice(base, tmp_path, assert_answers) -> None:
    text = ("Caf\u00e9 owners protest\n\nThe caf\u00e9 owners of Karbala \u2013 na\u00efvely hopeful \u2013 "
            "marched on Sunday. They demanded \u201cfair rents\u201d from the council.\n")
    path = write(tmp_path / "legacy_cafe.txt", text.encode("cp1252"))
    report = ingest_beside(base, [path], assert_answers, added=1)
    assert report.added == ["legacy_cafe"] and report.skipped == []
    assert [(n.source, "cp1252" in n.message) for n in report.notices] == [(str(path), True)]
    st = state(base[0])
    assert st["articles"]["legacy_cafe"].text == text  # decoded, not mangled
    docs = [st["articles"]["legacy_cafe"].text[r[3]:r[4]] for i, r in st["sentences"].items()
            if i.startswith("legacy_cafe::") and i in st["sentence_vectors"]]
    assert any("\u201cfair rents\u201d" in d for d in docs)


def test_file_over_the_size_limit_is_skipped(base, tmp_path, assert_answers) -> None:
    big = write(tmp_path / "huge.txt", "Huge file\n\n" + "Sentence about nothing in particular. " * 200)
    limited = base[0].with_(max_file_bytes=4000)  # the sample files are < 3,000 bytes
    skip = only_skip(ingest_beside(base, [big], assert_answers, settings=limited))
    assert skip.source == str(big)
    assert "over the 4000-byte limit" in skip.reason and "NEWSBOT_MAX_FILE_BYTES" in skip.reason


def test_malformed_jsonl_lines_are_skipped_and_good_records_ingested(base, tmp_path, assert_answers) -> None:
    lines = [
        json.dumps({"id": "r1", "title": "Dam repaired", "text": "Engineers repaired the Mosul dam on Friday. "
                    "Water levels are back to normal."}),
        '{"id": "r2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r4", "title": "Bridge opened", "text": "A new bridge opened over the Tigris in "
                    "Baghdad. Traffic was heavy on the first day."}),
        json.dumps({"id": "r5", "title": "No text at all"}),
    ]
    feed = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    report = ingest_beside(base, [feed], assert_answers, added=2)
    assert sorted(report.added) == ["feed#r1", "feed#r4"]
    reasons = {s.source: s.reason for s in report.skipped}
    assert set(reasons) == {f"{feed}:2", f"{feed}:3", f"{feed}:5"}
    assert reasons[f"{feed}:2"].startswith("line 2: not valid JSON")
    assert reasons[f"{feed}:3"].startswith("line 3: expected a JSON object")
    assert reasons[f"{feed}:5"].startswith("line 5: missing field")


def test_missing_path_is_skipped(base, tmp_path, assert_answers) -> None:
    missing = tmp_path / "no" / "such.txt"
    skip = only_skip(ingest_beside(base, [missing], assert_answers))
    assert skip.source == str(missing) and "does not exist" in skip.reason


def test_symlink_loop_and_self_link_are_skipped(base, tmp_path, assert_answers) -> None:
    folder = tmp_path / "linked"
    write(folder / "sub" / "note.txt", story(5, "loop"))
    os.symlink("..", folder / "sub" / "back")  # folder/sub/back -> folder
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    report = ingest_beside(base, [folder], assert_answers, added=1)
    assert report.added == ["sub/note"]
    reasons = {s.source: s.reason for s in report.skipped}
    assert reasons[str(folder / "sub" / "back")].startswith("symlink loop")
    assert "symbolic links" in reasons[str(folder / "self.txt")]  # ELOOP, named as such
    assert len(reasons) == 2


def test_unreadable_file_is_skipped(base, tmp_path, assert_answers) -> None:
    secret = write(tmp_path / "secret.txt", story(6, "secret"))
    secret.chmod(0)
    if os.geteuid() != 0:
        skip = only_skip(ingest_beside(base, [secret], assert_answers))
        assert skip.source == str(secret) and skip.reason == "cannot read file: Permission denied"
        return
    # Root reads a mode-000 file anyway: run the ingest as root without the capabilities that bypass
    # file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so the read really fails.
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: cannot make a file unreadable")
    settings, corpus = base
    before = state(settings)
    code = textwrap.dedent(f"""
        import json
        from index.ingest import ingest
        from index.settings import Settings
        r = ingest([{str(corpus)!r}, {str(secret)!r}], Settings.from_env({{}}, home={str(settings.home)!r}))
        print(json.dumps({{"unchanged": r.unchanged, "skipped": [[s.source, s.reason] for s in r.skipped]}}))
    """)
    res = subprocess.run([setpriv, "--bounding-set", "-dac_override,-dac_read_search", sys.executable, "-c", code],
                         cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-3000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert sorted(out["unchanged"]) == SAMPLE_IDS
    assert out["skipped"] == [[str(secret), "cannot read file: Permission denied"]]
    after = assert_consistent(settings)
    assert set(after["articles"]) == set(before["articles"]) and set(after["chunks"]) == set(before["chunks"])
    assert_answers(settings)


# --- one ingest at a time ------------------------------------------------------------------------------------

@contextmanager
def ingest_lock_held(settings) -> Iterator[None]:
    """Another process holds the ingest lock file, as a running ingest does (flock, exclusive)."""
    from index.ingest import _IngestLock

    code = textwrap.dedent(f"""
        import fcntl, sys
        with open({str(_IngestLock(settings).path)!r}, "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            print("locked", flush=True)
            sys.stdin.read()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0


def test_concurrent_ingest_fails_with_a_clear_error(settings_factory, corpus_copy, tmp_path, assert_answers) -> None:
    settings = settings_factory()
    ingest([corpus_copy], settings)
    with ingest_lock_held(settings):
        write(corpus_copy / "extra.txt", story(7, "lock"))
        t0 = time.monotonic()
        with pytest.raises(NewsbotError, match="another ingest is running"):
            ingest([corpus_copy], settings)
        assert time.monotonic() - t0 < 10  # fails at once, does not wait
        st = assert_consistent(settings)
        assert "extra" not in st["articles"]
        assert_answers(settings)
    report = ingest([corpus_copy], settings)  # the lock is free again
    assert report.added == ["extra"]


def test_bm25_rebuild_reads_one_consistent_manifest_state(settings_factory, tmp_path) -> None:
    """A reader rebuilding BM25 while an ingest commits an article between its reads must not mix states."""
    from index.chunk import split_article
    from index.ingest import refresh_bm25
    from index.load import load_paths

    folder = tmp_path / "docs"
    write(folder / "a.txt", story(8, "harbour"))
    settings = settings_factory()
    ingest([folder], settings)
    write(tmp_path / "later" / "b.txt", story(9, "railway"))
    [b] = [r for r in load_paths([tmp_path / "later"])]
    sentences, chunks = split_article(b, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)

    reader, writer = Manifest(manifest_path(settings)), Manifest(manifest_path(settings))
    try:
        gen = reader.generation()
        real_texts = reader.article_texts

        def texts_then_commit(ids):
            texts = real_texts(ids)
            writer.commit_article(b, sentences, chunks)  # another process commits right now
            return texts

        reader.article_texts = texts_then_commit
        bm25_path(settings).unlink()
        index = refresh_bm25(settings, reader)
        assert index.generation == gen and index.ids and all(i.startswith("a::") for i in index.ids)
        reader.article_texts = real_texts
        index = refresh_bm25(settings, reader)  # stale now: rebuilt with the new article
        assert index.generation == gen + 1 and {i.split("::")[0] for i in index.ids} == {"a", "b"}
    finally:
        reader.close()
        writer.close()
