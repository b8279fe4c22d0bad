"""The sentence an answer cites beside its best one: the one it points back at, the one it announces, the one
that dates it. Each rule reads the article around the best sentence and gives that sentence's row, or None.

- Pointed at: "This is the statement of the Church-Turing thesis." says what it is about in the sentence
  before, which goes first.
- Announced: "An example of a decision problem is the following." announces the sentence after it.
- Dated: news dates an event once and goes on about it: "Dan Senor said on Thursday that the military would
  hand over security. / Speaking at a press conference in Baghdad, Senor confirmed ...". "When was the press
  conference?" finds the second sentence, which holds no date; the first does. A sentence goes on about the one
  before when it opens with a participle clause ("Speaking at ...") or a pronoun ("He said ..."); one that only
  names the same place or person may tell of another time ("Some time later, Dyrrachium ... fell again").
- Named: "who said ...?" answered by "He said ..." names the one saying it in the sentence before, which goes
  first.
"""

from __future__ import annotations

import re

from bot.answer import lexicon, wordkinds
from bot.answer.features import has_exact_type
from bot.answer.question import NAME
from bot.library import Library, SentenceRow, sentence_at

# A demonstrative subject, after an optional connective: "This is ...", "Indeed, that means ...".
_POINTER = re.compile(r"^(?:(?:indeed|in fact|thus|so|but|and|however|therefore),?\s+)?(?:this|that|these|those)\s+"
                      r"(?:is|was|are|were|means|meant|shows|showed|implies|implied|says|said|became|becomes)\b", re.I)
# A sentence announcing what comes next: "... is the following.", "... as follows:", "... these steps:"
_AHEAD = re.compile(r"(?:\b(?:the\s+following|as\s+follows|below)\s*[.:]|:)\s*$", re.I)
# "Speaking at a press conference ...", "He said ...", "They ...": the subject is the one before's
_CONTINUES = re.compile(r"^\W*(?:(?P<ing>[A-Z][a-z]+ing)\s+[a-z]|(?:He|She|They|It)\b)")


def _body(lib: Library, article_id: str, ordinal: int) -> SentenceRow | None:
    """The article's body sentence at `ordinal`, if there is one (no heading, caption or boilerplate)."""
    sents = lib.sentences[article_id]
    row = sents[ordinal] if 0 <= ordinal < len(sents) else None
    return row if row is not None and row.kind == "body" else None


def pointed_at(lib: Library, article_id: str, start: int, end: int) -> SentenceRow | None:
    """The sentence before when the sentence at start:end points back at it ("This is the statement of ...")."""
    if not _POINTER.match(lib.articles[article_id].text[start:end]):
        return None
    return _body(lib, article_id, sentence_at(lib, article_id, start).ordinal - 1)


def pointed_ahead(lib: Library, article_id: str, start: int, end: int) -> SentenceRow | None:
    """The sentence after when the sentence at start:end announces it ("An example ... is the following.")."""
    if not _AHEAD.search(lib.articles[article_id].text[start:end]):
        return None
    return _body(lib, article_id, sentence_at(lib, article_id, start).ordinal + 1)


# "what terms did Sadr offer", "which demands did they make": the things asked for, in the plural, and the act
_WHAT_THINGS = re.compile(r"(?i)^\W*(?:(?:and|so|but)\s+)?(?:what|which)\s+([a-z]+s)\s+(?:did|does|do|has|have|had|will|"
                          r"would)\s+.+?\s([a-z]+)\W*$")


