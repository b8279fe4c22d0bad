"""What the previous turn offers a follow-up's pronoun or "there", read off its question and answer without an
LLM: the act it asked about ("Sadr's order"), the thing its answer newly named, the noun phrase it ends on, the
body of people whose name it asked, the place "there" stands for; a name's possessive; and the previous turn's
topic carried over to a follow-up that names none (`carry_topic`). Used by bot/pronouns.py and bot/rewrite.py.
"""

from __future__ import annotations

import re

from bot.answer import (about_answer, asks_overview, base_forms, is_group_noun, is_proper_noun, named_thing,
                        split_subject)
from bot.names import AT_PLACE, QUOTED, entities, is_place, people_word
from bot.referents import NAME_ASKED, a_thing, thing_asked
from index.terms import terms

_PRONOUNS_ALL = {"he", "she", "they", "it", "we", "you", "i"}
WHO = re.compile(r"^\s*(who|whom)\b", re.I)


# A verb of going just before "there": "there" is where to, not where ("who went there" -> "went to Basra")
_MOTION = re.compile(r"(?i)\b(?:go|goes|going|gone|went|come|comes|came|travel(?:l?ed)?|sent|send|moved?|headed|"
                     r"returned|return|fled|flee|flew|fly|rushed|drove|marched)\s+$")


# Verbs whose noun says nothing of the act ("Sadr's say", "Sadr's want"): "it" after them is left alone.
_NO_ACT_NOUN = frozenset("say tell do think mean want get know see have make take go come give".split())


# "what did the US say": what someone said, which "it" after it is (not a thing the question ends on)
_WHAT_SAID = re.compile(r"(?i)^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+.+?\s+"
                        r"(?:say|said|tell|told|announce|announced|claim|claimed|state|stated|report|reported|write|"
                        r"wrote)\W*$")


def possessive(name: str) -> str:
    """The possessive of a name put for "their" / "its": "the Sadrists'", "the Mahdi Army's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def what_was_said(prev_q: str) -> bool:
    """Is "it" after `prev_q` what someone said ("what did the US say" + "where was it said")? Not when a thing
    "says" ("what does the truce say" + "who agreed to it" is the truce)."""
    if not _WHAT_SAID.match(prev_q):
        return False
    said_by = thing_asked(prev_q)
    return not said_by or is_group_noun(said_by.split()[-1].lower())


def act_noun(prev_q: str) -> str | None:
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


# Nouns that measure or sort what follows "of" ("a number of", "a kind of"): what they are of is the thing
_MEASURE_NOUNS = frozenset("number lot lots series kind sort type part couple group piece bit total handful range variety "
                           "set pair host string list".split())


def object_answered(prev_q: str, answer: str) -> str | None:
    """"What did he read?" answered "... read a statement on behalf of Sadr ...": "the statement", the thing the
    answer newly names (after "a" / "an") as the object of the verb asked about; None otherwise."""
    m = re.match(r"(?i)\s*what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+([a-z]+)\s*\??\s*$", prev_q)
    base = next(iter(base_forms(m.group(2).lower(), "v")), None) if m else None
    if not base:
        return None
    # (not one whose meaning is in its complement: "ordering an end to the fighting", "a number of ..."; "threatening a
    # campaign of "civil disobedience"" is a campaign)
    # (a noun may be hyphenated: "renewed a cease-fire")
    for v in re.finditer(r"\b([a-z]+)\s+(?:an?)\s+([a-z]+(?:-[a-z]+)*)\b(?!\s+(?:to|for)\b)(?P<of>\s+of\b)?", answer):
        if v.group("of") and v.group(2).lower() in _MEASURE_NOUNS:
            continue
        if base in base_forms(v.group(1), "v") and base_forms(v.group(2), "n"):
            # ... the one the question's subject did ("what did Sadr's spokesman read": "Sadr's spokesman's
            # statement", not any statement: "The prime minister issued a statement ...")
            doer = m.group(1).strip()
            if doer.lower() not in _PRONOUNS_ALL and entities(doer):
                return f"{possessive(doer)} {v.group(2)}"
            return f"the {v.group(2)}"
    return None


def object_of_same_act(q: str, pm: re.Match, prev_q: str, answer: str) -> str | None:
    """"what did the government welcome" + "who welcomed it?": "it" right after the verb the previous question asked
    the object of is that object, as the answer gives it ("The government has welcomed the move" -> "the move"),
    not the previous question's subject; None otherwise."""
    m = re.match(r"(?i)\s*what\s+(?:did|does|do|has|have|had)\s+.+?\s+([a-z]+)\s*\??\s*$", prev_q)
    before = re.search(r"(?i)\b([a-z]+)\s+$", q[:pm.start()])
    bases = set(base_forms(m.group(1).lower(), "v")) if m else set()
    if not bases or not before or pm.group(1).lower() not in ("it", "them") or not (
            set(base_forms(before.group(1).lower(), "v")) & bases):
        return None
    for v in re.finditer(r"\b([a-z]+)\s+((?:the|an?|his|her|its|their)\s+(?:[a-z][\w'\-]*\s+){0,2}?[a-z][\w'\-]*)"
                         r"(?=\s*(?:[.,;:]|$|\s+(?:to|of|for|in|on|at|by|with|from|and|as|after|before)\b))", answer):
        if set(base_forms(v.group(1), "v")) & bases:
            return re.sub(r"(?i)^an?\s", "the ", v.group(2))
    return None


