""""Where is Normandy?": the sentence placing the place asked about ("... gave their name to Normandy, a region
in France"), wherever in the archive it is. Such a sentence is about something else (the Normans) and is rarely
among the passages a short question retrieves, where "Normandy" is only mentioned; so the chunks holding the
name are read for a sentence of that shape.
"""

from __future__ import annotations

import re

import numpy as np

from bot.library import Library
from bot.types import Passage
from index.terms import terms

# "where is Normandy", "where's najaf located", "where exactly is the green zone"
_WHERE_IS = re.compile(r"^\W*where(?:'s|\s+(?:exactly\s+)?(?:is|are|was|were))\s+(?P<place>.+?)"
                       r"(?:\s+(?:located|situated|found))?[\s?.!]*$", re.I)
# What follows a place's name when a sentence places it: ", a region in France", " is a city on the Tigris",
# " lies in northern Iraq" (a capitalised name after the preposition)
_PLACING = (r"(?:,\s+(?:a|an|the)\s+(?:[\w'\-]+\s+){0,4}?|\s+(?:is|was|lies|lay|sits|stands)\s+"
            r"(?:(?:a|an|the|located|situated)\s+)?(?:[\w'\-]+\s+){0,4}?)(?:in|on|near|off|of)\s+(?:the\s+)?[A-Z]")
LOOKUP = 50  # how many of the chunks holding the place's name are read, best BM25 match first


def asked_place(question: str) -> str | None:
    """The place a "where is X" question asks about, without its article ("the Green Zone" -> "Green Zone")."""
    m = _WHERE_IS.match(question)
    if not m:
        return None
    place = re.sub(r"(?i)^the\s+", "", m.group("place").strip())
    return place if terms(place) and len(place.split()) <= 4 else None


def places(sentence: str, place: str) -> bool:
    """Does the sentence place `place` ("Normandy, a region in France")?"""
    return re.search(rf"(?i:\b{re.escape(place)}\b)" + _PLACING, sentence) is not None


def placing_sentences(lib: Library, question: str, passages: list[Passage]) -> tuple[list[Passage], tuple]:
    """For "where is X": the passages, with the chunks of the archive that place X added after them, and
    (SentenceRow, passage rank) of the sentences that do; the passages alone and () for another question."""
    place = asked_place(question)
    if not place:
        return passages, ()
    return sentences_of_shape(lib, place, passages, lambda sentence: places(sentence, place))


def sentences_of_shape(lib: Library, name: str, passages: list[Passage], shaped) -> tuple[list[Passage], tuple]:
    """The passages, with the chunks of the archive holding `name` (the LOOKUP best by BM25) that hold a sentence
    `shaped(sentence)` accepts added after them, and (SentenceRow, passage rank) of those sentences."""
    scores = lib.bm25.scores(name)
    ids = lib.bm25.ids
    out, rows = list(passages), []
    ranks = {p.chunk_id: r for r, p in enumerate(passages)}
    best = np.argsort(-scores, kind="stable")[:LOOKUP]  # equal scores in index order: the same every run
    for j in best[scores[best] > 0]:
        if ids[j] not in lib.chunks:
            continue
        row = lib.chunks[ids[j]]
        text = lib.articles[row.article_id].text
        found = [s for s in lib.sentences[row.article_id][row.first_sentence:row.last_sentence + 1]
                 if shaped(text[s.start:s.end])]
        if not found:
            continue
        if ids[j] not in ranks:  # a chunk the question did not retrieve: read after the retrieved ones
            ranks[ids[j]] = len(out)
            out.append(Passage(ids[j], row.article_id, row.start, row.end, text[row.start:row.end], 0.0))
        rows += [(s, ranks[ids[j]]) for s in found]
    return out, tuple(rows)
