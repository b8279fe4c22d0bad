"""Comparisons: "compare Najaf and Basra", "what's the difference between the Basra and Najaf stories", "how is
Najaf different from Basra". News articles seldom compare two things themselves; what they say of each side,
side by side, lets the reader compare: the summary of each side (bot/answer/broad.summarize), up to SIDE_MAX
sentences a side, each cited. A side the articles do not sum up leaves the question to the usual answerer.
"""

from __future__ import annotations

import re

import numpy as np

from bot.answer.broad import summarize
from bot.library import Library
from bot.types import Passage

_COMPARE = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|please|can\s+you|could\s+you)[\s,]+)*"
    r"(?:compare\s+(?P<a1>.+?)\s+(?:and|with|to|against)\s+(?P<b1>.+?)"
    r"|what(?:'s|\s+is|\s+are|\s+was)\s+the\s+differences?\s+between\s+(?P<a2>.+?)\s+and\s+(?P<b2>.+?)"
    r"|how\s+(?:is|are|was|were)\s+(?P<a3>.+?)\s+different\s+(?:from|than|to)\s+(?P<b3>.+?)"
    r"|how\s+(?:does|do|did)\s+(?P<a4>.+?)\s+differ\s+from\s+(?P<b4>.+?)"
    # "maliki vs sadr", "najaf versus basra": two sides typed as keywords
    r"|(?!(?:what|who|whom|which|when|where|why|how|is|are|was|were|did|does|do)\b)(?P<a5>[^?]+?)\s+(?:versus|vs\.?)"
    r"\s+(?P<b5>.+?))[\s?.!]*$", re.I)
# "the Basra and Najaf stories": the sides, not the stories
_ARTICLE_WORDS = re.compile(r"(?i)^(?:the|this|that)\s+|\s+(?:articles?|stor(?:y|ies)|reports?|pieces?|coverage)$")
SIDE_MAX = 2  # sentences a side
SIDE_WORDS = 5  # words a side may run to: a longer one is a clause, not a thing to sum up


def asks_comparison(question: str) -> tuple[str, str] | None:
    """The two sides a question asks to compare ("compare Najaf and Basra" -> ("Najaf", "Basra")), else None."""
    m = _COMPARE.match(question)
    if not m:
        return None
    a, b = (g for g in m.groups() if g)
    sides = tuple(_ARTICLE_WORDS.sub("", s.strip()).strip() for s in (a, b))
    # (a side of no word of three letters is no thing to sum up: "P versus NP" is one problem's name)
    if not all(sides) or any(len(s.split()) > SIDE_WORDS or not re.search(r"\w{3}", s) for s in sides):
        return None
    return sides[0], sides[1]


def compare(lib: Library, passages: list[Passage], qv: np.ndarray,
            sides: tuple[str, str]) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of up to SIDE_MAX sentences summing up each side, the first side's first;
    empty when either side is not summed up (or both are by the same sentences)."""
    out: list[tuple[str, int, int, float]] = []
    for side in sides:
        said = [s for s in summarize(lib, side, passages, qv) if s[:3] not in {o[:3] for o in out}][:SIDE_MAX]
        if not said:
            return []
        out += said
    return out
