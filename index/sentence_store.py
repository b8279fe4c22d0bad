"""Sentence vectors, read by id: a SQLite file under NEWSBOT_HOME, ``<collection>.sentence_vectors.sqlite``.

The answerer reads the vectors of a few dozen sentences per question by id and never searches them. In Chroma
they cost a whole HNSW index loaded at the collection's first read (1.18 s and +563 MB at 10,000 articles in a
fresh process, linear in the archive). Here a question reads only its rows: one table (id TEXT PRIMARY KEY,
vec BLOB), each vector as little-endian float16 bytes (float32 gave the very same answers: README, Numbers).

The file stays in NEWSBOT_HOME even when the chunks are on a Chroma server (NEWSBOT_CHROMA_URL). Writes follow
the manifest's protocol (index/ingest.py): vectors are written before the manifest row that makes them live and
deleted after it, each batch one transaction. WAL mode: a reader (the chat) reads a consistent snapshot while an
ingest in another process writes, and is never made to wait for it. A reader in a home it may not write opens
the file read-only (index/manifest.py: open_readonly()).

The same file holds the chunk store's graveyard (index/chunk_delta.py): table ``dead_chunks`` (id), the chunk
ids deleted from the index by a small change whose vectors still sit in the big Chroma collection, until an
ingest folds them out. It follows the same write protocol, so it is here rather than in a file of its own.
So does table ``chunk_parts`` (id, part): which part of a partitioned chunk index holds each chunk vector
(index/partition.py), written once the vector is in it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import Sequence

import numpy as np

from index.errors import StoreError
from index.manifest import open_readonly

DTYPE = "<f2"  # how new files store a vector; a file says its own in its meta table
BATCH = 500  # ids per statement: SQLite caps the parameters of one (999 before 3.32)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors(id TEXT PRIMARY KEY, vec BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dead_chunks(id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS chunk_parts(id TEXT PRIMARY KEY, part INTEGER NOT NULL) WITHOUT ROWID;
"""


def sentence_vectors_path(home: Path, collection: str) -> Path:
    return Path(home) / f"{collection}.sentence_vectors.sqlite"


