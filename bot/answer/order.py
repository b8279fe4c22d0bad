"""The candidates reordered for the kind of question asked: for each kind, the best of the first candidates
that has the shape of its answer goes first ("who runs X": one giving X's leader a title; "where": one saying
where; "why": one giving a reason; "did X work": one telling what followed X; ...). Each rule keeps the order
when no candidate passes it (bot/answer/promote.promote_first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon, rewordings
from bot.answer.question import Question, with_aliases
from bot.answer.guards import modifier_swap
from bot.answer.act import count_of_act_first, doer_first, duration_first, elsewhere_first, place_first
from bot.answer.promote import gives_role, instance_first, promote_first, sentence_before
from bot.answer.example import example_first
from bot.answer.reaction import reaction_first
from bot.answer.reasons import cause_of_state_first, consequence_first, effect_first, reason_first
from bot.answer.role import led_by
from bot.answer.actor import asks_reaction, says_verb
from bot.answer.spelling import respell
from bot.answer.subset import subset_first
from bot.answer.verbs import asks_whether_any, verb_stated, verb_support
from bot.library import Library, sentence_at
from index.terms import terms, words

if TYPE_CHECKING:
    from bot.answer.scoring import Candidate


def by_kind(lib: Library, q: Question, cands: list[Candidate], leader: bool, placed: set[str],
            near: Candidate | None, variants: dict) -> list[Candidate]:
    """`leader`: the question asks who runs something; `placed`: the ids of the sentences placing what a
    where-question asks about; `near`: the typed sentence nearest to the previous answer's act, already first;
    `variants`: the archive's other spellings of the question's names."""
    cands = subject_first(lib, q, cands)  # "is the truce holding": one naming the truce
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
    cands = elsewhere_first(lib, q, cands)  # "where else ...": one saying elsewhere
    if not leader:  # "who governs Iraq" is the titles' question (above)
        cands = doer_first(lib, q, cands)  # "who pressured Sadr": one holding the act
    cands = instance_first(lib, q, cands)  # "which treaty ...": one naming a treaty
    cands = subset_first(lib, q, cands)  # "which of the fighters must leave": one holding fighters leaving
    cands = reason_first(lib, q, cands)  # "why ...": one giving a reason
    cands = reaction_first(lib, q, cands)  # "what was the reaction to X": one taking a stand on X
    cands = example_first(lib, q, cands)  # "give an example of X": one giving examples of X
    cands = consequence_first(lib, q, cands)  # "what happens to those who ...": one saying what follows
    cands = effect_first(lib, q, cands)  # "did Sadr's order work": one telling what followed it
    cands = cause_of_state_first(lib, q, cands)  # "what made residents angry": one saying what angered them
    # "Who was hurt?": the verb is all the question says; a sentence holding it or a synonym ("wounded") first
    # ... and so, a form of it or a synonym, for whether anyone did it somewhere ("was anybody hurt in Basra": "12
    # people have been killed and 18 wounded")
    if q.verb and q.verb_word and (set(q.weights) <= {q.verb} or asks_whether_any(q.text)):
        def says_it(c): return says_verb(q.verb_word, lib.articles[c.article_id].text[c.start:c.end])  # noqa: E704
        tests = [says_it]
        if asks_whether_any(q.text) and (causing := set(rewordings.causers(q.verb_word))):
            # ... or a verb causing it ("did anyone die in Basra": "12 people have been killed")
            tests.append(lambda c: any(causing & set(lexicon.base_forms(w, "v"))
                                       for w in words(lib.articles[c.article_id].text[c.start:c.end])))
        if asks_whether_any(q.text) and set(q.weights) <= {q.verb}:
            # ... or, for "did anyone die?", of those holding a word WordNet lets stand in for it, the nearest in
            # meaning ("12 people have been killed", not "... to stop Iraqi bloodshed": "end" is to die too)
            standing = [c for c in cands if verb_stated(q, words(lib.articles[c.article_id].text[c.start:c.end]))]
            nearest = max(standing, key=lambda c: c.features.get("dense", 0.0), default=None)
            tests.append(lambda c: c is nearest)
        cands = promote_first(cands, tests, window=len(cands))
    cands = act_held_first(lib, q, cands)  # "what was agreed in the truce": one holding "agreed"
    # "What will the US troops do?" against "British troops handed control ...": a sentence putting another
    # name before the question's noun goes behind the first one that does not.
    def swapped(c: Candidate) -> bool:
        return modifier_swap(q, lib.articles[c.article_id].text[c.start:c.end])
    if cands and swapped(cands[0]):
        cands = promote_first(cands, [lambda c: not swapped(c)])
    return cands


# "is the truce holding?", "are the shops open?": a yes / no question about a thing it names as its subject
# (a common noun, lower case: "are the Sadrists going to ..." asks of people, by name)
_IS_THING = re.compile(r"^\s*(?i:is|are|was|were)\s+(?i:the|this|that|these|those)\s+(?:[a-z][a-z\-]*\s+)?"
                       r"([a-z][a-z\-]*(?<!ing))\s+(?:(?:still|now|really|already)\s+)?[a-z]+")
_IS_NAME = re.compile(r"^\s*(?i:is|was)\s+([A-Z][\w\-]*)\s+(?!(?i:and|or)\b)[a-z]")
# "is there a ceasefire in Basra?": whether the thing is, the noun after "there"
_IS_THERE = re.compile(r"^\s*(?i:is|are|was|were)\s+(?i:there)\s+(?:(?i:still|now|really|already)\s+)?"
                       r"(?:(?i:a|an|any|some|no)\s+)?([a-z][a-z\-]*)\b(?!\s+(?i:of)\b)")
_WHY_STATE = re.compile(r"^\s*(?i:(?:and|so)\s+)?(?i:why)\s+(?i:is|are|was|were)\s+(?:(?i:the)\s+)?([A-Za-z][\w\-]*)\s+"
                        r"(?:(?i:so|still|very|really|now)\s+)?[a-z]+[\s?.!]*$")
_ANYONE = frozenset("people folks everyone everybody anyone anybody they".split())
SUBJECT_WINDOW = 2  # how far down the scored candidates one naming the subject is looked for


def thing_there(q: Question) -> list[str]:
    """The term of the thing "is there a ceasefire in Basra?" asks whether it is ("ceasefir"), else []."""
    there = _IS_THERE.match(q.text)
    # (a noun, or a word WordNet does not know: "ceasefire", which it writes "cease-fire")
    noun = there and there.group(1).lower()
    return terms(noun) if noun and (lexicon.base_forms(noun, "n") or not lexicon.is_verb(noun)) else []


def lacks_thing_there(q: Question, sentence: str) -> bool:
    """Does the sentence not name the thing whose being there the question asks ("is there a ceasefire in Basra"
    against "The unrest in Basra threatened ...", after a sentence about a ceasefire elsewhere)?"""
    head = thing_there(q)
    return bool(head) and head[0] not in with_aliases(q, set(terms(sentence)))


def subject_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "is the truce holding?", the best of the first candidates naming the thing asked about ("The truce
    struck between al-Sadr and occupation forces was greeted with cautious relief ...") goes before one that
    only holds the rest ("... holding out the possibility of its eventual dissolution")."""
    m = _IS_THING.match(q.text)
    head = terms(m.group(1)) if m and lexicon.base_forms(m.group(1), "n") else []
    # ... or a name ("is Sadr in Iraq": "In Iraq, Shi'ite cleric Moqtada al-Sadr has ordered ...", not "The ceasefire
    # is seen as having a significant role in the reduction of violence in Iraq")
    named = _IS_NAME.match(q.text)
    head = head or (terms(named.group(1)) if named else [])
    # ... or the thing whose being there is asked ("is there a ceasefire in Basra": "The ceasefire is seen as ...",
    # not "The unrest in Basra threatened ...", after a sentence naming the ceasefire)
    head = head or thing_there(q)
    # ... or those a why-question asks the state of ("why are Sadrists angry": "But Sadrist lawmakers and officials
    # denounced the offensive ...", not "Angry protesters took to the streets ...", which names no Sadrist)
    state = _WHY_STATE.match(q.text)
    # (not people in general: "why are people afraid" is answered by whoever is, "... some residents saying they were
    # too afraid", not by "12 people have been killed")
    head = head or (terms(state.group(1)) if state and state.group(1).lower() not in _ANYONE and (
        state.group(1)[:1].isupper() or lexicon.base_forms(state.group(1), "n")) else [])
    if not head:
        return cands
    return promote_first(cands, [lambda c: head[0] in terms(lib.articles[c.article_id].text[c.start:c.end])],
                         window=SUBJECT_WINDOW)


