"""bot/retrieve.py's pieces: the BM25 top positions (numpy partition, not a sort of every score), the article
filter as a set of allowed articles. Retrieval end to end is in test_ask.py and test_search.py."""

from __future__ import annotations

import numpy as np
import pytest

from bot.retrieve import Filters, allowed_articles, top_positions


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
