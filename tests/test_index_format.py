"""The embedding format in the manifest (index/index_format.py): an index whose vectors another pipeline made
is embedded again, with a notice, and never mixes the two."""

from __future__ import annotations

from index.index_format import OLDEST_EMBED_FORMAT, check_format, embed_format
from index.ingest import ingest, manifest_path
from index.manifest import Manifest


def test_the_packaged_model_records_its_int8_format_and_others_their_name_only() -> None:
    from index.int8 import VERSION

    assert embed_format("minilm-int8") == f"2:{VERSION}" != OLDEST_EMBED_FORMAT
    assert embed_format("tests.fake_embedding:make") == OLDEST_EMBED_FORMAT


def test_a_new_index_records_the_format_and_redoes_nothing(settings_factory) -> None:
    settings = settings_factory()
    settings.home.mkdir(parents=True)
    m = Manifest(manifest_path(settings))
    try:
        assert check_format(m, settings) == (False, None)
        assert m.get_meta("embed_format") == embed_format(settings.embed_model)
        assert check_format(m, settings) == (False, None)  # and again: the same format
    finally:
        m.close()


def test_an_index_from_before_the_format_is_embedded_again_with_a_notice(settings_factory, corpus_copy) -> None:
    settings = settings_factory()
    first = ingest([corpus_copy], settings)
    m = Manifest(manifest_path(settings))
    m.db.execute("DELETE FROM meta WHERE key='embed_format'")  # as an index written before it was recorded
    m.db.commit()
    m.close()
    again = ingest([corpus_copy], settings)
    assert again.chunks_embedded == first.chunks_embedded > 0  # every article, not just the changed ones
    assert any("embedded again" in n.message for n in again.notices)
    m = Manifest(manifest_path(settings))
    assert m.get_meta("embed_format") == embed_format(settings.embed_model)
    m.close()
    third = ingest([corpus_copy], settings)
    assert third.chunks_embedded == 0 and not any("embedded again" in n.message for n in third.notices)


def test_questions_to_an_older_index_are_embedded_as_its_vectors_were(settings_factory, corpus_copy,
                                                                      capsys, monkeypatch) -> None:
    import numpy as np

    from bot.cli import main
    from bot.library import Library
    from index.embed import MiniLMEmbedding

    settings = settings_factory()
    ingest([corpus_copy], settings, embed_model=MiniLMEmbedding(int8=False))  # float32 vectors, as before int8
    m = Manifest(manifest_path(settings))
    m.db.execute("DELETE FROM meta WHERE key='embed_format'")  # as an index written before it was recorded
    m.db.commit()
    m.close()
    lib = Library(settings)
    try:
        text = "Sadr ordered his fighters off the streets"
        older = MiniLMEmbedding(int8=False).encode([text])[0]
        question = np.asarray(lib.embed_model.get_query_embedding(text))
        assert np.allclose(question, older, atol=1e-5)  # float32, as the index's vectors
        assert not np.allclose(lib.ingest_embedder.encode([text])[0], older, atol=1e-3)  # int8 differs
        monkeypatch.setenv("NEWSBOT_HOME", str(settings.home))
        assert main(["status"]) == 0
        assert "older embedding pipeline" in capsys.readouterr().out  # and status says an ingest redoes them
        ingest([corpus_copy], settings)  # now in this code's format: questions follow at once
        lib.refresh()
        assert lib.embed_model is lib.ingest_embedder
    finally:
        lib.manifest.close()
