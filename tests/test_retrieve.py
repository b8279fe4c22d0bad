"""bot/retrieve.py's pieces: the BM25 top positions (numpy partition, not a sort of every score), the article
filter as a set of allowed articles. Retrieval end to end is in test_ask.py and test_search.py."""

from __future__ import annotations

import numpy as np
import pytest

from bot.retrieve import Filters, allowed_articles, retrieve, top_positions
from conftest import home_of


@pytest.mark.parametrize("seed", range(6))
def test_top_positions_are_a_full_sort_cut_to_depth(seed) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 5000))
    scores = np.zeros(n, dtype=np.float32)
    hit = rng.choice(n, int(rng.integers(0, n + 1)), replace=False)
    scores[hit] = rng.integers(1, 12, len(hit)).astype(np.float32) / 7  # many equal scores
    for depth in (1, 5, 20, 80):
        want = [j for j in np.argsort(-scores, kind="stable")[:depth] if scores[j] > 0]  # ties by position
        assert top_positions(scores, depth).tolist() == want


def test_allowed_articles_by_id_and_date(sample_home) -> None:
    from bot.library import open_library

    lib = open_library(sample_home).current
    ids = sorted(lib.articles)
    assert allowed_articles(lib, Filters(article_ids=(ids[0], "nope"))) == {ids[0], "nope"}
    assert allowed_articles(lib, Filters(date_from="2000-01-01")) == set()  # the sample articles have no date


def test_equal_scores_come_in_chunk_id_order(tmp_path) -> None:
    """Chunks scoring the same come in the order of their ids, whatever Python's hash seed (it orders sets):
    the same index answers the same question the same way in every process."""
    from bot.library import open_library

    # the stand-in embedding gives every text the same vector; the notes differ only by a title word
    files = {f"n{i}.txt": f"Note {w}\n\nThe ferry ran late on Monday.\n"
             for i, w in enumerate(("alpha", "bravo", "delta", "gamma", "kilo", "lima", "oscar"))}
    settings = home_of(tmp_path, files, embed_model="fake_embedding:make")
    passages = retrieve(open_library(settings).current, "Why was the ferry late?", top_k=7)
    assert len(passages) == 7 and len({p.score for p in passages}) == 1
    assert [p.chunk_id for p in passages] == sorted(p.chunk_id for p in passages)
