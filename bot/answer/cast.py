"""Who is involved: "who are the main players?", "who's involved in the Najaf standoff?", "key figures in
Basra": answered by the sentences that introduce the people of the first articles on the topic, each by the
title the article gives them ("Shi'ite cleric Moqtada al-Sadr", "Abu Faris, a militia commander";
bot/answer/aliases.py), one sentence a person, in article order.
"""

from __future__ import annotations

import re

from bot.answer import wordkinds
from bot.answer.aliases import introduces, titles
from bot.answer.overview import topic_terms
from bot.library import Library
from bot.types import Passage
from index.terms import terms

PEOPLE_MAX = 4  # people introduced at most: who is involved, not everyone named
ARTICLES_MAX = 2  # ... from the first articles on the topic

_CAST = re.compile(r"^\s*(?:(?:so|ok|okay|and)[\s,]+)?(?:who(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:(?:all\s+)?involved|who"
                   r"|(?:the\s+)?(?:main|key|major|important|big)\s+(?:players?|people|figures?|actors?|names?))"
                   r"|(?:the\s+)?(?:main|key|major)\s+(?:players|people|figures|actors)"
                   # "list the people mentioned", "who is named", "which people are involved in Najaf"
                   r"|(?:list|name)\s+(?:all\s+)?(?:the\s+)?(?:people|persons|players|figures)"
                   r"(?:\s+(?:mentioned|named|involved))?"
                   r"|who(?:'s|\s+is|\s+are|\s+was|\s+were|\s+gets?)\s+(?:mentioned|named)"
                   # "who are all the people mentioned", "who are the people in the story"
                   r"|who\s+(?:are|were)\s+(?:all\s+)?(?:the\s+)?(?:people|persons|players|figures)"
                   r"(?:\s+(?:mentioned|named|involved))?"
                   r"|(?:which|what)\s+people\s+(?:are|were)\s+(?:mentioned|named|involved))"
                   r"(?:\s+(?:in|at|with|on|behind|of)\s+(?P<topic>.+?))?[\s?.!]*$", re.I)


_THE_ARTICLES = re.compile(r"(?i)(?:the|this|these|those|your)\s+(?:story|stories|article|articles|news|reports?|texts?)")
# "(Najaf)", "(in Basra)" at a question's end: a topic the rewrite of a follow-up carried over (bot/rewrite.py)
CARRIED = re.compile(r"\s*\((?:in\s+)?([^()]+)\)(?=[\s?.!]*$)")


def asks_cast(question: str) -> str | None:
    """The topic of a question asking who is involved ("" when it names none), else None. Who is involved in
    an event ("in the Basra fighting") is asked of the event: its sides, not everyone its articles name."""
    # "who's involved (in Basra)?": the topic a follow-up carries over (bot/rewrite.py) is the topic asked about
    m = _CAST.match(CARRIED.sub(r" in \1", question))
    if not m:
        return None
    topic = (m.group("topic") or "").strip()
    # ("who are the people in the story": the articles themselves, no topic)
    if _THE_ARTICLES.fullmatch(topic):
        topic = ""
    involved = re.search(r"(?i)\binvolved\b", m.group(0)[:m.start("topic")] if m.group("topic") else m.group(0))
    if involved and re.search(r"\b[a-z]{3,}\b", re.sub(r"^(?:the|a|an)\s+", "", topic)):
        return None
    return topic


def cast(lib: Library, passages: list[Passage], topic: str) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the sentences introducing the people of the first articles of
    `passages` that name the topic (its names, else all its words); empty when fewer than two are found."""
    want = topic_terms(topic)
    articles = [a for a in dict.fromkeys(p.article_id for p in passages)
                if want <= set(terms(lib.articles[a].text))][:ARTICLES_MAX]
    out: list[tuple[str, int, int, float]] = []
    met: set[str] = set()  # each person's last name: "Moqtada al-Sadr" and "Muqtada al-Sadr" are one
    for rank, aid in enumerate(articles):
        text = lib.articles[aid].text
        people = [(title, name) for title, name in titles(text).items() if wordkinds.is_person_noun(title)]
        for s in lib.sentences.get(aid, []):
            if len(out) == PEOPLE_MAX:
                break
            if s.kind != "body":
                continue
            sentence = text[s.start:s.end]
            new = [n for t, n in people if _own(n) and _own(n)[-1] not in met and _introduces(sentence, t, n)]
            if new:
                met.update(_own(n)[-1] for n in new)
                out.append((aid, s.start, s.end, 1.0 / (rank + 1)))
    return out if len(out) >= 2 else []


_PARTICLES = frozenset({"al", "el", "ad", "bin", "ibn", "de", "da", "van", "von"})


def _introduces(sentence: str, title: str, name: str) -> bool:
    """The sentence gives the person a title: as aliases.introduces reads it, or capitalised before the name
    ("Prime Minister Nouri Al-Maliki" for "minister")."""
    return (introduces(sentence, set(_own(name)))
            or bool(re.search(rf"\b{title.capitalize()}\s+{re.escape(name)}", sentence)))


def _own(name: str) -> list[str]:
    """The terms of a name but its particles: "Hazem al-Aaraji" and "Moqtada al-Sadr" share no "al"."""
    return [t for t in terms(name) if t not in _PARTICLES]
