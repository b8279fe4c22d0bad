"""A follow-up's pronoun ("What did *he* say?", "Who agreed to *it*?", "why are *they* angry?") or "there" put
as what it stands for in the previous turn, without an LLM: the thing or act the previous question asked about,
the people it named, the name its answer gave; and, with neither, the previous turn's topic carried over. The
last rules of bot/rewrite.py (`resolve_pronoun`, then bot/put_name.py's `put_name`); what the previous turn offers
is read by bot/antecedents.py and bot/referents.py.
"""

from __future__ import annotations

import re

from bot.answer import asks_who_said, is_group_noun, is_person_noun, is_place_noun, points_at_event, split_subject
from bot.antecedents import (WHO, act_noun, addressee, body_named, object_answered, object_of_same_act,
                             obeying_body, phrase_ended_on, place_for_there, plural_of, possessive, put_place,
                             what_was_said)
from bot.graft import doer_asked
from bot.names import QUOTED, entities, people_word
from bot.put_name import POSSESSIVE, THERE, put_name
from bot.referents import (a_thing, bound_in_question, group_subject, people_asked_of, person_like, plural_noun,
                           thing_asked, undergoing)
from index.terms import terms

_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers|they|them|their|theirs|it|its)\b", re.I)
# "who are the outlaws", "who are the embattled residents"
_WHO_ARE = re.compile(r"(?i)^\s*who\s+(?:are|were)\s+(the\s+(?:[a-z][a-z'\-]*\s+)?[a-z][a-z'\-]*s)\s*\??\s*$")
# "who controls it", "who runs it": a place held, not an event
_HELD_IT = re.compile(r"(?i)\b(?:controls?|controlled|runs?|ran|rules?|ruled|governs?|governed|holds?|held|occup(?:y|ies|ied)|"
                      r"seiz(?:e|es|ed)|captur(?:e|es|ed)|take\s+over|took\s+over)\s+it\b")
# "what happened in Basra", "what's going on at the shrine": the events of a place
_HAPPENED_IN = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+has|\s+was)?\s+(?:happened|happening|going\s+on)\s+(?:in|at|on)\b"
                          # ... "what's the news from Najaf", "what's the latest in Basra": the events there too
                          r"|^\s*what(?:'s|\s+is)\s+(?:the\s+)?(?:news|latest|story|situation)\s+(?:in|at|from|on)\b")
_HAPPENING = re.compile(r"(?i)\bit\s+(?:happen|occur|(?:take|takes|took)\s+place|come\s+about|came\s+about)")
_OWNED_PLURAL = re.compile(r"(?:(?i:the)\s+)?(?:[A-Z][\w\-]*\s+)*[\w\-]+['\u2019]s\s+(?P<things>[a-z]+s)\b")
# "the Mahdi Army prisoners", "the Basra residents": a plural noun a name modifies
_NAMED_PLURAL = re.compile(r"(?:(?i:the)\s+)?(?:[A-Z][\w\-]*\s+)+(?P<things>[a-z]+s)\b")
# "it" standing for nothing before it: "is it true that ...", "was it Sadr who ...", "it is said that ..."
_EXPLETIVE = re.compile(r"(?i)\b(?:is|was|isn't|wasn't)\s+it\b|\bit\s+(?:is|was|'s)?\s*(?:true|possible|likely|clear|"
                        r"known|said|reported|that|time|over)\b")
_BODY_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})
# "are they", "will they be", "they are": a pronoun that is the subject of a form of "be"
_BE = re.compile(r"(?i)\b(?:are|were)\s*$|^\s+(?:are|were|be|been|being|will\s+be|have\s+been)\b")


