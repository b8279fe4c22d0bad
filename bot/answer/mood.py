"""The mood in a place: "what's the mood in Najaf?", "how's the atmosphere in Najaf", "what's the feeling like in Kut".

A mood is told in words of feeling ("greeted with cautious relief by the embattled residents", "has angered many
residents"), seldom in a sentence naming the place, which tells instead what happened there. The answer is the
sentences of the article telling most of the place that hold a word of feeling and name no other place, in
article order; none found, the usual summary of the place answers (bot/answer/topic.py reads it as what life is
like there).
"""

from __future__ import annotations

import re

from bot.answer import lexicon, rewordings, wordkinds
from bot.answer.overview import topic_terms
from bot.library import Library
from bot.types import Passage
from index.terms import holds_run, terms, words

# "what's the mood in Najaf", "how is the atmosphere like at the shrine", "what was the feeling among residents",
# "najaf mood"
_MOOD = re.compile(r"^\W*(?:(?:and|so|ok|okay|well)\W+)?(?:what|how)(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+"
                   r"(?:the\s+)?(?:general\s+|overall\s+)?(?:mood|atmosphere|feeling|sentiment|morale|spirits|vibe)"
                   r"(?:\s+like)?\s+(?:in|at|among|around)\s+(?P<place>[^?()]+?)(?:\s+(?:like|now|today))?[\s?.!]*$"
                   # ... typed as keywords: "najaf mood", "sadr city's mood", "mood in basra"
                   r"|^\W*(?:the\s+)?(?:mood|atmosphere|morale|vibe)\s+(?:in|at|among|around)\s+"
                   r"(?P<after>[^?()]+?)[\s?.!]*$"
                   r"|^\W*(?!(?:what|how|the)\b)(?P<before>[\w\-]+(?:\s+[\w\-]+){0,2}?)(?:['\u2019]s?)?\s+"
                   r"(?:mood|atmosphere|morale|vibe)[\s?.!]*$"
                   # ... or asked of the people there, reacting to nothing named: "how did people in Baghdad react"
                   # (how they feel is a stand taken among them, bot/answer/reaction.py; how they are coping, life
                   # there, bot/answer/topic.py)
                   r"|^\W*(?:(?:and|so|ok|okay|well)\W+)?how\s+(?:do|did|does|are|were|have|has)\s+(?:the\s+)?"
                   r"(?:people|residents|locals|folks|everyone|everybody|civilians|inhabitants)\s+(?:in|of|at|around)\s+"
                   r"(?P<among>[A-Z][^?()]*?)\s+(?:react(?:ed|ing)?|respond(?:ed|ing)?|tak(?:e|en|ing)\s+it|took\s+it)"
                   r"[\s?.!]*$", re.I)
FEELING_NOUNS, EMOTION_VERBS = 12, 37  # WordNet's lexicographer files noun.feeling and verb.emotion
MOOD_MAX = 3  # sentences at most
_NOT = frozenset({"not", "no", "never", "n't", "nor"})
_TELLING_LOOKUP = 3  # retrieved articles read for the one telling most of the place


def asks_mood(question: str) -> str | None:
    """The place (or people) whose mood the question asks ("what's the mood in Najaf" -> "Najaf"), else None."""
    m = _MOOD.match(question)
    # (before "mood", a name: "Najaf mood", as the question's names are written by then; not "good mood")
    if m and m.group("before") and not re.search(r"\b[A-Z]", m.group("before")):
        return None
    return (m.group("place") or m.group("after") or m.group("before") or m.group("among")).strip() if m else None


def feels(word: str) -> bool:
    """Is the word one of feeling: a noun whose first sense is a feeling ("relief", "fear"), a verb whose first
    sense stirs one ("angered"), or an adjective naming a state that is one first ("angry": anger)?"""
    w = word.lower()
    if not w.isalpha() or not lexicon.available():
        return False
    if wordkinds.first_sense_in(w, "n", FEELING_NOUNS):
        return True
    # (a verb in its participle, "angered", "alarmed": "entrances" and "still" are a noun and an adverb here)
    if w.endswith(("ed", "ing")) and wordkinds.first_sense_in(w, "v", EMOTION_VERBS):
        return True
    return any(wordkinds.first_sense_in(n, "n", FEELING_NOUNS) for n in rewordings.state_nouns(w))


def mood_sentences(lib: Library, passages: list[Passage], place: str) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the sentences telling the mood in `place` (asks_mood's): of the first
    retrieved articles, the one naming the place in most sentences; its body sentences holding a word of feeling
    and no capitalised name of another place; empty when there are none."""
    want = topic_terms(place)
    if not want:
        return []
    articles = list(dict.fromkeys(p.article_id for p in passages))[:_TELLING_LOOKUP]

    # (a place of several words named as one: "Sadr City", not "Sadr" and "the southern city" apart)
    seq = terms(place)

    def names_place(sentence: str) -> bool:
        return want <= set(terms(sentence)) and (len(seq) < 2 or holds_run(sentence, seq))

    def naming(aid: str) -> int:  # sentences naming the place (its headline too)
        text = lib.articles[aid].text
        return sum(names_place(text[s.start:s.end]) for s in lib.sentences.get(aid, []))
    telling = max(articles, key=naming, default=None)  # (the first of equals: retrieval order)
    if telling is None or not naming(telling):
        return []
    text = lib.articles[telling].text
    out = []
    for s in lib.sentences.get(telling, []):
        sentence = text[s.start:s.end]
        ws = words(sentence)
        # (a feeling denied is none: "they are not interested in fighting")
        if s.kind != "body" or not any(feels(w) and not _NOT & set(ws[max(i - 2, 0):i]) for i, w in enumerate(ws)):
            continue
        # (a sentence naming another place tells the mood there: "Angry protesters took to the streets in the Sadr
        # City district of Baghdad")
        # (a capitalised word not opening the sentence)
        # (unless it names the place asked about too: "... in the Sadr City district of Baghdad" for Sadr City)
        if not names_place(sentence) and any(
                wordkinds.is_place_noun(w.lower()) or wordkinds.is_land(w.lower())
                for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", sentence) if not set(terms(w)) & want):
            continue
        out.append((telling, s.start, s.end, 1.0))
    return out[:MOOD_MAX]
