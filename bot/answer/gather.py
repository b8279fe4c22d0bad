"""The sentences of the passages' articles gathered to be scored beside the retrieved ones, wherever they are in
the article (the passage holding one may rank below others): one giving someone a title over what "Who runs X?"
asks about, one giving an X a name, one whose own verb the actor does, one in which the speaker speaks of what
the question names. Split from bot/answer/promote.py, which reorders the candidates."""

from __future__ import annotations

from bot.answer import lexicon
from bot.answer.define import named_thing, names_it
from bot.answer.question import Question
from bot.answer.promote import POLYSEMOUS, _stand_ins, sentence_before
from bot.answer.reasons import asks_consequence, consequence_in
from bot.answer.role import led_by, names_role
from bot.answer.spelling import respell
from bot.answer.speaker import acts_as_subject, speaks_as_subject
from bot.library import Library
from bot.types import Passage
from index.terms import terms


def role_sentences(lib: Library, q: Question, passages: list[Passage], variants: dict | None = None) -> tuple:
    """(SentenceRow, passage rank) of the sentences of the passages' articles that give someone a title
    over what a "Who runs X?" question asks about, or say X is "led by" someone, wherever they are in the
    article (`variants`: the archive's other spellings of the question's names, bot/answer/spelling.py)."""
    out, seen = [], set()
    for rank, p in enumerate(passages):
        if p.article_id in seen:
            continue
        seen.add(p.article_id)
        text, sents = respell(lib.articles[p.article_id].text, variants or {}), lib.sentences[p.article_id]
        out += [(s, rank) for s in sents if names_role(q, text[s.start:s.end], sentence_before(lib, s))
                or led_by(q, text[s.start:s.end])]
    return tuple(out)


def naming_sentences(lib: Library, q: Question, passages: list[Passage]) -> tuple:
    """For "what is the name of X": (SentenceRow, passage rank) of the sentences of the passages' articles
    that give an X a name ("his militia, the Mahdi Army,"), wherever they are in the article."""
    head = named_thing(q.text)
    if not head:
        return ()
    return _article_sentences(lib, passages, lambda s, text: any(
        names_it(text[s.start:s.end], h) for h in (head, *_stand_ins(head))), body_only=False)


def consequence_sentences(lib: Library, q: Question, passages: list[Passage]) -> tuple:
    """For "what happens to people who keep fighting": (SentenceRow, passage rank) of the sentences of the passages'
    articles stating a consequence of the condition asked about ("anyone who continues carrying weapons ... will
    not be part of the Sadrist movement", which may share no word with the question to be retrieved)."""
    if not asks_consequence(q.text):
        return ()
    return _article_sentences(lib, passages, lambda s, text: consequence_in(q, text[s.start:s.end]))


def _article_sentences(lib: Library, passages: list[Passage], keep, body_only: bool = True) -> tuple:
    """(SentenceRow, rank of its article's first passage) of the sentences of the passages' articles, each article
    read once, that ``keep(sentence_row, article_text)`` accepts (`body_only`: body sentences only)."""
    out, seen = [], set()
    for rank, p in enumerate(passages):
        if p.article_id not in seen:
            seen.add(p.article_id)
            text = lib.articles[p.article_id].text
            out += [(s, rank) for s in lib.sentences[p.article_id]
                    if (s.kind == "body" or not body_only) and keep(s, text)]
    return tuple(out)


def acting_sentences(lib: Library, actor: frozenset[str], verb: str, passages: list[Passage]) -> tuple:
    """For "what does Sadr want": (SentenceRow, passage rank) of the sentences of the passages' articles whose own
    verb is the act (or a stand-in) with the actor its subject ("In exchange, he asked the government ..."),
    wherever they are in the article: the passage holding it may rank below others naming the actor. None for
    a verb of many senses ("get", "make": almost any act stands in for one of them)."""
    if not lexicon.available() or len(lexicon.synsets(verb, "v")) >= POLYSEMOUS:
        return ()
    return _article_sentences(lib, passages, lambda s, _: acts_as_subject(lib, actor, verb, s.article_id, s.start))


def speaking_sentences(lib: Library, speaker: frozenset[str], passages: list[Passage],
                       about: frozenset[str] = frozenset()) -> tuple:
    """For "what did the US say about Sadr": (SentenceRow, passage rank) of the sentences of the passages' articles
    in which the speaker speaks of all it is `about` ("U.S. and Iraqi officials say they are not interested in
    fighting the overall Sadr organization ..."), wherever they are: the chunk holding one may rank below others
    naming the speaker. None when the question names nothing else."""
    if not about:
        return ()
    return _article_sentences(lib, passages, lambda s, text: about <= set(terms(text[s.start:s.end]))
                              and speaks_as_subject(lib, speaker, s.article_id, s.start))