_WHAT = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:what|which)\b")
ACT_WINDOW = 3  # how far down the scored candidates one holding the question's verb is looked for
# (nor a light verb, which any sentence may do without saying so: "what is used to define ...", "the name given to")
_NO_ACT = frozenset("do did done does doing call called calls name named names dub dubbed term termed define defined "
                    "defines mean means meant refer referred know known use used uses give given gives gave have has "
                    "had make made makes take took taken get got state stated say said".split())


def act_held_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For "what was agreed in the truce", a first candidate whose sentence (and the one before it) holds neither
    the question's verb nor a word standing in for it ("The truce struck ... was greeted with cautious relief ...")
    gives way to the best of the next ones holding the verb itself ("The cleric agreed to end ...")."""
    # (not "do", nor a verb of naming: "A probabilistic Turing machine is a deterministic Turing machine with ..."
    # answers "what do you call a turing machine that gets random bits" without "call")
    verb = q.verb_word.split("_")[0] if q.verb_word else ""
    # (a what-question's: who / when / where / why / how questions have their own sentences to put first)
    # (nor one asking how someone took something: "what does Sadr think about the crackdown" is answered by his
    # threatening a campaign if it continues, not by "Shia clerics ... are believed to have played a major role")
    # (a phrasal verb is no light verb: "what did the Sadrists call for")
    if (not verb or (verb in _NO_ACT and "_" not in q.verb_word) or asks_reaction(verb) or len(cands) < 2
            or not _WHAT.match(q.text) or not lexicon.available()):
        return cands
    top = cands[0]
    context = sentence_before(lib, sentence_at(lib, top.article_id, top.start)) + lib.articles[top.article_id].text[
        top.start:top.end]
    if "_" in q.verb_word:
        # a phrasal verb is held with its particle ("calling for a nationwide strike"; "calling it a step" is
        # another act)
        if _says_phrasal(q.verb_word, context):
            return cands
        def holds(c: Candidate) -> bool:
            return _says_phrasal(q.verb_word, lib.articles[c.article_id].text[c.start:c.end])
        return promote_first(cands, [holds], window=ACT_WINDOW)
    if verb_support(q, words(context)):
        return cands
    return promote_first(cands, [lambda c: says_verb(verb, lib.articles[c.article_id].text[c.start:c.end])],
                         window=ACT_WINDOW)


PARTICLE_SPAN = 5  # words a phrasal verb's particle may come after it ("handed control of Basra province over")


def _says_phrasal(verb: str, text: str) -> bool:
    """Does the text hold a form of the phrasal verb ("call_for") with its particle next ("calling for") or, a
    particle of one word, a few words on ("handed control of Basra province over")?"""
    head, particle = verb.lower().split("_", 1)
    parts = particle.split("_")
    ws = [w.lower() for w in words(text)]
    return any(head in lexicon.base_forms(w, "v") and (ws[i + 1:i + 1 + len(parts)] == parts or (
        len(parts) == 1 and parts[0] in ws[i + 2:i + 2 + PARTICLE_SPAN])) for i, w in enumerate(ws))
