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
    """An append-only sequence of Articles on disk: ``append``, ``len``, ``spill[i]``."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix="newsbot-ingest-")
        self._ends = array("q", [0])  # article i is bytes _ends[i]:_ends[i + 1] of the file

    def append(self, article: Article) -> None:
        # A file name the system gave as lone surrogates ("surrogateescape") is kept as it is: surrogatepass.
        data = json.dumps(astuple(article), ensure_ascii=False).encode("utf-8", "surrogatepass")
        self._file.seek(self._ends[-1])
        self._file.write(data)
        self._ends.append(self._ends[-1] + len(data))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def __getitem__(self, i: int) -> Article:
        if not 0 <= i < len(self):
            raise IndexError(i)
        self._file.seek(self._ends[i])
        data = self._file.read(self._ends[i + 1] - self._ends[i])
        return Article(*json.loads(data.decode("utf-8", "surrogatepass")))

    def close(self) -> None:
        self._file.close()