class SentenceStore:
    """id -> vector, for one index. One connection for every thread of the process, one statement at a time on
    it (a lookup takes well under a millisecond); opened at first use, so a missing file is noticed then."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path, self.readonly = Path(path), readonly
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._inode: int | None = None  # of the file the connection reads (see reopened())
        self._dtype = DTYPE
        self._ready = False  # WAL mode and schema set (the first write does it)
        self._close = lambda: None

    # -- the connection --------------------------------------------------------------------------------------
    def _connect(self, write: bool) -> sqlite3.Connection | None:
        """The connection (the caller holds the lock); None when a reader finds no file (nothing stored yet,
        or it was lost: every id is then missing, which `newsbot status` reports and ingest repairs)."""
        if self._db is None:
            if not self.path.exists():
                if not write:
                    return None
                # A -wal or -shm left by a deleted file would be read as this new file's log: remove them.
                for suffix in ("-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            if self.readonly:
                if write:
                    raise StoreError(f"{self.path} was opened read-only: run `newsbot ingest` to write vectors")
                self._db = open_readonly(self.path)  # it probes the meta table, which every such file has
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(self.path), timeout=60, isolation_level=None,
                                           check_same_thread=False)
            self._close = weakref.finalize(self, self._db.close)
            # SQLite does not say which file it opened: read by path just after, it is that one unless it was
            # replaced in between (then reopened() opens the new one needlessly once).
            self._inode = self.path.stat().st_ino if self.path.exists() else None
            self._read_dtype()
        if write and not self._ready:
            self._db.execute("PRAGMA journal_mode=WAL")  # persistent: every later connection reads in WAL mode
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            # A new file records how it stores vectors; an existing one keeps what it says.
            self._db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('dtype', ?)", (DTYPE,))
            self._read_dtype()
            self._ready = True
        return self._db

    def _read_dtype(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key='dtype'").fetchone()
        except sqlite3.OperationalError:  # no table yet: the writer that made the file has not finished
            return
        if row:
            self._dtype = row[0]

    def _run(self, write: bool, work, empty):
        """work(db) under the lock; `empty` when a reader finds no file or no table yet. A damaged file is one
        StoreError; a full or read-only disk stays an sqlite3 error (index/home.py turns it into a HomeError)."""
        with self._lock:
            try:
                db = self._connect(write)
                return empty if db is None else work(db)
            except sqlite3.OperationalError as exc:
                if not write and "no such table" in str(exc):
                    return empty  # a writer is creating the file right now: nothing is stored in it yet
                raise
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"the sentence vectors in {self.path} are damaged ({exc}): delete that file and "
                                 "run `newsbot ingest` to embed them again") from None

    def reopened(self) -> "SentenceStore":
        """This store, or a new one when the file was replaced since it opened (deleted and made again by an
        ingest): a connection keeps reading the file it opened, even once deleted."""
        with self._lock:
            if self._db is None:
                return self
            try:
                same = os.stat(self.path).st_ino == self._inode
            except OSError:
                same = False
        return self if same else SentenceStore(self.path, self.readonly)

    def close(self) -> None:
        """Close the connection (the last one to close folds the write-ahead log into the file and removes it)."""
        with self._lock:
            self._close()
            self._db, self._ready = None, False

    # -- reads -----------------------------------------------------------------------------------------------
    def count(self) -> int:
        return self._run(False, lambda db: db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0], 0)

    def ids(self) -> list[str]:
        """Every id stored (checks and tests; never on a question's path)."""
        return self._run(False, lambda db: [r[0] for r in db.execute("SELECT id FROM vectors")], [])

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """id -> float32 vector, for the ids stored (the others are left out)."""
        def read(db: sqlite3.Connection) -> dict[str, np.ndarray]:
            out: dict[str, np.ndarray] = {}
            for b in range(0, len(ids), BATCH):
                batch = list(ids[b : b + BATCH])
                rows = db.execute(f"SELECT id, vec FROM vectors WHERE id IN ({','.join('?' * len(batch))})", batch)
                out.update((i, np.frombuffer(v, dtype=self._dtype).astype(np.float32)) for i, v in rows)
            return out

        return self._run(False, read, {}) if len(ids) else {}

    def missing(self, ids: Sequence[str]) -> list[str]:
        """The ids not stored, in their order."""
        def read(db: sqlite3.Connection) -> set[str]:
            found: set[str] = set()
            for b in range(0, len(ids), BATCH):
                batch = list(ids[b : b + BATCH])
                found.update(r[0] for r in db.execute(
                    f"SELECT id FROM vectors WHERE id IN ({','.join('?' * len(batch))})", batch))
            return found

        found = self._run(False, read, set())
        return [i for i in ids if i not in found]

    # -- writes (each call one transaction) --------------------------------------------------------------------
    def upsert(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        if not len(ids):
            return

        def write(db: sqlite3.Connection) -> None:
            blobs = np.ascontiguousarray(vectors, dtype=self._dtype)  # after _connect: the file's own dtype
            with _transaction(db):
                db.executemany("INSERT OR REPLACE INTO vectors(id, vec) VALUES(?, ?)",
                               [(i, blobs[n].tobytes()) for n, i in enumerate(ids)])

        self._run(True, write, None)

    def delete(self, ids: Sequence[str]) -> None:
        if not len(ids):
            return

        def write(db: sqlite3.Connection) -> None:
            with _transaction(db):
                db.executemany("DELETE FROM vectors WHERE id=?", [(i,) for i in ids])

        self._run(True, write, None)

    # -- what the chunk store records about its big collection (index/chunk_delta.py) -------------------------
    def recorded(self, key: str) -> str | None:
        row = self._run(False, lambda db: db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone(), None)
        return row[0] if row else None

    def record(self, key: str, value: str | None) -> None:
        def write(db: sqlite3.Connection) -> None:
            with _transaction(db):
                if value is None:
                    db.execute("DELETE FROM meta WHERE key=?", (key,))
                else:
                    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

        self._run(True, write, None)

    # -- the chunk graveyard (index/chunk_delta.py) -----------------------------------------------------------
    def dead_chunks(self) -> frozenset[str]:
        return self._run(False, lambda db: frozenset(r[0] for r in db.execute("SELECT id FROM dead_chunks")),
                         frozenset())

    def bury_chunks(self, ids: Sequence[str]) -> None:
        self._write_rows([(i,) for i in ids], "INSERT OR IGNORE INTO dead_chunks(id) VALUES(?)")

    def unbury_chunks(self, ids: Sequence[str]) -> None:
        self._write_rows([(i,) for i in ids], "DELETE FROM dead_chunks WHERE id=?")

    # -- which part of a partitioned chunk index holds a chunk (index/partition.py) ----------------------------
    def parts_of(self, ids: Sequence[str]) -> dict[str, int]:
        def read(db: sqlite3.Connection) -> dict[str, int]:
            out: dict[str, int] = {}
            for b in range(0, len(ids), BATCH):
                batch = list(ids[b : b + BATCH])
                marks = ",".join("?" * len(batch))
                out.update(db.execute(f"SELECT id, part FROM chunk_parts WHERE id IN ({marks})", batch))
            return out

        return self._run(False, read, {})

    def count_parts(self) -> int:
        """How many chunk vectors the parts hold (each is written there before its row)."""
        return self._run(False, lambda db: db.execute("SELECT COUNT(*) FROM chunk_parts").fetchone()[0], 0)

    def set_parts(self, pairs: Sequence[tuple[str, int]]) -> None:
        self._write_rows(pairs, "INSERT OR REPLACE INTO chunk_parts(id, part) VALUES(?, ?)")

    def drop_parts(self, ids: Sequence[str]) -> None:
        self._write_rows([(i,) for i in ids], "DELETE FROM chunk_parts WHERE id=?")

    def _write_rows(self, rows: Sequence[tuple], statement: str) -> None:
        if not len(rows):
            return

        def write(db: sqlite3.Connection) -> None:
            with _transaction(db):
                db.executemany(statement, rows)

        self._run(True, write, None)


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
