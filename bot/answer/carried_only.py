"""A sentence holding nothing of a follow-up but the topic carried into it: "who suffered most (in Najaf)?" against
"Shia clerics in Najaf are believed to have played a major role ..." holds Najaf, which the rewrite added for
retrieval (bot/antecedents.carry_topic), and none of what was typed ("suffered", "most"). The carried topic is
context, no evidence: such a sentence is at best close (bot/answer/overrides.py)."""

from __future__ import annotations

from bot.answer.cast import CARRIED
from bot.answer.features import held_terms
from bot.answer.question import Question, with_aliases
from index.terms import terms


def holds_only_carried(q: Question, sentence: str, verb_ok: float) -> bool:
    """Does the sentence hold no term of the question's own words (the carried topic aside), nor a word standing in
    for its main verb (verb_ok, the abstention's feature)?"""
    m = CARRIED.search(q.text)  # the topic a rewrite carried, in parentheses closing the question: "(in Najaf)"
    # (a verb's stand-in holds something typed; with no main verb read, "anyone hurt", verb_ok says nothing)
    if not m or (verb_ok and q.verb_word is not None):
        return False
    own = set(q.weights) - set(terms(m.group(1)))
    return bool(own) and not own & with_aliases(q, held_terms(sentence, q.unseen))
