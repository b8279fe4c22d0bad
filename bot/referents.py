"""Who and what a follow-up's pronoun can stand for: the people, places and things a previous question asked
about, read without an LLM (bot/rewrite.py uses them; the names themselves, `entities`, are bot/names.py's)."""

from __future__ import annotations

import re

from bot.answer import (base_forms, common_words, is_group_noun, is_participle, is_person_first, is_person_noun,
                        is_place_noun, split_subject)
from bot.names import QUOTED, entities, is_place, people_word
from index.terms import stopwords


def plural_noun(question: str, people: bool = False) -> str | None:
    """The first plural common noun of a question ("troops"), for "they" / "them"; `people`: the first naming
    a kind of person or a body of people ("protesters")."""
    sw = stopwords()
    # (an irregular plural too: "militiamen", "women", "children"; a base form other than the word tells it)
    for w in re.findall(r"\b[a-z][a-z'\-]+(?:s|men|ren)\b", QUOTED.sub(" ", question), re.I):
        bases = [b for b in base_forms(w.lower(), "n") if b != w.lower()]
        if w.lower() not in sw and bases and (not people or any(is_person_noun(b) or is_group_noun(b) for b in bases)):
            return w.lower()
    return None


def undergoing(answer: str, prev_q: str) -> str | None:
    """The plural noun the answer says underwent the act of the previous question's participle ("how many were
    killed" + "Iraqi officials say at least 12 people have been killed" -> "people"), else None."""
    acts = [w for w in re.findall(r"\b[a-z]+\b", prev_q) if is_participle(w)]
    if not acts:
        return None
    # (as it goes on too: "Overnight curfews were being imposed ...")
    m = re.search(rf"\b([a-z][a-z'\-]+)\s+(?:(?:have|has|had)\s+been|(?:were|are|was|is)(?:\s+being)?|been)\s+(?:[a-z]+ly\s+)?"
                  rf"{re.escape(acts[-1])}\b", QUOTED.sub(" ", answer))
    # a noun in the plural, or one that is a plural of its own ("people")
    return m.group(1) if m and m.group(1) not in stopwords() and base_forms(m.group(1), "n") else None


def person_like(name: str, text: str) -> bool:
    """Can "he" / "she" be this name: no place, no people's word, and a name ending in a word of no common
    English ("Sadr", "Prime Minister Nouri Al-Maliki"; not "Heavy" opening a sentence, nor a body of people:
    "Iraqi troops", "the Mahdi Army")?"""
    if is_place(name, text) or people_word(name):
        return False
    parts = re.findall(r"[A-Za-z][\w'\-]*", name)
    return bool(parts) and parts[-1].lower() not in common_words()


_PREPOSITION = r"(?:for|in|on|at|with|from|by|between|after|before|during|over|since|until)"
_WHAT_IS = re.compile(r"(?i)^\s*(?:what|where|how(?:\s+[a-z]+)?)(?:'s|\s+is|\s+was)\s+((?:a|an|the)\s+[a-z][a-z\-]*"
                      # ("what's the Mahdi Army's grip on Najaf": the grip)
                      rf"(?:\s+(?!{_PREPOSITION}\b)[a-z][a-z\-]*(?:['\u2019]s(?=\s+[a-z]))?){{0,2}}?"
                      r"(?:\s+of\s+(?:the\s+)?[a-z][a-z\-]*)?)"  # "what is the charge of the knights"
                      r"(?:\s+(?:about|like|called|named))?"  # "what was the truce about": the truce
                      # "what was the deadline for handing in weapons": the deadline ("what is the curfew for": not
                      # "the curfew for")
                      rf"(?:\s+{_PREPOSITION}\b[^?]*?)?\s*\??\s*$")


