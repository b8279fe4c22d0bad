"""When a sentence continues the one before it, the date of that one is its date too.

News dates an event once and goes on about it: "Dan Senor said on Thursday that the military would hand over
security. / Speaking at a press conference in Baghdad, Senor confirmed ...". "When was the press conference?"
finds the second sentence, which holds no date; the first does. A sentence continues the one before when it
opens with a participle clause ("Speaking at ...") or a pronoun ("He said ..."); one that only names the same
place or person may tell of another time ("Some time later, Dyrrachium ... fell again"). The answer then cites
both, the dated sentence first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import lexicon
from bot.answer.features import has_exact_type
from bot.library import Library, sentence_at

if TYPE_CHECKING:
    from bot.answer.extract import Candidate

# "Speaking at a press conference ...", "He said ...", "They ...": the subject is the one before's
_CONTINUES = re.compile(r"^\W*(?:(?P<ing>[A-Z][a-z]+ing)\s+[a-z]|(?:He|She|They|It)\b)")


def dated_before(lib: Library, question_words: set[str], best: Candidate) -> tuple[str, int, int] | None:
    """(sentence id, start, end) of the sentence before `best` when best continues it and only it names the
    day, month or year; None otherwise."""
    text = lib.articles[best.article_id].text
    sentence = text[best.start:best.end]
    row = sentence_at(lib, best.article_id, best.start)
    if row.ordinal == 0 or has_exact_type(sentence, "date", question_words):
        return None
    prev = lib.sentences[best.article_id][row.ordinal - 1]
    before = text[prev.start:prev.end]
    if prev.kind != "body" or not has_exact_type(before, "date", question_words):
        return None
    m = _CONTINUES.match(sentence)
    # (a participle, not "King Malcolm ..." nor "During ...")
    if not m or (m.group("ing") and not any(b != m.group("ing").lower()
                                            for b in lexicon.base_forms(m.group("ing").lower(), "v"))):
        return None
    return prev.id, prev.start, prev.end
