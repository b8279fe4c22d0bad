"""An article asked for by its place in the archive's list (bot/numbered.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.numbered import numbered_article

IDS = ["000_a", "001_b", "002_c"]


@pytest.mark.parametrize("question, found", [
    ("summarise article 3", ("002_c", "summarise the article")),
    ("summarize the first article", ("000_a", "summarize the article")),
    ("what does the second story say about sadr", ("001_b", "what does the article say about sadr")),
    ("what is the last article about", ("002_c", "what is the article about")),
    ("tell me about article no. 2", ("001_b", "tell me about the article")),
    ("summarize article 9", None),  # past the end: no article
    ("summarize article 0", None),
    ("what is the second step", None),  # no article named
    ("what do 3 articles say", None),
])
def test_an_article_is_named_by_its_place_in_the_list(question, found):
    assert numbered_article(question, IDS) == found


def test_summarise_article_3_sums_up_the_third_article(sample_home):
    # was "not found": "article 3" named nothing the articles hold
    a = ask("summarise article 3", settings=sample_home)
    assert a.status == "answered" and {c.article_id for c in a.citations} == {"002_66587a816fcca4e1"}, a.answer
    assert a.citations[0].quote.startswith("Heavy fighting has been raging in Basra") and len(a.citations) >= 2


def test_a_question_about_the_second_story_is_answered_from_it_alone(sample_home):
    a = ask("what does the second story say about sadr", settings=sample_home)
    assert a.status == "answered" and {c.article_id for c in a.citations} == {"001_7168465226cfb30f"}, a.answer


def test_articles_picked_already_are_numbered_among_themselves(sample_home):
    picked = ["002_66587a816fcca4e1", "001_7168465226cfb30f"]
    # the first of those picked, in the archive's order (was "not found": the number was not read with a pick)
    a = ask("summarize the first article", settings=sample_home, article_ids=picked)
    assert a.status == "answered" and {c.article_id for c in a.citations} == {"001_7168465226cfb30f"}, a.answer
    # one past the picked: no article, nothing from outside the pick
    b = ask("summarize article 3", settings=sample_home, article_ids=picked)
    assert {c.article_id for c in b.citations} <= set(picked)
