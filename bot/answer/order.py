"""The candidates reordered for the kind of question asked: for each kind, the best of the first candidates
that has the shape of its answer goes first ("who runs X": one giving X's leader a title; "where": one saying
where; "why": one giving a reason; "did X work": one telling what followed X; ...). Each rule keeps the order
when no candidate passes it (bot/answer/promote.promote_first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answer.features import Question
from bot.answer.guards import modifier_swap
from bot.answer.promote import (count_of_act_first, doer_first, duration_first, gives_role, instance_first,
                                place_first, promote_first)
from bot.answer.reasons import cause_of_state_first, consequence_first, effect_first, reason_first
from bot.answer.role import led_by
from bot.answer.speaker import says_verb
from bot.answer.spelling import respell
from bot.answer.verbs import asks_whether_any, verb_support
from bot.library import Library
from index.terms import words

if TYPE_CHECKING:
    from bot.answer.extract import Candidate


def by_kind(lib: Library, q: Question, cands: list[Candidate], leader: bool, placed: set[str],
            near: Candidate | None, variants: dict) -> list[Candidate]:
    """`leader`: the question asks who runs something; `placed`: the ids of the sentences placing what a
    where-question asks about; `near`: the typed sentence nearest to the previous answer's act, already first;
    `variants`: the archive's other spellings of the question's names."""
    if leader:  # "Who runs X?": the person the articles give X's title to
        # the titled sentences were looked for in the whole article: any of them may go first
        # ... first one saying X is "led by" someone (in the question's spelling of X's name)
        cands = promote_first(cands, [lambda c: led_by(q, respell(lib.articles[c.article_id].text[c.start:c.end], variants)),
                                      lambda c: gives_role(lib, q, c), lambda c: gives_role(lib, q, c, loose=True)],
                              window=len(cands))
    if placed:
        cands = promote_first(cands, [lambda c: c.sentence_id in placed], window=len(cands))
    cands = count_of_act_first(lib, q, cands)
    cands = duration_first(lib, q, cands)  # "how long ...": one saying since when or for how long
    if not placed and not near:  # ("where is X": the sentence placing X, above; "where did they do that": the
        # place nearest to the act the previous answer told of, above)
        cands = place_first(lib, q, cands)  # "where ...": one saying where
    if not leader:  # "who governs Iraq" is the titles' question (above)
        cands = doer_first(lib, q, cands)  # "who pressured Sadr": one holding the act
    cands = instance_first(lib, q, cands)  # "which treaty ...": one naming a treaty
    cands = reason_first(lib, q, cands)  # "why ...": one giving a reason
    cands = consequence_first(lib, q, cands)  # "what happens to those who ...": one saying what follows
    cands = effect_first(lib, q, cands)  # "did Sadr's order work": one telling what followed it
    cands = cause_of_state_first(lib, q, cands)  # "what made residents angry": one saying what angered them
    # "Who was hurt?": the verb is all the question says; a sentence holding it or a synonym ("wounded") first
    if q.verb and q.verb_word and set(q.weights) <= {q.verb}:
        def says_it(c): return says_verb(q.verb_word, lib.articles[c.article_id].text[c.start:c.end])  # noqa: E704
        tests = [says_it]
        if asks_whether_any(q.text):
            # ... or, for "did anyone die?", of those holding a word WordNet lets stand in for it, the nearest in
            # meaning ("12 people have been killed", not "... to stop Iraqi bloodshed": "end" is to die too)
            standing = [c for c in cands if verb_support(q, words(lib.articles[c.article_id].text[c.start:c.end]))]
            nearest = max(standing, key=lambda c: c.features.get("dense", 0.0), default=None)
            tests.append(lambda c: c is nearest)
        cands = promote_first(cands, tests, window=len(cands))
    # "What will the US troops do?" against "British troops handed control ...": a sentence putting another
    # name before the question's noun goes behind the first one that does not.
    def swapped(c: Candidate) -> bool:
        return modifier_swap(q, lib.articles[c.article_id].text[c.start:c.end])
    if cands and swapped(cands[0]):
        cands = promote_first(cands, [lambda c: not swapped(c)])
    return cands
