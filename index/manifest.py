"""The manifest: a SQLite file under NEWSBOT_HOME that says which article versions are committed.

It is the source of truth. Vectors are written to Chroma *before* the manifest row that makes them
live, and old vectors are deleted only *after* it; ids that may exist in Chroma without a manifest
row are listed in ``pending`` first, so a crash at any point leaves the previous index queryable and
the next run deletes the leftovers (see index/ingest.py).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from index import words
from index.types import Article, Chunk, Sentence

# Bump when sentence or chunk splitting changes: every article is re-split (3: sentence kinds; 4: "i.e.",
# "e.g." no sentence end).
FORMAT = "4"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, date TEXT, url TEXT,
    hash TEXT NOT NULL, text TEXT NOT NULL, ingested_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
CREATE TABLE IF NOT EXISTS chunks(
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, ordinal INT NOT NULL, start INT NOT NULL,
    "end" INT NOT NULL, first_sentence INT NOT NULL, last_sentence INT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS sentences(
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, ordinal INT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'body');
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article_id);
CREATE TABLE IF NOT EXISTS pending(id TEXT PRIMARY KEY, kind TEXT NOT NULL);
""" + words.SCHEMA


class Manifest:
    def __init__(self, path: Path, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        if readonly:  # a reader in a home it may not write (index/home.py): no WAL switch, no schema update
            self.db = open_readonly(path)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves so each article version is one transaction.
        self.db = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        # Manifests written before sentence kinds existed: add the column (every row "body" until the next
        # ingest re-splits the articles, which FORMAT makes it do).
        if "kind" not in {r[1] for r in self.db.execute("PRAGMA table_info(sentences)")}:
            self.db.execute("ALTER TABLE sentences ADD COLUMN kind TEXT NOT NULL DEFAULT 'body'")

    def close(self) -> None:
        self.db.close()

    # -- meta -------------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

    def generation(self) -> int:
        return int(self.get_meta("generation", "0") or 0)

    # -- reads ------------------------------------------------------------------------------------
    def article_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM articles"))

    def article_sources(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, source FROM articles"))

    def vector_ids(self, article_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM chunks WHERE article_id=? UNION ALL SELECT id FROM sentences WHERE article_id=?",
            (article_id, article_id),
        )
        return [r[0] for r in rows]

    def pending(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT id, kind FROM pending"))

    def pending_orphans(self) -> list[tuple[str, str]]:
        """The pending ids that no live chunk or sentence row uses: safe to delete from Chroma."""
        return list(self.db.execute(
            "SELECT id, kind FROM pending WHERE id NOT IN (SELECT id FROM chunks) "
            "AND id NOT IN (SELECT id FROM sentences)"))

    def count(self, table: str) -> int:
        assert table in ("articles", "chunks", "sentences")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def articles(self) -> list[Article]:
        rows = self.db.execute("SELECT id, title, source, text, hash, date, url FROM articles ORDER BY id")
        return [Article(*r) for r in rows]

    def chunks(self) -> list[tuple[str, str, int, int, int, int, int]]:
        return list(self.db.execute(
            'SELECT id, article_id, ordinal, start, "end", first_sentence, last_sentence FROM chunks '
            "ORDER BY article_id, ordinal"))

    def chunk_keys(self) -> set[tuple[str, int, int]]:
        """(id, start, end) of every chunk, as a set built at C speed (no sort, no per-row Python work): what
        BM25 checks itself against on a big archive."""
        return set(self.db.execute('SELECT id, start, "end" FROM chunks'))

    def chunk_rows(self, ids: Iterable[str]) -> list[tuple[str, str, int, int, int]]:
        """(id, article_id, ordinal, start, end) of these chunks, in chunks() order (unknown ids left out)."""
        ids, out = list(ids), []
        for b in range(0, len(ids), 500):  # SQLite caps the parameters of one statement
            batch = ids[b : b + 500]
            out += self.db.execute('SELECT id, article_id, ordinal, start, "end" FROM chunks '
                                   f"WHERE id IN ({','.join('?' * len(batch))})", batch)
        return sorted(out, key=lambda r: (r[1], r[2]))

    def article_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> text, for these ids (unknown ids are left out)."""
        ids, out = list(ids), {}
        for b in range(0, len(ids), 500):  # SQLite caps the parameters of one statement
            batch = ids[b : b + 500]
            out.update(self.db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(batch))})",
                                       batch))
        return out

    def sentences(self) -> list[tuple[str, str, int, int, int, str]]:
        return list(self.db.execute(
            'SELECT id, article_id, ordinal, start, "end", kind FROM sentences ORDER BY article_id, ordinal'))

    def snapshot(self):
        """A read transaction: every read inside sees the same committed state, even while an ingest commits."""
        return _Snapshot(self.db)

    # -- writes (each one transaction) ------------------------------------------------------------
    def mark_pending(self, ids: Iterable[tuple[str, str]]) -> None:
        with self._tx():
            self.db.executemany("INSERT OR IGNORE INTO pending(id, kind) VALUES(?, ?)", list(ids))

    def clear_pending(self, ids: Iterable[str]) -> None:
        with self._tx():
            self.db.executemany("DELETE FROM pending WHERE id=?", [(i,) for i in ids])

    def commit_article(self, article: Article, sentences: list[Sentence], chunks: list[Chunk]) -> list[tuple[str, str]]:
        """Make this version live; return the (id, kind) of the replaced version's vectors, now pending deletion."""
        new_ids = {c.id for c in chunks} | {s.id for s in sentences}
        with self._tx():
            synced = self._words_synced()
            if synced:  # the archive's words lose the old version's and gain the new one's (index/words.py)
                row = self.db.execute("SELECT text FROM articles WHERE id=?", (article.id,)).fetchone()
                if row:
                    words.add_text(self.db, row[0], -1)
                words.add_text(self.db, article.text)
            old = self._vector_rows(article.id)
            stale = [(i, k) for i, k in old if i not in new_ids]
            self.db.executemany("INSERT OR IGNORE INTO pending(id, kind) VALUES(?, ?)", stale)
            self._delete_rows(article.id)
            self.db.execute(
                "INSERT INTO articles(id, title, source, date, url, hash, text, ingested_at) VALUES(?,?,?,?,?,?,?,?)",
                (article.id, article.title, article.source, article.date, article.url, article.content_hash,
                 article.text, time.time()))
            self.db.executemany(
                'INSERT INTO chunks(id, article_id, ordinal, start, "end", first_sentence, last_sentence) '
                "VALUES(?,?,?,?,?,?,?)",
                [(c.id, c.article_id, c.ordinal, c.start, c.end, c.first_sentence, c.last_sentence) for c in chunks])
            self.db.executemany(
                'INSERT INTO sentences(id, article_id, ordinal, start, "end", kind) VALUES(?,?,?,?,?,?)',
                [(s.id, s.article_id, s.ordinal, s.start, s.end, s.kind) for s in sentences])
            # The new vectors are live now: no longer pending.
            self.db.executemany("DELETE FROM pending WHERE id=?", [(i,) for i in new_ids])
            self._bump(synced)
        return stale

    def remove_article(self, article_id: str) -> list[tuple[str, str]]:
        with self._tx():
            synced = self._words_synced()
            row = self.db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
            if synced and row:
                words.add_text(self.db, row[0], -1)
            old = self._vector_rows(article_id)
            self.db.executemany("INSERT OR IGNORE INTO pending(id, kind) VALUES(?, ?)", old)
            self._delete_rows(article_id)
            self._bump(synced)
        return old

    def sync_words(self) -> bool:
        """Rebuild the archive's words (index/words.py) unless they are the current generation's; True if rebuilt.
        An index from before them, or one an older newsbot changed, is counted anew in one transaction."""
        with self._tx():
            if self._words_synced():
                return False
            texts = (r[0] for r in self.db.execute("SELECT text FROM articles ORDER BY id"))
            words.rebuild_words(self.db, texts)
            self.set_meta(words.META, str(self.generation()))
        return True

    # -- internals --------------------------------------------------------------------------------
    def _vector_rows(self, article_id: str) -> list[tuple[str, str]]:
        rows = self.db.execute(
            "SELECT id, 'chunk' FROM chunks WHERE article_id=? UNION ALL "
            "SELECT id, 'sentence' FROM sentences WHERE article_id=?", (article_id, article_id))
        return [(r[0], r[1]) for r in rows]

    def _delete_rows(self, article_id: str) -> None:
        for table, col in (("articles", "id"), ("chunks", "article_id"), ("sentences", "article_id")):
            self.db.execute(f"DELETE FROM {table} WHERE {col}=?", (article_id,))

    def _words_synced(self) -> bool:
        return self.get_meta(words.META) == str(self.generation())

    def _bump(self, words_synced: bool) -> None:
        self.set_meta("generation", str(self.generation() + 1))
        if words_synced:  # the words were kept up with this change too
            self.set_meta(words.META, str(self.generation()))

    def _tx(self):
        return _Transaction(self.db)


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open the manifest without writing anything next to it.

    mode=ro reads a WAL database when its -shm file exists; in a read-only folder without one (the last
    writer closed cleanly, so the WAL is empty) SQLite cannot create it, and immutable=1 reads the file as is."""
    for query in ("mode=ro", "mode=ro&immutable=1"):
        db = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=60, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("SELECT COUNT(*) FROM meta").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
            if query != "mode=ro":
                raise
    raise AssertionError("unreachable")


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


class _Snapshot:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.own = False

    def __enter__(self):
        if not self.db.in_transaction:  # inside a transaction the reads are consistent already
            self.db.execute("BEGIN")  # deferred: in WAL mode the first read fixes the snapshot
            self.own = True

    def __exit__(self, exc_type, exc, tb):
        if self.own:
            self.db.execute("COMMIT")
        return False


def dumps_meta(value: object) -> str:
    return json.dumps(value, sort_keys=True)
