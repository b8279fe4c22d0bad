"""One BM25 segment: the term frequencies of a fixed set of chunks, written once and never changed.

A segment holds, for its chunks (its "docs", numbered 0..n-1 in the segment):
- ``ids``, ``starts``, ``ends``: which manifest chunk each doc is (the chunk id and its span in the article);
- ``doc_len``: the number of terms of each doc (BM25's document length);
- its own sorted vocabulary (``terms``) and, term-major, the postings: ``indptr`` (CSR row pointers, one row
  per term), ``docs`` (doc numbers, ascending within a term) and ``tfs`` (term frequencies);
- doc-major, the term numbers of each doc (``fwd_ptr``, ``fwd_terms``): what a deleted doc took from the
  document frequencies, found without scanning the postings.

On disk a segment is an uncompressed .npz (plain arrays and one JSON array) written to a temporary name and
renamed. It is read with numpy's .npy header parser and memory-mapped: nothing is unpickled (an object array
is refused), and a reader only touches the postings of the terms it is asked for. A file that does not
parse, whose small arrays fail their zip checksum or whose arrays do not fit together raises BadSegment: the
caller rebuilds its chunks from the manifest. The postings themselves are not checksummed at load (that
would read the whole archive's index at every start); a damaged posting can spoil a ranking, never raise
or read outside the segment (Segment.postings drops out-of-range docs).
"""

from __future__ import annotations

import json
import mmap
import os
import re
import struct
import zipfile
import zlib
from array import array
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from index.terms import TERMS_VERSION, terms

FILE_FORMAT = 2  # bump when the saved layout changes: a file in another layout is rebuilt (1: one bm25s model)
NAME = re.compile(r"^seg-[0-9]+-[0-9a-f]+\.npz$")  # segment file names (nothing else in the folder is read)
_BLOCK = 20_000  # docs tokenised per block: bounded memory when a whole archive is indexed at once
_ARRAYS = ("starts", "ends", "doc_len", "indptr", "docs", "tfs", "fwd_ptr", "fwd_terms")
_CHECKED = {"meta", "starts", "ends", "doc_len", "indptr", "fwd_ptr"}  # members whose checksum is verified


class BadSegment(ValueError):
    """A segment file that is missing, unreadable or inconsistent: never trusted, its chunks are rebuilt."""


