"""search(): retrieval only. The passages ask() reads, deeper if asked, and the articles they rank.

ask() answers from the first settings.top_k passages; search() runs the same hybrid retrieval (the
same follow-up rewrite, the same fusion depth) and returns up to top_k passages, so its first
settings.top_k are exactly the ones ask() read. rank_articles() orders whole articles by their best
passage: what "article hit@k" in the eval measures.
"""

from __future__ import annotations

from typing import Sequence

from bot.ask import check_history, check_question, check_top_k
from bot.library import open_library
from bot.retrieve import Filters, retrieve
from bot.normalize import normalize
from bot.rewrite import rewrite
from bot.types import Passage
from index.embed import embed_query
from index.settings import Settings

MAX_TOP_K = 200


def search(question: str, history: Sequence[dict] | None = None, top_k: int | None = None, *,
           settings: Settings | None = None, article_ids: Sequence[str] | None = None,
           date_from: str | None = None, date_to: str | None = None) -> list[Passage]:
    """The passages for a question, best first (at most top_k, default settings.top_k; up to 200)."""
    q = check_question(question)
    hist = check_history(history)
    k = check_top_k(top_k, MAX_TOP_K)
    settings = settings or Settings.from_env()
    filters = Filters(tuple(article_ids) if article_ids else None, date_from, date_to)
    # The depth ask() uses, so that a deeper search only extends ask()'s list and never reorders it.
    depth = max(20, 4 * settings.top_k)
    if k and k > 2 * depth:
        # More than the fusion can give at that depth: look deeper (the order may then shift slightly).
        depth = k
    with open_library(settings).reading() as lib:  # one generation for the whole search, as ask() reads
        standalone = rewrite(q, hist, lambda text: normalize(text, lib))
        qv = embed_query(lib.embed_model, standalone)
        return retrieve(lib, standalone, k or settings.top_k, filters, qv, depth=depth)


def rank_articles(passages: Sequence[Passage]) -> list[str]:
    """Article ids in the order of their best passage."""
    return list(dict.fromkeys(p.article_id for p in passages))
