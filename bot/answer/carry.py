"""Is a topic carried over from the previous turn worth keeping?

A follow-up with no name and no pronoun gets the previous turn's topic ("how did the government react
(Sadr)?"): bot/rewrite.py. That helps when the question needs it ("how many people died (in Basra)?") and
hurts when the question is a new one of its own ("is the curfew still on (Hazem al-Aaraji)?" quoted the
aide's statement, nothing about a curfew). Both are answered; the topic is dropped only when the question
alone is answered by a sentence that holds more of the question's own words, or by the same sentence the
topic left uncertain.
"""

from __future__ import annotations

from bot.answer.extract import Extraction
from bot.answer.features import analyse_question, coverage, held_terms
from bot.library import Library


def keeps_topic(lib: Library, own: str, with_topic: Extraction, alone: Extraction) -> bool:
    """False when `alone` (the question `own` answered without the carried-over topic) answers it better."""
    if alone.status != "answered" or not alone.chosen:
        return True
    if not with_topic.chosen:
        return False
    q = analyse_question(own, lib.bm25.idf, lambda t: lib.bm25.doc_freq(t) > 0)

    def held(ex: Extraction) -> float:
        # the first sentence is the answer; a second one is only its companion
        c = ex.chosen[0]
        return coverage(q, held_terms(lib.articles[c.article_id].text[c.start:c.end], q.unseen))

    same = alone.chosen[0].sentence_id == with_topic.chosen[0].sentence_id
    return not (held(alone) > held(with_topic) + 1e-9 or (same and with_topic.status != "answered"))
