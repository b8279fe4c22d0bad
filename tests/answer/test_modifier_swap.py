""""What will the US troops do?" is not answered by "British troops handed control ...": a name before the
question's noun, and another name before that noun in the sentence, is evidence that the sentence is about
someone else (bot/answer/guards.modifier_swap). Such a sentence goes behind the first candidate without
the swap, and is never shown as the answer."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.question import analyse_question
from bot.answer.guards import modifier_swap
from conftest import home_of

PORT = """Port handover agreed

Dutch engineers handed the harbour cranes over to the port authority in March and left the country.
Danish engineers will stay until the new dock opens, the port authority said on Friday.
The dock is expected to open in September, two months later than planned.

Canadian and port officials said talks on the crane contract would go on. Norwegian engineers will now run the
cranes for the port authority until the summer. The Canadian crews are to keep the old dock open at night.
"""


@pytest.fixture(scope="module")
def port_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("port"), {"port.txt": PORT})


@pytest.mark.parametrize("sentence, swapped", [
    ("British troops handed control of the province over to local forces.", True),  # a people's name
    ("The Iraqi troops left on Monday.", True),
    ("US troops left on Monday.", False),  # the question's own name
    ("U.S. troops left on Monday.", False),  # initials with dots are the same name
    ("The US-led troops left on Monday.", False),  # a hyphened word holding it
    ("Then U.S. and Iraqi troops left.", False),  # the question's name is there too
    ("Angry troops left on Monday.", False),  # a capitalised first word that is no name
    ("The troops left on Monday.", False),  # no name in the slot: no evidence
])
def test_another_name_before_the_question_noun_is_a_swap(sentence, swapped):
    assert modifier_swap(analyse_question("What will the US troops do now?", lambda t: 1.0), sentence) is swapped


@pytest.mark.parametrize("question, expected, not_expected", [
    ("what will the danish engineers do", "Danish engineers will stay", "Dutch engineers"),
    ("what did the dutch engineers do", "Dutch engineers handed the harbour cranes", "Danish engineers"),
    # "Norwegian" opens its only sentence, so the question's lower-case word stays lower case: a people's word
    ("what will the norwegian crews do", "Norwegian engineers will now run", "Canadian crews"),
])
def test_the_sentence_about_the_named_group_answers(port_home, question, expected, not_expected):
    a = ask(question, settings=port_home)
    assert a.citations, a.answer
    assert expected in a.citations[0].quote, a.answer
    assert not_expected not in a.citations[0].quote, a.answer


def test_a_sentence_naming_the_group_elsewhere_is_not_taken_for_it(port_home):
    # The sentence before "Norwegian engineers will now run the cranes" names the Canadians: the question's
    # words are all in that context, yet it is about other engineers.
    a = ask("what will the canadian engineers do now", settings=port_home)
    assert not (a.status == "answered" and "Norwegian engineers" in a.citations[0].quote), a.answer


def test_only_a_swapped_sentence_is_not_shown_as_the_answer(port_home):
    # No sentence says what Swedish engineers do: the Dutch and Danish ones are someone else.
    a = ask("what did the swedish engineers do", settings=port_home)
    assert a.status != "answered", a.answer


def test_a_possessive_or_another_spelling_of_the_question_s_name_is_no_swap(sample_home):
    q = analyse_question("what is the Mahdi Army's stronghold in Baghdad", lambda t: 1.0)
    assert not modifier_swap(q, "Sadr City, a sprawling slum that is a Mahdi Army stronghold.")
    # the article writes "Mehdi Army": the question's spelling of the name, not another army (was uncertain,
    # citing the curfew in Baghdad)
    a = ask("what is the mahdi army's stronghold in baghdad", settings=sample_home)
    assert a.status == "answered" and "a Mehdi Army stronghold" in a.citations[0].quote, a.answer
    a = ask("which mahdi army strongholds are in baghdad", settings=sample_home)
    assert "Sadr City" in a.citations[0].quote, a.answer


def test_the_noun_pointing_back_at_a_mention_with_another_name_is_a_swap(sample_home):
    q = analyse_question("what did the british prime minister say", lambda t: 1.0)
    said = 'The prime minister issued a statement saying the offensive was targeting "outlaws" in Basra.'
    before = "Iraqi Prime Minister Nouri Al-Maliki went to Basra on Monday. "
    assert modifier_swap(q, said, before)
    assert not modifier_swap(analyse_question("what did the iraqi prime minister say", lambda t: 1.0), said, before)
    assert not modifier_swap(q, said)  # nothing before it: no evidence
    # was answered by the Iraqi prime minister's statement
    assert ask("what did the british prime minister say", settings=sample_home).status == "not_found"
    a = ask("what did the iraqi prime minister say", settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("The prime minister issued"), a.answer


def test_a_heading_s_capitalised_first_word_is_no_name_the_noun_points_back_at():
    q = analyse_question("are people happy about the Najaf truce", lambda t: 1.0)
    said = "The truce struck between al-Sadr and occupation forces was greeted with cautious relief."
    # ("Tense truce", a heading, was read as a truce named "Tense", another than Najaf's: the sentence was vetoed)
    assert not modifier_swap(q, said, "The talks went on.\n\n    Tense truce\n\n    ")
    assert not modifier_swap(q, said, "The talks went on. Tense truce talks followed. ")
    # a name opening a line is still one ("Basra" before "truce": another truce)
    assert modifier_swap(q, said, "The talks went on.\n\n    Basra truce\n\n    ")
    assert modifier_swap(q, said, "The talks ended in the Basra truce. ")


@pytest.mark.parametrize("question, swapped", [
    ("Which Iraqi district saw protesters take to the streets?", False),  # the noun asked for: a name answers it
    ("What British district saw protesters take to the streets?", False),
    ("Did the Iraqi district see protesters?", True),  # the district named: another one is a swap
])
def test_a_name_before_the_noun_a_which_question_asks_for_answers_it(question, swapped):
    # was a swap: "Angry protesters took to the streets in the Sadr City district of Baghdad" went behind "Shops and
    # businesses were reported to be closed throughout the neighborhood ..."
    sentence = "Angry protesters took to the streets in the Sadr City district of Baghdad."
    assert modifier_swap(analyse_question(question, lambda t: 1.0), sentence) is swapped


def test_which_district_is_answered_by_the_sentence_naming_it(sample_home):
    a = ask("Which Iraqi district saw angry protesters take to the streets?", settings=sample_home)
    assert a.status == "answered" and "Sadr City district of Baghdad" in a.citations[0].quote, a.answer
