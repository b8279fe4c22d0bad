"""Someone else's words about the speaker asked for: "what did the government say about the Sadrist movement" is not
answered by "He said anyone who continues carrying weapons or targeting the government will not be part of the
Sadrist movement" (He being Sadr's spokesman). The government is named only in what another reports."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, wordkinds
from bot.answer.promote import SPEAKER_WINDOW
from bot.answer.speaker import names_speaker
from bot.library import Library
from index.terms import terms

if TYPE_CHECKING:  # scoring.py defines Candidate
    from bot.answer.scoring import Candidate

# The question verbs asking for someone's words outright ("what did X say / tell / announce"); not "promise",
# "guarantee", "greet", whose object is the act asked about
_SAYING = frozenset({"say", "tell", "state", "announce", "comment", "declare", "claim"})
# A sentence opening with a quote names its speaker after it: '"We have received no orders ...," said Abu Faris'
_QUOTE_FIRST = re.compile(r"\W*[\"\u201c\u2018']")


def asks_words(verb: str | None) -> bool:
    """Does the question's verb ask for what someone said ("say", "told")?"""
    return bool(verb) and any(b in _SAYING for b in (lexicon.base_forms(verb, "v") or (verb,)))


_SAID = frozenset("said says told tells added adds".split())


def in_words_only(lib: Library, speaker: frozenset[str], c: Candidate) -> bool:
    """Is the speaker named in the candidate only after its first verb of speech (inside what is said: "He said ...
    the government ...", "... lawmakers ... said they felt the government is ..."), its subject someone else (a pronoun
    going back to another: names_speaker as_subject)?"""
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    if _QUOTE_FIRST.match(sentence):
        return False
    spoke = next((m for m in re.finditer(r"[A-Za-z][\w'\-]*", sentence)
                  if m.group()[:1].islower() and wordkinds.is_speech_verb(m.group())), None)
    if spoke is None:
        return False
    before, after = set(terms(sentence[:spoke.start()])), set(terms(sentence[spoke.end():]))
    # (nor when they speak later on, named right before a verb of speech of their own: "Shops ... were reported to be
    # closed ..., with some residents saying they were too afraid ...")
    tokens = re.findall(r"[A-Za-z][\w'\-]*", sentence)
    # (a participle or a past tense: "will" is no one speaking)
    speaks_later = any(w[:1].islower() and (w.endswith("ing") or w in _SAID) and wordkinds.is_speech_verb(w)
                       and speaker & set(terms(" ".join(tokens[max(i - 2, 0):i]))) for i, w in enumerate(tokens))
    return (bool(speaker & after) and not speaker & before and not speaks_later
            and not names_speaker(lib, speaker, c.article_id, c.start, as_subject=True))


def others_words_last(lib: Library, speaker: frozenset[str], names: frozenset[str], verb: str | None,
                      about: frozenset[str], cands: list[Candidate]) -> list[Candidate]:
    """For "what did the government say ...", the speaker no name (a name's words are checked in overrides.py): the
    first candidates naming X only in someone else's words go after the others read, if one of those holds some of
    what else the question names (`about`) itself (not only with the sentence before it, which may be the one put
    last: "The mayor toured the site ..." after "She said anyone who blocks the council will answer for the delay")."""
    if not speaker or speaker & names or not asks_words(verb):
        return cands
    head = cands[:SPEAKER_WINDOW]
    last = [c for c in head if in_words_only(lib, speaker, c)]
    if not last or not any(not about or about & set(terms(lib.articles[c.article_id].text[c.start:c.end]))
                           for c in head if c not in last):
        return cands
    return [c for c in head if c not in last] + last + cands[SPEAKER_WINDOW:]