@dataclass(eq=False)
class Segment:
    name: str  # file name in the segment folder ("" while only in memory)
    ids: list[str]
    starts: np.ndarray  # int64, per doc
    ends: np.ndarray  # int64, per doc
    doc_len: np.ndarray  # int32, per doc
    terms: list[str]  # sorted vocabulary
    indptr: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # int32, per posting
    tfs: np.ndarray  # uint16 or uint32, per posting
    fwd_ptr: np.ndarray  # int64, n_docs + 1
    fwd_terms: np.ndarray  # int32, per posting (doc-major)
    vocab: dict[str, int] = field(default_factory=dict)  # term -> row, built from terms

    def __post_init__(self) -> None:
        if not self.vocab:
            self.vocab = {t: i for i, t in enumerate(self.terms)}

    @property
    def n_docs(self) -> int:
        return len(self.ids)

    def df(self) -> np.ndarray:
        """Docs holding each term (the length of its postings row)."""
        return np.diff(self.indptr)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(docs, tfs) of the term in this segment; empty when absent. Out-of-range docs (a damaged file)
        are dropped: a spoilt ranking at worst, never an error or a read outside the segment."""
        row = self.vocab.get(term)
        if row is None:
            return _EMPTY_DOCS, _EMPTY_TFS
        a, b = int(self.indptr[row]), int(self.indptr[row + 1])
        docs, tfs = self.docs[a:b], self.tfs[a:b]
        if len(docs) and (docs.min() < 0 or docs.max() >= self.n_docs):
            keep = (docs >= 0) & (docs < self.n_docs)
            docs, tfs = docs[keep], tfs[keep]
        return docs, tfs

    def term_rows_of(self, doc_numbers: np.ndarray) -> np.ndarray:
        """The term rows of these docs, concatenated (one entry per distinct term of each doc)."""
        if len(doc_numbers) == 0:
            return np.zeros(0, dtype=np.int64)
        lo, hi = self.fwd_ptr[doc_numbers], self.fwd_ptr[doc_numbers + 1]
        lengths = hi - lo
        # Positions lo..hi-1 of every doc at once: a running index shifted at each doc's start.
        pos = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(lo - np.cumsum(lengths) + lengths, lengths)
        rows = np.asarray(self.fwd_terms[pos], dtype=np.int64)
        return rows[(rows >= 0) & (rows < len(self.terms))]


_EMPTY_DOCS = np.zeros(0, dtype=np.int32)
_EMPTY_TFS = np.zeros(0, dtype=np.uint16)


# -- building ---------------------------------------------------------------------------------------------------

def build_segment(ids: Sequence[str], spans: Sequence[tuple[int, int]], texts: Iterable[str]) -> Segment:
    """A new in-memory segment of these chunks (tokenised with index.terms, as the queries are). ``texts``
    may be a generator: they are read a block at a time."""
    vocab: dict[str, int] = {}
    doc_parts, term_parts, tf_parts = [], [], []
    lens = np.zeros(len(ids), dtype=np.int32)
    texts = iter(texts)
    for b0 in range(0, len(ids), _BLOCK):
        tokens, counts = array("i"), []
        for text in islice(texts, _BLOCK):
            ts = terms(text) or ["_"]  # a doc without terms still counts, as one "_" (as bm25s indexed it)
            counts.append(len(ts))
            tokens.extend([vocab.setdefault(t, len(vocab)) for t in ts])
        lens[b0:b0 + len(counts)] = counts
        # (doc, term) pairs with their counts, by one sort of doc * V + term over the block.
        v = len(vocab)
        doc = np.repeat(np.arange(b0, b0 + len(counts), dtype=np.int64), counts)
        keys, tf = np.unique(doc * v + np.frombuffer(tokens, dtype=np.int32), return_counts=True)
        doc_parts.append((keys // v).astype(np.int32))
        term_parts.append(keys % v)
        tf_parts.append(tf)
    # Terms were numbered as first seen: renumber them in the order of the sorted vocabulary.
    names = sorted(vocab)
    rank = np.zeros(len(vocab), dtype=np.int32)
    rank[np.array([vocab[t] for t in names], dtype=np.int64)] = np.arange(len(names), dtype=np.int32)
    doc = np.concatenate(doc_parts) if doc_parts else np.zeros(0, np.int32)
    term = rank[np.concatenate(term_parts)] if term_parts else np.zeros(0, np.int32)
    tf = np.concatenate(tf_parts) if tf_parts else np.zeros(0, np.int64)
    return assemble("", list(ids), np.array([s for s, _ in spans], dtype=np.int64),
                    np.array([e for _, e in spans], dtype=np.int64), lens, names, doc, term, tf)


def assemble(name: str, ids: list[str], starts: np.ndarray, ends: np.ndarray, doc_len: np.ndarray,
             names: list[str], doc: np.ndarray, term: np.ndarray, tf: np.ndarray) -> Segment:
    """A segment from its (doc, term, tf) triples, given sorted by doc (as tokenising and merging make them)."""
    n_docs, n_terms = len(ids), len(names)
    term = term.astype(np.int32, copy=False)
    # Term-major: a stable sort by term keeps each term's docs ascending.
    order = np.argsort(term, kind="stable")
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(term, minlength=n_terms), out=indptr[1:])
    fwd_ptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc, minlength=n_docs), out=fwd_ptr[1:])
    tf_type = np.uint16 if len(tf) == 0 or int(tf.max()) < 2 ** 16 else np.uint32
    return Segment(name, ids, starts, ends, np.asarray(doc_len, dtype=np.int32), names, indptr,
                   doc[order].astype(np.int32), tf[order].astype(tf_type), fwd_ptr, term)


# -- files ------------------------------------------------------------------------------------------------------

def write_segment(segment: Segment, folder: Path, name: str) -> Segment:
    """Write the segment as folder/name (temporary file, fsync, rename); return it under its new name."""
    meta = {"format": FILE_FORMAT, "version": TERMS_VERSION, "ids": segment.ids, "terms": segment.terms}
    arrays = {"meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)}
    arrays.update({k: np.ascontiguousarray(getattr(segment, k)) for k in _ARRAYS})
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{name}.tmp{os.getpid()}"
    with open(tmp, "wb") as fh:  # a file object: np.savez would append ".npz" to a name
        np.savez(fh, **arrays)  # uncompressed (ZIP_STORED): every array can be memory-mapped in place
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / name)
    segment.name = name
    return segment


def read_segment(path: Path) -> Segment:
    """The segment saved at path, its arrays memory-mapped; BadSegment when it is not one we wrote."""
    try:
        arrays = _map_npz(path)
        meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
        if meta.get("format") != FILE_FORMAT or meta.get("version") != TERMS_VERSION:
            raise BadSegment(f"{path.name}: another format")
        segment = Segment(path.name, [str(i) for i in meta["ids"]], terms=[str(t) for t in meta["terms"]],
                          **{k: arrays[k] for k in _ARRAYS})
    except BadSegment:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile, UnicodeDecodeError,
            struct.error) as exc:
        raise BadSegment(f"{path.name}: {exc}") from exc
    check_segment(segment)
    return segment


def check_segment(s: Segment) -> None:
    """Raise BadSegment unless the arrays fit together (cheap checks: nothing proportional to the postings)."""
    n, v, nnz = s.n_docs, len(s.terms), len(s.docs)
    kinds = {"starts": "i", "ends": "i", "doc_len": "i", "indptr": "i", "docs": "i", "tfs": "u", "fwd_ptr": "i",
             "fwd_terms": "i"}
    if any(getattr(s, k).ndim != 1 or getattr(s, k).dtype.kind != kind for k, kind in kinds.items()):
        raise BadSegment(f"{s.name}: unexpected array types")
    if (len(s.starts) != n or len(s.ends) != n or len(s.doc_len) != n or len(s.indptr) != v + 1
            or len(s.tfs) != nnz or len(s.fwd_ptr) != n + 1 or len(s.fwd_terms) != nnz or len(s.vocab) != v):
        raise BadSegment(f"{s.name}: array lengths disagree")
    for ptr in (s.indptr, s.fwd_ptr):
        if ptr[0] != 0 or ptr[-1] != nnz or np.any(np.diff(ptr) < 0):
            raise BadSegment(f"{s.name}: bad row pointers")
    if n and int(s.doc_len.min()) < 1:
        raise BadSegment(f"{s.name}: empty document length")


def _map_npz(path: Path) -> dict[str, np.ndarray]:
    """Every array of an uncompressed .npz, memory-mapped (a compressed or object array is refused)."""
    out = {}
    with open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # one mapping, shared by the arrays
        for info in zf.infolist():
            if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                raise BadSegment(f"{path.name}: {info.filename} is not a stored .npy")
            # The member's bytes start after its local header (30 bytes + name + extra field).
            fh.seek(info.header_offset)
            local = fh.read(30)
            if local[:4] != b"PK\x03\x04":
                raise BadSegment(f"{path.name}: bad local header")
            start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(
                local[28:30], "little")
            fh.seek(start)
            version = np.lib.format.read_magic(fh)
            header = np.lib.format.read_array_header_2_0 if version >= (2, 0) else np.lib.format.read_array_header_1_0
            shape, fortran, dtype = header(fh)  # a literal dict, parsed without eval
            if dtype.hasobject or fortran or len(shape) != 1:
                raise BadSegment(f"{path.name}: {info.filename} is not a plain 1-d array")
            offset, nbytes = fh.tell(), int(np.prod(shape)) * dtype.itemsize
            if offset - start + nbytes != info.file_size or offset + nbytes > len(mm):
                raise BadSegment(f"{path.name}: {info.filename} overruns its member")
            # The small arrays (per doc, per term) are checked against the zip's CRC: a flipped byte there
            # would misplace every doc. The postings are not (that would read the whole file at start).
            if info.filename[:-4] in _CHECKED and zlib.crc32(mm[start:start + info.file_size]) != info.CRC:
                raise BadSegment(f"{path.name}: {info.filename} fails its checksum")
            out[info.filename[:-4]] = np.frombuffer(mm, dtype=dtype, count=shape[0], offset=offset)
    return out
