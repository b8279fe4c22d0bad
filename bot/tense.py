"""A progressive question said in the simple tense: "what's Sadr asking for in return" asks what "what does Sadr
ask for in return" does, and the answerer reads do-support questions best (their subject is the one acting,
their verb the act: bot/answer/actor.actor_terms).

Only a question word, a form of "be", a short subject and an -ing verb WordNet knows as a verb are rewritten;
"what's going on" (no subject between), "why is the curfew being / getting lifted" (a passive), "what is the
process of analyzing ..." (a gerund) and "what was seen rising" (a participle, no subject) keep their words; so
does a who-question ("who was the researcher working on X" asks who the researcher was).
"""

from __future__ import annotations

import re

from bot.answer import base_forms, is_participle
from index.terms import stopwords

# "what's", "what is", "why are", "where were" ...: the question word and its "be", then the rest
_OPENING = re.compile(r"^(\W*)((?i:what|why|how|where|when))(?:['\u2019]s\b|\s+(is|are|was|were)\b)\s+(.+)$")
_DO = {"is": "does", "are": "do", "was": "did", "were": "did", None: "does"}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "you", "i"})
MAX_SUBJECT = 4  # words a subject may run to before its -ing verb ("the Mahdi Army militiamen")


def simple_tense(question: str) -> str:
    """The question in the simple tense when it is a progressive one with a subject ("what is the government
    doing about Sadr" -> "what does the government do about Sadr"), else unchanged."""
    m = _OPENING.match(question)
    if not m:
        return question
    toks = m.group(4).split(" ")
    for j, tok in enumerate(toks[:MAX_SUBJECT + 1]):
        word = tok.lower().strip("?.!,")
        if not word.endswith("ing"):
            continue
        # the first -ing word: a verb's present participle ("asking"), not a noun ("morning"; "the original
        # meaning of"), not "being" (a passive), not the first word (no subject: "what's going on"), not a name's
        # ("the Turning calculator"), and right after its subject's noun or pronoun, not after a function word
        # ("the process of analyzing", "what is easy about proving", "the ruling class") nor a possessive ("what
        # is Sadr's asking": a noun)
        bases = [b for b in base_forms(word, "v") if b != word]
        before = toks[j - 1].lower() if j else ""
        after = toks[j + 1].lower() if j + 1 < len(toks) else ""
        inside = [t.lower() for t in toks[1:j]]  # the subject's words after its first: no function word but "in"
        # nor after a past participle standing for the subject ("what was seen rising": a passive of seeing)
        if (j == 0 or word in ("being", "getting") or (j == 1 and is_participle(toks[0]) and toks[0].islower()) or not bases or not tok[:1].islower() or after == "of"
                or (before in stopwords() and before not in _PRONOUNS) or re.search(r"['\u2019]s?$", before)
                or any(t in stopwords() and t != "in" for t in inside)):
            return question
        # "when is the curfew going to be lifted" is its future: "when will the curfew be lifted" (not "when does
        # the curfew go to be lifted"); "where are the fighters going to" keeps its words
        if word == "going" and after == "to":
            verb = toks[j + 2].lower().strip("?.!,") if j + 2 < len(toks) else ""
            if not base_forms(verb, "v"):
                return question
            will = "would" if (m.group(3) or "").lower() in ("was", "were") else "will"
            return f"{m.group(1)}{m.group(2)} {will} {' '.join([*toks[:j], *toks[j + 2:]])}"
        # "how is the economy doing" asks how it fares, not what it does
        if word == "doing" and m.group(2).lower() == "how":
            return question
        rest = " ".join([bases[0] + tok[len(word):], *toks[j + 1:]])
        be = (m.group(3) or "").lower() or None
        return f"{m.group(1)}{m.group(2)} {_DO[be]} {' '.join(toks[:j])} {rest}"
    return question
