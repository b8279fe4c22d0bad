"""ask(): rewrite the follow-up -> retrieve -> answer with exact citations (or abstain)."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date
from typing import Callable, Sequence

from llama_index.core.schema import QueryBundle

from bot.answer import about_answer, cite, is_smalltalk, keeps_topic, smalltalk_prompt, wants_more
from bot.compound import merge, split_compound
from bot.engine import node_passage, query_engine
from bot.library import open_library
from bot.llm import answer_with_llm, make_llm
from bot.prompts import load_prompt
from bot.normalize import normalize
from bot.numbered import numbered_article
from bot.retrieve import DATE, Filters
from bot.rewrite import MAX_TURNS, rewrite, shown_answers
from bot.types import Answer
from index.article import replace_lone_surrogates
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
    return replace_lone_surrogates(question.strip())  # e.g. a "\ud800" JSON escape through the /ask API


def check_top_k(top_k: object, most: int = 50) -> int | None:
    if top_k is not None and (not isinstance(top_k, int) or isinstance(top_k, bool) or not 1 <= top_k <= most):
        raise UsageError(f"top_k must be a whole number from 1 to {most}, got {top_k!r}")
    return top_k


MAX_HISTORY_MESSAGES = 50  # only the last 50 messages are read: follow-ups look back 6 turns (bot/rewrite.py)
MAX_MESSAGE_CHARS = 20000  # a longer history message is read up to here


def check_history(history) -> list[dict]:
    """The last MAX_HISTORY_MESSAGES messages, each {"role": str, "content": text}; older ones are dropped."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise UsageError(f"history must be a list of {{'role': ..., 'content': ...}} messages (OpenAI style), "
                         f"got {type(history).__name__}")
    first = max(len(history) - MAX_HISTORY_MESSAGES, 0)  # only what is read is checked: the cost stays bounded
    kept = []
    for i in range(first, len(history)):
        m = history[i]
        if not isinstance(m, dict) or not isinstance(m.get("role"), str):
            raise UsageError(f"history[{i}] must be a {{'role': ..., 'content': ...}} message (OpenAI style), "
                             f"got {_short(m)}")
        content = m.get("content")
        if isinstance(content, list):  # OpenAI's list of parts: [{"type": "text", "text": ...}, ...]
            if not all(isinstance(p, str) or isinstance(p, dict) and isinstance(p.get("text", ""), str)
                       for p in content):
                raise UsageError(f"history[{i}]['content'] must be text or a list of text parts, got {_short(content)}")
            content = " ".join(p if isinstance(p, str) else p.get("text", "") for p in content)
        elif not isinstance(content, str):
            raise UsageError(f"history[{i}]['content'] must be text, got {_short(content)}")
        kept.append({**m, "content": replace_lone_surrogates(content[:MAX_MESSAGE_CHARS])})
    return kept


def check_date(name: str, value: object) -> str | None:
    """None, or a real YYYY-MM-DD date."""
    if value is None:
        return None
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise UsageError(f"{name} must be a date like 2008-03-30 (YYYY-MM-DD, as text), got {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date of the calendar (month 01-12, a day that month has)") from None
    return value


def check_dates(date_from: object, date_to: object) -> tuple[str | None, str | None]:
    start, end = check_date("date_from (--from)", date_from), check_date("date_to (--to)", date_to)
    if start and end and start > end:
        raise UsageError(f"date_from {start} is after date_to {end}: no article can match")
    return start, end


def check_article_ids(article_ids: object) -> tuple[str, ...] | None:
    """None (every article), or a tuple of id strings; an empty list means every article too."""
    if article_ids is None:
        return None
    if isinstance(article_ids, (str, bytes)) or not isinstance(article_ids, (list, tuple, set, frozenset)):
        raise UsageError(f"article_ids must be a list of article ids (e.g. [{article_ids!r}]), got {_short(article_ids)}")
    bad = [a for a in article_ids if not isinstance(a, str)]
    if bad:
        raise UsageError(f"article ids are text (see `newsbot status`), got {_short(bad[0])}")
    return tuple(dict.fromkeys(sorted(article_ids) if isinstance(article_ids, (set, frozenset)) else article_ids)) or None


