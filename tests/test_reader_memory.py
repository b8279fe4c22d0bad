"""A long-lived reader under churn (issue 12): every new generation of the index opens a new Chroma client in the
reader (index/vectors.py: VectorStore.reopened()); the Chroma instances of older generations must be let go of
as soon as no question reads them, not left to the garbage collector (the chat's RSS grew ~0.35 MB per committed
change in eval/soak.py). Counted here without the garbage collector running, so that what it would have
collected later counts: the number of running Chroma instances must stay bounded however many generations pass.
"""

from __future__ import annotations

import gc

import pytest

from bot import ask
from bot.library import open_library
from index.embed import make_embedding
from index.ingest import ingest

GENERATIONS = 6
QUESTION = "What did Sadr ask for in exchange?"


def running_embedded_chromas() -> int:
    """Embedded Chroma instances whose Rust bindings are still alive (stop() deletes them)."""
    from chromadb.api.rust import RustBindingsAPI

    return sum(1 for o in gc.get_objects() if isinstance(o, RustBindingsAPI) and "bindings" in vars(o))


def cached_chroma_systems() -> int:
    """The Systems chromadb's class-level cache holds (a server's clients are cached under uuids of their own)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    return len({id(s) for s in SharedSystemClient._identifier_to_system.values()})


def churn(settings, corpus, generations: int) -> None:
    """Change one article and ingest it, `generations` times, the reader answering after each change."""
    model = make_embedding(settings.embed_model)
    target = sorted(corpus.glob("*.txt"))[1]
    text = target.read_text(encoding="utf-8")
    lib = open_library(settings)
    for n in range(generations):
        before = lib.generation
        target.write_text(f"{text}\n\nThe festival drew {100000 + n} visitors this year.\n", encoding="utf-8")
        assert target.stem in ingest([corpus], settings, embed_model=model).updated
        ask(QUESTION, settings=settings)  # the reader moves to the new generation (a new Chroma client)
        assert lib.generation > before


@pytest.fixture
def no_gc():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_reader_under_churn_keeps_a_bounded_number_of_chroma_instances(settings_factory, corpus_copy,
                                                                         assert_answers, no_gc) -> None:
    settings = settings_factory(corpus=corpus_copy)
    ingest([corpus_copy], settings)
    ask(QUESTION, settings=settings)
    start = running_embedded_chromas()
    churn(settings, corpus_copy, GENERATIONS)
    # The current generation's, and the one before while it is let go of; before the fix, one per generation.
    assert running_embedded_chromas() <= start + 2, (start, running_embedded_chromas())
    assert_answers(settings)


def test_a_reader_of_a_chroma_server_keeps_a_bounded_number_of_clients(chroma_server, settings_factory,
                                                                       corpus_copy, assert_answers, no_gc) -> None:
    settings = settings_factory(corpus=corpus_copy, chroma_url=chroma_server, collection="reader_memory")
    ingest([corpus_copy], settings)
    ask(QUESTION, settings=settings)
    start = cached_chroma_systems()
    churn(settings, corpus_copy, GENERATIONS)
    # chromadb caches every client's System for the life of the process; before the fix, 2 more per generation.
    assert cached_chroma_systems() <= start + 2, (start, cached_chroma_systems())
    assert_answers(settings)
