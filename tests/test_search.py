"""bot.search: retrieval only, the passages ask() reads and deeper; rank_articles orders whole articles."""

from __future__ import annotations

import pytest

from bot import UsageError, ask, rank_articles, search

FLAGSHIP = "What did Sadr demand in exchange?"


def test_search_starts_with_exactly_the_passages_ask_reads(sample_home):
    read = ask(FLAGSHIP, settings=sample_home).passages
    deep = search(FLAGSHIP, top_k=40, settings=sample_home)
    assert len(read) == sample_home.top_k and len(deep) > len(read)
    assert [p.chunk_id for p in deep[:len(read)]] == [p.chunk_id for p in read]
    assert [p.score for p in deep] == sorted((p.score for p in deep), reverse=True)


def test_search_rewrites_a_follow_up_like_ask(sample_home):
    history = [{"role": "user", "content": FLAGSHIP}, {"role": "assistant", "content": "An amnesty."}]
    follow = "And what did he say about the Mahdi Army's weapons?"
    assert ([p.chunk_id for p in search(follow, history, settings=sample_home)]
            == [p.chunk_id for p in ask(follow, history, settings=sample_home).passages])


def test_rank_articles_orders_articles_by_their_best_passage(sample_home):
    passages = search("Najaf siege truce Senor", top_k=40, settings=sample_home)
    ranked = rank_articles(passages)
    assert ranked[0] == "001_7168465226cfb30f" == passages[0].article_id
    assert len(ranked) == len(set(ranked)) == 3  # the three sample articles, each once
    first = {a: min(i for i, p in enumerate(passages) if p.article_id == a) for a in ranked}
    assert [first[a] for a in ranked] == sorted(first.values())


def test_search_filters_by_article(sample_home):
    only = search(FLAGSHIP, top_k=40, settings=sample_home, article_ids=["002_66587a816fcca4e1"])
    assert only and {p.article_id for p in only} == {"002_66587a816fcca4e1"}


@pytest.mark.parametrize("top_k", [0, 201, "5", 2.5, True])
def test_bad_top_k_names_the_value(sample_home, top_k):
    with pytest.raises(UsageError, match=repr(top_k).replace(".", r"\.")):
        search(FLAGSHIP, top_k=top_k, settings=sample_home)


def test_empty_question_is_a_usage_error(sample_home):
    with pytest.raises(UsageError, match="empty"):
        search("   ", settings=sample_home)