def check_known_articles(article_ids: tuple[str, ...] | None, known) -> None:
    unknown = [a for a in article_ids or () if a not in known]
    if unknown:
        raise UsageError(f"no article with id {', '.join(map(repr, unknown[:5]))} in the index: "
                         "`newsbot status` lists the ids")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "\u2026"


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
    filters = Filters(check_article_ids(article_ids), *check_dates(date_from, date_to))
    # One generation of the index for the whole question, held while it reads (bot/library.py).
    with open_library(settings).reading() as lib:
        return _answer(lib, q, hist, k, filters, settings, mode, on_token, t0)


def _smalltalk(lib, q: str, settings: Settings, mode: str, t0: float) -> Answer:
    n = len(lib.articles)
    first = next(iter(lib.articles), None)  # one title, not the whole archive read
    title = lib.articles[first].title if first else ""
    text = (load_prompt(smalltalk_prompt(q), str(settings.prompts_dir))
            .replace("{count}", f"{n} article" + ("" if n == 1 else "s")).replace("{title}", title))
    return Answer(question=q, standalone_question=q, answer=text, abstained=True, citations=(), related=(),
                  mode=mode, status="not_found", smalltalk=True, timings_ms={"total": round((time.perf_counter() - t0) * 1000, 2)})


# "where else", "who else": a question asking for more of one kind
_WH_ELSE = re.compile(r"(?i)\b(?:where|who|whom|when)\s+else\b")


def _answer(lib, q: str, hist: list[dict], k: int, filters: Filters, settings: Settings, mode: str,
            on_token: Callable[[str], None] | None, t0: float) -> Answer:
    check_known_articles(filters.article_ids, lib.articles)
    if is_smalltalk(q):  # "hello", "thanks", "help": what newsbot answers, no search
        return _smalltalk(lib, q, settings, mode, t0)

    norm = lambda text: normalize(text, lib)  # noqa: E731
    # "summarise article 3", "what does the second story say about Sadr": that article alone, in the order the
    # archive lists them (bot/numbered.py), as if picked; of the articles picked, when some were
    numbered = numbered_article(q, sorted(filters.article_ids or lib.articles))
    if numbered:
        filters, q = replace(filters, article_ids=(numbered[0],)), numbered[1]
    standalone = rewrite(q, hist, norm)
    # "tell me more": nothing the whole chain of turns showed (MAX_TURNS) is shown again; a pointer ("where did
    # he say that") looks at the last few answers only
    more = wants_more(standalone)
    # ... and "which article says that?" / "what's the source?" the answer just given
    about = about_answer(standalone)
    engine = query_engine(lib, k, filters, previous=shown_answers(hist, MAX_TURNS if more else 1 if about else 3))
    # ... found by the answer's own words, whatever the question's
    last = re.sub(r"\s*\[\d+\]", "", shown_answers(hist, 1)) if about else ""
    # A topic carried over from the previous turn ("is the curfew still on (Hazem al-Aaraji)?") is dropped
    # when the question alone is answered better (bot/answer/carry.py)
    own = norm(q) if hist and not about and standalone.endswith(")?") else ""
    carried = bool(own) and standalone.startswith(f"{own.rstrip(' ?')} (")
    # "who is Sadr and what does he want": each question answered on its own, the second as a follow-up to the
    # first (bot/compound.py); the whole is not searched as well
    parts = split_compound(standalone) if not (more or about or carried) else None
    spent = [0.0, 0.0]
    if not parts:
        nodes, ex, spent = _search(lib, engine, standalone, last or standalone)
        if carried:
            standalone, (nodes, ex), spent = _weigh_topic(lib, engine, standalone, own, (nodes, ex), spent)
            parts = split_compound(standalone) if not (more or about) else None
    if parts:
        standalone, nodes, ex, parts_spent = _search_parts(lib, engine, parts, norm)
        spent = [a + b for a, b in zip(spent, parts_spent)]
    # "where else are there curfews" when the answer was shown turns ago ("... including Kut and Nasiriya", under
    # "what's the curfew about"), not just before: shown again, rather than "nothing beyond what I showed above"
    # ("tell me more", "what else" still say when all is shown)
    if (more and not parts and ex.status == "not_found" and _WH_ELSE.search(standalone)
            and shown_answers(hist, MAX_TURNS) != shown_answers(hist, 1)):
        last_only = query_engine(lib, k, filters, previous=shown_answers(hist, 1))
        nodes_again, ex_again, again_spent = _search(lib, last_only, standalone)
        spent = [a + b for a, b in zip(spent, again_spent)]
        # (and the topic carried over weighed again, as above, against these answers)
        if carried and standalone != own:
            standalone, (nodes_again, ex_again), spent = _weigh_topic(lib, last_only, standalone, own,
                                                                      (nodes_again, ex_again), spent)
        if ex_again.status != "not_found":
            nodes, ex = nodes_again, ex_again

    def extractive() -> Answer:
        citations = cite(lib, ex.chosen)
        quoted = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        if ex.status == "not_found":
            # "tell me more" when the answers above said all there is: say so, not "do not answer this question"
            text = load_prompt("no_more" if hist and more else "abstain", str(settings.prompts_dir))
        elif ex.status == "uncertain":
            text = f"{load_prompt('uncertain', str(settings.prompts_dir))} {quoted}"
        else:
            text = quoted
        if ex.unknown:  # say which names no article mentions: why this is not an answer
            text = f"{load_prompt('unknown_names', str(settings.prompts_dir)).replace('{names}', ', '.join(ex.unknown))} {text}"
        return Answer(
            question=q, standalone_question=standalone, answer=text, abstained=ex.abstained, citations=citations,
            related=cite(lib, ex.related) if ex.abstained else (), mode=mode, status=ex.status,
            timings_ms={"answer": round(spent[1] * 1000, 2)},
            passages=tuple(node_passage(n) for n in nodes),
        )

    if mode == "llm":
        a = answer_with_llm(lib, q, standalone, [node_passage(n) for n in nodes], settings, extractive, on_token)
    else:
        a = extractive()
    return replace(a, timings_ms={"retrieve": round(spent[0] * 1000, 2), **a.timings_ms,
                                  "total": round((time.perf_counter() - t0) * 1000, 2)})


