""""When did the strike start?" is answered by the sentence dating the act asked about ("The walkout began on
the 3rd of May ..."), not by the first of the many sentences of a news story that hold a date and the
question's noun ("Ministers met the union leaders on Sunday to discuss the strike"):
bot/answer/act.count_of_act_first, for dates the verb itself or a synonym in its frequent senses."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

DOCK = """Dock strike spreads

On Saturday, the port director admitted he was surprised by the size of the dock strike.
The union said on Friday that the dock strike would go on until wages were raised.
Ministers met the union leaders on Sunday to discuss the strike, without result.
Shipping firms warned on Monday that the strike was costing them millions.
The walkout began on the 3rd of May after the port cut overtime pay, and it quickly spread to other harbours.
Most of the pickets have gathered at the main gate.
"""


@pytest.fixture(scope="module")
def dock_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("dock"), {"dock.txt": DOCK})


def test_the_date_of_the_act_asked_about_comes_first(dock_home):
    a = ask("when did the strike start", settings=dock_home)
    assert a.citations, a.answer
    assert "began on the 3rd of May" in a.citations[0].quote, a.answer


def test_a_date_of_another_act_is_never_shown_as_the_answer(dock_home):
    # no sentence dates the pickets' gathering: the walkout's date is at best close
    a = ask("when did the pickets gather", settings=dock_home)
    assert a.status != "answered", a.answer


@pytest.mark.parametrize("question", ["when will the british troops leave", "when will the third step come"])
def test_a_past_date_is_no_answer_to_when_something_will_be(sample_home, question):
    # were answered: "British troops handed control ... in December", "... ordered in August ..."
    assert ask(question, settings=sample_home).status != "answered"


def test_a_sentence_looking_ahead_answers_when_something_will_be(sample_home):
    a = ask("when will the curfew in baghdad be lifted", settings=sample_home)
    assert a.status == "answered" and "is to be lifted early Monday" in a.citations[0].quote, a.answer


def test_the_date_of_something_asks_when_it_was(sample_home):
    # "date" is the frame's, as "day" of "what day": was uncertain ("date", a word no sentence holds, counted as topic)
    from bot.answer.question import answer_type
    assert answer_type("what's the date of the Basra fighting") == "date"
    assert answer_type("date of the najaf truce") == "date"
    assert answer_type("what is the date") == "other"  # no "of": no date of anything asked
    a = ask("what was the date of the press conference", settings=sample_home)
    assert a.status == "answered" and "on Thursday" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["when was the port director appointed", "when was the port director hired"])
def test_a_date_of_another_act_is_no_answer_to_when_someone_was_acted_on(dock_home, question):
    # was answered by "On Saturday, the port director admitted he was surprised ...": dated, names him, no appointing
    assert ask(question, settings=dock_home).status != "answered"


def test_when_something_was_done_is_answered_by_the_act_in_other_words(sample_home):
    assert ask("when was maliki elected", settings=sample_home).status != "answered"
    a = ask("when was control of basra handed over", settings=sample_home)
    assert a.status == "answered" and "in December" in a.citations[0].quote, a.answer


def test_when_someone_announced_it_is_the_date_of_their_words_in_other_verbs(sample_home):
    # "Dan Senor, said on Thursday ...": "said" is no form of "announce", but words said by the one named are what
    # was announced (was not found: "He repeated his declaration ... since August", a declaration by someone else,
    # went first)
    a = ask("when did Senor announce it", settings=sample_home)
    assert a.status == "answered" and "said on Thursday" in a.citations[0].quote, a.answer
