"""The terms of a deal: "what are the terms of the truce?", "what were the conditions of the deal", "truce terms",
"what did each side get?".

News tells a deal's terms as what each side agreed to ("The cleric agreed to end all armed demonstrations ...",
"For their part, the US agreed to suspend the warrant ..."), rarely in a sentence naming the deal, which tells
instead that it was struck and how it was greeted. The answer is the sentences of the first retrieved article
holding the deal's words in which someone agrees, promises or commits to something, in article order.
"""

from __future__ import annotations

import re

from bot.answer.overview import topic_terms
from bot.library import Library
from bot.types import Passage
from index.terms import terms

# "what are the terms of the truce", "what were the conditions of the deal", "the provisions of the agreement?"
_TERMS = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|well)\W+)?"
    r"(?:(?:what|which)(?:['\u2019]s|\s+is|\s+was|\s+are|\s+were)\s+|(?:tell\s+me|give\s+me|list)\s+)?"
    r"(?:the\s+)?(?:terms|conditions|provisions|details)\s+(?:of|in|for)\s+(?P<topic>[^?()]+?)"
    r"(?:\s*\((?:in\s+)?(?P<carried>[^()]+)\))?[\s?.!]*$"
    # "truce terms", "the deal's terms", "najaf truce terms"; "what were the terms" (of what the articles agree on:
    # the topic "")
    r"|^\W*(?:what\s+(?:are|were)\s+)?(?:the\s+)?"
    r"(?P<before>(?!(?:the|what|which|are|were)\b)[\w\-]+(?:\s+(?!(?:the|are|were)\b)[\w\-]+){0,2}?)"
    r"(?:['\u2019]s)?\s+(?:terms|conditions)"
    r"[\s?.!]*$"
    r"|^\W*what\s+(?:are|were)\s+the\s+(?:terms|conditions)(?:\s*\((?:in\s+)?(?P<then>[^()]+)\))?[\s?.!]*$"
    # "what did each side get", "what did both sides agree to in the truce": what each side agreed to
    r"|^\W*(?:(?:and|so)\W+)?what\s+did\s+(?:each|both|either|the\s+two)\s+sides?\s+(?:get|gain|win|agree\s+to|"
    r"agree\s+on|promise|give\s+up|concede)(?:\s+(?:in|under|from)\s+(?P<under>[^?()]+?))?"
    r"(?:\s*\((?:in\s+)?(?P<sides>[^()]+)\))?[\s?.!]*$", re.I)
# A side committing itself: a verb of agreeing, promising or accepting, then what it commits to.
_AGREES = re.compile(r"(?i)\b(?:agree[sd]?|agreeing|promise[sd]?|promising|pledge[sd]?|pledging|commit(?:s|ted)?|"
                     r"consent(?:s|ed)?|undert(?:ake|akes|ook))\s+(?:to|that)\b")
_DEALS = frozenset("deal agreement accord pact truce ceasefire cease-fire settlement arrangement".split())
SIDES_MAX = 4  # sentences at most: one per side is usual


def asks_terms(question: str) -> str | None:
    """The deal a question asks the terms of ("the truce"; "" for none named), else None."""
    m = _TERMS.match(question)
    if not m:
        return None
    topic = (m.group("topic") or m.group("before") or m.group("then") or m.group("under") or m.group("sides")
             or "").strip()
    # (the details of anything else are its story: "details of the offensive"; of a deal, its terms)
    if re.search(r"(?i)\bdetails\b", question) and not (topic.split() and topic.split()[-1].lower() in _DEALS):
        return None
    return topic


def deal_terms(lib: Library, passages: list[Passage], topic: str) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the sentences of the first retrieved article holding the words of the deal
    `topic` (asks_terms'; "" for none named) in which a side commits to something, in article order; empty when none
    does (the usual answer follows)."""
    want = topic_terms(topic)
    # "the terms of the deal" where the articles call it a truce: a deal by no other word ("the deal", "the
    # agreement") is any retrieved article's, when none holds its words (not "the terms of the loan")
    words_ = topic.lower().split()
    generic = bool(words_) and words_[-1] in _DEALS and all(w in _DEALS or w in ("the", "a", "this", "that")
                                                           for w in words_)
    return _sides(lib, passages, want) or (_sides(lib, passages, set()) if generic else [])


def _sides(lib: Library, passages: list[Passage], want: set[str]) -> list[tuple[str, int, int, float]]:
    for rank, aid in enumerate(dict.fromkeys(p.article_id for p in passages)):
        text = lib.articles[aid].text
        if not want <= set(terms(text)):
            continue
        sides = [s for s in lib.sentences.get(aid, []) if s.kind == "body" and _AGREES.search(text[s.start:s.end])]
        if sides:
            return [(aid, s.start, s.end, 1.0 / (rank + 1)) for s in sides[:SIDES_MAX]]
    return []
