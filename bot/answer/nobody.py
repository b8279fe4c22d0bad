"""A sentence whose subject is no one: "Repeated barrages of mortar and rocket fire have also slammed into the heavily
fortified Green Zone ..." cannot say who did something, whatever else it holds of the question, unless it names
someone as the act's agent ("... by militants") or by a name of their own (bot/answer/overrides.py).
"""

from __future__ import annotations

import re

from bot.answer import lexicon, wordkinds

# pronouns standing for people ("he", "they"); "it" stands for things as often
_PEOPLE_PRONOUNS = frozenset("he she they we i you who someone somebody anyone anybody everyone everybody "
                             "nobody".split())
# where a subject ends: an auxiliary or a modal ("... fire have also slammed ...")
_AUXILIARIES = frozenset("is are was were has have had will would can could may might must shall should "
                         "did does do".split())


def _someone(word: str) -> bool:
    """A pronoun for people or a noun for a kind of person or group ("troops", "militia"), any capitalised
    word (a name)."""
    low = re.sub(r"['\u2019]s$", "", word).lower()
    if low in _PEOPLE_PRONOUNS or word[0].isupper():
        return True
    return any(wordkinds.is_person_noun(b) or wordkinds.is_group_noun(b) for b in set(lexicon.base_forms(low, "n")) or {low})


def names_no_one(sentence: str, asked: frozenset[str] = frozenset()) -> bool:
    """True when the words before the sentence's first auxiliary (its subject; the first word's capital aside) name no
    one, no "by" names an agent, and no capitalised word past the first is a name the question does not hold
    (`asked`: its words, lower-cased: "Green Zone" is the place asked about, no one)."""
    tokens = re.findall(r"[A-Za-z][\w'\-]*", sentence)
    end = next((i for i, w in enumerate(tokens) if w.lower() in _AUXILIARIES), None)
    if not end:
        return False  # no subject found: nothing to tell
    subject = [w.lower() if i == 0 else w for i, w in enumerate(tokens[:end])]
    if any(_someone(w) for w in subject):
        return False
    if re.search(r"\bby\s+(?:the\s+|a\s+|an\s+)?[A-Za-z]", sentence) and any(
            _someone(m.group(1)) for m in re.finditer(r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?([A-Za-z][\w'\-]*)", sentence)):
        return False
    return not any(w[0].isupper() and w.lower() not in asked for w in tokens[1:])
