"""Questions about the whole archive ("summarize the articles", "what is this about?", "what's in the news?",
"what happened?", "give me the gist", "key points"): answered by the lead sentence of each of the first retrieved articles, each cited.

No topic is named, so there is nothing to score sentences against: news puts what a story is about in its
first sentence, and one lead per article, for up to four articles, is the overview. The articles are those
of the retrieved passages, in retrieval order, so a question limited to some articles or dates sums up those.
"""

from __future__ import annotations

import re

from bot.answer.common import asks_common
from bot.answer.compare import asks_comparison
from bot.answer.provenance import credit_lines
from bot.library import Library
from bot.types import Passage
from index.terms import terms

ARTICLES_MAX = 4  # leads shown at most: an overview, not a listing
ONE_ARTICLE = 3  # sentences summing up an article asked for alone
# The engine retrieves this many times its usual passages for such a question, so that more articles are seen.
WIDEN = 4

# (and how many there are: "what are the three articles about", "summarize all 3 stories")
_SCOPE = (r"(?:the|these|those|this|all(?:\s+the)?|my|your|our|its)?\s*"
          r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|both|\d+)\s+)?")
_ARCHIVE = r"(?:articles?|stories|story|news|documents?|texts?|corpus|archive|collection|everything|all|it all)"
_OVERVIEW = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|hey|please|can you|could you|pls)[\s,]+)*(?:"
    rf"(?:summari[sz]e|sum\s+up|recap|overview\s+of|(?:give\s+(?:me|us)\s+)?(?:an?\s+)?(?:quick\s+|short\s+|brief\s+)?(?:summary|overview|rundown|recap)"
    rf"(?:\s+(?:of|on))?)\s*{_SCOPE}{_ARCHIVE}?"
    rf"|what(?:'s|\s+is|\s+are|\s+were|\s+was)\s+{_SCOPE}(?:{_ARCHIVE}\s+)?about"
    rf"|what\s+do\s+{_SCOPE}{_ARCHIVE}\s+(?:say|cover|talk about)"
    r"|what(?:'s|\s+is)\s+(?:in\s+)?the\s+news"
    # "what's the story", "what's the situation": the events as a whole, no topic named
    r"|what(?:'s|\s+is)\s+the\s+(?:story|situation|scoop)"
    r"|what(?:'s|\s+is)\s+new|(?:the\s+)?(?:latest|top)\s+(?:news|stories|headlines)|(?:any\s+)?news|headlines"
    # "give me the news", "tell me the latest", "show me the headlines"
    r"|(?:give|tell|show)\s+(?:me|us)\s+(?:the\s+)?(?:latest|(?:latest\s+|top\s+)?(?:news|headlines|stories))"
    r"|what(?:'s|\s+is|\s+are)\s+(?:the\s+)?(?:latest|top)(?:\s+(?:news|stories|headlines))?"
    r"|what(?:'s|\s+is)\s+(?:been\s+)?(?:happening|going\s+on)|what\s+(?:has\s+)?happened"
    r"|tl;?dr"
    # "what's the conflict about", "what is all this about": the events as a whole, under a word for them
    r"|what(?:'s|\s+is|\s+was)\s+(?:(?:the|this|that)\s+(?:whole\s+)?(?:conflict|war|crisis|dispute|unrest|trouble|"
    r"standoff|fuss|thing)|all\s+(?:this|that))\s+(?:all\s+)?about"
    # "what articles do you have", "which stories are there", "what's in the archive"
    r"|(?:what|which)\s+(?:articles|stories|documents|news)\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+there|"
    r"are\s+(?:indexed|loaded|in\s+(?:the\s+)?(?:index|archive|corpus)))"
    r"|what(?:'s|\s+is)\s+in\s+(?:the|your|this)\s+(?:index|archive|corpus|collection)"
    # "what are the main events", "what are the big stories", "what topics do you cover"
    r"|what(?:'s|\s+is|\s+are|\s+were)\s+(?:the\s+)?(?:main|big|key|major|top)\s+(?:events?|stories|story|topics?|"
    r"issues?|news)"
    rf"|what\s+(?:topics|subjects|events)\s+(?:do|does|did)\s+(?:you|{_SCOPE}{_ARCHIVE})\s+(?:cover|have|know)"
    r"|(?:give\s+(?:me|us)\s+|what(?:'s|\s+is|\s+are)\s+)?(?:the\s+)?(?:gist|key\s+points|main\s+points|highlights|"
    r"big\s+picture)"
    rf"(?:\s+of\s+{_SCOPE}{_ARCHIVE})?"
    # "what's the background here", "give me some context", "timeline of events": the story as a whole
    r"|(?:give\s+(?:me|us)\s+(?:some\s+)?|what(?:'s|\s+is)\s+)?(?:the\s+)?(?:background|context|backstory|"
    r"timeline(?:\s+of\s+(?:the\s+)?events)?)(?:\s+here)?"
    # "what's the most important thing here", "what should I know", "explain the conflict": the story as a whole
    r"|what(?:'s|\s+is|\s+are)\s+(?:the\s+)?most\s+important\s+(?:thing|things|news|story|stories|points?|part|bit)"
    r"|what\s+(?:matters\s+most|should\s+i\s+know|(?:do|would)\s+i\s+need\s+to\s+know|(?:do|should)\s+i\s+know|"
    r"did\s+i\s+miss)"
    # "catch me up", "fill me in", "bring me up to speed", "get me up to date"
    r"|(?:catch|fill)\s+(?:me|us)\s+(?:up|in)|(?:bring|get)\s+(?:me|us)\s+up\s+to\s+(?:speed|date)"
    r"|explain\s+(?:(?:the|this|that)\s+(?:whole\s+)?(?:conflict|war|crisis|dispute|unrest|situation|story|news)|"
    r"it\s+all|everything)"
    # "what happened this week", "what's the latest today": when is no topic; nor is "here" ("what's the big
    # picture here") or "overall"; nor how to put it ("like I'm five", "in simple terms")
    r")(?:,?\s+(?:this\s+(?:week|month|year|morning)|today|lately|recently|so\s+far|right\s+now|these\s+days|"
    r"here|overall|in\s+general|like\s+i['\u2019]?m\s+(?:five|5)|in\s+simple\s+terms|simply|briefly|in\s+short))?"
    r"[\s?.!]*$", re.I)


