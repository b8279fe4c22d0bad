"""Which sentences of a summary hold only the lesser part of a narrow topic: "the economy in Najaf" is told by the
economy's sentence, not by every sentence naming Najaf; "the third step" by the one naming the third step, not by
the one telling of the second. broad.py leaves them out of the summary when some sentence holds the rest."""

from __future__ import annotations

import re

from index.terms import terms

# "the economy in Najaf", "smoke above Basra": a thing, then the place it is in
_IN_PLACE = re.compile(r"(?i)^(?P<thing>.+?)\s+(?:in|at|above|near|around|inside|outside|across)\s+(?P<place>.+)$")
# "the third step": which one of several the topic is
_ORDINAL = re.compile(r"(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\b")


def lesser(topic: str, held: list[set[str]], texts: list[str]) -> list[bool]:
    """For each sentence (the topic's terms it holds, its text): does it hold only the lesser part of the topic
    while another sentence holds the rest? (Always False when no sentence does.)"""
    out = [False] * len(held)
    # a place the topic is set in: a sentence holding nothing of the topic but the place says nothing of the thing
    m = _IN_PLACE.match(topic.strip())
    if m:
        place = set(terms(m.group("place")))
        thing = set(terms(m.group("thing"))) - place
        if thing and place and any(h & thing for h in held):
            out = [o or (bool(h) and h <= place) for o, h in zip(out, held)]
    # an ordinal: a sentence not writing it tells of another of the things ("the second step")
    n = _ORDINAL.search(topic)
    if n:
        word = re.compile(rf"(?i)\b{n.group(1)}\b")
        if any(word.search(t) for t in texts):
            out = [o or not word.search(t) for o, t in zip(out, texts)]
    return out
