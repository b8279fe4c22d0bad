""""What did the monks build in Castran?" is not answered by "In northern Veldoria, the monks built a great stone
library ...", though the sentence before it names Castran: a sentence opening with another place tells of that
place (bot/answer/guards.place_elsewhere, its `sentence`); a sentence about the place asked about answers
instead, when one is among the first candidates."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

MONKS = """The monks of Arden

The monks of the order first settled in Castran in 1102, on land given by the count.
In northern Veldoria, the monks built a great stone library and three water mills.
The order was dissolved in 1539, and its lands were sold.

In Castran, the period of monastic building gave the town its hospital for pilgrims.
"""


@pytest.fixture(scope="module")
def monks_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("monks"), {"monks.txt": MONKS})


@pytest.mark.parametrize("question, expected, not_expected", [
    # (the sentence about Castran that answers ranks low; what matters is that Veldoria's is not taken for it)
    ("what did the monks build in castran", "Castran", "Veldoria"),
    ("what did the monks build in veldoria", "stone library", "hospital"),
])
def test_a_sentence_opening_with_another_place_is_not_the_answer(monks_home, question, expected, not_expected):
    a = ask(question, settings=monks_home)
    assert a.citations, a.answer
    assert expected in a.citations[0].quote and not_expected not in a.citations[0].quote, a.answer


FRIARS = """The friars of Tern

The friars of the order first settled in Wales in 1102, on land given by the count.
In northern Veldoria, the friars built a great stone library and three water mills.
The order was dissolved in 1539, and its lands were sold.

In Wales, the period of building gave the valley its hospital for pilgrims.
"""


@pytest.fixture(scope="module")
def friars_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("friars"), {"friars.txt": FRIARS})


def test_a_place_typed_in_lower_case_is_a_place_too(friars_home):
    # "wales" typed in lower case stays so (WordNet knows it as a common word too), but is a particular place
    a = ask("what did the friars build in wales", settings=friars_home)
    assert a.citations and "Veldoria" not in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["was there a curfew in basra", "was the curfew in basra"])
def test_a_sentence_about_elsewhere_does_not_answer_for_the_article_s_setting(sample_home, question):
    # 002 is set in Basra; its curfews were "imposed elsewhere in central and southern Iraq, including Kut"
    a = ask(question, settings=sample_home)
    assert a.status != "answered", a.answer
    assert ask("is there a curfew in kut", settings=sample_home).status == "answered"


def test_a_sentence_instead_about_the_place_must_still_be_about_the_question(sample_home):
    # the best sentence tells of a curfew in Baghdad; the one put instead, as about Najaf (the sentence before it
    # names Najaf), held no word of the question: "Sadr's spokesman said the fighters would not be turning in their
    # guns" was shown as the closest the articles come
    a = ask("is there a curfew in najaf", settings=sample_home)
    assert a.status != "answered", a.answer
    assert not any("turning in their guns" in c.quote for c in a.citations), a.answer



def test_a_sentence_instead_about_the_place_must_hold_a_word_of_the_question_other_than_the_place(sample_home):
    # the Green Zone sentence names no Baghdad (its article names Baghdad twice, elsewhere); the one put instead was
    # "Iraqi authorities say a citywide curfew in Baghdad is to be lifted early Monday.", answered: it holds "Baghdad",
    # the place, and nothing else of the question
    a = ask("which compound in baghdad was hit by mortar and rocket fire", settings=sample_home)
    assert a.citations and "Green Zone government and diplomatic compound" in a.citations[0].quote, a.answer
    assert not any("curfew" in c.quote for c in a.citations), a.answer
