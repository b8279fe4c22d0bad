"""bot/expand.py: a question's word no article uses is searched by keywords as its WordNet synonyms the
index holds; words the index holds are searched as they are."""

from __future__ import annotations

from bot.expand import keyword_query


def test_a_word_no_article_uses_is_searched_as_its_indexed_synonym(sample_home) -> None:
    from bot.library import open_library

    bm25 = open_library(sample_home).bm25
    # "start" is in no sample article; "begin" is ("the government began cracking down")
    assert keyword_query(bm25, "when did the fighting start") == "when did the fighting start begin"
    # every word indexed (or a stop word): nothing added
    assert keyword_query(bm25, "when did the fighting erupt in basra") == "when did the fighting erupt in basra"
    # no synonym indexed either: nothing added
    assert keyword_query(bm25, "what about the zeppelin") == "what about the zeppelin"


def test_the_chunk_saying_it_in_other_words_is_read_and_answers(sample_home) -> None:
    from bot import ask

    a = ask("when did the fighting start", settings=sample_home)
    # Before, the chunk ranked 7th (BM25 matched "fighting" alone) and the answer had no day in it.
    assert any("erupted Tuesday" in p.text for p in a.passages)
    assert a.status == "answered" and "Fierce fighting erupted Tuesday" in a.citations[0].quote


def test_a_followers_word_is_searched_as_its_leaders_name_too(sample_home) -> None:
    from bot import ask
    from bot.library import open_library

    bm25 = open_library(sample_home).bm25
    # "Sadrists" is indexed ("Sadrist lawmakers"), no English word: its leader's name goes along
    assert keyword_query(bm25, "what are the Sadrists threatening") == "what are the Sadrists threatening sadr"
    assert keyword_query(bm25, "what are the Marxists threatening") == "what are the Marxists threatening"
    # was answered by "But Sadrist lawmakers and officials denounced the offensive ...": the chunk with "Sadr is
    # threatening a campaign ..." was not read
    a = ask("what are the sadrists threatening", settings=sample_home)
    assert a.status == "answered" and "is threatening a campaign" in a.citations[0].quote, a.answer


def test_a_noun_naming_an_act_no_article_uses_is_searched_as_its_verb(sample_home) -> None:
    from bot import ask
    from bot.library import open_library

    bm25 = open_library(sample_home).bm25
    # "extension" is in no sample article; "extend" is ("then extended the deadline for 10 days")
    assert keyword_query(bm25, "how long is the extension") == "how long is the extension extend"
    # a person's noun names no act ("governor" is no "govern")
    assert keyword_query(bm25, "what did the governor say") == "what did the governor say"
    # was not found: the chunk with the deadline was not read, the answerer reads "extension" as "extend" already
    a = ask("how long is the extension", settings=sample_home)
    assert a.status == "answered" and "extended the deadline for 10 days" in a.citations[0].quote, a.answer
