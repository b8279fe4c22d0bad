"""The proper names of a question or an answer (`entities`), as the text writes them (`split_run`), the places it
puts after a preposition of place (`is_place`), and the names an answer gave that its question did not
(`answered_names`): read without an LLM, for what a follow-up's pronoun can stand for (bot/referents.py,
bot/rewrite.py)."""

from __future__ import annotations

import re

from bot.answer import (CALENDAR, PLACE_KINDS, base_forms, country_names, is_group_noun, is_participle,
                        is_person_noun, is_proper_noun)
from index.terms import stopwords

# A proper name: capitalised words, allowing inner particles (al-Sadr, Nouri Al-Maliki, Abu Faris).
_NAME = re.compile(r"\b([A-Z][\w'\-]*(?:\s+(?:al-|Al-|de |of |al |el |bin |ibn |van |von )?[A-Z][\w'\-]*)*)")
_NOT_NAMES = {"What", "Who", "When", "Where", "Why", "How", "Which", "Did", "Does", "Do", "Is", "Are", "Was",
              "Were", "The", "A", "An", "In", "On", "And", "But", "He", "She", "They", "It", "I", "Mr", "Mrs",
              "Can", "Could", "Would", "Will", "Should", "According", "Tell", "Give", "After", "Before",
              "We", "You", "Our", "My", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "There",
              "Him", "Them", "Us", "Me", "Your"}
# The lower-case word right after a name ("the Mahdi *army*", "Sadr *city*").
# ("in Basra following a major offensive": a word in -ing after a name goes on with the sentence, no body's name)
_BODY_AFTER = re.compile(r"\s+([a-z]+(?<!ing))\b")
# A quotation's words belong to the quoted speaker's sentence, not to who it is about: "We have received no
# orders ..." names no one called "We".
QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
# A place named after a preposition of place ("went to Basra", "fighting in Sadr City")
AT_PLACE = re.compile(r"\b(?:in|at|to|from|near|into|inside|outside|around)\s+(?:the\s+)?"
                      r"([A-Z][\w'\-]*(?:\s+(?:al-|Al-|of )?[A-Z][\w'\-]*)*"
                      rf"(?:\s+(?:{'|'.join(sorted(PLACE_KINDS))})\b)?)")  # ("in Sadr city")


def entities(text: str) -> list[str]:
    """Proper names in text, in order of appearance, without leading question or function words."""
    out = []
    text = QUOTED.sub(lambda m: " " * len(m.group()), text)
    for m in _NAME.finditer(text):
        # Hyphenated modifiers ("US-led", "Najaf-based") describe something else; they are not the name.
        parts = [p for p in m.group(1).split() if not re.search(r"-(led|based|backed|born|run)$", p)]
        # a function word opening a sentence ("For their part, the US ...") names no one; "US" does; nor does
        # a common word opening one ("Heavy fighting has been ..."), but a people's ("British troops ...")
        # ("Residents of Basra said ...": the "of" left after the opener is no part of the name either)
        while parts and (parts[0] in _NOT_NAMES or (parts[0].istitle() and parts[0].lower() in stopwords())
                         or (_OPENS.search(text[:m.start()]) and _common_opener(parts[0])) or parts[0].islower()):
            parts = parts[1:]
        name = re.sub(r"['\u2019]s$", "", " ".join(parts))  # "Sadr's spokesman" names Sadr
        # "the Mahdi army" typed in lower case: the body of people is part of the name ("they" are the army)
        body = _BODY_AFTER.match(text, m.end())
        # ... and so is a place's kind after its name ("Sadr city" typed so is Sadr City, not Sadr)
        if name and name == " ".join(parts) and body and body.group(1) not in stopwords() and (
                is_group_noun(body.group(1)) or body.group(1) in PLACE_KINDS):
            name = f"{name} {body.group(1)}"
        # ("non-Najaf residents", "anti-Sadr protests": a prefix makes the name a modifier of something else)
        if _PREFIXED.search(text[:m.start()]):
            continue
        if name and name not in out and name.lower() not in CALENDAR:
            out.append(name)
    return out


_PREFIXED = re.compile(r"(?i)\b(?:non|anti|pro|post|pre)-$")  # a name made a modifier: "non-Najaf residents"
_OPENS = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")  # a sentence starts here (or a quote of one: "... they come is: Heavy")


def _common_opener(word: str) -> bool:
    """A capitalised word only because it opens a sentence: WordNet knows it in lower case, as no name and
    as no people's word ("Heavy", "Angry", "Clashes"; not "British", "Iraqi", "Sadr")."""
    w = word.lower()
    return (w.isalpha() and any(base_forms(w, p) for p in "nva") and not is_proper_noun(w)
            and not country_names(w))


def people_word(name: str) -> bool:
    """A single word for a country's people or things ("Iraqi", "British"): no one a pronoun stands for."""
    w = name.lower()
    return " " not in name and bool(base_forms(w, "a")) and bool(country_names(w))


