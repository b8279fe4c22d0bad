"""What someone said about something: their words holding it go first (bot/answer/said_about.py)."""

from __future__ import annotations

import pytest

from bot import ask


@pytest.mark.parametrize("question", ["what did hazem al-aaraji say about weapons",
                                      "what did the spokesman say about the government"])
def test_their_words_holding_the_topic_answer(sample_home, question):
    # was "Sadr spokesman Hazem al-Aaraji read a statement ..., saying he was ordering an end to the fighting ..."
    # for weapons: his first words, holding none of it
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("He said"), a.answer
    topic = question.split(" about ")[1].split()[-1]
    assert topic in a.citations[0].quote.lower(), a.answer


@pytest.mark.parametrize("question, quote", [
    # a kind of the topic ("guns" of "weapons") and the topic in the sentence before ("... welcomed Sadr's move.")
    # keep the first
    ("what did the sadr spokesman say about weapons", "Sadr's spokesman said the fighters would not be turning in"),
    ("what did maliki say about sadr's move", "issued a statement calling it a step in the right direction"),
])
def test_words_telling_of_the_topic_otherwise_stay_first(sample_home, question, quote):
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and quote in a.citations[0].quote, a.answer
