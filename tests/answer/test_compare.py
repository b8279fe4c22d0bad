""""compare Najaf and Basra", "how is Najaf different from Basra": what the articles say of each side, side by side,
each sentence cited (bot/answer/compare.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.compare import asks_comparison
from bot.library import open_library


def test_asks_comparison_reads_the_two_sides():
    assert asks_comparison("compare najaf and basra") == ("najaf", "basra")
    assert asks_comparison("what's the difference between the Basra and Najaf stories?") == ("Basra", "Najaf")
    assert asks_comparison("how does the Najaf truce differ from the Basra ceasefire") == ("Najaf truce", "Basra ceasefire")
    assert asks_comparison("what is the difference") is None and asks_comparison("compare notes") is None
    # a clause is no side ("how is the way the government reacted ... different from ...")
    assert asks_comparison("how is the way the government handled the fighting in Basra different from Najaf") is None


@pytest.mark.parametrize("question", ["compare najaf and basra", "how is najaf different from basra",
                                      "what's the difference between the basra and najaf stories"])
def test_a_comparison_cites_what_the_articles_say_of_each_side(sample_home, question):
    # were not found / uncertain ("US occupation forces have suspended ..." alone)
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and 2 <= len(a.citations) <= 4, a.answer
    quotes = [c.quote for c in a.citations]
    assert any("Najaf" in q for q in quotes) and any("Basra" in q for q in quotes), a.answer
    lib = open_library(sample_home)
    assert all(lib.articles[c.article_id].text[c.start:c.end] == c.quote for c in a.citations)


def test_a_side_the_articles_do_not_sum_up_is_no_comparison(sample_home):
    a = ask("compare najaf and mosul", settings=sample_home)
    assert a.status != "answered" and "No article I have mentions mosul" in a.answer, a.answer


@pytest.mark.parametrize("question, sides", [("Maliki versus Sadr", ("Maliki", "Sadr")),
                                             ("najaf vs basra", ("najaf", "basra")),
                                             ("what is the P versus NP problem", None),  # a question of its own
                                             ("P versus NP", None)])  # (one problem's name: no side to sum up)
def test_two_sides_typed_as_versus_are_compared(question, sides):
    assert asks_comparison(question) == sides


def test_maliki_vs_sadr_tells_each_side(sample_home):
    a = ask("maliki vs sadr", settings=sample_home)  # was not found
    assert a.status == "answered", a.answer
    assert any("Maliki" in c.quote for c in a.citations) and any("Sadr" in c.quote for c in a.citations), a.answer
