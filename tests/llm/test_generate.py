"""bot.llm.generate.build_prompt: numbered sources from prompts/ files, fitted under the model's window."""

from __future__ import annotations

from bot.llm.generate import TOKENIZER_MARGIN, build_prompt
from bot.library import open_library
from bot.retrieve import retrieve
from index.embed import embed_query
from index.static import count_tokens

QUESTION = "What did Sadr demand in exchange?"


def _prompt(settings, top_k=8):
    lib = open_library(settings)
    passages = retrieve(lib, QUESTION, top_k, query_vector=embed_query(lib.embed_model, QUESTION))
    return passages, build_prompt(lib, QUESTION, passages, settings)


def test_sources_are_numbered_in_retrieval_order_with_their_titles(sample_home):
    passages, p = _prompt(sample_home)
    system, user = (m.content for m in p.messages)
    assert "[1]" in system and "NOT IN SOURCES" in system  # the rules, from prompts/answer_system.md
    assert user.endswith(f"Question: {QUESTION}")
    for n, src in enumerate(p.sources, 1):
        assert f"[{n}] " in user and " ".join(src.text.split())[:60] in user
    assert list(p.sources) == passages[:len(p.sources)] and p.dropped == len(passages) - len(p.sources)
    assert p.prompt_tokens == sum(count_tokens(m.content) for m in p.messages)


def test_a_small_window_keeps_fewer_sources_and_room_for_the_answer(sample_home):
    _, wide = _prompt(sample_home)
    small = sample_home.with_(llm_context=700, llm_max_tokens=200)
    _, narrow = _prompt(small)
    assert 1 <= len(narrow.sources) < len(wide.sources) and narrow.dropped > 0
    assert narrow.prompt_tokens <= int(700 * (1 - TOKENIZER_MARGIN)) - 200
    # a window too small for even one passage keeps the start of the best one
    tiny = sample_home.with_(llm_context=400, llm_max_tokens=150)
    _, t = _prompt(tiny)
    assert len(t.sources) == 1 and t.prompt_tokens <= int(400 * (1 - TOKENIZER_MARGIN)) - 150
