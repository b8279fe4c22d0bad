"""What the articles have in common: "what do the articles have in common", "how are the stories related", "who
appears in both articles". The answer is the name most of the articles read share (the person, place or body
named in the most of them, then the most often), told by the first sentence naming it in each, each cited; so
the reader sees the thread and where each article takes it up.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.answer.features import CALENDAR
from bot.answer.question import NAME
from bot.library import Library
from bot.types import Passage
from index.terms import stopwords

_COMMON = re.compile(
    r"(?i)^\W*(?:(?:so|ok|okay|and)\W+)?(?:what\s+do\s+(?:the|these|all\s+the|both|all)\s*(?:articles|stories|reports)?\s+"
    r"have\s+in\s+common|how\s+are\s+(?:the|these)\s+(?:articles|stories|reports)\s+(?:related|connected|linked)|"
    r"what\s+(?:links|connects|ties\s+together)\s+(?:the|these)\s+(?:articles|stories|reports)|"
    r"who\s+(?:appears|is\s+mentioned|is\s+named|comes\s+up)\s+in\s+(?:both|all|every|each)\s+(?:of\s+the\s+)?"
    r"(?:articles?|stories|story|reports?)|what(?:'s|\s+is)\s+the\s+(?:common|shared)\s+(?:thread|theme|topic|link))"
    r"[\s?.!]*$")
ARTICLES_MAX = 5  # articles read for the shared name (the retrieved passages' first ones)


def asks_common(question: str) -> bool:
    """Does the question ask what the articles have in common?"""
    return bool(_COMMON.match(question))


def _names(lib: Library, article_id: str) -> Counter:
    """The capitalised words the article's body sentences use past their first word, with their counts (no day
    or month, no function word)."""
    text = lib.articles[article_id].text
    found: Counter = Counter()
    for s in lib.sentences.get(article_id, []):
        if s.kind == "body":
            found.update(w for w in NAME.findall(text[s.start:s.end])
                         if w.lower() not in CALENDAR and w.lower() not in stopwords())
    return found


def common(lib: Library, passages: list[Passage]) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the first sentence naming the shared name in each article holding it,
    in the order the articles were read; empty when fewer than two articles share a name."""
    articles = list(dict.fromkeys(p.article_id for p in passages))[:ARTICLES_MAX]
    names = {a: _names(lib, a) for a in articles}
    spread = Counter(w for a in articles for w in names[a])
    shared = [w for w, n in spread.items() if n >= 2]
    if not shared:
        return []
    # the name most articles share, then the one they use most
    top = max(shared, key=lambda w: (spread[w], sum(names[a][w] for a in articles), w))
    out = []
    for a in articles:
        text = lib.articles[a].text
        first = next((s for s in lib.sentences.get(a, []) if s.kind == "body"
                      and re.search(rf"\b{re.escape(top)}\b", text[s.start:s.end])), None)
        if first is not None:
            out.append((a, first.start, first.end, 1.0))
    return out if len(out) >= 2 else []
