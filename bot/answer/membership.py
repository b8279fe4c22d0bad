"""Whether one thing is part of another, asked yes or no ("is the Mahdi Army part of the government?"), is answered
only by a sentence saying so or not: one holding a word of belonging ("part", "member", "belongs", "among",
"including"). Another sentence naming both ("... his militia, the Mahdi Army, to ... cooperate with government security
efforts") is at best close (bot/answer/overrides.py).
"""

from __future__ import annotations

import re

from bot.answer import lexicon

# "is the Mahdi Army part of the government", "are the Sadrists members of parliament", "was he a member of ..."
_PART_OF = re.compile(r"(?i)^\W*(?:is|are|was|were)\s+.+?\s+(?:an?\s+|the\s+)?(?:part|parts|member|members)\s+of\s+\S")
# the words of belonging, as WordNet's base forms
_BELONGING = frozenset("part member membership belong among amongst within include join affiliate".split())


def lacks_membership(question: str, sentence: str) -> bool:
    """True for "is X part of Y?" against a sentence holding no word of belonging."""
    if not _PART_OF.match(question):
        return False
    for w in re.findall(r"[A-Za-z]+", sentence.lower()):
        forms = {w} | {b for p in "nv" for b in lexicon.base_forms(w, p)}
        if forms & _BELONGING:
            return False
    return True
