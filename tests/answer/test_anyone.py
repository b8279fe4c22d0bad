""""Did anyone die?", "was anyone hurt?": whoever it was, the answer is the sentence telling of the act or of one
WordNet lets stand in for it ("12 people have been killed"), and a sentence that does not tell of it is no answer
(bot/answer/verbs.asks_whether_any, bot/answer/overrides.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.verbs import asks_whether_any, main_verb_word

TOLL = "Iraqi officials say at least 12 people have been killed and 18 wounded in the clashes"


@pytest.mark.parametrize("question, verb", [
    ("was anyone hurt", "hurt"), ("did anyone die", "die"), ("has anyone been arrested", "arrested"),
])
def test_whether_anyone_did_it_has_the_act_as_its_verb(question, verb):
    assert asks_whether_any(question) and main_verb_word(question) == verb  # "was anyone hurt" had no verb


@pytest.mark.parametrize("question", ["did anyone die", "was anyone hurt", "did anyone get wounded",
                                      "was anybody hurt in basra",  # (a place too: was uncertain, "Heavy fighting ...")
                                      "did anyone die in basra"])  # ("kill" causes "die": was uncertain, the chunk unread)
def test_the_sentence_telling_of_the_act_answers(sample_home, question):
    # was uncertain / not found: "anyone" was a word to find ("He said anyone who continues carrying weapons ...")
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith(TOLL), a.answer


@pytest.mark.parametrize("question", ["did anyone die in najaf", "was anyone killed in najaf",
                                      # "went" and "off" stand in for "kill" only in rare senses (was answered by
                                      # "After the cleric's order went out, fighting appeared to have slacked off ...")
                                      "was anyone killed in baghdad"])
def test_a_sentence_that_does_not_tell_of_the_act_is_no_answer(sample_home, question):
    # the Najaf story tells of no one killed ("Najaf siege ends in truce", before its lead, is no death either)
    a = ask(question, settings=sample_home)
    assert a.status != "answered", a.answer


def test_a_verb_absent_from_the_archive_is_searched_as_the_verbs_causing_it():
    from bot.answer.rewordings import causers
    from bot.expand import keyword_query
    from index.bm25 import build_bm25
    assert causers("die") == ("kill",)  # WordNet's cause pointer, in kill's first sense
    index = build_bm25(1, ["c1"], ["At least 12 people have been killed in the clashes"])
    assert "kill" in keyword_query(index, "did anyone die in Basra").split()


@pytest.mark.parametrize("question", ["did people die?", "did people die", "were people killed"])
def test_those_killed_died(sample_home, question):
    # "did people die?" was not found, then uncertain: the people in "12 people have been killed" are no doers of
    # "die", yet killing causes dying (WordNet's cause pointer), and they underwent it
    a = ask(question, settings=sample_home)
    assert a.status == "answered" and a.citations[0].quote.startswith(TOLL), a.answer
