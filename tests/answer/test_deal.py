""""What are the terms of the truce?" is answered by what each side agreed to (bot/answer/deal.py), not by the
sentence naming the truce ("The truce struck ... was greeted with cautious relief ...")."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.deal import asks_terms
from conftest import home_of

DOCKS = """Dock strike ends in deal

The dock strike at the port ended on Friday after two weeks of talks.
The union agreed to send its members back to work on Monday and to drop its claim for back pay.
For its part, the port authority promised to cancel the fines it had imposed during the strike.
Ships that had waited outside the harbour began to berth on Saturday.
Shipping firms said the strike had cost them millions.
"""


@pytest.fixture(scope="module")
def docks_home(tmp_path_factory):
    return home_of(tmp_path_factory.mktemp("deal"), {"docks.txt": DOCKS})


def test_the_deal_a_question_asks_the_terms_of():
    assert asks_terms("what are the terms of the truce") == "the truce"
    assert asks_terms("truce terms") == "truce"
    assert asks_terms("najaf truce terms") == "najaf truce"  # a deal of more words, typed as keywords
    assert asks_terms("the sadr truce's terms") == "sadr truce"
    assert asks_terms("what were the conditions of the deal?") == "the deal"
    assert asks_terms("what were the terms (Najaf)?") == "Najaf"  # a follow-up's carried topic
    assert asks_terms("what were the terms") == ""
    assert asks_terms("what terms did sadr offer") is None  # what one side offered: the usual answer
    assert asks_terms("how long is the term of the prime minister") is None
    # the details of a deal are its terms; of anything else, its story (topic.py)
    assert asks_terms("what are the details of the truce") == "the truce"
    assert asks_terms("details of the offensive") is None
    # what each side got, gave or agreed to: the terms
    assert asks_terms("what did each side get") == ""
    assert asks_terms("what did both sides agree to in the truce") == "the truce"
    assert asks_terms("and what did the two sides give up (in Najaf)?") == "Najaf"
    assert asks_terms("what did sadr get") is None  # one side: the usual answer


@pytest.mark.parametrize("question", ["what are the terms of the truce", "truce terms", "najaf truce terms",
                                      "what were the conditions of the deal",
                                      "details of the deal",  # (was not found)
                                      "what did each side get (in Najaf)?",  # (was not found)
                                      "what did both sides agree to"])
def test_the_terms_of_the_truce_are_what_each_side_agreed_to(sample_home, question):
    a = ask(question, settings=sample_home)
    assert a.status == "answered", a.answer
    quotes = [c.quote for c in a.citations]
    assert quotes[0].startswith("The cleric agreed to end all armed demonstrations"), a.answer
    assert any(q.startswith("For their part, the US agreed to suspend the warrant") for q in quotes), a.answer
    assert not any("cautious relief" in q for q in quotes)


def test_the_sides_of_another_deal_in_article_order(docks_home):
    a = ask("what were the terms of the deal", settings=docks_home)
    assert a.status == "answered" and [c.quote[:20] for c in a.citations] == [
        "The union agreed to ", "For its part, the po"], a.answer


def test_the_terms_of_a_thing_no_article_holds_are_not_another_deals(sample_home):
    # "the loan" is no deal of the articles': not the truce's terms
    a = ask("what are the terms of the loan", settings=sample_home)
    assert not any("agreed to" in c.quote for c in a.citations if a.status == "answered"), a.answer
