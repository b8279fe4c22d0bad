"""The same ingest and ask against a real `chroma run` server (settings.chroma_url / NEWSBOT_CHROMA_URL)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from index.errors import StoreError
from index.ingest import ingest, manifest_path
from index.manifest import Manifest
from index.settings import Settings
from index.vectors import VectorStore

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
BASRA_ID = "002_66587a816fcca4e1"


def unique_collection() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


def copy_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(p, folder / p.name)
    return folder


def manifest_ids(settings) -> dict[str, set[str]]:
    m = Manifest(manifest_path(settings))
    try:
        return {"chunk": {r[0] for r in m.chunks()}, "sentence": {r[0] for r in m.sentences()}}
    finally:
        m.close()


def server_ids(settings) -> dict[str, set[str]]:
    """The chunk ids the server holds, and the sentence ids of the sentence store (kept in NEWSBOT_HOME)."""
    store = VectorStore(settings)
    return {"chunk": set(store.cols["chunk"].get(include=[])["ids"]), "sentence": set(store.sentences.ids())}


@pytest.fixture(scope="module")
def server_index(chroma_server, tmp_path_factory):
    """The sample corpus (a copy) ingested into the server, in a collection of its own."""
    root = tmp_path_factory.mktemp("server")
    corpus = copy_corpus(root / "corpus")
    settings = Settings.from_env({}, home=root / "home", chroma_url=chroma_server, collection=unique_collection())
    report = ingest([corpus], settings)
    return settings, corpus, report


def test_ingest_into_the_server(server_index) -> None:
    settings, corpus, report = server_index
    assert sorted(report.added) == SAMPLE_IDS and report.chunks_embedded > 0
    # The chunk vectors live in the server, not in an embedded store under NEWSBOT_HOME; the sentence vectors
    # (read by id, never searched) in NEWSBOT_HOME, and the server holds no collection of them.
    assert not (Path(settings.home) / "chroma").exists()
    assert (Path(settings.home) / f"{settings.collection}.sentence_vectors.sqlite").exists()
    names = {c.name for c in VectorStore(settings).client.list_collections()}
    assert f"{settings.collection}_chunks" in names and f"{settings.collection}_sentences" not in names
    assert server_ids(settings) == manifest_ids(settings)
    assert report.vectors_embedded == sum(len(v) for v in manifest_ids(settings).values())


def test_reingest_into_the_server_embeds_nothing(server_index) -> None:
    settings, corpus, _ = server_index
    report = ingest([corpus], settings)
    assert report.chunks_embedded == 0 and sorted(report.unchanged) == SAMPLE_IDS
    assert server_ids(settings) == manifest_ids(settings)


def test_ask_against_the_server_cites_exactly(server_index, assert_answers) -> None:
    settings, corpus, _ = server_index
    answer = assert_answers(settings)
    for c in answer.citations:
        assert Path(c.source).read_text(encoding="utf-8")[c.start:c.end] == c.quote
        assert Path(c.source).parent == corpus


def test_edit_is_updated_in_the_server(chroma_server, settings_factory, tmp_path, assert_answers) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_factory(chroma_url=chroma_server, collection=unique_collection())
    ingest([corpus], settings)
    old = {k: {i for i in v if i.startswith(BASRA_ID)} for k, v in manifest_ids(settings).items()}
    path = corpus / f"{BASRA_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA late report said the curfew was extended.",
                    encoding="utf-8")
    report = ingest([corpus], settings)
    assert report.updated == [BASRA_ID] and len(report.unchanged) == 2
    now = server_ids(settings)
    assert now == manifest_ids(settings)
    assert not (old["chunk"] & now["chunk"]) and not (old["sentence"] & now["sentence"])
    assert_answers(settings)


def test_chroma_url_from_the_environment(server_index, monkeypatch, tmp_path, assert_answers) -> None:
    settings, corpus, _ = server_index
    monkeypatch.setenv("NEWSBOT_CHROMA_URL", settings.chroma_url)
    monkeypatch.setenv("NEWSBOT_HOME", str(settings.home))
    monkeypatch.setenv("NEWSBOT_COLLECTION", settings.collection)
    from_env = Settings.from_env()
    assert from_env.chroma_url == settings.chroma_url and Path(from_env.home) == Path(settings.home)
    assert ingest([corpus], from_env).chunks_embedded == 0
    assert_answers(from_env)
    # A new index through the environment alone.
    monkeypatch.setenv("NEWSBOT_HOME", str(tmp_path / "env-home"))
    monkeypatch.setenv("NEWSBOT_COLLECTION", unique_collection())
    fresh = Settings.from_env()
    report = ingest([corpus], fresh)
    assert sorted(report.added) == SAMPLE_IDS
    assert server_ids(fresh) == manifest_ids(fresh)
    assert not (tmp_path / "env-home" / "chroma").exists()


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # closed again: nothing listens there


def test_unreachable_server_says_how_to_start_it(server_index, settings_factory, corpus_copy) -> None:
    url = dead_url()
    settings = settings_factory(chroma_url=url)
    t0 = time.monotonic()
    with pytest.raises(StoreError) as err:
        ingest([corpus_copy], settings)
    assert time.monotonic() - t0 < 30
    message = str(err.value)
    assert url in message and "chroma run --path" in message and "NEWSBOT_CHROMA_URL" in message
    # Asking through an existing index whose server is down fails the same way (no traceback-only error).
    from bot import ask

    down = server_index[0].with_(chroma_url=url)
    with pytest.raises(StoreError, match="chroma run"):
        ask("What did Sadr ask for in exchange?", settings=down)


def test_cli_ask_json_against_the_server(server_index, probe) -> None:
    if importlib.util.find_spec("bot.cli") is None:
        pytest.skip("bot/cli.py (the `newsbot` command) is not written yet")
    exe = Path(sys.executable).parent / "newsbot"
    if not exe.exists():
        pytest.skip(f"{exe} is not installed: run `make install`")
    settings, corpus, _ = server_index
    question, word = probe
    env = dict(os.environ, NEWSBOT_CHROMA_URL=settings.chroma_url, NEWSBOT_HOME=str(settings.home),
               NEWSBOT_COLLECTION=settings.collection)
    res = subprocess.run([str(exe), "ask", "--json", question], cwd=PROJECT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr[-3000:]
    data = json.loads(res.stdout)
    assert not data["abstained"] and word in data["answer"]
    assert data["citations"]
    for c in data["citations"]:
        assert Path(c["source"]).read_text(encoding="utf-8")[c["start"]:c["end"]] == c["quote"]
