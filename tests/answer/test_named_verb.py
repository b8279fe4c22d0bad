""""What was Sadr charged with?" asks of charging someone: a sentence holding "charge" only as a word of a name
(the operation "dubbed 'Charge of the Knights'") does not hold the question's verb
(bot/answer/features.named_only)."""

from __future__ import annotations

from bot import ask
from bot.answer.features import named_only
from bot.answer.question import analyse_question


def test_a_verb_written_only_in_a_name_is_not_the_verb_asked_about(sample_home):
    a = ask("what was sadr charged with", settings=sample_home)
    # was answered by "... were not taking part in the operation, dubbed \"Charge of the Knights.\""
    assert a.status != "answered", a.answer
    assert not a.citations or "Charge of the Knights" not in a.citations[0].quote, a.answer


def test_named_only_needs_every_use_capitalised_past_the_first_word():
    q = analyse_question("what was Sadr charged with", lambda t: 1.0)
    assert named_only(q, 'The operation was dubbed "Charge of the Knights."')
    assert not named_only(q, "He was charged with murder in Najaf.")
    assert not named_only(q, "Charges were brought against him.")  # the sentence's first word: no name
    assert not named_only(q, 'Police charged him after "Charge of the Knights" began.')  # one use is the verb
    assert not named_only(q, "Nothing here.")  # no use at all
