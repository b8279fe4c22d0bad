"""The LLM answerer: numbered sources in a prompt (prompts/answer_*.md), the model's answer streamed back.

The context is assembled under the model's window: system prompt, question and sources are counted with
tiktoken (cl100k; the model's own tokenizer differs, so a margin is kept), and sources are added in
retrieval order while they fit, leaving room for the answer (NEWSBOT_LLM_MAX_TOKENS).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Callable

from llama_index.core.llms import LLM, ChatMessage, MessageRole

from bot.library import Library
from bot.prompts import load_prompt
from bot.types import Passage
from index.settings import Settings
from index.static import count_tokens, tokenizer

# tiktoken's cl100k counts differ from the model's own tokenizer (SmolLM2 uses ~10% more tokens on news
# text): budget against a window this much smaller than the real one.
TOKENIZER_MARGIN = 0.15
# The model's way of saying the sources do not answer (prompts/answer_*.md ask for exactly this).
_NOT_IN_SOURCES = re.compile(r"not\s+in\s+(the\s+)?sources|sources\s+do\s+not\s+(answer|say|mention)", re.I)


@dataclass(frozen=True)
class Prompt:
    messages: tuple[ChatMessage, ...]
    sources: tuple[Passage, ...]  # sources[n - 1] is the passage shown to the model as [n]
    prompt_tokens: int  # counted with tiktoken cl100k
    dropped: int  # retrieved passages left out because the window was full


@dataclass(frozen=True)
class Generation:
    text: str
    usage: dict  # prompt_tokens, completion_tokens (cl100k counts), context_window, sources_used, sources_dropped
    declined: bool  # the model said the sources do not answer
    seconds: float


def build_prompt(lib: Library, question: str, passages: list[Passage], settings: Settings) -> Prompt:
    directory = str(settings.prompts_dir)
    system = load_prompt("answer_system", directory)
    user_template = load_prompt("answer_user", directory)
    source_template = load_prompt("answer_source", directory)
    budget = int(settings.llm_context * (1 - TOKENIZER_MARGIN)) - settings.llm_max_tokens
    used = count_tokens(system) + count_tokens(user_template.format(sources="", question=question)) + 16
    blocks, sources = [], []
    for p in passages:
        block = _source_block(lib, source_template, len(sources) + 1, p)
        cost = count_tokens(block) + 1
        if used + cost > budget:
            if sources:
                break
            # Not even the best passage fits: keep its beginning (a tiny window, or a huge question).
            block = _truncate(block, max(budget - used, 0))
            cost = count_tokens(block)
        blocks.append(block)
        sources.append(p)
        used += cost
    user = user_template.format(sources="\n\n".join(blocks), question=question)
    messages = (ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user))
    return Prompt(messages, tuple(sources), sum(count_tokens(m.content) for m in messages), len(passages) - len(sources))


def generate(llm: LLM, prompt: Prompt, settings: Settings, on_token: Callable[[str], None] | None = None) -> Generation:
    """Stream the model's answer; on_token receives each piece of text as it arrives."""
    t0 = time.perf_counter()
    parts = []
    for chunk in llm.stream_chat(list(prompt.messages)):
        delta = chunk.delta or ""
        if delta:
            parts.append(delta)
            if on_token is not None:
                on_token(delta)
    text = "".join(parts).strip()
    usage = {"prompt_tokens": prompt.prompt_tokens, "completion_tokens": count_tokens(text),
             "context_window": settings.llm_context, "sources_used": len(prompt.sources),
             "sources_dropped": prompt.dropped}
    # A reply that says so and little else ("NOT IN SOURCES", "The sources do not answer this question.")
    # is a decline; an answer that also claims something is verified sentence by sentence.
    rest = _NOT_IN_SOURCES.sub("", text)
    declined = not text or (rest != text and len(rest.split()) <= 4)
    return Generation(text, usage, declined, time.perf_counter() - t0)


def _source_block(lib: Library, template: str, n: int, p: Passage) -> str:
    art = lib.articles[p.article_id]
    heading = f"{art.title} ({art.date})" if art.date else art.title
    return template.format(n=n, heading=heading, text=" ".join(p.text.split()))


def _truncate(text: str, tokens: int) -> str:
    enc = tokenizer()
    return enc.decode(enc.encode(text, disallowed_special=())[:tokens])
