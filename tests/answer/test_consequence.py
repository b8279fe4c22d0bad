""""What happens to people who ...", "what will happen if ...": the sentence stating a consequence of the
condition asked about answers (bot/answer/reasons.states_consequence, consequence_first), also when it
words the condition its own way ("anyone who continues carrying weapons" for "fighters who keep their
weapons"), and only a consequence of that condition."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

ARTICLE = """Harbourside curfew extended after weekend unrest

The city council extended the night curfew in the Harbourside district on Monday after two nights of unrest,
in which shop windows were smashed and three cars were set on fire. The mayor, Elena Voss, said police would
patrol the district's main streets from 10 p.m. until dawn. Anyone who is found on the streets after 10 p.m.
without a permit will be fined 500 euros, she said. Residents described a tense but quiet Sunday night. Shop
owners said they had lost most of their weekend trade and asked the council for help with the repairs.
"""


@pytest.fixture(scope="module")
def curfew_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("curfew"), {"curfew.txt": ARTICLE})


@pytest.mark.parametrize("question", [
    "what happens to people who are out on the streets after the curfew",
    "What will happen if I am on the streets after 10 p.m.?",
])
def test_the_consequence_of_the_condition_asked_about(curfew_home, question):
    answer = ask(question, settings=curfew_home)
    assert answer.status == "answered", answer.answer
    assert "fined 500 euros" in answer.citations[0].quote


def test_a_consequence_of_another_condition_is_no_answer(curfew_home):
    # the fine is for being out after 10 p.m., not for attacking the council
    answer = ask("what would happen to anyone who attacks the town hall", settings=curfew_home)
    assert not (answer.status == "answered" and "fined" in answer.citations[0].quote), answer.answer


def test_what_someone_said_would_happen_to_people_who_go_on_doing_something(sample_home):
    # "keep fighting" is said "continues carrying weapons": "keep" and "continue" share their first sense; the
    # sentence on what happens if Sadr's order is implemented is about no one who does anything
    answer = ask("What did Sadr say would happen to people who keep fighting?", settings=sample_home)
    assert answer.status == "answered", answer.answer
    assert [c.quote for c in answer.citations] == [
        "He said anyone who continues carrying weapons or targeting the government will not be part of the "
        "Sadrist movement."]


def test_a_consequence_retrieval_ranks_low_is_still_found(sample_home):
    # "what happens to people who keep fighting" names no one and nothing the sentence does ("anyone who continues
    # carrying weapons"): it ranked below the ten candidates looked at, and the casualty count answered
    answer = ask("what happens to people who keep fighting", settings=sample_home)
    assert answer.status == "answered", answer.answer
    assert "anyone who continues carrying weapons" in answer.citations[0].quote, answer.answer


def test_did_it_work_is_answered_by_what_followed_it(sample_home):
    # was answered by the order itself ("Sadr spokesman Hazem al-Aaraji read a statement ...")
    first = ask("what did sadr order", settings=sample_home)
    a = ask("did it work", history=[{"role": "user", "content": "what did sadr order"},
                                    {"role": "assistant", "content": first.answer}], settings=sample_home)
    assert a.standalone_question == "did Sadr's order work"
    assert a.status == "answered" and a.citations[0].quote.startswith("After the cleric's order went out"), a.answer


@pytest.mark.parametrize("question", [
    # was answered by "... renegade elements refusing to abide by Sadr's ceasefire, which has been in place ..."
    "did sadr's ceasefire work",
    # was not found; the head is "truce" (not "summer"), which a synonym names ("ceasefire")
    "has the militia's truce from last summer actually made iraq any calmer"])
def test_did_it_work_is_answered_by_what_it_brought_about(sample_home, question):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    assert a.citations[0].quote.startswith("The ceasefire is seen as having a significant role"), a.answer


def test_what_a_thing_brought_about_must_be_said_of_that_thing(sample_home):
    # the offensive is named, but nothing is said to have come of it
    a = ask("did the offensive succeed", settings=sample_home)
    assert a.status != "answered", a.answer


@pytest.mark.parametrize("question", ["what happened after sadr's order", "what was the result of Sadr's order?",
                                      # (were answered by "... ordering an end to the fighting in order to stop ...")
                                      "did fighting stop after sadr's order", "has the fighting eased since sadr's order"])
def test_what_happened_after_something_is_answered_by_what_followed_it(sample_home, question):
    # were answered by the order itself ("Sadr spokesman Hazem al-Aaraji read a statement ...")
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith("After the cleric's order went out"), a.answer


def test_what_happens_to_a_thing_asks_no_condition(sample_home):
    from bot.answer.reasons import _conditional
    assert _conditional("what will happen to the arrest warrant") is None
    assert _conditional("what happens to sadr fighters who keep their weapons") is not None
    assert _conditional("what happens if the government does not comply") is not None
    # was "He said the Iraqi government must guarantee that if his order ... stop the raids and arrests ..."
    a = ask("what will happen to the arrest warrant", settings=sample_home)
    assert a.status == "answered" and "suspend the warrant for his arrest" in a.citations[0].quote, a.answer


def test_what_followed_a_thing_must_tell_of_what_the_question_says_followed(sample_home):
    # "... it would in turn stop the raids and arrests" names the raids, but no government apologising after them
    a = ask("did the government apologise after the raids", settings=sample_home)
    assert a.status != "answered", a.answer


@pytest.mark.parametrize("question, quote", [
    # was not found: "what will X do" took the first sentence where Sadr does anything
    ("what will sadr do if the government does not comply", "if the Iraqi government does not comply"),
    # a threat made on the condition, holding all of it, before "anyone who continues carrying weapons ... will"
    ("what will sadr do if the crackdown continues", "is threatening a campaign"),
])
def test_what_someone_will_do_if_something_happens_is_the_consequence_stated(sample_home, question, quote):
    answer = ask(question, settings=sample_home)
    assert answer.status == "answered" and quote in answer.citations[0].quote, answer.answer


def test_a_negated_condition_is_met_by_a_negated_one(sample_home):
    history = [{"role": "user", "content": "what does sadr want"},
               {"role": "assistant", "content": "In exchange, he asked the government to release Mahdi Army "
                                                "prisoners and declare an amnesty. [1]"}]
    answer = ask("what will he do if he doesn't get it", history=history, settings=sample_home)
    assert answer.status == "answered" and "does not comply" in answer.citations[0].quote, answer.answer
