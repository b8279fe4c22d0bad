"""Length-bucketed batches (index/buckets.py)."""

from __future__ import annotations

import random

import pytest

from index.buckets import length_batches, padded_tokens


def test_every_index_once_and_limits_kept() -> None:
    rng = random.Random(7)
    lengths = [rng.randint(3, 256) for _ in range(500)]
    batches = length_batches(lengths, max_rows=32, max_tokens=4096)
    assert sorted(i for b in batches for i in b) == list(range(500))
    for b in batches:
        assert len(b) <= 32
        assert len(b) == 1 or len(b) * max(lengths[i] for i in b) <= 4096


def test_batches_hold_similar_lengths() -> None:
    lengths = [5] * 64 + [100] * 48 + [250] * 32
    random.Random(3).shuffle(lengths)
    batches = length_batches(lengths, max_rows=16, max_tokens=10**6)
    # Sorted by length: a batch never mixes a short text with a long one unless the run between them is.
    widths = [[lengths[i] for i in b] for b in batches]
    assert all(w == sorted(w) for w in widths)
    assert all(a[-1] <= b[0] for a, b in zip(widths, widths[1:]))
    # Each length fills whole batches here: no padding at all, where batching in input order pads a lot.
    in_order = [list(range(i, i + 16)) for i in range(0, len(lengths), 16)]
    assert padded_tokens(lengths, batches) == sum(lengths)
    assert padded_tokens(lengths, in_order) > 1.5 * sum(lengths)


def test_a_text_over_the_token_budget_runs_alone() -> None:
    assert length_batches([300, 10, 10], max_rows=8, max_tokens=256) == [[1, 2], [0]]
    assert length_batches([], max_rows=8, max_tokens=256) == []
    with pytest.raises(ValueError):
        length_batches([1], max_rows=0, max_tokens=10)


def test_equal_lengths_keep_input_order() -> None:
    assert length_batches([4, 4, 4, 4, 4], max_rows=2, max_tokens=100) == [[0, 1], [2, 3], [4]]
