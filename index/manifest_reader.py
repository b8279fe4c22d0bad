"""One generation of the manifest, read on demand: what a reader's snapshot (bot/library.py) looks rows up in.

A question reads one consistent generation without the reader having loaded every article, chunk and sentence
row of the archive first: it reads the rows it needs, by id, inside a read transaction of that generation.

The transaction is held only while a question reads (acquire() ... release(), counted: the questions of one
generation share it), never between questions. A reader that kept it would keep SQLite from starting the
write-ahead log over while another process writes, and the -wal file would grow for as long as the process
lives (it did in a 5-minute soak run: 42 MB). So each acquire() that finds no question reading begins a new
transaction and checks that the manifest is still at this reader's generation; when it is not, the rows of
this generation may be gone, and it raises StaleSnapshotError (bot/library.py then reads the current
generation). A lookup outside a question is a transaction of its own, checked the same way.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from index.errors import StaleSnapshotError
from index.manifest import open_readonly
from index.types import Article
from index.words import META, ScannedWords, StoredWords, WordStats

PAGE = 200  # article texts read per query when every one is read (the words of an index without their tables)


class ManifestReader:
    def __init__(self, path: Path, readonly: bool = False):
        if readonly:  # a home we may not write (index/home.py): opened as the Manifest opens it there
            self.db = open_readonly(path)
        else:
            self.db = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA query_only=1")  # this connection never writes
        # Closed by close(), or once nothing refers to this reader.
        self._close = weakref.finalize(self, self.db.close)
        # One connection for every thread of the process: one statement at a time on it.
        self._lock = threading.Lock()
        self._readers = 0  # questions reading now (acquire() - release())
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        self.generation = int(row[0]) if row else 0  # the generation this reader reads, whenever it reads

    def close(self) -> None:
        with self._lock:
            self._close()

    def acquire(self) -> None:
        """Start reading (a question): join the transaction open for other questions, or begin one and check
        that the manifest is still at this generation (StaleSnapshotError when it is not)."""
        with self._lock:
            if not self._readers:
                self._begin()
            self._readers += 1

    def release(self) -> None:
        with self._lock:
            self._readers -= 1
            if not self._readers:
                self.db.execute("COMMIT")  # nothing held between questions

    @contextmanager
    def reading(self) -> Iterator["ManifestReader"]:
        self.acquire()
        try:
            yield self
        finally:
            self.release()

    def _begin(self) -> None:
        self.db.execute("BEGIN")  # deferred: the first read fixes what every later read of it sees
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        now = int(row[0]) if row else 0
        if now != self.generation:
            self.db.execute("COMMIT")
            raise StaleSnapshotError(f"the index has moved from generation {self.generation} to {now}: read it "
                                     "again (bot.library.open_library(settings).current)")

    def rows(self, sql: str, params: Sequence = ()) -> list:
        """One query in this generation: in the questions' transaction, or in one of its own."""
        with self._lock:
            if self._readers:
                return self.db.execute(sql, params).fetchall()
            self._begin()
            try:
                return self.db.execute(sql, params).fetchall()
            finally:
                self.db.execute("COMMIT")

    def _value(self, key: str) -> str | None:
        row = self.rows("SELECT value FROM meta WHERE key=?", (key,))
        return row[0][0] if row else None

    # -- rows by id ---------------------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = self.rows("SELECT id, title, source, text, hash, date, url FROM articles WHERE id=?", (article_id,))
        return Article(*row[0]) if row else None

    def chunk(self, chunk_id: str) -> tuple | None:
        """(id, article_id, ordinal, start, end, first_sentence, last_sentence), or None."""
        row = self.rows('SELECT id, article_id, ordinal, start, "end", first_sentence, last_sentence FROM chunks '
                        "WHERE id=?", (chunk_id,))
        return row[0] if row else None

    def sentences(self, article_id: str) -> list[tuple]:
        """(id, article_id, ordinal, start, end, kind) of the article's sentences, in text order."""
        return self.rows('SELECT id, article_id, ordinal, start, "end", kind FROM sentences WHERE article_id=? '
                         "ORDER BY ordinal", (article_id,))

    # -- whole tables (listings, never on a question's path) ------------------------------------------------------
    def has_articles(self) -> bool:
        return bool(self.rows("SELECT 1 FROM articles LIMIT 1"))

    def count(self, table: str) -> int:
        assert table in ("articles", "chunks", "sentences")
        return self.rows(f"SELECT COUNT(*) FROM {table}")[0][0]

    def ids(self, table: str) -> list[str]:
        """Every article id (in id order), chunk or sentence id (by article, then in text order)."""
        order = {"articles": "id", "chunks": "article_id, ordinal", "sentences": "article_id, ordinal"}[table]
        return [r[0] for r in self.rows(f"SELECT id FROM {table} ORDER BY {order}")]

    def sentence_articles(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT DISTINCT article_id FROM sentences ORDER BY article_id")]

    def dated(self, date_from: str | None, date_to: str | None) -> set[str]:
        """The ids of the articles with a date within [date_from, date_to] (either end may be open)."""
        sql, params = "SELECT id FROM articles WHERE date IS NOT NULL AND date != ''", []
        if date_from:
            sql, params = sql + " AND date >= ?", params + [date_from]
        if date_to:
            sql, params = sql + " AND date <= ?", params + [date_to]
        return {r[0] for r in self.rows(sql, params)}

    def texts(self) -> Iterator[str]:
        """Every article's text, in id order, a page at a time (the lock is not held between pages)."""
        last = None
        while True:
            page = self.rows("SELECT id, text FROM articles " + ("WHERE id > ? " if last is not None else "")
                             + f"ORDER BY id LIMIT {PAGE}", (last,) if last is not None else ())
            yield from (text for _, text in page)
            if len(page) < PAGE:
                return
            last = page[-1][0]

    # -- the archive's words (index/words.py) ---------------------------------------------------------------------
    def words(self) -> WordStats:
        """The tables when they are this generation's; otherwise every text counted (an older index). The caller
        keeps the result (bot/library.py: once per snapshot); kept here, it would make a reference cycle."""
        if self._value(META) == str(self.generation):
            return StoredWords(self.rows, self.texts)
        return ScannedWords(self.texts())
