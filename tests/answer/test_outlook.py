""""What's next?" asked with nothing shown before is answered by what the articles say lies ahead: the most
forward-looking sentence of each retrieved article (a step announced, something to be done, what someone said
would happen), each cited (bot/answer/outlook.py). After an answer it is the sentence after that answer."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.outlook import asks_outlook
from conftest import home_of

TOWN = """Dock strike

Dock workers walked out on Monday over unpaid wages.
The union said its second step will be a march on the town hall if the owners do not pay.
The owners said they were surprised by the strike.

Bridge works

The old bridge closed in May after cracks were found.
The council said the bridge is to be reopened in August.
"""


@pytest.fixture(scope="module")
def town_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("outlook"), {"dock.txt": TOWN.split("\n\nBridge")[0],
                                                        "bridge.txt": "Bridge" + TOWN.split("\n\nBridge")[1]})


@pytest.mark.parametrize("question, topic", [("what's next", ""), ("what will happen now?", ""),
                                             ("what happens next in Basra", "Basra"), ("what's next for sadr", "sadr"),
                                             ("what is going to happen", "")])
def test_what_lies_ahead_is_asked(question, topic):
    assert asks_outlook(question) == topic


@pytest.mark.parametrize("question", ["what happened next", "what did the union do next", "what is next to the bridge"])
def test_other_questions_ask_no_outlook(question):
    assert asks_outlook(question) is None


def test_whats_next_is_what_each_article_says_lies_ahead(town_home):
    # was not found: no sentence holds "next"
    a = ask("what's next", settings=town_home)
    quotes = sorted(c.quote for c in a.citations)
    assert a.status == "answered" and quotes == [
        "The council said the bridge is to be reopened in August.",
        "The union said its second step will be a march on the town hall if the owners do not pay."], a.answer


def test_whats_next_for_a_topic_is_what_lies_ahead_for_it(town_home):
    a = ask("what's next for the union", settings=town_home)
    assert [c.quote for c in a.citations] == [
        "The union said its second step will be a march on the town hall if the owners do not pay."], a.answer


def test_whats_next_in_the_sample_articles(sample_home):
    a = ask("what's next", settings=sample_home)  # was not found
    quotes = " ".join(c.quote for c in a.citations)
    assert a.status == "answered" and '"the second step will be civil disobedience' in quotes, a.answer
    assert "is to be lifted early Monday" in quotes and "threatened to undermine" not in quotes, a.answer
