""""Which X ..." questions answered by the sentence naming an X (bot/answer/define.asked_thing,
names_instance; bot/answer/promote.instance_first), not by one that only uses the word."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer import lexicon
from bot.answer.define import asked_thing, names_instance
from bot.answer.subset import group_asked
from conftest import home_of


def _thing(question: str) -> str | None:
    return asked_thing(question, lambda w: bool(lexicon.base_forms(w, "n")), lexicon.is_verb)


@pytest.mark.parametrize("question, noun", [
    ("which treaty set up the duchy of normandy", "treaty"),
    ("Which company announced a merger this week?", "company"),
    ("which militia leader called for calm", "leader"),  # after one modifier
    ("in which battle were the normans defeated", "battle"),
    ("What musical innovations came out of the abbey?", "innovation"),  # a plural asks for one kind
    ("what year did the war end", None),  # the answer type reads it (a date)
    ("which city was shelled", None),  # a place
    ("what did sadr say", None),
    ("what caused the fighting", None),  # a verb, not a noun
    ("which of sadr's fighters must leave", None),
    ("what kind of treaty was it", None),
])
def test_asked_thing(question, noun):
    if not lexicon.available():
        pytest.skip("WordNet is not installed")
    assert _thing(question) == noun


def test_names_instance():
    asked = {"which", "treaty", "set", "up", "the", "board"}
    assert names_instance("The board was set up by the treaty of Ashford Mill in 1823.", "treaty", asked)
    assert names_instance("His militia, the Mahdi Army, agreed.", "militia", asked)
    assert not names_instance("The towns formed it by treaty with the crown.", "treaty", asked)
    # the name is the question's own: no instance it does not already know
    assert not names_instance("The treaty of Ashford was signed.", "treaty", asked | {"ashford"})


ARTICLE = """Westmere harbour board marks two centuries

The Westmere Harbour Board, which the river towns formed by treaty with the crown, was a powerful body in the
region and under its first chairman grew into a large port authority. The harbour board was set up by the
treaty of Ashford Mill in 1823, after years of quarrels over tolls between the towns. Its founders met in a
tavern on the quay, records show.

The board still owns the docks and the lighthouse. Its current chairman, Ruth Okafor, said the anniversary
would be marked with a week of open days in May. Shipping through the port fell by a tenth last year.
"""


@pytest.fixture(scope="module")
def harbour_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("harbour"), {"harbour.txt": ARTICLE})


@pytest.mark.parametrize("question", ["which treaty created the westmere harbour board",
                                      "which treaty set up the harbour board"])
def test_which_question_cites_the_sentence_naming_one(harbour_home, question):
    # The first sentence shares more words with the question ("Westmere Harbour Board", "treaty") and is
    # closer in meaning; only the second names a treaty.
    a = ask(question, settings=harbour_home)
    assert a.citations and "treaty of Ashford Mill" in a.citations[0].quote, a.answer


def test_a_sentence_naming_one_keeps_the_act_asked_about(sample_home):
    # "the Sadr City district of Baghdad" names a district, but nothing there targets it; the sentence saying
    # the operation "targeted districts in central and northern parts of the city" holds the act and stays first
    # (was uncertain, citing the protesters in Sadr City)
    a = ask("which districts were targeted", settings=sample_home)
    assert a.status == "answered", a.answer
    assert "targeted districts in central and northern parts" in a.citations[0].quote


@pytest.mark.parametrize("question, group", [
    ("which of sadr's fighters have to leave", "fighter"),
    ("which of the militia fighters have to leave", "fighter"),  # the head before the auxiliary, not "militia"
    ("which of the prisoners were released", "prison"),
    ("Which ones of their demands were met?", "demand"),
    ("which fighters must leave", None),  # no group: instance_first's "which X"
    ("which of them left", None),  # a pronoun, no noun of a group
])
def test_the_group_a_which_of_question_asks_a_part_of(question, group):
    assert group_asked(question) == group


@pytest.mark.parametrize("question", ["which of the militia fighters have to get out under the agreement",
                                      "which of the fighters have to pull out of najaf under the truce",
                                      "which of the fighters have to get out of najaf under the deal"])
def test_which_of_a_group_is_answered_by_the_sentence_holding_the_group_doing_the_act(sample_home, question):
    # (not "US occupation forces have suspended their offensive ...", which scores higher; nor "We have received no
    # orders to withdraw ..., said Abu Faris, a militia commander": the group is the fighters, not the militia; nor
    # "Sadr's spokesman said the fighters would not be turning in their guns": "get out" is also to utter, which
    # "said" states)
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and "non-Najaf residents" in " ".join(a.citations[0].quote.split()), a.answer
