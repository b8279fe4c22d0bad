""""that" or "this" standing alone for what the turn before was about, put as "it", which bot/pronouns.py resolves:
"what's the ceasefire" + "when did that start" -> "when did it start" -> "when did the ceasefire start"; "tell me about
the curfew" + "is that only in baghdad"; "tell me about the truce" + "who agreed to that".

Only where "that" can be nothing but a pronoun: the subject after an auxiliary ("is that still in place", "did that
work"), or the object closing the question ("who agreed to that"). Left alone: a determiner ("did that militia
leave", "is that militia still there"), what was said ("who said that", "why did he say that", "what did he mean by
that": bot/answer/followup.py reads those), a time ("what came before that", "and after that": asks_next), and what
something is called ("who calls them that").
"""

from __future__ import annotations

import re

from bot.answer import base_forms
from index.terms import stopwords

# an auxiliary opening the question (after a question word), then "that" / "this" and the word after it
_SUBJECT = re.compile(r"(?i)^(\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:when|why|how|where|what|who)\s+)?"
                      r"(?P<aux>is|was|are|were|did|does|do|will|would|could|can|has|had|should|might)\s+)"
                      r"(?P<pronoun>that|this)\b(?:\s+(?P<next>[a-z][\w'\-]*)?(?P<after>\s+[a-z][\w'\-]*)?|\s*[?.!]*\s*$)")
# "that" / "this" closing the question, the word before it
_CLOSING = re.compile(r"(?i)\b(?P<before>[a-z][\w'\-]*)\s+(?P<pronoun>that|this)(?=\s*[?.!]*\s*$)")
# words after "is that" that make it the subject: adverbs, and what a subject is said to be
_AFTER_BE = frozenset("still only really also just ever now true right correct so over why because going happening "
                      "all even actually possible likely certain confirmed official final new".split())
# verbs of saying or meaning: "that" is what was said ("why did he say that")
_SAYING = frozenset("say says said saying mean means meant tell told think thought know knew claim claimed believe "
                    "believed hear heard read write wrote confirm confirmed deny denied".split())
# "before that", "after that", "like that": a time or a likeness, no thing
_NOT_THING = frozenset("before after since until till than like besides".split())
# "who calls them that": after an object, "that" is what it is called, no thing
_OBJECTS = frozenset("them him her it us me you these those".split())
_BE = frozenset("is was are were".split())
# "where was this", "when was that": where or when what the answer told of happened (not "where is that": where a
# place is)
_WHERE_WAS = re.compile(r"(?i)^(\W*(?:(?:and|so|but|ok|okay)\W+)?(?:where|when))\s+was\s+(?:this|that)(\s*[?.!]*\s*)$")


def demonstrative_as_it(q: str) -> str:
    """q with a "that" / "this" that stands alone for a thing put as "it"; q unchanged otherwise."""
    if _WHERE_WAS.match(q):
        return _WHERE_WAS.sub(r"\1 did it happen\2", q)
    m = _SUBJECT.match(q)
    if m and _subject_pronoun(m):
        return q[:m.start("pronoun")] + "it" + q[m.end("pronoun"):]
    m = _CLOSING.search(q)
    before = m.group("before").lower() if m else ""
    # (not in a question of what someone said: "what did the commander say about that" reads "that" on its own,
    # bot/answer/carry.py)
    said = any(w in _SAYING for w in re.findall(r"[a-z]+", q.lower()))
    if m and not said and before not in _NOT_THING and before not in _OBJECTS:
        return q[:m.start("pronoun")] + "it" + q[m.end("pronoun"):]
    return q


def _subject_pronoun(m: re.Match) -> bool:
    """Is the "that" after the auxiliary its subject, not a determiner before a noun?"""
    nxt, after = (m.group("next") or "").lower(), (m.group("after") or "").strip().lower()
    if not nxt:
        return True  # "is that?", "did that" ... closing: nothing for it to determine
    if m.group("aux").lower() in _BE:
        # "is that still in place", "was that before the offensive", "is that the third step"
        return nxt in _AFTER_BE or nxt in stopwords() or nxt.endswith("ly")
    # "did that start", "will that end the fighting": a verb, closing or followed by a small word (not "did that
    # militia leave", "did that group attack": a noun and its verb)
    return bool(base_forms(nxt, "v")) and (not after or after in stopwords())

