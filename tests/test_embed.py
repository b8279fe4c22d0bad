"""The packaged MiniLM int8 embedder (index/embed.py): vectors, determinism, no torch, no downloads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.embed import MiniLMEmbedding, embed_query, embed_texts, make_embedding
from index.errors import UsageError

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model() -> MiniLMEmbedding:
    m = make_embedding()
    assert isinstance(m, MiniLMEmbedding)
    return m


def cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_vectors_are_unit_norm_384_floats(model) -> None:
    texts = ["Sadr ordered his militia off the streets.", "", "x", "Basra " * 400]  # empty and over-long too
    v = embed_texts(model, texts)
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.all(np.isfinite(v))
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert embed_texts(model, []).shape == (0, 384)


def test_embedding_is_deterministic_and_independent_of_batching(model) -> None:
    texts = [f"Sentence number {i} about the ceasefire in Basra and Najaf." * (1 + i % 3) for i in range(40)]
    a = embed_texts(model, texts)
    b = embed_texts(model, texts)
    assert np.array_equal(a, b)
    # The same text embedded alone (no padding) or in a padded batch gives the same vector.
    alone = np.stack([embed_texts(model, [t])[0] for t in texts[:5]])
    np.testing.assert_allclose(alone, a[:5], atol=2e-4)
    # A fresh model (a new ONNX session) gives the same vectors.
    np.testing.assert_allclose(embed_texts(make_embedding(), texts[:3]), a[:3], atol=1e-6)


def test_bucketed_batches_return_vectors_in_input_order_as_one_by_one(model) -> None:
    # Lengths in no order (long, short, empty, over 256 pieces): batches are cut from the length-sorted run,
    # and every vector must come back at its own text's position, equal to that text embedded alone.
    texts = [("Najaf clashes continued as the ceasefire held in Basra. " * (1 + (i * 7) % 5))[: 20 + (i * 37) % 300]
             for i in range(37)] + ["", "Basra " * 400]
    batched = model.encode(texts)
    alone = np.stack([model.encode([t])[0] for t in texts])
    assert np.max(np.abs(batched - alone)) < 1e-5
    # int8 (index/int8.py): one text per run, or a text's activation scale would be its batch-mates'.
    assert model.embed_batch_size == 1


def test_session_sleeps_instead_of_spinning(model) -> None:
    from index.ort_session import SPINNING_KEY, physical_cores

    model.encode(["load the session"])
    opts = model._session.get_session_options()
    assert opts.get_session_config_entry(SPINNING_KEY) == "0"
    assert opts.intra_op_num_threads == physical_cores() and opts.inter_op_num_threads == 1


def test_query_embedding_matches_text_embedding(model) -> None:
    q = "What did Sadr demand in exchange?"
    np.testing.assert_allclose(embed_query(model, q), embed_texts(model, [q])[0], atol=1e-6)
    np.testing.assert_allclose(np.asarray(model.get_query_embedding(q)), embed_query(model, q), atol=1e-6)


def test_paraphrase_is_closer_than_unrelated_text(model) -> None:
    a, para, other = embed_texts(model, [
        "In exchange, he asked the government to release Mahdi Army prisoners and declare an amnesty.",
        "The cleric wanted the authorities to free jailed members of his militia and grant them an amnesty.",
        "Forecasters expect calmer weather by the weekend, although rivers may keep rising.",
    ])
    assert cos(a, para) > 0.4
    assert cos(a, para) > cos(a, other) + 0.3


def test_unknown_embedding_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="NEWSBOT_EMBED_MODEL"):
        make_embedding("no-such-model")
    with pytest.raises(UsageError, match="cannot load"):
        make_embedding("no_such_module_xyz:factory")


def run_python(code: str, env_extra: dict | None = None, unset: tuple = (), timeout: float = 120
               ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_embedder_never_imports_torch() -> None:
    code = """
import json, sys
tried = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('torch', 'transformers', 'sentence_transformers'):
            tried.append(name)
        return None
sys.meta_path.insert(0, Watch())
from index.embed import make_embedding, embed_texts, embed_query
m = make_embedding()
v = embed_texts(m, ['Sadr ordered his militia off the streets.'])
q = embed_query(m, 'who ordered the militia off the streets?')
print(json.dumps({'tried': tried, 'loaded': sorted(k for k in sys.modules
      if k.split('.')[0] in ('torch', 'transformers', 'sentence_transformers')), 'dim': len(q)}))
