"""Names the archive never mentions: "what did Sadr's spokesman say about the fighting in Mosul" when no
article mentions Mosul is not answered by a sentence about the fighting elsewhere.

A question naming a place, person or event that appears nowhere in the indexed articles cannot be
answered from them, however close the rest of the question comes. This is evidence of absence from the
whole archive, not from one passage (a word one passage lacks is weak evidence: answers paraphrase). A
name is a word the question capitalises (not at its start) or one WordNet knows only as a particular
("Mosul", "Portugal"); it counts as mentioned when an indexed word starts with its first five letters
("Ukrainian" / "Ukraine") or, five letters or more, is one edit away ("Bagdad" / "Baghdad"): spelling
variants, derived forms and typos never trigger it.
"""

from __future__ import annotations

import re

from bot.answer import rewordings, wordkinds
from bot.answer.question import Question
from bot.library import Library
from index.bm25 import BM25Index
from index.terms import edit_distance, stopwords, terms

PREFIX = 5  # letters a corpus word must share with the name for the name to count as mentioned
MIN_TYPO = 5  # letters a name needs before one edit away from an indexed term counts as a typo of it


def _mentioned(bm25: BM25Index, term: str, spellings: frozenset[str] = frozenset()) -> bool:
    """Does the index hold the term, a word starting with its first PREFIX letters ("ukrainian" /
    "ukrain"), or a word one edit away from it (a misspelt name: "bagdad" / "baghdad")? A name WordNet
    knows (its `spellings`) is no typo of its neighbour ("iran" is not "iraq"), but it may be spelt
    another way ("bagdad" / "baghdad")."""
    if bm25.doc_freq(term) > 0:
        return True
    if bm25.has_prefix(term[:PREFIX]):
        return True
    if spellings:
        return any(bm25.doc_freq(t) > 0 for w in spellings for t in terms(w))
    # Misspellings keep their first two letters (as bot/corrections.py assumes): only that slice of the
    # sorted vocabulary is compared. A name of four letters or fewer one edit from an indexed term is
    # another name, not a typo ("bush" / "busi", the stem of "businesses"; "rice" / "rich").
    if len(term) < MIN_TYPO:
        return False
    return any(abs(len(v) - len(term)) <= 1 and edit_distance(v, term) <= 1
               for v in bm25.terms_between(term[:2], term[:2] + "\uffff"))


def unknown_names(lib: Library, q: Question) -> list[str]:
    """The question's names that no indexed article mentions, as the question writes them."""
    sw = stopwords()
    out = []
    for t, word in q.term_words.items():
        if word in sw or not word.isalpha() or t not in q.terms:
            continue
        proper = wordkinds.is_proper_noun(word)
        if word not in q.names and not proper:
            continue
        # a place counts as mentioned by its people's adjective too ("Britain" / "British troops")
        known = rewordings.spellings(word) | frozenset(rewordings.demonyms(word)) if proper else frozenset()
        if not _mentioned(lib.bm25, t, known):
            m = re.search(rf"\b{re.escape(word)}\b", q.text, re.I)  # as the question writes it
            out.append(m.group() if m else word)
    return out
