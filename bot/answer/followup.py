"""Follow-ups that point back at the previous answer: "Where did he say *that*?", "And who took *that* further
a year later?", "What happened *then*?".

The demonstrative stands for what the previous answer said, so the answer is near it in the same article
(the sentence after "Dan Senor said on Thursday that ..." is "Speaking at a press conference in Baghdad,
Senor ..."), and it is not the previous answer itself: repeating it answers nothing new. The previous
answer's sentences are found by their exact text in the answer shown (citations are verbatim quotes).
"""

from __future__ import annotations

import re

from bot.answer.features import has_exact_type
from bot.answer.lexicon import base_forms
from bot.answer.provenance import asks_article, is_credit
from bot.answer.speaker import reports_speech
from bot.library import Library, SentenceRow, sentence_at
from bot.types import Passage

# "that" / "this" standing alone (not "that agreement"), "then", "there", "before / after that", "next" (not
# "the next step"), "afterwards".
_BACK = re.compile(r"\b(that|this|then|there|next|afterwards)\b(?:\s+([\w']+))?", re.I)
# What opens a clause or a noun phrase: after it "that" is a conjunction or a determiner, no pointer.
_OPENERS = frozenset("the a an his her their its our my your he she they it we i you there this that these those "
                     "some any no every all each".split())
