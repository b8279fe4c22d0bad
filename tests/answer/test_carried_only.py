"""A sentence holding nothing of a follow-up but the topic the rewrite carried into it is at best close: "who suffered
most (in Najaf)?" against "Shia clerics in Najaf are believed to have played a major role ..." (bot/answer/carried_only.py)."""

from __future__ import annotations

from bot import ask
from bot.answer.carried_only import holds_only_carried
from bot.answer.question import analyse_question

CLERICS = ("Shia clerics in Najaf are believed to have played a major role in trying to end the fighting, pushing "
           "cleric Muqtada al-Sadr to offer terms for withdrawal of his Mahdi Army militia.")


def test_a_sentence_holding_only_the_carried_topic_is_uncertain(sample_home):
    first = "what happened in najaf"
    a = ask(first, settings=sample_home)
    b = ask("who suffered most", history=[{"role": "user", "content": first}, {"role": "assistant", "content": a.answer}],
            settings=sample_home)
    assert b.standalone_question == "who suffered most (in Najaf)?", b.standalone_question
    assert b.status != "answered", b.answer  # was answered by the clerics' sentence


def test_holds_only_carried_reads_the_question_s_own_words():
    q = analyse_question("who suffered most (in Najaf)?", lambda t: 1.0)
    assert holds_only_carried(q, CLERICS, verb_ok=0.0)
    assert not holds_only_carried(q, CLERICS, verb_ok=1.0)  # a word standing in for its verb: evidence
    q = analyse_question("who pushed Sadr (in Najaf)?", lambda t: 1.0)
    assert not holds_only_carried(q, CLERICS, verb_ok=0.0)  # "Sadr", typed, is held
    q = analyse_question("who suffered most in Najaf", lambda t: 1.0)
    assert not holds_only_carried(q, CLERICS, verb_ok=0.0)  # nothing carried: Najaf was typed


def test_no_main_verb_read_is_no_stand_in_held(sample_home):
    # "anyone hurt": no main verb read, so verb_ok (1.0 by default) holds nothing typed; "hurt" is not in "Repeated
    # barrages of mortar and rocket fire have also slammed into ... the Green Zone ..." (was answered by it)
    q = analyse_question("anyone hurt (Green Zone government)?", lambda t: 1.0)
    assert q.verb_word is None
    mortar = "Repeated barrages of mortar and rocket fire have also slammed into the heavily fortified Green Zone."
    assert holds_only_carried(q, mortar, verb_ok=1.0)
    first = "mortar attacks"
    a = ask(first, settings=sample_home)
    b = ask("anyone hurt", history=[{"role": "user", "content": first}, {"role": "assistant", "content": a.answer}],
            settings=sample_home)
    assert "Green Zone" in b.standalone_question and b.status != "answered", b.answer
