"""The act an answer told of, for a bare follow-up to "what did X do": "what did the Sadrists do" + "why?" asks why
they did what the answer says they did ("Sadrist lawmakers and officials denounced the offensive and said ..." ->
"why did the Sadrists denounce the offensive?"), not why they "did that", which any sentence naming them answers.
bot/bare.py asks it; the noun phrase an answer gives a verb as its object is read as bot/graft.py reads it.
"""

from __future__ import annotations

import re

from bot.answer import BE_FORMS, base_forms
from bot.graft import MAX_OBJECT_WORDS, OBJECT_ENDS, OWNERS
from index.terms import stopwords, terms

# auxiliaries before the act ("would suspend"; "have", "was", "did" are stop words): no act of their own
_MODALS = frozenset("would could may might shall".split())
_PRONOUNS = frozenset("he she they it we i you".split())


def act_told(subject: str, answer: str) -> str | None:
    """The verb (its base form) and object of the answer's first sentence, when the question's `subject` is that
    sentence's subject ("the Sadrists" / "Sadrist lawmakers ... denounced the offensive" -> "denounce the
    offensive"); None when the verb takes no noun object ("Mr. Maliki acknowledged that he was ...") or someone
    else does it."""
    sentence = re.split(r"\s*\[\d+\]", answer, maxsplit=1)[0]
    toks = list(re.finditer(r"[\w'\-]+|[^\w\s]", sentence))
    for i, m in enumerate(toks):
        w = m.group()
        # the sentence's own verb: a lower-case verb form that is no noun's (the first, past the auxiliaries)
        if not w[:1].islower() or w in _MODALS or w in stopwords() or not base_forms(w, "v") or base_forms(w, "n"):
            continue
        # (a passive's subject does nothing: "Shia clerics ... are believed to have played ...")
        if i and toks[i - 1].group().lower() in BE_FORMS:
            return None
        # ... done by the one asked about, named before it ("Sadrist lawmakers" for "the Sadrists")
        if not set(terms(subject)) & set(terms(sentence[:m.start()])):
            return None
        # (a clause after it is no object: "Sadr said he was ordering ...")
        if i + 1 < len(toks) and toks[i + 1].group().lower() in _PRONOUNS:
            return None
        phrase = []
        for t in toks[i + 1:i + 1 + MAX_OBJECT_WORDS]:
            low = t.group().lower()
            if not re.fullmatch(r"[\w'\-]+", low) or low in OBJECT_ENDS:
                break
            # (owned by the doer, "their offensive": the one the answer told of)
            phrase.append("the" if low in OWNERS else t.group())
        while phrase and phrase[-1].lower() in stopwords():  # ("control of" -> "control")
            phrase.pop()
        if not phrase or phrase == ["the"]:
            return None
        base = next((b for b in base_forms(w, "v") if b != w.lower()), w.lower())
        return f"{base} {' '.join(phrase)}"
    return None
