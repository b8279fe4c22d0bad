"""ask(mode="llm") against a real OpenAI-compatible server (llama.cpp serving SmolLM2-135M on loopback):
the three questions the small model is known to get wrong never show its errors as supported answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import ask
from bot.llm import split_claims

QUESTIONS = [
    # (question, words that must not be shown as the answer, words the shown answer holds unless it abstains)
    ("What did Sadr demand in exchange?", ["cooperation"], ["amnesty"]),
    ("When did the fighting in Basra erupt?", ["BBC"], ["Tuesday"]),
    ("What is the capital of France?", ["Paris"], []),
]


@pytest.fixture(scope="module")
def llm_settings(sample_home, llm_server):
    return sample_home.with_(llm_base_url=llm_server, llm_model="smollm2", llm_max_tokens=96)


@pytest.mark.parametrize("question,never,expected", QUESTIONS)
def test_the_small_models_known_errors_are_never_shown(llm_settings, question, never, expected):
    pieces = []
    a = ask(question, settings=llm_settings, mode="llm", on_token=pieces.append)
    assert a.mode == "llm" and "".join(pieces).strip() == a.draft and a.draft  # streamed, then verified
    for word in never:
        assert word not in a.answer
    if not a.abstained:
        assert all(w in a.answer for w in expected), a.answer
    for c in a.citations:
        assert Path(c.source).read_text(encoding="utf-8")[c.start:c.end] == c.quote
    # every sentence the model wrote is shown as supported or listed with a reason
    listed = {u.sentence for u in a.unsupported}
    drafted = split_claims(a.draft, a.usage["sources_used"])
    assert all(c.text in a.answer or c.text in listed or a.draft.strip() in listed for c in drafted)
    assert a.usage["prompt_tokens"] > 0 and a.usage["sources_used"] >= 1
