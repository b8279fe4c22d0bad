"""A typed word as the articles write it (bot/normalize.py asks for each word of a question): a typo corrected to
the most frequent known word one edit away, a spelling WordNet lists beside theirs, their capitals for a word
they nearly always capitalise, a name they write in two words, the other side of the Atlantic's spelling, an
irregular plural's singular, their name for a people's country; each look-up None when there is none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer import (base_forms, common_words, country_names, is_place_noun, is_proper_noun, synset_forms,
                        wordnet_available)
from index.terms import edit_distance, stopwords, terms
from index.words import WordStats

CAPITALISED = 0.8  # share of a word's mid-sentence uses in the corpus that must be capitalised
MIN_TYPO_LEN = 4  # shorter unknown words are corrected to function words only ("wht" -> "what")


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The words known without the corpus: common English and function words."""
    return common_words() | stopwords()


@lru_cache(maxsize=1)
def _alphabet() -> str:
    """Every letter a known word may hold: the corpus's words are ASCII letters and apostrophes (index/words.py),
    the common and function words may hold others ("café")."""
    letters = set("abcdefghijklmnopqrstuvwxyz'")
    for w in _known():
        letters.update(w)
    return "".join(sorted(letters))


def _edits(word: str) -> set[str]:
    """Every string one edit away from word: a letter dropped, two swapped, one changed or one added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _alphabet()}
    out |= {a + c + b for a, b in splits for c in _alphabet()}
    return out


def _correct(word: str, corpus: WordStats) -> str | None:
    # The known words one edit away: every such string looked up (in the corpus's words, one query, and in
    # the common and function words), not a scan of the vocabulary.
    near = _edits(word)
    found = (near & _known()) | set(corpus.counts(near))
    swapped: set[str] = set()
    if len(word) < MIN_TYPO_LEN:
        # (else two letters swapped, the word the articles use most: "sya" is "say", "sak" "ask", not "ska")
        swapped = {w for w in found if sorted(w) == sorted(word)}
        found &= stopwords()
    found = {w for w in found if edit_distance(word, w) == 1 and abs(len(w) - len(word)) <= 1}
    if not found and swapped:
        counts = corpus.counts(swapped)
        return max(swapped, key=lambda w: (counts.get(w, 0), w in common_words(), w))
    if not found:
        return None
    counts = corpus.counts(found)
    # Typos keep their first letter ("arest" -> "arrest", not "rest"); a word typed whole but its last letter is
    # that word ("agre" -> "agree", not the more frequent "are"); then the corpus's own words (most frequent first),
    # then common English, then function words.
    return max(found, key=lambda w: (w[0] == word[0], len(word) >= MIN_TYPO_LEN and w.startswith(word),
                                     counts.get(w, 0), w in common_words(), w in stopwords(), w))


def _variant(word: str, corpus: WordStats) -> str | None:
    """The articles' word one edit from `word` that WordNet puts in a synset with it ("negociated" ->
    "negotiated", "bagdad" -> "baghdad"), the most frequent; None when there is none."""
    if len(word) < MIN_TYPO_LEN or not wordnet_available():
        return None
    # the synset's other lemmas in the word's ending, one edit from it (WordNet's few, not every string one edit
    # away looked up in the corpus)
    near = {w for w in synset_forms(word) if edit_distance(word, w) == 1 and w[-2:] == word[-2:]}
    # (another spelling, not another form of one word: "contain" is no variant of "contains"; nor another ending:
    # "slacken" is not "slacked")
    lemmas = {b for p in "nva" for b in base_forms(word, p)}
    counts = corpus.counts({w for w in near if not lemmas & {b for p in "nva" for b in base_forms(w, p)}})
    found = [w for w, n in counts.items() if n]
    return max(found, key=lambda w: (counts[w], w)) if found else None


def _written_capitalised(corpus: WordStats, low: str) -> str | None:
    """The form the articles write the word in when they nearly always capitalise it mid-sentence, else None."""
    mid, caps, form = corpus.capitalised(low)
    return form if mid and caps / mid >= CAPITALISED else None


def _capital(corpus: WordStats, low: str, countable: bool = False, alone: bool = False) -> str | None:
    """The corpus's capitals for a word it nearly always capitalises mid-sentence; common English words keep
    the user's case (a headline's "What Happened" makes no name of "happened"). A word of the vocabulary that
    is no English word but a name ("brennan": no WordNet lemma) is a name,
    unless `countable` (after "a" / "an": "what is a dan" asks about a thing); so is one WordNet knows only as a
    particular ("normandy", "scotland") standing `alone`, no noun after it (the "turing award" is no Turing)."""
    # (a place WordNet knows only as a particular takes them before a noun too: "the baghdad curfew"; a person's
    # name does not: "the turing award" is no Turing; nor the pronoun "us", the country only after "the": _the_us)
    if low in stopwords() or (low in common_words() and (countable or not (
            _no_english_word(low) or (is_proper_noun(low) and (alone or (is_place_noun(low) and low != "us")))))):
        return None
    return _written_capitalised(corpus, low)


def _singular(low: str, corpus: WordStats) -> str | None:
    """The singular the articles use of an irregular plural they do not ("spokesmen" -> "spokesman"), or None."""
    # (a plural the index's stems join to its singular already is left: "cities" / "city" are both "citi")
    held = [b for b in base_forms(low, "n") if b != low and terms(b) != terms(low)]
    counts = corpus.counts(set(held)) if held else {}
    return next((b for b in held if counts.get(b)), None)


MIN_NAME_PART = 3  # letters of each part of a name the articles write in two words ("Ayat" / "Allah")


def _split_name(low: str, corpus: WordStats) -> str | None:
    """A word the articles write as two capitalised words ("ayatollah" -> "Ayat Allah"), or None: each part a
    word they capitalise mid-sentence (whatever else it is: "Allah" is an English word too), the second as
    typed or one edit from it ("ollah")."""
    if len(low) < 2 * MIN_NAME_PART or not low.isalpha():
        return None
    splits = [(low[:i], low[i:]) for i in range(MIN_NAME_PART, len(low) - MIN_NAME_PART + 1)]
    firsts = corpus.counts({a for a, _ in splits})  # every first part's count, at once
    for a, b in splits:
        first = _written_capitalised(corpus, a) if firsts.get(a) else None
        if not first:
            continue
        # the second as typed, then the articles' words one edit from it (one look-up for all)
        held = corpus.counts({b, *(_edits(b) if len(b) > MIN_NAME_PART else ())})
        seconds = [w for w in [b, *sorted(set(held) - {b})] if held.get(w)]
        second = next((f for w in seconds if (f := _written_capitalised(corpus, w))), None)
        if second:
            return f"{first} {second}"
    return None


# American and British endings of one word: "defense" / "defence", "center" / "centre", "color" / "colour",
# "organize" / "organise", "analyze" / "analyse", "catalog" / "catalogue", "traveled" / "travelled"
_SPELLINGS = (("ense", "ence"), ("ence", "ense"), ("ter", "tre"), ("tre", "ter"), ("ber", "bre"), ("bre", "ber"),
              ("or", "our"), ("our", "or"), ("ize", "ise"), ("ise", "ize"), ("yze", "yse"), ("yse", "yze"),
              ("og", "ogue"), ("ogue", "og"))
_ENDINGS = ("", "s", "d", "ed", "ing", "r", "rs", "ation", "ations")


def _other_spelling(low: str, corpus: WordStats) -> str | None:
    """The articles' spelling of a word they only write the other way ("defense" -> "defence"), or None."""
    if len(low) < 5 or not low.isalpha():
        return None
    found = set()
    for ending in _ENDINGS:
        stem = low[:len(low) - len(ending)] if ending else low
        if ending and not low.endswith(ending):
            continue
        for a, b in _SPELLINGS:
            if stem.endswith(a):
                found.add(stem[:-len(a)] + b + ending)
    # "traveled" / "travelled": a doubled l before an ending
    m = re.fullmatch(r"([a-z]+[aeiou])(l|ll)(ed|ing|er|ers)", low)
    if m:
        found.add(m.group(1) + ("ll" if m.group(2) == "l" else "l") + m.group(3))
    counts = corpus.counts(found)
    return max((w for w in found if counts.get(w)), key=lambda w: (counts[w], w), default=None)