def _search_parts(lib, engine, parts: tuple[str, str],
                  norm: Callable[[str], str]) -> tuple[str, list, object, list[float]]:
    """Two questions asked as one, each searched and answered, the second as a follow-up to the first: the
    question as understood, the passages of both, their answers merged (bot/compound.py), the seconds taken."""
    first_nodes, first, first_spent = _search(lib, engine, parts[0])
    said = " ".join(f"{c.quote} [{c.n}]" for c in cite(lib, first.chosen))
    second_q = rewrite(parts[1], [{"role": "user", "content": parts[0]}, {"role": "assistant", "content": said}], norm)
    second_nodes, second, second_spent = _search(lib, engine, second_q)
    return (f"{parts[0].rstrip(' ?')} and {second_q}", [*first_nodes, *second_nodes], merge(first, second),
            [a + b for a, b in zip(first_spent, second_spent)])


def _weigh_topic(lib, engine, standalone: str, own: str, found: tuple,
                 spent: list[float]) -> tuple[str, tuple, list[float]]:
    """The question with the topic carried over (`standalone`, answered as `found`: nodes, extraction) or, when it
    alone answers better (bot/answer/carry.py), the question as asked (`own`) and its answer; and `spent` with
    the search's seconds added."""
    *alone, alone_spent = _search(lib, engine, own)
    spent = [a + b for a, b in zip(spent, alone_spent)]
    if not keeps_topic(lib, own, found[1], alone[1], standalone[len(own.rstrip(" ?")) + 2:-2]):
        return own, tuple(alone), spent
    return standalone, found, spent


def _search(lib, engine, standalone: str, query: str | None = None) -> tuple[list, object, list[float]]:
    """The passages retrieved for `query` (the question itself by default), the extractive answer to the
    question from them, and the seconds each took."""
    t0 = time.perf_counter()
    query = query or standalone
    bundle = QueryBundle(query_str=standalone, embedding=embed_query(lib.embed_model, query).tolist())
    nodes = engine.retrieve(replace(bundle, query_str=query) if query != standalone else bundle)
    t1 = time.perf_counter()
    ex = engine.synthesize(bundle, nodes).metadata["extraction"]
    return nodes, ex, [t1 - t0, time.perf_counter() - t1]
