"""Follow-up -> standalone question, without an LLM.

A follow-up leans on the previous turn: a pronoun ("What did *he* say ...?"), or an ellipsis ("And in
Najaf?", "What about the curfew?"). We take the entities of the previous turn (the proper names of its
standalone question first, then of its answer) and substitute the first pronoun, or graft the
ellipsis onto the previous question.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from bot.answer import (about_answer, asks_next, asks_who_said, base_forms, broad_topic, is_group_noun, is_place_noun,
                        is_person_noun, is_smalltalk, named_thing, points_at_event, split_subject)
from bot.graft import dated, doer_asked, graft, object_filled, of_doer
from bot.names import AT_PLACE, QUOTED, answered_names, entities, is_place, people_word, split_run
from bot.referents import (a_thing, bound_in_question, group_subject, named_subject, owned_person, people_asked_of,
                           person_asked, person_like, plural_noun, thing_asked, undergoing)
from index.terms import terms

_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers|they|them|their|theirs|it|its)\b", re.I)
_POSSESSIVE = {"his", "her", "hers", "their", "theirs", "its"}
_PRONOUNS_ALL = {"he", "she", "they", "it", "we", "you", "i"}
_PEOPLE_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs"}
_WHO = re.compile(r"^\s*(who|whom)\b", re.I)
# "who are the outlaws", "who are the embattled residents"
_WHO_ARE = re.compile(r"(?i)^\s*who\s+(?:are|were)\s+(the\s+(?:[a-z][a-z'\-]*\s+)?[a-z][a-z'\-]*s)\s*\??\s*$")
# A question going on from the previous one: "to do what?", "in exchange for what?", "against whom?" ("for what?"
# alone asks why: _HOW_COME_BARE)
_GOES_ON = re.compile(r"(?i)\s*(?:and\s+)?(?:to\s+(?:do\s+)?what|in\s+(?:exchange|return)\s+for\s+what|"
                      r"(?:to|against|with)\s+whom)\s*\??\s*")
_ELLIPSIS = re.compile(r"^\s*(and what about|and how about|what about|how about|what of|and)\b[\s,]*", re.I)
# Asking for more on the same topic: "tell me more", "anything else?", "what else?", "go on"; or for more about
# what was just said: "like what?", "for example?", "what does that mean?", "explain"
_MORE = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|please)[\s,]+)*(?:tell\s+me\s+more|more(?:\s+(?:please|details|info))?|"
                   r"anything\s+(?:else|more)|what\s+else|go\s+on|keep\s+going|continue|what\s+more|"
                   r"like\s+what|such\s+as|for\s+(?:example|instance)|examples?|details|elaborate|in\s+what\s+way|"
                   r"what\s+(?:does|did)\s+(?:that|this|it)\s+mean|what\s+do\s+you\s+mean|meaning|"
                   r"explain(?:\s+(?:that|this|it|more))?|can\s+you\s+explain(?:\s+(?:that|this|it))?)"
                   r"(?:\s+please)?\s*[?!.]*\s*")
# Asking whether the answer holds: "really?", "are you sure?", "is that true?" (where it is from, "source?", is
# bot/answer/provenance.py's: its article's credit line)
_CONFIRM = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|but|hmm+)[\s,]+)*(?:really|seriously|for\s+real|truly|says\s+who|"
                      r"are\s+you\s+(?:sure|certain)|(?:is|was)\s+(?:that|this|it)\s+(?:true|right|correct|so|accurate))"
                      r"\s*[?!.]*\s*")
# ... of those, the ones asking for more of the same, not for an explanation ("like what?", "what does that mean?")
_MORE_OF = re.compile(r"(?i)\s*(?:(?:and|so|ok|okay|please)[\s,]+)*(?:tell\s+me\s+more|more|anything\s+(?:else|more)|"
                      r"what\s+else|go\s+on|keep\s+going|continue|what\s+more)(?:\s+please)?\s*[?!.]*\s*")
# What someone said (and about what): "what did Sadr's spokesman say (about the weapons)"
_SAID = re.compile(r"(?i)^\s*what\s+(?:else\s+)?(did|does|do|has|have|had)\s+(.+?)\s+(say|said|tell|told|announce|claim|"
                   r"state|report|write)\b(.*)$")
# A bare question word: "Why?", "and when?"
# (or a question phrase: "in which city?", "by whom?", "what year?", "for how long?")
_BARE_WH = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(why|when|where|how|who|"
                      r"(?:since|until|till)\s+when|"
                      r"(?:(?:in|at|on|from|by|for|to|with|since|until)\s+)?(?:which|what|whom|how)"
                      r"(?:\s+(?!did|does|do|is|are|was|were|will|would|has|have|had|can|could)[a-z]+)?|"
                      r"what\s+(?:year|day|month|date|time))\s*[?!.]*\s*")
_ELSE = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(where|who|when)\s+else\s*[?!.]*\s*")
_CARRIED = re.compile(r"\s*\([^()]*\)\s*(?=\??\s*$)")  # "(in Basra)": a topic a rewrite carried over
# "why not?" after a yes-no question the answer said no to; "how come?" is "why?"
_WHY_NOT = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?why\s+not\s*[?!.]*\s*")
# a yes / no question opened by a form of "be" or a modal, and the negative of each
_BE_OPENING = re.compile(r"(?i)^\s*(is|are|was|were|has|have|had|can|could|will|would|should)\s+")
_NEGATED = {"can": "can't", "will": "won't"}
_HOW_COME_BARE = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+)?(?:how\s+come|how\s+so|what\s+for|for\s+what(?:\s+reason)?)"
                            r"\s*[?!.]*\s*")  # "why?" in other words
# The question word(s) opening a question: "What", "How many", "Who", "Why", "In which year".
_WH_OPENING = re.compile(r"(?i)\s*(?:(?:in|on|at|for|to|from|by|with|since|until|till)\s+)?"
                         r"(?:what|which|who|whom|whose|when|where|why|how)(?:\s+(?:many|much|long|often|far|old))?\b")
# After "and": a question of its own ("and what did the government say?"), not an ellipsis ("and in Najaf?").
_OWN_QUESTION = re.compile(r"(?i)(?:then|so|now)\s+(?:what|who|where|when|why|how)\s+\S+"  # "and then what happened"
                           r"|(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|"
                           r"has|have|had|can|could|will|would)\s+\S+\s+\S+")
# "there" standing for a place ("was there fighting *there*?", "what happened there"), not the "there" of
# "is there ..." / "there were ...".
_THERE = re.compile(r"(?i)(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )\bthere\b"
                    r"(?!\s+(?:is|was|are|were|has|have|had|will|would|be|been|seems?|appears?)\b)"
                    r"|\bthere(?=\s*[?.!]*\s*$)")  # ... but "while he was there?" ends on the place
# A verb of going just before "there": "there" is where to, not where ("who went there" -> "went to Basra")
_MOTION = re.compile(r"(?i)\b(?:go|goes|going|gone|went|come|comes|came|travel(?:l?ed)?|sent|send|moved?|headed|"
                     r"returned|return|fled|flee|flew|fly|rushed|drove|marched)\s+$")


# Verbs whose noun says nothing of the act ("Sadr's say", "Sadr's want"): "it" after them is left alone.
_NO_ACT_NOUN = frozenset("say tell do think mean want get know see have make take go come give".split())


# "what did the US say": what someone said, which "it" after it is (not a thing the question ends on)
_WHAT_SAID = re.compile(r"(?i)^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+.+?\s+"
                        r"(?:say|said|tell|told|announce|announced|claim|claimed|state|stated|report|reported|write|"
                        r"wrote)\W*$")


# "what economy depends on pilgrims": the kind of thing asked for (a noun, not "what is", "what did")
_WHAT_KIND = re.compile(r"(?i)^\s*(?:what|which)\s+([a-z][a-z\-]*)\s+(?!(?:is|was|are|were|did|does|do)\b)")
_THE_THING = re.compile(r"(?i)\bthe\s+[a-z][a-z\-]*")  # "the statement"
_FOR_NAME = re.compile(r"\s+(?:for|of|by|from|on\s+behalf\s+of)\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*")  # "... for Sadr"
_WHO_OF_HIM = re.compile(r"(?i)^\W*(?:and\s+)?who(?:m)?\s+(?:\w+\s+){0,2}?(?:him|her|them)\b")


def _owner(name: str) -> str:
    """The possessive of a name put for "their" / "its": "the Sadrists'", "the Mahdi Army's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _what_was_said(prev_q: str) -> bool:
    """Is "it" after `prev_q` what someone said ("what did the US say" + "where was it said")? Not when a thing
    "says" ("what does the truce say" + "who agreed to it" is the truce)."""
    if not _WHAT_SAID.match(prev_q):
        return False
    said_by = thing_asked(prev_q)
    return not said_by or is_group_noun(said_by.split()[-1].lower())


