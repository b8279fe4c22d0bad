"""The question put directly: the chat's openers and an embedded question turned into the question itself.

People wrap a question in courtesy ("hi! what did Sadr want?", "please tell me what Maliki said about the
order", "can you tell me who Dan Senor is", "i want to know how many people died", "do you know if the
curfew is still on"). The wrapping words are no part of what is asked (searched for, they find nothing or the
wrong thing), and an embedded question keeps statement order ("what Maliki said"), which the question's
analysis (its main verb, its subject) does not read. So the opener goes, and an embedded question is put as a
direct one: "what did Maliki say about the order", "who is Dan Senor", "is the curfew still on". A question
with no opener is left as typed.
"""

from __future__ import annotations

import re

from bot.answer import PLACE_KINDS, base_forms, is_person_first, is_smalltalk
from index.terms import stopwords

# Greetings and fillers before the question ("hi!", "ok so", "um,"), then a request to be told
_OPENER = re.compile(
    r"^\W*(?:(?:(?P<greeting>hi|hello|hey|hiya|yo|hmm+"
    # ... an acknowledgement of the last answer before the next question ("cool, and what about Kut?")
    r"|(?:cool|great|nice|thanks|thank\s+you|alright|all\s+right|got\s+it|i\s+see|interesting|wow|oh|ah)"
    r"(?=\s*[,!.]))|ok|okay|so|um+|uh+|well)\b[\s,!.:;-]*)*"
    r"(?P<request>(?:please\s+)?"
    r"(?:(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?(?:tell|show|remind)\s+(?:me|us)\s+"
    r"(?=(?:what|who|whom|whose|where|when|why|how|which|if|whether)\b)"
    r"|(?:do|does)\s+(?:you|u|anyone|anybody)\s+know\s+"
    r"|i(?:'d|\s+would)\s+(?:like|love)\s+to\s+know\s+|i\s+(?:want|wanted|need)\s+to\s+know\s+"
    r"|i(?:'m|\s+am)\s+(?:curious|wondering)\s+(?:about\s+)?|i\s+wonder(?:ed)?\s+"
    r"|(?:any\s+idea|no\s+idea)\s+))?", re.I)
# "according to the article, what is Sadr City?", "which two cities had curfews, according to the report?": the
# articles themselves as the source, which every answer is from (a person stays: "according to Senor, ...")
_DOCUMENTS = r"(?:the|this|these|that|those|your)\s+(?:articles?|reports?|stor(?:y|ies)|texts?|pieces?|news|passages?|sources?|documents?)"
_PER_DOCUMENT = re.compile(rf"(?i)^\W*(?:according\s+to|in|from)\s+{_DOCUMENTS}\s*[,:]\s*|^\W*according\s+to\s+{_DOCUMENTS}\s+"
                           rf"|(?:[\s,]+according\s+to|\s*,\s*(?:in|from))\s+{_DOCUMENTS}\s*(?=[?.!]*\s*$)")
_FILLER = re.compile(r"(?i)^\W*(?:(?:ok|okay|um+|uh+|well)\b[\s,!.:;-]*)+(?=\S)")
_PLEASE_AFTER = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thank\s+you)\s*(?=[?.!]*\s*$)", re.I)
# The question words an embedded question opens with; "how many people died" asks about its subject, as
# "which cleric ordered ...", and keeps its order
_WH = re.compile(r"(?i)(what|who|whom|where|when|why|how|if|whether)\s+(?!many\b|much\b)")
_BE = frozenset({"is", "are", "was", "were"})
_AUX = _BE | {"will", "would", "can", "could", "has", "have", "had", "did", "does", "do", "should", "must", "may",
              "might"}
_PRONOUN_PLURAL = frozenset({"they", "we", "you", "i"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                          "these", "those", "some", "many", "all"})
MAX_SUBJECT = 4  # words of an embedded question's subject ("the Iraqi prime minister")
_HOW_COME = re.compile(r"(?i)^\W*(?:(?:and|so|but)\s+)?how\s+come\s+")
_NEGATED_AUX = frozenset({"can't", "won't", "cannot"})


def _is_aux(word: str) -> bool:
    """An auxiliary, maybe negated ("is", "weren't", "can't")."""
    return word in _AUX or word in _NEGATED_AUX or (word.endswith("n't") and word[:-3] in _AUX)


