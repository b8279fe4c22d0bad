"""The last of the rules putting a follow-up's pronoun as what it stands for (bot/pronouns.py): a name the previous
turn offers (its question's, or its answer's), chosen by the pronoun's person and number, or, with no pronoun and no
name of the follow-up's own, the previous turn's topic carried over (`put_name`). Also the pronoun sets and the
"there" both modules read.
"""

from __future__ import annotations

import re

from bot.answer import base_forms, is_group_noun
from bot.antecedents import carry_topic, object_answered, place_for_there, plural_name, possessive, put_place
from bot.names import answered_names, entities, is_place, people_word
from bot.referents import a_thing, owned_person, person_asked, person_like
from index.terms import terms

POSSESSIVE = {"his", "her", "hers", "their", "theirs", "its"}
PEOPLE_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs"}
# "there" standing for a place ("was there fighting *there*?", "what happened there"), not the "there" of
# "is there ..." / "there were ...".
THERE = re.compile(r"(?i)(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )\bthere\b"
                   r"(?!\s+(?:is|was|are|were|has|have|had|will|would|be|been|seems?|appears?)\b)"
                   r"|\bthere(?=\s*[?.!]*\s*$)")  # ... but "while he was there?" ends on the place
# "what economy depends on pilgrims": the kind of thing asked for (a noun, not "what is", "what did")
_WHAT_KIND = re.compile(r"(?i)^\s*(?:what|which)\s+([a-z][a-z\-]*)\s+(?!(?:is|was|are|were|did|does|do)\b)")
_THE_THING = re.compile(r"(?i)\bthe\s+[a-z][a-z\-]*")  # "the statement"
_FOR_NAME = re.compile(r"\s+(?:for|of|by|from|on\s+behalf\s+of)\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*")  # "... for Sadr"


