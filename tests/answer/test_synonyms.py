"""A word of the question that no article uses counts as held by a sentence holding one of its synonyms in their
frequent senses, as keyword search already reads it (bot/expand.py): "what crime is the warrant *linked* to?"
against "... the warrant for his arrest *in connection with* another cleric's murder" (bot/answer/question._aliases).
Not the main verb, which only its own stand-ins answer (bot/answer/verbs.verb_support)."""

from __future__ import annotations

from bot import ask
from bot.answer.question import analyse_question
from index.terms import terms


def test_a_word_no_article_uses_is_held_by_its_synonym(sample_home):
    unseen = {terms("linked")[0]}
    q = analyse_question("what crime is the warrant linked to", lambda t: 1.0, seen=lambda t: t not in unseen)
    assert terms("connect")[0] in dict(q.aliases)[terms("linked")[0]]
    # was uncertain: "linked" counted as a word the sentence lacks
    a = ask("what crime is the warrant linked to", settings=sample_home)
    assert a.status == "answered" and "in connection with another cleric's murder" in a.citations[0].quote, a.answer


def test_the_main_verb_takes_no_synonym_as_held():
    unseen = {terms("tell")[0]}
    q = analyse_question("what does the ceasefire tell the militia", lambda t: 1.0, seen=lambda t: t not in unseen)
    assert terms("tell")[0] not in dict(q.aliases)  # "say" would make any report of speech hold it


def test_a_word_takes_the_synonyms_of_its_main_part_of_speech_only():
    from bot.answer import rewordings
    # "game" is mostly a noun: not "crippled" / "lame", its adjective's ("a game leg"), which held "the name of the game"
    # in "The al-Sadr crisis has crippled the economy ..."
    assert rewordings.main_pos("game") == "n"
    assert "crippled" in rewordings.synonyms("game") and "crippled" not in rewordings.synonyms("game", pos="n")
    unseen = {terms("game")[0]}
    q = analyse_question("what's the name of the game", lambda t: 1.0, seen=lambda t: t not in unseen)
    assert terms("crippled")[0] not in dict(q.aliases).get(terms("game")[0], frozenset())


def test_a_letter_or_a_numeral_takes_no_synonym(sample_home):
    # "x" is the Roman ten to WordNet: "what happened to x" was answered by "... extended the deadline for 10 days ..."
    for word in ("x", "xiv"):
        unseen = {terms(word)[0]}
        q = analyse_question(f"what happened to {word}", lambda t: 1.0, seen=lambda t: t not in unseen)
        assert not dict(q.aliases).get(terms(word)[0]), q.aliases
    assert ask('what happened to "x"', settings=sample_home).status != "answered"


def test_a_synonym_of_many_senses_is_not_read():
    # "brand" / "make" (49 senses of the verb): a sentence "making" anything would hold it; "Chicago" / "stops"
    for word, other in (("brand", "make"), ("chicago", "stop")):
        unseen = {terms(word)[0]}
        q = analyse_question(f"where is the {word}", lambda t: 1.0, seen=lambda t: t not in unseen)
        assert terms(other)[0] not in dict(q.aliases).get(terms(word)[0], frozenset()), q.aliases
