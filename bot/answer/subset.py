"""Which ones of a group: "which of Sadr's fighters have to get out of Najaf" asks for the part of the group that
does the act, and is answered by the sentence holding the group's noun and the act ("... withdraw from the city all
Mahdi army fighters who are non-Najaf residents"), not by one about the deal that only scores higher ("The truce
struck between al-Sadr and occupation forces was greeted with cautious relief").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, wordkinds
from bot.answer.promote import promote_first
from bot.answer.question import Question
from bot.answer.verbs import verb_stated
from bot.library import Library
from index.terms import terms, words

if TYPE_CHECKING:
    from bot.answer.scoring import Candidate

# "which of the fighters", "which of Sadr's fighters", "which ones of their demands": the group's noun (the last
# word before an auxiliary: "which of the militia fighters have to ..." asks of fighters, not of a militia)
_WHICH_OF = re.compile(r"^\W*which\s+(?:ones?\s+)?of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|these\s+|those\s+|"
                       r"[\w\-]+['\u2019]s?\s+)?(?P<noun>[a-z][a-z\-]+)\b"
                       r"(?:(?:\s+[a-z][a-z\-]*){0,3}?\s+(?P<head>[a-z][a-z\-]+)(?=\s+(?:did|does|do|was|were|is|are|has|"
                       r"have|had|will|would|can|could|should|may|might|must)\b))?", re.I)
SUBSET_WINDOW = 8  # how far down the scored candidates the sentence holding the group and the act is looked for


def group_asked(question: str) -> str | None:
    """The term of the group a "which of the Xs ..." question asks a part of ("fighters" -> "fighter"), or None."""
    m = _WHICH_OF.match(question)
    noun = m and (m.group("head") or m.group("noun"))
    if not noun or not lexicon.base_forms(noun.lower(), "n"):
        return None
    t = terms(noun)
    return t[0] if t else None


def holds_group_act(lib: Library, q: Question, c: Candidate) -> bool:
    """For "which of the Xs V ...": does the sentence hold X and state V (or a word WordNet lets state it: "get
    out" / "withdraw")? A verb of speech states no act but speaking ("get out" is also to utter, which "said"
    would state)."""
    group = group_asked(q.text)
    if group is None or not q.verb_word:
        return False
    text = lib.articles[c.article_id].text[c.start:c.end]
    speaking = wordkinds.is_speech_verb(q.verb_word)
    acts = [w for w in words(text) if speaking or not wordkinds.is_speech_verb(w)]
    return group in terms(text) and verb_stated(q, acts) > 0


def subset_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "which of the Xs V ...", the best of the first candidates holding X and stating V goes first."""
    if group_asked(q.text) is None or not q.verb_word:
        return cands
    return promote_first(cands, [lambda c: holds_group_act(lib, q, c)], window=SUBSET_WINDOW)
