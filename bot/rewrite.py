"""Follow-up -> standalone question, without an LLM.

A follow-up leans on the previous turn: a pronoun ("What did *he* say ...?"), or an ellipsis ("And in
Najaf?", "What about the curfew?"). We take the entities of the previous turn (the proper names of its
standalone question first, then of its answer) and substitute the first pronoun, or graft the
ellipsis onto the previous question. A bare follow-up ("why?", "tell me more", "really?") is bot/bare.py's;
the rules putting what a pronoun stands for are bot/pronouns.py's (what the previous turn offers them:
bot/antecedents.py, bot/referents.py, bot/names.py); the grafting is bot/graft.py's.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from bot.answer import about_answer, asks_next, base_forms, broad_topic, is_smalltalk
from bot.antecedents import WHO, carry_topic, possessive
from bot.bare import rewrite_bare
from bot.demonstratives import demonstrative_as_it
from bot.graft import dated, graft
from bot.names import answered_names, entities, people_word, split_run
from bot.pronouns import resolve_pronoun
from bot.referents import a_thing, named_subject, person_like, plural_noun, thing_asked

_ELLIPSIS = re.compile(r"^\s*(and what about|and how about|what about|how about|what of|and)\b[\s,]*", re.I)
# After "and": a question of its own ("and what did the government say?"), not an ellipsis ("and in Najaf?").
_OWN_QUESTION = re.compile(r"(?i)(?:then|so|now)\s+(?:what|who|where|when|why|how)\s+\S+"  # "and then what happened"
                           r"|(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|"
                           r"has|have|had|can|could|will|would)\s+\S+\s+\S+"
                           # ... "and what's the Mahdi Army's story" (was "what did Maliki do about what's ...")
                           r"|(?:what|who|when|where|why|how)['\u2019]s\s+\S+\s+\S+")
_WHO_OF_HIM = re.compile(r"(?i)^\W*(?:and\s+)?who(?:m)?\s+(?:\w+\s+){0,2}?(?:him|her|them)\b")
# "the guy", "this man", "that person": someone the turn before named (not "the man who read it": said who)
_PLACEHOLDER = re.compile(r"(?i)\b(?:the|this|that)\s+(?:guy|man|dude|fella|fellow|chap|bloke|gentleman|person)\b"
                          r"(?!\s+(?:who|whom|that|which|with|from|in|at|of)\b)")
# ... as a subject: opening the question, after a question word or an auxiliary
_SUBJECT_SLOT = re.compile(r"(?i)(?:^|\b(?:what|who|where|when|why|how|did|does|do|is|was|has|had|will|would|can|"
                           r"could)\s+)\s*$")


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
        if WHO.match(prev_q) else None
    if WHO.match(prev_q) and topic and re.match(r"(?i:the\s+)?[A-Z]", topic) and "(" not in topic and entities(topic):
        names = [topic]
    elif written:
        names = [written]
    elif WHO.match(prev_q) and (subject := named_subject(prev_q)):
        # "who does Dan Senor work for?" asks about Dan Senor (its subject): "he" is still he
        names = [subject]
    elif WHO.match(prev_q) and _WHO_OF_HIM.match(q) and any(person_like(n, prev_q) for n in entities(prev_q)):
        # "who supports Sadr" + "who opposes him?": another who-question of the one asked about
        names = entities(prev_q)
    elif WHO.match(prev_q):
        names = answered_names(prev_q, answer) or entities(prev_q)
    else:
        names = asked or [n for n in entities(answer) if not people_word(n)]
    # A bare question word, "why not?", "where else?", "tell me more", "really?" (bot/bare.py)
    rewritten = rewrite_bare(q, prev_q, answer, topic, names)
    if rewritten is not None:
        return rewritten
    m = _ELLIPSIS.match(q)
    # "And what did the government say?": a question of its own after "and", no ellipsis.
    if m and _OWN_QUESTION.match(q[m.end():]):
        q = q[m.end():]
        m = None
    # "and after that?": what came after the previous answer (bot/answer/followup.asks_next), no ellipsis
    if m and asks_next(q):
        m = None
    # "sadr" + "what about him?": more on the one the turn before was about (was "Sadr him?")
    if m and re.fullmatch(r"(?i)(?:him|her|them|it|that|this|he|she|they)\s*\??\s*", q[m.end():]) and (topic or names):
        return f"tell me more about {topic or names[0]}"
    if m and len(q[m.end():].split()) <= 6:
        rest = _one_of_thing(q[m.end():].rstrip(" ?"), prev_q)  # ("and the first one": the first step)
        # ("what are the three steps" + "and the second?": what that one of them is)
        if rest != q[m.end():].rstrip(" ?") and _WHAT_ARE.match(prev_q):
            return f"what is {rest}?"
        grafted = graft(prev_q.rstrip(" ?"), rest, answer) if rest else prev_q.rstrip(" ?")
        # "what did Sadr order" + "and his spokesman?": the spokesman of the person the question asked about ("what
        # did Sadr's spokesman order?", was "what did his spokesman order?")
        owner = _HIS.match(rest) and next((n for n in names if person_like(n, f"{prev_q} {answer}")), None)
        if grafted and owner and rest in grafted:
            at = grafted.index(rest)
            grafted = f"{grafted[:at]}{possessive(owner)} {rest[_HIS.match(rest).end():]}{grafted[at + len(rest):]}"
        # ... else the thing asked about, in the previous turn's topic: "what about the economy (in Najaf)?"
        if grafted:
            return f"{grafted}?"
        # (after "tell me about the truce", a thing named in no name: the truce, not the first name its answer gave)
        held = asked or ([topic] if topic and a_thing(topic) and not entities(topic) else names)
        return carry_topic(f"what about {rest}", prev_q, held) if held else f"{prev_q.rstrip(' ?')} {rest}?"
    # "what did the guy say": a word for someone, with no more said of him, is "he" (or "him": "who hired the guy")
    q = _PLACEHOLDER.sub(lambda m: "he" if _SUBJECT_SLOT.search(q[:m.start()]) else "him", q)
    q = _one_of_thing(q, prev_q)
    q = _the_name(q, prev_q, answer)
    q = demonstrative_as_it(q)  # "when did that start": "that" alone is "it"
    # A pronoun or "there" put as what it stands for, else the topic carried over (bot/pronouns.py)
    return resolve_pronoun(q, prev_q, answer, topic, asked, names)


# "his spokesman", "her aide": someone's, in a fragment
_HIS = re.compile(r"(?i)(?:his|her)\s+(?=[a-z])")
# "why was there one", "is there one in Kut": "one" after "there" and a form of "be" is one of a thing
_THERE_ONE = re.compile(r"(?i)\b(?:(?:is|was|are|were)\s+there|there\s+(?:is|was|will\s+be))\s+(one)\b(?!\s+of\b)")


# "which ones", "what ones": of things asked about before
_WHICH_ONES = re.compile(r"(?i)\b(?:which|what)\s+(ones)\b(?!\s+of\b)")
# "the second one", "the other one", "the last one": another of the same kind of thing
_ORDINAL_ONE = re.compile(r"(?i)\bthe\s+(?:first|second|third|fourth|fifth|last|next|previous|final|other|same|"
                          r"earlier|later|new|old)\s+(one)\b(?!\s+of\b)")


# "what is the first?", "and the second": an ordinal ending the question, its noun left out
_ORDINAL_END = re.compile(r"(?i)\bthe\s+(?:first|second|third|fourth|fifth)(?=\s*[?.!]*\s*$)")
# "what are the three steps": things asked for in the plural
_WHAT_ARE = re.compile(r"(?i)^\W*(?:(?:and|so)\s+)?what\s+(?:are|were)\s+(?:the\s+)?(?:[a-z]+\s+)?([a-z]+s)\W*$")


def _one_of_thing(q: str, prev_q: str) -> str:
    """"what's happening to the warrant" + "why was there one?" -> "why was there a warrant?": "one" of the thing the
    previous question asked about (bot/referents.thing_asked); q unchanged otherwise.
    ... "what is the third step" + "what is the second one?" -> "what is the second step?": its head noun."""
    # "mahdi army strongholds" + "which ones were hit?" -> "which strongholds were hit?": the things the previous
    # question named in the plural
    ones = _WHICH_ONES.search(q)
    things = plural_noun(prev_q) if ones else None
    if things:
        return f"{q[:ones.start(1)]}{things}{q[ones.end(1):]}"
    ordinal = _ORDINAL_ONE.search(q)
    head = thing_asked(prev_q) if ordinal else None
    if head and a_thing(head) and re.fullmatch(r"[a-z][a-z\-]*", head.split()[-1]):
        return f"{q[:ordinal.start(1)]}{head.split()[-1]}{q[ordinal.end(1):]}"
    # ... "what are the three steps" + "what is the first?" -> "what is the first step?": the things' noun, after it
    bare = _ORDINAL_END.search(q)
    things = _WHAT_ARE.match(prev_q) if bare else None
    one = next((b for b in base_forms(things.group(1).lower(), "n") if b != things.group(1).lower()), None) if things else None
    if one:
        return f"{q[:bare.end()]} {one}{q[bare.end():]}"
    one = _THERE_ONE.search(q)
    thing = thing_asked(prev_q) if one else None
    if not thing or not a_thing(thing):
        return q
    noun = re.sub(r"(?i)^(?:the|a|an)\s+", "", thing)
    if not re.fullmatch(r"[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}", noun):  # (no possessive, no name)
        return q
    article = "an" if noun[0] in "aeiou" else "a"
    return f"{q[:one.start(1)]}{article} {noun}{q[one.end(1):]}"


# A question asking for a name: "what's the operation called", "what was it dubbed", "what is the name of the shrine"
_ASKS_NAME = re.compile(r"(?i)\b(?:called|named|dubbed|nicknamed|known\s+as|the\s+name\s+of|"
                        r"(?:its|his|her|their)\s+name)\b")
# ... and the name an answer gives: quoted after a word of naming ("dubbed "Charge of the Knights."")
_NAME_GIVEN = re.compile(r"\b(?:called|named|dubbed|nicknamed|known\s+as)\s+[\"“]([^\"”]{2,60}?)[,.;:]?[\"”]")
# The name, in a follow-up: "why that name", "what does the name mean", "why is it called that"
_THAT_NAME = re.compile(r"(?i)\b(?:(?:that|this|the)\s+name|(?<=called|dubbed)\s+that|(?<=named)\s+that)\b(?!\s+of\b)")


def _the_name(q: str, prev_q: str, answer: str) -> str:
    """"what's the operation called" + "why that name?" -> "why the name "Charge of the Knights"?": the name the
    answer gave for what was asked to be named; q unchanged otherwise."""
    given = _NAME_GIVEN.search(answer) if _ASKS_NAME.search(prev_q) else None
    m = _THAT_NAME.search(q) if given else None
    if not m:
        return q
    name = given.group(1).strip()
    put = f' "{name}"' if m.group().startswith(" ") else f'the name "{name}"'
    return f"{q[:m.start()]}{put}{q[m.end():]}"
