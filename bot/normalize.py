"""The question as the corpus spells it: typos corrected and names capitalised, before anything else.

People type "wht did sadr demnad": every later step (follow-up rewriting, names, BM25) needs "What did Sadr
demand". A word the corpus (or common English) does not know is replaced by the most frequent known word
one edit away (a letter added, dropped, changed, or two swapped; two edits for long words); a lower-case
word the articles almost always capitalise ("sadr", "basra") takes their capitals. Known words, numbers and
anything ambiguous stay as typed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from bot.answer import common_words, known_word
from bot.library import Library
from index.terms import edit_distance, stopwords

_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")
CAPITALISED = 0.8  # share of a word's mid-sentence uses in the corpus that must be capitalised
# Apostrophes people leave out: "whats a reduction" asks "what's a reduction".
CONTRACTIONS = {"whats": "what's", "whos": "who's", "wheres": "where's", "hows": "how's", "whens": "when's",
                "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't",
                "arent": "aren't", "cant": "can't", "wont": "won't", "thats": "that's"}
MIN_TYPO_LEN = 4  # shorter unknown words are corrected to function words only ("wht" -> "what")


@lru_cache(maxsize=8)
def _corpus_words(lib: Library, generation: int) -> tuple[Counter, dict[str, str]]:
    """Counts of the corpus's lower-cased words, and for words mostly capitalised mid-sentence, their form."""
    counts: Counter = Counter()
    caps: Counter = Counter()
    mid: Counter = Counter()
    forms: dict[str, Counter] = {}
    for art in lib.articles.values():
        for m in _TOKEN.finditer(art.text):
            w = m.group()
            low = w.lower()
            counts[low] += 1
            before = art.text[max(0, m.start() - 3):m.start()].strip()
            if before and before[-1] not in ".!?\"'\u201c(":  # not the first word of a sentence
                mid[low] += 1
                if w[0].isupper():
                    caps[low] += 1
                    forms.setdefault(low, Counter())[w] += 1
    # Common English words keep the user's case: a headline's "What Happened" makes no name of "happened".
    capital = {w: forms[w].most_common(1)[0][0] for w in forms
               if mid[w] and caps[w] / mid[w] >= CAPITALISED and w not in stopwords() and w not in common_words()}
    return counts, capital


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=8)
def _delete_index(lib: Library, generation: int) -> dict[str, tuple[str, ...]]:
    """word and each of its one-letter deletions -> the known words they come from (symmetric delete)."""
    counts, _ = _corpus_words(lib, generation)
    index: dict[str, set[str]] = {}
    for w in set(counts) | common_words() | stopwords():
        for k in {w} | _deletes(w):
            index.setdefault(k, set()).add(w)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _correct(word: str, lib: Library) -> str | None:
    counts, _ = _corpus_words(lib, lib.generation)
    index = _delete_index(lib, lib.generation)
    found = {w for k in {word} | _deletes(word) for w in index.get(k, ())}
    if len(word) < MIN_TYPO_LEN:
        found &= stopwords()
    found = {w for w in found if edit_distance(word, w) == 1 and abs(len(w) - len(word)) <= 1}
    if not found:
        return None
    # Typos keep their first letter ("arest" -> "arrest", not "rest"); then the corpus's own words (most
    # frequent first), then common English, then function words.
    return max(found, key=lambda w: (w[0] == word[0], counts.get(w, 0), w in common_words(), w in stopwords(), w))


def normalize(question: str, lib: Library) -> str:
    """`question` with unknown words corrected and the corpus's names capitalised."""
    counts, capital = _corpus_words(lib, lib.generation)
    known = common_words() | stopwords()

    def fix(m: re.Match) -> str:
        w = m.group()
        low = w.lower()
        if low in CONTRACTIONS:
            return CONTRACTIONS[low] if w.islower() else CONTRACTIONS[low].capitalize()
        if low not in counts and low not in known and not w[0].isupper() and "'" not in w and not known_word(low):
            low = _correct(low, lib) or low
            w = low
        if w.islower() and low in capital:
            return capital[low]
        return w

    return _TOKEN.sub(fix, question)