def direct(question: str) -> str:
    """The question without its opener, an embedded question put directly; unchanged without an opener."""
    if is_smalltalk(question):
        return question  # "hello there"
    question = _PER_DOCUMENT.sub("", _PLEASE_AFTER.sub("", question)) or question
    # "how come the fighting slowed down": a why-question in statement order
    come = _HOW_COME.match(question)
    if come and (why := _inverted(f"why {question[come.end():].strip()}")):
        return _plain(why)
    m = _OPENER.match(question)
    rest = question[m.end():].strip()
    # a filler alone ("so is the militia still there?") is left; a greeting or a request goes, and so does an
    # "ok" / "well" / "um" before more ("ok and what did the government say": the follow-up is seen as one)
    if not rest or not (m.group("greeting") or m.group("request")):
        return _plain(_FILLER.sub("", question) or question)
    rest = _PER_DOCUMENT.sub("", rest) or rest  # ("hi, according to the articles, who is Sadr")
    return _plain((_inverted(rest) if m.group("request") else None) or rest)


# "what's the government's position on Sadr", "what is the US stance", "what was Maliki's reaction to the
# order": someone's view, asked as a noun, is what they said; their reaction how they reacted
_STANCE = re.compile(r"(?i)^\s*what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+"
                     r"(?:(?P<owner>(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,2}?)(?:'s|s'|\u2019s|s\u2019)|the\s+(?P<adj>[\w\-]+))\s+"
                     r"(?P<kind>position|stance|view|views|opinion|take|attitude|response|reaction|"
                     r"side(?:\s+of\s+(?:the\s+)?(?:story|things|it))?)"
                     r"(?:\s+(?:on|of|about|to|toward|towards|regarding)\s+(?P<on>.+?))?\s*[?.!]*\s*$")


# "what do you think of X", "how do you feel about X", "what's your opinion on X": newsbot's view of X
_YOUR_VIEW = re.compile(r"(?i)^\s*(?:what\s+do\s+(?:you|u)\s+(?:think|make)\s+of|what\s+do\s+(?:you|u)\s+think\s+about|"
                        r"how\s+do\s+(?:you|u)\s+feel\s+about|what(?:'s|s|\s+is)\s+your\s+(?:opinion|view|take)\s+"
                        r"(?:on|of|about))\s+(?P<on>\S.*?)\s*[?.!]*\s*$")


# "how did the government take Sadr's announcement", "how did people receive the truce": "take" / "receive"
# a thing is to react to it
_TOOK = re.compile(r"(?i)^\s*how\s+(?:did|does|do|will|would)\s+(?P<who>(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,2}?)\s+"
                   r"(?:take|receive)\s+(?P<what>(?:the|this|that|his|her|their|its|[\w\-]+['\u2019]s)\s+.+?)"
                   r"\s*[?.!]*\s*$")


# "who is the Mahdi Army's leader", "what's the mahdi army's leader's name": who leads it, asked as "who is the
# leader of the Mahdi Army" (bot/answer/role.py reads that)
_LEADER_OF = re.compile(r"(?i)^\s*(?:who(?:'s|\s+is|\s+was)|what(?:'s|\s+is|\s+was)(?:\s+the\s+name\s+of)?)\s+"
                        r"(?P<owner>(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,2}?)(?:'s|\u2019s)\s+"
                        r"(?P<role>leader|head|commander|chief|boss|ruler)(?:(?:'s|\u2019s)\s+name)?\s*[?.!]*\s*$")


# "is it true that the British left Basra", "i heard Sadr called a ceasefire, is that true?", "the government
# welcomed the move, didn't it?": a statement to check, searched as the statement itself
_CHECK_BEFORE = re.compile(r"(?i)^\s*(?:(?:is\s+it|it'?s)\s+true\s+that|i\s+(?:heard|read|saw|was\s+told|think|believe|"
                           r"understand)(?:\s+that)?|apparently,?|(?:is\s+it\s+)?(?:correct|right)\s+that|"
                           r"did\s+i\s+(?:understand|hear|read)\s+(?:(?:that\s+)?right|correctly)(?:\s+that)?)\s+(?=\S)")
_CHECK_AFTER = re.compile(r"(?i)(?<=\w)\s*,\s*(?:(?:is\s+)?(?:that|this|it)\s+(?:true|right|correct)|right|true|correct|"
                          r"(?:didn'?t|doesn'?t|isn'?t|wasn'?t|hasn'?t|won'?t)\s+(?:it|he|she)|"
                          r"(?:aren'?t|weren'?t|haven'?t|don'?t|didn'?t)\s+they)\s*[?.!]*\s*$")


