"""Who wrote or reported an article: "who wrote the Najaf story?", "what's the source of this article?".

The answer is the article's own credit line: a byline ("By Jane Doe"), a source line ("SOURCE: Agencies"), or
the correspondent a broadcast script hands over to ("VOA Correspondent Challiss McDonough has more ...").
index/fragments.py keeps bylines and source lines out of every other answer; to this question they are the
answer.
"""

from __future__ import annotations

import re

from bot.library import Library, SentenceRow

# "who wrote / reported this", "the author / source of the Najaf story", "who is the reporter", "where is this
# story from": asked of an article (a story, a report, this), not of a letter or of the violence
_ARTICLE = r"(?:this|that|it|these|the\s+(?:[\w'\-]+\s+){0,3}?(?:article|story|stories|piece|report|news))\b"
_ASKS = re.compile(rf"(?i)\bwho\s+(?:wrote|writes|reported|reports|filed|authored|published)\s+(?:{_ARTICLE}|on\b|about\b)"
                   rf"|\b(?:author|writer|reporter|source|byline)s?\s+(?:of|for|behind)\s+{_ARTICLE}"
                   r"|\bwho(?:'s|\s+is|\s+was)\s+the\s+(?:author|writer|reporter)\b"
                   rf"|\bwhere\s+(?:is|does|did)\s+{_ARTICLE}\s+(?:come\s+)?from\b")
# "what's the source?", "source?", "where did you get that?": asked of the answer just given (none: no answer)
_ASKS_OF_ANSWER = re.compile(r"(?i)^\W*(?:(?:and|so|ok|okay)\W+)?(?:what(?:'s|\s+is|\s+was)\s+(?:the|your|its)\s+)?"
                             r"sources?\W*(?:\(|$)"
                             r"|^\W*(?:(?:and|so|ok|okay)\W+)?where\s+did\s+you\s+(?:get|read|find|see)\s+(?:that|this|it)\b")
# ... and "who wrote this?", "who reported that", "the source of this": the article named by a pointer only
_OF_THIS = re.compile(r"(?i)\b(?:who\s+(?:wrote|writes|reported|reports|filed|authored|published)|(?:author|writer|"
                      r"reporter|source|byline)s?\s+(?:of|for|behind))\s+(?:this|that|it)\b(?!\s+[a-z])")
# "which article says that?", "what story is this from?": the article the answer just given quoted
# ... and "how do you know?", "where does it say that?", "what's your evidence?": the answer's own evidence
_WHICH = re.compile(r"(?i)^\W*(?:(?:and|so|ok|okay|but)\W+)?(?:(?:which|what)\s+(?:article|story|report|piece|one)s?\b"
                    r"[^?(]*\b(?:that|this|it)\s*(?:from|in|come\s+from)?"
                    r"|how\s+do\s+(?:you|we|i)\s+know(?:\s+(?:that|this|it|so))?"
                    r"|where\s+does\s+it\s+say\s+(?:that|this|so)"
                    r"|(?:what(?:'s|\s+is)\s+(?:the|your)\s+)?(?:evidence|proof))\W*(?:\(|$)")
# A credit line: "By Jane Doe", "SOURCE: Agencies", "... Correspondent Challiss McDonough ..."
_CREDIT = re.compile(r"^\W*(?:(?i:sources?)\s*:|[Bb]y\s+[A-Z])|\b[Cc]orrespondent\s+[A-Z]")


def asks_source(question: str, answered: bool = True) -> bool:
    """Does the question ask who wrote, reported or is the source of an article (or, when an answer was just
    given, of that answer: "what's the source?")?"""
    return bool(_ASKS.search(question)) or (answered and bool(_ASKS_OF_ANSWER.search(question)))


# "list the sources", "what are your sources", "who wrote the articles", "where do the stories come from": of the
# articles read, not of one
_ALL_SOURCES = re.compile(r"(?i)^\W*(?:(?:please\s+)?(?:list|show|give|name)\s+(?:me\s+)?|what\s+are\s+|which\s+are\s+)?"
                          r"(?:the|your|all(?:\s+the)?|its)\s+(?:sources|authors|writers|reporters)\W*$"
                          r"|^\W*(?:sources|authors)\W*$"  # "sources?" typed alone
                          r"|^\W*who\s+(?:wrote|reported|writes)\s+(?:the|these|all\s+the|your)\s+(?:articles|stories|reports)\W*$"
                          r"|^\W*where\s+do\s+(?:the|these|your)\s+(?:articles|stories|reports)\s+come\s+from\W*$")


def asks_all_sources(question: str) -> bool:
    """Does the question ask who wrote or reported the articles, all of them ("list the sources")?"""
    return bool(_ALL_SOURCES.search(question))


def asks_article(question: str) -> bool:
    """Does the question ask which article the answer just given comes from ("which article says that")?"""
    return bool(_WHICH.search(question))


def about_answer(question: str) -> bool:
    """Does the question ask where the answer just given comes from (its article, its source: "which article
    says that?", "what's the source?", "who wrote this?"), not of an article it names ("who wrote the Najaf
    article")?"""
    return asks_article(question) or bool(_ASKS_OF_ANSWER.search(question) or _OF_THIS.search(question))


def is_credit(sentence: str) -> bool:
    """Does the sentence credit the article's writer or source ("VOA Correspondent Challiss McDonough has more ...",
    "SOURCE: Agencies")?"""
    return bool(_CREDIT.search(sentence))


def credit_lines(lib: Library, article_id: str) -> list[SentenceRow]:
    """The article's sentences crediting its writer or source, in article order (of any kind: a byline is a
    heading, a source line boilerplate)."""
    text = lib.articles[article_id].text
    return [s for s in lib.sentences.get(article_id, []) if is_credit(text[s.start:s.end])]
