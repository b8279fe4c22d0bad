"""The archive's words (index/words.py): the tables the manifest keeps with every change equal the words
counted from scratch, ties go to the form used first, and an index without the tables is counted by its
readers until the next ingest rebuilds them. Real manifests (SQLite) in tmp dirs; articles are recombined
sentences of the sample corpus.
"""

from __future__ import annotations

import hashlib
import random

import pytest

from index.chunk import split_article
from index.manifest import Manifest
from index.manifest_reader import ManifestReader
from index.types import Article
from index.words import META, ScannedWords, StoredWords, text_words
from test_bm25 import corpus_sentences


def make(aid: str, text: str) -> Article:
    return Article(aid, aid, f"/x/{aid}.txt", text, hashlib.sha256(text.encode()).hexdigest())


def commit(m: Manifest, a: Article) -> None:
    m.commit_article(a, *split_article(a))


@pytest.fixture
def manifest(tmp_path):
    m = Manifest(tmp_path / "newsbot.manifest.sqlite")
    m.sync_words()  # a new index: its (empty) tables are those of generation 0
    yield m
    m.close()


def table(m: Manifest) -> tuple[dict, dict]:
    return ({w: (n, mid, caps) for w, n, mid, caps in m.db.execute("SELECT * FROM words")},
            {(w, f): n for w, f, n in m.db.execute("SELECT * FROM word_forms")})


def scratch(m: Manifest) -> tuple[dict, dict]:
    """What the tables must hold: every article's words counted anew."""
    t = ScannedWords(a.text for a in m.articles()).total
    return ({w: (n, t.mid[w], sum(t.forms.get(w, {}).values())) for w, n in t.counts.items()},
            {(w, f): n for w, fs in t.forms.items() for f, n in fs.items()})


def test_words_of_a_text() -> None:
    tw = text_words("Sadr spoke. Then Sadr's men and SADR left; \"Basra\" fell, and basra was calm.")
    assert tw.counts["sadr"] == 2 and tw.counts["sadr's"] == 1
    assert tw.mid["sadr"] == 1 and tw.forms["sadr"] == {"SADR": 1}  # the first word of a sentence is not mid
    # After a quotation mark a word opens (a quote); "basra" in lower case is mid-sentence but no capital.
    assert tw.mid["basra"] == 1 and "basra" not in tw.forms


def test_the_tables_follow_every_change_as_a_count_from_scratch(manifest) -> None:
    rng, pool = random.Random(5), corpus_sentences()
    live: list[str] = []
    for step in range(60):
        if live and rng.random() < 0.3:
            manifest.remove_article(live.pop(rng.randrange(len(live))))
        else:
            aid = rng.choice(live) if live and rng.random() < 0.3 else f"a{step:02d}"  # an update, or a new one
            commit(manifest, make(aid, " ".join(rng.choice(pool) for _ in range(rng.randint(1, 6)))))
            live = sorted(set(live) | {aid})
        assert manifest.get_meta(META) == str(manifest.generation())
    assert table(manifest) == scratch(manifest) and table(manifest)[0]
    for aid in live:
        manifest.remove_article(aid)
    assert table(manifest) == ({}, {})  # no article, no word


def test_tied_forms_go_to_the_first_used_in_id_order(manifest, tmp_path) -> None:
    commit(manifest, make("b", "He met McCain on Monday. He met MacCain too."))
    commit(manifest, make("a", "Aides of Mccain said so. Aides of Mccain left."))
    commit(manifest, make("c", "Then McCain spoke."))
    reader = ManifestReader(manifest.path)
    stored = reader.words()
    assert isinstance(stored, StoredWords)
    scanned = ScannedWords(a.text for a in manifest.articles())
    for w in ("mccain", "maccain", "monday", "aides", "nothing"):
        assert stored.capitalised(w) == scanned.capitalised(w), w
    assert stored.capitalised("mccain") == (4, 4, "Mccain")  # 2 / 2: article "a" comes first
    assert stored.counts(["mccain", "he", "nothing"]) == scanned.counts(["mccain", "he", "nothing"]) == {
        "mccain": 4, "he": 2}
    reader.close()


def test_an_index_without_the_tables_is_counted_and_the_next_ingest_rebuilds_them(manifest) -> None:
    commit(manifest, make("a", "Basra was calm. Officials in Basra said so."))
    manifest.db.execute("DELETE FROM meta WHERE key=?", (META,))  # as an older newsbot left it
    commit(manifest, make("b", "Kut was calm. Officials in Kut said so."))  # not kept: the tables are not current
    assert manifest.get_meta(META) is None
    reader = ManifestReader(manifest.path)
    assert isinstance(reader.words(), ScannedWords)
    assert reader.words().counts(["kut", "basra"]) == {"kut": 2, "basra": 2}
    reader.close()
    assert manifest.sync_words() and not manifest.sync_words()  # rebuilt once, then current
    assert table(manifest) == scratch(manifest)
    reader = ManifestReader(manifest.path)
    assert isinstance(reader.words(), StoredWords) and reader.words().counts(["kut"]) == {"kut": 2}
    reader.close()
