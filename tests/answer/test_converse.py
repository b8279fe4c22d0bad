""""Who will take over security in Najaf?" asks for the recipient of a transfer, which the articles tell from the
giver's side: "... the military would gradually hand over responsibility for security to the Iraqi police." That
sentence holds the act, its recipient after "to" (bot/answer/lexicon.converses, act.holds_act), and goes
before one that only names Najaf ("Shia clerics in Najaf ... pushing cleric Muqtada al-Sadr to offer terms ...")."""

from __future__ import annotations

from bot import ask
from bot.answer import lexicon


def test_who_takes_over_is_whom_it_is_handed_over_to(sample_home):
    for q in ("who will take over security in najaf", "who is going to take over security in Najaf"):
        a = ask(q, settings=sample_home)
        # was "Shia clerics in Najaf are believed to have played a major role ..."
        assert a.citations and "hand over responsibility for security to the Iraqi police" in a.citations[0].quote, \
            (q, a.answer)


def test_a_converse_is_only_the_giver_side_of_a_recipient_act():
    assert "hand_over" in lexicon.converses("take_over") and "sell" in lexicon.converses("buy")
    assert not lexicon.converses("say") and not lexicon.converses("hand_over")
