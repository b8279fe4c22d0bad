"""Is a topic carried over from the previous turn worth keeping?

A follow-up with no name and no pronoun gets the previous turn's topic ("how did the government react
(Sadr)?"): bot/antecedents.py. That helps when the question needs it ("how many people died (in Basra)?") and
hurts when the question is a new one of its own ("is the curfew still on (Hazem al-Aaraji)?" quoted the
aide's statement, nothing about a curfew). Both are answered; the topic is dropped only when the question
alone is answered, surely, by a sentence that holds more of the question's own words, or that has the
question's actor as its subject where the other has not, or by the same sentence the topic left uncertain;
never when the question points back ("when will it end?": it leans on the turn before) or says nothing but its
act ("was anyone hurt?").
"""

from __future__ import annotations

import re

from bot.answer.extract import Extraction
from bot.answer.features import coverage, held_terms
from bot.answer.question import analyse_question
from bot.answer.actor import actor_terms
from bot.answer.speaker import acts_first
from bot.library import Library
from index.terms import terms


# A word pointing back ("when will it end?", "who's in charge there?"): the question leans on the turn before
_POINTER = re.compile(r"(?i)\b(?:it|its|they|them|their|he|him|his|she|her|there|this|that|these|those)\b")
SURE = 0.5  # how sure the answer to the question alone must be to drop the topic (P(answer), the policy's)


def keeps_topic(lib: Library, own: str, with_topic: Extraction, alone: Extraction, topic: str = "") -> bool:
    """False when `alone` (the question `own` answered without the carried-over topic, `topic`) answers it better."""
    if alone.status != "answered" or not alone.chosen or alone.p_answer < SURE:
        return True
    same = bool(with_topic.chosen) and alone.chosen[0].sentence_id == with_topic.chosen[0].sentence_id
    q = analyse_question(own, lib.bm25.idf, lambda t: lib.bm25.doc_freq(t) > 0)
    # ... a question pointing back keeps it, but for the very sentence the question alone answers, its answer stands
    # ("what did the commander say about that (Sadr)?": his words do not name Sadr, the topic made them uncertain),
    # and so does the answer alone when the one with the topic holds none of the question's own words
    if _POINTER.search(own):
        return not (same and with_topic.status != "answered") and not _topic_only(lib, q, with_topic, alone)
    # "was anyone hurt?", "how many died?": a question saying nothing but its act is about the turn before's topic
    # (after "what happened to the Green Zone", not Basra's "12 people have been killed and 18 wounded"), found or not
    # ... unless the topic only made uncertain the very sentence the question alone answers: "any deaths" after "sadr
    # demands" ("how many were killed (Sadr)?": "... at least 12 people have been killed ..." names no Sadr)
    if q.verb and set(q.weights) <= {q.verb}:
        return not (same and with_topic.status == "uncertain" and _in_article(lib, topic, with_topic))
    if not with_topic.chosen:
        return False
    # "what did the government say (Sadr)?": the question's actor the subject of the answer alone ("The Iraqi
    # government has welcomed Sadr's move"), not of the one with the topic ("... Sadr has ordered ... to press
    # the government ...")
    actor, _ = actor_terms(own)
    if actor and _leads(lib, actor, alone) and not _leads(lib, actor, with_topic):
        return False
    return not (_held(lib, q, alone) > _held(lib, q, with_topic) + 1e-9 or (same and with_topic.status != "answered"))


def _in_article(lib: Library, topic: str, ex: Extraction) -> bool:
    """Does the article of the answer's first sentence hold every word of the topic (the story it is about: Sadr's,
    not the Green Zone's)?"""
    want = set(terms(re.sub(r"(?i)^(?:in|at|near|inside|outside|around)\s+", "", topic)))
    return bool(want) and want <= set(terms(lib.articles[ex.chosen[0].article_id].text))


def _leads(lib: Library, actor: frozenset[str], ex: Extraction) -> bool:
    return acts_first(lib, actor, ex.chosen[0].article_id, ex.chosen[0].start)


def _topic_only(lib: Library, q, with_topic: Extraction, alone: Extraction) -> bool:
    """Does the answer with the topic hold none of the question's own words where the one without holds some
    ("what would come after that (Sadr)?": "Moqtada al-Sadr recently renewed a cease-fire ..." answers the topic,
    "He said after that would come a "third step" ..." the question)?"""
    return bool(with_topic.chosen) and _held(lib, q, with_topic) == 0 and _held(lib, q, alone) > 0


def _held(lib: Library, q, ex: Extraction) -> float:
    """How much of the question's own words the answer's first sentence holds (a second is only its companion)."""
    c = ex.chosen[0]
    return coverage(q, held_terms(lib.articles[c.article_id].text[c.start:c.end], q.unseen))
