""""Are people happy about the truce?": "people" in general stand for the people of a place the articles name
("... greeted with cautious relief by the embattled residents"); the question's word counts as held by a
sentence naming residents, locals, civilians, ... (bot/answer/question._aliases)."""

from __future__ import annotations

from bot import ask
from bot.answer.question import analyse_question
from index.terms import terms


def test_people_in_general_are_held_by_the_words_for_a_place_s_people():
    aliases = dict(analyse_question("are people happy about the truce", lambda t: 1.0).aliases)
    people = terms("people")[0]
    assert {terms(w)[0] for w in ("residents", "locals", "civilians")} <= aliases[people]
    # a particular kind of people is no alias of them ("soldiers" are not "residents")
    assert terms("soldiers")[0] not in dict(analyse_question("are soldiers happy", lambda t: 1.0).aliases)


def test_how_people_took_something_is_the_residents_reaction(sample_home):
    # was not found: the sentence held "truce" alone of the question's words
    a = ask("are people happy about the najaf truce", settings=sample_home)
    assert a.status != "not_found" and "cautious relief by the embattled residents" in a.citations[0].quote, a.answer