# "who's the guy who read the statement", "who was the man that negotiated": who did it, asked of a placeholder noun
_WHO_THE_ONE = re.compile(r"(?i)^\s*who(?:'s|\u2019s|\s+is|\s+was|\s+are|\s+were)\s+(?:the|that|this)\s+"
                          r"(?:guy|man|woman|person|one|people|dude|fella|fellow|lady|folks|ones)\s+"
                          r"(?:who|that)\s+(?=\S)")


# The words a question opens with: keywords typed as a question ("maliki reaction") open with none of them
_OPENS_QUESTION = r"what|who|whom|whose|where|when|why|how|which|is|are|was|were|did|do|does"


# "maliki quote", "quotes from sadr's spokesman", "the prime minister's statement": what someone said, asked as
# keywords
_SAYING = r"(?:quotes?|statements?|comments?|remarks?)"
_QUOTE_OF = re.compile(rf"(?i)^\s*(?:(?:any|the)\s+)?{_SAYING}\s+(?:from|by|of)\s+(?P<who>[\w'\-]+(?:\s+[\w'\-]+){{0,4}}?)"
                       r"\s*[?.!]*\s*$")
_QUOTE_AFTER = re.compile(rf"(?i)^\s*(?!(?:{_OPENS_QUESTION}|any)\b)"
                          rf"(?P<who>[\w'\-]+(?:\s+[\w'\-]+){{0,3}}?)(?:'s|\u2019s)?\s+{_SAYING}\s*[?.!]*\s*$")

# "maliki reaction", "government response to the offensive", "sadr's reaction": how someone reacted, asked as
# keywords (not "the reaction": someone is named)
_REACTION_AFTER = re.compile(rf"(?i)^\s*(?!(?:{_OPENS_QUESTION}|any)\b)(?:(?:and|so|but|also|then)\s+)?"
                             r"(?P<who>(?:the\s+)?(?!(?:the|a|an|your|my|our|and|so|but|also|then|reaction|response)\b)"
                             r"[\w'\-]+(?:\s+[\w'\-]+){0,3}?)(?:'s|\u2019s)?\s+(?:reaction|response)"
                             r"(?:\s+(?:to|on)\s+(?P<on>\S.*?))?\s*[?.!]*\s*$")
_SUBJECT_OF = {"their": "they", "his": "he", "her": "she", "its": "it"}


# "what's the name of the prime minister", "what's the spokesman's name", "what's sadr's spokesman called": a
# person's name, asked as who they are (a thing's name stays asked as such: "what is the name of the operation")
_WHO_NAMED = re.compile(r"(?i)^\s*what(?:'s|\u2019s|s|\s+is|\s+was)\s+(?:(?:the\s+)?name\s+of\s+(?P<of>.+?)"
                        r"|(?P<owner>.+?)['\u2019]s\s+name|(?P<called>.+?)\s+(?:called|named))\s*[?.!]*\s*$")
MAX_PERSON = 4  # words of the person asked about ("the Iraqi prime minister")
# "sadr's militia name", "the operation name": a name asked for as keywords
_NAME_KEYWORDS = re.compile(rf"(?i)^\s*(?!(?:{_OPENS_QUESTION}|any|my|your|full|first|last|real|the\s+name)\b)"
                            # (a thing's or someone's, not "code name": "the operation", "sadr's militia")
                            r"(?P<of>(?:the\s+[\w\-]+|[\w\-]+['\u2019]s\s+[\w\-]+|[\w\-]+\s+[\w\-]+)(?:\s+[\w\-]+){0,2}?)"
                            # (not a kind of name: "maliki full name", "sadr first name")
                            r"(?<!\bfull)(?<!\bfirst)(?<!\blast)(?<!\breal)(?<!\bcode)(?<!\bmiddle)(?<!\bgiven)"
                            r"(?<!\bfamily)(?<!\bmaiden)(?<!\bnick)"
                            r"\s+name\s*[?.!]*\s*$"
                            # ... or "name of sadr's militia", "the name of the operation?"
                            r"|^\s*(?:the\s+)?name\s+of\s+(?P<named>\S.*?)\s*[?.!]*\s*$")


# "basra offensive who started it", "sadr what did he want": the topic typed first, then a question pointing back at
# it by a pronoun (the topic: a few words, no question word, no verb of its own before the question)
_TOPIC_FIRST = re.compile(rf"(?i)^\s*(?!(?:{_OPENS_QUESTION}|can|will|and|so|but|tell|give|show|any|since|until|till|"
                          r"after|before|during)\b)"
                          r"(?P<topic>[\w'\-]+(?:\s+[\w'\-]+){0,3}?)[\s,:;-]+"
                          r"(?P<question>(?:what|who|whom|when|where|why|how|which|did|does|do|is|was|are|were)\b.*)$")
