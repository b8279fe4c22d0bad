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