# "tell me more about ...", "what else did he say": more than the previous answer said.
_MORE = re.compile(r"\b(?:more|else)\b", re.I)
# "Who said that?": asks for the speaker of the previous answer, which that answer's sentence names.
# ("who wrote this?" asks for the article's writer: its credit line, bot/answer/provenance.py)
_WHO_SAID = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?who\s+(?:(?:said|says|told|announced|stated|claimed|"
                       r"reported|demanded|asked\s+for)"
                       # "who called them that" after "who are the outlaws": who wrote the word the answer quoted
                       r"|(?:called|calls|named|labell?ed|dubbed|branded)\s+(?:them|him|her|it))"
                       r"\s+(?:that|this|it|so)\s*(?:[?.!(]|$)", re.I)  # "who says so?"
_OPENS_WITH_PRONOUN = re.compile(r"^\W*(?:he|she|they)\b", re.I)
# "when did it happen", "why did it start", "did it work": "it" is the event the previous answer told of, not a thing named.
_EVENT_IT = re.compile(r"\bit\s+(?:happen(?:s|ed)?|occur(?:s|red)?|(?:take|takes|took)\s+place|start(?:s|ed)?|"
                       r"begin|began|begins|end(?:s|ed)?|come\s+about|came\s+about|break\s+out|broke\s+out|"
                       # how it went: "did it work", "how did it go", "did it help", "how long did it last"
                       r"work(?:s|ed)?|succeed(?:s|ed)?|fail(?:s|ed)?|help(?:s|ed)?|last(?:s|ed)?|go|went|"
                       r"turn(?:s|ed)?\s+out|(?:been\s+|be\s+)?going\s+on|go(?:es)?\s+on|went\s+on)\b", re.I)
# "who started it", "what caused it": "it" the object of the asked one's starting or causing is the event too
# (not "Basra", the place the question before named: "why is there fighting in Basra")
_CAUSED_IT = re.compile(r"^\W*(?:who|what)\s+(?:(?:first|really|actually|originally)\s+)?"
                        r"(?:start(?:s|ed)?|begin|began|begun|cause[sd]?|trigger(?:s|ed)?|spark(?:s|ed)?|"
                        r"provoke[sd]?|set\s+off|kick(?:s|ed)?\s+off)\s+it\b(?!\s+(?:to|up)\b)", re.I)
WINDOW = 2  # sentences either side of a previous answer's sentence that may answer the follow-up


def refers_back(question: str) -> bool:
    """Does the question point at the previous answer with a demonstrative, not at a thing it names, or ask
    for more than it said ("tell me more about ...", "what else")?
    "where did he say that?", "who took that further" (an adverb follows), but not "what did that
    agreement say" (a noun follows) nor "is there a curfew" (an existential "there" before a noun)."""
    # ("how do you know?", "proof?": the answer just given is asked for again, whatever the words)
    if (wants_more(question) or points_at_event(question) or asks_who_said(question) or asks_next(question)
            or asks_article(question)):
        return True
    for m in _BACK.finditer(question):
        word, after = m.group(1).lower(), (m.group(2) or "").lower()
        if word == "there" and after and base_forms(after, "n"):
            continue  # "is there a curfew": no place pointed at
        if word in ("that", "this", "next") and after and (after in _OPENERS or m.group(2)[:1].isupper()
                                                           or (base_forms(after, "n") and not base_forms(after, "v"))):
            continue  # "that agreement", "announced that the US ...", "the next step": a thing named, or a clause
        return True
    return False


# "what came next", "what happened then", "and after that?", "then what", "what's after that": the sentence after
# the previous answer
_NEXT = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:(?:what|then\s+what)(?:['\u2019]?s)?\s*(?:(?:came|comes|happened|happens|"
                   r"followed|follows|was|is)\s*)?(?:next|after\s+that|afterwards|then)?|after\s+that)\W*"
                   r"(?:\([^)]*\))?\W*$", re.I)


def asks_next(question: str) -> bool:
    """Does the question ask what came after the previous answer ("what came next", "and after that?")?"""
    m = _NEXT.match(question)
    return bool(m) and bool(re.search(r"(?i)\b(?:next|after\s+that|afterwards|then|followed|follows)\b", question))


def next_sentence(lib: Library, rows: list[SentenceRow]) -> SentenceRow | None:
    """The body sentence right after the last of the previous answer's sentences, in its article."""
    if not rows:
        return None
    last = rows[-1]
    sents = lib.sentences[last.article_id]
    text = lib.articles[last.article_id].text
    # (a credit line is no next event: "VOA Correspondent Challiss McDonough has more ...")
    return next((s for s in sents[last.ordinal + 1:] if s.kind == "body" and not is_credit(text[s.start:s.end])),
                None)


def wants_more(question: str) -> bool:
    """Does the question ask for more than the previous answer said ("what else", "tell me more")?"""
    return bool(_MORE.search(question))


def points_at_event(question: str) -> bool:
    """Is "it" the event itself ("when did it happen?"), which the previous answer told of?"""
    return bool(_EVENT_IT.search(question) or _CAUSED_IT.search(question))


def previous_sentences(lib: Library, passages: list[Passage], previous_answer: str) -> list[SentenceRow]:
    """The sentences of the passages' articles that the previous answer quoted (verbatim, [n] markers
    and the uncertain answer's introduction around them)."""
    if not previous_answer:
        return []
    shown = re.sub(r"\s*\[\d+\]", "", previous_answer)
    out, seen = [], set()
    for p in passages:
        if p.article_id in seen:
            continue
        seen.add(p.article_id)
        text = lib.articles[p.article_id].text
        out += [s for s in lib.sentences[p.article_id] if s.end - s.start > 20 and text[s.start:s.end] in shown]
    return out


def around(lib: Library, rows: list[SentenceRow], rank: int = 0, whole: bool = False) -> tuple:
    """(SentenceRow, passage rank) of the sentences within WINDOW of each row (whole: of its article), the rows
    themselves excluded."""
    skip = {s.id for s in rows}
    out = []
    for s in rows:
        sents = lib.sentences[s.article_id]
        window = len(sents) if whole else WINDOW
        for o in range(max(s.ordinal - window, 0), min(s.ordinal + window + 1, len(sents))):
            if sents[o].id not in skip:
                out.append((sents[o], rank))
    return tuple(out)


def _ordinals(rows: list[SentenceRow]) -> dict[str, list[int]]:
    """The rows' places in their articles: article id -> the rows' ordinals."""
    where: dict[str, list[int]] = {}
    for s in rows:
        where.setdefault(s.article_id, []).append(s.ordinal)
    return where


def nearest_typed(lib: Library, rows: list[SentenceRow], cands: list):
    """Of the candidates (holding what the question asks for: a date), the one nearest in its article to a
    row, the sentences the previous answer quoted; None when no candidate is in their articles."""
    where = _ordinals(rows)
    best, distance = None, None
    for c in cands:
        if c.article_id in where:
            ordinal = sentence_at(lib, c.article_id, c.start).ordinal
            d = min(abs(ordinal - o) for o in where[c.article_id])
            if distance is None or d < distance:
                best, distance = c, d
    return best


def asks_who_said(question: str) -> bool:
    """Does the question ask who said what the previous answer quoted ("who said that?")?"""
    return bool(_WHO_SAID.match(question))


def said_by(lib: Library, rows: list[SentenceRow]) -> list[SentenceRow]:
    """The previous answer's sentences with, before one opening with "he" / "she" / "they", the sentence
    before it, which names who that is ("The cleric's aide Hazem Al-Aaraji read a statement ... He said ...")."""
    # of a summary, the sentences reporting what someone said
    rows = [s for s in rows if reports_speech(lib, s.article_id, s.start)] or rows
    out: list[SentenceRow] = []
    for s in rows:
        text = lib.articles[s.article_id].text
        if _OPENS_WITH_PRONOUN.match(text[s.start:s.end]) and s.ordinal > 0:
            prev = lib.sentences[s.article_id][s.ordinal - 1]
            if prev not in out:
                out.append(prev)
        if s not in out:
            out.append(s)
    return out


# A place named (a capitalised name after a preposition of place: "in Basra", "in the city of Kut"), not a month or
# a day ("in December")
_NAMES_PLACE = re.compile(r"\b(?:in|at|near|inside|outside|around)\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?"
                          r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]")


def setting_near(lib: Library, rows: list[SentenceRow], cands: list, atype: str):  # -> Candidate | None
    """For "where did it happen?" / "when was that?" with no word of its own to weigh a sentence by: of the
    candidates within WINDOW sentences of the previous answer's (themselves too), in their article, the nearest
    naming a place (`atype` "place") or a day, month or year ("date"), the one before on a tie (a story sets the
    scene before it tells what happened there); None when none does."""
    where = _ordinals(rows)
    best, key = None, None
    for c in cands:
        text = lib.articles[c.article_id].text
        sentence = text[c.start:c.end]
        named = _NAMES_PLACE.search(sentence) if atype == "place" else (
            atype == "date" and has_exact_type(sentence, "date", set()) > 0)
        if c.article_id not in where or is_credit(sentence) or not named:
            continue
        ordinal = sentence_at(lib, c.article_id, c.start).ordinal
        d = min(where[c.article_id], key=lambda o: abs(ordinal - o))
        k = (abs(ordinal - d), ordinal > d)
        if k[0] <= WINDOW and (key is None or k < key):
            best, key = c, k
    return best


# Where words were spoken: "Speaking at a press conference in Baghdad, ...", "told reporters in Najaf", "at a news
# conference"
_SPOKEN_AT = re.compile(r"(?i)\b(?:speaking|addressing\s+[\w\s]{1,30}?|told\s+(?:reporters|journalists|a\s+[a-z]+))\s+"
                        r"(?:at|in|from|outside|inside)\b|"
                        r"\b(?:at|during)\s+an?\s+(?:press|news)\s+(?:conference|briefing)\b|"
                        # ... or where the speaker is: '"...," said Abu Faris, a militia commander near the shrine'
                        r"\bsaid\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*,\s+an?\s+[a-z][^,.;]*?"
                        r"\s(?:in|near|at|inside|outside)\s")


def spoken_where(sentence: str) -> bool:
    """Does the sentence tell where its words were spoken ("Speaking at a press conference in Baghdad, ...")?"""
    return bool(_SPOKEN_AT.search(sentence))