"""
    res = run_python(code)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out == {"tried": [], "loaded": [], "dim": 384}


CACHE_DIRS = ("chroma", "huggingface", "torch", "sentence_transformers")


def _cache_listing(home: Path) -> set[str]:
    found = set()
    for name in CACHE_DIRS:
        root = home / ".cache" / name
        if root.exists():
            found.update(str(p) for p in root.rglob("*"))
            found.add(str(root))
    return found


def test_ingest_and_ask_never_touch_chroma_or_hf_caches(tmp_path: Path) -> None:
    # Chroma's default embedding function would download its own MiniLM to ~/.cache/chroma; HF to
    # ~/.cache/huggingface. Run a real ingest + ask with HOME pointing at an empty folder, then list it.
    fake_home = tmp_path / "user"
    fake_home.mkdir()
    real_before = _cache_listing(Path.home())
    code = f"""
from index.settings import Settings
from index.ingest import ingest
from bot import ask
s = Settings.from_env({{}}, home={str(tmp_path / 'nbhome')!r})
r = ingest([{str(PROJECT / 'corpus')!r}], s)
assert r.chunks_embedded > 0
a = ask('What did Sadr ask for in exchange?', settings=s)
print('OK', len(a.citations))
"""
    res = run_python(code, {"HOME": str(fake_home), "HF_HUB_OFFLINE": "1"}, timeout=180,
                     unset=("XDG_CACHE_HOME", "HF_HOME", "TRANSFORMERS_CACHE", "SENTENCE_TRANSFORMERS_HOME"))
    assert res.returncode == 0, res.stderr[-3000:]
    assert "OK" in res.stdout
    made = sorted(str(p.relative_to(fake_home)) for p in fake_home.rglob("*"))
    offending = [p for p in made if any(part in p.split(os.sep) for part in CACHE_DIRS)]
    assert offending == [], offending
    assert _cache_listing(Path.home()) == real_before


def test_chromas_default_embedding_function_is_never_called(settings_factory, corpus_copy, monkeypatch) -> None:
    from chromadb.utils.embedding_functions import onnx_mini_lm_l6_v2 as onnx_ef

    calls = []

    def refuse(self, *args, **kwargs):
        calls.append(type(self).__name__)
        raise AssertionError("Chroma's default embedding function was used")

    monkeypatch.setattr(onnx_ef.ONNXMiniLM_L6_V2, "__call__", refuse)
    monkeypatch.setattr(onnx_ef.ONNXMiniLM_L6_V2, "_download_model_if_not_exists", refuse)

    from bot import ask
    from index.ingest import ingest

    settings = settings_factory()
    report = ingest([corpus_copy], settings)
    assert len(report.added) == 3
    answer = ask("What did Sadr ask for in exchange?", settings=settings)
    assert answer.citations and calls == []


def test_the_default_install_has_no_torch() -> None:
    import importlib.util

    # `make install` installs the default dependencies plus dev tools: torch must not be among them.
    assert importlib.util.find_spec("torch") is None
    assert importlib.util.find_spec("sentence_transformers") is None


def test_any_llama_index_embedding_can_replace_minilm(settings_factory) -> None:
    from bot import IndexMismatchError, ask
    from index.embed import make_embedding
    from index.errors import UsageError
    from index.ingest import ingest

    settings = settings_factory(embed_model="fake_embedding:make")
    assert type(make_embedding(settings.embed_model)).__name__ == "MockEmbedding"
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    report = ingest([corpus], settings)
    assert len(report.added) == 3
    a = ask("What did Sadr demand in exchange?", settings=settings)
    for c in a.citations + a.related:  # whatever it answers, every quote is exact
        assert (corpus / f"{c.article_id}.txt").read_text(encoding="utf-8")[c.start:c.end] == c.quote
    # The index remembers its model: the default MiniLM cannot silently read 16-d vectors.
    with pytest.raises(IndexMismatchError, match="fake_embedding:make"):
        ingest([corpus], settings.with_(embed_model="minilm-int8"))
    with pytest.raises(UsageError, match="not-a-model"):
        make_embedding("not-a-model")


@pytest.mark.parametrize("model", ["fake_embedding:make384", "fake_embedding:make"])  # same size, another size
def test_ask_refuses_an_index_built_with_another_model(sample_home, model) -> None:
    from bot import IndexMismatchError, ask

    with pytest.raises(IndexMismatchError, match="minilm-int8") as err:
        ask("What did Sadr demand in exchange?", settings=sample_home.with_(embed_model=model))
    assert f"NEWSBOT_EMBED_MODEL={sample_home.embed_model}" in str(err.value)  # it says what to do


def test_cli_ask_with_another_model_is_one_clear_line(sample_home) -> None:
    from test_cli import run_newsbot

    proc = run_newsbot(sample_home.home, "ask", "What did Sadr demand in exchange?",
                       NEWSBOT_EMBED_MODEL="fake_embedding:make",
                       PYTHONPATH=os.pathsep.join([str(PROJECT), str(PROJECT / "tests")]))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "minilm-int8" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