# "how many dead", "how much damage": a count of one or two words
_COUNT_ALONE = re.compile(r"(?i)(how\s+(?:many|much)(?:\s+[a-z]+){1,2})\s*\??\s*")
_POINTER = re.compile(r"(?i)\b(it|its|he|him|his|she|her|they|them|their)\b")
_OWNING = {"its", "his", "her", "their"}


def topic_first(question: str, used=None) -> str | None:
    """"basra offensive who started it" -> "who started the basra offensive"; None for any other question. Read
    after typos are mended (bot/normalize.py: "wat did Sadr ask ... his fighters" opens with no topic); `used(words)`:
    do the articles use all these words (a typo they do not mend, "ho did the government react", is no topic)."""
    m = _TOPIC_FIRST.match(question)
    pointer = _POINTER.search(m.group("question")) if m else None
    # "basra fighting how many dead": a count of the topic, asked with no pointer back at it
    count = _COUNT_ALONE.fullmatch(m.group("question")) if m and not pointer else None
    if not pointer and not count:
        return None
    words = m.group("topic").lower().split()
    # (no preposition opening or ending it: "until when did ...", "in what machine is it ..."; no verb in it: "sadr
    # ordered what did he say", "whet did they do it" is no topic and a question)
    if (words[0] in stopwords() and words[0] not in ("the", "a", "an")) or words[-1] in stopwords():
        return None
    if any(base_forms(w, "v") and not base_forms(w, "n") for w in words):
        return None
    bare = [re.sub(r"['\u2019]s$", "", w) for w in words if w not in ("the", "a", "an")]
    if used is not None and bare and not used(bare):
        return None
    topic = m.group("topic")
    if count:  # ("how many dead in the basra fighting"; a name takes no "the": "in basra", "in Sadr city")
        last = topic.split()[-1]
        name = topic[:1].isupper() and (last[:1].isupper() or last.lower() in PLACE_KINDS)
        the = "the " if len(topic.split()) > 1 and not name and not re.match(r"(?i)(?:the|a|an)\b", topic) else ""
        return f"{count.group(1)} in {the}{topic}"
    # (a thing typed without its article takes "the": "basra offensive" -> "the basra offensive"; a name or someone's
    # thing does not: "sadr", "sadr's militia")
    if pointer.group(1).lower() in ("it", "its") and not re.search(r"['\u2019]s\b|^(?:the|a|an)\b", topic, re.I) \
            and len(topic.split()) > 1:
        topic = f"the {topic}"
    owning = pointer.group(1).lower() in _OWNING
    put = (f"{topic}'" if topic.endswith("s") else f"{topic}'s") if owning else topic
    q = m.group("question")
    return q[:pointer.start()] + put + q[pointer.end():]


def _who_named(question: str) -> str | None:
    """"who is X" for a question asking the name of X, a kind of person; None for any other question."""
    m = _WHO_NAMED.match(question)
    who = (m.group("of") or m.group("owner") or m.group("called")).strip() if m else ""
    head = re.sub(r"['\u2019]s$", "", who.split()[-1]).lower() if who else ""
    if not head or len(who.split()) > MAX_PERSON or not is_person_first(head):
        return None
    return f"who is {who}"


def _checked(question: str) -> str:
    """A statement to check, without the words asking to check it; the question unchanged when it has none."""
    statement = _CHECK_AFTER.sub("", _CHECK_BEFORE.sub("", question)).strip()
    return statement if len(statement.split()) >= 3 else question  # ("i think so" is no statement to check)


