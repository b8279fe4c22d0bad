"""Who wrote or reported an article: its credit line answers (bot/answer/provenance.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.provenance import asks_source


@pytest.mark.parametrize("question, asks", [
    ("who wrote the najaf article", True), ("what is the source of the najaf story", True),
    ("who reported this story", True), ("where is the truce story from", True), ("who is the reporter", True),
    # asked of something else than an article: a question about its content
    ("who wrote the letter", False), ("what was the source of the violence", False),
    ("who wrote Reducibility Among Combinatorial Problems", False),
])
def test_a_question_about_an_article_s_writer_or_source(question, asks):
    assert asks_source(question) is asks


@pytest.mark.parametrize("question, credit", [
    ("who wrote the najaf article", "SOURCE: Agencies"),  # a source line (boilerplate, never another answer)
    ("what is the source of the story about the truce", "SOURCE: Agencies"),
    ("who is the author of the basra article", "VOA Correspondent Challiss McDonough"),
])
def test_the_article_s_credit_line_answers(sample_home, question, credit):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and credit in a.citations[0].quote, a.answer  # was not found
    # still no answer to anything else
    assert "SOURCE" not in ask("what did the us agree to", settings=sample_home).answer
