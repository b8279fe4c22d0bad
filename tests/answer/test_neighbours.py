""""When was the press conference?": a sentence going on about the one before it ("Speaking at ...", "He ...")
is dated by it, and the answer cites both, the dated one first (bot/answer/neighbours.py)."""

from __future__ import annotations

from bot import ask
from bot.answer.neighbours import _CONTINUES


def test_the_press_conference_is_dated_by_the_sentence_before(sample_home):
    a = ask("when was the press conference", settings=sample_home)
    assert a.status == "answered", a.answer
    assert "said on Thursday" in a.citations[0].quote and "Speaking at a press conference" in a.citations[1].quote


def test_a_sentence_opening_with_a_name_or_a_preposition_goes_on_about_nothing():
    assert _CONTINUES.match("Speaking at a press conference in Baghdad, Senor confirmed")
    assert _CONTINUES.match("He said the fighters would not be turning in their guns.")
    assert not _CONTINUES.match("King Malcolm III of Scotland married Edgar's sister Margaret.")
    assert not _CONTINUES.match("Some time later, Dyrrachium fell again to Byzantine hands.")


def test_who_said_it_is_named_by_the_sentence_before_he_said(sample_home):
    # was "He said Sadr's group was calling for a nationwide strike ..." alone: the answer named no one
    a = ask("who said the second step will be civil disobedience", settings=sample_home)
    assert a.status == "answered" and "Hazem Al-Aaraji" in a.citations[0].quote, a.answer
    assert a.citations[1].quote.startswith("He said Sadr's group was calling")
    # back over a sentence going on with the pronoun ("He said he was ordering complete cooperation ...")
    a = ask("who said anyone carrying weapons will not be part of the sadrist movement", settings=sample_home)
    assert a.citations[0].quote.startswith("Sadr spokesman Hazem al-Aaraji read a statement"), a.answer