def _plain(question: str) -> str:
    """The question put plainly: a statement to check as the statement, "who's the guy who X" as "who X", a quote
    asked as keywords ("maliki quote") as what they said, a reaction so asked ("maliki reaction") as how they
    reacted, X's leader as "the leader of X", a person's name as who they are, a view asked as a noun as what
    was said (or how they reacted)."""
    question = _WHO_THE_ONE.sub("who ", _checked(question))
    # "what do you think of Sadr", "what's your opinion on the truce": newsbot holds no views; what the articles say
    # of the thing is what it can tell (was answered as what the asker, "you", did)
    yours = _YOUR_VIEW.match(question)
    if yours:
        return f"tell me about {yours.group('on')}"
    quoted = _QUOTE_OF.match(question) or _QUOTE_AFTER.match(question)
    if quoted:
        who = re.sub(r"['\u2019]s$", "", quoted.group("who"))  # "the prime minister's statement"
        return f"what did {who} say"
    reacted = _REACTION_AFTER.match(question)
    if reacted:
        who = re.sub(r"['\u2019]s$", "", reacted.group("who"))
        who = _SUBJECT_OF.get(who.lower(), who)  # "their reaction": how they reacted
        return f"how did {who} react" + (f" to {reacted.group('on')}" if reacted.group("on") else "")
    # ("sadr's militia name": as "what's the name of sadr's militia", below)
    keywords = _NAME_KEYWORDS.match(question)
    if keywords:
        question = f"what's the name of {keywords.group('of') or keywords.group('named')}"
    # ("what is the mahdi army's leader called": who the leader is, then who leads it)
    named = _who_named(question)
    lead = _LEADER_OF.match(named or question)
    if lead:
        return f"who is the {lead.group('role').lower()} of {lead.group('owner')}"
    if named:
        return named
    # "what's the operation's name", "what's sadr's militia's name": a thing's name, asked as "the name of" it is
    # (was the sentences on the owner: "... demanding and end to the operation")
    owned = _WHO_NAMED.match(question)
    if owned and owned.group("owner") and len(owned.group("owner").split()) <= MAX_PERSON:
        return f"what is the name of {owned.group('owner').strip()}"
    # "how did the government take Sadr's announcement", "how did residents receive the truce": how they reacted
    took = _TOOK.match(question)
    if took:
        return f"how did {took.group('who')} react to {took.group('what')}"
    m = _STANCE.match(question)
    if not m:
        return question
    owner = m.group("owner") or f"the {m.group('adj')}"
    if m.group("owner") and m.group(0).lower().find("s'") == m.start("owner") + len(owner):
        owner += "s"  # "the sadrists' reaction": the plural's own s
    on = m.group("on")
    if m.group("kind").lower() in ("response", "reaction"):
        return f"how did {owner} react" + (f" to {on}" if on else "")
    return f"what did {owner} say" + (f" about {on}" if on else "")


def _inverted(clause: str) -> str | None:
    """An embedded question in statement order put as a question: "what Maliki said about X" -> "what did
    Maliki say about X", "who Dan Senor is" -> "who is Dan Senor", "if the curfew is still on" -> "is the
    curfew still on"; None when the clause is already a question or its subject and verb are not found."""
    m = _WH.match(clause)
    if not m:
        return None
    wh = m.group(1).lower()
    toks = clause[m.end():].split()
    if not toks or _is_aux(toks[0].lower()):
        return None  # "what is the curfew", "who did Sadr meet": a question already
    for i in range(1, min(len(toks), MAX_SUBJECT + 1)):
        word = toks[i].lower().strip("?.!,")
        subject = " ".join(toks[:i])
        tail = " ".join(toks[i + 1:])
        opening = "" if wh in ("if", "whether") else f"{m.group(1)} "
        if _is_aux(word):
            # "who Dan Senor is" -> "who is Dan Senor"; "if the curfew is still on" -> "is the curfew still on"
            # ("why the British weren't involved" -> "why weren't the British involved")
            return f"{opening}{word} {subject}{' ' + tail if tail else ''}".strip()
        verb = _verb_form(word, toks[i - 1].lower())
        if verb:
            aux, base = verb
            return f"{opening}{aux} {subject} {base}{' ' + tail if tail else ''}".strip()
        # (after "the" an -ing word is the subject's noun: "why the fighting slowed down")
        if _is_verb_like(word) and toks[i - 1].lower() not in _DETERMINERS:
            return None  # a verb the subject cannot end before ("how the fighting spread out"): left alone
    return None


def _verb_form(word: str, before: str) -> tuple[str, str] | None:
    """("did" | "does" | "do", base) for a finite verb: "said" -> ("did", "say"), "wants" -> ("does", "want"),
    "want" after "they" -> ("do", "want"); None for a word that is no finite verb."""
    if before in _DETERMINERS:
        return None  # "what the troops want": a word after "the" is the subject's noun
    bases = [b for b in base_forms(word, "v") if b != word]
    if bases and not word.endswith("ing"):
        if word.endswith("s") and not word.endswith("ss") and bases[0] + "s" == word or word.endswith("es") \
                and bases[0] + "es" == word:
            return "does", bases[0]
        if not base_forms(word, "n") or word.endswith("ed"):
            return "did", bases[0]
    # "what they want", "what the troops want": a bare verb after a plural subject
    if (before in _PRONOUN_PLURAL or (before.endswith("s") and base_forms(before, "n") != (before,))) \
            and base_forms(word, "v") == (word,):
        return "do", word
    return None


def _is_verb_like(word: str) -> bool:
    return word.endswith("ing") and bool(base_forms(word, "v"))
