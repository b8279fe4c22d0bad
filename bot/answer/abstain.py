"""The features of the decision to answer at all, for the best sentence: how much of the question it and its
context, passage and article hold, what they lack (rare words, names, numbers), whether they hold the
question's verb, and the guards' evidence that they say something else (a negation, an opposite, another
name, another place). A logistic model over them (bot/answer/weights.json, "abstain") gives P(answer);
bot/answer/policy.py turns it into answered / uncertain / not found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer.aliases import named_by_title
from bot.answer.features import coverage_without, missing_idf, missing_specific
from bot.answer.question import Question, with_aliases
from bot.answer.guards import antonym_clash, name_swap, negation_gap, place_elsewhere
from bot.answer.verbs import asks_whether_any, predicate_adjective, verb_stated, verb_support
from bot.answer.promote import words_of
from bot.answer.actor import says_verb
from bot.answer.spelling import respell
from bot.library import Library, prose_before, sentence_at
from bot.types import Passage
from index.terms import terms, words

if TYPE_CHECKING:
    from bot.answer.scoring import Candidate


# a word of order closing a question ("... call for first", "... at first", "... originally")
_ORDER_LAST = re.compile(r"(?i)\b(first|initially|originally|at\s+first|to\s+begin\s+with|in\s+the\s+first\s+place)"
                         r"\s*[?!.]*\s*$")


def answer_context(lib: Library, c: Candidate, variants: dict | None = None) -> tuple[str, str]:
    """(the candidate's article text, its context: the sentence before it, itself, and the name its title
    stands for), with the archive's other spellings of the question's names read as the question's."""
    text = respell(lib.articles[c.article_id].text, variants or {})
    prev = prose_before(lib, sentence_at(lib, c.article_id, c.start))
    ctx_text = text[prev.start:c.end] if prev else text[c.start:c.end]
    return text, f"{ctx_text} {named_by_title(text, text[c.start:c.end])}"


def abstain_features(lib: Library, q: Question, best: Candidate, passages: list[Passage],
                     runner_up: Candidate | None = None, variants: dict | None = None) -> dict:
    text, context = answer_context(lib, best, variants)
    ctx = with_aliases(q, set(terms(context)))
    ctx_words = words(context)
    passage_terms = set(terms(passages[best.passage_rank].text))
    top = max((q.weights.values()), default=1.0) or 1.0
    f = {k: best.features[k] for k in ("cov", "cov_ctx", "cov_ctx_nv", "dense", "chunk_dense", "atype")}
    f["score"] = best.score
    # The rarest question term missing near the answer, relative to the rarest question term overall.
    f["miss_ctx"] = missing_idf(q, ctx) / top
    f["miss_passage"] = missing_idf(q, passage_terms) / top
    f["passage_cov"] = sum(w for t, w in q.weights.items() if t in passage_terms) / q.total
    # Names, numbers and rare words of the question that the answer's context / article never mention
    # (a wrong actor, a wrong place, a number it never gives).
    art_terms = with_aliases(q, set(terms(text)))
    n = max(len(q.specific), 1)
    f["miss_spec_ctx"] = missing_specific(q, ctx, set(ctx_words)) / n
    f["miss_spec_article"] = missing_specific(q, art_terms, words_of(text)) / n
    # How much of what the question is about (its terms but the main verb, or the adjective a copular question
    # asks of its subject: "why is the economy bad") the answer's article holds at all.
    # (a closing word of order, "what did the Sadrists call for first", asks which came first, not about "first")
    order = _ORDER_LAST.search(q.text)
    f["topic_article"] = coverage_without(q, art_terms | set(terms(order.group(1))) if order else art_terms,
                                          q.verb or predicate_adjective(q.text))
    f["margin"] = best.score - runner_up.score if runner_up is not None else 1.0
    # Does the context hold the question's main verb, or one WordNet lets stand in for it?
    f["verb_ok"] = verb_support(q, ctx_words)
    f["verb_near"] = verb_stated(q, ctx_words)  # in the verb's frequent senses: what the covered override asks
    # "How many died?": the verb is all the question says, so a word standing in for it ("killed") is its topic.
    # The sentence itself must hold it (the sentence after "12 killed and 18 wounded" does not answer "who was
    # hurt"), as a form of a synonym ("wounded"; a rarer sense's stand-in is no answer: "who died" / "leave");
    # for "how many", whose answer must hold a number, and "was anyone hurt", any stand-in ("died" / "killed").
    sentence = text[best.start:best.end]
    if q.verb and set(q.weights) <= {q.verb} and (says_verb(q.verb_word or q.verb, sentence) or (
            (q.atype == "number" or asks_whether_any(q.text)) and verb_support(q, words(sentence)))):
        f["topic_article"] = f["cov_ctx_nv"] = 1.0
    # Does the question ask about what the passage does not say: negated, with an opposite, another name?
    f["neg_gap"] = negation_gap(q, words(text[best.start:best.end]))
    f["antonym"] = antonym_clash(q, ctx_words)
    f["name_swap"] = name_swap(q, text[best.start:best.end], text[:best.start])
    f["place_elsewhere"] = place_elsewhere(q, context, text, text[best.start:best.end])
    return f