def owned_person(prev_q: str) -> str | None:
    """The previous question's subject when it is a person named by another's name ("Sadr's spokesman",
    "Maliki's aide"), for "he" / "she"; None otherwise."""
    # ... or whose name it asked ("what's Sadr's aide's name" + "what else did he say": the aide)
    named = NAME_ASKED.match(prev_q)
    parts = split_subject(prev_q.rstrip(" ?") + "?")
    subject = named.group(1) if named else parts[1] if parts else ""
    m = re.fullmatch(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*['\u2019]s\s+([a-z]+)", subject)
    return subject if m and is_person_noun(m.group(1)) else None


# "what's the militia's name", "what's Sadr's aide's name": a name asked of its owner (named_thing reads "what's Sadr's
# militia called", "what is the name of the militia")
NAME_ASKED = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+was|\s+are)\s+(.+?)['\u2019]s\s+name\s*\??\s*$")


def person_asked(prev_q: str) -> str | None:
    """The previous question's subject when it is one person named by a common noun ("the cleric", "the
    militia commander", "the US spokesman"), for "he" / "she"; None otherwise."""
    parts = split_subject(prev_q.rstrip(" ?") + "?")
    # (a name may modify it: "the US spokesman" is no "US")
    m = re.fullmatch(r"(?i:the)\s+(?:[A-Za-z][\w\-]*\s+){0,2}([a-z][a-z\-]*)", parts[1]) if parts else None
    return parts[1] if m and is_person_noun(m.group(1)) and not m.group(1).endswith("s") else None


_FRAME_NOUNS = frozenset("deal story situation latest news matter thing problem issue update status state".split())


def thing_asked(prev_q: str) -> str | None:
    """"What does the truce say?" -> "the truce", "what is a reduction" -> "a reduction": the previous
    question's subject (or the thing it asks to define) when it is a thing "it" can stand for (a common noun
    after "the" / "a" / "an", one, not a kind of person: not "the cleric", "the troops"); None otherwise."""
    # "Basra offensive", "Basra death toll", "Sadr ceasefire august" typed alone: the thing it names (a closing
    # month or day only dates it)
    typed = _CLOSING_DATE.sub("", prev_q.strip(" ?"))
    bare = _BARE_THING.fullmatch(typed)
    # (its words no stop words, the last a noun, or a word WordNet does not know: "ceasefire")
    said = bare.group(2).split() if bare else []
    if said and not set(said) & stopwords() and (base_forms(said[-1], "n") or not (
            base_forms(said[-1], "v") or base_forms(said[-1], "a"))):
        thing = typed if bare.group(1) else f"the {typed}"
        return thing if a_thing(thing) else None
    # ... and "truce Najaf", "fighting in Basra": the thing, then the name it is of ("the Najaf truce", "the fighting in
    # Basra"; was "Najaf", the name, taken for "it")
    named = _THING_NAMED.fullmatch(typed)
    said = named.group("thing").split() if named else []
    if said and not set(said) & stopwords() and (base_forms(said[-1], "n") or not (
            base_forms(said[-1], "v") or base_forms(said[-1], "a"))):
        of = named.group("of")
        thing = (f"the {' '.join(said)} {of} {named.group('name')}" if of
                 else f"the {named.group('name')} {' '.join(said)}")
        return thing if a_thing(thing) else None
    parts = split_subject(prev_q.rstrip(" ?") + "?")
    # (a passive first: "how long was the deadline extended" asks of the deadline, not "the deadline extended")
    defined = (_WH_PASSIVE.match(prev_q) or _WHAT_IS.match(prev_q) or _IS_THERE.match(prev_q)
               or _HAPPENED_TO.match(prev_q) or _IS_IT.match(prev_q) or _WHAT_NOUN.match(prev_q))
    if not parts and not defined:
        return None
    subject = defined.group(1) if defined and defined.re in (_WH_PASSIVE, _WHAT_NOUN) else parts[1] if parts \
        else defined.group(1)
    if defined and defined.re is _WHAT_NOUN:
        # (a body of people or a place of that kind is the one the answer names: "what militia does Sadr lead"
        # + "where are its strongholds" are the Mehdi Army's)
        noun = subject.lower()
        if is_group_noun(noun) or is_place_noun(noun) or is_person_noun(noun):
            return None
        subject = f"the {subject}"
    # "what's the deal with the truce", "what's the status of the truce": the deal, the status are the frame; the
    # thing asked about follows it ("the truce")
    if defined and defined.re is _WHAT_IS and subject.split()[1].lower() in _FRAME_NOUNS:
        framed = re.match(r"(?i)\S+\s+\S+\s+of\s+(.+)$", subject)
        if framed:
            subject = framed.group(1) if framed.group(1).lower().startswith(("the ", "a ", "an ")) \
                else f"the {framed.group(1)}"
        elif prev_q[defined.end(1):].strip(" ?"):
            return None
    # "what's the ceasefire credited with": a participle after the noun is what is asked of it ("the ceasefire")
    if defined and defined.re is _WHAT_IS:
        ws = subject.split()
        cut = next((i for i in range(2, len(ws)) if is_participle(ws[i].lower())), None)
        subject = " ".join(ws[:cut]) if cut else subject
    if defined and defined.re is _IS_THERE:
        subject = "the " + subject.split(None, 1)[1]  # "is there a curfew?" + "when will it end?": the curfew
    if a_thing(subject):
        return subject
    # ... or a mass noun typed with no article ("where does norman law survive today" + "when was it developed": norman
    # law, not the Normandy its answer names)
    # (the subject split_subject found, as typed: not one a frame above made)
    return subject if parts and subject == parts[1] and _bare_mass_noun(subject) else None


def _bare_mass_noun(phrase: str) -> bool:
    """Lower-case words ending in a singular noun that is no kind of person and no pronoun ("norman law",
    "fighting"; not "people", "anyone")."""
    if not re.fullmatch(r"[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}", phrase):
        return False
    head = phrase.split()[-1]
    return (head not in stopwords() and head in base_forms(head, "n") and not is_person_first(head)
            and not re.search(r"[^s]s$", head)  # (a plural: "british troops" are "they")
            and head not in ("someone", "anybody", "somebody", "everybody", "nobody", "thing", "something"))


# "is the curfew citywide", "is the green zone safe", "was the ceasefire still on": the thing asked about (one
# word after it, maybe an adverb before that, is what is asked of it); "is the curfew in baghdad over": the
# place it is in is part of it ("the curfew in baghdad"), a preposition never its second word ("the curfew in")
_IS_IT = re.compile(r"(?i)^\s*(?:is|was|are|were)\s+(the\s+[a-z][a-z\-]*(?:\s+(?!(?:in|at|on|of|for|to|with|from|by)\b)"
                    r"[a-z][a-z\-]*)??(?:\s+(?:in|at)\s+(?!place\b|effect\b)[a-z][a-z\-]*)?)\s+"
                    r"(?:(?:still|now|really|already)\s+)?(?:in\s+(?:place|effect)|[a-z][a-z\-]*)"
                    r"(?:\s+(?:on|off|over|up|out))?\s*\??\s*$")
# "when is the curfew being lifted", "why was the deadline extended": the thing a passive is asked of
_WH_PASSIVE = re.compile(r"(?i)^\s*(?:when|where|why|how(?:\s+(?:long|much|many|often|far|badly))?)\s+(?:is|was|are|were)\s+"
                         r"(the\s+[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)??)"
                         r"\s+(?:(?:being|still|now|already|finally)\s+)?[a-z]+(?:ed|en)\b")
# "what deadline did he give them": the thing of the kind asked for ("was it extended?": the deadline)
_WHAT_NOUN = re.compile(r"(?i)^\s*(?:what|which)\s+([a-z][a-z\-]*)\s+(?:did|does|do|will|would|has|have|had)\s")
# a noun phrase typed alone: "Basra offensive", "the truce"
_BARE_THING = re.compile(r"((?i:the)\s+)?(?:[A-Z][\w\-]*\s+)*([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})")
# ... and a thing typed before the name it is of: "truce Najaf", "fighting in Basra"
_THING_NAMED = re.compile(r"(?:(?i:the)\s+)?(?P<thing>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}?)"
                          r"(?:\s+(?P<of>in|at|of|on|near))?\s+(?P<name>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})")
_CLOSING_DATE = re.compile(r"(?i)\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})$")
# "what happened to the economy", "what's going on with the curfew": the thing it happened to
_HAPPENED_TO = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+has)?\s+(?:happened|happening|going\s+on)\s+(?:to|with)\s+"
                          r"((?:a|an|the)\s+[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})\s*\??\s*$")