def put_name(q: str, pm: re.Match | None, own: list[str], names: list[str], asked: list[str], prev_q: str, answer: str,
             topic: str | None) -> str:
    """q with the pronoun `pm` (None: none is left to resolve) put as the name it stands for, or, when q names
    nothing of its own (`own`), the previous turn's topic carried over; the last of resolve_pronoun's rules."""
    if pm and not own:
        # "he" / "she" is a person, not a people ("British troops ..." answers for "they", not for "he")
        singular = pm.group(1).lower() in {"he", "him", "his", "she", "her", "hers"}
        name = next((n for n in names if not (singular and people_word(n))), names[0])
        # "what did the Normans do in Sicily" + "who ruled it?": "it" is no people named in the plural ("the
        # Normans"), but the place
        if pm.group(1).lower() in {"it", "its"} and plural_name(name, prev_q):
            name = next((n for n in names if not plural_name(n, prev_q)), name)
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
                return q[:pm.start()] + (possessive(thing) if pm.group(1).lower() == "its" else thing) + q[pm.end():]
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
        # not a name after it, nor one modifying it ("what did the US spokesman say" + "when did he say it")
        elif (singular and asked and (kind := person_asked(prev_q))
              and all(prev_q.find(n) > prev_q.find(kind) + len(kind) or n in kind.split() for n in asked)):
            name = kind
        if singular and is_place(name, f"{prev_q} {answer}"):
            # "what happened in Basra" + "what did he do there": a person the answer names, not the place
            name = next((n for n in entities(answer) if person_like(n, f"{prev_q} {answer}")), name)
        # ... and with no person named at all ("was there a deadline" + "did he extend it", its answer "He originally
        # gave the militants until Friday ... in the Shi'ite holy city of Najaf"), "he" is left as it is: never a
        # place or a people's word
        if singular and (is_place(name, f"{prev_q} {answer}") or people_word(name)):
            return q
        # ... and "they" is never one person ("who's in charge in Najaf" + "what do they want", its answer naming Dan
        # Senor alone, was "what do Dan Senor want"): a body or a people it names, else left as it is
        if pm.group(1).lower() in {"they", "them", "their", "theirs"} and _one_person(name, f"{prev_q} {answer}"):
            name = next((n for n in names if not _one_person(n, f"{prev_q} {answer}")), None)
            if name is None:
                return q
        # "who leads the Mahdi Army" + "where are its strongholds": "the Mahdi Army's", as the question wrote it (not
        # "the Sadr organization": there "the" is the organization's; a plural name modifies nothing: "the Sadrists
        # demand")
        if (not name.lower().startswith("the ")
                and re.search(rf"(?i)\bthe\s+{re.escape(name)}\b" + ("" if name.endswith("s") else r"(?!['\u2019]?\s*[a-z])"),
                              prev_q)):
            name = f"the {name}"
        repl = possessive(name) if pm.group(1).lower() in POSSESSIVE and pm.group(1).lower() != "her" else name
        if pm.group(1).lower() == "her" and re.match(r"\s+[a-z]", q[pm.end():]):
            repl = possessive(name)  # "her statement" is possessive, "ask her" is not
        q = q[:pm.start()] + repl + q[pm.end():]
        # "what did he say about it" after "tell me about the Basra offensive": "it" is the thing asked about
        # (so after "they": "what happened with the warrant" + "why did they suspend it")
        later = re.search(r"\bit\b", q[pm.start() + len(repl):])
        if pm.group(1).lower() in PEOPLE_PRONOUNS and later and topic and a_thing(topic):
            at = pm.start() + len(repl) + later.start()
            q = q[:at] + topic + q[at + 2:]
        # "what did Sadr renew" + "when did he first order it": a later "it" is the thing its answer says he did it to
        # ("... renewed a cease-fire ...")
        elif pm.group(1).lower() in PEOPLE_PRONOUNS and later and (done := object_answered(prev_q, answer)):
            at = pm.start() + len(repl) + later.start()
            q = q[:at] + re.sub(rf"^{re.escape(possessive(name))}\s", "the ", done) + q[at + 2:]
        # "who leads the Mahdi Army" + "what did he order it to do" / "what did he tell them": a later "it" / "them"
        # is the body of people the question asked about, whose leader "he" was put as
        elif pm.group(1).lower() in {"he", "she"} and (body := next(
                (n for n in asked if n != name and is_group_noun(n.split()[-1].lower())), None)):
            # (an object: not the subject of a clause, "did he say it was over")
            other = re.search(r"\b(?:it|them)\b(?!\s+(?:is|was|are|were|has|had|will|would|can|could|did|does|do)\b)",
                              q[pm.start() + len(repl):])
            if other:
                at = pm.start() + len(repl) + other.start()
                the = "the " if re.search(rf"(?i)\bthe\s+{re.escape(body)}\b", prev_q) else ""
                q = q[:at] + the + body + q[at + len(other.group()):]
        # "why did he go there" -> "why did Maliki go to Basra": the place too
        there = THERE.search(q)
        place = place_for_there(prev_q, answer, topic) if there else None
        return put_place(q, there, place) if place else q
    if not own:
        # No name of its own and no pronoun: the topic is the previous turn's ("How did the government
        # react?" after Sadr's demand). After "who negotiated (Najaf)?" that is still Najaf, not a name its
        # answer gave.
        # ... but a question naming the thing the previous one asked about is about it, not about a name that
        # question's answer gave ("tell me about the curfew" + "where else are there curfews": no "(Iraqi
        # authorities)")
        if not asked and topic and set(terms(topic)) & set(terms(q)):
            return q
        return carry_topic(q, prev_q, asked or names)
    return q


def _one_person(name: str, text: str) -> bool:
    """A name of one person ("Dan Senor"), not a body or a people ("the Mahdi Army", "British troops", "Sadrists")?"""
    return (person_like(name, text) and not people_word(name) and not is_group_noun(name.split()[-1].lower())
            and not name.endswith("s"))
