"""What someone said about something ("what did Hazem al-Aaraji say about weapons"): among the first candidates, a
sentence reporting the speaker's words (named, by title, or as "He said ..." down a run after one naming them) that
holds what they are asked to have spoken of goes before one of their words holding none of it ("... saying he was
ordering an end to the fighting ..." for weapons; "He said anyone who continues carrying weapons ..." says it).
"""

from __future__ import annotations

import re

from bot.answer import wordkinds
from bot.answer.promote import promote_first, sentence_before
from bot.answer.scoring import Candidate
from bot.answer.speaker import names_speaker, reports_speech
from bot.library import Library, sentence_at
from index.terms import stopwords, terms

SAID_WINDOW = 5  # how far down the candidates a sentence of the speaker's on the topic is looked for
# "say about weapons", "said on the deadline": the topic of the words asked for
_ABOUT = re.compile(r"(?i)\b(?:about|on|regarding|concerning|of)\s+(?P<topic>.+?)\s*\??\s*$")


def _topic(question: str, speaker: frozenset[str]) -> frozenset[str]:
    """The terms of what "... say about <topic>" asks the speaker to have spoken of (none for another question)."""
    m = _ABOUT.search(question)
    return frozenset(terms(m.group("topic"))) - speaker if m and speaker else frozenset()


def _holds(lib: Library, topic: frozenset[str], c: Candidate) -> bool:
    return bool(topic & set(terms(lib.articles[c.article_id].text[c.start:c.end])))


def _tells_of(lib: Library, question: str, topic: frozenset[str], c: Candidate) -> bool:
    """Does the candidate, with the sentence before it, hold the topic, or a kind of its nouns ("guns" of
    "weapons")? ("... calling it a step in the right direction" after "... welcomed Sadr's move" does.)"""
    text = f"{sentence_before(lib, sentence_at(lib, c.article_id, c.start))} {lib.articles[c.article_id].text[c.start:c.end]}"
    if topic & set(terms(text)):
        return True
    asked = [w.lower() for w in re.findall(r"[A-Za-z]+", _ABOUT.search(question).group("topic"))]
    return any(wordkinds.kind_of(w.lower(), a) for a in asked for w in re.findall(r"[A-Za-z]+", text)
               if w.lower() not in stopwords() and a not in stopwords())


def says_of_topic(lib: Library, question: str, speaker: frozenset[str], c: Candidate) -> bool:
    """Is the candidate the speaker's words (by name, title or "He said ..." down a run) holding the topic of "...
    say about <topic>"?"""
    topic = _topic(question, speaker)
    return (bool(topic) and _holds(lib, topic, c) and reports_speech(lib, c.article_id, c.start)
            and names_speaker(lib, speaker, c.article_id, c.start))


def said_about_first(lib: Library, question: str, speaker: frozenset[str], cands: list[Candidate]) -> list[Candidate]:
    """cands with the best of the first SAID_WINDOW that says_of_topic first, when the first holds none of the
    topic; unchanged otherwise."""
    topic = _topic(question, speaker)
    if not topic or not cands or _tells_of(lib, question, topic, cands[0]):
        return cands
    return promote_first(cands, [lambda c: says_of_topic(lib, question, speaker, c)], window=SAID_WINDOW)
