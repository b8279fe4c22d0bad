"""The embedding model's compute limit on this machine: its FLOPs per token, and a measured matmul peak.

FLOPs per token are counted from the ONNX graph itself (read with index/onnx_graph.py: the onnx package is
not a dependency): every 2-D weight matrix W (k x n) that a token is multiplied by costs 2*k*n
FLOPs; the embedding tables are looked up, not multiplied, and are left out. Attention adds, per layer,
QK^T and attention x V: 2 * 2 * T * hidden FLOPs for a token in a text of T tokens. Layer norms, GELU,
softmax and the additions are a few FLOPs per element, under 1% of the total, and are not counted.

The peak is measured, not taken from a data sheet: the best of repeated float32 matrix products (numpy's
BLAS, and onnxruntime's MatMul, the kernel the model's own MatMul nodes run on) and, for comparison, int8
(onnxruntime's MatMulInteger, u8 x s8 -> s32) at the shapes the model multiplies (32 texts of 128 tokens
by its 384 x 1536 FFN weight), with the thread count the embedder uses. The tiny ONNX graphs are written
as protobuf bytes (a few fields of ModelProto), again without the onnx package.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
import numpy as np

from index.onnx_graph import FLOAT, INT8, INT32, UINT8, fields, integer, message, node, read_tensor


@dataclass(frozen=True)
class ModelShape:
    """What the FLOPs count needs from the graph."""

    matmul_flops: int  # per token: 2 * sum of k*n over the weight matrices a token is multiplied by
    layers: int
    hidden: int
    weights: tuple[tuple[int, int], ...]  # the (k, n) of each weight matrix

    def flops_per_token(self, seq_len: int) -> int:
        """FLOPs for one token of a text of seq_len tokens: weight matmuls plus attention (QK^T, then x V)."""
        return self.matmul_flops + self.layers * 2 * 2 * seq_len * self.hidden


@dataclass(frozen=True)
class Peak:
    name: str
    shape: tuple[int, int, int]  # m, k, n
    flops_per_s: float


# -- reading the graph ------------------------------------------------------------------------------------

def read_model_shape(path: Path) -> ModelShape:
    """Weight matrices from the graph's initializers."""
    graph = next(v for f, v in fields(Path(path).read_bytes()) if f == 7)  # ModelProto.graph
    weights = []
    for t in (read_tensor(v) for f, v in fields(graph) if f == 5):  # GraphProto.initializer
        # The int8 weights (".._q", dequantized by a per-column scale) of the dense layers; the embedding
        # tables (word, position, token type) are gathered, never multiplied.
        if len(t.dims) == 2 and "embeddings" not in t.name and min(t.dims) > 1:
            weights.append((t.dims[0], t.dims[1]))
    hidden = min(min(w) for w in weights)
    # Each layer has Q, K, V, output (hidden x hidden) and the two FFN matrices.
    layers = sum(1 for k, n in weights if k == hidden and n > hidden)
    return ModelShape(2 * sum(k * n for k, n in weights), layers, hidden, tuple(weights))


# -- writing a one-node graph -------------------------------------------------------------------------------

def _value_info(name: str, elem: int, shape: tuple[int, ...]) -> bytes:
    dims = b"".join(message(1, integer(1, d)) for d in shape)  # TensorShapeProto.dim { dim_value }
    tensor_type = integer(1, elem) + message(2, dims)  # TypeProto.Tensor { elem_type, shape }
    return message(1, name.encode()) + message(2, message(1, tensor_type))  # ValueInfoProto { name, type }


def one_node_model(op: str, inputs: list[tuple[str, int, tuple[int, ...]]], output: tuple[str, int, tuple]) -> bytes:
    """A ModelProto (opset 17) whose graph is one node: op(inputs) -> output, every input a graph input."""
    one = node(op, [n for n, _, _ in inputs], [output[0]], "peak")
    graph = (message(1, one) + message(2, b"peak") + b"".join(message(11, _value_info(*i)) for i in inputs)
             + message(12, _value_info(*output)))
    opset = message(1, b"") + integer(2, 17)
    return integer(1, 8) + message(8, opset) + message(7, graph)  # ir_version 8, opset_import, graph


# -- measuring ------------------------------------------------------------------------------------------

def _best_rate(run, flops: float, seconds: float) -> float:
    """FLOP/s of the fastest of repeated runs, after a warm-up, for about `seconds`."""
    run()
    best = float("inf")
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t)
    return flops / best


def measure_peaks(threads: int, seconds: float = 1.5, m: int = 4096, k: int = 384, n: int = 1536) -> list[Peak]:
    """Matmul peaks: numpy float32 (square 2048), onnxruntime float32 MatMul and int8 MatMulInteger (m x k x n)."""
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    peaks = []
    a, b = rng.standard_normal((2048, 2048), dtype=np.float32), rng.standard_normal((2048, 2048), dtype=np.float32)
    peaks.append(Peak("numpy float32 matmul", (2048, 2048, 2048), _best_rate(lambda: a @ b, 2 * 2048**3, seconds)))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.log_severity_level = 3
    cases = {
        "onnxruntime float32 MatMul": ("MatMul", FLOAT, FLOAT, FLOAT,
                                       rng.standard_normal((m, k), dtype=np.float32),
                                       rng.standard_normal((k, n), dtype=np.float32)),
        "onnxruntime int8 MatMulInteger": ("MatMulInteger", UINT8, INT8, INT32,
                                           rng.integers(0, 255, (m, k), dtype=np.uint8),
                                           rng.integers(-127, 127, (k, n), dtype=np.int8)),
    }
    for name, (op, ta, tb, ty, xa, xb) in cases.items():
        graph = one_node_model(op, [("A", ta, (m, k)), ("B", tb, (k, n))], ("Y", ty, (m, n)))
        sess = ort.InferenceSession(graph, sess_options=opts, providers=["CPUExecutionProvider"])
        feed = {"A": xa, "B": xb}
        peaks.append(Peak(name, (m, k, n), _best_rate(lambda: sess.run(None, feed), 2 * m * k * n, seconds)))
    return peaks
