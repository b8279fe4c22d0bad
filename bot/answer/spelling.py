"""Names the archive spells two ways: "Mahdi Army" and "Mehdi Army", "Muqtada" and "Moqtada".

News transliterates Arabic, Persian and Russian names as each agency does, so one archive (even one story)
spells a name with another vowel. A question uses one spelling; a sentence in the other spelling is about
the same name. A question's name and an indexed name of the same length that differ in one vowel, both
capitalised wherever the articles use them, are taken as one: the sentence's spelling is read as the
question's when its features are computed (never in what is quoted), and keyword search looks for both.
One vowel only: "Iran" and "Iraq" differ in a consonant and stay two names.
"""

from __future__ import annotations

import re

from index.bm25 import BM25Index
from index.words import WordStats

VOWELS = frozenset("aeiou")
CAPITALISED = 0.8  # share of an indexed word's mid-sentence uses that must be capitalised: a name
MIN_LENGTH = 4  # shorter names ("Ali", "Abu") have too many neighbours


def _respellings(word: str) -> list[str]:
    """The word with one of its vowels changed to another ("mahdi" -> "mehdi", "mihdi", ...)."""
    return [word[:i] + v + word[i + 1:] for i, c in enumerate(word) if c in VOWELS for v in sorted(VOWELS - {c})]


def _name(corpus: WordStats, word: str) -> bool:
    mid, caps, _ = corpus.capitalised(word)
    return mid > 0 and caps / mid >= CAPITALISED


def name_variants(bm25: BM25Index, corpus: WordStats, question: str) -> dict[str, str]:
    """indexed spelling (lower case) -> the question's spelling, for every capitalised word of the question
    that the archive also spells with one other vowel ("mehdi" -> "Mahdi")."""
    out: dict[str, str] = {}
    for word in re.findall(r"\b[A-Z][a-z]+\b", question):
        low = word.lower()
        if len(low) < MIN_LENGTH or not _name(corpus, low):
            continue
        # each spelling with one vowel changed, looked up (a dozen lookups, whatever the vocabulary's size)
        for v in _respellings(low):
            if bm25.doc_freq(v) and _name(corpus, v):
                out[v] = word
    return out


def respell(text: str, variants: dict[str, str]) -> str:
    """The text with the archive's other spellings of the question's names written as the question writes
    them (same length: offsets into the text stay right)."""
    if not variants:
        return text
    return re.sub(r"\b[A-Za-z]+\b", lambda m: variants.get(m.group().lower(), m.group()), text)
