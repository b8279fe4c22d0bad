"""Run the packaged MiniLM's matrix products in int8 instead of float32.

The packaged model stores each weight matrix as int8 with a float scale per output column, and its graph
turns them back into float32 (Cast, Mul) before a float32 MatMul: onnxruntime folds that at load, so the
model computes in float32 (measured: about 5x below this machine's int8 matmul peak, eval/embed_bench.py).
This rewrite keeps the int8 weights as they are and quantizes the activations per batch instead
(DynamicQuantizeLinear: uint8, one scale and zero point per tensor), the standard dynamic quantization:

    y = MatMul(x, Wq * w_scale)   becomes   y = MatMulInteger(xq, Wq, x_zero) * (x_scale * w_scale)

onnxruntime fuses the new nodes into its int8 kernels. Vectors move by a cosine of about 0.995 (measured
in tests/test_int8.py); answer quality is measured with `python -m eval` (see the commit that made this).

Where the CPU has no VNNI (x86 without avx512_vnni / avx_vnni), onnxruntime's u8 x s8 kernel can saturate
16-bit sums; there the weights are shifted to uint8 (Wq + 128, zero point 128), which its u8 x u8 kernel
computes exactly: both give the very same integers, so vectors do not depend on the machine's kernel.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.onnx_graph import (FLOAT, UINT8, encode, fields, int_attribute, message, node, read_node, read_tensor,
                              tensor)

VERSION = "int8-1"  # part of the embedding format: bump when this rewrite changes what vectors come out


def has_vnni(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True where onnxruntime's u8 x s8 kernel adds without saturating: x86 with VNNI."""
    try:
        flags = cpuinfo.read_text(errors="replace").split()
    except OSError:
        return False
    return "avx512_vnni" in flags or "avx_vnni" in flags


def _dequantized_weights(graph_fields: list[tuple[int, object]]) -> dict[str, tuple[str, str]]:
    """Float weight name -> (its int8 initializer, its scale): the outputs of Mul(Cast(W_q), scale)."""
    casts: dict[str, str] = {}
    found: dict[str, tuple[str, str]] = {}
    for f, v in graph_fields:
        if f != 1:
            continue
        n = read_node(v)
        if n.op == "Cast" and n.inputs[0].endswith("_q"):
            casts[n.outputs[0]] = n.inputs[0]
        elif n.op == "Mul" and n.inputs[0] in casts:
            found[n.outputs[0]] = (casts[n.inputs[0]], n.inputs[1])
    return found


def int8_model(model: bytes, signed_weights: bool) -> tuple[bytes, int]:
    """The model with every MatMul by a dequantized weight done in int8; and how many were rewritten."""
    top = list(fields(model))
    graph = list(fields(next(v for f, v in top if f == 7)))
    weights = _dequantized_weights(graph)
    tensors = {t.name: t for t in (read_tensor(v) for f, v in graph if f == 5)}
    body = bytearray()
    added = bytearray()  # uint8 copies of the weights and their zero points (unsigned kernels)
    quantized: set[str] = set()
    rewritten = 0
    for f, v in graph:
        n = read_node(v) if f == 1 else None
        if n is None or n.op != "MatMul" or n.inputs[1] not in weights:
            body += encode(f, v)
            continue
        rewritten += 1
        x, (wq, w_scale), k = n.inputs[0], weights[n.inputs[1]], f"i8_{rewritten}"
        if x not in quantized:  # Q, K and V read the same input: quantize it once
            body += message(1, node("DynamicQuantizeLinear", [x], [f"{x}_u8", f"{x}_scale", f"{x}_zero"],
                                    f"{x}_quantize"))
            quantized.add(x)
        w_inputs = [wq]
        if not signed_weights:
            w = tensors[wq]
            shifted = (np.frombuffer(w.raw, dtype=np.int8).astype(np.int16) + 128).astype(np.uint8)
            added += message(5, tensor(f"{wq}_u8", UINT8, w.dims, shifted.tobytes()))
            added += message(5, tensor(f"{wq}_zero", UINT8, (w.dims[-1],), bytes([128]) * w.dims[-1]))
            w_inputs = [f"{wq}_u8"]
        b_zero = [f"{wq}_zero"] if not signed_weights else []
        body += message(1, node("MatMulInteger", [f"{x}_u8", *w_inputs, f"{x}_zero", *b_zero], [f"{k}_int"], k))
        body += message(1, node("Cast", [f"{k}_int"], [f"{k}_float"], f"{k}_cast", int_attribute("to", FLOAT)))
        body += message(1, node("Mul", [f"{x}_scale", w_scale], [f"{k}_scale"], f"{k}_scales"))
        body += message(1, node("Mul", [f"{k}_float", f"{k}_scale"], list(n.outputs), f"{k}_rescale"))
    body += added
    return b"".join(message(7, bytes(body)) if f == 7 else encode(f, v) for f, v in top), rewritten
