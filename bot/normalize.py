"""The question as the corpus spells it: typos corrected and names capitalised, before anything else.

People type "wht did sadr demnad": every later step (follow-up rewriting, names, BM25) needs "What did Sadr
demand". A word the corpus (or common English) does not know is replaced by the most frequent known word
one edit away (a letter added, dropped, changed, or two swapped; two edits for long words); a lower-case
word the articles almost always capitalise ("sadr", "basra") takes their capitals. Known words, numbers and
anything ambiguous stay as typed.
"""

from __future__ import annotations

from functools import lru_cache

from bot.answer import common_words, known_word
from index.terms import edit_distance, stopwords
from index.words import WORD as _TOKEN
from index.words import ScannedWords, WordStats

CAPITALISED = 0.8  # share of a word's mid-sentence uses in the corpus that must be capitalised
# Apostrophes people leave out: "whats a reduction" asks "what's a reduction".
CONTRACTIONS = {"whats": "what's", "whos": "who's", "wheres": "where's", "hows": "how's", "whens": "when's",
                "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't",
                "arent": "aren't", "cant": "can't", "wont": "won't", "thats": "that's"}
MIN_TYPO_LEN = 4  # shorter unknown words are corrected to function words only ("wht" -> "what")


def _capital(corpus: WordStats, low: str) -> str | None:
    """The corpus's capitals for a word it nearly always capitalises mid-sentence; common English words keep
    the user's case (a headline's "What Happened" makes no name of "happened")."""
    if low in stopwords() or low in common_words():
        return None
    mid, caps, form = corpus.capitalised(low)
    return form if mid and caps / mid >= CAPITALISED else None


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=8)
def _delete_index(corpus: ScannedWords) -> dict[str, tuple[str, ...]]:
    """word and each of its one-letter deletions -> the known words they come from (symmetric delete); kept
    for the last few generations' word counts (not their snapshots: a snapshot holds the manifest open)."""
    counts = corpus.total.counts
    index: dict[str, set[str]] = {}
    for w in set(counts) | common_words() | stopwords():
        for k in {w} | _deletes(w):
            index.setdefault(k, set()).add(w)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _correct(word: str, corpus: ScannedWords) -> str | None:
    counts = corpus.total.counts
    index = _delete_index(corpus)
    found = {w for k in {word} | _deletes(word) for w in index.get(k, ())}
    if len(word) < MIN_TYPO_LEN:
        found &= stopwords()
    found = {w for w in found if edit_distance(word, w) == 1 and abs(len(w) - len(word)) <= 1}
    if not found:
        return None
    # Typos keep their first letter ("arest" -> "arrest", not "rest"); then the corpus's own words (most
    # frequent first), then common English, then function words.
    return max(found, key=lambda w: (w[0] == word[0], counts.get(w, 0), w in common_words(), w in stopwords(), w))


def normalize(question: str, lib) -> str:
    """`question` with unknown words corrected and the corpus's names capitalised (lib: a Snapshot, whose words
    are counted once, on the first question: bot/library.py)."""
    corpus = lib.words
    counts = corpus.total.counts
    known = common_words() | stopwords()

    def fix(m) -> str:
        w = m.group()
        low = w.lower()
        if low in CONTRACTIONS:
            return CONTRACTIONS[low] if w.islower() else CONTRACTIONS[low].capitalize()
        if low not in counts and low not in known and not w[0].isupper() and "'" not in w and not known_word(low):
            low = _correct(low, corpus) or low
            w = low
        if w.islower():
            return _capital(corpus, low) or w
        return w

    return _TOKEN.sub(fix, question)