# "is there a curfew in Baghdad", "was there any deal": what "it" stands for next is the thing asked about
# ("where else is there a curfew": the curfew too)
_IS_THERE = re.compile(r"(?i)^\s*(?:where\s+(?:else\s+)?)?(?:is|was)\s+there\s+"
                       r"((?:a|an|any)\s+[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}?)"
                       r"(?=\s+(?:in|at|on|for|about|between|after|before|over|against|with)\b|\s*\??\s*$)")


def a_thing(phrase: str) -> bool:
    """A common noun after "the" / "a" / "an" (and maybe a name: "the Najaf siege") or a name's possessive, one,
    not a kind of person ("the truce", "Sadr's order"; not "the cleric", "the troops"): a thing "it" can stand
    for."""
    # (what it is of says which one: "the charge of the knights" is a charge)
    m = re.fullmatch(r"(?:(?i:the|a|an)(?:\s+[A-Z][\w\-]*)?|(?:(?i:the)\s+)?[\w\-]*[A-Z][\w\-]*(?:\s+[\w\-]*[A-Z][\w\-]*)*"
                     r"['\u2019]s)"
                     r"\s+([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})(?:\s+of\s+(?:the\s+)?[a-z][a-z\-]*)?"
                     r"(?:\s+(?:in|at)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)?", phrase)  # "... in Basra": where it is
    head = m.group(1).split()[-1] if m else ""
    # (a person in its first sense: "the cleric"; "charge", a person only as someone's ward, is a thing)
    return bool(head) and not is_person_first(head) \
        and not (head.endswith("s") and head not in base_forms(head, "n"))


