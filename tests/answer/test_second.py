"""A second cited sentence only for what the first does not say (bot/answer/second.py, adds_terms):
an answer sentence holding every term of the question and an answer of the type asked stands alone."""

from __future__ import annotations

from bot import ask
from bot.answer.features import has_exact_type


def test_a_complete_answer_sentence_is_cited_alone(sample_home):
    # The answer sentence ("He repeated his declaration that the operation did not target ...") holds
    # every term of the question, Maliki through the sentence before; "Iraqi Prime Minister Nouri
    # Al-Maliki went to Basra ..." scores close and used to be cited too, though it says nothing of
    # what the operation did not target.
    a = ask("What did Maliki say the operation did not target?", settings=sample_home)
    assert a.status == "answered", a.answer
    assert "did not target the mainstream Sadrist movement" in a.citations[0].quote
    assert len(a.citations) == 1, [c.quote for c in a.citations]


def test_a_second_sentence_is_cited_for_what_the_first_lacks(sample_home):
    # "security" is only in the second sentence: it completes the question's context.
    a = ask("What did Maliki say the security operation did not target?", settings=sample_home)
    assert "did not target the mainstream Sadrist movement" in a.citations[0].quote
    assert len(a.citations) == 2 and "supervise the security operation" in a.citations[1].quote, a.answer


def test_exact_date_type():
    assert has_exact_type("The strike ended on Thursday.", "date", set())
    assert has_exact_type("Talks began in March 2008.", "date", set())
    assert not has_exact_type("Troops launched a pre-dawn offensive.", "date", set())  # a time, not a date
    assert has_exact_type("Troops launched a pre-dawn offensive.", "other", set())


def test_what_someone_said_is_not_completed_by_others_saying_something_of_them(sample_home):
    from bot import ask
    a = ask("what did the government say", settings=sample_home)
    # was completed by "But Sadrist lawmakers and officials ... said they felt the government is targeting ...":
    # the government named there, but others speaking
    assert a.citations[0].quote == "The Iraqi government has welcomed Sadr's move.", a.answer
    assert all("Sadrist lawmakers" not in c.quote for c in a.citations), a.answer


def test_a_word_held_only_inside_a_phrasal_verb_is_nothing_a_second_sentence_adds(sample_home):
    # was cited second: "For their part, the US agreed to suspend the warrant ... holding out the possibility of its
    # eventual dissolution." ("holding out" is no holding of the truce)
    a = ask("is the truce holding", settings=sample_home)
    assert a.citations and all("holding out" not in c.quote for c in a.citations), a.answer