# ... or after a kind of place and "of" ("the Shi'ite holy city of Najaf", "the province of Basra")
_KIND_OF = re.compile(rf"\b(?:{'|'.join(sorted(PLACE_KINDS | {'village', 'country', 'capital', 'port'}))})\s+of\s+"
                      r"([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)")


# "Najaf-based senior religious leader": where someone is based is a place
_BASED_IN = re.compile(r"\b([A-Z][\w']*(?:\s+[A-Z][\w']*)*)-based\b")


def is_place(name: str, text: str) -> bool:
    """Is the name one the text puts after a preposition of place ("in Basra", "went to Basra"), after a kind of
    place ("the holy city of Najaf") or before "-based" ("Najaf-based")?"""
    return any(m.group(1) == name for pattern in (AT_PLACE, _KIND_OF, _BASED_IN) for m in pattern.finditer(text))


def split_run(names: list[str], text: str) -> list[str]:
    """Names as the text writes them: a run of capitalised words it never writes together, a name then a place it
    puts after a preposition of place, is the two ("Maliki Basra", of "maliki basra trip" against "Maliki went to
    Basra on Monday"); the others as they are."""
    out = []
    for name in names:
        parts = name.split()
        cut = next((k for k in range(1, len(parts)) if name not in text
                    and is_place(" ".join(parts[k:]), text) and " ".join(parts[:k]) in text), None)
        out += [" ".join(parts[:cut]), " ".join(parts[cut:])] if cut else [name]
    return out


def answered_names(question: str, answer: str) -> list[str]:
    """Names in the answer that the question did not mention, nearest first to where the answer echoes the
    question ("... militia led by Shi'ite cleric Moqtada Al-Sadr" for "Who leads the militia?")."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", question)}
    echoes = [m.start() for m in re.finditer(r"[A-Za-z]{4,}", answer) if m.group().lower() in asked]
    found = []
    answer = QUOTED.sub(lambda m: " " * len(m.group()), answer)
    for m in _NAME.finditer(answer):
        name = " ".join(p for p in m.group(1).split() if p not in _NOT_NAMES
                        and not re.search(r"-(led|based|backed|born|run)$", p))
        name = re.sub(r"['\u2019]s$", "", name)  # "Sadr's ceasefire" names Sadr
        if (not name or name.lower() in question.lower() or name.lower() in CALENDAR
                or _PREFIXED.search(answer[:m.start()])):
            continue
        name = _with_nouns(name, answer[m.end():])  # "Iraqi security forces": the people, not their country's word
        # "the Shi'ite holy city of Najaf": a word for a kind of person before lower-case words is a modifier, no one
        # a pronoun or a carried topic stands for (was "what happens after (Shi'ite)?")
        if " " not in name and is_person_noun(name.lower()) and re.match(r"\s+[a-z]", answer[m.end():]):
            continue
        # (nor a word made from a name it asked about: "Sadrist" after "who supports Sadr"; the asked word itself
        # before more names is a title: "Iraqi Prime Minister Nouri Al-Maliki" for "who's the iraqi prime minister")
        first = name.split()[0].lower()
        if any(len(w) >= 4 and first.startswith(w) and first != w for w in asked):
            continue
        distance = min((abs(m.start() - e) for e in echoes), default=m.start())
        found.append((len(name.split()) < 2, distance, name, m.start()))  # full names first, then the nearest
    found.sort()
    # "led by Jean de Bethencourt and the Poitevine Gadifer de la Salle conquered ...": of two people joined
    # by "and", "he" is the first (the nearer to the verb is only the second conjunct).
    if found:
        at = found[0][3]
        joined = re.search(r"\band\s+(?:the\s+(?:\w+\s+)?)?$", answer[max(at - 20, 0):at])
        earlier = [f for f in found if f[3] < at and not f[0]]
        if joined and earlier:
            first = max(earlier, key=lambda f: f[3])
            if re.fullmatch(r"[\w'\- ]*", answer[first[3] + len(first[2]):at - len(joined.group())]):
                found.remove(first)
                found.insert(0, first)
    return [f[2] for f in found]


_NOUNS_AFTER = re.compile(r"(?:\s+[a-z]+){1,3}")


def _with_nouns(name: str, after: str) -> str:
    """A people's word before lower-case nouns with the nouns ("Iraqi" + " security forces in December" ->
    "Iraqi security forces"): "he" / "they" after "who is in charge in Basra" are the forces, not "Iraqi"."""
    if " " in name or not country_names(name):
        return name
    nouns = []
    following = _NOUNS_AFTER.match(after)
    for w in following.group().split() if following else []:
        if w in stopwords() or not base_forms(w, "n") or is_participle(w):
            break
        nouns.append(w)
    return " ".join([name, *nouns])