def put_place(q: str, there: re.Match, place: str) -> str:
    """"who went there" -> "who went to Basra"; "what happened there" -> "what happened in Basra"."""
    prep = "to" if _MOTION.search(q[:there.start()]) else "in"
    return q[:there.start()] + f"{prep} {place}" + q[there.end():]


# "the siege", "the Najaf siege", "the green zone"; a name's: "Sadr's move"
_LAST_THING = re.compile(r"\b(the\s+(?:[A-Z][\w\-]*\s+)?[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?"
                         r"|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*['\u2019]s\s+[a-z][a-z\-]*)\s*\??\s*$")


def phrase_ended_on(prev_q: str) -> str | None:
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


_LEADS = re.compile(r"(?i)^\s*(?:and\s+)?what\s+(?:group\s+|militia\s+|army\s+|movement\s+)?(?:does|did|do)\s+.+?\s+"
                    r"(?:lead|command|head|run|control)\b")


def body_named(prev_q: str, answer: str) -> str | None:
    """The body of people whose name the previous question asked ("what's Sadr's militia called"), as its answer
    names it ("the Mahdi Army"); None for any other question."""
    owner = NAME_ASKED.match(prev_q)  # (the body's name asked of its owner)
    head = named_thing(prev_q) or (owner.group(1).split()[-1] if owner else None)
    # ... or asked as what someone leads ("what does Sadr lead" + "where are they strong": the Mehdi Army the
    # answer names, not Sadr)
    if not _LEADS.match(prev_q) and (not head or not is_group_noun(head.lower())):
        return None
    body = next((n for n in entities(answer) if is_group_noun(n.split()[-1].lower())), None)
    if body and re.search(rf"(?i)\bthe\s+{re.escape(body)}\b", answer):
        body = f"the {body}"
    return body


# "did they agree?", "will he comply": a subject pronoun, then (an auxiliary or adverb and) a verb of answering a
# request
_RESPONDS = re.compile(r"(?i)\b(?P<pronoun>he|she|they)\s+(?:(?:ever|already|actually|really|finally|not|never)\s+)?"
                       r"(?:agree|agreed|accept|accepted|refuse|refused|comply|complied|respond|responded|reply|replied|"
                       r"give\s+in|gave\s+in|go\s+along|went\s+along|do\s+it|did\s+it|do\s+that|did\s+that|"
                       # ... or of granting it: "did they give it to him", "will they grant it"
                       r"give\s+(?:it|that|them|him|her)|gave\s+(?:it|that|them|him|her)|grant|granted|"
                       r"meet|met|fulfil|fulfill|fulfilled)\b")
# "... he asked the government to release ...": a verb of requesting, the one asked (a determiner, capitalised
# words, a noun), then "to" and a verb
_ASKED_TO = re.compile(r"\b(?i:ask(?:s|ed|ing)?|urg(?:es|ed|ing|e)|press(?:es|ed|ing)?|push(?:es|ed|ing)?|"
                       r"call(?:s|ed|ing)?\s+on|told|tell(?:s|ing)?|demand(?:s|ed|ing)?\s+that)\s+"
                       r"(?P<asked>(?:(?i:the|his|her|their|its)\s+)?(?:[A-Z][\w'\-]*\s+)*[a-z][\w'\-]*|"
                       r"(?:[A-Z][\w'\-]*\s+)*[A-Z][\w'\-]*)\s+to\s+[a-z]+")


def addressee(q: str, answer: str) -> tuple[re.Match, str] | None:
    """For "did they agree?" after an answer telling of a request ("In exchange, he asked the government to
    release ..."): (the pronoun's match, the one asked: "the government"), who would agree or refuse; else None.
    "they" is a body of people as often as a plural ("the government"), so the noun's number is not checked."""
    responds = _RESPONDS.search(q)
    asked = _ASKED_TO.search(answer) if responds else None
    if not asked or asked.group("asked").lower() in _PRONOUNS_ALL | {"him", "her", "them", "us", "me"}:
        return None
    return responds, asked.group("asked")


_WHERE_IS = re.compile(r"(?i)^\W*where(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(.+?)[\s?.!]*$")


