""""Give an example of a function problem", "what are some examples of X": the sentence giving examples of the
thing ("Notable examples include the traveling salesman problem ...", "... such as the Boolean satisfiability
problem"), the thing named in it or in the sentence before, goes before the one defining it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer.promote import promote_first, sentence_before
from bot.library import Library, sentence_at
from index.terms import terms

if TYPE_CHECKING:
    from bot.answer.scoring import Candidate
    from bot.answer.question import Question

# "give an example of X", "what's an example of X", "examples of X", "name some X examples" is left out
_ASKS_EXAMPLE = re.compile(r"(?i)^\W*(?:(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:give|show|tell)\s+(?:me\s+|us\s+)?|"
                           r"what(?:['\u2019]s|\s+is|\s+are|\s+was|\s+were)\s+|name\s+|list\s+)?(?:an?\s+|some\s+|one\s+|"
                           r"two\s+|a\s+few\s+)?(?:examples?|instances?)\s+of\s+(?P<topic>[^\s(].*?)[\s?.!]*$")
# A sentence giving examples: "examples include", "for example", "such as", "for instance", "e.g."
_GIVES_EXAMPLE = re.compile(r"(?i)\b(?:examples?\b|such\s+as\b|for\s+instance\b|e\.g\.|includ(?:e|es|ing)\b)")
EXAMPLE_WINDOW = 6  # how far down the scored candidates a sentence giving examples is looked for


def example_topic(question: str) -> str | None:
    """The thing a question asks examples of ("give an example of a function problem" -> "a function
    problem"), or None."""
    m = _ASKS_EXAMPLE.match(question)
    return m.group("topic").strip() if m else None


def gives_example(lib: Library, q: Question, c: Candidate) -> bool:
    """For a question asking examples of a thing, does the candidate give examples ("Notable examples include
    ...") of it: the thing's terms in the sentence or the one before it ("A function problem is ...")?"""
    topic = example_topic(q.text)
    if not topic or not terms(topic):
        return False
    sentence = lib.articles[c.article_id].text[c.start:c.end]
    if not _GIVES_EXAMPLE.search(sentence):
        return False
    # ("An example of a decision problem is the following." announces, and is cited with, the next sentence)
    before = sentence_before(lib, sentence_at(lib, c.article_id, c.start))
    return set(terms(topic)) <= set(terms(before + " " + sentence))


def example_first(lib: Library, q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For a question asking examples of a thing, the best of the first candidates giving examples of it goes
    first."""
    if not example_topic(q.text):
        return cands
    return promote_first(cands, [lambda c: gives_example(lib, q, c)], window=EXAMPLE_WINDOW)
