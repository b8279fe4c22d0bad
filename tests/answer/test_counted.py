"""Things asked for in the plural and told one by one in a run ("the second step ...", "a third step") are answered by
the sentences telling of the run (bot/answer/neighbours.counted_before)."""

from __future__ import annotations

import pytest

from bot import ask


@pytest.mark.parametrize("question", ["what are the three steps", "what were the steps"])
def test_a_run_told_across_two_sentences_is_cited_in_both(sample_home, question):
    # was only "He said after that would come a "third step," ...", the second step (and the strike) left out
    a = ask(question, settings=sample_home)
    quotes = [c.quote for c in a.citations]
    assert a.status == "answered" and any("the second step will be civil disobedience" in q for q in quotes) \
        and any("third step" in q for q in quotes), a.answer


def test_one_thing_asked_for_is_not_given_the_run(sample_home):
    a = ask("what is the third step", settings=sample_home)
    assert any("third step" in c.quote for c in a.citations), a.answer
