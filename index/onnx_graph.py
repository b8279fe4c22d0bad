"""Just enough of ONNX's protobuf format to read a model's graph and write a changed one, without the onnx package.

A protobuf message is a run of (field number, wire type, value) records; a repeated field is the same field
number again. Reading keeps each value's bytes, so a message can be written back field by field with only
the changed parts re-encoded (index/int8.py). Field numbers are those of onnx.proto: ModelProto.graph = 7,
GraphProto.node = 1 / initializer = 5, NodeProto.input = 1 / output = 2 / name = 3 / op_type = 4 /
attribute = 5, TensorProto.dims = 1 / data_type = 2 / name = 8 / raw_data = 9.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

FLOAT, UINT8, INT8, INT32 = 1, 2, 3, 6  # TensorProto.DataType


@dataclass(frozen=True)
class Node:
    op: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


@dataclass(frozen=True)
class Tensor:
    name: str
    dtype: int
    dims: tuple[int, ...]
    raw: bytes | memoryview  # raw_data (empty when the values are stored in a typed field instead)


def _read_varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return value, i


def fields(buf: bytes | memoryview) -> Iterator[tuple[int, int | memoryview]]:
    """(field number, value) of one message: an int for a varint, a view of the bytes for anything else
    (views, not copies: the weights are megabytes)."""
    buf = memoryview(buf)
    i = 0
    while i < len(buf):
        key, i = _read_varint(buf, i)
        kind = key & 7
        if kind == 0:
            value, i = _read_varint(buf, i)
            yield key >> 3, value
        elif kind == 2:
            size, i = _read_varint(buf, i)
            yield key >> 3, buf[i : i + size]
            i += size
        elif kind in (1, 5):  # fixed 64 / 32 bits: kept as bytes, written back as they were
            width = 8 if kind == 1 else 4
            yield key >> 3, (kind, bytes(buf[i : i + width]))  # type: ignore[misc]
            i += width
        else:
            raise ValueError(f"unsupported protobuf wire type {kind}")


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        out.append(b | (0x80 if value else 0))
        if not value:
            return bytes(out)


def message(field: int, body: bytes | memoryview) -> bytes:
    """A length-delimited field: a sub-message, a string or bytes."""
    return b"".join((varint(field << 3 | 2), varint(len(body)), body))


def integer(field: int, value: int) -> bytes:
    return varint(field << 3) + varint(value)


def encode(field: int, value) -> bytes:
    """Write back a value as fields() read it."""
    if isinstance(value, int):
        return integer(field, value)
    if isinstance(value, tuple):  # fixed-width (kind, bytes)
        return varint(field << 3 | value[0]) + value[1]
    return message(field, value)


def read_node(buf: bytes) -> Node:
    got: dict[int, list] = {}
    for f, v in fields(buf):
        got.setdefault(f, []).append(v)
    text = lambda f: tuple(bytes(v).decode() for v in got.get(f, []))  # noqa: E731
    return Node(text(4)[0], text(1), text(2))


def read_tensor(buf: bytes) -> Tensor:
    got: dict[int, list] = {}
    for f, v in fields(buf):
        got.setdefault(f, []).append(v)
    return Tensor(bytes(got.get(8, [b""])[0]).decode(), got.get(2, [0])[0], tuple(got.get(1, [])),
                  got.get(9, [b""])[0])


def node(op: str, inputs: list[str], outputs: list[str], name: str, attributes: bytes = b"") -> bytes:
    """A NodeProto's bytes."""
    return (b"".join(message(1, i.encode()) for i in inputs) + b"".join(message(2, o.encode()) for o in outputs)
            + message(3, name.encode()) + message(4, op.encode()) + attributes)


def int_attribute(name: str, value: int) -> bytes:
    """NodeProto.attribute (field 5): AttributeProto {name = 1, i = 3, type = 20 (INT = 2)}."""
    return message(5, message(1, name.encode()) + integer(3, value) + integer(20, 2))


def tensor(name: str, dtype: int, dims: tuple[int, ...], raw: bytes) -> bytes:
    """A TensorProto's bytes, its values as raw_data."""
    return b"".join(integer(1, d) for d in dims) + integer(2, dtype) + message(8, name.encode()) + message(9, raw)
