""""When did the blockade start?" is answered by the sentence saying since when it has held ("The blockade ...,
which has been in place since March"), not by the date of another beginning in a sentence that does not name
it ("Fishermen protested on Monday after the coast guard began turning boats away"): a date of the act asked
about goes first when the sentence (or the one before) names the question's topic
(bot/answer/act.count_of_act_first). "How long has it been going?" likewise: since when, or for how long
(act.duration_first), not a sentence that only holds a time word."""

from __future__ import annotations

import pytest

from bot import ask
from conftest import home_of

HARBOUR = """Harbour blockade

Fishermen protested on Monday after the coast guard began turning boats away, and the protest quickly spread.
Traders met the mayor on Wednesday to complain about empty stalls.
The blockade of the harbour, which has been in place since March, has emptied the fish market.
The blockade is seen as the main cause of the fall in the town's catch over the last year.
The mayor said on Thursday that talks with the navy would resume next week.
"""


@pytest.fixture(scope="module")
def harbour_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("harbour"), {"harbour.txt": HARBOUR})


@pytest.mark.parametrize("question", ["when did the blockade start", "when did the blockade of the harbour begin"])
def test_since_when_the_topic_has_held(harbour_home, question):
    a = ask(question, settings=harbour_home)
    assert a.citations and "since March" in a.citations[0].quote, a.answer


@pytest.mark.parametrize("question", ["how long has the blockade been going", "how long has the blockade lasted"])
def test_how_long_is_since_when_not_a_time_word(harbour_home, question):
    # "over the last year" is a time, but not the blockade's: "since March" says how long it has held
    a = ask(question, settings=harbour_home)
    assert a.citations and "since March" in a.citations[0].quote, a.answer


def test_the_start_of_the_act_itself_still_comes_first(harbour_home):
    # the protest's own beginning: the sentence names it and the act
    a = ask("when did the protest start", settings=harbour_home)
    assert a.citations and "on Monday" in a.citations[0].quote, a.answer


def test_how_long_the_topic_has_held_is_an_answer(sample_home):
    # was uncertain (P 0.399): the sentence saying since when the ceasefire has held, all the question names
    a = ask("how long has the ceasefire lasted", settings=sample_home)
    assert a.status == "answered" and "in place since August" in a.citations[0].quote, a.answer
    # ... but not for an act the sentence does not hold: Sadr's ceasefire "in place since August" is no hiding
    assert ask("how long has sadr been in hiding", settings=sample_home).status != "answered"