def _no_english_word(low: str) -> bool:
    """WordNet knows the word as nothing: a surname ("brennan"). (One it knows as a particular, "turing" or
    "london", stays as typed: measured, the natural set's "did stephen cook win the turing award" was
    answered with a sentence on Cook that names no award.)"""
    # (two letters are a pronoun's or an abbreviation's: "tell us about it" is no question about the US)
    return len(low) > 2 and wordnet_available() and not any(base_forms(low, p) for p in "nva")


def _country(corpus: WordStats, low: str) -> str | None:
    """For a people's word the articles never use ("americans"), the name of their country as the articles
    write it ("US"): people ask about "the americans", news writes "the US"."""
    names = [n for n in country_names(low) if n.isalpha()]  # one-word names: "us", "iraq", not "u.s."
    if not names:
        return None
    forms = set(base_forms(low, "n")) | set(base_forms(low, "a"))
    if any(corpus.counts(forms).values()):
        return None  # "iraqis": the articles say "Iraqi", which the question's terms find
    counts = corpus.counts(set(names))
    found = [n for n in names if counts.get(n)]
    if not found:
        return None
    best = max(found, key=lambda n: (counts[n], n))
    return _written_capitalised(corpus, best) or (best.upper() if len(best) <= 3 else best.capitalize())
