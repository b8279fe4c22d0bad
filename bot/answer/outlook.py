"""What lies ahead: "what's next?", "what will happen now?", "what happens next in Basra?", asked with nothing
shown before it (after an answer, "what's next" is the sentence after that answer: bot/answer/followup.py).

News tells what lies ahead in sentences about the future: something to be done ("a citywide curfew in Baghdad
is to be lifted early Monday"), a step announced ("the second step will be civil disobedience"), a threat on a
condition, a plan, what someone said would happen ("the military would gradually hand over responsibility
..."). The answer is the most forward-looking sentence of each of the first retrieved articles (of those
holding the topic's terms, when the question names one), in retrieval order, each cited.
"""

from __future__ import annotations

import re

from bot.answer.overview import ARTICLES_MAX, topic_terms
from bot.library import Library
from bot.types import Passage
from index.terms import terms

_OUTLOOK = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|well)\W+)?"
    r"(?:what(?:['\u2019]s|\s+is|\s+comes)\s+next(?!\s+to\b)|what\s+happens\s+(?:next|now)|what\s+(?:lies|is)\s+ahead"
    r"|what\s+(?:will|could|might|may|would|is\s+going\s+to)\s+happen(?:\s+(?:next|now))?)"
    r"(?:\s+(?P<prep>for|in|to|with|on|at)\s+(?P<topic>[^?()]+?))?"
    r"(?:\s*\((?:in\s+|at\s+)?(?P<carried>[^()]+)\))?[\s?.!]*$", re.I)

# Words of the future, with how strongly each says what comes next: an act set for later or announced as the next
# step (2) over a bare "will" / "would", which also tells what someone would do on a condition (1).
_CUES = ((re.compile(r"(?i)\b(?:is|are)\s+to\s+be\b|\b(?:is|are|was|were)\s+(?:expected|set|due|scheduled)\s+to\b|"
                     r"\bplans?\s+to\b|\bthreaten(?:s|ing)\b|\b(?:next|second|third|final)\s+step\b"), 2),
         (re.compile(r"(?i)\bwill\b|\bwould\b|\bgoing\s+to\b|'ll\b"), 1))


def asks_outlook(question: str) -> str | None:
    """The topic of a question asking what lies ahead ("" when it names none), else None."""
    asked = _asked(question)
    return asked[0] if asked else None


def _asked(question: str) -> tuple[str, bool] | None:
    """(topic, whether it is a place: "what happens next *in* Basra", not "for Sadr") of an outlook question."""
    m = _OUTLOOK.match(question)
    if not m:
        return None
    return (m.group("topic") or m.group("carried") or "").strip(), (m.group("prep") or "").lower() in ("in", "at")


def _ahead(sentence: str) -> int:
    """How strongly the sentence tells of what comes next (0: not at all)."""
    return sum(weight for cue, weight in _CUES if cue.search(sentence))


def outlook(lib: Library, passages: list[Passage], question: str) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the most forward-looking body sentence (the first of equals) of each
    of the first articles of `passages` that has one, in retrieval order. With a topic, sentences holding its
    terms ("what's next for Sadr": "... Sadr's group was calling for ..."); with a place, when none does, any
    of an article holding it ("what happens next in Basra": the Basra article's next step)."""
    topic, in_place = _asked(question) or ("", False)
    want = topic_terms(topic) if topic else set()
    if not want:
        return _ahead_of(lib, passages, want, strict=False)
    return _ahead_of(lib, passages, want, strict=True) or (
        _ahead_of(lib, passages, want, strict=False) if in_place else [])


def _ahead_of(lib: Library, passages: list[Passage], want: set[str], strict: bool) -> list[tuple[str, int, int, float]]:
    out: list[tuple[str, int, int, float]] = []
    for rank, aid in enumerate(dict.fromkeys(p.article_id for p in passages)):
        text = lib.articles[aid].text
        if not want <= set(terms(text)):
            continue
        scored = [(_ahead(text[s.start:s.end]), -i, s) for i, s in enumerate(lib.sentences.get(aid, []))
                  if s.kind == "body" and (not strict or want <= set(terms(text[s.start:s.end])))]
        best = max(scored, key=lambda t: t[:2], default=None)
        if best is not None and best[0] > 0:
            out.append((aid, best[2].start, best[2].end, 1.0 / (rank + 1)))
        if len(out) == ARTICLES_MAX:
            break
    return out