def resolve_pronoun(q: str, prev_q: str, answer: str, topic: str | None, asked: list[str], names: list[str]) -> str:
    """q (no bare follow-up, no ellipsis) with its pronoun or "there" put as the previous turn's thing, act, body
    of people or place it stands for; `asked`: the previous question's own names, `names`: the names a pronoun
    could stand for (bot/rewrite.py). The rest of the rules: put_name."""
    # "What does the truce say?" + "Who agreed to it?": "it" is the thing the question was about, never a
    # person its answer named ("al-Sadr"); "when will it end?" after "what did the curfew do?" is the curfew
    own = entities(q)
    pm = _PRONOUN.search(q)
    # "who said it?": "it" is what the previous answer quoted, as in "who said that?" (bot/answer/followup.py);
    # so is "it" after "what did the US say": no name to put for it
    if pm and (asks_who_said(q) or (pm.group(1).lower() == "it" and what_was_said(prev_q))):
        pm = None
    # "will the fighters hand over their guns": the question's own subject is whose they are
    if pm and bound_in_question(q, pm):
        pm = None
    # "what does Sadr want from the government" + "did they agree?": the one the answer says was asked ("he asked
    # the government to release ..."), not a plural it names ("prisoners")
    told = addressee(q, answer) if pm and not own else None
    if told and told[0].start("pronoun") == pm.start():
        return q[:pm.start()] + told[1] + q[pm.end():]
    # "what's the ceasefire" + "when did Sadr first order it": "it" is still a thing, though the question names
    # someone of its own (the thing asked about, the topic, or the act asked about: "what did Sadr order" + "did
    # Maliki like it" is Sadr's order); never an "it" of no reference ("is it true that Sadr ...")
    # (nor "it" happening: "when did it happen in Baghdad" is the event the answer told of, below)
    if (pm and own and pm.group(1).lower() in {"it", "its"} and not _EXPLETIVE.search(q) and not _HAPPENING.search(q)
            and (thing := thing_asked(prev_q) or (topic if topic and a_thing(topic) else None) or act_noun(prev_q))
            and not any(o.lower() in thing.lower() for o in own)):
        return q[:pm.start()] + (possessive(thing) if pm.group(1).lower() == "its" else thing) + q[pm.end():]
    # "what did the government welcome" + "who welcomed it?": the thing it welcomed, not the government
    if pm and (done_to := object_of_same_act(q, pm, prev_q, answer)):
        return q[:pm.start()] + done_to + q[pm.end():]
    thing = thing_asked(prev_q) if pm and not own and pm.group(1).lower() in {"it", "its"} else None
    # "did the government welcome it" after "did the government like Sadr's order": "it" is not a thing the
    # question names itself
    if thing and re.search(rf"(?i)\b{re.escape(thing.split(None, 1)[-1])}\b", q):
        thing = None
    # "when did it happen?" is the event the previous answer told of, not the thing it happened to
    if thing and _HAPPENING.search(q):
        thing = None
    if thing:
        return q[:pm.start()] + (possessive(thing) if pm.group(1).lower() == "its" else thing) + q[pm.end():]
    # "where are the Mahdi Army's strongholds" + "what happened in one of them": the things owned, a plural noun
    # after a possessive (not the owner, a body of people: below)
    # ("they" only as the subject of "be": "what do they want" asks for people, not strongholds)
    them = pm and not own and (pm.group(1).lower() == "them" or (
        pm.group(1).lower() == "they" and (_BE.search(q[:pm.start()]) or _BE.search(q[pm.end():]))))
    owned = _OWNED_PLURAL.search(prev_q) if them else None
    if owned and plural_noun(owned.group("things")) and not is_person_noun(owned.group("things")):
        return q[:pm.start()] + owned.group(0) + q[pm.end():]
    # ... and people a name modifies ("what happened to the Mahdi Army prisoners" + "who wants them freed": the
    # prisoners, not the Mahdi Army)
    named = _NAMED_PLURAL.search(prev_q) if them else None
    if named and plural_noun(named.group("things"), people=True):
        return q[:pm.start()] + named.group(0) + q[pm.end():]
    # "what's Sadr's militia called" + "where are they based": the body of people its answer names ("... his
    # militia, the Mahdi Army, ..."), not the owner the question names
    body = body_named(prev_q, answer) if pm and not own and pm.group(1).lower() in _BODY_PRONOUNS else None
    if body:
        return q[:pm.start()] + (possessive(body) if pm.group(1).lower() in POSSESSIVE else body) + q[pm.end():]
    # "who are the Mahdi Army fighting" + "why are they fighting?": the people the who-question asked it of, not the
    # people its answer names ("... release Mahdi Army prisoners")
    of = people_asked_of(prev_q) if pm and not own and pm.group(1).lower() in {"they", "them", "their"} else None
    if of and WHO.match(prev_q):
        return q[:pm.start()] + (possessive(of) if pm.group(1).lower() == "their" else of) + q[pm.end():]
    if not names:
        return q
    # "did he say anything about Sadr": a subject pronoun before the question's own names is still the
    # previous turn's person (not one of those names)
    if pm and own and pm.group(1).lower() in {"he", "she", "they"} and all(
            q.find(o) > pm.start() for o in own):
        names = [n for n in names if n not in own] or names
        own = []
    there = THERE.search(q)
    if there and not own and not pm:
        place = place_for_there(prev_q, answer, topic)
        if place:
            return put_place(q, there, place)
    # "what did Sadr order the Mahdi Army to do" + "did it obey?": the body of people obeying, not the order
    body = obeying_body(q, prev_q, answer) if pm and not own and pm.group(1).lower() == "it" else None
    if body:
        return q[:pm.start()] + body + q[pm.end():]
    # "What did Sadr order?" + "Did it work?": "it" is what he ordered, "Sadr's order", not Sadr.
    # ... but "What did he read?" + "what did it demand?": the thing its answer says he read ("... read a
    # statement ..."), not "Hazem Al-Aaraji's read"
    act = (object_answered(prev_q, answer) or act_noun(prev_q)) if pm and not own and pm.group(1).lower() == "it" \
        else None
    if act:
        return q[:pm.start()] + act + q[pm.end():]
    # "what's going on with the ceasefire" + "when did it start?": the ceasefire starting (a thing asked about
    # that can start, end, work); but "what happened to the economy" + "when did it happen?" is the event
    # ... and "who agreed to the truce" + "when did it begin?": the thing the question ends on
    if pm and not own and pm.group(1).lower() == "it" and points_at_event(q) and not _HAPPENING.search(q):
        ends_on = phrase_ended_on(prev_q)
        thing = topic if topic and a_thing(topic) else ends_on
        if thing and a_thing(thing) and not is_place_noun(thing.split()[-1]) and not is_group_noun(thing.split()[-1]):
            return q[:pm.start()] + thing + q[pm.end():]
    if pm and points_at_event(q):
        pm = None  # "when did it happen?": the event the previous answer told of, no name (below: its topic)
    # "what happened in Basra on Tuesday" + "who started it?": the events its answer told of, not the place
    # ... but "who controls it?": a place is held, run, controlled, not an event
    events = bool(_HAPPENED_IN.match(prev_q)) and not _HELD_IT.search(q)
    if pm and not own and pm.group(1).lower() == "it" and events:
        pm = None
    # "Tell me about the Najaf truce" + "Who agreed to it?": "it" is the topic asked about, not a name in it.
    # ... a thing, not a place or a time the broad question asked about ("what happened in Basra on Tuesday" +
    # "who started it?": the events, not "Basra on Tuesday")
    if pm and not own and pm.group(1).lower() == "it" and topic and not events:
        return q[:pm.start()] + topic + q[pm.end():]
    if pm and not own and pm.group(1).lower() in {"it", "its"} and WHO.match(prev_q) and asked:
        # "Who leads the Mahdi Army?" + "Where are its strongholds?": "its" is the thing asked about, not the
        # person the answer named
        names = asked
    # "who are the outlaws?" + "where are they?": the people asked about, not a place the answer names
    asked_about = _WHO_ARE.match(prev_q)
    if pm and not own and pm.group(1).lower() in {"they", "them"} and asked_about:
        return q[:pm.start()] + asked_about.group(1) + q[pm.end():]
    # "what do residents think of the Mahdi Army" + "why are they angry": the people the question's subject names
    # (its head a plural kind of person), not a body of people it asks about
    parts = split_subject(prev_q.rstrip(" ?") + "?") if pm and not own and not WHO.match(prev_q) \
        and pm.group(1).lower() in {"they", "them", "their"} else None
    people = plural_noun(parts[1], people=True) if parts else None
    if people and parts[1].lower().endswith(people):
        return q[:pm.start()] + (possessive(parts[1]) if pm.group(1).lower() == "their" else parts[1]) + q[pm.end():]
    # "what's the Mahdi Army doing in Najaf" + "are they leaving?": a body of people the question names
    # (or an acronym: "tell me about the US in Najaf" + "what did they suspend?")
    # ... or its subject, typed in lower case ("did the government agree?" + "what did they say instead?")
    group = next((n for n in asked if is_group_noun(n.split()[-1].lower()) or (n.isupper() and 2 <= len(n) <= 5)),
                 None) or group_subject(prev_q) if pm and not own else None
    if group and pm.group(1).lower() in {"they", "them", "their"} and not WHO.match(prev_q):
        group = f"the {group}" if re.search(rf"(?i)\bthe\s+{re.escape(group)}\b", prev_q) else group
        return q[:pm.start()] + (possessive(group) if pm.group(1).lower() == "their" else group) + q[pm.end():]
    # "tell me about the curfew" + "who imposed them?": the things asked about, when the answer tells of more than
    # one ("Overnight curfews were being imposed elsewhere ..."), not a name it gave ("Iraqi authorities")
    plural_topic = plural_of(topic, answer) if pm and not own and topic and not WHO.match(prev_q) else None
    # (as an object, or a subject of "be": "are they still on"; "what did they say" asks for people)
    if plural_topic and (pm.group(1).lower() == "them" or (pm.group(1).lower() == "they" and (
            _BE.search(q[:pm.start()]) or _BE.search(q[pm.end():])))):
        return q[:pm.start()] + plural_topic + q[pm.end():]
    if (pm and not own and pm.group(1).lower() in {"they", "them"} and not WHO.match(prev_q)
            and (not any(n.endswith("s") for n in names) or (not asked and plural_noun(prev_q)))):
        # "How many troops were in the Basra offensive?" + "Who sent them?": the troops, not Basra
        # ... or, when the question names no people ("what happened in Sadr City" + "why were they angry"), the
        # people its answer tells of ("Angry protesters took to the streets ..."), never a single name
        # ... and after "how many were killed", those its answer says were ("12 people have been killed")
        # ... of those the question names, the one its answer says undergoes the act asked about ("which cities had
        # curfews" + "when were they imposed": "Overnight curfews were being imposed ...", not the cities)
        done_to = undergoing(answer, q)
        done_to = done_to if done_to and re.search(rf"(?i)\b{re.escape(done_to)}\b", prev_q) else None
        plural = (done_to or plural_noun(prev_q) or undergoing(answer, prev_q)
                  or plural_noun(QUOTED.sub(" ", answer), people=True))
        # ... as the answer names them when the question asked of them ("when did the british hand control of Basra
        # province" + "are they involved": "British troops", not any troops)
        named = next((n for n in entities(answer) if plural and n.lower().endswith(f" {plural}")
                      and set(terms(n.rsplit(" ", 1)[0])) <= set(terms(prev_q))), None)
        if named:
            return q[:pm.start()] + named + q[pm.end():]
        if plural:
            return q[:pm.start()] + f"the {plural}" + q[pm.end():]
    # "who negotiated (in Najaf)?" + "what did they agree": those its answer says did it ("... while the two sides
    # negotiated ..."), not the first people it names ("He originally gave the militants until Friday ...")
    doer = doer_asked(prev_q, QUOTED.sub(" ", answer)) if pm and not own and pm.group(1).lower() in {"they", "them"} else None
    if doer and (doer.split()[-1].endswith("s") or " and " in doer):
        return q[:pm.start()] + doer + q[pm.end():]
    # "who was protesting (in Sadr City)?" + "what were they protesting?": the people its answer tells of
    # ("Angry protesters took to the streets ..."), not the one place or person it names
    if (pm and not own and pm.group(1).lower() in {"they", "them"} and WHO.match(prev_q)
            and not (names[0].endswith("s") or is_group_noun(names[0].split()[-1].lower()) or people_word(names[0]))):
        plural = plural_noun(QUOTED.sub(" ", answer), people=True)
        if plural:
            return q[:pm.start()] + f"the {plural}" + q[pm.end():]
    # "who ordered the ceasefire" + "is it still in place?": the thing the question ends on, not the person its
    # answer named
    # ... and after "what did the prime minister say about the offensive", the offensive, not the place its answer
    # named ("Basra")
    ends_on = phrase_ended_on(prev_q) if pm and not own and pm.group(1).lower() == "it" else None
    # (and after "who is leading the Basra offensive", the offensive: the name only modifies it)
    if ends_on and a_thing(ends_on) and (person_like(names[0], f"{prev_q} {answer}")
                                         or names[0].lower() not in prev_q.lower()
                                         or names[0] in ends_on):
        return q[:pm.start()] + ends_on + q[pm.end():]
    return put_name(q, pm, own, names, asked, prev_q, answer, topic)
