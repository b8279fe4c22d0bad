""""Did Sadr call off the fighting?" asks of calling off: a sentence holding "call" only as its bare verb ("only
what they call rogue elements") does not hold the question's verb (bot/answer/features._head_alone). The particle
may stand a few words after its verb ("handed control of Basra province over"); a preposition after a verb is no
such particle ("asked the government to release" is asking for)."""

from __future__ import annotations

from bot import ask
from bot.answer.features import _head_alone
from bot.answer.question import analyse_question
from index.terms import words


def test_a_bare_head_verb_is_not_the_phrasal_verb_asked_about(sample_home):
    a = ask("did sadr call off the fighting", settings=sample_home)
    # was answered by "U.S. and Iraqi officials say ... only what they call \"rogue elements\" ..."
    assert a.citations and "rogue elements" not in a.citations[0].quote, a.answer
    assert "ordering an end to the fighting" in a.citations[0].quote, a.answer


def test_the_particle_may_stand_after_the_object_and_a_preposition_is_none():
    handed = words("British troops handed control of Basra province over to Iraqi security forces")
    assert not _head_alone(analyse_question("what did the british hand over", lambda t: 1.0), handed)
    assert _head_alone(analyse_question("did sadr call off the fighting", lambda t: 1.0),
                       words("only what they call rogue elements"))
    assert not _head_alone(analyse_question("what did sadr ask for", lambda t: 1.0),
                           words("he asked the government to release prisoners"))
