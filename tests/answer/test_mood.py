""""What's the mood in Najaf?" is answered by the words of feeling in the story telling of the place ("greeted with
cautious relief", "has angered many residents"), not by the sentences that merely name it (bot/answer/mood.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.mood import asks_mood, feels


@pytest.mark.parametrize("question, place", [("what's the mood in Najaf", "Najaf"),
                                             ("how is the atmosphere like at the shrine", "the shrine"),
                                             ("what was the feeling among residents", "residents"),
                                             ("what's the mood", None), ("what did the mood ring say", None),
                                             # typed as keywords, a name before "mood"
                                             ("Najaf mood", "Najaf"), ("Sadr City's mood?", "Sadr City"),
                                             ("mood in basra", "basra"), ("good mood", None)])
def test_the_mood_asked_of_a_place(question, place):
    assert asks_mood(question) == place


@pytest.mark.parametrize("word, is_feeling", [("relief", True), ("angered", True), ("angry", True), ("fear", True),
                                              # a noun and an adverb here, though "to entrance" and "to still" stir
                                              ("entrances", False), ("still", False), ("heavy", False),
                                              ("control", False)])
def test_words_of_feeling(word, is_feeling):
    assert feels(word) is is_feeling


@pytest.mark.parametrize("question", ["what's the mood in najaf", "how's the atmosphere in najaf"])
def test_the_mood_in_a_place_is_told_by_its_words_of_feeling(sample_home, question):
    # was "He originally gave the militants until Friday ... in the Shi'ite holy city of Najaf" and "US occupation
    # forces have suspended their offensive ... in the city of Najaf" (the sentences naming Najaf)
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    quotes = [c.quote for c in a.citations]
    assert quotes[0].startswith("The truce struck between") and "cautious relief" in quotes[0], quotes
    assert any("has angered many residents" in q for q in quotes), quotes


def test_a_feeling_denied_or_told_of_another_place_is_no_mood_there(sample_home):
    # "U.S. and Iraqi officials say they are not interested in fighting ..." (denied) and "Angry protesters took to
    # the streets in the Sadr City district of Baghdad" (another place) tell no mood in Basra: its summary answers
    a = ask("what's the mood in basra", settings=sample_home)
    assert a.status == "answered" and a.citations, a.answer
    assert all("not interested" not in c.quote and "Angry protesters" not in c.quote for c in a.citations), a.answer
    assert any("Basra" in c.quote for c in a.citations), a.answer


@pytest.mark.parametrize("question", ["Sadr City's mood", "sadr citys mood", "mood in sadr city"])
def test_the_mood_in_a_place_of_two_words_is_told_where_they_are_one_name(sample_home, question):
    # "Sadr City" is not "Sadr" and "the southern city" of another story; its story names it "the Sadr City district
    # of Baghdad", which is no other place (was not found)
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and "Angry protesters" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question, place", [("how did people in Baghdad react", "Baghdad"),
                                             ("how have the residents of Sadr City responded", "Sadr City")])
def test_how_people_in_a_place_react_asks_the_mood_there(question, place):
    assert asks_mood(question) == place
    assert asks_mood("how did people react to the truce") is None  # (a thing reacted to: bot/answer/reaction.py)
    # (how they feel is a stand taken among them, how they are coping life there: as before)
    assert asks_mood("how do people in Najaf feel") is None and asks_mood("how are the residents of Sadr City coping") is None


def test_how_people_in_a_place_reacted_is_answered_by_a_feeling_told_there(sample_home):
    # was uncertain, with "Iraqi officials say at least 12 people have been killed ..." ("people")
    a = ask("how did people in baghdad react", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("Angry protesters took to the streets"), a.answer
    # (was not found)
    a = ask("how did people in najaf react", settings=sample_home)
    assert a.status == "answered" and any("residents" in c.quote for c in a.citations), a.answer
