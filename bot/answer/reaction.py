"""How something was received, by anyone: "what was the reaction to the offensive", "how did people react to the
truce", "how was the truce received", "what are people saying about the truce". The question names no one
reacting (that is actor.asks_reaction's "how did the government react"); the answer is a sentence where someone
takes a stand on the thing asked about ("Sadrist lawmakers and officials denounced the offensive", "The truce ...
was greeted with cautious relief", "The Iraqi government has welcomed Sadr's move" after "After the cleric's
order went out, ...").

The frame's words ("reaction", "received") are no words of the topic: an article that never says "reaction" is
not off the question's topic (bot/answer/question.analyse_question reads the topic alone).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, wordkinds
from bot.library import Library, sentence_at
from index.terms import terms, words

if TYPE_CHECKING:
    from bot.answer.scoring import Candidate
    from bot.answer.question import Question

# "what was the reaction to X", "what's the response to X", "reactions to X", "any reaction to X"
_REACTION_TO = re.compile(r"(?i)^\W*(?:(?:and|so|ok|okay)\W+)?(?:(?:what|how)\s+(?:was|were|is|are|has\s+been|have\s+been)"
                          r"\s+(?:the\s+)?|what['\u2019]?s\s+(?:the\s+)?|any\s+)?(?:reactions?|responses?)\s+(?:to|on)\s+"
                          r"(?P<topic>[^\s(].*?)[\s?.!]*$")
# "how did people react to X", "how has everyone responded to X", "how did people take X", "how did people feel
# about X", "how do people see X" (nobody named reacting; "people in Najaf": where they are is no one named)
_PEOPLE_REACT = re.compile(r"(?i)^\W*how\s+(?:did|do|does|have|has|are|were)\s+(?:people|everyone|everybody|others|"
                           r"folks|the\s+public|the\s+world)"
                           r"(?:\s+(?:in|of|from|at)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Za-z][\w'\-]*)??)?"
                           r"\s+(?:react(?:ed|ing)?|respond(?:ed|ing)?|tak(?:e|en|ing)|"
                           r"took|feel(?:ing)?\s+about|felt\s+about|think(?:ing)?\s+(?:about|of)|thought\s+(?:about|of)|"
                           r"view(?:ed|ing)?|see|saw|seen)\s+(?:to\s+)?(?P<topic>[^\s(].*?)[\s?.!]*$")
# "what do people think of X", "what are people saying about X" (no one named saying it)
_PEOPLE_SAY = re.compile(r"(?i)^\W*what\s+(?:do|did|does|are|were|is)\s+(?:people|everyone|everybody|others|folks|"
                         r"the\s+public)\s+(?P<verb>say(?:ing)?|said|think(?:ing)?|thought|feel(?:ing)?|felt)\s+(?:of|about)\s+"
                         r"(?P<topic>[^\s(].*?)[\s?.!]*$")
# "how are the residents of Najaf feeling", "how do people in Najaf feel": people's mood, no thing named that they
# feel about (the people, or the place, are the topic: a stand taken by or among them answers, "... has angered many
# residents")
_PEOPLE_FEEL = re.compile(r"(?i)^\W*(?:(?:and|so|ok|okay)\W+)?how\s+(?:are|were|do|did|have)\s+(?P<topic>[^\s(].*?)\s+"
                          r"(?:feel(?:ing)?|felt|been\s+feeling)[\s?.!]*$")
# (people in general are no topic of their own: "how do people in Najaf feel" is the mood in Najaf)
_ANYONE_IN = re.compile(r"(?i)^(?:the\s+)?(?:people|everyone|everybody|folks|the\s+public)"
                        r"(?:\s+(?:in|of|from|at)\s+|$)")
# "how was X received", "how has X been greeted"
_RECEIVED = re.compile(r"(?i)^\W*how\s+(?:was|were|is|are|has|have)\s+(?P<topic>[^\s(].*?)\s+(?:been\s+)?(?:received|greeted)"
                       r"[\s?.!]*$")

# Verbs of taking a stand on something (their base forms): the act of a reaction, whoever reacts.
REACTING = frozenset("welcome greet denounce condemn criticize criticise praise hail applaud reject protest oppose deplore "
                     "decry dismiss embrace celebrate endorse accept anger outrage alarm".split())
REACTION_WINDOW = 8  # how far down the scored candidates a reaction to the topic is looked for


def reaction_topic(question: str) -> str | None:
    """The thing a question asks the reception of ("what was the reaction to the offensive" -> "the
    offensive"), or None for any other question."""
    m = (_REACTION_TO.match(question) or _PEOPLE_REACT.match(question) or _PEOPLE_SAY.match(question)
         or _RECEIVED.match(question))
    if m:
        return m.group("topic").strip()
    return mood_topic(question)


def mood_topic(question: str) -> str | None:
    """The people (or place) whose mood a question asks ("how are the residents of Najaf feeling" -> "the
    residents of Najaf", "how do people in Najaf feel" -> "Najaf"), else None ("what's the mood in Najaf" asks what
    life is like there: bot/answer/topic.py). Only a kind of people feels here: "how is Sadr feeling" asks of one
    man, whom a stand taken on him does not answer."""
    m = _PEOPLE_FEEL.match(question)
    if not m:
        return None
    topic = m.group("topic").strip()
    place = _ANYONE_IN.sub("", topic)
    if place != topic:
        return place or None
    head = re.split(r"(?i)\s+(?:in|of|from|at|near)\s+", topic, maxsplit=1)[0].split()[-1]
    # a plural kind of person ("residents", "Iraqis", "the locals"), not a name
    kinds = lexicon.base_forms(head.lower(), "n")
    plural = head.lower() not in kinds
    return topic if plural and any(wordkinds.is_person_noun(k) for k in kinds) else None


def takes_stand(sentence: str, speech: bool = False) -> bool:
    """Does the sentence hold a verb of taking a stand ("denounced", "was greeted", "has welcomed")? speech:
    or of saying ("what are people saying about X": "Iraqi authorities say ...")."""
    def stands(bases: set[str]) -> bool:
        return bool(REACTING & bases) or (speech and any(map(wordkinds.is_speech_verb, bases)))
    return any(stands(set(lexicon.base_forms(w, "v"))) for w in words(sentence) if w.isalpha())


def voices_view(sentence: str) -> bool:
    """Does the sentence take a stand, or hold a verb one of whose senses is saying something ("acknowledged",
    "is threatening", "confirmed"; not "went", nor a passive's "... militia led by ...", someone else's act)?"""
    ws = words(sentence)
    return takes_stand(sentence) or any(wordkinds.may_say(w) and ws[i + 1:i + 2] != ["by"]
                                        for i, w in enumerate(ws) if w.isalpha())


def reacts_to_topic(lib: Library, q: Question, c: Candidate) -> bool:
    """For a reaction question, does the candidate take a stand, naming with the sentence before it every term
    of the topic, one of them itself ("After the cleric's order went out, ..." + "The Iraqi government has
    welcomed Sadr's move" for "the reaction to Sadr's order")?"""
    if not reaction_topic(q.text) or not q.terms:
        return False
    from bot.answer.promote import sentence_before  # (promote reads the question's features, which read this module)

    sentence = lib.articles[c.article_id].text[c.start:c.end]
    said = _PEOPLE_SAY.match(q.text)
    if not takes_stand(sentence, speech=bool(said) and said.group("verb").lower().startswith("sa")):
        return False
    # one of them in the sentence itself; a verb's form is no mention of a noun ("The truce *struck* ..." names
    # no "strike")
    before = sentence_before(lib, sentence_at(lib, c.article_id, c.start))
    here, near = _mentioned(sentence), _mentioned(before + " " + sentence)
    return bool(set(q.terms) & here) and set(q.terms) <= near


def _mentioned(text: str) -> set[str]:
    """The terms of the text's words, but of a verb's inflected form that is no noun ("struck")."""
    return {t for w in words(text) if not (lexicon.base_forms(w, "v") and w not in lexicon.base_forms(w, "v")
                                           and not lexicon.base_forms(w, "n")) for t in terms(w)}


def reaction_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For a reaction question, the best of the first candidates taking a stand on the topic goes first."""
    from bot.answer.promote import promote_first  # (as above)

    if not reaction_topic(q.text):
        return cands
    return promote_first(cands, [lambda c: reacts_to_topic(lib, q, c)], window=REACTION_WINDOW)