def named_subject(question: str) -> str | None:
    """The name a do-support who-question is about, its subject ("who does Dan Senor work for" -> "Dan Senor");
    None when the who is the subject ("who leads the militia") or the subject is no name."""
    parts = split_subject(question.rstrip(" ?") + "?")
    if not parts or not re.match(r"(?i)\s*(?:who|whom)\s+(?:do|does|did)\b", question):
        return None
    subject = parts[1]
    return subject if re.match(r"[A-Z]", subject) and subject in entities(question) else None


# "who are the Mahdi Army fighting", "who were the protesters angry at": who, a form of "be", the subject, its -ing
# verb or adjective (the who is the object)
_WHO_OF_SUBJECT = re.compile(r"(?i)^\W*who(?:m)?\s+(?:are|were|is|was)\s+"
                             r"(?P<subject>the\s+[\w'\- ]+?|[A-Z][\w'\- ]*?)\s+(?P<verb>[a-z]+ing|angry|mad|upset)\b")


def people_asked_of(question: str) -> str | None:
    """The people a who-question asks something of, when the who is its object: its subject, a body or a plural
    ("who are the Mahdi Army fighting" -> "the Mahdi Army", "who did the militiamen attack" -> "the
    militiamen"); None otherwise (the who the subject: "who leads the militia"; one person: "who did Sadr meet")."""
    m = _WHO_OF_SUBJECT.match(question)
    if m:
        subject = m.group("subject")
    else:
        do_support = re.match(r"(?i)\W*who(?:m)?\s+(?:do|did)\b", question)
        parts = split_subject(question.rstrip(" ?") + "?") if do_support else None
        subject = parts[1] if parts else ""
    last = subject.split()[-1].lower() if subject else ""
    if not last or last in {"he", "she", "it", "i", "you", "they", "we"}:
        return None
    nouns = base_forms(last, "n")  # ("militiamen" -> "militiaman": a plural without its "s")
    return subject if is_group_noun(last) or (last.endswith("s") and not last.endswith("ss")) or (
        bool(nouns) and last not in nouns) else None


def group_subject(question: str) -> str | None:
    """The subject of a do-support question when it is a body of people named by a common noun ("did the
    government agree" -> "government", "the Iraqi police"), without its "the"; else None."""
    parts = split_subject(question.rstrip(" ?") + "?")
    subject = parts[1] if parts else ""
    if not re.match(r"(?i)the\s+\S", subject) or not is_group_noun(subject.split()[-1].lower()):
        return None
    return subject.split(None, 1)[1]


# A noun phrase opening a question's subject: "(will) the fighters (hand over their guns)"
_SUBJECT_NP = re.compile(r"\b(?:the|these|those)\s+(?:[a-z][a-z\-]*\s+){0,2}?([a-z][a-z\-]*)\b", re.I)


_TOWARDS = frozenset("to about for against on of with at toward towards from by into onto".split())


def bound_in_question(q: str, pronoun: re.Match) -> bool:
    """A possessive "their" / "its" whose antecedent the question names itself, before it, as a common noun of
    its number ("will the fighters hand over their guns": the fighters' guns, not the previous turn's topic)."""
    word = pronoun.group(1).lower()
    # ... what the subject holds ("keep their weapons", "stay in their homes"), not what it acts towards
    # ("did the troops respond to their demands": the previous turn's people's)
    before = re.search(r"(\w+)\W*$", q[:pronoun.start()])
    if word not in {"their", "its"} or (before and before.group(1).lower() in _TOWARDS):
        return False
    for m in _SUBJECT_NP.finditer(q, 0, pronoun.start()):
        noun = m.group(1).lower()
        forms = base_forms(noun, "n")
        plural = any(b != noun for b in forms) or noun in {"people", "police"}  # "fighters", "militiamen"
        if word == "their" and plural:
            return True
        # "did the militia keep its weapons": one thing or body, not a person ("the cleric ... its")
        if word == "its" and not plural and forms and not is_person_noun(noun):
            return True
    return False
