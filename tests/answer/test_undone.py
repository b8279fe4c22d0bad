"""A who-question against a sentence telling of its act only as not done is at best close: "who took part in the
offensive?" against "British troops ... were not taking part in the operation ..." (bot/answer/undone.py)."""

from __future__ import annotations

from bot import ask
from bot.answer.undone import denies_act

BRITISH = ("British troops handed control of Basra province over to Iraqi security forces in December and were not "
           "taking part in the operation, dubbed \"Charge of the Knights.\"")


def test_who_did_what_the_sentence_says_was_not_done_is_uncertain(sample_home):
    a = ask("who took part in the offensive", settings=sample_home)
    assert a.status == "uncertain", a.answer  # was answered: the British, who did not
    assert a.citations and a.citations[0].quote.startswith("British troops"), a.answer


def test_asked_as_not_done_or_yes_or_no_it_is_still_the_answer(sample_home):
    assert ask("who was not taking part", settings=sample_home).status == "answered"
    assert ask("did the british take part in the operation", settings=sample_home).status == "answered"


def test_denies_act_reads_the_negation_before_the_act():
    assert denies_act("take_part", "who took part", BRITISH)
    assert not denies_act("take_part", "who was not taking part", BRITISH)  # the question is negated too
    assert not denies_act("handed", "who handed over control", BRITISH)  # told as done
    assert not denies_act("attacked", "who attacked", BRITISH)  # not told at all
    assert denies_act("attacked", "who attacked US forces", "instructing his militia not to attack U.S. forces")
