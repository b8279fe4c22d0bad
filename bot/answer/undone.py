"""An act the sentence says was not done: "who took part in the offensive?" against "British troops ... were not taking
part in the operation ..." names those who did not. For a who-question not negated itself, a sentence whose every
telling of the question's act is negated answers the opposite, at best close (bot/answer/overrides.py)."""

from __future__ import annotations

from bot.answer import lexicon
from bot.answer.guards import NEGATIONS
from index.terms import words

NEGATION_REACH = 3  # words before a verb a negation reaches ("were not taking part", "would not be turning in")


def _negated(ws: list[str], i: int) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in ws[max(0, i - NEGATION_REACH):i])


def denies_act(verb_word: str, question: str, sentence: str) -> bool:
    """Does the sentence tell of the question's act (verb_word, as analyse_question reads it: "take_part",
    "attacked") only as not done, while the question is not negated?"""
    if not verb_word or set(words(question.lower())) & NEGATIONS:
        return False
    parts = verb_word.lower().split("_")
    verb = next(iter(lexicon.base_forms(parts[0], "v")), parts[0])  # "attacked" -> "attack"
    ws = words(sentence.lower())
    # where the sentence tells of the act: the verb in any form, and a phrasal verb's particle after it ("taking part")
    told = [i for i, w in enumerate(ws) if verb in lexicon.base_forms(w, "v") or w == verb
            if ws[i + 1:i + len(parts)] == parts[1:]]
    return bool(told) and all(_negated(ws, i) for i in told)
