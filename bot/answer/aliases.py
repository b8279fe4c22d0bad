"""Who "the cleric" is: the titles an article gives its people, so a sentence about "the cleric" counts as
naming Sadr when the article calls him "cleric Moqtada al-Sadr" (and which place "the city" is, when the
article named it "the city of Najaf").

News introduces a person once with a title ("Shi'ite cleric Moqtada al-Sadr", "Sadr spokesman Hazem
al-Aaraji", "Abu Faris, a militia commander") and then says "the cleric", "the spokesman". A question names
the person ("What did Sadr agree to?"); the answer sentence has only the title ("The cleric agreed to end
..."). We read the title -> name pairs off the article and let "the <title>" stand for the name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer import wordkinds
from index.terms import stopwords, terms

_NAME = r"(?:(?:al-|Al-|el-|bin |ibn |de |van |von )?[A-Z][\w'\-]+)(?:[ \t]+(?:(?:al-|Al-|el-|bin |de )?[A-Z][\w'\-]+))*"
# "cleric Moqtada al-Sadr": a lower-case title right before a name
_BEFORE = re.compile(rf"\b([a-z]{{3,}})[ \t]+({_NAME})")
# "Abu Faris, a militia commander", "Maria Ortega, the county's chief judge": a name, then "a/the" and up
# to three lower-case words among which the title is
_AFTER = re.compile(rf"({_NAME}),[ \t]+(?:a|an|the)[ \t]+((?:[a-z'\-]+[ \t]*){{1,3}})")
# "on behalf of their duke, William the Conqueror, ...": a lower-case title, a comma, then the name
_APPOSED = re.compile(rf"\b([a-z]{{3,}}),[ \t]+({_NAME})")
# "the cleric", "the cleric's", "the prime minister", "the militia commander", "this ancient city" in a sentence
_THE = re.compile(r"\b(?:the|The|this|This)\s+([a-z]{3,})(?:[ \t]+([a-z]{3,}))?\b")
# "the city of Najaf": a place named once with its kind, then called "the city", "this ancient city"
_PLACE_OF = re.compile(r"\b(city|town|village|province|district)[ \t]+of[ \t]+([A-Z][\w'\-]+)")


def _is_title(word: str) -> bool:
    """A word for a kind of person (WordNet's noun.person: "cleric", "spokesman", "aide", "commander")."""
    return word not in stopwords() and wordkinds.is_person_noun(word)


def _is_name(name: str) -> bool:
    return name.split()[0].lower() not in stopwords()


def _after_titles(words: list[str]) -> list[str]:
    """The title words of "a militia commander near ...", "the county's chief judge": the first run of
    words for a kind of person ("commander"; "chief", "judge"), none after it."""
    out = []
    for w in words:
        if _is_title(w):
            out.append(w)
        elif out:
            break
    return out


@lru_cache(maxsize=512)
def titles(text: str) -> dict[str, str]:
    """title word -> the name the article gives it most often ("cleric" -> "Moqtada al-Sadr")."""
    counts: dict[str, dict[str, int]] = {}
    for m in _BEFORE.finditer(text):
        title, name = m.group(1), m.group(2)
        if _is_title(title) and _is_name(name):
            counts.setdefault(title, {}).setdefault(name, 0)
            counts[title][name] += 1
    for m in _AFTER.finditer(text):
        name = m.group(1)
        for title in _after_titles(m.group(2).split()):
            if _is_name(name):
                counts.setdefault(title, {}).setdefault(name, 0)
                counts[title][name] += 1
    # "Prime Minister Nouri Al-Maliki" ... "the prime minister": a title the article writes in lower case
    # after "the" and capitalised before a name.
    for m in _THE.finditer(text):
        title = " ".join(w for w in m.groups() if w)
        for phrase in {title, m.group(1)}:
            head = phrase.split()[-1]
            if not _is_title(head):
                continue
            capitalised = r"[ \t]+".join(w.capitalize() for w in phrase.split())
            for named in re.finditer(rf"\b{capitalised}[ \t]+({_NAME})", text):
                if _is_name(named.group(1)):
                    counts.setdefault(head, {}).setdefault(named.group(1), 0)
                    counts[head][named.group(1)] += 1
    for m in _PLACE_OF.finditer(text):
        counts.setdefault(m.group(1), {}).setdefault(m.group(2), 0)
        counts[m.group(1)][m.group(2)] += 1
    return {t: max(names, key=lambda n: (names[n], len(n))) for t, names in counts.items()}


def introduces(sentence: str, name_terms: set[str]) -> bool:
    """Does the sentence give a person named by name_terms a title ("Shi'ite cleric Moqtada al-Sadr",
    "Abu Faris, a militia commander", "their duke, William the Conqueror")? What "who is Sadr?" wants first."""
    for m in (*_BEFORE.finditer(sentence), *_APPOSED.finditer(sentence)):
        if _is_title(m.group(1)) and set(terms(m.group(2))) & name_terms:
            return True
    return any(set(terms(m.group(1))) & name_terms and _after_titles(m.group(2).split())
               for m in _AFTER.finditer(sentence))


def named_by_title(text: str, sentence: str) -> str:
    """The names "the <title>" in `sentence` stands for, per the article `text` ("" when none)."""
    table = titles(text)
    # "the militia commander": the title is the noun's head, the last of the two words when it is one
    found = [table[t] for m in _THE.finditer(sentence) for t in (m.group(2), m.group(1)) if t in table][:8]
    return " ".join(dict.fromkeys(found))


# "The prime minister issued ...": a sentence opening with "the" and a title (or a title of two words)
_THE_TITLE = re.compile(r"\W*[Tt]he\s+[a-z]+(?:\s+[a-z]+)?")


def opens_with_title(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """Does the sentence text[start:end] open with a title the article gives the one `names` holds the terms of
    ("The prime minister ..." for Maliki)?"""
    m = _THE_TITLE.match(text, start, end)
    return bool(m) and bool(names) and names <= set(terms(named_by_title(text, m.group())))


def alias_terms(text: str, sentence: str) -> set[str]:
    return set(terms(named_by_title(text, sentence)))
