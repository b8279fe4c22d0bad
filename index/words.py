"""The archive's words as a question reader needs them (bot/normalize.py): how often each lower-cased word
occurs, how often mid-sentence, and in which capitalised forms there ("sadr" -> "Sadr").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Protocol

WORD = re.compile(r"[A-Za-z][A-Za-z']*")
OPENERS = ".!?\"'\u201c("  # a word after one of these (and white space) starts a sentence, or a quote


@dataclass(frozen=True)
class TextWords:
    """The words of one text: lower-cased word -> uses, mid-sentence uses, and its capitalised mid-sentence
    forms with their uses (in the order first seen)."""

    counts: Counter
    mid: Counter
    forms: dict[str, Counter]


def text_words(text: str) -> TextWords:
    return count_words(text, TextWords(Counter(), Counter(), {}))


def count_words(text: str, into: TextWords) -> TextWords:
    """Add the words of ``text`` to ``into`` (a whole archive is counted into one TextWords, in one loop)."""
    counts, mid, forms = into.counts, into.mid, into.forms
    for m in WORD.finditer(text):
        w = m.group()
        low = w.lower()
        counts[low] += 1
        at = m.start()
        before = text[max(0, at - 3):at].strip()
        if before and before[-1] not in OPENERS:  # not the first word of a sentence
            mid[low] += 1
            if w[0].isupper():
                # Counters keep their keys in the order first seen: most_common's tie-break (ScannedWords).
                forms.setdefault(low, Counter())[w] += 1
    return into


class WordStats(Protocol):
    """What a reader asks of the archive's words (both kinds below answer alike)."""

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        """word -> uses in the archive, for those of ``words`` it holds (lower-cased words)."""

    def capitalised(self, word: str) -> tuple[int, int, str | None]:
        """(mid-sentence uses, capitalised ones, the most used capitalised form: on a tie the first one in
        the archive's order, article ids ascending, then text order)."""


# -- read: scanning every article (an index without the tables) ------------------------------------------------

class ScannedWords:
    """The statistics counted from every article's text, in id order, once."""

    def __init__(self, texts: Iterable[str]):
        self.total = TextWords(Counter(), Counter(), {})
        for text in texts:
            count_words(text, self.total)

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        return {w: self.total.counts[w] for w in words if w in self.total.counts}

    def capitalised(self, word: str) -> tuple[int, int, str | None]:
        forms = self.total.forms.get(word)
        if not forms:
            return self.total.mid[word], 0, None
        return self.total.mid[word], sum(forms.values()), forms.most_common(1)[0][0]