def asks_overview(question: str) -> bool:
    """Does the question ask what the archive as a whole is about, naming no topic?"""
    return bool(_OVERVIEW.match(question))


def overview(lib: Library, passages: list[Passage]) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the lead sentence of each of the first articles of `passages`,
    in retrieval order; score falls with the rank."""
    out: list[tuple[str, int, int, float]] = []
    ids = list(dict.fromkeys(p.article_id for p in passages))
    # one article only ("summarize article 3", or an archive of one): its first sentences, as a summary of it
    if len(ids) == 1:
        credits = {s.id for s in credit_lines(lib, ids[0])}  # ("VOA Correspondent ... has more ...": no news)
        body = [s for s in lib.sentences.get(ids[0], []) if s.kind == "body" and s.id not in credits]
        return [(ids[0], s.start, s.end, 1.0 / (i + 1)) for i, s in enumerate(body[:ONE_ARTICLE])]
    for rank, aid in enumerate(ids):
        # the lead is the first sentence of the body: a headline, byline or caption is no sentence of it
        lead = next((s for s in lib.sentences.get(aid, []) if s.kind == "body"), None)
        if lead is not None:
            out.append((aid, lead.start, lead.end, 1.0 / (rank + 1)))
        if len(out) == ARTICLES_MAX:
            break
    return out


# "which articles mention Sadr?", "how many stories talk about Najaf?", "do any articles mention Kut?": the
# articles themselves are asked for
_MENTIONS = re.compile(
    r"^\s*(?:(?:which|what|how\s+many)\s+(?:articles?|stories|story|reports?|pieces?|ones?)\s+(?:(?:do|does)\s+)?"
    r"|(?:do|does|did)\s+(?:any|the|all|both)\s+(?:of\s+the\s+)?(?:articles?|stories|reports?)\s+)"
    r"(?:(?:talks?|say|says|tell|tells|are|is)\s+about|mentions?|covers?|discuss(?:es)?|names?)\s+"
    r"(?P<topic>.+?)[\s?.!]*$"
    # "where is Sadr mentioned", "in which stories does Kut come up", "mentions of Maliki"
    r"|^\s*(?:where|in\s+which\s+(?:articles?|stories|story|reports?))\s+(?:is|are|was|were|does|do)\s+"
    r"(?P<where>.+?)\s+"
    r"(?:mentioned|named|discussed|covered|appear|come\s+up)[\s?.!]*$"
    r"|^\s*(?:(?:find|show(?:\s+me)?|list)\s+(?:all\s+)?(?:the\s+)?)?mentions?\s+of\s+(?P<of>.+?)[\s?.!]*$"
    # "any articles about Kut", "is there a story on the curfew", "do you have any reports mentioning Sistani"
    r"|^\s*(?:(?:are|is)\s+there\s+|(?:do|did)\s+you\s+have\s+)?(?:any|an?)\s+(?:articles?|stories|story|reports?|pieces?)"
    r"\s+(?:about|on|mentioning|that\s+mentions?|covering|that\s+covers?)\s+(?P<any>.+?)[\s?.!]*$",
    re.I)


def asks_mentions(question: str) -> str | None:
    """The topic of a question asking which articles mention it, else None."""
    m = _MENTIONS.match(question)
    return next(g for g in m.groups() if g).strip() if m else None


def asks_wide(question: str) -> bool:
    """Is the question answered article by article (an overview, which articles mention X, a comparison, what they
    have in common): the
    engine reads more passages for it, so that more articles are seen."""
    from bot.answer.outlook import asks_outlook  # (outlook.py reads this module's limits)
    return (asks_overview(question) or asks_mentions(question) is not None or asks_comparison(question) is not None
            or asks_common(question) or asks_outlook(question) == "")


def mentions(lib: Library, passages: list[Passage], topic: str) -> list[tuple[str, int, int, float]]:
    """(article_id, start, end, score) of the first body sentence naming the topic (its capitalised words, else
    all its words) in each of the first articles of `passages` that does, in retrieval order: each citation
    names its article."""
    want = topic_terms(topic)
    if not want:
        return []
    out: list[tuple[str, int, int, float]] = []
    for rank, aid in enumerate(dict.fromkeys(p.article_id for p in passages)):
        text = lib.articles[aid].text
        first = next((s for s in lib.sentences.get(aid, [])
                      if s.kind == "body" and want <= set(terms(text[s.start:s.end]))), None)
        if first is not None:
            out.append((aid, first.start, first.end, 1.0 / (rank + 1)))
        if len(out) == ARTICLES_MAX:
            break
    return out


def topic_terms(topic: str) -> set[str]:
    """The terms of a topic's capitalised words (its names: "the Najaf standoff" -> {"najaf"}), else of all its
    words: what an article must hold to be about it."""
    named = " ".join(w for w in topic.split() if w[:1].isupper())
    return set(terms(named or topic))