def _act_noun(prev_q: str) -> str | None:
    """"What did Sadr order?" -> "Sadr's order": the act the previous question asked about, named by its
    verb's noun (WordNet has the same word as a noun: "order", "demand", "offer", "plan"), for "it"."""
    # "what / why / how did Sadr order?": after a bare "why?" the previous question is "why did Sadr order?"
    if not re.match(r"(?i)\s*(?:what|why|how|when)\s+(?:did|does|do|has|have|had)\b", prev_q):
        return None
    parts = split_subject(prev_q.rstrip(" ?") + "?")
    if not parts:
        return None
    _, subject, rest = parts
    verb = next(iter(re.findall(r"[a-z]+", rest.lower())), "")
    base = next(iter(base_forms(verb, "v")), None)
    if not base or base in _NO_ACT_NOUN or base not in base_forms(base, "n") or not re.match(r"[A-Z]", subject):
        return None
    return f"{subject}'s {base}"


def _object_answered(prev_q: str, answer: str) -> str | None:
    """"What did he read?" answered "... read a statement on behalf of Sadr ...": "the statement", the thing the
    answer newly names (after "a" / "an") as the object of the verb asked about; None otherwise."""
    m = re.match(r"(?i)\s*what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+([a-z]+)\s*\??\s*$", prev_q)
    base = next(iter(base_forms(m.group(2).lower(), "v")), None) if m else None
    if not base:
        return None
    # (not one whose meaning is in its complement: "ordering an end to the fighting")
    for v in re.finditer(r"\b([a-z]+)\s+(?:an?)\s+([a-z]+)\b(?!\s+(?:to|of|for)\b)", answer):
        if base in base_forms(v.group(1), "v") and base_forms(v.group(2), "n"):
            # ... the one the question's subject did ("what did Sadr's spokesman read": "Sadr's spokesman's
            # statement", not any statement: "The prime minister issued a statement ...")
            doer = m.group(1).strip()
            if doer.lower() not in _PRONOUNS_ALL and entities(doer):
                return f"{_owner(doer)} {v.group(2)}"
            return f"the {v.group(2)}"
    return None


