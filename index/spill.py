"""The articles an ingest is to write, kept in a temporary file instead of memory.

An ingest decides what to write before it writes anything (index/plan.py), so it used to hold every new
article's text at once: about 900 MB of Python objects for a 100,000-article archive, held while the vector
index grows beside it (and, freed piece by piece, mostly not given back to the system). Here each article is
written (as JSON) to an unlinked temporary file in the index's home as it is planned, and read back one at a time
when it is written: memory holds one offset per article.

The file is unlinked at creation (tempfile.TemporaryFile), so a killed ingest leaves nothing behind; the
manifest, not this file, is what a next run resumes from.
"""

from __future__ import annotations

import json
import tempfile
from array import array
from dataclasses import astuple
from pathlib import Path

from index.types import Article


class Spill:
    """A sequence of Articles on disk: ``append``, ``len``, ``spill[i]``, and ``keep`` some of them."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix="newsbot-ingest-")
        self._size = 0  # bytes written
        self._starts, self._ends = array("q"), array("q")  # article i is bytes _starts[i]:_ends[i] of the file

    def append(self, article: Article) -> None:
        # A file name the system gave as lone surrogates ("surrogateescape") is kept as it is: surrogatepass.
        data = json.dumps(astuple(article), ensure_ascii=False).encode("utf-8", "surrogatepass")
        self._file.seek(self._size)
        self._file.write(data)
        self._starts.append(self._size)
        self._size += len(data)
        self._ends.append(self._size)

    def keep(self, positions: list[int]) -> None:
        """From now on, only the articles at these positions, in this order (the others stay unread in the file)."""
        self._starts = array("q", (self._starts[i] for i in positions))
        self._ends = array("q", (self._ends[i] for i in positions))

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: int) -> Article:
        if not 0 <= i < len(self):
            raise IndexError(i)
        self._file.seek(self._starts[i])
        data = self._file.read(self._ends[i] - self._starts[i])
        return Article(*json.loads(data.decode("utf-8", "surrogatepass")))

    def close(self) -> None:
        self._file.close()
