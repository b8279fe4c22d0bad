"""ask(): rewrite the follow-up -> retrieve -> answer with exact citations (or abstain)."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Callable, Sequence

from llama_index.core.schema import QueryBundle

from bot.answer import cite
from bot.engine import node_passage, query_engine
from bot.library import open_library
from bot.llm import answer_with_llm, make_llm
from bot.prompts import load_prompt
from bot.retrieve import Filters
from bot.normalize import normalize
from bot.rewrite import rewrite
from bot.types import Answer
from index.embed import embed_query
from index.errors import UsageError
from index.settings import Settings

MAX_QUESTION_CHARS = 2000
MODES = ("extractive", "llm")


def check_question(question: object) -> str:
    if not isinstance(question, str):
        raise UsageError(f"the question must be text, got {type(question).__name__}")
    if not question.strip():
        raise UsageError("the question is empty: type a question about the articles")
    if len(question) > MAX_QUESTION_CHARS:
        raise UsageError(f"the question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS}")
    return question.strip()


def check_top_k(top_k: object, most: int = 50) -> int | None:
    if top_k is not None and (not isinstance(top_k, int) or isinstance(top_k, bool) or not 1 <= top_k <= most):
        raise UsageError(f"top_k must be a whole number from 1 to {most}, got {top_k!r}")
    return top_k


def check_history(history) -> list[dict]:
    if history is None:
        return []
    if not isinstance(history, (list, tuple)) or not all(isinstance(m, dict) and "role" in m for m in history):
        raise UsageError("history must be a list of {'role': ..., 'content': ...} messages (OpenAI style)")
    return list(history)


def ask(question: str, history: Sequence[dict] | None = None, top_k: int | None = None, *,
        settings: Settings | None = None, article_ids: Sequence[str] | None = None,
        date_from: str | None = None, date_to: str | None = None, mode: str = "extractive",
        on_token: Callable[[str], None] | None = None) -> Answer:
    """Answer a question from the indexed articles, each claim cited by an exact quote.

    mode="llm" has the configured LLM (NEWSBOT_LLM_BASE_URL or NEWSBOT_LLM=local) write the answer, then
    shows only the sentences its citations support; on_token receives the model's text as it streams."""
    t0 = time.perf_counter()
    q = check_question(question)
    hist = check_history(history)
    if mode not in MODES:
        raise UsageError(f"unknown answer mode {mode!r}: choose one of {', '.join(MODES)}")
    settings = settings or Settings.from_env()
    if mode == "llm":
        make_llm(settings)  # fail before retrieval when no LLM is configured or installed
    k = check_top_k(top_k) or settings.top_k
    filters = Filters(tuple(article_ids) if article_ids else None, date_from, date_to)
    lib = open_library(settings)

    standalone = rewrite(q, hist, lambda text: normalize(text, lib))
    qv = embed_query(lib.embed_model, standalone)
    bundle = QueryBundle(query_str=standalone, embedding=qv.tolist())
    engine = query_engine(lib, k, filters)
    nodes = engine.retrieve(bundle)
    t2 = time.perf_counter()

    def extractive() -> Answer:
        t = time.perf_counter()
        ex = engine.synthesize(bundle, nodes).metadata["extraction"]
        citations = cite(lib, ex.chosen)
        quoted = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        if ex.status == "not_found":
            text = load_prompt("abstain", str(settings.prompts_dir))
        elif ex.status == "uncertain":
            text = f"{load_prompt('uncertain', str(settings.prompts_dir))} {quoted}"
        else:
            text = quoted
        return Answer(
            question=q, standalone_question=standalone, answer=text, abstained=ex.abstained, citations=citations,
            related=cite(lib, ex.related) if ex.abstained else (), mode=mode, status=ex.status,
            timings_ms={"answer": round((time.perf_counter() - t) * 1000, 2)},
            passages=tuple(node_passage(n) for n in nodes),
        )

    if mode == "llm":
        a = answer_with_llm(lib, q, standalone, [node_passage(n) for n in nodes], settings, extractive, on_token)
    else:
        a = extractive()
    t3 = time.perf_counter()
    return replace(a, timings_ms={"retrieve": round((t2 - t0) * 1000, 2), **a.timings_ms,
                                  "total": round((t3 - t0) * 1000, 2)})
