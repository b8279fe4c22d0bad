""""that" / "this" standing alone for what the turn before was about is read as "it" (bot/demonstratives.py), which
the follow-up rules resolve; a determiner, what was said, a time and a name given are left alone."""

from __future__ import annotations

import pytest

from bot import ask
from bot.demonstratives import demonstrative_as_it
from bot.rewrite import rewrite


@pytest.mark.parametrize("q, expected", [
    ("when did that start", "when did it start"),
    ("is that still in place", "is it still in place"),
    ("is this only in Baghdad", "is it only in Baghdad"),
    ("did that work?", "did it work?"),
    ("will that end the fighting", "will it end the fighting"),
    ("who agreed to that", "who agreed to it"),
    ("what about this", "what about it"),
    # left alone
    ("did that militia leave", "did that militia leave"),  # a determiner before a noun
    ("is that militia still there", "is that militia still there"),
    ("did that group attack", "did that group attack"),  # a noun that is a verb too, and its verb
    ("who said that", "who said that"),  # what was said
    ("why did he say that", "why did he say that"),
    ("what came before that", "what came before that"),  # a time
    ("and after that?", "and after that?"),
    ("who calls them that", "who calls them that"),  # a name given
    ("what did the commander say about that", "what did the commander say about that"),  # what was said about it
])
def test_that_alone_is_it(q, expected):
    assert demonstrative_as_it(q) == expected


def _turn(q: str, a: str) -> list[dict]:
    return [{"role": "user", "content": q}, {"role": "assistant", "content": a}]


def test_that_stands_for_the_thing_asked_about():
    ceasefire = _turn("what is the ceasefire", "... Sadr's ceasefire, which has been in place since August. [1]")
    # were "when did that start (Sadrist)?", "is that still in place (Sadrist)?": a name of the answer carried
    assert rewrite("when did that start", ceasefire) == "when did the ceasefire start"
    assert rewrite("is that still in place", ceasefire) == "is the ceasefire still in place"


def test_that_after_a_question_is_answered_as_its_thing(sample_home):
    history = _turn("what is the ceasefire", ask("what is the ceasefire", settings=sample_home).answer)
    a = ask("when did that start", history=history, settings=sample_home)
    assert a.status == "answered" and "since August" in a.citations[0].quote, a.answer  # was not found


@pytest.mark.parametrize("q, expected", [("where was this", "where did it happen"), ("when was that?", "when did it happen?"),
                                         ("and where was that", "and where did it happen"),
                                         ("where is that", "where is it")])  # (where a place is: left to "it")
def test_where_or_when_was_this_asks_of_what_the_answer_told(q, expected):
    assert demonstrative_as_it(q) == expected


def test_where_was_this_after_an_act_is_where_it_happened(sample_home):
    history = _turn("what did residents hear", "Residents of Basra said they could hear explosions and automatic weapons "
                    "fire throughout the day, and columns of black smoke were seen rising above the city. [1]")
    # was "where was of Basra" ("of Basra" read as a name, "this" as it)
    assert rewrite("where was this", history) == "where did it happen (Basra)?"
    a = ask("where was this", history=history, settings=sample_home)
    assert a.status == "answered" and "Basra" in a.citations[0].quote, a.answer
