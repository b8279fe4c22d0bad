"""LLM mode: generate -> verify -> an Answer that shows only supported sentences, each cited exactly.

Sentences the verifier rejects are listed in Answer.unsupported with the reason. When nothing supported
that answers the question remains (or the model declined), the extractive answer is returned instead,
with fallback=True and the rejected sentences still listed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from bot.answer import analyse_question
from bot.llm.generate import build_prompt, generate
from bot.library import Library
from bot.llm.client import make_llm, translating_llm_errors
from bot.types import Answer, Citation, Passage, Unsupported
from bot.llm.verify import Verdict, verify
from index.settings import Settings

DECLINED = "the model answered that its sources do not answer the question"


def answer_with_llm(lib: Library, question: str, standalone: str, passages: list[Passage], settings: Settings,
                    extractive: Callable[[], Answer], on_token: Callable[[str], None] | None = None) -> Answer:
    """`extractive()` builds the fallback answer (the same retrieval, answered extractively)."""
    llm = make_llm(settings)
    prompt = build_prompt(lib, standalone, passages, settings)
    with translating_llm_errors(settings):
        gen = generate(llm, prompt, settings, on_token)
    verdicts = [] if gen.declined else verify(lib, analyse_question(standalone, lib.bm25.idf), gen.text,
                                              list(prompt.sources))
    shown = [v for v in verdicts if v.supported]
    if not any(v.answers_question for v in shown):
        # Copied from a true sentence is not enough: what it cites must speak of what was asked.
        shown = []
    kept = {id(v) for v in shown}
    flagged = tuple(_flag(v) for v in verdicts if id(v) not in kept)
    if gen.declined and gen.text:
        # Listed, not dropped: every sentence the model wrote is either shown or accounted for here.
        flagged = (Unsupported(gen.text, (), DECLINED),)
    timings = {"generate": round(gen.seconds * 1000, 2)}
    if not shown:
        base = extractive()
        return replace(base, mode="llm", fallback=True, unsupported=flagged, usage=gen.usage, draft=gen.text,
                       timings_ms={**base.timings_ms, **timings})
    citations, text = _cite(lib, shown)
    return Answer(question=question, standalone_question=standalone, answer=text, abstained=False,
                  citations=citations, mode="llm", passages=tuple(passages), unsupported=flagged,
                  usage=gen.usage, draft=gen.text, timings_ms=timings)


def _flag(v: Verdict) -> Unsupported:
    reason = v.reason or "its sources do not say this answers the question"
    return Unsupported(v.claim.text, v.claim.cites + v.claim.invalid, reason)


def _cite(lib: Library, shown: list[Verdict]) -> tuple[tuple[Citation, ...], str]:
    """One citation per distinct evidence window, numbered in order of first use; the answer text with them."""
    numbers: dict[tuple, int] = {}
    citations, sentences = [], []
    for v in shown:
        marks = []
        for e in v.evidence:
            key = (e.article_id, e.start, e.end)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                art = lib.articles[e.article_id]
                citations.append(Citation(n=numbers[key], article_id=art.id, title=art.title, source=art.source,
                                          start=e.start, end=e.end, quote=art.text[e.start:e.end],
                                          score=round(v.similarity, 4), date=art.date))
            marks.append(f"[{numbers[key]}]")
        sentences.append(f"{v.claim.text} {''.join(marks)}")
    return tuple(citations), " ".join(sentences)
