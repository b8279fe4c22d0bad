"""The second cited sentence of an answer: cited only for what the first does not say.

After the best sentence, the next candidates (up to the fourth) are looked at: one is added when it scores
nearly as well, holds some of the question's terms, and, when the best sentence already holds every term of
the question and an answer of the type asked, adds a term of the question the first lacks. What someone
said is not completed by another speaker's words, nor the holder of a role by others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answer import lexicon
from bot.answer.features import has_exact_type
from bot.answer.question import Question
from bot.answer.promote import gives_role, sentence_before
from bot.answer.speaker import names_speaker, reports_speech, says_as_subject, speaks_as_subject
from bot.library import Library, sentence_at
from index.terms import terms, words

if TYPE_CHECKING:  # bot/answer/extract.py imports this module
    from bot.answer.scoring import Candidate


def second_sentence(lib: Library, q: Question, best: "Candidate", chosen: tuple, cands: list, second: dict,
                    speaker: frozenset[str], leader: bool) -> "Candidate | None":
    """The candidate to cite after `chosen` (the best sentence, and the one it points back at), or None.
    `second` holds the thresholds fitted by eval/tune.py ("margin", "gain")."""
    # a best sentence that holds every term of the question and an answer of the type asked needs no
    # second one, unless it says what the first does not
    complete = _complete(lib, q, best)
    for c in cands[1:4]:
        # nearly as good, and adding terms of the question the first lacks
        if (c.score >= best.score - second.get("margin", 0.0)
                and c.features["cov"] > 0 and all(c.sentence_id != x.sentence_id for x in chosen)
                # what someone said is not completed by another speaker's words, nor a leader by others
                # (a sentence reporting speech must be theirs: not "... said they felt the government is
                # targeting ..." for the government)
                and (not speaker or (names_speaker(lib, speaker, c.article_id, c.start) and (
                    not reports_speech(lib, c.article_id, c.start)
                    or speaks_as_subject(lib, speaker, c.article_id, c.start)
                    or says_as_subject(lib, speaker, c.article_id, c.start))))
                and (not leader or gives_role(lib, q, c, loose=True))
                and c.features["cov_ctx"] > second.get("gain", 0.2)
                and (not complete or adds_terms(lib, q, best, c) > 0)
                and not _verb_only_phrasal(lib, q, best, c)):
            return c
    return None


def _verb_only_phrasal(lib: Library, q: Question, best: Candidate, other: Candidate) -> bool:
    """Does `other` add to the best sentence only words of the question it holds as part of a phrasal verb ("is the
    truce holding": "... holding out the possibility of its eventual dissolution" is another act)?"""
    if "_" in (q.verb_word or ""):
        return False  # (the question's own verb is phrasal: "did sadr call off the fighting")
    text = lib.articles[other.article_id].text[other.start:other.end]
    added = (set(terms(text)) - _context_terms(lib, best)) & set(q.weights)
    ws = words(text)
    # each occurrence of each added term a verb with its particle after it ("holding out")
    return bool(added) and all(i + 1 < len(ws) and lexicon.is_verb(w) and lexicon.compound(w, ws[i + 1])
                               for i, w in enumerate(ws) if set(terms(w)) & added)


def _context_terms(lib: Library, c: Candidate) -> set[str]:
    """The terms of a candidate sentence and of the sentence before it (what its cov_ctx counts)."""
    before = sentence_before(lib, sentence_at(lib, c.article_id, c.start))
    return set(terms(lib.articles[c.article_id].text[c.start:c.end])) | set(terms(before))


def adds_terms(lib: Library, q: Question, best: Candidate, other: Candidate) -> float:
    """The idf-weighted share of the question's terms that `other` holds and the best sentence, with the
    one before it, lacks: a second sentence is worth citing only for what the first does not say."""
    have = _context_terms(lib, best)
    new = set(terms(lib.articles[other.article_id].text[other.start:other.end])) - have
    return sum(w for t, w in q.weights.items() if t in new) / q.total


def _complete(lib: Library, q: Question, best: Candidate) -> bool:
    """Does the best sentence hold every term of the question and an answer of the type asked (a date
    naming the day, month or year)?"""
    sentence = lib.articles[best.article_id].text[best.start:best.end]
    return best.features["cov_ctx_nv"] >= 0.999 and has_exact_type(sentence, q.atype, set(q.words)) > 0