def spelled_out(lib: Library, question: str, article_id: str, start: int, end: int) -> SentenceRow | None:
    """For "what terms did Sadr offer": the sentence after when the one at start:end only names the things asked for
    as the act's object ("... pushing cleric Muqtada al-Sadr to *offer terms* for withdrawal ...") and the next one
    goes on with the same article's story without naming them again ("The cleric agreed to end all armed
    demonstrations ..."): it says what they are."""
    m = _WHAT_THINGS.match(question)
    # (a plural: a noun with a singular of its own, "terms" / "term")
    if not m or not lexicon.available() or all(b == m.group(1).lower() for b in lexicon.base_forms(m.group(1).lower(), "n")):
        return None
    things, acts = m.group(1).lower(), set(lexicon.base_forms(m.group(2).lower(), "v"))
    # (places, people, bodies of people are named where they are told of: "... targeted districts in central and
    # northern parts of the city" says which districts)
    if any(wordkinds.is_place_noun(b) or wordkinds.is_person_noun(b) or wordkinds.is_group_noun(b)
           for b in lexicon.base_forms(things, "n")):
        return None
    words = re.findall(r"[A-Za-z'\-]+", lib.articles[article_id].text[start:end])
    # the act's verb right before them, or one word before ("offer terms", "made tough demands")
    echoed = any(w.lower() == things and any(set(lexicon.base_forms(v.lower(), "v")) & acts for v in words[max(i - 2, 0):i])
                 for i, w in enumerate(words))
    after = _body(lib, article_id, sentence_at(lib, article_id, start).ordinal + 1) if echoed and acts else None
    if after is None or re.search(rf"(?i)\b{things}\b", lib.articles[article_id].text[after.start:after.end]):
        return None
    return after


# A sentence opening with a personal pronoun for one person: "He said Sadr's group was calling for ..." ("They"
# may stand for a body the sentence before does not name: "They joined the fleet ...")
_HE = re.compile(r"^\W*(?:He|She)\b")
NAMED_BACK = 3  # sentences looked back for the one naming who the pronoun is


def named_before(lib: Library, article_id: str, start: int, end: int) -> SentenceRow | None:
    """For "who said ...?": the sentence before when the sentence at start:end opens with a pronoun ("He said
    ...") and the one before names someone ("The cleric's aide Hazem Al-Aaraji read a statement ...")."""
    text = lib.articles[article_id].text
    if not _HE.match(text[start:end]):
        return None
    # (back over sentences going on with the pronoun: "He said he was ordering ..." before "He said anyone ...")
    ordinal = sentence_at(lib, article_id, start).ordinal
    for back in range(1, NAMED_BACK + 1):
        prev = _body(lib, article_id, ordinal - back)
        if prev is None:
            return None
        if NAME.search(text[prev.start:prev.end]):
            return prev
        if not _HE.match(text[prev.start:prev.end]):
            return None
    return None


def dated_before(lib: Library, question_words: frozenset[str], article_id: str, start: int,
                 end: int) -> SentenceRow | None:
    """The sentence before when the sentence at start:end goes on about it and only it names the day, month or
    year."""
    text = lib.articles[article_id].text
    sentence = text[start:end]
    row = sentence_at(lib, article_id, start)
    if row.ordinal == 0 or has_exact_type(sentence, "date", question_words):
        return None
    prev = _body(lib, article_id, row.ordinal - 1)
    if prev is None or not has_exact_type(text[prev.start:prev.end], "date", question_words):
        return None
    m = _CONTINUES.match(sentence)
    # (a participle, not "King Malcolm ..." nor "During ...")
    if not m or (m.group("ing") and not any(b != m.group("ing").lower()
                                            for b in lexicon.base_forms(m.group("ing").lower(), "v"))):
        return None
    return prev


# "what are the three steps", "what were the steps": things asked for in the plural, maybe counted
_WHAT_ARE = re.compile(r"(?i)^\W*(?:(?:and|so)\s+)?what\s+(?:are|were)\s+(?:the\s+|all\s+the\s+)?(?:[a-z]+\s+)?([a-z]+s)\W*$")
_ORDINALS = r"(?:first|second|third|fourth|fifth|next|final|last)"


def counted_before(lib: Library, question: str, article_id: str, start: int, end: int) -> SentenceRow | None:
    """For "what are the three steps": the sentence before when the one at start:end tells of one of them by its
    place in a run ("... would come a "third step," ...") and the one before tells of another ("... "the second
    step will be civil disobedience ...""): the run is told across both."""
    m = _WHAT_ARE.match(question)
    singular = next((b for b in lexicon.base_forms(m.group(1).lower(), "n") if b != m.group(1).lower()), None) if m else None
    if not singular:
        return None
    one = re.compile(rf"(?i)\b({_ORDINALS})\W+{re.escape(singular)}\b")
    here = one.search(lib.articles[article_id].text[start:end])
    row = _body(lib, article_id, sentence_at(lib, article_id, start).ordinal - 1) if here else None
    other = one.search(lib.articles[article_id].text[row.start:row.end]) if row else None
    return row if other and other.group(1).lower() != here.group(1).lower() else None
