"""What a who-question's act is done to: "who ordered the offensive?" asks who ordered *the offensive*; a sentence
where the verb takes another object ("Sadr has ordered his militia off the streets ... for an end to the military
offensive") tells of another act, and is at best close to the question (bot/answer/overrides.py)."""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings

# "who ordered the offensive", "who launched the raids in Basra": a verb in the past, then its object (the
# determiner and up to two modifiers before its head noun), then at most a phrase of place or time
_WHO_DID = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?who\s+(?P<verb>[a-z]+)\s+(?:the|a|an|his|her|their|its|this|that)"
                      r"\s+(?:(?!(?:the|a|an)\s)[a-z\-]+\s+){0,2}?(?P<head>[a-z\-]+)"  # (no article among the modifiers)
                      r"(?:\s+(?:in|at|on|near|during|after|before|against|last|this)\b[^?]*)?[\s?.!]*$", re.I)
_PRONOUNS = frozenset("it they them this these those which".split())  # a passive's subject standing for the object
OBJECT_SPAN = 5  # words after the verb its object's head may come in ("launched a major pre-dawn offensive")


def misses_object(question: str, sentence: str) -> bool:
    """For "who VERBed the X?", does the sentence hold the verb (a form of it) only with other objects: X's head
    (or a synonym) nowhere in the OBJECT_SPAN words after it, nor before it as a passive's subject ("the offensive
    was ordered by ...")? False for any other question, or a sentence without the verb."""
    m = _WHO_DID.match(question)
    if not m or not lexicon.available():
        return False
    verb = m.group("verb").lower()
    verbs = set(lexicon.base_forms(verb, "v"))
    # (a verb in the past, not "who controls ...", whose "control" a sentence may hold as a noun; nor "be", "have")
    if verb in verbs or verbs & {"be", "have", "do"}:
        return False
    head = m.group("head").lower()
    heads = {head, *lexicon.base_forms(head, "n")}
    if not verbs or not lexicon.base_forms(head, "n"):
        return False
    heads |= {s for h in list(heads) for s in rewordings.synonyms(h)}
    # (one word however hyphened: "cease-fire", "ceasefire")
    heads = {h.replace("-", "") for h in heads}
    ws = [w.replace("-", "") for w in re.findall(r"[a-z][a-z'\-]*", sentence.lower())]
    # (the verb inflected in the sentence too: "ordered", "gave"; its bare form may be a noun, "in firm control")
    at = [i for i, w in enumerate(ws) if w.isalpha() and w not in verbs and set(lexicon.base_forms(w, "v")) & verbs]
    if not at:
        return False

    def is_head(w: str) -> bool:
        # (or a noun standing in for it in any sense: "launched a pre-dawn offensive" for "the operation")
        return w in heads or bool(set(lexicon.base_forms(w, "n")) & heads) or (
            len(w) > 3 and lexicon.related(head, w, "n"))
    def done_to(i: int) -> bool:
        before = ws[max(i - OBJECT_SPAN, 0):i]
        return (any(is_head(w) for w in ws[i + 1:i + 1 + OBJECT_SPAN])
                # (a passive, the object before it: "the offensive was ordered", "the militia led by Sadr")
                or ((ws[i - 1:i] in (["was"], ["were"], ["been"], ["is"], ["are"]) or ws[i + 1:i + 2] == ["by"])
                    and any(is_head(w) or w in _PRONOUNS for w in before))  # ("It was commissioned by Odo")
                # (a relative clause: "a cease-fire that he originally ordered")
                or any(is_head(w) and {"that", "which"} & set(before[j + 1:]) for j, w in enumerate(before)))
    return not any(done_to(i) for i in at)