def _put_place(q: str, there: re.Match, place: str) -> str:
    """"who went there" -> "who went to Basra"; "what happened there" -> "what happened in Basra"."""
    prep = "to" if _MOTION.search(q[:there.start()]) else "in"
    return q[:there.start()] + f"{prep} {place}" + q[there.end():]


# "what is a reduction": the thing a what-is question asks to define
_HAPPENED_IN = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+has|\s+was)?\s+(?:happened|happening|going\s+on)\s+(?:in|at|on)\b")
_HAPPENING = re.compile(r"(?i)\bit\s+(?:happen|occur|(?:take|takes|took)\s+place|come\s+about|came\s+about)")
# "the siege", "the Najaf siege", "the green zone"; a name's: "Sadr's move"
_LAST_THING = re.compile(r"\b(the\s+(?:[A-Z][\w\-]*\s+)?[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?"
                         r"|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*['\u2019]s\s+[a-z][a-z\-]*)\s*\??\s*$")


def _ends_on(prev_q: str) -> str | None:
    """The noun phrase the question ends on ("who ordered the ceasefire" -> "the ceasefire", "what hit the green
    zone" -> "the green zone"), not a subject and its bare verb ("what did the US say", "when did the Eastmere
    bridge open" end on no thing)."""
    m = _LAST_THING.search(prev_q)
    if not m:
        return None
    parts = split_subject(prev_q.rstrip(" ?") + "?")
    if parts and parts[2].rstrip(" ?").lower() == m.group(1).split()[-1].lower():
        return None
    # (right after "did" / "will" the phrase is the subject, and its last word the verb)
    if re.search(r"(?i)\b(?:did|does|do|will|would|can|could|should)\s+$", prev_q[:m.start()]):
        return None
    return m.group(1)


# "what's the militia's name": a name asked of its owner (named_thing reads "what's Sadr's militia called", "what
# is the name of the militia")
_OWNER_NAME = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+was|\s+are)\s+(.+?)['\u2019]s\s+name\s*\??\s*$")
_BODY_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})


def _body_named(prev_q: str, answer: str) -> str | None:
    """The body of people whose name the previous question asked ("what's Sadr's militia called"), as its answer
    names it ("the Mahdi Army"); None for any other question."""
    owner = _OWNER_NAME.match(prev_q)
    head = named_thing(prev_q) or (owner.group(1).split()[-1] if owner else None)
    if not head or not is_group_noun(head.lower()):
        return None
    body = next((n for n in entities(answer) if is_group_noun(n.split()[-1].lower())), None)
    if body and re.search(rf"(?i)\bthe\s+{re.escape(body)}\b", answer):
        body = f"the {body}"
    return body


def _place(prev_q: str, answer: str, topic: str | None) -> str | None:
    """The place "there" stands for: one the previous question names after a preposition of place ("what
    happened in Basra"), else one its answer does ("Maliki went to Basra"), else the topic it asked about
    ("what is Sadr City"); None when there is none."""
    for text in (prev_q, QUOTED.sub(" ", answer)):
        for m in AT_PLACE.finditer(text):
            name = next(iter(entities(m.group(1))), None)
            if name and not people_word(name):
                return name
    return topic if topic and entities(topic) else None


def _turns(history: Sequence[dict] | None) -> list[tuple[str, str]]:
    """(user question, assistant answer) pairs of OpenAI-style messages, oldest first."""
    turns: list[tuple[str, str]] = []
    for msg in history or []:
        role, content = msg.get("role"), msg.get("content") or ""
        if not isinstance(content, str):
            content = " ".join(str(part.get("text", "")) if isinstance(part, dict) else str(part) for part in content)
        if role == "user":
            turns.append((content, ""))
        elif role == "assistant" and turns:
            turns[-1] = (turns[-1][0], content)
    # "hello", "thanks": no question, and the reply names nothing asked about; a follow-up skips them
    return [t for t in turns if not is_smalltalk(t[0])]


def last_turn(history: Sequence[dict] | None, normalize: Callable[[str], str] = str) -> tuple[str, str]:
    """The last user question, made to stand alone against the turns before it (a chain of follow-ups
    keeps its subject), and the assistant answer after it."""
    turns = _turns(history)[-MAX_TURNS:]
    standalone = ""
    for i, (question, _) in enumerate(turns):
        standalone = _rewrite_one(normalize(question.strip()), standalone, turns[i - 1][1] if i else "")
    return (standalone, turns[-1][1]) if turns else ("", "")


MAX_TURNS = 6  # how far back a chain of follow-ups is resolved


def shown_answers(history: Sequence[dict] | None, turns: int = 3) -> str:
    """The answers of the last few turns, oldest first: what "tell me more" / "anything else?" should not
    repeat, and what "where did he say that?" points at (the last of them)."""
    return " ".join(a for _, a in _turns(history)[-turns:] if a)


