"""Two questions asked as one: "who is Sadr and what does he want", "what happened in Basra and how many died".

The answerer reads one question at a time (its main verb, its subject, the kind of answer it wants), so such a
question is cut where "and" opens the second, the second is made to stand alone against the first and its
answer as a follow-up is ("he" is Sadr; "how many died" is in Basra), and each is answered on its own. The
answer cites the sentences of both, the first question's first; it is as good as its better half (answered
when either part is), since every sentence shown is cited and checkable.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import STATUSES, Extraction

# "<question> and <question word or auxiliary> ...": the second question's opening
_SECOND = re.compile(r"(?i),?\s+and\s+(?=(?:what|who|whom|whose|where|when|why|how|which)(?:'s)?\s+\S"
                     # ... or a question word alone ("what did Sadr order and why": why he did)
                     r"|(?:why|when|where|how)\s*\??\s*$"
                     # (an auxiliary opens a question only before its subject: "... who keep their weapons and do not
                     # obey" goes on with the first)
                     r"|(?:is|are|was|were|did|does|do|has|have|will|would|can|could)\s+"
                     r"(?!(?:not|also|then|so|too)\b)\S+\s+\S)")
# ... the first must be a question of its own, a question word or an auxiliary and at least two more words
# ("when and where did Maliki go" is one question asking two things of one act)
_FIRST = re.compile(r"(?i)^\W*(?:what|who|whom|whose|where|when|why|how|which|is|are|was|were|did|does|do|has|have|"
                    r"will|would|can|could)(?:['\u2019]s\s+\S+|\s+\S+(?:\s+\S+)+)")
_BARE = re.compile(r"(?i)^(?:why|when|where|how)\s*\??\s*$")
_RANK = {status: i for i, status in enumerate(STATUSES)}  # answered, uncertain, not found: best first


def split_compound(question: str) -> tuple[str, str] | None:
    """(first question, second question) of two joined by "and", or None for a single question."""
    m = _SECOND.search(question)
    if not m:
        return None
    first, second = question[:m.start()].strip(), question[m.end():].strip()
    # (the first part must read as a question by itself: "tell me about Basra and what happened there" is one
    # request; so must the second, a question word alone aside)
    if not _FIRST.match(first) or (len(second.split()) < 2 and not _BARE.match(second)):
        return None
    return f"{first.rstrip(' ?')}?", second


def merge(first: Extraction, second: Extraction) -> Extraction:
    """One extraction (bot/answer/extract.Extraction) from the two parts': their sentences, the first's first,
    none twice; the status of the better part."""
    seen: set[tuple[str, int]] = set()  # (article, start): a summary's sentences are not the scorer's candidates
    chosen = []
    for c in (*first.chosen, *second.chosen):
        if (c.article_id, c.start) not in seen:
            seen.add((c.article_id, c.start))
            chosen.append(c)
    best = min((first, second), key=lambda e: _RANK[e.status])
    related = tuple(c for c in (*first.related, *second.related) if (c.article_id, c.start) not in seen)
    return replace(best, chosen=tuple(chosen), related=related, abstained=_RANK[best.status] > 0,
                   unknown=tuple(dict.fromkeys((*first.unknown, *second.unknown))))