def place_for_there(prev_q: str, answer: str, topic: str | None) -> str | None:
    """The place "there" stands for: one the previous question names after a preposition of place ("what
    happened in Basra"), else one its answer does ("Maliki went to Basra"), else the topic it asked about
    ("what is Sadr City"); None when there is none."""
    # "where is Kut" + "what happened there": the place asked where it is (the answer writing it as a place: "where is
    # Sadr" asks where a man is, which the answer's place is)
    where = _WHERE_IS.match(prev_q)
    if where and (name := next(iter(entities(where.group(1))), None)) and not people_word(name) and is_place(
            name, QUOTED.sub(" ", answer)):
        return name
    for text in (prev_q, QUOTED.sub(" ", answer)):
        for m in AT_PLACE.finditer(text):
            name = next(iter(entities(m.group(1))), None)
            if name and not people_word(name):
                return name
    return topic if topic and entities(topic) else None


def plural_of(topic: str, answer: str) -> str | None:
    """The topic in the plural ("the curfew" -> "the curfews") when it is a thing and the answer writes its
    plural, else None."""
    words = topic.split()
    if not a_thing(topic) or words[-1][:1].isupper():
        return None
    plural = words[-1] if words[-1].endswith("s") else f"{words[-1]}s"
    if not re.search(rf"(?i)\b{re.escape(plural)}\b", answer):
        return None
    return " ".join([*words[:-1], plural])


def plural_name(name: str, text: str) -> bool:
    """A people named in the plural, one capitalised word ending in a lower-case "s" after "the" ("the Normans",
    "the Sadrists"; not "the US")."""
    return (" " not in name and name[:1].isupper() and name.endswith("s")
            and bool(re.search(rf"(?i)\bthe\s+{re.escape(name)}\b", text)))


def carry_topic(q: str, prev_q: str, names: list[str]) -> str:
    """q with the previous turn's topic (the first of `names`) carried over in brackets: added for retrieval,
    shown in the understood question, and dropped again when the question alone is answered better (ask)."""
    # "which article says that?", "what's the source?": about the answer just given, found by its own words (ask)
    if not names or about_answer(q):
        return q
    # "what's the story" + "any casualties": the archive as a whole was asked about; the names its leads gave are no
    # topic (was "how many were killed (US)?")
    if asks_overview(prev_q):
        return q
    # "anything about iran?" after a question about Najaf: a name of its own, typed in lower case (one the articles
    # do not write, or normalize would have capitalised it), is its topic (was "anything about iran (Najaf)?")
    if any(is_proper_noun(w) for w in re.findall(r"\b[a-z]{3,}\b", q)):
        return q
    # "why the name "Charge of the Knights"?": a quoted phrase is a topic of its own
    if re.search(r'["\u201c][^"\u201d]{2,}["\u201d]', q):
        return q
    topic_name = names[0]
    # "why did the us agree to?" already says it ("US" typed in lower case)
    if re.search(rf"(?i)\b{re.escape(topic_name)}\b", q):
        return q
    # A place keeps its preposition ("how many died (in Basra)?" after "... the fighting in Basra"), so
    # that a "there" in the next follow-up still finds it (place_for_there)
    at = next((m.group(0).split()[0].lower() for m in AT_PLACE.finditer(prev_q) if m.group(1) == topic_name), None)
    at = at if at in ("in", "at", "near", "inside", "outside", "around") else None  # not "(to Mahdi Army)"
    return f"{q.rstrip(' ?')} ({f'{at} ' if at else ''}{topic_name})?"


# "did it obey?", "has it complied?": "it" doing what it was told
_OBEYS = re.compile(r"(?i)\bit\s+(?:(?:ever|actually|really|finally|not|never)\s+)?(?:obey(?:ed)?|compl(?:y|ied)|listen(?:ed)?|"
                    r"heed(?:ed)?|refuse[sd]?|disobey(?:ed)?|go\s+along|went\s+along)\b")


def obeying_body(q: str, prev_q: str, answer: str) -> str | None:
    """For "did it obey?" after "what did Sadr order the Mahdi Army to do": the body of people the question names
    ("the Mahdi Army"), or, naming none, the one its answer does ("... ordering his militia, the Mahdi Army, to stop
    ..."); never the one giving the order ("what did the government tell ..."). None for any other question."""
    if not _OBEYS.search(q):
        return None
    parts = split_subject(f"{prev_q.rstrip(' ?')}?")
    giver = set(terms(parts[1])) if parts else set()
    body = next((n for n in [*entities(prev_q), *entities(QUOTED.sub(" ", answer))]
                 if is_group_noun(n.split()[-1].lower()) and not set(terms(n)) & giver), None)
    if body is None:
        return None
    return f"the {body}" if re.search(rf"(?i)\bthe\s+{re.escape(body)}\b", f"{prev_q} {answer}") else body