def rewrite(question: str, history: Sequence[dict] | None, normalize: Callable[[str], str] = str) -> str:
    """The question made to stand alone, or unchanged when it already does (or there is no history).
    `normalize` is applied to every user question first (bot/normalize.py: typos, capitals)."""
    return _rewrite_one(normalize(question.strip()), *last_turn(history, normalize))


def _rewrite_one(q: str, prev_q: str, prev_a: str) -> str:
    """q against one previous turn whose question already stands alone."""
    # (nor "where does it say that?", "how do you know?": asked of the answer just given, not of its topic)
    if not prev_q or about_answer(q):
        return q
    answer = re.sub(r"\[\d+\]", "", prev_a)
    q = dated(q, prev_q, answer)
    # After "Who ...?" the person of the follow-up is the one the answer named; otherwise the question's subject.
    topic = broad_topic(prev_q)  # "who was Rollo", "tell me about the Najaf truce": what it asked about
    # The previous question's own names, full names ("Prime Minister Maliki") before single capitalised words,
    # which may just start a sentence.
    # ("maliki basra trip": Maliki, and Basra, where its answer says he went)
    asked = sorted(split_run(entities(prev_q), answer), key=lambda n: len(n.split()) < 2)
    # "Who was Rollo?" + "What did he do?": "he" is Rollo, the one asked about, not a name in the answer.
    # Only a name asked about ("who was Rollo"), not an act ("who was fighting (Basra)?" asks for the fighters).
    # "who is stephen cook", typed in lower case, asks about the name the answer writes "Stephen Cook".
    written = next((n for n in entities(answer) if topic and n.lower() == topic.lower()), None) \
        if _WHO.match(prev_q) else None
    if _WHO.match(prev_q) and topic and re.match(r"(?i:the\s+)?[A-Z]", topic) and "(" not in topic and entities(topic):
        names = [topic]
    elif written:
        names = [written]
    elif _WHO.match(prev_q) and (subject := named_subject(prev_q)):
        # "who does Dan Senor work for?" asks about Dan Senor (its subject): "he" is still he
        names = [subject]
    elif _WHO.match(prev_q) and _WHO_OF_HIM.match(q) and any(person_like(n, prev_q) for n in entities(prev_q)):
        # "who supports Sadr" + "who opposes him?": another who-question of the one asked about
        names = entities(prev_q)
    elif _WHO.match(prev_q):
        names = answered_names(prev_q, answer) or entities(prev_q)
    else:
        names = asked or [n for n in entities(answer) if not people_word(n)]
    # "Tell me more", "anything else?": more on the previous turn's topic (the sentences already shown are
    # not shown again: bot/answer/followup.py).
    # ... but after what someone said, more of what they said ("what did Sadr's spokesman say" + "anything else?":
    # "what else did Sadr's spokesman say?", was "tell me more about Sadr")
    said = _SAID.match(prev_q) if _MORE_OF.fullmatch(q) else None
    # (someone: a name, or a kind of person or group; "what does the truce say" + "more" is more on the truce)
    if said and (re.search(r"[A-Z]", said.group(2))
                 or (head := said.group(2).split()[-1].lower()) and (is_person_noun(head) or is_group_noun(head))):
        return f"what else {said.group(1)} {said.group(2)} {said.group(3)}{said.group(4).rstrip(' ?')}?"
    # "really?", "are you sure?": the previous question again, its answer shown again with the article it is from
    if _CONFIRM.fullmatch(q):
        return prev_q
    if _MORE.fullmatch(q):
        return f"tell me more about {topic or (names[0] if names else prev_q.rstrip(' ?'))}"
    if _WHY_NOT.fullmatch(q):
        # "did the fighters leave?" + "why not?" -> "why did the fighters not leave?"
        parts = split_subject(prev_q.rstrip(" ?") + "?")
        if parts and not _WH_OPENING.match(prev_q):
            return f"why {parts[0]} {parts[1]} not {parts[2]}"
        # "are the militiamen leaving?" + "why not?" -> "why aren't the militiamen leaving?"
        be = _BE_OPENING.match(prev_q)
        if be:
            aux = be.group(1).lower()
            negated = _NEGATED.get(aux, aux + "n't")
            return f"why {negated} {prev_q[be.end():].strip().rstrip(' ?')}?"
        q = "why"
    # "who pushed Sadr" + "to do what?": the previous question goes on ("who pushed Sadr to do what?")
    if _GOES_ON.fullmatch(q):
        return f"{prev_q.rstrip(' ?')} {q.strip().rstrip(' ?')}?"
    if _HOW_COME_BARE.fullmatch(q):
        q = "why"
    # "where else?" after "where were curfews imposed": the previous question asked of other places ("where else
    # were curfews imposed?"), never with the place it asked about carried ("where else (in Basra)?")
    other = _ELSE.fullmatch(q)
    # ... and after "tell me about the curfew", where else there is one ("where else is there a curfew?")
    if other and topic and other.group(1).lower() == "where" and a_thing(topic):
        noun = re.sub(r"(?i)^(?:the|a|an)\s+", "", topic)
        return f"where else is there a {noun}?" if not noun.endswith("s") else f"where else are there {noun}?"
    asked_wh = _WH_OPENING.match(prev_q)
    if other and asked_wh and not topic:
        rest = re.sub(r"^['\u2019]s\b", "is", _CARRIED.sub("", prev_q[asked_wh.end():]).strip()).rstrip(" ?")
        if other.group(1).lower() == "where":  # (not the place asked of: "who was fighting in Basra" + "where else")
            rest = re.sub(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*$", "", rest)
        return f"{other.group(1).lower()} else {rest}?"
    # "Why?", "when": the previous question asked again with the new question word.
    bare = _BARE_WH.fullmatch(q)
    if bare:
        asked = _WH_OPENING.match(prev_q)
        # "tell me about the curfew" + "where?" / "until when?": where / when the thing asked about is
        if not asked and topic and bare.group(1).lower().split()[-1] in ("where", "when"):
            return f"{bare.group(1)} is {topic}?"
        if not asked:
            return f"{q.rstrip(' ?')} {prev_q}"
        # "what's happening in Sadr City" + "why?": the contracted verb stays ("why is happening ...")
        rest = re.sub(r"^['\u2019]s\b", "is", prev_q[asked.end():].strip()).rstrip(" ?")
        # "who handed control of Basra ..." + "when?": when the one the answer names did it
        if asked.group().strip().lower() in ("who", "what") and (redone := of_doer(bare.group(1), rest, answer)):
            return redone
        # "what did the US forces suspend" + "why?": why they suspended what the answer says they did ("why did
        # the US forces suspend the offensive?", was "why did the US forces suspend?")
        if asked.group().strip().lower() == "what" and (filled := object_filled(rest, answer)):
            return f"{bare.group(1)} {filled}?"
        # "what did Maliki say (about the patrols)" + "when?": when he said what the answer quotes ("when did Maliki
        # say that (about the patrols)?", was "when did Maliki say?")
        said = _SAID.match(prev_q)
        if (asked.group().strip().lower() == "what" and said
                and re.fullmatch(r"(?i)(?:\s+(?:about|on|of|regarding|to)\b.*)?\s*\??\s*", said.group(4))):
            return f"{bare.group(1)} {said.group(1)} {said.group(2)} {said.group(3)} that{said.group(4).rstrip(' ?')}?"
        # "what did the British do" + "where?": where they did that, the act the previous answer told of
        # ("what did the US do in Najaf" + "why?": "why did the US do that in Najaf", was "... do in Najaf")
        rest = re.sub(r"(?i)\bdo(?=$|\s+(?:in|at|on|to|with|about|after|before|during|there|then)\b)", "do that", rest)
        # ("where did the clashes spread to" + "when?": "when did the clashes spread?", no preposition left hanging)
        rest = re.sub(r"(?i)\s+(?:to|from|in|at|on|for|with|about|into)$", "", rest) if asked.group().strip().lower() in (
            "where", "what", "who", "whom") else rest
        return f"{bare.group(1)} {rest}?"
    m = _ELLIPSIS.match(q)
    # "And what did the government say?": a question of its own after "and", no ellipsis.
    if m and _OWN_QUESTION.match(q[m.end():]):
        q = q[m.end():]
        m = None
    # "and after that?": what came after the previous answer (bot/answer/followup.asks_next), no ellipsis
    if m and asks_next(q):
        m = None
    if m and len(q[m.end():].split()) <= 6:
        rest = q[m.end():].rstrip(" ?")
        grafted = graft(prev_q.rstrip(" ?"), rest, answer) if rest else prev_q.rstrip(" ?")
        # ... else the thing asked about, in the previous turn's topic: "what about the economy (in Najaf)?"
        if grafted:
            return f"{grafted}?"
        return _carry(f"what about {rest}", prev_q, asked or names) if asked or names else f"{prev_q.rstrip(' ?')} {rest}?"
    # "What does the truce say?" + "Who agreed to it?": "it" is the thing the question was about, never a
    # person its answer named ("al-Sadr"); "when will it end?" after "what did the curfew do?" is the curfew
    own = entities(q)
    pm = _PRONOUN.search(q)
    # "who said it?": "it" is what the previous answer quoted, as in "who said that?" (bot/answer/followup.py);
    # so is "it" after "what did the US say": no name to put for it
    if pm and (asks_who_said(q) or (pm.group(1).lower() == "it" and _what_was_said(prev_q))):
        pm = None
    # "will the fighters hand over their guns": the question's own subject is whose they are
    if pm and bound_in_question(q, pm):
        pm = None
    thing = thing_asked(prev_q) if pm and not own and pm.group(1).lower() in {"it", "its"} else None
    # "did the government welcome it" after "did the government like Sadr's order": "it" is not a thing the
    # question names itself
    if thing and re.search(rf"(?i)\b{re.escape(thing.split(None, 1)[-1])}\b", q):
        thing = None
    # "when did it happen?" is the event the previous answer told of, not the thing it happened to
    if thing and _HAPPENING.search(q):
        thing = None
    if thing:
        return q[:pm.start()] + (_owner(thing) if pm.group(1).lower() == "its" else thing) + q[pm.end():]
    # "what's Sadr's militia called" + "where are they based": the body of people its answer names ("... his
    # militia, the Mahdi Army, ..."), not the owner the question names
    body = _body_named(prev_q, answer) if pm and not own and pm.group(1).lower() in _BODY_PRONOUNS else None
    if body:
        return q[:pm.start()] + (_owner(body) if pm.group(1).lower() in _POSSESSIVE else body) + q[pm.end():]
    # "who are the Mahdi Army fighting" + "why are they fighting?": the people the who-question asked it of, not the
    # people its answer names ("... release Mahdi Army prisoners")
    of = people_asked_of(prev_q) if pm and not own and pm.group(1).lower() in {"they", "them", "their"} else None
    if of and _WHO.match(prev_q):
        return q[:pm.start()] + (_owner(of) if pm.group(1).lower() == "their" else of) + q[pm.end():]
    if not names:
        return q
    # "did he say anything about Sadr": a subject pronoun before the question's own names is still the
    # previous turn's person (not one of those names)
    if pm and own and pm.group(1).lower() in {"he", "she", "they"} and all(
            q.find(o) > pm.start() for o in own):
        names = [n for n in names if n not in own] or names
        own = []
    there = _THERE.search(q)
    if there and not own and not pm:
        place = _place(prev_q, answer, topic)
        if place:
            return _put_place(q, there, place)
    # "What did Sadr order?" + "Did it work?": "it" is what he ordered, "Sadr's order", not Sadr.
    # ... but "What did he read?" + "what did it demand?": the thing its answer says he read ("... read a
    # statement ..."), not "Hazem Al-Aaraji's read"
    act = (_object_answered(prev_q, answer) or _act_noun(prev_q)) if pm and not own and pm.group(1).lower() == "it" \
        else None
    if act:
        return q[:pm.start()] + act + q[pm.end():]
    # "what's going on with the ceasefire" + "when did it start?": the ceasefire starting (a thing asked about
    # that can start, end, work); but "what happened to the economy" + "when did it happen?" is the event
    # ... and "who agreed to the truce" + "when did it begin?": the thing the question ends on
    if pm and not own and pm.group(1).lower() == "it" and points_at_event(q) and not _HAPPENING.search(q):
        ends_on = _ends_on(prev_q)
        thing = topic if topic and a_thing(topic) else ends_on
        if thing and a_thing(thing) and not is_place_noun(thing.split()[-1]) and not is_group_noun(thing.split()[-1]):
            return q[:pm.start()] + thing + q[pm.end():]
    if pm and points_at_event(q):
        pm = None  # "when did it happen?": the event the previous answer told of, no name (below: its topic)
    # "what happened in Basra on Tuesday" + "who started it?": the events its answer told of, not the place
    if pm and not own and pm.group(1).lower() == "it" and _HAPPENED_IN.match(prev_q):
        pm = None
    # "Tell me about the Najaf truce" + "Who agreed to it?": "it" is the topic asked about, not a name in it.
    # ... a thing, not a place or a time the broad question asked about ("what happened in Basra on Tuesday" +
    # "who started it?": the events, not "Basra on Tuesday")
    if pm and not own and pm.group(1).lower() == "it" and topic and not _HAPPENED_IN.match(prev_q):
        return q[:pm.start()] + topic + q[pm.end():]
    if pm and not own and pm.group(1).lower() in {"it", "its"} and _WHO.match(prev_q) and asked:
        # "Who leads the Mahdi Army?" + "Where are its strongholds?": "its" is the thing asked about, not the
        # person the answer named
        names = asked
    # "who are the outlaws?" + "where are they?": the people asked about, not a place the answer names
    asked_about = _WHO_ARE.match(prev_q)
    if pm and not own and pm.group(1).lower() in {"they", "them"} and asked_about:
        return q[:pm.start()] + asked_about.group(1) + q[pm.end():]
    # "what do residents think of the Mahdi Army" + "why are they angry": the people the question's subject names
    # (its head a plural kind of person), not a body of people it asks about
    parts = split_subject(prev_q.rstrip(" ?") + "?") if pm and not own and not _WHO.match(prev_q) \
        and pm.group(1).lower() in {"they", "them", "their"} else None
    people = plural_noun(parts[1], people=True) if parts else None
    if people and parts[1].lower().endswith(people):
        return q[:pm.start()] + (_owner(parts[1]) if pm.group(1).lower() == "their" else parts[1]) + q[pm.end():]
    # "what's the Mahdi Army doing in Najaf" + "are they leaving?": a body of people the question names
    # (or an acronym: "tell me about the US in Najaf" + "what did they suspend?")
    # ... or its subject, typed in lower case ("did the government agree?" + "what did they say instead?")
    group = next((n for n in asked if is_group_noun(n.split()[-1].lower()) or (n.isupper() and 2 <= len(n) <= 5)),
                 None) or group_subject(prev_q) if pm and not own else None
    if group and pm.group(1).lower() in {"they", "them", "their"} and not _WHO.match(prev_q):
        group = f"the {group}" if re.search(rf"(?i)\bthe\s+{re.escape(group)}\b", prev_q) else group
        return q[:pm.start()] + (_owner(group) if pm.group(1).lower() == "their" else group) + q[pm.end():]
    # "tell me about the curfew" + "who imposed them?": the things asked about, when the answer tells of more than
    # one ("Overnight curfews were being imposed elsewhere ..."), not a name it gave ("Iraqi authorities")
    plural_topic = _plural_of(topic, answer) if pm and not own and topic and not _WHO.match(prev_q) else None
    # (as an object, or a subject of "be": "are they still on"; "what did they say" asks for people)
    if plural_topic and (pm.group(1).lower() == "them" or (pm.group(1).lower() == "they" and (
            _BE.search(q[:pm.start()]) or _BE.search(q[pm.end():])))):
        return q[:pm.start()] + plural_topic + q[pm.end():]
    if (pm and not own and pm.group(1).lower() in {"they", "them"} and not _WHO.match(prev_q)
            and (not any(n.endswith("s") for n in names) or (not asked and plural_noun(prev_q)))):
        # "How many troops were in the Basra offensive?" + "Who sent them?": the troops, not Basra
        # ... or, when the question names no people ("what happened in Sadr City" + "why were they angry"), the
        # people its answer tells of ("Angry protesters took to the streets ..."), never a single name
        # ... and after "how many were killed", those its answer says were ("12 people have been killed")
        plural = plural_noun(prev_q) or undergoing(answer, prev_q) or plural_noun(QUOTED.sub(" ", answer), people=True)
        if plural:
            return q[:pm.start()] + f"the {plural}" + q[pm.end():]
    # "who negotiated (in Najaf)?" + "what did they agree": those its answer says did it ("... while the two sides
    # negotiated ..."), not the first people it names ("He originally gave the militants until Friday ...")
    doer = doer_asked(prev_q, QUOTED.sub(" ", answer)) if pm and not own and pm.group(1).lower() in {"they", "them"} else None
    if doer and (doer.split()[-1].endswith("s") or " and " in doer):
        return q[:pm.start()] + doer + q[pm.end():]
    # "who was protesting (in Sadr City)?" + "what were they protesting?": the people its answer tells of
    # ("Angry protesters took to the streets ..."), not the one place or person it names
    if (pm and not own and pm.group(1).lower() in {"they", "them"} and _WHO.match(prev_q)
            and not (names[0].endswith("s") or is_group_noun(names[0].split()[-1].lower()) or people_word(names[0]))):
        plural = plural_noun(QUOTED.sub(" ", answer), people=True)
        if plural:
            return q[:pm.start()] + f"the {plural}" + q[pm.end():]
    # "who ordered the ceasefire" + "is it still in place?": the thing the question ends on, not the person its
    # answer named
    # ... and after "what did the prime minister say about the offensive", the offensive, not the place its answer
    # named ("Basra")
    ends_on = _ends_on(prev_q) if pm and not own and pm.group(1).lower() == "it" else None
    # (and after "who is leading the Basra offensive", the offensive: the name only modifies it)
    if ends_on and a_thing(ends_on) and (person_like(names[0], f"{prev_q} {answer}")
                                         or names[0].lower() not in prev_q.lower()
                                         or names[0] in ends_on):
        return q[:pm.start()] + ends_on + q[pm.end():]
    if pm and not own:
        # "he" / "she" is a person, not a people ("British troops ..." answers for "they", not for "he")
        singular = pm.group(1).lower() in {"he", "him", "his", "she", "her", "hers"}
        name = next((n for n in names if not (singular and people_word(n))), names[0])
        # "what did the Normans do in Sicily" + "who ruled it?": "it" is no people named in the plural ("the
        # Normans"), but the place
        if pm.group(1).lower() in {"it", "its"} and _plural_name(name, prev_q):
            name = next((n for n in names if not _plural_name(n, prev_q)), name)
        # ("who leads the Mahdi Army" + "where is he": the person its answer names, not the body)
        if singular and not person_like(name, f"{prev_q} {answer}"):
            name = next((n for n in names if person_like(n, f"{prev_q} {answer}") and not people_word(n)), name)
        # ... and when the question asked about a body ("where are the Mehdi Army militia's strongholds"), a person
        # its answer names, nearest to where it echoes the question ("... militia led by Shi'ite cleric Moqtada Al-Sadr")
        if (singular and name in asked and is_group_noun(name.split()[-1].lower())
                and not person_like(name, f"{prev_q} {answer}")):
            name = next((n for n in answered_names(prev_q, answer) if person_like(n, f"{prev_q} {answer}")
                         and not people_word(n)), name)
        # "what militia does Sadr lead" + "where are its strongholds": "its" is no person; a body its answer
        # names is ("... the Mehdi Army militia led by ... Al-Sadr")
        if pm.group(1).lower() in {"it", "its"} and person_like(name, f"{prev_q} {answer}"):
            name = next((n for n in entities(answer) if is_group_noun(n.split()[-1].lower())), name)
            # ... nor is "it" after "who read the statement for Sadr": the thing the question names
            # (with the name it is for: "the statement for Sadr", not any statement)
            thing = next((m.group() + (f.group() if (f := _FOR_NAME.match(prev_q, m.end())) else "")
                          for m in _THE_THING.finditer(prev_q) if a_thing(m.group())), None)
            # ... or the thing of the kind asked for: "what economy depends on pilgrims" + "why has it suffered?"
            # (the economy, not "al-Sadr" of its answer's "The al-Sadr crisis")
            kind = _WHAT_KIND.match(prev_q)
            if not thing and kind and base_forms(kind.group(1).lower(), "n") and a_thing(f"the {kind.group(1)}"):
                thing = f"the {kind.group(1).lower()}"
            if person_like(name, f"{prev_q} {answer}") and thing:
                return q[:pm.start()] + (_owner(thing) if pm.group(1).lower() == "its" else thing) + q[pm.end():]
        # "what did the government say about it" after "did Sadr listen": "it" is not what the question names
        # itself (its answer's "The Iraqi government ..."); left as it is
        if pm.group(1).lower() in {"it", "its"} and re.search(rf"(?i)\b{re.escape(name.split()[-1])}\b", q):
            return q
        # "what did Sadr's spokesman say" + "who is he": the spokesman, not Sadr
        owned = owned_person(prev_q) if singular else None
        if owned and name in owned:
            name = owned
        # "what did the cleric agree to" + "what did he get in return": the cleric, not a body of people its
        # answer named ("Mahdi army"); a person it named is still the one ("... said Abu Faris, a militia commander")
        elif (singular and not asked and not person_like(name, f"{prev_q} {answer}")
              and (kind := person_asked(prev_q))):
            name = kind
        # "what did the prime minister call Sadr's order" + "why did he say that": the prime minister, its subject,
        # not a name after it
        elif (singular and asked and (kind := person_asked(prev_q))
              and all(prev_q.find(n) > prev_q.find(kind) + len(kind) for n in asked)):
            name = kind
        if singular and is_place(name, f"{prev_q} {answer}"):
            # "what happened in Basra" + "what did he do there": a person the answer names, not the place
            name = next((n for n in entities(answer) if person_like(n, f"{prev_q} {answer}")), name)
        # "who leads the Mahdi Army" + "where are its strongholds": "the Mahdi Army's", as the question wrote it (not
        # "the Sadr organization": there "the" is the organization's; a plural name modifies nothing: "the Sadrists
        # demand")
        if (not name.lower().startswith("the ")
                and re.search(rf"(?i)\bthe\s+{re.escape(name)}\b" + ("" if name.endswith("s") else r"(?!['\u2019]?\s*[a-z])"),
                              prev_q)):
            name = f"the {name}"
        repl = _owner(name) if pm.group(1).lower() in _POSSESSIVE and pm.group(1).lower() != "her" else name
        if pm.group(1).lower() == "her" and re.match(r"\s+[a-z]", q[pm.end():]):
            repl = _owner(name)  # "her statement" is possessive, "ask her" is not
        q = q[:pm.start()] + repl + q[pm.end():]
        # "what did he say about it" after "tell me about the Basra offensive": "it" is the thing asked about
        # (so after "they": "what happened with the warrant" + "why did they suspend it")
        later = re.search(r"\bit\b", q[pm.start() + len(repl):])
        if pm.group(1).lower() in _PEOPLE_PRONOUNS and later and topic and a_thing(topic):
            at = pm.start() + len(repl) + later.start()
            q = q[:at] + topic + q[at + 2:]
        # "why did he go there" -> "why did Maliki go to Basra": the place too
        there = _THERE.search(q)
        place = _place(prev_q, answer, topic) if there else None
        return _put_place(q, there, place) if place else q
    if not own:
        # No name of its own and no pronoun: the topic is the previous turn's ("How did the government
        # react?" after Sadr's demand). After "who negotiated (Najaf)?" that is still Najaf, not a name its
        # answer gave.
        # ... but a question naming the thing the previous one asked about is about it, not about a name that
        # question's answer gave ("tell me about the curfew" + "where else are there curfews": no "(Iraqi
        # authorities)")
        if not asked and topic and set(terms(topic)) & set(terms(q)):
            return q
        return _carry(q, prev_q, asked or names)
    return q


# "are they", "will they be", "they are": a pronoun that is the subject of a form of "be"
_BE = re.compile(r"(?i)\b(?:are|were)\s*$|^\s+(?:are|were|be|been|being|will\s+be|have\s+been)\b")


def _plural_of(topic: str, answer: str) -> str | None:
    """The topic in the plural ("the curfew" -> "the curfews") when it is a thing and the answer writes its
    plural, else None."""
    words = topic.split()
    if not a_thing(topic) or words[-1][:1].isupper():
        return None
    plural = words[-1] if words[-1].endswith("s") else f"{words[-1]}s"
    if not re.search(rf"(?i)\b{re.escape(plural)}\b", answer):
        return None
    return " ".join([*words[:-1], plural])


def _plural_name(name: str, text: str) -> bool:
    """A people named in the plural, one capitalised word ending in a lower-case "s" after "the" ("the Normans",
    "the Sadrists"; not "the US")."""
    return (" " not in name and name[:1].isupper() and name.endswith("s")
            and bool(re.search(rf"(?i)\bthe\s+{re.escape(name)}\b", text)))


def _carry(q: str, prev_q: str, names: list[str]) -> str:
    """q with the previous turn's topic (the first of `names`) carried over in brackets: added for retrieval,
    shown in the understood question, and dropped again when the question alone is answered better (ask)."""
    # "which article says that?", "what's the source?": about the answer just given, found by its own words (ask)
    if not names or about_answer(q):
        return q
    topic_name = names[0]
    # "why did the us agree to?" already says it ("US" typed in lower case)
    if re.search(rf"(?i)\b{re.escape(topic_name)}\b", q):
        return q
    # A place keeps its preposition ("how many died (in Basra)?" after "... the fighting in Basra"), so
    # that a "there" in the next follow-up still finds it (_place)
    at = next((m.group(0).split()[0].lower() for m in AT_PLACE.finditer(prev_q) if m.group(1) == topic_name), None)
    at = at if at in ("in", "at", "near", "inside", "outside", "around") else None  # not "(to Mahdi Army)"
    return f"{q.rstrip(' ?')} ({f'{at} ' if at else ''}{topic_name})?"
