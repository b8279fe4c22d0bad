"""Two questions asked as one are each answered, the second as a follow-up to the first (bot/compound.py)."""

from __future__ import annotations

import pytest

from bot import ask
from bot.compound import split_compound


@pytest.mark.parametrize("question, parts", [
    ("who is sadr and what does he want", ("who is sadr?", "what does he want")),
    ("what happened in basra, and how many died?", ("what happened in basra?", "how many died?")),
    ("did the government agree and did sadr comply", ("did the government agree?", "did sadr comply")),
    ("who's sadr and what's the mahdi army", ("who's sadr?", "what's the mahdi army")),
    ("what did sadr order and why", ("what did sadr order?", "why")),  # why he did
    # one question: a question word asking two things of one act, names in a list, an "and" inside the question
    ("when and where did maliki go", None),
    ("what did sadr and maliki say", None),
    ("what happens to fighters who keep their weapons and do not obey", None),
])
def test_two_questions_joined_by_and_are_cut_apart(question, parts):
    assert split_compound(question) == parts


def test_each_part_is_answered_and_cited(sample_home):
    a = ask("what happened in basra and how many died", settings=sample_home)
    # was uncertain: no one sentence tells both
    assert a.status == "answered", a.answer
    assert a.standalone_question == "what happened in Basra and how many died (in Basra)?"
    quotes = [c.quote for c in a.citations]
    assert quotes[0].startswith("Heavy fighting has been raging in Basra"), quotes
    assert any("12 people have been killed" in q for q in quotes), quotes


def test_the_second_part_reads_its_pronoun_from_the_first(sample_home):
    a = ask("who is sadr and what does he want", settings=sample_home)
    assert a.standalone_question == "who is Sadr and what does Sadr want"
    assert any("release Mahdi Army prisoners" in c.quote for c in a.citations), a.answer


def test_a_sentence_both_parts_give_is_cited_once(sample_home):
    a = ask("where is najaf and what happened there", settings=sample_home)
    spans = [(c.article_id, c.start) for c in a.citations]
    assert a.status == "answered" and len(spans) == len(set(spans)) > 1, a.answer  # was cited twice, [1] and [2]
