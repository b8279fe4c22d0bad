"""A bare "which X?" / "what X?" whose noun the previous question had as the object of an act: "who pushed Sadr to offer
terms" + "what terms?" -> "what terms did Sadr offer?" (was "what terms pushed Sadr to offer terms?", the question word's
slot filled with the noun); "did Sadr make demands" + "what demands?" -> "what demands did Sadr make?".
bot/bare.py tries it before a which-question of the previous question's subject (`_which_of_subject`).
"""

from __future__ import annotations

import re

from bot.answer import base_forms

# "which terms?", "what demands?": a which-question of one noun alone
_WHICH_NOUN = re.compile(r"(?i)\s*(?:and\s+|so\s+|but\s+|ok\s+)?(?P<wh>which|what)\s+(?P<noun>[a-z]+)\s*[?!.]*\s*")
# the one told to do something: a name (or "him" / "her" / "them"), "to", a verb
_TOLD_TO = r"(?P<doer>(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*|him|her|them)\s+to\s+(?P<verb>[a-z]+)"
# a yes-no question's subject and verb: "did Sadr make", "has the government made"
_ASKED_IF = (r"^\s*(?:did|does|do|has|have|had|will|would)\s+(?P<doer>(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*"
             r"|the\s+[a-z]+)\s+(?P<verb>[a-z]+)")
# words between the verb and its noun: "offer any terms", "make new demands"
_BETWEEN = r"\s+(?:(?:any|some|the|his|her|their|its|new|more|other)\s+)?"


def which_of_object(q: str, prev_q: str) -> str | None:
    """"what terms?" after a question holding "<doer> to offer terms" or "did <doer> offer terms": what terms the doer
    offered; None for any other question."""
    m = _WHICH_NOUN.fullmatch(q)
    if not m:
        return None
    noun = m.group("noun")
    kinds = set(base_forms(noun, "n")) or {noun.lower()}
    for frame in (_TOLD_TO, _ASKED_IF):
        for f in re.finditer(frame + _BETWEEN + r"(?P<object>[a-z]+)\b", prev_q):
            # the noun asked about, in any number ("what demand?" of "make demands")
            if not set(base_forms(f.group("object").lower(), "n")) & kinds:
                continue
            verb = next(iter(base_forms(f.group("verb").lower(), "v")), None)
            if not verb or f.group("doer").lower() in ("him", "her", "them"):
                return None
            return f"{m.group('wh').lower()} {noun} did {f.group('doer')} {verb}?"
    return None


# "what year?", "which city?", "what kind?": a question word of its own (when, where, how), not a thing told of
_ASKS_A_KIND = frozenset("year years day days month months date time times week weeks hour hours place places city "
                         "cities town towns country countries kind kinds sort type types way ways reason reasons number "
                         "amount part parts side sides one ones else".split())


def which_named(q: str, prev_q: str, answer: str) -> str | None:
    """"what warrant?" after an answer telling of "the warrant for his arrest", a thing the question before did not
    name: what that thing is ("what is the warrant?"; was the question before asked again with it, "what warrant did
    the US not arrest Sadr?"); None for any other question, or a noun the answer names only as "a ..." or not at all."""
    m = _WHICH_NOUN.fullmatch(q)
    if not m or m.group("noun").lower() in _ASKS_A_KIND or (
            base_forms(m.group("noun"), "v") and not base_forms(m.group("noun"), "n")):
        return None
    kinds = set(base_forms(m.group("noun"), "n")) or {m.group("noun").lower()}
    if any(set(base_forms(w, "n")) & kinds for w in re.findall(r"[a-z]+", prev_q.lower())):
        return None
    # the noun after "the" in the answer (its citation markers aside), in the number the answer puts it
    # (with up to two words before it: "the offensive operations")
    ws = re.findall(r"[\w'\-]+|[^\w\s]", re.sub(r"\s*\[\d+\]", "", answer))
    named = next((ws[j + 1:i + 1] for i, w in enumerate(ws) if set(base_forms(w, "n")) & kinds
                  for j in range(max(i - 3, 0), i) if ws[j] == "the" and all(re.fullmatch(r"[a-z\-]+", v)
                                                                          for v in ws[j + 1:i])), None)
    if not named:
        return None
    plural = named[-1].endswith("s") and not named[-1].endswith("ss")
    return f"what {'are' if plural else 'is'} the {' '.join(named)}?"
