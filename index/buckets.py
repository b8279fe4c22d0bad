"""Length-bucketed batches: texts of similar token length run together, so little compute goes to padding.

A batch is as wide as its longest text; every shorter row is padded to that width and the model computes the
padding too (then masks it out). Sorting the texts by token length and cutting the sorted run into batches
keeps each batch's rows within a few tokens of each other, whatever order the texts came in.
"""

from __future__ import annotations

from typing import Sequence


def length_batches(lengths: Sequence[int], max_rows: int, max_tokens: int) -> list[list[int]]:
    """Indices into `lengths`, grouped into batches of similar length (shortest first).

    A batch holds at most `max_rows` texts and at most `max_tokens` tokens padding included (rows x the
    width of its longest); a text longer than `max_tokens` runs alone. Every index appears exactly once."""
    if max_rows < 1 or max_tokens < 1:
        raise ValueError(f"max_rows and max_tokens must be >= 1, got {max_rows} and {max_tokens}")
    # Stable sort: texts of equal length keep their input order (deterministic batches).
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    batch: list[int] = []
    for i in order:
        # Sorted ascending, so text i is the widest of the batch if it joins: the padded size is rows x its length.
        if batch and (len(batch) >= max_rows or (len(batch) + 1) * lengths[i] > max_tokens):
            batches.append(batch)
            batch = []
        batch.append(i)
    if batch:
        batches.append(batch)
    return batches


def padded_tokens(lengths: Sequence[int], batches: list[list[int]]) -> int:
    """Tokens the model computes for these batches, padding included (each batch: rows x its widest)."""
    return sum(len(b) * max(lengths[i] for i in b) for b in batches)
