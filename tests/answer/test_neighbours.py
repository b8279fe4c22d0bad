""""When was the press conference?": a sentence going on about the one before it ("Speaking at ...", "He ...")
is dated by it, and the answer cites both, the dated one first (bot/answer/neighbours.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.answer.neighbours import _CONTINUES


def test_the_press_conference_is_dated_by_the_sentence_before(sample_home):
    a = ask("when was the press conference", settings=sample_home)
    assert a.status == "answered", a.answer
    assert "said on Thursday" in a.citations[0].quote and "Speaking at a press conference" in a.citations[1].quote


def test_a_sentence_opening_with_a_name_or_a_preposition_goes_on_about_nothing():
    assert _CONTINUES.match("Speaking at a press conference in Baghdad, Senor confirmed")
    assert _CONTINUES.match("He said the fighters would not be turning in their guns.")
    assert not _CONTINUES.match("King Malcolm III of Scotland married Edgar's sister Margaret.")
    assert not _CONTINUES.match("Some time later, Dyrrachium fell again to Byzantine hands.")


def test_who_said_it_is_named_by_the_sentence_before_he_said(sample_home):
    # was "He said Sadr's group was calling for a nationwide strike ..." alone: the answer named no one
    a = ask("who said the second step will be civil disobedience", settings=sample_home)
    assert a.status == "answered" and "Hazem Al-Aaraji" in a.citations[0].quote, a.answer
    assert a.citations[1].quote.startswith("He said Sadr's group was calling")
    # back over a sentence going on with the pronoun ("He said he was ordering complete cooperation ...")
    a = ask("who said anyone carrying weapons will not be part of the sadrist movement", settings=sample_home)
    assert a.citations[0].quote.startswith("Sadr spokesman Hazem al-Aaraji read a statement"), a.answer


def test_a_pull_quote_and_its_attribution_are_no_context_of_the_sentence_after_them(sample_home):
    from bot.library import open_library, prose_before

    lib = open_library(sample_home)
    rows = next(r for a, r in lib.sentences.items() if a.startswith("001_"))
    text = lib.articles[rows[0].article_id].text
    after_caption = next(r for r in rows if text[r.start:r.end].startswith("The Mahdi Army's grip"))
    # the pull quote and "Abu Faris, militia commander in Najaf" under it are skipped ...
    assert text[prose_before(lib, after_caption).start:].startswith("The al-Sadr crisis")
    # ... a heading is not: the sentence after it goes on from it
    after_heading = next(r for r in rows if text[r.start:r.end].startswith("The truce struck"))
    assert text[prose_before(lib, after_heading).start:].startswith("Tense truce")
    assert prose_before(lib, rows[0]) is None
    # was answered by "The Mahdi Army's grip ...", its context holding the caption's "Abu Faris ... in Najaf"
    a = ask("is abu faris in najaf", settings=sample_home)
    assert "said Abu Faris" in a.citations[0].quote, a.answer


RAIL = """Rail strike talks

Union leaders met the rail company in London on Tuesday.
Mediators are believed to have pushed union leader Sam Cole to offer concessions for an end to the strike.
The union agreed to drop its call for a four-day week, accept a two-year pay deal and suspend all walkouts until June.
The company closed ticket offices in the north of the city during the strike.
The company said it would study the offer.
"""


@pytest.fixture(scope="module")
def rail_home(tmp_path_factory):
    from conftest import home_of
    return home_of(tmp_path_factory.mktemp("rail"), {"rail.txt": RAIL})


def test_things_asked_for_only_named_as_the_acts_object_are_spelled_out_by_the_sentence_after(rail_home):
    # was "... pushed union leader Sam Cole to offer concessions for an end to the strike." alone
    a = ask("what concessions did cole offer", settings=rail_home)
    assert a.status == "answered", a.answer
    assert [c.quote[:30] for c in a.citations] == ["Mediators are believed to have", "The union agreed to drop its c"], a.answer


def test_places_asked_for_are_named_where_they_are_told_of(rail_home):
    a = ask("which offices did the company close", settings=rail_home)
    assert a.status == "answered" and len(a.citations) == 1 and "in the north of the city" in a.citations[0].quote, a.answer
