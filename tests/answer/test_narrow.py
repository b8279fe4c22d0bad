"""A narrow topic asked broadly is told by the sentences holding all of it: "what's happening with the economy in
najaf" is the economy's sentence, not every sentence naming Najaf; "what is the third step" is the one naming the
third step, not the one telling of the second (bot/answer/narrow.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.narrow import lesser
from bot.library import open_library


@pytest.mark.parametrize("question, opening, left_out", [
    # (was three sentences naming Najaf, the economy's last)
    ("whats happening with the economy in najaf", "The al-Sadr crisis has crippled the economy", "US occupation"),
    # (was the second step's sentence)
    ("what is the third step", "He said after that would come a \"third step,\"", "He said Sadr's group"),
])
def test_a_narrow_topic_is_told_by_the_sentences_holding_all_of_it(sample_home, question, opening, left_out):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    assert a.citations[0].quote.startswith(opening), a.answer
    assert not any(c.quote.startswith(left_out) for c in a.citations), a.answer
    lib = open_library(sample_home)
    assert all(lib.articles[c.article_id].text[c.start:c.end] == c.quote for c in a.citations)


def test_a_broad_topic_keeps_its_sentences(sample_home):
    # (no place it is set in, no ordinal: every sentence on the topic may tell of it)
    a = ask("tell me about the najaf truce", settings=sample_home)
    assert a.status == "answered" and len(a.citations) >= 2, a.answer


def test_lesser_leaves_the_place_alone_only_when_the_thing_is_held():
    held = [{"economi", "najaf"}, {"najaf"}]
    assert lesser("the economy in Najaf", held, ["", ""]) == [False, True]
    # no sentence holds the thing: the place's sentences are all the articles have
    assert lesser("the economy in Najaf", [{"najaf"}, {"najaf"}], ["", ""]) == [False, False]
    assert lesser("the second step", [{"step"}, {"step"}], ["the second step", "a third step"]) == [False, True]
    assert lesser("the truce", [{"truce"}], ["the truce"]) == [False]
